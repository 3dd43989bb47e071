"""Tab moves through a form the way the eye reads it: top to bottom, left to right in a row.
An officer entering a warning with the keyboard never jumps back up the form."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from desktop.ui.talks.editor import TalkDialog
from desktop.ui.warnings.intake import IntakeDialog


def _tab_chain(top: QWidget) -> list[QWidget]:
    """The widgets Tab reaches inside ``top``, in the order it reaches them."""
    seen, found = set(), []
    widget = top.nextInFocusChain()
    while widget is not top and id(widget) not in seen:
        seen.add(id(widget))
        if (
            top.isAncestorOf(widget)
            and widget.isVisibleTo(top)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def _out_of_reading_order(top: QWidget) -> list[str]:
    wrong, previous = [], None
    for widget in _tab_chain(top):
        where = widget.mapTo(top, QPoint(0, 0))
        if previous is not None:
            (x, y, height), name = previous
            next_row = where.y() > y + height / 2
            same_row_right = abs(where.y() - y) <= height / 2 and where.x() > x
            if not (next_row or same_row_right):
                wrong.append(
                    f"{name} at {x},{y} → {type(widget).__name__} at {where.x()},{where.y()}"
                )
        previous = ((where.x(), where.y(), widget.height()), type(widget).__name__)
    return wrong


def test_the_intake_form_tabs_in_reading_order(window, qtbot):
    dialog = IntakeDialog(window.database, window)
    qtbot.addWidget(dialog)
    dialog.show()
    chain = _tab_chain(dialog)
    assert len(chain) >= 8  # the check sees the form
    assert chain.index(dialog.name) < chain.index(dialog.mobile)
    assert _out_of_reading_order(dialog) == []


def test_the_talk_form_tabs_in_reading_order(window, qtbot):
    dialog = TalkDialog(window.database, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert len(_tab_chain(dialog)) >= 10
    assert _out_of_reading_order(dialog) == []


def test_settings_tab_in_reading_order(window, qtbot):
    dialog = window.open_settings()
    dialog.show()
    chain = _tab_chain(dialog)
    # The pages' tabs, then the first page from its top.
    assert chain[0] is dialog.pages.tabBar()
    assert chain[1] is dialog.language and chain[2] is dialog.text_size
    assert _out_of_reading_order(dialog) == []


def test_the_case_view_tabs_from_the_note_to_the_one_click_attempts(warned):
    page, _warning_id = warned
    page.select_row(0)
    chain = _tab_chain(page.case)
    note = chain.index(page.case.note)
    assert chain[note + 1 : note + 1 + len(page.case.quick_buttons)] == page.case.quick_buttons
    assert _out_of_reading_order(page.case) == []


def test_the_window_tabs_from_search_to_navigation_to_the_page(window):
    # Today on an empty database has nothing to tab to (its empty sections are one line):
    # the Warnings screen always has its buttons.
    window.show_page("warnings")
    chain = _tab_chain(window)
    first_of_page = _tab_chain(window.stack.currentWidget())[0]
    assert chain.index(window.search_box) < chain.index(window.navigation)
    assert chain.index(window.navigation) < chain.index(first_of_page)


def test_tab_leaves_the_notes_instead_of_typing_into_them(window, qtbot):
    """A multi-line note would otherwise swallow Tab and keep Save out of the keyboard's reach."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPlainTextEdit

    dialog = TalkDialog(window.database, window)
    qtbot.addWidget(dialog)
    dialog.show()
    notes = dialog.findChildren(QPlainTextEdit)
    assert notes
    for note in notes:
        note.setFocus()
        QTest.keyClick(note, Qt.Key.Key_Tab)
        assert "\t" not in note.toPlainText() and not note.hasFocus()
    assert all(edit.tabChangesFocus() for edit in notes)


def test_every_multi_line_field_lets_tab_go_on():
    """The same for the after-the-talk record, the attempt correction and About: each
    QPlainTextEdit the screens make is told to pass Tab on."""
    from pathlib import Path

    import desktop.ui

    for path in Path(desktop.ui.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        made = text.count("QPlainTextEdit(")
        assert text.count("setTabChangesFocus(True)") >= made, path.name


def test_a_form_opens_whole_and_scrolls_only_when_the_screen_is_too_short(window, app, qtbot):
    """Qt would open the talk form at two thirds of the screen; it opens as tall as it needs,
    and at a large text size on a short screen its fields scroll while Save stays in view."""
    from desktop.ui.app import apply_text_size
    from desktop.ui.widgets import FormScroll

    def opened():
        dialog = TalkDialog(window.database, window)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog, dialog.findChild(FormScroll)

    dialog, scroll = opened()
    screen = dialog.screen().availableGeometry()
    assert scroll.verticalScrollBar().maximum() == 0  # the whole form at normal size
    assert dialog.height() > screen.height() * 2 // 3
    dialog.close()
    try:
        apply_text_size(app, 150)
        dialog, scroll = opened()
        assert dialog.height() <= screen.height()
        assert scroll.verticalScrollBar().maximum() > 0  # the rest of the form scrolls
        buttons = dialog.findChild(QDialogButtonBox)
        assert dialog.rect().contains(buttons.geometry())  # Save stays on the screen
        scroll.ensureWidgetVisible(dialog.notes)
        assert scroll.verticalScrollBar().value() > 0  # and the last field can be reached
    finally:
        apply_text_size(app, 100)
