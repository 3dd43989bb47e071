"""Lengths of time said as people say them: the minutes boxes of Settings and the lock, and the
figures counted in minutes."""

from __future__ import annotations

import pytest

from desktop.core.figures import BY_KEY, format_value
from desktop.ui.widgets import MinutesBox


@pytest.fixture
def box(qtbot):
    made = MinutesBox()
    made.setRange(1, 10_080)
    qtbot.addWidget(made)
    return made


def test_minutes_are_shown_in_days_hours_and_minutes(box):
    for minutes, shown in ((1440, "1 d"), (1858, "1 d 6 h 58 min"), (30, "30 min"), (120, "2 h")):
        box.setValue(minutes)
        assert box.text() == shown


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [("2h30", 150), ("2 h 30 min", 150), ("1天", 1440), ("1天6小时", 1800), ("90", 90),
     ("3 hours", 180), ("1 d 2 h", 1560)],
)  # fmt: skip
def test_what_is_typed_is_read_back_in_either_language(box, typed, minutes):
    box.lineEdit().setText(typed)  # as an input method hands it over (Chinese is not keyed)
    box.interpretText()
    assert box.value() == minutes


def test_unreadable_or_out_of_range_text_is_not_taken(box):
    from PySide6.QtGui import QValidator

    box.setValue(60)
    for text in ("abc", "2x", "8 d", ""):
        assert box.validate(text, 0)[0] == QValidator.State.Intermediate, text
    assert box.minutes_in("2 weeks") is None


def test_the_arrows_step_five_minutes_then_an_hour(box):
    box.setValue(115)
    box.stepBy(1)
    assert box.value() == 120
    box.stepBy(1)
    assert box.value() == 180
    box.stepBy(-1)
    assert box.value() == 120
    box.stepBy(-1)
    assert box.value() == 115


def test_figures_in_minutes_read_as_hours_and_days():
    median = BY_KEY["first_contact_median"]
    assert format_value(median, 1858) == "31小时"
    assert format_value(median, 1858, chinese=False) == "31 h"
    assert format_value(median, 45) == "45分钟"
    assert format_value(median, 3000, chinese=False) == "2 d 2 h"
    day_figures = [figure for figure in BY_KEY.values() if figure.unit == "days"]
    if day_figures:
        assert format_value(day_figures[0], 1, chinese=False) == "1 day"
        assert format_value(day_figures[0], 2, chinese=False) == "2 days"
