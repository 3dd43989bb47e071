"""The append-only audit log: triggers in the schema forbid UPDATE and DELETE, and each row
carries a hash of its content and of the row before it (a chain), so a change made to the file
outside the program shows as the first broken link (``verify_chain``).

A chain that holds may still have been cut short, or rewritten whole with every hash worked out
again. So the chain's end — the last entry's number and hash — is also kept outside the table:
beside the database (``<database>.audit.json``, after every commit that wrote to the log), beside
every backup, and in every package's sealed manifest (the county keeps each laptop's). ``check``
compares the table with each of them (``anchor_findings``). In an encrypted database the hashes
are keyed with a key drawn from the database's key, so rewriting them needs that key; the meta
key ``audit_chain`` says from which entry on each stretch of the chain is keyed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from desktop.db import keys
from desktop.db.chain import (
    FIELDS,
    KEYED,
    META_CHAIN,
    PLAIN,
    NoKey,
    chain_hash,
    chain_hashes,
    chain_key,
    chain_stretches,
    next_seq,
    scheme_key,
)
from desktop.db.database import META_CURRENT_OFFICER, Database, like_anywhere, now_iso


def current_actor(database: Database) -> str:
    """The officer named in Settings as using this laptop, else the operating-system user."""
    officer_id = database.get_meta(META_CURRENT_OFFICER)
    if officer_id:
        row = database.execute(
            "SELECT name, badge_number FROM officers WHERE id = ?", (officer_id,)
        ).fetchone()
        if row is not None:
            return f"{row['name']} ({row['badge_number']})" if row["badge_number"] else row["name"]
    try:
        import getpass

        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def settle_scheme(database: Database, data_key: bytes | None) -> None:
    """At opening: an encrypted database's new entries are keyed (from the next entry on, when
    the chain was plain so far — a database encrypted later, or from before keyed chains)."""
    wanted = KEYED if data_key is not None else PLAIN
    if chain_stretches(database.conn)[-1][1] != wanted:
        with database.atomic():  # read again under the write lock: another opener may be first
            stretches = chain_stretches(database.conn)
            if stretches[-1][1] != wanted:
                stretches.append((next_seq(database.conn), wanted))
                database.set_meta(META_CHAIN, json.dumps(stretches))
    database.chain_key = None if data_key is None else chain_key(data_key)


def last_seq(database: Database) -> int:
    """Where the audit log ends (0 when empty): every write is in it, so whatever compares two
    of these knows whether anything was written in between."""
    return database.scalar("SELECT max(seq) FROM audit") or 0


def _last_hash(database: Database) -> str:
    return database.scalar("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1") or ""


def verify_chain(source, data_key: bytes | None = None) -> int | None:
    """The ``seq`` of the first row whose hash does not follow from the rows before it (an
    edited, inserted or deleted row, or a keyed row rehashed without the key), or None when the
    whole chain holds. ``source`` is a Database (its key is the one unlocked for it) or a plain
    sqlite3 connection with ``data_key`` (``check`` reads the file read-only)."""
    conn = getattr(source, "conn", source)
    if data_key is None and isinstance(source, Database) and source.path is not None:
        data_key = keys.key_for(source.path)
    stretches = [(first, scheme_key(scheme, data_key)) for first, scheme in chain_stretches(conn)]
    previous = ""
    for seq, stored, *fields in conn.execute(
        "SELECT seq, hash, " + ", ".join(FIELDS) + " FROM audit ORDER BY seq"
    ):
        while len(stretches) > 1 and seq >= stretches[1][0]:
            stretches.pop(0)
        key = stretches[0][1]
        if isinstance(key, NoKey):
            return seq
        expected = chain_hash(previous, fields, key)
        if stored != expected:
            return seq
        previous = expected
    return None


# -- laptops' chains, as the county receives them ------------------------------------------


def _cached_actor(database: Database) -> str:
    if database.actor is None or not database.conn.in_transaction:
        database.actor = current_actor(database)
    return database.actor


def record(
    database: Database,
    action: str,
    table: str = "",
    row_id: str = "",
    summary: str = "",
    *,
    actor: str | None = None,
) -> None:
    with database.atomic():  # the write lock: no other row can slip in between the links
        fields = (now_iso(), actor or _cached_actor(database), action, table, row_id, summary,
                  database.device_id)  # fmt: skip
        database.execute(
            "INSERT INTO audit (at, actor, action, table_name, row_id, summary, device_id, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (*fields, chain_hash(_last_hash(database), fields, database.chain_key)),
        )
        database.audit_written = True


def record_many(database: Database, action: str, rows: Iterable[tuple[str, str, str]]) -> None:
    """One audit row per (table, row id, summary), all with the same time and actor."""
    at, actor = now_iso(), _cached_actor(database)
    previous = _last_hash(database)
    rows = iter(rows)
    # A few thousand at a time: an import's 200,000 rows with their hashes would take some
    # 60 MB at once.
    while batch := list(islice(rows, 5_000)):
        hashes = chain_hashes(
            previous, (at, actor, action), batch, (database.device_id,), database.chain_key
        )
        values = [
            (at, actor, action, table, row_id, summary, database.device_id, previous)
            for (table, row_id, summary), previous in zip(batch, hashes, strict=True)
        ]
        previous = values[-1][-1]  # the next batch follows on from this one's last row
        database.conn.executemany(
            "INSERT INTO audit (at, actor, action, table_name, row_id, summary, device_id, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            values,
        )
    database.audit_written = True


def recent(database: Database, limit: int = 100) -> list[dict]:
    rows = database.execute("SELECT * FROM audit ORDER BY seq DESC LIMIT ?", (limit,)).fetchall()
    return [dict(row) for row in rows]


ACTIONS = ("create", "update", "delete", "restore", "print", "export", "reveal", "merge",
           "import", "settings", "search")  # fmt: skip


def search(
    database: Database,
    *,
    action: str | None = None,
    text: str = "",
    first: str | None = None,
    last: str | None = None,
    limit: int | None = 2000,
) -> list[dict]:
    """Audit rows, newest first: one action, text in the actor, table or summary, and a day
    range (ISO dates, both included)."""
    clauses, params = [], []
    if action:
        clauses.append("action = ?")
        params.append(action)
    if text.strip():
        clauses.append(
            "(actor LIKE ? ESCAPE '\\' OR table_name LIKE ? ESCAPE '\\'"
            " OR summary LIKE ? ESCAPE '\\' OR row_id = ?)"
        )
        like = like_anywhere(text.strip())
        params += [like, like, like, text.strip()]
    if first:
        clauses.append("at >= ?")
        params.append(first)
    if last:
        clauses.append("at < date(?, '+1 day')")
        params.append(last)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = database.query(
        f"SELECT * FROM audit{where} ORDER BY seq DESC LIMIT ?",
        (*params, -1 if limit is None else limit),
    )
    return [dict(row) for row in rows]


def export_csv(database: Database, out, **filters) -> int:
    """Write the matching rows as CSV (UTF-8 with BOM, which Excel opens as Chinese); the
    export is itself written to the log. Returns the number of rows."""
    import csv

    from desktop.core.cells import csv_row

    rows = search(database, limit=None, **filters)
    out = Path(out)
    partial = out.with_name(out.name + ".part")
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(csv_row(["seq", *FIELDS, "hash"]))
            for row in rows:
                # A summary holds names and titles as typed: never a formula in Excel.
                writer.writerow(
                    csv_row([row["seq"], *(row[field] for field in FIELDS), row["hash"]])
                )
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    record(database, "export", "audit", "", f"audit log, {len(rows)} rows")
    return len(rows)
