"""Warnings and dissuasion (预警劝阻): intake, contact attempts, closing with an outcome,
follow-ups. Each function is one user action and one transaction, written to the audit log.

Minutes count, so intake needs only what arrives by phone: when, from where, how urgent, and
the resident's name and mobile. Everything else can follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as date_type
from datetime import datetime, timedelta
from typing import Any

from desktop.core import clock
from desktop.core.catalogue import FRAUD_TYPES, WARNING_LEVELS, WARNING_SOURCES
from desktop.core.catalogue import OUTCOMES as OUTCOME_NAMES
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError, unknown_value
from desktop.core.formats import format_stamp
from desktop.core.privacy import reveal_reason
from desktop.core.problems import Problems
from desktop.db.database import (
    META_CURRENT_OFFICER,
    META_FOLLOW_UP_DAYS,
    META_STATION_NAME,
    Database,
)
from desktop.db.records import get_record, insert_record, update_record
from desktop.domain import residents as resident_store

SOURCES = tuple(WARNING_SOURCES)
LEVELS = tuple(WARNING_LEVELS)
OUTCOMES = tuple(OUTCOME_NAMES)
# Which results each way of contact can have (the one-click buttons of the case view).
RESULTS_BY_METHOD = {
    "phone": ("busy", "no_answer", "reached", "refused"),
    "visit": ("met", "not_home", "refused"),
    "family": ("contacted", "no_answer", "refused"),
    "village_cadre": ("contacted", "no_answer"),
    "sms": ("sent",),
    "bank": ("contacted",),
}
FUTURE_TOLERANCE = timedelta(minutes=10)  # laptop clocks drift; an hour ahead is a typo
DEFAULT_FOLLOW_UP_DAYS = (1, 7)
RECHECK_DAYS = 1


def _now() -> datetime:
    return clock.now()


def _moment(value: Any, field: str, now: datetime) -> datetime:
    from desktop.core.validate import parse_datetime

    moment = value if isinstance(value, datetime) else parse_datetime(value, field=field)
    return not_in_future(moment, field, now)


def not_in_future(moment: datetime, field: str, now: datetime | None = None) -> datetime:
    """``moment`` in station time (a naive one is taken as station time), unless it lies
    beyond the clock's tolerance in the future."""
    moment = clock.station_time(moment)
    if moment > (now or _now()) + FUTURE_TOLERANCE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{value} is in the future; check the date and time."),
            field=field,
            value=format_stamp(moment),
        )
    return moment


def _choice(value: Any, allowed: tuple[str, ...] | dict, field: str) -> str:
    if value not in allowed:
        raise unknown_value(value, field=field)
    return value


def _live(database: Database, table: str, record_id: str) -> dict[str, Any]:
    """The record, unless it does not exist or was retired (a caller's mistake: KeyError)."""
    record = get_record(database, table, record_id)
    if record is None or record["deleted_at"]:
        raise KeyError(record_id)
    return record


def _required_text(value: str | None, template: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(template, field=field)
    return text


def intake(
    database: Database,
    values: dict[str, Any],
    *,
    resident_id: str | None = None,
    now: datetime | None = None,
) -> str:
    """Record a new warning; returns its id.

    ``resident_id`` links it to a resident already on record (one of ``find_matches``); without
    it a new resident is created from the name, mobile and the optional ID number and address.
    """
    from desktop.core.validate import parse_amount_fen

    now = now or _now()
    problems = Problems()
    received_at = problems.check(_moment, values.get("received_at") or now, "received_at", now)
    source = problems.check(_choice, values.get("source"), SOURCES, "source")
    level = problems.check(_choice, values.get("level"), LEVELS, "level")
    fraud_type = values.get("fraud_type") or ""
    if fraud_type:
        problems.check(_choice, fraud_type, FRAUD_TYPES, "fraud_type")
    amount = values.get("amount_at_risk")
    amount_at_risk = (
        problems.check(parse_amount_fen, amount, field="amount_at_risk")
        if str(amount or "").strip()
        else None
    )
    resident, resident_errors = resident_store.check_resident(values)
    if resident_id is not None and get_record(database, "residents", resident_id) is None:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "The chosen resident is not on record."),
                field="resident",
            )
        )
    errors = problems.errors + ([] if resident_id else resident_errors)
    if errors:
        raise errors[0]
    with database.atomic():
        if resident_id is None:
            resident_id = insert_record(
                database, "residents", {**resident, "tags": "[]"}, summary="resident"
            )
        warning_id = insert_record(
            database,
            "warnings",
            {
                "reference_number": str(values.get("reference_number") or "").strip() or None,
                "source": source,
                "level": level,
                "received_at": clock.stored(received_at),
                "resident_id": resident_id,
                "fraud_type": fraud_type,
                "officer_id": values.get("officer_id") or None,
                "status": "new",
                "amount_at_risk": amount_at_risk,
                "area_id": database.scalar(
                    "SELECT area_id FROM residents WHERE id = ?", (resident_id,)
                ),
            },
            summary=f"{source} {level}",
        )
        resident_store.refresh_high_risk(database, resident_id, now)
    return warning_id


def record_contact(
    database: Database,
    warning_id: str,
    *,
    method: str,
    result: str,
    at: datetime | None = None,
    officer_id: str | None = None,
    notes: str = "",
    now: datetime | None = None,
) -> str:
    """Log one attempt (stamped now unless given); the case is in progress from the first."""
    now = now or _now()
    warning = _live(database, "warnings", warning_id)
    _choice(method, RESULTS_BY_METHOD, "method")
    _choice(result, RESULTS_BY_METHOD[method], "result")
    moment = _moment(at or now, "at", now)
    if moment < datetime.fromisoformat(warning["received_at"]):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "A contact cannot come before the warning arrived."),
            field="at",
        )
    with database.atomic():
        contact_id = insert_record(
            database,
            "contacts",
            {
                "warning_id": warning_id,
                "at": clock.stored(moment),
                "method": method,
                "result": result,
                "officer_id": officer_id,
                "notes": notes.strip(),
            },
            summary=f"{method}: {result}",
        )
        if warning["status"] == "new":
            update_record(database, "warnings", warning_id, {"status": "in_progress"})
        refresh_contact_summary(database, warning_id)
    return contact_id


def contact_summary(received_at: str, contacts: list[tuple[str, str, str]]) -> dict[str, Any]:
    """What a warning's statistics need from its attempts ``(at, method, result)``: how many,
    and the minutes from receipt to the first attempt and to the first meeting at the door."""
    received = datetime.fromisoformat(received_at)

    def minutes(moments: list[str]) -> int | None:
        if not moments:
            return None
        return round((datetime.fromisoformat(min(moments)) - received).total_seconds() / 60)

    return {
        "contact_count": len(contacts),
        "first_contact_minutes": minutes([at for at, _method, _result in contacts]),
        "first_visit_minutes": minutes(
            [at for at, method, result in contacts if (method, result) == ("visit", "met")]
        ),
    }


def refresh_contact_summary(database: Database, warning_id: str) -> None:
    """Keep the warning's summary of its attempts in step (call after writing contacts)."""
    received_at = database.scalar("SELECT received_at FROM warnings WHERE id = ?", (warning_id,))
    contacts = [
        (row["at"], row["method"], row["result"])
        for row in database.query(
            "SELECT at, method, result FROM contacts WHERE warning_id = ? AND deleted_at IS NULL",
            (warning_id,),
        )
    ]
    summary = contact_summary(received_at, contacts)
    database.execute(
        "UPDATE warnings SET contact_count = ?, first_contact_minutes = ?,"
        " first_visit_minutes = ? WHERE id = ?",
        (*summary.values(), warning_id),
    )


def close_warning(
    database: Database,
    warning_id: str,
    *,
    outcome: str | None,
    amount_protected: Any = None,
    amount_lost: Any = None,
    stop_payment_amount: Any = None,
    stop_payment_requested: bool = False,
    bank_partner_id: str | None = None,
    lost_before_warning: bool = False,
    follow_up_days: tuple[int, ...] | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Close a case with its outcome and money; returns the follow-ups it scheduled.

    A dissuaded case gets follow-up visits (回访) after ``follow_up_days`` (the station's
    setting unless given); "denied – needs recheck" gets a revisit the next day and stays open.
    A stop-payment amount implies the stop-payment (止付) was asked for. ``lost_before_warning``
    marks a defrauded case whose money had gone before the warning arrived: it does not break
    the zero-loss streak.
    """
    from desktop.core.validate import parse_amount_fen

    now = now or _now()
    if not outcome:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Choose the outcome before closing the case."),
            field="outcome",
        )
    _choice(outcome, OUTCOMES, "outcome")
    problems = Problems()
    money = {}
    for field, value in (
        ("amount_protected", amount_protected),
        ("amount_lost", amount_lost),
        ("stop_payment_amount", stop_payment_amount),
    ):
        money[field] = (
            problems.check(parse_amount_fen, value, field=field)
            if str(value or "").strip()
            else None
        )
    if outcome == "defrauded" and not money["amount_lost"]:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "Enter the amount lost for a defrauded case."),
                field="amount_lost",
            )
        )
    if bank_partner_id:
        bank = get_record(database, "partners", bank_partner_id)
        if bank is None or bank["deleted_at"] or bank["kind"] != "bank_outlet":
            problems.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("Validation", "Choose a bank outlet on record."),
                    field="bank_partner_id",
                )
            )
    if problems.errors:
        raise problems.errors[0]
    warning = _live(database, "warnings", warning_id)
    if follow_up_days is None:
        follow_up_days = follow_up_days_of(database)
    still_open = outcome == "denied_recheck"
    with database.atomic():
        update_record(
            database,
            "warnings",
            warning_id,
            {
                "outcome": outcome,
                "status": "in_progress" if still_open else "closed",
                "closed_at": None if still_open else clock.stored(now),
                "stop_payment_requested": int(
                    bool(stop_payment_requested or money["stop_payment_amount"])
                ),
                "bank_partner_id": bank_partner_id or None,
                "lost_before_warning": int(bool(lost_before_warning) and outcome == "defrauded"),
                **money,
            },
            summary=f"outcome: {outcome}",
        )
        days = follow_up_days if outcome == "dissuaded" else (RECHECK_DAYS,) if still_open else ()
        return [
            insert_record(
                database,
                "follow_ups",
                {
                    "warning_id": warning_id,
                    "due_on": (clock.station_time(now).date() + timedelta(days=day)).isoformat(),
                    "officer_id": warning["officer_id"],
                    "area_id": warning["area_id"],
                },
                summary=f"due in {day} days",
            )
            for day in days
        ]


def is_defrauded_after_warning(warning: dict[str, Any]) -> bool:
    """预警后被骗: closed as defrauded, and the money went after the warning had arrived."""
    return (
        warning["outcome"] == "defrauded"
        and warning["status"] == "closed"
        and not warning["lost_before_warning"]
    )


@dataclass(frozen=True)
class QueueItem:
    """An open warning as the queue shows it (personal data still in full: mask when shown)."""

    id: str
    received_at: datetime
    level: str
    source: str
    status: str
    fraud_type: str
    resident_name: str
    mobile: str
    officer_name: str
    first_contact_at: datetime | None
    contacts: int
    visited: bool = False  # an officer met the resident in person (the visit time limit)
    outcome: str = ""
    station: str = ""  # another station's name when the case was handed there


VIEWS = ("open", "closed", "transferred", "all")
_LEVEL_RANK = "(CASE w.level WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END)"
_OPEN = "w.status IN ('new', 'in_progress')"


@dataclass(frozen=True)
class WarningFilter:
    """Which warnings a list shows.

    ``open``: this station's open cases, most urgent first (level, then the longest waiting);
    ``closed``, ``transferred`` (handed to other stations, still open) and ``all``: newest
    first. ``level`` and ``source`` narrow any view.
    """

    view: str = "open"
    level: str | None = None
    source: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["w.deleted_at IS NULL"], []
        if self.view == "open":
            clauses += [_OPEN, "w.station = ''"]
        elif self.view == "closed":
            clauses.append("w.status = 'closed'")
        elif self.view == "transferred":
            clauses += [_OPEN, "w.station != ''"]
        if self.level:
            clauses.append("w.level = ?")
            params.append(self.level)
        if self.source:
            clauses.append("w.source = ?")
            params.append(self.source)
        return " AND ".join(clauses), params


# Each view reads the index that hands its rows over in (or near) list order: with a filter on
# a column that other indexes lead with, the planner would otherwise pick those and sort a
# sixth of a million rows for one page.
_LIST_INDEX = {
    "open": "warnings_open",
    "closed": "warnings_status_received",
    "transferred": "warnings_open",
    "all": "warnings_received",
}
# A page's position: the sort key of its last row (keyset paging, never OFFSET).
PageKey = tuple[Any, ...]


def list_warnings(
    database: Database,
    which: WarningFilter = WarningFilter(),
    *,
    after: PageKey | None = None,
    limit: int = 200,
) -> tuple[list[QueueItem], PageKey | None]:
    """One page of warnings in the filter's order, and the key to ask for the next page
    (None after the last). Each page costs the same however deep into a million rows it is."""
    where, params = which.where()
    if which.view == "open":
        key_columns = f"{_LEVEL_RANK}, w.received_at, w.id"
        order = f"{_LEVEL_RANK}, w.received_at, w.id"
        compare = ">"
    else:
        key_columns = "w.received_at, w.id"
        order = "w.received_at DESC, w.id DESC"
        compare = "<"
    if after is not None:
        where += f" AND ({key_columns}) {compare} ({', '.join('?' * len(after))})"
        params += list(after)
    rows = database.query(
        "SELECT w.id, w.received_at, w.level, w.source, w.status, w.fraud_type, w.outcome,"
        f" w.station, {_LEVEL_RANK} AS rank,"
        " r.name AS resident_name, r.mobile, coalesce(o.name, '') AS officer_name,"
        # The warning's own summary of its attempts (kept by the code that writes contacts):
        # no subquery per row.
        " w.first_contact_minutes, w.contact_count AS contacts,"
        " w.first_visit_minutes IS NOT NULL AS visited"
        f" FROM warnings w INDEXED BY {_LIST_INDEX[which.view]}"
        " JOIN residents r ON r.id = w.resident_id"
        " LEFT JOIN officers o ON o.id = w.officer_id"
        f" WHERE {where} ORDER BY {order} LIMIT ?",
        (*params, limit),
    )
    items = [_queue_item(row) for row in rows]
    if len(rows) < limit:
        return items, None
    last = rows[-1]
    key = (
        (last["rank"], last["received_at"], last["id"])
        if which.view == "open"
        else (last["received_at"], last["id"])
    )
    return items, key


def _queue_item(row: Any) -> QueueItem:
    received = datetime.fromisoformat(row["received_at"])
    return QueueItem(
        id=row["id"],
        received_at=received,
        level=row["level"],
        source=row["source"],
        status=row["status"],
        fraud_type=row["fraud_type"],
        resident_name=row["resident_name"],
        mobile=row["mobile"] or "",
        officer_name=row["officer_name"],
        first_contact_at=(
            None
            if row["first_contact_minutes"] is None
            else received + timedelta(minutes=row["first_contact_minutes"])
        ),
        contacts=row["contacts"],
        outcome=row["outcome"] or "",
        station=row["station"],
        visited=bool(row["visited"]),
    )


def count_warnings(database: Database, which: WarningFilter) -> int:
    where, params = which.where()
    return database.execute(f"SELECT count(*) FROM warnings w WHERE {where}", params).fetchone()[0]


def open_queue(database: Database, which: WarningFilter = WarningFilter()) -> list[QueueItem]:
    """Every open warning of the filter, most urgent first (a station has hundreds, not
    millions: the late count and the clocks need them all)."""
    items: list[QueueItem] = []
    key = None
    while True:
        page, key = list_warnings(
            database, WarningFilter("open", which.level, which.source), after=key, limit=5000
        )
        items += page
        if key is None:
            return items


def contact_timeline(database: Database, warning_id: str) -> list[dict[str, Any]]:
    rows = database.query(
        "SELECT c.*, coalesce(o.name, '') AS officer_name FROM contacts c"
        " LEFT JOIN officers o ON o.id = c.officer_id"
        " WHERE c.warning_id = ? AND c.deleted_at IS NULL ORDER BY c.at, c.created_at",
        (warning_id,),
    )
    return [dict(row) for row in rows]


def follow_ups_of(database: Database, warning_id: str) -> list[dict[str, Any]]:
    rows = database.query(
        "SELECT * FROM follow_ups WHERE warning_id = ? AND deleted_at IS NULL ORDER BY due_on",
        (warning_id,),
    )
    return [dict(row) for row in rows]


FIRST_WARNING_SQL = (
    "SELECT w.received_at FROM warnings w{join} WHERE {where} ORDER BY w.received_at LIMIT 1"
)
LAST_LOSS_SQL = (
    "SELECT w.closed_at FROM warnings w INDEXED BY warnings_losses{join} WHERE {where}"
    " AND w.outcome = 'defrauded' AND w.status = 'closed' AND w.lost_before_warning = 0"
    " ORDER BY w.closed_at DESC LIMIT 1"
)


def zero_loss_streak(
    database: Database,
    today: date_type,
    *,
    area_ids: list[str] | None = None,
    devices: list[str] | None = None,
) -> int | None:
    """The zero-loss streak (defined in core.figures) on ``today`` (a report's last day), for
    all areas or for the residents of ``area_ids`` (an area and everything below it). Losses
    recorded after ``today`` do not count for it."""
    from desktop.core.rules import zero_loss_streak_days

    join, where, params = "", "w.deleted_at IS NULL", []
    if area_ids is not None:
        marks = ", ".join("?" * len(area_ids)) or "NULL"
        where += f" AND w.area_id IN ({marks})"
        params += list(area_ids)
    if devices is not None:  # the laptops that entered the warnings
        marks = ", ".join("?" * len(devices)) or "NULL"
        where += f" AND w.origin_device IN ({marks})"
        params += list(devices)
    # Each question walks an index in order and stops at the first row that fits, so the
    # streak of a city with a million warnings costs milliseconds, not a scan.
    before = (today + timedelta(days=1)).isoformat()
    first = database.scalar(
        FIRST_WARNING_SQL.format(join=join, where=where + " AND w.received_at < ?"),
        (*params, before),
    )
    last_loss = database.scalar(
        LAST_LOSS_SQL.format(join=join, where=where + " AND w.closed_at < ?"), (*params, before)
    )
    return zero_loss_streak_days(
        [date_type.fromisoformat(last_loss[:10])] if last_loss else [],
        date_type.fromisoformat(first[:10]) if first else None,
        today,
    )


def complete_follow_up(
    database: Database, follow_up_id: str, *, result: str, now: datetime | None = None
) -> None:
    """Record a follow-up visit (回访) as done, with what the officer found."""
    result = _required_text(
        result, QT_TRANSLATE_NOOP("Validation", "Write down what the follow-up found."), "result"
    )
    _live(database, "follow_ups", follow_up_id)  # a retired follow-up cannot be done
    update_record(
        database,
        "follow_ups",
        follow_up_id,
        {"done_at": clock.stored(now or _now()), "result": result},
        summary="follow-up done",
    )


def due_follow_ups(
    database: Database, today: date_type, *, limit: int | None = None
) -> list[dict[str, Any]]:
    """Follow-ups not yet done that are due today or overdue, oldest first, with the resident
    they are for (personal data in full: mask when shown)."""
    rows = database.query(
        "SELECT f.*, r.name AS resident_name, r.mobile FROM follow_ups f"
        " JOIN warnings w ON w.id = f.warning_id JOIN residents r ON r.id = w.resident_id"
        " WHERE f.done_at IS NULL AND f.deleted_at IS NULL AND f.due_on <= ?"
        " ORDER BY f.due_on, f.id LIMIT ?",
        (today.isoformat(), -1 if limit is None else limit),
    )
    return [dict(row) for row in rows]


def count_due_follow_ups(database: Database, today: date_type) -> int:
    return database.execute(
        "SELECT count(*) FROM follow_ups WHERE done_at IS NULL AND deleted_at IS NULL"
        " AND due_on <= ?",
        (today.isoformat(),),
    ).fetchone()[0]


def reveal_resident(database: Database, warning_id: str, reason: str) -> dict[str, Any]:
    """The resident of a case in full, for an officer who gives a reason; the reveal and its
    reason go to the audit log."""
    from desktop.db import audit

    reason = reveal_reason(reason)
    warning = _live(database, "warnings", warning_id)
    with database.atomic():
        audit.record(database, "reveal", "warnings", warning_id, f"case shown in full: {reason}")
    return get_record(database, "residents", warning["resident_id"])


def move_warnings_of(database: Database, resident_id: str, area_id: str | None) -> None:
    """Let a resident's warnings (and their follow-ups) count for the community they now
    live in."""
    database.execute(
        "UPDATE warnings SET area_id = ? WHERE resident_id = ? AND area_id IS NOT ?",
        (area_id, resident_id, area_id),
    )
    database.execute(
        "UPDATE follow_ups SET area_id = ? WHERE warning_id IN"
        " (SELECT id FROM warnings WHERE resident_id = ?) AND area_id IS NOT ?",
        (area_id, resident_id, area_id),
    )


def update_details(database: Database, warning_id: str, values: dict[str, Any]) -> None:
    """Fill in or correct what intake left out — reference number, suspected fraud, amount at
    risk, assigned officer, and the resident's ID number, address and community — in one
    transaction. Keys not in ``values`` stay as they are."""
    from desktop.core.validate import normalize_id_number, parse_amount_fen

    warning = _live(database, "warnings", warning_id)
    problems = Problems()
    changes: dict[str, Any] = {}
    if "reference_number" in values:
        changes["reference_number"] = str(values["reference_number"] or "").strip() or None
    if "fraud_type" in values:
        fraud_type = values["fraud_type"] or ""
        changes["fraud_type"] = (
            problems.check(_choice, fraud_type, FRAUD_TYPES, "fraud_type") if fraud_type else ""
        )
    if "amount_at_risk" in values:
        amount = values["amount_at_risk"]
        changes["amount_at_risk"] = (
            problems.check(parse_amount_fen, amount, field="amount_at_risk")
            if str(amount or "").strip()
            else None
        )
    if "officer_id" in values:
        changes["officer_id"] = values["officer_id"] or None
    resident_changes: dict[str, Any] = {}
    if "id_number" in values:
        id_number = str(values["id_number"] or "").strip()
        resident_changes["id_number"] = (
            problems.check(normalize_id_number, id_number, field="id_number") if id_number else None
        )
    if "address" in values:
        resident_changes["address"] = str(values["address"] or "").strip()
    if "area_id" in values:
        resident_changes["area_id"] = values["area_id"] or None
    if problems.errors:
        raise problems.errors[0]
    resident = get_record(database, "residents", warning["resident_id"])
    changes = {key: value for key, value in changes.items() if value != warning[key]}
    resident_changes = {
        key: value for key, value in resident_changes.items() if value != resident[key]
    }
    with database.atomic():
        if changes:
            update_record(database, "warnings", warning_id, changes, summary="details")
        if resident_changes:
            update_record(
                database, "residents", resident["id"], resident_changes, summary="details"
            )
        if "area_id" in resident_changes:  # a resident's warnings count where they live
            move_warnings_of(database, resident["id"], resident_changes["area_id"])


def transfer_warning(
    database: Database,
    warning_id: str,
    *,
    reason: str,
    officer_id: str | None = None,
    station: str | None = None,
    now: datetime | None = None,
) -> str | None:
    """Hand a case to another officer and/or another station, with the reason; returns the
    transfer's id (None when nothing changes).

    ``station`` names the station taking the case; this laptop's own station (Settings) or an
    empty name keeps it here. The case keeps its whole history, and the hand-over itself is a
    record both the giving and the receiving side see in the case.
    """
    reason = _required_text(
        reason, QT_TRANSLATE_NOOP("Validation", "Give a reason for the transfer."), "reason"
    )
    if officer_id is None and station is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Choose the officer or station taking the case."),
            field="officer",
        )
    if officer_id is not None:
        officer = get_record(database, "officers", officer_id)
        if officer is None or officer["deleted_at"]:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Validation", "Choose a current officer to hand the case to."),
                field="officer",
            )
    warning = _live(database, "warnings", warning_id)
    own = (database.get_meta(META_STATION_NAME) or "").strip()
    new_station = warning["station"] if station is None else station.strip()
    if new_station == own:
        new_station = ""
    new_officer = warning["officer_id"] if officer_id is None else officer_id
    if station is not None and officer_id is None and new_station != warning["station"]:
        new_officer = None  # the receiving station assigns its own officer
    if new_officer == warning["officer_id"] and new_station == warning["station"]:
        return None
    now = now or _now()
    with database.atomic():
        transfer_id = insert_record(
            database,
            "transfers",
            {
                "warning_id": warning_id,
                "at": clock.stored(now),
                "from_officer_id": warning["officer_id"],
                "to_officer_id": new_officer,
                "from_station": warning["station"],
                "to_station": new_station,
                "reason": reason,
                "by_officer_id": database.get_meta(META_CURRENT_OFFICER) or None,
            },
            summary="transfer",
        )
        update_record(
            database,
            "warnings",
            warning_id,
            {"officer_id": new_officer, "station": new_station},
            summary=f"transferred ({transfer_id})",
        )
        for follow_up_id in database.conn.execute(
            "SELECT id FROM follow_ups WHERE warning_id = ? AND done_at IS NULL"
            " AND deleted_at IS NULL",
            (warning_id,),
        ).fetchall():
            update_record(
                database, "follow_ups", follow_up_id[0], {"officer_id": new_officer},
                summary=f"transferred ({transfer_id})",
            )  # fmt: skip
    return transfer_id


def transfer_history(database: Database, warning_id: str) -> list[dict[str, Any]]:
    """Every hand-over of a case, oldest first, with the officers' names."""
    rows = database.query(
        "SELECT t.*, coalesce(f.name, '') AS from_officer, coalesce(o.name, '') AS to_officer,"
        " coalesce(b.name, '') AS by_officer FROM transfers t"
        " LEFT JOIN officers f ON f.id = t.from_officer_id"
        " LEFT JOIN officers o ON o.id = t.to_officer_id"
        " LEFT JOIN officers b ON b.id = t.by_officer_id"
        " WHERE t.warning_id = ? AND t.deleted_at IS NULL ORDER BY t.at, t.created_at",
        (warning_id,),
    )
    return [dict(row) for row in rows]


def known_stations(database: Database) -> list[str]:
    """Stations a case can go to: the officers' units and those cases went to before."""
    rows = database.query(
        "SELECT unit AS name FROM officers WHERE deleted_at IS NULL AND unit != ''"
        " UNION SELECT to_station FROM transfers WHERE to_station != '' ORDER BY 1"
    )
    return [row["name"] for row in rows]


def update_contact(
    database: Database,
    contact_id: str,
    *,
    at: Any = None,
    result: str | None = None,
    notes: str | None = None,
    now: datetime | None = None,
) -> None:
    """Correct a logged attempt afterwards: its time, result or notes."""
    now = now or _now()
    contact = _live(database, "contacts", contact_id)
    changes: dict[str, Any] = {}
    if at is not None:
        moment = _moment(at, "at", now)
        warning = get_record(database, "warnings", contact["warning_id"])
        if moment < datetime.fromisoformat(warning["received_at"]):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation", "A contact cannot come before the warning arrived."
                ),
                field="at",
            )
        changes["at"] = clock.stored(moment)
    if result is not None:
        changes["result"] = _choice(result, RESULTS_BY_METHOD[contact["method"]], "result")
    if notes is not None:
        changes["notes"] = notes.strip()
    changes = {key: value for key, value in changes.items() if value != contact[key]}
    if changes:
        with database.atomic():
            update_record(database, "contacts", contact_id, changes, summary="contact corrected")
            refresh_contact_summary(database, contact["warning_id"])


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


def time_limits(database: Database) -> dict[str, Any]:
    """The station's time limits per level (Settings), else the labelled example values."""
    from desktop.core.rules import EXAMPLE_TIME_LIMITS, TimeLimits

    limits = {}
    for level, example in EXAMPLE_TIME_LIMITS.items():
        contact = database.get_meta(f"time_limit_{level}_contact")
        visit = database.get_meta(f"time_limit_{level}_visit")
        limits[level] = TimeLimits(
            first_contact=int(contact) if contact and contact.isdigit() else example.first_contact,
            visit=int(visit) if visit and visit.isdigit() else example.visit,
        )
    return limits


def set_time_limits(database: Database, limits: dict[str, Any]) -> None:
    """Save the station's own limits (minutes) in one transaction."""
    with database.atomic():
        for level, value in limits.items():
            if level not in LEVELS or value.first_contact < 1 or value.visit < value.first_contact:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "Time limits must be at least one minute, and the visit limit no "
                        "shorter than the first-contact limit.",
                    ),
                    field="time_limits",
                )
            database.set_meta(f"time_limit_{level}_contact", str(value.first_contact))
            database.set_meta(f"time_limit_{level}_visit", str(value.visit))
