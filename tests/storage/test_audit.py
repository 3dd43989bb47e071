"""The audit log is a hash chain: an edit or a deletion made to the file shows where it was."""

import sqlite3

from desktop.exchange.importing import import_file
from desktop.storage import audit
from desktop.storage import warnings as warning_store
from desktop.storage.database import check_database, open_database


def _tamper(path, sql: str) -> None:
    """What someone with the file and a SQLite tool could do: drop the guard and edit."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute(sql)
    conn.commit()
    conn.close()


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
    _tamper(path, "UPDATE audit SET summary = 'nothing happened' WHERE seq = 3")
    database = open_database(path)
    assert audit.verify_chain(database) == 3
    database.close()
    assert check_database(path) == ["audit log: the chain is broken at entry 3"]


def test_a_deleted_row_is_found(tmp_path):
    path, _rows = _station(tmp_path)
    _tamper(path, "DELETE FROM audit WHERE seq = 4")
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
