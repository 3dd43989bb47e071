"""The jurisdiction tree (county > township > community), and the checks of a name, a code and a
phone number that officers and partners share (``domain.officers``, ``domain.partners``).

Validation lives here because it needs the database (a township needs a live county as its
parent; names are unique among live siblings). Every function is one user action: it opens its
own transaction, or joins the caller's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.catalogue import AREA_LEVELS, PARENT_LEVEL
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.db.database import Database
from desktop.db.records import (
    get_record,
    insert_record,
    insert_rows,
    restore_record,
    retire_record,
    update_record,
)

# The stored columns of an area in the order ``write_rows`` takes them (the demo's rows).
COLUMNS = ("id", "created_at", "updated_at", "device_id", "parent_id", "level", "name", "code",
           "households")  # fmt: skip


@dataclass(frozen=True)
class AreaNode:
    id: str
    parent_id: str | None
    level: str
    name: str
    code: str
    retired: bool


def list_areas(database: Database, *, include_retired: bool = False) -> list[AreaNode]:
    """All areas ordered so that every parent comes before its children."""
    where = "" if include_retired else "WHERE deleted_at IS NULL"
    rows = database.query(
        f"SELECT id, parent_id, level, name, code, deleted_at FROM areas {where} "
        "ORDER BY CASE level WHEN 'county' THEN 0 WHEN 'township' THEN 1 ELSE 2 END, "
        "code IS NULL, code, name"
    )
    return [
        AreaNode(
            r["id"], r["parent_id"], r["level"], r["name"], r["code"] or "", bool(r["deleted_at"])
        )
        for r in rows
    ]


def area_path(database: Database, area_id: str) -> list[str]:
    """Names from the county down to ``area_id`` (three levels at most: a tree edited outside
    the program may loop, and the walks here must end all the same — hence also UNION, not
    UNION ALL, in the walks down)."""
    rows = database.query(
        "WITH RECURSIVE up(id, parent_id, name, depth) AS ("
        " SELECT id, parent_id, name, 0 FROM areas WHERE id = ?"
        " UNION ALL SELECT a.id, a.parent_id, a.name, up.depth + 1"
        " FROM areas a JOIN up ON a.id = up.parent_id WHERE up.depth < 3)"
        " SELECT name FROM up ORDER BY depth DESC",
        (area_id,),
    )
    return [row["name"] for row in rows]


@dataclass(frozen=True)
class AreaSummary:
    """What sits in an area; everything but ``children`` counts the whole subtree."""

    children: int
    officers: int
    partners: int
    residents: int
    talks: int


def area_summary(database: Database, area_id: str) -> AreaSummary:
    row = database.execute(
        "WITH RECURSIVE subtree(id) AS ("
        " SELECT :id UNION"
        " SELECT a.id FROM areas a JOIN subtree s ON a.parent_id = s.id"
        " WHERE a.deleted_at IS NULL)"
        " SELECT"
        " (SELECT count(*) FROM areas WHERE parent_id = :id AND deleted_at IS NULL),"
        " (SELECT count(*) FROM officers WHERE area_id IN subtree AND deleted_at IS NULL),"
        " (SELECT count(*) FROM partners WHERE area_id IN subtree AND deleted_at IS NULL),"
        " (SELECT count(*) FROM residents WHERE area_id IN subtree AND deleted_at IS NULL),"
        " (SELECT count(*) FROM talks WHERE area_id IN subtree AND deleted_at IS NULL)",
        {"id": area_id},
    ).fetchone()
    return AreaSummary(*row)


def subtree_ids(database: Database, area_id: str) -> list[str]:
    """``area_id`` and every live area below it."""
    rows = database.query(
        "WITH RECURSIVE subtree(id) AS (SELECT ? UNION"
        " SELECT a.id FROM areas a JOIN subtree s ON a.parent_id = s.id"
        " WHERE a.deleted_at IS NULL) SELECT id FROM subtree",
        (area_id,),
    )
    return [row["id"] for row in rows]


def area_on_record(database: Database, area_id: str | None, field: str) -> str | None:
    """``area_id`` when it names a live area (None when not given): the check of a record's
    area, named after ``field``, before the database's own refusal of an unknown one."""
    if not area_id:
        return None
    area = get_record(database, "areas", area_id)
    if area is None or area["deleted_at"]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Choose an area on record."), field=field
        )
    return area_id


def clean_name(value: Any, field: str) -> str:
    """A name of a place, person or organisation: present, short, and not a formula."""
    name = str(value or "").strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "A name is required."), field=field)
    if len(name) > 60:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "The name is too long (at most 60 characters)."),
            field=field,
        )
    if name[0] in "=+@-":
        # Spreadsheet formulas (and text that a spreadsheet would run as one when exported).
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation", "{value} looks like a spreadsheet formula, not a name."
            ),
            field=field,
            value=name,
        )
    return name


def clean_code(value: Any, field: str = "code") -> str | None:
    """An administrative area code: digits only (GB/T 2260 and its township extensions)."""
    code = str(value or "").strip()
    if code and (not code.isdigit() or len(code) > 15):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "The area code {value} must be digits only."),
            field=field,
            value=code,
        )
    return code or None


def _check_parent(database: Database, level: str, parent_id: str | None) -> None:
    if level not in AREA_LEVELS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Unknown area level: {value}"),
            field="level",
            value=level,
        )
    expected = PARENT_LEVEL[level]
    if expected is None:
        if parent_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Validation", "A county cannot sit inside another area."),
                field="parent",
            )
        return
    parent = get_record(database, "areas", parent_id) if parent_id else None
    if parent is None or parent["deleted_at"] or parent["level"] != expected:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation", "A township belongs to a county, a community to a township."
            ),
            field="parent",
        )


def find_child(database: Database, parent_id: str | None, name: str) -> str | None:
    """The live area called ``name`` directly under ``parent_id`` (or a county when None)."""
    row = database.execute(
        "SELECT id FROM areas WHERE name = ? AND deleted_at IS NULL AND parent_id IS ?",
        (name, parent_id),
    ).fetchone()
    return None if row is None else row["id"]


def _check_unique(
    database: Database, parent_id: str | None, name: str, own_id: str | None = None
) -> None:
    existing = find_child(database, parent_id, name)
    if existing and existing != own_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{value} already exists at this place in the tree."),
            field="name",
            value=name,
        )


def add_area(
    database: Database, *, name: str, level: str, parent_id: str | None = None, code: str = ""
) -> str:
    name = clean_name(name, "name")
    with database.atomic():
        _check_parent(database, level, parent_id)
        _check_unique(database, parent_id, name)
        return insert_record(
            database,
            "areas",
            {"name": name, "level": level, "parent_id": parent_id, "code": clean_code(code)},
            summary=name,
        )


def write_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Areas made elsewhere already checked, parents before their children (the demo's), as
    tuples in ``COLUMNS`` order, in one ``executemany`` inside the caller's transaction."""
    insert_rows(database, "areas", COLUMNS, rows)


def edit_area(database: Database, area_id: str, *, name: str, code: str = "") -> list[str]:
    name = clean_name(name, "name")
    with database.atomic():
        current = get_record(database, "areas", area_id)
        if current is None:
            raise KeyError(area_id)
        _check_unique(database, current["parent_id"], name, own_id=area_id)
        return update_record(
            database, "areas", area_id, {"name": name, "code": clean_code(code)}, summary=name
        )


def live_children(database: Database, area_id: str) -> int:
    return database.scalar(
        "SELECT count(*) FROM areas WHERE parent_id = ? AND deleted_at IS NULL", (area_id,)
    )


def retire_area(database: Database, area_id: str) -> None:
    """Tombstone an area; refused while live areas sit under it, so no branch is orphaned."""
    with database.atomic():
        if live_children(database, area_id):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation", "Retire the areas under this one first; nothing was changed."
                ),
                field="parent",
            )
        retire_record(
            database, "areas", area_id, summary=get_record(database, "areas", area_id)["name"]
        )


def restore_area(database: Database, area_id: str) -> None:
    """Bring a retired area back; its parent must be live and its name still free."""
    with database.atomic():
        current = get_record(database, "areas", area_id)
        if current is None:
            raise KeyError(area_id)
        _check_parent(database, current["level"], current["parent_id"])
        _check_unique(database, current["parent_id"], current["name"], own_id=area_id)
        restore_record(database, "areas", area_id, summary=current["name"])


def clean_phone(value: Any) -> str | None:
    """A phone number as stored (officers' and partners'), None when none is given."""
    # Imported here: the validation module costs a few milliseconds the window's start skips.
    from desktop.core.validate import normalize_phone

    return normalize_phone(value, field="phone").number if value else None
