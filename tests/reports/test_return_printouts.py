"""The printouts of persons abroad (劝返): the ledger of an area, names masked unless revealed
with a reason, its rows whole and its pages full; the notice to the family, one page naming the
person in full (a logged reveal) under a number of its own; the board of counts, one page on
A4 or A3."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from desktop.core import clock
from desktop.core.errors import ValidationError
from desktop.core.privacy import FAMILY_NOTICE_REASON, mask_id_number, mask_name
from desktop.db import audit
from desktop.db.opening import open_database
from desktop.demo import generate_demo
from desktop.domain import return_cases as return_store
from desktop.domain.areas import subtree_ids
from desktop.reports.documents import print_return_board, print_return_ledger, print_return_notice
from desktop.reports.return_ledger import build_return_ledger
from desktop.reports.styles import FOOTER_RULE_Y, LANDSCAPE, LANDSCAPE_A3, SIZE_SMALL_4

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("abroad") / "demo.sqlite3")
    generate_demo(database, seed=4, today=TODAY)
    yield database
    database.close()


def _county(database) -> tuple[str, str]:
    """The county with the most persons abroad registered in it (id, name)."""
    row = database.query(
        "SELECT a.id, a.name, count(*) AS n FROM areas a JOIN areas t ON t.parent_id = a.id"
        " JOIN areas v ON v.parent_id = t.id JOIN return_cases c ON c.area_id = v.id"
        " WHERE a.level = 'county' GROUP BY a.id ORDER BY n DESC LIMIT 1"
    )[0]
    return row["id"], row["name"]


def _names_in(database, area_id: str) -> list[str]:
    ids = subtree_ids(database, area_id)
    marks = ", ".join("?" * len(ids))
    return [
        row["name"]
        for row in database.query(
            "SELECT r.name FROM return_cases c JOIN residents r ON r.id = c.resident_id"
            f" WHERE c.area_id IN ({marks}) OR c.residence_area_id IN ({marks})",
            [*ids, *ids],
        )
    ]


def _text(path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


# -- the ledger ----------------------------------------------------------------------------------


def test_the_ledger_masks_every_name_and_counts_the_area(demo, tmp_path):
    county_id, county = _county(demo)
    out = tmp_path / "ledger.pdf"
    pages = print_return_ledger(demo, out, area_id=county_id)
    text = _text(out)
    names = _names_in(demo, county_id)
    closed = len([line for line in return_store.ledger_sheet(demo, county_id)
                  if line.status == "closed"])  # fmt: skip
    assert "劝返工作台账" in text and f"辖区：{county}" in text
    assert f"列管{len(names)}人" in text and f"已销账{closed}人" in text
    assert f"在册{len(names) - closed}人" in text
    assert f"第{pages}页/共{pages}页" in text
    for name in names:
        assert name not in text  # every name of the demo has two characters or more
    assert all(mask_name(name) in text for name in names)
    printed = audit.recent(demo, 1)[0]
    assert (printed["action"], printed["row_id"]) == ("print", county_id)


def test_the_ledger_in_full_names_everyone_and_is_a_reveal_with_its_reason(demo, tmp_path):
    county_id, _county_name = _county(demo)
    out = tmp_path / "full.pdf"
    print_return_ledger(demo, out, area_id=county_id, full=True, reason="县级督导核对")
    text = _text(out)
    assert all(name in text for name in _names_in(demo, county_id))
    printed, reveal = audit.recent(demo, 2)
    assert (reveal["action"], printed["action"]) == ("reveal", "print")
    assert reveal["row_id"] == county_id and "县级督导核对" in reveal["summary"]


def test_the_ledger_in_full_without_a_reason_is_refused_before_anything(demo, tmp_path):
    before = len(audit.recent(demo, 100_000))
    with pytest.raises(ValidationError) as refused:
        print_return_ledger(demo, tmp_path / "x.pdf", full=True, reason=" ")
    assert refused.value.field == "--reason"
    assert not (tmp_path / "x.pdf").exists() and len(audit.recent(demo, 100_000)) == before


def test_those_only_living_in_the_area_follow_those_registered_and_are_marked(demo, tmp_path):
    county_id, _name = _county(demo)
    lines = return_store.ledger_sheet(demo, county_id)
    inside = set(subtree_ids(demo, county_id))
    flags = [line.residence_only for line in lines]
    assert flags == sorted(flags) and any(flags) and not all(flags)
    cases = {line.id: return_store.get_case(demo, line.id) for line in lines}
    for line in lines:
        assert line.residence_only == (cases[line.id].area_id not in inside)
        assert line.name.endswith("某")  # masked
    print_return_ledger(demo, tmp_path / "l.pdf", area_id=county_id)
    text = _text(tmp_path / "l.pdf")
    assert "流入地" in text and f"其中流入地列管{sum(flags)}人" in text


def _lines(demo, count: int):
    """``count`` entries of the ledger, of the demo's first, numbered apart."""
    first = return_store.ledger_sheet(demo)[0]
    return [replace(first, id=str(number)) for number in range(count)]


def _ledger_pages(demo, tmp_path, count: int, geometry=LANDSCAPE) -> int:
    return build_return_ledger(
        _lines(demo, count), tmp_path / f"l{count}.pdf", unit="某派出所", area_name="某县",
        as_of=TODAY, places={}, masked=True, geometry=geometry,
    )  # fmt: skip


def test_ledger_pages_are_full_and_no_row_is_split_or_lost(demo, tmp_path, drawn_lines):
    pages = _ledger_pages(demo, tmp_path, 50)
    assert pages >= 3
    left = LANDSCAPE.left + 8 * mm  # the 序号 column
    numbers, lowest, pitch = [], [], 0.0
    for page in drawn_lines(tmp_path / "l50.pdf"):
        rows = [(y, int(re.match(r"\d+", text)[0])) for x, y, _size, text in page
                if x < left and text[:1].isdigit()]  # fmt: skip
        numbers += [number for _y, number in rows]
        lowest.append(rows[-1][0])
        pitch = pitch or rows[0][0] - rows[1][0]  # the rows are alike: one height
    assert numbers == list(range(1, 51))  # every row once, none split over two pages
    # A page is not closed early with room to spare: under the last row of each full page
    # there is less room than one more row takes.
    for y in lowest[:-1]:
        assert y - pitch / 2 - LANDSCAPE.bottom < pitch
    texts = [page.extract_text() for page in PdfReader(tmp_path / "l50.pdf").pages]
    assert all("序号" in text and "劝返工作台账" in text for text in texts)  # heads repeat
    assert all(f"第 {n} 页 / 共 {pages} 页" in text for n, text in enumerate(texts, start=1))


def test_the_ledger_on_a3_is_the_same_sheet_larger(demo, tmp_path):
    assert _ledger_pages(demo, tmp_path, 30, LANDSCAPE_A3) == _ledger_pages(demo, tmp_path, 30)
    width, height = (float(v) for v in PdfReader(tmp_path / "l30.pdf").pages[0].mediabox[2:])
    assert (round(width), round(height)) == (round(LANDSCAPE.width), round(LANDSCAPE.height))
    print_return_ledger(demo, tmp_path / "a3.pdf", paper="a3")
    box = PdfReader(tmp_path / "a3.pdf").pages[0].mediabox
    assert (round(float(box[2])), round(float(box[3]))) == (1191, 842)  # A3 landscape


# -- the notice to the family ------------------------------------------------------------------


def _case(demo, status: str = "contacted") -> return_store.ReturnCase:
    case_id = demo.scalar(
        "SELECT id FROM return_cases WHERE status = ? AND family_name != ''"
        " AND officer_id IS NOT NULL ORDER BY listed_on, id",
        (status,),
    )
    return return_store.get_case(demo, case_id)


def test_the_family_notice_names_the_person_in_full_and_logs_that_reveal(demo, tmp_path):
    case = _case(demo)
    deadline = clock.today() + timedelta(days=20)
    return_store.edit_case(demo, case.id, {"deadline_on": deadline})
    resident = demo.query("SELECT * FROM residents WHERE id = ?", (case.resident_id,))[0]
    out = tmp_path / "notice.pdf"
    assert print_return_notice(demo, case.id, out) == 1
    text = _text(out)
    assert f"{case.family_name}：" in text and resident["name"] in text
    assert resident["id_number"] not in text and mask_id_number(resident["id_number"]) in text
    assert case.family_phone not in text
    year = clock.today().year
    assert f"劝返〔{year}〕第" in text and "回执" in text and "家属签名（捺印）" in text
    assert f"于{deadline.year}年{deadline.month}月{deadline.day}日前回国" in text
    assert "告知单位（盖章）" in text and "依法从宽处理" in text and "列管列控" in text
    printed, reveal = audit.recent(demo, 2)
    assert (reveal["action"], reveal["row_id"]) == ("reveal", case.id)
    assert FAMILY_NOTICE_REASON in reveal["summary"] and printed["action"] == "print"


def test_the_family_notice_keeps_its_number_in_a_series_of_its_own(demo, tmp_path):
    first, second = _case(demo), _case(demo, "to_verify")
    numbers = []
    for case_id in (first.id, second.id, first.id):
        print_return_notice(demo, case_id, tmp_path / "n.pdf")
        numbers.append(audit.recent(demo, 1)[0]["summary"].rsplit(" ", 3)[-3:])
    assert numbers[0] == numbers[2] != numbers[1]
    assert demo.scalar("SELECT count(*) FROM notice_numbers") == 0  # the warnings' series


def test_a_deadline_already_past_is_said_so_not_asked_for(demo, tmp_path):
    case = _case(demo, "promised")
    passed = demo.scalar("SELECT listed_on FROM return_cases WHERE id = ?", (case.id,))
    return_store.edit_case(demo, case.id, {"deadline_on": passed})
    print_return_notice(demo, case.id, tmp_path / "n.pdf")
    text = _text(tmp_path / "n.pdf")
    day = date.fromisoformat(passed)
    assert f"（{day.year}年{day.month}月{day.day}日）已过" in text and "务必立即回国" in text
    assert f"于{day.year}年{day.month}月{day.day}日前回国" not in text


def test_the_family_notice_is_one_full_page_of_small_four_or_larger(demo, tmp_path, drawn_lines):
    print_return_notice(demo, _case(demo).id, tmp_path / "n.pdf")
    [page] = drawn_lines(tmp_path / "n.pdf")
    body = [line for line in page if line[1] > FOOTER_RULE_Y]
    assert min(size for _x, _y, size, _text in body) >= SIZE_SMALL_4
    heights = [y for _x, y, _size, _text in body]
    height = float(PdfReader(tmp_path / "n.pdf").pages[0].mediabox[3])
    assert max(heights) > height * 0.85 and min(heights) < height * 0.15  # not half empty
    assert not any(text[0] in "，。；：、）" for _x, _y, _size, text in body)


def test_a_notice_of_no_entry_is_refused_and_takes_no_number(demo, tmp_path):
    from desktop.reports.documents import DocumentError

    before = demo.scalar("SELECT count(*) FROM return_notice_numbers")
    with pytest.raises(DocumentError):
        print_return_notice(demo, "no-such-entry", tmp_path / "n.pdf")
    assert demo.scalar("SELECT count(*) FROM return_notice_numbers") == before


# -- the board -----------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_the_board_is_one_page_of_counts_with_each_row_and_the_total_tallied(demo, tmp_path, paper):
    out = tmp_path / "board.pdf"
    assert print_return_board(demo, out, paper=paper) == 1
    text = _text(out)
    rows = return_store.board(demo)
    total = return_store.tally(demo)
    assert "劝返工作挂图" in text and "县（区）" in text and "合计" in text
    for row in rows:
        assert f"{row.name}" in text and f"{row.closed}/{row.listed}" in text
    assert f"销账{total.closed}人/列管{total.listed}人" in text
    assert total.listed == demo.scalar("SELECT count(*) FROM return_cases")
    for name in demo.query("SELECT r.name FROM return_cases c JOIN residents r"
                           " ON r.id = c.resident_id"):  # fmt: skip
        assert name["name"] not in text
    box = PdfReader(out).pages[0].mediabox
    size = LANDSCAPE_A3 if paper == "a3" else LANDSCAPE
    assert round(float(box[2])) == round(size.width)


def test_a_countys_board_goes_by_township_and_its_total_counts_each_person_once(demo, tmp_path):
    county_id, county = _county(demo)
    out = tmp_path / "county.pdf"
    print_return_board(demo, out, area_id=county_id)
    text = _text(out)
    total = return_store.tally(demo, county_id)
    assert "乡镇（街道）" in text and county in text
    assert total.listed == len(_names_in(demo, county_id))
    assert sum(row.listed for row in return_store.board(demo, county_id)) >= total.listed
    assert f"{total.closed}/{total.listed}" in text
