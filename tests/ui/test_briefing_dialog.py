"""The briefing's dialog: the text composed from the figures in fields the officer edits, saved
with the issue's number, shown again as saved; composed again on request; printing saves."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtWidgets import QFileDialog

from desktop.core import clock
from desktop.domain import warnings as warning_store
from desktop.domain.statistics import Period
from desktop.reports.briefing_store import saved_issue

UNIT = "金城江派出所"
ADDED = "（九）补充工作。民警手写的一段。"


def _briefing(page, qtbot):
    preview = page.preview_briefing()
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.issue is not None and preview.path is not None, timeout=30_000)
    return preview


def _done(task, qtbot):
    qtbot.waitUntil(lambda: task.settled, timeout=30_000)


def test_edit_save_and_reopen_the_briefing(window, qtbot, tmp_path, monkeypatch):
    database = window.database
    database.set_meta("station_name", UNIT)
    warning_store.intake(database, {
        "source": "platform", "level": "high", "name": "罗某某", "mobile": "13812345678",
        "received_at": clock.now() - timedelta(minutes=30),
    })  # fmt: skip
    today = clock.today()
    period = Period.month(today.year, today.month)
    page = window.show_page("reports")
    page.set_period("month", today.year, today.month)

    preview = _briefing(page, qtbot)
    # The page count in words (the plural of the dialog it is built on).
    assert re.fullmatch(r"\d+ pages?", preview.status.text())
    # Each field as tall as its text: the one-sentence opening short, no field scrolling.
    preview.resize(1366, 768)
    preview.show()
    qtbot.waitExposed(preview)
    edits = preview.edits
    qtbot.waitUntil(lambda: edits["opening"].height() < edits["work"].height())
    assert all(edit.verticalScrollBar().maximum() == 0 for edit in edits.values())
    # Composed from the figures, with the number the next issue takes; nothing kept yet.
    assert not preview.saved and preview.issue.number == 1 and preview.issue.unit == UNIT
    assert "not saved yet" in preview.header.text()
    assert preview.title_edit.text() == preview.issue.title
    assert preview.edits["opening"].toPlainText().startswith("现将")
    assert "接收预警1条" in preview.edits["work"].toPlainText()
    assert preview.edits["problems"].toPlainText().startswith("（一）")
    assert database.scalar("SELECT count(*) FROM briefing_issues") == 0
    assert preview.recompose_button.isEnabled() and preview.save_text_button.isEnabled()

    preview.title_edit.setText("金城江区本月反诈工作情况（修改稿）")
    steps = preview.edits["next"]
    steps.setPlainText(steps.toPlainText() + "\n\n" + ADDED)
    assert preview.edited and preview.needs_saving
    _done(preview.save_text(), qtbot)
    assert preview.saved and not preview.edited and "saved" in preview.header.text()
    kept = saved_issue(database, UNIT, period, None)
    assert kept.number == 1 and kept.title == "金城江区本月反诈工作情况（修改稿）"
    [following] = [section for section in kept.sections if section.key == "next"]
    assert following.paragraphs[-1].lead == "（九）补充工作。"
    assert following.paragraphs[-1].text == "民警手写的一段。"
    preview.close()

    again = _briefing(page, qtbot)
    # The same issue: its saved text and number, not a new composition.
    assert again.saved and not again.needs_saving and again.issue.number == 1
    assert again.title_edit.text() == "金城江区本月反诈工作情况（修改稿）"
    assert again.edits["next"].toPlainText().endswith(ADDED)

    # Composed again from the figures: the number stays, the text is new and not yet kept.
    _done(again.recompose(), qtbot)
    assert again.issue.number == 1 and again.needs_saving
    assert again.title_edit.text() == f"全辖区{today.year}年{today.month}月反诈工作情况"
    assert ADDED not in again.edits["next"].toPlainText()
    assert saved_issue(database, UNIT, period, None).title == kept.title  # not saved yet

    # Saving the PDF keeps the issue first: what is on paper is what is kept.
    target = tmp_path / "briefing.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), ""))
    )
    again.save_copy()
    qtbot.waitUntil(target.exists, timeout=30_000)
    assert target.read_bytes().startswith(b"%PDF")
    kept = saved_issue(database, UNIT, period, None)
    assert kept.number == 1 and "修改稿" not in kept.title and not again.needs_saving
    assert database.scalar("SELECT count(*) FROM briefing_issues") == 1


def test_text_too_long_is_refused_and_the_fields_stay(window, qtbot):
    database = window.database
    page = window.show_page("reports")
    today = clock.today()
    page.set_period("month", today.year, today.month)
    preview = _briefing(page, qtbot)
    preview.edits["opening"].setPlainText("字" * 5001)
    _done(preview.save_text(), qtbot)
    assert preview.status.text().startswith("The text was not saved: The text is 5,001")
    assert preview.edited and preview.focusWidget() is preview.edits["opening"]
    assert preview.save_text_button.isEnabled()  # the text can be shortened and saved again
    assert database.scalar("SELECT count(*) FROM briefing_issues") == 0


def test_the_briefings_paper_settings(window):
    dialog = window.open_settings()
    assert dialog.briefing_name.placeholderText() == "反诈工作简报"
    dialog.briefing_unit.setText("河池市公安局金城江分局")
    dialog.report_to.setText("市公安局反诈中心")
    dialog.send_to.setText("各派出所")
    dialog.copies.setValue(30)
    assert dialog.save()
    database = window.database
    assert database.get_meta("briefing_unit") == "河池市公安局金城江分局"
    assert database.get_meta("briefing_report_to") == "市公安局反诈中心"
    assert database.get_meta("briefing_copies") == "30"
    assert "briefing" in database.scalar("SELECT summary FROM audit WHERE action = 'settings'")
    shown = window.open_settings()
    assert (shown.briefing_unit.text(), shown.send_to.text(), shown.copies.value()) == (
        "河池市公安局金城江分局", "各派出所", 30
    )  # fmt: skip


def test_the_briefing_of_the_station_chosen_on_the_reports_screen(window, qtbot):
    """The reports screen's choice of laptops carries over: the briefing is of 六圩派出所's
    laptop's warning alone, and its issue is kept apart from the whole jurisdiction's."""
    database = window.database
    database.set_meta("station_name", UNIT)
    laptop = "aaaa1111-0000-4000-8000-000000000001"
    with database.atomic():
        database.execute(
            "INSERT INTO devices (device_id, station, officer) VALUES (?, '六圩派出所', '')",
            (laptop,),
        )
    for mobile, device in (("13812345678", laptop), ("13912345678", database.device_id)):
        warning_id = warning_store.intake(database, {
            "source": "platform", "level": "high", "name": "罗某某", "mobile": mobile,
            "received_at": clock.now() - timedelta(minutes=30),
        })  # fmt: skip
        with database.atomic():
            database.execute(
                "UPDATE warnings SET origin_device = ? WHERE id = ?", (device, warning_id)
            )
    today = clock.today()
    period = Period.month(today.year, today.month)
    page = window.show_page("reports")
    page.fill_laptops()
    page.set_period("month", today.year, today.month)
    page.laptops.setCurrentIndex(page.laptops.findData("station:六圩派出所"))

    preview = _briefing(page, qtbot)
    assert preview.laptops == ("station", "六圩派出所")
    assert preview.title_edit.text() == f"六圩派出所{today.year}年{today.month}月反诈工作情况"
    assert "接收预警1条" in preview.edits["work"].toPlainText()  # not the county's own
    _done(preview.save_text(), qtbot)
    assert saved_issue(database, UNIT, period, None, ("station", "六圩派出所")).number == 1
    assert saved_issue(database, UNIT, period, None) is None
    preview.close()

    page.laptops.setCurrentIndex(page.laptops.findData(None))
    whole = _briefing(page, qtbot)
    assert not whole.saved and whole.issue.number == 2
    assert "接收预警2条" in whole.edits["work"].toPlainText()
