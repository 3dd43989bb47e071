"""The Today screen (the one the program opens on) and the Reports screen."""

import re
from datetime import date, timedelta

import docx

from desktop.core import clock
from desktop.db import audit
from desktop.domain import warnings as warning_store


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


def test_today_shows_urgent_warnings_masked_with_their_clocks(window, qtbot):
    late = _warning(window.database, 30, "13812345678")
    _warning(window.database, 2, "13912345678", level="low")
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    rows = [page.urgent.item(row).text() for row in range(page.urgent.count())]
    assert len(rows) == 2 and rows[0].startswith("0:30") and "LATE: not contacted" in rows[0]
    assert "138****5678" in rows[0] and "13812345678" not in " ".join(rows)
    assert page.cards["warnings_received"][1].text() == "2"
    # Counted from the first warning's day: 1 when it came in before the station's midnight.
    received = window.database.scalar("SELECT received_at FROM warnings WHERE id = ?", (late,))
    days = (clock.today() - date.fromisoformat(received[:10])).days
    assert page.streak.text() == f"{days} days in a row with no warned resident defrauded"
    assert "Whole days" in page.streak.toolTip()
    page.urgent.itemActivated.emit(page.urgent.item(0))
    assert window.stack.currentWidget() is window.page("warnings")
    qtbot.waitUntil(lambda: window.page("warnings").case.warning_id == late)


def test_today_lists_this_weeks_talks_and_overdue_follow_ups(window, qtbot):
    from desktop.db.records import insert_record

    now = clock.now().replace(microsecond=0)
    insert_record(window.database, "talks", {
        "title": "反诈宣传进社区", "starts_at": now.isoformat(),
        "ends_at": (now + timedelta(hours=1)).isoformat(), "venue": "新建社区居委会",
    })  # fmt: skip
    warning_id = _warning(window.database, 60 * 24 * 10, "13812345678")
    warning_store.close_warning(
        window.database, warning_id, outcome="dissuaded", despite=("no_contact",),
        now=clock.now() - timedelta(days=9),
    )  # fmt: skip
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    assert "today: 1" in page.talks_heading.text()
    assert "反诈宣传进社区" in page.talks.item(0).text()
    assert page.follow_ups_heading.text() == "Overdue follow-ups: 2"


def test_today_on_an_empty_database_says_so(window, qtbot):
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    assert page.streak.text() == "No warnings on record yet"
    assert page.urgent.item(0).text() == "No open warnings."
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
    from desktop.ui.today import most_urgent

    never_contacted = _warning(window.database, 150, "13812345678", level="low")
    fresh_high = _warning(window.database, 1, "13912345678", level="high")
    reached = _warning(window.database, 120, "13712345678", level="high")
    warning_store.record_contact(window.database, reached, method="phone", result="reached")
    items = warning_store.open_queue(window.database)
    ordered = [item.id for item in most_urgent(items, warning_store.time_limits(window.database))]
    # the low warning nobody has called comes before the high one called but not visited
    assert ordered == [never_contacted, reached, fresh_high]


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
