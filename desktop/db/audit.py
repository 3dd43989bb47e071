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
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.db.database import META_CURRENT_OFFICER, Database, now_iso


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


def chain_key(data_key: bytes) -> bytes:
    """The key of an encrypted database's chain: drawn from its key, never the key itself."""
    import hashlib
    import hmac

    return hmac.new(data_key, b"outreach-desk audit chain", hashlib.sha256).digest()


def _stretches(conn, schema: str = "main") -> list[tuple[int, str]]:
    row = conn.execute(f"SELECT value FROM {schema}.meta WHERE key = ?", (META_CHAIN,)).fetchone()
    return (
        [(int(first), str(scheme)) for first, scheme in json.loads(row[0])] if row else [(0, PLAIN)]
    )


def _next_seq(conn, schema: str = "main") -> int:
    return (conn.execute(f"SELECT max(seq) FROM {schema}.audit").fetchone()[0] or 0) + 1


class _NoKey:
    """A keyed stretch met without its key: no row of it can be vouched for."""


def _scheme_key(scheme: str, data_key: bytes | None) -> bytes | _NoKey | None:
    if scheme == KEYED:
        return _NoKey() if data_key is None else chain_key(data_key)
    if scheme.startswith(REVEALED):
        return bytes.fromhex(scheme[len(REVEALED) :])
    return None


def settle_scheme(database: Database, data_key: bytes | None) -> None:
    """At opening: an encrypted database's new entries are keyed (from the next entry on, when
    the chain was plain so far — a database encrypted later, or from before keyed chains)."""
    wanted = KEYED if data_key is not None else PLAIN
    if _stretches(database.conn)[-1][1] != wanted:
        with database.atomic():  # read again under the write lock: another opener may be first
            stretches = _stretches(database.conn)
            if stretches[-1][1] != wanted:
                stretches.append((_next_seq(database.conn), wanted))
                database.set_meta(META_CHAIN, json.dumps(stretches))
    database.chain_key = None if data_key is None else chain_key(data_key)


def reveal_chain_key(conn, data_key: bytes, schema: str) -> None:
    """A database being decrypted (or given another key): its keyed stretches keep their key in
    clear (the database's own key stays secret: it opens the encrypted backups), so they still
    verify; new entries are plain, until it is opened with a key again (``settle_scheme``)."""
    stretches = [
        (first, REVEALED + chain_key(data_key).hex() if scheme == KEYED else scheme)
        for first, scheme in _stretches(conn, schema)
    ]
    if stretches[-1][1] != PLAIN:
        stretches.append((_next_seq(conn, schema), PLAIN))
    conn.execute(
        f"INSERT INTO {schema}.meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (META_CHAIN, json.dumps(stretches)),
    )


def _last_hash(database: Database) -> str:
    return database.scalar("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1") or ""


def verify_chain(source, data_key: bytes | None = None) -> int | None:
    """The ``seq`` of the first row whose hash does not follow from the rows before it (an
    edited, inserted or deleted row, or a keyed row rehashed without the key), or None when the
    whole chain holds. ``source`` is a Database (its key is the one unlocked for it) or a plain
    sqlite3 connection with ``data_key`` (``check`` reads the file read-only)."""
    conn = getattr(source, "conn", source)
    if data_key is None and isinstance(source, Database) and source.path is not None:
        from desktop.db import keys

        data_key = keys.key_for(source.path)
    stretches = [(first, _scheme_key(scheme, data_key)) for first, scheme in _stretches(conn)]
    previous = ""
    for seq, stored, *fields in conn.execute(
        "SELECT seq, hash, " + ", ".join(FIELDS) + " FROM audit ORDER BY seq"
    ):
        while len(stretches) > 1 and seq >= stretches[1][0]:
            stretches.pop(0)
        key = stretches[0][1]
        if isinstance(key, _NoKey):
            return seq
        expected = chain_hash(previous, fields, key)
        if stored != expected:
            return seq
        previous = expected
    return None


# -- the chain's end, kept outside the table ----------------------------------------------


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
    from desktop.db.files import write_whole

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


def _meta(conn, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return (row[0] if row else None) or ""


def _own_ids(conn) -> set[str]:
    """This database's device id and those it had before it was moved (notes made under them
    are about the same chain; a new database in the same place has a new id)."""
    return {_meta(conn, "device_id"), *_meta(conn, "device_ids_before").split()} - {""}


def _hash_at(conn, seq: int) -> str | None:
    row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else row[0]


def note_end(conn, db_path: Path, *, restored: bool = False) -> None:
    """Note the chain's end beside the database — unless the chain no longer runs through the
    end noted before (it was cut off or rewritten): that note then stays, for ``check``.
    ``restored``: the database was just replaced by a backup, whose end is the new one."""
    end = head(conn)
    noted = None if restored else read_note(db_path)
    if noted and noted.get("device_id") in _own_ids(conn):
        if end is None or _hash_at(conn, noted["seq"]) != noted["hash"]:
            return
        if (end.seq, end.hash) == (noted["seq"], noted["hash"]):
            return
    if end is None and not restored:
        return
    document = {"device_id": _meta(conn, "device_id"), "seq": end.seq if end else 0,
                "hash": end.hash if end else "", "at": now_iso()}  # fmt: skip
    try:
        _write_note(db_path, document)
    except OSError:
        pass  # a folder that cannot be written loses this note, never the work


def supersede_backups(conn, folder: Path, restored: str) -> None:
    """After ``restored`` was put in place: the backups of ``folder`` that hold entries past its
    end say so in their own sidecars — those entries were given up on purpose, not cut off.
    Each sidecar speaks for itself: nothing else (not the note beside the database, which
    anyone may rewrite) can excuse what a backup records."""
    from desktop.db.backups import list_backups, sidecar

    end = head(conn)
    own = _own_ids(conn)
    for backup in list_backups(folder):
        side = read_json(sidecar(backup))
        if not side or side.get("superseded") or side["device_id"] not in own:
            continue
        if end is None or side["seq"] > end.seq or _hash_at(conn, side["seq"]) != side["hash"]:
            with suppress(OSError):  # a folder that cannot be written: check will ask why
                write_json(sidecar(backup), {**side, "superseded": f"{now_iso()} {restored}"})


NO_REASON = QT_TRANSLATE_NOOP("Validation", "Give a reason for showing the full details.")


def reveal_reason(reason: str | None, *, field: str = "reason") -> str:
    """The reason an officer gives for showing personal data in full, as the log keeps it:
    required, and within the limits of any text (it is typed, and printed in the log)."""
    from desktop.core.errors import ValidationError
    from desktop.core.limits import REASON, check_text

    text = check_text((reason or "").strip(), REASON, field=field)
    if not text:
        raise ValidationError(NO_REASON, field=field)
    return text


def anchor(database: Database) -> None:
    """After a commit that wrote to the log: its end, noted beside the database."""
    if database.path is not None:
        note_end(database.conn, database.path)


class AuditFinding(OutreachError):
    """The audit log disagrees with a record of its end kept elsewhere (its ``anchor``)."""

    context = "Audit"


@dataclass(frozen=True)
class Anchor:
    what: AuditFinding  # where this end was recorded, in the officer's words
    device_id: str
    seq: int
    hash: str


def _day(moment: str) -> str:
    return str(moment)[:16].replace("T", " ")


def anchors(conn, db_path: Path | None, backup_folder: Path | None) -> list[Anchor]:
    """Every record of this chain's end the program can find: the note beside the database,
    each backup's sidecar, and what was sent in packages."""
    found: list[Anchor] = []
    noted = read_note(db_path) if db_path is not None else None
    if noted:
        found.append(Anchor(
            AuditFinding(QT_TRANSLATE_NOOP("Audit", "the end of the log noted beside the database"
                                           " ({when})"), when=_day(noted["at"])),
            noted["device_id"], noted["seq"], noted["hash"],
        ))  # fmt: skip
    if backup_folder is not None:
        from desktop.db.backups import list_backups, sidecar

        for backup in list_backups(backup_folder):
            side = read_json(sidecar(backup))
            if not side or side.get("superseded"):  # entries a restore gave up on purpose
                continue
            found.append(Anchor(
                AuditFinding(QT_TRANSLATE_NOOP("Audit", "the backup of {when} ({name})"),
                             when=_day(side["taken_at"]), name=backup.name),
                side["device_id"], side["seq"], side["hash"],
            ))  # fmt: skip
    columns = {row[1] for row in conn.execute("PRAGMA table_info(packages_sent)")}
    if "audit_seq" in columns:
        from desktop.domain.sync import DEFAULT_DESTINATION

        own = _meta(conn, "device_id")
        for destination, sent_at, seq, hashed in conn.execute(
            "SELECT destination, sent_at, audit_seq, audit_hash FROM packages_sent"
            " WHERE audit_seq IS NOT NULL"
        ):
            what = (
                AuditFinding(QT_TRANSLATE_NOOP("Audit", "the package sent to the county on"
                                               " {when}"), when=_day(sent_at))
                if destination == DEFAULT_DESTINATION
                else AuditFinding(QT_TRANSLATE_NOOP("Audit", "the package sent to {destination}"
                                                    " on {when}"),
                                  destination=destination, when=_day(sent_at))
            )  # fmt: skip
            found.append(Anchor(what, own, seq, hashed))
    return found


def anchor_findings(
    conn, db_path: Path | None, backup_folder: Path | None = None
) -> list[AuditFinding]:
    """Each record of the chain's end that the table contradicts — entries cut off the end, or
    the chain rewritten up to a point someone had recorded — a log whose guards against change
    were taken away, and, at a county, what packages from other laptops contradicted about
    theirs."""
    own = _own_ids(conn)
    last = conn.execute("SELECT max(seq) FROM audit").fetchone()[0] or 0
    findings = []
    guards = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
    )}  # fmt: skip
    if not {"audit_no_update", "audit_no_delete"} <= guards:
        # The program never drops them but while it widens the table (a migration, in one
        # transaction): without them, the log was opened with another tool to be changed.
        findings.append(AuditFinding(QT_TRANSLATE_NOOP(
            "Audit", "The audit log's guards against change were removed: the file was opened"
            " with another tool to change the log."
        )))  # fmt: skip
    for found in anchors(conn, db_path, backup_folder):
        if found.device_id not in own or found.seq <= 0:
            continue
        stored = _hash_at(conn, found.seq)
        if stored is None and found.seq > last:
            findings.append(AuditFinding(
                QT_TRANSLATE_NOOP("Audit", "The audit log is shorter than {anchor} records: it"
                                  " reached entry {seq} then, it ends at entry {last} now."),
                anchor=found.what, seq=found.seq, last=last,
            ))  # fmt: skip
        elif stored is None:
            findings.append(AuditFinding(
                QT_TRANSLATE_NOOP("Audit", "The audit log lost entries: entry {seq}, which"
                                  " {anchor} records, is gone."),
                anchor=found.what, seq=found.seq,
            ))  # fmt: skip
        elif stored != found.hash:
            findings.append(AuditFinding(
                QT_TRANSLATE_NOOP("Audit", "The audit log was rewritten: entry {seq} is not the"
                                  " one {anchor} records."),
                anchor=found.what, seq=found.seq,
            ))  # fmt: skip
    return findings + laptop_findings(conn)


# -- laptops' chains, as the county receives them ------------------------------------------


def package_heads(database: Database, destination: str) -> dict:
    """What a package tells about the sending laptop's chain: its end, and the hash now at the
    end the last package to the same destination carried — the county, which kept that end,
    sees whether the chain still runs through it."""
    end = head(database.conn, count=True)
    carried: dict = {"audit_head": None if end is None else
                     {"seq": end.seq, "hash": end.hash, "count": end.count}}  # fmt: skip
    sent = database.scalar(
        "SELECT audit_seq FROM packages_sent WHERE destination = ?", (destination,)
    )
    if sent is not None:
        carried["audit_previous"] = {"seq": sent, "hash": _hash_at(database.conn, sent)}
    return carried


def _carried(manifest: dict) -> dict | None:
    """The chain's end a package carries, if it carries one as the program writes it."""
    end = manifest.get("audit_head")
    if (
        isinstance(end, dict)
        and type(end.get("seq")) is int
        and isinstance(end.get("hash"), str)
        and type(end.get("count")) is int
    ):
        return end
    return None


def received_findings(database: Database, manifest: dict) -> list[dict]:
    """Where a package's chain contradicts the end kept from the same laptop's last package:
    fewer entries (cut off), or another hash where that end was (rewritten)."""
    end = _carried(manifest)
    kept = database.execute(
        "SELECT audit_seq, audit_hash, audit_count, last_package_at FROM devices"
        " WHERE device_id = ?",
        (manifest["device_id"],),
    ).fetchone()
    if not end or kept is None or kept["audit_seq"] is None:
        return []
    if manifest["created_at"] < kept["last_package_at"]:
        return []  # an older package arriving late says nothing about the chain now
    moments = {"then": kept["last_package_at"], "when": manifest["created_at"]}
    if end["seq"] < kept["audit_seq"] or end["count"] < (kept["audit_count"] or 0):
        return [{"kind": "shorter", "seq": kept["audit_seq"], "before": kept["audit_count"],
                 "last": end["seq"], "now": end["count"], **moments}]  # fmt: skip
    previous = manifest.get("audit_previous")
    previous = previous if isinstance(previous, dict) else {}
    if end["seq"] == kept["audit_seq"]:
        now = end["hash"]
    elif previous.get("seq") == kept["audit_seq"]:
        now = previous.get("hash")
    else:
        return []  # the laptop cannot tell what is now where the county's kept end is
    if now != kept["audit_hash"]:
        return [{"kind": "rewritten", "seq": kept["audit_seq"], **moments}]
    return []


def receive_heads(database: Database, manifest: dict, findings: list[dict]) -> None:
    """Keep the end of the laptop's chain as its newest package showed it, and what it
    contradicted (the county's ``check`` goes on naming that laptop)."""
    end = _carried(manifest)
    if not end:
        return
    earlier = database.scalar(
        "SELECT audit_findings FROM devices WHERE device_id = ?", (manifest["device_id"],)
    )
    kept = json.loads(earlier) if earlier else []
    database.execute(
        "UPDATE devices SET audit_seq = ?, audit_hash = ?, audit_count = ?, audit_findings = ?"
        " WHERE device_id = ? AND last_package_at <= ?",
        (end["seq"], end["hash"], end["count"], json.dumps(kept + findings) if kept or
         findings else None, manifest["device_id"], manifest["created_at"]),
    )  # fmt: skip


def laptop_finding(item: dict, laptop: str) -> AuditFinding:
    """One contradiction found in a laptop's packages, in the officer's words."""
    if item["kind"] == "shorter":
        return AuditFinding(
            QT_TRANSLATE_NOOP(
                "Audit",
                "The audit log of laptop {laptop} is shorter than its package of {then} showed:"
                " {before} entries (to entry {seq}) then, {now} entries (to entry {last}) in the"
                " package of {when}.",
            ),
            laptop=laptop, then=_day(item["then"]), when=_day(item["when"]),
            before=item["before"], seq=item["seq"], now=item["now"], last=item["last"],
        )  # fmt: skip
    return AuditFinding(
        QT_TRANSLATE_NOOP(
            "Audit",
            "The audit log of laptop {laptop} was rewritten: entry {seq} is not the one its"
            " package of {then} showed (found in the package of {when}).",
        ),
        laptop=laptop, seq=item["seq"], then=_day(item["then"]), when=_day(item["when"]),
    )  # fmt: skip


def laptop_name(station: str, officer: str, device_id: str) -> str:
    return " / ".join(part for part in (station, officer, device_id) if part)


def laptop_findings(conn) -> list[AuditFinding]:
    """What packages from other laptops contradicted about their chains (a county's check)."""
    if "audit_findings" not in {row[1] for row in conn.execute("PRAGMA table_info(devices)")}:
        return []
    return [
        laptop_finding(item, laptop_name(station, officer, device_id))
        for device_id, station, officer, found in conn.execute(
            "SELECT device_id, station, officer, audit_findings FROM devices"
            " WHERE audit_findings IS NOT NULL ORDER BY last_package_at"
        )
        for item in json.loads(found)
    ]


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


def record_many(database: Database, action: str, rows: list[tuple[str, str, str]]) -> None:
    """One audit row per (table, row id, summary), all with the same time and actor."""
    at, actor = now_iso(), _cached_actor(database)
    previous = _last_hash(database)
    values = []
    for table, row_id, summary in rows:
        fields = (at, actor, action, table, row_id, summary, database.device_id)
        previous = chain_hash(previous, fields, database.chain_key)
        values.append((*fields, previous))
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
