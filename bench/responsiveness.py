"""Memory while browsing the scale database, and the GUI thread's longest stall while long
work runs on the worker.

Memory: a fresh process opens the main window on the scale database and goes through every
screen the way an officer would (Today, the talks calendar, the warnings list paged down
twenty times, a year of figures on Reports, Areas & people, two searches), waiting for each
screen's reading; its peak resident set size (``ru_maxrss``) is compared with a bare
QApplication + QMainWindow process's. Target: ≤ bare + 80 MiB.

Stall: with the main window open on the scale database, a heartbeat timer fires every 10 ms
on the GUI thread while the worker runs, one after the other, an import of 20,000 warnings
(into a scratch database), a county's month briefing PDF (its saved issue and audit entry
rolled back, as ``bench.briefing``'s) and a backup of the scale database (4 GB, into a scratch
folder); the longest gap between two beats, less the 10 ms, is the stall. Target: ≤ 100 ms.
Neither measure changes the scale database.

Each is run five times by default (the two memory processes taking turns to go first) and
reported by its median, with the smallest (and, in the detail, the largest).
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench import printed, taking_turns

MIB = 1024 * 1024
BARE = """
import resource, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1366, 768)
window.show()
for _ in range(20):
    app.processEvents()
print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def _child(code: str, *args: str, tag: str) -> str:
    """What a fresh interpreter running ``code`` printed after ``tag`` (offscreen, a data
    folder of its own)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "OUTREACH_DESK_DATA": tempfile.mkdtemp(prefix="outreach-bench-")}  # fmt: skip
    return printed(code, *args, tag=tag, env=env)


def _rss(code: str, *args: str) -> int:
    """The peak resident set size a fresh process running ``code`` reports, in bytes."""
    return int(_child(code, *args, tag="RSS"))


STALL = """
import json, sys
from pathlib import Path
from bench.responsiveness import _stall
print("STALLS", json.dumps(_stall(Path(sys.argv[1]))))
"""


def _stall_run(db_path: Path) -> dict[str, tuple[float, float]]:
    """One stall run in a process of its own (a window opened, worked and closed once, as the
    officer's program does): each work's longest stall and its seconds."""
    stalls = json.loads(_child(STALL, str(db_path), tag="STALLS"))
    return {label: (stall, seconds) for label, (stall, seconds) in stalls.items()}


BROWSE = """
import resource, sys
from pathlib import Path
from bench.responsiveness import browse
print("RSS", browse(Path(sys.argv[1])))
"""


def browse(db_path: Path) -> int:
    """Go through every screen on ``db_path``; returns the peak RSS in bytes."""
    import resource

    from desktop.db.opening import open_database
    from desktop.settings import Settings
    from desktop.ui.app import create_application
    from desktop.ui.main_window import MainWindow

    app, translations = create_application("zh_CN")
    window = MainWindow(open_database(db_path, create=False), Settings(), translations)
    window.resize(1366, 768)
    window.show()
    go_through_every_screen(app, window)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    # Were browsing ever to write (``python -m bench`` names it), no 4 GB backup after it.
    from desktop.settings import BACKUP_ON_CLOSE

    window.settings.set(BACKUP_ON_CLOSE, False)
    window.close()
    return peak


# One character found in many residents' and warnings' names, and a whole name: neither finds
# a person abroad or a card seller (the demo gives them names from other lists), whose look-up
# would be logged: browsing leaves the scale database as it was.
BROWSING_SEARCHES = ("忠", "黄忠生")


def go_through_every_screen(app, window) -> None:
    """What an officer's session does in ``window``: every screen, the warnings list paged
    down twenty times, a year of figures, two searches, each waited for."""

    def settle(page=None) -> None:
        for _ in range(5):
            app.processEvents()
        while (page is not None and getattr(page, "loading", False)) or window.runner.busy():
            app.processEvents()
            window.runner.wait(10)
        app.processEvents()

    settle(window.today_page)
    for key in ("talks", "warnings", "reports", "areas"):
        page = window.show_page(key)
        settle(page)
        if key == "warnings":  # the whole million, paged down as bench.warnings does
            from PySide6.QtCore import QEvent, Qt
            from PySide6.QtGui import QKeyEvent

            page.view_choice.setCurrentIndex(page.view_choice.findData("all"))
            settle(page)
            page.queue.setFocus()
            page.select_row(0)
            for _ in range(20):
                app.sendEvent(
                    page.queue,
                    QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown,
                              Qt.KeyboardModifier.NoModifier),
                )  # fmt: skip
                settle(page)
        if key == "reports":
            page.set_period("year", 2026)
            page.reload()
            settle(page)
    for text in BROWSING_SEARCHES:
        window.search_box.setText(text)
        window.search_panel.search_now()
        settle(window.search_panel)


def unsaved_briefing(db_path: Path, out: Path) -> Path:
    """宜州区's June briefing printed from the database at ``db_path`` into ``out``, its saved
    issue and audit entry rolled back (``bench.briefing.unsaved_prints``)."""
    from bench.briefing import unsaved_prints
    from desktop.db.opening import open_database
    from desktop.domain.statistics import Period
    from desktop.reports import documents

    database = open_database(db_path, create=False)
    try:
        area = database.scalar("SELECT id FROM areas WHERE name = '宜州区'")
        with unsaved_prints(database, documents) as before_print:
            before_print()
            return documents.print_briefing(database, Period.month(2026, 6), out, area_id=area)
    finally:
        database.close()


def _stall(db_path: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OUTREACH_DESK_DATA", tempfile.mkdtemp(prefix="outreach-bench-"))
    from PySide6.QtCore import QElapsedTimer, QTimer

    from bench.imports import ensure_list
    from desktop.db import backups
    from desktop.db.opening import open_database
    from desktop.settings import Settings
    from desktop.ui.app import create_application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tasks import Task

    app, translations = create_application("zh_CN")
    window = MainWindow(open_database(db_path, create=False), Settings(), translations)
    window.resize(1366, 768)
    window.show()
    while window.runner.busy():
        app.processEvents()
        window.runner.wait(10)
    scratch = Path(tempfile.mkdtemp(prefix="outreach-bench-stall-"))
    list_path = ensure_list(scratch / "warnings-20k.xlsx", rows=20_000)

    def importing(progress):
        from desktop.exchange.importing import import_file

        database = open_database(scratch / "import.sqlite3")
        try:
            return import_file(database, "warnings", list_path, progress=progress)
        finally:
            database.close()

    def briefing(progress):
        return unsaved_briefing(db_path, scratch / "b.pdf")

    def backing_up(progress):
        database = open_database(db_path, create=False)
        try:
            return backups.make_backup(database.conn, scratch / "backups", progress=progress)
        finally:
            database.close()

    stalls = {}
    beat = QElapsedTimer()
    for label, work in (("import", importing), ("briefing", briefing), ("backup", backing_up)):
        longest = [0]
        beat.start()

        def tick(longest=longest) -> None:
            longest[0] = max(longest[0], beat.restart())

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        task = Task(work)
        window.runner.start(task)
        timer.start()
        started = time.perf_counter()
        while not task.done:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        stalls[label] = (max(longest[0] - 10, 0) / 1000, round(time.perf_counter() - started, 1))
        if not task.done or task.settled is None:
            raise RuntimeError(label)
    window.close()
    import shutil

    shutil.rmtree(scratch, ignore_errors=True)
    return stalls


def measure(db_path: Path, runs: int = 5) -> list[dict]:
    """``runs`` of each: the bare window's and our browsing process taking turns to go first,
    then the stall runs, each in a process of its own; medians, with the smallest and
    largest."""
    bare_rss: list[int] = []
    ours_rss: list[int] = []
    for run in range(runs):
        for kept, args in taking_turns(
            run, (bare_rss, (BARE,)), (ours_rss, (BROWSE, str(db_path)))
        ):
            kept.append(_rss(*args))
    above = [(ours - bare) / MIB for ours, bare in zip(ours_rss, bare_rss, strict=True)]
    longest: list[float] = []  # each run's longest stall, whichever work it was
    by_work: dict[str, list[tuple[float, float]]] = {}
    for _run in range(runs):
        stalls = _stall_run(db_path)
        longest.append(max(stall for stall, _seconds in stalls.values()))
        for label, stall in stalls.items():
            by_work.setdefault(label, []).append(stall)
    return [
        {
            "name": "peak memory browsing the scale database (MiB above bare window)",
            "ours_s": round(statistics.median(above), 1),
            "ours_min_s": round(min(above), 1),
            "baseline_s": None,
            "ratio": None,
            "target_ratio": None,
            "target_s": 80,
            "unit": "MiB",
            "detail": {
                "ours_mib": [round(rss / MIB, 1) for rss in ours_rss],
                "bare_mib": [round(rss / MIB, 1) for rss in bare_rss],
                "largest_mib": round(max(above), 1),
            },
        },
        {
            "name": "longest GUI stall while import, briefing, backup run",
            "ours_s": round(statistics.median(longest), 3),
            "ours_min_s": round(min(longest), 3),
            "baseline_s": None,
            "ratio": None,
            "target_ratio": None,
            "target_s": 0.1,
            "detail": {
                "largest_s": round(max(longest), 3),
                **{
                    label: {"stall_s": [s for s, _w in runs_of], "work_s": [w for _s, w in runs_of]}
                    for label, runs_of in by_work.items()
                },
            },
        },
    ]


if __name__ == "__main__":
    print(json.dumps(measure(Path("bench/data/large.sqlite3")), indent=2, ensure_ascii=False))
