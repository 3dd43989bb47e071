"""Every printout that covers a period builds for every length, from one day to ten years."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest

from desktop.demo import generate_demo
from desktop.domain.statistics import Period
from desktop.reports.documents import print_briefing, print_schedule

TODAY = date(2026, 11, 25)
# One day, a week, a month, a quarter, the months around the old 18-month limit, years.
LENGTHS = [1, 7, 31, 92, 366, 540, 550, 760, 3 * 365, 5 * 365, 10 * 365 + 2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from desktop.db.opening import open_database

    database = open_database(tmp_path_factory.mktemp("lengths") / "demo.sqlite3")
    generate_demo(database, seed=3, today=TODAY)
    yield database
    database.close()


def _text(data: bytes) -> str:
    from pypdf import PdfReader

    return re.sub(
        r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    )


@pytest.mark.parametrize("days", LENGTHS)
def test_the_briefing_builds_for_every_length(demo, days):
    period = Period(TODAY - timedelta(days=days - 1), TODAY)
    out = io.BytesIO()
    assert print_briefing(demo, period, out) >= 1
    text = _text(out.getvalue())
    assert "宣传覆盖挂图" in text
    years = {day.year for day in (period.start, period.end)}
    if len(years) > 1:  # the board goes one calendar year a table, each year named
        for year in range(period.start.year, period.end.year + 1):
            assert f"{year}年各月" in text


@pytest.mark.parametrize("days", LENGTHS)
def test_the_schedule_builds_for_every_length(demo, days):
    out = io.BytesIO()
    assert print_schedule(demo, TODAY - timedelta(days=days - 1), TODAY, out) >= 1
