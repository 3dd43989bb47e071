"""The command line as whole processes, each against its baseline in the same run, pairs
interleaved.

- ``outreach-desk --version`` against ``python -c pass`` (the interpreter's own start: nothing
  can start faster). Target ≤ 2×.
- ``outreach-desk print signin`` (a 25-row sign-in sheet of a talk, the file closed) against a
  bare reportlab script that registers the same Hei face and writes a page with the same title
  and a 25-row table of the same columns. Target ≤ 1.3×. The talk is a station's demo database's,
  made for the run: every print writes its audit entry, and the scale database is left as it
  was. What the print reads (one talk and the station's settings, by their keys) costs the same
  on either: opening, reading and closing took 3.8 ms on both.
"""

from __future__ import annotations

import os
import sqlite3
import statistics as stats_module
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import as_installed, demo_database

BARE_SIGNIN = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from reportlab.lib.styles import ParagraphStyle
from desktop.paths import font_path

pdfmetrics.registerFont(TTFont("Hei", str(font_path()), subfontIndex=0))
title = ParagraphStyle("title", fontName="Hei", fontSize=18, leading=26, alignment=1)
rows = [["序号", "姓名", "单位/住址", "联系电话", "签名"]]
rows += [[str(n), "", "", "", ""] for n in range(1, 26)]
table = Table(rows, colWidths=[40, 90, 170, 110, 90], rowHeights=24)
table.setStyle([("FONT", (0, 0), (-1, -1), "Hei", 11), ("GRID", (0, 0), (-1, -1), 0.5, "black")])
SimpleDocTemplate(sys.argv[1], pagesize=A4).build(
    [Paragraph("反诈宣传活动签到表", title), table]
)
"""


def _seconds(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, capture_output=True)
    return time.perf_counter() - started


def _talk(db_path: Path) -> str:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT id FROM talks WHERE deleted_at IS NULL ORDER BY starts_at DESC LIMIT 1"
        ).fetchone()[0]
    finally:
        conn.close()


def _versus(name: str, ours: list[float], theirs: list[float], baseline: str, target: float):
    mine, base = stats_module.median(ours), stats_module.median(theirs)
    return {
        "name": name,
        "ours_s": round(mine, 3),
        "ours_min_s": round(min(ours), 3),
        "baseline_s": round(base, 3),
        "baseline_min_s": round(min(theirs), 3),
        "baseline": baseline,
        "ratio": round(mine / base, 2),
        "target_ratio": target,
    }


def measure(_db_path: Path, runs: int = 15) -> list[dict]:
    python = sys.executable
    env = as_installed(
        {**os.environ, "OUTREACH_DESK_DATA": tempfile.mkdtemp(prefix="outreach-bench-")}
    )
    ours_version, bare_python, ours_signin, bare_signin = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="outreach-bench-cli-") as folder:
        out = Path(folder)
        station = demo_database(out / "station.sqlite3")
        talk = _talk(station)
        for run in range(runs):
            bare_python.append(_seconds([python, "-c", "pass"], env))
            ours_version.append(_seconds([python, "-m", "desktop", "--version"], env))
            bare_signin.append(_seconds([python, "-c", BARE_SIGNIN, str(out / f"b{run}.pdf")], env))
            ours_signin.append(
                _seconds(
                    [python, "-m", "desktop", "--db", str(station), "print", "signin", talk,
                     "--rows", "25", "-o", str(out / f"o{run}.pdf")],
                    env,
                )
            )  # fmt: skip
    return [
        _versus("outreach-desk --version, whole process", ours_version, bare_python,
                "python -c pass", 2.0),
        _versus("print signin (25 rows), whole process", ours_signin, bare_signin,
                "bare reportlab script, same Hei face, same table", 1.3),
    ]  # fmt: skip
