"""The issues of the work briefing kept in the database, and the station's paper settings for it.

An issue is saved when it is first printed (or its text saved): it takes the next number of its
issuing unit's year (第 N 期) and keeps its period, area, the laptops it is of (a station's or
one laptop's records, on a county's merged data) and the officer's text of every section, so printing it again gives the same paper word for word. A period not yet saved is
composed afresh from the figures (``briefing_text``).

Issues are the issuing unit's own: their numbers say how many this unit has put out this year,
which no other laptop can know. They live in ``briefing_issues`` (not a record kind), and never
travel in exchange packages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date

from desktop.core import clock
from desktop.core.limits import PLACE, TITLE, TextLimit, check_text
from desktop.db import audit
from desktop.db.database import META_STATION_NAME, Database
from desktop.reports.briefing_issue import BriefingIssue, Distribution, Paragraph, Section

DEFAULT_NAME = "反诈工作简报"

# The station's paper settings of the briefing (Settings), kept with the data in ``meta``.
META_NAME = "briefing_name"  # empty: DEFAULT_NAME
META_UNIT = "briefing_unit"  # empty: the station's name
META_REPORT_TO = "briefing_report_to"  # 报
META_COPY_TO = "briefing_copy_to"  # 送
META_SEND_TO = "briefing_send_to"  # 发
META_COPIES = "briefing_copies"  # 共印 N 份

PARAGRAPH = TextLimit(5_000)  # one paragraph of a briefing: a line of text, never a file
COPIES_LIMIT = 9_999  # the most copies Settings offers

# A paragraph's lead as briefings write it: （一）强化宣传发动。 (the Kai-face sentence).
LEAD = re.compile(r"^(（[一二三四五六七八九十]+）[^。]*。)(.*)$", re.DOTALL)
# What no paragraph may begin with (it would begin a printed line).
OPENING_PUNCTUATION = "，。；：、）》」』！？,.;:!?)"


@dataclass(frozen=True)
class BriefingSettings:
    """As stored: ``name`` and ``unit`` empty mean their defaults (``issuing``)."""

    name: str = ""
    unit: str = ""
    distribution: Distribution = Distribution()


def briefing_settings(database: Database) -> BriefingSettings:
    copies = database.get_meta(META_COPIES) or ""
    return BriefingSettings(
        name=database.get_meta(META_NAME) or "",
        unit=database.get_meta(META_UNIT) or "",
        distribution=Distribution(
            report_to=database.get_meta(META_REPORT_TO) or "",
            copy_to=database.get_meta(META_COPY_TO) or "",
            send_to=database.get_meta(META_SEND_TO) or "",
            copies=int(copies) if copies.isdigit() else 0,
        ),
    )


def issuing(database: Database) -> tuple[str, str]:
    """(the briefing's name, the issuing unit) as the header block prints them."""
    chosen = briefing_settings(database)
    return chosen.name or DEFAULT_NAME, chosen.unit or database.get_meta(META_STATION_NAME) or ""


def checked_settings(chosen: BriefingSettings) -> BriefingSettings:
    """The settings with their text checked (``ValidationError`` naming the field)."""
    lines = chosen.distribution
    return BriefingSettings(
        name=check_text(chosen.name.strip(), TITLE, field="briefing_name"),
        unit=check_text(chosen.unit.strip(), PLACE, field="briefing_unit"),
        distribution=Distribution(
            report_to=check_text(lines.report_to.strip(), PLACE, field="report_to"),
            copy_to=check_text(lines.copy_to.strip(), PLACE, field="copy_to"),
            send_to=check_text(lines.send_to.strip(), PLACE, field="send_to"),
            copies=lines.copies,
        ),
    )


def set_briefing_settings(database: Database, chosen: BriefingSettings) -> bool:
    """Keep the settings (checked); returns whether anything changed. The caller's unit of work
    writes the audit log's "settings" entry."""
    chosen = checked_settings(chosen)
    lines = chosen.distribution
    values = {
        META_NAME: chosen.name, META_UNIT: chosen.unit, META_REPORT_TO: lines.report_to,
        META_COPY_TO: lines.copy_to, META_SEND_TO: lines.send_to,
        META_COPIES: str(lines.copies) if lines.copies else "",
    }  # fmt: skip
    changed = {
        key: value for key, value in values.items() if (database.get_meta(key) or "") != value
    }
    with database.atomic():
        for key, value in changed.items():
            database.set_meta(key, value)
    return bool(changed)


# -- the text as the officer edits it ----------------------------------------------------------


def paragraph_of(line: str) -> Paragraph:
    """A paragraph from a line as typed: a leading （一）…。 is its lead; what no printed line may
    begin with (，；…) and surrounding spaces are dropped from its start."""
    line = line.strip().lstrip(OPENING_PUNCTUATION + " \u3000")
    found = LEAD.match(line)
    if found:
        return Paragraph(found.group(2).strip(), lead=found.group(1))
    return Paragraph(line)


def line_of(paragraph: Paragraph) -> str:
    """The paragraph as one line to edit (its lead first)."""
    return paragraph.lead + paragraph.text


def sections_from_lines(issue: BriefingIssue, texts: dict[str, str]) -> tuple[Section, ...]:
    """The issue's sections with the officer's text (``texts``: section key → one paragraph a
    line; blank lines are dropped). Sections not in ``texts`` stay as they are."""
    return tuple(
        replace(
            section,
            paragraphs=tuple(
                paragraph_of(line) for line in texts[section.key].splitlines() if line.strip()
            ),
        )
        if section.key in texts
        else section
        for section in issue.sections
    )


def check_issue_text(issue: BriefingIssue) -> BriefingIssue:
    """The issue with its editable text checked (``ValidationError`` naming the section)."""
    title = check_text(issue.title.strip(), TITLE, field="title")
    for section in issue.sections:
        for paragraph in section.paragraphs:
            check_text(paragraph.lead + paragraph.text, PARAGRAPH, field=section.key)
    return replace(issue, title=title)


# -- kept issues -------------------------------------------------------------------------------


def _content(issue: BriefingIssue) -> str:
    lines = issue.distribution
    return json.dumps(
        {
            "name": issue.name,
            "title": issue.title,
            "sections": [
                {
                    "key": section.key,
                    "heading": section.heading,
                    "paragraphs": [
                        {"lead": paragraph.lead, "text": paragraph.text}
                        for paragraph in section.paragraphs
                    ],
                }
                for section in issue.sections
            ],
            "distribution": {
                "report_to": lines.report_to, "copy_to": lines.copy_to,
                "send_to": lines.send_to, "copies": lines.copies,
            },
        },
        ensure_ascii=False,
    )  # fmt: skip


def _issue(row) -> BriefingIssue:
    content = json.loads(row["content"])
    return BriefingIssue(
        name=content["name"],
        year=row["year"],
        number=row["number"],
        unit=row["unit"],
        issued_on=date.fromisoformat(row["issued_on"]),
        title=content["title"],
        sections=tuple(
            Section(
                key=section["key"],
                heading=section["heading"],
                paragraphs=tuple(
                    Paragraph(paragraph["text"], lead=paragraph["lead"])
                    for paragraph in section["paragraphs"]
                ),
            )
            for section in content["sections"]
        ),
        distribution=Distribution(**content["distribution"]),
    )


def laptops_key(laptops: tuple[str, str] | None) -> str:
    """How an issue names the laptops it is of: "station:NAME", "device:ID", "" for all."""
    return "" if laptops is None else f"{laptops[0]}:{laptops[1]}"


def saved_issue(
    database: Database,
    unit: str,
    period,
    area_id: str | None,
    laptops: tuple[str, str] | None = None,
) -> BriefingIssue | None:
    """The issue this unit saved for the period and area (of ``laptops``' records: ("station",
    NAME) or ("device", ID); None, of every laptop's), as saved; None when there is none."""
    row = database.execute(
        "SELECT * FROM briefing_issues WHERE unit = ? AND period_start = ? AND period_end = ?"
        " AND area_id = ? AND laptops = ?",
        (unit, period.start.isoformat(), period.end.isoformat(), area_id or "",
         laptops_key(laptops)),
    ).fetchone()  # fmt: skip
    return None if row is None else _issue(row)


def next_number(database: Database, unit: str, year: int) -> int:
    """The number the unit's next issue of ``year`` takes (1 for the year's first)."""
    last = database.scalar(
        "SELECT max(number) FROM briefing_issues WHERE unit = ? AND year = ?", (unit, year)
    )
    return (last or 0) + 1


def save_issue(
    database: Database,
    period,
    area_id: str | None,
    issue: BriefingIssue,
    *,
    today=None,
    laptops: tuple[str, str] | None = None,
) -> BriefingIssue:
    """Keep ``issue`` as the text of its unit's issue for the period and area (and ``laptops``,
    as ``saved_issue``), and return it as kept. An issue already saved keeps its number, year
    and date (only its text changes); a new one is dated ``today`` (the station's) and takes
    the next number of that year."""
    issue = check_issue_text(issue)
    with database.atomic():
        kept = saved_issue(database, issue.unit, period, area_id, laptops)
        if kept is not None:
            issue = replace(issue, year=kept.year, number=kept.number, issued_on=kept.issued_on)
            database.execute(
                "UPDATE briefing_issues SET content = ?, saved_at = ?"
                " WHERE unit = ? AND year = ? AND number = ?",
                (_content(issue), clock.now_iso(), issue.unit, issue.year, issue.number),
            )
            action = "update"
        else:
            day = today or clock.today()
            issue = replace(
                issue,
                year=day.year,
                number=next_number(database, issue.unit, day.year),
                issued_on=day,
            )
            database.execute(
                "INSERT INTO briefing_issues (unit, year, number, period_start, period_end,"
                " area_id, laptops, issued_on, content, saved_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (issue.unit, issue.year, issue.number, period.start.isoformat(),
                 period.end.isoformat(), area_id or "", laptops_key(laptops), day.isoformat(),
                 _content(issue), clock.now_iso()),
            )  # fmt: skip
            action = "create"
        audit.record(
            database, action, "briefing_issues", f"{issue.year}-{issue.number}",
            f"text of the briefing's issue {issue.year} No. {issue.number} ({issue.unit or '-'}),"
            f" {period.start.isoformat()}..{period.end.isoformat()}"
            + (f", {laptops_key(laptops)}" if laptops else ""),
        )  # fmt: skip
    return issue
