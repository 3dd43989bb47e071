"""print briefing for every kind of period and of whatever it may be of: the whole
jurisdiction, a county, a township, one community, a station's laptops, one laptop."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.cli import main
from desktop.db.opening import open_database

STATION = "河池市公安局反诈中心"  # the demo's paper is issued by the city's centre
PERIODS = {  # --from, --to, as the title names the period
    "day": ("2026-11-10", "2026-11-10", "2026年11月10日"),
    "week": ("2026-11-09", "2026-11-15", "2026年11月9日至2026年11月15日"),
    "month": ("2026-10-01", "2026-10-31", "2026年10月"),
    "quarter": ("2026-07-01", "2026-09-30", "2026年第三季度"),
    "year": ("2026-01-01", "2026-12-31", "2026年"),
    "ten years": ("2017-01-01", "2026-12-31", "2017年至2026年"),
    "empty day": ("2020-03-03", "2020-03-03", "2020年3月3日"),  # before the demo's records
}
SCOPES = ("whole", "county", "township", "community", "station", "laptop")
HEADER = re.compile(rf"^反诈工作简报第\d+期{STATION}\d{{4}}年\d{{1,2}}月\d{{1,2}}日")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo (as of 2026-11-25) and, per scope, its command-line arguments and the name
    the title gives it."""
    from desktop.demo import generate_demo

    db = tmp_path_factory.mktemp("scopes") / "demo.sqlite3"
    database = open_database(db)
    generate_demo(database, today=date(2026, 11, 25))
    county = database.execute("SELECT id, name FROM areas WHERE name = '凤山县'").fetchone()
    township = database.execute(
        "SELECT id, name FROM areas WHERE parent_id = ? ORDER BY code, name LIMIT 1",
        (county["id"],),
    ).fetchone()
    community = database.execute(
        "SELECT id, name FROM areas WHERE parent_id = ? ORDER BY code, name LIMIT 1",
        (township["id"],),
    ).fetchone()
    device = database.device_id
    assert database.get_meta("station_name") == STATION
    database.close()
    scopes = {
        "whole": ([], "全辖区"),
        "county": (["--area", county["id"]], county["name"]),
        "township": (["--area", township["id"]], township["name"]),
        "community": (["--area", community["id"]], community["name"]),
        "station": (["--station", STATION], STATION),
        # A laptop as the reports screen names it: its station and the start of its id.
        "laptop": (["--laptop", device], f"{STATION}笔记本（{device[:8]}）"),
    }
    return db, scopes


def _flat_text(path) -> str:
    from pypdf import PdfReader

    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("kind", PERIODS)
def test_every_period_prints_for_every_scope(demo, tmp_path, capsys, kind, scope):
    db, scopes = demo
    first, last, period = PERIODS[kind]
    arguments, name = scopes[scope]
    out = tmp_path / "briefing.pdf"
    argv = ["--db", str(db), "--lang", "en", "print", "briefing", "--from", first, "--to", last,
            *arguments, "-o", str(out)]  # fmt: skip
    assert main(argv) == 0
    assert "Traceback" not in capsys.readouterr().err
    text = _flat_text(out)
    assert HEADER.match(text), text[:80]
    assert f"{name}{period}反诈工作情况" in text
    assert "附件1主要指标及口径" in text and "宣传覆盖挂图" in text
    # The opening names it too; a period with nothing recorded there says so in a sentence
    # (a day of one community may well be empty).
    empty = f"{period}，{name}未登记反诈宣传活动、宣传投放、预警处置和回访记录。"
    assert (empty in text) == (f"现将{period}{name}反诈工作情况通报如下" not in text)
    assert (empty in text) if kind == "empty day" else (kind == "day" or empty not in text)


@pytest.fixture
def county_db(tmp_path):
    """A county's database with one laptop of 凤城派出所 that entered one talk in November; the
    county entered one of its own."""
    from desktop.db.records import insert_record

    db = tmp_path / "county.sqlite3"
    database = open_database(db)
    database.set_meta("station_name", "凤山县公安局")
    laptop = "aaaa1111-0000-4000-8000-000000000001"
    with database.atomic():
        database.execute(
            "INSERT INTO devices (device_id, station, officer) VALUES (?, '凤城派出所', '')",
            (laptop,),
        )
    for day, people in (("2026-11-03", 100), ("2026-11-05", 70)):
        talk_id = insert_record(database, "talks", {
            "title": "反诈宣传", "starts_at": f"{day}T09:00:00+08:00",
            "ends_at": f"{day}T10:00:00+08:00", "status": "done", "actual_headcount": people,
        })  # fmt: skip
        if people == 100:
            with database.atomic():
                database.execute(
                    "UPDATE talks SET origin_device = ? WHERE id = ?", (laptop, talk_id)
                )
    database.close()
    return db, laptop


def test_station_and_laptop_choose_the_records_and_exclude_each_other(county_db, tmp_path,
                                                                       capsys):  # fmt: skip
    db, laptop = county_db
    base = ["--db", str(db), "--lang", "en", "print", "briefing", "--from", "2026-11-01",
            "--to", "2026-11-30"]  # fmt: skip
    said = {}
    for key, extra in (("station", ["--station", "凤城派出所"]), ("laptop", ["--laptop", laptop]),
                       ("all", [])):  # fmt: skip
        out = tmp_path / f"{key}.pdf"
        assert main([*base, *extra, "-o", str(out)]) == 0
        said[key] = _flat_text(out)
    # The laptop's talk alone (100 people), for its station and for itself; both for all.
    assert "凤城派出所2026年11月反诈工作情况" in said["station"]
    assert "本月共开展反诈宣传活动1场" in said["station"] and "受教育群众100人次" in said["station"]
    assert "凤城派出所笔记本（aaaa1111）2026年11月反诈工作情况" in said["laptop"]
    assert "受教育群众100人次" in said["laptop"]
    assert "本月共开展反诈宣传活动2场" in said["all"] and "受教育群众170人次" in said["all"]
    database = open_database(db)
    kept = [tuple(row) for row in database.query(
        "SELECT number, laptops FROM briefing_issues ORDER BY number")]  # fmt: skip
    database.close()
    assert kept == [(1, "station:凤城派出所"), (2, f"device:{laptop}"), (3, "")]
    capsys.readouterr()
    # As stats says it: no laptop of that station, no package from that laptop.
    out = str(tmp_path / "x.pdf")
    assert main([*base, "--station", "没有这个所", "-o", out]) == 1
    assert "No laptop of that station has sent a package." in capsys.readouterr().err
    assert main([*base, "--laptop", "no-such-laptop", "-o", out]) == 1
    assert "No package came from a laptop no-such-laptop" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main([*base, "--station", "凤城派出所", "--laptop", laptop, "-o", out])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
