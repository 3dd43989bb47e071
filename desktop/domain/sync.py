"""Merging records that come from another laptop, and what the exchange remembers.

The merge itself is ``merge_records``: records matched by id, each field settled by its
versions (``versions.py``), conflicts written to ``merge_conflicts`` for a person to decide,
and the columns this database works out for itself (a warning's summary of its attempts, the
community it counts for) worked out again for the records that came in. It runs inside the
caller's transaction; the file format of a package is ``desktop/exchange/packages.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desktop.core import limits, privacy, validate
from desktop.core.catalogue import (
    AREA_LEVELS,
    AUDIENCES,
    FRAUD_TYPES,
    PARENT_LEVEL,
    RECORD_TABLES,
)
from desktop.core.errors import (
    QT_TRANSLATE_NOOP,
    OutreachError,
    PackageRefused,
    ValidationError,
    unknown_value,
)
from desktop.core.privacy import mask_name
from desktop.db import audit
from desktop.db import sqlite as sqlite3
from desktop.db.database import Database, now_iso
from desktop.db.records import get_record, update_record
from desktop.db.versions import COMMON, DERIVED, Conflict, Versions, merge, well_formed
from desktop.domain import (
    attachments,
    card_sellers,
    community_visits,
    follow_ups,
    fraud_free,
    return_cases,
)
from desktop.domain.warnings import contact_summary

_AREA_DEPTH = {level: depth for depth, level in enumerate(AREA_LEVELS)}
_CHUNK = 400  # ids per IN (...) lookup


class MissingReferences(PackageRefused):
    """The package refers to records this database has never received."""


class RecordRefused(PackageRefused):
    """An incoming record that no form or import of this program would accept."""

    def __init__(self, table: str, record_id: Any, field: str, reason: OutreachError | str):
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Exchange", "The {table} record {record} cannot be accepted ({field}): {reason}"
            ),
            table=table,
            record=_shown_id(record_id),
            field=field,
            reason=reason,
        )
        self.table, self.record_id, self.field = table, record_id, field


def _shown_id(value: Any) -> str:
    """A record's id as a message may quote it (a hostile one may hold anything)."""
    text = str(value)
    return text if len(text) <= 64 and text.isprintable() else repr(text[:40])


# -- what an incoming record may hold ---------------------------------------------------------
#
# Every column of a record that travels has a rule, chosen from the schema: text by its limit
# (core/limits), moments and days as ISO 8601, whole numbers as counts or amounts, JSON columns
# by their shape, an attachment's path by attachments.checked_path, and any other text (codes,
# references) as a short code. A column added later falls under one of them without being named.

EMPTY = QT_TRANSLATE_NOOP("Validation", "This field cannot be empty.")
NOT_A_MOMENT = QT_TRANSLATE_NOOP(
    "Validation",
    "{value} is not a date and time with its offset from UTC (ISO 8601, such as"
    " 2026-01-05T14:30:00+08:00).",
)
NOT_A_DAY = QT_TRANSLATE_NOOP("Validation", "{value} is not a date (ISO 8601, such as 2026-01-05).")
NOT_A_COUNT = QT_TRANSLATE_NOOP("Validation", "{value} is not a whole number from 0 to {most}.")
NOT_A_LIST = QT_TRANSLATE_NOOP(
    "Validation", "{value} is not a list of texts this field can hold (JSON)."
)
NOT_A_TALLY = QT_TRANSLATE_NOOP(
    "Validation",
    "{value} is not a table of this field's kinds and whole numbers from 0 to 1,000,000 (JSON).",
)
NOT_VERSIONS = QT_TRANSLATE_NOOP(
    "Validation", "The record's history of edits (versions) cannot be read."
)
_DAYS = ("due_on", "on_date")  # and every column named ``*_on`` (a day of a path's step)
Rule = Callable[[Any], Any]
# The codes a column may hold where the schema has no CHECK for them, as the forms offer them.
_CODES = {("warnings", "fraud_type"): FRAUD_TYPES}
# JSON lists: what each item may be (a code of its list, or a short text of the officer's).
_JSON_LISTS: dict[tuple[str, str], dict | limits.TextLimit] = {
    ("talks", "topics"): FRAUD_TYPES,
    ("talks", "audience"): AUDIENCES,
    ("residents", "tags"): limits.TAG,
}
_JSON_TALLIES = {("talks", "handouts_by_kind"): FRAUD_TYPES}  # handout kind -> copies


def _shown(value: Any) -> str:
    return repr(value[:60] if isinstance(value, str | bytes) else value)[:60]


def checked_moment(value: Any) -> Any:
    """``value`` when it is a moment as this program stores them: ISO 8601 with its offset (a
    moment without one cannot be compared with the others)."""
    _code(value)
    try:
        offset = datetime.fromisoformat(value).tzinfo
    except ValueError:
        offset = None
    if offset is None:
        raise ValidationError(NOT_A_MOMENT, value=_shown(value))
    validate.check_year(datetime.fromisoformat(value), _shown(value))
    return value


def _day(value: Any) -> Any:
    _code(value)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValidationError(NOT_A_DAY, value=_shown(value)) from None
    validate.check_year(day, _shown(value))
    return value


def checked_count(value: Any, most: int = limits.MAX_COUNT) -> Any:
    """``value`` when it is a whole number from 0 to ``most``."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= most:
        raise ValidationError(NOT_A_COUNT, value=_shown(value), most=f"{most:,}")
    return value


def _amount(value: Any) -> Any:
    if checked_count(value, 2**63 - 1) > validate.MAX_FEN:  # then said in yuan
        shown = validate.format_amount_fen(value)
        raise ValidationError(validate.AMOUNT_TOO_LARGE, value=shown)
    return value


def _json(value: Any, template: str, fits: Callable[[Any], bool]) -> Any:
    try:
        data = json.loads(value)
    except ValueError:
        data = None
    if not fits(data):
        raise ValidationError(template, value=_shown(value))
    return value


def _item(allowed: dict | limits.TextLimit, item: Any) -> bool:
    """Whether one item of a JSON list (or key of a tally) is what a form would store."""
    if not isinstance(item, str):
        return False
    if isinstance(allowed, limits.TextLimit):
        try:
            limits.check_text(item, allowed)
        except ValidationError:
            return False
        return True
    return item in allowed


def _texts(allowed: dict | limits.TextLimit) -> Callable[[Any], bool]:
    return lambda data: isinstance(data, list) and all(_item(allowed, item) for item in data)


def _tally(allowed: dict) -> Callable[[Any], bool]:
    def fits(data: Any) -> bool:
        return isinstance(data, dict) and all(
            _item(allowed, kind)
            and isinstance(count, int)
            and not isinstance(count, bool)
            and 0 <= count <= limits.HEADCOUNT
            for kind, count in data.items()
        )

    return fits


def _code_of(catalogue: dict) -> Rule:
    def check(value: Any) -> Any:
        if value != "" and value not in catalogue:
            raise unknown_value(_shown(value), field="")
        return value

    return check


def _versions(value: Any) -> Any:
    if not well_formed(value):
        raise ValidationError(NOT_VERSIONS)
    return value


def _rule(table: str, column: str, kind: str) -> Rule:
    limit = limits.limit_of(table, column)
    if (table, column) == ("attachments", "path"):
        return attachments.checked_path
    if column == "versions":
        text = limits.LIST
        return lambda value: _versions(limits.check_text(value, text))
    if (table, column) in _JSON_LISTS:
        shape = (NOT_A_LIST, _texts(_JSON_LISTS[table, column]))
        return lambda value: _json(limits.check_text(value, limit or limits.LIST), *shape)
    if (table, column) in _JSON_TALLIES:
        shape = (NOT_A_TALLY, _tally(_JSON_TALLIES[table, column]))
        return lambda value: _json(limits.check_text(value, limit or limits.LIST), *shape)
    if (table, column) in _CODES:
        text, code = limits.checker(limit or limits.CODE), _code_of(_CODES[table, column])
        return lambda value: code(text(value))
    if column == "at" or column.endswith("_at"):
        return checked_moment
    if column in _DAYS or column.endswith("_on"):
        return _day
    if kind == "INTEGER":
        if column.startswith("amount_") or column.endswith("_amount"):
            return _amount
        most = limits.count_limit_of(table, column)
        return lambda value: checked_count(value, most)
    return limits.checker(limit or limits.CODE)  # codes from a catalogue, references


_code = limits.checker(limits.CODE)


def _rules(database: Database, table: str) -> tuple[dict[str, Rule], frozenset[str]]:
    """Each travelling column's rule, and the columns that must hold a value."""
    cache = database.__dict__.setdefault("_incoming_rules", {})
    if table not in cache:
        travelling = set(travelling_columns(database, table))
        info = [
            (column.name, column.type.upper(), bool(column.notnull))
            for column in database.db.table(table).columns
            if column.name in travelling
        ]
        cache[table] = (
            {name: _rule(table, name, kind) for name, kind, _required in info},
            frozenset(name for name, _kind, required in info if required),
        )
    return cache[table]


def checked_incoming(database: Database, table: str, row: Mapping[str, Any]) -> Mapping[str, Any]:
    """``row`` of ``table`` from another laptop when every field passes the checks any record
    written here passes (multi-line text with plain line breaks), else ``RecordRefused``
    naming the record, the field and the reason."""
    rules, required = _rules(database, table)
    checked = None
    name = ""
    try:  # around the loop, not each field: a merge checks millions of them
        for name, value in row.items():
            if value is None:
                if name in required:
                    raise ValidationError(EMPTY)
                continue
            result = rules[name](value)
            if result is not value:
                checked = checked or dict(row)
                checked[name] = result
    except ValidationError as exc:
        raise RecordRefused(table, row.get("id"), name, exc) from exc
    return checked or row


def synced_fields(database: Database, table: str) -> tuple[str, ...]:
    """The fields of ``table`` that travel and merge one by one (``deleted_at`` included)."""
    cache = database.__dict__.setdefault("_synced_fields", {})
    if table not in cache:
        if table not in RECORD_TABLES:
            raise ValueError(f"not a record table: {table}")
        skip = set(COMMON) | set(DERIVED.get(table, ()))
        columns = database.db.table(table).columns_dict
        cache[table] = tuple(name for name in columns if name not in skip)
    return cache[table]


def travelling_columns(database: Database, table: str) -> tuple[str, ...]:
    return (
        "id",
        "created_at",
        "updated_at",
        "device_id",
        "versions",
        *synced_fields(database, table),
    )


def changed_since(database: Database, table: str, since_seq: int) -> Iterator[dict[str, Any]]:
    """The records of ``table`` written after transaction ``since_seq``, in id order, with
    their versions spelled out."""
    columns = travelling_columns(database, table)
    cursor = database.conn.cursor()
    cursor.row_factory = None
    cursor.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE change_seq > ? ORDER BY id", (since_seq,)
    )
    at = columns.index("versions")
    for values in cursor:
        row = dict(zip(columns, values, strict=True))
        if values[at] is None:
            row["versions"] = Versions.of(row).dump()
        yield row


@dataclass
class TableCounts:
    added: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0

    def total(self) -> int:
        return self.added + self.changed + self.deleted + self.unchanged


@dataclass
class ConflictRow:
    table: str
    row_id: str
    field: str
    kept: Any
    kept_device: str
    other: Any
    other_device: str


@dataclass
class MergeReport:
    counts: dict[str, TableCounts] = field(default_factory=dict)
    conflicts: list[ConflictRow] = field(default_factory=list)
    residents: set[str] = field(default_factory=set)  # residents the package held

    def table(self, name: str) -> TableCounts:
        return self.counts.setdefault(name, TableCounts())

    def summary(self) -> str:
        parts = [
            f"{name}: +{c.added} ~{c.changed} -{c.deleted}"
            for name, c in self.counts.items()
            if c.added or c.changed or c.deleted
        ]
        return "; ".join(parts) + (f"; conflicts {len(self.conflicts)}" if self.conflicts else "")


class Touched:
    """Records whose worked-out columns must be worked out again after the merge.

    ``attempts_of(warning_ids)`` (given by the package) returns the incoming attempts of new
    warnings, so a new warning is written with its summary and community at once instead of
    being written twice.
    """

    def __init__(self, attempts_of: Callable[[list[str]], dict[str, list]] | None = None) -> None:
        self.warnings: set[str] = set()  # area or summary of attempts
        self.residents: set[str] = set()  # their warnings move with their community
        self.fresh_warnings: set[str] = set()  # new here, written complete
        self.attempts_of = attempts_of


def merge_records(
    database: Database,
    table: str,
    rows: Iterable[Mapping[str, Any]],
    report: MergeReport,
    *,
    package_hash: str,
    touched: Touched | None = None,
) -> None:
    """Merge incoming copies of ``table``'s records (inside the caller's transaction)."""
    if not database.conn.in_transaction:
        raise RuntimeError("merge_records needs an open transaction")
    fields = synced_fields(database, table)
    counts = report.table(table)
    seq = database.change_seq()
    if table == "areas":  # parents first, across the whole table (a city has thousands)
        rows = sorted(rows, key=lambda row: _AREA_DEPTH.get(row.get("level"), len(AREA_LEVELS)))
    batch: list[Mapping[str, Any]] = []
    whole = _WHOLE_CHECKS.get(table)
    for row in rows:
        row = checked_incoming(database, table, row)
        if whole is not None and row.get("deleted_at") is None:
            _refuse_whole(database, table, row, whole)
        batch.append(row)
        if len(batch) >= _CHUNK:
            _merge_batch(database, table, fields, batch, counts, report, seq, package_hash, touched)
            batch = []
    if batch:
        _merge_batch(database, table, fields, batch, counts, report, seq, package_hash, touched)
    if table == "areas":
        _check_area_tree(database, [row["id"] for row in rows])


# The record kinds whose fields are checked together too (a form's cross-field rules), on
# each incoming record and on what merging it with this laptop's copy makes.
_WHOLE_CHECKS: dict[str, Callable[[Database, dict[str, Any]], list[ValidationError]]] = {
    "return_cases": return_cases.entry_problems,
    "card_sellers": card_sellers.record_problems,
    "community_visits": lambda _database, row: community_visits.check_stored(row),
    "fraud_free_steps": lambda _database, row: fraud_free.check_stored_step(row),
}


def _refuse_whole(database: Database, table: str, row: Mapping[str, Any], check) -> None:
    """``RecordRefused`` naming the first rule between its fields that ``row`` breaks."""
    errors = check(database, dict(row))
    if errors:
        raise RecordRefused(table, row.get("id"), errors[0].field or "", errors[0])


def _check_area_tree(database: Database, ids: list[str]) -> None:
    """Each merged area where the forms would put it: a county at the top, a township under a
    county, a community under a township. (An area under itself, or two under each other,
    would send every walk down the tree round for ever.)"""
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        for row in database.query(
            "SELECT a.id, a.level, a.parent_id, p.level AS parent_level FROM areas a"
            f" LEFT JOIN areas p ON p.id = a.parent_id WHERE a.id IN ({marks})",
            tuple(chunk),
        ):
            if row["parent_level"] != PARENT_LEVEL.get(row["level"]) or (
                row["parent_id"] is not None and row["parent_level"] is None
            ):
                reason = ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Validation", "A township belongs to a county, a community to a township."
                    )
                )
                raise RecordRefused("areas", row["id"], "parent_id", reason)


# The gateways' own rules across a record's fields, run on each record as it will be stored
# (its fields may come from two laptops, each within the rules, and together break them).
def _merge_batch(database, table, fields, batch, counts, report, seq, package_hash, touched):
    ids = [row["id"] for row in batch]
    marks = ", ".join("?" for _ in ids)
    local = {
        row["id"]: dict(row)
        for row in database.query(f"SELECT * FROM {table} WHERE id IN ({marks})", tuple(ids))
    }
    new_rows = []
    updates: list[tuple[str, tuple, Mapping]] = []  # after the new rows, which they may point at
    for row in batch:
        mine = local.get(row["id"])
        if mine is None:  # checked whole as it came in
            new_rows.append(row)
            if row.get("deleted_at") is None:
                counts.added += 1
            _note(table, row, None, touched, report)
            continue
        merged = merge(mine, row, fields)
        values = {name: value for name, value in merged.values.items() if mine[name] != value}
        whole = _WHOLE_CHECKS.get(table)
        if values and whole is not None and whole(database, {**mine, **values}):
            # Each copy keeps the rules, their merge does not (a later listing day here, an
            # earlier step there): this copy stays as it is and each field that would have
            # changed is a conflict for a person to decide.
            mine_versions, theirs = Versions.of(mine), Versions.of(row)
            for name, value in values.items():
                _conflict(database, report, package_hash, table, row["id"], Conflict(
                    name, mine[name], mine_versions.dot(name), value, theirs.dot(name)))  # fmt: skip
            counts.unchanged += 1
            continue
        for conflict in merged.conflicts:
            _conflict(database, report, package_hash, table, row["id"], conflict)
        if values:
            if "deleted_at" in values and mine["deleted_at"] is None:
                counts.deleted += 1
            else:
                counts.changed += 1
        else:
            counts.unchanged += 1
        _note(table, row, values, touched, report)
        if (
            not values
            and (merged.updated_at, merged.device_id) == (mine["updated_at"], mine["device_id"])
            and merged.versions == (mine["versions"] or Versions.of(mine).dump())
        ):
            continue
        assignments = "".join(f"{name} = ?, " for name in values)
        updates.append(
            (
                f"UPDATE {table} SET {assignments}updated_at = ?, device_id = ?, versions = ?,"
                " change_seq = ? WHERE id = ?",
                (*values.values(), merged.updated_at, merged.device_id, merged.versions, seq,
                 row["id"]),
                row,
            )
        )  # fmt: skip
    if new_rows:
        columns = [name for name in travelling_columns(database, table) if name in new_rows[0]]
        extra: list[str] = []
        worked_out: dict[str, tuple] = {}
        if table == "warnings" and touched is not None and touched.attempts_of is not None:
            extra = ["contact_count", "first_contact_minutes", "first_visit_minutes", "area_id"]
            worked_out = _new_warnings_worked_out(database, new_rows, touched)
        # Raw executemany, not sqlite-utils' insert_all: a third of its time (STACK_NOTES).
        insert = (
            f"INSERT INTO {table} ({', '.join([*columns, *extra])}, change_seq)"
            f" VALUES ({', '.join('?' for _ in [*columns, *extra])}, ?)"
        )
        params = [
            (*(row[name] for name in columns), *worked_out.get(row["id"], ()), seq)
            for row in new_rows
        ]
        try:
            with database.atomic():  # a savepoint, to find a refused row again one by one
                database.conn.executemany(insert, params)
        except sqlite3.IntegrityError as exc:
            refused = _refused_by_schema(
                database, table, insert, zip(new_rows, params, strict=True)
            )
            if refused is None:
                raise
            raise refused from exc
    for sql, params, row in updates:
        try:
            database.execute(sql, params)
        except sqlite3.IntegrityError as exc:
            refused = _refused_by_schema(database, table, sql, [(row, params)])
            if refused is None:
                raise
            raise refused from exc


def _conflict(database, report, package_hash, table, row_id, conflict: Conflict) -> None:
    """List a conflict in the report and keep it for a person to decide."""
    report.conflicts.append(
        ConflictRow(table, row_id, conflict.field, conflict.kept, conflict.kept_dot[0],
                    conflict.other, conflict.other_dot[0])
    )  # fmt: skip
    database.execute(
        "INSERT INTO merge_conflicts (found_at, package_hash, table_name, row_id, field,"
        " kept_value, kept_device, kept_stamp, other_value, other_device, other_stamp)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            now_iso(),
            package_hash,
            table,
            row_id,
            conflict.field,
            json.dumps(conflict.kept, ensure_ascii=False),
            *conflict.kept_dot,
            json.dumps(conflict.other, ensure_ascii=False),
            *conflict.other_dot,
        ),
    )


_CONSTRAINT = re.compile(r"(CHECK|NOT NULL|UNIQUE) constraint failed: (?:\w+\.)?(\w+)")


def _refused_by_schema(database, table, sql, attempts) -> RecordRefused | None:
    """The first record the schema refuses (a code outside its list, a missing field, an id
    twice), named; None when what fails is a reference (the caller explains those)."""
    for row, params in attempts:
        try:
            database.execute(sql, params)
        except sqlite3.IntegrityError as exc:
            found = _CONSTRAINT.search(str(exc))
            if found is None:
                return None
            kind, column = found.groups()
            if kind == "CHECK":
                reason: OutreachError | str = unknown_value(_shown(row.get(column)), field=column)
            elif kind == "NOT NULL":
                reason = ValidationError(EMPTY)
            else:
                reason = str(exc)
            return RecordRefused(table, row.get("id"), column, reason)
    return None


def _new_warnings_worked_out(database, rows, touched: Touched) -> dict[str, tuple]:
    """Summary of attempts and community of warnings new to this database: their attempts
    can only be the incoming ones, their resident is here already (merged before)."""
    ids = [row["id"] for row in rows]
    attempts = touched.attempts_of(ids)
    residents = sorted({row["resident_id"] for row in rows})
    marks = ", ".join("?" for _ in residents)
    areas = dict(
        database.execute(
            f"SELECT id, area_id FROM residents WHERE id IN ({marks})", tuple(residents)
        ).fetchall()
    )
    touched.fresh_warnings.update(ids)
    return {
        row["id"]: (
            *contact_summary(row["received_at"], attempts.get(row["id"], [])).values(),
            areas.get(row["resident_id"]),
        )
        for row in rows
    }


def _note(table, row, changed, touched, report) -> None:
    """Remember what the worked-out columns and the list of held residents need."""
    if table == "residents":
        report.residents.add(row["id"])
        if touched is not None and changed is not None and "area_id" in changed:
            touched.residents.add(row["id"])  # a new resident has no warnings here yet
    elif table == "warnings":
        report.residents.add(row["resident_id"])
        if touched is not None and (
            (changed is None and touched.attempts_of is None)
            or (changed and ("resident_id" in changed or "received_at" in changed))
        ):
            touched.warnings.add(row["id"])
    elif table == "card_sellers":
        report.residents.add(row["resident_id"])
    elif table == "contacts":
        if (
            touched is not None
            and (changed is None or changed)
            and row["warning_id"] not in touched.fresh_warnings
        ):
            touched.warnings.add(row["warning_id"])


def refresh_worked_out(database: Database, touched: Touched) -> None:
    """Work out again each touched warning's community and summary of its attempts, and the
    community of its follow-ups (the same rules as when an officer writes them here)."""
    if touched.residents:
        for chunk in _chunks(sorted(touched.residents)):
            marks = ", ".join("?" for _ in chunk)
            for row in database.execute(
                f"SELECT id FROM warnings WHERE resident_id IN ({marks})", tuple(chunk)
            ):
                touched.warnings.add(row[0])
    for chunk in _chunks(sorted(touched.warnings)):
        marks = ", ".join("?" for _ in chunk)
        received = {
            row[0]: (row[1], row[2])
            for row in database.execute(
                f"SELECT w.id, w.received_at, r.area_id FROM warnings w"
                f" LEFT JOIN residents r ON r.id = w.resident_id WHERE w.id IN ({marks})",
                tuple(chunk),
            )
        }
        attempts: dict[str, list[tuple[str, str, str]]] = {key: [] for key in received}
        for warning_id, at, method, result in database.execute(
            f"SELECT warning_id, at, method, result FROM contacts WHERE warning_id IN ({marks})"
            " AND deleted_at IS NULL",
            tuple(chunk),
        ):
            attempts[warning_id].append((at, method, result))
        updates = []
        for warning_id, (received_at, area_id) in received.items():
            summary = contact_summary(received_at, attempts[warning_id])
            updates.append((*summary.values(), area_id, warning_id))
        database.conn.executemany(
            "UPDATE warnings SET contact_count = ?, first_contact_minutes = ?,"
            " first_visit_minutes = ?, area_id = ? WHERE id = ?",
            updates,
        )
        follow_ups.take_area_of_warnings(database, chunk)


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


# -- conflicts ------------------------------------------------------------------------------


def open_conflicts(database: Database, *, limit: int = 500) -> list[dict[str, Any]]:
    """Conflicts no one has decided yet, newest first."""
    return [
        dict(row)
        for row in database.query(
            "SELECT * FROM merge_conflicts WHERE resolved_at IS NULL ORDER BY seq DESC LIMIT ?",
            (limit,),
        )
    ]


def count_open_conflicts(database: Database) -> int:
    return database.scalar("SELECT count(*) FROM merge_conflicts WHERE resolved_at IS NULL")


def resolve_conflict(database: Database, seq: int, *, take_other: bool) -> None:
    """Decide a conflict: keep the value the merge kept, or take the other one (a new edit
    on this laptop, which every copy then takes when it meets it)."""
    row = database.execute("SELECT * FROM merge_conflicts WHERE seq = ?", (seq,)).fetchone()
    if row is None:
        raise KeyError(f"conflict {seq} does not exist")
    if row["resolved_at"] is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "This conflict has already been decided.")
        )
    with database.atomic():
        if take_other:
            record = get_record(database, row["table_name"], row["row_id"])
            if record is None:
                raise KeyError(f"{row['table_name']} {row['row_id']} does not exist")
            whole = _WHOLE_CHECKS.get(row["table_name"])
            taken = {**record, row["field"]: json.loads(row["other_value"])}
            if whole is not None and (errors := whole(database, taken)):
                raise errors[0]  # the other value breaks a rule with this copy's fields
            update_record(
                database, row["table_name"], row["row_id"],
                {row["field"]: json.loads(row["other_value"])},
                summary=f"conflict {seq}: took the other laptop's {row['field']}",
            )  # fmt: skip
        else:
            audit.record(
                database, "update", row["table_name"], row["row_id"],
                f"conflict {seq}: kept {row['field']}",
            )  # fmt: skip
        database.execute(
            "UPDATE merge_conflicts SET resolved_at = ?, resolution = ? WHERE seq = ?",
            (now_iso(), "took_other" if take_other else "kept", seq),
        )


# -- laptops --------------------------------------------------------------------------------


def note_package(
    database: Database,
    *,
    device_id: str,
    station: str,
    officer: str,
    created_at: str,
    upto_seq: int,
    residents: Iterable[str],
) -> None:
    """Remember a merged package's laptop (station, officer, date) and the residents it held."""
    database.execute(
        "INSERT INTO devices (device_id, station, officer, first_package_at, last_package_at,"
        " last_merged_at, packages, last_change_seq) VALUES (?, ?, ?, ?, ?, ?, 1, ?)"
        " ON CONFLICT(device_id) DO UPDATE SET"
        " station = CASE WHEN excluded.last_package_at >= devices.last_package_at"
        "   THEN excluded.station ELSE devices.station END,"
        " officer = CASE WHEN excluded.last_package_at >= devices.last_package_at"
        "   THEN excluded.officer ELSE devices.officer END,"
        " last_package_at = max(devices.last_package_at, excluded.last_package_at),"
        " last_merged_at = excluded.last_merged_at, packages = devices.packages + 1,"
        " last_change_seq = max(devices.last_change_seq, excluded.last_change_seq)",
        (device_id, station, officer, created_at, created_at, now_iso(), upto_seq),
    )
    database.conn.executemany(
        "INSERT OR IGNORE INTO device_residents (device_id, resident_id) VALUES (?, ?)",
        ((device_id, resident_id) for resident_id in residents),
    )


def list_devices(database: Database) -> list[dict[str, Any]]:
    """Each laptop packages came from, latest package first; this laptop is not listed."""
    return [
        dict(row)
        for row in database.query(
            "SELECT d.*, (SELECT count(*) FROM device_residents h"
            " WHERE h.device_id = d.device_id) AS residents"
            " FROM devices d WHERE d.device_id != ? ORDER BY d.last_package_at DESC",
            (database.device_id,),
        )
    ]


def _held(device_id: str, database: Database) -> tuple[str, tuple]:
    if device_id == database.device_id:
        return "FROM residents r WHERE r.deleted_at IS NULL", ()
    return (
        "FROM device_residents h JOIN residents r ON r.id = h.resident_id WHERE h.device_id = ?",
        (device_id,),
    )


def residents_held_by(
    database: Database, device_id: str, *, limit: int | None = None
) -> list[dict[str, Any]]:
    """The residents whose data a laptop held (this laptop: every resident here) — the list
    a station needs when that laptop is lost. In name order; with ``limit``, the first
    entered (a county holds a million: a screen shows a page without sorting them all)."""
    where, params = _held(device_id, database)
    if limit is None:
        return [
            dict(row) for row in database.query(f"SELECT r.* {where} ORDER BY r.name, r.id", params)
        ]
    return [
        dict(row)
        for row in database.query(f"SELECT r.* {where} ORDER BY r.rowid LIMIT ?", (*params, limit))
    ]


def count_held(database: Database, device_id: str) -> int:
    where, params = _held(device_id, database)
    return database.scalar(f"SELECT count(*) {where}", params)


def _is_phone(column: str) -> bool:
    return column in ("phone", "mobile") or column.endswith("_phone")


# Fields that hold personal data: a conflict shows them masked (officers' and partners' phones
# and contact people too, as the lists of Areas & people do). Every phone column of the text
# limits is one, so a kind's new phone is masked without being named here.
_PERSONAL_WORDS = {
    "residents": ("name", "id_number", "address"),
    "partners": ("contact_name",),
    "return_cases": ("family_name",),
}
PERSONAL_FIELDS = {
    table: (*_PERSONAL_WORDS.get(table, ()), *filter(_is_phone, columns))
    for table, columns in limits.FIELD_LIMITS.items()
}
_MASKERS = {
    "name": privacy.mask_name,
    "contact_name": privacy.mask_name,
    "family_name": privacy.mask_name,
    "id_number": privacy.mask_id_number,
    "address": privacy.mask_address,
}


# Records with neither a title nor a name, described by their day and what they say.
_DESCRIBED_BY = {
    "community_visits": ("visited_on", "building"),
    "fraud_free_evidence": ("noted_on", "criterion"),
    "fraud_free_steps": ("step_on", "status"),
}


def describe_record(database: Database, table: str, row_id: str) -> str:
    """A short, masked description of a record for lists (a conflict's "which record")."""
    if table not in RECORD_TABLES:
        return row_id[:8]
    row = database.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        return row_id[:8]
    if table == "residents":
        return mask_name(row["name"])
    if table == "warnings":
        name = database.scalar("SELECT name FROM residents WHERE id = ?", (row["resident_id"],))
        return f"{row['received_at'][:10]} {mask_name(name or '')} {row['reference_number'] or ''}"
    if table == "return_cases":
        name = database.scalar("SELECT name FROM residents WHERE id = ?", (row["resident_id"],))
        return f"{row['listed_on']} {mask_name(name or '')}"
    if table == "card_sellers":
        name = database.scalar("SELECT name FROM residents WHERE id = ?", (row["resident_id"],))
        return f"{row['listed_on']} {mask_name(name or '')} {row['reference_number'] or ''}"
    if table in _DESCRIBED_BY:
        return " ".join(str(row[column] or "") for column in _DESCRIBED_BY[table]).strip()
    for field_name in ("title", "name"):
        if field_name in row.keys():
            return str(row[field_name])
    return row_id[:8]


def shown_value(table: str, field_name: str, value: Any) -> str:
    """A conflicting value as a list shows it: personal data masked, nothing as "—"."""
    if value is None or value == "":
        return "—"
    if field_name in PERSONAL_FIELDS.get(table, ()):
        masker = privacy.mask_mobile if _is_phone(field_name) else _MASKERS[field_name]
        return masker(str(value))
    return str(value)
