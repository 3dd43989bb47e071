"""Benchmarks with their baselines, measured in the same run (``python -m bench``)."""

from __future__ import annotations

import compileall
from pathlib import Path


def as_installed(env: dict[str, str]) -> dict[str, str]:
    """``env`` for a whole process of ours started as an installed program starts: from
    compiled bytecode (pip and PyInstaller compile it). A machine with PYTHONDONTWRITEBYTECODE
    set would otherwise compile every module of ours from source at each start (about 0.1 s for
    the sign-in sheet's) while the baseline's libraries are compiled already."""
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "desktop", quiet=1)
    return {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}
