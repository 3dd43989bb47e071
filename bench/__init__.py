"""Benchmarks with their baselines, measured in the same run (``python -m bench``)."""

from __future__ import annotations

import compileall
import subprocess
import sys
from pathlib import Path


def as_installed(env: dict[str, str]) -> dict[str, str]:
    """``env`` for a whole process of ours started as an installed program starts: from
    compiled bytecode (pip and PyInstaller compile it). A machine with PYTHONDONTWRITEBYTECODE
    set would otherwise compile every module of ours from source at each start (about 0.1 s for
    the sign-in sheet's) while the baseline's libraries are compiled already."""
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "desktop", quiet=1)
    return {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}


def printed(
    code: str, *args: str, tag: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> str:
    """What a fresh interpreter running ``code`` (with ``args``) printed after ``tag`` on the
    first line that begins with it. A process that fails (an error, a crash) raises, with the
    end of what it wrote to stderr."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=cwd
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"a measuring process ended with {done.returncode}: {done.stderr[-2000:]}"
        )
    for line in done.stdout.splitlines():
        if line.startswith(tag + " "):
            return line[len(tag) + 1 :]
    raise RuntimeError(f"a measuring process printed no {tag}: {done.stderr[-2000:]}")


def taking_turns(run: int, *sides):
    """``sides`` in their order in even runs and the other way round in odd ones, so that each
    goes first in every other pair and a busy moment falls on both."""
    return sides if run % 2 == 0 else sides[::-1]


def fingerprint(path: Path) -> dict:
    """What a measure that wrote to the database at ``path`` would have changed, read as the
    program reads (an encrypted file with its key) without writing: its schema (a migration
    writes nothing else), its last audit entry (whatever the program writes for an officer is
    logged), its settings and counters (``meta``: the change sequence, the device, the backup
    noted, the search indexes' state) and its saved briefing issues."""
    from desktop.db.opening import reader

    database = reader(path)
    try:

        def rows(sql: str) -> list[list]:
            return [list(row) for row in database.query(sql)]

        return {
            "schema": rows("SELECT * FROM pragma_user_version, pragma_schema_version"),
            "last_audit": rows("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"),
            "meta": rows("SELECT key, value FROM meta ORDER BY key"),
            "briefing_issues": rows("SELECT count(*), max(rowid) FROM briefing_issues"),
        }
    finally:
        database.close()


def settled(path: Path) -> None:
    """The database at ``path`` opened once as the program opens it and its search indexes
    brought up to date, as the first session and the first search would do: what the program
    does once to a file (a migration, the device's id, the indexes) is not laid at the door of
    the first measure that opens or searches it."""
    from desktop.db.opening import open_database
    from desktop.domain import search

    database = open_database(path, create=False)
    try:
        if search.pending(database):
            search.refresh(database)
    finally:
        database.close()


def demo_database(path: Path) -> Path:
    """A station's demo database made at ``path``: for the measures that must write (a print's
    audit entry, a warning taken in), so that the scale database stays as it was."""
    from desktop.db.opening import open_database
    from desktop.demo import generate_demo

    database = open_database(path)
    try:
        generate_demo(database)
    finally:
        database.close()
    return path
