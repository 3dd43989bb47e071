"""The program's icons are SVG: drawn sharp at any size and screen scale."""

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from desktop.paths import resource_dir
from desktop.ui.app import app_icon, icon

ICONS = sorted(path.stem for path in (resource_dir() / "icons").glob("*.svg"))


@pytest.mark.parametrize("name", ICONS)
@pytest.mark.parametrize("side", [16, 24, 48, 96])
def test_every_icon_draws_at_every_size(app, name, side):
    image = icon(name).pixmap(QSize(side, side)).toImage()
    assert image.size() == QSize(side, side)
    opaque = sum(image.pixelColor(x, y).alpha() > 0 for x in range(side) for y in range(side))
    assert opaque > side * side // 10, f"{name} at {side} px is (nearly) empty"


def test_a_screen_scaled_twice_gets_twice_the_pixels(app):
    pixmap = app_icon().pixmap(QSize(32, 32), 2.0)
    assert pixmap.size() == QSize(64, 64) and pixmap.devicePixelRatio() == 2.0
    assert pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32).pixelColor(32, 6).alpha()


def test_the_window_and_the_navigation_carry_icons(window, app):
    assert not app.windowIcon().isNull()
    assert ICONS and {"outreach-desk", *window.page_keys} <= set(ICONS)
    for row in range(window.navigation.count()):
        assert not window.navigation.item(row).icon().isNull()
