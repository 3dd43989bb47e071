"""Laptops and a county for exchange tests: databases copied from one template that holds a
small shared starting point (an area tree, an officer, two residents with a warning each, a
talk), each copy with its own device id and the county's exchange key."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from desktop.db.database import Database, new_id
from desktop.db.opening import open_database
from desktop.exchange import packages

KEY = packages.format_exchange_key(bytes(range(32)))
NOW = datetime.fromisoformat("2026-11-20T09:00:00+08:00")


def build_template(path: Path) -> dict[str, str]:
    from desktop.core.entities import Talk
    from desktop.domain import areas, officers, talks, warnings

    database = open_database(path)
    packages.set_exchange_key(database, KEY)
    county = areas.add_area(database, name="平安县", level="county")
    town = areas.add_area(database, name="城关镇", level="township", parent_id=county)
    community = areas.add_area(database, name="东门社区", level="community", parent_id=town)
    officer = officers.add_officer(database, {"name": "李警官", "badge_number": "012345"})
    ids = {"area": community, "officer": officer}
    for number, (name, mobile) in enumerate([("王秀英", "13800138000"), ("赵建国", "13900139000")]):
        warning = warnings.intake(
            database,
            {"name": name, "mobile": mobile, "source": "platform", "level": "high",
             "received_at": NOW, "area_id": community},
            now=NOW,
        )  # fmt: skip
        ids[f"warning{number}"] = warning
        ids[f"resident{number}"] = database.scalar(
            "SELECT resident_id FROM warnings WHERE id = ?", (warning,)
        )
    ids["talk"] = talks.save_talk(
        database,
        Talk(
            title="老年人防诈骗讲座", starts_at=NOW.replace(day=21),
            ends_at=NOW.replace(day=21, hour=10), venue="东门社区活动室", area_id=community,
        ),
    )  # fmt: skip
    database.close()
    return ids


@pytest.fixture(scope="session")
def exchange_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("exchange") / "template.sqlite3"
    return path, build_template(path)


def copy_of(template: Path, target: Path) -> Database:
    """A laptop starting from the template's records, under its own device id."""
    shutil.copyfile(template, target)
    database = open_database(target)
    database.set_meta("device_id", new_id())
    database.device_id = database.get_meta("device_id")
    return database


@pytest.fixture(scope="session")
def copy_laptop(exchange_template):
    """``copy_laptop(folder)``: a new laptop (its own folder and device id) from the template."""
    template, _ids = exchange_template

    def make(folder: Path) -> Database:
        folder.mkdir(parents=True, exist_ok=True)
        return copy_of(template, folder / "outreach.sqlite3")

    return make


@pytest.fixture
def laptops(exchange_template, tmp_path):
    """Three laptops and a county, and the ids of the shared records."""
    template, ids = exchange_template
    made = {}
    for name in ("a", "b", "c", "county"):  # each in its own folder, as on its own computer
        (tmp_path / name).mkdir()
        made[name] = copy_of(template, tmp_path / name / "outreach.sqlite3")
    yield made, ids
    for database in made.values():
        database.close()
