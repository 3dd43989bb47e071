"""Month and week calendars of talks: a grid of painted day cells, refilled per period.

Each cell paints its talks itself, one line each ("○ 09:00 title"), marked by a status symbol as
well as a colour so a black-and-white printout or a colour-blind officer reads it too. A day
with more talks than fit shows "+N more", which opens the list of that day. Painting instead of
a widget per line keeps a month of a whole city's talks (thousands) quick to show and switch.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from desktop.domain.talks import TalkSummary

STATUS_COLOURS = {
    "planned": "#1f5fa8",
    "confirmed": "#1b7f3b",
    "done": "#555555",
    "postponed": "#b26a00",
    "cancelled": "#b00020",
}
STATUS_SYMBOLS = {"planned": "○", "confirmed": "●", "done": "✓", "postponed": "↷", "cancelled": "✕"}
_PADDING = 3


def month_grid_start(first_of_month: date) -> date:
    """The Monday on or before the first day of the month (Chinese calendars start on Monday)."""
    return first_of_month - timedelta(days=first_of_month.weekday())


class DayCell(QWidget):
    talk_clicked = Signal(str)
    more_clicked = Signal(object)  # date
    new_requested = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Cells take the height the window gives them and show as many talks as fit.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(36)
        self.setMouseTracking(True)
        self.day: date | None = None
        self.talks: list[TalkSummary] = []
        self.total = 0  # talks that day, shown or not
        self.in_period = True
        self.is_today = False
        self.more_text = "+%n"

    def fill(
        self,
        day: date,
        talks: list[TalkSummary],
        *,
        total: int | None = None,
        in_period: bool,
        today: date,
        more_text: str,
    ) -> None:
        self.day, self.talks, self.in_period = day, talks, in_period
        self.total = len(talks) if total is None else total
        self.is_today = day == today
        self.more_text = more_text
        self.update()

    # -- geometry --------------------------------------------------------------------------
    def _line_height(self) -> int:
        return self.fontMetrics().height() + 2

    def _first_line_top(self) -> int:
        return _PADDING + self._line_height()

    def capacity(self) -> int:
        """How many talk lines fit in the cell's current height (the "+N" line kept free)."""
        free = self.height() - self._first_line_top() - _PADDING
        fits = max(free // self._line_height(), 0)
        if self.total > fits:
            fits = max(fits - 1, 0)
        return min(fits, len(self.talks))

    def visible_talks(self) -> list[TalkSummary]:
        return self.talks[: self.capacity()]

    def hidden_count(self) -> int:
        return self.total - len(self.visible_talks())

    def _hit(self, point: QPoint) -> int | None:
        """The line under ``point``: a talk's index, len(visible) for "+N", None elsewhere."""
        index = (point.y() - self._first_line_top()) // self._line_height()
        shown = len(self.visible_talks())
        if point.y() < self._first_line_top() or index < 0:
            return None
        if index < shown or (index == shown and self.hidden_count()):
            return index
        return None

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
        header = f"{self.day.day}" if self.day.day != 1 else f"{self.day.month}/{self.day.day}"
        line = self._line_height()
        painter.drawText(QRect(_PADDING + 2, _PADDING, self.width(), line), 0, header)
        metrics = self.fontMetrics()
        width = self.width() - 2 * _PADDING - 6
        top = self._first_line_top()
        for talk in self.visible_talks():
            colour = QColor(STATUS_COLOURS.get(talk.status, "#000000"))
            painter.fillRect(QRect(_PADDING, top + 1, 3, line - 2), colour)
            text_font = QFont(self.font())
            text_font.setStrikeOut(talk.status == "cancelled")
            painter.setFont(text_font)
            painter.setPen(colour)
            text = f"{STATUS_SYMBOLS.get(talk.status, '')} {talk.start_clock} {talk.title}"
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(_PADDING + 6, top, width, line), 0, elided)
            top += line
        hidden = self.hidden_count()
        if hidden:
            painter.setFont(self.font())
            painter.setPen(QColor("#333333"))
            painter.drawText(
                QRect(_PADDING + 6, top, width, line), 0, self.more_text.replace("%n", str(hidden))
            )

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
                cell = DayCell()
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
    ) -> None:
        """Show ``weeks`` weeks from ``first_day``; days outside ``period`` are greyed.

        ``counts`` gives each day's number of talks when ``talks`` holds only the first few.
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
            )
