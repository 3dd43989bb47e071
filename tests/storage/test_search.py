"""Search over residents, warnings and talks: Chinese text of every length, mobile and ID
fragments, no-match cases, and an index that follows edits, retirements and purges."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.core.entities import Talk
from desktop.storage import records, search, talks, warnings

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


def test_mobile_and_id_fragments_and_reference_numbers(filled):
    db, made = filled
    assert _names(search.search(db, "0013800")) == ["王某"]  # the middle of a mobile
    assert _names(search.search(db, "5678")) == ["韦某"]
    hit = search.search(db, "195001")  # the birth date inside an ID number
    assert _names(hit) == ["王某"] and hit.hits["residents"][0]["id_number"].endswith("1231")
    assert "195001" not in hit.hits["residents"][0]["id_number"]  # shown masked
    assert [h["id"] for h in search.search(db, "0815").hits["warnings"]] == [made["wei"]]
    assert search.search(db, "YJ2026-0815").hits["warnings"][0]["name"] == "韦某"


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

    from desktop.storage import retention

    db, made = filled
    warnings.close_warning(db, made["wang"], outcome="dissuaded", now=NOW)
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
