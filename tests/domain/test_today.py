"""Today's reading (domain.today): what it reads, that it is plain data, and the reading ahead
— begun in a process of its own before the window — used only while it is still true."""

import os
import pickle
import subprocess
import sys
import threading
import time
from dataclasses import is_dataclass
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.core import clock
from desktop.db.database import META_PASSWORD_HASH
from desktop.db.opening import open_database
from desktop.demo import generate_demo
from desktop.domain import today as today_reading
from desktop.domain import warnings as warning_store


def test_todays_talks_are_counted_by_the_database_beyond_those_listed(db, monkeypatch):
    """A city's week holds hundreds of talks: Today lists the first few, and its heading
    counts today's and the rest of the week's in full; those held already, postponed or
    cancelled are not to come, in neither."""
    from desktop.db.records import insert_record

    monkeypatch.setattr(today_reading, "TALKS_SHOWN", 3)
    wednesday = date(2026, 12, 9)

    def talk(day: date, hour: int, title: str, status: str = "planned") -> None:
        start = clock.at(day).replace(hour=hour)
        insert_record(db, "talks", {
            "title": title, "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(hours=1)).isoformat(), "venue": "村委会",
            "status": status,
        })  # fmt: skip

    talk(wednesday - timedelta(days=1), 9, "昨天的讲座")
    for hour in (8, 10, 14, 16):
        talk(wednesday, hour, f"今天{hour}点")
    talk(wednesday, 19, "取消的讲座", "cancelled")
    talk(wednesday, 7, "已办的讲座", "done")
    talk(wednesday, 9, "延期的讲座", "postponed")
    talk(wednesday + timedelta(days=2), 9, "周五已办", "done")
    talk(wednesday + timedelta(days=1), 9, "周四的讲座")
    talk(wednesday + timedelta(days=4), 9, "周日的讲座")
    talk(wednesday + timedelta(days=5), 9, "下周一的讲座")
    reading = today_reading.next_talks(db, wednesday)
    assert [t.title for t in reading["talks"]] == ["今天8点", "今天10点", "今天14点"]
    assert (reading["talks_today"], reading["talks_later_this_week"]) == (4, 2)
    # A week with few left lists the next ones after it, counted in neither.
    sunday = wednesday + timedelta(days=4)
    reading = today_reading.next_talks(db, sunday)
    assert [t.title for t in reading["talks"]] == ["周日的讲座", "下周一的讲座"]
    assert (reading["talks_today"], reading["talks_later_this_week"]) == (1, 0)


def test_todays_two_halves_read_at_once_give_what_one_connection_reads(db, monkeypatch):
    """Today's reading takes its warnings' half on its own connection and the rest on a second
    one at once; the screen gets every figure and list a single connection reads (inside a
    transaction, where the halves read one after the other)."""
    from desktop.db import parallel

    generate_demo(db, seed=1)
    today, now = clock.today(), clock.now()
    with db.atomic():  # an open transaction: both halves on this connection
        one_by_one = today_reading.read_today(db, today, now)

    second: list[str] = []  # what the second connection ran
    opened = parallel._reader

    def reader(database):
        other = opened(database)
        if other is not None:
            other.conn.set_trace_callback(second.append)
        return other

    monkeypatch.setattr(parallel, "_reader", reader)
    first: list[str] = []
    db.conn.set_trace_callback(first.append)
    try:
        at_once = today_reading.read_today(db, today, now)
    finally:
        db.conn.set_trace_callback(None)
    assert at_once == one_by_one
    assert {"queue", "open", "late", "limits", "figures", "streak", "talks",
            "follow_ups", "follow_ups_today", "follow_ups_overdue", "returns", "returns_overdue",
            "flags", "flagged", "talks_today", "talks_later_this_week"} == set(at_once)  # fmt: skip
    assert at_once["open"] > 0 and at_once["returns_overdue"] > 0 and at_once["figures"]
    # The persons abroad and follow-ups on the second connection, the warnings on the first.
    assert any("return_cases" in sql for sql in second)
    assert any("follow_ups" in sql for sql in second)
    assert not any("return_cases" in sql for sql in first)
    assert any("FROM warnings" in sql for sql in first)


def _records(value):
    """Every object inside ``value`` that is neither a container nor a plain value."""
    if isinstance(value, dict):
        return [record for item in value.values() for record in _records(item)]
    if isinstance(value, (list, tuple)):
        return [record for item in value for record in _records(item)]
    if isinstance(value, (str, int, float, type(None), date)):
        return []
    return [value, *(_records(vars(value)) if isinstance(value, SimpleNamespace) else [])]


@pytest.fixture
def demo_file(tmp_path, data_dir):
    """A station's demo database on disk, closed (as the window finds it at start)."""
    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    generate_demo(database, seed=3)
    database.close()
    return path


def test_the_reading_is_plain_data_that_the_window_unpickles_without_the_ledgers(demo_file):
    """Rows are namespaces of their fields (a talk with its day and clock times): what crosses
    from the reading ahead names no module of ours, and the window's unpickler makes nothing
    but those."""
    database = open_database(demo_file)
    try:
        reading = today_reading.read_today(database, clock.today())
    finally:
        database.close()
    records = _records(reading)
    assert records and not any(is_dataclass(record) for record in records)
    assert {type(record) for record in records} == {SimpleNamespace}
    assert reading["queue"] and reading["returns"] and reading["limits"] and reading["talks"]
    talk = reading["talks"][0]
    assert (talk.day, talk.start_clock) == (date.fromisoformat(talk.starts_at[:10]),
                                            talk.starts_at[11:16])  # fmt: skip
    assert reading["queue"][0].received_at.tzinfo is not None
    data = pickle.dumps(reading)
    assert b"desktop" not in data
    assert today_reading._unpickled(data) == reading


def test_the_unpickler_refuses_anything_but_a_readings_types():
    class Payload:
        def __reduce__(self):
            return (os.getcwd, ())

    with pytest.raises(pickle.UnpicklingError, match="posix.getcwd|nt.getcwd"):
        today_reading._unpickled(pickle.dumps({"reading": Payload()}))


def _head_start(path: Path, monkeypatch) -> today_reading.HeadStart:
    """A reading ahead of ``path``, once its process is done. A test runs among threads: the
    program is started again, as on Windows (a fork is tried in a process of its own below)."""
    monkeypatch.setattr(today_reading, "_can_fork", lambda: False)
    head_start = today_reading.begin_reading(path)
    assert head_start is not None
    done = threading.Event()
    head_start.when_done(done.set)
    assert done.wait(60) and head_start.arrived
    return head_start


def test_a_reading_ahead_is_what_the_window_would_read_and_is_taken_once(demo_file, monkeypatch):
    head_start = _head_start(demo_file, monkeypatch)
    database = open_database(demo_file)
    try:
        reading = head_start.take(database, clock.today())
        assert reading is not None
        here = today_reading.read_today(database, clock.today())
        assert head_start.take(database, clock.today()) is None  # handed over: gone here
    finally:
        database.close()
    # The clocks moved on between the two readings: the rows and counts are the same.
    assert reading == here


def test_a_reading_ahead_no_longer_true_is_not_used(demo_file, monkeypatch):
    """Read on another day, written to since (the audit log moved on), or of a file since
    replaced: None, and the window reads itself."""
    database = open_database(demo_file)
    try:
        head_start = _head_start(demo_file, monkeypatch)
        assert head_start.take(database, clock.today() + timedelta(days=1)) is None
        head_start = _head_start(demo_file, monkeypatch)
        warning_store.intake(
            database,
            {"source": "platform", "level": "high", "name": "罗某某", "mobile": "13812345678"},
        )
        assert head_start.take(database, clock.today()) is None
        assert _head_start(demo_file, monkeypatch).take(database, clock.today()) is not None
    finally:
        database.close()
    head_start = _head_start(demo_file, monkeypatch)
    replaced = demo_file.with_name("replaced.sqlite3")
    demo_file.rename(replaced)
    replaced.with_name(demo_file.name).write_bytes(replaced.read_bytes())
    database = open_database(demo_file)
    try:
        assert head_start.take(database, clock.today()) is None
    finally:
        database.close()


def test_a_late_reading_ahead_is_stopped_and_says_when_it_is_done(tmp_path):
    """A process that does not finish is stopped when the window gives up on it; what it
    wrote is no reading. Whoever asked to be told is told once, after it is done, and one
    asking afterwards at once."""
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; sys.stdout.write('half'); sys.stdout.flush(); "
         "time.sleep(60)"],
        stdout=write_end,
    )  # fmt: skip
    os.close(write_end)
    head_start = today_reading.HeadStart(read_end, today_reading._Process(popen=process))
    told: list[str] = []
    ended = threading.Event()
    head_start.when_done(lambda: (told.append("first"), ended.set()))
    assert not head_start.arrived and told == []
    head_start.give_up()
    assert ended.wait(30) and head_start.arrived and told == ["first"]
    deadline = time.monotonic() + 30  # reaped by the collecting thread once it is done
    while process.returncode is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.returncode is not None
    head_start.give_up()  # done: nothing is stopped any more
    head_start.when_done(lambda: told.append("after"))
    assert told == ["first", "after"]
    assert head_start.take(SimpleNamespace(file_identity=None), clock.today()) is None


def test_what_must_not_be_read_ahead_is_not(demo_file, tmp_path, monkeypatch):
    """A password lock: nothing is read before the officer unlocks. A file another version
    made: opening migrates it first. No file, or an empty one: nothing to start."""
    database = open_database(demo_file)
    try:
        database.set_meta(META_PASSWORD_HASH, "$argon2id$…")
    finally:
        database.close()
    assert today_reading.read_ahead(demo_file) is None
    head_start = _head_start(demo_file, monkeypatch)
    assert head_start._data == b""  # it wrote nothing
    database = open_database(demo_file)
    try:
        assert head_start.take(database, clock.today()) is None
        database.set_meta(META_PASSWORD_HASH, None)
        assert today_reading.read_ahead(demo_file) is not None
        # An encryption cut off halfway (its key still pending): not read, nothing settled.
        pending = demo_file.with_name(demo_file.name + ".key.pending")
        pending.write_bytes(b"half a key")
        assert today_reading.read_ahead(demo_file) is None and pending.exists()
        pending.unlink()
        database.conn.execute("PRAGMA user_version = 1")
    finally:
        database.close()
    assert today_reading.read_ahead(demo_file) is None
    assert today_reading.begin_reading(tmp_path / "none.sqlite3") is None
    (tmp_path / "empty.sqlite3").touch()
    assert today_reading.begin_reading(tmp_path / "empty.sqlite3") is None


@pytest.mark.sqlcipher
def test_an_encrypted_file_is_not_read_ahead(encrypted_template, tmp_path, monkeypatch):
    """No key here before the officer unlocks it: nothing is read."""
    import shutil

    from desktop.db import keys

    template, _key = encrypted_template
    path = tmp_path / "encrypted.sqlite3"
    shutil.copyfile(template, path)
    shutil.copyfile(keys.key_file(template), keys.key_file(path))
    assert today_reading.read_ahead(path) is None
    assert _head_start(path, monkeypatch)._data == b""


def test_a_start_forks_its_reading_ahead_and_takes_it(demo_file, data_dir):
    """The program's own start (one thread, POSIX): a copy of the process reads, and the
    reading arrives whole."""
    if not hasattr(os, "fork"):
        pytest.skip("no fork here: the program starts itself again (tested above)")
    code = (
        "import sys; from pathlib import Path; from desktop.core import clock; "
        "from desktop.db.opening import open_database; "
        "from desktop.domain import today as t; "
        "assert t._can_fork(); head = t.begin_reading(Path(sys.argv[1])); "
        "db = open_database(Path(sys.argv[1])); "
        "done = __import__('threading').Event(); head.when_done(done.set); done.wait(60); "
        "reading = head.take(db, clock.today()); "
        "print('queue', len(reading['queue']), 'open', reading['open'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(demo_file)],
        capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "OUTREACH_DESK_DATA": str(data_dir)},
    )  # fmt: skip
    database = open_database(demo_file)
    try:
        expected = today_reading.read_today(database, clock.today())
    finally:
        database.close()
    assert done.stdout.split() == ["queue", str(len(expected["queue"])), "open",
                                   str(expected["open"])]  # fmt: skip


def test_the_switch_that_reads_ahead_answers_a_frozen_builds_pipe_only(demo_file, tmp_path):
    """A frozen build starts itself with the switch and reads what it writes from a pipe;
    written to a file (or a terminal) it writes nothing of a resident's, and no other build
    takes the switch at all."""

    def started(frozen: bool, stdout) -> subprocess.CompletedProcess:
        code = (
            f"import sys; sys.frozen = {frozen}; from desktop.cli import main; "
            "sys.exit(main(sys.argv[1:]))"
        )
        return subprocess.run(
            [sys.executable, "-c", code, today_reading.READ_AHEAD_SWITCH, str(demo_file)],
            stdout=stdout, stderr=subprocess.PIPE, timeout=120,
            env={**os.environ, "OUTREACH_DESK_DATA": str(tmp_path / "data")},
        )  # fmt: skip

    assert started(False, subprocess.PIPE).returncode == 2  # an unknown option
    with (tmp_path / "out.bin").open("wb") as file:
        assert started(True, file).returncode == 2
    assert (tmp_path / "out.bin").read_bytes() == b""
    done = started(True, subprocess.PIPE)
    assert done.returncode == 0
    ahead = today_reading._unpickled(done.stdout)
    assert ahead["reading"]["queue"] and ahead["day"] == clock.today()
