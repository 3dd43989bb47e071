"""The talks screen on the scale database, and the sign-in sheet build.

- Month calendar: opening the month view and switching month (filled and painted), against the
  bare SQL query of that month's talks, measured in the same run. Targets: ≤ 100 ms, ≤ 3×.
- A 25-row sign-in sheet PDF: ≤ 0.5 s.
"""

from __future__ import annotations

import io
import os
import statistics
import tempfile
import time
from datetime import date, datetime
from pathlib import Path


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def measure(db_path: Path, runs: int = 7) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OUTREACH_DESK_DATA", tempfile.mkdtemp(prefix="outreach-bench-"))

    from desktop.db.opening import open_database
    from desktop.domain import talks as talk_store
    from desktop.reports.fonts import register_fonts
    from desktop.reports.signin import build_signin_sheet
    from desktop.ui.app import create_application, make_what_the_start_put_off
    from desktop.ui.talks.page import TalksPage
    from desktop.ui.tasks import TaskRunner

    app, _translations = create_application("zh_CN")
    # As in the program, where no other screen opens before Today is painted and this is done.
    make_what_the_start_put_off()
    database = open_database(db_path, create=False)
    talks_in_db = database.scalar("SELECT count(*) FROM talks WHERE deleted_at IS NULL")
    newest = datetime.fromisoformat(database.scalar("SELECT max(starts_at) FROM talks"))
    runner = TaskRunner()
    page = TalksPage(database, runner)
    page.resize(1366, 768)
    page.show()
    app.processEvents()

    months = []
    year, month = newest.year, newest.month
    for _ in range(runs + 1):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)

    def month_bounds(y: int, m: int) -> tuple[str, str]:
        from desktop.core import clock  # the station's month, as the calendar asks for it

        first = clock.at(date(y, m, 1))
        following = clock.at(date(y + m // 12, m % 12 + 1, 1))
        return clock.stored(first), clock.stored(following)

    def settle() -> None:
        """Until the month's talks have arrived from the worker and are painted."""
        while page.loading:
            app.processEvents()
            time.sleep(0.0005)
        app.processEvents()

    baseline, switch, sizes = [], [], []
    page.show_month(*months[0])  # warm caches: first open
    settle()
    for y, m in months[1:]:
        low, high = month_bounds(y, m)
        started = time.perf_counter()
        rows = database.execute(
            "SELECT * FROM talks WHERE deleted_at IS NULL AND starts_at >= ? AND starts_at < ?",
            (low, high),
        ).fetchall()
        baseline.append(time.perf_counter() - started)
        sizes.append(len(rows))
        started = time.perf_counter()
        page.show_month(y, m)
        settle()
        switch.append(time.perf_counter() - started)

    # The list view of a month: open it, page down twenty times, filter (each a user step
    # timed to the list painted again).
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    def painted() -> None:
        app.processEvents()
        page.list.viewport().repaint()

    list_open, list_steps, list_filters = [], [], []
    for y, m in months[1:4]:
        page.set_view("month")
        settle()
        page.anchor = date(y, m, 1)
        started = time.perf_counter()
        page.set_view("list")
        painted()
        list_open.append(time.perf_counter() - started)
    page.list.setFocus()
    page.list.selectRow(0)
    for _ in range(20):
        press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)
        started = time.perf_counter()
        app.sendEvent(page.list, press)
        painted()
        list_steps.append(time.perf_counter() - started)
    rows_reached = page.list.currentIndex().row()
    for combo, value in ((page.status, "done"), (page.venue_kind, "school"), (page.status, None)):
        started = time.perf_counter()
        combo.setCurrentIndex(combo.findData(value) if value else 0)
        painted()
        list_filters.append(time.perf_counter() - started)

    talk_id = database.scalar("SELECT id FROM talks ORDER BY starts_at DESC LIMIT 1")
    talk = talk_store.load_talk(database, talk_id)
    register_fonts()
    build_signin_sheet(talk, io.BytesIO())  # the first build loads glyphs
    pdf = []
    for _ in range(5):
        started = time.perf_counter()
        build_signin_sheet(talk, io.BytesIO(), rows=25)
        pdf.append(time.perf_counter() - started)

    page.close()
    runner.shutdown()
    database.close()
    ours, bare = _median_ms(switch), _median_ms(baseline)
    return [
        {
            "name": f"month calendar switch ({talks_in_db:,} talks, ~{int(statistics.median(sizes))}/month)",
            "ours_s": round(ours / 1000, 4),
            "baseline_s": round(bare / 1000, 4),
            "baseline": "bare SQL query of the month",
            "ratio": round(ours / bare, 2) if bare else 0,
            "target_ratio": 3.0,
            "target_s": 0.1,
        },
        {
            "name": "talks list: open a month, slowest of 3",
            "ours_s": round(max(list_open), 4),
            "baseline_s": None,
            "ratio": None,
            "target_s": 0.1,
        },
        {
            "name": f"talks list: page down ×20 (to row {rows_reached}), slowest step",
            "ours_s": round(max(list_steps), 4),
            "baseline_s": None,
            "ratio": None,
            "target_s": 0.1,
        },
        {
            "name": "talks list: filter by status, venue kind, slowest",
            "ours_s": round(max(list_filters), 4),
            "baseline_s": None,
            "ratio": None,
            "target_s": 0.1,
        },
        {
            "name": "25-row sign-in sheet PDF",
            "ours_s": round(_median_ms(pdf) / 1000, 4),
            "baseline_s": None,
            "ratio": None,
            "target_s": 0.5,
        },
    ]
