"""Every figure against a small database whose answers are worked out by hand (see comments)."""

from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.errors import ValidationError
from desktop.core.figures import BY_KEY, FIGURES, format_value
from desktop.db.records import insert_record
from desktop.domain import areas as area_store
from desktop.domain import follow_ups as follow_up_store
from desktop.domain import statistics as stats
from desktop.domain import warnings as warning_store

CST = timezone(timedelta(hours=8))
NOVEMBER = stats.Period.month(2026, 11)
LATER = date(2026, 12, 15)  # "today" for these tests: November is over


def at(day: int, hour: int = 9, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CST)


@pytest.fixture
def city(db):
    """凤山县 (凤城镇 > 坡心村, 金牙社区) and 宜州区 (庆远镇 > 城东社区), with talks, campaigns and warnings."""
    ids = {}
    ids["fengshan"] = area_store.add_area(db, name="凤山县", level="county", code="451223")
    ids["town"] = area_store.add_area(
        db, name="凤城镇", level="township", parent_id=ids["fengshan"]
    )
    ids["c1"] = area_store.add_area(db, name="坡心村", level="community", parent_id=ids["town"])
    ids["c2"] = area_store.add_area(db, name="金牙社区", level="community", parent_id=ids["town"])
    ids["yizhou"] = area_store.add_area(db, name="宜州区", level="county", code="451203")
    ids["town2"] = area_store.add_area(db, name="庆远镇", level="township", parent_id=ids["yizhou"])
    ids["c3"] = area_store.add_area(db, name="城东社区", level="community", parent_id=ids["town2"])

    def talk(area, day, status, people=None, handouts=None, month=11):
        insert_record(db, "talks", {
            "title": "反诈宣传", "starts_at": at(day, month=month).isoformat(),
            "ends_at": at(day, 10, month=month).isoformat(), "area_id": ids[area],
            "status": status, "actual_headcount": people, "handouts_given": handouts,
        })  # fmt: skip

    talk("c1", 3, "done", 1200, 300)  # a large talk
    talk("c1", 17, "done", 80, 50)
    talk("c2", 10, "cancelled")  # not held: c2 is not covered
    talk("c3", 24, "planned")
    talk("c2", 20, "done", 60, 40, month=10)  # October: outside the period

    def campaign(area, day, kind, count, month=11):
        insert_record(db, "campaigns", {
            "on_date": date(2026, month, day).isoformat(), "kind": kind,
            "area_id": ids[area], "count": count,
        })  # fmt: skip

    campaign("c1", 3, "sms", 500)
    campaign("c3", 10, "posters", 20)
    campaign("c1", 30, "wechat", 4, month=10)

    def warning(area, received, source, level, mobile, **values):
        warning_id = warning_store.intake(
            db,
            {"source": source, "level": level, "name": "罗某某", "mobile": mobile,
             "area_id": ids[area], **values},
            now=received,
        )  # fmt: skip
        return warning_id

    def contact(warning_id, received, minutes, method="phone", result="busy"):
        warning_store.record_contact(
            db, warning_id, method=method, result=result,
            at=received + timedelta(minutes=minutes), now=received + timedelta(days=1),
        )  # fmt: skip

    # w7 (October) and w1 share a resident: warned twice in twelve months, high-risk.
    w7 = warning("c1", at(20, month=10), "platform", "low", "13800000001")
    resident = db.scalar("SELECT resident_id FROM warnings WHERE id = ?", (w7,))
    w1 = warning_store.intake(
        db, {"source": "bank", "level": "high", "name": "罗某某", "mobile": "13800000001"},
        resident_id=resident, now=at(5),
    )  # fmt: skip
    contact(w1, at(5), 5)
    contact(w1, at(5), 40, "visit", "met")
    warning_store.close_warning(
        db, w1, outcome="dissuaded", amount_protected="5.2万", now=at(5, 12)
    )
    w2 = warning("c1", at(20), "platform", "medium", "13800000002")
    contact(w2, at(20), 10, result="reached")
    warning_store.close_warning(db, w2, outcome="dissuaded", amount_protected="1万", now=at(20, 12))
    w3 = warning("c3", at(14), "platform", "high", "13800000003")
    contact(w3, at(14), 3)
    warning_store.close_warning(
        db, w3, outcome="defrauded", amount_lost="3万", stop_payment_amount="1万", now=at(15)
    )
    w4 = warning("c3", at(25), "hotline_96110", "low", "13800000004")
    contact(w4, at(25), 15, result="reached")
    warning_store.close_warning(
        db, w4, outcome="defrauded", amount_lost="8000", lost_before_warning=True, now=at(25, 12)
    )
    w5 = warning("c1", at(8), "platform", "low", "13800000005")
    contact(w5, at(8), 20, result="reached")
    warning_store.close_warning(db, w5, outcome="false_alarm", now=at(8, 12))
    warning("c2", at(28), "telecom", "high", "13800000006")  # still open, no contact
    follow_ups = [row["id"] for row in db.query("SELECT id FROM follow_ups ORDER BY due_on")]
    for follow_up in follow_ups[:2]:  # due 11-06 and 11-12; 11-21 and 11-27 not done
        follow_up_store.complete_follow_up(db, follow_up, result="安全", now=at(28))
    return ids


def test_november_for_the_whole_city(db, city):
    figures = stats.compute_figures(db, NOVEMBER, today=LATER)
    expected = {
        "talks_held": 2, "talks_planned": 1, "talks_cancelled": 1, "large_talks": 1,
        "attendance": 1280, "handouts_given": 350,
        "communities_covered": 1, "communities_total": 3, "coverage_rate": 33.3,
        "campaign_sms": 500, "campaign_calls": 0, "campaign_posters": 20, "campaign_wechat": 0,
        "warnings_received": 6, "warnings_open": 1,
        "contact_attempts": 6,  # w1 2, w2 1, w3 1, w4 1, w5 1
        "dissuaded": 2, "face_to_face_dissuasions": 1,
        "dissuasion_rate": 50.0,  # 2 of w1..w4 (w5 was a false alarm, w6 is open)
        "first_contact_median": 10, "first_contact_p90": 20,  # 3, 5, 10, 15, 20 minutes
        "first_visit_median": 40, "first_visit_p90": 40,
        "money_protected": 6.2, "money_lost": 3.8, "money_stopped": 1.0,
        "bank_intercepts": 1, "bank_saved": 5.2,
        "defrauded_after_warning": 1,  # w3; w4's money had gone before the warning
        "zero_loss_streak": 15,  # from w3's loss on 11-15 to 11-30
        "high_risk_residents": 1,
        "follow_ups_due": 4, "follow_ups_done": 2, "follow_up_completion": 50.0,
    }  # fmt: skip
    assert {key: figures[key] for key in expected} == expected
    assert figures["warnings_by_source"] == {
        "platform": 3, "hotline_96110": 1, "bank": 1, "telecom": 1, "public_report": 0, "other": 0,
    }  # fmt: skip
    assert figures["warnings_by_level"] == {"high": 3, "medium": 1, "low": 2}
    assert figures["warnings_by_outcome"] == {
        "dissuaded": 2, "defrauded": 2, "unreachable": 0, "false_alarm": 1, "refused": 0,
        "denied_recheck": 0,
    }  # fmt: skip


def test_a_county_counts_only_what_lies_within_it(db, city):
    figures = stats.compute_figures(db, NOVEMBER, city["fengshan"], today=LATER)
    assert (figures["talks_held"], figures["coverage_rate"]) == (2, 50.0)
    assert figures["warnings_received"] == 4  # w1, w2, w5, w6
    assert (figures["money_lost"], figures["defrauded_after_warning"]) == (0.0, 0)
    assert figures["zero_loss_streak"] == 41  # no loss here: from w7 on 10-20
    assert figures["campaign_sms"] == 500 and figures["campaign_posters"] == 0
    assert figures["follow_ups_due"] == 4 and figures["high_risk_residents"] == 1
    yizhou = stats.compute_figures(db, NOVEMBER, city["yizhou"])
    assert yizhou["dissuasion_rate"] == 0.0 and yizhou["talks_planned"] == 1


def test_an_empty_period_is_honest_not_a_crash(db, city):
    figures = stats.compute_figures(db, stats.Period.month(2025, 2))
    assert figures["warnings_received"] == 0 and figures["talks_held"] == 0
    for key in ("dissuasion_rate", "first_contact_median", "first_visit_p90",
                "follow_up_completion"):  # fmt: skip
        assert figures[key] is None, key  # nothing to divide: no figure, not 0%
    assert figures["coverage_rate"] == 0.0
    assert figures["zero_loss_streak"] is None  # before the first warning on record
    assert format_value(BY_KEY["dissuasion_rate"], None) == "—"


def test_an_empty_database_gives_no_figures_rather_than_errors(db):
    figures = stats.compute_figures(db, NOVEMBER)
    assert figures["coverage_rate"] is None and figures["warnings_received"] == 0
    assert stats.coverage_board(db, NOVEMBER).rows == []
    assert stats.ranking(db, NOVEMBER, "talks_held") == []


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValidationError) as info:
        stats.Period(date(2026, 11, 30), date(2026, 11, 1))
    assert info.value.field == "period"


def test_every_figure_has_a_definition_in_both_languages(db, city):
    figures = stats.compute_figures(db, NOVEMBER)
    for figure in FIGURES:
        assert figure.key in figures, figure.key
        assert figure.definition and figure.definition_zh and figure.name_zh


def test_ranking_shares_ranks_between_ties(db, city):
    ranked = stats.ranking(db, NOVEMBER, "talks_held")
    assert [(r.rank, r.name, r.value) for r in ranked] == [(1, "凤山县", 2), (2, "宜州区", 0)]
    ranked = stats.rank_values([("a", "甲", 3), ("b", "乙", 5), ("c", "丙", 3), ("d", "丁", None)])
    assert [(r.rank, r.name) for r in ranked] == [(1, "乙"), (2, "甲"), (2, "丙"), (0, "丁")]
    inside = stats.ranking(db, NOVEMBER, "warnings_received", parent_id=city["fengshan"])
    assert [(r.name, r.value) for r in inside] == [("凤城镇", 4)]


def test_the_coverage_board_and_the_monthly_trend(db, city):
    autumn = stats.Period(date(2026, 10, 1), date(2026, 11, 30))
    board = stats.coverage_board(db, autumn, today=LATER)
    assert board.months == ["2026-10", "2026-11"]
    cells = {name: counts for _id, name, counts in board.rows}
    assert cells == {
        "凤山县 / 凤城镇 / 坡心村": [0, 2],
        "凤山县 / 凤城镇 / 金牙社区": [1, 0],
        "宜州区 / 庆远镇 / 城东社区": [0, 0],
    }
    assert board.rows[0][1].startswith("宜州区")  # in code order: 451203 before 451223
    assert board.empty_cells == 4
    # a month still to come is not a missed month
    early = stats.coverage_board(db, autumn, today=date(2026, 10, 20))
    assert {name: counts for _id, name, counts in early.rows}["凤山县 / 凤城镇 / 坡心村"] == [
        0,
        None,
    ]
    trend = stats.monthly_trend(db, autumn)
    assert [(m["month"], m["warnings_received"], m["dissuaded"], m["talks_held"]) for m in trend] == [
        ("2026-10", 1, 0, 1), ("2026-11", 6, 2, 2),
    ]  # fmt: skip
    assert trend[1]["defrauded_after_warning"] == 1


def test_the_citys_trend_read_by_month_is_the_sum_of_its_areas(db, city):
    # The whole city's months come from the index that leads with the month; an area's by
    # area: the two ways agree, also for a period that starts and ends inside a month.
    for period in (
        stats.Period(date(2026, 10, 1), date(2026, 11, 30)),
        stats.Period(date(2026, 10, 15), date(2026, 11, 10)),
    ):
        whole = stats.monthly_trend(db, period)
        parts = [
            stats.monthly_trend(db, period, area_id)
            for area_id in (city["fengshan"], city["yizhou"])
        ]
        for index, month in enumerate(whole):
            for key in ("warnings_received", "dissuaded", "defrauded_after_warning"):
                assert month[key] == sum(part[index][key] for part in parts), (period, key)
    partial = stats.monthly_trend(db, stats.Period(date(2026, 11, 6), date(2026, 11, 30)))
    full = stats.monthly_trend(db, stats.Period(date(2026, 11, 1), date(2026, 11, 30)))
    assert partial[0]["warnings_received"] < full[0]["warnings_received"]


def test_periods():
    assert stats.Period.quarter(2026, 4) == stats.Period(date(2026, 10, 1), date(2026, 12, 31))
    assert stats.Period.month(2026, 2).end == date(2026, 2, 28)
    assert stats.Period.year(2026).months()[-1] == (2026, 12)


def test_a_running_period_counts_the_streak_up_to_today(db, city):
    figures = stats.compute_figures(db, NOVEMBER, today=date(2026, 11, 20))
    assert figures["zero_loss_streak"] == 5  # 11-15 to 11-20, not to the month's end


def test_a_database_with_only_talks_or_only_warnings(db):
    county = area_store.add_area(db, name="凤山县", level="county")
    town = area_store.add_area(db, name="凤城镇", level="township", parent_id=county)
    village = area_store.add_area(db, name="坡心村", level="community", parent_id=town)
    insert_record(db, "talks", {
        "title": "反诈宣传", "starts_at": at(3).isoformat(), "ends_at": at(3, 10).isoformat(),
        "area_id": village, "status": "done", "actual_headcount": 90,
    })  # fmt: skip
    only_talks = stats.compute_figures(db, NOVEMBER, today=LATER)
    assert (only_talks["talks_held"], only_talks["coverage_rate"]) == (1, 100.0)
    assert only_talks["warnings_received"] == 0 and only_talks["dissuasion_rate"] is None
    assert only_talks["zero_loss_streak"] is None and only_talks["money_protected"] == 0.0
    db.execute("DELETE FROM talks")  # the other way round: warnings and nothing else
    warning_store.intake(db, {"source": "bank", "level": "high", "name": "罗某某",
                              "mobile": "13800000001"}, now=at(5))  # fmt: skip
    only_warnings = stats.compute_figures(db, NOVEMBER, today=LATER)
    assert only_warnings["talks_held"] == 0 and only_warnings["coverage_rate"] == 0.0
    assert only_warnings["warnings_received"] == 1 and only_warnings["warnings_open"] == 1
    assert only_warnings["zero_loss_streak"] == 25  # from 11-05 to the end of November


def test_an_area_with_no_records(db, city):
    empty = area_store.add_area(db, name="南丹县", level="county")
    figures = stats.compute_figures(db, NOVEMBER, empty, today=LATER)
    assert figures["warnings_received"] == 0 and figures["talks_held"] == 0
    assert figures["coverage_rate"] is None  # no communities: nothing to cover
    assert figures["zero_loss_streak"] is None and figures["follow_up_completion"] is None


def test_follow_ups_not_yet_due_do_not_lower_the_completion_rate(db, city):
    figures = stats.compute_figures(db, NOVEMBER, today=date(2026, 11, 22))
    # due 11-06 and 11-12 (done) and 11-21 (not done); 11-27 is still to come
    assert (figures["follow_ups_due"], figures["follow_ups_done"]) == (3, 2)
    assert figures["follow_up_completion"] == 66.7


def test_a_city_board_folds_communities_into_townships(db, city):
    autumn = stats.Period(date(2026, 10, 1), date(2026, 11, 30))
    board = stats.coverage_board(db, autumn, today=LATER, by_township=True)
    assert {name: counts for _id, name, counts in board.rows} == {
        "宜州区 / 庆远镇": [0, 0], "凤山县 / 凤城镇": [1, 2],
    }  # fmt: skip


def test_communities_no_talk_reached_named_with_their_township(db, city):
    # 坡心村 had two talks; 金牙社区's was cancelled and 城东社区's is only planned.
    assert stats.uncovered_communities(db, NOVEMBER) == [
        ("凤城镇", "金牙社区"),
        ("庆远镇", "城东社区"),
    ]
    assert stats.uncovered_communities(db, NOVEMBER, city["fengshan"]) == [("凤城镇", "金牙社区")]
    assert stats.uncovered_communities(db, stats.Period.month(2026, 10), city["town"]) == [
        ("凤城镇", "坡心村")  # October: 金牙社区 only
    ]


def test_first_contacts_later_than_their_levels_limit(db, city):
    # First contacts: w1 (high) 5, w2 (medium) 10, w3 (high) 3, w4 (low) 15, w5 (low) 20
    # minutes; w6 (high) none. Limits 4 / 5 / 15: w1, w2 and w5 are late (w4 is on time).
    found = stats.warning_breakdown(db, NOVEMBER, None, {"high": 4, "medium": 5, "low": 15})
    assert (found.contacted, found.late_first_contacts) == (5, 3)
    assert found.by_fraud_type == {"": 6}  # no fraud type was recorded
    wide = stats.warning_breakdown(db, NOVEMBER, city["fengshan"], {"high": 10, "medium": 30,
                                                                     "low": 120})  # fmt: skip
    assert (wide.contacted, wide.late_first_contacts) == (3, 0)  # w1, w2, w5
    # Each breakdown keeps the limits it was counted with (the briefing's text names them);
    # without limits given, the station's own.
    assert found.first_contact_limits == {"high": 4, "medium": 5, "low": 15}
    from desktop.domain.warnings import TimeLimits, set_time_limits

    set_time_limits(db, {level: TimeLimits(first_contact=limit, visit=200) for level, limit in
                         {"high": 4, "medium": 5, "low": 15}.items()})  # fmt: skip
    station = stats.warning_breakdown(db, NOVEMBER, None)
    assert station == found


def test_records_begin_with_the_first_talk_warning_or_campaign(db, city):
    assert stats.records_begin(db) == date(2026, 10, 20)  # w7 and 金牙社区's October talk


def test_an_empty_database_has_no_beginning(db):
    assert stats.records_begin(db) is None


def test_the_periods_compared_with():
    """同比 compares with the same days a year before, 环比 with the period just before: the
    previous month, quarter or year, else as many days."""
    Period = stats.Period  # noqa: N806 - the class, named as the module names it
    november, q4, year = Period.month(2026, 11), Period.quarter(2026, 4), Period.year(2026)
    assert (november.kind, november.previous(), november.year_before()) == (
        "month", Period.month(2026, 10), Period.month(2025, 11)
    )  # fmt: skip
    assert Period.month(2026, 1).previous() == Period.month(2025, 12)
    assert Period.month(2026, 12).following() == Period.month(2027, 1)
    assert (q4.kind, q4.previous(), q4.year_before(), q4.following()) == (
        "quarter", Period.quarter(2026, 3), Period.quarter(2025, 4), Period.quarter(2027, 1)
    )  # fmt: skip
    assert Period.quarter(2026, 1).previous() == Period.quarter(2025, 4)
    assert (year.kind, year.previous(), year.year_before()) == (
        "year", Period.year(2025), Period.year(2025)
    )  # fmt: skip
    ten_days = Period(date(2026, 11, 21), date(2026, 11, 30))
    assert (ten_days.kind, ten_days.days) == ("days", 10)
    assert ten_days.previous() == Period(date(2026, 11, 11), date(2026, 11, 20))
    assert ten_days.following() == Period(date(2026, 12, 1), date(2026, 12, 10))
    assert ten_days.year_before() == Period(date(2025, 11, 21), date(2025, 11, 30))
    # February of a leap year is a month; 29 February a year before is the 28th.
    leap = Period(date(2028, 2, 1), date(2028, 2, 29))
    assert leap.kind == "month" and leap.year_before() == Period.month(2027, 2)
    assert Period(date(2028, 2, 29), date(2028, 3, 1)).year_before() == Period(
        date(2027, 2, 28), date(2027, 3, 1)
    )
    # Almost a quarter is not one.
    assert Period(date(2026, 10, 1), date(2026, 12, 30)).kind == "days"


@pytest.mark.parametrize("figure", ["dissuaded", "dissuasion_rate", "money_protected",
                                    "warnings_open", "bank_saved", "talks_held",
                                    "first_contact_median"])  # fmt: skip
def test_a_ranking_gives_each_area_its_own_figure(db, city, figure):
    """Ranked by a figure of the warnings pass, every area's value comes from one pass over
    the period grouped by area: the same value its own figures give."""
    for parent in (None, city["fengshan"], city["town"]):
        for item in stats.ranking(db, NOVEMBER, figure, parent_id=parent):
            own = stats.compute_figures(db, NOVEMBER, item.area_id, today=LATER)[figure]
            assert item.value == own, (parent, item)
    devices = [db.device_id]
    for item in stats.ranking(db, NOVEMBER, figure, devices=devices):
        own = stats.compute_figures(db, NOVEMBER, item.area_id, devices=devices)[figure]
        assert item.value == own, item
    assert stats.ranking(db, NOVEMBER, figure, devices=["another laptop"])[0].value in (0, None)


@pytest.fixture(scope="module")
def demo_city(tmp_path_factory):
    """The demo's city, with its persons abroad (the hand-made city above has none)."""
    from desktop.db.opening import open_database
    from desktop.demo import generate_demo

    database = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    generate_demo(database, today=date(2026, 11, 25))
    yield database
    database.close()


@pytest.mark.parametrize(
    "period", [stats.Period.year(2026), stats.Period.month(2026, 10)], ids=["year", "month"]
)
def test_an_annex_reads_the_return_figures_of_all_its_areas_at_once(demo_city, period):
    """figures_by_area adds up one reading of the whole; each area computed alone agrees."""
    database = demo_city
    keys = [figure.key for figure in stats.RETURN_FIGURES] + ["warnings_received"]
    county = database.scalar("SELECT id FROM areas WHERE level = 'county' ORDER BY code LIMIT 1")
    checked = 0
    for parent in (None, county):
        for area_id, _name, figures in stats.figures_by_area(database, period, keys,
                                                             parent_id=parent):  # fmt: skip
            alone = stats.compute_figures(database, period, area_id, only=keys)
            assert {key: figures[key] for key in keys} == {key: alone[key] for key in keys}
            checked += bool(alone["returns_on_ledger"])
    assert checked >= 3  # areas with persons abroad were compared, not only empty ones


@pytest.mark.parametrize(
    "period", [stats.Period.year(2026), stats.Period.month(2026, 11)], ids=["year", "month"]
)
def test_a_ranking_grouped_for_its_figure_agrees_with_each_areas_own_figures(demo_city, period):
    """A ranking by a figure of the warnings pass groups the warnings by area and only what
    that figure is made of (``_MADE_OF``): every such figure agrees with each area's figures
    computed alone, and every single figure of the pass is named there."""
    database = demo_city
    single = {key for key, value in stats._fold_warnings([], [], []).items()
              if not isinstance(value, dict) and not key.startswith(("first_contact", "first_visit"))}  # fmt: skip
    assert set(stats._MADE_OF) == single
    county = database.scalar("SELECT id FROM areas WHERE level = 'county' ORDER BY code LIMIT 1")
    for figure in stats._MADE_OF:
        differ = set()
        for parent in (None, county):
            for item in stats.ranking(database, period, figure, parent_id=parent):
                alone = stats.compute_figures(database, period, item.area_id, only=[figure])
                assert item.value == alone[figure], (figure, parent, item)
                differ.add(repr(item.value))
        assert len(differ) > 1, figure  # the areas differ: the figure was really compared


def test_every_figure_is_read_in_two_halves_at_once_and_a_few_one_after_the_other(
    demo_city, monkeypatch
):
    """All the figures: the warnings pass and the rest on two connections at once; they are
    those one connection reads one after the other, in the same order. A few figures are
    read on the caller's connection alone."""
    from desktop.db import parallel

    database, year = demo_city, stats.Period.year(2026)
    seconds: list[object] = []
    read_both = parallel.read_both

    def watched(on, first, second):
        def on_second(reading):
            if second.__name__ == "the_rest":  # not the warnings pass's own two halves
                seconds.append(reading)
            return second(reading)

        return read_both(on, first, on_second)

    monkeypatch.setattr(stats, "read_both", watched)
    at_once = stats.compute_figures(database, year)
    assert len(seconds) == 1 and seconds[0] is not database
    stats.compute_figures(database, year, only=["dissuaded", "talks_held"])
    assert len(seconds) == 1  # a few figures: no second connection
    database.conn.execute("BEGIN")  # one connection: what it has not committed counts
    try:
        one_after_the_other = stats.compute_figures(database, year)
    finally:
        database.conn.rollback()
    assert len(seconds) == 2 and seconds[1] is database
    assert list(at_once.items()) == list(one_after_the_other.items())
    assert at_once["warnings_received"] and at_once["talks_held"] and at_once["card_sellers_new"]
    assert at_once["first_contact_median"] is not None


@pytest.mark.parametrize(
    "period", [stats.Period.year(2026), stats.Period.month(2026, 11)], ids=["year", "month"]
)
def test_the_citys_groups_and_response_times_read_at_once_are_those_read_together(
    demo_city, period
):
    """The whole city's warnings pass: its groups and its response times on two connections
    at once (from warnings_groups or month by month, and warnings_minutes); an area's groups
    and times read together in one pass agree with them."""
    database = demo_city
    whole = stats._warning_figures(database, period, None)
    assert whole["first_contact_median"] is not None and whole["first_visit_p90"] is not None
    database.conn.execute("BEGIN")  # on one connection, one pass after the other
    try:
        assert stats._warning_figures(database, period, None) == whole
    finally:
        database.conn.rollback()
    # every area's warnings read with their times in one pass: the same figures
    every_area = [row["id"] for row in database.query("SELECT id FROM areas")]
    assert stats._warning_figures(database, period, every_area) == whole
