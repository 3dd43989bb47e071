"""``outreach-desk check --self-test``: does this installation work, start to finish?

Run on an officer's laptop after unzipping the program, and by tests/test_build.py on the
one-folder build: it finds the bundled resources, opens a temporary database, writes a record
and reads it back (and an encrypted one, where SQLCipher is installed), builds a PDF with the
embedded Chinese font and reads its text back with QtPdf, opens the main window offscreen, and
where there is a screen starts the screen's own platform in a child process. Everything
happens in a temporary folder that is removed afterwards; the officer's data folder and
settings are never touched.
"""

from __future__ import annotations

import os
import sys
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
    skipped: bool = False  # nothing to check here (no screen): neither passed nor failed


class SelfTestSkipped(Exception):
    """The step cannot run on this machine (a check of the screen where there is none)."""


class SelfTestFailure(Exception):
    """One step found the installation broken; the message says what is missing."""


# The environment the self-test started in: the screen check starts the program's platform
# there, not in the offscreen one the other steps use.
_native_environment: dict[str, str] = {}


@contextmanager
def _isolated(folder: Path) -> Iterator[None]:
    """Point the data folder (settings, demo, backups) at ``folder`` for the duration."""
    _native_environment.clear()
    _native_environment.update(os.environ)
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
    from desktop.reports.fonts import FACES
    from desktop.reports.handout import load_common, load_handouts

    needed = [font_path(face.file) for face in FACES]
    needed += [catalogue_path(language) for language in LANGUAGES]
    needed += [resource_dir() / "icons" / "outreach-desk.svg"]
    missing = [str(path) for path in needed if not path.is_file()]
    if missing:
        raise SelfTestFailure("missing: " + ", ".join(missing))
    topics = load_handouts()
    load_common()
    return f"{resource_dir()} · {len(topics)} handout topics"


def _check_database(folder: Path) -> str:
    from desktop.db.opening import check_database, open_database
    from desktop.domain.areas import add_area, list_areas

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
        raise SelfTestFailure("; ".join(map(str, problems)))
    return f"{path.name} · {_check_encryption(folder)}"


def _check_encryption(folder: Path) -> str:
    """Where SQLCipher is part of the installation, a file written with a key must read back
    with it and be unreadable without it."""
    from desktop.db import keys
    from desktop.db import sqlite as driver

    if not driver.encryption_available():
        return "no encryption on this system"
    path = folder / "self-test-encrypted.sqlite3"
    key = keys.new_key()
    conn = driver.connect(str(path), encrypted=True)
    try:
        keys.apply_key(conn, key)
        conn.execute("CREATE TABLE probe (text TEXT)")
        conn.execute("INSERT INTO probe VALUES (?)", (AREA_PROBE,))
        conn.commit()
    finally:
        conn.close()
    conn = driver.connect(str(path), encrypted=True)
    try:
        keys.apply_key(conn, key)
        read = conn.execute("SELECT text FROM probe").fetchone()[0]
        version = conn.execute("SELECT sqlite_version()").fetchone()[0]
    finally:
        conn.close()
    if read != AREA_PROBE:
        raise SelfTestFailure("the encrypted record did not read back")
    plain = driver.connect(str(path))
    try:
        plain.execute("SELECT count(*) FROM probe").fetchone()
    except driver.plain.DatabaseError:
        pass  # as it must: without the key the file is noise
    else:
        raise SelfTestFailure("the encrypted file could be read without its key")
    finally:
        plain.close()
    return f"SQLCipher (SQLite {version}): encrypted file written, read back, closed to others"


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


def _check_word(folder: Path) -> str:
    """python-docx and its lxml are in the build: a Word document is written and read back."""
    import docx

    path = folder / "self-test.docx"
    document = docx.Document()
    document.add_paragraph(HANDOUT_PROBE)
    document.save(path)
    text = "".join(paragraph.text for paragraph in docx.Document(path).paragraphs)
    if HANDOUT_PROBE not in text:
        raise SelfTestFailure(f"the Word document did not read back: {text[:40]!r}")
    return f"{path.name} · {path.stat().st_size:,} bytes"


@contextmanager
def _quiet_offscreen() -> Iterator[None]:
    """The offscreen platform says it "does not support propagateSizeHints()" when a window
    is shown: true and harmless, and not something an officer running the check should read."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(kind, context, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _check_window(folder: Path, language: str) -> str:
    """The main window on the temporary database, drawn offscreen by the program's own
    screenshot command (so the picture path is checked too), in the chosen language."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QImage

    from desktop.ui.app import CJK_FAMILY, app_icon
    from desktop.ui.screenshot import take_screenshot

    with _quiet_offscreen():
        path = take_screenshot(
            folder / "self-test.sqlite3", "today", folder / "self-test-window.png",
            language=language, size=(1280, 800),
        )  # fmt: skip
    app = QCoreApplication.instance()
    if CJK_FAMILY not in app.font().families():
        raise SelfTestFailure("the Chinese font was not registered with Qt")
    if language == "zh_CN" and QCoreApplication.translate("MainWindow", "Today") == "Today":
        raise SelfTestFailure("the Chinese translation did not load")
    if app_icon().pixmap(64, 64).isNull():
        raise SelfTestFailure("the program's icon (SVG) could not be drawn")
    picture = QImage(str(path))
    if picture.isNull() or picture.width() < 100:
        raise SelfTestFailure("the main window could not be drawn")
    return f"{picture.width()}×{picture.height()} · {path.name}"


def _screen_present() -> bool:
    if sys.platform.startswith("linux"):
        env = _native_environment or os.environ
        return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have their screen


def platform_command() -> list[str]:
    """This program again, asked only to start its screen platform (``check --probe-screen``)."""
    from desktop.paths import is_frozen

    program = [sys.executable] if is_frozen() else [sys.executable, "-m", "desktop"]
    return [*program, "check", "--probe-screen"]


def _check_screen() -> str:
    """The other steps draw offscreen; this one starts the platform the window really uses
    (xcb on Linux, windows on Windows) in a child process, so a missing system library shows
    here instead of when the officer double-clicks the program."""
    if not _screen_present():
        raise SelfTestSkipped("no screen on this machine (DISPLAY is not set)")
    import subprocess

    env = dict(_native_environment or os.environ)
    if env.get("QT_QPA_PLATFORM") == "offscreen":
        env.pop("QT_QPA_PLATFORM")
    result = subprocess.run(platform_command(), capture_output=True, text=True, timeout=60, env=env)
    if result.returncode != 0:
        said = " ".join(line.strip() for line in result.stderr.splitlines() if line.strip())
        raise SelfTestFailure(f"the window's platform did not start: {said[-400:]}")
    return result.stdout.strip() or "started"


def probe_screen() -> int:
    """In the child of ``_check_screen``: start the platform, name it, leave."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] or "outreach-desk"])
    screen = app.primaryScreen()
    size = screen.size() if screen is not None else None
    print(f"{app.platformName()}" + (f" · {size.width()}×{size.height()}" if size else ""))
    return 0


STEPS: tuple[tuple[str, Callable[..., str]], ...] = (
    (QT_TRANSLATE_NOOP("SelfTest", "Bundled resources (font, translations, icons, handouts)"),
     lambda folder, language: _check_resources()),
    (QT_TRANSLATE_NOOP("SelfTest", "Database: write a record and read it back"),
     lambda folder, language: _check_database(folder)),
    (QT_TRANSLATE_NOOP("SelfTest", "PDF with the embedded Chinese font, read back"),
     lambda folder, language: _check_pdf(folder)),
    (QT_TRANSLATE_NOOP("SelfTest", "Word document written and read back"),
     lambda folder, language: _check_word(folder)),
    (QT_TRANSLATE_NOOP("SelfTest", "Main window, offscreen"),
     _check_window),
    (QT_TRANSLATE_NOOP("SelfTest", "The screen's own platform (the window as it opens)"),
     lambda folder, language: _check_screen()),
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
                except SelfTestSkipped as exc:
                    results.append(
                        Step(title, True, str(exc), time.perf_counter() - started, skipped=True)
                    )
                    continue
                except SelfTestFailure as exc:
                    detail, ok = str(exc), False
                except Exception as exc:  # noqa: BLE001 - a broken build fails in any way
                    detail, ok = f"{type(exc).__name__}: {exc}", False
                results.append(Step(title, ok, detail, time.perf_counter() - started))
    return results
