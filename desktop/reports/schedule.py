"""活动安排表: the week's or month's talks, printed to post at the station.

A4 landscape, black and white: the caller's title and the period on top of every page, then one
table row per talk in order of start (日期 / 时间 / 活动名称 / 地点（社区） / 面向人群 / 负责民警 /
状态) with the column header repeated on each page. Cancelled talks stay on the sheet, struck
through and marked "（已取消）", so nobody turns up for them by mistake.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.core.catalogue import AUDIENCES, TALK_STATUSES, zh_name
from desktop.core.entities import Talk
from desktop.reports.styles import (
    GRID_LINE,
    LANDSCAPE,
    OUTER_LINE,
    Styles,
    build_pdf,
    clip,
    get_styles,
    station_time,
    talk_place,
    text,
    zh_date,
    zh_period,
    zh_time_range,
    zh_weekday,
)

COLUMNS = ("日期", "时间", "活动名称", "地点（社区）", "面向人群", "负责民警", "状态")
COLUMN_WIDTHS_MM = (34, 30, 66, 56, 34, 25, 22)  # 267 mm: the landscape text width
CANCELLED = "cancelled"
CANCELLED_MARK = "（已取消）"
NO_TALKS = "本期间内暂无反诈宣传活动安排。"


def _row(talk: Talk, st: Styles) -> list[Paragraph]:
    start = station_time(talk.starts_at)
    cancelled = talk.status == CANCELLED

    def struck(value: str) -> str:
        return f"<strike>{value}</strike>" if cancelled and value else value

    title = struck(text(clip(talk.title, 120)))
    if cancelled:
        title += CANCELLED_MARK
    audience = "、".join(zh_name(AUDIENCES, code) for code in talk.audience)
    return [
        Paragraph(struck(f"{zh_date(start)}<br/>{zh_weekday(start)}"), st.cell_center),
        Paragraph(struck(text(zh_time_range(talk.starts_at, talk.ends_at))), st.cell_center),
        Paragraph(title, st.cell),
        Paragraph(struck(text(clip(talk_place(talk), 120))), st.cell),
        Paragraph(text(audience), st.cell),
        Paragraph(text(clip(" ".join(talk.organiser_name.split()), 30)), st.cell_center),
        Paragraph(text(zh_name(TALK_STATUSES, talk.status)), st.cell_center),
    ]


def _table(talks: list[Talk], st: Styles) -> Table:
    data = [[Paragraph(name, st.head) for name in COLUMNS]]
    data += [_row(talk, st) for talk in talks]
    table = Table(data, colWidths=[w * mm for w in COLUMN_WIDTHS_MM], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.font),
                ("TEXTCOLOR", (0, 0), (-1, -1), colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2 * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 1.8 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1.8 * mm),
                ("INNERGRID", (0, 0), (-1, -1), GRID_LINE, colors.black),
                ("BOX", (0, 0), (-1, -1), OUTER_LINE, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), OUTER_LINE, colors.black),
            ]
        )
    )
    return table


def _summary(talks: list[Talk], period_from: date, period_to: date) -> str:
    line = f"时间范围：{zh_period(period_from, period_to)}"
    if not talks:
        return line
    cancelled = sum(talk.status == CANCELLED for talk in talks)
    line += f"\u3000共 {len(talks)} 场"
    if cancelled:
        line += f"（其中已取消 {cancelled} 场）"
    return line


def build_schedule(
    talks: list[Talk],
    out: Path | BinaryIO,
    *,
    title: str,
    period_from: date,
    period_to: date,
    station_name: str = "",
    station_phone: str = "",
) -> int:
    """Write the schedule of ``talks`` (all of them, sorted by start); returns the page count.

    ``title`` is printed as given (e.g. "反诈宣传活动安排表（2026年11月）").
    """
    if period_to < period_from:
        raise ValueError("period_to is before period_from")
    st = get_styles()
    ordered = sorted(talks, key=lambda talk: talk.starts_at)
    header: list[Flowable] = [
        Paragraph(text(clip(title, 80)), st.title),
        Paragraph(text(_summary(ordered, period_from, period_to)), st.meta),
    ]
    body: list[Flowable] = (
        [_table(ordered, st)] if ordered else [Spacer(1, 8 * mm), Paragraph(NO_TALKS, st.empty)]
    )
    return build_pdf(
        out,
        body,
        geometry=LANDSCAPE,
        header=header,
        title=title,
        station_name=station_name,
        station_phone=station_phone,
    )
