"""Fraud-free communities (无诈社区, "十无"社区): the station's criteria, the evidence entered
for those the program cannot compute, each community's creation status, the creation board,
the communities flagged for review and the figures. The only module that checks and writes
criteria, evidence and status steps; the door-to-door visits are ``community_visits``'.

The criteria are the station's own list (``fraud_free_criteria``, never in a package). Until
the station changes it, the shipped ``EXAMPLE_CRITERIA`` are in use — an example, not a
national standard — and the first change stores the whole example set, then changes it. Each
criterion is computed from records (``measure``) or entered with evidence (a yes/no with a
note and a photo), judged over its ``period`` ending on the board's day, and has its written
definition.

The status is the latest step of a community's history (``fraud_free_steps``, one record a
step, so two laptops' steps merge without overwriting each other): 未参与 → 创建中 → 达标
(every enabled criterion met on that day) → 已授牌 (by whom) → 摘牌 (why) → 创建中 again.
Any other move is a correction and needs its reason. A community without a step is 未参与.

Flags are computed on read, not stored: a community whose plaque stands (已授牌) is flagged
for each record dated after the plaque (or after the last review that kept it) that breaks
a criterion — a resident defrauded after a warning, a new card seller, a new person abroad.
Nothing strips a plaque: an officer reviews it and records 摘牌 with the reason, or keeps it
(``keep_plaque``, a repeated 已授牌 step with the review's note, which clears the flag).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from desktop.core import clock
from desktop.core.catalogue import (
    CRITERION_KINDS,
    CRITERION_MEASURES,
    CRITERION_PERIODS,
    FRAUD_FREE_STATUSES,
    WARNING_LEVELS,
)
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError, required_text
from desktop.core.figures import TREND_MONTHS
from desktop.core.limits import CODE, NOTE, ORGANISATION, check_text
from desktop.core.problems import Problems
from desktop.db import audit
from desktop.db.database import Database
from desktop.db.records import get_live_record, insert_record, insert_rows, retire_record
from desktop.domain import attachments
from desktop.domain.areas import subtree_ids
from desktop.domain.checks import choice, day_until
from desktop.domain.community_visits import community_on_record
from desktop.domain.officers import officer_on_record
from desktop.domain.warnings import DEFRAUDED_AFTER_WARNING_SQL, time_limits

STEP_COLUMNS = ("id", "created_at", "updated_at", "device_id", "area_id", "status", "step_on",
                "awarded_by", "reason", "correction", "officer_id")  # fmt: skip
EVIDENCE_COLUMNS = ("id", "created_at", "updated_at", "device_id", "area_id", "criterion",
                    "met", "noted_on", "note", "officer_id")  # fmt: skip

NOT_TAKING_PART = "not_taking_part"
# The path's forward moves; every other move is a correction.
FORWARD = {
    "not_taking_part": ("creating",),
    "creating": ("qualified",),
    "qualified": ("awarded",),
    "awarded": ("withdrawn",),
    "withdrawn": ("creating",),
}
# Measures judged against a threshold in percent; the others count records.
RATE_MEASURES = ("visit_coverage", "app_installation", "warnings_in_limit", "follow_ups_done")
# Measures met when nothing is counted (no case, no open record), and the one met by one.
NONE_MEASURES = ("no_defrauded_after_warning", "no_open_card_sellers", "no_open_return_cases")

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"


@dataclass(frozen=True)
class Criterion:
    key: str
    name_zh: str
    name_en: str
    kind: str  # computed | evidence (CRITERION_KINDS)
    measure: str | None  # CRITERION_MEASURES for a computed one
    threshold: float | None  # percent, for the rates
    period: str  # CRITERION_PERIODS
    definition: str  # as the board and the assessment sheet print it
    enabled: bool = True
    position: int = 0


def _example(position, key, name_zh, name_en, kind, measure, threshold, definition):
    return Criterion(key, name_zh, name_en, kind, measure, threshold, "year", definition,
                     True, position)  # fmt: skip


# An EXAMPLE set (示例), shipped so the board shows something before the station sets its own;
# no national standard exists, and none is claimed. Rates are percent of the named counts.
EXAMPLE_CRITERIA: tuple[Criterion, ...] = (
    _example(1, "no_defrauded", "无预警后被骗", "No resident defrauded after a warning",
             "computed", "no_defrauded_after_warning", None,
             "本年度内无预警劝阻后仍被骗的案件（结案为已被骗，且损失发生在预警之后）。"),
    _example(2, "no_card_sellers", "无在册涉“两卡”人员", "No open card-seller record",
             "computed", "no_open_card_sellers", None,
             "所属群众中没有尚未移交打击或销账的涉“两卡”人员。"),
    _example(3, "no_persons_abroad", "无滞留境外涉诈人员", "No open record of a person abroad",
             "computed", "no_open_return_cases", None,
             "户籍在本村（社区）的滞留境外人员均已销账。"),
    _example(4, "talk_held", "开展反诈宣传", "At least one talk held there",
             "computed", "talk_held", None, "本年度在本村（社区）至少开展一场已完成的宣传活动。"),
    _example(5, "households_visited", "入户走访全覆盖", "Households visited",
             "computed", "visit_coverage", 90.0,
             "本年度走访户数（每户按登记次数累计，不超过总户数）÷ 本村（社区）总户数，不低于阈值。"),
    _example(6, "app_installed", "反诈App安装", "Anti-fraud app installed",
             "computed", "app_installation", 80.0,
             "本年度走访时在家户中已安装国家反诈中心App（新安装 + 原已安装）的户数 ÷ 在家户数，"
             "不低于阈值。"),
    _example(7, "warnings_in_time", "预警按时处置", "Warnings handled within their limits",
             "computed", "warnings_in_limit", 90.0,
             "本年度收到的预警中，在本所设定的首次联系时限内联系到的比例，不低于阈值；无预警视为达标。"),
    _example(8, "follow_ups_done", "回访落实", "Follow-ups done",
             "computed", "follow_ups_done", 100.0,
             "本年度到期的回访中已完成的比例，不低于阈值；无到期回访视为达标。"),
    _example(9, "publicity_board", "反诈宣传栏", "A publicity board is up",
             "evidence", None, None, "村（社区）设有反诈宣传栏并定期更新，以照片为证。"),
    _example(10, "village_rules", "反诈内容入村规民约", "Anti-fraud in the village rules",
             "evidence", None, None, "村规民约（居民公约）写入防范电信网络诈骗内容，以照片为证。"),
)  # fmt: skip


@dataclass(frozen=True)
class CriterionResult:
    """One cell of the board: met, not met or not yet known, with what was measured (a count
    or a percent; None when nothing could be) and, when not known, what is missing."""

    state: str  # MET | NOT_MET | UNKNOWN
    value: float | int | None = None
    missing: str = ""  # English, translated on screen


@dataclass
class BoardRow:
    area_id: str
    community: str
    township: str
    county: str
    households: int | None
    status: str
    status_on: str | None
    results: dict[str, CriterionResult] = field(default_factory=dict)

    @property
    def all_met(self) -> bool:
        return all(result.state == MET for result in self.results.values())


@dataclass
class Board:
    """Communities × criteria of an area on ``as_of``, grouped (in order) by county and
    township; ``counts`` are the communities at each status; ``example`` says the criteria
    are the shipped example set."""

    as_of: date
    criteria: list[Criterion]
    rows: list[BoardRow]
    counts: dict[str, int]
    example: bool


# -- the criteria ------------------------------------------------------------------------------
def _criterion(row: Any) -> Criterion:
    return Criterion(row["key"], row["name_zh"], row["name_en"], row["kind"], row["measure"],
                     row["threshold"], row["period"], row["definition"], bool(row["enabled"]),
                     row["position"])  # fmt: skip


def criteria_are_example(database: Database) -> bool:
    """Whether the station still uses the shipped example set (it has stored none)."""
    return not database.scalar("SELECT count(*) FROM fraud_free_criteria")


def criteria(database: Database, *, enabled_only: bool = False) -> list[Criterion]:
    """The station's criteria in their order (the example set until it has its own)."""
    stored = [
        _criterion(row)
        for row in database.query("SELECT * FROM fraud_free_criteria ORDER BY position, key")
    ]
    found = stored or list(EXAMPLE_CRITERIA)
    return [item for item in found if item.enabled or not enabled_only]


def _threshold(value: Any, field_name: str = "threshold") -> float | None:
    if value is None or value == "":
        return None
    text = str(value).strip().removesuffix("%").strip()
    try:
        number = float(text)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 100:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "{value} is not a percentage from 0 to 100."),
            field=field_name,
            value=text,
        )
    return number


def check_criterion(values: dict[str, Any]) -> tuple[Criterion | None, list[ValidationError]]:
    """A criterion from a form's values, and every problem found in them."""
    problems = Problems()
    kind = problems.check(choice, values.get("kind"), CRITERION_KINDS, "kind")
    measure = values.get("measure") or None
    if kind == "computed":
        measure = problems.check(choice, measure, CRITERION_MEASURES, "measure")
    elif measure is not None:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation", "A criterion entered with evidence has nothing to compute."
                ),
                field="measure",
            )
        )
    threshold = problems.check(_threshold, values.get("threshold"))
    if measure in RATE_MEASURES and threshold is None and not problems.errors:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "Give the threshold in percent (0 to 100)."),
                field="threshold",
            )
        )
    key = problems.check(
        required_text,
        values.get("key"),
        QT_TRANSLATE_NOOP("Validation", "The criterion needs a short key."),
        "key",
    )
    if key is not None:
        problems.check(check_text, key, CODE, field="key")
    names = {}
    for name_field in ("name_zh", "name_en"):
        names[name_field] = problems.check(
            required_text,
            values.get(name_field),
            QT_TRANSLATE_NOOP("Validation", "The criterion needs its name in both languages."),
            name_field,
        )
        if names[name_field]:
            problems.check(check_text, names[name_field], ORGANISATION, field=name_field)
    definition = problems.check(
        required_text,
        values.get("definition"),
        QT_TRANSLATE_NOOP("Validation", "Write the criterion's definition, as figures have."),
        "definition",
    )
    if definition:
        problems.check(check_text, definition, NOTE, field="definition")
    period = problems.check(choice, values.get("period") or "year", CRITERION_PERIODS, "period")
    if problems.errors:
        return None, problems.errors
    return Criterion(key, names["name_zh"], names["name_en"], kind, measure,
                     threshold if measure in RATE_MEASURES else None, period, definition,
                     bool(values.get("enabled", True)), int(values.get("position") or 0)), []  # fmt: skip


def save_criterion(database: Database, values: dict[str, Any]) -> str:
    """Add or change one of the station's criteria (by its ``key``); returns the key. The
    first change stores the example set as the station's own list first."""
    criterion, errors = check_criterion(values)
    if errors:
        raise errors[0]
    assert criterion is not None
    with database.atomic():
        if criteria_are_example(database):
            for example in EXAMPLE_CRITERIA:
                _store_criterion(database, example)
            audit.record(database, "settings", "fraud_free_criteria", "", "example set stored")
        if criterion.position == 0:
            existing = database.scalar(
                "SELECT position FROM fraud_free_criteria WHERE key = ?", (criterion.key,)
            )
            last = database.scalar("SELECT coalesce(max(position), 0) FROM fraud_free_criteria")
            criterion = replace(criterion, position=existing or last + 1)
        _store_criterion(database, criterion)
        audit.record(
            database, "settings", "fraud_free_criteria", criterion.key,
            f"{criterion.name_zh}: {criterion.kind} {criterion.measure or ''}"
            f" {criterion.threshold if criterion.threshold is not None else ''}"
            f" {criterion.period} enabled={int(criterion.enabled)}",
        )  # fmt: skip
    return criterion.key


def _store_criterion(database: Database, criterion: Criterion) -> None:
    database.execute(
        "INSERT INTO fraud_free_criteria (key, name_zh, name_en, kind, measure, threshold,"
        " period, definition, enabled, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET name_zh = excluded.name_zh,"
        " name_en = excluded.name_en, kind = excluded.kind, measure = excluded.measure,"
        " threshold = excluded.threshold, period = excluded.period,"
        " definition = excluded.definition, enabled = excluded.enabled,"
        " position = excluded.position",
        (criterion.key, criterion.name_zh, criterion.name_en, criterion.kind, criterion.measure,
         criterion.threshold, criterion.period, criterion.definition, int(criterion.enabled),
         criterion.position),
    )  # fmt: skip


def window(period: str, as_of: date) -> tuple[date, date]:
    """The first and last day a criterion of ``period`` is judged over, ending on ``as_of``."""
    if period == "month":
        return as_of.replace(day=1), as_of
    if period == "quarter":
        return as_of.replace(month=(as_of.month - 1) // 3 * 3 + 1, day=1), as_of
    if period == "twelve_months":
        return as_of - timedelta(days=364), as_of
    return as_of.replace(month=1, day=1), as_of


# -- evidence ----------------------------------------------------------------------------------
def add_evidence(
    database: Database,
    area_id: str,
    criterion: str,
    met: bool,
    *,
    noted_on: Any = None,
    note: str = "",
    officer_id: str | None = None,
    photo: Path | None = None,
    today: date | None = None,
) -> str:
    """Enter a yes/no for a criterion judged with evidence, with its note and, given
    ``photo``, the picture attached to the entry in the same unit of work (a file that is not
    a photo leaves nothing written). The latest entry within the criterion's period counts."""
    today = today or clock.today()
    problems = Problems()
    problems.check(community_on_record, database, area_id)
    known = {item.key: item for item in criteria(database)}
    if known.get(criterion) is None or known[criterion].kind != "evidence":
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation", "{value} is not one of the criteria entered with evidence."
                ),
                field="criterion",
                value=criterion,
            )
        )
    day = problems.check(day_until, noted_on or today, "noted_on", today)
    problems.check(officer_on_record, database, officer_id, "officer_id")
    problems.raise_first()
    assert day is not None
    with database.atomic():
        entry = insert_record(
            database,
            "fraud_free_evidence",
            {"area_id": area_id, "criterion": criterion, "met": int(bool(met)),
             "noted_on": day.isoformat(), "note": (note or "").strip(), "officer_id": officer_id},
            summary=f"{criterion}: {'met' if met else 'not met'} {day.isoformat()}",
        )  # fmt: skip
        if photo is not None:
            attachments.add_attachment(database, "fraud_free_evidence", entry, Path(photo))
    return entry


def evidence_of(database: Database, area_id: str) -> list[dict[str, Any]]:
    """A community's live evidence entries, newest first, each with the officer's name and
    how many photos are attached (``photos``)."""
    rows = database.query(
        "SELECT e.*, coalesce(o.name, '') AS officer_name, (SELECT count(*) FROM attachments a"
        " WHERE a.owner_table = 'fraud_free_evidence' AND a.owner_id = e.id"
        " AND a.deleted_at IS NULL) AS photos FROM fraud_free_evidence e"
        " LEFT JOIN officers o ON o.id = e.officer_id WHERE e.area_id = ? AND e.deleted_at IS NULL"
        " ORDER BY e.noted_on DESC, e.created_at DESC",
        (area_id,),
    )
    return [dict(row) for row in rows]


def retire_evidence(database: Database, evidence_id: str) -> None:
    """Take an entry made by mistake out of the board (its history stays)."""
    get_live_record(database, "fraud_free_evidence", evidence_id)
    with database.atomic():
        retire_record(database, "fraud_free_evidence", evidence_id, summary="retired")


# -- the status --------------------------------------------------------------------------------
def status_history(database: Database, area_id: str) -> list[dict[str, Any]]:
    """A community's steps, oldest first (the last is its status)."""
    return [
        dict(row)
        for row in database.query(
            "SELECT * FROM fraud_free_steps WHERE area_id = ? AND deleted_at IS NULL"
            " ORDER BY step_on, created_at, change_seq, id",
            (area_id,),
        )
    ]


def current_status(database: Database, area_id: str) -> tuple[str, dict[str, Any] | None]:
    """(status, its step) of a community; (未参与, None) before any step."""
    history = status_history(database, area_id)
    return (history[-1]["status"], history[-1]) if history else (NOT_TAKING_PART, None)


def record_status(
    database: Database,
    area_id: str,
    status: str,
    on: Any = None,
    *,
    awarded_by: str = "",
    reason: str = "",
    correction_reason: str = "",
    officer_id: str | None = None,
    today: date | None = None,
) -> str:
    """Move a community to ``status`` on its real day ``on`` (default today, never in the
    future nor before the current step's day); returns the step's id.

    The path's forward moves need what they record: 达标 every enabled criterion met on that
    day (the unmet ones are named), 已授牌 who awarded it (``awarded_by``), 摘牌 why
    (``reason``). Any other move — back, or skipping a step — is a correction and needs
    ``correction_reason``, kept on the step and in the audit log."""
    today = today or clock.today()
    problems = Problems()
    problems.check(community_on_record, database, area_id)
    problems.check(choice, status, FRAUD_FREE_STATUSES, "status")
    problems.check(officer_on_record, database, officer_id, "officer_id")
    problems.raise_first()
    current, step = current_status(database, area_id)
    day = problems.check(day_until, on or today, "on", today)
    if day is not None and step is not None and day.isoformat() < step["step_on"]:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "{value} is before the current step ({previous})."),
                field="on",
                value=day.isoformat(),
                previous=step["step_on"],
            )
        )
    forward = status in FORWARD.get(current, ())
    correction = not forward
    text = (reason or "").strip()
    if correction:
        text = problems.check(
            required_text,
            correction_reason,
            QT_TRANSLATE_NOOP(
                "Validation",
                "This is not the next step of the path: give the reason for the correction.",
            ),
            "correction_reason",
        )
    if status == "awarded":
        awarded_by = problems.check(
            required_text,
            awarded_by,
            QT_TRANSLATE_NOOP("Validation", "Name who awarded the plaque."),
            "awarded_by",
        )
    if status == "withdrawn" and forward:
        text = problems.check(
            required_text,
            reason,
            QT_TRANSLATE_NOOP("Validation", "Give the reason the plaque is withdrawn."),
            "reason",
        )
    if status == "qualified" and forward and day is not None and not problems.errors:
        problems.check(_all_met, database, area_id, day)
    problems.raise_first()
    assert day is not None
    return _write_step(
        database, area_id, status, day, awarded_by=awarded_by if status == "awarded" else "",
        reason=text or "", correction=correction, officer_id=officer_id,
    )  # fmt: skip


def keep_plaque(
    database: Database,
    area_id: str,
    note: str,
    on: Any = None,
    *,
    officer_id: str | None = None,
    today: date | None = None,
) -> str:
    """A flagged community reviewed and its plaque kept: a repeated 已授牌 step with the
    review's ``note``, after which the records before it no longer flag it."""
    today = today or clock.today()
    current, step = current_status(database, area_id)
    if current != "awarded" or step is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Only a community with its plaque can keep it."),
            field="status",
        )
    problems = Problems()
    text = problems.check(
        required_text,
        note,
        QT_TRANSLATE_NOOP("Validation", "Write what the review found."),
        "reason",
    )
    day = problems.check(day_until, on or today, "on", today)
    problems.check(officer_on_record, database, officer_id, "officer_id")
    problems.raise_first()
    assert day is not None and text is not None
    return _write_step(database, area_id, "awarded", max(day, date.fromisoformat(step["step_on"])),
                       awarded_by=step["awarded_by"], reason=text, correction=False,
                       officer_id=officer_id)  # fmt: skip


def _write_step(database, area_id, status, day, *, awarded_by, reason, correction, officer_id):
    summary = f"{status} {day.isoformat()}"
    if correction:
        summary += f" (correction: {reason})"
    elif reason:
        summary += f": {reason}"
    with database.atomic():
        return insert_record(
            database,
            "fraud_free_steps",
            {"area_id": area_id, "status": status, "step_on": day.isoformat(),
             "awarded_by": awarded_by or "", "reason": reason, "correction": int(correction),
             "officer_id": officer_id},
            summary=summary,
        )  # fmt: skip


def _all_met(database: Database, area_id: str, day: date) -> None:
    row = board(database, as_of=day, communities=[area_id]).rows[0]
    unmet = [
        item.name_zh
        for item in criteria(database, enabled_only=True)
        if row.results[item.key].state != MET
    ]
    if unmet:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "Not every criterion is met on {value}: {unmet}."),
            field="status",
            value=day.isoformat(),
            unmet="、".join(unmet),
        )


def check_stored_step(row: dict[str, Any]) -> list[ValidationError]:
    """A merged step's own rules (the schema's, said as a form says them)."""
    problems = Problems()
    problems.check(choice, row["status"], FRAUD_FREE_STATUSES, "status")
    if row["status"] == "awarded" and not (row["awarded_by"] or "").strip():
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "Name who awarded the plaque."), field="awarded_by"
            )
        )
    if (row["status"] == "withdrawn" or row["correction"]) and not (row["reason"] or "").strip():
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "The step needs its reason."), field="reason"
            )
        )
    return problems.errors


def write_step_rows(database: Database, rows: list[tuple]) -> None:
    """Steps made elsewhere already checked (the demo's), in ``STEP_COLUMNS`` order."""
    insert_rows(database, "fraud_free_steps", STEP_COLUMNS, rows)


def write_evidence_rows(database: Database, rows: list[tuple]) -> None:
    """Evidence entries made elsewhere already checked (the demo's), in ``EVIDENCE_COLUMNS``
    order."""
    insert_rows(database, "fraud_free_evidence", EVIDENCE_COLUMNS, rows)


# -- the board ---------------------------------------------------------------------------------
def _communities(database: Database, scope: list[str] | None) -> list[Any]:
    where, params = "", []
    if scope is not None:
        where = f" AND a.id IN ({', '.join('?' * len(scope)) or 'NULL'})"
        params = list(scope)
    return database.query(
        "SELECT a.id, a.name, a.households, coalesce(t.name, '') AS township,"
        " coalesce(c.name, '') AS county FROM areas a"
        " LEFT JOIN areas t ON t.id = a.parent_id LEFT JOIN areas c ON c.id = t.parent_id"
        " WHERE a.level = 'community' AND a.deleted_at IS NULL" + where
        + " ORDER BY coalesce(c.code, ''), c.name, coalesce(t.code, ''), t.name,"
        " coalesce(a.code, ''), a.name",
        params,
    )  # fmt: skip


def statuses_on(
    database: Database, as_of: date, scope: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    """Each community's latest step on ``as_of`` (communities without one are left out)."""
    where, params = "", []
    if scope is not None:
        where = f" AND area_id IN ({', '.join('?' * len(scope)) or 'NULL'})"
        params = list(scope)
    latest: dict[str, dict[str, Any]] = {}
    for row in database.query(
        "SELECT area_id, status, step_on, change_seq, awarded_by FROM fraud_free_steps"
        " WHERE deleted_at IS NULL AND step_on <= ?" + where
        + " ORDER BY area_id, step_on, created_at, change_seq, id",
        (as_of.isoformat(), *params),
    ):  # fmt: skip
        latest[row["area_id"]] = dict(row)
    return latest


def _by_area(database: Database, sql: str, params: Iterable[Any]) -> dict[str, tuple]:
    return {row[0]: tuple(row)[1:] for row in database.conn.execute(sql, tuple(params))}


def _measures(database: Database, measures: set[str], start: date, end: date) -> dict:
    """Each measure's numbers by community over one window: a statement a measure, grouped
    by community — the whole board in a few set-based passes."""
    first, last = start.isoformat(), end.isoformat()
    after = (end + timedelta(days=1)).isoformat()
    found: dict[str, dict[str, tuple]] = {}
    if "no_defrauded_after_warning" in measures:
        found["no_defrauded_after_warning"] = _by_area(
            database,
            "SELECT w.area_id, count(*) FROM warnings w INDEXED BY warnings_area_losses"
            " WHERE w.outcome = 'defrauded' AND w.status = 'closed' AND w.deleted_at IS NULL"
            f" AND {DEFRAUDED_AFTER_WARNING_SQL} AND w.closed_at >= ? AND w.closed_at < ?"
            " GROUP BY w.area_id",
            (first, after),
        )
    if "no_open_card_sellers" in measures:
        found["no_open_card_sellers"] = _by_area(
            database,
            "SELECT area_id, count(*) FROM card_sellers INDEXED BY card_sellers_listed"
            " WHERE listed_on <= ? AND deleted_at IS NULL"
            " AND status NOT IN ('handed_over', 'closed') GROUP BY area_id",
            (last,),
        )
    if "no_open_return_cases" in measures:
        found["no_open_return_cases"] = _by_area(
            database,
            "SELECT area_id, count(*) FROM return_cases INDEXED BY return_cases_listed"
            " WHERE listed_on <= ? AND deleted_at IS NULL"
            " AND (closed_on IS NULL OR closed_on > ?) GROUP BY area_id",
            (last, last),
        )
    if "talk_held" in measures:
        found["talk_held"] = _by_area(
            database,
            "SELECT area_id, count(*) FROM talks WHERE status = 'done' AND deleted_at IS NULL"
            " AND starts_at >= ? AND starts_at < ? GROUP BY area_id",
            (first, after),
        )
    if measures & {"visit_coverage", "app_installation"}:
        visits = _by_area(
            database,
            "SELECT area_id, sum(households_visited), sum(households_at_home),"
            " sum(app_installed_new + app_already) FROM community_visits"
            " INDEXED BY community_visits_area WHERE visited_on >= ? AND visited_on <= ?"
            " AND deleted_at IS NULL GROUP BY area_id",
            (first, last),
        )
        found["visit_coverage"] = found["app_installation"] = visits
    if "warnings_in_limit" in measures:
        limits = time_limits(database)
        cases = " ".join("WHEN ? THEN ?" for _level in WARNING_LEVELS)
        found["warnings_in_limit"] = _by_area(
            database,
            "SELECT area_id, count(*),"
            f" coalesce(sum(first_contact_minutes <= CASE level {cases} END), 0)"
            " FROM warnings INDEXED BY warnings_board WHERE received_at >= ?"
            " AND received_at < ? AND deleted_at IS NULL GROUP BY area_id",
            (*(value for level in WARNING_LEVELS
               for value in (level, limits[level].first_contact)), first, after),
        )  # fmt: skip
    if "follow_ups_done" in measures:
        found["follow_ups_done"] = _by_area(
            database,
            "SELECT area_id, count(*), coalesce(sum(done_at IS NOT NULL), 0)"
            " FROM follow_ups INDEXED BY follow_ups_board WHERE deleted_at IS NULL"
            " AND due_on >= ? AND due_on <= ? GROUP BY area_id",
            (first, last),
        )
    return found


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1)


# What a criterion that cannot be judged yet is missing (English, translated on screen).
NO_HOUSEHOLDS = QT_TRANSLATE_NOOP("FraudFree", "the community's number of households")
NO_ONE_AT_HOME = QT_TRANSLATE_NOOP("FraudFree", "visits with households at home")
NO_EVIDENCE = QT_TRANSLATE_NOOP("FraudFree", "evidence entered in the period")


def judge(criterion: Criterion, numbers: tuple | None, households: int | None) -> CriterionResult:
    """One computed criterion of one community from its numbers of ``_measures``."""
    measure = criterion.measure
    if measure in NONE_MEASURES:
        value = numbers[0] if numbers else 0
        return CriterionResult(MET if value == 0 else NOT_MET, value)
    if measure == "talk_held":
        value = numbers[0] if numbers else 0
        return CriterionResult(MET if value >= 1 else NOT_MET, value)
    threshold = criterion.threshold or 0.0
    if measure == "visit_coverage":
        if not households:
            return CriterionResult(UNKNOWN, None, NO_HOUSEHOLDS)
        visited = numbers[0] if numbers else 0
        value = _percent(min(visited, households), households)
    elif measure == "app_installation":
        if not numbers or not numbers[1]:
            return CriterionResult(UNKNOWN, None, NO_ONE_AT_HOME)
        value = _percent(numbers[2], numbers[1])
    else:  # warnings_in_limit, follow_ups_done: nothing to handle is nothing left undone
        if not numbers or not numbers[0]:
            return CriterionResult(MET, None)
        value = _percent(numbers[1], numbers[0])
    return CriterionResult(MET if value >= threshold else NOT_MET, value)


def _evidence(database: Database, as_of: date, scope: list[str] | None) -> dict[tuple, tuple]:
    """The latest live evidence entry of each (community, criterion) on ``as_of``."""
    where, params = "", []
    if scope is not None:
        where = f" AND area_id IN ({', '.join('?' * len(scope)) or 'NULL'})"
        params = list(scope)
    latest: dict[tuple, tuple] = {}
    for row in database.conn.execute(
        "SELECT area_id, criterion, met, noted_on FROM fraud_free_evidence"
        " WHERE deleted_at IS NULL AND noted_on <= ?" + where
        + " ORDER BY area_id, criterion, noted_on, created_at, id",
        (as_of.isoformat(), *params),
    ):  # fmt: skip
        latest[row[0], row[1]] = (row[2], row[3])
    return latest


def board(
    database: Database,
    area_id: str | None = None,
    *,
    as_of: date | None = None,
    communities: list[str] | None = None,
) -> Board:
    """The creation board of an area (None: every community on record) on ``as_of`` (default
    today): each community's status and each enabled criterion met / not met / not yet known
    with its value. ``communities`` narrows it to those ids (one community's assessment)."""
    as_of = as_of or clock.today()
    scope = communities
    if scope is None and area_id is not None:
        scope = list(subtree_ids(database, area_id))
    items = criteria(database, enabled_only=True)
    places = _communities(database, scope)
    # Each window's measures once (a station's list usually has one window).
    spans = {item.key: window(item.period, as_of) for item in items}
    wanted: dict[tuple[date, date], set[str]] = {}
    for item in items:
        if item.kind == "computed" and item.measure:
            wanted.setdefault(spans[item.key], set()).add(item.measure)
    measured = {span: _measures(database, measures, *span) for span, measures in wanted.items()}
    evidence = _evidence(database, as_of, scope) if any(i.kind == "evidence" for i in items) else {}
    # Per criterion, in the columns' order, what its cells are read from (a computed one's
    # numbers by community, an evidence one's first day): a community's cells are lookups.
    sources = [
        (item, measured[spans[item.key]][item.measure] if item.kind == "computed" else None,
         spans[item.key][0].isoformat())
        for item in items
    ]  # fmt: skip
    steps = statuses_on(database, as_of, scope)
    rows = []
    counts = dict.fromkeys(FRAUD_FREE_STATUSES, 0)
    for place in places:
        step = steps.get(place["id"])
        status = step["status"] if step else NOT_TAKING_PART
        counts[status] += 1
        row = BoardRow(place["id"], place["name"], place["township"], place["county"],
                       place["households"], status, step["step_on"] if step else None)  # fmt: skip
        for item, by_area, start in sources:
            if by_area is not None:
                row.results[item.key] = judge(item, by_area.get(place["id"]), place["households"])
                continue
            entry = evidence.get((place["id"], item.key))
            if entry is None or entry[1] < start:
                row.results[item.key] = CriterionResult(UNKNOWN, None, NO_EVIDENCE)
            else:
                row.results[item.key] = CriterionResult(MET if entry[0] else NOT_MET)
        rows.append(row)
    return Board(as_of, items, rows, counts, criteria_are_example(database))


# -- flags -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FlagReason:
    kind: str  # defrauded_after_warning | card_seller | person_abroad
    day: str
    record_id: str


@dataclass
class Flag:
    """A community with a plaque (since ``since``) and the records after it that break one
    of its criteria."""

    area_id: str
    community: str
    township: str
    county: str
    since: str
    reasons: list[FlagReason] = field(default_factory=list)


# The records that break a plaque's criteria: (kind, the statement reading their community,
# day, local transaction number and id).
_BREAKING = (
    ("defrauded_after_warning",
     "SELECT w.area_id, substr(w.closed_at, 1, 10), w.change_seq, w.id FROM warnings w"
     " INDEXED BY warnings_area_losses WHERE w.outcome = 'defrauded' AND w.status = 'closed'"
     f" AND w.deleted_at IS NULL AND {DEFRAUDED_AFTER_WARNING_SQL} AND w.area_id IN ({{marks}})"
     " AND w.closed_at >= ?"),
    ("card_seller",
     "SELECT area_id, listed_on, change_seq, id FROM card_sellers INDEXED BY card_sellers_area"
     " WHERE deleted_at IS NULL AND area_id IN ({marks}) AND listed_on >= ?"),
    ("person_abroad",
     "SELECT area_id, listed_on, change_seq, id FROM return_cases INDEXED BY return_cases_area"
     " WHERE deleted_at IS NULL AND area_id IN ({marks}) AND listed_on >= ?"),
)  # fmt: skip


def flagged_communities(database: Database, area_id: str | None = None) -> list[Flag]:
    """The communities with a plaque that a later record puts in question, each with every
    such record — for review on Today; nothing is changed by being flagged."""
    scope = None if area_id is None else list(subtree_ids(database, area_id))
    steps = {
        key: step
        for key, step in statuses_on(database, date.max, scope).items()
        if step["status"] == "awarded"
    }
    if not steps:
        return []
    found: dict[str, list[FlagReason]] = {}
    ids = sorted(steps)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        since = min(steps[key]["step_on"] for key in chunk)
        for kind, sql in _BREAKING:
            for area, day, seq, record_id in database.conn.execute(
                sql.format(marks=", ".join("?" * len(chunk))), (*chunk, since)
            ):
                step = steps[area]
                # Dated after the step, or on its day and written here after it.
                if (day, seq) > (step["step_on"], step["change_seq"]):
                    found.setdefault(area, []).append(FlagReason(kind, day, record_id))
    places = {row["id"]: row for row in _communities(database, sorted(found))}
    return [
        Flag(area, places[area]["name"], places[area]["township"], places[area]["county"],
             steps[area]["step_on"], sorted(reasons, key=lambda reason: reason.day))
        for area, reasons in sorted(found.items(), key=lambda item: item[0])
        if area in places
    ]  # fmt: skip


# -- figures -----------------------------------------------------------------------------------
def figures(
    database: Database,
    start: date,
    end: date,
    scope: list[str] | None,
    devices: list[str] | None = None,
) -> dict[str, Any]:
    """The fraud-free figures (core.figures FRAUD_FREE_FIGURES) of a period over the
    communities of ``scope`` (None: all); visits entered on ``devices`` (None: any laptop)."""
    places = _communities(database, scope)
    steps = statuses_on(database, end, scope)
    awarded = sum(1 for step in steps.values() if step["status"] == "awarded")
    where, params = "", []
    if scope is not None:
        where = f" AND area_id IN ({', '.join('?' * len(scope)) or 'NULL'})"
        params = list(scope)
    if devices is not None:
        where += f" AND origin_device IN ({', '.join('?' * len(devices)) or 'NULL'})"
        params += list(devices)
    visits = _by_area(
        database,
        "SELECT area_id, sum(households_visited), sum(households_at_home),"
        " sum(app_installed_new + app_already) FROM community_visits"
        " INDEXED BY community_visits_area WHERE visited_on >= ? AND visited_on <= ?"
        " AND deleted_at IS NULL" + where + " GROUP BY area_id",
        (start.isoformat(), end.isoformat(), *params),
    )
    visited = sum(numbers[0] for numbers in visits.values())
    at_home = sum(numbers[1] for numbers in visits.values())
    installed = sum(numbers[2] for numbers in visits.values())
    counted = [place for place in places if place["households"]]
    households = sum(place["households"] for place in counted)
    covered = sum(min(visits.get(place["id"], (0,))[0], place["households"]) for place in counted)
    return {
        "fraud_free_communities": awarded,
        "fraud_free_share": _percent(awarded, len(places)) if places else None,
        "app_installation_rate": _percent(installed, at_home) if at_home else None,
        "visit_coverage": _percent(covered, households) if households else None,
        "households_visited": visited,
    }


def _month_ends(end: date, months: int) -> list[tuple[str, date, date]]:
    """The ``months`` months to the one of ``end``, oldest first: (YYYY-MM, first day, last
    day — ``end`` itself for its own month, still running)."""
    found = []
    year, month = end.year, end.month
    for _ in range(months):
        following = date(year + month // 12, month % 12 + 1, 1)
        found.append((f"{year:04d}-{month:02d}", date(year, month, 1),
                      min(following - timedelta(days=1), end)))  # fmt: skip
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return found[::-1]


def monthly_trend(
    database: Database,
    end: date,
    scope: list[str] | None,
    devices: list[str] | None = None,
    *,
    months: int = TREND_MONTHS,
) -> list[dict[str, Any]]:
    """The fraud-free figures month by month (core.figures FRAUD_FREE_TREND): the ``months``
    months to the one of ``end``, oldest first, each month's values those of ``figures`` with
    the month as its period (the month of ``end`` ending on ``end``) — over the communities
    of ``scope`` (None: all), visits entered on ``devices`` (None: any laptop). Read in one
    pass over the status steps and one over the visits, grouped by community and month."""
    spans = _month_ends(end, months)
    places = _communities(database, scope)
    where, params = "", []
    if scope is not None:
        where = f" AND area_id IN ({', '.join('?' * len(scope)) or 'NULL'})"
        params = list(scope)
    # Each community's steps in their order; a month's status is the last step by its end.
    history: dict[str, list[tuple[str, str]]] = {}
    for area, status, step_on in database.conn.execute(
        "SELECT area_id, status, step_on FROM fraud_free_steps WHERE deleted_at IS NULL"
        " AND step_on <= ?" + where + " ORDER BY area_id, step_on, created_at, change_seq, id",
        (end.isoformat(), *params),
    ):  # fmt: skip
        history.setdefault(area, []).append((step_on, status))
    awarded = dict.fromkeys((month for month, _first, _last in spans), 0)
    for steps in history.values():
        for month, _first, last in spans:
            status = None
            for step_on, step_status in steps:
                if step_on > last.isoformat():
                    break
                status = step_status
            awarded[month] += status == "awarded"
    if devices is not None:
        where += f" AND origin_device IN ({', '.join('?' * len(devices)) or 'NULL'})"
        params += list(devices)
    visits: dict[str, dict[str, tuple[int, int, int]]] = {}
    for area, month, visited, at_home, installed in database.conn.execute(
        "SELECT area_id, substr(visited_on, 1, 7) AS month, sum(households_visited),"
        " sum(households_at_home), sum(app_installed_new + app_already) FROM community_visits"
        " INDEXED BY community_visits_area WHERE visited_on >= ? AND visited_on <= ?"
        " AND deleted_at IS NULL" + where + " GROUP BY area_id, month",
        (spans[0][1].isoformat(), end.isoformat(), *params),
    ):  # fmt: skip
        visits.setdefault(month, {})[area] = (visited, at_home, installed)
    counted = [place for place in places if place["households"]]
    households = sum(place["households"] for place in counted)
    trend = []
    for month, _first, _last in spans:
        numbers = visits.get(month, {})
        at_home = sum(item[1] for item in numbers.values())
        installed = sum(item[2] for item in numbers.values())
        covered = sum(
            min(numbers.get(place["id"], (0,))[0], place["households"]) for place in counted
        )
        trend.append({
            "month": month,
            "fraud_free_communities": awarded[month],
            "fraud_free_share": _percent(awarded[month], len(places)) if places else None,
            "app_installation_rate": _percent(installed, at_home) if at_home else None,
            "visit_coverage": _percent(covered, households) if households else None,
            "households_visited": sum(item[0] for item in numbers.values()),
        })  # fmt: skip
    return trend


def evidence_on(
    database: Database, scope: list[str] | None, as_of: date
) -> dict[str, dict[str, dict[str, Any]]]:
    """The latest live evidence entry of each criterion of the communities of ``scope`` (None:
    all) on ``as_of`` (its met, day, note and how many photos it has), by community and
    criterion, for the assessment sheets."""
    where, params = "", []
    if scope is not None:
        where = f" AND e.area_id IN ({', '.join('?' * len(scope)) or 'NULL'})"
        params = list(scope)
    latest: dict[str, dict[str, dict[str, Any]]] = {}
    for row in database.query(
        "SELECT e.area_id, e.criterion, e.met, e.noted_on, e.note, (SELECT count(*)"
        " FROM attachments a WHERE a.owner_table = 'fraud_free_evidence' AND a.owner_id = e.id"
        " AND a.deleted_at IS NULL) AS photos FROM fraud_free_evidence e"
        " WHERE e.deleted_at IS NULL AND e.noted_on <= ?" + where
        + " ORDER BY e.area_id, e.criterion, e.noted_on, e.created_at, e.id",
        (as_of.isoformat(), *params),
    ):  # fmt: skip
        latest.setdefault(row["area_id"], {})[row["criterion"]] = dict(row)
    return latest
