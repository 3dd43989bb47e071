"""Statistics and the briefing on the scale database.

- All figures of one year over 1,000,000 warnings, against the fastest hand-written single SQL
  aggregate pass over the same rows computing the same warning figures (counts by source,
  level and outcome, money, attempts) with SUM(CASE …) — what one writes by hand with no
  program around it. Targets: ≤ 1.5× and ≤ 0.5 s.
- A month's briefing PDF for the county with the most warnings that month (about 10,000):
  ≤ 3 s.
"""

from __future__ import annotations

import io
import statistics as stats_module
import time
from pathlib import Path

HAND_WRITTEN = """
SELECT count(*),
  sum(source = 'platform'), sum(source = 'hotline_96110'), sum(source = 'bank'),
  sum(source = 'telecom'), sum(source = 'public_report'), sum(source = 'other'),
  sum(level = 'high'), sum(level = 'medium'), sum(level = 'low'),
  sum(status != 'closed'), sum(contact_count),
  sum(status = 'closed' AND outcome = 'dissuaded'),
  sum(status = 'closed' AND outcome = 'dissuaded' AND first_visit_minutes IS NOT NULL),
  sum(status = 'closed' AND outcome != 'false_alarm'),
  sum(amount_protected), sum(amount_lost), sum(stop_payment_amount),
  sum(status = 'closed' AND outcome = 'dissuaded' AND source = 'bank'),
  sum(CASE WHEN status = 'closed' AND outcome = 'dissuaded' AND source = 'bank'
      THEN amount_protected END),
  sum(status = 'closed' AND outcome = 'defrauded' AND lost_before_warning = 0)
FROM warnings WHERE received_at >= ? AND received_at < ? AND deleted_at IS NULL
"""


def measure(db_path: Path, runs: int = 5) -> list[dict]:
    from desktop.db.opening import open_database
    from desktop.domain import statistics
    from desktop.reports.documents import print_briefing

    database = open_database(db_path, create=False)
    newest = database.scalar("SELECT max(received_at) FROM warnings")
    year = int(newest[:4])
    period = statistics.Period.year(year)
    database.execute(HAND_WRITTEN, period.bounds).fetchone()  # warm the cache
    statistics.compute_figures(database, period)
    baseline, ours = [], []
    for _ in range(runs):
        started = time.perf_counter()
        database.execute(HAND_WRITTEN, period.bounds).fetchone()
        baseline.append(time.perf_counter() - started)
        started = time.perf_counter()
        figures = statistics.compute_figures(database, period)
        ours.append(time.perf_counter() - started)

    month_year, month = int(newest[:4]), int(newest[5:7]) - 1 or 12
    if month == 12:
        month_year -= 1
    month_period = statistics.Period.month(month_year, month)
    county = database.query(
        "SELECT c.id, c.name, count(*) AS n FROM warnings w JOIN areas m ON m.id = w.area_id"
        " JOIN areas t ON t.id = m.parent_id JOIN areas c ON c.id = t.parent_id"
        " WHERE w.received_at >= ? AND w.received_at < ? GROUP BY c.id ORDER BY n DESC LIMIT 1",
        month_period.bounds,
    )[0]
    briefing = []
    for _ in range(3):
        started = time.perf_counter()
        print_briefing(database, month_period, io.BytesIO(), area_id=county["id"])
        briefing.append(time.perf_counter() - started)
    database.close()
    ours_s, base_s = stats_module.median(ours), stats_module.median(baseline)
    return [
        {
            "name": f"all figures, year {year} ({figures['warnings_received']:,} warnings)",
            "ours_s": round(ours_s, 3),
            "baseline_s": round(base_s, 3),
            "baseline": "hand-written single SUM(CASE) pass over the same rows",
            "ratio": round(ours_s / base_s, 2),
            "target_ratio": 1.5,
            "target_s": 0.5,
        },
        {
            "name": f"month briefing PDF, {county['name']} ({county['n']:,} warnings)",
            "ours_s": round(stats_module.median(briefing), 3),
            "baseline_s": None,
            "ratio": None,
            "target_s": 3.0,
        },
    ]
