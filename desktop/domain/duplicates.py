"""The same resident entered on two laptops: found by ID number or mobile, merged by a person.

A pair is suggested when both records have the same ID number, or the same mobile and no
two different ID numbers (relatives share a phone; an ID number settles it). Merging keeps the
record made first (then the smaller id), so two laptops that merge the same pair keep the same
one; the other's warnings, card sellers and entries on the ledger of persons abroad move to it,
its empty fields are filled in, tags joined, and the other record is retired — every step an
ordinary edit that travels in the next package. Two open records of one kind (two open entries
abroad, two card sellers of one kind of card not yet ended) are not merged into one person.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.db import audit
from desktop.db.database import Database, now_iso
from desktop.db.records import get_record, retire_record, update_record
from desktop.domain.residents import listed_only, parse_tags, refresh_high_risk
from desktop.domain.warnings import move_warnings_of

_FILLED = ("mobile", "id_number", "address", "area_id")


@dataclass(frozen=True)
class DuplicatePair:
    keep: dict  # the resident that stays (made first)
    other: dict  # the one merged into it
    reason: str  # "id_number" or "mobile"


def _ordered(first: dict, second: dict) -> tuple[dict, dict]:
    return tuple(sorted((first, second), key=lambda row: (row["created_at"], row["id"])))


def suggested_duplicates(database: Database, *, limit: int = 200) -> list[DuplicatePair]:
    """Pairs of live residents that look like one person, not yet set aside as different
    (residents on record only as persons abroad or card sellers are never suggested)."""
    pairs: dict[tuple[str, str], DuplicatePair] = {}
    for reason in ("id_number", "mobile"):
        groups = database.query(
            f"SELECT {reason} FROM residents WHERE deleted_at IS NULL AND {reason} IS NOT NULL"
            f" AND {reason} != '' GROUP BY {reason} HAVING count(*) > 1 LIMIT ?",
            (limit,),
        )
        for (value,) in groups:
            rows = [
                dict(row)
                for row in database.query(
                    f"SELECT * FROM residents r WHERE {reason} = ? AND deleted_at IS NULL"
                    # Never one known only from a ledger: a pair would tell that a number is
                    # a suspect's, as the searches never tell.
                    f" AND NOT {listed_only('r.id')} ORDER BY created_at, id",
                    (value,),
                )
            ]
            for index, first in enumerate(rows):
                for second in rows[index + 1 :]:
                    if reason == "mobile" and first["id_number"] and second["id_number"]:
                        if first["id_number"] != second["id_number"]:
                            continue  # a relative with the same phone
                    keep, other = _ordered(first, second)
                    pairs.setdefault((keep["id"], other["id"]), DuplicatePair(keep, other, reason))
    set_aside = {
        (row[0], row[1])
        for row in database.query("SELECT first_id, second_id FROM residents_not_same")
    }
    return [pair for key, pair in pairs.items() if key not in set_aside][:limit]


def set_aside(database: Database, first_id: str, second_id: str) -> None:
    """A person decided these two are different people: stop suggesting them."""
    keep, other = _ordered(_live(database, first_id), _live(database, second_id))
    with database.atomic():
        database.execute(
            "INSERT OR IGNORE INTO residents_not_same (first_id, second_id, decided_at)"
            " VALUES (?, ?, ?)",
            (keep["id"], other["id"], now_iso()),
        )
        audit.record(database, "update", "residents", keep["id"], f"not the same as {other['id']}")


def _live(database: Database, resident_id: str) -> dict:
    row = get_record(database, "residents", resident_id)
    if row is None or row["deleted_at"] is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "That resident is no longer on record."),
            field="resident",
        )
    return row


def _refuse_two_open_records(database: Database, keep_id: str, other_id: str) -> None:
    """A person is on the ledger of persons abroad once, and on the card-seller register once
    per kind of card: a merge that would give the kept resident two open records of one kind
    waits until an officer has ended one of them."""
    both = (keep_id, other_id)
    if (
        database.scalar(
            "SELECT count(DISTINCT resident_id) FROM return_cases WHERE resident_id IN (?, ?)"
            " AND deleted_at IS NULL AND status != 'closed'",
            both,
        )
        == 2
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Both residents have an open entry on the ledger of persons abroad: close one"
                " of the two entries before merging them.",
            ),
            field="resident",
        )
    if database.scalar(
        "SELECT 1 FROM card_sellers WHERE resident_id IN (?, ?) AND deleted_at IS NULL"
        " AND status NOT IN ('handed_over', 'closed')"
        " GROUP BY card_kind HAVING count(DISTINCT resident_id) = 2",
        both,
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Both residents are on the card-seller register, not yet ended, for the same"
                " kind of card: end one of the two records before merging them.",
            ),
            field="resident",
        )


def merge_residents(
    database: Database, first_id: str, second_id: str, *, now: datetime | None = None
) -> str:
    """Merge two records of one person (one transaction); returns the id that stays."""
    if first_id == second_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Choose two different residents to merge."),
            field="resident",
        )
    keep, other = _ordered(_live(database, first_id), _live(database, second_id))
    if keep["id_number"] and other["id_number"] and keep["id_number"] != other["id_number"]:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation", "These residents have different ID numbers: they are two people."
            ),
            field="id_number",
        )
    _refuse_two_open_records(database, keep["id"], other["id"])
    with database.atomic():
        warnings = [
            row[0]
            for row in database.execute(
                "SELECT id FROM warnings WHERE resident_id = ?", (other["id"],)
            )
        ]
        for warning_id in warnings:
            update_record(
                database, "warnings", warning_id, {"resident_id": keep["id"]},
                summary=f"resident merged into {keep['id']}",
            )  # fmt: skip
        for table in ("card_sellers", "return_cases"):
            records = [
                row[0]
                for row in database.execute(
                    f"SELECT id FROM {table} WHERE resident_id = ?", (other["id"],)
                )
            ]
            for record_id in records:
                update_record(
                    database, table, record_id, {"resident_id": keep["id"]},
                    summary=f"resident merged into {keep['id']}",
                )  # fmt: skip
        filled = {name: other[name] for name in _FILLED if not keep[name] and other[name]}
        tags = parse_tags(keep["tags"])
        tags += [tag for tag in parse_tags(other["tags"]) if tag not in tags]
        filled["tags"] = json.dumps(tags, ensure_ascii=False)
        update_record(
            database, "residents", keep["id"], filled, summary=f"merged with {other['id']}"
        )
        move_warnings_of(database, keep["id"], (filled.get("area_id") or keep["area_id"]))
        retire_record(database, "residents", other["id"], summary=f"merged into {keep['id']}")
        database.execute(
            "INSERT OR IGNORE INTO device_residents (device_id, resident_id)"
            " SELECT device_id, ? FROM device_residents WHERE resident_id = ?",
            (keep["id"], other["id"]),
        )
        refresh_high_risk(database, keep["id"], now or clock.now())
    return keep["id"]
