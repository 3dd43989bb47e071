"""Settings: language (this laptop), the officer using it, the station printed on documents,
the work briefing's name, issuing unit and distribution."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.catalogue import OFFICER_ROLES
from desktop.core.errors import ValidationError
from desktop.core.validate import normalize_phone
from desktop.db import audit
from desktop.db.database import (
    META_CURRENT_OFFICER,
    META_STATION_NAME,
    META_STATION_PHONE,
    Database,
)
from desktop.db.opening import set_station_zone
from desktop.domain import follow_ups as follow_up_store
from desktop.domain import officers as officer_store
from desktop.i18n import LANGUAGES
from desktop.settings import (
    BACKUP_DAILY,
    BACKUP_FOLDER,
    BACKUP_MONTHLY,
    BACKUP_ON_CLOSE,
    BACKUP_WEEKLY,
    CLASH_CHECK,
    LANGUAGE,
    TEXT_SIZE,
    Settings,
)
from desktop.ui import labels
from desktop.ui.messages import render_error
from desktop.ui.widgets import (
    MinutesBox,
    error_label,
    scrolling_form,
    set_stored_count,
    show_problem,
)

STATION_NAME = META_STATION_NAME
STATION_PHONE = META_STATION_PHONE
CURRENT_OFFICER = META_CURRENT_OFFICER


class SettingsDialog(QDialog):
    def __init__(
        self,
        database: Database,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        language: str | None = None,
    ):
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))

        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        # The language on screen (which --lang may have chosen for this run), not only the saved one.
        self.language.setCurrentIndex(self.language.findData(language or settings.language))
        from desktop.ui.app import TEXT_SIZES

        self.text_size = QComboBox()
        names = {
            100: self.tr("Normal"),
            115: self.tr("Large"),
            130: self.tr("Larger"),
            150: self.tr("Largest"),
        }
        for percent in TEXT_SIZES:
            self.text_size.addItem(f"{names[percent]} ({percent}%)", percent)
        self.text_size.setCurrentIndex(max(self.text_size.findData(settings.get(TEXT_SIZE)), 0))
        self.text_size.setToolTip(
            self.tr("The size of every text on screen; printouts keep theirs")
        )
        self.officer = QComboBox()
        self.officer.addItem(self.tr("(not chosen)"), None)
        for officer in officer_store.list_officers(database):
            badge = f" {officer.badge_number}" if officer.badge_number else ""
            role = labels.catalogue_label(OFFICER_ROLES, officer.role)
            self.officer.addItem(f"{officer.name}{badge} · {role} · {officer.unit}", officer.id)
        self.officer.setCurrentIndex(
            max(self.officer.findData(database.get_meta(CURRENT_OFFICER)), 0)
        )
        self.station_name = QLineEdit(database.get_meta(STATION_NAME) or "")
        self.station_name.setPlaceholderText(self.tr("e.g. 河池市公安局金城江分局金城江派出所"))
        self.station_phone = QLineEdit(database.get_meta(STATION_PHONE) or "")
        self.station_phone.setPlaceholderText("0778-2281234")
        self._briefing_fields(database)
        self.station_zone = QComboBox()
        zone_names = {
            "Asia/Shanghai": self.tr("Beijing time (Asia/Shanghai)"),
            "Asia/Urumqi": self.tr("Xinjiang time (Asia/Urumqi)"),
        }
        for zone in dict.fromkeys((*clock.CHINA_ZONES, clock.station_zone_name())):
            self.station_zone.addItem(zone_names.get(zone, zone), zone)
        self.station_zone.setCurrentIndex(self.station_zone.findData(clock.station_zone_name()))
        self.station_zone.setToolTip(
            self.tr(
                "Times are typed, imported, shown and printed in this zone, whatever zone this "
                "computer's clock is set to"
            )
        )
        from desktop.core.rules import TimeLimits
        from desktop.domain import warnings as warning_store

        self._time_limits_type = TimeLimits
        limits = warning_store.time_limits(database)
        self.limit_boxes: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        self.limits_grid = QGridLayout()
        self.limits_grid.addWidget(QLabel(self.tr("First contact")), 0, 1)
        self.limits_grid.addWidget(QLabel(self.tr("Visit")), 0, 2)
        level_names = {
            "high": self.tr("High level"),
            "medium": self.tr("Medium level"),
            "low": self.tr("Low level"),
        }
        for row, (level, limit) in enumerate(limits.items(), start=1):
            boxes = []
            for value in (limit.first_contact, limit.visit):
                box = MinutesBox()
                box.setRange(1, 10_080)
                set_stored_count(box, value)
                boxes.append(box)
            self.limit_boxes[level] = (boxes[0], boxes[1])
            self.limits_grid.addWidget(QLabel(level_names[level]), row, 0)
            self.limits_grid.addWidget(boxes[0], row, 1)
            self.limits_grid.addWidget(boxes[1], row, 2)
        self.follow_up_days = QLineEdit(
            ", ".join(str(day) for day in follow_up_store.follow_up_days_of(database))
        )
        self.follow_up_days.setToolTip(
            self.tr("Days after a dissuasion when follow-ups fall due, e.g. 1, 7")
        )
        self.backup_on_close = QCheckBox(
            self.tr("Back up when the program closes, if anything changed")
        )
        self.backup_on_close.setChecked(settings.get(BACKUP_ON_CLOSE))
        self.backup_folder = QLineEdit(settings.get(BACKUP_FOLDER))
        self.backup_folder.setPlaceholderText(
            self.tr("beside the database ({path})").format(
                path=settings.backup_folder(database.path) if database.path else ""
            )
        )
        self.choose_folder = QPushButton(self.tr("Choose…"))
        self.choose_folder.clicked.connect(self._choose_folder)
        self.keep_boxes = []
        for option, suffix in (
            (BACKUP_DAILY, self.tr(" daily")),
            (BACKUP_WEEKLY, self.tr(" weekly")),
            (BACKUP_MONTHLY, self.tr(" monthly")),
        ):
            box = QSpinBox()
            box.setRange(1 if option is BACKUP_DAILY else 0, 99)
            box.setSuffix(suffix)
            set_stored_count(box, settings.get(option))
            self.keep_boxes.append((option, box))
        from desktop.domain import retention

        self.retention_years = QSpinBox()
        self.retention_years.setRange(1, 30)
        self.retention_years.setSuffix(self.tr(" years"))
        set_stored_count(self.retention_years, retention.retention_years(database))
        self.purge_button = QPushButton(self.tr("Clear what is due now"))
        self.password_button = QPushButton(self.tr("Password…"))
        self.password_button.clicked.connect(lambda: self.open_password())
        self.purge_button.clicked.connect(lambda: self.purge_now())
        self.clash_check = QCheckBox(self.tr("Warn about clashing talks when saving"))
        self.clash_check.setChecked(settings.get(CLASH_CHECK))
        self.error = error_label()

        # Four pages, each short enough for a 768-pixel screen: nothing is below the fold.
        station = QFormLayout()
        station.addRow(self.tr("Language"), self.language)
        station.addRow(self.tr("Text size"), self.text_size)
        station.addRow(self.tr("Officer using this laptop"), self.officer)
        note = QLabel(
            self.tr(
                "The officer's name is written in the audit log with every change made on this "
                "laptop."
            )
        )
        note.setWordWrap(True)
        station.addRow("", note)
        station.addRow(self.tr("Station name (printed on documents)"), self.station_name)
        station.addRow(self.tr("Station phone (printed on documents)"), self.station_phone)
        station.addRow(self.tr("Station time zone"), self.station_zone)

        briefing = QFormLayout()
        briefing.addRow(self.tr("Briefing name"), self.briefing_name)
        briefing.addRow(self.tr("Issuing unit of the briefing"), self.briefing_unit)
        briefing.addRow(self.tr("Briefing reported to (报)"), self.report_to)
        briefing.addRow(self.tr("Briefing copied to (送)"), self.copy_to)
        briefing.addRow(self.tr("Briefing sent to (发)"), self.send_to)
        briefing.addRow(self.tr("Copies of the briefing printed"), self.copies)

        work = QFormLayout()
        work.addRow(self.tr("Warning time limits"), self.limits_grid)
        limits_note = QLabel(
            self.tr(
                "No national figures exist: the values shipped are examples. Set your station's "
                "own; a warning past its limit is marked in the queue."
            )
        )
        limits_note.setWordWrap(True)
        work.addRow("", limits_note)
        work.addRow(self.tr("Follow-ups after a dissuasion (days)"), self.follow_up_days)
        work.addRow(self.tr("Talks"), self.clash_check)

        safety = QFormLayout()
        safety.addRow(self.tr("Backups"), self.backup_on_close)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(self.choose_folder)
        safety.addRow(self.tr("Backup folder (another drive is safer)"), folder_row)
        keep_row = QHBoxLayout()
        for _option, box in self.keep_boxes:
            keep_row.addWidget(box)
        safety.addRow(self.tr("Backups kept"), keep_row)
        retention_row = QHBoxLayout()
        retention_row.addWidget(self.retention_years)
        retention_row.addWidget(self.purge_button)
        retention_row.addStretch(1)
        safety.addRow(self.tr("Keep residents' personal data after a case closes"), retention_row)
        safety.addRow(self.tr("Lock with a password"), self.password_button)

        self.pages = QTabWidget()
        for title, form in (
            (self.tr("Station and laptop"), station),
            (self.tr("Briefing"), briefing),
            (self.tr("Warnings and talks"), work),
            (self.tr("Backups and privacy"), safety),
        ):
            # A field too wide beside its long label ("Keep residents' personal data after
            # a case closes" at a large text size) goes on the line below it: the dialog is
            # never wider than a laptop's screen, and never narrower than its fields.
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            page = scrolling_form(self, form)
            form.setContentsMargins(8, 8, 8, 8)  # inside the page's frame
            self.pages.addTab(page, title)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def _briefing_fields(self, database: Database) -> None:
        """The work briefing's header block and distribution block (版记), as printed."""
        from desktop.reports.briefing_store import COPIES_LIMIT, DEFAULT_NAME, briefing_settings

        chosen = briefing_settings(database)
        lines = chosen.distribution
        self.briefing_name = QLineEdit(chosen.name)
        self.briefing_name.setPlaceholderText(DEFAULT_NAME)
        self.briefing_unit = QLineEdit(chosen.unit)
        self.briefing_unit.setPlaceholderText(self.tr("the station's name"))
        self.report_to = QLineEdit(lines.report_to)
        self.report_to.setPlaceholderText(self.tr("e.g. 市公安局反诈中心"))
        self.copy_to = QLineEdit(lines.copy_to)
        self.send_to = QLineEdit(lines.send_to)
        self.send_to.setPlaceholderText(self.tr("e.g. 各派出所、各警务室"))
        for field in (self.report_to, self.copy_to, self.send_to):
            field.setToolTip(self.tr("Left out of the briefing when empty"))
        self.copies = QSpinBox()
        self.copies.setRange(0, COPIES_LIMIT)
        self.copies.setSpecialValueText(self.tr("not printed"))
        set_stored_count(self.copies, lines.copies)

    def _chosen_briefing(self):
        from desktop.reports.briefing_issue import Distribution
        from desktop.reports.briefing_store import BriefingSettings

        return BriefingSettings(
            name=self.briefing_name.text(),
            unit=self.briefing_unit.text(),
            distribution=Distribution(
                report_to=self.report_to.text(),
                copy_to=self.copy_to.text(),
                send_to=self.send_to.text(),
                copies=self.copies.value(),
            ),
        )

    def open_password(self):
        from desktop.ui.lock import PasswordDialog
        from desktop.ui.messages import interactive

        window = self.parent()
        dialog = PasswordDialog(self.database, self, encryption=getattr(window, "encryption", None))
        if interactive():
            dialog.open()
        return dialog

    def purge_now(self) -> int:
        """Clear now the personal data the retention period has run out for (logged)."""
        from desktop.domain import retention

        retention.set_retention_years(self.database, self.retention_years.value())
        cleared = retention.purge_personal_data(self.database)
        self.error.setText(self.tr("Personal data of %n resident(s) cleared.", "", cleared))
        self.error.show()
        return cleared

    def _choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), self.backup_folder.text()
        )
        if folder:
            self.backup_folder.setText(folder)

    def _check_backup_folder(self) -> bool:
        """A chosen folder must be one the program can write to (a USB drive that is not
        plugged in is refused now, not at the next backup)."""
        text = self.backup_folder.text().strip()
        if not text:
            return True
        from pathlib import Path

        probe = Path(text) / ".outreach-desk-write-test"
        try:
            Path(text).mkdir(parents=True, exist_ok=True)
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            self.error.setText(
                self.tr("The backup folder cannot be written: {path} ({reason})").format(
                    path=text, reason=exc.strerror or str(exc)
                )
            )
            self.error.show()
            self.show_field(self.backup_folder)
            return False
        return True

    def show_field(self, field: QWidget) -> None:
        """The page holding ``field`` in front, the cursor in it (a refused value is said
        beneath the pages, whichever is shown)."""
        for index in range(self.pages.count()):
            if self.pages.widget(index).isAncestorOf(field):
                self.pages.setCurrentIndex(index)
        field.setFocus()

    def chosen_language(self) -> str:
        return self.language.currentData()

    def save(self) -> bool:
        if not self._check_backup_folder():
            return False
        from desktop.core.limits import PLACE, check_text

        try:  # printed on every document and carried in every package, as a venue is
            station_name = check_text(self.station_name.text().strip(), PLACE, field="station")
        except ValidationError as exc:
            self.error.setText(self.tr("Station name: {message}").format(message=render_error(exc)))
            self.error.show()
            self.show_field(self.station_name)
            return False
        phone_text = self.station_phone.text().strip()
        try:
            phone = normalize_phone(phone_text, field="phone").number if phone_text else ""
        except ValidationError as exc:
            self.error.setText(
                self.tr("Station phone: {message}").format(message=render_error(exc))
            )
            self.error.show()
            self.show_field(self.station_phone)
            return False
        from desktop.domain import warnings as warning_store

        limits = {
            level: self._time_limits_type(contact.value(), visit.value())
            for level, (contact, visit) in self.limit_boxes.items()
        }
        values = {
            STATION_NAME: station_name,
            STATION_PHONE: phone,
            CURRENT_OFFICER: self.officer.currentData() or "",
        }
        changed = [
            key for key, value in values.items() if (self.database.get_meta(key) or "") != value
        ]
        zone = self.station_zone.currentData()
        if zone != clock.station_zone_name():
            changed.append("station time zone")
        if limits != warning_store.time_limits(self.database):
            changed.append("time limits")
        follow_up_text = self.follow_up_days.text()
        if follow_up_text.replace(" ", "") != ",".join(
            map(str, follow_up_store.follow_up_days_of(self.database))
        ):
            changed.append("follow-up days")
        actor = audit.current_actor(self.database)  # who made the change, before it applies
        try:
            with self.database.atomic():  # all the settings of the data, or none
                warning_store.set_time_limits(self.database, limits)
                from desktop.domain import retention

                if self.retention_years.value() != retention.retention_years(self.database):
                    retention.set_retention_years(self.database, self.retention_years.value())
                    changed.append("retention")
                if "follow-up days" in changed:
                    follow_up_store.set_follow_up_days(self.database, follow_up_text)
                from desktop.reports.briefing_store import set_briefing_settings

                if set_briefing_settings(self.database, self._chosen_briefing()):
                    changed.append("briefing")
                for key in changed:
                    if key in values:
                        self.database.set_meta(key, values[key])
                if changed:
                    audit.record(
                        self.database,
                        "settings",
                        "meta",
                        "",
                        "changed: " + ", ".join(changed),
                        actor=actor,
                    )
                if "station time zone" in changed:  # last: the process follows once it is kept
                    set_station_zone(self.database, zone)
        except ValidationError as exc:
            fields = {"follow_up_days": self.follow_up_days, "briefing_name": self.briefing_name,
                      "briefing_unit": self.briefing_unit, "report_to": self.report_to,
                      "copy_to": self.copy_to, "send_to": self.send_to,
                      "retention_years": self.retention_years,
                      "time_limits": next(iter(self.limit_boxes.values()))[0]}  # fmt: skip
            if exc.field in fields:
                self.show_field(fields[exc.field])
            return show_problem(self.error, exc)
        self.settings.set(LANGUAGE, self.chosen_language())
        self.settings.set(TEXT_SIZE, self.text_size.currentData())
        self.settings.set(BACKUP_ON_CLOSE, self.backup_on_close.isChecked())
        self.settings.set(BACKUP_FOLDER, self.backup_folder.text().strip())
        for option, box in self.keep_boxes:
            self.settings.set(option, box.value())
        self.settings.set(CLASH_CHECK, self.clash_check.isChecked())
        self.accept()
        return True
