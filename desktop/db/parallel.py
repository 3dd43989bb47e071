"""Two long reads at once. SQLite lets go of Python's lock while it reads, so a second connection
on a thread of its own reads beside the first: a city's year briefing (its figures, trend and
ranking on one side, the ledgers' annexes and the breakdown by fraud type on the other) takes
the longer of the two on a laptop's two cores, not their sum (5–6 s → 3.2 s measured on the
scale database; a county's month 0.74 s → 0.38 s).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TypeVar

from desktop.core.errors import OutreachError
from desktop.db import sqlite as sqlite3
from desktop.db.database import Database, file_identity

A = TypeVar("A")
B = TypeVar("B")
# SQLite's virtual machine instructions between two looks at whether to stop (a few ms of work).
_CHECK_EVERY = 100_000


def read_both(
    database: Database,
    first: Callable[[Database], A],
    second: Callable[[Database], B],
) -> tuple[A, B]:
    """``first(database)`` on the calling thread while ``second(other)`` runs on a thread of
    its own, ``other`` a connection of its own that only reads the same file; both results.
    An error of either reaches the caller: ``first``'s at once (``second``'s statement is
    stopped at its next check and waited for), ``second``'s once ``first`` is done.

    One after the other on ``database`` where a second connection would not read what this one
    reads — a database with no file (``:memory:``), one inside a transaction not yet committed
    (only this connection sees its rows), a file replaced on disk since it was opened — or
    where it cannot be opened. Both must only read."""
    if database.path is None or database.conn.in_transaction:
        return first(database), second(database)
    outcome: dict[str, object] = {}
    stop = threading.Event()

    def run() -> None:
        if stop.is_set():
            return
        other = _reader(database)
        if other is None:
            outcome["unopened"] = True
            return
        # Once the caller's half has failed, the statement running here ends at its next
        # check ("interrupted"), whenever it began.
        other.conn.set_progress_handler(stop.is_set, _CHECK_EVERY)
        try:
            outcome["value"] = second(other)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            outcome["error"] = exc
        finally:
            with suppress(*sqlite3.Error):
                if other.conn.in_transaction:  # a write tried and refused
                    other.conn.rollback()
                other.close()

    thread = threading.Thread(target=run, name="second reader", daemon=True)
    thread.start()
    try:
        value = first(database)
    except BaseException as exc:
        stop.set()
        thread.join()
        error = outcome.get("error")
        if isinstance(error, BaseException) and "interrupted" not in str(error):
            exc.add_note(f"the second reading failed too: {error!r}")
        raise
    thread.join()
    if "unopened" in outcome:
        return value, second(database)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return value, outcome["value"]  # type: ignore[return-value]


def _reader(database: Database) -> Database | None:
    """A connection that only reads the file ``database`` reads (``opening.reader``: the same
    key and pragmas, nothing of opening done again); None when the file at its path is no
    longer the one it opened, or cannot be read."""
    from desktop.db.opening import reader

    path = database.path
    if path is None or file_identity(path) != database.file_identity:
        return None
    try:
        other = reader(path)
    except (OutreachError, OSError, *sqlite3.Error):
        return None
    if file_identity(path) != database.file_identity:  # replaced while it was being opened
        with suppress(*sqlite3.Error):
            other.close()
        return None
    return other
