"""The same resident entered on two laptops: suggested at the county, merged keeping every
warning of both, and the same outcome when two laptops merge the pair on their own."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.core.errors import ValidationError
from desktop.domain import duplicates, sync, warnings
from desktop.exchange import packages

NOW = datetime.fromisoformat("2026-11-22T10:00:00+08:00")


def _warn(database, name, mobile, id_number=None, minute=0):
    values = {"name": name, "mobile": mobile, "source": "platform", "level": "high",
              "received_at": NOW.replace(minute=minute)}  # fmt: skip
    if id_number:
        values["id_number"] = id_number
    return warnings.intake(database, values, now=NOW.replace(minute=minute))


def _send(source, target, path):
    packages.export_package(source, path, destination=str(path))
    return packages.merge_package(target, path)


def test_the_same_person_on_two_laptops_is_suggested_and_merged_with_all_warnings(
    laptops, tmp_path
):
    made, _ids = laptops
    a, b, county = made["a"], made["b"], made["county"]
    first = _warn(a, "陆小凤", "13600136000", "110101195001011239", minute=1)
    second = _warn(b, "陆小凤", "13600136000", minute=2)
    relative = _warn(b, "陆大凤", "13600136000", "110101197001011238", minute=3)
    _send(a, county, tmp_path / "a.odpkg")
    _send(b, county, tmp_path / "b.odpkg")
    pairs = duplicates.suggested_duplicates(county)
    names = {(pair.keep["name"], pair.other["name"], pair.reason) for pair in pairs}
    # Same mobile: suggested; but a different ID number means a relative, not the same person.
    assert ("陆小凤", "陆小凤", "mobile") in names
    assert not any({p.keep["id_number"], p.other["id_number"]} == {"110101195001011239",
                    "110101197001011238"} for p in pairs)  # fmt: skip
    pair = next(p for p in pairs if p.keep["name"] == p.other["name"] == "陆小凤")
    kept = duplicates.merge_residents(county, pair.other["id"], pair.keep["id"])
    assert kept == pair.keep["id"]  # the record made first stays, whichever way it is asked
    on_record = {
        row[0] for row in county.execute("SELECT id FROM warnings WHERE resident_id = ?", (kept,))
    }
    assert {first, second} <= on_record
    survivor = county.execute("SELECT * FROM residents WHERE id = ?", (kept,)).fetchone()
    assert survivor["id_number"] == "110101195001011239" and "high_risk" in survivor["tags"]
    assert county.scalar("SELECT deleted_at FROM residents WHERE id = ?", (pair.other["id"],))
    assert relative and not [p for p in duplicates.suggested_duplicates(county)
                             if {p.keep["id"], p.other["id"]} == {pair.keep["id"], pair.other["id"]}]  # fmt: skip


def test_two_laptops_merging_the_same_pair_agree(laptops, tmp_path):
    made, _ids = laptops
    a, b, county = made["a"], made["b"], made["county"]
    _warn(a, "陆小凤", "13600136000", minute=1)
    _warn(b, "陆小凤", "13600136000", minute=2)
    _send(a, b, tmp_path / "ab.odpkg")
    _send(b, a, tmp_path / "ba.odpkg")
    pair_a = duplicates.suggested_duplicates(a)[0]
    pair_b = duplicates.suggested_duplicates(b)[0]
    assert duplicates.merge_residents(a, pair_a.keep["id"], pair_a.other["id"]) == (
        duplicates.merge_residents(b, pair_b.other["id"], pair_b.keep["id"])
    )
    _send(a, county, tmp_path / "a.odpkg")
    result = _send(b, county, tmp_path / "b.odpkg")
    assert result.report.conflicts == [] and sync.count_open_conflicts(county) == 0
    assert (
        county.scalar("SELECT count(*) FROM residents WHERE name = '陆小凤' AND deleted_at IS NULL")
        == 1
    )
    assert (
        county.scalar(
            "SELECT count(DISTINCT resident_id) FROM warnings w JOIN residents r"
            " ON r.id = w.resident_id WHERE r.name = '陆小凤'"
        )
        == 1
    )


def test_a_pair_set_aside_is_no_longer_suggested_and_two_id_numbers_never_merge(laptops):
    made, _ids = laptops
    a = made["a"]
    _warn(a, "陆小凤", "13600136000", minute=1)
    _warn(a, "陆小鸡", "13600136000", minute=2)
    [pair] = duplicates.suggested_duplicates(a)
    duplicates.set_aside(a, pair.other["id"], pair.keep["id"])
    assert duplicates.suggested_duplicates(a) == []
    one = _warn(a, "甲", "13500135000", "110101195001011239", minute=3)
    two = _warn(a, "乙", "13400134000", "110101197001011238", minute=4)
    ids = [a.scalar("SELECT resident_id FROM warnings WHERE id = ?", (w,)) for w in (one, two)]
    with pytest.raises(ValidationError, match="two people"):
        duplicates.merge_residents(a, *ids)
    with pytest.raises(ValidationError, match="two different"):
        duplicates.merge_residents(a, ids[0], ids[0])
