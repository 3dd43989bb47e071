"""The talks list as a lazy table model: pages of 200 talks read by key as the view scrolls.

A county's merged month holds thousands of talks, a year's list tens of thousands; the view
asks for more rows only when it needs them (``canFetchMore``/``fetchMore``), each page one
indexed query, sorted and filtered in SQL.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex

from desktop.core import catalogue
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.formats import format_time
from desktop.db.database import Database
from desktop.domain import talks as talk_store
from desktop.ui.labels import catalogue_label, shown_date
from desktop.ui.qt import USER_ROLE, Qt
from desktop.ui.talks.calendar import STATUS_COLOURS, STATUS_SYMBOLS
from desktop.ui.widgets import HEADING_ROLES

ID_ROLE = USER_ROLE
PAGE_SIZE = 200
HEADERS = (
    QT_TRANSLATE_NOOP("TalksPage", "Date"),
    QT_TRANSLATE_NOOP("TalksPage", "Time"),
    QT_TRANSLATE_NOOP("TalksPage", "Title"),
    QT_TRANSLATE_NOOP("TalksPage", "Community"),
    QT_TRANSLATE_NOOP("TalksPage", "Organiser"),
    QT_TRANSLATE_NOOP("TalksPage", "Status"),
    QT_TRANSLATE_NOOP("TalksPage", "People"),
)
TITLE_COLUMN, STATUS_COLUMN = 2, 5  # of HEADERS


class TalkListModel(QAbstractTableModel):
    def __init__(self, database: Database, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.where = talk_store.TalkFilter()
        self.rows: list[talk_store.TalkRow] = []
        self._more = False

    # -- reading -------------------------------------------------------------------------------
    def set_filter(self, where: talk_store.TalkFilter) -> None:
        """Show the talks ``where`` picks, from the first page."""
        self.beginResetModel()
        self.where = where
        self.rows = talk_store.talk_page(self.database, where, limit=PAGE_SIZE)
        self._more = len(self.rows) == PAGE_SIZE
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008,N802
        if parent.isValid() or not self._more:
            return
        after = self.rows[-1].key if self.rows else None
        page = talk_store.talk_page(self.database, self.where, after=after, limit=PAGE_SIZE)
        self._more = len(page) == PAGE_SIZE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def row_of(self, talk_id: str) -> int | None:
        """The row of a talk among those read so far."""
        for number, row in enumerate(self.rows):
            if row.id == talk_id:
                return number
        return None

    # -- the model's interface -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in HEADING_ROLES:
            if 0 <= section < len(HEADERS):
                return QCoreApplication.translate("TalksPage", HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return STATUS_COLOURS.get(row.status, "")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return shown_date(row.starts_at)
        if column == 1:
            return f"{format_time(row.starts_at)}–{format_time(row.ends_at)}"
        if column == TITLE_COLUMN:
            return row.title
        if column == 3:
            return row.area_name
        if column == 4:
            return row.organiser_name
        if column == STATUS_COLUMN:
            label = catalogue_label(catalogue.TALK_STATUSES, row.status)
            return f"{STATUS_SYMBOLS.get(row.status, '')} {label}"
        return "" if row.headcount is None else str(row.headcount)
