"""A new warning in under 30 seconds: five fields, the rest can follow.

While the mobile or ID number is typed, residents already on record with the same number are
offered; the officer links the warning to one of them or keeps "a new resident" (two people
may share a family phone). Nothing is linked without that choice.

The same dialog fills in the rest later ("Details…" in the case view), and the small dialogs
of the case view live here too: hand-over, correcting an attempt, a resident's tags.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from desktop.core import catalogue, clock
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.core.privacy import mask_address, mask_id_number, mask_mobile, mask_name
from desktop.db.database import META_STATION_NAME, Database
from desktop.domain import officers as officer_store
from desktop.domain import residents as resident_store
from desktop.domain import warnings as warning_store
from desktop.ui.labels import catalogue_label, label
from desktop.ui.widgets import (
    AreaPicker,
    error_label,
    finish_form,
    from_station_qdatetime,
    plain_label,
    show_problem,
    station_qdatetime,
)

NOBODY_YET = QT_TRANSLATE_NOOP("IntakeDialog", "(nobody yet)")


def officer_choice(database: Database, box: QComboBox, chosen: str | None) -> None:
    """Fill ``box`` with the current officers (and "nobody yet"), choosing ``chosen``."""
    from PySide6.QtCore import QCoreApplication

    box.addItem(QCoreApplication.translate("IntakeDialog", NOBODY_YET), None)
    for officer in officer_store.list_officers(database):
        unit = f" · {officer.unit}" if officer.unit else ""
        box.addItem(f"{officer.name}{unit}", officer.id)
    box.setCurrentIndex(max(box.findData(chosen), 0) if chosen else 0)


class IntakeDialog(QDialog):
    """A new warning — or, given ``warning_id``, the details of one to fill in later."""

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, warning_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.warning_id = warning_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Case details") if warning_id else self.tr("New warning"))
        self.setMinimumWidth(560)
        self.received = QDateTimeEdit(station_qdatetime(clock.now()))
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
        self.reference = QLineEdit()
        self.community = AreaPicker(database, levels=("community",))
        self.officer = QComboBox()
        officer_choice(database, self.officer, officer_store.current_officer(database))
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
        form.addRow(self.tr("Community"), self.community)
        form.addRow(self.tr("Suspected fraud"), self.fraud_type)
        form.addRow(self.tr("Amount at risk"), self.amount)
        form.addRow(self.tr("Reference number"), self.reference)
        form.addRow(self.tr("Officer"), self.officer)
        form.addRow(self.tr("Already on record?"), self.matches)
        finish_form(
            self,
            form,
            self.error,
            on_accept=self.save,
            buttons=QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
        )
        if warning_id is not None:
            self._show_stored(form)
            return
        self.mobile.editingFinished.connect(self.look_for_matches)
        self.id_number.editingFinished.connect(self.look_for_matches)
        self.look_for_matches()

    def _show_stored(self, form: QFormLayout) -> None:
        """Edit mode: the stored values, with what intake fixed (time, source, level, name,
        mobile) shown but not changed here."""
        from desktop.core.validate import format_amount_fen

        warning = warning_store.get_warning(self.database, self.warning_id)
        resident = resident_store.get_resident(self.database, warning.resident_id)
        self.received.setDateTime(station_qdatetime(warning.received_at))
        self.source.setCurrentIndex(self.source.findData(warning.source))
        self.level.setCurrentIndex(self.level.findData(warning.level))
        self.name.setText(mask_name(resident.name))
        self.mobile.setText(mask_mobile(resident.mobile))
        for fixed in (self.received, self.source, self.level, self.name, self.mobile):
            fixed.setEnabled(False)
        self.id_number.setPlaceholderText(
            self.tr("on record: {masked}").format(masked=mask_id_number(resident.id_number))
            if resident.id_number
            else ""
        )
        self.address.setPlaceholderText(
            self.tr("on record: {masked}").format(masked=mask_address(resident.address))
            if resident.address
            else ""
        )
        self.community.set_area_id(resident.area_id)
        self.fraud_type.setCurrentIndex(max(self.fraud_type.findData(warning.fraud_type), 0))
        if warning.amount_at_risk is not None:
            self.amount.setText(format_amount_fen(warning.amount_at_risk))
        self.reference.setText(warning.reference_number)
        self.officer.setCurrentIndex(max(self.officer.findData(warning.officer_id), 0))
        form.setRowVisible(self.matches, False)

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
            text = self.tr(
                "{name} · {mobile} · %n warning(s) · {reason}", "", match.warnings
            ).format(
                name=mask_name(match.name),
                mobile=mask_mobile(match.mobile or ""),
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
        if self.warning_id is not None:
            return self._save_details()
        values = {
            "received_at": from_station_qdatetime(self.received.dateTime()),
            "source": self.source.currentData(),
            "level": self.level.currentData(),
            "name": self.name.text(),
            "mobile": self.mobile.text(),
            "id_number": self.id_number.text(),
            "address": self.address.text(),
            "fraud_type": self.fraud_type.currentData(),
            "amount_at_risk": self.amount.text(),
            "reference_number": self.reference.text(),
            "officer_id": self.officer.currentData(),
        }
        try:
            values["area_id"] = self.community.checked_area_id()
            self.saved_id = warning_store.intake(
                self.database, values, resident_id=self.chosen_resident()
            )
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.accept()
        return True

    def _save_details(self) -> bool:
        """Only what was typed replaces the masked ID number and address on record."""
        values = {
            "fraud_type": self.fraud_type.currentData(),
            "amount_at_risk": self.amount.text(),
            "reference_number": self.reference.text(),
            "officer_id": self.officer.currentData(),
        }
        for key, field in (("id_number", self.id_number), ("address", self.address)):
            if field.text().strip():
                values[key] = field.text()
        try:
            values["area_id"] = self.community.checked_area_id()
            warning_store.update_details(self.database, self.warning_id, values)
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.saved_id = self.warning_id
        self.accept()
        return True


class TransferDialog(QDialog):
    """Whom to hand a case to — an officer, another station, or both — and why."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer the case"))
        self.setMinimumWidth(420)
        self.officer = QComboBox()
        officer_choice(database, self.officer, None)
        self.officer.setItemText(0, self.tr("(the receiving station decides)"))
        self.station = QComboBox()
        self.station.setEditable(True)
        own = database.get_meta(META_STATION_NAME) or ""
        self.station.addItem(own or self.tr("(this station)"), "")
        for name in warning_store.known_stations(database):
            if name != own:
                self.station.addItem(name, name)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the resident lives in another station's area"))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("To officer"), self.officer)
        form.addRow(self.tr("To station"), self.station)
        form.addRow(self.tr("Reason *"), self.reason)
        finish_form(self, form, self.error, on_accept=self.accept)

    def chosen_station(self) -> str:
        """The station typed or chosen; this station's own entry means "stays here"."""
        text = self.station.currentText().strip()
        index = self.station.findText(text)
        return self.station.itemData(index) if index >= 0 else text


class ContactDialog(QDialog):
    """Correct a logged attempt: when it happened, its result, and notes."""

    def __init__(self, database: Database, contact_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.contact_id = contact_id
        contact = warning_store.get_contact(database, contact_id)
        self.setWindowTitle(self.tr("Correct the attempt"))
        self.at = QDateTimeEdit(station_qdatetime(contact.at))
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.result = QComboBox()
        for code in warning_store.RESULTS_BY_METHOD[contact.method]:
            self.result.addItem(catalogue_label(catalogue.CONTACT_RESULTS, code), code)
        self.result.setCurrentIndex(self.result.findData(contact.result))
        self.notes = QPlainTextEdit(contact.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(
            self.tr("Way"),
            plain_label(catalogue_label(catalogue.CONTACT_METHODS, contact.method)),
        )
        form.addRow(self.tr("When"), self.at)
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("Notes"), self.notes)
        finish_form(self, form, self.error, on_accept=self.save)

    def save(self) -> bool:
        try:
            warning_store.update_contact(
                self.database,
                self.contact_id,
                at=from_station_qdatetime(self.at.dateTime()),
                result=self.result.currentData(),
                notes=self.notes.toPlainText(),
            )
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.accept()
        return True


class AttemptDialog(QDialog):
    """Log an attempt that happened but was not logged at the time (a call made from the car,
    a dissuasion at the door): the way, the result, when, and notes. It opens on the way and
    result given (a call that reached the resident, unless told) at the moment it opens."""

    def __init__(
        self,
        database: Database,
        warning_id: str,
        parent: QWidget | None = None,
        *,
        method: str = "phone",
        result: str = "reached",
        officer_id: str | None = None,
    ):
        super().__init__(parent)
        self.database = database
        self.warning_id = warning_id
        self.officer_id = officer_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Log an attempt that happened"))
        self.method = QComboBox()
        for code in warning_store.RESULTS_BY_METHOD:
            self.method.addItem(catalogue_label(catalogue.CONTACT_METHODS, code), code)
        self.result = QComboBox()
        self.at = QDateTimeEdit(station_qdatetime(clock.now()))
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Way"), self.method)
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("When"), self.at)
        form.addRow(self.tr("Notes"), self.notes)
        finish_form(self, form, self.error, on_accept=self.save)
        self.method.currentIndexChanged.connect(lambda _index: self._fill_results())
        self.method.setCurrentIndex(max(self.method.findData(method), 0))
        self._fill_results()
        self.result.setCurrentIndex(max(self.result.findData(result), 0))

    def _fill_results(self) -> None:
        """Only the results the chosen way can have (a text message is sent, never met)."""
        chosen = self.result.currentData()
        self.result.clear()
        for code in warning_store.RESULTS_BY_METHOD[self.method.currentData()]:
            self.result.addItem(catalogue_label(catalogue.CONTACT_RESULTS, code), code)
        self.result.setCurrentIndex(max(self.result.findData(chosen), 0))

    def save(self) -> bool:
        try:
            self.saved_id = warning_store.record_contact(
                self.database,
                self.warning_id,
                method=self.method.currentData(),
                result=self.result.currentData(),
                at=from_station_qdatetime(self.at.dateTime()),
                officer_id=self.officer_id,
                notes=self.notes.toPlainText(),
            )
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.accept()
        return True


TAG_LABELS = {
    "high_risk": QT_TRANSLATE_NOOP("Labels", "High risk (by rule)"),
    "elderly": QT_TRANSLATE_NOOP("Labels", "Elderly"),
    "lives_alone": QT_TRANSLATE_NOOP("Labels", "Lives alone"),
    "student": QT_TRANSLATE_NOOP("Labels", "Student"),
    "previously_defrauded": QT_TRANSLATE_NOOP("Labels", "Defrauded before"),
    "family_alerted": QT_TRANSLATE_NOOP("Labels", "Family alerted"),
}


def tag_text(tag: str) -> str:
    return label(TAG_LABELS, tag)


class TagsDialog(QDialog):
    """A resident's tags: the usual ones as boxes, others typed; high-risk is the rule's."""

    def __init__(self, database: Database, resident_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.resident_id = resident_id
        self.setWindowTitle(self.tr("Resident's tags"))
        self.setMinimumWidth(380)
        current = resident_store.tags_of(database, resident_id)
        self.boxes: dict[str, QCheckBox] = {}
        form = QFormLayout()
        rule = QLabel(
            tag_text(resident_store.HIGH_RISK_TAG)
            if resident_store.HIGH_RISK_TAG in current
            else self.tr("Not high-risk (two warnings in twelve months make it so)")
        )
        form.addRow(self.tr("By rule"), rule)
        for code in resident_store.SUGGESTED_TAGS:
            box = QCheckBox(tag_text(code))
            box.setChecked(code in current)
            self.boxes[code] = box
            form.addRow("", box)
        known = {resident_store.HIGH_RISK_TAG, *resident_store.SUGGESTED_TAGS}
        self.others = QLineEdit("、".join(tag for tag in current if tag not in known))
        self.others.setPlaceholderText(self.tr("other tags, separated by 、 or commas"))
        form.addRow(self.tr("Other"), self.others)
        self.error = error_label()
        finish_form(self, form, self.error, on_accept=self.save)

    def chosen(self) -> list[str]:
        typed = self.others.text()
        for separator in ("，", ",", "；", ";"):
            typed = typed.replace(separator, "、")
        return [code for code, box in self.boxes.items() if box.isChecked()] + [
            part.strip() for part in typed.split("、") if part.strip()
        ]

    def save(self) -> bool:
        try:
            resident_store.set_tags(self.database, self.resident_id, self.chosen())
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.accept()
        return True
