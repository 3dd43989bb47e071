"""Menus whose items are never cut short, at any text size."""

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QMenu

from desktop.ui.widgets import Menu

LONGEST = "重复录入的群众(&D)…"


def _first_item(menu, *texts):
    """The first item as the menu draws it at its own size."""
    for text in texts:
        menu.addAction(text)
    menu.ensurePolished()
    menu.resize(menu.sizeHint())
    item = menu.actionGeometry(menu.actions()[0])
    return menu.grab(QRect(QPoint(0, item.top()), item.size())).toImage()


def _cut_short(app, qtbot, kind, percent) -> bool:
    """Whether the item with the menu's longest words is drawn otherwise than in a menu with
    room to spare (one with a much longer item below it)."""
    from desktop.ui.app import apply_text_size

    try:
        apply_text_size(app, percent)
        own, roomy = kind(), kind()
        qtbot.addWidget(own)
        qtbot.addWidget(roomy)
        alone = _first_item(own, LONGEST)
        spared = _first_item(roomy, LONGEST, LONGEST * 3)
        # The words, not the item's edges (the last item's bottom row is the menu's frame).
        edge = own.fontMetrics().height() // 4
        return any(
            alone.pixel(x, y) != spared.pixel(x, y)
            for x in range(alone.width() - 4 * edge)
            for y in range(edge, alone.height() - edge)
        )
    finally:
        apply_text_size(app, 100)


@pytest.mark.parametrize("percent", [100, 125, 150])
def test_the_longest_item_is_drawn_whole(app, qtbot, percent):
    assert not _cut_short(app, qtbot, Menu, percent)


def test_qt_s_own_menu_cuts_the_longest_item_at_a_large_text_size(app, qtbot):
    """Why Menu exists: should this fail, Qt's menus size their items right and Menu can go."""
    assert not _cut_short(app, qtbot, QMenu, 100)
    assert _cut_short(app, qtbot, QMenu, 150)
