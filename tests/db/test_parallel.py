"""Two reads at once, each on its own connection to the same file."""

import threading

import pytest

from desktop.db import parallel
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
    import desktop.db.opening

    def refuse(*_args, **_kwargs):
        raise OSError("too many open files")

    monkeypatch.setattr(desktop.db.opening, "open_database", refuse)
    seen: list = []
    assert parallel.read_both(filed, _reader(seen), _reader(seen)) == (45, 45)
    assert [database for database, _thread in seen] == [filed, filed]


def test_an_error_on_either_side_reaches_the_caller_after_both_have_ended(filed):
    ended = threading.Event()

    def slow_then_fail(database):
        database.scalar("SELECT count(*) FROM numbers")
        ended.set()
        raise ValueError("second failed")

    with pytest.raises(ValueError, match="second failed"):
        parallel.read_both(filed, _reader([]), slow_then_fail)

    def fail(_database):
        raise KeyError("first failed")

    def second(database):
        ended.clear()
        result = database.scalar("SELECT count(*) FROM numbers")
        ended.set()
        return result

    with pytest.raises(KeyError, match="first failed"):
        parallel.read_both(filed, fail, second)
    assert ended.is_set()  # the second had finished when the error came back
