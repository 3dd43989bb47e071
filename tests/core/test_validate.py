"""Table-driven tests for desktop.core.validate, plus property tests for the ID and money rules."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import string
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from desktop.core import clock, validate
from desktop.core.errors import ValidationError
from desktop.core.validate import (
    AMOUNT_NEEDS_REVIEW,
    PhoneNumber,
    id_number_check_digit,
    normalize_id_number,
    normalize_mobile,
    normalize_phone,
    parse_amount_fen,
    parse_date,
    parse_datetime,
)

CST = dt.timezone(dt.timedelta(hours=8))


def with_check_digit(first17: str) -> str:
    return first17 + id_number_check_digit(first17)


def raises(func, value, template, **kwargs) -> ValidationError:
    """Call ``func`` and check it fails with ``template``, naming the field it was given."""
    with pytest.raises(ValidationError) as caught:
        func(value, field="列X", **kwargs)
    error = caught.value
    assert error.template == template, error.english()
    assert error.field == "列X"
    assert error.render() == error.english()  # every placeholder has a parameter
    return error


# --- templates --------------------------------------------------------------------------------


def _template_names() -> list[str]:
    return [name for name in dir(validate) if name.isupper() and not name.startswith("_")]


def test_templates_are_literal_qt_translate_noop_calls():
    # lupdate only sees templates written as literals inside QT_TRANSLATE_NOOP("Validation", ...).
    tree = ast.parse(inspect.getsource(validate))
    marked = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            call = node.value
            if getattr(call.func, "id", None) == "QT_TRANSLATE_NOOP":
                assert [type(arg) for arg in call.args] == [ast.Constant, ast.Constant]
                assert call.args[0].value == "Validation"
                marked[node.targets[0].id] = call.args[1].value
    assert len(marked) >= 20
    for name, text in marked.items():
        assert getattr(validate, name) == text
        assert text.isascii() or set(text) - set(string.printable) <= set("“”万年月日")
        fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        assert fields <= {"value", "length", "count", "birth"}, name


def test_every_raise_uses_a_marked_template():
    tree = ast.parse(inspect.getsource(validate))
    marked = set(_template_names())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ValidationError":
            first = node.args[0]
            assert isinstance(first, ast.Name) and first.id in marked, ast.unparse(node)
            assert any(k.arg == "field" for k in node.keywords), ast.unparse(node)


def test_amount_needs_review_is_distinct():
    others = [getattr(validate, n) for n in _template_names() if n != "AMOUNT_NEEDS_REVIEW"]
    assert AMOUNT_NEEDS_REVIEW not in others


# --- ID numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),
        ("  11010519491231002X\t", "11010519491231002X"),
        ("110105 19491231 002X", "11010519491231002X"),
        ("1101\u30000519\u00a04912\u200b31002X", "11010519491231002X"),
        ("450102199001011231", "450102199001011231"),
        ("45122319850615301X", "45122319850615301X"),
        ("11010120000229123X", "11010120000229123X"),  # born on a leap day
        ("110101190001010014", "110101190001010014"),  # earliest allowed birth date
        ("450102199001011004", "450102199001011004"),  # ends in 00 but the check digit fits
    ],
)
def test_id_number_accepted(raw, expected):
    assert normalize_id_number(raw) == expected
    # Cross-check the checksum with python-stdnum. (Its is_valid also looks the area code up
    # in a table and rejects codes newer than the birth year, e.g. 451223 凤山县 from 2002;
    # we deliberately do not, because such numbers are issued and officers must record them.)
    assert ric.calc_check_digit(expected) == expected[-1]


def test_id_number_area_code_is_not_looked_up():
    number = "45122319850615301X"
    assert not ric.is_valid(number)
    assert normalize_id_number(number) == number


def test_id_number_born_today_is_accepted():
    today = clock.today().strftime("%Y%m%d")
    number = with_check_digit(f"450102{today}123")
    assert normalize_id_number(number) == number


@pytest.mark.parametrize(
    "raw",
    [
        "1.10105E+17",
        "4.50102199001011E+17",
        "4.50102199001011e+17",
        "４.５０１０２１９９００１０１１Ｅ＋１７",
        "450102199001011000",  # rounded to 15 significant digits, check digit now wrong
        "450102199001011231.0",
        4.50102199001011e17,
        450102199001011231.0,
        450102199001011231,  # even a correct int: an Excel number cell cannot hold it exactly
        1101051949123100,  # 16 digits
        Decimal("450102199001011231"),
    ],
)
def test_id_number_damaged_by_excel(raw):
    error = raises(normalize_id_number, raw, validate.ID_EXCEL_DAMAGED)
    assert "Text" in error.english() and "Excel" in error.english()


@pytest.mark.parametrize(
    ("raw", "template"),
    [
        ("", validate.ID_REQUIRED),
        ("   ", validate.ID_REQUIRED),
        ("\u3000", validate.ID_REQUIRED),
        (None, validate.ID_REQUIRED),
        ("110105491231002", validate.ID_OLD_15_DIGITS),
        (110105491231002, validate.ID_OLD_15_DIGITS),
        ("11010549123100", validate.ID_LENGTH),
        ("11010519491231002X1", validate.ID_LENGTH),
        ("110105", validate.ID_LENGTH),
        (110105, validate.ID_LENGTH),
        ("11010519491231002Y", validate.ID_CHARACTERS),
        ("X10105194912310021", validate.ID_CHARACTERS),
        ("1101051949123100-X", validate.ID_CHARACTERS),
        ("11010519491231002X".replace("0", "O", 1), validate.ID_CHARACTERS),
        (-1, validate.ID_CHARACTERS),
        (1.5, validate.ID_CHARACTERS),
        (float("nan"), validate.ID_CHARACTERS),
        (True, validate.ID_CHARACTERS),
        (["11010519491231002X"], validate.ID_CHARACTERS),
        ("110105194912310021", validate.ID_CHECK_DIGIT),
        ("11010519491231002", validate.ID_LENGTH),
        ("450102199001011232", validate.ID_CHECK_DIGIT),
        ("450102199001011201", validate.ID_CHECK_DIGIT),  # two digits swapped
        (with_check_digit("45010219900230123"), validate.ID_BIRTH_DATE),
        (with_check_digit("45010219901301123"), validate.ID_BIRTH_DATE),
        (with_check_digit("45010218991231123"), validate.ID_BIRTH_DATE),
        (with_check_digit("45010221000101123"), validate.ID_BIRTH_DATE),
        (with_check_digit("45010219000229123"), validate.ID_BIRTH_DATE),  # 1900 not a leap year
    ],
)
def test_id_number_rejected(raw, template):
    error = raises(normalize_id_number, raw, template)
    if template != validate.ID_REQUIRED:
        assert error.params["value"] in error.english()


def test_id_number_future_birth_date_rejected():
    tomorrow = (clock.today() + dt.timedelta(days=1)).strftime("%Y%m%d")
    error = raises(
        normalize_id_number, with_check_digit(f"450102{tomorrow}123"), validate.ID_BIRTH_DATE
    )
    assert error.params["birth"] == f"{tomorrow[:4]}-{tomorrow[4:6]}-{tomorrow[6:]}"


def test_id_messages_tell_the_officer_what_to_do():
    old = raises(normalize_id_number, "110105491231002", validate.ID_OLD_15_DIGITS)
    assert "18" in old.english()
    check = raises(normalize_id_number, "110105194912310021", validate.ID_CHECK_DIGIT)
    assert "re-enter" in check.english()
    assert check.params["value"] == "110105194912310021"


def test_field_defaults_to_empty():
    with pytest.raises(ValidationError) as caught:
        normalize_id_number("")
    assert caught.value.field == ""


_birth_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=clock.today())
_first17 = st.builds(
    lambda area, born, seq: f"{area}{born:%Y%m%d}{seq}",
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    _birth_dates,
    st.text(alphabet="0123456789", min_size=3, max_size=3),
)
_FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@given(_first17)
def test_property_valid_numbers_round_trip(first17):
    number = with_check_digit(first17)
    assert ric.calc_check_digit(number) == number[-1]
    assert normalize_id_number(number) == number
    assert normalize_id_number(number.lower()) == number
    assert normalize_id_number(number.translate(_FULL)) == number
    assert normalize_id_number(f" {number[:6]} {number[6:14]} {number[14:]} ") == number


@given(_first17, st.integers(0, 16), st.integers(1, 9))
def test_property_any_single_digit_change_is_caught(first17, position, delta):
    number = with_check_digit(first17)
    changed_digit = str((int(number[position]) + delta) % 10)
    changed = number[:position] + changed_digit + number[position + 1 :]
    with pytest.raises(ValidationError):
        normalize_id_number(changed)


# --- phone numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "number", "is_mobile"),
    [
        ("13812345678", "13812345678", True),
        ("+86 138-1234-5678", "13812345678", True),
        ("+8613812345678", "13812345678", True),
        ("008613812345678", "13812345678", True),
        ("0086 138 1234 5678", "13812345678", True),
        ("86 13812345678", "13812345678", True),
        ("8613812345678", "13812345678", True),
        ("13812345678.0", "13812345678", True),
        ("13812345678.00", "13812345678", True),
        (13812345678.0, "13812345678", True),
        (13812345678, "13812345678", True),
        (Decimal("13812345678"), "13812345678", True),
        ("１３８１２３４５６７８", "13812345678", True),
        ("＋８６　１３８－１２３４－５６７８", "13812345678", True),
        ("138.1234.5678", "13812345678", True),
        ("(138) 1234 5678", "13812345678", True),
        ("138—1234—5678", "13812345678", True),
        ("19912345678", "19912345678", True),
        ("0778-2281234", "0778-2281234", False),
        ("(0778)2281234", "0778-2281234", False),
        ("（0778）2281234", "0778-2281234", False),
        ("0778 228 1234", "0778-2281234", False),
        ("07782281234", "0778-2281234", False),
        ("+86 778 2281234", "0778-2281234", False),
        ("+86 (0)778 2281234", "0778-2281234", False),
        ("0086 778 2281234", "0778-2281234", False),
        ("010-62345678", "010-62345678", False),
        ("01062345678", "010-62345678", False),
        ("+86 10 6234 5678", "010-62345678", False),
        ("021 6123 4567", "021-61234567", False),
        ("0771-52345678", "0771-52345678", False),
        (7782281234, "0778-2281234", False),  # number cell dropped the leading 0
        (7782281234.0, "0778-2281234", False),
    ],
)
def test_phone_accepted(raw, number, is_mobile):
    assert normalize_phone(raw) == PhoneNumber(number, is_mobile)


@pytest.mark.parametrize(
    ("raw", "template"),
    [
        ("", validate.PHONE_REQUIRED),
        (None, validate.PHONE_REQUIRED),
        (" \u3000", validate.PHONE_REQUIRED),
        ("96110", validate.PHONE_SERVICE_NUMBER),
        (96110, validate.PHONE_SERVICE_NUMBER),
        ("110", validate.PHONE_SERVICE_NUMBER),
        ("12345", validate.PHONE_SERVICE_NUMBER),
        ("95588", validate.PHONE_SERVICE_NUMBER),
        ("10086", validate.PHONE_SERVICE_NUMBER),
        ("400-123-4567", validate.PHONE_SERVICE_NUMBER),
        ("800 123 4567", validate.PHONE_SERVICE_NUMBER),
        ("1381234567", validate.PHONE_MOBILE_LENGTH),
        ("138123456789", validate.PHONE_MOBILE_LENGTH),
        ("2281234", validate.PHONE_NO_AREA_CODE),
        ("62345678", validate.PHONE_NO_AREA_CODE),
        ("7782281234", validate.PHONE_INVALID),  # text keeps its digits; no guessing the 0
        ("12812345678", validate.PHONE_INVALID),  # 12x is not a mobile range
        ("0778-0281234", validate.PHONE_INVALID),  # local numbers do not start with 0
        ("0778-12345", validate.PHONE_INVALID),
        ("0011-2281234", validate.PHONE_INVALID),
        ("+1 415 555 0100", validate.PHONE_INVALID),
        ("+86 1234", validate.PHONE_INVALID),
        ("13812345678/13912345678", validate.PHONE_INVALID),
        ("13812345678转123", validate.PHONE_INVALID),
        ("无", validate.PHONE_INVALID),
        ("abc", validate.PHONE_INVALID),
        # A lone 0 once ended in an IndexError; short numbers read as service numbers.
        ("0", validate.PHONE_SERVICE_NUMBER),
        (0, validate.PHONE_SERVICE_NUMBER),
        ("1.3812345678E+10", validate.PHONE_INVALID),
        (-13812345678, validate.PHONE_INVALID),
        (13812345678.5, validate.PHONE_INVALID),
        (float("inf"), validate.PHONE_INVALID),
        (False, validate.PHONE_INVALID),
    ],
)
def test_phone_rejected(raw, template):
    error = raises(normalize_phone, raw, template)
    if "value" in error.params:
        assert error.params["value"] in error.english()


def test_phone_mobile_length_counts_digits():
    error = raises(normalize_phone, "138 1234 567", validate.PHONE_MOBILE_LENGTH)
    assert error.params["count"] == 10
    assert "138 1234 567" in error.english()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("+86 138-1234-5678", "13812345678"), (13812345678.0, "13812345678")],
)
def test_mobile_accepted(raw, expected):
    assert normalize_mobile(raw) == expected


@pytest.mark.parametrize(
    ("raw", "template"),
    [
        ("0778-2281234", validate.MOBILE_REQUIRED),
        ("+86 778 2281234", validate.MOBILE_REQUIRED),
        ("96110", validate.PHONE_SERVICE_NUMBER),
        ("", validate.PHONE_REQUIRED),
    ],
)
def test_mobile_rejected(raw, template):
    error = raises(normalize_mobile, raw, template)
    if template == validate.MOBILE_REQUIRED:
        assert "mobile number is needed" in error.english()


_mobiles = st.from_regex(r"\A1[3-9][0-9]{9}\Z")


@given(_mobiles, st.sampled_from(["{}", "+86 {}", "0086{}", "86 {}", "{}.0"]))
def test_property_mobile_forms(mobile, form):
    assert normalize_phone(form.format(mobile)) == PhoneNumber(mobile, True)
    assert normalize_mobile(mobile.translate(_FULL)) == mobile


# --- money ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "fen"),
    [
        ("52000", 5_200_000),
        (52000, 5_200_000),
        (52000.0, 5_200_000),
        (52000.5, 5_200_050),
        (0.1, 10),
        (Decimal("52000.5"), 5_200_050),
        (Decimal("5.2E+4"), 5_200_000),
        ("52000.5", 5_200_050),
        ("52000.50", 5_200_050),
        ("52000.500", 5_200_050),
        ("0.01", 1),
        ("0", 0),
        ("-0", 0),
        ("5.2万", 5_200_000),
        ("5.2万元", 5_200_000),
        ("5.2345万", 5_234_500),
        ("5.234567万", 5_234_567),
        ("0.3亿", 3_000_000_000),
        ("1亿元", 10_000_000_000),
        ("￥52,000.00", 5_200_000),
        ("¥52000元", 5_200_000),
        ("¥ 52 000", 5_200_000),
        ("RMB 52000", 5_200_000),
        ("rmb52000", 5_200_000),
        ("人民币52000元整", 5_200_000),
        ("CNY52000.00", 5_200_000),
        ("52,000", 5_200_000),
        ("1,234,567.89", 123_456_789),
        ("５２０００", 5_200_000),
        ("５２，０００．５０元", 5_200_050),
        ("５．２万", 5_200_000),
        ("  52000\n", 5_200_000),
        ("1000000000000", 100_000_000_000_000),  # the one-trillion-yuan ceiling itself
    ],
)
def test_amount_accepted(raw, fen):
    result = parse_amount_fen(raw)
    assert result == fen
    assert type(result) is int


@pytest.mark.parametrize(
    "raw",
    [
        "约5万",
        "大约5万",
        "5万左右",
        "5万上下",
        "3-5万",
        "3~5万",
        "3～5万",
        "3至5万",
        "3到5万",
        "3万-5万",
        "5万多",
        "5万余元",
        "十万",
        "五万三千",
        "5千",
        "两万",
        "几万",
        "数万元",
        "近5万",
        "5万以上",
        "不到5万",
        "5万+",
        "5万?",
        "５万多",
    ],
)
def test_amount_needs_review(raw):
    error = raises(parse_amount_fen, raw, AMOUNT_NEEDS_REVIEW)
    assert "not an exact figure" in error.english()


@pytest.mark.parametrize(
    ("raw", "template"),
    [
        ("", validate.AMOUNT_REQUIRED),
        (None, validate.AMOUNT_REQUIRED),
        ("-500", validate.AMOUNT_NEGATIVE),
        ("−500", validate.AMOUNT_NEGATIVE),
        ("¥-500", validate.AMOUNT_NEGATIVE),
        ("-¥500", validate.AMOUNT_NEGATIVE),
        ("-5万", validate.AMOUNT_NEGATIVE),
        (-500, validate.AMOUNT_NEGATIVE),
        (-0.5, validate.AMOUNT_NEGATIVE),
        (Decimal("-1"), validate.AMOUNT_NEGATIVE),
        ("1.001", validate.AMOUNT_TOO_PRECISE),
        ("5.2345678万", validate.AMOUNT_TOO_PRECISE),
        (0.001, validate.AMOUNT_TOO_PRECISE),
        (0.1 + 0.2, validate.AMOUNT_TOO_PRECISE),  # a float sum is refused, not rounded
        (Decimal("1E-99999999"), validate.AMOUNT_TOO_PRECISE),
        ("0.000000000000000000000000000000000001", validate.AMOUNT_TOO_PRECISE),
        ("1.0000000000000000000000000000000000001", validate.AMOUNT_TOO_PRECISE),
        ("1000000000000.01", validate.AMOUNT_TOO_LARGE),
        ("100000001万", validate.AMOUNT_TOO_LARGE),
        (Decimal("1E+99999999"), validate.AMOUNT_TOO_LARGE),
        (1e300, validate.AMOUNT_TOO_LARGE),
        ("abc", validate.AMOUNT_INVALID),
        ("5,20,00", validate.AMOUNT_INVALID),
        ("52,00", validate.AMOUNT_INVALID),
        ("1e5", validate.AMOUNT_INVALID),
        (".5", validate.AMOUNT_INVALID),
        ("5.", validate.AMOUNT_INVALID),
        ("5.2.1", validate.AMOUNT_INVALID),
        ("5w", validate.AMOUNT_INVALID),
        ("$500", validate.AMOUNT_INVALID),
        ("万", validate.AMOUNT_INVALID),
        ("元", validate.AMOUNT_INVALID),
        (float("nan"), validate.AMOUNT_INVALID),
        (float("inf"), validate.AMOUNT_INVALID),
        (Decimal("NaN"), validate.AMOUNT_INVALID),
        (True, validate.AMOUNT_INVALID),
        ([52000], validate.AMOUNT_INVALID),
    ],
)
def test_amount_rejected(raw, template):
    error = raises(parse_amount_fen, raw, template)
    if "value" in error.params:
        assert error.params["value"] in error.english()


@given(st.integers(min_value=0, max_value=10**14))
def test_property_amount_round_trip(fen):
    yuan = Decimal(fen).scaleb(-2)
    assert parse_amount_fen(f"{yuan:.2f}") == fen
    assert parse_amount_fen(f"{yuan:,.2f}") == fen
    assert parse_amount_fen(yuan) == fen
    assert parse_amount_fen(f"{yuan.scaleb(-4):f}万") == fen


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-01-05", dt.date(2026, 1, 5)),
        ("2026/1/5", dt.date(2026, 1, 5)),
        ("2026/01/05", dt.date(2026, 1, 5)),
        ("2026年1月5日", dt.date(2026, 1, 5)),
        ("2026年01月05日", dt.date(2026, 1, 5)),
        ("2026年1月5号", dt.date(2026, 1, 5)),
        ("2026年1月5", dt.date(2026, 1, 5)),
        ("２０２６年１月５日", dt.date(2026, 1, 5)),
        ("2026.1.5", dt.date(2026, 1, 5)),
        ("20260105", dt.date(2026, 1, 5)),
        (" 2026-01-05 ", dt.date(2026, 1, 5)),
        ("2026-01-05 14:30", dt.date(2026, 1, 5)),
        ("2026-01-05T14:30:00+08:00", dt.date(2026, 1, 5)),
        ("2026年1月5日 14时30分", dt.date(2026, 1, 5)),
        (dt.date(2026, 1, 5), dt.date(2026, 1, 5)),
        (dt.datetime(2026, 1, 5, 23, 59), dt.date(2026, 1, 5)),
        (dt.datetime(2026, 1, 5, 23, 59, tzinfo=CST), dt.date(2026, 1, 5)),
        (45000, dt.date(2023, 3, 15)),
        (46027, dt.date(2026, 1, 5)),
        (46027.0, dt.date(2026, 1, 5)),
        (46027.75, dt.date(2026, 1, 5)),
        (Decimal("46027"), dt.date(2026, 1, 5)),
        ("46027", dt.date(2026, 1, 5)),
        ("46027.5", dt.date(2026, 1, 5)),
        (1, dt.date(1900, 1, 1)),
        (59, dt.date(1900, 2, 28)),
        (61, dt.date(1900, 3, 1)),
        (20260105, dt.date(2026, 1, 5)),  # typed as a packed date into a number cell
        ("2100-12-31", dt.date(2100, 12, 31)),
        ("1900-01-01", dt.date(1900, 1, 1)),
        ("2024-02-29", dt.date(2024, 2, 29)),
    ],
)
def test_date_accepted(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (0, dt.date(1904, 1, 1)),
        (1, dt.date(1904, 1, 2)),
        (44566, dt.date(2026, 1, 6)),
        (46027 - 1462, dt.date(2026, 1, 5)),  # the two systems are 1462 days apart
        ("44565", dt.date(2026, 1, 5)),
        ("2026-01-05", dt.date(2026, 1, 5)),  # text does not depend on the system
    ],
)
def test_date_1904_system(raw, expected):
    assert parse_date(raw, date1904=True) == expected


@pytest.mark.parametrize(
    ("raw", "template"),
    [
        ("", validate.DATE_REQUIRED),
        (None, validate.DATE_REQUIRED),
        ("2026-02-30", validate.DATE_IMPOSSIBLE),
        ("2026-13-01", validate.DATE_IMPOSSIBLE),
        ("2026-00-10", validate.DATE_IMPOSSIBLE),
        ("2026年2月29日", validate.DATE_IMPOSSIBLE),
        ("20260230", validate.DATE_IMPOSSIBLE),
        (20260230, validate.DATE_IMPOSSIBLE),
        (60, validate.DATE_IMPOSSIBLE),  # Excel's fictional 1900-02-29
        ("1899-12-31", validate.DATE_OUT_OF_RANGE),
        ("2101-01-01", validate.DATE_OUT_OF_RANGE),
        ("0000-01-01", validate.DATE_OUT_OF_RANGE),
        (dt.date(1899, 12, 31), validate.DATE_OUT_OF_RANGE),
        (dt.datetime(2101, 1, 1), validate.DATE_OUT_OF_RANGE),
        (0, validate.DATE_OUT_OF_RANGE),
        (0.5, validate.DATE_OUT_OF_RANGE),
        (80000, validate.DATE_OUT_OF_RANGE),
        (10**12, validate.DATE_OUT_OF_RANGE),
        (1e300, validate.DATE_OUT_OF_RANGE),
        ("99999", validate.DATE_OUT_OF_RANGE),
        (-1, validate.DATE_INVALID),
        (float("nan"), validate.DATE_INVALID),
        ("2026", validate.DATE_INVALID),  # a year alone is not serial 2026
        ("123", validate.DATE_INVALID),
        ("abc", validate.DATE_INVALID),
        ("01/05/2026", validate.DATE_INVALID),  # month/day order is ambiguous
        ("2026-01/05", validate.DATE_INVALID),
        ("2026-1", validate.DATE_INVALID),
        ("202615", validate.DATE_INVALID),
        ("2026010514:30", validate.DATE_INVALID),
        ("2026-01-05 下午", validate.DATE_INVALID),
        ("2026-01-05 14:30 extra", validate.DATE_INVALID),
        ("2026-01-05 25:00", validate.TIME_INVALID),
        ("2026-01-05 14:60", validate.TIME_INVALID),
        ("2026-01-05 14:30+25:00", validate.TIME_INVALID),
        (True, validate.DATE_INVALID),
        ([2026, 1, 5], validate.DATE_INVALID),
    ],
)
def test_date_rejected(raw, template):
    error = raises(parse_date, raw, template)
    if "value" in error.params:
        assert error.params["value"] in error.english()


def test_date_1904_rejects_negative_serial():
    raises(parse_date, -1, validate.DATE_INVALID, date1904=True)


# --- date and time ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-01-05", dt.datetime(2026, 1, 5, 0, 0, tzinfo=CST)),
        ("2026-01-05 14:30", dt.datetime(2026, 1, 5, 14, 30, tzinfo=CST)),
        ("2026-01-05T14:30", dt.datetime(2026, 1, 5, 14, 30, tzinfo=CST)),
        ("2026-01-05 9:05", dt.datetime(2026, 1, 5, 9, 5, tzinfo=CST)),
        ("2026/1/5 14:30:15", dt.datetime(2026, 1, 5, 14, 30, 15, tzinfo=CST)),
        ("2026-01-05 14:30:15.25", dt.datetime(2026, 1, 5, 14, 30, 15, 250000, tzinfo=CST)),
        ("2026年1月5日 14时30分", dt.datetime(2026, 1, 5, 14, 30, tzinfo=CST)),
        ("2026年1月5日14时", dt.datetime(2026, 1, 5, 14, 0, tzinfo=CST)),
        ("2026年1月5日14点30分15秒", dt.datetime(2026, 1, 5, 14, 30, 15, tzinfo=CST)),
        ("2026年1月5日14:30", dt.datetime(2026, 1, 5, 14, 30, tzinfo=CST)),
        ("2026年1月5日 14：30", dt.datetime(2026, 1, 5, 14, 30, tzinfo=CST)),
        ("20260105 14:30", dt.datetime(2026, 1, 5, 14, 30, tzinfo=CST)),
        (46027, dt.datetime(2026, 1, 5, tzinfo=CST)),
        (46027.5, dt.datetime(2026, 1, 5, 12, 0, tzinfo=CST)),
        ("46027.5", dt.datetime(2026, 1, 5, 12, 0, tzinfo=CST)),
        (46027 + 14.5 / 24, dt.datetime(2026, 1, 5, 14, 30, tzinfo=CST)),  # float noise rounds
        (46027.99999999, dt.datetime(2026, 1, 6, 0, 0, tzinfo=CST)),
        (dt.date(2026, 1, 5), dt.datetime(2026, 1, 5, tzinfo=CST)),
        (dt.datetime(2026, 1, 5, 14, 30), dt.datetime(2026, 1, 5, 14, 30, tzinfo=CST)),
    ],
)
def test_datetime_naive_input_gets_tz(raw, expected):
    result = parse_datetime(raw, tz=CST)
    assert result == expected
    assert result.utcoffset() == dt.timedelta(hours=8)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-01-05T14:30:00+08:00", dt.datetime(2026, 1, 5, 14, 30, tzinfo=CST)),
        ("2026-01-05T06:30:00Z", dt.datetime(2026, 1, 5, 6, 30, tzinfo=dt.UTC)),
        ("2026-01-05 14:30 +0800", dt.datetime(2026, 1, 5, 14, 30, tzinfo=CST)),
        ("2026-01-05 14:30+08", dt.datetime(2026, 1, 5, 14, 30, tzinfo=CST)),
        (
            "2026-01-05 01:00-05:30",
            dt.datetime(2026, 1, 5, 1, 0, tzinfo=dt.timezone(-dt.timedelta(hours=5, minutes=30))),
        ),
        (
            dt.datetime(2026, 1, 5, 6, 30, tzinfo=dt.UTC),
            dt.datetime(2026, 1, 5, 6, 30, tzinfo=dt.UTC),
        ),
    ],
)
def test_datetime_explicit_offset_is_kept(raw, expected):
    tokyo = dt.timezone(dt.timedelta(hours=9))
    result = parse_datetime(raw, tz=tokyo)
    assert result == expected
    assert result.utcoffset() == expected.utcoffset()


def test_datetime_1904_serial_with_fraction():
    assert parse_datetime(44565.5, date1904=True, tz=CST) == dt.datetime(2026, 1, 5, 12, tzinfo=CST)


def test_datetime_defaults_to_the_station_zone_not_the_laptops():
    result = parse_datetime("2026-01-05 14:30")
    assert result.replace(tzinfo=None) == dt.datetime(2026, 1, 5, 14, 30)
    assert result.utcoffset() == dt.timedelta(hours=8)  # Asia/Shanghai, whatever TZ says


@pytest.mark.parametrize(
    ("raw", "template"),
    [
        ("", validate.DATE_REQUIRED),
        ("2026-02-30 10:00", validate.DATE_IMPOSSIBLE),
        ("2026-01-05 24:00", validate.TIME_INVALID),
        ("2026-01-05 23:59:60", validate.TIME_INVALID),
        ("2026年1月5日 25时", validate.TIME_INVALID),
        ("2026-01-05 14", validate.DATE_INVALID),
        ("2026-01-05 14:3", validate.DATE_INVALID),
        ("14:30", validate.DATE_INVALID),
        (60.5, validate.DATE_IMPOSSIBLE),
    ],
)
def test_datetime_rejected(raw, template):
    raises(parse_datetime, raw, template, tz=CST)


@given(
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 12, 31, 23, 59, 59))
)
def test_property_text_round_trip(moment):
    moment = moment.replace(microsecond=0)
    assert parse_datetime(f"{moment:%Y-%m-%d %H:%M:%S}", tz=CST) == moment.replace(tzinfo=CST)
    assert parse_datetime(moment.isoformat(), tz=CST) == moment.replace(tzinfo=CST)
    assert parse_date(f"{moment.year}年{moment.month}月{moment.day}日") == moment.date()


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 12, 31)))
def test_property_excel_serials(day):
    serial_1900 = (day - dt.date(1899, 12, 30)).days
    serial_1904 = (day - dt.date(1904, 1, 1)).days
    assert parse_date(serial_1900) == day
    if serial_1904 >= 0:
        assert parse_date(serial_1904, date1904=True) == day


@pytest.mark.parametrize("fen", [0, 1, 99, 100, 5_200_000, 123_456, 10**12])
def test_format_amount_fen_reads_back(fen):
    from desktop.core.validate import format_amount_fen

    assert parse_amount_fen(format_amount_fen(fen)) == fen


def test_an_id_number_born_today_is_judged_by_the_station_s_day(monkeypatch):
    """A child registered today at the station, on a laptop whose own zone is still yesterday."""
    from desktop.core import clock

    monkeypatch.setattr(clock, "today", lambda: dt.date(2100, 1, 1))
    first17 = "45120221000101123"  # born 2100-01-01: no laptop's calendar has reached it
    assert normalize_id_number(first17 + id_number_check_digit(first17)).startswith("451202")


def _reading(value: str) -> tuple:
    try:
        return ("read", validate.parse_datetime(value, field="t"))
    except ValidationError as error:
        return ("refused", error.render(), error.field)


@given(
    st.integers(1890, 2110), st.integers(0, 13), st.integers(0, 32), st.sampled_from(" T"),
    st.integers(0, 25), st.integers(0, 61), st.none() | st.integers(0, 61),
)  # fmt: skip
def test_the_common_moment_reads_as_the_general_reading_reads_it(
    year, month, day, separator, hour, minute, second
):
    """ "2026-01-05 14:30" is read by a shorter way; whatever its digits, it gives what the
    general reading gives (spaces around the value send it the general way), refusals and
    their messages included."""
    text = f"{year:04}-{month:02}-{day:02}{separator}{hour:02}:{minute:02}"
    if second is not None:
        text += f":{second:02}"
    assert validate._PLAIN_MOMENT.fullmatch(text)
    assert _reading(text) == _reading(f" {text} ")


def test_the_common_moment_is_read_in_the_station_s_zone():
    moment = validate.parse_datetime("2026-01-05 14:30:09")
    assert moment == dt.datetime(2026, 1, 5, 14, 30, 9, tzinfo=clock.station_zone())
    assert validate.parse_date("2026-01-05 14:30") == dt.date(2026, 1, 5)
    assert "1899-12-31" in _reading("1899-12-31 08:00")[1]  # out of range: still refused
