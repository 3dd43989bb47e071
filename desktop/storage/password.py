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
from desktop.storage import audit
from desktop.storage.database import META_PASSWORD_HASH, Database

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
    open database; for an encrypted database not yet open, ``check`` unwraps its key."""

    database: Database | None = None
    clock: object = time.monotonic
    failures: int = 0
    not_before: float = 0.0
    check: object = None  # (text, recovery: bool) -> bool

    def wait_left(self) -> float:
        return max(self.not_before - self.clock(), 0.0)

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
            self.failures = 0
            return True
        self.failures += 1
        self.not_before = self.clock() + min(2.0 ** (self.failures - 1), MAX_DELAY)
        return False


def key_gate(db_path) -> Gate:
    """A gate that opens an encrypted database: the right secret unwraps (and remembers) its
    key."""
    from desktop.storage import keys

    def check(text: str, recovery: bool) -> bool:
        data_key = keys.unlock(db_path, text, recovery=recovery)
        if data_key is None:
            return False
        keys.remember(db_path, data_key)
        return True

    return Gate(check=check)


# -- wrong passwords counted beside the database, across programs --------------------------
# Each command line is a new program: an in-process Gate would let a script guess as fast as
# the key derivation runs. The count and the time before which no attempt is heard are kept
# in ``<database>.attempts`` (wall-clock time: it outlives the program).
def _now() -> float:
    return time.time()


def attempts_file(db_path: Path) -> Path:
    return Path(f"{db_path}.attempts")


def _attempts(db_path: Path) -> tuple[int, float]:
    import json

    try:
        record = json.loads(attempts_file(db_path).read_text(encoding="utf-8"))
        return int(record["failures"]), float(record["not_before"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0, 0.0  # none yet (a torn file cannot be: it is replaced whole)


def attempt_wait(db_path: Path) -> float:
    """Seconds before another password may be tried on ``db_path`` (0: now). A clock set back
    never makes the wait longer than the longest one."""
    _failures, not_before = _attempts(db_path)
    return min(max(not_before - _now(), 0.0), MAX_DELAY)


def note_attempt(db_path: Path, right: bool) -> None:
    """Count a wrong password (the wait doubles, as in the window) or clear the count."""
    import json

    from desktop.storage.files import write_whole

    target = attempts_file(db_path)
    if right:
        target.unlink(missing_ok=True)
        return
    failures = _attempts(db_path)[0] + 1
    record = {"failures": failures, "not_before": _now() + min(2.0 ** (failures - 1), MAX_DELAY)}
    write_whole(target, json.dumps(record))
