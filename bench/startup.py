"""Start until Today shows its reading, painted, against a bare QApplication + QMainWindow
shown and idle (the least any window costs).

Both are measured the same way: a fresh Python process is started and prints the wall-clock
time when it is done — ours once Today's reading has arrived from the worker and the window
has repainted (``OUTREACH_DESK_EXIT_WHEN_IDLE``: where the officer can act), the bare window
when its event loop first runs after the window is shown. The figure is that time minus the
moment just before the process was spawned, so interpreter start and imports count on both
sides.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import as_installed

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
def report():
    print(f"idle {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


def _time_process(argv: list[str], env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"{argv} exited {result.returncode}: {result.stderr[-2000:]}")
    for line in result.stdout.splitlines():
        if line.startswith("idle "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no idle report from {argv}: {result.stderr[-2000:]}")


def measure(db_path: Path, runs: int = 5) -> dict:
    import sqlite3

    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    warnings = conn.execute("SELECT count(*) FROM warnings").fetchone()[0]
    conn.close()
    data = tempfile.mkdtemp(prefix="outreach-bench-")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OUTREACH_DESK_DATA": data,
        "OUTREACH_DESK_EXIT_WHEN_IDLE": "1",
    }
    env = as_installed(env)
    ours_argv = [sys.executable, "-m", "desktop", "--db", str(db_path), "--lang", "zh_CN"]
    bare_argv = [sys.executable, "-c", BARE]
    # One unmeasured run each warms the file cache, then they alternate so drift hits both.
    _time_process(bare_argv, env)
    _time_process(ours_argv, env)
    bare, ours = [], []
    for _ in range(runs):
        bare.append(_time_process(bare_argv, env))
        ours.append(_time_process(ours_argv, env))
    bare_median = statistics.median(bare)
    ours_median = statistics.median(ours)
    return {
        "name": f"start until Today is painted ({warnings:,} warnings)",
        "warnings": warnings,
        "ours_s": round(ours_median, 3),
        "baseline_s": round(bare_median, 3),
        "baseline": "bare QApplication + QMainWindow",
        "ratio": round(ours_median / bare_median, 2),
        "target_ratio": 2.0,
        "runs": {"ours": [round(v, 3) for v in ours], "baseline": [round(v, 3) for v in bare]},
    }
