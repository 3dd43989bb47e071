"""The append-only audit log: triggers in the schema forbid UPDATE and DELETE, and each row
carries a hash of its content and of the row before it (a chain), so a change made to the file
outside the program shows as the first broken link (``verify_chain``)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.storage.database import META_CURRENT_OFFICER, Database, now_iso


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


FIELDS = ("at", "actor", "action", "table_name", "row_id", "summary", "device_id")


def chain_hash(previous: str, fields: Sequence) -> str:
    """The hash of one audit row: its fields, and the hash of the row before it."""
    text = "\x1f".join([previous, *(str(value) for value in fields)])
    import hashlib  # here: the window's start reads no audit row

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _last_hash(database: Database) -> str:
    return database.scalar("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1") or ""


def verify_chain(source) -> int | None:
    """The ``seq`` of the first row whose hash does not follow from the rows before it (an
    edited, inserted or deleted row), or None when the whole chain holds. ``source`` is a
    Database or a plain sqlite3 connection (``check`` reads the file read-only)."""
    conn = getattr(source, "conn", source)
    previous = ""
    for seq, stored, *fields in conn.execute(
        "SELECT seq, hash, " + ", ".join(FIELDS) + " FROM audit ORDER BY seq"
    ):
        expected = chain_hash(previous, fields)
        if stored != expected:
            return seq
        previous = expected
    return None


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
            (*fields, chain_hash(_last_hash(database), fields)),
        )


def record_many(database: Database, action: str, rows: list[tuple[str, str, str]]) -> None:
    """One audit row per (table, row id, summary), all with the same time and actor."""
    at, actor = now_iso(), _cached_actor(database)
    previous = _last_hash(database)
    values = []
    for table, row_id, summary in rows:
        fields = (at, actor, action, table, row_id, summary, database.device_id)
        previous = chain_hash(previous, fields)
        values.append((*fields, previous))
    database.conn.executemany(
        "INSERT INTO audit (at, actor, action, table_name, row_id, summary, device_id, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        values,
    )


def recent(database: Database, limit: int = 100) -> list[dict]:
    rows = database.execute("SELECT * FROM audit ORDER BY seq DESC LIMIT ?", (limit,)).fetchall()
    return [dict(row) for row in rows]


ACTIONS = ("create", "update", "delete", "restore", "print", "export", "reveal", "merge",
           "import", "settings")  # fmt: skip


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
        clauses.append("(actor LIKE ? OR table_name LIKE ? OR summary LIKE ? OR row_id = ?)")
        like = f"%{text.strip()}%"
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
    import os
    from pathlib import Path

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
