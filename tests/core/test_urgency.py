from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from desktop.core.rules import EXAMPLE_TIME_LIMITS
from desktop.core.urgency import (
    LATE_CONTACT,
    LATE_VISIT,
    NOTHING_PENDING,
    WITHIN_LIMITS,
    lateness,
    most_urgent,
)

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
HIGH, MEDIUM, LOW = (EXAMPLE_TIME_LIMITS[level] for level in ("high", "medium", "low"))


@dataclass
class Item:
    id: str
    level: str
    minutes: float
    contacted: bool = False
    visited: bool = False

    @property
    def received_at(self):
        return NOW - timedelta(minutes=self.minutes)

    @property
    def first_contact_at(self):
        return self.received_at + timedelta(minutes=1) if self.contacted else None


def test_nobody_contacted_past_the_limit_comes_before_a_higher_level_not_visited():
    # the station's story: a low warning nobody called for 26 hours was 13th of 17
    forgotten = Item("forgotten", "low", 26 * 60)
    not_visited = Item("not visited", "high", 5 * 60, contacted=True)
    fresh = Item("fresh", "high", 2)
    done = Item("done", "high", 300, contacted=True, visited=True)
    order = most_urgent([done, fresh, not_visited, forgotten], EXAMPLE_TIME_LIMITS, NOW)
    assert [item.id for item in order] == ["forgotten", "not visited", "fresh", "done"]


def test_within_a_group_the_furthest_over_first_then_the_level_then_the_longest_waiting():
    # low: 120 minutes to a first contact, 3 hours waited: 60 over; high: 10, 40 waited: 30
    assert [i.id for i in most_urgent(
        [Item("high", "high", 40), Item("low", "low", 180)], EXAMPLE_TIME_LIMITS, NOW
    )] == ["low", "high"]  # fmt: skip
    # both 20 minutes over: the higher level first
    assert [i.id for i in most_urgent(
        [Item("medium", "medium", 50), Item("high", "high", 30)], EXAMPLE_TIME_LIMITS, NOW
    )] == ["high", "medium"]  # fmt: skip
    # same level, same whole minutes over: the one waiting a few seconds longer first
    assert [i.id for i in most_urgent(
        [Item("b", "high", 30), Item("a", "high", 30.5)], EXAMPLE_TIME_LIMITS, NOW
    )] == ["a", "b"]  # fmt: skip
    # within their limits: the nearest to its limit first
    assert [i.id for i in most_urgent(
        [Item("plenty", "low", 10), Item("nearly", "high", 9)], EXAMPLE_TIME_LIMITS, NOW
    )] == ["nearly", "plenty"]  # fmt: skip


def test_lateness_counts_whole_minutes_over_the_limit_in_play():
    received = NOW - timedelta(hours=2, minutes=10, seconds=30)
    late = lateness(received, False, False, HIGH, NOW)
    assert (late.kind, late.group, late.limit, late.minutes_over) == (
        "contact", LATE_CONTACT, 10, 120,
    )  # fmt: skip
    assert late.far_over  # nobody has tried at all
    called = lateness(received, True, False, HIGH, NOW)  # visit limit: 60 minutes
    assert (called.kind, called.group, called.minutes_over) == ("visit", LATE_VISIT, 70)
    assert called.far_over  # more than twice its hour
    slightly = lateness(NOW - timedelta(minutes=90), True, False, HIGH, NOW)
    assert slightly.kind == "visit" and not slightly.far_over
    waiting = lateness(NOW - timedelta(minutes=4), False, False, HIGH, NOW)
    assert (waiting.kind, waiting.group, waiting.minutes_over) == (None, WITHIN_LIMITS, -6)
    done = lateness(received, True, True, HIGH, NOW)
    assert (done.kind, done.group, done.limit) == (None, NOTHING_PENDING, None)


def test_late_only_once_the_limit_has_passed_by_a_second():
    received = NOW - timedelta(minutes=10)
    assert lateness(received, False, False, HIGH, NOW).kind is None
    assert (
        lateness(received, False, False, HIGH, NOW + timedelta(microseconds=900_000)).kind is None
    )
    assert lateness(received, False, False, HIGH, NOW + timedelta(seconds=1)).kind == "contact"
    # a receipt a little ahead of this laptop's clock has waited nothing
    ahead = lateness(NOW + timedelta(seconds=30), False, False, LOW, NOW)
    assert ahead.minutes_over == -120 and ahead.group == WITHIN_LIMITS
