"""How the program grows past one city's year: 1, 3 and 10 million warnings.

    python -m bench.growth [--sizes 1,3,10] [--runs 3]

For each size a database is made once in ``bench/data/`` (``growth-<N>m.sqlite3``): the scale
database's city (``demo --size large``: its talks, card sellers, persons abroad and visits) with
N million warnings and their attempts over the same year, as a province's year would hold them.
Then, each measure in its own process as ``python -m bench`` runs them:

- the warning figures of the year, the busiest month and the busiest county's month against the
  hand-written GROUP BY (``bench.figures``);
- the warnings list opened, paged down and filtered, each step to the list painted again
  (``bench.warnings``);
- search, three or more characters and one or two (``bench.search``; the first search of a new
  database builds the search indexes: that build is timed here too);
- a county's merge of ten laptops' packages (10,000 warnings and 30,000 attempts each) into
  the database itself, as the county's own file grows (``bench.merges``' packages). The merge
  writes to the growth database: a second run merges packages it already holds, so only the
  first run of a size reports the merge.

Prints one table (each measure by size, and how much it grew from the smallest) and writes
``bench/results/growth/<time>.json``. A database takes about 4.5 GB per million warnings
(10 million: some 50 GB free, and room for SQLite's sorting of the largest index at the end
in the temporary folder). It is made in one transaction under a rollback journal: in
write-ahead mode the log would hold every page until the commit copies it over, and the file
would need twice its size while it is made. A build cut off is made again from nothing. Each
database is removed once measured unless ``--keep``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import time
from pathlib import Path

from bench import printed
from bench.__main__ import HERE, _in_child, machine

MILLION = 1_000_000


def growth_path(millions: int) -> Path:
    return HERE / "data" / f"growth-{millions}m.sqlite3"


def build(millions: int) -> float | None:
    """The growth database of ``millions`` warnings, made unless it is there; the seconds it
    took (None: it was there)."""
    path = growth_path(millions)
    made = path.with_name(path.name + ".made")  # written once the build has committed
    if path.exists() and made.exists():
        return None
    for left in path.parent.glob(path.name + "*"):  # a build cut off: its file and journal
        left.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    code = (
        "import dataclasses, datetime as dt, sys; from pathlib import Path; "
        "from desktop import demo; from desktop.db.opening import open_database; "
        f"demo.SIZES['growth'] = dataclasses.replace(demo.SIZES['large'], warnings={millions * MILLION}); "
        "database = open_database(Path(sys.argv[1])); "
        # A rollback journal keeps only the pages the transaction changes, and a new file's
        # pages are new: the file alone, where the write-ahead log would hold it all twice.
        "mode = database.conn.execute('PRAGMA journal_mode = DELETE').fetchone()[0]; "
        "assert mode == 'delete', f'journal mode stayed {mode}'; "
        "demo.generate_demo(database, size='growth', today=dt.date(2026, 11, 25)); "
        "database.conn.execute('PRAGMA journal_mode = WAL'); "
        "database.close()"
    )
    print(f"making {path.name} ({millions:,} million warnings) …", flush=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    elapsed = time.perf_counter() - started
    made.touch()
    return elapsed


def _child(code: str, path: Path, marker: str) -> list[str]:
    """``code`` run on the database at ``path`` in a fresh interpreter: the words it printed
    after ``marker``."""
    return printed(code, str(path), tag=marker).split()


def _search_index_build(path: Path) -> float | None:
    """The search indexes built from nothing, as the first search of a new database does; None
    when they were built before (a later run of the same size brings them up to date in its
    search measure)."""
    code = (
        "import sys, time; from pathlib import Path; "
        "from desktop.db.opening import open_database; from desktop.domain import search; "
        "database = open_database(Path(sys.argv[1]), create=False); "
        "pending = database.get_meta(search.META_SEARCH_SEQ) is None; "
        "started = time.perf_counter(); "
        "search.refresh(database) if pending else None; "
        "print('SECONDS', time.perf_counter() - started if pending else -1); database.close()"
    )
    seconds = float(_child(code, path, "SECONDS")[0])
    return None if seconds < 0 else seconds


def _merge(path: Path) -> float | None:
    """Ten laptops' packages merged into the database at ``path``, one after the other; None
    when it holds them already (a later run of the same size)."""
    code = (
        "import sys, time; from pathlib import Path; from bench import merges; "
        "from desktop.db.opening import open_database; from desktop.exchange import packages; "
        "_template, files = merges.ensure_packages(); "
        "database = open_database(Path(sys.argv[1]), create=False); "
        "packages.set_exchange_key(database, merges._key()); "
        "started = time.perf_counter(); results = [packages.merge_package(database, f) for f in files]; "
        "elapsed = time.perf_counter() - started; database.close(); "
        "added = sum(r.report.counts['warnings'].added for r in results if r.committed); "
        "print('MERGE', elapsed, added)"
    )
    elapsed, added = _child(code, path, "MERGE")
    return float(elapsed) if int(added) == merges_expected() else None


def merges_expected() -> int:
    from bench import merges

    return merges.LAPTOPS * merges.WARNINGS


def measure_size(millions: int, runs: int) -> list[dict]:
    """Every measure on the database of ``millions`` warnings; a measure that fails is kept
    as its error, so the hours the others took are not lost with it."""
    path = growth_path(millions)
    results: list[dict] = []

    def attempt(name: str, step) -> None:
        try:
            found = step()
        except subprocess.CalledProcessError as exc:  # the build, its output on the terminal
            results.append({"name": name, "ours_s": None, "error": str(exc)})
            return
        except RuntimeError as exc:  # a measuring process (``bench.printed``), its stderr's end
            reason = str(exc).strip().splitlines()[-1:] or [type(exc).__name__]
            results.append({"name": name, "ours_s": None, "error": reason[0]})
            return
        if isinstance(found, list):
            results.extend(found)
        elif found is not None:
            results.append({"name": name, "ours_s": round(found, 2)})

    attempt("making the database", lambda: build(millions))
    if not path.exists():
        return [{**item, "size_millions": millions} for item in results]
    attempt("search indexes built (first search)", lambda: _search_index_build(path))
    for module in ("figures", "warnings", "search"):
        attempt(f"bench.{module}", lambda module=module: _in_child(f"bench.{module}", path, runs))
    attempt("merge ten packages (100,000 warnings)", lambda: _merge(path))
    return [{**item, "size_millions": millions} for item in results]


def _same_measure(name: str) -> str:
    """A measure's name without the counts of its data ("year (989,388 warnings)"): the same
    measure at every size."""
    return re.sub(r"\s*\([^()]*\d[^()]*\)", "", name)


def _write(results: list[dict], out: Path) -> None:
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps({"machine": machine(), "results": results}, indent=1, ensure_ascii=False)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.growth")
    parser.add_argument("--sizes", default="1,3,10", help="millions of warnings, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--keep", action="store_true", help="keep each database (default: removed once measured)"
    )
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    # Apart from the other results: ``python -m bench`` compares a measure with its latest
    # result of the same name, which must be of the scale database.
    out = HERE / "results" / "growth" / f"{stamp}.json"
    results: list[dict] = []
    for millions in sizes:
        found = measure_size(millions, args.runs)
        if not args.keep:  # the next size's build needs the room (see the module's note)
            for made in growth_path(millions).parent.glob(growth_path(millions).name + "*"):
                made.unlink()
        results += found
        _write(results, out)  # after each size: a run cut off keeps what it measured
        for item in found:
            shown = item.get("error") or f"{item['ours_s']:g}"
            print(f"{millions:>3}M  {item['name']:<70} {shown}", flush=True)
    names = list(dict.fromkeys(_same_measure(item["name"]) for item in results))
    by = {(_same_measure(item["name"]), item["size_millions"]): item["ours_s"] for item in results}
    print(f"\n{'measure':<70}" + "".join(f"{size:>8}M" for size in sizes) + "   growth")
    for name in names:
        row = [by.get((name, size)) for size in sizes]
        shown = "".join(f"{value:>9g}" if value is not None else f"{'—':>9}" for value in row)
        known = [value for value in row if value]
        grew = f"   ×{known[-1] / known[0]:.1f}" if len(known) > 1 else ""
        print(f"{name:<70}{shown}{grew}")
    print(f"\nwritten {out}")
    return 0 if all(item.get("error") is None for item in results) else 1


if __name__ == "__main__":
    sys.exit(main())
