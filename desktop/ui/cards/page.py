"""涉"两卡"人员: the register of card sellers, the record chosen, and the outlets to target.

The register opens on the records not yet ended, newest listing first, read 200 rows at a time
so a city's register costs no more than a page; it narrows by area, card kind, step, how it
happened, whether the card was opened locally, and open or ended. Names are masked here as in
every list. Beside it, the outlets where the cards of the period's card sellers were opened,
most cards first: where talks with banks and operators (警银联动) do the most good.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue, clock
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.db.database import Database
from desktop.domain import card_sellers as card_seller_store
from desktop.domain import statistics
from desktop.domain.statistics import Period
from desktop.ui.cards.model import ID_ROLE, INTERVIEWED, LISTED, OUTLET, CardRegisterModel
from desktop.ui.cards.record import RecordView
from desktop.ui.labels import catalogue_label, shown_date, shown_date_range
from desktop.ui.qt import Qt
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import (
    AreaPicker,
    FillWhenShown,
    FlowRow,
    LatestReading,
    Retranslating,
    eliding_headings,
    plain_tooltip,
    text_scale,
)

VIEW_NAMES = {
    "open": QT_TRANSLATE_NOOP("CardSellersPage", "Not yet ended"),
    "ended": QT_TRANSLATE_NOOP("CardSellersPage", "Handed over or closed"),
    "all": QT_TRANSLATE_NOOP("CardSellersPage", "Whole register"),
}
PERIODS = {
    "year": QT_TRANSLATE_NOOP("CardSellersPage", "This year"),
    "quarter": QT_TRANSLATE_NOOP("CardSellersPage", "This quarter"),
    "month": QT_TRANSLATE_NOOP("CardSellersPage", "This month"),
    "last_year": QT_TRANSLATE_NOOP("CardSellersPage", "Last year"),
}
# The widest a column fitted to its words may open, at normal text size: a longer value is
# elided (its tooltip or the record shows it whole); the outlet takes the width left.
COLUMN_MOST = 124
RECORD_MIN_WIDTH = 320  # the record panel at normal text size: its buttons whole


def period_of(choice: str) -> Period:
    """The outlets' period named by ``choice``: the current year, quarter or month, or the
    year before."""
    today = clock.today()
    if choice == "last_year":
        return Period.year(today.year - 1)
    if choice == "quarter":
        return Period.quarter(today.year, (today.month - 1) // 3 + 1)
    if choice == "month":
        return Period.month(today.year, today.month)
    return Period.year(today.year)


FITTED_ROWS = 40  # the rows a column is as wide as (more than a screen shows)


class CardSellersPage(LatestReading, FillWhenShown, Retranslating, QWidget):
    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.total = 0  # card sellers the current filter shows
        self.outlets: list[statistics.OutletCount] = []
        self.selected_id: str | None = None

        self.count = QLabel()
        self.register_button = QPushButton()
        self.new_button = QPushButton()
        self.view_choice = QComboBox()
        self.area = AreaPicker(database)
        self.kind_choice = QComboBox()
        self.status_choice = QComboBox()
        self.manner_choice = QComboBox()
        self.local_choice = QComboBox()
        self.choices = (self.view_choice, self.kind_choice, self.status_choice,
                        self.manner_choice, self.local_choice)  # fmt: skip
        for choice in self.choices:
            # Refilled in the other language, a filter takes the width of its new words.
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.model = CardRegisterModel(database, self)
        self.register = QTableView()
        self.register.setModel(self.model)
        self.register.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.register.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.register.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.register.verticalHeader().hide()
        header = self.register.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Columns fitted to the rows a screen shows, not all 200 of a page: each row measured
        # costs the list's opening time.
        header.setResizeContentsPrecision(FITTED_ROWS)
        header.setSectionResizeMode(OUTLET, QHeaderView.ResizeMode.Stretch)
        eliding_headings(self.register)

        self.period_choice = QComboBox()
        self.period_label = QLabel()
        self.outlet_note = QLabel()
        self.outlet_note.setWordWrap(True)
        self.outlet_table = QTableWidget(0, 3)
        self.outlet_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outlet_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outlet_table.verticalHeader().hide()
        outlet_header = self.outlet_table.horizontalHeader()
        outlet_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            outlet_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.tabs = QTabWidget()
        register_tab = QWidget()
        self.filters = filters = FlowRow()
        for widget in (
            self.view_choice, self.kind_choice, self.status_choice,
            self.area, self.manner_choice, self.local_choice,
        ):  # fmt: skip
            filters.addWidget(widget)
        register_layout = QVBoxLayout(register_tab)
        register_layout.setContentsMargins(0, 4, 0, 0)
        register_layout.addLayout(filters)
        register_layout.addWidget(self.register, 1)
        outlet_tab = QWidget()
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_choice)
        period_row.addWidget(self.period_label, 1)
        outlet_layout = QVBoxLayout(outlet_tab)
        outlet_layout.setContentsMargins(0, 4, 0, 0)
        outlet_layout.addLayout(period_row)
        outlet_layout.addWidget(self.outlet_note)
        outlet_layout.addWidget(self.outlet_table, 1)
        self.tabs.addTab(register_tab, "")
        self.tabs.addTab(outlet_tab, "")

        self.record = RecordView(database, runner)
        self.record_scroll = QScrollArea()
        self.record_scroll.setWidgetResizable(True)
        self.record_scroll.setWidget(self.record)

        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.register_button)
        top.addWidget(self.new_button)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.record_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 380])  # the register keeps the larger share in every language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._size_to_text()

        self.new_button.clicked.connect(lambda: self.new_card_seller())
        self.register_button.clicked.connect(lambda: self.print_register())
        self.register.selectionModel().currentRowChanged.connect(self._row_changed)
        for choice in self.choices:
            choice.currentIndexChanged.connect(self._filter_changed)
        self._wire_area()
        self.period_choice.currentIndexChanged.connect(self._filter_changed)
        self.record.changed.connect(self.after_change)
        self._shown_filter: tuple | None = None
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------
    def _size_to_text(self) -> None:
        self.record_scroll.setMinimumWidth(round(RECORD_MIN_WIDTH * text_scale()))
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as its words on the page read (in either language, at any text
        size), up to ``COLUMN_MOST``; a date column as wide as the longest date."""
        header = self.register.horizontalHeader()
        most = round(COLUMN_MOST * text_scale())
        longest = self.register.fontMetrics().horizontalAdvance(shown_date(date(2026, 12, 28)))
        for column in range(self.model.columnCount()):
            if column == OUTLET:
                continue
            wanted = max(self.register.sizeHintForColumn(column), header.sectionSizeHint(column))
            if column in (LISTED, INTERVIEWED):
                wanted = max(wanted, longest + 16)  # the cell's margins
            header.resizeSection(column, min(wanted, most))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FontChange:
            self._size_to_text()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New card seller…"))
        self.register_button.setText(self.tr("Print register…"))
        self.register_button.setToolTip(self.tr("The register of the area chosen, names masked"))
        self.tabs.setTabText(0, self.tr("Register"))
        self.tabs.setTabText(1, self.tr("By outlet"))
        self.area.lineEdit().setPlaceholderText(self.tr("Every area"))
        self.outlet_note.setText(
            self.tr(
                "Where the cards of the card sellers listed in the period were opened, most"
                " cards first: the outlets to talk to. The area is the register's;"
                " outlets in bold are partners on record."
            )
        )
        self.outlet_table.setHorizontalHeaderLabels(
            [self.tr("Outlet"), self.tr("Persons"), self.tr("Cards")]
        )
        boxes = (*self.choices, self.period_choice)
        for choice in boxes:
            choice.blockSignals(True)
        current = [choice.currentData() for choice in boxes]
        views = [(code, self.tr(name)) for code, name in VIEW_NAMES.items()]
        periods = [(code, self.tr(name)) for code, name in PERIODS.items()]
        places = [(True, self.tr("Opened locally")), (False, self.tr("Opened elsewhere"))]
        self._fill_choice(self.view_choice, None, views)
        self._fill_choice(
            self.kind_choice, self.tr("Every card kind"), self._entries(catalogue.CARD_KINDS)
        )
        self._fill_choice(
            self.status_choice, self.tr("Every step"), self._entries(catalogue.CARD_SELLER_STATUSES)
        )
        self._fill_choice(
            self.manner_choice,
            self.tr("However it happened"),
            self._entries(catalogue.CARD_MANNERS),
        )
        self._fill_choice(self.local_choice, self.tr("Opened anywhere"), places)
        self._fill_choice(self.period_choice, None, periods)
        for choice, value in zip(boxes, current, strict=True):
            index = choice.findData(value) if value is not None else 0
            choice.setCurrentIndex(max(index, 0))
            choice.blockSignals(False)
        self.reload()

    @staticmethod
    def _entries(entries: dict) -> list[tuple[str, str]]:
        return [(code, catalogue_label(entries, code)) for code in entries]

    @staticmethod
    def _fill_choice(box: QComboBox, everything: str | None, items: list) -> None:
        box.clear()
        if everything is not None:
            box.addItem(everything, None)
        for value, text in items:
            box.addItem(text, value)

    # -- data ----------------------------------------------------------------------------------
    def _wire_area(self) -> None:
        self.area.currentIndexChanged.connect(self._filter_changed)
        self.area.lineEdit().editingFinished.connect(self._filter_changed)
        self.area.lineEdit().setPlaceholderText(self.tr("Every area"))

    def set_database(self, database: Database) -> None:
        self.database = database
        self.model.database = database
        # The areas of the other database, read when the new picker is first opened.
        replacement = AreaPicker(database)
        self.filters.replace_widget(self.area, replacement)
        self.area.deleteLater()
        self.area = replacement
        self._wire_area()
        self.record.set_database(database)
        self.selected_id = None
        self.reload()

    def current_filter(self) -> card_seller_store.ScreenFilter:
        area_id = self.area.area_id()
        return card_seller_store.ScreenFilter(
            view=self.view_choice.currentData() or "open",
            status=self.status_choice.currentData(),
            card_kind=self.kind_choice.currentData(),
            area_ids=(tuple(statistics.area_scope(self.database, area_id)) if area_id else None),
            manner=self.manner_choice.currentData(),
            opened_locally=self.local_choice.currentData(),
        )

    def _filter_changed(self, *_args) -> None:
        if (self.current_filter(), self.period_choice.currentData()) != self._shown_filter:
            self.reload()

    def _fill(self) -> None:
        """The register's first page now (one short query); its count and the outlets of the
        period on the worker — over a city's register they take longer than a screen may wait."""
        which = self.current_filter()
        period = period_of(self.period_choice.currentData() or "year")
        self._shown_filter = (which, self.period_choice.currentData())
        self.model.set_filter(which)
        self._fit_columns()
        self._restore_selection()
        self.record.show_record(self.selected_id)
        self.period_label.setText(shown_date_range(period.start, period.end))
        area_id = self.area.area_id()

        def work(database):
            return (
                card_seller_store.count_card_sellers(database, which),
                statistics.outlets_by_cards(database, period, area_id),
            )

        self.read_on_worker(work)

    def _restore_selection(self) -> None:
        row = self.model.row_of(self.selected_id)
        selection = self.register.selectionModel()
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

    def _show_reading(self, result) -> None:
        self.total, self.outlets = result
        self.count.setText(self.tr("{count} card sellers shown").format(count=f"{self.total:,}"))
        self.outlet_table.setRowCount(len(self.outlets))
        partner = self.tr("a partner on record")
        for row, outlet in enumerate(self.outlets):
            name = QTableWidgetItem(outlet.outlet)
            if outlet.partner_id:
                name.setToolTip(plain_tooltip(f"{outlet.outlet} ({partner})"))
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            self.outlet_table.setItem(row, 0, name)
            for column, value in ((1, outlet.persons), (2, outlet.cards)):
                cell = QTableWidgetItem(f"{value:,}")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.outlet_table.setItem(row, column, cell)

    def _row_changed(self, current, _previous) -> None:
        self.selected_id = current.data(ID_ROLE) if current.isValid() else None
        self.record.show_record(self.selected_id)

    # -- actions -------------------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        self.register.selectRow(row)

    def select_card_seller(self, card_seller_id: str) -> None:
        """Show ``card_seller_id`` (in the register when the filter lists it)."""
        self.selected_id = card_seller_id
        self._restore_selection()
        self.record.show_record(card_seller_id)

    open_record = select_card_seller  # the window's way in (search)

    def new_card_seller(self):
        from desktop.ui.cards.dialogs import ListingDialog

        dialog = ListingDialog(self.database, self)
        if dialog.exec():
            self.selected_id = dialog.saved_id
            self.after_change()
        dialog.deleteLater()
        return dialog

    def print_register(self):
        """The register (台账) of the area chosen, of the step chosen else the view's."""
        from desktop.ui.print_preview import preview_printout

        which = self.current_filter()
        values = {"area_id": self.area.area_id(), "status": which.status or which.view}
        return preview_printout(self, self.database, self.runner, "card-register", values, {})

    def print_current(self):
        """Ctrl+P on this screen: the pledge of the record shown (none chosen: the newest)."""
        if self.record.card_seller_id is None and self.model.rows:
            self.select_card_seller(self.model.rows[0].id)
        return self.record.print_pledge()
