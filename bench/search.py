"""Search on the scale database: residents, warnings and talks from one box.

What the worker runs for one search (``domain.search.search``), the indexes brought up to
date beforehand (the first time on a new scale database: about half a minute, once). Each
query is timed five times in a row (the cache warm, as it is while someone types); the figure
of each group is the median and minimum of its query with the slowest median. Targets: three
or more characters (trigram index, or a whole number and last four through the residents'
indexes) ≤ 50 ms; one or two characters (the character indexes of names, titles and venues;
warnings by the start of their reference number) ≤ 50 ms. A query holding digits also writes
its audit entries, as it does on screen: that is part of the time measured (in one transaction
rolled back at the end, so the scale database is left as it was).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path


def _timed(database, text: str, runs: int) -> tuple[list[float], int]:
    """Each run's time of one search, and what it found."""
    from desktop.domain import search

    times, found = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        results = search.search(database, text)
        times.append(time.perf_counter() - started)
        found = results.total
    return times, found


def measure(db_path: Path, runs: int = 5) -> list[dict]:
    from desktop.db.opening import open_database
    from desktop.domain import search

    database = open_database(db_path, create=False)
    try:
        if search.pending(database):
            search.refresh(database)
        name = database.scalar("SELECT name FROM residents WHERE length(name) = 3 LIMIT 1")
        mobile = database.scalar("SELECT mobile FROM residents WHERE mobile IS NOT NULL LIMIT 1")
        id_number = database.scalar(
            "SELECT id_number FROM residents WHERE id_number IS NOT NULL LIMIT 1"
        )
        address = database.scalar("SELECT address FROM residents WHERE address != '' LIMIT 1")
        long_queries = {
            "name": name,
            "whole mobile": mobile,
            "last four of a mobile": mobile[-4:],
            "whole ID number": id_number,
            "mobile fragment (finds no resident)": mobile[3:8],
            "address": address[3:9],
            "ID fragment (finds no resident)": "19631229",
            "talk title": "反诈宣传进",
            "no match": "不存在的名字",
        }
        short_queries = {
            "one character": name[0],
            "two characters": name[1:3],
            "one rare character": "龘",
            "two letters, no match": "zz",
        }
        # A search holding digits writes its audit entries, as on screen (timed): inside this
        # transaction they are savepoints, rolled back at the end, so the scale database is
        # left as it was.
        database.conn.execute("BEGIN")
        long_times = {label: _timed(database, text, runs) for label, text in long_queries.items()}
        short_times = {label: _timed(database, text, runs) for label, text in short_queries.items()}
    finally:
        if database.conn.in_transaction:
            database.conn.rollback()
        database.close()
    return [
        _slowest("search, 3+ characters (name, address, whole numbers, last four), slowest",
                 long_times),
        _slowest("search, 1-2 characters, slowest", short_times),
    ]  # fmt: skip


def _slowest(name: str, times: dict[str, tuple[list[float], int]]) -> dict:
    """The group's figure: the query with the slowest median, its median and minimum; each
    query's median and minimum (ms) and what it found in ``detail``."""
    medians = {label: statistics.median(runs) for label, (runs, _found) in times.items()}
    slowest = max(medians, key=medians.get)
    return {
        "name": name,
        "ours_s": round(medians[slowest], 4),
        "ours_min_s": round(min(times[slowest][0]), 4),
        "baseline_s": None,
        "ratio": None,
        "target_ratio": None,
        "target_s": 0.05,
        "detail": {
            label: [round(medians[label] * 1000, 1), round(min(runs) * 1000, 1), found]
            for label, (runs, found) in times.items()
        },
    }


if __name__ == "__main__":
    import json

    print(json.dumps(measure(Path("bench/data/large.sqlite3")), indent=2, ensure_ascii=False))
