"""The Exchange menu: export a package, preview and merge one, decide conflicts, see the
laptops and what they held, merge residents entered twice, set the county's key."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.db import records
from desktop.db.opening import open_database
from desktop.domain import sync, warnings
from desktop.exchange import packages

KEY = packages.format_exchange_key(bytes(range(32)))
NOW = datetime.fromisoformat("2026-11-22T10:00:00+08:00")


def _finish(qtbot, task):
    qtbot.waitUntil(lambda: task.done, timeout=15_000)
    qtbot.wait(20)  # let the queued result reach the dialog


@pytest.fixture
def station(window):
    packages.set_exchange_key(window.database, KEY)
    return window


@pytest.fixture
def laptop(tmp_path):
    folder = tmp_path / "laptop"
    folder.mkdir()
    database = open_database(folder / "laptop.sqlite3")
    packages.set_exchange_key(database, KEY)
    database.set_meta("station_name", "六圩派出所")
    yield database
    database.close()


def _warn(database, name="韦秀英", mobile="13800138000"):
    return warnings.intake(
        database,
        {"name": name, "mobile": mobile, "source": "platform", "level": "high",
         "received_at": NOW},
        now=NOW,
    )  # fmt: skip


def _package(database, path):
    packages.export_package(database, path)
    return path


def test_export_writes_a_package_of_the_changes(station, qtbot, tmp_path):
    _warn(station.database)
    dialog = station.export_package()
    qtbot.addWidget(dialog)
    assert "every record" in dialog.state.text()
    path = tmp_path / "out" / "station"
    path.parent.mkdir()
    with qtbot.waitSignal(dialog.exported, timeout=15_000) as caught:
        dialog.export_to(path)
    result = caught.args[0]
    assert result.path.name == "station.odpkg" and result.path.exists()
    assert "Wrote 5 records" in dialog.state.text()  # three areas, a resident, a warning
    dialog._describe()
    assert "what changed since the last one there" in dialog.state.text()


def test_preview_then_merge_shows_what_comes_and_writes_only_on_request(
    station, laptop, qtbot, tmp_path
):
    _warn(laptop)
    path = _package(laptop, tmp_path / "laptop.odpkg")
    dialog = station.merge_package(path)
    qtbot.addWidget(dialog)
    _finish(qtbot, dialog.task)
    assert "六圩派出所" in dialog.source.text()
    kinds = {dialog.counts.item(row, 0).text(): dialog.counts.item(row, 1).text()
             for row in range(dialog.counts.rowCount())}  # fmt: skip
    assert kinds["Warnings"] == "1" and kinds["Residents"] == "1"
    assert not dialog.conflicts.isVisibleTo(dialog)
    assert station.database.scalar("SELECT count(*) FROM warnings") == 0  # a preview only
    assert dialog.merge_button.isEnabled()
    with qtbot.waitSignal(dialog.merged, timeout=15_000):
        dialog.merge()
    assert station.database.scalar("SELECT count(*) FROM warnings") == 1
    assert dialog.merge_button.text() == "Merged" and not dialog.merge_button.isEnabled()
    qtbot.waitUntil(lambda: station.counts is not None and station.counts["warnings"] == 1)
    again = station.merge_package(path)
    qtbot.addWidget(again)
    _finish(qtbot, again.task)
    assert "merged on" in again.notice.text() and not again.merge_button.isEnabled()


def test_a_refused_package_says_why_and_cannot_be_merged(station, qtbot, tmp_path):
    path = tmp_path / "broken.odpkg"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    dialog = station.merge_package(path)
    qtbot.addWidget(dialog)
    _finish(qtbot, dialog.task)
    assert dialog.error.isVisibleTo(dialog) and "damaged" in dialog.error.text()
    assert not dialog.merge_button.isEnabled()


def test_a_conflict_is_shown_then_decided(station, laptop, qtbot, tmp_path):
    warning = _warn(laptop)
    first = station.merge_package(_package(laptop, tmp_path / "1.odpkg"))
    qtbot.addWidget(first)
    _finish(qtbot, first.task)
    with qtbot.waitSignal(first.merged, timeout=15_000):
        first.merge()
    records.update_record(laptop, "warnings", warning, {"notes": "本人已到银行止付"})
    records.update_record(station.database, "warnings", warning, {"notes": "电话无人接听"})
    second = station.merge_package(_package(laptop, tmp_path / "2.odpkg"))
    qtbot.addWidget(second)
    _finish(qtbot, second.task)
    assert second.conflicts.isVisibleTo(second) and second.conflicts.rowCount() == 1
    assert "韦某" in second.conflicts.item(0, 0).text()  # the resident, masked
    with qtbot.waitSignal(second.merged, timeout=15_000):
        second.merge()
    dialog = station.open_conflicts()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and not dialog.take_button.isEnabled()
    dialog.table.selectRow(0)
    kept = station.database.scalar("SELECT notes FROM warnings WHERE id = ?", (warning,))
    other = ({"本人已到银行止付", "电话无人接听"} - {kept}).pop()
    assert dialog.table.item(0, 4).text() == other
    assert dialog.decide(take_other=True)
    assert station.database.scalar("SELECT notes FROM warnings WHERE id = ?", (warning,)) == other
    assert dialog.table.rowCount() == 0 and "No conflicts" in dialog.state.text()
    assert sync.count_open_conflicts(station.database) == 0


def test_laptops_list_and_the_residents_a_laptop_held(station, laptop, qtbot, tmp_path):
    _warn(laptop)
    dialog = station.merge_package(_package(laptop, tmp_path / "1.odpkg"))
    qtbot.addWidget(dialog)
    _finish(qtbot, dialog.task)
    with qtbot.waitSignal(dialog.merged, timeout=15_000):
        dialog.merge()
    laptops = station.open_laptops()
    qtbot.addWidget(laptops)
    assert laptops.laptops.rowCount() == 2
    assert laptops.laptops.item(1, 0).text() == "六圩派出所"
    laptops.laptops.selectRow(1)
    assert laptops.residents.item(0, 0).text() == "韦某"
    assert laptops.residents.item(0, 1).text() == "138****8000"
    assert not laptops.reveal("  ") and laptops.error.isVisibleTo(laptops)
    assert laptops.reveal("笔记本遗失，通知群众")
    assert laptops.residents.item(0, 0).text() == "韦秀英"
    assert station.database.scalar("SELECT count(*) FROM audit WHERE action = 'reveal'") == 1


def test_duplicate_residents_are_merged_from_the_dialog(station, qtbot):
    _warn(station.database, "韦秀英", "13800138000")
    _warn(station.database, "韦秀英", "13800138000")
    dialog = station.open_duplicates()
    qtbot.addWidget(dialog)
    _finish(qtbot, dialog.task)
    assert dialog.table.rowCount() == 1 and not dialog.merge_button.isEnabled()
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.changed):
        assert dialog.decide(merge=True)
    _finish(qtbot, dialog.task)
    assert dialog.table.rowCount() == 0
    assert (
        station.database.scalar(
            "SELECT count(DISTINCT resident_id) FROM warnings WHERE deleted_at IS NULL"
        )
        == 1
    )


def test_the_exchange_key_is_checked_before_it_is_kept(window, qtbot):
    dialog = window.edit_exchange_key()
    qtbot.addWidget(dialog)
    dialog.key.setText("ABCD-1234")
    assert not dialog.save() and "52 letters" in dialog.error.text()
    dialog.new_button.click()
    key = dialog.key.text()
    assert dialog.save()
    assert window.database.get_meta("exchange_key") == key


def test_reports_show_one_laptop_and_rank_stations_after_a_merge(station, laptop, qtbot, tmp_path):
    _warn(laptop)
    _warn(laptop, "黄德明", "13900139000")
    _warn(station.database, "蒙丽", "13700137000")
    station.database.set_meta("station_name", "金城江派出所")
    dialog = station.merge_package(_package(laptop, tmp_path / "1.odpkg"))
    qtbot.addWidget(dialog)
    _finish(qtbot, dialog.task)
    with qtbot.waitSignal(dialog.merged, timeout=15_000):
        dialog.merge()
    page = station.show_page("reports")
    assert page.laptops.isVisibleTo(page) and page.rank_over.isVisibleTo(page)
    page.set_period("month", NOW.year, NOW.month)
    page.laptops.setCurrentIndex(page.laptops.findData("station:六圩派出所"))
    page.rank_by.setCurrentIndex(page.rank_by.findData("warnings_received"))
    page.rank_over.setCurrentIndex(page.rank_over.findData("stations"))
    page.data = None
    page.reload()
    qtbot.waitUntil(lambda: page.data is not None and page.data.get("rank_over") == "stations",
                    timeout=15_000)  # fmt: skip
    assert page.data["figures"]["warnings_received"] == 2
    ranked = [(page.ranking.item(row, 1).text(), page.ranking.item(row, 2).text())
              for row in range(page.ranking.rowCount())]  # fmt: skip
    assert ranked[0][0] == "六圩派出所" and ranked[0][1].startswith("2")
    assert page.ranking.horizontalHeaderItem(1).text() == "Station"


def test_the_merge_names_a_laptop_whose_audit_log_was_cut(station, laptop, qtbot, tmp_path):
    from tampering import tamper_audit

    _warn(laptop)
    first = packages.merge_package(station.database, _package(laptop, tmp_path / "1.odpkg"))
    end = first.manifest["audit_head"]
    tamper_audit(laptop.path, f"DELETE FROM audit WHERE seq > {end['seq'] - 1}")
    path = _package(laptop, tmp_path / "2.odpkg")
    dialog = station.merge_package(path)
    qtbot.addWidget(dialog)
    _finish(qtbot, dialog.task)
    assert dialog.notice.isVisibleTo(dialog)
    assert dialog.notice.text().startswith(
        f"The audit log of laptop 六圩派出所 / {laptop.device_id} is shorter than its package of"
    )


def test_a_package_from_a_station_named_in_markup_names_it_as_written(
    station, laptop, qtbot, tmp_path
):
    """The package's station name comes from another laptop: the preview shows its letters."""
    from PySide6.QtCore import Qt

    laptop.set_meta("station_name", "<img src=x>")
    _warn(laptop)
    dialog = station.merge_package(_package(laptop, tmp_path / "laptop.odpkg"))
    qtbot.addWidget(dialog)
    _finish(qtbot, dialog.task)
    assert dialog.source.text().startswith("From <img src=x>, made")
    assert dialog.source.textFormat() == Qt.TextFormat.PlainText


def test_a_message_longer_than_the_export_dialog_s_lines_makes_it_taller(app, window, qtbot):
    """English at 150% text, no exchange key set: the dialog's message takes three lines at
    its width; the dialog grows for them, none goes on behind the buttons."""
    from desktop.ui.app import apply_text_size

    try:
        apply_text_size(app, 150)
        dialog = window.export_package()
        qtbot.addWidget(dialog)
        dialog.show()
        state = dialog.state
        assert "exchange key first" in state.text()

        def whole() -> bool:
            bottom = state.mapTo(dialog, state.rect().bottomLeft()).y()
            buttons = dialog.export_button.mapTo(dialog, dialog.export_button.rect().topLeft())
            return state.height() >= state.heightForWidth(state.width()) and bottom < buttons.y()

        qtbot.waitUntil(whole)
        dialog.reject()
    finally:
        apply_text_size(app, 100)


def test_the_export_dialog_runs_its_sentences_on_as_each_language_writes_them(window, qtbot):
    """No exchange key set: the second sentence follows the first straight after its 。 in
    Chinese, after a space in English."""
    try:
        window.translations.install("zh_CN")
        dialog = window.export_package()
        qtbot.addWidget(dialog)
        chinese = dialog.state.text()
        assert "。请先设置" in chinese and "。 " not in chinese, chinese
        dialog.reject()
    finally:
        window.translations.install("en")
    dialog = window.export_package()
    qtbot.addWidget(dialog)
    assert "laptop. Set the county's exchange key first" in dialog.state.text()
    dialog.reject()
