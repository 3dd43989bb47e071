"""Exports for other programs: the talks of a period as an iCalendar (.ics) file.

Phone calendars subscribe to such a file or import it. Each talk is one VEVENT whose UID is
derived from the talk's own id, so importing a newer file updates events instead of doubling
them; cancelled talks stay in the file with STATUS:CANCELLED so calendars remove them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop.core import clock
from desktop.core.catalogue import FRAUD_TYPES, zh_name
from desktop.core.entities import Talk
from desktop.db import audit
from desktop.db.database import META_STATION_NAME, Database
from desktop.domain import talks as talk_store

UID_DOMAIN = "outreach-desk"
_STATUS = {"planned": "TENTATIVE", "confirmed": "CONFIRMED", "done": "CONFIRMED",
           "postponed": "CANCELLED", "cancelled": "CANCELLED"}  # fmt: skip


def calendar_zone() -> tzinfo:
    """The zone the events are written in: the station's, named (TZID with its VTIMEZONE) when
    this computer has its zone data, else UTC — an exact moment either way, never a floating
    time a phone would read in its own zone."""
    zone = clock.station_zone()
    return zone if isinstance(zone, ZoneInfo) else UTC


def talk_uid(talk: Talk) -> str:
    return f"{talk.id}@{UID_DOMAIN}"


def calendar_bytes(talks: list[Talk], *, station: str = "", stamp: datetime | None = None) -> bytes:
    from icalendar import Calendar, Event

    zone = calendar_zone()
    stamp = stamp or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//Outreach Desk//反诈工作台//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{station}反诈宣传活动" if station else "反诈宣传活动")
    calendar.add("x-wr-timezone", clock.station_zone_name())
    for talk in talks:
        event = Event()
        event.add("uid", talk_uid(talk))
        event.add("dtstamp", stamp)
        event.add("dtstart", talk.starts_at.astimezone(zone))
        event.add("dtend", talk.ends_at.astimezone(zone))
        event.add("summary", talk.title)
        place = "，".join(part for part in (talk.venue, talk.area_name) if part)
        if place:
            event.add("location", place)
        topics = "、".join(zh_name(FRAUD_TYPES, code) for code in talk.topics)
        details = [f"负责民警：{talk.organiser_name}" if talk.organiser_name else "",
                   f"宣传内容：{topics}" if topics else "", talk.notes]  # fmt: skip
        description = "\n".join(line for line in details if line)
        if description:
            event.add("description", description)
        event.add("status", _STATUS.get(talk.status, "TENTATIVE"))
        calendar.add_component(event)
    if isinstance(zone, ZoneInfo):
        calendar.add_missing_timezones()  # a VTIMEZONE for strict calendar programs
    return calendar.to_ical()


def export_ics(database: Database, first: date, last: date, out: Path) -> int:
    """Write the talks starting from ``first`` to ``last`` (both included); returns how many."""
    talks = talk_store.list_talks(
        database,
        talk_store.TalkFilter(
            starts_from=clock.at(first),
            starts_before=clock.at(last + timedelta(days=1)),
        ),
    )
    data = calendar_bytes(talks, station=database.get_meta(META_STATION_NAME) or "")
    temporary = out.with_name(out.name + ".part")
    temporary.write_bytes(data)
    temporary.replace(out)  # a reader never sees half a file
    with database.atomic():
        audit.record(database, "export", "talks", "", f"ics {first}..{last}, {len(talks)} talks")
    return len(talks)
