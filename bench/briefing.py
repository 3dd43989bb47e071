"""The work briefing on the scale database, as the officer waits for it.

- A month's briefing of the county with the most warnings that month, as a PDF and as a Word
  document: ≤ 1.5 s each.
- A year's briefing of the whole city (PDF): ≤ 5 s.

The clock runs from the call that prints to the file written and closed, in a fresh process with
the program's modules imported (the first briefing of a session, fonts not yet registered), and
with no issue saved for the period (the text is composed from the figures, as a first print is;
a saved issue only reprints).

The baseline is the briefing of an earlier version of the program, run in the same way and
interleaved with ours, one fresh process per side and round: ``BENCH_BEFORE_SRC`` names a
checkout of that version, ``BENCH_BEFORE_DB`` its own copy of the scale database (an older
version cannot open a database the newer one has migrated). Without them the targets are
checked alone.

Run one side by hand: ``python bench/briefing.py DB`` prints one round's times as JSON.
"""

from __future__ import annotations

import io
import json
import os
import statistics as stats_module
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

TARGETS = {"month_pdf": 1.5, "month_docx": 1.5, "year_pdf": 5.0}


def _month_and_county(database, Period) -> tuple[int, int, str, str, int]:  # noqa: N803
    """The last whole month on record and the county with the most warnings in it."""
    newest = database.scalar("SELECT max(received_at) FROM warnings")
    year, month = int(newest[:4]), int(newest[5:7]) - 1
    if month == 0:
        year, month = year - 1, 12
    period = Period.month(year, month)
    county = database.query(
        "SELECT c.id, c.name, count(*) AS n FROM warnings w JOIN areas m ON m.id = w.area_id"
        " JOIN areas t ON t.id = m.parent_id JOIN areas c ON c.id = t.parent_id"
        " WHERE w.received_at >= ? AND w.received_at < ? GROUP BY c.id ORDER BY n DESC LIMIT 1",
        period.bounds,
    )[0]
    return year, month, county["id"], county["name"], county["n"]


@contextmanager
def unsaved_prints(database, documents) -> Iterator[Callable[[], None]]:
    """Briefings printed on ``database`` that leave it as it was.

    Every print saves its issue and writes its audit entry, each in a unit of work of its own.
    Once the print has read its data (as the officer's print reads it: outside any transaction,
    so on two connections at once), a transaction begins in which the saved issues are deleted
    (a first print composes the text; a saved issue would only reprint) and those writes are
    savepoints; the caller rolls it back after each print, and leaving rolls back what is left.
    Yields what to call before each print: nothing to do, unless the program is a version that
    reads its data otherwise (``documents.briefing_data`` missing), whose transaction then
    begins before the print (what is not timed either way is the commit's sync)."""

    def unsaved() -> None:
        if database.conn.in_transaction:  # begun already in this print
            return
        database.conn.execute("BEGIN")
        if database.scalar("SELECT 1 FROM sqlite_master WHERE name = 'briefing_issues'"):
            database.execute("DELETE FROM briefing_issues")

    reading = getattr(documents, "briefing_data", None)
    if reading is not None:

        def read_then_unsaved(*args, **kwargs):
            data = reading(*args, **kwargs)
            if args and args[0] is database:  # not another connection's print
                unsaved()
            return data

        documents.briefing_data = read_then_unsaved
    try:
        yield (lambda: None) if reading is not None else unsaved
    finally:
        if reading is not None:
            documents.briefing_data = reading
        if database.conn.in_transaction:
            database.conn.rollback()


def one_round(db_path: Path) -> dict:
    """One timing of each briefing this version of the program can print."""
    try:
        from desktop.db.opening import open_database
        from desktop.domain.statistics import Period
    except ImportError:  # a version from before the engine and the domain were split
        from desktop.storage.database import open_database
        from desktop.storage.statistics import Period
    from desktop.reports import documents

    database = open_database(db_path, create=False)
    year, month, county, name, count = _month_and_county(database, Period)

    times: dict[str, float] = {}
    with unsaved_prints(database, documents) as before_print:
        jobs = {
            "month_pdf": (documents.print_briefing, Period.month(year, month), county, ".pdf"),
            "year_pdf": (documents.print_briefing, Period.year(year), None, ".pdf"),
        }
        if hasattr(documents, "print_briefing_docx"):
            jobs["month_docx"] = (
                documents.print_briefing_docx, Period.month(year, month), county, ".docx"
            )  # fmt: skip
        with tempfile.TemporaryDirectory() as scratch:
            for key, (printing, period, area_id, suffix) in jobs.items():
                before_print()
                out = Path(scratch) / f"{key}{suffix}"
                started = time.perf_counter()
                printing(database, period, out, area_id=area_id)
                times[key] = time.perf_counter() - started
                database.conn.rollback()
    database.close()
    return {"times": times, "county": name, "warnings": count, "year": year, "month": month}


def _child(source: Path, db_path: Path) -> dict:
    """``one_round`` of the program at ``source``, in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(source), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, __file__, str(db_path)],
        capture_output=True, text=True, env=env, check=True, cwd=source,
    )  # fmt: skip
    return json.loads(done.stdout.splitlines()[-1])


def measure(db_path: Path, runs: int = 5) -> list[dict]:
    ours_source = Path(__file__).resolve().parent.parent
    before_source, before_db = os.environ.get("BENCH_BEFORE_SRC"), os.environ.get("BENCH_BEFORE_DB")
    ours: list[dict] = []
    before: list[dict] = []
    for _ in range(runs):
        ours.append(_child(ours_source, db_path))
        if before_source and before_db:
            before.append(_child(Path(before_source), Path(before_db)))
    first = ours[0]
    names = {
        "month_pdf": f"month briefing PDF, {first['county']} ({first['warnings']:,} warnings)",
        "month_docx": f"month briefing .docx, {first['county']}",
        "year_pdf": f"year briefing PDF, whole city, {first['year']}",
    }
    results = []
    for key, name in names.items():
        mine = [run["times"][key] for run in ours]
        theirs = [run["times"][key] for run in before if key in run["times"]]
        result = {
            "name": name,
            "ours_s": round(stats_module.median(mine), 3),
            "ours_min_s": round(min(mine), 3),
            "baseline_s": round(stats_module.median(theirs), 3) if theirs else None,
            "baseline_min_s": round(min(theirs), 3) if theirs else None,
            "baseline": f"the briefing of {before_source}" if theirs else None,
            "ratio": (
                round(stats_module.median(mine) / stats_module.median(theirs), 2)
                if theirs
                else None
            ),  # fmt: skip
            "target_s": TARGETS[key],
        }
        results.append(result)
    return results


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8")
    print(json.dumps(one_round(Path(sys.argv[1])), ensure_ascii=False))
