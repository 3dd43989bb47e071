"""The command line is a contract: exit status 0 / 1 (user error, message on stderr) / 2."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from tampering import tamper_audit  # tests/tampering.py

from desktop import __version__
from desktop.cli import main
from desktop.db import chain
from desktop.db.opening import open_database
from desktop.domain import areas as area_store


@pytest.fixture
def areas_xlsx(tmp_path):
    workbook = openpyxl.Workbook()
    for row in [
        ["县区", "乡镇", "社区"],
        ["金城江区", "东江镇", "坡心村"],
        ["", "东江镇", "六圩村"],
    ]:
        workbook.active.append(row)
    path = tmp_path / "areas.xlsx"
    workbook.save(path)
    return path


def test_version(capsys):
    assert main(["--version"]) == 0  # alone, it is answered before the language is read
    alone = capsys.readouterr().out
    assert __version__ in alone
    with pytest.raises(SystemExit) as exit_info:  # with other options, argparse answers
        main(["--lang", "en", "--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == alone


def test_bad_arguments_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", "import", "nonsense", "x.csv"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize("spelled", [["--lan", "en"], ["--la=en"], ["--de"]])
def test_an_abbreviated_option_is_refused_not_half_read(tmp_path, capsys, spelled):
    """The language and the commands to build are read before argparse: an abbreviation that
    argparse alone understood would be a language asked for and not used."""
    with pytest.raises(SystemExit) as refused:
        main([*spelled, "--db", str(tmp_path / "missing.sqlite3"), "check"])
    assert refused.value.code == 2
    with pytest.raises(SystemExit) as refused:  # a command's own options as well
        main(["--lang", "en", "list", "warnings", "--ope"])
    assert refused.value.code == 2
    assert "unrecognized arguments: --ope" in capsys.readouterr().err


def test_the_last_language_given_is_the_one_spoken(tmp_path, capsys):
    missing = str(tmp_path / "missing.sqlite3")
    assert main(["--lang", "zh_CN", "--db", missing, "--lang", "en", "check"]) == 1
    assert "There is no database" in capsys.readouterr().err
    assert main(["--lang", "en", "--db", missing, "--lang=zh_CN", "check"]) == 1
    assert "There is no database" not in capsys.readouterr().err


def test_import_all_or_nothing_then_skip_bad_rows(tmp_path, areas_xlsx, capsys):
    db = tmp_path / "s.sqlite3"
    assert main(["--db", str(db), "--lang", "en", "import", "areas", str(areas_xlsx)]) == 1
    err = capsys.readouterr().err
    assert "row 3, column 县区: The county (district) is missing." in err
    assert "Nothing was imported: 1 of 2 rows" in err
    database = open_database(db)
    assert area_store.list_areas(database) == []
    database.close()

    argv = ["--db", str(db), "--lang", "en", "import", "areas", str(areas_xlsx)]
    assert main([*argv, "--skip-bad-rows"]) == 0
    assert "Imported 1 of 2 rows: 3 records created" in capsys.readouterr().out
    database = open_database(db)
    assert {a.name for a in area_store.list_areas(database)} == {"金城江区", "东江镇", "坡心村"}
    database.close()


def test_import_reads_ods_and_xls_and_names_a_bad_text(tmp_path, capsys, monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).parent / "exchange"))
    from spreadsheets import write_ods  # tests/exchange/spreadsheets.py

    db = tmp_path / "s.sqlite3"
    ods = write_ods(tmp_path / "areas.ods", [["县区", "乡镇"], ["金城江区", "东江镇"],
                                            ["宜州区", "庆远\r\n镇"]])  # fmt: skip
    argv = ["--db", str(db), "--lang", "en", "import"]
    assert main([*argv, "areas", str(ods)]) == 1
    assert (
        "row 3, column 乡镇: The text holds a line break at position 3" in capsys.readouterr().err
    )
    assert main([*argv, "areas", str(ods), "--skip-bad-rows"]) == 0
    xls = Path(__file__).parent / "exchange" / "data" / "warnings.xls"
    assert main([*argv, "warnings", str(xls)]) == 0
    assert "Imported 2 of 2 rows" in capsys.readouterr().out


def test_import_of_a_missing_file_is_a_user_error(tmp_path, capsys):
    db = tmp_path / "s.sqlite3"
    missing = tmp_path / "nope.csv"
    assert main(["--db", str(db), "--lang", "en", "import", "officers", str(missing)]) == 1
    assert "There is no file at" in capsys.readouterr().err


def test_check_sound_database(tmp_path, capsys):
    db = tmp_path / "s.sqlite3"
    open_database(db).close()
    assert main(["--db", str(db), "--lang", "en", "check"]) == 0
    assert "is sound" in capsys.readouterr().out


def test_check_names_the_backup_a_cut_off_audit_log_contradicts(tmp_path, capsys):

    from desktop.db import audit

    db = tmp_path / "s.sqlite3"
    database = open_database(db)
    with database.atomic():
        audit.record(database, "print", summary="notice printed")
        audit.record(database, "reveal", "residents", "r1", "full mobile shown")
    last = database.scalar("SELECT max(seq) FROM audit")
    database.close()
    assert main(["--db", str(db), "--lang", "en", "backup"]) == 0
    tamper_audit(db, f"DELETE FROM audit WHERE seq > {last - 1}")
    chain.anchor_file(db).unlink()
    capsys.readouterr()
    assert main(["--db", str(db), "--lang", "en", "check"]) == 1
    err = capsys.readouterr().err
    assert "The audit log is shorter than the backup of" in err
    assert f"it reached entry {last} then, it ends at entry {last - 1} now" in err
    assert "is sound, but the audit log findings above need looking into" in err


def test_check_of_a_missing_database_creates_nothing(tmp_path, capsys):
    db = tmp_path / "missing.sqlite3"
    assert main(["--db", str(db), "--lang", "en", "check"]) == 1
    assert "There is no database" in capsys.readouterr().err
    assert not db.exists()


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["list", "warnings"],
        ["print", "visit-form", "-o", "form.pdf"],
        ["print", "schedule", "--from", "2026-12-01", "--to", "2026-12-31", "-o", "s.pdf"],
    ],
)
def test_a_command_that_reads_refuses_an_empty_file_and_writes_nothing_into_it(
    tmp_path, capsys, monkeypatch, command
):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "copy-cut-off.sqlite3"
    db.write_bytes(b"")
    assert main(["--db", str(db), "--lang", "en", *command]) == 1
    assert "is empty: nothing has been written to this database yet" in capsys.readouterr().err
    assert db.stat().st_size == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [db.name]  # no -wal, no PDF


@pytest.mark.parametrize("command", [["check"], ["import", "areas", "x.csv"], ["demo"]])
def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path, capsys, command):
    db = tmp_path / "letter.sqlite3"
    db.write_bytes(b"Dear colleague,\n" * 100)
    assert main(["--db", str(db), "--lang", "en", *command]) == 1
    assert "not SQLite" in capsys.readouterr().err
    assert db.read_bytes() == b"Dear colleague,\n" * 100


def test_env_variable_names_the_database(tmp_path, monkeypatch, capsys):
    db = tmp_path / "env.sqlite3"
    open_database(db).close()
    monkeypatch.setenv("OUTREACH_DESK_DB", str(db))
    assert main(["--lang", "en", "check"]) == 0
    assert str(db) in capsys.readouterr().out


def _run(*args, env_extra=None):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_gui_start_on_a_non_database_exits_1_with_a_message(tmp_path):
    db = tmp_path / "photo.sqlite3"
    db.write_bytes(b"\x89PNG\r\n" + b"\x00" * 500)
    result = _run("--db", str(db), "--lang", "en")
    assert result.returncode == 1
    assert "not SQLite" in result.stderr
    assert db.read_bytes() == b"\x89PNG\r\n" + b"\x00" * 500


def test_gui_start_in_an_unwritable_place_exits_1(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = _run("--db", str(blocker / "db.sqlite3"), "--lang", "en")
    assert result.returncode == 1
    assert "Cannot create the folder" in result.stderr


def test_screenshot_writes_a_png_of_the_asked_size(tmp_path, data_dir):
    db = tmp_path / "s.sqlite3"
    database = open_database(db)
    area_store.add_area(database, name="金城江区", level="county")
    database.close()
    out = tmp_path / "areas.png"
    result = _run(
        "--db", str(db), "screenshot", "areas", "-o", str(out), "--lang", "en", "--size", "1024x640"
    )
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 640)


@pytest.mark.sqlcipher
def test_screenshot_of_an_encrypted_database_takes_its_password_as_every_command(
    encrypted_template, tmp_path, data_dir
):
    import time

    from desktop.db import keys, password

    template, _ = encrypted_template
    db = tmp_path / "station.sqlite3"
    shutil.copyfile(template, db)
    shutil.copyfile(keys.key_file(template), keys.key_file(db))
    out = tmp_path / "today.png"
    argv = ("--db", str(db), "--lang", "en", "screenshot", "today", "-o", str(out))
    refused = _run(*argv, env_extra={"OUTREACH_DESK_PASSWORD": ""})
    assert refused.returncode == 1 and "password is missing or wrong" in refused.stderr
    assert not out.exists()
    while password.Gate(path=db).wait_left() > 0:
        time.sleep(0.1)  # the wait after the wrong one runs out first
    result = _run(*argv, env_extra={"OUTREACH_DESK_PASSWORD": "compatibility-suite"})
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000


def test_demo_fills_an_empty_database_and_refuses_a_full_one(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    assert main(["--db", str(db), "--lang", "en", "demo", "--seed", "7"]) == 0
    assert "Demo data written to" in capsys.readouterr().out
    assert main(["--db", str(db), "--lang", "en", "demo"]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["--db", str(db), "--lang", "en", "demo", "--force"]) == 0
    database = open_database(db)
    assert database.scalar("SELECT count(*) FROM areas WHERE level = 'county'") == 11
    database.close()


def test_gui_starts_and_exits_cleanly_on_the_demo_database(tmp_path, data_dir):
    db = tmp_path / "demo.sqlite3"
    assert main(["--db", str(db), "--lang", "en", "demo"]) == 0
    # The window shows, Today's reading arrives from the worker and is painted, the program
    # quits: an abort at interpreter exit (exit status 134) would fail here.
    result = _run(
        "--db",
        str(db),
        env_extra={"OUTREACH_DESK_EXIT_WHEN_IDLE": "1", "OUTREACH_DESK_DATA": str(data_dir)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("idle ")
    assert "collector=on" in result.stdout  # the start paused it and settled it again


def test_demo_flag_makes_the_demo_database_on_first_use(data_dir, capsys):
    assert main(["--demo", "--lang", "en", "check"]) == 0
    assert str(data_dir / "demo.sqlite3") in capsys.readouterr().out
    database = open_database(data_dir / "demo.sqlite3")
    assert database.scalar("SELECT count(*) FROM warnings") > 1000
    database.close()


def test_demo_without_db_never_touches_the_officers_own_database(data_dir, capsys):
    own = open_database(data_dir / "outreach-desk.sqlite3")
    area_store.add_area(own, name="真实辖区", level="county")
    own.close()
    assert main(["--lang", "en", "demo", "--force"]) == 0
    assert str(data_dir / "demo.sqlite3") in capsys.readouterr().out
    own = open_database(data_dir / "outreach-desk.sqlite3")
    assert [a.name for a in area_store.list_areas(own)] == ["真实辖区"]
    own.close()


@pytest.mark.parametrize("empty", ["", "  "])
def test_an_empty_db_never_means_the_officers_own_database(data_dir, capsys, empty):
    """`--db "$UNSET"` is refused: it would have named the default database, the officer's."""
    own = open_database(data_dir / "outreach-desk.sqlite3")
    area_store.add_area(own, name="真实辖区", level="county")
    own.close()
    with pytest.raises(SystemExit) as refused:
        main(["--lang", "en", "--db", empty, "demo", "--force"])
    assert refused.value.code == 2
    assert "--db: the database file's name is empty" in capsys.readouterr().err
    own = open_database(data_dir / "outreach-desk.sqlite3")
    assert [a.name for a in area_store.list_areas(own)] == ["真实辖区"]
    own.close()


def test_check_reports_damage_and_sets_the_file_aside_unchanged(tmp_path, capsys):
    import hashlib

    from desktop.demo import generate_demo

    db = tmp_path / "damaged.sqlite3"
    database = open_database(db)
    generate_demo(database)
    database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    with db.open("r+b") as handle:
        handle.seek(409_600)
        handle.write(b"\xff" * 3000)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert main(["--db", str(db), "--lang", "en", "check"]) == 1
    assert "is damaged" in capsys.readouterr().err
    [moved] = tmp_path.glob("damaged.sqlite3.damaged-*[0-9]")  # set aside, byte for byte
    assert hashlib.sha256(moved.read_bytes()).hexdigest() == before


def test_check_leaves_an_older_database_at_its_version(tmp_path, capsys):
    import sqlite3

    from desktop.db import migrations

    db = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(db)
    migrations.migrate(conn, target=1)
    conn.close()
    assert main(["--db", str(db), "--lang", "en", "check"]) == 0
    conn = sqlite3.connect(db)
    assert migrations.schema_version(conn) == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


@pytest.fixture
def demo_db(tmp_path):
    from desktop.demo import generate_demo

    db = tmp_path / "demo.sqlite3"
    database = open_database(db)
    generate_demo(database, today=__import__("datetime").date(2026, 11, 25))
    database.set_meta("station_phone", "0778-2281234")
    talk_id = database.scalar("SELECT id FROM talks WHERE status = 'planned' ORDER BY starts_at")
    database.close()
    return db, talk_id


def _pdf_text(path):
    from pypdf import PdfReader

    reader = PdfReader(path)
    return len(reader.pages), "".join(page.extract_text() for page in reader.pages)


def test_print_signin_handout_and_schedule(demo_db, tmp_path, capsys):
    db, talk_id = demo_db
    base = ["--db", str(db), "--lang", "en", "print"]
    assert main([*base, "signin", talk_id, "--rows", "25", "-o", str(tmp_path / "s.pdf")]) == 0
    pages, text = _pdf_text(tmp_path / "s.pdf")
    assert pages == 1 and "签到表" in text and "25" in text and "0778-2281234" in text
    # Without --rows, as many whole pages as the talk's expected attendance needs.
    database = open_database(db)
    expected = database.scalar("SELECT expected_headcount FROM talks WHERE id = ?", (talk_id,))
    database.close()
    assert main([*base, "signin", talk_id, "-o", str(tmp_path / "all.pdf")]) == 0
    pages, text = _pdf_text(tmp_path / "all.pdf")
    assert expected > 25 and pages > 1 and str(expected) in text.split()
    assert main([*base, "handout", "--talk", talk_id, "-o", str(tmp_path / "h.pdf")]) == 0
    assert _pdf_text(tmp_path / "h.pdf")[0] == 1
    assert (
        main([*base, "handout", "--topics", "loan,brushing", "-o", str(tmp_path / "h2.pdf")]) == 0
    )
    assert (
        main(
            [
                *base,
                "schedule",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "-o",
                str(tmp_path / "p.pdf"),
            ]
        )
        == 0
    )
    assert "2026年11月" in _pdf_text(tmp_path / "p.pdf")[1]
    database = open_database(db)
    assert database.scalar("SELECT count(*) FROM audit WHERE action = 'print'") == 5
    database.close()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["print", "signin", "no-such-talk", "-o", "x.pdf"], "no talk"),
        (["print", "handout", "--topics", "aliens", "-o", "x.pdf"], "Unknown fraud types"),
        (
            ["print", "schedule", "--from", "2026-12-01", "--to", "2026-11-01", "-o", "x.pdf"],
            "ends before",
        ),
        (["export", "ics", "--from", "someday", "--to", "2026-11-01", "-o", "x.ics"], "--from"),
    ],
)
def test_print_and_export_refuse_bad_input(demo_db, tmp_path, capsys, argv, message):
    db, _ = demo_db
    argv = [a if not a.startswith("x.") else str(tmp_path / a) for a in argv]
    assert main(["--db", str(db), "--lang", "en", *argv]) == 1
    assert message in capsys.readouterr().err


def test_export_ics_and_import_talks(demo_db, tmp_path, capsys):
    db, _ = demo_db
    out = tmp_path / "talks.ics"
    assert main(["--db", str(db), "--lang", "en", "export", "ics", "--from", "2026-11-01",
                 "--to", "2026-11-30", "-o", str(out)]) == 0  # fmt: skip
    assert out.read_bytes().count(b"BEGIN:VEVENT") > 10
    schedule = tmp_path / "plan.csv"
    schedule.write_text(
        "活动名称,日期,时间,村(社区)\n反诈宣传进社区,2026-12-20,09:00-10:00,不存在的社区\n",
        encoding="gbk",
    )
    assert main(["--db", str(db), "--lang", "en", "import", "talks", str(schedule)]) == 1
    assert "row 2, column 村(社区)" in capsys.readouterr().err


def test_import_warnings_reports_and_is_idempotent(tmp_path, capsys):
    from desktop.core.validate import id_number_check_digit

    first17 = "45120219600101123"
    path = tmp_path / "list.csv"
    path.write_text(
        "预警编号,下发时间,预警来源,预警等级,姓名,手机号码,身份证号\n"
        f"YJ1,2026-11-20 09:00,反诈中心,高,罗某某,13812345678,{first17}{id_number_check_digit(first17)}\n",
        encoding="utf-8-sig",
    )
    db = tmp_path / "w.sqlite3"
    argv = ["--db", str(db), "--lang", "en", "import", "warnings", str(path)]
    assert main(argv) == 0
    assert "1 records created" in capsys.readouterr().out
    assert main(argv) == 0
    assert "1 already there" in capsys.readouterr().out


def test_print_notice_names_the_resident_and_masks_the_rest(demo_db, tmp_path, capsys):
    import re

    from desktop.core.privacy import ADDRESSEE_REASON

    db, _ = demo_db
    database = open_database(db)
    warning_id = database.scalar("SELECT id FROM warnings ORDER BY received_at DESC")
    name, mobile = database.execute(
        "SELECT r.name, r.mobile FROM residents r JOIN warnings w ON w.resident_id = r.id"
        " WHERE w.id = ?",
        (warning_id,),
    ).fetchone()
    database.close()
    out = tmp_path / "notice.pdf"
    base = ["--db", str(db), "--lang", "en", "print", "notice", warning_id, "-o", str(out)]
    assert main(base) == 0
    pages, text = _pdf_text(out)
    assert pages == 2 and "劝阻告知书" in text and f"{name}：" in text
    assert not re.search(r"\d{17}[\dX]", text) and mobile not in text
    assert mobile[:3] + "****" + mobile[-4:] in text
    capsys.readouterr()
    with pytest.raises(SystemExit):  # the notice never shows the phone or ID number in full
        main([*base, "--full", "--reason", "当事人要求留存完整告知书"])
    assert "--full" in capsys.readouterr().err
    database = open_database(db)
    [reveal] = database.query("SELECT summary FROM audit WHERE action = 'reveal'")
    assert ADDRESSEE_REASON in reveal["summary"]
    database.close()


def test_print_case_record_and_visit_form(demo_db, tmp_path):
    import re

    db, _ = demo_db
    database = open_database(db)
    warning_id = database.scalar(
        "SELECT w.id FROM warnings w JOIN residents r ON r.id = w.resident_id"
        " WHERE r.id_number IS NOT NULL AND w.status = 'closed' ORDER BY w.received_at"
    )
    from desktop.domain import warnings as warning_store

    warning_store.transfer_warning(
        database, warning_id, station="城西派出所", reason="居住地不在本辖区"
    )
    database.close()
    out = tmp_path / "case.pdf"
    assert main(["--db", str(db), "--lang", "en", "print", "case", warning_id, "-o", str(out)]) == 0
    pages, text = _pdf_text(out)
    assert pages >= 1 and "预警处置记录" in text and "接触与劝阻经过" in text
    assert "移交给城西派出所（居住地不在本辖区）" in text and "协助银行网点" in text
    assert not re.search(r"\d{17}[\dX]", text) and not re.search(r"1[3-9]\d{9}", text)
    form = tmp_path / "form.pdf"
    assert main(["--db", str(db), "--lang", "en", "print", "visit-form", "-o", str(form)]) == 0
    assert _pdf_text(form)[0] == 1


def test_every_command_is_known_to_the_quick_start_check():
    from desktop.cli import COMMANDS, build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert set(subparsers.choices) == set(COMMANDS)


def test_stats_json_has_every_figure_under_stable_keys(demo_db, capsys):
    import json

    from desktop.core.figures import FIGURES, FRAUD_FREE_FIGURES, RETURN_FIGURES
    from desktop.domain import statistics

    db, _ = demo_db
    argv = ["--db", str(db), "stats", "--from", "2026-11-01", "--to", "2026-11-30", "--json"]
    assert main(argv) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["period"] == {"from": "2026-11-01", "to": "2026-11-30"}
    figures = document["figures"]
    # Return persuasion's (劝返), the card sellers' (两卡) and fraud-free creation's too.
    every = (*FIGURES, *RETURN_FIGURES, *FRAUD_FREE_FIGURES)
    assert {figure.key for figure in every} <= set(figures)
    assert figures["households_visited"] > 0 and figures["fraud_free_communities"] >= 1
    database = open_database(db)
    expected = statistics.compute_figures(database, statistics.Period.month(2026, 11))
    database.close()
    assert figures == json.loads(json.dumps(expected))
    assert figures["warnings_received"] > 0 and figures["talks_held"] > 0
    assert figures["returns_on_ledger"] > 0 and figures["card_sellers_new"] > 0


def test_stats_refuse_an_unknown_area_and_a_backwards_period(demo_db, capsys):
    db, _ = demo_db
    assert main(["--db", str(db), "--lang", "en", "stats", "--area", "火星县"]) != 0
    assert "火星县" in capsys.readouterr().err
    argv = ["--db", str(db), "--lang", "en", "stats", "--from", "2026-11-30", "--to", "2026-11-01"]
    assert main(argv) != 0
    assert "before it starts" in capsys.readouterr().err


def test_print_briefing_reads_like_a_briefing_and_masks_people(demo_db, tmp_path):
    import re

    db, _ = demo_db
    out = tmp_path / "briefing.pdf"
    argv = ["--db", str(db), "--lang", "en", "print", "briefing", "--from", "2026-10-01",
            "--to", "2026-11-30", "--area", "凤山县", "-o", str(out)]  # fmt: skip
    assert main(argv) == 0
    pages, text = _pdf_text(out)
    flat = re.sub(r"\s+", "", text)
    # The header block names the briefing (Settings) and its issue; the area is in the title.
    assert pages >= 2 and flat.startswith("反诈工作简报第1期")
    assert "凤山县2026年10月1日至2026年11月30日反诈工作情况" in flat
    assert "现将2026年10月1日至2026年11月30日凤山县反诈工作情况通报如下" in flat
    assert "一、工作开展情况" in flat and "四、下步工作" in flat
    assert "附件1主要指标及口径" in flat and "口径" in flat and "宣传覆盖挂图" in flat
    assert re.search(r"避免群众损失[\d,]+\.\d\d万元", flat)
    assert not re.search(r"\d{17}[\dX]", flat) and not re.search(r"1[3-9]\d{9}", flat)
    database = open_database(db)
    assert database.scalar("SELECT count(*) FROM audit WHERE summary LIKE 'briefing %'") == 1
    database.close()


def test_print_briefing_as_a_word_document(demo_db, tmp_path, capsys):
    import docx

    db, talk_id = demo_db
    out = tmp_path / "briefing.docx"
    argv = ["--db", str(db), "--lang", "en", "print", "briefing", "--from", "2026-10-01",
            "--to", "2026-10-31", "--area", "凤山县", "--docx", "-o", str(out)]  # fmt: skip
    assert main(argv) == 0
    paragraphs = [paragraph.text for paragraph in docx.Document(out).paragraphs]
    assert paragraphs[0] == "反诈工作简报" and "一、工作开展情况" in paragraphs
    database = open_database(db)
    assert (
        database.scalar("SELECT count(*) FROM audit WHERE summary LIKE 'briefing (.docx) %'") == 1
    )
    database.close()
    # Only a printout with a Word form takes --docx.
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db), "--lang", "en", "print", "signin", talk_id, "--docx", "-o", "x"])
    assert exit_info.value.code == 2 and "--docx" in capsys.readouterr().err


def test_export_xlsx_masks_by_default(demo_db, tmp_path):
    import re

    from openpyxl import load_workbook

    db, _ = demo_db
    out = tmp_path / "figures.xlsx"
    argv = ["--db", str(db), "--lang", "en", "export", "xlsx", "--from", "2026-11-01",
            "--to", "2026-11-30", "-o", str(out)]  # fmt: skip
    assert main(argv) == 0
    workbook = load_workbook(out, read_only=True)
    assert workbook.sheetnames == ["指标", "排名", "宣传覆盖挂图", "无诈社区趋势", "预警明细",
                                   "宣传活动明细", "字段说明"]  # fmt: skip
    cells = " ".join(
        str(value) for ws in workbook for row in ws.iter_rows(values_only=True) for value in row
    )
    assert not re.search(r"\d{17}[\dX]", cells) and not re.search(r"1[3-9]\d{9}", cells)
    names = {row[1]: row[0] for row in workbook["字段说明"].iter_rows(min_row=2, max_col=2,
                                                                   values_only=True)}  # fmt: skip
    figures = {row[0]: row[1] for row in workbook["指标"].iter_rows(min_row=2, values_only=True)}
    assert figures[names["warnings_received"]] > 0
    workbook.close()
    full = tmp_path / "full.xlsx"
    assert main([*argv[:-1], str(full), "--full"]) == 1  # a reason is needed
    assert not full.exists()
    assert main([*argv[:-1], str(full), "--full", "--reason", "县局核查需要"]) == 0
    database = open_database(db)
    assert database.scalar("SELECT count(*) FROM audit WHERE action = 'reveal'") == 1
    database.close()


def test_backup_and_restore_commands(demo_db, tmp_path, capsys):
    db, _ = demo_db
    folder = tmp_path / "usb"
    assert main(["--db", str(db), "--lang", "en", "backup", "--to", str(folder)]) == 0
    assert "Backed up to" in capsys.readouterr().out
    database = open_database(db)
    count = database.scalar("SELECT count(*) FROM warnings")
    with database.atomic():
        database.execute("DELETE FROM follow_ups")  # a mistake to be undone
    database.close()
    argv = ["--db", str(db), "--lang", "en", "restore", "--from-folder", str(folder)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "kept as" in out
    database = open_database(db)
    assert database.scalar("SELECT count(*) FROM warnings") == count
    assert database.scalar("SELECT count(*) FROM follow_ups") > 0
    database.close()
    assert (
        main(["--db", str(db), "--lang", "en", "restore", "--from-folder", str(tmp_path / "none")])
        == 1
    )
    assert "No good backup" in capsys.readouterr().err


def test_a_damaged_database_is_never_backed_up(tmp_path, capsys):
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xee" * 8000)
    folder = tmp_path / "backups"
    assert main(["--db", str(path), "--lang", "en", "backup", "--to", str(folder)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert not folder.exists() or not list(folder.iterdir())


def test_demo_force_is_refused_while_the_program_has_the_database(demo_db, capsys):
    from desktop.db.instance import InstanceLock

    db, _ = demo_db
    held = InstanceLock(db)
    assert held.acquire()
    try:
        assert main(["--db", str(db), "--lang", "en", "demo", "--force"]) == 1
        assert "Close Outreach Desk first" in capsys.readouterr().err
    finally:
        held.release()


def test_stats_say_what_they_cover_and_name_areas_precisely(demo_db, capsys):
    import json

    db, _ = demo_db
    base = ["--db", str(db), "--lang", "en", "stats", "--from", "2026-11-01", "--to", "2026-11-30"]
    assert main(base) == 0
    assert (
        capsys.readouterr().out.splitlines()[0] == "Everything on record, 2026-11-01 to 2026-11-30"
    )
    database = open_database(db)
    county = database.query("SELECT id, code, name FROM areas WHERE level = 'county' LIMIT 1")[0]
    twin = database.query(
        "SELECT name FROM areas WHERE level = 'community' GROUP BY name HAVING count(*) > 1"
    )
    database.close()
    assert main([*base, "--area", county["code"], "--json"]) == 0
    area = json.loads(capsys.readouterr().out)["area"]
    assert area == {"id": county["id"], "code": county["code"], "name": county["name"]}
    if twin:  # the demo city has villages of the same name in different townships
        assert main([*base, "--area", twin[0]["name"]]) == 1
        assert "give its code" in capsys.readouterr().err


def test_check_tells_a_changed_audit_log_from_a_damaged_file(demo_db, capsys):
    db, _ = demo_db
    tamper_audit(db, "UPDATE audit SET summary = 'nothing' WHERE seq = 1")
    assert main(["--db", str(db), "--lang", "en", "check"]) == 1
    assert "is sound, but its audit log was changed outside the program at entry 1" in (
        capsys.readouterr().err
    )


def test_an_unknown_ranking_figure_is_named(demo_db, tmp_path, capsys):
    db, _ = demo_db
    argv = ["--db", str(db), "--lang", "en", "print", "briefing", "--rank-by", "nonsense",
            "-o", str(tmp_path / "b.pdf")]  # fmt: skip
    assert main(argv) == 2
    assert "Unknown figure nonsense for --rank-by" in capsys.readouterr().err


@pytest.mark.sqlcipher
def test_an_encrypted_database_needs_its_password_on_the_command_line(
    tmp_path, monkeypatch, capsys
):
    from desktop.db import keys

    path = tmp_path / "station.sqlite3"
    open_database(path).close()
    keys.encrypt_database(path, "fanzha-2026", "ABCDE-FGHJK-LMNPQ-RSTUV")
    keys.forget(path)  # a new process
    monkeypatch.delenv("OUTREACH_DESK_PASSWORD", raising=False)
    assert main(["--db", str(path), "--lang", "en", "stats"]) == 1
    assert "password is missing or wrong" in capsys.readouterr().err
    from desktop.db import password

    later = password._now() + password.MAX_DELAY  # the wait after a wrong password is over
    monkeypatch.setattr(password, "_now", lambda: later)
    monkeypatch.setenv("OUTREACH_DESK_PASSWORD", "fanzha-2026")
    assert main(["--db", str(path), "--lang", "en", "stats"]) == 0
    assert not password.attempts_file(path).exists()  # the right password clears the count
    keys.forget(path)


@pytest.mark.sqlcipher
def test_wrong_passwords_from_separate_programs_make_the_next_wait(
    encrypted_template, tmp_path, monkeypatch, capsys
):
    import json
    import time

    from desktop.db import keys, password

    template, _ = encrypted_template
    path = tmp_path / "station.sqlite3"
    shutil.copyfile(template, path)
    shutil.copyfile(keys.key_file(template), keys.key_file(path))
    monkeypatch.setenv("OUTREACH_DESK_PASSWORD", "guess-one")
    for attempt in (1, 2):  # each guess a program of its own
        while password.Gate(path=path).wait_left() > 0:
            time.sleep(0.1)  # the previous guess's wait runs out first
        result = _run("--db", str(path), "--lang", "en", "stats")
        assert result.returncode == 1 and "password is missing or wrong" in result.stderr
        record = json.loads(password.attempts_file(path).read_text(encoding="utf-8"))
        assert record["failures"] == attempt  # the count outlives the program
    # The next program, straight after the second guess, is told to wait (2 s after two).
    failed_at = record["not_before"] - 2
    monkeypatch.setattr(password, "_now", lambda: failed_at + 0.5)
    monkeypatch.setenv("OUTREACH_DESK_PASSWORD", "compatibility-suite")  # even the right one
    assert main(["--db", str(path), "--lang", "en", "stats"]) == 1
    assert "try again in 2 s" in capsys.readouterr().err
    assert keys.key_for(path) is None
    monkeypatch.setattr(password, "_now", lambda: failed_at + 2.5)
    assert main(["--db", str(path), "--lang", "en", "stats", "--json"]) == 0
    assert not password.attempts_file(path).exists()
    keys.forget(path)


@pytest.mark.sqlcipher
def test_the_demo_database_encrypted_opens_with_the_password(tmp_path, monkeypatch, capsys):
    from desktop.db import keys

    monkeypatch.setenv("OUTREACH_DESK_DATA", str(tmp_path))
    assert main(["--demo", "--lang", "en", "stats", "--json"]) == 0  # made on first use
    capsys.readouterr()
    demo = tmp_path / "demo.sqlite3"
    keys.encrypt_database(demo, "fanzha-2026", "ABCDE-FGHJK-LMNPQ-RSTUV")
    keys.forget(demo)
    monkeypatch.setenv("OUTREACH_DESK_PASSWORD", "fanzha-2026")
    assert main(["--demo", "--lang", "en", "stats", "--json"]) == 0
    assert '"warnings_received"' in capsys.readouterr().out
    keys.forget(demo)


@pytest.mark.sqlcipher
def test_restore_finds_the_backups_of_an_encrypted_database(tmp_path, monkeypatch, capsys):
    from desktop.db import backups, keys

    path = tmp_path / "station.sqlite3"
    open_database(path).close()
    keys.encrypt_database(path, "fanzha-2026", "ABCDE-FGHJK-LMNPQ-RSTUV")
    database = open_database(path)
    backups.backup_now(database, tmp_path / "usb")
    database.close()
    keys.forget(path)
    monkeypatch.setenv("OUTREACH_DESK_PASSWORD", "fanzha-2026")
    argv = ["--db", str(path), "--lang", "en", "restore", "--from-folder", str(tmp_path / "usb")]
    assert main(argv) == 0, capsys.readouterr().err
    assert "Restored" in capsys.readouterr().out
    keys.forget(path)


def test_package_key_export_merge_laptops_and_held(tmp_path, capsys):
    laptop, county = tmp_path / "laptop" / "a.sqlite3", tmp_path / "county" / "c.sqlite3"
    assert main(["--lang", "en", "package", "key", "--new"]) == 0
    key = capsys.readouterr().out.splitlines()[0]
    for db in (laptop, county):
        assert main(["--lang", "en", "--db", str(db), "package", "key", "--set", key]) == 0
    database = open_database(laptop)
    area_store.add_area(database, name="金城江区", level="county")
    from desktop.domain import warnings

    warnings.intake(
        database, {"name": "王秀英", "mobile": "13800138000", "source": "platform", "level": "high"}
    )
    device = database.device_id
    database.close()
    package = tmp_path / "a.odpkg"
    assert main(["--lang", "en", "--db", str(laptop), "package", "export", "-o", str(package)]) == 0
    assert "Wrote 3 records" in capsys.readouterr().out
    args = ["--lang", "en", "--db", str(county), "package", "merge", str(package)]
    assert main([*args, "--preview"]) == 0
    out = capsys.readouterr().out
    assert "Warnings: 1 added" in out and "nothing was written" in out
    assert main(args) == 0
    assert "Merged." in capsys.readouterr().out
    assert main(args) == 0
    assert "Already merged" in capsys.readouterr().out
    assert main(["--lang", "en", "--db", str(county), "package", "laptops"]) == 0
    assert device in capsys.readouterr().out
    assert main(["--lang", "en", "--db", str(county), "package", "held", device]) == 0
    out = capsys.readouterr().out
    assert "王某" in out and "138****8000" in out and "13800138000" not in out
    assert main(["--lang", "en", "--db", str(county), "package", "held", device, "--full"]) == 2
    held = ["package", "held", device, "--full", "--reason", "笔记本丢失"]
    assert main(["--lang", "en", "--db", str(county), *held]) == 0
    assert "13800138000" in capsys.readouterr().out


def test_package_merge_refuses_a_file_that_is_not_a_package(tmp_path, capsys):
    county = tmp_path / "c.sqlite3"
    assert main(["--lang", "en", "--db", str(county), "package", "key", "--set", "A" * 52]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "--db", str(county), "package", "merge", str(county)]) == 1
    assert "not an exchange package" in capsys.readouterr().err
    assert main(["--lang", "en", "--db", str(county), "package", "key", "--set", "short"]) == 1
    assert "52 letters" in capsys.readouterr().err


def test_stats_for_one_station_or_laptop_of_a_county(tmp_path, capsys):
    import json

    from desktop.domain import warnings
    from desktop.exchange import packages

    key = packages.format_exchange_key(bytes(range(32)))
    laptop = open_database(tmp_path / "laptop" / "a.sqlite3")
    county = open_database(tmp_path / "county" / "c.sqlite3")
    for database in (laptop, county):
        packages.set_exchange_key(database, key)
    laptop.set_meta("station_name", "六圩派出所")
    for mobile in ("13800138000", "13900139000"):
        warnings.intake(
            laptop, {"name": "韦某某", "mobile": mobile, "source": "bank", "level": "low"}
        )
    warnings.intake(
        county, {"name": "黄某", "mobile": "13700137000", "source": "bank", "level": "low"}
    )
    packages.export_package(laptop, tmp_path / "a.odpkg")
    packages.merge_package(county, tmp_path / "a.odpkg")
    device = laptop.device_id
    laptop.close()
    county.close()
    base = ["--lang", "en", "--db", str(tmp_path / "county" / "c.sqlite3"), "stats", "--json"]
    for extra, expected in (([], 3), (["--station", "六圩派出所"], 2), (["--laptop", device], 2)):
        assert main([*base, *extra]) == 0
        assert json.loads(capsys.readouterr().out)["figures"]["warnings_received"] == expected
    assert main([*base, "--station", "没有这个所"]) == 1
    assert "No laptop of that station" in capsys.readouterr().err


def test_a_station_copied_to_a_new_laptop_keeps_its_records(tmp_path, capsys):
    """A database copied elsewhere takes a new laptop id; what was entered under the old one
    is still this station's."""
    import json
    import shutil

    from desktop.domain import warnings

    laptop = open_database(tmp_path / "old" / "a.sqlite3")
    laptop.set_meta("station_name", "六圩派出所")
    warnings.intake(laptop, {"name": "韦某某", "mobile": "13800138000", "source": "bank",
                             "level": "low"})  # fmt: skip
    old_id = laptop.device_id
    laptop.close()
    shutil.copytree(tmp_path / "old", tmp_path / "new")
    copied = open_database(tmp_path / "new" / "a.sqlite3")
    assert copied.device_id != old_id
    copied.close()
    base = ["--lang", "en", "--db", str(tmp_path / "new" / "a.sqlite3"), "stats", "--json"]
    assert main([*base, "--station", "六圩派出所"]) == 0
    assert json.loads(capsys.readouterr().out)["figures"]["warnings_received"] == 1


def test_package_held_names_an_unknown_laptop(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite3")
    open_database(db).close()
    assert main(["--lang", "en", "--db", db, "package", "held", "no-such-laptop"]) == 1
    assert "No package came from a laptop no-such-laptop" in capsys.readouterr().err


def test_merge_and_check_at_the_county_name_a_laptop_whose_audit_log_was_cut(tmp_path, capsys):

    laptop, county = tmp_path / "laptop" / "a.sqlite3", tmp_path / "county" / "c.sqlite3"
    key = "A" * 52
    for db in (laptop, county):
        assert main(["--lang", "en", "--db", str(db), "package", "key", "--set", key]) == 0
    database = open_database(laptop)
    area_store.add_area(database, name="金城江区", level="county")
    device = database.device_id
    database.close()

    def send(name: str) -> str:
        package = tmp_path / name
        assert (
            main(["--lang", "en", "--db", str(laptop), "package", "export", "-o", str(package)])
            == 0
        )
        capsys.readouterr()
        assert main(["--lang", "en", "--db", str(county), "package", "merge", str(package)]) == 0
        return capsys.readouterr().err

    assert "audit log" not in send("1.odpkg")
    tamper_audit(laptop, "DELETE FROM audit WHERE seq > (SELECT max(seq) - 2 FROM audit)")
    assert f"The audit log of laptop {device} is shorter than its package of" in send("2.odpkg")
    assert main(["--lang", "en", "--db", str(county), "check"]) == 1
    err = capsys.readouterr().err
    assert f"The audit log of laptop {device} is shorter" in err
    assert "is sound, but the audit log findings above need looking into" in err


def test_a_db_name_no_file_can_have_is_refused_without_a_traceback(tmp_path, capsys):
    with pytest.raises(SystemExit) as refused:
        main(["--lang", "en", "--db", str(tmp_path / ("b" * 300 + ".sqlite3")), "list", "talks"])
    assert refused.value.code == 2
    said = capsys.readouterr().err
    assert "--db: no file can have this name" in said and "Traceback" not in said
