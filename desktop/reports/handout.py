"""The handout (宣传单): one A4 page of large type for residents, many of them elderly.

The words live in ``resources/handouts/`` as TOML, one file per fraud type plus ``common.toml``,
so an officer can reword a leaflet without touching code. This module only lays them out:
a big headline, the three never-do rules in a thick box, up to three (four when they fit)
topic blocks, and a bottom box with 96110, the 国家反诈中心 App and the station's contact.

Printed on office printers in black and white: nothing relies on colour, emphasis comes from
size, heavy strokes, black label cells and thick rules. Body type never goes below 14 pt;
when the topics do not fit, the last topic is dropped instead.
"""

from __future__ import annotations

import os
import string
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.catalogue import AUDIENCES, FRAUD_TYPES
from desktop.paths import resource_dir
from desktop.reports.fonts import escape, register_fonts

COMMON_FILE = "common.toml"
DEFAULT_TOPICS = ("customer_service", "investment", "impersonating_police")
MAX_TOPICS = 4  # four only when they fit at the smallest body size
BODY_SIZES = (18, 17, 16, 15, 14)  # tried largest first; never smaller than 14 pt
GAP = 6  # least space between blocks
MAX_EXTRA_GAP = 14  # spare height added to each gap at most
HEADLINE_SIZE = 28
FOOTER_SEPARATOR = "｜"

PAGE_W, PAGE_H = A4
MARGIN_X = 13 * mm
MARGIN_Y = 10 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - 2 * MARGIN_Y

BLACK = colors.black
WHITE = colors.white


# ---------------------------------------------------------------------------------------------
# The texts


@dataclass(frozen=True)
class HandoutText:
    """The words for one fraud type, from ``resources/handouts/<code>.toml``."""

    code: str
    title: str
    how_it_goes: tuple[str, ...]
    what_to_do: tuple[str, ...]
    for_audience: dict[str, str] = field(default_factory=dict)

    def audience_line(self, audience: Iterable[str]) -> str:
        """The tailored sentence for the first audience that has one, or ``""``."""
        for code in audience:
            if code in self.for_audience:
                return self.for_audience[code]
        return ""


@dataclass(frozen=True)
class Rule:
    big: str
    line: str


@dataclass(frozen=True)
class CommonText:
    """The parts of every handout, from ``resources/handouts/common.toml``."""

    headline: str
    subheadline: str
    rules: tuple[Rule, ...]
    hotline_number: str
    hotline_call_to_action: str
    hotline_text: str
    app_text: str
    if_paid_text: str
    footer_template: str

    def footer(self, station_name: str, station_phone: str) -> str:
        """The footer with the parts whose station details are empty left out."""
        values = {"station_name": station_name.strip(), "station_phone": station_phone.strip()}
        kept = []
        for part in self.footer_template.split(FOOTER_SEPARATOR):
            fields = [name for _, name, _, _ in string.Formatter().parse(part) if name]
            if all(values.get(name) for name in fields) and part.strip():
                kept.append(part.format(**values).strip())
        return "\u3000\u3000".join(kept)  # two full-width spaces


def handouts_dir() -> Path:
    return resource_dir() / "handouts"


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"handout file {path.name}: not valid TOML ({exc})") from exc


def _text(data: dict, key: str, path: Path, *, where: str = "") -> str:
    label = f"{where}.{key}" if where else key
    if key not in data:
        raise ValueError(f"handout file {path.name}: missing key '{label}'")
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"handout file {path.name}: key '{label}' must be non-empty text")
    return value.strip()


def _lines(data: dict, key: str, path: Path, *, most: int = 4) -> tuple[str, ...]:
    if key not in data:
        raise ValueError(f"handout file {path.name}: missing key '{key}'")
    value = data[key]
    if (
        not isinstance(value, list)
        or not 1 <= len(value) <= most
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise ValueError(
            f"handout file {path.name}: key '{key}' must be a list of 1 to {most} short sentences"
        )
    return tuple(v.strip() for v in value)


def _table(data: dict, key: str, path: Path) -> dict:
    if key not in data:
        raise ValueError(f"handout file {path.name}: missing key '{key}'")
    if not isinstance(data[key], dict):
        raise ValueError(f"handout file {path.name}: key '{key}' must be a table")
    return data[key]


def _load_topic(code: str, path: Path) -> HandoutText:
    data = _read(path)
    audience = data.get("for_audience", {})
    if not isinstance(audience, dict):
        raise ValueError(f"handout file {path.name}: key 'for_audience' must be a table")
    for key in audience:
        if key not in AUDIENCES:
            raise ValueError(
                f"handout file {path.name}: key 'for_audience.{key}' is not an audience code "
                f"({', '.join(AUDIENCES)})"
            )
        _text(audience, key, path, where="for_audience")
    return HandoutText(
        code=code,
        title=_text(data, "title", path),
        how_it_goes=_lines(data, "how_it_goes", path),
        what_to_do=_lines(data, "what_to_do", path),
        for_audience={k: v.strip() for k, v in audience.items()},
    )


def load_handouts(folder: Path | None = None) -> dict[str, HandoutText]:
    """The topic texts by fraud-type code; codes without a file are simply absent.

    Raises ``ValueError`` naming the file and the key when a file is malformed.
    """
    folder = Path(folder) if folder is not None else handouts_dir()
    texts = {}
    for code in FRAUD_TYPES:
        path = folder / f"{code}.toml"
        if path.is_file():
            texts[code] = _load_topic(code, path)
    return texts


def load_common(folder: Path | None = None) -> CommonText:
    """The shared parts of every handout; ``ValueError`` naming the file and key if malformed."""
    folder = Path(folder) if folder is not None else handouts_dir()
    path = folder / COMMON_FILE
    if not path.is_file():
        raise ValueError(f"handout file {COMMON_FILE} is missing from {folder}")
    data = _read(path)
    rules = data.get("rules")
    if (
        not isinstance(rules, list)
        or len(rules) != 3
        or not all(isinstance(r, dict) for r in rules)
    ):
        raise ValueError(f"handout file {path.name}: key 'rules' must hold exactly three [[rules]]")
    hotline = _table(data, "hotline", path)
    return CommonText(
        headline=_text(data, "headline", path),
        subheadline=str(data.get("subheadline", "")).strip(),
        rules=tuple(
            Rule(_text(r, "big", path, where="rules"), _text(r, "line", path, where="rules"))
            for r in rules
        ),
        hotline_number=_text(hotline, "number", path, where="hotline"),
        hotline_call_to_action=_text(hotline, "call_to_action", path, where="hotline"),
        hotline_text=_text(hotline, "text", path, where="hotline"),
        app_text=_text(_table(data, "app", path), "text", path, where="app"),
        if_paid_text=_text(_table(data, "if_paid", path), "text", path, where="if_paid"),
        footer_template=_text(_table(data, "footer", path), "template", path, where="footer"),
    )


def choose_topics(requested: Sequence[str], available: Iterable[str]) -> list[str]:
    """Known topics in the given order, without repeats, topped up from the default trio.

    A talk about one fraud type still gets a full page: the most common frauds fill the rest,
    which helps a resident more than white space.
    """
    known = set(available)
    chosen: list[str] = []
    for code in [*requested, *DEFAULT_TOPICS]:
        if code in known and code not in chosen and len(chosen) < 3:
            chosen.append(code)
    requested_known = [code for code in requested if code in known]
    if len(requested_known) > 3:  # four asked for: try them all (dropped later if they don't fit)
        chosen = list(dict.fromkeys(requested_known))
    return chosen[:MAX_TOPICS]


# ---------------------------------------------------------------------------------------------
# Drawing


class Heavy(Flowable):
    """A paragraph drawn with a stroked outline: a bold face for a font that has none.

    The bundled font has a single weight, so headings are filled *and* stroked (PDF text
    render mode 2). It prints as solid, dark type on any printer.
    """

    def __init__(self, para: Paragraph, weight: float):
        super().__init__()
        self.para = para
        self.weight = weight

    def wrap(self, avail_w, avail_h):
        self.width, self.height = self.para.wrap(avail_w, avail_h)
        return self.width, self.height

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(self.weight)
        canv.setLineJoin(1)
        canv.setStrokeColor(self.para.style.textColor)
        canv.addLiteral("2 Tr")
        self.para.drawOn(canv, 0, 0)
        canv.restoreState()


class _Styles:
    """Paragraph styles for one body size."""

    def __init__(self, font: str, body: float):
        self.font = font
        self.body = body

    def style(self, size: float, *, align=TA_LEFT, leading: float = 1.22, color=BLACK, **kw):
        return ParagraphStyle(
            f"handout-{size}-{align}",
            fontName=self.font,
            fontSize=size,
            leading=round(size * leading, 1),
            alignment=align,
            textColor=color,
            wordWrap="CJK",
            **kw,
        )

    def para(self, text: str, size: float | None = None, **kw) -> Paragraph:
        return Paragraph(escape(text), self.style(size or self.body, **kw))

    def heavy(self, text: str, size: float, **kw) -> Heavy:
        return Heavy(self.para(text, size, **kw), weight=max(0.5, size / 32))


def _headline(s: _Styles, common: CommonText) -> list[Flowable]:
    parts: list[Flowable] = [s.heavy(common.headline, HEADLINE_SIZE, align=TA_CENTER, leading=1.2)]
    if common.subheadline:
        parts += [Spacer(1, 2), s.para(common.subheadline, s.body, align=TA_CENTER)]
    return parts


def _rules_box(s: _Styles, common: CommonText) -> Table:
    label_w = 48
    col_w = (FRAME_W - label_w) / 3
    label = s.heavy("牢记三不", 17, align=TA_CENTER, leading=1.15, color=WHITE)
    cells = [
        [s.heavy(rule.big, s.body + 14, align=TA_CENTER, leading=1.15), s.para(rule.line)]
        for rule in common.rules
    ]
    table = Table([[label, *cells]], colWidths=[label_w] + [col_w] * 3)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.font),
                ("BOX", (0, 0), (-1, -1), 3, BLACK),
                ("LINEBEFORE", (2, 0), (-1, 0), 1.2, BLACK),
                ("BACKGROUND", (0, 0), (0, 0), BLACK),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, 0), 6),
                ("RIGHTPADDING", (0, 0), (0, 0), 6),
                ("LEFTPADDING", (1, 0), (-1, 0), 9),
                ("RIGHTPADDING", (1, 0), (-1, 0), 9),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


def _topic_block(s: _Styles, text: HandoutText, audience: Sequence[str]) -> Table:
    label_w = s.body * 4 + 12
    numbered = "①②③④"
    how = [s.para(f"{numbered[i]} {line}") for i, line in enumerate(text.how_it_goes)]
    todo = [s.para(f"✔ {line}") for line in text.what_to_do]
    rows: list[list] = [
        [s.heavy(text.title, s.body + 5, leading=1.2), None],
        [s.heavy("常见套路", s.body, color=WHITE, align=TA_CENTER), how],
        [s.heavy("怎么办", s.body, color=WHITE, align=TA_CENTER), todo],
    ]
    extra = text.audience_line(audience)
    if extra:
        rows.append([s.heavy(f"★ 特别提醒：{extra}", s.body), None])
    table = Table(rows, colWidths=[label_w, FRAME_W - label_w])
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), s.font),
        ("SPAN", (0, 0), (1, 0)),
        ("LINEABOVE", (0, 0), (-1, 0), 3, BLACK),
        ("BACKGROUND", (0, 1), (0, 2), BLACK),
        ("LINEBELOW", (0, 1), (0, 1), 2, WHITE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (0, 1), (0, 2), 6),
        ("RIGHTPADDING", (0, 1), (0, 2), 6),
        ("LEFTPADDING", (1, 1), (1, 2), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 3),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
        ("TOPPADDING", (0, 1), (-1, 2), 2),
        ("BOTTOMPADDING", (0, 1), (-1, 2), 4),
    ]
    if extra:
        commands += [
            ("SPAN", (0, 3), (1, 3)),
            ("TOPPADDING", (0, 3), (-1, 3), 4),
            ("BOTTOMPADDING", (0, 3), (-1, 3), 0),
        ]
    table.setStyle(TableStyle(commands))
    return table


def _bottom_box(s: _Styles, common: CommonText) -> Table:
    left_w = 130
    left = [
        s.heavy(common.hotline_number, 36, align=TA_CENTER, leading=1.1),
        s.heavy(common.hotline_call_to_action, s.body + 2, align=TA_CENTER),
    ]
    right = [
        s.para(common.hotline_text, spaceAfter=2),
        s.para(common.app_text, spaceAfter=2),
        s.heavy(common.if_paid_text, s.body),
    ]
    table = Table([[left, right]], colWidths=[left_w, FRAME_W - left_w])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.font),
                ("BOX", (0, 0), (-1, -1), 3, BLACK),
                ("LINEAFTER", (0, 0), (0, 0), 1.2, BLACK),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


def _height(flowables: Sequence[Flowable]) -> float:
    total = 0.0
    for f in flowables:
        _, h = f.wrap(FRAME_W, FRAME_H)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _compose(
    font: str,
    body: float,
    common: CommonText,
    topics: Sequence[HandoutText],
    audience: Sequence[str],
    footer: str,
) -> tuple[list[Flowable], float]:
    """The page's flowables and the free height left (negative: does not fit)."""
    s = _Styles(font, body)
    head = _headline(s, common)
    blocks = [_rules_box(s, common)] + [_topic_block(s, text, audience) for text in topics]
    # the bottom box is reference text: 16 pt at most keeps it compact and tidy
    bottom: list[Flowable] = [_bottom_box(_Styles(font, min(body, 16)), common)]
    if footer:
        bottom += [Spacer(1, 6), s.heavy(footer, body + 2, align=TA_CENTER)]
    gaps = len(blocks) + 1  # after the headline, between blocks, before the bottom box
    free = FRAME_H - _height(head) - _height(blocks) - _height(bottom) - gaps * GAP
    # Spare height loosens the gaps (up to a point); the rest sits above the bottom box.
    loose = GAP + min(max(free, 0) / gaps, MAX_EXTRA_GAP)
    last = GAP + max(free, 0) - (loose - GAP) * (gaps - 1) - 1  # 1 pt of rounding slack
    story: list[Flowable] = [*head]
    for block in blocks:
        story += [Spacer(1, loose), block]
    story += [Spacer(1, max(last, GAP)), *bottom]
    return story, free


def build_handout(
    out: Path | BinaryIO,
    *,
    topics: Sequence[str] = (),
    audience: Sequence[str] = (),
    station_name: str = "",
    station_phone: str = "",
    folder: Path | None = None,
) -> list[str]:
    """Write a one-page A4 handout; returns the topic codes actually printed.

    Topics are taken in the given order (unknown codes ignored, none given: a default trio),
    at most three, or four when four fit. The body type starts at 18 pt and goes down to
    14 pt; if the topics still do not fit, the last one is dropped. ``audience`` codes pick
    each topic's tailored sentence (the first audience that has one).
    """
    font = register_fonts()
    texts = load_handouts(folder)
    common = load_common(folder)
    chosen = choose_topics(list(topics), texts)
    audience = list(audience)
    footer = common.footer(station_name, station_phone)

    story: list[Flowable] = []
    printed: list[str] = []
    for count in range(len(chosen), -1, -1):
        # a fourth topic only at the smallest size; bigger type beats more topics otherwise
        sizes = BODY_SIZES[-1:] if count == MAX_TOPICS else BODY_SIZES
        for body in sizes:
            picked = [texts[c] for c in chosen[:count]]
            story, free = _compose(font, body, common, picked, audience, footer)
            if free >= 0:
                break
        printed = chosen[:count]
        if free >= 0 or count == 1:
            break  # one topic that still overflows (very long texts) is scaled, never spilt

    doc = BaseDocTemplate(
        os.fspath(out) if isinstance(out, os.PathLike) else out,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_Y,
        bottomMargin=MARGIN_Y,
        title="反诈宣传单",
        subject="、".join(FRAUD_TYPES[c].zh for c in printed),
        creator="反诈工作台",
        initialFontName=font,
    )
    frame = Frame(
        MARGIN_X, MARGIN_Y, FRAME_W, FRAME_H, leftPadding=0, rightPadding=0,
        topPadding=0, bottomPadding=0, id="page",
    )  # fmt: skip
    doc.addPageTemplates([PageTemplate(id="handout", frames=[frame])])
    # KeepInFrame guarantees a single page even if the measuring above were ever wrong.
    doc.build([KeepInFrame(FRAME_W, FRAME_H, story, mode="shrink")])
    return printed
