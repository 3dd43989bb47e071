import pytest

from desktop.db import audit
from desktop.db import sqlite as sqlite3  # the driver the program uses
from desktop.db.records import (
    count_live,
    get_record,
    insert_record,
    restore_record,
    retire_record,
    update_record,
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
    assert update_record(db, "areas", area_id, {"name": "宜州区"}) == []
    assert update_record(db, "areas", area_id, {"name": "宜州区", "code": "451203"}) == ["code"]
    assert audit.recent(db)[0]["summary"] == "changed: code"


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
