"""Exchange packages: the file a laptop sends so the county (or another laptop) can merge its
records — never a shared live database, which a network drive or cloud folder corrupts.

A package is itself an SQLite file (its own application id, so it is never taken for a
database): one table per record table holding the records written since the last package to
the same destination, ``files`` with the photos those records attach, and ``manifest``: who
made it (device, station, officer), when, from which schema, counts per table, a SHA-256 of
the content, the end of the laptop's audit chain (which the county keeps, to see a later
package's log cut short or rewritten), and a seal — an HMAC of the manifest with the key the
county shares with its laptops. The content hash covers everything a merge reads, read by the
same methods the merge reads with (``Package.values`` and ``Package.files``): every column of
every record, and each photo's hash, path and size, so nothing a merge reads can be changed
without breaking the seal. A laptop with a password writes its package encrypted (SQLCipher,
with a key drawn from the county's key), so the personal data inside is unreadable without
that key.

Merging opens the file read-only and refuses it, before writing anything, when it is larger
than ``MAX_PACKAGE_BYTES``, damaged (``integrity_check``), the seal is broken, the content does
not match its hash, or it comes from another format or a newer schema. Then every record merges
in one transaction (``domain/sync.py``), written to the audit log; a record that no form or
import would accept (``sync.checked_incoming``) or a photo that would land outside the
attachments folder refuses the whole package, naming it, and nothing is written.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.core import limits
from desktop.core.catalogue import DEFAULT_DESTINATION, RECORD_TABLES
from desktop.core.errors import QT_TRANSLATE_NOOP, PackageRefused, ValidationError
from desktop.db import anchors, audit, keys, migrations
from desktop.db import sqlite as sqlite3
from desktop.db.database import (
    META_CURRENT_OFFICER,
    META_EXCHANGE_KEY,
    META_STATION_NAME,
    SQLITE_HEADER,
    Database,
    now_iso,
)
from desktop.domain import attachments, sync

SUFFIX = ".odpkg"
# 2: the content hash covers each photo's path and size (format 1 left the path unsealed).
FORMAT = 2
# The largest package a merge opens. Records are read one at a time, and photos one at a time,
# each refused unread when larger than attachments.MAX_BYTES; so no single value read from a
# package, nor the areas a merge sorts in memory, can be larger than this.
MAX_PACKAGE_BYTES = 2 * 1024**3
APPLICATION_ID = 0x4F445047  # "ODPG": a package, never opened as a database

_KEY_BYTES = 32
Progress = Callable[[int, int], None]


# -- the county's key ------------------------------------------------------------------------


def new_exchange_key() -> str:
    """A new county key, written for people: 52 letters and digits in groups of four."""
    return format_exchange_key(secrets.token_bytes(_KEY_BYTES))


def format_exchange_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[start : start + 4] for start in range(0, len(text), 4))


def parse_exchange_key(text: str) -> bytes:
    """The key's bytes from what someone typed (groups, spaces and case do not matter)."""
    cleaned = "".join(ch for ch in str(text).upper() if ch.isalnum())
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (ValueError, TypeError):
        raw = b""
    if len(raw) != _KEY_BYTES:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "The exchange key is 52 letters and digits (groups of four); check what was typed.",
            ),
            field="exchange_key",
        )
    return raw


def set_exchange_key(database: Database, text: str) -> str:
    """Keep the county's key on this laptop (checked); returns it as written for people."""
    written = format_exchange_key(parse_exchange_key(text))
    with database.atomic():
        database.set_meta(META_EXCHANGE_KEY, written)
        audit.record(database, "settings", summary="exchange key set")
    return written


def exchange_key(database: Database) -> bytes:
    text = database.get_meta(META_EXCHANGE_KEY)
    if not text:
        raise PackageRefused(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "This laptop has no exchange key yet. Enter the key the county gave you under"
                " Exchange › Exchange key (or: outreach-desk package key --set KEY).",
            )
        )
    return parse_exchange_key(text)


def _cipher_key(key: bytes) -> bytes:
    return hmac.new(key, b"outreach-desk package cipher", hashlib.sha256).digest()


def _seal(key: bytes, manifest: dict[str, Any]) -> str:
    return hmac.new(key, _canonical(manifest).encode("utf-8"), hashlib.sha256).hexdigest()


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _blob(value: Any) -> Any:
    if isinstance(value, bytes):  # only a hostile package holds one; still hashed, then refused
        return {"blob": value.hex()}
    raise TypeError(f"cannot hash {type(value).__name__}")


# One encoder for every row (``json.dumps`` with options builds a new one per call).
_ROW_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_blob).encode


def _content_hash(package: Package, device_id: str, created_at: str) -> tuple[str, dict]:
    """SHA-256 of everything a merge reads from ``package``, read by the same methods the merge
    reads with, and the number of records per table. It covers the maker and the moment (so
    "the same package" means this file, not equal content from another laptop or day), each
    table's columns and every row in order, and each photo's hash, path and size (its bytes
    checked against its hash)."""
    digest = hashlib.sha256()

    def feed(values: Any) -> None:
        digest.update(_ROW_JSON(values).encode("utf-8") + b"\n")

    feed(["package", device_id, created_at])
    counts = {}
    for table in RECORD_TABLES:
        columns = package.columns.get(table)
        if columns is None:
            continue
        feed(["table", table, list(columns)])
        counts[table] = 0
        for values in package.values(table):
            feed(values)
            counts[table] += 1
    feed(["files"])
    for sha256, path, data in package.files():
        if hashlib.sha256(data).hexdigest() != sha256:
            raise _changed(package)
        feed([sha256, path, len(data)])
    return digest.hexdigest(), counts


# -- making a package -------------------------------------------------------------------------


@dataclass
class ExportResult:
    path: Path
    manifest: dict[str, Any]
    files_missing: int = 0

    @property
    def records(self) -> int:
        return sum(self.manifest["counts"].values())


def export_package(
    database: Database,
    out: Path | str,
    *,
    destination: str = DEFAULT_DESTINATION,
    everything: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the records changed since the last package to ``destination`` (or all of them)
    to ``out``; remembered as sent only once the file is complete."""
    key = exchange_key(database)
    destination = (destination or "").strip() or DEFAULT_DESTINATION
    out = _checked_output(database, Path(out))
    partial = out.with_name(out.name + ".part")
    encrypted = database.path is not None and keys.is_encrypted(database.path)
    with database.snapshot():  # one consistent moment of the data, the window free to save
        since = -1
        if not everything:
            row = database.execute(
                "SELECT change_seq FROM packages_sent WHERE destination = ?", (destination,)
            ).fetchone()
            since = -1 if row is None else row[0]
        upto = int(database.get_meta("change_seq") or 0)
        partial.unlink(missing_ok=True)
        try:
            conn = sqlite3.connect(str(partial), encrypted=encrypted)
        except sqlite3.Error as exc:
            raise _cannot_write(out, exc) from exc
        try:
            if encrypted:
                keys.apply_key(conn, _cipher_key(key))
            created_at = now_iso()
            columns, files_missing = _write_content(database, conn, since, progress)
            content, counts = _content_hash(
                Package(partial, {}, conn, columns), database.device_id, created_at
            )
            manifest = {
                "format": FORMAT,
                "program_version": __version__,
                # The data version, under the key's old name: the name is sealed, and renaming
                # it would take a new FORMAT that every laptop refuses until updated.
                "schema_version": migrations.data_version(database.schema_version),
                "device_id": database.device_id,
                "station": database.get_meta(META_STATION_NAME) or "",
                "officer": _officer_name(database),
                "created_at": created_at,
                "destination": destination,
                "since_seq": max(since, 0),
                "upto_seq": upto,
                "everything": since < 0,
                "counts": counts,
                "content_hash": content,
                "encrypted": encrypted,
                **anchors.package_heads(database, destination),  # the county keeps the chain's end
            }
            conn.execute("CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT)")
            conn.executemany(
                "INSERT INTO manifest VALUES (?, ?)",
                [(name, _canonical(value)) for name, value in manifest.items()]
                + [("seal", _canonical(_seal(key, manifest)))],
            )
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {FORMAT}")
            conn.commit()
            conn.close()
            os.replace(partial, out)
        except BaseException as exc:
            with suppress(Exception):
                conn.close()
            partial.unlink(missing_ok=True)
            if isinstance(exc, (*sqlite3.Error, OSError)):
                raise _cannot_write(out, exc) from exc
            raise
    with database.atomic():  # sent: the next package starts after it
        sent_end = manifest["audit_head"] or {}
        database.execute(
            "INSERT INTO packages_sent (destination, change_seq, sent_at, content_hash,"
            " audit_seq, audit_hash) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(destination) DO"
            " UPDATE SET change_seq = excluded.change_seq, sent_at = excluded.sent_at,"
            " content_hash = excluded.content_hash, audit_seq = excluded.audit_seq,"
            " audit_hash = excluded.audit_hash",
            (destination, upto, manifest["created_at"], content, sent_end.get("seq"),
             sent_end.get("hash")),
        )  # fmt: skip
        audit.record(
            database, "export", summary=f"package to {destination}: "
            f"{sum(counts.values())} records, {out.name}",
        )  # fmt: skip
    return ExportResult(out, manifest, files_missing)


def _checked_output(database: Database, out: Path) -> Path:
    """``out`` if a package may be written there: a file name, not a folder, and nothing but
    an earlier package is replaced (never a database, least of all this one)."""
    if not out.name or out.is_dir():
        raise PackageRefused(
            QT_TRANSLATE_NOOP("Exchange", "{path} is a folder; give the package a file name."),
            path=str(out),
        )
    if out.exists() and not _is_package(out):
        raise PackageRefused(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "{path} exists and is not an exchange package; choose another name (nothing"
                " was replaced).",
            ),
            path=str(out),
        )
    return out


def _is_package(path: Path) -> bool:
    """A file written by ``export_package``: plain with the package's application id, or
    an encrypted ``.odpkg`` (an encrypted database of ours has its key file beside it)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError:
        return False
    if head.startswith(SQLITE_HEADER):
        return int.from_bytes(head[68:72], "big") == APPLICATION_ID
    return path.suffix == SUFFIX and not keys.key_file(path).exists()


def _officer_name(database: Database) -> str:
    officer_id = database.get_meta(META_CURRENT_OFFICER)
    if not officer_id:
        return ""
    return database.scalar("SELECT name FROM officers WHERE id = ?", (officer_id,)) or ""


def _cannot_write(out: Path, exc: BaseException) -> PackageRefused:
    return PackageRefused(
        QT_TRANSLATE_NOOP("Exchange", "Cannot write the package {path}: {reason}"),
        path=str(out),
        reason=getattr(exc, "strerror", None) or str(exc),
    )


def _write_content(database, conn, since, progress) -> tuple[dict[str, tuple[str, ...]], int]:
    """Write the records and photos; returns the columns of each table and the number of
    photos missing on this laptop."""
    total = sum(
        database.scalar(f"SELECT count(*) FROM {table} WHERE change_seq > ?", (since,))
        for table in RECORD_TABLES
    )
    done = 0
    written: dict[str, tuple[str, ...]] = {}
    files: dict[str, str] = {}
    for table in RECORD_TABLES:
        columns = written[table] = sync.travelling_columns(database, table)
        conn.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
        insert = f"INSERT INTO {table} VALUES ({', '.join('?' for _ in columns)})"
        batch = []
        for row in sync.changed_since(database, table, since):
            values = tuple(row[name] for name in columns)
            batch.append(values)
            if table == "attachments" and row["deleted_at"] is None:
                files[row["sha256"]] = row["path"]
            if len(batch) >= 1000:
                conn.executemany(insert, batch)
                batch = []
                done += 1000
                if progress:
                    progress(done, total)
        conn.executemany(insert, batch)
    # The county works out a new warning's summary from its incoming attempts.
    conn.execute("CREATE INDEX contacts_warning ON contacts(warning_id)")
    conn.execute("CREATE TABLE files (sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, data BLOB)")
    missing = 0
    for sha256, relative in sorted(files.items()):
        data = None
        if database.path is not None:
            with suppress(OSError, ValidationError):  # a photo gone, or stored out of place
                data = attachments.absolute_path(database, {"path": relative}).read_bytes()
        if data is None or hashlib.sha256(data).hexdigest() != sha256:
            missing += 1
            continue
        conn.execute("INSERT INTO files VALUES (?, ?, ?)", (sha256, relative, data))
    if progress:
        progress(total, total)
    return written, missing


# -- reading a package ------------------------------------------------------------------------


@dataclass
class Package:
    """A package opened read-only and checked: its seal holds and its content matches."""

    path: Path
    manifest: dict[str, Any]
    conn: Any
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fingerprint: tuple = ()  # size and time of the file when it was checked

    def attempts_of(self, warning_ids: list[str]) -> dict[str, list[tuple[str, str, str]]]:
        """The live attempts this package holds for ``warning_ids`` (read before the attempts
        themselves merge, so their moments are checked here)."""
        found: dict[str, list[tuple[str, str, str]]] = {}
        if "contacts" not in self.columns:
            return found
        marks = ", ".join("?" for _ in warning_ids)
        for contact_id, warning_id, at, method, result in self.conn.execute(
            f"SELECT id, warning_id, at, method, result FROM contacts"
            f" WHERE warning_id IN ({marks}) AND deleted_at IS NULL",
            tuple(warning_ids),
        ):
            try:
                sync.checked_moment(at)
            except ValidationError as exc:
                raise sync.RecordRefused("contacts", contact_id, "at", exc) from exc
            found.setdefault(warning_id, []).append((at, method, result))
        return found

    def values(self, table: str) -> Iterator[tuple]:
        """The records of ``table`` as the package holds them, values in ``columns`` order."""
        columns = self.columns.get(table)
        if not columns:
            return
        cursor = self.conn.cursor()
        cursor.row_factory = None
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid")
        # Not ``yield from``: a merge refused halfway would leave the cursor to be closed when
        # the generator is collected, after its connection, and that raises.
        for values in cursor:  # noqa: UP028
            yield values

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        columns = self.columns.get(table, ())
        for values in self.values(table):
            yield dict(zip(columns, values, strict=True))

    def listed_files(self) -> Iterator[tuple[Any, Any, int]]:
        """Each photo's hash, path and size, its bytes left unread."""
        for _rowid, sha256, path, size in self._listed():
            yield sha256, path, size

    def files(self) -> Iterator[tuple[Any, Any, bytes]]:
        """Each photo's hash, path and bytes, one photo in memory at a time."""
        for rowid, sha256, path, _size in self._listed():
            (data,) = self.conn.execute(
                "SELECT data FROM files WHERE rowid = ?", (rowid,)
            ).fetchone()
            yield sha256, path, data

    def _listed(self) -> Iterator[tuple[int, Any, Any, int]]:
        # SQLite knows a blob's size without reading it: a photo too large is refused unread.
        cursor = self.conn.cursor()
        cursor.row_factory = None
        cursor.execute(
            "SELECT rowid, sha256, path, typeof(data), length(data) FROM files"
            " ORDER BY sha256, rowid"
        )
        for rowid, sha256, path, kind, size in cursor:
            if kind != "blob" or size > attachments.MAX_BYTES:
                reason = ValidationError(attachments.TOO_LARGE, value=_shown_file(sha256))
                raise _photo_refused(self, sha256, reason)
            yield rowid, sha256, path, size

    @property
    def total(self) -> int:
        return sum(self.manifest["counts"].values())


def _refused(text: str, **params: Any) -> PackageRefused:
    return PackageRefused(text, **params)


def _changed(package: Package) -> PackageRefused:
    return _refused(
        QT_TRANSLATE_NOOP(
            "Exchange",
            "The content of {path} does not match its hash: it was changed or damaged after it"
            " was made. Nothing was merged.",
        ),
        path=str(package.path),
    )


def _shown_file(sha256: Any) -> str:
    text = str(sha256)[:12]
    return text if text.isprintable() else repr(text)


def _photo_refused(package: Package, sha256: Any, reason: Any) -> PackageRefused:
    return _refused(
        QT_TRANSLATE_NOOP(
            "Exchange",
            "{path} was refused: the photo {file} cannot be written. {reason} Nothing was merged.",
        ),
        path=str(package.path),
        file=_shown_file(sha256),
        reason=reason,
    )


def _fingerprint(path: Path) -> tuple:
    facts = path.stat()
    return (facts.st_size, facts.st_mtime_ns, facts.st_ino)


def _read_only(path: Path, cipher_key: bytes | None):
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, encrypted=cipher_key is not None)
    if cipher_key is not None:  # a wrong key is our message, not lines of SQLCipher's log
        conn.execute("PRAGMA cipher_log_level = NONE")
    keys.apply_key(conn, cipher_key)
    return conn


@contextmanager
def open_package(path: Path | str, key: bytes, database: Database) -> Iterator[Package]:
    """Open ``path`` read-only and check it for merging into ``database``; refuses (raises
    PackageRefused) a file that is not a package, is damaged, sealed with another key, changed
    after it was made, or from a newer schema."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise _refused(
            QT_TRANSLATE_NOOP("Exchange", "Cannot read {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    fingerprint = _fingerprint(path)
    if fingerprint[0] > MAX_PACKAGE_BYTES:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "{path} is {size} MB; a package holds at most {limit} MB. Ask for packages"
                " made more often, or for a new one. Nothing was merged.",
            ),
            path=str(path),
            size=f"{fingerprint[0] // 2**20:,}",
            limit=f"{MAX_PACKAGE_BYTES // 2**20:,}",
        )
    cipher_key = None if head == SQLITE_HEADER else _cipher_key(key)
    if cipher_key is not None and not sqlite3.encryption_available():
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Exchange", "{path} is encrypted and this installation cannot decrypt it."
            ),
            path=str(path),
        )
    conn = None
    try:
        conn = _read_only(path, cipher_key)
        package = _checked(conn, path, key, database, encrypted=cipher_key is not None)
        package.fingerprint = fingerprint
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, sqlite3.Error):
            raise _refused(
                QT_TRANSLATE_NOOP("Exchange", "{path} is damaged: {reason}"),
                path=str(path),
                reason=str(exc),
            ) from exc
        raise
    try:
        yield package
    finally:
        conn.close()


def _checked(conn, path: Path, key: bytes, database: Database, *, encrypted: bool) -> Package:
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.Error as exc:
        if encrypted:
            raise _refused(
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "{path} cannot be opened with this county's key: another county's package,"
                    " a damaged or cut-off file, or not a package at all.",
                ),
                path=str(path),
            ) from exc
        raise
    if problems != ["ok"]:
        raise _refused(
            QT_TRANSLATE_NOOP("Exchange", "{path} is damaged: {reason}"),
            path=str(path),
            reason="; ".join("\n".join(problems).splitlines()[:3]),
        )
    if application_id != APPLICATION_ID:
        raise _refused(
            QT_TRANSLATE_NOOP("Exchange", "{path} is not an exchange package."), path=str(path)
        )
    package = Package(path, _checked_manifest(conn, path, key, database), conn)
    _check_tables(package, database)
    _check_content(package)
    return package


def _checked_manifest(conn, path: Path, key: bytes, database: Database) -> dict[str, Any]:
    try:
        stored = {name: json.loads(value) for name, value in conn.execute("SELECT * FROM manifest")}
    except (*sqlite3.Error, ValueError) as exc:
        raise _refused(
            QT_TRANSLATE_NOOP("Exchange", "{path} has no readable manifest."), path=str(path)
        ) from exc
    seal = stored.pop("seal", None)
    if not isinstance(seal, str) or not hmac.compare_digest(seal, _seal(key, stored)):
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "The seal of {path} is broken: the package was changed after it was made, or it"
                " was sealed with another county's key. Nothing was merged.",
            ),
            path=str(path),
        )
    _check_manifest_fields(stored, path)
    # Steps are numbered in one line for every laptop: a version at most our schema's names
    # records this laptop knows. Compared with the schema, not with our data version: laptops
    # before data versions wrote their schema (22-26), and their packages still merge here.
    if stored["format"] > FORMAT or stored["schema_version"] > migrations.SCHEMA_VERSION:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "{path} was made by a newer version of the program (data version {version});"
                " update this laptop first. Nothing was merged.",
            ),
            path=str(path),
            version=stored.get("schema_version"),
        )
    if stored["format"] < FORMAT:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "{path} was made by an older version of the program, whose packages are not"
                " sealed as this one needs. Update the laptop that made it and make the package"
                " again. Nothing was merged.",
            ),
            path=str(path),
        )
    if stored["device_id"] == database.device_id:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Exchange", "{path} was made on this laptop; there is nothing to merge."
            ),
            path=str(path),
        )
    return stored


def _line(limit: limits.TextLimit) -> Callable[[Any], Any]:
    return lambda value: limits.check_text(value, limit)


# What a merge reads of the manifest, and the rule each value passes: sealed, yet made by a
# laptop, so checked like any text or number that comes from one.
_MANIFEST: dict[str, Callable[[Any], Any]] = {
    "format": sync.checked_count,
    "schema_version": sync.checked_count,
    "device_id": _line(limits.CODE),
    "station": _line(limits.PLACE),
    "officer": _line(limits.NAME),
    "created_at": sync.checked_moment,
    "since_seq": sync.checked_count,
    "upto_seq": sync.checked_count,
    "content_hash": _line(limits.CODE),
}


def _check_manifest_fields(stored: dict[str, Any], path: Path) -> None:
    for name, check in _MANIFEST.items():
        try:
            if stored.get(name) is None or check(stored[name]) is None:
                raise ValidationError(sync.EMPTY)
        except ValidationError as exc:
            raise _refused(
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "{path} has a manifest this program cannot read ({field}: {reason})."
                    " Nothing was merged.",
                ),
                path=str(path),
                field=name,
                reason=exc,
            ) from exc


def _check_tables(package: Package, database: Database) -> None:
    tables = sqlite3.utils(package.conn)
    present = set(tables.table_names())
    for table in RECORD_TABLES:
        if table not in present:
            continue
        columns = tuple(tables.table(table).columns_dict)
        known = set(sync.travelling_columns(database, table))
        unknown = [name for name in columns if name not in known]
        if unknown or not {"id", "updated_at", "device_id", "versions"} <= set(columns):
            raise _refused(
                QT_TRANSLATE_NOOP(
                    "Exchange", "{path} has records of {table} this program cannot read."
                ),
                path=str(package.path),
                table=table,
            )
        package.columns[table] = columns


def _check_content(package: Package) -> None:
    manifest = package.manifest
    content, counts = _content_hash(package, manifest["device_id"], manifest["created_at"])
    if content != manifest["content_hash"] or counts != manifest["counts"]:
        raise _changed(package)


# -- merging ---------------------------------------------------------------------------------


@dataclass
class MergeResult:
    manifest: dict[str, Any]
    report: sync.MergeReport
    committed: bool
    already_merged_at: str | None = None  # the same package was merged before, then
    missing_before: tuple[int, int] | None = None  # (last merged, this one starts after)
    files_written: int = 0
    # Where the sending laptop's audit chain contradicts what its earlier packages showed.
    audit_findings: list[dict] = field(default_factory=list)

    def audit_messages(self) -> list[anchors.AuditFinding]:
        laptop = anchors.laptop_name(
            self.manifest["station"], self.manifest["officer"], self.manifest["device_id"]
        )
        return [anchors.laptop_finding(item, laptop) for item in self.audit_findings]


class _Preview(Exception):
    """Ends a preview's transaction by rolling it back."""


def merge_package(
    database: Database,
    path: Path | str,
    *,
    preview: bool = False,
    progress: Progress | None = None,
) -> MergeResult:
    """Merge the package at ``path`` in one transaction (``preview``: work it all out, then
    roll back, to show what would be added, changed and deleted, and the conflicts)."""
    key = exchange_key(database)
    with open_package(path, key, database) as package:
        manifest = package.manifest
        done_before = database.scalar(
            "SELECT merged_at FROM packages_merged WHERE content_hash = ?",
            (manifest["content_hash"],),
        )
        last_seq = database.scalar(
            "SELECT last_change_seq FROM devices WHERE device_id = ?", (manifest["device_id"],)
        )
        gap = None
        if not manifest["everything"] and manifest["since_seq"] > (last_seq or 0):
            gap = (last_seq or 0, manifest["since_seq"])
        result = MergeResult(manifest, sync.MergeReport(), False, done_before, gap)
        result.audit_findings = anchors.received_findings(database, manifest)
        if done_before is not None:
            return result  # the same content again: nothing to do
        written: list[Path] = []
        try:
            with database.atomic():
                _merge_into(database, package, result, written, progress)
                if preview:
                    raise _Preview()
            result.committed = True
        except _Preview:
            pass
        except BaseException:
            _remove(written)
            raise
        if preview:
            _remove(written)
    return result


def _merge_into(database, package, result, written, progress) -> None:
    manifest = package.manifest
    report = result.report
    touched = sync.Touched(package.attempts_of)
    total = max(package.total, 1)
    done = 0

    def counted(rows):
        nonlocal done
        for row in rows:
            yield row
            done += 1
            if progress and done % 500 == 0:
                progress(done, total)

    for table in RECORD_TABLES:
        if table not in package.columns:
            continue
        try:
            sync.merge_records(
                database, table, counted(package.rows(table)), report,
                package_hash=manifest["content_hash"], touched=touched,
            )  # fmt: skip
        except sync.RecordRefused as exc:
            raise _refused(
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "{path} was refused: {problem} Ask the laptop that made it to correct the"
                    " record and send a new package. Nothing was merged.",
                ),
                path=str(package.path),
                problem=exc,
            ) from exc
        except sqlite3.IntegrityError as exc:
            if "FOREIGN KEY" in str(exc).upper():
                raise _missing(database, package, table) from exc
            raise _refused(
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "{path} holds {table} records this database cannot accept ({reason})."
                    " Nothing was merged.",
                ),
                path=str(package.path),
                table=table,
                reason=str(exc),
            ) from exc
    if _fingerprint(package.path) != package.fingerprint:  # changed since it was checked
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Exchange", "{path} changed while it was being merged. Nothing was merged."
            ),
            path=str(package.path),
        )
    sync.refresh_worked_out(database, touched)
    result.files_written = _write_files(database, package, written)
    sync.note_package(
        database,
        device_id=manifest["device_id"],
        station=manifest["station"],
        officer=manifest["officer"],
        created_at=manifest["created_at"],
        upto_seq=manifest["upto_seq"],
        residents=report.residents,
    )
    anchors.receive_heads(database, manifest, result.audit_findings)
    database.execute(
        "INSERT INTO packages_merged (content_hash, device_id, created_at, merged_at, summary)"
        " VALUES (?, ?, ?, ?, ?)",
        (manifest["content_hash"], manifest["device_id"], manifest["created_at"], now_iso(),
         report.summary()),
    )  # fmt: skip
    audit.record(
        database, "merge", summary=f"package from {manifest['station'] or manifest['device_id']}"
        f" ({manifest['created_at']}): {report.summary() or 'no changes'}"
        + "".join(f"; {finding}" for finding in result.audit_messages()),
    )  # fmt: skip
    if progress:
        progress(total, total)


def _missing(database, package, table) -> PackageRefused:
    """Explain a merge refused because records refer to ones never received here."""
    found: list[str] = []
    with suppress(*sqlite3.Error):
        # The failed statement's rows are not in; ask which references point nowhere.
        for reference in database.db.table(table).foreign_keys:
            column, parent = reference.column, reference.other_table
            wanted = {row[column] for row in package.rows(table) if row.get(column)}
            have = {
                row[0]
                for chunk in sync._chunks(sorted(wanted))
                for row in database.execute(
                    f"SELECT id FROM {parent} WHERE id IN ({', '.join('?' for _ in chunk)})",
                    tuple(chunk),
                )
            }
            found += [f"{table}.{column} → {parent} {value}" for value in sorted(wanted - have)]
    return sync.MissingReferences(
        QT_TRANSLATE_NOOP(
            "Exchange",
            "{path} refers to records this database has never received ({examples}). Merge the"
            " earlier packages from that laptop first, or ask it for a full package."
            " Nothing was merged.",
        ),
        path=str(package.path),
        examples="; ".join(found[:3]) or table,
    )


def _write_files(database: Database, package: Package, written: list[Path]) -> int:
    """Photos the merged records attach, written beside the database if not there yet. Each
    must go where an attachment record of this database (the package's own, merged just
    before) keeps it, inside the attachments folder; otherwise the whole package is refused
    before any photo is written."""
    if database.path is None:
        return 0
    root = database.path.parent
    for sha256, relative, data in package.files():
        try:
            attachments.checked_path(relative, root)
        except ValidationError as exc:
            raise _photo_refused(package, sha256, exc) from exc
        # The record's own folder, a record that exists, and a picture: as add_attachment stores.
        owner = database.execute(
            "SELECT owner_table, owner_id FROM attachments WHERE sha256 = ? AND path = ?",
            (sha256, relative),
        ).fetchone()
        if (
            owner is None
            or relative.split("/")[1] != owner["owner_id"]
            or not database.scalar(
                f"SELECT 1 FROM {owner['owner_table']} WHERE id = ?", (owner["owner_id"],)
            )
        ):
            raise _photo_refused(
                package,
                sha256,
                PackageRefused(
                    QT_TRANSLATE_NOOP("Exchange", "No record of the package attaches it there.")
                ),
            )
        if attachments.image_type(data[:16]) != relative.rsplit(".", 1)[1]:
            raise _photo_refused(
                package,
                sha256,
                PackageRefused(QT_TRANSLATE_NOOP("Exchange", "It is not the picture it says.")),
            )
    count = 0
    for _sha256, relative, data in package.files():
        target = root / relative
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        os.replace(partial, target)
        written.append(target)
        count += 1
    return count


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with suppress(OSError):
            path.unlink()
