"""Regenerate the screenshots in docs/screenshots/ with the program's own screenshot command.

    python tools/screenshots.py

A fresh demo database (seed 1) is made in a temporary folder, so the pictures show the same
synthetic city every time and never an officer's real data.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
VIEWS = [
    "today",
    "calendar",
    "week",
    "talks",
    "warnings",
    "reports",
    "areas",
    "officers",
    "partners",
    "settings",
]
LANGUAGES = ["zh_CN", "en"]


def run(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "desktop", *args], check=True, env=env, cwd=ROOT)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="outreach-shots-") as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OUTREACH_DESK_DATA": folder}
        db = str(Path(folder) / "demo.sqlite3")
        run("--db", db, "--lang", "en", "demo", "--seed", "1", env=env)
        for language in LANGUAGES:
            for view in VIEWS:
                target = OUT / f"{view}-{language}.png"
                run("--db", db, "screenshot", view, "-o", str(target), "--lang", language, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
