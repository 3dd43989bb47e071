"""Fraud-free communities: the criteria (an example set, the station's own), evidence, the
creation status and its path, the board computed from records, flags and figures."""

from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.entities import Talk
from desktop.core.errors import ValidationError
from desktop.core.figures import BY_KEY, FRAUD_FREE_FIGURES
from desktop.core.validate import id_number_check_digit
from desktop.db import audit
from desktop.domain import areas as area_store
from desktop.domain import attachments, card_sellers, talks
from desktop.domain import community_visits as visits
from desktop.domain import fraud_free as store
from desktop.domain import return_cases as returns
from desktop.domain import statistics as stats
from desktop.domain import warnings as warning_store
from desktop.domain.fraud_free import MET, NOT_MET, UNKNOWN

CST = timezone(timedelta(hours=8))
TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
_serials = iter(range(100, 999))


@pytest.fixture
def city(db):
    """Two counties; 凤山县 with two communities (坡心村 320 households, 城北社区 without a
    count), 宜州区 with one."""
    ids = {}
    ids["fengshan"] = area_store.add_area(db, name="凤山县", level="county", code="451223")
    town = area_store.add_area(db, name="凤城镇", level="township", parent_id=ids["fengshan"])
    ids["poxin"] = area_store.add_area(db, name="坡心村", level="community", parent_id=town)
    ids["chengbei"] = area_store.add_area(db, name="城北社区", level="community", parent_id=town)
    ids["yizhou"] = area_store.add_area(db, name="宜州区", level="county", code="451203")
    town2 = area_store.add_area(db, name="庆远镇", level="township", parent_id=ids["yizhou"])
    ids["chengdong"] = area_store.add_area(db, name="城东社区", level="community",
                                           parent_id=town2)  # fmt: skip
    visits.set_households(db, ids["poxin"], 320)
    visits.set_households(db, ids["chengdong"], 100)
    return ids


def _visit(db, area, visited=300, at_home=200, new=60, already=100, day="2026-10-10"):
    return visits.add_visit(
        db, {"area_id": area, "visited_on": day, "households_visited": visited,
             "households_at_home": at_home, "app_installed_new": new, "app_already": already},
        today=TODAY,
    )  # fmt: skip


def _defrauded(db, area, at=NOW):
    warning = warning_store.intake(
        db, {"received_at": at - timedelta(hours=3), "source": "platform",
             "level": "high", "name": "韦某", "mobile": f"1380000{next(_serials):04d}",
             "area_id": area},
        now=at - timedelta(hours=2),
    )  # fmt: skip
    warning_store.close_warning(db, warning, outcome="defrauded", amount_lost="5000", now=at)
    return warning


def _card_seller(db, area, listed_on="2026-11-20"):
    first17 = f"45122319990101{next(_serials):03d}"
    return card_sellers.add_card_seller(
        db, {"name": "覃某", "mobile": f"1390000{next(_serials):04d}",
             "id_number": first17 + id_number_check_digit(first17), "area_id": area,
             "card_kind": "bank_card", "source": "upper_level", "listed_on": listed_on},
        today=TODAY,
    )  # fmt: skip


def _row(board, area):
    return next(row for row in board.rows if row.area_id == area)


def test_the_shipped_criteria_are_an_example_until_the_station_changes_them(db):
    assert store.criteria_are_example(db)
    assert [item.key for item in store.criteria(db)] == [
        item.key for item in store.EXAMPLE_CRITERIA
    ]
    store.save_criterion(db, {**vars(store.EXAMPLE_CRITERIA[4]), "threshold": "95%"})
    assert not store.criteria_are_example(db)
    stored = {item.key: item for item in store.criteria(db)}
    assert len(stored) == len(store.EXAMPLE_CRITERIA)
    assert stored["households_visited"].threshold == 95.0
    assert audit.recent(db)[0]["action"] == "settings"


@pytest.mark.parametrize("threshold", ["101", "-1", "很多"])
def test_a_threshold_outside_0_to_100_percent_is_refused(db, threshold):
    with pytest.raises(ValidationError) as refused:
        store.save_criterion(db, {**vars(store.EXAMPLE_CRITERIA[4]), "threshold": threshold})
    assert refused.value.field == "threshold"
    assert store.criteria_are_example(db)  # nothing written


def test_the_board_judges_every_criterion_from_the_records(db, city):
    _visit(db, city["poxin"])
    _visit(db, city["chengbei"], visited=50, at_home=0, new=0, already=0)
    _defrauded(db, city["chengdong"])
    _card_seller(db, city["chengdong"])
    talks_id = talks.save_talk(
        db,
        Talk(title="反诈宣传进村", starts_at=NOW - timedelta(days=30),
                   ends_at=NOW - timedelta(days=30) + timedelta(hours=1), venue="坡心村委",
                   area_id=city["poxin"], status="done", actual_headcount=40),
    )  # fmt: skip
    assert talks_id
    store.add_evidence(db, city["poxin"], "publicity_board", True, note="村委门口", today=TODAY)
    board = store.board(db, as_of=TODAY)
    # Grouped by county (in the order of their codes) and township.
    assert [(row.county, row.community) for row in board.rows] == [
        ("宜州区", "城东社区"), ("凤山县", "坡心村"), ("凤山县", "城北社区"),
    ]  # fmt: skip
    poxin = _row(board, city["poxin"]).results
    assert poxin["households_visited"] == store.CriterionResult(MET, 93.8)  # 300 / 320
    assert poxin["app_installed"] == store.CriterionResult(MET, 80.0)  # 160 / 200
    assert poxin["talk_held"] == store.CriterionResult(MET, 1)
    assert poxin["publicity_board"].state == MET
    assert poxin["village_rules"] == store.CriterionResult(UNKNOWN, None, store.NO_EVIDENCE)
    chengbei = _row(board, city["chengbei"]).results
    # No household count: coverage is not known, and the board says what is missing.
    assert chengbei["households_visited"] == store.CriterionResult(
        UNKNOWN, None, store.NO_HOUSEHOLDS
    )
    assert chengbei["app_installed"].state == UNKNOWN  # nobody at home
    chengdong = _row(board, city["chengdong"]).results
    assert chengdong["no_defrauded"] == store.CriterionResult(NOT_MET, 1)
    assert chengdong["no_card_sellers"] == store.CriterionResult(NOT_MET, 1)
    assert chengdong["warnings_in_time"].state in (MET, NOT_MET)
    assert chengdong["households_visited"] == store.CriterionResult(NOT_MET, 0.0)
    assert board.counts["not_taking_part"] == 3 and board.example
    # An area's board holds its communities only.
    assert [row.community for row in store.board(db, city["yizhou"], as_of=TODAY).rows] == [
        "城东社区"
    ]


def test_the_board_is_a_few_set_based_statements_whatever_the_communities(db, city):
    """The same number of statements for three communities as for thirty."""

    def statements():
        seen = []
        db.conn.set_trace_callback(seen.append)
        try:
            store.board(db, as_of=TODAY)
        finally:
            db.conn.set_trace_callback(None)
        return len([sql for sql in seen if sql.lstrip().upper().startswith("SELECT")])

    few = statements()
    town = db.scalar("SELECT parent_id FROM areas WHERE id = ?", (city["poxin"],))
    for number in range(27):
        area = area_store.add_area(db, name=f"新村{number}", level="community", parent_id=town)
        _visit(db, area, visited=10, at_home=5, new=1, already=1)
    assert statements() == few <= 20


def test_the_status_path_with_real_dates_and_reasons(db, city):
    area = city["poxin"]
    assert store.current_status(db, area) == ("not_taking_part", None)
    store.record_status(db, area, "creating", "2026-03-01", today=TODAY)
    # 达标 needs every criterion met: the unmet ones are named, nothing is written.
    with pytest.raises(ValidationError) as refused:
        store.record_status(db, area, "qualified", "2026-11-01", today=TODAY)
    assert "反诈宣传栏" in refused.value.render()
    assert store.current_status(db, area)[0] == "creating"
    # Skipping to 已授牌 is not the next step: a correction, with its reason.
    with pytest.raises(ValidationError) as refused:
        store.record_status(db, area, "awarded", "2026-11-01", awarded_by="县综治办",
                            today=TODAY)  # fmt: skip
    assert refused.value.field == "correction_reason"
    with pytest.raises(ValidationError) as refused:
        store.record_status(db, area, "creating", "2026-12-01", today=TODAY)  # the future
    assert refused.value.field == "on"
    store.record_status(db, area, "awarded", "2026-11-01", awarded_by="县综治办",
                        correction_reason="验收会已通过，补录", today=TODAY)  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        store.record_status(db, area, "withdrawn", "2026-11-20", today=TODAY)
    assert refused.value.field == "reason"
    with pytest.raises(ValidationError) as refused:
        store.record_status(db, area, "withdrawn", "2026-10-20", reason="x", today=TODAY)
    assert refused.value.field == "on"  # before the current step
    store.record_status(db, area, "withdrawn", "2026-11-20", reason="发生预警后被骗案件",
                        today=TODAY)  # fmt: skip
    store.record_status(db, area, "creating", "2026-11-21", today=TODAY)
    history = store.status_history(db, area)
    assert [(step["status"], step["step_on"], step["correction"]) for step in history] == [
        ("creating", "2026-03-01", 0), ("awarded", "2026-11-01", 1),
        ("withdrawn", "2026-11-20", 0), ("creating", "2026-11-21", 0),
    ]  # fmt: skip
    assert "correction: 验收会已通过" in " ".join(e["summary"] for e in audit.recent(db))


def test_qualified_when_every_criterion_is_met(db, city):
    area = city["chengdong"]
    for item in store.criteria(db):
        store.save_criterion(db, {**vars(item), "enabled": item.kind == "computed"
                                  and item.measure != "talk_held"})  # fmt: skip
    _visit(db, area, visited=100, at_home=80, new=30, already=40)
    store.record_status(db, area, "creating", "2026-03-01", today=TODAY)
    store.record_status(db, area, "qualified", "2026-11-01", today=TODAY)
    assert store.current_status(db, area)[0] == "qualified"


def test_a_case_after_the_plaque_flags_the_community_and_strips_nothing(db, city):
    area = city["chengdong"]
    steps = [("creating", "2026-01-10", ""), ("qualified", "2026-06-01", ""),
             ("awarded", "2026-06-10", "县综治办")]  # fmt: skip
    with db.atomic():
        store.write_step_rows(db, [
        (f"s{n}", f"{day}T09:00:00+08:00", f"{day}T09:00:00+08:00", db.device_id, area, status,
         day, by, "", 0, None) for n, (status, day, by) in enumerate(steps)
    ])  # fmt: skip
    _card_seller(db, area, listed_on="2026-05-01")  # before the plaque: no flag
    assert store.flagged_communities(db) == []
    warning = _defrauded(db, area)
    seller = _card_seller(db, area, listed_on="2026-11-20")
    [flag] = store.flagged_communities(db)
    assert (flag.community, flag.county, flag.since) == ("城东社区", "宜州区", "2026-06-10")
    assert [(r.kind, r.record_id) for r in flag.reasons] == [
        ("card_seller", seller), ("defrauded_after_warning", warning),
    ]  # fmt: skip
    assert store.current_status(db, area)[0] == "awarded"  # never stripped silently
    assert store.flagged_communities(db, city["fengshan"]) == []
    # Reviewed and kept: the records before the review flag it no more.
    store.keep_plaque(db, area, "经复核，被骗人为外来务工人员，保留牌匾", today=TODAY)
    assert store.flagged_communities(db) == []
    returns.list_person(
        db, {"name": "覃某某", "mobile": "13912345678", "area_id": area, "location": "cambodia",
             "lead_source": "upper_level", "category": "high_risk", "listed_on": "2026-11-25"},
        today=TODAY,
    )  # fmt: skip
    assert [r.kind for r in store.flagged_communities(db)[0].reasons] == ["person_abroad"]


def test_the_figures_and_the_county_ranking_by_share_created(db, city):
    _visit(db, city["poxin"])  # 300 of 320
    _visit(db, city["chengdong"], visited=150, at_home=100, new=20, already=30)  # capped: 100
    with db.atomic():
        store.write_step_rows(db, [
        ("s1", "2026-06-10T09:00:00+08:00", "2026-06-10T09:00:00+08:00", db.device_id,
         city["chengdong"], "awarded", "2026-06-10", "区综治办", "", 0, None),
    ])  # fmt: skip
    year = stats.Period(date(2026, 1, 1), date(2026, 11, 30))
    figures = stats.compute_figures(db, year, today=TODAY)
    assert {key: figures[key] for key in BY_KEY if BY_KEY[key].group == "fraud_free"} == {
        "fraud_free_communities": 1,
        "fraud_free_share": 33.3,
        "app_installation_rate": 70.0,  # (160 + 50) / (200 + 100)
        "visit_coverage": 95.2,  # (300 + 100) / (320 + 100)
        "households_visited": 450,
    }
    before = stats.compute_figures(db, stats.Period(date(2026, 1, 1), date(2026, 5, 31)),
                                   city["yizhou"], today=TODAY)  # fmt: skip
    assert (before["fraud_free_communities"], before["households_visited"]) == (0, 0)
    assert before["app_installation_rate"] is None  # nothing to compute it from, not 0
    ranked = stats.fraud_free_ranking(db, year)
    assert [(r.rank, r.name, r.value) for r in ranked] == [
        (1, "宜州区", 100.0), (2, "凤山县", 0.0),
    ]  # fmt: skip


def test_every_fraud_free_figure_has_a_written_definition_in_both_languages():
    for figure in FRAUD_FREE_FIGURES:
        assert figure.group == "fraud_free"
        assert figure.name and figure.name_zh and figure.definition and figure.definition_zh


def test_evidence_with_its_photo_counts_within_its_period(db, city, tmp_path):
    area = city["poxin"]
    with pytest.raises(ValidationError) as refused:
        store.add_evidence(db, area, "households_visited", True, today=TODAY)  # computed
    assert refused.value.field == "criterion"
    old = store.add_evidence(db, area, "village_rules", True, noted_on="2025-12-20", today=TODAY)
    assert old
    assert _row(store.board(db, as_of=TODAY), area).results["village_rules"].state == UNKNOWN
    entry = store.add_evidence(db, area, "village_rules", False, note="尚未写入", today=TODAY)
    photo = tmp_path / "村规民约.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    attachments.add_attachment(db, "fraud_free_evidence", entry, photo)
    assert len(attachments.list_attachments(db, "fraud_free_evidence", entry)) == 1
    assert _row(store.board(db, as_of=TODAY), area).results["village_rules"].state == NOT_MET
    store.retire_evidence(db, entry)
    assert _row(store.board(db, as_of=TODAY), area).results["village_rules"].state == UNKNOWN


def test_evidence_given_its_photo_is_written_with_it_or_not_at_all(db, city, tmp_path):
    area = city["poxin"]
    not_a_photo = tmp_path / "宣传栏.png"
    not_a_photo.write_text("not a picture")
    with pytest.raises(ValidationError) as refused:
        store.add_evidence(db, area, "publicity_board", True, photo=not_a_photo, today=TODAY)
    assert refused.value.field == "photo"
    assert store.evidence_of(db, area) == []  # the entry went with its photo
    photo = tmp_path / "宣传栏2.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    entry = store.add_evidence(
        db, area, "publicity_board", True, note="村委会门口", photo=photo, today=TODAY
    )
    store.add_evidence(db, area, "village_rules", False, noted_on="2026-10-01", today=TODAY)
    listed = store.evidence_of(db, area)
    assert [item["criterion"] for item in listed] == ["publicity_board", "village_rules"]
    assert listed[0]["id"] == entry and listed[0]["photos"] == 1 and listed[1]["photos"] == 0
    assert _row(store.board(db, as_of=TODAY), area).results["publicity_board"].state == MET


def test_steps_of_one_day_in_one_second_keep_the_order_they_were_recorded_in(db, city, monkeypatch):
    from desktop.db import records

    ids = iter(["ffff-second", "0000-third"])  # ids that sort against the order of recording
    monkeypatch.setattr(records, "new_id", lambda: next(ids))
    monkeypatch.setattr(records, "now_iso", lambda: "2026-11-25T10:00:00+08:00")
    area = city["poxin"]
    store.record_status(db, area, "creating", "2026-11-25", today=TODAY)
    store.record_status(db, area, "not_taking_part", "2026-11-25", correction_reason="误录",
                        today=TODAY)  # fmt: skip
    assert [step["status"] for step in store.status_history(db, area)] == [
        "creating", "not_taking_part",
    ]  # fmt: skip
    assert store.statuses_on(db, TODAY)[area]["status"] == "not_taking_part"


def _one_by_one(db, as_of):
    """Each community's cells asked for one at a time, as a reader would write it without
    thought for speed: a statement per community and criterion, the rules as the criteria
    define them."""
    limits = warning_store.time_limits(db)
    cells = {}
    for place in db.query("SELECT id, households FROM areas WHERE level = 'community'"
                          " AND deleted_at IS NULL"):  # fmt: skip
        area, households = place["id"], place["households"]
        for item in store.criteria(db, enabled_only=True):
            first, last = store.window(item.period, as_of)
            span = (area, first.isoformat(), last.isoformat())
            measure = item.measure
            if item.kind == "evidence":
                entry = db.query(
                    "SELECT met, noted_on FROM fraud_free_evidence WHERE area_id = ?"
                    " AND criterion = ? AND deleted_at IS NULL AND noted_on <= ?"
                    " ORDER BY noted_on DESC, created_at DESC, id DESC LIMIT 1",
                    (area, item.key, last.isoformat()),
                )
                if not entry or entry[0]["noted_on"] < first.isoformat():
                    cell = (UNKNOWN, None)
                else:
                    cell = (MET if entry[0]["met"] else NOT_MET, None)
            elif measure == "no_defrauded_after_warning":
                n = db.scalar(
                    "SELECT count(*) FROM warnings WHERE area_id = ? AND deleted_at IS NULL"
                    " AND status = 'closed' AND outcome = 'defrauded' AND lost_before_warning = 0"
                    " AND substr(closed_at, 1, 10) BETWEEN ? AND ?", span,
                )  # fmt: skip
                cell = (MET if n == 0 else NOT_MET, n)
            elif measure == "no_open_card_sellers":
                n = db.scalar(
                    "SELECT count(*) FROM card_sellers WHERE area_id = ? AND deleted_at IS NULL"
                    " AND listed_on <= ? AND status NOT IN ('handed_over', 'closed')",
                    (area, last.isoformat()),
                )
                cell = (MET if n == 0 else NOT_MET, n)
            elif measure == "no_open_return_cases":
                n = db.scalar(
                    "SELECT count(*) FROM return_cases WHERE area_id = ? AND deleted_at IS NULL"
                    " AND listed_on <= ? AND (closed_on IS NULL OR closed_on > ?)",
                    (area, last.isoformat(), last.isoformat()),
                )
                cell = (MET if n == 0 else NOT_MET, n)
            elif measure == "talk_held":
                n = db.scalar(
                    "SELECT count(*) FROM talks WHERE area_id = ? AND deleted_at IS NULL"
                    " AND status = 'done' AND substr(starts_at, 1, 10) BETWEEN ? AND ?", span,
                )  # fmt: skip
                cell = (MET if n else NOT_MET, n)
            elif measure in ("visit_coverage", "app_installation"):
                visited, at_home, installed = db.query(
                    "SELECT coalesce(sum(households_visited), 0), coalesce(sum(households_at_home),"
                    " 0), coalesce(sum(app_installed_new + app_already), 0) FROM community_visits"
                    " WHERE area_id = ? AND deleted_at IS NULL AND visited_on BETWEEN ? AND ?",
                    span,
                )[0]  # fmt: skip
                if measure == "visit_coverage":
                    whole, part = households, min(visited, households or 0)
                else:
                    whole, part = at_home, installed
                if not whole:
                    cell = (UNKNOWN, None)
                else:
                    value = round(100 * part / whole, 1)
                    cell = (MET if value >= item.threshold else NOT_MET, value)
            else:
                if measure == "warnings_in_limit":
                    rows = db.query(
                        "SELECT level, first_contact_minutes FROM warnings WHERE area_id = ?"
                        " AND deleted_at IS NULL AND substr(received_at, 1, 10) BETWEEN ? AND ?",
                        span,
                    )
                    whole = len(rows)
                    part = sum(1 for row in rows if row["first_contact_minutes"] is not None
                               and row["first_contact_minutes"]
                               <= limits[row["level"]].first_contact)  # fmt: skip
                else:
                    rows = db.query(
                        "SELECT done_at FROM follow_ups WHERE area_id = ? AND deleted_at IS NULL"
                        " AND due_on BETWEEN ? AND ?", span,
                    )  # fmt: skip
                    whole, part = len(rows), sum(1 for row in rows if row["done_at"])
                if not whole:
                    cell = (MET, None)
                else:
                    value = round(100 * part / whole, 1)
                    cell = (MET if value >= item.threshold else NOT_MET, value)
            cells[area, item.key] = cell
    return cells


@pytest.mark.parametrize("as_of", [date(2026, 11, 25), date(2026, 6, 30)])
def test_the_set_based_board_is_the_board_computed_community_by_community(db, as_of):
    """The whole board read in one grouped pass per criterion gives, cell for cell, what
    asking community by community gives — on a generated city, with criteria over a month,
    a quarter and twelve months besides the year."""
    from desktop.demo import generate_demo

    generate_demo(db, seed=5, today=TODAY)
    for key, period in (("households_visited", "quarter"), ("app_installed", "month"),
                        ("talk_held", "twelve_months"), ("publicity_board", "month")):  # fmt: skip
        item = next(item for item in store.EXAMPLE_CRITERIA if item.key == key)
        store.save_criterion(db, {**vars(item), "period": period})
    board = store.board(db, as_of=as_of)
    expected = _one_by_one(db, as_of)
    got = {
        (row.area_id, key): (result.state, result.value)
        for row in board.rows
        for key, result in row.results.items()
    }
    assert got == expected
    # Not a board of empty cells: every state occurs, and numbers were measured.
    assert {state for state, _value in got.values()} == {MET, NOT_MET, UNKNOWN}
    assert sum(1 for _state, value in got.values() if value) > 1000


def test_the_trend_is_each_months_figures_over_the_last_twelve_months(db):
    """Month by month, the trend holds what the figures give with the month as the period —
    one definition each — for the whole city and for one county, and it moves: plaques are
    awarded during the year and visits made."""
    from desktop.demo import generate_demo

    generate_demo(db, seed=5, today=TODAY)
    county = db.scalar("SELECT id FROM areas WHERE level = 'county' ORDER BY code LIMIT 1")
    for scope in (None, stats.area_scope(db, county)):
        trend = store.monthly_trend(db, TODAY, scope)
        assert [month["month"] for month in trend][:2] == ["2025-12", "2026-01"]
        assert len(trend) == 12 and trend[-1]["month"] == "2026-11"
        for month in trend:
            first = date.fromisoformat(month["month"] + "-01")
            last = min((first + timedelta(days=31)).replace(day=1) - timedelta(days=1), TODAY)
            assert month == {"month": month["month"], **store.figures(db, first, last, scope)}
    whole = store.monthly_trend(db, TODAY, None)
    assert whole[0]["fraud_free_communities"] < whole[-1]["fraud_free_communities"]
    assert all(month["households_visited"] > 0 for month in whole)
    assert all(0 < month["app_installation_rate"] <= 100 for month in whole)


def test_the_trend_of_a_laptops_visits_and_of_a_city_without_records(db, city):
    _visit(db, city["poxin"], visited=160, at_home=100, new=20, already=30, day="2026-10-10")
    trend = store.monthly_trend(db, TODAY, None)
    october = next(month for month in trend if month["month"] == "2026-10")
    assert (october["visit_coverage"], october["app_installation_rate"]) == (38.1, 50.0)
    assert october["households_visited"] == 160  # of the 320 + 100 households recorded
    # Nothing to divide: no made-up 0%.
    assert trend[0]["app_installation_rate"] is None and trend[0]["fraud_free_share"] == 0.0
    elsewhere = store.monthly_trend(db, TODAY, None, devices=["another laptop"])
    assert all(month["households_visited"] == 0 for month in elsewhere)
