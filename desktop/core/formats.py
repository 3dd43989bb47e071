"""Dates, times and sums of money as a person reads them, in Chinese or in English.

One implementation for the screens and the printed forms: Chinese writes 2026年10月7日 14:30
(no leading zeros in the date, a 24-hour clock) and money as 3,500元, or 5.20万元 from 10,000
yuan up; English writes 7 Oct 2026 14:30 and ¥52,000. The record's own text (ISO, as stored)
stays what forms are filled in with: these are for showing only.

A moment is a ``date``, a ``datetime`` or an ISO string as the database stores it
(``2026-10-07T14:30:00+08:00``; ``2026-10-07`` is a date). An aware moment is shown as the
wall-clock time of the station (``clock.station_time``: China time unless the data names
another zone), whatever the laptop's own zone; a naive one is taken as it is. Nothing (``None`` or ``""``) shows as
an empty string.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal

from desktop.core.clock import station_time

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # fmt: skip
FEN_PER_YUAN = 100
FEN_PER_WAN = 1_000_000  # 1万元 = 10,000 yuan
RANGE_DASH_ZH = "—"
RANGE_DASH_EN = "–"

Moment = date | datetime | str


def _read(value: Moment) -> date | datetime:
    """A date, or a datetime in station time, from any of the accepted forms."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10:  # 2026-10-07: a day, not midnight
            return date.fromisoformat(text)
        value = datetime.fromisoformat(text)
    if isinstance(value, datetime):
        return station_time(value)
    if isinstance(value, date):
        return value
    raise TypeError(f"not a date or a time: {value!r}")


def _day(value: Moment) -> date:
    moment = _read(value)
    return moment.date() if isinstance(moment, datetime) else moment


def format_date(value: Moment | None, *, chinese: bool) -> str:
    """2026年10月7日 / 7 Oct 2026."""
    if value is None or value == "":
        return ""
    day = _day(value)
    if chinese:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def format_month_day(value: Moment | None, *, chinese: bool) -> str:
    """10月7日 / 7 Oct: a day when the year goes without saying."""
    if value is None or value == "":
        return ""
    day = _day(value)
    return f"{day.month}月{day.day}日" if chinese else f"{day.day} {MONTHS_EN[day.month - 1]}"


def format_month(value: Moment | None, *, chinese: bool) -> str:
    """2026年10月 / Oct 2026."""
    if value is None or value == "":
        return ""
    day = _day(value)
    return f"{day.year}年{day.month}月" if chinese else f"{MONTHS_EN[day.month - 1]} {day.year}"


def format_time(value: datetime | time | str | None, *, seconds: bool = False) -> str:
    """14:30 (24-hour clock, the same in both languages); 14:30:05 with ``seconds``."""
    if value is None or value == "":
        return ""
    if not isinstance(value, time):
        moment = _read(value)
        if not isinstance(moment, datetime):
            raise TypeError(f"a date has no time of day: {value!r}")
        value = moment
    clock = f"{value.hour:02d}:{value.minute:02d}"
    return f"{clock}:{value.second:02d}" if seconds else clock


def _day_and_time(value: Moment | None, day_text, *, chinese: bool, seconds: bool) -> str:
    """``day_text`` of the moment, then its clock; a date without a time shows the day only."""
    if value is None or value == "":
        return ""
    moment = _read(value)
    day = day_text(moment, chinese=chinese)
    if not isinstance(moment, datetime):
        return day
    return f"{day} {format_time(moment, seconds=seconds)}"


def format_datetime(value: Moment | None, *, chinese: bool, seconds: bool = False) -> str:
    """2026年10月7日 14:30 / 7 Oct 2026 14:30; a date without a time shows as the date."""
    return _day_and_time(value, format_date, chinese=chinese, seconds=seconds)


def format_day_time(value: Moment | None, *, chinese: bool) -> str:
    """10月7日 14:30 / 7 Oct 14:30: a moment when the year goes without saying."""
    return _day_and_time(value, format_month_day, chinese=chinese, seconds=False)


def format_stamp(value: Moment | None) -> str:
    """2026-10-07 14:30: a stored moment to the minute, its date and clock as stored (not moved
    to the station's zone), for where records are read as data — workbook cells, the command
    line, a case record's timeline, the audit's anchors."""
    if value is None or value == "":
        return ""
    return str(value)[:16].replace("T", " ")


def format_duration(minutes: int, *, chinese: bool) -> str:
    """A length of time in the two largest units a person would say: 1天3小时 / 1 d 3 h,
    2小时 / 2 h, 45分钟 / 45 min (whole units, rounded down: "over by 2 h" is never more than
    the truth); under a minute says so."""
    minutes = max(int(minutes), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours = rest // 60
    if days:
        if chinese:
            return f"{days}天{hours}小时" if hours else f"{days}天"
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours}小时" if chinese else f"{hours} h"
    if minutes:
        return f"{minutes}分钟" if chinese else f"{minutes} min"
    return "不到1分钟" if chinese else "under 1 min"


def format_minutes_said(minutes: float, *, chinese: bool) -> str:
    """A measured time (a figure's median, a setting) as people say it: under two hours in
    minutes (45分钟 / 45 min), under two days in hours (31小时 / 31 h, 1,858 minutes), longer in
    days and hours (3天4小时 / 3 d 4 h); rounded to the nearest unit shown."""
    whole = round(minutes)
    if whole < 120:
        return f"{whole}分钟" if chinese else f"{whole} min"
    hours = round(minutes / 60)
    if hours < 48:
        return f"{hours}小时" if chinese else f"{hours} h"
    days, hours = divmod(hours, 24)
    if chinese:
        return f"{days}天{hours}小时" if hours else f"{days}天"
    return f"{days} d {hours} h" if hours else f"{days} d"


def format_date_range(first: Moment, last: Moment, *, chinese: bool) -> str:
    """The days from ``first`` to ``last``, the year (and in English the month) said once:
    2026年10月5日—10月11日, 5–11 Oct 2026; 2026年12月28日—2027年1月3日."""
    first, last = _day(first), _day(last)
    if first == last:
        return format_date(first, chinese=chinese)
    same_year = first.year == last.year
    if chinese:
        end = format_month_day(last, chinese=True) if same_year else format_date(last, chinese=True)
        return f"{format_date(first, chinese=True)}{RANGE_DASH_ZH}{end}"
    if same_year and first.month == last.month:
        return f"{first.day}{RANGE_DASH_EN}{format_date(last, chinese=False)}"
    start = (
        format_month_day(first, chinese=False) if same_year else format_date(first, chinese=False)
    )
    return f"{start} {RANGE_DASH_EN} {format_date(last, chinese=False)}"


def _yuan_text(fen: int) -> str:
    """3,500 or 3,500.50 (whole yuan without decimals)."""
    yuan, cents = divmod(fen, FEN_PER_YUAN)
    return f"{yuan:,}" if cents == 0 else f"{yuan:,}.{cents:02d}"


def format_wan(fen: int) -> str:
    """An amount in fen as 万元 with two decimals, rounded half up, whatever its size (5.20万元,
    0.35万元): how briefings' stories state sums."""
    wan = (Decimal(fen) / FEN_PER_WAN).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{wan:,.2f}万元"


def format_money_form(fen: int) -> str:
    """An amount in fen as a form states it: yuan with both decimals (3,500.00 元, 52,000.00 元)."""
    sign, fen = ("-", -fen) if fen < 0 else ("", fen)
    yuan, cents = divmod(fen, FEN_PER_YUAN)
    return f"{sign}{yuan:,}.{cents:02d} 元"


def format_money_fen(fen: int | None, *, chinese: bool) -> str:
    """An amount in fen (分) as people write it.

    Chinese: from 10,000 yuan up in 万元 with two decimals, rounded half up (5.20万元,
    123.46万元); below that in 元, with fen only when there are any (3,500元, 3,500.50元).
    English: yuan with the ¥ sign (¥52,000, ¥3,500.50). Stored amounts are never negative; a
    negative one (a difference) is shown with a minus sign in front rather than refused.
    """
    if fen is None:
        return ""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"an amount in fen is a whole number: {fen!r}")
    sign, fen = ("-", -fen) if fen < 0 else ("", fen)
    if not chinese:
        return f"{sign}¥{_yuan_text(fen)}"
    if fen >= FEN_PER_WAN:
        return f"{sign}{format_wan(fen)}"
    return f"{sign}{_yuan_text(fen)}元"
