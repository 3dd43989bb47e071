"""Reading what officers and upper-level lists give us: ID numbers, phones, money, dates.

Every function here accepts the untidy forms that arrive from spreadsheets and hand-typed
forms, returns one canonical form, and otherwise raises ``ValidationError`` with a message that
tells the officer what is wrong and what to do. Templates are kept as literal strings inside
``QT_TRANSLATE_NOOP`` (one literal per template, never concatenated) so lupdate can find them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from operator import mul
from typing import Any

from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.privacy import MOBILE

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


# Σ weight × ord(digit) counts ord("0") × Σ weight too much; the bytes of the digits are read
# as numbers without an int() for each (an import checks hundreds of thousands).
_ID_ZERO_WEIGHT = ord("0") * sum(_ID_WEIGHTS)


def id_number_check_digit(first17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits of a resident ID number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("need exactly 17 digits")
    total = sum(map(mul, first17.encode("ascii"), _ID_WEIGHTS)) - _ID_ZERO_WEIGHT
    return _ID_CHECK[total % 11]


# --- message templates --------------------------------------------------------------------

ID_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation", "The ID number is missing. Enter the person's 18-character resident ID number."
)
ID_EXCEL_DAMAGED = QT_TRANSLATE_NOOP(
    "Validation",
    "The ID number “{value}” was turned into a number by Excel and its last digits are lost. In Excel, format the ID number column as Text, type the ID numbers in again from the original list, and import again.",
)
ID_OLD_15_DIGITS = QT_TRANSLATE_NOOP(
    "Validation",
    "“{value}” is an old 15-digit ID number. Enter the person's current 18-character ID number as printed on the ID card.",
)
ID_LENGTH = QT_TRANSLATE_NOOP(
    "Validation",
    "“{value}” has {length} characters, but a resident ID number has 18 (17 digits, then a digit or X). Compare it with the ID card and re-enter it.",
)
ID_CHARACTERS = QT_TRANSLATE_NOOP(
    "Validation",
    "“{value}” contains characters that cannot be in a resident ID number, which is 17 digits followed by a digit or X. Compare it with the ID card and re-enter it.",
)
ID_CHECK_DIGIT = QT_TRANSLATE_NOOP(
    "Validation",
    "The ID number “{value}” fails the check-digit test, so at least one character is wrong. Compare it with the ID card and re-enter it.",
)
ID_BIRTH_DATE = QT_TRANSLATE_NOOP(
    "Validation",
    "The ID number “{value}” contains the birth date {birth}, which is not possible. Compare it with the ID card and re-enter it.",
)

PHONE_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation",
    "The phone number is missing. Enter an 11-digit mobile number or a landline number with its area code.",
)
PHONE_INVALID = QT_TRANSLATE_NOOP(
    "Validation",
    "“{value}” is not a phone number that can be used. Enter an 11-digit mobile number (such as 13812345678) or a landline number with its area code (such as 0778-2281234).",
)
PHONE_MOBILE_LENGTH = QT_TRANSLATE_NOOP(
    "Validation",
    "The mobile number “{value}” has {count} digits, but a mobile number has 11. Check the number and re-enter it.",
)
PHONE_SERVICE_NUMBER = QT_TRANSLATE_NOOP(
    "Validation",
    "“{value}” is a service or hotline number, not a person's own phone. Enter the person's mobile number or home landline number.",
)
PHONE_NO_AREA_CODE = QT_TRANSLATE_NOOP(
    "Validation",
    "The landline number “{value}” has no area code. Enter it with the area code in front, such as 0778-2281234.",
)
MOBILE_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation",
    "“{value}” is a landline number, but a mobile number is needed here. Enter the person's 11-digit mobile number.",
)

AMOUNT_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation", "The amount is missing. Enter the amount in yuan, such as 52000 or 5.2万."
)
AMOUNT_INVALID = QT_TRANSLATE_NOOP(
    "Validation",
    "“{value}” is not an amount of money that can be read. Enter the amount in yuan using digits, such as 52000, 52000.50 or 5.2万.",
)
AMOUNT_NEGATIVE = QT_TRANSLATE_NOOP(
    "Validation", "The amount “{value}” is negative. Enter the amount as a positive number of yuan."
)
AMOUNT_TOO_PRECISE = QT_TRANSLATE_NOOP(
    "Validation",
    "The amount “{value}” has more than two decimal places of yuan, which is less than one fen. Round it to the fen and re-enter it.",
)
AMOUNT_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Validation",
    "The amount “{value}” is more than one trillion yuan, which cannot be right. Check the figure and re-enter it.",
)
AMOUNT_NEEDS_REVIEW = QT_TRANSLATE_NOOP(
    "Validation",
    "The amount “{value}” is not an exact figure. Check the case record and enter the exact amount in yuan using digits, such as 52000 or 5.2万.",
)

DATE_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation", "The date is missing. Enter a date such as 2026-01-05 or 2026年1月5日."
)
DATE_INVALID = QT_TRANSLATE_NOOP(
    "Validation",
    "“{value}” is not a date that can be read. Enter it as year, month, day, such as 2026-01-05 or 2026年1月5日.",
)
DATE_IMPOSSIBLE = QT_TRANSLATE_NOOP(
    "Validation",
    "“{value}” is not a real calendar date. Check the month and the day and re-enter it.",
)
DATE_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "Validation",
    "The date “{value}” is outside the years 1900 to 2100. Check the year and re-enter it.",
)
TIME_INVALID = QT_TRANSLATE_NOOP(
    "Validation",
    "“{value}” has a time of day that does not exist. Enter the time from 00:00 to 23:59, such as 2026-01-05 14:30.",
)


# --- shared helpers -----------------------------------------------------------------------

# Full-width ASCII (U+FF01..U+FF5E) maps onto ASCII by a fixed offset; Chinese input methods
# produce these easily. The ideographic space and the full-width yuan sign are added by hand.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH.update({0x3000: 0x20, 0xFFE5: 0xA5})

# Copy-paste from web pages and chat apps brings invisible characters along with the spaces.
_BLANKS = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


def _half_width(text: str) -> str:
    return text.translate(_FULL_WIDTH)


def _squeeze(text: str) -> str:
    """Half-width text with every kind of blank removed."""
    return _BLANKS.sub("", _half_width(text))


def _shown(value: Any) -> str:
    """How a value is quoted back to the officer in a message."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _is_number(value: Any) -> bool:
    # bool is an int subclass but a True/False cell is never a number we want.
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _whole_number_text(value: int | float | Decimal) -> str | None:
    """Digits of a whole, non-negative number from a spreadsheet cell, else None."""
    if isinstance(value, int):
        return str(value) if value >= 0 else None
    number = Decimal(repr(value)) if isinstance(value, float) else value
    if not number.is_finite() or number < 0 or number != number.to_integral_value():
        return None
    return str(int(number))


# --- resident ID numbers ------------------------------------------------------------------

_SCIENTIFIC = re.compile(r"[+-]?[0-9]+(?:\.[0-9]*)?[eE][+-]?[0-9]+")
_DIGITS_POINT_ZEROS = re.compile(r"([0-9]+)\.0*")
_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_ID_EARLIEST_BIRTH = dt.date(1900, 1, 1)
# Excel keeps 15 significant digits; a number with more has already been rounded.
_EXCEL_EXACT_DIGITS = 15


def normalize_id_number(value: Any, *, field: str = "") -> str:
    """A resident ID number (居民身份证号码) as 17 digits and a digit or upper-case X."""
    shown = _shown(value)
    if type(value) is str and len(value) == 18 and _ID_SHAPE.fullmatch(value):
        text = value  # already as stored: nothing to squeeze and no number Excel damaged
    else:
        text = _id_text(value, shown, field)
    if id_number_check_digit(text[:17]) != text[17]:
        # Excel rounds an 18-digit number to 15 significant digits, so the damage shows as
        # three trailing zeros; advising "format as text" there fixes the cause, not the symptom.
        if text.endswith("000"):
            raise ValidationError(ID_EXCEL_DAMAGED, field=field, value=shown)
        raise ValidationError(ID_CHECK_DIGIT, field=field, value=shown)

    birth_text = text[6:14]
    try:
        birth = dt.date(int(birth_text[:4]), int(birth_text[4:6]), int(birth_text[6:]))
    except ValueError:
        birth = None
    # the station's day, not the laptop's
    if birth is None or not _ID_EARLIEST_BIRTH <= birth <= clock.today():
        birth_shown = f"{birth_text[:4]}-{birth_text[4:6]}-{birth_text[6:]}"
        raise ValidationError(ID_BIRTH_DATE, field=field, value=shown, birth=birth_shown)
    return text


def _id_text(value: Any, shown: str, field: str) -> str:
    """An ID number's 18 characters as typed, squeezed and upper-cased; what no ID number can
    be refused with the reason (missing, damaged by Excel, an old 15-digit one, its length or
    its characters)."""
    if value is None or (isinstance(value, str) and not _squeeze(value)):
        raise ValidationError(ID_REQUIRED, field=field)

    if _is_number(value):
        digits = _whole_number_text(value)
        if digits is None:
            raise ValidationError(ID_CHARACTERS, field=field, value=shown)
        if len(digits) > _EXCEL_EXACT_DIGITS:
            raise ValidationError(ID_EXCEL_DAMAGED, field=field, value=shown)
        text = digits
    elif isinstance(value, str):
        text = _squeeze(value).upper()
    else:
        raise ValidationError(ID_CHARACTERS, field=field, value=shown)

    # "4.50102199001011E+17" is what Excel shows for an ID typed into a number cell.
    if _SCIENTIFIC.fullmatch(text):
        raise ValidationError(ID_EXCEL_DAMAGED, field=field, value=shown)
    # "450102199001011234.0" is a float that went through str(); the digits are already rounded.
    point = _DIGITS_POINT_ZEROS.fullmatch(text)
    if point:
        if len(point.group(1)) > _EXCEL_EXACT_DIGITS:
            raise ValidationError(ID_EXCEL_DAMAGED, field=field, value=shown)
        text = point.group(1)

    if len(text) == 15 and text.isdigit():
        raise ValidationError(ID_OLD_15_DIGITS, field=field, value=shown)
    if len(text) != 18:
        raise ValidationError(ID_LENGTH, field=field, value=shown, length=len(text))
    if not _ID_SHAPE.fullmatch(text):
        raise ValidationError(ID_CHARACTERS, field=field, value=shown)
    return text


# --- phone numbers ------------------------------------------------------------------------


@dataclass(frozen=True)
class PhoneNumber:
    """A mobile as 11 digits, or a landline as ``area-local`` (for example ``0778-2281234``)."""

    number: str
    is_mobile: bool


_MOBILE = MOBILE  # the stored form (core.privacy masks it by the same pattern)
# Separators people type between digit groups; dashes include the Chinese input-method ones.
_PHONE_SEPARATORS = re.compile(r"[\s\u200b\ufeff\-\u2010-\u2015\u2212.()]+")
_COUNTRY_PREFIX = re.compile(r"(?:\+|00)86([0-9]+)")
_HOTLINE = re.compile(r"[48]00[0-9]{7}")
# Local numbers have 7 or 8 digits and never start with 0 or 1 (those begin trunk and service codes).
_LANDLINE_LOCAL = re.compile(r"[2-9][0-9]{6,7}")


def _landline(digits: str) -> str | None:
    """``area-local`` for a national landline number written as digits, else None."""
    if len(digits) < 2 or not digits.startswith("0") or not digits.isdigit():
        return None
    # Only Beijing (010) and the 02x cities have three-digit area codes; all others have four.
    # That rule splits an 11-digit number without needing the separator the user typed.
    area_length = 3 if digits[1] in "12" else 4
    area, local = digits[:area_length], digits[area_length:]
    if digits[1] == "0" or (digits[1] == "1" and area != "010"):
        return None
    if not _LANDLINE_LOCAL.fullmatch(local):
        return None
    return f"{area}-{local}"


def normalize_phone(value: Any, *, field: str = "") -> PhoneNumber:
    """A Chinese mobile or landline number in one canonical form."""
    if value.__class__ is str and _MOBILE.fullmatch(value):
        # Already in its canonical form, as nearly every mobile of a list is: what the steps
        # below would return, without them (an import checks tens of thousands).
        return PhoneNumber(value, True)
    shown = _shown(value)
    if value is None or (isinstance(value, str) and not _squeeze(value)):
        raise ValidationError(PHONE_REQUIRED, field=field)

    from_number_cell = _is_number(value)
    if from_number_cell:
        text = _whole_number_text(value)
        if text is None:
            raise ValidationError(PHONE_INVALID, field=field, value=shown)
    elif isinstance(value, str):
        text = _half_width(value).strip()
        # "13812345678.0" is a number cell that went through str(); drop the decimal part
        # before dots are treated as separators, or it would gain an extra 0.
        point = _DIGITS_POINT_ZEROS.fullmatch(text)
        if point:
            text = point.group(1)
    else:
        raise ValidationError(PHONE_INVALID, field=field, value=shown)

    digits = _PHONE_SEPARATORS.sub("", text)
    international = _COUNTRY_PREFIX.fullmatch(digits)
    if international:
        national = international.group(1)
        if _MOBILE.fullmatch(national):
            return PhoneNumber(national, True)
        # Dialled from abroad the area code loses its 0; some people still write "+86 (0)778".
        landline = _landline(national if national.startswith("0") else "0" + national)
        if landline:
            return PhoneNumber(landline, False)
        raise ValidationError(PHONE_INVALID, field=field, value=shown)
    if not digits.isdigit():
        raise ValidationError(PHONE_INVALID, field=field, value=shown)
    if len(digits) == 13 and digits.startswith("86") and _MOBILE.fullmatch(digits[2:]):
        return PhoneNumber(digits[2:], True)

    if _MOBILE.fullmatch(digits):
        return PhoneNumber(digits, True)
    landline = _landline(digits)
    if landline:
        return PhoneNumber(landline, False)
    # A landline typed into a number cell loses its leading 0; only a number cell can do that,
    # so only there is putting it back a repair rather than a guess.
    if from_number_cell:
        landline = _landline("0" + digits)
        if landline:
            return PhoneNumber(landline, False)

    if len(digits) <= 6 or _HOTLINE.fullmatch(digits):
        raise ValidationError(PHONE_SERVICE_NUMBER, field=field, value=shown)
    if digits.startswith("1") and len(digits) != 11:
        raise ValidationError(PHONE_MOBILE_LENGTH, field=field, value=shown, count=len(digits))
    if _LANDLINE_LOCAL.fullmatch(digits):
        raise ValidationError(PHONE_NO_AREA_CODE, field=field, value=shown)
    raise ValidationError(PHONE_INVALID, field=field, value=shown)


def normalize_mobile(value: Any, *, field: str = "") -> str:
    """An 11-digit mobile number; a landline is refused because SMS and calls-back need a mobile."""
    phone = normalize_phone(value, field=field)
    if not phone.is_mobile:
        raise ValidationError(MOBILE_REQUIRED, field=field, value=_shown(value))
    return phone.number


# --- money --------------------------------------------------------------------------------

_CURRENCY_PREFIX = re.compile(r"^(?:人民币|RMB|CNY|¥)", re.IGNORECASE)
_MINUS = ("-", "\u2212")
_AMOUNT = re.compile(
    r"(?P<number>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<fraction>[0-9]+))?"
    r"(?P<unit>万|亿)?(?:元|圆)?整?"
)
# Words and signs that make a figure approximate or a range; Chinese numerals are listed too
# because "十万" in a case summary is nearly always a round estimate, and reading numerals
# reliably (五万三千 vs 五万三) is not worth the risk of storing a wrong loss.
_INEXACT = re.compile(
    r"约|大约|大概|左右|上下|以上|以下|不到|不足|至少|最多|差不多|多|余|几|数|近|超"
    r"|[~～?？+]"
    r"|[0-9.,万千百]\s*[-\u2010-\u2015\u2212至到]\s*[0-9]"
    r"|[零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]"
)
_UNIT_SHIFT = {None: 0, "万": 4, "亿": 8}
MAX_FEN = 10**14  # one trillion yuan


def _to_fen(amount: Decimal, shift: int, shown: str, field: str) -> int:
    """``amount`` × 10^shift yuan as whole fen, exactly, using the digits rather than arithmetic."""
    _, digit_tuple, exponent = amount.as_tuple()
    mantissa = int("".join(map(str, digit_tuple)) or "0")
    if mantissa == 0:
        return 0
    assert isinstance(exponent, int)  # finite values only reach here
    fen_exponent = exponent + shift + 2
    # Decimal's own multiply would round past 28 digits and could hide a fraction of a fen.
    # The magnitude checks come first so that 10 ** exponent below stays small.
    leading = amount.adjusted() + shift + 2  # power of ten of the first digit, in fen
    if leading > len(str(MAX_FEN)):
        raise ValidationError(AMOUNT_TOO_LARGE, field=field, value=shown)
    if leading < 0:
        raise ValidationError(AMOUNT_TOO_PRECISE, field=field, value=shown)
    if fen_exponent >= 0:
        fen = mantissa * 10**fen_exponent
    else:
        fen, remainder = divmod(mantissa, 10**-fen_exponent)
        if remainder:
            raise ValidationError(AMOUNT_TOO_PRECISE, field=field, value=shown)
    if fen > MAX_FEN:
        raise ValidationError(AMOUNT_TOO_LARGE, field=field, value=shown)
    return fen


def format_amount_fen(fen: int) -> str:
    """An amount in fen as yuan text that ``parse_amount_fen`` reads back: 5200000 -> "52000",
    123456 -> "1234.56"."""
    yuan, cents = divmod(fen, 100)
    return f"{yuan}.{cents:02d}" if cents else str(yuan)


def parse_amount_fen(value: Any, *, field: str = "") -> int:
    """A sum of money in yuan (digits, optional 万/亿, ¥ and 元) as integer fen (分)."""
    shown = _shown(value)
    if value is None or (isinstance(value, str) and not _squeeze(value)):
        raise ValidationError(AMOUNT_REQUIRED, field=field)

    if _is_number(value):
        # repr() of a float is the shortest text that reads back as the same float, so
        # 52000.1 stays 52000.1 instead of becoming 52000.09999999999854480847716331481933.
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not amount.is_finite():
            raise ValidationError(AMOUNT_INVALID, field=field, value=shown)
        if amount < 0:
            raise ValidationError(AMOUNT_NEGATIVE, field=field, value=shown)
        return _to_fen(amount, 0, shown, field)
    if not isinstance(value, str):
        raise ValidationError(AMOUNT_INVALID, field=field, value=shown)

    text = _squeeze(value)
    # The minus sign may come before or after the currency sign: "-¥500" and "¥-500".
    negative = text.startswith(_MINUS)
    text = _CURRENCY_PREFIX.sub("", text.lstrip("".join(_MINUS)), count=1)
    if text.startswith(_MINUS):
        negative, text = True, text.lstrip("".join(_MINUS))
    match = _AMOUNT.fullmatch(text)
    if not match:
        if _INEXACT.search(text):
            raise ValidationError(AMOUNT_NEEDS_REVIEW, field=field, value=shown)
        raise ValidationError(AMOUNT_INVALID, field=field, value=shown)

    number = match["number"].replace(",", "")
    try:
        amount = Decimal(f"{number}.{match['fraction'] or '0'}")
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        raise ValidationError(AMOUNT_INVALID, field=field, value=shown) from None
    if negative and amount != 0:
        raise ValidationError(AMOUNT_NEGATIVE, field=field, value=shown)
    return _to_fen(amount, _UNIT_SHIFT[match["unit"]], shown, field)


# --- dates and times ----------------------------------------------------------------------

_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_EXCEL_1900_EPOCH = dt.date(1899, 12, 30)  # for serials after Excel's fake 1900-02-29
_EXCEL_1904_EPOCH = dt.date(1904, 1, 1)
_EXCEL_FAKE_LEAP_DAY = 60
_SECONDS_PER_DAY = 86400

_DATE_PART = re.compile(
    r"(?P<y>[0-9]{4})(?:"
    r"(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"|年(?P<m_cn>[0-9]{1,2})月(?P<d_cn>[0-9]{1,2})(?P<day_mark>[日号])?"
    r"|(?P<m_packed>[0-9]{2})(?P<d_packed>[0-9]{2})"
    r")"
)
_TIME_PART = re.compile(
    r"(?:"
    r"(?P<h>[0-9]{1,2})[:：](?P<mi>[0-9]{2})(?:[:：](?P<s>[0-9]{2})(?:\.(?P<frac>[0-9]{1,6}))?)?"
    r"|(?P<h_cn>[0-9]{1,2})[时点](?:(?P<mi_cn>[0-9]{1,2})分(?:(?P<s_cn>[0-9]{1,2})秒)?)?"
    r")"
    r"\s*(?P<tz>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)
# Integers that read as a packed yyyymmdd date rather than an Excel serial (which would put
# them tens of thousands of years away); people often type 20260105 into a number cell.
_PACKED_DATE_NUMBERS = range(_FIRST_YEAR * 10000 + 101, _LAST_YEAR * 10000 + 1232)
# A numeric string is only taken as a serial if it has five integer digits (1927 to 2173);
# a bare "2026" is far more likely a year than serial 2026 (1905-07-18).
_SERIAL_TEXT = re.compile(r"[0-9]{5}(?:\.[0-9]+)?")


@dataclass(frozen=True)
class _Moment:
    day: dt.date
    time: dt.time | None = None
    offset: dt.tzinfo | None = None


def check_year(day: dt.date, shown: str, field: str = "") -> dt.date:
    """``day`` when it falls in the years a date may have here (1900 to 2100)."""
    if not _FIRST_YEAR <= day.year <= _LAST_YEAR:
        raise ValidationError(DATE_OUT_OF_RANGE, field=field, value=shown)
    return day


def _from_serial(serial: Decimal, date1904: bool, shown: str, field: str) -> _Moment:
    """An Excel date serial number (with optional time fraction) as a date and time."""
    if not serial.is_finite() or serial < 0:
        raise ValidationError(DATE_INVALID, field=field, value=shown)
    whole = int(serial)
    seconds = int(((serial - whole) * _SECONDS_PER_DAY).to_integral_value())
    if seconds == _SECONDS_PER_DAY:  # x.99999 rounds up into the next day
        whole, seconds = whole + 1, 0
    # Stop before timedelta overflows; anything this far out is outside 1900-2100 anyway.
    if whole > 80000:
        raise ValidationError(DATE_OUT_OF_RANGE, field=field, value=shown)
    if date1904:
        day = _EXCEL_1904_EPOCH + dt.timedelta(days=whole)
    elif whole == 0:  # Excel shows this as 1900-01-00
        raise ValidationError(DATE_OUT_OF_RANGE, field=field, value=shown)
    elif whole == _EXCEL_FAKE_LEAP_DAY:
        # Excel copied Lotus 1-2-3 in treating 1900 as a leap year; that day never existed.
        raise ValidationError(DATE_IMPOSSIBLE, field=field, value=shown)
    elif whole < _EXCEL_FAKE_LEAP_DAY:
        day = _EXCEL_1900_EPOCH + dt.timedelta(days=whole + 1)
    else:
        day = _EXCEL_1900_EPOCH + dt.timedelta(days=whole)
    time = (dt.datetime.min + dt.timedelta(seconds=seconds)).time()
    return _Moment(check_year(day, shown, field), time)


def _make_date(year: str, month: str, day: str, shown: str, field: str) -> dt.date:
    try:
        result = dt.date(int(year), int(month), int(day))
    except ValueError:
        if not _FIRST_YEAR <= int(year) <= _LAST_YEAR:
            raise ValidationError(DATE_OUT_OF_RANGE, field=field, value=shown) from None
        raise ValidationError(DATE_IMPOSSIBLE, field=field, value=shown) from None
    return check_year(result, shown, field)


def _make_offset(text: str, shown: str, field: str) -> dt.tzinfo:
    if text == "Z":
        return dt.UTC
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or "0")
    if hours > 23 or minutes > 59:
        raise ValidationError(TIME_INVALID, field=field, value=shown)
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-delta if text[0] == "-" else delta)


def _parse_time(text: str, shown: str, field: str) -> tuple[dt.time, dt.tzinfo | None]:
    match = _TIME_PART.fullmatch(text)
    if not match:
        raise ValidationError(DATE_INVALID, field=field, value=shown)
    hour = match["h"] or match["h_cn"]
    minute = match["mi"] or match["mi_cn"] or "0"
    second = match["s"] or match["s_cn"] or "0"
    micro = (match["frac"] or "").ljust(6, "0")
    try:
        time = dt.time(int(hour), int(minute), int(second), int(micro))
    except ValueError:
        raise ValidationError(TIME_INVALID, field=field, value=shown) from None
    offset = _make_offset(match["tz"], shown, field) if match["tz"] else None
    return time, offset


# The form most lists and our own exports write a moment in ("2026-01-05 14:30", seconds
# optional), read without the general reading's steps: a 100,000-row import reads one or two
# per row (8 µs each the general way). Anything else, or a value out of range, takes the
# general reading, which also says what is wrong.
_PLAIN_MOMENT = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?"
)


def _parse_moment(value: Any, date1904: bool, field: str) -> _Moment:
    if type(value) is str and (plain := _PLAIN_MOMENT.fullmatch(value)) is not None:
        try:
            moment = dt.datetime(*map(int, plain.groups("0")))
        except ValueError:
            pass
        else:
            if _FIRST_YEAR <= moment.year <= _LAST_YEAR:
                return _Moment(moment.date(), moment.time())
    shown = _shown(value)
    if value is None or (isinstance(value, str) and not _squeeze(value)):
        raise ValidationError(DATE_REQUIRED, field=field)
    if isinstance(value, dt.datetime):
        check_year(value.date(), shown, field)
        return _Moment(value.date(), value.time(), value.tzinfo)
    if isinstance(value, dt.date):
        return _Moment(check_year(value, shown, field))
    if _is_number(value):
        if isinstance(value, int) and value in _PACKED_DATE_NUMBERS:
            packed = str(value)
            return _Moment(_make_date(packed[:4], packed[4:6], packed[6:], shown, field))
        serial = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return _from_serial(serial, date1904, shown, field)
    if not isinstance(value, str):
        raise ValidationError(DATE_INVALID, field=field, value=shown)

    text = _half_width(value).strip()
    if _SERIAL_TEXT.fullmatch(text):
        return _from_serial(Decimal(text), date1904, shown, field)
    match = _DATE_PART.match(text)
    if not match:
        raise ValidationError(DATE_INVALID, field=field, value=shown)
    day = _make_date(
        match["y"],
        match["m"] or match["m_cn"] or match["m_packed"],
        match["d"] or match["d_cn"] or match["d_packed"],
        shown,
        field,
    )
    rest = text[match.end() :]
    if not rest:
        return _Moment(day)
    if rest[0] in "Tt" or rest[0].isspace():
        rest = rest[1:].strip()
    elif not match["day_mark"]:
        # "2026年1月5日14:30" needs no separator, but "2026010514:30" is too ambiguous to read.
        raise ValidationError(DATE_INVALID, field=field, value=shown)
    time, offset = _parse_time(rest, shown, field)
    return _Moment(day, time, offset)


def parse_date(value: Any, *, field: str = "", date1904: bool = False) -> dt.date:
    """A calendar date from text, a date/datetime, or an Excel serial number.

    ``date1904`` says the workbook uses Excel's 1904 date system (common from old Mac Excel).
    Any time of day in the value is checked and then dropped.
    """
    return _parse_moment(value, date1904, field).day


def parse_datetime(
    value: Any, *, field: str = "", date1904: bool = False, tz: dt.tzinfo | None = None
) -> dt.datetime:
    """An aware date and time; values without an offset are taken to be in ``tz``.

    ``tz`` defaults to the station's time zone (``clock.station_zone``), because officers type
    and import the station's times — not this computer's zone, which may be set to anything.
    An offset written in the value itself (``+08:00``) wins over ``tz``.
    """
    moment = _parse_moment(value, date1904, field)
    offset = moment.offset
    if offset is None:
        offset = tz if tz is not None else clock.station_zone()
    return dt.datetime.combine(moment.day, moment.time or dt.time(), tzinfo=offset)
