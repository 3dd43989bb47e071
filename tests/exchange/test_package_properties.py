"""Edit histories on three laptops, with packages passed between them at random moments:
their packages merged into a county in any order give one and the same county database, and
merging them all again changes nothing."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.catalogue import RECORD_TABLES
from desktop.db import records
from desktop.db.versions import Versions
from desktop.domain import warnings
from desktop.exchange import packages

LAPTOPS = ("a", "b", "c")
NOW = datetime.fromisoformat("2026-11-20T09:00:00+08:00")
EDITS = {  # (table, key in the shared ids): fields and the values they may take
    ("warnings", "warning0"): {"notes": ["", "电话占线", "已见面劝阻"], "level": ["high", "low"]},
    ("warnings", "warning1"): {"fraud_type": ["", "investment", "customer_service"]},
    ("residents", "resident0"): {
        "address": ["", "东门路1号", "西街2号"],
        "name": ["王秀英", "王秀华"],
    },
    ("talks", "talk"): {"title": ["老年人防诈骗讲座", "校园反诈课"], "status": ["planned", "done"]},
}
RECORDS = sorted(EDITS)

laptop = st.sampled_from(LAPTOPS)
edit = st.builds(
    lambda where, pick, value_pick, on: ("edit", on, where, pick, value_pick),
    st.sampled_from(RECORDS), st.integers(0, 5), st.integers(0, 5), laptop,
)  # fmt: skip
retire = st.builds(lambda where, on: ("retire", on, where), st.sampled_from(RECORDS), laptop)
restore = st.builds(lambda where, on: ("restore", on, where), st.sampled_from(RECORDS), laptop)
attempt = st.builds(
    lambda which, minute, on: ("contact", on, which, minute),
    st.sampled_from(["warning0", "warning1"]), st.integers(1, 50), laptop,
)  # fmt: skip
hand_over = st.builds(lambda source, target: ("send", source, target), laptop, laptop)
histories = st.lists(st.one_of(edit, retire, restore, attempt, hand_over), max_size=10)


def state(database) -> dict[str, list[tuple]]:
    result = {}
    for table in RECORD_TABLES:
        columns = [row[1] for row in database.execute(f"PRAGMA table_info({table})")]
        columns.remove("change_seq")
        rows = database.query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")
        result[table] = [
            tuple(dict(row, versions=Versions.of(dict(row)).dump()).values()) for row in rows
        ]
    return result


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories, order=st.permutations(LAPTOPS))
def test_any_history_merges_to_one_county_in_any_order(
    exchange_template, copy_laptop, history, order
):
    _template, ids = exchange_template
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        made = {name: copy_laptop(root / name) for name in LAPTOPS}
        try:
            sent = 0
            for step in history:
                kind, on = step[0], made[step[1]]
                if kind == "edit":
                    (table, key), pick, value_pick = step[2], step[3], step[4]
                    fields = EDITS[(table, key)]
                    name = sorted(fields)[pick % len(fields)]
                    value = fields[name][value_pick % len(fields[name])]
                    records.update_record(on, table, ids[key], {name: value})
                elif kind in ("retire", "restore"):
                    table, key = step[2]
                    change = records.retire_record if kind == "retire" else records.restore_record
                    change(on, table, ids[key])
                elif kind == "contact":
                    moment = NOW + timedelta(minutes=step[3])
                    if on.scalar("SELECT deleted_at FROM warnings WHERE id = ?", (ids[step[2]],)):
                        continue  # a retired case takes no attempts
                    warnings.record_contact(
                        on, ids[step[2]], method="phone", result="busy", at=moment,
                        now=moment + timedelta(minutes=1),
                    )  # fmt: skip
                elif step[1] != step[2]:  # a package from one laptop to another
                    sent += 1
                    path = root / f"hand-over-{sent}.odpkg"
                    packages.export_package(on, path, destination=step[2])
                    packages.merge_package(made[step[2]], path)
            finals = {}
            for name, database in made.items():
                finals[name] = root / f"final-{name}.odpkg"
                packages.export_package(database, finals[name], everything=True)

            def county(sequence, label):
                database = copy_laptop(root / label)
                for name in sequence:
                    packages.merge_package(database, finals[name])
                return database

            first = county(order, "county-1")
            second = county(list(reversed(order)), "county-2")
            assert state(first) == state(second)
            # Every package again, by its content (the already-merged short cut is bypassed).
            before = state(first)
            with first.atomic():
                first.execute("DELETE FROM packages_merged")
            for name in order:
                result = packages.merge_package(first, finals[name])
                assert not result.report.conflicts
            assert state(first) == before
            first.close()
            second.close()
        finally:
            for database in made.values():
                database.close()
