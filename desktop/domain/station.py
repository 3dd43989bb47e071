"""The station this data belongs to: its name and phone (printed on every document), the
officer using this laptop and the station's time zone. They live in the database's meta table,
so they travel with a backup. A new database asks for them at the first start; Settings
changes them later."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.db import audit
from desktop.db.database import (
    META_CURRENT_OFFICER,
    META_STATION_NAME,
    META_STATION_PHONE,
    Database,
)


@dataclass(frozen=True)
class Station:
    name: str
    phone: str
    officer_id: str | None  # the officer using this laptop, when chosen
    zone: str  # the IANA name of the station's clock


def station(database: Database) -> Station:
    # The officers (and the entities) only where they are read: every start asks
    # ``station_is_set``, before the window is painted.
    from desktop.domain import officers as officer_store

    return Station(
        name=database.get_meta(META_STATION_NAME) or "",
        phone=database.get_meta(META_STATION_PHONE) or "",
        officer_id=officer_store.current_officer(database),
        zone=clock.station_zone_name(),
    )


def station_is_set(database: Database) -> bool:
    """Whether the station has been named: until it is, printouts say the unit is not set and
    the window asks at each start."""
    return bool((database.get_meta(META_STATION_NAME) or "").strip())


def set_station(
    database: Database,
    *,
    name: str,
    phone: str = "",
    zone: str = clock.DEFAULT_ZONE,
    officer_id: str | None = None,
    new_officer: dict[str, Any] | None = None,
) -> Station:
    """Name the station (required) with its phone, time zone and the officer using this laptop:
    one on record (``officer_id``), or one added now (``new_officer``'s fields, the station as
    their unit). All or nothing, written to the audit log."""
    from desktop.core.limits import PLACE, check_text
    from desktop.core.validate import normalize_phone
    from desktop.db.opening import set_station_zone
    from desktop.domain import officers as officer_store

    clean_name = check_text(" ".join(name.split()), PLACE, field="station")
    if not clean_name:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation", "Enter the station's name: every printout names its issuing unit."
            ),
            field="station",
        )
    clean_phone = normalize_phone(phone.strip(), field="phone").number if phone.strip() else ""
    clock.load_zone(zone)  # a zone this computer cannot read is refused before anything is kept
    actor = audit.current_actor(database)  # who set it: the laptop's user before an officer is
    with database.atomic():
        if new_officer is not None:
            officer_id = officer_store.add_officer(
                database, {**new_officer, "unit": new_officer.get("unit") or clean_name}
            )
        else:
            officer_id = officer_store.officer_on_record(database, officer_id, "officer")
        database.set_meta(META_STATION_NAME, clean_name)
        database.set_meta(META_STATION_PHONE, clean_phone)
        database.set_meta(META_CURRENT_OFFICER, officer_id or "")
        audit.record(
            database, "settings", "meta", "",
            f"station set: {clean_name}, phone {clean_phone or '-'}, zone {zone}, officer "
            f"{officer_id or '-'}", actor=actor,
        )  # fmt: skip
        if zone != clock.station_zone_name():
            set_station_zone(database, zone)  # last: the process follows once it is kept
    return station(database)
