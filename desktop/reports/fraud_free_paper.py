"""The paper of fraud-free community creation (无诈社区创建): the blank door-to-door tally sheet
(入户走访登记表), the creation board (无诈社区创建挂图), the assessment sheet of one community
(创建验收表) and the trend (无诈社区创建趋势).

- The tally sheet is A4 landscape: the community, the day and who went at the top, one row a
  building or village group with the counts of a visit (the columns of ``community_visits``),
  a total row, the form's arithmetic as a note and the signature line. It names no resident.
- The board is A4 or A3 landscape: communities down the side grouped by county and township
  (each group's line counts its communities at each status), the criteria across, each cell
  √ / × / 待定 with the measured value; the counts of the whole area under the title. A city's
  board runs over many pages with the criteria's heads repeated. Cells are plain strings, not
  paragraphs, so thousands of communities print in seconds.
- The assessment sheet is A4 portrait, a page a community (one, or each of an area's, for a
  round of acceptance): every criterion with its definition, value, evidence and result, the
  assessors' opinion, their signature lines and the unit's seal.
- The trend is A4 landscape: the chart of the rates month by month (the one Reports shows),
  the twelve months' figures under it, and the definitions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop.core.catalogue import FRAUD_FREE_STATUSES
from desktop.core.figures import FRAUD_FREE_TREND, TREND_DEFINITION_ZH, format_value
from desktop.domain.fraud_free import (
    MET,
    NO_EVIDENCE,
    NO_HOUSEHOLDS,
    NO_ONE_AT_HOME,
    NOT_MET,
    RATE_MEASURES,
    Board,
    BoardRow,
    Criterion,
    CriterionResult,
)
from desktop.reports.fonts import HEI, SONG, register_fonts
from desktop.reports.styles import (
    BLANK,
    GRID_LINE,
    LANDSCAPE,
    OFFICIAL,
    OUTER_LINE,
    PageGeometry,
    build_pdf,
    clip,
    document_head,
    get_paper_styles,
    para,
    scaled_style,
    signature_rows,
    signed_page,
    zh_date,
)

TALLY_TITLE = "入户走访登记表"
BOARD_TITLE = "无诈社区创建挂图"
SHEET_TITLE = "无诈社区创建验收表"
EXAMPLE_NOTE = "本表所列创建标准为本所示例标准，非国家统一标准。"
# The cells of the board and the sheet: met, not met, not yet known.
MARKS = {MET: "√", NOT_MET: "×"}
UNKNOWN_MARK = "待定"
RESULTS = {MET: "达标", NOT_MET: "未达标"}
UNKNOWN_RESULT = "待核实"
NONE = "—"


@lru_cache(maxsize=4)
def _styles(scale: float) -> dict[str, ParagraphStyle]:
    register_fonts()

    def style(name: str, font: str, size: float, **kw: Any) -> ParagraphStyle:
        return scaled_style(name, font, size, scale, **kw)

    return {
        "unit": style("ff-unit", SONG, 14, alignment=TA_CENTER),
        "title": style("ff-title", HEI, 22, alignment=TA_CENTER, spaceAfter=1 * mm),
        "meta": style("ff-meta", SONG, 11, alignment=TA_CENTER, spaceAfter=1 * mm),
        "info": style("ff-info", SONG, 12, alignment=TA_LEFT),
        "head": style("ff-head", HEI, 9.5, alignment=TA_CENTER),
        "group": style("ff-group", HEI, 10, alignment=TA_LEFT),
        "name": style("ff-name", SONG, 9.5, alignment=TA_LEFT),
        "cell": style("ff-cell", SONG, 9, alignment=TA_LEFT),
        "center": style("ff-center", SONG, 9.5, alignment=TA_CENTER),
        "note": style("ff-note", SONG, 9, alignment=TA_LEFT, spaceBefore=2 * mm),
    }


def _scale(geometry: PageGeometry) -> float:
    return round(geometry.text_width / LANDSCAPE.text_width, 2)


def _grid(extra: Sequence[tuple] = ()) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), SONG),  # no stray Helvetica
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("INNERGRID", (0, 0), (-1, -1), GRID_LINE, colors.black),
            ("BOX", (0, 0), (-1, -1), OUTER_LINE, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), OUTER_LINE, colors.black),
            *extra,
        ]
    )


def _unit_line(unit: str, style: ParagraphStyle) -> list[Flowable]:
    return [para(" ".join(unit.split()), style)] if unit.strip() else []


# -- the tally sheet -----------------------------------------------------------------------------
TALLY_COLUMNS = (
    ("序号", 12),
    ("楼栋 / 村民小组", 44),
    ("走访户数", 20),
    ("在家户数", 20),
    ("接触人数", 20),
    ("反诈App\n新安装（户）", 24),
    ("反诈App\n原已安装（户）", 24),
    ("开启来电\n预警（户）", 22),
    ("发放宣传\n资料（份）", 22),
    ("备注", 59),
)  # fmt: skip  (267 mm: the A4 landscape text width)
TALLY_NOTE = (
    "填写说明：一行填写一个楼栋或村民小组；在家户数不大于走访户数；反诈App新安装与原已安装户数"
    "之和不大于走访户数；开启来电预警户数不大于安装户数。本表只登记户数、人数，不登记居民个人信息。"
)
TALLY_ROWS = 10
TALLY_ROW = 9 * mm


def build_visit_tally(
    out: Path | BinaryIO,
    *,
    unit: str,
    community: str = "",
    township: str = "",
    station_phone: str = "",
) -> int:
    """Write the blank tally sheet of a door-to-door round, the community (and its township)
    filled in when given, else a line to write it on. Returns the page count (one)."""
    st = _styles(1.0)
    blank = BLANK * 3
    header: list[Flowable] = [*_unit_line(unit, st["unit"]), para(TALLY_TITLE, st["title"])]
    info = Table(
        [[para(f"村（社区）：{clip(community, 20) or blank}", st["info"]),
          para(f"所属乡镇（街道）：{clip(township, 16) or blank}", st["info"])],
         [Paragraph(f"走访日期：{BLANK}年{BLANK}月{BLANK}日", st["info"]),
          Paragraph(f"走访人（民警 / 网格员）：{blank}", st["info"])]],
        colWidths=[LANDSCAPE.text_width / 2] * 2,
    )  # fmt: skip
    info.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("FONTNAME", (0, 0), (-1, -1), SONG)])
    data: list[list[Any]] = [[para(name, st["head"]) for name, _width in TALLY_COLUMNS]]
    data += [[str(number)] + [""] * (len(TALLY_COLUMNS) - 1) for number in range(1, TALLY_ROWS + 1)]
    data.append([para("合计", st["head"]), ""] + [""] * (len(TALLY_COLUMNS) - 2))
    table = Table(
        data,
        colWidths=[width * mm for _name, width in TALLY_COLUMNS],
        rowHeights=[13 * mm] + [TALLY_ROW] * (TALLY_ROWS + 1),
    )
    table.setStyle(
        _grid([("ALIGN", (0, 1), (0, -1), "CENTER"), ("SPAN", (0, -1), (1, -1)),
               ("LINEABOVE", (0, -1), (-1, -1), OUTER_LINE, colors.black)])
    )  # fmt: skip
    signatures = Table(
        [[para("走访人（签名）：", st["info"]), "", "",
          para("村（社区）确认人（签名）：", st["info"]), "",
          Paragraph(f"{BLANK}年{BLANK}月{BLANK}日", st["info"])]],
        colWidths=[40 * mm, 45 * mm, 10 * mm, 62 * mm, 45 * mm, None],
        rowHeights=12 * mm,
    )  # fmt: skip
    signatures.setStyle(
        [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
         ("FONTNAME", (0, 0), (-1, -1), SONG),
         ("LINEBELOW", (1, 0), (1, 0), GRID_LINE, colors.black),
         ("LINEBELOW", (4, 0), (4, 0), GRID_LINE, colors.black)]
    )  # fmt: skip
    body = [info, Spacer(1, 2 * mm), table, para(TALLY_NOTE, st["note"]), signatures]
    return build_pdf(
        out, body, geometry=LANDSCAPE, header=header, title=TALLY_TITLE, station_name=unit,
        station_phone=station_phone,
    )  # fmt: skip


# -- the creation board --------------------------------------------------------------------------
def cell(criterion: Criterion, result: CriterionResult) -> str:
    """A board's cell: √ or × and what was measured (a percent, or the count of records), or
    待定 when it cannot be judged yet."""
    if result.state not in MARKS:
        return UNKNOWN_MARK
    mark = MARKS[result.state]
    if result.value is None:
        return mark
    if criterion.measure in RATE_MEASURES:
        return f"{mark} {result.value:g}%"
    return f"{mark} {result.value}"


def status_counts(counts: dict[str, int]) -> str:
    """未参与 n，创建中 n，… in the catalogue's order."""
    return "，".join(
        f"{entry.zh} {counts.get(key, 0)}" for key, entry in FRAUD_FREE_STATUSES.items()
    )


def _group_counts(rows: Sequence[BoardRow]) -> dict[str, int]:
    counts = dict.fromkeys(FRAUD_FREE_STATUSES, 0)
    for row in rows:
        counts[row.status] += 1
    return counts


def _status(row: BoardRow) -> str:
    name = FRAUD_FREE_STATUSES[row.status].zh
    return f"{name} {row.status_on}" if row.status_on else name


NAME_WIDTH = 32 * mm  # on A4; A3 scales the widths
HOUSEHOLDS_WIDTH = 13 * mm
STATUS_WIDTH = 31 * mm
MET_WIDTH = 13 * mm
BOARD_CHUNK = 30  # lines a table (see build_creation_board)
BOARD_NOTE = (
    "注：√ 达标，× 未达标，待定 为尚不能判断（缺总户数、在家户数或佐证材料）；百分比为测量值，"
    "其余数字为相应记录数；创建状态后为进入该状态的日期。"
)


def build_creation_board(
    board: Board,
    out: Path | BinaryIO,
    *,
    unit: str,
    area_name: str,
    geometry: PageGeometry = LANDSCAPE,
    station_phone: str = "",
) -> int:
    """Write the creation board of ``board`` on ``geometry`` (A4 or A3 landscape). Returns the
    page count."""
    scale = _scale(geometry)
    st = _styles(scale)
    header: list[Flowable] = [
        *_unit_line(unit, st["unit"]),
        para(BOARD_TITLE, st["title"]),
        para(f"{clip(area_name, 40)}\u3000\u3000截至：{zh_date(board.as_of)}"
             f"\u3000\u3000共 {len(board.rows)} 个村（社区）：{status_counts(board.counts)}",
             st["meta"]),
    ]  # fmt: skip
    criteria = board.criteria
    width = geometry.text_width
    fixed = (NAME_WIDTH + HOUSEHOLDS_WIDTH + STATUS_WIDTH + MET_WIDTH) * scale
    step = (width - fixed) / max(len(criteria), 1)
    widths = [NAME_WIDTH * scale, HOUSEHOLDS_WIDTH * scale, STATUS_WIDTH * scale]
    widths += [step] * len(criteria) + [MET_WIDTH * scale]
    head = (
        [para("村（社区）", st["head"]), para("户数", st["head"]), para("创建状态", st["head"])]
        + [para(item.name_zh, st["head"]) for item in criteria]
        + [para("达标项", st["head"])]
    )
    padding = [("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
               ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm)]  # fmt: skip
    # The criteria's heads are in the page's header, drawn on every page above the lines.
    heads = Table([head], colWidths=widths)
    heads.setStyle(_grid(padding))
    header.append(heads)
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), SONG),
        ("FONTSIZE", (0, 0), (-1, -1), 9 * scale),
        ("LEADING", (0, 0), (-1, -1), 11 * scale),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("INNERGRID", (0, 0), (-1, -1), GRID_LINE, colors.black),
        ("LINEBELOW", (0, 0), (-1, -1), GRID_LINE, colors.black),
        ("LINEBEFORE", (0, 0), (0, -1), OUTER_LINE, colors.black),
        ("LINEAFTER", (-1, 0), (-1, -1), OUTER_LINE, colors.black),
        *padding,
    ]
    columns = len(widths)
    # (cells, the grey of a group's line or None for a community's)
    lines: list[tuple[list[Any], float | None]] = []
    groups: dict[tuple[str, str], list[BoardRow]] = {}
    for row in board.rows:
        groups.setdefault((row.county, row.township), []).append(row)
    counties: dict[str, list[BoardRow]] = {}
    for row in board.rows:
        counties.setdefault(row.county, []).append(row)
    # A name that fits its column on one line is a plain cell, drawn as it is; only a longer
    # one is a paragraph, laid out to wrap (3,000 paragraphs cost a city's board a fifth).
    name_size = st["name"].fontSize
    name_room = widths[0] - 3 * mm  # the cell's padding on both sides

    def name_cell(name: str) -> Any:
        name = clip(name, 20)
        if stringWidth(name, SONG, name_size) <= name_room:
            return name
        return para(name, st["name"])

    commands.append(("FONTSIZE", (0, 0), (0, -1), name_size))
    county = None
    for (county_name, township), rows in groups.items():
        if county_name != county:
            county = county_name
            in_county = counties[county]
            line = f"{county or '（未归属县区）'}：{len(in_county)} 个，{status_counts(_group_counts(in_county))}"
            lines.append(([para(line, st["group"])] + [""] * (columns - 1), 0.82))
        line = (
            f"{township or '（未归属乡镇）'}：{len(rows)} 个，{status_counts(_group_counts(rows))}"
        )
        lines.append(([para(f"\u3000{line}", st["group"])] + [""] * (columns - 1), 0.93))
        for row in rows:
            met = sum(1 for result in row.results.values() if result.state == MET)
            cells = [
                name_cell(row.community),
                row.households or NONE,
                _status(row),
            ] + [cell(item, row.results[item.key]) for item in criteria]
            lines.append((cells + [f"{met}/{len(criteria)}"], None))  # fmt: skip
    if not board.rows:
        lines.append(([para("本辖区暂无村（社区）。", st["center"])] + [""] * (columns - 1), 1.0))
    # Tables of a few dozen lines, one under the other, each split at most once: one table of
    # a city's thousands of lines would be split again and again, each split laying out all
    # that is left.
    tables: list[Flowable] = []
    for first in range(0, len(lines), BOARD_CHUNK):
        chunk = lines[first : first + BOARD_CHUNK]
        shaded = [command for index, (_cells, grey) in enumerate(chunk) if grey is not None
                  for command in _group_row(index, columns, grey)]  # fmt: skip
        table = Table([cells for cells, _grey in chunk], colWidths=widths)
        table.setStyle(TableStyle(commands + shaded))
        tables.append(table)
    tables[-1].setStyle([("LINEBELOW", (0, -1), (-1, -1), OUTER_LINE, colors.black)])
    note = BOARD_NOTE + (EXAMPLE_NOTE if board.example else "")
    return build_pdf(
        out, [*tables, para(note, st["note"])], geometry=geometry, header=header,
        title=BOARD_TITLE, station_name=unit, station_phone=station_phone,
    )  # fmt: skip


def _group_row(index: int, columns: int, grey: float) -> list[tuple]:
    return [
        ("SPAN", (0, index), (columns - 1, index)),
        ("BACKGROUND", (0, index), (-1, index), colors.Color(grey, grey, grey)),
    ]


# -- the assessment sheet ------------------------------------------------------------------------
SHEET_COLUMNS = (
    ("序号", 10),
    ("验收项目", 28),
    ("验收标准", 56),
    ("测量结果", 22),
    ("佐证材料", 25),
    ("结论", 15),
)  # fmt: skip  (156 mm: the official text width)


def _measured(criterion: Criterion, result: CriterionResult) -> str:
    """What was measured, in words; what is missing when it cannot be judged yet."""
    if result.state not in MARKS:
        return MISSING_ZH.get(result.missing, NONE)
    if result.value is None:
        return NONE
    if criterion.measure in RATE_MEASURES:
        return f"{result.value:g}%"
    unit = "场" if criterion.measure == "talk_held" else "件"
    return f"{result.value} {unit}"


# What a criterion that cannot be judged yet is missing, as paper says it.
MISSING_ZH = {NO_HOUSEHOLDS: "缺总户数", NO_ONE_AT_HOME: "缺在家户数", NO_EVIDENCE: "未录入佐证"}


def _evidence(criterion: Criterion, entry: dict[str, Any] | None) -> str:
    if criterion.kind != "evidence":
        return "系统计算"
    if entry is None:
        return NONE
    photos = f"；照片 {entry['photos']} 张" if entry.get("photos") else ""
    note = clip(entry.get("note") or "", 40)
    return f"{entry['noted_on']} {note}{photos}".strip()


def build_assessment_sheets(
    board: Board,
    evidence: dict[str, dict[str, dict[str, Any]]],
    out: Path | BinaryIO,
    *,
    unit: str,
    station_phone: str = "",
) -> int:
    """Write the assessment sheet of each community of ``board``, one a page, with their
    ``evidence`` entries (``fraud_free.evidence_on``). Returns the page count."""
    body: list[Flowable] = []
    for row in board.rows:
        if body:
            body.append(PageBreak())
        body += _sheet(board, row, evidence.get(row.area_id, {}), unit)
    if not body:
        body = [para("本辖区暂无村（社区）。", get_paper_styles().body)]
    title = SHEET_TITLE + (f"：{board.rows[0].community}" if len(board.rows) == 1 else "")
    return build_pdf(
        out, body, geometry=OFFICIAL, title=title, station_name=unit,
        station_phone=station_phone,
    )  # fmt: skip


def _sheet(
    board: Board, row: BoardRow, evidence: dict[str, dict[str, Any]], unit: str
) -> list[Flowable]:
    """One community's sheet: its page's flowables."""
    ps = get_paper_styles()
    st = _styles(1.0)
    head = document_head(
        unit, SHEET_TITLE, left=f"村（社区）：{clip(row.community, 24)}",
        right=f"验收日期：{zh_date(board.as_of)}",
    )  # fmt: skip
    width = OFFICIAL.text_width
    status = FRAUD_FREE_STATUSES[row.status].zh + (f"（{row.status_on}）" if row.status_on else "")
    facts = Table(
        [[para("所属县（区）", ps.label), para(row.county or NONE, ps.cell),
          para("所属乡镇（街道）", ps.label), para(row.township or NONE, ps.cell)],
         [para("总户数", ps.label), para(row.households or "未登记", ps.cell),
          para("创建状态", ps.label), para(status, ps.cell)]],
        colWidths=[28 * mm, 50 * mm, 34 * mm, width - 112 * mm],
    )  # fmt: skip
    facts.setStyle(_grid([("LINEBELOW", (0, 0), (-1, 0), GRID_LINE, colors.black)]))
    data: list[list[Any]] = [[para(name, ps.label) for name, _width in SHEET_COLUMNS]]
    met = 0
    for number, item in enumerate(board.criteria, 1):
        result = row.results[item.key]
        met += result.state == MET
        data.append([
            para(number, st["center"]), para(item.name_zh, st["cell"]),
            para(item.definition, st["cell"]),
            para(_measured(item, result), st["center"]),
            para(_evidence(item, evidence.get(item.key)), st["cell"]),
            para(RESULTS.get(result.state, UNKNOWN_RESULT), st["center"]),
        ])  # fmt: skip
    table = Table(data, colWidths=[w * mm for _name, w in SHEET_COLUMNS], repeatRows=1)
    table.setStyle(_grid())
    summary = para(
        f"共 {len(board.criteria)} 项，达标 {met} 项。" + (EXAMPLE_NOTE if board.example else ""),
        st["note"],
    )
    opinion = Table(
        [[para("验收意见：", ps.plain)], [""]], colWidths=[width], rowHeights=[9 * mm, 18 * mm]
    )
    opinion.setStyle(_grid([("LINEBELOW", (0, 0), (-1, 0), 0, colors.white),
                            ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
    signatures = signature_rows(
        [("验收人（签名）：", 2, False), ("村（社区）负责人：", 1, True)],
        widths=(48 * mm, 40 * mm, 6 * mm, None),
    )
    top: list[Flowable] = [*head, Spacer(1, 2 * mm), facts, Spacer(1, 3 * mm), table, summary,
                           Spacer(1, 3 * mm), opinion]  # fmt: skip
    bottom: list[Flowable] = [signatures, Spacer(1, 4 * mm), para("验收单位（盖章）", ps.seal),
                              Paragraph(f"年{BLANK}月{BLANK}日", ps.seal)]  # fmt: skip
    # One page, the signatures at its foot: a long list of criteria shrinks, never splits.
    return signed_page(top, bottom, OFFICIAL)


# -- the trend -----------------------------------------------------------------------------------
TREND_TITLE = "无诈社区创建趋势"
TREND_CHART_HEIGHT = 190  # points: the chart over the table of twelve months, on one page


def build_trend(
    trend: list[dict[str, Any]],
    out: Path | BinaryIO,
    *,
    unit: str,
    area_name: str,
    as_of: date,
    station_phone: str = "",
) -> int:
    """Write the fraud-free trend (``fraud_free.monthly_trend``) on A4 landscape: the chart of
    the rates as Reports shows it, the twelve months' figures under it and their definitions.
    Returns the page count."""
    from desktop.reports import charts

    st = _styles(1.0)
    header: list[Flowable] = [
        *_unit_line(unit, st["unit"]),
        para(TREND_TITLE, st["title"]),
        para(f"{clip(area_name, 40)}\u3000\u3000截至：{zh_date(as_of)}", st["meta"]),
    ]
    width = LANDSCAPE.text_width
    chart = charts.fraud_free_trend_chart(trend, width=width, height=TREND_CHART_HEIGHT)
    month_width = 30 * mm
    step = (width - month_width) / len(FRAUD_FREE_TREND)
    rows: list[list[Any]] = [
        [para("月份", st["head"])] + [para(f.name_zh, st["head"]) for f in FRAUD_FREE_TREND]
    ]
    rows += [
        [f"{month['month'][:4]}年{int(month['month'][5:])}月"]
        + [format_value(f, month[f.key]) for f in FRAUD_FREE_TREND]
        for month in trend
    ]
    table = Table(rows, colWidths=[month_width] + [step] * len(FRAUD_FREE_TREND), repeatRows=1)
    table.setStyle(
        _grid([("FONTSIZE", (0, 1), (-1, -1), 9), ("ALIGN", (0, 1), (0, -1), "CENTER"),
               ("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("TOPPADDING", (0, 1), (-1, -1), 1.5),
               ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5)])
    )  # fmt: skip
    note = (
        "口径："
        + TREND_DEFINITION_ZH
        + "".join(f"{f.name_zh}，{f.definition_zh}" for f in FRAUD_FREE_TREND)
    )
    return build_pdf(
        out, [chart, Spacer(1, 2 * mm), table, para(note, st["note"])], geometry=LANDSCAPE,
        header=header, title=TREND_TITLE, station_name=unit, station_phone=station_phone,
    )  # fmt: skip
