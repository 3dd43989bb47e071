"""今日: the screen the program opens on — what needs doing now, and how the month stands.

Urgent open warnings with their waiting clocks come first; then today's and this week's talks,
the overdue follow-ups, the persons abroad overdue (their notice deadline passed, or their
family not contacted within the station's rhythm), the fraud-free communities flagged for
review (a plaque holder where a case, a card seller or a person abroad came up since), the
zero-loss streak and this month's key figures. (Card sellers have no rule for how long an interview may wait: none are listed.) Everything is read
on the worker (a city's database holds a million warnings), so the window is up before the
numbers are; the clocks move on every 30 seconds without reading the database again.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.catalogue import ABROAD_LOCATIONS, WARNING_LEVELS
from desktop.db.database import Database
from desktop.ui.labels import (
    catalogue_label,
    figure_definition,
    figure_name,
    figure_text,
    shown_date,
    shown_month_day,
)
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import (
    FillWhenShown,
    LatestReading,
    Retranslating,
    TicksWhileShown,
    relative_font,
)

ID_ROLE = Qt.ItemDataRole.UserRole
FOLLOW_UP_ROLE = Qt.ItemDataRole.UserRole + 1  # a follow-up's own id (ID_ROLE: its warning)
URGENT_SHOWN = 12  # the most urgent open warnings listed here (the Warnings screen has all)
TALKS_SHOWN = 40
FOLLOW_UPS_SHOWN = 30
RETURNS_SHOWN = 30
FLAGS_SHOWN = 30
REASONS_SHOWN = 3  # of a flagged community's records, the earliest; the rest are counted
# The screens a record chosen here opens on, by its kind (the keys of ``ui/pages``).
RETURNS_PAGE = "returns"
FRAUD_FREE_PAGE = "fraud_free"
# This month's key figures, in the order officers are asked about them.
KEY_FIGURES = ("warnings_received", "dissuaded", "dissuasion_rate", "money_protected",
               "talks_held", "attendance")  # fmt: skip


def most_urgent(items: list, limits: dict, now: datetime | None = None) -> list:
    """Open warnings in the order they need an officer: never contacted past the limit first,
    then not visited past the limit, then the rest; within each, high level first and the
    longest waiting first."""
    from desktop.core.rules import overdue

    now = now or clock.now()
    rank = {"contact": 0, "visit": 1, None: 2}
    level = {code: order for order, code in enumerate(WARNING_LEVELS)}  # high first

    def key(item):
        late = overdue(
            item.received_at, item.first_contact_at, item.visited, limits[item.level], now
        ) if item.level in limits else None  # fmt: skip
        return rank[late], level.get(item.level, len(level)), item.received_at

    return sorted(items, key=key)


def read_today(database: Database, today: date) -> dict:
    """Everything the Today screen shows, read on the worker with its own connection."""
    from desktop.domain import follow_ups as follow_up_store
    from desktop.domain import fraud_free, statistics
    from desktop.domain import return_cases as return_store
    from desktop.domain import talks as talk_store
    from desktop.domain import warnings as warning_store

    monday = today - timedelta(days=today.weekday())
    start = clock.at(monday)
    week = talk_store.list_talk_summaries(
        database,
        talk_store.TalkFilter(starts_from=start, starts_before=start + timedelta(days=7)),
    )
    month = statistics.Period(today.replace(day=1), today)
    limits = warning_store.time_limits(database)
    returns_overdue = return_store.overdue(database, today=today)
    flags = fraud_free.flagged_communities(database)
    return {
        "queue": most_urgent(warning_store.open_queue(database), limits)[:URGENT_SHOWN],
        "open": warning_store.count_warnings(database, warning_store.WarningFilter()),
        "limits": limits,
        "week": [talk for talk in week if talk.status != "cancelled"],
        "follow_ups": follow_up_store.due_follow_ups(
            database, today - timedelta(days=1), limit=FOLLOW_UPS_SHOWN
        ),
        "follow_ups_overdue": follow_up_store.count_due_follow_ups(
            database, today - timedelta(days=1)
        ),
        "returns": returns_overdue[:RETURNS_SHOWN],
        "returns_overdue": len(returns_overdue),
        "flags": flags[:FLAGS_SHOWN],
        "flagged": len(flags),
        "figures": statistics.compute_figures(database, month, only=KEY_FIGURES),
        "streak": warning_store.zero_loss_streak(database, today),
    }


def _heading() -> QLabel:
    label = QLabel()
    relative_font(label, 1.15, bold=True)
    return label


class TodayPage(TicksWhileShown, LatestReading, FillWhenShown, Retranslating, QWidget):
    changed = Signal()
    open_warning = Signal(str)  # a warning chosen here, to open on the Warnings screen
    open_follow_up = Signal(str)  # a follow-up chosen here, to record in its case
    open_record = Signal(str, str)  # (the screen's key, the record's id) of another kind

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.data: dict | None = None

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

        self.urgent_heading = _heading()
        self.urgent = QListWidget()
        relative_font(self.urgent, 1.3)
        self.talks_heading = _heading()
        self.talks = QListWidget()
        self.talks.setWordWrap(True)  # long venue names wrap instead of hiding off the side
        self.follow_ups_heading = _heading()
        self.follow_ups = QListWidget()
        self.returns_heading = _heading()
        self.returns = QListWidget()
        self.flags_heading = _heading()
        self.flags = QListWidget()
        self.flags.setWordWrap(True)  # a community's reasons may run long

        grid = QGridLayout()
        grid.addWidget(self.urgent_heading, 0, 0)
        grid.addWidget(self.urgent, 1, 0, 7, 1)
        grid.addWidget(self.talks_heading, 0, 1)
        grid.addWidget(self.talks, 1, 1)
        grid.addWidget(self.follow_ups_heading, 2, 1)
        grid.addWidget(self.follow_ups, 3, 1)
        grid.addWidget(self.returns_heading, 4, 1)
        grid.addWidget(self.returns, 5, 1)
        grid.addWidget(self.flags_heading, 6, 1)
        grid.addWidget(self.flags, 7, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.streak)
        layout.addWidget(self.month_heading)
        layout.addLayout(cards)
        layout.addLayout(grid, 1)

        self.clock = QTimer(self)
        self.clock.setInterval(30_000)
        self.clock.timeout.connect(self._show_queue)
        self.urgent.itemActivated.connect(self._warning_chosen)
        self.follow_ups.itemActivated.connect(self._follow_up_chosen)
        self.returns.itemActivated.connect(self._person_abroad_chosen)
        self.flags.itemActivated.connect(self._community_chosen)
        self.retranslate()

    def retranslate(self) -> None:
        self.month_heading.setText(self.tr("This month so far"))
        for key, (name, _value) in self.cards.items():
            name.setText(figure_name(key))
            name.setToolTip(figure_definition(key))
        self.streak.setToolTip(figure_definition("zero_loss_streak"))
        self._show()

    def set_database(self, database: Database) -> None:
        self.database = database
        self.data = None
        self.reload()

    def _fill(self) -> None:
        today = clock.today()
        self.read_on_worker(lambda database: read_today(database, today))

    def _show_reading(self, data: dict) -> None:
        self.data = data
        self._show()

    # -- showing -------------------------------------------------------------------------------
    def _show(self) -> None:
        data = self.data
        if data is None:
            self.streak.setText(self.tr("Reading the records…"))
            self.urgent_heading.setText(self.tr("Urgent warnings"))
            self.talks_heading.setText(self.tr("Talks this week"))
            self.follow_ups_heading.setText(self.tr("Overdue follow-ups"))
            self.returns_heading.setText(self.tr("Persons abroad overdue"))
            self.flags_heading.setText(self.tr("Fraud-free communities to review"))
            return
        streak = data["streak"]
        self.streak.setText(
            self.tr("{days} days in a row with no warned resident defrauded").format(days=streak)
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
        if self.data is None:
            return
        from desktop.core import catalogue
        from desktop.core.privacy import mask_mobile, mask_name
        from desktop.core.rules import overdue
        from desktop.ui.warnings.model import elapsed

        now = clock.now()
        self.urgent_heading.setText(
            self.tr("Urgent warnings ({shown} of {open} open)").format(
                shown=len(self.data["queue"]), open=self.data["open"]
            )
        )
        current = self.urgent.currentRow()
        self.urgent.clear()
        for item in self.data["queue"]:
            limits = self.data["limits"].get(item.level)
            late = overdue(
                item.received_at, item.first_contact_at, item.visited, limits, now
            ) if limits else None  # fmt: skip
            state = {
                "contact": self.tr("LATE: not contacted"),
                "visit": self.tr("LATE: no visit"),
            }.get(late or "", "")
            text = f"{elapsed(item.received_at, now)}  {catalogue_label(catalogue.WARNING_LEVELS, item.level)} · {mask_name(item.resident_name)} {mask_mobile(item.mobile)}  {state}"
            entry = QListWidgetItem(text.strip())
            entry.setData(ID_ROLE, item.id)
            if late:
                entry.setBackground(QBrush(QColor("#ffd6d6")))
            self.urgent.addItem(entry)
        if self.urgent.count() == 0:
            self.urgent.addItem(self.tr("No open warnings."))
        self.urgent.setCurrentRow(current)

    def _show_talks(self) -> None:
        today = clock.today()
        talks = self.data["week"]
        todays = [talk for talk in talks if talk.day == today]
        self.talks_heading.setText(
            self.tr("Talks this week: {week}, today: {today}").format(
                week=len(talks), today=len(todays)
            )
        )
        self.talks.clear()
        for talk in talks[:TALKS_SHOWN]:
            mark = "▶ " if talk.day == today else ""
            self.talks.addItem(
                f"{mark}{shown_month_day(talk.day)} {talk.start_clock}  {talk.title} · {talk.venue}"
            )
        if len(talks) > TALKS_SHOWN:
            self.talks.addItem(self.tr("… and {more} more").format(more=len(talks) - TALKS_SHOWN))
        if not talks:
            self.talks.addItem(self.tr("No talks this week."))

    def _show_follow_ups(self) -> None:
        from desktop.core.privacy import mask_mobile, mask_name

        self.follow_ups_heading.setText(
            self.tr("Overdue follow-ups: {count}").format(count=self.data["follow_ups_overdue"])
        )
        self.follow_ups.clear()
        for follow_up in self.data["follow_ups"]:
            entry = QListWidgetItem(
                f"{shown_date(follow_up.due_on)}  {mask_name(follow_up.resident_name)} "
                f"{mask_mobile(follow_up.mobile)}"
            )
            entry.setData(ID_ROLE, follow_up.warning_id)
            entry.setData(FOLLOW_UP_ROLE, follow_up.id)
            self.follow_ups.addItem(entry)
        if not self.data["follow_ups"]:
            self.follow_ups.addItem(self.tr("None overdue."))

    def _show_returns(self) -> None:
        self.returns_heading.setText(
            self.tr("Persons abroad overdue: {count}").format(count=self.data["returns_overdue"])
        )
        self.returns.clear()
        for overdue in self.data["returns"]:
            item = overdue.item
            why = []
            if "deadline" in overdue.reasons:
                why.append(
                    self.tr("deadline {day} passed").format(day=shown_date(item.deadline_on))
                )
            if "family" in overdue.reasons:
                last = overdue.last_family_contact
                why.append(
                    self.tr("family last contacted {day}").format(day=shown_date(last))
                    if last
                    else self.tr("family never contacted")
                )
            # The name comes masked from the ledger (罗某): these are suspects, never in full.
            entry = QListWidgetItem(
                f"{item.name} · {catalogue_label(ABROAD_LOCATIONS, item.location)}  "
                + "; ".join(why)
            )
            entry.setData(ID_ROLE, item.id)
            self.returns.addItem(entry)
        if not self.data["returns"]:
            self.returns.addItem(self.tr("None overdue."))

    def _show_flags(self) -> None:
        self.flags_heading.setText(
            self.tr("Fraud-free communities to review: {count}").format(count=self.data["flagged"])
        )
        self.flags.clear()
        words = {
            "defrauded_after_warning": self.tr("a resident defrauded after a warning {day}"),
            "card_seller": self.tr("a card seller listed {day}"),
            "person_abroad": self.tr("a person abroad listed {day}"),
        }
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
            entry = QListWidgetItem(
                f"{flag.community} · {flag.township}  ({since}): " + "; ".join(why)
            )
            entry.setData(ID_ROLE, flag.area_id)
            self.flags.addItem(entry)
        if not self.data["flags"]:
            self.flags.addItem(self.tr("None to review."))

    def _community_chosen(self, item: QListWidgetItem) -> None:
        area_id = item.data(ID_ROLE)
        if area_id:
            self.open_record.emit(FRAUD_FREE_PAGE, area_id)

    def _person_abroad_chosen(self, item: QListWidgetItem) -> None:
        case_id = item.data(ID_ROLE)
        if case_id:
            self.open_record.emit(RETURNS_PAGE, case_id)

    def _follow_up_chosen(self, item: QListWidgetItem) -> None:
        follow_up_id = item.data(FOLLOW_UP_ROLE)
        if follow_up_id:
            self.open_follow_up.emit(follow_up_id)

    def _warning_chosen(self, item: QListWidgetItem) -> None:
        warning_id = item.data(ID_ROLE)
        if warning_id:
            self.open_warning.emit(warning_id)
