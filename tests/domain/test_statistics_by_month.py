"""The warning figures are the same whichever way a period is read — one pass over every
warning in ``warnings_groups``' order, or month by month from the indexes that lead with the
month — and the same as a plain count of the rows by the figures' definitions."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.catalogue import OUTCOMES, WARNING_LEVELS, WARNING_SOURCES
from desktop.db.opening import open_database
from desktop.db.records import insert_record
from desktop.domain import areas as area_store
from desktop.domain import statistics as stats

FIRST_DAY = date(2025, 11, 1)
DAYS = 480  # to the end of February 2027: sixteen months
WHOLE = stats.Period(FIRST_DAY, FIRST_DAY + timedelta(days=DAYS - 1))
PERIODS = [
    stats.Period.month(2026, 11),
    stats.Period.month(2025, 11),  # the first month on record
    stats.Period.quarter(2026, 4),
    stats.Period.year(2026),
    stats.Period(date(2026, 10, 20), date(2026, 11, 10)),  # days across two months
    stats.Period(date(2024, 1, 1), date(2024, 12, 31)),  # before anything was received
    WHOLE,
]
WARNING_KEYS = list(stats._fold_warnings([], [], []))

times = st.sampled_from(["00:00:00", "00:00:01", "09:30:00", "23:59:59"])
minutes = st.none() | st.integers(min_value=0, max_value=400)
warnings = st.fixed_dictionaries(
    {
        "day": st.integers(min_value=0, max_value=DAYS - 1),
        "time": times,
        "source": st.sampled_from(list(WARNING_SOURCES)),
        "level": st.sampled_from(list(WARNING_LEVELS)),
        "status": st.sampled_from(["new", "in_progress", "closed"]),
        "outcome": st.sampled_from(list(OUTCOMES)),
        "before": st.integers(min_value=0, max_value=1),
        "contact": minutes,
        "visit_after": minutes,
        "attempts": st.integers(min_value=0, max_value=6),
        "protected": st.none() | st.integers(min_value=0, max_value=9_000_000),
        "lost": st.none() | st.integers(min_value=0, max_value=9_000_000),
        "stopped": st.none() | st.integers(min_value=0, max_value=9_000_000),
        "deleted": st.booleans(),
        "area": st.integers(min_value=0, max_value=2),
        "device": st.sampled_from(["laptop-a", "laptop-b"]),
    }
)


def _load(database, rows: list[dict]) -> dict:
    """The areas (a county with a community, another county; some warnings have none), a
    resident, and the warnings as rows of the table (what the figures read, not how they are entered)."""
    county = area_store.add_area(database, name="凤山县", level="county", code="451223")
    town = area_store.add_area(database, name="凤城镇", level="township", parent_id=county)
    community = area_store.add_area(database, name="坡心村", level="community", parent_id=town)
    other = area_store.add_area(database, name="宜州区", level="county", code="451203")
    resident = insert_record(database, "residents", {"name": "罗某某", "mobile": "13800000001"})
    places = [community, other, None]
    with database.atomic():
        _insert(database, rows, places, resident)
    return {"county": county, "areas": [county, town, community], "other": other}


def _insert(database, rows: list[dict], places: list, resident: str) -> None:
    for number, row in enumerate(rows):
        row["received_at"] = f"{FIRST_DAY + timedelta(days=row['day'])}T{row['time']}+08:00"
        row["area_id"] = places[row["area"]]
        row["visit"] = (
            None if row["contact"] is None or row["visit_after"] is None
            else row["contact"] + row["visit_after"]
        )  # fmt: skip
        closed = row["status"] == "closed"
        database.execute(
            "INSERT INTO warnings (id, created_at, updated_at, deleted_at, device_id, source,"
            " level, received_at, resident_id, status, outcome, amount_protected, amount_lost,"
            " stop_payment_amount, contact_count, first_contact_minutes, first_visit_minutes,"
            " lost_before_warning, area_id, change_seq, origin_device)"
            " VALUES (?, '', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
            (f"w{number}", "2027-03-01" if row["deleted"] else None, row["device"],
             row["source"], row["level"], row["received_at"], resident, row["status"],
             row["outcome"] if closed else None, row["protected"], row["lost"], row["stopped"],
             row["attempts"], row["contact"], row["visit"], row["before"], row["area_id"],
             row["device"]),
        )  # fmt: skip


def _percentile(values: list[int], share: float) -> int | None:
    """The smallest value with at least ``share`` of the values at or below it."""
    ordered = sorted(values)
    return ordered[math.ceil(share * len(ordered)) - 1] if ordered else None


def _by_hand(rows: list[dict], period: stats.Period, areas, devices) -> dict:
    """Each figure by its definition, over the rows one by one."""
    start, end = period.bounds
    kept = [
        row for row in rows
        if not row["deleted"] and start <= row["received_at"] < end
        and (areas is None or row["area_id"] in areas)
        and (devices is None or row["device"] in devices)
    ]  # fmt: skip
    closed = [row for row in kept if row["status"] == "closed"]
    dissuaded = [row for row in closed if row["outcome"] == "dissuaded"]
    real = [row for row in closed if row["outcome"] != "false_alarm"]
    contacted = [row for row in kept if row["contact"] is not None]
    visited = [row for row in contacted if row["visit"] is not None]
    bank = [row for row in dissuaded if row["source"] == "bank"]

    def wan(column: str, chosen: list[dict]) -> float:
        return round(sum(row[column] or 0 for row in chosen) / 1_000_000, 2)

    return {
        "warnings_received": len(kept),
        "warnings_by_source": {key: sum(r["source"] == key for r in kept)
                               for key in WARNING_SOURCES},
        "warnings_by_level": {key: sum(r["level"] == key for r in kept)
                              for key in WARNING_LEVELS},
        "warnings_by_outcome": {key: sum(r["outcome"] == key for r in closed)
                                for key in OUTCOMES},
        "warnings_open": len(kept) - len(closed),
        "contact_attempts": sum(row["attempts"] for row in kept),
        "dissuaded": len(dissuaded),
        "face_to_face_dissuasions": sum(row["visit"] is not None for row in dissuaded),
        "dissuasion_rate": round(100 * len(dissuaded) / len(real), 1) if real else None,
        "first_contact_median": _percentile([row["contact"] for row in contacted], 0.5),
        "first_contact_p90": _percentile([row["contact"] for row in contacted], 0.9),
        "first_visit_median": _percentile([row["visit"] for row in visited], 0.5),
        "first_visit_p90": _percentile([row["visit"] for row in visited], 0.9),
        "money_protected": wan("protected", kept),
        "money_lost": wan("lost", kept),
        "money_stopped": wan("stopped", kept),
        "bank_intercepts": len(bank),
        "bank_saved": wan("protected", bank),
        "defrauded_after_warning": sum(
            row["outcome"] == "defrauded" and row["before"] == 0 for row in closed
        ),
    }  # fmt: skip


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(rows=st.lists(warnings, max_size=120))
def test_every_way_of_reading_a_period_gives_the_plain_count(rows, monkeypatch_months):
    database = open_database(":memory:")
    ids = _load(database, rows)
    scopes = [
        (None, None, None),
        (ids["county"], ids["areas"], None),
        (None, None, ["laptop-b"]),
    ]
    for period in PERIODS:
        for area_id, areas, devices in scopes:
            expected = _by_hand(rows, period, areas, devices)
            for way in ("chosen", "one pass", "by month"):
                with monkeypatch_months(way, period):
                    figures = stats.compute_figures(
                        database, period, area_id, only=WARNING_KEYS, devices=devices
                    )
                assert {key: figures[key] for key in expected} == expected, (way, period)
        # The ranking's one pass by area, read the same three ways: each county's count.
        received = {
            county: _by_hand(rows, period, areas, None)["warnings_received"]
            for county, areas in ((ids["county"], ids["areas"]), (ids["other"], [ids["other"]]))
        }
        for way in ("chosen", "one pass", "by month"):
            with monkeypatch_months(way, period):
                ranked = stats.ranking(database, period, "warnings_received")
            assert {area.area_id: area.value for area in ranked} == received, (way, period)
    database.close()


@pytest.fixture
def monkeypatch_months():
    """Forces the way a period is read: every warning in one pass, or month by month."""
    from contextlib import contextmanager

    chosen = stats._months_to_read

    @contextmanager
    def forced(way: str, period: stats.Period):
        if way == "one pass":
            stats._months_to_read = lambda _database, _period: None
        elif way == "by month":
            stats._months_to_read = lambda _database, _period: [
                f"{year:04d}-{month:02d}" for year, month in period.months()
            ]
        try:
            yield
        finally:
            stats._months_to_read = chosen

    return forced


def test_a_month_reads_its_own_entries_and_sorts_nothing(db):
    """A month's statements search the indexes that lead with the month by that month, and
    the year's (all the records) scans warnings_groups in its order: no temporary sort."""
    community = area_store.add_area(db, name="凤山县", level="county")
    resident = insert_record(db, "residents", {"name": "罗某某", "area_id": community})
    for month in range(1, 13):
        insert_record(db, "warnings", {
            "source": "bank", "level": "high", "resident_id": resident, "area_id": community,
            "received_at": f"2026-{month:02d}-15T09:00:00+08:00",
        })  # fmt: skip
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    for period, area_id in ((stats.Period.month(2026, 11), None),
                            (stats.Period.month(2026, 11), community),
                            (stats.Period.year(2026), None)):  # fmt: skip
        statements.clear()
        stats.compute_figures(db, period, area_id, only=WARNING_KEYS)
        plans = [
            " | ".join(row[3] for row in db.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
            for sql in statements
            if "FROM warnings w INDEXED BY" in sql
        ]
        assert plans
        for plan in plans:
            assert "TEMP B-TREE" not in plan
            if period.kind == "month":
                assert "warnings_months (<expr>=?" in plan or "warnings_minutes (<expr>=?" in plan
            else:
                assert "SCAN w USING COVERING INDEX warnings_groups" in plan
    db.conn.set_trace_callback(None)
