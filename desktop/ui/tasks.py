"""Long work off the GUI thread: one task at a time, results delivered on the GUI thread.

A task is a plain function ``work(progress)`` that runs on a worker thread. It reports with
``progress(done, total)``; when the user cancels, the next ``progress`` call raises
``Cancelled`` so the function's transaction rolls back. Database work inside a task opens its own
connection (WAL lets the window keep reading meanwhile); the window's connection stays on the GUI
thread. One pool thread serialises tasks, so two writers never race each other.

Results travel from the worker to the task's GUI-thread relay, and only then to the receivers:
a window that shut its runner down (and closed its database) never hears from work it started.

``on_worker(db_path, work)`` is the one way work gets its connection; ``run_to_end`` is the one
way the GUI thread waits for work (before the window exists, or while it closes): in an event
loop under a progress dialog, never in a loop of its own.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.db import sqlite as sqlite3
from desktop.db.database import Database
from desktop.db.opening import open_database
from desktop.ui.messages import interactive
from desktop.ui.qt import Qt

Progress = Callable[[int, int], None]
T = TypeVar("T")
REPORT_EVERY_S = 0.05  # progress reaches the window at most twenty times a second
SHOW_WAITING_AFTER_MS = 300  # work that ends sooner shows no dialog (it would only flicker)


class Cancelled(Exception):  # noqa: N818 - it is an outcome, not an error
    """The user cancelled; the work rolled back."""


class Task(QObject):
    """One piece of work; its public signals are emitted on the GUI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception, Cancelled included
    finished = Signal()

    # Emitted on the worker thread, received by this object on the GUI thread.
    _reported = Signal(int, int)
    _completed = Signal(object)  # (ok, value)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._reported_at = 0.0
        self.done = False  # the work has returned or raised (set on the worker thread)
        self.settled = False  # its outcome has been delivered on the GUI thread, or dropped
        self.discarded = False  # nobody is to hear of it any more
        self._reported.connect(self._relay_progress)
        self._completed.connect(self._relay_result)

    def cancel(self) -> None:
        self._cancel.set()

    def discard(self) -> None:
        """Cancel, and drop whatever the work still reports."""
        self.discarded = True
        self.cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        # Work may report every row; the window needs a few reports a second. Each report is
        # an event the GUI thread handles holding the GIL, and tens of thousands in a burst
        # froze it for 1.6 s during an import.
        now = time.monotonic()
        if now - self._reported_at >= REPORT_EVERY_S or done >= total:
            self._reported_at = now
            self._reported.emit(done, total)

    def _run(self) -> None:
        try:
            if self._cancel.is_set():
                raise Cancelled()
            outcome = (True, self._work(self._progress))
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            outcome = (False, exc)
        self.done = True
        self._completed.emit(outcome)

    def _relay_progress(self, done: int, total: int) -> None:
        if not self.discarded:
            self.progressed.emit(done, total)

    def _relay_result(self, outcome: tuple[bool, object]) -> None:
        self.settled = True
        if self.discarded:
            return
        ok, value = outcome
        (self.succeeded if ok else self.failed).emit(value)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        # Python owns the runnable, so it is released on the GUI thread once its run() has
        # returned, never by the pool on the worker thread under the wrapper's feet.
        self.setAutoDelete(False)
        self.task = task

    def run(self) -> None:
        self.task._run()


class TaskRunner(QObject):
    """Owns the worker thread; keeps tasks and their runnables alive until they are done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: dict[Task, _Runnable] = {}

    def start(self, task: Task) -> Task:
        runnable = _Runnable(task)
        self._running[task] = runnable
        task.finished.connect(self._forget)
        self._pool.start(runnable)
        return task

    def _forget(self) -> None:
        # A runnable may be released only once its run() has returned (the pool is idle) and
        # its outcome has been delivered; until then it stays in the dictionary.
        if self._pool.activeThreadCount() == 0:
            for task in [task for task in self._running if task.settled]:
                del self._running[task]
                task.deleteLater()  # its parent may live long (a page): free it now

    def busy(self) -> bool:
        return any(not task.settled for task in self._running)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle; queued results are still delivered afterwards."""
        idle = self._pool.waitForDone(msecs)
        if idle:
            self._forget()
        return idle

    def shutdown(self) -> None:
        """Cancel everything, wait for the worker, and drop results not yet delivered."""
        for task in self._running:
            task.discard()
        self._pool.waitForDone()
        self._running.clear()


def close_quietly(database: Database) -> None:
    """Close a database after work failed in it (a unit of work may have been cut off inside
    it, or the file met damaged refuses to close): the work's error is the one to report."""
    with suppress(*sqlite3.Error):
        if database.conn.in_transaction:
            database.conn.rollback()
    with suppress(*sqlite3.Error):
        database.close()


@contextmanager
def worker_database(db_path: Path) -> Iterator[Database]:
    """The database at ``db_path`` opened on the calling (worker) thread and closed after: the
    window's connection belongs to the GUI thread. Never creates a file. A damaged file has
    told the damage listeners (the window's damage path) before its error arrives here."""
    database = open_database(db_path, create=False)
    try:
        yield database
    except BaseException:
        close_quietly(database)
        raise
    database.close()  # raises when the work left a transaction open: that is a bug to see


def on_worker(db_path: Path, work: Callable[[Database, Progress], T]) -> Callable[[Progress], T]:
    """The work of a Task that runs ``work(database, progress)`` on the worker with its own
    connection to ``db_path``."""

    def run(progress: Progress) -> T:
        with worker_database(db_path) as database:
            return work(database, progress)

    return run


def run_to_end(
    runner: TaskRunner,
    task: Task,
    text: str,
    parent: QWidget | None = None,
    *,
    cancel_text: str | None = None,
    quietly: bool = False,
) -> Any:
    """Run ``task`` and return its value (or raise its exception) once it has finished, for the
    few places that cannot go on before it has: opening before the window exists, closing, the
    file rewritten under the window. Meanwhile an event loop keeps the screen painted under a
    modal progress dialog that shows the task's progress and, given ``cancel_text``, cancels
    it; ``quietly``, no dialog at all (the window is already gone). With nobody watching
    (offscreen) there is nothing to paint: the GUI thread waits for the worker and takes this
    task's results only, so no other event runs in between."""
    outcome: dict[str, Any] = {}
    task.succeeded.connect(lambda value: outcome.setdefault("value", value))
    task.failed.connect(lambda exc: outcome.setdefault("error", exc))
    if interactive() and quietly:
        loop = QEventLoop()
        task._completed.connect(loop.quit)
        runner.start(task)
        loop.exec()
    elif interactive():
        dialog = QProgressDialog(text, cancel_text or "", 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(SHOW_WAITING_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if cancel_text is None:
            dialog.setCancelButton(None)
        else:
            dialog.canceled.connect(task.cancel)
        task.progressed.connect(lambda done, total: _show_progress(dialog, done, total))
        loop = QEventLoop()
        # Its completion, not ``finished``: a task discarded meanwhile (the window's damage
        # path shuts the runner down) completes without finishing, and must not leave this
        # loop waiting. Results come through this thread's queue, so none has come yet.
        task._completed.connect(loop.quit)
        runner.start(task)
        loop.exec()
        dialog.close()
        dialog.deleteLater()
    else:
        runner.start(task)
        runner.wait()
        QCoreApplication.sendPostedEvents(task, QEvent.Type.MetaCall)
    if "error" in outcome:
        raise outcome["error"]
    if "value" not in outcome:
        raise Cancelled()  # discarded
    return outcome["value"]


def _show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(max(total, 1))
    dialog.setValue(done)
