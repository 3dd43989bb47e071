"""Keeping personal data no longer than needed (PIPL's minimisation).

Residents whose every warning was closed, whose every entry on the ledger of persons abroad
was closed off (销账), and whose every card-seller record ended (移交打击 or 销账), longer ago
than the retention period (three years unless the station sets otherwise) lose their name,
mobile, ID number and address; their cases, card-seller records and interviews lose the
free-text notes that may name them (a card seller's closing reason and whom it was reported or
handed over to too), their entries abroad the family's name, relation and phone. The records themselves stay — counted, dated, with their area, outcome, money and
path — so every figure of every period is unchanged. Door-to-door visits, fraud-free evidence
and status steps name no resident (counts, a building, the officer or grid worker who went, a
note on the community): nothing of them is cleared.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.db import audit
from desktop.db.database import Database, now_iso

META_RETENTION_YEARS = "retention_years"
META_LAST_PURGE = "last_purge_at"
DEFAULT_YEARS = 3
PURGED_NAME = "（已清除）"
SCHEDULE = timedelta(days=30)  # the automatic purge runs at most this often


def retention_years(database: Database) -> int:
    stored = database.get_meta(META_RETENTION_YEARS) or ""
    return int(stored) if stored.isdigit() and int(stored) >= 1 else DEFAULT_YEARS


def set_retention_years(database: Database, years: int) -> None:
    if not 1 <= int(years) <= 30:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Keep personal data for 1 to 30 years."),
            field="retention_years",
        )
    database.set_meta(META_RETENTION_YEARS, str(int(years)))


# A card seller ends on the day of 移交打击 or 销账 (days compare with the cutoff's first ten
# characters: a record that ended on the cutoff's day is kept).
_DUE = """
SELECT r.id FROM residents r
WHERE r.name != ? AND NOT EXISTS (
    SELECT 1 FROM warnings w WHERE w.resident_id = r.id
    AND (w.status != 'closed' OR w.closed_at IS NULL OR w.closed_at >= ?))
AND NOT EXISTS (
    SELECT 1 FROM return_cases c WHERE c.resident_id = r.id
    AND (c.status != 'closed' OR c.closed_on IS NULL OR c.closed_on >= ?))
AND NOT EXISTS (
    SELECT 1 FROM card_sellers c WHERE c.resident_id = r.id
    AND coalesce(c.closed_on, c.handed_over_on, '9999') >= substr(?, 1, 10))
AND (EXISTS (SELECT 1 FROM warnings w WHERE w.resident_id = r.id)
     OR EXISTS (SELECT 1 FROM return_cases c WHERE c.resident_id = r.id)
     OR EXISTS (SELECT 1 FROM card_sellers c WHERE c.resident_id = r.id))
"""


def residents_due(database: Database, now: datetime) -> list[str]:
    """Residents whose every warning closed, every entry abroad was closed off and every
    card-seller record ended, before the retention period began."""
    cutoff = _cutoff(database, now)
    return [
        row[0] for row in database.conn.execute(_DUE, (PURGED_NAME, cutoff, cutoff[:10], cutoff))
    ]


def _cutoff(database: Database, now: datetime) -> str:
    years = retention_years(database)
    try:
        start = now.replace(year=now.year - years)
    except ValueError:  # 29 February
        start = now.replace(year=now.year - years, day=28)
    return clock.stored(start)


def purge_personal_data(database: Database, now: datetime | None = None) -> int:
    """Clear the personal fields of the residents due (one transaction, logged); returns how
    many residents were cleared."""
    now = now or clock.now()
    with database.atomic():
        ids = residents_due(database, now)
        stamp = now_iso()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            database.execute(
                "UPDATE residents SET name = ?, mobile = NULL, id_number = NULL, address = '',"
                f" updated_at = ?, device_id = ?, change_seq = ? WHERE id IN ({marks})",
                (PURGED_NAME, stamp, database.device_id, database.change_seq(), *chunk),
            )  # change_seq: the search indexes forget what was cleared
            database.execute(
                f"UPDATE warnings SET notes = '', updated_at = ?, change_seq = ?"
                f" WHERE resident_id IN ({marks})",
                (stamp, database.change_seq(), *chunk),
            )
            database.execute(
                "UPDATE contacts SET notes = '', updated_at = ? WHERE warning_id IN"
                f" (SELECT id FROM warnings WHERE resident_id IN ({marks}))",
                (stamp, *chunk),
            )
            database.execute(
                "UPDATE return_cases SET family_name = '', family_relation = '',"
                " family_phone = '', notes = '', updated_at = ?, change_seq = ?"
                f" WHERE resident_id IN ({marks})",
                (stamp, database.change_seq(), *chunk),
            )
            database.execute(
                "UPDATE return_contacts SET notes = '', updated_at = ? WHERE case_id IN"
                f" (SELECT id FROM return_cases WHERE resident_id IN ({marks}))",
                (stamp, *chunk),
            )
            database.execute(
                "UPDATE follow_ups SET result = CASE WHEN done_at IS NULL THEN '' ELSE '已回访'"
                " END, updated_at = ? WHERE warning_id IN"
                f" (SELECT id FROM warnings WHERE resident_id IN ({marks}))",
                (stamp, *chunk),
            )
            # The steps' free texts may name people; their days and codes stay for the
            # figures. The outlet stays too: a bank outlet's name is no one's personal data,
            # and the outlets' figures (警银联动) count cards by it.
            database.execute(
                "UPDATE card_sellers SET notes = '', close_reason = '', restricted_to = '',"
                " handed_over_to = '', updated_at = ?, change_seq = ?"
                f" WHERE resident_id IN ({marks})",
                (stamp, database.change_seq(), *chunk),
            )
            database.execute(
                "UPDATE card_interviews SET notes = '', updated_at = ? WHERE card_seller_id IN"
                f" (SELECT id FROM card_sellers WHERE resident_id IN ({marks}))",
                (stamp, *chunk),
            )
        database.set_meta(META_LAST_PURGE, now.isoformat(timespec="seconds"))
        audit.record(
            database,
            "delete",
            "residents",
            "",
            f"personal data of {len(ids)} residents cleared "
            f"(cases closed more than {retention_years(database)} years ago)",
        )
    return len(ids)


def purge_due(database: Database, now: datetime | None = None) -> bool:
    """Whether the scheduled purge should run (at most every 30 days)."""
    now = now or clock.now()
    last = database.get_meta(META_LAST_PURGE)
    if not last:
        return True
    try:
        return now - datetime.fromisoformat(last) >= SCHEDULE
    except (ValueError, TypeError):
        return True
