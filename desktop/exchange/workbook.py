"""The figures for leaders who work in Excel: one workbook with the figures and their
definitions, the ranking, the coverage board, the fraud-free trend (the figures month by
month), the underlying lists of warnings and talks, and last the key table that names each
figure's key in ``stats --json``.

Cells hold what Excel can compute with: moments as date cells, rates as fractions shown as
percentages, sums as numbers with their unit in the header (万元 for figures, 元 per case).
Each sheet is a list with its header row frozen, filtered and repeated on every printed page
(A4 landscape, one page wide).

Personal data in the lists is masked unless ``full`` is asked for (and logged as a reveal).
The workbook is written to a temporary file beside the target and renamed, so a failed export
never leaves half a file where a good one was. Every cell is a value: text that starts like a
formula (a title ``=HYPERLINK(…)``, a name ``@SUM(1)``) stays text, so opening the workbook
never runs or links anything a list held.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any, NamedTuple

from desktop.core import clock
from desktop.core.catalogue import (
    FRAUD_TYPES,
    OUTCOMES,
    TALK_STATUSES,
    WARNING_LEVELS,
    WARNING_SOURCES,
    WARNING_STATUSES,
    zh_name,
)
from desktop.core.figures import (
    BY_KEY,
    EVERY_FIGURE,
    FRAUD_FREE_TREND,
    TREND_DEFINITION_ZH,
    Figure,
    unit_zh,
)
from desktop.core.formats import FEN_PER_YUAN, format_date_range
from desktop.core.privacy import REASON_OPTION, mask_address, mask_mobile, mask_name, reveal_reason
from desktop.db import audit
from desktop.db.database import Database
from desktop.domain import fraud_free, statistics

LIST_LIMIT = 200_000  # rows per list sheet; more is cut with a note (Excel's own limit is ~1 M)
# Column widths are measured on the first rows only: the sheet's column widths precede its rows
# in the file, and a list of 200,000 rows is not held in memory to measure it. Lists run in time
# order, so their first rows stand for the rest.
WIDTH_SAMPLE = 1_000
MIN_WIDTH = 8  # characters of Excel's default font; a Chinese character counts two
MAX_WIDTH = 50  # wider text is cut on screen (a wrapping column wraps instead)
WRAP_WIDTH = 60  # a wrapping column (definitions) as wide as a printed line allows
HEADER_WIDTH = 12  # a longer header wraps rather than widening a column of short numbers
FILTER_BUTTON = 2  # the header cell's filter arrow covers the end of its text
LINE_HEIGHT = 15  # points: one line of Excel's default font, Chinese included

STAMP = "yyyy-mm-dd hh:mm"
DAY = "yyyy-mm-dd"
PERCENT = "0.0%"
MONEY = "#,##0.00"
WHOLE = "#,##0"

KEY_SHEET = "字段说明"
TREND_SHEET = "无诈社区趋势"
EVERYWHERE = "全辖区"


@dataclass(frozen=True)
class Column:
    header: str
    number_format: str | None = None  # for the column's numbers and moments; None: as typed
    wrap: bool = False  # long text (a definition) wraps within the column instead of being cut


class Number(NamedTuple):
    """A number whose format is its own rather than its column's (the figures differ by row)."""

    value: float | int
    number_format: str


def export_workbook(
    database: Database,
    period: statistics.Period,
    out: Path,
    *,
    area_id: str | None = None,
    ranking_figure: str = "dissuaded",
    full: bool = False,
    reason: str = "",
) -> dict[str, int]:
    """Write the workbook; returns the rows written per sheet."""
    from openpyxl import Workbook

    if full:
        reason = reveal_reason(reason, field=REASON_OPTION)  # before anything is read or written
    figures = statistics.compute_figures(database, period, area_id)
    area_name = EVERYWHERE
    if area_id is not None:
        area_name = database.scalar("SELECT name FROM areas WHERE id = ?", (area_id,)) or area_id
    printed = f"{area_name}　{format_date_range(period.start, period.end, chinese=True)}"
    workbook = Workbook(write_only=True)
    counts: dict[str, int] = {}

    def sheet(title: str, columns: list[Column], rows: Iterable[list[Any]], **options) -> None:
        counts[title] = write_sheet(
            workbook.create_sheet(title), columns, rows, printed=f"{printed}　{title}", **options
        )

    sheet(
        "指标",
        [Column("指标"), Column("数值"), Column("单位"), Column("口径", wrap=True)],
        ([f.name_zh, _figure_cell(f, figures.get(f.key)), unit_zh(f), f.definition_zh]
         for f in EVERY_FIGURE),
    )  # fmt: skip
    ranked_by = BY_KEY[ranking_figure]
    ranked = statistics.ranking(database, period, ranking_figure, parent_id=area_id)
    sheet("排名", [Column("名次"), Column("地区"), Column(_figure_header(ranked_by))],
          ([r.rank or "", r.name, _figure_cell(ranked_by, r.value)] for r in ranked))  # fmt: skip
    board = statistics.coverage_board(database, period, area_id)
    sheet("宣传覆盖挂图", [Column("村（社区）"), *(Column(month) for month in board.months)],
          ([name, *counts_] for _id, name, counts_ in board.rows),
          frozen_columns=1)  # fmt: skip
    trend = fraud_free.monthly_trend(
        database, min(period.end, clock.today()), statistics.area_scope(database, area_id)
    )
    sheet(
        TREND_SHEET,
        [Column("月份"), *(Column(_figure_header(f)) for f in FRAUD_FREE_TREND)],
        ([f"{month['month'][:4]}年{int(month['month'][5:])}月",
          *(_figure_cell(f, month[f.key]) for f in FRAUD_FREE_TREND)] for month in trend),
    )  # fmt: skip
    warnings = statistics.warnings_in_period(database, period, area_id)
    # Per case the amounts stay in 元, to the fen, as the case record and the 96110 instruction
    # state them: 万元 with two decimals would round a 3,456.78元 case to 0.35万元. Minutes
    # need no thousands separator, and each formatted cell costs time on a long list.
    sheet(
        "预警明细",
        [Column("预警编号"), Column("接收时间", STAMP), Column("来源"), Column("等级"),
         Column("疑似诈骗类型"), Column("状态"), Column("处置结果"),
         Column("保护资金（元）", MONEY), Column("被骗金额（元）", MONEY),
         Column("止付金额（元）", MONEY), Column("首次联系用时（分钟）"),
         Column("见面用时（分钟）"), Column("当事人"), Column("手机号码"), Column("住址"),
         Column("村（社区）")],
        (
            [row["reference_number"] or "", _moment(row["received_at"]),
             zh_name(WARNING_SOURCES, row["source"]), zh_name(WARNING_LEVELS, row["level"]),
             zh_name(FRAUD_TYPES, row["fraud_type"]), zh_name(WARNING_STATUSES, row["status"]),
             zh_name(OUTCOMES, row["outcome"]) if row["outcome"] else "",
             _yuan(row["amount_protected"]), _yuan(row["amount_lost"]),
             _yuan(row["stop_payment_amount"]), row["first_contact_minutes"],
             row["first_visit_minutes"],
             row["name"] if full else mask_name(row["name"]),
             (row["mobile"] or "") if full else mask_mobile(row["mobile"] or ""),
             (row["address"] or "") if full else mask_address(row["address"] or ""),
             row["community"]]
            for row in warnings
        ),
    )  # fmt: skip
    talks = statistics.talks_in_period(database, period, area_id)
    sheet(
        "宣传活动明细",
        [Column("开始时间", STAMP), Column("结束时间", STAMP), Column("主题"), Column("地点"),
         Column("状态"), Column("参加人数", WHOLE), Column("发放资料（份）", WHOLE),
         Column("村（社区）")],
        ([_moment(row["starts_at"]), _moment(row["ends_at"]), row["title"], row["venue"],
          zh_name(TALK_STATUSES, row["status"]), row["actual_headcount"],
          row["handouts_given"], row["community"]] for row in talks),
    )  # fmt: skip
    sheet(
        KEY_SHEET,
        [Column("指标"), Column("键名（stats --json）"), Column("单位"), Column("口径", wrap=True)],
        ([f.name_zh, f.key, unit_zh(f), f.definition_zh] for f in EVERY_FIGURE),
        notes=[["统计期间", period.start, period.end], ["统计范围", area_name],
               [TREND_SHEET, "", "", TREND_DEFINITION_ZH],
               ["导出时间", clock.now().replace(tzinfo=None, second=0, microsecond=0)]],
    )  # fmt: skip
    out = Path(out)
    partial = out.with_name(out.name + ".part")
    try:
        workbook.save(partial)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    with database.atomic():
        if full:
            audit.record(database, "reveal", "warnings", "", f"workbook exported in full: {reason}")
        audit.record(
            database, "export", "warnings", area_id or "",
            f"workbook {period.start.isoformat()}..{period.end.isoformat()}",
        )  # fmt: skip
    return counts


def write_sheet(
    ws: Any,
    columns: list[Column],
    rows: Iterable[list[Any]],
    *,
    printed: str,
    frozen_columns: int = 0,
    notes: list[list[Any]] | None = None,
) -> int:
    """Fill a write-only sheet with a header and its rows (at most ``LIST_LIMIT``); returns the
    rows written. ``printed`` heads each printed page; ``notes`` follow the list after an empty
    row, outside its filter."""
    from openpyxl.utils import get_column_letter

    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE))
    widths = []
    for index, column in enumerate(columns):
        longest = max(
            [min(_width(column.header), HEADER_WIDTH) + FILTER_BUTTON]
            + [_width(row[index], column.number_format) for row in sample]
            + [_width(row[index]) for row in notes or [] if index < len(row)]
        )
        cap = WRAP_WIDTH if column.wrap else MAX_WIDTH
        widths.append(max(MIN_WIDTH, min(cap, longest + 2)))
        ws.column_dimensions[get_column_letter(index + 1)].width = widths[-1]
    ws.freeze_panes = f"{get_column_letter(frozen_columns + 1)}2"
    _print_setup(ws, printed)

    appended = 0

    def append(values: list[Any], wrapped: Iterable[tuple[Any, int]] = ()) -> None:
        """Append a row as tall as its wrapped text (``(text, column width)`` pairs): a row keeps
        the height it is given, as Excel does not measure rows on opening."""
        nonlocal appended
        appended += 1
        # Excel's and WPS's Chinese characters are nearer 2.1 widths than 2: leave room.
        lines = max((-(-_width(text) // (width - 3)) for text, width in wrapped), default=1)
        if lines > 1:
            ws.row_dimensions[appended].height = LINE_HEIGHT * lines
        ws.append(values)

    wrapping = [index for index, column in enumerate(columns) if column.wrap]
    cells = SheetCells(ws, wrapping=bool(wrapping))
    append(
        [cells.header(column.header) for column in columns],
        (
            (column.header + " " * FILTER_BUTTON, width)
            for column, width in zip(columns, widths, strict=True)
        ),
    )
    written = 0
    for row in chain(sample, rows):
        if written == LIST_LIMIT:
            append([cells.cell(f"（仅列出前{LIST_LIMIT:,}行）", None)])
            break
        append(
            [cells.cell(value, column) for value, column in zip(row, columns, strict=True)],
            ((row[index], widths[index]) for index in wrapping),
        )
        written += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{written + 1}"
    if notes:
        append([])
        for note in notes:
            append([cells.cell(value, _moment_format(value)) for value in note])
    return written


class SheetCells:
    """Cells for one sheet, each text a text cell.

    openpyxl writes a string that starts with ``=`` as a formula; a text cell is never
    evaluated by Excel or WPS, whatever it starts with. Every cell of the workbook is made here.
    """

    def __init__(self, ws: Any, *, wrapping: bool) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.ws = ws
        # A sheet with wrapped text sets every cell to the top of its (taller) row.
        self.top = Alignment(vertical="top") if wrapping else None
        self.wrap = Alignment(vertical="top", wrap_text=True)
        self.heading = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.bold = Font(bold=True)
        self.shade = PatternFill("solid", start_color="D9D9D9")

    def header(self, text: str) -> Any:
        cell = self.cell(text, None)
        cell.font, cell.fill, cell.alignment = self.bold, self.shade, self.heading
        return cell

    def cell(self, value: Any, column: Column | str | None) -> Any:
        """A cell holding ``value``, formatted as ``column`` says (or as the format named)."""
        from openpyxl.cell import WriteOnlyCell

        number_format = column.number_format if isinstance(column, Column) else column
        if isinstance(value, Number):
            value, number_format = value
        text = isinstance(value, str)
        if self.top is None and not text and (value is None or number_format is None):
            return value  # nothing to style: openpyxl writes it as it is
        cell = WriteOnlyCell(self.ws, value=value)
        if text:
            cell.data_type = "s"
        elif number_format is not None and value is not None:
            cell.number_format = number_format
        if self.top is not None:
            wraps = isinstance(column, Column) and column.wrap and isinstance(value, str)
            cell.alignment = self.wrap if wraps else self.top
        return cell


def _print_setup(ws: Any, printed: str) -> None:
    """A4 landscape, one page wide, the header row on every page, the area and period above."""
    from openpyxl.worksheet.worksheet import Worksheet

    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the list needs
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.print_title_rows = "1:1"
    ws.oddHeader.center.text = printed.replace("&", "&&")  # & starts a header code
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _width(value: Any, number_format: str | None = None) -> int:
    """How many characters of Excel's default font a value takes as shown (CJK counting two)."""
    if value is None:
        return 0
    if isinstance(value, Number):
        value, number_format = value
    if isinstance(value, date):
        return len(_moment_format(value))
    if isinstance(value, int | float) and number_format is not None:
        text = f"{value:.1%}" if number_format == PERCENT else (
            f"{value:,.2f}" if number_format == MONEY else f"{value:,.0f}"
        )  # fmt: skip
    else:
        text = str(value)
    return max(
        sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)
        for line in text.split("\n")
    )


def _figure_header(figure: Figure) -> str:
    """A figure's column header with its unit (避免群众损失（万元）); a rate's cells say % themselves."""
    unit = unit_zh(figure)
    return f"{figure.name_zh}（{unit}）" if unit and figure.unit != "percent" else figure.name_zh


def _figure_cell(figure: Figure, value: float | int | None) -> Number | str:
    """A figure as Excel computes with it: a rate as the fraction shown as a percentage, 万元 with
    two decimals; "—" when there is nothing to compute it from (never a made-up 0)."""
    if value is None:
        return "—"
    if figure.unit == "percent":
        return Number(value / 100, PERCENT)
    return Number(value, MONEY if figure.unit == "wan_yuan" else WHOLE)


def _moment(stamp: str | None) -> datetime | None:
    """A stored moment as an Excel date cell: its date and clock as stored, to the minute (Excel
    knows no time zones)."""
    return datetime.fromisoformat(stamp[:16]) if stamp else None


def _moment_format(value: Any) -> str | None:
    """The format of a moment's cell (a day, or a day and a time); None for anything else."""
    return STAMP if isinstance(value, datetime) else DAY if isinstance(value, date) else None


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else round(fen / FEN_PER_YUAN, 2)
