"""stats: every figure of a period, as text or as JSON with stable keys."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    C,
    Words,
    add_area,
    add_laptops,
    add_period,
    area_arg,
    laptops_arg,
    say,
    stats_period,
    unknown_laptops,
)
from desktop.core.errors import QT_TRANSLATE_NOOP


def add_parsers(commands, common: argparse.ArgumentParser, words: Words) -> None:
    stats = commands.add_parser(
        "stats",
        parents=[common],
        add_help=False,
        help=words(
            QT_TRANSLATE_NOOP("Cli", "print every figure of a period (this year by default)")
        ),
    )
    stats.add_argument(
        "--json", action="store_true", help=words(QT_TRANSLATE_NOOP("Cli", "as JSON, keys stable"))
    )
    add_laptops(stats, words)
    add_period(stats, words)  # this year up to today when left out
    add_area(stats, words)
    words.localise(stats)


def _area_label(database, area_id: str | None) -> dict | None:
    if area_id is None:
        return None
    row = database.execute("SELECT id, code, name FROM areas WHERE id = ?", (area_id,)).fetchone()
    return {"id": row["id"], "code": row["code"] or "", "name": row["name"]}


FIGURES_CONTEXT = "Figures"
EVERYTHING = QT_TRANSLATE_NOOP("Cli", "Everything on record")


def run(args: argparse.Namespace, db_path: Path, tr: Any) -> int:
    import json

    from desktop.core.figures import FIGURES, FRAUD_FREE_FIGURES, RETURN_FIGURES, format_value
    from desktop.db.opening import open_database
    from desktop.domain import statistics

    period = stats_period(args)
    database = open_database(db_path, create=False)
    try:
        area_id = area_arg(database, args.area)
        area = _area_label(database, area_id)
        laptops = laptops_arg(args)
        if unknown_laptops(database, laptops, tr):
            return 1
        devices = statistics.chosen_devices(database, laptops)
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
    say(
        tr,
        QT_TRANSLATE_NOOP("Cli", "{area}, {first} to {last}"),
        area=area["name"] if area else tr(C, EVERYTHING),
        first=period.start.isoformat(),
        last=period.end.isoformat(),
    )
    for figure in (*FIGURES, *RETURN_FIGURES, *FRAUD_FREE_FIGURES):
        name = figure.name_zh if chinese else tr(FIGURES_CONTEXT, figure.name)
        print(f"{name}\t{format_value(figure, figures.get(figure.key), chinese=chinese)}")
    return 0
