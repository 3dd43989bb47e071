"""The Reports screen's fraud-free figures, its ranking of the counties by the share of their
communities created, and the fraud-free printouts in its Ledgers menu."""

from datetime import timedelta

from desktop.core import clock
from desktop.domain import areas as area_store
from desktop.domain import community_visits as visits
from desktop.domain import fraud_free


def _settle(page, qtbot):
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)


def _records(database) -> dict[str, str]:
    """金城江区: 新建社区 (200 households) awarded, 80 visited today (60 at home, 45 with the
    app); 宜州区's one community not taking part: 金城江区 100.0% and first, 宜州区 0.0%."""
    today = clock.today()
    community = database.scalar("SELECT id FROM areas WHERE name = '新建社区'")
    other = area_store.add_area(database, name="宜州区", level="county", code="451203")
    town = area_store.add_area(database, name="庆远镇", level="township", parent_id=other)
    area_store.add_area(database, name="城东社区", level="community", parent_id=town)
    visits.set_households(database, community, 200)
    fraud_free.record_status(
        database, community, "awarded", today - timedelta(days=1) if today.day > 1 else today,
        awarded_by="县综治办", correction_reason="补录", today=today,
    )  # fmt: skip
    visits.add_visit(
        database, {"area_id": community, "visited_on": today, "households_visited": 80,
                   "households_at_home": 60, "app_installed_new": 15, "app_already": 30},
        today=today,
    )  # fmt: skip
    return {"community": community}


def test_reports_show_the_fraud_free_figures_and_rank_by_share_created(window, qtbot):
    _records(window.database)
    page = window.show_page("reports")
    today = clock.today()
    page.set_period("month", today.year, today.month)
    page.rank_by.setCurrentIndex(page.rank_by.findData("fraud_free_share"))
    page.reload()
    _settle(page, qtbot)
    texts = {page.figures.item(row, 0).text(): page.figures.item(row, 1).text()
             for row in range(page.figures.rowCount())}  # fmt: skip
    # Two communities on record, one with its plaque; 80 of 200 households; 45 of 60.
    assert texts["Fraud-free communities"] == "1"
    assert texts["Share of communities fraud-free"] == "50.0%"
    assert texts["Household visit coverage"] == "40.0%"
    assert texts["Anti-fraud app installation"] == "75.0%"
    assert texts["Households visited"] == "80"
    ranked = [(page.ranking.item(row, 1).text(), page.ranking.item(row, 2).text())
              for row in range(page.ranking.rowCount())]  # fmt: skip
    assert ranked == [("金城江区", "100.0%"), ("宜州区", "0.0%")]


def test_the_fraud_free_printouts_print_from_the_ledgers_menu(window, qtbot):
    ids = _records(window.database)
    page = window.show_page("reports")
    titles = [action.text() for action in page.ledgers_menu.actions()]
    assert titles[3:] == [
        "Board of fraud-free communities", "Assessment sheets", "Door-to-door tally sheet",
        "Trend of fraud-free communities",
    ]  # fmt: skip
    page.area.set_area_id(ids["community"])
    for name in ("fraud-free-board", "fraud-free-sheet", "visit-tally", "fraud-free-trend"):
        preview = page.print_requested(name)
        qtbot.addWidget(preview)
        qtbot.waitUntil(lambda preview=preview: preview.path is not None, timeout=30_000)
        assert preview.document.pageCount() == 1, name


def test_the_charts_show_the_fraud_free_trend_of_the_last_twelve_months(window, qtbot):
    _records(window.database)
    page = window.show_page("reports")
    today = clock.today()
    page.set_period("month", today.year, today.month)
    page.reload()
    _settle(page, qtbot)
    trend = page.data["fraud_free_trend"]
    assert len(trend) == 12 and trend[-1]["month"] == f"{today:%Y-%m}"
    # This month: one of two communities with its plaque, 80 of 200 households, 45 of 60.
    assert {key: trend[-1][key] for key in ("fraud_free_share", "visit_coverage",
                                            "app_installation_rate")} == {
        "fraud_free_share": 50.0, "visit_coverage": 40.0, "app_installation_rate": 75.0,
    }  # fmt: skip
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.data["svgs"] is not None, timeout=20_000)
    titles = [svg.decode("utf-8") for svg in page.data["svgs"]]
    drawn = [svg for svg in titles if "各月无诈社区创建率" in svg]
    assert len(drawn) == 1 and "入户走访覆盖率" in drawn[0]
    assert f"{trend[0]['month'][:4]}年" in drawn[0]  # the first month names its year
    qtbot.waitUntil(lambda: page.charts_layout.count() >= len(titles))
