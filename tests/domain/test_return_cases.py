"""The ledger of persons abroad (劝返): listing, the path with its real dates, contacts,
measures, masking and the reveal, what is overdue and the board."""

from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.errors import ValidationError
from desktop.core.validate import id_number_check_digit
from desktop.db import audit
from desktop.db.records import get_record
from desktop.domain import areas as area_store
from desktop.domain import officers as officer_store
from desktop.domain import residents as resident_store
from desktop.domain import return_cases as returns
from desktop.domain import warnings as warning_store

CST = timezone(timedelta(hours=8))
TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
ID_17 = "45120219900101123"
ID_NUMBER = ID_17 + id_number_check_digit(ID_17)


def _tree(db):
    def add(name, level, parent=None):
        return area_store.add_area(db, name=name, level=level, parent_id=parent)

    county = add("金城江区", "county")
    village = add("平旦村", "community", add("五圩镇", "township", county))
    other_county = add("宜州区", "county")
    street = add("城东社区", "community", add("庆远镇", "township", other_county))
    return county, village, other_county, street


def list_person(db, **changes):
    values = {
        "name": "罗明明", "mobile": "13812345678", "id_number": ID_NUMBER,
        "location": "myanmar_north", "lead_source": "upper_level", "category": "high_risk",
        "listed_on": date(2026, 9, 1), "deadline_on": date(2026, 10, 31),
        "family_name": "罗大山", "family_relation": "父亲", "family_phone": "139 0000 1111",
    }  # fmt: skip
    values.update(changes)
    resident_id = values.pop("resident_id", None)
    return returns.list_person(db, values, resident_id=resident_id, today=TODAY)


def test_listing_writes_the_resident_and_the_entry_with_its_registration_area(db):
    county, village, _other, street = _tree(db)
    case_id = list_person(db, area_id=village, residence_area_id=street, left_on="2026-03-02")
    case = returns.get_case(db, case_id)
    assert (case.status, case.area_id, case.residence_area_id) == ("to_verify", village, street)
    assert (case.listed_on, case.deadline_on, case.left_on) == (
        date(2026, 9, 1), date(2026, 10, 31), date(2026, 3, 2),
    )  # fmt: skip
    assert (case.departure, case.family_phone) == ("unknown", "13900001111")
    resident = resident_store.get_resident(db, case.resident_id)
    assert (resident.name, resident.id_number) == ("罗明明", ID_NUMBER)
    entries = audit.recent(db)
    assert [e["table_name"] for e in entries[:2]] == ["return_cases", "residents"]
    assert "罗" not in " ".join(e["summary"] for e in entries)  # no names in the log


def test_a_person_known_by_id_number_may_have_no_mobile_and_one_without_needs_it(db):
    case_id = list_person(db, mobile="")
    assert resident_store.get_resident(db, returns.get_case(db, case_id).resident_id).mobile == ""
    with pytest.raises(ValidationError) as info:
        list_person(db, mobile="", id_number="")
    assert info.value.field == "mobile"
    assert info.value.render() == "Give the ID number or the mobile: one of the two is needed."


def test_the_resident_links_as_warnings_link_and_a_second_listing_is_refused(db):
    warning_id = warning_store.intake(
        db, {"source": "platform", "level": "high", "name": "罗明明", "mobile": "13812345678",
             "id_number": ID_NUMBER}, now=NOW,
    )  # fmt: skip
    resident_id = get_record(db, "warnings", warning_id)["resident_id"]
    matches = resident_store.find_matches(db, id_number=ID_NUMBER)
    assert [match.id for match in matches] == [resident_id]
    case_id = list_person(db, resident_id=resident_id)
    assert returns.get_case(db, case_id).resident_id == resident_id
    rows = db.scalar("SELECT count(*) FROM return_cases")
    with pytest.raises(returns.AlreadyListed) as info:  # by the same ID number, not linked
        list_person(db)
    assert info.value.case_id == case_id and info.value.field == "resident"
    with pytest.raises(returns.AlreadyListed):
        list_person(db, resident_id=resident_id)
    assert db.scalar("SELECT count(*) FROM return_cases") == rows
    assert db.scalar("SELECT count(*) FROM residents") == 1
    returns.record_step(db, case_id, "closed", on="2026-11-01", close_reason="never_left",
                        today=TODAY)  # fmt: skip
    assert list_person(db, resident_id=resident_id)  # closed off: may be listed again


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id_number": ID_17 + ("0" if ID_NUMBER[-1] != "0" else "1")}, "id_number"),
        ({"deadline_on": date(2026, 8, 31)}, "deadline_on"),  # past at listing
        ({"location": "火星"}, "location"),
        ({"location": None}, "location"),
        ({"lead_source": "rumour"}, "lead_source"),
        ({"category": None}, "category"),
        ({"departure": "by_air"}, "departure"),
        ({"listed_on": date(2026, 11, 26)}, "listed_on"),  # tomorrow
        ({"left_on": date(2026, 9, 2)}, "left_on"),
        ({"family_phone": "12345"}, "family_phone"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(db, changes, field):
    before = db.scalar("SELECT count(*) FROM audit")
    with pytest.raises(ValidationError) as info:
        list_person(db, **changes)
    assert info.value.field == field
    assert db.scalar("SELECT count(*) FROM return_cases") == 0
    assert db.scalar("SELECT count(*) FROM residents") == 0
    assert db.scalar("SELECT count(*) FROM audit") == before


def test_the_station_extends_the_places_abroad(db):
    with pytest.raises(ValidationError):
        list_person(db, location="泰国")
    assert returns.add_location(db, " 泰国 ") == "泰国"
    assert returns.add_location(db, "缅北") == "myanmar_north"  # already in the catalogue
    assert returns.station_locations(db) == ["泰国"]
    case_id = list_person(db, location="泰国")
    assert returns.get_case(db, case_id).location == "泰国"
    assert audit.recent(db)[2]["summary"] == "place abroad added: 泰国"


def test_the_path_keeps_each_steps_real_date_and_may_skip_forward(db):
    case_id = list_person(db)
    returns.record_step(db, case_id, "contacted", on="2026-09-03", party="family", today=TODAY)
    returns.record_step(db, case_id, "returned", on=date(2026, 10, 2), port_of_entry="东兴口岸",
                        today=TODAY)  # fmt: skip
    returns.record_step(db, case_id, "reported", on=date(2026, 10, 3), today=TODAY)
    returns.record_step(db, case_id, "under_control", on=date(2026, 10, 3),
                        control_kind="home_study", control_ends_on="2026-12-31", today=TODAY)  # fmt: skip
    returns.record_step(db, case_id, "closed", on=date(2026, 11, 20),
                        close_reason="review_done", today=TODAY)  # fmt: skip
    case = returns.get_case(db, case_id)
    assert case.status == "closed"
    assert (case.contacted_on, case.contacted_party) == (date(2026, 9, 3), "family")
    assert (case.promised_on, case.returned_on, case.port_of_entry) == (
        None, date(2026, 10, 2), "东兴口岸",
    )  # fmt: skip
    assert (case.control_kind, case.control_ends_on) == ("home_study", date(2026, 12, 31))
    assert (case.closed_on, case.close_reason) == (date(2026, 11, 20), "review_done")
    assert audit.recent(db)[0]["summary"] == "step: closed"


@pytest.mark.parametrize(
    ("status", "extra", "field"),
    [
        ("returned", {"on": "2026-08-30"}, "returned_on"),  # before the listing
        ("returned", {"on": "2026-11-26"}, "returned_on"),  # in the future
        ("closed", {"on": "2026-11-01"}, "close_reason"),  # 销账 without a reason
        ("closed", {"on": "2026-11-01", "close_reason": "escaped"}, "close_reason"),
        ("closed", {"on": "2026-11-01", "close_reason": "surrendered"}, "returned_on"),
        ("contacted", {"on": "2026-09-02"}, "party"),
        ("under_control", {"on": "2026-10-01", "control_kind": "home_study"}, "control_ends_on"),
        ("under_control", {"on": "2026-10-01", "control_kind": "home_study",
                           "control_ends_on": "2026-09-30"}, "control_ends_on"),
        ("lost", {"on": "2026-10-01"}, "status"),
    ],
)  # fmt: skip
def test_a_bad_step_names_its_field_and_changes_nothing(db, status, extra, field):
    case_id = list_person(db)
    before = get_record(db, "return_cases", case_id)
    with pytest.raises(ValidationError) as info:
        returns.record_step(db, case_id, status, today=TODAY, **extra)
    assert info.value.field == field
    assert get_record(db, "return_cases", case_id) == before


def test_a_step_is_never_dated_before_the_step_it_follows(db):
    case_id = list_person(db)
    returns.record_step(db, case_id, "contacted", on="2026-10-01", party="family", today=TODAY)
    before = get_record(db, "return_cases", case_id)
    for status, field in (("promised", "promised_on"), ("returned", "returned_on")):
        with pytest.raises(ValidationError) as info:
            returns.record_step(db, case_id, status, on="2026-09-15", today=TODAY)
        assert (info.value.field, info.value.render()) == (
            field, "2026-09-15 is before the step it follows (2026-10-01).",
        )  # fmt: skip
    assert get_record(db, "return_cases", case_id) == before
    # The same day, or a later one, is in order; a step back keeps the earlier days.
    returns.record_step(db, case_id, "promised", on="2026-10-01", today=TODAY)
    returns.record_step(db, case_id, "returned", on="2026-10-05", today=TODAY)
    with pytest.raises(ValidationError) as info:
        returns.record_step(db, case_id, "promised", on="2026-09-30", today=TODAY,
                            correction_reason="日期记错")  # fmt: skip
    assert info.value.field == "promised_on"


def test_a_step_back_needs_a_correction_reason_and_clears_the_later_steps(db):
    case_id = list_person(db)
    returns.record_step(db, case_id, "promised", on="2026-09-10", today=TODAY)
    returns.record_step(db, case_id, "returned", on="2026-09-20", port_of_entry="磨憨口岸",
                        today=TODAY)  # fmt: skip
    with pytest.raises(ValidationError) as info:
        returns.record_step(db, case_id, "promised", on="2026-09-10", today=TODAY)
    assert info.value.field == "correction_reason"
    assert returns.get_case(db, case_id).status == "returned"
    returns.record_step(db, case_id, "promised", on="2026-09-10", today=TODAY,
                        correction_reason="入境记录核实为他人")  # fmt: skip
    case = returns.get_case(db, case_id)
    assert (case.status, case.promised_on, case.returned_on, case.port_of_entry) == (
        "promised", date(2026, 9, 10), None, "",
    )  # fmt: skip
    assert "入境记录核实为他人" in audit.recent(db)[0]["summary"]


def test_editing_details_keeps_the_dates_in_order(db):
    case_id = list_person(db)
    returns.record_step(db, case_id, "returned", on="2026-09-20", today=TODAY)
    with pytest.raises(ValidationError) as info:
        returns.edit_case(db, case_id, {"listed_on": "2026-09-21"}, today=TODAY)
    assert info.value.field == "returned_on"
    changed = returns.edit_case(
        db, case_id, {"county_leader": "韦书记", "county_leader_phone": "137 0000 0000"}
    )
    assert set(changed) == {"county_leader", "county_leader_phone"}
    assert returns.get_case(db, case_id).county_leader_phone == "13700000000"
    assert returns.edit_case(db, case_id, {"county_leader": "韦书记"}) == []


def test_a_lists_deadline_is_set_on_its_open_entries(db):
    first = list_person(db, list_name="第一批")
    second = list_person(db, list_name="第一批", name="覃某", id_number="", mobile="13900000009")
    closed = list_person(db, list_name="第一批", name="黄某", id_number="", mobile="13900000008")
    returns.record_step(db, closed, "closed", on="2026-10-01", close_reason="never_left",
                        today=TODAY)  # fmt: skip
    with pytest.raises(ValidationError):
        returns.set_list_deadline(db, "第一批", "2026-11-24", today=TODAY)
    assert returns.set_list_deadline(db, "第一批", "2026-12-31", today=TODAY) == 2
    assert {returns.get_case(db, case).deadline_on for case in (first, second)} == {
        date(2026, 12, 31)
    }
    assert returns.get_case(db, closed).deadline_on == date(2026, 10, 31)


def test_contacts_are_stamped_correctable_and_move_an_entry_to_contacted(db):
    officer = officer_store.add_officer(db, {"name": "韦明"})
    case_id = list_person(db)
    missed = returns.record_contact(db, case_id, party="self", method="wechat_call",
                                    result="no_answer", now=NOW)  # fmt: skip
    assert returns.get_case(db, case_id).status == "to_verify"
    returns.record_contact(db, case_id, party="family", method="family_visit", result="met",
                           at=datetime(2026, 10, 1, 15, 0), officer_id=officer, now=NOW)  # fmt: skip
    case = returns.get_case(db, case_id)
    assert (case.status, case.contacted_on, case.contacted_party) == (
        "contacted", date(2026, 10, 1), "family",
    )  # fmt: skip
    timeline = returns.contact_timeline(db, case_id)
    assert [(c.party, c.result, c.officer_name) for c in timeline] == [
        ("family", "met", "韦明"), ("self", "no_answer", ""),
    ]  # fmt: skip
    assert timeline[1].at == NOW
    returns.update_contact(db, missed, result="reached", notes=" 本人称下月回国 ", now=NOW)
    assert returns.contact_timeline(db, case_id)[1].notes == "本人称下月回国"
    assert audit.recent(db)[0]["summary"] == "contact corrected"
    with pytest.raises(ValidationError) as info:
        returns.record_contact(db, case_id, party="family", method="phone", result="reached",
                               at=datetime(2026, 8, 1, 9, 0), now=NOW)  # fmt: skip
    assert info.value.field == "at"
    with pytest.raises(ValidationError) as info:
        returns.record_contact(db, case_id, party="neighbour", method="phone", result="reached",
                               now=NOW)  # fmt: skip
    assert info.value.field == "party"


def test_measures_are_dated_ticks_with_who(db):
    officer = officer_store.add_officer(db, {"name": "韦明"})
    case_id = list_person(db)
    returns.tick_measure(db, case_id, "household", on="2026-11-02", officer_id=officer,
                         today=TODAY)  # fmt: skip
    returns.tick_measure(db, case_id, "cards", on="2026-11-03", today=TODAY)
    assert returns.get_case(db, case_id).measures == {
        "household": (date(2026, 11, 2), officer), "cards": (date(2026, 11, 3), None),
    }  # fmt: skip
    with pytest.raises(ValidationError):
        returns.tick_measure(db, case_id, "listed", on="2026-08-01", today=TODAY)
    with pytest.raises(ValidationError):
        returns.lift_measure(db, case_id, "cards", reason=" ")
    returns.lift_measure(db, case_id, "cards", reason="已回国")
    assert set(returns.get_case(db, case_id).measures) == {"household"}


def test_lists_mask_the_name_and_the_reveal_is_logged(db):
    county, village, _other, street = _tree(db)
    case_id = list_person(db, area_id=village, residence_area_id=street)
    items, key = returns.ledger(db)
    assert key is None
    item = items[0]
    assert (item.name, item.mobile, item.family_phone) == ("罗某", "138****5678", "139****1111")
    assert item.id_number == ID_NUMBER[:4] + "*" * 10 + ID_NUMBER[-4:]
    with pytest.raises(ValidationError):
        returns.reveal_case(db, case_id, "")
    case, resident = returns.reveal_case(db, case_id, "通知家属")
    assert (resident.name, case.family_name) == ("罗明明", "罗大山")
    last = audit.recent(db)[0]
    assert (last["action"], last["row_id"]) == ("reveal", case_id) and "通知家属" in last["summary"]


def test_both_places_list_the_person_and_the_ledger_pages(db):
    county, village, other_county, street = _tree(db)
    ids = [list_person(db, area_id=village, residence_area_id=street, name=f"覃{n}",
                       id_number="", mobile=f"1390000000{n}") for n in range(5)]  # fmt: skip
    for area in (county, village, other_county, street):
        assert {item.id for item in returns.board_names(db, area)} == set(ids)
    first, key = returns.ledger(db, county, limit=3)
    second, end = returns.ledger(db, county, after=key, limit=3)
    assert end is None and len(first) == 3 and len(second) == 2
    assert {item.id for item in first + second} == set(ids)


def test_an_areas_pages_follow_the_listing_order_each_entry_once(db):
    """An area's pages, read from the two indexes by place, give the entries of either place
    exactly once (both places inside the area too), newest listing first with the id breaking
    ties, the same as one plain ordered read of the area — for any page size, filtered or not."""
    county, village, other_county, street = _tree(db)
    township = db.scalar("SELECT parent_id FROM areas WHERE id = ?", (village,))
    neighbour = area_store.add_area(db, name="坡心村", level="community", parent_id=township)
    places = [(village, None), (village, street), (street, village), (street, None),
              (neighbour, village)]  # fmt: skip
    made = {}
    for n in range(15):
        area, residence = places[n % 5]
        made[list_person(db, area_id=area, residence_area_id=residence, name=f"覃{n}",
                         id_number="", mobile=f"139000000{n:02d}",
                         listed_on=f"2026-09-0{1 + n % 3}")] = (area, residence)  # fmt: skip
    db.execute("UPDATE return_cases SET deleted_at = '2026-11-01' WHERE id = ?", (min(made),))
    for area in (county, other_county, village, street, township):
        inside = set(area_store.subtree_ids(db, area))
        expected = [
            row["id"]
            for row in db.query(
                "SELECT id, area_id, residence_area_id FROM return_cases"
                " WHERE deleted_at IS NULL ORDER BY listed_on DESC, id DESC"
            )
            if row["area_id"] in inside or row["residence_area_id"] in inside
        ]
        assert expected  # every area has entries of its own
        for limit in (1, 3, 5, 200):
            read, key = [], None
            while True:
                page, key = returns.ledger(db, area, after=key, limit=limit)
                read += [item.id for item in page]
                if key is None:
                    break
            assert read == expected
            rows, key = [], None
            while True:
                page, key = returns.ledger_rows(
                    db, returns.LedgerFilter(area_id=area, state="all"), after=key,
                    limit=limit, today=TODAY,
                )  # fmt: skip
                rows += [row.item.id for row in page]
                if key is None:
                    break
            assert rows == expected
    returns.record_step(db, expected[0], "closed", on="2026-11-01", close_reason="never_left",
                        today=TODAY)  # fmt: skip
    closed, _key = returns.ledger(db, township, status="closed")
    assert [item.id for item in closed] == [expected[0]]


def test_overdue_is_a_passed_deadline_or_a_family_not_contacted_in_the_rhythm(db):
    late = list_person(db)  # deadline 2026-10-31, listed 2026-09-01
    fresh = list_person(db, name="覃某", id_number="", mobile="13900000009",
                        listed_on="2026-11-20", deadline_on="2026-12-31")  # fmt: skip
    visited = list_person(db, name="黄某", id_number="", mobile="13900000008",
                          deadline_on="2026-12-31")  # fmt: skip
    returns.record_contact(db, visited, party="family", method="family_visit", result="met",
                           at=datetime(2026, 11, 10, 9, 0), now=NOW)  # fmt: skip
    found = {item.item.id: item.reasons for item in returns.overdue(db, today=TODAY)}
    assert found == {late: ("deadline", "family")}
    returns.set_contact_days(db, 14)
    found = {item.item.id: item.reasons for item in returns.overdue(db, today=TODAY)}
    assert found == {late: ("deadline", "family"), visited: ("family",)}
    assert fresh not in found
    returns.record_step(db, late, "returned", on="2026-11-01", today=TODAY)
    assert late not in {item.item.id for item in returns.overdue(db, today=TODAY)}
    with pytest.raises(ValidationError):
        returns.set_contact_days(db, 0)


def test_today_takes_the_first_overdue_entries_and_counts_them_all(db):
    ids = [
        list_person(db, name=f"覃某{n}", id_number="", mobile=f"1390000001{n}",
                    listed_on=f"2026-09-0{n + 1}", deadline_on="2026-12-31")
        for n in range(5)
    ]  # fmt: skip
    returns.record_contact(db, ids[2], party="family", method="family_visit", result="met",
                           at=datetime(2026, 11, 20, 9, 0), now=NOW)  # fmt: skip
    everyone = [entry.item.id for entry in returns.overdue(db, today=TODAY)]
    assert everyone == [ids[0], ids[1], ids[3], ids[4]]  # the longest-waiting first
    # The limit counts the overdue ones only: the third listed, visited lately, is passed over.
    first = [entry.item.id for entry in returns.overdue(db, today=TODAY, limit=3)]
    assert first == [ids[0], ids[1], ids[3]]
    assert returns.count_overdue(db, today=TODAY) == 4
    assert returns.count_overdue(db, today=date(2026, 9, 1)) == 0


def test_the_overdue_entries_are_counted_from_the_indexes_alone(db):
    """Today counts a city's overdue persons abroad at every start: the open entries' days and
    each one's last contact with the family are read from indexes, not from the tables."""
    sql, params = returns._overdue_query(db, None, TODAY, "count(*)")
    plan = [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert any("USING COVERING INDEX return_cases_status" in step for step in plan), plan
    assert any("USING COVERING INDEX return_contacts_case" in step for step in plan), plan


def test_a_ledger_page_of_one_step_is_read_in_the_status_index_order(db):
    """The ledger filtered by a step, newest listing first, reads the status index in its own
    order and stops at the page's end: nothing is sorted."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        returns.ledger(db, status="to_verify")
    finally:
        db.conn.set_trace_callback(None)
    (page,) = [sql for sql in statements if "ORDER BY c.listed_on DESC" in sql]
    plan = [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {page}")]
    assert any("INDEX return_cases_status" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan


def test_an_areas_overdue_entries_are_its_own_by_either_place(db):
    county, village, other_county, street = _tree(db)
    here = list_person(db, area_id=village)
    living_here = list_person(db, name="覃某", id_number="", mobile="13900000021",
                              area_id=street, residence_area_id=village,
                              listed_on=date(2026, 9, 2))  # fmt: skip
    list_person(db, name="黄某", id_number="", mobile="13900000022", area_id=street)
    for limit in (None, 5, 1):
        found = [e.item.id for e in returns.overdue(db, county, today=TODAY, limit=limit)]
        assert found == [here, living_here][:limit], limit
    assert returns.count_overdue(db, county, today=TODAY) == 2
    assert returns.count_overdue(db, other_county, today=TODAY) == 2


def test_the_board_counts_each_area_by_status_with_closed_of_listed(db):
    county, village, other_county, street = _tree(db)
    one = list_person(db, area_id=village, residence_area_id=street)
    list_person(db, area_id=village, name="覃某", id_number="", mobile="13900000009")
    returns.record_step(db, one, "closed", on="2026-11-01", close_reason="never_left",
                        today=TODAY)  # fmt: skip
    rows = {row.name: row for row in returns.board(db)}
    assert rows["金城江区"].counts["closed"] == 1 and rows["金城江区"].counts["to_verify"] == 1
    assert rows["金城江区"].tally == "销账 1 / 列管 2"
    assert rows["宜州区"].tally == "销账 1 / 列管 1"  # where the person lived before leaving
    town = {row.name: row for row in returns.board(db, county)}
    assert list(town) == ["五圩镇"] and town["五圩镇"].listed == 2


def test_the_printed_ledger_lists_the_registered_first_masked_unless_revealed(db):
    county, village, other_county, street = _tree(db)
    officer = officer_store.add_officer(db, {"name": "李警官", "phone": "13700001234"})
    lives_here = list_person(
        db,
        area_id=street,
        residence_area_id=village,
        name="韦小红",
        id_number="",
        mobile="13900000007",
        listed_on=date(2026, 8, 1),
    )
    registered = list_person(
        db,
        area_id=village,
        officer_id=officer,
        county_leader="何县长",
        county_leader_phone="13500001111",
    )
    returns.tick_measure(db, registered, "listed", on=date(2026, 9, 2))  # fmt: skip
    before = len(audit.recent(db, 1000))
    lines = returns.ledger_sheet(db, county, today=TODAY)
    assert len(audit.recent(db, 1000)) == before  # reading it masked logs nothing
    assert [line.id for line in lines] == [registered, lives_here]  # registered first
    first, second = lines
    assert (first.name, first.sex, first.age) == ("罗某", "male", 36)
    assert (first.registered, first.residence_only) == ("五圩镇平旦村", False)
    assert (second.name, second.sex, second.age, second.residence_only) == (
        "韦某",
        None,
        None,
        True,
    )
    assert second.registered == "宜州区庆远镇城东社区"  # from the top: it is not inside
    assert (first.officer_name, first.officer_phone) == ("李警官", "13700001234")
    assert first.county_leader_phone == "13500001111"  # work phones, in full
    assert first.measures == {"listed": date(2026, 9, 2)}
    assert (first.status, first.status_on) == ("to_verify", date(2026, 9, 1))
    full = returns.ledger_sheet(db, county, reason="督导核对", today=TODAY)
    assert [line.name for line in full] == ["罗明明", "韦小红"]
    reveal = audit.recent(db, 1)[0]
    assert (reveal["action"], reveal["row_id"]) == ("reveal", county)
    assert "督导核对" in reveal["summary"]
    with pytest.raises(ValidationError):
        returns.ledger_sheet(db, county, reason="  ")


def test_an_areas_tally_counts_each_person_once(db):
    county, village, other_county, street = _tree(db)
    list_person(db, area_id=village, residence_area_id=village)
    list_person(db, area_id=street, residence_area_id=village, name="覃某", id_number="",
                mobile="13900000009")  # fmt: skip
    assert returns.tally(db, county).listed == 2
    assert returns.tally(db, other_county).listed == 1
    assert returns.tally(db).counts["to_verify"] == 2 and returns.tally(db).name == ""


def test_a_family_contacted_on_the_rhythms_last_day_is_not_overdue(db):
    visited = list_person(db, deadline_on="2026-12-31")
    returns.set_contact_days(db, 14)
    returns.record_contact(db, visited, party="family", method="family_visit", result="met",
                           at=datetime(2026, 11, 11, 9, 0), now=NOW)  # fmt: skip
    # 14 days since the visit on 11-11: due today, not yet overdue; overdue tomorrow.
    assert returns.overdue(db, today=TODAY) == []
    [overdue] = returns.overdue(db, today=TODAY + timedelta(days=1))
    assert overdue.reasons == ("family",) and overdue.last_family_contact == date(2026, 11, 11)
