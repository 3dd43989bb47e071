"""The dissuasion notice (劝阻告知书) a resident signs: the issuing unit and a document number
kept for reprints, the resident named in full (a reveal, logged with its reason) and the rest
masked, type an elderly reader can read, two copies each on its own page, and the case record's
header block in the same style."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from desktop.core import clock
from desktop.core.catalogue import FRAUD_TYPES
from desktop.core.privacy import ADDRESSEE_REASON, mask_address, mask_id_number
from desktop.core.validate import id_number_check_digit
from desktop.db import audit
from desktop.db.database import META_STATION_NAME, META_STATION_PHONE
from desktop.db.opening import open_database
from desktop.domain import warnings as warning_store
from desktop.reports.documents import print_case_record, print_notice
from desktop.reports.notice import COPIES, WARNING_SIGNS, build_notice
from desktop.reports.notice_numbers import notice_number
from desktop.reports.registry import PRINTOUTS
from desktop.reports.styles import FOOTER_RULE_Y, OFFICIAL, SIZE_SMALL_4, zh_date

CST = timezone(timedelta(hours=8))
RECEIVED = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
STATION = "河池市公安局金城江分局城东派出所"
ID_17 = "45120219600101123"
ID_NUMBER = ID_17 + id_number_check_digit(ID_17)
ADDRESS = "凤城镇坡心村3组12号"
# Closing marks a line must not start with (Chinese and Latin).
CLOSING = "，。；：、）)！？》"


@pytest.fixture
def database(tmp_path):
    database = open_database(tmp_path / "notice.sqlite3")
    database.set_meta(META_STATION_NAME, STATION)
    database.set_meta(META_STATION_PHONE, "0778-2281110")
    yield database
    database.close()


def _warning(database, name: str = "罗小明", mobile: str = "13812345678") -> str:
    values = {"source": "platform", "level": "high", "name": name, "mobile": mobile}
    warning_id = warning_store.intake(database, values, now=RECEIVED)
    warning_store.update_details(
        database, warning_id,
        {"id_number": ID_NUMBER, "fraud_type": "impersonating_police", "address": ADDRESS},
    )  # fmt: skip
    return warning_id


def _number(day: date, number: int) -> str:
    return f"〔{day.year}〕第 {number} 号"


def _lines(pages: list[str]) -> list[str]:
    return [line.strip() for page in pages for line in page.splitlines() if line.strip()]


def test_the_notice_has_the_unit_and_a_number_that_reprints_keep(database, tmp_path, page_texts):
    first, second = _warning(database), _warning(database, "韦秀英", "13912345678")
    today = clock.today()
    assert print_notice(database, first, tmp_path / "a.pdf") == 2
    for page in page_texts(tmp_path / "a.pdf"):
        lines = _lines([page])
        # The copy, the unit, the title and the number open each page, in that order.
        assert lines[1:4] == [STATION, "劝阻告知书", _number(today, 1)]
        assert zh_date(today) in lines  # the day under the seal, as official paper writes it
    print_notice(database, second, tmp_path / "b.pdf")
    assert all(_number(today, 2) in page for page in page_texts(tmp_path / "b.pdf"))
    database.set_meta(META_STATION_NAME, "城西派出所")  # renamed since: the notice stays as issued
    print_notice(database, first, tmp_path / "again.pdf")
    assert page_texts(tmp_path / "again.pdf") == page_texts(tmp_path / "a.pdf")
    assert _number(today, 1) in audit.recent(database, 1)[0]["summary"]  # the log says which


def test_numbers_count_per_year_and_issuing_unit_and_stay_with_their_warning(database):
    warnings = [_warning(database, f"居民{n}", f"1381234560{n}") for n in range(5)]
    with database.atomic():
        given = [
            notice_number(database, warnings[0], "甲所", date(2026, 12, 31)),
            notice_number(database, warnings[1], "甲所", date(2026, 12, 31)),
            notice_number(database, warnings[2], "甲所", date(2027, 1, 1)),
            notice_number(database, warnings[3], "乙所", date(2026, 6, 1)),
            notice_number(database, warnings[0], "乙所", date(2027, 3, 1)),  # a reprint
        ]
    assert [(n.unit, n.year, n.number) for n in given] == [
        ("甲所", 2026, 1), ("甲所", 2026, 2), ("甲所", 2027, 1), ("乙所", 2026, 1), ("甲所", 2026, 1),
    ]  # fmt: skip
    assert given[4] == given[0] and given[4].issued_on == date(2026, 12, 31)
    assert given[1].text == "〔2026〕第 2 号"


def test_a_notice_that_fails_to_print_takes_no_number_and_logs_nothing(database, tmp_path):
    warning_id = _warning(database)
    before = len(audit.recent(database, 1000))
    with pytest.raises(OSError):
        print_notice(database, warning_id, tmp_path / "no such folder" / "n.pdf")
    assert database.scalar("SELECT count(*) FROM notice_numbers") == 0
    assert len(audit.recent(database, 1000)) == before


def test_the_resident_is_named_in_full_and_that_is_a_logged_reveal(database, tmp_path, page_texts):
    warning_id = _warning(database)
    print_notice(database, warning_id, tmp_path / "n.pdf")
    for page in page_texts(tmp_path / "n.pdf"):
        flat = "".join(page.split())
        assert "罗小明：" in flat and "罗小明" in _lines([page])  # addressed, and in the facts
        assert "13812345678" not in flat and "138****5678" in flat
        assert ID_NUMBER not in flat and mask_id_number(ID_NUMBER) in flat
        assert ADDRESS not in flat and mask_address(ADDRESS) in flat
    printed, reveal = audit.recent(database, 2)
    assert (reveal["action"], reveal["row_id"]) == ("reveal", warning_id)
    assert ADDRESSEE_REASON in reveal["summary"] and printed["action"] == "print"
    # The registry says so, for the command line and the preview: masked, the name revealed
    # automatically, no --full to show the rest.
    notice = PRINTOUTS["notice"]
    assert notice.masked and not notice.reveal and notice.addressee_reason == ADDRESSEE_REASON


def test_everything_above_the_footer_is_at_least_small_four(database, tmp_path, drawn_lines):
    print_notice(database, _warning(database), tmp_path / "n.pdf")
    for page in drawn_lines(tmp_path / "n.pdf"):
        body = [line for line in page if line[1] > FOOTER_RULE_Y]
        assert len(body) > 20
        assert min(size for _x, _y, size, _text in body) >= SIZE_SMALL_4
        signs = [size for _x, _y, size, text in body if text[:2] in ("一、", "二、", "五、")]
        assert signs and min(signs) >= 14  # the warning signs at 四号


def test_a_wrapped_sentence_keeps_to_the_margin_only_paragraphs_are_indented(
    database, tmp_path, drawn_lines
):
    print_notice(database, _warning(database), tmp_path / "n.pdf")
    margin, indent = OFFICIAL.left, OFFICIAL.left + 2 * 14
    paragraphs = 1 + len(WARNING_SIGNS) + 1  # the opening, the signs, the resident's word
    for page in drawn_lines(tmp_path / "n.pdf"):
        starts = [x for x, _y, size, _text in page if size == 14]
        indented = [x for x in starts if x == pytest.approx(indent, abs=0.5)]
        at_margin = [x for x in starts if x == pytest.approx(margin, abs=0.5)]
        assert len(indented) == paragraphs
        assert len(at_margin) >= 5  # the salutation, the signature lines, wrapped lines


def test_two_copies_a_page_each_the_stub_and_the_residents(
    database, tmp_path, page_texts, drawn_lines
):
    print_notice(database, _warning(database), tmp_path / "n.pdf")
    pages = page_texts(tmp_path / "n.pdf")
    stub, handed = ("".join(page.split()) for page in pages)
    assert "".join(COPIES[0].split()) in stub and "交当事人" not in stub
    assert "".join(COPIES[1].split()) in handed and "存根" not in handed
    for page in (stub, handed):
        for line in ("告知单位（盖章）", "被告知人签名（捺印）：", "告知民警签名："):
            assert line in page
    # Nothing half empty: each copy runs from the top of its page down to the footer.
    height = OFFICIAL.height
    for page in drawn_lines(tmp_path / "n.pdf"):
        heights = [y for _x, y, _size, _text in page if y > FOOTER_RULE_Y]
        assert max(heights) > height * 0.85 and min(heights) < height * 0.15


@pytest.mark.parametrize("fraud_type", [*FRAUD_TYPES, ""])
def test_no_line_starts_with_a_closing_mark(fraud_type):
    out = io.BytesIO()
    build_notice(
        out, resident_name="欧阳娜娜", mobile="138****5678", id_number=mask_id_number(ID_NUMBER),
        address="河池市金城江区新建街道（原城西社区）***", received_at=RECEIVED,
        fraud_type=fraud_type, officer_name="韦生元", unit=STATION, number="〔2026〕第 12 号",
        issued_on=date(2026, 11, 25), station_phone="0778-2281110",
    )  # fmt: skip
    out.seek(0)
    for line in _lines([page.extract_text() for page in PdfReader(out).pages]):
        assert line[0] not in CLOSING, line


def test_the_fonts_are_embedded(database, tmp_path, fonts_of):
    warning_id = _warning(database)
    print_notice(database, warning_id, tmp_path / "n.pdf")
    print_case_record(database, warning_id, tmp_path / "c.pdf")
    for name in ("n.pdf", "c.pdf"):
        fonts = fonts_of(tmp_path / name)
        assert fonts and all(font["embedded"] for font in fonts), fonts


def test_the_case_record_has_the_same_header_block_and_dates(database, tmp_path, page_texts):
    warning_id = _warning(database)
    warning_store.update_details(database, warning_id, {"reference_number": "YJ2026000123"})
    print_case_record(database, warning_id, tmp_path / "c.pdf")
    lines = _lines(page_texts(tmp_path / "c.pdf"))
    assert lines[:2] == [STATION, "预警处置记录"]
    assert lines[2:4] == ["预警编号：YJ2026000123", zh_date(clock.today())]
    assert "2026年11月25日 10:00" in lines  # 下发时间, in the notice's style
    assert not [line for line in lines if line[0] in CLOSING]


def test_the_case_records_steps_are_dated_as_every_paper_dates_them(database, tmp_path, page_texts):
    """The steps of the timeline in the notice's style (2026年11月25日 10:05), in order of
    time, whatever order they were logged in."""
    warning_id = _warning(database)
    later = RECEIVED + timedelta(hours=1, minutes=30)
    for at in (later, RECEIVED + timedelta(minutes=5)):
        warning_store.record_contact(
            database, warning_id, method="phone", result="no_answer", at=at, now=later
        )
    print_case_record(database, warning_id, tmp_path / "c.pdf")
    text = "\n".join(page_texts(tmp_path / "c.pdf"))
    assert text.index("2026年11月25日 10:05") < text.index("2026年11月25日 11:30")
    assert "2026-11-25" not in text


def test_the_signing_date_stays_on_the_signature_line(database, tmp_path, drawn_lines):
    print_notice(database, _warning(database), tmp_path / "n.pdf")
    for page in drawn_lines(tmp_path / "n.pdf"):
        [signed] = [text for _x, _y, _size, text in page if text.startswith("被告知人签名")]
        # 年 月 日 not folded onto a second line
        assert "".join(signed.split()).endswith("年月日"), signed


def test_the_case_record_names_what_the_case_was_closed_despite(database, tmp_path, page_texts):
    warning_id = _warning(database)
    warning_store.close_warning(
        database, warning_id, outcome="dissuaded", despite=("no_contact", "closed_at_once"),
        now=RECEIVED + timedelta(minutes=3),
    )  # fmt: skip
    print_case_record(database, warning_id, tmp_path / "c.pdf")
    text = "".join(_lines(page_texts(tmp_path / "c.pdf")))
    assert "结案提示" in text
    assert "劝阻成功，但没有任何联系记录；高级别预警接报后数分钟内即结案（民警确认后结案）" in text
    quiet = _warning(database, mobile="13900000000")
    warning_store.close_warning(
        database, quiet, outcome="false_alarm", now=RECEIVED + timedelta(hours=1)
    )
    print_case_record(database, quiet, tmp_path / "q.pdf")
    assert "结案提示" not in "".join(_lines(page_texts(tmp_path / "q.pdf")))
