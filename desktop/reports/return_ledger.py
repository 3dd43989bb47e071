"""劝返工作台账: the ledger of an area's residents stranded abroad, one row a person.

A4 landscape (or A3 landscape, the same sheet larger), black and white. Every page carries the
issuing unit, the title, the area, the day it stands at and the counts "列管 N 人，已销账 n 人，在册 m 人";
the column header repeats on each page and a row never splits across two. The people listed
under the area by the place they lived in before leaving (户籍地和流入地双管双控) follow those
registered there, marked 流入地 in the column 列管属地.

Names print as the caller passes them (masked unless the ledger was revealed); the sex and the
age come from the ID number, which is never printed. The four responsible people print with
their work phones in full: they are officials reached in their office, and the ledger is the
sheet they reach each other by.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.core.catalogue import CLOSE_REASONS, RETURN_MEASURES, RETURN_STATUSES, zh_name
from desktop.domain.return_cases import SheetLine
from desktop.reports.fonts import HEI, SONG, register_fonts
from desktop.reports.styles import (
    GRID_LINE,
    LANDSCAPE,
    OUTER_LINE,
    PageGeometry,
    build_pdf,
    clip,
    para,
    scaled_style,
    text,
    zh_date,
)

TITLE = "劝返工作台账"
SEXES = {"male": "男", "female": "女"}
# The columns and their widths on A4 landscape (267 mm, the text width); A3 scales them.
COLUMNS = (
    ("序号", 8), ("姓名", 13), ("性别/年龄", 11), ("户籍地", 26), ("列管属地", 12),
    ("滞留地", 13), ("出境时间", 18), ("列管日期", 18), ("当前状态", 18), ("县级领导", 19),
    ("乡镇领导", 19), ("责任民警", 19), ("村支书", 19), ("管控措施", 38), ("销账原因", 16),
)  # fmt: skip
NONE = "—"
EMPTY = "本辖区暂无劝返工作对象。"
NOTE = (
    "注：列管属地为“户籍地”的，户籍在本辖区；为“流入地”的，户籍在外、出境前居住在本辖区"
    "（户籍地和流入地双管双控）。性别、年龄据身份证号码得出。"
)
MASKED_NOTE = "姓名只显示姓氏。"


@dataclass(frozen=True)
class _Styles:
    unit: ParagraphStyle
    title: ParagraphStyle
    meta: ParagraphStyle
    head: ParagraphStyle
    cell: ParagraphStyle
    center: ParagraphStyle
    phone: ParagraphStyle  # the smaller line of a work phone under a name
    note: ParagraphStyle
    scale: float


@lru_cache(maxsize=4)
def _styles(scale: float) -> _Styles:
    """The ledger's styles at ``scale`` (1 on A4; larger on A3, the same sheet enlarged)."""
    register_fonts()

    def style(name: str, font: str, size: float, **kw: Any) -> ParagraphStyle:
        return scaled_style(name, font, size, scale, **kw)

    return _Styles(
        unit=style("ledger-unit", SONG, 13, alignment=TA_CENTER),
        title=style("ledger-title", HEI, 18, alignment=TA_CENTER, spaceAfter=1 * mm),
        meta=style("ledger-meta", SONG, 10.5, alignment=TA_CENTER),
        head=style("ledger-head", HEI, 8.5, alignment=TA_CENTER),
        cell=style("ledger-cell", SONG, 8.5, alignment=TA_LEFT),
        center=style("ledger-center", SONG, 8.5, alignment=TA_CENTER),
        phone=style("ledger-phone", SONG, 7.5, alignment=TA_CENTER),
        note=style("ledger-note", SONG, 8.5, alignment=TA_LEFT, spaceBefore=2 * mm),
        scale=scale,
    )


def _day(value: date | None) -> str:
    """2026.03.22, as a ledger's narrow columns write days."""
    return value.strftime("%Y.%m.%d") if value else NONE


def _person(name: str, phone: str, st: _Styles) -> list[Flowable]:
    if not name.strip():
        return [para(NONE, st.center)]
    shown = [para(clip(name, 12), st.center)]
    if phone:
        shown.append(para(phone, st.phone))
    return shown


def _row(number: int, line: SheetLine, places: dict[str, str], st: _Styles) -> list:
    sex = SEXES.get(line.sex or "", "")
    age = "" if line.age is None else str(line.age)
    measures = [f"{entry.zh} {_day(line.measures[code])}"
                for code, entry in RETURN_MEASURES.items() if code in line.measures]  # fmt: skip
    return [
        para(number, st.center),
        para(line.name or NONE, st.center),
        para(f"{sex}/{age}" if sex or age else NONE, st.center),
        para(line.registered or NONE, st.cell),
        para("流入地" if line.residence_only else "户籍地", st.center),
        para(places.get(line.location, line.location), st.center),
        para(_day(line.left_on), st.center),
        para(_day(line.listed_on), st.center),
        [para(zh_name(RETURN_STATUSES, line.status), st.center), para(_day(line.status_on), st.phone)],
        _person(line.county_leader, line.county_leader_phone, st),
        _person(line.township_leader, line.township_leader_phone, st),
        _person(line.officer_name, line.officer_phone, st),
        _person(line.village_secretary, line.village_secretary_phone, st),
        [para(measure, st.cell) for measure in measures] or para(NONE, st.center),
        para(zh_name(CLOSE_REASONS, line.close_reason) if line.close_reason else NONE, st.center),
    ]  # fmt: skip


def _table(lines: Sequence[SheetLine], places: dict[str, str], st: _Styles) -> Table:
    data = [[para(name, st.head) for name, _width in COLUMNS]]
    data += [_row(number, line, places, st) for number, line in enumerate(lines, start=1)]
    pad = 1.0 * mm * st.scale
    table = Table(data, colWidths=[width * mm * st.scale for _name, width in COLUMNS], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName),  # no stray Helvetica
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), pad * 1.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 1.4),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("INNERGRID", (0, 0), (-1, -1), GRID_LINE, colors.black),
                ("BOX", (0, 0), (-1, -1), OUTER_LINE, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), OUTER_LINE, colors.black),
            ]
        )
    )
    return table


def counts_line(lines: Sequence[SheetLine]) -> str:
    """列管 N 人（其中流入地列管 k 人），已销账 n 人，在册 m 人: every entry listed, as the board counts
    an area's (by either place), those only living there said apart."""
    closed = sum(line.status == "closed" for line in lines)
    others = sum(line.residence_only for line in lines)
    among = f"（其中流入地列管 {others} 人）" if others else ""
    return f"列管 {len(lines)} 人{among}，已销账 {closed} 人，在册 {len(lines) - closed} 人"


def build_return_ledger(
    lines: Sequence[SheetLine],
    out: Path | BinaryIO,
    *,
    unit: str,
    area_name: str,
    as_of: date,
    places: dict[str, str],
    masked: bool,
    geometry: PageGeometry = LANDSCAPE,
    station_phone: str = "",
) -> int:
    """Write the ledger of ``lines`` (in their order) on ``geometry``; returns the page count.
    ``places``: the names of the places abroad by code; ``masked``: the names are masked (said
    in the note under the table)."""
    st = _styles(round(geometry.text_width / LANDSCAPE.text_width, 2))
    header: list[Flowable] = []
    if unit.strip():
        header.append(para(" ".join(unit.split()), st.unit))
    header += [
        para(TITLE, st.title),
        Paragraph(
            text(f"辖区：{clip(area_name, 40)}\u3000\u3000截至：{zh_date(as_of)}"
                 f"\u3000\u3000{counts_line(lines)}", st.meta.fontName),
            st.meta,
        ),
    ]  # fmt: skip
    note = NOTE + (MASKED_NOTE if masked else "")
    body: list[Flowable] = (
        [_table(lines, places, st), para(note, st.note)]
        if lines
        else [Spacer(1, 8 * mm), para(EMPTY, st.meta)]
    )
    return build_pdf(
        out, body, geometry=geometry, header=header, title=TITLE, station_name=unit,
        station_phone=station_phone,
    )  # fmt: skip
