"""The figures of return persuasion (劝返) against a small ledger worked out by hand, and the
monthly county ranking by 劝返率."""

from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.figures import BY_KEY, RETURN_FIGURES, format_value
from desktop.domain import areas as area_store
from desktop.domain import return_cases as returns
from desktop.domain import statistics as stats

CST = timezone(timedelta(hours=8))
NOVEMBER = stats.Period.month(2026, 11)
TODAY = date(2026, 12, 15)  # November is over
_people = iter(range(10_000))


@pytest.fixture
def ledger(db):
    """Two counties: 凤山县 (registration of six, the residence of one of 宜州区's) and 宜州区."""
    ids = {}
    ids["fengshan"] = area_store.add_area(db, name="凤山县", level="county", code="451223")
    town = area_store.add_area(db, name="凤城镇", level="township", parent_id=ids["fengshan"])
    ids["c1"] = area_store.add_area(db, name="坡心村", level="community", parent_id=town)
    ids["yizhou"] = area_store.add_area(db, name="宜州区", level="county", code="451203")
    town2 = area_store.add_area(db, name="庆远镇", level="township", parent_id=ids["yizhou"])
    ids["c3"] = area_store.add_area(db, name="城东社区", level="community", parent_id=town2)

    def person(area, listed, deadline=None, residence=None, **steps):
        case_id = returns.list_person(
            db,
            {"name": "覃某某", "mobile": f"139{next(_people):08d}", "area_id": ids[area],
             "residence_area_id": ids[residence] if residence else None,
             "location": "cambodia", "lead_source": "upper_level", "category": "high_risk",
             "listed_on": listed, "deadline_on": deadline},
            today=TODAY,
        )  # fmt: skip
        for status, extra in steps.items():
            returns.record_step(db, case_id, status, today=TODAY, **extra)
        return case_id

    # 凤山县, registration of each:
    # a: listed in September, returned 2026-11-10 (61 days), closed 2026-11-20
    person("c1", "2026-09-10", returned={"on": "2026-11-10"},
           closed={"on": "2026-11-20", "close_reason": "review_done"})  # fmt: skip
    # b: listed in October, deadline 2026-10-31 passed, never returned, no contact: overdue,
    #    out of touch
    ids["b"] = person("c1", "2026-10-01", "2026-10-31")
    # c: listed 2026-11-05, returned 2026-11-25 (20 days)
    person("c1", "2026-11-05", returned={"on": "2026-11-25"})
    # d: listed 2026-11-12, not returned, deadline 2026-12-31 (not overdue), listed less than
    #    30 days before the end: not out of touch
    person("c1", "2026-11-12", "2026-12-31")
    # e: closed before November (never left): not on the ledger at the start
    person("c1", "2026-08-01", closed={"on": "2026-10-15", "close_reason": "never_left"})
    # f: listed in September, deadline passed, the family reached on 2026-11-20: overdue,
    #    not out of touch
    ids["f"] = person("c1", "2026-09-01", "2026-10-31")
    returns.record_contact(db, ids["f"], party="family", method="family_visit", result="met",
                           at=datetime(2026, 11, 20, 10, tzinfo=CST),
                           now=datetime(2026, 12, 1, tzinfo=CST))  # fmt: skip
    # g: listed in December: not in November's figures
    person("c1", "2026-12-02")
    # 宜州区: one person, who lived in 凤山县's 坡心村 before leaving; counted for 宜州区 only.
    # listed 2026-10-20, returned 2026-11-02 (13 days)
    person("c3", "2026-10-20", residence="c1", returned={"on": "2026-11-02"})
    return ids


def test_every_figure_of_a_month_by_hand(db, ledger):
    got = stats.compute_figures(db, NOVEMBER, ledger["fengshan"], today=TODAY)
    # at the start (1 Nov): a, b, f; added: c, d; returned: a, c
    assert got["returns_on_ledger"] == 4  # b, c, d, f (a closed 20 Nov)
    assert got["returns_added"] == 2
    assert got["returns_returned"] == 2
    assert got["return_rate"] == round(100 * 2 / (3 + 2), 1)
    assert got["returns_closed"] == 1
    assert got["returns_overdue"] == 2  # b and f
    assert got["returns_out_of_touch"] == 1  # b
    assert got["return_days_median"] == 20  # of 61 and 20, the lower middle
    whole = stats.compute_figures(db, NOVEMBER, today=TODAY)
    assert whole["returns_returned"] == 3 and whole["returns_on_ledger"] == 5
    # 失联 read both ways: the city's window of contacts at once, an area's entry by entry.
    assert whole["returns_out_of_touch"] == got["returns_out_of_touch"] == 1
    yizhou = stats.compute_figures(db, NOVEMBER, ledger["yizhou"], today=TODAY)
    assert (yizhou["returns_added"], yizhou["returns_returned"], yizhou["return_rate"]) == (
        0, 1, 100.0,
    )  # fmt: skip
    # counted once: by registration, never also where the person lived
    assert got["returns_returned"] + yizhou["returns_returned"] == whole["returns_returned"]


def test_a_step_recorded_late_counts_on_its_real_day(db, ledger):
    returns.record_step(db, ledger["b"], "returned", on="2026-11-28", today=TODAY)
    got = stats.compute_figures(db, NOVEMBER, ledger["fengshan"], today=TODAY)
    assert (got["returns_returned"], got["returns_overdue"], got["returns_out_of_touch"]) == (
        3, 1, 0,
    )  # fmt: skip


def test_a_running_period_takes_the_ledger_as_of_today(db, ledger):
    december = stats.Period.month(2026, 12)
    early = stats.compute_figures(db, december, ledger["fengshan"], today=date(2026, 12, 1))
    assert early["returns_on_ledger"] == 4  # g is listed on the 2nd
    assert early["return_rate"] == 0.0 and early["return_days_median"] is None


def test_figures_of_nobody_are_unknown_rates_not_zero(db):
    got = stats.compute_figures(db, NOVEMBER, today=TODAY, only=[f.key for f in RETURN_FIGURES])
    assert set(got) == {figure.key for figure in RETURN_FIGURES}
    assert got["return_rate"] is None and got["returns_on_ledger"] == 0
    assert format_value(BY_KEY["return_rate"], None) == "—"


def test_the_monthly_county_ranking_by_return_rate_shares_ranks(db, ledger):
    ranked = stats.monthly_return_ranking(db, 2026, 11)
    assert [(r.rank, r.name, r.value) for r in ranked] == [
        (1, "宜州区", 100.0),
        (2, "凤山县", 40.0),
    ]
    returns.record_step(db, ledger["b"], "returned", on="2026-11-28", today=TODAY)
    returns.record_step(db, ledger["f"], "returned", on="2026-11-29", today=TODAY)
    # 凤山县: returned a, b, c, f of a, b, f + c, d: 80%; a tie would share the rank
    ranked = stats.monthly_return_ranking(db, 2026, 11)
    assert [(r.rank, r.value) for r in ranked] == [(1, 100.0), (2, 80.0)]
    tied = stats.rank_values([("a", "甲", 50.0), ("b", "乙", 50.0), ("c", "丙", 10.0)])
    assert [r.rank for r in tied] == [1, 1, 3]


def test_every_return_figure_has_a_written_definition_in_both_languages():
    for figure in RETURN_FIGURES:
        assert figure.group == "returns" and BY_KEY[figure.key] is figure
        assert figure.definition and figure.definition_zh and figure.name_zh


@pytest.mark.parametrize("devices", [[], None])
def test_the_figures_of_laptops_count_what_they_entered(db, ledger, devices):
    got = stats.compute_figures(db, NOVEMBER, today=TODAY, devices=devices)
    assert got["returns_added"] == (0 if devices == [] else 2)
