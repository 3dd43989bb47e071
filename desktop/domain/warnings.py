"""Warnings and dissuasion (预警劝阻): intake, contact attempts (a warning's own: they stay here),
closing with an outcome, hand-overs. Each function is one user action and one transaction,
written to the audit log; follow-ups after closing are ``domain.follow_ups``.

Minutes count, so intake needs only what arrives by phone: when, from where, how urgent, and
the resident's name and mobile. Everything else can follow.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date as date_type
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from desktop.core import clock
from desktop.core.catalogue import FRAUD_TYPES, WARNING_LEVELS, WARNING_SOURCES
from desktop.core.catalogue import OUTCOMES as OUTCOME_NAMES
from desktop.core.entities import Contact, Resident, Transfer, WarningCase
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError, required_text
from desktop.core.formats import format_stamp
from desktop.core.privacy import reveal_reason
from desktop.core.problems import Problems
from desktop.core.rules import (
    EXAMPLE_TIME_LIMITS,
    Concern,
    TimeLimits,
    closing_concerns,
    response_minutes,
    zero_loss_streak_days,
)
from desktop.core.urgency import (
    LATE_CONTACT,
    LATE_VISIT,
    LEVEL_RANK,
    NOTHING_PENDING,
    WITHIN_LIMITS,
)
from desktop.db import audit
from desktop.db.database import (
    META_CURRENT_OFFICER,
    META_STATION_NAME,
    Database,
)
from desktop.db.records import (
    BulkInsert,
    get_live_record,
    get_record,
    insert_record,
    insert_rows,
    update_record,
)
from desktop.domain import follow_ups
from desktop.domain import residents as resident_store
from desktop.domain.checks import choice, not_in_future
from desktop.domain.officers import current_officer

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
# The stored columns of a warning and of a contact attempt, in the order ``write_rows`` and
# ``write_contact_rows`` take them (the demo's rows).
COLUMNS = ("id", "created_at", "updated_at", "device_id", "reference_number", "source", "level",
           "received_at", "signed_at", "resident_id", "fraud_type", "officer_id", "status",
           "outcome", "amount_at_risk", "amount_protected", "amount_lost", "stop_payment_amount",
           "stop_payment_requested", "closed_at", "notes", "contact_count",
           "first_contact_minutes", "first_visit_minutes", "lost_before_warning", "area_id",
           "bank_partner_id")  # fmt: skip
CONTACT_COLUMNS = ("id", "created_at", "updated_at", "device_id", "warning_id", "at", "method",
                   "result", "officer_id", "notes")  # fmt: skip


def _now() -> datetime:
    return clock.now()


def _moment(value: Any, field: str, now: datetime) -> datetime:
    # Imported here: the validation module costs a few milliseconds the window's start skips.
    from desktop.core.validate import parse_datetime

    moment = value if isinstance(value, datetime) else parse_datetime(value, field=field)
    return not_in_future(moment, field, now)


def _amount_fen(value: Any, field: str) -> int | None:
    """An amount in fen, None when the cell or box is empty."""
    if value is None or not str(value).strip():
        return None
    # The amounts of a list repeat (5万, 3.5万): each text or number is read once. Its type is
    # part of the key (5 and 5.0 are equal, their cells are not); a refused amount is not kept.
    return _fen_of(value.__class__, value, field)


@lru_cache(maxsize=4096)
def _fen_of(_kind: type, value: Any, field: str) -> int:
    # Imported here: the validation module costs a few milliseconds the window's start skips.
    from desktop.core.validate import parse_amount_fen

    return parse_amount_fen(value, field=field)


def check_warning(
    values: dict[str, Any], *, now: datetime | None = None
) -> tuple[dict[str, Any], list[ValidationError]]:
    """A new warning's own fields ready to store, and every problem found in them (each names
    its field) — the one check of a form's intake and an imported row alike.

    ``received_at`` may be a datetime (an import parses its cells itself) or text; it defaults
    to ``now``. ``source``, ``level`` and ``fraud_type`` are codes. ``officer_id`` stays out
    unless given: ``write_warning`` then assigns the officer using this laptop.
    """
    now = now or _now()
    problems = Problems()
    received_at = problems.check(_moment, values.get("received_at") or now, "received_at", now)
    fraud_type = values.get("fraud_type") or ""
    amount = values.get("amount_at_risk")
    clean = {
        "reference_number": str(values.get("reference_number") or "").strip() or None,
        "source": problems.check(choice, values.get("source"), SOURCES, "source"),
        "level": problems.check(choice, values.get("level"), LEVELS, "level"),
        "received_at": clock.stored(received_at) if received_at else None,
        "fraud_type": (
            problems.check(choice, fraud_type, FRAUD_TYPES, "fraud_type") if fraud_type else ""
        ),
        "amount_at_risk": problems.check(_amount_fen, amount, "amount_at_risk"),
        "notes": str(values.get("notes") or "").strip(),
    }
    if "officer_id" in values:
        clean["officer_id"] = values["officer_id"] or None
    return clean, problems.errors


def write_warning(
    database: Database,
    warning: dict[str, Any],
    resident_id: str,
    *,
    new_resident_area: str | None = None,
    new_resident: bool = False,
    bulk: BulkInsert | None = None,
    summary: str | None = None,
    now: datetime | None = None,
    people: resident_store.PeopleOfAList | None = None,
) -> str:
    """Write a warning ``check_warning`` passed, for ``resident_id``; returns its id.

    The warning counts for the resident's community (``new_resident_area`` for a resident
    written with it, ``new_resident``, who cannot be high-risk yet; a resident on record gets
    the high-risk rule applied again). Without an ``officer_id`` the case goes to the officer
    using this laptop (Settings), as the intake form proposes. ``bulk`` is an import's batch
    (one timestamp, audit rows together); without it the record is written on its own.
    ``people`` (with ``bulk``) is what the import knows of its residents already: their
    community and warnings are not read again for each row.
    """
    if new_resident:
        area_id = new_resident_area
    elif people is not None:
        area_id = people.area_of(resident_id)
    else:
        area_id = database.scalar("SELECT area_id FROM residents WHERE id = ?", (resident_id,))
    row = {**warning, "resident_id": resident_id, "status": "new", "area_id": area_id}
    if "officer_id" not in row:
        row["officer_id"] = current_officer(database)
    summary = summary or f"{row['source']} {row['level']}"
    if bulk is not None:  # inside the import's one transaction: no savepoint per row
        warning_id = bulk.insert("warnings", row, summary=summary)
        if people is not None:
            people.warned(resident_id, row["received_at"], now or _now(), rule=not new_resident)
        elif not new_resident:
            resident_store.refresh_high_risk(database, resident_id, now or _now())
        return warning_id
    with database.atomic():
        warning_id = insert_record(database, "warnings", row, summary=summary)
        if not new_resident:
            resident_store.refresh_high_risk(database, resident_id, now or _now())
    return warning_id


def references_on_record(database: Database, references: Sequence[str]) -> set[str]:
    """Those of ``references`` (reference numbers) that a live warning already has — a whole
    list's worth in a few statements, not one per row."""
    found: set[str] = set()
    for start in range(0, len(references), 500):
        chunk = references[start : start + 500]
        found.update(
            row[0]
            for row in database.execute(
                "SELECT reference_number FROM warnings WHERE deleted_at IS NULL"
                f" AND reference_number IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
        )
    return found


def moments_on_record(database: Database, moments: Sequence[tuple[str, str]]) -> set[tuple]:
    """Those of ``moments`` (a time received as stored, a mobile) at which a live warning
    already came for a resident with that mobile — how a warning without a reference number
    is known — in a few statements for a whole chunk of a list."""
    wanted = set(moments)
    times = sorted({received_at for received_at, _mobile in wanted})
    found: set[tuple] = set()
    for start in range(0, len(times), 500):
        chunk = times[start : start + 500]
        found.update(
            (received_at, mobile)
            for received_at, mobile in database.execute(
                "SELECT w.received_at, r.mobile FROM warnings w"
                " JOIN residents r ON r.id = w.resident_id WHERE w.deleted_at IS NULL"
                f" AND w.received_at IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            if (received_at, mobile) in wanted
        )
    return found


def write_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Warnings made elsewhere already checked, with their whole story (the demo's), as tuples
    in ``COLUMNS`` order, in one ``executemany`` inside the caller's transaction. The contact
    summary columns must agree with the contacts (``contact_summary``)."""
    insert_rows(database, "warnings", COLUMNS, rows)


def write_contact_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Contact attempts already checked (the demo's), as tuples in ``CONTACT_COLUMNS`` order."""
    insert_rows(database, "contacts", CONTACT_COLUMNS, rows)


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
    now = now or _now()
    warning, errors = check_warning(values, now=now)
    resident, resident_errors = resident_store.check_resident(values)
    if resident_id is not None and get_record(database, "residents", resident_id) is None:
        errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "The chosen resident is not on record."),
                field="resident",
            )
        )
    errors += [] if resident_id else resident_errors
    if errors:
        raise errors[0]
    with database.atomic():
        if resident_id is None:
            return write_warning(
                database,
                warning,
                resident_store.write_resident(database, resident),
                new_resident=True,
                new_resident_area=resident["area_id"],
                now=now,
            )
        return write_warning(database, warning, resident_id, now=now)


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
    warning = get_live_record(database, "warnings", warning_id)
    choice(method, RESULTS_BY_METHOD, "method")
    choice(result, RESULTS_BY_METHOD[method], "result")
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
        return response_minutes((datetime.fromisoformat(min(moments)) - received).total_seconds())

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
    despite: Collection[str] = (),
    now: datetime | None = None,
) -> list[str]:
    """Close a case with its outcome and money; returns the follow-ups it scheduled.

    Closing asks what a supervisor would (core.rules ``closing_concerns``): a concern whose
    code is not in ``despite`` stops the close with ``ClosingConcerns``, to be put to the
    officer; closed despite them, the case keeps their codes and the audit row names them.
    Money that cannot be an amount, an unknown outcome or bank are refused whatever is passed.

    A dissuaded case gets follow-up visits (回访) after ``follow_up_days`` (the station's
    setting unless given); "denied – needs recheck" gets a revisit the next day and stays open.
    A stop-payment amount implies the stop-payment (止付) was asked for. ``lost_before_warning``
    marks a defrauded case whose money had gone before the warning arrived: it does not break
    the zero-loss streak.
    """
    now = now or _now()
    if not outcome:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Choose the outcome before closing the case."),
            field="outcome",
        )
    choice(outcome, OUTCOMES, "outcome")
    problems = Problems()
    money = {}
    for field, value in (
        ("amount_protected", amount_protected),
        ("amount_lost", amount_lost),
        ("stop_payment_amount", stop_payment_amount),
    ):
        money[field] = problems.check(_amount_fen, value, field)
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
    warning = get_live_record(database, "warnings", warning_id)
    _refuse_closed(warning)  # before its questions: they are not asked of a closed case
    concerns = closing_concerns(
        level=warning["level"],
        received_at=datetime.fromisoformat(warning["received_at"]),
        outcome=outcome,
        attempts=[
            (row["method"], row["result"])
            for row in database.query(
                "SELECT method, result FROM contacts WHERE warning_id = ? AND deleted_at IS NULL",
                (warning_id,),
            )
        ],
        amount_at_risk=warning["amount_at_risk"],
        amount_protected=money["amount_protected"],
        amount_lost=money["amount_lost"],
        now=now,
    )
    if any(concern.code not in despite for concern in concerns):
        raise ClosingConcerns(concerns)
    codes = ",".join(concern.code for concern in concerns)
    if follow_up_days is None:
        follow_up_days = follow_ups.follow_up_days_of(database)
    still_open = outcome == "denied_recheck"
    with database.atomic():
        # Read again under the write lock: another window or a merge may have closed it since.
        warning = get_live_record(database, "warnings", warning_id)
        _refuse_closed(warning)
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
                "closed_despite": codes,
                **money,
            },
            # The audit row of the close names what the officer was asked and closed despite.
            summary=f"outcome: {outcome}" + (f"; closed despite: {codes}" if codes else ""),
        )
        days = (
            follow_up_days
            if outcome == "dissuaded"
            else (follow_ups.RECHECK_DAYS,)
            if still_open
            else ()
        )
        return follow_ups.schedule(database, warning, days, now)


def _refuse_closed(warning: Any) -> None:
    """A second close (another form left open, a repeated command) would overwrite the outcome
    and money already counted and schedule the follow-ups again: refused."""
    if warning["status"] == "closed":
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "This case was closed on {closed}. Reload it to see its outcome; a closed case "
                "is not closed again.",
            ),
            field="outcome",
            closed=format_stamp(warning["closed_at"]),
        )


class ClosingConcerns(ValidationError):
    """Closing the case raises questions the officer has not answered: ``concerns`` (core.rules
    ``Concern``). Asked and closed anyway, ``close_warning`` takes their codes in ``despite``."""

    def __init__(self, concerns: Sequence[Concern]) -> None:
        self.concerns = list(concerns)
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Validation", "Closing this case raises questions: confirm them to close it."
            ),
            field="outcome",
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
_OPEN = "w.status IN ('new', 'in_progress')"


@dataclass(frozen=True)
class WarningFilter:
    """Which warnings a list shows.

    ``open``: this station's open cases, most urgent first (``core.urgency``);
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
# sixth of a million rows for one page. The open view is put in order from the index of the
# open warnings alone (``_queue_sql``).
_LIST_INDEX = {
    "closed": "warnings_status_received",
    "transferred": "warnings_queue",
    "all": "warnings_received",
}
# A page's position: the sort key of its last row (keyset paging, never OFFSET). The pages are
# hand-written SQL: a row-value seek on the chosen index, which sqlite-utils cannot express.
# The open view's key starts with the moment its first page was read: urgency moves with the
# clock, and every page of one reading is ordered as of that one moment.
PageKey = tuple[Any, ...]
_WARNING_COLUMNS = (
    "w.id, w.received_at, w.level, w.source, w.status, w.fraud_type, w.outcome, w.station,"
    " w.resident_id, w.officer_id,"
    # The warning's own summary of its attempts (kept by the code that writes contacts):
    # no subquery per row.
    " w.first_contact_minutes, w.contact_count AS contacts,"
    " w.first_visit_minutes IS NOT NULL AS visited"
)
_PEOPLE = (
    " JOIN residents r ON r.id = {rows}.resident_id"
    " LEFT JOIN officers o ON o.id = {rows}.officer_id"
)
_PEOPLE_COLUMNS = "r.name AS resident_name, r.mobile, coalesce(o.name, '') AS officer_name"
_URGENCY_KEY = ("u_group", "u_over", "u_level", "u_waited", "id")


# What the urgency order reads of an open warning, and the filters: every column of it is in
# the index of the open warnings (``warnings_queue``), so a city's thousands are put in order,
# and the late ones counted, without reading the table; only the page's rows are read whole.
_QUEUE_COLUMNS = (
    "w.id, w.received_at, w.level, w.first_contact_minutes,"
    " w.first_visit_minutes IS NOT NULL AS visited"
)


def _queue_sql(which: WarningFilter) -> tuple[str, list[Any]]:
    """The select of the open view's warnings as the urgency order reads them (unordered) and
    its parameters."""
    where, params = which.where()
    return (
        f"SELECT {_QUEUE_COLUMNS} FROM warnings w INDEXED BY warnings_queue WHERE {where}",
        params,
    )


def urgency_order_sql(limits: dict[str, TimeLimits]) -> str:
    """``core.urgency.URGENCY_RULE`` as SQL: the select of the open queue wrapped so that each
    row carries the rule's key (``_URGENCY_KEY``, smallest first), for a statement whose
    inner select is ``{rows}`` and whose first parameter is the moment (as stored).

    Each part mirrors ``core.urgency.lateness``: whole seconds waited, the limit in play by
    level and by what the case still needs, the group, the whole minutes past the limit; the
    limits are the station's whole numbers of minutes, written into the statement.
    """

    def by_level(field: str) -> str:
        cases = " ".join(
            f"WHEN '{level}' THEN {int(getattr(limit, field))}"
            for level, limit in limits.items()
            if level in LEVELS
        )
        return f"CASE level {cases} END" if cases else "NULL"

    waited = "(CAST(strftime('%s', ?) AS INTEGER) - CAST(strftime('%s', received_at) AS INTEGER))"
    limit = (
        f"CASE WHEN first_contact_minutes IS NULL THEN {by_level('first_contact')}"
        f" WHEN NOT visited THEN {by_level('visit')} END"
    )
    group = (
        f"CASE WHEN u_limit IS NULL THEN {NOTHING_PENDING} WHEN u_waited_s > 60 * u_limit THEN"
        f" (CASE WHEN first_contact_minutes IS NULL THEN {LATE_CONTACT} ELSE {LATE_VISIT} END)"
        f" ELSE {WITHIN_LIMITS} END"
    )
    # SQLite's integer division truncates toward zero: the waiting is never below zero here,
    # so it is the floor division of the rule.
    over = "coalesce(u_limit - max(u_waited_s, 0) / 60, 0)"
    ranks = " ".join(f"WHEN '{code}' THEN {rank}" for code, rank in LEVEL_RANK.items())
    level = f"CASE level {ranks} ELSE {len(LEVEL_RANK)} END"
    return (
        f"SELECT *, {group} AS u_group, {over} AS u_over, {level} AS u_level,"
        " -u_waited_s AS u_waited FROM"
        f" (SELECT *, {waited} AS u_waited_s, {limit} AS u_limit FROM ({{rows}}))"
    )


def list_warnings(
    database: Database,
    which: WarningFilter = WarningFilter(),
    *,
    after: PageKey | None = None,
    limit: int = 200,
    limits: dict[str, TimeLimits] | None = None,
    now: datetime | None = None,
) -> tuple[list[QueueItem], PageKey | None]:
    """One page of warnings in the filter's order, and the key to ask for the next page
    (None after the last). Each page costs the same however deep into a million rows it is.

    The open view is in the order of urgency (``core.urgency``) at ``now`` under ``limits``
    (the station's, unless given); its next pages keep the first page's moment.
    """
    if which.view == "open":
        rows_sql, params = _queue_sql(which)
        moment = after[0] if after is not None else clock.stored(now or _now())
        ordered = urgency_order_sql(time_limits(database) if limits is None else limits)
        sql = f"SELECT * FROM ({ordered.format(rows=rows_sql)})"
        statement_params: list[Any] = [moment, *params]
        key_columns = ", ".join(_URGENCY_KEY)
        if after is not None:
            sql += f" WHERE ({key_columns}) > ({', '.join('?' * len(_URGENCY_KEY))})"
            statement_params += list(after[1:])
        # The page is chosen from the index alone; only its rows are read from the table and
        # meet their residents.
        rows = database.query(
            f"SELECT {_WARNING_COLUMNS}, {_PEOPLE_COLUMNS},"
            f" {', '.join('k.' + column for column in _URGENCY_KEY if column != 'id')}"
            f" FROM ({sql} ORDER BY {key_columns} LIMIT ?) k"
            f" JOIN warnings w ON w.id = k.id{_PEOPLE.format(rows='w')}"
            f" ORDER BY {', '.join('k.' + column for column in _URGENCY_KEY)}",
            (*statement_params, limit),
        )
        items = [_queue_item(row) for row in rows]
        if len(rows) < limit:
            return items, None
        return items, (moment, *(rows[-1][column] for column in _URGENCY_KEY))
    where, params = which.where()
    if after is not None:
        where += " AND (w.received_at, w.id) < (?, ?)"
        params += list(after)
    rows = database.query(
        f"SELECT {_WARNING_COLUMNS}, {_PEOPLE_COLUMNS} FROM warnings w"
        f" INDEXED BY {_LIST_INDEX[which.view]}{_PEOPLE.format(rows='w')}"
        f" WHERE {where} ORDER BY w.received_at DESC, w.id DESC LIMIT ?",
        (*params, limit),
    )
    items = [_queue_item(row) for row in rows]
    if len(rows) < limit:
        return items, None
    return items, (rows[-1]["received_at"], rows[-1]["id"])


def count_late(
    database: Database,
    *,
    limits: dict[str, TimeLimits] | None = None,
    now: datetime | None = None,
) -> int:
    """This station's open warnings past one of their limits at ``now`` (``core.urgency``)."""
    rows, params = _queue_sql(WarningFilter())
    ordered = urgency_order_sql(time_limits(database) if limits is None else limits)
    return database.scalar(
        f"SELECT count(*) FROM ({ordered.format(rows=rows)})"
        f" WHERE u_group IN ({LATE_CONTACT}, {LATE_VISIT})",
        (clock.stored(now or _now()), *params),
    )


def most_urgent(
    database: Database,
    *,
    limit: int,
    limits: dict[str, TimeLimits] | None = None,
    now: datetime | None = None,
) -> list[QueueItem]:
    """The ``limit`` most urgent of this station's open warnings (``core.urgency``), read in
    that order by the database: Today shows a dozen of a city's thousands without building
    the rest."""
    return list_warnings(database, WarningFilter(), limit=limit, limits=limits, now=now)[0]


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


def open_queue(
    database: Database,
    which: WarningFilter = WarningFilter(),
    *,
    limits: dict[str, TimeLimits] | None = None,
    now: datetime | None = None,
) -> list[QueueItem]:
    """Every open warning of the filter, most urgent first at ``now`` (a station has hundreds,
    not millions: the late count and the clocks need them all)."""
    items: list[QueueItem] = []
    key = None
    limits = time_limits(database) if limits is None else limits
    while True:
        page, key = list_warnings(
            database,
            WarningFilter("open", which.level, which.source),
            after=key,
            limit=5000,
            limits=limits,
            now=now,
        )
        items += page
        if key is None:
            return items


def _stamp(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def warning_case(row: Any) -> WarningCase:
    """A warnings row as the record the rest of the program reads."""
    return WarningCase(
        id=row["id"],
        reference_number=row["reference_number"] or "",
        source=row["source"],
        level=row["level"],
        received_at=datetime.fromisoformat(row["received_at"]),
        resident_id=row["resident_id"],
        fraud_type=row["fraud_type"] or "",
        officer_id=row["officer_id"],
        status=row["status"],
        outcome=row["outcome"] or "",
        amount_at_risk=row["amount_at_risk"],
        amount_protected=row["amount_protected"],
        amount_lost=row["amount_lost"],
        stop_payment_amount=row["stop_payment_amount"],
        stop_payment_requested=bool(row["stop_payment_requested"]),
        lost_before_warning=bool(row["lost_before_warning"]),
        bank_partner_id=row["bank_partner_id"],
        closed_at=_stamp(row["closed_at"]),
        station=row["station"] or "",
        area_id=row["area_id"],
        notes=row["notes"] or "",
        closed_despite=tuple(code for code in (row["closed_despite"] or "").split(",") if code),
    )


def get_warning(database: Database, warning_id: str) -> WarningCase | None:
    """One warning, None when there is none or it was retired."""
    row = database.execute(
        "SELECT * FROM warnings WHERE id = ? AND deleted_at IS NULL", (warning_id,)
    ).fetchone()
    return None if row is None else warning_case(row)


def _contact(row: Any) -> Contact:
    return Contact(
        id=row["id"],
        warning_id=row["warning_id"],
        at=datetime.fromisoformat(row["at"]),
        method=row["method"],
        result=row["result"],
        officer_id=row["officer_id"],
        officer_name=row["officer_name"],
        notes=row["notes"] or "",
    )


_CONTACTS = (
    "SELECT c.*, coalesce(o.name, '') AS officer_name FROM contacts c"
    " LEFT JOIN officers o ON o.id = c.officer_id WHERE c.deleted_at IS NULL"
)


def get_contact(database: Database, contact_id: str) -> Contact:
    """One attempt on record (a retired or unknown one is a caller's mistake: KeyError)."""
    row = database.execute(_CONTACTS + " AND c.id = ?", (contact_id,)).fetchone()
    if row is None:
        raise KeyError(contact_id)
    return _contact(row)


def contact_timeline(database: Database, warning_id: str) -> list[Contact]:
    """A case's attempts, in the order they happened, with the officers' names."""
    rows = database.query(
        _CONTACTS + " AND c.warning_id = ? ORDER BY c.at, c.created_at", (warning_id,)
    )
    return [_contact(row) for row in rows]


# 预警后被骗 (core.figures "defrauded_after_warning"), for a warning ``w``: closed as defrauded,
# and the money went after the warning had arrived. The rule stated for SQL (the monthly trend
# and the zero-loss streak put it in theirs) and for the groups of the figures' pass, which
# already share these three columns (a sum over every row would cost a sixth of the pass);
# a test holds the two to the same answers.
DEFRAUDED_AFTER_WARNING_SQL = (
    "(w.status = 'closed' AND w.outcome = 'defrauded' AND w.lost_before_warning = 0)"
)


def is_defrauded_after_warning(status: str, outcome: str | None, lost_before_warning: int) -> bool:
    """DEFRAUDED_AFTER_WARNING_SQL for warnings with these status, outcome and flag."""
    return status == "closed" and outcome == "defrauded" and lost_before_warning == 0


FIRST_WARNING_SQL = (
    "SELECT w.received_at FROM warnings w{join} WHERE {where} ORDER BY w.received_at LIMIT 1"
)
LAST_LOSS_SQL = (
    "SELECT w.closed_at FROM warnings w INDEXED BY warnings_losses{join} WHERE {where}"
    f" AND {DEFRAUDED_AFTER_WARNING_SQL}"
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


def reveal_resident(database: Database, warning_id: str, reason: str) -> Resident:
    """The resident of a case in full, for an officer who gives a reason; the reveal and its
    reason go to the audit log."""
    reason = reveal_reason(reason)
    warning = get_live_record(database, "warnings", warning_id)
    with database.atomic():
        audit.record(database, "reveal", "warnings", warning_id, f"case shown in full: {reason}")
    return resident_store.get_resident(database, warning["resident_id"])


def move_warnings_of(database: Database, resident_id: str, area_id: str | None) -> None:
    """Let a resident's warnings (and their follow-ups) count for the community they now
    live in."""
    database.execute(
        "UPDATE warnings SET area_id = ? WHERE resident_id = ? AND area_id IS NOT ?",
        (area_id, resident_id, area_id),
    )
    follow_ups.move_to_area(database, resident_id, area_id)


def update_details(database: Database, warning_id: str, values: dict[str, Any]) -> None:
    """Fill in or correct what intake left out — reference number, suspected fraud, amount at
    risk, assigned officer, and the resident's ID number, address and community — in one
    transaction. Keys not in ``values`` stay as they are."""
    warning = get_live_record(database, "warnings", warning_id)
    problems = Problems()
    changes: dict[str, Any] = {}
    if "reference_number" in values:
        changes["reference_number"] = str(values["reference_number"] or "").strip() or None
    if "fraud_type" in values:
        fraud_type = values["fraud_type"] or ""
        changes["fraud_type"] = (
            problems.check(choice, fraud_type, FRAUD_TYPES, "fraud_type") if fraud_type else ""
        )
    if "amount_at_risk" in values:
        amount = values["amount_at_risk"]
        changes["amount_at_risk"] = problems.check(_amount_fen, amount, "amount_at_risk")
    if "officer_id" in values:
        changes["officer_id"] = values["officer_id"] or None
    resident_changes: dict[str, Any] = {}
    if "id_number" in values:
        resident_changes["id_number"] = problems.check(
            resident_store.clean_id_number, values["id_number"]
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
    reason = required_text(
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
    warning = get_live_record(database, "warnings", warning_id)
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
        follow_ups.hand_over(database, warning_id, new_officer, f"transferred ({transfer_id})")
    return transfer_id


def transfer_history(database: Database, warning_id: str) -> list[Transfer]:
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
    return [
        Transfer(
            id=row["id"],
            warning_id=row["warning_id"],
            at=datetime.fromisoformat(row["at"]),
            from_officer=row["from_officer"],
            to_officer=row["to_officer"],
            by_officer=row["by_officer"],
            from_station=row["from_station"],
            to_station=row["to_station"],
            reason=row["reason"],
        )
        for row in rows
    ]


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
    contact = get_live_record(database, "contacts", contact_id)
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
        changes["result"] = choice(result, RESULTS_BY_METHOD[contact["method"]], "result")
    if notes is not None:
        changes["notes"] = notes.strip()
    changes = {key: value for key, value in changes.items() if value != contact[key]}
    if changes:
        with database.atomic():
            update_record(database, "contacts", contact_id, changes, summary="contact corrected")
            refresh_contact_summary(database, contact["warning_id"])


def time_limits(database: Database) -> dict[str, Any]:
    """The station's time limits per level (Settings), else the labelled example values."""
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


def warnings_named(database: Database, text: str) -> list[WarningCase]:
    """The live warnings ``text`` names: by id, or by reference number (预警编号, as the
    centre's platform issued it, in either case). Two laptops' data merged may hold one
    number twice, so this is a list; oldest first."""
    wanted = text.strip()
    if not wanted:
        return []
    rows = database.query(
        "SELECT * FROM warnings WHERE deleted_at IS NULL AND id = ?"
        " UNION SELECT * FROM warnings WHERE deleted_at IS NULL AND reference_number = ?"
        " ORDER BY received_at, id",
        (wanted, wanted.upper()),
    )
    return [warning_case(row) for row in rows]


@dataclass(frozen=True)
class ListedWarning:
    """A warning as a plain list of them shows it (the resident's name in full: mask it)."""

    id: str
    reference_number: str
    received_at: datetime
    level: str
    status: str
    outcome: str
    resident_name: str


def warnings_received(
    database: Database,
    first: date_type | None = None,
    last: date_type | None = None,
    *,
    open_only: bool = False,
) -> list[ListedWarning]:
    """The live warnings received from ``first`` to ``last`` (both included, either open-ended),
    in the order they came in; ``open_only``: this station's cases still open."""
    clauses, params = ["w.deleted_at IS NULL"], []
    if open_only:
        clauses += [_OPEN, "w.station = ''"]
    # Stored times all carry the station's offset, so a day's bounds compare as text.
    if first is not None:
        clauses.append("w.received_at >= ?")
        params.append(first.isoformat())
    if last is not None:
        clauses.append("w.received_at < ?")
        params.append((last + timedelta(days=1)).isoformat())
    rows = database.query(
        "SELECT w.id, w.reference_number, w.received_at, w.level, w.status, w.outcome,"
        " coalesce(r.name, '') AS resident_name FROM warnings w"
        " LEFT JOIN residents r ON r.id = w.resident_id"
        f" WHERE {' AND '.join(clauses)} ORDER BY w.received_at, w.id",
        params,
    )
    return [
        ListedWarning(
            id=row["id"],
            reference_number=row["reference_number"] or "",
            received_at=datetime.fromisoformat(row["received_at"]),
            level=row["level"],
            status=row["status"],
            outcome=row["outcome"] or "",
            resident_name=row["resident_name"],
        )
        for row in rows
    ]
