"""The SQLite the program runs on, per database: Python's own sqlite3 for a database in clear,
SQLCipher for an encrypted one (where its wheels exist: Linux x86-64, Windows).

Python's sqlite3 is the faster engine here (a year's figures over a million warnings: 0.46 s
against 0.72 s with the SQLCipher build), so only encrypted files pay for SQLCipher. Modules
that open databases or catch their errors take the names from here: the error names cover
both engines, ``connect`` picks the engine.
"""

from __future__ import annotations

import sqlite3 as plain

try:  # sqlcipher3-binary (Linux), sqlcipher3-wheels (Windows)
    from sqlcipher3 import dbapi2 as cipher

    ENCRYPTION = True
except ImportError:  # pragma: no cover - depends on the platform's wheels
    cipher = None
    ENCRYPTION = False


def _both(name: str) -> tuple:
    """The exception class of both engines, as a tuple (``except (*sqlite.Error, X)`` joins
    it with others)."""
    return (getattr(plain, name), getattr(cipher, name)) if cipher else (getattr(plain, name),)


Error = _both("Error")
DatabaseError = _both("DatabaseError")
OperationalError = _both("OperationalError")
IntegrityError = _both("IntegrityError")
ProgrammingError = _both("ProgrammingError")
complete_statement = plain.complete_statement
Connection = plain.Connection  # for annotations; a connection may also be SQLCipher's
Row = plain.Row  # likewise


def connect(database, *args, encrypted: bool = False, **kwargs):
    """A connection by the engine the file needs (``encrypted``: SQLCipher)."""
    if encrypted:
        if cipher is None:
            from desktop.core.errors import QT_TRANSLATE_NOOP
            from desktop.core.errors import DatabaseError as AppError

            raise AppError(
                QT_TRANSLATE_NOOP(
                    "Database", "This installation cannot encrypt (SQLCipher is not available)."
                )
            )
        return cipher.connect(database, *args, **kwargs)
    return plain.connect(database, *args, **kwargs)


def row_type(conn):
    """The Row class that belongs with ``conn``'s engine (row factories do not mix)."""
    if cipher is not None and isinstance(conn, cipher.Connection):
        return cipher.Row
    return plain.Row
