"""The fraud-free trend's chart: a line a rate, told apart without colour, a line with no
month measured left out, and a chart with nothing to show saying so."""

from __future__ import annotations

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import String

from desktop.reports import charts


def _month(month: str, share=None, app=None, coverage=None) -> dict:
    return {"month": month, "fraud_free_communities": 0, "fraud_free_share": share,
            "app_installation_rate": app, "visit_coverage": coverage, "households_visited": 0}  # fmt: skip


def _texts(drawing) -> list[str]:
    return [item.text for item in drawing.contents if isinstance(item, String)]


def _chart(drawing) -> HorizontalLineChart:
    return next(item for item in drawing.contents if isinstance(item, HorizontalLineChart))


def test_each_rate_is_a_line_of_its_own_dash_and_the_months_name_their_year():
    trend = [_month("2025-12", 0.0, 70.0, 9.0), _month("2026-01", 10.0, None, 8.5),
             _month("2026-02", 12.5, 72.0, 9.5)]  # fmt: skip
    drawing = charts.fraud_free_trend_chart(trend)
    chart = _chart(drawing)
    assert chart.data == [[0.0, 10.0, 12.5], [70.0, None, 72.0], [9.0, 8.5, 9.5]]
    assert chart.categoryAxis.categoryNames == ["2025年\n12月", "2026年\n1月", "2月"]
    dashes = {chart.lines[index].strokeDashArray for index in range(3)}
    assert len(dashes) == 3  # printed in black and white, each line still told apart
    assert {"无诈社区创建率", "反诈App安装率", "入户走访覆盖率"} <= set(_texts(drawing))
    svg = charts.to_svg(drawing).decode("utf-8")
    assert "fill: None" not in svg and "<polyline" in svg  # lines, not black shapes on screen


def test_a_rate_never_measured_is_left_out_and_nothing_measured_is_said():
    drawing = charts.fraud_free_trend_chart([_month("2026-01", 0.0), _month("2026-02", 0.0)])
    assert _chart(drawing).data == [[0.0, 0.0]]
    assert "反诈App安装率" not in _texts(drawing)
    empty = charts.fraud_free_trend_chart([_month("2026-01"), _month("2026-02")])
    assert "近十二个月无走访、创建记录" in _texts(empty)
    assert not any(isinstance(item, HorizontalLineChart) for item in empty.contents)
