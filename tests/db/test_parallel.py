"""Two reads at once, each on its own connection to the same file."""

import sqlite3
import threading
import time

import pytest

from desktop.core import clock
from desktop.db import opening, parallel
from desktop.db import sqlite as driver
from desktop.db.database import META_STATION_ZONE
from desktop.db.opening import open_database


@pytest.fixture
def filed(db):
    db.execute("CREATE TABLE numbers (n INTEGER)")
    db.conn.executemany("INSERT INTO numbers VALUES (?)", [(n,) for n in range(10)])
    db.conn.commit()
    return db


def _reader(seen: list):
    def read(database):
        seen.append((database, threading.current_thread()))
        return database.scalar("SELECT sum(n) FROM numbers")

    return read


def test_the_second_reads_on_its_own_connection_and_thread_and_closes_it(filed):
    seen: list = []
    assert parallel.read_both(filed, _reader(seen), _reader(seen)) == (45, 45)
    (first, first_thread), (second, second_thread) = sorted(
        seen, key=lambda item: item[0] is not filed
    )
    assert first is filed and first_thread is threading.current_thread()
    assert second is not filed and second.path == filed.path
    assert second_thread is not threading.current_thread() and not second_thread.is_alive()
    with pytest.raises(Exception, match="closed"):
        second.conn.execute("SELECT 1")


def test_inside_a_transaction_both_read_on_this_connection_what_it_has_not_committed(filed):
    seen: list = []
    filed.conn.execute("BEGIN")
    filed.execute("INSERT INTO numbers VALUES (100)")
    try:
        assert parallel.read_both(filed, _reader(seen), _reader(seen)) == (145, 145)
    finally:
        filed.conn.rollback()
    assert [database for database, _thread in seen] == [filed, filed]


def test_a_database_without_a_file_reads_one_after_the_other():
    memory = open_database(":memory:")
    memory.execute("CREATE TABLE numbers (n INTEGER)")
    memory.execute("INSERT INTO numbers VALUES (7)")
    memory.conn.commit()
    seen: list = []
    assert parallel.read_both(memory, _reader(seen), _reader(seen)) == (7, 7)
    assert [database for database, _thread in seen] == [memory, memory]
    memory.close()


def test_a_second_connection_that_cannot_be_opened_reads_on_this_one(filed, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(opening, "connect_file", refuse)
    seen: list = []
    assert parallel.read_both(filed, _reader(seen), _reader(seen)) == (45, 45)
    assert [database for database, _thread in seen] == [filed, filed]


def test_a_reader_that_fails_on_its_first_read_leaves_no_connection_open(filed, monkeypatch):
    """A damaged page met while the reader is set up (its device id) closes its connection: an
    open handle would keep the file from being moved aside."""
    made = []
    connect = opening.connect_file

    def recorded(*args, **kwargs):
        made.append(connect(*args, **kwargs))
        return made[-1]

    def damaged(*_args, **_kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(opening, "connect_file", recorded)
    monkeypatch.setattr(opening, "Database", damaged)
    with pytest.raises(sqlite3.DatabaseError):
        opening.reader(filed.path)
    seen: list = []
    assert parallel.read_both(filed, _reader(seen), _reader(seen)) == (45, 45)
    assert [database for database, _thread in seen] == [filed, filed]
    assert len(made) == 2
    for conn in made:
        with pytest.raises(driver.Error, match="closed"):
            conn.execute("SELECT 1")


def test_a_file_put_in_its_place_since_it_was_opened_is_not_read(filed, monkeypatch):
    """The second reader opens by path: another file there now (a backup restored by another
    program) would mix two databases in one briefing. This connection reads both halves."""
    assert parallel.file_identity(filed.path) == filed.file_identity
    monkeypatch.setattr(parallel, "file_identity", lambda _path: (0, 0))  # another file
    seen: list = []
    assert parallel.read_both(filed, _reader(seen), _reader(seen)) == (45, 45)
    assert [database for database, _thread in seen] == [filed, filed]


def test_the_second_connection_only_reads_and_leaves_the_station_clock_alone(filed):
    clock.use_station_zone("Asia/Urumqi")
    try:
        filed.set_meta(META_STATION_ZONE, "Asia/Shanghai")
        filed.conn.commit()

        def write(database):
            with pytest.raises(driver.OperationalError, match="readonly"):
                database.conn.execute("INSERT INTO numbers VALUES (1)")
            return database.read_only

        assert parallel.read_both(filed, _reader([]), write) == (45, True)
        assert clock.station_zone_name() == "Asia/Urumqi"  # not set again by an opening
    finally:
        clock.use_station_zone(None)


def test_the_first_ones_error_interrupts_the_second_and_comes_at_once(filed):
    started, seen = threading.Event(), []

    def long_read(database):
        started.set()
        try:  # counting to a billion: minutes, unless interrupted
            return database.scalar(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                " WHERE i < 1000000000) SELECT count(*) FROM n"
            )
        except driver.OperationalError as exc:
            seen.append(str(exc))
            raise

    def fail(_database):
        assert started.wait(10)
        raise KeyError("first failed")

    with pytest.raises(KeyError, match="first failed"):
        parallel.read_both(filed, fail, long_read)
    assert seen == ["interrupted"]


def test_an_error_of_the_second_reaches_the_caller_and_the_first_waits_for_it(filed):
    def fail(database):
        database.scalar("SELECT count(*) FROM numbers")
        raise ValueError("second failed")

    with pytest.raises(ValueError, match="second failed"):
        parallel.read_both(filed, _reader([]), fail)

    raising, done = threading.Event(), threading.Event()

    def first(_database):
        raising.set()
        raise KeyError("first failed")

    def second(_database):  # Python's own work: nothing to interrupt, so it is waited for
        assert raising.wait(10)
        time.sleep(0.05)
        done.set()
        return 1

    with pytest.raises(KeyError, match="first failed"):
        parallel.read_both(filed, first, second)
    assert done.is_set()  # the second had ended when the error came back
