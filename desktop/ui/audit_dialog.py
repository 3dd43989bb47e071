"""审计日志: what was done with the data, by whom — filtered and exported by a supervisor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.db import anchors, audit
from desktop.db.database import Database
from desktop.ui.labels import audit_action, audit_table, shown_datetime
from desktop.ui.messages import render_error
from desktop.ui.widgets import plain_label, plain_tooltip, station_today_qdate

SHOWN = 2000


class AuditDialog(QDialog):
    def __init__(
        self, database: Database, parent: QWidget | None = None, backup_folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.backup_folder = backup_folder  # whose backups' notes of the log's end are compared
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1000, 600)
        self.action = QComboBox()
        self.action.addItem(self.tr("Every action"), None)
        for code in audit.ACTIONS:
            self.action.addItem(audit_action(code), code)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("officer, table, record or words"))
        today = station_today_qdate()
        self.first = QDateEdit(today.addMonths(-1))
        self.last = QDateEdit(today)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.show_button = QPushButton(self.tr("Show"))
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.state = plain_label()
        self.state.setWordWrap(True)  # each record of the log's end it contradicts, one a line
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Table"),
             self.tr("Record"), self.tr("What")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        filters = QHBoxLayout()
        for widget in (self.action, self.text, self.first, self.last, self.show_button):
            filters.addWidget(widget)
        actions = QHBoxLayout()
        actions.addWidget(self.state, 1)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.show_button.clicked.connect(self.fill)
        self.text.returnPressed.connect(self.fill)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(lambda: self.export())
        self.fill()

    def filters(self) -> dict:
        return {
            "action": self.action.currentData(),
            "text": self.text.text(),
            "first": self.first.date().toString("yyyy-MM-dd"),
            "last": self.last.date().toString("yyyy-MM-dd"),
        }

    def fill(self) -> None:
        rows = audit.search(self.database, limit=SHOWN, **self.filters())
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            # The action and table in the UI's language; the summary stays as it was stored:
            # it is the record.
            values = (
                shown_datetime(row["at"], seconds=True),
                row["actor"],
                audit_action(row["action"]),
                audit_table(row["table_name"]),
                row["row_id"],
                row["summary"],
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column >= 4:  # the record id and the words may be longer than their column
                    item.setToolTip(plain_tooltip(text))
                self.table.setItem(index, column, item)
        for column in range(4):  # the time, who, action and table whole; the record id is long
            self.table.resizeColumnToContents(column)
        self.state.setText(
            self.tr("{count} entries (the newest {shown} shown)").format(
                count=len(rows), shown=SHOWN
            )
            if len(rows) == SHOWN
            else self.tr("{count} entries").format(count=len(rows))
        )

    def verify(self) -> int | None:
        """The chain's links, then the records of its end kept outside the table; returns the
        entry where a link is broken."""
        broken = audit.verify_chain(self.database)
        findings = (
            []
            if self.database.path is None
            else anchors.anchor_findings(self.database.conn, self.database.path, self.backup_folder)
        )
        if broken is not None:
            text = self.tr("The chain is broken at entry {seq}: the log was changed there.")
            text = text.format(seq=broken)
        elif findings:
            text = "\n".join(
                [self.tr("Every link of the chain holds, but:")]
                + [render_error(finding) for finding in findings]
            )
        else:
            text = self.tr("The chain holds: no entry was changed or removed outside the program.")
        self.state.setText(text)
        return broken

    def export(self, path=None) -> int | None:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the audit log"), "审计日志.csv", self.tr("CSV (*.csv)")
            )
            if not path:
                return None
        count = audit.export_csv(self.database, path, **self.filters())
        self.state.setText(self.tr("Exported {count} entries to {path}").format(
            count=count, path=path))  # fmt: skip
        self.fill()
        return count
