from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from desktop.core.clock import station_time
from desktop.core.figures import BY_KEY, format_value
from desktop.core.formats import (
    format_date,
    format_date_range,
    format_datetime,
    format_day_time,
    format_duration,
    format_money_fen,
    format_money_form,
    format_month,
    format_month_day,
    format_stamp,
    format_time,
    format_wan,
)

CHINA = timezone(timedelta(hours=8))


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "chinese", "english"),
    [
        (date(2026, 10, 7), "2026年10月7日", "7 Oct 2026"),
        (date(2026, 1, 5), "2026年1月5日", "5 Jan 2026"),  # one-digit month and day
        (date(2026, 12, 31), "2026年12月31日", "31 Dec 2026"),
        (datetime(2026, 9, 1, 8, 5), "2026年9月1日", "1 Sep 2026"),
        ("2026-10-07", "2026年10月7日", "7 Oct 2026"),
        ("2026-10-07T14:30:00+08:00", "2026年10月7日", "7 Oct 2026"),
    ],
)
def test_dates_without_leading_zeros(value, chinese, english):
    assert format_date(value, chinese=True) == chinese
    assert format_date(value, chinese=False) == english


def test_date_times_in_both_languages():
    moment = datetime(2026, 10, 7, 14, 30, tzinfo=CHINA)
    assert format_datetime(moment, chinese=True) == "2026年10月7日 14:30"
    assert format_datetime(moment, chinese=False) == "7 Oct 2026 14:30"
    assert format_datetime(moment, chinese=True, seconds=True) == "2026年10月7日 14:30:00"
    assert format_datetime(datetime(2026, 3, 4, 9, 5, 7), chinese=False, seconds=True) == (
        "4 Mar 2026 09:05:07"
    )


def test_midnight_keeps_its_clock():
    midnight = datetime(2026, 2, 1, 0, 0, tzinfo=CHINA)
    assert format_datetime(midnight, chinese=True) == "2026年2月1日 00:00"
    assert format_datetime(midnight, chinese=False) == "1 Feb 2026 00:00"
    assert format_time(midnight) == "00:00"


def test_aware_times_are_shown_as_china_time_across_the_date_line():
    evening_utc = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)  # 00:30 on New Year's Day in China
    assert format_datetime(evening_utc, chinese=True) == "2027年1月1日 00:30"
    assert format_datetime(evening_utc, chinese=False) == "1 Jan 2027 00:30"
    assert format_date(evening_utc, chinese=True) == "2027年1月1日"
    assert format_month(evening_utc, chinese=True) == "2027年1月"
    assert format_datetime("2026-12-31T16:30:00+00:00", chinese=True) == "2027年1月1日 00:30"
    assert format_datetime("2026-12-31T16:30:00Z", chinese=False) == "1 Jan 2027 00:30"
    assert station_time(evening_utc) == datetime(2027, 1, 1, 0, 30, tzinfo=CHINA)


def test_naive_times_are_taken_as_station_time():
    assert format_datetime(datetime(2026, 10, 7, 23, 59), chinese=True) == "2026年10月7日 23:59"
    assert station_time(datetime(2026, 10, 7, 23, 59)) == datetime(
        2026, 10, 7, 23, 59, tzinfo=CHINA
    )


def test_iso_text_as_the_database_stores_it():
    stored = "2026-10-07T14:30:00+08:00"
    assert format_datetime(stored, chinese=True) == "2026年10月7日 14:30"
    assert format_datetime(stored, chinese=False) == "7 Oct 2026 14:30"
    assert format_day_time(stored, chinese=True) == "10月7日 14:30"
    assert format_day_time(stored, chinese=False) == "7 Oct 14:30"
    assert format_time(stored) == "14:30"
    assert format_datetime("2026-10-07 08:05", chinese=True) == "2026年10月7日 08:05"


def test_a_date_alone_has_no_clock():
    assert format_datetime("2026-10-07", chinese=True) == "2026年10月7日"
    assert format_datetime(date(2026, 10, 7), chinese=False) == "7 Oct 2026"
    assert format_day_time(date(2026, 10, 7), chinese=True) == "10月7日"
    with pytest.raises(TypeError):
        format_time(date(2026, 10, 7))


def test_nothing_shows_as_nothing():
    for function in (format_date, format_datetime, format_month, format_month_day):
        assert function(None, chinese=True) == ""
        assert function("", chinese=False) == ""
    assert format_time(None) == ""


def test_months_and_month_days():
    assert format_month(date(2026, 10, 7), chinese=True) == "2026年10月"
    assert format_month(date(2026, 10, 7), chinese=False) == "Oct 2026"
    assert format_month_day(date(2026, 5, 9), chinese=True) == "5月9日"
    assert format_month_day(date(2026, 5, 9), chinese=False) == "9 May"
    assert format_time(time(7, 3)) == "07:03"


def test_ranges_say_the_year_once():
    assert format_date_range(date(2026, 10, 5), date(2026, 10, 11), chinese=True) == (
        "2026年10月5日—10月11日"
    )
    assert format_date_range(date(2026, 10, 5), date(2026, 10, 11), chinese=False) == (
        "5–11 Oct 2026"
    )
    assert format_date_range(date(2026, 9, 28), date(2026, 10, 4), chinese=False) == (
        "28 Sep – 4 Oct 2026"
    )
    assert format_date_range(date(2026, 12, 28), date(2027, 1, 3), chinese=True) == (
        "2026年12月28日—2027年1月3日"
    )
    assert format_date_range(date(2026, 12, 28), date(2027, 1, 3), chinese=False) == (
        "28 Dec 2026 – 3 Jan 2027"
    )
    assert format_date_range(date(2026, 10, 5), date(2026, 10, 5), chinese=True) == "2026年10月5日"


def test_the_printed_forms_use_the_same_texts():
    from desktop.reports.styles import zh_date, zh_datetime, zh_month_day, zh_time

    moment = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)
    assert zh_date(moment) == format_date(moment, chinese=True) == "2027年1月1日"
    assert zh_month_day(moment) == "1月1日"
    assert zh_time(moment) == "00:30"
    assert zh_datetime(moment) == "2027年1月1日 00:30"


# --- money --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fen", "chinese", "english"),
    [
        (0, "0元", "¥0"),
        (1, "0.01元", "¥0.01"),
        (350_000, "3,500元", "¥3,500"),
        (350_050, "3,500.50元", "¥3,500.50"),
        (999_999, "9,999.99元", "¥9,999.99"),  # just below 10,000 yuan: still in 元
        (1_000_000, "1.00万元", "¥10,000"),  # 10,000 yuan: from here in 万元
        (5_200_000, "5.20万元", "¥52,000"),
        (123_456_789, "123.46万元", "¥1,234,567.89"),
        (1_234_500, "1.23万元", "¥12,345"),
        (1_235_000, "1.24万元", "¥12,350"),  # half a hundred yuan rounds up (四舍五入)
        (10_000_000_000, "10,000.00万元", "¥100,000,000"),
    ],
)
def test_money_in_fen(fen, chinese, english):
    assert format_money_fen(fen, chinese=True) == chinese
    assert format_money_fen(fen, chinese=False) == english


def test_negative_money_keeps_its_sign():
    # Stored amounts are never negative; a difference may be, and is shown, not refused.
    assert format_money_fen(-350_050, chinese=True) == "-3,500.50元"
    assert format_money_fen(-5_200_000, chinese=True) == "-5.20万元"
    assert format_money_fen(-5_200_000, chinese=False) == "-¥52,000"


def test_money_is_whole_fen():
    assert format_money_fen(None, chinese=True) == ""
    with pytest.raises(TypeError):
        format_money_fen(52.5, chinese=True)
    with pytest.raises(TypeError):
        format_money_fen(True, chinese=False)


def test_figures_in_wan_yuan_read_as_yuan_in_english():
    money = BY_KEY["money_protected"]
    assert format_value(money, 5.2) == "5.20万元"
    assert format_value(money, 5.2, chinese=False) == "¥52,000"
    assert format_value(money, 0.35, chinese=False) == "¥3,500"
    assert format_value(money, 0.0, chinese=False) == "¥0"
    assert format_value(money, 12_345.67, chinese=True) == "12,345.67万元"
    assert format_value(money, 12_345.67, chinese=False) == "¥123,456,700"
    assert format_value(money, None, chinese=False) == "—"


def test_a_stored_moment_to_the_minute_as_stored():
    """Lists read as data (workbook cells, the command line, a case record's timeline) show the
    stored text to the minute, its zone not moved."""
    assert format_stamp("2026-10-07T14:30:59+08:00") == "2026-10-07 14:30"
    assert format_stamp("2026-10-07T06:30:00+00:00") == "2026-10-07 06:30"
    assert format_stamp(datetime(2026, 10, 7, 14, 30, 5, tzinfo=CHINA)) == "2026-10-07 14:30"
    assert format_stamp(None) == format_stamp("") == ""


@pytest.mark.parametrize(
    ("fen", "wan"),
    [(5_200_000, "5.20万元"), (350_000, "0.35万元"), (1_234_567_890, "1,234.57万元"),
     (11_250_000, "11.25万元"), (112_500, "0.11万元"), (12_500, "0.01万元"),
     (125_000, "0.13万元")],  # half up, as the screens round
)  # fmt: skip
def test_sums_in_wan_whatever_their_size(fen, wan):
    assert format_wan(fen) == wan
    if fen >= 1_000_000:  # the screens' Chinese says the same from 1万元 up
        assert format_money_fen(fen, chinese=True) == wan


def test_a_form_states_yuan_with_both_decimals():
    assert format_money_form(350_000) == "3,500.00 元"
    assert format_money_form(5) == "0.05 元"
    assert format_money_form(123_456_789) == "1,234,567.89 元"


@pytest.mark.parametrize(
    ("minutes", "chinese", "english"),
    [
        (0, "不到1分钟", "under 1 min"),
        (45, "45分钟", "45 min"),
        (125, "2小时", "2 h"),
        (24 * 60, "1天", "1 d"),
        (27 * 60 + 59, "1天3小时", "1 d 3 h"),
        (-3, "不到1分钟", "under 1 min"),
    ],
)
def test_durations_in_the_two_largest_units_rounded_down(minutes, chinese, english):
    assert format_duration(minutes, chinese=True) == chinese
    assert format_duration(minutes, chinese=False) == english
