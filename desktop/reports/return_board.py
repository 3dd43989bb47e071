"""劝返挂图: the wall chart of return persuasion (挂图作战、逐一销账), counts only.

A4 or A3 landscape, one page: the areas down the side (the counties of the jurisdiction, or an
area's children), the steps of the path across, each area's entries per step, its "销账 n / 列管
N" and the same in all on the last row. The rows share out the page's height (up to a row
tall enough to read from a step away), so a short board is not a strip at the top of a sheet.
The counts are the board's (``domain.return_cases.board``): an area counts the people it
manages by either place, and the total row (``tally``) counts each person once, so the rows may
add up to more than the total when a person lives in one area and is registered in another.
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
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Table, TableStyle

from desktop.core.catalogue import RETURN_STATUSES
from desktop.domain.return_cases import BoardRow
from desktop.reports.fonts import HEI, SONG, register_fonts
from desktop.reports.styles import (
    GRID_LINE,
    LANDSCAPE,
    OUTER_LINE,
    PageGeometry,
    body_frame_height,
    build_pdf,
    clip,
    para,
    scaled_style,
    text,
    zh_date,
)

TITLE = "劝返工作挂图"
TOTAL = "合计"
TALLY = "销账 / 列管"
NAME_SHARE = 0.2  # of the width, for the areas' names; the rest is shared by the counts
TALLY_SHARE = 1.8  # the tally's column against one status's
TALLEST_ROW = 16 * mm  # on A4; A3 scales it
NOTE = (
    "注：各地按户籍地和流入地分别列管（双管双控），户籍地和流入地不同的人员分别计入两地，"
    "合计中只计一次，故各地之和可能大于合计。"
)
EMPTY = "本辖区暂无下级地区。"


@lru_cache(maxsize=4)
def _styles(scale: float) -> dict[str, ParagraphStyle]:
    register_fonts()

    def style(name: str, font: str, size: float, **kw: Any) -> ParagraphStyle:
        return scaled_style(name, font, size, scale, **kw)

    return {
        "unit": style("board-unit", SONG, 14, alignment=TA_CENTER),
        "title": style("board-title", HEI, 24, alignment=TA_CENTER, spaceAfter=1 * mm),
        "meta": style("board-meta", SONG, 11, alignment=TA_CENTER),
        "head": style("board-head", HEI, 11, alignment=TA_CENTER),
        "name": style("board-name", HEI, 11, alignment=TA_LEFT),
        "count": style("board-count", SONG, 13, alignment=TA_CENTER),
        "tally": style("board-tally", HEI, 12, alignment=TA_CENTER),
        "note": style("board-note", SONG, 9, alignment=TA_LEFT, spaceBefore=2 * mm),
    }


def build_return_board(
    rows: Sequence[BoardRow],
    total: BoardRow,
    out: Path | BinaryIO,
    *,
    unit: str,
    area_name: str,
    as_of: date,
    row_label: str,
    geometry: PageGeometry = LANDSCAPE,
    station_phone: str = "",
) -> int:
    """Write the board of ``rows`` with the area's own ``total`` (its ``tally``) on
    ``geometry``; ``row_label`` heads the areas' column (县（区）). Returns the page count
    (one, unless the areas are very many)."""
    scale = round(geometry.text_width / LANDSCAPE.text_width, 2)
    st = _styles(scale)
    header: list[Flowable] = []
    if unit.strip():
        header.append(para(" ".join(unit.split()), st["unit"]))
    header += [
        para(TITLE, st["title"]),
        Paragraph(
            text(f"{clip(area_name, 40)}\u3000\u3000截至：{zh_date(as_of)}"
                 f"\u3000\u3000销账 {total.closed} 人 / 列管 {total.listed} 人",
                 st["meta"].fontName),
            st["meta"],
        ),
    ]  # fmt: skip
    if not rows:
        return build_pdf(
            out, [para(EMPTY, st["meta"])], geometry=geometry, header=header, title=TITLE,
            station_name=unit, station_phone=station_phone,
        )  # fmt: skip
    data = [[para(row_label, st["head"])]
            + [para(status.zh, st["head"]) for status in RETURN_STATUSES.values()]
            + [para(TALLY, st["head"])]]  # fmt: skip
    for name, row in [*((row.name, row) for row in rows), (TOTAL, total)]:
        data.append(
            [para(clip(name, 24), st["name"])]
            + [para(row.counts.get(status, 0), st["count"]) for status in RETURN_STATUSES]
            + [para(f"{row.closed} / {row.listed}", st["tally"])]
        )
    width = geometry.text_width
    name_width = width * NAME_SHARE
    step = (width - name_width) / (len(RETURN_STATUSES) + TALLY_SHARE)
    widths = [name_width] + [step] * len(RETURN_STATUSES) + [step * TALLY_SHARE]
    # The rows share the page's height left under the header, the column heads and the note.
    note = para(NOTE, st["note"])
    room = body_frame_height(header, geometry) - note.wrap(width, geometry.height)[1] - 8 * mm
    head_height = 12 * mm * scale
    row_height = max(min(TALLEST_ROW * scale, (room - head_height) / len(data[1:])), 7 * mm)
    table = Table(data, colWidths=widths, rowHeights=[head_height] + [row_height] * len(data[1:]),
                  repeatRows=1)  # fmt: skip
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st["count"].fontName),  # no stray Helvetica
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("INNERGRID", (0, 0), (-1, -1), GRID_LINE, colors.black),
                ("BOX", (0, 0), (-1, -1), OUTER_LINE, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), OUTER_LINE, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), OUTER_LINE, colors.black),
                ("LINEBEFORE", (-1, 0), (-1, -1), OUTER_LINE, colors.black),
                ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.9, 0.9, 0.9)),
            ]
        )
    )
    body: list[Flowable] = [table, note]
    if len(data) * 7 * mm < room:
        # A board that fits keeps to its one page: never a row or the note alone on a second.
        body = [KeepInFrame(width, body_frame_height(header, geometry), body, mode="shrink")]
    return build_pdf(
        out, body, geometry=geometry, header=header, title=TITLE, station_name=unit,
        station_phone=station_phone,
    )  # fmt: skip
