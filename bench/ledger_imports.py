"""Importing the upper level's 20,000-row lists of persons abroad (劝返) and of card sellers
(涉"两卡"人员), each against its baseline in the same run, runs interleaved.

Baselines: raw ``executemany`` of the same rows (residents and the records) into an empty
database in one transaction after reading the file — the rows written with no checking at all —
once with openpyxl in read-only mode (the issue's baseline) and once with python-calamine (the
reader a competent engineer would choose, and ours uses; the stricter of the two, and the one
the target holds against). Ours: ``import return_cases`` and
``import card_sellers`` as the command line and the screen run them (every cell checked, the
words of the list turned into codes, residents matched, re-imports recognised, audit). The clock
stops when the database is closed. Target: ≤ 3× the calamine baseline (medians of five
interleaved runs).

The lists are generated once into ``bench/data/`` (a title row above Chinese headers, valid ID
numbers); one row in ten names a resident who appears earlier in the list under another card
kind, so matching is exercised.
"""

from __future__ import annotations

import random
import sqlite3
import statistics as stats_module
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROWS = 20_000
HERE = Path(__file__).resolve().parent
RETURNS_PATH = HERE / "data" / "return-list-20k.xlsx"
CARDS_PATH = HERE / "data" / "card-list-20k.xlsx"
STAMP = "2026-11-03T09:00:00+08:00"

RETURNS_HEADER = ["序号", "姓名", "公民身份号码", "手机号码", "户籍地址", "滞留国家(地区)",
                  "出境时间", "出境方式", "人员类别", "列管日期", "劝返期限", "家属姓名",
                  "与本人关系", "家属电话"]  # fmt: skip
CARDS_HEADER = ["线索编号", "通报日期", "姓名", "公民身份号码", "手机号码", "涉案卡类型", "卡数",
                "开户行", "开户网点", "涉卡方式", "是否本地开户"]  # fmt: skip


def _id_number(n: int) -> str:
    from desktop.core.validate import id_number_check_digit

    first17 = (
        f"4512{n // 1000 % 100:02d}{1960 + n % 40}{1 + n % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
    )
    return first17 + id_number_check_digit(first17)


def _write(path: Path, title: str, header: list[str], rows) -> Path:
    from openpyxl import Workbook

    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("名单")
    sheet.append([title])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    partial = path.with_suffix(".part")
    workbook.save(partial)
    partial.replace(path)
    return path


def ensure_lists() -> tuple[Path, Path]:
    rng = random.Random(18)
    if not RETURNS_PATH.exists():
        _write(
            RETURNS_PATH,
            "涉诈滞留境外人员名单（基准测试用，虚构数据）",
            RETURNS_HEADER,
            (
                [n + 1, f"覃某{n % 89}", _id_number(n), f"139{n:08d}", f"宜州区庆远镇{n % 400}号",
                 rng.choice(["缅甸妙瓦底", "柬埔寨西港", "老挝", "菲律宾马尼拉", "迪拜"]),
                 f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", rng.choice(["持证出境", "偷渡", "不详"]),
                 rng.choice(["涉诈高危", "疑似被骗务工", ""]), "2026-11-03", "2027-03-31",
                 f"覃某{n % 53}", rng.choice(["父亲", "母亲", "配偶"]), f"137{n:08d}"]
                for n in range(ROWS)
            ),
        )  # fmt: skip
    if not CARDS_PATH.exists():
        people = ROWS * 9 // 10  # the last tenth: people on the list before, another card kind
        _write(
            CARDS_PATH,
            "涉“两卡”人员通报名单（基准测试用，虚构数据）",
            CARDS_HEADER,
            (
                [f"LK2026{n:06d}", "2026-11-03", f"蓝某{n % 97}", _id_number(n % people),
                 f"138{n % people:08d}", "银行卡" if n < people else "电话卡", rng.randint(1, 3),
                 "中国农业银行", rng.choice(["金城江支行", "宜州支行", "中国移动东江营业厅"]),
                 rng.choice(["出售", "出租", "出借"]), rng.choice(["是", "否"])]
                for n in range(ROWS)
            ),
        )  # fmt: skip
    return RETURNS_PATH, CARDS_PATH


def _empty_database(path: Path) -> None:
    from desktop.db.opening import open_database

    open_database(path).close()  # the schema, made before the clock starts


def _read_openpyxl(list_path: Path) -> list[tuple]:
    from openpyxl import load_workbook

    workbook = load_workbook(list_path, read_only=True)
    rows = list(workbook.active.iter_rows(min_row=3, values_only=True))
    workbook.close()
    return rows


def _read_calamine(list_path: Path) -> list[list]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(list_path))
    rows = list(workbook.get_sheet_by_index(0).iter_rows())[2:]
    workbook.close()
    return rows


Reader = Callable[[Path], list]


def _raw_insert(db_path: Path, residents: list[tuple], table: str, columns: str, records) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO residents (id, created_at, updated_at, device_id, name, id_number, mobile,"
        " address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        residents,
    )
    marks = ", ".join("?" * (columns.count(",") + 1))
    conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", records)
    conn.execute("COMMIT")
    conn.close()


def _returns_baseline(read: Reader, list_path: Path, db_path: Path) -> float:
    _empty_database(db_path)
    started = time.perf_counter()
    residents, cases = [], []
    for row in read(list_path):
        resident_id = str(uuid.uuid4())
        residents.append((resident_id, STAMP, STAMP, "bench", row[1], row[2], row[3], row[4]))
        cases.append((str(uuid.uuid4()), STAMP, STAMP, "bench", resident_id, "other", row[6],
                      "upper_level", "other", row[9], row[10], row[11], row[12], row[13]))  # fmt: skip
    _raw_insert(
        db_path, residents, "return_cases",
        "id, created_at, updated_at, device_id, resident_id, location, left_on, lead_source,"
        " category, listed_on, deadline_on, family_name, family_relation, family_phone",
        cases,
    )  # fmt: skip
    return time.perf_counter() - started


def _cards_baseline(read: Reader, list_path: Path, db_path: Path) -> float:
    _empty_database(db_path)
    started = time.perf_counter()
    residents, sellers = [], []
    for row in read(list_path):
        resident_id = str(uuid.uuid4())
        residents.append((resident_id, STAMP, STAMP, "bench", row[2], row[3], row[4], ""))
        sellers.append((str(uuid.uuid4()), STAMP, STAMP, "bench", row[0], row[1], resident_id,
                        "bank_card", row[6], row[7], row[8], int(str(row[10]) == "是"), "rented",
                        "upper_level"))  # fmt: skip
    # Every row its own resident: the baseline does not match people, so it writes more rows
    # than ours (which links the last tenth to residents already written).
    _raw_insert(
        db_path, residents, "card_sellers",
        "id, created_at, updated_at, device_id, reference_number, listed_on, resident_id,"
        " card_kind, card_count, issuer, outlet, opened_locally, manner, source",
        sellers,
    )  # fmt: skip
    return time.perf_counter() - started


def _ours(kind: str) -> Callable[[Path, Path], float]:
    def run(list_path: Path, db_path: Path) -> float:
        from desktop.db.opening import open_database
        from desktop.exchange.importing import import_file

        _empty_database(db_path)
        started = time.perf_counter()
        database = open_database(db_path)
        report = import_file(database, kind, list_path)
        database.close()
        elapsed = time.perf_counter() - started
        if report.created != ROWS:
            problems = [error.render() for error in report.errors[:3]]
            raise RuntimeError(f"{kind}: imported {report.created} of {ROWS} rows: {problems}")
        return elapsed

    return run


def measure(_db_path: Path, runs: int = 5) -> list[dict]:
    returns_path, cards_path = ensure_lists()
    measures = (
        ("persons abroad", "return_cases", returns_path, _returns_baseline),
        ("card sellers", "card_sellers", cards_path, _cards_baseline),
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="outreach-bench-ledger-import-") as folder:
        for label, kind, list_path, baseline in measures:
            ours_s, openpyxl_s, calamine_s = [], [], []
            for run in range(runs):  # interleaved, so a busy moment falls on all three
                folder_of = Path(folder)
                openpyxl_s.append(
                    baseline(_read_openpyxl, list_path, folder_of / f"{kind}-o{run}.sqlite3")
                )
                calamine_s.append(
                    baseline(_read_calamine, list_path, folder_of / f"{kind}-c{run}.sqlite3")
                )
                ours_s.append(_ours(kind)(list_path, folder_of / f"{kind}-ours{run}.sqlite3"))
            mine = stats_module.median(ours_s)
            theirs = stats_module.median(calamine_s)
            results.append(
                {
                    "name": f"import a {ROWS:,}-row list of {label} (.xlsx)",
                    "ours_s": round(mine, 2),
                    "ours_min_s": round(min(ours_s), 2),
                    "baseline_s": round(theirs, 2),
                    "baseline_min_s": round(min(calamine_s), 2),
                    "baseline": "calamine pass + raw executemany",
                    "ratio": round(mine / theirs, 2),
                    "openpyxl_baseline_s": round(stats_module.median(openpyxl_s), 2),
                    "openpyxl_ratio": round(mine / stats_module.median(openpyxl_s), 2),
                    "target_ratio": 3.0,
                    "target_s": None,
                }
            )
    return results
