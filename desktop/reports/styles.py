"""Shared page geometry, paragraph styles, dates and the page frame of printed forms.

Every printed form is A4, black on white, set in the bundled CJK font (embedded as a subset) with
``wordWrap='CJK'``. A form is built by :func:`build_pdf`: a header block (title and the facts of
the form) drawn at the top of every page, the body flowing in the frame below it, and a footer
with the station's name and phone and "第 x 页 / 共 y 页", which needs the total page count: the
canvas keeps every page until the document is saved and only then draws the footers.

reportlab is not thread-safe: builds are serialised by a lock here as well.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from desktop.core.clock import station_time
from desktop.core.formats import (
    RANGE_DASH_ZH,
    format_date,
    format_datetime,
    format_month_day,
    format_time,
)
from desktop.reports.fonts import CJK_FONT, FANGSONG, HEI, SONG, fallback_markup, register_fonts

PRODUCER = "反诈工作台"
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
RANGE_DASH = RANGE_DASH_ZH  # the Chinese range dash between two times (14:30—16:00)
FULL_SPACE = "\u3000"
# Where the issuing unit goes on a printout made before the station is named (Settings, or the
# first start's questions): said outright, so no sheet looks as if nobody issued it.
UNIT_NOT_SET = "（未设置单位）"


def printed_unit(unit: str | None) -> str:
    """The issuing unit as a printout shows it: its name on one line, or ``UNIT_NOT_SET``."""
    return " ".join((unit or "").split()) or UNIT_NOT_SET


# --- geometry ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageGeometry:
    """Page size and margins in points; the body frame lies inside the margins."""

    size: tuple[float, float]
    top: float
    bottom: float
    left: float
    right: float

    @property
    def width(self) -> float:
        return self.size[0]

    @property
    def height(self) -> float:
        return self.size[1]

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom


# Margins leave room for office printers' unprintable edge (about 5 mm) and the footer.
PORTRAIT = PageGeometry(size=A4, top=10 * mm, bottom=16 * mm, left=18 * mm, right=18 * mm)
LANDSCAPE = PageGeometry(
    size=landscape(A4), top=10 * mm, bottom=16 * mm, left=15 * mm, right=15 * mm
)
# Sheets posted on a wall or kept flat in a binder (the ledger and the board of persons abroad).
LANDSCAPE_A3 = PageGeometry(
    size=landscape(A3), top=12 * mm, bottom=16 * mm, left=15 * mm, right=15 * mm
)
LANDSCAPES = {"a4": LANDSCAPE, "a3": LANDSCAPE_A3}  # by the --paper a printout is asked on
# The station's own documents (告知书, 处置记录) on the margins of official paper (GB/T 9704: left
# 28 mm, right 26 mm), with less at the top and bottom so a form and its signatures fit a page.
OFFICIAL = PageGeometry(size=A4, top=20 * mm, bottom=20 * mm, left=28 * mm, right=26 * mm)
FOOTER_RULE_Y = 11 * mm  # the thin rule above the footer line
FOOTER_TEXT_Y = 7 * mm  # baseline of the footer line
FOOTER_FONT_SIZE = 9
HEADER_GAP = 2.5 * mm  # between the header block and the body

# Table lines: a heavier outer box, thin inner grid (as on printed government forms).
OUTER_LINE = 1.0
GRID_LINE = 0.5


# --- styles -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    font: str
    title: ParagraphStyle  # 反诈宣传活动签到表
    subtitle: ParagraphStyle  # the talk's title under the form's title
    info: ParagraphStyle  # 时间：… / 地点：…
    head: ParagraphStyle  # table header cells
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    meta: ParagraphStyle  # centred line under a title (period, counts)
    note: ParagraphStyle  # privacy line, remarks
    empty: ParagraphStyle  # "no talks" line


@lru_cache(maxsize=1)
def get_styles() -> Styles:
    """The paragraph styles in the CJK font (registers the font on first use)."""
    font = register_fonts(HEI)

    def style(name: str, size: float, leading: float, **kw) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=leading,
            textColor=colors.black,
            wordWrap="CJK",
            **kw,
        )

    return Styles(
        font=font,
        title=style("zh-title", 18, 23, alignment=TA_CENTER, spaceAfter=1 * mm),
        subtitle=style("zh-subtitle", 12.5, 17, alignment=TA_CENTER, spaceAfter=2 * mm),
        # label：value lines; continuation lines hang under the value of a 5-character label
        info=style("zh-info", 10, 14, alignment=TA_LEFT, leftIndent=50, firstLineIndent=-50),
        head=style("zh-head", 10.5, 13, alignment=TA_CENTER),
        cell=style("zh-cell", 10, 13, alignment=TA_LEFT),
        cell_center=style("zh-cell-center", 10, 13, alignment=TA_CENTER),
        meta=style("zh-meta", 10.5, 15, alignment=TA_CENTER, spaceAfter=1 * mm),
        note=style("zh-note", 9, 12, alignment=TA_LEFT),
        empty=style("zh-empty", 12, 18, alignment=TA_CENTER),
    )


# Type sizes by their Chinese names (号), as official paper states them.
SIZE_2 = 22  # 二号: a document's title
SIZE_3 = 16  # 三号: the issuing unit
SIZE_4 = 14  # 四号: the body of a form a resident reads
SIZE_SMALL_4 = 12  # 小四: the least any text a resident reads is set in


@dataclass(frozen=True)
class PaperStyles:
    """The station's own documents: faces by their role (fonts.py) and the official sizes."""

    unit: ParagraphStyle  # the issuing unit over the title
    title: ParagraphStyle  # 劝阻告知书, 预警处置记录
    reference: ParagraphStyle  # 〔2026〕第 3 号 under the title, and the date beside it
    reference_left: ParagraphStyle
    copy: ParagraphStyle  # 第一联　存根
    body: ParagraphStyle  # paragraphs: the first line indented two characters, no other
    plain: ParagraphStyle  # the salutation and signature lines: no indent
    sign: ParagraphStyle  # a label on a signature line: the line runs just under its text
    sign_right: ParagraphStyle
    seal: ParagraphStyle  # 告知单位（盖章） and the date under it, in from the right edge
    cell: ParagraphStyle  # the facts of a form a resident reads
    label: ParagraphStyle


@lru_cache(maxsize=1)
def get_paper_styles() -> PaperStyles:
    """The styles of the station's own documents (registers the fonts on first use)."""
    register_fonts()

    def style(name: str, font: str, size: float, leading: float, **kw) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, textColor=colors.black,
            wordWrap="CJK", **kw,
        )  # fmt: skip

    body_leading = SIZE_4 * 1.75  # airy lines for elderly readers, and room to fill a page
    return PaperStyles(
        unit=style("paper-unit", SONG, SIZE_3, SIZE_3 * 1.4, alignment=TA_CENTER),
        title=style("paper-title", HEI, SIZE_2, SIZE_2 * 1.4, alignment=TA_CENTER),
        reference=style("paper-reference", FANGSONG, SIZE_4, SIZE_4 * 1.4, alignment=TA_RIGHT),
        reference_left=style("paper-reference-left", FANGSONG, SIZE_4, SIZE_4 * 1.4),
        copy=style("paper-copy", HEI, SIZE_SMALL_4, SIZE_SMALL_4 * 1.4, alignment=TA_RIGHT),
        body=style(
            "paper-body",
            FANGSONG,
            SIZE_4,
            body_leading,
            alignment=TA_JUSTIFY,
            firstLineIndent=2 * SIZE_4,
        ),  # fmt: skip
        plain=style("paper-plain", FANGSONG, SIZE_4, body_leading),
        sign=style("paper-sign", FANGSONG, SIZE_4, SIZE_4 * 1.2),
        sign_right=style("paper-sign-right", FANGSONG, SIZE_4, SIZE_4 * 1.2, alignment=TA_RIGHT),
        seal=style(
            "paper-seal",
            FANGSONG,
            SIZE_4,
            body_leading,
            alignment=TA_RIGHT,
            rightIndent=2 * SIZE_4,
        ),  # fmt: skip
        cell=style("paper-cell", FANGSONG, SIZE_SMALL_4, SIZE_SMALL_4 * 1.35),
        label=style("paper-label", HEI, SIZE_SMALL_4, SIZE_SMALL_4 * 1.35, alignment=TA_CENTER),
    )


def document_head(
    unit: str, title: str, *, left: str = "", right: str = "", copy: str = ""
) -> list[Flowable]:
    """The header block of a station's document: which copy it is (when there are several),
    the issuing unit, the title, and a line under it with ``left`` (a reference) and ``right``
    (the document number or the date)."""
    st = get_paper_styles()
    head: list[Flowable] = []
    if copy:
        head.append(para(copy, st.copy))
    if unit.strip():
        head.append(para(" ".join(unit.split()), st.unit))
    head.append(para(title, st.title))
    if left or right:
        line = Table(
            [[para(left, st.reference_left), para(right, st.reference)]],
            style=[
                ("FONTNAME", (0, 0), (-1, -1), st.reference.fontName),  # no stray Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ],
        )
        head.append(line)
    return head


def signed_page(
    top: Sequence[Flowable], bottom: Sequence[Flowable], geometry: PageGeometry
) -> list[Flowable]:
    """One page of a form: ``top`` (the text) and ``bottom`` (the signatures) with the spare
    height between them, so the signatures sit at the foot of the page, where a form's
    signatures are looked for, and no page looks half empty. A very long unit or address
    still keeps it to its page (shrunk, never split)."""
    width, height = geometry.text_width, geometry.text_height
    used = sum(f.wrap(width, height)[1] + f.getSpaceAfter() for f in (*top, *bottom))
    spare = max(height - used - 1, 6 * mm)  # a point to spare: rounding never shrinks a page
    story = [*top, Spacer(1, spare), *bottom]
    return [KeepInFrame(width, height, story, mode="shrink")]


def text(value: object, font: str = CJK_FONT) -> str:
    """Plain text made safe for Paragraph markup (no user-supplied tags), for a Paragraph set in
    ``font``: a character the face lacks is drawn in one that has it (fonts.fallback_markup).
    Text in a style of another face than Hei must name it (``text(name, style.fontName)``)."""
    return fallback_markup(str(value), font) if value is not None else ""


def para(value: object, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain ``value`` in ``style``, each character in a face that has it."""
    return Paragraph(text(value, style.fontName), style)


def scaled_style(name: str, font: str, size: float, scale: float, **kw: Any) -> ParagraphStyle:
    """A black CJK paragraph style of ``size`` points times ``scale`` (a sheet printed on A4 or
    enlarged to A3), leading 1.25; its name carries the scale, as reportlab keys styles by it."""
    return ParagraphStyle(
        f"{name}-{scale:.2f}", fontName=font, fontSize=size * scale,
        leading=size * scale * 1.25, textColor=colors.black, wordWrap="CJK", **kw,
    )  # fmt: skip


# Room to write a day in (年　月　日): reportlab folds runs of spaces, U+3000 among them, into one
# space but keeps no-break spaces.
BLANK = "\xa0" * 8
SIGNATURE_ROW = 13 * mm  # room for a hand-written name above each line


# The signature lines' columns: the label, a line to sign on, a gap, and a second line or the
# date (wide enough for 年　月　日 on one line at the signing size).
SIGNATURE_WIDTHS = (56 * mm, 40 * mm, 6 * mm, None)


def signature_rows(
    rows: Sequence[tuple[str, int, bool]], widths: Sequence[float | None] = SIGNATURE_WIDTHS
) -> Table:
    """Signature lines of a paper a resident signs: (label, how many names, with a date) a
    row — the label, a line to sign on, and a second line or 年 月 日 when dated."""
    st = get_paper_styles()
    cells, lines = [], []
    for index, (label, names, dated) in enumerate(rows):
        day = Paragraph(f"年{BLANK}月{BLANK}日", st.sign_right) if dated else ""
        cells.append([para(label, st.sign), "", "", day])
        lines.append(("LINEBELOW", (1, index), (1, index), GRID_LINE, colors.black))
        if names == 2:
            lines.append(("LINEBELOW", (3, index), (3, index), GRID_LINE, colors.black))
    table = Table(cells, colWidths=list(widths), rowHeights=SIGNATURE_ROW)
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), st.sign.fontName),  # no stray Helvetica
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *lines,
        ]
    )
    return table


def clip(value: str, limit: int) -> str:
    """At most ``limit`` characters, with an ellipsis when cut (keeps headers on the page)."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


# --- dates the Chinese way ----------------------------------------------------------------------
# station_time (desktop.core.clock) and the date and time texts (desktop.core.formats) are the
# screens' too: a date reads the same on the screen and on paper.


def talk_place(talk) -> str:
    """Where a talk is, as printed: the venue, with its community when the venue omits it."""
    venue = " ".join(talk.venue.split())
    area = " ".join(talk.area_name.split())
    if venue and area and area not in venue:
        return f"{venue}（{area}）"
    return venue or area


def zh_date(value: date) -> str:
    """2026年10月7日 (no leading zeros)."""
    return format_date(value, chinese=True)


def zh_month_day(value: date) -> str:
    """10月7日."""
    return format_month_day(value, chinese=True)


def zh_weekday(value: date) -> str:
    """星期三."""
    if isinstance(value, datetime):
        value = station_time(value)
    return WEEKDAYS[value.weekday()]


def zh_time(value: datetime | time) -> str:
    """14:30 (24-hour clock)."""
    return format_time(value)


def zh_datetime(value: datetime) -> str:
    """2026年10月7日 14:30."""
    return format_datetime(value, chinese=True)


def zh_time_range(start: datetime, end: datetime | None) -> str:
    """14:30—16:00; an end on another day carries its date (14:30—11月26日 10:00)."""
    start = station_time(start)
    if end is None:
        return zh_time(start)
    end = station_time(end)
    if end.date() != start.date():
        return f"{zh_time(start)}{RANGE_DASH}{zh_month_day(end)} {zh_time(end)}"
    return f"{zh_time(start)}{RANGE_DASH}{zh_time(end)}"


def zh_when(start: datetime, end: datetime | None) -> str:
    """2026年11月25日（星期三）14:30—16:00."""
    start = station_time(start)
    return f"{zh_date(start)}（{zh_weekday(start)}）{zh_time_range(start, end)}"


def zh_period(first: date, last: date) -> str:
    """2026年11月1日至2026年11月30日 (one date when both are the same day)."""
    if first == last:
        return zh_date(first)
    return f"{zh_date(first)}至{zh_date(last)}"


# --- the page frame: header block, footer, page x of y -----------------------------------------


def footer_drawer(
    station_name: str = "", station_phone: str = "", *, numbered: bool = True
) -> Callable:
    """A function drawing the footer of page ``number`` of ``total`` on a canvas.

    Left: the station and its phone (when given); right: 第 x 页 / 共 y 页 (centred when there is
    no station line). A thin rule separates the footer from the page body. A document whose
    pages are handed out apart (the copies of a notice) is not ``numbered``: its station line
    is centred.
    """
    station = " ".join(station_name.split())
    phone = " ".join(station_phone.split())
    parts = [station] if station else []
    if phone:
        parts.append(f"联系电话：{phone}")
    station_line = clip(FULL_SPACE.join(parts), 60)

    def draw(canvas: Canvas, geometry: PageGeometry, number: int, total: int) -> None:
        font = get_styles().font
        canvas.saveState()
        canvas.setStrokeColor(colors.black)
        canvas.setFillColor(colors.black)
        canvas.setLineWidth(0.5)
        canvas.line(geometry.left, FOOTER_RULE_Y, geometry.width - geometry.right, FOOTER_RULE_Y)
        canvas.setFont(font, FOOTER_FONT_SIZE)
        pages = f"第 {number} 页 / 共 {total} 页"
        if not numbered:
            canvas.drawCentredString(geometry.width / 2, FOOTER_TEXT_Y, station_line)
        elif station_line:
            canvas.drawString(geometry.left, FOOTER_TEXT_Y, station_line)
            canvas.drawRightString(geometry.width - geometry.right, FOOTER_TEXT_Y, pages)
        else:
            canvas.drawCentredString(geometry.width / 2, FOOTER_TEXT_Y, pages)
        canvas.restoreState()

    return draw


class _PageCountingCanvas(Canvas):
    """Holds every page back until ``save`` so each footer can say how many pages there are
    (with no footer, ``save`` only counts them)."""

    def __init__(
        self, *args, footer: Callable | None, geometry: PageGeometry, counter: list, **kw
    ) -> None:
        super().__init__(*args, **kw)
        self._held_pages: list[dict] = []
        self._footer = footer
        self._geometry = geometry
        self._counter = counter

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        if self._footer is None:  # only counting: nothing is drawn or written
            self._counter.append(total)
            return
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._footer(self, self._geometry, number, total)
            super().showPage()
        self._counter.append(total)
        super().save()


def _measure(flowables: Sequence[Flowable], width: float) -> float:
    height = 0.0
    for index, flowable in enumerate(flowables):
        _, h = flowable.wrap(width, 10_000)
        height += h + flowable.getSpaceAfter()
        if index:
            height += flowable.getSpaceBefore()
    return height


def header_height(header: Sequence[Flowable], geometry: PageGeometry) -> float:
    """The height the header block takes at the top of each page, gap to the body included."""
    return _measure(header, geometry.text_width) + HEADER_GAP if header else 0.0


def body_frame_height(header: Sequence[Flowable], geometry: PageGeometry) -> float:
    """The height left for the body under the header block."""
    return geometry.text_height - header_height(header, geometry)


_build_lock = threading.Lock()


def build_pdf(
    out: Path | str | BinaryIO | None,
    body: list[Flowable],
    *,
    geometry: PageGeometry,
    header: Sequence[Flowable] = (),
    title: str = "",
    station_name: str = "",
    station_phone: str = "",
    footer: Callable[[Canvas, PageGeometry, int, int], None] | None = None,
    numbered: bool = True,
) -> int:
    """Lay out ``body`` under ``header`` (repeated on every page) and write the PDF to ``out``.

    ``out`` is a path (written only once the whole document is built) or a writable binary file;
    None only counts the pages (laid out as they would be, no foot drawn, nothing written: a
    text fitted to its pages is laid out several times). ``footer`` draws the foot of page n of
    m (by default the station's line and 第 x 页 / 共 y 页, :func:`footer_drawer`). Returns
    the number of pages. ``numbered``: the default footer counts the pages.
    """
    font = get_styles().font
    top = header_height(header, geometry)
    frame = Frame(
        geometry.left,
        geometry.bottom,
        geometry.text_width,
        geometry.text_height - top,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    # The header's flowables laid out once, not again on each page: a city's board runs to
    # 140 pages, and the same lines at the same width come out the same.
    heights = [flowable.wrap(geometry.text_width, 10_000)[1] for flowable in header]

    def draw_header(canvas: Canvas, _doc) -> None:
        y = geometry.height - geometry.top
        canvas.saveState()
        for index, (flowable, h) in enumerate(zip(header, heights, strict=True)):
            if index:
                y -= flowable.getSpaceBefore()
            flowable.drawOn(canvas, geometry.left, y - h)
            y -= h + flowable.getSpaceAfter()
        canvas.restoreState()

    counter: list[int] = []
    if out is None:
        footer = None  # only counting
    elif footer is None:
        footer = footer_drawer(station_name, station_phone, numbered=numbered)

    def canvasmaker(*args, **kw) -> Canvas:
        return _PageCountingCanvas(*args, footer=footer, geometry=geometry, counter=counter, **kw)

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=geometry.size,
        leftMargin=geometry.left,
        rightMargin=geometry.right,
        topMargin=geometry.top,
        bottomMargin=geometry.bottom,
        title=title,
        author=station_name,
        creator=PRODUCER,
        producer=PRODUCER,
        initialFontName=font,
        pageTemplates=[PageTemplate(id="form", frames=[frame], onPage=draw_header)],
    )
    with _build_lock:
        doc.build(body, canvasmaker=canvasmaker)
    if out is None:
        return counter[-1]
    data = buffer.getvalue()
    if isinstance(out, (str, Path)):
        Path(out).write_bytes(data)
    else:
        out.write(data)
    return counter[-1] if counter else doc.page
