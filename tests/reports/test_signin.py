"""The printed sign-in sheet (签到表)."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader

from desktop.core.limits import SIGNIN_ROWS
from desktop.reports.signin import COLUMNS, PRIVACY_LINE, build_signin_sheet, rows_for

STATION = "杭州市公安局西湖分局幸福里派出所"
PHONE = "0571-87654321"


def _squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


def _row_numbers(page_text: str) -> list[int]:
    """The numbers of the 序号 column: the lines holding nothing but a number."""
    return [int(line) for line in page_text.splitlines() if line.strip().isdigit()]


def test_default_sheet_has_the_header_columns_and_25_numbered_rows(talk, tmp_path, page_texts):
    out = tmp_path / "signin.pdf"
    pages = build_signin_sheet(talk, out, station_name=STATION, station_phone=PHONE)

    assert pages == 1
    (text,) = page_texts(out)
    flat = _squeeze(text)
    assert "反诈宣传活动签到表" in flat
    assert _squeeze(talk.title) in flat
    assert "2026年11月25日（星期三）14:30—16:00" in flat
    assert _squeeze(talk.venue) in flat and "幸福里社区" in flat
    assert "王建国" in flat
    assert _squeeze(talk.co_organisers) in flat
    for column in COLUMNS:
        assert column in flat
    assert _row_numbers(text) == list(range(1, 26))
    assert _squeeze(PRIVACY_LINE) in flat
    assert STATION in flat and PHONE in flat
    assert "第1页/共1页" in flat


def test_sixty_rows_run_over_pages_with_header_and_footer_on_each(talk, tmp_path, page_texts):
    out = tmp_path / "signin60.pdf"
    pages = build_signin_sheet(talk, out, rows=60)

    texts = page_texts(out)
    assert pages == len(texts) >= 2
    numbers = [n for text in texts for n in _row_numbers(text)]
    assert numbers == list(range(1, 61))
    for index, text in enumerate(texts, start=1):
        flat = _squeeze(text)
        assert "反诈宣传活动签到表" in flat
        assert "2026年11月25日（星期三）14:30—16:00" in flat
        assert all(column in flat for column in COLUMNS)
        assert _squeeze(PRIVACY_LINE) in flat
        assert f"第{index}页/共{pages}页" in flat
        assert re.search(rf"共\s*{pages}\s*页", text)


@pytest.mark.parametrize("expected", [None, 12, 25])
def test_a_small_talk_gets_one_page_of_25_rows(talk, expected):
    assert rows_for(dataclasses.replace(talk, expected_headcount=expected)) == 25


def test_a_large_talks_rows_follow_its_expected_attendance_in_whole_pages(
    talk, tmp_path, page_texts
):
    school = dataclasses.replace(talk, expected_headcount=457)
    rows = rows_for(school)
    out = tmp_path / "school.pdf"
    pages = build_signin_sheet(school, out, rows=rows)
    texts = page_texts(out)
    per_page = [len(_row_numbers(text)) for text in texts]
    assert rows >= 457 and pages == len(texts) and rows == pages * per_page[0]
    assert set(per_page) == {per_page[0]}  # every page full, the last one too
    assert rows - per_page[0] < 457  # no page more than needed
    assert f"第{pages}页/共{pages}页" in _squeeze(texts[-1])


def test_a_huge_talk_is_held_to_the_limit(talk):
    rows = rows_for(dataclasses.replace(talk, expected_headcount=50_000))
    assert SIGNIN_ROWS.high - 30 < rows <= SIGNIN_ROWS.high


def test_a_sheet_is_a4_portrait(talk, tmp_path):
    out = tmp_path / "signin.pdf"
    build_signin_sheet(talk, out)
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_the_cjk_font_is_embedded_and_helvetica_never_referenced(talk, tmp_path, fonts_of):
    out = tmp_path / "signin.pdf"
    build_signin_sheet(talk, out, rows=60, station_name=STATION, station_phone=PHONE)

    fonts = fonts_of(out)
    assert fonts
    for font in fonts:
        # reportlab names the subset after the font's PostScript name: ABCDEF+WenQuanYiMicroHei-0
        assert re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", font["base"]), font
        assert font["embedded"], font
    assert b"Helvetica" not in out.read_bytes()


@pytest.mark.parametrize("rows", [0, -1, SIGNIN_ROWS.high + 1, 2.5, True])
def test_rows_out_of_range_are_refused(talk, tmp_path, rows):
    with pytest.raises(ValueError):
        build_signin_sheet(talk, tmp_path / "x.pdf", rows=rows)
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("rows", [1, SIGNIN_ROWS.high])
def test_rows_at_the_limits_are_accepted(talk, tmp_path, page_texts, rows):
    out = tmp_path / "signin.pdf"
    pages = build_signin_sheet(talk, out, rows=rows)
    texts = page_texts(out)
    assert pages == len(texts)
    assert [n for text in texts for n in _row_numbers(text)] == list(range(1, rows + 1))


def test_writes_to_a_binary_file_and_without_a_station(talk):
    buffer = io.BytesIO()
    pages = build_signin_sheet(talk, buffer, rows=5)
    assert pages == 1
    text = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    assert "第1页/共1页" in _squeeze(text)
    assert "联系电话：" not in text


def test_times_print_in_china_time_and_empty_fields_do_not_break(talk, tmp_path, page_texts):
    from datetime import UTC, datetime

    talk.starts_at = datetime(2026, 11, 25, 6, 30, tzinfo=UTC)  # 14:30 in Beijing
    talk.ends_at = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    talk.co_organisers = ""
    talk.organiser_name = ""
    talk.area_name = ""
    out = tmp_path / "signin.pdf"
    build_signin_sheet(talk, out)
    flat = _squeeze(page_texts(out)[0])
    assert "2026年11月25日（星期三）14:30—16:00" in flat
    assert "协办单位" not in flat and "负责民警" not in flat
