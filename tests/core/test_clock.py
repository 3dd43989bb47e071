"""The station's clock: one zone for the whole program, from the data, with or without the
computer's zone data."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from desktop.core import clock
from desktop.core.errors import ValidationError
from desktop.core.validate import parse_datetime


@pytest.fixture(autouse=True)
def back_to_the_default():
    yield
    clock.use_station_zone(None)


def test_asia_shanghai_is_the_default_and_has_no_daylight_saving():
    assert clock.station_zone_name() == "Asia/Shanghai"
    for month in range(1, 13):
        assert clock.at(date(2026, month, 1), time(9)).utcoffset() == timedelta(hours=8)
    assert clock.stored(datetime(2026, 12, 31, 16, 30, tzinfo=UTC)) == "2027-01-01T00:30:00+08:00"
    assert clock.now().utcoffset() == timedelta(hours=8)


def test_without_zone_data_beijing_time_is_the_fixed_offset(monkeypatch):
    from zoneinfo import ZoneInfoNotFoundError

    def missing(name):
        raise ZoneInfoNotFoundError(name)

    monkeypatch.setattr(clock, "ZoneInfo", missing)
    zone = clock.load_zone("Asia/Shanghai")
    assert datetime(2026, 7, 1, 9, tzinfo=zone).utcoffset() == timedelta(hours=8)
    with pytest.raises(ValidationError) as raised:
        clock.load_zone("Asia/Urumqi")  # no fixed stand-in for any other zone
    assert raised.value.field == "station_time_zone"


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "../etc/passwd", "Asia"])
def test_an_unknown_zone_is_refused(name):
    with pytest.raises(ValidationError):
        clock.load_zone(name or " ")


def test_the_zone_set_for_the_data_is_used_by_every_reader_and_comes_back_on_opening(tmp_path):
    from desktop.db.opening import open_database, set_station_zone

    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    set_station_zone(database, "Asia/Urumqi")
    assert parse_datetime("2026-10-07 09:00").isoformat() == "2026-10-07T09:00:00+06:00"
    database.close()
    clock.use_station_zone(None)
    database = open_database(path)
    try:
        assert clock.station_zone_name() == "Asia/Urumqi"
        assert clock.stored(datetime(2026, 10, 7, 3, tzinfo=UTC)) == "2026-10-07T09:00:00+06:00"
    finally:
        database.close()
    open_database(tmp_path / "other.sqlite3").close()  # another station's data: its own zone
    assert clock.station_zone_name() == "Asia/Shanghai"
