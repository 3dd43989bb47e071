"""Outreach Desk (反诈工作台): anti-fraud outreach talks and warning dissuasion, offline.

build.spec and the About dialog read the names below.
"""

import ctypes as _ctypes
import sys as _sys

__version__ = "0.1.0"
APP_NAME = "Outreach Desk"
APP_NAME_ZH = "反诈工作台"
ORGANISATION = "OutreachDesk"


# A guard against a PySide6 bug, set before any module of the program can import Qt.
#
# PySide6 6.12.0 on Python 3.11 drops references it does not own: one to ``None`` on every call
# of a Qt method that returns nothing (``update()``, ``setText()``; a month calendar repaint
# makes hundreds), and one to ``True`` on every ``Signal.emit()`` from Python. Soon ``None`` or
# ``True`` itself is freed and the interpreter aborts ("none_dealloc", "bool_dealloc").
# Python 3.12 and later make these objects immortal; on older versions we do the same by hand,
# giving each a reference count no run of the program can use up. Extra references can never
# crash; missing ones do.
if _sys.version_info < (3, 12) and _sys.implementation.name == "cpython":
    for _constant in (None, True, False):
        _ctypes.c_ssize_t.from_address(id(_constant)).value += 1 << 40
