"""Importing lists into the database: validate every row, report every bad one, write once.

An import is one user action and one transaction. By default it is all or nothing: a single
bad row means nothing is written and the report lists every problem (row number, column,
reason). With ``skip_bad_rows`` the good rows are written and the bad ones reported. With
``check_only`` nothing is written at all (the GUI's preview).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from desktop.core import clock
from desktop.core.catalogue import (
    ABROAD_LOCATION_WORDS,
    AREA_COLUMNS,
    AREA_LEVELS,
    AUDIENCES,
    CARD_KIND_WORDS,
    CARD_MANNER_WORDS,
    CARD_SELLER_COLUMNS,
    CARD_SOURCE_WORDS,
    DEPARTURE_WORDS,
    FRAUD_TYPE_WORDS,
    FRAUD_TYPES,
    HOUSEHOLD_COLUMNS,
    OFFICER_COLUMNS,
    OFFICER_ROLE_WORDS,
    OPENED_LOCALLY_WORDS,
    RETURN_CATEGORY_WORDS,
    RETURN_COLUMNS,
    RETURN_LEAD_WORDS,
    TALK_COLUMNS,
    TALK_STATUSES,
    VENUE_KIND_WORDS,
    VENUE_KINDS,
    VISIT_COLUMNS,
    WARNING_COLUMNS,
    WARNING_LEVEL_WORDS,
    WARNING_SOURCE_WORDS,
)
from desktop.core.entities import Talk
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError, ValidationError, unknown_value
from desktop.core.limits import CODE, PLACE, TextLimit, checker, limit_of
from desktop.core.problems import Problems
from desktop.core.rules import NOT_HAPPENING, TALKS_TO_COME, talk_key
from desktop.core.validate import parse_date as parse_any_date
from desktop.core.validate import parse_datetime
from desktop.db import audit
from desktop.db.database import Database
from desktop.db.records import BulkInsert, insert_record, update_record
from desktop.domain import areas as area_store
from desktop.domain import card_sellers as card_seller_store
from desktop.domain import community_visits as visit_store
from desktop.domain import officers as officer_store
from desktop.domain import residents as resident_store
from desktop.domain import return_cases as return_store
from desktop.domain import talks as talk_store
from desktop.domain import warnings as warning_store
from desktop.exchange.tables import (
    HeaderMatch,
    Sheet,
    cell_text,
    data_rows,
    find_header,
    read_sheet,
)

Progress = Callable[[int, int], None]


def parse_date(value: Any, *, field: str = "", date1904: bool = False) -> dt.date:
    """``validate.parse_date`` for a list's cells: the days of a column repeat (the day of
    listing, a deadline), so each cell value is read once. A value that is no day is read
    again each time, its row reported on its own."""
    try:
        return _day(value.__class__, value, field, date1904)
    except TypeError:  # a value that cannot be a key (no cell holds one): read as it is
        return parse_any_date(value, field=field, date1904=date1904)


@lru_cache(maxsize=4096)
def _day(_kind: type, value: Any, field: str, date1904: bool) -> dt.date:
    # The type is part of the key: 45000 and 45000.0 are equal, yet an int and a float cell.
    return parse_any_date(value, field=field, date1904=date1904)


@dataclass
class RowError:
    row: int  # spreadsheet row number, as the user sees it
    column: str  # header text in the file ("" when the row as a whole is wrong)
    error: OutreachError

    def render(self, translate: Any = None) -> str:
        return self.error.render(translate)


@dataclass
class ImportReport:
    kind: str
    rows_read: int = 0
    good_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0  # already in the database (a file imported again)
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def bad_rows(self) -> int:
        return len({error.row for error in self.errors})


class RowInvalid(Exception):  # noqa: N818 - carries the row's problems, all of them
    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__(errors)
        self.errors = errors


def _column_name(header: HeaderMatch, synonyms: dict[str, list[str]], field_name: str) -> str:
    """The column as the file calls it, or its usual Chinese name when the file lacks it."""
    key = "area" if field_name == "area_id" else field_name
    if key in header.headers:
        return header.headers[key]
    return synonyms[key][0] if key in synonyms else key


# -- areas -----------------------------------------------------------------------------------
def _clean_area_row(values: dict[str, Any]) -> dict[str, str]:
    problems = Problems()
    path = {level: cell_text(values.get(level)) for level in AREA_LEVELS}
    if not path["county"]:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "The county (district) is missing."),
                field="county",
            )
        )
    if path["community"] and not path["township"]:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "A community needs its township in the same row."),
                field="township",
            )
        )
    for level, name in path.items():
        if name:
            problems.check(area_store.clean_name, name, level)
    code = problems.check(area_store.clean_code, cell_text(values.get("code"))) or ""
    if problems.errors:
        raise RowInvalid(problems.errors)
    return {**path, "code": code}


def _write_area_row(
    database: Database,
    row: dict[str, str],
    report: ImportReport,
    bulk: BulkInsert,
    context: _RowContext,
) -> None:
    parent_id = None
    deepest = [level for level in AREA_LEVELS if row[level]][-1]
    wrote = False  # a record of before changed, or a new one added
    for level in AREA_LEVELS:
        name = row[level]
        if not name:
            break
        existing = area_store.find_child(database, parent_id, name)
        if existing is None:
            parent_id = insert_record(
                database,
                "areas",
                {
                    "name": name,
                    "level": level,
                    "parent_id": parent_id,
                    "code": row["code"] if level == deepest and row["code"] else None,
                },
                summary=f"import: {name}",
            )
            context.made.add(parent_id)
            report.created += 1
            wrote = True
        else:
            parent_id = existing
            if level == deepest and row["code"]:
                changed_code = update_record(database, "areas", existing, {"code": row["code"]})
                if changed_code and existing not in context.made:  # on record before
                    report.updated += 1
                    wrote = True
    # Every area of the row on record as it is, from before this import: a township's own row
    # after its villages' (which added it) is no list imported again.
    if not wrote and parent_id not in context.made:
        report.unchanged += 1


# -- officers --------------------------------------------------------------------------------
def _area_by_name(database: Database, name: str) -> str:
    """The live area a list names: by its name, or by its name with the areas above it
    ("金城江街道 / 新建社区", as the program's own lists write it) where names repeat."""
    wanted = [part for part in re.split(r"\s*[/／]\s*", name.strip()) if part]
    found = []
    for row in database.query(
        "SELECT id FROM areas WHERE name = ? AND deleted_at IS NULL",
        (wanted[-1] if wanted else "",),
    ):
        path = area_store.area_path(database, row["id"])
        if path[-len(wanted) :] == wanted:
            found.append((row["id"], path))
    if not found:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "No area called {value}; add it to the tree first."),
            field="area",
            value=name,
        )
    if len(found) > 1:
        choices = "、".join(" / ".join(path[-2:]) for _id, path in found[:5])
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "More than one area is called {value} ({choices}); write it with the township"
                " above it, such as {example}.",
            ),
            field="area",
            value=name,
            choices=choices,
            example=" / ".join(found[0][1][-2:]),
        )
    return found[0][0]


def _clean_officer_row(database: Database, values: dict[str, Any]) -> dict[str, Any]:
    problems = Problems()
    role_text = cell_text(values.get("role")).lower()
    if role_text not in OFFICER_ROLE_WORDS:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation", "Unknown role {value}: write 民警, 辅警 or 网格员."
                ),
                field="role",
                value=role_text,
            )
        )
    area_name = cell_text(values.get("area"))
    area_id = problems.check(_area_by_name, database, area_name) if area_name else None
    clean, errors = officer_store.check_officer(
        {
            "name": cell_text(values.get("name")),
            "badge_number": cell_text(values.get("badge_number")),
            "unit": cell_text(values.get("unit")),
            "role": OFFICER_ROLE_WORDS.get(role_text, "officer"),
            "phone": values.get("phone") if cell_text(values.get("phone")) else None,
            "area_id": area_id,
        }
    )
    errors = problems.errors + errors
    if errors:
        raise RowInvalid(errors)
    # Which fields the row really gives: an update must not blank out what the file is silent
    # about (a list with only names and phones keeps each officer's unit, role and area).
    given = {
        ("area_id" if key == "area" else key) for key, value in values.items() if cell_text(value)
    }
    clean["_given"] = given | {"name"}
    return clean


def _write_officer_row(
    database: Database,
    row: dict[str, Any],
    report: ImportReport,
    bulk: BulkInsert,
    context: _RowContext,
) -> None:
    given = row.pop("_given")
    existing = None
    if row["badge_number"]:
        existing = database.scalar(
            "SELECT id FROM officers WHERE badge_number = ? AND deleted_at IS NULL",
            (row["badge_number"],),
        )
    elif row["phone"]:
        # Auxiliary officers and grid workers often have no badge: the same name and phone is
        # the same person, so a second list updates them instead of adding them again.
        existing = database.scalar(
            "SELECT id FROM officers WHERE name = ? AND phone = ? AND deleted_at IS NULL",
            (row["name"], row["phone"]),
        )
    if existing:
        changes = {key: value for key, value in row.items() if key in given}
        if update_record(database, "officers", existing, changes, summary=f"import: {row['name']}"):
            report.updated += 1
        else:
            report.unchanged += 1
    else:
        insert_record(database, "officers", row, summary=f"import: {row['name']}")
        report.created += 1


@dataclass
class _RowContext:
    """What a row's cleaner may need beyond the row: earlier rows, the file's date system."""

    date1904: bool = False
    row: int = 0
    seen: dict[tuple, int] = field(default_factory=dict)  # identity -> row it first appeared in
    made: set[str] = field(default_factory=set)  # the areas this import added (rows repeat them)
    # The talks on record by start, then by ``talk_key``, as the import has read and written them.
    _talks_at: dict[Any, dict[tuple, list[Any]]] = field(default_factory=dict)
    # Records on the ledgers that rows matched: (table, record id, audit summary).
    looked_up: list[tuple[str, str, str]] = field(default_factory=list)
    _officer: list[str | None] = field(default_factory=list)  # asked once per import
    _partners: dict[str, str] | None = None
    # The residents on record that a two-phase list's rows may name, looked up for the whole
    # list before its rows are cleaned (nothing is written meanwhile): ``_linked`` asks it.
    on_record: resident_store.PeopleOfAList | None = None
    # Likewise a list of card sellers' reference numbers: those asked, and the card sellers
    # on record with them (``card_seller_store.with_references``).
    card_references: tuple[set[str], dict[str, tuple[str, str | None, str]]] | None = None
    _places: dict[str, str] | None = None
    _station_places: list[str] | None = None

    def forget_writes(self) -> None:
        """What the rows written so far made, forgotten: their transaction was undone."""
        self.made.clear()
        self._talks_at.clear()

    def talks_starting(self, database: Database, starts_at: Any) -> dict[tuple, list[Any]]:
        """The talks on record at ``starts_at`` by ``rules.talk_key`` (``talks_starting``),
        read once for the whole file and kept as the import writes."""
        if starts_at not in self._talks_at:
            self._talks_at[starts_at] = talk_store.talks_starting(database, starts_at)
        return self._talks_at[starts_at]

    def card_seller_numbered(
        self, database: Database, reference: str
    ) -> tuple[str, str | None, str] | None:
        """The live card seller with this reference number as (id, resident id, card kind):
        from ``card_references`` when the list's number was looked up before, else asked."""
        if self.card_references is not None and reference in self.card_references[0]:
            return self.card_references[1].get(reference)
        return card_seller_store.with_references(database, [reference]).get(reference)

    def places(self, database: Database) -> dict[str, str]:
        """Every place a person abroad may be recorded at (``locations``), read once."""
        if self._places is None:
            self._places = return_store.locations(database)
        return self._places

    def station_places(self, database: Database) -> list[str]:
        """The places the station added (``station_locations``), read once."""
        if self._station_places is None:
            self._station_places = return_store.station_locations(database)
        return self._station_places

    def outlet_partners(self, database: Database) -> dict[str, str]:
        """Partners by name, asked once for the whole file (outlets named in a list)."""
        if self._partners is None:
            self._partners = card_seller_store.outlet_partners(database)
        return self._partners

    def current_officer(self, database: Database) -> str | None:
        """The officer using this laptop: imported warnings go to them, as the intake form's."""
        if not self._officer:
            self._officer.append(officer_store.current_officer(database))
        return self._officer[0]

    def first_time(self, identity: tuple, field_name: str, template: str, *also: tuple) -> None:
        """Refuse a second row describing the same record as an earlier one: by ``identity``
        or any of ``also`` (a person named by ID number in one row, by mobile in another).
        ``template`` may name the earlier row ({row}) and this one ({this})."""
        for key in (identity, *also):
            if key in self.seen:
                raise RowInvalid(
                    [ValidationError(template, field=field_name, row=self.seen[key], this=self.row)]
                )
        for key in (identity, *also):
            self.seen[key] = self.row

    def matched(self, table: str, record_id: str, outcome: str) -> None:
        """Remember that this row matched a record of ``table`` on record, for the audit log
        (written even when the import is refused and undone)."""
        self.looked_up.append((table, record_id, f"look-up: import row {self.row} {outcome}"))


def _officer_row(database: Database, values: dict[str, Any], context: _RowContext) -> dict:
    clean = _clean_officer_row(database, values)
    identity = (
        ("badge", clean["badge_number"])
        if clean["badge_number"]
        else ("person", clean["name"], clean["phone"] or "")
    )
    context.first_time(
        identity,
        "badge_number" if clean["badge_number"] else "name",
        QT_TRANSLATE_NOOP("Validation", "The same officer is already in row {row}."),
    )
    return clean


def _area_row(database: Database, values: dict[str, Any], context: _RowContext) -> dict:
    return _clean_area_row(values)


# -- talks (a planned schedule) ------------------------------------------------------------------
_SEPARATORS = re.compile(r"[、，,;；/\s]+")
_CLOCK = re.compile(r"^(上午|下午|晚上|中午)?\s*(\d{1,2})\s*(?:[:：点时]\s*(\d{1,2})?\s*分?)?$")
_DATED_CLOCK = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\sT]+(.+)$")
DEFAULT_TALK_MINUTES = 90


def _catalogue_code(catalogue: dict, text: str, extra: dict[str, str] | None = None) -> str | None:
    """A catalogue code from its code, Chinese name or English name (any case)."""
    text = text.strip()
    if extra and text in extra:
        return extra[text]
    found = _FOUND_WORDS.get((id(catalogue), text))
    if found is not None:
        return found
    for code, entry in catalogue.items():
        if text.lower() in (code, entry.en.lower()) or text == entry.zh:
            if len(_FOUND_WORDS) < _FOUND_LIMIT:
                _FOUND_WORDS[id(catalogue), text] = code
            return code
    return None


def _fraud_type_named(text: str) -> str | None:
    """A fraud type's code from its name or its code (投资理财类 as 投资理财)."""
    return _catalogue_code(FRAUD_TYPES, text.strip().removesuffix("类"))


def _fraud_type_in_words(text: str) -> str | None:
    """A fraud type's code from the short words lists use for it (``FRAUD_TYPE_WORDS``)."""
    text = text.strip().removesuffix("类")
    if not text:
        return None
    try:
        return _word_code(FRAUD_TYPE_WORDS, text, "fraud_type")
    except ValidationError:
        return None


def fraud_type_of(text: str) -> str | None:
    """A fraud type's code from its name, its code, or the short words lists use for it
    (冒充客服, 杀猪盘, 投资理财类); None when none fits."""
    return _fraud_type_named(text) or _fraud_type_in_words(text)


def _codes(read: Callable[[str], str | None], value: Any, field_name: str) -> list[str]:
    """The codes ``read`` finds for each part of a list of words ("老年人、学生"); every part
    none fits is reported at once."""
    codes, unknown = [], []
    for part in _SEPARATORS.split(cell_text(value)):
        if not part:
            continue
        code = read(part)
        (codes if code else unknown).append(code or part)
    if unknown:
        raise unknown_value("、".join(unknown), field=field_name)
    return list(dict.fromkeys(codes))


def _day_given(value: Any) -> dt.date | None:
    """The day a time's cell gives with it ("2026-12-20 00:30", or a date-and-time cell), if
    any: an evening talk's end on the day after, as the program's own list of talks writes it."""
    if isinstance(value, dt.datetime):
        return value.date()
    dated = _DATED_CLOCK.match(cell_text(value))
    if dated is None:
        return None
    try:
        return parse_any_date(dated.string[: dated.start(1)].strip(" T"))
    except ValidationError:
        return None


def _clock(value: Any, field_name: str) -> dt.time:
    """09:00, 9点30, 下午3:00, an Excel time (a fraction of a day) or a time cell."""
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float | int) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60, minutes % 60)
    text = cell_text(value)
    dated = _DATED_CLOCK.match(text)
    if dated:  # "2026-12-20 09:00": the day is checked where it is needed
        text = dated.group(1)
    match = _CLOCK.match(text.replace(" ", ""))
    if match:
        hour, minute = int(match.group(2)), int(match.group(3) or 0)
        if match.group(1) in ("下午", "晚上") and hour < 12:
            hour += 12
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise ValidationError(
        QT_TRANSLATE_NOOP("Validation", "{value} is not a time of day (write it like 09:30)."),
        field=field_name,
        value=cell_text(value),
    )


def _officer_by_name(database: Database, name: str, field_name: str = "organiser") -> str:
    rows = database.query(
        "SELECT id FROM officers WHERE (name = ? OR badge_number = ?) AND deleted_at IS NULL "
        "LIMIT 2",
        (name, name),
    )
    if len(rows) != 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "No single officer is called {value}: add them under Areas & people first, "
                "or write the badge number.",
            ),
            field=field_name,
            value=name,
        )
    return rows[0]["id"]


def _talk_row(database: Database, values: dict[str, Any], context: _RowContext) -> Talk:
    problems = Problems()
    if "date" in values or not cell_text(values.get("start")):
        day = problems.check(
            parse_date, values.get("date"), field="date", date1904=context.date1904
        )
    else:  # no date column: the start gives the day (the program's own talk list does so)
        day = problems.check(
            parse_date, values.get("start"), field="start", date1904=context.date1904
        )
    start = end = None
    span = cell_text(values.get("time"))
    if cell_text(values.get("start")):
        start = problems.check(_clock, values.get("start"), "start")
    elif span:
        parts = re.split(r"\s*[-–—~至到]+\s*", span, maxsplit=1)
        start = problems.check(_clock, parts[0], "time")
        if len(parts) == 2:
            end = problems.check(_clock, parts[1], "time")
    else:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "The start time is missing."), field="start"
            )
        )
    end_day = day
    end_cell = values.get("end")
    if type(end_cell) is dt.date and day is not None and end_cell == day + dt.timedelta(days=1):
        # A date-and-time cell at midnight reaches us as its date alone (calamine drops a
        # time of 00:00): the day after the start is an evening talk ending at midnight. Any
        # other date alone is what it looks like, a date where a time belongs, and is refused.
        end_cell = dt.datetime.combine(end_cell, dt.time())
    if cell_text(end_cell):
        end = problems.check(_clock, end_cell, "end")
        given = _day_given(end_cell)
        if day is not None and end is not None and given not in (None, day):
            # Only an evening talk ending after midnight ends on another day.
            if given == day + dt.timedelta(days=1) and start is not None and end < start:
                end_day = given
            else:
                problems.errors.append(
                    ValidationError(
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "A talk ends on the day it starts, or after midnight if it runs"
                            " late: {value}",
                        ),
                        field="end",
                        value=cell_text(end_cell),
                    )
                )
    kind_text = cell_text(values.get("venue_kind"))
    venue_kind = "community"
    if kind_text:
        venue_kind = _catalogue_code(VENUE_KINDS, kind_text, VENUE_KIND_WORDS)
        if venue_kind is None:
            problems.errors.append(unknown_value(kind_text, field="venue_kind"))
    status_text = cell_text(values.get("status"))
    status = _catalogue_code(TALK_STATUSES, status_text) if status_text else "planned"
    if status is None:
        problems.errors.append(unknown_value(status_text, field="status"))
    area_name = cell_text(values.get("area"))
    organiser = cell_text(values.get("organiser"))
    talk = Talk(
        title=cell_text(values.get("title")),
        starts_at=clock.at(dt.date(2000, 1, 1)),
        ends_at=clock.at(dt.date(2000, 1, 1), dt.time(1, 0)),
        venue=cell_text(values.get("venue")),
        venue_kind=venue_kind or "community",
        area_id=problems.check(_area_by_name, database, area_name) if area_name else None,
        audience=problems.check(
            _codes, partial(_catalogue_code, AUDIENCES), values.get("audience"), "audience"
        )
        or [],
        topics=problems.check(_codes, fraud_type_of, values.get("topics"), "topics") or [],
        organiser_id=problems.check(_officer_by_name, database, organiser) if organiser else None,
        expected_headcount=cell_text(values.get("expected_headcount")) or None,
        status=status or "planned",
        notes=cell_text(values.get("notes")),
    )
    if problems.errors:
        raise RowInvalid(problems.errors)
    talk.starts_at = clock.at(day, start)  # the station's clock, not the laptop's zone
    talk.ends_at = (
        clock.at(end_day, end)
        if end
        else talk.starts_at + dt.timedelta(minutes=DEFAULT_TALK_MINUTES)
    )
    try:
        talk_store.validate_talk(database, talk)
    except ValidationError as exc:
        if exc.field == "ends_at":  # the column the end time came from
            exc.field = "end" if cell_text(values.get("end")) else "time"
        raise RowInvalid([exc]) from None
    context.first_time(
        ("talk", *talk_key(talk.starts_at, talk.title, talk.venue)),
        "title",
        QT_TRANSLATE_NOOP("Validation", "The same talk is already in row {row}."),
    )
    return talk


def _write_talk_row(
    database: Database, talk: Talk, report: ImportReport, bulk: BulkInsert, context: _RowContext
) -> None:
    at = context.talks_starting(database, talk.starts_at)
    key = talk_key(talk.starts_at, talk.title, talk.venue)
    known = at.get(key)  # the same schedule imported again?
    if not known:
        talk_store.save_talk(database, talk)
        at[key] = [{"id": talk.id, "status": talk.status, "deleted_at": None}]
        report.created += 1
        return
    # The schedule sent again with a talk called off since: the talk on record is too (every
    # live one, a twin entered before they were matched as they read included), unless held.
    live = [row for row in known if row["deleted_at"] is None and row["status"] in TALKS_TO_COME]
    if talk.status in NOT_HAPPENING and live:
        for row in live:
            talk_store.call_off(database, row["id"], talk.status)
        report.updated += 1
    else:
        report.unchanged += 1


# -- warnings (预警名单) ---------------------------------------------------------------------------
def _word_code(table: dict[str, tuple[str, ...]], value: Any, field_name: str) -> str:
    text = cell_text(value).lower()
    if not text:  # not "Unknown value ." for a cell left empty
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "The cell is empty: write one of {words}."),
            field=field_name,
            words="、".join(words[0] for words in table.values()),
        )
    found = _FOUND_WORDS.get((id(table), text))
    if found is not None:
        return found
    for code, words in table.items():
        if text == code or any(word.lower() in text for word in words):
            if len(_FOUND_WORDS) < _FOUND_LIMIT:
                _FOUND_WORDS[id(table), text] = code
            return code
    raise unknown_value(text, field=field_name)


# The few words of a column (a source, a level, a kind of card) repeat on every row of a list:
# each text's code is looked for once (by the vocabulary, one of catalogue's tables, and the
# text). A text no code fits is looked for again, its row reported on its own.
_FOUND_WORDS: dict[tuple[int, str], str] = {}
_FOUND_LIMIT = 10_000


def _listed_word(table: dict[str, tuple[str, ...]], value: Any, field_name: str) -> str:
    """``_word_code`` for the lists of persons abroad and card sellers, typed by hand at a
    village or a bank: a word no code fits is answered with the words the column takes."""
    try:
        return _word_code(table, value, field_name)
    except ValidationError:
        if not cell_text(value):
            raise  # an empty cell: it says so, with the words to write
        words = [words[0] for words in table.values()]
        raise _unknown_word(cell_text(value).lower(), words, field_name) from None


def _unknown_word(value: str, words: list[str], field_name: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Validation", "Unknown value {value}: write one of {words}."),
        field=field_name,
        value=value,
        words="、".join(words),
    )


def _person_of(
    database: Database,
    values: dict[str, Any],
    problems: Problems,
    check: Callable[[dict[str, Any]], tuple[dict[str, Any], list[ValidationError]]],
) -> dict[str, Any]:
    """The person a row names (name, mobile, ID number, address and area), checked by the
    gateway's ``check``; what is wrong goes to ``problems``."""
    person, errors = check(
        {
            "name": cell_text(values.get("name")),
            "mobile": values.get("mobile"),
            "id_number": values.get("id_number"),
            "address": cell_text(values.get("address")),
        }
    )
    problems.errors += errors
    area_name = cell_text(values.get("area"))
    person["area_id"] = problems.check(_area_by_name, database, area_name) if area_name else None
    return person


def _warning_row(database: Database, values: dict[str, Any], context: _RowContext) -> dict:
    """The file's words turned into codes, then the warning gateway's own checks."""
    problems = Problems()
    received_at = problems.check(
        parse_datetime, values.get("received_at"), field="received_at", date1904=context.date1904
    )
    type_text = cell_text(values.get("fraud_type"))
    named = _fraud_type_named(type_text)
    fraud_type = named or _fraud_type_in_words(type_text) or ("other" if type_text else "")
    warning, errors = warning_store.check_warning(
        {
            "received_at": received_at,
            "source": problems.check(
                _word_code, WARNING_SOURCE_WORDS, values.get("source"), "source"
            ),
            "level": problems.check(_word_code, WARNING_LEVEL_WORDS, values.get("level"), "level"),
            "reference_number": cell_text(values.get("reference_number")),
            "fraud_type": fraud_type,
            "amount_at_risk": values.get("amount_at_risk"),
            # The list's own words, unless they were the type's name: 注销校园贷 says more.
            "notes": f"诈骗类型（原文）：{type_text}" if type_text and not named else "",
            "officer_id": context.current_officer(database),
        }
    )
    problems.add_unnamed(errors)
    resident = _person_of(database, values, problems, resident_store.check_resident)
    if problems.errors:
        raise RowInvalid(problems.errors)
    reference = warning["reference_number"]
    identity = (
        ("ref", reference) if reference else ("when", warning["received_at"], resident["mobile"])
    )
    context.first_time(
        identity,
        "reference_number" if reference else "received_at",
        QT_TRANSLATE_NOOP("Validation", "The same warning is already in row {row}."),
    )
    return {"warning": warning, "resident": resident}


def _write_warning_rows(
    database: Database,
    rows: list[tuple[int, dict]],
    report: ImportReport,
    bulk: BulkInsert,
    context: _RowContext,
) -> None:
    """Write a chunk of a warning list's clean rows, asking the database about the whole
    chunk at once: which warnings it holds already and who the people are."""
    warnings = [row["warning"] for _number, row in rows]
    # The same file imported again adds nothing: a warning is known by its reference number,
    # or (without one) by its time and the resident's mobile.
    references = warning_store.references_on_record(
        database, [w["reference_number"] for w in warnings if w["reference_number"]]
    )
    # Earlier chunks' warnings are on record by now; this chunk's are added as written.
    moments = warning_store.moments_on_record(
        database,
        [(w["received_at"], row["resident"]["mobile"])
         for w, (_number, row) in zip(warnings, rows, strict=True) if not w["reference_number"]],
    )  # fmt: skip
    # An import cannot ask about each row: it links only what is certainly the same person.
    people = resident_store.PeopleOfAList(database, [row["resident"] for _number, row in rows])
    people.details(
        found for _number, row in rows if (found := people.same_person(row["resident"])) is not None
    )
    for row_number, row in rows:
        context.row = row_number
        warning, person = row["warning"], row["resident"]
        if warning["reference_number"]:
            known = warning["reference_number"] in references
        else:
            known = (warning["received_at"], person["mobile"]) in moments
        if known:
            report.unchanged += 1
            continue
        resident_id = people.same_person(person)
        if resident_id is not None and people.listed_only(resident_id):
            # A person known only from a ledger, found by a warning's row: a look-up to log.
            context.matched("residents", resident_id, "linked a warning")
        if resident_id is None:
            resident_id = resident_store.write_resident(database, person, bulk=bulk)
            people.written(person, resident_id)
            warning_store.write_warning(
                database, warning, resident_id, new_resident=True,
                new_resident_area=person["area_id"], bulk=bulk, summary="import", people=people,
            )  # fmt: skip
        else:
            warning_store.write_warning(
                database, warning, resident_id, bulk=bulk, summary="import", people=people
            )
        moments.add((warning["received_at"], people.mobile_of(resident_id)))
        report.created += 1
    people.write_tags()


# -- persons abroad (the upper level's list) -------------------------------------------------------
def _location(database: Database, text: str, context: _RowContext) -> str:
    """A place abroad: the station's own by its name, else the catalogue's by a word in it,
    else 其他."""
    if text in context.station_places(database):
        return text
    lowered = text.lower()
    for code, words in ABROAD_LOCATION_WORDS.items():
        if lowered == code or any(word in lowered for word in words):
            return code
    return "other"


def _return_row(database: Database, values: dict[str, Any], context: _RowContext) -> dict:
    """The file's words turned into codes and places, then the ledger's own checks."""
    problems = Problems()
    text = {key: cell_text(values.get(key)) for key in ("location", "departure",
                                                         "lead_source", "category")}  # fmt: skip
    days = {
        key: problems.check(parse_date, values.get(key), field=key, date1904=context.date1904)
        for key in ("left_on", "listed_on", "deadline_on")
        if cell_text(values.get(key))
    }
    location = _location(database, text["location"], context) if text["location"] else None
    notes = cell_text(values.get("notes"))
    if location == "other" and text["location"] not in ("其他", "other"):
        notes = "；".join(part for part in (f"滞留地（原文）：{text['location']}", notes) if part)
    given: dict[str, Any] = {
        "location": location,
        "departure": problems.check(_listed_word, DEPARTURE_WORDS, text["departure"], "departure")
        if text["departure"] else "unknown",
        "lead_source": problems.check(
            _listed_word, RETURN_LEAD_WORDS, text["lead_source"], "lead_source"
        ) if text["lead_source"] else "upper_level",  # a list sent down
        "category": problems.check(
            _listed_word, RETURN_CATEGORY_WORDS, text["category"], "category"
        ) if text["category"] else "other",
        **days,
        "notes": notes,
        **{field: cell_text(values.get(field)) for field in (
            "list_name", "family_name", "family_relation", "county_leader", "township_leader",
            "village_secretary")},
        **{field: values.get(field) for field in (
            "family_phone", "county_leader_phone", "township_leader_phone",
            "village_secretary_phone")},
        "name": cell_text(values.get("name")),
        "mobile": values.get("mobile"),
        "id_number": values.get("id_number"),
        "address": cell_text(values.get("address")),
    }  # fmt: skip
    for key, column in (("area_id", "area"), ("residence_area_id", "residence")):
        name = cell_text(values.get(column))
        found = len(problems.errors)
        given[key] = problems.check(_area_by_name, database, name) if name else None
        for error in problems.errors[found:]:  # named after the column it was read from
            error.field = column
    officer = cell_text(values.get("officer"))
    if officer:
        given["officer_id"] = problems.check(_officer_by_name, database, officer, "officer")
    case, resident, errors = return_store.check_listing(
        database, given, today=clock.today(), places=context.places(database)
    )
    problems.add_unnamed(errors)
    if problems.errors:
        raise RowInvalid(problems.errors)
    resident["area_id"] = case.get("area_id")
    first, *others = _person_keys("abroad", resident)
    context.first_time(
        first,
        "id_number" if resident["id_number"] else "name",
        QT_TRANSLATE_NOOP(
            "Validation", "Rows {row} and {this} name the same person; keep one of the two."
        ),
        *others,
    )
    # An import cannot ask: it links only a resident certainly the same (resident_store), a
    # look-up to log, and never a stranger holding the row's ID number.
    resident_id = _linked(database, resident, context)
    open_case = resident_id and return_store.open_case_of(database, resident_id)
    known = False
    if open_case:
        # The same list imported again: that entry, listed on the row's day; any other open
        # entry refuses the row without a word about it (the look-up is logged).
        known = case["listed_on"] == database.scalar(
            "SELECT listed_on FROM return_cases WHERE id = ?", (open_case,)
        )
        context.matched("return_cases", open_case, "unchanged" if known else "refused")
        if not known:
            raise RowInvalid([ValidationError(_LISTED_ALREADY, field="name")])
    return {"case": case, "resident": resident, "resident_id": resident_id, "known": known}


_NUMBER_TAKEN = QT_TRANSLATE_NOOP(
    "Validation",
    "This reference number is on the register for another record: check the number."
    " (This look-up is logged.)",
)


def _linked(database: Database, person: dict[str, Any], context: _RowContext) -> str | None:
    """The resident a ledger's row is certainly about (``same_person_on_record``), the match
    logged; a resident holding the row's ID number under another name refuses the row."""
    on_record = context.on_record
    if on_record is not None and on_record.covers(person):
        resident_id = on_record.same_person(person)
    else:
        resident_id = resident_store.same_person_on_record(database, person)
    if resident_id is not None:
        context.matched("residents", resident_id, "linked")
        if person["id_number"] and resident_store.named_otherwise(
            database, resident_id, person["name"]
        ):
            raise RowInvalid([ValidationError(resident_store.ANOTHER_NAME, field="id_number")])
    return resident_id


# A row whose person is on a ledger already, not as the same row of a list imported again:
# nothing of that record is told (the look-up is logged), as the forms tell.
_LISTED_ALREADY = QT_TRANSLATE_NOOP(
    "Validation",
    "This person is already listed; open their record instead of importing them again."
    " (This look-up is logged.)",
)


def _person_keys(kind: str, person: dict[str, Any], *more: str) -> list[tuple]:
    """How rows of one file are known to name the same person: the ID number, and the name
    with the mobile (the rule of ``same_person_on_record``)."""
    keys = []
    if person["id_number"]:
        keys.append((kind, "id", person["id_number"], *more))
    if person["mobile"]:
        keys.append((kind, "named", person["name"], person["mobile"], *more))
    return keys


def _write_return_rows(
    database: Database,
    rows: list[tuple[int, dict]],
    report: ImportReport,
    bulk: BulkInsert,
    context: _RowContext,
) -> None:
    """Write a chunk of a list of persons abroad, its people asked of the database at once."""
    people = _people_of(database, rows)
    for row_number, row in rows:
        context.row = row_number
        if row["known"]:
            report.unchanged += 1
            continue
        # A person earlier in the same file is on record by now (one transaction).
        resident_id = row["resident_id"] or people.same_person(row["resident"])
        return_store.write_listing(
            database, row["case"], row["resident"], resident_id, bulk=bulk, people=people
        )
        report.created += 1


def _people_of(database: Database, rows: list[tuple[int, dict]]) -> resident_store.PeopleOfAList:
    """Who the people of a chunk of a ledger's clean rows are: those the cleaning linked, and
    those ``same_person_on_record`` would find when each is written."""
    rows = [row for _number, row in rows if not row["known"]]
    people = resident_store.PeopleOfAList(
        database, [row["resident"] for row in rows if row["resident_id"] is None]
    )
    people.details(
        found
        for row in rows
        if (found := row["resident_id"] or people.same_person(row["resident"]))
    )
    return people


# -- card sellers (涉"两卡"人员名单) ------------------------------------------------------------------
def _yes_no(value: Any, field_name: str) -> bool | None:
    text = cell_text(value).lower()
    for answer, words in OPENED_LOCALLY_WORDS.items():  # the no words first: 非本地 holds 本地
        if text in words:
            return answer
    raise _unknown_word(text, ["是", "否", "不详"], field_name)


def _card_seller_row(database: Database, values: dict[str, Any], context: _RowContext) -> dict:
    """The file's words turned into codes, then the card-seller gateway's own checks. A row
    the register already holds (its reference number, or the same person, card kind and day)
    is written as unchanged; the same person still on the register for that kind of card
    from another day is a bad row (a person is not listed twice)."""
    problems = Problems()
    listed_on = None
    if cell_text(values.get("listed_on")):
        listed_on = problems.check(
            parse_date, values.get("listed_on"), field="listed_on", date1904=context.date1904
        )
    outlet = cell_text(values.get("outlet"))
    source_text = cell_text(values.get("source"))
    manner_text = cell_text(values.get("manner"))
    card_seller, errors = card_seller_store.check_card_seller(
        {
            "reference_number": cell_text(values.get("reference_number")),
            "listed_on": listed_on,
            "card_kind": problems.check(
                _listed_word, CARD_KIND_WORDS, values.get("card_kind"), "card_kind"
            ),
            "card_count": values.get("card_count"),
            "issuer": cell_text(values.get("issuer")),
            "outlet_partner_id": context.outlet_partners(database).get(outlet),
            "outlet": outlet,
            "opened_locally": problems.check(
                _yes_no, values.get("opened_locally"), "opened_locally"
            ),
            # An upper level's list is its notice unless it says otherwise.
            "source": problems.check(_listed_word, CARD_SOURCE_WORDS, source_text, "source")
            if source_text
            else "upper_level",
            "manner": problems.check(_listed_word, CARD_MANNER_WORDS, manner_text, "manner")
            if manner_text
            else "unknown",
            "notes": cell_text(values.get("notes")),
            "officer_id": context.current_officer(database),
        }
    )
    problems.add_unnamed(errors)
    person = _person_of(database, values, problems, resident_store.check_listed_person)
    if problems.errors:
        raise RowInvalid(problems.errors)
    reference = card_seller["reference_number"]
    if reference:
        context.first_time(
            ("ref", reference),
            "reference_number",
            QT_TRANSLATE_NOOP("Validation", "The same card seller is already in row {row}."),
        )
    first, *others = _person_keys("card", person, card_seller["card_kind"])
    context.first_time(
        first,
        "card_kind",
        QT_TRANSLATE_NOOP(
            "Validation",
            "Rows {row} and {this} name the same person for this kind of card; keep one of the"
            " two.",
        ),
        *others,
    )
    # An import cannot ask about each row: it links only what is certainly the same person.
    resident_id = _linked(database, person, context)
    # The same list imported again is known by the upper level's reference numbers alone,
    # when the number names the same person and kind of card (an upper level's numbers can
    # collide: another person under a known number is a bad row, never dropped).
    numbered = context.card_seller_numbered(database, reference) if reference else None
    if numbered:
        same = numbered[1:] == (resident_id, card_seller["card_kind"])
        context.matched("card_sellers", numbered[0], "unchanged" if same else "refused")
        if not same:
            raise RowInvalid([ValidationError(_NUMBER_TAKEN, field="reference_number")])
    elif resident_id is not None:
        listed = card_seller_store.open_listing_of(database, resident_id, card_seller["card_kind"])
        if listed:
            context.matched("card_sellers", listed, "refused")
            raise RowInvalid([ValidationError(card_seller_store.ALREADY_LISTED, field="name")])
    return {"card_seller": card_seller, "resident": person, "resident_id": resident_id,
            "known": numbered is not None}  # fmt: skip


def _write_card_seller_rows(
    database: Database,
    rows: list[tuple[int, dict]],
    report: ImportReport,
    bulk: BulkInsert,
    context: _RowContext,
) -> None:
    """Write a chunk of a list of card sellers, its people asked of the database at once."""
    people = _people_of(database, rows)
    for row_number, row in rows:
        context.row = row_number
        if row["known"]:
            report.unchanged += 1
            continue
        person = row["resident"]
        # A person earlier in the same file is on record by now (one transaction).
        resident_id = row["resident_id"] or people.same_person(person)
        if resident_id is None:
            resident_id = resident_store.write_resident(database, person, bulk=bulk)
            people.written(person, resident_id)
        card_seller_store.write_card_seller(
            database, row["card_seller"], resident_id, area_id=people.area_of(resident_id),
            bulk=bulk, summary="import",
        )  # fmt: skip
        report.created += 1


# -- door-to-door visits (入户走访登记表) ------------------------------------------------------------
def _visit_row(database: Database, values: dict[str, Any], context: _RowContext) -> dict:
    """The sheet's community and day read, then the visits gateway's own checks."""
    problems = Problems()
    area_name = cell_text(values.get("area"))
    day = problems.check(
        parse_date, values.get("visited_on"), field="visited_on", date1904=context.date1904
    )
    visit, errors = visit_store.check_visit(
        {**{key: values.get(key) for key in visit_store.COUNTS},
         "area_id": problems.check(_area_by_name, database, area_name) if area_name else None,
         "visited_on": day, "building": cell_text(values.get("building")),
         "grid_worker": cell_text(values.get("grid_worker")),
         "notes": cell_text(values.get("notes"))}
    )  # fmt: skip
    problems.add_unnamed(errors)
    if visit["area_id"] is not None:
        problems.check(visit_store.community_on_record, database, visit["area_id"], "area")
    if problems.errors:
        raise RowInvalid(problems.errors)
    context.first_time(
        ("visit", visit["area_id"], visit["visited_on"], visit["building"], visit["grid_worker"]),
        "building",
        QT_TRANSLATE_NOOP("Validation", "The same visit is already in row {row}."),
    )
    return visit


def _write_visit_row(
    database: Database, row: dict, report: ImportReport, bulk: BulkInsert, context: _RowContext
) -> None:
    if visit_store.visit_on_record(database, row):  # the same sheet imported again
        report.unchanged += 1
        return
    visit_store.write_visit(database, row, bulk)
    report.created += 1


# -- communities' households (户数) -----------------------------------------------------------------
def _households_row(database: Database, values: dict[str, Any], context: _RowContext) -> dict:
    problems = Problems()
    area_name = cell_text(values.get("area"))
    area_id = problems.check(_area_by_name, database, area_name) if area_name else None
    if area_id is not None:
        problems.check(visit_store.community_on_record, database, area_id, "area")
    households = problems.check(visit_store.households_count, values.get("households"))
    if problems.errors:
        raise RowInvalid(problems.errors)
    context.first_time(
        ("households", area_id),
        "area",
        QT_TRANSLATE_NOOP("Validation", "The same community is already in row {row}."),
    )
    return {"area_id": area_id, "households": households}


def _write_households_row(
    database: Database, row: dict, report: ImportReport, bulk: BulkInsert, context: _RowContext
) -> None:
    if update_record(
        database, "areas", row["area_id"], {"households": row["households"]},
        summary=f"import: households {row['households']}",
    ):  # fmt: skip
        report.updated += 1
    else:
        report.unchanged += 1


# -- the shared procedure ----------------------------------------------------------------------
def fields_of(kind: str) -> tuple[dict[str, list[str]], list[str]]:
    """The columns a kind of list may have (field -> usual names) and the required ones (of
    alternatives such as a talk's date or dated start, the usual one)."""
    synonyms, required = _KINDS[kind]
    return synonyms, [need if isinstance(need, str) else need[0] for need in required]


def first_rows(path: Path | str, count: int = 15) -> list[list[str]]:
    """The top rows of a file as text, for choosing its header row and columns by hand."""
    sheet = read_sheet(Path(path))
    return [[cell_text(cell) for cell in row] for row in sheet.top(count)]


# The limit of each column's text, from the one table in core.limits: checked while each row is
# cleaned, so every over-long or control-character text names its row before anything is
# written. Columns not named are short words, dates, times or amounts: one line of a code's size.
_TEXT_LIMITS: dict[str, dict[str, TextLimit]] = {
    "areas": {"county": limit_of("areas", "name"), "township": limit_of("areas", "name"),
              "community": limit_of("areas", "name"), "code": limit_of("areas", "code")},
    "officers": {"name": limit_of("officers", "name"),
                 "badge_number": limit_of("officers", "badge_number"),
                 "unit": limit_of("officers", "unit"), "phone": limit_of("officers", "phone"),
                 "area": limit_of("areas", "name")},
    "talks": {"title": limit_of("talks", "title"), "venue": limit_of("talks", "venue"),
              "area": limit_of("areas", "name"), "audience": limit_of("talks", "audience"),
              "topics": PLACE,  # names of fraud types
              "organiser": limit_of("officers", "badge_number"),  # a name or a badge number
              "notes": limit_of("talks", "notes")},
    "warnings": {"reference_number": limit_of("warnings", "reference_number"),
                 "name": limit_of("residents", "name"), "mobile": limit_of("residents", "mobile"),
                 "id_number": limit_of("residents", "id_number"),
                 "address": limit_of("residents", "address"), "area": limit_of("areas", "name"),
                 "fraud_type": PLACE},  # an unknown type is kept in the notes
    "return_cases": {
        **{key: limit_of("return_cases", key) for key in (
            "list_name", "family_name", "family_relation", "family_phone", "county_leader",
            "county_leader_phone", "township_leader", "township_leader_phone",
            "village_secretary", "village_secretary_phone", "notes")},
        "name": limit_of("residents", "name"), "mobile": limit_of("residents", "mobile"),
        "id_number": limit_of("residents", "id_number"),
        "address": limit_of("residents", "address"), "area": limit_of("areas", "name"),
        "residence": limit_of("areas", "name"), "location": PLACE,  # an unknown place: notes
        "officer": limit_of("officers", "badge_number"),  # a name or a badge number
    },
    "card_sellers": {"reference_number": limit_of("card_sellers", "reference_number"),
                     "name": limit_of("residents", "name"),
                     "mobile": limit_of("residents", "mobile"),
                     "id_number": limit_of("residents", "id_number"),
                     "address": limit_of("residents", "address"),
                     "area": limit_of("areas", "name"),
                     "issuer": limit_of("card_sellers", "issuer"),
                     "outlet": limit_of("card_sellers", "outlet"),
                     "notes": limit_of("card_sellers", "notes")},
    "visits": {"area": limit_of("areas", "name"),
               "building": limit_of("community_visits", "building"),
               "grid_worker": limit_of("community_visits", "grid_worker"),
               "notes": limit_of("community_visits", "notes")},
    "households": {"area": limit_of("areas", "name")},
}  # fmt: skip


_TEXT_CHECKS = {
    kind: {key: checker(limit) for key, limit in columns.items()}
    for kind, columns in _TEXT_LIMITS.items()
}
_CODE_CHECK = checker(CODE)


def _check_texts(values: dict[str, Any], checks: dict[str, Callable[..., Any]]) -> None:
    """Refuse the row if a text of it does not fit its column (every such column named)."""
    errors = []
    for key, value in values.items():
        if not isinstance(value, str):  # numbers, dates and times have their own rules
            continue
        try:
            checks.get(key, _CODE_CHECK)(value.strip(), key)
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise RowInvalid(errors)


_KINDS: dict[str, tuple[dict[str, list[str]], list[str | tuple[str, ...]]]] = {
    "areas": (AREA_COLUMNS, ["county"]),
    "officers": (OFFICER_COLUMNS, ["name"]),
    "talks": (TALK_COLUMNS, ["title", ("date", "start")]),
    # A warning is taken in with its source and level, as on the intake form: a list without
    # those columns is refused at its header, not in every row.
    "warnings": (WARNING_COLUMNS, ["received_at", "source", "level", "name", "mobile"]),
    "return_cases": (RETURN_COLUMNS, ["name", "location"]),
    "card_sellers": (CARD_SELLER_COLUMNS, ["name", "card_kind"]),
    "visits": (VISIT_COLUMNS, ["visited_on", "area", "households_visited"]),
    "households": (HOUSEHOLD_COLUMNS, ["area", "households"]),
}
_STEPS = {
    "areas": (_area_row, _write_area_row),
    "officers": (_officer_row, _write_officer_row),
    "talks": (_talk_row, _write_talk_row),
    "warnings": (_warning_row, _write_warning_rows),
    "return_cases": (_return_row, _write_return_rows),
    "card_sellers": (_card_seller_row, _write_card_seller_rows),
    "visits": (_visit_row, _write_visit_row),
    "households": (_households_row, _write_households_row),
}


def import_file(
    database: Database,
    kind: str,
    path: Path | str,
    *,
    skip_bad_rows: bool = False,
    check_only: bool = False,
    progress: Progress | None = None,
    column_names: dict[str, str] | None = None,
) -> ImportReport:
    """Read, validate and (unless refused) write one list; returns the report.

    ``progress(done, total)`` is called as rows are processed; an exception raised from it
    cancels the import and nothing is written. ``column_names`` maps a field to the header a
    file uses for it when the usual names do not match (the GUI's mapping dialog).
    """
    if kind not in _KINDS:
        raise ValueError(f"unknown import kind {kind}")
    path = Path(path)
    synonyms, required = _KINDS[kind]
    if column_names:
        synonyms = {
            key: ([column_names[key]] if column_names.get(key) else []) + names
            for key, names in synonyms.items()
        }
    sheet = read_sheet(path)
    header = find_header(sheet, synonyms, required)
    report = ImportReport(kind, ignored_columns=header.ignored)
    context = _RowContext(date1904=sheet.date1904)
    cleaner, writer = _STEPS[kind]
    text_checks = _TEXT_CHECKS[kind]
    try:
        if kind in _CHUNKED:
            # Every row under the header counts, the empty ones too: they are not known yet.
            total = 2 * max(len(sheet) - header.row_index - 1, 0)
            run = _Run(database, path, report, context, header, synonyms, progress, total)
            run.in_chunks(
                sheet, cleaner, writer, text_checks, skip_bad_rows=skip_bad_rows,
                check_only=check_only,
            )  # fmt: skip
            context = run.context  # a new one for each pass
        else:
            rows = list(data_rows(sheet, header))
            if kind in _LEDGERS:
                context.on_record = resident_store.PeopleOfAList(database, _named(rows))
            if kind == "card_sellers":
                numbers = {cell_text(values.get("reference_number")) for _n, values in rows}
                numbers.discard("")
                context.card_references = (
                    numbers, card_seller_store.with_references(database, numbers)
                )  # fmt: skip
            report.rows_read = len(rows)
            total = 2 * len(rows)
            clean_rows: list[tuple[int, Any]] = []
            run = _Run(database, path, report, context, header, synonyms, progress, total)
            run.clean(rows, cleaner, text_checks, clean_rows)
            if not (check_only or (report.errors and not skip_bad_rows) or not clean_rows):
                run.write(writer, clean_rows, skip_bad_rows=skip_bad_rows, first=len(rows) + 1)
    finally:
        # After the import's own transaction, even one refused and undone: who matched whom.
        if context.looked_up:
            with database.atomic():
                audit.record_many(database, "search", context.looked_up)
    return report


# The ledgers' lists: each row's person is looked for among the residents on record while it is
# cleaned (``_linked``).
_LEDGERS = {"return_cases", "card_sellers"}


def _named(rows: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The ID numbers and mobiles the rows most likely hold once checked (the text of the
    cell, an ID number in capitals): the people to look up before the rows are cleaned. A row
    whose checked values differ is looked up on its own."""
    return [
        {"id_number": cell_text(values.get("id_number")).upper() or None,
         "mobile": cell_text(values.get("mobile")) or None}
        for _number, values in rows
    ]  # fmt: skip


# The kinds whose rows are cleaned and written a chunk at a time as the sheet is read, in the
# import's one transaction, so that a list of 100,000 rows is never held whole. Their cleaning
# reads nothing the import writes: a warning's row is compared with the file's earlier rows,
# and with the database only when its chunk is written. Other kinds clean every row first.
_CHUNKED = {"warnings"}
CHUNK_ROWS = 2_000


@dataclass
class _Run:
    """One import as it goes: where its rows' problems are reported, and its progress."""

    database: Database
    path: Path
    report: ImportReport
    context: _RowContext
    header: HeaderMatch
    synonyms: dict[str, list[str]]
    progress: Progress | None
    total: int

    def in_chunks(
        self,
        sheet: Sheet,
        cleaner: Callable,
        writer: Callable,
        text_checks: dict,
        *,
        skip_bad_rows: bool,
        check_only: bool,
    ) -> None:
        """Clean the rows as they are read and write the good ones a chunk at a time (the
        kinds in ``_CHUNKED``), to the outcome ``clean`` and ``write`` give a whole list: all
        or nothing unless ``skip_bad_rows``; a row the records layer refuses is reported and,
        under ``skip_bad_rows``, the list is read and written again without it."""
        report = self.report
        refused: dict[int, RowError] = {}  # by the records layer, in earlier passes
        while True:
            self.context = _RowContext(
                date1904=self.context.date1904, looked_up=self.context.looked_up
            )
            report.errors, report.rows_read, report.good_rows = [], 0, 0
            try:
                if check_only:
                    self._pass(sheet, cleaner, writer, text_checks, refused, write=False,
                               skip_bad_rows=skip_bad_rows)  # fmt: skip
                    return
                with self.database.atomic():
                    if not self._pass(sheet, cleaner, writer, text_checks, refused, write=True,
                                      skip_bad_rows=skip_bad_rows):  # fmt: skip
                        raise _Undone
            except _Undone:
                report.created = report.updated = report.unchanged = 0
                return
            except _WriteRefused as again:  # under skip_bad_rows: once more without that row
                report.created = report.updated = report.unchanged = 0
                refused[again.row] = again.error
                continue
            report.written = True
            return

    def _pass(
        self,
        sheet: Sheet,
        cleaner: Callable,
        writer: Callable,
        text_checks: dict,
        refused: dict[int, RowError],
        *,
        write: bool,
        skip_bad_rows: bool,
    ) -> bool:
        """Read the list once, writing as ``in_chunks`` says; returns whether what it wrote
        is to be kept."""
        database, report, context = self.database, self.report, self.context
        writing, chunk, done = write, [], 0
        bulk: BulkInsert | None = None
        refusals: list[RowError] = []  # by the records layer: reported after the rows' own

        def send() -> bool:
            nonlocal bulk, done
            if bulk is None:
                bulk = BulkInsert(database)
            try:
                writer(database, chunk, report, bulk, context)
                bulk.write_audit()
            except ValidationError as exc:
                # The records layer refused what the cleaning let through.
                error = RowError(
                    context.row, _column_name(self.header, self.synonyms, exc.field), exc
                )
                if skip_bad_rows:
                    raise _WriteRefused(context.row, error) from exc
                refusals.append(error)
                return False
            done += len(chunk)
            if self.progress:
                self.progress(done, self.total)
            chunk.clear()
            return True

        for row_number, values in data_rows(sheet, self.header):
            report.rows_read += 1
            clean = self.clean_row(row_number, values, cleaner, text_checks)
            if clean is _BAD:
                if not skip_bad_rows and writing:
                    writing = False  # nothing is written: the rest is only checked
                    chunk.clear()
                refusals.clear()  # nothing would have been written to refuse
            elif row_number not in refused:
                report.good_rows += 1
                if writing:
                    chunk.append((row_number, clean))
            done += 1
            if self.progress:
                self.progress(done, self.total)
            if writing and len(chunk) >= CHUNK_ROWS:
                writing = send()
        if writing and chunk:
            writing = send()
        report.errors += [*refused.values(), *refusals]
        report.good_rows -= len(refusals)
        if not writing or not report.good_rows:
            return False
        assert bulk is not None
        bulk.finish()
        audit.record(
            database,
            "import",
            report.kind,
            "",
            f"{self.path.name}: {report.good_rows} rows, {report.created} created, "
            f"{report.updated} updated, {report.bad_rows} bad rows skipped",
        )
        return True

    def refuse(self, row_number: int, error: ValidationError) -> None:
        """Name a row's problem in the report, in the column the file calls it."""
        column = _column_name(self.header, self.synonyms, error.field)
        self.report.errors.append(RowError(row_number, column, error))

    def clean(self, rows: list, cleaner: Callable, text_checks: dict, clean_rows: list) -> None:
        """Clean every row (``clean_rows`` gets the good ones), reporting every bad one."""
        for done, (row_number, values) in enumerate(rows, start=1):
            clean = self.clean_row(row_number, values, cleaner, text_checks)
            if clean is not _BAD:
                clean_rows.append((row_number, clean))
            if self.progress:
                self.progress(done, self.total)
        self.report.good_rows = len(clean_rows)

    def clean_row(self, row_number: int, values: dict, cleaner: Callable, text_checks: dict) -> Any:
        """The row cleaned, or ``_BAD`` with its problems reported."""
        self.context.row = row_number
        try:
            _check_texts(values, text_checks)
            return cleaner(self.database, values, self.context)
        except RowInvalid as invalid:
            # Reported in the order of the file's columns, as the officer reads the row.
            def position(error: ValidationError) -> int:
                key = "area" if error.field == "area_id" else error.field
                return self.header.columns.get(key, len(self.header.columns))

            for error in sorted(invalid.errors, key=position):
                self.refuse(row_number, error)
            return _BAD

    def write(self, writer: Callable, clean_rows: list, *, skip_bad_rows: bool, first: int) -> None:
        """Write the clean rows in one transaction. A row the records layer refuses undoes it:
        then, under ``skip_bad_rows``, it is reported as a bad row and the rest written again;
        otherwise nothing is written."""
        database, report = self.database, self.report
        while True:
            self.context.forget_writes()  # an attempt undone wrote nothing
            try:
                with database.atomic():
                    bulk = BulkInsert(database)
                    if writer in _CHUNK_WRITERS:
                        self._write_chunks(writer, clean_rows, bulk, first)
                    else:
                        self._write_rows(writer, clean_rows, bulk, first)
                    bulk.finish()
                    audit.record(
                        database,
                        "import",
                        report.kind,
                        "",
                        f"{self.path.name}: {report.good_rows} rows, {report.created} created, "
                        f"{report.updated} updated, {report.bad_rows} bad rows skipped",
                    )
            except _WriteRefused as refused:
                report.created = report.updated = report.unchanged = 0
                clean_rows = [row for row in clean_rows if row[0] != refused.row]
                report.good_rows = len(clean_rows)
                if not skip_bad_rows or not clean_rows:
                    return
                continue
            report.written = True
            return

    def _write_rows(self, writer: Callable, clean_rows: list, bulk: BulkInsert, first: int) -> None:
        """``write`` for a writer of one row at a time."""
        for done, (row_number, clean) in enumerate(clean_rows, start=first):
            try:
                writer(self.database, clean, self.report, bulk, self.context)
            except ValidationError as exc:
                # The records layer refused what the cleaning let through.
                self.refuse(row_number, exc)
                raise _WriteRefused(row_number) from exc
            if self.progress:
                self.progress(done, self.total)

    def _write_chunks(
        self, writer: Callable, clean_rows: list, bulk: BulkInsert, first: int
    ) -> None:
        """``write`` for a writer of a chunk of rows at a time (``_CHUNK_WRITERS``)."""
        for start in range(0, len(clean_rows), CHUNK_ROWS):
            chunk = clean_rows[start : start + CHUNK_ROWS]
            try:
                writer(self.database, chunk, self.report, bulk, self.context)
                bulk.write_audit()
            except ValidationError as exc:
                # The records layer refused what the cleaning let through.
                self.refuse(self.context.row, exc)
                raise _WriteRefused(self.context.row) from exc
            if self.progress:
                self.progress(first + start + len(chunk) - 1, self.total)


# The writers given a chunk of clean rows at a time: they ask the database about the whole
# chunk at once (its people, its records on file), not about each row.
_CHUNK_WRITERS = {_write_warning_rows, _write_return_rows, _write_card_seller_rows}


class _WriteRefused(Exception):  # noqa: N818 - undoes the import's transaction
    def __init__(self, row: int, error: RowError | None = None) -> None:
        super().__init__(row)
        self.row = row
        self.error = error


class _Undone(Exception):  # noqa: N818 - undoes a chunked import's transaction
    pass


_BAD = object()  # a row with problems (reported)
