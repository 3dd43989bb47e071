"""The briefing's charts, drawn once with reportlab graphics: placed in the PDF as they are, and
shown on screen as SVG, so what the officer sees is what prints.

Black, white and greys only, with hatching where bars stand side by side: briefings are
printed on black-and-white office printers.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from desktop.core.catalogue import OUTCOMES, zh_name
from desktop.reports.fonts import register_fonts

DARK = colors.Color(0.15, 0.15, 0.15)
MID = colors.Color(0.55, 0.55, 0.55)
LIGHT = colors.Color(0.85, 0.85, 0.85)
SHADES = (
    DARK,
    MID,
    LIGHT,
    colors.Color(0.35, 0.35, 0.35),
    colors.Color(0.7, 0.7, 0.7),
    colors.white,
)


def _chart_font() -> str:
    """The CJK font, also as the drawings' starting font: reportlab otherwise opens every
    drawing with Helvetica, a font the PDF would then name without embedding."""
    from reportlab.graphics import shapes

    font = register_fonts()
    shapes.STATE_DEFAULTS["fontName"] = font
    return font


def _title(drawing: Drawing, title: str, font: str) -> None:
    # A white sheet under the chart: on screen an SVG without one shows the widget's colour.
    drawing.add(Rect(0, 0, drawing.width, drawing.height, fillColor=colors.white,
                     strokeColor=None))  # fmt: skip
    drawing.add(String(drawing.width / 2, drawing.height - 14, title, fontName=font,
                       fontSize=11, textAnchor="middle"))  # fmt: skip


# The most months a trend shows month by month; a longer one goes by quarter, and past
# QUARTERS_AT_MOST months by year: 120 bars of a ten-year period would be hairlines under
# labels printed over each other.
MONTHS_AT_MOST = 12
QUARTERS_AT_MOST = 36
QUARTER_NAMES = "一二三四"


def trend_steps(trend: list[dict]) -> tuple[str, list[tuple[str, int, int]]]:
    """The trend's months added up into the steps its chart shows: (the step's name, 月, 季度
    or 年, and per step its label, warnings received and dissuaded). A year the period takes
    only part of names its months (2023年7—12月)."""
    if len(trend) <= MONTHS_AT_MOST:
        steps = [(f"{int(month['month'][5:])}月", [month]) for month in trend]
        unit = "月"
    else:
        by_quarter = len(trend) <= QUARTERS_AT_MOST
        unit = "季度" if by_quarter else "年"
        grouped: dict[str, list[dict]] = {}
        for month in trend:
            year, number = month["month"][:4], int(month["month"][5:])
            key = f"{year}年\n{QUARTER_NAMES[(number - 1) // 3]}季度" if by_quarter else year
            grouped.setdefault(key, []).append(month)
        steps = []
        for key, months in grouped.items():
            first, last = int(months[0]["month"][5:]), int(months[-1]["month"][5:])
            if by_quarter or (first, last) == (1, 12):
                label = key if by_quarter else f"{key}年"
            else:
                part = f"{first}月" if first == last else f"{first}—{last}月"
                label = f"{key}年\n{part}"
            steps.append((label, months))
    return unit, [
        (label, sum(m["warnings_received"] for m in months), sum(m["dissuaded"] for m in months))
        for label, months in steps
    ]


def trend_chart(trend: list[dict], width: float = 440, height: float = 200) -> Drawing:
    """Warnings received and dissuaded per month, side by side; a long period's by quarter or
    year (``trend_steps``)."""
    font = _chart_font()
    drawing = Drawing(width, height)
    unit, steps = trend_steps(trend)
    _title(drawing, f"各{unit}接收预警与成功劝阻", font)
    chart = VerticalBarChart()
    chart.x, chart.y = 45, 35
    chart.width, chart.height = width - 70, height - 75
    chart.data = [
        [received for _label, received, _dissuaded in steps] or [0],
        [dissuaded for _label, _received, dissuaded in steps] or [0],
    ]
    chart.categoryAxis.categoryNames = [label for label, _r, _d in steps] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor = DARK
    chart.bars[1].fillColor = LIGHT
    chart.bars.strokeColor = colors.black
    chart.bars.strokeWidth = 0.4
    chart.barSpacing = 1
    chart.groupSpacing = 6
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 150, height - 26
    legend.fontName = font
    legend.fontSize = 8
    legend.columnMaximum = 1
    legend.alignment = "right"
    legend.colorNamePairs = [(DARK, "接收预警"), (LIGHT, "成功劝阻")]
    legend.strokeColor = colors.black
    legend.strokeWidth = 0.4
    legend.dx, legend.dy = 8, 8
    legend.deltax = 70
    drawing.add(legend)
    return drawing


# The fraud-free trend's lines: the figure, its name in the legend, and how the line is drawn
# so that it is told apart in black and white (colour, dashes, marker).
FRAUD_FREE_LINES = (
    ("fraud_free_share", "无诈社区创建率", DARK, None, "FilledCircle"),
    ("app_installation_rate", "反诈App安装率", colors.black, (4, 2), "FilledSquare"),
    ("visit_coverage", "入户走访覆盖率", MID, (1, 2), "FilledTriangle"),
)


def month_label(month: str, first: bool) -> str:
    """A trend's month on its axis (3月); the first month and each January name the year."""
    number = int(month[5:])
    return f"{month[:4]}年\n{number}月" if first or number == 1 else f"{number}月"


def fraud_free_trend_chart(trend: list[dict], width: float = 440, height: float = 210) -> Drawing:
    """The fraud-free trend (``fraud_free.monthly_trend``): the share of communities created,
    app installation and household visit coverage, month by month, in percent; a line with
    no month measured is left out, and with none the chart says so."""
    font = _chart_font()
    drawing = Drawing(width, height)
    _title(drawing, "各月无诈社区创建率、反诈App安装率与入户走访覆盖率", font)
    lines = [
        (name, colour, dashes, marker, [month[key] for month in trend])
        for key, name, colour, dashes, marker in FRAUD_FREE_LINES
        if any(month[key] is not None for month in trend)
    ]
    if not lines:
        drawing.add(String(width / 2, height / 2, "近十二个月无走访、创建记录", fontName=font,
                           fontSize=10, textAnchor="middle"))  # fmt: skip
        return drawing
    chart = HorizontalLineChart()
    chart.x, chart.y = 45, 45
    chart.width, chart.height = width - 70, height - 88
    chart.data = [values for *_style, values in lines]
    chart.categoryAxis.categoryNames = [
        month_label(month["month"], index == 0) for index, month in enumerate(trend)
    ]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.joinedLines = True
    for index, (_name, colour, dashes, marker, _values) in enumerate(lines):
        chart.lines[index].strokeColor = colour
        chart.lines[index].strokeWidth = 1.2
        chart.lines[index].strokeDashArray = dashes
        chart.lines[index].symbol = makeMarker(marker, size=4, fillColor=colour,
                                               strokeColor=colour)  # fmt: skip
    drawing.add(chart)
    # The legend drawn by hand: reportlab's legends show a colour, not a dash and a marker.
    step = (width - 90) / len(lines)
    for index, (name, colour, dashes, marker, _values) in enumerate(lines):
        x, y = 45 + index * step, height - 32
        drawing.add(Line(x, y + 3, x + 22, y + 3, strokeColor=colour, strokeWidth=1.2,
                         strokeDashArray=dashes))  # fmt: skip
        symbol = makeMarker(marker, size=4, fillColor=colour, strokeColor=colour)
        symbol.x, symbol.y = x + 11, y + 3
        drawing.add(symbol)
        drawing.add(String(x + 26, y, name, fontName=font, fontSize=8))
    return drawing


def area_bars(
    rows: list[tuple[str, float]], title: str, width: float = 440, height: float | None = None
) -> Drawing:
    """One bar per area (already ranked), value at the end of each bar."""
    font = _chart_font()
    height = height or max(132, 52 + 18 * len(rows))
    drawing = Drawing(width, height)
    _title(drawing, title, font)
    chart = HorizontalBarChart()
    # The value axis's numbers hang under the axis: room for them inside the drawing, or they
    # print over whatever follows it.
    chart.x, chart.y = 110, 22
    chart.width, chart.height = width - 160, height - 52
    values = [value or 0 for _name, value in reversed(rows)] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [name for name, _value in reversed(rows)] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor = MID
    chart.bars.strokeColor = colors.black
    chart.bars.strokeWidth = 0.4
    chart.barLabelFormat = "%d" if all(float(v).is_integer() for v in values) else "%.2f"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def outcome_pie(by_outcome: dict[str, int], width: float = 440, height: float = 190) -> Drawing:
    """Shares of the closed cases by outcome (those with none are left out)."""
    font = _chart_font()
    drawing = Drawing(width, height)
    _title(drawing, "已结案预警处置结果构成", font)
    shown = [(code, count) for code, count in by_outcome.items() if count]
    total = sum(count for _code, count in shown)
    if not shown:
        drawing.add(String(width / 2, height / 2, "期内无已结案预警", fontName=font,
                           fontSize=10, textAnchor="middle"))  # fmt: skip
        return drawing
    pie = Pie()
    pie.x, pie.y = 40, 15
    pie.width = pie.height = height - 45
    pie.data = [count for _code, count in shown]
    pie.labels = None
    pie.slices.strokeColor = colors.black
    pie.slices.strokeWidth = 0.5
    for index, _item in enumerate(shown):
        pie.slices[index].fillColor = SHADES[index % len(SHADES)]
    drawing.add(pie)
    legend = Legend()
    legend.x, legend.y = height + 10, height - 40
    legend.columnMaximum = len(shown)  # one column: the labels are long
    legend.alignment = "right"  # the swatch before its label
    legend.fontName = font
    legend.fontSize = 9
    legend.strokeColor = colors.black
    legend.strokeWidth = 0.4
    legend.colorNamePairs = [
        (SHADES[index % len(SHADES)],
         f"{zh_name(OUTCOMES, code)}　{count:,}（{100 * count / total:.1f}%）")
        for index, (code, count) in enumerate(shown)
    ]  # fmt: skip
    drawing.add(legend)
    return drawing


def to_svg(drawing: Drawing) -> bytes:
    from reportlab.graphics import renderSVG

    # reportlab writes an unfilled polyline's style as "fill: None"; SVG knows only "none", and
    # Qt's renderer fills the line's shape black when it meets the other spelling.
    svg = renderSVG.drawToString(drawing).replace("fill: None;", "fill: none;")
    return svg.encode("utf-8")
