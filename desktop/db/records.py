"""Creating, changing and retiring records, each change written to the audit log.

Every text is checked against ``core.limits`` here, whichever form, import or tool asked.

These functions join the caller's transaction when there is one (savepoints), so a user action
that touches several records wraps them in one ``Database.atomic()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from desktop.core.catalogue import RECORD_TABLES
from desktop.core.limits import check_values
from desktop.db import audit
from desktop.db.database import Database, new_id, now_iso
from desktop.db.migrations import ORIGIN_TABLES
from desktop.db.versions import after_local_edit

_PROTECTED = {
    "id", "created_at", "updated_at", "deleted_at", "device_id", "versions", "change_seq",
    "origin_device",
}  # fmt: skip


def _check_table(table: str) -> None:
    if table not in RECORD_TABLES:
        raise ValueError(f"not a record table: {table}")


def insert_record(
    database: Database, table: str, values: Mapping[str, Any], *, summary: str = ""
) -> str:
    """Insert a new record; returns its id."""
    _check_table(table)
    stamp = now_iso()
    row = check_values(
        table, {key: value for key, value in values.items() if key not in _PROTECTED}
    )
    row.update(
        id=values.get("id") or new_id(),
        created_at=stamp,
        updated_at=stamp,
        deleted_at=None,
        device_id=database.device_id,
    )
    if table in ORIGIN_TABLES:
        row["origin_device"] = database.device_id
    with database.atomic():
        row["change_seq"] = database.change_seq()
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        database.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
        audit.record(database, "create", table, row["id"], summary)
    return row["id"]


class BulkInsert:
    """Many new records inside the caller's open transaction (an import): one timestamp for
    all, no savepoint per record, the rows sent to SQLite together (``Database.hold``) and
    their audit rows written together by ``finish()``.

    The rows are held only until the next statement the database runs, so later lookups in
    the same transaction see every record inserted before them.
    """

    # Rows held at most before they are sent: enough for executemany to pay, little memory.
    HELD = 2_000

    def __init__(self, database: Database) -> None:
        if not database.conn.in_transaction:
            raise RuntimeError("BulkInsert needs an open transaction (database.atomic())")
        self.database = database
        self.stamp = now_iso()
        self.change_seq = database.change_seq()
        # The audit rows to write: each record's id, and which of the (table, summary) pairs
        # (a few per import) it has; kept apart, 100,000 records' take a third less memory.
        self._ids: list[str] = []
        self._kinds: list[int] = []
        self._kind_numbers: dict[tuple[str, str], int] = {}
        self._statements: dict[tuple[str, tuple[str, ...]], str] = {}
        self._held = 0

    def insert(self, table: str, values: Mapping[str, Any], *, summary: str = "") -> str:
        _check_table(table)
        row = check_values(
            table, {key: value for key, value in values.items() if key not in _PROTECTED}
        )
        row.update(
            id=values.get("id") or new_id(),
            created_at=self.stamp,
            updated_at=self.stamp,
            deleted_at=None,
            device_id=self.database.device_id,
            change_seq=self.change_seq,
        )
        if table in ORIGIN_TABLES:
            row["origin_device"] = self.database.device_id
        # One prepared INSERT per shape, not sqlite-utils' insert: row by row it is 11x slower.
        key = (table, tuple(row))
        sql = self._statements.get(key)
        if sql is None:
            marks = ", ".join("?" for _ in row)
            sql = self._statements[key] = f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})"
        database = self.database
        if database.unsent is None:
            self._held = 0
        database.hold(table, sql, tuple(row.values()))
        self._held += 1
        if self._held >= self.HELD:
            database.send_held()
        self._ids.append(row["id"])
        self._kinds.append(self._kind_numbers.setdefault((table, summary), len(self._kind_numbers)))
        return row["id"]

    def finish(self) -> None:
        self.database.send_held()
        kinds = list(self._kind_numbers)
        audit.record_many(
            self.database,
            "create",
            (
                (kinds[kind][0], row_id, kinds[kind][1])
                for kind, row_id in zip(self._kinds, self._ids, strict=True)
            ),
        )
        self._ids, self._kinds = [], []


def update_record(
    database: Database, table: str, record_id: str, changes: Mapping[str, Any], *, summary: str = ""
) -> list[str]:
    """Apply ``changes``; returns the names of the fields that really changed."""
    _check_table(table)
    current = get_record(database, table, record_id)
    if current is None:
        raise KeyError(f"{table} {record_id} does not exist")
    changes = check_values(table, dict(changes))
    changed = [
        key for key, value in changes.items() if key not in _PROTECTED and current[key] != value
    ]
    if not changed:
        return []
    assignments = ", ".join(f"{key} = ?" for key in changed)
    versions = after_local_edit(current, changed, database.device_id)
    with database.atomic():
        database.execute(
            f"UPDATE {table} SET {assignments}, updated_at = ?, device_id = ?, versions = ?,"
            " change_seq = ? WHERE id = ?",
            (
                *(changes[key] for key in changed),
                now_iso(),
                database.device_id,
                versions,
                database.change_seq(),
                record_id,
            ),
        )
        audit.record(
            database, "update", table, record_id, summary or "changed: " + ", ".join(changed)
        )
    return changed


def retire_record(database: Database, table: str, record_id: str, *, summary: str = "") -> None:
    """Tombstone a record: it leaves lists but its history and references stay."""
    _set_tombstone(database, table, record_id, now_iso(), "delete", summary)


def restore_record(database: Database, table: str, record_id: str, *, summary: str = "") -> None:
    _set_tombstone(database, table, record_id, None, "restore", summary)


def _set_tombstone(
    database: Database, table: str, record_id: str, value: str | None, action: str, summary: str
) -> None:
    current = get_record(database, table, record_id)
    if current is None:
        raise KeyError(f"{table} {record_id} does not exist")
    versions = after_local_edit(current, ["deleted_at"], database.device_id)
    with database.atomic():
        database.execute(
            f"UPDATE {table} SET deleted_at = ?, updated_at = ?, device_id = ?, versions = ?,"
            " change_seq = ? WHERE id = ?",
            (value, now_iso(), database.device_id, versions, database.change_seq(), record_id),
        )
        audit.record(database, action, table, record_id, summary)


def get_record(database: Database, table: str, record_id: str) -> dict[str, Any] | None:
    _check_table(table)
    row = database.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,)).fetchone()
    return None if row is None else dict(row)


def get_live_record(database: Database, table: str, record_id: str) -> dict[str, Any]:
    """The record, unless it does not exist or was retired (a caller's mistake: KeyError)."""
    record = get_record(database, table, record_id)
    if record is None or record["deleted_at"]:
        raise KeyError(record_id)
    return record


def insert_rows(
    database: Database, table: str, columns: Sequence[str], rows: Sequence[tuple]
) -> None:
    """New records already checked and stamped by their kind's module (the demo's rows), in
    one ``executemany`` inside the caller's transaction; no audit row each (the caller
    writes one for the whole batch)."""
    _check_table(table)
    if table in ORIGIN_TABLES:  # entered on this laptop: the one that wrote it
        at = list(columns).index("device_id")
        columns = (*columns, "origin_device")
        rows = [(*row, row[at]) for row in rows]
    marks = ", ".join("?" * len(columns))
    database.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def count_live(database: Database, tables: Iterable[str]) -> dict[str, int]:
    """Number of records that are not retired, per table."""
    counts = {}
    for table in tables:
        _check_table(table)
        counts[table] = database.scalar(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL")
    return counts
