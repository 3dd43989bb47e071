"""Statistics on the scale database (the briefing has its own, ``bench.briefing``).

- All figures of one year over 1,000,000 warnings, against the fastest hand-written single SQL
  aggregate pass over the same rows computing the same warning figures (counts by source,
  level and outcome, money, attempts) with SUM(CASE …) — what one writes by hand with no
  program around it. Targets: ≤ 1.5× and ≤ 0.5 s.
"""

from __future__ import annotations

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
    ]
