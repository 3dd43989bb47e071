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


def _months(first: date, count: int) -> list[dict]:
    """A trend of ``count`` months from ``first``'s, month n with n warnings and n // 2
    dissuaded (n counted from 1)."""
    period = Period(first, first + timedelta(days=31 * count))
    return [
        {"month": f"{year:04d}-{month:02d}", "warnings_received": n, "dissuaded": n // 2}
        for n, (year, month) in enumerate(period.months()[:count], start=1)
    ]


def test_a_long_trend_goes_by_quarter_then_by_year():
    from desktop.reports.charts import trend_steps

    unit, steps = trend_steps(_months(date(2026, 1, 1), 12))
    assert unit == "月" and [label for label, _r, _d in steps][:2] == ["1月", "2月"]
    # 25 months from November 2024: 2024's fourth quarter holds two of them (1 + 2 warnings).
    unit, steps = trend_steps(_months(date(2024, 11, 1), 25))
    assert unit == "季度" and len(steps) == 9
    assert steps[0] == ("2024年\n四季度", 3, 1)
    # Ten years: one bar a year, each year's twelve months added up (2017: 1 + … + 12).
    unit, steps = trend_steps(_months(date(2017, 1, 1), 120))
    assert unit == "年" and [label for label, _r, _d in steps] == [
        f"{year}年" for year in range(2017, 2027)
    ]
    assert steps[0][1] == sum(range(1, 13))
    # A year the period takes part of names its months.
    unit, steps = trend_steps(_months(date(2023, 7, 1), 40))
    assert [label for label, _r, _d in steps] == [
        "2023年\n7—12月", "2024年", "2025年", "2026年\n1—10月"
    ]  # fmt: skip


def test_whole_years_are_named_by_their_years():
    from desktop.reports.briefing_text import period_name

    assert period_name(Period(date(2017, 1, 1), date(2026, 12, 31))) == "2017年至2026年"
    assert period_name(Period(date(2025, 1, 1), date(2026, 6, 30))) == (
        "2025年1月1日至2026年6月30日"
    )


def test_an_empty_day_prints_a_sentence_in_every_annex_that_has_nothing(demo):
    """Nothing was recorded on 3 March 2020 (the demo begins in 2025): the opening says so,
    the ranking is a sentence rather than a table of zeros and a chart without bars."""
    out = io.BytesIO()
    assert print_briefing(demo, Period(date(2020, 3, 3), date(2020, 3, 3)), out) >= 1
    text = _text(out.getvalue())
    assert "2020年3月3日，全辖区未登记反诈宣传活动、宣传投放、预警处置和回访记录。" in text
    assert "期内各地成功劝阻均为0或无法计算，不作排名。" in text
    # Only the sentence: neither the table (名次) nor the bars' chart (各地成功劝阻).
    assert text.count("各地成功劝阻") == 1 and "名次" not in text
    assert "期内无已结案预警" in text  # the outcomes' chart says it has nothing to show
