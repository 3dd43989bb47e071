"""Follow-up visits (回访) after a warning is closed: scheduled, done, due and overdue.

The only module that writes follow-ups; a warning's closing, hand-over and move to another
community ask it to. Each function joins the caller's transaction or opens its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from desktop.core import clock
from desktop.core.entities import FollowUp
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError, required_text
from desktop.db.database import META_FOLLOW_UP_DAYS, Database
from desktop.db.records import get_live_record, insert_record, insert_rows, update_record

DEFAULT_FOLLOW_UP_DAYS = (1, 7)
RECHECK_DAYS = 1  # "denied – needs recheck": a revisit the next day
# The stored columns of a follow-up in the order ``write_rows`` takes them (the demo's rows).
COLUMNS = ("id", "created_at", "updated_at", "device_id", "warning_id", "due_on", "done_at",
           "result", "officer_id", "area_id")  # fmt: skip


def schedule(
    database: Database, warning: dict[str, Any], days: Iterable[int], now: datetime
) -> list[str]:
    """Follow-ups of a closed case ``days`` after ``now`` (station time), for the case's officer
    and community; returns their ids."""
    return [
        insert_record(
            database,
            "follow_ups",
            {
                "warning_id": warning["id"],
                "due_on": (clock.station_time(now).date() + timedelta(days=day)).isoformat(),
                "officer_id": warning["officer_id"],
                "area_id": warning["area_id"],
            },
            summary=f"due in {day} days",
        )
        for day in days
    ]


def write_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Follow-ups made elsewhere already checked (the demo's), as tuples in ``COLUMNS`` order,
    in one ``executemany`` inside the caller's transaction."""
    insert_rows(database, "follow_ups", COLUMNS, rows)


def complete_follow_up(
    database: Database, follow_up_id: str, *, result: str, now: datetime | None = None
) -> None:
    """Record a follow-up visit (回访) as done, with what the officer found."""
    result = required_text(
        result, QT_TRANSLATE_NOOP("Validation", "Write down what the follow-up found."), "result"
    )
    get_live_record(database, "follow_ups", follow_up_id)  # a retired one cannot be done
    update_record(
        database,
        "follow_ups",
        follow_up_id,
        {"done_at": clock.stored(now or clock.now()), "result": result},
        summary="follow-up done",
    )


def hand_over(database: Database, warning_id: str, officer_id: str | None, summary: str) -> None:
    """The case's follow-ups not yet done go to the officer who now has the case."""
    for (follow_up_id,) in database.conn.execute(
        "SELECT id FROM follow_ups WHERE warning_id = ? AND done_at IS NULL AND deleted_at IS NULL",
        (warning_id,),
    ).fetchall():
        update_record(
            database, "follow_ups", follow_up_id, {"officer_id": officer_id}, summary=summary
        )


def move_to_area(database: Database, resident_id: str, area_id: str | None) -> None:
    """A resident's follow-ups count for the community they now live in."""
    database.execute(
        "UPDATE follow_ups SET area_id = ? WHERE warning_id IN"
        " (SELECT id FROM warnings WHERE resident_id = ?) AND area_id IS NOT ?",
        (area_id, resident_id, area_id),
    )


def take_area_of_warnings(database: Database, warning_ids: Sequence[str]) -> None:
    """These warnings' follow-ups count where their warning does (after a merge worked the
    warnings' community out again)."""
    marks = ", ".join("?" * len(warning_ids))
    database.execute(
        "UPDATE follow_ups SET area_id = (SELECT w.area_id FROM warnings w"
        f" WHERE w.id = follow_ups.warning_id) WHERE warning_id IN ({marks})",
        tuple(warning_ids),
    )


def _follow_up(row: Any) -> FollowUp:
    return FollowUp(
        id=row["id"],
        warning_id=row["warning_id"],
        due_on=date.fromisoformat(row["due_on"]),
        done_at=datetime.fromisoformat(row["done_at"]) if row["done_at"] else None,
        result=row["result"] or "",
        officer_id=row["officer_id"],
        resident_name=row["resident_name"] if "resident_name" in row.keys() else "",
        mobile=(row["mobile"] or "") if "mobile" in row.keys() else "",
    )


def get_follow_up(database: Database, follow_up_id: str) -> FollowUp | None:
    """One follow-up, None when there is none or it was retired."""
    row = database.execute(
        "SELECT * FROM follow_ups WHERE id = ? AND deleted_at IS NULL", (follow_up_id,)
    ).fetchone()
    return None if row is None else _follow_up(row)


def follow_ups_of(database: Database, warning_id: str) -> list[FollowUp]:
    """A case's follow-ups, earliest due first."""
    rows = database.query(
        "SELECT * FROM follow_ups WHERE warning_id = ? AND deleted_at IS NULL ORDER BY due_on",
        (warning_id,),
    )
    return [_follow_up(row) for row in rows]


# The follow-ups not yet done, read from the index of the open ones: SQLite would otherwise
# take the index by day of every follow-up ever made (a city's 785,000, 50 ms to count those
# due), not knowing how few are still open. That index holds the open ones alone (24,000), by
# day and id, which is how they are listed: a count (12,000 due) is read from it without the
# table (8 → 1 ms), a list takes its first rows without sorting the day's 3,900 (5 → 0.3 ms),
# and only the rows kept are read whole and meet their residents.
_OPEN = (
    "SELECT * FROM follow_ups INDEXED BY follow_ups_due"
    " WHERE done_at IS NULL AND deleted_at IS NULL"
)


def due_follow_ups(database: Database, today: date, *, limit: int | None = None) -> list[FollowUp]:
    """Follow-ups not yet done that are due today or overdue, oldest first, with the resident
    they are for (personal data in full: mask when shown)."""
    rows = database.query(
        f"SELECT f.*, r.name AS resident_name, r.mobile FROM ({_OPEN} AND due_on <= ?"
        " ORDER BY due_on, id LIMIT ?) AS f"
        " JOIN warnings w ON w.id = f.warning_id JOIN residents r ON r.id = w.resident_id"
        " ORDER BY f.due_on, f.id",
        (today.isoformat(), -1 if limit is None else limit),
    )
    return [_follow_up(row) for row in rows]


def follow_ups_due_on(database: Database, day: date, *, limit: int) -> list[FollowUp]:
    """Follow-ups not yet done that fall due on ``day`` itself (Today lists them before the
    overdue ones), with the resident they are for (personal data in full: mask when shown)."""
    rows = database.query(
        f"SELECT f.*, r.name AS resident_name, r.mobile FROM ({_OPEN} AND due_on = ?"
        " ORDER BY id LIMIT ?) AS f"
        " JOIN warnings w ON w.id = f.warning_id JOIN residents r ON r.id = w.resident_id"
        " ORDER BY f.id",
        (day.isoformat(), limit),
    )
    return [_follow_up(row) for row in rows]


def count_due_follow_ups(database: Database, today: date) -> int:
    """Follow-ups not yet done due on ``today`` or before."""
    return database.execute(
        f"SELECT count(*) FROM ({_OPEN} AND due_on <= ?)",
        (today.isoformat(),),
    ).fetchone()[0]


def follow_up_days_of(database: Database) -> tuple[int, ...]:
    """Days after a dissuasion when follow-ups fall due (Settings), else +1 and +7."""
    stored = database.get_meta(META_FOLLOW_UP_DAYS) or ""
    days = tuple(int(part) for part in stored.split(",") if part.strip().isdigit())
    return days or DEFAULT_FOLLOW_UP_DAYS


def set_follow_up_days(database: Database, text: str) -> tuple[int, ...]:
    """Save the follow-up days from text such as "1, 7, 30"; returns them."""
    parts = [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]
    if not parts or not all(p.isdigit() and 1 <= int(p) <= 365 for p in parts):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Give the follow-up days as whole numbers from 1 to 365, separated by commas.",
            ),
            field="follow_up_days",
            value=text,
        )
    days = tuple(sorted({int(part) for part in parts}))
    database.set_meta(META_FOLLOW_UP_DAYS, ",".join(map(str, days)))
    return days
