"""A grid worker's door-to-door tally sheet (入户走访登记表) through the import machinery."""

import csv
from datetime import date

import openpyxl
import pytest

from desktop.cli import main
from desktop.db.opening import open_database
from desktop.domain import areas as area_store
from desktop.exchange.importing import import_file

HEADER = ["走访日期", "村(社区)", "楼栋/村民小组", "走访户数", "在家户数", "宣传人数",
          "新安装App", "已安装App", "开启来电预警", "发放资料", "网格员", "备注"]  # fmt: skip
ROWS = [
    ["2026/11/03", "坡心村", "第一村民小组", 24, 18, 40, 6, 9, 12, 30, "黄丽", ""],
    ["2026年11月3日", "坡心村", "第二村民小组", "15户", 11, 20, 3, 5, 8, 15, "黄丽", "二户外出"],
    ["2026-11-04", "凤城镇 / 城北社区", "3栋", 30, 22, 51, 10, 8, 16, 40, "韦强", ""],
]  # fmt: skip


def _xlsx(path, rows, *, header=HEADER):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["凤城镇入户走访登记表（11月）"])
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def communities(db):
    county = area_store.add_area(db, name="凤山县", level="county")
    town = area_store.add_area(db, name="凤城镇", level="township", parent_id=county)
    return {
        name: area_store.add_area(db, name=name, level="community", parent_id=town)
        for name in ("坡心村", "城北社区")
    }


def test_a_tally_sheet_is_imported_once(db, communities, tmp_path):
    path = _xlsx(tmp_path / "sheet.xlsx", ROWS)
    report = import_file(db, "visits", path)
    assert (report.written, report.created, report.errors) == (True, 3, [])
    rows = db.query(
        "SELECT area_id, visited_on, building, households_visited, app_already, call_warnings"
        " FROM community_visits ORDER BY visited_on, building"
    )
    assert [tuple(row) for row in rows] == [
        (communities["坡心村"], "2026-11-03", "第一村民小组", 24, 9, 12),
        (communities["坡心村"], "2026-11-03", "第二村民小组", 15, 5, 8),
        (communities["城北社区"], "2026-11-04", "3栋", 30, 8, 16),
    ]  # fmt: skip
    again = import_file(db, "visits", path)
    assert (again.created, again.unchanged) == (0, 3)
    assert db.scalar("SELECT count(*) FROM community_visits") == 3


def test_every_bad_row_is_named_and_nothing_is_written(db, communities, tmp_path):
    future = date.today().replace(year=date.today().year + 1).isoformat()
    rows = [
        ROWS[0],
        ["2026-11-05", "坡心村", "第三村民小组", 10, 12, 20, 1, 1, 1, 5, "黄丽", ""],  # at home
        ["2026-11-05", "坡心村", "第四村民小组", 10, 8, 20, 9, 4, 1, 5, "黄丽", ""],  # app
        [future, "坡心村", "第五村民小组", 10, 8, 20, 1, 1, 1, 5, "黄丽", ""],  # future
        ["2026-11-05", "坡心村", "第六村民小组", -2, 0, 0, 0, 0, 0, 0, "黄丽", ""],  # negative
        ["2026-11-05", "凤城镇", "7组", 10, 8, 20, 1, 1, 1, 5, "黄丽", ""],  # not a community
    ]
    report = import_file(db, "visits", _xlsx(tmp_path / "bad.xlsx", rows))
    assert not report.written
    assert [(error.row, error.column) for error in report.errors] == [
        (4, "在家户数"), (5, "新安装App"), (6, "走访日期"), (7, "走访户数"), (8, "村(社区)"),
    ]  # fmt: skip
    assert db.scalar("SELECT count(*) FROM community_visits") == 0


def test_the_command_line_imports_visits_from_csv(tmp_path):
    path = tmp_path / "d.sqlite3"
    database = open_database(path)
    county = area_store.add_area(database, name="凤山县", level="county")
    town = area_store.add_area(database, name="凤城镇", level="township", parent_id=county)
    area_store.add_area(database, name="坡心村", level="community", parent_id=town)
    database.close()
    sheet = tmp_path / "sheet.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, ROWS[0]])
    assert main(["--db", str(path), "--lang", "en", "import", "visits", str(sheet)]) == 0
    database = open_database(path)
    assert database.scalar("SELECT households_visited FROM community_visits") == 24
    database.close()


def test_the_communities_households_are_imported(db, communities, tmp_path):
    path = _xlsx(
        tmp_path / "households.xlsx",
        [["坡心村", "320户"], ["凤城镇 / 城北社区", 1480]],
        header=["村(社区)", "总户数"],
    )
    report = import_file(db, "households", path)
    assert (report.written, report.updated, report.errors) == (True, 2, [])
    assert dict(db.query("SELECT name, households FROM areas WHERE level = 'community'")) == {
        "坡心村": 320, "城北社区": 1480,
    }  # fmt: skip
    assert import_file(db, "households", path).unchanged == 2
    bad = _xlsx(
        tmp_path / "bad.xlsx", [["坡心村", -3], ["凤城镇", 100]], header=["村(社区)", "户数"]
    )
    report = import_file(db, "households", bad)
    assert [(error.row, error.column) for error in report.errors] == [(3, "户数"), (4, "村(社区)")]
    assert db.scalar("SELECT households FROM areas WHERE name = '坡心村'") == 320
