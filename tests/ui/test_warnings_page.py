from datetime import datetime, timedelta

import pytest

from desktop.storage import warnings as warning_store
from desktop.storage.records import get_record
from desktop.ui.warnings.intake import IntakeDialog
from desktop.ui.warnings.page import elapsed


@pytest.fixture
def page(window):
    return window.show_page("warnings")


def loaded(page, qtbot):
    """Wait until the queue has been read on the worker and shown."""
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)


def _intake(page, qtbot, **fields):
    dialog = IntakeDialog(page.database, page)
    qtbot.addWidget(dialog)
    dialog.name.setText(fields.get("name", "罗某某"))
    dialog.mobile.setText(fields.get("mobile", "13812345678"))
    dialog.mobile.editingFinished.emit()
    return dialog


def test_intake_then_the_queue_and_the_case_workflow(page, qtbot):
    dialog = _intake(page, qtbot)
    assert dialog.matches.count() == 1  # only "a new resident"
    assert dialog.save()
    page.reload()
    loaded(page, qtbot)
    assert page.queue.rowCount() == 1
    texts = [page.queue.item(0, c).text() for c in range(page.queue.columnCount())]
    assert "罗某" in texts and "138****5678" in texts and "13812345678" not in texts
    page.queue.selectRow(0)
    busy = next(b for b in page.quick_buttons if b.text() == "Called – busy")
    busy.click()
    loaded(page, qtbot)
    met = next(b for b in page.quick_buttons if b.text() == "Visited – met")
    met.click()
    loaded(page, qtbot)
    assert page.timeline.count() == 2 and "Visit: Met" in page.timeline.item(1).text()
    assert not page.close_case()  # no outcome chosen
    assert "outcome" in page.error.text()
    page.outcome.setCurrentIndex(page.outcome.findData("dissuaded"))
    page.amount_protected.setText("5.2万")
    assert page.close_case()
    loaded(page, qtbot)
    assert page.queue.rowCount() == 0
    warning = get_record(page.database, "warnings", dialog.saved_id)
    assert (warning["outcome"], warning["amount_protected"]) == ("dissuaded", 5_200_000)
    assert len(warning_store.follow_ups_of(page.database, dialog.saved_id)) == 2


def test_a_second_warning_offers_the_known_resident(page, qtbot):
    assert _intake(page, qtbot).save()
    dialog = _intake(page, qtbot, name="罗小明")
    assert dialog.matches.count() == 2 and "same mobile" in dialog.matches.item(1).text()
    assert dialog.chosen_resident() is None  # offered, not forced
    dialog.matches.setCurrentRow(1)
    assert dialog.save()
    first, second = page.database.query("SELECT resident_id FROM warnings")
    assert first["resident_id"] == second["resident_id"]


def test_bad_intake_shows_the_reason(page, qtbot):
    dialog = _intake(page, qtbot, mobile="12345")
    assert not dialog.save()
    assert dialog.error.isVisibleTo(dialog)
    assert page.database.scalar("SELECT count(*) FROM warnings") == 0


def test_overdue_warnings_say_so_in_words(page, qtbot):
    values = {"source": "platform", "level": "high", "name": "罗某某", "mobile": "13812345678",
              "received_at": datetime.now().astimezone() - timedelta(minutes=30)}  # fmt: skip
    warning_store.intake(page.database, values)
    page.reload()
    loaded(page, qtbot)
    assert page.queue.item(0, 6).text() == "LATE: not contacted"
    assert "1 past their time limit" in page.count.text()


def test_elapsed_clock():
    start = datetime(2026, 11, 25, 9, 0).astimezone()
    assert elapsed(start, start + timedelta(minutes=65)) == "1:05"
    assert elapsed(start, start + timedelta(days=2, minutes=190)) == "2d 3:10"


def test_streak_with_its_definition_and_the_notice_preview(page, qtbot):
    dialog = _intake(page, qtbot)
    assert dialog.save()
    page.reload()
    loaded(page, qtbot)
    assert page.streak.text() == "Zero-loss streak: 0 days"
    assert "whole days" in page.streak.toolTip()
    page.queue.selectRow(0)
    for preview in (page.print_notice(), page.print_record()):
        qtbot.addWidget(preview)
        qtbot.waitUntil(lambda preview=preview: preview.path is not None, timeout=20_000)
        assert preview.document.pageCount() == 1


def test_follow_up_and_transfer_from_the_case_view(page, qtbot):
    from desktop.storage import areas as area_store

    other = area_store.add_officer(page.database, {"name": "覃丽"})
    dialog = _intake(page, qtbot)
    assert dialog.save()
    page.reload()
    loaded(page, qtbot)
    page.queue.selectRow(0)
    assert not page.transfer(other, "")  # a reason is needed
    assert page.transfer(other, "辖区调整")
    loaded(page, qtbot)
    assert get_record(page.database, "warnings", dialog.saved_id)["officer_id"] == other
    page.queue.selectRow(0)
    page.outcome.setCurrentIndex(page.outcome.findData("denied_recheck"))
    assert page.close_case()
    loaded(page, qtbot)
    page.queue.selectRow(0)  # still open: a recheck is due
    assert page.follow_ups.count() == 1
    page.follow_ups.setCurrentRow(0)
    assert page.complete_follow_up("家属陪同，确认安全")
    assert "done" in page.follow_ups.item(0).text()


def test_a_warning_list_is_imported_from_the_queue(page, qtbot, make_xlsx):
    path = make_xlsx(
        "list.xlsx",
        [["预警名单"], ["预警编号", "下发时间", "预警来源", "预警等级", "姓名", "手机号码"],
         ["YJ9", "2026-11-25 08:00", "96110", "高", "罗某某", "13812345678"]],
    )  # fmt: skip
    dialog = page.import_list()
    qtbot.addWidget(dialog)
    task = dialog.check_file(path)
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_all()
    qtbot.waitUntil(lambda: page.queue.rowCount() == 1)
