"""What the command groups share: argparse in the program's language, the options several
commands take (a period, an area, personal data in full), and how a command speaks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP

C = "Cli"  # the command line's translation context


class Parser(argparse.ArgumentParser):
    """argparse's parser with every option spelled out: ``--lang`` and ``--db`` are read before
    parsing (the language of the messages, which commands to build), and an abbreviation such
    as ``--lan en`` would be taken by argparse and missed by that reading."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # argparse's own wording, exit status 2
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n")


class Words:
    """The command line's words in the chosen language: ``words(text)`` translates a text of
    the "Cli" context; ``localise`` puts argparse's own words (help, section titles, usage)
    in that language too."""

    def __init__(self, tr: Any) -> None:
        self.tr = tr
        usage_prefix = self(QT_TRANSLATE_NOOP("Cli", "usage: "))

        class Formatter(argparse.HelpFormatter):
            def add_usage(self, usage, actions, groups, prefix=None):
                return super().add_usage(
                    usage, actions, groups, usage_prefix if prefix is None else prefix
                )

        self.formatter = Formatter

    def __call__(self, text: str) -> str:
        return self.tr(C, text)

    def localise(self, parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        """Called once a parser has all its arguments: its help option comes last."""
        parser.formatter_class = self.formatter
        parser._positionals.title = self(QT_TRANSLATE_NOOP("Cli", "arguments"))
        parser._optionals.title = self(QT_TRANSLATE_NOOP("Cli", "options"))
        parser.add_argument(
            "-h",
            "--help",
            action="help",
            help=self(QT_TRANSLATE_NOOP("Cli", "show this help and exit")),
        )
        return parser


def add_full_and_reason(sub: argparse.ArgumentParser, words: Words) -> None:
    """Personal data in full: only with a reason, which goes to the audit log."""
    sub.add_argument(
        "--full",
        action="store_true",
        help=words(
            QT_TRANSLATE_NOOP("Cli", "print personal data in full (written to the audit log)")
        ),
    )
    sub.add_argument(
        "--reason",
        default="",
        metavar="TEXT",
        help=words(QT_TRANSLATE_NOOP("Cli", "why the full data is needed (required with --full)")),
    )


FIRST_DAY = QT_TRANSLATE_NOOP("Cli", "the first day (2026-11-01)")
LAST_DAY = QT_TRANSLATE_NOOP("Cli", "the last day, included")


def add_period(sub: argparse.ArgumentParser, words: Words, *, required: bool = False) -> None:
    """--from and --to; left out, this year up to today (``stats_period``)."""
    sub.add_argument(
        "--from", dest="first", required=required, metavar="DATE", help=words(FIRST_DAY)
    )
    sub.add_argument("--to", dest="last", required=required, metavar="DATE", help=words(LAST_DAY))


def add_area(sub: argparse.ArgumentParser, words: Words) -> None:
    sub.add_argument(
        "--area",
        metavar="AREA",
        help=words(QT_TRANSLATE_NOOP("Cli", "an area's name or code (default: everything)")),
    )


def add_laptops(sub: argparse.ArgumentParser, words: Words) -> None:
    """--station NAME or --laptop DEVICE, not both: the records entered on those laptops (a
    county's merged data); ``laptops_arg`` reads them."""
    which = sub.add_mutually_exclusive_group()
    which.add_argument(
        "--station", metavar="NAME",
        help=words(QT_TRANSLATE_NOOP("Cli", "only the records of that station's laptops (county)")),
    )  # fmt: skip
    which.add_argument(
        "--laptop", metavar="DEVICE",
        help=words(QT_TRANSLATE_NOOP("Cli", "only the records of one laptop (see package laptops)")),
    )  # fmt: skip


def laptops_arg(args: argparse.Namespace) -> tuple[str, str] | None:
    """--station or --laptop as statistics' choice of laptops (None: every laptop)."""
    if args.station:
        return ("station", args.station)
    return ("device", args.laptop) if args.laptop else None


UNKNOWN_LAPTOP = QT_TRANSLATE_NOOP(
    "Cli", "No package came from a laptop {device} (see: package laptops)."
)


def unknown_laptops(database, laptops: tuple[str, str] | None, tr: Any) -> bool:
    """True (after saying so) when --station or --laptop names no laptop this database knows
    (this one, or one packages came from): its figures would be zeros that measure nothing."""
    from desktop.db.chain import own_ids
    from desktop.domain.statistics import chosen_devices
    from desktop.domain.statistics import laptops as known_laptops

    devices = chosen_devices(database, laptops)
    if devices is None:
        return False
    # This laptop's ids include those it had before it was copied here.
    known = {device for device, _station in known_laptops(database)} | own_ids(database.conn)
    if devices == []:
        print(tr(C, QT_TRANSLATE_NOOP("Cli", "No laptop of that station has sent a package.")),
              file=sys.stderr)  # fmt: skip
        return True
    if not known.issuperset(devices):
        print(tr(C, UNKNOWN_LAPTOP).format(device=laptops[1]), file=sys.stderr)
        return True
    return False


def add_output(sub: argparse.ArgumentParser, words: Words) -> None:
    sub.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help=words(QT_TRANSLATE_NOOP("Cli", "the file to write")),
    )


def say(tr: Any, text: str, **params: Any) -> None:
    print(tr(C, text).format(**params))


def refuse_while_open(db_path: Path, tr: Any) -> bool:
    """True (after saying so) when the program has the database open: replacing records or
    the whole file under a running window would lose its work."""
    from desktop.db.instance import in_use

    if not in_use(db_path):
        return False
    print(
        tr(C, QT_TRANSLATE_NOOP("Cli", "Close Outreach Desk first: {path} is open.")).format(
            path=db_path
        ),
        file=sys.stderr,
    )
    return True


def first_and_last(args: argparse.Namespace) -> tuple:
    """--from and --to as two days, both given."""
    from desktop.core.validate import parse_date

    return parse_date(args.first, field="--from"), parse_date(args.last, field="--to")


def stats_period(args: argparse.Namespace):
    """--from/--to as a statistics period; without them, this year up to today."""
    from datetime import date

    from desktop.core.validate import parse_date
    from desktop.domain.statistics import Period

    today = clock.today()
    first = parse_date(args.first, field="--from") if args.first else date(today.year, 1, 1)
    last = parse_date(args.last, field="--to") if args.last else today
    return Period(first, last)


def area_arg(database, text: str | None) -> str | None:
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


# Candidates listed when a name is not enough: more than a screenful helps nobody choose.
CANDIDATES_SHOWN = 15


def _one_a_line(lines) -> str:
    """Candidates one a line under the message, the first ``CANDIDATES_SHOWN`` of them."""
    lines = list(lines)
    shown = [f"\n  {line}" for line in lines[:CANDIDATES_SHOWN]]
    if len(lines) > CANDIDATES_SHOWN:
        shown.append(f"\n  … (+{len(lines) - CANDIDATES_SHOWN})")
    return "".join(shown)


def warning_arg(database, text: str, field: str) -> str:
    """A warning named on the command line by its id or its reference number (预警编号): its
    id. A number two warnings share is refused with both listed, the resident masked."""
    from desktop.core.errors import ValidationError
    from desktop.core.formats import format_stamp
    from desktop.core.privacy import mask_name
    from desktop.domain import residents as resident_store
    from desktop.domain import warnings as warning_store

    found = warning_store.warnings_named(database, text)
    if len(found) == 1:
        return found[0].id
    if not found:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "There is no warning with the record id or reference number “{value}”.",
            ),
            field=field,
            value=text,
        )
    candidates = _one_a_line(
        f"{warning.id}  {format_stamp(warning.received_at)}  "
        f"{mask_name(resident_store.get_resident(database, warning.resident_id).name)}"
        for warning in found
    )
    raise ValidationError(
        QT_TRANSLATE_NOOP(
            "Validation",
            "More than one warning has the reference number “{value}”; give its record id:{candidates}",
        ),
        field=field,
        value=text,
        candidates=candidates,
    )


def talk_arg(database, text: str, day, field: str) -> str:
    """A talk named on the command line by its id or its title (on ``day`` when given): its
    id. A title that names several talks is refused with each listed (id, start, venue)."""
    from desktop.core.errors import ValidationError
    from desktop.core.formats import format_stamp
    from desktop.domain import talks as talk_store

    found = talk_store.talks_named(database, text, day)
    if len(found) == 1:
        return found[0].id or ""
    if not found:
        if day is None:
            message = QT_TRANSLATE_NOOP("Validation", "There is no talk called “{value}”.")
        else:
            message = QT_TRANSLATE_NOOP("Validation", "There is no talk called “{value}” on {day}.")
        raise ValidationError(message, field=field, value=text, day=day)
    # A talk's title, time and venue are the station's own words, not a person's: shown whole.
    candidates = _one_a_line(
        f"{talk.id}  {format_stamp(talk.starts_at)}  {talk.title}"
        + (f"  @ {talk.venue}" if talk.venue else "")
        for talk in found
    )
    raise ValidationError(
        QT_TRANSLATE_NOOP(
            "Validation",
            "{count} talks match “{value}”; give the day (--date) or the record id:{candidates}",
        ),
        field=field,
        value=text,
        count=len(found),
        candidates=candidates,
    )
