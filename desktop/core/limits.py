"""How much text each field of each record may hold, and which characters it may contain.

One table serves every way in — the forms, the imports, the merges of packages from other
laptops and the demo — because every record is written through ``db.records`` and every
package is checked with ``sync.checked_incoming`` before anything of it is written. A name is
one line of at most 50 characters whether it was typed, read from a spreadsheet or arrived in
a package.

Control characters are refused rather than removed: a BEL or ESC in a name, or a line break in
a reference number, is a sign that the text was not what it seems (and they would reach the
.ics calendar and the printouts). Notes and reasons may hold line breaks and tabs.
"""

from __future__ import annotations

import reprlib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.core.catalogue import FRAUD_TYPES
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError


@dataclass(frozen=True)
class TextLimit:
    """At most ``chars`` characters; ``multiline`` text may hold line breaks and tabs."""

    chars: int
    multiline: bool = False


# The kinds of text, with room for the longest real value seen in county lists.
NAME = TextLimit(50)  # a person's name, with room for minority and foreign names
ORGANISATION = TextLimit(100)  # a school, enterprise or bank outlet; an area's name
CODE = TextLimit(64)  # reference, badge and area codes; phone numbers; identifiers
TITLE = TextLimit(200)  # a talk's title
PLACE = TextLimit(300)  # venues, addresses, units, stations, audiences, co-organisers
NOTE = TextLimit(20_000, multiline=True)  # notes and results: pages of text, never a file
REASON = TextLimit(2_000, multiline=True)  # the reason of a hand-over
LIST = TextLimit(20_000)  # a JSON list or map kept in one column (topics, tags, versions)
TAG = TextLimit(20)  # one of a resident's tags, as the officer words it
PATH = TextLimit(260)  # a file's path inside the data folder (Windows' classic limit)

# Every text column a record may carry, by table. Columns not named here are checked by their
# own rules (dates, amounts, codes from a catalogue, references to other records).
FIELD_LIMITS: dict[str, dict[str, TextLimit]] = {
    "areas": {"name": ORGANISATION, "code": CODE},
    "officers": {"name": NAME, "badge_number": CODE, "unit": PLACE, "phone": CODE},
    "partners": {"name": ORGANISATION, "contact_name": NAME, "phone": CODE, "address": PLACE},
    "talks": {
        "title": TITLE, "venue": PLACE, "audience": PLACE, "topics": LIST,
        "co_organisers": PLACE, "partner": PLACE, "notes": NOTE, "handouts_by_kind": LIST,
    },
    "talk_officers": {},
    "attachments": {"kind": CODE, "path": PATH, "sha256": CODE, "caption": PLACE},
    "residents": {
        "name": NAME, "mobile": CODE, "id_number": CODE, "address": PLACE, "tags": LIST,
    },
    "warnings": {
        "reference_number": CODE, "fraud_type": CODE, "station": PLACE, "notes": NOTE,
        "closed_despite": CODE,
    },
    "contacts": {"notes": NOTE},
    "transfers": {"from_station": PLACE, "to_station": PLACE, "reason": REASON},
    "follow_ups": {"result": NOTE},
    "campaigns": {"notes": NOTE},
    "return_cases": {
        "location": ORGANISATION, "list_name": TITLE, "port_of_entry": ORGANISATION,
        "family_name": NAME, "family_relation": TAG, "family_phone": CODE,
        "county_leader": NAME, "county_leader_phone": CODE, "township_leader": NAME,
        "township_leader_phone": CODE, "village_secretary": NAME,
        "village_secretary_phone": CODE, "notes": NOTE,
    },
    "return_contacts": {"notes": NOTE},
    "card_sellers": {
        "reference_number": CODE, "issuer": ORGANISATION, "outlet": ORGANISATION,
        "restricted_to": ORGANISATION, "handed_over_to": ORGANISATION, "close_reason": REASON,
        "notes": NOTE,
    },
    "card_interviews": {"notes": NOTE},
    "community_visits": {"building": ORGANISATION, "grid_worker": NAME, "notes": NOTE},
    "fraud_free_evidence": {"criterion": CODE, "note": NOTE},
    "fraud_free_steps": {"awarded_by": ORGANISATION, "reason": REASON},
}  # fmt: skip

# Columns every record has whose text is made by programs, not people: still bounded, so a
# package cannot carry a megabyte in an id.
COMMON_LIMITS: dict[str, TextLimit] = {
    "id": CODE, "created_at": CODE, "updated_at": CODE, "deleted_at": CODE, "device_id": CODE,
    "origin_device": CODE, "versions": LIST,
}  # fmt: skip

TOO_LONG = QT_TRANSLATE_NOOP(
    "Validation",
    "The text is {length} characters long; at most {limit} fit here. Shorten it and try again.",
)
CONTROL_CHARACTER = QT_TRANSLATE_NOOP(
    "Validation",
    "The text holds an invisible control character ({code}) at position {position}. Type the text again or remove the character.",
)
LINE_BREAK = QT_TRANSLATE_NOOP(
    "Validation",
    "The text holds a line break at position {position}; this field is one line. Remove the line break.",
)
NOT_TEXT = QT_TRANSLATE_NOOP("Validation", "The value {value} is not text.")

# Bidirectional overrides make a name read differently from what it holds ("spoofing").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _refused(character: str, multiline: bool) -> bool:
    if character in "\n\t":
        return not multiline
    if character in _BIDI_CONTROLS:
        return True
    # Cc: C0/C1 controls and DEL (NUL, BEL, ESC, CR …); Cs: lone surrogates, which no file
    # encoding can hold.
    return unicodedata.category(character) in ("Cc", "Cs")


QUERY_CHARS = 200  # a query longer than this is no one's search: the rest is dropped


def one_line_query(value: Any) -> str:
    """What someone typed or pasted to look something up, as one line of visible text: tabs and
    line breaks become spaces and runs of spaces one; control and invisible format characters
    (NUL, zero-width spaces, direction marks) are dropped, so a name pasted with them is still
    found; at most QUERY_CHARS characters. A query is not kept as a record, so it is cleaned
    rather than refused."""
    text = str(value)[: QUERY_CHARS * 4]
    if not text.isprintable():
        text = "".join(
            " " if c in "\t\n\r\x0b\x0c" else c
            for c in text
            if c in "\t\n\r\x0b\x0c" or unicodedata.category(c) not in ("Cc", "Cf", "Cs")
        )
    return " ".join(text.split())[:QUERY_CHARS]


def check_text(value: Any, limit: TextLimit, *, field: str = "") -> Any:
    """``value`` unchanged when it is None or a text within ``limit``, with Windows line breaks
    made plain in multi-line text; otherwise a ``ValidationError`` naming ``field``."""
    if value is None:
        return None
    if not isinstance(value, str):
        # Shortened before it is copied: a 200 MB blob in a text column costs nothing here.
        if isinstance(value, bytes | bytearray | memoryview):
            shown = repr(bytes(value[:20])) + ("…" if len(value) > 20 else "")
        else:
            shown = reprlib.repr(value)
        raise ValidationError(NOT_TEXT, field=field, value=shown)
    if limit.multiline and "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if len(value) > limit.chars:
        raise ValidationError(TOO_LONG, field=field, length=f"{len(value):,}", limit=limit.chars)
    # Most text is plain: one pass in C finds it, the character loop runs only when needed.
    if not value.isprintable():
        for position, character in enumerate(value, start=1):
            if _refused(character, limit.multiline):
                if character in "\n\r":
                    raise ValidationError(LINE_BREAK, field=field, position=position)
                code = f"U+{ord(character):04X}"
                raise ValidationError(CONTROL_CHARACTER, field=field, code=code, position=position)
    return value


def checker(limit: TextLimit) -> Callable[[Any], Any]:
    """``check_text`` for one limit, the common case (one short printable line, which it would
    return unchanged) decided without calling it: an import or a merge checks millions."""
    chars = limit.chars

    def check(value: Any, field: str = "") -> Any:
        if value.__class__ is str and len(value) <= chars and value.isprintable():
            return value
        return check_text(value, limit, field=field)

    return check


def limit_of(table: str, column: str) -> TextLimit | None:
    """The limit of one column, or None when its own rules check it."""
    return FIELD_LIMITS.get(table, {}).get(column) or COMMON_LIMITS.get(column)


def check_values(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with each text column checked against its limit (multi-line text with plain
    line breaks); raises ``ValidationError`` for the first column that does not fit."""
    checked = dict(values)
    fields = FIELD_LIMITS.get(table, {})
    for column, value in values.items():
        if value is None:
            continue
        limit = fields.get(column) or COMMON_LIMITS.get(column)  # limit_of, without a call
        # One short printable line is returned unchanged (``checker``): an import checks
        # hundreds of thousands of values.
        if limit is not None and not (
            value.__class__ is str and len(value) <= limit.chars and value.isprintable()
        ):
            checked[column] = check_text(value, limit, field=column)
    return checked


@dataclass(frozen=True)
class CountLimit:
    """A whole number a person chooses for a printout, from ``low`` to ``high``; ``default``
    when they do not."""

    low: int
    high: int
    default: int

    def holds(self, value: Any) -> bool:
        return value.__class__ is int and self.low <= value <= self.high


# The blank rows of a sign-in sheet: 500 rows are 17 pages, more than any hall seats.
# Rows of a sign-in sheet: a page of 25 when the talk has no expected attendance; at most
# about eighty pages (a talk of two thousand signs by units, not one by one).
SIGNIN_ROWS = CountLimit(1, 2000, 25)


# The largest whole number a form accepts, by record kind and column (a new kind declares its
# counts here as it declares its texts in FIELD_LIMITS). The merge holds other laptops' records
# to the same numbers; a count not listed stays below MAX_COUNT.
HEADCOUNT = 1_000_000  # people at one talk, or copies of one handout given out there
CAMPAIGN_COUNT = 10_000_000  # one day's entry: a city sends millions in a year, not a day
CARD_COUNT = 1_000  # cards or accounts of one kind one resident let go: a gang's buyer has dozens
HOUSEHOLDS = 100_000  # households of one community: the largest urban 社区 have tens of thousands
VISIT_HOUSEHOLDS = 10_000  # households of one visit row: one building or village group
VISIT_PEOPLE = 100_000  # people reached or leaflets left in one visit row
MAX_COUNT = 10**9  # far below what SQLite's sums overflow on, over a million records
COUNT_LIMITS: dict[str, dict[str, int]] = {
    "talks": {
        "expected_headcount": HEADCOUNT,
        "actual_headcount": HEADCOUNT,
        "handouts_given": HEADCOUNT * len(FRAUD_TYPES),  # each kind's handout to each person
    },
    "campaigns": {"count": CAMPAIGN_COUNT},
    "card_sellers": {"card_count": CARD_COUNT},
    "areas": {"households": HOUSEHOLDS},
    "community_visits": {
        "households_visited": VISIT_HOUSEHOLDS, "households_at_home": VISIT_HOUSEHOLDS,
        "app_installed_new": VISIT_HOUSEHOLDS, "app_already": VISIT_HOUSEHOLDS,
        "call_warnings": VISIT_HOUSEHOLDS, "people_reached": VISIT_PEOPLE,
        "leaflets_left": VISIT_PEOPLE,
    },
}  # fmt: skip


def count_limit_of(table: str, column: str) -> int:
    """The largest value a whole-number column of ``table`` may hold."""
    return COUNT_LIMITS.get(table, {}).get(column, MAX_COUNT)
