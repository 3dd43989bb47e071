"""Partner organisations (schools, enterprises, bank outlets): checked, added, edited and listed —
the only module that writes them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.core.catalogue import PARTNER_KINDS
from desktop.core.entities import Partner
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.db.database import Database
from desktop.db.records import insert_record, insert_rows, update_record
from desktop.domain.areas import clean_name, clean_phone

# The stored columns of a partner in the order ``write_rows`` takes them (the demo's rows).
COLUMNS = ("id", "created_at", "updated_at", "device_id", "name", "kind", "area_id",
           "contact_name", "phone", "address")  # fmt: skip


def clean_partner(values: dict[str, Any]) -> dict[str, Any]:
    kind = values.get("kind") or "other"
    if kind not in PARTNER_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Unknown kind of partner: {value}"),
            field="kind",
            value=kind,
        )
    return {
        "name": clean_name(values.get("name"), "name"),
        "kind": kind,
        "area_id": values.get("area_id") or None,
        "contact_name": str(values.get("contact_name") or "").strip(),
        "phone": clean_phone(values.get("phone")),
        "address": str(values.get("address") or "").strip(),
    }


def add_partner(database: Database, values: dict[str, Any]) -> str:
    clean = clean_partner(values)
    return insert_record(database, "partners", clean, summary=clean["name"])


def write_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Partners made elsewhere already checked (the demo's), as tuples in ``COLUMNS`` order, in
    one ``executemany`` inside the caller's transaction."""
    insert_rows(database, "partners", COLUMNS, rows)


def edit_partner(database: Database, partner_id: str, values: dict[str, Any]) -> list[str]:
    clean = clean_partner(values)
    return update_record(database, "partners", partner_id, clean, summary=clean["name"])


_SELECT = "SELECT p.*, a.name AS area_name FROM partners p LEFT JOIN areas a ON a.id = p.area_id"


def partner(row: Any) -> Partner:
    """A partners row joined with its area's name as the record the rest of the program reads."""
    return Partner(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        area_id=row["area_id"],
        contact_name=row["contact_name"] or "",
        phone=row["phone"] or "",
        address=row["address"] or "",
        area_name=row["area_name"] or "",
        retired=bool(row["deleted_at"]),
    )


def get_partner(database: Database, partner_id: str) -> Partner | None:
    """One partner, retired ones too (``retired`` says so: they can be restored); None when
    there is none."""
    row = database.execute(f"{_SELECT} WHERE p.id = ?", (partner_id,)).fetchone()
    return None if row is None else partner(row)


def list_partners(database: Database, *, include_retired: bool = False) -> list[Partner]:
    where = "" if include_retired else " WHERE p.deleted_at IS NULL"
    return [partner(row) for row in database.query(f"{_SELECT}{where} ORDER BY p.kind, p.name")]
