"""A package carrying a ledger record no form would accept — a path out of order, a day of a
step not reached, a place not on the list — is refused naming the record and the field; two
copies each within the rules whose merge is not leave this copy as it is, the fields listed
as conflicts."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.core.errors import PackageRefused, ValidationError
from desktop.domain import card_sellers, return_cases, sync
from desktop.domain.sync import RecordRefused
from desktop.exchange import packages

NOW = datetime.fromisoformat("2026-11-20T09:00:00+08:00")


def _card(database, resident_id):
    return card_sellers.add_card_seller(
        database, {"card_kind": "bank_card", "source": "local_check", "listed_on": "2026-11-10"},
        resident_id=resident_id, today=NOW.date(),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("table", "changes", "field"),
    [
        ("card_sellers", "status = 'closed', closed_on = '2026-11-01', close_reason = 'x'",
         "closed_on"),  # closed before listed
        ("card_sellers", "closed_on = '2026-11-12'", "closed_on"),  # 待核查 with a 销账 day
        ("card_sellers", "status = 'pledged'", "pledged_on"),  # at a step without its day
        ("return_cases", "location = '张三 13812345678'", "location"),  # not from the list
        ("return_cases", "status = 'closed', closed_on = '2026-11-12', close_reason = 'never_left',"
         " listed_on = '2026-11-15'", "closed_on"),
    ],
)  # fmt: skip
def test_a_hostile_ledger_record_refuses_the_package(laptops, tmp_path, table, changes, field):
    made, ids = laptops
    a, county = made["a"], made["county"]
    if table == "card_sellers":
        record = _card(a, ids["resident0"])
    else:
        record = return_cases.list_person(
            a, {"location": "laos", "lead_source": "upper_level", "category": "high_risk",
                "listed_on": "2026-11-10"}, resident_id=ids["resident0"], today=NOW.date(),
        )  # fmt: skip
    # What a tampered laptop sends: the row changed behind the gateway's back.
    with a.atomic():
        a.execute(f"UPDATE {table} SET {changes} WHERE id = ?", (record,))
    packages.export_package(a, tmp_path / "a.odpkg")
    with pytest.raises(PackageRefused) as refused:
        packages.merge_package(county, tmp_path / "a.odpkg")
    cause = refused.value.__cause__
    assert isinstance(cause, RecordRefused) and (cause.table, cause.field) == (table, field)
    assert "Nothing was merged" in refused.value.render()
    assert county.scalar(f"SELECT count(*) FROM {table}") == 0


def test_two_copies_within_the_rules_whose_merge_is_not_are_conflicts(laptops, tmp_path):
    made, ids = laptops
    a, b = made["a"], made["b"]
    record = _card(a, ids["resident0"])
    packages.export_package(a, tmp_path / "first.odpkg")
    assert packages.merge_package(b, tmp_path / "first.odpkg").committed
    # Here the listing moves later; there a step is recorded before that new day.
    card_sellers.edit_card_seller(a, record, {"listed_on": "2026-11-15"}, today=NOW.date())
    card_sellers.record_step(b, record, "interviewed", "2026-11-12", today=NOW.date())
    packages.export_package(a, tmp_path / "second.odpkg")
    result = packages.merge_package(b, tmp_path / "second.odpkg")
    assert result.committed
    assert [(c.table, c.field) for c in result.report.conflicts] == [("card_sellers", "listed_on")]
    kept = card_sellers.get_card_seller(b, record)
    assert (kept.listed_on.isoformat(), kept.interviewed_on.isoformat()) == (
        "2026-11-10", "2026-11-12",
    )  # fmt: skip
    # Taking the other laptop's day would break the rule: refused, the copy unchanged.
    [conflict] = sync.open_conflicts(b)
    with pytest.raises(ValidationError):
        sync.resolve_conflict(b, conflict["seq"], take_other=True)
    assert card_sellers.get_card_seller(b, record).listed_on.isoformat() == "2026-11-10"
