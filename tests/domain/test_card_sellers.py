from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.errors import ValidationError
from desktop.core.validate import id_number_check_digit
from desktop.db import audit
from desktop.db.records import get_record
from desktop.domain import areas as area_store
from desktop.domain import card_sellers as store
from desktop.domain import partners as partner_store
from desktop.domain import residents as resident_store
from desktop.domain import warnings as warning_store
from desktop.domain.card_sellers import MatchesOnRecord, RegisterFilter

CST = timezone(timedelta(hours=8))
TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)


def id_number(serial: int) -> str:
    first17 = f"45122319990101{serial:03d}"
    return first17 + id_number_check_digit(first17)


ID_NUMBER = id_number(123)


def add(db, **changes):
    values = {"name": "韦小明", "mobile": "13812345678", "id_number": ID_NUMBER,
              "card_kind": "bank_card", "source": "upper_level", "listed_on": "2026-11-02"}  # fmt: skip
    values.update(changes)
    resident_id = values.pop("resident_id", None)
    new_person = values.pop("new_person", False)
    return store.add_card_seller(
        db, values, resident_id=resident_id, new_person=new_person, today=TODAY
    )


def _count(db, table):
    return db.scalar(f"SELECT count(*) FROM {table}")


def test_listing_writes_the_resident_and_the_record_without_names_in_the_log(db):
    card_seller_id = add(db, card_count="3张", manner="rented", issuer="中国农业银行")
    record = get_record(db, "card_sellers", card_seller_id)
    assert (record["status"], record["card_kind"], record["card_count"]) == (
        "to_verify", "bank_card", 3,
    )  # fmt: skip
    assert (record["listed_on"], record["manner"], record["source"]) == (
        "2026-11-02", "rented", "upper_level",
    )  # fmt: skip
    resident = get_record(db, "residents", record["resident_id"])
    assert (resident["name"], resident["id_number"]) == ("韦小明", ID_NUMBER)
    assert [entry["action"] for entry in audit.recent(db)][:2] == ["create", "create"]
    assert "韦" not in " ".join(entry["summary"] for entry in audit.recent(db))


def test_a_list_may_name_the_person_by_id_number_alone(db):
    card_seller_id = add(db, mobile="")
    resident = get_record(
        db, "residents", get_record(db, "card_sellers", card_seller_id)["resident_id"]
    )
    assert resident["mobile"] is None
    with pytest.raises(ValidationError) as refused:
        add(db, mobile="", id_number="")
    assert refused.value.field == "mobile"  # then one of the two is needed
    assert refused.value.render() == "Give the ID number or the mobile: one of the two is needed."


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"card_kind": "credit"}, "card_kind"),
        ({"card_kind": None}, "card_kind"),
        ({"source": "rumour"}, "source"),
        ({"manner": "given"}, "manner"),
        ({"name": ""}, "name"),
        ({"id_number": ID_NUMBER[:-1] + ("0" if ID_NUMBER[-1] != "0" else "1")}, "id_number"),
        ({"listed_on": "2026-12-01"}, "listed_on"),  # in the future
        ({"card_count": "0"}, "card_count"),
        ({"card_count": "两张"}, "card_count"),
        ({"outlet_partner_id": "nobody"}, "outlet_partner_id"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(db, changes, field):
    with pytest.raises(ValidationError) as refused:
        add(db, **changes)
    assert refused.value.field == field
    assert _count(db, "card_sellers") == _count(db, "residents") == 0


def test_a_person_on_record_is_offered_for_linking_never_listed_twice_by_accident(db):
    warning_store.intake(
        db, {"source": "bank", "level": "high", "name": "韦小明", "mobile": "13812345678",
             "id_number": ID_NUMBER}, now=NOW,
    )  # fmt: skip
    resident_id = db.scalar("SELECT id FROM residents")
    with pytest.raises(MatchesOnRecord) as offered:
        add(db)
    assert [match.id for match in offered.value.matches] == [resident_id]
    assert offered.value.field == "resident" and _count(db, "card_sellers") == 0
    first = add(db, resident_id=resident_id)
    assert get_record(db, "card_sellers", first)["resident_id"] == resident_id
    # The same resident for the same kind of card, still on the register: refused.
    with pytest.raises(ValidationError, match="already on the register") as twice:
        add(db, resident_id=resident_id, listed_on="2026-11-10")
    assert twice.value.field == "card_kind"
    add(db, resident_id=resident_id, card_kind="phone_card")  # another kind is another record
    # Someone else sharing the family phone is written as a new person when the officer says so.
    other = add(db, name="韦小红", id_number=id_number(124), new_person=True)
    assert get_record(db, "card_sellers", other)["resident_id"] != resident_id
    assert _count(db, "residents") == 2


def test_opened_locally_follows_the_outlet_or_what_was_said(db):
    county = area_store.add_area(db, name="都安瑶族自治县", level="county")
    local = partner_store.add_partner(
        db, {"name": "中国农业银行都安支行", "kind": "bank_outlet", "area_id": county}
    )
    nowhere = partner_store.add_partner(db, {"name": "某银行网点", "kind": "bank_outlet"})
    cases = [
        ({"outlet_partner_id": local, "opened_locally": False}, 1),  # a partner with an area
        ({"outlet_partner_id": nowhere, "opened_locally": False}, 0),
        ({"outlet_partner_id": nowhere}, None),
        ({"outlet": "中国移动东莞代理点", "opened_locally": False}, 0),
        ({"outlet": "中国移动都安营业厅", "opened_locally": True}, 1),
        ({}, None),
    ]
    ids = []
    for serial, (changes, expected) in enumerate(cases):
        ids.append(add(db, id_number=id_number(serial), mobile=f"1390000000{serial}", **changes))
        assert get_record(db, "card_sellers", ids[-1])["opened_locally"] == expected
    # A partner outlet is named by the partner, in the record and in the register.
    assert store.get_card_seller(db, ids[0]).outlet == "中国农业银行都安支行"
    shown = {item.id: item.outlet for item in store.list_card_sellers(db)[0]}
    assert (shown[ids[0]], shown[ids[3]]) == ("中国农业银行都安支行", "中国移动东莞代理点")


def test_the_path_records_each_step_on_its_real_day(db):
    card_seller_id = add(db)
    store.record_step(db, card_seller_id, "interviewed", "2026-11-05", today=TODAY)
    store.record_step(db, card_seller_id, "pledged", date(2026, 11, 5), today=TODAY)
    with pytest.raises(ValidationError) as unnamed:
        store.record_step(db, card_seller_id, "restricted", "2026-11-20", today=TODAY)
    assert unnamed.value.field == "restricted_to"
    store.record_step(
        db, card_seller_id, "restricted", "2026-11-20", restricted_to="河池市反诈中心", today=TODAY
    )
    with pytest.raises(ValidationError) as no_reason:
        store.record_step(db, card_seller_id, "closed", "2026-11-24", today=TODAY)
    assert no_reason.value.field == "close_reason"
    store.record_step(
        db, card_seller_id, "closed", "2026-11-24", close_reason="惩戒已报送，销账", today=TODAY
    )
    record = store.get_card_seller(db, card_seller_id)
    assert record.status == "closed"
    assert (record.interviewed_on, record.pledged_on, record.restricted_on, record.closed_on) == (
        date(2026, 11, 5), date(2026, 11, 5), date(2026, 11, 20), date(2026, 11, 24),
    )  # fmt: skip
    assert (record.restricted_to, record.close_reason) == ("河池市反诈中心", "惩戒已报送，销账")
    assert audit.recent(db)[0]["summary"] == "step: closed 2026-11-24"


@pytest.mark.parametrize(
    ("step", "day", "field"),
    [
        ("interviewed", "2026-10-30", "on"),  # before the listing
        ("interviewed", "2026-11-26", "on"),  # in the future
        ("pledged", "2026-11-03", "on"),  # before the interview it follows
        ("finished", "2026-11-10", "status"),
    ],
)
def test_a_step_day_out_of_order_is_refused(db, step, day, field):
    card_seller_id = add(db)
    store.record_step(db, card_seller_id, "interviewed", "2026-11-04", today=TODAY)
    if step == "interviewed":
        store.record_step(db, card_seller_id, "to_verify", correction_reason="录错", today=TODAY)
    before = get_record(db, "card_sellers", card_seller_id)
    with pytest.raises(ValidationError) as refused:
        store.record_step(db, card_seller_id, step, day, today=TODAY)
    assert refused.value.field == field
    assert get_record(db, "card_sellers", card_seller_id) == before


def test_steps_may_be_skipped_forwards_but_going_back_is_a_correction(db):
    card_seller_id = add(db)
    store.record_step(db, card_seller_id, "handed_over", "2026-11-10",
                      handed_over_to="都安县公安局刑侦大队", today=TODAY)  # fmt: skip
    for back in ("pledged", "closed", "handed_over"):  # earlier, the other end, the same again
        with pytest.raises(ValidationError) as refused:
            store.record_step(db, card_seller_id, back, "2026-11-12", close_reason="x", today=TODAY)
        assert refused.value.field == "correction_reason"
    store.record_step(
        db, card_seller_id, "pledged", "2026-11-12", correction_reason="误点移交", today=TODAY
    )
    record = store.get_card_seller(db, card_seller_id)
    assert (record.status, record.pledged_on) == ("pledged", date(2026, 11, 12))
    assert (record.handed_over_on, record.handed_over_to) == (None, "")  # the undone step
    assert "correction: 误点移交" in audit.recent(db)[0]["summary"]


def test_interviews_are_stamped_correctable_and_the_first_warning_one_is_the_step(db):
    card_seller_id = add(db)
    absent = store.record_interview(
        db, card_seller_id, method="summoned", result="absent", at=NOW - timedelta(days=10), now=NOW
    )
    assert store.get_card_seller(db, card_seller_id).status == "to_verify"
    warned = store.record_interview(
        db, card_seller_id, method="visit", result="warned", notes="已训诫", now=NOW
    )
    record = store.get_card_seller(db, card_seller_id)
    assert (record.status, record.interviewed_on) == ("interviewed", NOW.date())
    timeline = store.interview_timeline(db, card_seller_id)
    assert [item.id for item in timeline] == [absent, warned]
    assert timeline[1].at == NOW and timeline[1].notes == "已训诫"
    store.update_interview(
        db, warned, at=NOW - timedelta(hours=3), notes="本人到场，已训诫", now=NOW
    )
    corrected = store.interview_timeline(db, card_seller_id)[1]
    assert (corrected.at, corrected.notes) == (NOW - timedelta(hours=3), "本人到场，已训诫")
    assert audit.recent(db)[0]["summary"] == "interview corrected"
    for at in (datetime(2026, 11, 1, 9, tzinfo=CST), NOW + timedelta(hours=2)):
        with pytest.raises(ValidationError) as refused:
            store.record_interview(db, card_seller_id, method="phone", result="warned", at=at,
                                   now=NOW)  # fmt: skip
        assert refused.value.field == "at"
    with pytest.raises(ValidationError):
        store.record_interview(db, card_seller_id, method="letter", result="warned", now=NOW)
    assert len(store.interview_timeline(db, card_seller_id)) == 2


def test_editing_keeps_the_listing_before_the_steps_and_one_open_record_a_kind(db):
    card_seller_id = add(db)
    phone = add(db, card_kind="phone_card", resident_id=db.scalar("SELECT id FROM residents"))
    assert store.edit_card_seller(db, card_seller_id, {"card_count": 4, "issuer": "农商行"},
                                  today=TODAY) == ["card_count", "issuer"]  # fmt: skip
    store.record_step(db, card_seller_id, "interviewed", "2026-11-05", today=TODAY)
    with pytest.raises(ValidationError) as late:
        store.edit_card_seller(db, card_seller_id, {"listed_on": "2026-11-06"}, today=TODAY)
    assert late.value.field == "listed_on"
    with pytest.raises(ValidationError) as twice:
        store.edit_card_seller(db, phone, {"card_kind": "bank_card"}, today=TODAY)
    assert twice.value.field == "card_kind"
    assert store.get_card_seller(db, card_seller_id).card_count == 4


def test_the_register_is_masked_pages_without_gaps_and_reveals_with_a_logged_reason(db):
    ids = [
        add(db, name=f"蓝{'一二三四五'[n]}", id_number=id_number(n), mobile=f"1380000000{n}",
            listed_on=f"2026-11-0{n + 1}")
        for n in range(5)
    ]  # fmt: skip
    store.record_step(db, ids[0], "closed", "2026-11-20", close_reason="核实无涉", today=TODAY)
    pages, key = [], None
    while True:
        page, key = store.list_card_sellers(db, RegisterFilter(view="all"), after=key, limit=2)
        pages.append(page)
        if key is None:
            break
    items = [item for page in pages for item in page]
    assert [item.id for item in items] == ids[::-1]  # newest listing first, each once
    assert {item.resident_name for item in items} == {"蓝某"}
    assert items[0].mobile == "138****0004" and items[0].id_number.count("*") == 10
    assert store.count_card_sellers(db) == 4  # open ones
    assert [i.id for i in store.list_card_sellers(db, RegisterFilter(view="ended"))[0]] == [ids[0]]
    with pytest.raises(ValidationError):
        store.reveal_card_seller(db, ids[2], " ")
    person = store.reveal_card_seller(db, ids[2], "约谈核实身份")
    assert (person.name, person.mobile) == ("蓝三", "13800000002")
    last = audit.recent(db)[0]
    assert (last["action"], last["table_name"], last["row_id"]) == (
        "reveal",
        "card_sellers",
        ids[2],
    )
    assert "约谈核实身份" in last["summary"]


def test_merging_duplicate_residents_moves_their_card_sellers(db):
    from desktop.domain import duplicates

    first = add(db)
    keep = get_record(db, "card_sellers", first)["resident_id"]
    other = resident_store.add_resident(db, {"name": "韦小明", "mobile": "13812345678"})
    moved = add(db, card_kind="phone_card", resident_id=other)
    kept = duplicates.merge_residents(db, keep, other)
    assert {get_record(db, "card_sellers", i)["resident_id"] for i in (first, moved)} == {kept}


def test_an_unknown_or_retired_officer_or_area_is_refused_by_name(db):
    from desktop.db.records import retire_record
    from desktop.domain import officers as officer_store

    officer = officer_store.add_officer(db, {"name": "黄警官", "badge_number": "045678"})
    gone_officer = officer_store.add_officer(db, {"name": "覃警官", "badge_number": "045679"})
    county = area_store.add_area(db, name="宜州区", level="county")
    gone_area = area_store.add_area(db, name="庆远镇", level="township", parent_id=county)
    with db.atomic():
        retire_record(db, "officers", gone_officer, summary="left")
        retire_record(db, "areas", gone_area, summary="merged")
    card_seller_id = add(db, officer_id=officer)
    before = get_record(db, "card_sellers", card_seller_id)
    for bad in ("bogus", gone_officer):
        with pytest.raises(ValidationError) as info:
            add(db, officer_id=bad, card_kind="phone_card")
        assert (info.value.field, info.value.render()) == (
            "officer_id",
            "Choose a current officer.",
        )
        with pytest.raises(ValidationError) as info:
            store.edit_card_seller(db, card_seller_id, {"officer_id": bad}, today=TODAY)
        assert info.value.field == "officer_id"
        with pytest.raises(ValidationError) as info:
            store.record_interview(db, card_seller_id, method="phone", result="warned",
                                   at="2026-11-03 10:00", officer_id=bad, now=NOW)  # fmt: skip
        assert info.value.field == "officer_id"
    for bad in ("bogus", gone_area):
        with pytest.raises(ValidationError) as info:
            store.edit_card_seller(db, card_seller_id, {"area_id": bad}, today=TODAY)
        assert (info.value.field, info.value.render()) == ("area_id", "Choose an area on record.")
        with pytest.raises(ValidationError) as info:
            add(db, area_id=bad, card_kind="phone_card", new_person=True, id_number=id_number(9))
        assert info.value.field == "area_id"
    assert get_record(db, "card_sellers", card_seller_id) == before
    assert _count(db, "card_interviews") == 0
    # An officer retired after the listing does not stop other corrections.
    with db.atomic():
        retire_record(db, "officers", officer, summary="left")
    assert store.edit_card_seller(db, card_seller_id, {"notes": "已核实"}, today=TODAY) == ["notes"]
