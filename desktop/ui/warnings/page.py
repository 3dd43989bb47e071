"""预警劝阻: the queue of open warnings with their clocks, the case view and intake.

The queue shows how long each warning has waited, in large type, and marks the ones past the
station's time limits in words as well as colour. The case view logs an attempt with one
click (stamped now, by the officer using this laptop) and closes the case with its outcome.
Personal data is masked here as in every list.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.core.privacy import mask_mobile, mask_name
from desktop.core.rules import STREAK_DEFINITION, overdue
from desktop.storage import warnings as warning_store
from desktop.storage.database import META_CURRENT_OFFICER, Database, open_database
from desktop.storage.records import get_record
from desktop.ui.labels import catalogue_label
from desktop.ui.messages import render_error
from desktop.ui.tasks import Task, TaskRunner
from desktop.ui.widgets import FillWhenShown, Retranslating, error_label

ID_ROLE = Qt.ItemDataRole.UserRole
_C = "Warnings"
# The one-click buttons of the case view: (method, result, label).
QUICK_CONTACTS = (
    ("phone", "busy", QT_TRANSLATE_NOOP("Warnings", "Called – busy")),
    ("phone", "no_answer", QT_TRANSLATE_NOOP("Warnings", "Called – no answer")),
    ("phone", "reached", QT_TRANSLATE_NOOP("Warnings", "Called – reached")),
    ("phone", "refused", QT_TRANSLATE_NOOP("Warnings", "Called – refused")),
    ("visit", "met", QT_TRANSLATE_NOOP("Warnings", "Visited – met")),
    ("visit", "not_home", QT_TRANSLATE_NOOP("Warnings", "Visited – not at home")),
    ("family", "contacted", QT_TRANSLATE_NOOP("Warnings", "Family contacted")),
    ("sms", "sent", QT_TRANSLATE_NOOP("Warnings", "SMS sent")),
    ("bank", "contacted", QT_TRANSLATE_NOOP("Warnings", "Bank contacted")),
)


def tr(text: str, context: str = _C) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def elapsed(since: datetime, now: datetime) -> str:
    """Hours and minutes waited, e.g. 1:05 (days shown as 2d 03:10)."""
    minutes = max(int((now - since).total_seconds() // 60), 0)
    days, minutes = divmod(minutes, 24 * 60)
    clock = f"{minutes // 60}:{minutes % 60:02d}"
    return f"{days}d {clock}" if days else clock


class WarningsPage(FillWhenShown, Retranslating, QWidget):
    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.items: list[warning_store.QueueItem] = []
        self.limits: dict = {}
        self.selected_id: str | None = None
        self._generation = 0  # which reading of the queue is the latest
        self.loading = False

        self.new_button = QPushButton()
        self.import_button = QPushButton()
        self.count = QLabel()
        self.streak = QLabel()
        streak_font = QFont(self.streak.font())
        streak_font.setBold(True)
        streak_font.setPointSizeF(streak_font.pointSizeF() * 1.2)
        self.streak.setFont(streak_font)
        self.queue = QTableWidget(0, 7)
        self.queue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.verticalHeader().hide()
        self.queue.verticalHeader().setDefaultSectionSize(34)
        self.queue.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.clock_font = QFont(self.font())
        self.clock_font.setPointSizeF(self.clock_font.pointSizeF() * 1.6)
        self.clock_font.setBold(True)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline = QListWidget()
        self.quick_buttons: list[QPushButton] = []
        quick = QGridLayout()
        for index, (method, result, _label) in enumerate(QUICK_CONTACTS):
            button = QPushButton()
            button.clicked.connect(lambda _=False, m=method, r=result: self.log_contact(m, r))
            self.quick_buttons.append(button)
            quick.addWidget(button, index // 3, index % 3)
        self.outcome = QComboBox()
        self.amount_protected = QLineEdit()
        self.amount_lost = QLineEdit()
        self.stop_payment = QLineEdit()
        self.close_button = QPushButton()
        self.notice_button = QPushButton()
        self.record_button = QPushButton()
        self.transfer_button = QPushButton()
        self.follow_up_button = QPushButton()
        self.error = error_label()
        self.follow_ups = QListWidget()
        self.follow_ups.setMaximumHeight(70)
        self.outcome_form = QFormLayout()
        self.outcome_labels = [QLabel() for _ in range(4)]
        for label, field in zip(
            self.outcome_labels,
            (self.outcome, self.amount_protected, self.amount_lost, self.stop_payment),
            strict=True,
        ):
            self.outcome_form.addRow(label, field)
        case = QWidget()
        case_layout = QVBoxLayout(case)
        case_layout.addWidget(self.details)
        case_layout.addLayout(quick)
        case_layout.addWidget(self.timeline, 1)
        case_layout.addLayout(self.outcome_form)
        case_buttons = QHBoxLayout()
        case_buttons.addWidget(self.close_button, 1)
        case_buttons.addWidget(self.notice_button)
        case_buttons.addWidget(self.record_button)
        case_buttons.addWidget(self.transfer_button)
        case_layout.addLayout(case_buttons)
        case_layout.addWidget(self.error)
        case_layout.addWidget(self.follow_ups)
        case_layout.addWidget(self.follow_up_button)
        case.setMinimumWidth(380)

        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.streak)
        top.addSpacing(16)
        top.addWidget(self.import_button)
        top.addWidget(self.new_button)
        splitter = QSplitter()
        splitter.addWidget(self.queue)
        splitter.addWidget(case)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.clock = QTimer(self)
        self.clock.setInterval(30_000)  # the waiting times move on while the page is open
        self.clock.timeout.connect(self._tick)
        self.new_button.clicked.connect(self.new_warning)
        self.import_button.clicked.connect(self.import_list)
        self.queue.itemSelectionChanged.connect(self._selection_changed)
        self.close_button.clicked.connect(self.close_case)
        self.notice_button.clicked.connect(self.print_notice)
        self.record_button.clicked.connect(self.print_record)
        self.transfer_button.clicked.connect(lambda: self.transfer())
        self.follow_up_button.clicked.connect(lambda: self.complete_follow_up())
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New warning…"))
        self.import_button.setText(self.tr("Import warning list…"))
        self.queue.setHorizontalHeaderLabels(
            [
                self.tr("Waiting"),
                self.tr("Level"),
                self.tr("Source"),
                self.tr("Resident"),
                self.tr("Mobile"),
                self.tr("Contacts"),
                self.tr("Status"),
            ]
        )
        for button, (_m, _r, label) in zip(self.quick_buttons, QUICK_CONTACTS, strict=True):
            button.setText(tr(label))
        current = self.outcome.currentData()
        self.outcome.clear()
        self.outcome.addItem(self.tr("(choose the outcome)"), None)
        for code in catalogue.OUTCOMES:
            self.outcome.addItem(catalogue_label(catalogue.OUTCOMES, code), code)
        self.outcome.setCurrentIndex(max(self.outcome.findData(current), 0))
        for label, text in zip(
            self.outcome_labels,
            (
                self.tr("Outcome"),
                self.tr("Money protected"),
                self.tr("Money lost"),
                self.tr("Stop-payment amount"),
            ),
            strict=True,
        ):
            label.setText(text)
        for field in (self.amount_protected, self.amount_lost, self.stop_payment):
            field.setPlaceholderText(self.tr("e.g. 5.2万 or 52000"))
        self.close_button.setText(self.tr("Close the case"))
        self.notice_button.setText(self.tr("Print notice…"))
        self.record_button.setText(self.tr("Print record…"))
        self.transfer_button.setText(self.tr("Transfer…"))
        self.follow_up_button.setText(self.tr("Record the chosen follow-up…"))
        self.streak.setToolTip(tr(STREAK_DEFINITION, "Definitions"))
        self.reload()

    # -- data ----------------------------------------------------------------------------------
    def set_database(self, database: Database) -> None:
        self.database = database
        self.selected_id = None
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.clock.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.clock.stop()
        super().hideEvent(event)

    def _fill(self) -> None:
        """Read the queue on the worker: a city's database holds thousands of open cases and
        a million closed ones, and the window must not wait for them."""
        self._generation += 1
        generation = self._generation
        db_path = self.database.path

        def work(progress):
            database = open_database(db_path, create=False)
            try:
                today = datetime.now().astimezone().date()
                return (
                    generation,
                    warning_store.open_queue(database),
                    warning_store.zero_loss_streak(database, today),
                    warning_store.time_limits(database),
                )
            finally:
                database.close()

        self.loading = True
        task = Task(work, self)
        task.succeeded.connect(self._loaded)
        self.runner.start(task)

    def _loaded(self, result) -> None:
        generation, items, streak, limits = result
        if generation != self._generation:
            return  # a newer reading is on its way
        self.loading = False
        self.items, self.limits = items, limits
        self.queue.blockSignals(True)
        self.queue.setRowCount(len(items))
        for row, item in enumerate(items):
            values = ["", catalogue_label(catalogue.WARNING_LEVELS, item.level),
                      catalogue_label(catalogue.WARNING_SOURCES, item.source),
                      mask_name(item.resident_name), mask_mobile(item.mobile),
                      str(item.contacts), ""]  # fmt: skip
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, item.id)
                if column == 0:
                    cell.setFont(self.clock_font)
                self.queue.setItem(row, column, cell)
        self._tick()
        self.queue.resizeColumnsToContents()
        self.queue.blockSignals(False)
        self.streak.setText(
            self.tr("Zero-loss streak: {days} days").format(days=streak)
            if streak is not None
            else ""
        )
        ids = [item.id for item in items]
        if self.selected_id in ids:
            self.queue.selectRow(ids.index(self.selected_id))
        self._show_case()

    def _tick(self) -> None:
        """Move the waiting clocks and late marks on, from what was read (no database)."""
        now = datetime.now().astimezone()
        late_rows = 0
        for row, item in enumerate(self.items):
            late = overdue(
                item.received_at, item.first_contact_at, item.reached,
                self.limits[item.level], now,
            )  # fmt: skip
            late_rows += late is not None
            status = self.tr("New") if item.status == "new" else self.tr("In progress")
            if late == "contact":
                status = self.tr("LATE: not contacted")
            elif late == "visit":
                status = self.tr("LATE: no visit")
            self.queue.item(row, 0).setText(elapsed(item.received_at, now))
            self.queue.item(row, 6).setText(status)
            background = QBrush(QColor("#ffd6d6")) if late else QBrush()
            for column in range(self.queue.columnCount()):
                self.queue.item(row, column).setBackground(background)
        self.count.setText(
            self.tr("{open} open warnings, {late} past their time limit").format(
                open=len(self.items), late=late_rows
            )
        )

    def _selection_changed(self) -> None:
        rows = self.queue.selectionModel().selectedRows()
        self.selected_id = self.items[rows[0].row()].id if rows else None
        self.error.hide()
        self._show_case()

    def _show_case(self) -> None:
        enabled = self.selected_id is not None
        for widget in (
            *self.quick_buttons, self.outcome, self.close_button, self.notice_button,
            self.record_button, self.transfer_button, self.follow_up_button,
        ):  # fmt: skip
            widget.setEnabled(enabled)
        self.timeline.clear()
        self.follow_ups.clear()
        if not enabled:
            self.details.setText(self.tr("Choose a warning in the queue."))
            return
        warning = get_record(self.database, "warnings", self.selected_id)
        resident = get_record(self.database, "residents", warning["resident_id"])
        self.details.setText(
            "<b>{name}</b> {mobile}<br>{received}: {when}<br>{type_label}: {fraud}".format(
                name=mask_name(resident["name"]),
                mobile=mask_mobile(resident["mobile"] or ""),
                received=self.tr("Received"),
                when=warning["received_at"][:16].replace("T", " "),
                type_label=self.tr("Suspected fraud"),
                fraud=catalogue_label(catalogue.FRAUD_TYPES, warning["fraud_type"]) or "—",
            )
        )
        for contact in warning_store.contact_timeline(self.database, self.selected_id):
            label = self.tr("{way}: {result}").format(
                way=catalogue_label(catalogue.CONTACT_METHODS, contact["method"]),
                result=catalogue_label(catalogue.CONTACT_RESULTS, contact["result"]),
            )
            officer = f" · {contact['officer_name']}" if contact["officer_name"] else ""
            self.timeline.addItem(f"{contact['at'][11:16]}  {label}{officer}")
        for follow_up in warning_store.follow_ups_of(self.database, self.selected_id):
            done = self.tr("done") if follow_up["done_at"] else self.tr("due")
            entry = QListWidgetItem(self.tr("Follow-up {day}: {state}").format(
                day=follow_up["due_on"], state=done))  # fmt: skip
            entry.setData(ID_ROLE, follow_up["id"])
            self.follow_ups.addItem(entry)

    # -- actions -------------------------------------------------------------------------------
    def log_contact(self, method: str, result: str) -> None:
        if self.selected_id is None:
            return
        try:
            warning_store.record_contact(
                self.database,
                self.selected_id,
                method=method,
                result=result,
                officer_id=self.database.get_meta(META_CURRENT_OFFICER) or None,
            )
        except OutreachError as exc:
            self.error.setText(render_error(exc))
            self.error.show()
            return
        self.after_change()

    def close_case(self) -> bool:
        if self.selected_id is None:
            return False
        try:
            warning_store.close_warning(
                self.database,
                self.selected_id,
                outcome=self.outcome.currentData(),
                amount_protected=self.amount_protected.text(),
                amount_lost=self.amount_lost.text(),
                stop_payment_amount=self.stop_payment.text(),
            )
        except OutreachError as exc:
            self.error.setText(render_error(exc))
            self.error.show()
            return False
        self.error.hide()
        for field in (self.amount_protected, self.amount_lost, self.stop_payment):
            field.clear()
        self.outcome.setCurrentIndex(0)
        self.after_change()
        return True

    def print_notice(self):
        return self._preview("notice")

    def print_record(self):
        return self._preview("record")

    def _preview(self, kind: str):
        if self.selected_id is None:
            return None
        from desktop.ui.print_preview import preview_warning_document

        return preview_warning_document(self, self.database, self.runner, kind, self.selected_id)

    def complete_follow_up(self, result: str | None = None) -> bool:
        """Record the chosen follow-up as done; asks what it found unless ``result`` is given."""
        item = self.follow_ups.currentItem()
        if item is None:
            return False
        if result is None:
            from PySide6.QtWidgets import QInputDialog

            result, ok = QInputDialog.getText(
                self, self.tr("Follow-up"), self.tr("What did the follow-up find?")
            )
            if not ok:
                return False
        try:
            warning_store.complete_follow_up(self.database, item.data(ID_ROLE), result=result)
        except OutreachError as exc:
            self.error.setText(render_error(exc))
            self.error.show()
            return False
        self._show_case()
        self.changed.emit()
        return True

    def transfer(self, officer_id: str | None = None, reason: str | None = None) -> bool:
        """Hand the case to another officer; asks whom and why unless both are given."""
        if self.selected_id is None:
            return False
        if officer_id is None or reason is None:
            from desktop.ui.warnings.intake import TransferDialog

            dialog = TransferDialog(self.database, self)
            if not dialog.exec():
                dialog.deleteLater()
                return False
            officer_id, reason = dialog.officer.currentData(), dialog.reason.text()
            dialog.deleteLater()
        try:
            warning_store.transfer_warning(self.database, self.selected_id, officer_id, reason)
        except OutreachError as exc:
            self.error.setText(render_error(exc))
            self.error.show()
            return False
        self.after_change()
        return True

    def import_list(self):
        from desktop.ui.import_dialog import open_import

        return open_import(self, self.database.path, self.runner, "warnings", self.after_change)

    def new_warning(self):
        from desktop.ui.warnings.intake import IntakeDialog

        dialog = IntakeDialog(self.database, self)
        if dialog.exec():
            self.selected_id = dialog.saved_id
            self.after_change()
        dialog.deleteLater()
