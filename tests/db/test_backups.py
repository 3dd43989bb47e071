"""Backups that are checked before they count, a rotation that keeps days, weeks and months,
a restore drill, and damaged files moved aside untouched."""

import hashlib
from datetime import datetime, timedelta

import pytest

from desktop.core.errors import DatabaseError
from desktop.db import backups, instance
from desktop.db.opening import open_database
from desktop.domain import warnings as warning_store


def _dump(path):
    """The database as SQL, without the notes the backup itself leaves in ``meta``."""
    import sqlite3

    conn = sqlite3.connect(path)
    notes = (backups.META_LAST_BACKUP, backups.META_LAST_BACKUP_PATH, backups.META_BACKUP_AUDIT_SEQ)
    try:
        return [line for line in conn.iterdump() if not any(f"'{n}'" in line for n in notes)]
    finally:
        conn.close()


@pytest.fixture
def station(tmp_path):
    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    warning_store.intake(
        database, {"source": "platform", "level": "high", "name": "罗某某", "mobile": "13812345678"}
    )
    yield path, database
    if database.conn is not None:
        try:
            database.close()
        except Exception:  # closed by the test itself
            pass


def test_a_restored_backup_equals_the_original(station, tmp_path):
    path, database = station
    folder = tmp_path / "backups"
    assert backups.changed_since_backup(database)
    backup = backups.backup_now(database, folder, now=datetime(2026, 11, 25, 18, 0))
    assert backup.name == "backup-20261125-180000.sqlite3"
    assert not backups.changed_since_backup(database)
    assert database.get_meta(backups.META_LAST_BACKUP).startswith("2026-11-25T18:00:00")
    original = _dump(path)
    database.close()
    path.write_bytes(b"")  # the database is lost
    kept = backups.restore_backup(backup, path, now=datetime(2026, 11, 26, 9, 0))
    assert kept is not None and kept.name.endswith(".replaced-20261126-090000")
    assert _dump(path) == original
    reopened = open_database(path)
    assert reopened.scalar("SELECT count(*) FROM warnings") == 1
    reopened.close()


def test_a_backup_killed_halfway_never_counts(station, tmp_path):
    path, database = station
    folder = tmp_path / "backups"
    good = backups.backup_now(database, folder, now=datetime(2026, 11, 24, 18, 0))
    partial = folder / (backups.backup_name(datetime(2026, 11, 25, 18, 0)) + ".part")
    partial.write_bytes(path.read_bytes()[:4096])  # what a killed backup leaves
    assert backups.list_backups(folder) == [good]
    assert backups.newest_good_backup(folder) == good


def test_a_damaged_newest_backup_is_passed_over(station, tmp_path):
    path, database = station
    folder = tmp_path / "backups"
    older = backups.backup_now(database, folder, now=datetime(2026, 11, 24, 18, 0))
    newer = backups.backup_now(database, folder, now=datetime(2026, 11, 25, 18, 0))
    data = bytearray(newer.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a bad sector in the middle of the file
    newer.write_bytes(bytes(data))
    assert backups.verify_file(newer)
    assert backups.newest_good_backup(folder) == older
    with pytest.raises(DatabaseError):
        backups.restore_backup(newer, tmp_path / "other.sqlite3")
    assert not (tmp_path / "other.sqlite3").exists()


def test_the_rotation_keeps_days_weeks_and_months():
    start = datetime(2026, 1, 1, 18, 0)
    moments = [start + timedelta(days=day) for day in range(200)]  # a backup every evening
    keep = backups.backups_to_keep(moments, backups.Retention(daily=7, weekly=4, monthly=6))
    newest = moments[-1]
    assert {newest - timedelta(days=d) for d in range(7)} <= keep  # the last seven days
    months = {(m.year, m.month) for m in keep}
    assert len(months) == 6 and (2026, 7) in months  # the newest of each of six months
    assert len(keep) <= 7 + 4 + 6
    assert backups.backups_to_keep([], backups.Retention()) == set()


def test_prune_deletes_only_what_the_rotation_drops(station, tmp_path):
    _path, database = station
    folder = tmp_path / "backups"
    for day in range(10):
        backups.backup_now(
            database, folder, backups.Retention(daily=3, weekly=1, monthly=1),
            now=datetime(2026, 11, 1, 18, 0) + timedelta(days=day),
        )  # fmt: skip
    names = [path.name for path in backups.list_backups(folder)]
    assert names == [
        "backup-20261110-180000.sqlite3", "backup-20261109-180000.sqlite3",
        "backup-20261108-180000.sqlite3",
    ]  # fmt: skip
    # Each kept backup has its note of the audit log's end; the dropped ones' notes went too.
    assert sorted(path.name for path in folder.glob("*.json")) == sorted(
        f"{name}.json" for name in names
    )


def test_a_damaged_database_is_moved_aside_byte_for_byte(tmp_path):
    path = tmp_path / "station.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    wal = tmp_path / "station.sqlite3-wal"
    wal.write_bytes(b"wal bytes")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    moved = backups.quarantine(path, now=datetime(2026, 11, 25, 9, 30))
    assert [p.name for p in moved] == [
        "station.sqlite3.damaged-20261125-093000", "station.sqlite3.damaged-20261125-093000-wal",
    ]  # fmt: skip
    assert hashlib.sha256(moved[0].read_bytes()).hexdigest() == digest
    assert moved[1].read_bytes() == b"wal bytes"
    assert not path.exists() and not wal.exists()


def test_the_unclean_shutdown_marker(tmp_path):
    path = tmp_path / "station.sqlite3"
    assert not instance.was_left_open(path)
    instance.mark_open(path)
    assert instance.was_left_open(path)
    instance.mark_closed(path)
    assert not instance.was_left_open(path)


def test_a_backup_folder_that_cannot_be_made_says_so(station, tmp_path):
    _path, database = station
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError) as info:
        backups.backup_now(database, blocker / "backups")
    assert "backup folder" in info.value.render().lower()


def test_the_copy_taken_before_a_schema_change_outlives_the_rotation(station, tmp_path):
    _path, database = station
    folder = tmp_path / "backups"
    before = backups.make_backup(database.conn, folder, now=datetime(2026, 11, 1, 8, 0),
                                 tag="before-schema-8")  # fmt: skip
    for day in range(5):
        backups.backup_now(database, folder, backups.Retention(daily=1, weekly=0, monthly=0),
                           now=datetime(2026, 11, 2 + day, 18, 0))  # fmt: skip
    assert before.exists() and len(backups.list_backups(folder)) == 2


def test_two_restores_in_the_same_second_keep_both_replaced_files(station, tmp_path):
    path, database = station
    backup = backups.backup_now(database, tmp_path / "backups")
    database.close()
    moment = datetime(2026, 11, 26, 9, 0)
    first = backups.restore_backup(backup, path, now=moment)
    second = backups.restore_backup(backup, path, now=moment)
    assert first != second and first.exists() and second.exists()
    assert second.name.endswith(".replaced-20261126-090000-2")


def test_copies_left_by_killed_backups_are_removed_once_old(tmp_path, caplog):
    import os
    import time

    folder = tmp_path / "backups"
    folder.mkdir()
    stale = [folder / "backup-20261120-093000.sqlite3.part",
             folder / "backup-20261120-093000.sqlite3.part-journal",
             folder / "backup-20261121-093000-before-schema-9.sqlite3.part"]  # fmt: skip
    running = folder / "backup-20261125-093000.sqlite3.part"
    strangers = [folder / "backup-20261120-093000.sqlite3", folder / "mine.sqlite3.part",
                 folder / "report.part"]  # fmt: skip
    for path in (*stale, running, *strangers):
        path.write_bytes(b"x")
    old = time.time() - backups.ABANDONED_AFTER_S - 60
    for path in (*stale, *strangers):
        os.utime(path, (old, old))
    with caplog.at_level("WARNING"):
        assert backups.remove_abandoned(folder) == sorted(stale)
    assert running.exists() and all(path.exists() for path in strangers)
    assert "did not finish" in caplog.text
