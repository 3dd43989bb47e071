from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.entities import Talk
from desktop.core.rules import (
    copy_to,
    find_clashes,
    is_high_risk,
    monthly_same_weekday_starts,
    overlaps,
    response_minutes,
    series,
    weekly_starts,
    zero_loss_streak_days,
)

CST = timezone(timedelta(hours=8))


def talk(
    start_hour,
    end_hour,
    *,
    day=25,
    venue="新建社区活动室",
    organiser="o1",
    officers=(),
    status="planned",
    id=None,
    title="反诈宣传",
):
    return Talk(
        title=title,
        starts_at=datetime(2026, 11, day, start_hour, tzinfo=CST),
        ends_at=datetime(2026, 11, day, end_hour, tzinfo=CST),
        venue=venue,
        organiser_id=organiser,
        officer_ids=list(officers),
        status=status,
        id=id,
    )


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        (talk(10, 12, organiser="o2", venue="六圩村委"), []),  # different officer and venue
        (talk(9, 11, organiser="o1", venue="六圩村委"), ["officer"]),
        (talk(9, 11, organiser="o2", venue="新建社区 活动室"), ["venue"]),  # spaces ignored
        (talk(9, 11, organiser="o1"), ["officer", "venue"]),
        (talk(11, 12), []),  # starts as the candidate ends: no clash
        (talk(8, 9), []),  # ends as it starts
        (talk(9, 11, day=26), []),  # another day
        (talk(9, 11, status="cancelled"), []),
        (talk(9, 11, status="postponed"), []),
        (talk(9, 11, organiser="o3", officers=["o1"], venue="x"), ["officer"]),  # co-organiser
        (talk(9, 11, id="same"), []),  # itself (editing a saved talk)
    ],
)
def test_clash_rule(other, expected):
    candidate = talk(9, 11, id="same") if other.id == "same" else talk(9, 11)
    clashes = find_clashes(candidate, [other])
    kinds = []
    if clashes:
        kinds = (["officer"] if clashes[0].shared_officer_ids else []) + (
            ["venue"] if clashes[0].same_venue else []
        )
    assert kinds == expected


def test_cancelled_candidate_clashes_with_nothing():
    assert find_clashes(talk(9, 11, status="cancelled"), [talk(9, 11)]) == []


def test_empty_venues_are_not_the_same_venue():
    assert (
        find_clashes(talk(9, 11, venue="", organiser="a"), [talk(9, 11, venue="", organiser="b")])
        == []
    )


def test_clashes_come_earliest_first():
    late, early = talk(10, 12, title="late"), talk(8, 10, title="early")
    assert [c.other.title for c in find_clashes(talk(9, 11), [late, early])] == ["early", "late"]


spans = st.tuples(st.integers(0, 40), st.integers(1, 12))


@given(spans, spans)
def test_overlap_is_symmetric(a, b):
    base = datetime(2026, 1, 1, tzinfo=CST)

    def make(span):
        start = base + timedelta(hours=span[0])
        return Talk("t", start, start + timedelta(hours=span[1]))

    assert overlaps(make(a), make(b)) == overlaps(make(b), make(a))


def test_copy_keeps_length_and_clears_the_outcome():
    done = talk(9, 11, id="t1", status="done")
    done.actual_headcount = 120
    done.handouts_given = {"customer_service": 100}
    copy = copy_to(done, datetime(2026, 12, 3, 14, tzinfo=CST))
    assert copy.ends_at - copy.starts_at == timedelta(hours=2)
    assert (copy.id, copy.status, copy.actual_headcount, copy.handouts_given) == (
        None,
        "planned",
        None,
        {},
    )
    copy.topics.append("x")
    assert done.topics == []  # lists are not shared


def test_monthly_same_weekday():
    second_tuesday = datetime(2026, 1, 13, 9, tzinfo=CST)  # 2nd Tuesday of January 2026
    starts = monthly_same_weekday_starts(second_tuesday, 4)
    assert [s.date().isoformat() for s in starts] == [
        "2026-01-13",
        "2026-02-10",
        "2026-03-10",
        "2026-04-14",
    ]
    assert all(s.weekday() == 1 and s.hour == 9 for s in starts)


def test_fifth_weekday_falls_back_to_the_last_one():
    fifth_friday = datetime(2026, 1, 30, 15, tzinfo=CST)  # January 2026 has five Fridays
    starts = monthly_same_weekday_starts(fifth_friday, 3)
    assert [s.day for s in starts] == [30, 27, 27]  # Feb and Mar 2026 have four: the last one


def test_monthly_series_crosses_the_year():
    starts = monthly_same_weekday_starts(datetime(2026, 11, 25, 9, tzinfo=CST), 3)
    assert [(s.year, s.month) for s in starts] == [(2026, 11), (2026, 12), (2027, 1)]


def test_weekly_series_and_bad_counts():
    first = datetime(2026, 11, 25, 9, tzinfo=CST)
    assert weekly_starts(first, 3, every_weeks=2)[-1] == first + timedelta(weeks=4)
    with pytest.raises(ValueError):
        weekly_starts(first, 0)
    with pytest.raises(ValueError):
        monthly_same_weekday_starts(first, 0)


def test_series_makes_independent_planned_copies():
    base = talk(9, 11)
    talks = series(base, weekly_starts(base.starts_at, 3))
    assert len(talks) == 3 and len({t.starts_at for t in talks}) == 3
    assert all(t.status == "planned" and t.id is None for t in talks)


# -- warnings ------------------------------------------------------------------------------------

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("losses", "first_warning", "expected"),
    [
        ([], None, None),  # nothing on record: no streak to speak of
        ([], date(2026, 1, 1), 328),  # never a loss: counted from the first warning
        ([date(2026, 11, 24)], date(2025, 1, 1), 1),
        ([date(2026, 11, 25)], date(2025, 1, 1), 0),  # a loss today ends the streak today
        ([date(2026, 3, 1), date(2026, 10, 1), date(2026, 5, 1)], date(2025, 1, 1), 55),
        ([date(2026, 12, 1)], date(2025, 1, 1), 0),  # a wrong clock never makes it negative
        ([date(2024, 2, 29)], date(2024, 1, 1), 1000),  # across a leap day
    ],
)
def test_zero_loss_streak(losses, first_warning, expected):
    assert zero_loss_streak_days(losses, first_warning, TODAY) == expected


NOW = datetime(2026, 11, 25, 12, tzinfo=CST)


@pytest.mark.parametrize(
    ("ago_days", "expected"),
    [
        ([], False),
        ([10], False),
        ([10, 200], True),
        ([10, 366], False),  # the older one is outside twelve months
        ([0, 0], True),
        ([-3, 5], False),  # a warning "in the future" does not count
    ],
)
def test_high_risk_means_warned_twice_within_twelve_months(ago_days, expected):
    times = [NOW - timedelta(days=days) for days in ago_days]
    assert is_high_risk(times, NOW) is expected


def test_response_minutes_are_the_nearest_minute_never_negative():
    assert response_minutes(7 * 60 + 29) == 7
    assert response_minutes(7 * 60 + 31) == 8
    assert response_minutes(-5 * 60) == 0  # another laptop's clock set wrong


@pytest.mark.parametrize(
    ("minutes", "contacted", "reached", "expected"),
    [
        (5, False, False, None),
        (11, False, False, "contact"),
        (11, True, False, None),
        (61, True, False, "visit"),
        (61, True, True, None),
        (61, False, True, "contact"),
    ],
)
def test_overdue_by_the_levels_time_limits(minutes, contacted, reached, expected):
    from desktop.core.rules import EXAMPLE_TIME_LIMITS, overdue

    received = datetime(2026, 11, 25, 9, 0, tzinfo=CST)
    first = received + timedelta(minutes=3) if contacted else None
    now = received + timedelta(minutes=minutes)
    assert overdue(received, first, reached, EXAMPLE_TIME_LIMITS["high"], now) == expected


# -- closing a case -------------------------------------------------------------------------------


def _concerns(**changes):
    from desktop.core.rules import closing_concerns

    received = datetime(2026, 11, 25, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    facts = {
        "level": "medium", "received_at": received, "outcome": "dissuaded",
        "attempts": [("phone", "reached")], "amount_at_risk": None, "amount_protected": None,
        "amount_lost": None, "now": received + timedelta(hours=2),
    }  # fmt: skip
    facts.update(changes)
    return [concern.code for concern in closing_concerns(**facts)]


def test_a_dissuasion_needs_someone_reached():
    assert _concerns() == []
    assert _concerns(attempts=[]) == ["no_contact"]
    assert _concerns(attempts=[("phone", "busy"), ("sms", "sent"), ("bank", "contacted")]) == [
        "not_reached"
    ]
    assert _concerns(attempts=[("phone", "no_answer"), ("family", "contacted")]) == []
    assert _concerns(outcome="unreachable", attempts=[]) == []  # nobody reached is the point


def test_money_protected_beyond_the_risk_and_a_loss_without_an_amount():
    assert _concerns(amount_at_risk=5_000_000, amount_protected=5_000_000) == []
    assert _concerns(amount_at_risk=5_000_000, amount_protected=6_000_000) == [
        "protected_over_risk"
    ]
    assert _concerns(amount_at_risk=None, amount_protected=6_000_000) == []  # risk unknown
    assert _concerns(outcome="defrauded", amount_lost=None) == ["defrauded_no_loss"]
    assert _concerns(outcome="defrauded", amount_lost=800_000) == []


def test_a_high_level_case_closed_minutes_after_it_arrived():
    from desktop.core.rules import CLOSED_AT_ONCE, closing_concerns

    received = datetime(2026, 11, 25, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    soon = received + CLOSED_AT_ONCE - timedelta(seconds=1)
    assert _concerns(level="high", received_at=received, now=soon) == ["closed_at_once"]
    assert _concerns(level="medium", received_at=received, now=soon) == []
    assert _concerns(level="high", received_at=received, now=received + CLOSED_AT_ONCE) == []
    # "denies it – needs recheck" leaves the case open: the real close is asked about later.
    assert _concerns(level="high", received_at=received, now=soon, outcome="denied_recheck") == []
    [concern] = closing_concerns(
        level="high", received_at=received, outcome="false_alarm", attempts=[],
        amount_at_risk=None, amount_protected=None, amount_lost=None,
        now=received + timedelta(minutes=3, seconds=40),
    )  # fmt: skip
    assert concern.detail("minutes") == 3


def test_venues_and_talks_compare_as_they_read():
    """A space, a full-width space, a zero-width space, full-width letters or another case
    make no other venue, and no other talk of a schedule; another word does."""
    from desktop.core.rules import talk_key, venue_key

    assert (
        venue_key("村委会 会议室") == venue_key("村委会\u200b会议室") == venue_key("村委会会议室")
    )
    assert venue_key("ＫＴＶ大厅") == venue_key("ktv 大厅")
    assert venue_key("村委会会议室") != venue_key("村委会活动室")
    start = datetime(2026, 12, 8, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    same = talk_key(start, "反诈宣传　进社区", "新建社区 活动室")
    assert same == talk_key(start, "反诈宣传进社区", "新建社区活动室")
    assert same != talk_key(start + timedelta(hours=1), "反诈宣传进社区", "新建社区活动室")
    assert same != talk_key(start, "反诈宣传进校园", "新建社区活动室")
