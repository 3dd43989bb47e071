"""The briefing's 劝返 and 两卡 paragraphs and annexes against a small database whose answers
are worked out by hand (never by the functions that compute them).

凤山县 (凤城镇 > 坡心村) and 宜州区 (庆远镇 > 城东社区); November 2026, "today" 2027-01-10.
Persons abroad (registration area, listed, deadline, what became of them):
  凤山县 p1 listed 10-05, returned 11-10 (on the ledger still: not closed off)
         p2 listed 11-03, deadline 11-20, never returned: past the deadline
         p3 listed 09-01, closed off 11-15 (found never to have left)
         p4 listed 09-15, deadline 12-31, no contact at all: out of touch
  → at November's start p1, p3, p4 (3), added p2 (1), returned p1 (1): 劝返率 1 ÷ 4 = 25.0%;
    closed 1; on the ledger at its end p1, p2, p4 (3); past the deadline p2 (1); out of touch
    p4 (1).
  宜州区 q1 listed 10-01, returned 11-05: 1 ÷ 1 = 100.0%, first; 凤山县 second of two.
Card sellers (坡心村): listed 2025-11-01 (one); 2026-10-03, 10-04, 10-05, 10-06 (four);
  2026-11-02 c1 (3 bank cards at 农行凤城支行, opened locally, interviewed 11-10, restricted
  11-20) and 11-12 c2 (1 phone card at 电信凤城营业厅).
  → November: 2 new (同比 1 → 上升100.0%, 环比 4 → 下降50.0%), 1 opened locally, 约谈率 50.0%,
    惩戒 1, 移交 0; outlets 农行凤城支行 (3 cards), 电信凤城营业厅 (1).
"""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from desktop.core.validate import id_number_check_digit
from desktop.domain import areas as area_store
from desktop.domain import card_sellers as card_store
from desktop.domain import return_cases as returns
from desktop.domain.statistics import Period
from desktop.reports.briefing import build_briefing
from desktop.reports.briefing_issue import Distribution
from desktop.reports.briefing_text import CUTS, compose_issue, read_facts
from desktop.reports.documents import briefing_data, compose_briefing

TODAY = date(2027, 1, 10)
NOVEMBER = Period.month(2026, 11)
DEFINITION = "期内已回国人数÷（期初在册人数+期内新增人数）"


def _id(serial: int) -> str:
    first17 = f"45122319900101{serial:03d}"
    return first17 + id_number_check_digit(first17)


@pytest.fixture
def city(db):
    def add(name, level, parent=None):
        return area_store.add_area(db, name=name, level=level, parent_id=parent)

    ids = {"fengshan": add("凤山县", "county")}
    ids["poxin"] = add("坡心村", "community", add("凤城镇", "township", ids["fengshan"]))
    ids["yizhou"] = add("宜州区", "county")
    ids["east"] = add("城东社区", "community", add("庆远镇", "township", ids["yizhou"]))
    serial = iter(range(1, 100))

    def abroad(area, listed, deadline=None):
        n = next(serial)
        values = {"name": f"罗某{n}", "mobile": f"138000000{n:02d}", "id_number": _id(n),
                  "location": "myanmar_north", "lead_source": "upper_level",
                  "category": "high_risk", "listed_on": listed, "area_id": ids[area]}  # fmt: skip
        if deadline:
            values["deadline_on"] = deadline
        return returns.list_person(db, values, today=listed)

    p1 = abroad("fengshan", date(2026, 10, 5))
    returns.record_step(db, p1, "returned", on=date(2026, 11, 10), port_of_entry="磨憨",
                        today=TODAY)  # fmt: skip
    abroad("fengshan", date(2026, 11, 3), date(2026, 11, 20))
    p3 = abroad("fengshan", date(2026, 9, 1))
    returns.record_step(db, p3, "closed", on=date(2026, 11, 15), close_reason="never_left",
                        today=TODAY)  # fmt: skip
    abroad("fengshan", date(2026, 9, 15), date(2026, 12, 31))
    q1 = abroad("yizhou", date(2026, 10, 1))
    returns.record_step(db, q1, "returned", on=date(2026, 11, 5), port_of_entry="凭祥",
                        today=TODAY)  # fmt: skip

    def seller(listed, **values):
        n = next(serial)
        return card_store.add_card_seller(db, {
            "name": f"韦某{n}", "mobile": f"139000000{n:02d}", "id_number": _id(n),
            "area_id": ids["poxin"], "card_kind": "bank_card", "source": "upper_level",
            "listed_on": listed, **values,
        }, today=TODAY)  # fmt: skip

    seller(date(2025, 11, 1))
    for day in (3, 4, 5, 6):
        seller(date(2026, 10, day))
    c1 = seller(date(2026, 11, 2), card_count=3, outlet="农行凤城支行", opened_locally=True)
    card_store.record_step(db, c1, "interviewed", date(2026, 11, 10), today=TODAY)
    card_store.record_step(db, c1, "restricted", date(2026, 11, 20), restricted_to="人民银行",
                           today=TODAY)  # fmt: skip
    seller(date(2026, 11, 12), card_kind="phone_card", card_count=1, outlet="电信凤城营业厅")
    return ids


def _text(issue) -> str:
    return "".join(p.text for section in issue.sections for p in section.paragraphs)


def _paragraph(issue, lead: str) -> str:
    [text] = [p.text for s in issue.sections for p in s.paragraphs if lead in p.lead]
    return text


def _issue(db, area_id=None, period=NOVEMBER, shorter=0):
    facts = read_facts(db, period, area_id, today=TODAY)
    return compose_issue(facts, name="反诈工作简报", unit="凤山县公安局", year=2027, number=1,
                         issued_on=TODAY, distribution=Distribution(), shorter=shorter)  # fmt: skip


def test_a_countys_paragraph_on_return_persuasion_and_its_place(db, city):
    text = _paragraph(_issue(db, city["fengshan"]), "劝返工作")
    assert text == (
        "在册滞留境外涉诈人员（按户籍地）3人，其中超期未归1人、失联1人；本月新增1人，"
        f"已回国1人，销账1人，劝返率25.0%（{DEFINITION}），在全辖区2个县（区）中居第2名。"
    )


def test_the_citys_paragraph_names_the_county_first_by_return_rate(db, city):
    text = _paragraph(_issue(db), "劝返工作")
    # Both counties: on the ledger 3 + 1 (q1 returned, not closed off), added 1, returned 2.
    assert text.startswith("在册滞留境外涉诈人员（按户籍地）4人，其中超期未归1人、失联1人；")
    assert f"已回国2人，销账1人，劝返率40.0%（{DEFINITION}）。" in text
    assert text.endswith("各县（区）中，宜州区劝返率居首（100.0%）。")


def test_the_card_sellers_paragraph_says_which_way_the_figure_went(db, city):
    text = _paragraph(_issue(db, city["fengshan"]), "两卡")
    assert text == (
        "本月新增涉“两卡”人员2人，同比上升100.0%，环比下降50.0%，其中本地开户1人，"
        "约谈率50.0%；惩戒1人，移交打击0人。开卡较多的网点为农行凤城支行（3张）、"
        "电信凤城营业厅（1张），列为警银联动约谈重点。"
    )


def test_the_ledger_paragraphs_follow_the_order_of_their_annexes(db, city):
    issue = _issue(db, city["fengshan"])
    leads = [p.lead for s in issue.sections for p in s.paragraphs]
    cards = next(i for i, lead in enumerate(leads) if "两卡" in lead)
    returns = next(i for i, lead in enumerate(leads) if "劝返工作" in lead)
    assert cards + 1 == returns  # 附件4 两卡, then 附件5 劝返


def test_outlets_with_one_card_each_are_not_called_the_ones_with_most(db, city):
    import dataclasses

    facts = read_facts(db, NOVEMBER, city["fengshan"], today=TODAY)
    single = dataclasses.replace(
        facts, outlets=tuple(dataclasses.replace(o, cards=1) for o in facts.outlets)
    )
    issue = compose_issue(single, name="反诈工作简报", unit="凤山县公安局", year=2027, number=1,
                          issued_on=TODAY, distribution=Distribution())  # fmt: skip
    text = _paragraph(issue, "两卡")
    assert "开卡网点为农行凤城支行（1张）" in text and "较多" not in text


def test_an_area_without_such_records_says_so_in_one_sentence(db, city):
    issue = _issue(db, city["yizhou"], Period.month(2026, 6))
    assert _paragraph(issue, "劝返工作") == "本月辖区无在册劝返对象，无新增、回国和销账。"
    assert _paragraph(issue, "两卡") == "本月无新增涉“两卡”人员，无惩戒和移交打击记录。"


def _pdf_text(db, area_id, period=NOVEMBER) -> str:
    data = briefing_data(db, period, area_id)
    out = io.BytesIO()
    build_briefing(out, compose_briefing(db, period, area_id, data), data)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(out.getvalue())).pages]
    return [re.sub(r"\s+", "", page) for page in pages]


def test_the_annexes_rank_the_counties_and_count_the_cards_by_area(db, city):
    pages = _pdf_text(db, city["fengshan"])
    [returns_page] = [page for page in pages if page.startswith("附件5")]
    # 名次, 县（区）, 在册, 新增, 已回国, 劝返率, 销账, 超期未归, 失联
    assert "1宜州区101100.0%000" in returns_page
    assert "2凤山县31125.0%111" in returns_page
    assert "数值相同名次并列" in returns_page and "口径：在册人数" in returns_page
    [cards_page] = [page for page in pages if page.startswith("附件4")]
    # 凤城镇: new 2, opened locally 1, interview rate 50.0%, restricted 1, handed over 0
    assert "凤城镇2150.0%10" in cards_page
    assert "农行凤城支行13" in cards_page and "电信凤城营业厅11" in cards_page
    assert "口径：新增涉“两卡”人员" in cards_page


def test_an_empty_month_prints_a_sentence_instead_of_tables_of_zeros(db, city):
    pages = _pdf_text(db, None, Period.month(2026, 6))
    [returns_page] = [page for page in pages if page.startswith("附件5")]
    [cards_page] = [page for page in pages if page.startswith("附件4")]
    assert "期内各地均无劝返对象，不作排名。" in returns_page and "名次" not in returns_page
    assert "期内无涉“两卡”人员记录。" in cards_page and "约谈率" not in cards_page


# What the last of CUTS leave out (each said again in 附件4 or 附件5).
LEDGER_CUT_WORDS = {
    "outlets": "开卡较多的网点为",
    "return_states": "其中超期未归",
    "return_rank": "中居第2名",
}


def test_a_shorter_text_leaves_out_what_the_ledger_annexes_say(db, city):
    assert tuple(LEDGER_CUT_WORDS) == CUTS[-len(LEDGER_CUT_WORDS) :]
    for shorter in range(len(CUTS) - len(LEDGER_CUT_WORDS), len(CUTS) + 1):
        text = _text(_issue(db, city["fengshan"], shorter=shorter))
        for cut, words in LEDGER_CUT_WORDS.items():
            assert (words in text) == (CUTS.index(cut) >= shorter), (shorter, cut)
    # The definition of 劝返率 is never cut: a rate means nothing without it.
    assert DEFINITION in text


def test_the_annex_ranks_as_the_months_county_ranking_with_shared_ranks(db, city):
    from desktop.domain import statistics

    # A third county whose one person abroad came back too: 100.0%, as 宜州区.
    donglan = area_store.add_area(db, name="东兰县", level="county")
    listed = date(2026, 10, 1)
    case = returns.list_person(db, {
        "name": "黄某", "mobile": "13700000077", "id_number": _id(77), "location": "laos",
        "lead_source": "family_report", "category": "other", "listed_on": listed, "area_id": donglan,
    }, today=listed)  # fmt: skip
    returns.record_step(db, case, "returned", on=date(2026, 11, 20), today=TODAY)
    data = briefing_data(db, NOVEMBER, city["fengshan"])
    assert data.returns_ranked == statistics.monthly_return_ranking(db, 2026, 11)
    ranks = {item.name: item.rank for item in data.returns_ranked}
    assert ranks == {"宜州区": 1, "东兰县": 1, "凤山县": 3}
    text = _paragraph(_issue(db, city["fengshan"]), "劝返工作")
    assert text.endswith("，在全辖区3个县（区）中居第3名。")
    city_text = _paragraph(_issue(db), "劝返工作")
    assert "劝返率居首（100.0%）。" in city_text and "宜州区" in city_text
    assert "东兰县" in city_text
