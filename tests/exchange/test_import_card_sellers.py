"""The upper level's list of card sellers (涉"两卡"人员名单) through the import machinery."""

import openpyxl
import pytest

from desktop.cli import main
from desktop.core.validate import id_number_check_digit
from desktop.db.opening import open_database
from desktop.domain import areas as area_store
from desktop.domain import card_sellers
from desktop.domain import partners as partner_store
from desktop.domain import warnings as warning_store
from desktop.exchange.importing import import_file


def _id(serial: int) -> str:
    first17 = f"45122319990101{serial:03d}"
    return first17 + id_number_check_digit(first17)


HEADER = ["序号", "线索编号", "通报日期", "姓名", "公民身份号码", "手机号码", "涉案卡类型",
          "卡数", "开户行", "开户网点", "涉卡方式", "是否本地开户", "处置要求"]  # fmt: skip
ROWS = [
    [1, "LK2026001", "2026/11/03", "蓝某甲", _id(1), "13812345601", "银行卡", "2张",
     "中国农业银行", "中国农业银行凤山支行", "出租", "", "约谈训诫"],
    [2, "LK2026002", "2026年11月5日", "蓝某乙", _id(2), "", "手机卡", 1,
     "中国移动", "中国移动东莞代理点", "出售", "否", ""],
    [3, "LK2026003", "2026-11-06", "蓝某丙", _id(3), "13812345603", "对公账户", 3,
     "广西农村信用社", "", "", "是", ""],
]  # fmt: skip


def _xlsx(path, rows, *, header=HEADER):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["凤山县涉“两卡”人员名单（2026年第11期）"])
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def outlet(db):
    county = area_store.add_area(db, name="凤山县", level="county")
    return partner_store.add_partner(
        db, {"name": "中国农业银行凤山支行", "kind": "bank_outlet", "area_id": county}
    )


def test_a_list_with_a_title_row_is_imported_in_the_registers_words(db, tmp_path, outlet):
    report = import_file(db, "card_sellers", _xlsx(tmp_path / "list.xlsx", ROWS))
    assert report.written and report.created == 3, [e.render() for e in report.errors]
    assert report.ignored_columns == ["序号", "处置要求"]
    rows = db.query("SELECT * FROM card_sellers ORDER BY reference_number")
    assert [(r["card_kind"], r["card_count"], r["manner"], r["source"], r["status"])
            for r in rows] == [
        ("bank_card", 2, "rented", "upper_level", "to_verify"),
        ("phone_card", 1, "sold", "upper_level", "to_verify"),
        ("corporate_account", 3, "unknown", "upper_level", "to_verify"),
    ]  # fmt: skip
    # The outlet on record as a partner is linked, and that makes it opened locally.
    assert (rows[0]["outlet_partner_id"], rows[0]["outlet"], rows[0]["opened_locally"]) == (
        outlet, "", 1,
    )  # fmt: skip
    assert (rows[1]["outlet"], rows[1]["opened_locally"]) == ("中国移动东莞代理点", 0)
    assert rows[2]["opened_locally"] == 1 and rows[1]["listed_on"] == "2026-11-05"
    person = db.execute(
        "SELECT name, mobile FROM residents WHERE id = ?", (rows[1]["resident_id"],)
    ).fetchone()
    assert tuple(person) == ("蓝某乙", None)  # named by the ID number alone


def test_importing_the_same_list_again_adds_nothing(db, tmp_path, outlet):
    path = _xlsx(tmp_path / "list.xlsx", ROWS)
    import_file(db, "card_sellers", path)
    again = import_file(db, "card_sellers", path)
    assert (again.created, again.unchanged) == (0, 3)
    # Without reference numbers a row is never known again by its day (that would tell the
    # day a person was listed): each is refused, without a word of the record, and logged.
    header = [name for name in HEADER if name != "线索编号"]
    plain = [[cell for index, cell in enumerate(row) if index != 1] for row in ROWS]
    without = import_file(db, "card_sellers", _xlsx(tmp_path / "plain.xlsx", plain, header=header))
    assert (without.created, without.unchanged, without.bad_rows) == (0, 0, 3)
    assert db.scalar("SELECT count(*) FROM card_sellers") == 3


def test_a_gbk_csv_is_read(db, tmp_path):
    path = tmp_path / "list.csv"
    lines = [",".join(HEADER)] + [",".join(str(c) for c in row) for row in ROWS]
    path.write_bytes(("\n".join(lines) + "\n").encode("gbk"))
    assert import_file(db, "card_sellers", path).created == 3


@pytest.mark.parametrize(
    ("column", "value", "name"),
    [
        (2, "2026-02-30", "通报日期"),  # impossible date
        (2, "2099-01-01", "通报日期"),  # the future
        (4, _id(2)[:-1] + ("0" if _id(2)[-1] != "0" else "1"), "公民身份号码"),  # check digit
        (6, "信用证", "涉案卡类型"),
        (7, "0", "卡数"),
        (10, "赠送", "涉卡方式"),
        (11, "也许", "是否本地开户"),
        (3, "", "姓名"),
    ],
)
def test_bad_cells_are_named_and_good_rows_kept_only_on_request(db, tmp_path, column, value, name):
    bad = list(ROWS[1])
    bad[column] = value
    path = _xlsx(tmp_path / "bad.xlsx", [ROWS[0], bad])
    report = import_file(db, "card_sellers", path)
    assert not report.written and [(e.row, e.column) for e in report.errors] == [(4, name)]
    assert db.scalar("SELECT count(*) FROM card_sellers") == 0
    kept = import_file(db, "card_sellers", path, skip_bad_rows=True)
    assert kept.written and kept.created == 1


def test_a_person_is_not_listed_twice_but_a_resident_on_record_is_linked(db, tmp_path):
    warning_store.intake(
        db, {"source": "bank", "level": "high", "name": "蓝某甲", "mobile": "13812345601",
             "id_number": _id(1)},
    )  # fmt: skip
    resident = db.scalar("SELECT id FROM residents")
    report = import_file(db, "card_sellers", _xlsx(tmp_path / "a.xlsx", ROWS[:1]))
    assert report.created == 1
    assert db.scalar("SELECT resident_id FROM card_sellers") == resident
    # The same person with the same kind of card, from another notice while still listed.
    again = list(ROWS[0])
    again[1], again[2] = "LK2026099", "2026-11-20"
    twice = import_file(db, "card_sellers", _xlsx(tmp_path / "b.xlsx", [again]))
    assert not twice.written and [(e.row, e.column) for e in twice.errors] == [(3, "姓名")]
    assert "already on the register" in twice.errors[0].render()
    # Two rows of one file for the same person and card: the second names the first.
    same = import_file(db, "card_sellers", _xlsx(tmp_path / "c.xlsx", [ROWS[1], ROWS[1]]))
    assert [(e.row, e.column) for e in same.errors] == [(4, "线索编号")]


def test_the_command_line_imports_card_sellers(tmp_path, capsys):
    path = tmp_path / "desk.sqlite3"
    open_database(path).close()
    assert main(["--db", str(path), "--lang", "en", "import", "card_sellers",
                 str(_xlsx(tmp_path / "list.xlsx", ROWS))]) == 0  # fmt: skip
    database = open_database(path)
    assert card_sellers.count_card_sellers(database) == 3
    database.close()


@pytest.mark.parametrize(
    ("column", "value", "name", "message"),
    [
        (6, "信用证", "涉案卡类型", "Unknown value 信用证: write one of 对公、支付、电话卡、银行卡."),
        (6, "", "涉案卡类型", "The cell is empty: write one of 对公、支付、电话卡、银行卡."),
        (10, "赠送", "涉卡方式", "Unknown value 赠送: write one of 出售、出租、出借、被骗、不详."),
        (11, "也许", "是否本地开户", "Unknown value 也许: write one of 是、否、不详."),
        (4, "", "手机号码", "Give the ID number or the mobile: one of the two is needed."),
    ],
)  # fmt: skip
def test_a_bad_cell_is_told_what_the_column_takes(db, tmp_path, column, value, name, message):
    bad = list(ROWS[1])  # a row without a mobile
    bad[column] = value
    report = import_file(db, "card_sellers", _xlsx(tmp_path / "bad.xlsx", [bad]))
    assert [(e.column, e.error.render()) for e in report.errors] == [(name, message)]


def test_a_list_imported_again_is_known_by_its_numbers_looked_up_at_once(db, tmp_path, outlet):
    import_file(db, "card_sellers", _xlsx(tmp_path / "list.xlsx", ROWS))
    other = [4, "LK2026002", "2026/11/07", "蓝某丁", _id(4), "13812345604", "手机卡", 1,
             "中国移动", "", "出售", "", ""]  # fmt: skip
    statements = []
    db.conn.set_trace_callback(statements.append)
    again = import_file(db, "card_sellers", _xlsx(tmp_path / "again.xlsx", [*ROWS, other]))
    db.conn.set_trace_callback(None)
    assert (again.created, again.unchanged) == (0, 0) and not again.written
    # LK2026002 is on record for 蓝某乙: under another person it is a bad row, never dropped.
    assert [(e.row, e.error.field) for e in again.errors] == [(6, "reference_number")]
    assert not [s for s in statements if "reference_number = " in s]  # none asked one by one
    kept = import_file(
        db, "card_sellers", _xlsx(tmp_path / "again.xlsx", [*ROWS, other]), skip_bad_rows=True
    )
    assert (kept.created, kept.unchanged, kept.bad_rows) == (0, 3, 1)
