"""The warnings list on the scale database (1,000,000 warnings): open, page down, filter.

Each step is timed from the user's action to the list painted again, on the GUI thread (the
counts that arrive later from the worker do not hold the screen). Target: ≤ 100 ms per step.
Scrolling is measured on "all warnings", the view that pages through the whole million.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path


def measure(db_path: Path, runs: int = 5) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OUTREACH_DESK_DATA", tempfile.mkdtemp(prefix="outreach-bench-"))

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from desktop.db.opening import open_database
    from desktop.ui.app import create_application, make_what_the_start_put_off
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.warnings.page import WarningsPage

    app, _translations = create_application("zh_CN")
    # As in the program, where no other screen opens before Today is painted and this is done.
    make_what_the_start_put_off()
    database = open_database(db_path, create=False)
    total = database.scalar("SELECT count(*) FROM warnings")
    runner = TaskRunner()

    def settle() -> None:
        app.processEvents()
        page.queue.viewport().repaint()

    def wait_for_worker() -> None:
        while page.loading:
            app.processEvents()
            runner.wait(10)

    opening = []
    for _ in range(runs):
        page = WarningsPage(database, runner)
        page.resize(1366, 700)
        started = time.perf_counter()
        page.show()
        settle()
        opening.append(time.perf_counter() - started)
        wait_for_worker()
        page.close()
        page.deleteLater()
        app.processEvents()

    page = WarningsPage(database, runner)
    page.resize(1366, 700)
    page.show()
    settle()
    wait_for_worker()

    def choose(combo, value) -> float:
        started = time.perf_counter()
        combo.setCurrentIndex(combo.findData(value))
        settle()
        elapsed = time.perf_counter() - started
        wait_for_worker()
        return elapsed

    choose(page.view_choice, "all")
    page.queue.setFocus()
    page.select_row(0)
    steps = []
    for _ in range(20):
        press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)
        started = time.perf_counter()
        app.sendEvent(page.queue, press)
        settle()
        steps.append(time.perf_counter() - started)
    rows_reached = page.queue.currentIndex().row()

    filters = []
    for level in ("high", "low", None, "medium", None):
        filters.append(choose(page.level_choice, level))
    for source in ("bank", None):
        filters.append(choose(page.source_choice, source))
    filters.append(choose(page.view_choice, "closed"))
    filters.append(choose(page.view_choice, "open"))

    page.close()
    runner.shutdown()
    database.close()

    def entry(name: str, samples: list[float], how: str) -> dict:
        worst = max(samples)
        return {
            "name": name,
            "ours_s": round(worst, 4),
            "median_s": round(statistics.median(samples), 4),
            "baseline_s": None,
            "baseline": how,
            "ratio": None,
            "target_s": 0.1,
        }

    return [
        entry(f"warnings list: open ({total:,} warnings), slowest of {runs}", opening, "open"),
        entry(
            f"warnings list: page down ×20 (to row {rows_reached:,}), slowest step",
            steps,
            "page down",
        ),
        entry("warnings list: filter by level, source, view — slowest", filters, "filter"),
    ]
