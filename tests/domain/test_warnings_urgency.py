"""The open queue read in the database's order is the order of ``core.urgency``'s rule."""

from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.rules import TimeLimits
from desktop.core.urgency import most_urgent
from desktop.domain import residents as resident_store
from desktop.domain import warnings as warning_store

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 25, 10, 0, 0, 400_000, tzinfo=CST)  # a fraction of a second past
LEVELS = ("high", "medium", "low")


@st.composite
def station_limits(draw):
    limits = {}
    for level in LEVELS:
        contact = draw(st.integers(1, 600))
        limits[level] = TimeLimits(contact, draw(st.integers(contact, 3000)))
    return limits


@st.composite
def queues(draw):
    """Station limits and open warnings around them: exactly at a limit, a second either side,
    twice over, same receipts (ties), contacted or visited or neither."""
    limits = draw(station_limits())
    warnings = []
    for number in range(draw(st.integers(0, 14))):
        level = draw(st.sampled_from(LEVELS))
        limit = draw(st.sampled_from((limits[level].first_contact, limits[level].visit)))
        waited = draw(
            st.one_of(
                st.integers(-90, 4 * 86_400),
                st.sampled_from((60 * limit - 1, 60 * limit, 60 * limit + 1, 120 * limit + 30)),
                st.just(3_600),  # several received in the same second
            )
        )
        state = draw(st.sampled_from(("new", "called", "visited")))
        warnings.append((f"w{number:02d}", level, waited, state))
    return limits, warnings


def _write(db, resident_id, warnings):
    rows = []
    for warning_id, level, waited, state in warnings:
        received = (NOW.replace(microsecond=0) - timedelta(seconds=waited)).isoformat()
        first_contact = None if state == "new" else 3
        first_visit = 5 if state == "visited" else None
        status = "new" if state == "new" else "in_progress"
        values = {"id": warning_id, "created_at": received, "updated_at": received,
                  "device_id": "d", "reference_number": None, "source": "platform",
                  "level": level, "received_at": received, "signed_at": None,
                  "resident_id": resident_id, "fraud_type": "", "officer_id": None,
                  "status": status, "outcome": None, "amount_at_risk": None,
                  "amount_protected": None, "amount_lost": None, "stop_payment_amount": None,
                  "stop_payment_requested": 0, "closed_at": None, "notes": "",
                  "contact_count": 0 if state == "new" else 1,
                  "first_contact_minutes": first_contact, "first_visit_minutes": first_visit,
                  "lost_before_warning": 0, "area_id": None,
                  "bank_partner_id": None}  # fmt: skip
        rows.append(tuple(values[column] for column in warning_store.COLUMNS))
    warning_store.write_rows(db, rows)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(queue=queues(), page_size=st.integers(1, 5))
def test_the_database_orders_the_open_queue_by_the_rule_of_urgency(db, queue, page_size):
    limits, warnings = queue
    resident, _ = resident_store.check_resident({"name": "罗某某", "mobile": "13812345678"})
    db.conn.execute("BEGIN")
    try:
        _write(db, resident_store.write_resident(db, resident), warnings)
        read = warning_store.open_queue(db, limits=limits, now=NOW)
        assert sorted(item.id for item in read) == sorted(w[0] for w in warnings)
        assert [item.id for item in read] == [item.id for item in most_urgent(read, limits, NOW)]
        # page after page, every page keeps the first page's moment
        paged, key = [], None
        while True:
            page, key = warning_store.list_warnings(
                db, after=key, limit=page_size, limits=limits, now=NOW
            )
            paged += page
            if key is None:
                break
        assert [item.id for item in paged] == [item.id for item in read]
        top = warning_store.most_urgent(db, limit=3, limits=limits, now=NOW)
        assert [item.id for item in top] == [item.id for item in read[:3]]
    finally:
        db.conn.rollback()


def test_the_next_page_is_ordered_as_of_the_first_pages_moment(db):
    resident, _ = resident_store.check_resident({"name": "罗某某", "mobile": "13812345678"})
    limits = warning_store.time_limits(db)
    with db.atomic():
        resident_id = resident_store.write_resident(db, resident)
        # "a": called, 10 minutes before its visit limit (low: a day); "b": nobody has
        # called, 20 minutes before its first-contact limit (medium: 30 minutes)
        _write(db, resident_id, [("a", "low", 1430 * 60, "called"),
                                 ("b", "medium", 10 * 60, "new")])  # fmt: skip
    first, key = warning_store.list_warnings(db, limit=1, limits=limits, now=NOW)
    assert [item.id for item in first] == ["a"]
    # an hour later both are late and "b", never contacted, comes first: a next page read
    # as of that later moment would lose "b"
    later = NOW + timedelta(hours=1)
    assert [i.id for i in warning_store.open_queue(db, limits=limits, now=later)] == ["b", "a"]
    rest, key = warning_store.list_warnings(db, after=key, limit=5, limits=limits, now=later)
    assert [item.id for item in rest] == ["b"] and key is None


def test_the_late_count_is_the_rules(db):
    resident, _ = resident_store.check_resident({"name": "罗某某", "mobile": "13812345678"})
    limits = warning_store.time_limits(db)
    with db.atomic():
        _write(db, resident_store.write_resident(db, resident), [
            ("a", "high", 11 * 60, "new"),  # past its 10 minutes
            ("b", "high", 9 * 60, "new"),
            ("c", "high", 61 * 60, "called"),  # past its hour to a visit
            ("d", "high", 600 * 60, "visited"),  # needs only closing
        ])  # fmt: skip
    assert warning_store.count_late(db, limits=limits, now=NOW) == 2
    assert warning_store.count_late(db, limits=limits, now=NOW + timedelta(minutes=2)) == 3
