"""Which edits a record has seen: the bookkeeping that lets laptops merge without a server.

Each record carries ``versions`` (JSON; NULL until the record is first changed or sent):

- ``c``, ``t``: the device that made the record and the stamp of its first version;
- ``v``: for each device, the latest stamp of that device's edits this copy has seen;
- ``f``: for each field set after the first version, the ``[device, stamp]`` of that edit.

A stamp is the edit's time in microseconds since 1970, and never less than one more than any
stamp the record has seen, so an edit made after an old backup was restored, after the clock
went back, or on a laptop whose clock is behind still counts as the newest.

Merging two copies of a record works field by field. An edit the other copy has already seen
(its stamp is within the other's ``v``) gives way to what came after it; two edits of the same
field that did not know of each other are a conflict: the later one (then the larger device
id) stays, and the other value is handed back to be listed for a person to decide. Every
step is a maximum, so copies merged in any order, any number of times, end up equal.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

Dot = tuple[str, int]

# Columns every record has that the merge handles itself, and columns the receiving database
# works out from other records (a warning's summary of its attempts, the community it counts
# for): these never travel.
COMMON = ("id", "created_at", "updated_at", "device_id", "versions", "change_seq")
DERIVED = {
    "warnings": ("contact_count", "first_contact_minutes", "first_visit_minutes", "area_id"),
    "follow_ups": ("area_id",),
}


def stamp_of(moment: str) -> int:
    """Microseconds since 1970 of an ISO 8601 time with its offset."""
    parsed = datetime.fromisoformat(moment)
    return int(parsed.timestamp()) * 1_000_000 + parsed.microsecond


def well_formed(text: Any) -> bool:
    """Whether ``text`` is versions a merge can read: what ``Versions.dump`` writes."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        return False
    if not isinstance(data, dict) or not isinstance(data.get("c"), str):
        return False
    seen, fields = data.get("v"), data.get("f", {})
    return (
        _is_stamp(data.get("t"))
        and isinstance(seen, dict)
        and bool(seen)
        and all(_is_stamp(stamp) for stamp in seen.values())
        and isinstance(fields, dict)
        and all(
            isinstance(dot, list)
            and len(dot) == 2
            and isinstance(dot[0], str)
            and _is_stamp(dot[1])
            for dot in fields.values()
        )
    )


def _is_stamp(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def now_stamp() -> int:
    return time.time_ns() // 1000


@dataclass
class Versions:
    creator: str
    first: int
    seen: dict[str, int]
    fields: dict[str, Dot]

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Versions:
        """The versions of a stored record; a record never changed nor sent has them implied:
        made by its device at its last stamp."""
        text = row.get("versions")
        if text:
            data = json.loads(text)
            return cls(
                data["c"],
                data["t"],
                dict(data["v"]),
                {name: (dot[0], dot[1]) for name, dot in data.get("f", {}).items()},
            )
        stamp = stamp_of(row["updated_at"])
        return cls(row["device_id"], stamp, {row["device_id"]: stamp}, {})

    def dot(self, field: str) -> Dot:
        return self.fields.get(field, (self.creator, self.first))

    def latest(self) -> tuple[int, str]:
        """The (stamp, device) of the newest edit this copy has seen."""
        return max((stamp, device) for device, stamp in self.seen.items())

    def knows(self, dot: Dot) -> bool:
        return self.seen.get(dot[0], 0) >= dot[1]

    def dump(self) -> str:
        """Canonical JSON: equal versions give equal text, whichever copy wrote them."""
        base = (self.creator, self.first)
        data = {
            "c": self.creator,
            "t": self.first,
            "v": self.seen,
            "f": {name: list(dot) for name, dot in self.fields.items() if dot != base},
        }
        return json.dumps(data, sort_keys=True, separators=(",", ":"))


def after_local_edit(row: Mapping[str, Any], changed: Iterable[str], device: str) -> str:
    """The versions of ``row`` once this device has changed the fields ``changed``."""
    versions = Versions.of(row)
    # Later than every edit this copy has seen, whatever the clocks say: the newest version
    # of a record is then simply the one with the largest stamp (see ``latest``).
    stamp = max(now_stamp(), max(versions.seen.values(), default=0) + 1)
    versions.seen[device] = stamp
    for name in changed:
        versions.fields[name] = (device, stamp)
    return versions.dump()


@dataclass(frozen=True)
class Conflict:
    """One field both copies changed without knowing of the other's change."""

    field: str
    kept: Any
    kept_dot: Dot
    other: Any
    other_dot: Dot


@dataclass
class Merged:
    values: dict[str, Any]  # fields whose value comes from the incoming copy
    versions: str  # the merged versions (canonical JSON)
    updated_at: str
    device_id: str
    conflicts: list[Conflict]


def merge(local: Mapping[str, Any], incoming: Mapping[str, Any], fields: Iterable[str]) -> Merged:
    """Merge the incoming copy of a record into the local one, field by field."""
    mine = Versions.of(local)
    theirs = Versions.of(incoming)
    taken: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    chosen: dict[str, Dot] = {}
    for name in fields:
        ours = mine.dot(name)
        if name not in incoming:  # a package from an older schema lacks the field
            chosen[name] = ours
            continue
        other = theirs.dot(name)
        if other == ours or mine.knows(other):
            chosen[name] = ours
        elif theirs.knows(ours):
            chosen[name] = other
            taken[name] = incoming[name]
        else:
            winner = max(ours, other, key=lambda dot: (dot[1], dot[0]))
            chosen[name] = winner
            # Two deletions are one decision, whenever each was made.
            both_deleted = name == "deleted_at" and None not in (local[name], incoming[name])
            if local[name] != incoming[name] and not both_deleted:
                if winner == other:
                    conflicts.append(Conflict(name, incoming[name], other, local[name], ours))
                else:
                    conflicts.append(Conflict(name, local[name], ours, incoming[name], other))
            if winner == other:
                taken[name] = incoming[name]
    seen = dict(mine.seen)
    for device, stamp in theirs.seen.items():
        seen[device] = max(seen.get(device, 0), stamp)
    merged = Versions(mine.creator, mine.first, seen, chosen)
    # When the record last changed, and on which laptop: those of the copy holding the newest
    # edit — a maximum, so the same in any order, and a local edit is always the newest.
    if theirs.latest() > mine.latest():
        later = (incoming["updated_at"], incoming["device_id"])
    else:
        later = (local["updated_at"], local["device_id"])
    return Merged(taken, merged.dump(), later[0], later[1], conflicts)
