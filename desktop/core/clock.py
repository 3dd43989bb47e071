"""The station's clock: every time the program reads, stores, compares or shows is in the
station's time zone, whatever zone the laptop's own clock is set to.

Officers type and read the time on the wall of the station (Beijing time, Asia/Shanghai, unless
the data's settings name another zone); a laptop bought abroad or set to UTC must not shift a
talk typed at 09:00 to 17:00, nor refuse a warning received half an hour ago as "in the
future". So nothing else in the program asks the operating system for its zone: it asks here.

The zone is held for the process (one database is open at a time); opening a database sets it
from the data (``use_station_zone``). Zone data comes from the system or, where the system has
none (Windows, a minimal Linux), from the ``tzdata`` package the program depends on. Should
both be missing, Asia/Shanghai still works as the fixed offset +08:00 — exact, since China has
kept no daylight saving time since 1991 — and any other zone is refused.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError

DEFAULT_ZONE = "Asia/Shanghai"
# The zones a station in China keeps (Xinjiang's own time beside Beijing time).
CHINA_ZONES = ("Asia/Shanghai", "Asia/Urumqi")
BEIJING_OFFSET = timezone(timedelta(hours=8), "CST")


def load_zone(name: str) -> tzinfo:
    """The zone called ``name`` (an IANA name such as Asia/Shanghai)."""
    name = str(name).strip()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        if name == DEFAULT_ZONE:
            return BEIJING_OFFSET
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{value} is not a time zone this computer knows; choose one from the list, "
                "e.g. Asia/Shanghai.",
            ),
            field="station_time_zone",
            value=name,
        ) from exc


_zone_name = DEFAULT_ZONE
_zone: tzinfo = load_zone(DEFAULT_ZONE)


def use_station_zone(name: str | None) -> None:
    """From now on, times are the station's in zone ``name`` (the default when empty)."""
    global _zone, _zone_name
    name = (name or "").strip() or DEFAULT_ZONE
    _zone, _zone_name = load_zone(name), name


def station_zone() -> tzinfo:
    return _zone


def station_zone_name() -> str:
    return _zone_name


def now() -> datetime:
    """The current moment as the station's wall clock shows it (aware)."""
    return datetime.now(_zone)


def today() -> date:
    """The station's date now (not the laptop's, which may already be tomorrow)."""
    return now().date()


def station_time(moment: datetime) -> datetime:
    """``moment`` on the station's wall clock; a naive moment is taken to be station time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=_zone)
    return moment.astimezone(_zone)


def at(day: date, clock: time = time(0, 0)) -> datetime:
    """The moment ``clock`` on ``day`` at the station (what an officer types into a form)."""
    return datetime.combine(day, clock.replace(tzinfo=None), tzinfo=_zone)


def stored(moment: datetime) -> str:
    """How a moment is written to the database: ISO 8601 in station time with its offset
    (``2026-10-07T09:00:00+08:00``). Stored times are compared as text (periods, months,
    ordering), which holds only because they all carry the station's offset."""
    return station_time(moment).isoformat(timespec="seconds")


def now_iso() -> str:
    """The current moment as it is stored."""
    return stored(now())
