"""The document numbers of the dissuasion notices (劝阻告知书): 〔2026〕第 N 号.

Numbers count per year and issuing unit, from 1. A warning's notice takes its number the first
time it is printed and keeps it, with that day, for every reprint: the copy in the station's
files and the copy the resident holds name the same document. One notice a warning, so the
numbers live in a table keyed by the warning (``notice_numbers``) rather than as a kind of record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.db.database import Database


@dataclass(frozen=True)
class NoticeNumber:
    unit: str
    year: int
    number: int
    issued_on: date  # the day it was first printed, printed under 告知单位（盖章）

    @property
    def text(self) -> str:
        """〔2026〕第 3 号."""
        return f"〔{self.year}〕第 {self.number} 号"


def notice_number(database: Database, warning_id: str, unit: str, day: date) -> NoticeNumber:
    """The number of the warning's notice: the one it was first printed with, or else the
    unit's next of ``day``'s year, kept. Call it inside the unit of work that logs the print,
    so a notice that fails to print takes no number."""
    with database.atomic():  # the read and the insert under one write lock: no number twice
        row = database.execute(
            "SELECT unit, year, number, issued_on FROM notice_numbers WHERE warning_id = ?",
            (warning_id,),
        ).fetchone()
        if row is not None:
            return NoticeNumber(
                row["unit"], row["year"], row["number"], date.fromisoformat(row["issued_on"])
            )
        last = database.scalar(
            "SELECT max(number) FROM notice_numbers WHERE unit = ? AND year = ?", (unit, day.year)
        )
        given = NoticeNumber(unit, day.year, (last or 0) + 1, day)
        database.execute(
            "INSERT INTO notice_numbers (warning_id, unit, year, number, issued_on)"
            " VALUES (?, ?, ?, ?, ?)",
            (warning_id, unit, given.year, given.number, day.isoformat()),
        )
        return given
