"""Statistics over the records: every figure of ``core.figures`` for one period and one area.

Plain functions over the database, no Qt. Each figure follows its written definition in
``core.figures``; a figure with nothing to compute it from is None (shown as "—"), never 0
pretending to be a measurement. Warnings are read from covering indexes in their order,
nothing sorted: a period spanning most of the records in one pass over ``warnings_groups``
(grouped by source, level, outcome and the response times), a shorter one month by month from
the indexes that lead with the month (``warnings_months``, ``warnings_minutes``), so a month
costs what it holds and a year over a million warnings a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.core import clock
from desktop.core.catalogue import CAMPAIGN_KINDS, OUTCOMES, WARNING_LEVELS, WARNING_SOURCES
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.figures import (
    FIGURES,
    FRAUD_FREE_FIGURES,
    IN_TOUCH_RESULTS,
    LARGE_TALK_ATTENDANCE,
    OUT_OF_TOUCH_DAYS,
    RETURN_FIGURES,
    ranks_descending,
)
from desktop.core.formats import FEN_PER_WAN  # 1万元 = 10,000 yuan = 1,000,000 fen
from desktop.db.chain import own_ids
from desktop.db.database import Database
from desktop.db.parallel import read_both
from desktop.domain import fraud_free
from desktop.domain.areas import subtree_ids
from desktop.domain.warnings import (
    DEFRAUDED_AFTER_WARNING_SQL,
    is_defrauded_after_warning,
    time_limits,
    zero_loss_streak,
)


@dataclass(frozen=True)
class Period:
    """Whole days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Validation", "The period ends ({end}) before it starts."),
                field="period",
                end=self.end.isoformat(),
            )

    @property
    def bounds(self) -> tuple[str, str]:
        """Text bounds for ISO timestamps: ``start <= at < end + 1 day``."""
        return self.start.isoformat(), (self.end + timedelta(days=1)).isoformat()

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        following = date(year + month // 12, month % 12 + 1, 1)
        return cls(date(year, month, 1), following - timedelta(days=1))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first = cls.month(year, 3 * quarter - 2)
        return cls(first.start, cls.month(year, 3 * quarter).end)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def kind(self) -> str:
        """ "month", "quarter" or "year" when the period is exactly one of them, else "days"."""
        start, end = self.start, self.end
        if start.day == 1 and end == Period.month(start.year, start.month).end:
            return "month"
        if start.day == 1 and start.month % 3 == 1:
            if end == Period.quarter(start.year, start.month // 3 + 1).end:
                return "quarter"
            if start.month == 1 and end == date(start.year, 12, 31):
                return "year"
        return "days"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period before it (环比's base): the previous month, quarter or year; for any
        other length the same number of days just before it."""
        kind, start = self.kind, self.start
        if kind == "month":
            return Period.month(*((start.year, start.month - 1) if start.month > 1
                                  else (start.year - 1, 12)))  # fmt: skip
        if kind == "quarter":
            quarter = start.month // 3 + 1
            return Period.quarter(*((start.year, quarter - 1) if quarter > 1
                                    else (start.year - 1, 4)))  # fmt: skip
        if kind == "year":
            return Period.year(start.year - 1)
        return Period(start - timedelta(days=self.days), start - timedelta(days=1))

    def following(self) -> Period:
        """The period after it, as ``previous`` is the one before."""
        kind, end = self.kind, self.end
        if kind == "month":
            return Period.month(end.year + end.month // 12, end.month % 12 + 1)
        if kind == "quarter":
            quarter = end.month // 3
            return Period.quarter(*((end.year, quarter + 1) if quarter < 4 else (end.year + 1, 1)))
        if kind == "year":
            return Period.year(end.year + 1)
        return Period(end + timedelta(days=1), end + timedelta(days=self.days))

    def year_before(self) -> Period:
        """The same days a year earlier (同比's base); 29 February is taken as the 28th."""
        kind, start = self.kind, self.start
        if kind == "month":
            return Period.month(start.year - 1, start.month)
        if kind == "quarter":
            return Period.quarter(start.year - 1, start.month // 3 + 1)

        def back(day: date) -> date:
            leap_day = (day.month, day.day) == (2, 29)
            return (
                day.replace(year=day.year - 1, day=28)
                if leap_day
                else day.replace(year=day.year - 1)
            )

        return Period(back(start), back(self.end))

    def months(self) -> list[tuple[int, int]]:
        months, (year, month) = [], (self.start.year, self.start.month)
        while (year, month) <= (self.end.year, self.end.month):
            months.append((year, month))
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        return months

    def month_keys(self) -> list[str]:
        """The months as the records' times begin ("2026-11"), in order."""
        return [f"{year:04d}-{month:02d}" for year, month in self.months()]


def _in_areas(column: str, area_ids: list[str] | None) -> tuple[str, list[str]]:
    if area_ids is None:
        return "", []
    marks = ", ".join("?" * len(area_ids)) or "NULL"
    return f" AND {column} IN ({marks})", list(area_ids)


def _on_devices(column: str, devices: list[str] | None) -> tuple[str, list[str]]:
    """Records entered on these laptops (a county's figures per laptop or station)."""
    if devices is None:
        return "", []
    marks = ", ".join("?" * len(devices)) or "NULL"
    return f" AND {column} IN ({marks})", list(devices)


def _scoped(
    scope: list[str] | None, devices: list[str] | None, alias: str = ""
) -> tuple[str, list[str]]:
    """The conditions that keep the rows of ``alias`` (``"w."``, ``""`` …) recorded for the
    areas in ``scope`` on the laptops in ``devices`` (None: no limit), and their parameters."""
    in_areas, area_params = _in_areas(f"{alias}area_id", scope)
    on_devices, device_params = _on_devices(f"{alias}origin_device", devices)
    return in_areas + on_devices, area_params + device_params


def _percentile(histogram: list[tuple[int, int]], share: float) -> int | None:
    """The smallest value with at least ``share`` of the observations at or below it."""
    total = sum(count for _value, count in histogram)
    if total == 0:
        return None
    needed = share * total
    seen = 0
    for value, count in sorted(histogram):
        seen += count
        if seen >= needed:
            return value
    return histogram[-1][0]


def _rate(numerator: int, denominator: int) -> float | None:
    return round(100 * numerator / denominator, 1) if denominator else None


def _wan(fen: int | None) -> float:
    return round((fen or 0) / FEN_PER_WAN, 2)


def area_scope(database: Database, area_id: str | None) -> list[str] | None:
    """The ids an area's figures count (the area and everything below it); None for all."""
    if area_id is None:
        return None
    return list(subtree_ids(database, area_id))


def compute_figures(
    database: Database,
    period: Period,
    area_id: str | None = None,
    *,
    only: Iterable[str] | None = None,
    today: date | None = None,
    devices: list[str] | None = None,
) -> dict[str, Any]:
    """Every figure for ``period`` in ``area_id`` (None: everything on record); ``only`` names
    the figures wanted when not all are (a ranking needs one), and skips the passes that do
    not feed them. ``today`` (default: the clock's) caps the streak of a running period.
    ``devices`` keeps the records entered on those laptops (None: from any laptop)."""
    return _figures_of(
        database, period, area_scope(database, area_id), only=only, today=today, devices=devices
    )


def _figures_of(
    database: Database,
    period: Period,
    scope: list[str] | None,
    *,
    only: Iterable[str] | None = None,
    today: date | None = None,
    devices: list[str] | None = None,
) -> dict[str, Any]:
    """``compute_figures`` of the areas ``scope`` (an area and everything below it; None: all)."""
    wanted = set(only) if only is not None else None
    today = today or clock.today()

    def needs(*keys: str) -> bool:
        return wanted is None or any(key in wanted for key in keys)

    groups = {
        figure.key: figure.group for figure in (*FIGURES, *RETURN_FIGURES, *FRAUD_FREE_FIGURES)
    }

    def needs_group(name: str) -> bool:
        return needs(*(key for key, group in groups.items() if group == name))

    minutes = [key for key in groups if key.startswith(("first_contact", "first_visit"))]
    warning_keys = [
        key for key, group in groups.items()
        if group in ("warnings", "money") and key not in ("zero_loss_streak", "high_risk_residents")
    ]  # fmt: skip

    def warnings_pass(reading: Database) -> dict[str, Any]:
        if not needs(*warning_keys):
            return {}
        return _warning_figures(reading, period, scope, histograms=needs(*minutes), devices=devices)

    def the_rest(reading: Database) -> tuple[dict[str, Any], dict[str, Any]]:
        """The figures beside the warnings': those listed before them, those after."""
        before: dict[str, Any] = {}
        if needs_group("talks"):
            before.update(_talk_figures(reading, period, scope, devices))
        if needs_group("campaigns"):
            before.update(_campaign_figures(reading, period, scope, devices))
        after: dict[str, Any] = {}
        if needs_group("follow_up"):
            after.update(_follow_up_figures(reading, period, scope, today, devices))
        if needs_group("card_sellers"):
            after.update(_card_seller_figures(reading, period, scope, devices, wanted))
        if needs("zero_loss_streak"):
            # A period that runs on past today is counted up to today, never into the future.
            as_of = min(period.end, today)
            after["zero_loss_streak"] = zero_loss_streak(
                reading, as_of, area_ids=scope, devices=devices
            )
        if needs_group("returns"):
            after.update(_return_figures(reading, period, scope, today, devices))
        if needs_group("fraud_free"):
            after.update(fraud_free.figures(reading, period.start, period.end, scope, devices))
        if needs("high_risk_residents"):
            where, params = _scoped(scope, devices)
            after["high_risk_residents"] = reading.scalar(
                "SELECT count(*) FROM residents INDEXED BY residents_high_risk"
                " WHERE tags LIKE '%\"high_risk\"%' AND deleted_at IS NULL" + where,
                params,
            )
        return before, after

    if wanted is None:
        # Every figure: the warnings pass and the rest read at once, each on a connection of
        # its own (a city's year: 1.15 s → 0.8 s on two cores). A few figures (``only``: a
        # ranking's, an annex's) are read one after the other here, where a second connection
        # would cost more than it saves.
        warnings, (before, after) = read_both(database, warnings_pass, the_rest)
    else:
        warnings, (before, after) = warnings_pass(database), the_rest(database)
    return {**before, **warnings, **after}


def _talk_figures(
    database: Database, period: Period, scope: list[str] | None, devices: list[str] | None
) -> dict:
    where, params = _scoped(scope, devices)
    row = database.execute(
        "SELECT"
        " coalesce(sum(status = 'done'), 0) AS held,"
        " coalesce(sum(status IN ('planned', 'confirmed', 'postponed')), 0) AS planned,"
        " coalesce(sum(status = 'cancelled'), 0) AS cancelled,"
        " coalesce(sum(status = 'done' AND actual_headcount >= ?), 0) AS large,"
        " coalesce(sum(CASE WHEN status = 'done' THEN actual_headcount END), 0) AS attendance,"
        " coalesce(sum(CASE WHEN status = 'done' THEN handouts_given END), 0) AS handouts"
        " FROM talks WHERE deleted_at IS NULL AND starts_at >= ? AND starts_at < ?" + where,
        (LARGE_TALK_ATTENDANCE, *period.bounds, *params),
    ).fetchone()
    covered, total = coverage(database, period, scope, devices)
    return {
        "talks_held": row["held"],
        "talks_planned": row["planned"],
        "talks_cancelled": row["cancelled"],
        "large_talks": row["large"],
        "attendance": row["attendance"],
        "handouts_given": row["handouts"],
        "communities_covered": covered,
        "communities_total": total,
        "coverage_rate": _rate(covered, total),
    }


def coverage(
    database: Database, period: Period, scope: list[str] | None, devices: list[str] | None = None
) -> tuple[int, int]:
    """(communities with a held talk in the period, all communities) within the scope."""
    where, params = _in_areas("a.id", scope)
    on_devices, device_params = _on_devices("t.origin_device", devices)
    row = database.execute(
        "SELECT count(*) AS total, coalesce(sum(EXISTS (SELECT 1 FROM talks t"
        "   WHERE t.area_id = a.id AND t.status = 'done' AND t.deleted_at IS NULL"
        f"   AND t.starts_at >= ? AND t.starts_at < ?{on_devices})), 0) AS covered"
        " FROM areas a WHERE a.level = 'community' AND a.deleted_at IS NULL" + where,
        (*period.bounds, *device_params, *params),
    ).fetchone()
    return row["covered"], row["total"]


def uncovered_communities(
    database: Database,
    period: Period,
    area_id: str | None = None,
    devices: list[str] | None = None,
) -> list[tuple[str, str]]:
    """The communities of the area without a talk held in the period (entered on one of
    ``devices``, None: any laptop) — the coverage board's blanks —, as (township, community):
    village names repeat in a county, so a community is named after its township (凤城镇坡心村)."""
    where, params = _in_areas("a.id", area_scope(database, area_id))
    on_devices, device_params = _on_devices("t.origin_device", devices)
    return [
        (row[0], row[1])
        for row in database.query(
            "SELECT coalesce(p.name, ''), a.name FROM areas a"
            " LEFT JOIN areas p ON p.id = a.parent_id"
            " WHERE a.level = 'community' AND a.deleted_at IS NULL" + where
            + " AND NOT EXISTS (SELECT 1 FROM talks t WHERE t.area_id = a.id"
            " AND t.status = 'done' AND t.deleted_at IS NULL"
            f" AND t.starts_at >= ? AND t.starts_at < ?{on_devices})"
            " ORDER BY coalesce(p.code, ''), p.name, a.code, a.name",
            (*params, *period.bounds, *device_params),
        )
    ]  # fmt: skip


@dataclass(frozen=True)
class WarningBreakdown:
    """What the briefing says of the warnings beyond the figures: the fraud types suspected,
    and the first contacts that came later than the station's limit for the warning's level."""

    by_fraud_type: dict[str, int]  # warnings per suspected fraud type ("" when not known)
    contacted: int  # warnings with a first contact
    late_first_contacts: int  # of those, first contacted after the level's limit
    first_contact_limits: dict[str, int]  # the limits counted with: minutes, by level


def warning_breakdown(
    database: Database,
    period: Period,
    area_id: str | None,
    first_contact_limits: dict[str, int] | None = None,
    devices: list[str] | None = None,
) -> WarningBreakdown:
    """One pass over the warnings received in the period in the area (entered on one of
    ``devices``, None: any laptop); ``first_contact_limits`` are the minutes each level may
    wait for a first contact (None: the station's, Settings' time limits), kept with the
    counts so that what says them names the limits they were counted with."""
    if first_contact_limits is None:
        first_contact_limits = {
            level: limit.first_contact for level, limit in time_limits(database).items()
        }
    where, params = _warning_scope(period, area_scope(database, area_id), devices)
    levels = " ".join("WHEN ? THEN ?" for _level in WARNING_LEVELS)
    rows = database.query(
        "SELECT coalesce(w.fraud_type, '') AS fraud_type, count(*) AS n,"
        " coalesce(sum(w.first_contact_minutes IS NOT NULL), 0) AS contacted,"
        f" coalesce(sum(w.first_contact_minutes > CASE w.level {levels} END), 0) AS late"
        f" FROM warnings w WHERE {where} GROUP BY coalesce(w.fraud_type, '')",
        (*(value for level in WARNING_LEVELS for value in (level, first_contact_limits[level])),
         *params),
    )  # fmt: skip
    return WarningBreakdown(
        by_fraud_type={row["fraud_type"]: row["n"] for row in rows},
        contacted=sum(row["contacted"] for row in rows),
        late_first_contacts=sum(row["late"] for row in rows),
        first_contact_limits=dict(first_contact_limits),
    )


def records_begin(database: Database, devices: list[str] | None = None) -> date | None:
    """The first day anything was recorded for (a talk, a warning, a campaign, a card seller)
    on one of ``devices`` (None: on any laptop): a period before it has no data to compare
    with, which is not the same as a count of 0."""
    on_devices, params = _on_devices("origin_device", devices)
    firsts = [
        database.scalar(
            f"SELECT {column} FROM {table} WHERE deleted_at IS NULL{on_devices}"
            f" ORDER BY {column} LIMIT 1",
            params,
        )  # in the column's index order: the first row not retired (of the laptops) ends the walk
        for table, column in (("talks", "starts_at"), ("warnings", "received_at"),
                              ("campaigns", "on_date"), ("card_sellers", "listed_on"))
    ]  # fmt: skip
    known = [date.fromisoformat(first[:10]) for first in firsts if first]
    return min(known) if known else None


def _campaign_figures(
    database: Database, period: Period, scope: list[str] | None, devices: list[str] | None
) -> dict:
    where, params = _scoped(scope, devices)
    totals = {
        row["kind"]: row["total"]
        for row in database.query(
            "SELECT kind, sum(count) AS total FROM campaigns WHERE deleted_at IS NULL"
            " AND on_date >= ? AND on_date <= ?" + where + " GROUP BY kind",
            (period.start.isoformat(), period.end.isoformat(), *params),
        )
    }
    return {f"campaign_{kind}": totals.get(kind, 0) for kind in CAMPAIGN_KINDS}


# The card sellers' passes: each reads the records of one day column within the period from
# its own index, grouped by person — a person counts once however many records they have,
# cheaper than SQL's count(DISTINCT), which sorts once a figure — and adds up what it counts
# (a ranking by one figure runs its pass alone, once an area).
_CARD_PASSES = {
    "listed_on": ("", {"card_sellers_new": "1", "card_sellers_local": "max(opened_locally IS 1)",
                       "card_interviewed": "max(interviewed_on IS NOT NULL)"}),
    "restricted_on": (" INDEXED BY card_sellers_restricted", {"card_sellers_restricted": "1"}),
    "handed_over_on": (" INDEXED BY card_sellers_handed_over", {"card_sellers_handed_over": "1"}),
}  # fmt: skip


def _card_seller_figures(
    database: Database,
    period: Period,
    scope: list[str] | None,
    devices: list[str] | None,
    wanted: set[str] | None = None,
) -> dict:
    """The card sellers' figures (those of ``wanted``' passes; None: all): one statement a
    pass, its persons counted in SQL."""
    where, params = _scoped(scope, devices)
    figures: dict[str, Any] = {}
    days = (period.start.isoformat(), period.end.isoformat())
    for column, (index, sums) in _CARD_PASSES.items():
        keys = set(sums) | ({"card_interview_rate"} if "card_interviewed" in sums else set())
        if wanted is not None and not keys & wanted:
            continue
        inner = ", ".join(f"{sql} AS {key}" for key, sql in sums.items())
        outer = ", ".join(f"coalesce(sum({key}), 0) AS {key}" for key in sums)
        row = database.execute(
            f"SELECT {outer} FROM (SELECT {inner} FROM card_sellers{index}"
            f" WHERE {column} BETWEEN ? AND ? AND deleted_at IS NULL{where}"
            " GROUP BY resident_id)",
            (*days, *params),
        ).fetchone()
        figures.update({key: row[key] for key in sums})
    if "card_interviewed" in figures:
        interviewed = figures.pop("card_interviewed")
        figures["card_interview_rate"] = _rate(interviewed, figures["card_sellers_new"])
    return figures


@dataclass(frozen=True)
class OutletCount:
    """An outlet where cards of card sellers were opened (警银联动: a target for talks)."""

    outlet: str  # the partner's name, or the outlet as recorded
    partner_id: str | None  # the outlet's partner record, None when it is not one
    persons: int
    cards: int


def outlets_by_cards(
    database: Database,
    period: Period,
    area_id: str | None = None,
    *,
    devices: list[str] | None = None,
) -> list[OutletCount]:
    """The outlets where the cards of the card sellers listed in the period (in the area,
    entered on ``devices``) were opened, most cards first; records without an outlet are left
    out."""
    where, params = _scoped(area_scope(database, area_id), devices, "c.")
    rows = database.query(
        "SELECT coalesce(p.name, c.outlet) AS outlet, c.outlet_partner_id AS partner_id,"
        " count(DISTINCT c.resident_id) AS persons, sum(c.card_count) AS cards"
        " FROM card_sellers c LEFT JOIN partners p ON p.id = c.outlet_partner_id"
        " WHERE c.deleted_at IS NULL AND c.listed_on BETWEEN ? AND ?"
        " AND (c.outlet_partner_id IS NOT NULL OR c.outlet != '')" + where
        + " GROUP BY c.outlet_partner_id, coalesce(p.name, c.outlet)"
        " ORDER BY cards DESC, persons DESC, outlet",
        (period.start.isoformat(), period.end.isoformat(), *params),
    )  # fmt: skip
    return [OutletCount(row["outlet"], row["partner_id"], row["persons"], row["cards"])
            for row in rows]  # fmt: skip


def _warning_scope(
    period: Period, scope: list[str] | None, devices: list[str] | None = None
) -> tuple[str, list[Any]]:
    where = "w.received_at >= ? AND w.received_at < ? AND w.deleted_at IS NULL"
    scoped, params = _scoped(scope, devices, "w.")
    return where + scoped, [*period.bounds, *params]


# A community named with the township above it ("金城江街道 / 新建社区"): many villages share a
# name across a county, and the lists must read back as the same records (importing).
_AREA_SHOWN = (
    "CASE WHEN p.name IS NULL THEN coalesce(a.name, '') ELSE p.name || ' / ' || a.name END"
)


def warnings_in_period(
    database: Database, period: Period, area_id: str | None = None
) -> Iterable[Any]:
    """Every warning received in the period in the area (and below it), oldest first, with its
    resident's name, mobile and address (in full: mask when shown) and its community named
    with the township above it — the rows of the workbook's list of warnings."""
    where, params = _warning_scope(period, area_scope(database, area_id))
    return database.conn.execute(
        "SELECT w.reference_number, w.received_at, w.source, w.level, w.fraud_type, w.status,"
        " w.outcome, w.amount_protected, w.amount_lost, w.stop_payment_amount,"
        " w.first_contact_minutes, w.first_visit_minutes, r.name, r.mobile, r.address,"
        f" {_AREA_SHOWN} AS community FROM warnings w"
        " JOIN residents r ON r.id = w.resident_id LEFT JOIN areas a ON a.id = w.area_id"
        " LEFT JOIN areas p ON p.id = a.parent_id"
        f" WHERE {where} ORDER BY w.received_at",
        params,
    )


def talks_in_period(
    database: Database, period: Period, area_id: str | None = None
) -> Iterable[Any]:
    """Every talk starting in the period in the area (and below it), earliest first, with its
    community named with the township above it — the rows of the workbook's list of talks."""
    in_areas, area_params = _in_areas("t.area_id", area_scope(database, area_id))
    return database.conn.execute(
        "SELECT t.starts_at, t.ends_at, t.title, t.venue, t.status, t.actual_headcount,"
        f" t.handouts_given, {_AREA_SHOWN} AS community FROM talks t"
        " LEFT JOIN areas a ON a.id = t.area_id LEFT JOIN areas p ON p.id = a.parent_id"
        " WHERE t.deleted_at IS NULL AND t.starts_at >= ? AND t.starts_at < ?"
        + in_areas + " ORDER BY t.starts_at",
        (*period.bounds, *area_params),
    )  # fmt: skip


# The warnings pass: what groups it and what each group adds up (SQL, by name).
_SUMMED = {
    "attempts": "w.contact_count",
    "met": "w.first_visit_minutes IS NOT NULL",
    "protected": "w.amount_protected",
    "lost": "w.amount_lost",
    "stopped": "w.stop_payment_amount",
}
_GROUPED = {
    "source": "w.source",
    "level": "w.level",
    "status": "w.status",
    "outcome": "w.outcome",
    "before": "w.lost_before_warning",
}
_WARNING_GROUPING = ", ".join(_GROUPED.values())


def _warning_groups_by_area(
    database: Database,
    where: str,
    params: list,
    index: str,
    made_of: tuple[Iterable[str], Iterable[str]],
):
    """The warnings pass grouped by each warning's area, for one figure of many areas from one
    pass, then by the columns ``made_of`` names (of ``_GROUPED``) with its sums (of ``_SUMMED``):
    one figure's (``_MADE_OF``). The columns not grouped come back NULL, the sums not wanted
    0. Over ``warnings_groups`` (or one month's entries of ``warnings_months``) the groups are
    sorted: the fewer the keys, the cheaper."""
    grouped, summed = set(made_of[0]), set(made_of[1])
    columns = ", ".join(
        f"{sql if name in grouped else 'NULL'} AS {name}" for name, sql in _GROUPED.items()
    )
    sums = ", ".join(
        f"coalesce(sum({sql}), 0) AS {name}" if name in summed else f"0 AS {name}"
        for name, sql in _SUMMED.items()
    )
    grouping = "".join(f", {sql}" for name, sql in _GROUPED.items() if name in grouped)
    return database.query(
        f"SELECT w.area_id, {columns}, count(*) AS n, {sums}"
        f" FROM warnings w INDEXED BY {index} WHERE {where} GROUP BY w.area_id{grouping}",
        params,
    )


def _fold_warnings(
    groups: Iterable[Any], contact: list[tuple[int, int]], visit: list[tuple[int, int]]
) -> dict:
    """The warning figures from the groups of the warnings pass and the response times'
    histograms (empty when not read)."""
    by_source = dict.fromkeys(WARNING_SOURCES, 0)
    by_level = dict.fromkeys(WARNING_LEVELS, 0)
    by_outcome = dict.fromkeys(OUTCOMES, 0)  # closed cases only
    totals = dict.fromkeys(
        ("received", "open", "attempts", "dissuaded", "met", "closed_real", "protected",
         "lost", "stopped", "bank_intercepts", "bank_saved", "defrauded_after"), 0,
    )  # fmt: skip
    for group in groups:
        n = group["n"]
        closed = group["status"] == "closed"
        dissuaded = closed and group["outcome"] == "dissuaded"
        by_source[group["source"]] = by_source.get(group["source"], 0) + n
        by_level[group["level"]] = by_level.get(group["level"], 0) + n
        totals["received"] += n
        totals["open"] += 0 if closed else n
        if closed and group["outcome"] in by_outcome:
            by_outcome[group["outcome"]] += n
        totals["attempts"] += group["attempts"]
        totals["dissuaded"] += n if dissuaded else 0
        totals["met"] += group["met"] if dissuaded else 0
        totals["closed_real"] += n if closed and group["outcome"] != "false_alarm" else 0
        for money in ("protected", "lost", "stopped"):
            totals[money] += group[money]
        if dissuaded and group["source"] == "bank":
            totals["bank_intercepts"] += n
            totals["bank_saved"] += group["protected"]
        if is_defrauded_after_warning(group["status"], group["outcome"], group["before"]):
            totals["defrauded_after"] += n
    return {
        "warnings_received": totals["received"],
        "warnings_by_source": by_source,
        "warnings_by_level": by_level,
        "warnings_by_outcome": by_outcome,
        "warnings_open": totals["open"],
        "contact_attempts": totals["attempts"],
        "dissuaded": totals["dissuaded"],
        "face_to_face_dissuasions": totals["met"],
        "dissuasion_rate": _rate(totals["dissuaded"], totals["closed_real"]),
        "first_contact_median": _percentile(contact, 0.5),
        "first_contact_p90": _percentile(contact, 0.9),
        "first_visit_median": _percentile(visit, 0.5),
        "first_visit_p90": _percentile(visit, 0.9),
        "money_protected": _wan(totals["protected"]),
        "money_lost": _wan(totals["lost"]),
        "money_stopped": _wan(totals["stopped"]),
        "bank_intercepts": totals["bank_intercepts"],
        "bank_saved": _wan(totals["bank_saved"]),
        "defrauded_after_warning": totals["defrauded_after"],
    }


# What each single figure of the warnings pass (not the response times) is made of: the
# columns its value depends on, the sums it adds. A ranking by one reads the period's warnings
# once for every area, grouped by area and these alone, so a year's million are sorted on
# fewer keys (ranked by dissuaded: 0.8 s instead of 1.5 s).
_MADE_OF: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "warnings_received": ((), ()),
    "warnings_open": (("status",), ()),
    "contact_attempts": ((), ("attempts",)),
    "dissuaded": (("status", "outcome"), ()),
    "face_to_face_dissuasions": (("status", "outcome"), ("met",)),
    "dissuasion_rate": (("status", "outcome"), ()),
    "money_protected": ((), ("protected",)),
    "money_lost": ((), ("lost",)),
    "money_stopped": ((), ("stopped",)),
    "bank_intercepts": (("source", "status", "outcome"), ()),
    "bank_saved": (("source", "status", "outcome"), ("protected",)),
    "defrauded_after_warning": (("status", "outcome", "before"), ()),
}


def _warning_figures(
    database: Database,
    period: Period,
    scope: list[str] | None,
    *,
    histograms: bool = True,
    devices: list[str] | None = None,
) -> dict:
    """The warnings of the period read from covering indexes in their order (nothing sorted),
    added up in Python. A period spanning most months on record is read in one pass over
    ``warnings_groups``, grouped by the groups and the response times together; a shorter one
    month by month from the indexes that lead with the month (``_months_to_read``), so its
    cost follows its months, not the records'. The whole city's groups and its response times
    are two passes read at once, each on a connection of its own."""
    where, params = _warning_scope(period, scope, devices)
    totals: dict[tuple, list[int]] = {}
    contact: dict[int, int] = {}
    visit: dict[int, int] = {}
    inside, on_record = _months_on_record(database, period)
    months = _by_month(inside, on_record)
    if histograms and scope is None and devices is None:
        # The whole city's: the groups (a few hundred) from one pass over warnings_groups or
        # month by month, the response times month by month from warnings_minutes, both at
        # once (a year: 0.75 s one after the other, 0.4 s at once on two cores).
        def groups_pass(reading: Database) -> None:
            if months is None:
                _add_joint(reading, "warnings_groups", where, params, totals, {}, {}, False)
            for *in_month, index in _month_passes(where, params, months or ()):
                _add_joint(reading, index, *in_month, totals, {}, {}, False)

        def minutes_pass(reading: Database) -> None:
            for *in_month, _index in _month_passes(where, params, inside):
                _add_minutes(reading, *in_month, contact, visit)

        read_both(database, groups_pass, minutes_pass)
    else:
        if months is None:
            _add_joint(
                database, "warnings_groups", where, params, totals, contact, visit, histograms
            )
        for *in_month, index in _month_passes(where, params, months or ()):
            # An area's or a laptop's month holds few warnings: their groups and response
            # times together are few, and one pass costs less than two; the city's without
            # response times is its groups alone.
            _add_joint(database, index, *in_month, totals, contact, visit, histograms)
    groups = [
        dict(zip(_GROUPED, key, strict=True)) | dict(zip(("n", *_SUMMED), sums, strict=True))
        for key, sums in totals.items()
    ]
    return _fold_warnings(groups, sorted(contact.items()), sorted(visit.items()))


def _month_passes(where: str, params: list, months: Iterable[str]) -> list[tuple[str, list, str]]:
    """(condition, parameters, index) of each month's pass over the index that leads with the
    month: the period's condition narrowed to that month."""
    return [
        (f"{where} AND substr(w.received_at, 1, 7) = ?", [*params, month], "warnings_months")
        for month in months
    ]


def _months_on_record(database: Database, period: Period) -> tuple[list[str], int]:
    """The months ("2026-11") of the period that lie within the warnings on record, and how
    many months are on record. Only the first and last receipt are read (two index
    look-ups)."""
    first = database.scalar("SELECT min(received_at) FROM warnings")
    last = database.scalar("SELECT max(received_at) FROM warnings")
    if first is None or last is None:
        return [], 0
    first_month, last_month = first[:7], last[:7]
    inside = [month for month in period.month_keys() if first_month <= month <= last_month]
    on_record = (
        12 * (int(last_month[:4]) - int(first_month[:4]))
        + int(last_month[5:7]) - int(first_month[5:7]) + 1
    )  # fmt: skip
    return inside, on_record


def _months_to_read(database: Database, period: Period) -> list[str] | None:
    """The months of the period within the warnings on record (``_months_on_record``), to be
    read one by one; None when they are more than three in four of the months on record,
    where one pass over every warning in ``warnings_groups``' order costs less than two passes
    over nearly all of them."""
    return _by_month(*_months_on_record(database, period))


def _by_month(inside: list[str], on_record: int) -> list[str] | None:
    """``inside`` (the period's months on record) to be read one by one, or None for one
    pass over every warning (``_months_to_read``)."""
    return None if 4 * len(inside) > 3 * on_record else inside


# The joint pass's sums: those of _SUMMED but "met", which it counts from the minutes to
# meeting in person it groups by (or sums itself when it does not).
_GROUP_SUMS = "count(*), " + ", ".join(
    f"coalesce(sum({_SUMMED[name]}), 0)" for name in ("attempts", "protected", "lost", "stopped")
)


def _add_joint(
    database: Database,
    index: str,
    where: str,
    params: list,
    totals: dict[tuple, list[int]],
    contact: dict[int, int],
    visit: dict[int, int],
    histograms: bool,
) -> None:
    """One pass over ``index`` in its order, grouped by source, level, status, outcome and
    when the money went — and by the minutes to first contact and to meeting in person when
    ``histograms`` is wanted —, added into ``totals`` (n, attempts, met, protected, lost,
    stopped by group) and the minutes' counts. Of the minutes, only warnings with a first
    contact are counted (meeting in person is a contact)."""
    if histograms:
        minutes, met = "w.first_contact_minutes, w.first_visit_minutes", "NULL"
    else:
        minutes, met = "NULL, NULL", "coalesce(sum(w.first_visit_minutes IS NOT NULL), 0)"
    grouping = _WARNING_GROUPING + (", w.first_contact_minutes, w.first_visit_minutes"
                                    if histograms else "")  # fmt: skip
    cursor = database.execute(
        f"SELECT {_WARNING_GROUPING}, {minutes}, {met}, {_GROUP_SUMS}"
        f" FROM warnings w INDEXED BY {index} WHERE {where} GROUP BY {grouping}",
        params,
    )
    for source, level, status, outcome, before, first, visited, met_n, n, *sums in cursor:
        key = (source, level, status, outcome, before)
        group = totals.get(key)
        if group is None:
            group = totals[key] = [0, 0, 0, 0, 0, 0]
        group[0] += n
        group[1] += sums[0]
        group[2] += n if visited is not None else (met_n or 0)
        group[3] += sums[1]
        group[4] += sums[2]
        group[5] += sums[3]
        if first is not None:
            contact[first] = contact.get(first, 0) + n
            if visited is not None:
                visit[visited] = visit.get(visited, 0) + n


def _add_minutes(
    database: Database, where: str, params: list, contact: dict[int, int], visit: dict[int, int]
) -> None:
    """The minutes to first contact and to meeting in person of the warnings of one month
    (``where`` names it), from ``warnings_minutes`` in its order, added into the counts."""
    for first, visited, n in database.execute(
        "SELECT w.first_contact_minutes, w.first_visit_minutes, count(*)"
        f" FROM warnings w INDEXED BY warnings_minutes WHERE {where}"
        " AND w.first_contact_minutes IS NOT NULL"
        " GROUP BY w.first_contact_minutes, w.first_visit_minutes",
        params,
    ):
        contact[first] = contact.get(first, 0) + n
        if visited is not None:
            visit[visited] = visit.get(visited, 0) + n


def _follow_up_figures(
    database: Database,
    period: Period,
    scope: list[str] | None,
    today: date,
    devices: list[str] | None = None,
) -> dict:
    """Follow-ups due in the period up to today: one due tomorrow is not yet late."""
    last = min(period.end, today)
    where_area, area_params = _scoped(scope, devices, "f.")
    row = database.execute(
        "SELECT count(*) AS due, coalesce(sum(f.done_at IS NOT NULL), 0) AS done"
        " FROM follow_ups f INDEXED BY follow_ups_due_on WHERE f.deleted_at IS NULL"
        f" AND f.due_on >= ? AND f.due_on <= ?{where_area}",
        (period.start.isoformat(), last.isoformat(), *area_params),
    ).fetchone()
    return {
        "follow_ups_due": row["due"],
        "follow_ups_done": row["done"],
        "follow_up_completion": _rate(row["done"], row["due"]),
    }


def _return_figures(
    database: Database,
    period: Period,
    scope: list[str] | None,
    today: date,
    devices: list[str] | None = None,
) -> dict:
    """The figures of return persuasion (core.figures RETURN_FIGURES) of the entries of the
    registration areas in ``scope``."""
    return _fold_returns(
        _return_counts(database, period, scope, today, devices, by_area=False).values()
    )


# The counts of return persuasion an area's entries give, added up over areas (每地 its own).
_RETURN_SUMS = ("at_start", "added", "returned", "closed", "on_ledger", "overdue", "out_of_touch")


def _return_counts(
    database: Database,
    period: Period,
    scope: list[str] | None,
    today: date,
    devices: list[str] | None = None,
    *,
    by_area: bool = True,
) -> dict[str | None, dict[str, Any]]:
    """By registration area (of the entries in ``scope``; not ``by_area``: all of them under
    None, which spares the passes a sort by area), the counts the return figures are
    made of and the histogram of the days to return: one pass over the covering index of the
    entries, one over those out of touch, then the days of those returned in the period. Every
    count is of entries, each in one area, so an area's figures are its subtree's counts added
    up (``_fold_returns``): a briefing's annex reads them once for all its areas. The ledger's
    state is taken at the period's end, or today while it runs."""
    start, end = period.start.isoformat(), period.end.isoformat()
    as_of = min(period.end, today)
    last = as_of.isoformat()
    touch_from = (as_of - timedelta(days=OUT_OF_TOUCH_DAYS - 1)).isoformat()
    listed_by = (as_of - timedelta(days=OUT_OF_TOUCH_DAYS)).isoformat()
    where, params = _scoped(scope, devices, "c.")
    results = ", ".join("?" * len(IN_TOUCH_RESULTS))
    on_ledger = "c.listed_on <= b.last AND (c.closed_on IS NULL OR c.closed_on > b.last)"
    away = "(c.returned_on IS NULL OR c.returned_on > b.last)"
    counts: dict[str | None, dict[str, Any]] = {}
    area, by = ("c.area_id", " GROUP BY c.area_id") if by_area else ("NULL", "")

    def of(area_id: str | None) -> dict[str, Any]:
        return counts.setdefault(area_id, {**dict.fromkeys(_RETURN_SUMS, 0), "days": []})

    # Every column here is in the covering index return_cases_listed: no row is read.
    for row in database.query(
        f"WITH b(start, end_, last) AS (SELECT ?, ?, ?) SELECT {area} AS area_id,"
        " sum(c.listed_on < b.start AND (c.closed_on IS NULL OR c.closed_on >= b.start))"
        " AS at_start,"
        " sum(c.listed_on >= b.start AND c.listed_on <= b.end_) AS added,"
        " sum(c.returned_on >= b.start AND c.returned_on <= b.end_) AS returned,"
        " sum(c.closed_on >= b.start AND c.closed_on <= b.end_) AS closed,"
        f" sum({on_ledger}) AS on_ledger,"
        f" sum({on_ledger} AND {away} AND c.deadline_on < b.last) AS overdue"
        f" FROM b, return_cases c INDEXED BY return_cases_listed WHERE c.deleted_at IS NULL{where}"
        f"{by}",
        (start, end, last, *params),
    ):
        of(row["area_id"]).update({key: row[key] or 0 for key in _RETURN_SUMS[:-1]})
    # 失联: those away and on the ledger long enough, less those reached lately. For the
    # whole city the window's contacts are read once (one pass beats 50,000 look-ups); for an
    # area each of its entries looks its own up by the index on (case_id, at) — the counties
    # of a briefing's annex would each read every contact of the city.
    if scope is None:
        reached = (
            f" AND c.id NOT IN (SELECT k.case_id FROM return_contacts k WHERE k.deleted_at IS NULL"
            f" AND k.result IN ({results}) AND k.at >= ? AND k.at < date(?, '+1 day'))"
        )
        window = (*IN_TOUCH_RESULTS, touch_from, last)
    else:
        reached = (
            " AND NOT EXISTS (SELECT 1 FROM return_contacts k WHERE k.case_id = c.id"
            f" AND k.at >= ? AND k.at < date(?, '+1 day') AND k.deleted_at IS NULL"
            f" AND k.result IN ({results}))"
        )
        window = (touch_from, last, *IN_TOUCH_RESULTS)
    for row in database.query(
        f"WITH b(last, touch, listed) AS (SELECT ?, ?, ?) SELECT {area} AS area_id, count(*) AS n"
        " FROM b, return_cases c WHERE c.deleted_at IS NULL AND c.listed_on <= b.listed"
        f" AND (c.closed_on IS NULL OR c.closed_on > b.last) AND {away}{where}{reached}{by}",
        (last, touch_from, listed_by, *params, *window),
    ):
        of(row["area_id"])["out_of_touch"] = row["n"]
    for row in database.query(
        f"SELECT {area} AS area_id,"
        " CAST(julianday(c.returned_on) - julianday(c.listed_on) AS INTEGER) AS days,"
        " count(*) AS n FROM return_cases c WHERE c.deleted_at IS NULL"
        f" AND c.returned_on >= ? AND c.returned_on <= ?{where}"
        f" GROUP BY {'c.area_id, ' if by_area else ''}days",
        (start, end, *params),
    ):
        of(row["area_id"])["days"].append((row["days"], row["n"]))
    return counts


def _fold_returns(counts: Iterable[dict[str, Any]]) -> dict:
    """The return figures of the areas whose ``_return_counts`` are given, together."""
    total = dict.fromkeys(_RETURN_SUMS, 0)
    days: dict[int, int] = {}
    for area in counts:
        for key in _RETURN_SUMS:
            total[key] += area[key]
        for value, n in area["days"]:
            days[value] = days.get(value, 0) + n
    return {
        "returns_on_ledger": total["on_ledger"],
        "returns_added": total["added"],
        "returns_returned": total["returned"],
        "return_rate": _rate(total["returned"], total["at_start"] + total["added"]),
        "returns_closed": total["closed"],
        "returns_overdue": total["overdue"],
        "returns_out_of_touch": total["out_of_touch"],
        "return_days_median": _percentile(sorted(days.items()), 0.5),
    }


def monthly_return_ranking(
    database: Database, year: int, month: int, *, devices: list[str] | None = None
) -> list[RankedArea]:
    """The month's county ranking by 劝返率 (return_rate), equal rates sharing a rank; counties
    with nobody to persuade (no rate) come last, unranked."""
    return ranking(database, Period.month(year, month), "return_rate", devices=devices)


def fraud_free_ranking(
    database: Database, period: Period, *, devices: list[str] | None = None
) -> list[RankedArea]:
    """The counties ranked by the share of their communities fraud-free (无诈社区创建率) at
    the period's end, equal shares sharing a rank; a county without communities comes last."""
    return ranking(database, period, "fraud_free_share", devices=devices)


def monthly_trend(
    database: Database,
    period: Period,
    area_id: str | None = None,
    devices: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Per month of the period: warnings received, dissuaded, defrauded after warning, talks
    held — the chart of the briefing."""
    scope = area_scope(database, area_id)
    where, params = _warning_scope(period, scope, devices)
    index = ""
    if scope is None:
        # The whole city's months read from the index that leads with the month and holds
        # every column counted (a year: 0.4 s instead of 1.1 s of row look-ups and a sort); an
        # area's few warnings are found faster by area.
        months = period.month_keys()
        index = " INDEXED BY warnings_months"
        where += " AND substr(w.received_at, 1, 7) BETWEEN ? AND ?"
        params = [*params, months[0], months[-1]]
    warnings = {
        row["month"]: row
        for row in database.query(
            "SELECT substr(w.received_at, 1, 7) AS month, count(*) AS received,"
            " coalesce(sum(w.status = 'closed' AND w.outcome = 'dissuaded'), 0) AS dissuaded,"
            f" coalesce(sum({DEFRAUDED_AFTER_WARNING_SQL}), 0) AS defrauded"
            f" FROM warnings w{index} WHERE {where} GROUP BY month",
            params,
        )
    }
    in_areas, area_params = _scoped(scope, devices)
    talks = {
        row["month"]: row["held"]
        for row in database.query(
            "SELECT substr(starts_at, 1, 7) AS month, count(*) AS held FROM talks"
            " WHERE deleted_at IS NULL AND status = 'done' AND starts_at >= ? AND starts_at < ?"
            + in_areas
            + " GROUP BY month",
            (*period.bounds, *area_params),
        )
    }
    trend = []
    for key in period.month_keys():
        row = warnings.get(key)
        trend.append(
            {
                "month": key,
                "warnings_received": row["received"] if row else 0,
                "dissuaded": row["dissuaded"] if row else 0,
                "defrauded_after_warning": row["defrauded"] if row else 0,
                "talks_held": talks.get(key, 0),
            }
        )
    return trend


@dataclass(frozen=True)
class RankedArea:
    rank: int  # equal values share a rank (1, 2, 2, 4)
    area_id: str
    name: str
    value: Any


def _warnings_by_area(
    database: Database,
    period: Period,
    scope: list[str] | None,
    devices: list[str] | None,
    figure: str,
) -> dict[str, list[Any]]:
    """The groups of the warnings pass of each area in ``scope`` (its own warnings, not those
    below it), grouped as much as ``figure`` needs (``_MADE_OF``)."""
    where, params = _warning_scope(period, scope, devices)
    months = _months_to_read(database, period)
    # A short period month by month from the index that leads with the month, as the figures
    # are read (a county's month ranked: its month's entries, not the year's).
    passes = (
        [(where, params, "warnings_groups")]
        if months is None
        else _month_passes(where, params, months)
    )
    groups: dict[str, list[Any]] = {}
    for in_pass, with_params, index in passes:
        for group in _warning_groups_by_area(
            database, in_pass, with_params, index, _MADE_OF[figure]
        ):
            groups.setdefault(group["area_id"], []).append(group)
    return groups


def ranking(
    database: Database,
    period: Period,
    figure: str,
    *,
    parent_id: str | None = None,
    level: str = "county",
    descending: bool | None = None,
    devices: list[str] | None = None,
) -> list[RankedArea]:
    """The areas of ``level`` (under ``parent_id``) ranked by one figure; ties share a rank.
    Areas where the figure cannot be computed (None) come last, unranked (rank 0). The
    largest value comes first unless ``descending`` is False or (by default) the figure is
    one where fewer is better (``core.figures``)."""
    areas = areas_below(database, parent_id, level)
    if figure in _MADE_OF:  # one pass over the period's warnings for every area
        groups = _warnings_by_area(
            database, period, area_scope(database, parent_id), devices, figure
        )
        values = [
            (area["id"], area["name"], _fold_warnings(
                [group for inside in subtree_ids(database, area["id"])
                 for group in groups.get(inside, ())], [], [],
            )[figure])
            for area in areas
        ]  # fmt: skip
    else:
        values = [
            (
                area["id"],
                area["name"],
                compute_figures(database, period, area["id"], only=[figure], devices=devices).get(
                    figure
                ),
            )
            for area in areas
        ]
    return rank_values(values, descending=_descending(figure, descending))


def areas_below(database: Database, parent_id: str | None, level: str = "county") -> list[Any]:
    """The areas a ranking ranks (id, name), in their codes' order: those of ``level`` (the
    counties) when ``parent_id`` is None, else the ones just below ``parent_id``."""
    where, params = ("", []) if parent_id is None else (" AND parent_id = ?", [parent_id])
    if parent_id is not None and level == "county":
        level = {"county": "township", "township": "community"}.get(
            database.scalar("SELECT level FROM areas WHERE id = ?", (parent_id,)) or "", level
        )
    return database.query(
        "SELECT id, name FROM areas WHERE deleted_at IS NULL AND level = ?" + where
        + " ORDER BY code, name",
        (level, *params),
    )  # fmt: skip


def figures_by_area(
    database: Database,
    period: Period,
    keys: Iterable[str],
    *,
    parent_id: str | None = None,
    devices: list[str] | None = None,
) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, name, figures) of each area ``ranking`` would rank under ``parent_id`` (the
    counties when None), the figures ``keys`` only — the rows of a briefing's annex table. The
    return figures of every area come from one reading of the whole (``_return_counts``), the
    others from each area's own."""
    wanted = set(keys)
    returns = {figure.key for figure in RETURN_FIGURES} & wanted
    rest = wanted - returns
    counts = (
        _return_counts(database, period, area_scope(database, parent_id), clock.today(), devices)
        if returns
        else {}
    )
    rows = []
    for area in areas_below(database, parent_id):
        inside = subtree_ids(database, area["id"])
        figures = _figures_of(database, period, inside, only=rest, devices=devices) if rest else {}
        if returns:
            figures.update(_fold_returns(counts[i] for i in inside if i in counts))
        rows.append((area["id"], area["name"], figures))
    return rows


def ranking_with_figures(
    database: Database,
    period: Period,
    figure: str,
    keys: Iterable[str],
    *,
    parent_id: str | None = None,
    devices: list[str] | None = None,
) -> tuple[list[RankedArea], dict[str, dict[str, Any]]]:
    """``ranking`` by ``figure`` (the same ranks, in its order) and, by area id, the figures
    ``keys`` of each area ranked — one computation an area for both, as a briefing's annex
    table of a ranking needs them."""
    rows = figures_by_area(database, period, {figure, *keys}, parent_id=parent_id,
                           devices=devices)  # fmt: skip
    ranked = rank_values(
        [(area_id, name, figures.get(figure)) for area_id, name, figures in rows],
        descending=_descending(figure, None),
    )
    return ranked, {area_id: figures for area_id, _name, figures in rows}


def _descending(figure: str, descending: bool | None) -> bool:
    return ranks_descending(figure) if descending is None else descending


def laptops(database: Database) -> list[tuple[str, str]]:
    """(device id, station) of this laptop and of every laptop packages came from."""
    own = (database.device_id, database.get_meta("station_name") or "")
    others = [
        (row[0], row[1])
        for row in database.query(
            "SELECT device_id, station FROM devices WHERE device_id != ? ORDER BY station,"
            " device_id",
            (database.device_id,),
        )
    ]
    return [own, *others]


def laptop_name(device: str, station: str) -> str:
    """A laptop as screens name it: its station and the start of its id."""
    return f"{station} ({device[:8]})" if station else device[:8]


def station_devices(database: Database, station: str) -> list[str]:
    """The laptops of one station (by the station name each package carried). For this
    laptop's own station, also the ids this database had before it was copied here
    (``chain.own_ids``): what was entered under them was entered at this station."""
    devices = [device for device, name in laptops(database) if name == station]
    if devices and devices[0] == database.device_id:
        devices += sorted(own_ids(database.conn) - set(devices))
    return devices


def chosen_devices(database: Database, choice: tuple[str, str] | None) -> list[str] | None:
    """The laptops of a report's choice: ("station", name), ("device", id) or None (all)."""
    if choice is None:
        return None
    kind, value = choice
    return station_devices(database, value) if kind == "station" else [value]


def laptop_ranking(
    database: Database,
    period: Period,
    figure: str,
    *,
    by_station: bool = False,
    area_id: str | None = None,
    descending: bool | None = None,
) -> list[RankedArea]:
    """Laptops (or stations, their laptops together) ranked by one figure within an area:
    the county view of merged data. A record counts for the laptop that entered it. The
    order is ``ranking``'s."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for device, station in laptops(database):
        if by_station:
            key = station or device
            groups.setdefault(key, (station or device[:8], []))[1].append(device)
        else:
            groups[device] = (laptop_name(device, station), [device])
    values = [
        (
            key,
            name,
            compute_figures(database, period, area_id, only=[figure], devices=devices).get(figure),
        )
        for key, (name, devices) in groups.items()
    ]
    return rank_values(values, descending=_descending(figure, descending))


def rank_values(
    values: Iterable[tuple[str, str, Any]], *, descending: bool = True
) -> list[RankedArea]:
    known = [item for item in values if item[2] is not None]
    unknown = [item for item in values if item[2] is None]
    known.sort(key=lambda item: item[2], reverse=descending)
    ranked: list[RankedArea] = []
    for position, (area_id, name, value) in enumerate(known, start=1):
        rank = ranked[-1].rank if ranked and ranked[-1].value == value else position
        ranked.append(RankedArea(rank, area_id, name, value))
    return ranked + [RankedArea(0, area_id, name, None) for area_id, name, _ in unknown]


@dataclass(frozen=True)
class CoverageBoard:
    """挂图作战: communities × months, each cell the number of held talks (0 = not reached)."""

    months: list[str]
    rows: list[tuple[str, str, list[int | None]]]  # (id, "county / township / community", counts)

    @property
    def empty_cells(self) -> int:
        return sum(count == 0 for _id, _name, counts in self.rows for count in counts)


def coverage_board(
    database: Database,
    period: Period,
    area_id: str | None = None,
    today: date | None = None,
    *,
    by_township: bool = False,
    devices: list[str] | None = None,
) -> CoverageBoard:
    """Months after the current one have no cells (None): not yet, rather than missed.
    ``by_township`` folds the communities into their townships (a city has hundreds of
    villages; its board is read township by township). ``devices``: the talks entered on
    those laptops (None: on any)."""
    if by_township:
        board = coverage_board(database, period, area_id, today, devices=devices)
        folded: dict[str, tuple[str, list]] = {}
        for _id, name, counts in board.rows:
            township = name.rsplit(" / ", 1)[0]
            if township not in folded:
                folded[township] = (township, [None if c is None else 0 for c in counts])
            totals = folded[township][1]
            for index, count in enumerate(counts):
                if count is not None:
                    totals[index] += count
        return CoverageBoard(board.months, [(key, key, row[1]) for key, row in folded.items()])
    scope = area_scope(database, area_id)
    where, params = _in_areas("c.id", scope)
    communities = database.query(
        "SELECT c.id, coalesce(k.name || ' / ', '') || coalesce(p.name || ' / ', '') || c.name"
        " AS name FROM areas c LEFT JOIN areas p ON p.id = c.parent_id"
        " LEFT JOIN areas k ON k.id = p.parent_id"
        " WHERE c.level = 'community' AND c.deleted_at IS NULL" + where
        + " ORDER BY coalesce(k.code, ''), k.name, coalesce(p.code, ''), p.name, c.code, c.name",
        params,
    )  # fmt: skip
    months = period.month_keys()
    on_devices, device_params = _on_devices("origin_device", devices)
    counts: dict[tuple[str, str], int] = {
        (row["area_id"], row["month"]): row["n"]
        for row in database.query(
            "SELECT area_id, substr(starts_at, 1, 7) AS month, count(*) AS n FROM talks"
            " WHERE deleted_at IS NULL AND status = 'done' AND starts_at >= ? AND starts_at < ?"
            f" AND area_id IS NOT NULL{on_devices} GROUP BY area_id, month",
            (*period.bounds, *device_params),
        )
    }
    this_month = (today or clock.today()).isoformat()[:7]
    rows = [
        (
            row["id"],
            row["name"],
            [None if month > this_month else counts.get((row["id"], month), 0) for month in months],
        )
        for row in communities
    ]
    return CoverageBoard(months, rows)
