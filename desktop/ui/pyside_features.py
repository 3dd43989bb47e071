"""Spares PySide reading sources: imported by ``ui/app`` right after Qt, before any other
module of ours that the window imports.

PySide reads the whole source of every module imported after it, and of every module already
loaded the first time an import statement names it, to learn whether the module selects one
of its ``__feature__`` options (snake_case names, true properties): about sixty of ours and as
many of Python's own at each start, 15 ms. None of ours selects any (a test holds to it), so
each is entered in PySide's table as a module that uses PySide without them; Python's own
modules are entered as the reading would find them, as modules that ignore PySide. (For the
few of ours that never mention PySide the reading would enter "ignore" too; with no option
selected anywhere in the program the two come to the same.) Where the table is not there
(another PySide) or the sources are not (a frozen build: PySide finds none to read either),
nothing changes.
"""

import sys


def _enter_ours() -> None:
    # os is loaded since the interpreter started: an import statement naming it here would
    # have PySide read os.py first (sys is built in: nothing to read).
    os = sys.modules["os"]
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
    python = sys.stdlib_module_names
    for name in [*python, *sys.modules]:
        if name.partition(".")[0] in python:
            table.setdefault(name, -1)


_enter_ours()
