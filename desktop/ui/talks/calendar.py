"""Month and week calendars of talks: a grid of day cells built once, refilled per period.

Each talk shows as one line, "09:00 title", marked by status with a symbol as well as a colour
so a black-and-white printout or a colour-blind officer reads it too. A day with more talks
than fit shows "+N more", which opens the list for that day.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.entities import Talk

STATUS_COLOURS = {
    "planned": "#1f5fa8",
    "confirmed": "#1b7f3b",
    "done": "#555555",
    "postponed": "#b26a00",
    "cancelled": "#b00020",
}
STATUS_SYMBOLS = {"planned": "○", "confirmed": "●", "done": "✓", "postponed": "↷", "cancelled": "✕"}


def set_style(widget: QWidget, css: str) -> None:
    """Apply a style sheet only when it changes: re-parsing 42 cells' styles costs a switch."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)


def month_grid_start(first_of_month: date) -> date:
    """The Monday on or before the first day of the month (Chinese calendars start on Monday)."""
    return first_of_month - timedelta(days=first_of_month.weekday())


class TalkLine(QPushButton):
    """One talk in a day cell; flat, left-aligned, coloured by status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.talk_id: str | None = None

    def show_talk(self, talk: Talk) -> None:
        self.talk_id = talk.id
        symbol = STATUS_SYMBOLS.get(talk.status, "")
        self.setText(f"{symbol} {talk.starts_at:%H:%M} {talk.title}")
        self.setToolTip(f"{talk.starts_at:%H:%M}–{talk.ends_at:%H:%M} {talk.title}\n{talk.venue}")
        colour = STATUS_COLOURS.get(talk.status, "#000000")
        strike = "text-decoration: line-through;" if talk.status == "cancelled" else ""
        set_style(
            self,
            f"QPushButton {{ text-align: left; color: {colour}; border: none;"
            f" border-left: 3px solid {colour}; padding: 0 3px; {strike} }}",
        )
        self.show()


class DayCell(QFrame):
    talk_clicked = Signal(str)
    more_clicked = Signal(object)  # date
    new_requested = Signal(object)  # date

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.Box)
        self.setObjectName("DayCell")
        # Cells take the height the window gives them and show as many talks as fit.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(36)
        self.day: date | None = None
        self.talks: list[Talk] = []
        self.more_text = "+%n"
        self.header = QLabel()
        self.lines = [TalkLine(self) for _ in range(lines)]
        self.more = QPushButton(self)
        self.more.setFlat(True)
        self.more.setStyleSheet("QPushButton { text-align: left; border: none; color: #333; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 2, 3, 2)
        layout.setSpacing(1)
        layout.addWidget(self.header)
        for line in self.lines:
            layout.addWidget(line)
            line.clicked.connect(self._line_clicked)
        layout.addWidget(self.more)
        layout.addStretch(1)
        self.more.clicked.connect(lambda: self.more_clicked.emit(self.day))

    def _line_clicked(self) -> None:
        line = self.sender()
        if line.talk_id:
            self.talk_clicked.emit(line.talk_id)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.day is not None:
            self.new_requested.emit(self.day)
        super().mouseDoubleClickEvent(event)

    def fill(self, day: date, talks: list[Talk], *, in_period: bool, today: date, more_text: str):
        self.day = day
        self.talks = talks
        self.more_text = more_text
        font = QFont(self.header.font())
        font.setBold(day == today)
        self.header.setFont(font)
        self.header.setText(f"{day.day}" if day.day != 1 else f"{day.month}/{day.day}")
        background = "#ffffff" if in_period else "#f0f0f0"
        border = "2px solid #1f5fa8" if day == today else "1px solid #c8c8c8"
        set_style(self, f"#DayCell {{ background: {background}; border: {border}; }}")
        self._place_lines()

    def capacity(self) -> int:
        """How many talk lines fit in the cell's current height (the "+N" line kept free)."""
        line = self.fontMetrics().height() + 2
        free = self.height() - self.header.sizeHint().height() - 6
        fits = max(free // line, 0)
        if len(self.talks) > fits:
            fits = max(fits - 1, 0)  # room for "+N more"
        return min(fits, len(self.lines))

    def _place_lines(self) -> None:
        shown = self.talks[: self.capacity()]
        for line, talk in zip(self.lines, shown, strict=False):
            line.show_talk(talk)
        for line in self.lines[len(shown) :]:
            line.talk_id = None
            line.hide()
        hidden = len(self.talks) - len(shown)
        self.more.setVisible(hidden > 0)
        if hidden > 0:
            self.more.setText(self.more_text.replace("%n", str(hidden)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_lines()


class CalendarView(QWidget):
    """A month (6 weeks) or a week of day cells with Monday first."""

    talk_clicked = Signal(str)
    day_requested = Signal(object)  # date: show that day's talks in the list
    new_requested = Signal(object)  # date: new talk on that day

    def __init__(self, weeks: int, lines: int, parent: QWidget | None = None) -> None:
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
                cell = DayCell(lines)
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
        talks: list[Talk],
        *,
        today: date,
        more_text: str,
    ) -> None:
        """Show ``weeks`` weeks from ``first_day``; days outside ``period`` are greyed."""
        by_day: dict[date, list[Talk]] = {}
        for talk in talks:
            by_day.setdefault(talk.starts_at.date(), []).append(talk)
        for index, cell in enumerate(self.cells):
            day = first_day + timedelta(days=index)
            cell.fill(
                day,
                by_day.get(day, []),
                in_period=period[0] <= day < period[1],
                today=today,
                more_text=more_text,
            )
