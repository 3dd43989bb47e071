"""Settings of this laptop's program (not of the data), declared in one place.

Stored in ``settings.ini`` in the data folder so tests and portable installs can move them with
``OUTREACH_DESK_DATA``. Settings that belong to the data (station name and phone printed on
documents, the officer using this laptop) live in the database's ``meta`` table instead, so they
travel with a backup.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from desktop.i18n import DEFAULT_LANGUAGE, normalise_language
from desktop.paths import data_dir


class Option(NamedTuple):
    key: str
    type: type
    default: Any


LANGUAGE = Option("ui/language", str, DEFAULT_LANGUAGE)
MAIN_GEOMETRY = Option("ui/main_window_geometry", QByteArray, QByteArray())
TEXT_SIZE = Option("ui/text_size_percent", int, 100)  # Settings › Text size
CLASH_CHECK = Option("talks/warn_about_clashes", bool, True)
BACKUP_ON_CLOSE = Option("backup/on_close", bool, True)
BACKUP_FOLDER = Option("backup/folder", str, "")  # empty: beside the database
BACKUP_DAILY = Option("backup/keep_daily", int, 7)
BACKUP_WEEKLY = Option("backup/keep_weekly", int, 4)
BACKUP_MONTHLY = Option("backup/keep_monthly", int, 12)


class Settings:
    def __init__(self) -> None:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)

    def get(self, option: Option) -> Any:
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
