"""The register of card sellers as a lazy table model: pages of 200 rows read by key.

A city's register holds hundreds of thousands of records; the view asks for more rows only as
it scrolls (``canFetchMore``/``fetchMore``), each page one indexed query however deep it lies.
Names are masked by the gateway before they reach the model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex

from desktop.core import catalogue
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.db.database import Database
from desktop.domain import card_sellers as card_seller_store
from desktop.ui.labels import catalogue_label, shown_date
from desktop.ui.qt import USER_ROLE, Qt
from desktop.ui.widgets import HEADING_ROLES, plain_tooltip

ID_ROLE = USER_ROLE
PAGE_SIZE = 200
RESIDENT, AREA, CARDS, OUTLET, MANNER, STATUS, LISTED, INTERVIEWED = range(8)

HEADERS = (
    QT_TRANSLATE_NOOP("CardSellers", "Person"),
    QT_TRANSLATE_NOOP("CardSellers", "Area"),
    QT_TRANSLATE_NOOP("CardSellers", "Cards"),
    QT_TRANSLATE_NOOP("CardSellers", "Bank or operator · outlet"),
    QT_TRANSLATE_NOOP("CardSellers", "How"),
    QT_TRANSLATE_NOOP("CardSellers", "Step"),
    QT_TRANSLATE_NOOP("CardSellers", "Listed on"),
    QT_TRANSLATE_NOOP("CardSellers", "Last interview"),
)
CARDS_TEXT = QT_TRANSLATE_NOOP("CardSellers", "{kind} × {count}")


def _(text: str) -> str:
    return QCoreApplication.translate("CardSellers", text)


class CardRegisterModel(QAbstractTableModel):
    def __init__(self, database: Database, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.which = card_seller_store.ScreenFilter()
        self.rows: list[card_seller_store.ScreenRow] = []
        self._next: card_seller_store.PageKey | None = None
        self._more = False

    # -- reading ---------------------------------------------------------------------------
    def set_filter(self, which: card_seller_store.ScreenFilter) -> None:
        """Start again from the first page of ``which`` (read at once: one short query)."""
        self.beginResetModel()
        self.which = which
        self.rows, self._next = card_seller_store.screen_rows(self.database, which, limit=PAGE_SIZE)
        self._more = self._next is not None
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or not self._more:
            return
        page, self._next = card_seller_store.screen_rows(
            self.database, self.which, after=self._next, limit=PAGE_SIZE
        )
        self._more = self._next is not None
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def row_of(self, card_seller_id: str | None) -> int | None:
        for row, item in enumerate(self.rows):
            if item.id == card_seller_id:
                return row
        return None

    # -- showing ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role not in HEADING_ROLES:
            return None
        return _(HEADERS[section]) if 0 <= section < len(HEADERS) else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column())
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._text(item, index.column()))  # an elided value, whole
        return None

    def _text(self, item: card_seller_store.ScreenRow, column: int) -> str:
        if column == RESIDENT:
            return item.resident_name
        if column == AREA:
            return item.area_name
        if column == CARDS:
            return _(CARDS_TEXT).format(
                kind=catalogue_label(catalogue.CARD_KINDS, item.card_kind), count=item.card_count
            )
        if column == OUTLET:
            return " · ".join(part for part in (item.issuer, item.outlet) if part)
        if column == MANNER:
            return catalogue_label(catalogue.CARD_MANNERS, item.manner)
        if column == STATUS:
            return catalogue_label(catalogue.CARD_SELLER_STATUSES, item.status)
        if column == LISTED:
            return shown_date(item.listed_on)
        if item.last_interview is None:
            return "—"
        return shown_date(item.last_interview)
