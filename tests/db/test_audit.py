"""The audit log is a hash chain: an edit or a deletion made to the file shows where it was."""

import hashlib
import json
import sqlite3
from datetime import datetime

import pytest
from tampering import rewrite_audit, tamper_audit  # tests/tampering.py

from desktop.db import anchors, audit, chain
from desktop.db import sqlite as driver
from desktop.db.database import AUDIT_CHAIN_PREFIX
from desktop.db.opening import check_database, open_database
from desktop.domain import warnings as warning_store
from desktop.exchange.importing import import_file


def _station(tmp_path):
    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    warning_id = warning_store.intake(
        database, {"source": "bank", "level": "high", "name": "罗某某", "mobile": "13812345678"}
    )
    warning_store.record_contact(database, warning_id, method="phone", result="busy")
    source = tmp_path / "list.csv"
    source.write_text(
        "下发时间,预警来源,预警等级,姓名,手机号码\n"
        "2026-11-01 09:00,96110,高,韦某,13912345678\n2026-11-01 09:05,96110,低,蓝某,13712345678\n",
        encoding="utf-8",
    )
    import_file(database, "warnings", source)  # audit rows written in bulk
    assert audit.verify_chain(database) is None
    rows = database.scalar("SELECT count(*) FROM audit")
    database.close()
    return path, rows


def test_the_chain_holds_for_every_way_of_writing(tmp_path):
    path, rows = _station(tmp_path)
    assert rows >= 8 and check_database(path) == []


def test_an_edited_row_is_found(tmp_path):
    path, _rows = _station(tmp_path)
    tamper_audit(path, "UPDATE audit SET summary = 'nothing happened' WHERE seq = 3")
    database = open_database(path)
    assert audit.verify_chain(database) == 3
    database.close()
    assert check_database(path) == ["audit log: the chain is broken at entry 3"]


def test_a_deleted_row_is_found(tmp_path):
    path, _rows = _station(tmp_path)
    tamper_audit(path, "DELETE FROM audit WHERE seq = 4")
    database = open_database(path)
    assert audit.verify_chain(database) == 5  # the row after the gap no longer follows
    database.close()


def test_the_program_itself_cannot_change_the_log(tmp_path):
    path, _rows = _station(tmp_path)
    conn = sqlite3.connect(path)
    for sql in ("UPDATE audit SET summary = 'x'", "DELETE FROM audit"):
        try:
            conn.execute(sql)
        except sqlite3.IntegrityError as exc:
            assert "append-only" in str(exc)
        else:
            raise AssertionError(sql)
    conn.close()


# -- the chain's end, kept outside the table -----------------------------------------------


def _reveal_twice(path):
    """Two entries at the end of the log, the kind someone would like to see gone."""
    database = open_database(path)
    with database.atomic():
        audit.record(database, "reveal", "residents", "r1", "full mobile shown: 核对")
        audit.record(database, "reveal", "residents", "r2", "full ID number shown: 核对")
    last = database.scalar("SELECT max(seq) FROM audit")
    database.close()
    return last


def _rewrite(conn, key=None):
    """Rewrite every summary's words and work every hash out again, as a tool could."""
    rewrite_audit(conn, "UPDATE audit SET summary = replace(summary, 'full', 'masked')", key)


def _messages(problems) -> list[str]:
    return [str(problem) for problem in problems]


def test_entries_cut_off_the_end_are_reported_against_the_note_beside_the_database(tmp_path):
    path, _rows = _station(tmp_path)
    last = _reveal_twice(path)
    tamper_audit(path, f"DELETE FROM audit WHERE seq > {last - 2}")
    database = open_database(path)
    assert audit.verify_chain(database) is None  # what is left still links up
    database.close()
    problems = check_database(path)
    assert all(isinstance(problem, anchors.AuditFinding) for problem in problems)
    assert _messages(problems) == [
        "The audit log is shorter than the end of the log noted beside the database"
        f" ({problems[0].params['anchor'].params['when']}) records: it reached entry {last} then,"
        f" it ends at entry {last - 2} now."
    ]


def test_the_note_is_not_moved_past_entries_that_went_missing(tmp_path):
    path, _rows = _station(tmp_path)
    last = _reveal_twice(path)
    tamper_audit(path, f"DELETE FROM audit WHERE seq > {last - 2}")
    database = open_database(path)  # the program goes on writing after the cut
    with database.atomic():
        audit.record(database, "print", summary="notice printed")
    database.close()
    assert _messages(check_database(path)) == [
        f"The audit log lost entries: entry {last}, which the end of the log noted beside the"
        f" database ({chain.read_note(path)['at'][:16].replace('T', ' ')})"
        " records, is gone."
    ]


def _backed_up(tmp_path):
    """A station with two reveals in its log, then backed up: (file, last entry, backup)."""
    from desktop.db import backups

    path, _rows = _station(tmp_path)
    last = _reveal_twice(path)
    database = open_database(path)
    backup = backups.backup_now(database, tmp_path / "backups")
    database.close()
    return path, last, backup


def test_a_cut_is_reported_against_each_backup_that_holds_more(tmp_path):
    from desktop.db import backups

    path, last, backup = _backed_up(tmp_path)
    folder = backup.parent
    assert backups.sidecar(backup).exists()
    tamper_audit(path, f"DELETE FROM audit WHERE seq > {last - 2}")
    chain.anchor_file(path).unlink()  # whoever cut the log also removed the note beside it
    problems = check_database(path, folder)
    assert len(problems) == 1 and backup.name in str(problems[0])
    assert str(problems[0]).startswith("The audit log is shorter than the backup of")
    assert f"it reached entry {last} then, it ends at entry {last - 2} now" in str(problems[0])


def test_a_chain_rewritten_and_hashed_again_is_caught_by_its_anchors(tmp_path):
    from desktop.db import backups

    path, last, backup = _backed_up(tmp_path)
    folder = backup.parent
    conn = sqlite3.connect(path)
    _rewrite(conn)
    conn.close()
    assert audit.verify_chain(sqlite3.connect(path)) is None  # every link follows again
    messages = _messages(check_database(path, folder))
    assert len(messages) == 2
    assert messages[0].startswith(f"The audit log was rewritten: entry {last} is not the one the"
                                  " end of the log noted beside the database")  # fmt: skip
    assert messages[1] == (
        f"The audit log was rewritten: entry {last} is not the one the backup of"
        f" {backups.backup_time(backup):%Y-%m-%d %H:%M} ({backup.name}) records."
    )


def test_a_restore_gives_up_the_later_entries_without_an_alarm(tmp_path):
    from desktop.db import backups

    path, _rows = _station(tmp_path)
    folder = tmp_path / "backups"
    database = open_database(path)
    older = backups.backup_now(database, folder, now=datetime(2026, 12, 1, 9))
    database.close()
    _reveal_twice(path)
    database = open_database(path)
    backups.backup_now(database, folder, now=datetime(2026, 12, 2, 9))
    database.close()
    backups.restore_backup(older, path)
    assert check_database(path, folder) == []
    newer = [b for b in backups.list_backups(folder) if b != older]
    assert [bool(chain.read_json(backups.sidecar(b)).get("superseded")) for b in newer] == [True]
    database = open_database(path)  # and the note moves on with the restored log
    with database.atomic():
        audit.record(database, "print", summary="notice printed")
    database.close()
    assert check_database(path, folder) == []


def test_a_log_whose_guards_were_removed_is_reported_even_when_nothing_else_shows(tmp_path):
    path, _rows = _station(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_no_delete")  # and left so: the log can be cut any time
    conn.commit()
    conn.close()
    chain.anchor_file(path).unlink()
    assert _messages(check_database(path)) == [
        "The audit log's guards against change were removed: the file was opened with another"
        " tool to change the log."
    ]


def test_a_forged_note_cannot_excuse_what_a_backup_records(tmp_path):
    """A note beside the database claiming a restore (its checksum worked out again, as anyone
    can) leaves the backup's record standing: only a real restore marks the backups it passed."""
    from desktop.db import backups

    path, last, backup = _backed_up(tmp_path)
    tamper_audit(path, "DELETE FROM audit WHERE seq > 1")
    first = sqlite3.connect(path).execute("SELECT hash FROM audit WHERE seq = 1").fetchone()[0]
    device = (
        sqlite3.connect(path)
        .execute("SELECT value FROM meta WHERE key = 'device_id'")
        .fetchone()[0]
    )
    forged = {"device_id": device, "seq": 1, "hash": first, "at": "2026-12-05T18:12:00+08:00",
              "restored": {"at": "9999-12-31T00:00:00+08:00", "backup": "x", "seq": 0}}  # fmt: skip
    forged["check"] = hashlib.sha256(json.dumps(forged, sort_keys=True).encode()).hexdigest()
    chain.anchor_file(path).write_text(json.dumps(forged), encoding="utf-8")
    problems = _messages(check_database(path, backup.parent))
    assert any(backup.name in problem and f"entry {last}" in problem for problem in problems)
    assert not json.loads(backups.sidecar(backup).read_text()).get("superseded")


def test_a_new_database_in_the_same_place_is_not_taken_for_a_cut(tmp_path):
    path, _rows = _station(tmp_path)
    path.unlink()
    open_database(path).close()
    assert check_database(path) == []


def _encrypted_station(tmp_path):
    """A station whose first entries were written in clear, then encrypted, then written on."""
    from desktop.db import keys

    path, rows = _station(tmp_path)
    data_key = keys.encrypt_database(path, "fanzha-2026", "ABCDE-FGHJK-LMNPQ-RSTUV")
    last = _reveal_twice(path)
    return path, data_key, rows + 1, last


def _cipher_connection(path, data_key):
    from desktop.db import keys

    conn = driver.connect(str(path), encrypted=True)
    keys.apply_key(conn, data_key)
    return conn


@pytest.mark.sqlcipher
def test_an_encrypted_database_keys_its_chain_from_the_next_entry_on(tmp_path):
    from desktop.db import keys

    path, data_key, first_keyed, last = _encrypted_station(tmp_path)
    try:
        assert check_database(path) == []  # the entries in clear and the keyed ones verify
        conn = _cipher_connection(path, data_key)
        assert json.loads(conn.execute(
            "SELECT value FROM meta WHERE key = 'audit_chain'").fetchone()[0]
        ) == [[0, "sha256"], [first_keyed, "hmac"]]  # fmt: skip
        _rewrite(conn)  # worked out again without the chain's key
        conn.close()
        chain.anchor_file(path).unlink()  # and the note beside it gone too
        assert check_database(path) == [f"{AUDIT_CHAIN_PREFIX} {first_keyed}"]
    finally:
        keys.forget(path)


@pytest.mark.sqlcipher
def test_a_keyed_chain_rewritten_with_its_key_is_still_caught_by_the_note(tmp_path):
    from desktop.db import keys

    path, data_key, _first_keyed, last = _encrypted_station(tmp_path)
    try:
        conn = _cipher_connection(path, data_key)
        _rewrite(conn, chain.chain_key(data_key))
        conn.close()
        assert _messages(check_database(path))[-1].startswith(
            f"The audit log was rewritten: entry {last} is not the one the end of the log noted"
        )
    finally:
        keys.forget(path)


@pytest.mark.sqlcipher
def test_a_decrypted_database_still_verifies_its_keyed_entries(tmp_path):
    from desktop.db import keys

    path, _data_key, first_keyed, _last = _encrypted_station(tmp_path)
    keys.decrypt_database(path)
    last = _reveal_twice(path)
    assert check_database(path) == []
    conn = sqlite3.connect(path)
    stretches = json.loads(
        conn.execute("SELECT value FROM meta WHERE key = 'audit_chain'").fetchone()[0]
    )
    conn.close()
    assert [first for first, _scheme in stretches] == [0, first_keyed, last - 1]
    assert stretches[1][1].startswith("hmac:") and stretches[2][1] == "sha256"
    # Encrypted again, with a new key: every stretch still verifies with its own scheme.
    keys.encrypt_database(path, "fanzha-2027", "ABCDE-FGHJK-LMNPQ-RSTUV")
    try:
        again = _reveal_twice(path)
        assert check_database(path) == []
        conn = _cipher_connection(path, keys.key_for(path))
        assert json.loads(conn.execute(
            "SELECT value FROM meta WHERE key = 'audit_chain'").fetchone()[0]
        )[3] == [again - 1, "hmac"]  # fmt: skip
        conn.close()
        keys.decrypt_database(path)
    finally:
        keys.forget(path)
    tamper_audit(path, f"UPDATE audit SET summary = 'nothing' WHERE seq = {first_keyed}")
    assert check_database(path)[0] == f"{AUDIT_CHAIN_PREFIX} {first_keyed}"


def test_a_note_torn_by_a_crash_counts_as_none_and_is_written_again(tmp_path):
    path, _rows = _station(tmp_path)
    note = chain.anchor_file(path)
    text = note.read_text(encoding="utf-8")
    seq = json.loads(text)["seq"]
    # A write cut short: the new entry's number landed, the rest of the note is the old one.
    note.write_text(text.replace(f'"seq": {seq}', f'"seq": {seq + 90}'), encoding="utf-8")
    assert chain.read_note(path) is None and check_database(path) == []
    last = _reveal_twice(path)
    assert chain.read_note(path)["seq"] == last


@pytest.mark.parametrize("key", [None, b"k" * 32], ids=["plain", "keyed"])
def test_the_hashes_of_many_rows_are_those_of_each_row_in_turn(key):
    from desktop.db.chain import chain_hash, chain_hashes

    rows = [("residents", f"id-{n}", "import" if n % 3 else None) for n in range(7)]
    expected, previous = [], "start"
    for row in rows:
        previous = chain_hash(previous, ("at", "actor", "create", *row, "device"), key)
        expected.append(previous)
    assert list(chain_hashes("start", ("at", "actor", "create"), rows, ("device",), key)) == (
        expected
    )


def test_a_long_bulk_insert_keeps_the_chain(db):
    from desktop.db.records import BulkInsert

    with db.atomic():
        bulk = BulkInsert(db)
        for n in range(12_001):  # more than two batches of audit rows
            bulk.insert("areas", {"name": f"村{n}", "level": "county"})
        bulk.finish()
    assert db.scalar("SELECT count(*) FROM audit WHERE action = 'create'") == 12_001
    assert audit.verify_chain(db) is None


def test_searching_the_log_for_a_percent_sign_matches_it_as_typed(db):
    audit.record(db, "settings", summary="coverage threshold set to 80%")
    audit.record(db, "settings", summary="coverage threshold set to 800")
    assert [row["summary"] for row in audit.search(db, text="80%")] == [
        "coverage threshold set to 80%"
    ]
    assert audit.search(db, text="set_to") == []
