from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from desktop.core.entities import Talk
from desktop.db import audit
from desktop.domain import areas as area_store
from desktop.domain import talks as talk_store
from desktop.exchange.exporting import export_ics

CST = timezone(timedelta(hours=8))


@pytest.fixture
def talks(db):
    county = area_store.add_area(db, name="金城江区", level="county")
    saved = []
    for day, status in ((24, "done"), (25, "planned"), (26, "cancelled"), (40, "planned")):
        start = datetime(2026, 11, 1, 9, tzinfo=CST) + timedelta(days=day - 1)
        talk = Talk(
            title=f"反诈宣传{day}",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            venue="新建社区活动室",
            area_id=county,
            topics=["investment"],
            status=status,
        )
        talk_store.save_talk(db, talk)
        saved.append(talk)
    return saved


def _events(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_ics_has_one_event_per_talk_of_the_period(db, talks, tmp_path):
    out = tmp_path / "talks.ics"
    assert export_ics(db, date(2026, 11, 1), date(2026, 11, 30), out) == 3
    events = _events(out)
    assert set(events) == {f"{t.id}@outreach-desk" for t in talks[:3]}
    first = events[f"{talks[1].id}@outreach-desk"]
    assert first["dtstart"].dt == datetime(2026, 11, 25, 9, tzinfo=CST)
    assert str(first["dtstart"].dt.tzinfo) == "Asia/Shanghai"
    assert first["dtend"].dt - first["dtstart"].dt == timedelta(hours=2)
    assert str(first["summary"]) == "反诈宣传25"
    assert "新建社区活动室" in str(first["location"])
    assert "虚假投资理财" in str(first["description"])
    assert str(events[f"{talks[2].id}@outreach-desk"]["status"]) == "CANCELLED"
    assert audit.recent(db)[0]["action"] == "export"


def test_uids_are_stable_across_exports(db, talks, tmp_path):
    one, two = tmp_path / "1.ics", tmp_path / "2.ics"
    export_ics(db, date(2026, 11, 1), date(2026, 12, 31), one)
    talks[1].title = "改名了"
    talk_store.save_talk(db, talks[1])
    export_ics(db, date(2026, 11, 1), date(2026, 12, 31), two)
    assert set(_events(one)) == set(_events(two))
    assert str(_events(two)[f"{talks[1].id}@outreach-desk"]["summary"]) == "改名了"
