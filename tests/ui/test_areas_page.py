import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.db import audit
from desktop.domain import areas as area_store
from desktop.domain import officers as officer_store
from desktop.domain import partners as partner_store
from desktop.ui.areas.dialogs import AreaDialog, OfficerDialog, PartnerDialog


@pytest.fixture
def window(window):
    """The main window with the Areas & people screen in front."""
    window.show_page("areas")
    return window


def _ok(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _tree_texts(tab):
    return sorted(item.text(0) for item in tab._all_items())


def test_tree_shows_the_hierarchy_and_details(window, qtbot):
    officer_store.add_officer(
        window.database,
        {"name": "韦明", "area_id": area_store.find_child(window.database, None, "金城江区")},
    )
    tab = window.areas_page.tree_tab
    county = tab.tree.topLevelItem(0)
    assert county.text(0) == "金城江区" and county.text(2) == "451202"
    assert county.child(0).child(0).text(0) == "新建社区"
    tab.tree.setCurrentItem(county.child(0))
    tab.tree.setCurrentItem(county)
    assert "…" in tab.details.text()  # the figures come from the worker
    qtbot.waitUntil(lambda: "…" not in tab.details.text())
    text = tab.details.text()
    assert "Areas directly below</td><td><b>1<" in text
    assert "Officers (incl. areas below)</td><td><b>1<" in text
    assert not tab.empty_panel.isVisibleTo(tab)


def test_area_dialog_keeps_invalid_input_open_and_saves_valid(window, qtbot):
    tab = window.areas_page.tree_tab
    dialog = AreaDialog(window.database, tab, level="county")
    qtbot.addWidget(dialog)
    dialog.fields["name"].setText("   ")
    _ok(dialog)
    assert dialog.result() == 0 and dialog.error_label.isVisibleTo(dialog)
    assert "Name" in dialog.error_label.text()
    dialog.fields["name"].setText("金城江区")
    _ok(dialog)
    assert "already exists" in dialog.error_label.text()
    dialog.fields["name"].setText("宜州区")
    dialog.fields["code"].setText("451203")
    _ok(dialog)
    assert dialog.result() == 1
    tab.reload()
    assert "宜州区" in _tree_texts(tab)


def test_retire_refused_with_children_then_allowed_and_restored(window, capsys):
    tab = window.areas_page.tree_tab
    county_id = tab.tree.topLevelItem(0).data(0, 256)
    tab.select(county_id)
    tab.retire_selected()
    assert "Retire the areas under this one first" in capsys.readouterr().err
    community = next(item for item in tab._all_items() if item.text(0) == "新建社区")
    community_id = community.data(0, 256)
    tab.select(community_id)
    tab.retire_selected()
    assert "新建社区" not in _tree_texts(tab)
    tab.show_retired.setChecked(True)
    assert "新建社区 (retired)" in _tree_texts(tab)
    tab.select(community_id)
    assert tab.restore.isEnabled() and not tab.edit.isEnabled()
    tab.restore_selected()
    tab.show_retired.setChecked(False)
    assert "新建社区" in _tree_texts(tab)


def test_empty_database_offers_import_add_and_demo(app, qtbot, tmp_path, data_dir):
    from desktop.db.opening import open_database
    from desktop.settings import Settings
    from desktop.ui.main_window import MainWindow

    main = MainWindow(
        open_database(tmp_path / "empty.sqlite3"), Settings(), app._outreach_translations
    )
    qtbot.addWidget(main)
    tab = main.areas_page.tree_tab
    assert tab.empty_panel.isVisibleTo(tab)
    assert "demo" in tab.empty_demo.text()


def test_officer_dialog_validates_phone_and_area(window, qtbot):
    tab = window.areas_page.officers_tab
    window.areas_page.tabs.setCurrentWidget(tab)
    dialog = OfficerDialog(window.database, tab)
    qtbot.addWidget(dialog)
    dialog.fields["name"].setText("韦明")
    dialog.fields["phone"].setText("138123")
    _ok(dialog)
    assert dialog.result() == 0 and "Phone" in dialog.error_label.text()
    dialog.fields["phone"].setText("+86 138-1234-5678")
    dialog.fields["area"].setEditText("没有这个地方")
    _ok(dialog)
    assert dialog.result() == 0 and "Choose an area" in dialog.error_label.text()
    dialog.fields["area"].setEditText("金城江区 / 金城江街道 / 新建社区")
    _ok(dialog)
    assert dialog.result() == 1
    officer = officer_store.list_officers(window.database)[0]
    assert officer.phone == "13812345678" and officer.area_name == "新建社区"
    tab.reload()
    assert tab.view.rowCount() == 1 and tab.view.item(0, 0).text() == "韦明"


def test_officer_filter_retire_and_restore(window):
    for name, unit in [("韦明", "金城江派出所"), ("覃丽", "东江派出所")]:
        officer_store.add_officer(window.database, {"name": name, "unit": unit})
    tab = window.areas_page.officers_tab
    window.areas_page.tabs.setCurrentWidget(tab)
    tab.filter.setText("东江")
    visible = [r for r in range(tab.view.rowCount()) if not tab.view.isRowHidden(r)]
    assert [tab.view.item(r, 0).text() for r in visible] == ["覃丽"]
    assert tab.count.text() == "1 record shown"
    tab.filter.clear()
    tab.view.selectRow(visible[0])
    tab.retire_selected()
    assert [o.name for o in officer_store.list_officers(window.database)] == ["韦明"]
    tab.show_retired.setChecked(True)
    retired_row = next(
        r for r in range(tab.view.rowCount()) if "retired" in tab.view.item(r, 0).text()
    )
    tab.view.selectRow(retired_row)
    tab.restore_selected()
    assert len(officer_store.list_officers(window.database)) == 2


def test_partner_dialog_saves(window, qtbot):
    dialog = PartnerDialog(window.database, window.areas_page.partners_tab)
    qtbot.addWidget(dialog)
    dialog.fields["name"].setText("河池市第一中学")
    dialog.fields["kind"].setCurrentIndex(dialog.fields["kind"].findData("school"))
    dialog.fields["phone"].setText("0778-2281234")
    _ok(dialog)
    assert dialog.result() == 1
    partner = partner_store.list_partners(window.database)[0]
    assert partner.kind == "school" and partner.phone == "0778-2281234"


def test_hidden_tabs_are_filled_when_first_shown(window):
    partner_store.add_partner(window.database, {"name": "河池市第一中学", "kind": "school"})
    tab = window.areas_page.partners_tab
    tab.reload()
    assert tab.view.rowCount() == 0  # not on screen: nothing loaded yet
    window.areas_page.tabs.setCurrentWidget(tab)
    assert tab.view.rowCount() == 1 and tab.view.item(0, 0).text() == "河池市第一中学"


def test_editing_an_officer_keeps_an_area_retired_since(window, qtbot):
    community = area_store.find_child(
        window.database,
        area_store.find_child(
            window.database, area_store.find_child(window.database, None, "金城江区"), "金城江街道"
        ),
        "新建社区",
    )
    officer = officer_store.add_officer(window.database, {"name": "韦明", "area_id": community})
    area_store.retire_area(window.database, community)
    dialog = OfficerDialog(
        window.database, window, officer=officer_store.get_officer(window.database, officer)
    )
    qtbot.addWidget(dialog)
    assert "(retired)" in dialog.fields["area"].currentText()
    _ok(dialog)
    assert dialog.result() == 1
    assert officer_store.get_officer(window.database, officer).area_id == community


def test_status_bar_counts_only_live_records(window, qtbot):
    county = area_store.add_area(window.database, name="宜州区", level="county")
    area_store.retire_area(window.database, county)
    window.counts = None
    window.refresh_status()
    qtbot.waitUntil(lambda: window.counts is not None)
    assert window.counts["areas"] == 3  # 宜州区 is retired


def test_phone_numbers_are_masked_until_revealed_and_the_reveal_is_logged(window):
    officer_store.add_officer(window.database, {"name": "韦明", "phone": "13812345678"})
    partner_store.add_partner(
        window.database,
        {
            "name": "河池市第一中学",
            "kind": "school",
            "contact_name": "罗建国",
            "phone": "13912345678",
        },
    )
    officers = window.areas_page.officers_tab
    window.areas_page.tabs.setCurrentWidget(officers)
    texts = [officers.view.item(0, c).text() for c in range(officers.view.columnCount())]
    assert "138****5678" in texts and "13812345678" not in texts
    partners = window.areas_page.partners_tab
    window.areas_page.tabs.setCurrentWidget(partners)
    texts = [partners.view.item(0, c).text() for c in range(partners.view.columnCount())]
    assert "罗某" in texts and "139****5678" in texts
    partners.reveal.setChecked(True)
    texts = [partners.view.item(0, c).text() for c in range(partners.view.columnCount())]
    assert "罗建国" in texts and "13912345678" in texts
    assert audit.recent(window.database)[0]["action"] == "reveal"


def test_an_area_whose_name_and_code_are_markup_is_shown_and_asked_about_as_written(
    window, qtbot, monkeypatch
):
    """A jurisdiction list or a package may bring a name or code that is markup: the details
    panel and the question before retiring it show its letters."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QMessageBox

    tab = window.areas_page.tree_tab
    community = next(item for item in tab._all_items() if item.text(0) == "新建社区")
    community_id = community.data(0, 256)
    with window.database.atomic():
        window.database.execute(
            "UPDATE areas SET name = ?, code = ? WHERE id = ?",
            ("<b>X</b>", "<img src=x>", community_id),
        )
    tab.reload()
    tab.select(community_id)
    qtbot.waitUntil(lambda: "…" not in tab.details.text())
    document = QTextDocument()
    document.setHtml(tab.details.text())
    assert document.toPlainText().startswith("<b>X</b>")
    assert "Code<img src=x>" in document.toPlainText().replace("\n", "").replace("\t", "")

    asked = []

    def answer(box):
        asked.append((box.textFormat(), box.text()))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr("desktop.ui.areas.page.interactive", lambda: True)
    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args) or 0)
    tab.retire_selected()
    assert asked == [(Qt.TextFormat.PlainText, asked[0][1])] and "<b>X</b>" in asked[0][1]
    assert "<b>X</b>" in _tree_texts(tab)  # answered no: nothing retired
