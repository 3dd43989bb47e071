"""The two ledgers' gateways against a hostile or careless caller: a person already listed is
told without the record's details and the look-up is logged, yes/no is never the truth of a
text, nothing is logged on a closed record, the listing day never passes a logged attempt."""

from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.errors import ValidationError
from desktop.core.validate import id_number_check_digit
from desktop.db import audit
from desktop.domain import card_sellers as cards
from desktop.domain import residents as resident_store
from desktop.domain import return_cases as returns
from desktop.domain import warnings as warning_store

CST = timezone(timedelta(hours=8))
TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
ID_17 = "45120219900101123"
ID_NUMBER = ID_17 + id_number_check_digit(ID_17)


def add_card(db, **changes):
    values = {"name": "韦小明", "mobile": "13812345678", "id_number": ID_NUMBER,
              "card_kind": "bank_card", "source": "upper_level", "listed_on": "2026-11-02"}  # fmt: skip
    values.update(changes)
    resident_id = values.pop("resident_id", None)
    return cards.add_card_seller(db, values, resident_id=resident_id, new_person=True, today=TODAY)


def list_abroad(db, **changes):
    values = {"name": "韦小明", "mobile": "13812345679", "id_number": ID_NUMBER,
              "location": "myanmar_north", "lead_source": "upper_level", "category": "high_risk",
              "listed_on": date(2026, 9, 1)}  # fmt: skip
    values.update(changes)
    return returns.list_person(db, values, today=TODAY)


def _searches(db):
    return [(e["table_name"], e["row_id"]) for e in audit.recent(db) if e["action"] == "search"]


def test_a_card_seller_listed_twice_is_told_without_the_day_and_the_look_up_is_logged(db):
    first = add_card(db)
    resident = db.scalar("SELECT resident_id FROM card_sellers WHERE id = ?", (first,))
    with pytest.raises(cards.AlreadyListed) as refused:
        add_card(db, resident_id=resident, listed_on="2026-11-20")
    assert refused.value.card_seller_id == first  # the form offers to open it
    assert "2026-11-02" not in refused.value.render() and "listed on" not in refused.value.render()
    assert _searches(db)[0] == ("card_sellers", first)
    # Asking by ID number in the form: the match offered is a logged look-up too.
    with pytest.raises(cards.MatchesOnRecord) as offered:
        cards.add_card_seller(
            db, {"name": "韦小明", "id_number": ID_NUMBER, "card_kind": "phone_card",
                 "source": "upper_level"}, today=TODAY,
        )  # fmt: skip
    assert [match.id for match in offered.value.matches] == [resident]
    assert _searches(db)[0] == ("residents", resident)


def test_a_person_abroad_listed_twice_is_a_logged_look_up(db):
    case_id = list_abroad(db)
    with pytest.raises(returns.AlreadyListed) as refused:
        list_abroad(db, listed_on=date(2026, 11, 1))
    assert refused.value.case_id == case_id
    assert _searches(db)[0] == ("return_cases", case_id)


def test_another_person_never_shares_an_id_number_with_a_card_seller_on_record(db):
    first = add_card(db)
    resident = db.scalar("SELECT resident_id FROM card_sellers WHERE id = ?", (first,))
    warning_store.intake(db, {"source": "bank", "level": "high", "name": "路人",
                              "mobile": "13900001111"})  # fmt: skip
    before = db.scalar("SELECT count(*) FROM residents")
    # "Another person", with the listed one's ID number and a visible resident's mobile:
    # the ID number is that person's; offered (logged), never written as a second resident.
    with pytest.raises(cards.MatchesOnRecord) as offered:
        add_card(db, name="张三", mobile="13900001111", listed_on="2026-11-20")
    assert [match.id for match in offered.value.matches] == [resident]
    assert _searches(db)[0] == ("residents", resident)
    assert db.scalar("SELECT count(*) FROM residents") == before
    assert db.scalar("SELECT count(*) FROM card_sellers") == 1


def test_a_person_abroad_is_never_filed_under_a_stranger_with_the_id_number(db):
    card_id = add_card(db)
    resident = db.scalar("SELECT resident_id FROM card_sellers WHERE id = ?", (card_id,))
    with pytest.raises(ValidationError) as refused:
        list_abroad(db, name="张三")
    assert refused.value.field == "id_number" and "another name" in refused.value.render()
    assert _searches(db)[0] == ("residents", resident)
    assert db.scalar("SELECT count(*) FROM return_cases") == 0
    # The same person (the same name) is linked, and that look-up is logged as well.
    case_id = list_abroad(db)
    assert db.scalar("SELECT resident_id FROM return_cases WHERE id = ?", (case_id,)) == resident
    assert ("residents", resident) in _searches(db)


@pytest.mark.parametrize(
    ("given", "stored"),
    [(True, 1), (False, 0), (0, 0), (1, 1), ("否", 0), ("是", 1), ("不详", None), (None, None)],
)
def test_opened_locally_takes_booleans_and_yes_no_words_only(db, given, stored):
    clean, errors = cards.check_card_seller(
        {"card_kind": "bank_card", "source": "upper_level", "opened_locally": given}, today=TODAY
    )
    assert errors == [] and clean["opened_locally"] == stored


@pytest.mark.parametrize("given", ["maybe", 2, "0.5"])
def test_opened_locally_refuses_anything_else_naming_the_field(db, given):
    _clean, errors = cards.check_card_seller(
        {"card_kind": "bank_card", "source": "upper_level", "opened_locally": given}, today=TODAY
    )
    assert [error.field for error in errors] == ["opened_locally"]


def test_nothing_is_logged_on_a_closed_record_until_its_closing_is_corrected(db):
    card_id = add_card(db)
    cards.record_step(db, card_id, "closed", "2026-11-10", close_reason="核实无涉案", today=TODAY)
    with pytest.raises(ValidationError) as refused:
        cards.record_interview(db, card_id, method="phone", result="warned", now=NOW)
    assert "correct the closing first" in refused.value.render()
    case_id = list_abroad(db)
    returns.record_step(db, case_id, "closed", on="2026-11-01", close_reason="never_left",
                        today=TODAY)  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        returns.record_contact(db, case_id, party="family", method="phone", result="reached",
                               now=NOW)  # fmt: skip
    assert "correct the closing first" in refused.value.render()
    assert db.scalar("SELECT count(*) FROM card_interviews") == 0
    assert db.scalar("SELECT count(*) FROM return_contacts") == 0
    # The correction path: a step back with its reason, then the contact is logged.
    returns.record_step(db, case_id, "to_verify", on=None, correction_reason="误销账",
                        today=TODAY)  # fmt: skip
    returns.record_contact(db, case_id, party="family", method="phone", result="reached", now=NOW)


def test_the_listing_day_cannot_pass_a_logged_interview_or_contact(db):
    card_id = add_card(db)
    cards.record_interview(db, card_id, method="phone", result="absent",
                           at=datetime(2026, 11, 5, 9, 0, tzinfo=CST), now=NOW)  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        cards.edit_card_seller(db, card_id, {"listed_on": "2026-11-10"}, today=TODAY)
    assert refused.value.field == "listed_on"
    assert "2026-11-10" in refused.value.render() and "2026-11-05" in refused.value.render()
    case_id = list_abroad(db)
    returns.record_contact(db, case_id, party="family", method="phone", result="no_answer",
                           at=datetime(2026, 9, 10, 9, 0, tzinfo=CST), now=NOW)  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        returns.edit_case(db, case_id, {"listed_on": "2026-09-20"}, today=TODAY)
    assert refused.value.field == "listed_on"
    assert "2026-09-20" in refused.value.render() and "2026-09-10" in refused.value.render()
    assert returns.get_case(db, case_id).listed_on == date(2026, 9, 1)


def test_the_intake_matches_leave_out_residents_on_record_only_as_listed(db):
    card_id = add_card(db)
    resident = db.scalar("SELECT resident_id FROM card_sellers WHERE id = ?", (card_id,))
    assert resident_store.find_matches(db, id_number=ID_NUMBER) == []
    assert resident_store.find_matches(db, mobile="13812345678") == []
    # With a warning too, the resident is offered, with no hint of the card record.
    warning_store.intake(db, {"source": "bank", "level": "high", "name": "韦小明",
                              "mobile": "13812345678", "id_number": ID_NUMBER},
                         resident_id=resident)  # fmt: skip
    [match] = resident_store.find_matches(db, id_number=ID_NUMBER)
    assert (match.id, match.warnings) == (resident, 1)


def test_search_finds_listed_people_only_as_their_ledgers_masked_and_logged(db):
    from desktop.domain import search

    card_id = add_card(db, name="韦小明", mobile="13812345678")
    case_id = list_abroad(db, name="韦大明", id_number="", mobile="13700001234")
    search.refresh(db)
    for query in ("韦", "韦小明", "13812345678", "5678", ID_NUMBER):
        found = search.search(db, query)
        assert found.hits["residents"] == [], query  # no resident line, no "0 warnings"
    found = search.search(db, "韦")
    assert [hit["id"] for hit in found.hits["cards"]] == [card_id]
    assert [hit["id"] for hit in found.hits["returns"]] == [case_id]
    assert found.hits["cards"][0] == {"id": card_id, "name": "韦某", "status": "to_verify",
                                      "listed_on": "2026-11-02", "card_kind": "bank_card"}  # fmt: skip
    assert set(found.hits["returns"][0]) == {"id", "name", "status", "listed_on", "location"}
    logged = [(e["table_name"], e["row_id"]) for e in audit.recent(db, 2)]
    assert sorted(logged) == sorted([("card_sellers", card_id), ("return_cases", case_id)])
    assert all(e["action"] == "search" for e in audit.recent(db, 2))
    assert [hit["id"] for hit in search.search(db, "1234").hits["returns"]] == [case_id]
    # A resident with a warning too is found as any resident, with no hint of the ledger.
    resident = db.scalar("SELECT resident_id FROM card_sellers WHERE id = ?", (card_id,))
    warning_store.intake(db, {"source": "bank", "level": "high", "name": "韦小明",
                              "mobile": "13812345678"}, resident_id=resident)  # fmt: skip
    search.refresh(db)
    [hit] = search.search(db, "韦小明").hits["residents"]
    assert hit["id"] == resident and hit["warnings"] == 1


def test_listed_people_are_found_by_their_name_among_many_namesakes_and_follow_edits(db):
    """The ledgers' own index: a surname shared by many residents with warnings still finds
    the one listed; a name corrected or a record retired is followed at the next refresh; an
    address finds no ledger record (they are found by name or number only)."""
    from desktop.db import records
    from desktop.domain import search

    for number in range(30):
        warning_store.intake(db, {"source": "bank", "level": "low", "name": f"韦{number}妹",
                                  "mobile": f"1390000{number:04d}", "address": "南丹县芒场镇"})  # fmt: skip
    card_id = add_card(db, name="韦小明", mobile="13812345678")
    search.refresh(db)
    assert [hit["id"] for hit in search.search(db, "韦").hits["cards"]] == [card_id]
    assert search.search(db, "芒场镇").hits["cards"] == []
    resident = db.scalar("SELECT resident_id FROM card_sellers WHERE id = ?", (card_id,))
    records.update_record(db, "residents", resident, {"name": "韦晓明"})
    search.refresh(db)
    assert search.search(db, "小明").hits["cards"] == []
    assert [hit["id"] for hit in search.search(db, "晓明").hits["cards"]] == [card_id]
    records.retire_record(db, "card_sellers", card_id)
    search.refresh(db)
    assert search.search(db, "晓明").hits["cards"] == []


def test_search_shows_the_newest_listings_when_more_match_than_are_shown(db):
    from desktop.domain import search

    # Listed oldest first, so the index holds the oldest first: the limit keeps the newest.
    ids = []
    for day in range(1, 8):
        number = f"45120219900101{day:02d}1"
        number += id_number_check_digit(number)
        ids.append(add_card(db, name=f"韦{day}明", mobile=f"1381234{day:04d}", id_number=number,
                            listed_on=f"2026-11-0{day}"))  # fmt: skip
    search.refresh(db)
    found = search.search(db, "韦", limit=3).hits["cards"]
    assert [hit["listed_on"] for hit in found] == ["2026-11-07", "2026-11-06", "2026-11-05"]
    assert [hit["id"] for hit in found] == ids[:-4:-1]
