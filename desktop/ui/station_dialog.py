"""The first start's questions: which station this is (its name and phone, printed on every
document), who uses this laptop, and the station's time zone. Asked while the station has no
name; "Later" leaves it for the next start (Settings hold the same values)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.core import clock
from desktop.core.catalogue import OFFICER_ROLES
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.db.database import Database
from desktop.domain import station as station_store
from desktop.ui import labels
from desktop.ui.widgets import error_label, finish_form, show_problem

# The zones' names as Settings shows them (one wording, translated once).
ZONE_NAMES = {
    "Asia/Shanghai": QT_TRANSLATE_NOOP("SettingsDialog", "Beijing time (Asia/Shanghai)"),
    "Asia/Urumqi": QT_TRANSLATE_NOOP("SettingsDialog", "Xinjiang time (Asia/Urumqi)"),
}
NEW_OFFICER = "new"  # the officer choice that adds the officer typed below it


class StationDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None):
        # The officers only when the dialog opens: every start imports this module.
        from desktop.domain import officers as officer_store

        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Your station"))
        self.setMinimumWidth(520)
        known = station_store.station(database)
        intro = QLabel(
            self.tr(
                "Every printout names the station that issued it. Tell the program which station "
                "this is and who uses this laptop; Settings can change it later."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(known.name)
        self.name.setPlaceholderText(self.tr("e.g. 河池市公安局金城江分局金城江派出所"))
        self.phone = QLineEdit(known.phone)
        self.phone.setPlaceholderText("0778-2281234")
        self.officer = QComboBox()
        for officer in officer_store.list_officers(database):
            badge = f" {officer.badge_number}" if officer.badge_number else ""
            role = labels.catalogue_label(OFFICER_ROLES, officer.role)
            self.officer.addItem(f"{officer.name}{badge} · {role}", officer.id)
        self.officer.addItem(self.tr("Someone not on record yet (type below)"), NEW_OFFICER)
        self.officer.addItem(self.tr("(not chosen)"), None)
        # Nobody is picked for the officer: the first name on record is not who uses this
        # laptop just because it sorts first. With nobody on record, typing the name is the way.
        chosen = self.officer.findData(known.officer_id) if known.officer_id else -1
        if chosen < 0:
            on_record = self.officer.count() > 2
            chosen = self.officer.findData(None if on_record else NEW_OFFICER)
        self.officer.setCurrentIndex(chosen)
        self.officer_name = QLineEdit()
        self.officer_name.setPlaceholderText(self.tr("the officer's name"))
        self.badge = QLineEdit()
        self.badge.setPlaceholderText(self.tr("badge number (optional)"))
        self.zone = QComboBox()
        for zone in dict.fromkeys((*clock.CHINA_ZONES, known.zone)):
            name = ZONE_NAMES.get(zone)
            self.zone.addItem(QCoreApplication.translate("SettingsDialog", name) if name else zone,
                              zone)  # fmt: skip
        self.zone.setCurrentIndex(self.zone.findData(known.zone))
        self.error = error_label()

        form = QFormLayout()
        form.addRow(intro)
        form.addRow(self.tr("Station name"), self.name)
        form.addRow(self.tr("Station phone"), self.phone)
        form.addRow(self.tr("Officer using this laptop"), self.officer)
        form.addRow(self.tr("New officer's name"), self.officer_name)
        form.addRow(self.tr("Badge number"), self.badge)
        form.addRow(self.tr("Station time zone"), self.zone)
        later = QLabel(
            self.tr(
                "Later: printouts say the unit is not set, and this is asked again at the next "
                "start."
            )
        )
        later.setWordWrap(True)
        buttons = finish_form(
            self, form, self.error, on_accept=self.save,
            buttons=QDialogButtonBox.StandardButton.Save, between=(later,),
        )  # fmt: skip
        self.later_button = buttons.addButton(
            self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.officer.currentIndexChanged.connect(self._show_new_officer)
        self._show_new_officer()

    def _show_new_officer(self) -> None:
        adding = self.officer.currentData() == NEW_OFFICER
        for field in (self.officer_name, self.badge):
            field.setEnabled(adding)
        if adding and not self.officer_name.text():
            self.officer_name.setFocus()

    def save(self) -> bool:
        """Keep the values (checked); False, with the problem shown, when one is refused."""
        chosen = self.officer.currentData()
        new_officer = None
        if chosen == NEW_OFFICER and not self.officer_name.text().strip():
            chosen = None  # nobody typed: the officer is left for Settings
        if chosen == NEW_OFFICER:
            new_officer = {"name": self.officer_name.text(), "badge_number": self.badge.text(),
                           "role": "officer"}  # fmt: skip
        try:
            station_store.set_station(
                self.database, name=self.name.text(), phone=self.phone.text(),
                zone=self.zone.currentData(), new_officer=new_officer,
                officer_id=None if chosen == NEW_OFFICER else chosen,
            )  # fmt: skip
        except ValidationError as exc:
            field = {"station": self.name, "phone": self.phone, "name": self.officer_name,
                     "badge_number": self.badge}.get(exc.field)  # fmt: skip
            if field is not None:
                field.setFocus()
            return show_problem(self.error, exc)
        self.accept()
        return True


def ask_for_station(window) -> StationDialog | None:
    """At the start, while the station of ``window``'s data has no name: the questions (opened
    when someone can answer them), else None. Once saved, the window shows the station."""
    from desktop.ui.messages import interactive

    if window.database.read_only or station_store.station_is_set(window.database):
        return None  # a copy opened to read cannot keep the answers
    dialog = StationDialog(window.database, window)
    dialog.accepted.connect(lambda: window.use_database(window.database))
    window.station_dialog = dialog
    if interactive():
        dialog.open()
    return dialog
