"""The paper of fraud-free community creation: the blank tally sheet of a door-to-door round,
the creation board (communities × criteria, grouped, counted by status) on A4 or A3 and one
community's assessment sheet, on one page with its signature lines."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from desktop.core import clock
from desktop.core.catalogue import FRAUD_FREE_STATUSES
from desktop.db import audit
from desktop.db.opening import open_database
from desktop.demo import generate_demo
from desktop.domain import fraud_free
from desktop.reports import registry
from desktop.reports.documents import (
    DocumentError,
    print_assessment_sheet,
    print_creation_board,
    print_fraud_free_trend,
    print_visit_tally,
)

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("fraud-free") / "demo.sqlite3")
    generate_demo(database, seed=4, today=TODAY)
    yield database
    database.close()


def _pages(path) -> list[str]:
    return ["".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _latest_statuses(database) -> dict[str, str]:
    """Each community's status on ``today``, read from the steps by hand."""
    latest: dict[str, str] = {}
    for row in database.query(
        "SELECT area_id, status FROM fraud_free_steps WHERE deleted_at IS NULL AND step_on <= ?"
        " ORDER BY area_id, step_on, created_at, id",
        (clock.today().isoformat(),),
    ):
        latest[row["area_id"]] = row["status"]
    return latest


def _community_with(database, sql: str) -> dict:
    return dict(database.query(sql)[0])


# -- the tally sheet -----------------------------------------------------------------------------


def test_the_blank_tally_sheet_has_the_columns_of_a_visit_and_its_signature_line(demo, tmp_path):
    out = tmp_path / "tally.pdf"
    assert print_visit_tally(demo, out) == 1
    (page,) = _pages(out)
    assert "入户走访登记表" in page
    for column in ("楼栋/村民小组", "走访户数", "在家户数", "接触人数", "新安装（户）",
                   "原已安装（户）", "预警（户）", "资料（份）", "备注", "合计"):  # fmt: skip
        assert column in page
    assert "走访日期：" in page and "走访人（民警/网格员）：" in page
    assert "走访人（签名）：" in page and "村（社区）确认人（签名）：" in page
    assert "不登记居民个人信息" in page
    assert "10" in page and "11" not in page  # ten numbered rows and the total
    assert audit.recent(demo, 1)[0]["summary"] == "blank door-to-door tally sheet"


def test_a_tally_sheet_for_a_community_names_it_and_its_township(demo, tmp_path):
    place = _community_with(
        demo,
        "SELECT a.id, a.name, t.name AS township FROM areas a JOIN areas t ON t.id = a.parent_id"
        " WHERE a.level = 'community' ORDER BY a.name LIMIT 1",
    )
    out = tmp_path / "tally.pdf"
    print_visit_tally(demo, out, area_id=place["id"])
    (page,) = _pages(out)
    assert f"村（社区）：{place['name']}" in page
    assert f"所属乡镇（街道）：{place['township']}" in page
    county = demo.scalar("SELECT id FROM areas WHERE level = 'county' LIMIT 1")
    with pytest.raises(DocumentError):
        print_visit_tally(demo, tmp_path / "no.pdf", area_id=county)
    assert not (tmp_path / "no.pdf").exists()


# -- the creation board --------------------------------------------------------------------------


def test_the_board_counts_every_status_and_lists_every_community_under_its_township(demo, tmp_path):
    out = tmp_path / "board.pdf"
    pages = print_creation_board(demo, out)
    texts = _pages(out)
    assert len(texts) == pages
    whole = "".join(texts)
    communities = demo.query(
        "SELECT a.name, t.name AS township FROM areas a JOIN areas t ON t.id = a.parent_id"
        " WHERE a.level = 'community' AND a.deleted_at IS NULL"
    )
    statuses = _latest_statuses(demo)
    counts = dict.fromkeys(FRAUD_FREE_STATUSES, 0)
    counts["not_taking_part"] = len(communities) - len(statuses)
    for status in statuses.values():
        counts[status] += 1
    line = "，".join(f"{entry.zh}{counts[key]}" for key, entry in FRAUD_FREE_STATUSES.items())
    assert f"共{len(communities)}个村（社区）：{line}" in texts[0]
    assert counts["awarded"] > 0 and counts["withdrawn"] > 0  # the demo's plaques, one lost
    for row in communities:
        assert row["name"] in whole
        assert f"{row['township']}：" in whole
    # The criteria's heads repeat on every page.
    for text in texts:
        assert "无预警后被骗" in text and "达标项" in text
    assert "本表所列创建标准为本所示例标准" in texts[-1]


def test_a_board_cell_shows_the_coverage_measured(demo, tmp_path):
    # A community with its households and visits this year: coverage computed by hand.
    start = clock.today().replace(month=1, day=1).isoformat()
    place = _community_with(
        demo,
        "SELECT a.id, a.name, a.households, sum(v.households_visited) AS visited FROM areas a"
        " JOIN community_visits v ON v.area_id = a.id AND v.deleted_at IS NULL"
        f" AND v.visited_on >= '{start}' WHERE a.households > 0 GROUP BY a.id"
        " ORDER BY a.name LIMIT 1",
    )
    coverage = round(100 * min(place["visited"], place["households"]) / place["households"], 1)
    mark = "√" if coverage >= 90 else "×"
    township = demo.scalar(
        "SELECT parent_id FROM areas WHERE id = ?", (place["id"],)
    )  # a small board: the township's
    out = tmp_path / "board.pdf"
    print_creation_board(demo, out, area_id=township)
    text = "".join(_pages(out))
    row = text[text.index(place["name"]) :][:120]
    assert f"{mark}{coverage:g}%" in row


def test_the_board_on_a3_is_the_same_board_larger(demo, tmp_path):
    a4, a3 = tmp_path / "a4.pdf", tmp_path / "a3.pdf"
    print_creation_board(demo, a4)
    pages = print_creation_board(demo, a3, paper="a3")
    reader = PdfReader(a3)
    assert round(float(reader.pages[0].mediabox.width)) == 1191  # A3 landscape, in points
    assert pages <= len(PdfReader(a4).pages)
    assert (
        "".join(_pages(a3)).replace("第", "")[:400] == "".join(_pages(a4)).replace("第", "")[:400]
    )


def test_the_board_is_a_printout_with_a_paper_choice():
    printout = registry.PRINTOUTS["fraud-free-board"]
    assert {argument.flag for argument in printout.arguments} == {"--area", "--paper"}
    assert registry.PRINTOUTS["fraud-free-sheet"].builder == "print_assessment_sheet"
    assert registry.PRINTOUTS["visit-tally"].builder == "print_visit_tally"


# -- the assessment sheet ------------------------------------------------------------------------


def test_the_assessment_sheet_has_every_criterion_its_evidence_and_the_signatures(demo, tmp_path):
    entry = _community_with(
        demo,
        "SELECT e.area_id, e.note, e.noted_on, a.name FROM fraud_free_evidence e"
        " JOIN areas a ON a.id = e.area_id WHERE e.deleted_at IS NULL AND e.note <> ''"
        " ORDER BY e.noted_on DESC LIMIT 1",
    )
    out = tmp_path / "sheet.pdf"
    assert print_assessment_sheet(demo, out, area_id=entry["area_id"]) == 1
    (page,) = _pages(out)
    assert "无诈社区创建验收表" in page and f"村（社区）：{entry['name']}" in page
    items = fraud_free.criteria(demo, enabled_only=True)
    for item in items:
        assert item.name_zh.replace(" ", "") in page
        assert "".join(item.definition.split()) in page
    assert "".join(entry["note"].split())[:10] in page
    result = fraud_free.board(demo, communities=[entry["area_id"]]).rows[0]
    met = sum(1 for value in result.results.values() if value.state == "met")
    assert f"共{len(items)}项，达标{met}项。" in page
    for line in ("验收意见：", "验收人（签名）：", "村（社区）负责人：", "验收单位（盖章）"):
        assert line in page


def test_the_sheets_of_an_area_are_a_page_a_community(demo, tmp_path):
    township = demo.query(
        "SELECT t.id, count(*) AS n FROM areas t JOIN areas a ON a.parent_id = t.id"
        " WHERE t.level = 'township' AND a.level = 'community' AND a.deleted_at IS NULL"
        " GROUP BY t.id ORDER BY n DESC LIMIT 1"
    )[0]
    names = [row["name"] for row in demo.query(
        "SELECT name FROM areas WHERE parent_id = ? AND deleted_at IS NULL", (township["id"],)
    )]  # fmt: skip
    out = tmp_path / "sheets.pdf"
    assert print_assessment_sheet(demo, out, area_id=township["id"]) == township["n"] > 1
    pages = _pages(out)
    for name in names:
        [page] = [page for page in pages if f"村（社区）：{name}验收日期" in page]
        assert "验收单位（盖章）" in page


# -- the trend ------------------------------------------------------------------------------------


def test_the_trend_prints_its_chart_and_the_twelve_months_figures_on_one_page(demo, tmp_path):
    county = demo.query("SELECT id, name FROM areas WHERE level = 'county' ORDER BY code")[0]
    out = tmp_path / "trend.pdf"
    assert print_fraud_free_trend(demo, out, area_id=county["id"], last=TODAY) == 1
    [text] = _pages(out)
    assert "无诈社区创建趋势" in text and county["name"] in text and "截至：2026年11月25日" in text
    assert "各月无诈社区创建率、反诈App安装率与入户走访覆盖率" in text  # the chart
    scope = [row["id"] for row in demo.query(
        "SELECT a.id FROM areas a JOIN areas t ON t.id = a.parent_id WHERE t.parent_id = ?",
        (county["id"],),
    )]  # fmt: skip
    trend = fraud_free.monthly_trend(demo, TODAY, scope)
    november = trend[-1]
    assert (
        f"2026年11月{november['fraud_free_communities']}个{november['fraud_free_share']:.1f}%"
        in (text)
    )
    assert f"{november['households_visited']:,}户" in text and "2025年12月" in text
    assert "口径：逐月统计十二个月" in text
    assert audit.recent(demo)[0]["action"] == "print"
    # A day to come is not a month yet: the trend stops at today.
    later = tmp_path / "later.pdf"
    print_fraud_free_trend(demo, later, last=date(2099, 1, 1))
    assert f"截至：{clock.today():%Y年%-m月%-d日}" in _pages(later)[0]
