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
# PySide6 6.12.0 drops references it does not own: one to ``None`` on every call of a Qt method
# that returns nothing (``update()``, ``setText()``; a month calendar repaint makes hundreds),
# and one to ``True`` on every ``Signal.emit()`` from Python. On Python 3.11 ``True`` or
# ``None`` itself is soon freed and the interpreter aborts ("bool_dealloc", "none_dealloc")
# after about two thousand emits. PySide6 6.7.3 to 6.11.3 lose none (checked on 3.11). Python
# 3.12 and later make these objects immortal (PEP 683: their count never falls), so there the
# guard does nothing; on 3.11 we do the same by hand, giving each a reference count no run of the
# program can use up. Extra references can never crash; missing ones do.
# Remove it once pyproject.toml allows no PySide6 6.12.0 on Python 3.11 (a fixed 6.12 release
# as the floor, or Python 3.12 as ours): tests/ui/test_signal_guard.py shows the crash.
def _make_constants_immortal(version: tuple[int, ...] = _sys.version_info) -> bool:
    """Whether this interpreter needed the guard (and now has it)."""
    if version >= (3, 12) or _sys.implementation.name != "cpython":
        return False
    for constant in (None, True, False):
        _ctypes.c_ssize_t.from_address(id(constant)).value += 1 << 40
    return True


_make_constants_immortal()
