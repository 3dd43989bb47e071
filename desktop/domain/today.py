"""Today's reading: everything the Today screen shows, read in one go — and read ahead, in a
process of its own, while the window starts.

The window's start is mostly Python and Qt building themselves on one core; the reading is
SQL and the ledgers' modules, about as long again. Read on a thread beside the window, the two
share Python's one lock and the start gets slower (measured: README). Read in a process of its
own (``begin_reading``, as soon as the command line knows the file), it runs on the other core
and is usually there when Today is first shown, so Today's first paint already has its rows.

What crosses between the processes is plain data: ``read_today`` gives its rows as
namespaces of their fields (``plain``; a talk with its day and clock times) — what the screen
reads of them — so the window never imports the ledgers' modules just to show a reading, and
the pickle it receives can name only the few harmless ``_PLAIN_TYPES``. A reading
ahead is used once, and only if it is still true when Today shows it (``HeadStart.take``): the
same file, nothing written to it since (the audit log's last entry), the same day. One still
on its way when Today is first shown is shown when it arrives (the worker stays free); one
late by ``AHEAD_PATIENCE_MS`` is stopped. Otherwise, and whenever the process could not read
(an encrypted file, a password lock, a file that must be migrated first, any error), Today
reads on the worker as before.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from desktop.core import clock

URGENT_SHOWN = 12  # the most urgent open warnings listed (the Warnings screen has all)
TALKS_SHOWN = 40
NEXT_TALKS = 5  # with fewer left this week, the next ones after it fill the list to this
FOLLOW_UPS_SHOWN = 30
RETURNS_SHOWN = 30
FLAGS_SHOWN = 30
# This month's key figures, in the order officers are asked about them.
KEY_FIGURES = ("warnings_received", "dissuaded", "dissuasion_rate", "money_protected",
               "talks_held", "attendance")  # fmt: skip
# How long Today waits for a reading ahead still on its way when first shown, before it stops
# it and reads on the worker (it began long before the window: late means stuck).
AHEAD_PATIENCE_MS = 3000
# The command line's hidden switch that makes a process the reading ahead (a frozen build has
# no ``python -c``: the program starts itself with it).
READ_AHEAD_SWITCH = "--read-today-ahead"


def next_talks(database, today: date) -> dict:
    """The talks still to be held from the start of ``today`` (planned or confirmed, not
    those held, postponed or cancelled): this week's, the first ``TALKS_SHOWN``, and when
    fewer than ``NEXT_TALKS`` are left in it, the next ones after the week up to that many;
    with how many are today and how many later this week, counted by the database (a city's
    week holds hundreds, more than the list shows)."""
    from desktop.core.rules import TALKS_TO_COME
    from desktop.domain import talks as talk_store

    happening = list(TALKS_TO_COME)
    start, tomorrow = clock.at(today), clock.at(today + timedelta(days=1))
    week_end = clock.at(today + timedelta(days=7 - today.weekday()))
    week = talk_store.TalkFilter(starts_from=start, starts_before=week_end, statuses=happening)
    talks = talk_store.list_talk_summaries(database, week, limit=TALKS_SHOWN)
    in_week = talk_store.count_talks(database, week)
    if in_week < NEXT_TALKS:
        after = talk_store.TalkFilter(starts_from=week_end, statuses=happening)
        talks += talk_store.list_talk_summaries(database, after, limit=NEXT_TALKS - in_week)
    on_the_day = talk_store.TalkFilter(
        starts_from=start, starts_before=tomorrow, statuses=happening
    )
    todays = talk_store.count_talks(database, on_the_day)
    return {
        "talks": [_listed(talk) for talk in talks],
        "talks_today": todays,
        "talks_later_this_week": in_week - todays,
    }


def _listed(talk) -> SimpleNamespace:
    """A talk as Today lists it: its summary's fields, with its day and clock times."""
    return SimpleNamespace(
        **talk._asdict(), day=talk.day, start_clock=talk.start_clock, end_clock=talk.end_clock
    )


def read_today(database, today: date, now: datetime | None = None) -> dict:
    """Everything the Today screen shows, as plain data (``plain``): the warnings' half on
    ``database`` and the rest beside it on a second connection (``db.parallel``; a city's
    first reading 80–100 ms → 65–75 ms on two cores)."""
    from desktop.db.parallel import read_both

    now = now or clock.now()
    warnings, rest = read_both(
        database,
        lambda reading: _warnings_today(reading, today, now),
        lambda reading: _rest_today(reading, today),
    )
    return plain({**warnings, **rest})


def _warnings_today(database, today: date, now: datetime) -> dict:
    """Today's urgent warnings, how many are open and late, the month's key figures and the
    days without a loss."""
    from desktop.domain import statistics
    from desktop.domain import warnings as warning_store

    limits = warning_store.time_limits(database)
    month = statistics.Period(today.replace(day=1), today)
    return {
        "figures": statistics.compute_figures(database, month, only=KEY_FIGURES),
        "streak": warning_store.zero_loss_streak(database, today),
        "queue": warning_store.most_urgent(database, limit=URGENT_SHOWN, limits=limits, now=now),
        "open": warning_store.count_warnings(database, warning_store.WarningFilter()),
        "late": warning_store.count_late(database, limits=limits, now=now),
        "limits": limits,
    }


def _rest_today(database, today: date) -> dict:
    """Today's talks, follow-ups, persons abroad overdue and flagged communities."""
    from desktop.domain import follow_ups as follow_up_store
    from desktop.domain import fraud_free
    from desktop.domain import return_cases as return_store

    flags = fraud_free.flagged_communities(database)
    yesterday = today - timedelta(days=1)
    due_today = follow_up_store.follow_ups_due_on(database, today, limit=FOLLOW_UPS_SHOWN)
    overdue = follow_up_store.due_follow_ups(
        database, yesterday, limit=max(FOLLOW_UPS_SHOWN - len(due_today), 0)
    )
    overdue_count = follow_up_store.count_due_follow_ups(database, yesterday)
    return {
        **next_talks(database, today),
        "follow_ups": due_today + overdue,
        "follow_ups_today": follow_up_store.count_due_follow_ups(database, today) - overdue_count,
        "follow_ups_overdue": overdue_count,
        "returns": return_store.overdue(database, today=today, limit=RETURNS_SHOWN),
        "returns_overdue": return_store.count_overdue(database, today=today),
        "flags": flags[:FLAGS_SHOWN],
        "flagged": len(flags),
    }


def plain(value: Any) -> Any:
    """``value`` with every record (a dataclass) turned into a namespace of its fields, inside
    dicts, lists and tuples."""
    from dataclasses import fields, is_dataclass

    if is_dataclass(value) and not isinstance(value, type):
        return SimpleNamespace(**{f.name: plain(getattr(value, f.name)) for f in fields(value)})
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if type(value) is tuple:
        return tuple(plain(item) for item in value)
    return value


# -- reading ahead -----------------------------------------------------------------------------


def read_ahead(path: Path) -> dict | None:
    """What the reading ahead hands over: Today's reading of the file at ``path`` with what
    tells whether it is still true (the file, the audit log's last entry, the day); None
    when it must not be read ahead: encrypted (no key here), locked by a password (nothing is
    read before the officer unlocks), made by another version (opening migrates it first)."""
    from desktop.db import audit, keys, migrations
    from desktop.db.database import META_PASSWORD_HASH, META_STATION_ZONE, file_identity
    from desktop.db.opening import reader

    if keys.has_key_files(path):
        return None
    identity = file_identity(path)
    database = reader(path)
    try:
        if migrations.schema_version(database.conn) != migrations.SCHEMA_VERSION:
            return None
        if database.get_meta(META_PASSWORD_HASH):
            return None
        clock.use_station_zone(database.get_meta(META_STATION_ZONE))
        today, now = clock.today(), clock.now()
        ahead = {"file": identity, "audit_end": audit.last_seq(database), "day": today}
        ahead["reading"] = read_today(database, today, now)
    finally:
        database.close()
    return ahead if file_identity(path) == identity else None


def serve(path: str) -> int:
    """The reading ahead's process (spawned): its pickle on standard output, nothing at all
    when it cannot or must not read. Never fails loudly: the window then reads itself."""
    import pickle

    try:
        ahead = read_ahead(Path(path))
        if ahead is not None:
            _write_all(1, pickle.dumps(ahead, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # noqa: BLE001 - the window reads itself; nothing to tell anyone
        pass
    return 0


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


# What a reading ahead may name (dicts, lists, tuples and sets have opcodes of their own).
_PLAIN_TYPES = {
    ("datetime", "date"), ("datetime", "datetime"), ("datetime", "timedelta"),
    ("datetime", "timezone"), ("types", "SimpleNamespace"),
}  # fmt: skip


def _unpickled(data: bytes) -> Any:
    """A reading ahead unpickled, naming only ``_PLAIN_TYPES``: a process of ours wrote it,
    and still nothing else may be made from it."""
    import io
    import pickle

    class Plain(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            if (module, name) not in _PLAIN_TYPES:
                raise pickle.UnpicklingError(f"{module}.{name} is not part of a reading")
            return super().find_class(module, name)

    return Plain(io.BytesIO(data)).load()


class HeadStart:
    """Today's reading begun in a process of its own (``begin_reading``). A thread collects
    what the process writes (it blocks on the pipe only, outside Python's lock); ``take``
    hands the reading over once."""

    def __init__(self, read_end: int, process: _Process) -> None:
        import threading

        self._read_end = read_end
        self._process = process
        self._data = b""
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._when_done: list[Callable[[], None]] = []
        threading.Thread(target=self._collect, name="reading ahead", daemon=True).start()

    def _collect(self) -> None:
        chunks: list[bytes] = []
        try:
            with os.fdopen(self._read_end, "rb") as pipe:
                while chunk := pipe.read(65536):
                    chunks.append(chunk)
        except Exception:  # noqa: BLE001 - no reading ahead: Today reads itself
            chunks = []
        finally:
            self._data = b"".join(chunks)
            with self._lock:  # done before reaped: never stopped once its pid may be reused
                self._done.set()
                waiting, self._when_done = self._when_done, []
            for call in waiting:
                with suppress(Exception):  # a window closed meanwhile: nobody to tell
                    call()
            self._process.reap()

    @property
    def arrived(self) -> bool:
        """Whether the process is done (with a reading or without one)."""
        return self._done.is_set()

    def when_done(self, call: Callable[[], None]) -> None:
        """``call()`` once the process is done: at once when it is, else on the collecting
        thread (a window hands it on to its own thread)."""
        with self._lock:
            if not self._done.is_set():
                self._when_done.append(call)
                return
        call()

    def give_up(self) -> None:
        """Stop the process (it is late, or nobody will show it): what it wrote so far is
        then no reading. Nothing once it is done."""
        with self._lock:
            if not self._done.is_set():
                self._process.stop()

    def take(self, database, today: date) -> dict | None:
        """The reading, once: if the process is done, wrote one, and it is still true for
        ``database`` on ``today`` — the same file, nothing written to it since through the
        audit log (every change of a record is; a setting changed meanwhile is not a record
        Today shows), the same day. Else None (read it then). What the process wrote is
        dropped either way."""
        from desktop.db import audit

        if not self._done.is_set():
            return None
        data, self._data = self._data, b""
        if not data:
            return None
        try:
            ahead = _unpickled(data)
        except Exception:  # noqa: BLE001 - cut off or unexpected: read it instead
            return None
        if not isinstance(ahead, dict) or not isinstance(ahead.get("reading"), dict):
            return None
        if (
            ahead.get("day") != today
            or ahead.get("file") != database.file_identity
            or ahead.get("audit_end") != audit.last_seq(database)
        ):
            return None  # written to, replaced, or read on another day since
        return ahead["reading"]


class _Process:
    """The reading's process, forked (a pid) or started (a Popen): waited for, or stopped."""

    def __init__(self, pid: int | None = None, popen=None) -> None:
        self._pid, self._popen = pid, popen

    def reap(self) -> None:
        try:
            if self._popen is not None:
                self._popen.wait()
            elif self._pid is not None:
                os.waitpid(self._pid, 0)
        except (OSError, ChildProcessError):
            pass

    def stop(self) -> None:
        import signal

        try:
            if self._popen is not None:
                self._popen.kill()
            elif self._pid is not None:
                os.kill(self._pid, signal.SIGKILL)
        except OSError:
            pass  # already gone


def begin_reading(path: Path) -> HeadStart | None:
    """Start reading Today for the file at ``path`` in a process of its own; None when there
    is nothing to read or no process could be started. A forked copy of this process where
    it can be (POSIX, no threads yet: it reads at once, nothing to start), else the program
    started again for it."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        process = _fork(path, write_end) if _can_fork() else _spawn(path, write_end)
    except Exception:  # noqa: BLE001 - no head start: Today reads on the worker
        os.close(read_end)
        return None
    finally:
        os.close(write_end)
    try:
        return HeadStart(read_end, process)
    except Exception:  # noqa: BLE001 - no thread to collect it: Today reads on the worker
        process.stop()
        process.reap()
        os.close(read_end)
        return None


def _can_fork() -> bool:
    import threading

    return hasattr(os, "fork") and threading.active_count() == 1


def _fork(path: Path, write_end: int) -> _Process:
    pid = os.fork()
    if pid == 0:  # the copy: read, write, and leave without running anything of the parent's
        code = 0
        try:
            import pickle

            ahead = read_ahead(path)
            if ahead is not None:
                _write_all(write_end, pickle.dumps(ahead, protocol=pickle.HIGHEST_PROTOCOL))
        except BaseException:  # noqa: BLE001 - the window reads itself
            code = 1
        finally:
            os._exit(code)
    return _Process(pid=pid)


# Windows: a program started without the "app starting" pointer beside the window's own.
_STARTF_FORCEOFFFEEDBACK = 0x00000080


def _spawn(path: Path, write_end: int) -> _Process:
    import subprocess

    if getattr(sys, "frozen", False):
        argv = [sys.executable, READ_AHEAD_SWITCH, str(path)]
    else:
        # -P: not the current folder first on the path; the package's own folder is.
        root = str(Path(__file__).resolve().parent.parent.parent)
        # Gone as soon as it has written (the pipe ends then): no interpreter shutdown.
        code = (
            "import os, sys; sys.path.insert(0, sys.argv[1]); "
            "from desktop.domain.today import serve; serve(sys.argv[2]); os._exit(0)"
        )
        argv = [sys.executable, "-P", "-c", code, root, str(path)]
    options: dict[str, Any] = {}
    if sys.platform == "win32":
        startup = subprocess.STARTUPINFO()
        startup.dwFlags |= _STARTF_FORCEOFFFEEDBACK
        options = {"creationflags": subprocess.CREATE_NO_WINDOW, "startupinfo": startup}
    popen = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=write_end, stderr=subprocess.DEVNULL, **options
    )
    return _Process(popen=popen)
