"""Opening a database: the checks before anything writes (not SQLite, another program's file, a
newer schema), migration with a backup first, read-only opening of media that cannot be
written, and ``check``, which reads a file without changing it.
"""

from __future__ import annotations

import shutil
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP, DatabaseError, OutreachError
from desktop.db import audit, chain, keys, migrations
from desktop.db import sqlite as sqlite3
from desktop.db.database import (
    AUDIT_CHAIN_PREFIX,
    META_DEVICE_HOST,
    META_STATION_ZONE,
    SQLITE_HEADER,
    Database,
    can_write,
    configure,
    connect_file,
    new_id,
    read_only_uri,
    translate_operational_error,
)

if TYPE_CHECKING:
    from desktop.db.backups import Progress

NO_DATABASE = QT_TRANSLATE_NOOP("Database", "There is no database at {path}.")
EMPTY_FILE = QT_TRANSLATE_NOOP(
    "Database", "{path} is empty: nothing has been written to this database yet."
)


def _check_existing_file(path: Path) -> None:
    """Refuse a file that is not SQLite, or is of a newer schema, before anything writes to it."""
    if keys.is_encrypted(path):
        _probe(path, keys.needed_key(path))  # its header is ciphertext: ask SQLCipher
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Database", "Cannot read the database file {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    if header and header != SQLITE_HEADER:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Database", "{path} is not an Outreach Desk database (not SQLite)."),
            path=str(path),
        )
    if not header:
        return  # an empty file is a new database
    _probe(path, None)


def _probe(path: Path, data_key: bytes | None) -> None:
    """Read the schema version without writing; refuse another program's file or a newer one."""
    try:
        probe = sqlite3.connect(read_only_uri(path), uri=True, encrypted=data_key is not None)
        try:
            keys.apply_key(probe, data_key)
            version = migrations.schema_version(probe)
            tables = probe.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise translate_operational_error(exc, path) from exc
    if version == 0 and tables:
        # SQLite, but another program's: its tables must not be mixed with ours.
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Database",
                "{path} is another program's SQLite file, not an Outreach Desk database.",
            ),
            path=str(path),
        )
    if version > migrations.SCHEMA_VERSION:
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Database",
                "{path} was made by a newer version of Outreach Desk (schema {found}, this "
                "program knows up to {known}). Update the program; the file was not changed.",
            ),
            path=str(path),
            found=version,
            known=migrations.SCHEMA_VERSION,
        )


def check_database(
    path: Path | str, backup_folder: Path | None = None
) -> list[str | OutreachError]:
    """Problems SQLite finds in the file (empty when sound), reading it without writing; then
    the audit chain's own (a broken link), and each record of its end it contradicts (the note
    beside the database, the sidecars of the backups in ``backup_folder`` — by default the
    folder beside the database — and the packages sent) as ``AuditFinding``.

    The file is opened read-only and never migrated, so checking a damaged or older database
    changes nothing in it; when its log agrees with every record, the note of the log's end
    beside it is brought up to date (a crash right after a commit may have left it behind).
    """
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(NO_DATABASE, path=str(path))
    if path.stat().st_size == 0:
        raise DatabaseError(EMPTY_FILE, path=str(path))
    data_key = keys.needed_key(path)
    if data_key is None:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise DatabaseError(
                    QT_TRANSLATE_NOOP(
                        "Database", "{path} is not an Outreach Desk database (not SQLite)."
                    ),
                    path=str(path),
                )
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, encrypted=data_key is not None)
        keys.apply_key(conn, data_key)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        if migrations.schema_version(conn) == 0 and sqlite3.utils(conn).table_names():
            raise DatabaseError(
                QT_TRANSLATE_NOOP(
                    "Database",
                    "{path} is another program's SQLite file, not an Outreach Desk database.",
                ),
                path=str(path),
            )
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        problems = [] if problems == ["ok"] else problems
        problems += [
            f"foreign key: {table} row {rowid} -> {parent}"
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
        ]
        if not problems and migrations.schema_version(conn) >= 8:
            from desktop.db import anchors, backups  # a whole check's, not every opening's

            broken = audit.verify_chain(conn, data_key)
            if broken is not None:
                problems.append(f"{AUDIT_CHAIN_PREFIX} {broken}")
            folder = backup_folder or backups.default_backup_folder(path)
            findings = anchors.anchor_findings(conn, path, folder)
            if broken is None and not findings:
                chain.note_end(conn, path)  # a crash may have cut off the last note
            problems += findings
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    finally:
        conn.close()
    return problems


def _opened(database: Database) -> Database:
    """What every way of opening ends with: the station's clock is this data's from now on."""
    clock.use_station_zone(database.get_meta(META_STATION_ZONE))
    return database


def open_database(
    path: Path | str, *, create: bool = True, progress: Progress | None = None
) -> Database:
    """Open (and create or migrate) the database at ``path``; ``":memory:"`` for tests. A file
    whose folder or disk cannot be written is opened read-only (``Database.read_only``).
    ``progress(done, total)`` hears how far a migration is: the backup before it the first
    half, its steps the second (nothing when none is needed). Without ``create`` a missing or
    empty (0-byte) file is refused; with it, either becomes a new database."""
    if str(path) == ":memory:":
        conn = connect_file(":memory:", None, encrypted=False)
        configure(conn)
        migrations.migrate(conn)
        database = Database(conn, None)
        _ensure_device_id(database)
        return _opened(database)

    path = Path(path)
    if path.is_dir():
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Database", "{path} is a folder, not a database file."),
            path=str(path),
        )
    if path.exists():
        if not create and path.stat().st_size == 0:
            # A copy cut off or a file made by hand: what only reads is not handed a new, empty
            # database written into it (a start may still make one there, as in a new file).
            raise DatabaseError(EMPTY_FILE, path=str(path))
        _check_existing_file(path)
        if not can_write(path):
            return _open_read_only(path)
    elif not create:
        raise DatabaseError(NO_DATABASE, path=str(path))
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                QT_TRANSLATE_NOOP("Database", "Cannot create the folder for {path}: {reason}"),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from exc

    conn = None
    try:
        data_key = keys.needed_key(path)
        conn = connect_file(str(path), path, encrypted=data_key is not None)
        keys.apply_key(conn, data_key)  # the first statement, when encrypted
        configure(conn)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise sqlite3.plain.OperationalError(f"journal mode stayed {mode}")
        _back_up_before_migrating(conn, path, _share(progress, 0))
        migrations.migrate(conn, progress=_share(progress, 1))
        database = Database(conn, path)
        _ensure_device_id(database)
    except BaseException as exc:
        if conn is not None:
            with suppress(*sqlite3.Error):
                conn.close()
        if not isinstance(exc, sqlite3.Error):
            raise  # DatabaseDamaged from the guarded connection among them
        if "unable to open" in str(exc).lower() or "readonly" in str(exc).lower():
            raise DatabaseError(
                QT_TRANSLATE_NOOP(
                    "Database", "Cannot open {path} for writing; choose a folder you can write to."
                ),
                path=str(path),
            ) from exc
        raise translate_operational_error(exc, path) from exc

    audit.settle_scheme(database, data_key)
    return _opened(database)


def reader(path: Path) -> Database:
    """A connection that reads the file at ``path`` as it is and writes nothing, with the key
    and pragmas of every connection and nothing of opening done (no checks, migration, device
    id or station clock): media that cannot be written are opened from it, and a second
    reader beside an open database is one (``parallel``). Raises what SQLite and the key
    raise."""
    data_key = keys.needed_key(path)
    conn = connect_file(read_only_uri(path), path, encrypted=data_key is not None, uri=True)
    try:
        keys.apply_key(conn, data_key)
        configure(conn)
        return Database(conn, path, read_only=True)  # its first read: the device id
    except BaseException:
        with suppress(*sqlite3.Error):
            conn.close()
        raise


def _open_read_only(path: Path) -> Database:
    """The database on media that cannot be written: read as it is, never migrated, no
    device id given (both would write)."""
    database = None
    try:
        database = reader(path)
        conn = database.conn
        if migrations.schema_version(conn) < migrations.SCHEMA_VERSION:
            raise DatabaseError(
                QT_TRANSLATE_NOOP(
                    "Database",
                    "{path} was made by an earlier version of Outreach Desk and must be brought"
                    " up to date, which cannot be done where it is (its folder or disk cannot be"
                    " written). Copy it to a folder you can write to first.",
                ),
                path=str(path),
            )
        # A printout or an export notes itself in the audit log; where nothing can be written
        # the note goes to a temporary table of the same shape, gone on close (the command
        # line says so when it opens such a file). Any other write fails, and says why.
        schema = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'audit'"
        ).fetchone()[0]
        conn.execute(schema.replace("CREATE TABLE", "CREATE TEMP TABLE", 1))
        return _opened(database)
    except BaseException as exc:
        if database is not None:
            with suppress(*sqlite3.Error):
                database.close()
        if isinstance(exc, sqlite3.Error):
            raise translate_operational_error(exc, path) from exc
        raise


# A migration's progress in parts of this many: the backup before it, then its steps.
_HALF = 500


def _share(progress: Progress | None, half: int) -> Progress | None:
    """``progress`` told of one half of the work (0: the backup, 1: the steps) as its part of
    the whole."""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        progress(half * _HALF + (_HALF * done) // max(total, 1), 2 * _HALF)

    return report


def _back_up_before_migrating(
    conn: sqlite3.Connection, path: Path, progress: Progress | None = None
) -> None:
    """A database from an earlier version is copied (and checked) before its schema changes:
    each step is one transaction, and this copy is the way back from a step that fails."""
    version = migrations.schema_version(conn)
    if version == 0 or version >= migrations.SCHEMA_VERSION:
        return
    from desktop.db import backups  # a migration's, not every opening's

    folder, data_key = backups.default_backup_folder(path), keys.key_for(path)
    backups.make_backup(
        conn,
        folder,
        tag=f"before-schema-{migrations.SCHEMA_VERSION}",
        data_key=data_key,
        progress=progress,
    )
    if data_key is not None:  # an encrypted copy is of no use without its wrapped key
        shutil.copyfile(keys.key_file(path), folder / f"{path.stem}.key")


def _ensure_device_id(database: Database) -> None:
    """Each copy of the data edits under its own device id. A database file copied to another
    computer, or to another place on this one, gets a new id there: two copies writing under
    one id could each take the other's edits for ones already seen when their packages meet."""
    import os

    # The computer's name, without importing socket (the window's start would pay ~3 ms).
    host = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    where = f"{host}|{database.path.resolve()}" if database.path is not None else host
    known = database.get_meta(META_DEVICE_HOST)
    if database.device_id and known not in (None, where):
        previous = database.get_meta("device_ids_before") or ""
        database.set_meta(
            "device_ids_before", " ".join(filter(None, [previous, database.device_id]))
        )
        database.device_id = ""
    if not database.device_id:
        database.set_meta("device_id", new_id())
        database.device_id = database.get_meta("device_id") or ""
    if known != where:
        database.set_meta(META_DEVICE_HOST, where)


def set_station_zone(database: Database, name: str) -> None:
    """Keep the station's clock in zone ``name`` (checked first) for this data from now on.
    Stored times keep their offsets; they are shown in the new zone."""
    clock.load_zone(name)
    with database.atomic():
        database.set_meta(META_STATION_ZONE, name.strip())
    clock.use_station_zone(name)
