"""Search on the scale database: residents, warnings and talks from one box.

What the worker runs for one search (``domain.search.search``), the indexes brought up to
date beforehand (the first time on a new scale database: about half a minute, once). Each
query is timed three times and the best kept (the cache warm, as it is while someone types);
the slowest query of each group is the figure. Targets: three or more characters (trigram
index, or a whole number and last four through the residents' indexes) ≤ 50 ms; one or two
characters (the character indexes of names, titles and venues; warnings by the start of their
reference number) ≤ 50 ms. A query holding digits also writes its
audit entries, as it does on screen: that is part of the time measured.
"""

from __future__ import annotations

import time
from pathlib import Path


def _best(database, text: str, runs: int = 3) -> tuple[float, int]:
    from desktop.domain import search

    best, found = float("inf"), 0
    for _ in range(runs):
        started = time.perf_counter()
        results = search.search(database, text)
        best = min(best, time.perf_counter() - started)
        found = results.total
    return best, found


def measure(db_path: Path, runs: int = 3) -> list[dict]:
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
        long_times = {label: _best(database, text) for label, text in long_queries.items()}
        short_times = {label: _best(database, text) for label, text in short_queries.items()}
    finally:
        database.close()
    slowest_long = max(long_times.values())[0]
    slowest_short = max(short_times.values())[0]
    return [
        {
            "name": "search, 3+ characters (name, address, whole numbers, last four), slowest",
            "ours_s": round(slowest_long, 4),
            "baseline_s": None,
            "ratio": None,
            "target_ratio": None,
            "target_s": 0.05,
            "detail": {k: [round(v[0] * 1000, 1), v[1]] for k, v in long_times.items()},
        },
        {
            "name": "search, 1-2 characters, slowest",
            "ours_s": round(slowest_short, 4),
            "baseline_s": None,
            "ratio": None,
            "target_ratio": None,
            "target_s": 0.05,
            "detail": {k: [round(v[0] * 1000, 1), v[1]] for k, v in short_times.items()},
        },
    ]


if __name__ == "__main__":
    import json

    print(json.dumps(measure(Path("bench/data/large.sqlite3")), indent=2, ensure_ascii=False))
