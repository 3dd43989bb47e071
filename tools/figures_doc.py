"""Write docs/figures.md — every figure's JSON key, unit, names and definition — from
desktop/core/figures.py, the one place they are defined.

    python tools/figures_doc.py

tests/test_docs.py fails when the page is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.figures import FIGURES, FRAUD_FREE_FIGURES, RETURN_FIGURES  # noqa: E402

UNITS = {"count": "count", "people": "人次 (person-times)", "persons": "人 (people)",
         "percent": "percent, one decimal",
         "minutes": "minutes", "wan_yuan": "万元 (10,000 yuan), two decimals", "days": "days"}  # fmt: skip


def render() -> str:
    lines = [
        "# Figures (指标) and their definitions",
        "",
        "Generated from `desktop/core/figures.py` by `python tools/figures_doc.py`; the screen,",
        "the briefing, the Excel export and `outreach-desk stats --json` all use these keys and",
        "definitions. A figure with nothing to compute it from is `null` (shown as —), never 0.",
        "",
        '`stats --json` prints `{"period": {"from", "to"}, "area", "figures": {...}}`; besides',
        "the keys below, `figures` holds `warnings_by_source`, `warnings_by_level` and",
        "`warnings_by_outcome` (objects keyed by the catalogue codes), and `communities_covered`,",
        "`communities_total` and `follow_ups_done` (the parts of the rates). The figures of",
        "return persuasion (劝返, `returns_*`, `return_*`) count each person abroad by the area of",
        "household registration only. The fraud-free figures (无诈社区) count the communities",
        "and villages of the area, a plaque as it stands on the period's last day.",
        "",
        "| key | unit | 中文 | English | 口径 (definition) |",
        "|---|---|---|---|---|",
    ]
    for figure in (*FIGURES, *RETURN_FIGURES, *FRAUD_FREE_FIGURES):
        lines.append(
            f"| `{figure.key}` | {UNITS[figure.unit]} | {figure.name_zh} | {figure.name} | "
            f"{figure.definition_zh}<br>{figure.definition} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    target = ROOT / "docs" / "figures.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(render(), encoding="utf-8")
    print(f"written {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
