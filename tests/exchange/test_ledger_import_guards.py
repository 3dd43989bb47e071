"""Imports of the two ledgers' lists against a hostile file: a row matching a record on record
tells nothing of it, is logged even when the import is refused, and one person twice in a file
is refused naming both rows."""

from datetime import date

import openpyxl

from desktop.core.validate import id_number_check_digit
from desktop.db import audit
from desktop.domain import areas as area_store
from desktop.domain import card_sellers
from desktop.domain import return_cases as returns
from desktop.exchange.importing import import_file

ID_17 = "45122319990101001"
ID_NUMBER = ID_17 + id_number_check_digit(ID_17)
TODAY = date(2026, 11, 25)


def _xlsx(path, header, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


CARD_HEADER = ["线索编号", "通报日期", "姓名", "公民身份号码", "手机号码", "涉案卡类型"]
ABROAD_HEADER = ["姓名", "公民身份号码", "手机号码", "滞留国家(地区)", "列管日期"]


def _searches(db):
    return [(e["table_name"], e["row_id"], e["summary"]) for e in audit.recent(db)
            if e["action"] == "search"]  # fmt: skip


def test_a_card_seller_row_matching_the_register_tells_nothing_and_is_logged(db, tmp_path):
    listed = card_sellers.add_card_seller(
        db, {"name": "蓝某甲", "id_number": ID_NUMBER, "card_kind": "bank_card",
             "source": "upper_level", "listed_on": "2026-11-03"}, new_person=True, today=TODAY,
    )  # fmt: skip
    # A probe: the ID number, and a bad row that keeps the file from writing anything.
    probe = _xlsx(tmp_path / "probe.xlsx", CARD_HEADER, [
        ["", "2026-11-20", "蓝某甲", ID_NUMBER, "", "银行卡"],
        ["", "2026-11-20", "某", "", "", "银行卡"],
    ])  # fmt: skip
    report = import_file(db, "card_sellers", probe)
    assert not report.written
    said = " ".join(error.render() for error in report.errors)
    assert "2026-11-03" not in said and "listed on" not in said
    # Logged though nothing was written: the resident the row linked, the record it met.
    resident = db.scalar("SELECT resident_id FROM card_sellers WHERE id = ?", (listed,))
    found = {(table, record): summary for table, record, summary in _searches(db)}
    assert set(found) == {("card_sellers", listed), ("residents", resident)}
    assert "row 2" in found[("card_sellers", listed)]
    # A list imported again is known by its reference numbers, and that is logged too.
    first = _xlsx(tmp_path / "ref.xlsx", CARD_HEADER,
                  [["LK1", "2026-11-20", "蓝某乙", "", "13812345602", "手机卡"]])  # fmt: skip
    assert import_file(db, "card_sellers", first).created == 1
    again = import_file(db, "card_sellers", first)
    assert (again.created, again.unchanged) == (0, 1)
    assert "unchanged" in _searches(db)[0][2]
    # Another person (or kind of card) under a number already on the register: a bad row,
    # never dropped as a list imported again.
    taken = _xlsx(tmp_path / "taken.xlsx", CARD_HEADER,
                  [["LK1", "2026-11-21", "黄某丙", "", "13812345603", "手机卡"]])  # fmt: skip
    report = import_file(db, "card_sellers", taken)
    assert not report.written and report.errors[0].error.field == "reference_number"
    assert "another record" in report.errors[0].render()
    assert "refused" in _searches(db)[0][2]


def test_a_person_abroad_row_matching_an_open_entry_tells_nothing_and_is_logged(db, tmp_path):
    area_store.add_area(db, name="东兰县", level="county")
    case_id = returns.list_person(
        db, {"name": "覃某某", "id_number": ID_NUMBER, "location": "myanmar_north",
             "lead_source": "upper_level", "category": "high_risk",
             "listed_on": date(2026, 9, 1)}, today=TODAY,
    )  # fmt: skip
    probe = _xlsx(tmp_path / "probe.xlsx", ABROAD_HEADER,
                  [["覃某某", ID_NUMBER, "", "缅甸", "2026-11-01"]])  # fmt: skip
    report = import_file(db, "return_cases", probe, check_only=True)
    assert report.unchanged == 0 and report.bad_rows == 1
    assert "already there" not in report.errors[0].render()
    assert _searches(db)[0][:2] == ("return_cases", case_id)


def test_a_row_never_files_a_person_under_a_stranger_with_the_id_number(db, tmp_path):
    card_sellers.add_card_seller(
        db, {"name": "蓝某甲", "id_number": ID_NUMBER, "card_kind": "bank_card",
             "source": "upper_level", "listed_on": "2026-11-03"}, new_person=True, today=TODAY,
    )  # fmt: skip
    abroad = _xlsx(tmp_path / "abroad.xlsx", ABROAD_HEADER,
                   [["张三", ID_NUMBER, "", "缅甸", "2026-11-01"]])  # fmt: skip
    report = import_file(db, "return_cases", abroad)
    assert not report.written and report.errors[0].error.field == "id_number"
    assert "another name" in report.errors[0].render()
    assert db.scalar("SELECT count(*) FROM return_cases") == 0
    assert _searches(db)[0][0] == "residents"  # the look-up is logged


def test_a_warning_row_finding_a_person_known_only_from_a_ledger_is_logged(db, tmp_path):
    listed = card_sellers.add_card_seller(
        db, {"name": "蓝某甲", "id_number": ID_NUMBER, "card_kind": "bank_card",
             "source": "upper_level", "listed_on": "2026-11-03"}, new_person=True, today=TODAY,
    )  # fmt: skip
    resident = db.scalar("SELECT resident_id FROM card_sellers WHERE id = ?", (listed,))
    path = tmp_path / "w.csv"
    path.write_text("预警编号,下发时间,预警来源,预警等级,姓名,手机号码,身份证号\n"
                    f"YJ1,2026-11-20 10:00,银行,高,蓝某甲,13812345601,{ID_NUMBER}\n",
                    encoding="utf-8")  # fmt: skip
    assert import_file(db, "warnings", path).created == 1
    assert ("residents", resident) in [entry[:2] for entry in _searches(db)]


def test_one_person_twice_in_a_file_is_refused_naming_both_rows(db, tmp_path):
    cards = _xlsx(tmp_path / "cards.xlsx", CARD_HEADER, [
        ["", "2026-11-20", "蓝某甲", ID_NUMBER, "13812345601", "银行卡"],
        ["", "2026-11-20", "蓝某甲", "", "13812345601", "借记卡"],
    ])  # fmt: skip
    report = import_file(db, "card_sellers", cards, skip_bad_rows=True)
    assert [error.row for error in report.errors] == [3]
    assert "Rows 2 and 3" in report.errors[0].render()
    assert db.scalar("SELECT count(*) FROM card_sellers") == 1
    abroad = _xlsx(tmp_path / "abroad.xlsx", ABROAD_HEADER, [
        ["蓝某甲", ID_NUMBER, "13812345601", "缅甸", "2026-11-01"],  # the card seller, abroad
        ["蓝某甲", "", "13812345601", "老挝", "2026-11-02"],
    ])  # fmt: skip
    report = import_file(db, "return_cases", abroad, skip_bad_rows=True)
    assert [error.row for error in report.errors] == [3]
    assert "Rows 2 and 3" in report.errors[0].render()
    assert db.scalar("SELECT count(*) FROM return_cases") == 1
