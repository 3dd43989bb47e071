"""The faces of printed documents: each registers and is embedded, and a character a face lacks
is drawn in a face that has it instead of a box."""

import hashlib
import re
import threading

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from desktop.paths import font_path
from desktop.reports import fonts
from desktop.reports.fonts import (
    CJK_FONT,
    FACES,
    FANGSONG,
    HEI,
    KAI,
    SONG,
    SUPPLEMENT,
    fallback_markup,
    has_character,
    register_fonts,
)
from desktop.reports.styles import PORTRAIT, build_pdf, text

# The PostScript names the faces carry into a PDF (its /BaseFont, less the subset's tag and
# number: AAAAAA+WenQuanYiMicroHei-0).
BASE_NAMES = {
    HEI: "WenQuanYiMicroHei",
    SONG: "BousungEG-Light-GB",
    KAI: "GBZenKai-Medium",
    SUPPLEMENT: "WenKaiSupplement-Regular",
}
RARE = "堃"  # a name's character (张堃) outside GB 2312: the Hei face has it, Song and Kai not
BEYOND_HEI = "䶮"  # in the 通用规范汉字表 (刘䶮) but not in the Hei face: the supplement's
BEYOND_BMP = "𬱖"  # U+2CC56, also a name's (the supplement's too)


def _base_name(base: str) -> str:
    return re.sub(r"-\d+$", "", base.split("+", 1)[-1])


def _runs_by_font(path) -> list[tuple[str, str]]:
    """(text, the face's PostScript name) of each run of text drawn on the first page."""
    from pypdf import PdfReader

    runs = []

    def visit(value, _cm, _tm, font, _size):
        if value.strip():
            runs.append((value.strip(), _base_name(str(font["/BaseFont"]))))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return runs


def _style(font: str) -> ParagraphStyle:
    return ParagraphStyle(font, fontName=font, fontSize=16, leading=24, wordWrap="CJK")


def test_every_face_registers_once_whichever_thread_comes_first(monkeypatch):
    monkeypatch.setattr(fonts, "_characters", {})
    registered = []
    register = pdfmetrics.registerFont

    def counted(font):
        registered.append(font.fontName)
        register(font)

    monkeypatch.setattr(pdfmetrics, "registerFont", counted)
    start = threading.Barrier(4)
    names = []

    def first_print():
        start.wait()
        names.append(register_fonts())

    threads = [threading.Thread(target=first_print) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert names == [CJK_FONT] * 4 and CJK_FONT == HEI
    assert sorted(registered) == sorted(face.name for face in FACES)  # each once
    for name in (HEI, SONG, KAI, FANGSONG, SUPPLEMENT):
        assert pdfmetrics.getFont(name).fontName == name
    assert FANGSONG == SONG  # no freely licensed simplified FangSong has TrueType outlines


def test_a_face_is_read_only_when_first_needed(monkeypatch):
    monkeypatch.setattr(fonts, "_characters", {})
    registered = []
    register = pdfmetrics.registerFont
    monkeypatch.setattr(
        pdfmetrics, "registerFont", lambda font: registered.append(font.fontName) or register(font)
    )
    assert register_fonts(HEI) == HEI and registered == [HEI]  # a sign-in sheet's one face
    assert fallback_markup("签到表") == "签到表" and registered == [HEI]
    assert SUPPLEMENT in fallback_markup("韦䶮")  # a name the Hei face lacks: the supplement
    assert registered == [HEI, SUPPLEMENT]


def test_song_and_kai_have_all_of_gb_2312_and_the_hei_face_all_of_gbk():
    def encodable(character: str, codec: str) -> bool:
        try:
            character.encode(codec)
        except UnicodeEncodeError:
            return False
        return True

    han = [chr(code) for code in range(0x4E00, 0xA000)]
    gb2312 = [c for c in han if encodable(c, "gb2312")]
    assert len(gb2312) == 6763
    for face in (SONG, KAI, HEI):
        assert [c for c in gb2312 if not has_character(face, c)] == [], face
    assert all(has_character(HEI, c) for c in han if encodable(c, "gbk"))
    assert not has_character(SONG, RARE) and not has_character(KAI, RARE)
    assert has_character(HEI, RARE)
    for character in (BEYOND_HEI, BEYOND_BMP):
        assert not has_character(HEI, character) and has_character(SUPPLEMENT, character)


def test_a_character_the_face_lacks_is_wrapped_in_the_first_face_that_has_it():
    assert fallback_markup("张建国", SONG) == "张建国"
    assert fallback_markup(f"张{RARE}明", SONG) == f'张<font name="{HEI}">{RARE}</font>明'
    assert fallback_markup(f"{RARE}{RARE}", KAI) == f'<font name="{HEI}">{RARE}{RARE}</font>'
    assert (
        fallback_markup(f"刘{BEYOND_HEI}", SONG)
        == f'刘<font name="{SUPPLEMENT}">{BEYOND_HEI}</font>'
    )
    assert (
        fallback_markup(f"刘{BEYOND_HEI}", HEI)
        == f'刘<font name="{SUPPLEMENT}">{BEYOND_HEI}</font>'
    )
    assert fallback_markup("\U00020bb7", SONG) == "\U00020bb7"  # 𠮷: no face has it, it stays
    # The forms' text helper does the same, for the Hei face unless told another.
    assert text(f"刘{BEYOND_HEI}") == f'刘<font name="{SUPPLEMENT}">{BEYOND_HEI}</font>'
    assert text(f"张{RARE}", SONG) == f'张<font name="{HEI}">{RARE}</font>'
    assert text(None) == ""


def test_markup_characters_in_names_are_escaped_inside_and_outside_the_runs():
    assert (
        fallback_markup(f"<张&{RARE}>", SONG) == f'&lt;张&amp;<font name="{HEI}">{RARE}</font>&gt;'
    )
    assert fallback_markup(f"{RARE}<&>", SONG) == f'<font name="{HEI}">{RARE}</font>&lt;&amp;&gt;'
    assert fallback_markup('<font name="Helvetica">x</font>', HEI) == (
        '&lt;font name="Helvetica"&gt;x&lt;/font&gt;'
    )


def test_song_and_kai_text_embeds_each_face_and_the_missing_characters_come_from_others(
    tmp_path, fonts_of, page_texts
):
    out = tmp_path / "faces.pdf"
    name = f"张{RARE}明<A&B>，刘{BEYOND_HEI}{BEYOND_BMP}"
    build_pdf(
        out,
        [
            Paragraph(text(f"告知{name}", SONG), _style(SONG)),
            Paragraph(text("（一）工作开展情况", KAI), _style(KAI)),
        ],
        geometry=PORTRAIT,
    )
    fonts_used = fonts_of(out)
    assert fonts_used and all(font["embedded"] for font in fonts_used)
    bases = {_base_name(font["base"]) for font in fonts_used}
    assert bases == {BASE_NAMES[face] for face in (HEI, SONG, KAI, SUPPLEMENT)}
    assert b"Helvetica" not in out.read_bytes()
    assert f"告知{name}" in page_texts(out)[0]  # 𬱖 too: its Unicode map is mended
    runs = _runs_by_font(out)
    assert runs[:6] == [
        ("告知张", BASE_NAMES[SONG]),
        (RARE, BASE_NAMES[HEI]),
        ("明<A&B>，刘", BASE_NAMES[SONG]),
        (f"{BEYOND_HEI}{BEYOND_BMP}", BASE_NAMES[SUPPLEMENT]),
        ("（一）工作开展情况", BASE_NAMES[KAI]),
        ("第 1 页 / 共 1 页", BASE_NAMES[HEI]),  # the footer
    ]


@pytest.mark.parametrize(
    ("file", "sha256"),
    [
        ("gbsn00lp.ttf", "705ec2dba81eaee1208e4ed5d3ff23ab259292e8e0e163ea3de297ef1317007a"),
        ("gkai00mp.ttf", "61519fb9bdda4a1a3aa02a12cbb76c2ef897ce879775d7ea2265d0a65fe54d16"),
        ("ARPHICPL.TXT", "3a5e90c0957524a89e48203febcd4492ca4393678abaa7e5b4d70f3ff32b386d"),
    ],
)
def test_arphic_fonts_and_their_licence_ship_unchanged(file, sha256):
    """The Arphic Public License lets unchanged copies travel with their licence file (§1); a
    changed one (a subset too) would have to be offered to everyone (§2). Arphic's 2.11
    release, as Debian's fonts-arphic-gbsn00lp and fonts-arphic-gkai00mp carry it."""
    assert hashlib.sha256(font_path(file).read_bytes()).hexdigest() == sha256


def test_the_cut_wenkai_does_not_carry_the_reserved_font_names():
    """A Modified Version under the OFL may not be called "LXGW" or "霞鹜"."""
    register_fonts()
    face = pdfmetrics.getFont(SUPPLEMENT).face
    for name in (face.name, face.familyName, face.fullName):
        assert b"LXGW" not in name.upper() and "霞鹜".encode("utf-16-be") not in name
    assert face.familyName == b"WenKai Supplement"
