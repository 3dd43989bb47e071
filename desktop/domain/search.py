"""One search box over residents, warnings and talks.

Three or more characters are looked up in FTS5 trigram indexes (one per kind, so a fragment
that matches a million residents still returns talks at once): Chinese names, addresses,
reference numbers and titles, since a trigram index needs no word boundaries. One or two
characters (a surname, 秀) cannot use trigrams: residents' names and talks' titles and venues
are also indexed one character to a word (``search_short_*``), where a surname is a word and
秀英 a phrase of two; a warning is found by the first characters of its reference number
(its index, in order).

Mobile and ID numbers are not in the indexes, and no part of them is matched as a substring:
results are shown masked, so a box that found 134****3510 for every fragment typed would give
the hidden digits away, one query at a time. A resident is found by a number only when the
query is the whole mobile, the whole ID number, or the last four characters of either (which
the masked results show anyway). A query holding digits is matched against nothing else that
may hold a number someone wrote down: warnings by their reference number only, talks by title
and venue only. Every search holding a digit is written to the audit log (``search``), with
the query masked as the screens mask numbers and one entry for each resident it found — the
log names who looked for whom without itself becoming a list of full numbers.

The warnings found are those whose own text matches and the cases of the residents found,
newest first: a warning is never found by a number its resident would not be found by. A
warning's line names its resident as a resident's line does (masked name, age, community).

Residents on record only as persons abroad or card sellers (suspected of a crime) are not among
the residents found — a name with "0 warnings" would nearly say why it is on record; residents
with warnings too are found as any other, with no hint of those records. Those records are
found as their own groups ("returns", "cards") by their person's name or number: the name
masked, nothing else of the person (no community, age or digits), and every record found
written to the audit log, whatever the query.

Communities and villages are found by their name (a short LIKE over the areas, a few thousand
rows, no index needed) as a group of their own ("communities") with where they are and their
fraud-free creation status (无诈社区): nothing personal is in it, so nothing is masked or
logged for it.

The indexes are brought up to date from the records' ``change_seq`` (``refresh``): writing a
record costs nothing extra — an import of 100,000 warnings is not slowed — and the first
search after it catches up, on the worker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from desktop.core import clock, limits
from desktop.core.errors import ValidationError
from desktop.core.privacy import age_from_id_number, mask_id_number, mask_mobile, mask_name
from desktop.core.validate import normalize_id_number, normalize_mobile
from desktop.db import audit
from desktop.db.database import Database, like_anywhere
from desktop.domain.residents import listed_only

META_SEARCH_SEQ = "search_seq"  # the last transaction whose records are in the indexes
KINDS = ("residents", "warnings", "talks")  # the kinds with an index of their own
# The ledgers' groups: their records found by their person (the residents' index and numbers).
LEDGERS = {"returns": "return_cases", "cards": "card_sellers"}
_HIDDEN = f" AND NOT {listed_only('r.record_id')}"  # residents listed only, in the index
# What each kind is found by (joined with spaces into the indexed text).
_TEXT = {
    "residents": "coalesce(name, '') || ' ' || coalesce(address, '')",
    "warnings": "coalesce(reference_number, '') || ' ' || coalesce(fraud_type, '') || ' ' ||"
    " coalesce(notes, '')",
    "talks": "title || ' ' || venue || ' ' || partner || ' ' || co_organisers || ' ' || notes",
}
# One or two characters: the text people start typing, indexed a character to a word (the
# kinds with such an index; warnings are found by the start of their reference number).
_SHORT_TEXT = {
    "residents": "coalesce(name, '')",
    "talks": "title || ' ' || venue",
}
# The ledgers' records by their person's name, a character to a word, in an index of their own
# (rows of ``search_rows`` of the kinds "returns" and "cards"): a surname matches a tenth of a
# city's residents and few of them are listed, so finding the listed among the residents'
# matches read them all (seconds on a city's file). Kept by ``refresh`` from the records and
# from their people (a name corrected or purged).
LEDGER_INDEX = "search_ledgers"
# With digits in the query, the only columns a warning or talk may match in: notes, partners
# and co-organisers may hold a mobile someone wrote down. (Residents' indexed text is their
# name and address, where a house number may be searched.)
_WITH_DIGITS = {
    "warnings": ("reference_number",),
    "talks": ("title", "venue"),
}
_BATCH = 20_000
_DIGIT = re.compile(r"[0-9０-９]")
_LONG_DIGITS = re.compile(r"[0-9０-９Xx]{11,}")


def _index(kind: str) -> str:
    return f"search_{kind}"


def pending(database: Database) -> bool:
    """Whether records were written since the indexes were last brought up to date."""
    done = int(database.get_meta(META_SEARCH_SEQ) or -1)
    return int(database.get_meta("change_seq") or 0) > done or done < 0


def refresh(database: Database, progress: Callable[[int, int], None] | None = None) -> int:
    """Bring the indexes up to date; returns how many records were read.

    Each batch of 20,000 records is its own transaction (under a second), so the window can
    save between them while a large database is indexed for the first time (a minute for a
    million warnings and their residents). Cut off halfway, the next refresh starts over safely: a record's old text is
    removed before its new text goes in, except in the first build of empty indexes."""
    since = int(database.get_meta(META_SEARCH_SEQ) or -1)
    upto = int(database.get_meta("change_seq") or 0)
    if since >= upto and since >= 0:
        return 0
    fresh = since < 0 and database.scalar("SELECT count(*) FROM search_rows") == 0
    todo = sum(
        database.scalar(f"SELECT count(*) FROM {kind} WHERE change_seq > ?", (since,))
        for kind in KINDS
    ) + sum(
        database.scalar(f"SELECT count(*) {_ledger_changes(table)}", (since, since))
        for table in LEDGERS.values()
    )
    done = 0
    for kind in KINDS:
        after = 0
        while True:
            with database.atomic():
                rows = database.conn.execute(
                    f"SELECT rowid, id, {_TEXT[kind]}, deleted_at IS NULL,"
                    f" {_SHORT_TEXT.get(kind, 'NULL')} FROM {kind}"
                    " WHERE change_seq > ? AND rowid > ? ORDER BY rowid LIMIT ?",
                    (since, after, _BATCH),
                ).fetchall()
                if not rows:
                    break
                after = rows[-1][0]
                _write(
                    database, kind,
                    [(record_id, live, _texts(kind, text, short))
                     for _rowid, record_id, text, live, short in rows],
                    fresh=fresh,
                )  # fmt: skip
            done += len(rows)
            if progress:
                progress(done, todo)
    for group, table in LEDGERS.items():
        after = 0
        while True:
            with database.atomic():
                rows = database.conn.execute(
                    "SELECT k.rowid, k.id, k.deleted_at IS NULL AND p.deleted_at IS NULL,"
                    f" coalesce(p.name, '') {_ledger_changes(table)} AND k.rowid > ?"
                    " ORDER BY k.rowid LIMIT ?",
                    (since, since, after, _BATCH),
                ).fetchall()
                if not rows:
                    break
                after = rows[-1][0]
                _write(
                    database, group,
                    [(record_id, live, {LEDGER_INDEX: " ".join(name)})
                     for _rowid, record_id, live, name in rows],
                    fresh=fresh,
                )  # fmt: skip
            done += len(rows)
            if progress:
                progress(done, todo)
    with database.atomic():
        database.set_meta(META_SEARCH_SEQ, str(upto))
    return done


def _short(kind: str) -> str:
    return f"search_short_{kind}"


def _ledger_changes(table: str) -> str:
    """The records of a ledger whose record or person changed since a transaction (twice
    ``?``)."""
    return (
        f"FROM {table} k JOIN residents p ON p.id = k.resident_id"
        " WHERE (k.change_seq > ? OR p.change_seq > ?)"
    )


def _texts(kind: str, text: str, short: str | None) -> dict[str, str]:
    """A record's text for each index of its kind."""
    texts = {_index(kind): text}
    if kind in _SHORT_TEXT:
        texts[_short(kind)] = " ".join(short or "")
    return texts


def _write(
    database: Database, kind: str, rows: list[tuple[str, bool, dict[str, str]]], *, fresh: bool
) -> None:
    """Index ``rows`` (id, live, each index's text) of one kind under fresh row numbers."""
    conn = database.conn
    if not fresh:  # a record changed or retired: its old text goes first
        ids = [row[0] for row in rows]
        marks = ", ".join("?" for _ in ids)
        old = [
            (rowid,)
            for (rowid,) in conn.execute(
                f"SELECT rowid FROM search_rows WHERE record_id IN ({marks})", ids
            )
        ]
        for index in {index for _id, _live, texts in rows for index in texts}:
            conn.executemany(f"DELETE FROM {index} WHERE rowid = ?", old)
        conn.executemany("DELETE FROM search_rows WHERE rowid = ?", old)
    live = [(record_id, texts) for record_id, is_live, texts in rows if is_live]
    first = (conn.execute("SELECT max(rowid) FROM search_rows").fetchone()[0] or 0) + 1
    numbered = [(first + n, record_id, texts) for n, (record_id, texts) in enumerate(live)]
    conn.executemany(
        "INSERT INTO search_rows (rowid, kind, record_id) VALUES (?, ?, ?)",
        [(rowid, kind, record_id) for rowid, record_id, _texts in numbered],
    )
    for index in {index for _rowid, _id, texts in numbered for index in texts}:
        conn.executemany(
            f"INSERT INTO {index} (rowid, text) VALUES (?, ?)",
            [(rowid, texts[index]) for rowid, _id, texts in numbered],
        )


def _phrase(text: str) -> str | None:
    """One or two characters as the query of a character index: the phrase of its letters
    and digits (the rest separate words there too); None when nothing is left to find."""
    kept = [character for character in text if character.isalnum()]
    return '"' + " ".join(kept) + '"' if kept else None


@dataclass
class SearchResults:
    text: str
    hits: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(len(rows) for rows in self.hits.values())


def search(database: Database, text: str, *, limit: int = 20) -> SearchResults:
    """Residents, warnings and talks whose text holds ``text`` (at most ``limit`` of each);
    residents also by their whole mobile or ID number or its last four characters; warnings
    also as the cases of the residents found (the residents' rules, so no more by a number).

    Reads the indexes as they are: call ``refresh`` first after writes (the screen does, on
    the worker). A query holding a digit is written to the audit log."""
    text = limits.one_line_query(text)
    results = SearchResults(text)
    if not text:
        return results
    digits = bool(_DIGIT.search(text))
    number = _number(text) if digits else None
    for kind in KINDS:
        ids = _matching(database, kind, text, limit, digits=digits)
        if kind == "residents" and number is not None:
            found = _by_number(database, number, limit)
            ids = list(dict.fromkeys(found + ids))[:limit]
        if kind == "warnings":
            residents = [hit["id"] for hit in results.hits["residents"]]
            ids = list(dict.fromkeys(ids + _warnings_of(database, residents, limit)))[:limit]
        results.hits[kind] = _described(database, kind, ids)
    for group, table in LEDGERS.items():
        results.hits[group] = _listed(database, table, text, number, limit)
    results.hits["communities"] = [] if number is not None else _communities(database, text, limit)
    if digits:
        _log_search(database, text, number, [hit["id"] for hit in results.hits["residents"]])
    listed = [(LEDGERS[group], hit["id"]) for group in LEDGERS for hit in results.hits[group]]
    if listed:
        shown, how = _shown_query(text, number)
        summary = f"search “{shown}” ({how}): {len(listed)} ledger records found"
        with database.atomic():
            audit.record_many(
                database, "search", [(table, record_id, summary) for table, record_id in listed]
            )
    return results


def _warnings_of(database: Database, resident_ids: list[str], limit: int) -> list[str]:
    """The live warnings of the residents found, newest first: an officer who types a name
    is looking for the case as often as for the person."""
    if not resident_ids:
        return []
    marks = ", ".join("?" for _ in resident_ids)
    return [
        record_id
        for (record_id,) in database.conn.execute(
            f"SELECT id FROM warnings WHERE resident_id IN ({marks}) AND deleted_at IS NULL"
            " ORDER BY received_at DESC LIMIT ?",
            (*resident_ids, limit),
        )
    ]


class _Number(NamedTuple):
    kind: str  # "mobile", "id_number" or "last_four"
    value: str


def _number(text: str) -> _Number | None:
    """The query as a whole mobile, a whole ID number or the last four characters of either;
    None for anything else (a fragment finds no one by number)."""
    squeezed = re.sub(r"[\s-]", "", text).upper().translate(_FULL_WIDTH)
    if re.fullmatch(r"[0-9]{3}[0-9X]", squeezed):
        return _Number("last_four", squeezed)
    if len(squeezed) < 11:  # shorter than any whole number
        return None
    for kind, normalize in (("mobile", normalize_mobile), ("id_number", normalize_id_number)):
        try:
            return _Number(kind, normalize(squeezed))
        except ValidationError:
            pass
    return None


_FULL_WIDTH = str.maketrans("０１２３４５６７８９＋Ｘ", "0123456789+X")


def _by_number(database: Database, number: _Number, limit: int) -> list[str]:
    """Live residents with this whole number, or whose mobile or ID number ends in these four
    (indexed: ``residents_mobile``, ``residents_id_number`` and the two tail indexes)."""
    hidden = f" AND NOT {listed_only('residents.id')}"
    if number.kind == "last_four":
        sql = (
            f"SELECT id FROM residents WHERE substr(mobile, -4) = ? AND deleted_at IS NULL{hidden}"
            f" UNION SELECT id FROM residents WHERE substr(id_number, -4) = ?"
            f" AND deleted_at IS NULL{hidden} LIMIT ?"
        )
        params: tuple = (number.value, number.value, limit)
    else:
        sql = (
            f"SELECT id FROM residents WHERE {number.kind} = ? AND deleted_at IS NULL{hidden}"
            " LIMIT ?"
        )
        params = (number.value, limit)
    return [record_id for (record_id,) in database.conn.execute(sql, params)]


def _listed(
    database: Database, table: str, text: str, number: _Number | None, limit: int
) -> list[dict[str, Any]]:
    """Live records of a ledger (``table``) whose person's name holds ``text`` (any length:
    the ledgers' character index), or who has the whole number or its last four; newest
    listing first. When more match than ``limit``, those shown are the ones indexed last (by a
    name: the newest listed, as records are listed in time) or listed last (by a number); the
    name masked and nothing else of the person."""
    joined = f"JOIN {table} k ON k.resident_id = p.id AND k.deleted_at IS NULL"
    found: list[tuple] = []
    if number is not None:
        test = (
            "(substr(p.mobile, -4) = ? OR substr(p.id_number, -4) = ?)"
            if number.kind == "last_four"
            else f"p.{number.kind} = ?"
        )
        found += database.conn.execute(
            f"SELECT k.id, k.listed_on FROM residents p {joined} WHERE {test}"
            " AND p.deleted_at IS NULL ORDER BY k.listed_on DESC, k.id DESC LIMIT ?",
            (*([number.value] * test.count("?")), limit),
        ).fetchall()
    phrase = None if _DIGIT.search(text) else _phrase(text)
    if phrase is not None:
        # Newest indexed first, within the rows of this ledger's kind (the two ledgers share
        # the index: a surname matches thousands of the other's rows, read for nothing). The
        # kind's first and last row are a look-up each in search_rows_kind, as subqueries of
        # the one statement (min and max in one SELECT would read every row of the kind).
        kind = next(group for group, name in LEDGERS.items() if name == table)
        found += database.conn.execute(
            f"SELECT k.id, k.listed_on FROM {LEDGER_INDEX} i JOIN search_rows s"
            f" ON s.rowid = i.rowid JOIN {table} k ON k.id = s.record_id"
            " WHERE i.text MATCH ? AND i.rowid BETWEEN"
            " (SELECT min(rowid) FROM search_rows WHERE kind = ?)"
            " AND (SELECT max(rowid) FROM search_rows WHERE kind = ?)"
            " AND k.deleted_at IS NULL ORDER BY i.rowid DESC LIMIT ?",
            (phrase, kind, kind, limit),
        ).fetchall()
    ids = [record_id for record_id, _listed_on in sorted(set(found), key=lambda row: (row[1], row[0]),
                                                         reverse=True)][:limit]  # fmt: skip
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    extra = "k.card_kind" if table == "card_sellers" else "k.location"
    rows = database.query(
        f"SELECT k.id, k.listed_on, k.status, {extra} AS what, p.name FROM {table} k"
        f" JOIN residents p ON p.id = k.resident_id WHERE k.id IN ({marks})",
        ids,
    )
    return [
        {
            "id": row["id"],
            "name": mask_name(row["name"]),
            "status": row["status"],
            "listed_on": row["listed_on"],
            ("card_kind" if table == "card_sellers" else "location"): row["what"],
        }
        for row in _in_order(rows, ids)
    ]


def _communities(database: Database, text: str, limit: int) -> list[dict[str, Any]]:
    """Live communities and villages whose name holds ``text``, with their township, county,
    households and their latest fraud-free step (未参与 when none: ``status`` None)."""
    return [
        dict(row)
        for row in database.query(
            "SELECT a.id, a.name, coalesce(t.name, '') AS township,"
            " coalesce(c.name, '') AS county, a.households, s.status, s.step_on"
            " FROM areas a LEFT JOIN areas t ON t.id = a.parent_id"
            " LEFT JOIN areas c ON c.id = t.parent_id"
            " LEFT JOIN fraud_free_steps s ON s.id = (SELECT id FROM fraud_free_steps"
            "  WHERE area_id = a.id AND deleted_at IS NULL"
            "  ORDER BY step_on DESC, created_at DESC, id DESC LIMIT 1)"
            " WHERE a.level = 'community' AND a.deleted_at IS NULL"
            " AND a.name LIKE ? ESCAPE '\\' ORDER BY a.name LIMIT ?",
            (like_anywhere(text), limit),
        )
    ]


def _trigram_test(text: str) -> tuple[str, str]:
    """How a trigram index is asked for ``text`` anywhere: LIKE is answered from the index
    and checked against the stored text (exact; the index keeps no positions). An ESCAPE
    clause would turn the index off, so text holding % or _ is matched with GLOB, whose
    brackets escape instead."""
    if "%" in text or "_" in text:
        return "GLOB", "*" + "".join(f"[{c}]" if c in "*?[" else c for c in text) + "*"
    return "LIKE", f"%{text}%"


def _log_search(
    database: Database, text: str, number: _Number | None, resident_ids: list[str]
) -> None:
    """One audit entry per resident found (none found: one entry without a record), the query
    masked: a whole mobile or ID number as the screens show it; in other text a run of digits
    as long as a mobile or longer (a mistyped number) keeps its first three and last four;
    shorter text as typed (a fragment finds no one by number; the last four are what masked
    results show)."""
    shown, how = _shown_query(text, number)
    summary = f"search “{shown}” ({how}): {len(resident_ids)} residents found"
    with database.atomic():
        audit.record_many(
            database,
            "search",
            [("residents", record_id, summary) for record_id in resident_ids]
            or [("residents", "", summary)],
        )


def _shown_query(text: str, number: _Number | None) -> tuple[str, str]:
    """The query as the audit log keeps it, masked, and how it was matched."""
    if number is None or number.kind == "last_four":
        shown = _LONG_DIGITS.sub(
            lambda run: run[0][:3] + "*" * (len(run[0]) - 7) + run[0][-4:], text
        )
    elif number.kind == "mobile":
        shown = mask_mobile(number.value)
    else:
        shown = mask_id_number(number.value)
    how = {None: "text", "mobile": "whole mobile", "id_number": "whole ID number",
           "last_four": "last four digits"}[number.kind if number else None]  # fmt: skip
    return shown, how


def _matching(
    database: Database, kind: str, text: str, limit: int, *, digits: bool = False
) -> list[str]:
    conn = database.conn
    pattern = like_anywhere(text)
    if len(text) >= 3:
        test, value = _trigram_test(text)
        sql = (
            f"SELECT r.record_id FROM {_index(kind)} i JOIN search_rows r"
            f" ON r.rowid = i.rowid WHERE i.text {test} ?"
            + (_HIDDEN if kind == "residents" else "")
        )
        params: list = [value]
        if digits and kind in _WITH_DIGITS:
            columns = _WITH_DIGITS[kind]
            sql = (
                sql.replace(" WHERE ", f" JOIN {kind} k ON k.id = r.record_id WHERE ", 1)
                + " AND ("
                + " OR ".join(f"k.{column} LIKE ? ESCAPE '\\'" for column in columns)
                + ")"
            )
            params += [pattern] * len(columns)
        return [record_id for (record_id,) in conn.execute(sql + " LIMIT ?", (*params, limit))]
    # Reference numbers are letters and digits, names are Chinese characters.
    if kind == "warnings":
        if not text.isascii():
            return []
        start = text.upper()
        return [
            record_id
            for (record_id,) in conn.execute(
                "SELECT id FROM warnings WHERE reference_number >= ? AND reference_number < ?"
                " AND deleted_at IS NULL ORDER BY reference_number LIMIT ?",
                (start, start + "\uffff", limit),
            )
        ]
    phrase = _phrase(text)
    if phrase is None or (kind == "residents" and text.isascii()):
        return []
    return [
        record_id
        for (record_id,) in conn.execute(
            f"SELECT r.record_id FROM {_short(kind)} i JOIN search_rows r ON r.rowid = i.rowid"
            " WHERE i.text MATCH ?" + (_HIDDEN if kind == "residents" else "") + " LIMIT ?",
            (phrase, limit),
        )
    ]


def _described(database: Database, kind: str, ids: list[str]) -> list[dict[str, Any]]:
    """What a result line shows, masked where it is personal (the screen masks nothing
    itself). Residents of one name are told apart by their community, their age (from the ID
    number) and the last four digits the masked mobile keeps."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    if kind == "residents":
        today = clock.today()
        rows = database.query(
            "SELECT r.id, r.name, r.mobile, r.id_number, a.name AS area,"
            " (SELECT w.id FROM warnings w WHERE w.resident_id = r.id AND w.deleted_at IS NULL"
            "  ORDER BY w.received_at DESC LIMIT 1) AS latest_warning,"
            " (SELECT count(*) FROM warnings w WHERE w.resident_id = r.id"
            "  AND w.deleted_at IS NULL) AS warnings"
            f" FROM residents r LEFT JOIN areas a ON a.id = r.area_id WHERE r.id IN ({marks})",
            ids,
        )
        return [
            {
                "id": row["id"],
                "name": mask_name(row["name"]),
                "mobile": mask_mobile(row["mobile"] or ""),
                "id_number": mask_id_number(row["id_number"] or ""),
                "age": age_from_id_number(row["id_number"], today),
                "area": row["area"] or "",
                "warnings": row["warnings"],
                "latest_warning": row["latest_warning"],
            }
            for row in _in_order(rows, ids)
        ]
    if kind == "warnings":
        today = clock.today()
        rows = database.query(
            "SELECT w.id, w.received_at, w.reference_number, w.status, w.level, r.name,"
            " r.id_number, a.name AS area FROM warnings w JOIN residents r"
            " ON r.id = w.resident_id LEFT JOIN areas a ON a.id = r.area_id"
            f" WHERE w.id IN ({marks})",
            ids,
        )
        return [
            {
                "id": row["id"],
                "received_at": row["received_at"],
                "reference_number": row["reference_number"] or "",
                "status": row["status"],
                "level": row["level"],
                "name": mask_name(row["name"]),
                "age": age_from_id_number(row["id_number"], today),
                "area": row["area"] or "",
            }
            for row in _in_order(rows, ids)
        ]
    rows = database.query(
        f"SELECT id, title, starts_at, venue, status FROM talks WHERE id IN ({marks})", ids
    )
    return [dict(row) for row in _in_order(rows, ids)]


def _in_order(rows, ids: list[str]) -> list:
    by_id = {row["id"]: row for row in rows}
    return [by_id[record_id] for record_id in ids if record_id in by_id]
