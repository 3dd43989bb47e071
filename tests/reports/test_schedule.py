"""The printed schedule of talks (活动安排表)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from desktop.reports.schedule import COLUMNS, NO_TALKS, build_schedule

TITLE = "反诈宣传活动安排表（2026年11月）"
PERIOD = {"period_from": date(2026, 11, 1), "period_to": date(2026, 11, 30)}


def _squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


def _month_of_talks(talk, count: int) -> list:
    talks = []
    for i in range(count):
        start = talk.starts_at.replace(day=1) + timedelta(days=i % 30, hours=i % 3)
        talks.append(
            dataclasses.replace(
                talk,
                title=f"第{i + 1}场反诈宣讲",
                starts_at=start,
                ends_at=start + timedelta(minutes=90),
                status="cancelled" if i % 4 == 3 else "confirmed",
            )
        )
    return talks


def test_lists_talks_in_order_of_start_and_marks_cancelled_ones(talk, tmp_path, page_texts):
    talks = _month_of_talks(talk, 5)
    shuffled = [talks[3], talks[0], talks[4], talks[2], talks[1]]
    out = tmp_path / "schedule.pdf"
    pages = build_schedule(
        shuffled,
        out,
        title=TITLE,
        station_name="幸福里派出所",
        station_phone="0571-87654321",
        **PERIOD,
    )

    assert pages == 1
    flat = _squeeze(page_texts(out)[0])
    assert TITLE in flat
    assert "2026年11月1日至2026年11月30日" in flat
    assert all(column in flat for column in COLUMNS)
    positions = [flat.index(f"第{i}场反诈宣讲") for i in range(1, 6)]
    assert positions == sorted(positions)
    assert "第4场反诈宣讲（已取消）" in flat
    assert flat.count("（已取消）") == 1
    assert "已取消" in flat.replace("（已取消）", "")  # the status column
    assert "2026年11月1日星期日" in flat
    assert "14:30—16:00" in flat
    assert "老年人、社区居民" in flat
    assert "王建国" in flat
    assert _squeeze(talk.venue) in flat
    assert "幸福里派出所" in flat and "第1页/共1页" in flat


def test_a_long_schedule_repeats_title_and_column_header_on_every_page(talk, tmp_path, page_texts):
    out = tmp_path / "schedule.pdf"
    pages = build_schedule(_month_of_talks(talk, 40), out, title=TITLE, **PERIOD)

    texts = page_texts(out)
    assert pages == len(texts) >= 2
    seen = []
    for index, text in enumerate(texts, start=1):
        flat = _squeeze(text)
        assert TITLE in flat
        assert all(column in flat for column in COLUMNS)
        assert f"第{index}页/共{pages}页" in flat
        seen += [int(n) for n in re.findall(r"第(\d+)场反诈宣讲", flat)]
    assert sorted(seen) == list(range(1, 41))


def test_an_empty_period_says_there_are_no_talks(tmp_path, page_texts):
    out = tmp_path / "schedule.pdf"
    assert build_schedule([], out, title=TITLE, **PERIOD) == 1
    flat = _squeeze(page_texts(out)[0])
    assert TITLE in flat and NO_TALKS in flat
    assert "共1页" in flat


def test_schedule_is_landscape_a4_with_the_cjk_font_embedded(talk, tmp_path, fonts_of):
    out = tmp_path / "schedule.pdf"
    build_schedule(_month_of_talks(talk, 5), out, title=TITLE, **PERIOD)

    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    fonts = fonts_of(out)
    assert fonts
    for font in fonts:
        assert re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", font["base"]), font
        assert font["embedded"], font
    assert b"Helvetica" not in out.read_bytes()


def test_a_reversed_period_is_refused(tmp_path):
    with pytest.raises(ValueError):
        build_schedule(
            [],
            tmp_path / "x.pdf",
            title=TITLE,
            period_from=date(2026, 11, 30),
            period_to=date(2026, 11, 1),
        )
