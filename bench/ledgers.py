"""The ledger of persons abroad (劝返) and the card-seller register on the scale database
(about 50,000 persons abroad, 200,000 card sellers).

- The ledger and the register: the first page of the whole city's and of the largest county's,
  then twenty pages down, each step the domain query a screen asks for (masked rows of 200):
  the slowest step ≤ 100 ms; and the same on the screens themselves (the Return persuasion and
  Card sellers screens opened, then Page Down ×20 in the list), each step timed from the
  officer's action to the list painted again (the counts that arrive later from the worker do
  not hold the screen): the slowest ≤ 100 ms. A window with a table is painted first, as the
  running program's main window is before the officer opens either screen.
- The board (挂图) of the counties and of the largest county's townships: ≤ 300 ms.
- A year's figures of each kind, against what a competent engineer writes by hand for the same
  figures, in the same run: ≤ 1.5×. For card sellers one COUNT(DISTINCT CASE …) pass; for the
  persons abroad one aggregate pass for six figures, an anti-join for 失联 (no contact that
  reached anyone in the last 30 days) and the days from listing to return grouped for the
  median — three statements, as no single aggregate can give the last two.
"""

from __future__ import annotations

import statistics as stats_module
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PAGES = 20

RETURNS_BY_HAND = """
SELECT sum(listed_on < :start AND (closed_on IS NULL OR closed_on >= :start)),
  sum(listed_on >= :start AND listed_on <= :end),
  sum(returned_on >= :start AND returned_on <= :end),
  sum(closed_on >= :start AND closed_on <= :end),
  sum(listed_on <= :end AND (closed_on IS NULL OR closed_on > :end)),
  sum(listed_on <= :end AND (closed_on IS NULL OR closed_on > :end)
      AND (returned_on IS NULL OR returned_on > :end) AND deadline_on < :end)
FROM return_cases WHERE deleted_at IS NULL
"""
OUT_OF_TOUCH_BY_HAND = """
SELECT count(*) FROM return_cases WHERE deleted_at IS NULL AND listed_on <= :listed
  AND (closed_on IS NULL OR closed_on > :end) AND (returned_on IS NULL OR returned_on > :end)
  AND id NOT IN (SELECT case_id FROM return_contacts WHERE deleted_at IS NULL
    AND result IN ('reached', 'met', 'promised') AND at >= :touch AND at < date(:end, '+1 day'))
"""
DAYS_BY_HAND = """
SELECT CAST(julianday(returned_on) - julianday(listed_on) AS INTEGER) AS days, count(*)
FROM return_cases WHERE deleted_at IS NULL AND returned_on BETWEEN :start AND :end GROUP BY days
"""

CARDS_BY_HAND = """
SELECT count(DISTINCT CASE WHEN listed_on BETWEEN :start AND :end THEN resident_id END),
  count(DISTINCT CASE WHEN listed_on BETWEEN :start AND :end AND opened_locally = 1
        THEN resident_id END),
  count(DISTINCT CASE WHEN listed_on BETWEEN :start AND :end AND interviewed_on IS NOT NULL
        THEN resident_id END),
  count(DISTINCT CASE WHEN restricted_on BETWEEN :start AND :end THEN resident_id END),
  count(DISTINCT CASE WHEN handed_over_on BETWEEN :start AND :end THEN resident_id END)
FROM card_sellers WHERE deleted_at IS NULL
"""


def _timed(work) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def _pages(first_page) -> list[float]:
    """The first page and PAGES more, each step's seconds."""
    steps, (rows, key) = [], (None, None)
    seconds, (rows, key) = _timed(lambda: first_page(None))
    steps.append(seconds)
    for _ in range(PAGES):
        if key is None:
            break
        seconds, (rows, key) = _timed(lambda key=key: first_page(key))
        steps.append(seconds)
    return steps


def _screen_steps(db_path: Path, runs: int) -> dict[str, list[float]]:
    """Open each ledger screen and page down twenty times: seconds per step, by screen."""
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OUTREACH_DESK_DATA", tempfile.mkdtemp(prefix="outreach-bench-"))
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from desktop.db.opening import open_database
    from desktop.ui.app import create_application, make_what_the_start_put_off
    from desktop.ui.cards.page import CardSellersPage
    from desktop.ui.returns.page import ReturnsPage
    from desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or create_application("zh_CN")[0]
    # As in the program, where no other screen opens before Today is painted and this is done.
    make_what_the_start_put_off()
    database = open_database(db_path, create=False)
    runner = TaskRunner()
    # The officer opens these screens in a running program whose window is painted: the
    # process's first paint of a table (fonts found, styles polished) is not theirs to pay.
    window = QMainWindow()
    table = QTableView()
    table.setModel(QStandardItemModel(20, 5, window))
    window.setCentralWidget(table)
    window.resize(1366, 700)
    window.show()
    app.processEvents()
    table.viewport().repaint()
    window.close()
    steps: dict[str, list[float]] = {"returns": [], "cards": []}
    for _ in range(runs):
        for key, make, view in (("returns", ReturnsPage, "table"), ("cards", CardSellersPage,
                                                                     "register")):  # fmt: skip
            page = make(database, runner)
            page.resize(1366, 700)
            table = getattr(page, view)
            started = time.perf_counter()
            page.show()
            app.processEvents()
            table.viewport().repaint()
            steps[key].append(time.perf_counter() - started)
            table.setFocus()
            page.select_row(0)
            for _step in range(PAGES):
                press = QKeyEvent(
                    QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier
                )
                started = time.perf_counter()
                app.sendEvent(table, press)
                app.processEvents()
                table.viewport().repaint()
                steps[key].append(time.perf_counter() - started)
            while runner.busy():  # the counts the worker reads, before the next screen
                app.processEvents()
                runner.wait(10)
            page.close()
            page.deleteLater()
            app.processEvents()
    runner.shutdown()
    database.close()
    return steps


def measure(db_path: Path, runs: int = 5) -> list[dict]:
    from desktop.core.figures import BY_KEY, RETURN_FIGURES
    from desktop.db.opening import open_database
    from desktop.domain import card_sellers, return_cases, statistics
    from desktop.domain.areas import subtree_ids

    database = open_database(db_path, create=False)
    abroad = database.scalar("SELECT count(*) FROM return_cases")
    sellers = database.scalar("SELECT count(*) FROM card_sellers")
    county = database.query(
        "SELECT a.id, a.name FROM areas a WHERE a.level = 'county' ORDER BY"
        " (SELECT count(*) FROM card_sellers c WHERE c.area_id IN"
        "  (SELECT id FROM areas WHERE parent_id IN"
        "   (SELECT id FROM areas WHERE parent_id = a.id))) DESC LIMIT 1"
    )[0]
    county_areas = tuple(subtree_ids(database, county["id"]))
    newest = database.scalar("SELECT max(listed_on) FROM card_sellers")
    year = statistics.Period.year(int(newest[:4]))
    # The ledger as it stands today (the year is not over): its end, and 30 days back.
    end = min(year.end, date.today())
    bounds = {
        "start": year.start.isoformat(), "end": end.isoformat(),
        "touch": (end - timedelta(days=29)).isoformat(),
        "listed": (end - timedelta(days=30)).isoformat(),
    }  # fmt: skip

    ledger_steps, register_steps, boards = [], [], []
    ours_returns, hand_returns, ours_cards, hand_cards = [], [], [], []
    returns_keys = [figure.key for figure in RETURN_FIGURES]
    card_keys = [key for key in BY_KEY if key.startswith("card_")]
    for _ in range(runs):
        for area in (None, county["id"]):
            ledger_steps += _pages(
                lambda key, area=area: return_cases.ledger(database, area, after=key)
            )
            register_steps += _pages(
                lambda key, area=area: card_sellers.list_card_sellers(
                    database,
                    card_sellers.RegisterFilter(
                        view="all", area_ids=None if area is None else county_areas
                    ),
                    after=key,
                )
            )
            seconds, _rows = _timed(lambda area=area: return_cases.board(database, area))
            boards.append(seconds)
        seconds, _rows = _timed(
            lambda: [database.execute(sql, bounds).fetchall()
                     for sql in (RETURNS_BY_HAND, OUT_OF_TOUCH_BY_HAND, DAYS_BY_HAND)]
        )  # fmt: skip
        hand_returns.append(seconds)
        seconds, _figures = _timed(
            lambda: statistics.compute_figures(database, year, only=returns_keys)
        )
        ours_returns.append(seconds)
        seconds, _row = _timed(lambda: database.execute(CARDS_BY_HAND, bounds).fetchone())
        hand_cards.append(seconds)
        seconds, _figures = _timed(
            lambda: statistics.compute_figures(database, year, only=card_keys)
        )
        ours_cards.append(seconds)
    database.close()

    def versus(name: str, ours: list[float], hand: list[float], baseline: str) -> dict:
        mine, theirs = stats_module.median(ours), stats_module.median(hand)
        return {
            "name": name, "ours_s": round(mine, 3), "ours_min_s": round(min(ours), 3),
            "baseline_s": round(theirs, 3), "baseline": baseline,
            "ratio": round(mine / theirs, 2), "target_ratio": 1.5,
        }  # fmt: skip

    screens = _screen_steps(db_path, runs)
    on_screen = [
        {
            "name": f"{label} screen: open, page down ×{PAGES}, slowest step (painted)",
            "ours_s": round(max(screens[key]), 3),
            "median_step_s": round(stats_module.median(screens[key]), 3),
            "target_s": 0.1,
        }
        for key, label in (("returns", "Return persuasion"), ("cards", "Card sellers"))
    ]
    return on_screen + [
        {
            "name": f"persons abroad ledger ({abroad:,}): city, {county['name']}, ×{PAGES}, slowest",
            "ours_s": round(max(ledger_steps), 3),
            "median_step_s": round(stats_module.median(ledger_steps), 3),
            "target_s": 0.1,
        },
        {
            "name": f"card-seller register ({sellers:,}): city, {county['name']}, slowest",
            "ours_s": round(max(register_steps), 3),
            "median_step_s": round(stats_module.median(register_steps), 3),
            "target_s": 0.1,
        },
        {
            "name": f"persons abroad board: counties, {county['name']}'s townships, slowest",
            "ours_s": round(max(boards), 3),
            "target_s": 0.3,
        },
        versus(
            f"persons abroad figures, {year.start.year}",
            ours_returns,
            hand_returns,
            "hand-written: one pass, an anti-join for 失联, days grouped for the median",
        ),  # fmt: skip
        versus(
            f"card-seller figures, {year.start.year}",
            ours_cards,
            hand_cards,
            "hand-written single COUNT(DISTINCT CASE …) pass over card_sellers",
        ),  # fmt: skip
    ]
