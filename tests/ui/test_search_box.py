"""The search box: results grouped by kind, masked, and opening what was chosen."""

from __future__ import annotations

from datetime import datetime

from desktop.core.entities import Talk
from desktop.db import records
from desktop.domain import talks, warnings

NOW = datetime.fromisoformat("2026-11-20T09:00:00+08:00")


def _fill(database):
    case = warnings.intake(
        database,
        {"name": "王秀英", "mobile": "13800138000", "source": "platform", "level": "high",
         "received_at": NOW},
        now=NOW,
    )  # fmt: skip
    talk = talks.save_talk(
        database,
        Talk(title="秀水村反诈夜校", starts_at=NOW, ends_at=NOW.replace(hour=10), venue="秀水村"),
    )
    return case, talk


def _results(qtbot, window, text):
    window.search_box.setText(text)
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.text == text and
                    not panel.loading, timeout=10_000)  # fmt: skip
    return panel


def _groups(panel):
    tree = panel.tree
    return {
        tree.topLevelItem(i).text(0): [
            tree.topLevelItem(i).child(j).text(0) for j in range(tree.topLevelItem(i).childCount())
        ]
        for i in range(tree.topLevelItemCount())
    }


def test_typing_searches_groups_by_kind_and_masks(window, qtbot):
    _case, _talk = _fill(window.database)
    panel = _results(qtbot, window, "秀")  # one character: names and titles
    assert _groups(panel) == {
        "Residents (1)": ["王某"], "Warnings (1)": ["王某"], "Talks (1)": ["秀水村反诈夜校"]
    }  # fmt: skip
    assert window.stack.currentWidget() is panel
    panel = _results(qtbot, window, "0013800")  # a mobile fragment finds no one
    assert panel.tree.topLevelItemCount() == 0
    panel = _results(qtbot, window, "13800138000")  # the whole mobile does, and the case
    assert _groups(panel) == {"Residents (1)": ["王某"], "Warnings (1)": ["王某"]}
    row = panel.tree.topLevelItem(0).child(0)
    assert "138****8000" in row.text(1) and "13800138000" not in row.text(1)
    panel = _results(qtbot, window, "没有这个人")
    assert panel.tree.topLevelItemCount() == 0 and "Nothing found" in panel.state.text()
    window.search_box.clear()
    assert window.stack.currentWidget() is window.today_page


def test_choosing_a_result_opens_the_case_or_the_talk(window, qtbot):
    case, talk = _fill(window.database)
    panel = _results(qtbot, window, "王秀英")
    panel._activated(panel.tree.topLevelItem(0).child(0))  # the resident: their latest case
    page = window.page("warnings")
    assert window.stack.currentWidget() is page and page.selected_id == case
    panel = _results(qtbot, window, "夜校")
    panel._activated(panel.tree.topLevelItem(0).child(0))
    talks_page = window.page("talks")
    assert window.stack.currentWidget() is talks_page and talks_page.selected.id == talk


def test_new_records_are_found_without_restarting(window, qtbot):
    panel = _results(qtbot, window, "覃小燕")
    assert panel.results.total == 0
    warnings.intake(
        window.database,
        {"name": "覃小燕", "mobile": "13912345678", "source": "bank", "level": "low"},
    )
    window.search_box.setText("覃小燕 ")  # typing goes on: the index catches up first
    qtbot.waitUntil(lambda: panel.results.total == 2 and not panel.loading, timeout=10_000)
    assert [len(panel.results.hits[kind]) for kind in ("residents", "warnings")] == [1, 1]


def _group(panel, title):
    tree = panel.tree
    return next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0).startswith(title))  # fmt: skip


def _lines(group):
    return sorted(
        tuple(group.child(row).text(column) for column in range(3))
        for row in range(group.childCount())
    )


def test_residents_of_one_name_show_what_tells_them_apart(window, qtbot):
    from desktop.core import clock

    database = window.database
    north = database.scalar("SELECT id FROM areas WHERE name = '新建社区'")
    made = []
    for mobile, id_number, area in (
        ("13800001111", "452701195001011231", north),
        ("13900002222", None, None),
    ):
        values = {"name": "王秀英", "mobile": mobile, "source": "platform", "level": "high",
                  "received_at": NOW, "area_id": area}  # fmt: skip
        if id_number:
            values["id_number"] = id_number
        made.append(warnings.intake(database, values, now=NOW))
    records.update_record(database, "warnings", made[0], {"reference_number": "YJ2026000102"})
    panel = _results(qtbot, window, "王秀英")
    age = clock.today().year - 1950
    # Age beside the masked name, the last four of the mobile, the community: two people.
    assert _lines(_group(panel, "Residents (2)")) == [
        ("王某", "139****2222", ""),
        (f"王某  aged {age}", "138****1111  4527**********1231", "新建社区"),
    ]
    # Their cases are found with them, each naming its resident the same way.
    assert _lines(_group(panel, "Warnings (2)")) == [
        ("王某", "High  New", ""),
        (f"王某  aged {age}", "YJ2026000102  High  New", "新建社区"),
    ]
    shown = " ".join(
        panel.tree.topLevelItem(g).child(r).text(c)
        for g in range(panel.tree.topLevelItemCount())
        for r in range(panel.tree.topLevelItem(g).childCount())
        for c in range(4)
    )
    assert "13800001111" not in shown and "19500101" not in shown


def test_choosing_a_result_moves_the_navigation_to_its_screen(window, qtbot):
    case, talk = _fill(window.database)
    navigation = window.navigation
    for key, text, group, opened in (
        ("warnings", "王秀英", "Warnings", lambda: window.page("warnings").selected_id == case),
        ("talks", "夜校", "Talks", lambda: window.page("talks").selected.id == talk),
    ):
        window.show_page("today")
        panel = _results(qtbot, window, text)
        assert navigation.currentRow() == window.page_keys.index("today")
        panel._activated(_group(panel, group).child(0))
        assert navigation.currentRow() == window.page_keys.index(key), key
        assert navigation.currentItem().isSelected()
        assert window.stack.currentWidget() is window.page(key) and opened()
    # Chosen from results shown over the very screen it opens on: it still comes to the front.
    panel = _results(qtbot, window, "秀")
    assert window.stack.currentWidget() is panel
    panel._activated(_group(panel, "Talks").child(0))
    assert window.stack.currentWidget() is window.page("talks")
    assert navigation.currentRow() == window.page_keys.index("talks")


def test_persons_abroad_and_card_sellers_are_groups_of_their_own(window, qtbot):
    from datetime import date

    from desktop.domain import card_sellers, return_cases

    database = window.database
    card = card_sellers.add_card_seller(
        database, {"name": "蓝秀梅", "mobile": "13900139000", "card_kind": "bank_card",
                   "source": "upper_level"}, new_person=True, today=date(2026, 11, 20),
    )  # fmt: skip
    case = return_cases.list_person(
        database, {"name": "蓝秀兰", "mobile": "13900139001", "location": "cambodia",
                   "lead_source": "upper_level", "category": "high_risk"},
        today=date(2026, 11, 20),
    )  # fmt: skip
    panel = _results(qtbot, window, "蓝秀")
    assert _groups(panel) == {"Persons abroad (1)": ["蓝某"], "Card sellers (1)": ["蓝某"]}
    opened = []
    panel.open_return_case.connect(opened.append)
    panel.open_card_seller.connect(opened.append)
    for group in range(2):
        panel._activated(panel.tree.topLevelItem(group).child(0))
    assert sorted(opened) == sorted([case, card])
    # The window opens each on its own screen, the name still masked.
    groups = [panel.tree.topLevelItem(g).text(0) for g in range(2)]
    panel._activated(panel.tree.topLevelItem(groups.index("Persons abroad (1)")).child(0))
    assert window.stack.currentWidget() is window.page("returns")
    assert window.page("returns").case.case_id == case
    panel = _results(qtbot, window, "蓝秀")
    panel._activated(panel.tree.topLevelItem(groups.index("Card sellers (1)")).child(0))
    assert window.stack.currentWidget() is window.page("cards")
    assert window.page("cards").selected_id == card
    from PySide6.QtWidgets import QLabel

    shown = " ".join(label.text() for label in window.page("cards").record.findChildren(QLabel))
    assert "蓝某" in shown and "蓝秀梅" not in shown


def test_a_community_is_found_by_name_with_its_fraud_free_status(window, qtbot):
    from desktop.core import clock
    from desktop.domain import community_visits, fraud_free

    database = window.database
    area = database.scalar("SELECT id FROM areas WHERE name = '新建社区'")
    community_visits.set_households(database, area, 320)
    panel = _results(qtbot, window, "新建")
    assert _groups(panel)["Communities (1)"] == ["新建社区"]
    group = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                 if panel.tree.topLevelItem(i).text(0) == "Communities (1)")  # fmt: skip
    line = [group.child(0).text(column) for column in range(4)]
    assert line[:3] == ["新建社区", "Fraud-free: Not taking part", "金城江街道 · 金城江区"]
    assert line[3].startswith("320 household")  # its English plural comes with translations
    fraud_free.record_status(database, area, "creating", clock.today(), today=clock.today())
    panel = _results(qtbot, window, "新建社")
    group = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                 if panel.tree.topLevelItem(i).text(0) == "Communities (1)")  # fmt: skip
    assert group.child(0).text(1).startswith("Fraud-free: Creating  ")
    opened = []
    panel.open_community.connect(opened.append)
    panel._activated(group.child(0))
    assert opened == [area]
    # A whole mobile finds people, never a community by the digits in its name.
    assert "communities" in panel.results.hits
    assert _results(qtbot, window, "13800138000").results.hits["communities"] == []


def test_the_search_picture_shows_the_name_most_residents_share(window, qtbot):
    from desktop.ui import screenshot

    _fill(window.database)  # 王秀英, and a talk
    for name, mobile in (("覃小燕", "13800001111"), ("覃小燕", "13900002222")):
        warnings.intake(window.database, {"name": name, "mobile": mobile, "source": "bank",
                                          "level": "low", "received_at": NOW}, now=NOW)  # fmt: skip
    assert screenshot.VIEWS["search"](window, None) is window
    panel = window.search_panel
    assert window.stack.currentWidget() is panel and window.search_box.text() == "覃小燕"
    assert panel.results is not None and len(panel.results.hits["residents"]) == 2


def test_the_first_search_of_many_records_says_how_far_the_index_is(window, qtbot, monkeypatch):
    """Records written since the last search are indexed first, in batches: the box says how
    many of how many, so a minute's first build of a large file is not taken for a hang."""
    from desktop.domain import search
    from desktop.ui import search as search_panel

    _fill(window.database)
    for number in range(4):
        warnings.intake(
            window.database,
            {"name": f"覃{number}妹", "mobile": f"1390000{number:04d}", "source": "bank",
             "level": "low", "received_at": NOW},
            now=NOW,
        )  # fmt: skip
    monkeypatch.setattr(search, "_BATCH", 2)
    monkeypatch.setattr(search_panel, "INDEXING_SHOWN_FROM", 1)
    said = []
    monkeypatch.setattr(
        search_panel.SearchPanel,
        "_indexing",
        lambda _panel, done, total: said.append((done, total)),
    )
    window.search_box.setText("秀")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.results is not None and not panel.loading, timeout=10_000)
    assert said[0][0] < said[0][1] and said[-1][0] == said[-1][1]  # some way in, then all
    assert [done for done, _total in said] == sorted(done for done, _total in said)
    said.clear()
    window.search_box.setText("秀水")  # nothing written since: nothing to say
    qtbot.waitUntil(lambda: panel.results.text == "秀水" and not panel.loading, timeout=10_000)
    assert said == []


def test_the_index_progress_reads_as_records_done_of_all(window, qtbot):
    _results(qtbot, window, "秀")
    panel = window.search_panel
    panel._indexing(40_000, 1_000_000)
    assert (
        panel.state.text() == "Bringing the search index up to date: 40,000 of 1,000,000 records…"
    )
    panel._indexing(5, 10)  # a moment's work is not announced
    assert "40,000" in panel.state.text()
