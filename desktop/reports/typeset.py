"""Chinese text set as official paper sets it: a fixed number of characters a line, both edges
straight, and no line that starts with a closing mark or ends with an opening one (避头尾).

reportlab's own CJK wrapping keeps only Japanese marks off a line's start (a line may begin
with "，" or "；"), leaves the right edge ragged, and cannot put 28 characters of 16 pt into
the 156 mm line of GB/T 9704-2012 (448 pt of type in 442 pt): Word does it with its document
grid, narrowing the space between characters a little, and so does :class:`TextBlock`.

A line is filled greedily with groups that may not be parted: a closing mark (，。）” …) stays
with the character before it, an opening mark (（“《 …) with the one after it, and a run of
Latin letters or digits ("1,028", "81.8%") is one piece. A group that does not fit moves to
the next line whole (推出) and the line it leaves is spread to the full width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop.reports.fonts import face_for

JUSTIFY = "justify"
LEFT = "left"
CENTER = "center"
RIGHT = "right"

# Marks that may not begin a line, and those that may not end one.
CLOSING = set("，。、；：！？）》」』】〕〉”’…—%‰·,.;:!?)]}")
OPENING = set("（《「『【〔〈“‘([{")
# The ideographic em box sits this far above the baseline (its bottom 0.12 em below it):
# a line's characters are centred in the line's height.
_EM_ASCENT = 0.88
_FUZZ = 1e-3


@dataclass(frozen=True)
class Run:
    """Text in one face (a paragraph's Kai lead, then its FangSong text)."""

    text: str
    font: str


@dataclass(frozen=True)
class _Piece:
    text: str
    font: str
    width: float  # at the block's size, without the space between characters

    @property
    def closing(self) -> bool:
        return self.text[0] in CLOSING

    @property
    def opening(self) -> bool:
        return self.text[-1] in OPENING

    @property
    def space(self) -> bool:
        return self.text.isspace()


@dataclass(frozen=True)
class _Line:
    x: float  # from the block's left edge
    spacing: float  # added after every character (the PDF's character spacing)
    segments: tuple[tuple[str, str], ...]  # (text, font)


def _latin(char: str) -> bool:
    return ord(char) < 0x2E80 and not char.isspace() and char not in CLOSING | OPENING


def _pieces(runs: Sequence[Run], size: float) -> list[_Piece]:
    """The text cut where a line may break: each CJK character and mark, each space, each run
    of Latin letters and digits (with the marks inside it, "29.71")."""
    pieces: list[_Piece] = []
    for run in runs:
        text = run.text
        start = 0
        while start < len(text):
            end = start + 1
            if _latin(text[start]):
                while end < len(text) and (
                    _latin(text[end])
                    or (text[end] in ",.:" and end + 1 < len(text) and text[end + 1].isdigit())
                ):
                    end += 1
            chunk = text[start:end]
            # a character the run's face lacks (a rare one in a name) is drawn in one that has it
            font = face_for(run.font, chunk) if len(chunk) == 1 else run.font
            pieces.append(_Piece(chunk, font, stringWidth(chunk, font, size)))
            start = end
    return pieces


def _groups(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces a line may not part: a closing mark with what precedes it, an opening mark with
    what follows it."""
    groups: list[list[_Piece]] = []
    glue = False
    for piece in pieces:
        if groups and not piece.space and (glue or piece.closing):
            groups[-1].append(piece)
        else:
            groups.append([piece])
        glue = piece.opening
    return groups


def _glyphs(pieces: Sequence[_Piece]) -> int:
    return sum(len(piece.text) for piece in pieces)


def _lonely(pieces: Sequence[_Piece]) -> bool:
    """One character alone (with the marks that close it): "成。"."""
    text = "".join(piece.text for piece in pieces).strip()
    return len(text) - sum(char in CLOSING for char in text) == 1


def _natural(pieces: Sequence[_Piece]) -> float:
    return sum(piece.width for piece in pieces)


class TextBlock(Flowable):
    """A paragraph of Chinese text laid out line by line (see the module's notes).

    ``per_line``: the characters a full line holds (GB/T 9704's 28), the space between
    characters narrowed or widened to make them fit exactly; without it characters keep their
    own width. ``indent`` (first line) and ``hang`` (the others) are in characters.
    """

    def __init__(
        self,
        runs: Sequence[Run] | str,
        *,
        font: str,
        size: float,
        leading: float,
        align: str = JUSTIFY,
        per_line: int | None = None,
        indent: float = 0,
        hang: float = 0,
        color: colors.Color = colors.black,
        space_before: float = 0,
        space_after: float = 0,
        keep_with_next: bool = False,
    ) -> None:
        super().__init__()
        self.runs = (Run(runs, font),) if isinstance(runs, str) else tuple(runs)
        self.font = font
        self.size = size
        self.leading = leading
        self.align = align
        self.per_line = per_line
        self.indent = indent
        self.hang = hang
        self.color = color
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.keepWithNext = keep_with_next
        self._lines: list[_Line] = []
        self._set_for: float | None = None

    # -- layout ---------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def _spacing(self, width: float) -> float:
        """The space between characters of a line holding ``per_line`` full-width ones."""
        if not self.per_line or self.per_line < 2:
            return 0.0
        return (width - self.per_line * self.size) / (self.per_line - 1)

    def _set(self, width: float) -> None:
        spacing = self._spacing(width)
        pitch = self.size + spacing
        lines: list[list[_Piece]] = []
        current: list[_Piece] = []

        def room() -> float:
            return width - pitch * (self.indent if not lines else self.hang)

        def used(pieces: Sequence[_Piece]) -> float:
            return _natural(pieces) + spacing * (_glyphs(pieces) - 1)

        for group in _groups(_pieces(self.runs, self.size)):
            if not current and group[0].space:
                continue  # a space never starts a line
            if used(current + group) <= room() + _FUZZ:
                current += group
                continue
            if current:
                lines.append(current)
                current = []
            if group[0].space:
                continue
            if used(group) <= room() + _FUZZ:
                current = list(group)
                continue
            # Wider than a whole line (a long Latin word): cut where the line ends.
            for piece in group:
                for char in piece.text:
                    part = _Piece(char, piece.font, stringWidth(char, piece.font, self.size))
                    if current and used([*current, part]) > room() + _FUZZ:
                        lines.append(current)
                        current = []
                    current.append(part)
        if current:
            lines.append(current)
        if len(lines) > 1 and _lonely(lines[-1]):
            # A paragraph does not end on one character alone: the line above gives up its
            # last group, and is spread to the full width as any other line.
            above = _groups(lines[-2])
            if len(above) > 2:
                lines[-2] = [piece for group in above[:-1] for piece in group]
                lines[-1] = above[-1] + lines[-1]
        self._lines = [
            self._line(pieces, width, spacing, pitch, index, last=index == len(lines) - 1)
            for index, pieces in enumerate(lines)
        ]
        self._set_for = width

    def _line(
        self, pieces: list[_Piece], width: float, spacing: float, pitch: float, index: int,
        *, last: bool,
    ) -> _Line:  # fmt: skip
        while pieces and pieces[-1].space:
            pieces = pieces[:-1]
        left = pitch * (self.indent if index == 0 else self.hang)
        room = width - left
        glyphs = _glyphs(pieces)
        natural = _natural(pieces)
        if self.align == JUSTIFY and glyphs > 1 and (not last or natural + spacing * (
                glyphs - 1) > room + _FUZZ):  # fmt: skip
            spread = (room - natural) / (glyphs - 1)
            # A line cut short by a long word is not spread letter by letter across the page.
            if spread <= self.size:
                spacing = spread
        extent = natural + spacing * (glyphs - 1)
        if self.align == CENTER:
            left += (room - extent) / 2
        elif self.align == RIGHT:
            left += room - extent
        segments: list[tuple[str, str]] = []
        for piece in pieces:
            if segments and segments[-1][1] == piece.font:
                segments[-1] = (segments[-1][0] + piece.text, piece.font)
            else:
                segments.append((piece.text, piece.font))
        return _Line(left, spacing, tuple(segments))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._set_for is None or abs(self._set_for - availWidth) > _FUZZ:
            self._set(availWidth)
        self.width = self._set_for
        self.height = len(self._lines) * self.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        fit = int((availHeight + _FUZZ) // self.leading)
        if fit <= 0:
            return []
        if fit >= len(self._lines):
            return [self]
        head, tail = self._part(self._lines[:fit]), self._part(self._lines[fit:])
        head.spaceAfter = 0
        tail.spaceBefore = 0
        return [head, tail]

    def _part(self, lines: list[_Line]) -> TextBlock:
        part = TextBlock(
            self.runs, font=self.font, size=self.size, leading=self.leading, align=self.align,
            per_line=self.per_line, indent=self.indent, hang=self.hang, color=self.color,
            space_before=self.spaceBefore, space_after=self.spaceAfter,
            keep_with_next=self.keepWithNext,
        )  # fmt: skip
        part._lines = lines
        part._set_for = self._set_for
        return part

    def lines(self) -> list[str]:
        """The text of each line as set (after ``wrap``)."""
        return ["".join(text for text, _font in line.segments) for line in self._lines]

    # -- drawing --------------------------------------------------------------------------

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.color)
        text = canvas.beginText()
        baseline = self.height - (self.leading - self.size) / 2 - _EM_ASCENT * self.size
        for line in self._lines:
            text.setTextOrigin(line.x, baseline)
            text.setCharSpace(line.spacing)
            for chars, font in line.segments:
                text.setFont(font, self.size)
                text.textOut(chars)
            baseline -= self.leading
        canvas.drawText(text)
        canvas.restoreState()
