"""The Today screen (the one the program opens on) and the Reports screen."""

import re
from datetime import date, timedelta

import docx
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.core import clock
from desktop.db import audit
from desktop.db.opening import open_database
from desktop.domain import warnings as warning_store
from desktop.ui.today import ID_ROLE


def _settle(page, qtbot):
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)


def _warning(database, minutes_ago: int, mobile: str, level: str = "high") -> str:
    return warning_store.intake(
        database,
        {"source": "platform", "level": level, "name": "罗某某", "mobile": mobile,
         "received_at": clock.now() - timedelta(minutes=minutes_ago)},
    )  # fmt: skip


def test_the_window_opens_on_today(window, qtbot):
    assert window.page_keys[0] == "today"
    assert window.stack.currentWidget() is window.today_page
    assert [key for key, _page in window.pages] == ["today"]  # the rest are built when shown


def test_today_shows_urgent_warnings_as_a_table_masked_with_their_clocks(window, qtbot):
    from desktop.ui.today import LATE, MOBILE, RESIDENT, WAITING
    from desktop.ui.warnings.states import FAR_OVER_BACKGROUND, LATE_TEXT

    late = _warning(window.database, 30, "13812345678")  # high: 10 minutes to a first call
    _warning(window.database, 2, "13912345678", level="low")
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    assert page.urgent.topLevelItemCount() == 2 and page.urgent.isVisible()
    first, second = page.urgent_section.texts(0), page.urgent_section.texts(1)
    assert (first[WAITING], first[RESIDENT], first[MOBILE]) == ("0:30", "罗某", "138****5678")
    assert first[LATE] == "No contact, 20 min over" and second[LATE] == "New"
    assert "13812345678" not in " ".join(first + second)
    assert page.urgent_heading.text() == "Most urgent warnings (2 open, 1 past their limit)"
    # Only the worst stand out: nobody has called the first at all.
    assert page.urgent.topLevelItem(0).background(LATE).color() == FAR_OVER_BACKGROUND
    assert page.urgent.topLevelItem(1).background(LATE).style() == Qt.BrushStyle.NoBrush
    assert page.urgent.topLevelItem(0).foreground(LATE).color() == LATE_TEXT  # late: in red
    assert page.urgent.topLevelItem(1).foreground(LATE).style() == Qt.BrushStyle.NoBrush
    assert page.cards["warnings_received"][1].text() == "2"
    # Counted from the first warning's day: 1 when it came in before the station's midnight.
    received = window.database.scalar("SELECT received_at FROM warnings WHERE id = ?", (late,))
    days = (clock.today() - date.fromisoformat(received[:10])).days
    streak = f"{days} day{'' if days == 1 else 's'} in a row with no warned resident defrauded"
    assert page.streak.text() == streak
    assert "Whole days" in page.streak.toolTip()
    # One click on the row opens the case.
    row = page.urgent.visualItemRect(page.urgent.topLevelItem(0))
    QTest.mouseClick(page.urgent.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    assert window.stack.currentWidget() is window.page("warnings")
    qtbot.waitUntil(lambda: window.page("warnings").case.warning_id == late)


def test_enter_on_an_urgent_warning_opens_its_case(window, qtbot):
    _warning(window.database, 30, "13812345678")
    second = _warning(window.database, 2, "13912345678", level="low")
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    page.urgent.setFocus()
    page.urgent.setCurrentItem(page.urgent.topLevelItem(1))
    QTest.keyClick(page.urgent, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.page("warnings")
    qtbot.waitUntil(lambda: window.page("warnings").case.warning_id == second)


def test_today_lists_the_next_talks_and_follow_ups_due_today_before_the_overdue(window, qtbot):
    from desktop.db.records import insert_record

    now = clock.now().replace(microsecond=0)
    for title, start in (("反诈宣传进社区", now), ("下周的讲座", now + timedelta(days=8)),
                         ("取消的讲座", now + timedelta(hours=2))):  # fmt: skip
        insert_record(window.database, "talks", {
            "title": title, "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(hours=1)).isoformat(), "venue": "新建社区居委会",
            "status": "cancelled" if title == "取消的讲座" else "planned",
        })  # fmt: skip
    old = _warning(window.database, 60 * 24 * 10, "13812345678")
    warning_store.close_warning(
        window.database, old, outcome="dissuaded", despite=("no_contact",),
        now=clock.now() - timedelta(days=9),
    )  # fmt: skip
    recent = _warning(window.database, 60 * 24 * 8, "13912345678")
    warning_store.close_warning(
        window.database, recent, outcome="dissuaded", despite=("no_contact",),
        now=clock.now() - timedelta(days=7),
    )  # fmt: skip
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    # This week has one talk left (today's), so the next one after the week comes too; the
    # cancelled one is not listed.
    talks = [page.talks_section.texts(row) for row in range(page.talks.topLevelItemCount())]
    assert [(t[0], t[2]) for t in talks][0] == ("Today", "反诈宣传进社区")
    assert [t[2] for t in talks] == ["反诈宣传进社区", "下周的讲座"]
    assert page.talks_heading.text() == "Next talks — today: 1, rest of this week: 0"
    assert page.talks.topLevelItem(0).font(2).bold()
    # +1 and +7 days after closing: the recent case's +7 is due today, the old case's two and
    # the recent one's +1 are overdue.
    follow_ups = [page.follow_ups_section.texts(row)
                  for row in range(page.follow_ups.topLevelItemCount())]  # fmt: skip
    assert [f[3] for f in follow_ups] == [
        "due today",
        "8 days overdue",
        "6 days overdue",
        "2 days overdue",
    ]
    assert page.follow_ups_heading.text() == "Follow-ups: 1 due today, 3 overdue"
    assert "139****5678" == follow_ups[0][2]


def test_tables_are_as_tall_as_their_rows_and_a_section_with_none_is_one_line(window, qtbot):
    for minutes in range(3):
        _warning(window.database, minutes, f"1381234567{minutes}")
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    table = page.urgent
    assert table.topLevelItemCount() == 3

    def fits():  # no empty box under the rows, once the layout has followed the new rows
        needed = table.header().height() + 3 * table.sizeHintForRow(0) + 2 * table.frameWidth()
        return abs(table.height() - needed) <= 2

    qtbot.waitUntil(fits)
    assert not page.returns.isVisible() and page.returns_section.empty.isVisible()


def test_today_on_an_empty_database_says_so(window, qtbot):
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    assert page.streak.text() == "No warnings on record yet"
    assert not page.urgent.isVisible()
    assert page.urgent_section.empty.text() == "No open warnings."
    assert page.cards["dissuasion_rate"][1].text() == "—"


def test_reports_show_figures_charts_ranking_and_board(window, qtbot, tmp_path):
    from openpyxl import load_workbook

    warning_id = _warning(window.database, 60, "13812345678")
    warning_store.close_warning(window.database, warning_id, outcome="dissuaded",
                                amount_protected="5.2万", despite=("no_contact",))  # fmt: skip
    page = window.show_page("reports")
    today = clock.today()
    page.set_period("month", today.year, today.month)
    page.reload()
    _settle(page, qtbot)
    texts = {page.figures.item(row, 0).text(): page.figures.item(row, 1).text()
             for row in range(page.figures.rowCount())}  # fmt: skip
    assert texts["Warnings received"] == "1" and texts["Dissuaded"] == "1"
    assert texts["Money protected"] == "¥52,000"  # English counts in yuan, not in 万
    assert texts["Dissuasion success rate"] == "100.0%"
    assert "closed with any outcome other than false alarm" in page.figures.item(16, 0).toolTip()
    # The charts are drawn when their tab is shown (reportlab and its font cost 40 MB).
    assert page.charts_layout.count() == 0 and page.data["svgs"] is None
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.charts_layout.count() >= 2)  # the pie, the bars, the stretch
    assert page.ranking.rowCount() == 1 and page.ranking.item(0, 1).text() == "金城江区"
    assert page.board.rowCount() == 1 and page.board.item(0, 0).text() == "○"
    task = page.export_excel(tmp_path / "figures.xlsx")
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    workbook = load_workbook(tmp_path / "figures.xlsx", read_only=True)
    cells = " ".join(
        str(v) for row in workbook["预警明细"].iter_rows(values_only=True) for v in row
    )
    assert "138****5678" in cells and not re.search(r"1[3-9]\d{9}", cells)
    workbook.close()
    preview = page.preview_briefing()
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.path is not None, timeout=30_000)
    assert preview.document.pageCount() >= 1
    # The briefing may also be saved as a Word document to edit, built on the worker.
    assert preview.word_button.isVisibleTo(preview) and preview.word_button.isEnabled()
    task = preview.save_word(tmp_path / "briefing.docx")
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    qtbot.waitUntil(lambda: "briefing.docx" in preview.status.text())
    paragraphs = [
        paragraph.text for paragraph in docx.Document(tmp_path / "briefing.docx").paragraphs
    ]
    assert paragraphs[0] == "反诈工作简报" and "附件1" in paragraphs
    assert audit.recent(window.database, 1)[0]["summary"].startswith("briefing (.docx)")


def test_reports_refuse_a_backwards_period(window, qtbot):
    page = window.show_page("reports")
    page.kind.setCurrentIndex(page.kind.findData("custom"))
    page.first.setDate(page.last.date().addDays(5))
    assert page.preview_briefing() is None
    assert "before it starts" in page.error.text()


def test_campaign_counts_are_entered_from_the_reports_screen(window, qtbot):
    page = window.show_page("reports")
    today = clock.today()
    page.set_period("month", today.year, today.month)
    dialog = page.open_campaigns()
    qtbot.addWidget(dialog)
    dialog.count.setText("3 000")
    assert not dialog.add()
    assert "whole number" in dialog.error.text()
    dialog.count.setText("3000")
    dialog.kind.setCurrentIndex(dialog.kind.findData("wechat"))
    assert dialog.add()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "3,000"
    dialog.done(0)
    _settle(page, qtbot)
    row = next(r for r in range(page.figures.rowCount())
               if page.figures.item(r, 0).text() == "WeChat posts")  # fmt: skip
    qtbot.waitUntil(lambda: page.figures.item(row, 1).text() == "3,000")


def test_the_most_overdue_warnings_come_first_on_today(window, qtbot):
    never_contacted = _warning(window.database, 150, "13812345678", level="low")
    fresh_high = _warning(window.database, 1, "13912345678", level="high")
    reached = _warning(window.database, 120, "13712345678", level="high")
    warning_store.record_contact(window.database, reached, method="phone", result="reached")
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    shown = [page.urgent.topLevelItem(row).data(0, ID_ROLE) for row in range(3)]
    # the low warning nobody has called comes before the high one called but not visited
    assert shown == [never_contacted, reached, fresh_high]
    assert "furthest past its limit" in page.urgent_heading.toolTip()  # the rule, in words
    # the Warnings screen's open list has the same order
    warnings_page = window.show_page("warnings")
    qtbot.waitUntil(lambda: not warnings_page.loading and warnings_page.model.rowCount() == 3)
    assert [warnings_page.model.rows[row].id for row in range(3)] == shown


def test_the_period_boxes_follow_a_change_of_language(window, qtbot):
    page = window.show_page("reports")
    page.set_period("month", 2026, 3)
    assert page.number.prefix() == "Month "
    window.translations.install("zh_CN")
    try:
        assert page.number.prefix() == "月份："
        assert page.number.value() == 3  # the month chosen stays chosen
        assert page.kind.currentData() == "month"
        page.set_period("quarter", 2026, 2)
        window.translations.install("en")
        assert page.number.prefix() == "Q" and page.number.value() == 2
        window.translations.install("zh_CN")
        assert page.number.prefix() == "季度："
    finally:
        window.translations.install("en")
    assert page.number.prefix() == "Q"


def test_every_printout_of_a_period_previews_from_the_reports_screen(window, qtbot):
    """A printout whose arguments this screen can choose (period, area, figure, laptops) needs
    only its registry entry and a button: the screen fills its arguments by their kind."""
    from desktop.reports import registry

    page = window.show_page("reports")
    chosen = {registry.PERIOD, registry.AREA, registry.FIGURE, registry.LAPTOPS}
    names = [
        name
        for name, printout in registry.PRINTOUTS.items()
        if printout.arguments and {argument.kind for argument in printout.arguments} <= chosen
    ]
    assert "briefing" in names
    for name in names:
        preview = page.print_requested(name)
        qtbot.addWidget(preview)
        qtbot.waitUntil(lambda preview=preview: preview.path is not None, timeout=30_000)
        assert preview.document.pageCount() >= 1, name


def test_a_long_talk_title_and_venue_share_the_table_and_end_in_an_ellipsis(window, qtbot):
    """A title and a venue wider than the talks' table share it: each is cut short with "…"
    (its tooltip says it whole), and none runs off the table's edge."""
    from desktop.db.records import insert_record
    from desktop.ui.today import TALK_TITLE, TALK_VENUE

    start = clock.now().replace(microsecond=0) + timedelta(hours=1)
    title, venue = "反诈宣传进企业——宜州区桑蚕茧丝绸有限公司" * 3, "宜州区工业园区综合服务中心" * 3
    insert_record(window.database, "talks", {
        "title": title, "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=1)).isoformat(), "venue": venue,
    })  # fmt: skip
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    table, header = page.talks, page.talks.header()
    room = table.viewport().width()
    assert header.length() <= room
    for column in (TALK_TITLE, TALK_VENUE):
        assert 0 < header.sectionSize(column) < table.fontMetrics().horizontalAdvance(title)
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= room
    assert table.topLevelItem(0).toolTip(TALK_TITLE).splitlines()[1] == title
    # Never a horizontal scroll bar (set by name: ui/qt.py); a cell cut short ends in "…"
    # (the view's own elision).
    assert table.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert table.textElideMode() == Qt.TextElideMode.ElideRight


def test_the_reminder_tables_keep_long_rows_within_their_edges(window, qtbot):
    """A flagged community's plaque day and reasons, and a person abroad's reasons, run long
    (English at a large text size): they end in "…" within the table, none runs off its edge
    unseen."""
    from desktop.ui.today import _row

    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    long_rows = {
        page.flags_section: ["车河社区 · 车河镇", "plaque since 30 Sep 2026" * 3,
                             "a card seller listed 1 Dec 2026; " * 5],
        page.returns_section: ["韦某", "Northern Myanmar", "deadline 21 Feb passed; " * 6],
    }  # fmt: skip
    for section, texts in long_rows.items():
        section.fill([_row(texts, "x")], "")
        table, header = section.table, section.table.header()
        qtbot.waitUntil(lambda table=table: table.isVisible())
        assert header.length() <= table.viewport().width(), section.heading.text()


def test_a_reading_ahead_is_on_today_at_its_first_paint(app, qtbot, db_path, monkeypatch):
    """The window started with Today's reading begun before it: when it is there, Today shows
    it as it is first shown, before any paint and without the worker."""
    from desktop.demo import generate_demo
    from desktop.domain import today as today_reading
    from desktop.settings import Settings
    from desktop.ui.main_window import MainWindow
    from desktop.ui.today import TodayPage

    database = open_database(db_path)
    generate_demo(database, seed=2)
    database.close()
    monkeypatch.setattr(today_reading, "_can_fork", lambda: False)
    head_start = today_reading.begin_reading(db_path)
    assert head_start is not None
    qtbot.waitUntil(lambda: head_start.arrived, timeout=60_000)
    read_on_worker = []
    monkeypatch.setattr(
        TodayPage, "read_on_worker", lambda page, work, **_: read_on_worker.append(work)
    )
    main = MainWindow(
        open_database(db_path), Settings(), app._outreach_translations, head_start=head_start
    )
    qtbot.addWidget(main)
    page = main.today_page
    main.show()
    assert page.data is not None and not page.loading and read_on_worker == []
    assert page.urgent.topLevelItemCount() == len(page.data["queue"]) > 0


class _LateReading:
    """A reading ahead still on its way when Today is first shown; ``finish`` ends it from
    a thread of its own, as the collecting thread does."""

    def __init__(self, reading):
        self.reading, self.arrived, self.calls, self.stopped = reading, False, [], False

    def when_done(self, call):
        self.calls.append(call)

    def give_up(self):
        self.stopped = True
        self.finish(None)

    def finish(self, reading):
        import threading

        def end():
            self.reading, self.arrived = reading, True
            for call in self.calls:
                call()

        threading.Thread(target=end).start()

    def take(self, database, today):
        reading, self.reading = self.reading, None
        return reading


def test_a_reading_ahead_on_its_way_is_shown_when_it_arrives_the_worker_left_free(
    window, qtbot, monkeypatch
):
    """Today first shown before the reading ahead is there: it says it is reading, keeps the
    worker free (the status bar's counts go on), and shows the reading when it arrives. One
    that arrives no longer true, or is given up when late, is replaced by Today's own."""
    from desktop.domain import today as today_reading
    from desktop.ui import today as today_page

    page = window.today_page
    _settle(page, qtbot)
    reading = today_reading.read_today(window.database, clock.today())
    reading["open"] = 4242  # what only this reading says

    def first_show(head_start):
        page.hide()
        page.head_start, page._stale = head_start, True
        page.show()

    late = _LateReading(reading)
    first_show(late)
    assert page.loading and not window.runner.busy()
    late.finish(reading)
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert page.data["open"] == 4242 and "4242" in page.urgent_heading.text()
    # Arrived no longer true (take says None): the worker reads.
    stale = _LateReading(None)
    first_show(stale)
    stale.finish(None)
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert page.data["open"] == warning_store.count_warnings(
        window.database, warning_store.WarningFilter()
    )
    # A newer reading asked for meanwhile (the officer saved something): the one on its way
    # is not shown when it arrives.
    superseded = _LateReading(reading)
    first_show(superseded)
    page.reload()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    superseded.finish(reading)
    qtbot.waitUntil(lambda: page._ahead is None, timeout=10_000)
    assert page.data["open"] != 4242
    # Late: stopped after Today's patience, and the worker reads.
    monkeypatch.setattr(today_page, "AHEAD_PATIENCE_MS", 50)
    stuck = _LateReading(reading)
    first_show(stuck)
    qtbot.waitUntil(lambda: stuck.stopped and not page.loading, timeout=10_000)
    assert page.data["open"] != 4242
    # One that does not even end when stopped: Today stops waiting for it and reads.
    deaf = _LateReading(reading)
    deaf.give_up = lambda: setattr(deaf, "stopped", True)
    first_show(deaf)
    qtbot.waitUntil(lambda: deaf.stopped and not page.loading, timeout=10_000)
    assert page._ahead is None and page.data["open"] != 4242


def test_a_tables_room_is_its_viewports_width_with_or_without_a_scroll_bar(app, qtbot):
    """Shared columns are sized to the viewport's width, reckoned without asking for the
    viewport (which costs the window's start): the same width either way."""
    from desktop.ui.today import FittedTable, _row

    table = FittedTable(3, (12, 2, 2), shared=(2,))
    qtbot.addWidget(table)
    table.fill([_row([f"第{n}行", "乙", "很长的原因" * 6], None) for n in range(30)])
    table.setMaximumHeight(120)
    table.resize(400, 120)
    table.show()
    qtbot.waitExposed(table)
    assert table.verticalScrollBar().isVisible()
    assert table._room() == table.viewport().width()
    header = table.header()
    assert header.sectionViewportPosition(2) + header.sectionSize(2) <= table.viewport().width()
    table.fill([_row(["甲", "乙", "丙"], None)])
    table.setMaximumHeight(400)
    table.resize(400, 400)
    qtbot.waitUntil(lambda: not table.verticalScrollBar().isVisible())
    assert table._room() == table.viewport().width()


def test_a_tables_wanted_widths_follow_its_rows_headings_and_font(app, qtbot):
    """The widths a table's columns want for their whole text are kept between layouts, and
    reckoned again when the rows, the headings or the font (Settings › Text size) change."""
    from PySide6.QtGui import QFont

    from desktop.ui.today import FittedTable, _row

    table = FittedTable(2, (12, 2, 2), shared=(1,))
    qtbot.addWidget(table)
    table.fill([_row(["第一行", "原因"], None)])
    first = table._wanted_widths()
    table.fill([_row(["第一行很长很长很长", "原因"], None)])
    rows = table._wanted_widths()
    assert rows[0] > first[0]
    table.setHeaderLabels(["一个很长很长很长很长很长的标题", "原因"])
    headings = table._wanted_widths()
    assert headings[0] > rows[0]
    larger = QFont(table.font())
    larger.setPointSizeF(larger.pointSizeF() * 2)
    table.setFont(larger)
    assert table._wanted_widths()[0] > headings[0]
