"""The ledger of persons abroad as a lazy table model: pages of 200 rows read by key.

The first page is one short indexed query; the view asks for more only as it scrolls
(``canFetchMore``/``fetchMore``). Every name, number and phone arrives masked from the gateway.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex
from PySide6.QtGui import QBrush, QColor

from desktop.core import catalogue, clock
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.db.database import Database
from desktop.domain import return_cases as return_store
from desktop.ui.labels import catalogue_label, shown_date
from desktop.ui.qt import USER_ROLE, Qt

ID_ROLE = USER_ROLE
PAGE_SIZE = 200
LATE_BACKGROUND = QColor("#ffd6d6")
NAME, REGISTERED, LOCATION, STATUS, DAYS, LAST_CONTACT, DEADLINE, OFFICER = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("ReturnLedger", "Name"),
    QT_TRANSLATE_NOOP("ReturnLedger", "Registered in"),
    QT_TRANSLATE_NOOP("ReturnLedger", "Abroad in"),
    QT_TRANSLATE_NOOP("ReturnLedger", "Status"),
    QT_TRANSLATE_NOOP("ReturnLedger", "Days listed"),
    QT_TRANSLATE_NOOP("ReturnLedger", "Last contact"),
    QT_TRANSLATE_NOOP("ReturnLedger", "Deadline"),
    QT_TRANSLATE_NOOP("ReturnLedger", "Station officer"),
)


def _(text: str) -> str:
    return QCoreApplication.translate("ReturnLedger", text)


def place_text(code: str) -> str:
    """A place abroad in the UI's language: a catalogue entry translated, a place the station
    added as it was typed."""
    return (
        catalogue_label(catalogue.ABROAD_LOCATIONS, code)
        if code in catalogue.ABROAD_LOCATIONS
        else code
    )


class LedgerModel(QAbstractTableModel):
    def __init__(self, database: Database, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.which = return_store.LedgerFilter()
        self.rows: list[return_store.LedgerRow] = []
        self._next: return_store.PageKey | None = None
        self.today = clock.today()

    # -- reading ---------------------------------------------------------------------------
    def set_filter(self, which: return_store.LedgerFilter) -> None:
        """Start again from the first page of ``which`` (one short query)."""
        self.beginResetModel()
        self.which, self.today = which, clock.today()
        self.rows, self._next = return_store.ledger_rows(
            self.database, which, limit=PAGE_SIZE, today=self.today
        )
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or self._next is None:
            return
        page, self._next = return_store.ledger_rows(
            self.database, self.which, after=self._next, limit=PAGE_SIZE, today=self.today
        )
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def row_of(self, case_id: str | None) -> int | None:
        for row, entry in enumerate(self.rows):
            if entry.item.id == case_id:
                return row
        return None

    # -- showing ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _(HEADERS[section]) if 0 <= section < len(HEADERS) else None

    def late(self, entry: return_store.LedgerRow) -> bool:
        """Past the notice deadline and not yet back."""
        item = entry.item
        return (
            item.status in return_store.NOT_RETURNED
            and item.deadline_on is not None
            and item.deadline_on < self.today
        )

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == ID_ROLE:
            return entry.item.id
        if role == Qt.ItemDataRole.BackgroundRole and self.late(entry):
            return QBrush(LATE_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == DAYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, entry: return_store.LedgerRow, column: int) -> str:
        item = entry.item
        if column == NAME:
            return item.name
        if column == REGISTERED:
            return entry.registered
        if column == LOCATION:
            return place_text(item.location)
        if column == STATUS:
            return catalogue_label(catalogue.RETURN_STATUSES, item.status)
        if column == DAYS:
            return str((self.today - item.listed_on).days)
        if column == LAST_CONTACT:
            return _day(entry.last_contact)
        if column == DEADLINE:
            return _day(item.deadline_on)
        return item.officer_name


def _day(day: date | None) -> str:
    return shown_date(day) if day else "—"
