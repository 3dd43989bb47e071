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
from typing import Any, NamedTuple

from desktop import APP_NAME, __version__, collector
from desktop.core.errors import QT_TRANSLATE_NOOP, DatabaseDamaged, OutreachError


def _pre_language(argv: Sequence[str]) -> str | None:
    """The language ``--lang`` names, read before parsing; given twice, the last, as argparse
    takes it."""
    language = None
    words = iter(argv)
    for arg in words:
        if arg == "--":
            break
        if arg == "--lang":
            language = next(words, language)
        elif arg.startswith("--lang="):
            language = arg.split("=", 1)[1]
    return language


class Command(NamedTuple):
    module: str  # in desktop.cli
    handler: str  # runs it
    adder: str  # adds its parser (maintenance's adds check, backup and restore at once)


# Every command, in the order the help lists them. A command's module is imported only when
# the command is given (or the help asked for): `--version` and starting the window load none.
HANDLERS = {
    "demo": Command("demo", "run", "add_parsers"),
    "import": Command("exchange", "run_import", "add_import_parser"),
    "print": Command("printing", "run", "add_parsers"),
    "list": Command("listing", "run", "add_parsers"),
    "export": Command("exchange", "run_export", "add_export_parser"),
    "stats": Command("stats", "run", "add_parsers"),
    "check": Command("maintenance", "run_check", "add_parsers"),
    "backup": Command("maintenance", "run_backup", "add_parsers"),
    "restore": Command("maintenance", "run_restore", "add_parsers"),
    "package": Command("exchange", "run_package", "add_package_parser"),
    "screenshot": Command("screenshot", "run", "add_parsers"),
}
COMMANDS = tuple(HANDLERS)


def build_parser(
    tr=lambda context, text: text, *, commands: Sequence[str] = COMMANDS
) -> argparse.ArgumentParser:
    """The command line's parser with the ``commands`` named (every one by default; none for
    starting the window). A command given builds its own parser only: each command's module
    loads what it needs (the printouts' registry, the exchange formats, Qt for screenshots),
    and a sign-in sheet need not wait for the others'."""
    from desktop.cli.common import Parser, Words  # the clock and paths: not for --version

    words = Words(tr)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        type=_named_file(words),
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
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        parser_class=Parser,
        title=words(QT_TRANSLATE_NOOP("Cli", "commands")),
    )
    adders = dict.fromkeys(
        (HANDLERS[command].module, HANDLERS[command].adder)
        for command in COMMANDS
        if command in commands
    )
    for module, name in adders:
        getattr(importlib.import_module(f"desktop.cli.{module}"), name)(subparsers, common, words)
    return parser


def _named_file(words: Any) -> Any:
    """``--db``'s check: a file must be named, by a name the file system can hold. An empty
    value (``--db "$UNSET"``) would otherwise mean the default database, the officer's own,
    even for ``demo --force``; a name too long for a file ended in a traceback."""

    def named(value: str) -> str:
        if not value.strip():
            raise argparse.ArgumentTypeError(
                words(QT_TRANSLATE_NOOP("Cli", "the database file's name is empty"))
            )
        try:
            Path(value).expanduser().exists()
        except OSError as exc:  # too long, or a character the file system refuses
            raise argparse.ArgumentTypeError(
                words(QT_TRANSLATE_NOOP("Cli", "no file can have this name: {reason}")).format(
                    reason=exc.strerror or exc
                )
            ) from exc
        return value

    return named


# The program's own options that take a value (the word after them is never a command).
_VALUED_OPTIONS = ("--db", "--lang")


def _commands_to_build(argv: Sequence[str]) -> tuple[str, ...]:
    """The commands whose parsers ``argv`` needs: the one its first word names (the first that
    is neither an option nor an option's value), every command for the program's own help or
    a word that names none (argparse then lists them), none for starting the window."""
    words = iter(argv)
    for arg in words:
        if arg == "--":
            break
        if arg in ("-h", "--help"):
            return COMMANDS
        if arg in _VALUED_OPTIONS:
            next(words, None)
        elif not arg.startswith("-"):
            return (arg,) if arg in COMMANDS else COMMANDS
    return ()


def _writes_to_a_pipe() -> bool:
    import stat

    try:
        return stat.S_ISFIFO(os.fstat(1).st_mode)  # Windows reports its pipes as FIFOs too
    except OSError:
        return False


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the program's own process: its start runs without the collector
        collector.pause()  # settled once the command's or the window's modules are in
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] and argv[0].startswith("--read-") and getattr(sys, "frozen", False):
        from desktop.domain.today import READ_AHEAD_SWITCH, serve

        # A frozen build starting itself to read Today ahead (domain.today), into a pipe only:
        # nothing of a resident's is written to a terminal or a file.
        if argv[0] == READ_AHEAD_SWITCH and len(argv) == 2 and _writes_to_a_pipe():
            return serve(argv[1])
    if argv == ["--version"]:  # what argparse would print, without reading the language first
        print(f"{APP_NAME} {__version__}")
        return 0
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
    args = build_parser(tr, commands=_commands_to_build(argv)).parse_args(argv)
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
        from desktop.domain.today import begin_reading

        # Today's reading begins in a process of its own while Qt and the window are built.
        head_start = begin_reading(db_path)
        from desktop.ui.app import run_gui

        try:
            return run_gui(db_path, language, demo=args.demo, head_start=head_start)
        except OutreachError as exc:
            print(f"outreach-desk: {exc.render(tr)}", file=sys.stderr)
            return 1
        finally:
            if head_start is not None:  # a window that never showed it (in use, locked…)
                head_start.give_up()
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
    from desktop.cli import opening

    if not (getattr(args, "self_test", False) or getattr(args, "probe_screen", False)):
        opening.say_if_read_only(args, db_path, tr)
        if args.command != "demo":
            opening.unlock(db_path, tr)  # before anything reads an encrypted database
    command = HANDLERS[args.command]
    handler = getattr(importlib.import_module(f"desktop.cli.{command.module}"), command.handler)
    collector.settle()
    if args.demo and args.command != "demo":
        from desktop.cli import demo

        demo.ensure_demo(db_path)  # --demo means the demo database, made on first use
    try:
        return handler(args, db_path, tr)
    except BrokenPipeError:
        # The reader went away (`stats | head`): not an error of ours. Point stdout at
        # nothing so Python's own flush at exit stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
