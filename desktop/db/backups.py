"""Backups, restore and damaged files: nothing lost on a crash, a bad disk or a full one.

A backup is taken with SQLite's online backup API into a temporary file in the backup folder,
checked (``integrity_check`` and the schema version), flushed to disk and only then renamed to
its final name — so a backup killed halfway never replaces or looks like a good one. Backups are
kept as daily, weekly and monthly copies (``backups_to_keep``). Beside each backup, its sidecar
``….sqlite3.json`` notes the end of the audit chain it holds, which ``check`` compares with the
database's log (a log cut short or rewritten since then shows).

A database that fails its check is never backed up and never opened for writing: the file and
its ``-wal`` and ``-shm`` are moved aside unchanged (``quarantine``) and the newest good backup
can be restored.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop.core import clock
from desktop.core.clock import now_iso
from desktop.core.errors import QT_TRANSLATE_NOOP, DatabaseError
from desktop.db import audit, chain, keys, migrations
from desktop.db import sqlite as sqlite3
from desktop.db.chain import hash_at, head, own_ids, read_json, write_json
from desktop.db.database import (
    READ_ONLY,
    can_write,
    is_damage,
    read_only_uri,
    translate_operational_error,
)
from desktop.db.files import remove_if_untouched
from desktop.db.instance import mark_closed, was_left_open

BACKUP_PREFIX = "backup-"
BACKUP_SUFFIX = ".sqlite3"
PARTIAL_SUFFIX = ".part"
STAMP = "%Y%m%d-%H%M%S"
META_LAST_BACKUP = "last_backup_at"
META_LAST_BACKUP_PATH = "last_backup_path"
META_BACKUP_AUDIT_SEQ = "backup_audit_seq"  # the audit log's length at the last backup
SIDE_FILES = ("-wal", "-shm")
Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Retention:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def default_backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups" / db_path.stem


def backup_name(moment: datetime, tag: str = "") -> str:
    return f"{BACKUP_PREFIX}{moment.strftime(STAMP)}{'-' + tag if tag else ''}{BACKUP_SUFFIX}"


def backup_time(path: Path) -> datetime | None:
    """When a backup was taken, from its name (None for files that are not backups)."""
    name = path.name
    if not (name.startswith(BACKUP_PREFIX) and name.endswith(BACKUP_SUFFIX)):
        return None
    stamp = name[len(BACKUP_PREFIX) : len(BACKUP_PREFIX) + 15]
    try:
        return datetime.strptime(stamp, STAMP)
    except ValueError:
        return None


def sidecar(backup: Path) -> Path:
    """The note beside a backup of the audit chain's end it holds (``….sqlite3.json``)."""
    return Path(f"{backup}.json")


def list_backups(folder: Path) -> list[Path]:
    """Finished backups in ``folder``, newest first (temporary files are not backups)."""
    if not folder.is_dir():
        return []
    found = [(backup_time(path), path) for path in folder.iterdir() if path.is_file()]
    return [path for moment, path in sorted(item for item in found if item[0] is not None)[::-1]]


def verify_file(path: Path, data_key: bytes | None = None) -> list[str]:
    """Problems in a database file (empty when it is sound), read without writing to it;
    ``data_key`` for an encrypted one."""
    return _check_file(path, data_key, thorough=True)


def quick_check_file(path: Path, data_key: bytes | None = None) -> list[str]:
    """SQLite's quick check of the file at ``path`` on a read-only connection of its own: on
    a county's file about three times faster than the same check on a read-write one."""
    return _check_file(path, data_key, thorough=False)


def _check_file(path: Path, data_key: bytes | None, *, thorough: bool) -> list[str]:
    try:
        if data_key is None:
            with path.open("rb") as handle:
                if handle.read(16) != b"SQLite format 3\x00":
                    return ["not an SQLite database"]
        conn = sqlite3.connect(read_only_uri(path), uri=True, encrypted=data_key is not None)
        keys.apply_key(conn, data_key)
    except (OSError, *sqlite3.Error) as exc:
        return [str(exc)]
    try:
        if thorough:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            problems = [] if problems == ["ok"] else problems
        else:
            problems = quick_check(conn)
        version = migrations.schema_version(conn)
        if version > migrations.SCHEMA_VERSION:
            problems.append(f"schema {version} is newer than this program's")
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    finally:
        conn.close()
    return problems


def make_backup(
    source: sqlite3.Connection,
    folder: Path,
    *,
    now: datetime | None = None,
    tag: str = "",
    progress: Progress | None = None,
    data_key: bytes | None = None,
) -> Path:
    """Copy the database behind ``source`` into ``folder``; returns the verified backup.
    With ``data_key`` (an encrypted database) the backup is encrypted with the same key."""
    now = now or clock.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Database", "Cannot use the backup folder {path}: {reason}"),
            path=str(folder),
            reason=exc.strerror or str(exc),
        ) from exc
    final = folder / backup_name(now, tag)
    partial = folder / (final.name + PARTIAL_SUFFIX)
    try:
        target = sqlite3.connect(str(partial), encrypted=data_key is not None)
        keys.apply_key(target, data_key)
        try:
            source.backup(
                target,
                pages=2048,
                progress=(lambda _status, remaining, total: progress(total - remaining, total))
                if progress
                else None,
            )
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            chain_end = _chain_end(target, now)
        finally:
            target.close()
        problems = verify_file(partial, data_key)
        if problems:
            raise DatabaseError(
                QT_TRANSLATE_NOOP(
                    "Database", "The backup failed its check and was not kept: {why}"
                ),
                why="; ".join(problems[:3]),
            )
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        if chain_end is not None:  # first: a backup never stands without its note
            write_json(sidecar(final), chain_end)
        os.replace(partial, final)
        _sync_folder(folder)
    except sqlite3.Error as exc:
        if is_damage(exc):  # the copy's own file, not the database: no damage path for it
            raise DatabaseError(
                QT_TRANSLATE_NOOP(
                    "Database", "The backup failed its check and was not kept: {why}"
                ),
                why=str(exc),
            ) from exc
        raise translate_operational_error(exc, final) from exc
    except OSError as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Database", "The backup could not be written to {path}: {reason}"),
            path=str(folder),
            reason=exc.strerror or str(exc),
        ) from exc
    finally:
        partial.unlink(missing_ok=True)
    return final


def _chain_end(copy, now: datetime) -> dict | None:
    """The end of the audit chain a backup holds, for its sidecar (``check`` compares)."""
    if migrations.schema_version(copy) < 8:
        return None  # a copy taken before the schema had a chain
    end = chain.head(copy, count=True)
    if end is None:
        return None
    device = copy.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
    return {
        "device_id": device[0] if device else "",
        "seq": end.seq,
        "hash": end.hash,
        "count": end.count,
        "taken_at": clock.stored(now),
    }


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def backups_to_keep(moments: Iterable[datetime], retention: Retention) -> set[datetime]:
    """Which backups a daily/weekly/monthly rotation keeps: the newest of each of the last
    ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months that have one."""
    ordered = sorted(set(moments), reverse=True)
    keep: set[datetime] = set()
    for count, bucket in (
        (retention.daily, lambda m: m.date()),
        (retention.weekly, lambda m: m.isocalendar()[:2]),
        (retention.monthly, lambda m: (m.year, m.month)),
    ):
        seen: list = []
        for moment in ordered:
            key = bucket(moment)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(moment)
    return keep


def prune_backups(folder: Path, retention: Retention) -> list[Path]:
    """Delete the backups the rotation does not keep; returns what was deleted."""
    # Tagged copies (the one taken before a schema change) are the way back from that change:
    # the daily rotation leaves them alone.
    backups = {
        backup_time(path): path
        for path in list_backups(folder)
        if path.name.endswith(f"{BACKUP_SUFFIX}") and path.name.count("-") == 2
    }
    keep = backups_to_keep(backups, retention)
    removed = []
    for moment, path in backups.items():
        if moment not in keep:
            path.unlink(missing_ok=True)
            sidecar(path).unlink(missing_ok=True)
            removed.append(path)
    return removed


def newest_good_backup(folder: Path, data_key: bytes | None = None) -> Path | None:
    """The newest backup that passes its check (older ones are tried when it does not)."""
    for path in list_backups(folder):
        if not verify_file(path, data_key):
            return path
    return None


def _free_name(base: str) -> str:
    """``base``, or ``base-2``, ``base-3`` … when a file of that name exists already (two
    restores in the same second must not overwrite the copy the first one kept)."""
    if not any(Path(f"{base}{suffix}").exists() for suffix in ("", *SIDE_FILES)):
        return base
    number = 2
    while any(Path(f"{base}-{number}{suffix}").exists() for suffix in ("", *SIDE_FILES)):
        number += 1
    return f"{base}-{number}"


def quarantine(db_path: Path, now: datetime | None = None) -> list[Path]:
    """Move a damaged database and its side files aside, byte for byte, with a timestamp in
    their names; returns where they went. Nothing is copied, repaired or deleted."""
    stamp = (now or clock.now()).strftime(STAMP)
    base = _free_name(f"{db_path}.damaged-{stamp}")
    moved = []
    for suffix in ("", *SIDE_FILES):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            target = Path(f"{base}{suffix}")
            os.replace(source, target)
            moved.append(target)
    return moved


def restore_backup(
    backup: Path, db_path: Path, now: datetime | None = None, data_key: bytes | None = None
) -> Path | None:
    """Put a verified backup in place of the database; the database it replaces (if any) is
    kept beside it as ``….replaced-<time>``. Returns where the old file went. The backup of an
    encrypted database opens with the key unlocked for ``db_path`` unless one is given."""

    if data_key is None:
        data_key = keys.key_for(db_path)
    if db_path.exists() and not can_write(db_path):
        raise DatabaseError(READ_ONLY, path=str(db_path))
    if not backup.is_file():
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Database", "There is no backup at {path}."), path=str(backup)
        )
    problems = verify_file(backup, data_key)
    if problems == ["not an SQLite database"]:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Database", "{path} is not an Outreach Desk backup."),
            path=str(backup),
        )
    if problems:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Database", "{path} cannot be restored: {why}"),
            path=str(backup),
            why="; ".join(problems[:3]),
        )
    stamp = (now or clock.now()).strftime(STAMP)
    partial = Path(f"{db_path}.restoring")
    kept = None
    try:
        source = sqlite3.connect(
            backup.resolve().as_uri() + "?mode=ro", uri=True, encrypted=data_key is not None
        )
        keys.apply_key(source, data_key)
        target = sqlite3.connect(str(partial), encrypted=data_key is not None)
        keys.apply_key(target, data_key)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        if db_path.exists():
            kept = Path(_free_name(f"{db_path}.replaced-{stamp}"))
            os.replace(db_path, kept)
            for suffix in SIDE_FILES:
                side = Path(f"{db_path}{suffix}")
                if side.exists():
                    os.replace(side, Path(f"{kept}{suffix}"))
        os.replace(partial, db_path)
    finally:
        partial.unlink(missing_ok=True)
    _note_restored(db_path, backup, data_key)
    return kept


def _note_restored(db_path: Path, backup: Path, data_key: bytes | None) -> None:
    """The restored backup's end is the audit log's end now: the entries after it were given
    up on purpose (they stay in the replaced file), not cut off — noted beside the database
    and in the sidecars of the backups beside it that hold them."""

    conn = sqlite3.connect(read_only_uri(db_path), uri=True, encrypted=data_key is not None)
    try:
        keys.apply_key(conn, data_key)
        if migrations.schema_version(conn) >= 8:
            chain.note_end(conn, db_path, restored=True)
            supersede_backups(conn, backup.parent, backup.name)
    finally:
        conn.close()


def changed_since_backup(database) -> bool:
    """Whether anything was written since the last backup (every write is in the audit log)."""
    last_seq = int(database.get_meta(META_BACKUP_AUDIT_SEQ) or 0)
    return audit.last_seq(database) > last_seq


def backup_due_at_start(database, *, after_every_change: bool, now: datetime | None = None) -> bool:
    """At start: a backup is due when something changed since the last one and either the
    officer wants one after every changed session (``after_every_change``: then the last
    session's own backup was cut off, or that session never closed) or the last is a day old."""
    if not changed_since_backup(database):
        return False
    return after_every_change or daily_backup_due(database, now)


def daily_backup_due(database, now: datetime | None = None) -> bool:
    """At start: a backup is due when something changed and the last one is a day old."""
    if not changed_since_backup(database):
        return False
    last = database.get_meta(META_LAST_BACKUP)
    if not last:
        return True
    try:
        moment = datetime.fromisoformat(last)
    except ValueError:
        return True
    return clock.station_time(now or clock.now()) - clock.station_time(moment) >= timedelta(days=1)


def backup_now(
    database,
    folder: Path,
    retention: Retention = Retention(),
    *,
    now: datetime | None = None,
    tag: str = "",
    progress: Progress | None = None,
) -> Path:
    """Back up the database behind ``database`` (its own connection: call it on the worker),
    rotate old backups, and note the last good backup in the database."""
    now = now or clock.now()
    seq = audit.last_seq(database)
    data_key = keys.key_for(database.path) if database.path else None
    path = make_backup(
        database.conn, folder, now=now, tag=tag, progress=progress, data_key=data_key
    )
    if data_key is not None:  # the wrapped key travels with the backups (it needs a secret)
        shutil.copyfile(keys.key_file(database.path), folder / f"{database.path.stem}.key")
    prune_backups(folder, retention)
    with database.atomic():
        database.set_meta(META_LAST_BACKUP, clock.stored(now))
        database.set_meta(META_LAST_BACKUP_PATH, str(path))
        database.set_meta(META_BACKUP_AUDIT_SEQ, str(seq))
    return path


@dataclass(frozen=True)
class Damage:
    """A database that failed its check: why, where it was moved, what can be restored."""

    problems: list[str]
    moved: list[Path]
    backup: Path | None


def check_before_opening(db_path: Path, folder: Path) -> Damage | None:
    """After an unclean shutdown, the full check before anything opens the file for writing;
    a damaged file is moved aside (never backed up, never repaired). None when all is well."""
    if not db_path.exists() or not was_left_open(db_path):
        return None
    problems = verify_file(db_path, keys.needed_key(db_path))
    if not problems:
        return None
    return set_aside(db_path, folder, problems)


def set_aside(db_path: Path, folder: Path, problems: list[str]) -> Damage:
    """The damage path's part in storage, wherever the damage was found: the database (which
    no connection of this program holds any more) moved aside byte for byte with its side
    files, and the newest good backup of ``folder`` found. An encrypted file keeps a copy of
    its key file beside it, or nobody could ever read it again."""
    data_key = keys.key_for(db_path)
    moved = quarantine(db_path)
    if moved and keys.key_file(db_path).exists():
        kept_key = keys.key_file(moved[0])
        shutil.copyfile(keys.key_file(db_path), kept_key)
        moved.append(kept_key)
    mark_closed(db_path, only_ours=False)
    return Damage(problems, moved, newest_good_backup(folder, data_key))


def quick_check(conn: sqlite3.Connection) -> list[str]:
    rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    return [] if rows == ["ok"] else rows


# A backup writes for as long as it runs; one whose copy has not changed for this long was
# killed (its program ended halfway), and nothing will ever finish or remove its copy.
ABANDONED_AFTER_S = 10 * 60
_PARTIAL = re.compile(
    rf"^{re.escape(BACKUP_PREFIX)}\d{{8}}-\d{{6}}(-[\w-]+)?{re.escape(BACKUP_SUFFIX)}"
    rf"{re.escape(PARTIAL_SUFFIX)}(-journal)?$"
)


def remove_abandoned(folder: Path, now: float | None = None) -> list[Path]:
    """Delete the half-made copies (``….sqlite3.part`` and its ``-journal``) that killed
    backups left in ``folder``: only files of the backups' own naming, untouched for
    ``ABANDONED_AFTER_S`` (a running backup keeps writing its copy). Returns what went."""
    import time

    now = time.time() if now is None else now
    removed = []
    if not folder.is_dir():
        return removed
    for path in sorted(folder.iterdir()):
        if not (_PARTIAL.match(path.name) and path.is_file()):
            continue
        if not remove_if_untouched(path, now, ABANDONED_AFTER_S):
            continue
        log.warning("Removed %s, left by a backup that did not finish", path)
        removed.append(path)
    return removed


def supersede_backups(conn, folder: Path, restored: str) -> None:
    """After ``restored`` was put in place: the backups of ``folder`` that hold entries past its
    end say so in their own sidecars — those entries were given up on purpose, not cut off.
    Each sidecar speaks for itself: nothing else (not the note beside the database, which
    anyone may rewrite) can excuse what a backup records."""
    end = head(conn)
    own = own_ids(conn)
    for backup in list_backups(folder):
        side = read_json(sidecar(backup))
        if not side or side.get("superseded") or side["device_id"] not in own:
            continue
        if end is None or side["seq"] > end.seq or hash_at(conn, side["seq"]) != side["hash"]:
            with suppress(OSError):  # a folder that cannot be written: check will ask why
                write_json(sidecar(backup), {**side, "superseded": f"{now_iso()} {restored}"})
