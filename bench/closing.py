"""Closing the window, as the officer feels it: from the close until the window is gone.

- After browsing (every screen, the warnings list paged down, a year's figures, searches) on
  the scale database: the clock runs until the window is gone. A session that wrote nothing
  closes with nothing to check or back up.
- After a session that wrote (one warning taken in), on a copy of the demo database: the
  window goes at once and the program then makes the verified backup, which is also the
  close's check. The clock stops when the window is hidden; the whole close (backup included,
  the officer no longer waiting for it) is reported beside it.

No baseline: the target is absolute, ≤ 0.5 s. Browsing leaves the scale database as it was:
its searches find no person abroad or card seller (finding one is logged, and the session
would have written; a writing session is the second measure's).
"""

from __future__ import annotations

import os
import shutil
import statistics as stats_module
import tempfile
import time
from pathlib import Path

from bench import demo_database


def _window(app, translations, db_path: Path):
    from desktop.db.opening import open_database
    from desktop.settings import Settings
    from desktop.ui.main_window import MainWindow

    window = MainWindow(open_database(db_path, create=False), Settings(), translations)
    window.resize(1366, 768)
    window.show()
    while window.runner.busy():
        app.processEvents()
        window.runner.wait(10)
    return window


def _hidden_at(window) -> list[float]:
    """The moments the window is hidden (filled by an event filter)."""
    from PySide6.QtCore import QEvent, QObject

    moments: list[float] = []

    class Watch(QObject):
        def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Hide:
                moments.append(time.perf_counter())
            return False

    watch = Watch(window)
    window.installEventFilter(watch)
    return moments


def measure(db_path: Path, runs: int = 5) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OUTREACH_DESK_DATA", tempfile.mkdtemp(prefix="outreach-bench-"))
    from bench.responsiveness import go_through_every_screen
    from desktop.domain import warnings as warning_store
    from desktop.settings import BACKUP_ON_CLOSE, Settings
    from desktop.ui.app import create_application

    app, translations = create_application("zh_CN")
    browsed, wrote_gone, wrote_whole = [], [], []
    with tempfile.TemporaryDirectory(prefix="outreach-bench-close-") as folder:
        demo = demo_database(Path(folder) / "demo.sqlite3")
        for run in range(runs):  # interleaved: a busy moment falls on both
            # Were browsing ever to write (``python -m bench`` names a measure that changed the
            # scale database), no 4 GB backup after it: five runs would fill the disk.
            Settings().set(BACKUP_ON_CLOSE, False)
            window = _window(app, translations, db_path)
            go_through_every_screen(app, window)
            hidden = _hidden_at(window)
            started = time.perf_counter()
            window.close()
            browsed.append(hidden[0] - started)
            app.processEvents()

            Settings().set(BACKUP_ON_CLOSE, True)
            copy = Path(folder) / f"station{run}.sqlite3"
            shutil.copyfile(demo, copy)
            window = _window(app, translations, copy)
            warning_store.intake(
                window.database,
                {"source": "bank", "level": "high", "name": "罗某某", "mobile": "13812345678"},
            )
            hidden = _hidden_at(window)
            started = time.perf_counter()
            window.close()
            wrote_whole.append(time.perf_counter() - started)
            wrote_gone.append(hidden[0] - started)
            app.processEvents()
    return [
        {
            "name": "close after browsing the scale database",
            "ours_s": round(stats_module.median(browsed), 3),
            "ours_min_s": round(min(browsed), 3),
            "target_s": 0.5,
        },
        {
            "name": "close after writing (window gone; backup after)",
            "ours_s": round(stats_module.median(wrote_gone), 3),
            "ours_min_s": round(min(wrote_gone), 3),
            "whole_close_s": round(stats_module.median(wrote_whole), 3),
            "target_s": 0.5,
        },
    ]
