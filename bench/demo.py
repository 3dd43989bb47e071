"""Making the scale database (`demo --size large`), against its baseline in the same run.

Ours: ``generate_demo(size="large")`` into a new database file, as the command line does it
(≥ 1,000,000 warnings, ≥ 3,000,000 contact attempts, ≥ 50,000 talks; one transaction, the
secondary indexes built once at the end, the audit row). Baseline: the very same rows, made by
the same generator again, written with raw ``executemany`` into a new database of the same
schema in one transaction — only the time inside ``executemany`` and the commit counts, not
the making of the rows. Target: ≤ 2×.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path


def _ours(folder: Path) -> tuple[float, dict]:
    from desktop.db.opening import open_database
    from desktop.demo import generate_demo

    database = open_database(folder / "ours.sqlite3")
    started = time.perf_counter()
    summary = generate_demo(database, size="large", today=dt.date(2026, 11, 25))
    elapsed = time.perf_counter() - started
    counts = {
        table: database.scalar(f"SELECT count(*) FROM {table}")
        for table in ("warnings", "contacts", "talks")
    }
    database.close()
    del summary
    return elapsed, counts


def _baseline(folder: Path) -> float:
    from desktop.db.opening import open_database
    from desktop.demo import SIZES, _Generator, load_geography

    path = folder / "baseline.sqlite3"
    database = open_database(path)
    device = database.device_id
    database.close()  # the schema, made before the clock starts
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    spent = [0.0]

    def sink(table, columns, rows) -> None:
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        started = time.perf_counter()
        conn.executemany(sql, rows)
        spent[0] += time.perf_counter() - started

    generator = _Generator(
        load_geography(), seed=1, size=SIZES["large"], today=dt.date(2026, 11, 25),
        device_id=device,
    )  # fmt: skip
    conn.execute("BEGIN")
    generator.run(sink, None)
    started = time.perf_counter()
    conn.execute("COMMIT")
    spent[0] += time.perf_counter() - started
    conn.close()
    return spent[0]


def measure(_db_path: Path, runs: int = 1) -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="outreach-bench-demo-"))
    try:
        ours, counts = _ours(folder)
        (folder / "ours.sqlite3").unlink()
        baseline = _baseline(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [
        {
            "name": "demo --size large ({warnings:,} warnings, {contacts:,} attempts, "
            "{talks:,} talks)".format(**counts),
            "ours_s": round(ours, 1),
            "baseline_s": round(baseline, 1),
            "baseline": "raw executemany of the same rows, one transaction",
            "ratio": round(ours / baseline, 2),
            "target_ratio": 2.0,
            "target_s": None,
        }
    ]


if __name__ == "__main__":
    import json

    print(json.dumps(measure(Path()), indent=2, ensure_ascii=False))
