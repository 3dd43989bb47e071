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
    results = [startup.measure(args.db, runs=args.runs)]

    print(f"\n{'measure':<52} {'ours':>9} {'baseline':>9} {'ratio':>6} {'target':>7}")
    failed = False
    for result in results:
        ok = result["ratio"] <= result["target_ratio"]
        failed |= not ok
        print(
            f"{result['name']:<52} {result['ours_s']:>8.3f}s {result['baseline_s']:>8.3f}s "
            f"{result['ratio']:>6.2f} {'≤ ' + str(result['target_ratio']):>7} "
            f"{'ok' if ok else 'MISSED'}"
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
