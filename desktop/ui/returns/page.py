"""劝返: the ledger (台账) of residents stranded abroad, the person chosen, and the board.

The ledger opens on the entries still on record (not closed off), newest listing first, 200
rows at a time by key; an area filter lists the persons managed by either place, as the gateway
does. Names are masked here as in every list. The counts and the board are read on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue, clock
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.db.database import Database
from desktop.domain import return_cases as return_store
from desktop.ui.labels import catalogue_label
from desktop.ui.messages import show_error
from desktop.ui.returns.board import ReturnBoard, tally_text
from desktop.ui.returns.case import ReturnCaseView
from desktop.ui.returns.model import ID_ROLE, LedgerModel
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import (
    AreaPicker,
    FillWhenShown,
    LatestReading,
    Menu,
    Retranslating,
    text_scale,
)

STATES = {
    "open": QT_TRANSLATE_NOOP("ReturnsPage", "On record"),
    "closed": QT_TRANSLATE_NOOP("ReturnsPage", "Closed off"),
    "all": QT_TRANSLATE_NOOP("ReturnsPage", "Every entry"),
}
CASE_MIN_WIDTH = 380

FITTED_ROWS = 40  # the rows a column is as wide as (more than a screen shows)


class ReturnsPage(LatestReading, FillWhenShown, Retranslating, QWidget):
    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.selected_id: str | None = None
        self.shown_count = 0

        self.count = QLabel()
        self.list_button = QPushButton()
        self.more_button = QPushButton()
        self.more_menu = Menu(self)
        self.deadline_action = self.more_menu.addAction("")
        self.location_action = self.more_menu.addAction("")
        self.rhythm_action = self.more_menu.addAction("")
        self.more_button.setMenu(self.more_menu)
        self.area = AreaPicker(database)
        self.area.setMinimumWidth(220)
        self.status_choice = QComboBox()
        self.state_choice = QComboBox()
        for choice in (self.status_choice, self.state_choice):
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.overdue_only = QCheckBox()
        self.paper = QComboBox()
        self.print_button = QPushButton()

        self.model = LedgerModel(database, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Columns fitted to the rows a screen shows, not all 200 of a page: each row measured
        # costs the list's opening time.
        header.setResizeContentsPrecision(FITTED_ROWS)
        self._fitted = False  # the columns take their words' widths once rows first show

        self.case = ReturnCaseView(database, runner)
        self.case_scroll = QScrollArea()
        self.case_scroll.setWidgetResizable(True)
        self.case_scroll.setWidget(self.case)
        self.case_scroll.setMinimumWidth(round(CASE_MIN_WIDTH * text_scale()))
        self.board = ReturnBoard(database, runner)

        filters = QHBoxLayout()
        filters.addWidget(self.area)
        filters.addWidget(self.status_choice)
        filters.addWidget(self.state_choice)
        filters.addWidget(self.overdue_only)
        filters.addStretch(1)
        filters.addWidget(self.paper)
        filters.addWidget(self.print_button)
        ledger = QWidget()
        ledger_layout = QVBoxLayout(ledger)
        ledger_layout.setContentsMargins(0, 4, 0, 0)
        ledger_layout.addLayout(filters)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.case_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 400])  # the list keeps the larger share
        ledger_layout.addWidget(splitter, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(ledger, "")
        self.tabs.addTab(self.board, "")

        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.more_button)
        top.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.list_button.clicked.connect(lambda: self.list_person())
        self.deadline_action.triggered.connect(lambda: self.set_list_deadline())
        self.location_action.triggered.connect(lambda: self.add_location())
        self.rhythm_action.triggered.connect(lambda: self.set_contact_days())
        self.print_button.clicked.connect(lambda: self.print_ledger())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.area.currentIndexChanged.connect(lambda _index: self.reload())
        self.area.lineEdit().editingFinished.connect(self.reload)
        for choice in (self.status_choice, self.state_choice):
            choice.currentIndexChanged.connect(lambda _index: self.reload())
        self.overdue_only.toggled.connect(lambda _on: self.reload())
        self.case.changed.connect(self.after_change)
        self.board.open_case.connect(self.open_case)
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------
    def _fit_columns(self) -> None:
        """Each column as wide as its header and the rows shown (dates and steps are longer in
        one language than the other, and grow with the text size); later the officer's."""
        if self._fitted or not self.model.rowCount():
            return
        self._fitted = True
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            # The view's measure of the first rows only (FITTED_ROWS), not of the whole page.
            wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, wanted)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FontChange:
            self._fitted = False
            self._fit_columns()
        super().changeEvent(event)

    def retranslate(self) -> None:
        # The counts' words come with the worker's reading; what they mean is said at once.
        self.count.setToolTip(
            self.tr(
                "Listed: everyone ever put on the ledger here, those closed off too. Overdue: "
                "not back, and past the notice deadline or the family not contacted within the "
                "rhythm (the figure “Past the deadline, not returned” counts the deadline only)."
            )
        )
        self.list_button.setText(self.tr("List a person…"))
        self.more_button.setText(self.tr("Ledger settings"))
        self.deadline_action.setText(self.tr("Notice deadline of a list…"))
        self.location_action.setText(self.tr("Add a place abroad…"))
        self.rhythm_action.setText(self.tr("Family contact rhythm…"))
        self.area.lineEdit().setPlaceholderText(self.tr("every area"))
        self.overdue_only.setText(self.tr("Overdue only"))
        self.overdue_only.setToolTip(
            self.tr(
                "Not yet returned, and past the notice deadline or the family not contacted "
                "within the contact rhythm."
            )
        )
        self.print_button.setText(self.tr("Print ledger…"))
        self.tabs.setTabText(0, self.tr("Ledger"))
        self.tabs.setTabText(1, self.tr("Board"))
        self._fitted = False
        for choice in (self.status_choice, self.state_choice, self.paper):
            choice.blockSignals(True)
        status, state, paper = (
            self.status_choice.currentData(),
            self.state_choice.currentData() or "open",
            self.paper.currentData(),
        )
        self.status_choice.clear()
        self.status_choice.addItem(self.tr("Every step"), None)
        for code in catalogue.RETURN_STATUSES:
            self.status_choice.addItem(catalogue_label(catalogue.RETURN_STATUSES, code), code)
        self.state_choice.clear()
        for code, name in STATES.items():
            self.state_choice.addItem(self.tr(name), code)
        self.paper.clear()
        self.paper.addItem(self.tr("A4 landscape"), "a4")
        self.paper.addItem(self.tr("A3 landscape"), "a3")
        for choice, value in (
            (self.status_choice, status), (self.state_choice, state), (self.paper, paper),
        ):  # fmt: skip
            choice.setCurrentIndex(max(choice.findData(value), 0))
            choice.blockSignals(False)
        self.reload()

    # -- data ----------------------------------------------------------------------------------
    def set_database(self, database: Database) -> None:
        self.database = database
        self.model.database = database
        self.area.database = database
        self.case.set_database(database)
        self.board.set_database(database)
        self.selected_id = None
        self.reload()

    def current_filter(self) -> return_store.LedgerFilter:
        return return_store.LedgerFilter(
            area_id=self.area.area_id(),
            status=self.status_choice.currentData(),
            state=self.state_choice.currentData() or "open",
            overdue_only=self.overdue_only.isChecked(),
        )

    def _fill(self) -> None:
        """The first page now (one short query); the counts on the worker."""
        which = self.current_filter()
        self.model.set_filter(which)
        self._fit_columns()
        self._restore_selection()
        self.case.show_case(self.selected_id)
        self.board.reload()

        def work(database):
            today = clock.today()
            return (
                return_store.count_ledger(database, which, today=today),
                return_store.tally(database, which.area_id),
                return_store.count_ledger(
                    database,
                    return_store.LedgerFilter(area_id=which.area_id, overdue_only=True),
                    today=today,
                ),
            )

        self.read_on_worker(work)

    def _show_reading(self, data) -> None:
        self.shown_count, tally, late = data
        self.count.setText(
            self.tr("{tally} · {late} overdue · {shown} shown").format(
                tally=tally_text(tally), late=late, shown=f"{self.shown_count:,}"
            )
        )

    def _restore_selection(self) -> None:
        row = self.model.row_of(self.selected_id)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row is None:
            selection.clearSelection()
        else:
            selection.setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        selection.blockSignals(False)

    def _row_changed(self, current, _previous) -> None:
        self.selected_id = current.data(ID_ROLE) if current.isValid() else None
        self.case.show_case(self.selected_id)

    # -- actions -------------------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def open_case(self, case_id: str) -> None:
        """Show a person on the ledger tab (from the board), chosen in the list when listed."""
        self.tabs.setCurrentIndex(0)
        self.selected_id = case_id
        self._restore_selection()
        self.case.show_case(case_id)

    open_record = open_case  # the window's way in (Today, search)

    def list_person(self):
        """The listing form; a person already listed is named by the gateway, whose message
        says to open that entry — the form offers it."""
        from desktop.ui.returns.dialogs import ListingDialog

        dialog = ListingDialog(self.database, self)
        accepted = dialog.exec()
        if accepted:
            self.selected_id = dialog.saved_id
            self.after_change()
        elif dialog.open_instead:
            self.open_case(dialog.open_instead)
        dialog.deleteLater()
        return dialog

    def set_list_deadline(self):
        from desktop.ui.returns.dialogs import DeadlineDialog

        dialog = DeadlineDialog(self.database, self)
        if dialog.exec():
            self.after_change()
        dialog.deleteLater()
        return dialog

    def add_location(self, name: str | None = None) -> str | None:
        """Add a place abroad to the station's list; returns it as stored."""
        if name is None:
            from PySide6.QtWidgets import QInputDialog

            name, ok = QInputDialog.getText(
                self, self.tr("Add a place abroad"), self.tr("Name of the place:")
            )
            if not ok:
                return None
        try:
            return return_store.add_location(self.database, name)
        except OutreachError as exc:
            show_error(self, self.tr("Add a place abroad"), exc)
            return None

    def set_contact_days(self, days: int | None = None) -> bool:
        """How many days the family may go without contact before an entry is overdue."""
        if days is None:
            from PySide6.QtWidgets import QInputDialog

            days, ok = QInputDialog.getInt(
                self, self.tr("Family contact rhythm"),
                self.tr("Contact the family at least every how many days?"),
                return_store.contact_days(self.database), 1, 365,
            )  # fmt: skip
            if not ok:
                return False
        try:
            return_store.set_contact_days(self.database, days)
        except OutreachError as exc:
            show_error(self, self.tr("Family contact rhythm"), exc)
            return False
        self.after_change()
        return True

    def print_current(self):
        """Ctrl+P: the family notice of the person shown, else the ledger of the area."""
        if self.case.case_id is not None:
            return self.case.print_notice()
        return self.print_ledger()

    def print_ledger(self):
        """The printed ledger (台账) of the area chosen (every area when none), names masked."""
        from desktop.ui.print_preview import preview_printout

        return preview_printout(
            self, self.database, self.runner, "return-ledger",
            {"area_id": self.area.area_id(), "paper": self.paper.currentData()}, {},
        )  # fmt: skip
