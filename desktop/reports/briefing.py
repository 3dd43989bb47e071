"""工作简报: the briefing, laid out after the national document format GB/T 9704-2012.

A4 with the format's margins (top 37 mm, binding side 28 mm), title in size 2 (22 pt), the
body in size 3 (16 pt), black text. The body is the text of an issue (``BriefingIssue``:
composed in ``briefing_text``, kept in ``briefing_store``); the annexes after it are read from
the records (``BriefingData``). Every figure in the table prints with its definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, HRFlowable, Paragraph, Spacer, Table, TableStyle

from desktop.core.catalogue import AREA_LEVELS
from desktop.core.figures import BY_KEY, FIGURES, format_value
from desktop.reports.briefing_issue import BriefingIssue
from desktop.reports.styles import (
    GRID_LINE,
    OUTER_LINE,
    PageGeometry,
    build_pdf,
    get_styles,
    text,
    zh_date,
)

# GB/T 9704-2012: A4, top 37 mm, left (binding) 28 mm, text block 156 × 225 mm.
OFFICIAL = PageGeometry(size=(210 * mm, 297 * mm), top=37 * mm, bottom=35 * mm,
                        left=28 * mm, right=26 * mm)  # fmt: skip


@dataclass
class BriefingData:
    area_name: str
    start: date
    end: date
    generated_at: datetime
    figures: dict[str, Any]
    trend: list[dict] = field(default_factory=list)
    ranking: list[tuple[int, str, Any]] = field(default_factory=list)  # (rank, name, value)
    ranking_figure: str = "dissuaded"
    board_months: list[str] = field(default_factory=list)
    board_rows: list[tuple[str, list[int | None]]] = field(default_factory=list)
    board_unit: str = AREA_LEVELS["community"].zh  # or the township's when the board goes by them
    cases: list[dict] = field(default_factory=list)  # masked already
    station_name: str = ""
    station_phone: str = ""


def _table(rows: list[list[Any]], widths: list[float | None], *, head: bool = True) -> Table:
    st = get_styles()
    cells = [
        [Paragraph(text(value), st.head if head and index == 0 else st.cell) for value in row]
        for index, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=widths, repeatRows=1 if head else 0)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.font),
                ("BOX", (0, 0), (-1, -1), OUTER_LINE, "black"),
                ("INNERGRID", (0, 0), (-1, -1), GRID_LINE, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def build_briefing(out: Path | str | BinaryIO, data: BriefingData, issue: BriefingIssue) -> int:
    """Write the briefing: the text of ``issue``, then the annexes of ``data``; returns its
    page count."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    from desktop.reports import charts

    st = get_styles()
    title = ParagraphStyle("gb-title", parent=st.title, fontSize=22, leading=30,
                           alignment=TA_CENTER)  # fmt: skip
    body = ParagraphStyle("gb-body", parent=st.cell, fontSize=16, leading=28,
                          firstLineIndent=32, alignment=TA_JUSTIFY)  # fmt: skip
    heading = ParagraphStyle("gb-heading", parent=st.cell, fontSize=16, leading=28,
                             spaceBefore=4 * mm, spaceAfter=2 * mm)  # fmt: skip
    width = OFFICIAL.text_width
    issued = "　".join(part for part in (issue.unit, zh_date(issue.issued_on)) if part)
    story: list = [
        Paragraph(text(issue.name), title),
        Paragraph(text(f"{issue.year}年第{issue.number}期"), st.meta),
        Paragraph(text(issued), st.meta),
        Spacer(1, 2 * mm),
        HRFlowable(width="100%", thickness=1.5, color="black", spaceBefore=0, spaceAfter=0),
        Spacer(1, 3 * mm),
        Paragraph(text(issue.title), title),
    ]
    for part in issue.sections:
        if part.heading:
            story.append(Paragraph(text(part.heading), heading))
        story += [Paragraph(text(line.lead + line.text), body) for line in part.paragraphs]
    lines = issue.distribution
    for mark, line in (("报", lines.report_to), ("送", lines.copy_to), ("发", lines.send_to)):
        if line:
            story.append(Paragraph(text(f"{mark}：{line}"), st.cell))
    if lines.copies:
        story.append(Paragraph(text(f"共印{lines.copies}份"), st.cell))
    annexes = iter(enumerate(issue.annex_titles, start=1))

    def section(title_text: str = "", room: float = 0) -> list:
        """The next annex's heading (附件1 …), or ``title_text`` when the annexes are over."""
        number, annex = next(annexes, (0, title_text))
        shown = f"附件{number}　{annex}" if number else annex
        return ([CondPageBreak(room)] if room else []) + [Paragraph(text(shown), heading)]

    story += section()
    rows = [["指标", "数值", "口径"]]
    for figure in FIGURES:
        rows.append([figure.name_zh, format_value(figure, data.figures.get(figure.key)),
                     figure.definition_zh])  # fmt: skip
    story.append(_table(rows, [34 * mm, 30 * mm, None]))
    if len(data.trend) > 1:
        story.append(charts.trend_chart(data.trend, width=width))
    story.append(charts.outcome_pie(data.figures.get("warnings_by_outcome", {}), width=width))
    if data.ranking:
        figure = BY_KEY[data.ranking_figure]
        story += section(room=110 * mm)
        story.append(charts.area_bars([(name, value) for _rank, name, value in data.ranking],
                                      f"各地{figure.name_zh}", width=width))  # fmt: skip
        ranking_rows = [["名次", "地区", figure.name_zh]]
        for rank, name, value in data.ranking:
            ranking_rows.append([str(rank) if rank else "—", name, format_value(figure, value)])
        story.append(_table(ranking_rows, [18 * mm, None, 40 * mm]))
        story.append(Paragraph(text("并列数值名次相同；无法计算的不排名。"), st.note))
    if data.board_rows:
        story += section(room=60 * mm)
        # One table a calendar year, month numbers only ("10月" in a 12-month board would wrap
        # letter by letter): a board of any length fits the page's width.
        years: dict[str, list[int]] = {}
        for index, month in enumerate(data.board_months):
            years.setdefault(month[:4], []).append(index)
        for year, columns in years.items():
            months = [str(int(data.board_months[index][5:])) for index in columns]
            if len(years) > 1:
                year_style = ParagraphStyle("board-year", parent=st.cell, keepWithNext=1)
                story.append(Paragraph(text(f"{year}年各月"), year_style))
            board = [[f"{data.board_unit}＼月份", *months]]
            for name, counts in data.board_rows:
                cells = [counts[index] for index in columns]
                board.append(
                    [
                        name,
                        *["" if count is None else str(count) if count else "○" for count in cells],
                    ]
                )
            month_width = min(14 * mm, max(8 * mm, (width - 50 * mm) / len(months)))
            story.append(
                _table(board, [width - month_width * len(months)] + [month_width] * len(months))
            )
            story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(text("数字为当月已开展宣传活动场次；○ 表示当月未开展，需补上；"
                                    "空白为尚未到来的月份。"), st.note))  # fmt: skip
    if data.cases:
        story += section("典型案例", 50 * mm)
        for case in data.cases:
            story.append(Paragraph(text(case["text"]), st.cell))
            story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(text("案例中当事人信息已脱敏。"), st.note))
    return build_pdf(
        out, story, geometry=OFFICIAL, title=issue.title,
        station_name=data.station_name, station_phone=data.station_phone,
    )  # fmt: skip
