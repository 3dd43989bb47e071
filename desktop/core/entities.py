"""Plain records as the rest of the program sees them (no database, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop.core.figures import LARGE_TALK_ATTENDANCE


@dataclass
class Talk:
    """An outreach talk (反诈宣传活动). Times are aware datetimes; headcounts may be unknown."""

    title: str
    starts_at: datetime
    ends_at: datetime
    venue: str = ""
    venue_kind: str = "community"
    area_id: str | None = None
    area_name: str = ""  # the community (or township) as people call it, for documents
    audience: list[str] = field(default_factory=list)  # codes from catalogue.AUDIENCES
    topics: list[str] = field(default_factory=list)  # codes from catalogue.FRAUD_TYPES
    organiser_id: str | None = None
    organiser_name: str = ""
    officer_ids: list[str] = field(default_factory=list)  # co-organising officers
    co_organisers: str = ""  # other bodies, free text
    partner_id: str | None = None
    partner_name: str = ""
    expected_headcount: int | None = None
    actual_headcount: int | None = None
    handouts_given: dict[str, int] = field(default_factory=dict)  # handout kind -> copies
    status: str = "planned"
    notes: str = ""
    id: str | None = None

    @property
    def is_large(self) -> bool:
        """千人以上宣讲: 1,000 or more people actually attended."""
        return (self.actual_headcount or 0) >= LARGE_TALK_ATTENDANCE

    @property
    def handouts_total(self) -> int:
        return sum(self.handouts_given.values())
