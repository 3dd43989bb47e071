"""Languages: Simplified Chinese by default, English on request.

Source strings are English; ``resources/i18n/outreach_desk_zh_CN.ts`` carries the Chinese and is
compiled to ``.qm`` by ``pyside6-lrelease`` (see ``resources/i18n/README.md``). English needs no
catalogue. The GUI installs translators on the application; the command line, which has no
application object, asks a translator directly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from desktop.paths import resource_dir

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
CATALOGUE = "outreach_desk"

Translate = Callable[[str, str], str]


def normalise_language(value: str | None) -> str:
    """``zh``, ``zh-CN``, ``zh_CN`` → ``zh_CN``; ``en_US`` → ``en``; unknown → default."""
    text = (value or "").replace("-", "_").lower()
    if text.startswith("zh"):
        return "zh_CN"
    if text.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def catalogue_path(language: str) -> Path:
    return resource_dir() / "i18n" / f"{CATALOGUE}_{language}.qm"


def _load(language: str) -> QTranslator | None:
    if language == "en" and not catalogue_path(language).exists():
        return None  # English is the source text; its catalogue only adds plural forms
    translator = QTranslator()
    if not translator.load(str(catalogue_path(language))):
        raise FileNotFoundError(f"translation catalogue missing: {catalogue_path(language)}")
    return translator


def translator_for(language: str) -> Translate:
    """A ``translate(context, text)`` function that needs no QApplication (command line)."""
    translator = _load(normalise_language(language))
    if translator is None:
        return lambda context, text: text

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    return translate


class Translations:
    """The translators installed on the running application; switchable at run time."""

    def __init__(self) -> None:
        self.language = "en"
        self._installed: list[QTranslator] = []  # keep references, or Qt drops them

    def install(self, language: str) -> None:
        language = normalise_language(language)
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        if language != "en":
            qt_base = QTranslator()
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_base.load(QLocale(language), "qtbase", "_", qt_dir):
                self._installed.append(qt_base)  # Qt's own buttons and dialogs
        ours = _load(language)
        if ours is not None:
            self._installed.append(ours)
        for translator in self._installed:
            app.installTranslator(translator)
        # The language is known before the widgets hear of it: their retranslate() asks it
        # (ui_is_chinese) for the dates and sums of money they show.
        QLocale.setDefault(
            QLocale(QLocale.Language.Chinese, QLocale.Country.China)
            if language == "zh_CN"
            else QLocale(QLocale.Language.English)
        )
        self.language = language
        # Qt posts LanguageChange to the widgets; deliver it now so that every text is in the
        # new language when install() returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
