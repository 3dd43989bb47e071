"""The first start asks which station this is: on a database whose station has no name, not
on one that has it; what is typed is kept, and "Later" keeps nothing (it is asked again)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desktop.core import clock
from desktop.db.database import META_CURRENT_OFFICER, META_STATION_NAME, META_STATION_PHONE
from desktop.domain import officers as officer_store
from desktop.domain.station import station_is_set
from desktop.ui.station_dialog import NEW_OFFICER, StationDialog, ask_for_station

STATION = "河池市公安局金城江分局金城江派出所"


@pytest.fixture
def zone_back():
    yield
    clock.use_station_zone(None)


def test_a_new_database_asks_for_its_station(window):
    assert not station_is_set(window.database)
    dialog = ask_for_station(window)
    assert isinstance(dialog, StationDialog) and window.station_dialog is dialog
    # Nobody is on record yet: the officer is typed in.
    assert dialog.officer.currentData() == NEW_OFFICER and dialog.officer_name.isEnabled()
    assert dialog.zone.currentData() == "Asia/Shanghai"


def test_a_database_with_its_station_named_is_not_asked(window):
    with window.database.atomic():
        window.database.set_meta(META_STATION_NAME, STATION)
    assert ask_for_station(window) is None


def test_the_answers_are_kept_and_shown(window, qtbot, zone_back):
    dialog = ask_for_station(window)
    dialog.name.setText(f"  {STATION} ")
    dialog.phone.setText("0778 2281234")
    dialog.officer_name.setText("黄志强")
    dialog.badge.setText("451020")
    dialog.zone.setCurrentIndex(dialog.zone.findData("Asia/Urumqi"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    database = window.database
    assert database.get_meta(META_STATION_NAME) == STATION
    assert database.get_meta(META_STATION_PHONE) == "0778-2281234"
    officer = officer_store.get_officer(database, database.get_meta(META_CURRENT_OFFICER))
    assert (officer.name, officer.badge_number, officer.unit) == ("黄志强", "451020", STATION)
    assert clock.station_zone_name() == "Asia/Urumqi"
    assert database.get_meta("station_time_zone") == "Asia/Urumqi"
    assert STATION in window.windowTitle()
    assert database.query("SELECT summary FROM audit WHERE action = 'settings'")[-1][
        "summary"
    ].startswith(f"station set: {STATION}")
    assert ask_for_station(window) is None  # not asked again


def test_an_officer_on_record_can_be_chosen(window, qtbot):
    officer_id = officer_store.add_officer(window.database, {"name": "韦丽", "role": "auxiliary"})
    dialog = ask_for_station(window)
    dialog.name.setText(STATION)
    dialog.officer.setCurrentIndex(dialog.officer.findData(officer_id))
    assert not dialog.officer_name.isEnabled()
    assert dialog.save()
    assert window.database.get_meta(META_CURRENT_OFFICER) == officer_id
    assert len(officer_store.list_officers(window.database)) == 1  # nobody added


def test_a_station_without_a_name_is_refused(window):
    dialog = ask_for_station(window)
    dialog.phone.setText("0778-2281234")
    assert not dialog.save()
    assert not dialog.error.isHidden() and "station's name" in dialog.error.text()
    assert not station_is_set(window.database)
    assert window.database.get_meta(META_STATION_PHONE) in (None, "")


def test_later_keeps_nothing_and_it_is_asked_again(window, qtbot):
    dialog = ask_for_station(window)
    dialog.name.setText(STATION)
    assert dialog.later_button.text() == "Later"
    role = dialog.findChild(QDialogButtonBox).buttonRole(dialog.later_button)
    assert role == QDialogButtonBox.ButtonRole.RejectRole
    with qtbot.waitSignal(dialog.rejected):
        dialog.later_button.click()
    assert not station_is_set(window.database)
    assert isinstance(ask_for_station(window), StationDialog)


def test_with_officers_on_record_nobody_is_chosen_for_the_laptop(window):
    # The first officer in the list is not who uses this laptop just because the name sorts
    # first: saving without a choice leaves the officer unset.
    officer_store.add_officer(window.database, {"name": "韦丽", "role": "auxiliary"})
    dialog = ask_for_station(window)
    assert dialog.officer.currentIndex() == dialog.officer.count() - 1  # "(not chosen)"
    assert dialog.officer.currentData() is None and not dialog.officer_name.isEnabled()
    dialog.name.setText(STATION)
    assert dialog.save()
    assert window.database.get_meta(META_CURRENT_OFFICER) in (None, "")


def test_a_copy_opened_only_to_read_is_not_asked(window, monkeypatch):
    monkeypatch.setattr(window.database, "read_only", True)
    assert ask_for_station(window) is None
