"""Persons abroad (劝返) travel in exchange packages: merged in any order to the same result,
conflicts listed (personal data masked), and a package holding what no form accepts refused."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.core.errors import PackageRefused
from desktop.db.versions import Versions
from desktop.domain import return_cases as returns
from desktop.domain import sync
from desktop.exchange import packages

NOW = datetime.fromisoformat("2026-11-20T09:00:00+08:00")
TODAY = NOW.date()
TABLES = ("residents", "return_cases", "return_contacts")


def _state(database) -> dict[str, list[tuple]]:
    """The rows of the kind and its residents, without this database's bookkeeping (each
    numbers its own transactions; a record never changed has its versions implied)."""
    result = {}
    for table in TABLES:
        columns = [
            row[1]
            for row in database.execute(f"PRAGMA table_info({table})")
            if row[1] != "change_seq"
        ]
        rows = database.query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")
        result[table] = [
            tuple(dict(row, versions=Versions.of(dict(row)).dump()).values()) for row in rows
        ]
    return result


def _list(database, ids, mobile="13700000001"):
    return returns.list_person(
        database,
        {"name": "覃某某", "mobile": mobile, "area_id": ids["area"], "location": "cambodia",
         "lead_source": "upper_level", "category": "high_risk", "listed_on": date(2026, 10, 1),
         "deadline_on": date(2026, 12, 31), "family_phone": "13900000001"},
        today=TODAY,
    )  # fmt: skip


def test_entries_and_contacts_merge_in_any_order_to_the_same_ledger(laptops, tmp_path):
    made, ids = laptops
    a, b, c, county = made["a"], made["b"], made["c"], made["county"]
    case_id = _list(a, ids)
    returns.record_contact(a, case_id, party="family", method="family_visit", result="met",
                           at=NOW.replace(day=5), now=NOW)  # fmt: skip
    packages.export_package(a, tmp_path / "a.odpkg")
    for target in (b, c):
        packages.merge_package(target, tmp_path / "a.odpkg")
    returns.record_step(b, case_id, "returned", on="2026-11-10", port_of_entry="东兴口岸",
                        today=TODAY)  # fmt: skip
    returns.tick_measure(c, case_id, "household", on="2026-11-02", today=TODAY)
    packages.export_package(b, tmp_path / "b.odpkg")
    packages.export_package(c, tmp_path / "c.odpkg")
    result = packages.merge_package(county, tmp_path / "c.odpkg")
    assert result.report.counts["return_cases"].added == 1
    assert result.report.counts["return_contacts"].added == 1
    for name in ("b.odpkg", "a.odpkg"):
        packages.merge_package(county, tmp_path / name)
    packages.merge_package(a, tmp_path / "b.odpkg")
    packages.merge_package(a, tmp_path / "c.odpkg")
    case = returns.get_case(county, case_id)
    assert (case.status, case.returned_on, case.port_of_entry) == (
        "returned", date(2026, 11, 10), "东兴口岸",
    )  # fmt: skip
    assert case.measures == {"household": (date(2026, 11, 2), None)}
    assert _state(county) == _state(a)
    assert sync.count_open_conflicts(county) == 0


def test_the_same_field_changed_on_two_laptops_is_a_conflict_shown_masked(laptops, tmp_path):
    made, ids = laptops
    a, b, county = made["a"], made["b"], made["county"]
    case_id = _list(a, ids)
    packages.export_package(a, tmp_path / "a.odpkg")
    packages.merge_package(b, tmp_path / "a.odpkg")
    returns.edit_case(a, case_id, {"family_phone": "13911112222"})
    returns.edit_case(b, case_id, {"family_phone": "13933334444"})
    packages.export_package(a, tmp_path / "a2.odpkg")
    packages.export_package(b, tmp_path / "b.odpkg")
    packages.merge_package(county, tmp_path / "a.odpkg")
    packages.merge_package(county, tmp_path / "a2.odpkg")
    assert packages.merge_package(county, tmp_path / "b.odpkg").committed
    [conflict] = sync.open_conflicts(county)
    assert (conflict["table_name"], conflict["field"]) == ("return_cases", "family_phone")
    shown = sync.shown_value("return_cases", "family_phone", "13933334444")
    assert shown == "139****4444"
    assert sync.describe_record(county, "return_cases", case_id) == "2026-10-01 覃某"


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("status", "escaped", "Unknown value"),
        ("listed_on", "last week", "not a date"),
        ("location", "x" * 101, "characters long"),
        ("family_name", "覃\x1b[2J", "control character"),
    ],
)
def test_a_package_holding_an_entry_no_form_accepts_is_refused(
    laptops, tmp_path, column, value, words
):
    made, ids = laptops
    a, county = made["a"], made["county"]
    case_id = _list(a, ids)
    a.execute("PRAGMA ignore_check_constraints = ON")
    with a.atomic():  # what a laptop whose database was edited outside the program holds
        a.execute(f"UPDATE return_cases SET {column} = ? WHERE id = ?", (value, case_id))
    a.execute("PRAGMA ignore_check_constraints = OFF")
    packages.export_package(a, tmp_path / "a.odpkg")
    with pytest.raises(PackageRefused) as caught:
        packages.merge_package(county, tmp_path / "a.odpkg")
    assert words in str(caught.value)
    assert f"The return_cases record {case_id} cannot be accepted ({column})" in str(caught.value)
    assert county.scalar("SELECT count(*) FROM return_cases") == 0
