"""Checks the record kinds' gateways make the same way: a code from a vocabulary, a day not
after today, a moment not in the future, and the attempts logged on a record (a person
abroad's contacts, a card seller's interviews): their moment, and their correction afterwards.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError, unknown_value
from desktop.core.formats import format_stamp
from desktop.db import audit
from desktop.db.database import Database
from desktop.db.records import update_record

FUTURE_TOLERANCE = timedelta(minutes=10)  # laptop clocks drift; an hour ahead is a typo


def choice(value: Any, allowed: Any, field: str) -> str:
    """``value`` when it is one of ``allowed`` (codes, or a vocabulary keyed by them)."""
    if value not in allowed:
        raise unknown_value(value, field=field)
    return value


def day_until(value: Any, field: str, today: date) -> date:
    """A calendar day from a date, a datetime (its station day) or text, not after ``today``."""
    # Imported here: the validation module costs a few milliseconds the window's start skips.
    from desktop.core.validate import parse_date

    if isinstance(value, datetime):
        value = clock.station_time(value).date()
    day = value if isinstance(value, date) else parse_date(value, field=field)
    if day > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{value} is in the future; check the date."),
            field=field,
            value=day.isoformat(),
        )
    return day


def not_in_future(moment: datetime, field: str, now: datetime | None = None) -> datetime:
    """``moment`` in station time (a naive one is taken as station time), unless it lies
    beyond the clock's tolerance in the future."""
    moment = clock.station_time(moment)
    if moment > (now or clock.now()) + FUTURE_TOLERANCE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{value} is in the future; check the date and time."),
            field=field,
            value=format_stamp(moment),
        )
    return moment


def attempt_moment(value: Any, listed_on: str, now: datetime, before_listing: str) -> datetime:
    """When an attempt on a listed record happened: not in the future, not before the day the
    record was listed (``before_listing`` says so, with the day as ``value`` and the listing as
    ``listed_on``)."""
    # Imported here: the validation module costs a few milliseconds the window's start skips.
    from desktop.core.validate import parse_datetime

    moment = value if isinstance(value, datetime) else parse_datetime(value, field="at")
    moment = not_in_future(moment, "at", now)
    if moment.date().isoformat() < listed_on:
        raise ValidationError(
            before_listing, field="at", value=moment.date().isoformat(), listed_on=listed_on
        )
    return moment


def correct_attempt(
    database: Database,
    table: str,
    attempt_id: str,
    *,
    listed_on: str,
    results: Any,
    before_listing: str,
    at: Any = None,
    result: str | None = None,
    notes: str | None = None,
    now: datetime | None = None,
    summary: str = "corrected",
) -> list[str]:
    """Correct a logged attempt of ``table`` afterwards — its time, result or notes — in one
    audited write; returns the fields that changed. The caller has read the attempt (live) and
    its record's listing day, ``listed_on`` (``attempt_moment``)."""
    changes: dict[str, Any] = {}
    if at is not None:
        moment = attempt_moment(at, listed_on, now or clock.now(), before_listing)
        changes["at"] = clock.stored(moment)
    if result is not None:
        changes["result"] = choice(result, results, "result")
    if notes is not None:
        changes["notes"] = notes.strip()
    with database.atomic():
        return update_record(database, table, attempt_id, changes, summary=summary)


def log_look_up(database: Database, table: str, record_ids: list[str], summary: str) -> None:
    """Write to the audit log that the officer's action found these records of ``table`` (a
    person already listed, a row of a list matched) — in a transaction of its own, so it is
    kept even when the action itself is refused and undone."""
    with database.atomic():
        audit.record_many(
            database, "search", [(table, record_id, summary) for record_id in record_ids]
        )


# The rules a record's path keeps, for a record checked whole (one from another laptop).
NOT_REACHED = QT_TRANSLATE_NOOP(
    "Validation", "The date {value} is of a step the record has not reached ({status})."
)
STEP_WITHOUT_DAY = QT_TRANSLATE_NOOP("Validation", "The record is at {status} without its date.")
STEP_BEFORE = QT_TRANSLATE_NOOP("Validation", "{value} is before the step it follows ({previous}).")


def path_problems(
    row: dict[str, Any], steps: list[tuple[str, str, bool]], status_name: str
) -> list[ValidationError]:
    """What is wrong with a record's path as stored: ``steps`` are the path's (column of the
    day, reached, is the current step) in order. A step not reached has no day, the current
    one has its day, and no day is before the day of a step before it."""
    errors: list[ValidationError] = []
    latest = row.get("listed_on") or ""
    for column, reached, current in steps:
        day = row.get(column)
        if day and not reached:
            errors.append(ValidationError(NOT_REACHED, field=column, value=day, status=status_name))
        elif current and not day:
            errors.append(ValidationError(STEP_WITHOUT_DAY, field=column, status=status_name))
        elif day and day < latest:
            errors.append(ValidationError(STEP_BEFORE, field=column, value=day, previous=latest))
        latest = max(latest, day or "")
    return errors
