"""One search box over residents, warnings and talks.

Three or more characters are looked up in FTS5 trigram indexes (one per kind, so a fragment
that matches a million residents still returns talks at once): Chinese names, mobile and ID
fragments and addresses all work, since a trigram index needs no word boundaries. One or two
characters (a surname, 秀) cannot use trigrams; they are matched in the names and titles
themselves, stopping at the first ``limit`` hits.

The indexes are brought up to date from the records' ``change_seq`` (``refresh``): writing a
record costs nothing extra — an import of 100,000 warnings is not slowed — and the first
search after it catches up, on the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.storage.database import Database

META_SEARCH_SEQ = "search_seq"  # the last transaction whose records are in the indexes
KINDS = ("residents", "warnings", "talks")
# What each kind is found by (joined with spaces into the indexed text).
_TEXT = {
    "residents": "coalesce(name, '') || ' ' || coalesce(mobile, '') || ' ' ||"
    " coalesce(id_number, '') || ' ' || coalesce(address, '')",
    "warnings": "coalesce(reference_number, '') || ' ' || coalesce(fraud_type, '') || ' ' ||"
    " coalesce(notes, '')",
    "talks": "title || ' ' || venue || ' ' || partner || ' ' || co_organisers || ' ' || notes",
}
# One or two characters: the columns people start typing into.
_SHORT = {
    "residents": ("name",),
    "warnings": ("reference_number",),
    "talks": ("title", "venue"),
}
_BATCH = 20_000


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
    )
    done = 0
    for kind in KINDS:
        after = 0
        while True:
            with database.atomic():
                rows = database.conn.execute(
                    f"SELECT rowid, id, {_TEXT[kind]}, deleted_at IS NULL FROM {kind}"
                    " WHERE change_seq > ? AND rowid > ? ORDER BY rowid LIMIT ?",
                    (since, after, _BATCH),
                ).fetchall()
                if not rows:
                    break
                after = rows[-1][0]
                _write(database, kind, [tuple(row[1:]) for row in rows], fresh=fresh)
            done += len(rows)
            if progress:
                progress(done, todo)
    with database.atomic():
        database.set_meta(META_SEARCH_SEQ, str(upto))
    return done


def _write(database: Database, kind: str, rows: list[tuple], *, fresh: bool) -> None:
    index = _index(kind)
    conn = database.conn
    if not fresh:  # a record changed or retired: its old text goes first
        ids = [row[0] for row in rows]
        marks = ", ".join("?" for _ in ids)
        old = [
            rowid
            for (rowid,) in conn.execute(
                f"SELECT rowid FROM search_rows WHERE record_id IN ({marks})", ids
            )
        ]
        conn.executemany(f"DELETE FROM {index} WHERE rowid = ?", [(rowid,) for rowid in old])
        conn.executemany("DELETE FROM search_rows WHERE rowid = ?", [(rowid,) for rowid in old])
    live = [(record_id, text) for record_id, text, is_live in rows if is_live]
    first = (conn.execute("SELECT max(rowid) FROM search_rows").fetchone()[0] or 0) + 1
    numbered = [(first + n, record_id, text) for n, (record_id, text) in enumerate(live)]
    conn.executemany(
        "INSERT INTO search_rows (rowid, kind, record_id) VALUES (?, ?, ?)",
        [(rowid, kind, record_id) for rowid, record_id, _text in numbered],
    )
    conn.executemany(
        f"INSERT INTO {index} (rowid, text) VALUES (?, ?)",
        [(rowid, text) for rowid, _record_id, text in numbered],
    )


@dataclass
class SearchResults:
    text: str
    hits: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(len(rows) for rows in self.hits.values())


def search(database: Database, text: str, *, limit: int = 20) -> SearchResults:
    """Residents, warnings and talks whose text holds ``text`` (at most ``limit`` of each).

    Reads the indexes as they are: call ``refresh`` first after writes (the screen does, on
    the worker)."""
    text = " ".join(str(text).split())
    results = SearchResults(text)
    if not text:
        return results
    for kind in KINDS:
        ids = _matching(database, kind, text, limit)
        results.hits[kind] = _described(database, kind, ids)
    return results


def _matching(database: Database, kind: str, text: str, limit: int) -> list[str]:
    conn = database.conn
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if len(text) >= 3:
        # LIKE on a trigram index is answered from the index and checked against the stored
        # text (exact; the index keeps no positions). An ESCAPE clause would turn the index
        # off, so text holding % or _ is matched with GLOB, whose brackets escape instead.
        if "%" in text or "_" in text:
            test, value = "GLOB", "*" + "".join(f"[{c}]" if c in "*?[" else c for c in text) + "*"
        else:
            test, value = "LIKE", f"%{text}%"
        return [
            record_id
            for (record_id,) in conn.execute(
                f"SELECT r.record_id FROM {_index(kind)} i JOIN search_rows r"
                f" ON r.rowid = i.rowid WHERE i.text {test} ? LIMIT ?",
                (value, limit),
            )
        ]
    # A short query is read from every row of a table: only where it can be. Reference
    # numbers are letters and digits, names are Chinese characters.
    if (kind == "warnings" and not text.isascii()) or (kind == "residents" and text.isascii()):
        return []
    where = " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for column in _SHORT[kind])
    return [
        record_id
        for (record_id,) in conn.execute(
            f"SELECT id FROM {kind} WHERE deleted_at IS NULL AND ({where}) LIMIT ?",
            (*([pattern] * len(_SHORT[kind])), limit),
        )
    ]


def _described(database: Database, kind: str, ids: list[str]) -> list[dict[str, Any]]:
    """What a result line shows, masked where it is personal (the screen masks nothing
    itself)."""
    from desktop.core.privacy import mask_id_number, mask_mobile, mask_name

    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    if kind == "residents":
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
                "area": row["area"] or "",
                "warnings": row["warnings"],
                "latest_warning": row["latest_warning"],
            }
            for row in _in_order(rows, ids)
        ]
    if kind == "warnings":
        rows = database.query(
            "SELECT w.id, w.received_at, w.reference_number, w.status, w.level, r.name"
            " FROM warnings w JOIN residents r ON r.id = w.resident_id"
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
