"""Officers (民警, 辅警, 网格员): checked, added, edited, restored and listed — the only module that
writes them (forms, the officer list import and the demo alike)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.core.catalogue import OFFICER_ROLES
from desktop.core.entities import Officer
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.problems import Problems
from desktop.db.database import META_CURRENT_OFFICER, Database
from desktop.db.records import (
    get_record,
    insert_record,
    insert_rows,
    restore_record,
    update_record,
)
from desktop.domain.areas import clean_name, clean_phone

# The stored columns of an officer in the order ``write_rows`` takes them (the demo's rows).
COLUMNS = ("id", "created_at", "updated_at", "device_id", "name", "badge_number", "unit", "role",
           "phone", "area_id")  # fmt: skip


def check_officer(values: dict[str, Any]) -> tuple[dict[str, Any], list[ValidationError]]:
    """Officer fields ready to store, and every problem found in them (each names its field)."""
    problems = Problems()
    role = values.get("role") or "officer"
    if role not in OFFICER_ROLES:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation", "Unknown role {value}: use officer, auxiliary or grid worker."
                ),
                field="role",
                value=role,
            )
        )
    badge = str(values.get("badge_number") or "").strip()
    if badge and not badge.isalnum():
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation", "The badge number {value} may hold only letters and digits."
                ),
                field="badge_number",
                value=badge,
            )
        )
    clean = {
        "name": problems.check(clean_name, values.get("name"), "name"),
        "badge_number": badge or None,
        "unit": str(values.get("unit") or "").strip(),
        "role": role,
        "phone": problems.check(clean_phone, values.get("phone")),
        "area_id": values.get("area_id") or None,
    }
    return clean, problems.errors


def officer_on_record(database: Database, officer_id: str | None, field: str) -> str | None:
    """``officer_id`` when it names a current (not retired) officer (None when not given): the
    check of the officer a record names, under ``field``."""
    if not officer_id:
        return None
    officer = get_record(database, "officers", officer_id)
    if officer is None or officer["deleted_at"]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Choose a current officer."), field=field
        )
    return officer_id


def clean_officer(values: dict[str, Any]) -> dict[str, Any]:
    """Validated officer fields, ready to store; raises the first ValidationError."""
    clean, errors = check_officer(values)
    if errors:
        raise errors[0]
    return clean


def _check_badge_unique(database: Database, badge: str | None, own_id: str | None) -> None:
    if not badge:
        return
    row = database.execute(
        "SELECT id FROM officers WHERE badge_number = ? AND deleted_at IS NULL", (badge,)
    ).fetchone()
    if row is not None and row["id"] != own_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Another officer already has badge number {value}."),
            field="badge_number",
            value=badge,
        )


def restore_officer(database: Database, officer_id: str) -> None:
    """Bring a retired officer back, unless another live officer now has the badge number."""
    with database.atomic():
        record = get_officer(database, officer_id)
        if record is None:
            raise KeyError(officer_id)
        _check_badge_unique(database, record.badge_number, officer_id)
        restore_record(database, "officers", officer_id, summary=record.name)


def add_officer(database: Database, values: dict[str, Any]) -> str:
    clean = clean_officer(values)
    with database.atomic():
        _check_badge_unique(database, clean["badge_number"], None)
        return insert_record(database, "officers", clean, summary=clean["name"])


def write_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Officers made elsewhere already checked, badge numbers unique among them (the demo's), as
    tuples in ``COLUMNS`` order, in one ``executemany`` inside the caller's transaction."""
    insert_rows(database, "officers", COLUMNS, rows)


def edit_officer(database: Database, officer_id: str, values: dict[str, Any]) -> list[str]:
    clean = clean_officer(values)
    with database.atomic():
        _check_badge_unique(database, clean["badge_number"], officer_id)
        return update_record(database, "officers", officer_id, clean, summary=clean["name"])


_SELECT = "SELECT o.*, a.name AS area_name FROM officers o LEFT JOIN areas a ON a.id = o.area_id"


def officer(row: Any) -> Officer:
    """An officers row joined with its area's name as the record the rest of the program reads."""
    return Officer(
        id=row["id"],
        name=row["name"],
        badge_number=row["badge_number"] or "",
        unit=row["unit"] or "",
        role=row["role"],
        phone=row["phone"] or "",
        area_id=row["area_id"],
        area_name=row["area_name"] or "",
        retired=bool(row["deleted_at"]),
    )


def get_officer(database: Database, officer_id: str) -> Officer | None:
    """One officer, retired ones too (``retired`` says so: they can be restored); None when
    there is none."""
    row = database.execute(f"{_SELECT} WHERE o.id = ?", (officer_id,)).fetchone()
    return None if row is None else officer(row)


def list_officers(database: Database, *, include_retired: bool = False) -> list[Officer]:
    where = "" if include_retired else " WHERE o.deleted_at IS NULL"
    return [officer(row) for row in database.query(f"{_SELECT}{where} ORDER BY o.unit, o.name")]


def current_officer(database: Database) -> str | None:
    """The officer using this laptop (Settings), when still on record and not retired: the one
    a new warning goes to unless another is chosen."""
    officer_id = database.get_meta(META_CURRENT_OFFICER)
    if not officer_id:
        return None
    return database.scalar(
        "SELECT id FROM officers WHERE id = ? AND deleted_at IS NULL", (officer_id,)
    )
