"""Door-to-door visits (入户走访, "敲门行动"): what a grid worker or officer hands in for one
building or village group (楼栋 / 村民小组) of a community on one day — households visited and
at home, people reached, households with the national anti-fraud app (新安装, 原已安装), its call
warning turned on, leaflets left. The only module that checks and writes them: the form, the
afternoon's sheet (``add_visit_sheet``), the import and the demo (its bulk ``write_rows``) call
it. A visit names no resident: it is counts, the building and who went.

A visit's arithmetic is the station's paper form's: no more households at home than visited,
no more households with the app than visited, no more call warnings turned on than households
with the app. The schema holds the same rules, so a package from another laptop cannot break
them either (``check_stored`` runs the gateway's own check on merged rows).

A community's number of households (``areas.households``) is set here too: coverage is the
households visited over it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.limits import count_limit_of
from desktop.core.problems import Problems
from desktop.db.database import Database
from desktop.db.records import (
    BulkInsert,
    get_live_record,
    get_record,
    insert_record,
    insert_rows,
    retire_record,
    update_record,
)
from desktop.domain.checks import day_until
from desktop.domain.officers import officer_on_record

# The stored columns of a visit, in the order ``write_rows`` takes them (the demo's rows).
COLUMNS = ("id", "created_at", "updated_at", "device_id", "area_id", "visited_on", "building",
           "households_visited", "households_at_home", "people_reached", "app_installed_new",
           "app_already", "call_warnings", "leaflets_left", "officer_id", "grid_worker",
           "notes")  # fmt: skip
COUNTS = ("households_visited", "households_at_home", "people_reached", "app_installed_new",
          "app_already", "call_warnings", "leaflets_left")  # fmt: skip
# The fields ``edit_visit`` corrects: all a visit holds.
EDITABLE = ("area_id", "visited_on", "building", *COUNTS, "officer_id", "grid_worker", "notes")

NOT_A_COUNT = QT_TRANSLATE_NOOP("Validation", "{value} is not a whole number from 0 to {most}.")
MORE_AT_HOME = QT_TRANSLATE_NOOP(
    "Validation", "{value} households at home is more than the {visited} visited."
)
MORE_INSTALLED = QT_TRANSLATE_NOOP(
    "Validation", "{value} households with the app is more than the {visited} visited."
)
MORE_WARNINGS_ON = QT_TRANSLATE_NOOP(
    "Validation", "{value} call warnings turned on is more than the {installed} households with"
    " the app.",
)  # fmt: skip
NOT_A_COMMUNITY = QT_TRANSLATE_NOOP(
    "Validation", "Choose a community or village on record: visits are counted by community."
)


def count(value: Any, field: str, most: int) -> int:
    """A whole number from 0 to ``most`` from a number or a cell's text ("12户", "12.0");
    empty is 0."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        raise ValidationError(NOT_A_COUNT, field=field, value=str(value), most=f"{most:,}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().removesuffix("户").removesuffix("人").removesuffix("份").strip()
    if not text.isdigit() or int(text) > most:
        raise ValidationError(NOT_A_COUNT, field=field, value=text, most=f"{most:,}")
    return int(text)


def check_visit(
    values: dict[str, Any], *, today: date | None = None
) -> tuple[dict[str, Any], list[ValidationError]]:
    """A visit's fields ready to store, and every problem found in them (each names its
    field) — the one check of a form, a sheet's row, an imported row and a merged record.
    ``visited_on`` is required and not after today; the counts are whole numbers, empty 0."""
    today = today or clock.today()
    problems = Problems()
    visited_on = values.get("visited_on")
    if visited_on in (None, ""):
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "The day of the visit is missing."),
                field="visited_on",
            )
        )
        day = None
    else:
        day = problems.check(day_until, visited_on, "visited_on", today)
    clean: dict[str, Any] = {
        "area_id": values.get("area_id") or None,
        "visited_on": day.isoformat() if day else None,
        "building": str(values.get("building") or "").strip(),
        "officer_id": values.get("officer_id") or None,
        "grid_worker": str(values.get("grid_worker") or "").strip(),
        "notes": str(values.get("notes") or "").strip(),
    }
    for name in COUNTS:
        most = count_limit_of("community_visits", name)
        clean[name] = problems.check(count, values.get(name), name, most)
    if clean["area_id"] is None:
        problems.errors.append(ValidationError(NOT_A_COMMUNITY, field="area_id"))
    problems.errors += _arithmetic(clean)
    return clean, problems.errors


def _arithmetic(clean: dict[str, Any]) -> list[ValidationError]:
    """The visit's own sums (of the counts that were read)."""
    errors = []
    visited = clean["households_visited"]
    at_home = clean["households_at_home"]
    new, already = clean["app_installed_new"], clean["app_already"]
    if visited is not None and at_home is not None and at_home > visited:
        errors.append(
            ValidationError(
                MORE_AT_HOME, field="households_at_home", value=at_home, visited=visited
            )  # fmt: skip
        )
    if visited is not None and new is not None and already is not None:
        if new + already > visited:
            errors.append(
                ValidationError(
                    MORE_INSTALLED, field="app_installed_new", value=new + already, visited=visited
                )  # fmt: skip
            )
        warnings_on = clean["call_warnings"]
        if warnings_on is not None and warnings_on > new + already:
            errors.append(
                ValidationError(
                    MORE_WARNINGS_ON,
                    field="call_warnings",
                    value=warnings_on,
                    installed=new + already,
                )  # fmt: skip
            )
    return errors


def community_on_record(database: Database, area_id: str | None, field: str = "area_id") -> str:
    """``area_id`` when it names a live community (visits, evidence and status are a
    community's); otherwise a ValidationError naming ``field``."""
    area = get_record(database, "areas", area_id) if area_id else None
    if area is None or area["deleted_at"] or area["level"] != "community":
        raise ValidationError(NOT_A_COMMUNITY, field=field)
    return area_id


def _link_problems(database: Database, clean: dict[str, Any]) -> list[ValidationError]:
    problems = Problems()
    if clean["area_id"] is not None:
        problems.check(community_on_record, database, clean["area_id"])
    problems.check(officer_on_record, database, clean["officer_id"], "officer_id")
    return problems.errors


def _summary(clean: dict[str, Any]) -> str:
    return f"{clean['visited_on']} {clean['building']}: {clean['households_visited']} households"


def add_visit(database: Database, values: dict[str, Any], *, today: date | None = None) -> str:
    """Record one visit row; returns its id."""
    clean, errors = check_visit(values, today=today)
    errors += _link_problems(database, clean)
    if errors:
        raise errors[0]
    with database.atomic():
        return insert_record(database, "community_visits", clean, summary=_summary(clean))


def write_visit(database: Database, clean: dict[str, Any], bulk: BulkInsert) -> str:
    """Write a visit ``check_visit`` passed (and whose community was checked) in an import's
    batch; returns its id."""
    return bulk.insert("community_visits", clean, summary="import: " + _summary(clean))


def visit_on_record(database: Database, clean: dict[str, Any]) -> bool:
    """Whether a live visit of the same community, day, building and visitor with the same
    counts is on record (a sheet imported twice adds nothing)."""
    columns = ("area_id", "visited_on", "building", "grid_worker", *COUNTS)
    return bool(
        database.scalar(
            "SELECT 1 FROM community_visits INDEXED BY community_visits_area WHERE deleted_at IS"
            f" NULL AND {' AND '.join(f'{column} = ?' for column in columns)} LIMIT 1",
            tuple(clean[column] for column in columns),
        )
    )


@dataclass(frozen=True)
class SheetProblem:
    """One problem of a sheet's row: the row's position (1 for the first) and what is wrong."""

    row: int
    error: ValidationError


class SheetInvalid(ValidationError):
    """A sheet with bad rows: nothing of it was written; ``problems`` names every one."""

    def __init__(self, problems: list[SheetProblem]) -> None:
        first = problems[0]
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Validation", "Row {row} of the sheet: {reason} ({count} problems in all)."
            ),
            field=first.error.field,
            row=first.row,
            reason=first.error,
            count=len(problems),
        )
        self.problems = problems


def add_visit_sheet(
    database: Database,
    rows: Sequence[dict[str, Any]],
    *,
    defaults: dict[str, Any] | None = None,
    today: date | None = None,
) -> list[str]:
    """A grid worker's afternoon sheet: every row written, or none. ``defaults`` fills what
    the sheet gives once for all its rows (community, day, officer or grid worker); a row's
    own value wins. Every bad row is named (``SheetInvalid.problems``) before anything is
    written; returns the new visits' ids in the sheet's order."""
    checked = []
    problems: list[SheetProblem] = []
    for position, row in enumerate(rows, start=1):
        values = {**(defaults or {}), **{k: v for k, v in row.items() if v not in (None, "")}}
        clean, errors = check_visit(values, today=today)
        errors += _link_problems(database, clean)
        problems += [SheetProblem(position, error) for error in errors]
        checked.append(clean)
    if problems:
        raise SheetInvalid(problems)
    if not checked:
        return []
    with database.atomic():
        bulk = BulkInsert(database)
        ids = [
            bulk.insert("community_visits", clean, summary="sheet: " + _summary(clean))
            for clean in checked
        ]
        bulk.finish()
    return ids


def edit_visit(
    database: Database, visit_id: str, values: dict[str, Any], *, today: date | None = None
) -> list[str]:
    """Correct a visit (keys of ``values`` among ``EDITABLE``; others stay); returns the
    fields that changed."""
    current = get_live_record(database, "community_visits", visit_id)
    merged = {key: current[key] for key in EDITABLE}
    merged.update({key: value for key, value in values.items() if key in EDITABLE})
    clean, errors = check_visit(merged, today=today)
    # A community or officer retired since stays on the visit until it is changed.
    errors += _link_problems(
        database,
        {key: (value if value != current[key] else None) for key, value in clean.items()},
    )
    if errors:
        raise errors[0]
    with database.atomic():
        return update_record(database, "community_visits", visit_id, clean, summary="corrected")


def retire_visit(database: Database, visit_id: str) -> None:
    """Take a visit entered by mistake out of every count (its history stays)."""
    current = get_live_record(database, "community_visits", visit_id)
    with database.atomic():
        retire_record(database, "community_visits", visit_id, summary=_summary(current))


def check_stored(row: dict[str, Any]) -> list[ValidationError]:
    """The visit's own rules on a stored or merged row (its day may be another laptop's
    today, so only the arithmetic and the counts are judged)."""
    values = {key: row[key] for key in EDITABLE}
    _clean, errors = check_visit(values, today=date.max)
    return errors


def visits_of(
    database: Database, area_id: str, *, start: date | None = None, end: date | None = None
) -> list[dict[str, Any]]:
    """A community's live visits, newest first, with the officer's name (no resident: none
    is recorded)."""
    rows = database.query(
        "SELECT v.*, coalesce(o.name, '') AS officer_name FROM community_visits v"
        " LEFT JOIN officers o ON o.id = v.officer_id"
        " WHERE v.area_id = ? AND v.deleted_at IS NULL AND v.visited_on >= ?"
        " AND v.visited_on <= ? ORDER BY v.visited_on DESC, v.created_at DESC",
        (area_id, (start or date.min).isoformat(), (end or date.max).isoformat()),
    )
    return [dict(row) for row in rows]


def write_rows(database: Database, rows: Sequence[tuple]) -> None:
    """Visits made elsewhere already checked (the demo's), as tuples in ``COLUMNS`` order, in
    one ``executemany`` inside the caller's transaction."""
    insert_rows(database, "community_visits", COLUMNS, rows)


# -- households --------------------------------------------------------------------------------
def households_count(value: Any, field: str = "households") -> int | None:
    """A community's number of households from a number or a cell ("320户"); None when
    empty (not known)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return count(value, field, count_limit_of("areas", "households"))


def set_households(database: Database, area_id: str, households: Any) -> list[str]:
    """Set a community's number of households (None or "" clears it: coverage is then not
    known); returns the fields that changed."""
    community_on_record(database, area_id)
    value = households_count(households)
    with database.atomic():
        return update_record(
            database, "areas", area_id, {"households": value}, summary=f"households: {value}"
        )


def set_households_many(database: Database, counts: dict[str, Any]) -> int:
    """Several communities' households at once (a township's list): all or none; returns
    how many changed."""
    checked = {}
    for area_id, households in counts.items():
        community_on_record(database, area_id)
        checked[area_id] = households_count(households, area_id)
    changed = 0
    with database.atomic():
        for area_id, value in checked.items():
            if update_record(
                database, "areas", area_id, {"households": value}, summary=f"households: {value}"
            ):
                changed += 1
    return changed
