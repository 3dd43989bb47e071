"""The style of the program's menus (``widgets.Menu``), in a module of its own: naming
``QStyle`` makes PySide build its enums (some 570 members, 5 ms), and no menu is sized during
the window's start, so this is imported when the first one is."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QProxyStyle, QStyle


class RoomyMenuItems(QProxyStyle):
    """The application's style, with menu items half a line's height wider than it asks."""

    def sizeFromContents(self, kind, option, size, widget=None) -> QSize:  # noqa: N802
        size = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.ContentsType.CT_MenuItem:
            size.setWidth(size.width() + option.fontMetrics.height() // 2)
        return size
