"""Visits, evidence and the status steps of fraud-free communities travel between laptops:
in any order to the same result, a field changed on two laptops listed as a conflict, and a
merged visit held to the gateway's own arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.errors import ValidationError
from desktop.domain import community_visits, fraud_free, sync
from desktop.exchange import packages

TODAY = date(2026, 11, 25)
TABLES = ("areas", "community_visits", "fraud_free_evidence", "fraud_free_steps")


def _rows(database, table):
    columns = [
        row[1]
        for row in database.execute(f"PRAGMA table_info({table})")
        if row[1] not in ("change_seq", "versions")
    ]
    return [
        tuple(row)
        for row in database.query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")
    ]


def _visit(database, area, **values):
    return community_visits.add_visit(
        database, {"area_id": area, "visited_on": "2026-11-20", "building": "3栋",
                   "households_visited": 20, "households_at_home": 15, "app_installed_new": 4,
                   "app_already": 8, "call_warnings": 10, **values},
        today=TODAY,
    )  # fmt: skip


def test_visits_evidence_and_steps_merge_in_any_order_to_the_same_board(laptops, tmp_path):
    made, ids = laptops
    a, b = made["a"], made["b"]
    area = ids["area"]
    community_visits.set_households(a, area, 40)
    _visit(a, area)
    _visit(b, area, building="5栋", households_visited=18, households_at_home=12)
    fraud_free.add_evidence(b, area, "publicity_board", True, note="宣传栏已设", today=TODAY)
    fraud_free.record_status(a, area, "creating", "2026-03-01", today=TODAY)
    packages.export_package(a, tmp_path / "a.odpkg")
    packages.export_package(b, tmp_path / "b.odpkg")
    first, second = made["county"], made["c"]
    for database, order in ((first, ("a", "b")), (second, ("b", "a"))):
        for name in order:
            assert packages.merge_package(database, tmp_path / f"{name}.odpkg").committed
    for table in TABLES:
        assert _rows(first, table) == _rows(second, table), table
    [row] = fraud_free.board(first, as_of=TODAY).rows
    assert (row.status, row.households) == ("creating", 40)
    assert row.results["households_visited"].value == 95.0  # (20 + 18) of 40
    assert row.results["publicity_board"].state == fraud_free.MET


def test_a_visit_changed_on_two_laptops_is_a_conflict(laptops, tmp_path):
    made, ids = laptops
    a, b, county = made["a"], made["b"], made["county"]
    visit = _visit(a, ids["area"])
    packages.export_package(a, tmp_path / "a-to-b.odpkg", destination="b")
    packages.merge_package(b, tmp_path / "a-to-b.odpkg")
    community_visits.edit_visit(a, visit, {"notes": "3栋二单元无人"}, today=TODAY)
    community_visits.edit_visit(b, visit, {"notes": "3栋已全部走访"}, today=TODAY)
    for name, database in (("a", a), ("b", b)):
        packages.export_package(database, tmp_path / f"{name}.odpkg")
        packages.merge_package(county, tmp_path / f"{name}.odpkg")
    [conflict] = sync.open_conflicts(county)
    assert (conflict["table_name"], conflict["field"]) == ("community_visits", "notes")
    assert sync.describe_record(county, "community_visits", visit) == "2026-11-20 3栋"


def test_a_merged_visit_is_held_to_the_gateways_arithmetic(laptops, tmp_path):
    """Two laptops each change one count within the rules; merged, the visit would have more
    households at home than visited: the county keeps its copy and lists the change as a
    conflict to decide, and taking it is refused while it breaks the rule."""
    from desktop.domain import sync

    made, ids = laptops
    a, b, county = made["a"], made["b"], made["county"]
    visit = _visit(a, ids["area"])
    packages.export_package(a, tmp_path / "a-to-b.odpkg", destination="b")
    packages.merge_package(b, tmp_path / "a-to-b.odpkg")
    packages.merge_package(county, tmp_path / "a-to-b.odpkg")
    community_visits.edit_visit(a, visit, {"households_visited": 15}, today=TODAY)
    community_visits.edit_visit(b, visit, {"households_at_home": 18}, today=TODAY)
    packages.export_package(a, tmp_path / "a.odpkg")
    packages.export_package(b, tmp_path / "b.odpkg")
    assert packages.merge_package(county, tmp_path / "a.odpkg").committed
    before = _rows(county, "community_visits")
    result = packages.merge_package(county, tmp_path / "b.odpkg")
    assert result.committed
    assert [(c.table, c.field) for c in result.report.conflicts] == [
        ("community_visits", "households_at_home")
    ]
    assert _rows(county, "community_visits") == before
    [conflict] = sync.open_conflicts(county)
    with pytest.raises(ValidationError) as refused:
        sync.resolve_conflict(county, conflict["seq"], take_other=True)
    assert "more than the 15 visited" in refused.value.render()
    assert _rows(county, "community_visits") == before
