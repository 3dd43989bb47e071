"""The small files kept beside the database and its backups (the audit log's notes, the key file,
the count of wrong passwords): each written whole, and the leftovers of work that was killed
removed once nothing can still be writing them."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(target: Path, text: str) -> None:
    """Replace ``target`` with ``text`` (UTF-8), on the disk before it counts: a file cut off
    halfway by a crash must never pass for one (a torn key file would lock the data for good)."""
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f"{target.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def remove_if_untouched(path: Path, now: float, seconds: float) -> bool:
    """Delete ``path`` when it has not changed for ``seconds`` (work still running keeps writing
    what it makes); False when it is younger, or cannot be deleted (a read-only folder, gone
    meanwhile)."""
    try:
        if now - path.stat().st_mtime < seconds:
            return False
        path.unlink()
    except OSError:
        return False
    return True
