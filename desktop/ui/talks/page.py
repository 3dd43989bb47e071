"""宣传活动: talks in a month calendar, a week view or a list, with filters and actions."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue, clock
from desktop.core.entities import Talk
from desktop.core.formats import format_time
from desktop.db.database import Database
from desktop.domain import talks as talk_store
from desktop.ui.labels import (
    catalogue_label,
    escaped,
    list_separator,
    shown_date_range,
    shown_datetime,
    shown_month,
)
from desktop.ui.qt import USER_ROLE, Qt
from desktop.ui.talks.calendar import CalendarView, month_grid_start
from desktop.ui.talks.list_model import STATUS_COLUMN, TITLE_COLUMN, TalkListModel
from desktop.ui.tasks import Task, TaskRunner, on_worker
from desktop.ui.widgets import (
    AreaPicker,
    FillWhenShown,
    LazyComboBox,
    Menu,
    Retranslating,
    eliding_headings,
    relative_font,
)

ID_ROLE = USER_ROLE
FITTED_ROWS = 40  # the rows a status column is measured over (a screen's, not a page's 200)
VIEWS = ("month", "week", "list")


class TalksPage(FillWhenShown, Retranslating, QWidget):
    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.view = "month"
        self.anchor = clock.today()  # a day inside the period shown
        self.today = clock.today()
        self.talks: list = []  # the calendars' talks (summaries)
        self.selected: Talk | None = None
        self.check_clashes = True
        self._generation = 0  # which calendar load is the latest
        self.loading = False

        self.view_buttons = {name: QPushButton() for name in VIEWS}
        self.view_group = QButtonGroup(self)
        for button in self.view_buttons.values():
            button.setCheckable(True)
            self.view_group.addButton(button)
        self.view_buttons["month"].setChecked(True)
        self.previous = QPushButton("◀")
        self.today_button = QPushButton()
        self.next = QPushButton("▶")
        self.period_label = QLabel()
        relative_font(self.period_label, 1.3, bold=True)
        self.new_button = QPushButton()
        # Less frequent actions share one menu button, so the bar fits a 1024-pixel screen.
        self.more_button = QToolButton()
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = Menu(self.more_button)
        self.schedule_action = self.more_menu.addAction("")
        self.ics_action = self.more_menu.addAction("")
        self.more_menu.addSeparator()
        self.import_action = self.more_menu.addAction("")
        self.more_button.setMenu(self.more_menu)

        self.area = AreaPicker(database)
        self.officer = LazyComboBox(self._fill_officers)
        self.status = QComboBox()
        self.venue_kind = QComboBox()
        self.audience = QComboBox()
        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.count = QLabel()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)

        self.month = CalendarView(weeks=6)
        self.week = CalendarView(weeks=1)
        # A lazy model: a county's month holds thousands of talks, read 200 at a time.
        self.list_model = TalkListModel(database, self)
        self.list = QTableView()
        self.list.setModel(self.list_model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.setAlternatingRowColors(True)
        self.list.horizontalHeader().setSectionResizeMode(
            TITLE_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        # A status is a few words wide ("● Confirmed"): shown whole, not as "● …".
        self.list.horizontalHeader().setSectionResizeMode(
            STATUS_COLUMN, QHeaderView.ResizeMode.ResizeToContents
        )
        self.list.horizontalHeader().setResizeContentsPrecision(FITTED_ROWS)
        eliding_headings(self.list)
        self.stack = QStackedWidget()
        for widget in (self.month, self.week, self.list):
            self.stack.addWidget(widget)

        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.RichText)  # built by _show_selected
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton()
        self.outcome_button = QPushButton()
        self.copy_button = QPushButton()
        self.series_button = QPushButton()
        self.signin_button = QPushButton()
        self.handout_button = QPushButton()
        self.action_buttons = [
            self.edit_button,
            self.outcome_button,
            self.copy_button,
            self.series_button,
            self.signin_button,
            self.handout_button,
        ]
        # A talk's details scroll above its buttons: many topics at a large text size run
        # longer than a laptop's screen leaves them.
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        details_scroll.setWidget(self.details)
        self.details_scroll = details_scroll
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.addWidget(details_scroll, 1)
        for button in self.action_buttons:
            panel_layout.addWidget(button)
        panel.setMinimumWidth(240)

        top = QHBoxLayout()
        for button in self.view_buttons.values():
            top.addWidget(button)
        top.addSpacing(12)
        top.addWidget(self.previous)
        top.addWidget(self.today_button)
        top.addWidget(self.next)
        top.addSpacing(12)
        top.addWidget(self.period_label)
        top.addStretch(1)
        top.addWidget(self.more_button)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.area, 2)
        for combo in (self.officer, self.status, self.venue_kind, self.audience):
            filters.addWidget(combo, 1)
        filters.addWidget(self.text, 2)
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count)

        self._connect_signals()
        self.retranslate()

    def _connect_signals(self) -> None:
        for name, button in self.view_buttons.items():
            button.clicked.connect(lambda _=False, view=name: self.set_view(view))
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.new_button.clicked.connect(lambda: self.new_talk(self.anchor))
        self.schedule_action.triggered.connect(self.print_schedule)
        self.ics_action.triggered.connect(lambda: self.export_calendar())
        self.import_action.triggered.connect(self.import_schedule)
        for combo in (self.officer, self.status, self.venue_kind, self.audience):
            combo.currentIndexChanged.connect(self.reload)
        self.area.currentIndexChanged.connect(self.reload)
        self.text.textChanged.connect(self._debounce.start)
        self._debounce.timeout.connect(self.reload)
        for calendar in (self.month, self.week):
            calendar.talk_clicked.connect(self.select_talk)
            calendar.new_requested.connect(self.new_talk)
            calendar.day_requested.connect(self.show_day_in_list)
        self.list.selectionModel().selectionChanged.connect(self._list_selection)
        self.list_model.modelReset.connect(self._list_selection)
        self.list.doubleClicked.connect(lambda _index: self.edit_selected())
        self.edit_button.clicked.connect(self.edit_selected)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.copy_button.clicked.connect(self.copy_selected)
        self.series_button.clicked.connect(self.series_of_selected)
        self.signin_button.clicked.connect(lambda: self.print_requested("signin"))
        self.handout_button.clicked.connect(lambda: self.print_requested("handout"))

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.view_buttons["month"].setText(self.tr("Month"))
        self.view_buttons["week"].setText(self.tr("Week"))
        self.view_buttons["list"].setText(self.tr("List"))
        self.today_button.setText(self.tr("Today"))
        self.previous.setToolTip(self.tr("Previous"))
        self.next.setToolTip(self.tr("Next"))
        self.new_button.setText(self.tr("New talk…"))
        self.more_button.setText(self.tr("Print and export"))
        self.schedule_action.setText(self.tr("Print schedule…"))
        self.schedule_action.setToolTip(self.tr("The talks of the month or week shown, as a table"))
        self.ics_action.setText(self.tr("Export calendar…"))
        self.ics_action.setToolTip(self.tr("An .ics file of the period shown, for phone calendars"))
        self.import_action.setText(self.tr("Import schedule…"))
        self.text.setPlaceholderText(self.tr("Search title, venue, notes"))
        self.area.lineEdit().setPlaceholderText(self.tr("All areas"))
        self._fill_combo(self.status, self.tr("All statuses"), catalogue.TALK_STATUSES)
        self._fill_combo(self.venue_kind, self.tr("All venues"), catalogue.VENUE_KINDS)
        self._fill_combo(self.audience, self.tr("All audiences"), catalogue.AUDIENCES)
        self.officer.set_everything_text(self.tr("All officers"))
        names = [
            self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
            self.tr("Fri"), self.tr("Sat"), self.tr("Sun"),
        ]  # fmt: skip
        self.month.set_weekday_names(names)
        self.week.set_weekday_names(names)
        self.list_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self.edit_button.setText(self.tr("Edit…"))
        self.outcome_button.setText(self.tr("Record outcome…"))
        self.copy_button.setText(self.tr("Copy to another date…"))
        self.series_button.setText(self.tr("Repeat as a series…"))
        self.signin_button.setText(self.tr("Print sign-in sheet…"))
        self.handout_button.setText(self.tr("Print handout…"))
        self.reload()

    def _fill_combo(self, combo: QComboBox, everything: str, entries: dict) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for code in entries:
            combo.addItem(catalogue_label(entries, code), code)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def _fill_officers(self) -> None:

        from desktop.domain import officers as officer_store

        current = self.officer.currentData()
        self.officer.blockSignals(True)
        self.officer.clear()
        self.officer.addItem(self.tr("All officers"), None)
        for officer in officer_store.list_officers(self.database):
            self.officer.addItem(officer.name, officer.id)
        self.officer.setCurrentIndex(max(self.officer.findData(current), 0))
        self.officer.blockSignals(False)

    # -- periods -------------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        """[first day, day after the last) of what is shown."""
        if self.view == "week":
            start = self.anchor - timedelta(days=self.anchor.weekday())
            return start, start + timedelta(days=7)
        first = self.anchor.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following

    def set_view(self, view: str) -> None:
        self.view = view
        self.view_buttons[view].setChecked(True)
        self.stack.setCurrentIndex(VIEWS.index(view))
        self.reload()

    def step(self, direction: int) -> None:
        if self.view == "week":
            self.anchor += timedelta(days=7 * direction)
        else:
            first = self.anchor.replace(day=1)
            self.anchor = (
                (first + timedelta(days=32)).replace(day=1)
                if direction > 0
                else (first - timedelta(days=1)).replace(day=1)
            )
        self.reload()

    def go_today(self) -> None:
        self.today = clock.today()
        self.anchor = self.today
        self.reload()

    def show_month(self, year: int, month: int) -> None:
        self.anchor = date(year, month, 1)
        self.set_view("month")

    def show_day_in_list(self, day: date) -> None:
        self.anchor = day
        self.set_view("list")

    # -- data ----------------------------------------------------------------------------------
    def set_database(self, database: Database) -> None:
        self.database = database
        self.list_model.database = database
        self.selected = None
        index = self.area.currentIndex()
        replacement = AreaPicker(database)
        self.layout().itemAt(1).layout().replaceWidget(self.area, replacement)
        self.area.deleteLater()
        self.area = replacement
        self.area.currentIndexChanged.connect(self.reload)
        del index
        self.retranslate()

    def current_filter(self) -> talk_store.TalkFilter:
        start, end = self.period()
        area_id = self.area.area_id()
        return talk_store.TalkFilter(
            starts_from=clock.at(start),
            starts_before=clock.at(end),
            area_ids=self._subtree(area_id) if area_id else None,
            officer_id=self.officer.currentData(),
            statuses=[self.status.currentData()] if self.status.currentData() else None,
            venue_kinds=[self.venue_kind.currentData()] if self.venue_kind.currentData() else None,
            audience=self.audience.currentData(),
            text=self.text.text(),
        )

    def _subtree(self, area_id: str) -> list[str]:
        from desktop.domain import areas as area_store

        return area_store.subtree_ids(self.database, area_id)

    def _fill(self) -> None:
        start, end = self.period()
        if self.view == "list":
            self.period_label.setText(shown_month(start))
            where = self.current_filter()
            self.list_model.set_filter(where)
            self.list.resizeColumnToContents(0)
            self.list.resizeColumnToContents(1)
            self._show_total(talk_store.count_talks(self.database, where))
        else:
            calendar = self.month if self.view == "month" else self.week
            first = month_grid_start(start) if self.view == "month" else start
            if self.view == "month":
                self.period_label.setText(shown_month(start))
            else:
                self.period_label.setText(shown_date_range(start, end - timedelta(days=1)))
            # The days at once, their talks from the worker: a month of a county's merged
            # data is read off the GUI thread, so the window never waits for it.
            self._show_calendar(calendar, first, (start, end), [], {})
            self._load_calendar(calendar, first, (start, end))
        if self.selected is not None:
            self.selected = talk_store.load_talk(self.database, self.selected.id)
        self._show_selected()

    def _show_calendar(self, calendar, first, period, talks, counts) -> None:
        calendar.fill(
            first,
            period,
            talks,
            counts=counts,
            today=self.today,
            more_text=self.tr("+%n more"),
            describe=self.describe_talk,
        )

    def describe_talk(self, talk: talk_store.TalkSummary) -> list[str]:
        """A calendar talk's whole description, line by line: its times and status, title,
        venue and community, organiser and expected attendance (tooltips, week blocks)."""
        status = catalogue_label(catalogue.TALK_STATUSES, talk.status)
        place = talk.venue
        if talk.area_name and talk.area_name not in place:
            place = f"{place} · {talk.area_name}" if place else talk.area_name
        lines = [f"{talk.start_clock}–{talk.end_clock}  {status}", talk.title]
        if place:
            lines.append(place)
        if talk.organiser_name:
            lines.append(self.tr("Organiser: {name}").format(name=talk.organiser_name))
        if talk.expected_headcount is not None:
            lines.append(self.tr("Expected: {n}").format(n=talk.expected_headcount))
        return lines

    def _show_total(self, total: int) -> None:
        self.count.setText(self.tr("%n talk(s) in this period", "", total))

    def _load_calendar(self, calendar, first, period) -> None:
        self._generation += 1
        generation = self._generation
        where = self.current_filter()
        per_day = 8 if calendar is self.month else 40
        db_path = self.database.path

        def work(database, progress):
            return generation, talk_store.calendar_days(database, where, per_day)

        self.loading = True
        task = Task(on_worker(db_path, work), self)
        task.succeeded.connect(
            lambda result: self._calendar_loaded(result, calendar, first, period)
        )
        task.failed.connect(self._calendar_failed)
        self.runner.start(task)

    def _calendar_loaded(self, result, calendar, first, period) -> None:
        generation, (talks, counts) = result
        if generation != self._generation:
            return  # the officer has already moved to another period or filter
        self.loading = False
        self.talks = talks
        self._show_calendar(calendar, first, period, talks, counts)
        self._show_total(sum(n for day, n in counts.items() if period[0] <= day < period[1]))

    def _calendar_failed(self, exc: BaseException) -> None:
        from desktop.ui.messages import show_error

        self.loading = False
        show_error(self, self.tr("Outreach talks"), exc)

    # -- selection and details -----------------------------------------------------------------
    def select_talk(self, talk_id: str) -> None:
        self.selected = talk_store.load_talk(self.database, talk_id)
        self._show_selected()

    def _list_selection(self, *_args) -> None:
        rows = self.list.selectionModel().selectedRows()
        if rows:
            self.select_talk(self.list_model.data(rows[0], ID_ROLE))

    def _show_selected(self) -> None:
        talk = self.selected
        for button in self.action_buttons:
            button.setEnabled(talk is not None)
        if talk is None:
            self.details.setText(
                self.tr("Choose a talk to see it here, or double-click a day to plan one.")
            )
            return
        comma = list_separator()
        topics = comma.join(catalogue_label(catalogue.FRAUD_TYPES, t) for t in talk.topics) or "—"
        audience = comma.join(catalogue_label(catalogue.AUDIENCES, a) for a in talk.audience) or "—"
        status = catalogue_label(catalogue.TALK_STATUSES, talk.status)
        # Rich text: the lines with record text are escaped whole, codes too (an unknown code
        # shows as it was stored, and may have come in a package).
        when = f"{shown_datetime(talk.starts_at)}–{format_time(talk.ends_at)}"
        lines = [
            f"<h3>{escaped(talk.title)}</h3>",
            f"<p>{escaped(when)}<br>{escaped(talk.venue)}",
            f"<br>{escaped(talk.area_name)}</p>" if talk.area_name else "</p>",
            "<p>" + escaped(self.tr("Status: {status}").format(status=status)) + "<br>",
            escaped(self.tr("Organiser: {name}").format(name=talk.organiser_name or "—")) + "<br>",
            escaped(self.tr("Audience: {audience}").format(audience=audience)) + "<br>",
            escaped(self.tr("Topics: {topics}").format(topics=topics)) + "</p>",
        ]
        if talk.expected_headcount is not None:
            lines.append(self.tr("Expected: {n}").format(n=talk.expected_headcount) + "<br>")
        if talk.actual_headcount is not None:
            lines.append(self.tr("Attended: {n}").format(n=talk.actual_headcount) + "<br>")
            if talk.is_large:
                lines.append("<b>" + self.tr("Large talk (1,000 or more)") + "</b><br>")
        if talk.handouts_given:
            lines.append(self.tr("Handouts given: {n}").format(n=talk.handouts_total) + "<br>")
        self.details.setText("".join(lines))

    # -- actions -------------------------------------------------------------------------------
    def _open_editor(self, dialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if dialog.saved_id:
                self.selected = talk_store.load_talk(self.database, dialog.saved_id)
                if self.selected is not None:
                    self.anchor = self.selected.starts_at.date()
            self.after_change()
        dialog.deleteLater()

    def new_talk(self, day: date | None = None) -> None:
        from desktop.ui.talks.editor import TalkDialog

        self._open_editor(
            TalkDialog(
                self.database, self, day=day or self.anchor, check_clashes=self.check_clashes
            )
        )

    def edit_selected(self) -> None:
        if self.selected is None:
            return
        from desktop.ui.talks.editor import TalkDialog

        self._open_editor(
            TalkDialog(self.database, self, talk=self.selected, check_clashes=self.check_clashes)
        )

    def record_outcome(self) -> None:
        if self.selected is None:
            return
        from desktop.ui.talks.editor import OutcomeDialog

        self._open_editor(OutcomeDialog(self.database, self.selected, self))

    def copy_selected(self) -> None:
        if self.selected is None:
            return
        from desktop.ui.talks.series import CopyDialog

        self._open_editor(
            CopyDialog(self.database, self.selected, self, check_clashes=self.check_clashes)
        )

    def series_of_selected(self) -> None:
        if self.selected is None:
            return
        from desktop.ui.talks.series import SeriesDialog

        self._open_editor(SeriesDialog(self.database, self.selected, self))

    def print_requested(self, kind: str):
        if self.selected is None:
            return None
        from desktop.ui.print_preview import preview_talk_document

        return preview_talk_document(self, self.database, self.runner, kind, self.selected)

    def print_current(self):
        """Ctrl+P on this screen: the chosen talk's sign-in sheet, else the period's schedule."""
        if self.selected is not None:
            return self.print_requested("signin")
        return self.print_schedule()

    def print_schedule(self):
        from desktop.ui.print_preview import preview_schedule

        first, end = self.period()
        return preview_schedule(self, self.database, self.runner, first, end - timedelta(days=1))

    def export_calendar(self, target=None) -> int | None:
        """Write the period shown as .ics; ``target`` skips the file dialog (tests)."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from desktop.exchange.exporting import export_ics
        from desktop.ui.messages import show_error

        first, end = self.period()
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export calendar"),
                f"talks-{first:%Y%m%d}.ics",
                self.tr("Calendar files (*.ics)"),
            )
            if not name:
                return None
            target = Path(name)
        try:
            return export_ics(self.database, first, end - timedelta(days=1), Path(target))
        except OSError as exc:
            show_error(self, self.tr("Export calendar"), str(exc))
            return None

    def import_schedule(self):
        from desktop.ui.import_dialog import open_import

        return open_import(self, self.database.path, self.runner, "talks", self.after_change)
