"""The widgets. Importing this package first protects the interpreter from a PySide6 bug.

PySide6 6.12.0 drops one reference to ``True`` on every ``Signal.emit()`` made from Python.
On Python 3.11, where ``True`` is an ordinary counted object, a few hundred emits (an import's
progress reports, clicks in the area tree) free ``True`` itself and the program aborts with
"bool_dealloc". Python 3.12 and later make ``True`` and ``False`` immortal; on older versions we
do the same by hand, giving both a reference count no run of the program can use up. Giving
extra references can never crash; missing ones do.
"""

import ctypes
import sys

if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    for _constant in (True, False):
        ctypes.c_ssize_t.from_address(id(_constant)).value += 1 << 40
