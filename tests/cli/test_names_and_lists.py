"""The command line takes the numbers and titles officers have: a warning's reference number,
a talk's title and day; `list` shows what there is to print, personal data masked."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.cli import main
from desktop.core.privacy import mask_name
from desktop.db.opening import open_database

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from desktop.demo import generate_demo

    path = tmp_path_factory.mktemp("names") / "demo.sqlite3"
    database = open_database(path)
    generate_demo(database, today=TODAY)
    database.close()
    return path


def _audit(path, action: str = "print") -> list[tuple[str, str]]:
    database = open_database(path)
    try:
        return [
            (row["row_id"], row["summary"])
            for row in database.query(
                "SELECT row_id, summary FROM audit WHERE action = ? ORDER BY seq", (action,)
            )
        ]
    finally:
        database.close()


def _one(path, sql: str, params: tuple = ()):
    database = open_database(path)
    try:
        return database.query(sql, params)[0]
    finally:
        database.close()


@pytest.mark.parametrize("document", ["notice", "case"])
def test_a_warning_is_printed_by_its_reference_number(demo, tmp_path, document):
    row = _one(demo, "SELECT id, reference_number FROM warnings ORDER BY received_at DESC")
    out = tmp_path / f"{document}.pdf"
    number = row["reference_number"].lower() if document == "case" else row["reference_number"]
    assert main(["--db", str(demo), "--lang", "en", "print", document, number, "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    assert _audit(demo)[-1][0] == row["id"]


def test_a_warning_is_still_printed_by_its_id(demo, tmp_path):
    warning_id = _one(demo, "SELECT id FROM warnings ORDER BY received_at")["id"]
    out = tmp_path / "case.pdf"
    assert main(["--db", str(demo), "print", "case", warning_id, "-o", str(out)]) == 0
    assert _audit(demo)[-1][0] == warning_id


def test_an_unknown_number_is_said_and_nothing_printed(demo, tmp_path, capsys):
    out = tmp_path / "case.pdf"
    argv = ["--db", str(demo), "--lang", "en", "print", "case", "YJ2099000001", "-o", str(out)]
    assert main(argv) == 1
    assert (
        "no warning with the record id or reference number “YJ2099000001”"
        in capsys.readouterr().err
    )
    assert not out.exists()


def test_a_number_two_warnings_share_lists_both_masked(tmp_path, demo, capsys):
    import shutil

    path = tmp_path / "copy.sqlite3"
    shutil.copy(demo, path)
    database = open_database(path)
    rows = database.query(
        "SELECT w.id, w.reference_number, r.name FROM warnings w"
        " JOIN residents r ON r.id = w.resident_id ORDER BY w.received_at LIMIT 2"
    )
    with database.atomic():  # as two laptops' merged data can hold it
        database.execute(
            "UPDATE warnings SET reference_number = ? WHERE id = ?",
            (rows[0]["reference_number"], rows[1]["id"]),
        )
    database.close()
    out = tmp_path / "case.pdf"
    argv = ["--db", str(path), "--lang", "en", "print", "case", rows[0]["reference_number"]]
    assert main([*argv, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    number = rows[0]["reference_number"]
    assert f"More than one warning has the reference number “{number}”" in err
    for row in rows:
        assert row["id"] in err
        assert mask_name(row["name"]) in err
        assert row["name"] not in err
    assert not out.exists()


def test_a_talk_is_printed_by_its_title_and_day(demo, tmp_path):
    row = _one(
        demo,
        "SELECT id, title, substr(starts_at, 1, 10) AS day FROM talks WHERE title IN"
        " (SELECT title FROM talks GROUP BY title HAVING count(*) > 1) ORDER BY starts_at",
    )
    out = tmp_path / "signin.pdf"
    argv = ["--db", str(demo), "print", "signin", row["title"], "--date", row["day"]]
    assert main([*argv, "-o", str(out)]) == 0
    assert _audit(demo)[-1][0] == row["id"]


def test_a_title_used_twice_lists_the_talks(demo, tmp_path, capsys):
    twice = "SELECT title FROM talks GROUP BY title HAVING count(*) BETWEEN 2 AND 5"
    title = _one(demo, twice)["title"]
    database = open_database(demo)
    ids = [row["id"] for row in database.query("SELECT id FROM talks WHERE title = ?", (title,))]
    database.close()
    out = tmp_path / "signin.pdf"
    argv = ["--db", str(demo), "--lang", "en", "print", "signin", title, "-o", str(out)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"{len(ids)} talks match “{title}”; give the day (--date)" in err
    assert all(talk_id in err for talk_id in ids)
    assert not out.exists()


def test_a_title_on_a_day_without_it_is_said(demo, tmp_path, capsys):
    title = _one(demo, "SELECT title FROM talks ORDER BY starts_at")["title"]
    argv = ["--db", str(demo), "--lang", "en", "print", "signin", title, "--date", "2001-01-01"]
    assert main([*argv, "-o", str(tmp_path / "s.pdf")]) == 1
    assert f"There is no talk called “{title}” on 2001-01-01." in capsys.readouterr().err


def test_list_warnings_shows_the_open_ones_masked(demo, capsys):
    assert main(["--db", str(demo), "--lang", "en", "list", "warnings", "--open"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = ["id", "reference number", "received", "level", "status", "resident"]
    assert lines[0].split("\t") == header
    database = open_database(demo)
    opened = database.query(
        "SELECT w.id, w.reference_number, r.name FROM warnings w"
        " JOIN residents r ON r.id = w.resident_id"
        " WHERE w.status != 'closed' AND w.station = '' ORDER BY w.received_at, w.id"
    )
    database.close()
    assert opened
    assert [line.split("\t")[0] for line in lines[1:]] == [row["id"] for row in opened]
    for line, row in zip(lines[1:], opened, strict=True):
        cells = line.split("\t")
        assert cells[1] == row["reference_number"]
        assert cells[5] == mask_name(row["name"]) and row["name"] not in line


def test_list_warnings_of_a_period(demo, capsys):
    argv = ["--db", str(demo), "list", "warnings", "--from", "2026-11-20", "--to", "2026-11-21"]
    assert main(argv) == 0
    days = {line.split("\t")[2][:10] for line in capsys.readouterr().out.splitlines()[1:]}
    assert days == {"2026-11-20", "2026-11-21"}


def test_list_talks_of_a_period_still_to_be_held(demo, capsys):
    argv = ["--db", str(demo), "--lang", "en", "list", "talks", "--open",
            "--from", "2026-11-25", "--to", "2026-12-31"]  # fmt: skip
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["id", "starts", "title", "venue"]
    database = open_database(demo)
    expected = database.query(
        "SELECT id, title, venue FROM talks WHERE starts_at >= '2026-11-25'"
        " AND starts_at < '2027-01-01' AND status IN ('planned', 'confirmed', 'postponed')"
        " ORDER BY starts_at, title"
    )
    database.close()
    assert expected
    assert [tuple(line.split("\t")[::2]) for line in lines[1:]] == [
        (row["id"], row["title"]) for row in expected
    ]


def test_list_says_when_nothing_matches(demo, capsys):
    argv = ["--db", str(demo), "--lang", "en", "list", "talks", "--from", "2001-01-01",
            "--to", "2001-01-31"]  # fmt: skip
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == "Nothing on record matches."
