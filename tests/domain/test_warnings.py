from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.errors import ValidationError
from desktop.core.rules import response_minutes
from desktop.core.urgency import most_urgent
from desktop.core.validate import id_number_check_digit
from desktop.db import audit
from desktop.db.database import META_CURRENT_OFFICER
from desktop.db.records import get_record, retire_record
from desktop.domain import follow_ups as follow_up_store
from desktop.domain import officers as officer_store
from desktop.domain import partners as partner_store
from desktop.domain import residents as resident_store
from desktop.domain import warnings as warning_store

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
ID_17 = "45120219600101123"
ID_NUMBER = ID_17 + id_number_check_digit(ID_17)


def intake(db, **changes):
    values = {"source": "platform", "level": "high", "name": "罗某某", "mobile": "138 1234 5678"}
    values.update(changes)
    resident_id = values.pop("resident_id", None)
    return warning_store.intake(db, values, resident_id=resident_id, now=NOW)


def test_a_new_case_goes_to_the_officer_using_this_laptop_unless_another_is_chosen(db):
    mine = officer_store.add_officer(db, {"name": "韦明"})
    other = officer_store.add_officer(db, {"name": "覃丽"})
    db.set_meta(META_CURRENT_OFFICER, mine)
    assert get_record(db, "warnings", intake(db))["officer_id"] == mine
    chosen = intake(db, mobile="13900000001", officer_id=other)
    assert get_record(db, "warnings", chosen)["officer_id"] == other
    nobody = intake(db, mobile="13900000002", officer_id=None)
    assert get_record(db, "warnings", nobody)["officer_id"] is None


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
        ({"name": "罗某\r\n某"}, "name"),
        ({"name": "罗" * 51}, "name"),
        ({"reference_number": "A" * 100_000}, "reference_number"),
        ({"address": "河池\u202e市"}, "address"),
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


def _defrauded_after_warning(db, warning_id):
    """The rule as the figures, the trend and the streak apply it: their own SQL."""
    return db.scalar(
        f"SELECT {warning_store.DEFRAUDED_AFTER_WARNING_SQL} FROM warnings w WHERE w.id = ?",
        (warning_id,),
    )


def test_closing_needs_an_outcome_and_schedules_follow_ups(db):
    warning_id = intake(db)
    with pytest.raises(ValidationError) as info:
        warning_store.close_warning(db, warning_id, outcome=None, now=NOW)
    assert info.value.field == "outcome"
    follow_ups = warning_store.close_warning(
        db, warning_id, outcome="dissuaded", amount_protected="5.2万",
        despite=("no_contact", "closed_at_once"), now=NOW,
    )  # fmt: skip
    warning = get_record(db, "warnings", warning_id)
    assert (warning["status"], warning["amount_protected"]) == ("closed", 5_200_000)
    due = sorted(get_record(db, "follow_ups", f)["due_on"] for f in follow_ups)
    assert due == [date(2026, 11, 26).isoformat(), date(2026, 12, 2).isoformat()]
    assert not _defrauded_after_warning(db, warning_id)


def test_defrauded_asks_for_the_loss_and_counts_as_defrauded_after_warning(db):
    warning_id = intake(db, received_at=NOW - timedelta(hours=3))
    with pytest.raises(warning_store.ClosingConcerns) as info:
        warning_store.close_warning(db, warning_id, outcome="defrauded", now=NOW)
    assert [concern.code for concern in info.value.concerns] == ["defrauded_no_loss"]
    assert get_record(db, "warnings", warning_id)["status"] == "new"  # asked, not closed
    assert warning_store.close_warning(
        db, warning_id, outcome="defrauded", amount_lost="￥30,000.00", stop_payment_amount="1万",
        now=NOW,
    ) == []  # fmt: skip
    warning = get_record(db, "warnings", warning_id)
    assert (warning["amount_lost"], warning["stop_payment_amount"]) == (3_000_000, 1_000_000)
    assert _defrauded_after_warning(db, warning_id)


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
    warning_store.close_warning(
        db, closed, outcome="false_alarm", despite=("closed_at_once",), now=NOW
    )
    warning_store.record_contact(db, high_old, method="visit", result="met", now=NOW)
    queue = warning_store.open_queue(db, now=NOW)
    # nobody has called the low one for 5 hours (its limit: 2); the new high one has 5
    # minutes left; the old high one was met at the door and needs nothing more but closing
    assert [item.id for item in queue] == [low, high_new, high_old]
    assert queue[2].visited and queue[2].first_contact_at == NOW and queue[2].contacts == 1
    assert not queue[1].visited and queue[1].first_contact_at is None
    timeline = warning_store.contact_timeline(db, high_old)
    assert [(c.method, c.result) for c in timeline] == [("visit", "met")]


def test_zero_loss_streak_over_the_records(db):
    from desktop.domain import areas as area_store

    assert warning_store.zero_loss_streak(db, NOW.date()) is None  # nothing on record
    county = area_store.add_area(db, name="凤山县", level="county")
    town = area_store.add_area(db, name="凤城镇", level="township", parent_id=county)
    village = area_store.add_area(db, name="坡心村", level="community", parent_id=town)
    first = intake(db, received_at=NOW - timedelta(days=100))
    assert warning_store.zero_loss_streak(db, NOW.date()) == 100
    lost = intake(db, mobile="13900000001", received_at=NOW - timedelta(days=10))
    warning_store.update_details(db, lost, {"area_id": village})  # moves its warnings too
    assert get_record(db, "warnings", lost)["area_id"] == village
    warning_store.close_warning(
        db, lost, outcome="defrauded", amount_lost="2万", now=NOW - timedelta(days=3)
    )
    assert warning_store.zero_loss_streak(db, NOW.date()) == 3
    in_county = area_store.subtree_ids(db, county)
    assert warning_store.zero_loss_streak(db, NOW.date(), area_ids=in_county) == 3
    elsewhere = area_store.add_area(db, name="宜州区", level="county")
    assert warning_store.zero_loss_streak(db, NOW.date(), area_ids=[elsewhere]) is None
    warning_store.close_warning(db, first, outcome="dissuaded", despite=("no_contact",), now=NOW)
    assert warning_store.zero_loss_streak(db, NOW.date()) == 3


def test_transfer_needs_a_reason_and_moves_open_follow_ups(db):

    first = officer_store.add_officer(db, {"name": "韦明"})
    second = officer_store.add_officer(db, {"name": "覃丽"})
    warning_id = intake(db, officer_id=first)
    warning_store.close_warning(db, warning_id, outcome="denied_recheck", now=NOW)
    with pytest.raises(ValidationError) as info:
        warning_store.transfer_warning(db, warning_id, officer_id=second, reason="")
    assert info.value.field == "reason"
    with pytest.raises(ValidationError) as info:
        warning_store.transfer_warning(db, warning_id, reason="辖区调整")
    assert info.value.field == "officer"
    warning_store.transfer_warning(db, warning_id, officer_id=second, reason="辖区调整", now=NOW)
    assert get_record(db, "warnings", warning_id)["officer_id"] == second
    [revisit] = follow_up_store.follow_ups_of(db, warning_id)
    assert revisit.officer_id == second
    [handover] = warning_store.transfer_history(db, warning_id)
    assert (handover.from_officer, handover.to_officer, handover.reason) == (
        "韦明", "覃丽", "辖区调整",
    )  # fmt: skip
    # the same hand-over again changes nothing and is not recorded twice
    assert warning_store.transfer_warning(db, warning_id, officer_id=second, reason="再次") is None
    assert len(warning_store.transfer_history(db, warning_id)) == 1


def test_a_case_handed_to_another_station_leaves_this_queue_and_keeps_its_history(db):
    from desktop.db.database import META_STATION_NAME

    db.set_meta(META_STATION_NAME, "城东派出所")
    mine = officer_store.add_officer(db, {"name": "韦明", "unit": "城东派出所"})
    theirs = officer_store.add_officer(db, {"name": "黄强", "unit": "城西派出所"})
    warning_id = intake(db, officer_id=mine)
    warning_store.record_contact(db, warning_id, method="phone", result="busy", now=NOW)
    assert warning_store.known_stations(db) == ["城东派出所", "城西派出所"]
    warning_store.transfer_warning(
        db, warning_id, station="城西派出所", reason="居住地在城西", now=NOW
    )
    warning = get_record(db, "warnings", warning_id)
    assert (warning["station"], warning["officer_id"]) == ("城西派出所", None)
    assert warning_store.open_queue(db) == []
    [moved] = warning_store.list_warnings(db, warning_store.WarningFilter("transferred"))[0]
    assert moved.id == warning_id and moved.contacts == 1
    # the receiving station names its officer; handing it back to this station's own name
    # brings it home
    warning_store.transfer_warning(db, warning_id, officer_id=theirs, reason="指派", now=NOW)
    warning_store.transfer_warning(
        db, warning_id, station="城东派出所", officer_id=mine, reason="退回", now=NOW
    )
    assert get_record(db, "warnings", warning_id)["station"] == ""
    history = warning_store.transfer_history(db, warning_id)
    assert [(h.to_station, h.to_officer) for h in history] == [
        ("城西派出所", ""), ("城西派出所", "黄强"), ("", "韦明"),
    ]  # fmt: skip
    assert len(warning_store.contact_timeline(db, warning_id)) == 1


def test_pages_of_warnings_follow_each_view_without_gaps_or_repeats(db):
    ids = {}
    for number in range(23):
        level = ("high", "medium", "low")[number % 3]
        warning_id = intake(
            db, level=level, mobile=f"139{number:08d}",
            received_at=NOW - timedelta(hours=number),
        )  # fmt: skip
        ids[warning_id] = level
        if number % 4 == 0:
            warning_store.close_warning(
                db, warning_id, outcome="false_alarm", despite=("closed_at_once",), now=NOW
            )

    def every_page(which):
        found, key = [], None
        while True:
            page, key = warning_store.list_warnings(db, which, after=key, limit=5, now=NOW)
            found += page
            if key is None:
                return found

    open_items = every_page(warning_store.WarningFilter("open"))
    queue = warning_store.open_queue(db, now=NOW)
    assert [item.id for item in open_items] == [item.id for item in queue]
    limits = warning_store.time_limits(db)
    assert open_items == most_urgent(open_items, limits, NOW)
    closed = every_page(warning_store.WarningFilter("closed"))
    assert len(closed) == 6 and all(item.outcome == "false_alarm" for item in closed)
    everything = every_page(warning_store.WarningFilter("all"))
    assert sorted(item.id for item in everything) == sorted(ids)
    assert [i.received_at for i in everything] == sorted(
        (i.received_at for i in everything), reverse=True
    )
    low = every_page(warning_store.WarningFilter("all", level="low"))
    assert {item.level for item in low} == {"low"} and len(low) == 7
    assert warning_store.count_warnings(db, warning_store.WarningFilter("all", "low")) == 7
    assert every_page(warning_store.WarningFilter("open", source="bank")) == []


def test_an_attempt_is_corrected_afterwards_within_its_way_of_contact(db):
    warning_id = intake(db, received_at=NOW - timedelta(hours=1))
    contact_id = warning_store.record_contact(
        db, warning_id, method="phone", result="no_answer", now=NOW
    )
    warning_store.update_contact(
        db, contact_id, at=NOW - timedelta(minutes=30), result="busy", notes=" 占线 ", now=NOW
    )
    contact = get_record(db, "contacts", contact_id)
    assert (contact["result"], contact["notes"]) == ("busy", "占线")
    assert contact["at"] == (NOW - timedelta(minutes=30)).isoformat(timespec="seconds")
    for changes, field in (
        ({"result": "met"}, "result"),  # a phone call cannot "meet" anyone
        ({"at": NOW - timedelta(hours=2)}, "at"),  # before the warning arrived
        ({"at": NOW + timedelta(hours=1)}, "at"),  # in the future
    ):
        with pytest.raises(ValidationError) as info:
            warning_store.update_contact(db, contact_id, now=NOW, **changes)
        assert info.value.field == field
    assert get_record(db, "contacts", contact_id)["result"] == "busy"


def test_closing_records_the_stop_payment_and_the_bank_outlet(db):

    bank = partner_store.add_partner(db, {"name": "农行凤城支行", "kind": "bank_outlet"})
    school = partner_store.add_partner(db, {"name": "凤山中学", "kind": "school"})
    warning_id = intake(db)
    with pytest.raises(ValidationError) as info:
        warning_store.close_warning(
            db, warning_id, outcome="defrauded", amount_lost="3万", bank_partner_id=school
        )
    assert info.value.field == "bank_partner_id"
    warning_store.close_warning(
        db, warning_id, outcome="defrauded", amount_lost="3万", stop_payment_amount="1.2万",
        bank_partner_id=bank, despite=("closed_at_once",), now=NOW,
    )  # fmt: skip
    warning = get_record(db, "warnings", warning_id)
    assert (warning["stop_payment_requested"], warning["stop_payment_amount"]) == (1, 1_200_000)
    assert warning["bank_partner_id"] == bank


def test_details_follow_after_intake_in_one_transaction(db):
    warning_id = intake(db)
    with pytest.raises(ValidationError) as info:
        warning_store.update_details(
            db, warning_id, {"reference_number": "GX-1", "id_number": ID_17 + "Y"}
        )
    assert info.value.field == "id_number"
    assert get_record(db, "warnings", warning_id)["reference_number"] is None  # nothing written
    warning_store.update_details(
        db, warning_id,
        {"reference_number": "GX-1", "id_number": ID_NUMBER, "fraud_type": "impersonating_police",
         "amount_at_risk": "5.2万", "address": "凤城镇坡心村3组"},
    )  # fmt: skip
    warning = get_record(db, "warnings", warning_id)
    resident = get_record(db, "residents", warning["resident_id"])
    assert (warning["reference_number"], warning["amount_at_risk"]) == ("GX-1", 5_200_000)
    assert (resident["id_number"], resident["address"]) == (ID_NUMBER, "凤城镇坡心村3组")


def test_revealing_a_resident_needs_a_reason_and_is_logged(db):
    warning_id = intake(db)
    with pytest.raises(ValidationError):
        warning_store.reveal_resident(db, warning_id, " ")
    resident = warning_store.reveal_resident(db, warning_id, "上门核实")
    assert resident.mobile == "13812345678"
    last = audit.recent(db)[0]
    assert (last["action"], last["row_id"]) == ("reveal", warning_id)
    assert "上门核实" in last["summary"]


def test_tags_by_hand_beside_the_high_risk_rule(db):
    warning_id = intake(db)
    resident_id = get_record(db, "warnings", warning_id)["resident_id"]
    assert resident_store.set_tags(db, resident_id, ["elderly", " 独居 ", "elderly", ""]) == [
        "elderly", "独居",
    ]  # fmt: skip
    # the rule's tag cannot be set or cleared by hand
    assert resident_store.set_tags(db, resident_id, ["high_risk"]) == []
    intake(db, resident_id=resident_id)
    assert resident_store.tags_of(db, resident_id) == ["high_risk"]
    assert resident_store.set_tags(db, resident_id, ["student"]) == ["high_risk", "student"]
    with pytest.raises(ValidationError):
        resident_store.set_tags(db, resident_id, ["长" * 21])


def test_demo_contacts_use_the_pairs_the_case_view_offers(db):
    from desktop.demo import generate_demo

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

    first = plan(warning_store.FIRST_WARNING_SQL)  # an index in received_at order, no sort
    assert "INDEX warnings_" in first and "TEMP B-TREE" not in first
    assert "warnings_losses" in plan(warning_store.LAST_LOSS_SQL)


def test_the_open_queue_is_ordered_and_counted_from_the_index_of_open_warnings(db):
    """Today's urgent dozen, the queue's pages, the late and the open counts read a city's
    thousands of open warnings from their own index; only a page's rows come from the table,
    each found by its id."""
    for number in range(3):
        intake(db, mobile=f"139{number:08d}", received_at=NOW - timedelta(hours=number))
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        _page, key = warning_store.list_warnings(db, limit=2, now=NOW)
        warning_store.list_warnings(db, after=key, limit=2, now=NOW)
        warning_store.count_late(db, now=NOW)
        warning_store.count_warnings(db, warning_store.WarningFilter())
    finally:
        db.conn.set_trace_callback(None)
    queue = [sql for sql in statements if "FROM warnings w" in sql]
    assert len(queue) == 4, queue
    for sql in queue:
        plan = [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}")]
        reads = [step for step in plan if step.startswith(("SCAN w", "SEARCH w"))]
        assert any("COVERING INDEX warnings_queue" in step for step in reads), plan
        assert all("COVERING INDEX warnings_queue" in step or "(id=?)" in step for step in reads), (
            plan
        )


def test_each_warning_keeps_a_summary_of_its_attempts(db):
    warning_id = intake(db, received_at=NOW - timedelta(minutes=90))
    warning_store.record_contact(
        db, warning_id, method="phone", result="busy", at=NOW - timedelta(minutes=84), now=NOW
    )
    visit = warning_store.record_contact(
        db, warning_id, method="visit", result="met", at=NOW - timedelta(minutes=30), now=NOW
    )
    warning = get_record(db, "warnings", warning_id)
    assert (warning["contact_count"], warning["first_contact_minutes"]) == (2, 6)
    assert warning["first_visit_minutes"] == 60
    warning_store.update_contact(db, visit, at=NOW - timedelta(minutes=45), now=NOW)
    assert get_record(db, "warnings", warning_id)["first_visit_minutes"] == 45


def test_the_stored_response_time_follows_the_rule_of_the_figures(db):
    warning_id = intake(db, received_at=NOW - timedelta(minutes=30))
    warning_store.record_contact(
        db, warning_id, method="phone", result="busy",
        at=NOW - timedelta(minutes=30) + timedelta(minutes=7, seconds=40), now=NOW,
    )  # fmt: skip
    stored = get_record(db, "warnings", warning_id)["first_contact_minutes"]
    assert stored == response_minutes(7 * 60 + 40) == 8


def test_a_loss_before_the_warning_arrived_does_not_break_the_streak(db):
    intake(db, received_at=NOW - timedelta(days=40))
    early = intake(db, mobile="13900000001", received_at=NOW - timedelta(days=5))
    warning_store.close_warning(
        db, early, outcome="defrauded", amount_lost="8000", lost_before_warning=True,
        now=NOW - timedelta(days=4),
    )  # fmt: skip
    assert not _defrauded_after_warning(db, early)
    assert warning_store.zero_loss_streak(db, NOW.date()) == 40
    late = intake(db, mobile="13900000002", received_at=NOW - timedelta(days=3))
    warning_store.close_warning(
        db, late, outcome="defrauded", amount_lost="2万", now=NOW - timedelta(days=2)
    )
    assert warning_store.zero_loss_streak(db, NOW.date()) == 2
    # on a report's last day before that loss, the streak had not been broken yet
    assert warning_store.zero_loss_streak(db, NOW.date() - timedelta(days=3)) == 37


@pytest.mark.parametrize("reason", ["  ", "核实\x1b[2J", "核" * 2001])
def test_a_reveal_needs_a_reason_the_log_can_keep(db, reason):
    warning_id = intake(db)
    rows = db.scalar("SELECT count(*) FROM audit")
    with pytest.raises(ValidationError) as info:
        warning_store.reveal_resident(db, warning_id, reason)
    assert info.value.field == "reason" and db.scalar("SELECT count(*) FROM audit") == rows


def test_one_warning_reads_as_a_typed_record_and_a_retired_one_as_none(db):
    warning_id = intake(db, amount_at_risk="5万", reference_number=" YJ7 ")
    warning = warning_store.get_warning(db, warning_id)
    assert (warning.reference_number, warning.amount_at_risk, warning.status) == (
        "YJ7",
        5_000_000,
        "new",
    )
    assert (
        warning.received_at == NOW and warning.outcome == "" and not warning.stop_payment_requested
    )
    resident = resident_store.get_resident(db, warning.resident_id)
    assert (resident.name, resident.id_number, resident.tags) == ("罗某某", "", ())
    retire_record(db, "warnings", warning_id)
    assert warning_store.get_warning(db, warning_id) is None


@pytest.mark.parametrize("status", ["new", "in_progress", "closed"])
@pytest.mark.parametrize("outcome", [None, "dissuaded", "defrauded", "false_alarm"])
@pytest.mark.parametrize("before", [0, 1])
def test_the_rule_for_sql_and_for_groups_agrees(db, status, outcome, before):
    """预警后被骗 stated twice (SQL for the trend and the streak, Python for the figures' groups):
    the same answer for every status, outcome and flag."""
    sql = db.scalar(
        f"SELECT {warning_store.DEFRAUDED_AFTER_WARNING_SQL} FROM (SELECT ? AS status,"
        " ? AS outcome, ? AS lost_before_warning) w",
        (status, outcome, before),
    )
    assert bool(sql) == warning_store.is_defrauded_after_warning(status, outcome, before)


def test_closing_asks_first_and_an_override_is_kept_and_logged(db):
    """A brand-new high-level warning "dissuaded" with more protected than was at risk and no
    contact: every question is put before anything is written; closed anyway, the case keeps
    them and the audit row of the close names them."""
    warning_id = intake(db, amount_at_risk="5万", received_at=NOW - timedelta(minutes=4))
    with pytest.raises(warning_store.ClosingConcerns) as info:
        warning_store.close_warning(
            db, warning_id, outcome="dissuaded", amount_protected="6万", now=NOW
        )
    codes = [concern.code for concern in info.value.concerns]
    assert codes == ["no_contact", "protected_over_risk", "closed_at_once"]
    assert info.value.concerns[1].detail("amount_at_risk") == 5_000_000
    assert get_record(db, "warnings", warning_id)["status"] == "new"
    assert follow_up_store.follow_ups_of(db, warning_id) == []
    # Answering some of the questions is not answering them all.
    with pytest.raises(warning_store.ClosingConcerns):
        warning_store.close_warning(
            db, warning_id, outcome="dissuaded", amount_protected="6万",
            despite=("no_contact",), now=NOW,
        )  # fmt: skip
    # Impossible money is refused whatever the officer confirmed.
    with pytest.raises(ValidationError) as refused:
        warning_store.close_warning(
            db, warning_id, outcome="dissuaded", amount_protected="-6万", despite=codes, now=NOW
        )
    assert refused.value.field == "amount_protected"
    warning_store.close_warning(
        db, warning_id, outcome="dissuaded", amount_protected="6万", despite=codes, now=NOW
    )
    case = warning_store.get_warning(db, warning_id)
    assert case.status == "closed" and case.closed_despite == tuple(codes)
    [row] = audit.search(db, text="closed despite")
    assert row["row_id"] == warning_id and row["action"] == "update"
    assert row["summary"] == (
        "outcome: dissuaded; closed despite: no_contact,protected_over_risk,closed_at_once"
    )


def test_a_case_closed_with_nothing_to_ask_keeps_no_concerns(db):
    warning_id = intake(db, received_at=NOW - timedelta(hours=1))
    warning_store.record_contact(db, warning_id, method="visit", result="met", now=NOW)
    warning_store.close_warning(
        db, warning_id, outcome="dissuaded", despite=("no_contact",), now=NOW
    )
    assert warning_store.get_warning(db, warning_id).closed_despite == ()
    assert audit.search(db, text="closed despite") == []


def test_a_closed_case_is_not_closed_again(db):
    warning_id = intake(db, received_at=NOW - timedelta(hours=1))
    warning_store.record_contact(db, warning_id, method="visit", result="met", now=NOW)
    scheduled = warning_store.close_warning(
        db, warning_id, outcome="dissuaded", amount_protected="2万", now=NOW
    )
    with pytest.raises(ValidationError) as refused:
        warning_store.close_warning(
            db, warning_id, outcome="defrauded", amount_lost="3万", now=NOW + timedelta(hours=1)
        )
    assert refused.value.field == "outcome" and "2026-11-25 10:00" in refused.value.render()
    case = warning_store.get_warning(db, warning_id)
    assert (case.outcome, case.amount_protected, case.amount_lost) == ("dissuaded", 2_000_000, None)
    assert len(follow_up_store.follow_ups_of(db, warning_id)) == len(scheduled)


def test_a_case_closed_elsewhere_while_the_officer_was_asked_is_not_closed_again(db, monkeypatch):
    """Between the questions and the write, a merge or another window closes the case: the
    write lock's second look refuses, and nothing of this close is kept."""
    from desktop.db.records import update_record

    warning_id = intake(db, received_at=NOW - timedelta(hours=1))
    warning_store.record_contact(db, warning_id, method="visit", result="met", now=NOW)
    asked = warning_store.closing_concerns

    def closed_meanwhile(**facts):
        update_record(db, "warnings", warning_id, {"status": "closed", "outcome": "defrauded",
                                                   "closed_at": "2026-11-25T09:59:00+08:00"})  # fmt: skip
        return asked(**facts)

    monkeypatch.setattr(warning_store, "closing_concerns", closed_meanwhile)
    with pytest.raises(ValidationError) as refused:
        warning_store.close_warning(db, warning_id, outcome="dissuaded", now=NOW)
    assert "2026-11-25 09:59" in refused.value.render()
    assert warning_store.get_warning(db, warning_id).outcome == "defrauded"
    assert follow_up_store.follow_ups_of(db, warning_id) == []
