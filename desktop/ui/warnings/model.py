"""The warnings list as a lazy table model: pages of 200 rows read by key, never all at once.

A city's database holds a million warnings; the view asks for more rows only as it scrolls
(``canFetchMore``/``fetchMore``), and each page is one indexed query however deep it lies.
The open view comes in the order of urgency (``core.urgency``) as of the moment its first page
was read. The waiting clocks and late marks are computed when a cell is drawn, from the time
the page last set with ``set_clock`` — the database is not read again for them. A late case
says how far over its limit it is in words; only the worst (nobody contacted at all, or more
than twice the limit) are tinted, so they stand out when many are late.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication

from desktop.core import catalogue, clock
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.privacy import mask_mobile, mask_name
from desktop.core.urgency import Lateness, lateness_of
from desktop.db.database import Database
from desktop.domain import warnings as warning_store
from desktop.ui.labels import catalogue_label, shown_datetime, shown_duration

ID_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 200
# Only the worst late cases are tinted (core.urgency's "far over"); the merely late say so in
# dark red words, so a queue where most are late still shows which are worst.
FAR_OVER_BACKGROUND = QColor("#f6b3b3")
LATE_TEXT = QColor("#a40000")
CLOCK_SCALE = 1.6  # the waiting clocks, times the text size
# The columns in Today's order. Which show when the list is narrow (a large text size) is the
# page's choice (page.FIT_ORDER): the clock, the person and the status before the rest.
WAITING, LEVEL, RESIDENT, MOBILE, STATUS, CONTACTS, SOURCE = range(7)


HEADERS = (
    QT_TRANSLATE_NOOP("Warnings", "Waiting"),
    QT_TRANSLATE_NOOP("Warnings", "Level"),
    QT_TRANSLATE_NOOP("Warnings", "Resident"),
    QT_TRANSLATE_NOOP("Warnings", "Mobile"),
    QT_TRANSLATE_NOOP("Warnings", "Status"),
    QT_TRANSLATE_NOOP("Warnings", "Contacts"),
    QT_TRANSLATE_NOOP("Warnings", "Source"),
)
DAYS_AND_CLOCK = QT_TRANSLATE_NOOP("Warnings", "{days}d {clock}")
RECEIVED = QT_TRANSLATE_NOOP("Warnings", "Received")
LATE_CONTACT = QT_TRANSLATE_NOOP("Warnings", "No contact, {over} over")
LATE_VISIT = QT_TRANSLATE_NOOP("Warnings", "No visit, {over} over")
AT_STATION = QT_TRANSLATE_NOOP("Warnings", "At {station}")
NEW = QT_TRANSLATE_NOOP("Warnings", "New")
IN_PROGRESS = QT_TRANSLATE_NOOP("Warnings", "In progress")


def _(text: str) -> str:
    return QCoreApplication.translate("Warnings", text)


def late_text(late: Lateness) -> str:
    """What is late and by how much, in words ("No contact, 2 h over"); empty when on time."""
    if late.kind is None:
        return ""
    over = shown_duration(late.minutes_over)
    return _(LATE_CONTACT if late.kind == "contact" else LATE_VISIT).format(over=over)


def elapsed(since: datetime, now: datetime) -> str:
    """Hours and minutes waited, e.g. 1:05 (days shown as 2d 3:10, 2天 3:10 in Chinese)."""
    minutes = max(int((now - since).total_seconds() // 60), 0)
    days, minutes = divmod(minutes, 24 * 60)
    clock = f"{minutes // 60}:{minutes % 60:02d}"
    return _(DAYS_AND_CLOCK).format(days=days, clock=clock) if days else clock


class WarningListModel(QAbstractTableModel):
    def __init__(self, database: Database, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.which = warning_store.WarningFilter()
        self.rows: list[warning_store.QueueItem] = []
        self._next: warning_store.PageKey | None = None
        self._more = False
        self.limits: dict[str, Any] = {}
        self.now = clock.now()
        self._clock_font = QFont()

    def clock_font(self) -> QFont:
        """The waiting clocks: large and bold, following the officer's text size."""
        base = QApplication.font()
        if self._clock_font.pointSizeF() != base.pointSizeF() * CLOCK_SCALE:
            self._clock_font = QFont(base)
            self._clock_font.setPointSizeF(base.pointSizeF() * CLOCK_SCALE)
            self._clock_font.setBold(True)
        return self._clock_font

    # -- reading ---------------------------------------------------------------------------
    def set_filter(self, which: warning_store.WarningFilter, limits: dict[str, Any]) -> None:
        """Start again from the first page of ``which`` (read at once: one short query)."""
        self.beginResetModel()
        self.which, self.limits = which, limits
        self.now = clock.now()
        self.rows, self._next = warning_store.list_warnings(
            self.database, which, limit=PAGE_SIZE, limits=limits, now=self.now
        )
        self._more = self._next is not None
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or not self._more:
            return
        page, self._next = warning_store.list_warnings(
            self.database, self.which, after=self._next, limit=PAGE_SIZE, limits=self.limits
        )
        self._more = self._next is not None
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def row_of(self, warning_id: str | None) -> int | None:
        for row, item in enumerate(self.rows):
            if item.id == warning_id:
                return row
        return None

    def set_clock(self, now: datetime) -> None:
        """Move the waiting clocks and late marks on (no database read)."""
        self.now = now
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self.rows) - 1, self.columnCount() - 1),
                [
                    Qt.ItemDataRole.DisplayRole,
                    Qt.ItemDataRole.BackgroundRole,
                    Qt.ItemDataRole.ForegroundRole,
                ],
            )

    # -- showing ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == WAITING and self.which.view not in ("open", "transferred"):
            return _(RECEIVED)
        return _(HEADERS[section]) if 0 <= section < len(HEADERS) else None

    def late(self, item: warning_store.QueueItem) -> Lateness | None:
        """Where an open case stands against its limits at the page's clock (None: closed)."""
        if item.status == "closed":
            return None
        return lateness_of(item, self.limits, self.now)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.FontRole and column == WAITING and item.status != "closed":
            return self.clock_font()
        if role == Qt.ItemDataRole.BackgroundRole:
            late = self.late(item)
            return QBrush(FAR_OVER_BACKGROUND) if late is not None and late.far_over else None
        if role == Qt.ItemDataRole.ForegroundRole and column in (WAITING, STATUS):
            # The clock says it too: where a narrow list leaves the status out, it still shows.
            late = self.late(item)
            return QBrush(LATE_TEXT) if late is not None and late.kind else None
        if role == Qt.ItemDataRole.ToolTipRole and column == WAITING:
            late = self.late(item)
            received = shown_datetime(item.received_at)
            return f"{received}\n{late_text(late)}" if late is not None and late.kind else received
        if role == Qt.ItemDataRole.ToolTipRole and column == STATUS:
            return self.status_text(item)  # whole, where a narrow column cuts it short
        return None

    def _text(self, item: warning_store.QueueItem, column: int) -> str:
        if column == WAITING:
            if item.status == "closed":
                return shown_datetime(item.received_at)
            return elapsed(item.received_at, self.now)
        if column == LEVEL:
            return catalogue_label(catalogue.WARNING_LEVELS, item.level)
        if column == SOURCE:
            return catalogue_label(catalogue.WARNING_SOURCES, item.source)
        if column == RESIDENT:
            return mask_name(item.resident_name)
        if column == MOBILE:
            return mask_mobile(item.mobile)
        if column == CONTACTS:
            return str(item.contacts)
        return self.status_text(item)

    def status_text(self, item: warning_store.QueueItem) -> str:
        if item.status == "closed":
            return catalogue_label(catalogue.OUTCOMES, item.outcome)
        return open_state_text(item, self.late(item))


def open_state_text(item: warning_store.QueueItem, late: Lateness | None) -> str:
    """Where an open case stands, in words: how far over its limit when late, else whether
    it is with another station, waiting for a recheck, new or in progress."""
    if late is not None and late.kind:
        return late_text(late)
    if item.station:
        return _(AT_STATION).format(station=item.station)
    if item.outcome == "denied_recheck":
        return catalogue_label(catalogue.OUTCOMES, item.outcome)
    return _(NEW) if item.status == "new" else _(IN_PROGRESS)
