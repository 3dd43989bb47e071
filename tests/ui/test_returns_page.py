"""The Return persuasion screen (劝返): the ledger and its filters, listing a person through
the form, the person's actions, the logged reveal, the board's names and the printouts."""

from datetime import timedelta

import pytest

from desktop.core import clock
from desktop.db import audit
from desktop.domain import return_cases as return_store
from desktop.ui.returns.dialogs import ContactDialog, ListingDialog, MeasureDialog, StepDialog
from desktop.ui.returns.model import NAME, STATUS

TODAY = clock.today()


def _list(database, n, **values):
    values = {
        "name": f"罗明{n}", "mobile": f"1381234567{n}", "location": "myanmar_north",
        "lead_source": "upper_level", "category": "high_risk",
        "listed_on": TODAY - timedelta(days=10 - n), "deadline_on": TODAY + timedelta(days=30),
        "family_name": "罗大山", "family_relation": "父亲", "family_phone": "13900001111",
        **values,
    }  # fmt: skip
    return return_store.list_person(database, values)


def _community(database):
    return database.scalar("SELECT id FROM areas WHERE level = 'community'")


@pytest.fixture
def listed(window, qtbot):
    """Three persons abroad (one closed off, one past its deadline), the screen open on them:
    (page, [ids])."""
    database = window.database
    ids = [
        _list(database, 1, area_id=_community(database)),
        _list(database, 2, deadline_on=TODAY - timedelta(days=1), listed_on=TODAY - timedelta(days=60)),
        _list(database, 3),
    ]  # fmt: skip
    return_store.record_step(database, ids[2], "closed", on=TODAY, close_reason="never_left")
    page = window.show_page("returns")
    page.reload()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    return page, ids


def shown(page):
    return [page.model.index(row, 0).data(page_id_role()) for row in range(page.model.rowCount())]


def page_id_role():
    from desktop.ui.returns.model import ID_ROLE

    return ID_ROLE


def test_the_ledger_fills_masked_and_the_filters_narrow_it(listed, qtbot):
    page, ids = listed
    assert set(shown(page)) == {ids[0], ids[1]}  # on record: the closed one is not
    names = {page.model.index(row, NAME).data() for row in range(page.model.rowCount())}
    assert names == {"罗某"}  # masked, never 罗明1
    assert "2 shown" in page.count.text() and "listed 3" in page.count.text()
    page.state_choice.setCurrentIndex(page.state_choice.findData("all"))
    assert set(shown(page)) == set(ids)
    page.status_choice.setCurrentIndex(page.status_choice.findData("closed"))
    assert shown(page) == [ids[2]]
    assert page.model.index(0, STATUS).data() == "Closed off"
    page.status_choice.setCurrentIndex(0)
    page.state_choice.setCurrentIndex(page.state_choice.findData("open"))
    page.overdue_only.setChecked(True)
    assert shown(page) == [ids[1]]  # its deadline passed
    page.overdue_only.setChecked(False)
    page.area.set_area_id(_community(page.database))
    assert shown(page) == [ids[0]]
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert "1 shown" in page.count.text()


def test_listing_through_the_form_writes_one_entry_and_a_bad_date_writes_nothing(window, qtbot):
    page = window.show_page("returns")
    database = window.database

    def entries():
        return database.scalar("SELECT count(*) FROM return_cases")

    dialog = ListingDialog(database, page)
    qtbot.addWidget(dialog)
    dialog.name.setText("覃某某")
    dialog.mobile.setText("13812345678")
    dialog.lead_source.setCurrentIndex(dialog.lead_source.findData("local_screening"))
    dialog.deadline_on.setText("2026-13-45")
    assert not dialog.save()
    assert not dialog.error.isHidden() and "2026-13-45" in dialog.error.text()
    dialog.deadline_on.setText((TODAY - timedelta(days=3)).isoformat())
    assert not dialog.save()
    assert "deadline" in dialog.error.text()
    assert entries() == 0  # nothing half-written
    dialog.deadline_on.setText((TODAY + timedelta(days=30)).isoformat())
    assert dialog.save()
    assert entries() == 1
    case = return_store.get_case(database, dialog.saved_id)
    assert (case.lead_source, case.deadline_on) == ("local_screening", TODAY + timedelta(days=30))

    # The same person again: the gateway names the entry, and the form offers to open it.
    again = ListingDialog(database, page)
    qtbot.addWidget(again)
    again.name.setText("覃某某")
    again.mobile.setText("13812345678")
    again.mobile.editingFinished.emit()
    # Typing never tells that a number is on record only as listed; saving does, logged.
    assert again.matches.count() == 1  # a new resident
    assert not again.save()
    assert "already on the ledger" in again.error.text() and entries() == 1
    assert again.already_listed == dialog.saved_id and again.open_button.isVisibleTo(again)
    again.open_button.click()
    assert again.open_instead == dialog.saved_id


def test_a_refused_date_names_its_field(window, qtbot):
    page = window.show_page("returns")
    dialog = ListingDialog(window.database, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("覃某某")
    dialog.mobile.setText("13812345678")
    dialog.deadline_on.setText((TODAY - timedelta(days=3)).isoformat())
    assert not dialog.save()
    assert "deadline" in dialog.error.text()
    assert dialog.focusWidget() is dialog.deadline_on  # the cursor is put where the fault is


def test_the_person_shown_the_reveal_is_logged_and_the_actions_write(listed, qtbot):
    page, ids = listed
    page.select_row(shown(page).index(ids[0]))
    case = page.case
    assert case.case_id == ids[0]
    text = case.details.text()
    assert "罗某" in text and "罗明1" not in text and "罗大山" not in text and "139****1111" in text
    assert not case.reveal("")  # a reason is needed
    assert not case.error.isHidden()
    assert case.reveal("核实身份，通知家属")
    entry = audit.recent(page.database)[0]
    assert (entry["action"], entry["row_id"]) == ("reveal", ids[0])
    assert "核实身份" in entry["summary"]
    assert "罗明1" in case.details.text() and "罗大山" in case.details.text()

    step = StepDialog(page.database, case.case, case, status="closed")
    qtbot.addWidget(step)
    assert not step.save()  # no reason chosen
    assert "reason" in step.error.text()
    step.close_reason.setCurrentIndex(step.close_reason.findData("never_left"))
    assert step.save()
    assert return_store.get_case(page.database, ids[0]).status == "closed"
    back = StepDialog(page.database, return_store.get_case(page.database, ids[0]), case,
                      status="contacted")  # fmt: skip
    qtbot.addWidget(back)
    assert not back.save()  # going back needs the correction's reason
    assert back.form.isRowVisible(back.correction)
    back.correction.setText("误销账")
    assert back.save()
    assert return_store.get_case(page.database, ids[0]).status == "contacted"

    contact = ContactDialog(page.database, ids[0], case)
    qtbot.addWidget(contact)
    contact.method.setCurrentIndex(contact.method.findData("phone"))
    contact.result.setCurrentIndex(contact.result.findData("no_answer"))
    assert contact.save()
    measure = MeasureDialog(page.database, return_store.get_case(page.database, ids[0]), case)
    qtbot.addWidget(measure)
    assert measure.save()
    case.show_case(ids[0])
    assert case.timeline.count() == 1 and "No answer" in case.timeline.item(0).text()
    assert "Listed for control" in case.details.text()
    assert case.lift_button.isEnabled()


def test_a_board_cell_lists_its_names_and_opens_the_person(listed, qtbot):
    page, ids = listed
    page.tabs.setCurrentIndex(1)
    board = page.board
    qtbot.waitUntil(lambda: not board.loading and board.table.rowCount() == 2, timeout=10_000)
    # One county, then the whole jurisdiction's total: two of three registered in the county.
    assert board.table.item(0, 0).text() == "金城江区"
    total = board.table.item(1, board.table.columnCount() - 1).text()
    assert total == "Closed off 1 / listed 3"
    column = 1 + return_store.STATUSES.index("to_verify")
    assert board.table.item(0, column).text() == "1"
    board.show_names(0, column)
    qtbot.waitUntil(lambda: not board.names_loading, timeout=10_000)
    assert board.names.count() == 1 and board.names.item(0).text().startswith("罗某")
    board.names.itemActivated.emit(board.names.item(0))
    assert page.tabs.currentIndex() == 0 and page.case.case_id == ids[0]


def test_the_printouts_build_from_the_screen(listed, qtbot):
    page, ids = listed
    page.paper.setCurrentIndex(page.paper.findData("a3"))
    previews = [page.print_ledger(), page.board.print_board()]
    page.select_row(0)
    previews.append(page.print_current())  # the family notice of the person shown
    for preview in previews:
        qtbot.addWidget(preview)
        qtbot.waitUntil(lambda preview=preview: preview.path is not None, timeout=30_000)
        assert preview.document.pageCount() >= 1
    printed = [entry["summary"] for entry in audit.recent(page.database)[:4]]
    assert any("board of persons abroad (a4)" in summary for summary in printed)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from desktop.db.opening import open_database
    from desktop.demo import generate_demo

    path = tmp_path_factory.mktemp("returns-shots") / "demo.sqlite3"
    database = open_database(path)
    generate_demo(database, seed=1)
    database.close()
    return path


@pytest.mark.parametrize("view", ["returns", "returns-board", "return-case", "return-listing"])
def test_the_screens_views_render_from_the_demo(app, demo, view, tmp_path):
    from PySide6.QtGui import QImage

    from desktop.ui.screenshot import take_screenshot

    out = take_screenshot(demo, view, tmp_path / f"{view}.png", language="en", size=(1366, 768))
    image = QImage(str(out))
    assert not image.isNull() and image.width() >= 300
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}  # fmt: skip
    assert len(colours) > 3, "an empty picture"


def test_the_board_view_shows_the_names_of_a_count(app, demo, tmp_path, monkeypatch):
    """The board's picture is taken with the names behind its first count listed."""
    from desktop.ui import screenshot

    seen = {}
    show = screenshot.VIEWS["returns-board"]

    def keep(window, package):
        shown = show(window, package)
        board = window.page("returns").board
        seen["names"] = [board.names.item(row).text() for row in range(board.names.count())]
        return shown

    monkeypatch.setitem(screenshot.VIEWS, "returns-board", keep)
    screenshot.take_screenshot(demo, "returns-board", tmp_path / "b.png", language="en",
                               size=(1366, 768))  # fmt: skip
    assert seen["names"] and all("某" in name for name in seen["names"])


def test_the_ledgers_settings_and_a_persons_details(listed, qtbot):
    from desktop.ui.returns.dialogs import DeadlineDialog

    page, ids = listed
    database = page.database
    return_store.edit_case(database, ids[0], {"list_name": "2026年第3批"})
    dialog = DeadlineDialog(database, page, list_name="2026年第3批")
    qtbot.addWidget(dialog)
    assert dialog.list_name.findText("2026年第3批") >= 0  # the lists on record are offered
    dialog.deadline.setDate(dialog.deadline.date().addDays(-1))
    assert not dialog.save() and "already passed" in dialog.error.text()
    assert return_store.get_case(database, ids[0]).deadline_on == TODAY + timedelta(days=30)
    dialog.deadline.setDate(dialog.deadline.date().addDays(61))
    assert dialog.save() and dialog.changed_count == 1
    assert return_store.get_case(database, ids[0]).deadline_on == TODAY + timedelta(days=60)

    assert page.add_location("迪拜") == "迪拜"
    assert page.set_contact_days(14) and return_store.contact_days(database) == 14
    assert not page.set_contact_days(0)  # refused by the gateway, shown, nothing written
    assert return_store.contact_days(database) == 14

    details = ListingDialog(database, page, case=return_store.get_case(database, ids[0]))
    qtbot.addWidget(details)
    assert details.location.findData("迪拜") >= 0  # the station's own place is offered
    assert details.family_name.text() == "" and "罗某" in details.family_name.placeholderText()
    details.location.setCurrentIndex(details.location.findData("迪拜"))
    assert details.save()
    case = return_store.get_case(database, ids[0])
    assert (case.location, case.family_name) == ("迪拜", "罗大山")  # masked, so kept


def test_show_full_asks_why_and_a_cancel_reveals_nothing(listed, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    page, ids = listed
    page.open_case(ids[0])
    asked = []

    def answer(parent, title, label):
        asked.append((title, label))
        return ("", False)  # the officer cancels

    monkeypatch.setattr(QInputDialog, "getText", answer)
    assert not page.case.reveal() and page.case.revealed is None
    assert asked == [("Show full details", "Why are the full details needed? (written to the log)")]
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a: ("家属来所核实身份", True))
    assert page.case.reveal() and page.case.revealed is not None
