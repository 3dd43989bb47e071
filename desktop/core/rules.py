"""Rules of the work that do not need a database: talk clashes and series of talks."""

from __future__ import annotations

import calendar
import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.core.catalogue import TALK_STATUSES
from desktop.core.entities import Talk

# A talk that will not take place at its time cannot clash with anything.
NOT_HAPPENING = frozenset({"cancelled", "postponed"})
# The talks still to be held at their time (Today's next talks): neither off nor held already.
TALKS_TO_COME = tuple(code for code in TALK_STATUSES if code not in NOT_HAPPENING | {"done"})
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Clash:
    """Another talk overlapping in time that shares an officer or the venue."""

    other: Talk
    same_venue: bool
    shared_officer_ids: frozenset[str]


def officers_of(talk: Talk) -> set[str]:
    """The organiser and every co-organising officer."""
    people = set(talk.officer_ids)
    if talk.organiser_id:
        people.add(talk.organiser_id)
    return people


def _as_read(text: str) -> str:
    """``text`` as a reader tells it from another: full-width letters as half-width (NFKC),
    without spaces or invisible characters (a zero-width space), in any case."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(
        char for char in _SPACES.sub("", text) if unicodedata.category(char) != "Cf"
    ).casefold()


def venue_key(venue: str) -> str:
    """Venues compare as they read: "村委会 会议室" is "村委会会议室"."""
    return _as_read(venue)


def talk_key(starts_at: datetime, title: str, venue: str) -> tuple:
    """What makes two talks the same talk of a schedule: the moment it starts, its title and
    its venue as they read (a space or a zero-width character more is the same talk)."""
    return (starts_at, _as_read(title), _as_read(venue))


def overlaps(a: Talk, b: Talk) -> bool:
    """True when the two time spans share a moment; one ending as the other starts is fine."""
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def find_clashes(candidate: Talk, others: Iterable[Talk]) -> list[Clash]:
    """The talks among ``others`` that clash with ``candidate``, earliest first.

    A clash is a time overlap with the same officer (organiser or co-organiser) or the same
    venue. Cancelled and postponed talks never clash, and a talk never clashes with itself.
    This is a warning for the officer, never a refusal.
    """
    if candidate.status in NOT_HAPPENING:
        return []
    people = officers_of(candidate)
    venue = venue_key(candidate.venue)
    clashes = []
    for other in others:
        if other.status in NOT_HAPPENING or (candidate.id and other.id == candidate.id):
            continue
        if not overlaps(candidate, other):
            continue
        same_venue = bool(venue) and venue_key(other.venue) == venue
        shared = frozenset(people & officers_of(other))
        if same_venue or shared:
            clashes.append(Clash(other, same_venue, shared))
    return sorted(clashes, key=lambda clash: clash.other.starts_at)


def copy_to(talk: Talk, starts_at: datetime) -> Talk:
    """The same talk on another date: same length, planned again, nothing of the outcome."""
    return dataclasses.replace(
        talk,
        id=None,
        starts_at=starts_at,
        ends_at=starts_at + (talk.ends_at - talk.starts_at),
        status="planned",
        actual_headcount=None,
        handouts_given={},
        audience=list(talk.audience),
        topics=list(talk.topics),
        officer_ids=list(talk.officer_ids),
    )


def weekly_starts(first: datetime, count: int, *, every_weeks: int = 1) -> list[datetime]:
    if count < 1 or every_weeks < 1:
        raise ValueError("count and every_weeks must be at least 1")
    return [first + timedelta(weeks=every_weeks * index) for index in range(count)]


def monthly_same_weekday_starts(first: datetime, count: int) -> list[datetime]:
    """The same weekday of the same week each month: the 2nd Tuesday stays the 2nd Tuesday.

    A talk on a fifth weekday (e.g. the 5th Friday) moves to the last such weekday in months
    that have only four.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    week_index = (first.day - 1) // 7  # 0 = first such weekday of the month
    starts = []
    for offset in range(count):
        month_index = first.month - 1 + offset
        year, month = first.year + month_index // 12, month_index % 12 + 1
        days = [
            day
            for day in range(1, calendar.monthrange(year, month)[1] + 1)
            if calendar.weekday(year, month, day) == first.weekday()
        ]
        day = days[min(week_index, len(days) - 1)]
        starts.append(first.replace(year=year, month=month, day=day))
    return starts


def series(talk: Talk, starts: list[datetime]) -> list[Talk]:
    """Copies of ``talk`` at each start (the first start may be the talk's own)."""
    return [copy_to(talk, start) for start in starts]


# -- warnings -------------------------------------------------------------------------------------

HIGH_RISK_WARNINGS = 2  # warned this many times ...
HIGH_RISK_WINDOW = timedelta(days=365)  # ... within twelve months: 高危人员


def zero_loss_streak_days(
    loss_days: Iterable[date], first_warning_day: date | None, today: date
) -> int | None:
    """The zero-loss streak as core.figures defines it; None when no warning is on record.

    A loss dated after ``today`` (a clock set wrong) counts as today: the streak is never
    negative and never overstated.
    """
    last_loss = max(loss_days, default=None)
    start = last_loss if last_loss is not None else first_warning_day
    if start is None:
        return None
    return max((today - start).days, 0)


def is_high_risk(warning_times: Iterable[datetime], now: datetime) -> bool:
    """Warned at least HIGH_RISK_WARNINGS times within HIGH_RISK_WINDOW before ``now``."""
    recent = [moment for moment in warning_times if now - HIGH_RISK_WINDOW <= moment <= now]
    return len(recent) >= HIGH_RISK_WARNINGS


def response_minutes(seconds: float) -> int:
    """A response time as the figures count it (core.figures: minutes from receipt to the first
    attempt, or to the first meeting in person): the nearest whole minute, never below 0 (a
    clock set wrong on another laptop cannot make a response negative). The warnings' stored
    summary, the demo and so every median and 90% figure use this one rule."""
    return max(round(seconds / 60), 0)


@dataclass(frozen=True)
class TimeLimits:
    """Minutes a warning of one level may wait for a first contact, and for a visit."""

    first_contact: int
    visit: int


# No national figure exists: these are examples a station replaces with its own in Settings.
EXAMPLE_TIME_LIMITS = {
    "high": TimeLimits(first_contact=10, visit=60),
    "medium": TimeLimits(first_contact=30, visit=240),
    "low": TimeLimits(first_contact=120, visit=1440),
}


def overdue(
    received_at: datetime,
    first_contact_at: datetime | None,
    visited: bool,
    limits: TimeLimits,
    now: datetime,
) -> str | None:
    """ "contact" when nobody has tried to reach the resident in time, "visit" when nobody has
    gone to the door in time (and the case is still open), else None — as ``core.urgency``
    counts it."""
    from desktop.core.urgency import lateness

    return lateness(received_at, first_contact_at is not None, visited, limits, now).kind


# -- closing a case -------------------------------------------------------------------------------

# A high-level warning closed sooner than this after it arrived is asked about: a real
# dissuasion of a high-level case takes longer than a few minutes. The one place to change it.
CLOSED_AT_ONCE = timedelta(minutes=10)
# The attempts that reached someone who could be dissuaded: the resident or the family (a
# refusal was still a conversation). A text sent, a busy line or the bank reach nobody.
REACHING_ATTEMPTS = frozenset({
    ("phone", "reached"), ("phone", "refused"), ("visit", "met"), ("visit", "refused"),
    ("family", "contacted"), ("family", "refused"), ("village_cadre", "contacted"),
})  # fmt: skip
# Closing with this outcome leaves the case open: what is asked at the real close comes then.
_STAYS_OPEN = "denied_recheck"


@dataclass(frozen=True)
class Concern:
    """A question a supervisor would ask before a case is closed (catalogue.CLOSING_CONCERNS
    names it); ``details`` holds the figures it is about (fen, minutes)."""

    code: str
    details: tuple[tuple[str, int], ...] = ()

    def detail(self, name: str) -> int | None:
        return dict(self.details).get(name)


def closing_concerns(
    *,
    level: str,
    received_at: datetime,
    outcome: str,
    attempts: Iterable[tuple[str, str]],
    amount_at_risk: int | None,
    amount_protected: int | None,
    amount_lost: int | None,
    now: datetime,
) -> list[Concern]:
    """What to ask before a case is closed with ``outcome``: a dissuasion with no contact on
    record, or none that reached anybody (``attempts`` are ``(method, result)``); more money
    protected than was at risk; a defrauded case with no amount lost; a high-level warning
    closed within CLOSED_AT_ONCE of its arrival. Empty when nothing needs asking. These are
    questions, not refusals: the officer may close anyway, and that choice is recorded."""
    concerns = []
    if outcome == "dissuaded":
        attempts = list(attempts)
        if not attempts:
            concerns.append(Concern("no_contact"))
        elif not any(attempt in REACHING_ATTEMPTS for attempt in attempts):
            concerns.append(Concern("not_reached"))
    if amount_protected and amount_at_risk and amount_protected > amount_at_risk:
        concerns.append(
            Concern(
                "protected_over_risk",
                (("amount_protected", amount_protected), ("amount_at_risk", amount_at_risk)),
            )
        )
    if outcome == "defrauded" and not amount_lost:
        concerns.append(Concern("defrauded_no_loss"))
    waited = now - received_at
    if level == "high" and outcome != _STAYS_OPEN and waited < CLOSED_AT_ONCE:
        minutes = max(int(waited.total_seconds() // 60), 0)
        concerns.append(Concern("closed_at_once", (("minutes", minutes),)))
    return concerns
