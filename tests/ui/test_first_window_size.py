"""The window's first size fits the screen it opens on, its status bar included."""

from __future__ import annotations

from PySide6.QtCore import QSize

from desktop.ui.main_window import FIRST_SIZE, FRAME_ALLOWANCE, first_size


def test_a_small_laptop_gets_a_window_that_fits_under_its_taskbar():
    available = QSize(1366, 728)  # 1366×768 less a 40-pixel taskbar
    size = first_size(available)
    assert size.width() <= 1366 - FRAME_ALLOWANCE.width()
    assert size.height() + FRAME_ALLOWANCE.height() <= 728
    assert first_size(QSize(1920, 1040)) == FIRST_SIZE


def test_the_window_opens_at_that_size_with_its_status_bar_on_it(app, qtbot, db_path):
    from tests.ui.conftest import open_window

    window = open_window(app, qtbot, db_path, size=None)
    # No size saved yet (a new data folder): the window takes the first size of its screen
    # (the test screen is 800 wide: narrower than the window's parts, which then decide).
    assert window.height() == first_size(window.screen().availableGeometry().size()).height()
    # The window's parts ask for no more height than a 1366×768 laptop's window has.
    window.resize(first_size(QSize(1366, 728)))
    assert window.height() + FRAME_ALLOWANCE.height() <= 728
    assert window.statusBar().isVisible()
    assert window.statusBar().geometry().bottom() < window.height()
