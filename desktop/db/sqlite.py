"""The SQLite the program runs on, per database: Python's own sqlite3 for a database in clear,
SQLCipher for an encrypted one (where its wheels exist: Linux x86-64, Windows).

Python's sqlite3 is the faster engine here (a year's figures over a million warnings: 0.46 s
against 0.72 s with the SQLCipher build), so only encrypted files pay for SQLCipher, and it is
loaded only when first needed (the window's start does not import it). Modules that open
databases or catch their errors take the names from here: the error names cover every engine
loaded so far, ``connect`` picks the engine.
"""

from __future__ import annotations

import sqlite3 as plain
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

_cipher = None  # the SQLCipher module, once loaded
_ERRORS = ("Error", "DatabaseError", "OperationalError", "IntegrityError", "ProgrammingError")
complete_statement = plain.complete_statement
Connection = plain.Connection  # for annotations; a connection may also be SQLCipher's
Row = plain.Row  # likewise


def _load_cipher():
    global _cipher
    if _cipher is None:
        try:  # sqlcipher3-binary (Linux), sqlcipher3-wheels (Windows)
            from sqlcipher3 import dbapi2

            _cipher = dbapi2
        except ImportError:  # pragma: no cover - depends on the platform's wheels
            _cipher = False
    return _cipher or None


def encryption_available() -> bool:
    return _load_cipher() is not None


def __getattr__(name: str):
    """``Error`` and the other exception names: a tuple of the engines' classes (a SQLCipher
    error can only come after SQLCipher was loaded, so the tuple always covers it)."""
    if name in _ERRORS:
        return (getattr(plain, name),) + ((getattr(_cipher, name),) if _cipher else ())
    raise AttributeError(name)


def engine(encrypted: bool):
    """The DB-API module that opens such a file: SQLCipher's for an encrypted one."""
    if encrypted:
        cipher = _load_cipher()
        if cipher is None:
            from desktop.core.errors import QT_TRANSLATE_NOOP
            from desktop.core.errors import DatabaseError as AppError

            raise AppError(
                QT_TRANSLATE_NOOP(
                    "Database", "This installation cannot encrypt (SQLCipher is not available)."
                )
            )
        return cipher
    return plain


def connect(database, *args, encrypted: bool = False, **kwargs):
    """A connection by the engine the file needs (``encrypted``: SQLCipher)."""
    return engine(encrypted).connect(database, *args, **kwargs)


def row_type(conn):
    """The Row class that belongs with ``conn``'s engine (row factories do not mix)."""
    if _cipher and isinstance(conn, _cipher.Connection):
        return _cipher.Row
    return plain.Row


def utils(conn) -> sqlite_utils.Database:
    """sqlite-utils over ``conn`` (either engine's), inside whatever transaction is open: its
    writes join it and never commit it (sqlite-utils 4 nests them in savepoints), so a rollback
    takes them back too. Write through it only inside ``Database.atomic()`` or a migration's
    step: on its own, sqlite-utils opens a deferred BEGIN (which can meet "database is locked"
    halfway, where ours takes the write lock first) or commits each write. Plugins of
    sqlite-utils a machine may have installed are not run against our files.

    sqlite-utils is imported here, on first use: it costs about 45 ms, which the window's start
    should not pay.
    """
    import sqlite_utils

    return sqlite_utils.Database(conn, execute_plugins=False)
