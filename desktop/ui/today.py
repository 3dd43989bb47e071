"""今日: the screen the program opens on — what needs doing now, and how the month stands.

The zero-loss streak and this month's key figures on top; below, the most urgent open
warnings as a table (how long each has waited, its level, the resident masked, what is late
and by how much; a click or Enter opens the case), in the one order of ``core.urgency`` the
database reads them in; the follow-ups due today, then the overdue ones; the next talks (the
rest of this week's, and the next ones beyond when the week has few left, today's marked);
the persons abroad overdue (their notice deadline passed, or their family not contacted
within the station's rhythm) and the fraud-free communities flagged for review (a plaque
holder where a case, a card seller or a person abroad came up since). (Card sellers have no
rule for how long an interview may wait: none are listed.)

Each table is as tall as its rows, so a short list leaves no empty box and a section with
nothing in it is one line. What it shows is read by ``domain.today``: at the start ahead, in
a process of its own, so the first paint has it; afterwards on the worker (a city's database
holds a million warnings), so the window never waits for it. The clocks move on every 30
seconds without reading the database again.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QSize, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.catalogue import ABROAD_LOCATIONS, WARNING_LEVELS
from desktop.core.privacy import mask_mobile, mask_name
from desktop.core.urgency import URGENCY_RULE, lateness_of, most_urgent
from desktop.db.database import Database
from desktop.domain.today import (
    AHEAD_PATIENCE_MS,
    KEY_FIGURES,
    NEXT_TALKS,
    URGENT_SHOWN,
    HeadStart,
    read_today,
)
from desktop.ui.labels import (
    catalogue_label,
    clause_separator,
    figure_definition,
    figure_name,
    figure_text,
    shown_date,
    shown_day,
    shown_month_day,
)
from desktop.ui.qt import BACKGROUND_ROLE, FOREGROUND_ROLE, USER_ROLE, set_by_name
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import (
    FillWhenShown,
    LatestReading,
    Retranslating,
    TicksWhileShown,
    relative_font,
)

ID_ROLE = USER_ROLE
REASONS_SHOWN = 3  # of a flagged community's records, the earliest; the rest are counted
# Rows of each table: (at most, asked for, at least). Each table first gets the rows it asks
# for, then the room left is shared up to "at most"; a short screen (large text) takes rows
# back down to "at least". So the urgent warnings show whole, and the long reminder lists are
# the ones that scroll.
URGENT_ROWS = (URGENT_SHOWN, URGENT_SHOWN, 10)
TALK_ROWS = (10, NEXT_TALKS, 3)
FOLLOW_UP_ROWS = (16, 3, 2)
LEDGER_ROWS = (12, 2, 2)
# The screens a record chosen here opens on, by its kind (the keys of ``ui/pages``).
RETURNS_PAGE = "returns"
FRAUD_FREE_PAGE = "fraud_free"
# The urgent warnings' columns.
WAITING, LEVEL, RESIDENT, MOBILE, LATE = range(5)
# The next talks' columns.
TALK_DAY, TALK_TIME, TALK_TITLE, TALK_VENUE = range(4)
# The persons abroad's and the flagged communities' last column: why each is listed.
LEDGER_REASON = 2


class FittedTable(QTreeWidget):
    """A table never taller than its rows (up to ``rows[0]``): a short list leaves no empty
    box under it. It asks for ``rows[1]`` rows, and squeezed keeps ``rows[2]`` and scrolls.
    Columns are as wide as their texts, the last taking what is left; the ``shared`` columns
    (free texts, the last among them) share what the others leave instead: each as wide as its
    text while it fits, what is left split evenly among the longer ones, each cut short with
    "…" (the tooltip says it whole). A short one is never cut for a long one's sake, and none
    runs off the table's edge."""

    def __init__(
        self, columns: int, rows: tuple[int, int, int], parent=None, *, shared: tuple = ()
    ) -> None:
        super().__init__(parent)
        self.most_rows, self.wanted_rows, self.fewest_rows = rows
        self._wanted: dict[int, int] | None = None  # each column's width for its whole text
        self.setColumnCount(columns)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setItemsExpandable(False)
        self.setAllColumnsShowFocus(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Never a horizontal scroll bar; a cell too narrow ends in "…" (Qt's own elision), its
        # whole text in the tooltip. By name: see ui/qt.py.
        set_by_name(self, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.shared = tuple(sorted(set(shared)))
        for column in self.shared:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # The last column takes what is left: the header stretches it, unless it is shared
        # (``_share_room`` sizes it then: a stretched one is never under a hundred pixels).
        header.setStretchLastSection(columns - 1 not in self.shared)
        # A narrow window cuts the shared columns down to an ellipsis, not past the edge.
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("…") * 3)

    def _wanted_widths(self) -> dict[int, int]:
        """How wide each column is for its whole text, reckoned as Qt sizes a column to its
        contents (with its heading's size, even where the header is hidden). Kept until the
        rows, the headings or the font change: a layout resizes the table many times over."""
        if self._wanted is None:
            header = self.header()
            self._wanted = {
                column: max(self.sizeHintForColumn(column), header.sectionSizeHint(column))
                for column in range(self.columnCount())
            }
        return self._wanted

    def _share_room(self) -> None:
        """Give the shared columns their widths (water filling): the narrowest first take
        their whole text while it fits in an even share of what is left; the last column
        takes whatever remains."""
        if not self.shared:
            return
        wanted = self._wanted_widths()
        others = sum(width for column, width in wanted.items() if column not in self.shared)
        left = self._room() - others
        by_width = sorted((wanted[column], column) for column in self.shared)
        given: dict[int, int] = {}
        for count, (width, column) in zip(range(len(by_width), 0, -1), by_width, strict=True):
            given[column] = max(min(width, left // count), 0)
            left -= given[column]
        last = self.columnCount() - 1
        if last in given:  # it takes the rest of the row too
            given[last] += max(left, 0)
        header = self.header()
        for column, width in given.items():
            if header.sectionSize(column) != width:  # each resize lays the header out again
                header.resizeSection(column, width)

    def _room(self) -> int:
        """The viewport's width, reckoned without asking for the viewport: PySide's first
        wrapper of it looks through every widget class there is (some seventy enums, 8 ms of
        the window's start). Never wider than the viewport: where a style draws its scroll bar
        over the rows, or frames the rows only, a scroll bar's width is left over."""
        margins = self.viewportMargins()
        bar = self.verticalScrollBar()
        shown = bar.sizeHint().width() if bar.isVisibleTo(self) else 0
        return self.contentsRect().width() - margins.left() - margins.right() - shown

    def setHeaderLabels(self, labels: list[str]) -> None:  # noqa: N802 - Qt's name
        self._wanted = None
        super().setHeaderLabels(labels)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._wanted = None
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._share_room()

    def _height_for(self, rows: int) -> int:
        count = self.topLevelItemCount()
        row = self.sizeHintForRow(0) if count else self.fontMetrics().height() + 8
        header = 0 if self.isHeaderHidden() else self.header().sizeHint().height()
        return header + max(rows, 1) * max(row, 1) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = min(self.topLevelItemCount(), self.wanted_rows)
        return QSize(super().sizeHint().width(), self._height_for(rows))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = min(self.topLevelItemCount(), self.fewest_rows)
        return QSize(super().minimumSizeHint().width(), self._height_for(rows))

    def fill(self, rows: list[QTreeWidgetItem]) -> None:
        """Show ``rows`` (the current row stays where it was) and fit the height to them."""
        current = self.indexOfTopLevelItem(self.currentItem()) if self.currentItem() else -1
        self._wanted = None
        self.clear()
        self.addTopLevelItems(rows)
        if 0 <= current < len(rows):
            self.setCurrentItem(rows[current])
        self.setVisible(bool(rows))
        self.setMaximumHeight(self._height_for(min(len(rows), self.most_rows)))
        self._share_room()
        self.updateGeometry()


class Section(QWidget):
    """A heading with its table, or with one line saying there is nothing to list."""

    chosen = Signal(str)  # the id of the row clicked or entered

    def __init__(
        self, columns: int, rows: tuple[int, int, int], *, header: bool = True, shared: tuple = ()
    ) -> None:
        super().__init__()
        self.heading = _heading()
        self.table = FittedTable(columns, rows, shared=shared)
        self.table.setHeaderHidden(not header)
        self.empty = QLabel()
        self.empty.setContentsMargins(4, 0, 0, 4)
        # Only the table takes more room than it asks for: the section ends where its rows end.
        for label in (self.heading, self.empty):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(2)
        # The section is never taller than its heading and rows: what is left of the column
        # goes below the last section, not between a heading and its table.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinAndMaxSize)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        # One click, or Enter on the row chosen with the keys, opens the record.
        self.table.itemClicked.connect(self._chosen)
        self.table.itemActivated.connect(self._chosen)

    def fill(self, rows: list[QTreeWidgetItem], nothing: str) -> None:
        self.table.fill(rows)
        self.empty.setText(nothing)
        self.empty.setVisible(not rows)

    def texts(self, row: int) -> list[str]:
        item = self.table.topLevelItem(row)
        return [item.text(column) for column in range(self.table.columnCount())]

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        record_id = item.data(0, ID_ROLE)
        if record_id:
            self.chosen.emit(record_id)


def _row(texts: list[str], record_id: str | None, *, tip: str = "") -> QTreeWidgetItem:
    item = QTreeWidgetItem([str(text) for text in texts])
    item.setData(0, ID_ROLE, record_id)
    for column, text in enumerate(texts):
        item.setToolTip(column, tip or str(text))
    return item


def _heading() -> QLabel:
    label = QLabel()
    relative_font(label, 1.15, bold=True)
    return label


class TodayPage(TicksWhileShown, LatestReading, FillWhenShown, Retranslating, QWidget):
    changed = Signal()
    open_warning = Signal(str)  # a warning chosen here, to open on the Warnings screen
    open_follow_up = Signal(str)  # a follow-up chosen here, to record in its case
    open_record = Signal(str, str)  # (the screen's key, the record's id) of another kind
    reading_shown = Signal()  # a reading from the worker is on the page (a measured start)
    _ahead_arrived = Signal()  # the reading ahead's process is done (from another thread)

    def __init__(
        self,
        database: Database,
        runner: TaskRunner,
        parent=None,
        *,
        head_start: HeadStart | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.data: dict | None = None
        self.head_start = head_start  # the first reading, begun before the window (start)
        self._ahead: tuple[HeadStart, int] | None = None  # one on its way: and its generation
        # Emitted by the thread collecting the reading: queued to this one. (Emitted here, by a
        # reading that arrived a moment before it was waited for, it is taken at once.)
        self._ahead_arrived.connect(self._ahead_done)

        self.streak = QLabel()
        relative_font(self.streak, 1.8, bold=True)
        self.cards: dict[str, tuple[QLabel, QLabel]] = {}
        cards = QHBoxLayout()
        for key in KEY_FIGURES:
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(frame)
            name, value = QLabel(), QLabel("—")
            relative_font(value, 1.5, bold=True)
            box.addWidget(name)
            box.addWidget(value)
            cards.addWidget(frame, 1)
            self.cards[key] = (name, value)
        self.month_heading = _heading()

        self.urgent_section = Section(5, URGENT_ROWS)
        self.urgent = self.urgent_section.table
        relative_font(self.urgent, 1.15)
        self.follow_ups_section = Section(4, FOLLOW_UP_ROWS)
        # A talk's title and venue run long ("反诈宣传进企业——宜州区桑蚕茧丝绸有限公司").
        self.talks_section = Section(4, TALK_ROWS, shared=(TALK_TITLE, TALK_VENUE))
        self.returns_section = Section(3, LEDGER_ROWS, header=False, shared=(LEDGER_REASON,))
        # A community's plaque day and what came up there share what its name leaves.
        self.flags_section = Section(3, LEDGER_ROWS, header=False, shared=(1, LEDGER_REASON))
        # The headings and tables by their old names (the tests and the window read them).
        self.urgent_heading = self.urgent_section.heading
        self.follow_ups_heading = self.follow_ups_section.heading
        self.follow_ups = self.follow_ups_section.table
        self.talks_heading = self.talks_section.heading
        self.talks = self.talks_section.table
        self.returns_heading = self.returns_section.heading
        self.returns = self.returns_section.table
        self.flags_heading = self.flags_section.heading
        self.flags = self.flags_section.table

        # Warnings and follow-ups (the cases) on the left; talks and the two ledgers' reminders
        # on the right; what is left over under each column, never inside a table.
        left = QVBoxLayout()
        left.addWidget(self.urgent_section, 1)
        left.addWidget(self.follow_ups_section, 1)
        left.addStretch(0)
        right = QVBoxLayout()
        right.addWidget(self.talks_section, 1)
        right.addWidget(self.returns_section, 1)
        right.addWidget(self.flags_section, 1)
        right.addStretch(0)
        columns = QHBoxLayout()
        columns.addLayout(left, 11)
        columns.addSpacing(8)
        columns.addLayout(right, 9)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.streak)
        layout.addWidget(self.month_heading)
        layout.addLayout(cards)
        layout.addSpacing(6)
        layout.addLayout(columns, 1)

        self.clock = QTimer(self)
        self.clock.setInterval(30_000)
        self.clock.timeout.connect(self._show_queue)
        self.urgent_section.chosen.connect(self.open_warning)
        self.follow_ups_section.chosen.connect(self.open_follow_up)
        self.returns_section.chosen.connect(lambda key: self.open_record.emit(RETURNS_PAGE, key))
        self.flags_section.chosen.connect(lambda key: self.open_record.emit(FRAUD_FREE_PAGE, key))
        self.retranslate()

    def retranslate(self) -> None:
        self.month_heading.setText(self.tr("This month so far"))
        for key, (name, _value) in self.cards.items():
            name.setText(figure_name(key))
            name.setToolTip(figure_definition(key))
        self.streak.setToolTip(figure_definition("zero_loss_streak"))
        self.urgent_heading.setToolTip(QCoreApplication.translate("Urgency", URGENCY_RULE))
        self.urgent.setHeaderLabels(
            [self.tr("Waiting"), self.tr("Level"), self.tr("Resident"), self.tr("Mobile"),
             QCoreApplication.translate("Warnings", "Status")]
        )  # fmt: skip
        self.follow_ups.setHeaderLabels(
            [self.tr("Due"), self.tr("Resident"), self.tr("Mobile"), self.tr("State")]
        )
        self.talks.setHeaderLabels(
            [self.tr("Day"), self.tr("Time"), self.tr("Talk"), self.tr("Venue")]
        )
        self._show()

    def set_database(self, database: Database) -> None:
        self.database = database
        self.data = None
        self.head_start = self._ahead = None  # they read the file opened first
        self.reload()

    def _fill(self) -> None:
        today = clock.today()
        ahead, self.head_start = self.head_start, None
        if ahead is None:
            self.read_on_worker(lambda database: read_today(database, today))
            return
        if ahead.arrived:  # there already: the first paint shows it (if it is still true)
            self._take_ahead(ahead, self._generation)
            return
        # Still on its way: shown when it arrives, unless a newer reading was asked for; a
        # process that is late is stopped and the worker reads. The worker stays free.
        self._generation += 1
        self.loading = True
        self._ahead = (ahead, self._generation)
        ahead.when_done(self._ahead_arrived.emit)  # from the thread that collects it
        QTimer.singleShot(AHEAD_PATIENCE_MS, self, lambda: self._give_up_on(ahead))

    def _ahead_done(self) -> None:
        if self._ahead is not None and self._ahead[0].arrived:
            (ahead, generation), self._ahead = self._ahead, None
            self._take_ahead(ahead, generation)

    def _give_up_on(self, ahead: HeadStart) -> None:
        ahead.give_up()  # its end then comes through _ahead_done; should even that not come,
        QTimer.singleShot(AHEAD_PATIENCE_MS, self, lambda: self._stop_waiting_for(ahead))

    def _stop_waiting_for(self, ahead: HeadStart) -> None:
        if self._ahead is not None and self._ahead[0] is ahead:
            (_ahead, generation), self._ahead = self._ahead, None
            if generation == self._generation:  # Today reads itself
                self.read_on_worker(lambda database: read_today(database, clock.today()))

    def _take_ahead(self, ahead: HeadStart, generation: int) -> None:
        if generation != self._generation:
            return  # a newer reading is on its way
        reading = ahead.take(self.database, clock.today())
        if reading is not None:
            self.read_at_once(reading)
        else:
            self.read_on_worker(lambda database: read_today(database, clock.today()))

    def _show_reading(self, data: dict) -> None:
        self.data = data
        self._show()
        self.reading_shown.emit()

    # -- showing -------------------------------------------------------------------------------
    def _show(self) -> None:
        data = self.data
        if data is None:
            self.streak.setText(self.tr("Reading the records…"))
            self.urgent_heading.setText(self.tr("Urgent warnings"))
            self.talks_heading.setText(self.tr("Next talks"))
            self.follow_ups_heading.setText(self.tr("Follow-ups due"))
            self.returns_heading.setText(self.tr("Persons abroad overdue"))
            self.flags_heading.setText(self.tr("Fraud-free communities to review"))
            return
        streak = data["streak"]
        self.streak.setText(
            self.tr("%n day(s) in a row with no warned resident defrauded", "", streak)
            if streak is not None
            else self.tr("No warnings on record yet")
        )
        for key, (_name, value) in self.cards.items():
            value.setText(figure_text(key, data["figures"].get(key)))
        self._show_queue()
        self._show_talks()
        self._show_follow_ups()
        self._show_returns()
        self._show_flags()

    def _show_queue(self) -> None:
        """The urgent warnings at the clock's time (a case that has just passed its limit
        moves up among those read; the database is not read again)."""
        if self.data is None:
            return
        from desktop.ui.warnings.states import (
            FAR_OVER_BACKGROUND,
            LATE_TEXT,
            elapsed,
            open_state_text,
        )

        now = clock.now()
        limits = self.data["limits"]
        self.data["queue"] = most_urgent(self.data["queue"], limits, now)
        self.urgent_heading.setText(
            self.tr("Most urgent warnings ({open} open, {late} past their limit)").format(
                open=self.data["open"], late=self.data["late"]
            )
        )
        rows = []
        bold = QFont(self.urgent.font())
        bold.setBold(True)
        for item in self.data["queue"]:
            late = lateness_of(item, limits, now)
            row = _row(
                [elapsed(item.received_at, now),
                 catalogue_label(WARNING_LEVELS, item.level),
                 mask_name(item.resident_name), mask_mobile(item.mobile),
                 open_state_text(item, late)],
                item.id,
            )  # fmt: skip
            row.setFont(WAITING, bold)
            if late.kind:
                row.setData(LATE, FOREGROUND_ROLE, LATE_TEXT)
            if late.far_over:
                for column in range(self.urgent.columnCount()):
                    row.setData(column, BACKGROUND_ROLE, FAR_OVER_BACKGROUND)
            rows.append(row)
        self.urgent_section.fill(rows, self.tr("No open warnings."))

    def _show_talks(self) -> None:
        today = clock.today()
        talks = self.data["talks"]
        self.talks_heading.setText(
            self.tr("Next talks — today: {today}, rest of this week: {week}").format(
                today=self.data["talks_today"], week=self.data["talks_later_this_week"]
            )
        )
        rows = []
        for talk in talks:
            day = self.tr("Today") if talk.day == today else shown_month_day(talk.day)
            row = _row(
                [day, talk.start_clock, talk.title, talk.venue],
                None,
                tip=f"{shown_date(talk.day)} {talk.start_clock}–{talk.end_clock}\n"
                f"{talk.title}\n{talk.venue}",
            )
            if talk.day == today:
                font = QFont(self.talks.font())
                font.setBold(True)
                for column in range(self.talks.columnCount()):
                    row.setFont(column, font)
            rows.append(row)
        self.talks_section.fill(rows, self.tr("No talks planned."))

    def _show_follow_ups(self) -> None:
        today = clock.today()
        self.follow_ups_heading.setText(
            self.tr("Follow-ups: {today} due today, {overdue} overdue").format(
                today=self.data["follow_ups_today"], overdue=self.data["follow_ups_overdue"]
            )
        )
        rows = []
        for follow_up in self.data["follow_ups"]:
            days_late = (today - follow_up.due_on).days
            # The words of the Warnings screen's list of follow-ups, the same records.
            state = (
                QCoreApplication.translate("WarningsPage", "due today")
                if days_late <= 0
                else QCoreApplication.translate("WarningsPage", "%n day(s) overdue", "", days_late)
            )
            rows.append(
                _row(
                    [
                        shown_date(follow_up.due_on),
                        mask_name(follow_up.resident_name),
                        mask_mobile(follow_up.mobile),
                        state,
                    ],
                    follow_up.id,  # chosen, its case opens with the follow-up's form
                )  # fmt: skip
            )
        self.follow_ups_section.fill(rows, self.tr("None due."))

    def _show_returns(self) -> None:
        self.returns_heading.setText(
            self.tr("Persons abroad overdue: {count}").format(count=self.data["returns_overdue"])
        )
        rows = []
        for overdue in self.data["returns"]:
            item = overdue.item
            why = []
            if "deadline" in overdue.reasons:
                why.append(self.tr("deadline {day} passed").format(day=shown_day(item.deadline_on)))
            if "family" in overdue.reasons:
                last = overdue.last_family_contact
                why.append(
                    self.tr("family last contacted {day}").format(day=shown_day(last))
                    if last
                    else self.tr("family never contacted")
                )
            # The name comes masked from the ledger (罗某): these are suspects, never in full.
            rows.append(
                _row(
                    [
                        item.name,
                        catalogue_label(ABROAD_LOCATIONS, item.location),
                        clause_separator().join(why),
                    ],
                    item.id,
                    tip=clause_separator().join(why),
                )  # fmt: skip
            )
        self.returns_section.fill(rows, self.tr("None overdue."))

    def _show_flags(self) -> None:
        self.flags_heading.setText(
            self.tr("Fraud-free communities to review: {count}").format(count=self.data["flagged"])
        )
        words = {
            "defrauded_after_warning": self.tr("a resident defrauded after a warning {day}"),
            "card_seller": self.tr("a card seller listed {day}"),
            "person_abroad": self.tr("a person abroad listed {day}"),
        }
        rows = []
        for flag in self.data["flags"]:
            why = [words[reason.kind].format(day=shown_date(date.fromisoformat(reason.day)))
                   for reason in flag.reasons[:REASONS_SHOWN]]  # fmt: skip
            if len(flag.reasons) > REASONS_SHOWN:
                why.append(
                    self.tr("… and {more} more").format(more=len(flag.reasons) - REASONS_SHOWN)
                )
            since = self.tr("plaque since {day}").format(
                day=shown_date(date.fromisoformat(flag.since))
            )
            # Counts and days only: the records are named by their kind, never by a person.
            rows.append(
                _row(
                    [f"{flag.community} · {flag.township}", since, clause_separator().join(why)],
                    flag.area_id,
                )  # fmt: skip
            )
        self.flags_section.fill(rows, self.tr("None to review."))
