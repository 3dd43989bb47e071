"""The bundled CJK TrueType font, registered with reportlab once per process.

reportlab cannot embed CFF/PostScript-outline fonts (Noto Sans CJK .otf), and its built-in
CID fonts (STSong-Light) are never embedded, so a printer or a viewer without Chinese fonts
would show nothing. WenQuanYi Micro Hei has TrueType outlines and is embedded as a subset.
"""

from __future__ import annotations

import threading

from desktop.paths import font_path

CJK_FONT = "WQYMicroHei"
# The faces official paper is set in, by their role: Song (宋) for titles and body, FangSong
# (仿宋) for body, Hei (黑) for 一、 headings, Kai (楷) for （一） leads. Until a Song and a
# Kai face are shipped, every role is set in the bundled face.
SONG = CJK_FONT
FANGSONG = CJK_FONT
HEI = CJK_FONT
KAI = CJK_FONT
_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the CJK font (idempotent, thread-safe); returns its reportlab name."""
    global _registered
    with _lock:
        if not _registered:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(CJK_FONT, str(font_path()), subfontIndex=0))
            _forbid_chinese_line_starts()
            _registered = True
    return CJK_FONT


# reportlab's line breaking (kinsoku) knows the Japanese marks but not Chinese full-width
# punctuation, so a line could start with "，" or "；". Every printout registers the fonts before
# it sets a line, so it is taught here once; the marks are only ever added.
_CN_CANNOT_START = "，。、；：？！）》」』】〉”’…"


def _forbid_chinese_line_starts() -> None:
    from reportlab.platypus import paragraph

    paragraph.ALL_CANNOT_START += "".join(
        c for c in _CN_CANNOT_START if c not in paragraph.ALL_CANNOT_START
    )
