"""Regenerate the pictures in docs/screenshots/ (the README's and the user guide's) with the
program's own screenshot command, in every language:

    python tools/screenshots.py

A fresh demo database (seed 1) is made in a temporary folder, so the pictures show the same
synthetic city every time and never an officer's real data. For the exchange pictures two
copies of it play a station's laptop and the county: each gets its own laptop id, the county's
exchange key, and a few changes made through the command line (the same officer's phone
changed on both, the same resident entered on both), so the merge has a conflict to decide
and a resident entered twice. Each picture is written as docs/screenshots/VIEW-LANG.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
# The view, and which database shows it: the demo, or the exchange's laptop, county (before
# the merge) or merged county.
VIEWS = {
    "today": "demo",
    "search": "demo",
    "calendar": "demo",
    "week": "demo",
    "talks": "demo",
    "talk-editor": "demo",
    "talk-clash": "demo",
    "talk-outcome": "demo",
    "signin": "demo",
    "handout": "demo",
    "warnings": "demo",
    "intake": "demo",
    "warning": "demo",
    "follow-ups": "demo",
    "returns": "demo",
    "return-case": "demo",
    "returns-board": "demo",
    "cards": "demo",
    "card-outlets": "demo",
    "fraud-free": "demo",
    "fraud-free-visits": "demo",
    "reports": "demo",
    "briefing": "demo",
    "areas": "demo",
    "officers": "demo",
    "partners": "demo",
    "settings": "demo",
    "backups": "demo",
    "file-menu": "demo",
    "exchange-menu": "demo",
    "exchange-key": "laptop",
    "export-package": "laptop",
    "merge": "county",
    "conflicts": "merged",
    "duplicates": "merged",
    "laptops": "merged",
}
LANGUAGES = ["zh_CN", "en"]
# A window taller than the usual 1366 × 768 where a picture must show a whole case view.
SIZES = {"follow-ups": "1366x880"}
STATION = "金城江区公安分局金城江派出所"  # the laptop's station, as the demo names its units


def run(*args: str, env: dict[str, str], language: str = "en") -> str:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--lang", language, *args],
        check=True, env=env, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    return path


def make_exchange(folder: Path, demo: Path, env: dict[str, str]) -> tuple[dict[str, Path], Path]:
    """The laptop, the county before the merge, the county after it, and the package."""
    dbs = {"demo": demo}
    for name in ("laptop", "county"):
        (folder / name).mkdir()
        dbs[name] = shutil.copyfile(demo, folder / name / "demo.sqlite3")
    key = run("package", "key", "--new", env=env).splitlines()[0]
    sys.path.insert(0, str(ROOT))
    from desktop.db.database import META_CURRENT_OFFICER, META_STATION_NAME
    from desktop.db.opening import open_database

    database = open_database(demo)
    officer = database.query(
        "SELECT id, name, badge_number FROM officers WHERE deleted_at IS NULL AND badge_number "
        "!= '' AND unit = ? ORDER BY badge_number LIMIT 1",
        (STATION,),
    )[0]
    database.close()
    yesterday = date.today() - timedelta(days=1)
    header = ["预警编号", "下发时间", "预警来源", "预警等级", "姓名", "手机号码", "身份证号",
              "辖区", "诈骗类型", "涉案金额"]  # fmt: skip
    resident = ["韦秀英", "13877812345", "451202195803151226", "河滨社区"]
    changes = {  # what each side changed since the copy: a phone number, a warning
        "laptop": ("13907781234", ["YJ-0001", f"{yesterday} 10:15", "96110", "高", *resident,
                                   "冒充公检法", "52000"]),
        "county": ("13907785678", ["YJ-0002", f"{yesterday} 15:40", "反诈中心", "中", *resident,
                                   "刷单返利", "8000"]),
    }  # fmt: skip
    for name, (phone, warning) in changes.items():
        db = str(dbs[name])
        run("--db", db, "package", "key", "--set", key, env=env)
        people = [["姓名", "警号", "联系电话"], [officer["name"], officer["badge_number"], phone]]
        run("--db", db, "import", "officers", str(write_csv(folder / "o.csv", people)), env=env)
        run("--db", db, "import", "warnings", str(write_csv(folder / "w.csv", [header, warning])),
            env=env)  # fmt: skip
    laptop = open_database(dbs["laptop"])
    laptop.set_meta(META_STATION_NAME, STATION)
    laptop.set_meta(META_CURRENT_OFFICER, officer["id"])
    laptop.close()
    package = folder / "laptop.odpkg"
    run("--db", str(dbs["laptop"]), "package", "export", "-o", str(package), env=env)
    (folder / "merged").mkdir()
    dbs["merged"] = shutil.copyfile(dbs["county"], folder / "merged" / "demo.sqlite3")
    run("--db", str(dbs["merged"]), "package", "merge", str(package), env=env)
    return dbs, package


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="outreach-shots-") as name:
        folder = Path(name)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OUTREACH_DESK_DATA": name}
        demo = folder / "demo.sqlite3"
        run("--db", str(demo), "demo", "--seed", "1", env=env)
        dbs, package = make_exchange(folder, demo, env)
        for language in LANGUAGES:
            for view, db in VIEWS.items():
                target = OUT / f"{view}-{language}.png"
                extra = ["--package", str(package)] if view == "merge" else []
                extra += ["--size", SIZES[view]] if view in SIZES else []
                run("--db", str(dbs[db]), "screenshot", view, "-o", str(target), *extra,
                    env=env, language=language)  # fmt: skip
                print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
