"""The fraud-free trend (无诈社区趋势) of the area chosen: the fraud-free figures month by month
over the twelve months to this one — the months down the side, the figures across, each
header with its definition — and the printed chart of the rates above them (the reportlab
drawing Reports and paper show, as SVG). Read and drawn on the worker when the tab is shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.figures import FRAUD_FREE_TREND, TREND_DEFINITION
from desktop.db.database import Database
from desktop.ui.labels import figure_definition, figure_name, figure_text
from desktop.ui.qt import Qt
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import AreaPicker, FillWhenShown, LatestReading, Retranslating


def read_trend(database: Database, area_id: str | None, today: date) -> tuple[list[dict], bytes]:
    """The trend of the area (None: every community) to ``today`` and its chart as SVG (on
    the worker: drawing loads reportlab and the CJK font)."""
    from desktop.domain import fraud_free
    from desktop.domain.areas import subtree_ids
    from desktop.reports import charts

    scope = None if area_id is None else list(subtree_ids(database, area_id))
    trend = fraud_free.monthly_trend(database, today, scope)
    return trend, charts.to_svg(charts.fraud_free_trend_chart(trend))


class TrendTab(LatestReading, FillWhenShown, Retranslating, QWidget):
    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.trend: list[dict] | None = None
        self.area = AreaPicker(database)
        self.area.setMinimumWidth(200)
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.chart = QSvgWidget()
        self.table = QTableWidget(0, 1 + len(FRAUD_FREE_TREND))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

        top = QHBoxLayout()
        top.addWidget(self.area)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.definition)
        layout.addWidget(self.chart, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.table, 1)

        self.area.currentIndexChanged.connect(lambda _index: self.reload())
        self.area.lineEdit().editingFinished.connect(self.reload)
        self.retranslate()

    def retranslate(self) -> None:
        self.area.lineEdit().setPlaceholderText(self.tr("every area"))
        self.definition.setText(QCoreApplication.translate("Figures", TREND_DEFINITION))
        headers = [self.tr("Month")] + [figure_name(f.key) for f in FRAUD_FREE_TREND]
        self.table.setHorizontalHeaderLabels(headers)
        for column, figure in enumerate(FRAUD_FREE_TREND, start=1):
            self.table.horizontalHeaderItem(column).setToolTip(figure_definition(figure.key))
        self._show_table()

    def set_database(self, database: Database) -> None:
        self.database = database
        self.area.database = database
        self.trend = None
        self.reload()

    def _fill(self) -> None:
        area_id, today = self.area.area_id(), clock.today()
        self.read_on_worker(lambda database: read_trend(database, area_id, today))

    def _show_reading(self, data) -> None:
        self.trend, svg = data
        self.chart.load(svg)
        size = self.chart.renderer().defaultSize()
        self.chart.setFixedSize(QSize(size.width() * 3 // 2, size.height() * 3 // 2))
        self._show_table()

    def _show_table(self) -> None:
        months = self.trend or []
        self.table.setRowCount(len(months))
        for row, month in enumerate(reversed(months)):  # this month first
            self.table.setItem(row, 0, QTableWidgetItem(month["month"]))
            for column, figure in enumerate(FRAUD_FREE_TREND, start=1):
                item = QTableWidgetItem(figure_text(figure.key, month[figure.key]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
