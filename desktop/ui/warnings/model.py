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

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QApplication

from desktop.core import catalogue, clock
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.privacy import mask_mobile, mask_name
from desktop.core.urgency import Lateness, lateness_of
from desktop.db.database import Database
from desktop.domain import warnings as warning_store
from desktop.ui.labels import catalogue_label, shown_datetime
from desktop.ui.qt import USER_ROLE, Qt
from desktop.ui.warnings.states import (
    FAR_OVER_BACKGROUND,
    LATE_TEXT,
    elapsed,
    late_text,
    open_state_text,
)

ID_ROLE = USER_ROLE
PAGE_SIZE = 200
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
RECEIVED = QT_TRANSLATE_NOOP("Warnings", "Received")


def _(text: str) -> str:
    return QCoreApplication.translate("Warnings", text)


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
