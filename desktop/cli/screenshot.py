"""screenshot: a view of the program as a PNG picture, rendered offscreen."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import C, Words, say
from desktop.core.errors import QT_TRANSLATE_NOOP


def add_parsers(commands, common: argparse.ArgumentParser, words: Words) -> None:
    shot = commands.add_parser(
        "screenshot",
        parents=[common],
        add_help=False,
        help=words(QT_TRANSLATE_NOOP("Cli", "save a view of the program as a PNG picture")),
    )
    from desktop.ui.screenshot import VIEWS  # the names only: Qt is imported when one is shown

    shot.add_argument(
        "view",
        choices=VIEWS,
        metavar="VIEW",
        help=words(QT_TRANSLATE_NOOP("Cli", "the view to show: {views}")).format(
            views=", ".join(VIEWS)
        ),
    )
    shot.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT.png",
        help=words(QT_TRANSLATE_NOOP("Cli", "where to save the picture")),
    )
    shot.add_argument(
        "--size",
        default="1366x768",
        metavar="WxH",
        help=words(QT_TRANSLATE_NOOP("Cli", "window size in pixels")),
    )
    shot.add_argument(
        "--package",
        type=Path,
        metavar="FILE.odpkg",
        help=words(QT_TRANSLATE_NOOP("Cli", "the package the merge view previews")),
    )
    words.localise(shot)


def run(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    from desktop.ui.screenshot import take_screenshot

    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
        if not (200 <= width <= 8000 and 200 <= height <= 8000):
            raise ValueError(args.size)
    except ValueError:
        message = tr(
            C,
            QT_TRANSLATE_NOOP(
                "Cli", "--size takes WIDTHxHEIGHT in pixels, 200 to 8000 each, e.g. 1366x768."
            ),
        )
        print(f"outreach-desk: {message}", file=sys.stderr)
        return 2
    if args.view == "merge" and args.package is None:
        message = tr(C, QT_TRANSLATE_NOOP("Cli", "The merge view needs --package FILE.odpkg."))
        print(f"outreach-desk: {message}", file=sys.stderr)
        return 2
    take_screenshot(
        db_path, args.view, args.output, language=args.lang, size=(width, height),
        package=args.package,
    )  # fmt: skip
    say(tr, QT_TRANSLATE_NOOP("Cli", "Saved {path}"), path=args.output)
    return 0
