from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.errors import ValidationError
from desktop.domain import follow_ups as follow_up_store
from desktop.domain import warnings as warning_store

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def intake(db):
    values = {"source": "platform", "level": "high", "name": "罗某某", "mobile": "138 1234 5678"}
    return warning_store.intake(db, values, now=NOW)


def test_follow_ups_fall_due_and_are_completed_with_a_result(db):
    warning_id = intake(db)
    warning_store.close_warning(
        db, warning_id, outcome="dissuaded", despite=("no_contact", "closed_at_once"), now=NOW
    )
    assert follow_up_store.due_follow_ups(db, date(2026, 11, 25)) == []
    [due] = follow_up_store.due_follow_ups(db, date(2026, 11, 27))
    assert (due.due_on, due.resident_name, due.mobile) == (
        date(2026, 11, 26),
        "罗某某",
        "13812345678",
    )
    with pytest.raises(ValidationError) as info:
        follow_up_store.complete_follow_up(db, due.id, result="  ", now=NOW)
    assert info.value.field == "result"
    follow_up_store.complete_follow_up(
        db, due.id, result="本人安全，已安装国家反诈中心App", now=NOW
    )
    assert len(follow_up_store.due_follow_ups(db, date(2026, 12, 30))) == 1  # the +7 one


def test_follow_up_days_are_the_stations_setting(db):
    assert follow_up_store.follow_up_days_of(db) == (1, 7)
    for bad in ("", "7, x", "0", "400", "1.5"):
        with pytest.raises(ValidationError) as info:
            follow_up_store.set_follow_up_days(db, bad)
        assert info.value.field == "follow_up_days"
    assert follow_up_store.set_follow_up_days(db, "30，3, 3") == (3, 30)
    warning_id = intake(db)
    warning_store.close_warning(
        db, warning_id, outcome="dissuaded", despite=("no_contact", "closed_at_once"), now=NOW
    )
    due = [f.due_on.isoformat() for f in follow_up_store.follow_ups_of(db, warning_id)]
    assert due == ["2026-11-28", "2026-12-25"]


def test_open_follow_ups_are_listed_in_order_and_counted_from_their_own_index(db):
    """Today lists a city's follow-ups due (thousands a day) by taking the first few from the
    index of the open ones, in the list's order, and counts them from it."""

    def plan(sql: str) -> list[str]:
        return [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", ("2026-11-27", 5))]

    for ordered in ("due_on <= ? ORDER BY due_on, id", "due_on = ? ORDER BY id"):
        steps = plan(f"{follow_up_store._OPEN} AND {ordered} LIMIT ?")
        assert any("INDEX follow_ups_due" in step for step in steps), steps
        assert not any("TEMP B-TREE" in step for step in steps), steps
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        follow_up_store.count_due_follow_ups(db, date(2026, 11, 27))
    finally:
        db.conn.set_trace_callback(None)
    (count,) = [sql for sql in statements if "count(*)" in sql]
    steps = [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {count}")]
    assert any("INDEX follow_ups_due" in step for step in steps), steps
