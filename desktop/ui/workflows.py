"""The work on the database file as a whole, which the main window's menus and its start and
close set going: backups, restoring one, encryption at rest, the demo database, the chores
(leftover files, the purge of old personal data) and the check on close.

Everything long runs on the window's task runner with its own connection; where the window
cannot go on before it ends (the file rewritten under it) it waits with ``run_to_end``, under a
progress dialog; the close's check and backup run after the window is gone, quietly. The texts keep the main window's translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.db import keys
from desktop.db import sqlite as sqlite3
from desktop.db.database import Database
from desktop.paths import demo_db_path
from desktop.ui.app import open_with_progress
from desktop.ui.messages import ask, show_error
from desktop.ui.qt import Qt
from desktop.ui.tasks import Cancelled, Task, on_worker, run_to_end

# The backups module (and what it reads: hashing, zip files) is imported by the methods that
# use it, off the window's start.

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

CONTEXT = "MainWindow"
BACKUP = QT_TRANSLATE_NOOP("MainWindow", "Backup")
BACKING_UP_PERCENT = QT_TRANSLATE_NOOP("MainWindow", "Backing up… {percent}%")
CHECKING = QT_TRANSLATE_NOOP("MainWindow", "Checking the database…")
BACKING_UP = QT_TRANSLATE_NOOP("MainWindow", "Backing up the database…")
REWRITING = QT_TRANSLATE_NOOP("MainWindow", "Rewriting the database file…")
LEFTOVERS = QT_TRANSLATE_NOOP("MainWindow", "Leftover files")
PERSONAL_DATA = QT_TRANSLATE_NOOP("MainWindow", "Personal data")
RESTORE = QT_TRANSLATE_NOOP("MainWindow", "Restore from a backup")
BACKUP_FILES = QT_TRANSLATE_NOOP("MainWindow", "Outreach Desk backup (*.sqlite3)")
RESTORE_QUESTION = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Replace the database with the backup {name}? Everything entered since that "
    "backup will no longer be shown; the current file is kept beside it as "
    "“….replaced-<time>”.",
)
OPEN_DEMO = QT_TRANSLATE_NOOP("MainWindow", "Open demo database")
MAKING_DEMO = QT_TRANSLATE_NOOP("MainWindow", "Making the demo database…")
CANCEL = QT_TRANSLATE_NOOP("MainWindow", "Cancel")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class DatabaseWorkflows(QObject):
    """The workflows of one main window; they act on whatever database it has open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.demo_progress: QProgressDialog | None = None

    @property
    def window(self) -> MainWindow:
        # Its parent, not an attribute: a reference back would keep a closed window's wrapper
        # alive after Qt deleted the window.
        return self.parent()

    @property
    def database(self) -> Database:
        """The window's database (the password dialog reads it after a rewrite)."""
        return self.window.database

    @property
    def settings(self):
        return self.window.settings

    def _start(self, task: Task, failure_title: str) -> Task:
        task.failed.connect(lambda exc: show_error(self.window, _tr(failure_title), exc))
        return self.window.runner.start(task)

    # -- backups -------------------------------------------------------------------------------
    def back_up_now(self) -> Task | None:
        """A backup on the worker (its own connection), with progress in the status bar."""
        if self.database.path is None:
            return None
        task = self._backup(self.database.path)
        status = self.window.status_backup
        task.progressed.connect(
            lambda done, total: status.setText(
                _tr(BACKING_UP_PERCENT).format(percent=100 * done // max(total, 1))
            )
        )
        task.succeeded.connect(lambda _path: self.window.show_status())
        return self._start(task, BACKUP)

    def _backup(self, db_path: Path) -> Task:
        """A backup of the file at ``db_path`` into the backup folder of Settings, as a task."""
        from desktop.db import backups

        folder, retention = self.settings.backup_folder(db_path), self.settings.retention
        return Task(on_worker(db_path, lambda database, progress: backups.backup_now(
            database, folder, retention, progress=progress)), self)  # fmt: skip

    def check_and_back_up(self, wrote: bool) -> list[str]:
        """On a normal close, once the window is gone and its runner has stopped: nothing when
        the session wrote nothing (the file is as the last clean close or the check at start
        left it). Otherwise the backup, when the officer wants one after every change: its own
        check reads every page of the copy, so the file needs no second check. Without a
        backup, or when it could not be made, SQLite's quick check on a read-only connection.
        Returns the problems found (none: the close was clean); a file that failed a check is
        never backed up. Each step is waited for quietly (nobody is left to show it to)."""
        from desktop.db import backups
        from desktop.settings import BACKUP_ON_CLOSE

        path = self.database.path
        if path is None or not wrote:
            return []
        runner = self.window.runner
        failure: OutreachError | None = None
        if self.settings.get(BACKUP_ON_CLOSE) and backups.changed_since_backup(self.database):
            try:
                run_to_end(runner, self._backup(path), _tr(BACKING_UP), quietly=True)
                return []
            except OutreachError as exc:
                # Without its traceback: the frames it holds would keep the closed window alive.
                failure = exc.with_traceback(None)
        data_key = keys.key_for(path)
        check = Task(lambda _progress: backups.quick_check_file(path, data_key))
        try:
            problems = run_to_end(runner, check, _tr(CHECKING), quietly=True)
        except (*sqlite3.Error, OutreachError) as exc:  # a file that fails to open fails it
            problems = [str(exc)]
        if failure is not None and not problems:  # the file is sound; the backup folder is not
            show_error(None, _tr(BACKUP), failure)
        return problems

    def restore_from_backup(self, backup: Path | None = None) -> bool:
        """Replace the open database with a backup (asks which, and to confirm, unless given);
        the replaced file is kept beside it."""
        from desktop.db import backups

        path = self.database.path
        if path is None:
            return False
        if backup is None:
            folder = self.settings.backup_folder(path)
            name, _ = QFileDialog.getOpenFileName(
                self.window, _tr(RESTORE), str(folder), _tr(BACKUP_FILES)
            )
            if not name:
                return False
            question = _tr(RESTORE_QUESTION).format(name=Path(name).name)
            if not ask(self.window, _tr(RESTORE), question):
                return False
            backup = Path(name)
        try:  # the file is replaced while nothing holds it; every page reopens it after
            self._reopen_after(lambda p: backups.restore_backup(backup, p))
        except OutreachError as exc:
            show_error(self.window, _tr(RESTORE), exc)
            return False
        return True

    # -- encryption at rest ----------------------------------------------------------------------
    def _reopen_after(self, change: Callable[[Path], object]) -> None:
        """Close the database, ``change(path)`` the file, open it again in every page."""
        window = self.window
        path = self.database.path
        window.runner.shutdown()
        self.database.close()
        try:
            # A county's file takes minutes to rewrite: off the GUI thread, under a busy dialog.
            task = Task(lambda progress: change(path))
            run_to_end(window.runner, task, _tr(REWRITING), window)
        finally:
            window.use_database(open_with_progress(path, window))  # a backup may be older

    def encrypt(self, password: str, recovery_code: str) -> None:
        """Encrypt the file with a key wrapped by the new password (or wrap the key anew when it
        is encrypted already), then replace the plain backups with an encrypted one."""
        from desktop.db import backups

        path = self.database.path
        if keys.is_encrypted(path):
            keys.rewrap(path, password, recovery_code)
            return
        self._reopen_after(lambda p: keys.encrypt_database(p, password, recovery_code))
        plain = backups.list_backups(self.settings.backup_folder(path))
        encrypted = run_to_end(self.window.runner, self._backup(path), _tr(BACKING_UP), self.window)
        for old in plain:  # copies in clear would undo the point
            if old != encrypted:  # (one made in the same second was just overwritten)
                old.unlink(missing_ok=True)

    def decrypt(self) -> None:
        if keys.is_encrypted(self.database.path):
            self._reopen_after(keys.decrypt_database)

    # -- chores ----------------------------------------------------------------------------------
    def remove_leftovers(self) -> Task | None:
        """What killed backups and merges left behind, removed on the worker (a folder of
        thousands of photos is looked through): merges run there too, one at a time, so none
        is writing a photo meanwhile; a command-line merge holds the one-program lock."""
        from desktop.db import backups

        db_path = self.database.path
        if db_path is None:
            return None
        folder = self.settings.backup_folder(db_path)

        def work(database: Database, progress) -> object:
            from desktop.domain import attachments

            backups.remove_abandoned(folder)
            return attachments.remove_orphans(database)

        return self._start(Task(on_worker(db_path, work), self), LEFTOVERS)

    def purge_old_personal_data(self) -> Task | None:
        """Clear the personal data of long-closed cases (retention period in Settings), on the
        worker; the figures do not change."""
        from desktop.domain import retention

        db_path = self.database.path
        if db_path is None:
            return None
        work = on_worker(db_path, lambda database, _: retention.purge_personal_data(database))
        return self._start(Task(work, self), PERSONAL_DATA)

    # -- the demo database -----------------------------------------------------------------------
    def fill_demo_database(self, path: Path | None = None) -> Task | None:
        """Open the demo database, filling it first (on the worker thread) when it is new."""
        from desktop.demo import generate_demo

        path = path or demo_db_path()
        try:
            probe = open_with_progress(path, self.window)  # creates it: the worker only opens it
        except OutreachError as exc:
            show_error(self.window, _tr(OPEN_DEMO), exc)
            return None
        empty = probe.is_empty()
        probe.close()
        if not empty:
            self.window.switch_database(path)
            return None
        task = Task(
            on_worker(path, lambda database, progress: generate_demo(database, progress=progress)),
            self,
        )
        dialog = QProgressDialog(_tr(MAKING_DEMO), _tr(CANCEL), 0, 100, self.window)
        dialog.setWindowTitle(_tr(OPEN_DEMO))
        dialog.setMinimumDuration(300)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.canceled.connect(task.cancel)
        self.demo_progress = dialog
        task.progressed.connect(self._on_demo_progress)
        task.succeeded.connect(lambda _summary: self._on_demo_ready(path))
        task.failed.connect(self._on_demo_failed)
        return self.window.runner.start(task)

    def _on_demo_progress(self, done: int, total: int) -> None:
        self.demo_progress.setMaximum(max(total, 1))
        self.demo_progress.setValue(done)

    def _on_demo_ready(self, path: Path) -> None:
        self.demo_progress.reset()
        self.window.switch_database(path)

    def _on_demo_failed(self, exc: BaseException) -> None:
        self.demo_progress.reset()
        if not isinstance(exc, Cancelled):
            show_error(self.window, _tr(OPEN_DEMO), exc)
