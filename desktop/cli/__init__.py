"""The command line: every batch job the GUI can do, and the GUI itself when no command is given.

Exit status: 0 success, 1 a user error (message on stderr in the chosen language), 2 bad
arguments. Heavy modules (Qt widgets, openpyxl) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import APP_NAME, __version__
from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP, DatabaseDamaged, OutreachError

_C = "Cli"
_CATALOGUE = "Catalogue"  # the catalogue's own entries, marked where they are defined


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own wording, exit status 2
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n")


def _pre_language(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


COMMANDS = (
    "demo", "import", "print", "export", "stats", "check", "backup", "restore", "screenshot",
    "package",
)  # fmt: skip


def build_parser(
    tr=lambda context, text: text, *, with_commands: bool = True
) -> argparse.ArgumentParser:
    """The command line's parser; without ``with_commands`` only the options of starting the
    window (building every command's parser would cost the window's start a few ms)."""

    def t(text: str) -> str:
        return tr(_C, text)

    usage_prefix = t(QT_TRANSLATE_NOOP("Cli", "usage: "))

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage, actions, groups, prefix=None):
            return super().add_usage(
                usage, actions, groups, usage_prefix if prefix is None else prefix
            )

    def localise(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        """argparse's own words (help, section titles, usage) in the chosen language."""
        parser.formatter_class = Formatter
        parser._positionals.title = t(QT_TRANSLATE_NOOP("Cli", "arguments"))
        parser._optionals.title = t(QT_TRANSLATE_NOOP("Cli", "options"))
        parser.add_argument(
            "-h",
            "--help",
            action="help",
            help=t(QT_TRANSLATE_NOOP("Cli", "show this help and exit")),
        )
        return parser

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help=t(
            QT_TRANSLATE_NOOP("Cli", "database file (default: OUTREACH_DESK_DB or the data folder)")
        ),
    )
    common.add_argument(
        "--lang",
        default=argparse.SUPPRESS,
        choices=["zh_CN", "en"],
        help=t(QT_TRANSLATE_NOOP("Cli", "language of the program and its messages")),
    )
    parser = _Parser(
        prog="outreach-desk",
        parents=[common],
        add_help=False,
        description=t(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Outreach Desk: anti-fraud outreach talks and warning dissuasion. "
                "Without a command the program window opens.",
            )
        ),
    )
    localise(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=t(QT_TRANSLATE_NOOP("Cli", "show the version and exit")),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=t(QT_TRANSLATE_NOOP("Cli", "open the demo database (made on first use)")),
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        parser_class=_Parser,
        title=t(QT_TRANSLATE_NOOP("Cli", "commands")),
    )

    demo = commands.add_parser(
        "demo",
        parents=[common],
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "fill an empty database with demo data")),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        help=t(QT_TRANSLATE_NOOP("Cli", "the same seed always makes the same data")),
    )
    demo.add_argument(
        "--size",
        choices=["small", "large"],
        default="small",
        help=t(QT_TRANSLATE_NOOP("Cli", "small: one city for a year; large: 1,000,000 warnings")),
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help=t(QT_TRANSLATE_NOOP("Cli", "replace the records of a database that is not empty")),
    )

    importer = commands.add_parser(
        "import",
        parents=[common],
        add_help=False,
        help=t(
            QT_TRANSLATE_NOOP(
                "Cli", "import a list from a spreadsheet (.xlsx, .xls, .xlsb, .ods) or .csv"
            )
        ),
    )
    importer.add_argument(
        "kind",
        choices=["areas", "officers", "talks", "warnings"],
        help=t(QT_TRANSLATE_NOOP("Cli", "what the list holds: areas, officers, talks or warnings")),
    )
    importer.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=t(QT_TRANSLATE_NOOP("Cli", "the spreadsheet or .csv file")),
    )
    mode = importer.add_mutually_exclusive_group()
    mode.add_argument(
        "--strict",
        action="store_true",
        help=t(QT_TRANSLATE_NOOP("Cli", "all or nothing: any bad row stops the import (default)")),
    )
    mode.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help=t(QT_TRANSLATE_NOOP("Cli", "import the good rows and report the bad ones")),
    )

    printer = commands.add_parser(
        "print",
        parents=[common],
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "make a printout as a PDF file")),
    )
    documents = printer.add_subparsers(
        dest="document", metavar="DOCUMENT", required=True, parser_class=_Parser
    )
    signin = documents.add_parser(
        "signin",
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "the sign-in sheet of a talk")),
    )
    signin.add_argument("talk_id", metavar="TALK_ID")
    signin.add_argument(
        "--rows",
        type=int,
        default=25,
        help=t(QT_TRANSLATE_NOOP("Cli", "blank rows to print (1 to 500)")),
    )
    handout = documents.add_parser(
        "handout",
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "a handout for a talk or for chosen fraud types")),
    )
    handout.add_argument("--talk", metavar="TALK_ID")
    handout.add_argument(
        "--topics",
        metavar="T1,T2",
        help=t(QT_TRANSLATE_NOOP("Cli", "fraud types, e.g. customer_service,investment")),
    )
    notice = documents.add_parser(
        "notice",
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "the dissuasion notice of a warning")),
    )
    case = documents.add_parser(
        "case",
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "the record of a warning with its contact timeline")),
    )
    for sub in (notice, case):
        sub.add_argument("warning_id", metavar="WARNING_ID")
    visit_form = documents.add_parser(
        "visit-form",
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "a blank visit-record form")),
    )
    schedule = documents.add_parser(
        "schedule",
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "the talks of a period, for the notice board")),
    )
    briefing = documents.add_parser(
        "briefing",
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "the work briefing of a period (工作简报)")),
    )
    exporter = commands.add_parser(
        "export",
        parents=[common],
        add_help=False,
        help=t(
            QT_TRANSLATE_NOOP(
                "Cli", "export talks as a calendar (ics), or the figures and lists as Excel (xlsx)"
            )
        ),
    )
    exporter.add_argument("format", choices=["ics", "xlsx"])

    def full_and_reason(sub: argparse.ArgumentParser) -> None:
        """Personal data in full: only with a reason, which goes to the audit log."""
        sub.add_argument(
            "--full",
            action="store_true",
            help=t(
                QT_TRANSLATE_NOOP("Cli", "print personal data in full (written to the audit log)")
            ),
        )
        sub.add_argument(
            "--reason",
            default="",
            metavar="TEXT",
            help=t(QT_TRANSLATE_NOOP("Cli", "why the full data is needed (required with --full)")),
        )

    for sub in (notice, case, exporter):
        full_and_reason(sub)
    stats = commands.add_parser(
        "stats",
        parents=[common],
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "print every figure of a period (this year by default)")),
    )
    stats.add_argument(
        "--json", action="store_true", help=t(QT_TRANSLATE_NOOP("Cli", "as JSON, keys stable"))
    )
    which = stats.add_mutually_exclusive_group()
    which.add_argument(
        "--station", metavar="NAME",
        help=t(QT_TRANSLATE_NOOP("Cli", "only the records of that station's laptops (county)")),
    )  # fmt: skip
    which.add_argument(
        "--laptop", metavar="DEVICE",
        help=t(QT_TRANSLATE_NOOP("Cli", "only the records of one laptop (see package laptops)")),
    )  # fmt: skip
    first_help = t(QT_TRANSLATE_NOOP("Cli", "the first day (2026-11-01)"))
    last_help = t(QT_TRANSLATE_NOOP("Cli", "the last day, included"))
    schedule.add_argument("--from", dest="first", required=True, metavar="DATE", help=first_help)
    schedule.add_argument("--to", dest="last", required=True, metavar="DATE", help=last_help)
    for sub in (briefing, stats, exporter):  # this year up to today when left out (ics: needed)
        sub.add_argument("--from", dest="first", metavar="DATE", help=first_help)
        sub.add_argument("--to", dest="last", metavar="DATE", help=last_help)
    for sub in (briefing, stats, exporter):
        sub.add_argument(
            "--area",
            metavar="AREA",
            help=t(QT_TRANSLATE_NOOP("Cli", "an area's name or code (default: everything)")),
        )
    briefing.add_argument(
        "--rank-by",
        default="dissuaded",
        metavar="FIGURE",
        help=t(QT_TRANSLATE_NOOP("Cli", "the figure the ranking uses (a key of stats --json)")),
    )
    for sub in (signin, handout, notice, case, visit_form, schedule, briefing, exporter):
        sub.add_argument(
            "-o",
            "--output",
            type=Path,
            required=True,
            metavar="OUT",
            help=t(QT_TRANSLATE_NOOP("Cli", "the file to write")),
        )

    check = commands.add_parser(
        "check",
        parents=[common],
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "check the database file for damage")),
    )
    check.add_argument(
        "--self-test",
        action="store_true",
        help=t(QT_TRANSLATE_NOOP(
            "Cli", "instead, check this installation: a temporary database, a PDF with the "
            "embedded font and the window, offscreen (your data is not touched)"
        )),
    )  # fmt: skip
    # The self-test's child: start the screen's platform and say which it is (not for people).
    check.add_argument("--probe-screen", action="store_true", help=argparse.SUPPRESS)

    backup = commands.add_parser(
        "backup",
        parents=[common],
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "back the database up now (checked, then kept)")),
    )
    backup.add_argument(
        "--to",
        dest="folder",
        type=Path,
        metavar="FOLDER",
        help=t(QT_TRANSLATE_NOOP("Cli", "the backup folder (default: as in Settings)")),
    )
    restore = commands.add_parser(
        "restore",
        parents=[common],
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "replace the database with a backup")),
    )
    restore.add_argument(
        "backup",
        nargs="?",
        type=Path,
        metavar="BACKUP",
        help=t(QT_TRANSLATE_NOOP("Cli", "the backup file (default: the newest good one)")),
    )
    restore.add_argument(
        "--from-folder",
        dest="folder",
        type=Path,
        metavar="FOLDER",
        help=t(QT_TRANSLATE_NOOP("Cli", "where to look for backups (default: as in Settings)")),
    )

    package = commands.add_parser(
        "package",
        parents=[common],
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "exchange packages between laptops and the county")),
    )
    actions = package.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    package_export = actions.add_parser(
        "export",
        help=t(QT_TRANSLATE_NOOP("Cli", "write the records changed since the last package")),
    )
    package_export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT",
        help=t(QT_TRANSLATE_NOOP("Cli", "the package file to write (.odpkg)")),
    )  # fmt: skip
    package_export.add_argument(
        "--to", dest="destination", default="county", metavar="NAME",
        help=t(QT_TRANSLATE_NOOP("Cli", "where it goes (default: county)")),
    )  # fmt: skip
    package_export.add_argument(
        "--all", dest="everything", action="store_true",
        help=t(QT_TRANSLATE_NOOP("Cli", "every record, not only the changed ones")),
    )  # fmt: skip
    package_merge = actions.add_parser(
        "merge", help=t(QT_TRANSLATE_NOOP("Cli", "merge a package from another laptop"))
    )
    package_merge.add_argument("file", type=Path, metavar="FILE")
    package_merge.add_argument(
        "--preview", action="store_true",
        help=t(QT_TRANSLATE_NOOP("Cli", "only show what would be added, changed and deleted")),
    )  # fmt: skip
    package_key = actions.add_parser(
        "key", help=t(QT_TRANSLATE_NOOP("Cli", "show, set or make the county's exchange key"))
    )
    key_choice = package_key.add_mutually_exclusive_group()
    key_choice.add_argument(
        "--set", dest="key", metavar="KEY",
        help=t(QT_TRANSLATE_NOOP("Cli", "keep the key the county gave")),
    )  # fmt: skip
    key_choice.add_argument(
        "--new", action="store_true",
        help=t(QT_TRANSLATE_NOOP("Cli", "make a new key (the county does this once)")),
    )  # fmt: skip
    actions.add_parser(
        "laptops",
        help=t(QT_TRANSLATE_NOOP("Cli", "list the laptops packages came from, and when")),
    )
    held = actions.add_parser(
        "held",
        help=t(QT_TRANSLATE_NOOP("Cli", "list the residents whose data a laptop held")),
    )
    held.add_argument("device", metavar="DEVICE")
    full_and_reason(held)

    shot = commands.add_parser(
        "screenshot",
        parents=[common],
        add_help=False,
        help=t(QT_TRANSLATE_NOOP("Cli", "save a view of the program as a PNG picture")),
    )
    from desktop.ui.screenshot import VIEWS  # the names only: Qt is imported when one is shown

    shot.add_argument(
        "view",
        choices=VIEWS,
        metavar="VIEW",
        help=t(QT_TRANSLATE_NOOP("Cli", "the view to show: {views}")).format(
            views=", ".join(VIEWS)
        ),
    )
    shot.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT.png",
        help=t(QT_TRANSLATE_NOOP("Cli", "where to save the picture")),
    )
    shot.add_argument(
        "--size",
        default="1366x768",
        metavar="WxH",
        help=t(QT_TRANSLATE_NOOP("Cli", "window size in pixels")),
    )
    shot.add_argument(
        "--package",
        type=Path,
        metavar="FILE.odpkg",
        help=t(QT_TRANSLATE_NOOP("Cli", "the package the merge view previews")),
    )
    for sub in (
        demo, importer, printer, signin, handout, notice, case, visit_form, schedule, briefing,
        exporter, stats, check, backup, restore, shot,
    ):  # fmt: skip
        localise(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from desktop.i18n import normalise_language, translator_for

    language = _pre_language(argv)
    if language is None:
        from desktop.settings import Settings

        language = Settings().language
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
    return _damage_path(found[0], tr) if found else status


def _run_command(args, db_path: Path, tr) -> int:
    if not (getattr(args, "self_test", False) or getattr(args, "probe_screen", False)):
        _say_if_read_only(args, db_path, tr)
        if args.command not in ("demo", "screenshot"):
            _unlock_for_cli(db_path, tr)  # before anything reads an encrypted database
    if args.demo and args.command != "demo":
        _ensure_demo(db_path)  # --demo means the demo database, made on first use
    handler = {
        "demo": _cmd_demo,
        "import": _cmd_import,
        "check": _cmd_check,
        "print": _cmd_print,
        "export": _cmd_export,
        "stats": _cmd_stats,
        "backup": _cmd_backup,
        "restore": _cmd_restore,
        "screenshot": _cmd_screenshot,
        "package": _cmd_package,
    }[args.command]
    try:
        return handler(args, db_path, tr)
    except BrokenPipeError:
        # The reader went away (`stats | head`): not an error of ours. Point stdout at
        # nothing so Python's own flush at exit stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _say_if_read_only(args, db_path: Path, tr) -> None:
    """A database on media that cannot be written is read as it is (open_database): say so,
    and refuse personal data in full, whose reveal must be written to the audit log."""
    from desktop.db.database import READ_ONLY, can_write

    if not db_path.is_file() or can_write(db_path):
        return
    if getattr(args, "full", False):
        from desktop.core.errors import DatabaseError

        raise DatabaseError(READ_ONLY, path=str(db_path))
    print(tr(_C, OPENED_READ_ONLY).format(path=db_path), file=sys.stderr)


OPENED_READ_ONLY = QT_TRANSLATE_NOOP(
    "Cli", "Opened read-only: {path} (its folder or disk cannot be written). Printouts and"
    " exports made from it are not written to its audit log."
)  # fmt: skip


def _damage_path(damage: DatabaseDamaged, tr) -> int:
    """The damaged database set aside unchanged and the newest good backup named (exit 1).
    Not while the window has the file: it sets the file aside itself when it meets the damage
    (its lock says so), and moving it under the window would lose what it still writes."""
    from desktop.db import backups
    from desktop.db.instance import InstanceLock
    from desktop.settings import Settings

    path = Path(damage.path)
    for line in damage.reason.splitlines()[:20]:
        print(line, file=sys.stderr)  # SQLite's own words, for whoever repairs the file
    lock = InstanceLock(path)
    if not lock.acquire():
        print(tr(_C, DAMAGED_IN_USE).format(path=path), file=sys.stderr)
        return 1
    folder = Settings().backup_folder(path)
    try:
        found = backups.set_aside(path, folder, [damage.reason])
    except OSError as exc:  # a read-only disk: the file stays where it is
        print(
            tr(_C, DAMAGED_NOT_MOVED).format(path=path, reason=exc.strerror or exc),
            file=sys.stderr,
        )
        found = backups.Damage([damage.reason], [], backups.newest_good_backup(folder))
    else:
        where = ", ".join(str(moved) for moved in found.moved)
        print(tr(_C, DAMAGED_MOVED).format(path=path, where=where), file=sys.stderr)
    finally:
        lock.release()
    if found.backup is None:
        print(tr(_C, DAMAGED_NO_BACKUP).format(folder=folder), file=sys.stderr)
    else:
        print(tr(_C, DAMAGED_BACKUP).format(backup=found.backup, path=path), file=sys.stderr)
    return 1


DAMAGED_MOVED = QT_TRANSLATE_NOOP(
    "Cli", "The database {path} is damaged. It was moved aside unchanged: {where}"
)
DAMAGED_NOT_MOVED = QT_TRANSLATE_NOOP(
    "Cli", "The database {path} is damaged and could not be moved aside ({reason}); it was left"
    " unchanged where it is."
)  # fmt: skip
DAMAGED_BACKUP = QT_TRANSLATE_NOOP(
    "Cli", "The newest good backup is {backup}. Put it in place with: outreach-desk --db {path}"
    " restore (what was entered after it will have to be entered again)."
)  # fmt: skip
DAMAGED_NO_BACKUP = QT_TRANSLATE_NOOP(
    "Cli", "No good backup was found in {folder}; ask your county's technician for help with"
    " the damaged file."
)  # fmt: skip
DAMAGED_IN_USE = QT_TRANSLATE_NOOP(
    "Cli", "The database {path} is damaged, and it is open in Outreach Desk: close the program"
    " and start it again; it will move the file aside and offer the newest good backup."
)  # fmt: skip


PASSWORD_ENV = "OUTREACH_DESK_PASSWORD"


def _unlock_for_cli(db_path: Path, tr) -> None:
    """An encrypted database needs its password: from OUTREACH_DESK_PASSWORD, else asked on
    the terminal (never on the command line, where other users could see it)."""
    from desktop.db import keys

    if not db_path.exists() or not keys.is_encrypted(db_path) or keys.key_for(db_path):
        return
    from desktop.core.errors import DatabaseError
    from desktop.db import password

    gate = password.key_gate(db_path)  # wrong passwords before, from any program, count
    wait = gate.wait_left()
    if wait > 0:
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Database",
                "A wrong password was given for {path} just before; try again in {seconds} s.",
            ),
            path=str(db_path),
            seconds=int(wait) + 1,
        )
    secret = os.environ.get(PASSWORD_ENV)
    if secret is None and sys.stdin.isatty():
        import getpass

        secret = getpass.getpass(tr(_C, QT_TRANSLATE_NOOP("Cli", "Password: ")))
    if not gate.try_password(secret or ""):  # the right one unlocks and remembers the key
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Database",
                "{path} is encrypted and the password is missing or wrong "
                "(set OUTREACH_DESK_PASSWORD or type it when asked).",
            ),
            path=str(db_path),
        )


def _say(tr, text: str, **params) -> None:
    print(tr(_C, text).format(**params))


def _ensure_demo(db_path: Path) -> None:
    from desktop.db.opening import open_database
    from desktop.demo import generate_demo

    database = open_database(db_path)
    try:
        if database.is_empty():
            generate_demo(database)
    finally:
        database.close()


def _refuse_while_open(db_path: Path, tr) -> bool:
    """True (after saying so) when the program has the database open: replacing records or
    the whole file under a running window would lose its work."""
    from desktop.db.instance import in_use

    if not in_use(db_path):
        return False
    print(
        tr(_C, QT_TRANSLATE_NOOP("Cli", "Close Outreach Desk first: {path} is open.")).format(
            path=db_path
        ),
        file=sys.stderr,
    )
    return True


def _cmd_demo(args, db_path: Path, tr) -> int:
    from desktop.db.opening import open_database
    from desktop.demo import generate_demo

    if args.force and _refuse_while_open(db_path, tr):
        return 1

    database = open_database(db_path)
    try:
        last = [0]

        def progress(done: int, total: int) -> None:
            percent = done * 100 // max(total, 1)
            if percent >= last[0] + 10 and args.size == "large":
                last[0] = percent
                print(f"{percent}%", file=sys.stderr, flush=True)

        summary = generate_demo(
            database, seed=args.seed, size=args.size, force=args.force, progress=progress
        )
    finally:
        database.close()
    _say(
        tr,
        QT_TRANSLATE_NOOP(
            "Cli",
            "Demo data written to {path}: {areas} areas, {officers} officers, {talks} talks, "
            "{warnings} warnings, {contacts} contact attempts ({seconds:.1f} s).",
        ),
        path=db_path,
        areas=summary.areas,
        officers=summary.officers,
        talks=summary.talks,
        warnings=summary.warnings,
        contacts=summary.contacts,
        seconds=summary.elapsed_seconds,
    )
    return 0


def _cmd_import(args, db_path: Path, tr) -> int:
    from desktop.db.opening import open_database
    from desktop.exchange.importing import import_file

    database = open_database(db_path)
    try:
        report = import_file(database, args.kind, args.file, skip_bad_rows=args.skip_bad_rows)
    finally:
        database.close()
    for error in report.errors:
        line = tr(_C, QT_TRANSLATE_NOOP("Cli", "row {row}, column {column}: {reason}"))
        print(
            line.format(row=error.row, column=error.column or "-", reason=error.render(tr)),
            file=sys.stderr,
        )
    if report.ignored_columns:
        _say(
            tr,
            QT_TRANSLATE_NOOP("Cli", "Columns ignored (not stored): {columns}"),
            columns=", ".join(report.ignored_columns),
        )
    if not report.written:
        if report.errors and report.good_rows:
            message = QT_TRANSLATE_NOOP(
                "Cli",
                "Nothing was imported: {bad} of {rows} rows have problems. Correct them, or "
                "run again with --skip-bad-rows to import the {good} good rows.",
            )
        elif report.errors:
            message = QT_TRANSLATE_NOOP(
                "Cli", "Nothing was imported: none of the {rows} rows can be used."
            )
        else:
            message = QT_TRANSLATE_NOOP("Cli", "The file holds no rows to import.")
        print(
            tr(_C, message).format(
                bad=report.bad_rows, rows=report.rows_read, good=report.good_rows
            ),
            file=sys.stderr,
        )
        return 1
    _say(
        tr,
        QT_TRANSLATE_NOOP(
            "Cli",
            "Imported {good} of {rows} rows: {created} records created, {updated} updated, "
            "{unchanged} already there, {bad} bad rows skipped.",
        ),
        good=report.good_rows,
        rows=report.rows_read,
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        bad=report.bad_rows,
    )
    return 0


def _period(args) -> tuple:
    from desktop.core.validate import parse_date

    return parse_date(args.first, field="--from"), parse_date(args.last, field="--to")


def _cmd_print(args, db_path: Path, tr) -> int:
    from desktop.db.opening import open_database
    from desktop.reports import documents

    if args.document == "schedule":
        first, last = _period(args)
    database = open_database(db_path, create=False)
    try:
        if args.document == "signin":
            if not 1 <= args.rows <= 500:
                print(f"outreach-desk: --rows 1..500 ({args.rows})", file=sys.stderr)
                return 2
            documents.print_signin_sheet(database, args.talk_id, args.output, rows=args.rows)
        elif args.document == "case":
            documents.print_case_record(
                database, args.warning_id, args.output, full=args.full, reason=args.reason
            )
        elif args.document == "visit-form":
            documents.print_visit_form(database, args.output)
        elif args.document == "notice":
            documents.print_notice(
                database, args.warning_id, args.output, full=args.full, reason=args.reason
            )
        elif args.document == "handout":
            topics = [t.strip() for t in (args.topics or "").split(",") if t.strip()]
            documents.print_handout(database, args.output, talk_id=args.talk, topics=topics)
        elif args.document == "briefing":
            from desktop.core.figures import BY_KEY

            if args.rank_by not in BY_KEY:
                print(
                    tr(_C, QT_TRANSLATE_NOOP(
                        "Cli", "Unknown figure {value} for --rank-by; choose one of: {keys}"
                    )).format(value=args.rank_by, keys=", ".join(BY_KEY)),
                    file=sys.stderr,
                )  # fmt: skip
                return 2
            documents.print_briefing(
                database, _stats_period(args), args.output,
                area_id=_area_arg(database, args.area), ranking_figure=args.rank_by,
            )  # fmt: skip
        else:
            documents.print_schedule(database, first, last, args.output)
    finally:
        database.close()
    _say(tr, QT_TRANSLATE_NOOP("Cli", "Saved {path}"), path=args.output)
    return 0


def _stats_period(args):
    """--from/--to as a statistics period; without them, this year up to today."""
    from datetime import date

    from desktop.core.validate import parse_date
    from desktop.domain.statistics import Period

    today = clock.today()
    first = parse_date(args.first, field="--from") if args.first else date(today.year, 1, 1)
    last = parse_date(args.last, field="--to") if args.last else today
    return Period(first, last)


def _area_arg(database, text: str | None) -> str | None:
    """An area named on the command line by id, code or name (a name must be unique; when it
    is not, the message lists the candidates with their codes)."""
    if not text:
        return None
    rows = database.query(
        "SELECT a.id, a.code, a.name, coalesce(p.name, '') AS parent FROM areas a"
        " LEFT JOIN areas p ON p.id = a.parent_id"
        " WHERE a.deleted_at IS NULL AND (a.id = ? OR a.code = ? OR a.name = ?)",
        (text, text, text),
    )
    if len(rows) == 1:
        return rows[0]["id"]
    from desktop.core.errors import ValidationError

    if not rows:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "There is no area called {value}."),
            field="--area",
            value=text,
        )
    candidates = "; ".join(
        f"{row['parent']} / {row['name']} {row['code'] or row['id']}" for row in rows
    )
    raise ValidationError(
        QT_TRANSLATE_NOOP(
            "Validation", "More than one area is called {value}; give its code: {candidates}"
        ),
        field="--area",
        value=text,
        candidates=candidates,
    )


def _area_label(database, area_id: str | None) -> dict | None:
    if area_id is None:
        return None
    row = database.execute("SELECT id, code, name FROM areas WHERE id = ?", (area_id,)).fetchone()
    return {"id": row["id"], "code": row["code"] or "", "name": row["name"]}


FIGURES_CONTEXT = "Figures"
EVERYTHING = QT_TRANSLATE_NOOP("Cli", "Everything on record")


def _cmd_stats(args, db_path: Path, tr) -> int:
    import json

    from desktop.core.figures import FIGURES, format_value
    from desktop.db.opening import open_database
    from desktop.domain import statistics

    period = _stats_period(args)
    database = open_database(db_path, create=False)
    try:
        area_id = _area_arg(database, args.area)
        area = _area_label(database, area_id)
        laptops = (
            ("station", args.station) if args.station
            else ("device", args.laptop) if args.laptop else None
        )  # fmt: skip
        devices = statistics.chosen_devices(database, laptops)
        if devices == []:
            print(
                tr(_C, QT_TRANSLATE_NOOP("Cli", "No laptop of that station has sent a package.")),
                file=sys.stderr,
            )
            return 1
        figures = statistics.compute_figures(database, period, area_id, devices=devices)
    finally:
        database.close()
    if args.json:
        document = {
            "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
            "area": area,  # null: everything on record
            "laptops": devices,  # null: every laptop
            "figures": figures,
        }
        print(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    chinese = args.lang.startswith("zh")
    _say(
        tr,
        QT_TRANSLATE_NOOP("Cli", "{area}, {first} to {last}"),
        area=area["name"] if area else tr(_C, EVERYTHING),
        first=period.start.isoformat(),
        last=period.end.isoformat(),
    )
    for figure in FIGURES:
        name = figure.name_zh if chinese else tr(FIGURES_CONTEXT, figure.name)
        print(f"{name}\t{format_value(figure, figures.get(figure.key), chinese=chinese)}")
    return 0


def _cmd_export(args, db_path: Path, tr) -> int:
    from desktop.db.opening import open_database

    if args.format == "ics":
        if not (args.first and args.last):
            print(
                tr(_C, QT_TRANSLATE_NOOP("Cli", "export ics needs --from and --to.")),
                file=sys.stderr,
            )
            return 2
        first, last = _period(args)
    else:
        period = _stats_period(args)
    database = open_database(db_path, create=False)
    try:
        if args.format == "xlsx":
            from desktop.exchange.workbook import export_workbook

            counts = export_workbook(
                database, period, args.output,
                area_id=_area_arg(database, args.area), full=args.full, reason=args.reason,
            )  # fmt: skip
            _say(
                tr,
                QT_TRANSLATE_NOOP("Cli", "Exported the figures and {count} warnings to {path}"),
                count=counts["预警明细"],
                path=args.output,
            )
            return 0
        from desktop.exchange.exporting import export_ics

        count = export_ics(database, first, last, args.output)
    finally:
        database.close()
    _say(
        tr,
        QT_TRANSLATE_NOOP("Cli", "Exported {count} talks to {path}"),
        count=count,
        path=args.output,
    )
    return 0


def _cmd_check(args, db_path: Path, tr) -> int:
    if args.probe_screen:
        from desktop.selftest import probe_screen

        return probe_screen()
    if args.self_test:
        return _cmd_self_test(args.lang, tr)
    from desktop.db.database import AUDIT_CHAIN_PREFIX

    problems = _checked(db_path)
    if not problems:
        _say(tr, QT_TRANSLATE_NOOP("Cli", "The database {path} is sound."), path=db_path)
        return 0
    # The audit log against the records of its end: each names the record it contradicts.
    for finding in (p for p in problems if isinstance(p, OutreachError)):
        print(finding.render(tr), file=sys.stderr)
    problems = [p for p in problems if not isinstance(p, OutreachError)]
    if not problems:
        print(
            tr(_C, QT_TRANSLATE_NOOP(
                "Cli", "The database {path} is sound, but the audit log findings above need"
                " looking into."
            )).format(path=db_path),
            file=sys.stderr,
        )  # fmt: skip
        return 1
    chain = [p for p in problems if p.startswith(AUDIT_CHAIN_PREFIX)]
    if chain and len(chain) == len(problems):
        # The file itself is sound; its audit log was edited with other tools.
        print(
            tr(_C, QT_TRANSLATE_NOOP(
                "Cli", "The database {path} is sound, but its audit log was changed outside the "
                "program at entry {seq}."
            )).format(path=db_path, seq=chain[0].rsplit(" ", 1)[-1]),
            file=sys.stderr,
        )  # fmt: skip
        return 1
    for problem in problems:
        print(problem, file=sys.stderr)  # SQLite's own words, for whoever repairs the file
    print(
        tr(_C, QT_TRANSLATE_NOOP("Cli", "The database {path} is damaged.")).format(path=db_path),
        file=sys.stderr,
    )
    return 1


def _checked(db_path: Path) -> list[str | OutreachError]:
    """The problems of the whole file's check; damage to the file itself (not records that
    point nowhere, not an edited audit log) goes to the damage path."""
    from desktop.db.database import AUDIT_CHAIN_PREFIX, damage_found
    from desktop.db.opening import check_database
    from desktop.settings import Settings

    problems = check_database(db_path, Settings().backup_folder(db_path))
    damage = [
        problem for problem in problems
        if isinstance(problem, str) and not problem.startswith(("foreign key:", AUDIT_CHAIN_PREFIX))
    ]  # fmt: skip
    if damage:
        raise damage_found(db_path, "\n".join(damage))
    return problems


def _cmd_self_test(language: str, tr) -> int:
    import time

    from desktop.selftest import run_self_test

    started = time.perf_counter()
    steps = run_self_test(language)
    for step in steps:
        mark = "SKIP" if step.skipped else "OK  " if step.ok else "FAIL"
        print(f"{mark} {tr('SelfTest', step.name)} ({step.seconds:.2f} s): {step.detail}")
    failed = sum(not step.ok for step in steps)
    seconds = time.perf_counter() - started
    if failed:
        print(
            tr(_C, QT_TRANSLATE_NOOP("Cli", "Self-test failed: {failed} of {total} checks "
                                     "({seconds:.1f} s).")).format(
                failed=failed, total=len(steps), seconds=seconds
            ),
            file=sys.stderr,
        )  # fmt: skip
        return 1
    _say(tr, QT_TRANSLATE_NOOP("Cli", "Self-test passed: {total} checks ({seconds:.1f} s)."),
         total=sum(not step.skipped for step in steps), seconds=seconds)  # fmt: skip
    return 0


def _backup_folder(args, db_path: Path) -> Path:
    if args.folder:
        return args.folder
    from desktop.settings import Settings

    return Settings().backup_folder(db_path)


def _cmd_backup(args, db_path: Path, tr) -> int:
    from desktop.db import backups
    from desktop.db.opening import open_database
    from desktop.settings import Settings

    if [p for p in _checked(db_path) if not isinstance(p, OutreachError)]:
        # A damaged file is never backed up: it could push the last good copy out. (A log that
        # disagrees with the records of its end is backed up: the copy keeps the evidence.)
        print(
            tr(_C, QT_TRANSLATE_NOOP("Cli", "The database {path} is damaged.")).format(
                path=db_path
            ),
            file=sys.stderr,
        )
        return 1
    database = open_database(db_path, create=False)
    try:
        path = backups.backup_now(database, _backup_folder(args, db_path), Settings().retention)
    finally:
        database.close()
    _say(tr, QT_TRANSLATE_NOOP("Cli", "Backed up to {path}"), path=path)
    return 0


def _cmd_restore(args, db_path: Path, tr) -> int:
    from desktop.db import backups

    if _refuse_while_open(db_path, tr):
        return 1

    from desktop.db import keys

    backup = args.backup or backups.newest_good_backup(
        _backup_folder(args, db_path), keys.key_for(db_path)
    )
    if backup is None:
        print(
            tr(_C, QT_TRANSLATE_NOOP("Cli", "No good backup was found in {path}.")).format(
                path=_backup_folder(args, db_path)
            ),
            file=sys.stderr,
        )
        return 1
    kept = backups.restore_backup(Path(backup), db_path)
    _say(tr, QT_TRANSLATE_NOOP("Cli", "Restored {backup} to {path}"), backup=backup, path=db_path)
    if kept is not None:
        _say(tr, QT_TRANSLATE_NOOP("Cli", "The replaced file is kept as {path}"), path=kept)
    return 0


def _cmd_screenshot(args, db_path: Path, tr) -> int:
    from desktop.ui.screenshot import take_screenshot

    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
        if not (200 <= width <= 8000 and 200 <= height <= 8000):
            raise ValueError(args.size)
    except ValueError:
        message = tr(
            _C,
            QT_TRANSLATE_NOOP(
                "Cli", "--size takes WIDTHxHEIGHT in pixels, 200 to 8000 each, e.g. 1366x768."
            ),
        )
        print(f"outreach-desk: {message}", file=sys.stderr)
        return 2
    if args.view == "merge" and args.package is None:
        message = tr(_C, QT_TRANSLATE_NOOP("Cli", "The merge view needs --package FILE.odpkg."))
        print(f"outreach-desk: {message}", file=sys.stderr)
        return 2
    take_screenshot(
        db_path, args.view, args.output, language=args.lang, size=(width, height),
        package=args.package,
    )  # fmt: skip
    _say(tr, QT_TRANSLATE_NOOP("Cli", "Saved {path}"), path=args.output)
    return 0


def _cmd_package(args, db_path: Path, tr) -> int:
    from desktop.core.catalogue import RECORD_KINDS
    from desktop.db.opening import open_database
    from desktop.domain import sync
    from desktop.exchange import packages

    if args.action == "key" and args.new:
        print(packages.new_exchange_key())
        _say(
            tr,
            QT_TRANSLATE_NOOP(
                "Cli",
                "Give this key to every laptop of the county (package key --set KEY), and set it"
                " on the county's own database too. Keep it like a password.",
            ),
        )
        return 0
    database = open_database(db_path, create=args.action == "key")
    try:
        if args.action == "key":
            if args.key:
                packages.set_exchange_key(database, args.key)
                _say(tr, QT_TRANSLATE_NOOP("Cli", "The exchange key is set."))
            else:
                packages.exchange_key(database)  # says how to set one when there is none
                print(database.get_meta("exchange_key"))
            return 0
        if args.action == "export":
            if _refuse_while_open(db_path, tr):
                return 1
            result = packages.export_package(
                database, args.output, destination=args.destination, everything=args.everything
            )
            _say(
                tr,
                QT_TRANSLATE_NOOP("Cli", "Wrote {count} records to {path}"),
                count=result.records,
                path=result.path,
            )
            if result.files_missing:
                _say(
                    tr,
                    QT_TRANSLATE_NOOP("Cli", "{count} photo files were missing and not included."),
                    count=result.files_missing,
                )
            return 0
        if args.action == "merge":
            from desktop.db.instance import InstanceLock

            # Held while merging, not only probed: a window started meanwhile must not take
            # the photos this merge is writing for orphans (attachments.remove_orphans).
            lock = InstanceLock(db_path)
            if not args.preview and not lock.acquire():
                _refuse_while_open(db_path, tr)
                return 1
            try:
                result = packages.merge_package(database, args.file, preview=args.preview)
            finally:
                lock.release()
            _print_merge(result, tr, RECORD_KINDS)
            return 0
        if args.action == "laptops":
            for row in sync.list_devices(database):
                print(
                    "\t".join(
                        [
                            row["device_id"],
                            row["station"],
                            row["officer"],
                            (row["last_package_at"] or "")[:16].replace("T", " "),
                            str(row["packages"]),
                            str(row["residents"]),
                        ]
                    )  # fmt: skip
                )
            return 0
        return _print_held(args, database, tr)
    finally:
        database.close()


def _print_merge(result, tr, kinds) -> None:
    manifest = result.manifest
    _say(
        tr,
        QT_TRANSLATE_NOOP("Cli", "Package from {station} ({officer}), made {at}"),
        station=manifest["station"] or manifest["device_id"],
        officer=manifest["officer"] or "—",
        at=manifest["created_at"][:16].replace("T", " "),
    )
    if result.already_merged_at:
        _say(
            tr,
            QT_TRANSLATE_NOOP("Cli", "Already merged on {at}; nothing to do."),
            at=result.already_merged_at[:16].replace("T", " "),
        )
        return
    for finding in result.audit_messages():
        print(finding.render(tr), file=sys.stderr)
    if result.missing_before:
        _say(
            tr,
            QT_TRANSLATE_NOOP(
                "Cli",
                "Packages from this laptop are missing in between (the last merged ended at"
                " change {last}, this one starts after {first}).",
            ),
            last=result.missing_before[0],
            first=result.missing_before[1],
        )
    for table, counts in result.report.counts.items():
        if counts.added or counts.changed or counts.deleted:
            _say(
                tr,
                QT_TRANSLATE_NOOP(
                    "Cli", "{kind}: {added} added, {changed} changed, {deleted} deleted"
                ),
                kind=tr(_CATALOGUE, kinds[table].en),
                added=counts.added,
                changed=counts.changed,
                deleted=counts.deleted,
            )
    if result.report.conflicts:
        _say(
            tr,
            QT_TRANSLATE_NOOP(
                "Cli",
                "{count} fields were changed on both sides: the later change was kept, the other"
                " is listed for a person to decide (Exchange › Conflicts).",
            ),
            count=len(result.report.conflicts),
        )
    if result.committed:
        _say(tr, QT_TRANSLATE_NOOP("Cli", "Merged."))
    else:
        _say(tr, QT_TRANSLATE_NOOP("Cli", "Preview only: nothing was written."))


def _print_held(args, database, tr) -> int:
    from desktop.core.privacy import mask_id_number, mask_mobile, mask_name
    from desktop.db import audit
    from desktop.domain import sync

    if args.full and not args.reason.strip():
        print(
            tr(_C, QT_TRANSLATE_NOOP("Cli", "--full needs --reason.")),
            file=sys.stderr,
        )
        return 2
    known = args.device == database.device_id or database.scalar(
        "SELECT 1 FROM devices WHERE device_id = ?", (args.device,)
    )
    if not known:
        print(
            tr(_C, QT_TRANSLATE_NOOP(
                "Cli", "No package came from a laptop {device} (see: package laptops)."
            )).format(device=args.device),
            file=sys.stderr,
        )  # fmt: skip
        return 1
    rows = sync.residents_held_by(database, args.device)
    if args.full:
        with database.atomic():
            audit.record(
                database, "reveal", summary=f"residents held by {args.device}: {args.reason}"
            )
    for row in rows:
        name, mobile, id_number = row["name"], row["mobile"] or "", row["id_number"] or ""
        if not args.full:
            name, mobile, id_number = (
                mask_name(name),
                mask_mobile(mobile),
                mask_id_number(id_number),
            )
        print("\t".join([name, mobile, id_number]))
    return 0
