"""Render a view offscreen to PNG: for tests, the README, the user guide and review."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError


def take_screenshot(
    db_path: Path, view: str, output: Path, *, language: str, size: tuple[int, int]
) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.settings import Settings
    from desktop.storage.database import open_database
    from desktop.ui.app import create_application
    from desktop.ui.main_window import MainWindow

    create_application(language)
    database = open_database(db_path, create=False)  # a picture never creates a database
    window = MainWindow(database, Settings(), QApplication.instance()._outreach_translations)
    window.resize(*size)
    window.show()
    # Wait for the status bar's counts, which arrive from the worker thread.
    task = window.refresh_status()
    while task is not None and not task.done:
        QApplication.processEvents()
        window.runner.wait(50)
    QApplication.processEvents()
    tabs = {"areas": 0, "officers": 1, "partners": 2}
    talk_views = {"talks": "list", "calendar": "month", "week": "week"}
    target = window
    if view == "today":
        window.show_page("today")
    elif view == "reports":
        window.show_page("reports")
    elif view in tabs:
        window.show_page("areas").tabs.setCurrentIndex(tabs[view])
    elif view == "warnings":
        page = window.show_page("warnings")
        while page.loading:  # the counts arrive from the worker
            QApplication.processEvents()
            window.runner.wait(20)
        page.select_row(0)  # the most urgent case, as an officer would open it
    elif view in talk_views:
        window.show_page("talks").set_view(talk_views[view])
    elif view == "settings":
        target = window.open_settings()
        target.show()
    shown = window.stack.currentWidget()
    while getattr(shown, "loading", False):  # what the page shows arrives from the worker
        QApplication.processEvents()
        window.runner.wait(20)
    for _ in range(3):
        QApplication.processEvents()
    output.parent.mkdir(parents=True, exist_ok=True)
    if not target.grab().save(str(output), "PNG"):
        raise OutreachError(
            QT_TRANSLATE_NOOP("Errors", "Could not write the picture to {path}."), path=output
        )
    if target is not window:
        target.close()
    window.close()
    return output
