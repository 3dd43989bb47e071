from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.core import clock
from desktop.core.validate import id_number_check_digit
from desktop.db import audit
from desktop.domain import card_sellers as card_seller_store
from desktop.domain import partners as partner_store
from desktop.ui.cards.dialogs import InterviewDialog, ListingDialog, StepDialog
from desktop.ui.cards.model import CARDS, OUTLET, RESIDENT, STATUS


def _id_number(serial: int) -> str:
    first17 = f"45120219900101{serial:03d}"
    return first17 + id_number_check_digit(first17)


def _list(database, serial: int, **changes) -> str:
    listed = clock.today() - timedelta(days=10 - serial)
    values = {"name": f"韦小{'一二三四'[serial]}", "mobile": f"1390000000{serial}",
              "id_number": _id_number(serial), "card_kind": "bank_card", "source": "bank",
              "listed_on": listed}  # fmt: skip
    values.update(changes)
    return card_seller_store.add_card_seller(database, values)


@pytest.fixture
def listed(window, qtbot):
    """Three card sellers on the register, the screen shown: (page, ids oldest first)."""
    database = window.database
    partner = partner_store.add_partner(
        database, {"name": "农商行新建分理处", "kind": "bank_outlet"}
    )
    ids = [
        _list(database, 0, outlet_partner_id=partner, manner="sold", card_count=3),
        _list(database, 1, card_kind="phone_card", outlet="金城江营业厅", manner="rented"),
        _list(database, 2, outlet_partner_id=partner, opened_locally=False),
    ]
    page = window.show_page("cards")
    page.reload()
    loaded(page, qtbot)
    return page, ids


def loaded(page, qtbot):
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)


def cells(page, column):
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def _count(database, table):
    return database.scalar(f"SELECT count(*) FROM {table}")


def test_the_register_fills_masked_and_the_outlets_are_counted(listed):
    page, ids = listed
    assert page.model.rowCount() == 3 and page.total == 3
    assert cells(page, RESIDENT) == ["韦某", "韦某", "韦某"]  # never the full name
    assert cells(page, CARDS)[2] == "Bank card × 3"
    assert cells(page, OUTLET)[1] == "金城江营业厅"
    assert set(cells(page, STATUS)) == {"To verify"}
    assert page.count.text() == "3 card sellers shown"
    # By outlet: the partner's cards first, this year.
    table = page.outlet_table
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == [
        "农商行新建分理处", "金城江营业厅",
    ]  # fmt: skip
    assert [table.item(0, column).text() for column in (1, 2)] == ["2", "4"]


def test_a_filter_narrows_the_register(listed, qtbot):
    page, ids = listed
    page.kind_choice.setCurrentIndex(page.kind_choice.findData("phone_card"))
    loaded(page, qtbot)
    assert [row.id for row in page.model.rows] == [ids[1]] and page.total == 1
    page.kind_choice.setCurrentIndex(0)
    page.manner_choice.setCurrentIndex(page.manner_choice.findData("sold"))
    loaded(page, qtbot)
    assert [row.id for row in page.model.rows] == [ids[0]]
    page.manner_choice.setCurrentIndex(0)
    page.local_choice.setCurrentIndex(page.local_choice.findData(False))
    loaded(page, qtbot)
    assert [row.id for row in page.model.rows] == [ids[2]]
    page.local_choice.setCurrentIndex(0)
    card_seller_store.record_step(page.database, ids[0], "closed", close_reason="核实无涉")
    page.reload()
    loaded(page, qtbot)
    assert ids[0] not in [row.id for row in page.model.rows]  # open ones only, at first
    page.view_choice.setCurrentIndex(page.view_choice.findData("ended"))
    loaded(page, qtbot)
    assert [row.id for row in page.model.rows] == [ids[0]]


def test_adding_through_the_dialog_writes_one_record_and_bad_input_nothing(window, qtbot):
    page = window.show_page("cards")
    database = window.database
    dialog = ListingDialog(database, page)
    qtbot.addWidget(dialog)
    dialog.name.setText("覃小红")
    dialog.mobile.setText("13912345678")
    dialog.id_number.setText("451202199001011234")  # its check digit is wrong
    dialog.card_kind.setCurrentIndex(dialog.card_kind.findData("phone_card"))
    dialog.outlet.setEditText("金城江营业厅")
    before = (_count(database, "card_sellers"), _count(database, "residents"))
    assert not dialog.save()
    assert "ID number" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert (_count(database, "card_sellers"), _count(database, "residents")) == before
    dialog.id_number.setText(_id_number(7))
    dialog.listed_on.setDate(QDate.currentDate().addDays(3))  # in the future
    assert not dialog.save() and _count(database, "card_sellers") == 0
    dialog.listed_on.setDate(QDate.currentDate().addDays(-3))
    assert dialog.save()
    [record] = database.query("SELECT * FROM card_sellers")
    assert (record["id"], record["card_kind"], record["outlet"]) == (
        dialog.saved_id, "phone_card", "金城江营业厅",
    )  # fmt: skip
    # The same person again (another card kind): offered for linking, never listed twice.
    again = ListingDialog(database, page)
    qtbot.addWidget(again)
    again.name.setText("覃小红")
    again.mobile.setText("13912345678")
    assert not again.save()
    assert "already on record" in again.error.text() and again.matches.count() == 2
    again.matches.setCurrentRow(1)  # the resident on record
    assert again.save()
    assert _count(database, "residents") == 1 and _count(database, "card_sellers") == 2


def test_reveal_asks_a_reason_and_writes_an_audit_entry(listed):
    page, ids = listed
    page.select_row(0)
    record = page.record
    assert record.card_seller_id == ids[2] and "韦小三" not in record.details.text()
    assert not record.reveal("  ")  # no reason, no reveal
    assert record.error.isVisibleTo(record) and "韦小三" not in record.details.text()
    assert record.reveal("约谈核实身份")
    assert "韦小三" in record.details.text() and not record.reveal_button.isEnabled()
    entry = audit.recent(page.database)[0]
    assert (entry["action"], entry["row_id"]) == ("reveal", ids[2])
    assert "约谈核实身份" in entry["summary"]
    page.select_row(1)  # another record: masked again
    assert "韦小" not in page.record.details.text()


def test_an_interview_is_recorded_and_corrected(listed, qtbot):
    page, ids = listed
    page.select_row(0)
    dialog = InterviewDialog(page.database, page, card_seller_id=ids[2])
    qtbot.addWidget(dialog)
    dialog.method.setCurrentIndex(dialog.method.findData("summoned"))
    dialog.result.setCurrentIndex(dialog.result.findData("warned"))
    dialog.notes.setPlainText("本人到所，已训诫")
    assert dialog.save()
    page.record._done()
    loaded(page, qtbot)
    assert page.record.interviews.count() == 1
    assert "Interview at the station: Warned" in page.record.interviews.item(0).text()
    assert card_seller_store.get_card_seller(page.database, ids[2]).status == "interviewed"
    assert page.model.index(0, STATUS).data() == "Interviewed (warned)"
    correct = InterviewDialog(page.database, page, interview_id=dialog.saved_id)
    qtbot.addWidget(correct)
    correct.at.setDateTime(correct.at.dateTime().addDays(1))  # in the future: refused
    assert not correct.save() and "future" in correct.error.text()
    correct.at.setDateTime(correct.at.dateTime().addDays(-1))
    correct.notes.setPlainText("本人到所，已训诫，签字")
    assert correct.save()
    [interview] = card_seller_store.interview_timeline(page.database, ids[2])
    assert interview.notes == "本人到所，已训诫，签字"


def test_steps_with_their_day_and_going_back_needs_a_reason(listed, qtbot):
    page, ids = listed
    page.select_row(0)
    dialog = StepDialog(page.database, ids[2], page)
    qtbot.addWidget(dialog)
    assert dialog.status.currentData() == "interviewed"  # the next step is offered
    dialog.status.setCurrentIndex(dialog.status.findData("restricted"))
    assert dialog.restricted_to.isVisibleTo(dialog) and not dialog.close_reason.isVisibleTo(dialog)
    assert not dialog.save() and "reported" in dialog.error.text()  # to whom is missing
    dialog.restricted_to.setText("县公安局反诈中心")
    dialog.on.setDate(QDate.currentDate().addDays(-1))
    assert dialog.save()
    page.record._done()
    assert "reported to 县公安局反诈中心" in page.record.path.text()
    back = StepDialog(page.database, ids[2], page)
    qtbot.addWidget(back)
    back.status.setCurrentIndex(back.status.findData("interviewed"))
    assert back.correction_reason.isVisibleTo(back)
    assert not back.save() and "correction" in back.error.text()
    assert card_seller_store.get_card_seller(page.database, ids[2]).status == "restricted"
    back.correction_reason.setText("误录")
    assert back.save()
    end = StepDialog(page.database, ids[2], page, ending=True)
    qtbot.addWidget(end)
    assert [end.status.itemData(i) for i in range(end.status.count())] == [
        "handed_over", "closed",
    ]  # fmt: skip
    assert not end.save() and "reason" in end.error.text()
    end.close_reason.setText("训诫教育完毕")
    assert end.save()
    record = card_seller_store.get_card_seller(page.database, ids[2])
    assert (record.status, record.close_reason) == ("closed", "训诫教育完毕")


def test_the_printouts_preview_from_the_screen(listed, qtbot):
    page, ids = listed
    page.select_row(0)
    card_seller_store.record_interview(page.database, ids[2], method="visit", result="warned")
    page.record._done()
    previews = [page.record.print_pledge(), page.record.print_interview(), page.print_register()]
    page.record.show_record(None)
    previews.append(page.window().print_current())  # Ctrl+P: the pledge of the newest listed
    assert page.record.card_seller_id == ids[2]
    for preview in previews:
        qtbot.addWidget(preview)
        qtbot.waitUntil(lambda preview=preview: preview.path is not None, timeout=30_000)
        assert preview.document.pageCount() >= 1
    assert [entry["action"] for entry in audit.recent(page.database, 20)].count("print") >= 4


def test_another_database_shows_its_own_register_and_areas(listed, qtbot, tmp_path):
    from desktop.db.opening import open_database
    from desktop.domain import areas as area_store

    page, _ids = listed
    other = open_database(tmp_path / "other.sqlite3")
    area_store.add_area(other, name="东兰县", level="county", code="451224")
    try:
        page.set_database(other)
        loaded(page, qtbot)
        assert page.model.rowCount() == 0 and page.total == 0
        page.area.ensure_loaded()
        assert page.area.findText("东兰县") > 0 and page.area.findText("金城江区") < 0
    finally:
        page.set_database(page.window().database)
        loaded(page, qtbot)
        other.close()
    assert page.model.rowCount() == 3


def test_on_a_narrow_window_every_filter_shows_whole(listed, qtbot, tmp_path):
    from desktop.db.opening import open_database

    page, _ids = listed
    page.window().resize(900, 700)

    def filters():
        return (page.view_choice, page.kind_choice, page.status_choice, page.area,
                page.manner_choice, page.local_choice)  # fmt: skip

    def whole() -> bool:
        return all(
            f.isVisible() and f.width() >= f.sizeHint().width()
            and f.geometry().right() <= page.register.geometry().right()
            for f in filters()
        )  # fmt: skip

    qtbot.waitUntil(whole)
    # Before its areas are read, the area filter has room for a township's path all the same.
    assert page.area.width() > page.area.fontMetrics().horizontalAdvance("金城江区 / 金城江街道")
    other = open_database(tmp_path / "other.sqlite3")
    try:
        page.set_database(other)  # a new area picker, in the old one's place
        qtbot.waitUntil(whole)
    finally:
        page.set_database(page.window().database)
        loaded(page, qtbot)
        other.close()


def test_a_heading_too_wide_for_its_column_ends_in_an_ellipsis_and_its_tip_says_it_whole(
    listed, qtbot
):
    """The outlet column takes what the others leave: on a laptop at large text its heading
    was cut at both ends ("or operator ·")."""
    page, _ids = listed
    header = page.register.horizontalHeader()
    heading = page.model.headerData(OUTLET, Qt.Orientation.Horizontal)
    tip = page.model.headerData(OUTLET, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == heading == "Bank or operator · outlet"
    assert header.textElideMode() == Qt.TextElideMode.ElideRight
