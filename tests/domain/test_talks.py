from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.entities import Talk
from desktop.core.errors import ValidationError
from desktop.db import audit
from desktop.domain import areas as area_store
from desktop.domain import officers as officer_store
from desktop.domain import talks as talk_store

CST = timezone(timedelta(hours=8))


@pytest.fixture
def place(db):
    county = area_store.add_area(db, name="金城江区", level="county")
    township = area_store.add_area(db, name="金城江街道", level="township", parent_id=county)
    community = area_store.add_area(db, name="新建社区", level="community", parent_id=township)
    wei = officer_store.add_officer(db, {"name": "韦明", "badge_number": "451001"})
    qin = officer_store.add_officer(db, {"name": "覃丽", "role": "auxiliary"})
    return {"community": community, "wei": wei, "qin": qin, "township": township}


def make(place, hour=9, **changes):
    values = dict(
        title="反诈宣传进社区",
        starts_at=datetime(2026, 11, 25, hour, tzinfo=CST),
        ends_at=datetime(2026, 11, 25, hour + 2, tzinfo=CST),
        venue="新建社区活动室",
        area_id=place["community"],
        audience=["elderly", "residents"],
        topics=["customer_service", "investment"],
        organiser_id=place["wei"],
        officer_ids=[place["qin"]],
        expected_headcount=80,
    )
    values.update(changes)
    return Talk(**values)


def test_save_and_load_round_trip(db, place):
    talk_id = talk_store.save_talk(db, make(place))
    talk = talk_store.load_talk(db, talk_id)
    assert talk.title == "反诈宣传进社区" and talk.area_name == "新建社区"
    assert talk.organiser_name == "韦明" and talk.officer_ids == [place["qin"]]
    assert talk.starts_at == datetime(2026, 11, 25, 9, tzinfo=CST)
    assert talk.audience == ["elderly", "residents"] and talk.topics == [
        "customer_service",
        "investment",
    ]
    assert audit.recent(db)[-1]["action"] == "create"


def test_update_changes_officers_and_keeps_one_row(db, place):
    talk = make(place)
    talk_store.save_talk(db, talk)
    talk.officer_ids = []
    talk.title = "反诈宣传进社区（第二场）"
    talk_store.save_talk(db, talk)
    again = talk_store.load_talk(db, talk.id)
    assert again.officer_ids == [] and again.title.endswith("第二场）")
    assert db.scalar("SELECT count(*) FROM talks") == 1
    assert db.scalar("SELECT count(*) FROM talk_officers WHERE deleted_at IS NOT NULL") == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  "}, "title"),
        ({"ends_at": datetime(2026, 11, 25, 8, tzinfo=CST)}, "ends_at"),
        ({"expected_headcount": -5}, "expected_headcount"),
        ({"expected_headcount": "很多"}, "expected_headcount"),
        ({"venue_kind": "moon"}, "venue_kind"),
        ({"topics": ["aliens"]}, "topics"),
        ({"audience": ["martians"]}, "audience"),
        ({"organiser_id": "nobody"}, "organiser"),
        # core.limits, whatever the way in: length, control characters, line breaks
        ({"title": "讲" * 100_000}, "title"),
        ({"title": "反诈\x1b[31m宣传"}, "title"),
        ({"venue": "活动室\n二楼"}, "venue"),
        ({"notes": "记" * 1_000_000}, "notes"),
        ({"notes": "响铃\x07"}, "notes"),
    ],
)
def test_bad_fields_are_named_and_nothing_is_saved(db, place, changes, field):
    with pytest.raises(ValidationError) as info:
        talk_store.save_talk(db, make(place, **changes))
    assert info.value.field == field
    assert db.scalar("SELECT count(*) FROM talks") == 0


def test_a_retired_community_is_refused(db, place):
    area_store.retire_area(db, place["community"])
    with pytest.raises(ValidationError) as info:
        talk_store.save_talk(db, make(place))
    assert info.value.field == "area"


def test_clashes_are_found_among_saved_talks(db, place):
    talk_store.save_talk(db, make(place, hour=9))
    talk_store.save_talk(db, make(place, hour=14))
    candidate = make(place, hour=10, venue="六圩村委", officer_ids=[])
    clashes = talk_store.clashes_for(db, candidate)
    assert len(clashes) == 1 and clashes[0].shared_officer_ids == {place["wei"]}
    assert (
        talk_store.clashes_for(
            db, make(place, hour=11, organiser_id=place["qin"], officer_ids=[], venue="别处")
        )
        == []
    )


def test_filters(db, place):
    talk_store.save_talk(db, make(place, hour=9))
    talk_store.save_talk(
        db,
        make(
            place,
            hour=14,
            title="进校园",
            venue_kind="school",
            audience=["students"],
            organiser_id=place["qin"],
            officer_ids=[],
        ),
    )
    every = talk_store.list_talks(db)
    assert [t.title for t in every] == ["反诈宣传进社区", "进校园"]
    by = talk_store.TalkFilter
    assert [t.title for t in talk_store.list_talks(db, by(venue_kinds=["school"]))] == ["进校园"]
    assert [t.title for t in talk_store.list_talks(db, by(audience="students"))] == ["进校园"]
    assert len(talk_store.list_talks(db, by(officer_id=place["qin"]))) == 2  # co-organiser too
    assert [t.title for t in talk_store.list_talks(db, by(text="校园"))] == ["进校园"]
    assert len(talk_store.list_talks(db, by(area_ids=[place["community"]]))) == 2
    assert talk_store.list_talks(db, by(area_ids=[])) == []
    day = datetime(2026, 11, 25, tzinfo=CST)
    assert (
        len(talk_store.list_talks(db, by(starts_from=day, starts_before=day + timedelta(hours=12))))
        == 1
    )


def test_a_percent_sign_or_underscore_typed_is_matched_as_itself(db, place):
    talk_store.save_talk(db, make(place, hour=9, title="100%识骗 讲座", venue="一号楼"))
    talk_store.save_talk(db, make(place, hour=14, title="1000 人讲座", venue="二号楼"))
    by = talk_store.TalkFilter
    assert [t.title for t in talk_store.list_talks(db, by(text="100%"))] == ["100%识骗 讲座"]
    assert talk_store.list_talks(db, by(text="_号楼")) == []
    assert [t.title for t in talk_store.talks_named(db, "0%识")] == ["100%识骗 讲座"]
    assert talk_store.talks_named(db, "1_0") == []


def test_record_outcome_marks_done_and_counts_handouts(db, place):
    talk_id = talk_store.save_talk(db, make(place))
    talk = talk_store.record_outcome(
        db,
        talk_id,
        actual_headcount="1200",
        handouts_given={"customer_service": 600, "investment": 650},
    )
    again = talk_store.load_talk(db, talk_id)
    assert again.status == "done" and again.actual_headcount == 1200 and again.is_large
    assert again.handouts_given == {"customer_service": 600, "investment": 650}
    assert db.scalar("SELECT handouts_given FROM talks WHERE id = ?", (talk_id,)) == 1250
    assert talk.handouts_total == 1250


def test_record_outcome_needs_a_headcount(db, place):
    talk_id = talk_store.save_talk(db, make(place))
    with pytest.raises(ValidationError) as info:
        talk_store.record_outcome(db, talk_id, actual_headcount="", handouts_given={})
    assert info.value.field == "actual_headcount"
    assert talk_store.load_talk(db, talk_id).status == "planned"


def test_every_demo_talk_is_a_valid_talk(db):
    from desktop.demo import generate_demo

    generate_demo(db, seed=3)
    talks = talk_store.list_talks(db)
    assert len(talks) > 100
    for talk in talks:
        talk_store.validate_talk(db, talk)  # audiences and topics come from the catalogues
    assert any(t.is_large for t in talks)
    assert {t.status for t in talks} >= {"done", "planned", "cancelled"}


def test_demo_handouts_per_kind_add_up_to_the_total(db):
    from desktop.demo import generate_demo

    generate_demo(db, seed=5)
    rows = db.query("SELECT id, handouts_given FROM talks WHERE handouts_given > 0")
    assert rows
    for row in rows:
        assert talk_store.load_talk(db, row["id"]).handouts_total == row["handouts_given"]


def test_calendar_days_returns_the_first_talks_of_each_day_and_all_counts(db, place):
    for hour in (8, 10, 12, 14, 16):
        talk_store.save_talk(db, make(place, hour=hour, officer_ids=[], organiser_id=None))
    talk_store.save_talk(
        db,
        make(
            place,
            hour=9,
            starts_at=datetime(2026, 11, 26, 9, tzinfo=CST),
            ends_at=datetime(2026, 11, 26, 10, tzinfo=CST),
        ),
    )
    every = talk_store.TalkFilter()
    talks, counts = talk_store.calendar_days(db, every, per_day=2)
    assert counts == {date(2026, 11, 25): 5, date(2026, 11, 26): 1}
    assert [(t.day.day, t.start_clock) for t in talks] == [
        (25, "08:00"),
        (25, "10:00"),
        (26, "09:00"),
    ]
    # What a calendar line needs to tell like-titled talks apart, and its tooltip the whole.
    assert (talks[2].area_name, talks[2].organiser_name, talks[2].expected_headcount) == (
        "新建社区",
        "韦明",
        80,
    )
    assert (talks[0].area_name, talks[0].organiser_name) == ("新建社区", "")
    assert talk_store.list_talk_summaries(db, every)[-1] == talks[2]
    only_late = talk_store.TalkFilter(text="no such words")
    assert talk_store.calendar_days(db, only_late, per_day=2) == ([], {})
