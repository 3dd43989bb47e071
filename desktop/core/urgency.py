"""Urgency: the one order in which open warnings need an officer.

Today's urgent list, the default order of the open warnings queue, and the case Ctrl+L and
Ctrl+P act on when none is chosen all follow ``URGENCY_RULE``. The warnings store says the
same rule in SQL (``domain.warnings``) so a page of the queue is read in this order; a test
holds the two to the same order.

A warning's *limit in play* is the level's first-contact limit while nobody has tried to
reach the resident, then its visit limit while nobody has met the resident in person; a
case contacted and visited but not yet closed has none. It is *late* when it has waited
longer than that limit, and *far over* (the ones that must stand out) when nobody has
tried to reach the resident at all, or it has waited more than twice its limit. Waiting is counted in whole seconds; how far over, in whole
minutes, the way the waiting clocks show it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from desktop.core.catalogue import WARNING_LEVELS
from desktop.core.errors import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the rules (and the entities they read) stay off the window's start
    from desktop.core.rules import TimeLimits

URGENCY_RULE = QT_TRANSLATE_NOOP(
    "Urgency",
    "Most urgent first: warnings nobody has contacted within their level's time limit come "
    "first, then those not visited within the limit, then those still within their limits, "
    "and last those contacted and visited but not yet closed. Within each group, the "
    "furthest past its limit comes first (for those within their limits, the nearest to it); "
    "then the higher level; then the longest waiting.",
)

# The groups of the rule, in order.
LATE_CONTACT, LATE_VISIT, WITHIN_LIMITS, NOTHING_PENDING = range(4)
FAR_OVER_FACTOR = 2  # waited more than this many times the limit: it must stand out
# High first; a level the catalogue does not know goes after the known ones.
LEVEL_RANK = {code: rank for rank, code in enumerate(WARNING_LEVELS)}


@dataclass(frozen=True)
class Lateness:
    """Where one open warning stands against its limits at one moment."""

    kind: str | None  # "contact" or "visit" when late, else None
    group: int  # LATE_CONTACT … NOTHING_PENDING
    limit: int | None  # minutes: the limit in play, None when nothing is pending
    waited_seconds: int
    minutes_over: int  # whole minutes past the limit (negative: minutes left); 0 without one

    @property
    def far_over(self) -> bool:
        """Late with no contact at all, or waited more than twice the limit in play: the
        worst, marked more strongly than the merely late."""
        if self.kind is None or self.limit is None:
            return False
        return self.kind == "contact" or self.waited_seconds > FAR_OVER_FACTOR * 60 * self.limit


class Waiting(Protocol):
    """What the rule reads of a warning (``domain.warnings.QueueItem`` has it)."""

    id: str
    received_at: datetime
    level: str
    first_contact_at: datetime | None
    visited: bool


def limit_in_play(contacted: bool, visited: bool, limits: TimeLimits | None) -> int | None:
    """Minutes the case may wait for what it still needs; None when it needs neither."""
    if limits is None:
        return None
    if not contacted:
        return limits.first_contact
    if not visited:
        return limits.visit
    return None


def seconds_waited(received_at: datetime, now: datetime) -> int:
    """Whole seconds from receipt to ``now`` (stored times have no fractions of a second)."""
    return int((now.replace(microsecond=0) - received_at.replace(microsecond=0)).total_seconds())


def lateness(
    received_at: datetime,
    contacted: bool,
    visited: bool,
    limits: TimeLimits | None,
    now: datetime,
) -> Lateness:
    """Where a warning received at ``received_at`` stands at ``now`` (``limits``: its level's,
    None when the station has none for it)."""
    waited = seconds_waited(received_at, now)
    limit = limit_in_play(contacted, visited, limits)
    if limit is None:
        return Lateness(None, NOTHING_PENDING, None, waited, 0)
    # Whole minutes waited as the clocks show them (a receipt a few seconds in the future,
    # from a laptop whose clock runs ahead, has waited nothing).
    minutes_over = max(waited, 0) // 60 - limit
    if waited > 60 * limit:
        kind, group = ("contact", LATE_CONTACT) if not contacted else ("visit", LATE_VISIT)
        return Lateness(kind, group, limit, waited, minutes_over)
    return Lateness(None, WITHIN_LIMITS, limit, waited, minutes_over)


def lateness_of(item: Waiting, limits: dict[str, TimeLimits], now: datetime) -> Lateness:
    """``lateness`` of a warning as the queue reads it, under the station's limits by level."""
    return lateness(
        item.received_at,
        item.first_contact_at is not None,
        item.visited,
        limits.get(item.level),
        now,
    )


def urgency_key(item: Waiting, limits: dict[str, TimeLimits], now: datetime) -> tuple[Any, ...]:
    """The sort key of ``URGENCY_RULE`` (smallest first); the warning's id settles ties so the
    order is the same every time it is read."""
    late = lateness_of(item, limits, now)
    return (
        late.group,
        -late.minutes_over,
        LEVEL_RANK.get(item.level, len(LEVEL_RANK)),
        -late.waited_seconds,
        item.id,
    )


W = TypeVar("W", bound=Waiting)


def most_urgent(items: Iterable[W], limits: dict[str, TimeLimits], now: datetime) -> list[W]:
    """``items`` in the order of ``URGENCY_RULE`` at ``now``."""
    return sorted(items, key=lambda item: urgency_key(item, limits, now))
