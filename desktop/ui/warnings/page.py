"""预警劝阻: the warnings list with its clocks, the follow-ups due, and the case view.

The list opens on this station's open warnings, most urgent first (``core.urgency``: the
same order as Today's), with how long each has waited in large type; the ones past the
station's time limits say how far over in words, and only the worst are tinted. Closed cases, cases handed to other stations, or everything, can be browsed too: the
list reads 200 rows at a time, so a million closed warnings cost no more than a hundred.
Personal data is masked here as in every list.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue, clock
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.privacy import mask_mobile, mask_name
from desktop.core.urgency import URGENCY_RULE, lateness_of, most_urgent
from desktop.db.database import Database
from desktop.domain import follow_ups as follow_up_store
from desktop.domain import warnings as warning_store
from desktop.ui.labels import catalogue_label, shown_date, shown_datetime, shown_duration
from desktop.ui.qt import Qt
from desktop.ui.tasks import TaskRunner
from desktop.ui.warnings.case import CaseView
from desktop.ui.warnings.model import (
    CONTACTS,
    ID_ROLE,
    LEVEL,
    MOBILE,
    RESIDENT,
    SOURCE,
    STATUS,
    WAITING,
    WarningListModel,
)
from desktop.ui.warnings.states import DAYS_AND_CLOCK, LATE_CONTACT
from desktop.ui.widgets import (
    FillWhenShown,
    FlowRow,
    LatestReading,
    Retranslating,
    TicksWhileShown,
    relative_font,
)

FOLLOW_UPS_SHOWN = 500  # the list of due follow-ups shows the oldest this many
FOLLOW_UP_ROLE = Qt.ItemDataRole.UserRole + 2  # a due follow-up's own id (ID_ROLE: its case)
VIEW_NAMES = {
    "open": QT_TRANSLATE_NOOP("WarningsPage", "Open warnings"),
    "closed": QT_TRANSLATE_NOOP("WarningsPage", "Closed"),
    "transferred": QT_TRANSLATE_NOOP("WarningsPage", "Handed to other stations"),
    "all": QT_TRANSLATE_NOOP("WarningsPage", "All warnings"),
}


# When the list is narrower than its columns (1,366 pixels at 150% text), the columns that
# show, in this order: the clock, the person, how the case stands; then the rest. The status
# is cut short (its tip shows it whole) before the person goes.
FIT_ORDER = (WAITING, RESIDENT, MOBILE, STATUS, LEVEL, CONTACTS, SOURCE)
STATUS_LEAST = 6  # characters of the status shown, at the least, before it is left out
CELL_MARGINS = 18  # a cell's padding either side and the grid line
CASE_MIN_WIDTH = 400  # the case panel at the least, whatever its buttons need


class WarningsPage(TicksWhileShown, LatestReading, FillWhenShown, Retranslating, QWidget):
    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.limits: dict = {}
        self.open_clocks: list[warning_store.QueueItem] = []  # every open case, for the count
        self.total = 0  # warnings the current filter shows
        self.selected_id: str | None = None

        self.new_button = QPushButton()
        self.import_button = QPushButton()
        self.count = QLabel()
        self.streak = QLabel()
        relative_font(self.streak, 1.2, bold=True)
        self.view_choice = QComboBox()
        self.level_choice = QComboBox()
        self.source_choice = QComboBox()
        for choice in (self.view_choice, self.level_choice, self.source_choice):
            # Refilled in the other language, a filter takes the width of its new words.
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.model = WarningListModel(database, self)
        self.queue = QTableView()
        self.queue.setModel(self.model)
        self.queue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.verticalHeader().hide()
        self.queue.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.queue.verticalHeader().setDefaultSectionSize(self._row_height())
        header = self.queue.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.queue.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.queue.viewport().installEventFilter(self)  # its width changes: the columns fit

        self.due_list = QListWidget()
        self.tabs = QTabWidget()
        queue_tab = QWidget()
        filters = FlowRow()
        for choice in (self.view_choice, self.level_choice, self.source_choice):
            filters.addWidget(choice)
        queue_layout = QVBoxLayout(queue_tab)
        queue_layout.setContentsMargins(0, 4, 0, 0)
        queue_layout.addLayout(filters)
        queue_layout.addWidget(self.queue, 1)
        self.tabs.addTab(queue_tab, "")
        self.tabs.addTab(self.due_list, "")

        self.case = CaseView(database, runner)
        self.case_scroll = case_scroll = QScrollArea()
        case_scroll.setWidgetResizable(True)
        case_scroll.setWidget(self.case)
        self._size_case_panel()

        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.streak)
        top.addSpacing(16)
        top.addWidget(self.import_button)
        top.addWidget(self.new_button)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tabs)
        splitter.addWidget(case_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 440])  # the list keeps the larger share in every language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.clock = QTimer(self)
        self.clock.setInterval(30_000)  # the waiting times move on while the page is open
        self.clock.timeout.connect(self._tick)
        self.new_button.clicked.connect(self.new_warning)
        self.import_button.clicked.connect(self.import_list)
        self.queue.selectionModel().currentRowChanged.connect(self._row_changed)
        # Moving along the list shows each case with its follow-up chosen; a click or Enter
        # also puts the cursor in the follow-up's form, ready for what it found.
        self.due_list.currentItemChanged.connect(lambda item, _previous: self._due_chosen(item))
        self.due_list.itemClicked.connect(lambda item: self._due_chosen(item, focus=True))
        self.due_list.itemActivated.connect(lambda item: self._due_chosen(item, focus=True))
        for choice in (self.view_choice, self.level_choice, self.source_choice):
            choice.currentIndexChanged.connect(self._filter_changed)
        self.case.changed.connect(self.after_change)
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------
    def _natural_widths(self) -> dict[int, int]:
        """Each column as wide as the longest it usually holds or its heading, at the text size
        and in the language now shown (a mobile always masks to the same length)."""
        model = self.model
        text = self.queue.fontMetrics().horizontalAdvance
        heading = self.queue.horizontalHeader().fontMetrics().horizontalAdvance

        def words(texts) -> int:
            return max(text(t) for t in texts)

        if model.which.view in ("open", "transferred"):
            clock_text = QFontMetrics(model.clock_font()).horizontalAdvance
            # A case handed to another station can wait weeks: two digits of days.
            waiting = clock_text(
                QCoreApplication.translate("Warnings", DAYS_AND_CLOCK).format(
                    days=99, clock="23:59"
                )
            )
        else:
            waiting = text(shown_datetime(datetime(2026, 12, 28, 23, 59)))
        late = QCoreApplication.translate("Warnings", LATE_CONTACT).format(
            over=shown_duration(27 * 60)
        )
        contents = {
            WAITING: waiting,
            LEVEL: words(catalogue_label(catalogue.WARNING_LEVELS, c)
                         for c in catalogue.WARNING_LEVELS),
            RESIDENT: words((mask_name("欧阳某某"),)),
            MOBILE: words((mask_mobile("13912345678"),)),
            STATUS: text(late),
            CONTACTS: text("99"),
            SOURCE: words(catalogue_label(catalogue.WARNING_SOURCES, c)
                          for c in catalogue.WARNING_SOURCES),
        }  # fmt: skip
        return {
            column: max(width, heading(str(model.headerData(column, Qt.Orientation.Horizontal))))
            + CELL_MARGINS
            for column, width in contents.items()
        }

    def _fit_columns(self) -> None:
        """The columns in FIT_ORDER while they fit the list's width, the rest left out; the
        status narrowed to what is left when it is what does not fit; what remains goes to
        the last column shown."""
        room = self.queue.viewport().width()
        if room <= 0:
            return
        natural = self._natural_widths()
        least = self.queue.fontMetrics().averageCharWidth() * STATUS_LEAST + CELL_MARGINS
        widths: dict[int, int] = {}
        for column in FIT_ORDER:
            wanted = natural[column]
            if column == STATUS and least <= room < wanted:
                wanted = room
            if wanted > room:
                break
            widths[column] = wanted
            room -= wanted
        if RESIDENT not in widths:
            # Narrower than the clock and the person: they show anyway, the list scrolls.
            widths = {WAITING: natural[WAITING], RESIDENT: natural[RESIDENT]}
        header = self.queue.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionHidden(column, column not in widths)
            if column in widths:
                header.resizeSection(column, widths[column])

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.queue.viewport() and event.type() == QEvent.Type.Resize:
            if event.size().width() != event.oldSize().width():
                self._fit_columns()
        return super().eventFilter(watched, event)

    def _size_case_panel(self) -> None:
        """The case panel no narrower than its one-click buttons whole, in the language and at
        the text size shown; the list has the rest (at 150% text its person columns)."""
        scroll = self.case_scroll
        edges = scroll.verticalScrollBar().sizeHint().width() + 2 * scroll.frameWidth()
        scroll.setMinimumWidth(max(CASE_MIN_WIDTH, self.case.buttons_width() + edges))

    def _row_height(self) -> int:
        return max(34, QFontMetrics(self.model.clock_font()).height() + 10)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            # The case panel's buttons take their new words or size once they have had the
            # event too.
            QTimer.singleShot(0, self, self._size_case_panel)
        if event.type() == QEvent.Type.FontChange:
            # The text size changed: the clocks' font (FontRole), rows and columns follow.
            if self.model.rowCount():
                last = self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1)
                self.model.dataChanged.emit(
                    self.model.index(0, 0), last, [Qt.ItemDataRole.FontRole]
                )
            self.queue.verticalHeader().setDefaultSectionSize(self._row_height())
            self._fit_columns()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New warning…"))
        self.import_button.setText(self.tr("Import warning list…"))
        self.tabs.setTabText(0, self.tr("Warnings"))
        self._set_due_title(None)
        for choice in (self.view_choice, self.level_choice, self.source_choice):
            choice.blockSignals(True)
        current = (
            self.view_choice.currentData() or "open",
            self.level_choice.currentData(),
            self.source_choice.currentData(),
        )
        self.view_choice.clear()
        for code, name in VIEW_NAMES.items():
            self.view_choice.addItem(self.tr(name), code)
        self.level_choice.clear()
        self.level_choice.addItem(self.tr("Every level"), None)
        for code in catalogue.WARNING_LEVELS:
            self.level_choice.addItem(catalogue_label(catalogue.WARNING_LEVELS, code), code)
        self.source_choice.clear()
        self.source_choice.addItem(self.tr("Every source"), None)
        for code in catalogue.WARNING_SOURCES:
            self.source_choice.addItem(catalogue_label(catalogue.WARNING_SOURCES, code), code)
        for choice, value in zip(
            (self.view_choice, self.level_choice, self.source_choice), current, strict=True
        ):
            choice.setCurrentIndex(max(choice.findData(value), 0))
            choice.blockSignals(False)
        self.streak.setToolTip(self.tr_definition())
        # The open list's order, in words (the Warnings screen and Today share it).
        self.count.setToolTip(QCoreApplication.translate("Urgency", URGENCY_RULE))
        self.reload()

    @staticmethod
    def tr_definition() -> str:
        from desktop.core.figures import BY_KEY

        return QCoreApplication.translate("Figures", BY_KEY["zero_loss_streak"].definition)

    def _set_due_title(self, count: int | None) -> None:
        self.tabs.setTabText(
            1,
            self.tr("Follow-ups due")
            if count is None
            else self.tr("Follow-ups due ({count})").format(count=count),
        )

    # -- data ----------------------------------------------------------------------------------
    def set_database(self, database: Database) -> None:
        self.database = database
        self.model.database = database
        self.case.set_database(database)
        self.selected_id = None
        self.reload()

    def current_filter(self) -> warning_store.WarningFilter:
        return warning_store.WarningFilter(
            self.view_choice.currentData() or "open",
            self.level_choice.currentData(),
            self.source_choice.currentData(),
        )

    def _filter_changed(self) -> None:
        self.reload()

    def _fill(self) -> None:
        """The list's first page now (one short query); the counts, the clocks of every open
        case, the streak and the due follow-ups on the worker — over a million closed cases
        they take longer than a screen may wait."""
        self.limits = warning_store.time_limits(self.database)
        self.model.set_filter(self.current_filter(), self.limits)
        self._fit_columns()  # the first column holds dates or clocks; the language may differ
        self._restore_selection()
        self.case.show_case(self.selected_id)
        which = self.current_filter()

        def work(database):
            today = clock.today()
            return (
                warning_store.count_warnings(database, which),
                warning_store.open_queue(database, limits=self.limits),
                warning_store.zero_loss_streak(database, today),
                follow_up_store.due_follow_ups(database, today, limit=FOLLOW_UPS_SHOWN),
                follow_up_store.count_due_follow_ups(database, today),
            )

        self.read_on_worker(work)

    def _restore_selection(self) -> None:
        row = self.model.row_of(self.selected_id)
        selection = self.queue.selectionModel()
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
        total, open_clocks, streak, due, due_count = result
        self.total = total
        self.open_clocks = open_clocks
        self.streak.setText(
            self.tr("Zero-loss streak: %n day(s)", "", streak) if streak is not None else ""
        )
        today = clock.today()
        self.due_list.blockSignals(True)
        self.due_list.clear()
        for follow_up in due:
            days_late = (today - follow_up.due_on).days
            when = (
                self.tr("due today")
                if days_late == 0
                else self.tr("%n day(s) overdue", "", days_late)
            )
            item = QListWidgetItem(
                f"{shown_date(follow_up.due_on)}  {mask_name(follow_up.resident_name)} "
                f"{mask_mobile(follow_up.mobile)} · {when}"
            )
            item.setData(ID_ROLE, follow_up.warning_id)
            item.setData(FOLLOW_UP_ROLE, follow_up.id)
            self.due_list.addItem(item)
        self.due_list.blockSignals(False)
        self._set_due_title(due_count)
        self._tick()

    def _tick(self) -> None:
        """Move the waiting clocks and late marks on, from what was read (no database)."""
        now = clock.now()
        if self.model.which.view == "open" and self.model.rows != most_urgent(
            self.model.rows, self.limits, now
        ):
            # A case has just passed one of its limits: it moves up where urgency puts it.
            self.model.set_filter(self.model.which, self.limits)
            self._restore_selection()
        self.model.set_clock(now)
        late = sum(lateness_of(item, self.limits, now).kind is not None
                   for item in self.open_clocks)  # fmt: skip
        which = self.current_filter()
        shown = self.tr("{count} shown").format(count=f"{self.total:,}")
        self.count.setText(
            self.tr("{open} open warnings, {late} past their time limit").format(
                open=len(self.open_clocks), late=late
            )
            + ("" if which == warning_store.WarningFilter() else f" · {shown}")
        )

    def _row_changed(self, current, _previous) -> None:
        self.selected_id = current.data(ID_ROLE) if current.isValid() else None
        self.case.show_case(self.selected_id)

    def _due_chosen(self, item: QListWidgetItem | None, *, focus: bool = False) -> None:
        if item is not None:
            self.show_follow_up(item.data(ID_ROLE), item.data(FOLLOW_UP_ROLE), focus=focus)

    def show_follow_up(self, warning_id: str, follow_up_id: str, *, focus: bool = True) -> None:
        """Show a follow-up's case with its form at the top of the case panel, that follow-up
        chosen, and (``focus``) the cursor in it: recording it is the next keystroke."""
        self.selected_id = warning_id
        self._restore_selection()
        self.case.show_case(warning_id)
        self.case.choose_follow_up(follow_up_id, focus=focus)
        self.case_scroll.verticalScrollBar().setValue(0)  # the case's head and the form in view

    def open_follow_up(self, follow_up_id: str) -> bool:
        """A follow-up chosen elsewhere (Today's list): its case, ready to record it; False
        when it is no longer on record."""
        follow_up = follow_up_store.get_follow_up(self.database, follow_up_id)
        if follow_up is None:
            return False
        self.show_follow_up(follow_up.warning_id, follow_up_id)
        return True

    # -- actions -------------------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        self.queue.selectRow(row)

    def import_list(self):
        from desktop.ui.import_dialog import open_import

        return open_import(self, self.database.path, self.runner, "warnings", self.after_change)

    def print_current(self):
        """Ctrl+P on this screen: the dissuasion notice of the case shown (none chosen: of the
        most urgent, as Ctrl+L does)."""
        self.case_in_hand()
        return self.case.print_notice()

    def case_in_hand(self) -> str | None:
        """The case a key acts on (Ctrl+L, Ctrl+P): the one shown, else the most urgent open
        warning (``core.urgency``), whichever view the list shows."""
        if self.case.warning_id is None:
            urgent = warning_store.most_urgent(self.database, limit=1, limits=self.limits or None)
            if urgent:
                self.selected_id = urgent[0].id
                self._restore_selection()
                self.case.show_case(self.selected_id)
        return self.case.warning_id

    def new_warning(self):
        from desktop.ui.warnings.intake import IntakeDialog

        dialog = IntakeDialog(self.database, self)
        if dialog.exec():
            self.selected_id = dialog.saved_id
            self.after_change()
        dialog.deleteLater()
