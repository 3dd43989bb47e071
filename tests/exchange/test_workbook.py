"""The figures workbook as officers use it in Excel: moments as date cells, rates as
percentages, sums as numbers with their unit in the header, columns as wide as their text,
every list filtered with its header frozen and printed on each page, the keys of
``stats --json`` on a sheet of their own at the end."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import openpyxl
import pytest

from desktop.core.entities import Talk
from desktop.core.figures import BY_KEY, EVERY_FIGURE
from desktop.db.opening import open_database
from desktop.domain import areas, statistics, talks, warnings
from desktop.exchange import workbook as workbook_module
from desktop.exchange.workbook import export_workbook

CST = timezone(timedelta(hours=8))
RECEIVED = datetime(2026, 11, 10, 9, 5, 41, tzinfo=CST)
PERIOD = statistics.Period(date(2026, 11, 1), date(2026, 11, 30))
LONG_TITLE = "“守护老年人钱袋子”反诈骗主题宣传暨防范养老诈骗知识讲座进社区活动"  # 33 characters
LISTS = ["指标", "排名", "宣传覆盖挂图", "无诈社区趋势", "预警明细", "宣传活动明细"]


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("workbook") / "figures.sqlite3")
    county = areas.add_area(database, name="平安县", level="county")
    town = areas.add_area(database, name="城关镇", level="township", parent_id=county)
    community = areas.add_area(database, name="东门社区", level="community", parent_id=town)
    outcomes = [("dissuaded", "5.2万"), ("refused", None)]  # one of two closed: 50%
    for number, (outcome, protected) in enumerate(outcomes):
        warning = warnings.intake(
            database,
            {"name": "王秀英", "mobile": f"1380013800{number}", "source": "platform",
             "level": "high", "received_at": RECEIVED + timedelta(days=number),
             "area_id": community, "address": "城关镇东门社区中山路1号"},
            now=RECEIVED + timedelta(days=2),
        )  # fmt: skip
        warnings.close_warning(
            database, warning, outcome=outcome, amount_protected=protected,
            despite=("no_contact",), now=RECEIVED + timedelta(days=2),
        )  # fmt: skip
    talks.save_talk(
        database,
        Talk(title=LONG_TITLE, starts_at=datetime(2026, 11, 12, 9, 30, tzinfo=CST),
             ends_at=datetime(2026, 11, 12, 11, 0, tzinfo=CST), venue="东门社区活动室",
             area_id=community),
    )  # fmt: skip
    yield database
    database.close()


@pytest.fixture(scope="module")
def book(database, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "figures.xlsx"
    export_workbook(database, PERIOD, out, ranking_figure="money_protected")
    return openpyxl.load_workbook(out)  # not read-only: formats, widths and settings too


def _column(ws, header: str) -> list:
    """The cells under ``header`` in the first row."""
    index = [cell.value for cell in ws[1]].index(header)
    return [row[index] for row in ws.iter_rows(min_row=2)]


def _figures(ws) -> dict:
    return {row[0].value: row for row in ws.iter_rows(min_row=2)}


def test_moments_are_date_cells_to_the_minute(book):
    (received, later) = _column(book["预警明细"], "接收时间")
    assert received.is_date and received.number_format == "yyyy-mm-dd hh:mm"
    assert received.value == datetime(2026, 11, 10, 9, 5)  # as stored, seconds dropped
    assert later.value == datetime(2026, 11, 11, 9, 5)
    talk = book["宣传活动明细"]
    assert [c.value for c in (*_column(talk, "开始时间"), *_column(talk, "结束时间"))] == [
        datetime(2026, 11, 12, 9, 30), datetime(2026, 11, 12, 11, 0)
    ]  # fmt: skip
    assert {c.number_format for c in (*_column(talk, "开始时间"), *_column(talk, "结束时间"))} == {
        "yyyy-mm-dd hh:mm"
    }
    notes = {row[0].value: row[1:] for row in book["字段说明"].iter_rows() if row[0].value}
    first, last = notes["统计期间"][:2]
    assert (first.value.date(), last.value.date()) == (PERIOD.start, PERIOD.end)
    assert first.number_format == last.number_format == "yyyy-mm-dd"
    assert notes["导出时间"][0].number_format == "yyyy-mm-dd hh:mm"
    assert notes["统计范围"][0].value == "全辖区"


def test_rates_are_fractions_shown_as_percentages(book):
    figures = _figures(book["指标"])
    rate = figures["劝阻成功率"][1]
    assert rate.value == pytest.approx(0.5) and rate.number_format == "0.0%"
    assert rate.data_type == "n"
    assert figures["劝阻成功率"][2].value == "%"
    assert figures["村（社区）覆盖率"][1].value == 0  # no talk held: none of one community
    assert figures["首次联系用时（中位数）"][1].value == "—"  # nothing to compute it from
    # Return persuasion's and fraud-free creation's figures too, as Reports shows them.
    assert {"在册人数", "劝返率", "无诈社区", "入户走访覆盖率"} <= set(figures)
    assert figures["劝返率"][3].value == BY_KEY["return_rate"].definition_zh


def test_money_is_a_number_with_its_unit_in_the_header(book):
    figures = _figures(book["指标"])
    protected = figures["避免群众损失"]
    assert protected[1].value == pytest.approx(5.2) and protected[1].number_format == "#,##0.00"
    assert protected[2].value == "万元"
    ranking = book["排名"]
    assert [c.value for c in ranking[1]] == ["名次", "地区", "避免群众损失（万元）"]
    assert ranking["C2"].value == pytest.approx(5.2) and ranking["C2"].number_format == "#,##0.00"
    # per case in 元, to the fen, as the case record states it
    amounts = _column(book["预警明细"], "保护资金（元）")
    assert amounts[0].value == 52000 and amounts[0].number_format == "#,##0.00"
    assert amounts[1].value is None
    counts = figures["接收预警"]
    assert (counts[1].value, counts[1].number_format, counts[2].value) == (2, "#,##0", "条")


def test_columns_are_as_wide_as_their_text(book):
    def width(ws, header: str) -> float:
        index = [cell.value for cell in ws[1]].index(header)
        return ws.column_dimensions[openpyxl.utils.get_column_letter(index + 1)].width

    talk = book["宣传活动明细"]
    assert width(talk, "主题") == workbook_module.MAX_WIDTH  # 66 wide: capped
    assert width(talk, "地点") >= 2 * len("东门社区活动室")  # a Chinese character counts two
    assert width(talk, "开始时间") >= len("2026-11-12 09:30")
    assert width(book["预警明细"], "住址") >= 2 * len("城关镇东门社区")
    assert width(book["指标"], "口径") == workbook_module.WRAP_WIDTH  # definitions wrap
    for ws in book.worksheets:
        for dimension in ws.column_dimensions.values():
            assert dimension.width >= workbook_module.MIN_WIDTH


def test_wrapped_definitions_get_rows_tall_enough(book):
    ws = book["指标"]
    longest = max(ws.iter_rows(min_row=2), key=lambda row: len(row[3].value))
    assert longest[3].alignment.wrap_text
    assert ws.row_dimensions[longest[3].row].height >= 2 * workbook_module.LINE_HEIGHT


def test_every_list_is_filtered_frozen_and_prints_on_a4_landscape(book):
    assert book.sheetnames == [*LISTS, "字段说明"]
    for ws in book.worksheets:
        last_column = openpyxl.utils.get_column_letter(len(ws[1]))
        rows = 1 + (len(EVERY_FIGURE) if ws.title in ("指标", "字段说明") else ws.max_row - 1)
        assert ws.auto_filter.ref == f"A1:{last_column}{rows}", ws.title
        assert ws.freeze_panes == ("B2" if ws.title == "宣传覆盖挂图" else "A2")
        assert ws.print_title_rows == "$1:$1"
        setup = ws.page_setup
        assert (setup.orientation, str(setup.paperSize)) == ("landscape", ws.PAPERSIZE_A4)
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddHeader.center.text == f"全辖区　2026年11月1日—11月30日　{ws.title}"
        assert ws[1][0].font.b  # the header row


def test_the_keys_are_on_the_last_sheet_and_nowhere_else(book):
    keys = book.worksheets[-1]
    assert [c.value for c in keys[1]] == ["指标", "键名（stats --json）", "单位", "口径"]
    rows = [
        [c.value for c in row] for row in keys.iter_rows(min_row=2, max_row=1 + len(EVERY_FIGURE))
    ]
    assert [row[1] for row in rows] == [figure.key for figure in EVERY_FIGURE]
    assert [row[0] for row in rows] == [figure.name_zh for figure in EVERY_FIGURE]
    assert [row[3] for row in rows] == [figure.definition_zh for figure in EVERY_FIGURE]
    shown = {cell.value for ws in book.worksheets[:-1] for row in ws.iter_rows() for cell in row}
    assert not shown & {figure.key for figure in EVERY_FIGURE}


def test_no_cell_is_a_formula_and_people_are_masked(book):
    cells = [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    values = {str(cell.value) for cell in cells}
    assert "138****8000" in values and "王某" in values
    assert not any("13800138000" in value or "王秀英" in value for value in values)


def test_a_cut_list_keeps_its_note_outside_the_filter(database, tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_module, "LIST_LIMIT", 1)
    out = tmp_path / "cut.xlsx"
    counts = export_workbook(database, PERIOD, out)
    assert counts["预警明细"] == 1
    ws = openpyxl.load_workbook(out)["预警明细"]
    assert ws.auto_filter.ref == "A1:P2"
    assert ws["A3"].value == "（仅列出前1行）"


def test_the_fraud_free_trend_is_the_figures_month_by_month(tmp_path):
    """Twelve months to the period's last, each a row of the fraud-free figures as numbers
    Excel computes with; the trend's definition is on the key sheet."""
    from desktop.core.figures import FRAUD_FREE_TREND, TREND_DEFINITION_ZH
    from desktop.domain import community_visits, fraud_free

    database = open_database(tmp_path / "trend.sqlite3")
    county = areas.add_area(database, name="平安县", level="county")
    town = areas.add_area(database, name="城关镇", level="township", parent_id=county)
    community = areas.add_area(database, name="东门社区", level="community", parent_id=town)
    areas.add_area(database, name="西门社区", level="community", parent_id=town)
    community_visits.set_households(database, community, 200)
    community_visits.add_visit(
        database, {"area_id": community, "visited_on": "2026-11-10", "households_visited": 50,
                   "households_at_home": 40, "app_installed_new": 10, "app_already": 20},
        today=date(2026, 11, 30),
    )  # fmt: skip
    fraud_free.record_status(database, community, "awarded", "2026-10-15", awarded_by="县综治办",
                             correction_reason="补录", today=date(2026, 11, 30))  # fmt: skip
    out = tmp_path / "trend.xlsx"
    export_workbook(database, PERIOD, out)
    book = openpyxl.load_workbook(out)
    ws = book["无诈社区趋势"]
    header = [cell.value for cell in ws[1]]
    assert header[0] == "月份" and len(header) == 1 + len(FRAUD_FREE_TREND)
    rows = {row[0].value: row[1:] for row in ws.iter_rows(min_row=2)}
    assert list(rows)[0] == "2025年12月" and list(rows)[-1] == "2026年11月" and len(rows) == 12
    by_figure = {figure.key: index for index, figure in enumerate(FRAUD_FREE_TREND)}
    november, september = rows["2026年11月"], rows["2026年9月"]
    assert november[by_figure["fraud_free_communities"]].value == 1
    assert november[by_figure["fraud_free_share"]].value == pytest.approx(0.5)
    assert november[by_figure["visit_coverage"]].value == pytest.approx(0.25)
    assert november[by_figure["app_installation_rate"]].number_format == "0.0%"
    assert november[by_figure["app_installation_rate"]].value == pytest.approx(0.75)
    assert september[by_figure["fraud_free_communities"]].value == 0  # awarded in October
    assert september[by_figure["app_installation_rate"]].value == "—"  # no visit that month
    keys = [cell.value for row in book["字段说明"].iter_rows() for cell in row]
    assert TREND_DEFINITION_ZH in keys
    database.close()
