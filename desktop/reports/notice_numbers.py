"""The document numbers of the notices the station issues: 〔2026〕第 N 号 for the dissuasion
notices (劝阻告知书), 劝返〔2026〕第 N 号 for the family notices of return persuasion (劝返告知书).

Numbers count per kind of notice, year and issuing unit, from 1. A notice takes its number the
first time it is printed and keeps it, with that day, for every reprint: the copy in the
station's files and the copy the resident (or the family) holds name the same document. One
notice a warning, one a person abroad, so each kind's numbers live in a table keyed by its
record (``notice_numbers``, ``return_notice_numbers``) rather than as a kind of record.
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
    prefix: str = ""  # the kind's mark before the year (劝返), none for the dissuasion notices

    @property
    def text(self) -> str:
        """〔2026〕第 3 号, 劝返〔2026〕第 3 号."""
        return f"{self.prefix}〔{self.year}〕第 {self.number} 号"


@dataclass(frozen=True)
class _Kind:
    table: str
    key: str  # the column of the record the notice is of
    prefix: str


_DISSUASION = _Kind("notice_numbers", "warning_id", "")
_RETURN = _Kind("return_notice_numbers", "case_id", "劝返")


def _number(database: Database, kind: _Kind, record_id: str, unit: str, day: date) -> NoticeNumber:
    with database.atomic():  # the read and the insert under one write lock: no number twice
        row = database.execute(
            f"SELECT unit, year, number, issued_on FROM {kind.table} WHERE {kind.key} = ?",
            (record_id,),
        ).fetchone()
        if row is not None:
            return NoticeNumber(
                row["unit"], row["year"], row["number"], date.fromisoformat(row["issued_on"]),
                kind.prefix,
            )  # fmt: skip
        last = database.scalar(
            f"SELECT max(number) FROM {kind.table} WHERE unit = ? AND year = ?", (unit, day.year)
        )
        given = NoticeNumber(unit, day.year, (last or 0) + 1, day, kind.prefix)
        database.execute(
            f"INSERT INTO {kind.table} ({kind.key}, unit, year, number, issued_on)"
            " VALUES (?, ?, ?, ?, ?)",
            (record_id, unit, given.year, given.number, day.isoformat()),
        )
        return given


def notice_number(database: Database, warning_id: str, unit: str, day: date) -> NoticeNumber:
    """The number of the warning's notice: the one it was first printed with, or else the
    unit's next of ``day``'s year, kept. Call it inside the unit of work that logs the print,
    so a notice that fails to print takes no number."""
    return _number(database, _DISSUASION, warning_id, unit, day)


def return_notice_number(database: Database, case_id: str, unit: str, day: date) -> NoticeNumber:
    """The number of the family notice of a person abroad, as ``notice_number`` gives a
    warning's, in its own series (劝返〔2026〕第 N 号)."""
    return _number(database, _RETURN, case_id, unit, day)
