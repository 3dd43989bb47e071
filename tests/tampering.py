"""What someone with a database file and any SQLite tool can do to it outside the program,
copying it while it is in use among them."""

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from desktop.db import chain

GUARDS = ("audit_no_update", "audit_no_delete")


@contextmanager
def unguarded(conn):
    """The audit log's guards against change dropped on ``conn``, and put back afterwards as a
    careful intruder would, so that only the log itself can give the change away."""
    kept = [
        sql
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
        )
    ]
    for name in GUARDS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    yield conn
    for sql in kept:
        conn.execute(sql)
    conn.commit()


def tamper_audit(path, sql: str) -> None:
    """Run ``sql`` on the audit log of the file at ``path``, its guards put back afterwards."""
    conn = sqlite3.connect(path)
    with unguarded(conn):
        conn.execute(sql)
    conn.close()


def rewrite_audit(conn, sql: str, key: bytes | None = None) -> None:
    """Run ``sql`` on the audit log and work every hash of its chain out again, as a tool could
    (``key``: the chain's key, for whoever has it)."""

    with unguarded(conn):
        conn.execute(sql)
        previous = ""
        for seq, *fields in conn.execute(
            "SELECT seq, " + ", ".join(chain.FIELDS) + " FROM audit ORDER BY seq"
        ).fetchall():
            previous = chain.chain_hash(previous, fields, key)
            conn.execute("UPDATE audit SET hash = ? WHERE seq = ?", (previous, seq))


def copy_while_open(conn, source: Path, folder: Path, write: Callable[[], object]) -> Path:
    """``folder``/station.sqlite3: the WAL database at ``source`` copied with its -wal and -shm
    while ``conn`` still has it open, after ``write`` — whose changes are then in the -wal
    alone, as in a copy someone made of the file in use."""
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    write()
    folder.mkdir()
    copy = folder / "station.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{source}{suffix}", f"{copy}{suffix}")
    return copy
