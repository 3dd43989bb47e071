"""The password lock: asked at start and after idle time, set in Settings."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.core.errors import OutreachError
from desktop.db import password as password_store
from desktop.db.database import Database
from desktop.ui.widgets import MinutesBox, error_label, finish_form, set_stored_count, show_problem


class UnlockDialog(QDialog):
    """Asks for the password (or the recovery code); wrong attempts wait longer each time."""

    def __init__(
        self, database: Database | None, parent: QWidget | None = None, *, gate=None
    ) -> None:
        super().__init__(parent)
        self.gate = gate or password_store.Gate(database)
        self.recovered = False
        self.setWindowTitle(self.tr("Outreach Desk is locked"))
        self.setMinimumWidth(420)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_code = QCheckBox(self.tr("I lost the password: use the recovery code"))
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.use_code)
        finish_form(self, form, self.message, on_accept=self.try_unlock)
        self.use_code.toggled.connect(self._mode_changed)

    def _mode_changed(self, use_code: bool) -> None:
        self.password.setEchoMode(
            QLineEdit.EchoMode.Normal if use_code else QLineEdit.EchoMode.Password
        )
        self.password.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX" if use_code else "")

    def try_unlock(self) -> bool:
        wait = self.gate.wait_left()
        if wait > 0:
            self.message.setText(self.tr("Wait {seconds} s before trying again.").format(
                seconds=int(wait + 0.999)))  # fmt: skip
            self.message.show()
            return False
        text = self.password.text()
        ok = (
            self.gate.try_recovery_code(text)
            if self.use_code.isChecked()
            else self.gate.try_password(text)
        )
        if not ok:
            self.password.clear()
            self.message.setText(
                self.tr("That is not right. Wait {seconds} s before trying again.").format(
                    seconds=int(self.gate.wait_left() + 0.999)
                )
            )
            self.message.show()
            return False
        self.recovered = self.use_code.isChecked()
        self.accept()
        return True


class PasswordDialog(QDialog):
    """Set, change or remove the password; shows the recovery code once. ``encryption`` is
    the window's way to encrypt or decrypt the database file (None: lock only)."""

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, encryption=None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.encryption = encryption
        self.recovery_code: str | None = None
        self.setWindowTitle(self.tr("Password"))
        self.setMinimumWidth(520)
        explanation = QLabel(
            self.tr(
                "With a password, Outreach Desk asks for it when it starts and after the laptop "
                "has not been used for a while. Only a scrambled form of it is kept. If the "
                "password is lost, only the recovery code shown next opens the program: there "
                "is no other way back. Write the code down and keep it apart from the laptop."
            )
            + (
                " "
                + self.tr(
                    "The database file and its backups are encrypted with it: a copy taken "
                    "off the laptop cannot be read without the password or the code."
                )
                if encryption is not None
                else ""
            )
        )
        explanation.setWordWrap(True)
        self.first = QLineEdit()
        self.second = QLineEdit()
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.idle = MinutesBox()
        self.idle.setRange(1, 240)
        set_stored_count(self.idle, password_store.idle_minutes(database))
        self.code = QLineEdit()
        self.code.setReadOnly(True)
        self.print_button = QPushButton(self.tr("Print the recovery code…"))
        self.print_button.hide()
        self.print_button.clicked.connect(lambda: self.print_code())
        self.remove_button = QPushButton(self.tr("Remove the password"))
        self.remove_button.setVisible(password_store.is_set(database))
        self.remove_button.clicked.connect(lambda: self.remove())
        self.error = error_label()
        form = QFormLayout()
        form.addRow(explanation)
        form.addRow(self.tr("New password"), self.first)
        form.addRow(self.tr("Again"), self.second)
        form.addRow(self.tr("Lock after"), self.idle)
        form.addRow(self.tr("Recovery code"), self.code)
        form.setRowVisible(self.code, False)  # shown once, when the password is set
        self.form = form
        finish_form(
            self, form, self.error, on_accept=self.save,
            between=(self.print_button, self.remove_button),
        )  # fmt: skip

    def save(self) -> bool:
        if self.recovery_code is not None:  # the code was shown; OK now closes
            self.accept()
            return True
        if self.first.text() != self.second.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.error.show()
            return False
        try:
            self.recovery_code = password_store.set_password(
                self.database, self.first.text(), idle=self.idle.value()
            )
            if self.encryption is not None:
                self.encryption.encrypt(self.first.text(), self.recovery_code)
                self._follow_reopened()
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.code.setText(self.recovery_code)
        self.form.setRowVisible(self.code, True)
        self.print_button.show()
        self.error.setText(
            self.tr("Password set. Write the recovery code down now; it is not shown again.")
        )
        self.error.show()
        for field in (self.first, self.second, self.idle):
            field.setEnabled(False)
        return True

    def print_code(self):
        """The recovery code on an A4 sheet, in the print preview (print or save)."""
        if self.recovery_code is None:
            return None
        from desktop.db.database import META_STATION_NAME
        from desktop.reports.recovery import build_recovery_sheet
        from desktop.reports.styles import printed_unit
        from desktop.ui.messages import interactive
        from desktop.ui.print_preview import PdfPreview

        preview = PdfPreview(self.tr("Recovery code"), self)
        for widget in (preview.rows, preview.rows_label, preview.rebuild_button):
            widget.hide()
        path = preview.temp_path("恢复码.pdf")
        build_recovery_sheet(
            path, self.recovery_code,
            database_name=self.database.path.name if self.database.path else "",
            station_name=printed_unit(self.database.get_meta(META_STATION_NAME)),
        )  # fmt: skip
        preview.show_pdf(path)
        if interactive():
            preview.open()
        return preview

    def remove(self) -> None:
        password_store.remove_password(self.database)
        if self.encryption is not None:
            self.encryption.decrypt()
            self._follow_reopened()
        self.accept()

    def _follow_reopened(self) -> None:
        """The window reopened the database: this dialog and the one that opened it (Settings)
        must use the new connection."""
        self.database = self.encryption.database
        parent = self.parent()
        if parent is not None and hasattr(parent, "database"):
            parent.database = self.database


class IdleWatch(QObject):
    """Locks the window when no key or mouse button has been pressed for the set minutes."""

    INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.last_input = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.check)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self.INPUT:
            self.last_input = time.monotonic()
        return False

    def check(self) -> None:
        database = self.window.database
        if self.window.locked or not password_store.is_set(database):
            return
        if time.monotonic() - self.last_input >= 60 * password_store.idle_minutes(database):
            self.window.lock()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
