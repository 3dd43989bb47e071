"""无诈社区: the creation board beside the community chosen, the door-to-door visits and the
trend of the fraud-free figures month by month.

The board (communities × the station's criteria) and the community's panel are read on the
worker; the criteria are set in their dialog, which says when they are still the shipped
example. A community opened from elsewhere (Today's flagged plaques, search) is chosen on the
board and shown in the panel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.ui.fraud_free.board import FraudFreeBoard
from desktop.ui.fraud_free.community import CommunityPanel
from desktop.ui.fraud_free.trend import TrendTab
from desktop.ui.fraud_free.visits import VisitsTab
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import Menu, Retranslating, text_scale

PANEL_MIN_WIDTH = 340  # at the largest text the board keeps the rest of a 1366-pixel screen


class FraudFreePage(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.criteria_button = QPushButton()
        self.print_button = QPushButton()
        self.print_menu = Menu(self.print_button)
        self.print_button.setMenu(self.print_menu)
        self.print_actions = {
            name: self.print_menu.addAction("")
            for name in ("board-a4", "board-a3", "sheet", "tally", "trend")
        }
        self.board = FraudFreeBoard(database, runner)
        self.community = CommunityPanel(database, runner)
        self.community_scroll = QScrollArea()
        self.community_scroll.setWidgetResizable(True)
        self.community_scroll.setWidget(self.community)
        self.community_scroll.setMinimumWidth(round(PANEL_MIN_WIDTH * text_scale()))
        self.visits = VisitsTab(database, runner)
        self.trend = TrendTab(database, runner)

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.board)
        splitter.addWidget(self.community_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 420])
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.visits, "")
        self.tabs.addTab(self.trend, "")
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 0, 0)
        corner_layout.addWidget(self.print_button)
        corner_layout.addWidget(self.criteria_button)
        self.tabs.setCornerWidget(corner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)

        self.criteria_button.clicked.connect(lambda: self.edit_criteria())
        for name, action in self.print_actions.items():
            action.triggered.connect(lambda _checked=False, name=name: self.print_paper(name))
        self.board.community_chosen.connect(self._community_chosen)
        self.community.changed.connect(self._after_change)
        self.visits.changed.connect(self._after_change)
        self.retranslate()

    def retranslate(self) -> None:
        self.criteria_button.setText(self.tr("Criteria…"))
        self.print_button.setText(self.tr("Print"))
        texts = {
            "board-a4": self.tr("The board of the area chosen (A4)…"),
            "board-a3": self.tr("The board of the area chosen (A3)…"),
            "sheet": self.tr("The assessment sheet of the community chosen…"),
            "tally": self.tr("A door-to-door tally sheet of the community chosen…"),
            "trend": self.tr("The trend of the area chosen on the Trend tab…"),
        }
        for name, action in self.print_actions.items():
            action.setText(texts[name])
        self.tabs.setTabText(0, self.tr("Creation board"))
        self.tabs.setTabText(1, self.tr("Door-to-door visits"))
        self.tabs.setTabText(2, self.tr("Trend"))

    # -- data ----------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """Whether a reading is still on its way (screenshots and tests wait for it)."""
        return (
            self.board.loading or self.community.loading or self.visits.loading
            or self.trend.loading
        )  # fmt: skip

    def reload(self) -> None:
        self.board.reload()
        self.community.reload()
        self.visits.reload()
        self.trend.reload()

    def set_database(self, database: Database) -> None:
        self.database = database
        self.board.set_database(database)
        self.community.set_database(database)
        self.visits.set_database(database)
        self.trend.set_database(database)

    def _community_chosen(self, area_id: str) -> None:
        self.community.show_community(area_id)
        if self.visits.community.area_id() is None:
            self.visits.set_community(area_id)

    def _after_change(self) -> None:
        self.board.reload()
        self.community.reload()
        self.visits.reload()
        self.trend.reload()
        self.changed.emit()

    # -- actions -------------------------------------------------------------------------------
    def open_record(self, area_id: str) -> None:
        """Show a community (from Today's flagged plaques or search) on the board's tab."""
        self.tabs.setCurrentIndex(0)
        self.board.choose(area_id)
        self.community.show_community(area_id)

    def print_paper(self, name: str):
        """The preview of one of the screen's papers: the board of the area the board shows,
        the chosen community's assessment sheet or blank tally sheet (a tally sheet with no
        community chosen is left blank for one to be written in), or the trend of the area
        the Trend tab shows, to this month."""
        from desktop.ui.print_preview import preview_printout

        community = self.community.area_id
        if name.startswith("board-"):
            printout, values = "fraud-free-board", {
                "area_id": self.board.area.area_id(), "paper": name.removeprefix("board-")
            }  # fmt: skip
        elif name == "trend":
            printout, values = "fraud-free-trend", {
                "area_id": self.trend.area.area_id(), "last": None
            }  # fmt: skip
        elif name == "sheet":
            if community is None:
                return None
            printout, values = "fraud-free-sheet", {"area_id": community}
        else:
            printout, values = "visit-tally", {"area_id": community}
        return preview_printout(self, self.database, self.runner, printout, values, {})

    def edit_criteria(self):
        from desktop.ui.fraud_free.dialogs import CriteriaDialog

        dialog = CriteriaDialog(self.database, self)
        dialog.exec()
        if dialog.changed:
            self._after_change()
        dialog.deleteLater()
        return dialog
