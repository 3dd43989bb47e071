"""print's sub-commands are the registry's printouts, with the arguments it declares."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.cli import build_parser, main
from desktop.core.limits import SIGNIN_ROWS
from desktop.db.opening import open_database
from desktop.reports.registry import PRINTOUTS


def _subparsers(parser):
    return next(action for action in parser._actions if action.dest in ("command", "document"))


def test_print_offers_each_printout_of_the_registry_in_its_order():
    documents = _subparsers(_subparsers(build_parser()).choices["print"]).choices
    assert list(documents) == list(PRINTOUTS)
    for name, printout in PRINTOUTS.items():
        options = {
            option for action in documents[name]._actions for option in action.option_strings
        }
        assert ("--full" in options) == printout.reveal == ("--reason" in options), name
        assert "--output" in options, name


def test_the_rows_help_names_the_limit():
    signin = _subparsers(_subparsers(build_parser()).choices["print"]).choices["signin"]
    assert f"({SIGNIN_ROWS.low} to {SIGNIN_ROWS.high};" in signin.format_help()


@pytest.fixture
def talk_db(tmp_path):
    from desktop.demo import generate_demo

    db = tmp_path / "demo.sqlite3"
    database = open_database(db)
    generate_demo(database, today=date(2026, 11, 25))
    talk_id = database.scalar("SELECT id FROM talks WHERE status = 'planned' ORDER BY starts_at")
    prints = database.scalar("SELECT count(*) FROM audit WHERE action = 'print'")
    database.close()
    return db, talk_id, prints


@pytest.mark.parametrize("rows", [SIGNIN_ROWS.low - 1, SIGNIN_ROWS.high + 1])
def test_rows_outside_the_limit_are_bad_arguments(talk_db, tmp_path, capsys, rows):
    db, talk_id, prints = talk_db
    out = tmp_path / "s.pdf"
    argv = ["--db", str(db), "--lang", "en", "print", "signin", talk_id, "--rows", str(rows)]
    assert main([*argv, "-o", str(out)]) == 2
    assert f"--rows {SIGNIN_ROWS.low}..{SIGNIN_ROWS.high} ({rows})" in capsys.readouterr().err
    assert not out.exists()
    database = open_database(db)
    assert database.scalar("SELECT count(*) FROM audit WHERE action = 'print'") == prints
    database.close()


def test_rows_within_the_limit_are_printed(talk_db, tmp_path):
    from pypdf import PdfReader

    db, talk_id, _prints = talk_db
    out = tmp_path / "s.pdf"
    argv = ["--db", str(db), "print", "signin", talk_id, "--rows", "60", "-o", str(out)]
    assert main(argv) == 0
    assert len(PdfReader(out).pages) == 3  # 60 rows do not fit on two pages


def test_the_card_register_takes_its_area_status_and_days(talk_db, tmp_path, capsys):
    from pypdf import PdfReader

    db, _talk_id, prints = talk_db
    database = open_database(db)
    area = database.scalar(
        "SELECT a.name FROM card_sellers c JOIN areas a ON a.id = c.area_id"
        " GROUP BY a.id ORDER BY count(*) DESC LIMIT 1"
    )
    database.close()
    out = tmp_path / "g.pdf"
    base = ["--db", str(db), "--lang", "en", "print", "card-register"]
    with pytest.raises(SystemExit) as refused:  # not a status: argparse says so
        main([*base, "--status", "lost", "-o", str(out)])
    assert refused.value.code == 2
    assert "--status" in capsys.readouterr().err and not out.exists()
    assert (
        main([*base, "--area", area, "--status", "open", "--to", "2026-11-25", "-o", str(out)]) == 0
    )
    text = "".join("".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert f"辖区：{area}" in text and "列管日期：建档至2026年11月25日" in text
    assert main([*base, "--full", "-o", str(tmp_path / "full.pdf")]) == 1  # a reason is needed
    database = open_database(db)
    assert database.scalar("SELECT count(*) FROM audit WHERE action = 'print'") == prints + 1
    database.close()


def test_the_sheets_of_persons_abroad_come_on_the_paper_asked_for(talk_db, tmp_path, capsys):
    from pypdf import PdfReader

    db, _talk_id, prints = talk_db
    out = tmp_path / "board.pdf"
    argv = ["--db", str(db), "--lang", "en", "print", "return-board"]
    try:
        code = main([*argv, "--paper", "a5", "-o", str(out)])
    except SystemExit as refused:  # argparse refuses a choice it does not offer
        code = refused.code
    assert code == 2 and "a4" in capsys.readouterr().err and not out.exists()
    assert main([*argv, "--paper", "a3", "-o", str(out)]) == 0
    assert round(float(PdfReader(out).pages[0].mediabox[2])) == 1191  # A3 landscape
    ledger = tmp_path / "ledger.pdf"
    assert main(["--db", str(db), "print", "return-ledger", "-o", str(ledger)]) == 0
    database = open_database(db)
    assert database.scalar("SELECT count(*) FROM audit WHERE action = 'print'") == prints + 2
    database.close()


def test_an_optional_choice_left_out_takes_the_builders_default(talk_db, tmp_path):
    """`print card-register` without --status prints every status."""
    db, _talk_id, _prints = talk_db
    out = tmp_path / "register.pdf"
    assert main(["--lang", "en", "--db", str(db), "print", "card-register", "-o", str(out)]) == 0
    assert out.exists()


def test_the_import_command_offers_every_kind_the_importer_reads():
    import argparse

    from desktop.cli import build_parser
    from desktop.exchange import importing

    parser = build_parser(lambda context, text: text)
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    [kind] = [a for a in commands.choices["import"]._actions if a.dest == "kind"]
    assert set(kind.choices) == set(importing._KINDS)


def test_the_fraud_free_paper_prints_for_the_area_named(talk_db, tmp_path, capsys):
    from pypdf import PdfReader

    db, _talk_id, prints = talk_db
    database = open_database(db)
    name, community, township = database.query(
        "SELECT a.name, a.code, t.code FROM areas a JOIN areas t ON t.id = a.parent_id"
        " WHERE a.level = 'community' ORDER BY a.code LIMIT 1"
    )[0]
    database.close()
    argv = ["--db", str(db), "--lang", "en", "print"]
    board, sheet, tally = (tmp_path / f"{name}.pdf" for name in ("board", "sheet", "tally"))
    assert main([*argv, "fraud-free-board", "--paper", "a3", "-o", str(board)]) == 0
    assert round(float(PdfReader(board).pages[0].mediabox[2])) == 1191  # A3 landscape
    assert main([*argv, "fraud-free-sheet", "--area", community, "-o", str(sheet)]) == 0
    assert len(PdfReader(sheet).pages) == 1
    assert main([*argv, "visit-tally", "--area", community, "-o", str(tally)]) == 0
    assert name in "".join(PdfReader(tally).pages[0].extract_text().split())
    trend = tmp_path / "trend.pdf"
    assert main([*argv, "fraud-free-trend", "--area", township, "--to", "2026-06-30",
                 "-o", str(trend)]) == 0  # fmt: skip
    text = "".join(PdfReader(trend).pages[0].extract_text().split())
    assert "无诈社区创建趋势" in text and "2025年7月" in text and "2026年6月" in text
    # A tally sheet is of one community: a township is refused, nothing written.
    refused = tmp_path / "refused.pdf"
    assert main([*argv, "visit-tally", "--area", township, "-o", str(refused)]) == 1
    assert "There is no community or village" in capsys.readouterr().err
    assert not refused.exists()
    database = open_database(db)
    assert database.scalar("SELECT count(*) FROM audit WHERE action = 'print'") == prints + 4
    database.close()


def test_a_sign_in_sheet_loads_its_own_command_and_printout_only(talk_db, tmp_path):
    """The command line's printout is a whole process the officer waits for: it builds the
    `print` command's parsers only and loads neither the other commands' modules, nor the
    other printouts' records, nor the network modules xml.sax's escape would pull in; the
    process's collector is on again and its start frozen once the command runs."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    db, talk_id, _prints = talk_db
    out = tmp_path / "s.pdf"
    code = (
        "import gc, json, sys\n"
        "from desktop.cli import main\n"
        f"sys.argv = ['outreach-desk', '--db', {str(db)!r}, 'print', 'signin', {talk_id!r},"
        f" '-o', {str(out)!r}]\n"
        "status = main()\n"
        "print(json.dumps({'status': status, 'modules': sorted(sys.modules),"
        " 'collecting': gc.isenabled(), 'frozen': gc.get_freeze_count()}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"OUTREACH_DESK_DATA": str(tmp_path), "PATH": "/usr/bin:/bin",
             "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )  # fmt: skip
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["status"] == 0 and out.stat().st_size > 0
    loaded = set(seen["modules"])
    assert {"desktop.cli.printing", "desktop.reports.signin"} <= loaded
    others = {"desktop.cli.exchange", "desktop.cli.listing", "desktop.cli.stats",
              "desktop.cli.maintenance", "desktop.cli.screenshot", "desktop.cli.demo",
              "desktop.domain.fraud_free", "desktop.domain.card_sellers",
              "desktop.domain.return_cases", "desktop.reports.briefing_text", "urllib.request",
              "PySide6"}  # fmt: skip
    assert loaded & others == set()
    assert seen["collecting"] and seen["frozen"] > 0


def test_the_program_help_still_lists_every_command(capsys):
    from desktop.cli import COMMANDS

    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    shown = capsys.readouterr().out
    assert all(f"    {command} " in shown or f"    {command}\n" in shown for command in COMMANDS)


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["--db", "list", "stats", "--help"], "stats"),  # a file named like a command
        (["--lang", "en", "print", "--help"], "print"),
        (["-h", "print"], None),  # the program's help: every command
    ],
)
def test_the_command_is_the_first_word_that_is_not_an_option_or_its_value(argv, command):
    from desktop.cli import COMMANDS, _commands_to_build

    assert _commands_to_build(argv) == ((command,) if command else COMMANDS)


def test_a_word_that_names_no_command_is_refused_with_the_commands_listed(capsys):
    with pytest.raises(SystemExit) as refused:
        main(["--lang", "en", "prnt", "signin"])
    assert refused.value.code == 2
    said = capsys.readouterr().err
    assert "prnt" in said and "print" in said and "stats" in said
