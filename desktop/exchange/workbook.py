"""The figures for leaders who work in Excel: one workbook with the figures and their
definitions, the ranking, the coverage board and the underlying lists of warnings and talks.

Personal data in the lists is masked unless ``full`` is asked for (and logged as a reveal).
The workbook is written to a temporary file beside the target and renamed, so a failed export
never leaves half a file where a good one was. Every cell is a value: text that starts like a
formula (a title ``=HYPERLINK(…)``, a name ``@SUM(1)``) stays text, so opening the workbook
never runs or links anything a list held.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop.core.catalogue import (
    FRAUD_TYPES,
    OUTCOMES,
    TALK_STATUSES,
    WARNING_LEVELS,
    WARNING_SOURCES,
    WARNING_STATUSES,
    zh_name,
)
from desktop.core.figures import FIGURES, format_value
from desktop.core.formats import FEN_PER_YUAN, format_stamp
from desktop.core.privacy import REASON_OPTION, mask_address, mask_mobile, mask_name, reveal_reason
from desktop.db import audit
from desktop.db.database import Database
from desktop.domain import statistics

LIST_LIMIT = 200_000  # rows per list sheet; more is cut with a note (Excel's own limit is ~1 M)


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
    workbook = Workbook(write_only=True)
    counts: dict[str, int] = {}

    def sheet(title: str, header: list[str], rows) -> None:
        from openpyxl.utils import get_column_letter

        ws = workbook.create_sheet(title)
        ws.freeze_panes = "A2"  # the header stays in view
        for index, name in enumerate(header, start=1):
            ws.column_dimensions[get_column_letter(index)].width = max(
                10, min(40, 2 * len(name) + 4)
            )
        append_values(ws, header)
        written = 0
        for row in rows:
            if written == LIST_LIMIT:
                append_values(ws, [f"（仅列出前{LIST_LIMIT:,}行）"])
                break
            append_values(ws, row)
            written += 1
        counts[title] = written

    sheet(
        "指标",
        ["指标", "数值", "显示", "口径", "键名（stats --json）"],
        (
            [f.name_zh, _plain(figures.get(f.key)), format_value(f, figures.get(f.key)),
             f.definition_zh, f.key]
            for f in FIGURES
        ),
    )  # fmt: skip
    ranked = statistics.ranking(database, period, ranking_figure, parent_id=area_id)
    from desktop.core.figures import BY_KEY

    sheet("排名", ["名次", "地区", BY_KEY[ranking_figure].name_zh],
          ([r.rank or "", r.name, _plain(r.value)] for r in ranked))  # fmt: skip
    board = statistics.coverage_board(database, period, area_id)
    sheet("宣传覆盖挂图", ["村（社区）", *board.months],
          ([name, *("" if c is None else c for c in counts_)]
           for _id, name, counts_ in board.rows))  # fmt: skip
    warnings = statistics.warnings_in_period(database, period, area_id)
    sheet(
        "预警明细",
        ["预警编号", "接收时间", "来源", "等级", "疑似诈骗类型", "状态", "处置结果",
         "保护资金（元）", "被骗金额（元）", "止付金额（元）", "首次联系用时（分钟）",
         "见面用时（分钟）", "当事人", "手机号码", "住址", "村（社区）"],
        (
            [row["reference_number"] or "", format_stamp(row["received_at"]),
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
        ["开始时间", "结束时间", "主题", "地点", "状态", "参加人数", "发放资料（份）",
         "村（社区）"],
        ([format_stamp(row["starts_at"]), format_stamp(row["ends_at"]),
          row["title"], row["venue"],
          zh_name(TALK_STATUSES, row["status"]), row["actual_headcount"],
          row["handouts_given"], row["community"]] for row in talks),
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


def append_values(ws: Any, values: Iterable[Any]) -> None:
    """Append one row to a write-only sheet, every text as a text cell.

    openpyxl writes a string that starts with ``=`` as a formula; a text cell is never
    evaluated by Excel or WPS, whatever it starts with. Every sheet goes through here.
    """
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        if isinstance(value, str):
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"
            value = cell
        cells.append(value)
    ws.append(cells)


def _plain(value: Any) -> Any:
    """Numbers as numbers (so Excel can add them up); dicts as text."""
    if isinstance(value, dict):
        return "；".join(f"{key}: {count}" for key, count in value.items())
    return value


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else round(fen / FEN_PER_YUAN, 2)
