"""Long work off the GUI thread: one task at a time, results delivered on the GUI thread.

A task is a plain function ``work(progress)`` that runs on a worker thread. It reports with
``progress(done, total)``; when the user cancels, the next ``progress`` call raises
``Cancelled`` so the function's transaction rolls back. Database work inside a task opens its own
connection (WAL lets the window keep reading meanwhile); the window's connection stays on the GUI
thread. One pool thread serialises tasks, so two writers never race each other.

Results travel from the worker to the task's GUI-thread relay, and only then to the receivers:
a window that shut its runner down (and closed its database) never hears from work it started.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int], None]
REPORT_EVERY_S = 0.05  # progress reaches the window at most twenty times a second


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
