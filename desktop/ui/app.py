"""Starting the window: application object, font, translations, database, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

# isort: split
from desktop.ui import pyside_features  # noqa: F401 - before the rest of ours (its docstring)

# isort: split
from desktop import APP_NAME, ORGANISATION, __version__, collector
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.paths import font_path, resource_dir
from desktop.settings import TEXT_SIZE, Settings
from desktop.ui.translations import Translations

if TYPE_CHECKING:
    from desktop.domain.today import HeadStart

CJK_FAMILY = "WenQuanYi Micro Hei"


def icon(name: str) -> QIcon:
    """One of the program's SVG icons (sharp at any screen scale)."""
    return QIcon(str(resource_dir() / "icons" / f"{name}.svg"))


def app_icon() -> QIcon:
    return icon("outreach-desk")


def create_application(
    language: str, text_size: int | None = None
) -> tuple[QApplication, Translations]:
    """The QApplication with the bundled CJK font, the text size (percent; None: the one in
    Settings) and the chosen language installed."""
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux"):
            if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
        # A 150% Windows laptop scales by 1.5 exactly, not rounded to 2 (text stays sharp and
        # the window fits): Qt 6's own rounding (PassThrough), which a test holds to. Setting
        # it here would make Qt's namespace at every start (ui/qt.py).
        app = QApplication([sys.argv[0] if sys.argv else "outreach-desk"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    register_font(app)
    apply_text_size(app, Settings().get(TEXT_SIZE) if text_size is None else text_size)
    translations = getattr(app, "_outreach_translations", None)
    if translations is None:
        translations = Translations()
        app._outreach_translations = translations  # keep a reference for the app's lifetime
    translations.install(language)
    return app, translations


def register_font(app: QApplication) -> None:
    """Make the bundled font the application font, so Chinese never renders as boxes."""
    if getattr(app, "_outreach_font_registered", False):
        return
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(app.font())
        font.setFamilies([CJK_FAMILY if CJK_FAMILY in families else families[0]])
        if font.pointSizeF() < 10:
            font.setPointSizeF(10)
        app.setFont(font)
    app._outreach_base_point_size = app.font().pointSizeF()
    app._outreach_font_registered = True


# The choices of Settings › Text size, in percent of the normal size.
TEXT_SIZES = (100, 115, 130, 150)


def apply_text_size(app: QApplication, percent: int) -> None:
    """Every text of the program at ``percent`` of the normal size, at once: the application
    font changes, and the widgets drawn larger than it (clocks, headings) follow it."""
    from desktop.ui.widgets import refresh_relative_fonts

    percent = min(max(int(percent), TEXT_SIZES[0]), TEXT_SIZES[-1])
    font = QFont(app.font())
    font.setPointSizeF(app._outreach_base_point_size * percent / 100)
    if font != app.font():
        app.setFont(font)
        refresh_relative_fonts(app)
        # Deliver the font changes now, so every widget has its new size when this returns.
        for kind in (QEvent.Type.ApplicationFontChange, QEvent.Type.FontChange):
            QCoreApplication.sendPostedEvents(None, kind)


def run_gui(
    db_path: Path, language: str, *, demo: bool = False, head_start: HeadStart | None = None
) -> int:
    """The window on the database at ``db_path``, until it is closed; ``head_start``: Today's
    reading begun before (``domain.today.begin_reading``)."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.messages import (
        app_title,
        install_crash_handler,
        interactive,
        message_box,
        render_error,
    )

    app, translations = create_application(language)
    install_crash_handler()
    # The modules are in: the collector is on again before any dialog, check or migration
    # (collector.py).
    collector.settle()
    settings = Settings()
    from desktop.db import instance

    lock = instance.InstanceLock(db_path)
    if not lock.acquire():
        message = QCoreApplication.translate("Startup", IN_USE).format(path=db_path)
        print(f"outreach-desk: {message}", file=sys.stderr)
        if interactive():
            from PySide6.QtWidgets import QMessageBox

            message_box(None, QMessageBox.Icon.Information, app_title(), message)
        return 1
    from desktop.db import keys

    unlocked = False
    if keys.is_encrypted(db_path):  # the key is needed before anything can be read
        if not interactive():
            print(f"outreach-desk: {QCoreApplication.translate('Startup', ENCRYPTED)}",
                  file=sys.stderr)  # fmt: skip
            return 1
        from desktop.db.password import key_gate
        from desktop.ui.lock import UnlockDialog

        if not UnlockDialog(None, gate=key_gate(db_path)).exec():
            lock.release()
            return 0
        unlocked = True
    from desktop.core.errors import DatabaseDamaged, DatabaseError
    from desktop.db.database import META_PASSWORD_HASH, READ_ONLY, can_write
    from desktop.domain.station import station_is_set
    from desktop.ui.tasks import close_quietly

    database = window = None
    try:
        if db_path.is_file() and not can_write(db_path):
            raise DatabaseError(READ_ONLY, path=str(db_path))  # the window saves as it goes
        if not recover_if_damaged(db_path, settings):
            return 1
        for _attempt in range(3):  # a restored backup is opened as the file was
            try:
                database = open_with_progress(db_path)
                if database.get_meta(META_PASSWORD_HASH) and interactive() and not unlocked:
                    from desktop.ui.lock import UnlockDialog

                    if not UnlockDialog(database).exec():  # no password, no data
                        database.close()
                        lock.release()
                        return 0
                    unlocked = True
                instance.mark_open(db_path)
                window = MainWindow(database, settings, translations, head_start=head_start)
                break
            except DatabaseDamaged as damage:
                if database is not None:
                    close_quietly(database)
                    database = None
                if not take_damage_path(db_path, settings, damage):
                    return 1
        else:
            return 1
    except OutreachError as exc:
        text = render_error(exc)
        print(f"outreach-desk: {text}", file=sys.stderr)
        if interactive():
            from PySide6.QtWidgets import QMessageBox

            message_box(None, QMessageBox.Icon.Critical, app_title(), text)
        return 1
    window.instance_lock = lock
    window.watch_for_damage()  # damage met later, in any query, takes the same path
    window.show()
    if demo and database.is_empty():
        window.workflows.fill_demo_database(db_path)  # the demo names its own station
    elif not station_is_set(database):  # the questions' module is read only to ask them
        from desktop.ui.station_dialog import ask_for_station

        ask_for_station(window)
    if os.environ.get(EXIT_WHEN_IDLE_ENV):
        # A start measured: no chores. They would begin only if the start took longer than
        # their delay, and then a backup or the purge would write to the file being measured.
        _exit_when_idle(app, window)
    else:
        # What the first screen does not need waits until it is up: the window's start pays
        # only for what it shows.
        after_todays_first_paint(window, make_what_the_start_put_off)
        QTimer.singleShot(CHORES_DELAY_MS, lambda: start_chores(window))
    status = app.exec()
    if not window.closed:  # the event loop ended without the window closing (app.quit())
        window.close()  # waits for the worker, checks, backs up, closes the database cleanly
    return 1 if window.damaged else status


def after_todays_first_paint(window, call) -> None:
    """``call()`` once Today has shown its first reading and been painted: at the next turn
    of the event loop after it (the paint was asked for first)."""
    page = window.today_page
    asked = []

    def soon(*_args) -> None:
        if not asked:  # the first reading only (a single-shot connection would name Qt)
            asked.append(True)
            QTimer.singleShot(0, window, call)

    if page.data is not None:
        soon()
    else:
        page.reading_shown.connect(soon)


def make_what_the_start_put_off() -> None:
    """PySide's Qt namespace and QStyle's enums, which the start does without (ui/qt.py,
    ui/menu_style.py): made once Today is painted (some 20 ms while the officer reads it),
    not when the officer first opens another screen or a menu."""
    from desktop.ui import menu_style  # noqa: F401 - QStyle's enums
    from desktop.ui.qt import Qt

    Qt.AlignmentFlag  # noqa: B018 - makes the whole namespace


def _needs_migration(db_path: Path) -> bool:
    """Whether opening will change the schema (read from the file without opening it)."""
    from desktop.db import migrations
    from desktop.db import sqlite as sqlite3

    if not db_path.is_file() or db_path.stat().st_size == 0:
        return False
    from desktop.db import keys

    try:
        data_key = keys.needed_key(db_path)
        conn = sqlite3.connect(
            db_path.resolve().as_uri() + "?mode=ro", uri=True, encrypted=data_key is not None
        )
        try:
            keys.apply_key(conn, data_key)
            version = migrations.schema_version(conn)
        finally:
            conn.close()
    except (*sqlite3.Error, OutreachError):
        return False  # opening will say what is wrong
    return 0 < version < migrations.SCHEMA_VERSION


def open_with_progress(db_path: Path, parent: QWidget | None = None):
    """Open the database; when a new version must first back it up and change its schema (a
    county's file takes minutes), do it on a worker under a dialog (over ``parent``) whose bar
    moves with the backup and then with each step."""
    from desktop.db.opening import open_database
    from desktop.ui.tasks import Task, TaskRunner, run_to_end

    if not _needs_migration(db_path):
        return open_database(db_path)
    runner = TaskRunner()
    try:
        return run_to_end(
            runner,
            Task(lambda progress: open_database(db_path, progress=progress)),
            QCoreApplication.translate("Startup", UPGRADING),
            parent,
        )
    finally:
        runner.shutdown()


UPGRADING = QT_TRANSLATE_NOOP(
    "Startup",
    "This version of Outreach Desk keeps more in the database. It is making a backup of the "
    "database and then bringing it up to date; a large database takes a few minutes…",
)
CHORES_DELAY_MS = 1500


def start_chores(window) -> None:
    """The idle lock, what killed backups and merges left behind, and the backup (the last
    session's, when its close was cut off before it was made) and the purge of old personal
    data when they are due."""
    if window.closed:
        return
    from desktop.db import backups
    from desktop.domain import retention
    from desktop.ui.lock import IdleWatch

    window.idle_watch = IdleWatch(window)
    database = window.database
    window.workflows.remove_leftovers()
    if database.is_empty():
        return
    from desktop.settings import BACKUP_ON_CLOSE

    # The purge first (on the one worker, in order): the backup then holds its record too.
    if retention.purge_due(database):
        window.workflows.purge_old_personal_data()  # on schedule: at most every 30 days
    if backups.backup_due_at_start(
        database, after_every_change=window.settings.get(BACKUP_ON_CLOSE)
    ):
        window.workflows.back_up_now()


def recover_if_damaged(db_path: Path, settings: Settings) -> bool:
    """After an unclean shutdown, check the whole file before opening it for writing. A
    damaged file is moved aside unchanged; the officer may restore the newest good backup.
    Returns False when there is nothing sound to open."""
    from desktop.db import instance

    if not instance.was_left_open(db_path):
        return True
    from desktop.db import backups

    damage = wait_for(
        lambda: backups.check_before_opening(db_path, settings.backup_folder(db_path)),
        QCoreApplication.translate("Startup", CHECKING),
    )
    if damage is None:
        return True
    return offer_backup(db_path, damage)


def take_damage_path(db_path: Path, settings: Settings, damage) -> bool:
    """The window's damage path, whenever SQLite reports the file damaged (``damage``, a
    DatabaseDamaged, with nothing of the program holding the file any more): it is moved
    aside unchanged and the newest good backup offered. True when that backup is in place."""
    from desktop.db import backups

    found = backups.set_aside(db_path, settings.backup_folder(db_path), [damage.reason])
    return offer_backup(db_path, found)


def offer_backup(db_path: Path, damage) -> bool:
    """Say where the damaged file went and offer the newest good backup (``damage``: a
    backups.Damage); True when the officer took it and it is in place."""
    from desktop.db import backups
    from desktop.ui.messages import app_title, ask, interactive, message_box

    where = "\n".join(str(path) for path in damage.moved)
    if damage.backup is None:
        message = QCoreApplication.translate("Startup", DAMAGED_NO_BACKUP).format(where=where)
        print(f"outreach-desk: {message}", file=sys.stderr)
        if interactive():
            from PySide6.QtWidgets import QMessageBox

            message_box(None, QMessageBox.Icon.Critical, app_title(), message)
        return False
    message = QCoreApplication.translate("Startup", DAMAGED_RESTORE).format(
        where=where, backup=damage.backup.name
    )
    print(f"outreach-desk: {message}", file=sys.stderr)
    if interactive():
        if not ask(None, app_title(), message):
            return False
    elif not os.environ.get(RESTORE_WITHOUT_ASKING_ENV):
        return False
    backups.restore_backup(damage.backup, db_path)
    return True


IN_USE = QT_TRANSLATE_NOOP(
    "Startup",
    "The database {path} is already open in Outreach Desk. Switch to that window (or close it "
    "first); two programs on one database could overwrite each other's work.",
)
ENCRYPTED = QT_TRANSLATE_NOOP(
    "Startup", "The database is encrypted: start the program on a screen to enter its password."
)
CHECKING = QT_TRANSLATE_NOOP(
    "Startup", "The program was not closed properly last time; checking the database…"
)
DAMAGED_NO_BACKUP = QT_TRANSLATE_NOOP(
    "Startup",
    "The database is damaged. It was moved aside unchanged:\n{where}\nNo good backup was "
    "found; ask your county's technician for help with the damaged file.",
)
DAMAGED_RESTORE = QT_TRANSLATE_NOOP(
    "Startup",
    "The database is damaged. It was moved aside unchanged:\n{where}\nRestore the newest good "
    "backup ({backup})? What was entered after it will have to be entered again.",
)
# Tests (no one to answer the question) set this to restore the newest good backup.
RESTORE_WITHOUT_ASKING_ENV = "OUTREACH_DESK_RESTORE_WITHOUT_ASKING"


def wait_for(work, text: str, parent: QWidget | None = None):
    """Run ``work()`` on a worker of its own and wait for it, the screen kept painted under a
    busy dialog: for opening, where nothing can go on before it ends (before the window and
    its runner exist, or a file opened in place of the window's)."""
    from desktop.ui.tasks import Task, TaskRunner, run_to_end

    runner = TaskRunner()
    try:
        return run_to_end(runner, Task(lambda progress: work()), text, parent)
    finally:
        runner.shutdown()


# The startup benchmark sets this: once the first screen (Today) shows its reading, painted,
# print the wall-clock time and quit: where the officer can act. Nothing else uses it but the
# tests that start the window as a process of its own.
EXIT_WHEN_IDLE_ENV = "OUTREACH_DESK_EXIT_WHEN_IDLE"


def _exit_when_idle(app: QApplication, window) -> None:
    import gc
    import time

    from PySide6.QtCore import QTimer

    page = window.today_page

    reported = []

    def report() -> None:
        # Still on its way: the page says when it shows it. A poll every millisecond would
        # take the interpreter's lock from the reading's thread, which the officer's window
        # never does.
        if reported or page.loading or page.data is None:
            return
        reported.append(True)  # once, whichever comes first: the page or the first idle
        page.reading_shown.disconnect(report)  # a later reading is no start
        window.repaint()  # what the reading changed is on screen before the clock stops
        # and whether the start settled the collector (collector.py)
        print(f"idle {time.time():.6f} collector={'on' if gc.isenabled() else 'off'}", flush=True)
        app.quit()

    page.reading_shown.connect(report)

    def never_arrived() -> None:  # a reading that failed: say so, and quit
        print("Today's reading never arrived", file=sys.stderr, flush=True)
        app.quit()

    QTimer.singleShot(0, report)
    QTimer.singleShot(120_000, never_arrived)
