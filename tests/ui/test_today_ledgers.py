"""Today's list of persons abroad overdue (劝返): masked, each chosen asks the window for the
persons-abroad screen."""

from datetime import timedelta

from desktop.core import clock
from desktop.core.validate import id_number_check_digit
from desktop.domain import return_cases as returns


def _settle(page, qtbot):
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)


def _list(database, name: str, serial: int, listed_days_ago: int, deadline_days: int) -> str:
    today = clock.today()
    first17 = f"45122319900101{serial:03d}"
    values = {"name": name, "mobile": f"1380000{serial:04d}",
              "id_number": first17 + id_number_check_digit(first17),
              "location": "cambodia", "lead_source": "upper_level", "category": "high_risk",
              "listed_on": today - timedelta(days=listed_days_ago),
              "deadline_on": today - timedelta(days=listed_days_ago) + timedelta(days=deadline_days)}  # fmt: skip
    return returns.list_person(database, values, today=today - timedelta(days=listed_days_ago))


def test_today_lists_the_persons_abroad_overdue_masked_and_opens_their_screen(window, qtbot):
    database = window.database
    # Past its deadline 5 days ago; its family never contacted since listing 40 days ago.
    late = _list(database, "罗明明", 1, 40, 35)
    # Listed yesterday with a month to go: nothing overdue.
    _list(database, "韦小红", 2, 1, 30)
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    assert page.returns_heading.text() == "Persons abroad overdue: 1"
    assert page.returns.topLevelItemCount() == 1
    name, where, why = page.returns_section.texts(0)
    assert (name, where) == ("罗某", "Cambodia")
    assert "罗明明" not in why and "deadline" in why and "; family never contacted" in why
    deadline = clock.today() - timedelta(days=5)
    # This year's deadline is said without its year, so the reasons fit the pane.
    assert (str(deadline.year) in why) == (deadline.year != clock.today().year)
    assert page.returns.topLevelItem(0).toolTip(2) == why
    chosen = []
    page.open_record.connect(lambda key, record: chosen.append((key, record)))
    page.returns.itemActivated.emit(page.returns.topLevelItem(0), 0)
    assert chosen == [("returns", late)]


def test_a_person_chosen_on_today_opens_on_the_return_persuasion_screen(window, qtbot):
    late = _list(window.database, "罗明明", 1, 40, 35)
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    page.returns.itemClicked.emit(page.returns.topLevelItem(0), 0)
    returns_page = window.stack.currentWidget()
    assert returns_page is window.page("returns")
    assert returns_page.case.case_id == late and "罗某" in returns_page.case.details.text()
    assert "罗明明" not in returns_page.case.details.text()  # still masked
    assert window.open_record("no such screen", "x") is None


def test_today_says_when_no_person_abroad_is_overdue(window, qtbot):
    page = window.today_page
    page.reload()
    _settle(page, qtbot)
    assert page.returns_heading.text() == "Persons abroad overdue: 0"
    assert page.returns_section.empty.text() == "None overdue."
    assert page.returns.topLevelItemCount() == 0 and not page.returns.isVisible()


def test_in_chinese_the_reasons_are_joined_with_the_chinese_semicolon(window, qtbot):
    _list(window.database, "罗明明", 1, 40, 35)
    window.translations.install("zh_CN")
    try:
        page = window.today_page
        page.reload()
        _settle(page, qtbot)
        why = page.returns_section.texts(0)[2]
        assert "；" in why and "; " not in why
    finally:
        window.translations.install("en")
