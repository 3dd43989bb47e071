"""Merging two records of one resident: what hangs on the retired one moves to the kept one,
and a merge that would leave a person with two open records of one kind is refused."""

from datetime import date

import pytest

from desktop.core.errors import ValidationError
from desktop.core.validate import id_number_check_digit
from desktop.db.records import get_record
from desktop.domain import card_sellers as card_store
from desktop.domain import duplicates
from desktop.domain import residents as resident_store
from desktop.domain import return_cases as return_store

TODAY = date(2026, 11, 25)
ID_17 = "45122119800101555"
ID_NUMBER = ID_17 + id_number_check_digit(ID_17)


def _two_records(db):
    """The same person written twice (as two laptops would), the first made first."""
    person = {"name": "王五", "mobile": None, "id_number": ID_NUMBER, "address": "",
              "area_id": None}  # fmt: skip
    with db.atomic():
        first = resident_store.write_resident(db, person)
        second = resident_store.write_resident(db, person)
    db.execute(
        "UPDATE residents SET created_at = '2020-01-01T00:00:00+08:00' WHERE id = ?", (first,)
    )
    return first, second


def _list_abroad(db, resident_id):
    case, _resident, errors = return_store.check_listing(
        db, {"location": "laos", "lead_source": "upper_level", "category": "other",
             "listed_on": "2026-11-01"}, with_person=False, today=TODAY,
    )  # fmt: skip
    assert not errors
    return return_store.write_listing(db, case, {}, resident_id)


def _list_card_seller(db, resident_id, card_kind="bank_card"):
    values = {"card_kind": card_kind, "source": "upper_level", "listed_on": "2026-11-01"}
    return card_store.add_card_seller(db, values, resident_id=resident_id, today=TODAY)


def test_merging_moves_the_entry_abroad_to_the_kept_resident(db):
    keep, other = _two_records(db)
    case_id = _list_abroad(db, other)
    assert duplicates.merge_residents(db, keep, other) == keep
    assert get_record(db, "return_cases", case_id)["resident_id"] == keep
    assert return_store.open_case_of(db, keep) == case_id


def test_a_merge_leaving_two_open_entries_abroad_is_refused(db):
    keep, other = _two_records(db)
    first, second = _list_abroad(db, keep), _list_abroad(db, other)
    with pytest.raises(ValidationError) as info:
        duplicates.merge_residents(db, keep, other)
    assert info.value.field == "resident"
    assert "ledger of persons abroad" in info.value.render()
    assert get_record(db, "residents", other)["deleted_at"] is None  # nothing written
    assert get_record(db, "return_cases", second)["resident_id"] == other
    # Once one entry is closed the two records are merged.
    return_store.record_step(db, first, "closed", on="2026-11-02", close_reason="deceased",
                             today=TODAY)  # fmt: skip
    duplicates.merge_residents(db, keep, other)
    assert get_record(db, "return_cases", second)["resident_id"] == keep


def test_a_merge_leaving_two_open_card_sellers_of_one_kind_is_refused(db):
    keep, other = _two_records(db)
    _list_card_seller(db, keep)
    phone = _list_card_seller(db, other, "phone_card")
    second = _list_card_seller(db, other)
    with pytest.raises(ValidationError) as info:
        duplicates.merge_residents(db, keep, other)
    assert info.value.field == "resident"
    assert "card-seller register" in info.value.render()
    assert get_record(db, "residents", other)["deleted_at"] is None
    card_store.record_step(db, second, "closed", "2026-11-02", close_reason="核实为误报",
                           today=TODAY)  # fmt: skip
    duplicates.merge_residents(db, keep, other)  # another kind of card is no obstacle
    assert {get_record(db, "card_sellers", i)["resident_id"] for i in (phone, second)} == {keep}


def test_a_resident_known_only_from_a_ledger_is_never_suggested_as_a_duplicate(db):
    keep, other = _two_records(db)
    assert [(p.keep["id"], p.other["id"]) for p in duplicates.suggested_duplicates(db)] == [
        (keep, other)
    ]
    _list_card_seller(db, other)  # one of the two is on record only as a card seller
    # The pair would tell that the number is a suspect's: not suggested (merging them stays
    # possible for an officer who knows, with merge_residents).
    assert duplicates.suggested_duplicates(db) == []
