"""Tens of thousands of signals and void Qt calls from Python must not abort the interpreter."""

import os
import subprocess
import sys

SCRIPT = """
import sys
import desktop  # the guard
from PySide6.QtCore import QCoreApplication, QObject, Signal
from desktop.ui.tasks import Task, TaskRunner

app = QCoreApplication([])

class Emitter(QObject):
    fired = Signal(int, int)

emitter = Emitter()
emitter.fired.connect(lambda a, b: None)
for index in range(50_000):
    emitter.fired.emit(index, 1)
for index in range(100_000):
    emitter.setObjectName("calendar")  # a Qt method returning nothing

def work(progress):
    for index in range(5_000):
        progress(index, 5_000)
    return "ok"

runner = TaskRunner()
task = Task(work)
runner.start(task)
runner.wait()
app.processEvents()
print("survived")
"""


def test_many_emits_and_a_long_task_do_not_abort():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
