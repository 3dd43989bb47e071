"""An encrypted copy of the scale database against the clear one, in the same run, interleaved.

What encryption at rest (SQLCipher) costs the officer: opening the file (the key already
unlocked, as after the password), the year's figures, the warnings list opened until its
first page is read and painted, and an import of the 20,000-row list of card sellers into an
empty database of each kind. No target: the ratio is reported (SQLCipher's own SQLite was
measured about 1.6× slower on scans). The encrypted copy is made once, beside the scale
database (a few minutes for 4 GB), with the password below; the scale database is not changed.
"""

from __future__ import annotations

import os
import shutil
import statistics as stats_module
import tempfile
import time
from pathlib import Path

PASSWORD = "bench-only-password"
RECOVERY = "bench-only-recovery-code"


def ensure_encrypted_copy(db_path: Path) -> Path:
    from desktop.db import keys

    copy = db_path.with_name(db_path.stem + "-encrypted.sqlite3")
    if not copy.exists() or not keys.key_file(copy).exists():
        partial = copy.with_name(copy.name + ".part")
        shutil.copyfile(db_path, partial)
        keys.encrypt_database(partial, PASSWORD, RECOVERY)
        os.replace(keys.key_file(partial), keys.key_file(copy))
        os.replace(partial, copy)
    data_key = keys.unlock(copy, PASSWORD)
    if data_key is None:
        raise RuntimeError(f"the bench password does not open {copy}")
    keys.remember(copy, data_key)
    return copy


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def measure(db_path: Path, runs: int = 5) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OUTREACH_DESK_DATA", tempfile.mkdtemp(prefix="outreach-bench-"))
    from bench.ledger_imports import ensure_lists
    from desktop.db import keys
    from desktop.db.opening import open_database
    from desktop.domain import statistics
    from desktop.exchange.importing import import_file
    from desktop.ui.app import create_application
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.warnings.page import WarningsPage

    app, _translations = create_application("zh_CN")
    encrypted = ensure_encrypted_copy(db_path)
    _returns_list, cards_list = ensure_lists()
    runner = TaskRunner()
    probe = open_database(db_path, create=False)
    year = statistics.Period.year(int(probe.scalar("SELECT max(received_at) FROM warnings")[:4]))
    probe.close()

    def list_opened(database) -> None:
        page = WarningsPage(database, runner)
        page.resize(1366, 700)
        page.show()
        app.processEvents()
        while page.loading:
            app.processEvents()
            runner.wait(10)
        page.queue.viewport().repaint()
        page.close()
        page.deleteLater()
        app.processEvents()

    samples: dict[str, dict[str, list[float]]] = {}

    def take(what: str, kind: str, seconds: float) -> None:
        samples.setdefault(what, {"clear": [], "encrypted": []})[kind].append(seconds)

    with tempfile.TemporaryDirectory(prefix="outreach-bench-encrypted-") as folder:
        for run in range(runs):
            for kind, path in (("clear", db_path), ("encrypted", encrypted)):
                take("open the database", kind, _timed(lambda p=path: open_database(p).close()))
                database = open_database(path, create=False)
                take("a year's figures", kind,
                     _timed(lambda d=database: statistics.compute_figures(d, year)))  # fmt: skip
                take("warnings list opened, first page painted", kind,
                     _timed(lambda d=database: list_opened(d)))  # fmt: skip
                database.close()
                scratch = Path(folder) / f"{kind}{run}.sqlite3"
                open_database(scratch).close()
                if kind == "encrypted":
                    keys.encrypt_database(scratch, PASSWORD, RECOVERY)

                def imported(scratch=scratch) -> None:
                    target = open_database(scratch, create=False)
                    import_file(target, "card_sellers", cards_list)
                    target.close()

                take("import of 20,000 card sellers (.xlsx)", kind, _timed(imported))
    runner.shutdown()
    results = []
    for what, by_kind in samples.items():
        clear, secret = (stats_module.median(by_kind[k]) for k in ("clear", "encrypted"))
        results.append(
            {
                "name": f"encrypted: {what}",
                "ours_s": round(secret, 3),
                "ours_min_s": round(min(by_kind["encrypted"]), 3),
                "baseline_s": round(clear, 3),
                "baseline_min_s": round(min(by_kind["clear"]), 3),
                "baseline": "the same on the clear scale database",
                "ratio": round(secret / clear, 2),
            }
        )
    return results
