"""demo: fill a database with demo data (and --demo: the demo database, made on first use)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import Words, refuse_while_open, say
from desktop.core.errors import QT_TRANSLATE_NOOP


def add_parsers(commands, common: argparse.ArgumentParser, words: Words) -> None:
    demo = commands.add_parser(
        "demo",
        parents=[common],
        add_help=False,
        help=words(QT_TRANSLATE_NOOP("Cli", "fill an empty database with demo data")),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        help=words(QT_TRANSLATE_NOOP("Cli", "the same seed always makes the same data")),
    )
    demo.add_argument(
        "--size",
        choices=["small", "large"],
        default="small",
        help=words(
            QT_TRANSLATE_NOOP("Cli", "small: one city for a year; large: 1,000,000 warnings")
        ),
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help=words(QT_TRANSLATE_NOOP("Cli", "replace the records of a database that is not empty")),
    )
    words.localise(demo)


def ensure_demo(db_path: Path) -> None:
    from desktop.db.opening import open_database
    from desktop.demo import generate_demo

    database = open_database(db_path)
    try:
        if database.is_empty():
            generate_demo(database)
    finally:
        database.close()


def run(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    from desktop.db.opening import open_database
    from desktop.demo import generate_demo

    if args.force and refuse_while_open(db_path, tr):
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
    say(
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
