"""Closing checks and backs up; a damaged file found at start is moved aside and restored."""

import sqlite3

import pytest
from tampering import tamper_audit  # tests/tampering.py

from desktop.db import backups, instance
from desktop.db.opening import open_database
from desktop.domain import warnings as warning_store
from desktop.settings import Settings
from desktop.ui import app as app_module
from desktop.ui.main_window import MainWindow


def _window(app, qtbot, path):
    main = MainWindow(open_database(path), Settings(), app._outreach_translations)
    qtbot.addWidget(main)
    main.show()
    return main


def test_closing_checks_and_backs_up_only_when_something_changed(app, qtbot, tmp_path):
    path = tmp_path / "station.sqlite3"
    instance.mark_open(path)
    main = _window(app, qtbot, path)
    warning_store.intake(main.database, {"source": "bank", "level": "high", "name": "罗某某",
                                         "mobile": "13812345678"})  # fmt: skip
    main.close()
    assert main.clean_close and not instance.was_left_open(path)
    folder = Settings().backup_folder(path)
    [first] = backups.list_backups(folder)
    assert not backups.verify_file(first)
    again = _window(app, qtbot, path)
    assert "Last backup:" in again.status_backup.text() and "none" not in again.status_backup.text()
    again.close()
    assert backups.list_backups(folder) == [first]  # nothing changed: no new backup


def test_a_session_that_wrote_nothing_closes_without_a_check_or_a_backup(
    app, qtbot, tmp_path, monkeypatch
):
    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    warning_store.intake(database, {"source": "bank", "level": "high", "name": "罗某某",
                                    "mobile": "13812345678"})  # fmt: skip
    database.close()  # changed, never backed up: yet this session only reads
    instance.mark_open(path)
    checked = []
    monkeypatch.setattr(backups, "quick_check", lambda conn: checked.append(conn) or [])
    monkeypatch.setattr(backups, "make_backup", lambda *a, **k: checked.append("backup"))
    main = _window(app, qtbot, path)
    for key in main.page_keys:
        main.show_page(key)
    qtbot.waitUntil(lambda: not main.runner.busy(), timeout=10_000)
    main.close()
    assert checked == [] and main.clean_close and not instance.was_left_open(path)


def test_the_backup_on_close_is_the_check(app, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "station.sqlite3"
    instance.mark_open(path)
    main = _window(app, qtbot, path)
    warning_store.intake(main.database, {"source": "bank", "level": "high", "name": "罗某某",
                                         "mobile": "13812345678"})  # fmt: skip
    quick = []
    monkeypatch.setattr(backups, "quick_check", lambda conn: quick.append(conn) or [])
    main.close()
    assert not main.isVisible()
    assert main.clean_close and quick == []  # the backup read every page of its copy
    assert len(backups.list_backups(Settings().backup_folder(path))) == 1


def test_a_failed_check_keeps_the_marker_and_makes_no_backup(app, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "station.sqlite3"
    instance.mark_open(path)
    main = _window(app, qtbot, path)
    warning_store.intake(main.database, {"source": "bank", "level": "high", "name": "罗某某",
                                         "mobile": "13812345678"})  # fmt: skip
    monkeypatch.setattr(backups, "verify_file", lambda path, key=None: ["*** page 7 ***"])
    monkeypatch.setattr(backups, "quick_check", lambda conn: ["*** in database main ***"])
    main.close()
    assert not main.clean_close and main.close_problems == ["*** in database main ***"]
    assert instance.was_left_open(path)  # the next start checks the whole file
    assert backups.list_backups(Settings().backup_folder(path)) == []


def test_without_a_backup_on_close_a_writing_session_is_quick_checked_read_only(
    app, qtbot, tmp_path, monkeypatch, data_dir
):
    from desktop.db import sqlite as driver
    from desktop.settings import BACKUP_ON_CLOSE

    path = tmp_path / "station.sqlite3"
    instance.mark_open(path)
    main = _window(app, qtbot, path)
    backups.backup_now(main.database, Settings().backup_folder(path))
    main.settings.set(BACKUP_ON_CLOSE, False)
    warning_store.intake(main.database, {"source": "bank", "level": "high", "name": "罗某某",
                                         "mobile": "13812345678"})  # fmt: skip
    writable = []

    def check(conn):
        try:
            conn.execute("CREATE TABLE probe (x)")
            writable.append(True)
        except driver.Error:
            writable.append(False)
        return []

    monkeypatch.setattr(backups, "quick_check", check)
    main.close()
    assert writable == [False] and main.clean_close
    assert len(backups.list_backups(Settings().backup_folder(path))) == 1  # the earlier one
    # The next start owes the session's backup only to an officer who wants one after every
    # change (as when a close was cut off before its backup); else it waits for a day.
    reopened = open_database(path)
    assert backups.backup_due_at_start(reopened, after_every_change=True)
    assert not backups.backup_due_at_start(reopened, after_every_change=False)
    reopened.close()


def test_a_damaged_database_found_at_start_is_moved_aside_and_restored(app, tmp_path, monkeypatch):
    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    warning_store.intake(database, {"source": "bank", "level": "high", "name": "罗某某",
                                    "mobile": "13812345678"})  # fmt: skip
    folder = Settings().backup_folder(path)
    backups.backup_now(database, folder)
    database.close()
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xee" * 4096  # the laptop lost power mid-write; a page is garbage
    path.write_bytes(bytes(data))
    damaged = bytes(data)
    instance.mark_open(path)  # ... and the program never closed
    monkeypatch.setenv(app_module.RESTORE_WITHOUT_ASKING_ENV, "1")
    assert app_module.recover_if_damaged(path, Settings())
    moved = sorted(tmp_path.glob("station.sqlite3.damaged-*"))
    assert moved and moved[0].read_bytes() == damaged  # byte for byte, never repaired
    restored = open_database(path)
    assert restored.scalar("SELECT count(*) FROM warnings") == 1
    restored.close()


def test_without_a_good_backup_nothing_is_opened(app, tmp_path, monkeypatch):
    path = tmp_path / "station.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xee" * 8000)
    instance.mark_open(path)
    monkeypatch.setenv(app_module.RESTORE_WITHOUT_ASKING_ENV, "1")
    assert not app_module.recover_if_damaged(path, Settings())
    assert not path.exists() and list(tmp_path.glob("station.sqlite3.damaged-*"))


def test_back_up_now_and_restore_from_the_menu(app, qtbot, tmp_path):
    path = tmp_path / "station.sqlite3"
    main = _window(app, qtbot, path)
    warning_store.intake(main.database, {"source": "bank", "level": "high", "name": "罗某某",
                                         "mobile": "13812345678"})  # fmt: skip
    task = main.workflows.back_up_now()
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    [backup] = backups.list_backups(Settings().backup_folder(path))
    warning_store.intake(main.database, {"source": "bank", "level": "low", "name": "韦某",
                                         "mobile": "13912345678"})  # fmt: skip
    assert main.database.scalar("SELECT count(*) FROM warnings") == 2
    assert main.workflows.restore_from_backup(backup)
    assert main.database.scalar("SELECT count(*) FROM warnings") == 1
    assert list(tmp_path.glob("station.sqlite3.replaced-*"))
    main.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_the_audit_screen_filters_verifies_and_exports(window, qtbot, tmp_path):
    import csv

    warning_store.intake(window.database, {"source": "bank", "level": "high", "name": "罗某某",
                                           "mobile": "13812345678"})  # fmt: skip
    dialog = window.open_audit()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 2  # the areas of the fixture and the warning
    dialog.action.setCurrentIndex(dialog.action.findData("create"))
    dialog.text.setText("warnings")
    dialog.fill()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "Warnings"
    assert dialog.table.item(0, 2).text() == "Created"
    assert dialog.verify() is None and "holds" in dialog.state.text()
    out = tmp_path / "audit.csv"
    assert dialog.export(out) == 1
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["seq", "at", "actor"] and rows[1][3] == "create"
    assert "13812345678" not in out.read_text(encoding="utf-8-sig")  # no personal data in the log
    dialog.action.setCurrentIndex(dialog.action.findData("export"))
    dialog.text.setText("")
    dialog.fill()
    assert dialog.table.rowCount() == 1  # the export itself is logged


def test_the_audit_screen_shows_a_summary_that_is_markup_as_written(window, qtbot):
    """A summary quotes what it was given (a reason typed, a name): its tooltip reads it."""
    from PySide6.QtGui import QTextDocument

    from desktop.db import audit

    with window.database.atomic():
        audit.record(window.database, "reveal", "residents", "r1", "<img src=x> <b>why</b>")
    dialog = window.open_audit()
    qtbot.addWidget(dialog)
    document = QTextDocument()
    document.setHtml(dialog.table.item(0, 5).toolTip())
    assert dialog.table.item(0, 5).text() == "<img src=x> <b>why</b>"
    assert document.toPlainText() == "<img src=x> <b>why</b>"


def test_the_audit_screen_names_the_record_a_cut_off_log_contradicts(window, qtbot):
    from desktop.db import audit

    with window.database.atomic():
        audit.record(window.database, "reveal", "residents", "r1", "full mobile shown")
    last = window.database.scalar("SELECT max(seq) FROM audit")
    tamper_audit(window.database.path, f"DELETE FROM audit WHERE seq = {last}")
    dialog = window.open_audit()
    qtbot.addWidget(dialog)
    assert dialog.verify() is None
    lines = dialog.state.text().splitlines()
    assert lines[0] == "Every link of the chain holds, but:"
    assert lines[1].startswith("The audit log is shorter than the end of the log noted beside")
    assert f"it reached entry {last} then, it ends at entry {last - 1} now." in lines[1]


def test_the_password_lock(window, qtbot):
    from desktop.db import password as password_store

    dialog = window.open_settings().open_password()
    qtbot.addWidget(dialog)
    dialog.first.setText("fanzha-2026")
    dialog.second.setText("fanzha-2025")
    assert not dialog.save() and "differ" in dialog.error.text()
    dialog.second.setText("fanzha-2026")
    assert dialog.save()
    code = dialog.recovery_code
    assert dialog.code.isVisibleTo(dialog) and dialog.code.text() == code
    assert password_store.is_set(window.database)

    unlock = window.lock()  # the idle time has passed
    qtbot.addWidget(unlock)
    assert window.locked and not window.centralWidget().isVisible()
    unlock.password.setText("guess-one")
    assert not unlock.try_unlock() and "Wait 1 s" in unlock.message.text()
    later = password_store._now() + password_store.MAX_DELAY
    unlock.gate.clock = lambda: later  # the wait is over
    unlock.password.setText("fanzha-2026")
    assert unlock.try_unlock()
    assert not window.locked and window.centralWidget().isVisible()

    again = window.lock()
    qtbot.addWidget(again)
    again.use_code.setChecked(True)
    again.password.setText(code)
    assert again.try_unlock() and again.recovered
    # The new password is chosen with the file's encryption at hand, as in Settings.
    assert window.new_password_dialog.encryption is window.encryption


def test_idle_time_locks_the_window(window, qtbot):
    from desktop.db import password as password_store
    from desktop.ui.lock import IdleWatch

    password_store.set_password(window.database, "fanzha-2026", idle=1)
    watch = IdleWatch(window)
    watch.check()
    assert not window.locked  # just used
    watch.last_input -= 61
    watch.check()
    assert window.locked
    watch.stop()
    window.unlock()


def test_chores_start_after_the_window_is_up(window, qtbot):
    from desktop.ui import app as app_module

    warning_store.intake(window.database, {"source": "bank", "level": "high", "name": "罗某某",
                                           "mobile": "13812345678"})  # fmt: skip
    assert backups.daily_backup_due(window.database)  # never backed up, something changed
    import os

    folder = Settings().backup_folder(window.database.path)
    folder.mkdir(parents=True)
    killed = folder / "backup-20261120-093000.sqlite3.part"  # a backup killed last week
    killed.write_bytes(b"x")
    os.utime(killed, (0, 0))
    app_module.start_chores(window)
    qtbot.waitUntil(lambda: not killed.exists(), timeout=10_000)  # on the worker
    assert window.idle_watch is not None
    qtbot.waitUntil(lambda: not backups.daily_backup_due(window.database), timeout=10_000)
    assert backups.list_backups(Settings().backup_folder(window.database.path))


def test_a_start_that_is_measured_runs_no_chores(app, tmp_path, data_dir, monkeypatch):
    """The start measure quits once Today is painted: were that later than the chores' delay,
    a backup or the purge would write to the file it measures."""
    from desktop.db.database import META_STATION_NAME

    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    warning_store.intake(database, {"source": "bank", "level": "high", "name": "罗某某",
                                    "mobile": "13812345678"})  # fmt: skip
    database.set_meta(META_STATION_NAME, "宜州区公安局庆远派出所")  # no first-start question
    database.close()
    chores: list = []
    monkeypatch.setattr(app_module, "start_chores", chores.append)
    monkeypatch.setattr(app_module, "CHORES_DELAY_MS", 0)  # before Today could be painted
    monkeypatch.setenv(app_module.EXIT_WHEN_IDLE_ENV, "1")
    assert app_module.run_gui(path, "en") == 0
    assert chores == []
    monkeypatch.delenv(app_module.EXIT_WHEN_IDLE_ENV)
    monkeypatch.setattr(app_module.QApplication, "exec", lambda _app: app.processEvents() or 0)
    assert app_module.run_gui(path, "en") == 0  # an officer's start: its chores come
    assert len(chores) == 1


def test_a_close_cut_off_before_its_backup_is_backed_up_at_the_next_start(window, qtbot):
    from desktop.ui import app as app_module

    folder = Settings().backup_folder(window.database.path)
    backups.backup_now(window.database, folder)  # this morning's
    warning_store.intake(window.database, {"source": "bank", "level": "high", "name": "罗某某",
                                           "mobile": "13812345678"})  # fmt: skip
    # ... and the laptop was shut down while the close's backup was being made.
    assert not backups.daily_backup_due(window.database)  # not a day old: daily would wait
    app_module.start_chores(window)
    qtbot.waitUntil(lambda: not backups.changed_since_backup(window.database), timeout=30_000)
    [newest, *_] = sorted(backups.list_backups(folder), reverse=True)
    copy = open_database(newest, create=False)
    assert copy.scalar("SELECT count(*) FROM warnings") == 1  # the session's work is in it
    copy.close()


def test_an_older_database_is_upgraded_off_the_gui_thread(app, tmp_path):
    from desktop.db import migrations
    from desktop.ui import app as app_module

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    migrations.migrate(conn, target=5)
    conn.execute("INSERT INTO meta(key, value) VALUES ('device_id', 'dev')")
    conn.commit()
    conn.close()
    assert app_module._needs_migration(path)
    database = app_module.open_with_progress(path)
    assert database.schema_version == migrations.SCHEMA_VERSION
    database.execute("SELECT count(*) FROM warnings").fetchone()  # usable on this thread
    database.close()
    assert not app_module._needs_migration(path)
    assert backups.list_backups(backups.default_backup_folder(path))  # copied first


@pytest.mark.sqlcipher
def test_setting_a_password_encrypts_the_file_and_its_backups(window, qtbot):
    from desktop.db import keys

    path = window.database.path
    warning_store.intake(window.database, {"source": "bank", "level": "high", "name": "罗某某",
                                           "mobile": "13812345678"})  # fmt: skip
    folder = Settings().backup_folder(path)
    backups.backup_now(window.database, folder)  # a backup in clear, made before
    settings = window.open_settings()
    dialog = settings.open_password()
    qtbot.addWidget(dialog)
    dialog.first.setText("fanzha-2026")
    dialog.second.setText("fanzha-2026")
    assert dialog.save()
    assert keys.is_encrypted(path) and b"13812345678" not in path.read_bytes()
    assert settings.database is window.database  # the dialogs follow the reopened database
    assert window.database.scalar("SELECT count(*) FROM warnings") == 1
    [backup] = backups.list_backups(folder)  # the clear copy is gone, an encrypted one made
    assert b"13812345678" not in backup.read_bytes()
    assert settings.save()  # the settings still save into the reopened database
    dialog = settings.open_password()
    qtbot.addWidget(dialog)
    dialog.remove()
    assert not keys.is_encrypted(path)
    assert window.database.scalar("SELECT count(*) FROM warnings") == 1


def test_the_recovery_code_can_be_printed(window, qtbot):
    from pypdf import PdfReader

    dialog = window.open_settings().open_password()
    qtbot.addWidget(dialog)
    assert dialog.print_code() is None  # nothing to print before a password is set
    dialog.first.setText("fanzha-2026")
    dialog.second.setText("fanzha-2026")
    assert dialog.save() and dialog.print_button.isVisibleTo(dialog)
    preview = dialog.print_code()
    qtbot.addWidget(preview)
    text = "".join(page.extract_text() for page in PdfReader(preview.path).pages)
    assert dialog.recovery_code in text and "恢复码" in text
    from desktop.db import keys, password

    password.remove_password(window.database)
    if keys.is_encrypted(window.database.path):
        window.workflows.decrypt()


@pytest.mark.sqlcipher
def test_an_encrypted_database_is_restored_from_the_menu(window, qtbot):
    from desktop.db import keys

    path = window.database.path
    # Makes an encrypted backup too.
    window.workflows.encrypt("fanzha-2026", "ABCDE-FGHJK-LMNPQ-RSTUV")
    [backup] = backups.list_backups(Settings().backup_folder(path))
    warning_store.intake(window.database, {"source": "bank", "level": "low", "name": "韦某",
                                           "mobile": "13912345678"})  # fmt: skip
    assert window.workflows.restore_from_backup(backup)
    assert window.database.scalar("SELECT count(*) FROM warnings") == 0
    assert window.page("warnings").database is window.database  # every page follows
    window.workflows.decrypt()
    assert not keys.is_encrypted(path)


def test_the_audit_screen_names_actions_and_tables_in_the_ui_language(window, qtbot):
    warning_store.intake(window.database, {"source": "bank", "level": "high", "name": "罗某某",
                                           "mobile": "13812345678"})  # fmt: skip
    window.translations.install("zh_CN")
    try:
        dialog = window.open_audit()
        qtbot.addWidget(dialog)
        names = [dialog.action.itemText(index) for index in range(dialog.action.count())]
        shown = {"新增", "修改", "删除", "打印", "导出", "查看完整信息", "合并", "导入", "设置"}
        assert shown <= set(names) and not {"create", "reveal", "settings"} & set(names)
        dialog.action.setCurrentIndex(dialog.action.findText("新增"))
        assert dialog.action.currentData() == "create"  # the filter is by the stored code
        dialog.fill()
        table = dialog.table
        rows = {(table.item(row, 2).text(), table.item(row, 3).text())
                for row in range(table.rowCount())}  # fmt: skip
        assert rows == {("新增", "辖区"), ("新增", "群众"), ("新增", "预警")}
        time = table.item(0, 0).text()
        assert "年" in time
        assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(time) + 8
    finally:
        window.translations.install("en")
