"""The register screen's read of card sellers: its wider filter and its columns."""

from datetime import date, datetime, timedelta, timezone

from desktop.core.validate import id_number_check_digit
from desktop.domain import areas as area_store
from desktop.domain import card_sellers as store
from desktop.domain import partners as partner_store
from desktop.domain.card_sellers import ScreenFilter

CST = timezone(timedelta(hours=8))
TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)


def _id_number(serial: int) -> str:
    first17 = f"45122319990101{serial:03d}"
    return first17 + id_number_check_digit(first17)


def _add(db, serial: int, **changes) -> str:
    values = {"name": f"韦小{'一二三四五六'[serial]}", "mobile": f"1380000000{serial}",
              "id_number": _id_number(serial), "card_kind": "bank_card", "source": "bank",
              "listed_on": f"2026-11-0{serial + 1}"}  # fmt: skip
    values.update(changes)
    return store.add_card_seller(db, values, today=TODAY)


def test_the_screen_rows_are_masked_with_outlet_manner_and_last_interview(db):
    county = area_store.add_area(db, name="金城江区", level="county", code="451202")
    partner = partner_store.add_partner(
        db, {"name": "农商行新建分理处", "kind": "bank_outlet", "area_id": county}
    )
    local = _add(db, 0, outlet_partner_id=partner, manner="sold", issuer="广西农信")
    elsewhere = _add(db, 1, outlet="南宁某营业厅", opened_locally=False, manner="rented")
    unknown = _add(db, 2)
    store.record_interview(db, local, method="summoned", result="absent",
                           at=NOW - timedelta(days=3), now=NOW)  # fmt: skip
    store.record_interview(db, local, method="visit", result="warned", at=NOW, now=NOW)
    rows, key = store.screen_rows(db, ScreenFilter(view="all"))
    assert key is None and [row.id for row in rows] == [unknown, elsewhere, local]
    first = rows[2]
    assert (first.resident_name, first.outlet, first.issuer) == (
        "韦某",
        "农商行新建分理处",
        "广西农信",
    )
    assert (first.manner, first.status, first.last_interview) == ("sold", "interviewed", NOW)
    assert rows[0].last_interview is None and "韦小" not in repr(rows)
    assert [r.id for r in store.screen_rows(db, ScreenFilter(opened_locally=True))[0]] == [local]
    assert [r.id for r in store.screen_rows(db, ScreenFilter(opened_locally=False))[0]] == [
        elsewhere
    ]
    assert [r.id for r in store.screen_rows(db, ScreenFilter(manner="unknown"))[0]] == [unknown]
    assert store.count_card_sellers(db, ScreenFilter(manner="rented")) == 1


def test_the_screen_pages_without_gaps(db):
    ids = [_add(db, serial) for serial in range(5)]
    seen, key = [], None
    while True:
        page, key = store.screen_rows(db, ScreenFilter(view="all"), after=key, limit=2)
        seen += [row.id for row in page]
        if key is None:
            break
    assert seen == ids[::-1]
