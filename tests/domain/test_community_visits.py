from datetime import date

import pytest

from desktop.core.errors import ValidationError
from desktop.db import audit
from desktop.domain import areas as area_store
from desktop.domain import community_visits as store
from desktop.domain.community_visits import SheetInvalid

TODAY = date(2026, 11, 25)


@pytest.fixture
def community(db):
    county = area_store.add_area(db, name="凤山县", level="county")
    town = area_store.add_area(db, name="凤城镇", level="township", parent_id=county)
    return area_store.add_area(db, name="坡心村", level="community", parent_id=town)


def _values(community, **changes):
    values = {"area_id": community, "visited_on": "2026-11-20", "building": "第三村民小组",
              "households_visited": 24, "households_at_home": 18, "people_reached": 41,
              "app_installed_new": 6, "app_already": 9, "call_warnings": 12,
              "leaflets_left": 30, "grid_worker": "黄丽"}  # fmt: skip
    values.update(changes)
    return values


def _visits(db):
    return db.scalar("SELECT count(*) FROM community_visits")


def test_a_visit_is_written_with_its_counts_and_logged(db, community):
    visit_id = store.add_visit(db, _values(community, households_visited="24户"), today=TODAY)
    [row] = store.visits_of(db, community)
    assert row["id"] == visit_id
    assert (row["households_visited"], row["app_installed_new"], row["call_warnings"]) == (
        24, 6, 12,
    )  # fmt: skip
    entry = audit.recent(db)[0]
    assert (entry["action"], entry["table_name"], entry["row_id"]) == (
        "create", "community_visits", visit_id,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"households_at_home": 25}, "households_at_home"),
        ({"app_installed_new": 20, "app_already": 5}, "app_installed_new"),
        ({"call_warnings": 16}, "call_warnings"),
        ({"visited_on": "2026-11-26"}, "visited_on"),
        ({"people_reached": -3}, "people_reached"),
        ({"leaflets_left": "许多"}, "leaflets_left"),
        ({"visited_on": ""}, "visited_on"),
    ],
)
def test_bad_input_names_its_field_and_writes_nothing(db, community, changes, field):
    with pytest.raises(ValidationError) as refused:
        store.add_visit(db, _values(community, **changes), today=TODAY)
    assert refused.value.field == field
    assert _visits(db) == 0


def test_a_visit_belongs_to_a_community(db, community):
    township = db.scalar("SELECT parent_id FROM areas WHERE id = ?", (community,))
    with pytest.raises(ValidationError) as refused:
        store.add_visit(db, _values(township), today=TODAY)
    assert refused.value.field == "area_id"
    assert _visits(db) == 0


def test_an_afternoons_sheet_is_written_whole_or_not_at_all(db, community):
    sheet = [
        {"building": "1组", "households_visited": 12, "households_at_home": 10},
        {"building": "2组", "households_visited": 8, "households_at_home": 9},  # bad
        {"building": "3组", "households_visited": 5, "app_installed_new": 7},  # bad
        {"building": "4组", "households_visited": 6},
    ]
    defaults = {"area_id": community, "visited_on": "2026-11-21", "grid_worker": "黄丽"}
    with pytest.raises(SheetInvalid) as refused:
        store.add_visit_sheet(db, sheet, defaults=defaults, today=TODAY)
    assert [(problem.row, problem.error.field) for problem in refused.value.problems] == [
        (2, "households_at_home"), (3, "app_installed_new"),
    ]  # fmt: skip
    assert _visits(db) == 0
    sheet[1]["households_at_home"] = 7
    sheet[2]["app_installed_new"] = 2
    ids = store.add_visit_sheet(db, sheet, defaults=defaults, today=TODAY)
    assert len(ids) == 4
    assert db.scalar("SELECT sum(households_visited) FROM community_visits") == 31
    assert {row["grid_worker"] for row in store.visits_of(db, community)} == {"黄丽"}


def test_a_visit_is_corrected_and_retired(db, community):
    visit_id = store.add_visit(db, _values(community), today=TODAY)
    with pytest.raises(ValidationError):
        store.edit_visit(db, visit_id, {"households_visited": 10}, today=TODAY)
    assert store.edit_visit(db, visit_id, {"households_visited": 30}, today=TODAY) == [
        "households_visited"
    ]
    store.retire_visit(db, visit_id)
    assert store.visits_of(db, community) == []


def test_households_are_set_and_cleared(db, community):
    store.set_households(db, community, "320户")
    assert db.scalar("SELECT households FROM areas WHERE id = ?", (community,)) == 320
    with pytest.raises(ValidationError):
        store.set_households(db, community, -5)
    store.set_households(db, community, "")
    assert db.scalar("SELECT households FROM areas WHERE id = ?", (community,)) is None
