import pytest

from desktop.domain import areas as area_store
from desktop.domain import officers as officer_store


@pytest.fixture
def window(window):
    """The main window with the Areas & people screen in front."""
    window.show_page("areas")
    return window


def _finish(qtbot, task):
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    qtbot.wait(10)  # let the queued result reach the dialog


def test_check_then_import_a_clean_file(window, qtbot, make_xlsx):
    path = make_xlsx(
        "areas.xlsx",
        [
            ["县区", "乡镇", "社区"],
            ["宜州区", "庆远镇", "北门社区"],
            ["宜州区", "庆远镇", "南门社区"],
        ],
    )
    dialog = window.areas_page.tree_tab.import_list()
    qtbot.addWidget(dialog)
    _finish(qtbot, dialog.check_file(path))
    assert "All 2 rows are valid" in dialog.summary.text()
    assert dialog.import_button.isEnabled() and not dialog.skip_button.isVisibleTo(dialog)
    assert area_store.find_child(window.database, None, "宜州区") is None  # checked, not written
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_all()
    assert "Imported 2 of 2 rows" in dialog.summary.text()
    qtbot.waitUntil(lambda: window.counts is not None and window.counts["areas"] == 7)
    names = {item.text(0) for item in window.areas_page.tree_tab._all_items()}
    assert {"宜州区", "庆远镇", "北门社区", "南门社区"} <= names
    assert "already on record" not in dialog.summary.text()
    # The same file again: the summary says where its rows went.
    again = window.areas_page.tree_tab.import_list()
    qtbot.addWidget(again)
    _finish(qtbot, again.check_file(path))
    with qtbot.waitSignal(again.imported, timeout=10_000):
        again.import_all()
    assert "0 created" in again.summary.text()
    assert "2 rows were already on record and are left as they are." in again.summary.text()


def test_bad_rows_are_listed_and_can_be_skipped(window, qtbot, make_xlsx):
    path = make_xlsx(
        "officers.xlsx",
        [
            ["姓名", "身份", "手机号码", "辖区"],
            ["韦明", "民警", "13812345678", "新建社区"],
            ["覃丽", "队长", "", ""],
            ["", "辅警", "", ""],
        ],
    )
    window.areas_page.tabs.setCurrentWidget(window.areas_page.officers_tab)
    dialog = window.areas_page.officers_tab.import_list()
    qtbot.addWidget(dialog)
    _finish(qtbot, dialog.check_file(path))
    assert dialog.errors.rowCount() == 2
    assert [dialog.errors.item(r, 0).text() for r in range(2)] == ["3", "4"]
    assert dialog.errors.item(0, 1).text() == "身份"
    assert not dialog.import_button.isEnabled()
    assert dialog.skip_button.isVisibleTo(dialog)
    assert dialog.skip_button.text() == "Skip bad rows and import 1 row"
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_good_rows()
    assert [o.name for o in officer_store.list_officers(window.database)] == ["韦明"]
    qtbot.waitUntil(lambda: window.areas_page.officers_tab.view.rowCount() == 1)


def test_an_unreadable_file_explains_and_writes_nothing(window, qtbot, tmp_path):
    path = tmp_path / "list.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 broken excel")
    dialog = window.areas_page.tree_tab.import_list()
    qtbot.addWidget(dialog)
    _finish(qtbot, dialog.check_file(path))
    assert "not a readable spreadsheet" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_a_file_with_unknown_headers_can_be_mapped_by_hand(window, qtbot, tmp_path):
    from desktop.ui.column_mapping import ColumnMappingDialog

    path = tmp_path / "odd.csv"
    path.write_text("清单\n区县名,镇街名,村居名\n宜州区,庆远镇,北门社区\n", encoding="utf-8")
    dialog = window.areas_page.tree_tab.import_list()
    qtbot.addWidget(dialog)
    _finish(qtbot, dialog.check_file(path))
    assert "header" in dialog.summary.text() and dialog.map_button.isVisibleTo(dialog)
    mapping = ColumnMappingDialog(path, "areas", dialog)
    qtbot.addWidget(mapping)
    assert mapping.header_row.value() == 2  # the first row with two or more cells
    for field, text in (("county", "区县名"), ("township", "镇街名"), ("community", "村居名")):
        mapping.combos[field].setCurrentIndex(mapping.combos[field].findText(text))
    _finish(qtbot, dialog.check_file(path, mapping.column_names()))
    assert "All 1 rows are valid" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_all()
    assert area_store.find_child(window.database, None, "宜州区") is not None
