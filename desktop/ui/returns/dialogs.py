"""The small dialogs of a person abroad: listing (and its details later), a step of the path,
a contact, a measure, a list's notice deadline. Each calls one gateway function; what the
gateway refuses is shown in the dialog's error line, its field given the focus, and nothing is
written."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from desktop.core import catalogue, clock
from desktop.core.entities import ReturnCase, ReturnContact
from desktop.core.errors import OutreachError
from desktop.core.privacy import mask_mobile, mask_name
from desktop.db.database import Database
from desktop.domain import officers as officer_store
from desktop.domain import residents as resident_store
from desktop.domain import return_cases as return_store
from desktop.ui.labels import catalogue_label
from desktop.ui.returns.model import place_text
from desktop.ui.warnings.intake import officer_choice
from desktop.ui.widgets import (
    AreaPicker,
    error_label,
    finish_form,
    from_station_qdatetime,
    plain_label,
    show_problem,
    station_qdatetime,
    station_today_qdate,
)

DAY_FORMAT = "yyyy-MM-dd"


def catalogue_choice(entries: dict, chosen: str | None = None, *, none: str = "") -> QComboBox:
    """A box of a catalogue's entries in the UI's language (``none``: a first empty entry)."""
    box = QComboBox()
    if none:
        box.addItem(none, None)
    for code in entries:
        box.addItem(catalogue_label(entries, code), code)
    box.setCurrentIndex(max(box.findData(chosen), 0))
    return box


def day_field(day: date | None = None) -> QDateEdit:
    """A required day, today unless given, picked from a calendar."""
    field = QDateEdit(QDate(day.year, day.month, day.day) if day else station_today_qdate())
    field.setDisplayFormat(DAY_FORMAT)
    field.setCalendarPopup(True)
    return field


def day_value(field: QDateEdit) -> date:
    chosen = field.date()
    return date(chosen.year(), chosen.month(), chosen.day())


def optional_day(day: date | None, hint: str) -> QLineEdit:
    """A day that may be left empty, typed (2026-11-05, 2026年11月5日): the gateway reads it."""
    field = QLineEdit(day.isoformat() if day else "")
    field.setPlaceholderText(hint)
    return field


class GatewayDialog(QDialog):
    """A form dialog whose ``fields`` map the gateway's field names to their widgets: a
    refusal naming a field puts the cursor there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error_label()
        self.fields: dict[str, QWidget] = {}

    def refused(self, exc: OutreachError) -> bool:
        field = self.fields.get(getattr(exc, "field", ""))
        if field is not None:
            field.setFocus()
        return show_problem(self.error, exc)


class ListingDialog(GatewayDialog):
    """List a person abroad — or, given ``case``, correct and fill in its details."""

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, case: ReturnCase | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.case = case
        self.saved_id: str | None = None
        self.already_listed: str | None = None  # the entry the gateway named as the person's
        self.open_instead: str | None = None  # that entry, when the officer chose to open it
        self.setWindowTitle(
            self.tr("Details of the person abroad") if case else self.tr("List a person abroad")
        )
        self.setMinimumWidth(600)
        hint = self.tr("e.g. 2026-11-05, may stay empty")
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.mobile = QLineEdit()
        self.address = QLineEdit()
        self.matches = QListWidget()
        self.matches.setMaximumHeight(80)
        self.location = QComboBox()
        for code in return_store.locations(database):
            self.location.addItem(place_text(code), code)
        self.left_on = optional_day(case.left_on if case else None, hint)
        self.departure = catalogue_choice(
            catalogue.DEPARTURES, case.departure if case else "unknown"
        )
        self.lead_source = catalogue_choice(
            catalogue.RETURN_LEAD_SOURCES, case.lead_source if case else None
        )
        self.category = catalogue_choice(
            catalogue.RETURN_CATEGORIES, case.category if case else None
        )
        self.list_name = QComboBox()
        self.list_name.setEditable(True)
        self.list_name.addItem("")
        self.list_name.addItems(return_store.list_names(database))
        self.list_name.setEditText(case.list_name if case else "")
        self.listed_on = day_field(case.listed_on if case else None)
        self.deadline_on = optional_day(case.deadline_on if case else None, hint)
        self.area = AreaPicker(database, levels=("community",))
        self.residence = AreaPicker(database)
        self.family_name = QLineEdit()
        self.family_relation = QLineEdit(case.family_relation if case else "")
        self.family_phone = QLineEdit()
        self.county_leader = QLineEdit(case.county_leader if case else "")
        self.county_leader_phone = QLineEdit(case.county_leader_phone if case else "")
        self.township_leader = QLineEdit(case.township_leader if case else "")
        self.township_leader_phone = QLineEdit(case.township_leader_phone if case else "")
        self.officer = QComboBox()
        officer_choice(
            database,
            self.officer,
            case.officer_id if case else officer_store.current_officer(database),
        )
        self.village_secretary = QLineEdit(case.village_secretary if case else "")
        self.village_secretary_phone = QLineEdit(case.village_secretary_phone if case else "")
        self.notes = QPlainTextEdit(case.notes if case else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)

        form = QFormLayout()
        if case is None:
            form.addRow(self.tr("Name *"), self.name)
            form.addRow(self.tr("ID number"), self.id_number)
            form.addRow(self.tr("Mobile"), self.mobile)
            form.addRow(self.tr("Address"), self.address)
            form.addRow(self.tr("Already on record?"), self.matches)
        form.addRow(self.tr("Abroad in *"), self.location)
        form.addRow(self.tr("Left on"), self.left_on)
        form.addRow(self.tr("How they left"), self.departure)
        form.addRow(self.tr("Lead from *"), self.lead_source)
        form.addRow(self.tr("Category *"), self.category)
        form.addRow(self.tr("List"), self.list_name)
        form.addRow(self.tr("Listed on *"), self.listed_on)
        form.addRow(self.tr("Notice deadline"), self.deadline_on)
        form.addRow(self.tr("Registered in (community)"), self.area)
        form.addRow(self.tr("Lived in before leaving"), self.residence)
        form.addRow(self.tr("Family member"), self.family_name)
        form.addRow(self.tr("Relation"), self.family_relation)
        form.addRow(self.tr("Family phone"), self.family_phone)
        form.addRow(
            self.tr("County leader"), self._pair(self.county_leader, self.county_leader_phone)
        )
        form.addRow(
            self.tr("Township leader"), self._pair(self.township_leader, self.township_leader_phone)
        )
        form.addRow(self.tr("Station officer"), self.officer)
        form.addRow(
            self.tr("Village secretary"),
            self._pair(self.village_secretary, self.village_secretary_phone),
        )
        form.addRow(self.tr("Notes"), self.notes)
        self.fields = {
            "name": self.name, "id_number": self.id_number, "mobile": self.mobile,
            "address": self.address, "resident": self.matches, "location": self.location,
            "left_on": self.left_on, "departure": self.departure,
            "lead_source": self.lead_source, "category": self.category,
            "list_name": self.list_name, "listed_on": self.listed_on,
            "deadline_on": self.deadline_on, "area": self.area, "area_id": self.area,
            "residence_area_id": self.residence, "family_name": self.family_name,
            "family_relation": self.family_relation, "family_phone": self.family_phone,
            "county_leader": self.county_leader, "county_leader_phone": self.county_leader_phone,
            "township_leader": self.township_leader,
            "township_leader_phone": self.township_leader_phone, "officer_id": self.officer,
            "village_secretary": self.village_secretary,
            "village_secretary_phone": self.village_secretary_phone, "notes": self.notes,
        }  # fmt: skip
        box = finish_form(
            self, form, self.error, on_accept=self.save,
            buttons=QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
        )  # fmt: skip
        self.open_button = box.addButton(
            self.tr("Open that entry"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.hide()
        self.open_button.clicked.connect(self.open_listed)
        if case is not None:
            self._show_stored()
            return
        self.mobile.editingFinished.connect(self.look_for_matches)
        self.id_number.editingFinished.connect(self.look_for_matches)
        self.look_for_matches()

    def _pair(self, name: QLineEdit, phone: QLineEdit) -> QWidget:
        from PySide6.QtWidgets import QHBoxLayout

        name.setPlaceholderText(self.tr("name"))
        phone.setPlaceholderText(self.tr("phone"))
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(name, 3)
        row.addWidget(phone, 2)
        return box

    def _show_stored(self) -> None:
        """What is on record; the family's name and phone stay masked (typed: replaced)."""
        case = self.case
        index = self.location.findData(case.location)
        if index < 0:  # a place no longer offered keeps its stored code
            self.location.addItem(place_text(case.location), case.location)
            index = self.location.count() - 1
        self.location.setCurrentIndex(index)
        self.area.set_area_id(case.area_id)
        self.residence.set_area_id(case.residence_area_id)
        for field, value, masked in (
            (self.family_name, case.family_name, mask_name),
            (self.family_phone, case.family_phone, mask_mobile),
        ):
            if value:
                field.setPlaceholderText(
                    self.tr("on record: {masked}").format(masked=masked(value))
                )

    def look_for_matches(self) -> None:
        """Residents on record with the ID number or mobile typed, offered to link (as a
        warning's intake offers them); "a new resident" stays chosen unless the officer picks."""
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
            item = QListWidgetItem(
                f"{mask_name(match.name)} · {mask_mobile(match.mobile or '')} · {reason}"
            )
            item.setData(256, match.id)
            self.matches.addItem(item)
        self.matches.setCurrentRow(0)

    def chosen_resident(self) -> str | None:
        item = self.matches.currentItem()
        return item.data(256) if item is not None else None

    def details(self) -> dict:
        values = {
            "location": self.location.currentData(),
            "left_on": self.left_on.text().strip(),
            "departure": self.departure.currentData(),
            "lead_source": self.lead_source.currentData(),
            "category": self.category.currentData(),
            "list_name": self.list_name.currentText(),
            "listed_on": day_value(self.listed_on),
            "deadline_on": self.deadline_on.text().strip(),
            "family_relation": self.family_relation.text(),
            "county_leader": self.county_leader.text(),
            "county_leader_phone": self.county_leader_phone.text(),
            "township_leader": self.township_leader.text(),
            "township_leader_phone": self.township_leader_phone.text(),
            "officer_id": self.officer.currentData(),
            "village_secretary": self.village_secretary.text(),
            "village_secretary_phone": self.village_secretary_phone.text(),
            "notes": self.notes.toPlainText(),
        }
        for key, field in (("family_name", self.family_name), ("family_phone", self.family_phone)):
            if self.case is None or field.text().strip():  # a masked value is kept unless typed
                values[key] = field.text()
        values["area_id"] = self.area.checked_area_id()
        values["residence_area_id"] = self.residence.checked_area_id()
        if self.case is not None and values["area_id"] is None:
            del values["area_id"]  # the registration stays; a new listing takes the resident's
        return values

    def open_listed(self) -> None:
        """Leave the form for the entry the person is already on."""
        self.open_instead = self.already_listed
        self.reject()

    def save(self) -> bool:
        self.already_listed = None
        self.open_button.hide()
        try:
            values = self.details()
            if self.case is not None:
                return_store.edit_case(self.database, self.case.id, values)
                self.saved_id = self.case.id
            else:
                values.update(name=self.name.text(), id_number=self.id_number.text(),
                              mobile=self.mobile.text(), address=self.address.text())  # fmt: skip
                self.saved_id = return_store.list_person(
                    self.database, values, resident_id=self.chosen_resident()
                )
        except return_store.AlreadyListed as exc:
            # Offered only when the gateway names the entry; its message says what to do.
            self.already_listed = getattr(exc, "case_id", None) or None
            self.open_button.setVisible(self.already_listed is not None)
            return self.refused(exc)
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True


class StepDialog(GatewayDialog):
    """Record a step of the path on its real day, with what the step needs; a step back asks
    for the correction's reason (the gateway checks)."""

    def __init__(
        self, database: Database, case: ReturnCase, parent: QWidget | None = None, *,
        status: str | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.database = database
        self.case = case
        self.setWindowTitle(self.tr("Record a step"))
        self.setMinimumWidth(440)
        following = return_store.STATUSES.index(case.status) + 1
        wanted = status or return_store.STATUSES[min(following, len(return_store.STATUSES) - 1)]
        self.status = catalogue_choice(catalogue.RETURN_STATUSES, wanted)
        self.on = day_field()
        self.party = catalogue_choice(catalogue.RETURN_PARTIES, case.contacted_party or None)
        self.port = QLineEdit(case.port_of_entry)
        self.port.setPlaceholderText(self.tr("e.g. 磨憨口岸"))
        self.control_kind = catalogue_choice(catalogue.CONTROL_KINDS, case.control_kind or None)
        self.control_ends = optional_day(case.control_ends_on, self.tr("e.g. 2027-02-28"))
        self.close_reason = catalogue_choice(
            catalogue.CLOSE_REASONS, case.close_reason or None, none=self.tr("(choose the reason)")
        )
        self.correction = QLineEdit()
        self.correction.setPlaceholderText(self.tr("only when going back a step"))
        self.form = form = QFormLayout()
        form.addRow(
            self.tr("Now at"), plain_label(catalogue_label(catalogue.RETURN_STATUSES, case.status))
        )
        form.addRow(self.tr("Step"), self.status)
        form.addRow(self.tr("On"), self.on)
        form.addRow(self.tr("Reached"), self.party)
        form.addRow(self.tr("Port of entry"), self.port)
        form.addRow(self.tr("Supervision"), self.control_kind)
        form.addRow(self.tr("Supervision ends"), self.control_ends)
        form.addRow(self.tr("Reason for closing"), self.close_reason)
        form.addRow(self.tr("Correction reason"), self.correction)
        self.fields = {
            **{field: self.on for field in return_store.STEP_DAYS.values()},
            "status": self.status, "party": self.party, "control_kind": self.control_kind,
            "control_ends_on": self.control_ends, "close_reason": self.close_reason,
            "correction_reason": self.correction, "returned_on": self.status,
        }  # fmt: skip
        finish_form(self, form, self.error, on_accept=self.save)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _status_changed(self) -> None:
        status = self.status.currentData()
        self.form.setRowVisible(self.on, status != "to_verify")
        self.form.setRowVisible(self.party, status == "contacted")
        self.form.setRowVisible(self.port, status == "returned")
        self.form.setRowVisible(self.control_kind, status == "under_control")
        self.form.setRowVisible(self.control_ends, status == "under_control")
        self.form.setRowVisible(self.close_reason, status == "closed")
        back = return_store.STATUSES.index(status) < return_store.STATUSES.index(self.case.status)
        self.form.setRowVisible(self.correction, back)

    def save(self) -> bool:
        status = self.status.currentData()
        try:
            return_store.record_step(
                self.database, self.case.id, status, on=day_value(self.on),
                party=self.party.currentData() if status == "contacted" else None,
                port_of_entry=self.port.text() if status == "returned" else "",
                control_kind=self.control_kind.currentData() if status == "under_control" else None,
                control_ends_on=self.control_ends.text().strip() or None
                if status == "under_control" else None,
                close_reason=self.close_reason.currentData() if status == "closed" else None,
                correction_reason=self.correction.text(),
            )  # fmt: skip
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True


class ContactDialog(GatewayDialog):
    """Log a contact with the person or the family — or, given ``contact``, correct its time,
    result or notes."""

    def __init__(
        self, database: Database, case_id: str, parent: QWidget | None = None, *,
        contact: ReturnContact | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.database = database
        self.case_id = case_id
        self.contact = contact
        self.setWindowTitle(self.tr("Correct the contact") if contact else self.tr("Log a contact"))
        self.setMinimumWidth(420)
        self.party = catalogue_choice(
            catalogue.RETURN_PARTIES, contact.party if contact else "family"
        )
        self.method = catalogue_choice(
            catalogue.RETURN_CONTACT_METHODS, contact.method if contact else None
        )
        self.result = catalogue_choice(
            catalogue.RETURN_CONTACT_RESULTS, contact.result if contact else None
        )
        self.at = QDateTimeEdit(station_qdatetime(contact.at if contact else clock.now()))
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.officer = QComboBox()
        officer_choice(
            database,
            self.officer,
            contact.officer_id if contact else officer_store.current_officer(database),
        )
        self.notes = QPlainTextEdit(contact.notes if contact else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        for fixed in (self.party, self.method, self.officer):
            fixed.setEnabled(contact is None)  # a correction changes the time, result, notes
        form = QFormLayout()
        form.addRow(self.tr("With"), self.party)
        form.addRow(self.tr("Way"), self.method)
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("When"), self.at)
        form.addRow(self.tr("Officer"), self.officer)
        form.addRow(self.tr("Notes"), self.notes)
        self.fields = {"party": self.party, "method": self.method, "result": self.result,
                       "at": self.at, "officer_id": self.officer, "notes": self.notes}  # fmt: skip
        finish_form(self, form, self.error, on_accept=self.save)

    def save(self) -> bool:
        at = from_station_qdatetime(self.at.dateTime())
        try:
            if self.contact is not None:
                return_store.update_contact(
                    self.database, self.contact.id, at=at, result=self.result.currentData(),
                    notes=self.notes.toPlainText(),
                )  # fmt: skip
            else:
                return_store.record_contact(
                    self.database, self.case_id, party=self.party.currentData(),
                    method=self.method.currentData(), result=self.result.currentData(), at=at,
                    officer_id=self.officer.currentData(), notes=self.notes.toPlainText(),
                )  # fmt: skip
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True


class MeasureDialog(GatewayDialog):
    """Tick a measure with its day and who took it — or (``lift``) take a tick off, with the
    reason."""

    def __init__(
        self, database: Database, case: ReturnCase, parent: QWidget | None = None, *,
        lift: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.database = database
        self.case = case
        self.lift = lift
        self.setWindowTitle(self.tr("Lift a measure") if lift else self.tr("Tick a measure"))
        self.setMinimumWidth(420)
        self.measure = QComboBox()
        for code in catalogue.RETURN_MEASURES:
            if (code in case.measures) == lift:  # lift what is ticked, tick what is not
                self.measure.addItem(catalogue_label(catalogue.RETURN_MEASURES, code), code)
        self.on = day_field()
        self.officer = QComboBox()
        officer_choice(database, self.officer, officer_store.current_officer(database))
        self.reason = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Measure"), self.measure)
        if lift:
            form.addRow(self.tr("Reason *"), self.reason)
        else:
            form.addRow(self.tr("On"), self.on)
            form.addRow(self.tr("Taken by"), self.officer)
        self.fields = {"measure": self.measure, "reason": self.reason,
                       **{day: self.on for day, _by in return_store.MEASURES.values()},
                       **{by: self.officer for _day, by in return_store.MEASURES.values()}}  # fmt: skip
        finish_form(self, form, self.error, on_accept=self.save)

    def save(self) -> bool:
        measure = self.measure.currentData()  # None: the gateway says to choose one
        try:
            if self.lift:
                return_store.lift_measure(
                    self.database, self.case.id, measure, reason=self.reason.text()
                )
            else:
                return_store.tick_measure(
                    self.database, self.case.id, measure, on=day_value(self.on),
                    officer_id=self.officer.currentData(),
                )  # fmt: skip
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True


class DeadlineDialog(GatewayDialog):
    """The notice deadline of one list (通告期限), set on every open entry of it."""

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, list_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.changed_count = 0
        self.setWindowTitle(self.tr("Notice deadline of a list"))
        self.setMinimumWidth(400)
        self.list_name = QComboBox()
        self.list_name.setEditable(True)
        self.list_name.addItems(return_store.list_names(database))
        if list_name:
            self.list_name.setEditText(list_name)
        self.deadline = day_field()
        form = QFormLayout()
        form.addRow(self.tr("List"), self.list_name)
        form.addRow(self.tr("Return by"), self.deadline)
        self.fields = {"list_name": self.list_name, "deadline_on": self.deadline}
        finish_form(self, form, self.error, on_accept=self.save)

    def save(self) -> bool:
        try:
            self.changed_count = return_store.set_list_deadline(
                self.database, self.list_name.currentText(), day_value(self.deadline)
            )
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True
