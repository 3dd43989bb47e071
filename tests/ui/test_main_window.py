import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QWidget

from desktop.db.opening import open_database
from desktop.domain import areas as area_store
from desktop.domain import follow_ups as follow_up_store
from desktop.ui.main_window import ActionId
from desktop.ui.pages import PAGES


def test_window_shows_navigation_and_status(window, db_path):
    assert window.navigation.count() == len(window.page_keys) == len(PAGES)
    assert [key for key, _page in window.pages] == ["today"]  # the others are built when shown
    assert [window.navigation.item(r).text() for r in range(len(PAGES))] == [
        "Today",
        "Outreach talks",
        "Warnings",
        "Return persuasion",
        "Card sellers",
        "Fraud-free communities",
        "Reports",
        "Areas & people",
    ]
    assert window.stack.currentWidget() is window.today_page
    assert window.stack.count() == 1  # a page joins the stack when it is built
    window.navigation.setCurrentRow(2)
    assert window.stack.currentWidget() is window.page("warnings") and window.stack.count() == 2
    window.navigation.setCurrentRow(0)
    assert window.stack.currentWidget() is window.today_page
    assert str(db_path) in window.status_path.text()
    assert window.counts == {"areas": 3, "officers": 0, "residents": 0, "warnings": 0, "talks": 0}
    assert window.status_counts.text().startswith("3 areas · 0 officers")
    assert window.status_backup.text() == "Last backup: none yet"
    for label in (window.status_path, window.status_counts, window.status_backup):  # to copy
        assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse


def test_every_action_has_a_text_and_a_handler(window):
    for action_id, action in window.actions.items():
        assert action.text(), action_id
        assert action.receivers("2triggered()") >= 1, action_id


def test_language_switch_retranslates_at_run_time(window, app):
    window.show_page("areas")
    areas = window.page_keys.index("areas")
    window.translations.install("zh_CN")
    assert window.navigation.item(areas).text() == "辖区与人员"
    assert window.areas_page.tabs.tabText(1) == "人员"
    assert "县（区）" in window.areas_page.tree_tab.tree.topLevelItem(0).text(1)
    window.translations.install("en")
    assert window.navigation.item(areas).text() == "Areas & people"


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


def test_switching_to_a_file_whose_mark_cannot_be_written_keeps_the_current_database(
    window, tmp_path, capsys
):
    from desktop.db import instance

    other = tmp_path / "other.sqlite3"
    open_database(other).close()
    instance.marker_path(other).mkdir()
    assert not window.switch_database(other)
    assert window.database.path.name == "station.sqlite3"
    assert window.database.scalar("SELECT count(*) FROM areas") > 0  # still open, still read
    assert f"Cannot write {instance.marker_path(other)}" in capsys.readouterr().err


def test_settings_are_saved_to_the_database_and_audited(window):
    dialog = window.open_settings()
    dialog.station_name.setText("金城江派出所")
    dialog.station_phone.setText("0778 228 1234")
    assert dialog.save()
    assert window.database.get_meta("station_name") == "金城江派出所"
    assert window.database.get_meta("station_phone") == "0778-2281234"
    assert window.database.scalar("SELECT count(*) FROM audit WHERE action = 'settings'") == 1
    assert "金城江派出所" in window.windowTitle()


def test_the_station_time_zone_is_set_in_settings_and_audited(window):
    from desktop.core import clock

    dialog = window.open_settings()
    assert dialog.station_zone.currentData() == "Asia/Shanghai"
    dialog.station_zone.setCurrentIndex(dialog.station_zone.findData("Asia/Urumqi"))
    try:
        assert dialog.save()
        assert window.database.get_meta("station_time_zone") == "Asia/Urumqi"
        assert clock.station_zone_name() == "Asia/Urumqi"
        assert "station time zone" in window.database.scalar(
            "SELECT summary FROM audit WHERE action = 'settings'"
        )
    finally:
        clock.use_station_zone(None)


def test_settings_reject_a_bad_phone_and_save_nothing(window):
    dialog = window.open_settings()
    dialog.station_phone.setText("12345")
    assert not dialog.save()
    assert dialog.error.isVisibleTo(dialog)
    assert window.database.get_meta("station_phone") is None


@pytest.mark.parametrize("name", ["城关派出所\t二组", "派" * 301])
def test_settings_reject_a_station_name_no_package_could_carry(window, name):
    """Printed on every document and carried in every package, where a county would refuse it."""
    dialog = window.open_settings()
    dialog.station_name.setText(name)
    assert not dialog.save() and dialog.error.text().startswith("Station name:")
    assert window.database.get_meta("station_name") is None


def test_each_page_of_settings_fits_a_laptop_screen_unscrolled(window, app, qtbot):
    """1,366 × 768: every row of every page in view, none below the fold; a station name
    refused while another page is shown brings its page to the front."""
    window.resize(1366, 768)
    dialog = window.open_settings()
    dialog.resize(dialog.sizeHint().boundedTo(QSize(1366, 728)))  # a taskbar below
    dialog.show()
    qtbot.waitExposed(dialog)
    for index in range(dialog.pages.count()):
        dialog.pages.setCurrentIndex(index)
        page = dialog.pages.currentWidget()
        assert not page.verticalScrollBar().isVisible(), dialog.pages.tabText(index)
    dialog.station_name.setText("城关派出所\t二组")
    assert not dialog.save()
    assert dialog.pages.currentIndex() == 0 and dialog.focusWidget() is dialog.station_name
    dialog.reject()


def test_refused_time_limits_bring_their_page_forward(window):
    dialog = window.open_settings()
    contact, visit = dialog.limit_boxes["high"]
    contact.setValue(120)
    visit.setValue(60)  # a visit limit shorter than the first contact's: refused
    assert not dialog.save()
    assert dialog.pages.currentWidget().isAncestorOf(contact)
    assert dialog.focusWidget() is next(iter(dialog.limit_boxes.values()))[0]
    dialog.reject()


def test_settings_language_switch(window):
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.save()
    assert window.translations.language == "zh_CN"
    assert window.actions[ActionId.SETTINGS].text().startswith("设置")
    window.translations.install("en")


def test_open_demo_database_fills_it_on_the_worker_and_switches(window, qtbot, data_dir):
    task = window.workflows.fill_demo_database()
    assert task is not None  # a new demo database is filled off the GUI thread
    window.show_page("areas")
    qtbot.waitUntil(lambda: window.database.path == data_dir / "demo.sqlite3", timeout=30_000)
    qtbot.waitUntil(lambda: window.counts is not None and window.counts["warnings"] > 1000)
    assert window.areas_page.tree_tab.tree.topLevelItemCount() == 11
    # The second time the filled database is simply opened.
    assert window.workflows.fill_demo_database() is None


def test_cancelled_demo_leaves_an_empty_database_and_the_current_one_open(window, qtbot, data_dir):
    task = window.workflows.fill_demo_database()
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
    from desktop.domain import warnings as warning_store

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
    from desktop.db import audit

    dialog = window.open_settings()
    assert dialog.follow_up_days.text() == "1, 7"
    dialog.follow_up_days.setText("3, x")
    assert not dialog.save()
    assert "follow-up days" in dialog.error.text()
    # The refused value's page is put in front, wherever the officer was.
    assert dialog.pages.currentWidget().isAncestorOf(dialog.follow_up_days)
    assert follow_up_store.follow_up_days_of(window.database) == (1, 7)  # nothing half-saved
    dialog.follow_up_days.setText("2, 14")
    assert dialog.save()
    assert follow_up_store.follow_up_days_of(window.database) == (2, 14)
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
    from desktop.domain import retention

    dialog = window.open_settings()
    assert dialog.retention_years.value() == 3
    assert dialog.purge_now() == 0 and "0 residents" in dialog.error.text()
    dialog.retention_years.setValue(5)
    assert dialog.save()
    assert retention.retention_years(window.database) == 5


def test_stored_numbers_past_their_boxes_open_at_the_nearest_allowed(window, qtbot):
    """A database written elsewhere may hold a number no box can show: the dialogs open."""
    from desktop.db.password import META_IDLE_MINUTES
    from desktop.domain import retention
    from desktop.ui.lock import PasswordDialog

    window.database.set_meta(retention.META_RETENTION_YEARS, str(10**29))
    window.database.set_meta(META_IDLE_MINUTES, str(10**29))
    assert window.open_settings().retention_years.value() == 30
    dialog = PasswordDialog(window.database, window)
    qtbot.addWidget(dialog)
    assert dialog.idle.value() == 240


# -- the frequent actions, one key each ---------------------------------------------------------
def test_the_frequent_actions_have_their_keys(window):
    from PySide6.QtGui import QKeySequence

    from desktop.ui.main_window import ActionId

    keys = {
        action_id: window.actions[action_id].shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for action_id in (ActionId.NEW_WARNING, ActionId.LOG_CONTACT, ActionId.NEW_TALK,
                          ActionId.PRINT, ActionId.FIND)
    }  # fmt: skip
    assert keys == {
        ActionId.NEW_WARNING: "Ctrl+N",
        ActionId.LOG_CONTACT: "Ctrl+L",
        ActionId.NEW_TALK: "Ctrl+T",
        ActionId.PRINT: "Ctrl+P",
        ActionId.FIND: "Ctrl+F",
    }
    quit_key = (
        window.actions[ActionId.QUIT].shortcut().toString(QKeySequence.SequenceFormat.PortableText)
    )
    assert quit_key == "Ctrl+Q"  # on every system (Qt's standard Quit key is none on Windows)
    every = [a.shortcut().toString() for a in window.findChildren(QAction)]
    every = [key for key in every if key]
    assert len(every) == len(set(every)), "two actions share a key"


def test_keys_open_the_intake_and_the_talk_form(window, qtbot, monkeypatch):
    from PySide6.QtTest import QTest

    from desktop.ui.talks.editor import TalkDialog
    from desktop.ui.warnings.intake import IntakeDialog

    opened = []
    monkeypatch.setattr(IntakeDialog, "exec", lambda dialog: opened.append("intake") or 0)
    monkeypatch.setattr(TalkDialog, "exec", lambda dialog: opened.append("talk") or 0)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page("warnings")
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page("talks")
    assert opened == ["intake", "talk"]


def test_ctrl_l_logs_an_attempt_with_two_keys(window, warned):
    from desktop.ui.warnings.case import QUICK_CONTACTS

    page, warning_id = warned
    page.case.note.setText("对方占线，转上门")
    menu = window.log_contact()
    assert page.case.warning_id == warning_id  # the most urgent case was chosen
    assert [a.text().split("  ", 1)[0] for a in menu.actions()] == [
        f"&{n}" for n in range(1, len(QUICK_CONTACTS) + 1)
    ]
    menu.actions()[0].trigger()  # "&1  Called – busy"
    rows = [
        dict(row) for row in window.database.query("SELECT method, result, notes FROM contacts")
    ]
    assert rows == [{"method": "phone", "result": "busy", "notes": "对方占线，转上门"}]


def test_ctrl_l_without_an_open_warning_says_so(window):
    assert window.log_contact() is None
    assert "No warning" in window.statusBar().currentMessage()


def test_print_follows_the_screen_shown(window, warned, monkeypatch):
    from desktop.ui.main_window import ActionId

    shown = []
    monkeypatch.setattr(
        "desktop.ui.print_preview.preview_warning_document",
        lambda parent, database, runner, kind, warning_id: (
            shown.append((kind, warning_id)) or "preview"
        ),
    )
    monkeypatch.setattr(
        "desktop.ui.print_preview.preview_schedule",
        lambda parent, database, runner, first, last: (
            shown.append(("schedule", first)) or "preview"
        ),
    )
    _page, warning_id = warned
    window.show_page("today")
    assert not window.actions[ActionId.PRINT].isEnabled()  # Today has no printout
    window.show_page("warnings")
    assert window.actions[ActionId.PRINT].isEnabled()
    window.actions[ActionId.PRINT].trigger()  # no case chosen: the most urgent one's notice
    window.show_page("talks")
    window.actions[ActionId.PRINT].trigger()  # no talk chosen: the period's schedule
    assert shown[0] == ("notice", warning_id) and shown[1][0] == "schedule"


def test_print_with_nothing_to_print_says_so(window, qtbot):
    page = window.show_page("warnings")
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert window.print_current() is None
    assert "Nothing to print" in window.statusBar().currentMessage()


def test_a_work_key_during_a_search_shows_its_screen(window, monkeypatch):
    from desktop.ui.talks.editor import TalkDialog

    monkeypatch.setattr(TalkDialog, "exec", lambda dialog: 0)
    window.search_box.setText("韦某")
    window.new_talk()
    assert window.search_box.text() == "" and window.stack.currentWidget() is window.page("talks")


def test_ctrl_digits_go_to_the_screens(window):
    for row, action in enumerate(window.page_actions):
        assert action.shortcut().toString() == f"Ctrl+{row + 1}"
        action.trigger()
        assert window.navigation.currentRow() == row
        assert window.stack.currentWidget() is window.page(window.page_keys[row])


# -- a larger text size --------------------------------------------------------------------------
def test_text_size_is_applied_at_once_and_kept(window, app, qtbot):
    from desktop.settings import TEXT_SIZE
    from desktop.ui.app import apply_text_size

    base = app._outreach_base_point_size
    page = window.show_page("warnings")
    clock_before = page.model.clock_font().pointSizeF()
    nav_before = window.navigation.font().pointSizeF()
    width_before = window.navigation.width()
    dialog = window.open_settings()
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(150))
    try:
        assert dialog.save()
        assert window.settings.get(TEXT_SIZE) == 150
        assert app.font().pointSizeF() == pytest.approx(base * 1.5)
        assert window.navigation.font().pointSizeF() == pytest.approx(nav_before * 1.5)
        assert page.model.clock_font().pointSizeF() == pytest.approx(clock_before * 1.5)
        assert window.navigation.width() == round(width_before * 1.25)  # grows, within bounds
        clock_width = QFontMetrics(page.model.clock_font()).horizontalAdvance("9d 23:59")
        assert page.queue.horizontalHeader().sectionSize(0) >= clock_width + 12
        assert window.today_page.streak.font().bold()  # a heading keeps its weight
    finally:
        apply_text_size(app, 100)
    assert window.navigation.font().pointSizeF() == pytest.approx(nav_before)


# -- every text follows a change of language ---------------------------------------------------
def _catalogue_sources() -> set[str]:
    import xml.etree.ElementTree as ET

    from desktop.i18n import catalogue_path

    ts = catalogue_path("zh_CN").with_suffix(".ts")
    return {
        message.find("source").text
        for message in ET.parse(ts).getroot().iter("message")
        if message.get("numerus") != "yes"
    }


def _shown_texts(window):
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QTabWidget

    texts = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        texts.append(widget.toolTip())
    texts += [action.text() for action in window.findChildren(QAction)]
    navigation = getattr(window, "navigation", None)
    if navigation is not None:
        texts += [navigation.item(row).text() for row in range(navigation.count())]
    return [text for text in texts if text]


def test_every_screen_speaks_chinese_after_a_switch_at_run_time(window, qtbot):
    """Built in English, switched to Chinese while running: each screen, as it is next shown,
    holds no text of the catalogue still in English."""
    for key in window.page_keys:  # every page built and shown once, in English
        window.show_page(key)
        qtbot.wait(10)
    english = _catalogue_sources()
    before = [text for text in _shown_texts(window) if text in english]
    assert len(before) > 50  # the check sees the texts it is about
    window.translations.install("zh_CN")
    left = set()
    for key in window.page_keys:
        window.show_page(key)
        qtbot.wait(10)
        left |= {text for text in _shown_texts(window.page(key)) if text in english}
    chrome = [action.text() for action in window.actions.values()]
    chrome += [menu.title() for menu in (window.file_menu, window.work_menu, window.go_menu,
                                         window.exchange_menu, window.help_menu)]  # fmt: skip
    chrome += [window.navigation.item(row).text() for row in range(window.navigation.count())]
    chrome += [window.search_box.placeholderText(), window.status_counts.text()]
    left |= {text for text in chrome if text in english}
    window.translations.install("en")
    assert sorted(left) == [], "these texts stayed in English after switching to Chinese"


def test_every_screen_fits_a_1366_pixel_laptop_at_the_largest_text(window, app, qtbot):
    from desktop.ui.app import apply_text_size

    try:
        apply_text_size(app, 150)
        for key in window.page_keys:
            window.show_page(key)
            qtbot.wait(10)
        window.show_page("talks").set_view("week")
        qtbot.wait(10)
        assert window.minimumSizeHint().width() <= 1366
    finally:
        apply_text_size(app, 100)


def test_the_pages_and_the_close_read_the_database_off_the_gui_thread(window, qtbot, monkeypatch):
    import threading

    from desktop.db import backups
    from desktop.settings import BACKUP_ON_CLOSE
    from desktop.ui import tasks

    opened_on, checked_on = [], []
    real_open, real_check = tasks.open_database, backups.quick_check

    def recording_open(path, **options):
        opened_on.append(threading.get_ident())
        return real_open(path, **options)

    def recording_check(conn):
        checked_on.append(threading.get_ident())
        return real_check(conn)

    monkeypatch.setattr(tasks, "open_database", recording_open)
    monkeypatch.setattr(backups, "quick_check", recording_check)
    for key in window.page_keys:
        window.show_page(key)
    window.search_box.setText("新建")
    window.refresh_status()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10_000)
    window.runner.shutdown()  # as closing does, before its check
    window.settings.set(BACKUP_ON_CLOSE, False)  # without a backup, the close checks the file
    assert window.workflows.check_and_back_up(wrote=True) == []
    gui = threading.get_ident()
    assert len(opened_on) >= 5 and gui not in opened_on
    assert checked_on and gui not in checked_on


def test_switching_to_a_database_left_open_checks_it_whole_first(
    window, tmp_path, monkeypatch, capsys
):
    """As at a start: a file whose program stopped without closing is checked whole before
    anything opens it for writing, and a damaged one is moved aside, not opened."""
    from desktop.db import backups, instance

    checked = []
    for name, problems in (("sound.sqlite3", []), ("damaged.sqlite3", ["*** page 7 ***"])):
        other = tmp_path / name
        open_database(other).close()
        instance.marker_path(other).write_text("4194305 2026-12-01T08:00:00+08:00\n")
        monkeypatch.setattr(
            backups,
            "verify_file",
            lambda path, key=None, found=problems: checked.append(path) or found,
        )
        switched = window.switch_database(other)
        assert (switched, checked[-1]) == (not problems, other)
    assert window.database.path.name == "sound.sqlite3"  # kept, the damaged one refused
    assert not (tmp_path / "damaged.sqlite3").exists()  # moved aside unchanged
    assert "damaged.sqlite3" in capsys.readouterr().err


def test_the_settings_made_as_narrow_as_they_go_still_show_every_field_whole(app, window, qtbot):
    """English at 150% text: a field too wide beside its long label goes on the line below
    it, and the dialog cannot be made narrower than that (it could, to 600 pixels, cutting
    the backups' row in half)."""
    from desktop.ui.app import apply_text_size

    try:
        apply_text_size(app, 150)
        dialog = window.open_settings()
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.show_field(dialog.backup_folder)
        dialog.resize(300, dialog.height())  # as narrow as it will go
        fields = [dialog.backup_on_close, dialog.backup_folder, dialog.choose_folder]
        fields += [box for _option, box in dialog.keep_boxes]

        def whole() -> bool:
            page = dialog.pages.currentWidget().viewport()
            return all(
                f.width() >= f.minimumSizeHint().width()
                and f.mapTo(page, f.rect().topRight()).x() < page.width()
                for f in fields
            )

        qtbot.waitUntil(whole)
        assert dialog.width() < 1000  # the long rows took a second line
        dialog.reject()
    finally:
        apply_text_size(app, 100)


def test_on_a_narrow_window_the_status_bar_s_counts_show_whole_and_the_path_gives_way(
    window, qtbot
):
    window.resize(900, 700)
    qtbot.waitUntil(lambda: window.counts is not None)
    counts, path = window.status_counts, window.status_path

    def whole() -> bool:
        return (
            counts.width() >= counts.sizeHint().width() and path.width() < path.sizeHint().width()
        )

    qtbot.waitUntil(whole)
    assert path.toolTip() == path.text() and str(window.database.path.name) in path.text()


def test_the_settings_open_tall_enough_for_their_rows_on_a_second_line(app, window, qtbot):
    """English at 150% text with a long officer's name: at the width the screen leaves, long
    rows go on a second line, and the dialog opens that much taller (up to the screen), not
    with its first page scrolled."""
    from desktop.db.database import META_CURRENT_OFFICER
    from desktop.domain import officers as officer_store
    from desktop.ui.app import apply_text_size
    from desktop.ui.widgets import FormScroll

    officer = officer_store.add_officer(
        window.database, {"name": "罗阳涛", "badge_number": "763774",
                          "unit": "金城江区公安分局金城江派出所城东警务室社区警务组"},
    )  # fmt: skip
    window.database.set_meta(META_CURRENT_OFFICER, officer)
    try:
        apply_text_size(app, 150)
        dialog = window.open_settings()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        room = dialog.screen().availableGeometry().height()
        forms = dialog.findChildren(FormScroll)
        assert max(form.lacking() for form in forms) <= 0 or dialog.height() == room
        bar = dialog.pages.currentWidget().verticalScrollBar()
        qtbot.waitUntil(lambda: not bar.isVisible())
        dialog.reject()
    finally:
        apply_text_size(app, 100)
