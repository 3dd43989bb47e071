"""The demo city: deterministic, valid, plausible, and written all or nothing."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from desktop.core.catalogue import RECORD_TABLES
from desktop.core.errors import OutreachError
from desktop.core.validate import id_number_check_digit
from desktop.db.database import META_STATION_NAME
from desktop.db.migrations import ORIGIN_TABLES
from desktop.db.opening import open_database
from desktop.demo import _WRITERS, DemoSummary, generate_demo, load_geography
from desktop.domain import (
    areas,
    campaigns,
    card_sellers,
    community_visits,
    follow_ups,
    fraud_free,
    officers,
    partners,
    residents,
    return_cases,
    talks,
    warnings,
)
from desktop.reports.briefing_store import briefing_settings, issuing

TODAY = dt.date(2026, 5, 11)
COUNTIES = {
    "451202": "金城江区",
    "451203": "宜州区",
    "451221": "南丹县",
    "451222": "天峨县",
    "451223": "凤山县",
    "451224": "东兰县",
    "451225": "罗城仫佬族自治县",
    "451226": "环江毛南族自治县",
    "451227": "巴马瑶族自治县",
    "451228": "都安瑶族自治县",
    "451229": "大化瑶族自治县",
}


# Each table the demo fills, and the columns its gateway's bulk writer takes.
GATEWAY_COLUMNS = {
    "areas": areas.COLUMNS,
    "officers": officers.COLUMNS,
    "partners": partners.COLUMNS,
    "residents": residents.COLUMNS,
    "talks": talks.COLUMNS,
    "talk_officers": talks.OFFICER_COLUMNS,
    "warnings": warnings.COLUMNS,
    "contacts": warnings.CONTACT_COLUMNS,
    "follow_ups": follow_ups.COLUMNS,
    "campaigns": campaigns.COLUMNS,
    "return_cases": return_cases.COLUMNS,
    "return_contacts": return_cases.CONTACT_COLUMNS,
    "card_sellers": card_sellers.COLUMNS,
    "card_interviews": card_sellers.INTERVIEW_COLUMNS,
    "community_visits": community_visits.COLUMNS,
    "fraud_free_steps": fraud_free.STEP_COLUMNS,
    "fraud_free_evidence": fraud_free.EVIDENCE_COLUMNS,
}
# What the records layer keeps, never part of a record's own fields: retirement, the sync
# versions and sequence, and the laptop a record was first entered on (``insert_rows``).
ENGINE_COLUMNS = {"deleted_at", "versions", "change_seq", "origin_device"}
# Columns a bulk writer leaves at their default on purpose: a warning just written has not been
# handed to another station, nor closed over the closing questions (only an officer answering
# them, in ``close_warning``, writes that).
LEFT_AT_DEFAULT = {"warnings": {"station", "closed_despite"}}


def _count(db, table: str) -> int:
    return db.scalar(f"SELECT count(*) FROM {table}")


def _rows(db, table: str) -> list[tuple]:
    """Every row of ``table`` in id order, without device ids (each database has its own)."""
    columns = [
        r["name"]
        for r in db.query(f"PRAGMA table_info({table})")
        if r["name"] not in ("device_id", "origin_device")
    ]
    return [tuple(r) for r in db.query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")]


def _indexes(db) -> list[tuple]:
    return [tuple(r) for r in db.query("SELECT name, tbl_name, sql FROM sqlite_master "
                                       "WHERE type = 'index' ORDER BY name")]  # fmt: skip


def _none(db, sql: str, params: tuple = ()) -> bool:
    """True when the ``SELECT count(*) ...`` query finds nothing."""
    return db.scalar(sql, params) == 0


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """One small demo database shared by the read-only checks."""
    db = open_database(tmp_path_factory.mktemp("demo") / "d.sqlite3")
    summary = generate_demo(db, seed=1, today=TODAY)
    yield db, summary
    db.close()


def test_summary_matches_the_tables(demo_db):
    db, summary = demo_db
    assert isinstance(summary, DemoSummary)
    for table in ("areas", "officers", "partners", "residents", "talks", "talk_officers",
                  "warnings", "contacts", "follow_ups", "campaigns", "return_cases",
                  "return_contacts"):  # fmt: skip
        assert getattr(summary, table) == _count(db, table), table
    assert 1500 <= summary.warnings <= 3000
    assert 300 <= summary.talks <= 600
    assert summary.contacts >= 3 * summary.warnings
    assert summary.elapsed_seconds < 3


def test_small_size_is_fast(tmp_path):
    db = open_database(tmp_path / "d.sqlite3")
    summary = generate_demo(db, seed=5, today=TODAY)
    assert summary.elapsed_seconds < 3
    db.close()


def test_same_seed_same_rows_other_seed_other_rows(tmp_path, demo_db):
    first, _ = demo_db
    second = open_database(tmp_path / "d.sqlite3")
    generate_demo(second, seed=1, today=TODAY)
    third = open_database(tmp_path / "e.sqlite3")
    generate_demo(third, seed=2, today=TODAY)
    for table in RECORD_TABLES:
        assert _rows(first, table) == _rows(second, table), table
    assert _rows(first, "areas") != _rows(third, "areas")  # new ids
    assert _rows(first, "warnings") != _rows(third, "warnings")
    names = "SELECT name FROM residents ORDER BY name"
    assert first.query(names) != third.query(names)
    second.close()
    third.close()


def test_device_id_is_the_databases(demo_db):
    db, _ = demo_db
    for table in RECORD_TABLES:
        ids = {r[0] for r in db.query(f"SELECT DISTINCT device_id FROM {table}")}
        assert ids <= {db.device_id}, table
        if table in ORIGIN_TABLES:  # and every record was entered here
            origins = {r[0] for r in db.query(f"SELECT DISTINCT origin_device FROM {table}")}
            assert origins <= {db.device_id}, table


def test_id_numbers_are_valid_and_unique(demo_db):
    db, _ = demo_db
    numbers = [r[0] for r in db.query("SELECT id_number FROM residents")]
    assert len(numbers) == len(set(numbers))
    for number in numbers:
        assert re.fullmatch(r"4512[0-9]{13}[0-9X]", number), number
        assert id_number_check_digit(number[:17]) == number[17], number
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        age = TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))
        assert 18 <= age <= 85, number


def test_phones_are_mobiles(demo_db):
    db, _ = demo_db
    mobile = re.compile(r"1[3-9][0-9]{9}")
    mobiles = [r[0] for r in db.query("SELECT mobile FROM residents UNION ALL "
                                      "SELECT phone FROM officers")]  # fmt: skip
    assert mobiles and all(mobile.fullmatch(m) for m in mobiles)
    assert len(mobiles) == len(set(mobiles))


def test_tags_follow_age_and_repeat_warnings(demo_db):
    db, _ = demo_db
    rows = db.query(
        "SELECT r.id_number, r.tags, count(w.id) AS n FROM residents r "
        "JOIN warnings w ON w.resident_id = r.id GROUP BY r.id"
    )
    sixty = TODAY.replace(year=TODAY.year - 60).strftime("%Y%m%d")
    for row in rows:
        tags = json.loads(row["tags"])
        assert ("elderly" in tags) == (row["id_number"][6:14] <= sixty)
        assert ("high_risk" in tags) == (row["n"] >= 2)
    repeat = sum(1 for row in rows if row["n"] >= 2) / len(rows)
    assert 0.08 <= repeat <= 0.25
    # Every resident was warned, is abroad, or was listed as a card seller (never two of them).
    abroad = db.scalar(
        "SELECT count(*) FROM residents r WHERE NOT EXISTS"
        " (SELECT 1 FROM warnings w WHERE w.resident_id = r.id)"
        " AND EXISTS (SELECT 1 FROM return_cases c WHERE c.resident_id = r.id)"
    )
    card_sellers = db.scalar("SELECT count(DISTINCT resident_id) FROM card_sellers")
    assert _count(db, "residents") == len(rows) + abroad + card_sellers


def test_refuses_a_database_with_records_unless_forced(tmp_path):
    db = open_database(tmp_path / "d.sqlite3")
    db.execute(
        "INSERT INTO areas (id, created_at, updated_at, device_id, level, name) "
        "VALUES ('x', '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00', 'd', "
        "'county', '手工录入县')"
    )
    db.conn.commit()
    with pytest.raises(OutreachError, match="already holds records") as refused:
        generate_demo(db, seed=3, today=TODAY)
    assert refused.value.context == "Demo"  # where lupdate files the message
    assert _count(db, "areas") == 1

    summary = generate_demo(db, seed=3, today=TODAY, force=True)
    assert db.scalar("SELECT count(*) FROM areas WHERE id = 'x'") == 0
    fresh = open_database(tmp_path / "fresh.sqlite3")
    expected = generate_demo(fresh, seed=3, today=TODAY)
    for table in ("areas", "officers", "partners", "residents", "talks", "warnings",
                  "contacts", "follow_ups", "campaigns"):  # fmt: skip
        assert _count(db, table) == _count(fresh, table) == getattr(expected, table), table
    assert summary.warnings == expected.warnings

    # A second forced run replaces the demo data again instead of adding to it, and the
    # briefing's issues written from the old data go with it.
    db.execute(
        "INSERT INTO briefing_issues (unit, year, number, period_start, period_end, issued_on,"
        " content, saved_at) VALUES ('派出所', 2026, 1, '2026-10-01', '2026-10-31', '2026-11-02',"
        " '{}', '2026-11-02T09:00:00+08:00')"
    )
    db.conn.commit()
    generate_demo(db, seed=3, today=TODAY, force=True)
    assert _count(db, "warnings") == expected.warnings
    assert _count(db, "briefing_issues") == 0
    audit = db.query("SELECT action, summary FROM audit ORDER BY seq")
    assert [tuple(r) for r in audit] == [("import", "demo data seed=3 size=small")] * 2
    db.close()
    fresh.close()


def test_a_failing_progress_callback_leaves_nothing(tmp_path):
    db = open_database(tmp_path / "d.sqlite3")
    indexes = _indexes(db)
    calls = []

    def progress(done, total):
        calls.append((done, total))
        if done == 3:
            raise KeyboardInterrupt("cancelled")

    with pytest.raises(KeyboardInterrupt):
        generate_demo(db, seed=1, today=TODAY, progress=progress)
    assert not db.conn.in_transaction
    for table in RECORD_TABLES:
        assert _count(db, table) == 0, table
    assert _count(db, "audit") == 0
    assert db.is_empty()
    assert _indexes(db) == indexes  # dropped for speed inside the transaction, so back again
    db.close()


def test_progress_counts_up_to_a_fixed_total(tmp_path):
    db = open_database(tmp_path / "d.sqlite3")
    calls = []
    generate_demo(db, seed=1, today=TODAY, progress=lambda d, t: calls.append((d, t)))
    totals = {t for _, t in calls}
    assert len(totals) == 1
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[0] == 0 and done[-1] == totals.pop()
    db.close()


def test_unknown_size_is_refused(tmp_path):
    db = open_database(tmp_path / "d.sqlite3")
    with pytest.raises(ValueError):
        generate_demo(db, size="huge")
    db.close()


def test_foreign_keys_and_schema_hold(demo_db, tmp_path):
    db, _ = demo_db
    assert _indexes(db) == _indexes(open_database(tmp_path / "empty.sqlite3"))
    assert db.query("PRAGMA foreign_key_check") == []
    assert db.scalar("PRAGMA integrity_check") == "ok"


def test_the_eleven_counties_each_with_communities(demo_db):
    db, _ = demo_db
    counties = {r["code"]: r["name"] for r in db.query("SELECT * FROM areas WHERE level='county'")}
    assert counties == COUNTIES
    for row in db.query("SELECT id, name FROM areas WHERE level = 'county'"):
        towns = db.query("SELECT id FROM areas WHERE parent_id = ?", (row["id"],))
        assert 3 <= len(towns) <= 6, row["name"]
        for town in towns:
            n = db.scalar("SELECT count(*) FROM areas WHERE parent_id = ?", (town["id"],))
            assert 3 <= n <= 8
    assert _none(db, "SELECT count(*) FROM areas WHERE parent_id IS NULL AND level != 'county'")
    # Residents live in communities, and their address names the community.
    assert _none(
        db,
        "SELECT count(*) FROM residents r JOIN areas a ON a.id = r.area_id "
        "WHERE a.level != 'community' OR instr(r.address, '河池市') != 1 "
        "OR instr(r.address, a.name) = 0",
    )


def test_warning_outcomes_are_plausible(demo_db):
    db, _ = demo_db
    total = _count(db, "warnings")
    by = {r[0]: r[1] for r in db.query("SELECT outcome, count(*) FROM warnings GROUP BY outcome")}
    assert 0.6 <= by["dissuaded"] / total <= 0.9
    assert 0 < by["defrauded"] / total <= 0.06
    for outcome in ("unreachable", "false_alarm", "refused", "denied_recheck"):
        assert by.get(outcome, 0) > 0, outcome
    # Closed ones have closed_at; open ones are recent and have none.
    assert _none(
        db,
        "SELECT count(*) FROM warnings WHERE (status = 'closed') != (closed_at IS NOT NULL) "
        "OR (status = 'closed') != (outcome IS NOT NULL)",
    )
    open_ = db.query("SELECT status, received_at FROM warnings WHERE status != 'closed'")
    assert {r["status"] for r in open_} == {"new", "in_progress"}
    assert all(r["received_at"] >= "2026-05-09" for r in open_)
    assert _none(db, "SELECT count(*) FROM warnings WHERE received_at > '2026-05-11T09:30'")
    assert db.scalar("SELECT min(received_at) FROM warnings") >= "2025-05-11"
    # Money: lost only when defrauded, protected for dissuaded, stop-payment within the loss.
    lost = "SELECT count(*) FROM warnings WHERE (amount_lost > 0) != (outcome = 'defrauded')"
    assert _none(db, lost)
    assert _none(db, "SELECT count(*) FROM warnings WHERE stop_payment_amount > amount_lost")
    assert db.scalar("SELECT count(*) FROM warnings WHERE stop_payment_amount > 0") > 0
    risk = "SELECT count(*) FROM warnings WHERE amount_at_risk NOT BETWEEN 200000 AND 50000000"
    assert _none(db, risk)
    unprotected = db.scalar(
        "SELECT count(*) FROM warnings WHERE outcome = 'dissuaded' AND amount_protected IS NULL"
    )
    assert unprotected < 0.15 * by["dissuaded"]
    numbers = [r[0] for r in db.query("SELECT reference_number FROM warnings")]
    assert len(set(numbers)) == total
    assert all(re.fullmatch(r"YJ20[0-9]{2}[0-9]{6}", n) for n in numbers)
    assert all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00", r[0])
        for r in db.query("SELECT received_at FROM warnings")
    )


def test_contacts_tell_a_story(demo_db):
    db, _ = demo_db
    # First contact comes minutes after the warning (median under a quarter of an hour).
    minutes = sorted(
        r[0]
        for r in db.query(
            "SELECT (julianday(min(c.at)) - julianday(w.received_at)) * 1440 FROM warnings w "
            "JOIN contacts c ON c.warning_id = w.id GROUP BY w.id"
        )
    )
    assert 3 <= minutes[len(minutes) // 2] <= 15
    assert minutes[0] >= 0
    assert db.scalar("SELECT count(*) FROM contacts WHERE method = 'visit' AND result = 'met'") > 0
    assert db.scalar("SELECT count(*) FROM contacts WHERE method = 'family'") > 0
    # The seed's case: phone busy, then an officer at the door.
    assert (
        db.scalar(
            "SELECT count(*) FROM warnings w WHERE outcome = 'dissuaded' "
            "AND EXISTS (SELECT 1 FROM contacts c WHERE c.warning_id = w.id AND c.result = 'busy') "
            "AND EXISTS (SELECT 1 FROM contacts c WHERE c.warning_id = w.id AND c.result = 'met')"
        )
        > 0
    )
    # No contact before the warning arrived, none after it was closed, none in the future.
    assert _none(
        db,
        "SELECT count(*) FROM contacts c JOIN warnings w ON w.id = c.warning_id "
        "WHERE c.at < w.received_at OR c.at > coalesce(w.closed_at, '9999') "
        "OR c.at > '2026-05-11T09:30:00+08:00'",
    )
    assert _none(db, "SELECT count(*) FROM warnings WHERE status = 'new' AND signed_at > ''")
    assert _none(db, "SELECT count(*) FROM warnings WHERE signed_at < received_at")


def test_follow_ups(demo_db):
    db, _ = demo_db
    assert _none(
        db,
        "SELECT count(*) FROM follow_ups f JOIN warnings w ON w.id = f.warning_id "
        "WHERE w.outcome NOT IN ('dissuaded', 'defrauded')",
    )
    assert _none(
        db,
        "SELECT count(*) FROM warnings WHERE outcome IN ('dissuaded', 'defrauded') "
        "AND id NOT IN (SELECT warning_id FROM follow_ups)",
    )
    gaps = [
        r[0]
        for r in db.query(
            "SELECT julianday(f.due_on) - julianday(date(substr(w.closed_at, 1, 10))) "
            "FROM follow_ups f JOIN warnings w ON w.id = f.warning_id"
        )
    ]
    assert min(gaps) >= 3 and max(gaps) <= 7
    done = _count(db, "follow_ups") - db.scalar(
        "SELECT count(*) FROM follow_ups WHERE done_at IS NULL"
    )
    assert done / _count(db, "follow_ups") > 0.8
    overdue = db.scalar(
        "SELECT count(*) FROM follow_ups WHERE done_at IS NULL AND due_on < '2026-05-11'"
    )
    assert 0 < overdue < 0.1 * _count(db, "follow_ups")
    # What waits is of the last few days, not months behind; the week ahead has its own.
    oldest = db.scalar("SELECT min(due_on) FROM follow_ups WHERE done_at IS NULL")
    assert oldest >= "2026-05-08"
    ahead = db.scalar(
        "SELECT count(*) FROM follow_ups WHERE done_at IS NULL"
        " AND due_on BETWEEN '2026-05-11' AND '2026-05-17'"
    )
    assert ahead >= 10
    assert _none(db, "SELECT count(*) FROM follow_ups WHERE done_at > '' AND result = ''")


def test_talks(demo_db):
    db, _ = demo_db
    kinds = {r[0] for r in db.query("SELECT DISTINCT venue_kind FROM talks")}
    assert {"community", "school", "enterprise", "village", "bank_outlet", "market"} <= kinds
    assert db.scalar("SELECT count(*) FROM talks WHERE actual_headcount >= 1000") >= 1
    future = db.query("SELECT status FROM talks WHERE starts_at > '2026-05-11T09:30:00+08:00'")
    assert future and {r[0] for r in future} <= {"planned", "confirmed", "postponed"}
    assert max(db.scalar("SELECT max(starts_at) FROM talks"), "") <= "2026-06-09"
    past = {r[0]: r[1] for r in db.query(
        "SELECT status, count(*) FROM talks WHERE ends_at < '2026-05-11T09:30' GROUP BY status"
    )}  # fmt: skip
    assert past["done"] / sum(past.values()) > 0.8
    assert {"cancelled", "postponed"} <= set(past)
    counted = "SELECT count(*) FROM talks WHERE (status = 'done') != (actual_headcount >= 0)"
    assert _none(db, counted)
    assert _none(db, "SELECT count(*) FROM talks WHERE ends_at <= starts_at")
    assert _none(db, "SELECT count(*) FROM talks WHERE created_at > updated_at")
    assert _none(
        db,
        "SELECT count(*) FROM talks t WHERE NOT EXISTS "
        "(SELECT 1 FROM talk_officers o WHERE o.talk_id = t.id AND o.officer_id = t.organiser_id)",
    )
    codes = {t["code"] for t in load_geography()["fraud_types"]}
    for (topics,) in db.query("SELECT topics FROM talks"):
        assert set(json.loads(topics)) <= codes and json.loads(topics)
    school = db.query("SELECT title, partner_id FROM talks WHERE venue_kind = 'school' LIMIT 1")[0]
    assert school["partner_id"] and "——" in school["title"]


def test_officers_partners_campaigns(demo_db):
    db, _ = demo_db
    towns = db.query(
        "SELECT a.id, count(o.id) AS n FROM areas a LEFT JOIN officers o ON o.area_id = a.id "
        "WHERE a.level = 'township' GROUP BY a.id"
    )
    assert all(2 <= r["n"] <= 4 for r in towns)
    for row in db.query("SELECT badge_number, unit, role FROM officers"):
        if row["role"] == "officer":
            assert re.fullmatch(r"[0-9]{6}", row["badge_number"])
            assert row["unit"].endswith("派出所")
    badges = [r[0] for r in db.query("SELECT badge_number FROM officers WHERE badge_number > ''")]
    assert len(badges) == len(set(badges))
    partner_kinds = db.query(
        "SELECT c.code, p.kind, count(*) FROM partners p JOIN areas m ON m.id = p.area_id "
        "JOIN areas t ON t.id = m.parent_id JOIN areas c ON c.id = t.parent_id GROUP BY 1, 2"
    )
    assert len(partner_kinds) == 3 * 11
    months = db.query("SELECT area_id, kind, count(*) FROM campaigns GROUP BY 1, 2")
    assert len(months) == 11 * 4 and all(r[2] >= 12 for r in months)


def test_denormalised_columns_agree_with_their_sources(demo_db):
    """The demo writes rows directly: what the storage code keeps in step must agree."""
    db, _ = demo_db
    assert (
        db.scalar(
            "SELECT count(*) FROM warnings w JOIN residents r ON r.id = w.resident_id"
            " WHERE w.area_id IS NOT r.area_id"
        )
        == 0
    )
    assert (
        db.scalar(
            "SELECT count(*) FROM warnings w WHERE w.contact_count !="
            " (SELECT count(*) FROM contacts c WHERE c.warning_id = w.id)"
        )
        == 0
    )
    assert (
        db.scalar(
            "SELECT count(*) FROM follow_ups f JOIN warnings w ON w.id = f.warning_id"
            " WHERE f.area_id IS NOT w.area_id"
        )
        == 0
    )
    banks = db.query("SELECT p.kind FROM warnings w JOIN partners p ON p.id = w.bank_partner_id")
    assert banks and {row["kind"] for row in banks} == {"bank_outlet"}
    # An outlet is named where a bank took part: the warning came from it, or it stopped a
    # payment; every stop-payment names the outlet that made it.
    assert (
        db.scalar(
            "SELECT count(*) FROM warnings WHERE bank_partner_id IS NOT NULL AND source != 'bank'"
            " AND NOT stop_payment_requested"
        )
        == 0
    )
    assert db.scalar("SELECT count(*) FROM warnings WHERE stop_payment_requested") > 0
    assert _none(
        db, "SELECT count(*) FROM warnings WHERE stop_payment_requested AND bank_partner_id IS NULL"
    )


def test_each_gateway_writes_every_field_of_its_table(demo_db):
    """A column added to a record table must be added to its gateway's COLUMNS (or named above
    as left at its default): a bulk writer that does not know it would leave it empty in every
    row it writes, and nothing else would fail."""
    db, _ = demo_db
    filled = {table for table in RECORD_TABLES if _count(db, table)}
    assert filled == set(GATEWAY_COLUMNS) == set(_WRITERS)
    for table, columns in GATEWAY_COLUMNS.items():
        stored = {column.name: column for column in db.db.table(table).columns}
        assert len(set(columns)) == len(columns), table
        fields = set(stored) - ENGINE_COLUMNS - LEFT_AT_DEFAULT.get(table, set())
        assert set(columns) == fields, table
        for name in set(stored) - set(columns):  # what the writer leaves out must be allowed to
            assert not stored[name].notnull or stored[name].default_value is not None, name


def test_the_demo_fills_every_field_its_gateways_write(demo_db):
    """Each column a gateway writes holds a value other than its default in some demo row, so
    every field is seen on the screens of the demo."""
    db, _ = demo_db
    for table, columns in GATEWAY_COLUMNS.items():
        defaults = {column.name: column.default_value for column in db.db.table(table).columns}
        for name in columns:
            default = defaults[name] or "NULL"  # the default as SQL text, e.g. '' or 0
            assert db.scalar(
                f"SELECT count(*) FROM {table} WHERE {name} IS NOT NULL AND {name} IS NOT {default}"
            ), (table, name)


def test_the_demo_issues_its_paper_as_a_city_centre_unless_a_station_is_set(demo_db, tmp_path):
    from desktop.db.database import META_CURRENT_OFFICER, META_STATION_PHONE
    from desktop.domain.station import station_is_set

    db, _summary = demo_db
    assert issuing(db) == ("反诈工作简报", "河池市公安局反诈中心")
    # Named, with a phone and an officer at the laptop: the demo never asks who it is.
    assert station_is_set(db) and db.get_meta(META_STATION_PHONE) == "0778-2283960"
    assert officers.current_officer(db) == db.get_meta(META_CURRENT_OFFICER)
    assert officers.get_officer(db, officers.current_officer(db)).role == "officer"
    distribution = briefing_settings(db).distribution
    assert distribution.report_to.startswith("河池市委政法委")
    assert distribution.copies == 40
    # A station that set its own name keeps it, and its (empty) distribution.
    own = open_database(tmp_path / "own.sqlite3")
    own.set_meta(META_STATION_NAME, "凤山县公安局凤城派出所")
    generate_demo(own, seed=1, today=TODAY)
    assert issuing(own)[1] == "凤山县公安局凤城派出所"
    assert briefing_settings(own).distribution.report_to == ""
    own.close()


def test_persons_abroad_are_tens_a_county_mostly_closed_one_county_first(demo_db):
    from desktop.domain import statistics

    db, _ = demo_db
    per_county = db.query(
        "SELECT a.name, count(*) AS n, sum(c.status = 'closed') AS closed FROM return_cases c"
        " JOIN areas v ON v.id = c.area_id JOIN areas t ON t.id = v.parent_id"
        " JOIN areas a ON a.id = t.parent_id GROUP BY a.id"
    )
    assert len(per_county) == len(COUNTIES)
    assert all(10 <= row["n"] < 100 for row in per_county)
    closed = sum(row["closed"] for row in per_county) / sum(row["n"] for row in per_county)
    assert closed > 0.5
    year = statistics.Period(TODAY - dt.timedelta(days=364), TODAY)
    ranked = statistics.ranking(db, year, "return_rate")
    assert ranked[0].name == "东兰县" and ranked[0].rank == 1
    assert ranked[0].value - ranked[1].value >= 10  # clearly first
    assert len({row["rank"] for row in map(vars, ranked)}) > 5


def test_each_persons_path_holds_to_the_gateways_rules(demo_db):
    db, _ = demo_db
    rows = [dict(row) for row in db.query("SELECT * FROM return_cases")]
    for row in rows:
        assert return_cases._check_dates(row) == [], row["id"]
        assert row["closed_on"] is None or row["closed_on"] <= TODAY.isoformat()
        assert (row["status"] == "closed") == (row["close_reason"] is not None)
        if row["close_reason"] in return_cases.RETURN_REASONS:
            assert row["returned_on"] is not None, row["id"]
        for status, column in return_cases.STEP_DAYS.items():
            reached = return_cases.STATUSES.index(row["status"]) >= (
                return_cases.STATUSES.index(status)
            )
            if row[column] is not None:
                assert reached, (row["id"], status)
    # 已联系 is the day of the first contact that reached someone
    assert _none(
        db,
        "SELECT count(*) FROM return_cases c WHERE c.contacted_on IS NOT (SELECT"
        " substr(min(k.at), 1, 10) FROM return_contacts k WHERE k.case_id = c.id"
        " AND k.result IN ('reached', 'met', 'promised'))",
    )
    assert _none(
        db,
        "SELECT count(*) FROM return_contacts k JOIN return_cases c ON c.id = k.case_id"
        " WHERE substr(k.at, 1, 10) < c.listed_on OR substr(k.at, 1, 10) > ?",
        (TODAY.isoformat(),),
    )


def test_a_forced_run_after_notices_were_printed_replaces_their_numbers_too(tmp_path):
    """The notices' numbers point at the warnings and persons abroad a forced run deletes:
    they go with them, instead of the run failing on them."""
    from desktop.reports.notice_numbers import notice_number, return_notice_number

    db = open_database(tmp_path / "d.sqlite3")
    generate_demo(db, seed=3, today=TODAY)
    notice_number(db, db.scalar("SELECT id FROM warnings LIMIT 1"), "派出所", TODAY)
    return_notice_number(db, db.scalar("SELECT id FROM return_cases LIMIT 1"), "派出所", TODAY)
    generate_demo(db, seed=3, today=TODAY, force=True)
    assert _count(db, "notice_numbers") == _count(db, "return_notice_numbers") == 0
    assert _count(db, "return_cases") > 0
    db.close()


def test_nothing_of_the_two_ledgers_happens_after_the_demos_now(demo_db):
    db, _summary = demo_db
    now, today = "2026-05-11T09:30:00+08:00", TODAY.isoformat()
    for table in ("return_contacts", "card_interviews"):
        assert _count(db, table) > 0
        assert _none(
            db,
            f"SELECT count(*) FROM {table} WHERE at > ? OR created_at > ? OR updated_at > ?",
            (now, now, now),
        ), table
    # Today's contacts were made this morning.
    assert db.scalar("SELECT count(*) FROM return_contacts WHERE at >= ?", (today,)) > 0
    steps = {
        "return_cases": ("contacted_on", "promised_on", "returned_on", "reported_on",
                         "control_on", "closed_on"),
        "card_sellers": ("interviewed_on", "pledged_on", "restricted_on", "handed_over_on",
                         "closed_on"),
    }  # fmt: skip
    for table, columns in steps.items():
        later = " OR ".join(f"{column} > ?" for column in columns)
        assert _none(
            db,
            f"SELECT count(*) FROM {table} WHERE {later} OR created_at > ? OR updated_at > ?",
            (*[today] * len(columns), now, now),
        ), table


def test_every_ledger_record_keeps_the_rules_a_merge_checks(demo_db, monkeypatch):
    """The demo's persons abroad and card sellers pass the checks a package's records pass:
    a demo laptop's package is never refused."""
    from desktop.core import clock

    db, _summary = demo_db
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    for table, check in (
        ("card_sellers", card_sellers.record_problems),
        ("return_cases", return_cases.entry_problems),
    ):
        rows = db.query(f"SELECT * FROM {table}")
        assert rows, table
        assert [error.render() for row in rows for error in check(db, dict(row))] == [], table


def test_a_year_of_visits_some_communities_awarded_and_one_losing_its_plaque(demo_db):
    db, summary = demo_db
    assert summary.community_visits == _count(db, "community_visits") > 274 * 6
    assert (summary.fraud_free_steps, summary.fraud_free_evidence) == (
        _count(db, "fraud_free_steps"), _count(db, "fraud_free_evidence"),
    )  # fmt: skip
    first = db.scalar("SELECT min(visited_on) FROM community_visits")
    assert "2025-05-12" <= first and db.scalar("SELECT max(visited_on) FROM community_visits") <= (
        TODAY.isoformat()
    )
    # Every visit keeps its own arithmetic, as the gateway would have checked it.
    for row in db.query("SELECT * FROM community_visits"):
        assert community_visits.check_stored(dict(row)) == [], row["id"]
    board = fraud_free.board(db, as_of=TODAY)
    assert len(board.rows) == 274 and board.example
    assert board.counts["awarded"] >= 5 and board.counts["not_taking_part"] >= 30
    assert board.counts["withdrawn"] + board.counts["creating"] > 0
    withdrawn = db.query("SELECT area_id, reason FROM fraud_free_steps WHERE status = 'withdrawn'")
    assert len(withdrawn) == 1 and "预警后被骗" in withdrawn[0]["reason"]
    assert db.scalar(
        "SELECT count(*) FROM warnings WHERE area_id = ? AND outcome = 'defrauded'",
        (withdrawn[0]["area_id"],),
    )
    # Some communities have no household count yet: their coverage is not known.
    unknown = [row for row in board.rows if row.households is None]
    assert unknown and all(
        row.results["households_visited"].state == fraud_free.UNKNOWN for row in unknown
    )


def test_a_working_desk_at_the_demos_now_few_open_cases_late(demo_db):
    """The open warnings are the last two days' as a station holds them: most within their
    time limits (someone has been to the door of those open a while), two late."""
    from desktop.core.rules import overdue

    db, _summary = demo_db
    now = dt.datetime(2026, 5, 11, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    limits = warnings.time_limits(db)
    items = warnings.open_queue(db)
    assert 8 <= len(items) <= 30
    late = [
        item for item in items
        if overdue(item.received_at, item.first_contact_at, item.visited, limits[item.level], now)
    ]  # fmt: skip
    assert len(late) == 2
    assert all(now - item.received_at < dt.timedelta(hours=48) for item in items)


def test_a_demo_made_without_a_day_is_of_the_moment_it_is_made(tmp_path, monkeypatch):
    from desktop.core import clock

    moment = dt.datetime(2026, 5, 11, 16, 45, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    monkeypatch.setattr(clock, "now", lambda: moment)
    db = open_database(tmp_path / "d.sqlite3")
    generate_demo(db, seed=1)
    assert (
        "2026-05-11T16:45"
        >= db.scalar("SELECT max(received_at) FROM warnings")
        > ("2026-05-11T09:30")
    )
    assert _none(db, "SELECT count(*) FROM contacts WHERE at > '2026-05-11T16:45:00+08:00'")
    db.close()


def test_plaques_put_in_question_are_reviewed_and_only_the_last_days_wait_on_today(demo_db):
    """A working station's year: each card seller or person abroad listed in a community
    with a plaque reviewed within three weeks (the plaque kept, with what the review found),
    a handful listed lately still waiting; exactly one plaque withdrawn, after a resident of
    that community was defrauded after a warning."""
    db, _summary = demo_db
    flags = fraud_free.flagged_communities(db)
    assert 1 <= len(flags) <= 6
    waiting = {reason.day for flag in flags for reason in flag.reasons}
    assert min(waiting) >= (TODAY - dt.timedelta(days=21)).isoformat()
    reviews = db.query(
        "SELECT area_id, step_on, reason FROM fraud_free_steps WHERE status = 'awarded'"
        " AND reason != '' AND correction = 0"
    )
    assert len(reviews) >= 10 and all("保留牌匾" in review["reason"] for review in reviews)
    # Each review follows a record listed there since the plaque or the review before.
    for review in reviews[:40]:
        before = db.scalar(
            "SELECT max(step_on) FROM fraud_free_steps WHERE area_id = ? AND step_on < ?"
            " AND status = 'awarded'",
            (review["area_id"], review["step_on"]),
        )
        listed = db.scalar(
            "SELECT count(*) FROM (SELECT listed_on FROM card_sellers WHERE area_id = ?"
            " UNION ALL SELECT listed_on FROM return_cases WHERE area_id = ?)"
            " WHERE listed_on > ? AND listed_on <= ?",
            (review["area_id"], review["area_id"], before, review["step_on"]),
        )
        assert listed, review
    withdrawn = db.query("SELECT * FROM fraud_free_steps WHERE status = 'withdrawn'")
    assert len(withdrawn) == 1
    awarded_on = db.scalar(
        "SELECT min(step_on) FROM fraud_free_steps WHERE area_id = ? AND status = 'awarded'",
        (withdrawn[0]["area_id"],),
    )
    cases = db.scalar(
        "SELECT count(*) FROM warnings WHERE area_id = ? AND status = 'closed'"
        " AND outcome = 'defrauded' AND lost_before_warning = 0"
        " AND substr(closed_at, 1, 10) > ? AND substr(closed_at, 1, 10) <= ?",
        (withdrawn[0]["area_id"], awarded_on, withdrawn[0]["step_on"]),
    )
    assert cases and "预警后被骗" in withdrawn[0]["reason"]
    # The other plaques were kept: no other community was stripped silently or otherwise.
    assert fraud_free.board(db, as_of=TODAY).counts["withdrawn"] == 1
