"""print: one sub-command per printout of the registry (``reports.registry``), each with the
arguments the registry declares."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    C,
    Parser,
    Words,
    add_area,
    add_full_and_reason,
    add_laptops,
    add_output,
    add_period,
    area_arg,
    laptops_arg,
    say,
    stats_period,
    talk_arg,
    unknown_laptops,
    warning_arg,
)
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.reports import registry


def add_parsers(commands, common: argparse.ArgumentParser, words: Words) -> None:
    printer = commands.add_parser(
        "print",
        parents=[common],
        add_help=False,
        help=words(QT_TRANSLATE_NOOP("Cli", "make a printout as a PDF file")),
    )
    documents = printer.add_subparsers(
        dest="document", metavar="DOCUMENT", required=True, parser_class=Parser
    )
    for printout in registry.PRINTOUTS.values():
        sub = documents.add_parser(printout.name, add_help=False, help=words(printout.help))
        for argument in printout.arguments:
            _add_argument(sub, argument, words)
        if any(argument.names == registry.TALK for argument in printout.arguments):
            sub.add_argument(
                "--date",
                dest="talk_day",
                metavar="DATE",
                help=words(QT_TRANSLATE_NOOP(
                    "Cli", "the talk's day (2026-11-01), when it is named by a title"
                )),
            )  # fmt: skip
        if printout.reveal:
            add_full_and_reason(sub, words)
        if printout.docx:
            sub.add_argument(
                "--docx",
                action="store_true",
                help=words(QT_TRANSLATE_NOOP(
                    "Cli", "write it as a Word document (.docx) to edit, not as a PDF"
                )),
            )  # fmt: skip
        add_output(sub, words)
        words.localise(sub)
    words.localise(printer)


def _add_argument(sub: argparse.ArgumentParser, argument: registry.Argument, words: Words) -> None:
    if argument.kind == registry.PERIOD:
        add_period(sub, words)
        return
    if argument.kind == registry.AREA:
        add_area(sub, words)
        return
    if argument.kind == registry.LAPTOPS:
        add_laptops(sub, words)
        return
    help_text = words(argument.help) if argument.help else None
    if argument.positional:
        sub.add_argument(argument.keyword, metavar=argument.flag, help=help_text)
        return
    if argument.limit is not None:
        help_text = help_text.format(low=argument.limit.low, high=argument.limit.high)
    sub.add_argument(
        argument.flag, dest=argument.keyword, type=int if argument.kind == registry.COUNT else str,
        default=argument.default, required=argument.required, metavar=argument.metavar,
        help=help_text, choices=argument.choices or None,
    )  # fmt: skip


def _day(text: str, flag: str) -> date:
    # Imported here: most printouts take no day, and the validation module compiles patterns.
    from desktop.core.validate import parse_date

    return parse_date(text, field=flag)


def run(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    from desktop.db.opening import open_database

    printout = registry.PRINTOUTS[args.document]
    # The arguments first, then the database: a wrong argument is said before anything opens.
    for argument in printout.arguments:
        given = getattr(args, argument.keyword, None)
        if argument.limit is not None and given is not None and not argument.limit.holds(given):
            low, high = argument.limit.low, argument.limit.high
            print(f"outreach-desk: {argument.flag} {low}..{high} ({given})", file=sys.stderr)
            return 2
        if argument.kind == registry.FIGURE and not _known_figure(given, tr):
            return 2
    values: dict[str, Any] = {}
    areas: dict[str, str | None] = {}  # named areas, looked up once the database is open
    named: dict[str, registry.Argument] = {}  # records named by number or title, likewise
    talk_day = getattr(args, "talk_day", None)
    talk_day = _day(talk_day, "--date") if talk_day else None
    for argument in printout.arguments:
        if argument.kind == registry.PERIOD:
            values[argument.keyword] = stats_period(args)
        elif argument.kind == registry.AREA:
            areas[argument.keyword] = args.area
        elif argument.kind == registry.LAPTOPS:
            values[argument.keyword] = laptops_arg(args)
        elif argument.names and getattr(args, argument.keyword) is not None:
            named[argument.keyword] = argument
        elif argument.kind == registry.DAY:
            given = getattr(args, argument.keyword)
            # a day not required and not given is no bound
            values[argument.keyword] = None if given is None else _day(given, argument.flag)
        elif argument.kind == registry.TOPICS:
            given = getattr(args, argument.keyword) or ""
            values[argument.keyword] = [t.strip() for t in given.split(",") if t.strip()]
        else:
            values[argument.keyword] = getattr(args, argument.keyword)
    reveal = {"full": args.full, "reason": args.reason} if printout.reveal else {}
    form = {"docx": True} if getattr(args, "docx", False) else {}
    database = open_database(db_path, create=False)
    try:
        for keyword, text in areas.items():
            values[keyword] = area_arg(database, text)
        for keyword, argument in named.items():
            text = getattr(args, keyword)
            values[keyword] = (
                warning_arg(database, text, argument.flag)
                if argument.names == registry.WARNING
                else talk_arg(database, text, talk_day, argument.flag)
            )
        laptops = [values[argument.keyword] for argument in printout.arguments
                   if argument.kind == registry.LAPTOPS]  # fmt: skip
        if any(unknown_laptops(database, chosen, tr) for chosen in laptops):
            return 1
        registry.make(database, printout.name, args.output, values, **reveal, **form)
    finally:
        database.close()
    say(tr, QT_TRANSLATE_NOOP("Cli", "Saved {path}"), path=args.output)
    return 0


def _known_figure(key: str, tr: Any) -> bool:
    from desktop.core.figures import BY_KEY

    if key in BY_KEY:
        return True
    print(
        tr(C, QT_TRANSLATE_NOOP(
            "Cli", "Unknown figure {value} for --rank-by; choose one of: {keys}"
        )).format(value=key, keys=", ".join(BY_KEY)),
        file=sys.stderr,
    )  # fmt: skip
    return False
