"""The briefing of one station's or one laptop's records (a county's merged data), against a
small database whose answers are worked out by hand.

The jurisdiction: 凤山县 (凤城镇 > 坡心村; 金牙乡 > 金牙村) and 宜州区 (nothing below it).
The laptops: this one (the county's, 凤山县公安局), aaaa1111… and bbbb2222… of 凤城派出所,
cccc3333… of 金牙派出所. "Today" is 2027-02-15: every period below is over.

Held talks (laptop, community, day, people):
  aaaa 坡心村 2026-10-01 40 (凤城派出所's first record: October is compared in full)
  aaaa 坡心村 2026-11-03 100;  bbbb 坡心村 2026-11-10 50
  cccc 金牙村 2026-11-05 80;   county 金牙村 2026-11-20 30
Warnings (laptop, community, received, outcome, money):
  aaaa 坡心村 2026-11-04 dissuaded 2万 (first contact after 5 minutes)
  cccc 金牙村 2026-11-06 defrauded 1万
  county 坡心村 2026-11-07 dissuaded 1万

So in November 2026:
  凤城派出所 (aaaa + bbbb): talks 2, people 150; warnings 1, dissuaded 1, 2.00万元 protected;
    坡心村 reached (2 talks), 金牙村 not; 凤城镇 first by dissuasions (1), 金牙乡 0.
    October: 1 talk (aaaa's, 40 people), so 环比 talks 2 against 1: 上升100.0%, people 150
    against 40: 上升275.0%.
  laptop bbbb: talks 1, people 50, no warning; its first record is 2026-11-10, so October is
    before anything it recorded: 上月无数据.
  every laptop: talks 4, people 260; warnings 3, dissuaded 2, 3.00万元 protected.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.db.records import insert_record
from desktop.domain import areas as area_store
from desktop.domain import statistics
from desktop.domain import warnings as warning_store
from desktop.domain.statistics import Period
from desktop.reports import documents
from desktop.reports.briefing_store import save_issue, saved_issue
from desktop.reports.briefing_text import compose_issue, read_facts

CST = timezone(timedelta(hours=8))
TODAY = date(2027, 2, 15)
NOVEMBER = Period.month(2026, 11)
UNIT = "凤山县公安局"
A, B, C = ("aaaa1111-0000-4000-8000-000000000001", "bbbb2222-0000-4000-8000-000000000002",
           "cccc3333-0000-4000-8000-000000000003")  # fmt: skip
FENGCHENG = ("station", "凤城派出所")


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=CST)


def _entered_on(db, table: str, row_id: str, device: str) -> None:
    """As if the record had come in a package from ``device``."""
    with db.atomic():
        db.execute(f"UPDATE {table} SET origin_device = ? WHERE id = ?", (device, row_id))


@pytest.fixture
def county(db):
    db.set_meta("station_name", UNIT)
    with db.atomic():
        for device, station in ((A, "凤城派出所"), (B, "凤城派出所"), (C, "金牙派出所")):
            db.execute(
                "INSERT INTO devices (device_id, station, officer) VALUES (?, ?, '')",
                (device, station),
            )
    ids = {"fengshan": area_store.add_area(db, name="凤山县", level="county", code="451223")}
    ids["town"] = area_store.add_area(
        db, name="凤城镇", level="township", parent_id=ids["fengshan"]
    )
    ids["poxin"] = area_store.add_area(db, name="坡心村", level="community", parent_id=ids["town"])
    ids["town2"] = area_store.add_area(
        db, name="金牙乡", level="township", parent_id=ids["fengshan"]
    )
    ids["jinya"] = area_store.add_area(db, name="金牙村", level="community", parent_id=ids["town2"])
    ids["yizhou"] = area_store.add_area(db, name="宜州区", level="county", code="451203")

    def talk(device, area, day, people):
        talk_id = insert_record(db, "talks", {
            "title": "反诈宣传", "starts_at": day.isoformat(),
            "ends_at": (day + timedelta(hours=1)).isoformat(), "area_id": ids[area],
            "status": "done", "actual_headcount": people,
        })  # fmt: skip
        _entered_on(db, "talks", talk_id, device)

    talk(A, "poxin", at(10, 1), 40)
    talk(A, "poxin", at(11, 3), 100)
    talk(B, "poxin", at(11, 10), 50)
    talk(C, "jinya", at(11, 5), 80)
    talk(db.device_id, "jinya", at(11, 20), 30)
    mobiles = iter(("13800000001", "13800000002", "13800000003"))

    def warning(device, area, received, outcome, **money):
        values = {"source": "platform", "level": "low", "name": "罗某某",
                  "mobile": next(mobiles), "area_id": ids[area]}  # fmt: skip
        warning_id = warning_store.intake(db, values, now=received)
        warning_store.record_contact(
            db, warning_id, method="phone", result="reached",
            at=received + timedelta(minutes=5), now=received + timedelta(hours=1),
        )  # fmt: skip
        warning_store.close_warning(
            db, warning_id, outcome=outcome, now=received + timedelta(hours=3), **money
        )
        _entered_on(db, "warnings", warning_id, device)

    warning(A, "poxin", at(11, 4), "dissuaded", amount_protected="2万")
    warning(C, "jinya", at(11, 6), "defrauded", amount_lost="1万")
    warning(db.device_id, "poxin", at(11, 7), "dissuaded", amount_protected="1万")
    return ids


def _issue(db, period, area_id=None, laptops=None):
    facts = read_facts(db, period, area_id, today=TODAY, laptops=laptops)
    return compose_issue(facts, name="反诈工作简报", unit=UNIT, year=2026, number=1,
                         issued_on=TODAY)  # fmt: skip


def _text(issue) -> str:
    return "".join(
        paragraph.lead + paragraph.text
        for section in issue.sections
        for paragraph in section.paragraphs
    )


def test_a_stations_briefing_counts_only_its_laptops_records(db, county):
    issue = _issue(db, NOVEMBER, laptops=FENGCHENG)
    assert issue.title == "凤城派出所2026年11月反诈工作情况"
    text = _text(issue)
    assert text.startswith("现将2026年11月凤城派出所反诈工作情况通报如下")
    # aaaa's and bbbb's talks (100 + 50 people); October had aaaa's one (40 people).
    assert "本月共开展反诈宣传活动2场，环比上升100.0%；受教育群众150人次，环比上升275.0%" in text
    # aaaa's warning only: not cccc's nor the county's own.
    assert "本月接收预警1条" in text and "成功劝阻1人次" in text
    assert "避免群众损失2.00万元" in text
    # Its talks reached 坡心村 and not 金牙村 (cccc's and the county's talks are not its own).
    assert "辖区2个村（社区）中，金牙乡金牙村本月未开展宣传活动" in text
    # Nothing of the other laptops' records: no loss after a warning.
    assert "预警后被骗" not in text


def test_a_laptops_briefing_counts_only_that_laptops_records(db, county):
    issue = _issue(db, NOVEMBER, laptops=("device", B))
    # Named as the reports screen names laptops: its station and the start of its id.
    assert issue.title == "凤城派出所笔记本（bbbb2222）2026年11月反诈工作情况"
    text = _text(issue)
    # Its first record is 2026-11-10: October and November 2025 were before it.
    assert text.startswith(
        "现将2026年11月凤城派出所笔记本（bbbb2222）反诈工作情况通报如下"
        "（去年同期无数据，不作同比；上月无数据，不作环比）。"
    )
    assert "本月共开展反诈宣传活动1场；受教育群众50人次" in text
    assert "本月未接收预警。" in text


def test_every_laptops_briefing_counts_them_all(db, county):
    text = _text(_issue(db, NOVEMBER))
    assert "本月共开展反诈宣传活动4场" in text and "受教育群众260人次" in text
    assert "本月接收预警3条" in text and "避免群众损失3.00万元" in text


def test_a_station_within_an_area_is_named_with_the_area_and_not_ranked_among_areas(db, county):
    facts = read_facts(db, NOVEMBER, county["fengshan"], today=TODAY, laptops=FENGCHENG)
    assert facts.area_name == "凤城派出所（凤山县）"
    # 凤山县's place among the counties is every laptop's; a station's records have none.
    assert facts.peer is None
    assert read_facts(db, NOVEMBER, county["fengshan"], today=TODAY).peer is not None
    # The ranking of the areas below counts the station's records: 凤城镇 1, 金牙乡 0.
    assert (facts.leaders, facts.leaders_value) == (("凤城镇",), 1)
    assert facts.uncovered == (("金牙乡", "金牙村"),)
    assert facts.breakdown.contacted == 1 and facts.breakdown.by_fraud_type == {"": 1}
    laptop = read_facts(db, NOVEMBER, county["fengshan"], today=TODAY, laptops=("device", A))
    assert laptop.area_name == "凤城派出所笔记本（aaaa1111，凤山县）"


def test_the_annexes_of_a_stations_briefing_hold_its_records_only(db, county):
    data = documents.briefing_data(db, NOVEMBER, county["fengshan"], laptops=FENGCHENG)
    assert data.figures["talks_held"] == 2 and data.figures["warnings_received"] == 1
    assert data.ranking == [(1, "凤城镇", 1), (2, "金牙乡", 0)]
    november = data.board_months.index("2026-11")
    assert [(name, counts[november]) for name, counts in data.board_rows] == [
        ("凤山县 / 凤城镇 / 坡心村", 2), ("凤山县 / 金牙乡 / 金牙村", 0),
    ]  # fmt: skip
    trend = statistics.monthly_trend(db, NOVEMBER, county["fengshan"], [A, B])
    assert trend == [{"month": "2026-11", "warnings_received": 1, "dissuaded": 1,
                      "defrauded_after_warning": 0, "talks_held": 2}]  # fmt: skip


def test_a_stations_issue_is_saved_apart_from_the_whole_areas(db, county):
    whole = _issue(db, NOVEMBER)
    station = _issue(db, NOVEMBER, laptops=FENGCHENG)
    first = save_issue(db, NOVEMBER, None, station, today=date(2026, 12, 2), laptops=FENGCHENG)
    assert saved_issue(db, UNIT, NOVEMBER, None) is None  # the whole area's is not saved yet
    second = save_issue(db, NOVEMBER, None, whole, today=date(2026, 12, 3))
    assert (first.number, second.number) == (1, 2)
    assert saved_issue(db, UNIT, NOVEMBER, None, FENGCHENG).title == station.title
    assert saved_issue(db, UNIT, NOVEMBER, None).title == whole.title
    assert saved_issue(db, UNIT, NOVEMBER, None, ("device", A)) is None
    # Saved again, the station's issue keeps its number.
    again = save_issue(db, NOVEMBER, None, station, today=date(2026, 12, 9), laptops=FENGCHENG)
    assert (again.number, again.issued_on) == (1, date(2026, 12, 2))


def test_printing_a_stations_briefing_keeps_its_own_issue(db, county, tmp_path):
    out = tmp_path / "station.pdf"
    assert documents.print_briefing(db, NOVEMBER, out, laptops=FENGCHENG) >= 2
    documents.print_briefing(db, NOVEMBER, tmp_path / "whole.pdf")
    rows = db.query("SELECT number, laptops FROM briefing_issues ORDER BY number")
    assert [tuple(row) for row in rows] == [(1, "station:凤城派出所"), (2, "")]
    summaries = [row[0] for row in db.query("SELECT summary FROM audit WHERE action = 'print'")]
    assert any(re.search(r"^briefing .* of station:凤城派出所 \(\d{4} No\. 1\)$", summary)
               for summary in summaries)  # fmt: skip
