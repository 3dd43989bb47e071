"""Creating, changing and retiring records, each change written to the audit log.

Every text is checked against ``core.limits`` here, whichever form, import or tool asked.

These functions join the caller's transaction when there is one (savepoints), so a user action
that touches several records wraps them in one ``Database.atomic()``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
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
    their audit rows written together by ``write_audit()`` and ``finish()``.

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

    def write_audit(self) -> None:
        """Write the audit rows of the records inserted since the last call: an import calls
        it after each chunk of rows (outside any savepoint), so that 100,000 records' ids
        (some 17 MB) are never held at once."""
        if not self._ids:
            return
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

    def finish(self) -> None:
        self.database.send_held()
        self.write_audit()


def update_record(
    database: Database, table: str, record_id: str, changes: Mapping[str, Any], *, summary: str = ""
) -> list[str]:
    """Apply ``changes``; returns the names of the fields that really changed."""
    return update_records(database, table, {record_id: changes}, summary=summary)[record_id]


def update_records(
    database: Database,
    table: str,
    changes: Mapping[str, Mapping[str, Any]],
    *,
    summary: str = "",
) -> dict[str, list[str]]:
    """Apply each record's ``changes`` (by record id), as ``update_record`` does one at a time,
    but a few hundred records per read, ``executemany`` and audit batch; returns each record's
    fields that really changed. Every value is checked before anything is written; a record
    that does not exist is a ``KeyError`` and nothing is written. When nothing changes, no
    transaction is begun either (a read-only copy saves a form left as it was)."""
    _check_table(table)
    checked = {
        record_id: check_values(table, dict(values)) for record_id, values in changes.items()
    }
    ids = list(checked)
    result: dict[str, list[str]] = {}
    with ExitStack() as writing:
        change_seq = None
        for start in range(0, len(ids), _AT_ONCE):
            batch = ids[start : start + _AT_ONCE]
            current = {
                row["id"]: dict(row)  # a field no record has is a KeyError, as for one record
                for row in database.query(
                    # One statement whatever the number: an IN (?, …) list would be prepared
                    # (and kept in the statement cache) once for each length.
                    f"SELECT * FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                    (json.dumps(batch),),
                )
            }
            statements: dict[tuple[str, ...], list[tuple]] = {}
            audited: list[tuple[str, str, str]] = []
            stamp = now_iso()
            for record_id in batch:
                row = current.get(record_id)
                if row is None:
                    raise KeyError(f"{table} {record_id} does not exist")
                values = checked[record_id]
                changed = [
                    key
                    for key, value in values.items()
                    if key not in _PROTECTED and row[key] != value
                ]
                result[record_id] = changed
                if changed:
                    versions = after_local_edit(row, changed, database.device_id)
                    statements.setdefault(tuple(changed), []).append(
                        (*(values[key] for key in changed), stamp, database.device_id, versions,
                         record_id)
                    )  # fmt: skip
                    audited.append((table, record_id, summary or "changed: " + ", ".join(changed)))
            if not audited:
                continue
            if change_seq is None:  # the first change: one transaction from here on
                writing.enter_context(database.atomic())
                change_seq = database.change_seq()
            for fields, params in statements.items():
                assignments = ", ".join(f"{key} = ?" for key in fields)
                database.conn.executemany(
                    f"UPDATE {table} SET {assignments}, updated_at = ?, device_id = ?,"
                    f" versions = ?, change_seq = {change_seq:d} WHERE id = ?",
                    params,
                )
            audit.record_many(database, "update", audited)
    return result


# Records read and written at once by ``update_records``: a list's 2,000 changed residents,
# read whole at once, would hold some 5 MB.
_AT_ONCE = 250


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
