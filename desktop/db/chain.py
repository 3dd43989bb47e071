"""The audit log's hash chain and the notes of its end kept outside the table.

Each audit row carries a hash of its content and of the row before it; in an encrypted database
the hashes are keyed (HMAC) with a key drawn from the database's key, and the meta key
``audit_chain`` says from which entry on each stretch of the chain is keyed. This module works
on a plain connection (no ``Database``): migrations, key changes, backups and ``check`` use it
below the audit log's own module.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.clock import now_iso
from desktop.db.files import write_whole

FIELDS = ("at", "actor", "action", "table_name", "row_id", "summary", "device_id")


# Which hash each stretch of the chain uses: JSON [[first entry, scheme], …]. No entry: all plain.
META_CHAIN = "audit_chain"


PLAIN = "sha256"


KEYED = "hmac"  # keyed with ``chain_key`` of the database's key


REVEALED = "hmac:"  # + the key in hex: keyed once, the key kept in clear when decrypted


def chain_hash(previous: str, fields: Sequence, key: bytes | None = None) -> str:
    """The hash of one audit row: its fields, and the hash of the row before it (an HMAC with
    ``key`` in a keyed stretch)."""
    text = "\x1f".join([previous, *(str(value) for value in fields)]).encode("utf-8")
    import hashlib  # here: the window's start reads no audit row

    if key is None:
        return hashlib.sha256(text).hexdigest()
    import hmac

    return hmac.new(key, text, hashlib.sha256).hexdigest()


def chain_hashes(
    previous: str, head: Sequence, rows: Iterable[Sequence], tail: Sequence, key: bytes | None
) -> Iterator[str]:
    """``chain_hash`` of each audit row ``(*head, *row, *tail)`` in turn, each after the one
    before: the same hashes, with the fields all rows share joined once (an import writes
    hundreds of thousands of rows with the same time, actor and action)."""
    import hashlib
    import hmac

    separator = "\x1f"
    before = "".join(separator + str(value) for value in head) + separator
    after = "".join(separator + str(value) for value in tail)
    sha256 = hashlib.sha256
    for row in rows:
        text = (previous + before + separator.join(map(str, row)) + after).encode("utf-8")
        previous = (sha256(text) if key is None else hmac.new(key, text, sha256)).hexdigest()
        yield previous


def chain_key(data_key: bytes) -> bytes:
    """The key of an encrypted database's chain: drawn from its key, never the key itself."""
    import hashlib
    import hmac

    return hmac.new(data_key, b"outreach-desk audit chain", hashlib.sha256).digest()


def chain_stretches(conn, schema: str = "main") -> list[tuple[int, str]]:
    row = conn.execute(f"SELECT value FROM {schema}.meta WHERE key = ?", (META_CHAIN,)).fetchone()
    return (
        [(int(first), str(scheme)) for first, scheme in json.loads(row[0])] if row else [(0, PLAIN)]
    )


def next_seq(conn, schema: str = "main") -> int:
    return (conn.execute(f"SELECT max(seq) FROM {schema}.audit").fetchone()[0] or 0) + 1


class NoKey:
    """A keyed stretch met without its key: no row of it can be vouched for."""


def scheme_key(scheme: str, data_key: bytes | None) -> bytes | NoKey | None:
    if scheme == KEYED:
        return NoKey() if data_key is None else chain_key(data_key)
    if scheme.startswith(REVEALED):
        return bytes.fromhex(scheme[len(REVEALED) :])
    return None


def reveal_chain_key(conn, data_key: bytes, schema: str) -> None:
    """A database being decrypted (or given another key): its keyed stretches keep their key in
    clear (the database's own key stays secret: it opens the encrypted backups), so they still
    verify; new entries are plain, until it is opened with a key again (``settle_scheme``)."""
    stretches = [
        (first, REVEALED + chain_key(data_key).hex() if scheme == KEYED else scheme)
        for first, scheme in chain_stretches(conn, schema)
    ]
    if stretches[-1][1] != PLAIN:
        stretches.append((next_seq(conn, schema), PLAIN))
    conn.execute(
        f"INSERT INTO {schema}.meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (META_CHAIN, json.dumps(stretches)),
    )


@dataclass(frozen=True)
class Head:
    """The chain's end: the last entry's number and hash, and how many entries there are where
    counting is paid for anyway (a backup, a package)."""

    seq: int
    hash: str
    count: int | None = None


def head(conn, *, count: bool = False) -> Head | None:
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    if row is None:
        return None
    total = conn.execute("SELECT count(*) FROM audit").fetchone()[0] if count else None
    return Head(row[0], row[1], total)


def anchor_file(db_path: Path | str) -> Path:
    """Where this laptop keeps the end of a database's chain: beside the database."""
    return Path(f"{db_path}.audit.json")


def _shaped(document) -> dict | None:
    """A note or a sidecar as the program writes them, else None (as if there were none)."""
    if not isinstance(document, dict):
        return None
    moment = document.get("at", document.get("taken_at"))
    well = (
        isinstance(document.get("device_id"), str)
        and type(document.get("seq")) is int
        and isinstance(document.get("hash"), str)
        and isinstance(moment, str)
        and isinstance(document.get("superseded", ""), str)
    )
    return document if well else None


def read_json(path: Path) -> dict | None:
    """A backup's sidecar, or None when there is none (or it cannot be read)."""
    try:
        return _shaped(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def write_json(path: Path, document: dict) -> None:
    """Replace ``path`` whole: a sidecar cut off halfway must not pass for one."""
    write_whole(path, json.dumps(document))


NOTE_SIZE = 1024  # the note beside the database is rewritten in place, padded to this size


def _checksum(document: dict) -> str:
    import hashlib

    return hashlib.sha256(json.dumps(document, sort_keys=True).encode("utf-8")).hexdigest()


def read_note(db_path: Path | str) -> dict | None:
    """The note of the chain's end beside the database; None when there is none, or when a
    crash tore it (its checksum — which guards against that, not against a person — fails)."""
    try:
        text = anchor_file(db_path).read_text(encoding="utf-8")
        document, _end = json.JSONDecoder().raw_decode(text.lstrip())
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.pop("check", None) != _checksum(document):
        return None
    return _shaped(document)


def _write_note(db_path: Path, document: dict) -> None:
    """Overwrite the note in place: replacing a small file whole makes some file systems flush
    the disk (a few ms on every commit); a note torn by a crash reads as no note."""
    data = json.dumps({**document, "check": _checksum(document)}).encode("utf-8")
    handle = os.open(anchor_file(db_path), os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0))
    try:
        os.write(handle, data.ljust(NOTE_SIZE))
    finally:
        os.close(handle)


def meta_value(conn, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return (row[0] if row else None) or ""


def own_ids(conn) -> set[str]:
    """This database's device id and those it had before it was moved (notes made under them
    are about the same chain; a new database in the same place has a new id)."""
    return {meta_value(conn, "device_id"), *meta_value(conn, "device_ids_before").split()} - {""}


def hash_at(conn, seq: int) -> str | None:
    row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else row[0]


def note_end(conn, db_path: Path, *, restored: bool = False) -> None:
    """Note the chain's end beside the database — unless the chain no longer runs through the
    end noted before (it was cut off or rewritten): that note then stays, for ``check``.
    ``restored``: the database was just replaced by a backup, whose end is the new one."""
    end = head(conn)
    noted = None if restored else read_note(db_path)
    if noted and noted.get("device_id") in own_ids(conn):
        if end is None or hash_at(conn, noted["seq"]) != noted["hash"]:
            return
        if (end.seq, end.hash) == (noted["seq"], noted["hash"]):
            return
    if end is None and not restored:
        return
    document = {"device_id": meta_value(conn, "device_id"), "seq": end.seq if end else 0,
                "hash": end.hash if end else "", "at": now_iso()}  # fmt: skip
    try:
        _write_note(db_path, document)
    except OSError:
        pass  # a folder that cannot be written loses this note, never the work
