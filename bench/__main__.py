"""python -m bench [--db PATH] [--runs N] [--only NAME,… | --quick]

Builds (or reuses) the scale database, runs every benchmark (or those named, or the quick set)
against its baseline measured in the same run, prints a table, writes
bench/results/<timestamp>.json, names every measure more than 10% slower than its latest earlier
result and every measure that changed the scale database (its schema, audit log, settings and
counters, or saved briefing issues, read before and after each, once the program has done what
it does once to a file: ``bench.settled``), and exits 1 if a target is missed or the database
changed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from bench import fingerprint, printed, settled, startup

HERE = Path(__file__).resolve().parent
DEFAULT_DB = HERE / "data" / "large.sqlite3"


def ensure_large_database(path: Path) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building the scale database at {path} (several minutes, once) …", flush=True)
    started = time.time()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--db",
            str(path),
            "--lang",
            "en",
            "demo",
            "--size",
            "large",
        ],
        check=True,
    )
    print(f"built in {time.time() - started:.0f} s", flush=True)


def _in_child(module: str, db: Path, runs: int | None = None) -> list[dict]:
    """Run ``module.measure(db)`` in a fresh interpreter (its own QApplication) and collect it
    (with ``runs`` pairs when given, else the measure's own number)."""
    given = "" if runs is None else f", runs={int(runs)}"
    code = (
        "import json, sys; from pathlib import Path; import importlib; "
        f"print('RESULT ' + json.dumps(importlib.import_module({module!r}).measure("
        f"Path(sys.argv[1]){given})))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return json.loads(printed(code, str(db), tag="RESULT", env=env))


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


# Every measure in the order it runs (the GUI ones one at a time, each in its own process);
# ``--quick`` runs the ones that take a few minutes between them on a built scale database.
MEASURES = (
    "startup", "talks", "warnings", "search", "figures", "briefing", "ledgers", "fraud_free",
    "imports", "ledger_imports", "merges", "responsiveness", "closing", "command_line",
    "encrypted", "demo",
)  # fmt: skip
QUICK = ("startup", "warnings", "search", "figures", "ledgers", "closing", "command_line")
SLOWER = 1.10  # a measure more than 10% slower than in the previous result file is named


def previous_results(folder: Path) -> dict[str, dict]:
    """Each measure's latest result in the result files (a run of ``--only`` or ``--quick``
    holds some measures only), by name."""
    latest: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):  # their names sort by time
        try:
            latest.update({item["name"]: item for item in json.loads(path.read_text())["results"]})
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a file cut off or edited by hand says nothing
    return latest


def got_slower(results: list[dict], before: dict[str, dict]) -> list[str]:
    """The measures more than 10% slower than the same measure before, with both times."""
    slower = []
    for result in results:
        earlier = before.get(result["name"])
        if earlier and earlier.get("ours_s") and result["ours_s"] > earlier["ours_s"] * SLOWER:
            slower.append(
                f"{result['name']}: {result['ours_s']:g} s, was {earlier['ours_s']:g} s "
                f"(+{100 * (result['ours_s'] / earlier['ours_s'] - 1):.0f}%)"
            )
    return slower


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=5)
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument(
        "--only", help=f"comma-separated measures to run, of: {', '.join(MEASURES)}"
    )
    chosen.add_argument("--quick", action="store_true", help=f"only {', '.join(QUICK)}")
    args = parser.parse_args(argv)
    names = QUICK if args.quick else MEASURES
    if args.only:
        names = tuple(name.strip() for name in args.only.split(",") if name.strip())
        unknown = sorted(set(names) - set(MEASURES))
        if unknown:
            parser.error(f"no such measure: {', '.join(unknown)}")
    ensure_large_database(args.db)
    settled(args.db)
    before = previous_results(HERE / "results")
    results, changed = [], []
    for name in names:
        found = fingerprint(args.db)
        if name == "startup":  # in this process: it starts its own children
            measured = [startup.measure(args.db, runs=args.runs)]
        else:
            measured = _in_child(f"bench.{name}", args.db)
        if fingerprint(args.db) != found:  # every later run would measure another database
            changed.append(name)
            measured = [{**result, "changed_the_database": True} for result in measured]
        results += measured

    print(f"\n{'measure':<58} {'ours':>9} {'baseline':>9} {'ratio':>6}  target")
    failed = False
    for result in results:
        ok = True
        targets = []
        if result.get("target_ratio") is not None:
            ok &= result["ratio"] <= result["target_ratio"]
            targets.append(f"≤ {result['target_ratio']}×")
        unit = result.get("unit")
        if result.get("target_s") is not None:
            ok &= result["ours_s"] <= result["target_s"]
            if unit:
                targets.append(f"≤ {result['target_s']:g} {unit}")
            else:
                targets.append(f"≤ {result['target_s'] * 1000:.0f} ms")
        failed |= not ok
        baseline = f"{result['baseline_s']:>8.3f}s" if result.get("baseline_s") else f"{'—':>9}"
        ratio = f"{result['ratio']:>6.2f}" if result.get("ratio") else f"{'—':>6}"
        ours = f"{result['ours_s']:>5.1f} {unit}" if unit else f"{result['ours_s']:>8.3f}s"
        print(
            f"{result['name']:<58} {ours:>9} {baseline} {ratio}  "
            f"{', '.join(targets)} {'ok' if ok else 'MISSED'}"
        )
    out = HERE / "results" / f"{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps({"machine": machine(), "results": results}, indent=2, ensure_ascii=False) + "\n"
    )
    print(f"\nwritten {out.relative_to(HERE.parent)}")
    slower = got_slower(results, before)
    for line in slower:
        print(f"SLOWER than the previous run: {line}")
    for name in changed:
        print(f"CHANGED the scale database (a measure must leave it as it was): {name}")
    return 1 if failed or changed else 0


if __name__ == "__main__":
    sys.exit(main())
