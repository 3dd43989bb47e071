"""Return persuasion (劝返): residents stranded abroad in fraud areas, the ledger (台账) of them,
the path that brings each one back and closes the entry (销账), the contacts made with the
person or the family, and the measures taken against those who stay away.

This module is the only way the kind is checked and written — forms, imports and the demo (its
bulk ``write_rows``) call it. Each function is one user action and one transaction, written to
the audit log. Every step of the path keeps its real date, so a step recorded late still counts
on the day it happened; a step back needs a correction reason, which the audit log keeps.

Both places manage the person (户籍地和流入地双管双控): ``area_id`` is the area of household
registration, ``residence_area_id`` the area the person lived in before leaving. An area's
ledger and board list the person under either; the figures (``domain.statistics``) count them
by registration only.

Personal data leaves this module masked (names too: these people are suspected of crimes);
``reveal_case`` gives it in full for a reason, logged.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from desktop.core import clock
from desktop.core.catalogue import (
    ABROAD_LOCATIONS,
    CLOSE_REASONS,
    CONTROL_KINDS,
    DEPARTURES,
    RETURN_CATEGORIES,
    RETURN_CONTACT_METHODS,
    RETURN_CONTACT_RESULTS,
    RETURN_LEAD_SOURCES,
    RETURN_MEASURES,
    RETURN_PARTIES,
    RETURN_STATUSES,
)
from desktop.core.entities import Resident, ReturnCase, ReturnContact
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError, required_text, unknown_value
from desktop.core.figures import IN_TOUCH_RESULTS
from desktop.core.limits import ORGANISATION, check_text
from desktop.core.privacy import (
    age_from_id_number,
    mask_id_number,
    mask_mobile,
    mask_name,
    reveal_reason,
    sex_from_id_number,
)
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
from desktop.domain.areas import area_on_record, area_path, subtree_ids
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

STATUSES = tuple(RETURN_STATUSES)
OPEN_STATUSES = STATUSES[:-1]  # on the ledger (在册): everything but 销账
NOT_RETURNED = ("to_verify", "contacted", "promised")
# The day each step of the path keeps (待核查 has the listing day itself).
STEP_DAYS = {
    "contacted": "contacted_on",
    "promised": "promised_on",
    "returned": "returned_on",
    "reported": "reported_on",
    "under_control": "control_on",
    "closed": "closed_on",
}
# What else a step records; a step back clears them with its day.
STEP_DETAILS = {
    "contacted": ("contacted_party",),
    "returned": ("port_of_entry",),
    "under_control": ("control_kind", "control_ends_on"),
    "closed": ("close_reason",),
}
RETURN_REASONS = ("surrendered", "review_done")  # closing reasons that follow a return
MEASURES = {code: (f"measure_{code}_on", f"measure_{code}_by") for code in RETURN_MEASURES}

# The stored columns of a case and of a contact, in the order ``write_rows`` and
# ``write_contact_rows`` take them (the demo's rows).
COLUMNS = ("id", "created_at", "updated_at", "device_id", "resident_id", "area_id",
           "residence_area_id", "location", "left_on", "departure", "lead_source", "category",
           "list_name", "listed_on", "deadline_on", "status", "contacted_on", "contacted_party",
           "promised_on", "returned_on", "port_of_entry", "reported_on", "control_on",
           "control_kind", "control_ends_on", "closed_on", "close_reason", "family_name",
           "family_relation", "family_phone", "county_leader", "county_leader_phone",
           "township_leader", "township_leader_phone", "officer_id", "village_secretary",
           "village_secretary_phone", "measure_listed_on", "measure_listed_by",
           "measure_household_on", "measure_household_by", "measure_cards_on",
           "measure_cards_by", "notes")  # fmt: skip
CONTACT_COLUMNS = ("id", "created_at", "updated_at", "device_id", "case_id", "at", "party",
                   "method", "result", "officer_id", "notes")  # fmt: skip
# The fields a case's form (and an import) gives; the path, the measures and the resident are
# written by their own actions.
DETAILS = ("area_id", "residence_area_id", "location", "left_on", "departure", "lead_source",
           "category", "list_name", "listed_on", "deadline_on", "family_name", "family_relation",
           "family_phone", "county_leader", "county_leader_phone", "township_leader",
           "township_leader_phone", "officer_id", "village_secretary", "village_secretary_phone",
           "notes")  # fmt: skip
_PHONES = ("family_phone", "county_leader_phone", "township_leader_phone",
           "village_secretary_phone")  # fmt: skip
_TEXTS = ("list_name", "family_name", "family_relation", "county_leader", "township_leader",
          "village_secretary", "notes")  # fmt: skip

# The station's own places abroad, beyond the catalogue's (a JSON list of names), and how many
# days may pass without contact with the family (the contact rhythm, e.g. a monthly visit).
META_LOCATIONS = "return_locations"
META_CONTACT_DAYS = "return_contact_days"
DEFAULT_CONTACT_DAYS = 30


class AlreadyListed(ValidationError):
    """The person is on the ledger already: ``case_id`` is the entry a form offers to open."""

    def __init__(self, case_id: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Validation",
                "This person is already on the ledger of persons abroad; open that entry"
                " instead of listing them again. (This look-up is logged.)",
            ),
            field="resident",
        )
        self.case_id = case_id


# -- the station's settings ----------------------------------------------------------------------


def station_locations(database: Database) -> list[str]:
    """The places the station added to the catalogue's, in the order added."""
    try:
        names = json.loads(database.get_meta(META_LOCATIONS) or "[]")
    except ValueError:
        names = []
    return [str(name) for name in names] if isinstance(names, list) else []


def locations(database: Database) -> dict[str, str]:
    """Every place a person may be recorded at: catalogue code (or the station's own name)
    -> its Chinese name."""
    return {
        **{code: entry.zh for code, entry in ABROAD_LOCATIONS.items()},
        **{name: name for name in station_locations(database)},
    }


def add_location(database: Database, name: str) -> str:
    """Add a place to the station's list (logged); returns it as stored. A name the list
    already holds (a catalogue entry's Chinese name included) is not added twice."""
    text = check_text(
        required_text(
            name, QT_TRANSLATE_NOOP("Validation", "Give the name of the place."), "location"
        ),
        ORGANISATION,
        field="location",
    )
    known = locations(database)
    if text in known or text in known.values():
        return next(code for code, zh in known.items() if text in (code, zh))
    with database.atomic():
        database.set_meta(
            META_LOCATIONS, json.dumps([*station_locations(database), text], ensure_ascii=False)
        )
        audit.record(database, "settings", "", "", f"place abroad added: {text}")
    return text


def contact_days(database: Database) -> int:
    """Days the family may go without contact before the case is overdue (Settings)."""
    stored = database.get_meta(META_CONTACT_DAYS) or ""
    return int(stored) if stored.isdigit() and int(stored) >= 1 else DEFAULT_CONTACT_DAYS


def set_contact_days(database: Database, days: int) -> None:
    if not isinstance(days, int) or not 1 <= days <= 365:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Contact the family every 1 to 365 days."),
            field="contact_days",
        )
    with database.atomic():
        database.set_meta(META_CONTACT_DAYS, str(days))
        audit.record(database, "settings", "", "", f"family contact every {days} days")


# -- checks --------------------------------------------------------------------------------------


def _any_day(value: Any, field: str) -> date:
    from desktop.core.validate import parse_date

    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    return parse_date(value, field=field)


def _phone(value: Any, field: str) -> str:
    """A phone number as stored (mobile or landline), "" when none is given."""
    from desktop.core.validate import normalize_phone

    return normalize_phone(value, field=field).number if str(value or "").strip() else ""


def check_details(
    database: Database,
    values: dict[str, Any],
    *,
    today: date | None = None,
    places: dict[str, str] | None = None,
) -> tuple[dict[str, Any], list[ValidationError]]:
    """A case's own fields (those of ``DETAILS`` in ``values``) ready to store, and every
    problem found in them (each names its field) — the one check of a form and an imported row
    alike. Days may be dates or text; codes are the catalogue's. ``places`` is ``locations``
    when the caller has read it already (an import, once for all its rows)."""
    today = today or clock.today()
    problems = Problems()
    clean: dict[str, Any] = {}
    for field in ("area_id", "residence_area_id"):
        if field in values:
            clean[field] = problems.check(area_on_record, database, values[field], field)
    if "location" in values:
        clean["location"] = problems.check(
            choice,
            values["location"],
            locations(database) if places is None else places,
            "location",
        )
    for field, allowed in (
        ("departure", DEPARTURES),
        ("lead_source", RETURN_LEAD_SOURCES),
        ("category", RETURN_CATEGORIES),
    ):
        if field in values:
            clean[field] = problems.check(choice, values[field], allowed, field)
    for field in ("left_on", "listed_on"):
        if field in values:
            value = values[field]
            day = problems.check(day_until, value, field, today) if value else None
            clean[field] = day.isoformat() if day else None
    if "deadline_on" in values:
        value = values["deadline_on"]
        day = problems.check(_any_day, value, "deadline_on") if value else None
        clean["deadline_on"] = day.isoformat() if day else None
    for field in _PHONES:
        if field in values:
            clean[field] = problems.check(_phone, values[field], field) or ""
    for field in _TEXTS:
        if field in values:
            clean[field] = str(values[field] or "").strip()
    if "officer_id" in values:
        clean["officer_id"] = problems.check(
            officer_on_record, database, values["officer_id"], "officer_id"
        )
    return clean, problems.errors


def _check_dates(case: dict[str, Any]) -> list[ValidationError]:
    """The rules between a case's days: nothing before the listing (a person abroad returns
    after being listed), the deadline not before it, no day before the one they left."""
    errors: list[ValidationError] = []
    listed = case.get("listed_on")
    if not listed:
        return errors
    if case.get("deadline_on") and case["deadline_on"] < listed:
        errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The notice deadline {value} is before the listing date {listed}; a"
                    " deadline cannot already have passed when the person is listed.",
                ),
                field="deadline_on",
                value=case["deadline_on"],
                listed=listed,
            )
        )
    if case.get("left_on") and case["left_on"] > listed:
        errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation", "The person cannot have left ({value}) after being listed."
                ),
                field="left_on",
                value=case["left_on"],
            )
        )
    for status, field in STEP_DAYS.items():
        day = case.get(field)
        if day and day < listed:
            template = (
                QT_TRANSLATE_NOOP(
                    "Validation", "The return date {value} is before the listing date {listed}."
                )
                if status == "returned"
                else QT_TRANSLATE_NOOP(
                    "Validation", "The date {value} is before the listing date {listed}."
                )
            )
            errors.append(ValidationError(template, field=field, value=day, listed=listed))
    return errors


def entry_problems(database: Database, row: dict[str, Any]) -> list[ValidationError]:
    """What no form would have let into a stored entry (``row``, every column): its own
    fields' checks (a place on the station's list among them), the rules between its days,
    and its path — no day of a step not reached, the current step's day, the reason of 销账,
    no day before the step before it. An entry from another laptop is checked so before it
    is merged."""
    given = {key: row.get(key) for key in DETAILS if key not in ("area_id", "residence_area_id",
                                                                  "officer_id")}  # fmt: skip
    # A day ahead: the other laptop's clock may be past midnight already.
    _clean, errors = check_details(database, given, today=clock.today() + timedelta(days=1))
    errors += _check_dates(row)
    status = row.get("status")
    if status not in STATUSES:
        return [*errors, unknown_value(status, field="status")]
    here = STATUSES.index(status)
    steps = [
        (column, STATUSES.index(step) <= here, step == status) for step, column in STEP_DAYS.items()
    ]
    errors += path_problems(row, steps, RETURN_STATUSES[status].zh)
    if status == "closed" and row.get("close_reason") not in CLOSE_REASONS:
        errors.append(unknown_value(row.get("close_reason"), field="close_reason"))
    return errors


def open_case_of(database: Database, resident_id: str) -> str | None:
    """The resident's entry on the ledger not yet closed off, if any."""
    return database.scalar(
        "SELECT id FROM return_cases WHERE resident_id = ? AND deleted_at IS NULL"
        " AND status != 'closed' ORDER BY listed_on LIMIT 1",
        (resident_id,),
    )


# -- writing -------------------------------------------------------------------------------------


def check_listing(
    database: Database,
    values: dict[str, Any],
    *,
    with_person: bool = True,
    today: date,
    places: dict[str, str] | None = None,
) -> tuple[dict[str, Any], dict[str, Any], list[ValidationError]]:
    """A new entry's own fields and (``with_person``) its resident's, ready to store, and every
    problem found in them (each names its field): the one check of the form and of an imported
    row. ``location``, ``lead_source`` and ``category`` are required; ``listed_on`` defaults to
    today; the departure, when not known, is 不详."""
    given = {key: values[key] for key in DETAILS if key in values}
    given.setdefault("listed_on", today)
    for field in ("location", "lead_source", "category"):
        given.setdefault(field, None)
    case, errors = check_details(database, given, today=today, places=places)
    case["departure"] = case.get("departure") or "unknown"
    resident: dict[str, Any] = {}
    if with_person:
        resident, resident_errors = resident_store.check_listed_person(values)
        errors += resident_errors
    return case, resident, errors + _check_dates(case)


def write_listing(
    database: Database,
    case: dict[str, Any],
    resident: dict[str, Any],
    resident_id: str | None,
    *,
    bulk: BulkInsert | None = None,
    people: resident_store.PeopleOfAList | None = None,
) -> str:
    """Write an entry ``check_listing`` passed for ``resident_id`` (None: write ``resident``
    first); the registration area is the resident's community unless given. ``bulk`` is an
    import's batch (inside its one transaction); without it the entry is written on its own.
    ``people`` (with ``bulk``) is what the import knows of its residents: the resident's
    community is not read again, and a resident written here is remembered there."""
    # An import's batch is inside its one transaction already: no savepoint per row.
    with database.atomic() if bulk is None else nullcontext():
        if resident_id is None:
            resident_id = resident_store.write_resident(database, resident, bulk=bulk)
            home = resident["area_id"]
            if people is not None:
                people.written(resident, resident_id)
        elif people is not None:
            home = people.area_of(resident_id)
        else:
            home = database.scalar("SELECT area_id FROM residents WHERE id = ?", (resident_id,))
        row = {**case, "area_id": case.get("area_id") or home, "resident_id": resident_id,
               "status": "to_verify"}  # fmt: skip
        summary = f"listed: {row['location']} {row['category']}"
        if bulk is None:
            return insert_record(database, "return_cases", row, summary=summary)
        return bulk.insert("return_cases", row, summary=summary)


def list_person(
    database: Database,
    values: dict[str, Any],
    *,
    resident_id: str | None = None,
    today: date | None = None,
) -> str:
    """Put a person abroad on the ledger (the form's action); returns the entry's id.

    ``resident_id`` links a resident on record (one of ``residents.find_matches``, as warnings
    link); without it the resident is written from ``name``, ``mobile``, ``id_number`` and
    ``address``, unless they are certainly on record already (the same ID number, or the same
    name and mobile) — then that resident is the person. A person with an open entry is refused
    (``AlreadyListed`` names it, for the form to offer).
    """
    today = today or clock.today()
    case, resident, errors = check_listing(
        database, values, with_person=resident_id is None, today=today
    )
    if resident_id is not None and get_record(database, "residents", resident_id) is None:
        errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "The chosen resident is not on record."),
                field="resident",
            )
        )
    if errors:
        raise errors[0]
    if resident_id is None:
        resident_id = resident_store.same_person_on_record(database, resident)
        if resident_id is not None:
            # Linked without asking: who was found is a look-up, and a stranger never.
            log_look_up(database, "residents", [resident_id],
                        "look-up: person abroad's ID number or name and mobile matched on record")  # fmt: skip
            if resident["id_number"] and resident_store.named_otherwise(
                database, resident_id, resident["name"]
            ):
                raise ValidationError(resident_store.ANOTHER_NAME, field="id_number")
    if resident_id is not None and (listed := open_case_of(database, resident_id)):
        log_look_up(database, "return_cases", [listed], "look-up: listing refused, already listed")
        raise AlreadyListed(listed)
    return write_listing(database, case, resident, resident_id)


def edit_case(
    database: Database, case_id: str, values: dict[str, Any], *, today: date | None = None
) -> list[str]:
    """Correct or fill in an entry's own fields (any of ``DETAILS``; keys left out stay as
    they are) in one transaction; returns the fields changed."""
    case = get_live_record(database, "return_cases", case_id)
    unknown = set(values) - set(DETAILS)
    if unknown:
        raise ValueError(f"not a field of an entry's details: {sorted(unknown)}")
    for field in ("location", "lead_source", "category", "listed_on"):
        if field in values and not values[field]:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Validation", "This field cannot be empty."), field=field
            )
    clean, errors = check_details(database, values, today=today)
    errors += _check_dates({**case, **clean})
    first_contact = database.scalar(
        "SELECT min(at) FROM return_contacts WHERE case_id = ? AND deleted_at IS NULL", (case_id,)
    )
    if clean.get("listed_on") and first_contact and first_contact[:10] < clean["listed_on"]:
        errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The listing day {value} is after a contact logged on {at}; correct that"
                    " contact first.",
                ),
                field="listed_on",
                value=clean["listed_on"],
                at=first_contact[:10],
            )
        )
    if errors:
        raise errors[0]
    changes = {key: value for key, value in clean.items() if value != case[key]}
    if not changes:
        return []
    with database.atomic():
        return update_record(database, "return_cases", case_id, changes, summary="details")


def set_list_deadline(
    database: Database, list_name: str, deadline: Any, *, today: date | None = None
) -> int:
    """Set the notice deadline of one list (通告期限) on every open entry of it, in one
    transaction; returns how many entries changed. A deadline already past is refused."""
    today = today or clock.today()
    name = required_text(list_name, QT_TRANSLATE_NOOP("Validation", "Name the list."), "list_name")
    day = _any_day(deadline, "deadline_on")
    if day < today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "The notice deadline {value} has already passed."),
            field="deadline_on",
            value=day.isoformat(),
        )
    ids = [
        row[0]
        for row in database.execute(
            "SELECT id FROM return_cases WHERE list_name = ? AND deleted_at IS NULL"
            " AND status != 'closed' AND deadline_on IS NOT ?",
            (name, day.isoformat()),
        )
    ]
    with database.atomic():
        for case_id in ids:
            update_record(
                database, "return_cases", case_id, {"deadline_on": day.isoformat()},
                summary=f"deadline of list {name}",
            )  # fmt: skip
    return len(ids)


def record_step(
    database: Database,
    case_id: str,
    status: str,
    *,
    on: Any,
    party: str | None = None,
    port_of_entry: str = "",
    control_kind: str | None = None,
    control_ends_on: Any = None,
    close_reason: str | None = None,
    correction_reason: str | None = None,
    today: date | None = None,
) -> None:
    """Record a step of the path on its real day (``on``; today or earlier), with what the
    step needs: whom 已联系 reached (``party``), the port of entry of 已回国, the kind and end
    day of 管控中, the reason of 销账. A step forward may skip steps; recording the step the
    entry is at corrects its details; a step back needs ``correction_reason`` and clears the
    days of the steps after it. A day is never before the day of the step it follows."""
    today = today or clock.today()
    case = get_live_record(database, "return_cases", case_id)
    choice(status, STATUSES, "status")
    here, there = STATUSES.index(case["status"]), STATUSES.index(status)
    reason = (correction_reason or "").strip()
    if there < here and not reason:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Going back from {current} to {wanted} corrects the record: give the reason.",
            ),
            field="correction_reason",
            current=RETURN_STATUSES[case["status"]].zh,
            wanted=RETURN_STATUSES[status].zh,
        )
    problems = Problems()
    changes: dict[str, Any] = {"status": status}
    if status == "to_verify":
        day = None
    else:
        day = problems.check(day_until, on, STEP_DAYS[status], today)
        changes[STEP_DAYS[status]] = day.isoformat() if day else None
        # The card sellers' rule: a step comes no earlier than the latest step before it.
        kept = [case[STEP_DAYS[step]] for step in STATUSES[1:there] if case[STEP_DAYS[step]]]
        if day is not None and kept and day.isoformat() < max(kept):
            problems.errors.append(
                ValidationError(
                    STEP_BEFORE,
                    field=STEP_DAYS[status],
                    value=day.isoformat(),
                    previous=max(kept),
                )
            )
    if status == "contacted":
        changes["contacted_party"] = problems.check(choice, party, RETURN_PARTIES, "party")
    elif status == "returned":
        changes["port_of_entry"] = str(port_of_entry or "").strip()
    elif status == "under_control":
        changes["control_kind"] = problems.check(
            choice, control_kind, CONTROL_KINDS, "control_kind"
        )
        if not control_ends_on:
            problems.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("Validation", "Give the day the supervision ends."),
                    field="control_ends_on",
                )
            )
        else:
            ends = problems.check(_any_day, control_ends_on, "control_ends_on")
            if ends and day and ends < day:
                problems.errors.append(
                    ValidationError(
                        QT_TRANSLATE_NOOP(
                            "Validation", "The supervision cannot end before it starts."
                        ),
                        field="control_ends_on",
                    )
                )
            changes["control_ends_on"] = ends.isoformat() if ends else None
    elif status == "closed":
        if not close_reason:
            problems.errors.append(
                ValidationError(
                    QT_TRANSLATE_NOOP("Validation", "Choose the reason for closing the entry."),
                    field="close_reason",
                )
            )
        else:
            changes["close_reason"] = problems.check(
                choice, close_reason, CLOSE_REASONS, "close_reason"
            )
            if close_reason in RETURN_REASONS and not case["returned_on"]:
                problems.errors.append(
                    ValidationError(
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "Record the return before closing the entry as returned.",
                        ),
                        field="returned_on",
                    )
                )
    # A step back undoes the steps after the one recorded again.
    for later in STATUSES[there + 1 :]:
        if STATUSES.index(later) <= here:
            changes[STEP_DAYS[later]] = None
            for detail in STEP_DETAILS.get(later, ()):
                changes[detail] = "" if detail == "port_of_entry" else None
    problems.errors += _check_dates({**case, **changes})
    if problems.errors:
        raise problems.errors[0]
    summary = f"step: {status}" + (f" (corrected back: {reason})" if there < here else "")
    with database.atomic():
        update_record(database, "return_cases", case_id, changes, summary=summary)


def tick_measure(
    database: Database,
    case_id: str,
    measure: str,
    *,
    on: Any,
    officer_id: str | None = None,
    today: date | None = None,
) -> None:
    """Tick a measure (列管列控, 户籍业务暂停, 两卡功能暂停) with its day and the officer who
    took it."""
    today = today or clock.today()
    case = get_live_record(database, "return_cases", case_id)
    day_field, by_field = MEASURES[choice(measure, MEASURES, "measure")]
    day = day_until(on, day_field, today)
    if day.isoformat() < case["listed_on"]:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation", "The date {value} is before the listing date {listed}."
            ),
            field=day_field,
            value=day.isoformat(),
            listed=case["listed_on"],
        )
    officer = officer_on_record(database, officer_id, by_field)
    with database.atomic():
        update_record(
            database, "return_cases", case_id, {day_field: day.isoformat(), by_field: officer},
            summary=f"measure: {measure}",
        )  # fmt: skip


def lift_measure(database: Database, case_id: str, measure: str, *, reason: str) -> None:
    """Take a measure's tick off (lifted, or ticked by mistake), with the reason (logged)."""
    get_live_record(database, "return_cases", case_id)
    day_field, by_field = MEASURES[choice(measure, MEASURES, "measure")]
    reason = required_text(
        reason, QT_TRANSLATE_NOOP("Validation", "Give the reason for lifting the measure."),
        "reason",
    )  # fmt: skip
    with database.atomic():
        update_record(
            database, "return_cases", case_id, {day_field: None, by_field: None},
            summary=f"measure lifted: {measure} ({reason})",
        )  # fmt: skip


def record_contact(
    database: Database,
    case_id: str,
    *,
    party: str,
    method: str,
    result: str,
    at: datetime | None = None,
    officer_id: str | None = None,
    notes: str = "",
    now: datetime | None = None,
) -> str:
    """Log one contact with the person or the family (stamped now unless given). The first
    that reaches someone moves an entry still to be verified to 已联系 on its day."""
    now = now or clock.now()
    case = get_live_record(database, "return_cases", case_id)
    if case["status"] == "closed":
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "This entry is closed: no contact is logged on it. If it was closed by"
                " mistake, correct the closing first (a step back with its reason).",
            ),
            field="status",
        )
    problems = Problems()
    problems.check(choice, party, RETURN_PARTIES, "party")
    problems.check(choice, method, RETURN_CONTACT_METHODS, "method")
    problems.check(choice, result, RETURN_CONTACT_RESULTS, "result")
    moment = problems.check(attempt_moment, at or now, case["listed_on"], now, BEFORE_LISTING)
    problems.check(officer_on_record, database, officer_id, "officer_id")
    problems.raise_first()
    with database.atomic():
        contact_id = insert_record(
            database,
            "return_contacts",
            {
                "case_id": case_id,
                "at": clock.stored(moment),
                "party": party,
                "method": method,
                "result": result,
                "officer_id": officer_id,
                "notes": notes.strip(),
            },
            summary=f"{party} {method}: {result}",
        )
        if case["status"] == "to_verify" and result in IN_TOUCH_RESULTS:
            update_record(
                database, "return_cases", case_id,
                {"status": "contacted", "contacted_on": moment.date().isoformat(),
                 "contacted_party": party},
                summary="step: contacted",
            )  # fmt: skip
    return contact_id


BEFORE_LISTING = QT_TRANSLATE_NOOP(
    "Validation", "A contact cannot come before the person was listed ({listed_on})."
)


def update_contact(
    database: Database,
    contact_id: str,
    *,
    at: Any = None,
    result: str | None = None,
    notes: str | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Correct a logged contact afterwards: its time, result or notes; returns the fields that
    changed."""
    contact = get_live_record(database, "return_contacts", contact_id)
    listed_on = database.scalar(
        "SELECT listed_on FROM return_cases WHERE id = ?", (contact["case_id"],)
    )
    return correct_attempt(
        database, "return_contacts", contact_id, listed_on=listed_on,
        results=RETURN_CONTACT_RESULTS, before_listing=BEFORE_LISTING, at=at, result=result,
        notes=notes, now=now, summary="contact corrected",
    )  # fmt: skip


def write_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Entries made elsewhere already checked, with their whole path (the demo's), as tuples in
    ``COLUMNS`` order, in one ``executemany`` inside the caller's transaction."""
    insert_rows(database, "return_cases", COLUMNS, rows)


def write_contact_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Contacts already checked (the demo's), as tuples in ``CONTACT_COLUMNS`` order."""
    insert_rows(database, "return_contacts", CONTACT_COLUMNS, rows)


# -- reading -------------------------------------------------------------------------------------


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def return_case(row: Any) -> ReturnCase:
    """A return_cases row as the record the rest of the program reads."""
    return ReturnCase(
        id=row["id"],
        resident_id=row["resident_id"],
        area_id=row["area_id"],
        residence_area_id=row["residence_area_id"],
        location=row["location"],
        left_on=_date(row["left_on"]),
        departure=row["departure"],
        lead_source=row["lead_source"],
        category=row["category"],
        list_name=row["list_name"],
        listed_on=date.fromisoformat(row["listed_on"]),
        deadline_on=_date(row["deadline_on"]),
        status=row["status"],
        contacted_on=_date(row["contacted_on"]),
        contacted_party=row["contacted_party"] or "",
        promised_on=_date(row["promised_on"]),
        returned_on=_date(row["returned_on"]),
        port_of_entry=row["port_of_entry"],
        reported_on=_date(row["reported_on"]),
        control_on=_date(row["control_on"]),
        control_kind=row["control_kind"] or "",
        control_ends_on=_date(row["control_ends_on"]),
        closed_on=_date(row["closed_on"]),
        close_reason=row["close_reason"] or "",
        family_name=row["family_name"],
        family_relation=row["family_relation"],
        family_phone=row["family_phone"],
        county_leader=row["county_leader"],
        county_leader_phone=row["county_leader_phone"],
        township_leader=row["township_leader"],
        township_leader_phone=row["township_leader_phone"],
        officer_id=row["officer_id"],
        village_secretary=row["village_secretary"],
        village_secretary_phone=row["village_secretary_phone"],
        measures={
            code: (date.fromisoformat(row[day]), row[by])
            for code, (day, by) in MEASURES.items()
            if row[day]
        },
        notes=row["notes"],
    )


def get_case(database: Database, case_id: str) -> ReturnCase | None:
    """One entry, None when there is none or it was retired (personal data of the family in
    full: mask when shown)."""
    row = database.execute(
        "SELECT * FROM return_cases WHERE id = ? AND deleted_at IS NULL", (case_id,)
    ).fetchone()
    return None if row is None else return_case(row)


def reveal_case(database: Database, case_id: str, reason: str) -> tuple[ReturnCase, Resident]:
    """An entry and its person in full, for an officer who gives a reason; the reveal and its
    reason go to the audit log."""
    reason = reveal_reason(reason)
    case = get_case(database, case_id)
    if case is None:
        raise KeyError(case_id)
    with database.atomic():
        audit.record(database, "reveal", "return_cases", case_id, f"shown in full: {reason}")
    resident = resident_store.get_resident(database, case.resident_id)
    assert resident is not None  # a case's resident is never deleted, only cleared
    return case, resident


_CONTACTS = (
    "SELECT c.*, coalesce(o.name, '') AS officer_name FROM return_contacts c"
    " LEFT JOIN officers o ON o.id = c.officer_id WHERE c.deleted_at IS NULL"
)


def contact_timeline(database: Database, case_id: str) -> list[ReturnContact]:
    """An entry's contacts in the order they happened, with the officers' names."""
    return [
        ReturnContact(
            id=row["id"],
            case_id=row["case_id"],
            at=datetime.fromisoformat(row["at"]),
            party=row["party"],
            method=row["method"],
            result=row["result"],
            officer_id=row["officer_id"],
            officer_name=row["officer_name"],
            notes=row["notes"],
        )
        for row in database.query(
            _CONTACTS + " AND c.case_id = ? ORDER BY c.at, c.created_at", (case_id,)
        )
    ]


@dataclass(frozen=True)
class LedgerItem:
    """An entry as a list shows it, personal data already masked (罗某, 4501**********123X,
    138****5678)."""

    id: str
    name: str
    id_number: str
    mobile: str
    location: str
    status: str
    listed_on: date
    deadline_on: date | None
    returned_on: date | None
    area_id: str | None
    residence_area_id: str | None
    family_phone: str
    officer_name: str


def _in_scope(database: Database, area_id: str | None) -> tuple[str, list[str]]:
    """Entries of an area by either place (户籍地 or 流入地), the area and everything below."""
    if area_id is None:
        return "", []
    ids = subtree_ids(database, area_id)
    marks = ", ".join("?" * len(ids))
    return (
        f" AND (c.area_id IN ({marks}) OR c.residence_area_id IN ({marks}))",
        [*ids, *ids],
    )


# A page's position: the sort key of its last row (keyset paging, never OFFSET).
PageKey = tuple[str, str]


_ITEM_COLUMNS = (
    "c.id, c.location, c.status, c.listed_on, c.deadline_on, c.returned_on, c.area_id,"
    " c.residence_area_id, c.family_phone, r.name, r.id_number, r.mobile,"
    " coalesce(o.name, '') AS officer_name"
)
_ITEM_JOINS = (
    " JOIN residents r ON r.id = c.resident_id LEFT JOIN officers o ON o.id = c.officer_id"
)


def _page(
    database: Database,
    area_id: str | None,
    where: str,
    params: list[Any],
    *,
    columns: str,
    joins: str,
    after: PageKey | None,
    limit: int,
) -> list[Any]:
    """One page of entries newest listing first, ``where`` narrowing them (clauses on ``c``,
    each starting with AND). An area's page is chosen from the two indexes by place, the ids
    of each place's entries read from the index alone, so only the page's own rows are read
    and joined: a county's page costs its entries' index entries, not its entries."""
    if after is not None:
        where += " AND (c.listed_on, c.id) < (?, ?)"
        params = [*params, *after]
    if area_id is None:
        return database.query(
            f"SELECT {columns} FROM return_cases c{joins} WHERE c.deleted_at IS NULL{where}"
            " ORDER BY c.listed_on DESC, c.id DESC LIMIT ?",
            (*params, limit),
        )
    ids = subtree_ids(database, area_id)
    marks = ", ".join("?" * len(ids))
    arms = " UNION ".join(
        f"SELECT c.id, c.listed_on FROM return_cases c WHERE c.{place} IN ({marks})"
        f" AND c.deleted_at IS NULL{where}"
        for place in ("area_id", "residence_area_id")
    )
    return database.query(
        f"WITH page(id, listed_on) AS ({arms} ORDER BY 2 DESC, 1 DESC LIMIT ?)"
        f" SELECT {columns} FROM page JOIN return_cases c ON c.id = page.id{joins}"
        " ORDER BY c.listed_on DESC, c.id DESC",
        (*ids, *params, *ids, *params, limit),
    )


def ledger(
    database: Database,
    area_id: str | None = None,
    *,
    status: str | None = None,
    after: PageKey | None = None,
    limit: int = 200,
) -> tuple[list[LedgerItem], PageKey | None]:
    """One page of the ledger (台账) of an area, by either place, newest listing first; the
    key to ask for the next page (None after the last)."""
    where, params = "", []
    if status is not None:
        where += " AND c.status = ?"
        params.append(choice(status, STATUSES, "status"))
    rows = _page(
        database, area_id, where, params,
        columns=_ITEM_COLUMNS, joins=_ITEM_JOINS, after=after, limit=limit,
    )  # fmt: skip
    items = [_ledger_item(row) for row in rows]
    if len(rows) < limit:
        return items, None
    return items, (rows[-1]["listed_on"], rows[-1]["id"])


def _ledger_item(row: Any) -> LedgerItem:
    return LedgerItem(
        id=row["id"],
        name=mask_name(row["name"]),
        id_number=mask_id_number(row["id_number"] or ""),
        mobile=mask_mobile(row["mobile"] or ""),
        location=row["location"],
        status=row["status"],
        listed_on=date.fromisoformat(row["listed_on"]),
        deadline_on=_date(row["deadline_on"]),
        returned_on=_date(row["returned_on"]),
        area_id=row["area_id"],
        residence_area_id=row["residence_area_id"],
        family_phone=mask_mobile(row["family_phone"]),
        officer_name=row["officer_name"],
    )


@dataclass(frozen=True)
class SheetLine:
    """An entry as the printed ledger (台账) of an area shows it: the name masked unless the
    ledger was revealed, the sex and age read from the ID number (never the number itself), the
    day of the current step, the four responsible people with their work phones, and the
    measures with their days."""

    id: str
    name: str
    sex: str | None  # "male", "female", None when the ID number does not say
    age: int | None
    registered: str  # the area of household registration, from below the ledger's area
    residence_only: bool  # listed here as the area lived in, registered elsewhere
    location: str  # a code of catalogue.ABROAD_LOCATIONS or a place the station added
    left_on: date | None
    listed_on: date
    status: str
    status_on: date  # the day of the current step (the listing day while 待核查)
    county_leader: str
    county_leader_phone: str
    township_leader: str
    township_leader_phone: str
    officer_name: str
    officer_phone: str
    village_secretary: str
    village_secretary_phone: str
    measures: dict[str, date]  # measure code -> the day it was taken
    close_reason: str


def ledger_sheet(
    database: Database,
    area_id: str | None = None,
    *,
    reason: str | None = None,
    today: date | None = None,
) -> list[SheetLine]:
    """Every entry of the area (by either place; None: every entry) as the printed ledger
    lists them: those registered in the area first, then those who only lived there, each in
    order of listing. Names in full only with a ``reason``, which is logged as a reveal of the
    area's ledger (call it inside the unit of work that logs the print)."""
    if reason is not None:
        reason = reveal_reason(reason)
    today = today or clock.today()
    where, params = _in_scope(database, area_id)
    rows = database.query(
        "SELECT c.*, r.name, r.id_number, coalesce(o.name, '') AS officer_name,"
        " coalesce(o.phone, '') AS officer_phone FROM return_cases c"
        " JOIN residents r ON r.id = c.resident_id LEFT JOIN officers o ON o.id = c.officer_id"
        f" WHERE c.deleted_at IS NULL{where} ORDER BY c.listed_on, c.id",
        params,
    )
    inside = set(subtree_ids(database, area_id)) if area_id is not None else None
    above = len(area_path(database, area_id)) if area_id is not None else 0
    paths: dict[str | None, str] = {None: ""}

    def registered(place: str | None, residence_only: bool) -> str:
        if place not in paths:
            names = area_path(database, place)  # type: ignore[arg-type]
            paths[place] = "".join(names if residence_only else names[above:])
        return paths[place]

    lines = []
    for row in rows:
        residence_only = inside is not None and row["area_id"] not in inside
        case = return_case(row)
        lines.append(
            SheetLine(
                id=case.id,
                name=row["name"] if reason is not None else mask_name(row["name"]),
                sex=sex_from_id_number(row["id_number"]),
                age=age_from_id_number(row["id_number"], today),
                registered=registered(case.area_id, residence_only),
                residence_only=residence_only,
                location=case.location,
                left_on=case.left_on,
                listed_on=case.listed_on,
                status=case.status,
                status_on=getattr(case, STEP_DAYS[case.status]) if case.status in STEP_DAYS
                else case.listed_on,
                county_leader=case.county_leader,
                county_leader_phone=case.county_leader_phone,
                township_leader=case.township_leader,
                township_leader_phone=case.township_leader_phone,
                officer_name=row["officer_name"],
                officer_phone=row["officer_phone"],
                village_secretary=case.village_secretary,
                village_secretary_phone=case.village_secretary_phone,
                measures={code: day for code, (day, _by) in case.measures.items()},
                close_reason=case.close_reason,
            )
        )  # fmt: skip
    lines.sort(key=lambda line: line.residence_only)  # stable: each part in order of listing
    if reason is not None:
        with database.atomic():
            audit.record(
                database, "reveal", "areas", area_id or "",
                f"ledger of persons abroad printed in full ({len(lines)} entries): {reason}",
            )  # fmt: skip
    return lines


@dataclass(frozen=True)
class Overdue:
    """An entry that needs doing (Today): its notice deadline passed without a return
    (``deadline``), or the family not contacted within the station's rhythm (``family``);
    personal data masked."""

    item: LedgerItem
    reasons: tuple[str, ...]
    last_family_contact: date | None


def _overdue_query(
    database: Database,
    area_id: str | None,
    today: date,
    columns: str,
    joins: str = "",
    *,
    in_listing_order: bool = False,
) -> tuple[str, list]:
    """``columns`` of the open entries of the area (by either place) not yet returned whose
    notice deadline has passed (``deadline_late``) or whose family has not been contacted for
    the contact rhythm's days, counted from the listing when never (``family_late``); with
    ``last_family``, the day of the last contact with the family (NULL: none). ``joins``
    join other tables to the entries (``c``). ``in_listing_order``: read the entries in the
    order they were listed, so that a LIMIT stops at the first ones found (Today's thirty of a
    city's thirteen thousand: 0.1 ms, against 64 ms reading all of them to sort them); not for
    an area, whose own index reads only its entries."""
    where, params = _in_scope(database, area_id)
    due = (today - timedelta(days=contact_days(database))).isoformat()
    statuses = ", ".join("?" * len(NOT_RETURNED))
    # Contacted on the rhythm's last day is on time: overdue from the day after.
    sql = (
        f"SELECT {columns} FROM ("
        " SELECT *, coalesce(nullif(deadline_on, '') < ?, 0) AS deadline_late,"
        " coalesce(last_family, listed_on) < ? AS family_late"
        " FROM (SELECT c.*, (SELECT nullif(substr(max(k.at), 1, 10), '') FROM return_contacts k"
        "  WHERE k.case_id = c.id AND k.party = 'family' AND k.deleted_at IS NULL)"
        "  AS last_family"
        "  FROM return_cases c"
        f"{' INDEXED BY return_cases_listed' if in_listing_order else ''}"
        f"  WHERE c.deleted_at IS NULL AND c.status IN ({statuses}){where})"
        f") AS c{joins} WHERE c.deadline_late OR c.family_late"
    )
    return sql, [today.isoformat(), due, *NOT_RETURNED, *params]


def overdue(
    database: Database,
    area_id: str | None = None,
    *,
    today: date | None = None,
    limit: int | None = None,
) -> list[Overdue]:
    """The open entries of the area (by either place) not yet returned whose deadline has
    passed or whose family has not been contacted for the contact rhythm's days (counted from
    the listing when never), the longest-waiting first; the first ``limit`` of them when
    given (``count_overdue`` counts them all). Each is built only when it is shown: a city's
    Today lists thirty of some thirteen thousand."""
    sql, params = _overdue_query(
        database, area_id, today or clock.today(),
        f"{_ITEM_COLUMNS}, c.deadline_late, c.family_late, c.last_family", _ITEM_JOINS,
        in_listing_order=limit is not None and area_id is None,
    )  # fmt: skip
    sql += " ORDER BY c.listed_on, c.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [
        Overdue(
            _ledger_item(row),
            ("deadline",) * row["deadline_late"] + ("family",) * row["family_late"],
            _date(row["last_family"]),
        )
        for row in database.query(sql, params)
    ]


def count_overdue(
    database: Database, area_id: str | None = None, *, today: date | None = None
) -> int:
    """How many entries ``overdue`` finds, without building them."""
    sql, params = _overdue_query(database, area_id, today or clock.today(), "count(*)")
    return database.scalar(sql, params)


@dataclass(frozen=True)
class BoardRow:
    """One area of the board (挂图): entries per status, and "销账 n / 列管 N" — ``closed``
    of the ``listed`` entries on record."""

    area_id: str
    name: str
    counts: dict[str, int]

    @property
    def closed(self) -> int:
        return self.counts.get("closed", 0)

    @property
    def listed(self) -> int:
        return sum(self.counts.values())

    @property
    def tally(self) -> str:
        return f"销账 {self.closed} / 列管 {self.listed}"


def board(database: Database, area_id: str | None = None) -> list[BoardRow]:
    """The board (挂图) of the areas one level below ``area_id`` (the counties when None):
    for each, its entries (by either place, its whole subtree) per status."""
    if area_id is None:
        areas = database.query(
            "SELECT id, name FROM areas WHERE deleted_at IS NULL AND level = 'county'"
            " ORDER BY code, name"
        )
    else:
        areas = database.query(
            "SELECT id, name FROM areas WHERE deleted_at IS NULL AND parent_id = ?"
            " ORDER BY code, name",
            (area_id,),
        )
    # Each area below the board's, found from any of its communities; then one grouped pass:
    # a person counts for the area of either place, once when both lie in the same area.
    child_of = {
        inside: area["id"] for area in areas for inside in subtree_ids(database, area["id"])
    }
    counts = {area["id"]: dict.fromkeys(STATUSES, 0) for area in areas}
    for row in database.query(
        "SELECT area_id, residence_area_id, status, count(*) AS n FROM return_cases"
        " WHERE deleted_at IS NULL GROUP BY area_id, residence_area_id, status"
    ):
        for target in {child_of.get(row["area_id"]), child_of.get(row["residence_area_id"])}:
            if target is not None:
                counts[target][row["status"]] += row["n"]
    return [BoardRow(area["id"], area["name"], counts[area["id"]]) for area in areas]


def tally(database: Database, area_id: str | None = None) -> BoardRow:
    """The area's own row of the board (None: the whole jurisdiction's): its entries by either
    place per status, each person once — the rows of its children may add up to more, a
    person registered in one and living in another counting in both."""
    where, params = _in_scope(database, area_id)
    found = {
        row["status"]: row["n"]
        for row in database.query(
            "SELECT c.status, count(*) AS n FROM return_cases c"
            f" WHERE c.deleted_at IS NULL{where} GROUP BY c.status",
            params,
        )
    }
    name = database.scalar("SELECT name FROM areas WHERE id = ?", (area_id,)) if area_id else ""
    return BoardRow(
        area_id or "", name or "", {status: found.get(status, 0) for status in STATUSES}
    )


def board_names(database: Database, area_id: str, status: str | None = None) -> list[LedgerItem]:
    """The names behind a cell of the board (masked): an area's entries (by either place),
    of one status or all."""
    items, key = [], None
    while True:
        page, key = ledger(database, area_id, status=status, after=key, limit=1000)
        items += page
        if key is None:
            return items


# -- the ledger screen ---------------------------------------------------------------------------

LEDGER_STATES = ("open", "closed", "all")  # 在册 (not closed off), 销账, every entry


@dataclass(frozen=True)
class LedgerFilter:
    """What the ledger screen lists: an area (by either place, any level; None: all), one
    step of the path, open or closed entries, and only those overdue (as ``overdue`` says)."""

    area_id: str | None = None
    status: str | None = None
    state: str = "open"
    overdue_only: bool = False


@dataclass(frozen=True)
class LedgerRow:
    """An entry as the ledger screen lists it: the masked entry, the name of its area of
    registration and the day of its latest contact (person or family)."""

    item: LedgerItem
    registered: str
    last_contact: date | None


def _ledger_where(database: Database, which: LedgerFilter, today: date) -> tuple[str, list[Any]]:
    if which.state not in LEDGER_STATES:
        raise ValueError(f"not a state of the ledger: {which.state}")
    where, params = "", []
    if which.status is not None:
        where += " AND c.status = ?"
        params.append(choice(which.status, STATUSES, "status"))
    if which.state == "open":
        where += " AND c.status != 'closed'"
    elif which.state == "closed":
        where += " AND c.status = 'closed'"
    if which.overdue_only:
        # ``overdue``'s rule, in the query: not yet returned, and the deadline passed or the
        # family not contacted within the rhythm (counted from the listing when never). The
        # unary + keeps SQLite walking the listing order (a page stops after 200 rows) instead
        # of reading every open entry by status and sorting them.
        due = (today - timedelta(days=contact_days(database))).isoformat()
        where += (
            f" AND +c.status IN ({', '.join('?' * len(NOT_RETURNED))})"
            " AND (c.deadline_on < ? OR coalesce((SELECT max(substr(k.at, 1, 10))"
            " FROM return_contacts k WHERE k.case_id = c.id AND k.party = 'family'"
            " AND k.deleted_at IS NULL), c.listed_on) < ?)"  # the rhythm's last day: on time
        )
        params += [*NOT_RETURNED, today.isoformat(), due]
    return where, params


def ledger_rows(
    database: Database,
    which: LedgerFilter = LedgerFilter(),  # noqa: B008 - frozen, never changed
    *,
    after: PageKey | None = None,
    limit: int = 200,
    today: date | None = None,
) -> tuple[list[LedgerRow], PageKey | None]:
    """One page of the ledger screen's list, newest listing first (keyset paging, as
    ``ledger``); the key to ask for the next page (None after the last)."""
    where, params = _ledger_where(database, which, today or clock.today())
    rows = _page(
        database, which.area_id, where, params,
        columns=_ITEM_COLUMNS + ", coalesce(a.name, '') AS registered,"
        " (SELECT max(k.at) FROM return_contacts k WHERE k.case_id = c.id"
        "  AND k.deleted_at IS NULL) AS last_contact",
        joins=_ITEM_JOINS + " LEFT JOIN areas a ON a.id = c.area_id",
        after=after, limit=limit,
    )  # fmt: skip
    found = [
        LedgerRow(
            _ledger_item(row),
            row["registered"],
            clock.station_time(datetime.fromisoformat(row["last_contact"])).date()
            if row["last_contact"]
            else None,
        )
        for row in rows
    ]
    if len(rows) < limit:
        return found, None
    return found, (rows[-1]["listed_on"], rows[-1]["id"])


def count_ledger(
    database: Database,
    which: LedgerFilter = LedgerFilter(),  # noqa: B008 - frozen, never changed
    *,
    today: date | None = None,
) -> int:
    """How many entries ``ledger_rows`` lists for ``which``, all pages together."""
    where, params = _ledger_where(database, which, today or clock.today())
    scope, inside = _in_scope(database, which.area_id)
    return database.scalar(
        f"SELECT count(*) FROM return_cases c WHERE c.deleted_at IS NULL{scope}{where}",
        [*inside, *params],
    )


def ledger_entry(database: Database, case_id: str) -> LedgerItem | None:
    """One entry as a list shows it (masked), None when there is none or it was retired."""
    row = database.execute(
        f"SELECT {_ITEM_COLUMNS} FROM return_cases c{_ITEM_JOINS}"
        " WHERE c.id = ? AND c.deleted_at IS NULL",
        (case_id,),
    ).fetchone()
    return None if row is None else _ledger_item(row)


def list_names(database: Database) -> list[str]:
    """The names of the lists entries came on (for setting a list's notice deadline)."""
    return [
        row[0]
        for row in database.execute(
            "SELECT DISTINCT list_name FROM return_cases WHERE deleted_at IS NULL"
            " AND list_name != '' ORDER BY list_name"
        )
    ]
