"""The board (挂图作战): the areas one level below the one chosen (the counties when none) ×
the steps of the path, with "closed off n / on record N" each row and for the whole area, read
on the worker. A click on a count lists the masked names behind it; a double-click on a name
opens that person."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.db.database import Database
from desktop.domain import return_cases as return_store
from desktop.ui.labels import catalogue_label
from desktop.ui.qt import Qt
from desktop.ui.returns.model import place_text
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import AreaPicker, FillWhenShown, LatestReading, Retranslating

AREA_ROLE = Qt.ItemDataRole.UserRole  # a count's area
CASE_ROLE = Qt.ItemDataRole.UserRole  # a name's entry
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
EVERY_STEP = ""  # the tally column: a cell of every step
PAPERS = ("a4", "a3")


# Of the N ever listed (closed ones too), n closed off: 在册 (on the ledger) is the open ones
# only, as the figure 在册人数 counts them.
TALLY = QT_TRANSLATE_NOOP("ReturnBoard", "Closed off {closed} / listed {listed}")


def tally_text(row: return_store.BoardRow) -> str:
    """ "销账 n / 列管 N" in the UI's language."""
    return QCoreApplication.translate("ReturnBoard", TALLY).format(
        closed=row.closed, listed=row.listed
    )


class ReturnBoard(LatestReading, FillWhenShown, Retranslating, QWidget):
    """``open_case(case_id)`` when a name behind a count is opened."""

    changed = Signal()
    open_case = Signal(str)

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.rows: list[return_store.BoardRow] = []
        self.total: return_store.BoardRow | None = None
        self.names_loading = False
        self.area = AreaPicker(database, levels=("county", "township"))
        self.area.setMinimumWidth(260)
        self.area_label = QLabel()
        self.paper = QComboBox()
        self.print_button = QPushButton()
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.names_title = QLabel()
        self.names_title.setWordWrap(True)
        self.names = QListWidget()
        self.note = QLabel()  # why the rows can add up to more than the total
        self.note.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.area_label)
        top.addWidget(self.area)
        top.addStretch(1)
        top.addWidget(self.paper)
        top.addWidget(self.print_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.names_title)
        side_layout.addWidget(self.names, 1)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)

        self.area.currentIndexChanged.connect(lambda _index: self.reload())
        self.area.lineEdit().editingFinished.connect(self.reload)
        self.table.cellClicked.connect(self.show_names)
        self.table.cellDoubleClicked.connect(self._area_opened)
        self.names.itemActivated.connect(self._name_opened)
        self.print_button.clicked.connect(lambda: self.print_board())
        self.retranslate()

    def retranslate(self) -> None:
        self.area_label.setText(self.tr("Board of"))
        self.area.lineEdit().setPlaceholderText(self.tr("every county"))
        self.print_button.setText(self.tr("Print board…"))
        chosen = self.paper.currentData()
        self.paper.clear()
        self.paper.addItem(self.tr("A4 landscape"), "a4")
        self.paper.addItem(self.tr("A3 landscape"), "a3")
        self.paper.setCurrentIndex(max(self.paper.findData(chosen), 0))
        self.names_title.setText(self.tr("Click a count to see the names behind it."))
        self.note.setText(
            self.tr(
                "Both places manage a person: one registered in one area and living in another "
                "counts in both rows, and once in the total, so the rows may add up to more."
            )
        )
        self._show_table()

    def set_database(self, database: Database) -> None:
        self.database = database
        self.area.database = database
        self.names.clear()
        self.reload()

    def area_id(self) -> str | None:
        return self.area.area_id()

    # -- reading -------------------------------------------------------------------------------
    def _fill(self) -> None:
        area_id = self.area_id()
        self.read_on_worker(
            lambda database: (
                return_store.board(database, area_id),
                return_store.tally(database, area_id),
            )
        )

    def _show_reading(self, data) -> None:
        self.rows, self.total = data
        self._show_table()

    def _show_table(self) -> None:
        statuses = return_store.STATUSES
        headers = [self.tr("Area")]
        headers += [catalogue_label(catalogue.RETURN_STATUSES, status) for status in statuses]
        headers.append(self.tr("Closed off / on record"))
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        shown = [*self.rows, *([self.total] if self.total is not None else [])]
        self.table.setRowCount(len(shown))
        for number, row in enumerate(shown):
            whole = row is self.total
            name = QTableWidgetItem(
                row.name if not whole else self.tr("Total ({area})").format(area=row.name)
                if row.name else self.tr("Total")
            )  # fmt: skip
            cells = [name]
            for status in statuses:
                cell = QTableWidgetItem(str(row.counts.get(status, 0)))
                cell.setData(STATUS_ROLE, status)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cells.append(cell)
            tally = QTableWidgetItem(tally_text(row))
            tally.setData(STATUS_ROLE, EVERY_STEP)
            cells.append(tally)
            for column, cell in enumerate(cells):
                cell.setData(AREA_ROLE, row.area_id or None)
                if whole:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(number, column, cell)

    def _area_opened(self, row: int, column: int) -> None:
        """A double-click on an area's name shows the board of the areas below it."""
        area_id = self.table.item(row, 0).data(AREA_ROLE) if column == 0 else None
        if area_id is None or row >= len(self.rows):
            return
        self.area.ensure_loaded()
        if self.area.findData(area_id) > 0:  # a community has nothing below it
            self.area.set_area_id(area_id)

    # -- the names behind a count --------------------------------------------------------------
    def show_names(self, row: int, column: int) -> None:
        """The masked names behind the cell (read on the worker); the area's name column, or
        the tally, lists every step."""
        cell = self.table.item(row, column)
        if cell is None:
            return
        area_id = cell.data(AREA_ROLE)
        status = cell.data(STATUS_ROLE) or None
        area_name = self.table.item(row, 0).text()
        step = (
            catalogue_label(catalogue.RETURN_STATUSES, status) if status else self.tr("every step")
        )
        self.names_title.setText(self.tr("{area}, {step}:").format(area=area_name, step=step))
        self.names.clear()
        self.names_loading = True
        from desktop.ui.tasks import Task, on_worker

        def work(database, _progress):
            # No area (the totals row): the whole jurisdiction's, as the gateway reads None.
            return return_store.board_names(database, area_id, status)

        task = Task(on_worker(self.database.path, work), self)
        task.succeeded.connect(self._show_names)
        self.runner.start(task)

    def _show_names(self, items: list[return_store.LedgerItem]) -> None:
        self.names_loading = False
        self.names.clear()
        for item in items:
            entry = QListWidgetItem(
                f"{item.name}  {catalogue_label(catalogue.RETURN_STATUSES, item.status)}"
                f" · {place_text(item.location)}"
            )
            entry.setData(CASE_ROLE, item.id)
            self.names.addItem(entry)
        if not items:
            self.names.addItem(self.tr("(nobody)"))

    def _name_opened(self, item: QListWidgetItem) -> None:
        if item.data(CASE_ROLE):  # not the "nobody" line
            self.open_case.emit(item.data(CASE_ROLE))

    def print_board(self):
        from desktop.ui.print_preview import preview_printout

        return preview_printout(
            self, self.database, self.runner, "return-board",
            {"area_id": self.area_id(), "paper": self.paper.currentData()}, {},
        )  # fmt: skip
