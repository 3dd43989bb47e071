"""The README's table of a benchmark run, from its result files:

    python -m bench.table [FILE.json ...]

With files, their results (a measure in a later file replaces it from an earlier one: a full
run, then a re-run of some measures); without, each measure's latest result among ``bench/results/*.json`` (a run of
``--only`` holds some measures only). Each row gives ours and the baseline as the median of the
runs and, where the measure kept them, the minimum in brackets; the ratio of the medians; the
target; and whether it is met.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.__main__ import HERE, previous_results


def _seconds(value: float | None, unit: str | None) -> str:
    if value is None:
        return "—"
    if unit == "MiB":
        return f"{value:g} MiB"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def _with_minimum(median: float | None, minimum: float | None, unit: str | None) -> str:
    shown = _seconds(median, unit)
    if minimum is not None and median is not None and minimum != median:
        shown += f" ({_seconds(minimum, unit)})"
    return shown


def row(result: dict) -> str:
    unit = result.get("unit")
    runs = result.get("runs") or {}  # a measure that kept every run: its minimum from them
    ours_min = result.get("ours_min_s", min(runs.get("ours") or [None], key=lambda v: v or 0))
    base_min = result.get(
        "baseline_min_s", min(runs.get("baseline") or [None], key=lambda v: v or 0)
    )
    ours = _with_minimum(result.get("ours_s"), ours_min, unit)
    baseline = _with_minimum(result.get("baseline_s"), base_min, unit)
    if result.get("baseline") and result.get("baseline_s") is not None:
        baseline += f" ({result['baseline']})" if "(" not in baseline else f", {result['baseline']}"
    ratio = f"{result['ratio']:.2f}" if result.get("ratio") is not None else "—"
    targets, met = [], True
    if result.get("target_ratio") is not None:
        targets.append(f"≤ {result['target_ratio']:g}×")
        met &= result.get("ratio") is None or result["ratio"] <= result["target_ratio"]
    if result.get("target_s") is not None:
        limit = result["target_s"]
        targets.append(f"≤ {limit:g} MiB" if unit == "MiB" else f"≤ {limit * 1000:g} ms")
        met &= result.get("ours_s") is not None and result["ours_s"] <= limit
    target = ", ".join(targets) or "—"
    verdict = ("met" if met else "**missed**") if targets else ""
    return f"| {result['name']} | {ours} | {baseline} | {ratio} | {target} {verdict} |"


def main(argv: list[str]) -> int:
    if argv:  # a later file's result of a measure replaces an earlier one's, in its place
        latest: dict[str, dict] = {}
        for path in argv:
            latest.update(
                {item["name"]: item for item in json.loads(Path(path).read_text())["results"]}
            )
        results = list(latest.values())
    else:
        results = list(previous_results(HERE / "results").values())
    print("| measure | ours: median (minimum) | baseline: median (minimum) | ratio | target |")
    print("|---|---|---|---|---|")
    for result in results:
        print(row(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
