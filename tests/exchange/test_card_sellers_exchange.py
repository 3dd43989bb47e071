"""Card sellers and their interviews travel between laptops like warnings: in any order to the
same result, and a field changed on two laptops listed as a conflict, the person masked."""

from __future__ import annotations

from datetime import datetime

from desktop.domain import card_sellers, sync
from desktop.exchange import packages

NOW = datetime.fromisoformat("2026-11-20T09:00:00+08:00")
TABLES = ("residents", "card_sellers", "card_interviews")


def _send(source, target, path, **options):
    packages.export_package(source, path, **options)
    return packages.merge_package(target, path)


def _listed(database, resident_id, card_kind, **values):
    card_seller = card_sellers.add_card_seller(
        database, {"card_kind": card_kind, "source": "local_check", "listed_on": "2026-11-18",
                   **values},
        resident_id=resident_id, today=NOW.date(),
    )  # fmt: skip
    card_sellers.record_interview(
        database, card_seller, method="visit", result="warned", at=NOW, now=NOW
    )
    return card_seller


def _rows(database, table):
    columns = [
        row[1]
        for row in database.execute(f"PRAGMA table_info({table})")
        if row[1] not in ("change_seq", "versions")
    ]
    return database.query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")


def test_card_sellers_merge_in_any_order_to_the_same_register(laptops, tmp_path):
    made, ids = laptops
    a, b = made["a"], made["b"]
    _listed(a, ids["resident0"], "bank_card", outlet="中国农业银行平安支行", card_count=2)
    from_b = _listed(b, ids["resident1"], "phone_card", opened_locally=True)
    card_sellers.record_step(b, from_b, "pledged", "2026-11-20", today=NOW.date())
    packages.export_package(a, tmp_path / "a.odpkg")
    packages.export_package(b, tmp_path / "b.odpkg")
    first, second = made["county"], made["c"]
    for database, order in ((first, ("a", "b")), (second, ("b", "a"))):
        for name in order:
            assert packages.merge_package(database, tmp_path / f"{name}.odpkg").committed
    for table in TABLES:
        assert [tuple(row) for row in _rows(first, table)] == [
            tuple(row) for row in _rows(second, table)
        ], table
    assert first.scalar("SELECT count(*) FROM card_sellers") == 2
    assert first.scalar("SELECT count(*) FROM card_interviews") == 2
    pledged = card_sellers.get_card_seller(first, from_b)
    assert (pledged.status, pledged.interviewed_on.isoformat()) == ("pledged", "2026-11-20")
    # The county knows which laptop held which card seller's resident.
    held = {row[0] for row in first.query("SELECT resident_id FROM device_residents")}
    assert {ids["resident0"], ids["resident1"]} <= held
    # The same package again changes nothing.
    before = [tuple(row) for row in _rows(first, "card_sellers")]
    packages.merge_package(first, tmp_path / "a.odpkg")
    assert [tuple(row) for row in _rows(first, "card_sellers")] == before


def test_a_field_changed_on_two_laptops_is_a_conflict_with_the_person_masked(laptops, tmp_path):
    made, ids = laptops
    a, b, county = made["a"], made["b"], made["county"]
    card_seller = _listed(a, ids["resident0"], "bank_card")
    _send(a, b, tmp_path / "a-to-b.odpkg", destination="b")
    card_sellers.edit_card_seller(a, card_seller, {"notes": "本人称卡已丢失"}, today=NOW.date())
    card_sellers.edit_card_seller(b, card_seller, {"notes": "本人承认出租"}, today=NOW.date())
    _send(a, county, tmp_path / "a.odpkg")
    _send(b, county, tmp_path / "b.odpkg")
    [conflict] = sync.open_conflicts(county)
    assert (conflict["table_name"], conflict["field"]) == ("card_sellers", "notes")
    described = sync.describe_record(county, "card_sellers", card_seller)
    assert described.startswith("2026-11-18 王某") and "王秀英" not in described
