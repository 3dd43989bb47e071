"""The work briefing (工作简报) on paper: header block, body, annexes each on a page of its own,
distribution block at the foot of the last page, page numbers in the outer corners — read back
out of the PDF."""

from __future__ import annotations

import io
import re
import threading
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing

from desktop.demo import generate_demo
from desktop.domain.statistics import Period
from desktop.reports import charts
from desktop.reports.briefing import FOLIO_DROP, OFFICIAL, TREND_HEIGHT, _Charts, build_briefing
from desktop.reports.briefing_issue import Distribution
from desktop.reports.documents import briefing_data, compose_briefing, print_briefing

TODAY = date(2026, 11, 25)
OCTOBER = Period.month(2026, 10)
LINE_STARTS_FORBIDDEN = "，。；：、）"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from desktop.db.opening import open_database

    database = open_database(tmp_path_factory.mktemp("briefing") / "demo.sqlite3")
    generate_demo(database, seed=2, today=TODAY)
    yield database
    database.close()


@pytest.fixture(scope="module")
def county(demo) -> str:
    return demo.scalar("SELECT id FROM areas WHERE level = 'county' ORDER BY code LIMIT 1")


@pytest.fixture(scope="module")
def month_of_county(demo, county) -> bytes:
    """A month's briefing of a county as the program prints it."""
    out = io.BytesIO()
    print_briefing(demo, OCTOBER, out, area_id=county)
    return out.getvalue()


@pytest.fixture(scope="module")
def issued(demo, county) -> tuple[bytes, object]:
    """The same month as an issue with its number, unit and distribution."""
    data = briefing_data(demo, OCTOBER, county)
    issue = replace(
        compose_briefing(demo, OCTOBER, county, data),
        number=7,
        unit="凤山县公安局反诈中心",
        issued_on=date(2026, 11, 5),
        distribution=Distribution(
            report_to="市公安局反诈中心", copy_to="县委政法委",
            send_to="各派出所、各乡镇（街道）综治中心", copies=40,
        ),
    )  # fmt: skip
    out = io.BytesIO()
    build_briefing(out, issue, data)
    return out.getvalue(), issue


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in _reader(pdf).pages]


def _positions(page, pattern: str) -> list[tuple[float, float]]:
    """Where text matching ``pattern`` is drawn on ``page`` (x, y of its start, in points)."""
    found = []

    def visit(text, cm, tm, _font, _size):
        if re.search(pattern, text):
            found.append((cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]))

    page.extract_text(visitor_text=visit)
    return found


def test_the_header_block_names_the_briefing_its_issue_unit_and_date(issued):
    pdf, issue = issued
    first = _flat(_texts(pdf)[0])
    assert first.startswith("反诈工作简报第7期凤山县公安局反诈中心2026年11月5日")
    assert _flat(issue.title) in first
    # The name is set in the header block's red; the rule under it is red too.
    content = _reader(pdf).pages[0].get_contents().get_data()
    assert re.search(rb"\s0?\.75 0 0 rg", content) and re.search(rb"\s0?\.75 0 0 RG", content)


def test_each_annex_starts_a_page(month_of_county):
    texts = [_flat(text) for text in _texts(month_of_county)]
    starts = [index for index, text in enumerate(texts) if text.startswith("附件")]
    assert [texts[index][:3] for index in starts] == [f"附件{n}" for n in range(1, 7)]
    assert "附件：1．主要指标及口径" in "".join(texts[: starts[0]])
    assert "口径" in texts[starts[0]] and "排名" in texts[starts[1]]
    assert "宣传覆盖挂图" in texts[starts[2]]
    # The ranking (chart, table and note) fits a page: it is kept on the annex's one page.
    assert starts[2] - starts[1] == 1 and "并列数值名次相同" in texts[starts[1]]
    # Tables longer than a page run on with their column heads repeated at the top.
    assert starts[1] - starts[0] == 2 and texts[starts[0] + 1].startswith("指标数值口径")
    # A month's coverage board (30 communities) is set in two halves: one page, its note on it.
    assert starts[3] - starts[2] == 1 and "数字为当月已开展宣传活动场次" in texts[starts[2]]
    # 两卡 by township, 劝返 and 无诈社区 by county, each on its one page with its definitions.
    assert "涉“两卡”人员情况" in texts[starts[3]] and "口径：新增涉“两卡”人员" in texts[starts[3]]
    assert "劝返工作情况" in texts[starts[4]] and starts[5] - starts[4] == 1
    assert "无诈社区创建情况" in texts[starts[5]] and "口径：无诈社区" in texts[starts[5]]
    assert len(texts) - starts[5] == 1
    assert texts[starts[2]].count("村（社区）＼月份") == 2


def test_no_line_starts_with_a_closing_mark(month_of_county, issued):
    for pdf in (month_of_county, issued[0]):
        for number, text in enumerate(_texts(pdf), start=1):
            for line in text.splitlines():
                line = line.strip()
                assert not line or line[0] not in LINE_STARTS_FORBIDDEN, (number, line)


def test_page_numbers_sit_in_the_outer_corners_under_the_type_area(month_of_county):
    middle = OFFICIAL.width / 2
    for number, page in enumerate(_reader(month_of_county).pages, start=1):
        assert f"— {number} —" in page.extract_text()
        # The folio is the lowest "—": a table's (a rate with nothing to compute it from) is not.
        x, y = min(_positions(page, "—"), key=lambda position: position[1])
        assert (x > middle) if number % 2 else (x < middle), number  # odd right, even left
        assert y < OFFICIAL.bottom - FOLIO_DROP


def test_the_distribution_block_ends_the_last_page(issued):
    last = _reader(issued[0]).pages[-1]
    text = _flat(last.extract_text())
    assert "报：市公安局反诈中心" in text and "送：县委政法委" in text
    assert "发：各派出所、各乡镇（街道）综治中心" in text and "共印40份" in text
    # At the foot of the type area, under everything else on that page.
    (_x, y), *_ = _positions(last, "共")
    assert OFFICIAL.bottom < y < OFFICIAL.bottom + 12 * 2.8346
    heights = [y for (_x, y) in _positions(last, r"\S") if y > OFFICIAL.bottom]
    assert min(heights) == pytest.approx(y, abs=1)


def test_every_face_is_embedded(month_of_county, fonts_of, tmp_path):
    path = tmp_path / "briefing.pdf"
    path.write_bytes(month_of_county)
    fonts = fonts_of(path)
    assert fonts and all(font["embedded"] for font in fonts), fonts


def test_no_chart_draws_outside_its_own_box():
    """A chart's axis numbers hanging under it printed over the table that followed."""
    drawings = [
        charts.area_bars([("凤城镇", 4), ("岩牙乡", 2), ("乔音乡", 2), ("金牙瑶族乡", 1)], "x"),
        charts.trend_chart(
            [
                {"month": f"2026-{m:02}", "warnings_received": 9 * m, "dissuaded": 7 * m}
                for m in range(1, 13)
            ],
            height=TREND_HEIGHT,
        ),  # fmt: skip
        charts.outcome_pie({"dissuaded": 9, "defrauded": 1, "false_alarm": 1}),
    ]
    for drawing in drawings:
        x0, y0, x1, y1 = drawing.getBounds()
        assert x0 >= 0 and y0 >= 0 and x1 <= drawing.width and y1 <= drawing.height


def _first_annex_page(pdf: bytes) -> int:
    """The index of the page 附件1 starts; the body ends on the page before with its list of
    annexes (附件：1．…)."""
    texts = [_flat(text) for text in _texts(pdf)]
    first = next(index for index, text in enumerate(texts) if re.match(r"附件\d", text))
    assert "附件：1．主要指标及口径" in texts[first - 1]
    return first


def test_the_body_of_a_month_for_a_county_fits_three_pages(month_of_county):
    assert _first_annex_page(month_of_county) <= 3


@pytest.mark.parametrize("month", [9, 11])
def test_every_countys_month_of_the_demo_fits_three_pages(demo, month):
    """The demo's counties differ in how much went wrong (the longest text): each month's body
    still ends on its third page (its second before the 劝返 and 两卡 paragraphs), shortened
    as CUTS allows."""
    counties = [row["id"] for row in demo.query("SELECT id FROM areas WHERE level = 'county'")]
    for county in counties:
        out = io.BytesIO()
        print_briefing(demo, Period.month(2026, month), out, area_id=county)
        assert _first_annex_page(out.getvalue()) <= 3, county


def test_an_annexs_charts_shrink_a_little_or_move_together():
    charts = _Charts([Drawing(400, 160), Drawing(400, 180)], gap=10)  # needs 360 points
    assert charts.wrap(450, 1000) == (450, 360) and charts.scale == 1
    _width, height = charts.wrap(450, 300)  # 83% of what they need: set smaller
    assert height == 300 and charts.scale == pytest.approx(300 / 360)
    _width, height = charts.wrap(450, 200)  # 56%: too small to read, to the next page whole
    assert height == 360 and charts.scale == 1
    assert charts.split(450, 200) == []


def test_no_chart_stands_alone_on_a_page_of_a_years_briefing(demo):
    out = io.BytesIO()
    print_briefing(demo, Period.year(2026), out)
    texts = [_flat(text) for text in _texts(out.getvalue())]
    [pie] = [text for text in texts if "已结案预警处置结果构成" in text]
    assert "各月接收预警与成功劝阻" in pie


def test_the_list_of_annexes_stays_whole_and_with_the_body(demo):
    """An empty day's body is one line too long for its first page: the list of annexes and
    the paragraph before it go over together, never the list's last line alone."""
    out = io.BytesIO()
    print_briefing(demo, Period(date(2020, 3, 3), date(2020, 3, 3)), out)
    texts = [_flat(text) for text in _texts(out.getvalue())]
    [page] = [text for text in texts if "附件：1．" in text]
    assert "3．宣传覆盖挂图" in page
    before = page[: page.index("附件：1．")]
    assert re.sub(r"—\d+—", "", before), "the list is not the first thing on its page"


@pytest.mark.parametrize("area", [None, "county"])
def test_the_two_halves_read_at_once_give_what_one_after_the_other_gives(
    demo, county, area, monkeypatch
):
    """briefing_data reads its figures and its ledgers' annexes on two connections at once
    (``parallel.read_both``); one after the other on one connection they are the same."""
    from desktop.db import parallel

    area_id = county if area else None
    threads: list[str] = []
    read_both = parallel.read_both

    def watched(database, first, second):
        def on_second(reading):
            threads.append(threading.current_thread().name)
            assert reading is not database  # a connection of its own
            return second(reading)

        return read_both(database, first, on_second)

    monkeypatch.setattr(parallel, "read_both", watched)
    at_once = briefing_data(demo, Period.year(2026), area_id)
    assert threads == ["second reader"]
    monkeypatch.setattr(
        parallel, "read_both", lambda database, first, second: (first(database), second(database))
    )
    one_after_the_other = briefing_data(demo, Period.year(2026), area_id)
    assert at_once.breakdown is not None and at_once.breakdown.by_fraud_type
    assert at_once.cards_rows and at_once.returns_ranked and at_once.ranking
    moment = at_once.generated_at
    assert replace(one_after_the_other, generated_at=moment) == at_once
