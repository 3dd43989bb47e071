"""The benchmark runner's bookkeeping (the measures themselves need the scale database)."""

import json

import pytest

from bench import demo_database, fingerprint, printed
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
    from desktop.domain.statistics import Period

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    path = tmp_path / "demo.sqlite3"
    database = open_database(path)
    generate_demo(database, today=date(2026, 11, 25))
    database.close()

    search.measure(path, runs=1)  # the first brings the search indexes up to date: kept
    before = fingerprint(path)
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
    # each print read its data as the officer's does, on two connections at once (the figures
    # inside it too, when their module was first imported here and bound the watched reader)
    assert len(in_transaction) >= 3 and not any(in_transaction)
    assert documents.briefing_data is reading  # the bench's hook is gone after the round
    assert fingerprint(path) == before

    # as the stall measure prints, with no rollback of its own: leaving rolls back
    database = open_database(path, create=False)
    try:
        with briefing.unsaved_prints(database, documents):
            documents.print_briefing(
                database, Period.month(2026, 10), tmp_path / "stall.pdf", area_id=None
            )
        assert not database.conn.in_transaction
    finally:
        database.close()
    assert (tmp_path / "stall.pdf").stat().st_size > 10_000
    assert documents.briefing_data is reading
    assert fingerprint(path) == before


def test_the_sign_in_sheet_is_printed_from_a_database_of_its_own(tmp_path):
    """Each print writes its audit entry: the command line's measure prints from a station's
    demo database made for it, never from the scale database it is given."""
    from bench import command_line

    path = tmp_path / "scale.sqlite3"
    demo_database(path)
    before = fingerprint(path)
    version, signin = command_line.measure(path, runs=1)
    assert version["ours_s"] > 0 and signin["ours_s"] > 0 and signin["baseline_s"] > 0
    assert fingerprint(path) == before


def test_a_measure_that_changes_the_database_is_named_and_fails_the_run(
    tmp_path, monkeypatch, capsys
):
    """The runner reads the database's fingerprint before and after each measure."""
    import bench.__main__ as runner
    from desktop.db import audit
    from desktop.db.opening import open_database
    from desktop.domain import search

    path = demo_database(tmp_path / "scale.sqlite3")
    database = open_database(path, create=False)
    assert search.pending(database)  # as a scale database is when it has just been made
    database.close()
    (tmp_path / "bench").mkdir()
    monkeypatch.setattr(runner, "HERE", tmp_path / "bench")  # its result file goes there

    def fake_child(module, db):
        database = open_database(db, create=False)
        try:
            if module == "bench.search":  # as the program's first search would
                search.refresh(database)
            if module == "bench.talks":  # writes, as a print or a logged search would
                with database.atomic():
                    audit.record(database, "print", "talks", "t1", "sign-in sheet")
            if module == "bench.ledgers":  # a setting alone
                with database.atomic():
                    database.set_meta("station_phone", "0778-0000000")
        finally:
            database.close()
        return [{"name": module, "ours_s": 0.1}]

    monkeypatch.setattr(runner, "_in_child", fake_child)
    assert main(["--db", str(path), "--only", "search,warnings,talks,ledgers"]) == 1
    printed = capsys.readouterr().out
    assert "CHANGED the scale database (a measure must leave it as it was): talks" in printed
    assert "CHANGED the scale database (a measure must leave it as it was): ledgers" in printed
    assert printed.count("CHANGED") == 2  # not search: the indexes were brought up to date first
    (written,) = (tmp_path / "bench" / "results").glob("*.json")
    flagged = {item["name"]: item.get("changed_the_database") for item in
               json.loads(written.read_text())["results"]}  # fmt: skip
    assert flagged == {"bench.search": None, "bench.warnings": None, "bench.talks": True,
                       "bench.ledgers": True}  # fmt: skip
    assert main(["--db", str(path), "--only", "warnings,search"]) == 0


def test_browsing_searches_find_no_suspect_and_write_nothing(tmp_path):
    """A search that finds persons abroad or card sellers is logged: the browsing session of
    the memory and closing measures searches what finds residents and warnings only."""
    from bench.responsiveness import BROWSING_SEARCHES
    from desktop.db.opening import open_database
    from desktop.domain import search

    path = demo_database(tmp_path / "demo.sqlite3")
    database = open_database(path, create=False)
    try:
        search.refresh(database)
        before = fingerprint(path)
        found = [search.search(database, text).hits for text in BROWSING_SEARCHES]
    finally:
        database.close()
    assert not any(hits["returns"] or hits["cards"] for hits in found)
    assert any(len(hits["residents"]) >= 10 and hits["warnings"] for hits in found)
    assert fingerprint(path) == before


def test_the_stall_runs_briefing_is_printed_on_a_worker_and_rolled_back(tmp_path):
    import threading

    from bench.responsiveness import unsaved_briefing

    path = demo_database(tmp_path / "demo.sqlite3")
    before = fingerprint(path)
    printed: list = []
    worker = threading.Thread(
        target=lambda: printed.append(unsaved_briefing(path, tmp_path / "b.pdf"))
    )
    worker.start()
    worker.join(120)
    assert printed and (tmp_path / "b.pdf").stat().st_size > 10_000
    assert fingerprint(path) == before


def test_making_the_scale_database_is_measured_in_five_pairs_taking_turns(monkeypatch):
    """Ours and the baseline each go first in every other pair; medians and minimums."""
    from bench import demo

    order: list[str] = []
    ours = iter([300.0, 200.0, 250.0, 220.0, 280.0])
    baseline = iter([400.0, 420.0, 380.0, 410.0, 390.0])

    def fake_ours(folder):
        order.append("ours")
        (folder / "ours.sqlite3").write_text("")
        return next(ours), {"warnings": 1, "contacts": 2, "talks": 3}

    def fake_baseline(folder):
        order.append("baseline")
        (folder / "baseline.sqlite3").write_text("")
        return next(baseline)

    monkeypatch.setattr(demo, "_ours", fake_ours)
    monkeypatch.setattr(demo, "_baseline", fake_baseline)
    (result,) = demo.measure(None)
    assert order == ["ours", "baseline", "baseline", "ours"] * 2 + ["ours", "baseline"]
    assert (result["ours_s"], result["ours_min_s"]) == (250.0, 200.0)
    assert (result["baseline_s"], result["baseline_min_s"]) == (400.0, 380.0)
    assert result["ratio"] == 0.62


def test_memory_and_stalls_are_measured_five_times_each(monkeypatch):
    """The bare and the browsing process take turns; each stall run's longest stall counts,
    and the median of the five is reported."""
    from bench import responsiveness

    mib = responsiveness.MIB
    order: list[str] = []
    ours = iter([150, 160, 170, 155, 165])
    bare = iter([90, 90, 92, 91, 90])

    def fake_rss(code, *args):
        order.append("ours" if args else "bare")
        return next(ours if args else bare) * mib

    stalls = iter([0.02, 0.05, 0.03, 0.09, 0.04])

    def fake_stall(_db_path):
        worst = next(stalls)
        return {"import": (worst, 4.0), "briefing": (0.01, 1.0), "backup": (0.005, 90.0)}

    monkeypatch.setattr(responsiveness, "_rss", fake_rss)
    monkeypatch.setattr(responsiveness, "_stall_run", fake_stall)
    memory, stall = responsiveness.measure(None)
    assert order == ["bare", "ours", "ours", "bare"] * 2 + ["bare", "ours"]
    assert memory["ours_s"] == 70.0 and memory["ours_min_s"] == 60.0  # of 60, 70, 78, 64, 75
    assert memory["detail"]["largest_mib"] == 78.0
    assert (stall["ours_s"], stall["ours_min_s"]) == (0.04, 0.02)
    assert stall["detail"]["largest_s"] == 0.09
    assert stall["detail"]["import"]["stall_s"] == [0.02, 0.05, 0.03, 0.09, 0.04]


def test_a_growth_measure_that_fails_is_kept_as_its_error_and_the_others_go_on(
    tmp_path, monkeypatch
):
    """Hours of measuring at one size are not lost to one measuring process that fails: its
    error (the end of its stderr) stands in its row."""
    from bench import growth

    path = tmp_path / "growth-1m.sqlite3"
    path.write_text("")
    monkeypatch.setattr(growth, "growth_path", lambda _millions: path)
    monkeypatch.setattr(growth, "build", lambda _millions: None)  # made before
    monkeypatch.setattr(growth, "_search_index_build", lambda _path: 60.0)
    monkeypatch.setattr(growth, "_merge", lambda _path: 70.0)

    def child(module, _db, _runs):
        if module == "bench.figures":
            return printed("import sys; sys.exit('figures: no such table')", tag="X")
        return [{"name": module, "ours_s": 0.1}]

    monkeypatch.setattr(growth, "_in_child", child)
    results = growth.measure_size(1, runs=1)
    by_name = {item["name"]: item for item in results}
    assert by_name["bench.figures"]["ours_s"] is None
    assert by_name["bench.figures"]["error"].endswith("figures: no such table")
    assert by_name["bench.warnings"]["ours_s"] == 0.1 and by_name["bench.search"]
    assert by_name["merge ten packages (100,000 warnings)"]["ours_s"] == 70.0
    assert all(item["size_millions"] == 1 for item in results)
