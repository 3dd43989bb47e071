"""Statistics on the scale database (the briefing has its own, ``bench.briefing``).

The warning figures of a period (counts by source, level and outcome, money, attempts, and the
medians and 90th percentiles of the minutes to first contact and to meeting in person) against
the strongest hand-written statement: ONE ``GROUP BY`` over a covering index whose key is the
grouping itself — source, level, status, outcome, when the money went, and the two response
times — so SQLite reads each entry of the period once, from the index alone, sorts nothing, and
hands over only the groups, from which the sums and both histograms follow. Any other single
statement does more: one over an index that leads with the time sorts the period's rows (a
year's million: seconds), one without a covering index reads every row of the table, and
SUM(CASE …) columns cannot give the histograms. For a year that index is ``warnings_groups``;
for one month it is ``warnings_months``, its month held in one place by its leading column
(``substr(received_at, 1, 7) = ?``), so the hand-written month reads that month only.

- The year, the city's busiest month and the busiest county's month: ours (``compute_figures``
  of the warning figures, the rows turned into figures; the whole city's groups and response
  times read at once on two connections, ``db.parallel``: the laptop's two cores, where the
  hand-written statement uses one) and the hand-written pass interleaved,
  ``runs`` pairs each, medians and minimums. Targets: ≤ 1.5× the hand-written pass; the year ≤
  0.5 s; a month ≤ a fifth of the year of the same area, measured in the same run.
- Every figure of the year (talks, follow-ups, card sellers, persons abroad, fraud-free
  communities and the rest beside the warnings): ≤ 0.5 s.

Nothing is written: the database is left as it was.
"""

from __future__ import annotations

import statistics as stats_module
import time
from pathlib import Path

from bench import taking_turns

_GROUPING = (
    "source, level, status, outcome, lost_before_warning, first_contact_minutes,"
    " first_visit_minutes"
)
_SUMS = (
    "count(*), sum(contact_count), sum(amount_protected), sum(amount_lost),"
    " sum(stop_payment_amount)"
)
YEAR_BY_HAND = (
    f"SELECT {_GROUPING}, {_SUMS} FROM warnings INDEXED BY warnings_groups"
    " WHERE received_at >= ? AND received_at < ? AND deleted_at IS NULL{areas}"
    f" GROUP BY {_GROUPING}"
)
MONTH_BY_HAND = (
    f"SELECT {_GROUPING}, {_SUMS} FROM warnings INDEXED BY warnings_months"
    " WHERE substr(received_at, 1, 7) = ? AND received_at >= ? AND received_at < ?"
    " AND deleted_at IS NULL{areas}"
    f" GROUP BY {_GROUPING}"
)


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def measure(db_path: Path, runs: int = 5) -> list[dict]:
    from desktop.core.figures import FIGURES
    from desktop.db.opening import open_database
    from desktop.domain import statistics
    from desktop.domain.areas import subtree_ids

    database = open_database(db_path, create=False)
    newest = database.scalar("SELECT max(received_at) FROM warnings")
    year = statistics.Period.year(int(newest[:4]))
    busiest = database.scalar(
        "SELECT substr(received_at, 1, 7) AS month FROM warnings WHERE received_at >= ?"
        " AND received_at < ? GROUP BY month ORDER BY count(*) DESC LIMIT 1",
        year.bounds,
    )
    month = statistics.Period.month(int(busiest[:4]), int(busiest[5:7]))
    by_area = {
        row[0]: row[1]
        for row in database.query("SELECT area_id, count(*) FROM warnings GROUP BY area_id")
    }
    counties = [
        (row["id"], row["name"], tuple(subtree_ids(database, row["id"])))
        for row in database.query("SELECT id, name FROM areas WHERE level = 'county'")
    ]
    county_id, county_name, county_areas = max(
        counties, key=lambda county: sum(by_area.get(area, 0) for area in county[2])
    )
    keys = [
        figure.key
        for figure in FIGURES
        if figure.group in ("warnings", "money")
        and figure.key not in ("zero_loss_streak", "high_risk_residents")
    ]
    in_county = f" AND area_id IN ({', '.join('?' * len(county_areas))})"

    def by_hand(period, area_ids=()):
        areas = in_county if area_ids else ""
        if period.kind == "month":
            sql = MONTH_BY_HAND.replace("{areas}", areas)
            params = (period.start.isoformat()[:7], *period.bounds, *area_ids)
        else:
            sql, params = YEAR_BY_HAND.replace("{areas}", areas), (*period.bounds, *area_ids)
        return lambda: database.execute(sql, params).fetchall()

    def ours(period, area_id=None, only=keys):
        return lambda: statistics.compute_figures(database, period, area_id, only=only)

    pairs = {
        "year": (by_hand(year), ours(year)),
        "month": (by_hand(month), ours(month)),
        "county year": (by_hand(year, county_areas), ours(year, county_id)),
        "county month": (by_hand(month, county_areas), ours(month, county_id)),
    }
    everything = ours(year, only=None)
    received = statistics.compute_figures(database, year, only=["warnings_received"])
    for hand, mine in pairs.values():  # warm the cache
        hand(), mine()
    everything()
    timings: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in pairs}
    every: list[float] = []
    for run in range(runs):
        for name, (hand, mine) in pairs.items():
            hands, mines = timings[name]
            for kept, work in taking_turns(run, (hands, hand), (mines, mine)):
                kept.append(_timed(work))
        every.append(_timed(everything))
    database.close()

    def versus(name: str, key: str, baseline: str, **targets) -> dict:
        hand, mine = timings[key]
        return {
            "name": name,
            "ours_s": round(stats_module.median(mine), 3),
            "ours_min_s": round(min(mine), 3),
            "baseline_s": round(stats_module.median(hand), 3),
            "baseline_min_s": round(min(hand), 3),
            "baseline": baseline,
            "ratio": round(stats_module.median(mine) / stats_module.median(hand), 2),
            "target_ratio": 1.5,
            **targets,
        }

    def fifth(key: str) -> float:
        return round(stats_module.median(timings[key][1]) / 5, 3)

    label = f"{month.start:%Y-%m}"
    year_pass = "one GROUP BY over warnings_groups (groups and minutes in its key)"
    month_pass = "one GROUP BY over warnings_months, its month by the leading column"
    return [
        versus(
            f"warning figures, year {year.start.year} "
            f"({received['warnings_received']:,} warnings)",
            "year", year_pass, target_s=0.5,
        ),
        versus(f"warning figures, month {label} (≤ year ÷ 5)", "month", month_pass,
               target_s=fifth("year")),
        versus(f"warning figures, {county_name}, year {year.start.year}", "county year",
               year_pass),
        versus(f"warning figures, {county_name}, month {label} (≤ year ÷ 5)", "county month",
               month_pass, target_s=fifth("county year")),
        {
            "name": f"every figure, year {year.start.year}",
            "ours_s": round(stats_module.median(every), 3),
            "ours_min_s": round(min(every), 3),
            "target_s": 0.5,
        },
    ]  # fmt: skip
