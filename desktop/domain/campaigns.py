"""Campaign counts (宣传投放): warning text messages sent, warning calls made, posters put up,
WeChat posts — entered per area and date, counted in the figures of their period."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from desktop.core import clock, limits
from desktop.core.catalogue import CAMPAIGN_KINDS
from desktop.core.entities import Campaign
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError, unknown_value
from desktop.core.problems import Problems
from desktop.core.validate import parse_date
from desktop.db.database import Database
from desktop.db.records import get_record, insert_record, insert_rows, retire_record

# The stored columns of a campaign count in the order ``write_rows`` takes them (the demo's rows).
COLUMNS = ("id", "created_at", "updated_at", "device_id", "on_date", "kind", "area_id", "count",
           "notes")  # fmt: skip
MAX_COUNT = limits.CAMPAIGN_COUNT


def _count(value: Any) -> int:
    text = str(value if value is not None else "").strip().replace(",", "").replace("，", "")
    if not text.isdigit():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Enter the count as a whole number: {value}"),
            field="count",
            value=text,
        )
    number = int(text)
    if number > MAX_COUNT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{value} is more than one entry can hold; check it."),
            field="count",
            value=f"{number:,}",
        )
    return number


def add_campaign(database: Database, values: dict[str, Any], *, today: date | None = None) -> str:
    """Record one day's count of one kind in one area; returns its id."""
    today = today or clock.today()
    problems = Problems()
    on_date = problems.check(parse_date, values.get("on_date"), field="on_date")
    if on_date is not None and on_date > today + timedelta(days=1):
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation", "{value} is in the future; count what has been done."
                ),
                field="on_date",
                value=on_date.isoformat(),
            )
        )
    kind = values.get("kind")
    if kind not in CAMPAIGN_KINDS:
        problems.errors.append(unknown_value(kind, field="kind"))
    count = problems.check(_count, values.get("count"))
    area_id = values.get("area_id") or None
    if area_id is not None and get_record(database, "areas", area_id) is None:
        problems.errors.append(unknown_value(area_id, field="area"))
    if problems.errors:
        raise problems.errors[0]
    return insert_record(
        database,
        "campaigns",
        {
            "on_date": on_date.isoformat(),
            "kind": kind,
            "area_id": area_id,
            "count": count,
            "notes": str(values.get("notes") or "").strip(),
        },
        summary=f"{kind} {count}",
    )


def write_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Campaign counts made elsewhere already checked (the demo's), as tuples in ``COLUMNS``
    order, in one ``executemany`` inside the caller's transaction."""
    insert_rows(database, "campaigns", COLUMNS, rows)


def campaign(row: Any) -> Campaign:
    """A campaigns row joined with its area's name as the record the rest of the program reads."""
    return Campaign(
        id=row["id"],
        on_date=date.fromisoformat(row["on_date"]),
        kind=row["kind"],
        count=row["count"],
        area_id=row["area_id"],
        notes=row["notes"] or "",
        area_name=row["area_name"] or "",
    )


def list_campaigns(database: Database, first: date, last: date) -> list[Campaign]:
    rows = database.query(
        "SELECT c.*, a.name AS area_name FROM campaigns c"
        " LEFT JOIN areas a ON a.id = c.area_id WHERE c.deleted_at IS NULL"
        " AND c.on_date >= ? AND c.on_date <= ? ORDER BY c.on_date DESC, c.created_at DESC",
        (first.isoformat(), last.isoformat()),
    )
    return [campaign(row) for row in rows]


def remove_campaign(database: Database, campaign_id: str) -> None:
    """Take back an entry made by mistake (kept as a tombstone, like every record)."""
    retire_record(database, "campaigns", campaign_id, summary="campaign entry removed")
