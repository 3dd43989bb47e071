"""The briefing's text against a small database whose answers are worked out by hand.

The jurisdiction: 凤山县 (凤城镇 > 坡心村, 金牙社区) and 宜州区 (庆远镇 > 城东社区). Recording
began on 2025-01-01 (10 posters in 坡心村), so every period from then on is compared in full;
before it there is nothing to compare with. "Today" is 2027-02-15: every period below is over.

Held talks (people):
  2025-01-10 坡心村 50
  2025-11-05 坡心村 200, 11-06 坡心村 200, 11-07 城东社区 200, 11-08 金牙社区 200
  2026-08-10 坡心村 300
  2026-10-08 金牙社区 100, 10-15 坡心村 100
  2026-11-03 坡心村 1,200 (a large talk, 300 handouts), 11-17 坡心村 80 (50 handouts),
             11-20 城东社区 120
Warnings (community, source, level, first contact after, outcome, money):
  2025-11: u1 坡心村 dissuaded 1.5万, u2 坡心村 dissuaded 0.5万, u3 金牙社区 defrauded,
           u4 金牙社区 false alarm — all in 凤山县
  2026-08-05 x1 坡心村 dissuaded 3万; 2026-09-01 x2 坡心村 defrauded
  2026-10: v1 坡心村 dissuaded 2万, v2 金牙社区 dissuaded 2万, v3 金牙社区 dissuaded 1万,
           v4 城东社区 unreachable
  2026-11: w1 坡心村 bank high, phone +5 min, met +40 min, dissuaded 5.2万 (investment)
           w2 坡心村 platform medium, +45 min (late: medium's limit is 30), dissuaded 1万
              (investment)
           w3 城东社区 platform high, +3 min, defrauded after the warning 3万, 1万 stopped
              (posing as police)
           w4 城东社区 platform low, +15 min, false alarm (no fraud type)
           w5 金牙社区 telecom high, still open, no contact (investment)
  w1's and w2's follow-ups fall due 11-06, 11-12, 11-21, 11-27; the first two are done.
Campaigns: 2025-01-01 坡心村 10 posters; 2026-11-03 坡心村 500 text messages.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

import pytest

from desktop.core.figures import BY_KEY
from desktop.db.records import insert_record
from desktop.domain import areas as area_store
from desktop.domain import follow_ups as follow_up_store
from desktop.domain import statistics
from desktop.domain import warnings as warning_store
from desktop.domain.statistics import Period
from desktop.reports.briefing_issue import SECTIONS, Distribution
from desktop.reports.briefing_text import CUTS, compose_issue, read_facts

CST = timezone(timedelta(hours=8))
TODAY = date(2027, 2, 15)
NOVEMBER = Period.month(2026, 11)
Q4 = Period.quarter(2026, 4)
YEAR = Period.year(2026)
# A line of print may not begin with these (the layout breaks lines; the text must not begin
# a paragraph with them either).
NOT_FIRST = "，。；：、）》」』！？,.;:!?)"


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CST)


@pytest.fixture
def city(db):
    ids = {}
    ids["fengshan"] = area_store.add_area(db, name="凤山县", level="county", code="451223")
    ids["town"] = area_store.add_area(
        db, name="凤城镇", level="township", parent_id=ids["fengshan"]
    )
    ids["poxin"] = area_store.add_area(db, name="坡心村", level="community", parent_id=ids["town"])
    ids["jinya"] = area_store.add_area(
        db, name="金牙社区", level="community", parent_id=ids["town"]
    )
    ids["yizhou"] = area_store.add_area(db, name="宜州区", level="county", code="451203")
    ids["town2"] = area_store.add_area(db, name="庆远镇", level="township", parent_id=ids["yizhou"])
    ids["east"] = area_store.add_area(
        db, name="城东社区", level="community", parent_id=ids["town2"]
    )

    def talk(area, day, people, handouts=None):
        insert_record(db, "talks", {
            "title": "反诈宣传", "starts_at": day.isoformat(),
            "ends_at": (day + timedelta(hours=1)).isoformat(), "area_id": ids[area],
            "status": "done", "actual_headcount": people, "handouts_given": handouts,
        })  # fmt: skip

    talk("poxin", at(2025, 1, 10), 50)
    for day, area in ((5, "poxin"), (6, "poxin"), (7, "east"), (8, "jinya")):
        talk(area, at(2025, 11, day), 200)
    talk("poxin", at(2026, 8, 10), 300)
    talk("jinya", at(2026, 10, 8), 100)
    talk("poxin", at(2026, 10, 15), 100)
    talk("poxin", at(2026, 11, 3), 1200, 300)
    talk("poxin", at(2026, 11, 17), 80, 50)
    talk("east", at(2026, 11, 20), 120)
    for day, kind, count in (("2025-01-01", "posters", 10), ("2026-11-03", "sms", 500)):
        insert_record(db, "campaigns", {"on_date": day, "kind": kind, "area_id": ids["poxin"],
                                        "count": count})  # fmt: skip
    mobiles = iter(f"138{n:08d}" for n in range(1, 100))

    def warning(area, received, outcome=None, *, source="platform", level="low", fraud=None,
                contact=None, **money):  # fmt: skip
        values = {"source": source, "level": level, "name": "罗某某", "mobile": next(mobiles),
                  "area_id": ids[area]}  # fmt: skip
        if fraud:
            values["fraud_type"] = fraud
        warning_id = warning_store.intake(db, values, now=received)
        if contact is not None:
            warning_store.record_contact(
                db, warning_id, method="phone", result="reached",
                at=received + timedelta(minutes=contact), now=received + timedelta(days=1),
            )  # fmt: skip
        if outcome:
            warning_store.close_warning(
                db, warning_id, outcome=outcome, now=received + timedelta(hours=3), **money
            )
        return warning_id

    warning("poxin", at(2025, 11, 3), "dissuaded", contact=5, amount_protected="1.5万")
    warning("poxin", at(2025, 11, 4), "dissuaded", contact=5, amount_protected="0.5万")
    warning("jinya", at(2025, 11, 10), "defrauded", contact=5, amount_lost="1万")
    warning("jinya", at(2025, 11, 12), "false_alarm", contact=5)
    warning("poxin", at(2026, 8, 5), "dissuaded", contact=5, amount_protected="3万")
    warning("poxin", at(2026, 9, 1), "defrauded", contact=5, amount_lost="2万")
    warning("poxin", at(2026, 10, 10), "dissuaded", contact=5, amount_protected="2万")
    warning("jinya", at(2026, 10, 12), "dissuaded", contact=5, amount_protected="2万")
    warning("jinya", at(2026, 10, 20), "dissuaded", contact=5, amount_protected="1万")
    warning("east", at(2026, 10, 22), "unreachable", contact=5)
    w1 = warning("poxin", at(2026, 11, 5), source="bank", level="high", fraud="investment",
                 contact=5)  # fmt: skip
    warning_store.record_contact(
        db, w1, method="visit", result="met", at=at(2026, 11, 5, 9, 40), now=at(2026, 11, 6)
    )
    warning_store.close_warning(db, w1, outcome="dissuaded", amount_protected="5.2万",
                                now=at(2026, 11, 5, 12))  # fmt: skip
    warning("poxin", at(2026, 11, 20), "dissuaded", level="medium", fraud="investment",
            contact=45, amount_protected="1万")  # fmt: skip
    warning("east", at(2026, 11, 14), "defrauded", level="high", fraud="impersonating_police",
            contact=3, amount_lost="3万", stop_payment_amount="1万")  # fmt: skip
    warning("east", at(2026, 11, 25), "false_alarm", contact=15)
    warning("jinya", at(2026, 11, 28), source="telecom", level="high", fraud="investment")
    november = [
        row["id"]
        for row in db.query(
            "SELECT id FROM follow_ups WHERE due_on >= '2026-11-01' ORDER BY due_on"
        )
    ]
    assert len(november) == 4
    for follow_up in november[:2]:  # due 11-06 and 11-12; 11-21 and 11-27 not done
        follow_up_store.complete_follow_up(db, follow_up, result="安全", now=at(2026, 11, 28))
    return ids


def _issue(db, period, area_id=None, shorter=0):
    facts = read_facts(db, period, area_id, today=TODAY)
    return compose_issue(facts, name="反诈工作简报", unit="凤山县公安局", year=2027, number=1,
                         issued_on=TODAY, distribution=Distribution(), shorter=shorter)  # fmt: skip


def _text(issue) -> str:
    return "".join(p.lead + p.text for section in issue.sections for p in section.paragraphs)


def _section(issue, key) -> str:
    [section] = [section for section in issue.sections if section.key == key]
    return "".join(p.lead + p.text for p in section.paragraphs)


def test_a_month_with_its_year_on_year_and_period_on_period(db, city):
    text = _text(_issue(db, NOVEMBER))
    # Talks 3 (Nov 2025: 4, Oct 2026: 2): −25.0% and +50.0%. People 1,400 (800, 200): +75.0%,
    # +600.0%. Coverage 2 of 3 = 66.7% (100.0%, 66.7%): 33.3 points down, level.
    assert "本月共开展反诈宣传活动3场，同比下降25.0%，环比上升50.0%" in text
    assert "其中千人以上宣传活动1场" in text
    assert "受教育群众1,400人次，同比上升75.0%，环比上升600.0%，发放宣传资料350份" in text
    assert "宣传覆盖2个村（社区），覆盖率66.7%，同比降低33.3个百分点，环比持平" in text
    # Warnings 5 (4, 4): +25.0% both; platform 3 of 5 = 60.0%; minutes 3, 5, 15, 45.
    assert "本月接收预警5条，同比上升25.0%，环比上升25.0%，其中反诈中心平台3条，占60.0%" in text
    assert "开展联系处置5次，首次联系用时中位数5分钟。" in text
    # Dissuaded 2 (2, 3): level, −33.3%; w1 met in person: 1 of 2. Rate 2 of w1–w3 = 66.7%
    # (66.7%, 3 of 4 = 75.0%): level, 8.3 points down.
    assert "成功劝阻2人次，同比持平，环比下降33.3%，其中见面劝阻1人次；" in text
    assert "劝阻成功率66.7%，同比持平，环比降低8.3个百分点" in text
    # Money protected 6.20万 (2.00万, 5.00万): +210.0%, +24.0%; the bank's 5.20万 is 83.9%.
    assert "避免群众损失6.20万元，同比上升210.0%，环比上升24.0%；紧急止付1.00万元" in text
    assert "警银联动拦截1起，挽回资金5.20万元，占83.9%" in text
    assert "发送预警短信500条" in text
    assert "到期回访4条，完成2条，完成率50.0%" in text
    # The counties by dissuaded: 凤山县 2 (w1, w2), 宜州区 0.
    assert "下辖县（区）中，凤山县成功劝阻居首（2人次）" in text
    # The opening gives no figure: the sections do.
    assert _section(_issue(db, NOVEMBER), "opening") == "现将2026年11月全辖区反诈工作情况通报如下。"
    assert "不作" not in text


def test_what_went_wrong_and_what_comes_next_come_from_the_figures(db, city):
    issue = _issue(db, NOVEMBER)
    problems, steps = _section(issue, "problems"), _section(issue, "next")
    # 金牙社区 had no talk in November; w2 was first contacted after its level's limit (1 of
    # the 4 contacted, 25.0%); two follow-ups are not done; w5 is open (one paragraph of how
    # warnings were handled); w3 was lost after the warning (3.00万 lost in all); the rate
    # fell 8.3 points on October (the rate itself is in 主要成效).
    assert problems == (
        "（一）宣传覆盖仍有空白。辖区3个村（社区）中，凤城镇金牙社区本月未开展宣传活动。"
        "（二）预警处置仍有短板。1条预警首次联系超过规定时限，占有联系记录预警的25.0%；"
        "到期回访中尚有2条未完成；接收的预警中尚有1条未结案。"
        "（三）预警后被骗仍有发生。本月发生预警后被骗1起；接收预警登记的群众被骗金额共3.00万元"
        "（含预警前已转出的）。"
        "（四）劝阻成功率有所下降。环比降低8.3个百分点。"
    )
    # Each step answers a problem, without repeating the names and numbers said above.
    assert steps == (
        "（一）补齐宣传空白。下月优先覆盖上述村（社区）。"
        "（二）提高预警处置质效。严格执行首次联系时限（高、中、低等级分别为10、30、120分钟），"
        "对超时预警逐条复盘；对未完成的回访尽快补访；对尚未结案的预警跟踪处置。"
        "（三）提升劝阻成效。对预警后被骗案件逐案倒查劝阻过程，逐条研判劝阻未成功的预警。"
        # Investment: w1, w2, w5 — 3 of 5. December is over on 2027-02-15: nothing planned.
        "（四）开展精准宣传。下月重点宣传防范预警最多的“虚假投资理财”类诈骗（3条，占60.0%）。"
    )


# What each of CUTS leaves out of November's text (all of it is said in the full text).
CUT_WORDS = {
    "channels": "发送预警短信500条",
    "planned": "另有取消1场",
    "limits": "（高、中、低等级分别为10、30、120分钟）",
    "rate_fell": "（四）劝阻成功率有所下降",
    "sources": "其中反诈中心平台3条",
    "lost_before": "（含预警前已转出的）",
    "leaders": "凤山县成功劝阻居首",  # kept for the whole jurisdiction: no other ranking
    "median": "首次联系用时中位数",
    "face": "其中见面劝阻",
    "handouts": "发放宣传资料",
}


def test_a_shorter_text_leaves_out_what_is_said_elsewhere_in_order(db, city):
    # The cuts of the 劝返 and 两卡 paragraphs come last (tests/reports/test_briefing_ledgers).
    assert set(CUT_WORDS) == set(CUTS[: len(CUT_WORDS)])
    insert_record(db, "talks", {
        "title": "反诈宣传", "starts_at": at(2026, 11, 24).isoformat(),
        "ends_at": at(2026, 11, 24, 10).isoformat(), "area_id": city["jinya"],
        "status": "cancelled",
    })  # fmt: skip
    full = _text(_issue(db, NOVEMBER))
    assert all(words in full for words in CUT_WORDS.values())
    for shorter in range(1, len(CUT_WORDS) + 1):
        text = _text(_issue(db, NOVEMBER, shorter=shorter))
        for index, cut in enumerate(CUTS[: len(CUT_WORDS)]):
            kept = index >= shorter or cut == "leaders"
            assert (CUT_WORDS[cut] in text) == kept, (shorter, cut)
    # A county ranked among its peers, with two townships below it: the leaders below go with
    # the seventh cut, the county's own rank stays.
    facts = replace(read_facts(db, NOVEMBER, city["fengshan"], today=TODAY),
                    leaders=("凤城镇",), leaders_value=2)  # fmt: skip
    county = [_section(compose_issue(facts, name="反诈工作简报", unit="凤山县公安局", year=2027,
                                     number=1, issued_on=TODAY, shorter=n), "results")
              for n in (6, 7)]  # fmt: skip
    assert "在全辖区2个县（区）中居第1名；下辖乡镇（街道）中，凤城镇居首（2人次）。" in county[0]
    assert "在全辖区2个县（区）中居第1名。" in county[1] and "居首" not in county[1]
    shortest = _issue(db, NOVEMBER, shorter=len(CUTS))
    # What is left still reads: the limits clause closes up, the ranking keeps its figure.
    assert "严格执行首次联系时限，对超时预警逐条复盘" in _section(shortest, "next")
    assert "接收预警登记的群众被骗金额共3.00万元。" in _section(shortest, "problems")
    assert "本月接收预警5条，同比上升25.0%，环比上升25.0%；开展联系处置5次。" in _text(shortest)


def test_a_lower_rate_alone_is_never_cut_to_no_problem(db, city):
    """November with every other problem gone (no gap, nothing late, open or lost): the lower
    rate is the only problem, and the shortest text still names it."""
    facts = read_facts(db, NOVEMBER, today=TODAY)
    f = dict(facts.figures, follow_ups_done=facts.figures["follow_ups_due"], warnings_open=0,
             defrauded_after_warning=0)  # fmt: skip
    breakdown = replace(facts.breakdown, late_first_contacts=0)
    facts = replace(facts, figures=f, uncovered=(), breakdown=breakdown)
    issue = compose_issue(facts, name="反诈工作简报", unit="凤山县公安局", year=2027, number=1,
                          issued_on=TODAY, shorter=len(CUTS))  # fmt: skip
    assert _section(issue, "problems") == "（一）劝阻成功率有所下降。环比降低8.3个百分点。"


def test_communities_of_one_township_name_it_once(db, city):
    """Three communities of two townships without a talk in November: each township said once,
    before its first."""
    area_store.add_area(db, name="那弄村", level="community", parent_id=city["town"])
    area_store.add_area(db, name="北门社区", level="community", parent_id=city["town2"])
    problems = _section(_issue(db, NOVEMBER), "problems")
    assert "辖区5个村（社区）中，凤城镇那弄村、金牙社区、庆远镇北门社区本月未开展" in problems


def test_nothing_wrong_is_said_plainly(db, city):
    """October 2026 once its follow-ups (v1–v3's, all due in October) are done: every warning
    closed, none lost after the warning, every first contact in time (5 minutes), and the rate
    up on September's (x2 lost: 0.0%) — only 城东社区 had no talk."""
    for follow_up in db.query("SELECT id FROM follow_ups WHERE due_on LIKE '2026-10-%'"):
        follow_up_store.complete_follow_up(db, follow_up["id"], result="安全", now=at(2026, 11, 1))
    october = Period.month(2026, 10)
    assert "（一）宣传覆盖仍有空白" in _section(_issue(db, october), "problems")
    # 城东社区's November talk, held in October instead: no gap left.
    db.execute("UPDATE talks SET starts_at = '2026-10-20T09:00:00+08:00'"
               " WHERE starts_at LIKE '2026-11-20%'")  # fmt: skip
    issue = _issue(db, october)
    [problems] = [section for section in issue.sections if section.key == "problems"]
    assert [(p.lead, p.text) for p in problems.paragraphs] == [
        ("", "对照宣传覆盖、预警响应时限、预警后被骗、回访和预警办结情况，本月未发现突出问题。")
    ]
    # October 2025 closed nothing: no rate to compare with.
    assert "劝阻成功率75.0%，去年同期无可比数据，环比提高75.0个百分点" in _text(issue)


def test_a_quarter(db, city):
    text = _text(_issue(db, Q4))
    # Q4 2026 = October + November: talks 5 (Q4 2025: 4, Q3 2026: 1) → +25.0%, +400.0%;
    # people 1,600 (800, 300) → +100.0%, +433.3%; every community reached (100.0%, 33.3%).
    assert "本季度共开展反诈宣传活动5场，同比上升25.0%，环比上升400.0%" in text
    assert "受教育群众1,600人次，同比上升100.0%，环比上升433.3%" in text
    assert "覆盖率100.0%，同比持平，环比提高66.7个百分点" in text
    # Warnings 9 (4, 2): +125.0%, +350.0%. Dissuaded 5 (2, 1): +150.0%, +400.0%. Rate 5 of
    # 7 = 71.4% (66.7%, 1 of 2 = 50.0%): up 4.7 and 21.4 points. Money 11.20万 (2.00万,
    # 3.00万): +460.0%, +273.3%.
    assert "本季度接收预警9条，同比上升125.0%，环比上升350.0%" in text
    assert "成功劝阻5人次，同比上升150.0%，环比上升400.0%" in text
    assert "劝阻成功率71.4%，同比提高4.7个百分点，环比提高21.4个百分点" in text
    assert "避免群众损失11.20万元，同比上升460.0%，环比上升273.3%" in text
    assert "下季度" in _section(_issue(db, Q4), "next")


def test_a_year_is_compared_with_the_year_before_once(db, city):
    text = _text(_issue(db, YEAR))
    # 2026: talks 6 (2025: 5) +20.0%; people 1,900 (850) +123.5%; warnings 11 (4) +175.0%;
    # dissuaded 6 (2) +200.0%; rate 6 of 9 = 66.7% (66.7%) level; money 14.20万 (2.00万)
    # +610.0%. A year's period before is the year before: no 环比 besides.
    assert "本年度共开展反诈宣传活动6场，同比上升20.0%，其中千人以上宣传活动1场；" in text
    assert "受教育群众1,900人次，同比上升123.5%" in text
    assert "本年度接收预警11条，同比上升175.0%，" in text
    assert "成功劝阻6人次，同比上升200.0%" in text
    assert "劝阻成功率66.7%，同比持平" in text
    assert "避免群众损失14.20万元，同比上升610.0%" in text
    assert "环比" not in text


def test_a_base_of_zero_or_none_is_said_as_it_is(db, city):
    text = _text(_issue(db, NOVEMBER, city["yizhou"]))
    # 宜州区 in November 2026: talk 1 (Nov 2025: 1, Oct 2026: none); warnings 2 (none in Nov
    # 2025, 1 in October); dissuaded none in any; rate 0 of 1 = 0.0% (Nov 2025: nothing
    # closed, so no rate; October 0 of 1).
    assert "本月共开展反诈宣传活动1场，同比持平，上月为0" in text
    assert "本月接收预警2条，去年同期为0，环比上升100.0%" in text
    assert "成功劝阻0人次，同比持平，环比持平" in text
    assert "劝阻成功率0.0%，去年同期无可比数据，环比持平" in text
    assert "inf" not in text and "nan" not in text.lower()
    # 宜州区 ranks second of the two counties by dissuaded; 凤山县 first.
    assert "（三）排名情况。成功劝阻0人次，在全辖区2个县（区）中居第2名" in text
    assert "（三）排名情况。成功劝阻2人次，在全辖区2个县（区）中居第1名" in _text(
        _issue(db, NOVEMBER, city["fengshan"])
    )


def test_a_period_with_nothing_to_compare_with_says_so_once(db, city):
    # January 2025: recording began on its first day; nothing before it.
    january = _issue(db, Period.month(2025, 1))
    assert _section(january, "opening") == (
        "现将2025年1月全辖区反诈工作情况通报如下（去年同期无数据，不作同比；上月无数据，不作环比）。"
    )
    assert "本月共开展反诈宣传活动1场；受教育群众50人次。" in _text(january)
    # 5–15 January 2025: the eleven days before began before recording did.
    eleven_days = _issue(db, Period(date(2025, 1, 5), date(2025, 1, 15)))
    assert "（去年同期无数据，不作同比；上期数据不完整，不作环比）" in _section(
        eleven_days, "opening"
    )
    assert not re.search("[同环]比[上下提降持]", _text(eleven_days))


def test_an_empty_period_says_so_in_a_sentence(db, city):
    issue = _issue(db, Period.month(2026, 3))
    assert _section(issue, "opening") == (
        "2026年3月，全辖区未登记反诈宣传活动、宣传投放、预警处置和回访记录。"
    )
    assert "本月未登记已开展的反诈宣传活动。" in _section(issue, "work")
    assert "本月未接收预警。" in _section(issue, "work")
    # The last loss after a warning: u3, closed 2025-11-10; 20 + 31 + 31 + 28 + 31 days on.
    assert _section(issue, "results") == (
        "本月未接收预警，无劝阻和资金保护成效可统计。"
        "（一）预警后零被骗。截至2026年3月31日，已连续141天实现预警后零被骗。"
    )
    assert "辖区3个村（社区）本月均未开展宣传活动" in _section(issue, "problems")


PERIODS = {"month": NOVEMBER, "quarter": Q4, "year": YEAR}

# Where the text names a figure, the number that follows it (read back out of the sentences).
SAID = {
    "talks_held": r"共开展反诈宣传活动([\d,]+)场",
    "large_talks": r"千人以上宣传活动([\d,]+)场",
    "attendance": r"受教育群众([\d,]+)人次",
    "handouts_given": r"发放宣传资料([\d,]+)份",
    "communities_covered": r"宣传覆盖([\d,]+)个村",
    "communities_total": r"辖区([\d,]+)个村",
    "coverage_rate": r"覆盖率([\d.]+)%",
    "campaign_sms": r"发送预警短信([\d,]+)条",
    "warnings_received": r"接收预警([\d,]+)条",
    "contact_attempts": r"开展联系处置([\d,]+)次",
    "first_contact_median": r"中位数([\d,]+)分钟",
    "follow_ups_due": r"到期回访([\d,]+)条",
    "follow_ups_done": r"完成([\d,]+)条",
    "follow_up_completion": r"完成率([\d.]+)%",
    "dissuaded": r"成功劝阻([\d,]+)人次",
    "face_to_face_dissuasions": r"见面劝阻([\d,]+)人次",
    "dissuasion_rate": r"劝阻成功率([\d.]+)%",
    "money_protected": r"避免群众损失([\d,.]+)万元",
    "money_stopped": r"紧急止付([\d,.]+)万元",
    "bank_intercepts": r"拦截([\d,]+)起",
    "bank_saved": r"挽回资金([\d,.]+)万元",
    "defrauded_after_warning": r"预警后被骗([\d,]+)起",
    "money_lost": r"被骗金额共([\d,.]+)万元",
    "warnings_open": r"尚有([\d,]+)条未结案",
}


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


@pytest.mark.parametrize("kind", PERIODS)
def test_every_number_said_is_the_figure_it_names(db, city, kind):
    period = PERIODS[kind]
    text = _text(_issue(db, period))
    figures = statistics.compute_figures(db, period, today=TODAY)
    said = 0
    for key, pattern in SAID.items():
        for found in re.findall(pattern, text):
            assert _number(found) == Decimal(str(figures[key])), (kind, key, found)
            said += 1
    assert said >= 20, said
    # Each comparison is (now − base) ÷ base of the figures compute_figures gives for the
    # periods compared, rounded half up to one decimal.
    bases = {"同比": period.year_before(), "环比": period.previous()}
    compared = r"((?:，(?:同比|环比)(?:上升|下降)[\d.]+%|，(?:同比|环比)持平)+)"
    for key in ("talks_held", "attendance", "warnings_received", "dissuaded", "money_protected"):
        match = re.search(SAID[key] + compared, text)
        assert match, (kind, key)
        for label, direction, amount in re.findall(
            r"(同比|环比)(上升|下降)([\d.]+)%", match.group(2)
        ):
            base = statistics.compute_figures(db, bases[label], only=[key], today=TODAY)[key]
            expected = ((Decimal(str(figures[key])) - Decimal(str(base))) * 100
                        / Decimal(str(base))).quantize(Decimal("0.1"), ROUND_HALF_UP)  # fmt: skip
            assert (direction == "上升") == (expected > 0), (kind, key)
            assert Decimal(amount) == abs(expected), (kind, key, label)
    unit = BY_KEY["money_protected"].unit
    assert unit == "wan_yuan" and re.search(r"\d\.\d\d万元", text)  # 万元, two decimals


def test_no_paragraph_begins_with_punctuation(db, city):
    periods = [NOVEMBER, Q4, YEAR, Period.month(2026, 3), Period.month(2025, 1),
               Period(date(2026, 11, 30), date(2026, 11, 30)),
               Period(date(2017, 1, 1), date(2026, 12, 31))]  # fmt: skip
    for area in (None, "fengshan", "town", "poxin", "yizhou"):
        for period in periods:
            issue = _issue(db, period, city[area] if area else None)
            keys = [section.key for section in issue.sections]
            assert keys == ["opening", *(key for key, _heading in SECTIONS)]
            for section in issue.sections:
                assert section.paragraphs, (area, period, section.key)
                for paragraph in section.paragraphs:
                    line = paragraph.lead + paragraph.text
                    assert paragraph.text and paragraph.text[0] not in NOT_FIRST, paragraph
                    assert line[0] not in NOT_FIRST, paragraph
                    assert "；。" not in line and "，。" not in line and "。。" not in line, line
                    assert not paragraph.lead or re.fullmatch(
                        r"（[一二三四五六七八九十]+）[^。]+。", paragraph.lead
                    ), paragraph
