"""list: the warnings or talks the print commands can be given, one a line, personal data
masked, so an officer can find the number or title to print by."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import C, Words, add_period
from desktop.core.errors import QT_TRANSLATE_NOOP

# Talks still to be held, or held with no outcome recorded yet.
OPEN_TALK_STATUSES = ("planned", "confirmed", "postponed")


def add_parsers(commands, common: argparse.ArgumentParser, words: Words) -> None:
    lister = commands.add_parser(
        "list",
        parents=[common],
        add_help=False,
        help=words(QT_TRANSLATE_NOOP("Cli", "list warnings or talks, to find what to print")),
    )
    lister.add_argument(
        "what",
        choices=["warnings", "talks"],
        metavar="warnings|talks",
        help=words(QT_TRANSLATE_NOOP("Cli", "what to list")),
    )
    lister.add_argument(
        "--open",
        action="store_true",
        help=words(QT_TRANSLATE_NOOP(
            "Cli", "only open warnings, or talks not yet held or cancelled"
        )),
    )  # fmt: skip
    add_period(lister, words)  # left out: everything on record
    words.localise(lister)


def _name(entries, code: str, chinese: bool) -> str:
    entry = entries.get(code)
    if entry is None:
        return code
    return entry.zh if chinese else entry.en


def run(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    from desktop.core.validate import parse_date
    from desktop.db.opening import open_database

    first = parse_date(args.first, field="--from") if args.first else None
    last = parse_date(args.last, field="--to") if args.last else None
    chinese = args.lang.startswith("zh")
    database = open_database(db_path, create=False)
    try:
        if args.what == "warnings":
            header, lines = _warnings(database, first, last, args.open, chinese)
        else:
            header, lines = _talks(database, first, last, args.open)
    finally:
        database.close()
    if not lines:
        print(tr(C, QT_TRANSLATE_NOOP("Cli", "Nothing on record matches.")))
        return 0
    print("\t".join(tr(C, column) for column in header))
    for line in lines:
        print("\t".join(line))
    return 0


def _warnings(database, first, last, open_only: bool, chinese: bool):
    from desktop.core.catalogue import OUTCOMES, WARNING_LEVELS, WARNING_STATUSES
    from desktop.core.formats import format_stamp
    from desktop.core.privacy import mask_name
    from desktop.domain.warnings import warnings_received

    header = (
        QT_TRANSLATE_NOOP("Cli", "id"),
        QT_TRANSLATE_NOOP("Cli", "reference number"),
        QT_TRANSLATE_NOOP("Cli", "received"),
        QT_TRANSLATE_NOOP("Cli", "level"),
        QT_TRANSLATE_NOOP("Cli", "status"),
        QT_TRANSLATE_NOOP("Cli", "resident"),
    )
    lines = []
    for warning in warnings_received(database, first, last, open_only=open_only):
        status = _name(WARNING_STATUSES, warning.status, chinese)
        if warning.outcome:
            status += f" · {_name(OUTCOMES, warning.outcome, chinese)}"
        lines.append((
            warning.id, warning.reference_number or "—", format_stamp(warning.received_at),
            _name(WARNING_LEVELS, warning.level, chinese), status,
            mask_name(warning.resident_name) or "—",
        ))  # fmt: skip
    return header, lines


def _talks(database, first, last, open_only: bool):
    from datetime import datetime, time, timedelta

    from desktop.core import clock
    from desktop.core.formats import format_stamp
    from desktop.domain.talks import TalkFilter, list_talks

    def start_of(day):
        return datetime.combine(day, time(), clock.station_zone())

    where = TalkFilter(
        starts_from=start_of(first) if first else None,
        starts_before=start_of(last + timedelta(days=1)) if last else None,
        statuses=OPEN_TALK_STATUSES if open_only else None,
    )
    header = (
        QT_TRANSLATE_NOOP("Cli", "id"),
        QT_TRANSLATE_NOOP("Cli", "starts"),
        QT_TRANSLATE_NOOP("Cli", "title"),
        QT_TRANSLATE_NOOP("Cli", "venue"),
    )
    lines = [
        (talk.id or "", format_stamp(talk.starts_at), talk.title, talk.venue or "—")
        for talk in list_talks(database, where)
    ]
    return header, lines
