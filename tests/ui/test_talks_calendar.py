"""The talks calendar read at a laptop's size: lines that tell like-titled talks apart, "+N
more" on a full day, a week whose talks fill their columns, tooltips with the whole talk."""

from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.core.entities import Talk
from desktop.domain import officers as officer_store
from desktop.domain import talks as talk_store
from desktop.domain.talks import TalkSummary
from desktop.ui.talks.calendar import MORE, distinctive_title

CST = timezone(timedelta(hours=8))
DAY = date(2026, 11, 25)
PLACES = ["六寨社区", "人民社区", "天河社区", "北景社区", "拉烈社区", "下南社区", "高岭社区"]


@pytest.fixture
def page(window):
    window.resize(1366, 768)  # the laptop the calendar has to be read on
    area = window.database.scalar("SELECT id FROM areas WHERE name = '新建社区'")
    wei = officer_store.add_officer(window.database, {"name": "韦明", "badge_number": "451001"})
    for hour, place in enumerate(PLACES, start=8):
        talk_store.save_talk(
            window.database,
            Talk(
                title=f"反诈宣传进社区——{place}",
                starts_at=datetime(DAY.year, DAY.month, DAY.day, hour, 30, tzinfo=CST),
                ends_at=datetime(DAY.year, DAY.month, DAY.day, hour + 1, tzinfo=CST),
                venue=f"{place}居委会会议室",
                area_id=area,
                organiser_id=wei,
                expected_headcount=80 + hour,
            ),
        )
    talks = window.show_page("talks")
    talks.show_month(2026, 11)
    QApplication.processEvents()
    return talks


def _loaded(page, qtbot, view):
    page.anchor = DAY
    page.set_view(view)
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    calendar = page.month if view == "month" else page.week
    return next(cell for cell in calendar.cells if cell.day == DAY)


def _centre(slot):
    return slot.rect.center()


def _tooltip(cell, point, monkeypatch):
    """What the cell's tooltip shows when the pointer rests on ``point`` (the tip itself is
    not raised: the offscreen platform warns that it cannot raise a window)."""
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda _at, text, _widget: shown.append(text))
    event = QHelpEvent(QEvent.Type.ToolTip, point, cell.mapToGlobal(point))
    QApplication.sendEvent(cell, event)
    return "".join(shown)


def test_a_full_day_in_the_month_says_how_many_more_and_lines_differ(page, qtbot):
    cell = _loaded(page, qtbot, "month")
    shown = cell.visible_talks()
    assert 1 <= len(shown) < len(PLACES)  # a 1366×768 month cell cannot hold seven
    lines = cell.drawn_text()
    assert lines[0] == "25"
    assert lines[-1] == f"+{len(PLACES) - len(shown)} more"
    # Each line says where, not the programme's name they all share.
    talk_lines = lines[1:-1]
    assert len(talk_lines) == len(shown)
    for line, place in zip(talk_lines, PLACES, strict=False):
        assert place in line and "反诈宣传" not in line
    assert len(set(talk_lines)) == len(talk_lines)
    # "+N more" opens the day's list.
    more = next(slot for slot in cell.slots() if slot.index == MORE)
    assert f"{PLACES[len(shown)]}" in cell.tooltip_at(_centre(more))
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton, pos=_centre(more))
    assert page.view == "list" and page.anchor == DAY


def test_a_calendar_talk_has_the_whole_talk_in_its_tooltip(page, qtbot, monkeypatch):
    cell = _loaded(page, qtbot, "month")
    first = cell.slots()[0]
    text = _tooltip(cell, _centre(first), monkeypatch)
    for part in ("08:30–09:00", "Planned", "反诈宣传进社区——六寨社区", "六寨社区居委会会议室",
                 "Organiser: 韦明", "Expected: 88"):  # fmt: skip
        assert part in text, part
    assert cell.tooltip_at(QPoint(cell.width() - 2, 2)) == ""  # the day's number: no talk
    week = _loaded(page, qtbot, "week")
    assert "反诈宣传进社区——六寨社区" in _tooltip(week, _centre(week.slots()[0]), monkeypatch)


def test_the_week_fills_each_column_with_the_whole_talks(page, qtbot):
    cell = _loaded(page, qtbot, "week")
    slots = [slot for slot in cell.slots() if slot.index != MORE]
    assert len(slots) == len(PLACES)  # a week's column holds the whole day here
    assert sum(slot.rect.height() for slot in slots) > cell.height() / 2
    text = "".join(cell.drawn_text())
    for place in PLACES:
        assert f"反诈宣传进社区——{place}" in text  # the whole title, wrapped, not cut
    assert "08:30–09:00" in text
    # A day of one talk: its block takes the column.
    page.text.setText("六寨")
    page.reload()
    cell = _loaded(page, qtbot, "week")
    [slot] = cell.slots()
    assert slot.rect.height() > cell.height() * 0.8
    assert {"Organiser: 韦明", "Expected: 88"} <= set(cell.drawn_text())


def _summary(title, area="", venue=""):
    return TalkSummary("id", title, "2026-11-25T09:00", "2026-11-25T10:00", venue, "planned", area)


def test_a_line_shows_the_part_of_the_title_that_tells_talks_apart():
    assert distinctive_title(_summary("反诈宣传进集市——下南乡", "下南社区")) == "下南乡"
    assert distinctive_title(_summary("“防范电信网络诈骗”主题班会—都安县实验小学")) == (
        "都安县实验小学"
    )
    assert distinctive_title(_summary("反诈讲座：老年人防骗")) == "老年人防骗"
    assert distinctive_title(_summary("Anti-fraud talk - Xinjian market")) == "Xinjian market"
    # No dash: the community (else the venue) before the title, unless the title names it.
    assert distinctive_title(_summary("反诈宣传进社区", "新建社区")) == "新建社区 · 反诈宣传进社区"
    assert distinctive_title(_summary("反诈宣传", "", "六圩村委")) == "六圩村委 · 反诈宣传"
    assert distinctive_title(_summary("新建社区反诈夜校", "新建社区")) == "新建社区反诈夜校"
    assert distinctive_title(_summary("Anti-fraud night school")) == "Anti-fraud night school"
