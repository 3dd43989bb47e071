"""The optional password that locks the program (at start and after idle time).

Only an Argon2id hash of the password is kept (in ``meta``), never the password. A recovery
code, shown once when the password is set, opens the program if the password is lost; it too
is kept only as a hash. Wrong attempts are slowed down: each failure doubles the wait before
the next try (up to half a minute).
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.db import audit, keys
from desktop.db.database import META_PASSWORD_HASH, Database
from desktop.db.files import write_whole

META_RECOVERY_HASH = "lock_recovery_hash"
META_IDLE_MINUTES = "lock_idle_minutes"
MIN_LENGTH = 8
DEFAULT_IDLE_MINUTES = 10
MAX_DELAY = 30.0
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed back


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()  # Argon2id with the library's current defaults


def is_set(database: Database) -> bool:
    return bool(database.get_meta(META_PASSWORD_HASH))


def idle_minutes(database: Database) -> int:
    stored = database.get_meta(META_IDLE_MINUTES) or ""
    return int(stored) if stored.isdigit() else DEFAULT_IDLE_MINUTES


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(20))
    return "-".join(raw[i : i + 5] for i in range(0, 20, 5))


def set_password(database: Database, password: str, *, idle: int = DEFAULT_IDLE_MINUTES) -> str:
    """Set (or replace) the password; returns the new recovery code, to be written down."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Use at least {count} characters for the password."),
            field="password",
            count=MIN_LENGTH,
        )
    if not 1 <= idle <= 240:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Lock after 1 to 240 minutes without use."),
            field="idle",
        )
    code = new_recovery_code()
    hasher = _hasher()
    with database.atomic():
        database.set_meta(META_PASSWORD_HASH, hasher.hash(password))
        database.set_meta(META_RECOVERY_HASH, hasher.hash(code.replace("-", "")))
        database.set_meta(META_IDLE_MINUTES, str(idle))
        audit.record(database, "settings", "meta", "", "password set")
    return code


def remove_password(database: Database) -> None:
    with database.atomic():
        database.set_meta(META_PASSWORD_HASH, None)
        database.set_meta(META_RECOVERY_HASH, None)
        audit.record(database, "settings", "meta", "", "password removed")


def _matches(stored: str | None, text: str) -> bool:
    if not stored:
        return False
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored, text)
    except (VerificationError, InvalidHashError):
        return False


@dataclass
class Gate:
    """Checks attempts, slowing down after each failure. By default against the hashes in the
    open database; for an encrypted database not yet open, ``check`` unwraps its key.

    With a database file (``path``, the open database's own by default) the count of failures
    and the time before which no attempt is heard are kept beside it, in
    ``<database>.attempts``: each command line is a program of its own, and a window started
    again must not start counting afresh either, or a script could guess as fast as it likes.
    """

    database: Database | None = None
    clock: object = None  # seconds on the wall clock (a wait kept on disk outlives the program)
    failures: int = 0
    not_before: float = 0.0
    check: object = None  # (text, recovery: bool) -> bool
    path: Path | None = None

    def __post_init__(self) -> None:
        if self.clock is None:
            self.clock = lambda: _now()
        if self.path is None and self.database is not None:
            self.path = self.database.path
        self._read()

    def wait_left(self) -> float:
        """Seconds before the next attempt is heard; a clock set back never makes it longer
        than the longest wait."""
        self._read()  # another program may have tried meanwhile
        return min(max(self.not_before - self.clock(), 0.0), MAX_DELAY)

    def try_password(self, text: str) -> bool:
        return self._try(text, recovery=False)

    def try_recovery_code(self, text: str) -> bool:
        return self._try(text, recovery=True)

    def _matches(self, text: str, recovery: bool) -> bool:
        if self.check is not None:
            return self.check(text, recovery)
        if recovery:
            cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
            return _matches(self.database.get_meta(META_RECOVERY_HASH), cleaned)
        return _matches(self.database.get_meta(META_PASSWORD_HASH), text)

    def _try(self, text: str, *, recovery: bool) -> bool:
        if self.wait_left() > 0:
            return False
        if self._matches(text, recovery):
            self.failures, self.not_before = 0, 0.0
        else:
            self.failures += 1
            self.not_before = self.clock() + min(2.0 ** (self.failures - 1), MAX_DELAY)
        self._keep()
        return self.failures == 0

    def _read(self) -> None:
        if self.path is None:
            return
        import json

        try:
            record = json.loads(attempts_file(self.path).read_text(encoding="utf-8"))
            self.failures, self.not_before = int(record["failures"]), float(record["not_before"])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # none kept yet (a torn file cannot be: it is replaced whole)

    def _keep(self) -> None:
        if self.path is None:
            return
        import json

        target = attempts_file(self.path)
        try:
            if self.failures == 0:
                target.unlink(missing_ok=True)
            else:
                record = {"failures": self.failures, "not_before": self.not_before}
                write_whole(target, json.dumps(record))
        except OSError:
            pass  # a folder that cannot be written (a CD): the count lives in this program only


def _now() -> float:
    return time.time()


def attempts_file(db_path: Path) -> Path:
    """Where the wrong passwords given for a database are counted, across programs."""
    return Path(f"{db_path}.attempts")


def key_gate(db_path) -> Gate:
    """A gate that opens an encrypted database: the right secret unwraps (and remembers) its
    key."""

    def check(text: str, recovery: bool) -> bool:
        data_key = keys.unlock(db_path, text, recovery=recovery)
        if data_key is None:
            return False
        keys.remember(db_path, data_key)
        return True

    return Gate(check=check, path=Path(db_path))
