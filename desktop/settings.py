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
CLASH_CHECK = Option("talks/warn_about_clashes", bool, True)


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
