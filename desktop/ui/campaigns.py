"""宣传投放: the small screen where campaign counts are entered per area and date."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.catalogue import CAMPAIGN_KINDS
from desktop.core.errors import OutreachError
from desktop.db.database import Database
from desktop.domain import campaigns as campaign_store
from desktop.ui.labels import catalogue_label, shown_date
from desktop.ui.qt import Qt
from desktop.ui.widgets import AreaPicker, error_label, show_problem, station_today_qdate

SHOWN_DAYS = 90


class CampaignsDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.changed = False
        self.setWindowTitle(self.tr("Campaign counts"))
        self.setMinimumSize(720, 480)
        self.on_date = QDateEdit(station_today_qdate())
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        for code in CAMPAIGN_KINDS:
            self.kind.addItem(catalogue_label(CAMPAIGN_KINDS, code), code)
        self.area = AreaPicker(database)
        self.count = QLineEdit()
        self.count.setPlaceholderText("1200")
        self.notes = QLineEdit()
        self.add_button = QPushButton(self.tr("Add"))
        self.error = error_label()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Area"), self.tr("Count"), self.tr("Notes")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton(self.tr("Remove the chosen entry"))

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.on_date)
        row.addWidget(self.kind)
        row.addWidget(self.count)
        form.addRow(self.tr("Date, kind, count"), row)
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(lambda: self.add())
        self.remove_button.clicked.connect(lambda: self.remove())
        self.count.returnPressed.connect(lambda: self.add())
        self.fill()

    def fill(self) -> None:
        today = clock.today()
        entries = campaign_store.list_campaigns(
            self.database, today - timedelta(days=SHOWN_DAYS), today + timedelta(days=1)
        )
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (shown_date(entry.on_date), catalogue_label(CAMPAIGN_KINDS, entry.kind),
                      entry.area_name, f"{entry.count:,}", entry.notes)  # fmt: skip
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, entry.id)
                self.table.setItem(row, column, cell)

    def add(self) -> bool:
        try:
            campaign_store.add_campaign(
                self.database,
                {
                    "on_date": self.on_date.date().toPython(),
                    "kind": self.kind.currentData(),
                    "area_id": self.area.checked_area_id(),
                    "count": self.count.text(),
                    "notes": self.notes.text(),
                },
            )
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.error.hide()
        self.count.clear()
        self.notes.clear()
        self.changed = True
        self.fill()
        return True

    def remove(self) -> bool:
        item = self.table.currentItem()
        if item is None:
            return False
        campaign_store.remove_campaign(self.database, item.data(Qt.ItemDataRole.UserRole))
        self.changed = True
        self.fill()
        return True
