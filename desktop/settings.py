"""Settings of this laptop's program (not of the data), declared in one place.

Stored in ``settings.ini`` in the data folder so tests and portable installs can move them with
``OUTREACH_DESK_DATA``. Settings that belong to the data (station name and phone printed on
documents, the officer using this laptop) live in the database's ``meta`` table instead, so they
travel with a backup.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from desktop.i18n import DEFAULT_LANGUAGE, normalise_language
from desktop.paths import data_dir

SETTINGS_FILE = "settings.ini"


class Option(NamedTuple):
    key: str
    type: type
    default: Any


LANGUAGE = Option("ui/language", str, DEFAULT_LANGUAGE)
MAIN_GEOMETRY = Option("ui/main_window_geometry", bytes, b"")  # Qt's saveGeometry()
TEXT_SIZE = Option("ui/text_size_percent", int, 100)  # Settings › Text size
CLASH_CHECK = Option("talks/warn_about_clashes", bool, True)
BACKUP_ON_CLOSE = Option("backup/on_close", bool, True)
BACKUP_FOLDER = Option("backup/folder", str, "")  # empty: beside the database
BACKUP_DAILY = Option("backup/keep_daily", int, 7)
BACKUP_WEEKLY = Option("backup/keep_weekly", int, 4)
BACKUP_MONTHLY = Option("backup/keep_monthly", int, 12)


def stored_language() -> str:
    """The language chosen in Settings, read without Qt (the command line's start): the one
    value of the file the command line needs before it can say anything."""
    section, wanted_section, wanted_key = "", *LANGUAGE.key.split("/")
    try:
        text = (data_dir() / SETTINGS_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return DEFAULT_LANGUAGE
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == wanted_section and line.partition("=")[0].strip() == wanted_key:
            return normalise_language(line.partition("=")[2].strip().strip('"'))
    return DEFAULT_LANGUAGE


class Settings:
    def __init__(self) -> None:
        from PySide6.QtCore import QSettings  # only the window and a few commands need more

        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)

    def get(self, option: Option) -> Any:
        if option.type is bytes:
            from PySide6.QtCore import QByteArray

            return self._store.value(option.key, QByteArray(), type=QByteArray)
        # Always pass type=: without it booleans come back as the strings "true"/"false".
        return self._store.value(option.key, option.default, type=option.type)

    def set(self, option: Option, value: Any) -> None:
        self._store.setValue(option.key, value)
        self._store.sync()

    @property
    def language(self) -> str:
        return normalise_language(self.get(LANGUAGE))

    def backup_folder(self, db_path):
        """Where this database's backups go: the chosen folder (perhaps on another drive), in a
        sub-folder named after the database, else beside the database."""
        from pathlib import Path

        from desktop.db.backups import default_backup_folder

        chosen = self.get(BACKUP_FOLDER)
        return Path(chosen) / Path(db_path).stem if chosen else default_backup_folder(Path(db_path))

    @property
    def retention(self):
        from desktop.db.backups import Retention

        return Retention(
            daily=max(self.get(BACKUP_DAILY), 1),
            weekly=max(self.get(BACKUP_WEEKLY), 0),
            monthly=max(self.get(BACKUP_MONTHLY), 0),
        )
