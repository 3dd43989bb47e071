from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.core import clock
from desktop.core.urgency import most_urgent
from desktop.db.records import get_record
from desktop.domain import follow_ups as follow_up_store
from desktop.domain import warnings as warning_store
from desktop.ui.warnings.case import ClosingQuestions
from desktop.ui.warnings.intake import IntakeDialog
from desktop.ui.warnings.model import STATUS
from desktop.ui.warnings.states import LATE_TEXT, elapsed


@pytest.fixture
def page(window):
    return window.show_page("warnings")


def loaded(page, qtbot):
    """Wait until the queue has been read on the worker and shown."""
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)


def cell(page, row, column):
    return page.model.index(row, column).data()


def button(page, text):
    return next(b for b in page.case.quick_buttons if b.text() == text)


def _intake(page, qtbot, **fields):
    dialog = IntakeDialog(page.database, page)
    qtbot.addWidget(dialog)
    dialog.name.setText(fields.get("name", "罗某某"))
    dialog.mobile.setText(fields.get("mobile", "13812345678"))
    dialog.mobile.editingFinished.emit()
    return dialog


def test_intake_then_the_queue_and_the_case_workflow(page, qtbot, monkeypatch):
    monkeypatch.setattr(ClosingQuestions, "exec", lambda dialog: dialog.close_button.click())
    dialog = _intake(page, qtbot)
    assert dialog.matches.count() == 1  # only "a new resident"
    assert dialog.save()
    page.reload()
    loaded(page, qtbot)
    assert page.model.rowCount() == 1
    texts = [cell(page, 0, c) for c in range(page.model.columnCount())]
    assert "罗某" in texts and "138****5678" in texts and "13812345678" not in texts
    page.select_row(0)
    case = page.case
    button(page, "Called – busy").click()
    loaded(page, qtbot)
    case.note.setText("家属在场，已挂断对方电话")
    button(page, "Visited – met").click()
    loaded(page, qtbot)
    assert case.timeline.count() == 2 and "Visit: Met" in case.timeline.item(1).text()
    assert "家属在场" in case.timeline.item(1).text() and case.note.text() == ""
    assert not case.close_case()  # no outcome chosen
    assert "outcome" in case.error.text()
    case.outcome.setCurrentIndex(case.outcome.findData("dissuaded"))
    case.amount_protected.setText("5.2万")
    case.stop_payment_requested.setChecked(True)
    assert case.close_case()
    loaded(page, qtbot)
    assert page.model.rowCount() == 0
    assert "Closed: Dissuaded" in case.details.text()  # the case stays in view
    assert "Closed despite: A high-level warning closed minutes" in case.details.text()
    warning = get_record(page.database, "warnings", dialog.saved_id)
    assert (warning["outcome"], warning["amount_protected"]) == ("dissuaded", 5_200_000)
    assert warning["stop_payment_requested"] == 1
    assert len(follow_up_store.follow_ups_of(page.database, dialog.saved_id)) == 2
    # The closed case shows what it was closed with, and nothing there can be typed over.
    assert case.outcome.currentData() == "dissuaded" and not case.outcome.isEnabled()
    assert case.amount_protected.text() == "¥52,000" and not case.amount_protected.isEnabled()
    assert case.stop_payment_requested.isChecked() and not case.close_button.isEnabled()
    case.show_case(None)
    assert case.amount_protected.text() == "" and case.outcome.currentData() is None


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


def _received(page, minutes_ago, mobile, level="high"):
    values = {"source": "platform", "level": level, "name": "罗某某", "mobile": mobile,
              "received_at": clock.now() - timedelta(minutes=minutes_ago)}  # fmt: skip
    return warning_store.intake(page.database, values)


def test_overdue_warnings_say_how_far_over_and_only_the_worst_are_tinted(page, qtbot):
    never_called = _received(page, 30, "13812345678")  # high: 10 minutes to a first call
    called = _received(page, 90, "13912345678")  # high: an hour to a visit
    warning_store.record_contact(page.database, called, method="phone", result="reached")
    long_ago = _received(page, 200, "13712345678")  # more than twice the hour
    warning_store.record_contact(page.database, long_ago, method="phone", result="reached")
    _received(page, 1, "13612345678", level="low")
    page.reload()
    loaded(page, qtbot)
    by_id = {page.model.rows[row].id: row for row in range(page.model.rowCount())}
    assert cell(page, by_id[never_called], STATUS) == "No contact, 20 min over"
    assert cell(page, by_id[called], STATUS) == "No visit, 30 min over"
    assert cell(page, by_id[long_ago], STATUS) == "No visit, 2 h over"

    def background(row):
        return page.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)

    assert background(by_id[never_called]) is not None  # nobody has tried at all
    assert background(by_id[long_ago]) is not None  # more than twice its limit
    assert background(by_id[called]) is None  # late, said in red words only
    red = page.model.index(by_id[called], STATUS).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.color() == LATE_TEXT
    assert background(3) is None and cell(page, 3, STATUS) == "New"
    assert "3 past their time limit" in page.count.text()


def test_the_open_list_is_in_the_order_of_urgency(page, qtbot):
    high_fresh = _received(page, 2, "13812345678")
    low_forgotten = _received(page, 26 * 60, "13912345678", level="low")
    medium_called = _received(page, 300, "13712345678", level="medium")
    warning_store.record_contact(page.database, medium_called, method="phone", result="busy")
    page.reload()
    loaded(page, qtbot)
    shown = [item.id for item in page.model.rows]
    assert shown == [low_forgotten, medium_called, high_fresh]
    limits = warning_store.time_limits(page.database)
    assert page.model.rows == most_urgent(page.model.rows, limits, clock.now())


def test_a_case_passing_its_limit_moves_up_at_the_next_tick(page, qtbot, monkeypatch):
    not_visited = _received(page, 70, "13912345678")  # called; 10 minutes past its hour
    fresh = _received(page, 5, "13812345678")  # 5 minutes to its first call
    warning_store.record_contact(page.database, not_visited, method="phone", result="busy")
    page.reload()
    loaded(page, qtbot)
    assert [item.id for item in page.model.rows] == [not_visited, fresh]
    later = clock.now() + timedelta(minutes=15)
    monkeypatch.setattr(clock, "now", lambda: later)
    page._tick()  # nobody has called the fresh one in time: it goes first
    assert [item.id for item in page.model.rows] == [fresh, not_visited]
    assert cell(page, 0, STATUS) == "No contact, 10 min over"


def test_ctrl_l_takes_the_most_urgent_open_case_whatever_the_list_shows(page, qtbot):
    _received(page, 2, "13812345678")
    forgotten = _received(page, 26 * 60, "13912345678", level="low")
    page.reload()
    loaded(page, qtbot)
    page.view_choice.setCurrentIndex(page.view_choice.findData("closed"))
    loaded(page, qtbot)
    assert page.model.rowCount() == 0
    assert page.case_in_hand() == forgotten
    assert page.case.warning_id == forgotten


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
    assert "Whole days from the last loss" in page.streak.toolTip()
    page.select_row(0)
    # The notice: its two copies, and a word that it names the resident (logged); the record.
    for preview, pages in ((page.case.print_notice(), 2), (page.case.print_record(), 1)):
        qtbot.addWidget(preview)
        qtbot.waitUntil(lambda preview=preview: preview.path is not None, timeout=20_000)
        assert preview.document.pageCount() == pages
        assert preview.addressee_note.isVisibleTo(preview) == (pages == 2)


def test_follow_up_and_transfer_from_the_case_view(page, qtbot):

    from desktop.domain import officers as officer_store

    other = officer_store.add_officer(page.database, {"name": "覃丽"})
    dialog = _intake(page, qtbot)
    assert dialog.save()
    page.reload()
    loaded(page, qtbot)
    page.select_row(0)
    case = page.case
    assert not case.transfer(other, "")  # a reason is needed
    assert case.transfer(other, "辖区调整")
    loaded(page, qtbot)
    assert get_record(page.database, "warnings", dialog.saved_id)["officer_id"] == other
    assert "Handed over to 覃丽 (辖区调整)" in case.timeline.item(0).text()
    case.outcome.setCurrentIndex(case.outcome.findData("denied_recheck"))
    assert not case.follow_up_box.isVisibleTo(case)  # nothing due yet
    assert case.close_case()
    loaded(page, qtbot)
    assert page.model.rowCount() == 1  # still open: a recheck is due
    assert case.follow_up_box.isVisibleTo(case) and case.follow_up_choice.count() == 1
    assert not case.complete_follow_up("  ")  # what it found is needed
    assert "follow-up found" in case.follow_up_error.text()
    assert case.complete_follow_up("家属陪同，确认安全")
    assert not case.follow_up_box.isVisibleTo(case)  # none left to do
    assert "Follow-up done: 家属陪同，确认安全" in case.timeline.item(1).text()


def test_handing_a_case_to_another_station_moves_it_to_that_view(page, qtbot):
    assert _intake(page, qtbot).save()
    page.reload()
    loaded(page, qtbot)
    page.select_row(0)
    assert page.case.transfer(None, "居住地属城西派出所辖区", station="城西派出所")
    loaded(page, qtbot)
    assert page.model.rowCount() == 0 and "0 open warnings" in page.count.text()
    page.view_choice.setCurrentIndex(page.view_choice.findData("transferred"))
    loaded(page, qtbot)
    assert cell(page, 0, STATUS) == "At 城西派出所"
    assert "Handed to 城西派出所" in page.case.details.text()


def test_a_logged_attempt_is_corrected_afterwards(page, qtbot, monkeypatch):
    from desktop.ui.warnings.intake import ContactDialog

    assert _intake(page, qtbot).save()
    page.reload()
    loaded(page, qtbot)
    page.select_row(0)
    button(page, "Called – no answer").click()
    case = page.case
    case.timeline.setCurrentRow(0)
    assert case.edit_contact_button.isEnabled()

    def correct(dialog):
        dialog.result.setCurrentIndex(dialog.result.findData("busy"))
        dialog.notes.setPlainText("一直占线")
        return dialog.save()

    monkeypatch.setattr(ContactDialog, "exec", correct)
    assert case.edit_contact()
    assert "Busy" in case.timeline.item(0).text() and "一直占线" in case.timeline.item(0).text()


def test_full_details_only_with_a_logged_reason(page, qtbot):
    from desktop.db import audit

    dialog = _intake(page, qtbot)
    dialog.id_number.setText("11010519491231002X")
    assert dialog.save()
    page.reload()
    loaded(page, qtbot)
    page.select_row(0)
    case = page.case
    assert "13812345678" not in case.details.text() and "138****5678" in case.details.text()
    assert not case.reveal("  ")
    assert "reason" in case.error.text()
    assert case.reveal("需核对身份后上门")
    assert "13812345678" in case.details.text() and "11010519491231002X" in case.details.text()
    assert "需核对身份后上门" in audit.recent(page.database)[0]["summary"]
    assert not case.reveal_button.isEnabled()
    page.reload()
    loaded(page, qtbot)
    page.view_choice.setCurrentIndex(page.view_choice.findData("all"))
    loaded(page, qtbot)
    page.select_row(0)
    assert "13812345678" in case.details.text()  # the same case stays revealed


def test_details_and_tags_are_filled_in_later(page, qtbot, monkeypatch):
    from desktop.domain import residents as resident_store
    from desktop.ui.warnings.intake import IntakeDialog, TagsDialog

    assert _intake(page, qtbot).save()
    page.reload()
    loaded(page, qtbot)
    page.select_row(0)

    def fill(dialog):
        assert not dialog.name.isEnabled() and dialog.matches.isHidden()
        dialog.reference.setText("GX-2026-0099")
        dialog.amount.setText("3万")
        dialog.id_number.setText("110105194912310021")  # a wrong check digit
        if dialog.save():
            return True
        assert "check-digit" in dialog.error.text()
        dialog.id_number.clear()
        return dialog.save()

    monkeypatch.setattr(IntakeDialog, "exec", fill)
    assert page.case.edit_details()
    warning = page.database.query("SELECT * FROM warnings")[0]
    assert (warning["reference_number"], warning["amount_at_risk"]) == ("GX-2026-0099", 3_000_000)

    def tag(dialog):
        dialog.boxes["elderly"].setChecked(True)
        dialog.others.setText("子女在外地，独自带孙")
        return dialog.save()

    monkeypatch.setattr(TagsDialog, "exec", tag)
    assert page.case.edit_tags()
    assert resident_store.tags_of(page.database, warning["resident_id"]) == [
        "elderly", "子女在外地", "独自带孙",
    ]  # fmt: skip
    assert "Elderly" in page.case.details.text()


def test_due_follow_ups_are_listed_and_open_their_case(page, qtbot):
    warning_id = warning_store.intake(
        page.database,
        {"source": "platform", "level": "high", "name": "罗某某", "mobile": "13812345678"},
    )
    warning_store.close_warning(
        page.database, warning_id, outcome="dissuaded", despite=("no_contact", "closed_at_once"),
        now=clock.now() - timedelta(days=3),
    )  # fmt: skip
    page.reload()
    loaded(page, qtbot)
    assert page.tabs.tabText(1) == "Follow-ups due (1)"
    assert "2 days overdue" in page.due_list.item(0).text()
    page.due_list.setCurrentRow(0)
    assert page.case.warning_id == warning_id and page.case.follow_up_choice.count() == 2


def test_the_list_pages_through_many_warnings(page, qtbot, qtmodeltester):
    from desktop.ui.warnings.model import PAGE_SIZE

    base = clock.now() - timedelta(days=2)
    with page.database.atomic():
        for number in range(PAGE_SIZE + 50):
            warning_store.intake(
                page.database,
                {"source": "bank", "level": ("high", "low")[number % 2],
                 "name": "韦某", "mobile": f"139{number:08d}",
                 "received_at": base + timedelta(minutes=number)},
            )  # fmt: skip
    page.reload()
    loaded(page, qtbot)
    assert page.model.rowCount() == PAGE_SIZE and page.model.canFetchMore()
    qtmodeltester.check(page.model)
    page.queue.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE_SIZE + 50)
    rows = page.model.rows
    assert len({item.id for item in rows}) == PAGE_SIZE + 50  # no row twice across pages
    # the most urgent first, page after page
    assert rows == most_urgent(rows, warning_store.time_limits(page.database), page.model.now)
    page.level_choice.setCurrentIndex(page.level_choice.findData("low"))
    loaded(page, qtbot)
    assert page.model.rowCount() == PAGE_SIZE // 2 + 25 and "125 shown" in page.count.text()


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
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_the_filters_fit_their_words_after_a_change_of_language(window, qtbot):
    from PySide6.QtWidgets import QApplication

    def fitting(choice):
        longest = max((choice.itemText(i) for i in range(choice.count())),
                      key=choice.fontMetrics().horizontalAdvance)  # fmt: skip
        return choice.width() >= choice.fontMetrics().horizontalAdvance(longest) + 16

    window.translations.install("zh_CN")
    try:
        page = window.show_page("warnings")  # first shown in Chinese: the narrower words
        QApplication.processEvents()
        window.translations.install("en")
        choices = (page.view_choice, page.level_choice, page.source_choice)
        assert page.level_choice.itemText(0) == "Every level"
        qtbot.waitUntil(lambda: all(fitting(choice) for choice in choices), timeout=2_000)
    finally:
        window.translations.install("en")


def test_the_case_panel_grows_with_the_text_size(page, app, qtbot):
    """No narrower than its one-click buttons whole, and no wider: the list keeps the rest."""
    from PySide6.QtWidgets import QScrollArea

    from desktop.ui.app import apply_text_size

    scroll = page.case.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    edges = scroll.verticalScrollBar().sizeHint().width() + 2 * scroll.frameWidth()

    def fits():
        return scroll.minimumWidth() == max(400, page.case.buttons_width() + edges)

    assert fits()
    normal = scroll.minimumWidth()
    try:
        apply_text_size(app, 150)
        qtbot.waitUntil(lambda: scroll.minimumWidth() > normal * 1.2 and fits())
    finally:
        apply_text_size(app, 100)
    qtbot.waitUntil(lambda: scroll.minimumWidth() == normal)
    # The buttons, not the case's own words: a long unbroken address does not widen it.
    buttons = page.case.quick_buttons
    columns = [max(b.minimumSizeHint().width() for b in buttons[c::3]) for c in range(3)]
    assert page.case.buttons_width() >= sum(columns)
    page.case.details.setText("x" * 400)  # an unbroken word in an address
    assert page.case.buttons_width() < 400 * page.case.fontMetrics().averageCharWidth()


def test_the_case_shows_markup_in_a_record_as_written_masked_or_in_full(page, qtbot):
    """An imported name, address or tag, or a package's unknown fraud type or station, may be
    markup: the case panel shows its letters, before and after the full details are shown."""
    from PySide6.QtGui import QTextDocument

    def shown():
        document = QTextDocument()
        document.setHtml(page.case.details.text())
        return document.toPlainText()

    dialog = _intake(page, qtbot)
    assert dialog.save()
    warning = get_record(page.database, "warnings", dialog.saved_id)
    with page.database.atomic():
        page.database.execute(
            "UPDATE residents SET name = ?, address = ?, tags = ? WHERE id = ?",
            ("<b>X</b>", "<img src=x>", '["<i>t</i>"]', warning["resident_id"]),
        )
        page.database.execute(
            "UPDATE warnings SET fraud_type = ?, station = ? WHERE id = ?",
            ("<img src=y>", "<u>s</u>", dialog.saved_id),
        )
    page.view_choice.setCurrentIndex(page.view_choice.findData("all"))  # handed elsewhere
    loaded(page, qtbot)
    page.select_row(0)
    assert "Suspected fraud: <img src=y>" in shown() and "Handed to <u>s</u>" in shown()
    assert "<i>t</i>" in shown()
    assert page.case.reveal("核对地址")
    assert shown().startswith("<b>X</b> 13812345678")
    assert "<img src=x>" in shown() and "&lt;" in page.case.details.text()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_at_150_percent_on_a_laptop_screen_the_person_stays_in_view(app, qtbot, db_path, language):
    """1,366 × 768 at 150% text: the list is narrower than its columns. The clock, the
    resident and the mobile show whole, the status is cut short at worst (its tip says it
    whole), and nothing needs the list scrolled sideways; at 100% every column shows."""
    from desktop.ui.app import apply_text_size
    from desktop.ui.warnings.model import MOBILE, RESIDENT, WAITING
    from tests.ui.conftest import open_window

    window = open_window(app, qtbot, db_path, size=(1366, 768))
    window.translations.install(language)
    warning_store.intake(
        window.database,
        {"name": "欧阳秀英", "mobile": "13812345678", "source": "hotline_96110", "level": "high"},
        now=clock.now() - timedelta(hours=30),
    )
    page = window.show_page("warnings")
    header = page.queue.horizontalHeader()
    try:
        apply_text_size(app, 150)
        page.reload()
        loaded(page, qtbot)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
        room = page.queue.viewport().width()
        metrics = page.queue.fontMetrics()
        for column in (WAITING, RESIDENT, MOBILE, STATUS):
            assert not header.isSectionHidden(column), column
            left = header.sectionViewportPosition(column)
            assert 0 <= left and left + header.sectionSize(column) <= room, column
        for column in (RESIDENT, MOBILE):
            assert metrics.horizontalAdvance(cell(page, 0, column)) + 12 <= header.sectionSize(
                column
            )
        assert not page.queue.horizontalScrollBar().isVisible()
        status = page.model.index(0, STATUS)
        assert status.data(Qt.ItemDataRole.ToolTipRole) == status.data()
        assert header.length() <= room + 1
        choices = (page.view_choice, page.level_choice, page.source_choice)
        qtbot.waitUntil(lambda: all(c.width() >= c.sizeHint().width() for c in choices))
    finally:
        apply_text_size(app, 100)
    qtbot.waitUntil(lambda: not any(header.isSectionHidden(c) for c in range(7)))


def test_a_list_narrower_than_the_clock_and_the_person_still_shows_them(warned, qtbot):
    """Squeezed below even the clock and the resident, the list keeps those two (and scrolls
    sideways) rather than showing no column at all; the clock fits two digits of days."""
    from PySide6.QtGui import QFontMetrics

    from desktop.ui.warnings.model import RESIDENT, WAITING

    page, _warning_id = warned
    header = page.queue.horizontalHeader()
    clock = QFontMetrics(page.model.clock_font()).horizontalAdvance("99d 23:59")
    assert header.sectionSize(WAITING) >= clock
    page.queue.resize(90, page.queue.height())  # its viewport narrower: the columns fit again
    assert page.queue.viewport().width() < clock
    shown = [column for column in range(7) if not header.isSectionHidden(column)]
    assert shown == [WAITING, RESIDENT]


def test_on_a_narrow_window_the_filters_go_on_to_another_line_whole(page, qtbot):
    window = page.window()
    window.resize(900, 700)
    qtbot.waitUntil(lambda: page.queue.width() < 500)
    choices = (page.view_choice, page.level_choice, page.source_choice)
    qtbot.waitUntil(lambda: all(c.width() >= c.sizeHint().width() for c in choices))
    assert len({choice.y() for choice in choices}) > 1
    for choice in choices:
        assert choice.geometry().right() <= page.queue.geometry().right()
