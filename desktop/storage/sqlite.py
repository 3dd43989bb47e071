"""The SQLite the program runs on: SQLCipher when it is installed (a database can then be
encrypted with a key), else Python's own sqlite3 (no encryption; everything else the same).

Every module that opens a database or catches its errors takes these names from here, so the
exceptions caught are the ones the connection really raises.
"""

from __future__ import annotations

try:  # SQLCipher builds of SQLite: sqlcipher3-binary (Linux), sqlcipher3-wheels (Windows)
    from sqlcipher3 import dbapi2 as driver

    ENCRYPTION = True
except ImportError:  # pragma: no cover - depends on the platform's wheels
    import sqlite3 as driver

    ENCRYPTION = False

connect = driver.connect
complete_statement = driver.complete_statement
Connection = driver.Connection
Row = driver.Row
Error = driver.Error
DatabaseError = driver.DatabaseError
OperationalError = driver.OperationalError
IntegrityError = driver.IntegrityError
ProgrammingError = driver.ProgrammingError
sqlite_version = driver.sqlite_version
