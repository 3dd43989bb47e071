import dataclasses
import datetime

import openpyxl
import pytest

from desktop.core.errors import ImportRejected
from desktop.db import audit
from desktop.domain import areas as area_store
from desktop.domain import officers as officer_store
from desktop.exchange.importing import import_file

AREA_ROWS = [
    ["河池市辖区名单（2026年）"],
    [],
    ["序号", "县（区）", "乡镇(街道)", "村(社区)", "区划代码", "备注"],
    [1, "金城江区", "金城江街道", "新建社区", "451202001001", "ok"],
    [2, "金城江区", "金城江街道", "南新社区", None, None],
    [3, "宜州区", "庆远镇", None, "451203100", None],
    [4, "凤山县", None, None, None, None],
]


def _write_xlsx(path, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _write_csv(path, rows, encoding):
    text = "\n".join(",".join("" if c is None else str(c) for c in row) for row in rows) + "\n"
    path.write_bytes(text.encode(encoding))
    return path


def _tree(db):
    return {(a.level, a.name, a.code) for a in area_store.list_areas(db)}


def test_xlsx_areas_with_title_rows_are_imported(db, tmp_path):
    report = import_file(db, "areas", _write_xlsx(tmp_path / "a.xlsx", AREA_ROWS))
    assert report.written and report.errors == []
    assert report.rows_read == 4
    assert report.ignored_columns == ["序号", "备注"]
    assert _tree(db) == {
        ("county", "金城江区", ""),
        ("township", "金城江街道", ""),
        ("community", "新建社区", "451202001001"),
        ("community", "南新社区", ""),
        ("county", "宜州区", ""),
        ("township", "庆远镇", "451203100"),
        ("county", "凤山县", ""),
    }
    assert audit.recent(db)[0]["action"] == "import"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_common_encoding(db, tmp_path, encoding):
    report = import_file(db, "areas", _write_csv(tmp_path / "a.csv", AREA_ROWS, encoding))
    assert report.written
    assert ("community", "新建社区", "451202001001") in _tree(db)


def test_importing_twice_creates_nothing_new(db, tmp_path):
    rows = [*AREA_ROWS, [5, "金城江区", "金城江街道", None, "451202001", None]]
    path = _write_xlsx(tmp_path / "a.xlsx", rows)
    first = import_file(db, "areas", path)
    # A township's own row after its communities' (which added it) neither finds it on record
    # before nor updates a record of before: it gives its code to what this import added.
    assert (first.created, first.updated, first.unchanged) == (7, 0, 0)
    again = import_file(db, "areas", path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    assert len(area_store.list_areas(db)) == 7


BAD_AREA_ROWS = [
    ["县区", "乡镇", "社区", "代码"],
    ["金城江区", "东江镇", "坡心村", "4512"],
    ["", "东江镇", "六圩村", ""],
    ["金城江区", "", "六圩村", ""],
    ["金城江区", "东江镇", "拉浪村", "45-12"],
]


def test_bad_rows_reject_the_whole_import_by_default(db, tmp_path):
    report = import_file(db, "areas", _write_xlsx(tmp_path / "b.xlsx", BAD_AREA_ROWS))
    assert not report.written
    assert [(e.row, e.column) for e in report.errors] == [(3, "县区"), (4, "乡镇"), (5, "代码")]
    assert "missing" in report.errors[0].render()
    assert area_store.list_areas(db) == []
    assert db.scalar("SELECT count(*) FROM audit") == 0


def test_skip_bad_rows_keeps_the_good_ones(db, tmp_path):
    report = import_file(
        db, "areas", _write_xlsx(tmp_path / "b.xlsx", BAD_AREA_ROWS), skip_bad_rows=True
    )
    assert report.written and report.bad_rows == 3 and report.good_rows == 1
    assert {a.name for a in area_store.list_areas(db)} == {"金城江区", "东江镇", "坡心村"}


def test_check_only_writes_nothing(db, tmp_path):
    report = import_file(db, "areas", _write_xlsx(tmp_path / "a.xlsx", AREA_ROWS), check_only=True)
    assert report.good_rows == 4 and not report.written
    assert area_store.list_areas(db) == []


def test_cancel_during_the_write_leaves_nothing(db, tmp_path):
    def progress(done, total):
        if done > total - 2:
            raise KeyboardInterrupt("cancelled")

    with pytest.raises(KeyboardInterrupt):
        import_file(db, "areas", _write_xlsx(tmp_path / "a.xlsx", AREA_ROWS), progress=progress)
    assert area_store.list_areas(db) == []
    assert db.scalar("SELECT count(*) FROM audit") == 0


def test_missing_header_is_explained(db, tmp_path):
    with pytest.raises(ImportRejected, match="header"):
        import_file(db, "areas", _write_xlsx(tmp_path / "x.xlsx", [["a", "b"], [1, 2]]))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("x.xls", b"\xd0\xcf\x11\xe0", "not a readable spreadsheet"),
        ("x.xlsx", b"\xd0\xcf\x11\xe0", "password"),
        ("x.txt", b"hello", r"Only spreadsheets \(.xlsx, .xls, .xlsb, .ods\) and .csv"),
        ("x.xlsx", b"not a zip", "not a readable spreadsheet"),
        ("x.ods", b"PK\x03\x04broken", "not a readable spreadsheet"),
        ("x.csv", b"\xff\xff\x81\x30\xff", "neither UTF-8 nor GBK"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(db, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRejected, match=message):
        import_file(db, "areas", path)


def _seed_areas(db, tmp_path):
    import_file(db, "areas", _write_xlsx(tmp_path / "a.xlsx", AREA_ROWS))


def test_officers_import_with_roles_phones_and_areas(db, tmp_path):
    _seed_areas(db, tmp_path)
    rows = [
        ["姓名", "警号", "所属单位", "身份", "联系电话", "辖区"],
        ["韦明", "451001", "金城江派出所", "民警", "138-1234-5678", "新建社区"],
        ["覃丽", "", "金城江派出所", "辅警", 13912345678.0, ""],
        ["蓝海", "", "庆远镇综治办", "网格员", "0778-2281234", "庆远镇"],
    ]
    report = import_file(db, "officers", _write_xlsx(tmp_path / "o.xlsx", rows))
    assert report.written, [e.render() for e in report.errors]
    officers = {o.name: o for o in officer_store.list_officers(db)}
    assert officers["韦明"].phone == "13812345678"
    assert officers["韦明"].area_name == "新建社区"
    assert officers["覃丽"].role == "auxiliary" and officers["覃丽"].phone == "13912345678"
    assert officers["蓝海"].role == "grid_worker" and officers["蓝海"].phone == "0778-2281234"
    # A second list with the same badge number updates that officer instead of adding one.
    rows2 = [["姓名", "警号", "联系电话"], ["韦明", "451001", "13812340000"]]
    report2 = import_file(db, "officers", _write_xlsx(tmp_path / "o2.xlsx", rows2))
    assert report2.updated == 1 and report2.created == 0
    assert len(officer_store.list_officers(db)) == 3
    updated = {o.name: o for o in officer_store.list_officers(db)}["韦明"]
    # Only the phone changed: what the second list is silent about is kept.
    assert updated.phone == "13812340000"
    assert (updated.unit, updated.role, updated.area_name) == (
        "金城江派出所",
        "officer",
        "新建社区",
    )


def test_officer_rows_report_every_problem(db, tmp_path):
    _seed_areas(db, tmp_path)
    rows = [
        ["姓名", "警号", "身份", "手机号", "所属社区"],
        ["", "1", "民警", "", ""],
        ["韦明", "2", "队长", "", ""],
        ["覃丽", "3", "辅警", "12345", ""],
        ["蓝海", "4", "网格员", "", "不存在社区"],
        ["黄一", "5", "民警", "", ""],
        ["黄二", "5", "民警", "", ""],
    ]
    report = import_file(db, "officers", _write_xlsx(tmp_path / "o.xlsx", rows))
    assert not report.written
    assert [(e.row, e.column) for e in report.errors] == [
        (2, "姓名"),
        (3, "身份"),
        (4, "手机号"),
        (5, "所属社区"),
        (7, "警号"),
    ]
    assert "row 6" in report.errors[-1].render()
    assert officer_store.list_officers(db) == []


def test_every_problem_of_a_row_is_reported_in_column_order(db, tmp_path):
    _seed_areas(db, tmp_path)
    rows = [["姓名", "身份", "手机号码", "辖区"], ["", "队长", "12345", "火星"]]
    report = import_file(db, "officers", _write_xlsx(tmp_path / "o.xlsx", rows))
    assert [(e.row, e.column) for e in report.errors] == [
        (2, "姓名"),
        (2, "身份"),
        (2, "手机号码"),
        (2, "辖区"),
    ]
    assert report.bad_rows == 1


def test_a_missing_column_is_named_the_usual_way(db, tmp_path):
    rows = [["县(区)", "村(社区)"], ["金城江区", "新建社区"]]
    report = import_file(db, "areas", _write_xlsx(tmp_path / "a.xlsx", rows))
    assert [(e.row, e.column) for e in report.errors] == [(2, "乡镇(街道)")]


def test_formulas_are_not_names(db, tmp_path):
    path = _write_csv(tmp_path / "a.csv", [["县区"], ["=A4"], ["+cmd"]], "utf-8")
    report = import_file(db, "areas", path)
    assert [e.row for e in report.errors] == [2, 3]
    assert "formula" in report.errors[0].render()


def test_officers_without_badge_are_matched_by_name_and_phone(db, tmp_path):
    rows = [["姓名", "身份", "手机号码"], ["孙八", "辅警", "13912345678"], ["李九", "网格员", ""]]
    path = _write_xlsx(tmp_path / "o.xlsx", rows)
    import_file(db, "officers", path)
    again = import_file(db, "officers", path)
    assert (again.created, again.updated) == (1, 0)  # 孙八 found again; 李九 has no phone
    assert sorted(o.name for o in officer_store.list_officers(db)) == ["孙八", "李九", "李九"]


def test_the_same_officer_twice_in_one_file_is_reported(db, tmp_path):
    rows = [["姓名", "手机号码"], ["孙八", "13912345678"], ["孙八", "139-1234-5678"]]
    report = import_file(db, "officers", _write_xlsx(tmp_path / "o.xlsx", rows))
    assert [(e.row, e.column) for e in report.errors] == [(3, "姓名")]
    assert "row 2" in report.errors[0].render()


def test_a_monstrous_csv_cell_is_refused_with_a_message(db, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("县区\n" + "金" * (2 << 20) + "\n", encoding="utf-8")
    with pytest.raises(ImportRejected, match="Line 2"):
        import_file(db, "areas", path)


TALK_ROWS = [
    ["2026年12月反诈宣传计划"],
    [
        "活动名称",
        "日期",
        "时间",
        "地点",
        "宣传类型",
        "村(社区)",
        "面向人群",
        "宣传内容",
        "负责民警",
        "预计人数",
        "备注",
    ],
    [
        "反诈宣传进社区",
        "2026/12/3",
        "09:00-10:30",
        "新建社区活动室",
        "进社区",
        "新建社区",
        "老年人、社区居民",
        "冒充电商物流客服，虚假投资理财",
        "韦明",
        "80",
        "",
    ],
    [
        "反诈宣传进校园",
        datetime.date(2026, 12, 8),
        "下午3点",
        "河池市第一中学",
        "学校",
        "新建社区",
        "学生/家长",
        "刷单返利",
        "",
        "",
        "期末前",
    ],
]


def _seed_people(db, tmp_path):
    _seed_areas(db, tmp_path)
    officer_store.add_officer(db, {"name": "韦明", "badge_number": "451001"})


def test_a_planned_schedule_is_imported(db, tmp_path):
    from desktop.domain import talks as talk_store

    _seed_people(db, tmp_path)
    report = import_file(db, "talks", _write_xlsx(tmp_path / "t.xlsx", TALK_ROWS))
    assert report.written, [(e.row, e.column, e.render()) for e in report.errors]
    talks = talk_store.list_talks(db)
    assert [t.title for t in talks] == ["反诈宣传进社区", "反诈宣传进校园"]
    first, second = talks
    assert (first.starts_at.hour, first.ends_at.hour, first.ends_at.minute) == (9, 10, 30)
    assert first.audience == ["elderly", "residents"] and first.organiser_name == "韦明"
    assert first.topics == ["customer_service", "investment"] and first.expected_headcount == 80
    assert (second.starts_at.hour, second.venue_kind) == (15, "school")
    assert second.ends_at - second.starts_at == datetime.timedelta(minutes=90)
    assert second.audience == ["students", "parents"]


def test_a_schedule_imported_again_adds_only_its_new_talks(db, tmp_path):
    """The county's schedule imported twice, the second time with one more talk: the talks on
    record stay as they are (one already held, with its headcount), only the new one is
    added."""
    from desktop.domain import talks as talk_store

    _seed_people(db, tmp_path)
    assert import_file(db, "talks", _write_xlsx(tmp_path / "t.xlsx", TALK_ROWS)).created == 2
    held = talk_store.list_talks(db)[0]
    talk_store.record_outcome(db, held.id, actual_headcount=64, handouts_given={})
    more = [*TALK_ROWS, ["反诈宣传进企业", *TALK_ROWS[-1][1:]]]
    again = import_file(db, "talks", _write_xlsx(tmp_path / "again.xlsx", more))
    assert again.written and (again.created, again.unchanged) == (1, 2)
    talks = talk_store.list_talks(db)
    assert sorted(t.title for t in talks) == ["反诈宣传进企业", "反诈宣传进校园", "反诈宣传进社区"]
    assert talk_store.load_talk(db, held.id).actual_headcount == 64


def test_a_schedule_sent_again_knows_its_talks_as_they_read_and_what_was_called_off(db, tmp_path):
    """Sent again, a schedule's talks are known by their start, title and venue as they read:
    a space, a zero-width space or a full-width letter more adds nothing. A talk the county
    has called off since is called off on record too, unless it was held; a talk deleted here
    stays deleted."""
    from desktop.db.records import retire_record
    from desktop.domain import talks as talk_store

    _seed_people(db, tmp_path)
    header = [*TALK_ROWS[1], "状态"]
    community, school = ([*row, ""] for row in TALK_ROWS[2:])
    evening = ["反诈宣传进企业", *TALK_ROWS[3][1:3], "园区会议室", *TALK_ROWS[3][4:], ""]
    first = [header, community, school, evening]
    assert import_file(db, "talks", _write_xlsx(tmp_path / "a.xlsx", first)).created == 3
    ids = {t.title: t.id for t in talk_store.list_talks(db)}
    talk_store.record_outcome(db, ids["反诈宣传进社区"], actual_headcount=64, handouts_given={})
    retire_record(db, "talks", ids["反诈宣传进企业"])
    again = [
        header,
        ["反诈宣传 进社区", *community[1:-1], "已取消"],  # held already: stays held
        ["反诈宣传进\u200b校园", *school[1:3], school[3] + "　", *school[4:-1], "已取消"],
        ["反诈宣传进企业", *evening[1:3], "园区会议室", *evening[4:]],  # deleted here
    ]
    report = import_file(db, "talks", _write_xlsx(tmp_path / "b.xlsx", again))
    assert report.written, [(e.row, e.column, e.render()) for e in report.errors]
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    statuses = {t.title: t.status for t in talk_store.list_talks(db)}
    assert statuses == {"反诈宣传进社区": "done", "反诈宣传进校园": "cancelled"}
    # In one file too, the same talk written twice is refused, however it is spaced.
    twice = [
        header,
        community,
        ["反诈宣传进社区 ", *community[1:3], "新建社区 活动室", *community[4:]],
    ]
    errors = import_file(db, "talks", _write_xlsx(tmp_path / "c.xlsx", twice)).errors
    assert [(e.row, e.column) for e in errors] == [(3, "活动名称")]


def test_a_schedule_calls_off_every_live_copy_of_a_talk_whatever_became_of_its_people(db, tmp_path):
    """A talk deleted here and entered again, and a twin spaced otherwise from before talks
    were matched as they read: the schedule calling it off calls off both live ones, leaves
    the deleted one alone, and needs nothing else of them (their organiser retired since)."""
    from desktop.db.records import retire_record
    from desktop.domain import talks as talk_store

    _seed_people(db, tmp_path)
    header = [*TALK_ROWS[1], "状态"]
    community = [*TALK_ROWS[2], ""]
    assert import_file(db, "talks", _write_xlsx(tmp_path / "a.xlsx", [header, community])).created
    [first] = talk_store.list_talks(db)
    retire_record(db, "talks", first.id)
    for venue in (first.venue, first.venue[:2] + " " + first.venue[2:]):
        talk_store.save_talk(db, dataclasses.replace(first, id=None, venue=venue))
    retire_record(db, "officers", first.organiser_id)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        report = import_file(
            db,
            "talks",
            _write_xlsx(
                tmp_path / "b.xlsx", [header, [*community[:8], "", *community[9:-1], "已取消"]]
            ),
        )
    finally:
        db.conn.set_trace_callback(None)
    assert report.written, [(e.row, e.column, e.render()) for e in report.errors]
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    assert [t.status for t in talk_store.list_talks(db)] == ["cancelled", "cancelled"]
    assert db.scalar("SELECT status FROM talks WHERE id = ?", (first.id,)) == "planned"
    # Each start is read once for the whole file, not once per row.
    assert sum("talks_starts" in sql for sql in statements) == 1


def test_a_header_short_of_a_column_is_named_with_its_row(db, tmp_path):
    rows = [["2026年12月反诈宣传计划"], [], ["活动名称", "地点"], ["反诈宣传进社区", "活动室"]]
    with pytest.raises(ImportRejected, match="Row 3 is the header, but it has no column for: 日期"):
        import_file(db, "talks", _write_xlsx(tmp_path / "t.xlsx", rows))


def test_bad_schedule_rows_name_their_columns(db, tmp_path):
    _seed_people(db, tmp_path)
    rows = [
        TALK_ROWS[1],
        ["", "2026-12-32", "25:00", "", "火星", "不存在社区", "外星人", "骗术", "张三", "很多", ""],
        ["反诈宣传", "2026-12-05", "10:00-09:00", "", "", "", "", "", "", "", ""],
        ["反诈宣传", "2026-12-06", "10:00", "", "", "", "", "", "", "", ""],
        ["反诈宣传", "2026-12-06", "10:00", "", "", "", "", "", "", "", ""],
    ]
    report = import_file(db, "talks", _write_xlsx(tmp_path / "bad.xlsx", rows))
    assert not report.written
    by_row = {}
    for error in report.errors:
        by_row.setdefault(error.row, []).append(error.column)
    assert by_row[2] == ["日期", "时间", "宣传类型", "村(社区)", "面向人群", "宣传内容", "负责民警"]
    assert by_row[3] == ["时间"]  # ends before it starts
    assert by_row[5] == ["活动名称"]  # the same talk twice


def test_an_evening_talk_ending_after_midnight_keeps_the_day_its_end_gives(db, tmp_path):
    from desktop.domain import talks as talk_store

    _seed_people(db, tmp_path)
    rows = [
        ["开始时间", "结束时间", "主题", "地点"],  # the program's own list of talks
        ["2026-12-05 21:30", "2026-12-06 00:10", "夜市反诈宣传", "城西夜市"],
        [datetime.datetime(2026, 12, 7, 22, 0), datetime.datetime(2026, 12, 8, 0, 30),
         "广场舞反诈宣传", "江滨广场"],
        ["2026-12-09 21:00", "2026-12-09 22:00", "夜校反诈宣传", "夜校"],
        # A date-and-time cell at midnight, which the reader gives as a date alone.
        [datetime.datetime(2026, 12, 10, 22, 0), datetime.datetime(2026, 12, 11, 0, 0),
         "夜跑反诈宣传", "滨江步道"],
    ]  # fmt: skip
    report = import_file(db, "talks", _write_xlsx(tmp_path / "evening.xlsx", rows))
    assert report.written, [(e.row, e.column, e.render()) for e in report.errors]
    spans = {
        t.title: (t.starts_at.replace(tzinfo=None), t.ends_at.replace(tzinfo=None))
        for t in talk_store.list_talks(db)
    }
    at = datetime.datetime
    assert spans == {
        "夜市反诈宣传": (at(2026, 12, 5, 21, 30), at(2026, 12, 6, 0, 10)),
        "广场舞反诈宣传": (at(2026, 12, 7, 22, 0), at(2026, 12, 8, 0, 30)),
        "夜校反诈宣传": (at(2026, 12, 9, 21, 0), at(2026, 12, 9, 22, 0)),
        "夜跑反诈宣传": (at(2026, 12, 10, 22, 0), at(2026, 12, 11, 0, 0)),
    }
    # An end before its start, on another day, or a day and more later is a mistake to report.
    wrong = [rows[0], ["2026-12-10 21:30", "2026-12-10 00:10", "夜市反诈宣传", "城西夜市"],
             ["2026-12-11 21:30", "2026-12-13 00:10", "夜市反诈宣传", "城东夜市"],
             ["2026-12-11 21:30", "2026-12-12 22:00", "夜市反诈宣传", "城南夜市"],
             ["2026-12-11 21:30", "2026-12-13 23:00", "夜市反诈宣传", "城北夜市"],
             ["2026-12-11 21:30", "2026-12-10 23:00", "夜市反诈宣传", "江滨夜市"],
             [datetime.datetime(2026, 12, 11, 22, 0), datetime.datetime(2026, 12, 13, 0, 0),
              "夜跑反诈宣传", "滨江步道"],
             # A date alone on the talk's own day: a date where the time belongs.
             [datetime.datetime(2026, 12, 14, 9, 0), datetime.date(2026, 12, 14),
              "反诈讲座", "礼堂"]]  # fmt: skip
    report = import_file(db, "talks", _write_xlsx(tmp_path / "wrong.xlsx", wrong))
    assert not report.written
    assert [(e.row, e.column) for e in report.errors] == [(n, "结束时间") for n in range(2, 9)]
    assert "2026-12-13" in report.errors[-2].render()
    assert "is not a time of day" in report.errors[-1].render()


def test_a_talk_s_topics_may_be_the_short_words_officers_write(db, tmp_path):
    from desktop.domain import talks as talk_store

    _seed_people(db, tmp_path)
    rows = [["活动名称", "日期", "时间", "地点", "宣传内容"],
            ["反诈宣传进社区", "2026-12-05", "09:00-10:30", "活动室", "冒充客服、刷单、杀猪盘"],
            ["反诈宣传进校园", "2026-12-06", "15:00", "礼堂", "冒充客服、天上掉馅饼"]]  # fmt: skip
    report = import_file(db, "talks", _write_xlsx(tmp_path / "topics.xlsx", rows[:2]))
    assert report.written, [(e.row, e.column, e.render()) for e in report.errors]
    [talk] = talk_store.list_talks(db)
    assert talk.topics == ["customer_service", "brushing", "romance"]
    report = import_file(db, "talks", _write_xlsx(tmp_path / "unknown.xlsx", [rows[0], rows[2]]))
    assert [(e.row, e.column) for e in report.errors] == [(2, "宣传内容")]  # still told
    assert "天上掉馅饼" in report.errors[0].render()
