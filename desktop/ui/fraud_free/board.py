"""The creation board (创建进度表): the communities of the area chosen down the side, grouped
by county and township, the station's enabled criteria across, each cell met / not met / not
yet known with what was measured; the counts of communities at each status above, and the
communities whose plaque a later record puts in question marked with why. Read on the worker;
the status and "flagged only" filters narrow what was read without reading again."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.db.database import Database
from desktop.domain import fraud_free as fraud_free_store
from desktop.ui.fraud_free.dialogs import criterion_name
from desktop.ui.labels import catalogue_label, list_separator, shown_date
from desktop.ui.qt import Qt
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import (
    AreaPicker,
    FillWhenShown,
    LatestReading,
    Retranslating,
    text_scale,
)

AREA_ROLE = Qt.ItemDataRole.UserRole  # a row's community (None on a group's heading)
STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # a cell's met / not_met / unknown
FIXED_COLUMNS = 3  # community, households, status; the criteria follow
CRITERION_WIDTH = 96  # a criterion's column at normal text size

COLOURS = {
    fraud_free_store.MET: "#dff0d8",
    fraud_free_store.NOT_MET: "#f8d7da",
    fraud_free_store.UNKNOWN: "#eeeeee",
}
HEADING = "#dde5f0"
MARKS = {fraud_free_store.MET: "✓", fraud_free_store.NOT_MET: "✗", fraud_free_store.UNKNOWN: "?"}
FLAG_KINDS = {
    "defrauded_after_warning": QT_TRANSLATE_NOOP("FraudFreeBoard", "a resident defrauded after a warning"),
    "card_seller": QT_TRANSLATE_NOOP("FraudFreeBoard", "a new card seller"),
    "person_abroad": QT_TRANSLATE_NOOP("FraudFreeBoard", "a new person abroad"),
}  # fmt: skip


def value_text(criterion: fraud_free_store.Criterion, result) -> str:
    """What was measured: a percent for a rate, a count for the others, nothing when not
    measured."""
    if result.value is None:
        return ""
    if criterion.measure in fraud_free_store.RATE_MEASURES:
        return f"{result.value:.1f}%"
    return f"{result.value:,}"


def cell_text(criterion: fraud_free_store.Criterion, result) -> str:
    value = value_text(criterion, result)
    return f"{MARKS[result.state]} {value}".strip()


def flag_text(flag: fraud_free_store.Flag) -> str:
    """Why a plaque is in question: each record after it, its kind and day."""
    reasons = [
        QCoreApplication.translate("FraudFreeBoard", "{kind} ({day})").format(
            kind=QCoreApplication.translate("FraudFreeBoard", FLAG_KINDS.get(reason.kind, "")),
            day=shown_date(reason.day),
        )
        for reason in flag.reasons
    ]
    return QCoreApplication.translate(
        "FraudFreeBoard", "Plaque since {since} in question: {reasons}. Review it."
    ).format(since=shown_date(flag.since), reasons=list_separator().join(reasons))


def criterion_tooltip(criterion: fraud_free_store.Criterion, result=None) -> str:
    """The criterion's name, threshold and written definition; for a cell not yet known,
    what is missing."""
    lines = [criterion_name(criterion)]
    if criterion.threshold is not None:
        lines.append(
            QCoreApplication.translate(
                "FraudFreeBoard", "Threshold: {threshold}% · {period}"
            ).format(
                threshold=f"{criterion.threshold:g}",
                period=catalogue_label(catalogue.CRITERION_PERIODS, criterion.period),
            )
        )
    else:
        lines.append(catalogue_label(catalogue.CRITERION_PERIODS, criterion.period))
    lines.append(criterion.definition)
    if result is not None and result.state == fraud_free_store.UNKNOWN and result.missing:
        lines.append(
            QCoreApplication.translate(
                "FraudFreeBoard", "Not yet known: missing {missing}."
            ).format(missing=QCoreApplication.translate("FraudFree", result.missing))
        )
    return "\n".join(lines)


class BoardModel(QAbstractTableModel):
    """The board's lines — a heading for each county and township, then its communities —
    drawn as they are scrolled to: a city's 3,000 communities cost nothing until shown."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.criteria: list[fraud_free_store.Criterion] = []
        self.lines: list[str | fraud_free_store.BoardRow] = []  # a heading's text, or a row
        self.questioned: dict[str, fraud_free_store.Flag] = {}  # flagged plaques
        self.headers: list[str] = []

    def show(self, criteria, rows, flags, headers: list[str], no_township: str) -> None:
        self.beginResetModel()
        self.criteria, self.questioned, self.headers = list(criteria), flags, headers
        self.lines = []
        group = None
        for row in rows:
            if (row.county, row.township) != group:
                group = (row.county, row.township)
                self.lines.append(" / ".join(part for part in group if part) or no_township)
            self.lines.append(row)
        self.endResetModel()

    def headings(self) -> list[int]:
        return [number for number, line in enumerate(self.lines) if isinstance(line, str)]

    def row_of(self, area_id: str) -> int | None:
        for number, line in enumerate(self.lines):
            if not isinstance(line, str) and line.area_id == area_id:
                return number
        return None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or section >= len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIXED_COLUMNS:
            return criterion_tooltip(self.criteria[section - FIXED_COLUMNS])
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self.lines[index.row()], str):  # a heading is not a community
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if isinstance(line, str):
            return self._heading(line, column, role)
        if role == AREA_ROLE:
            return line.area_id
        if column >= FIXED_COLUMNS:
            return self._cell(line, self.criteria[column - FIXED_COLUMNS], role)
        flag = self.questioned.get(line.area_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ("⚑ " if flag else "") + line.community
            if column == 1:
                return "" if line.households is None else f"{line.households:,}"
            status = catalogue_label(catalogue.FRAUD_FREE_STATUSES, line.status)
            return f"{status} {shown_date(line.status_on)}" if line.status_on else status
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0 and flag is not None:
                return flag_text(flag)
            if column == 1 and line.households is None:
                return QCoreApplication.translate(
                    "FraudFreeBoard", "Not set: coverage cannot be computed."
                )
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and flag is not None:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _heading(text: str, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return text
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(HEADING))
        return None

    @staticmethod
    def _cell(line: fraud_free_store.BoardRow, criterion, role):
        result = line.results[criterion.key]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(criterion, result)
        if role == STATE_ROLE:
            return result.state
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS[result.state]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return criterion_tooltip(criterion, result)
        return None


class FraudFreeBoard(LatestReading, FillWhenShown, Retranslating, QWidget):
    """``community_chosen(area_id)`` when a community's row is chosen."""

    changed = Signal()
    community_chosen = Signal(str)

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.board: fraud_free_store.Board | None = None
        self.flags: dict[str, fraud_free_store.Flag] = {}
        self.area = AreaPicker(database)
        self.area.setMinimumWidth(200)
        self.status_choice = QComboBox()
        self.status_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.flagged_only = QCheckBox()
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.example_note = QLabel()
        self.example_note.setWordWrap(True)
        self.example_note.setStyleSheet("color: #8a5a00;")
        self.model = BoardModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Never sized to every row's contents: a city's board would be measured cell by cell.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(200)  # the first columns fit the first rows' words
        # Ten criteria across a laptop's screen: their names wrap in narrow columns.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self._size_header()

        filters = QHBoxLayout()
        filters.addWidget(self.area)
        filters.addWidget(self.status_choice)
        filters.addWidget(self.flagged_only)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.counts)
        layout.addWidget(self.example_note)
        layout.addWidget(self.table, 1)

        self.area.currentIndexChanged.connect(lambda _index: self.reload())
        self.area.lineEdit().editingFinished.connect(self.reload)
        self.status_choice.currentIndexChanged.connect(lambda _index: self._show_table())
        self.flagged_only.toggled.connect(lambda _on: self._show_table())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.retranslate()

    def _size_header(self) -> None:
        """Room for a criterion's name on three lines (Qt sizes a header for one)."""
        lines = self.table.horizontalHeader().fontMetrics().lineSpacing()
        self.table.horizontalHeader().setFixedHeight(lines * 3 + 8)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FontChange:
            self._size_header()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.area.lineEdit().setPlaceholderText(self.tr("every area"))
        self.flagged_only.setText(self.tr("Flagged only"))
        self.flagged_only.setToolTip(
            self.tr("Communities with a plaque that a later record puts in question.")
        )
        chosen = self.status_choice.currentData()
        self.status_choice.blockSignals(True)
        self.status_choice.clear()
        self.status_choice.addItem(self.tr("Every status"), None)
        for code in catalogue.FRAUD_FREE_STATUSES:
            self.status_choice.addItem(catalogue_label(catalogue.FRAUD_FREE_STATUSES, code), code)
        self.status_choice.setCurrentIndex(max(self.status_choice.findData(chosen), 0))
        self.status_choice.blockSignals(False)
        self._show_table()

    def set_database(self, database: Database) -> None:
        self.database = database
        self.area.database = database
        self.board = None
        self.reload()

    # -- reading -------------------------------------------------------------------------------
    def _fill(self) -> None:
        area_id = self.area.area_id()
        self.read_on_worker(
            lambda database: (
                fraud_free_store.board(database, area_id),
                fraud_free_store.flagged_communities(database, area_id),
            )
        )

    def _show_reading(self, data) -> None:
        self.board, flags = data
        self.flags = {flag.area_id: flag for flag in flags}
        self._show_table()

    def shown_rows(self) -> list[fraud_free_store.BoardRow]:
        """The board's rows the status and "flagged only" filters let through."""
        if self.board is None:
            return []
        status = self.status_choice.currentData()
        return [
            row
            for row in self.board.rows
            if (status is None or row.status == status)
            and (not self.flagged_only.isChecked() or row.area_id in self.flags)
        ]

    def _show_table(self) -> None:
        board = self.board
        if board is None:
            self.model.show([], [], {}, [], "")
            self.counts.setText(self.tr("Reading the board…"))
            self.example_note.hide()
            return
        parts = [
            self.tr("{status}: {count}").format(
                status=catalogue_label(catalogue.FRAUD_FREE_STATUSES, status), count=count
            )
            for status, count in board.counts.items()
        ]
        parts.append(self.tr("flagged for review: {count}").format(count=len(self.flags)))
        rows = self.shown_rows()
        self.counts.setText(
            self.tr("{communities} communities on {day} — {counts}").format(
                communities=f"{len(board.rows):,}",
                day=shown_date(board.as_of),
                counts=" · ".join(parts),
            )  # fmt: skip
            + (
                ""
                if len(rows) == len(board.rows)
                else self.tr(" · {shown} shown").format(shown=f"{len(rows):,}")
            )  # fmt: skip
        )
        self.example_note.setText(
            self.tr(
                "The criteria are the shipped EXAMPLE set, not a national standard: set the "
                "station's own under Criteria…"
            )
        )
        self.example_note.setVisible(board.example)
        headers = [self.tr("Community"), self.tr("Households"), self.tr("Status")]
        headers += [criterion_name(item) for item in board.criteria]
        self.model.show(board.criteria, rows, self.flags, headers, self.tr("(no township)"))
        self.table.clearSpans()
        for number in self.model.headings():
            self.table.setSpan(number, 0, 1, len(headers))
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            if column < FIXED_COLUMNS:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, round(CRITERION_WIDTH * text_scale()))
        for column in range(FIXED_COLUMNS):
            self.table.resizeColumnToContents(column)

    # -- choosing ------------------------------------------------------------------------------
    def choose(self, area_id: str) -> None:
        row = self.model.row_of(area_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        area_id = current.data(AREA_ROLE) if current.isValid() else None
        if area_id:
            self.community_chosen.emit(area_id)
