"""import, export and package: lists in, figures and calendars out, packages between laptops."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    UNKNOWN_LAPTOP,
    C,
    Parser,
    Words,
    add_area,
    add_full_and_reason,
    add_output,
    add_period,
    area_arg,
    first_and_last,
    refuse_while_open,
    say,
    stats_period,
)
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.formats import format_stamp

_CATALOGUE = "Catalogue"  # the catalogue's own entries, marked where they are defined


def add_import_parser(commands, common: argparse.ArgumentParser, words: Words) -> None:
    importer = commands.add_parser(
        "import",
        parents=[common],
        add_help=False,
        help=words(
            QT_TRANSLATE_NOOP(
                "Cli", "import a list from a spreadsheet (.xlsx, .xls, .xlsb, .ods) or .csv"
            )
        ),
    )
    importer.add_argument(
        "kind",
        choices=[
            "areas",
            "officers",
            "talks",
            "warnings",
            "return_cases",
            "card_sellers",
            "visits",
            "households",
        ],  # fmt: skip
        help=words(
            QT_TRANSLATE_NOOP(
                "Cli",
                "what the list holds: areas, officers, talks, warnings, return_cases (persons"
                " abroad), card_sellers, visits (door-to-door visits) or households (of"
                " communities)",
            )
        ),
    )
    importer.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=words(QT_TRANSLATE_NOOP("Cli", "the spreadsheet or .csv file")),
    )
    mode = importer.add_mutually_exclusive_group()
    mode.add_argument(
        "--strict",
        action="store_true",
        help=words(
            QT_TRANSLATE_NOOP("Cli", "all or nothing: any bad row stops the import (default)")
        ),
    )
    mode.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help=words(QT_TRANSLATE_NOOP("Cli", "import the good rows and report the bad ones")),
    )
    words.localise(importer)


def add_export_parser(commands, common: argparse.ArgumentParser, words: Words) -> None:
    exporter = commands.add_parser(
        "export",
        parents=[common],
        add_help=False,
        help=words(
            QT_TRANSLATE_NOOP(
                "Cli", "export talks as a calendar (ics), or the figures and lists as Excel (xlsx)"
            )
        ),
    )
    exporter.add_argument("format", choices=["ics", "xlsx"])
    add_full_and_reason(exporter, words)
    add_period(exporter, words)  # this year up to today when left out (ics: needed)
    add_area(exporter, words)
    add_output(exporter, words)
    words.localise(exporter)


def add_package_parser(commands, common: argparse.ArgumentParser, words: Words) -> None:
    package = commands.add_parser(
        "package",
        parents=[common],
        add_help=False,
        help=words(QT_TRANSLATE_NOOP("Cli", "exchange packages between laptops and the county")),
    )
    actions = package.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    actions.required = True
    package_export = actions.add_parser(
        "export",
        help=words(QT_TRANSLATE_NOOP("Cli", "write the records changed since the last package")),
    )
    package_export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT",
        help=words(QT_TRANSLATE_NOOP("Cli", "the package file to write (.odpkg)")),
    )  # fmt: skip
    package_export.add_argument(
        "--to", dest="destination", default="county", metavar="NAME",
        help=words(QT_TRANSLATE_NOOP("Cli", "where it goes (default: county)")),
    )  # fmt: skip
    package_export.add_argument(
        "--all", dest="everything", action="store_true",
        help=words(QT_TRANSLATE_NOOP("Cli", "every record, not only the changed ones")),
    )  # fmt: skip
    package_merge = actions.add_parser(
        "merge", help=words(QT_TRANSLATE_NOOP("Cli", "merge a package from another laptop"))
    )
    package_merge.add_argument("file", type=Path, metavar="FILE")
    package_merge.add_argument(
        "--preview", action="store_true",
        help=words(QT_TRANSLATE_NOOP("Cli", "only show what would be added, changed and deleted")),
    )  # fmt: skip
    package_key = actions.add_parser(
        "key", help=words(QT_TRANSLATE_NOOP("Cli", "show, set or make the county's exchange key"))
    )
    key_choice = package_key.add_mutually_exclusive_group()
    key_choice.add_argument(
        "--set", dest="key", metavar="KEY",
        help=words(QT_TRANSLATE_NOOP("Cli", "keep the key the county gave")),
    )  # fmt: skip
    key_choice.add_argument(
        "--new", action="store_true",
        help=words(QT_TRANSLATE_NOOP("Cli", "make a new key (the county does this once)")),
    )  # fmt: skip
    actions.add_parser(
        "laptops",
        help=words(QT_TRANSLATE_NOOP("Cli", "list the laptops packages came from, and when")),
    )
    held = actions.add_parser(
        "held",
        help=words(QT_TRANSLATE_NOOP("Cli", "list the residents whose data a laptop held")),
    )
    held.add_argument("device", metavar="DEVICE")
    add_full_and_reason(held, words)


def run_import(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    from desktop.db.opening import open_database
    from desktop.exchange.importing import import_file

    database = open_database(db_path)
    try:
        report = import_file(database, args.kind, args.file, skip_bad_rows=args.skip_bad_rows)
    finally:
        database.close()
    for error in report.errors:
        line = tr(C, QT_TRANSLATE_NOOP("Cli", "row {row}, column {column}: {reason}"))
        print(
            line.format(row=error.row, column=error.column or "-", reason=error.render(tr)),
            file=sys.stderr,
        )
    if report.ignored_columns:
        say(
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
            tr(C, message).format(
                bad=report.bad_rows, rows=report.rows_read, good=report.good_rows
            ),
            file=sys.stderr,
        )
        return 1
    say(
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


def run_export(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    from desktop.db.opening import open_database

    if args.format == "ics":
        if not (args.first and args.last):
            print(
                tr(C, QT_TRANSLATE_NOOP("Cli", "export ics needs --from and --to.")),
                file=sys.stderr,
            )
            return 2
        first, last = first_and_last(args)
    else:
        period = stats_period(args)
    database = open_database(db_path, create=False)
    try:
        if args.format == "xlsx":
            from desktop.exchange.workbook import export_workbook

            counts = export_workbook(
                database, period, args.output,
                area_id=area_arg(database, args.area), full=args.full, reason=args.reason,
            )  # fmt: skip
            say(
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
    say(
        tr,
        QT_TRANSLATE_NOOP("Cli", "Exported {count} talks to {path}"),
        count=count,
        path=args.output,
    )
    return 0


def run_package(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    from desktop.core.catalogue import RECORD_KINDS
    from desktop.db.opening import open_database
    from desktop.domain import sync
    from desktop.exchange import packages

    if args.action == "key" and args.new:
        print(packages.new_exchange_key())
        say(
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
                say(tr, QT_TRANSLATE_NOOP("Cli", "The exchange key is set."))
            else:
                packages.exchange_key(database)  # says how to set one when there is none
                print(database.get_meta("exchange_key"))
            return 0
        if args.action == "export":
            if refuse_while_open(db_path, tr):
                return 1
            result = packages.export_package(
                database, args.output, destination=args.destination, everything=args.everything
            )
            say(
                tr,
                QT_TRANSLATE_NOOP("Cli", "Wrote {count} records to {path}"),
                count=result.records,
                path=result.path,
            )
            if result.files_missing:
                say(
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
                refuse_while_open(db_path, tr)
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
                            format_stamp(row["last_package_at"]),
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
    say(
        tr,
        QT_TRANSLATE_NOOP("Cli", "Package from {station} ({officer}), made {at}"),
        station=manifest["station"] or manifest["device_id"],
        officer=manifest["officer"] or "—",
        at=format_stamp(manifest["created_at"]),
    )
    if result.already_merged_at:
        say(
            tr,
            QT_TRANSLATE_NOOP("Cli", "Already merged on {at}; nothing to do."),
            at=format_stamp(result.already_merged_at),
        )
        return
    for finding in result.audit_messages():
        print(finding.render(tr), file=sys.stderr)
    if result.missing_before:
        say(
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
            say(
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
        say(
            tr,
            QT_TRANSLATE_NOOP(
                "Cli",
                "{count} fields were changed on both sides: the later change was kept, the other"
                " is listed for a person to decide (Exchange › Conflicts).",
            ),
            count=len(result.report.conflicts),
        )
    if result.committed:
        say(tr, QT_TRANSLATE_NOOP("Cli", "Merged."))
    else:
        say(tr, QT_TRANSLATE_NOOP("Cli", "Preview only: nothing was written."))


def _print_held(args, database, tr) -> int:
    from desktop.core.privacy import mask_id_number, mask_mobile, mask_name
    from desktop.db import audit
    from desktop.domain import sync

    if args.full and not args.reason.strip():
        print(
            tr(C, QT_TRANSLATE_NOOP("Cli", "--full needs --reason.")),
            file=sys.stderr,
        )
        return 2
    known = args.device == database.device_id or database.scalar(
        "SELECT 1 FROM devices WHERE device_id = ?", (args.device,)
    )
    if not known:
        print(tr(C, UNKNOWN_LAPTOP).format(device=args.device), file=sys.stderr)
        return 1
    rows = sync.residents_held_by(database, args.device)
    if args.full:
        with database.atomic():
            audit.record(
                database, "reveal", summary=f"residents held by {args.device}: {args.reason}"
            )
    lines = []
    for row in rows:
        name, mobile, id_number = row["name"], row["mobile"] or "", row["id_number"] or ""
        if not args.full:
            name, mobile, id_number = (
                mask_name(name),
                mask_mobile(mobile),
                mask_id_number(id_number),
            )
        lines.append(((name, mobile, id_number), row["id"]))
    # Masked, in the order of what is shown (then the id): an order by the full names would
    # tell of two 王某 which one's hidden name comes first.
    for shown, _id in sorted(lines) if not args.full else lines:
        print("\t".join(shown))
    return 0
