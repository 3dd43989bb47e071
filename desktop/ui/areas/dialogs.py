"""Forms for one area, officer or partner. A form stays open until its values are valid."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop.core.catalogue import AREA_LEVELS, OFFICER_ROLES, PARTNER_KINDS, Entry
from desktop.core.entities import Officer, Partner
from desktop.core.errors import OutreachError
from desktop.db.database import Database
from desktop.domain import areas as area_store
from desktop.domain import officers as officer_store
from desktop.domain import partners as partner_store
from desktop.ui import labels
from desktop.ui.messages import render_error
from desktop.ui.widgets import AreaPicker, error_label, finish_form, plain_label


class RecordDialog(QDialog):
    """A form whose ``save`` callback may raise ValidationError; the error is shown in place."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.error_label = error_label()
        self.buttons = finish_form(self, self.form, self.error_label, on_accept=self._try_save)
        self.fields: dict[str, QWidget] = {}
        self.save: Callable[[], Any] = lambda: None
        self.saved_id: Any = None

    def add_field(self, key: str, widget: QWidget) -> QWidget:
        self.fields[key] = widget
        self.form.addRow(labels.label(labels.FIELDS, key), widget)
        return widget

    def show_error(self, exc: OutreachError) -> None:
        text = render_error(exc)
        field = getattr(exc, "field", "")
        if field in self.fields:
            name = labels.label(labels.FIELDS, field)
            text = QCoreApplication.translate("RecordDialog", "{field}: {message}").format(
                field=name, message=text
            )
            self.fields[field].setFocus()
        self.error_label.setText(text)
        self.error_label.show()

    def _try_save(self) -> None:
        try:
            self.saved_id = self.save()
        except OutreachError as exc:  # invalid input, or a database that is busy or full
            self.show_error(exc)
            return
        self.accept()


def _line(text: str | None = "") -> QLineEdit:
    edit = QLineEdit(text or "")
    edit.setMinimumWidth(280)
    return edit


def _choice(entries: dict[str, Entry], current: str) -> QComboBox:
    combo = QComboBox()
    for code in entries:
        combo.addItem(labels.catalogue_label(entries, code), code)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class AreaDialog(RecordDialog):
    """Add a county (no parent), a township or a community, or edit one."""

    def __init__(
        self,
        database: Database,
        parent: QWidget | None,
        *,
        area: dict | None = None,
        level: str = "county",
        parent_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit area") if area else self.tr("New area"))
        level = area["level"] if area else level
        parent_id = area["parent_id"] if area else parent_id
        if parent_id:
            path = " / ".join(area_store.area_path(database, parent_id))
            self.form.addRow(labels.label(labels.FIELDS, "parent"), plain_label(path))
        self.form.addRow(
            labels.label(labels.FIELDS, "level"),
            plain_label(labels.catalogue_label(AREA_LEVELS, level)),
        )
        name = self.add_field("name", _line(area["name"] if area else ""))
        code = self.add_field("code", _line(area["code"] if area else ""))
        code.setPlaceholderText(self.tr("administrative code, optional"))

        def save() -> str:
            if area:
                area_store.edit_area(database, area["id"], name=name.text(), code=code.text())
                return area["id"]
            return area_store.add_area(
                database, name=name.text(), level=level, parent_id=parent_id, code=code.text()
            )

        self.save = save


# What a new officer's or partner's form starts with.
_NEW_OFFICER = Officer(
    id="", name="", badge_number="", unit="", role="officer", phone="", area_id=None
)
_NEW_PARTNER = Partner(
    id="", name="", kind="school", area_id=None, contact_name="", phone="", address=""
)


class OfficerDialog(RecordDialog):
    def __init__(
        self, database: Database, parent: QWidget | None, *, officer: Officer | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit officer") if officer else self.tr("New officer"))
        shown = officer or _NEW_OFFICER
        name = self.add_field("name", _line(shown.name))
        badge = self.add_field("badge_number", _line(shown.badge_number))
        role = self.add_field("role", _choice(OFFICER_ROLES, shown.role))
        unit = self.add_field("unit", _line(shown.unit))
        unit.setPlaceholderText(self.tr("e.g. 金城江派出所"))
        phone = self.add_field("phone", _line(shown.phone))
        area = self.add_field("area", AreaPicker(database))
        area.set_area_id(shown.area_id)

        def save() -> str:
            values = {
                "name": name.text(),
                "badge_number": badge.text(),
                "role": role.currentData(),
                "unit": unit.text(),
                "phone": phone.text().strip() or None,
                "area_id": area.checked_area_id(),
            }
            if officer:
                officer_store.edit_officer(database, officer.id, values)
                return officer.id
            return officer_store.add_officer(database, values)

        self.save = save


class PartnerDialog(RecordDialog):
    def __init__(
        self, database: Database, parent: QWidget | None, *, partner: Partner | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit partner") if partner else self.tr("New partner"))
        shown = partner or _NEW_PARTNER
        name = self.add_field("name", _line(shown.name))
        kind = self.add_field("kind", _choice(PARTNER_KINDS, shown.kind))
        area = self.add_field("area", AreaPicker(database))
        area.set_area_id(shown.area_id)
        contact = self.add_field("contact_name", _line(shown.contact_name))
        phone = self.add_field("phone", _line(shown.phone))
        address = self.add_field("address", _line(shown.address))

        def save() -> str:
            values = {
                "name": name.text(),
                "kind": kind.currentData(),
                "area_id": area.checked_area_id(),
                "contact_name": contact.text(),
                "phone": phone.text().strip() or None,
                "address": address.text(),
            }
            if partner:
                partner_store.edit_partner(database, partner.id, values)
                return partner.id
            return partner_store.add_partner(database, values)

        self.save = save
