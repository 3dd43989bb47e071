"""The widgets (PySide6). Everything below desktop/ui may import Qt; nothing else may."""

import os
import sys

import PySide6.QtCore  # noqa: F401 - shiboken's support first: its feature table is filled below


def _ours_select_no_features() -> None:
    """PySide reads the whole source of every module imported after it, to learn whether the
    module selects one of its ``__feature__`` options (a start imports about sixty of ours:
    9 ms). None of ours does (a test holds to it): each is entered in PySide's table as using
    it without any, which is what the reading would find. Where the table is not there
    (another PySide) or there are no sources (a frozen build), nothing changes."""
    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    root = os.path.dirname(package)
    for folder, folders, files in os.walk(package):
        folders[:] = [name for name in folders if name != "__pycache__"]
        prefix = os.path.relpath(folder, root).replace(os.sep, ".")
        for file in files:
            if file.endswith(".py"):
                name = file[:-3]
                table.setdefault(prefix if name == "__init__" else f"{prefix}.{name}", 0)


_ours_select_no_features()
