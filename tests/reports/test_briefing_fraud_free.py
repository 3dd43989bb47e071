"""The briefing's 无诈社区 paragraph and annex against a small database whose answers are worked
out by hand (never by the functions that compute them).

凤山县 (凤城镇 > 坡心村 320 households, 城北社区 no count, 新村 80 households) and 宜州区 (庆远镇 >
城东社区 100 households); November 2026, "today" 2027-01-10.
  Plaques: 坡心村 awarded 11-01, 城东社区 awarded 10-15 (both standing at November's end).
  November's visits: 坡心村 300 visited, 200 at home, 60 + 100 with the app;
                     城北社区 50 visited, 40 at home, 20 + 10; 城东社区 120 visited (more than its
                     100 households), 90 at home, 45 + 27.
  → 凤山县: 1 of 3 created, 33.3%; 350 households visited; coverage (300 + 0) ÷ (320 + 80) =
    75.0% (城北社区 has no count); app (160 + 30) ÷ (200 + 40) = 79.2%.
    宜州区: 1 of 1, 100.0%; 120 visited; coverage min(120, 100) ÷ 100 = 100.0%; app 72 ÷ 90 =
    80.0%. The ranking by share: 宜州区 first, 凤山县 second of two.
  → the city: 2 of 4, 50.0%; 470 visited; coverage 400 ÷ 500 = 80.0%; app 262 ÷ 330 = 79.4%.
"""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from desktop.domain import areas as area_store
from desktop.domain import community_visits as visits
from desktop.domain import fraud_free
from desktop.domain.statistics import Period
from desktop.reports.briefing import build_briefing
from desktop.reports.briefing_issue import Distribution
from desktop.reports.briefing_text import CUTS, compose_issue, read_facts
from desktop.reports.documents import briefing_data, compose_briefing

TODAY = date(2027, 1, 10)
NOVEMBER = Period.month(2026, 11)
LEAD = "无诈社区创建"


@pytest.fixture
def city(db):
    def add(name, level, parent=None):
        return area_store.add_area(db, name=name, level=level, parent_id=parent)

    ids = {"fengshan": add("凤山县", "county"), "yizhou": add("宜州区", "county")}
    town = add("凤城镇", "township", ids["fengshan"])
    ids["poxin"] = add("坡心村", "community", town)
    ids["chengbei"] = add("城北社区", "community", town)
    ids["xincun"] = add("新村", "community", town)
    ids["chengdong"] = add("城东社区", "community", add("庆远镇", "township", ids["yizhou"]))
    for area, households in (("poxin", 320), ("xincun", 80), ("chengdong", 100)):
        visits.set_households(db, ids[area], households)
    for area, day in (("poxin", "2026-11-01"), ("chengdong", "2026-10-15")):
        fraud_free.record_status(db, ids[area], "awarded", day, awarded_by="县综治办",
                                 correction_reason="验收会已通过，补录", today=TODAY)  # fmt: skip
    for area, visited, at_home, new, already in (
        ("poxin", 300, 200, 60, 100), ("chengbei", 50, 40, 20, 10),
        ("chengdong", 120, 90, 45, 27),
    ):  # fmt: skip
        visits.add_visit(
            db, {"area_id": ids[area], "visited_on": "2026-11-12", "households_visited": visited,
                 "households_at_home": at_home, "app_installed_new": new, "app_already": already},
            today=TODAY,
        )  # fmt: skip
    return ids


def _issue(db, area_id=None, period=NOVEMBER, shorter=0):
    facts = read_facts(db, period, area_id, today=TODAY)
    return compose_issue(facts, name="反诈工作简报", unit="凤山县公安局", year=2027, number=1,
                         issued_on=TODAY, distribution=Distribution(), shorter=shorter)  # fmt: skip


def _paragraph(issue, lead: str) -> str:
    [text] = [p.text for s in issue.sections for p in s.paragraphs if lead in p.lead]
    return text


def test_a_countys_paragraph_with_its_place_among_the_counties(db, city):
    assert _paragraph(_issue(db, city["fengshan"]), LEAD) == (
        "已授牌无诈社区1个，占村（社区）总数的33.3%，创建率在全辖区2个县（区）中居第2名；"
        "本月入户走访350户，走访覆盖率75.0%，反诈App安装率79.2%。"
    )


def test_the_citys_paragraph_names_the_county_first(db, city):
    assert _paragraph(_issue(db), LEAD) == (
        "已授牌无诈社区2个，占村（社区）总数的50.0%；本月入户走访470户，走访覆盖率80.0%，"
        "反诈App安装率79.4%。各县（区）中，宜州区无诈社区创建率居首（100.0%）。"
    )


def test_the_paragraph_follows_the_persons_abroad_as_its_annex_does(db, city):
    leads = [p.lead for s in _issue(db, city["fengshan"]).sections for p in s.paragraphs]
    returns = next(i for i, lead in enumerate(leads) if "劝返工作" in lead)
    assert LEAD in leads[returns + 1]  # 附件5 劝返, then 附件6 无诈社区


def test_nothing_in_the_period_is_one_short_sentence(db, city):
    # In June neither plaque stood yet and nobody went door to door.
    issue = _issue(db, city["yizhou"], Period.month(2026, 6))
    assert _paragraph(issue, LEAD) == "本月辖区无已授牌的无诈社区，无入户走访记录。"


def test_a_shorter_text_leaves_out_the_place_the_annex_shows(db, city):
    cut = CUTS.index("fraud_free_rank")
    assert "中居第2名" in _paragraph(_issue(db, city["fengshan"], shorter=cut), LEAD)
    text = _paragraph(_issue(db, city["fengshan"], shorter=cut + 1), LEAD)
    assert "中居第2名" not in text and "占村（社区）总数的33.3%；" in text
    city_text = _paragraph(_issue(db, shorter=cut + 1), LEAD)
    assert "居首" not in city_text


def _pdf_pages(db, area_id, period=NOVEMBER) -> list[str]:
    data = briefing_data(db, period, area_id)
    out = io.BytesIO()
    build_briefing(out, compose_briefing(db, period, area_id, data), data)
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(out).pages]


def test_the_annex_ranks_the_counties_with_their_figures(db, city):
    pages = _pdf_pages(db, city["fengshan"])
    [annex] = [page for page in pages if page.startswith("附件6")]
    # 名次, 县（区）, 无诈社区, 创建率, App安装率, 走访覆盖率, 走访户数
    assert "1宜州区1100.0%80.0%100.0%120" in annex
    assert "2凤山县133.3%79.2%75.0%350" in annex
    assert "数值相同名次并列" in annex and "口径：无诈社区，期末已授牌" in annex
    body = "".join(pages[: next(i for i, page in enumerate(pages) if page.startswith("附件1"))])
    assert "6．无诈社区创建情况（按创建率排名）" in body


def test_an_empty_month_prints_a_sentence_instead_of_a_table_of_zeros(db, city):
    pages = _pdf_pages(db, None, Period.month(2026, 6))
    [annex] = [page for page in pages if page.startswith("附件6")]
    assert "期内各地均无已授牌的无诈社区和入户走访记录，不作排名。" in annex
    assert "名次" not in annex
