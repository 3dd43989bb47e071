"""Opening the one SQLite file, its pragmas, and the unit of work.

Every user action runs inside ``Database.atomic()``: one transaction, all or nothing. Errors
from the environment (not a database, read-only folder, newer schema, disk full, locked) become
``DatabaseError`` with a message for the officer; anything else is a bug and propagates.

Damage is found where SQLite finds it: the database's connection turns every report of a
damaged file (SQLITE_CORRUPT, SQLITE_NOTADB), from any statement or fetch, at open or hours
later, into ``DatabaseDamaged``, and tells the listeners (``watch_for_damage``): the command line
and the window each take their one damage path from there, whoever caught the exception.

A database whose file or folder cannot be written (a CD, a write-protected stick) is opened
read-only: it can be read, printed and exported, and any unit of work is refused with a message.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from desktop.core.clock import now_iso  # noqa: F401 - where the storage modules take it from
from desktop.core.errors import QT_TRANSLATE_NOOP, DatabaseDamaged, DatabaseError
from desktop.db import migrations
from desktop.db import sqlite as sqlite3
from desktop.db.chain import note_end

SQLITE_HEADER = b"SQLite format 3\x00"

# Settings that belong to the data (they travel with the database file), kept in ``meta``.
META_STATION_NAME = "station_name"  # printed on documents
META_STATION_PHONE = "station_phone"  # printed on documents
META_STATION_ZONE = "station_time_zone"  # the zone of the station's clock (empty: Asia/Shanghai)
META_FOLLOW_UP_DAYS = "follow_up_days"  # e.g. "1,7": follow-ups after a dissuasion
META_PASSWORD_HASH = "lock_password_hash"  # the program's password lock (Argon2id hash)
META_CURRENT_OFFICER = "current_officer_id"  # the officer using this laptop, for the audit log
META_CHANGE_SEQ = "change_seq"  # the last transaction number given to written records
META_DEVICE_HOST = "device_host"  # the computer and file this database's device id belongs to
META_EXCHANGE_KEY = "exchange_key"  # the county's key that seals packages
BUSY_TIMEOUT_MS = 5000
# The threads SQLite may add to sort (a year's warnings grouped by area, persons counted once):
# the laptop's other cores. A million rows sort in 1.45 s with one more thread on two cores,
# in 1.9–2.2 s without.
SORT_THREADS = max(0, min(3, (os.cpu_count() or 1) - 1))
AUDIT_CHAIN_PREFIX = "audit log: the chain is broken at entry"
DAMAGED = QT_TRANSLATE_NOOP("Database", "The file is damaged or is not a database: {path}")
READ_ONLY = QT_TRANSLATE_NOOP(
    "Database",
    "{path} is open read-only (its folder or disk cannot be written), so nothing can be saved in"
    " it. Copy it to a folder you can write to first.",
)
# SQLITE_CORRUPT and SQLITE_NOTADB; an extended code keeps its primary code in the low byte.
_DAMAGE_CODES = (11, 26)
_damage_listeners: list[Callable[[DatabaseDamaged], None]] = []


def new_id() -> str:
    """A random UUID (version 4) as text, as ``str(uuid.uuid4())`` makes it, in a third of
    its time: an import makes two for each of 100,000 rows."""
    number = int.from_bytes(os.urandom(16), "big") & _UUID_CLEAR | _UUID_SET
    text = number.to_bytes(16, "big").hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


# The bits uuid.UUID(version=4) sets: the version (4) and the RFC 4122 variant (10).
_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_SET = (4 << 76) | (0x8000 << 48)


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite's error says the file is damaged (not busy, full or read-only)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGE_CODES
    text = str(exc).lower()  # SQLCipher's module does not carry the code
    return "malformed" in text or "not a database" in text


def watch_for_damage(listener: Callable[[DatabaseDamaged], None]) -> Callable[[], None]:
    """Call ``listener`` (on the thread that found it) whenever SQLite reports a damaged
    database of this program; returns the function that stops listening."""
    _damage_listeners.append(listener)

    def stop() -> None:
        with suppress(ValueError):
            _damage_listeners.remove(listener)

    return stop


def damage_found(path: Path | None, reason: object) -> DatabaseDamaged:
    """The error for a damaged database at ``path`` (``reason``: SQLite's words), the
    listeners told."""
    damage = DatabaseDamaged(DAMAGED, path=str(path) if path else ":memory:", reason=str(reason))
    for listener in tuple(_damage_listeners):
        listener(damage)
    return damage


_GUARDED: dict = {}


def _guarded_connection(engine):
    """``engine``'s connection class, with SQLite's report of a damaged file turned into
    ``DatabaseDamaged`` in every statement and every fetch: the one place all the program's
    reading and writing of its database goes through (sqlite-utils included)."""
    if engine in _GUARDED:
        return _GUARDED[engine]
    errors = engine.DatabaseError

    def guard(method):
        def guarded(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except errors as exc:
                if is_damage(exc):
                    raise damage_found(_path_of(self), exc) from exc
                raise

        guarded.__name__ = method.__name__
        return guarded

    def _path_of(handle) -> Path | None:
        conn = handle if isinstance(handle, engine.Connection) else handle.connection
        return getattr(conn, "damage_path", None)

    fetch_one = engine.Cursor.fetchone

    class Cursor(engine.Cursor):
        execute = guard(engine.Cursor.execute)
        executemany = guard(engine.Cursor.executemany)
        executescript = guard(engine.Cursor.executescript)
        fetchone = guard(engine.Cursor.fetchone)
        fetchmany = guard(engine.Cursor.fetchmany)
        fetchall = guard(engine.Cursor.fetchall)
        __next__ = guard(engine.Cursor.__next__)

        def __iter__(self):
            # Row by row through the engine's own fetchone: a Python __next__ per row would
            # cost a large export about half again its time.
            try:
                yield from iter(fetch_one.__get__(self), None)
            except errors as exc:
                if is_damage(exc):
                    raise damage_found(_path_of(self), exc) from exc
                raise

    class Connection(engine.Connection):
        damage_path: Path | None = None
        _cursors = None

        def cursor(self, factory=Cursor):
            cursor = super().cursor(factory)
            if self._cursors is None:
                self._cursors = weakref.WeakSet()
            self._cursors.add(cursor)
            return cursor

        def close(self) -> None:
            # A cursor still referenced (by an error's traceback, say) keeps its statement,
            # and SQLite then keeps the file open after close() until it is collected: the
            # damage path could not move the file away from under it safely.
            for cursor in tuple(self._cursors or ()):
                cursor.close()
            super().close()

        def execute(self, sql, parameters=(), /):
            return self.cursor().execute(sql, parameters)

        def executemany(self, sql, parameters, /):
            return self.cursor().executemany(sql, parameters)

        def executescript(self, script, /):
            return self.cursor().executescript(script)

        commit = guard(engine.Connection.commit)
        backup = guard(engine.Connection.backup)

    _GUARDED[engine] = Connection
    return Connection


def connect_file(target: str, path: Path | None, *, encrypted: bool, uri: bool = False):
    """A guarded connection to the database at ``path`` (``target``: its name or URI)."""
    engine = sqlite3.engine(encrypted)
    conn = engine.connect(
        target, check_same_thread=False, uri=uri, factory=_guarded_connection(engine)
    )
    conn.damage_path = path
    return conn


def can_write(path: Path) -> bool:
    """Whether the database file and its folder can be written (SQLite keeps its -wal and -shm
    beside the file): false on a CD or a write-protected stick."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def like_anywhere(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, to be used with ``ESCAPE '\\'``: a % or _
    someone typed is matched as itself, not as a wildcard."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def file_identity(path: Path) -> tuple[int, int] | None:
    """Which file is at ``path`` (its device and index number); None when there is none."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def read_only_uri(path: Path) -> str:
    """The URI that reads ``path`` without writing to it. In a folder that cannot be written,
    SQLite could not make the -shm a WAL database's reader needs: the file is read as
    immutable (nothing else can change it there either) — unless a -wal beside it holds
    changes not yet in the file (a copy made while the program had it open), which an
    immutable reader would silently leave out. Those are read through the -shm copied with
    them (read-only: a folder that cannot be written may hold files that can, and the copy
    must stay as it was); without it they cannot be read there, and that is refused rather
    than shown stale."""
    real = path.resolve()  # through a link, the side files are those beside the file itself
    uri = real.as_uri() + "?mode=ro"
    if os.access(real.parent, os.W_OK):
        return uri
    try:
        logged = os.path.getsize(f"{real}-wal") > 0
    except OSError:  # no log beside it: every change is in the file
        logged = False
    if not logged:
        return uri + "&immutable=1"
    if os.path.isfile(f"{real}-shm"):
        return uri + "&readonly_shm=1"
    raise DatabaseError(
        QT_TRANSLATE_NOOP(
            "Database",
            "{path} has changes not yet written into it, kept in {log} beside it, and they"
            " cannot be read where it is (its folder or disk cannot be written). Copy the"
            " database together with the files beside it named like it to a folder you can"
            " write to first.",
        ),
        path=str(path),
        log=f"{path.name}-wal",
    )


class Database:
    """One connection to one database file, with the pragmas the design requires."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, *, read_only: bool = False):
        self.conn = conn
        self.path = path
        # the file opened, to tell it from one put at its path since (parallel.read_both)
        self.file_identity = file_identity(path) if path is not None else None
        self.read_only = read_only  # its folder or disk cannot be written (open_database)
        self._utils = None
        self._depth = 0  # savepoints inside the open transaction
        # Who is acting, worked out once per transaction (the audit log names them on every row).
        self.actor: str | None = None
        self._change_seq: int | None = None  # this transaction's number, once asked for
        self.device_id = self.get_meta("device_id") or ""
        self.chain_key: bytes | None = None  # an encrypted database's audit chain is keyed
        self.audit_written = False  # the open transaction wrote to the audit log
        # Inserts held back to be sent together (``hold``), by table.
        self.unsent: dict[str, list[tuple[str, tuple]]] | None = None
        self._referenced: dict[str, set[str]] = {}  # table -> the tables its keys refer to

    @property
    def db(self):
        """The sqlite-utils view of the same connection (``sqlite.utils``), made on first use."""
        if self._utils is None:
            self._utils = sqlite3.utils(self.conn)
        return self._utils

    # -- transactions -----------------------------------------------------------------------
    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One unit of work; nested calls become savepoints of the outer transaction.

        The outer transaction starts with BEGIN IMMEDIATE: it takes the write lock at once, so
        a write that meets another writer (an import on the worker) waits out the busy
        timeout instead of failing halfway with "database is locked".
        """
        conn = self.conn
        try:
            if conn.in_transaction:
                # Named by depth, so the same few statements are reused from the statement
                # cache (an import makes hundreds of thousands of them).
                self.send_held()  # inside the savepoint, rows of before would be undone too
                self._depth += 1
                name = f"unit_{self._depth}"
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield self
                except BaseException:
                    self.unsent = None  # held inside the savepoint: undone with it
                    if conn.in_transaction:
                        conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                        conn.execute(f"RELEASE SAVEPOINT {name}")
                    raise
                finally:
                    self._depth -= 1
                conn.execute(f"RELEASE SAVEPOINT {name}")
            else:
                self._depth = 0
                self.actor = None
                self._change_seq = None
                self.audit_written = False
                self.unsent = None
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self
                    self.send_held()
                    conn.execute("COMMIT")
                except BaseException:
                    self.unsent = None
                    if conn.in_transaction:
                        conn.rollback()
                    raise
                if self.audit_written:  # the log's new end, noted outside the file
                    self.audit_written = False
                    if self.path is not None:
                        note_end(conn, self.path)
        except sqlite3.OperationalError as exc:
            if self.read_only and "readonly" in str(exc).lower():
                raise DatabaseError(READ_ONLY, path=str(self.path)) from exc
            raise translate_operational_error(exc, self.path) from exc

    @contextmanager
    def snapshot(self) -> Iterator[Database]:
        """One consistent view for a long read (writing a package) without the write lock, so
        the window can keep saving meanwhile (WAL); nothing may be written inside."""
        conn = self.conn
        if conn.in_transaction:
            yield self
            return
        try:
            conn.execute("BEGIN DEFERRED")
            conn.execute("SELECT value FROM meta LIMIT 1").fetchall()  # the view starts here
            yield self
        except sqlite3.OperationalError as exc:
            raise translate_operational_error(exc, self.path) from exc
        finally:
            if conn.in_transaction:
                conn.rollback()

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        if self.unsent is not None:
            self.send_held()
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        if self.unsent is not None:
            self.send_held()
        return self.conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: tuple | dict = ()):
        if self.unsent is not None:
            self.send_held()
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def hold(self, table: str, sql: str, params: tuple) -> None:
        """Insert a row into ``table`` with ``sql`` later, with the rows held after it, in one
        ``executemany`` per run of the same statement: before any statement of this object,
        before a savepoint and before COMMIT, so nothing reads the table without them. Only
        inside a transaction; undoing it drops them."""
        if not self.conn.in_transaction:
            raise RuntimeError("rows are held only inside a transaction (database.atomic())")
        if self.unsent is None:
            self.unsent = {}
        self.unsent.setdefault(table, []).append((sql, params))

    def send_held(self) -> None:
        """Insert the rows ``hold`` kept back, now: each table's in the order held, a table's
        before those of the tables referring to it (a resident before their warning)."""
        unsent, self.unsent = self.unsent, None
        if not unsent:
            return
        left = list(unsent)
        while left:
            table = next((t for t in left if not self._refers_to(t) & (set(left) - {t})), left[0])
            left.remove(table)
            rows = unsent[table]
            start = 0
            while start < len(rows):
                sql, end = rows[start][0], start + 1
                while end < len(rows) and rows[end][0] == sql:
                    end += 1
                self.conn.executemany(sql, [params for _sql, params in rows[start:end]])
                start = end

    def _refers_to(self, table: str) -> set[str]:
        if table not in self._referenced:
            self._referenced[table] = {
                row[2] for row in self.conn.execute(f"PRAGMA foreign_key_list({table})")
            }
        return self._referenced[table]

    def change_seq(self) -> int:
        """The number of the open transaction among those that wrote records: every record it
        writes carries it, and a package holds the records written since the last one sent."""
        if not self.conn.in_transaction:
            raise RuntimeError("change_seq() belongs to an open transaction")
        if self._change_seq is None:
            self._change_seq = int(self.get_meta(META_CHANGE_SEQ) or 0) + 1
            self.set_meta(META_CHANGE_SEQ, str(self._change_seq))
        return self._change_seq

    # -- meta -------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None or row[0] is None else row[0]

    def set_meta(self, key: str, value: str | None) -> None:
        with self.atomic():
            self.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def schema_version(self) -> int:
        return migrations.schema_version(self.conn)

    def is_empty(self) -> bool:
        """True when no record of the jurisdiction or the work exists yet."""
        return not any(
            self.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
            for table in ("areas", "officers", "talks", "warnings", "residents")
        )

    def close(self) -> None:
        if self.conn.in_transaction:
            # Never let close() drop writes silently: a caller left a transaction open.
            self.conn.rollback()
            raise RuntimeError("Database closed inside an open transaction")
        self.conn.close()


def translate_operational_error(exc: sqlite3.Error, path: Path | None) -> Exception:
    text = str(exc).lower()
    where = str(path) if path else ":memory:"
    if "database or disk is full" in text:
        return DatabaseError(
            QT_TRANSLATE_NOOP("Database", "The disk is full; nothing was saved. ({path})"),
            path=where,
        )
    if "locked" in text or "busy" in text:
        return DatabaseError(
            QT_TRANSLATE_NOOP(
                "Database", "The database is in use by another program; try again. ({path})"
            ),
            path=where,
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseError(
            QT_TRANSLATE_NOOP("Database", "The database cannot be written: {path}"), path=where
        )
    if is_damage(exc):
        return damage_found(path, exc)
    return exc


def configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.row_type(conn)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA threads = {SORT_THREADS}")
