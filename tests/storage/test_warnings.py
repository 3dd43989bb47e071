from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.errors import ValidationError
from desktop.core.validate import id_number_check_digit
from desktop.storage import audit
from desktop.storage import residents as resident_store
from desktop.storage import warnings as warning_store
from desktop.storage.records import get_record

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
ID_17 = "45120219600101123"
ID_NUMBER = ID_17 + id_number_check_digit(ID_17)


def intake(db, **changes):
    values = {"source": "platform", "level": "high", "name": "罗某某", "mobile": "138 1234 5678"}
    values.update(changes)
    resident_id = values.pop("resident_id", None)
    return warning_store.intake(db, values, resident_id=resident_id, now=NOW)


def test_intake_needs_only_five_things_and_defaults_to_now(db):
    warning_id = intake(db)
    warning = get_record(db, "warnings", warning_id)
    assert warning["received_at"] == NOW.isoformat(timespec="seconds")
    assert (warning["status"], warning["source"], warning["level"]) == ("new", "platform", "high")
    resident = get_record(db, "residents", warning["resident_id"])
    assert (resident["name"], resident["mobile"]) == ("罗某某", "13812345678")
    assert [e["action"] for e in audit.recent(db)][-2:] == ["create", "create"]
    assert "罗" not in " ".join(e["summary"] for e in audit.recent(db))  # no names in the log


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"source": "rumour"}, "source"),
        ({"level": "urgent"}, "level"),
        ({"name": ""}, "name"),
        ({"mobile": "0778-2281234"}, "mobile"),  # a landline where a mobile is needed
        ({"id_number": ID_17 + "0" if ID_NUMBER[-1] != "0" else ID_17 + "1"}, "id_number"),
        ({"amount_at_risk": "约5万"}, "amount_at_risk"),
        ({"received_at": NOW + timedelta(hours=2)}, "received_at"),
        ({"fraud_type": "aliens"}, "fraud_type"),
    ],
)
def test_bad_intake_names_the_field_and_writes_nothing(db, changes, field):
    with pytest.raises(ValidationError) as info:
        intake(db, **changes)
    assert info.value.field == field
    assert db.scalar("SELECT count(*) FROM warnings") == 0
    assert db.scalar("SELECT count(*) FROM residents") == 0


def test_a_known_resident_is_offered_never_forced(db):
    first = get_record(db, "warnings", intake(db, id_number=ID_NUMBER))["resident_id"]
    by_id = resident_store.find_matches(db, id_number=ID_NUMBER, mobile="13900000000")
    assert [(m.id, m.reason, m.warnings) for m in by_id] == [(first, "id_number", 1)]
    by_mobile = resident_store.find_matches(db, mobile="13812345678")
    assert [m.reason for m in by_mobile] == ["mobile"]
    # Not choosing the match makes a new resident (a relative sharing the phone) ...
    other = get_record(db, "warnings", intake(db, name="罗小明"))["resident_id"]
    assert other != first
    # ... choosing it links the warning to the same person.
    linked = get_record(db, "warnings", intake(db, resident_id=first))["resident_id"]
    assert linked == first


def test_warned_twice_within_a_year_is_high_risk(db):
    resident = get_record(db, "warnings", intake(db))["resident_id"]
    assert resident_store.tags_of(db, resident) == []
    intake(db, resident_id=resident, received_at=NOW - timedelta(days=30))
    assert resident_store.tags_of(db, resident) == ["high_risk"]
    later = NOW + timedelta(days=400)
    assert not resident_store.refresh_high_risk(db, resident, later)
    assert resident_store.tags_of(db, resident) == []


def test_contacts_move_the_case_on_and_are_checked(db):
    warning_id = intake(db)
    warning_store.record_contact(db, warning_id, method="phone", result="busy", now=NOW)
    assert get_record(db, "warnings", warning_id)["status"] == "in_progress"
    warning_store.record_contact(db, warning_id, method="visit", result="met", now=NOW)
    with pytest.raises(ValidationError) as info:
        warning_store.record_contact(db, warning_id, method="sms", result="met", now=NOW)
    assert info.value.field == "result"
    with pytest.raises(ValidationError) as info:
        warning_store.record_contact(
            db, warning_id, method="phone", result="busy", at=NOW - timedelta(days=1), now=NOW
        )
    assert info.value.field == "at"
    assert db.scalar("SELECT count(*) FROM contacts") == 2


def test_closing_needs_an_outcome_and_schedules_follow_ups(db):
    warning_id = intake(db)
    with pytest.raises(ValidationError) as info:
        warning_store.close_warning(db, warning_id, outcome=None, now=NOW)
    assert info.value.field == "outcome"
    follow_ups = warning_store.close_warning(
        db, warning_id, outcome="dissuaded", amount_protected="5.2万", now=NOW
    )
    warning = get_record(db, "warnings", warning_id)
    assert (warning["status"], warning["amount_protected"]) == ("closed", 5_200_000)
    due = sorted(get_record(db, "follow_ups", f)["due_on"] for f in follow_ups)
    assert due == [date(2026, 11, 26).isoformat(), date(2026, 12, 2).isoformat()]
    assert not warning_store.is_defrauded_after_warning(warning)


def test_defrauded_needs_the_loss_and_counts_as_defrauded_after_warning(db):
    warning_id = intake(db)
    with pytest.raises(ValidationError) as info:
        warning_store.close_warning(db, warning_id, outcome="defrauded", now=NOW)
    assert info.value.field == "amount_lost"
    assert warning_store.close_warning(
        db, warning_id, outcome="defrauded", amount_lost="￥30,000.00", stop_payment_amount="1万",
        now=NOW,
    ) == []  # fmt: skip
    warning = get_record(db, "warnings", warning_id)
    assert (warning["amount_lost"], warning["stop_payment_amount"]) == (3_000_000, 1_000_000)
    assert warning_store.is_defrauded_after_warning(warning)


def test_denied_needs_a_recheck_and_stays_open(db):
    warning_id = intake(db)
    [revisit] = warning_store.close_warning(db, warning_id, outcome="denied_recheck", now=NOW)
    assert get_record(db, "warnings", warning_id)["status"] == "in_progress"
    assert get_record(db, "follow_ups", revisit)["due_on"] == "2026-11-26"


def test_the_queue_puts_the_most_urgent_first(db):
    low = intake(db, level="low", received_at=NOW - timedelta(hours=5))
    high_new = intake(
        db, level="high", received_at=NOW - timedelta(minutes=5), mobile="13900000001"
    )
    high_old = intake(
        db, level="high", received_at=NOW - timedelta(minutes=50), mobile="13900000002"
    )
    closed = intake(db, level="high", mobile="13900000003")
    warning_store.close_warning(db, closed, outcome="false_alarm", now=NOW)
    warning_store.record_contact(db, high_old, method="visit", result="met", now=NOW)
    queue = warning_store.open_queue(db)
    assert [item.id for item in queue] == [high_old, high_new, low]
    assert queue[0].reached and queue[0].first_contact_at == NOW and queue[0].contacts == 1
    assert not queue[1].reached and queue[1].first_contact_at is None
    timeline = warning_store.contact_timeline(db, high_old)
    assert [(c["method"], c["result"]) for c in timeline] == [("visit", "met")]


def test_zero_loss_streak_over_the_records(db):
    from desktop.storage import areas as area_store

    assert warning_store.zero_loss_streak(db, NOW.date()) is None  # nothing on record
    county = area_store.add_area(db, name="凤山县", level="county")
    town = area_store.add_area(db, name="凤城镇", level="township", parent_id=county)
    village = area_store.add_area(db, name="坡心村", level="community", parent_id=town)
    first = intake(db, received_at=NOW - timedelta(days=100))
    assert warning_store.zero_loss_streak(db, NOW.date()) == 100
    lost = intake(db, mobile="13900000001", received_at=NOW - timedelta(days=10))
    db.execute("UPDATE residents SET area_id = ? WHERE id = (SELECT resident_id FROM warnings"
               " WHERE id = ?)", (village, lost))  # fmt: skip
    warning_store.close_warning(
        db, lost, outcome="defrauded", amount_lost="2万", now=NOW - timedelta(days=3)
    )
    assert warning_store.zero_loss_streak(db, NOW.date()) == 3
    in_county = area_store.subtree_ids(db, county)
    assert warning_store.zero_loss_streak(db, NOW.date(), area_ids=in_county) == 3
    elsewhere = area_store.add_area(db, name="宜州区", level="county")
    assert warning_store.zero_loss_streak(db, NOW.date(), area_ids=[elsewhere]) is None
    warning_store.close_warning(db, first, outcome="dissuaded", now=NOW)
    assert warning_store.zero_loss_streak(db, NOW.date()) == 3


def test_follow_ups_fall_due_and_are_completed_with_a_result(db):
    warning_id = intake(db)
    warning_store.close_warning(db, warning_id, outcome="dissuaded", now=NOW)
    assert warning_store.due_follow_ups(db, date(2026, 11, 25)) == []
    [due] = warning_store.due_follow_ups(db, date(2026, 11, 27))
    with pytest.raises(ValidationError) as info:
        warning_store.complete_follow_up(db, due["id"], result="  ", now=NOW)
    assert info.value.field == "result"
    warning_store.complete_follow_up(
        db, due["id"], result="本人安全，已安装国家反诈中心App", now=NOW
    )
    assert len(warning_store.due_follow_ups(db, date(2026, 12, 30))) == 1  # the +7 one


def test_transfer_needs_a_reason_and_moves_open_follow_ups(db):
    from desktop.storage import areas as area_store

    first = area_store.add_officer(db, {"name": "韦明"})
    second = area_store.add_officer(db, {"name": "覃丽"})
    warning_id = intake(db, officer_id=first)
    warning_store.close_warning(db, warning_id, outcome="denied_recheck", now=NOW)
    with pytest.raises(ValidationError) as info:
        warning_store.transfer_warning(db, warning_id, second, "")
    assert info.value.field == "reason"
    warning_store.transfer_warning(db, warning_id, second, "辖区调整")
    assert get_record(db, "warnings", warning_id)["officer_id"] == second
    [revisit] = warning_store.follow_ups_of(db, warning_id)
    assert revisit["officer_id"] == second
    assert "辖区调整" in audit.recent(db)[0]["summary"]


def test_demo_contacts_use_the_pairs_the_case_view_offers(db):
    from desktop.storage.demo import generate_demo

    generate_demo(db, seed=2)
    pairs = {
        (row["method"], row["result"])
        for row in db.query("SELECT DISTINCT method, result FROM contacts")
    }
    allowed = {
        (method, result)
        for method, results in warning_store.RESULTS_BY_METHOD.items()
        for result in results
    }
    assert pairs <= allowed, pairs - allowed


def test_the_streak_walks_indexes_instead_of_scanning(db):
    def plan(sql):
        rows = db.query("EXPLAIN QUERY PLAN " + sql.format(join="", where="w.deleted_at IS NULL"))
        return " ".join(row["detail"] for row in rows)

    assert "warnings_received" in plan(warning_store.FIRST_WARNING_SQL)
    assert "warnings_losses" in plan(warning_store.LAST_LOSS_SQL)
