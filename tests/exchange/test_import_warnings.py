"""Warning lists as they arrive from upper levels, with the hazards of Chinese office files."""

import openpyxl
import pytest

from desktop.core.errors import ImportRejected
from desktop.core.validate import id_number_check_digit
from desktop.db import audit
from desktop.db.database import META_CURRENT_OFFICER
from desktop.db.records import retire_record
from desktop.domain import officers as officer_store
from desktop.domain import residents as resident_store
from desktop.exchange.importing import import_file

ID_17 = "45120219600101123"
ID = ID_17 + id_number_check_digit(ID_17)
HEADER = ["序号", "预警编号", "下发时间", "预警来源", "预警等级", "姓名", "手机号码", "身份证号",
          "住址", "诈骗类型", "涉案金额", "处理意见"]  # fmt: skip
ROWS = [
    [1, "YJ001", "2026/11/25 09:30", "国家反诈中心", "高风险", "罗某某", "13812345678", ID,
     "金城江区新建社区中山路12号", "虚假投资理财类", "5.2万", "请速劝阻"],
    [2, "YJ002", "2026年11月25日 10:05", "96110", "中", "韦某", "+86 139-1234-5678", "",
     "", "刷单返利", "￥8,000.00", ""],
]  # fmt: skip


def _xlsx(path, rows, *, title=True, numeric_ids=False):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    if title:
        sheet.append(["2026年11月预警名单（第47期）"])
    sheet.append(HEADER)
    for row in rows:
        row = list(row)
        if numeric_ids and row[7]:
            row[7] = float(row[7])  # what Excel does to an 18-digit number
        sheet.append(row)
    workbook.save(path)
    return path


def test_a_list_with_a_title_row_is_imported_and_unknown_columns_ignored(db, tmp_path):
    report = import_file(db, "warnings", _xlsx(tmp_path / "list.xlsx", ROWS))
    assert report.written and report.created == 2, [e.render() for e in report.errors]
    assert report.ignored_columns == ["序号", "处理意见"]
    rows = db.query("SELECT * FROM warnings ORDER BY reference_number")
    assert [(r["source"], r["level"], r["fraud_type"]) for r in rows] == [
        ("platform", "high", "investment"),
        ("hotline_96110", "medium", "brushing"),
    ]
    assert rows[0]["amount_at_risk"] == 5_200_000 and rows[1]["amount_at_risk"] == 800_000
    assert rows[0]["received_at"].startswith("2026-11-25T09:30")
    assert "请速劝阻" not in str([dict(r) for r in db.query("SELECT * FROM warnings")])


def test_imported_warnings_go_to_the_officer_using_this_laptop_as_intake_does(db, tmp_path):
    officer = officer_store.add_officer(db, {"name": "韦明", "badge_number": "451001"})
    db.set_meta(META_CURRENT_OFFICER, officer)
    import_file(db, "warnings", _xlsx(tmp_path / "list.xlsx", ROWS[:1]))
    assert db.scalar("SELECT officer_id FROM warnings") == officer
    retire_record(db, "officers", officer)  # a retired officer takes no new cases
    import_file(db, "warnings", _xlsx(tmp_path / "more.xlsx", ROWS[1:]))
    assert db.scalar("SELECT officer_id FROM warnings WHERE reference_number = 'YJ002'") is None


def test_importing_the_same_file_again_adds_nothing(db, tmp_path):
    path = _xlsx(tmp_path / "list.xlsx", ROWS)
    import_file(db, "warnings", path)
    again = import_file(db, "warnings", path)
    assert (again.created, again.unchanged) == (0, 2)
    assert db.scalar("SELECT count(*) FROM warnings") == 2


def test_numeric_id_cells_are_refused_with_advice(db, tmp_path):
    report = import_file(db, "warnings", _xlsx(tmp_path / "n.xlsx", ROWS, numeric_ids=True))
    assert not report.written
    [error] = report.errors
    assert (error.row, error.column) == (3, "身份证号")
    assert "format the id number column as text" in error.render().lower()


def test_a_gbk_csv_is_read(db, tmp_path):
    path = tmp_path / "list.csv"
    lines = [",".join(HEADER)] + [",".join(str(c) for c in row) for row in ROWS]
    path.write_bytes(("\n".join(lines) + "\n").encode("gbk"))
    assert import_file(db, "warnings", path).created == 2


@pytest.mark.parametrize(
    ("column", "value", "name"),
    [
        (2, "2026-02-30 09:00", "下发时间"),  # impossible date
        (2, "2027-01-01 09:00", "下发时间"),  # the future
        (4, "紧急", "预警等级"),
        (6, "0778-2281234", "手机号码"),  # not a mobile
        (10, "约5万", "涉案金额"),  # not exact
    ],
)
def test_bad_cells_are_reported_and_good_rows_kept_only_on_request(
    db, tmp_path, column, value, name
):
    bad = list(ROWS[1])
    bad[column] = value
    path = _xlsx(tmp_path / "bad.xlsx", [ROWS[0], bad])
    report = import_file(db, "warnings", path)
    assert not report.written and [(e.row, e.column) for e in report.errors] == [(4, name)]
    assert db.scalar("SELECT count(*) FROM warnings") == 0
    kept = import_file(db, "warnings", path, skip_bad_rows=True)
    assert kept.written and kept.created == 1


def test_the_same_person_is_linked_and_becomes_high_risk(db, tmp_path):
    second = list(ROWS[0])
    second[1], second[2] = "YJ003", "2026/10/01 08:00"
    import_file(db, "warnings", _xlsx(tmp_path / "l.xlsx", [ROWS[0], second]))
    [resident] = resident_store.find_matches(db, id_number=ID)
    assert resident.warnings == 2
    assert "high_risk" in resident_store.tags_of(db, resident.id)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("csv-really.xlsx", "序号,姓名\n1,罗某\n".encode(), "not a readable spreadsheet"),
        ("big5.csv", "下發時間,姓名,手機號碼\n".encode("big5"), "Big5"),
        ("empty.xlsx", None, "header"),
        ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password"),
    ],
)
def test_files_that_are_not_warning_lists(db, tmp_path, name, content, message):
    path = tmp_path / name
    if content is None:
        openpyxl.Workbook().save(path)
    else:
        path.write_bytes(content)
    with pytest.raises(ImportRejected, match=message):
        import_file(db, "warnings", path)


def test_headers_it_cannot_place_can_be_named_by_hand(db, tmp_path):
    from desktop.exchange.importing import first_rows

    path = tmp_path / "odd.csv"
    path.write_text(
        "推送日期,客户名,号码,级别\n2026-11-20 09:00,罗某某,13812345678,高\n", encoding="utf-8"
    )
    with pytest.raises(ImportRejected, match="header"):
        import_file(db, "warnings", path)
    assert first_rows(path)[0] == ["推送日期", "客户名", "号码", "级别"]
    names = {"received_at": "推送日期", "name": "客户名", "mobile": "号码", "level": "级别"}
    # Without a source column the list is refused once, at its header, naming the column.
    with pytest.raises(
        ImportRejected, match="Row 1 is the header, but it has no column for: 预警来源\\."
    ):
        import_file(db, "warnings", path, column_names=names)
    path.write_text(
        "推送日期,客户名,号码,级别,渠道\n2026-11-20 09:00,罗某某,13812345678,高,\n",
        encoding="utf-8",
    )
    names["source"] = "渠道"
    report = import_file(db, "warnings", path, column_names=names)
    [error] = report.errors  # a cell left empty: what to write there, not "Unknown value ."
    assert error.column == "渠道" and "empty" in error.render() and "Unknown" not in error.render()
    assert report.created == 0


def test_every_imported_record_is_in_the_audit_log_and_a_repeat_person_is_linked(db, tmp_path):
    again = [3, "YJ003", "2026/11/25 11:00", "银行", "高", "罗某某", "13812345678", ID,
             "", "", "", ""]  # fmt: skip
    report = import_file(db, "warnings", _xlsx(tmp_path / "list.xlsx", [*ROWS, again]))
    assert report.created == 3
    created = db.query("SELECT table_name, row_id FROM audit WHERE action = 'create'")
    records = {(r["table_name"], r["row_id"]) for r in created}
    for table in ("warnings", "residents"):
        for row in db.query(f"SELECT id FROM {table}"):
            assert (table, row["id"]) in records
    assert db.scalar("SELECT count(*) FROM residents") == 2  # 罗某某 twice, one resident
    resident = db.scalar("SELECT id FROM residents WHERE id_number = ?", (ID,))
    assert resident_store.tags_of(db, resident) == [resident_store.HIGH_RISK_TAG]
    [entry] = db.query("SELECT * FROM audit WHERE action = 'import'")
    assert "3 created" in entry["summary"]


@pytest.mark.parametrize("chunk_rows", [2, 2_000])
def test_the_high_risk_rule_tags_each_resident_once_across_a_list_written_in_chunks(
    db, tmp_path, monkeypatch, chunk_rows
):
    from desktop.exchange import importing

    monkeypatch.setattr(importing, "CHUNK_ROWS", chunk_rows)
    import_file(db, "warnings", _xlsx(tmp_path / "first.xlsx", ROWS[1:]))  # 韦某, on record
    again = [
        [n, f"YJ10{n}", f"2026/11/2{n} 11:00", "银行", "高", name, mobile, "", "", "", "", ""]
        for n, (name, mobile) in enumerate(
            [("罗某某", "13812345678"), ("黄某", "13700001111"), ("韦某", "13912345678"),
             ("罗某某", "13812345678"), ("罗某某", "13812345678"), ("黄某", "13700001112")],
            start=1,
        )
    ]  # fmt: skip
    report = import_file(db, "warnings", _xlsx(tmp_path / "again.xlsx", again))
    assert report.created == 6, [e.render() for e in report.errors]
    tagged = {
        row["name"]: resident_store.parse_tags(row["tags"])
        for row in db.query("SELECT name, tags FROM residents")
    }
    high = [resident_store.HIGH_RISK_TAG]
    assert tagged == {"罗某某": high, "韦某": high, "黄某": []}  # 黄某: two mobiles, two people
    entries = db.query("SELECT row_id, summary FROM audit WHERE action = 'update'")
    assert sorted(e["summary"] for e in entries) == ["high-risk tag added"] * 2
    assert len({e["row_id"] for e in entries}) == 2
    # Every record has its one audit row, whichever chunk wrote it.
    created = db.query("SELECT table_name, row_id FROM audit WHERE action = 'create'")
    records = [
        (t, r["id"]) for t in ("residents", "warnings") for r in db.query(f"SELECT id FROM {t}")
    ]
    assert sorted((e["table_name"], e["row_id"]) for e in created) == sorted(records)
    assert audit.verify_chain(db) is None


def test_a_list_s_short_words_for_fraud_types_are_read_as_their_types(db, tmp_path):
    said = {"冒充客服": "customer_service", "杀猪盘": "romance", "投资理财类": "investment",
            "注销校园贷": "customer_service", "网贷": "loan", "冒充公安": "impersonating_police",
            "兼职刷单": "brushing", "虚假投资理财": "investment", "电信诈骗": "other"}  # fmt: skip
    rows = [
        [n, f"YJ20{n}", f"2026/11/2{n} 10:00", "银行", "高", f"韦某{n}", f"1381234560{n}", "",
         "", words, "", ""]
        for n, words in enumerate(said, start=1)
    ]  # fmt: skip
    report = import_file(db, "warnings", _xlsx(tmp_path / "list.xlsx", rows))
    assert report.written, [e.render() for e in report.errors]
    found = {
        row["notes"].removeprefix("诈骗类型（原文）："): row["fraud_type"]
        for row in db.query("SELECT fraud_type, notes FROM warnings")
        if row["notes"]
    }
    # The list's own words are kept beside the type read from them; the type's name is not.
    assert found == {words: code for words, code in said.items() if words != "虚假投资理财"}
    named = db.scalar("SELECT fraud_type FROM warnings WHERE notes = ''")
    assert named == "investment"
