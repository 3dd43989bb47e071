"""Door-to-door visits (入户走访): a grid worker's afternoon sheet typed in as a table, a row a
building or village group, saved all or nothing through the gateway (every bad row named and
marked); an import of the .xlsx sheet; and the visits of the community and period chosen, read
on the worker."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.errors import OutreachError
from desktop.db.database import Database
from desktop.domain import community_visits as visit_store
from desktop.domain import officers as officer_store
from desktop.ui.fraud_free.community import fill_table, read_only_table
from desktop.ui.labels import shown_date
from desktop.ui.messages import ask, interactive, render_error, show_error
from desktop.ui.qt import Qt
from desktop.ui.returns.dialogs import day_field, day_value
from desktop.ui.tasks import TaskRunner
from desktop.ui.warnings.intake import officer_choice
from desktop.ui.widgets import (
    AreaPicker,
    FillWhenShown,
    FlowRow,
    LatestReading,
    Retranslating,
    error_label,
    plain_label,
    text_scale,
    together,
)

# The sheet's columns: the gateway's field of each, in the paper form's order.
SHEET_FIELDS = ("visited_on", "building", "households_visited", "households_at_home",
                "people_reached", "app_installed_new", "app_already", "call_warnings",
                "leaflets_left", "notes", "grid_worker")  # fmt: skip
EMPTY_ROWS = 8  # an afternoon's buildings; more are added on demand
BAD_ROW = "#f8d7da"


class VisitsTab(LatestReading, FillWhenShown, Retranslating, QWidget):
    """``changed`` after a sheet or an import was written."""

    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.saved_ids: list[str] = []
        self.visit_ids: list[str] = []  # of the list's rows
        self.community = AreaPicker(database, levels=("community",))
        self.community.setMinimumWidth(220)
        self.start = day_field(clock.today().replace(month=1, day=1))
        self.end = day_field()
        self.sheet_day = day_field()
        self.officer = QComboBox()
        officer_choice(database, self.officer, officer_store.current_officer(database))
        self.grid_worker = QLineEdit()
        self.sheet = QTableWidget(EMPTY_ROWS, len(SHEET_FIELDS))
        self.sheet.verticalHeader().setVisible(True)
        self.sheet.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.sheet.horizontalHeader().setStretchLastSection(True)
        self.sheet.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.add_rows_button = QPushButton()
        self.clear_button = QPushButton()
        self.save_button = QPushButton()
        self.import_button = QPushButton()
        self.error = error_label()
        self.saved = plain_label()
        self.list_title = QLabel()
        self.visits = read_only_table(10)
        self.visits.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.visits.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.retire_button = QPushButton()
        self.households_import_button = QPushButton()
        self.list_count = plain_label()

        # Both rows go on to a second line where the pane is too narrow (large text, English).
        chosen = FlowRow()
        self.community_label = QLabel()
        chosen.addWidget(together(self.community_label, self.community))
        self.period_label = QLabel()
        chosen.addWidget(together(self.period_label, self.start, QLabel("–"), self.end))
        self.sheet_day_label = QLabel()
        self.officer_label = QLabel()
        self.grid_worker_label = QLabel()
        sheet_defaults = FlowRow()
        for label, field in (
            (self.sheet_day_label, self.sheet_day), (self.officer_label, self.officer),
            (self.grid_worker_label, self.grid_worker),
        ):  # fmt: skip
            label.setBuddy(field)
            sheet_defaults.addWidget(together(label, field))
        self.sheet_hint = QLabel()
        self.sheet_hint.setWordWrap(True)
        sheet_buttons = QHBoxLayout()
        sheet_buttons.addWidget(self.add_rows_button)
        sheet_buttons.addWidget(self.clear_button)
        sheet_buttons.addWidget(self.import_button)
        sheet_buttons.addWidget(self.households_import_button)
        sheet_buttons.addWidget(self.saved, 1)
        sheet_buttons.addWidget(self.save_button)
        sheet_box = QWidget()
        sheet_layout = QVBoxLayout(sheet_box)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        self.sheet_title = QLabel()
        sheet_layout.addWidget(self.sheet_title)
        sheet_layout.addLayout(sheet_defaults)
        sheet_layout.addWidget(self.sheet_hint)
        sheet_layout.addWidget(self.sheet, 1)
        sheet_layout.addWidget(self.error)
        sheet_layout.addLayout(sheet_buttons)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_header = QHBoxLayout()
        list_header.addWidget(self.list_title)
        list_header.addWidget(self.list_count, 1)
        list_header.addWidget(self.retire_button)
        list_layout.addLayout(list_header)
        list_layout.addWidget(self.visits, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(sheet_box)
        splitter.addWidget(list_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(chosen)
        layout.addWidget(splitter, 1)

        self.community.currentIndexChanged.connect(lambda _index: self.reload())
        self.community.lineEdit().editingFinished.connect(self.reload)
        self.start.dateChanged.connect(lambda _day: self.reload())
        self.end.dateChanged.connect(lambda _day: self.reload())
        self.add_rows_button.clicked.connect(lambda: self.add_rows(EMPTY_ROWS))
        self.clear_button.clicked.connect(lambda: self.clear_sheet())
        self.save_button.clicked.connect(lambda: self.save_sheet())
        self.import_button.clicked.connect(lambda: self.import_visits())
        self.households_import_button.clicked.connect(lambda: self.import_households())
        self.retire_button.clicked.connect(lambda: self.retire_chosen())
        self.retranslate()

    def retranslate(self) -> None:
        self.community_label.setText(self.tr("Community"))
        self.community.lineEdit().setPlaceholderText(self.tr("choose a community"))
        self.period_label.setText(self.tr("Period"))
        self.import_button.setText(self.tr("Import visits (.xlsx)…"))
        self.households_import_button.setText(self.tr("Import households (.xlsx)…"))
        self.households_import_button.setToolTip(
            self.tr("A township's list of its communities' numbers of households (户数统计表).")
        )
        self.retire_button.setText(self.tr("Take out the visit chosen…"))
        self.retire_button.setToolTip(
            self.tr("A visit entered by mistake leaves every count; its history stays.")
        )
        self.sheet_title.setText(self.tr("An afternoon's sheet: one row a building or group"))
        self.sheet_day_label.setText(self.tr("Day (unless a row says)"))
        self.officer_label.setText(self.tr("Officer"))
        self.grid_worker_label.setText(self.tr("Grid worker (unless a row says)"))
        self.sheet_hint.setText(
            self.tr(
                "Empty rows are left out. The whole sheet is saved, or nothing: each row with a "
                "problem is named and marked."
            )
        )
        self.sheet.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Building / group"), self.tr("Households visited"),
             self.tr("At home"), self.tr("People reached"), self.tr("App installed (new)"),
             self.tr("App already"), self.tr("Call warning on"), self.tr("Leaflets"),
             self.tr("Notes"), self.tr("Grid worker")]
        )  # fmt: skip
        self.sheet.resizeColumnsToContents()
        # A typed day and a note need more room than their headers.
        for field, width in (("visited_on", 100), ("notes", 180)):
            column = SHEET_FIELDS.index(field)
            wanted = round(width * text_scale())
            self.sheet.setColumnWidth(column, max(self.sheet.columnWidth(column), wanted))
        self.add_rows_button.setText(self.tr("More rows"))
        self.clear_button.setText(self.tr("Clear the sheet"))
        self.save_button.setText(self.tr("Save the sheet"))
        self.list_title.setText(self.tr("Visits of the community in the period"))
        self.visits.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Building / group"), self.tr("Visited"), self.tr("At home"),
             self.tr("People"), self.tr("App new"), self.tr("App already"),
             self.tr("Call warning"), self.tr("Leaflets"), self.tr("By")]
        )  # fmt: skip
        self.reload()

    def set_database(self, database: Database) -> None:
        self.database = database
        self.community.database = database
        self.reload()

    def set_community(self, area_id: str | None) -> None:
        self.community.set_area_id(area_id)
        self.reload()

    # -- the list ------------------------------------------------------------------------------
    def _fill(self) -> None:
        area_id = self.community.area_id()
        start, end = day_value(self.start), day_value(self.end)
        if area_id is None:
            self.visits.setRowCount(0)
            self.list_count.setText(self.tr("Choose a community to see its visits."))
            return
        self.read_on_worker(
            lambda database: visit_store.visits_of(database, area_id, start=start, end=end)
        )

    def _show_reading(self, visits: list[dict]) -> None:
        self.visit_ids = [visit["id"] for visit in visits]
        fill_table(
            self.visits,
            [
                [shown_date(visit["visited_on"]), visit["building"],
                 *(str(visit[name]) for name in visit_store.COUNTS),
                 visit["grid_worker"] or visit["officer_name"]]
                for visit in visits
            ],
        )  # fmt: skip
        self.list_count.setText(
            self.tr("{count} visits, {households} households visited").format(
                count=len(visits),
                households=f"{sum(visit['households_visited'] for visit in visits):,}",
            )
        )

    # -- the sheet -----------------------------------------------------------------------------
    def add_rows(self, count: int) -> None:
        self.sheet.setRowCount(self.sheet.rowCount() + count)

    def clear_sheet(self) -> None:
        self.sheet.clearContents()
        self.sheet.setRowCount(EMPTY_ROWS)
        self.error.hide()

    def set_cell(self, row: int, field: str, text: str) -> None:
        """Type ``text`` into the sheet (tests, and a pasted sheet)."""
        if row >= self.sheet.rowCount():
            self.sheet.setRowCount(row + 1)
        self.sheet.setItem(row, SHEET_FIELDS.index(field), QTableWidgetItem(text))

    def sheet_rows(self) -> tuple[list[int], list[dict]]:
        """The rows typed (their positions in the table, and their values); empty rows are
        left out."""
        positions, rows = [], []
        for number in range(self.sheet.rowCount()):
            values = {}
            for column, field in enumerate(SHEET_FIELDS):
                cell = self.sheet.item(number, column)
                text = cell.text().strip() if cell is not None else ""
                if text:
                    values[field] = text
            if values:
                positions.append(number)
                rows.append(values)
        return positions, rows

    def _mark_rows(self, bad: set[int]) -> None:
        for number in range(self.sheet.rowCount()):
            for column in range(self.sheet.columnCount()):
                cell = self.sheet.item(number, column)
                if cell is None:
                    cell = QTableWidgetItem("")
                    self.sheet.setItem(number, column, cell)
                cell.setBackground(QBrush(QColor(BAD_ROW)) if number in bad else QBrush())

    def save_sheet(self) -> bool:
        """Write every typed row through the gateway's batch, or none: a refusal names each
        bad row (by its number in the table) and marks it."""
        positions, rows = self.sheet_rows()
        self.saved.clear()
        if not rows:
            self.error.setText(self.tr("The sheet is empty."))
            self.error.show()
            return False
        try:
            area_id = self.community.checked_area_id()
        except OutreachError as exc:
            self.error.setText(render_error(exc))
            self.error.show()
            return False
        defaults = {
            "area_id": area_id,
            "visited_on": day_value(self.sheet_day).isoformat(),
            "officer_id": self.officer.currentData(),
            "grid_worker": self.grid_worker.text().strip(),
        }
        try:
            self.saved_ids = visit_store.add_visit_sheet(self.database, rows, defaults=defaults)
        except visit_store.SheetInvalid as exc:
            lines = [
                self.tr("Row {row}: {problem}").format(
                    row=positions[problem.row - 1] + 1, problem=render_error(problem.error)
                )
                for problem in exc.problems
            ]
            self.error.setText(self.tr("Nothing was saved.") + "\n" + "\n".join(lines))
            self.error.show()
            self._mark_rows({positions[problem.row - 1] for problem in exc.problems})
            return False
        except OutreachError as exc:
            self.error.setText(render_error(exc))
            self.error.show()
            return False
        self.error.hide()
        self.clear_sheet()
        self.saved.setText(self.tr("{count} visits saved.").format(count=len(self.saved_ids)))
        self.after_change()
        return True

    def retire_chosen(self) -> bool:
        """Take the visit chosen in the list out of every count (asked first)."""
        row = self.visits.currentRow()
        if not 0 <= row < len(self.visit_ids):
            return False
        title = self.tr("Take out a visit")
        question = self.tr("Take the visit of {day}, {building} out of every count?").format(
            day=self.visits.item(row, 0).text(), building=self.visits.item(row, 1).text()
        )
        if interactive() and not ask(self, title, question):
            return False
        try:
            visit_store.retire_visit(self.database, self.visit_ids[row])
        except OutreachError as exc:
            show_error(self, title, exc)
            return False
        self.after_change()
        return True

    def import_households(self):
        from desktop.ui.import_dialog import open_import

        return open_import(self, self.database.path, self.runner, "households", self.after_change)

    def import_visits(self):
        from desktop.ui.import_dialog import open_import

        return open_import(self, self.database.path, self.runner, "visits", self.after_change)
