"""Long work off the GUI thread: one task at a time, results delivered on the GUI thread.

A task is a plain function ``work(progress)`` that runs on a worker thread. It reports with
``progress(done, total)``; when the user cancels, the next ``progress`` call raises
``Cancelled`` so the function's transaction rolls back. Database work inside a task opens its own
connection (WAL lets the window keep reading meanwhile); the window's connection stays on the GUI
thread. One pool thread serialises tasks, so two writers never race each other.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int], None]


class Cancelled(Exception):  # noqa: N818 - it is an outcome, not an error
    """The user cancelled; the work rolled back."""


class Task(QObject):
    """One piece of work; its signals arrive on the GUI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception, Cancelled included
    finished = Signal()

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.progressed.emit(done, total)

    def _run(self) -> None:
        try:
            if self._cancel.is_set():
                raise Cancelled()
            result = self._work(self._progress)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            self.done = True
            self.failed.emit(exc)
        else:
            self.done = True
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        # Python owns the runnable. When the pool deletes it after run() (on the worker
        # thread), PySide's reference counts go wrong and the interpreter aborts at exit
        # ("none_dealloc"); the same happens with QThreadPool.start(callable).
        self.setAutoDelete(False)
        self.task = task

    def run(self) -> None:
        self.task._run()


class TaskRunner(QObject):
    """Owns the worker thread; keeps running tasks alive until they finish."""

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
        # A runnable may be released only once its run() has returned, i.e. when the pool
        # is idle; until then finished ones simply stay in the dictionary.
        if self._pool.activeThreadCount() == 0:
            self._running = {task: job for task, job in self._running.items() if not task.done}

    def busy(self) -> bool:
        return any(not task.done for task in self._running)

    def cancel_all(self) -> None:
        for task in self._running:
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (used before quitting, so no thread outlives Qt)."""
        idle = self._pool.waitForDone(msecs)
        if idle:
            self._forget()
        return idle
