"""统计简报: the figures of a period and area with their definitions (those of return persuasion,
of card sellers and of fraud-free communities too), the charts, the ranking (by any of them:
by 劝返率, a month's is the county ranking; by 无诈社区创建率 the counties' share created), the
coverage board (挂图作战), the briefing PDF, the Excel export and the ledgers' printouts of the
area (劝返 ledger and board, the card sellers' register, the fraud-free board, a community's
assessment sheet, the blank door-to-door tally sheet and the fraud-free trend).

Everything is computed on the worker. The charts are the briefing's own reportlab drawings
shown as SVG, so the screen and the printout agree.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QSize, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.core.errors import OutreachError
from desktop.core.figures import FIGURES, FRAUD_FREE_FIGURES, RETURN_FIGURES
from desktop.db.database import Database
from desktop.ui.labels import figure_definition, figure_name, figure_text, shown_date
from desktop.ui.qt import Qt
from desktop.ui.tasks import Task, TaskRunner, on_worker
from desktop.ui.widgets import (
    AreaPicker,
    FillWhenShown,
    LatestReading,
    Menu,
    Retranslating,
    error_label,
    plain_label,
    show_problem,
)

EMPTY_CELL = QColor("#ffe0e0")
SHOWN = (*FIGURES, *RETURN_FIGURES, *FRAUD_FREE_FIGURES)
RANKABLE = tuple(f.key for f in SHOWN)
# The printouts of the area's ledgers offered here (reports.registry), their arguments filled
# from the period and area chosen.
LEDGER_PRINTOUTS = ("return-ledger", "return-board", "card-register", "fraud-free-board",
                    "fraud-free-sheet", "visit-tally", "fraud-free-trend")  # fmt: skip


def read_reports(
    database: Database,
    period,
    area_id: str | None,
    rank_by: str,
    laptops: tuple[str, str] | None = None,
    rank_over: str = "areas",
) -> dict:
    """The figures, trends, ranking and coverage board — on the worker; the charts are drawn
    when their tab is shown (``chart_svgs``).
    ``laptops``: ("station", name) or ("device", id) keeps the records of those laptops;
    ``rank_over``: "areas", "stations" or "laptops" (a county's merged data)."""
    from desktop.domain import fraud_free, statistics

    devices = statistics.chosen_devices(database, laptops)
    figures = statistics.compute_figures(database, period, area_id, devices=devices)
    trend = statistics.monthly_trend(database, period, area_id, devices)
    # The fraud-free trend: the twelve months to the period's last (a month still running
    # ends today).
    fraud_free_trend = fraud_free.monthly_trend(
        database, min(period.end, clock.today()), statistics.area_scope(database, area_id),
        devices,
    )  # fmt: skip
    if rank_over == "areas":
        ranked = statistics.ranking(database, period, rank_by, parent_id=area_id, devices=devices)
    else:
        ranked = statistics.laptop_ranking(
            database, period, rank_by, by_station=rank_over == "stations", area_id=area_id
        )
    board = statistics.coverage_board(database, period, area_id)
    return {
        "figures": figures, "trend": trend, "fraud_free_trend": fraud_free_trend,
        "ranking": ranked, "rank_by": rank_by,
        "rank_over": rank_over, "board": board, "svgs": None,
    }  # fmt: skip


def chart_svgs(data: dict) -> list[bytes]:
    """The briefing's charts of a reading, as SVG (on the worker). Drawing them loads
    reportlab and the CJK font, about 40 MB: done only when the Charts tab is shown."""
    from desktop.core.figures import BY_KEY
    from desktop.reports import charts

    figures, trend, ranked = data["figures"], data["trend"], data["ranking"]
    svgs = [charts.to_svg(charts.outcome_pie(figures["warnings_by_outcome"]))]
    if len(trend) > 1:
        svgs.insert(0, charts.to_svg(charts.trend_chart(trend)))
    svgs.append(charts.to_svg(charts.fraud_free_trend_chart(data["fraud_free_trend"])))
    if ranked:
        name = BY_KEY[data["rank_by"]].name_zh
        svgs.append(
            charts.to_svg(charts.area_bars([(item.name, item.value) for item in ranked], name))
        )
    return svgs


class ReportsPage(LatestReading, FillWhenShown, Retranslating, QWidget):
    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.data: dict | None = None
        today = clock.today()

        self.kind = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.number = QSpinBox()
        self.first = QDateEdit(QDate(today.year, today.month, 1))
        self.last = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.area = AreaPicker(database)
        self.rank_by = QComboBox()
        # A county's merged data: one station's or laptop's records, ranking over them.
        self.laptops = QComboBox()
        self.rank_over = QComboBox()
        self.show_button = QPushButton()
        self.briefing_button = QPushButton()
        self.excel_button = QPushButton()
        self.campaigns_button = QPushButton()
        self.ledgers_button = QPushButton()
        self.ledgers_menu = Menu(self.ledgers_button)
        self.ledgers_button.setMenu(self.ledgers_menu)
        self.state = plain_label()
        self.error = error_label()

        controls = QHBoxLayout()
        for widget in (self.kind, self.year, self.number, self.first, self.last):
            controls.addWidget(widget)
        self.area_label, self.rank_label = QLabel(), QLabel()
        controls.addWidget(self.area_label)
        controls.addWidget(self.area, 1)
        controls.addWidget(self.laptops)
        controls.addWidget(self.rank_label)
        controls.addWidget(self.rank_by)
        controls.addWidget(self.rank_over)
        controls.addWidget(self.show_button)
        actions = QHBoxLayout()
        actions.addWidget(self.state, 1)
        actions.addWidget(self.campaigns_button)
        actions.addWidget(self.briefing_button)
        actions.addWidget(self.ledgers_button)
        actions.addWidget(self.excel_button)

        self.figures = QTableWidget(len(SHOWN), 3)
        self.figures.verticalHeader().hide()
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures.setWordWrap(True)
        header = self.figures.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.charts = QWidget()
        self.charts_layout = QVBoxLayout(self.charts)
        charts_scroll = QScrollArea()
        charts_scroll.setWidgetResizable(True)
        charts_scroll.setWidget(self.charts)
        self.ranking = QTableWidget(0, 3)
        self.ranking.verticalHeader().hide()
        self.ranking.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ranking.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.board = QTableWidget(0, 0)
        self.board.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabs = QTabWidget()
        for widget in (self.figures, charts_scroll, self.ranking, self.board):
            self.tabs.addTab(widget, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.show_button.clicked.connect(self.reload)
        self.briefing_button.clicked.connect(lambda: self.preview_briefing())
        self.excel_button.clicked.connect(lambda: self.export_excel())
        self.campaigns_button.clicked.connect(lambda: self.open_campaigns())
        self.tabs.currentChanged.connect(lambda _index: self._draw_charts_if_shown())
        self.retranslate()
        self.kind.setCurrentIndex(0)
        self.fill_laptops()
        self._kind_changed()

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        current = self.kind.currentData() or "month"
        self.kind.blockSignals(True)
        self.kind.clear()
        for code, text in (
            ("month", self.tr("Month")),
            ("quarter", self.tr("Quarter")),
            ("year", self.tr("Year")),
            ("custom", self.tr("From – to")),
        ):
            self.kind.addItem(text, code)
        self.kind.setCurrentIndex(self.kind.findData(current))
        self.kind.blockSignals(False)
        self._number_texts()  # the signal was blocked: the period chosen is kept, not reset
        chosen = self.rank_by.currentData() or "dissuaded"
        self.rank_by.clear()
        for key in RANKABLE:
            self.rank_by.addItem(figure_name(key), key)
        self.rank_by.setCurrentIndex(self.rank_by.findData(chosen))
        self.area.setItemText(0, "")
        self.area.lineEdit().setPlaceholderText(self.tr("everything on record"))
        self.area_label.setText(self.tr("Area"))
        self.rank_label.setText(self.tr("Rank by"))
        self.show_button.setText(self.tr("Show"))
        self.briefing_button.setText(self.tr("Briefing…"))
        self.excel_button.setText(self.tr("Excel…"))
        self.campaigns_button.setText(self.tr("Campaign counts…"))
        self.ledgers_button.setText(self.tr("Ledgers"))
        self.ledgers_button.setToolTip(
            self.tr("Print the persons abroad's ledger or board, the card sellers' register, "
                    "or the fraud-free communities' board, assessment sheet or door-to-door "
                    "tally sheet of the area chosen")
        )  # fmt: skip
        self._fill_ledgers_menu()
        self.campaigns_button.setToolTip(
            self.tr("Enter text messages, calls, posters and WeChat posts per area and day")
        )
        for index, title in enumerate(
            (self.tr("Figures"), self.tr("Charts"), self.tr("Ranking"), self.tr("Coverage board"))
        ):
            self.tabs.setTabText(index, title)
        self.figures.setHorizontalHeaderLabels(
            [self.tr("Figure"), self.tr("Value"), self.tr("Definition")]
        )
        self.ranking.setHorizontalHeaderLabels([self.tr("Rank"), self.tr("Area"), ""])
        over = self.rank_over.currentData() or "areas"
        self.rank_over.clear()
        for code, text in (
            ("areas", self.tr("over areas")),
            ("stations", self.tr("over stations")),
            ("laptops", self.tr("over laptops")),
        ):
            self.rank_over.addItem(text, code)
        self.rank_over.setCurrentIndex(self.rank_over.findData(over))
        if self.laptops.count():
            self.laptops.setItemText(0, self.tr("every laptop"))
        self._show()

    def fill_laptops(self) -> None:
        """The stations and laptops packages came from (shown only once there are any)."""
        from desktop.domain.statistics import laptop_name, laptops

        chosen = self.laptops.currentData()
        known = laptops(self.database)
        self.laptops.clear()
        self.laptops.addItem(self.tr("every laptop"), None)
        stations = sorted({station for _device, station in known if station})
        for station in stations:
            self.laptops.addItem(
                self.tr("Station: {name}").format(name=station), f"station:{station}"
            )
        for device, station in known:
            self.laptops.addItem(
                self.tr("Laptop: {name}").format(name=laptop_name(device, station)),
                f"device:{device}",
            )
        index = self.laptops.findData(chosen)
        self.laptops.setCurrentIndex(max(index, 0))
        several = len(known) > 1
        self.laptops.setVisible(several)
        self.rank_over.setVisible(several)
        if not several:
            self.rank_over.setCurrentIndex(0)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.year.setVisible(kind != "custom")
        self.number.setVisible(kind in ("month", "quarter"))
        self.first.setVisible(kind == "custom")
        self.last.setVisible(kind == "custom")
        today = clock.today()
        if kind == "month":
            self.number.setRange(1, 12)
            self.number.setValue(today.month)
        elif kind == "quarter":
            self.number.setRange(1, 4)
            self.number.setValue((today.month - 1) // 3 + 1)
        self._number_texts()

    def _number_texts(self) -> None:
        """The month or quarter box's words, in the UI's language; the number chosen stays."""
        kind = self.kind.currentData()
        if kind == "month":
            self.number.setPrefix(self.tr("Month "))
        elif kind == "quarter":
            self.number.setPrefix(self.tr("Q"))

    # -- the choice ----------------------------------------------------------------------------
    def period(self):
        from desktop.domain.statistics import Period

        kind = self.kind.currentData()
        if kind == "month":
            return Period.month(self.year.value(), self.number.value())
        if kind == "quarter":
            return Period.quarter(self.year.value(), self.number.value())
        if kind == "year":
            return Period.year(self.year.value())
        return Period(self.first.date().toPython(), self.last.date().toPython())

    def set_period(self, kind: str, year: int, number: int = 1) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.year.setValue(year)
        self.number.setValue(number)

    def _choice(self):
        """(period, area id, rank-by) — or None after showing why the choice is wrong."""
        try:
            choice = self.period(), self.area.checked_area_id(), self.rank_by.currentData()
        except OutreachError as exc:
            show_problem(self.error, exc)
            return None
        self.error.hide()
        return choice

    def chosen_laptops(self) -> tuple[str, str] | None:
        """("station", NAME) or ("device", ID) as chosen; None for every laptop's records."""
        chosen = self.laptops.currentData()  # "station:NAME" or "device:ID"
        return tuple(chosen.split(":", 1)) if chosen else None

    # -- data ----------------------------------------------------------------------------------
    def set_database(self, database: Database) -> None:
        self.database = database
        self.area.database = database
        self.data = None
        self.fill_laptops()
        self.reload()

    def _fill(self) -> None:
        choice = self._choice()
        if choice is None:
            return
        period, area_id, rank_by = choice
        laptops = self.chosen_laptops()
        rank_over = self.rank_over.currentData() or "areas"
        self.state.setText(self.tr("Counting…"))
        self.read_on_worker(
            lambda database: read_reports(database, period, area_id, rank_by, laptops, rank_over),
            failed=self._failed,
        )

    def _show_reading(self, data: dict) -> None:
        self.data = data
        self._show()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.state.setText("")
        show_problem(self.error, exc)

    def _show(self) -> None:
        data = self.data
        if data is None:
            return
        try:
            period = self.period()
        except OutreachError:
            return
        self.state.setText(
            self.tr("{first} to {last}").format(
                first=shown_date(period.start), last=shown_date(period.end)
            )
        )
        figures = data["figures"]
        for row, figure in enumerate(SHOWN):
            for column, text in enumerate(
                (figure_name(figure.key), figure_text(figure.key, figures.get(figure.key)),
                 figure_definition(figure.key))
            ):  # fmt: skip
                cell = QTableWidgetItem(text)
                cell.setToolTip(figure_definition(figure.key))
                self.figures.setItem(row, column, cell)
        self.figures.resizeRowsToContents()
        self._show_charts(data["svgs"])
        self._draw_charts_if_shown()
        self._show_ranking(data["ranking"], data.get("rank_over", "areas"))
        self._show_board(data["board"])

    def _draw_charts_if_shown(self) -> None:
        data = self.data
        if data is None or data["svgs"] is not None or self.tabs.currentIndex() != 1:
            return
        task = Task(lambda progress: chart_svgs(data), self)

        def drawn(svgs) -> None:
            data["svgs"] = svgs
            if self.data is data:
                self._show_charts(svgs)

        task.succeeded.connect(drawn)
        task.failed.connect(self._failed)
        self.runner.start(task)

    def _show_charts(self, svgs: list[bytes] | None) -> None:
        from PySide6.QtSvgWidgets import QSvgWidget

        while self.charts_layout.count():
            widget = self.charts_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if svgs is None:
            return
        for svg in svgs:
            chart = QSvgWidget()
            chart.load(svg)
            size = chart.renderer().defaultSize()
            chart.setFixedSize(QSize(size.width() * 3 // 2, size.height() * 3 // 2))
            self.charts_layout.addWidget(chart, 0, Qt.AlignmentFlag.AlignHCenter)
        self.charts_layout.addStretch(1)

    def _show_ranking(self, ranked, over: str) -> None:
        key = self.rank_by.currentData()
        title = {"areas": self.tr("Area"), "stations": self.tr("Station"),
                 "laptops": self.tr("Laptop")}[over]  # fmt: skip
        self.ranking.setHorizontalHeaderItem(1, QTableWidgetItem(title))
        self.ranking.setHorizontalHeaderItem(2, QTableWidgetItem(figure_name(key)))
        self.ranking.setRowCount(len(ranked))
        for row, item in enumerate(ranked):
            for column, text in enumerate(
                (str(item.rank) if item.rank else "—", item.name, figure_text(key, item.value))
            ):
                self.ranking.setItem(row, column, QTableWidgetItem(text))

    def _show_board(self, board) -> None:
        self.board.clear()
        self.board.setRowCount(len(board.rows))
        self.board.setColumnCount(len(board.months))
        self.board.setHorizontalHeaderLabels(board.months)
        self.board.setVerticalHeaderLabels([name for _id, name, _counts in board.rows])
        empty = QBrush(EMPTY_CELL)
        for row, (_id, _name, counts) in enumerate(board.rows):
            for column, count in enumerate(counts):
                cell = QTableWidgetItem("" if count is None else str(count) if count else "○")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if count == 0:  # None: a month still to come
                    cell.setBackground(empty)
                    cell.setToolTip(self.tr("No talk held here this month"))
                self.board.setItem(row, column, cell)

    # -- actions -------------------------------------------------------------------------------
    def open_campaigns(self):
        """The campaign counts screen; the figures are counted again when it closes."""
        from desktop.ui.campaigns import CampaignsDialog
        from desktop.ui.messages import interactive

        dialog = CampaignsDialog(self.database, self)
        dialog.finished.connect(lambda _result: dialog.changed and self.reload())
        if interactive():
            dialog.open()
        return dialog

    def print_current(self):
        """Ctrl+P on this screen: the work briefing of the period and area chosen."""
        return self.preview_briefing()

    def _fill_ledgers_menu(self) -> None:
        from desktop.reports import registry

        self.ledgers_menu.clear()
        for name in LEDGER_PRINTOUTS:
            title = QCoreApplication.translate("PdfPreview", registry.PRINTOUTS[name].title)
            action = self.ledgers_menu.addAction(title)
            action.triggered.connect(lambda _checked=False, name=name: self.print_requested(name))

    def print_requested(self, name: str):
        """The preview of printout ``name`` (reports.registry) of the period and area chosen:
        each of its arguments is what this screen chose of that kind — a day named ``first``
        or ``last`` the period's, a choice its default."""
        if name == "briefing":
            return self.preview_briefing()
        choice = self._choice()
        if choice is None:
            return None
        from desktop.reports import registry
        from desktop.ui.print_preview import preview_printout

        period, area_id, rank_by = choice
        chosen = {registry.PERIOD: period, registry.AREA: area_id, registry.FIGURE: rank_by,
                  registry.LAPTOPS: self.chosen_laptops()}  # fmt: skip
        days = {"first": period.start, "last": period.end}
        printout = registry.PRINTOUTS[name]
        values = {
            argument.keyword: days[argument.keyword] if argument.kind == registry.DAY
            else argument.default if argument.kind == registry.CHOICE
            else chosen[argument.kind]
            for argument in printout.arguments
        }  # fmt: skip
        about = {field: days[field] for field in registry.SUBJECT_FIELDS[printout.subject]}
        return preview_printout(self, self.database, self.runner, name, values, about)

    def preview_briefing(self):
        """The briefing opens with its text to edit beside the preview (ui/briefing.py): of
        the period, area and laptops chosen here."""
        choice = self._choice()
        if choice is None:
            return None
        from desktop.ui.briefing import preview_briefing

        period, area_id, rank_by = choice
        return preview_briefing(
            self, self.database, self.runner, period, area_id, rank_by,
            laptops=self.chosen_laptops(),
        )  # fmt: skip

    def export_excel(self, path=None) -> Task | None:
        """Save the figures, ranking, board and masked lists as .xlsx (asks where unless
        ``path`` is given); runs on the worker."""
        choice = self._choice()
        if choice is None:
            return None
        period, area_id, rank_by = choice
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Export to Excel"),
                f"反诈统计-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx",
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not name:
                return None
            path = name
        db_path = self.database.path

        def work(database, progress):
            from desktop.exchange.workbook import export_workbook

            return export_workbook(database, period, path, area_id=area_id, ranking_figure=rank_by)

        self.state.setText(self.tr("Exporting…"))
        task = Task(on_worker(db_path, work), self)
        task.succeeded.connect(
            lambda _counts: self.state.setText(self.tr("Saved {path}").format(path=path))
        )
        task.failed.connect(self._failed)
        self.runner.start(task)
        return task
