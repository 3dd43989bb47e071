"""Killed at random moments, the database stays sound and holds all or none of each action.

A forked child (the storage code, no Qt) imports warning lists, saves records or migrates a
database in a loop; the parent kills it with SIGKILL at a random moment and then checks the
file: ``integrity_check`` passes and every import is there completely or not at all. A
negative control writes the same rows one transaction per row and must be caught half-done,
proving the check can see a non-atomic import. Seeds are in the assertion messages.
"""

import os
import random
import signal
import sqlite3
import time

import pytest

from desktop.db import migrations
from desktop.db.opening import open_database
from desktop.domain import warnings as warning_store
from desktop.exchange.importing import import_file

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

ROWS = 200  # per imported list
TRIALS = 30


def _csv(folder, batch: int):
    lines = ["预警编号,下发时间,预警来源,预警等级,姓名,手机号码"]
    lines += [f"B{batch}-{n},2026-11-01 09:00,96110,高,罗某{n},13{batch % 10}{batch * ROWS + n:08d}"
              for n in range(ROWS)]  # fmt: skip
    path = folder / f"list-{batch}.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _run_child(work) -> int:
    """Fork; the child runs ``work`` (it writes one line to the pipe once ready) until killed."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        try:
            work(write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    os.read(read_end, 1)  # ready (the database is open, the loop begins)
    os.close(read_end)
    return pid


def _kill(pid: int, delay: float) -> None:
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _sound(path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def _count(path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def lists(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lists")
    return [_csv(folder, batch) for batch in range(40)]


@pytest.fixture(scope="module")
def old_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    _old_database(path)
    return path


def _importer(path, lists, atomic: bool):
    def work(ready):
        database = open_database(path)
        os.write(ready, b"r")
        for source in lists:
            if atomic:
                import_file(database, "warnings", source)
            else:  # the negative control: the same rows, one transaction each
                for n in range(ROWS):
                    warning_store.intake(database, {"source": "hotline_96110", "level": "high",
                                                    "name": f"罗某{n}", "mobile": f"139{n:08d}"})  # fmt: skip

    return work


@pytest.mark.parametrize("seed", range(TRIALS))
def test_an_import_killed_at_random_is_all_or_nothing(tmp_path, lists, seed):
    rng = random.Random(seed)
    path = tmp_path / "station.sqlite3"
    open_database(path).close()
    pid = _run_child(_importer(path, lists, atomic=True))
    _kill(pid, rng.uniform(0.0, 0.6))
    assert _sound(path), f"seed {seed}: integrity_check failed"
    warnings = _count(path, "warnings")
    assert warnings % ROWS == 0, f"seed {seed}: {warnings} warnings, a list was half imported"
    assert _count(path, "residents") == warnings, f"seed {seed}"


def test_the_check_catches_a_non_atomic_import(tmp_path, lists):
    """The negative control: writes that are not one transaction are caught half-done."""
    caught = []
    for seed in range(10):
        rng = random.Random(seed)
        path = tmp_path / f"control-{seed}.sqlite3"
        open_database(path).close()
        pid = _run_child(_importer(path, lists, atomic=False))
        _kill(pid, rng.uniform(0.05, 0.6))
        assert _sound(path)
        caught.append(_count(path, "warnings") % ROWS != 0)
    assert sum(caught) >= 8, f"only {sum(caught)} of 10 non-atomic imports were seen half-done"


def test_saved_means_saved(tmp_path):
    """A record reported as saved survives the process being killed right after."""
    path = tmp_path / "station.sqlite3"
    open_database(path).close()
    for _trial in range(5):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            try:
                database = open_database(path)
                warning_id = warning_store.intake(
                    database,
                    {"source": "bank", "level": "high", "name": "罗某某", "mobile": "13812345678"},
                )
                os.write(write_end, warning_id.encode() + b"\n")  # "saved" on screen
                time.sleep(60)
            finally:
                os._exit(0)
        os.close(write_end)
        saved = b""
        while not saved.endswith(b"\n"):
            saved += os.read(read_end, 64)
        os.kill(pid, signal.SIGKILL)  # the moment after it said so
        os.waitpid(pid, 0)
        os.close(read_end)
        conn = sqlite3.connect(path)
        found = conn.execute(
            "SELECT count(*) FROM warnings WHERE id = ?", (saved.strip().decode(),)
        )
        assert found.fetchone()[0] == 1
        conn.close()


def _old_database(path, warnings: int = 20_000):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    migrations.migrate(conn, target=5)
    stamp = "2026-11-01T09:00:00+08:00"
    conn.execute("BEGIN")
    conn.execute("INSERT INTO meta(key, value) VALUES ('device_id', 'dev')")
    conn.executemany(
        "INSERT INTO residents (id, created_at, updated_at, device_id, name, mobile)"
        " VALUES (?, ?, ?, 'dev', '罗某', ?)",
        [(f"r{n}", stamp, stamp, f"138{n:08d}") for n in range(warnings)],
    )
    conn.executemany(
        "INSERT INTO warnings (id, created_at, updated_at, device_id, source, level, received_at,"
        " resident_id) VALUES (?, ?, ?, 'dev', 'platform', 'high', ?, ?)",
        [(f"w{n}", stamp, stamp, stamp, f"r{n}") for n in range(warnings)],
    )
    conn.executemany(
        "INSERT INTO contacts (id, created_at, updated_at, device_id, warning_id, at, method,"
        " result) VALUES (?, ?, ?, 'dev', ?, ?, 'phone', 'busy')",
        [(f"c{n}", stamp, stamp, f"w{n}", stamp) for n in range(warnings)],
    )
    conn.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize("seed", range(8))
def test_a_migration_killed_at_random_leaves_one_whole_version(tmp_path, old_template, seed):
    rng = random.Random(seed)
    path = tmp_path / "old.sqlite3"
    path.write_bytes(old_template.read_bytes())

    def work(ready):
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        os.write(ready, b"r")
        migrations.migrate(conn)

    pid = _run_child(work)
    _kill(pid, rng.uniform(0.0, 0.4))
    assert _sound(path), f"seed {seed}"
    conn = sqlite3.connect(path)
    version = migrations.schema_version(conn)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(warnings)")}
    count = conn.execute("SELECT count(*) FROM warnings").fetchone()[0]
    conn.close()
    assert 5 <= version <= migrations.SCHEMA_VERSION, f"seed {seed}"
    assert ("station" in columns) == (version >= 6), f"seed {seed}: schema and version disagree"
    assert ("contact_count" in columns) == (version >= 7), f"seed {seed}"
    assert count == 20_000, f"seed {seed}"
    database = open_database(path)  # and it finishes the job on the next start
    assert database.schema_version == migrations.SCHEMA_VERSION
    assert database.scalar("SELECT sum(contact_count) FROM warnings") == 20_000
    database.close()
