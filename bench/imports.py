"""Importing a 100,000-row warning list (.xlsx), against its baseline in the same run.

Baseline: python-calamine's pass over the same file (the reader imports use, and the fastest
one for Python) plus a raw ``executemany`` of the same rows (residents and warnings) into an
empty database in one transaction — reading the file and writing the rows with no checking at
all. Ours: ``import warnings`` as the command line and the screen run it (every cell checked,
residents matched, re-import detection, high-risk rule, audit). Each run is a fresh process,
ours and the baseline interleaved; the clock stops when the import has returned (committed).
Targets: ≤ 3× the baseline (medians), and the peak memory of the process that imported
(its maximum resident set, the interpreter and calamine's cells included) ≤ 150 MiB.

The list is generated once into ``bench/data/warnings-100k.xlsx`` (a title row above the
header, Chinese headers, valid ID numbers, amounts with 万); one row in ten names a resident
who appears earlier in the list, so matching and the high-risk rule are exercised.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from bench import printed

ROWS = 100_000
HERE = Path(__file__).resolve().parent
LIST_PATH = HERE / "data" / "warnings-100k.xlsx"
HEADER = ["序号", "预警编号", "下发时间", "预警来源", "预警等级", "姓名", "手机号码", "身份证号",
          "住址", "诈骗类型", "涉案金额"]  # fmt: skip


def ensure_list(path: Path = LIST_PATH, rows: int = ROWS) -> Path:
    if path.exists():
        return path
    from openpyxl import Workbook

    from desktop.core.validate import id_number_check_digit

    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("预警名单")
    sheet.append(["河池市反诈中心预警名单（基准测试用，虚构数据）"])
    sheet.append(HEADER)
    rng = random.Random(4)
    base = datetime(2026, 1, 1, 8, 0)
    people = rows * 9 // 10
    for n in range(rows):
        p = n % people  # the last tenth of the rows are people warned before
        first17 = f"4512{p // 1000 % 100:02d}{1940 + p % 60}{1 + p % 12:02d}{1 + p % 28:02d}{p % 1000:03d}"
        sheet.append(
            [n + 1, f"YJ2026{n:07d}", (base + timedelta(minutes=3 * n)).strftime("%Y-%m-%d %H:%M"),
             rng.choice(["反诈中心", "96110", "银行", "运营商"]), rng.choice(["高", "中", "低"]),
             f"韦某{p % 97}", f"13{p % 10}{p:08d}", first17 + id_number_check_digit(first17),
             f"金城江区新建社区{n % 300}号", rng.choice(["刷单返利", "冒充客服", "虚假投资理财", ""]),
             rng.choice(["", "5万", "12000", "3.5万"])]
        )  # fmt: skip
    partial = path.with_suffix(".part")
    workbook.save(partial)
    partial.replace(path)
    return path


def _baseline(list_path: Path, db_path: Path) -> float:
    from python_calamine import CalamineWorkbook

    from desktop.db.opening import open_database

    database = open_database(db_path)
    database.close()  # the schema, made before the clock starts
    import sqlite3

    started = time.perf_counter()
    workbook = CalamineWorkbook.from_path(str(list_path))
    rows = list(workbook.get_sheet_by_index(0).iter_rows())[2:]
    workbook.close()
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    residents, warnings = [], []
    for row in rows:
        resident_id, warning_id = str(uuid.uuid4()), str(uuid.uuid4())
        residents.append((resident_id, stamp, stamp, "bench", row[5], row[6], row[7], row[8], "[]"))
        warnings.append((warning_id, stamp, stamp, "bench", row[1], "platform", "high",
                         row[2], resident_id, "", "new"))  # fmt: skip
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO residents (id, created_at, updated_at, device_id, name, mobile, id_number,"
        " address, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        residents,
    )
    conn.executemany(
        "INSERT INTO warnings (id, created_at, updated_at, device_id, reference_number, source,"
        " level, received_at, resident_id, fraud_type, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?)",
        warnings,
    )
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - started


def _ours(list_path: Path, db_path: Path) -> tuple[float, int]:
    from desktop.db.opening import open_database
    from desktop.exchange.importing import import_file

    database = open_database(db_path)
    started = time.perf_counter()
    report = import_file(database, "warnings", list_path)
    elapsed = time.perf_counter() - started
    database.close()
    if report.created != ROWS:
        raise RuntimeError(f"imported {report.created} of {ROWS} rows: {report.errors[:3]}")
    return elapsed, report.created


def _in_child(which: str, list_path: Path, db_path: Path) -> tuple[float, float]:
    """(seconds, peak resident memory in MiB) of one run in a fresh interpreter."""
    code = (
        "import json, resource, sys; from pathlib import Path; from bench import imports; "
        f"seconds = imports._{which}(Path(sys.argv[1]), Path(sys.argv[2])); "
        "seconds = seconds[0] if isinstance(seconds, tuple) else seconds; "
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; "
        "print('RESULT ' + json.dumps([seconds, peak]))"
    )
    seconds, peak = json.loads(
        printed(code, str(list_path), str(db_path), tag="RESULT", cwd=HERE.parent)
    )
    return seconds, peak


def measure(_db_path: Path, runs: int = 5) -> list[dict]:
    list_path = ensure_list()
    baseline, ours, peaks = [], [], []
    with tempfile.TemporaryDirectory(prefix="outreach-bench-import-") as folder:
        for run in range(runs):  # interleaved, so a busy moment falls on both
            baseline.append(
                _in_child("baseline", list_path, Path(folder) / f"base{run}.sqlite3")[0]
            )
            seconds, peak = _in_child("ours", list_path, Path(folder) / f"ours{run}.sqlite3")
            ours.append(seconds)
            peaks.append(peak)
    ours_s, base_s = statistics.median(ours), statistics.median(baseline)
    return [
        {
            "name": f"import a {ROWS:,}-row warning list (.xlsx)",
            "ours_s": round(ours_s, 2),
            "ours_min_s": round(min(ours), 2),
            "baseline_s": round(base_s, 2),
            "baseline_min_s": round(min(baseline), 2),
            "baseline": "calamine pass + raw executemany",
            "ratio": round(ours_s / base_s, 2),
            "target_ratio": 3.0,
            "target_s": None,
        },
        {
            "name": f"peak memory importing a {ROWS:,}-row warning list (.xlsx)",
            "ours_s": round(max(peaks), 1),
            "unit": "MiB",
            "baseline_s": None,
            "ratio": None,
            "target_ratio": None,
            "target_s": 150,
            "detail": {"peaks_mib": [round(peak, 1) for peak in peaks]},
        },
    ]
