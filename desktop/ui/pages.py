"""The screens of the main window's navigation, in their order (DESIGN §6), each declared once:
its key (also its icon's name), its title and how it is built and wired to the window. The
navigation, the Ctrl+number shortcuts and the titles are made from this list, so a new screen
is one entry here and its module."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.settings import CLASH_CHECK

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

CONTEXT = "MainWindow"  # the titles' translation context


@dataclass(frozen=True)
class Page:
    key: str
    title: str  # QT_TRANSLATE_NOOP in CONTEXT
    build: Callable[[MainWindow], QWidget] | None  # None: built with the window (Today)


def _talks(window: MainWindow) -> QWidget:
    from desktop.ui.talks.page import TalksPage

    page = TalksPage(window.database, window.runner)
    page.check_clashes = window.settings.get(CLASH_CHECK)
    page.changed.connect(window.refresh_status)
    page.changed.connect(window.today_page.reload)
    return page


def _warnings(window: MainWindow) -> QWidget:
    from desktop.ui.warnings.page import WarningsPage

    page = WarningsPage(window.database, window.runner)
    page.changed.connect(window.refresh_status)
    page.changed.connect(window.today_page.reload)
    return page


def _returns(window: MainWindow) -> QWidget:
    from desktop.ui.returns.page import ReturnsPage

    page = ReturnsPage(window.database, window.runner)
    page.changed.connect(window.refresh_status)
    page.changed.connect(window.today_page.reload)
    return page


def _cards(window: MainWindow) -> QWidget:
    from desktop.ui.cards.page import CardSellersPage

    page = CardSellersPage(window.database, window.runner)
    page.changed.connect(window.refresh_status)
    return page


def _fraud_free(window: MainWindow) -> QWidget:
    from desktop.ui.fraud_free.page import FraudFreePage

    page = FraudFreePage(window.database, window.runner)
    page.changed.connect(window.refresh_status)
    page.changed.connect(window.today_page.reload)
    return page


def _reports(window: MainWindow) -> QWidget:
    from desktop.ui.reports import ReportsPage

    return ReportsPage(window.database, window.runner)


def _areas(window: MainWindow) -> QWidget:
    from desktop.ui.areas.page import AreasPage

    page = AreasPage(window.database, window.runner)
    page.changed.connect(window.refresh_status)
    page.changed.connect(window.reload_talks)
    page.open_demo_requested.connect(lambda: window.workflows.fill_demo_database())
    return page


PAGES: tuple[Page, ...] = (
    Page("today", QT_TRANSLATE_NOOP("MainWindow", "Today"), None),
    Page("talks", QT_TRANSLATE_NOOP("MainWindow", "Outreach talks"), _talks),
    Page("warnings", QT_TRANSLATE_NOOP("MainWindow", "Warnings"), _warnings),
    Page("returns", QT_TRANSLATE_NOOP("MainWindow", "Return persuasion"), _returns),
    Page("cards", QT_TRANSLATE_NOOP("MainWindow", "Card sellers"), _cards),
    Page("fraud_free", QT_TRANSLATE_NOOP("MainWindow", "Fraud-free communities"), _fraud_free),
    Page("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"), _reports),
    Page("areas", QT_TRANSLATE_NOOP("MainWindow", "Areas & people"), _areas),
)
PAGE_KEYS: tuple[str, ...] = tuple(page.key for page in PAGES)
BY_KEY = {page.key: page for page in PAGES}
SHORTCUTS = 9  # Ctrl+1 … Ctrl+9 for the first screens
