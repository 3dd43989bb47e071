"""check, backup and restore: the database file's health and its copies."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import C, Words, refuse_while_open, say
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError


def add_parsers(commands, common: argparse.ArgumentParser, words: Words) -> None:
    check = commands.add_parser(
        "check",
        parents=[common],
        add_help=False,
        help=words(QT_TRANSLATE_NOOP("Cli", "check the database file for damage")),
    )
    check.add_argument(
        "--self-test",
        action="store_true",
        help=words(QT_TRANSLATE_NOOP(
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
        help=words(QT_TRANSLATE_NOOP("Cli", "back the database up now (checked, then kept)")),
    )
    backup.add_argument(
        "--to",
        dest="folder",
        type=Path,
        metavar="FOLDER",
        help=words(QT_TRANSLATE_NOOP("Cli", "the backup folder (default: as in Settings)")),
    )
    restore = commands.add_parser(
        "restore",
        parents=[common],
        add_help=False,
        help=words(QT_TRANSLATE_NOOP("Cli", "replace the database with a backup")),
    )
    restore.add_argument(
        "backup",
        nargs="?",
        type=Path,
        metavar="BACKUP",
        help=words(QT_TRANSLATE_NOOP("Cli", "the backup file (default: the newest good one)")),
    )
    restore.add_argument(
        "--from-folder",
        dest="folder",
        type=Path,
        metavar="FOLDER",
        help=words(QT_TRANSLATE_NOOP("Cli", "where to look for backups (default: as in Settings)")),
    )
    for sub in (check, backup, restore):
        words.localise(sub)


def run_check(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    if args.probe_screen:
        from desktop.selftest import probe_screen

        return probe_screen()
    if args.self_test:
        return _cmd_self_test(args.lang, tr)
    from desktop.db.database import AUDIT_CHAIN_PREFIX

    problems = _checked(db_path)
    if not problems:
        say(tr, QT_TRANSLATE_NOOP("Cli", "The database {path} is sound."), path=db_path)
        return 0
    # The audit log against the records of its end: each names the record it contradicts.
    for finding in (p for p in problems if isinstance(p, OutreachError)):
        print(finding.render(tr), file=sys.stderr)
    problems = [p for p in problems if not isinstance(p, OutreachError)]
    if not problems:
        print(
            tr(C, QT_TRANSLATE_NOOP(
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
            tr(C, QT_TRANSLATE_NOOP(
                "Cli", "The database {path} is sound, but its audit log was changed outside the "
                "program at entry {seq}."
            )).format(path=db_path, seq=chain[0].rsplit(" ", 1)[-1]),
            file=sys.stderr,
        )  # fmt: skip
        return 1
    for problem in problems:
        print(problem, file=sys.stderr)  # SQLite's own words, for whoever repairs the file
    print(
        tr(C, QT_TRANSLATE_NOOP("Cli", "The database {path} is damaged.")).format(path=db_path),
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
            tr(C, QT_TRANSLATE_NOOP("Cli", "Self-test failed: {failed} of {total} checks "
                                     "({seconds:.1f} s).")).format(
                failed=failed, total=len(steps), seconds=seconds
            ),
            file=sys.stderr,
        )  # fmt: skip
        return 1
    say(tr, QT_TRANSLATE_NOOP("Cli", "Self-test passed: {total} checks ({seconds:.1f} s)."),
         total=sum(not step.skipped for step in steps), seconds=seconds)  # fmt: skip
    return 0


def _backup_folder(args, db_path: Path) -> Path:
    if args.folder:
        return args.folder
    from desktop.settings import Settings

    return Settings().backup_folder(db_path)


def run_backup(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    from desktop.db import backups
    from desktop.db.opening import open_database
    from desktop.settings import Settings

    if [p for p in _checked(db_path) if not isinstance(p, OutreachError)]:
        # A damaged file is never backed up: it could push the last good copy out. (A log that
        # disagrees with the records of its end is backed up: the copy keeps the evidence.)
        print(
            tr(C, QT_TRANSLATE_NOOP("Cli", "The database {path} is damaged.")).format(path=db_path),
            file=sys.stderr,
        )
        return 1
    database = open_database(db_path, create=False)
    try:
        path = backups.backup_now(database, _backup_folder(args, db_path), Settings().retention)
    finally:
        database.close()
    say(tr, QT_TRANSLATE_NOOP("Cli", "Backed up to {path}"), path=path)
    return 0


def run_restore(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    from desktop.db import backups

    if refuse_while_open(db_path, tr):
        return 1

    from desktop.db import keys

    backup = args.backup or backups.newest_good_backup(
        _backup_folder(args, db_path), keys.key_for(db_path)
    )
    if backup is None:
        print(
            tr(C, QT_TRANSLATE_NOOP("Cli", "No good backup was found in {path}.")).format(
                path=_backup_folder(args, db_path)
            ),
            file=sys.stderr,
        )
        return 1
    kept = backups.restore_backup(Path(backup), db_path)
    say(tr, QT_TRANSLATE_NOOP("Cli", "Restored {backup} to {path}"), backup=backup, path=db_path)
    if kept is not None:
        say(tr, QT_TRANSLATE_NOOP("Cli", "The replaced file is kept as {path}"), path=kept)
    return 0
