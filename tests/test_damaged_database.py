"""A database damaged while the program was closed (a bad sector, a stick pulled out during a
copy) takes one damage path wherever SQLite meets the damage: every command and the window set
the file aside byte for byte and name the newest good backup — never a traceback."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from tampering import copy_while_open  # tests/tampering.py

from desktop.cli import main
from desktop.core.errors import DatabaseDamaged
from desktop.db import backups
from desktop.db.opening import open_database
from desktop.settings import Settings


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A cleanly closed demo database, with an exchange key, a package, a list to import."""
    from desktop.demo import generate_demo
    from desktop.exchange import packages

    folder = tmp_path_factory.mktemp("template")
    path = folder / "station.sqlite3"
    database = open_database(path)
    generate_demo(database, today=date(2026, 11, 25))
    packages.set_exchange_key(database, packages.new_exchange_key())
    packages.export_package(database, folder / "sent.odpkg", everything=True)
    ids = {
        "warning": database.scalar("SELECT id FROM warnings ORDER BY id LIMIT 1"),
        "talk": database.scalar("SELECT id FROM talks ORDER BY id LIMIT 1"),
    }
    database.close()
    (folder / "officers.csv").write_text("姓名,警号\n韦民警,045123\n", encoding="utf-8")
    return folder, ids


def flip(path: Path, name: str) -> bytes:
    """Invert 16 bytes at the start of the root page of table or index ``name``; returns the
    damaged file's bytes."""
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size)
        good = handle.read(16)
        handle.seek((page - 1) * size)
        handle.write(bytes(byte ^ 0xFF for byte in good))
    return path.read_bytes()


@pytest.fixture
def station(template, tmp_path, data_dir):
    """A copy of the template with a verified backup, closed cleanly: (path, backup, ids)."""
    folder, ids = template
    for name in ("station.sqlite3", "sent.odpkg", "officers.csv"):
        shutil.copyfile(folder / name, tmp_path / name)
    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    backup = backups.backup_now(database, Settings().backup_folder(path))
    database.close()
    assert not Path(f"{path}-wal").exists()  # closed cleanly: nothing waits in a -wal
    return path, backup, ids


def _set_aside(path: Path) -> Path:
    [moved] = [p for p in path.parent.glob(f"{path.name}.damaged-*") if p.name[-4:] != "-wal"
               and not p.name.endswith("-shm")]  # fmt: skip
    return moved


NOVEMBER = ["--from", "2026-11-01", "--to", "2026-11-30"]


def _commands(tmp_path: Path, ids: dict) -> dict[str, list[str]]:
    out = tmp_path / "out"
    return {
        "stats": ["stats"],
        "print notice": ["print", "notice", ids["warning"], "-o", f"{out}.pdf"],
        "print signin": ["print", "signin", ids["talk"], "-o", f"{out}.pdf"],
        "print schedule": ["print", "schedule", *NOVEMBER, "-o", f"{out}.pdf"],
        "print briefing": ["print", "briefing", "-o", f"{out}.pdf"],
        "export xlsx": ["export", "xlsx", "-o", f"{out}.xlsx"],
        "export ics": ["export", "ics", *NOVEMBER, "-o", f"{out}.ics"],
        "check": ["check"],
        "backup": ["backup"],
        "screenshot": ["screenshot", "warnings", "-o", f"{out}.png"],
        "package export": ["package", "export", "--all", "-o", f"{out}.odpkg"],
        "package merge": ["package", "merge", str(tmp_path / "sent.odpkg")],
        "package laptops": ["package", "laptops"],
        "import": ["import", "officers", str(tmp_path / "officers.csv"), "--skip-bad-rows"],
        "demo": ["demo", "--force"],
    }


COMMANDS = list(_commands(Path("."), {"warning": "", "talk": ""}))
# The warnings' own page is read by every command that reads warnings; the other commands
# meet damage to the meta table, which every opening reads.
READS_WARNINGS = ["stats", "print notice", "print briefing", "export xlsx", "check", "backup",
                  "screenshot"]  # fmt: skip


@pytest.mark.parametrize(
    ("command", "table"),
    [(command, "meta") for command in COMMANDS]
    + [(command, "warnings") for command in READS_WARNINGS],
)
def test_every_command_takes_the_damage_path(station, tmp_path, capsys, command, table):
    path, backup, ids = station
    damaged = flip(path, table)
    argv = ["--db", str(path), "--lang", "en", *_commands(tmp_path, ids)[command]]
    assert main(argv) == 1
    err = capsys.readouterr().err
    moved = _set_aside(path)
    assert moved.read_bytes() == damaged  # byte for byte: never repaired, never rewritten
    assert not path.exists()
    assert f"The database {path} is damaged. It was moved aside unchanged: {moved}" in err
    assert f"The newest good backup is {backup}." in err
    assert "Traceback" not in err
    assert main(["--db", str(path), "--lang", "en", "restore"]) == 0  # the way back it named
    restored = open_database(path)
    assert restored.scalar("SELECT count(*) FROM warnings") > 0
    restored.close()


def test_damage_met_by_a_later_query_takes_the_same_path(station, capsys):
    """The file opens (every page the opening reads is sound); an index page the figures use
    is not."""
    path, backup, _ = station
    damaged = flip(path, "warnings_received")
    database = open_database(path)  # opening meets no damage
    database.close()
    assert main(["--db", str(path), "--lang", "en", "stats"]) == 1
    err = capsys.readouterr().err
    moved = _set_aside(path)
    assert moved.read_bytes() == damaged
    assert f"moved aside unchanged: {moved}" in err and str(backup) in err


def test_damage_caught_and_swallowed_inside_a_command_still_takes_the_path(
    station, capsys, monkeypatch
):
    from desktop.domain import statistics

    path, backup, _ = station
    flip(path, "warnings")

    def forgiving(database, *args, **kwargs):
        try:
            database.query("SELECT * FROM warnings")
        except DatabaseDamaged:
            pass  # a caller that shows the error and goes on
        return {}

    monkeypatch.setattr(statistics, "compute_figures", forgiving)
    assert main(["--db", str(path), "--lang", "en", "stats", "--json"]) == 1
    assert "moved aside unchanged" in capsys.readouterr().err and not path.exists()


def test_the_damage_path_leaves_a_file_the_window_holds(station, capsys):
    from desktop.db.instance import InstanceLock

    path, _, _ = station
    damaged = flip(path, "meta")
    window = InstanceLock(path)
    assert window.acquire()
    try:
        assert main(["--db", str(path), "--lang", "en", "stats"]) == 1
    finally:
        window.release()
    assert "it is open in Outreach Desk" in capsys.readouterr().err
    assert path.read_bytes() == damaged


def test_the_window_start_takes_the_damage_path(station, qapp, capsys):
    from desktop.ui import app as app_module

    path, backup, _ = station
    damaged = flip(path, "warnings")
    assert app_module.run_gui(path, "en") == 1
    err = capsys.readouterr().err
    moved = _set_aside(path)
    assert moved.read_bytes() == damaged
    assert str(moved) in err and backup.name in err and "Traceback" not in err


def test_the_window_opens_the_backup_the_officer_takes(station, tmp_path):
    """Offered the newest good backup at start, the officer takes it: the window opens on it
    (a program of its own: the window's event loop runs to the end)."""
    import os
    import subprocess
    import sys

    from desktop.ui import app as app_module

    path, backup, _ = station
    flip(path, "meta")  # met as the window opens the file
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update({app_module.RESTORE_WITHOUT_ASKING_ENV: "1", app_module.EXIT_WHEN_IDLE_ENV: "1"})
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(path), "--lang", "en"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert backup.name in result.stderr and "Traceback" not in result.stderr
    assert _set_aside(path).exists()
    restored = open_database(path)
    assert restored.scalar("SELECT count(*) FROM warnings") > 0
    restored.close()


def _window_watching(path: Path, qapp, qtbot, monkeypatch):
    """The window on ``path``, shown and watching for damage, a backup taken without asking."""
    from desktop.ui import app as app_module
    from desktop.ui.main_window import MainWindow

    app_module.create_application("en")
    window = MainWindow(open_database(path), Settings(), qapp._outreach_translations)
    qtbot.addWidget(window)
    window.show()
    window.watch_for_damage()
    monkeypatch.setenv(app_module.RESTORE_WITHOUT_ASKING_ENV, "1")
    return window


def test_damage_met_later_in_the_window_takes_the_same_path(station, qapp, qtbot, monkeypatch):
    from desktop.domain import warnings as warning_store

    path, backup, _ = station
    damaged = flip(path, "residents_mobile")
    window = _window_watching(path, qapp, qtbot, monkeypatch)
    with pytest.raises(DatabaseDamaged):  # the intake's own caller shows nothing more
        warning_store.intake(window.database, {"source": "bank", "level": "high",
                                               "name": "罗某某", "mobile": "13812345678"})  # fmt: skip
    # Taken after the query that met it, never inside it (the query's caller ends first).
    assert not window.damaged and not any(path.parent.glob("*.damaged-*"))
    qtbot.waitUntil(lambda: any(path.parent.glob("*.damaged-*")) and not window.damaged,
                    timeout=10_000)  # fmt: skip
    assert _set_aside(path).read_bytes() == damaged
    # The newest good backup is in place and every page reads it.
    assert window.database.scalar("SELECT count(*) FROM warnings") > 0
    assert window.page("warnings").database is window.database


def test_damage_met_on_the_worker_takes_the_path_before_the_task_says_it_failed(
    station, qapp, qtbot, monkeypatch
):
    """The worker's report reaches the window ahead of its task's end: the damage path shuts
    the runner down, and the page that asked never shows the failure as its own error."""
    from desktop.ui.tasks import Task, on_worker

    path, _backup, _ = station
    flip(path, "residents_mobile")
    window = _window_watching(path, qapp, qtbot, monkeypatch)
    failed = []
    task = Task(on_worker(path, lambda database, _progress: database.query(
        "SELECT mobile FROM residents INDEXED BY residents_mobile WHERE mobile > ''")), window)  # fmt: skip
    task.failed.connect(failed.append)
    window.runner.start(task)
    qtbot.waitUntil(lambda: any(path.parent.glob("*.damaged-*")) and not window.damaged,
                    timeout=10_000)  # fmt: skip
    qtbot.wait(50)  # anything still queued from the worker has arrived
    assert failed == []


def _on_read_only_media(folder: Path, *argv: str):
    """Run the command line with ``folder`` read-only, as on a CD or a write-protected stick:
    a read-only bind mount in a mount namespace of its own (root ignores file modes), or the
    folder's modes for anyone else."""
    import os
    import subprocess
    import sys

    command = [sys.executable, "-m", "desktop", *argv]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        finally:
            folder.chmod(0o755)
    if shutil.which("unshare") is None:
        pytest.skip("no way to make a read-only folder here")
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'
    result = subprocess.run(["unshare", "--mount", "--", "sh", "-c", script, str(folder),
                             *command], env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    if "mount" in result.stderr and result.returncode != 0 and "outreach-desk" not in result.stderr:
        pytest.skip(f"no read-only mount here: {result.stderr.strip()}")
    return result


def test_a_database_on_read_only_media_is_read_and_never_written(template, tmp_path, data_dir):
    folder = tmp_path / "stick"
    folder.mkdir()
    path = folder / "station.sqlite3"
    shutil.copyfile(template[0] / "station.sqlite3", path)
    marker = Path(f"{path}.in-use")  # copied while the program had it open
    marker.write_text("4194305 2026-12-01T08:00:00+08:00\n")
    before = {item.name: item.read_bytes() for item in folder.iterdir()}
    db = ["--db", str(path), "--lang", "en"]
    check = _on_read_only_media(folder, *db, "check")
    assert check.returncode == 0 and "is sound" in check.stdout, check.stderr
    stats = _on_read_only_media(folder, *db, "stats", "--json")
    assert stats.returncode == 0 and f"Opened read-only: {path}" in stats.stderr
    assert '"warnings_received"' in stats.stdout
    out = tmp_path / "schedule.pdf"
    printed = _on_read_only_media(folder, *db, "print", "schedule", *NOVEMBER, "-o", str(out))
    assert printed.returncode == 0 and out.exists(), printed.stderr
    imported = _on_read_only_media(folder, *db, "import", "officers",
                                   str(template[0] / "officers.csv"))  # fmt: skip
    assert imported.returncode == 1 and "is open read-only" in imported.stderr
    assert "Traceback" not in imported.stderr
    picture = tmp_path / "today.png"  # the window, closed, takes away no mark it did not make
    shot = _on_read_only_media(folder, *db, "screenshot", "today", "-o", str(picture))
    assert shot.returncode == 0 and "Traceback" not in shot.stderr, shot.stderr
    assert picture.stat().st_size > 10_000
    assert {item.name: item.read_bytes() for item in folder.iterdir()} == before


def test_a_copy_made_while_open_is_read_with_its_log_on_read_only_media(template, tmp_path):
    """A copy taken while the program had the file open keeps its latest changes in the -wal
    beside it. Read as immutable they were left out; they are read through the copied -shm,
    and without it the file is refused, not shown without them."""
    from desktop.domain import warnings as warning_store

    source = tmp_path / "open" / "station.sqlite3"
    source.parent.mkdir()
    shutil.copyfile(template[0] / "station.sqlite3", source)
    database = open_database(source)
    warning = {"source": "bank", "level": "high", "name": "罗某某", "mobile": "13812345678"}
    folder = tmp_path / "stick"
    path = copy_while_open(
        database.conn, source, folder, lambda: warning_store.intake(database, warning)
    )
    received = database.scalar("SELECT count(*) FROM warnings")
    database.close()
    assert Path(f"{path}-wal").stat().st_size > 0
    before = {item.name: item.read_bytes() for item in folder.iterdir()}
    db = ["--db", str(path), "--lang", "en"]

    stats = _on_read_only_media(folder, *db, "stats", "--json", "--from", "2020-01-01")
    assert stats.returncode == 0, stats.stderr
    assert f'"warnings_received": {received}' in stats.stdout.replace("\n", " ")

    Path(f"{path}-shm").unlink()
    del before[f"{path.name}-shm"]
    refused = _on_read_only_media(folder, *db, "stats", "--json")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "has changes not yet written into it, kept in station.sqlite3-wal" in refused.stderr
    assert {item.name: item.read_bytes() for item in folder.iterdir()} == before
