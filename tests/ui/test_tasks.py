import pytest

from desktop.ui.tasks import Cancelled, Task, TaskRunner


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
