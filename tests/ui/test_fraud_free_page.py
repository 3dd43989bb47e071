"""The fraud-free communities screen (无诈社区): the creation board and its filters, a flagged
plaque marked with why, the community's panel and its dialogs (a status step, evidence with
its photo, the households, keeping a plaque), the afternoon's sheet of visits saved all or
nothing, the visits' import, the criteria refused by the gateway, the trend month by month,
and the screenshot views."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.core import clock
from desktop.core.validate import id_number_check_digit
from desktop.domain import areas as area_store
from desktop.domain import card_sellers
from desktop.domain import community_visits as visit_store
from desktop.domain import fraud_free as fraud_free_store
from desktop.ui.fraud_free.board import AREA_ROLE, FIXED_COLUMNS, STATE_ROLE
from desktop.ui.fraud_free.dialogs import (
    CriteriaDialog,
    EvidenceDialog,
    HouseholdsDialog,
    KeepPlaqueDialog,
    StatusStepDialog,
)

TODAY = clock.today()


@pytest.fixture
def places(window):
    """新建社区 (the window's, 金城江区 / 金城江街道) and 坡心村 in 凤山县 / 凤城镇."""
    database = window.database
    xinjian = database.scalar("SELECT id FROM areas WHERE name = '新建社区'")
    county = area_store.add_area(database, name="凤山县", level="county", code="451223")
    town = area_store.add_area(database, name="凤城镇", level="township", parent_id=county)
    poxin = area_store.add_area(database, name="坡心村", level="community", parent_id=town)
    visit_store.set_households(database, poxin, 320)
    return {"xinjian": xinjian, "poxin": poxin, "fengshan": county}


@pytest.fixture
def page(window, places, qtbot):
    page = window.show_page("fraud_free")
    page.reload()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    return page


def board_communities(page) -> list[str]:
    model = page.board.model
    return [
        model.index(row, 0).data(AREA_ROLE)
        for row in range(model.rowCount())
        if model.index(row, 0).data(AREA_ROLE)
    ]


def headings(page) -> list[str]:
    model = page.board.model
    return [
        model.index(row, 0).data()
        for row in range(model.rowCount())
        if not model.index(row, 0).data(AREA_ROLE)
    ]


def _award(database, area_id, day):
    """The steps up to a plaque, written as the demo does (the criteria are not judged)."""
    steps = [("creating", day - timedelta(days=60), ""), ("qualified", day - timedelta(days=5), ""),
             ("awarded", day, "县综治中心")]  # fmt: skip
    with database.atomic():
        fraud_free_store.write_step_rows(database, [
            (f"step-{area_id}-{n}", f"{on}T09:00:00+08:00", f"{on}T09:00:00+08:00",
             database.device_id, area_id, status, on.isoformat(), by, "", 0, None)
            for n, (status, on, by) in enumerate(steps)
        ])  # fmt: skip


def _card_seller(database, area_id):
    first17 = "45122319990101123"
    return card_sellers.add_card_seller(
        database, {"name": "覃某", "mobile": "13900001234",
                   "id_number": first17 + id_number_check_digit(first17), "area_id": area_id,
                   "card_kind": "bank_card", "source": "upper_level", "listed_on": TODAY},
    )  # fmt: skip


def test_the_board_fills_grouped_and_the_filters_narrow_it(page, places, qtbot):
    assert set(board_communities(page)) == {places["xinjian"], places["poxin"]}
    assert headings(page) == ["金城江区 / 金城江街道", "凤山县 / 凤城镇"]  # by county code
    criteria = fraud_free_store.criteria(page.database, enabled_only=True)
    assert page.board.model.columnCount() == FIXED_COLUMNS + len(criteria)
    assert page.board.table.columnSpan(0, 0) == page.board.model.columnCount()  # a heading
    assert "Not taking part: 2" in page.board.counts.text()
    assert page.board.example_note.isVisible()  # the shipped criteria say they are an example
    # 坡心村 has its households; 新建社区 has none, so its coverage is not yet known and says why.
    coverage = FIXED_COLUMNS + [item.key for item in criteria].index("households_visited")
    cell = page.board.model.index(1, coverage)  # below its heading
    assert cell.data(STATE_ROLE) == fraud_free_store.UNKNOWN
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "number of households" in tooltip and "总户数" in tooltip

    page.board.area.set_area_id(places["fengshan"])
    qtbot.waitUntil(lambda: not page.board.loading, timeout=10_000)
    assert board_communities(page) == [places["poxin"]]
    assert headings(page) == ["凤山县 / 凤城镇"]
    page.board.area.set_area_id(None)
    qtbot.waitUntil(lambda: not page.board.loading, timeout=10_000)
    fraud_free_store.record_status(page.database, places["poxin"], "creating")
    page.board.reload()
    qtbot.waitUntil(lambda: not page.board.loading, timeout=10_000)
    page.board.status_choice.setCurrentIndex(page.board.status_choice.findData("creating"))
    assert board_communities(page) == [places["poxin"]]


def test_a_plaque_put_in_question_is_marked_with_why_and_kept_after_review(
    window, page, places, qtbot
):
    database = page.database
    _award(database, places["xinjian"], TODAY - timedelta(days=30))
    _card_seller(database, places["xinjian"])
    page.board.reload()
    qtbot.waitUntil(lambda: not page.board.loading, timeout=10_000)
    page.board.flagged_only.setChecked(True)
    assert board_communities(page) == [places["xinjian"]]
    name = page.board.model.index(1, 0)
    assert name.data().startswith("⚑")
    assert "a new card seller" in name.data(Qt.ItemDataRole.ToolTipRole)
    assert "flagged for review: 1" in page.board.counts.text()

    window.show_page("today")
    assert window.open_record("fraud_free", places["xinjian"]) is page  # as Today opens it
    assert page.board.table.currentIndex().data(AREA_ROLE) == places["xinjian"]
    qtbot.waitUntil(lambda: not page.community.loading, timeout=10_000)
    assert page.community.flag.isVisibleTo(page) and page.community.keep_button.isEnabled()
    assert "县综治中心" in page.community.path.item(2, 2).text()
    dialog = KeepPlaqueDialog(database, places["xinjian"], page)
    qtbot.addWidget(dialog)
    assert not dialog.save() and dialog.error.text()  # the review's finding is required
    dialog.note.setPlainText("经核查，该人员已迁出本社区")
    assert dialog.save()
    assert fraud_free_store.flagged_communities(database) == []
    assert fraud_free_store.current_status(database, places["xinjian"])[0] == "awarded"


def test_a_status_step_through_the_dialog_and_criteria_met_refused_naming_the_unmet(
    page, places, qtbot
):
    database = page.database
    area = places["poxin"]
    page.open_record(area)
    qtbot.waitUntil(lambda: not page.community.loading, timeout=10_000)
    dialog = StatusStepDialog(database, area, page)
    qtbot.addWidget(dialog)
    assert dialog.status.currentData() == "creating"  # the next step is offered
    assert dialog.save()
    assert fraud_free_store.current_status(database, area)[0] == "creating"

    qualified = StatusStepDialog(database, area, page)
    qtbot.addWidget(qualified)
    assert qualified.status.currentData() == "qualified"
    assert not qualified.save()
    assert "Not every criterion is met" in qualified.error.text()
    assert "入户走访全覆盖" in qualified.error.text()  # the unmet ones are named
    assert fraud_free_store.current_status(database, area)[0] == "creating"

    back = StatusStepDialog(database, area, page, status="not_taking_part")
    qtbot.addWidget(back)
    assert back.form.isRowVisible(back.correction)  # a step back asks for its reason
    assert not back.save() and "reason for the correction" in back.error.text()
    back.correction.setText("误录")
    assert back.save()
    history = fraud_free_store.status_history(database, area)
    assert [step["status"] for step in history] == ["creating", "not_taking_part"]
    assert history[-1]["correction"] == 1

    page.community.reload()
    qtbot.waitUntil(lambda: not page.community.loading, timeout=10_000)
    assert page.community.path.rowCount() == 2
    assert "(correction)" in page.community.path.item(1, 1).text()


def test_evidence_is_added_with_its_photo_and_the_households_set(page, places, qtbot, tmp_path):
    database = page.database
    area = places["xinjian"]
    dialog = EvidenceDialog(database, area, page, criterion="publicity_board")
    qtbot.addWidget(dialog)
    not_a_photo = tmp_path / "board.png"
    not_a_photo.write_text("text")
    dialog.photo.setText(str(not_a_photo))
    assert not dialog.save() and "not a photo" in dialog.error.text()
    assert fraud_free_store.evidence_of(database, area) == []  # nothing half-written
    photo = tmp_path / "宣传栏.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    dialog.photo.setText(str(photo))
    dialog.note.setPlainText("宣传栏设在社区门口")
    assert dialog.save()
    [entry] = fraud_free_store.evidence_of(database, area)
    assert (entry["criterion"], entry["met"], entry["photos"]) == ("publicity_board", 1, 1)

    households = HouseholdsDialog(database, area, None, page)
    qtbot.addWidget(households)
    households.households.setText("12.5")
    assert not households.save() and households.error.text()
    households.households.setText("450户")
    assert households.save()

    page.open_record(area)
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    panel = page.community
    assert panel.evidence.rowCount() == 1 and panel.evidence.item(0, 3).text() == "1"
    assert "450" in panel.households.text()
    board = fraud_free_store.board(database, communities=[area])
    assert board.rows[0].results["publicity_board"].state == fraud_free_store.MET


def test_the_sheet_is_saved_whole_or_not_at_all_naming_each_bad_row(page, places, qtbot):
    database = page.database
    visits = page.visits
    page.tabs.setCurrentIndex(1)
    visits.set_community(places["poxin"])
    qtbot.waitUntil(lambda: not visits.loading, timeout=10_000)
    sheet = [("1栋", "24", "18", "9"), ("2栋", "30", "31", "5"), ("3栋", "20", "12", "25")]
    for row, (building, visited, at_home, already) in enumerate(sheet):
        visits.set_cell(row, "building", building)
        visits.set_cell(row, "households_visited", visited)
        visits.set_cell(row, "households_at_home", at_home)
        visits.set_cell(row, "app_already", already)
    visits.set_cell(5, "building", "6栋")  # after two empty rows, which are left out
    visits.set_cell(5, "households_visited", "abc")
    assert not visits.save_sheet()
    text = visits.error.text()
    assert "Nothing was saved" in text
    assert "Row 2:" in text and "31 households at home is more than the 30" in text
    assert "Row 3:" in text and "Row 6:" in text and "Row 1:" not in text
    assert database.scalar("SELECT count(*) FROM community_visits") == 0
    assert visits.sheet.item(1, 0).background().color().name() == "#f8d7da"

    visits.set_cell(1, "households_at_home", "21")
    visits.set_cell(2, "app_already", "9")
    visits.set_cell(5, "households_visited", "15")
    visits.grid_worker.setText("韦秀英")
    assert visits.save_sheet()
    assert "4 visits saved" in visits.saved.text()
    stored = visit_store.visits_of(database, places["poxin"])
    assert len(stored) == 4
    assert {visit["grid_worker"] for visit in stored} == {"韦秀英"}
    assert {visit["visited_on"] for visit in stored} == {TODAY.isoformat()}
    qtbot.waitUntil(lambda: not visits.loading, timeout=10_000)
    assert visits.visits.rowCount() == 4
    assert "4 visits, 89 households visited" in visits.list_count.text()
    assert visits.sheet_rows() == ([], [])  # the sheet is cleared for the next one

    # A visit entered by mistake is taken out of the counts from the list.
    visits.visits.selectRow(0)
    assert visits.retire_chosen()
    qtbot.waitUntil(lambda: not visits.loading, timeout=10_000)
    assert len(visit_store.visits_of(database, places["poxin"])) == 3
    assert visits.visits.rowCount() == 3


def test_the_imports_open_for_visits_and_households(page):
    dialog = page.visits.import_visits()
    assert dialog.kind == "visits"
    assert dialog.windowTitle() == "Import door-to-door visits"
    assert "楼栋" in dialog.intro.text()  # the columns it recognises are named
    dialog.close()
    dialog = page.visits.import_households()
    assert dialog.kind == "households"
    assert dialog.windowTitle() == "Import the communities' households"
    assert "户数" in dialog.intro.text()
    dialog.close()


def test_a_threshold_out_of_range_is_refused_naming_the_field(page, qtbot):
    database = page.database
    dialog = CriteriaDialog(database, page)
    qtbot.addWidget(dialog)
    assert "EXAMPLE" in dialog.example_note.text()
    keys = [item.key for item in dialog.criteria]
    dialog.items.setCurrentRow(keys.index("app_installed"))
    assert dialog.threshold.text() == "80"
    dialog.threshold.setText("150")
    assert not dialog.save()
    assert dialog.error.text().startswith("Threshold (%):")
    assert "150 is not a percentage from 0 to 100" in dialog.error.text()
    assert fraud_free_store.criteria_are_example(database)  # nothing written
    dialog.threshold.setText("85")
    dialog.enabled.setChecked(False)
    assert dialog.save() and dialog.changed
    saved = {item.key: item for item in fraud_free_store.criteria(database)}
    assert saved["app_installed"].threshold == 85 and not saved["app_installed"].enabled
    assert dialog.example_note.text() == "The station's own criteria."


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from desktop.db.opening import open_database
    from desktop.demo import generate_demo

    path = tmp_path_factory.mktemp("fraud-free-shots") / "demo.sqlite3"
    database = open_database(path)
    generate_demo(database, seed=1)
    database.close()
    return path


@pytest.mark.parametrize("view", ["fraud-free", "fraud-free-visits", "fraud-free-trend-tab"])
def test_the_screens_views_render_from_the_demo(app, demo, view, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from desktop.ui import screenshot

    seen = {}
    show = screenshot.VIEWS[view]

    def keep(window, package):
        shown = show(window, package)
        page = window.page("fraud_free")
        seen["communities"] = len(board_communities(page))
        seen["visits"] = page.visits.visits.rowCount()
        seen["panel"] = page.community.row is not None
        seen["trend"] = page.trend.table.rowCount()
        return shown

    monkeypatch.setitem(screenshot.VIEWS, view, keep)
    out = screenshot.take_screenshot(
        demo, view, tmp_path / f"{view}.png", language="en", size=(1366, 768)
    )
    image = QImage(str(out))
    assert not image.isNull() and image.width() >= 300
    assert seen["communities"] > 100  # the demo's jurisdiction on the board
    if view == "fraud-free":
        assert seen["panel"]  # a community with a plaque beside it
    elif view == "fraud-free-trend-tab":
        assert seen["trend"] == 12
    else:
        assert seen["visits"] > 0


def test_the_trend_shows_the_figures_month_by_month_for_the_area_chosen(page, places, qtbot):
    """This month first: 坡心村 awarded, 160 of its 320 households visited, 30 of 100 at
    home with the app; 凤山县 alone has that one community, the city two."""
    from desktop.core.figures import FRAUD_FREE_TREND

    visit_store.add_visit(
        page.database, {"area_id": places["poxin"], "visited_on": TODAY,
                        "households_visited": 160, "households_at_home": 100,
                        "app_installed_new": 10, "app_already": 20},
    )  # fmt: skip
    fraud_free_store.record_status(page.database, places["poxin"], "awarded", TODAY,
                                   awarded_by="县综治办", correction_reason="补录")  # fmt: skip
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.trend.trend is not None and not page.trend.loading)
    table = page.trend.table

    def this_month() -> dict[str, str]:
        return {table.horizontalHeaderItem(column).text(): table.item(0, column).text()
                for column in range(table.columnCount())}  # fmt: skip

    assert table.rowCount() == 12 and table.item(0, 0).text() == f"{TODAY:%Y-%m}"
    assert this_month() == {
        "Month": f"{TODAY:%Y-%m}", "Fraud-free communities": "1",
        "Share of communities fraud-free": "50.0%", "Anti-fraud app installation": "30.0%",
        "Household visit coverage": "50.0%", "Households visited": "160",
    }  # fmt: skip
    assert table.item(11, 2).text() == "0.0%"  # a year ago: no plaque yet
    header = table.horizontalHeaderItem(1 + [f.key for f in FRAUD_FREE_TREND].index(
        "visit_coverage"))  # fmt: skip
    assert "households of the communities whose number of households" in header.toolTip()
    assert page.trend.chart.renderer().isValid()
    page.trend.area.set_area_id(places["fengshan"])
    qtbot.waitUntil(lambda: not page.trend.loading and this_month()["Fraud-free communities"]
                    == "1" and this_month()["Share of communities fraud-free"] == "100.0%")  # fmt: skip


def test_the_screens_papers_print_for_the_area_and_community_chosen(page, places, qtbot):
    page.open_record(places["xinjian"])
    shown = {}
    for name in ("board-a3", "sheet", "tally", "trend"):
        preview = page.print_paper(name)
        qtbot.addWidget(preview)
        qtbot.waitUntil(lambda preview=preview: preview.path is not None, timeout=30_000)
        shown[name] = preview.document.pageCount()
    assert shown == {"board-a3": 1, "sheet": 1, "tally": 1, "trend": 1}
    assert [action.text() for action in page.print_menu.actions()][-1] == (
        "The trend of the area chosen on the Trend tab…"
    )
    page.community.show_community(None)
    assert page.print_paper("sheet") is None  # no community chosen: no sheet to print


def test_on_a_narrow_window_the_communitys_buttons_show_whole(page, qtbot):
    page.window().resize(900, 700)
    panel = page.community
    buttons = (panel.step_button, panel.keep_button, panel.evidence_button)

    def whole() -> bool:
        seen = page.community_scroll.viewport().width()
        return all(
            b.width() >= b.sizeHint().width() and b.mapTo(panel, b.rect().topRight()).x() < seen
            for b in buttons
        )

    qtbot.waitUntil(lambda: page.community_scroll.viewport().width() < 500)
    qtbot.waitUntil(whole)


def test_at_150_percent_on_a_laptop_screen_the_visit_sheet_s_choices_show_whole(
    app, window, places, qtbot
):
    """1,366 × 768 at 150% text in English: the community, the period and the sheet's day,
    officer and grid worker go on to more lines, each label beside its field; the window
    stays on the screen and nothing is cut (it was 1,441 pixels wide, the grid worker cut)."""
    from desktop.domain import officers as officer_store
    from desktop.ui.app import apply_text_size

    # A county's officer list: a name and a long unit, as wide as the choice gets.
    officer_store.add_officer(
        window.database, {"name": "罗阳涛", "unit": "金城江区公安分局金城江派出所"}
    )
    page = window.show_page("fraud_free")
    page.tabs.setCurrentWidget(page.visits)
    visits = page.visits
    fields = (
        visits.community_label, visits.community, visits.period_label, visits.start,
        visits.end, visits.sheet_day_label, visits.sheet_day, visits.officer_label,
        visits.officer, visits.grid_worker_label, visits.grid_worker,
    )  # fmt: skip

    def whole() -> bool:
        room = visits.width()
        return all(
            f.isVisible()
            and f.width() >= f.sizeHint().width()
            and 0 <= f.mapTo(visits, f.rect().topRight()).x() < room
            for f in fields
        )

    try:
        apply_text_size(app, 150)
        page.window().resize(1366, 768)
        qtbot.waitUntil(lambda: page.window().width() <= 1366)
        qtbot.waitUntil(whole)
        for label, field in ((visits.officer_label, visits.officer),
                             (visits.grid_worker_label, visits.grid_worker)):  # fmt: skip
            # A label stays on its field's line.
            assert label.mapTo(visits, label.rect().center()).y() == pytest.approx(
                field.mapTo(visits, field.rect().center()).y(), abs=3
            )
    finally:
        apply_text_size(app, 100)
