"""签到表: the printed sign-in sheet passed round at an outreach talk.

A4 portrait, black and white. Every page carries the same header block (form title, the talk's
title, time, venue, organiser) and its own table (序号 / 姓名 / 单位或住址 / 联系电话（自愿） / 签名)
with rows tall enough to sign by hand, then the privacy line; the footer names the station and
says "第 x 页 / 共 y 页". The rows are split over pages here (not by the table splitter) so the
privacy line sits under the table on every page and full pages are filled exactly.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop.core.entities import Talk
from desktop.core.limits import SIGNIN_ROWS
from desktop.reports.styles import (
    FULL_SPACE,
    GRID_LINE,
    OUTER_LINE,
    PORTRAIT,
    Styles,
    body_frame_height,
    build_pdf,
    clip,
    get_styles,
    talk_place,
    text,
    zh_when,
)

FORM_TITLE = "反诈宣传活动签到表"
PRIVACY_LINE = "个人信息仅用于本次活动签到统计，不作他用。联系电话自愿填写。"
COLUMNS = ("序号", "姓名", "单位或住址", "联系电话（自愿）", "签名")
COLUMN_WIDTHS_MM = (12, 28, 62, 34, 38)  # 174 mm: the portrait text width

HEAD_ROW_HEIGHT = 8 * mm
ROW_MIN = 8.5 * mm  # a single-page sheet may tighten its rows down to this to stay on one page
ROW_MAX = 10 * mm
ROW_MULTI = 9 * mm  # target row height when the sheet runs over several pages
NOTE_GAP = 1.5 * mm
FIT_SLACK = 1.0  # points kept free so rounding never pushes a table onto the next page


def _header(talk: Talk, st: Styles) -> list[Flowable]:
    """The block repeated at the top of every page."""
    when = zh_when(talk.starts_at, talk.ends_at)
    organiser = " ".join(talk.organiser_name.split())
    co = " ".join(talk.co_organisers.split())
    left = [
        Paragraph(f"活动时间：{text(when)}", st.info),
        Paragraph(f"活动地点：{text(clip(talk_place(talk), 80))}", st.info),
    ]
    right = [
        Paragraph(f"负责民警：{text(clip(organiser, 30))}" if organiser else "", st.info),
        Paragraph(f"协办单位：{text(clip(co, 60))}" if co else "", st.info),
    ]
    info = Table(
        [[left[0], right[0]], [left[1], right[1]]],
        colWidths=[PORTRAIT.text_width * 0.6, PORTRAIT.text_width * 0.4],
        hAlign="LEFT",
    )
    info.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.font),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [
        Paragraph(FORM_TITLE, st.title),
        Paragraph(text(clip(talk.title, 90)) or FULL_SPACE, st.subtitle),
        info,
    ]


def _table(first: int, last: int, row_height: float, st: Styles) -> Table:
    data: list[list] = [[Paragraph(name, st.head) for name in COLUMNS]]
    data += [[str(number), "", "", "", ""] for number in range(first, last + 1)]
    table = Table(
        data,
        colWidths=[w * mm for w in COLUMN_WIDTHS_MM],
        rowHeights=[HEAD_ROW_HEIGHT] + [row_height] * (last - first + 1),
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.font),
                ("FONTSIZE", (0, 1), (-1, -1), 10.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), colors.black),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("INNERGRID", (0, 0), (-1, -1), GRID_LINE, colors.black),
                ("BOX", (0, 0), (-1, -1), OUTER_LINE, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), OUTER_LINE, colors.black),
            ]
        )
    )
    return table


def _rows_per_page(rows: int, available: float) -> tuple[int, float]:
    """How many rows go on a page and how tall each is, given the height left for them."""
    if rows * ROW_MIN <= available:
        return rows, min(ROW_MAX, available / rows)
    per_page = max(1, math.floor(available / ROW_MULTI))
    return per_page, available / per_page


def _available(talk: Talk, st: Styles) -> float:
    """The height a page leaves for the table's rows under the header block."""
    note = Paragraph(PRIVACY_LINE, st.note)
    _, note_height = note.wrap(PORTRAIT.text_width, 10_000)
    return (
        body_frame_height(_header(talk, st), PORTRAIT)
        - HEAD_ROW_HEIGHT
        - NOTE_GAP
        - note_height
        - FIT_SLACK
    )


def rows_for(talk: Talk) -> int:
    """The rows for ``talk``'s expected attendance, filling whole pages: one page of the usual
    25 when it expects no more (or says nothing), else as many full pages as it needs (within
    the limit)."""
    expected = talk.expected_headcount or 0
    if expected <= SIGNIN_ROWS.default:
        return SIGNIN_ROWS.default
    per_page, _height = _rows_per_page(expected, _available(talk, get_styles()))
    pages = math.ceil(expected / per_page)
    return min(pages * per_page, SIGNIN_ROWS.high // per_page * per_page)


def build_signin_sheet(
    talk: Talk,
    out: Path | BinaryIO,
    *,
    rows: int = SIGNIN_ROWS.default,
    station_name: str = "",
    station_phone: str = "",
) -> int:
    """Write the sign-in sheet of ``talk`` with ``rows`` numbered blank rows; returns the page count."""
    if not SIGNIN_ROWS.holds(rows):
        raise ValueError(
            f"rows must be a whole number from {SIGNIN_ROWS.low} to {SIGNIN_ROWS.high}, not {rows!r}"
        )
    st = get_styles()
    header = _header(talk, st)
    per_page, row_height = _rows_per_page(rows, _available(talk, st))

    body: list[Flowable] = []
    for first in range(1, rows + 1, per_page):
        last = min(rows, first + per_page - 1)
        if body:
            body.append(PageBreak())
        body += [
            _table(first, last, row_height, st),
            Spacer(1, NOTE_GAP),
            Paragraph(PRIVACY_LINE, st.note),
        ]
    return build_pdf(
        out,
        body,
        geometry=PORTRAIT,
        header=header,
        title=f"{FORM_TITLE}：{talk.title}",
        station_name=station_name,
        station_phone=station_phone,
    )
