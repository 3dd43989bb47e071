"""Closing a case asks what a supervisor would, on the case panel's real widgets; a follow-up
chosen on a list opens its case ready to record it."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.core import clock
from desktop.db import audit
from desktop.db.records import get_record
from desktop.domain import follow_ups as follow_up_store
from desktop.domain import warnings as warning_store
from desktop.ui.warnings.case import ClosingQuestions
from desktop.ui.warnings.intake import AttemptDialog
from desktop.ui.widgets import from_station_qdatetime


@pytest.fixture
def page(window):
    return window.show_page("warnings")


def loaded(page, qtbot):
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)


def _warning(page, qtbot, *, level="high", minutes_ago=2, **values):
    warning_id = warning_store.intake(
        page.database,
        {"source": "platform", "level": level, "name": "罗某某", "mobile": "13812345678",
         "received_at": clock.now() - timedelta(minutes=minutes_ago), **values},
    )  # fmt: skip
    page.selected_id = warning_id
    page.reload()
    loaded(page, qtbot)
    assert page.case.warning_id == warning_id
    return warning_id


def _enter_outcome(case, outcome, **money):
    case.outcome.setCurrentIndex(case.outcome.findData(outcome))
    case.amount_protected.setText(money.get("protected", ""))
    case.amount_lost.setText(money.get("lost", ""))


class Answers:
    """Stands in for the officer at the questions: records what each dialog asked and clicks
    the named button of the real dialog."""

    def __init__(self, monkeypatch, *buttons):
        self.buttons = list(buttons)
        self.asked: list[list[str]] = []
        self.dialogs: list[ClosingQuestions] = []
        monkeypatch.setattr(ClosingQuestions, "exec", lambda dialog: self.exec(dialog))

    def exec(self, dialog):
        self.asked.append(dialog.reasons)
        self.dialogs.append(dialog)
        button = getattr(dialog, self.buttons.pop(0))
        assert button is not None and button.isVisibleTo(dialog)
        button.click()
        return dialog.result()


def test_a_brand_new_warning_dissuaded_with_more_than_at_risk_is_questioned(
    page, qtbot, monkeypatch
):
    """The case of the issue: closed as dissuaded minutes after it arrived, 6万 protected of 5万
    at risk, nobody contacted. Going back writes nothing; closing anyway keeps the questions
    with the case, in its timeline, its head, the audit log and the printed record."""
    warning_id = _warning(page, qtbot, amount_at_risk="5万")
    case = page.case
    _enter_outcome(case, "dissuaded", protected="6万")
    answers = Answers(monkeypatch, "back_button", "close_button")
    assert not case.close_case()
    [reasons] = answers.asked
    assert reasons[0] == "Dissuaded, but no contact with the resident is on record"
    assert (
        reasons[1] == "More money protected than was at risk (¥60,000 protected, ¥50,000 at risk)"
    )
    assert (
        reasons[2]
        == "A high-level warning closed minutes after it arrived (2 min after it arrived)"
    )
    assert answers.dialogs[0].log_button is not None  # the contact can be logged from here
    assert get_record(page.database, "warnings", warning_id)["status"] == "new"
    assert case.outcome.currentData() == "dissuaded"  # what was entered waits for the answer
    assert audit.search(page.database, text="closed despite") == []

    assert case.close_case()
    loaded(page, qtbot)
    warning = warning_store.get_warning(page.database, warning_id)
    assert warning.status == "closed" and warning.amount_protected == 6_000_000
    assert warning.closed_despite == ("no_contact", "protected_over_risk", "closed_at_once")
    [row] = audit.search(page.database, text="closed despite")
    assert row["row_id"] == warning_id
    assert row["summary"].endswith("closed despite: no_contact,protected_over_risk,closed_at_once")
    closing = case.timeline.item(case.timeline.count() - 1)
    assert closing.text().endswith(
        "Closed: Dissuaded — Closed despite: Dissuaded, but no contact with the resident is on"
        " record, More money protected than was at risk, A high-level warning closed minutes"
        " after it arrived"
    )
    assert closing.foreground().color().name() == "#b00000"
    assert "Closed despite: Dissuaded, but no contact" in case.details.text()


def test_a_dissuasion_no_attempt_reached_offers_to_log_the_contact_then_closes(
    page, qtbot, monkeypatch
):
    warning_id = _warning(page, qtbot, level="medium", minutes_ago=90)
    case = page.case
    next(b for b in case.quick_buttons if b.text() == "Called – busy").click()
    loaded(page, qtbot)
    _enter_outcome(case, "dissuaded")
    answers = Answers(monkeypatch, "log_button")
    entries = []

    def log(dialog):
        # Opened on a call that reached the resident, now, as the officer would most often
        # have made it; the officer says it was a visit instead.
        entries.append((dialog.method.currentData(), dialog.result.currentData()))
        when = from_station_qdatetime(dialog.at.dateTime())
        assert abs((when - clock.now()).total_seconds()) < 120
        dialog.method.setCurrentIndex(dialog.method.findData("visit"))
        assert [dialog.result.itemData(i) for i in range(dialog.result.count())] == [
            "met", "not_home", "refused",
        ]  # fmt: skip
        dialog.result.setCurrentIndex(dialog.result.findData("met"))
        dialog.notes.setPlainText("在家中劝阻，已卸载可疑App")
        return dialog.save()

    monkeypatch.setattr(AttemptDialog, "exec", log)
    assert case.close_case()
    assert answers.asked == [["Dissuaded, but no attempt on record reached the resident or family"]]
    assert entries == [("phone", "reached")]
    loaded(page, qtbot)
    warning = warning_store.get_warning(page.database, warning_id)
    # The logged visit answered the only question: closed without asking again or an override.
    assert warning.status == "closed" and warning.closed_despite == ()
    texts = [case.timeline.item(row).text() for row in range(case.timeline.count())]
    assert "Visit: Met" in texts[1] and "已卸载可疑App" in texts[1]
    assert texts[2].endswith("Closed: Dissuaded")


def test_logging_the_contact_is_asked_again_about_what_it_does_not_answer(page, qtbot, monkeypatch):
    """A high-level case: the contact logged, closing minutes after arrival is still asked."""
    warning_id = _warning(page, qtbot)
    case = page.case
    _enter_outcome(case, "dissuaded")
    answers = Answers(monkeypatch, "log_button", "back_button")
    monkeypatch.setattr(AttemptDialog, "exec", lambda dialog: dialog.save())
    assert not case.close_case()
    assert [len(reasons) for reasons in answers.asked] == [2, 1]
    assert answers.dialogs[1].log_button is None  # the contact is on record now
    assert get_record(page.database, "warnings", warning_id)["status"] == "in_progress"


def test_defrauded_without_an_amount_lost_is_asked(page, qtbot, monkeypatch):
    warning_id = _warning(page, qtbot, level="low", minutes_ago=300)
    case = page.case
    _enter_outcome(case, "defrauded")
    answers = Answers(monkeypatch, "back_button")
    assert not case.close_case()
    assert answers.asked == [["Defrauded, but no amount lost is entered"]]
    assert answers.dialogs[0].log_button is None
    case.amount_lost.setText("8000")
    assert case.close_case()  # nothing left to ask
    assert len(answers.asked) == 1
    assert warning_store.get_warning(page.database, warning_id).amount_lost == 800_000


def test_impossible_money_is_refused_before_anything_is_asked(page, qtbot, monkeypatch):
    _warning(page, qtbot)
    case = page.case
    _enter_outcome(case, "dissuaded", protected="五万多")
    answers = Answers(monkeypatch)
    assert not case.close_case()
    assert answers.asked == [] and case.error.isVisibleTo(case)


def _closed_with_follow_ups(page, days_ago=3):
    warning_id = warning_store.intake(
        page.database,
        {"source": "platform", "level": "medium", "name": "罗某某", "mobile": "13812345678",
         "received_at": clock.now() - timedelta(days=days_ago, hours=2)},
    )  # fmt: skip
    warning_store.close_warning(
        page.database, warning_id, outcome="dissuaded", despite=("no_contact",),
        follow_up_days=(1, 2, 30), now=clock.now() - timedelta(days=days_ago),
    )  # fmt: skip
    return warning_id, follow_up_store.follow_ups_of(page.database, warning_id)


def _in_view(case_scroll, widget) -> bool:
    """The whole widget is inside the case panel's visible part."""
    viewport = case_scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    bottom = top_left.y() + widget.height()
    return top_left.y() >= 0 and bottom <= viewport.height() and widget.isVisible()


def test_choosing_a_due_follow_up_opens_its_form_in_view_and_ready(window, page, qtbot):
    window.resize(1366, 768)
    warning_id, (first, second, _later) = _closed_with_follow_ups(page)
    page.reload()
    loaded(page, qtbot)
    page.tabs.setCurrentIndex(1)
    assert page.due_list.count() == 2
    case = page.case
    page.case_scroll.verticalScrollBar().setValue(page.case_scroll.verticalScrollBar().maximum())
    item = page.due_list.item(1)  # the second follow-up of the same case
    rect = page.due_list.visualItemRect(item)
    qtbot.mouseClick(page.due_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert case.warning_id == warning_id
    assert case.follow_up_choice.currentData() == second.id  # that one, not the first due
    assert _in_view(page.case_scroll, case.follow_up_box)
    assert _in_view(page.case_scroll, case.details)  # the case's head has not scrolled away
    qtbot.waitUntil(lambda: case.follow_up_result.hasFocus())
    case.follow_up_result.insert("本人安全，家属已知情")  # typed (QTest types Latin-1 only)
    qtbot.keyClick(case.follow_up_result, Qt.Key.Key_Return)
    done = follow_up_store.get_follow_up(page.database, second.id)
    assert done.done_at is not None and done.result == "本人安全，家属已知情"
    assert follow_up_store.get_follow_up(page.database, first.id).done_at is None
    assert any(
        "Follow-up done: 本人安全，家属已知情" in case.timeline.item(row).text()
        for row in range(case.timeline.count())
    )


def test_a_follow_up_chosen_on_today_opens_its_case_ready_to_record(window, qtbot):
    window.resize(1366, 768)
    page = window.show_page("warnings")
    warning_id, (first, _second, _later) = _closed_with_follow_ups(page, days_ago=5)
    today = window.show_page("today")
    today.reload()
    qtbot.waitUntil(lambda: today.data is not None and today.follow_ups.topLevelItemCount() == 2)
    item = today.follow_ups.topLevelItem(0)
    today.follow_ups.itemActivated.emit(item, 0)
    assert window.stack.currentWidget() is page
    case = page.case
    assert case.warning_id == warning_id and case.follow_up_choice.currentData() == first.id
    assert _in_view(page.case_scroll, case.follow_up_box)
    qtbot.waitUntil(lambda: case.follow_up_result.hasFocus())
    assert case.complete_follow_up("电话回访，本人安全")
    assert follow_up_store.get_follow_up(page.database, first.id).result == "电话回访，本人安全"
