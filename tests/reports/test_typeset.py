"""Chinese text on the grid of official paper: 28 characters a line, both edges straight, no
line starting with a closing mark or ending with an opening one."""

from __future__ import annotations

import re

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.reports.fonts import register_fonts
from desktop.reports.typeset import CLOSING, OPENING, Run, TextBlock

WIDTH = 156 * mm  # GB/T 9704's type area
LEADING = 225 * mm / 22


@pytest.fixture(scope="module")
def font() -> str:
    return register_fonts()


def _block(text, font, **kw) -> TextBlock:
    block = TextBlock(text, font=font, size=16, leading=LEADING, per_line=28, **kw)
    block.wrap(WIDTH, 10_000)
    return block


def test_a_line_holds_28_characters_of_16_pt_in_156_mm(font):
    block = _block("中" * 100, font, indent=2)
    assert [len(line) for line in block.lines()] == [26, 28, 28, 18]
    # The space between characters is narrowed just enough: 28 × 16 pt is 448 pt, the line 442.
    spacing = block._lines[1].spacing
    assert 28 * 16 + 27 * spacing == pytest.approx(WIDTH)
    assert -0.3 < spacing < 0


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(font):
    # Every length of lead-in puts the marks at every position of the line.
    for lead in range(28):
        text = "甲" * lead + "乙，丙。丁；戊：己、庚）辛“壬（癸》" * 12
        lines = _block(text, font).lines()
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in CLOSING, (lead, line)
        for line in lines[:-1]:
            assert line[-1] not in OPENING, (lead, line)


def test_lines_are_spread_to_both_edges_except_the_last(font):
    text = "2026年10月1日至2026年10月31日，凤山县共开展反诈宣传活动5场，受教育群众1,028人次，" * 3
    block = _block(text, font)
    for line in block._lines:
        natural = sum(stringWidth(chars, face, 16) for chars, face in line.segments)
        glyphs = sum(len(chars) for chars, _face in line.segments)
        extent = natural + line.spacing * (glyphs - 1)
        if line is block._lines[-1]:
            assert extent < WIDTH
        else:
            assert extent == pytest.approx(WIDTH)
    # Numbers are never cut across lines.
    joined = "\n".join(block.lines())
    assert joined.replace("\n", "") == text
    assert not re.search(r"[\d,.]\n[\d,.]", joined)


def test_a_paragraph_does_not_end_on_one_character_alone(font):
    # 26 + 28 characters fill two lines: the 55th would stand alone on the third.
    block = _block("中" * 54 + "成。", font, indent=2)
    assert block.lines() == ["中" * 26, "中" * 27, "中成。"]
    # The line that gave its last character up is still spread to both edges.
    second = block._lines[1]
    assert 27 * 16 + 26 * second.spacing == pytest.approx(WIDTH)
    # A run of digits is one piece: "12.5%。" is not one character alone and stays.
    assert _block("中" * 54 + "12.5%。", font, indent=2).lines()[-1] == "12.5%。"


def test_a_lead_keeps_its_own_face(font):
    block = _block([Run("（一）强化宣传。", "Helvetica"), Run("正文" * 20, font)], font)
    assert block._lines[0].segments[0] == ("（一）强化宣传。", "Helvetica")


def test_a_paragraph_splits_between_lines(font):
    block = _block("中" * 28 * 5, font)
    head, tail = block.split(WIDTH, LEADING * 2.5)
    assert head.lines() == block.lines()[:2] and tail.lines() == block.lines()[2:]
    assert block.split(WIDTH, LEADING * 0.9) == []


def test_a_character_the_face_lacks_is_set_in_one_that_has_it():
    from desktop.reports import fonts
    from desktop.reports.typeset import Run, _pieces

    fonts.register_fonts()
    assert not fonts.has_character(fonts.SONG, "堃") and fonts.has_character(fonts.HEI, "堃")
    pieces = _pieces([Run("王堃同志", fonts.SONG)], 16)
    assert [(piece.text, piece.font) for piece in pieces] == [
        ("王", fonts.SONG),
        ("堃", fonts.HEI),
        ("同", fonts.SONG),
        ("志", fonts.SONG),
    ]
