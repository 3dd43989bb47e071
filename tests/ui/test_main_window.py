from desktop.storage import areas as area_store
from desktop.storage.database import open_database
from desktop.ui.main_window import ActionId


def test_window_shows_navigation_and_status(window, db_path):
    assert window.navigation.count() == len(window.page_keys) == 5
    assert [key for key, _page in window.pages] == ["today"]  # the others are built when shown
    assert [window.navigation.item(r).text() for r in range(5)] == [
        "Today",
        "Outreach talks",
        "Warnings",
        "Reports",
        "Areas & people",
    ]
    assert window.stack.currentWidget() is window.today_page
    assert str(db_path) in window.status_path.text()
    assert window.counts == {"areas": 3, "officers": 0, "residents": 0, "warnings": 0, "talks": 0}
    assert window.status_counts.text().startswith("3 areas · 0 officers")
    assert window.status_backup.text() == "Last backup: none yet"


def test_every_action_has_a_text_and_a_handler(window):
    for action_id, action in window.actions.items():
        assert action.text(), action_id
        assert action.receivers("2triggered()") >= 1, action_id


def test_language_switch_retranslates_at_run_time(window, app):
    window.show_page("areas")
    window.translations.install("zh_CN")
    assert window.navigation.item(4).text() == "辖区与人员"
    assert window.areas_page.tabs.tabText(1) == "人员"
    assert "县（区）" in window.areas_page.tree_tab.tree.topLevelItem(0).text(1)
    window.translations.install("en")
    assert window.navigation.item(4).text() == "Areas & people"


def test_switching_database_reloads_pages(window, tmp_path, qtbot):
    other = tmp_path / "other.sqlite3"
    database = open_database(other)
    area_store.add_area(database, name="宜州区", level="county")
    database.close()
    window.show_page("areas")
    assert window.switch_database(other)
    tree = window.areas_page.tree_tab.tree
    assert tree.topLevelItemCount() == 1 and tree.topLevelItem(0).text(0) == "宜州区"
    qtbot.waitUntil(lambda: window.counts is not None and window.counts["areas"] == 1)


def test_switching_to_a_broken_file_keeps_the_current_database(window, tmp_path, capsys):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"garbage" * 100)
    assert not window.switch_database(broken)
    assert window.database.path.name == "station.sqlite3"
    assert "not SQLite" in capsys.readouterr().err
    assert broken.read_bytes() == b"garbage" * 100


def test_settings_are_saved_to_the_database_and_audited(window):
    dialog = window.open_settings()
    dialog.station_name.setText("金城江派出所")
    dialog.station_phone.setText("0778 228 1234")
    assert dialog.save()
    assert window.database.get_meta("station_name") == "金城江派出所"
    assert window.database.get_meta("station_phone") == "0778-2281234"
    assert window.database.scalar("SELECT count(*) FROM audit WHERE action = 'settings'") == 1
    assert "金城江派出所" in window.windowTitle()


def test_settings_reject_a_bad_phone_and_save_nothing(window):
    dialog = window.open_settings()
    dialog.station_phone.setText("12345")
    assert not dialog.save()
    assert dialog.error.isVisibleTo(dialog)
    assert window.database.get_meta("station_phone") is None


def test_settings_language_switch(window):
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.save()
    assert window.translations.language == "zh_CN"
    assert window.actions[ActionId.SETTINGS].text().startswith("设置")
    window.translations.install("en")


def test_open_demo_database_fills_it_on_the_worker_and_switches(window, qtbot, data_dir):
    task = window.fill_demo_database()
    assert task is not None  # a new demo database is filled off the GUI thread
    window.show_page("areas")
    qtbot.waitUntil(lambda: window.database.path == data_dir / "demo.sqlite3", timeout=30_000)
    qtbot.waitUntil(lambda: window.counts is not None and window.counts["warnings"] > 1000)
    assert window.areas_page.tree_tab.tree.topLevelItemCount() == 11
    # The second time the filled database is simply opened.
    assert window.fill_demo_database() is None


def test_cancelled_demo_leaves_an_empty_database_and_the_current_one_open(window, qtbot, data_dir):
    task = window.fill_demo_database()
    task.cancel()
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    assert window.database.path.name == "station.sqlite3"
    database = open_database(data_dir / "demo.sqlite3")
    assert database.is_empty()
    database.close()


def test_settings_show_the_language_on_screen(window):
    dialog = window.open_settings()
    assert dialog.chosen_language() == "en"  # the window runs in English; nothing saved says so


def test_counts_arriving_after_close_are_ignored(app, qtbot, db_path):
    from desktop.settings import Settings
    from desktop.ui.main_window import MainWindow

    # Not given to qtbot: the window deletes itself when closed.
    main = MainWindow(open_database(db_path), Settings(), app._outreach_translations)
    main.show()
    task = main.refresh_status()
    main.runner.wait()  # blocks without processing events: the result stays queued
    assert task.done
    main.close()
    qtbot.wait(20)  # delivering it now must not touch the closed database


def test_time_limits_are_set_in_settings(window):
    from desktop.storage import warnings as warning_store

    dialog = window.open_settings()
    contact, visit = dialog.limit_boxes["high"]
    assert (contact.value(), visit.value()) == (10, 60)  # the shipped examples
    contact.setValue(90)  # longer than the visit limit: refused
    assert not dialog.save()
    assert "visit limit" in dialog.error.text()
    contact.setValue(5)
    assert dialog.save()
    assert warning_store.time_limits(window.database)["high"].first_contact == 5


def test_follow_up_days_are_set_in_settings(window):
    from desktop.storage import audit
    from desktop.storage import warnings as warning_store

    dialog = window.open_settings()
    assert dialog.follow_up_days.text() == "1, 7"
    dialog.follow_up_days.setText("3, x")
    assert not dialog.save()
    assert "follow-up days" in dialog.error.text()
    assert warning_store.follow_up_days_of(window.database) == (1, 7)  # nothing half-saved
    dialog.follow_up_days.setText("2, 14")
    assert dialog.save()
    assert warning_store.follow_up_days_of(window.database) == (2, 14)
    assert "follow-up days" in audit.recent(window.database)[0]["summary"]


def test_backup_settings_refuse_a_folder_that_cannot_be_written(window, tmp_path):
    from desktop.settings import BACKUP_FOLDER, BACKUP_WEEKLY

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    dialog = window.open_settings()
    dialog.backup_folder.setText(str(blocker / "backups"))
    assert not dialog.save()
    assert "cannot be written" in dialog.error.text()
    assert window.settings.get(BACKUP_FOLDER) == ""
    dialog.backup_folder.setText(str(tmp_path / "usb"))
    dialog.keep_boxes[1][1].setValue(8)
    assert dialog.save()
    assert window.settings.get(BACKUP_WEEKLY) == 8
    assert window.settings.backup_folder(window.database.path).parent == tmp_path / "usb"
    window.settings.set(BACKUP_FOLDER, "")
    window.settings.set(BACKUP_WEEKLY, 4)


def test_retention_period_is_set_in_settings(window):
    from desktop.storage import retention

    dialog = window.open_settings()
    assert dialog.retention_years.value() == 3
    assert dialog.purge_now() == 0 and "0 residents" in dialog.error.text()
    dialog.retention_years.setValue(5)
    assert dialog.save()
    assert retention.retention_years(window.database) == 5
