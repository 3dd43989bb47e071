"""This program's presence on a database: one program at a time (an operating-system lock on
``<database>.lock``), and a marker that says whether it was closed cleanly.

The lock belongs to the process, so the system releases it when the program ends in any way —
even killed — and a stale lock file never keeps anyone out. A second launch on the same
database is told the database is in use and opens nothing for writing.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP, DatabaseError

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows, where links need rights to make
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)  # nor this: Windows has no pipes in folders


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        # The file itself, not the name it was reached by: through a symbolic link (or
        # another spelling of the path) a second program would otherwise lock another name.
        self.path = Path(f"{Path(db_path).resolve()}.lock")
        self._handle = None

    def acquire(self) -> bool:
        """Take the lock; False when another program holds it."""
        if self._handle is not None:
            return True
        try:
            handle = open(self.path, "a+")  # noqa: SIM115 - held open as long as the lock
        except OSError:
            # No lock file can be made here (a missing or read-only folder): opening the
            # database will fail with the message that explains it, so do not hide it.
            return True
        try:
            if os.name == "nt":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            if os.name == "nt":
                import msvcrt

                self._handle.seek(0)
                msvcrt.locking(self._handle.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
        finally:
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


def in_use(db_path: Path) -> bool:
    """Whether another program has the database open (probing the lock without keeping it)."""
    probe = InstanceLock(db_path)
    if probe.acquire():
        probe.release()
        return False
    return True


# -- the unclean-shutdown marker: made at start, removed after the close-time check passes ------
def marker_path(db_path: Path) -> Path:
    return Path(f"{db_path}.in-use")


def was_left_open(db_path: Path) -> bool:
    """True when the program that last had this database open did not close it cleanly."""
    marker = marker_path(db_path)
    try:
        kind = os.lstat(marker).st_mode
    except OSError:  # nothing there, or no folder to hold it (opening says so)
        return False
    # A link (even to nothing) is a marker too; a folder, a pipe or a device is no program's
    # marker: opening says it is in the way (mark_open).
    return stat.S_ISREG(kind) or stat.S_ISLNK(kind)


# The marker this process wrote for each database, word for word: a close removes only its
# own, and a process id alone could be a crashed program's, reused by the system.
_OURS: dict[str, bytes] = {}


def mark_open(db_path: Path) -> None:
    """Write the marker that says this database is open. Raises ``DatabaseError`` naming the
    marker when it cannot be written (a folder or a file of another user in its place): a
    database opened without it would not be checked after a crash."""
    marker = marker_path(db_path)
    text = f"{os.getpid()} {clock.now_iso()} {os.urandom(8).hex()}\n".encode()
    try:
        if marker.is_symlink():  # never written through: it could point at any file
            marker.unlink()
        # Never waiting: a pipe in its place would hold the start until something read it.
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _NO_FOLLOW | _NO_WAIT
        descriptor = os.open(marker, flags, 0o644)
        with os.fdopen(descriptor, "wb") as handle:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # a device, a pipe read from
                raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
            handle.write(text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DatabaseError(MARKER_UNWRITABLE, path=str(marker), reason=reason) from exc
    _OURS[os.path.abspath(marker)] = text


MARKER_UNWRITABLE = QT_TRANSLATE_NOOP(
    "Database",
    "Cannot write {path} ({reason}). Outreach Desk keeps this small file beside a database "
    "while it is open, to notice a program that stopped without closing it. Move whatever is "
    "at that place away, then open the database again.",
)


def mark_closed(db_path: Path, *, only_ours: bool = True) -> None:
    """Remove the marker this program made at start. A marker another program left (one that
    stopped without closing, or a copy's on a read-only stick) stays for the next start to see,
    unless ``only_ours`` is False: the file it stood for has been moved aside."""
    marker = marker_path(db_path)
    key = os.path.abspath(marker)
    if not os.path.lexists(marker):  # a read-only disk refuses even to unlink what is not there
        _OURS.pop(key, None)
        return
    if only_ours and not _is_ours(marker, _OURS.get(key)):
        return
    marker.unlink(missing_ok=True)
    _OURS.pop(key, None)


def _is_ours(marker: Path, text: bytes | None) -> bool:
    if text is None or marker.is_symlink():
        return False
    try:
        with open(marker, "rb") as handle:
            return handle.read(len(text) + 1) == text
    except OSError:
        return False
