"""Making the scale database (`demo --size large`), against its baseline in the same run.

Ours: ``generate_demo(size="large")`` into a new database file, as the command line does it
(≥ 1,000,000 warnings, ≥ 3,000,000 contact attempts, ≥ 50,000 talks; one transaction, the
secondary indexes built once at the end, the audit row). Baseline: the very same rows, made by
the same generator again, written with raw ``executemany`` into a new database of the same
schema in one transaction — only the time inside ``executemany`` and the commit counts, not
the making of the rows. Five pairs by default, each side going first in turn: about ten
minutes a pair. Target: ≤ 2×.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench import taking_turns


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


def measure(_db_path: Path, runs: int = 5) -> list[dict]:
    """``runs`` pairs, ours and the baseline taking turns to go first (about ten minutes a
    pair on two cores); medians and minimums."""
    ours_s: list[float] = []
    baseline_s: list[float] = []
    counts: dict = {}

    def ours(folder: Path) -> None:
        seconds, found = _ours(folder)
        counts.update(found)
        ours_s.append(seconds)
        (folder / "ours.sqlite3").unlink()

    def baseline(folder: Path) -> None:
        baseline_s.append(_baseline(folder))
        (folder / "baseline.sqlite3").unlink()

    for run in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="outreach-bench-demo-"))
        try:
            for side in taking_turns(run, ours, baseline):
                side(folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    mine, theirs = statistics.median(ours_s), statistics.median(baseline_s)
    return [
        {
            "name": "demo --size large ({warnings:,} warnings, {contacts:,} attempts, "
            "{talks:,} talks)".format(**counts),
            "ours_s": round(mine, 1),
            "ours_min_s": round(min(ours_s), 1),
            "baseline_s": round(theirs, 1),
            "baseline_min_s": round(min(baseline_s), 1),
            "baseline": "raw executemany of the same rows, one transaction",
            "ratio": round(mine / theirs, 2),
            "target_ratio": 2.0,
            "target_s": None,
            "detail": {"runs": runs},
        }
    ]


if __name__ == "__main__":
    import json

    print(json.dumps(measure(Path()), indent=2, ensure_ascii=False))
