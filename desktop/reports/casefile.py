"""The case record of a warning (with its contact timeline) and the blank visit-record form.

Both are A4 forms in the bundled CJK font. The case record prints personal data as the caller
passes it (masked unless the officer explicitly asked otherwise); the blank form is for
paper-first work at the door, copied into the program afterwards.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop.reports.styles import (
    GRID_LINE,
    OFFICIAL,
    PORTRAIT,
    build_pdf,
    document_head,
    get_styles,
    text,
    zh_date,
)

TITLE = "预警处置记录"


def _grid(rows: list[list], widths: list, st, *, header: bool = False, height=None) -> Table:
    table = Table(
        [[Paragraph(text(cell), st.head if header and r == 0 else st.cell) for cell in row]
         for r, row in enumerate(rows)],
        colWidths=widths,
        rowHeights=height,
    )  # fmt: skip
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.font),
                ("GRID", (0, 0), (-1, -1), GRID_LINE, "#000000"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def build_case_record(
    out: Path | BinaryIO,
    *,
    reference: str,
    printed_on: date,
    facts: list[tuple[str, str]],
    timeline: list[tuple[str, str, str, str]],
    station_name: str = "",
    station_phone: str = "",
) -> int:
    """``reference``: the warning's number (预警编号); ``facts``: (label, value) pairs;
    ``timeline``: (time, way, result, officer) rows. The header block is the station's
    documents' own: the unit, the title, the reference and the day it was printed."""
    st = get_styles()
    body = [
        *document_head(
            station_name, TITLE, left=f"预警编号：{reference}", right=zh_date(printed_on)
        ),
        Spacer(1, 3 * mm),
        _grid([[label, value] for label, value in facts], [34 * mm, None], st),
        Spacer(1, 6 * mm),
        Paragraph(text("接触与劝阻经过"), st.subtitle),
        Spacer(1, 2 * mm),
        _grid(
            [["时间", "方式", "结果", "民警"], *([list(row) for row in timeline] or [["—"] * 4])],
            [42 * mm, 20 * mm, None, 24 * mm],
            st,
            header=True,
        ),
    ]
    return build_pdf(
        out, body, geometry=OFFICIAL, title=TITLE,
        station_name=station_name, station_phone=station_phone,
    )  # fmt: skip


def build_visit_form(
    out: Path | BinaryIO, *, station_name: str = "", station_phone: str = ""
) -> int:
    """A blank form for a visit made before the details reach the laptop."""
    st = get_styles()
    blank = ""
    facts = [
        ["预警编号", blank, "预警时间", blank],
        ["当事人", blank, "联系电话", blank],
        ["住址", blank, "疑似诈骗类型", blank],
        ["到达时间", blank, "是否见到本人", "□是　□否（不在家）"],
    ]
    body = [
        Paragraph(text("上门劝阻记录表"), st.title),
        Spacer(1, 4 * mm),
        _grid(facts, [26 * mm, None, 28 * mm, None], st, height=11 * mm),
        Spacer(1, 5 * mm),
        Paragraph(text("处置结果（在□内打√）"), st.subtitle),
        Spacer(1, 2 * mm),
        Paragraph(
            text("□劝阻成功　□已被骗　□无法联系　□非诈骗/误报　□拒不配合　□否认被骗，需复核"),
            st.info,
        ),
        Spacer(1, 3 * mm),
        _grid(
            [
                ["保护资金（元）", blank, "被骗金额（元）", blank],
                ["止付金额（元）", blank, "联系的银行", blank],
            ],
            [30 * mm, None, 30 * mm, None],
            st,
            height=11 * mm,
        ),
        Spacer(1, 5 * mm),
        Paragraph(text("经过与备注"), st.subtitle),
        Spacer(1, 2 * mm),
        _grid([[blank]], [None], st, height=100 * mm),
        Spacer(1, 10 * mm),
        Paragraph(text("当事人签字：________________　　民警签字：________________"), st.info),
        Spacer(1, 6 * mm),
        Paragraph(text("日期：______年____月____日"), st.info),
    ]
    return build_pdf(
        out, body, geometry=PORTRAIT, title="上门劝阻记录表",
        station_name=station_name, station_phone=station_phone,
    )  # fmt: skip
