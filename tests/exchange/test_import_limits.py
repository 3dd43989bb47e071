"""Every import checks each text against the one table of limits (core.limits) while it cleans
the rows: an over-long or control-character text names its row and its column as the file
calls it, and the import stays all or nothing (or writes the good rows when asked)."""

from __future__ import annotations

import csv

import pytest

from desktop.db import audit
from desktop.domain import areas as area_store
from desktop.exchange.importing import import_file

LONG = "长" * 100_001
ESC, BEL = "张\x1b[31m三", "李\x07四"
KINDS = {
    "areas": (["县(区)", "乡镇(街道)", "村(社区)", "区划代码"],
              ["金城江区", "金城江街道", "新建社区", "451202001001"]),
    "officers": (["姓名", "警号", "单位", "联系电话"],
                 ["韦明", "012345", "金城江派出所", "13812345678"]),
    "talks": (["活动名称", "日期", "开始时间", "地点", "备注"],
              ["防诈骗讲座", "2026-12-20", "09:00", "活动室", "带宣传册"]),
    "warnings": (["预警编号", "下发时间", "预警来源", "预警等级", "姓名", "手机号码", "住址"],
                 ["YJ001", "2026-11-25 09:30", "96110", "高", "罗某某", "13812345678", "中山路12号"]),
}  # fmt: skip
# (kind, column, bad text): long titles, names, references, badges, notes; ESC, BEL and line
# breaks in names.
CASES = [
    ("areas", "村(社区)", LONG), ("areas", "县(区)", ESC), ("areas", "区划代码", "1" * 100_000),
    ("officers", "姓名", LONG), ("officers", "警号", "9" * 100_000), ("officers", "姓名", BEL),
    ("officers", "单位", "金城江\r\n派出所"),
    ("talks", "活动名称", LONG), ("talks", "地点", ESC), ("talks", "备注", "备" * 1_000_000),
    ("talks", "活动名称", "讲座\x1b]8;;http://x\x07"),
    ("warnings", "预警编号", "Y" * 100_000), ("warnings", "姓名", LONG), ("warnings", "姓名", ESC),
    ("warnings", "姓名", "罗某\r\n某"), ("warnings", "住址", BEL),
]  # fmt: skip


def _list(path, kind, column, text):
    header, good = KINDS[kind]
    second = list(good)
    for index, name in enumerate(header):  # a second good row, not the same record
        if name in ("村(社区)", "姓名", "活动名称", "预警编号"):
            second[index] = good[index] + "二" if name != "预警编号" else "YJ002"
    if kind == "officers":
        second[1] = "012346"
    bad = list(good)
    if kind == "warnings":
        bad[0] = "YJ003"
    elif kind == "officers":
        bad[1] = "012347"
    bad[header.index(column)] = text
    # A CSV: spreadsheets cannot hold ESC or BEL, nor more than 32,767 characters in a cell.
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["名单"], header, good, bad, second])
    return path


def _count(db, kind):
    table = {"areas": "areas", "officers": "officers", "talks": "talks", "warnings": "warnings"}
    return db.scalar(f"SELECT count(*) FROM {table[kind]} WHERE deleted_at IS NULL")


@pytest.mark.parametrize(("kind", "column", "text"), CASES, ids=lambda v: repr(v)[:20])
def test_a_bad_text_names_its_row_and_column_and_nothing_is_written(
    db, tmp_path, kind, column, text
):
    path = _list(tmp_path / "list.csv", kind, column, text)
    report = import_file(db, kind, path)
    assert not report.written and _count(db, kind) == 0
    assert {(error.row, error.column) for error in report.errors} == {(4, column)}
    assert report.good_rows == 2 and report.bad_rows == 1
    message = report.errors[0].render()
    assert any(word in message for word in ("characters long", "control character", "line break"))
    assert len(message) < 300  # the message names the problem, not the text


@pytest.mark.parametrize(("kind", "column", "text"), CASES[::3], ids=lambda v: repr(v)[:20])
def test_skipping_bad_rows_writes_the_good_ones(db, tmp_path, kind, column, text):
    report = import_file(db, kind, _list(tmp_path / "list.csv", kind, column, text),
                         skip_bad_rows=True)  # fmt: skip
    assert report.written and [error.row for error in report.errors] == [4]
    if kind == "areas":
        assert {a.name for a in area_store.list_areas(db)} >= {"新建社区", "新建社区二"}
    else:
        assert _count(db, kind) == 2


def test_a_text_the_records_layer_refuses_while_writing_names_its_row(db, tmp_path, monkeypatch):
    from desktop.core import limits

    # The table shrinks after the import's own check was made: the write refuses the title.
    monkeypatch.setitem(limits.FIELD_LIMITS["talks"], "title", limits.TextLimit(5))
    path = _list(tmp_path / "list.csv", "talks", "活动名称", "一场很长的讲座标题")
    report = import_file(db, "talks", path)
    assert not report.written and _count(db, "talks") == 0
    assert [(error.row, error.column) for error in report.errors] == [(4, "活动名称")]
    assert "at most 5 fit here" in report.errors[0].render()
    # Told to skip bad rows, a row refused while writing is skipped like any bad row: the
    # others are written, and the report says so without contradicting itself.
    skipped = import_file(db, "talks", path, skip_bad_rows=True)
    # (the second good row's title, one character longer, does not fit either now)
    assert skipped.written and (skipped.good_rows, skipped.created, skipped.bad_rows) == (1, 1, 2)
    assert [(error.row, error.column) for error in skipped.errors] == [
        (4, "活动名称"), (5, "活动名称"),
    ]  # fmt: skip
    assert _count(db, "talks") == 1
    assert "1 created, 0 updated, 2 bad rows skipped" in audit.recent(db)[0]["summary"]
