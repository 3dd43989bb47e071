"""Dates and sums of money on screen follow the UI's language, also after a switch at run time."""

import re
from datetime import UTC, date, datetime, timedelta, timezone

from PySide6.QtCore import Qt

from desktop.core import clock
from desktop.domain import follow_ups as follow_up_store
from desktop.domain import warnings as warning_store
from desktop.ui.warnings.model import ID_ROLE, WAITING

CHINA = timezone(timedelta(hours=8))
CHINESE_MOMENT = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$")


def _settle(page, qtbot):
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)


def _closed_warning(database, received_at: datetime, mobile: str, contact_at=None) -> str:
    """A warning dissuaded with 5.2万 protected, closed two hours after it came (or now)."""
    warning_id = warning_store.intake(
        database,
        {"source": "platform", "level": "high", "name": "罗某某", "mobile": mobile,
         "received_at": received_at},
    )  # fmt: skip
    if contact_at is not None:
        warning_store.record_contact(
            database, warning_id, method="phone", result="reached", at=contact_at
        )
    closed_at = min(received_at + timedelta(hours=2), clock.now())
    warning_store.close_warning(
        database, warning_id, outcome="dissuaded", amount_protected="5.2万",
        despite=("no_contact", "closed_at_once"), now=closed_at,
    )  # fmt: skip
    return warning_id


def _received_texts(page) -> dict[str, str]:
    """Each listed warning's Received cell, by warning id."""
    model = page.model
    return {
        model.index(row, WAITING).data(ID_ROLE): model.index(row, WAITING).data()
        for row in range(model.rowCount())
    }


def test_received_times_follow_the_language_switched_at_run_time(window, qtbot):
    database = window.database
    morning = _closed_warning(database, datetime(2026, 1, 5, 8, 7, tzinfo=CHINA), "13812345678")
    late = _closed_warning(database, datetime(2025, 12, 28, 23, 59, tzinfo=CHINA), "13712345678")
    # 16:30 in UTC on 31 March is half past midnight on 1 April in China.
    midnight = _closed_warning(database, datetime(2026, 3, 31, 16, 30, tzinfo=UTC), "13912345678")
    page = window.show_page("warnings")
    page.view_choice.setCurrentIndex(page.view_choice.findData("closed"))
    _settle(page, qtbot)
    assert page.model.headerData(WAITING, Qt.Orientation.Horizontal) == "Received"
    english = {morning: "5 Jan 2026 08:07", midnight: "1 Apr 2026 00:30", late: "28 Dec 2025 23:59"}
    assert _received_texts(page) == english

    window.translations.install("zh_CN")
    _settle(page, qtbot)
    shown = _received_texts(page)
    assert shown == {
        morning: "2026年1月5日 08:07",
        midnight: "2026年4月1日 00:30",
        late: "2025年12月28日 23:59",
    }
    assert all(CHINESE_MOMENT.match(text) for text in shown.values())
    assert page.model.headerData(WAITING, Qt.Orientation.Horizontal) != "Received"
    row = page.model.row_of(midnight)
    assert page.model.index(row, WAITING).data(Qt.ItemDataRole.ToolTipRole) == "2026年4月1日 00:30"
    page.select_row(row)
    assert "2026年4月1日 00:30" in page.case.details.text()
    # the longest date fits its column with the cell's margins: nothing is cut off or wrapped
    width = page.queue.fontMetrics().horizontalAdvance(shown[late])
    assert width + 12 <= page.queue.horizontalHeader().sectionSize(WAITING)

    window.translations.install("en")
    _settle(page, qtbot)
    assert _received_texts(page) == english
    assert "received 1 Apr 2026 00:30" in page.case.details.text()


def test_the_case_timeline_and_follow_ups_read_as_dates(window, qtbot):
    received = datetime(2026, 10, 7, 14, 30, tzinfo=CHINA)
    warning_id = _closed_warning(
        window.database, received, "13812345678", contact_at=received + timedelta(minutes=5)
    )
    page = window.show_page("warnings")
    page.view_choice.setCurrentIndex(page.view_choice.findData("closed"))
    _settle(page, qtbot)
    page.select_row(0)
    case = page.case
    assert case.timeline.item(0).text().startswith("7 Oct 14:35  ")
    due = follow_up_store.follow_ups_of(window.database, warning_id)[0].due_on.isoformat()
    assert case.follow_up_choice.itemText(0) == f"Due {_english_date(due)}"
    window.translations.install("zh_CN")
    _settle(page, qtbot)
    assert case.timeline.item(0).text().startswith("10月7日 14:35  ")
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", case.follow_up_choice.itemText(0))


def _english_date(iso_day: str) -> str:
    day = date.fromisoformat(iso_day)
    return f"{day.day} {day:%b} {day.year}"


def test_money_on_the_today_screen_in_yuan_or_wan(window, qtbot):
    now = clock.now().replace(microsecond=0)
    _closed_warning(window.database, now - timedelta(minutes=5), "13812345678")
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    money = page.cards["money_protected"][1]
    assert money.text() == "¥52,000"
    window.translations.install("zh_CN")
    _settle(page, qtbot)
    assert money.text() == "5.20万元"
    window.translations.install("en")
    _settle(page, qtbot)
    assert money.text() == "¥52,000"


def test_conflicting_sums_of_money_are_shown_in_yuan(window, qtbot, tmp_path):
    from desktop.db import records
    from desktop.db.opening import open_database
    from desktop.exchange import packages

    key = packages.format_exchange_key(bytes(range(32)))
    packages.set_exchange_key(window.database, key)
    (tmp_path / "laptop").mkdir()
    laptop = open_database(tmp_path / "laptop" / "laptop.sqlite3")
    packages.set_exchange_key(laptop, key)
    received = datetime(2026, 11, 22, 10, 0, tzinfo=CHINA)
    warning_id = _closed_warning(laptop, received, "13800138000")

    def merged(path):
        packages.export_package(laptop, path)
        dialog = window.merge_package(path)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.task.done, timeout=15_000)
        qtbot.wait(20)
        return dialog

    first = merged(tmp_path / "1.odpkg")
    with qtbot.waitSignal(first.merged, timeout=15_000):
        first.merge()
    records.update_record(laptop, "warnings", warning_id, {"amount_protected": 350_050})
    records.update_record(window.database, "warnings", warning_id, {"amount_protected": 1_234_500})
    second = merged(tmp_path / "2.odpkg")
    values = {second.conflicts.item(0, column).text() for column in (2, 3)}
    assert values == {"¥3,500.50", "¥12,345"}
    with qtbot.waitSignal(second.merged, timeout=15_000):
        second.merge()
    laptop.close()

    window.translations.install("zh_CN")
    dialog = window.open_conflicts()
    qtbot.addWidget(dialog)
    assert {dialog.table.item(0, column).text() for column in (3, 4)} == {"3,500.50元", "1.23万元"}
    assert CHINESE_MOMENT.match(dialog.table.item(0, 0).text())  # when it was found
