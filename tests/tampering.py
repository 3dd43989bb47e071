"""What someone with a database file and any SQLite tool can do to it, outside the program."""

import sqlite3


def tamper_audit(path, sql: str) -> None:
    """Drop the audit log's append-only guards and run ``sql`` on the file as it is."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute(sql)
    conn.commit()
    conn.close()
