import pytest

from desktop.core.errors import ValidationError
from desktop.db import audit
from desktop.db import sqlite as sqlite3  # the driver the program uses
from desktop.db.records import (
    count_live,
    get_record,
    insert_record,
    restore_record,
    retire_record,
    update_record,
    update_records,
)


def test_insert_sets_common_columns_and_audits(db):
    area_id = insert_record(db, "areas", {"name": "宜州区", "level": "county", "code": "451203"})
    row = get_record(db, "areas", area_id)
    assert row["created_at"] == row["updated_at"]
    assert row["created_at"][-6] in "+-"  # offset kept
    assert row["deleted_at"] is None
    assert row["device_id"] == db.device_id
    log = audit.recent(db)
    assert log[0]["action"] == "create" and log[0]["row_id"] == area_id


def test_update_reports_only_real_changes(db):
    area_id = insert_record(db, "areas", {"name": "宜州区", "level": "county"})
    statements = []
    db.conn.set_trace_callback(statements.append)
    assert update_record(db, "areas", area_id, {"name": "宜州区"}) == []
    db.conn.set_trace_callback(None)
    # Nothing to change begins no transaction: a read-only copy saves a form left as it was.
    assert statements and not [s for s in statements if not s.startswith("SELECT")]
    assert update_record(db, "areas", area_id, {"name": "宜州区", "code": "451203"}) == ["code"]
    assert audit.recent(db)[0]["summary"] == "changed: code"


def test_updating_many_records_at_once_is_updating_each_in_turn(db):
    made = [
        insert_record(db, "areas", {"name": name, "level": "county"})
        for name in ("宜州区", "金城江区", "南丹县")
    ]
    alone = insert_record(db, "areas", {"name": "东兰县", "level": "county"})
    update_record(db, "areas", alone, {"code": "451224"})
    expected = get_record(db, "areas", alone)
    before = db.scalar("SELECT max(seq) FROM audit")
    changed = update_records(
        db,
        "areas",
        {made[0]: {"code": "451203"}, made[1]: {"name": "金城江区"}, made[2]: {"code": "451221"}},
        summary="codes",
    )
    assert changed == {made[0]: ["code"], made[1]: [], made[2]: ["code"]}
    entries = db.query("SELECT action, row_id, summary FROM audit WHERE seq > ?", (before,))
    assert [tuple(e) for e in entries] == [
        ("update", made[0], "codes"),
        ("update", made[2], "codes"),
    ]  # the one that did not change is not written
    for record_id in (made[0], made[2]):
        row = get_record(db, "areas", record_id)
        assert row["versions"] and row["device_id"] == db.device_id
        assert '"code"' in row["versions"] and '"name"' not in row["versions"]
        assert row["change_seq"] > expected["change_seq"]
        assert row["updated_at"] >= row["created_at"]
    assert get_record(db, "areas", made[1])["versions"] in (None, "")
    assert audit.verify_chain(db) is None


def test_updating_many_records_writes_nothing_when_one_is_missing_or_a_value_is_wrong(db):
    areas = [
        insert_record(db, "areas", {"name": n, "level": "county"}) for n in ("宜州区", "南丹县")
    ]
    before = db.scalar("SELECT max(seq) FROM audit")
    with pytest.raises(KeyError):
        update_records(db, "areas", {areas[0]: {"code": "451203"}, "no-such-id": {"code": "1"}})
    with pytest.raises(ValidationError):
        update_records(db, "areas", {areas[0]: {"code": "451203"}, areas[1]: {"name": "南丹\n县"}})
    with pytest.raises(KeyError):  # a field no record has, as for update_record
        update_records(db, "areas", {areas[0]: {"no_such_field": "1"}})
    assert [get_record(db, "areas", a)["code"] for a in areas] == [None, None]
    assert db.scalar("SELECT count(*) FROM audit WHERE seq > ?", (before,)) == 0


def test_retire_keeps_history_and_restore_brings_back(db):
    area_id = insert_record(db, "areas", {"name": "宜州区", "level": "county"})
    retire_record(db, "areas", area_id)
    assert count_live(db, ["areas"]) == {"areas": 0}
    assert get_record(db, "areas", area_id)["deleted_at"]
    restore_record(db, "areas", area_id)
    assert count_live(db, ["areas"]) == {"areas": 1}
    assert [e["action"] for e in audit.recent(db)][:3] == ["restore", "delete", "create"]


def test_audit_rejects_update_and_delete(db):
    insert_record(db, "areas", {"name": "宜州区", "level": "county"})
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit SET summary = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit")


def test_failed_insert_leaves_no_audit_row(db):
    with pytest.raises(sqlite3.IntegrityError):
        insert_record(db, "areas", {"name": "x", "level": "province"})
    assert db.scalar("SELECT count(*) FROM audit") == 0


def test_unknown_table_is_refused(db):
    with pytest.raises(ValueError):
        insert_record(db, "audit", {"x": 1})


def test_record_ids_are_random_version_4_uuids():
    import uuid

    from desktop.db.database import new_id

    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert (str(parsed), parsed.version, parsed.variant) == (text, 4, uuid.RFC_4122)


def test_rows_held_by_a_bulk_insert_are_read_back_and_undone_with_a_savepoint(db):
    from desktop.db.records import BulkInsert

    with db.atomic():
        bulk = BulkInsert(db)
        kept = bulk.insert("areas", {"name": "金城江区", "level": "county"})
        # A statement sees what was held before it.
        assert db.scalar("SELECT name FROM areas WHERE id = ?", (kept,)) == "金城江区"
        with pytest.raises(RuntimeError), db.atomic():
            bulk.insert("areas", {"name": "宜州区", "level": "county"})
            raise RuntimeError("undone")
        bulk.insert("areas", {"name": "东兰县", "level": "county"})
        bulk.finish()
    names = [row[0] for row in db.query("SELECT name FROM areas ORDER BY rowid")]
    assert names == ["金城江区", "东兰县"]
