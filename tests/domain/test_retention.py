from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.errors import ValidationError
from desktop.db import audit
from desktop.db.records import get_record
from desktop.domain import areas as area_store
from desktop.domain import retention, statistics
from desktop.domain import warnings as warning_store

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)


def _case(db, area, received, mobile, *, closed_after=timedelta(hours=2), outcome="dissuaded"):
    warning_id = warning_store.intake(
        db, {"source": "bank", "level": "high", "name": "罗某某", "mobile": mobile,
             "id_number": None, "address": "凤城镇坡心村3组", "area_id": area},
        now=received,
    )  # fmt: skip
    warning_store.record_contact(
        db, warning_id, method="visit", result="met", notes="罗某某本人在家，已劝阻",
        at=received + timedelta(minutes=30), now=received + timedelta(hours=1),
    )  # fmt: skip
    if closed_after is not None:
        warning_store.close_warning(
            db, warning_id, outcome=outcome, amount_protected="3万",
            now=received + closed_after,
        )  # fmt: skip
    return warning_id


def test_old_cases_lose_their_personal_data_and_keep_their_figures(db):
    county = area_store.add_area(db, name="凤山县", level="county")
    town = area_store.add_area(db, name="凤城镇", level="township", parent_id=county)
    village = area_store.add_area(db, name="坡心村", level="community", parent_id=town)
    old = _case(db, village, NOW - timedelta(days=4 * 365), "13800000001")
    recent = _case(db, village, NOW - timedelta(days=200), "13800000002")
    still_open = _case(db, village, NOW - timedelta(days=5 * 365), "13800000003", closed_after=None)
    periods = [statistics.Period.year(2022), statistics.Period.year(2026),
               statistics.Period(date(2021, 1, 1), date(2026, 11, 25))]  # fmt: skip
    before = [statistics.compute_figures(db, p, today=NOW.date()) for p in periods]
    assert retention.purge_due(db, NOW)
    assert retention.purge_personal_data(db, NOW) == 1
    after = [statistics.compute_figures(db, p, today=NOW.date()) for p in periods]
    assert after == before  # the statistics are unchanged
    resident = get_record(db, "residents", get_record(db, "warnings", old)["resident_id"])
    assert (resident["name"], resident["mobile"], resident["address"]) == ("（已清除）", None, "")
    assert warning_store.contact_timeline(db, old)[0].notes == ""
    for kept in (recent, still_open):
        person = get_record(db, "residents", get_record(db, "warnings", kept)["resident_id"])
        assert person["name"] == "罗某某" and person["mobile"]
    assert "personal data of 1 residents cleared" in audit.recent(db)[0]["summary"]
    assert not retention.purge_due(db, NOW + timedelta(days=29))
    assert retention.purge_due(db, NOW + timedelta(days=30))
    assert retention.purge_personal_data(db, NOW) == 0  # nothing more to clear


def test_the_retention_period_is_the_stations_setting(db):
    village = area_store.add_area(db, name="城东社区", level="county")
    _case(db, village, NOW - timedelta(days=400), "13800000001")
    assert retention.residents_due(db, NOW) == []
    retention.set_retention_years(db, 1)
    assert len(retention.residents_due(db, NOW)) == 1
    with pytest.raises(ValidationError):
        retention.set_retention_years(db, 0)


def test_persons_abroad_lose_their_personal_data_years_after_closing_off(db):
    from desktop.domain import return_cases as returns

    county = area_store.add_area(db, name="凤山县", level="county")

    def person(mobile, listed, closed=None, warned=None):
        case_id = returns.list_person(
            db,
            {"name": "覃某某", "mobile": mobile, "area_id": county, "location": "laos",
             "lead_source": "family_report", "category": "suspected_victim",
             "listed_on": listed, "family_name": "覃大哥", "family_phone": "13900000000",
             "notes": "覃某某在老挝"},
            today=NOW.date(),
        )  # fmt: skip
        returns.record_contact(db, case_id, party="family", method="phone", result="reached",
                               notes="家属覃大哥接听", at=datetime.fromisoformat(listed + "T10:00+08:00"),
                               now=NOW)  # fmt: skip
        if closed:
            returns.record_step(db, case_id, "returned", on=closed, today=NOW.date())
            returns.record_step(db, case_id, "closed", on=closed, close_reason="surrendered",
                                today=NOW.date())  # fmt: skip
        return case_id

    old = person("13800000011", "2021-01-05", closed="2021-06-01")
    recent = person("13800000012", "2023-01-05", closed="2024-06-01")
    still_open = person("13800000013", "2020-01-05")
    year = statistics.Period.year(2021)
    before = statistics.compute_figures(db, year, only=["returns_returned", "returns_closed"])
    assert retention.purge_personal_data(db, NOW) == 1
    cleared = get_record(db, "return_cases", old)
    resident = get_record(db, "residents", cleared["resident_id"])
    assert (resident["name"], resident["mobile"]) == (retention.PURGED_NAME, None)
    assert (cleared["family_name"], cleared["family_phone"], cleared["notes"]) == ("", "", "")
    assert db.scalar("SELECT notes FROM return_contacts WHERE case_id = ?", (old,)) == ""
    assert (cleared["status"], cleared["returned_on"]) == ("closed", "2021-06-01")
    for kept in (recent, still_open):
        case = get_record(db, "return_cases", kept)
        assert case["family_name"] == "覃大哥"
        assert get_record(db, "residents", case["resident_id"])["name"] == "覃某某"
    after = statistics.compute_figures(db, year, only=["returns_returned", "returns_closed"])
    assert after == before == {**before, "returns_returned": 1, "returns_closed": 1}


def test_card_sellers_lose_their_personal_data_years_after_they_ended(db):
    from desktop.core.validate import id_number_check_digit
    from desktop.domain import card_sellers

    county = area_store.add_area(db, name="凤山县", level="county")

    def listed(serial, day, end=None):
        first17 = f"45122319990101{serial:03d}"
        card_seller_id = card_sellers.add_card_seller(
            db, {"name": "蓝某某", "id_number": first17 + id_number_check_digit(first17),
                 "card_kind": "bank_card", "source": "bank", "listed_on": day,
                 "area_id": county, "notes": "蓝某某自述卖卡", "outlet": "农行凤山支行"},
            today=NOW.date(),
        )  # fmt: skip
        card_sellers.record_interview(
            db, card_seller_id, method="summoned", result="warned", notes="蓝某某到所",
            at=datetime.fromisoformat(day + "T10:00:00+08:00"), now=NOW,
        )  # fmt: skip
        if end:
            card_sellers.record_step(db, card_seller_id, "restricted", end,
                                     restricted_to="河池市反诈中心韦某", today=NOW.date())  # fmt: skip
            card_sellers.record_step(db, card_seller_id, "closed", end,
                                     close_reason="蓝某某已受惩戒", today=NOW.date())  # fmt: skip
        return card_seller_id

    old = listed(1, "2022-03-01", end="2022-06-01")
    handed_over = listed(2, "2022-03-01")
    card_sellers.record_step(db, handed_over, "handed_over", "2022-05-01",
                             handed_over_to="刑侦大队黄某", today=NOW.date())  # fmt: skip
    recent = listed(3, "2025-03-01", end="2025-06-01")
    still_open = listed(4, "2021-03-01")
    periods = [statistics.Period.year(2022), statistics.Period(date(2021, 1, 1), NOW.date())]
    before = [statistics.compute_figures(db, p, today=NOW.date()) for p in periods]
    outlets = [statistics.outlets_by_cards(db, p) for p in periods]
    assert retention.purge_personal_data(db, NOW) == 2
    assert [statistics.compute_figures(db, p, today=NOW.date()) for p in periods] == before
    assert [statistics.outlets_by_cards(db, p) for p in periods] == outlets
    for cleared in (old, handed_over):
        record = get_record(db, "card_sellers", cleared)
        person = get_record(db, "residents", record["resident_id"])
        assert (person["name"], person["id_number"], record["notes"]) == ("（已清除）", None, "")
        texts = ("close_reason", "restricted_to", "handed_over_to")
        assert [record[field] for field in texts] == ["", "", ""]
        assert (record["status"], record["outlet"]) == (
            "closed" if cleared == old else "handed_over", "农行凤山支行",
        )  # fmt: skip
        assert card_sellers.interview_timeline(db, cleared)[0].notes == ""
    for kept in (recent, still_open):
        person = get_record(db, "residents", get_record(db, "card_sellers", kept)["resident_id"])
        assert person["name"] == "蓝某某" and person["id_number"]


def test_a_resident_warned_recently_keeps_the_data_of_an_old_card_seller(db):
    from desktop.domain import card_sellers

    county = area_store.add_area(db, name="凤山县", level="county")
    warning_id = _case(db, county, NOW - timedelta(days=30), "13800000009")
    resident = get_record(db, "warnings", warning_id)["resident_id"]
    card_seller_id = card_sellers.add_card_seller(
        db, {"card_kind": "phone_card", "source": "operator", "listed_on": "2021-01-04"},
        resident_id=resident, today=NOW.date(),
    )  # fmt: skip
    card_sellers.record_step(
        db, card_seller_id, "closed", "2021-02-01", close_reason="核实无涉", today=NOW.date()
    )
    assert retention.purge_personal_data(db, NOW) == 0
