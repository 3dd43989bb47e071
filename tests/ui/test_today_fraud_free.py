"""Today's list of fraud-free communities flagged for review: a plaque holder where a card
seller was listed since, with why (no person named); chosen, it asks the window for the
fraud-free screen."""

from datetime import timedelta

from desktop.core import clock
from desktop.core.validate import id_number_check_digit
from desktop.domain import card_sellers, fraud_free


def _settle(page, qtbot):
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)


def _community(database) -> str:
    return database.scalar("SELECT id FROM areas WHERE name = '新建社区'")


def _awarded_then_a_card_seller(database) -> str:
    today = clock.today()
    area = _community(database)
    fraud_free.record_status(
        database, area, "awarded", today - timedelta(days=30), awarded_by="县综治办",
        correction_reason="验收会已通过，补录", today=today,
    )  # fmt: skip
    first17 = "45122319990101123"
    card_sellers.add_card_seller(
        database, {"name": "覃明亮", "mobile": "13900001234",
                   "id_number": first17 + id_number_check_digit(first17), "area_id": area,
                   "card_kind": "bank_card", "source": "upper_level",
                   "listed_on": today - timedelta(days=2)},
        today=today,
    )  # fmt: skip
    return area


def test_today_lists_a_flagged_community_with_why_and_opens_its_screen(window, qtbot):
    area = _awarded_then_a_card_seller(window.database)
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    assert page.flags_heading.text() == "Fraud-free communities to review: 1"
    assert page.flags.topLevelItemCount() == 1
    community, since, why = page.flags_section.texts(0)
    assert community == "新建社区 · 金城江街道" and since.startswith("plaque since ")
    assert why.startswith("a card seller listed ") and "覃" not in why
    chosen = []
    page.open_record.connect(lambda key, record: chosen.append((key, record)))
    page.flags.itemActivated.emit(page.flags.topLevelItem(0), 0)
    assert chosen == [("fraud_free", area)]
    # Without a fraud-free screen the window does nothing rather than fail.
    if "fraud_free" not in window.page_keys:
        assert window.open_record("fraud_free", area) is None


def test_today_says_when_no_community_is_to_review(window, qtbot):
    fraud_free.record_status(
        window.database, _community(window.database), "awarded", clock.today(),
        awarded_by="县综治办", correction_reason="补录", today=clock.today(),
    )  # fmt: skip
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    assert page.flags_heading.text() == "Fraud-free communities to review: 0"
    assert page.flags_section.empty.text() == "None to review."
    assert page.flags.topLevelItemCount() == 0  # nothing to open


def test_a_short_column_keeps_its_whole_text_beside_a_long_one(window, qtbot):
    """The plaque's day and the reasons share what the community's name leaves: the day,
    short, shows whole while it fits in half of that; the reasons take the rest and end in "…"
    when they are longer. Never is the day cut narrower than the reasons, nor does the table
    run past its edge, however narrow the window."""
    _awarded_then_a_card_seller(window.database)
    for number in range(6):  # more reasons than the column holds
        first17 = f"451223199901{number + 2:02d}123"
        card_sellers.add_card_seller(
            window.database, {"name": "蓝某", "mobile": f"1390000{number:04d}",
                              "id_number": first17 + id_number_check_digit(first17),
                              "area_id": _community(window.database), "card_kind": "bank_card",
                              "source": "upper_level",
                              "listed_on": clock.today() - timedelta(days=number + 3)},
            today=clock.today(),
        )  # fmt: skip
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    table, header = page.flags, page.flags.header()
    since = page.flags_section.texts(0)[1]
    for width in (1366, 1000, 800):
        window.resize(width, 700)
        qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
        room = table.viewport().width()
        day, reasons = header.sectionSize(1), header.sectionSize(2)
        if table.sizeHintForColumn(1) <= (room - header.sectionSize(0)) // 2:
            assert day >= table.fontMetrics().horizontalAdvance(since), width
        assert 0 < reasons < table.sizeHintForColumn(2) and reasons >= day - 1, width
        assert header.sectionViewportPosition(2) + reasons <= room, width
