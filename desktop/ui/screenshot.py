"""Render a view offscreen to PNG: for tests, the README, the user guide and review.

Every view is the program's own page or dialog, filled from the database named (the demo
database, for the documentation), opened the way an officer opens it. A page is grabbed with
the whole window; a dialog on its own. Work the page hands to the worker thread is waited for.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.reports import registry

WAIT_SECONDS = 60  # the longest a view may take to load (a briefing of a county's month)
# Damage SQLite reports while a picture is made: there is nothing left to wait for, and the
# command line's damage path takes over.
_damage_seen: list = []


def take_screenshot(
    db_path: Path,
    view: str,
    output: Path,
    *,
    language: str,
    size: tuple[int, int],
    package: Path | None = None,
) -> Path:
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.db.database import watch_for_damage
    from desktop.db.opening import open_database
    from desktop.settings import Settings
    from desktop.ui.app import create_application
    from desktop.ui.main_window import MainWindow

    if QApplication.instance() is None:
        with _offscreen_screen(size):
            create_application(language)
    else:
        create_application(language)
    database = open_database(db_path, create=False)  # a picture never creates a database
    _damage_seen.clear()
    stop_watching = watch_for_damage(_damage_seen.append)
    try:
        window = MainWindow(database, Settings(), QApplication.instance()._outreach_translations)
    except BaseException:
        stop_watching()
        database.close()
        raise
    try:
        window.resize(*size)
        window.show()
        # The status bar's counts arrive from the worker thread.
        wait(window, lambda: window.counts is None)
        target = VIEWS[view](window, package)
        shown = window.stack.currentWidget()
        wait(window, lambda: getattr(shown, "loading", False))
        for _ in range(3):
            QApplication.processEvents()
        output.parent.mkdir(parents=True, exist_ok=True)
        picture = target.grab() if isinstance(target, QWidget) else target
        if not picture.save(str(output), "PNG"):
            raise OutreachError(
                QT_TRANSLATE_NOOP("Errors", "Could not write the picture to {path}."), path=output
            )
        if isinstance(target, QWidget) and target is not window:
            target.close()
    finally:
        stop_watching()
        window.close()  # the file is let go of before anything (the damage path) moves it
    # The closed window deletes itself later; let it go now, so nothing sent after this (a
    # change of language in the same process) reaches a window whose Python side has gone.
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return output


@contextmanager
def _offscreen_screen(size: tuple[int, int]):
    """Qt's offscreen platform with one screen of ``size`` while the application starts: a
    dialog opens as it would on a laptop with that screen (Qt gives a new window at most two
    thirds of it), not on the platform's default 800 × 800."""
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    if platform != "offscreen":
        yield
        return
    width, height = size
    screen = {"name": "Screenshot", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="outreach-screen-") as folder:
        config = Path(folder) / "offscreen.json"
        config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        try:
            yield
        finally:
            os.environ["QT_QPA_PLATFORM"] = platform


def wait(window, busy) -> None:
    """Let the worker's results reach the window until ``busy()`` is false."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + WAIT_SECONDS
    while busy() and not _damage_seen and time.monotonic() < deadline:
        QApplication.processEvents()
        window.runner.wait(20)
    QApplication.processEvents()
    if _damage_seen:
        raise _damage_seen[0]


def _dialog(window, dialog, task=None):
    """Show ``dialog`` as the program would, once ``task`` (its work on the worker) is done."""
    if task is not None:
        wait(window, lambda: not task.settled)
    dialog.show()
    wait(window, lambda: False)
    return dialog


def _first(window, sql: str) -> str | None:
    return window.database.scalar(sql)


# -- pages ------------------------------------------------------------------------------------


def _page(key: str):
    def show(window, _package):
        window.show_page(key)
        return window

    return show


def _areas_tab(index: int):
    def show(window, _package):
        window.show_page("areas").tabs.setCurrentIndex(index)
        return window

    return show


def _talks_view(name: str):
    def show(window, _package):
        page = window.show_page("talks")
        page.set_view(name)
        talk_id = _first(window, TALK_OF_STATUS["planned"])
        if talk_id is not None:
            page.select_talk(talk_id)  # its details and buttons beside the calendar or list
        return window

    return show


def _search_view(window, _package):
    """The search box holding the name the most residents share: namesakes, told apart."""
    name = _first(
        window,
        "SELECT name FROM residents r WHERE deleted_at IS NULL AND EXISTS (SELECT 1 FROM"
        " warnings w WHERE w.resident_id = r.id AND w.deleted_at IS NULL)"
        " GROUP BY name ORDER BY count(*) DESC, name LIMIT 1",
    )
    window.search_box.setText(name or "")
    panel = window.search_panel
    if panel is not None:
        panel.search_now()
        wait(window, lambda: panel.results is None or panel.loading)
    return window


def _warnings(window):
    page = window.show_page("warnings")
    wait(window, lambda: page.loading)  # the counts and clocks arrive from the worker
    return page


def _warnings_view(window, _package):
    _warnings(window).select_row(0)  # the most urgent case, as an officer would open it
    return window


def _case_view(window, _package):
    page = _warnings(window)
    page.select_row(0)
    return page.case  # the case view alone, its whole height


def _follow_ups_view(window, _package):
    page = _warnings(window)
    page.tabs.setCurrentIndex(1)
    # The follow-up longest due, as a click chooses it: its case beside it, the follow-up's
    # form at the top of the case with the cursor in it.
    page.due_list.setCurrentRow(0)
    page._due_chosen(page.due_list.item(0), focus=True)
    return window


def _demo_month(window) -> tuple[int, int]:
    """The last whole month before the newest warning: a month the demo data fills."""
    newest = _first(window, "SELECT max(received_at) FROM warnings WHERE deleted_at IS NULL")
    day = date.fromisoformat(newest[:10]) if newest else clock.today()
    return (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)


def _reports(window):
    page = window.show_page("reports")
    page.set_period("month", *_demo_month(window))
    page.reload()
    wait(window, lambda: page.loading)
    return page


def _reports_view(window, _package):
    _reports(window)
    return window


def _reports_charts_view(window, _package):
    """The charts of the demo's month, scrolled to the fraud-free trend."""
    page = _reports(window)
    page.tabs.setCurrentIndex(1)
    wait(window, lambda: page.data is None or page.data["svgs"] is None)
    wait(window, lambda: page.charts_layout.count() < len(page.data["svgs"]))
    scroll = page.tabs.currentWidget()
    shown = [index for index, svg in enumerate(page.data["svgs"]) if "无诈社区".encode() in svg]
    trend = page.charts_layout.itemAt(shown[0] if shown else 0).widget()
    scroll.ensureWidgetVisible(trend)
    return window


def _pdf(window, preview):
    _dialog(window, preview, preview.task)
    for _ in range(5):  # the pages are drawn once the document is shown
        wait(window, lambda: False)
        time.sleep(0.05)
    return preview


# -- talks ------------------------------------------------------------------------------------


TALK_OF_STATUS = {
    "planned": "SELECT id FROM talks WHERE deleted_at IS NULL AND status = 'planned' "
    "ORDER BY starts_at LIMIT 1",  # the next talk planned
    "done": "SELECT id FROM talks WHERE deleted_at IS NULL AND status = 'done' "
    "ORDER BY starts_at DESC LIMIT 1",  # the latest talk held
}


def _talk(window, status: str):
    from desktop.domain import talks as talk_store

    talk_id = _first(window, TALK_OF_STATUS[status])
    if talk_id is None:
        raise OutreachError(QT_TRANSLATE_NOOP("Errors", "The database holds no talk to show."))
    return talk_store.load_talk(window.database, talk_id)


def _talk_editor_view(window, _package):
    from desktop.ui.talks.editor import TalkDialog

    talk = _talk(window, "planned")  # the next talk planned, opened with Edit…
    return _dialog(window, TalkDialog(window.database, window, talk=talk))


def _talk_clash_view(window, _package):
    from dataclasses import replace

    from desktop.domain import officers as officer_store
    from desktop.domain import talks as talk_store
    from desktop.ui.talks.editor import ClashDialog

    # The same talk planned a second time: same officers, same venue, same hour.
    again = replace(_talk(window, "planned"), id=None)
    database = window.database
    names = {officer.id: officer.name for officer in officer_store.list_officers(database)}
    clashes = talk_store.clashes_for(database, again)
    return _dialog(window, ClashDialog(clashes, names, window))


def _talk_outcome_view(window, _package):
    from desktop.ui.talks.editor import OutcomeDialog

    talk = _talk(window, "done")  # the latest talk held, with what was recorded
    return _dialog(window, OutcomeDialog(window.database, talk, window))


# -- warnings ---------------------------------------------------------------------------------


def _intake_view(window, _package):
    from desktop.ui.warnings.intake import IntakeDialog

    dialog = IntakeDialog(window.database, window)
    # The five required fields, typed for a resident already on record: the match is offered.
    row = window.database.query(
        "SELECT r.name, r.mobile FROM warnings w JOIN residents r ON r.id = w.resident_id "
        "WHERE w.deleted_at IS NULL ORDER BY w.received_at DESC LIMIT 1"
    )
    dialog.source.setCurrentIndex(dialog.source.findData("hotline_96110"))
    dialog.level.setCurrentIndex(dialog.level.findData("high"))
    if row:
        dialog.name.setText(row[0]["name"])
        dialog.mobile.setText(row[0]["mobile"] or "")
    dialog.look_for_matches()
    return _dialog(window, dialog)


# -- persons abroad ---------------------------------------------------------------------------


def _returns(window):
    page = window.show_page("returns")
    wait(window, lambda: page.loading)  # the counts arrive from the worker
    return page


def _returns_view(window, _package):
    _returns(window).select_row(0)  # the newest listing, as an officer would open it
    return window


def _return_case_view(window, _package):
    page = _returns(window)
    page.select_row(0)
    return page.case  # the person's panel alone, its whole height


def _return_listing_view(window, _package):
    from desktop.ui.returns.dialogs import ListingDialog

    dialog = ListingDialog(window.database, window)
    # A person already listed, typed again: the form offers the resident on record.
    row = window.database.query(
        "SELECT r.name, r.mobile FROM return_cases c JOIN residents r ON r.id = c.resident_id"
        " WHERE c.deleted_at IS NULL AND r.mobile IS NOT NULL ORDER BY c.listed_on DESC LIMIT 1"
    )
    if row:
        dialog.name.setText(row[0]["name"])
        dialog.mobile.setText(row[0]["mobile"])
    dialog.look_for_matches()
    return _dialog(window, dialog)


def _returns_board_view(window, _package):
    page = _returns(window)
    page.tabs.setCurrentIndex(1)
    wait(window, lambda: page.board.loading)
    page.board.table.setCurrentCell(0, 1)
    page.board.show_names(0, 1)  # the first area's persons still to be verified
    wait(window, lambda: page.board.names_loading)
    return window


# -- card sellers -----------------------------------------------------------------------------


def _cards(window):
    page = window.show_page("cards")
    wait(window, lambda: page.loading)  # the count and the outlets arrive from the worker
    return page


def _cards_view(window, _package):
    _cards(window).select_row(0)  # the newest listing, as an officer would open it
    return window


def _card_listing_view(window, _package):
    """A new card seller typed for a resident already on record: the match is offered."""
    from desktop.ui.cards.dialogs import ListingDialog

    dialog = ListingDialog(window.database, window)
    row = window.database.query(
        "SELECT r.name, r.mobile FROM card_sellers c JOIN residents r ON r.id = c.resident_id"
        " WHERE c.deleted_at IS NULL ORDER BY c.listed_on DESC LIMIT 1"
    )
    if row:
        dialog.name.setText(row[0]["name"])
        dialog.mobile.setText(row[0]["mobile"] or "")
    dialog.card_kind.setCurrentIndex(dialog.card_kind.findData("phone_card"))
    dialog.look_for_matches()
    return _dialog(window, dialog)


def _card_outlets_view(window, _package):
    """The outlets where the year's cards were opened, beside the newest record."""
    page = _cards(window)
    page.select_row(0)
    page.tabs.setCurrentIndex(1)
    return window


def _card_seller_view(window, _package):
    """The record alone, its whole height: one with interviews, as far along as any."""
    page = _cards(window)
    record_id = _first(
        window,
        "SELECT c.id FROM card_sellers c WHERE c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM"
        " card_interviews i WHERE i.card_seller_id = c.id) ORDER BY c.restricted_on IS NULL,"
        " c.listed_on DESC LIMIT 1",
    )
    if record_id is None:
        page.select_row(0)
    else:
        page.select_card_seller(record_id)
    return page.record


# -- fraud-free communities ------------------------------------------------------------------


def _fraud_free(window):
    page = window.show_page("fraud_free")
    wait(window, lambda: page.loading)  # the board arrives from the worker
    return page


def _fraud_free_view(window, _package):
    """The board beside a community with a plaque, as far along as any (else the first)."""
    page = _fraud_free(window)
    area_id = _first(
        window,
        "SELECT area_id FROM fraud_free_steps WHERE deleted_at IS NULL"
        " ORDER BY status = 'awarded' DESC, step_on DESC LIMIT 1",
    )
    if area_id is not None:
        page.open_record(area_id)
    wait(window, lambda: page.loading)
    return window


def _fraud_free_trend_view(window, _package):
    """The trend tab: the whole city's fraud-free figures month by month and their chart."""
    page = _fraud_free(window)
    page.tabs.setCurrentIndex(2)
    wait(window, lambda: page.trend.loading or page.trend.trend is None)
    return window


def _fraud_free_visits_view(window, _package):
    """The visits tab: a sheet half typed in, the visits of the community most visited."""
    page = _fraud_free(window)
    page.tabs.setCurrentIndex(1)
    area_id = _first(
        window,
        "SELECT area_id FROM community_visits WHERE deleted_at IS NULL GROUP BY area_id"
        " ORDER BY count(*) DESC LIMIT 1",
    )
    if area_id is not None:
        page.visits.set_community(area_id)
    for row, (building, visited, at_home) in enumerate((("1栋", "24", "18"), ("2栋", "30", "21"))):
        page.visits.set_cell(row, "building", building)
        page.visits.set_cell(row, "households_visited", visited)
        page.visits.set_cell(row, "households_at_home", at_home)
        page.visits.set_cell(row, "app_already", "9")
    wait(window, lambda: page.loading)
    return window


# -- printouts (reports.registry) ------------------------------------------------------------


def _talks_screen(window):
    page = window.show_page("talks")
    page.select_talk(_talk(window, "planned").id)  # the next talk planned
    return page


def _warnings_screen(window):
    page = _warnings(window)
    page.select_row(0)  # the most urgent case
    return page.case


# Each screen printouts are printed from, with its subject chosen as an officer would.
_PRINTING_SCREENS = {"talks": _talks_screen, "warnings": _warnings_screen, "reports": _reports}


def _printout_views(screen: str) -> dict:
    """A view of the preview of each printout the registry shows from ``screen``."""

    def view(name: str):
        def show(window, _package):
            return _pdf(window, _PRINTING_SCREENS[screen](window).print_requested(name))

        return show

    return {
        printout.name: view(printout.name)
        for printout in registry.PRINTOUTS.values()
        if printout.view and printout.screen == screen
    }


# -- settings and backups ---------------------------------------------------------------------


def _settings_view(window, _package):
    return _dialog(window, window.open_settings())


def _backups_view(window, _package):
    """The backup rows of the Settings dialog."""
    from PySide6.QtCore import QPoint, QRect

    dialog = _settings_view(window, None)
    dialog.show_field(dialog.backup_folder)  # the page that holds them
    dialog.resize(max(900, dialog.width()), dialog.height())  # the folder's whole path
    wait(window, lambda: False)
    widgets = [dialog.backup_on_close, dialog.backup_folder, dialog.choose_folder]
    widgets += [box for _option, box in dialog.keep_boxes]
    area = QRect()
    for widget in widgets:  # where each is in the dialog (the form may sit in a scroll area)
        area = area.united(QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size()))
    picture = dialog.grab(QRect(0, area.top() - 3, dialog.width(), area.height() + 6))
    dialog.close()
    return picture


def _menu_view(name: str):
    def show(window, _package):
        """The window with one of its menus open."""
        from PySide6.QtGui import QPainter

        wait(window, lambda: False)  # what the page's reading changed is laid out first
        menu = getattr(window, name)
        bar = window.menuBar()
        place = bar.mapTo(window, bar.actionGeometry(menu.menuAction()).bottomLeft())
        menu.ensurePolished()  # its font, as a popup has it (the text size)
        menu.resize(menu.sizeHint())  # drawn where it pops up, without popping it up
        picture = window.grab()
        painter = QPainter(picture)
        painter.drawPixmap(place, menu.grab())
        painter.end()
        return picture

    return show


# -- exchange ---------------------------------------------------------------------------------


def _export_view(window, _package):
    return _dialog(window, window.export_package())


def _merge_view(window, package):
    dialog = window.merge_package(Path(package))
    return _dialog(window, dialog, dialog.task)


def _conflicts_view(window, _package):
    dialog = window.open_conflicts()
    dialog.table.selectRow(0)
    return _dialog(window, dialog)


def _duplicates_view(window, _package):
    dialog = window.open_duplicates()
    _dialog(window, dialog, dialog.task)
    dialog.table.selectRow(0)
    return dialog


def _laptops_view(window, _package):
    dialog = window.open_laptops()
    dialog.laptops.selectRow(dialog.laptops.rowCount() - 1)  # the laptop a package came from
    return _dialog(window, dialog)


def _key_view(window, _package):
    return _dialog(window, window.edit_exchange_key())


VIEWS = {
    "main": lambda window, _package: window,
    "today": _page("today"),
    "search": _search_view,
    "calendar": _talks_view("month"),
    "week": _talks_view("week"),
    "talks": _talks_view("list"),
    "talk-editor": _talk_editor_view,
    "talk-clash": _talk_clash_view,
    "talk-outcome": _talk_outcome_view,
    **_printout_views("talks"),
    "warnings": _warnings_view,
    "intake": _intake_view,
    "warning": _case_view,
    "follow-ups": _follow_ups_view,
    **_printout_views("warnings"),
    "returns": _returns_view,
    "return-case": _return_case_view,
    "return-listing": _return_listing_view,
    "returns-board": _returns_board_view,
    "cards": _cards_view,
    "card-seller": _card_seller_view,
    "card-outlets": _card_outlets_view,
    "card-listing": _card_listing_view,
    "fraud-free": _fraud_free_view,
    "fraud-free-visits": _fraud_free_visits_view,
    "fraud-free-trend-tab": _fraud_free_trend_view,
    "reports": _reports_view,
    "reports-charts": _reports_charts_view,
    **_printout_views("reports"),
    "areas": _areas_tab(0),
    "officers": _areas_tab(1),
    "partners": _areas_tab(2),
    "settings": _settings_view,
    "backups": _backups_view,
    "file-menu": _menu_view("file_menu"),
    "exchange-menu": _menu_view("exchange_menu"),
    "export-package": _export_view,
    "merge": _merge_view,
    "conflicts": _conflicts_view,
    "duplicates": _duplicates_view,
    "laptops": _laptops_view,
    "exchange-key": _key_view,
}
