"""A new warning in under 30 seconds: five fields, the rest can follow.

While the mobile or ID number is typed, residents already on record with the same number are
offered; the officer links the warning to one of them or keeps "a new resident" (two people
may share a family phone). Nothing is linked without that choice.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue
from desktop.core.errors import OutreachError
from desktop.core.privacy import mask_mobile, mask_name
from desktop.storage import residents as resident_store
from desktop.storage import warnings as warning_store
from desktop.storage.database import META_CURRENT_OFFICER, Database
from desktop.ui.labels import catalogue_label
from desktop.ui.messages import render_error
from desktop.ui.widgets import error_label, finish_form


class IntakeDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("New warning"))
        self.setMinimumWidth(560)
        self.received = QDateTimeEdit(QDateTime.currentDateTime())
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received.setCalendarPopup(True)
        self.source = QComboBox()
        for code in catalogue.WARNING_SOURCES:
            self.source.addItem(catalogue_label(catalogue.WARNING_SOURCES, code), code)
        self.level = QComboBox()
        for code in catalogue.WARNING_LEVELS:
            self.level.addItem(catalogue_label(catalogue.WARNING_LEVELS, code), code)
        self.name = QLineEdit()
        self.mobile = QLineEdit()
        self.id_number = QLineEdit()
        self.address = QLineEdit()
        self.fraud_type = QComboBox()
        self.fraud_type.addItem(self.tr("(not known yet)"), "")
        for code in catalogue.FRAUD_TYPES:
            self.fraud_type.addItem(catalogue_label(catalogue.FRAUD_TYPES, code), code)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 5.2万 or 52000"))
        self.matches = QListWidget()
        self.matches.setMaximumHeight(90)
        self.error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("Received at *"), self.received)
        form.addRow(self.tr("Source *"), self.source)
        form.addRow(self.tr("Level *"), self.level)
        form.addRow(self.tr("Resident's name *"), self.name)
        form.addRow(self.tr("Mobile *"), self.mobile)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Suspected fraud"), self.fraud_type)
        form.addRow(self.tr("Amount at risk"), self.amount)
        form.addRow(self.tr("Already on record?"), self.matches)
        finish_form(
            self,
            form,
            self.error,
            on_accept=self.save,
            buttons=QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
        )
        self.mobile.editingFinished.connect(self.look_for_matches)
        self.id_number.editingFinished.connect(self.look_for_matches)
        self.look_for_matches()

    def look_for_matches(self) -> None:
        from desktop.core.validate import normalize_id_number, normalize_mobile

        def clean(function, value):
            try:
                return function(value) if value.strip() else None
            except OutreachError:
                return None

        found = resident_store.find_matches(
            self.database,
            id_number=clean(normalize_id_number, self.id_number.text()),
            mobile=clean(normalize_mobile, self.mobile.text()),
        )
        self.matches.clear()
        new = QListWidgetItem(self.tr("A new resident"))
        new.setData(256, None)
        self.matches.addItem(new)
        for match in found:
            reason = (
                self.tr("same ID number") if match.reason == "id_number" else self.tr("same mobile")
            )
            text = self.tr("{name} · {mobile} · {count} warnings · {reason}").format(
                name=mask_name(match.name),
                mobile=mask_mobile(match.mobile or ""),
                count=match.warnings,
                reason=reason,
            )
            item = QListWidgetItem(text)
            item.setData(256, match.id)
            self.matches.addItem(item)
        self.matches.setCurrentRow(0)  # offered, never forced

    def chosen_resident(self) -> str | None:
        item = self.matches.currentItem()
        return item.data(256) if item is not None else None

    def save(self) -> bool:
        values = {
            "received_at": self.received.dateTime().toPython().astimezone(),
            "source": self.source.currentData(),
            "level": self.level.currentData(),
            "name": self.name.text(),
            "mobile": self.mobile.text(),
            "id_number": self.id_number.text(),
            "address": self.address.text(),
            "fraud_type": self.fraud_type.currentData(),
            "amount_at_risk": self.amount.text(),
            "officer_id": self.database.get_meta(META_CURRENT_OFFICER) or None,
        }
        try:
            self.saved_id = warning_store.intake(
                self.database, values, resident_id=self.chosen_resident()
            )
        except OutreachError as exc:
            self.error.setText(render_error(exc))
            self.error.show()
            return False
        self.accept()
        return True


class TransferDialog(QDialog):
    """Whom to hand a case to, and why."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        from desktop.storage import areas as area_store

        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer the case"))
        self.officer = QComboBox()
        for officer in area_store.list_officers(database):
            self.officer.addItem(f"{officer['name']} · {officer['unit']}", officer["id"])
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the resident lives in another station's area"))
        form = QFormLayout()
        form.addRow(self.tr("To"), self.officer)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
