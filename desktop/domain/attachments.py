"""Photos and scans attached to a talk or a case: files copied beside the database.

The file is copied into ``attachments/<owner id>/`` next to the database file (so a backup of
the folder carries them), named by its SHA-256 so the same photo added twice is stored once,
and recorded with its hash. The copy is made before the record and removed again if the record
cannot be written, so neither is ever left without the other.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.limits import PATH, check_text
from desktop.db.database import Database
from desktop.db.files import remove_if_untouched
from desktop.db.records import insert_record

MAX_BYTES = 50 * 1024 * 1024
KINDS = ("photo", "signin_photo")
TOO_LARGE = QT_TRANSLATE_NOOP("Validation", "{value} is larger than 50 MB.")
FOLDER = "attachments"
PICTURE_TYPES = ("jpg", "png", "gif", "bmp", "webp", "heic")  # the names' endings, image_type's
# A record's id (letters, digits, "-", "_" and inner dots only, so never "..", a drive "C:", a
# Windows device name's colon or a hidden file), then the file as the program names it: the
# first 32 hex digits of its hash and its picture type — nothing else is ever stored.
_PART = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*")
_STORED = rf"[0-9a-f]{{32}}\.(?:{'|'.join(PICTURE_TYPES)})"
NOT_AN_ATTACHMENT_PATH = QT_TRANSLATE_NOOP(
    "Validation",
    "The attachment path {value} is not a file inside the attachments folder (attachments/"
    "record/file, with forward slashes); nothing is written there.",
)
_SIGNATURES = (
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
)
log = logging.getLogger(__name__)


def image_type(head: bytes) -> str | None:
    """The picture format from a file's first bytes, or None when it is not a picture."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"heif"):
        return "heic"  # iPhone photos
    return None


def attachments_root(database: Database) -> Path:
    if database.path is None:
        raise ValueError("attachments need a database file")
    return database.path.parent / FOLDER


def checked_path(relative: Any, root: Path | None = None) -> str:
    """``relative`` when it is a path an attachment may be stored under: ``attachments/<record
    id>/<file>``, relative to the database's folder, nothing in it that could lead elsewhere
    (``..``, a leading slash, a drive letter, a backslash, a control character); given the
    database's folder ``root``, the file must also stay inside its attachments folder once
    symbolic links on the disk are followed. Otherwise a ``ValidationError`` naming the path.
    Every path the program stores or writes a photo to, here or from a package, passes here."""
    text = check_text(relative, PATH, field="path")
    parts = text.split("/") if text else []
    if (
        len(parts) != 3
        or parts[0] != FOLDER
        or not _PART.fullmatch(parts[1])
        or not re.fullmatch(_STORED, parts[2])
    ):
        raise ValidationError(NOT_AN_ATTACHMENT_PATH, field="path", value=repr(text)[:80])
    if root is not None:
        folder = (root / FOLDER).resolve()
        if folder not in (root / text).resolve().parents:
            raise ValidationError(NOT_AN_ATTACHMENT_PATH, field="path", value=repr(text)[:80])
    return text


def add_attachment(
    database: Database,
    owner_table: str,
    owner_id: str,
    source: Path,
    *,
    kind: str = "photo",
    caption: str = "",
) -> str:
    """Copy a picture in and record it; returns the attachment's id (an existing one if the
    same picture is already attached to this record)."""
    if kind not in KINDS:
        raise ValueError(f"unknown attachment kind {kind}")
    source = Path(source)
    try:
        size = source.stat().st_size
        with source.open("rb") as handle:
            picture = image_type(handle.read(16))
    except OSError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "The file {value} cannot be read."),
            field="photo",
            value=source.name,
        ) from exc
    if picture is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation", "{value} is not a photo (JPEG, PNG, GIF, BMP, WebP or HEIC)."
            ),
            field="photo",
            value=source.name,
        )
    if size > MAX_BYTES:
        raise ValidationError(TOO_LARGE, field="photo", value=source.name)
    root = attachments_root(database)
    root.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with tempfile.NamedTemporaryFile(dir=root, delete=False, suffix=".part") as copy:
        with source.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
                copy.write(block)
        copy.flush()
        os.fsync(copy.fileno())
    sha256 = digest.hexdigest()
    existing = database.scalar(
        "SELECT id FROM attachments WHERE owner_table = ? AND owner_id = ? AND sha256 = ? "
        "AND deleted_at IS NULL",
        (owner_table, owner_id, sha256),
    )
    if existing:
        os.unlink(copy.name)
        return existing
    relative = f"{FOLDER}/{owner_id}/{sha256[:32]}.{picture}"
    try:
        checked_path(relative, root.parent)  # before anything lands in the record's folder
    except ValidationError:
        os.unlink(copy.name)
        raise
    target = root.parent / relative
    target.parent.mkdir(exist_ok=True)
    created = not target.exists()
    if created:
        os.replace(copy.name, target)
    else:
        os.unlink(copy.name)
    try:
        return insert_record(
            database,
            "attachments",
            {
                "owner_table": owner_table,
                "owner_id": owner_id,
                "kind": kind,
                "path": relative,
                "sha256": sha256,
                "caption": caption.strip(),
            },
            summary=f"{kind}: {source.name}",
        )
    except BaseException:
        if created:
            target.unlink(missing_ok=True)
        raise


def list_attachments(database: Database, owner_table: str, owner_id: str) -> list[dict]:
    rows = database.query(
        "SELECT * FROM attachments WHERE owner_table = ? AND owner_id = ? AND deleted_at IS NULL "
        "ORDER BY created_at, id",
        (owner_table, owner_id),
    )
    return [dict(row) for row in rows]


def absolute_path(database: Database, attachment: dict) -> Path:
    """Where an attachment's file is; a ``ValidationError`` when its stored path would lead out
    of the attachments folder (a record merged before packages were checked), so no photo is
    ever read from elsewhere."""
    root = attachments_root(database).parent
    return root / checked_path(attachment["path"], root)


# A merge writes a photo before its transaction commits the record naming it; a merge killed
# in between leaves a photo no record names (and perhaps its ``.part``). Only files of the
# attachments' own naming, in a folder named by a record id, untouched for this long, count.
ORPHANED_AFTER_S = 10 * 60
_OWNER = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_FILE = re.compile(rf"^{_STORED}(\.part)?$")


def remove_orphans(database: Database, now: float | None = None) -> list[Path]:
    """Delete the photos no attachment record names (deleted records still name theirs),
    left by merges that were killed. Call it only while this program holds the one-program
    lock (``instance.InstanceLock``): every merge — the window's on its one worker, the
    command line's (which holds the lock while it merges) — then runs either before this or
    after it, never during it; the age threshold is a second guard. Returns what went."""
    import time

    if database.path is None:
        return []
    now = time.time() if now is None else now
    root = attachments_root(database)
    if not root.is_dir():
        return []
    named = {row[0] for row in database.query("SELECT path FROM attachments")}
    removed = []
    for owner in sorted(root.iterdir()):
        if not (_OWNER.match(owner.name) and owner.is_dir()):
            continue
        for path in sorted(owner.iterdir()):
            match = _FILE.match(path.name)
            relative = f"{root.name}/{owner.name}/{path.name}"
            if match is None or (not match.group(1) and relative in named):
                continue
            if not remove_if_untouched(path, now, ORPHANED_AFTER_S):
                continue
            log.warning("Removed %s: no attachment record names it (a merge cut off)", path)
            removed.append(path)
    return removed
