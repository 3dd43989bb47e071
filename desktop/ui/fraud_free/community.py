"""A community's panel: its creation status path with the days, each criterion with its
value, the evidence entered, its number of households and its door-to-door visits; the
actions a step, evidence, the households and — for a flagged plaque — the review that keeps
it. Read on the worker; every change goes through a dialog calling the gateway."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue
from desktop.db.database import Database
from desktop.domain import community_visits as visit_store
from desktop.domain import fraud_free as fraud_free_store
from desktop.ui.fraud_free.board import COLOURS, MARKS, criterion_tooltip, flag_text, value_text
from desktop.ui.fraud_free.dialogs import criterion_name
from desktop.ui.labels import catalogue_label, shown_date
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import (
    FlowRow,
    LatestReading,
    Retranslating,
    plain_label,
    relative_font,
)

VISITS_SHOWN = 30  # the newest; the visits tab lists them all


def read_only_table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for number, texts in enumerate(rows):
        for column, text in enumerate(texts):
            table.setItem(number, column, QTableWidgetItem(text))


class CommunityPanel(LatestReading, Retranslating, QWidget):
    """``changed`` after a step, evidence or the households were written."""

    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.area_id: str | None = None
        self.row: fraud_free_store.BoardRow | None = None
        self.reading = None
        self.title = plain_label()
        relative_font(self.title, 1.25, bold=True)
        self.place = plain_label()
        self.flag = plain_label()
        self.flag.setWordWrap(True)
        self.flag.setStyleSheet("color: #b00020; font-weight: bold;")
        self.households = plain_label()
        self.step_button = QPushButton()
        self.keep_button = QPushButton()
        self.evidence_button = QPushButton()
        self.households_button = QPushButton()
        self.path_title = QLabel()
        self.path = read_only_table(3)
        self.criteria_title = QLabel()
        self.criteria = read_only_table(3)
        self.evidence_title = QLabel()
        self.evidence = read_only_table(5)
        self.visits_title = QLabel()
        self.visits = read_only_table(6)
        for table in (self.path, self.criteria, self.evidence, self.visits):
            table.setMinimumHeight(150)  # the panel scrolls rather than squeeze them
        # The criterion's name takes what the state and value leave.
        self.criteria.horizontalHeader().setStretchLastSection(False)
        self.criteria.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        actions = FlowRow()
        for button in (self.step_button, self.keep_button, self.evidence_button):
            actions.addWidget(button)
        households = QHBoxLayout()
        households.addWidget(self.households, 1)
        households.addWidget(self.households_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.place)
        layout.addWidget(self.flag)
        layout.addLayout(households)
        layout.addLayout(actions)
        for title, table in (
            (self.path_title, self.path), (self.criteria_title, self.criteria),
            (self.evidence_title, self.evidence), (self.visits_title, self.visits),
        ):  # fmt: skip
            layout.addWidget(title)
            layout.addWidget(table, 1)

        self.step_button.clicked.connect(lambda: self.record_step())
        self.keep_button.clicked.connect(lambda: self.keep_plaque())
        self.evidence_button.clicked.connect(lambda: self.add_evidence())
        self.households_button.clicked.connect(lambda: self.set_households())
        self.retranslate()

    def retranslate(self) -> None:
        self.step_button.setText(self.tr("Record a status step…"))
        self.keep_button.setText(self.tr("Keep the plaque…"))
        self.evidence_button.setText(self.tr("Add evidence…"))
        self.households_button.setText(self.tr("Set households…"))
        self.path_title.setText(self.tr("Status path"))
        self.criteria_title.setText(self.tr("Criteria"))
        self.evidence_title.setText(self.tr("Evidence"))
        self.visits_title.setText(self.tr("Door-to-door visits (newest)"))
        self.path.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Status"), self.tr("Note")])
        self.criteria.setHorizontalHeaderLabels(
            [self.tr("Criterion"), self.tr("State"), self.tr("Value")]
        )
        self.evidence.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Criterion"), self.tr("Met?"), self.tr("Photos"),
             self.tr("Note")]
        )  # fmt: skip
        self.visits.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Building / group"), self.tr("Visited"),
             self.tr("At home"), self.tr("App"), self.tr("By")]
        )  # fmt: skip
        self._show()

    def set_database(self, database: Database) -> None:
        self.database = database
        self.show_community(None)

    # -- reading -------------------------------------------------------------------------------
    def show_community(self, area_id: str | None) -> None:
        self.area_id = area_id
        if area_id is None:
            self.reading = None
            self._show()
            return

        def work(database):
            board = fraud_free_store.board(database, communities=[area_id])
            return {
                "board": board,
                "history": fraud_free_store.status_history(database, area_id),
                "evidence": fraud_free_store.evidence_of(database, area_id),
                "visits": visit_store.visits_of(database, area_id)[:VISITS_SHOWN],
                "flags": fraud_free_store.flagged_communities(database, area_id),
            }

        self.read_on_worker(work)

    def reload(self) -> None:
        self.show_community(self.area_id)

    def _show_reading(self, data) -> None:
        self.reading = data
        self._show()

    def _show(self) -> None:
        data = self.reading
        rows = data["board"].rows if data else []
        self.row = rows[0] if rows else None
        for widget in (self.step_button, self.evidence_button, self.households_button):
            widget.setEnabled(self.row is not None)
        if self.row is None:
            self.title.setText(self.tr("Choose a community on the board."))
            for widget in (self.place, self.flag, self.households):
                widget.clear()
            self.flag.hide()
            self.keep_button.setEnabled(False)
            for table in (self.path, self.criteria, self.evidence, self.visits):
                table.setRowCount(0)
            return
        row = self.row
        status = catalogue_label(catalogue.FRAUD_FREE_STATUSES, row.status)
        self.title.setText(f"{row.community} · {status}")
        self.place.setText(" / ".join(part for part in (row.county, row.township) if part))
        flags = data["flags"]
        self.flag.setText(flag_text(flags[0]) if flags else "")
        self.flag.setVisible(bool(flags))
        self.keep_button.setEnabled(bool(flags) and row.status == "awarded")
        self.households.setText(
            self.tr("Households: {count}").format(count=f"{row.households:,}")
            if row.households is not None
            else self.tr("Households: not set (visit coverage cannot be computed)")
        )
        fill_table(self.path, [self._step_texts(step) for step in data["history"]])
        board = data["board"]
        self.criteria.setRowCount(len(board.criteria))
        for number, item in enumerate(board.criteria):
            result = row.results[item.key]
            state = {
                fraud_free_store.MET: self.tr("met"),
                fraud_free_store.NOT_MET: self.tr("not met"),
                fraud_free_store.UNKNOWN: self.tr("not yet known"),
            }[result.state]
            cells = [
                QTableWidgetItem(criterion_name(item)),
                QTableWidgetItem(f"{MARKS[result.state]} {state}"),
                QTableWidgetItem(value_text(item, result)),
            ]
            for cell in cells:
                cell.setToolTip(criterion_tooltip(item, result))
            cells[1].setBackground(QBrush(QColor(COLOURS[result.state])))
            for column, cell in enumerate(cells):
                self.criteria.setItem(number, column, cell)
        names = {item.key: criterion_name(item) for item in fraud_free_store.EXAMPLE_CRITERIA}
        names.update({item.key: criterion_name(item) for item in board.criteria})
        fill_table(
            self.evidence,
            [
                [shown_date(entry["noted_on"]), names.get(entry["criterion"], entry["criterion"]),
                 self.tr("yes") if entry["met"] else self.tr("no"), str(entry["photos"] or ""),
                 entry["note"]]
                for entry in data["evidence"]
            ],
        )  # fmt: skip
        fill_table(
            self.visits,
            [
                [shown_date(visit["visited_on"]), visit["building"],
                 str(visit["households_visited"]), str(visit["households_at_home"]),
                 str(visit["app_installed_new"] + visit["app_already"]),
                 visit["grid_worker"] or visit["officer_name"]]
                for visit in data["visits"]
            ],
        )  # fmt: skip

    def _step_texts(self, step: dict) -> list[str]:
        status = catalogue_label(catalogue.FRAUD_FREE_STATUSES, step["status"])
        notes = []
        if step["awarded_by"] and step["status"] == "awarded":
            notes.append(self.tr("by {who}").format(who=step["awarded_by"]))
        if step["reason"]:
            notes.append(step["reason"])
        if step["correction"]:
            status = QCoreApplication.translate("CommunityPanel", "{status} (correction)").format(
                status=status
            )
        return [shown_date(step["step_on"]), status, " · ".join(notes)]

    # -- actions -------------------------------------------------------------------------------
    def _run(self, dialog):
        if dialog.exec():
            self.reload()
            self.changed.emit()
        dialog.deleteLater()
        return dialog

    def record_step(self, status: str | None = None):
        from desktop.ui.fraud_free.dialogs import StatusStepDialog

        if self.area_id is None:
            return None
        return self._run(StatusStepDialog(self.database, self.area_id, self, status=status))

    def keep_plaque(self):
        from desktop.ui.fraud_free.dialogs import KeepPlaqueDialog

        if self.area_id is None:
            return None
        return self._run(KeepPlaqueDialog(self.database, self.area_id, self))

    def add_evidence(self, criterion: str | None = None):
        from desktop.ui.fraud_free.dialogs import EvidenceDialog

        if self.area_id is None:
            return None
        return self._run(EvidenceDialog(self.database, self.area_id, self, criterion=criterion))

    def set_households(self):
        from desktop.ui.fraud_free.dialogs import HouseholdsDialog

        if self.area_id is None or self.row is None:
            return None
        return self._run(HouseholdsDialog(self.database, self.area_id, self.row.households, self))
