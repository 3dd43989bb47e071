import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from desktop.core.errors import DatabaseError
from desktop.db import sqlite as driver
from desktop.ui import tasks
from desktop.ui.tasks import Cancelled, Task, TaskRunner, on_worker, run_to_end

sqlite3 = driver.plain


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    runner.wait()


def test_result_and_progress_arrive_on_the_gui_thread(runner, qtbot):
    seen = []

    def work(progress):
        for step in range(3):
            progress(step + 1, 3)
        return "done"

    task = Task(work)
    task.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(task.succeeded) as blocker:
        runner.start(task)
    assert blocker.args == ["done"]
    # The first report and the last always arrive; those in between at most 20 a second.
    qtbot.waitUntil(lambda: seen and seen[0] == (1, 3) and seen[-1] == (3, 3))
    qtbot.waitUntil(lambda: not runner.busy())


def test_a_burst_of_progress_reaches_the_window_a_few_times(runner, qtbot):
    seen = []

    def work(progress):
        for step in range(20_000):  # an import reports every row
            progress(step + 1, 20_000)

    task = Task(work)
    task.progressed.connect(lambda done, total: seen.append(done))
    with qtbot.waitSignal(task.finished):
        runner.start(task)
    qtbot.waitUntil(lambda: seen and seen[-1] == 20_000)
    assert len(seen) < 100


def test_cancel_raises_inside_the_work_at_the_next_progress(runner, qtbot):
    reached = []

    def work(progress):
        progress(1, 2)
        reached.append("after cancel")
        return "never"

    task = Task(work)
    task.cancel()
    with qtbot.waitSignal(task.failed) as blocker:
        runner.start(task)
    assert isinstance(blocker.args[0], Cancelled)
    assert reached == []


def test_an_exception_in_the_work_is_delivered_not_lost(runner, qtbot):
    def work(progress):
        raise ValueError("broken")

    task = Task(work)
    with qtbot.waitSignal(task.failed) as blocker:
        runner.start(task)
    assert isinstance(blocker.args[0], ValueError)


def test_shutdown_drops_results_not_yet_delivered(runner, qtbot):
    heard = []
    task = Task(lambda progress: "late")
    task.succeeded.connect(heard.append)
    task.finished.connect(lambda: heard.append("finished"))
    runner.start(task)
    runner.wait()  # blocks without processing events: the result is queued, not delivered
    assert task.done and not task.settled
    runner.shutdown()
    qtbot.wait(20)
    assert heard == []
    assert task.settled


# -- the database on the worker --------------------------------------------------------------


@pytest.fixture
def station(tmp_path):
    from desktop.db.opening import open_database

    path = tmp_path / "station.sqlite3"
    open_database(path).close()
    return path


def test_on_worker_opens_the_database_off_the_gui_thread_and_closes_it(runner, qtbot, station):
    seen = {}

    def work(database, progress):
        seen["thread"] = threading.get_ident()
        seen["database"] = database
        return database.schema_version

    task = Task(on_worker(station, work))
    with qtbot.waitSignal(task.succeeded) as blocker:
        runner.start(task)
    assert blocker.args[0] > 0
    assert seen["thread"] != threading.get_ident()
    with pytest.raises(sqlite3.ProgrammingError):  # closed once the work returned
        seen["database"].execute("SELECT 1")


def test_on_worker_reports_the_works_error_not_a_closing_one(runner, qtbot, station):
    def work(database, progress):
        database.conn.execute("BEGIN")  # cut off inside a unit of work
        raise ValueError("broken")

    task = Task(on_worker(station, work))
    with qtbot.waitSignal(task.failed) as blocker:
        runner.start(task)
    assert isinstance(blocker.args[0], ValueError)


def test_on_worker_never_creates_a_database(runner, qtbot, tmp_path):
    task = Task(on_worker(tmp_path / "none.sqlite3", lambda database, progress: None))
    with qtbot.waitSignal(task.failed) as blocker:
        runner.start(task)
    assert isinstance(blocker.args[0], DatabaseError)
    assert not (tmp_path / "none.sqlite3").exists()


# -- waiting for work the GUI thread cannot go on without ---------------------------------------


@pytest.fixture
def watched(monkeypatch):
    """As on a screen: run_to_end shows its dialog and keeps the event loop going."""
    monkeypatch.setattr(tasks, "interactive", lambda: True)


def test_run_to_end_keeps_the_gui_thread_going_while_the_work_runs(runner, qapp, watched):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(threading.get_ident()))
    timer.start(10)
    threads = []

    def work(progress):
        threads.append(threading.get_ident())
        time.sleep(0.4)
        progress(1, 1)
        return "done"

    try:
        assert run_to_end(runner, Task(work), "Working…") == "done"
    finally:
        timer.stop()
    assert threads and threads[0] != threading.get_ident()
    # A GUI thread blocked in the meantime (a join, a sleep, a loop waiting without handling
    # events) would have let no timer fire.
    assert len(ticks) >= 5
    assert not [widget for widget in QApplication.topLevelWidgets()
                if isinstance(widget, QProgressDialog) and widget.isVisible()]  # fmt: skip


def test_run_to_end_raises_the_works_error(runner, qapp, watched):
    def work(progress):
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        run_to_end(runner, Task(work), "Working…")


def test_run_to_end_offscreen_waits_without_running_other_events(runner, qapp):
    fired = []
    QTimer.singleShot(0, lambda: fired.append(True))
    assert run_to_end(runner, Task(lambda progress: time.sleep(0.05) or 7), "Working…") == 7
    assert fired == []  # only this task's results were taken from the queue
    QApplication.processEvents()
    assert fired == [True]


def test_the_cancel_button_cancels_the_work(runner, qapp, watched):
    started = threading.Event()

    def work(progress):
        started.set()
        for _ in range(500):  # five seconds at most, should the button not cancel
            progress(0, 10)
            time.sleep(0.01)

    def press_cancel():
        started.wait(5)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.findChild(QPushButton).click()

    QTimer.singleShot(400, press_cancel)  # the dialog shows after 300 ms
    with pytest.raises(Cancelled):
        run_to_end(runner, Task(work), "Working…", cancel_text="Cancel")


def test_run_to_end_does_not_wait_forever_for_a_discarded_task(runner, qapp, watched):
    def work(progress):
        for _ in range(200):
            progress(0, 1)
            time.sleep(0.01)

    QTimer.singleShot(50, runner.shutdown)  # the window's damage path does this
    with pytest.raises(Cancelled):
        run_to_end(runner, Task(work), "Working…")


def test_no_loop_of_process_events_waits_for_work_in_the_window():
    """Waiting goes through run_to_end; a loop around processEvents re-enters the window's
    code at any point and freezes it between two calls. Pictures (ui/screenshot) are made with
    nobody watching and may settle the window that way."""
    ui = Path(tasks.__file__).parent
    found = [path.relative_to(ui).as_posix() for path in ui.rglob("*.py")
             if "processEvents" in path.read_text(encoding="utf-8")]  # fmt: skip
    assert found in ([], ["screenshot.py"])
