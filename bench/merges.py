"""Merging ten laptops' packages into a county database, against its baseline in the same run.

Ten laptops each hold 10,000 warnings of their own residents, with three contact attempts
each, over one shared area tree (50,000 records per package, made once into
``bench/data/packages/``). Ours: ``merge_package`` of the ten files one after the other, as
the county does it — each opened read-only, its integrity, seal and content hash checked,
every record matched by id and merged field by field, the warnings' worked-out columns
computed, the laptop and its residents remembered, the audit row written. Baseline: the same
rows, already read into memory, written with one raw ``INSERT … ON CONFLICT(id) DO UPDATE``
per table in one transaction — no checking and no merging at all. Five rounds, the two
interleaved; medians (and minimums) compared. Target: ≤ 2×.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

LAPTOPS = 10
WARNINGS = 10_000
CONTACTS_PER_WARNING = 3
HERE = Path(__file__).resolve().parent
FOLDER = HERE / "data" / "packages"


def _key() -> str:
    from desktop.exchange import packages

    return packages.format_exchange_key(bytes(range(32)))


def _county_template(path: Path) -> dict:
    """The county's own database before any package: the shared area tree."""
    from desktop.db.opening import open_database
    from desktop.domain import areas
    from desktop.exchange import packages

    database = open_database(path)
    packages.set_exchange_key(database, _key())
    county = areas.add_area(database, name="金城江区", level="county")
    communities = []
    for town in range(5):
        town_id = areas.add_area(
            database, name=f"第{town + 1}镇", level="township", parent_id=county
        )
        for number in range(8):
            communities.append(
                areas.add_area(
                    database, name=f"第{number + 1}村", level="community", parent_id=town_id
                )
            )
    database.close()
    return {"communities": communities}


def ensure_packages(folder: Path = FOLDER) -> tuple[Path, list[Path]]:
    template = folder / "county-template.sqlite3"
    files = [folder / f"laptop-{number:02d}.odpkg" for number in range(LAPTOPS)]
    if template.exists() and all(path.exists() for path in files) and _still_valid(template, files):
        return template, files
    from desktop.db.database import new_id
    from desktop.db.opening import open_database
    from desktop.exchange import packages

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    communities = _county_template(template)["communities"]
    rng = random.Random(7)
    base = datetime(2026, 1, 1, 8, 0).astimezone()
    for number, path in enumerate(files):
        laptop = folder / f"laptop-{number:02d}" / "outreach.sqlite3"
        laptop.parent.mkdir()
        shutil.copyfile(template, laptop)
        database = open_database(laptop)
        database.set_meta("device_id", new_id())
        database.device_id = database.get_meta("device_id")
        database.set_meta("station_name", f"第{number + 1}派出所")
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        device = database.device_id
        residents, warnings, contacts = [], [], []
        for n in range(WARNINGS):
            resident, warning = str(uuid.uuid4()), str(uuid.uuid4())
            received = base + timedelta(minutes=7 * n + number)
            area = communities[n % len(communities)]
            residents.append(
                (resident, stamp, stamp, device, f"韦某{n % 97}", f"13{number}{n:08d}", None,
                 f"第{n % 300}号", area, "[]", 1, device)
            )  # fmt: skip
            warnings.append(
                (warning, stamp, stamp, device, f"YJ{number:02d}{n:07d}", "platform",
                 rng.choice(["high", "medium", "low"]), received.isoformat(timespec="seconds"),
                 resident, "closed", "dissuaded", area, 1, device)
            )  # fmt: skip
            for attempt in range(CONTACTS_PER_WARNING):
                at = received + timedelta(minutes=3 + 9 * attempt)
                contacts.append(
                    (str(uuid.uuid4()), stamp, stamp, device, warning,
                     at.isoformat(timespec="seconds"), "phone" if attempt < 2 else "visit",
                     "busy" if attempt < 2 else "met", 1)
                )  # fmt: skip
        with database.atomic():
            database.conn.executemany(
                "INSERT INTO residents (id, created_at, updated_at, device_id, name, mobile,"
                " id_number, address, area_id, tags, change_seq, origin_device)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                residents,
            )
            database.conn.executemany(
                "INSERT INTO warnings (id, created_at, updated_at, device_id, reference_number,"
                " source, level, received_at, resident_id, status, outcome, area_id, change_seq,"
                " origin_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                warnings,
            )
            database.conn.executemany(
                "INSERT INTO contacts (id, created_at, updated_at, device_id, warning_id, at,"
                " method, result, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                contacts,
            )
        packages.export_package(database, path)
        database.close()
        shutil.rmtree(laptop.parent)
    return template, files


def _still_valid(template: Path, files: list[Path]) -> bool:
    """Packages made by an earlier version of the program may no longer pass the checks."""
    from desktop.core.errors import OutreachError
    from desktop.db.opening import open_database
    from desktop.exchange import packages

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "check.sqlite3"
        shutil.copyfile(template, copy)
        try:
            database = open_database(copy)
        except OutreachError:
            return False
        try:
            with packages.open_package(files[0], packages.exchange_key(database), database):
                return True
        except OutreachError:
            return False
        finally:
            database.close()


def _rows(files: list[Path]) -> list[tuple[str, list[str], list[tuple]]]:
    """Every package's rows, table by table, read before the baseline's clock starts."""
    read = []
    for path in files:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        for (table,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT IN ('manifest', 'files')"
        ).fetchall():
            cursor = conn.execute(f"SELECT * FROM {table}")
            columns = [column[0] for column in cursor.description]
            rows = cursor.fetchall()
            if rows:
                read.append((table, columns, rows))
        conn.close()
    return read


def _baseline(template: Path, files: list[Path], folder: Path) -> float:
    target = folder / "baseline.sqlite3"
    shutil.copyfile(template, target)
    read = _rows(files)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    started = time.perf_counter()
    conn.execute("BEGIN")
    for table, columns, rows in read:
        updates = ", ".join(f"{name} = excluded.{name}" for name in columns if name != "id")
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
            f" ON CONFLICT(id) DO UPDATE SET {updates}",
            rows,
        )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def _ours(template: Path, files: list[Path], folder: Path) -> float:
    from desktop.db.opening import open_database
    from desktop.exchange import packages

    target = folder / "county" / "outreach.sqlite3"
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(template, target)
    database = open_database(target)
    started = time.perf_counter()
    for path in files:
        result = packages.merge_package(database, path)
        if not result.committed or result.report.counts["warnings"].added != WARNINGS:
            raise RuntimeError(f"{path.name} did not merge: {result.report.summary()}")
    elapsed = time.perf_counter() - started
    merged = database.scalar("SELECT count(*) FROM warnings")
    database.close()
    if merged != LAPTOPS * WARNINGS:
        raise RuntimeError(f"the county has {merged} warnings")
    shutil.rmtree(target.parent)
    return elapsed


def measure(_db_path: Path, runs: int = 5) -> list[dict]:
    template, files = ensure_packages()
    baseline, ours = [], []
    with tempfile.TemporaryDirectory(prefix="outreach-bench-merge-") as folder:
        for _run in range(runs):
            baseline.append(_baseline(template, files, Path(folder)))
            ours.append(_ours(template, files, Path(folder)))
            Path(folder, "baseline.sqlite3").unlink()
    ours_s, base_s = statistics.median(ours), statistics.median(baseline)
    return [
        {
            "name": f"merge {LAPTOPS} packages of {WARNINGS:,} warnings (+contacts)",
            "ours_s": round(ours_s, 2),
            "ours_min_s": round(min(ours), 2),
            "baseline_s": round(base_s, 2),
            "baseline_min_s": round(min(baseline), 2),
            "baseline": "raw INSERT … ON CONFLICT of the same rows, one transaction",
            "ratio": round(ours_s / base_s, 2),
            "target_ratio": 2.0,
            "target_s": None,
        }
    ]


if __name__ == "__main__":
    import json

    print(json.dumps(measure(Path()), indent=2, ensure_ascii=False))
