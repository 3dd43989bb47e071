"""The registry of printouts: each entry builds, checks its arguments where it is built and is
written to the audit log with the action it declares."""

from __future__ import annotations

import inspect
from datetime import date

import pytest

from desktop.core.errors import ValidationError
from desktop.core.limits import SIGNIN_ROWS
from desktop.db import audit
from desktop.demo import generate_demo
from desktop.domain.statistics import Period
from desktop.reports import registry
from desktop.reports.registry import PRINTOUTS

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from desktop.db.opening import open_database

    database = open_database(tmp_path_factory.mktemp("registry") / "demo.sqlite3")
    generate_demo(database, seed=2, today=TODAY)
    yield database
    database.close()


def _samples(database) -> dict[str, dict]:
    """Values each printout is built from in these tests: a new printout needs its own."""
    talk_id = database.scalar("SELECT id FROM talks WHERE status = 'planned' ORDER BY starts_at")
    warning_id = database.scalar("SELECT id FROM warnings ORDER BY received_at DESC")
    interview_id = database.scalar("SELECT id FROM card_interviews ORDER BY at DESC")
    card_seller_id = database.scalar("SELECT id FROM card_sellers ORDER BY listed_on DESC")
    case_id = database.scalar("SELECT id FROM return_cases ORDER BY listed_on DESC, id")
    county_id = database.scalar("SELECT id FROM areas WHERE level = 'county' ORDER BY code")
    community_id = database.scalar("SELECT id FROM areas WHERE level = 'community' ORDER BY code")
    return {
        "signin": {"talk_id": talk_id, "rows": 3},
        "handout": {"talk_id": None, "topics": ["loan"]},
        "notice": {"warning_id": warning_id},
        "case": {"warning_id": warning_id},
        "visit-form": {},
        "schedule": {"first": date(2026, 11, 1), "last": date(2026, 11, 30)},
        "briefing": {
            "period": Period.month(2026, 10), "area_id": None, "ranking_figure": "dissuaded",
        },
        "card-interview": {"interview_id": interview_id},
        "card-pledge": {"card_seller_id": card_seller_id},
        "card-register": {"area_id": None, "first": None, "last": None, "status": "open"},
        "return-ledger": {"area_id": county_id, "paper": "a4"},
        "return-notice": {"case_id": case_id},
        "return-board": {"area_id": None, "paper": "a3"},
        "visit-tally": {"area_id": community_id},
        "fraud-free-board": {"area_id": county_id, "paper": "a4"},
        "fraud-free-sheet": {"area_id": community_id},
        "fraud-free-trend": {"area_id": county_id, "last": date(2026, 11, 30)},
    }  # fmt: skip


def test_every_builder_takes_the_arguments_its_entry_declares():
    for printout in PRINTOUTS.values():
        parameters = inspect.signature(printout.build).parameters
        expected = {"database", "out", *(argument.keyword for argument in printout.arguments)}
        expected |= {"full", "reason"} if printout.reveal else set()
        expected |= {"progress"} if printout.progress else set()
        assert set(parameters) == expected, printout.name
        # a reveal of what?
        assert printout.masked or not (printout.reveal or printout.addressee_reason), printout.name
        if printout.docx:  # its Word document is made from the same arguments
            assert set(inspect.signature(printout.build_docx).parameters) == expected


def test_every_printout_builds_and_is_audited_with_its_action(demo, tmp_path):
    samples = _samples(demo)
    assert set(samples) == set(PRINTOUTS)
    for name, printout in PRINTOUTS.items():
        out = tmp_path / f"{name}.pdf"
        registry.make(demo, name, out, samples[name])
        assert out.read_bytes().startswith(b"%PDF"), name
        assert audit.recent(demo, 1)[0]["action"] == printout.audit_action, name
        if printout.docx:
            word = tmp_path / printout.docx_filename.format(first=date(2026, 10, 1),
                                                            last=date(2026, 10, 31))  # fmt: skip
            registry.make(demo, name, word, samples[name], docx=True)
            assert word.suffix == ".docx" and word.read_bytes().startswith(b"PK"), name
            assert audit.recent(demo, 1)[0]["action"] == printout.audit_action, name
        else:
            with pytest.raises(ValueError):
                registry.make(demo, name, tmp_path / "x.docx", samples[name], docx=True)


def test_a_masked_printout_in_full_is_a_reveal_with_its_reason(demo, tmp_path):
    samples = _samples(demo)
    for name in [name for name, printout in PRINTOUTS.items() if printout.reveal]:
        registry.make(demo, name, tmp_path / "x.pdf", samples[name], full=True, reason="court")
        reveal, printed = audit.recent(demo, 2)[::-1]
        assert (reveal["action"], printed["action"]) == ("reveal", "print")
        assert "court" in reveal["summary"], name


def test_a_printout_naming_its_addressee_logs_that_reveal_with_its_reason(demo, tmp_path):
    samples = _samples(demo)
    addressed = [name for name, printout in PRINTOUTS.items() if printout.addressee_reason]
    assert addressed == ["notice", "card-interview", "card-pledge", "return-notice"]
    # whose record names them: the warning's, the interviewed card seller's, the card
    # seller's, the person abroad's
    [card_seller_id] = demo.query(
        "SELECT card_seller_id FROM card_interviews WHERE id = ?",
        (samples["card-interview"]["interview_id"],),
    )[0]
    named = {"notice": samples["notice"]["warning_id"], "card-interview": card_seller_id,
             "card-pledge": samples["card-pledge"]["card_seller_id"],
             "return-notice": samples["return-notice"]["case_id"]}  # fmt: skip
    for name in addressed:
        registry.make(demo, name, tmp_path / "x.pdf", samples[name])
        printed, reveal = audit.recent(demo, 2)
        assert (reveal["action"], printed["action"]) == ("reveal", "print")
        assert reveal["row_id"] == named[name], name
        assert PRINTOUTS[name].addressee_reason in reveal["summary"], name


@pytest.mark.parametrize("rows", [SIGNIN_ROWS.low - 1, SIGNIN_ROWS.high + 1, True, "25"])
def test_rows_outside_the_limit_are_refused_where_the_sheet_is_built(demo, tmp_path, rows):
    before = len(audit.recent(demo, 10_000))
    values = {**_samples(demo)["signin"], "rows": rows}
    with pytest.raises(ValidationError) as refused:
        registry.make(demo, "signin", tmp_path / "s.pdf", values)
    assert refused.value.field == "--rows"
    assert f"from {SIGNIN_ROWS.low} to {SIGNIN_ROWS.high}" in str(refused.value)
    assert not (tmp_path / "s.pdf").exists() and len(audit.recent(demo, 10_000)) == before


def test_the_sign_in_sheet_leaves_its_rows_to_the_talk_unless_given():
    [rows] = [arg for arg in PRINTOUTS["signin"].arguments if arg.keyword == "rows"]
    assert rows.limit is SIGNIN_ROWS and rows.default is None and rows.automatic
    assert PRINTOUTS["signin"].count is rows and PRINTOUTS["handout"].count is None


def test_every_previewed_printouts_title_and_file_name_take_its_subjects_fields():
    from datetime import datetime

    sample = {"title": "宣讲", "day": datetime(2026, 11, 25, 14, 30), "first": TODAY, "last": TODAY}
    for printout in [printout for printout in PRINTOUTS.values() if printout.screen]:
        fields = {key: sample[key] for key in registry.SUBJECT_FIELDS[printout.subject]}
        assert printout.title.format(**fields) and printout.filename.format(**fields), printout.name
        assert printout.filename.endswith(".pdf"), printout.name


@pytest.mark.parametrize("name", ["return-ledger", "return-board"])
def test_a_paper_the_sheets_do_not_come_on_is_refused_where_they_are_built(demo, tmp_path, name):
    [paper] = [arg for arg in PRINTOUTS[name].arguments if arg.kind == registry.CHOICE]
    assert paper.choices == ("a4", "a3") and paper.default == "a4"
    before = len(audit.recent(demo, 10_000))
    with pytest.raises(ValidationError) as refused:
        registry.make(demo, name, tmp_path / "s.pdf", {"area_id": None, "paper": "a5"})
    assert refused.value.field == "--paper" and "a4, a3" in str(refused.value)
    assert not (tmp_path / "s.pdf").exists() and len(audit.recent(demo, 10_000)) == before


@pytest.mark.parametrize("station", ["", "河池市公安局金城江分局金城江派出所"])
def test_every_printout_names_its_issuing_unit_or_says_it_is_not_set(tmp_path, page_texts, station):
    from desktop.db.database import META_STATION_NAME
    from desktop.db.opening import open_database
    from desktop.reports.briefing_store import META_UNIT

    database = open_database(tmp_path / "demo.sqlite3")
    generate_demo(database, seed=2, today=TODAY)
    with database.atomic():  # as on a laptop whose station has not been named yet, or has
        database.set_meta(META_STATION_NAME, station)
        database.set_meta(META_UNIT, "")
    samples = _samples(database)
    for name in PRINTOUTS:
        out = tmp_path / f"{name}.pdf"
        registry.make(database, name, out, samples[name])
        text = "".join(page_texts(out)).replace(" ", "").replace("\n", "")
        if station:
            assert station in text and "未设置单位" not in text, name
        else:
            assert "（未设置单位）" in text, name
    database.close()
