"""The reads of the ledger screen of persons abroad: its filters agree with the gateway's
scope and overdue rule, it pages by key, and it shows nothing in full."""

from datetime import date, datetime, timedelta, timezone

from desktop.core.validate import id_number_check_digit
from desktop.domain import areas as area_store
from desktop.domain import return_cases as returns

CST = timezone(timedelta(hours=8))
TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
ID_17 = "45120219900101123"
ID_NUMBER = ID_17 + id_number_check_digit(ID_17)


def _places(db):
    county = area_store.add_area(db, name="金城江区", level="county")
    township = area_store.add_area(db, name="五圩镇", level="township", parent_id=county)
    village = area_store.add_area(db, name="平旦村", level="community", parent_id=township)
    other = area_store.add_area(db, name="宜州区", level="county")
    town = area_store.add_area(db, name="庆远镇", level="township", parent_id=other)
    street = area_store.add_area(db, name="城东社区", level="community", parent_id=town)
    return county, village, other, street


def _list(db, n, **values):
    values = {
        "name": f"罗明{n}", "mobile": f"1381234567{n}", "location": "myanmar_north",
        "lead_source": "upper_level", "category": "high_risk", "listed_on": date(2026, 9, n + 1),
        "deadline_on": date(2026, 12, 31), **values,
    }  # fmt: skip
    return returns.list_person(db, values, today=TODAY)


def ids(rows):
    return {row.item.id for row in rows}


def test_the_filters_narrow_the_list_by_area_step_state_and_overdue(db):
    county, village, other, street = _places(db)
    home = _list(db, 1, area_id=village)
    lived_here = _list(db, 2, area_id=street, residence_area_id=village)
    late = _list(db, 3, area_id=street, id_number=ID_NUMBER, deadline_on=date(2026, 10, 31))
    closed = _list(db, 4, area_id=street)
    returns.record_step(db, closed, "closed", on="2026-11-01", close_reason="never_left",
                        today=TODAY)  # fmt: skip
    returns.record_contact(db, home, party="family", method="family_visit", result="met",
                           at=datetime(2026, 11, 20, 9, 0, tzinfo=CST), now=NOW)  # fmt: skip

    def listed(**which):
        rows, key = returns.ledger_rows(db, returns.LedgerFilter(**which), today=TODAY)
        assert key is None
        count = returns.count_ledger(db, returns.LedgerFilter(**which), today=TODAY)
        assert count == len(rows)
        return ids(rows)

    assert listed() == {home, lived_here, late}
    assert listed(state="all") == {home, lived_here, late, closed}
    assert listed(state="closed") == {closed}
    assert listed(area_id=county) == {home, lived_here}  # by either place, the whole subtree
    assert listed(area_id=other, state="all") == {lived_here, late, closed}
    assert listed(status="contacted") == {home}  # the family met moved it on
    # Overdue as the gateway's own rule says, for the same day.
    overdue = {entry.item.id for entry in returns.overdue(db, today=TODAY)}
    assert listed(overdue_only=True) == overdue == {lived_here, late}
    returns.set_contact_days(db, 365)
    assert listed(overdue_only=True) == {late}  # only its deadline is past now


def test_the_rows_are_masked_with_their_area_and_latest_contact_and_page_by_key(db):
    _county, village, _other, _street = _places(db)
    made = [_list(db, n, area_id=village) for n in range(5)]
    returns.record_contact(db, made[0], party="self", method="phone", result="no_answer",
                           at=datetime(2026, 11, 2, 23, 30, tzinfo=CST), now=NOW)  # fmt: skip
    first, key = returns.ledger_rows(db, limit=3, today=TODAY)
    second, end = returns.ledger_rows(db, after=key, limit=3, today=TODAY)
    assert end is None and [len(first), len(second)] == [3, 2]
    assert [row.item.id for row in first + second] == made[::-1]  # newest listing first
    row = second[-1]
    assert (row.item.name, row.item.mobile) == ("罗某", "138****5670")
    assert (row.registered, row.last_contact) == ("平旦村", date(2026, 11, 2))
    assert returns.ledger_entry(db, made[0]) == row.item
    assert returns.ledger_entry(db, "nobody") is None


def test_the_names_of_the_lists_are_offered_once(db):
    _list(db, 1, list_name="2026年第3批")
    _list(db, 2, list_name="2026年第3批")
    _list(db, 3, list_name="")
    _list(db, 4, list_name="2026年第1批")
    assert returns.list_names(db) == ["2026年第1批", "2026年第3批"]


def test_the_overdue_filter_and_today_agree_on_the_rhythms_last_day(db):
    case = _list(db, 1)
    contacted = datetime(2026, 11, 1, 10, 0, tzinfo=CST)
    returns.record_contact(db, case, party="family", method="family_visit", result="met",
                           at=contacted, now=contacted)  # fmt: skip
    rhythm = returns.contact_days(db)
    for days, late in ((rhythm, False), (rhythm + 1, True)):
        today = contacted.date() + timedelta(days=days)
        in_filter = case in ids(
            returns.ledger_rows(db, returns.LedgerFilter(overdue_only=True), today=today)[0]
        )
        on_today = case in {entry.item.id for entry in returns.overdue(db, today=today)}
        assert in_filter == on_today == late, days
