"""Expected errors shown in one way, unexpected ones caught in one place."""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.errors import DatabaseDamaged, OutreachError
from desktop.ui.qt import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


def render_error(exc: BaseException) -> str:
    if isinstance(exc, OutreachError):
        return exc.render(QCoreApplication.translate)
    return str(exc)


def interactive() -> bool:
    """False when no person can answer a dialog (offscreen tests, screenshots)."""
    return QApplication.platformName() not in ("offscreen", "minimal")


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton | None = None,
) -> QMessageBox.StandardButton:
    """Ask or tell in a message box that shows its text as written; the button pressed.

    Messages quote names, codes and file names, and a message box would take a text whose
    first line holds a tag for rich text (a name ``<img src=…>`` would load a picture).
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, buttons or QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return QMessageBox.StandardButton(box.exec())


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes-or-no question (as ``QMessageBox.question``); True for yes."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = message_box(parent, QMessageBox.Icon.Question, title, text, buttons)
    return answer == QMessageBox.StandardButton.Yes


def ask_reveal_reason(parent: QWidget, title: str | None = None) -> str | None:
    """Why the officer wants a person's details in full (the reason goes to the audit log);
    None when they cancel. ``title``: the window's, "Show full details" unless given."""
    from PySide6.QtWidgets import QInputDialog

    reason, ok = QInputDialog.getText(
        parent,
        title or QCoreApplication.translate("Reveal", "Show full details"),
        QCoreApplication.translate(
            "Reveal", "Why are the full details needed? (written to the log)"
        ),
    )
    return reason if ok else None


def show_error(parent: QWidget | None, title: str, exc: BaseException | str) -> None:
    if isinstance(exc, DatabaseDamaged):
        return  # the window's damage path says it, and says what to do
    text = exc if isinstance(exc, str) else render_error(exc)
    if interactive():
        from PySide6.QtWidgets import QMessageBox

        message_box(parent, QMessageBox.Icon.Critical, title, text)
    else:
        print(f"{title}: {text}", file=sys.stderr)


def install_crash_handler() -> None:
    """An unexpected exception shows a dialog with the details instead of vanishing."""

    def handle(kind, value, tb):
        if isinstance(value, DatabaseDamaged):
            return  # not a bug: the window's damage path has it in hand
        details = "".join(traceback.format_exception(kind, value, tb))
        print(details, file=sys.stderr)
        if interactive() and QApplication.instance() is not None:
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Critical, app_title(), _crash_text())
            box.setDetailedText(details)
            box.exec()

    sys.excepthook = handle


def app_title() -> str:
    """The program's name in the language on screen, for window and dialog titles."""
    from desktop import APP_NAME, APP_NAME_ZH

    return APP_NAME_ZH if QLocale().language() == QLocale.Language.Chinese else APP_NAME


def _crash_text() -> str:
    return QCoreApplication.translate(
        "Crash",
        "Something went wrong inside the program. Your saved records are safe. Please send "
        "the details below to whoever maintains the program.",
    )
