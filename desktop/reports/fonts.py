"""The faces printed documents are set in, registered with reportlab once per process, and the
per-character fallback that keeps a character a face lacks from printing as a box.

reportlab cannot embed CFF/PostScript-outline fonts (Noto CJK .otf), and its built-in CID fonts
(STSong-Light) are never embedded, so a printer or a viewer without Chinese fonts would show
nothing. Every face here has TrueType outlines and is embedded as a subset (tools/fonts.py says
where each comes from and under which licence):

- ``HEI``: WenQuanYi Micro Hei, the screens' font too; GBK and more (about 21,000 Han
  characters). The face every printout used before the official ones, hence ``CJK_FONT``.
- ``SONG``: AR PL SungtiL GB (文鼎PL报宋); ``KAI``: AR PL KaitiM GB (文鼎PL中楷): GB 2312 only.
- ``FANGSONG``: the Song face, as no freely licensed simplified FangSong has TrueType outlines.
- ``SUPPLEMENT``: the characters of the 通用规范汉字表 the Hei face lacks (䶮, 𬱖), most of them
  only found in names; cut from LXGW WenKai.

Text set in a face goes through :func:`fallback_markup`: what the face lacks is drawn in the Hei
face, and what that lacks in the supplement.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby

from desktop import collector
from desktop.paths import HEI_FONT_FILE, font_path

HEI = "WQYMicroHei"
SONG = "ARPLSungtiLGB"
KAI = "ARPLKaitiMGB"
FANGSONG = SONG
SUPPLEMENT = "WenKaiSupplement"
CJK_FONT = HEI


@dataclass(frozen=True)
class Face:
    name: str  # reportlab's name for it
    file: str  # in resources/fonts/
    subfont: int = 0  # its place in a TrueType collection (.ttc)


FACES = (
    Face(HEI, HEI_FONT_FILE),
    Face(SONG, "gbsn00lp.ttf"),
    Face(KAI, "gkai00mp.ttf"),
    Face(SUPPLEMENT, "wenkai-supplement.ttf"),
)
# Where a character a face lacks is looked for, in this order.
FALLBACK = (HEI, SUPPLEMENT)

_lock = threading.RLock()
# Each registered face's characters, as its code points (reportlab's own map of them: a set
# made of it would cost the sign-in sheet 7 ms).
_characters: dict[str, Mapping[int, int]] = {}
_FILES = {face.name: face for face in FACES}


def register_fonts(*names: str) -> str:
    """Register the faces named (every face when none is): idempotent and thread-safe, each
    face read once, when first needed — reading one costs about 0.15 s, so a printout set in
    the Hei face alone (the sign-in sheet) reads only that one. Returns the Hei face's name."""
    for name in names or tuple(_FILES):
        _characters_of(name)
    return CJK_FONT


def _characters_of(name: str) -> Mapping[int, int]:
    characters = _characters.get(name)
    if characters is not None:
        return characters
    with _lock:
        if name not in _characters:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            _mend_unicode_maps()
            _forbid_chinese_line_starts()
            face = _FILES[name]
            with collector.paused():  # its tables live as long as the process
                font = TTFont(face.name, str(font_path(face.file)), subfontIndex=face.subfont)
            pdfmetrics.registerFont(font)
            _characters[name] = font.face.charToGlyph  # published whole
    return _characters[name]


def has_character(font: str, character: str) -> bool:
    """Whether the face ``font`` draws ``character`` (rather than a box)."""
    return ord(character) in _characters_of(font)


def face_for(font: str, character: str) -> str:
    """The face that draws ``character`` in text set in ``font``: ``font`` itself, else the first
    face in FALLBACK that has it, else ``font`` (no face has it)."""
    if font not in _FILES:  # not one of ours (reportlab's own faces): as it is
        return font
    code = ord(character)
    if code in _characters_of(font):
        return font
    return next((name for name in FALLBACK if code in _characters_of(name)), font)


def escape(value: str) -> str:
    """``value`` as Paragraph text: its markup characters escaped. (xml.sax.saxutils' escape
    does the same, but importing it loads urllib, http and ssl: a quarter of the sign-in
    sheet's own start.)"""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fallback_markup(value: str, font: str = HEI) -> str:
    """``value`` as Paragraph markup for text set in ``font``: escaped, and each run of
    characters the face lacks wrapped in ``<font name="…">`` of the first face in FALLBACK that
    has them. A character no face has stays in ``font``."""
    if set(map(ord, value)) <= _characters_of(font).keys():
        return escape(value)

    parts = []
    for face, run in groupby(value, key=lambda character: face_for(font, character)):
        chunk = escape("".join(run))
        parts.append(chunk if face == font else f'<font name="{face}">{chunk}</font>')
    return "".join(parts)


# reportlab (5.1) writes a character beyond the Basic Multilingual Plane into a font's ToUnicode
# map as <2CC56>, which PDF readers reject (UTF-16 is due: <D873DC56>). Such a character (𬱖, a
# name's) would print but could not be copied, searched or read back. Its maps are mended on
# their way out; a reportlab that writes them right leaves nothing to mend.
_BEYOND_BMP = re.compile(r"^(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>$", re.MULTILINE)


def _as_utf16(match: re.Match) -> str:
    return f"{match[1]}<{chr(int(match[2], 16)).encode('utf-16-be').hex().upper()}>"


def _mend_unicode_maps() -> None:
    from reportlab.pdfbase import ttfonts

    write = ttfonts.makeToUnicodeCMap
    if getattr(write, "mended", False):
        return

    def mended(fontname: str, subset: list[int]) -> str:
        return _BEYOND_BMP.sub(_as_utf16, write(fontname, subset))

    mended.mended = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = mended


# reportlab's line breaking (kinsoku) knows the Japanese marks but not Chinese full-width
# punctuation, so a line could start with "，" or "；". Every printout registers the fonts before
# it sets a line, so it is taught here once; the marks are only ever added.
_CN_CANNOT_START = "，。、；：？！）》」』】〉”’…"


def _forbid_chinese_line_starts() -> None:
    from reportlab.platypus import paragraph

    paragraph.ALL_CANNOT_START += "".join(
        c for c in _CN_CANNOT_START if c not in paragraph.ALL_CANNOT_START
    )
