"""python -m bench [--db PATH] [--runs N]

Builds (or reuses) the scale database, runs every benchmark against its baseline measured in
the same run, prints a table, writes bench/results/<timestamp>.json, and exits 1 if a target is
missed.
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

from bench import startup

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


def _in_child(module: str, db: Path) -> list[dict]:
    """Run ``module.measure(db)`` in a fresh interpreter (its own QApplication) and collect it."""
    code = (
        "import json, sys; from pathlib import Path; import importlib; "
        f"print('RESULT ' + json.dumps(importlib.import_module({module!r}).measure(Path(sys.argv[1]))))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(db)], capture_output=True, text=True, env=env, check=True
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT ") :])


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    ensure_large_database(args.db)
    # The GUI measures run in child processes or after the startup runs, one at a time.
    results = [startup.measure(args.db, runs=args.runs)]
    results += _in_child("bench.talks", args.db)
    results += _in_child("bench.warnings", args.db)
    results += _in_child("bench.search", args.db)
    results += _in_child("bench.figures", args.db)
    results += _in_child("bench.briefing", args.db)
    results += _in_child("bench.ledgers", args.db)
    results += _in_child("bench.fraud_free", args.db)
    results += _in_child("bench.imports", args.db)
    results += _in_child("bench.ledger_imports", args.db)
    results += _in_child("bench.merges", args.db)
    results += _in_child("bench.responsiveness", args.db)
    results += _in_child("bench.demo", args.db)

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
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
