"""The cyclic garbage collector around the work that makes a process's long-lived objects.

Importing the program, reportlab and Qt, and reading a font's tables (the Hei face alone is
about 150,000 tuples, lists and dicts), make objects that live until the process ends and hold
almost no garbage. With the collector on, its passes walk them again and again while they are
made; a command-line printout spent some 40 ms of its 0.3 s on that. So a process's start runs
with the collector paused (:func:`pause` … :func:`settle`) and what it made is then moved to
the permanent generation (``gc.freeze``), which later passes skip; a font is read under
:func:`paused`. Garbage made afterwards is collected as usual. The few hundred objects of
garbage a start leaves are frozen with the rest: a collection to find them would cost more
(about 10 ms) than they hold.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused_at_start = False


def pause() -> None:
    """Stop the collector until :func:`settle`: at the start of the program's own process
    (not when a caller in a longer process, a test, runs the command line)."""
    global _paused_at_start
    if gc.isenabled():
        gc.disable()
        _paused_at_start = True


def settle() -> None:
    """After :func:`pause`, once the start's long-lived objects are made: freeze them and start
    the collector. Does nothing when nothing was paused."""
    global _paused_at_start
    if _paused_at_start:
        _paused_at_start = False
        gc.freeze()
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """Run a block that builds many objects kept for the rest of the process (a font's
    tables) without the collector; it is left as it was. Nothing is frozen here: a long
    session may hold garbage not yet collected, which a freeze would keep for good."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
