"""Times are the station's (China time), whatever zone the laptop's clock is set to: the same
scenarios run with the laptop in UTC, Asia/Shanghai and America/New_York and must store,
print and export the same moments."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from desktop.domain import talks as talk_store
from desktop.domain import warnings as warning_store

CHINA = timezone(timedelta(hours=8))
LAPTOP_ZONES = ("UTC", "Asia/Shanghai", "America/New_York")


@pytest.fixture(params=LAPTOP_ZONES)
def laptop_zone(request):
    """The operating system's zone (TZ) for one test, restored afterwards."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def _stored_starts(db) -> list[str]:
    return [row[0] for row in db.execute("SELECT starts_at FROM talks ORDER BY starts_at")]


def test_the_laptop_zone_really_changes(laptop_zone):
    """The fixture does what the other tests rely on: the machine's zone moves."""
    offset = datetime(2026, 1, 15, 12, 0).astimezone().utcoffset()
    assert offset == {"UTC": timedelta(0), "Asia/Shanghai": timedelta(hours=8),
                      "America/New_York": timedelta(hours=-5)}[laptop_zone]  # fmt: skip


def test_a_talk_typed_at_nine_is_stored_and_printed_at_nine(laptop_zone, db, qtbot, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtCore import QDate, QTime

    from desktop.reports.documents import print_schedule, print_signin_sheet
    from desktop.ui.talks.editor import TalkDialog

    dialog = TalkDialog(db, None, day=date(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.title.setText("反诈宣传进社区")
    dialog.day.setDate(QDate(2026, 11, 25))
    dialog.start.setTime(QTime(9, 0))
    dialog.end.setTime(QTime(10, 30))
    dialog.venue.setText("新建社区活动室")
    assert dialog.save(), dialog.error.text()
    assert _stored_starts(db) == ["2026-11-25T09:00:00+08:00"]

    again = TalkDialog(db, None, talk=talk_store.load_talk(db, dialog.saved_id))
    qtbot.addWidget(again)
    assert again.start.time() == QTime(9, 0)  # the form shows it as typed

    sheet, schedule = tmp_path / "signin.pdf", tmp_path / "schedule.pdf"
    print_signin_sheet(db, dialog.saved_id, sheet)
    print_schedule(db, date(2026, 11, 25), date(2026, 11, 25), schedule)
    for pdf in (sheet, schedule):
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "09:00" in text and "10:30" in text, pdf.name
        assert "17:00" not in text and "22:00" not in text and "01:00" not in text


def test_a_warning_received_half_an_hour_ago_is_accepted(laptop_zone, db):
    now = datetime.now(CHINA).replace(microsecond=0)
    typed = (now - timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M:%S")  # the station's clock
    warning_id = warning_store.intake(
        db,
        {"name": "王秀英", "mobile": "13800138000", "source": "platform", "level": "high",
         "received_at": typed},
    )  # fmt: skip
    stored = db.scalar("SELECT received_at FROM warnings WHERE id = ?", (warning_id,))
    assert stored == (now - timedelta(minutes=30)).isoformat()
    assert stored.endswith("+08:00")


def test_a_warning_typed_in_the_form_keeps_the_station_clock(laptop_zone, db, qtbot):
    from PySide6.QtCore import QDateTime

    from desktop.ui.warnings.intake import IntakeDialog

    dialog = IntakeDialog(db, None)
    qtbot.addWidget(dialog)
    shown = dialog.received.dateTime().toPython()
    assert abs(shown - datetime.now(CHINA).replace(tzinfo=None)) < timedelta(minutes=1)
    half_an_hour_ago = datetime.now(CHINA).replace(second=0, microsecond=0) - timedelta(minutes=30)
    dialog.received.setDateTime(QDateTime(half_an_hour_ago.replace(tzinfo=None)))
    dialog.name.setText("王秀英")
    dialog.mobile.setText("13800138000")
    assert dialog.save(), dialog.error.text()
    stored = db.scalar("SELECT received_at FROM warnings WHERE id = ?", (dialog.saved_id,))
    assert stored == half_an_hour_ago.isoformat()


def _talk_list(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    for row in (
        ["活动名称", "日期", "时间", "地点"],
        ["反诈宣传进社区", "2026-12-03", "09:00-10:30", "新建社区活动室"],
        ["反诈宣传进校园", "2026-12-31", "23:30", "金城江中学"],
    ):
        workbook.active.append(row)
    path = tmp_path / "talks.xlsx"
    workbook.save(path)
    return path


def test_an_imported_talk_list_and_its_calendar_export_are_the_same_in_every_zone(
    laptop_zone, db, tmp_path
):
    from icalendar import Calendar

    from desktop.exchange.exporting import export_ics
    from desktop.exchange.importing import import_file

    report = import_file(db, "talks", _talk_list(tmp_path))
    assert report.written, [(e.row, e.column, e.render()) for e in report.errors]
    assert _stored_starts(db) == ["2026-12-03T09:00:00+08:00", "2026-12-31T23:30:00+08:00"]

    out = tmp_path / "talks.ics"
    assert export_ics(db, date(2026, 12, 1), date(2026, 12, 31), out) == 2
    events = sorted(
        Calendar.from_ical(out.read_bytes()).walk("VEVENT"), key=lambda e: e["dtstart"].dt
    )
    starts = [event["dtstart"].dt for event in events]
    assert [start.astimezone(UTC) for start in starts] == [
        datetime(2026, 12, 3, 1, 0, tzinfo=UTC),
        datetime(2026, 12, 31, 15, 30, tzinfo=UTC),
    ]
    assert all(str(start.tzinfo) == "Asia/Shanghai" for start in starts)
    assert b"TZID=Asia/Shanghai" in out.read_bytes()


def test_months_and_days_are_the_stations(laptop_zone, db):
    """A warning at 23:30 on 31 October (station time) belongs to October, and a follow-up is
    due on the station's day, whichever zone the laptop keeps."""
    from desktop.domain import statistics

    received = datetime(2026, 10, 31, 23, 30, tzinfo=CHINA)
    warning_id = warning_store.intake(
        db,
        {"name": "黄德明", "mobile": "13700001111", "source": "bank", "level": "low",
         "received_at": "2026-10-31 23:30"},
        now=received + timedelta(minutes=10),
    )  # fmt: skip
    warning_store.close_warning(
        db, warning_id, outcome="dissuaded", despite=("no_contact",),
        now=received.astimezone(UTC) + timedelta(minutes=5),
    )  # fmt: skip
    october = statistics.Period.month(2026, 10)
    assert [row["warnings_received"] for row in statistics.monthly_trend(db, october)] == [1]
    due = db.scalar("SELECT min(due_on) FROM follow_ups WHERE warning_id = ?", (warning_id,))
    assert due == "2026-11-01"  # a day after 31 October 23:35 in China, not after 15:35 UTC


def test_a_backup_is_named_in_station_time_and_kept(laptop_zone, db, tmp_path):
    """A backup named by the laptop's clock sorted before one made earlier under another zone,
    and the daily rotation deleted the copy just made."""
    from desktop.core import clock
    from desktop.db import backups

    folder = tmp_path / "backups"
    first = backups.backup_now(db, folder)
    second = backups.backup_now(db, folder, tag="again")
    assert first.exists() and second.exists()
    stamp = clock.now().strftime("%Y%m%d-%H")
    assert first.name.startswith(f"backup-{stamp}"), (first.name, stamp)
    assert db.get_meta(backups.META_LAST_BACKUP).endswith("+08:00")
