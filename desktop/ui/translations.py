"""The running application's translators, switchable at run time (the GUI's side of
``desktop.i18n``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from desktop.i18n import catalogue_path, normalise_language


def _load(language: str) -> QTranslator | None:
    if language == "en" and not catalogue_path(language).exists():
        return None  # English is the source text; its catalogue only adds plural forms
    translator = QTranslator()
    if not translator.load(str(catalogue_path(language))):
        raise FileNotFoundError(f"translation catalogue missing: {catalogue_path(language)}")
    return translator


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
