"""desktop/__init__.py's guard against PySide6 6.12.0's lost references to None and True: it
acts on Python 3.11 only, where those objects can be freed."""

import sys
import tomllib
from pathlib import Path

from desktop import _make_constants_immortal

ROOT = Path(__file__).resolve().parent.parent


def test_the_guard_does_nothing_on_python_3_12_and_later():
    before = sys.getrefcount(None)
    assert _make_constants_immortal((3, 12, 0)) is False
    assert _make_constants_immortal((3, 13, 1)) is False
    assert sys.getrefcount(None) - before < 1000


def test_on_python_3_11_the_constants_outlive_any_run():
    if sys.version_info >= (3, 12):
        assert sys.getrefcount(None) >= 2**30  # immortal: the interpreter's own count
        return
    assert sys.getrefcount(True) > 1 << 40  # set when desktop was imported
    before = sys.getrefcount(None)
    assert _make_constants_immortal((3, 11, 2)) is True
    assert sys.getrefcount(None) - before >= 1 << 40


def test_the_guard_stays_only_while_python_3_11_is_allowed():
    """When the program needs 3.12 or later, the guard is dead code: remove it, and this test."""
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert requires == ">=3.11", "Python 3.11 is no longer allowed: remove desktop's guard"
