"""The upper level's list of persons abroad (涉诈滞留境外人员名单): read as warning lists are —
title rows, synonyms, GBK .csv, every bad row named, all or nothing unless told, idempotent."""

from datetime import date

import openpyxl
import pytest

from desktop.cli import main
from desktop.core.validate import id_number_check_digit
from desktop.db.opening import open_database
from desktop.domain import areas as area_store
from desktop.domain import officers as officer_store
from desktop.domain import return_cases as returns
from desktop.exchange.importing import import_file


def _id(first17: str) -> str:
    return first17 + id_number_check_digit(first17)


ID_A, ID_B, ID_C = _id("45122419950101123"), _id("45122419980202234"), _id("45122420000303345")
HEADER = ["序号", "姓名", "公民身份号码", "手机号码", "户籍地", "居住地", "滞留国家(地区)",
          "出境时间", "出境方式", "线索来源", "人员类别", "名单批次", "列管日期", "通告期限",
          "家属姓名", "与本人关系", "家属电话", "责任民警", "村支书", "书记电话"]  # fmt: skip
ROWS = [
    [1, "覃某某", ID_A, "13812345678", "坡心村", "城东社区", "缅甸妙瓦底", "2025-12-01", "偷渡",
     "上级下发", "涉诈高危", "第一批", "2026-09-01", "2026-10-31", "覃大山", "父亲",
     "13900001111", "韦明", "黄书记", "13700002222"],
    [2, "韦某", ID_B, "", "坡心村", "", "迪拜", "2026年3月5日", "持证出境", "", "疑似被骗务工",
     "第一批", "2026/9/1", "2026-10-31", "", "", "", "", "", ""],
    [3, "黄某", "", "13600003333", "坡心村", "", "泰国曼谷", "", "", "家属反映", "", "",
     "2026-09-03", "", "黄母", "母亲", "0778-2281234", "", "", ""],
]  # fmt: skip


@pytest.fixture
def places(db):
    county = area_store.add_area(db, name="东兰县", level="county")
    town = area_store.add_area(db, name="东兰镇", level="township", parent_id=county)
    village = area_store.add_area(db, name="坡心村", level="community", parent_id=town)
    other = area_store.add_area(db, name="宜州区", level="county")
    town2 = area_store.add_area(db, name="庆远镇", level="township", parent_id=other)
    street = area_store.add_area(db, name="城东社区", level="community", parent_id=town2)
    officer = officer_store.add_officer(db, {"name": "韦明", "badge_number": "451001"})
    return {"village": village, "street": street, "officer": officer}


def _xlsx(path, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["东兰县涉诈滞留境外人员名单（2026年第一批）"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_a_list_with_a_title_row_is_imported_with_its_words_turned_into_codes(db, places, tmp_path):
    report = import_file(db, "return_cases", _xlsx(tmp_path / "list.xlsx", ROWS))
    assert report.written and report.created == 3, [e.render() for e in report.errors]
    assert report.ignored_columns == ["序号"]
    cases = {
        returns.reveal_case(db, row["id"], "核对导入")[1].name: returns.get_case(db, row["id"])
        for row in db.query("SELECT id FROM return_cases")
    }
    first = cases["覃某某"]
    assert (first.location, first.departure, first.lead_source, first.category) == (
        "myanmar_north", "smuggled", "upper_level", "high_risk",
    )  # fmt: skip
    assert (first.area_id, first.residence_area_id) == (places["village"], places["street"])
    assert (first.listed_on, first.deadline_on, first.left_on) == (
        date(2026, 9, 1), date(2026, 10, 31), date(2025, 12, 1),
    )  # fmt: skip
    assert (first.officer_id, first.family_phone, first.village_secretary_phone) == (
        places["officer"], "13900001111", "13700002222",
    )  # fmt: skip
    second = cases["韦某"]
    assert (second.location, second.departure, second.category) == (
        "uae", "with_documents", "suspected_victim",
    )  # fmt: skip
    third = cases["黄某"]
    assert (third.location, third.lead_source, third.family_phone) == (
        "other", "family_report", "0778-2281234",
    )  # fmt: skip
    assert "泰国曼谷" in third.notes  # the place no word fits is kept in the notes


def test_the_same_list_imported_again_adds_nothing(db, places, tmp_path):
    path = _xlsx(tmp_path / "list.xlsx", ROWS)
    import_file(db, "return_cases", path)
    again = import_file(db, "return_cases", path)
    assert (again.created, again.unchanged) == (0, 3)
    assert db.scalar("SELECT count(*) FROM return_cases") == 3
    assert db.scalar("SELECT count(*) FROM residents") == 3


def test_every_bad_row_is_named_and_nothing_is_written_unless_told(db, places, tmp_path):
    bad = [list(row) for row in ROWS]
    bad[0][2] = ID_A[:-1] + ("0" if ID_A[-1] != "0" else "1")  # a check digit that fails
    bad[1][13] = "2026-08-01"  # a deadline already past at listing
    bad[2][4] = "火星村"  # no such area
    bad += [list(ROWS[0]), list(ROWS[0])]  # a good row, then the same person again
    path = _xlsx(tmp_path / "bad.xlsx", bad)
    report = import_file(db, "return_cases", path)
    assert not report.written and db.scalar("SELECT count(*) FROM return_cases") == 0
    found = {(error.row, error.column) for error in report.errors}
    assert found == {(3, "公民身份号码"), (4, "通告期限"), (5, "户籍地"), (7, "公民身份号码")}
    assert "Rows 6 and 7" in next(e for e in report.errors if e.row == 7).render()
    skipped = import_file(db, "return_cases", path, skip_bad_rows=True)
    assert skipped.written and skipped.created == 1
    assert db.scalar("SELECT count(*) FROM return_cases") == 1


def test_a_gbk_csv_is_read_through_the_command_line(tmp_path):
    database_path = tmp_path / "county.sqlite3"
    database = open_database(database_path)
    county = area_store.add_area(database, name="东兰县", level="county")
    town = area_store.add_area(database, name="东兰镇", level="township", parent_id=county)
    area_store.add_area(database, name="坡心村", level="community", parent_id=town)
    database.close()
    rows = [row[:5] + [""] + row[6:17] + ["", "", ""] for row in ROWS[:2]]
    lines = [",".join(HEADER), *(",".join(str(cell) for cell in row) for row in rows)]
    path = tmp_path / "list.csv"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    assert main(["--db", str(database_path), "import", "return_cases", str(path)]) == 0
    database = open_database(database_path)
    try:
        assert database.scalar("SELECT count(*) FROM return_cases") == 2
    finally:
        database.close()


@pytest.mark.parametrize(
    ("column", "value", "name", "message"),
    [
        (8, "坐飞船", "出境方式", "Unknown value 坐飞船: write one of 持证、偷渡、不详."),
        (9, "邻居", "线索来源", "Unknown value 邻居: write one of 上级、排查、家属、其他."),
        (10, "神仙", "人员类别", "Unknown value 神仙: write one of 被骗、高危、其他."),
        (2, "", "手机号码", "Give the ID number or the mobile: one of the two is needed."),
    ],
)  # fmt: skip
def test_a_bad_cell_is_told_what_the_column_takes(
    db, places, tmp_path, column, value, name, message
):
    bad = list(ROWS[1])  # a row without a mobile
    bad[column] = value
    report = import_file(db, "return_cases", _xlsx(tmp_path / "bad.xlsx", [bad]))
    assert [(e.column, e.error.render()) for e in report.errors] == [(name, message)]
