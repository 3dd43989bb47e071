"""The benchmark runner's bookkeeping (the measures themselves need the scale database)."""

import json

import pytest

from bench.__main__ import MEASURES, QUICK, got_slower, main, previous_results


def _write(folder, name, results):
    (folder / name).write_text(json.dumps({"machine": {}, "results": results}))


def test_each_measure_is_compared_with_its_latest_earlier_result(tmp_path):
    _write(tmp_path, "20261101-090000.json", [{"name": "a", "ours_s": 1.0},
                                               {"name": "b", "ours_s": 2.0}])  # fmt: skip
    _write(tmp_path, "20261102-090000.json", [{"name": "a", "ours_s": 0.5}])  # --only a
    (tmp_path / "20261103-090000.json").write_text("{cut off")
    before = previous_results(tmp_path)
    assert {name: item["ours_s"] for name, item in before.items()} == {"a": 0.5, "b": 2.0}
    slower = got_slower([{"name": "a", "ours_s": 0.56}, {"name": "b", "ours_s": 2.1},
                         {"name": "new", "ours_s": 9.0}], before)  # fmt: skip
    assert slower == ["a: 0.56 s, was 0.5 s (+12%)"]


def test_the_quick_set_and_only_name_real_measures(capsys):
    import importlib.util

    assert set(QUICK) <= set(MEASURES)
    assert all(importlib.util.find_spec(f"bench.{name}") for name in MEASURES)
    with pytest.raises(SystemExit):
        main(["--only", "warnings,no_such_measure"])
    assert "no such measure: no_such_measure" in capsys.readouterr().err


def test_the_measures_that_write_leave_the_database_as_it_was(tmp_path, monkeypatch):
    """Search (its audit entries) and the briefings (their issues and audit entries) are
    measured as they run for the officer, and rolled back: the scale database is not
    changed by measuring it."""
    from datetime import date

    from bench import briefing, search
    from desktop.db.opening import open_database
    from desktop.demo import generate_demo

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    path = tmp_path / "demo.sqlite3"
    database = open_database(path)
    generate_demo(database, today=date(2026, 11, 25))
    database.close()

    def state() -> tuple:
        database = open_database(path, create=False)
        try:
            return database.query(
                "SELECT (SELECT count(*) FROM audit), (SELECT max(rowid) FROM audit),"
                " (SELECT count(*) FROM briefing_issues), (SELECT value FROM meta"
                " WHERE key = 'change_seq')"
            )[0][:]
        finally:
            database.close()

    search.measure(path, runs=1)  # the first brings the search indexes up to date: kept
    before = state()
    results = search.measure(path, runs=2)
    assert all(result["ours_s"] > 0 and result["detail"] for result in results)

    from desktop.db import parallel
    from desktop.reports import documents

    reading, read_both, in_transaction = documents.briefing_data, parallel.read_both, []

    def watched(database, first, second):
        in_transaction.append(database.conn.in_transaction)
        return read_both(database, first, second)

    monkeypatch.setattr(parallel, "read_both", watched)
    round_ = briefing.one_round(path)
    assert set(round_["times"]) == {"month_pdf", "month_docx", "year_pdf"}
    # each print read its data as the officer's does, on two connections at once
    assert in_transaction == [False, False, False]
    assert documents.briefing_data is reading  # the bench's hook is gone after the round
    assert state() == before
