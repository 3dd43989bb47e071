from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QLabel

from desktop.db import audit
from desktop.domain import officers as officer_store
from desktop.domain import talks as talk_store
from desktop.ui.talks.editor import OutcomeDialog, TalkDialog
from desktop.ui.talks.series import CopyDialog, SeriesDialog


@pytest.fixture
def page(window):
    window.database.set_meta("station_phone", "0778-2281234")
    officer_store.add_officer(window.database, {"name": "韦明", "badge_number": "451001"})
    officer_store.add_officer(window.database, {"name": "覃丽", "role": "auxiliary"})
    talks = window.show_page("talks")
    talks.show_month(2026, 11)
    return talks


def filled(page, qtbot):
    """Wait until the calendar's talks have arrived from the worker."""
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)


def officer_id(page, name):
    return next(o.id for o in officer_store.list_officers(page.database) if o.name == name)


def fill(
    dialog,
    *,
    title="反诈宣传进社区",
    day=date(2026, 11, 25),
    start=(9, 0),
    end=(11, 0),
    venue="新建社区活动室",
    organiser="韦明",
):
    dialog.title.setText(title)
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    dialog.start.setTime(QTime(*start))
    dialog.end.setTime(QTime(*end))
    dialog.venue.setText(venue)
    dialog.area.setEditText("金城江区 / 金城江街道 / 新建社区")
    dialog.audience.boxes["elderly"].setChecked(True)
    dialog.topics.boxes["customer_service"].setChecked(True)
    dialog.organiser.setCurrentIndex(dialog.organiser.findData(officer_id(dialog, organiser)))
    dialog.expected.setText("80")


def test_create_a_talk_and_see_it_in_the_calendar(page, qtbot):
    dialog = TalkDialog(page.database, page, day=date(2026, 11, 25))
    qtbot.addWidget(dialog)
    fill(dialog)
    assert dialog.save()
    talk = talk_store.load_talk(page.database, dialog.saved_id)
    assert (talk.title, talk.area_name, talk.organiser_name) == (
        "反诈宣传进社区",
        "新建社区",
        "韦明",
    )
    assert talk.starts_at.hour == 9 and talk.audience == ["elderly"]
    page.reload()
    filled(page, qtbot)
    cell = next(c for c in page.month.cells if c.day == date(2026, 11, 25))
    assert [talk.title for talk in cell.visible_talks()] == ["反诈宣传进社区"]
    assert "1" in page.count.text()


def test_bad_input_names_the_field_and_saves_nothing(page, qtbot):
    dialog = TalkDialog(page.database, page)
    qtbot.addWidget(dialog)
    fill(dialog, start=(11, 0), end=(9, 0))
    assert not dialog.save()
    assert "end after" in dialog.error.text()
    fill(dialog)
    dialog.expected.setText("很多")
    assert not dialog.save()
    assert "whole number" in dialog.error.text()
    assert talk_store.list_talks(page.database) == []


def test_clash_warning_lets_the_officer_go_back_or_save_anyway(page, qtbot):
    first = TalkDialog(page.database, page)
    qtbot.addWidget(first)
    fill(first)
    assert first.save()

    second = TalkDialog(page.database, page)
    qtbot.addWidget(second)
    fill(second, title="另一场", start=(10, 0), end=(12, 0), venue="六圩村委")
    asked = []
    assert not second.save(confirm_clashes=lambda clashes: asked.append(clashes) or False)
    assert len(asked[0]) == 1 and asked[0][0].shared_officer_ids
    assert len(talk_store.list_talks(page.database)) == 1  # went back: nothing saved
    assert second.save(confirm_clashes=lambda clashes: True)
    assert len(talk_store.list_talks(page.database)) == 2


def test_clash_check_can_be_turned_off(page, qtbot):
    for title in ("一", "二"):
        dialog = TalkDialog(page.database, page, check_clashes=False)
        qtbot.addWidget(dialog)
        fill(dialog, title=title)
        assert dialog.save(confirm_clashes=lambda clashes: pytest.fail("asked"))
    assert len(talk_store.list_talks(page.database)) == 2


def _saved_talk(page, qtbot):
    dialog = TalkDialog(page.database, page)
    qtbot.addWidget(dialog)
    fill(dialog)
    assert dialog.save()
    page.reload()
    page.select_talk(dialog.saved_id)
    return page.selected


def test_mark_done_with_headcount_and_handouts(page, qtbot):
    talk = _saved_talk(page, qtbot)
    dialog = OutcomeDialog(page.database, talk, page)
    qtbot.addWidget(dialog)
    dialog.headcount.setText("-3")
    assert not dialog.save()
    assert "between 0" in dialog.error.text()
    dialog.headcount.setText("1500")
    dialog.handouts["customer_service"].setValue(900)
    assert dialog.save()
    done = talk_store.load_talk(page.database, talk.id)
    assert (
        done.status == "done" and done.is_large and done.handouts_given == {"customer_service": 900}
    )


def test_series_monthly_is_saved_whole(page, qtbot):
    talk = _saved_talk(page, qtbot)
    dialog = SeriesDialog(page.database, talk, page)
    qtbot.addWidget(dialog)
    dialog.rule.setCurrentIndex(2)  # monthly, same weekday
    dialog.count.setValue(3)
    assert dialog.preview.count() == 2
    assert dialog.save()
    starts = sorted(t.starts_at.date() for t in talk_store.list_talks(page.database))
    assert starts == [date(2026, 11, 25), date(2026, 12, 23), date(2027, 1, 27)]  # 4th Wednesdays


def test_copy_to_another_date_warns_like_a_new_talk(page, qtbot):
    talk = _saved_talk(page, qtbot)
    dialog = CopyDialog(page.database, talk, page)
    qtbot.addWidget(dialog)
    dialog.day.setDate(QDate(2026, 11, 25))  # the same day: clashes with itself's original
    assert not dialog.save(confirm_clashes=lambda clashes: False)
    dialog.day.setDate(QDate(2026, 12, 2))
    assert dialog.save(confirm_clashes=lambda clashes: pytest.fail("no clash expected"))
    copy = talk_store.load_talk(page.database, dialog.saved_id)
    assert copy.starts_at == datetime(2026, 12, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    assert copy.status == "planned"


def test_filters_and_views(page, qtbot):
    _saved_talk(page, qtbot)
    page.status.setCurrentIndex(page.status.findData("done"))
    filled(page, qtbot)
    assert page.talks == []
    page.status.setCurrentIndex(0)
    page.text.setText("反诈")
    qtbot.waitUntil(lambda: len(page.talks) == 1 and not page.loading)
    page.set_view("list")
    model = page.list_model
    assert model.rowCount() == 1 and model.index(0, 3).data() == "新建社区"
    page.set_view("week")
    page.anchor = date(2026, 11, 25)
    page.reload()
    assert page.period() == (date(2026, 11, 23), date(2026, 11, 30))
    page.step(1)
    filled(page, qtbot)
    assert page.talks == []


def test_print_sign_in_sheet_builds_on_the_worker_and_is_audited(page, qtbot):
    talk = _saved_talk(page, qtbot)
    from desktop.ui.print_preview import preview_talk_document

    preview = preview_talk_document(page, page.database, page.runner, "signin", talk)
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.path is not None, timeout=20_000)
    import io

    from desktop.reports.signin import build_signin_sheet, rows_for

    # Rows for the talk's expected attendance, in whole pages, until the officer chooses.
    assert preview.rows.text() == "By expected attendance"
    pages = build_signin_sheet(talk, io.BytesIO(), rows=rows_for(talk))
    assert preview.document.pageCount() == pages
    assert preview.print_button.isEnabled()
    assert audit.recent(page.database)[0]["action"] == "print"
    preview.rows.setValue(60)
    preview.rebuild_button.click()
    qtbot.waitUntil(lambda: preview.document.pageCount() == 3, timeout=20_000)
    handout = preview_talk_document(page, page.database, page.runner, "handout", talk)
    qtbot.addWidget(handout)
    qtbot.waitUntil(lambda: handout.path is not None, timeout=20_000)
    assert handout.document.pageCount() == 1
    assert not handout.rows.isVisibleTo(handout)
    assert not handout.word_button.isVisibleTo(handout)  # nothing to edit in Word


def test_the_preview_offers_the_rows_the_registry_allows(page, qtbot):
    from desktop.core.limits import SIGNIN_ROWS
    from desktop.ui.print_preview import preview_talk_document

    talk = _saved_talk(page, qtbot)
    preview = preview_talk_document(page, page.database, page.runner, "signin", talk)
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.path is not None, timeout=20_000)
    # The lowest value, one below the limit's, leaves the rows to the talk.
    assert (preview.rows.minimum(), preview.rows.maximum(), preview.rows.value()) == (
        SIGNIN_ROWS.low - 1, SIGNIN_ROWS.high, SIGNIN_ROWS.low - 1,
    )  # fmt: skip
    assert preview.rows_label.text() == "Blank rows"
    assert preview.path.name == f"签到表-{talk.starts_at:%Y%m%d}.pdf"


def test_schedule_ics_and_import_from_the_talks_screen(page, qtbot, tmp_path, make_xlsx):
    _saved_talk(page, qtbot)
    preview = page.print_schedule()
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.path is not None, timeout=20_000)
    assert preview.document.pageCount() == 1
    assert page.export_calendar(tmp_path / "month.ics") == 1
    assert b"BEGIN:VEVENT" in (tmp_path / "month.ics").read_bytes()
    plan = make_xlsx(
        "plan.xlsx",
        [
            ["活动名称", "日期", "时间", "村(社区)"],
            ["反诈宣传进社区", "2026-11-27", "09:00-10:00", "新建社区"],
        ],
    )
    dialog = page.import_schedule()
    qtbot.addWidget(dialog)
    task = dialog.check_file(plan)
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_all()
    qtbot.waitUntil(lambda: len(page.talks) == 2 and not page.loading)


def test_photos_are_attached_after_the_talk_and_garbage_is_refused(page, qtbot, tmp_path):
    from PySide6.QtGui import QColor, QImage

    talk = _saved_talk(page, qtbot)
    picture = tmp_path / "签到表.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(picture))
    not_a_photo = tmp_path / "名单.jpg"
    not_a_photo.write_text("姓名,电话\n", encoding="utf-8")
    dialog = OutcomeDialog(page.database, talk, page)
    qtbot.addWidget(dialog)
    assert dialog.add_photos([picture, not_a_photo], "signin_photo") == 1
    assert "名单.jpg" in dialog.error.text() and "not a photo" in dialog.error.text()
    assert dialog.photos.count() == 1
    assert not dialog.photos.item(0).icon().isNull()


def test_clicking_a_calendar_line_selects_the_talk_and_double_clicking_a_day_plans_one(page, qtbot):
    from PySide6.QtCore import QPoint, Qt

    talk = _saved_talk(page, qtbot)
    page.selected = None
    page.reload()
    filled(page, qtbot)
    cell = next(c for c in page.month.cells if c.day == date(2026, 11, 25))
    line_y = cell._first_line_top() + cell._line_height() // 2
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton, pos=QPoint(20, line_y))
    assert page.selected is not None and page.selected.id == talk.id
    assert "反诈宣传进社区" in page.details.text()
    page.month.new_requested.disconnect(page.new_talk)  # no modal form in a test
    below_lines = QPoint(20, cell.height() - 4)
    assert cell._hit(below_lines) is None
    with qtbot.waitSignal(page.month.new_requested) as blocker:
        qtbot.mouseDClick(cell, Qt.MouseButton.LeftButton, pos=below_lines)
    assert blocker.args == [date(2026, 11, 25)]


def test_quick_month_switches_show_only_the_last_month(page, qtbot):
    _saved_talk(page, qtbot)  # 2026-11-25
    page.step(1)
    page.step(1)
    page.step(-1)
    page.step(-1)
    filled(page, qtbot)
    assert page.period()[0] == date(2026, 11, 1)
    cell = next(c for c in page.month.cells if c.day == date(2026, 11, 25))
    assert [t.title for t in cell.visible_talks()] == ["反诈宣传进社区"]
    assert "1" in page.count.text()


def test_the_officer_filter_lists_officers_when_opened(page):
    assert page.officer.count() == 1  # only "All officers" until it is opened
    page.officer.ensure_loaded()
    names = [page.officer.itemText(i) for i in range(page.officer.count())]
    assert names == ["All officers", "覃丽", "韦明"] or set(names[1:]) == {"韦明", "覃丽"}
    page.officer.setCurrentIndex(page.officer.findText("韦明"))
    page.retranslate()
    assert page.officer.currentText() == "韦明"  # a language switch keeps the choice


def test_a_clash_is_described_with_names_not_ids(page, qtbot):
    from desktop.core.rules import find_clashes
    from desktop.ui.talks.editor import describe_clash

    talk = _saved_talk(page, qtbot)
    other = talk_store.load_talk(page.database, talk.id)
    candidate = talk_store.load_talk(page.database, talk.id)
    candidate.id = None
    [clash] = find_clashes(candidate, [other])
    text = describe_clash(clash, {})
    assert "韦明" in text and "新建社区活动室" in text and talk.id not in text


def test_the_list_pages_through_a_month_of_many_talks(page, qtbot, qtmodeltester):
    from datetime import datetime, timedelta

    from desktop.core.entities import Talk
    from desktop.domain import talks as talk_store

    start = datetime.fromisoformat("2026-10-01T08:00:00+08:00")
    with page.database.atomic():
        for number in range(450):
            moment = start + timedelta(hours=number % 300)
            talk_store.save_talk(
                page.database,
                Talk(title=f"反诈宣传第{number:03d}场", starts_at=moment,
                     ends_at=moment + timedelta(hours=1)),
            )  # fmt: skip
    page.anchor = date(2026, 10, 1)
    page.set_view("list")
    model = page.list_model
    assert model.rowCount() == 200 and model.canFetchMore()
    assert "450" in page.count.text()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    keys = [(row.starts_at, row.title, row.id) for row in model.rows]
    assert keys == sorted(keys) and len(set(keys)) == 450  # no gap, no repeat
    qtmodeltester.check(model)
    page.list.selectRow(449)
    assert page.selected.id == model.rows[449].id
    page.text.setText("第007")  # filtered in SQL
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5_000)


def test_talk_details_list_their_items_the_way_each_language_writes_them(page, qtbot):
    dialog = TalkDialog(page.database, page)
    qtbot.addWidget(dialog)
    fill(dialog)
    dialog.audience.boxes["students"].setChecked(True)
    assert dialog.save()
    page.reload()
    page.select_talk(dialog.saved_id)
    assert "Elderly, Students" in page.details.text()
    page.window().translations.install("zh_CN")
    try:
        page.select_talk(dialog.saved_id)
        assert "老年人、学生" in page.details.text()
    finally:
        page.window().translations.install("en")


def plain(rich_text: str) -> str:
    """What a person reads in a rich-text label."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(rich_text)
    return document.toPlainText()


def test_record_text_and_unknown_codes_show_as_written_not_as_markup(page, qtbot):
    """A package may bring a title or a topic code that is markup: it is read, not obeyed."""
    talk = _saved_talk(page, qtbot)
    with page.database.atomic():
        page.database.execute(
            "UPDATE talks SET title = ?, topics = ?, handouts_by_kind = ? WHERE id = ?",
            ("<b>X</b>", '["<img src=x>"]', '{"<img src=x>": 3}', talk.id),
        )
    page.select_talk(talk.id)
    shown = plain(page.details.text())
    assert "<b>X</b>" in shown and "Topics: <img src=x>" in shown
    dialog = OutcomeDialog(page.database, page.selected, page)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "<img src=x>" in texts  # the handout kind's label, as plain text
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText
        for label in dialog.findChildren(QLabel)
        if label.text() == "<img src=x>"
    )
    heading = next(label for label in dialog.findChildren(QLabel) if "X" in label.text())
    assert plain(heading.text()).startswith("<b>X</b>")


def test_the_outcome_dialog_opens_on_a_count_past_what_a_box_holds(page, qtbot):
    """A package's count past the storage limit is shown as the limit, not a crash."""
    talk = _saved_talk(page, qtbot)
    with page.database.atomic():
        page.database.execute(
            "UPDATE talks SET handouts_by_kind = ? WHERE id = ?",
            (f'{{"customer_service": {10**29}}}', talk.id),
        )
    dialog = OutcomeDialog(page.database, talk_store.load_talk(page.database, talk.id), page)
    qtbot.addWidget(dialog)
    assert dialog.handouts["customer_service"].value() == talk_store.MAX_HEADCOUNT


def test_on_a_laptop_at_150_percent_a_talk_s_list_and_details_show_whole(app, page, qtbot):
    """A laptop's screen at 150% text in English: a talk with many topics keeps its details whole
    above the buttons (they scroll), the status reads whole ("● Confirmed", not "● …"), and a
    heading too wide for its column ends in "…" with its tip saying it whole."""
    from desktop.ui.app import apply_text_size
    from desktop.ui.talks.list_model import STATUS_COLUMN

    dialog = TalkDialog(page.database, page)
    qtbot.addWidget(dialog)
    fill(dialog)
    for box in dialog.topics.boxes.values():
        box.setChecked(True)
    assert dialog.save()
    with page.database.atomic():
        page.database.execute(
            "UPDATE talks SET status = 'confirmed' WHERE id = ?", (dialog.saved_id,)
        )
    try:
        apply_text_size(app, 150)
        page.window().resize(1366, 600)  # a laptop's screen less the taskbar, and then some
        page.set_view("list")
        page.reload()
        filled(page, qtbot)
        page.select_talk(dialog.saved_id)
        details = page.details
        qtbot.waitUntil(lambda: "Topics:" in details.text())
        assert details.parentWidget() is page.details_scroll.viewport()
        qtbot.waitUntil(lambda: details.height() >= details.heightForWidth(details.width()))
        assert details.height() > page.details_scroll.viewport().height()  # it scrolls
        assert page.edit_button.isVisible()
        header = page.list.horizontalHeader()
        status = page.list_model.index(0, STATUS_COLUMN).data()
        assert status.endswith("Confirmed")
        qtbot.waitUntil(
            lambda: (
                header.sectionSize(STATUS_COLUMN)
                > page.list.fontMetrics().horizontalAdvance(status)
            )
        )
        assert header.textElideMode() == Qt.TextElideMode.ElideRight
        community = page.list_model.headerData(3, Qt.Orientation.Horizontal)
        assert (
            community
            == "Community"
            == page.list_model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        )
    finally:
        apply_text_size(app, 100)
