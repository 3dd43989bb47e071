"""Qt's namespace (``Qt.AlignmentFlag``, ``Qt.ItemDataRole``…) for every module of ours, made
when a screen first asks for one of its enums rather than when a module is imported.

PySide makes all of ``Qt``'s enums at once, some ninety-five with 1,200 members, the first
time anything names ``Qt``: 15–17 ms, a tenth of the window's start. The window's start needs
none of them, so nothing on its way may name one, PySide's calls included: a call whose
overloads take one of ``Qt``'s enums makes them all while PySide picks the overload
(``QBrush(colour)``, ``setForeground``, ``setShortcut``). What the start does instead:

- an item's role is an int in every call that takes one: the roles below are Qt's numbers;
- a property with one of ``Qt``'s enums is set by its name and its key (:func:`set_by_name`);
- shortcuts go through ``QAction.setShortcuts``, whose list has no such overload.

``tests/ui/test_start_modules.py`` starts the program and checks that ``Qt`` was never made
before Today was painted; ruff keeps every module importing ``Qt`` from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, Qt  # noqa: TID251 - the one place that may
else:

    class _Namespace:
        """Stands for ``Qt``: each name is looked up in PySide's the first time, then kept."""

        def __getattr__(self, name: str):
            from PySide6.QtCore import Qt  # noqa: TID251 - the one place that may

            value = getattr(Qt, name)
            setattr(self, name, value)  # later lookups find it here, as fast as Qt's own
            return value

    Qt = _Namespace()

# Qt's item data roles, as the ints any call taking a role accepts (a test holds them to Qt's).
DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
BACKGROUND_ROLE = 8
FOREGROUND_ROLE = 9
USER_ROLE = 256


def set_by_name(widget: QObject, name: str, key: str) -> None:
    """Set ``widget``'s Qt property ``name``, an enum, to its key ``key`` (a flags property:
    keys joined by ``|``), as Qt's property system reads it. A property Qt does not declare,
    one of another kind, or a key it does not know raises, and nothing is set."""
    meta = widget.metaObject()
    index = meta.indexOfProperty(name)
    kind = meta.property(index) if index >= 0 else None
    takes_it = kind is not None and (kind.isFlagType() or (kind.isEnumType() and "|" not in key))
    if not takes_it or not widget.setProperty(name, key):
        raise ValueError(f"{type(widget).__name__} has no property {name!r} taking {key!r}")
