"""The append-only audit log (triggers in the schema forbid UPDATE and DELETE)."""

from __future__ import annotations

import getpass

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
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


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
    database.execute(
        "INSERT INTO audit (at, actor, action, table_name, row_id, summary, device_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            now_iso(),
            actor or _cached_actor(database),
            action,
            table,
            row_id,
            summary,
            database.device_id,
        ),
    )


def record_many(database: Database, action: str, rows: list[tuple[str, str, str]]) -> None:
    """One audit row per (table, row id, summary), all with the same time and actor."""
    at, actor = now_iso(), _cached_actor(database)
    database.conn.executemany(
        "INSERT INTO audit (at, actor, action, table_name, row_id, summary, device_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(at, actor, action, table, row_id, summary, database.device_id)
         for table, row_id, summary in rows],
    )  # fmt: skip


def recent(database: Database, limit: int = 100) -> list[dict]:
    rows = database.execute("SELECT * FROM audit ORDER BY seq DESC LIMIT ?", (limit,)).fetchall()
    return [dict(row) for row in rows]
