"""The floors of the house, followed through every import a module makes — at the top or inside a
function, directly or through other modules of ours.

core, the engine (db), the domain (domain, demo), reports and exchange run without a display:
no path of imports from them may reach Qt, the widgets or the laptop's settings (which are
QSettings). Below that, each floor imports only from the floors beneath it.
"""

from __future__ import annotations

import ast
from collections import deque
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "desktop"
QT_FREE = ["core", "db", "domain", "demo", "reports", "exchange"]
QT = ("PySide6", "shiboken6")
# What no module of a Qt-free floor may reach: Qt itself, the widgets, and desktop.settings,
# whose QSettings comes from PySide6.
NEVER_WITHOUT_QT = ("desktop.ui", "desktop.settings", *QT)
# Floor → the packages of ours it must not reach by any path.
BELOW = {
    "core": (
        "desktop.db", "desktop.domain", "desktop.demo", "desktop.reports", "desktop.exchange",
        "desktop.ui", "desktop.cli",
    ),
    "db": (
        "desktop.domain", "desktop.demo", "desktop.reports", "desktop.exchange", "desktop.ui",
        "desktop.cli",
    ),
    "domain": ("desktop.reports", "desktop.exchange", "desktop.ui", "desktop.cli"),
}  # fmt: skip


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


class ImportGraph:
    """Every module of a package and the modules each one imports, ours resolved to files."""

    def __init__(self, package_dir: Path):
        self.root = package_dir.name
        self.files: dict[str, Path] = {}
        for path in sorted(package_dir.rglob("*.py")):
            parts = path.relative_to(package_dir.parent).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            self.files[".".join(parts)] = path
        self._edges: dict[str, list[str]] = {}

    def _ours(self, name: str) -> bool:
        return name == self.root or name.startswith(self.root + ".")

    def _with_parents(self, name: str) -> list[str]:
        """Importing ``a.b.c`` runs ``a`` and ``a.b`` first; a name that is not a module of ours
        (``from desktop.db.sqlite import connect`` names a function) stops at its module."""
        parts = name.split(".")
        found = []
        for end in range(1, len(parts) + 1):
            candidate = ".".join(parts[:end])
            if candidate in self.files:
                found.append(candidate)
        return found

    def imports(self, module: str) -> list[str]:
        """What ``module`` imports anywhere in its text: modules of ours by name, others by the
        top-level name (PySide6, sqlite3)."""
        if module in self._edges:
            return self._edges[module]
        path = self.files[module]
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        names: list[str] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    origin = ".".join(base + ([node.module] if node.module else []))
                else:
                    origin = node.module or ""
                names.append(origin)
                names += [f"{origin}.{alias.name}" for alias in node.names]
        edges: list[str] = []
        for name in names:
            targets = self._with_parents(name) if self._ours(name) else [name.split(".")[0]]
            edges += [target for target in targets if target != module and target not in edges]
        self._edges[module] = edges
        return edges

    def path_to(self, start: str, forbidden: tuple[str, ...]) -> list[str] | None:
        """The shortest chain of imports from ``start`` to a module within ``forbidden``."""
        came_from: dict[str, str | None] = {start: None}
        queue = deque([start])
        while queue:
            module = queue.popleft()
            for target in self.imports(module) if module in self.files else []:
                if target in came_from:
                    continue
                came_from[target] = module
                if _within(target, forbidden):
                    chain = [target]
                    while came_from[chain[-1]] is not None:
                        chain.append(came_from[chain[-1]])
                    return chain[::-1]
                queue.append(target)
        return None

    def offenders(self, floor: str, forbidden: tuple[str, ...]) -> list[str]:
        found = []
        for module in self.files:
            if _within(module, (f"{self.root}.{floor}",)):
                chain = self.path_to(module, forbidden)
                if chain:
                    found.append(" → ".join(chain))
        return found


@pytest.fixture(scope="module")
def graph() -> ImportGraph:
    return ImportGraph(PACKAGE_DIR)


@pytest.mark.parametrize("floor", QT_FREE)
def test_floor_never_reaches_qt_the_widgets_or_the_settings(graph, floor):
    assert graph.offenders(floor, NEVER_WITHOUT_QT) == []


@pytest.mark.parametrize("floor", sorted(BELOW))
def test_floor_imports_only_from_the_floors_beneath(graph, floor):
    assert graph.offenders(floor, BELOW[floor]) == []


def test_the_settings_do_import_qt(graph):
    """Why desktop.settings is out of bounds for the Qt-free floors."""
    assert graph.path_to("desktop.settings", QT) is not None


def _write(root: Path, files: dict[str, str]) -> ImportGraph:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return ImportGraph(root / "pkg")


def test_the_check_follows_a_two_step_path_through_a_function_level_import(tmp_path):
    graph = _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/low/__init__.py": "",
            "pkg/low/a.py": "from pkg.low import b\n",
            "pkg/low/b.py": "def later():\n    from ..high import c\n",
            "pkg/high/__init__.py": "",
            "pkg/high/c.py": "from PySide6.QtCore import QObject\n",
            "pkg/low/clean.py": "import os\nfrom pkg.low.b import later\n",
        },
    )
    assert graph.path_to("pkg.low.a", QT) == [
        "pkg.low.a",
        "pkg.low.b",
        "pkg.high.c",
        "PySide6",
    ]
    # Importing a name from b runs b: clean reaches the floor above through it.
    assert graph.offenders("low", ("pkg.high",)) == [
        "pkg.low.a → pkg.low.b → pkg.high",
        "pkg.low.b → pkg.high",
        "pkg.low.clean → pkg.low.b → pkg.high",
    ]


def test_the_check_sees_the_package_a_submodule_runs(tmp_path):
    """Importing pkg.high.c runs pkg/high/__init__.py first."""
    graph = _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/low.py": "import pkg.high.c\n",
            "pkg/high/__init__.py": "import shiboken6\n",
            "pkg/high/c.py": "",
        },
    )
    assert graph.path_to("pkg.low", QT) == ["pkg.low", "pkg.high", "shiboken6"]
