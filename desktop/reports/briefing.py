"""工作简报: the briefing laid out as Chinese government briefings are, after the national
document format GB/T 9704-2012 (党政机关公文格式).

A4; top margin 37 mm, binding (left) margin 28 mm, type area 156 × 225 mm holding 22 lines of
28 characters of body type in size 3 (16 pt); the title in size 2 (22 pt). The header block
(版头) on the first page: the briefing's name large and red, 第 N 期, the issuing unit and the
date on one line and a red rule. Then the title, the opening and the numbered sections (一、
in a Hei face, （一） leads in a Kai face, the body in a FangSong/Song face), the list of
annexes; each annex (附件 1 figures with their definitions, 2 ranking, 3 coverage board, 4 两卡
by area and outlet, 5 劝返 by county ranked by 劝返率, 6 无诈社区 by county ranked by 无诈社区
创建率, each with its figures' definitions) on a
page of its own; the distribution block (版记) at the foot of the last page, as GB/T 9704
places it after the annexes; page numbers "— n —" outside the type area in the outer corners.

The text is a ``BriefingIssue`` (composed from the figures and edited by the officer); the
annexes are read from ``BriefingData``. The opening paragraph is written from the figures
only: a clause whose figure is zero or cannot be computed says so plainly or is left out —
nothing the records do not support. Every figure in the annex prints with its definition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.catalogue import AREA_LEVELS
from desktop.core.figures import BY_KEY, FIGURES, FRAUD_FREE_FIGURES, RETURN_FIGURES, format_value
from desktop.core.formats import format_minutes_said
from desktop.domain.statistics import OutletCount, RankedArea, WarningBreakdown
from desktop.reports import charts
from desktop.reports.briefing_issue import BriefingIssue, Distribution
from desktop.reports.fonts import FANGSONG, HEI, KAI, SONG, register_fonts
from desktop.reports.styles import (
    GRID_LINE,
    OUTER_LINE,
    PageGeometry,
    build_pdf,
    printed_unit,
    zh_date,
    zh_period,
)
from desktop.reports.typeset import CENTER, LEFT, RIGHT, Run, TextBlock

# GB/T 9704-2012: A4, top 37 mm, left (binding) 28 mm, type area 156 × 225 mm.
OFFICIAL = PageGeometry(size=A4, top=37 * mm, bottom=35 * mm, left=28 * mm, right=26 * mm)
LINES_PER_PAGE = 22
# A briefing's body (header block to the list of annexes) at most: two pages held a county's
# month until the 劝返 and 两卡 paragraphs and annexes came (issue 18); with them, the demo's
# counties need every cut and some lines more.
BODY_PAGES = 3
CHARS_PER_LINE = 28
# Type sizes by their Chinese names: 初号 42, 二号 22, 三号 16, 四号 14, 小四 12 pt.
NAME_SIZE = 42  # the briefing's name in the header block
TITLE_SIZE = 22
BODY_SIZE = 16
FOLIO_SIZE = 14  # page numbers and the distribution block
TABLE_SIZE = 12  # the annexes' tables
# 22 lines fill the type area exactly (a hair less, so the 22nd is never refused by rounding).
LINE = OFFICIAL.text_height / LINES_PER_PAGE - 1e-6
TABLE_LEADING = 15
NOTE_LEADING = 1.5 * TABLE_LEADING
TYPE_WIDTH = OFFICIAL.text_width
FOLIO_DROP = 7 * mm  # page numbers' line: its top this far under the type area
# The header block's red. On a black-and-white printer it prints as a grey of 1 − luminance:
# 0.75 red gives 0.299 × 0.75 = 0.22 (Rec. 601, what printer drivers use), a 78% grey, and
# 0.116 relative luminance (sRGB), still 60% grey to the eye: it reads as firmly as the text.
RED = colors.Color(0.75, 0, 0)
HEAVY_RULE = 1.0  # 0.35 mm: the distribution block's first and last rules
THIN_RULE = 0.7  # 0.25 mm: the rules between its lines
RED_RULE = 1.5  # under the header block
ANNEX_NUMBERS = "123456789"
# The trend under the figures' table, short enough for the outcomes' pie to stand under it
# on one page.
TREND_HEIGHT = 165
# A coverage board of up to this many months and more than this many rows is set in two
# halves side by side.
SMALLEST_CHARTS = 0.7  # of their size: an annex's charts set smaller to stay on the page
BOARD_HALVES_MONTHS = 3
BOARD_HALVES_ROWS = 12


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
    station_name: str = ""
    station_phone: str = ""
    # 劝返: the areas ranked by 劝返率 (briefing_text.return_standing) and each one's figures
    returns_ranked: list[RankedArea] = field(default_factory=list)
    returns_by_area: dict[str, dict[str, Any]] = field(default_factory=dict)  # by area id
    returns_unit: str = AREA_LEVELS["county"].zh  # what the ranked areas are
    # 两卡: the card sellers' figures by area (name, figures), the outlets most cards came from
    cards_rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    cards_unit: str = AREA_LEVELS["county"].zh
    outlets: list[OutletCount] = field(default_factory=list)
    # 无诈社区: the areas ranked by 无诈社区创建率 (briefing_text.fraud_free_standing), the
    # same areas as 劝返's, and each one's figures
    fraud_free_ranked: list[RankedArea] = field(default_factory=list)
    fraud_free_by_area: dict[str, dict[str, Any]] = field(default_factory=dict)  # by area id
    # the warnings by fraud type and their first contacts, for the text (None: read with it)
    breakdown: WarningBreakdown | None = None


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
            said = format_minutes_said(f["first_contact_median"], chinese=True)
            warn += f"，首次联系用时中位数{said}"
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


# --- pieces of the page --------------------------------------------------------------------


def _body(
    runs: list[Run] | str,
    *,
    font: str = FANGSONG,
    size: float = BODY_SIZE,
    align: str = "justify",
    indent: float = 0,
    hang: float = 0,
    color: colors.Color = colors.black,
) -> TextBlock:
    """Text on the type area's grid: one line of 28 characters of body type, 22 a page."""
    return TextBlock(
        runs, font=font, size=size, leading=LINE, align=align,
        per_line=CHARS_PER_LINE if size == BODY_SIZE else None, indent=indent, hang=hang,
        color=color,
    )  # fmt: skip


def _cell(value: Any, *, head: bool = False, align: str = LEFT) -> TextBlock:
    return TextBlock(
        "" if value is None else str(value), font=HEI if head else FANGSONG, size=TABLE_SIZE,
        leading=TABLE_LEADING, align=CENTER if head else align,
    )  # fmt: skip


def _table(
    rows: list[list[Any]], widths: list[float], aligns: list[str], *, halves: bool = False
) -> Table:
    """A ruled table whose first row (the column heads) repeats on every page it runs to;
    ``halves``: two tables' columns side by side, a heavy rule between them."""
    cells = [[_cell(value, head=True) for value in rows[0]]]
    cells += [[_cell(value, align=align) for value, align in zip(row, aligns, strict=True)]
              for row in rows[1:]]  # fmt: skip
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                # The cells are flowables, yet the table names a font for each: not reportlab's
                # Helvetica, which the PDF would then name without embedding it.
                ("FONTNAME", (0, 0), (-1, -1), FANGSONG),
                ("BOX", (0, 0), (-1, -1), OUTER_LINE, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), GRID_LINE, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
            + (
                [
                    (
                        "LINEAFTER",
                        (len(widths) // 2 - 1, 0),
                        (len(widths) // 2 - 1, -1),
                        OUTER_LINE,
                        colors.black,
                    )
                ]
                if halves
                else []
            )  # fmt: skip
        )
    )
    return table


class _IssuerLine(Flowable):
    """The header block's last line: the issuing unit on the left, the date on the right, and
    the red rule 4 mm under them (GB/T 9704's distance from the reference number); it takes
    two lines of the grid, the second left blank above the title."""

    def __init__(self, unit: str, issued: str) -> None:
        super().__init__()
        self.unit, self.issued = unit, issued

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, 2 * LINE

    def draw(self) -> None:
        canvas = self.canv
        bottom_of_type = LINE + (LINE - BODY_SIZE) / 2
        baseline = bottom_of_type + 0.12 * BODY_SIZE
        canvas.saveState()
        canvas.setFont(FANGSONG, BODY_SIZE)
        canvas.drawString(BODY_SIZE, baseline, self.unit)  # 左空一字
        canvas.drawRightString(self.width - BODY_SIZE, baseline, self.issued)  # 右空一字
        canvas.setStrokeColor(RED)
        canvas.setLineWidth(RED_RULE)
        rule = bottom_of_type - 4 * mm
        canvas.line(0, rule, self.width, rule)
        canvas.restoreState()


class _AtFoot(Flowable):
    """Flowables set at the foot of the page they land on, their last rule on the type area's
    lower edge (where GB/T 9704 puts the distribution block); on the next page when the rest of
    this one is too short for them."""

    def __init__(self, content: list[Flowable], width: float) -> None:
        super().__init__()
        self.content = content
        self._heights = [flowable.wrap(width, 10_000)[1] for flowable in content]
        self.need = sum(self._heights)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = max(self.need, availHeight - 1e-3)
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return []  # never parted: all of it goes to the next page

    def draw(self) -> None:
        y = self.need
        for flowable, height in zip(self.content, self._heights, strict=True):
            y -= height
            flowable.drawOn(self.canv, 0, y)


class _Charts(Flowable):
    """An annex's charts one under the other, kept together: set a little smaller (down to
    SMALLEST_CHARTS) where the rest of the page is nearly tall enough, rather than leave a
    chart alone on a page of its own; else on the next page at full size."""

    def __init__(self, drawings: list[Drawing], gap: float) -> None:
        super().__init__()
        self.drawings, self.gap = drawings, gap
        self.need = sum(drawing.height for drawing in drawings) + gap * len(drawings)
        self.scale = 1.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.scale = 1.0
        if self.need > availHeight >= SMALLEST_CHARTS * self.need:
            self.scale = availHeight / self.need
        self.width = availWidth
        return availWidth, self.need * self.scale

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return []  # never parted

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        # Centred in the width the smaller scale leaves.
        x, y = self.width * (1 - self.scale) / 2 / self.scale, self.need
        for drawing in self.drawings:
            y -= self.gap + drawing.height
            drawing.drawOn(canvas, x, y)
        canvas.restoreState()


class _Rule(Flowable):
    def __init__(self, width: float, thickness: float) -> None:
        super().__init__()
        self.width, self.thickness = width, thickness
        self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, 0

    def draw(self) -> None:
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, 0, self.width, 0)


def _folio(canvas: Canvas, geometry: PageGeometry, number: int, _total: int) -> None:
    """The page number, "— n —" in size 4 under the type area: odd pages on the right, even pages on the left,
    each one character in from the edge of the type area (GB/T 9704 7.5)."""
    canvas.saveState()
    canvas.setFont(SONG, FOLIO_SIZE)
    canvas.setFillColor(colors.black)
    folio = f"— {number} —"
    baseline = geometry.bottom - FOLIO_DROP - 0.88 * FOLIO_SIZE
    if number % 2:
        canvas.drawRightString(geometry.width - geometry.right - FOLIO_SIZE, baseline, folio)
    else:
        canvas.drawString(geometry.left + FOLIO_SIZE, baseline, folio)
    canvas.restoreState()


# --- what the PDF and the .docx both print ------------------------------------------------------

# A paragraph of the body by its kind, which gives its face and its place on the line.
TITLE = "title"  # centred, size 2, the Song face (小标宋)
HEADING = "heading"  # 一、…: the Hei face
TEXT = "text"  # the FangSong face; its lead (（一）…。) in the Kai face
ANNEX_LIST = "annexes"  # 附件：1．… (GB/T 9704 7.3.5.1), under a blank line


@dataclass(frozen=True)
class BodyParagraph:
    kind: str
    text: str
    lead: str = ""
    indent: int = 0  # characters in, on the first line
    hang: int = 0  # characters in, on the others


@dataclass(frozen=True)
class AnnexTable:
    rows: list[list[str]]  # the column heads first
    widths: list[float]  # points, together the type area's width
    aligns: list[str]
    label: str = ""  # over the table (the year of a coverage board running over years)
    halves: bool = False  # two halves side by side, a heavy rule between them


@dataclass(frozen=True)
class Annex:
    number: int
    title: str
    tables: list[AnnexTable] = field(default_factory=list)
    note: str = ""  # under the tables
    empty: str = ""  # what it says instead when there is nothing to show
    charts: list[Callable[[float], Drawing]] = field(default_factory=list)  # under it (PDF)


def body_paragraphs(issue: BriefingIssue, titles: list[str]) -> list[BodyParagraph]:
    """The body under the header block: the title, the opening and the sections, the list of
    annexes (a name that runs over lines up under the first name's first character)."""
    body = [BodyParagraph(TITLE, issue.title)]
    for section in issue.sections:
        if section.heading:
            body.append(BodyParagraph(HEADING, section.heading, indent=2))
        body += [BodyParagraph(TEXT, paragraph.text, paragraph.lead, indent=2)
                 for paragraph in section.paragraphs]  # fmt: skip
    for index, title in enumerate(titles):
        lead = "附件：" if index == 0 else ""
        body.append(BodyParagraph(ANNEX_LIST, f"{lead}{ANNEX_NUMBERS[index]}．{title}",
                                  indent=2 if index == 0 else 5, hang=7))  # fmt: skip
    return body


# The figures of 附件1: the card sellers' and the persons abroad's are defined in annexes of
# their own (5 and 4), beside their tables, not as thirteen more rows of this one.
BRIEFED = tuple(figure for figure in FIGURES if figure.group != "card_sellers")
CARD_FIGURES = tuple(figure for figure in FIGURES if figure.group == "card_sellers")
OUTLETS_LISTED = 4  # outlets in 附件4's second table: with a city's 11 counties, one page
CARD_HEAD_WIDTHS = {"card_sellers_new": 30 * mm, "card_sellers_local": 24 * mm}
# 两卡 before 劝返: the 劝返 ranking (a county a line) leaves the last page room for 版记.
USUAL_TITLES = ("主要指标及口径", "各地{figure}排名", "宣传覆盖挂图", "涉“两卡”人员情况",
                "劝返工作情况", "无诈社区创建情况")  # fmt: skip


def annexes(issue: BriefingIssue, data: BriefingData) -> list[Annex]:
    """附件 1 the figures with their definitions, 2 the ranking, 3 the coverage board, 4 两卡
    by area and outlet, 5 劝返 by area; their titles the issue's own where it names them, else
    the usual ones."""
    figure = BY_KEY[data.ranking_figure].name_zh
    usual = [title.format(figure=figure) for title in USUAL_TITLES]
    given = [*issue.annex_titles, *[""] * len(usual)]
    titles = [mine or default for mine, default in zip(given, usual, strict=False)]
    return [_figures_annex(titles[0], data), _ranking_annex(titles[1], data),
            _board_annex(titles[2], data), _cards_annex(titles[3], data),
            _returns_annex(titles[4], data), _fraud_free_annex(titles[5], data)]  # fmt: skip


def _definitions(figures: tuple) -> str:
    """口径： each figure's name and its written definition, one after the other."""
    return "口径：" + "".join(f"{figure.name_zh}，{figure.definition_zh}" for figure in figures)


def _cell_value(figure, values: dict[str, Any]) -> str:
    """A figure in a table whose head names it: a rate with its %, a count bare (12, not 12人)."""
    value = values.get(figure.key)
    return format_value(figure, value) if figure.unit == "percent" else f"{value or 0:,}"


def _ranked_annex(
    number: int,
    title: str,
    ranked: list[RankedArea],
    by_area: dict[str, dict[str, Any]],
    data: BriefingData,
    shown: tuple,
    *,
    value_width: float,
    nothing: str,
    basis: str,
) -> Annex:
    """The areas of a county ranking (shared ranks) with the ``shown`` figures of each, under
    ``basis`` and the figures' definitions; ``nothing`` instead when no area has any of them."""
    if not ranked:
        return Annex(number, title, empty="本辖区下无可排名的地区。")
    if not any(values.get(figure.key) for values in by_area.values() for figure in shown):
        return Annex(number, title, empty=nothing)
    rows = [["名次", data.returns_unit, *(figure.name_zh for figure in shown)]]
    rows += [[str(item.rank) if item.rank else "—", item.name,
              *(_cell_value(figure, by_area.get(item.area_id, {})) for figure in shown)]
             for item in ranked]  # fmt: skip
    widths = [12 * mm, TYPE_WIDTH - 12 * mm - value_width * len(shown)]
    table = AnnexTable(rows, widths + [value_width] * len(shown),
                       [CENTER, LEFT] + [RIGHT] * len(shown))  # fmt: skip
    return Annex(number, title, [table], note=basis + _definitions(tuple(shown)))


def _returns_annex(title: str, data: BriefingData) -> Annex:
    """The areas ranked by 劝返率 with their other return figures; a sentence when no area
    has anyone on its ledger."""
    return _ranked_annex(
        5, title, data.returns_ranked, data.returns_by_area, data,
        tuple(figure for figure in RETURN_FIGURES if figure.key != "return_days_median"),
        value_width=15 * mm, nothing="期内各地均无劝返对象，不作排名。",
        basis="按劝返率排名，数值相同名次并列，无法计算的不排名；人数按户籍地统计。",
    )  # fmt: skip


def _fraud_free_annex(title: str, data: BriefingData) -> Annex:
    """The areas ranked by 无诈社区创建率 with their other fraud-free figures; a sentence
    when no area has a plaque or a visit in the period."""
    return _ranked_annex(
        6, title, data.fraud_free_ranked, data.fraud_free_by_area, data, FRAUD_FREE_FIGURES,
        value_width=20 * mm, nothing="期内各地均无已授牌的无诈社区和入户走访记录，不作排名。",
        basis="按无诈社区创建率排名，数值相同名次并列，无村（社区）的不排名。",
    )  # fmt: skip


def _cards_annex(title: str, data: BriefingData) -> Annex:
    """The card sellers' figures by area, then the outlets where most cards were opened; a
    sentence when there are none."""
    if not data.outlets and not any(
        values.get(figure.key) for _name, values in data.cards_rows for figure in CARD_FIGURES
    ):
        return Annex(4, title, empty="期内无涉“两卡”人员记录。")
    tables = []
    if data.cards_rows:
        rows = [[data.cards_unit, *(figure.name_zh for figure in CARD_FIGURES)]]
        rows += [[name, *(_cell_value(figure, values) for figure in CARD_FIGURES)]
                 for name, values in data.cards_rows]  # fmt: skip
        # Wide enough for each head in two lines (新增涉“两卡”人员 in three would cost the
        # annex a line of its definitions).
        values = [CARD_HEAD_WIDTHS.get(figure.key, 18 * mm) for figure in CARD_FIGURES]
        widths = [TYPE_WIDTH - sum(values), *values]
        tables.append(AnnexTable(rows, widths, [LEFT] + [RIGHT] * len(CARD_FIGURES)))
    if data.outlets:
        rows = [["开户网点", "涉及人数", "开卡数"]]
        rows += [[outlet.outlet, f"{outlet.persons:,}", f"{outlet.cards:,}"]
                 for outlet in data.outlets[:OUTLETS_LISTED]]  # fmt: skip
        tables.append(AnnexTable(rows, [TYPE_WIDTH - 50 * mm, 25 * mm, 25 * mm],
                                 [LEFT, RIGHT, RIGHT], label="开卡较多的网点（警银联动重点）"))  # fmt: skip
    return Annex(4, title, tables, note=_definitions(CARD_FIGURES))


def _figures_annex(title: str, data: BriefingData) -> Annex:
    rows = [["指标", "数值", "口径"]]
    rows += [[figure.name_zh, format_value(figure, data.figures.get(figure.key)),
              figure.definition_zh] for figure in BRIEFED]  # fmt: skip
    # The value column holds a city's year (11,291,324条) on one line.
    table = AnnexTable(rows, [38 * mm, 28 * mm, TYPE_WIDTH - 66 * mm], [LEFT, RIGHT, LEFT])
    drawings: list[Callable[[float], Drawing]] = []
    if len(data.trend) > 1:
        drawings.append(partial(charts.trend_chart, data.trend, height=TREND_HEIGHT))
    drawings.append(partial(charts.outcome_pie, data.figures.get("warnings_by_outcome", {})))
    return Annex(1, title, [table], charts=drawings)


def _ranking_annex(title: str, data: BriefingData) -> Annex:
    if not data.ranking:
        return Annex(2, title, empty="本辖区下无可排名的地区。")
    figure = BY_KEY[data.ranking_figure]
    if not any(value for _rank, _name, value in data.ranking):
        # Every area first with 0 (a day with nothing recorded) is no ranking: a sentence
        # says so, rather than a table of zeros and a chart without bars.
        return Annex(2, title, empty=f"期内各地{figure.name_zh}均为0或无法计算，不作排名。")
    rows = [["名次", "地区", figure.name_zh]]
    rows += [[str(rank) if rank else "—", name, format_value(figure, value)]
             for rank, name, value in data.ranking]  # fmt: skip
    table = AnnexTable(rows, [20 * mm, TYPE_WIDTH - 60 * mm, 40 * mm], [CENTER, LEFT, RIGHT])
    bars = partial(charts.area_bars, [(name, value) for _rank, name, value in data.ranking],
                   f"各地{figure.name_zh}")  # fmt: skip
    return Annex(2, title, [table], note="并列数值名次相同；无法计算的不排名。", charts=[bars])


def _board_annex(title: str, data: BriefingData) -> Annex:
    if not data.board_rows:
        return Annex(3, title, empty=f"本辖区下无{data.board_unit}。")
    # One table a calendar year, month numbers only ("10月" in a 12-month board would wrap
    # letter by letter): a board of any length fits the page's width.
    years: dict[str, list[int]] = {}
    for index, month in enumerate(data.board_months):
        years.setdefault(month[:4], []).append(index)
    # Every row is under the area the briefing is of: its name is not repeated on each.
    prefix = f"{data.area_name} / "
    if not all(name.startswith(prefix) for name, _counts in data.board_rows):
        prefix = ""
    tables = []
    for year, columns in years.items():
        months = [str(int(data.board_months[index][5:])) for index in columns]
        head = [f"{data.board_unit}＼月份", *months]
        rows = [[name.removeprefix(prefix), *["" if count is None else str(count) if count
                 else "○" for count in (counts[index] for index in columns)]]
                for name, counts in data.board_rows]  # fmt: skip
        label = f"{year}年各月" if len(years) > 1 else ""
        if len(months) <= BOARD_HALVES_MONTHS and len(rows) > BOARD_HALVES_ROWS:
            # A narrow board (a month, a quarter) in two halves side by side: half the pages.
            half = (len(rows) + 1) // 2
            left, right = rows[:half], rows[half:] + [[""] * len(head)] * (2 * half - len(rows))
            widths = [TYPE_WIDTH / 2 - 10 * mm * len(months)] + [10 * mm] * len(months)
            tables.append(AnnexTable(
                [head + head] + [a + b for a, b in zip(left, right, strict=True)], widths * 2,
                ([LEFT] + [CENTER] * len(months)) * 2, label=label, halves=True,
            ))  # fmt: skip
            continue
        # Narrow month columns (two digits) leave a name column that holds a whole name.
        month_width = min(14 * mm, max(7 * mm, (TYPE_WIDTH - 72 * mm) / len(months)))
        tables.append(AnnexTable(
            [head, *rows], [TYPE_WIDTH - month_width * len(months)] + [month_width] * len(months),
            [LEFT] + [CENTER] * len(months), label=label,
        ))  # fmt: skip
    note = "数字为当月已开展宣传活动场次；○ 表示当月未开展，需补上；空白为尚未到来的月份。"
    return Annex(3, title, tables, note=note)


def distribution_lines(issue: BriefingIssue) -> list[str]:
    """版记's lines: 报 / 送 / 发 (those given), then 共印 N 份 (when given)."""
    given: Distribution = issue.distribution
    named = (("报", given.report_to), ("送", given.copy_to), ("发", given.send_to))
    lines = [f"{label}：{names}" for label, names in named if names]
    return lines + ([f"共印{given.copies}份"] if given.copies else [])


def issue_label(issue: BriefingIssue) -> str:
    """The document's title in its properties: 反诈工作简报（2026年第3期）."""
    return f"{issue.name}（{issue.year}年第{issue.number}期）"


# --- the PDF -------------------------------------------------------------------------------------


def _header_block(issue: BriefingIssue) -> list[Flowable]:
    name = TextBlock(issue.name, font=SONG, size=NAME_SIZE, leading=2 * LINE, align=CENTER,
                     color=RED)  # fmt: skip
    return [
        name,
        _body(f"第{issue.number}期", align=CENTER),
        _IssuerLine(printed_unit(issue.unit), zh_date(issue.issued_on)),
    ]


def _pdf_body(paragraphs: list[BodyParagraph]) -> list[Flowable]:
    story: list[Flowable] = []
    annex_list: int | None = None
    for paragraph in paragraphs:
        if paragraph.kind == TITLE:
            story += [_body(paragraph.text, font=SONG, size=TITLE_SIZE, align=CENTER),
                      Spacer(1, LINE)]  # fmt: skip
        elif paragraph.kind == HEADING:
            # A heading starts a page rather than end one without two lines of its text.
            story += [CondPageBreak(3 * LINE),
                      _body(paragraph.text, font=HEI, indent=paragraph.indent)]  # fmt: skip
        else:
            if paragraph.kind == ANNEX_LIST and paragraph.text.startswith("附件"):
                annex_list = len(story)
                story.append(Spacer(1, LINE))
            runs = [Run(paragraph.lead, KAI)] if paragraph.lead else []
            if paragraph.text:
                runs.append(Run(paragraph.text, FANGSONG))
            story.append(_body(runs, indent=paragraph.indent, hang=paragraph.hang))
    if annex_list is not None and annex_list > 0:
        # The list of annexes is never split, nor alone at the top of a page: it goes with the
        # body's last paragraph.
        story[annex_list - 1 :] = [KeepTogether(story[annex_list - 1 :])]
    return story


def _pdf_annex(annex: Annex) -> list[Flowable]:
    """An annex on a page of its own: 附件N at the top left, its title centred, then the
    content, kept on one page when it fits on one."""
    content: list[Flowable] = [
        _body(f"附件{annex.number}", font=HEI),
        _body(annex.title, font=SONG, size=TITLE_SIZE, align=CENTER),
        Spacer(1, LINE / 2),
    ]
    if annex.empty:
        content.append(_body(annex.empty, indent=2))
    for table in annex.tables:
        pdf_table = _table(table.rows, table.widths, table.aligns, halves=table.halves)
        if table.label:
            label = TextBlock(table.label, font=HEI, size=TABLE_SIZE, leading=NOTE_LEADING)
            if pdf_table.wrap(TYPE_WIDTH, OFFICIAL.text_height)[1] <= OFFICIAL.text_height:
                content.append(KeepTogether([label, pdf_table]))
            else:
                # Kept together, a table longer than a page would start on a fresh page and
                # leave the annex's title alone on its own: it starts here when its label, its
                # heads and a few rows fit.
                content += [CondPageBreak(NOTE_LEADING + 6 * TABLE_LEADING), label, pdf_table]
        else:
            content.append(pdf_table)
        content.append(Spacer(1, LINE / 4))
    if annex.note:
        content.append(TextBlock(annex.note, font=FANGSONG, size=TABLE_SIZE, leading=NOTE_LEADING))
    if annex.charts:
        content.append(_Charts([chart(TYPE_WIDTH) for chart in annex.charts], LINE / 2))
    return [PageBreak(), KeepTogether(content)]


def _distribution_block(issue: BriefingIssue) -> _AtFoot | None:
    """版记: its lines between rules, heavy first and last; each line one character in from
    both edges, a line that runs over under the first name; 共印 N 份 on the right."""
    lines = distribution_lines(issue)
    if not lines:
        return None
    content: list[Flowable] = [_Rule(TYPE_WIDTH, HEAVY_RULE)]
    for index, line in enumerate(lines):
        copies = line.startswith("共印")
        block = TextBlock(line, font=FANGSONG, size=FOLIO_SIZE, leading=1.8 * FOLIO_SIZE,
                          align=RIGHT if copies else LEFT, hang=0 if copies else 2)  # fmt: skip
        last = index == len(lines) - 1
        content += [_Inset(block, FOLIO_SIZE), _Rule(TYPE_WIDTH, HEAVY_RULE if last else THIN_RULE)]
    return _AtFoot(content, TYPE_WIDTH)


class _Inset(Flowable):
    """A flowable drawn ``inset`` in from the left (and as narrow on the right)."""

    def __init__(self, inner: Flowable, inset: float) -> None:
        super().__init__()
        self.inner, self.inset = inner, inset

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        _w, h = self.inner.wrap(availWidth - 2 * self.inset, availHeight)
        self.width, self.height = availWidth, h
        return availWidth, h

    def draw(self) -> None:
        self.inner.drawOn(self.canv, self.inset, 0)


def body_pages(issue: BriefingIssue, data: BriefingData) -> int:
    """How many pages the header block and the body of ``issue`` take, laid out as
    ``build_briefing`` lays them out (the annexes then start a page of their own)."""
    register_fonts()
    titles = [annex.title for annex in annexes(issue, data)]
    story = _header_block(issue) + _pdf_body(body_paragraphs(issue, titles))
    return build_pdf(None, story, geometry=OFFICIAL)


def build_briefing(out: Path | str | BinaryIO, issue: BriefingIssue, data: BriefingData) -> int:
    """Write the briefing: ``issue``'s text, then the annexes from ``data``; returns its page
    count."""
    register_fonts()
    parts = annexes(issue, data)
    story = _header_block(issue) + _pdf_body(body_paragraphs(issue, [a.title for a in parts]))
    for annex in parts:
        story += _pdf_annex(annex)
    distribution = _distribution_block(issue)
    if distribution is not None:
        story.append(distribution)
    return build_pdf(
        out, story, geometry=OFFICIAL, title=issue_label(issue), station_name=data.station_name,
        footer=_folio,
    )  # fmt: skip
