"""Search over residents, warnings and talks: Chinese text of every length, mobile and ID
fragments, no-match cases, and an index that follows edits, retirements and purges."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.core import clock
from desktop.core.entities import Talk
from desktop.db import audit, records
from desktop.domain import search, talks, warnings

NOW = datetime.fromisoformat("2026-11-20T09:00:00+08:00")


@pytest.fixture
def filled(db):
    made = {}
    for key, name, mobile, id_number, address in [
        ("wang", "王秀英", "13800138000", "452701195001011231", "金城江区新建社区3号"),
        ("wei", "韦秀兰", "13912345678", None, "宜州区庆远镇北门街"),
        ("huang", "黄德明", "13700001111", None, "南丹县芒场镇"),
    ]:
        values = {"name": name, "mobile": mobile, "source": "platform", "level": "high",
                  "received_at": NOW, "address": address}  # fmt: skip
        if id_number:
            values["id_number"] = id_number
        made[key] = warnings.intake(db, values, now=NOW)
    records.update_record(db, "warnings", made["wei"], {"reference_number": "YJ2026-0815"})
    made["talk"] = talks.save_talk(
        db,
        Talk(title="老年人防范养老诈骗讲座", starts_at=NOW, ends_at=NOW.replace(hour=10),
             venue="新建社区活动室"),
    )  # fmt: skip
    search.refresh(db)
    return db, made


def _names(results, kind="residents"):
    return [hit["name"] for hit in results.hits[kind]]


def test_one_two_three_and_five_chinese_characters(filled):
    db, _made = filled
    assert sorted(_names(search.search(db, "秀"))) == ["王某", "韦某"]  # 1 character
    assert _names(search.search(db, "秀兰")) == ["韦某"]  # 2 characters
    assert _names(search.search(db, "王秀英")) == ["王某"]  # 3: the trigram index
    five = search.search(db, "金城江区新")  # 5, from the address
    assert _names(five) == ["王某"]
    assert [hit["title"] for hit in search.search(db, "养老诈骗").hits["talks"]] == [
        "老年人防范养老诈骗讲座"
    ]
    assert [hit["title"] for hit in search.search(db, "新建").hits["talks"]] == [
        "老年人防范养老诈骗讲座"  # 2 characters of the venue
    ]


def test_invisible_characters_pasted_with_the_query_are_ignored(filled):
    db, _made = filled
    assert _names(search.search(db, "\x00王秀英\u202e")) == ["王某"]
    assert _names(search.search(db, "秀兰\x1b")) == ["韦某"]
    found = search.search(db, "\t0815\x00")
    assert found.text == "0815"
    assert all("\x00" not in e["summary"] for e in audit.recent(db) if e["action"] == "search")
    # Inside a word, an invisible character is dropped, not made a space.
    assert _names(search.search(db, "王\x00秀\u200b英")) == ["王某"]
    assert len(search.search(db, "王" * 100_000).text) == 200


WANG_MOBILE, WANG_ID = "13800138000", "452701195001011231"


def _resident_ids(db, text):
    return [hit["id"] for hit in search.search(db, text).hits["residents"]]


def _wang(db, made):
    return db.scalar("SELECT resident_id FROM warnings WHERE id = ?", (made["wang"],))


def test_no_part_of_a_mobile_or_id_number_finds_its_resident(filled):
    """The attack: search every fragment of a known number and compare the masked results.
    Only the whole number or its last four may find the resident — nothing else, and no
    warning or talk is found through that resident's number either."""
    db, made = filled
    wang = _wang(db, made)
    for number in (WANG_MOBILE, WANG_ID):
        fragments = {
            number[start:end]
            for start in range(len(number))
            for end in range(start + 1, len(number) + 1)
        } - {number, number[-4:]}
        for fragment in sorted(fragments):
            results = search.search(db, fragment)
            assert wang not in [hit["id"] for hit in results.hits["residents"]], fragment
            assert made["wang"] not in [hit["id"] for hit in results.hits["warnings"]], fragment


def test_the_whole_number_or_its_last_four_find_the_resident(filled):
    db, made = filled
    wang = _wang(db, made)
    for text in (WANG_MOBILE, "138 0013 8000", "+86 138-0013-8000", WANG_ID, "8000", "1231"):
        assert _resident_ids(db, text) == [wang], text
    [hit] = search.search(db, WANG_ID).hits["residents"]
    assert (hit["mobile"], hit["id_number"]) == ("138****8000", "4527**********1231")
    assert _names(search.search(db, "5678")) == ["韦某"]  # the last four of 韦秀兰's mobile


def test_an_id_number_ending_in_x_is_found_whole_and_by_its_last_four(db):
    warnings.intake(
        db, {"name": "蒙秀花", "mobile": "13600001234", "id_number": "11010519491231002x",
             "source": "bank", "level": "low", "received_at": NOW}, now=NOW,
    )  # fmt: skip
    search.refresh(db)
    for text in ("11010519491231002X", "11010519491231002x", "002X", "002x"):
        assert _names(search.search(db, text)) == ["蒙某"], text
    assert search.search(db, "1949123").total == 0


def test_digits_find_warnings_by_reference_and_talks_by_title_only(filled):
    """Reference numbers and titles are not personal: any part of them still finds; a mobile
    written into a warning's or a talk's notes is not searched."""
    db, made = filled
    records.update_record(db, "warnings", made["wang"], {"notes": "家属电话13923456789"})
    records.update_record(db, "talks", made["talk"], {"notes": "联系人13923456789"})
    search.refresh(db)
    assert [h["id"] for h in search.search(db, "0815").hits["warnings"]] == [made["wei"]]
    assert [h["id"] for h in search.search(db, "2026-08").hits["warnings"]] == [made["wei"]]
    assert search.search(db, "YJ2026-0815").hits["warnings"][0]["name"] == "韦某"
    for text in ("13923456789", "3923456", "家属电话139", "联系人1392"):
        assert search.search(db, text).total == 0, text
    assert search.search(db, "家属电话").hits["warnings"][0]["id"] == made["wang"]  # no digits
    talk = talks.save_talk(
        db,
        Talk(title="2026年第3期反诈讲座", starts_at=NOW, ends_at=NOW.replace(hour=10),
             venue="新建社区3号楼"),
    )  # fmt: skip
    search.refresh(db)
    assert [h["id"] for h in search.search(db, "第3期").hits["talks"]] == [talk]
    assert [h["id"] for h in search.search(db, "区3号楼").hits["talks"]] == [talk]
    assert _names(search.search(db, "新建社区3号")) == ["王某"]  # a house number in an address


def test_searches_with_digits_are_audited_with_the_number_masked(filled):
    db, made = filled
    wang = _wang(db, made)

    def searches():
        return db.query(
            "SELECT table_name, row_id, summary FROM audit WHERE action = 'search' ORDER BY seq"
        )

    search.search(db, "王秀英")
    assert searches() == []  # no digits: not a lookup by number
    search.search(db, WANG_MOBILE)
    search.search(db, WANG_ID)
    search.search(db, "0013800")
    search.search(db, "5678")
    rows = [tuple(row) for row in searches()]
    assert rows[0] == ("residents", wang, "search “138****8000” (whole mobile): 1 residents found")
    assert rows[1] == (
        "residents", wang, "search “4527**********1231” (whole ID number): 1 residents found"
    )  # fmt: skip
    assert rows[2] == ("residents", "", "search “0013800” (text): 0 residents found")
    assert rows[3][2] == "search “5678” (last four digits): 1 residents found"
    search.search(db, "地址 45270119500101123")  # a mistyped ID: no one, and masked all the same
    assert searches()[-1]["summary"] == "search “地址 452**********1123” (text): 0 residents found"
    assert all(WANG_MOBILE not in row[2] and WANG_ID not in row[2] for row in rows)


def test_residents_of_one_name_are_told_apart_masked(db):
    from desktop.domain import areas

    county = areas.add_area(db, name="金城江区", level="county", code="451202")
    township = areas.add_area(db, name="金城江街道", level="township", parent_id=county)
    north = areas.add_area(db, name="新建社区", level="community", parent_id=township)
    south = areas.add_area(db, name="南桥社区", level="community", parent_id=township)
    for mobile, id_number, area in (
        ("13800001111", "452701195001011231", north),
        ("13900002222", "452701198805053019", south),
        ("13700003333", None, south),
    ):
        values = {"name": "王秀英", "mobile": mobile, "source": "platform", "level": "high",
                  "received_at": NOW, "area_id": area}  # fmt: skip
        if id_number:
            values["id_number"] = id_number
        warnings.intake(db, values, now=NOW)
    search.refresh(db)
    hits = search.search(db, "王秀英").hits["residents"]
    today = clock.today()
    assert {(h["name"], h["area"], h["age"], h["mobile"]) for h in hits} == {
        ("王某", "新建社区", today.year - 1950, "138****1111"),  # born 1 January 1950
        (
            "王某",
            "南桥社区",
            today.year - 1988 - ((today.month, today.day) < (5, 5)),
            "139****2222",
        ),
        ("王某", "南桥社区", None, "137****3333"),  # no ID number: no age
    }
    assert len({(h["area"], h["age"], h["mobile"]) for h in hits}) == 3
    for hit in hits:
        assert "1950" not in hit["id_number"] and "1988" not in hit["id_number"]


def test_the_cases_of_the_residents_found_are_found_with_them(filled):
    """A name finds its resident's warnings too (newest first), each naming its resident as
    the residents' group does; a number finds them only where it finds the resident."""
    db, made = filled
    second = warnings.intake(
        db, {"name": "王秀英", "mobile": WANG_MOBILE, "id_number": WANG_ID, "source": "bank",
             "level": "low", "received_at": NOW.replace(day=21)}, now=NOW.replace(day=21),
    )  # fmt: skip
    search.refresh(db)
    for text in ("王秀英", "王秀", WANG_MOBILE, "8000"):
        found = search.search(db, text).hits["warnings"]
        assert [hit["id"] for hit in found] == [second, made["wang"]], text
        assert {(hit["name"], hit["age"]) for hit in found} == {("王某", clock.today().year - 1950)}
    for text in ("0013800", "1380013", "19500101"):  # a part of a number: no case either
        assert search.search(db, text).hits["warnings"] == [], text


def test_no_match_and_blank(filled):
    db, _made = filled
    for text in ("赵", "赵钱", "赵钱孙李", "99999", "秀英王", '"', "%", "_x"):
        assert search.search(db, text).total == 0, text
    assert search.search(db, "   ").total == 0


def test_results_show_the_latest_case_and_follow_edits_and_retirements(filled):
    db, made = filled
    resident = db.scalar("SELECT resident_id FROM warnings WHERE id = ?", (made["huang"],))
    [hit] = search.search(db, "黄德明").hits["residents"]
    assert (hit["latest_warning"], hit["warnings"], hit["mobile"]) == (
        made["huang"],
        1,
        "137****1111",
    )
    records.update_record(db, "residents", resident, {"name": "黄德民"})
    assert search.pending(db)
    search.refresh(db)
    assert search.search(db, "黄德明").total == 0 and _names(search.search(db, "黄德民")) == [
        "黄某"
    ]
    records.retire_record(db, "talks", made["talk"])
    search.refresh(db)
    assert search.search(db, "养老诈骗").hits["talks"] == []
    assert search.search(db, "老年").hits["talks"] == []  # the short path skips retired ones too
    assert search.refresh(db) == 0 and not search.pending(db)


def test_purged_personal_data_cannot_be_found(filled):
    from datetime import timedelta

    from desktop.domain import retention

    db, made = filled
    warnings.close_warning(
        db, made["wang"], outcome="dissuaded", despite=("no_contact", "closed_at_once"), now=NOW
    )
    retention.purge_personal_data(db, now=NOW + timedelta(days=365 * 4))
    search.refresh(db)
    assert search.search(db, "王秀英").total == 0
    assert search.search(db, "13800138000").total == 0


def test_an_index_build_cut_off_halfway_is_finished_by_the_next_refresh(db, monkeypatch):
    for number in range(12):
        warnings.intake(
            db, {"name": f"蒙{'一二三四五六七八九十甲乙'[number]}花", "mobile": f"1380000{number:04d}",
                 "source": "bank", "level": "low", "received_at": NOW}, now=NOW,
        )  # fmt: skip
    monkeypatch.setattr(search, "_BATCH", 5)
    calls = []

    def cut_off(done, total):
        calls.append(done)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the program closed mid-build

    with pytest.raises(KeyboardInterrupt):
        search.refresh(db, progress=cut_off)
    assert db.scalar("SELECT count(*) FROM search_rows") == 10  # two batches kept
    assert search.pending(db)
    search.refresh(db)
    assert db.scalar("SELECT count(*) FROM search_rows") == 12 + 12  # residents and warnings
    assert len(search.search(db, "蒙五花").hits["residents"]) == 1
    assert not search.pending(db)


def test_one_or_two_characters_are_read_from_the_character_index(filled):
    """A surname is one word of the character index and two characters a phrase: 秀英 finds
    王秀英, 王英 (not next to each other) finds no one; an edit or a retirement is followed;
    a warning is found by the start of its reference number, not by two characters inside it."""
    db, made = filled
    plan = " ".join(
        row[3]
        for row in db.query(
            "EXPLAIN QUERY PLAN SELECT r.record_id FROM search_short_residents i"
            " JOIN search_rows r ON r.rowid = i.rowid WHERE i.text MATCH '\"秀\"' LIMIT 20"
        )
    )
    assert "VIRTUAL TABLE INDEX" in plan and "SCAN residents" not in plan
    assert _names(search.search(db, "秀英")) == ["王某"]
    assert _names(search.search(db, "王英")) == []
    assert _names(search.search(db, "德")) == ["黄某"]
    resident = db.scalar("SELECT resident_id FROM warnings WHERE id = ?", (made["huang"],))
    records.update_record(db, "residents", resident, {"name": "黄德民"})
    search.refresh(db)
    assert _names(search.search(db, "德明")) == [] and _names(search.search(db, "德民")) == ["黄某"]
    assert [h["id"] for h in search.search(db, "yj").hits["warnings"]] == [made["wei"]]
    assert search.search(db, "J2").hits["warnings"] == []  # inside, not at the start
    assert [h["title"] for h in search.search(db, "室").hits["talks"]] == ["老年人防范养老诈骗讲座"]
    records.retire_record(db, "talks", made["talk"])
    search.refresh(db)
    assert search.search(db, "室").hits["talks"] == []
    assert db.scalar("SELECT count(*) FROM search_short_talks") == 0
