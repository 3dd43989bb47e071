"""Outreach talks: load, validate, save (with their officers), find clashes, record outcomes.

Every save is one transaction with its audit rows. Times are stored as ISO 8601 with their
offset and compared as text, which orders correctly because every talk is stored in the same
offset: the station's (``clock.stored``), whatever zone the laptop's clock is set to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from desktop.core import clock, limits
from desktop.core.catalogue import AUDIENCES, FRAUD_TYPES, TALK_STATUSES, VENUE_KINDS
from desktop.core.entities import Talk
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError, unknown_value
from desktop.core.rules import NOT_HAPPENING, find_clashes, talk_key
from desktop.db.database import Database, like_anywhere, new_id
from desktop.db.records import (
    get_record,
    insert_record,
    insert_rows,
    retire_record,
    update_record,
)

# The stored columns of a talk, and of one officer's place in it, in the order ``write_rows``
# and ``write_officer_rows`` take them (the demo's rows).
COLUMNS = ("id", "created_at", "updated_at", "device_id", "title", "starts_at", "ends_at", "venue",
           "venue_kind", "area_id", "audience", "topics", "organiser_id", "co_organisers",
           "partner", "partner_id", "expected_headcount", "actual_headcount", "handouts_given",
           "handouts_by_kind", "status", "notes")  # fmt: skip
OFFICER_COLUMNS = ("id", "created_at", "updated_at", "device_id", "talk_id", "officer_id")

_SELECT = """
SELECT t.*, a.name AS area_name, o.name AS organiser_name, p.name AS partner_name,
       (SELECT group_concat(officer_id) FROM talk_officers k
         WHERE k.talk_id = t.id AND k.deleted_at IS NULL) AS officer_ids
FROM talks t
LEFT JOIN areas a ON a.id = t.area_id
LEFT JOIN officers o ON o.id = t.organiser_id
LEFT JOIN partners p ON p.id = t.partner_id
"""

MAX_HEADCOUNT = limits.HEADCOUNT


def _timestamp(moment: datetime) -> str:
    return clock.stored(moment)


def _json_list(text: str | None) -> list[str]:
    import json  # not needed by the calendar's quick path

    try:
        value = json.loads(text or "[]")
    except json.JSONDecodeError:
        return []
    return [str(item) for item in value] if isinstance(value, list) else []


def talk_from_row(row: Any) -> Talk:
    import json

    try:
        handouts = json.loads(row["handouts_by_kind"] or "{}")
    except json.JSONDecodeError:
        handouts = {}
    return Talk(
        id=row["id"],
        title=row["title"],
        starts_at=datetime.fromisoformat(row["starts_at"]),
        ends_at=datetime.fromisoformat(row["ends_at"]),
        venue=row["venue"],
        venue_kind=row["venue_kind"],
        area_id=row["area_id"],
        area_name=row["area_name"] or "",
        audience=_json_list(row["audience"]),
        topics=_json_list(row["topics"]),
        organiser_id=row["organiser_id"],
        organiser_name=row["organiser_name"] or "",
        officer_ids=(row["officer_ids"] or "").split(",") if row["officer_ids"] else [],
        co_organisers=row["co_organisers"],
        partner_id=row["partner_id"],
        partner_name=row["partner_name"] or "",
        expected_headcount=row["expected_headcount"],
        actual_headcount=row["actual_headcount"],
        handouts_given={str(k): int(v) for k, v in handouts.items()},
        status=row["status"],
        notes=row["notes"],
    )


def load_talk(database: Database, talk_id: str) -> Talk | None:
    row = database.execute(_SELECT + " WHERE t.id = ?", (talk_id,)).fetchone()
    return None if row is None else talk_from_row(row)


@dataclass
class TalkFilter:
    """What the talks screen shows; every part is optional."""

    starts_from: datetime | None = None
    starts_before: datetime | None = None
    area_ids: Iterable[str] | None = None  # the chosen area and everything below it
    officer_id: str | None = None
    statuses: Iterable[str] | None = None
    venue_kinds: Iterable[str] | None = None
    audience: str | None = None
    text: str = ""


def _where(where: TalkFilter) -> tuple[str, list[Any]]:
    clauses, params = ["t.deleted_at IS NULL"], []
    if where.starts_from:
        clauses.append("t.starts_at >= ?")
        params.append(_timestamp(where.starts_from))
    if where.starts_before:
        clauses.append("t.starts_at < ?")
        params.append(_timestamp(where.starts_before))
    for column, values in (
        ("t.area_id", where.area_ids),
        ("t.status", where.statuses),
        ("t.venue_kind", where.venue_kinds),
    ):
        if values is not None:
            values = list(values)
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})" if values else "0")
            params.extend(values)
    if where.officer_id:
        clauses.append(
            "(t.organiser_id = ? OR EXISTS (SELECT 1 FROM talk_officers k WHERE k.talk_id = t.id"
            " AND k.officer_id = ? AND k.deleted_at IS NULL))"
        )
        params += [where.officer_id, where.officer_id]
    if where.audience:
        clauses.append("EXISTS (SELECT 1 FROM json_each(t.audience) WHERE value = ?)")
        params.append(where.audience)
    if where.text.strip():
        needle = like_anywhere(where.text.strip())
        clauses.append(
            "(t.title LIKE ? ESCAPE '\\' OR t.venue LIKE ? ESCAPE '\\'"
            " OR t.notes LIKE ? ESCAPE '\\'"
            " OR (SELECT name FROM areas WHERE id = t.area_id) LIKE ? ESCAPE '\\')"
        )
        params += [needle] * 4
    return " WHERE " + " AND ".join(clauses) + " ORDER BY t.starts_at, t.title", params


class TalkRow(NamedTuple):
    """One line of the talks list: what it shows, and the key of the next page."""

    id: str
    title: str
    starts_at: str
    ends_at: str
    area_name: str
    organiser_name: str
    status: str
    headcount: int | None  # actual, else expected

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.starts_at, self.title, self.id)


def talk_page(
    database: Database,
    where: TalkFilter,
    *,
    after: tuple[str, str, str] | None = None,
    limit: int = 200,
) -> list[TalkRow]:
    """The next ``limit`` talks of the list after ``after`` (keyset paging, never OFFSET),
    in the list's order: start, title, id."""
    sql, params = _where(where)
    condition = sql[: sql.index(" ORDER BY ")]
    if after is not None:
        condition += " AND (t.starts_at, t.title, t.id) > (?, ?, ?)"
        params = [*params, *after]
    # Hand-written: a row-value seek on the list's index, tuples not sqlite-utils' dicts.
    cursor = database.conn.cursor()
    cursor.row_factory = None
    cursor.execute(
        "SELECT t.id, t.title, t.starts_at, t.ends_at, coalesce(a.name, ''),"
        " coalesce(o.name, ''), t.status, coalesce(t.actual_headcount, t.expected_headcount)"
        " FROM talks t LEFT JOIN areas a ON a.id = t.area_id"
        f" LEFT JOIN officers o ON o.id = t.organiser_id{condition}"
        " ORDER BY t.starts_at, t.title, t.id LIMIT ?",
        (*params, limit),
    )
    return [TalkRow._make(row) for row in cursor.fetchall()]


def count_talks(database: Database, where: TalkFilter) -> int:
    sql, params = _where(where)
    return database.scalar(
        "SELECT count(*) FROM talks t" + sql[: sql.index(" ORDER BY ")], tuple(params)
    )


def list_talks(database: Database, where: TalkFilter | None = None) -> list[Talk]:
    """Complete talks (officers, topics, audience, outcome) for lists and documents."""
    sql, params = _where(where or TalkFilter())
    return [talk_from_row(row) for row in database.query(_SELECT + sql, tuple(params))]


class TalkSummary(NamedTuple):
    """What a calendar line shows of a talk; times as stored (ISO text in local time)."""

    id: str
    title: str
    starts_at: str
    ends_at: str
    venue: str
    status: str
    # What tells like-titled talks apart and what a tooltip gives of the whole talk.
    area_name: str = ""
    organiser_name: str = ""
    expected_headcount: int | None = None

    @property
    def day(self) -> date:
        return date.fromisoformat(self.starts_at[:10])

    @property
    def start_clock(self) -> str:
        return self.starts_at[11:16]

    @property
    def end_clock(self) -> str:
        return self.ends_at[11:16]


# The names a summary carries, looked up by key for the talks already chosen.
_SUMMARY_NAMES = "coalesce(a.name, ''), coalesce(o.name, ''), t.expected_headcount"
_SUMMARY_JOINS = (
    " LEFT JOIN areas a ON a.id = t.area_id LEFT JOIN officers o ON o.id = t.organiser_id"
)


def list_talk_summaries(
    database: Database, where: TalkFilter | None = None, *, limit: int | None = None
) -> list[TalkSummary]:
    """The calendar's query: a month of a whole city's talks without building full records;
    the first ``limit`` of them when given."""
    sql, params = _where(where or TalkFilter())
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, limit]
    cursor = database.conn.cursor()
    cursor.row_factory = None  # plain tuples: a calendar month may hold thousands of talks
    cursor.execute(
        "SELECT t.id, t.title, t.starts_at, t.ends_at, t.venue, t.status,"
        f" {_SUMMARY_NAMES} FROM talks t{_SUMMARY_JOINS}" + sql,
        tuple(params),
    )
    return [TalkSummary._make(row) for row in cursor.fetchall()]


def calendar_days(
    database: Database, where: TalkFilter, per_day: int
) -> tuple[list[TalkSummary], dict[date, int]]:
    """The first ``per_day`` talks of each day, and how many each day has in all.

    A calendar cell shows a handful of lines and "+N more": a month of a county's merged data
    (thousands of talks) needs no more than that from the database.
    """
    sql, params = _where(where)
    order_at = sql.index(" ORDER BY ")
    condition = sql[:order_at]
    cursor = database.conn.cursor()
    cursor.row_factory = None
    cursor.execute(
        "SELECT t.id, t.title, t.starts_at, t.ends_at, t.venue, t.status,"
        f" {_SUMMARY_NAMES} FROM ("
        " SELECT t.id, t.title, t.starts_at, t.ends_at, t.venue, t.status, t.area_id,"
        " t.organiser_id, t.expected_headcount,"
        " row_number() OVER (PARTITION BY substr(t.starts_at, 1, 10)"
        " ORDER BY t.starts_at, t.title) AS place"
        f" FROM talks t{condition}) t{_SUMMARY_JOINS}"
        " WHERE t.place <= ? ORDER BY t.starts_at, t.title",
        (*params, per_day),
    )
    talks = [TalkSummary._make(row) for row in cursor.fetchall()]
    cursor.execute(
        f"SELECT substr(t.starts_at, 1, 10), count(*) FROM talks t{condition}"
        " GROUP BY substr(t.starts_at, 1, 10)",
        tuple(params),
    )
    counts = {date.fromisoformat(day): number for day, number in cursor.fetchall()}
    return talks, counts


def _headcount(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Validation", "The number of people must be a whole number."),
                field=field,
            ) from None
    if value < 0 or value > MAX_HEADCOUNT:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation", "The number of people must be between 0 and 1,000,000."
            ),
            field=field,
        )
    return value


def validate_talk(database: Database, talk: Talk) -> Talk:
    """Check every field; returns the talk with its numbers normalised."""
    talk.title = (talk.title or "").strip()
    if not talk.title:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "A title is required."), field="title"
        )
    if talk.starts_at.tzinfo is None or talk.ends_at.tzinfo is None:
        raise ValueError("talk times must be aware datetimes")
    if talk.ends_at <= talk.starts_at:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "The talk must end after it starts."), field="ends_at"
        )
    for field, value, catalogue in (
        ("venue_kind", talk.venue_kind, VENUE_KINDS),
        ("status", talk.status, TALK_STATUSES),
    ):
        if value not in catalogue:
            raise unknown_value(value, field=field)
    for field, values, catalogue in (
        ("audience", talk.audience, AUDIENCES),
        ("topics", talk.topics, FRAUD_TYPES),
    ):
        unknown = [value for value in values if value not in catalogue]
        if unknown:
            raise unknown_value(", ".join(unknown), field=field)
    if talk.area_id:
        area = get_record(database, "areas", talk.area_id)
        if area is None or area["deleted_at"]:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation", "The community is retired or unknown; choose a current one."
                ),
                field="area",
            )
    for field, officer_id in [("organiser", talk.organiser_id)] + [
        ("officers", officer) for officer in talk.officer_ids
    ]:
        if officer_id:
            officer = get_record(database, "officers", officer_id)
            if officer is None or officer["deleted_at"]:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Validation", "An officer of this talk is retired or unknown."
                    ),
                    field=field,
                )
    talk.expected_headcount = _headcount(talk.expected_headcount, "expected_headcount")
    talk.actual_headcount = _headcount(talk.actual_headcount, "actual_headcount")
    for kind, copies in talk.handouts_given.items():
        if kind not in FRAUD_TYPES:
            raise unknown_value(kind, field="handouts_given")
        talk.handouts_given[kind] = _headcount(copies, "handouts_given") or 0
    return talk


def _row_values(talk: Talk) -> dict[str, Any]:
    import json

    return {
        "title": talk.title,
        "starts_at": _timestamp(talk.starts_at),
        "ends_at": _timestamp(talk.ends_at),
        "venue": talk.venue.strip(),
        "venue_kind": talk.venue_kind,
        "area_id": talk.area_id,
        "audience": json.dumps(talk.audience, ensure_ascii=False),
        "topics": json.dumps(talk.topics, ensure_ascii=False),
        "organiser_id": talk.organiser_id,
        "co_organisers": talk.co_organisers.strip(),
        "partner_id": talk.partner_id,
        "expected_headcount": talk.expected_headcount,
        "actual_headcount": talk.actual_headcount,
        "handouts_given": talk.handouts_total if talk.handouts_given else None,
        "handouts_by_kind": json.dumps(talk.handouts_given, ensure_ascii=False, sort_keys=True),
        "status": talk.status,
        "notes": talk.notes,
    }


def talks_starting(database: Database, starts_at: datetime) -> dict[tuple, list[Any]]:
    """The talks on record starting at ``starts_at``, deleted or not, by ``rules.talk_key``
    (the same start, title and venue as they read), the live ones first: what a schedule's
    talk is matched against. A schedule imported twice thus adds nothing, whatever was
    recorded of its talks since (held, a headcount, deleted here); one whose title, venue or
    time was changed here is the schedule's talk no longer, and comes in again. An import
    reads each start once and keeps the map (a county's hundreds of talks at 09:00)."""
    rows = database.query(
        "SELECT id, title, venue, status, deleted_at FROM talks INDEXED BY talks_starts"
        " WHERE starts_at = ? ORDER BY deleted_at IS NOT NULL",
        (_timestamp(starts_at),),
    )
    found: dict[tuple, list[Any]] = {}
    for row in rows:
        found.setdefault(talk_key(starts_at, row["title"], row["venue"]), []).append(row)
    return found


def call_off(database: Database, talk_id: str, status: str) -> bool:
    """Mark a talk cancelled or postponed, and nothing else of it: the schedule that called it
    off says no more (its organiser may have been retired since). True when it changed."""
    if status not in NOT_HAPPENING:
        raise ValueError(status)
    return update_record(database, "talks", talk_id, {"status": status}, summary=status)


def save_talk(database: Database, talk: Talk) -> str:
    """Insert or update a talk and its co-organising officers; one transaction, audited."""
    validate_talk(database, talk)
    with database.atomic():
        values = _row_values(talk)
        if talk.id and get_record(database, "talks", talk.id) is not None:
            update_record(database, "talks", talk.id, values, summary=talk.title)
        else:
            talk.id = insert_record(
                database, "talks", {**values, "id": talk.id or new_id()}, summary=talk.title
            )
        _save_officers(database, talk)
    return talk.id


def _save_officers(database: Database, talk: Talk) -> None:
    wanted = list(dict.fromkeys(o for o in talk.officer_ids if o and o != talk.organiser_id))
    current = {
        row["officer_id"]: row["id"]
        for row in database.query(
            "SELECT id, officer_id FROM talk_officers WHERE talk_id = ? AND deleted_at IS NULL",
            (talk.id,),
        )
    }
    for officer_id, link_id in current.items():
        if officer_id not in wanted:
            retire_record(database, "talk_officers", link_id)
    for officer_id in wanted:
        if officer_id not in current:
            insert_record(database, "talk_officers", {"talk_id": talk.id, "officer_id": officer_id})
    talk.officer_ids = wanted


def write_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Talks made elsewhere already checked (the demo's), as tuples in ``COLUMNS`` order, in one
    ``executemany`` inside the caller's transaction; their officers go by ``write_officer_rows``."""
    insert_rows(database, "talks", COLUMNS, rows)


def write_officer_rows(database: Database, rows: Sequence[tuple]) -> None:
    """The officers of talks already written (the demo's), as tuples in ``OFFICER_COLUMNS``
    order."""
    insert_rows(database, "talk_officers", OFFICER_COLUMNS, rows)


def clashes_for(database: Database, talk: Talk) -> list:
    """Saved talks that clash with ``talk`` (which need not be saved yet), as rules.Clash."""
    rows = database.query(
        _SELECT + " WHERE t.deleted_at IS NULL AND t.starts_at < ? AND t.ends_at > ?",
        (_timestamp(talk.ends_at), _timestamp(talk.starts_at)),
    )
    return find_clashes(talk, (talk_from_row(row) for row in rows))


def record_outcome(
    database: Database,
    talk_id: str,
    *,
    actual_headcount: Any,
    handouts_given: dict[str, Any],
    notes: str | None = None,
) -> Talk:
    """After the talk: mark it done with how many came and how many handouts went out."""
    talk = load_talk(database, talk_id)
    if talk is None:
        raise KeyError(talk_id)
    talk.status = "done"
    talk.actual_headcount = actual_headcount
    talk.handouts_given = dict(handouts_given)
    if notes is not None:
        talk.notes = notes
    if _headcount(actual_headcount, "actual_headcount") is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Enter how many people attended."),
            field="actual_headcount",
        )
    save_talk(database, talk)
    return talk


def talks_named(database: Database, text: str, day: date | None = None) -> list[Talk]:
    """The live talks ``text`` names: the one with that id; else those with that title (in any
    case), or when none has it exactly, those whose title holds it; on ``day`` when given
    (stored times carry the station's offset, so the day is the station's). Earliest first."""
    wanted = text.strip()
    if not wanted:
        return []
    live = "t.deleted_at IS NULL"
    if day is not None:
        live += " AND substr(t.starts_at, 1, 10) = ?"
    on_day = (day.isoformat(),) if day is not None else ()
    for match, value in (
        ("t.id = ?", wanted),
        ("lower(t.title) = lower(?)", wanted),
        ("t.title LIKE ? ESCAPE '\\'", like_anywhere(wanted)),
    ):
        rows = database.query(
            f"{_SELECT} WHERE {live} AND {match} ORDER BY t.starts_at, t.id", (*on_day, value)
        )
        if rows:
            return [talk_from_row(row) for row in rows]
    return []
