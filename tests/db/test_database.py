import os
import sqlite3
from pathlib import Path

import pytest
from tampering import copy_while_open  # tests/tampering.py

from desktop.core.catalogue import RECORD_TABLES
from desktop.core.errors import DatabaseError
from desktop.db import database, migrations
from desktop.db.database import SORT_THREADS
from desktop.db.opening import open_database


def test_new_database_has_pragmas_schema_and_device_id(tmp_path):
    database = open_database(tmp_path / "a.sqlite3")
    assert database.scalar("PRAGMA journal_mode") == "wal"
    assert database.scalar("PRAGMA synchronous") == 2  # FULL
    assert database.scalar("PRAGMA foreign_keys") == 1
    # big sorts (a year's warnings by area) use the laptop's cores
    assert database.scalar("PRAGMA threads") == SORT_THREADS
    assert database.schema_version == migrations.SCHEMA_VERSION
    assert len(database.device_id) == 36
    tables = {r[0] for r in database.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(RECORD_TABLES) | {"meta", "audit"} <= tables
    database.close()


def test_device_id_is_stable_across_opens(tmp_path):
    first = open_database(tmp_path / "a.sqlite3")
    device = first.device_id
    first.close()
    assert open_database(tmp_path / "a.sqlite3").device_id == device


def test_a_database_copied_to_another_computer_edits_under_a_new_device_id(tmp_path):
    first = open_database(tmp_path / "a.sqlite3")
    device = first.device_id
    first.set_meta("device_host", "the-other-laptop")  # as if the file had come from there
    first.close()
    moved = open_database(tmp_path / "a.sqlite3")
    assert moved.device_id != device and len(moved.device_id) == 36
    assert moved.get_meta("device_ids_before") == device
    moved.close()
    assert open_database(tmp_path / "a.sqlite3").device_id == moved.device_id  # and stays


@pytest.mark.parametrize("table", RECORD_TABLES)
def test_every_record_table_has_the_common_columns(db, table):
    columns = {row["name"] for row in db.query(f"PRAGMA table_info({table})")}
    assert {"id", "created_at", "updated_at", "deleted_at", "device_id"} <= columns


def test_not_a_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    content = "这不是数据库 — just a text file\n".encode() * 200
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert "not SQLite" in str(info.value)
    assert path.read_bytes() == content
    assert not (tmp_path / "notes.sqlite3-wal").exists()


def test_newer_schema_is_refused_and_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE x (a)")
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert "newer version" in str(info.value)
    assert path.read_bytes() == before
    assert not (tmp_path / "future.sqlite3-wal").exists()


def test_unwritable_folder_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError) as info:
        open_database(blocker / "sub" / "db.sqlite3")
    assert "folder" in str(info.value)


def test_directory_is_refused(tmp_path):
    with pytest.raises(DatabaseError):
        open_database(tmp_path)


def test_atomic_rolls_back_everything_on_error(db):
    with pytest.raises(RuntimeError):
        with db.atomic():
            db.execute("INSERT INTO meta(key, value) VALUES ('a', '1')")
            with db.atomic():
                db.execute("INSERT INTO meta(key, value) VALUES ('b', '2')")
            raise RuntimeError("boom")
    assert db.get_meta("a") is None and db.get_meta("b") is None


def test_disk_full_becomes_a_clear_error_and_changes_nothing(db):
    db.set_meta("station_name", "金城江派出所")
    pages = db.scalar("PRAGMA page_count")
    db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DatabaseError) as info:
        with db.atomic():
            db.execute("INSERT INTO meta(key, value) VALUES ('big', ?)", ("x" * 200_000,))
    assert "disk is full" in str(info.value)
    assert db.get_meta("big") is None
    assert db.get_meta("station_name") == "金城江派出所"


def test_close_inside_transaction_is_refused(tmp_path):
    database = open_database(tmp_path / "a.sqlite3")
    database.execute("BEGIN")
    database.execute("INSERT INTO meta(key, value) VALUES ('a', '1')")
    with pytest.raises(RuntimeError):
        database.close()


def test_meta_round_trip(db):
    db.set_meta("station_phone", "0778-2281234")
    db.set_meta("station_phone", "0778-2281235")
    assert db.get_meta("station_phone") == "0778-2281235"
    assert db.is_empty()


def test_a_second_writer_waits_for_the_first_instead_of_failing(tmp_path):
    import threading
    import time

    path = tmp_path / "shared.sqlite3"
    first, second = open_database(path), open_database(path)
    second.get_meta("anything")  # the second connection has read before it writes
    holding = threading.Event()

    def hold_the_write_lock():
        with first.atomic():
            first.execute("INSERT INTO meta(key, value) VALUES ('first', '1')")
            holding.set()
            time.sleep(0.3)

    worker = threading.Thread(target=hold_the_write_lock)
    worker.start()
    holding.wait()
    second.set_meta("second", "2")  # waits for the first to commit, then writes
    worker.join()
    assert (second.get_meta("first"), second.get_meta("second")) == ("1", "2")
    first.close()
    second.close()


def test_a_full_disk_fails_the_action_and_changes_nothing(tmp_path):
    from desktop.core.errors import DatabaseError
    from desktop.exchange.importing import import_file

    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    rows = ["下发时间,预警来源,预警等级,姓名,手机号码,住址"]
    rows += [f"2026-11-01 09:{n % 60:02d},96110,高,罗某{n},138{n:08d},{'金城江区新建社区' * 8}"
             for n in range(3000)]  # fmt: skip
    source = tmp_path / "list.csv"
    source.write_text("\n".join(rows), encoding="utf-8")
    pages = database.scalar("PRAGMA page_count")
    database.execute(f"PRAGMA max_page_count = {pages + 20}")  # the disk fills up soon
    with pytest.raises(DatabaseError) as info:
        import_file(database, "warnings", source)
    assert "disk is full" in info.value.render()
    assert database.scalar("SELECT count(*) FROM warnings") == 0
    assert database.scalar("SELECT count(*) FROM residents") == 0
    assert database.scalar("PRAGMA integrity_check") == "ok"
    database.execute("PRAGMA max_page_count = 1073741823")  # space again: it works
    assert import_file(database, "warnings", source).created == 3000
    database.close()


def test_another_programs_sqlite_file_is_refused_and_left_untouched(tmp_path):
    import hashlib
    import sqlite3

    from desktop.core.errors import DatabaseError
    from desktop.db.opening import check_database

    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE foo (x)")
    conn.commit()
    conn.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    for attempt in (lambda: open_database(path), lambda: check_database(path)):
        with pytest.raises(DatabaseError) as info:
            attempt()
        assert "another program's SQLite file" in info.value.render()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_check_says_an_empty_file_is_an_empty_database(tmp_path):
    from desktop.core.errors import DatabaseError
    from desktop.db.opening import check_database

    path = tmp_path / "new.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(DatabaseError) as info:
        check_database(path)
    assert "is empty" in info.value.render()


def test_an_empty_file_is_a_new_database_only_where_one_may_be_made(tmp_path):
    path = tmp_path / "new.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(DatabaseError) as info:
        open_database(path, create=False)
    assert "is empty" in info.value.render()
    assert path.stat().st_size == 0
    database = open_database(path)  # a first start cut off before the schema was written
    assert database.is_empty()
    database.close()


def test_a_database_read_read_only_keeps_its_station_zone(tmp_path):
    from desktop.core import clock
    from desktop.db import opening as database_module

    path = tmp_path / "xinjiang.sqlite3"
    database = open_database(path)
    database_module.set_station_zone(database, "Asia/Urumqi")
    database.close()
    clock.use_station_zone(None)
    try:
        reader = database_module._open_read_only(path)  # what a CD or locked stick gets
        assert reader.read_only and clock.station_zone_name() == "Asia/Urumqi"
        reader.close()
    finally:
        clock.use_station_zone(None)


def test_a_copy_in_a_folder_that_cannot_be_written_is_read_whole_and_left_as_it_was(
    tmp_path, monkeypatch
):
    """Its folder cannot be written, its files can (a folder locked, files copied in): the
    rows in its -wal are read, and not a byte of it or of its side files changes."""
    source = tmp_path / "open.sqlite3"
    writer = sqlite3.connect(source)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("CREATE TABLE t (x)")
    rows = 100

    def write() -> None:
        with writer:
            writer.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(rows)])

    folder = tmp_path / "stick"
    copy = copy_while_open(writer, source, folder, write)
    writer.close()
    access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != folder and access(p, mode))
    before = {item.name: item.read_bytes() for item in folder.iterdir()}
    link = tmp_path / "link.sqlite3"  # through a link, the side files beside the file count
    link.symlink_to(copy)
    for given in (copy, link):
        reader = sqlite3.connect(database.read_only_uri(given), uri=True)
        assert reader.execute("SELECT count(*) FROM t").fetchone()[0] == rows
        reader.close()
    assert {item.name: item.read_bytes() for item in folder.iterdir()} == before
