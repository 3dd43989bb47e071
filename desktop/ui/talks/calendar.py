"""Month and week calendars of talks: a grid of painted day cells, refilled per period.

Talks of one programme share most of their title (反诈宣传进社区——六寨社区, 反诈宣传进社区——
人民社区), so a month cell shows each talk by what tells it apart: the part after the title's
dash, else the community or venue before the title (``distinctive_title``), on two lines when
the cell has room. The week's columns are tall: each day's talks share its column's height,
each block giving the talk's times, whole title, venue, organiser and expected attendance.
Every talk's tooltip gives the whole talk. A day with more talks than fit shows "+N more",
which opens the list of that day.

Each talk is marked by a status symbol as well as a colour so a black-and-white printout or a
colour-blind officer reads it too. Painting instead of a widget per line keeps a month of a
whole city's talks (thousands) quick to show and switch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPoint, QRect, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QToolTip, QWidget

from desktop.domain.talks import TalkSummary
from desktop.ui.qt import Qt

STATUS_COLOURS = {
    "planned": "#1f5fa8",
    "confirmed": "#1b7f3b",
    "done": "#555555",
    "postponed": "#b26a00",
    "cancelled": "#b00020",
}
STATUS_SYMBOLS = {"planned": "○", "confirmed": "●", "done": "✓", "postponed": "↷", "cancelled": "✕"}
_PADDING = 3
MONTH_LINES = 2  # the most lines a talk takes in a month cell with room to spare
WEEK_BLOCK_LINES = 3  # the fewest lines a week block shows: times, title, venue
MORE = -1  # the slot of the "+N more" line
# What separates a programme's name from the place in a title: a dash (——, —, －, " - ")
# or a full-width colon. A hyphen inside a word (Anti-fraud) is not one.
_SEPARATOR = re.compile(r"\s*(?:—+|－+|--+|\s-\s|：)\s*")


def month_grid_start(first_of_month: date) -> date:
    """The Monday on or before the first day of the month (Chinese calendars start on Monday)."""
    return first_of_month - timedelta(days=first_of_month.weekday())


def distinctive_title(talk: TalkSummary) -> str:
    """What tells a talk apart from the others of its programme, for a line of a month cell.

    The part after the title's last dash when there is one (反诈宣传进集市——下南乡 → 下南乡);
    otherwise the title with the community (else the venue) before it, unless the title
    names it already (新建社区 · 反诈宣传进社区), so a cut line still says where."""
    parts = [part for part in _SEPARATOR.split(talk.title.strip()) if part]
    if len(parts) > 1:
        return parts[-1]
    title = talk.title.strip()
    place = talk.area_name.strip() or talk.venue.strip()
    if not place or place in title:
        return title
    return f"{place} · {title}"


def wrapped(text: str, font: QFont, width: int, most: int) -> list[str]:
    """``text`` broken into at most ``most`` lines of ``width`` pixels (between words, or
    anywhere in a word too long for a line, as Chinese runs are); the last line cut with "…"
    when text is left over."""
    if most <= 0 or width <= 0:
        return []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    if len(lines) <= most:
        return [line.rstrip() for line in lines]
    rest = "".join(lines[most - 1 :]).strip()
    cut = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return [line.rstrip() for line in lines[: most - 1]] + [cut]


class Slot(NamedTuple):
    """Where one talk (its index in the cell's talks) or the "+N more" line (``MORE``) is
    drawn, and how many lines of text it has room for."""

    index: int
    rect: QRect
    lines: int


class DayCell(QWidget):
    talk_clicked = Signal(str)
    more_clicked = Signal(object)  # date
    new_requested = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None, *, detailed: bool = False) -> None:
        super().__init__(parent)
        # Cells take the height the window gives them and show as many talks as fit.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(36)
        self.setMouseTracking(True)
        self.detailed = detailed  # a week's column: talks in blocks that share its height
        self.day: date | None = None
        self.talks: list[TalkSummary] = []
        self.total = 0  # talks that day, shown or not
        self.in_period = True
        self.is_today = False
        self.more_text = "+%n"
        self.describe: Callable[[TalkSummary], list[str]] = lambda talk: [talk.title]
        self._slots_cache: tuple[tuple, list[Slot]] | None = None

    def fill(
        self,
        day: date,
        talks: list[TalkSummary],
        *,
        total: int | None = None,
        in_period: bool,
        today: date,
        more_text: str,
        describe: Callable[[TalkSummary], list[str]] | None = None,
    ) -> None:
        """Show ``day``; ``describe`` gives a talk's whole description, line by line (times
        and status, title, venue, organiser, expected attendance): the tooltip and the week's
        blocks."""
        self.day, self.talks, self.in_period = day, talks, in_period
        self.total = len(talks) if total is None else total
        self.is_today = day == today
        self.more_text = more_text
        if describe is not None:
            self.describe = describe
        self._slots_cache = None
        self.update()

    # -- geometry --------------------------------------------------------------------------
    def _line_height(self) -> int:
        return self.fontMetrics().height() + 2

    def _first_line_top(self) -> int:
        return _PADDING + self._line_height()

    def slots(self) -> list[Slot]:
        """Where each talk shown and the "+N more" line go, at the cell's current size.

        A month cell gives every talk one line, two when all of them fit so; a week's column
        shares its whole height among the day's talks. Either keeps the last line for "+N"
        when the day has more talks than fit."""
        # Painting, hovering and clicking all ask; the answer changes with size and talks only.
        key = (self.width(), self.height(), self.font().key(), self.total, len(self.talks))
        if self._slots_cache is not None and self._slots_cache[0] == key:
            return self._slots_cache[1]
        slots = self._laid_out()
        self._slots_cache = (key, slots)
        return slots

    def _laid_out(self) -> list[Slot]:
        line = self._line_height()
        top = self._first_line_top()
        free = self.height() - top - _PADDING
        width = self.width() - 2 * _PADDING
        loaded = len(self.talks)
        if not loaded and not self.total:
            return []
        least = WEEK_BLOCK_LINES * line + 4 if self.detailed else line
        all_fit = loaded == self.total and loaded * least <= free
        shown = loaded if all_fit else min(loaded, max((free - line) // least, 0))
        room = free if all_fit else free - line
        if self.detailed and shown:
            height = room // shown  # the day's talks fill the column
            heights = [(height, max((height - 4) // line, 1))] * shown
        else:
            # One line each; lines to spare go to the talks whose text wraps, in order.
            spare = room // line - shown if all_fit else 0
            heights = []
            for talk in self.talks[:shown]:
                needs = len(wrapped(self._month_text(talk), self.font(), width - 6, MONTH_LINES))
                extra = max(min(needs - 1, spare), 0)
                spare -= extra
                heights.append(((1 + extra) * line, 1 + extra))
        slots = []
        for index, (height, lines) in enumerate(heights):
            slots.append(Slot(index, QRect(_PADDING, top, width, height), lines))
            top += height
        if self.total > shown:
            slots.append(Slot(MORE, QRect(_PADDING, top, width, line), 1))
        return slots

    def capacity(self) -> int:
        """How many talks the cell shows at its current size (the "+N" line kept free)."""
        return sum(1 for slot in self.slots() if slot.index != MORE)

    def visible_talks(self) -> list[TalkSummary]:
        return self.talks[: self.capacity()]

    def hidden_count(self) -> int:
        return self.total - len(self.visible_talks())

    def _slot_at(self, point: QPoint) -> Slot | None:
        return next((slot for slot in self.slots() if slot.rect.contains(point)), None)

    def _hit(self, point: QPoint) -> int | None:
        """The slot under ``point``: a talk's index, len(visible) for "+N", None elsewhere."""
        slot = self._slot_at(point)
        if slot is None:
            return None
        return len(self.visible_talks()) if slot.index == MORE else slot.index

    def tooltip_at(self, point: QPoint) -> str:
        """The whole talk under ``point``; under "+N more", the talks it stands for."""
        slot = self._slot_at(point)
        if slot is None:
            return ""
        if slot.index != MORE:
            return "\n".join(self.describe(self.talks[slot.index]))
        hidden = [f"{talk.start_clock} {talk.title}" for talk in self.talks[self.capacity() :]]
        if self.total > len(self.talks):  # only a day's first talks are read for the month
            hidden.append("…")
        return "\n".join(hidden)

    # -- what is drawn -----------------------------------------------------------------------
    def _talk_lines(self, talk: TalkSummary, slot: Slot, width: int) -> list[tuple[str, bool]]:
        """The lines drawn for one talk, each with whether it is bold."""
        if not self.detailed:
            text = self._month_text(talk)
            return [(line, False) for line in wrapped(text, self.font(), width, slot.lines)]
        bold = QFont(self.font())
        bold.setBold(True)
        # The times in bold, the status by its symbol and colour (in words in the tooltip).
        heading = f"{STATUS_SYMBOLS.get(talk.status, '')} {talk.start_clock}–{talk.end_clock}"
        lines = [(line, True) for line in wrapped(heading, bold, width, 1)]
        for paragraph in self.describe(talk)[1:]:
            left = slot.lines - len(lines)
            if left <= 0:
                break
            lines += [(line, False) for line in wrapped(paragraph, self.font(), width, left)]
        return lines

    @staticmethod
    def _month_text(talk: TalkSummary) -> str:
        return f"{STATUS_SYMBOLS.get(talk.status, '')} {talk.start_clock} {distinctive_title(talk)}"

    def drawn_text(self) -> list[str]:
        """Every line of text the cell draws, in order (the day's number first)."""
        lines = [self._header()] if self.day is not None else []
        width = self.width() - 2 * _PADDING - 6
        for slot in self.slots():
            if slot.index == MORE:
                lines.append(self.more_text.replace("%n", str(self.hidden_count())))
            else:
                talk = self.talks[slot.index]
                lines += [text for text, _bold in self._talk_lines(talk, slot, width)]
        return lines

    def _header(self) -> str:
        day = self.day
        return f"{day.day}" if day.day != 1 else f"{day.month}/{day.day}"

    # -- painting and input -------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        rect = self.rect().adjusted(0, 0, -1, -1)
        painter.fillRect(rect, QColor("#ffffff" if self.in_period else "#f0f0f0"))
        painter.setPen(QPen(QColor("#1f5fa8"), 2) if self.is_today else QPen(QColor("#c8c8c8")))
        painter.drawRect(rect)
        if self.day is None:
            return
        font = QFont(self.font())
        font.setBold(self.is_today)
        painter.setFont(font)
        painter.setPen(QColor("#000000" if self.in_period else "#777777"))
        line = self._line_height()
        painter.drawText(QRect(_PADDING + 2, _PADDING, self.width(), line), 0, self._header())
        width = self.width() - 2 * _PADDING - 6
        for slot in self.slots():
            if slot.index == MORE:
                painter.setFont(self.font())
                painter.setPen(QColor("#333333"))
                text = self.more_text.replace("%n", str(self.hidden_count()))
                painter.drawText(slot.rect.adjusted(6, 0, 0, 0), 0, text)
                continue
            talk = self.talks[slot.index]
            colour = QColor(STATUS_COLOURS.get(talk.status, "#000000"))
            block = slot.rect.adjusted(0, 1, 0, -1)
            if self.detailed:
                tint = QColor(colour)
                tint.setAlpha(24)
                painter.fillRect(block.adjusted(0, 0, 0, -1), tint)
            painter.fillRect(QRect(block.left(), block.top(), 3, block.height()), colour)
            top = slot.rect.top() + (2 if self.detailed else 0)
            for text, bold in self._talk_lines(talk, slot, width):
                text_font = QFont(self.font())
                text_font.setBold(bold)
                text_font.setStrikeOut(talk.status == "cancelled")
                painter.setFont(text_font)
                painter.setPen(colour if bold or not self.detailed else QColor("#202020"))
                painter.drawText(QRect(slot.rect.left() + 6, top, width, line), 0, text)
                top += line

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        index = self._hit(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            shown = self.visible_talks()
            if index < len(shown):
                self.talk_clicked.emit(shown[index].id)
            else:
                self.more_clicked.emit(self.day)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.day is not None and self._hit(event.position().toPoint()) is None:
            self.new_requested.emit(self.day)
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        index = self._hit(event.position().toPoint())
        pointing = index is not None
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.ArrowCursor
        )
        super().mouseMoveEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.update()


class CalendarView(QWidget):
    """A month (6 weeks) or a week of day cells with Monday first."""

    talk_clicked = Signal(str)
    day_requested = Signal(object)  # date: show that day's talks in the list
    new_requested = Signal(object)  # date: new talk on that day

    def __init__(self, weeks: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks = weeks
        grid = QGridLayout(self)
        grid.setSpacing(2)
        grid.setContentsMargins(0, 0, 0, 0)
        self.weekday_labels = [QLabel() for _ in range(7)]
        for column, label in enumerate(self.weekday_labels):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, 0, column)
        self.cells: list[DayCell] = []
        for row in range(weeks):
            grid.setRowStretch(row + 1, 1)
            for column in range(7):
                cell = DayCell(detailed=weeks == 1)  # a week's tall columns: blocks
                cell.talk_clicked.connect(self.talk_clicked)
                cell.more_clicked.connect(self.day_requested)
                cell.new_requested.connect(self.new_requested)
                grid.addWidget(cell, row + 1, column)
                self.cells.append(cell)
        for column in range(7):
            grid.setColumnStretch(column, 1)

    def set_weekday_names(self, names: list[str]) -> None:
        for label, name in zip(self.weekday_labels, names, strict=True):
            label.setText(name)

    def fill(
        self,
        first_day: date,
        period: tuple[date, date],
        talks: list[TalkSummary],
        *,
        counts: dict[date, int] | None = None,
        today: date,
        more_text: str,
        describe: Callable[[TalkSummary], list[str]] | None = None,
    ) -> None:
        """Show ``weeks`` weeks from ``first_day``; days outside ``period`` are greyed.

        ``counts`` gives each day's number of talks when ``talks`` holds only the first few;
        ``describe`` a talk's whole description, line by line (``DayCell.fill``).
        """
        by_day: dict[date, list[TalkSummary]] = {}
        for talk in talks:
            by_day.setdefault(talk.day, []).append(talk)
        for index, cell in enumerate(self.cells):
            day = first_day + timedelta(days=index)
            cell.fill(
                day,
                by_day.get(day, []),
                total=(counts or {}).get(day, len(by_day.get(day, []))),
                in_period=period[0] <= day < period[1],
                today=today,
                more_text=more_text,
                describe=describe,
            )
