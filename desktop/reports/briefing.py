"""工作简报: the briefing, laid out after the national document format GB/T 9704-2012.

A4 with the format's margins (top 37 mm, binding side 28 mm), title in size 2 (22 pt), the
opening paragraph in size 3 (16 pt), black text. The opening paragraph is written from the
figures only: a clause whose figure is zero or cannot be computed says so plainly or is left
out — nothing the records do not support. Every figure in the table prints with its definition.
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
from desktop.reports.styles import (
    GRID_LINE,
    OUTER_LINE,
    PageGeometry,
    build_pdf,
    get_styles,
    text,
    zh_date,
    zh_period,
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


def _money(f: dict, key: str) -> str:
    """A money figure as briefings write it (5.20万元)."""
    return format_value(BY_KEY[key], f[key])


def opening_paragraph(data: BriefingData) -> str:
    """The briefing's first paragraph, in the manner of official briefings, from the figures."""
    f = data.figures
    who = data.area_name
    parts: list[str] = []
    if f["talks_held"]:
        large = f"（其中千人以上{f['large_talks']}场）" if f["large_talks"] else ""
        talk = f"共开展反诈宣传活动{f['talks_held']:,}场{large}"
        if f["attendance"]:
            talk += f"，受教育群众{f['attendance']:,}人次"
        if f["handouts_given"]:
            talk += f"，发放宣传资料{f['handouts_given']:,}份"
        parts.append(talk)
    else:
        parts.append("期内未登记已开展的反诈宣传活动")
    if f["communities_total"]:
        parts.append(
            f"宣传覆盖{f['communities_covered']:,}个村（社区），覆盖率{f['coverage_rate']:.1f}%"
        )
    if f["warnings_received"]:
        warn = f"接收预警{f['warnings_received']:,}条"
        if f["dissuaded"]:
            warn += f"，成功劝阻{f['dissuaded']:,}人次"
            if f["face_to_face_dissuasions"]:
                warn += f"（其中见面劝阻{f['face_to_face_dissuasions']:,}人次）"
        if f["dissuasion_rate"] is not None:
            warn += f"，劝阻成功率{f['dissuasion_rate']:.1f}%"
        if f["first_contact_median"] is not None:
            warn += f"，首次联系用时中位数{f['first_contact_median']:,}分钟"
        parts.append(warn)
    else:
        parts.append("期内未接收预警")
    money = []
    if f.get("money_protected"):
        money.append(f"避免群众损失{_money(f, 'money_protected')}")
    if f.get("money_stopped"):
        money.append(f"紧急止付{_money(f, 'money_stopped')}")
    if money:
        parts.append("，".join(money))
    if f.get("bank_intercepts"):
        parts.append(f"警银联动拦截{f['bank_intercepts']:,}起、挽回资金{_money(f, 'bank_saved')}")
    if f.get("defrauded_after_warning"):
        parts.append(f"发生预警后被骗{f['defrauded_after_warning']:,}起")
    streak = f.get("zero_loss_streak")
    as_of = min(data.end, data.generated_at.date())
    if streak is not None and streak > 0 and not f.get("defrauded_after_warning"):
        parts.append(f"截至{zh_date(as_of)}已连续{streak:,}天实现预警后零被骗")
    elif streak is not None and streak > 0:
        parts.append(f"截至{zh_date(as_of)}已连续{streak:,}天未发生预警后被骗")
    return f"{zh_period(data.start, data.end)}，{who}" + "；".join(parts) + "。"


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


def build_briefing(out: Path | str | BinaryIO, data: BriefingData) -> int:
    """Write the briefing; returns its page count."""
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
    issued = "　".join(part for part in (data.station_name, zh_date(data.generated_at)) if part)
    story: list = [
        Paragraph(text(f"{data.area_name}反诈工作简报"), title),
        Paragraph(text(zh_period(data.start, data.end)), st.meta),
        Paragraph(text(issued), st.meta),
        Spacer(1, 2 * mm),
        HRFlowable(width="100%", thickness=1.5, color="black", spaceBefore=0, spaceAfter=0),
        Spacer(1, 3 * mm),
        Paragraph(text(opening_paragraph(data)), body),
    ]
    numbers = iter("一二三四五六七八九")

    def section(title_text: str, room: float = 0) -> list:
        """A numbered heading (numbers follow the sections actually printed)."""
        return ([CondPageBreak(room)] if room else []) + [
            Paragraph(text(f"{next(numbers)}、{title_text}"), heading)
        ]

    story += section("主要指标")
    rows = [["指标", "数值", "口径"]]
    for figure in FIGURES:
        rows.append([figure.name_zh, format_value(figure, data.figures.get(figure.key)),
                     figure.definition_zh])  # fmt: skip
    story.append(_table(rows, [34 * mm, 30 * mm, None]))
    story += section("趋势与构成", 90 * mm)
    if len(data.trend) > 1:
        story.append(charts.trend_chart(data.trend, width=width))
    story.append(charts.outcome_pie(data.figures.get("warnings_by_outcome", {}), width=width))
    if data.ranking:
        figure = BY_KEY[data.ranking_figure]
        story += section(f"排名（按{figure.name_zh}）", 110 * mm)
        story.append(charts.area_bars([(name, value) for _rank, name, value in data.ranking],
                                      f"各地{figure.name_zh}", width=width))  # fmt: skip
        ranking_rows = [["名次", "地区", figure.name_zh]]
        for rank, name, value in data.ranking:
            ranking_rows.append([str(rank) if rank else "—", name, format_value(figure, value)])
        story.append(_table(ranking_rows, [18 * mm, None, 40 * mm]))
        story.append(Paragraph(text("并列数值名次相同；无法计算的不排名。"), st.note))
    if data.board_rows:
        story += section("宣传覆盖挂图", 60 * mm)
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
        out, story, geometry=OFFICIAL, title=f"{data.area_name}反诈工作简报",
        station_name=data.station_name, station_phone=data.station_phone,
    )  # fmt: skip
