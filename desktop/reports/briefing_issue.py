"""One issue of the work briefing (工作简报) as text: what is composed from the figures, what
the officer edits, what is saved with the issue number and what the PDF and the .docx print.

The builders (PDF and .docx) read only this and the annexes' data (``BriefingData``); the text
is composed elsewhere, so an issue reprints identically from what was saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# The body's sections in the order Chinese offices write them; keys are stable (saved edits
# refer to them), headings are what prints.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("work", "一、工作开展情况"),
    ("results", "二、主要成效"),
    ("problems", "三、存在问题"),
    ("next", "四、下步工作"),
)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body: an optional lead (（一）…。, set in the Kai face) and its text."""

    text: str
    lead: str = ""


@dataclass(frozen=True)
class Section:
    """One numbered section (``key`` one of ``SECTIONS``), or the opening (``key`` "opening",
    no heading)."""

    key: str
    heading: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Distribution:
    """The distribution block (版记): 报 / 送 / 发 lines (empty ones are left out) and copies."""

    report_to: str = ""
    copy_to: str = ""
    send_to: str = ""
    copies: int = 0  # 共印 N 份; 0 leaves the line out


@dataclass(frozen=True)
class BriefingIssue:
    """The text of one issue: header block, title, opening and sections, distribution."""

    name: str  # the briefing's name in the header block, e.g. 反诈工作简报
    year: int
    number: int  # 第 N 期, per year and issuing unit
    unit: str  # the issuing unit
    issued_on: date
    title: str
    sections: tuple[Section, ...]  # the opening first, then SECTIONS in order
    annex_titles: tuple[str, ...] = ()  # 附件 1, 2, 3 as listed after the body
    distribution: Distribution = field(default_factory=Distribution)
