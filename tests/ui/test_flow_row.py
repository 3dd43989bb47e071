"""A screen's filters go on to another line where the pane is narrow, never cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QPushButton, QVBoxLayout, QWidget

from desktop.ui.widgets import FlowRow


def _row(qtbot, texts):
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    row = FlowRow()
    buttons = [QPushButton(text) for text in texts]
    for button in buttons:
        row.addWidget(button)
    column.addLayout(row)
    column.addStretch(1)
    return holder, row, buttons


def _whole_and_apart(buttons):
    for button in buttons:
        assert button.width() == button.sizeHint().width()  # not one cut
    for number, first in enumerate(buttons):
        for second in buttons[number + 1 :]:
            assert not first.geometry().intersects(second.geometry())


def test_a_wide_pane_keeps_the_controls_on_one_line(qtbot):
    holder, _row_layout, buttons = _row(qtbot, ["Open warnings", "Every level", "Every source"])
    holder.resize(900, 200)
    holder.show()
    qtbot.waitExposed(holder)
    _whole_and_apart(buttons)
    assert len({button.y() for button in buttons}) == 1
    assert [b.x() for b in buttons] == sorted(b.x() for b in buttons)


def test_a_narrow_pane_takes_more_lines_and_cuts_nothing(qtbot):
    holder, row, buttons = _row(qtbot, ["Open warnings", "Every level", "Every source"])
    widest = max(button.sizeHint().width() for button in buttons)
    holder.resize(widest + 40, 300)
    holder.show()
    qtbot.waitExposed(holder)
    _whole_and_apart(buttons)
    assert len({button.y() for button in buttons}) == 3
    assert row.heightForWidth(widest + 20) > row.heightForWidth(2000)
    assert holder.minimumSizeHint().width() >= widest  # narrower, a line would cut its control


def test_a_control_replaced_takes_its_place(qtbot):
    holder, row, buttons = _row(qtbot, ["first", "second", "third"])
    holder.resize(900, 200)
    holder.show()
    qtbot.waitExposed(holder)
    replacement = QComboBox()
    row.replace_widget(buttons[1], replacement)
    buttons[1].deleteLater()
    qtbot.waitUntil(lambda: replacement.isVisible() and replacement.x() < buttons[2].x())
    assert row.indexOf(replacement) == 1 and replacement.parent() is holder
    assert buttons[0].x() < replacement.x()


def test_a_hidden_control_takes_no_room_and_a_stranger_is_not_replaced(qtbot):
    holder, row, buttons = _row(qtbot, ["first", "second", "third"])
    holder.resize(900, 200)
    holder.show()
    qtbot.waitExposed(holder)
    wide = row.sizeHint().width()
    buttons[1].hide()
    assert row.sizeHint().width() < wide
    qtbot.waitUntil(lambda: buttons[2].x() < buttons[1].x() + buttons[1].width())
    with pytest.raises(ValueError):
        row.replace_widget(QPushButton("not in the row"), QComboBox())
    assert row.count() == 3


def test_a_row_with_nothing_shown_asks_no_room(qtbot):
    _holder, row, buttons = _row(qtbot, ["first", "second"])
    for button in buttons:
        button.hide()
    assert row.minimumSize() == row.sizeHint() == QSize(0, 0)
