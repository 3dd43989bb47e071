"""How every command gets at its database: the password of an encrypted one asked for, a
read-only one said so, and the one damage path for damage found on the way."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import C
from desktop.core.errors import QT_TRANSLATE_NOOP, DatabaseDamaged


def say_if_read_only(args, db_path: Path, tr: Any) -> None:
    """A database on media that cannot be written is read as it is (open_database): say so,
    and refuse personal data in full, whose reveal must be written to the audit log."""
    from desktop.db.database import READ_ONLY, can_write

    if not db_path.is_file() or can_write(db_path):
        return
    if getattr(args, "full", False):
        from desktop.core.errors import DatabaseError

        raise DatabaseError(READ_ONLY, path=str(db_path))
    print(tr(C, OPENED_READ_ONLY).format(path=db_path), file=sys.stderr)


OPENED_READ_ONLY = QT_TRANSLATE_NOOP(
    "Cli", "Opened read-only: {path} (its folder or disk cannot be written). Printouts and"
    " exports made from it are not written to its audit log."
)  # fmt: skip


def damage_path(damage: DatabaseDamaged, tr: Any) -> int:
    """The damaged database set aside unchanged and the newest good backup named (exit 1).
    Not while the window has the file: it sets the file aside itself when it meets the damage
    (its lock says so), and moving it under the window would lose what it still writes."""
    from desktop.db import backups
    from desktop.db.instance import InstanceLock
    from desktop.settings import Settings

    path = Path(damage.path)
    for line in damage.reason.splitlines()[:20]:
        print(line, file=sys.stderr)  # SQLite's own words, for whoever repairs the file
    lock = InstanceLock(path)
    if not lock.acquire():
        print(tr(C, DAMAGED_IN_USE).format(path=path), file=sys.stderr)
        return 1
    folder = Settings().backup_folder(path)
    try:
        found = backups.set_aside(path, folder, [damage.reason])
    except OSError as exc:  # a read-only disk: the file stays where it is
        print(
            tr(C, DAMAGED_NOT_MOVED).format(path=path, reason=exc.strerror or exc),
            file=sys.stderr,
        )
        found = backups.Damage([damage.reason], [], backups.newest_good_backup(folder))
    else:
        where = ", ".join(str(moved) for moved in found.moved)
        print(tr(C, DAMAGED_MOVED).format(path=path, where=where), file=sys.stderr)
    finally:
        lock.release()
    if found.backup is None:
        print(tr(C, DAMAGED_NO_BACKUP).format(folder=folder), file=sys.stderr)
    else:
        print(tr(C, DAMAGED_BACKUP).format(backup=found.backup, path=path), file=sys.stderr)
    return 1


DAMAGED_MOVED = QT_TRANSLATE_NOOP(
    "Cli", "The database {path} is damaged. It was moved aside unchanged: {where}"
)
DAMAGED_NOT_MOVED = QT_TRANSLATE_NOOP(
    "Cli", "The database {path} is damaged and could not be moved aside ({reason}); it was left"
    " unchanged where it is."
)  # fmt: skip
DAMAGED_BACKUP = QT_TRANSLATE_NOOP(
    "Cli", "The newest good backup is {backup}. Put it in place with: outreach-desk --db {path}"
    " restore (what was entered after it will have to be entered again)."
)  # fmt: skip
DAMAGED_NO_BACKUP = QT_TRANSLATE_NOOP(
    "Cli", "No good backup was found in {folder}; ask your county's technician for help with"
    " the damaged file."
)  # fmt: skip
DAMAGED_IN_USE = QT_TRANSLATE_NOOP(
    "Cli", "The database {path} is damaged, and it is open in Outreach Desk: close the program"
    " and start it again; it will move the file aside and offer the newest good backup."
)  # fmt: skip


PASSWORD_ENV = "OUTREACH_DESK_PASSWORD"


def unlock(db_path: Path, tr: Any) -> None:
    """An encrypted database needs its password: from OUTREACH_DESK_PASSWORD, else asked on
    the terminal (never on the command line, where other users could see it)."""
    from desktop.db import keys

    if not db_path.exists() or not keys.is_encrypted(db_path) or keys.key_for(db_path):
        return
    from desktop.core.errors import DatabaseError
    from desktop.db import password

    gate = password.key_gate(db_path)  # wrong passwords before, from any program, count
    wait = gate.wait_left()
    if wait > 0:
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Database",
                "A wrong password was given for {path} just before; try again in {seconds} s.",
            ),
            path=str(db_path),
            seconds=int(wait) + 1,
        )
    secret = os.environ.get(PASSWORD_ENV)
    if secret is None and sys.stdin.isatty():
        import getpass

        secret = getpass.getpass(tr(C, QT_TRANSLATE_NOOP("Cli", "Password: ")))
    if not gate.try_password(secret or ""):  # the right one unlocks and remembers the key
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Database",
                "{path} is encrypted and the password is missing or wrong "
                "(set OUTREACH_DESK_PASSWORD or type it when asked).",
            ),
            path=str(db_path),
        )
