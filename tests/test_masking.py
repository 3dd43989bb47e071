"""Masked by default, everywhere: the text of every printout and every export holds no
18-digit ID number and no 11-digit mobile, on a demo database full of both."""

import re
from datetime import date

import pytest

from desktop.cli import main
from desktop.db.opening import open_database

ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from desktop.demo import generate_demo

    path = tmp_path_factory.mktemp("masking") / "demo.sqlite3"
    database = open_database(path)
    generate_demo(database, today=date(2026, 11, 25))
    ids = {
        "talk": database.scalar("SELECT id FROM talks ORDER BY starts_at DESC"),
        "warning": database.scalar(
            "SELECT w.id FROM warnings w JOIN residents r ON r.id = w.resident_id"
            " WHERE r.id_number IS NOT NULL AND w.status = 'closed' ORDER BY w.received_at DESC"
        ),
    }
    assert database.scalar("SELECT count(*) FROM residents WHERE id_number IS NOT NULL") > 100
    database.close()
    return path, ids


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(path).pages)


def _xlsx_text(path) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        return " ".join(
            str(value) for sheet in workbook for row in sheet.iter_rows(values_only=True)
            for value in row if value is not None
        )  # fmt: skip
    finally:
        workbook.close()


def test_no_printout_or_export_reveals_an_id_number_or_a_mobile(demo, tmp_path, capsys):
    path, ids = demo
    base = ["--db", str(path), "--lang", "en"]
    period = ["--from", "2026-10-01", "--to", "2026-11-30"]
    outputs = {
        "signin.pdf": ["print", "signin", ids["talk"]],
        "handout.pdf": ["print", "handout", "--talk", ids["talk"]],
        "schedule.pdf": ["print", "schedule", *period],
        "notice.pdf": ["print", "notice", ids["warning"]],
        "case.pdf": ["print", "case", ids["warning"]],
        "visit-form.pdf": ["print", "visit-form"],
        "briefing.pdf": ["print", "briefing", *period],
        "talks.ics": ["export", "ics", *period],
        "figures.xlsx": ["export", "xlsx", *period],
    }
    texts = {}
    for name, argv in outputs.items():
        out = tmp_path / name
        assert main([*base, *argv, "-o", str(out)]) == 0, name
        if name.endswith(".pdf"):
            texts[name] = _pdf_text(out)
        elif name.endswith(".xlsx"):
            texts[name] = _xlsx_text(out)
        else:
            texts[name] = out.read_text(encoding="utf-8")
    assert main([*base, "stats", *period, "--json"]) == 0
    texts["stats"] = capsys.readouterr().out
    from desktop.db import audit

    database = open_database(path)
    audit.export_csv(database, tmp_path / "audit.csv")
    database.close()
    texts["audit.csv"] = (tmp_path / "audit.csv").read_text(encoding="utf-8-sig")
    for name, text in texts.items():
        # Hashes and record ids are hexadecimal: their digit runs are not phone numbers.
        text = re.sub(r"[0-9a-f]{64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                      " ", text)  # fmt: skip
        flat = re.sub(r"\s+", "", text)
        assert not ID_NUMBER.search(flat), f"{name}: {ID_NUMBER.search(flat).group()}"
        assert not MOBILE.search(flat), f"{name}: {MOBILE.search(flat).group()}"
    assert "****" in texts["case.pdf"] and "****" in texts["figures.xlsx"]  # masked, not absent


def test_the_full_values_come_only_on_request_and_are_logged(demo, tmp_path):
    path, ids = demo
    out = tmp_path / "case-full.pdf"
    argv = ["--db", str(path), "--lang", "en", "print", "case", ids["warning"], "--full",
            "--reason", "上门复核需要完整信息"]  # fmt: skip
    assert main([*argv, "-o", str(out)]) == 0
    assert ID_NUMBER.search(re.sub(r"\s+", "", _pdf_text(out)))
    database = open_database(path)
    assert (
        database.scalar(
            "SELECT count(*) FROM audit WHERE action = 'reveal' AND row_id = ?"
            " AND summary LIKE '%上门复核需要完整信息%'",
            (ids["warning"],),
        )
        == 1
    )
    database.close()
