"""Residents named in warnings: matched, never duplicated by force, tagged high-risk by rule.

A new warning for someone already on record (same ID number, or same mobile) is linked to that
resident only when the officer accepts the match: the program offers, it never forces — two
people can share a family phone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.core.entities import Resident
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.limits import TAG
from desktop.core.problems import Problems
from desktop.core.rules import is_high_risk
from desktop.db.database import Database
from desktop.db.records import (
    BulkInsert,
    get_record,
    insert_record,
    insert_rows,
    update_record,
    update_records,
)
from desktop.domain.areas import clean_name

HIGH_RISK_TAG = "high_risk"
# The stored columns of a resident in the order ``write_rows`` takes them (the demo's rows).
COLUMNS = ("id", "created_at", "updated_at", "device_id", "name", "mobile", "id_number",
           "address", "area_id", "tags")  # fmt: skip


@dataclass(frozen=True)
class ResidentMatch:
    id: str
    name: str
    mobile: str | None
    id_number: str | None
    reason: str  # "id_number" (the same person) or "mobile" (perhaps a relative)
    warnings: int


def listed_only(resident_id: str) -> str:
    """SQL true for a resident (its id the column ``resident_id``) on record only as a person abroad or a card
    seller — no warning: such a person, found by a number or a name, would give away that
    they are suspected of a crime (one with "0 warnings" nearly says so), so the lists of
    residents leave them out."""
    return (
        f"((EXISTS (SELECT 1 FROM card_sellers c WHERE c.resident_id = {resident_id})"
        f" OR EXISTS (SELECT 1 FROM return_cases x WHERE x.resident_id = {resident_id}))"
        f" AND NOT EXISTS (SELECT 1 FROM warnings w WHERE w.resident_id = {resident_id}))"
    )


def find_matches(
    database: Database,
    *,
    id_number: str | None = None,
    mobile: str | None = None,
    listed_too: bool = False,
) -> list[ResidentMatch]:
    """Residents on record with this ID number (first) or this mobile — not those on record
    only as persons abroad or card sellers (``listed_only``) unless ``listed_too``: the
    ledgers' own forms, which log the look-up."""
    found: dict[str, ResidentMatch] = {}
    hidden = "" if listed_too else f" AND NOT {listed_only('r.id')}"
    for reason, value in (("id_number", id_number), ("mobile", mobile)):
        if not value:
            continue
        rows = database.query(
            f"SELECT r.id, r.name, r.mobile, r.id_number,"
            f" (SELECT count(*) FROM warnings w WHERE w.resident_id = r.id"
            f"  AND w.deleted_at IS NULL) AS warnings"
            f" FROM residents r WHERE r.{reason} = ? AND r.deleted_at IS NULL{hidden}"
            f" ORDER BY r.created_at",
            (value,),
        )
        for row in rows:
            found.setdefault(
                row["id"],
                ResidentMatch(
                    row["id"], row["name"], row["mobile"], row["id_number"], reason, row["warnings"]
                ),
            )
    return list(found.values())


def clean_id_number(value: Any) -> str | None:
    """An ID number as stored (checked, upper-case X), None when none is given."""
    # Imported here: the validation module costs a few milliseconds the window's start skips.
    from desktop.core.validate import normalize_id_number

    # The cell itself, not its text: a number in an ID column gets its own advice.
    return normalize_id_number(value, field="id_number") if str(value or "").strip() else None


def check_resident(values: dict[str, Any]) -> tuple[dict[str, Any], list[ValidationError]]:
    """Resident fields ready to store, and every problem found (each names its field)."""
    # Imported here: the validation module costs a few milliseconds the window's start skips.
    from desktop.core.validate import normalize_mobile

    problems = Problems()
    clean = {
        "name": problems.check(clean_name, values.get("name"), "name"),
        "mobile": problems.check(normalize_mobile, values.get("mobile"), field="mobile"),
        "id_number": problems.check(clean_id_number, values.get("id_number")),
        "address": str(values.get("address") or "").strip(),
        "area_id": values.get("area_id") or None,
    }
    return clean, problems.errors


def check_listed_person(values: dict[str, Any]) -> tuple[dict[str, Any], list[ValidationError]]:
    """The resident named on a list of persons abroad or of card sellers: the checks of any
    resident, except that such lists name people by their ID number, so the mobile may be
    missing when the ID number is given; with neither, one of the two is asked for."""
    resident, errors = check_resident(values)
    if str(values.get("mobile") or "").strip():
        return resident, errors
    if str(values.get("id_number") or "").strip():
        # An ID number given but wrong is reported itself, not as a missing mobile too.
        return {**resident, "mobile": None}, [e for e in errors if e.field != "mobile"]
    either = ValidationError(
        QT_TRANSLATE_NOOP(
            "Validation", "Give the ID number or the mobile: one of the two is needed."
        ),
        field="mobile",
    )
    return resident, [either if error.field == "mobile" else error for error in errors]


def write_resident(
    database: Database, resident: dict[str, Any], *, bulk: BulkInsert | None = None
) -> str:
    """Write a resident ``check_resident`` passed, with no tags yet; returns the id. ``bulk``
    is an import's batch; without it the record is written on its own."""
    row = {**resident, "tags": "[]"}
    if bulk is not None:
        return bulk.insert("residents", row, summary="import")
    return insert_record(database, "residents", row, summary="resident")  # no name in the log


def write_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Residents made elsewhere already checked, tags included (the demo's), as tuples in
    ``COLUMNS`` order, in one ``executemany`` inside the caller's transaction."""
    insert_rows(database, "residents", COLUMNS, rows)


def same_person_on_record(database: Database, resident: dict[str, Any]) -> str | None:
    """The resident on record who is certainly this one — the same ID number, or the same name
    with the same mobile — for a writer that cannot ask (an import); None when nobody is."""
    if resident["id_number"]:
        found = database.scalar(
            "SELECT id FROM residents WHERE id_number = ? AND deleted_at IS NULL",
            (resident["id_number"],),
        )
        if found is not None:
            return found
    return database.scalar(
        "SELECT id FROM residents WHERE name = ? AND mobile = ? AND deleted_at IS NULL",
        (resident["name"], resident["mobile"]),
    )


class PeopleOfAList:
    """``same_person_on_record`` for a chunk of an imported list's rows, asked of the database
    once for the chunk instead of once per row: the residents on record that the chunk's
    people may be are read when it is made, and those the import writes meanwhile are
    remembered (``written``), so each row finds the resident the one-row question would —
    the first on record with its ID number, else with its name and mobile, a resident written
    for an earlier row included. Earlier chunks' residents are on record by then.

    It keeps what a warning's writer needs of each resident found: their community, mobile,
    live warnings' times and tags (``details``), so the high-risk rule is applied to each row
    as it is written without reading the resident again (``warned``).
    """

    CHUNK = 500  # values in one IN (…): well under SQLite's limit of variables

    def __init__(self, database: Database, people: Sequence[dict[str, Any]]) -> None:
        self.database = database
        self._by_id_number: dict[str, str] = {}
        self._by_name_mobile: dict[tuple[str, str], str] = {}
        self._known: dict[str, _Known] = {}
        self._retagged: set[str] = set()  # whose tags ``warned`` changed, not written yet
        # Ordered as the one-row question's index reads them: the first on record wins.
        ids = sorted({person["id_number"] for person in people if person["id_number"]})
        self._asked = (set(ids), {person["mobile"] for person in people})
        for chunk in _chunks(ids, self.CHUNK):
            for id_number, resident_id in database.query(
                "SELECT id_number, id FROM residents WHERE deleted_at IS NULL"
                f" AND id_number IN ({', '.join('?' * len(chunk))}) ORDER BY id_number, rowid",
                chunk,
            ):
                self._by_id_number.setdefault(id_number, resident_id)
        mobiles = sorted({person["mobile"] for person in people if person["mobile"] is not None})
        for chunk in _chunks(mobiles, self.CHUNK):
            for name, mobile, resident_id in database.query(
                "SELECT name, mobile, id FROM residents WHERE deleted_at IS NULL"
                f" AND mobile IN ({', '.join('?' * len(chunk))}) ORDER BY mobile, rowid",
                chunk,
            ):
                self._by_name_mobile.setdefault((name, mobile), resident_id)

    def same_person(self, person: dict[str, Any]) -> str | None:
        """``same_person_on_record`` for one of the chunk's people."""
        if person["id_number"]:
            found = self._by_id_number.get(person["id_number"])
            if found is not None:
                return found
        if person["mobile"] is None:
            return None  # the one-row question's "mobile = NULL" finds nobody
        return self._by_name_mobile.get((person["name"], person["mobile"]))

    def covers(self, person: dict[str, Any]) -> bool:
        """Whether ``same_person`` knows the answer for ``person``: its ID number and mobile
        were among those looked up."""
        ids, mobiles = self._asked
        return (not person["id_number"] or person["id_number"] in ids) and person[
            "mobile"
        ] in mobiles

    def written(self, person: dict[str, Any], resident_id: str) -> None:
        """A resident the import wrote for one of the chunk's rows, with no tags."""
        if person["id_number"]:
            self._by_id_number.setdefault(person["id_number"], resident_id)
        if person["mobile"] is not None:
            self._by_name_mobile.setdefault((person["name"], person["mobile"]), resident_id)
        self._known[resident_id] = _Known(person.get("area_id"), person["mobile"], [], [], False)

    def details(self, resident_ids: Iterable[str]) -> None:
        """Read, once for all of them, what ``warned`` and the accessors need of residents on
        record."""
        wanted = sorted({rid for rid in resident_ids if rid not in self._known})
        for chunk in _chunks(wanted, self.CHUNK):
            marks = ", ".join("?" * len(chunk))
            for row in self.database.query(
                f"SELECT r.id, r.area_id, r.mobile, r.tags, {listed_only('r.id')} AS listed"
                f" FROM residents r WHERE r.id IN ({marks})",
                chunk,
            ):
                tags = parse_tags(row["tags"])
                self._known[row["id"]] = _Known(
                    row["area_id"], row["mobile"], [], tags, bool(row["listed"]), list(tags)
                )
            for resident_id, received_at in self.database.query(
                "SELECT resident_id, received_at FROM warnings WHERE deleted_at IS NULL"
                f" AND resident_id IN ({marks})",
                chunk,
            ):
                self._known[resident_id].times.append(datetime.fromisoformat(received_at))

    def area_of(self, resident_id: str) -> str | None:
        return self._known[resident_id].area_id

    def mobile_of(self, resident_id: str) -> str | None:
        return self._known[resident_id].mobile

    def listed_only(self, resident_id: str) -> bool:
        """``is_listed_only``: on record only as a person abroad or a card seller."""
        return self._known[resident_id].listed_only

    def warned(self, resident_id: str, received_at: str, now: datetime, *, rule: bool) -> None:
        """A warning received at ``received_at`` (as stored) was written for the resident;
        with ``rule``, ``refresh_high_risk`` is applied to them as it would read them now.
        The tags it changes are written by ``write_tags``, for the whole chunk at once."""
        known = self._known[resident_id]
        known.times.append(datetime.fromisoformat(received_at))
        known.listed_only = False
        if rule:
            known.tags = high_risk_tags(known.times, known.tags, now)
            if known.tags != known.stored_tags:
                self._retagged.add(resident_id)
            else:
                self._retagged.discard(resident_id)

    def write_tags(self) -> None:
        """Write the tags ``warned`` changed since the residents were read (one batch for the
        chunk: a list where one row in ten warns a resident again changes 10,000 of them).
        Before the chunk's transaction ends; until then the records hold the old tags."""
        by_summary: dict[str, dict[str, dict[str, str]]] = {}
        for resident_id in sorted(self._retagged):
            known = self._known[resident_id]
            added = HIGH_RISK_TAG in known.tags
            by_summary.setdefault(_HIGH_RISK_SUMMARY[added], {})[resident_id] = {
                "tags": json.dumps(known.tags, ensure_ascii=False)
            }
            known.stored_tags = known.tags
        self._retagged.clear()
        for summary, changes in by_summary.items():
            update_records(self.database, "residents", changes, summary=summary)


@dataclass(slots=True)
class _Known:
    area_id: str | None
    mobile: str | None
    times: list[datetime]  # of the live warnings
    tags: list[str]
    listed_only: bool
    stored_tags: list[str] = field(default_factory=list)  # as the record holds them


def _chunks(values: Sequence, size: int) -> list[Sequence]:
    return [values[start : start + size] for start in range(0, len(values), size)]


# A ledger's new person whose ID number a resident on record holds under another name: a
# wrong number (or a wrong name) — never filed under the stranger. The answer is a look-up.
ANOTHER_NAME = QT_TRANSLATE_NOOP(
    "Validation",
    "This ID number is on record under another name: check the number and the name."
    " (This look-up is logged.)",
)


def is_listed_only(database: Database, resident_id: str) -> bool:
    """Whether the resident is on record only as a person abroad or a card seller."""
    return bool(
        database.scalar(
            f"SELECT 1 FROM residents r WHERE r.id = ? AND {listed_only('r.id')}", (resident_id,)
        )
    )


def named_otherwise(database: Database, resident_id: str, name: str) -> bool:
    """Whether the resident on record bears another name than ``name``."""
    stored = database.scalar("SELECT name FROM residents WHERE id = ?", (resident_id,))
    return stored is not None and "".join(stored.split()) != "".join((name or "").split())


def add_resident(database: Database, values: dict[str, Any]) -> str:
    clean, errors = check_resident(values)
    if errors:
        raise errors[0]
    return write_resident(database, clean)


def parse_tags(text: str | None) -> list[str]:
    """A resident record's ``tags`` column as a list (garbage reads as no tags)."""
    try:
        tags = json.loads(text or "[]")
    except json.JSONDecodeError:
        tags = []
    return [str(tag) for tag in tags] if isinstance(tags, list) else []


def get_resident(database: Database, resident_id: str) -> Resident | None:
    """One resident (retired ones too: a case keeps showing whom it concerned)."""
    row = get_record(database, "residents", resident_id)
    if row is None:
        return None
    return Resident(
        id=row["id"],
        name=row["name"],
        mobile=row["mobile"] or "",
        id_number=row["id_number"] or "",
        address=row["address"] or "",
        area_id=row["area_id"],
        tags=tuple(parse_tags(row["tags"])),
    )


def tags_of(database: Database, resident_id: str) -> list[str]:
    record = get_record(database, "residents", resident_id)
    if record is None:
        raise KeyError(resident_id)
    return parse_tags(record["tags"])


def refresh_high_risk(database: Database, resident_id: str, now: datetime) -> bool:
    """Apply the high-risk rule to one resident; returns whether they are high-risk now."""
    times = [
        datetime.fromisoformat(row["received_at"])
        for row in database.query(
            "SELECT received_at FROM warnings WHERE resident_id = ? AND deleted_at IS NULL",
            (resident_id,),
        )
    ]
    tags = _apply_high_risk(database, resident_id, times, tags_of(database, resident_id), now)
    return HIGH_RISK_TAG in tags


def high_risk_tags(times: list[datetime], tags: list[str], now: datetime) -> list[str]:
    """A resident's ``tags`` after the rule, given the times of their live warnings."""
    if is_high_risk(times, now):
        return sorted(set(tags) | {HIGH_RISK_TAG})
    return [tag for tag in tags if tag != HIGH_RISK_TAG]


# The audit's words for what the rule did to a resident, by whether the tag is on now.
_HIGH_RISK_SUMMARY = {True: "high-risk tag added", False: "high-risk tag removed"}


def _apply_high_risk(
    database: Database, resident_id: str, times: list[datetime], tags: list[str], now: datetime
) -> list[str]:
    """The resident's tags after the rule, given their live warnings' ``times`` and ``tags``
    as stored; the record is updated only when they change."""
    wanted = high_risk_tags(times, tags, now)
    if wanted != tags:
        update_record(
            database,
            "residents",
            resident_id,
            {"tags": json.dumps(wanted, ensure_ascii=False)},
            summary=_HIGH_RISK_SUMMARY[HIGH_RISK_TAG in wanted],
        )
    return wanted


# Tags an officer puts on a resident by hand (codes; the screens show them translated).
SUGGESTED_TAGS = ("elderly", "lives_alone", "student", "previously_defrauded", "family_alerted")


def set_tags(database: Database, resident_id: str, tags: list[str]) -> list[str]:
    """Replace the officer's own tags of a resident; returns the tags now stored.

    The high-risk tag belongs to the rule (two warnings in twelve months): it is kept or left
    out as the rule last decided, whatever the list says.
    """
    current = tags_of(database, resident_id)
    wanted: list[str] = []
    for tag in tags:
        tag = " ".join(str(tag).split())
        if not tag or tag == HIGH_RISK_TAG or tag in wanted:
            continue
        if len(tag) > TAG.chars:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Validation", "A tag is at most {limit} characters: {value}"),
                field="tags",
                value=tag,
                limit=TAG.chars,
            )
        wanted.append(tag)
    if HIGH_RISK_TAG in current:
        wanted.insert(0, HIGH_RISK_TAG)
    if wanted != current:
        update_record(
            database,
            "residents",
            resident_id,
            {"tags": json.dumps(wanted, ensure_ascii=False)},
            summary="tags",
        )
    return wanted
