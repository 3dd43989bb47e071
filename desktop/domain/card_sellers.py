"""Card sellers (涉"两卡"人员): residents whose bank or phone cards served fraud — listed, then
interviewed (约谈, 训诫), made to sign a pledge (承诺书), reported for the five-year restriction
on new cards (惩戒), and finally handed over for prosecution (移交打击) or closed (销账). The
only module that checks and writes them and their interviews: forms, imports and the demo (its
bulk ``write_rows``) call it. Each function is one user action and one transaction, written to
the audit log.

A card seller is a resident linked as a warning's is — the same ID number or mobile; the
officer accepts the match, an import links only who is certainly the same person. These people
are suspected of a crime: every list this module returns has their names, mobiles and ID
numbers masked, and the full person comes only through ``reveal_card_seller``, which the audit
log keeps with its reason.

Opened locally (本地开户), the rule: a card counts as opened locally when its outlet is a
partner on record with an area — the areas on record are the jurisdiction; for any other outlet
(one that is not a partner, or a partner without an area) it is what the officer or the list
said, and unknown (None) when nobody said.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from desktop.core import clock
from desktop.core.catalogue import (
    CARD_KINDS,
    CARD_MANNERS,
    CARD_SELLER_STATUSES,
    CARD_SOURCES,
    INTERVIEW_METHODS,
    INTERVIEW_RESULTS,
    OPENED_LOCALLY_WORDS,
)
from desktop.core.entities import CardInterview, CardSeller, Resident
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError, required_text, unknown_value
from desktop.core.limits import count_limit_of
from desktop.core.privacy import mask_id_number, mask_mobile, mask_name, reveal_reason
from desktop.core.problems import Problems
from desktop.db import audit
from desktop.db.database import Database
from desktop.db.records import (
    BulkInsert,
    get_live_record,
    get_record,
    insert_record,
    insert_rows,
    update_record,
)
from desktop.domain import residents as resident_store
from desktop.domain.areas import area_on_record
from desktop.domain.checks import (
    STEP_BEFORE,
    attempt_moment,
    choice,
    correct_attempt,
    day_until,
    log_look_up,
    path_problems,
)
from desktop.domain.officers import officer_on_record
from desktop.domain.residents import ResidentMatch

# The stored columns of a card seller and of an interview, in the order ``write_rows`` and
# ``write_interview_rows`` take them (the demo's rows).
COLUMNS = ("id", "created_at", "updated_at", "device_id", "reference_number", "listed_on",
           "resident_id", "area_id", "card_kind", "card_count", "issuer", "outlet_partner_id",
           "outlet", "opened_locally", "manner", "source", "status", "interviewed_on",
           "pledged_on", "restricted_on", "restricted_to", "handed_over_on", "handed_over_to",
           "closed_on", "close_reason", "officer_id", "notes")  # fmt: skip
INTERVIEW_COLUMNS = ("id", "created_at", "updated_at", "device_id", "card_seller_id", "at",
                     "method", "result", "officer_id", "notes")  # fmt: skip

# The path's steps in order, each with the column of its date; 移交打击 and 销账 both end it,
# at the same place in the order (going from one to the other is a correction).
STEP_DATES = {
    "interviewed": "interviewed_on",
    "pledged": "pledged_on",
    "restricted": "restricted_on",
    "handed_over": "handed_over_on",
    "closed": "closed_on",
}
_RANK = {"to_verify": 0, "interviewed": 1, "pledged": 2, "restricted": 3, "handed_over": 4,
         "closed": 4}  # fmt: skip
ENDED = ("handed_over", "closed")
# What each step writes beside its date, cleared with it when the step is undone.
_STEP_DETAILS = {"restricted": "restricted_to", "handed_over": "handed_over_to",
                 "closed": "close_reason"}  # fmt: skip

# Never the day it was listed nor anything else of the record: the answer is a look-up of
# the person (logged), given so that nobody is listed twice.
ALREADY_LISTED = QT_TRANSLATE_NOOP(
    "Validation",
    "This resident is already on the register for this kind of card; open that record instead."
    " (This look-up is logged.)",
)
ON_RECORD = QT_TRANSLATE_NOOP(
    "Validation",
    "A resident with this ID number or mobile is already on record: link the card seller to"
    " them, or confirm this is another person.",
)
BEFORE_LISTING = QT_TRANSLATE_NOOP(
    "Validation", "{value} is before the card seller was listed ({listed_on})."
)


CLOSED_RECORD = QT_TRANSLATE_NOOP(
    "Validation",
    "This record is closed: nothing more is logged on it. If it was closed by mistake,"
    " correct the closing first (a step back with its reason).",
)


class AlreadyListed(ValidationError):
    """The resident is on the register for this kind of card, not yet ended: ``card_seller_id``
    is the record a form offers to open. The look-up is in the audit log."""

    def __init__(self, card_seller_id: str) -> None:
        super().__init__(ALREADY_LISTED, field="card_kind")
        self.card_seller_id = card_seller_id


def refuse_listed_twice(database: Database, card_seller_id: str, summary: str) -> None:
    """Log the look-up of the record a listing found, then refuse the listing."""
    log_look_up(database, "card_sellers", [card_seller_id], summary)
    raise AlreadyListed(card_seller_id)


class MatchesOnRecord(ValidationError):
    """A new card seller whose ID number or mobile a resident on record has: ``matches`` are
    the residents to offer for linking (a person is not listed twice by accident)."""

    def __init__(self, matches: list[ResidentMatch]) -> None:
        super().__init__(ON_RECORD, field="resident")
        self.matches = matches


def _card_count(value: Any) -> int:
    most = count_limit_of("card_sellers", "card_count")
    text = str(value if value is not None else "").strip().removesuffix("张").removesuffix("个")
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not text:
        return 1
    if not text.isdigit() or not 1 <= int(text) <= most:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{value} is not a number of cards from 1 to {most}."),
            field="card_count",
            value=text,
            most=f"{most:,}",
        )
    return int(text)


def _opened_locally(value: Any) -> int | None:
    """Whether the card was opened locally as stored: 1, 0 or None (not known), from a real
    boolean, 0 or 1, or one of the catalogue's yes/no words — never the truth of any text (the
    word 否 is a non-empty string)."""
    if value is None or isinstance(value, bool) or value in (0, 1):
        return None if value is None else int(value)
    if isinstance(value, str):
        for answer, words in OPENED_LOCALLY_WORDS.items():
            if value.strip().lower() in words:
                return None if answer is None else int(answer)
    raise ValidationError(
        QT_TRANSLATE_NOOP("Validation", "Opened locally is yes, no or not known, not {value}."),
        field="opened_locally",
        value=str(value),
    )


def check_card_seller(
    values: dict[str, Any], *, today: date | None = None
) -> tuple[dict[str, Any], list[ValidationError]]:
    """A card seller's own fields ready to store, and every problem found in them (each names
    its field) — the one check of a form and an imported row alike.

    ``listed_on`` defaults to today; ``card_kind``, ``manner`` (default 不详) and ``source`` are
    codes; ``opened_locally`` is a boolean, 0 or 1, a yes/no word, or None (not known).
    """
    today = today or clock.today()
    problems = Problems()
    partner_id = values.get("outlet_partner_id") or None
    listed_on = problems.check(day_until, values.get("listed_on") or today, "listed_on", today)
    clean = {
        "reference_number": str(values.get("reference_number") or "").strip() or None,
        "listed_on": listed_on.isoformat() if listed_on else None,
        "card_kind": problems.check(choice, values.get("card_kind"), CARD_KINDS, "card_kind"),
        "card_count": problems.check(_card_count, values.get("card_count")),
        "issuer": str(values.get("issuer") or "").strip(),
        "outlet_partner_id": partner_id,
        # An outlet on record as a partner is named by the partner.
        "outlet": "" if partner_id else str(values.get("outlet") or "").strip(),
        "opened_locally": problems.check(_opened_locally, values.get("opened_locally")),
        "manner": problems.check(choice, values.get("manner") or "unknown", CARD_MANNERS, "manner"),
        "source": problems.check(choice, values.get("source"), CARD_SOURCES, "source"),
        "officer_id": values.get("officer_id") or None,
        "notes": str(values.get("notes") or "").strip(),
    }
    return clean, problems.errors


def _link_problems(database: Database, clean: dict[str, Any]) -> list[ValidationError]:
    """What is wrong with the records a card seller names: its outlet partner and (when among
    ``clean``) its officer and its area must be on record and not retired."""
    problems = Problems()
    partner_id = clean["outlet_partner_id"]
    if partner_id is not None:
        partner = get_record(database, "partners", partner_id)
        if partner is None or partner["deleted_at"]:
            problems.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("Validation", "Choose an outlet on record as a partner."),
                    field="outlet_partner_id",
                )
            )
    if "officer_id" in clean:
        problems.check(officer_on_record, database, clean["officer_id"], "officer_id")
    if "area_id" in clean:
        problems.check(area_on_record, database, clean["area_id"], "area_id")
    return problems.errors


def opened_locally(database: Database, partner_id: str | None, said: int | None) -> int | None:
    """The rule of the module's description: 1 for a partner outlet with an area, otherwise
    what was said (1, 0, or None for not known)."""
    if partner_id and database.scalar(
        "SELECT area_id IS NOT NULL FROM partners WHERE id = ?", (partner_id,)
    ):
        return 1
    return said


def open_listing_of(
    database: Database, resident_id: str, card_kind: str, skip: str | None = None
) -> str | None:
    """The live, not ended record of this resident for this kind of card, if any."""
    return database.scalar(
        "SELECT id FROM card_sellers WHERE resident_id = ? AND card_kind = ?"
        " AND deleted_at IS NULL AND status NOT IN ('handed_over', 'closed') AND id IS NOT ?"
        " ORDER BY listed_on LIMIT 1",
        (resident_id, card_kind, skip),
    )


def record_problems(database: Database, row: dict[str, Any]) -> list[ValidationError]:
    """What no form would have let into a stored card seller (``row``, every column): its
    own fields' checks, and the rules between them — no step day before the listing or the
    step before it, no day of a step not reached, the current step's day. (Whom it was
    reported to and the reason of 销账 are cleared by retention, so not asked.) A record
    from another laptop is checked so before it is merged."""
    given = {key: row.get(key) for key in EDITABLE}
    # A day ahead: the other laptop's clock may be past midnight already.
    _clean, errors = check_card_seller(given, today=clock.today() + timedelta(days=1))
    status = row.get("status")
    if status not in _RANK:
        return [*errors, unknown_value(status, field="status")]
    steps = [
        (column, _RANK[step] <= _RANK[status] and (step not in ENDED or step == status),
         step == status)
        for step, column in STEP_DATES.items()
    ]  # fmt: skip
    return errors + path_problems(row, steps, CARD_SELLER_STATUSES[status].zh)


def write_card_seller(
    database: Database,
    card_seller: dict[str, Any],
    resident_id: str,
    *,
    area_id: str | None,
    bulk: BulkInsert | None = None,
    summary: str = "card seller",
) -> str:
    """Write a card seller ``check_card_seller`` passed, for ``resident_id`` (whose community,
    ``area_id``, it counts for); returns its id. ``bulk`` is an import's batch; without it the
    record is written on its own. No name goes to the audit log."""
    row = {
        **card_seller,
        "resident_id": resident_id,
        "area_id": area_id,
        "status": "to_verify",
        "opened_locally": opened_locally(
            database, card_seller["outlet_partner_id"], card_seller["opened_locally"]
        ),
    }
    if bulk is not None:
        return bulk.insert("card_sellers", row, summary=summary)
    return insert_record(database, "card_sellers", row, summary=summary)


def add_card_seller(
    database: Database,
    values: dict[str, Any],
    *,
    resident_id: str | None = None,
    new_person: bool = False,
    today: date | None = None,
) -> str:
    """List a card seller; returns the record's id.

    ``resident_id`` links a resident on record (one of ``MatchesOnRecord.matches``). Without
    it a new resident is written from the name, mobile, ID number, address and community —
    unless residents with that ID number or mobile are on record and ``new_person`` does not
    confirm this is someone else (it cannot for the same ID number): then ``MatchesOnRecord``
    offers them (the look-up logged), and nothing is written.
    A resident already on the register for the same kind of card, not yet ended, is refused.
    """
    card_seller, errors = check_card_seller(values, today=today)
    person: dict[str, Any] = {}
    if resident_id is not None:
        resident = get_record(database, "residents", resident_id)
        if resident is None or resident["deleted_at"]:
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("Validation", "The chosen resident is not on record."),
                    field="resident",
                )
            )
    else:
        person, person_errors = resident_store.check_listed_person(values)
        errors += person_errors
    errors += _link_problems(database, {**card_seller, "area_id": person.get("area_id")})
    if errors:
        raise errors[0]
    if resident_id is None:
        matches = resident_store.find_matches(
            database, id_number=person["id_number"], mobile=person["mobile"], listed_too=True
        )
        if new_person:
            # Another person may share a mobile, never an ID number: that one is this person.
            matches = [match for match in matches if match.reason == "id_number"]
        if matches:
            # Offered to link: the officer sees who is on record, the log that they looked.
            log_look_up(
                database, "residents", [match.id for match in matches],
                "look-up: card seller's ID number or mobile matched on record",
            )  # fmt: skip
            raise MatchesOnRecord(matches)
    if resident_id is not None:
        listed = open_listing_of(database, resident_id, card_seller["card_kind"])
        if listed:
            refuse_listed_twice(database, listed, "look-up: listing refused, already listed")
    with database.atomic():
        if resident_id is None:
            resident_id = resident_store.write_resident(database, person)
            area_id = person["area_id"]
        else:
            area_id = database.scalar("SELECT area_id FROM residents WHERE id = ?", (resident_id,))
        return write_card_seller(database, card_seller, resident_id, area_id=area_id)


# The fields ``edit_card_seller`` corrects: everything listing wrote except the resident.
EDITABLE = ("reference_number", "listed_on", "card_kind", "card_count", "issuer",
            "outlet_partner_id", "outlet", "opened_locally", "manner", "source", "officer_id",
            "notes", "area_id")  # fmt: skip


def edit_card_seller(
    database: Database, card_seller_id: str, values: dict[str, Any], *, today: date | None = None
) -> list[str]:
    """Correct what was listed (keys of ``values`` among ``EDITABLE``; others stay); returns
    the fields that changed. The listing day cannot move after a step already recorded."""
    current = get_live_record(database, "card_sellers", card_seller_id)
    merged = {key: current[key] for key in EDITABLE}
    merged.update({key: value for key, value in values.items() if key in EDITABLE})
    clean, errors = check_card_seller(merged, today=today)
    clean["area_id"] = merged["area_id"] or None
    # An officer or area retired since the listing stays on the record until changed.
    errors += _link_problems(
        database,
        {key: value for key, value in clean.items()
         if key == "outlet_partner_id" or value != current[key]},
    )  # fmt: skip
    if clean["listed_on"]:
        first_interview = database.scalar(
            "SELECT min(at) FROM card_interviews WHERE card_seller_id = ? AND deleted_at IS NULL",
            (card_seller_id,),
        )
        first_step = min(
            (current[column] for column in STEP_DATES.values() if current[column]), default=None
        )
        if first_interview and first_interview[:10] < clean["listed_on"]:
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The listing day {value} is after an interview logged on {at};"
                        " correct that interview first.",
                    ),
                    field="listed_on",
                    value=clean["listed_on"],
                    at=first_interview[:10],
                )
            )
        elif first_step and first_step < clean["listed_on"]:
            errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The listing day {value} is after a step already recorded ({step});"
                        " correct that step first.",
                    ),
                    field="listed_on",
                    value=clean["listed_on"],
                    step=first_step,
                )
            )
    if errors:
        raise errors[0]
    if current["status"] not in ENDED and clean["card_kind"] != current["card_kind"]:
        listed = open_listing_of(
            database, current["resident_id"], clean["card_kind"], skip=card_seller_id
        )
        if listed:
            refuse_listed_twice(database, listed, "look-up: change of card kind refused")
    clean["opened_locally"] = opened_locally(
        database, clean["outlet_partner_id"], clean["opened_locally"]
    )
    with database.atomic():
        return update_record(database, "card_sellers", card_seller_id, clean, summary="details")


def record_step(
    database: Database,
    card_seller_id: str,
    status: str,
    on: Any = None,
    *,
    correction_reason: str | None = None,
    restricted_to: str | None = None,
    handed_over_to: str | None = None,
    close_reason: str | None = None,
    today: date | None = None,
) -> None:
    """Move a card seller along the path to ``status`` on its real day ``on`` (default today;
    a step recorded late keeps its own day). Steps may be skipped forwards. Going backwards —
    to an earlier step, or from one end to the other — is a correction: it needs
    ``correction_reason`` (kept in the audit log) and clears the later steps' days.

    已惩戒 needs whom it was reported to (``restricted_to``), 销账 its reason
    (``close_reason``); 移交打击 may name the unit (``handed_over_to``). A day is never before
    the listing, nor before the day of the step it follows.
    """
    today = today or clock.today()
    current = get_live_record(database, "card_sellers", card_seller_id)
    choice(status, CARD_SELLER_STATUSES, "status")
    # Backwards, sideways (one end to the other) or the same step again: a correction.
    backwards = _RANK[status] <= _RANK[current["status"]]
    problems = Problems()
    reason = ""
    if backwards:
        reason = problems.check(
            required_text,
            correction_reason,
            QT_TRANSLATE_NOOP(
                "Validation",
                "Going back to an earlier step (or recording this step again) is a correction:"
                " give its reason.",
            ),
            "correction_reason",
        )
    changes: dict[str, Any] = {"status": status}
    # The steps after the new one are undone, with what they wrote.
    for step, column in STEP_DATES.items():
        if _RANK[step] > _RANK[status] or (step in ENDED and step != status):
            changes[column] = None
            if step in _STEP_DETAILS:
                changes[_STEP_DETAILS[step]] = ""
    if status != "to_verify":
        day = problems.check(day_until, on or today, "on", today)
        kept = [
            current[column]
            for step, column in STEP_DATES.items()
            if _RANK[step] < _RANK[status] and current[column]
        ]
        if day is not None and kept and day.isoformat() < max(kept):
            problems.errors.append(
                ValidationError(
                    STEP_BEFORE,
                    field="on",
                    value=day.isoformat(),
                    previous=max(kept),
                )
            )
        elif day is not None and day.isoformat() < current["listed_on"]:
            problems.errors.append(
                ValidationError(
                    BEFORE_LISTING,
                    field="on",
                    value=day.isoformat(),
                    listed_on=current["listed_on"],
                )
            )
        changes[STEP_DATES[status]] = day.isoformat() if day else None
        if status == "restricted":
            changes["restricted_to"] = problems.check(
                required_text,
                restricted_to,
                QT_TRANSLATE_NOOP(
                    "Validation", "Name whom the card seller was reported to for the restriction."
                ),
                "restricted_to",
            )
        elif status == "closed":
            changes["close_reason"] = problems.check(
                required_text,
                close_reason,
                QT_TRANSLATE_NOOP("Validation", "Give the reason for closing."),
                "close_reason",
            )
        elif status == "handed_over":
            changes["handed_over_to"] = (handed_over_to or "").strip()
    problems.raise_first()
    summary = f"step: {status} {changes.get(STEP_DATES.get(status, ''), '') or ''}".strip()
    if backwards:
        summary += f" (correction: {reason})"
    with database.atomic():
        update_record(database, "card_sellers", card_seller_id, changes, summary=summary)


def record_interview(
    database: Database,
    card_seller_id: str,
    *,
    method: str,
    result: str,
    at: Any = None,
    officer_id: str | None = None,
    notes: str = "",
    now: datetime | None = None,
) -> str:
    """Log one interview or attempt at one (stamped now unless given); returns its id. The
    first one that warned the resident records the 已约谈 step on its day, when the card seller
    was still to be verified."""
    now = now or clock.now()
    current = get_live_record(database, "card_sellers", card_seller_id)
    if current["status"] == "closed":
        raise ValidationError(CLOSED_RECORD, field="status")
    choice(method, INTERVIEW_METHODS, "method")
    choice(result, INTERVIEW_RESULTS, "result")
    officer_on_record(database, officer_id, "officer_id")
    moment = attempt_moment(at or now, current["listed_on"], now, BEFORE_LISTING)
    with database.atomic():
        interview_id = insert_record(
            database,
            "card_interviews",
            {
                "card_seller_id": card_seller_id,
                "at": clock.stored(moment),
                "method": method,
                "result": result,
                "officer_id": officer_id,
                "notes": notes.strip(),
            },
            summary=f"{method}: {result}",
        )
        if result == "warned" and current["status"] == "to_verify":
            update_record(
                database,
                "card_sellers",
                card_seller_id,
                {"status": "interviewed", "interviewed_on": moment.date().isoformat()},
                summary=f"step: interviewed ({interview_id})",
            )
    return interview_id


def update_interview(
    database: Database,
    interview_id: str,
    *,
    at: Any = None,
    result: str | None = None,
    notes: str | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Correct a logged interview afterwards: its time, result or notes; returns the fields
    that changed. The path's steps stay as recorded (``record_step`` corrects them)."""
    interview = get_live_record(database, "card_interviews", interview_id)
    listed_on = database.scalar(
        "SELECT listed_on FROM card_sellers WHERE id = ?", (interview["card_seller_id"],)
    )
    return correct_attempt(
        database, "card_interviews", interview_id, listed_on=listed_on,
        results=INTERVIEW_RESULTS, before_listing=BEFORE_LISTING, at=at, result=result,
        notes=notes, now=now, summary="interview corrected",
    )  # fmt: skip


_INTERVIEWS = (
    "SELECT i.*, coalesce(o.name, '') AS officer_name FROM card_interviews i"
    " LEFT JOIN officers o ON o.id = i.officer_id WHERE i.deleted_at IS NULL"
)


def _interview(row: Any) -> CardInterview:
    return CardInterview(
        id=row["id"],
        card_seller_id=row["card_seller_id"],
        at=datetime.fromisoformat(row["at"]),
        method=row["method"],
        result=row["result"],
        officer_id=row["officer_id"],
        officer_name=row["officer_name"],
        notes=row["notes"] or "",
    )


def interview_timeline(database: Database, card_seller_id: str) -> list[CardInterview]:
    """A card seller's interviews, in the order they happened, with the officers' names."""
    rows = database.query(
        _INTERVIEWS + " AND i.card_seller_id = ? ORDER BY i.at, i.created_at", (card_seller_id,)
    )
    return [_interview(row) for row in rows]


def _day_of(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def card_seller(row: Any) -> CardSeller:
    """A card_sellers row (joined with its outlet partner's name as ``partner_name``) as the
    record the rest of the program reads."""
    opened = row["opened_locally"]
    return CardSeller(
        id=row["id"],
        reference_number=row["reference_number"] or "",
        listed_on=date.fromisoformat(row["listed_on"]),
        resident_id=row["resident_id"],
        area_id=row["area_id"],
        card_kind=row["card_kind"],
        card_count=row["card_count"],
        issuer=row["issuer"],
        outlet_partner_id=row["outlet_partner_id"],
        outlet=row["partner_name"] or row["outlet"],
        opened_locally=None if opened is None else bool(opened),
        manner=row["manner"],
        source=row["source"],
        status=row["status"],
        interviewed_on=_day_of(row["interviewed_on"]),
        pledged_on=_day_of(row["pledged_on"]),
        restricted_on=_day_of(row["restricted_on"]),
        restricted_to=row["restricted_to"],
        handed_over_on=_day_of(row["handed_over_on"]),
        handed_over_to=row["handed_over_to"],
        closed_on=_day_of(row["closed_on"]),
        close_reason=row["close_reason"],
        officer_id=row["officer_id"],
        notes=row["notes"],
    )


def get_card_seller(database: Database, card_seller_id: str) -> CardSeller | None:
    """One card seller, None when there is none or it was retired."""
    row = database.execute(
        "SELECT c.*, p.name AS partner_name FROM card_sellers c"
        " LEFT JOIN partners p ON p.id = c.outlet_partner_id"
        " WHERE c.id = ? AND c.deleted_at IS NULL",
        (card_seller_id,),
    ).fetchone()
    return None if row is None else card_seller(row)


def reveal_card_seller(database: Database, card_seller_id: str, reason: str) -> Resident:
    """The resident of a card seller in full, for an officer who gives a reason; the reveal
    and its reason go to the audit log."""
    reason = reveal_reason(reason)
    record = get_live_record(database, "card_sellers", card_seller_id)
    with database.atomic():
        audit.record(database, "reveal", "card_sellers", card_seller_id, f"shown in full: {reason}")
    return resident_store.get_resident(database, record["resident_id"])


@dataclass(frozen=True)
class RegisterItem:
    """A card seller as the register lists it: the person masked (surname + 某, 138****5678,
    4501**********123X) — the full person only through ``reveal_card_seller``."""

    id: str
    listed_on: date
    status: str
    card_kind: str
    card_count: int
    outlet: str
    opened_locally: bool | None
    resident_name: str
    mobile: str
    id_number: str
    area_id: str | None


@dataclass(frozen=True)
class RegisterFilter:
    """Which card sellers the register shows: ``view`` "open" (not ended), "ended" or "all";
    ``status`` and ``card_kind`` narrow it, ``area_ids`` keeps those areas (an area and
    everything below it; None: every area). Newest listing first."""

    view: str = "open"
    status: str | None = None
    card_kind: str | None = None
    area_ids: tuple[str, ...] | None = None
    # Listed from and to these days (both included; None: no bound).
    listed_from: date | None = None
    listed_to: date | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["c.deleted_at IS NULL"], []
        if self.view == "open":
            clauses.append("c.status NOT IN ('handed_over', 'closed')")
        elif self.view == "ended":
            clauses.append("c.status IN ('handed_over', 'closed')")
        if self.status:
            clauses.append("c.status = ?")
            params.append(self.status)
        if self.card_kind:
            clauses.append("c.card_kind = ?")
            params.append(self.card_kind)
        if self.area_ids is not None:
            clauses.append(f"c.area_id IN ({', '.join('?' * len(self.area_ids)) or 'NULL'})")
            params += list(self.area_ids)
        if self.listed_from is not None:
            clauses.append("c.listed_on >= ?")
            params.append(self.listed_from.isoformat())
        if self.listed_to is not None:
            clauses.append("c.listed_on <= ?")
            params.append(self.listed_to.isoformat())
        return " AND ".join(clauses), params


PageKey = tuple[str, str]  # (listed_on, id) of a page's last row: keyset paging, never OFFSET


def list_card_sellers(
    database: Database,
    which: RegisterFilter = RegisterFilter(),
    *,
    after: PageKey | None = None,
    limit: int = 200,
) -> tuple[list[RegisterItem], PageKey | None]:
    """One page of the register in the filter's order (newest listing first), masked, and the
    key to ask for the next page (None after the last)."""
    where, params = which.where()
    if after is not None:
        where += " AND (c.listed_on, c.id) < (?, ?)"
        params += list(after)
    rows = database.query(
        "SELECT c.id, c.listed_on, c.status, c.card_kind, c.card_count, c.opened_locally,"
        " c.area_id, coalesce(p.name, c.outlet) AS outlet, r.name, r.mobile, r.id_number"
        # In listing order from the one index that holds every filter's column: a county's
        # page reads its 200 rows, not the county's whole register sorted.
        " FROM card_sellers c INDEXED BY card_sellers_listed"
        " JOIN residents r ON r.id = c.resident_id"
        " LEFT JOIN partners p ON p.id = c.outlet_partner_id"
        f" WHERE {where} ORDER BY c.listed_on DESC, c.id DESC LIMIT ?",
        (*params, limit),
    )
    items = [
        RegisterItem(
            id=row["id"],
            listed_on=date.fromisoformat(row["listed_on"]),
            status=row["status"],
            card_kind=row["card_kind"],
            card_count=row["card_count"],
            outlet=row["outlet"],
            opened_locally=None if row["opened_locally"] is None else bool(row["opened_locally"]),
            resident_name=mask_name(row["name"]),
            mobile=mask_mobile(row["mobile"] or ""),
            id_number=mask_id_number(row["id_number"] or ""),
            area_id=row["area_id"],
        )
        for row in rows
    ]
    if len(rows) < limit:
        return items, None
    return items, (rows[-1]["listed_on"], rows[-1]["id"])


def count_card_sellers(database: Database, which: RegisterFilter = RegisterFilter()) -> int:
    where, params = which.where()
    return database.scalar(f"SELECT count(*) FROM card_sellers c WHERE {where}", params)


def get_interview(database: Database, interview_id: str) -> CardInterview | None:
    """One interview with its officer's name, None when there is none or it was retired."""
    row = database.execute(_INTERVIEWS + " AND i.id = ?", (interview_id,)).fetchone()
    return None if row is None else _interview(row)


def listings_of(database: Database, resident_id: str) -> list[CardSeller]:
    """Every live card seller record of one resident (one per kind of card and listing),
    oldest listing first: the cards an interview or a pledge is about."""
    rows = database.query(
        "SELECT c.*, p.name AS partner_name FROM card_sellers c"
        " LEFT JOIN partners p ON p.id = c.outlet_partner_id"
        " WHERE c.resident_id = ? AND c.deleted_at IS NULL ORDER BY c.listed_on, c.id",
        (resident_id,),
    )
    return [card_seller(row) for row in rows]


@dataclass(frozen=True)
class LedgerRow:
    """A card seller as the printed register (台账) lists it: the person masked unless the
    officer gave a reason (``ledger_rows``); the ID number always masked."""

    record: CardSeller
    resident_name: str
    id_number: str
    area_name: str
    status_on: date | None  # the day of the current step (the listing day while to verify)
    interviews: int  # interviews and attempts logged


def ledger_rows(
    database: Database, which: RegisterFilter, *, reason: str | None = None
) -> list[LedgerRow]:
    """Every card seller of the filter, oldest listing first, for the printed register: names
    masked, or in full when ``reason`` is given — a reveal the audit log keeps with it (one
    entry for the whole register, before any name is read)."""
    if reason is not None:
        reason = reveal_reason(reason)
        with database.atomic():
            audit.record(
                database, "reveal", "card_sellers", "",
                f"register printed in full ({count_card_sellers(database, which)}): {reason}",
            )  # fmt: skip
    where, params = which.where()
    rows = database.query(
        "SELECT c.*, p.name AS partner_name, r.name AS resident_name, r.id_number,"
        " coalesce(a.name, '') AS area_name,"
        " (SELECT count(*) FROM card_interviews i WHERE i.card_seller_id = c.id"
        "  AND i.deleted_at IS NULL) AS interviews"
        " FROM card_sellers c JOIN residents r ON r.id = c.resident_id"
        " LEFT JOIN partners p ON p.id = c.outlet_partner_id"
        " LEFT JOIN areas a ON a.id = c.area_id"
        f" WHERE {where} ORDER BY c.listed_on, c.id",
        params,
    )
    ledger = []
    for row in rows:
        record = card_seller(row)
        column = STEP_DATES.get(record.status)
        ledger.append(
            LedgerRow(
                record=record,
                resident_name=row["resident_name"] if reason else mask_name(row["resident_name"]),
                id_number=mask_id_number(row["id_number"] or ""),
                area_name=row["area_name"],
                status_on=getattr(record, column) if column else record.listed_on,
                interviews=row["interviews"],
            )
        )
    return ledger


def with_references(
    database: Database, references: Iterable[str]
) -> dict[str, tuple[str, str | None, str]]:
    """The live card sellers with these reference numbers of the upper level's list (a list
    imported again), each as (id, resident id, card kind) — all of a list's numbers at once,
    before its rows are checked; where an upper level's numbers collide, the first on record."""
    found: dict[str, tuple[str, str | None, str]] = {}
    for reference, *record in database.query(
        "SELECT reference_number, id, resident_id, card_kind FROM card_sellers"
        " WHERE reference_number IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL"
        " ORDER BY reference_number, rowid",
        (json.dumps(sorted(set(references)), ensure_ascii=False),),
    ):
        found.setdefault(reference, tuple(record))
    return found


def outlet_partners(database: Database) -> dict[str, str]:
    """Live partners by name (an imported list names its outlets)."""
    return {
        row["name"]: row["id"]
        for row in database.query("SELECT id, name FROM partners WHERE deleted_at IS NULL")
    }


def write_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Card sellers made elsewhere already checked, with their whole path (the demo's), as
    tuples in ``COLUMNS`` order, in one ``executemany`` inside the caller's transaction."""
    insert_rows(database, "card_sellers", COLUMNS, rows)


def write_interview_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Interviews already checked (the demo's), as tuples in ``INTERVIEW_COLUMNS`` order."""
    insert_rows(database, "card_interviews", INTERVIEW_COLUMNS, rows)


@dataclass(frozen=True)
class ScreenFilter(RegisterFilter):
    """The register screen's filter: ``RegisterFilter`` narrowed further by how it happened
    (``manner``) and by whether the card was opened locally (True, False; None: either)."""

    manner: str | None = None
    opened_locally: bool | None = None

    def where(self) -> tuple[str, list[Any]]:
        where, params = super().where()
        if self.manner:
            where += " AND c.manner = ?"
            params.append(self.manner)
        if self.opened_locally is not None:
            where += " AND c.opened_locally = ?"
            params.append(int(self.opened_locally))
        return where, params


@dataclass(frozen=True)
class ScreenRow:
    """A card seller as the register screen lists it: the person masked (surname + 某), with
    what the officer sorts the work by — the cards, where they were opened, how it happened,
    the step reached and when the resident was last interviewed."""

    id: str
    listed_on: date
    status: str
    card_kind: str
    card_count: int
    issuer: str
    outlet: str
    manner: str
    resident_name: str
    area_name: str
    last_interview: datetime | None


def screen_rows(
    database: Database,
    which: RegisterFilter = ScreenFilter(),
    *,
    after: PageKey | None = None,
    limit: int = 200,
) -> tuple[list[ScreenRow], PageKey | None]:
    """One page of the register for its screen, in the order of ``list_card_sellers``
    (newest listing first, keyset paged), masked, and the key of the next page (None after
    the last)."""
    where, params = which.where()
    if after is not None:
        where += " AND (c.listed_on, c.id) < (?, ?)"
        params += list(after)
    rows = database.query(
        "SELECT c.id, c.listed_on, c.status, c.card_kind, c.card_count, c.issuer, c.manner,"
        " coalesce(p.name, c.outlet) AS outlet, r.name, coalesce(a.name, '') AS area_name,"
        # The page's rows only: one probe of the interviews' index each.
        " (SELECT max(i.at) FROM card_interviews i WHERE i.card_seller_id = c.id"
        "  AND i.deleted_at IS NULL) AS last_interview"
        " FROM card_sellers c INDEXED BY card_sellers_listed"
        " JOIN residents r ON r.id = c.resident_id"
        " LEFT JOIN partners p ON p.id = c.outlet_partner_id"
        " LEFT JOIN areas a ON a.id = c.area_id"
        f" WHERE {where} ORDER BY c.listed_on DESC, c.id DESC LIMIT ?",
        (*params, limit),
    )
    items = [
        ScreenRow(
            id=row["id"],
            listed_on=date.fromisoformat(row["listed_on"]),
            status=row["status"],
            card_kind=row["card_kind"],
            card_count=row["card_count"],
            issuer=row["issuer"],
            outlet=row["outlet"],
            manner=row["manner"],
            resident_name=mask_name(row["name"]),
            area_name=row["area_name"],
            last_interview=(
                datetime.fromisoformat(row["last_interview"]) if row["last_interview"] else None
            ),
        )
        for row in rows
    ]
    if len(rows) < limit:
        return items, None
    return items, (rows[-1]["listed_on"], rows[-1]["id"])
