"""The county's view of merged data: figures for one laptop or one station, and laptops and
stations ranked."""

from __future__ import annotations

from datetime import date, datetime

from desktop.db import records
from desktop.domain import statistics, warnings
from desktop.exchange import packages

NOW = datetime.fromisoformat("2026-11-22T10:00:00+08:00")
PERIOD = statistics.Period(date(2026, 11, 1), date(2026, 11, 30))


def _warnings(database, count, mobile_prefix):
    for number in range(count):
        warnings.intake(
            database,
            {"name": "梁某", "mobile": f"{mobile_prefix}{number:04d}", "source": "bank",
             "level": "medium", "received_at": NOW},
            now=NOW,
        )  # fmt: skip


def test_figures_and_rankings_per_laptop_and_station(laptops, tmp_path):
    made, _ids = laptops
    a, b, c, county = made["a"], made["b"], made["c"], made["county"]
    for database, station in ((a, "城关派出所"), (b, "东门派出所"), (c, "城关派出所")):
        database.set_meta("station_name", station)
    _warnings(a, 2, "1380013")
    _warnings(b, 1, "1390013")
    _warnings(c, 1, "1370013")
    for name, database in (("a", a), ("b", b), ("c", c)):
        path = tmp_path / f"{name}.odpkg"
        packages.export_package(database, path)
        packages.merge_package(county, path)
    everything = statistics.compute_figures(county, PERIOD, only=["warnings_received"])
    assert everything["warnings_received"] == 2 + 4  # the shared two and the laptops' four
    of_a = statistics.compute_figures(county, PERIOD, devices=[a.device_id])
    assert of_a["warnings_received"] == 2
    chengguan = statistics.station_devices(county, "城关派出所")
    assert set(chengguan) == {a.device_id, c.device_id}
    assert statistics.compute_figures(county, PERIOD, devices=chengguan)["warnings_received"] == 3
    by_laptop = statistics.laptop_ranking(county, PERIOD, "warnings_received")
    values = {row.area_id: (row.rank, row.value) for row in by_laptop}
    assert values[a.device_id] == (1, 2)
    assert values[b.device_id] == values[c.device_id] == (2, 1)  # ties share a rank
    by_station = statistics.laptop_ranking(county, PERIOD, "warnings_received", by_station=True)
    assert [(row.name, row.value) for row in by_station[:2]] == [
        ("城关派出所", 3),
        ("东门派出所", 1),
    ]
    # A note the county adds to a laptop's case does not take the case from that laptop.
    case = county.scalar("SELECT id FROM warnings WHERE origin_device = ?", (b.device_id,))
    records.update_record(county, "warnings", case, {"notes": "县中心已复核"})
    assert (
        statistics.compute_figures(county, PERIOD, devices=[b.device_id])["warnings_received"] == 1
    )
    trend = statistics.monthly_trend(county, PERIOD, devices=[b.device_id])
    assert [month["warnings_received"] for month in trend] == [1]
