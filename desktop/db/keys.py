"""Encryption at rest: the key of an encrypted database, kept only in wrapped form.

An encrypted database has a random 32-byte key. Beside it, ``<database>.key`` holds that key
twice, each time wrapped with a key derived (Argon2id) from a secret: the password, and the
recovery code. Neither secret nor the key itself is stored; without one of the secrets the
file and its backups are unreadable — there is no other way back. Once unlocked, the key lives
in this process's memory only (``remember``), so every connection the program opens — the
window's and the worker's — can use it.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.errors import QT_TRANSLATE_NOOP, DatabaseError
from desktop.db import migrations
from desktop.db import sqlite as driver
from desktop.db.chain import reveal_chain_key
from desktop.db.files import write_whole

# hashlib, hmac, json and secrets are imported where they are used: this module is read at
# every start (to see whether the file is encrypted), and they cost the window ~8 ms.

KEY_BYTES = 32
_CHECK = b"outreach-desk key check"
_REGISTRY: dict[str, bytes] = {}


def key_file(db_path: Path) -> Path:
    return Path(f"{db_path}.key")


def is_encrypted(db_path: Path) -> bool:
    settle(Path(db_path))
    return key_file(db_path).exists()


def has_key_files(db_path: Path) -> bool:
    """Whether ``db_path`` has a key or an encryption cut off halfway beside it, looked at
    without settling anything (``is_encrypted`` may rename or delete): a reader that must
    not write asks this."""
    return key_file(db_path).exists() or _pending(db_path).exists()


def _derive(secret: str, salt: bytes) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        secret.encode("utf-8"), salt, time_cost=3, memory_cost=64 * 1024, parallelism=1,
        hash_len=KEY_BYTES, type=Type.ID,
    )  # fmt: skip


def _normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _wrap(data_key: bytes, secret: str) -> dict:
    import hashlib
    import hmac

    salt = os.urandom(16)
    wrapping = _derive(secret, salt)
    return {
        "salt": salt.hex(),
        "wrapped": bytes(a ^ b for a, b in zip(data_key, wrapping, strict=True)).hex(),
        "check": hmac.new(wrapping, _CHECK, hashlib.sha256).hexdigest(),
    }


def _unwrap(entry: dict, secret: str) -> bytes | None:
    import hashlib
    import hmac

    wrapping = _derive(secret, bytes.fromhex(entry["salt"]))
    expected = hmac.new(wrapping, _CHECK, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, entry["check"]):
        return None
    return bytes(a ^ b for a, b in zip(bytes.fromhex(entry["wrapped"]), wrapping, strict=True))


def new_key() -> bytes:
    import secrets

    return secrets.token_bytes(KEY_BYTES)


def write_key_file(db_path: Path, data_key: bytes, password: str, recovery_code: str) -> Path:
    import json

    """Write ``<database>.key`` (replacing it whole: a half-written key file would lock the
    database for good)."""
    target = key_file(db_path)
    document = {
        "version": 1,
        "kdf": "argon2id t=3 m=64MiB p=1",
        "password": _wrap(data_key, password),
        "recovery": _wrap(data_key, _normalise_code(recovery_code)),
    }
    write_whole(target, json.dumps(document, indent=1))
    return target


def unlock(db_path: Path, secret: str, *, recovery: bool = False) -> bytes | None:
    """The database's key from the password (or the recovery code); None when it is wrong."""
    import json

    try:
        document = json.loads(key_file(db_path).read_text(encoding="utf-8"))
        entry = document["recovery" if recovery else "password"]
    except (OSError, ValueError, KeyError) as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Database", "The key file {path} cannot be read."),
            path=str(key_file(db_path)),
        ) from exc
    return _unwrap(entry, _normalise_code(secret) if recovery else secret)


def remember(db_path: Path, data_key: bytes) -> None:
    _REGISTRY[str(Path(db_path).resolve())] = data_key


def forget(db_path: Path) -> None:
    _REGISTRY.pop(str(Path(db_path).resolve()), None)


def key_for(db_path: Path) -> bytes | None:
    return _REGISTRY.get(str(Path(db_path).resolve()))


def apply_key(conn, data_key: bytes | None) -> None:
    """The first statement on a connection to an encrypted file (a raw key: no slow KDF)."""
    if data_key is not None:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")


def _unlocked_key(db_path: Path) -> bytes:
    """The key of an encrypted database unlocked in this program, else an error saying so."""
    data_key = key_for(db_path)
    if data_key is None:
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Database", "{path} is encrypted: unlock it with its password first."
            ),
            path=str(db_path),
        )
    return data_key


def needed_key(db_path: Path) -> bytes | None:
    """The key to open ``db_path`` with: None for a plain database; an error when the
    database is encrypted and not unlocked in this program."""
    return _unlocked_key(db_path) if is_encrypted(db_path) else None


def convert(db_path: Path, *, from_key: bytes | None, to_key: bytes | None) -> None:
    """Rewrite the database encrypted with ``to_key`` (None: plain) from ``from_key``; the
    new file is checked before it replaces the old one, which is then gone for good."""

    partial = Path(f"{db_path}.converting")
    partial.unlink(missing_ok=True)
    conn = driver.connect(str(db_path), encrypted=True)  # sqlcipher_export is SQLCipher's
    try:
        apply_key(conn, from_key)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = migrations.schema_version(conn)
        target_key = f"x'{to_key.hex()}'" if to_key else ""
        conn.execute(f'ATTACH DATABASE ? AS converted KEY "{target_key}"', (str(partial),))
        conn.execute("SELECT sqlcipher_export('converted')")
        conn.execute(f"PRAGMA converted.user_version = {int(version)}")
        if from_key is not None and to_key != from_key and version >= 8:
            reveal_chain_key(conn, from_key, "converted")  # its keyed entries must still verify
            conn.commit()
        conn.execute("DETACH DATABASE converted")
    finally:
        conn.close()
    check = driver.connect(str(partial), encrypted=to_key is not None)
    try:
        apply_key(check, to_key)
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise DatabaseError(
                QT_TRANSLATE_NOOP("Database", "The converted database failed its check: {path}"),
                path=str(partial),
            )
        check.execute("PRAGMA journal_mode = WAL")
    finally:
        check.close()
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.replace(partial, db_path)


def _pending(db_path: Path) -> Path:
    return Path(f"{key_file(db_path)}.pending")


def _is_plain(db_path: Path) -> bool:
    with db_path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def settle(db_path: Path) -> None:
    """Finish or undo an encryption cut off halfway: the key is written first as
    ``….key.pending``; it becomes the key only once the file is encrypted with it."""
    pending = _pending(db_path)
    if not pending.exists():
        return
    if db_path.exists() and not _is_plain(db_path):
        os.replace(pending, key_file(db_path))  # the conversion had finished
    else:
        pending.unlink()  # it had not: the file is still plain


def encrypt_database(db_path: Path, password: str, recovery_code: str) -> bytes:
    """Encrypt a closed, plain database with a new key wrapped by the password and the recovery
    code; returns the key (remembered for this program). A crash at any point leaves either
    the plain file or the encrypted one with its key (``settle``)."""
    if not driver.encryption_available():
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Database", "This installation cannot encrypt (SQLCipher is not available)."
            )
        )
    data_key = new_key()
    written = write_key_file(db_path, data_key, password, recovery_code)
    os.replace(written, _pending(db_path))
    convert(db_path, from_key=None, to_key=data_key)
    os.replace(_pending(db_path), key_file(db_path))
    remember(db_path, data_key)
    return data_key


def decrypt_database(db_path: Path) -> None:
    """Turn a closed, unlocked encrypted database back into a plain one."""
    data_key = _unlocked_key(db_path)
    convert(db_path, from_key=data_key, to_key=None)
    key_file(db_path).unlink()
    forget(db_path)


def rewrap(db_path: Path, password: str, recovery_code: str) -> None:
    """A new password (and recovery code) for an unlocked encrypted database."""
    data_key = _unlocked_key(db_path)
    write_key_file(db_path, data_key, password, recovery_code)
