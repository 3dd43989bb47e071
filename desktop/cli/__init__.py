"""The command line: every batch job the GUI can do, and the GUI itself when no command is given.

Exit status: 0 success, 1 a user error (message on stderr in the chosen language), 2 bad
arguments. Heavy modules (Qt widgets, openpyxl, the database) are imported only by the commands
that need them. One module per command group (demo, exchange, printing, listing, stats,
maintenance, screenshot); ``common`` holds what they share, ``opening`` what every command does
around its database (the password, read-only media, the damage path).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop import APP_NAME, __version__
from desktop.cli.common import Parser, Words
from desktop.core.errors import QT_TRANSLATE_NOOP, DatabaseDamaged, OutreachError


def _pre_language(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


# Each command's module and handler. A module is imported only when its command is given (or
# its parser built): `--version` and starting the window load none of them.
HANDLERS = {
    "demo": ("demo", "run"),
    "import": ("exchange", "run_import"),
    "print": ("printing", "run"),
    "list": ("listing", "run"),
    "export": ("exchange", "run_export"),
    "stats": ("stats", "run"),
    "check": ("maintenance", "run_check"),
    "backup": ("maintenance", "run_backup"),
    "restore": ("maintenance", "run_restore"),
    "screenshot": ("screenshot", "run"),
    "package": ("exchange", "run_package"),
}
COMMANDS = tuple(HANDLERS)


def build_parser(
    tr=lambda context, text: text, *, with_commands: bool = True
) -> argparse.ArgumentParser:
    """The command line's parser; without ``with_commands`` only the options of starting the
    window (building every command's parser would cost the window's start a few ms)."""
    words = Words(tr)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help=words(
            QT_TRANSLATE_NOOP("Cli", "database file (default: OUTREACH_DESK_DB or the data folder)")
        ),
    )
    common.add_argument(
        "--lang",
        default=argparse.SUPPRESS,
        choices=["zh_CN", "en"],
        help=words(QT_TRANSLATE_NOOP("Cli", "language of the program and its messages")),
    )
    parser = Parser(
        prog="outreach-desk",
        parents=[common],
        add_help=False,
        description=words(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Outreach Desk: anti-fraud outreach talks and warning dissuasion. "
                "Without a command the program window opens.",
            )
        ),
    )
    words.localise(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=words(QT_TRANSLATE_NOOP("Cli", "show the version and exit")),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=words(QT_TRANSLATE_NOOP("Cli", "open the demo database (made on first use)")),
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        parser_class=Parser,
        title=words(QT_TRANSLATE_NOOP("Cli", "commands")),
    )
    from desktop.cli import demo, exchange, listing, maintenance, printing, screenshot, stats

    # In the order the help lists them.
    demo.add_parsers(commands, common, words)
    exchange.add_import_parser(commands, common, words)
    printing.add_parsers(commands, common, words)
    listing.add_parsers(commands, common, words)
    exchange.add_export_parser(commands, common, words)
    stats.add_parsers(commands, common, words)
    maintenance.add_parsers(commands, common, words)
    exchange.add_package_parser(commands, common, words)
    screenshot.add_parsers(commands, common, words)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from desktop.i18n import normalise_language, translator_for

    language = _pre_language(argv)
    if language is None:
        from desktop.settings import stored_language

        language = stored_language()
    language = normalise_language(language)
    try:
        tr = translator_for(language)
    except FileNotFoundError as exc:  # a damaged installation: say so in English, go on
        print(f"outreach-desk: {exc}", file=sys.stderr)
        tr = translator_for("en")
    starts_window = not any(arg in COMMANDS or arg in ("-h", "--help") for arg in argv)
    args = build_parser(tr, with_commands=not starts_window).parse_args(argv)
    args.lang = language

    from desktop import paths

    wants_demo = getattr(args, "demo", False) or args.command == "demo"
    if wants_demo and getattr(args, "db", None) is None:
        # Demo data goes to the demo database unless a file is named: `demo --force` must never
        # replace an officer's own records by accident.
        db_path = paths.demo_db_path()
    else:
        db_path = paths.resolve_db_path(getattr(args, "db", None))

    if args.command is None:  # the window takes its own damage path
        from desktop.ui.app import run_gui

        try:
            return run_gui(db_path, language, demo=args.demo)
        except OutreachError as exc:
            print(f"outreach-desk: {exc.render(tr)}", file=sys.stderr)
            return 1
    from desktop.cli import opening
    from desktop.db.database import watch_for_damage

    # Damage SQLite reports at any point of any command ends in the one damage path below,
    # even when the code that met it caught the error and went on.
    found: list[DatabaseDamaged] = []
    stop_watching = watch_for_damage(found.append)
    try:
        status = _run_command(args, db_path, tr)
    except DatabaseDamaged:
        status = 1
    except OutreachError as exc:
        where = f"{exc.field}: " if getattr(exc, "field", "").startswith("--") else ""
        print(f"outreach-desk: {where}{exc.render(tr)}", file=sys.stderr)
        status = 1
    finally:
        stop_watching()
    return opening.damage_path(found[0], tr) if found else status


def _run_command(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    from desktop.cli import demo, opening

    if not (getattr(args, "self_test", False) or getattr(args, "probe_screen", False)):
        opening.say_if_read_only(args, db_path, tr)
        if args.command not in ("demo", "screenshot"):
            opening.unlock(db_path, tr)  # before anything reads an encrypted database
    if args.demo and args.command != "demo":
        demo.ensure_demo(db_path)  # --demo means the demo database, made on first use
    module, name = HANDLERS[args.command]
    handler = getattr(importlib.import_module(f"desktop.cli.{module}"), name)
    try:
        return handler(args, db_path, tr)
    except BrokenPipeError:
        # The reader went away (`stats | head`): not an error of ours. Point stdout at
        # nothing so Python's own flush at exit stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
