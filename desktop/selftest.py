"""``outreach-desk check --self-test``: does this installation work, start to finish?

Run on an officer's laptop after unzipping the program, and by CI on the one-folder build: it
finds the bundled resources, opens a temporary database, writes a record and reads it back,
builds a PDF with the embedded Chinese font and reads its text back with QtPdf, and opens the
main window offscreen. Everything happens in a temporary folder that is removed afterwards;
the officer's data folder and settings are never touched.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.paths import DATA_ENV, DB_ENV

# A sentence of the handout that must come back out of the PDF as text (the font's glyphs
# map back to these characters only when the font is embedded with its Unicode table).
HANDOUT_PROBE = "反诈"
AREA_PROBE = "自检县"


@dataclass(frozen=True)
class Step:
    name: str  # a QT_TRANSLATE_NOOP("SelfTest", …) text
    ok: bool
    detail: str = ""
    seconds: float = 0.0


class SelfTestFailure(Exception):
    """One step found the installation broken; the message says what is missing."""


@contextmanager
def _isolated(folder: Path) -> Iterator[None]:
    """Point the data folder (settings, demo, backups) at ``folder`` for the duration."""
    saved = {name: os.environ.get(name) for name in (DATA_ENV, DB_ENV, "QT_QPA_PLATFORM")}
    os.environ[DATA_ENV] = str(folder)
    os.environ.pop(DB_ENV, None)
    # The check needs no screen: a laptop's display is left alone, CI has none.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _check_resources() -> str:
    from desktop.i18n import LANGUAGES, catalogue_path
    from desktop.paths import font_path, resource_dir
    from desktop.reports.handout import load_common, load_handouts

    needed = [font_path(), *(catalogue_path(language) for language in LANGUAGES)]
    needed += [resource_dir() / "icons" / "outreach-desk.svg"]
    missing = [str(path) for path in needed if not path.is_file()]
    if missing:
        raise SelfTestFailure("missing: " + ", ".join(missing))
    topics = load_handouts()
    load_common()
    return f"{resource_dir()} · {len(topics)} handout topics"


def _check_database(folder: Path) -> str:
    from desktop.storage.areas import add_area, list_areas
    from desktop.storage.database import check_database, open_database

    path = folder / "self-test.sqlite3"
    database = open_database(path)
    try:
        add_area(database, name=AREA_PROBE, level="county")
    finally:
        database.close()
    database = open_database(path, create=False)
    try:
        names = [area.name for area in list_areas(database)]
    finally:
        database.close()
    if AREA_PROBE not in names:
        raise SelfTestFailure(f"the record written was not read back ({names})")
    problems = check_database(path)
    if problems:
        raise SelfTestFailure("; ".join(problems))
    from desktop.storage import sqlite as driver

    cipher = "SQLCipher" if driver.encryption_available() else "no encryption"
    return f"{path.name} · {cipher}"


def _check_pdf(folder: Path) -> str:
    from desktop.reports.handout import build_handout

    path = folder / "self-test-handout.pdf"
    build_handout(path, station_name="自检派出所", station_phone="0778-0000000")
    data = path.read_bytes()
    if not data.startswith(b"%PDF"):
        raise SelfTestFailure(f"{path.name} is not a PDF")
    if b"/FontFile2" not in data:
        raise SelfTestFailure("the Chinese font is not embedded in the PDF")
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() != 1:
        raise SelfTestFailure(
            f"QtPdf could not read the PDF back ({error}, {document.pageCount()})"
        )
    text = document.getAllText(0).text()
    document.close()
    if HANDOUT_PROBE not in text:
        raise SelfTestFailure(f"the PDF's text did not read back as Chinese: {text[:40]!r}")
    return f"{path.name} · {len(data):,} bytes · {len(text)} characters read back"


def _check_window(folder: Path, language: str) -> str:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon

    from desktop.settings import Settings
    from desktop.storage.database import open_database
    from desktop.ui.app import CJK_FAMILY, app_icon, create_application
    from desktop.ui.main_window import MainWindow

    app, translations = create_application(language)
    if CJK_FAMILY not in app.font().families():
        raise SelfTestFailure("the Chinese font was not registered with Qt")
    if language == "zh_CN" and QCoreApplication.translate("MainWindow", "Today") == "Today":
        raise SelfTestFailure("the Chinese translation did not load")
    icon: QIcon = app_icon()
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        raise SelfTestFailure("the program's icon (SVG) could not be drawn")
    database = open_database(folder / "self-test.sqlite3", create=False)
    window = MainWindow(database, Settings(), translations)
    window.show()
    task = window.refresh_status()
    deadline = time.monotonic() + 30
    while task is not None and not task.done and time.monotonic() < deadline:
        app.processEvents()
        window.runner.wait(20)
    picture = window.grab()
    title = window.windowTitle()
    window.close()
    app.processEvents()
    if picture.isNull() or picture.width() < 100:
        raise SelfTestFailure("the main window could not be drawn")
    return f"{picture.width()}×{picture.height()} · {title}"


STEPS: tuple[tuple[str, Callable[..., str]], ...] = (
    (QT_TRANSLATE_NOOP("SelfTest", "Bundled resources (font, translations, icons, handouts)"),
     lambda folder, language: _check_resources()),
    (QT_TRANSLATE_NOOP("SelfTest", "Database: write a record and read it back"),
     lambda folder, language: _check_database(folder)),
    (QT_TRANSLATE_NOOP("SelfTest", "PDF with the embedded Chinese font, read back"),
     lambda folder, language: _check_pdf(folder)),
    (QT_TRANSLATE_NOOP("SelfTest", "Main window, offscreen"),
     _check_window),
)  # fmt: skip


def run_self_test(language: str) -> list[Step]:
    """Every step, in order; a step after a failed one still runs when it can."""
    results: list[Step] = []
    with tempfile.TemporaryDirectory(prefix="outreach-desk-self-test-") as name:
        folder = Path(name)
        with _isolated(folder):
            for title, step in STEPS:
                started = time.perf_counter()
                try:
                    detail = step(folder, language)
                    ok = True
                except SelfTestFailure as exc:
                    detail, ok = str(exc), False
                except Exception as exc:  # noqa: BLE001 - a broken build fails in any way
                    detail, ok = f"{type(exc).__name__}: {exc}", False
                results.append(Step(title, ok, detail, time.perf_counter() - started))
    return results
