"""Issues of the briefing kept in the database: numbered per year and issuing unit, their text
saved, printed again word for word; the station's paper settings for them."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest

from desktop.core.errors import ValidationError
from desktop.db import audit
from desktop.db.database import META_STATION_NAME
from desktop.domain import areas as area_store
from desktop.domain import warnings as warning_store
from desktop.domain.statistics import Period
from desktop.reports import briefing_store as store
from desktop.reports import documents
from desktop.reports.briefing_issue import BriefingIssue, Distribution, Paragraph, Section

NOVEMBER = Period.month(2026, 11)
DECEMBER = Period.month(2026, 12)


def _issue(
    unit: str = "凤山县公安局", title: str = "凤山县2026年11月反诈工作情况"
) -> BriefingIssue:
    return BriefingIssue(
        name="反诈工作简报", year=0, number=0, unit=unit, issued_on=date(2000, 1, 1), title=title,
        sections=(
            Section("opening", "", (Paragraph("2026年11月，凤山县共开展反诈宣传活动3场。"),)),
            Section("work", "一、工作开展情况",
                    (Paragraph("本月共开展反诈宣传活动3场。", lead="（一）反诈宣传。"),)),
        ),
        distribution=Distribution(report_to="市公安局反诈中心", copies=30),
    )  # fmt: skip


def test_issues_are_numbered_per_year_and_unit_and_start_again_each_year(db):
    first = store.save_issue(db, NOVEMBER, None, _issue(), today=date(2026, 12, 2))
    assert (first.year, first.number, first.issued_on) == (2026, 1, date(2026, 12, 2))
    second = store.save_issue(db, DECEMBER, None, _issue(), today=date(2026, 12, 31))
    assert (second.year, second.number) == (2026, 2)
    # Another area is another issue; another unit counts its own.
    county = area_store.add_area(db, name="凤山县", level="county")
    assert store.save_issue(db, NOVEMBER, county, _issue(), today=date(2026, 12, 3)).number == 3
    other = store.save_issue(
        db, NOVEMBER, None, _issue(unit="宜州区公安局"), today=date(2026, 12, 3)
    )
    assert (other.year, other.number) == (2026, 1)
    # January's issue goes out in the new year: number 1 again.
    january = store.save_issue(db, Period.month(2027, 1), None, _issue(), today=date(2027, 2, 1))
    assert (january.year, january.number) == (2027, 1)
    assert store.next_number(db, "凤山县公安局", 2027) == 2
    assert store.next_number(db, "凤山县公安局", 2026) == 4


def test_a_saved_issue_keeps_its_number_date_and_the_edited_text(db):
    store.save_issue(db, NOVEMBER, None, _issue(), today=date(2026, 12, 2))
    store.save_issue(db, DECEMBER, None, _issue(), today=date(2027, 1, 5))
    edited = replace(_issue(title="凤山县11月反诈工作通报"), sections=store.sections_from_lines(
        _issue(), {"work": "（一）反诈宣传。本月开展宣传3场，覆盖2个村。\n\n；另有1场取消。\n"}
    ))  # fmt: skip
    again = store.save_issue(db, NOVEMBER, None, edited, today=date(2027, 3, 1))
    assert (again.year, again.number, again.issued_on) == (2026, 1, date(2026, 12, 2))
    kept = store.saved_issue(db, "凤山县公安局", NOVEMBER, None)
    assert kept == again and kept.title == "凤山县11月反诈工作通报"
    work = [section for section in kept.sections if section.key == "work"][0]
    # One paragraph a line; the lead found again; a line cannot begin with "；".
    assert work.paragraphs == (
        Paragraph("本月开展宣传3场，覆盖2个村。", lead="（一）反诈宣传。"),
        Paragraph("另有1场取消。"),
    )
    assert kept.distribution == Distribution(report_to="市公安局反诈中心", copies=30)
    assert store.saved_issue(db, "宜州区公安局", NOVEMBER, None) is None
    actions = [entry["action"] for entry in audit.recent(db, 3) if entry["table_name"]]
    assert actions[:3] == ["update", "create", "create"]


def test_text_too_long_is_refused_and_nothing_is_saved(db):
    long = replace(_issue(), sections=(Section("opening", "", (Paragraph("字" * 5001),)),))
    with pytest.raises(ValidationError):
        store.save_issue(db, NOVEMBER, None, long)
    assert db.scalar("SELECT count(*) FROM briefing_issues") == 0


def test_the_papers_settings_and_their_defaults(db):
    assert store.issuing(db) == ("反诈工作简报", "")
    db.set_meta(META_STATION_NAME, "凤山县公安局城关派出所")
    assert store.issuing(db) == ("反诈工作简报", "凤山县公安局城关派出所")
    chosen = store.BriefingSettings(
        name=" 凤山反诈简报 ", unit="凤山县公安局",
        distribution=Distribution(report_to="市公安局反诈中心", copy_to="县委政法委",
                                  send_to="各派出所", copies=40),
    )  # fmt: skip
    assert store.set_briefing_settings(db, chosen)
    assert not store.set_briefing_settings(db, chosen)  # nothing changed the second time
    assert store.issuing(db) == ("凤山反诈简报", "凤山县公安局")
    assert store.briefing_settings(db).distribution == chosen.distribution
    with pytest.raises(ValidationError):
        store.set_briefing_settings(db, replace(chosen, unit="单位\x07"))


@pytest.fixture
def station(db):
    county = area_store.add_area(db, name="凤山县", level="county")
    town = area_store.add_area(db, name="凤城镇", level="township", parent_id=county)
    village = area_store.add_area(db, name="坡心村", level="community", parent_id=town)
    db.set_meta(META_STATION_NAME, "凤山县公安局城关派出所")
    warning_store.intake(db, {"source": "platform", "level": "high", "name": "罗某某",
                              "mobile": "13800000001", "area_id": village})  # fmt: skip
    return county, village


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def _printed(db, period, area_id) -> bytes:
    """The briefing as composed now (not saved), for comparison."""
    data = documents.briefing_data(db, period, area_id)
    issue = documents.compose_briefing(db, period, area_id, data)
    out = io.BytesIO()
    documents.print_briefing_issue(db, period, out, issue, area_id=area_id, data=data)
    return out.getvalue()


def test_a_saved_edit_prints_again_word_for_word(db, station):
    from desktop.core import clock

    station, village = station
    period = Period.month(clock.today().year, clock.today().month)
    out = io.BytesIO()
    documents.print_briefing(db, period, out, area_id=station)  # printing keeps the issue
    printed = store.saved_issue(db, "凤山县公安局城关派出所", period, station)
    assert printed is not None and printed.number == 1
    assert "简报第1期" in _pdf_text(out.getvalue())
    opening = "本月凤山县共接收预警1条，正在处置。（民警修改）"
    edited = replace(printed, sections=store.sections_from_lines(printed, {"opening": opening}))
    store.save_issue(db, period, station, edited)
    first, second = io.BytesIO(), io.BytesIO()
    documents.print_briefing(db, period, first, area_id=station)
    # A warning more: the figures change, the saved text does not.
    warning_store.intake(db, {"source": "bank", "level": "low", "name": "黄某某",
                              "mobile": "13800000002", "area_id": village})  # fmt: skip
    assert "接收预警2条" in _pdf_text(_printed(db, period, station))
    documents.print_briefing(db, period, second, area_id=station)
    texts = [_pdf_text(pdf.getvalue()) for pdf in (first, second)]
    for text in texts:
        assert opening in text and "简报第1期" in text
    body = [text.split("附件1")[0] for text in texts]
    assert body[0] == body[1]
    assert store.saved_issue(db, "凤山县公安局城关派出所", period, station).sections == (
        edited.sections
    )
    # The next period is composed afresh and takes the next number.
    following = period.following()
    documents.print_briefing(db, following, io.BytesIO(), area_id=station)
    fresh = store.saved_issue(db, "凤山县公安局城关派出所", following, station)
    assert fresh.number == 2 and opening not in [
        p.text for s in fresh.sections for p in s.paragraphs
    ]
