"""The Reports screen's figures of return persuasion (劝返) and card sellers (两卡), its ranking
by 劝返率 and the ledgers' printouts of the area chosen."""

from datetime import timedelta

from desktop.core import clock
from desktop.core.validate import id_number_check_digit
from desktop.domain import card_sellers as card_store
from desktop.domain import return_cases as returns


def _settle(page, qtbot):
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)


def _id(serial: int) -> str:
    first17 = f"45122319900101{serial:03d}"
    return first17 + id_number_check_digit(first17)


def _records(database) -> None:
    """This month in 金城江区: one person abroad listed three days ago who came back today (劝返率
    100.0%), one card seller listed today."""
    today = clock.today()
    listed = today - timedelta(days=3) if today.day > 3 else today
    case = returns.list_person(database, {
        "name": "罗明明", "mobile": "13800000001", "id_number": _id(1), "location": "cambodia",
        "lead_source": "upper_level", "category": "high_risk", "listed_on": listed,
        "area_id": database.scalar("SELECT id FROM areas WHERE name = '新建社区'"),
    }, today=listed)  # fmt: skip
    returns.record_step(database, case, "returned", on=today, port_of_entry="磨憨", today=today)
    card_store.add_card_seller(database, {
        "name": "韦小明", "mobile": "13900000002", "id_number": _id(2), "card_kind": "bank_card",
        "source": "upper_level", "listed_on": today,
        "area_id": database.scalar("SELECT id FROM areas WHERE name = '新建社区'"),
    }, today=today)  # fmt: skip


def test_reports_show_the_ledgers_figures_and_rank_by_return_rate(window, qtbot):
    _records(window.database)
    page = window.show_page("reports")
    today = clock.today()
    page.set_period("month", today.year, today.month)
    page.rank_by.setCurrentIndex(page.rank_by.findData("return_rate"))
    page.reload()
    _settle(page, qtbot)
    texts = {page.figures.item(row, 0).text(): page.figures.item(row, 1).text()
             for row in range(page.figures.rowCount())}  # fmt: skip
    assert texts["Persons abroad added"] == "1" and texts["Persons returned"] == "1"
    assert texts["Return rate"] == "100.0%" and texts["New card sellers"] == "1"
    # The month's county ranking by 劝返率.
    assert page.ranking.item(0, 1).text() == "金城江区"
    assert page.ranking.item(0, 2).text() == "100.0%"


def test_the_ledgers_print_from_the_reports_screen(window, qtbot):
    _records(window.database)
    page = window.show_page("reports")
    actions = page.ledgers_menu.actions()
    assert [action.text() for action in actions][:3] == [
        "Ledger of persons abroad", "Board of persons abroad", "Register of card sellers",
    ]  # fmt: skip
    for name in ("return-ledger", "return-board", "card-register"):
        preview = page.print_requested(name)
        qtbot.addWidget(preview)
        qtbot.waitUntil(lambda preview=preview: preview.path is not None, timeout=30_000)
        assert preview.document.pageCount() >= 1, name
