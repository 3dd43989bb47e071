"""Where the audit log's end is recorded outside the table, and what ``check`` finds when the
table disagrees: the note beside the database, each backup's sidecar, the packages sent, and —
at a county — what each laptop's packages said of its own log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop.core.catalogue import DEFAULT_DESTINATION
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.core.formats import format_stamp
from desktop.db import sqlite as sqlite3
from desktop.db.backups import list_backups, sidecar
from desktop.db.chain import hash_at, head, meta_value, own_ids, read_json, read_note
from desktop.db.database import Database


class AuditFinding(OutreachError):
    """The audit log disagrees with a record of its end kept elsewhere (its ``anchor``)."""

    context = "Audit"


@dataclass(frozen=True)
class Anchor:
    what: AuditFinding  # where this end was recorded, in the officer's words
    device_id: str
    seq: int
    hash: str


def anchors(conn, db_path: Path | None, backup_folder: Path | None) -> list[Anchor]:
    """Every record of this chain's end the program can find: the note beside the database,
    each backup's sidecar, and what was sent in packages."""
    found: list[Anchor] = []
    noted = read_note(db_path) if db_path is not None else None
    if noted:
        found.append(Anchor(
            AuditFinding(QT_TRANSLATE_NOOP("Audit", "the end of the log noted beside the database"
                                           " ({when})"), when=format_stamp(noted["at"])),
            noted["device_id"], noted["seq"], noted["hash"],
        ))  # fmt: skip
    if backup_folder is not None:
        for backup in list_backups(backup_folder):
            side = read_json(sidecar(backup))
            if not side or side.get("superseded"):  # entries a restore gave up on purpose
                continue
            found.append(Anchor(
                AuditFinding(QT_TRANSLATE_NOOP("Audit", "the backup of {when} ({name})"),
                             when=format_stamp(side["taken_at"]), name=backup.name),
                side["device_id"], side["seq"], side["hash"],
            ))  # fmt: skip
    if "audit_seq" in sqlite3.utils(conn).table("packages_sent").columns_dict:  # version 11
        own = meta_value(conn, "device_id")
        for destination, sent_at, seq, hashed in conn.execute(
            "SELECT destination, sent_at, audit_seq, audit_hash FROM packages_sent"
            " WHERE audit_seq IS NOT NULL"
        ):
            what = (
                AuditFinding(QT_TRANSLATE_NOOP("Audit", "the package sent to the county on"
                                               " {when}"), when=format_stamp(sent_at))
                if destination == DEFAULT_DESTINATION
                else AuditFinding(QT_TRANSLATE_NOOP("Audit", "the package sent to {destination}"
                                                    " on {when}"),
                                  destination=destination, when=format_stamp(sent_at))
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
    own = own_ids(conn)
    last = conn.execute("SELECT max(seq) FROM audit").fetchone()[0] or 0
    findings = []
    guards = {trigger.name for trigger in sqlite3.utils(conn).table("audit").triggers}
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
        stored = hash_at(conn, found.seq)
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
        carried["audit_previous"] = {"seq": sent, "hash": hash_at(database.conn, sent)}
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
            laptop=laptop, then=format_stamp(item["then"]), when=format_stamp(item["when"]),
            before=item["before"], seq=item["seq"], now=item["now"], last=item["last"],
        )  # fmt: skip
    return AuditFinding(
        QT_TRANSLATE_NOOP(
            "Audit",
            "The audit log of laptop {laptop} was rewritten: entry {seq} is not the one its"
            " package of {then} showed (found in the package of {when}).",
        ),
        laptop=laptop, seq=item["seq"], then=format_stamp(item["then"]),
        when=format_stamp(item["when"]),
    )  # fmt: skip


def laptop_name(station: str, officer: str, device_id: str) -> str:
    return " / ".join(part for part in (station, officer, device_id) if part)


def laptop_findings(conn) -> list[AuditFinding]:
    """What packages from other laptops contradicted about their chains (a county's check)."""
    if "audit_findings" not in sqlite3.utils(conn).table("devices").columns_dict:
        return []
    return [
        laptop_finding(item, laptop_name(station, officer, device_id))
        for device_id, station, officer, found in conn.execute(
            "SELECT device_id, station, officer, audit_findings FROM devices"
            " WHERE audit_findings IS NOT NULL ORDER BY last_package_at"
        )
        for item in json.loads(found)
    ]
