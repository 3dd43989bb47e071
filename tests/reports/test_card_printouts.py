"""The printouts of card sellers: the interview record and the pledge name the resident in full
(a reveal, logged with its reason) and mask the rest, at type the resident reads, signatures
never parted from what they sign; the register of an area masks every name unless the officer
gives a reason, repeats its header on every page and filters by area, status and listing day."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from desktop.core.errors import ValidationError
from desktop.core.privacy import SIGNER_REASON, mask_address, mask_id_number
from desktop.core.validate import id_number_check_digit
from desktop.db import audit
from desktop.db.database import META_STATION_NAME, META_STATION_PHONE
from desktop.db.opening import open_database
from desktop.domain import areas as area_store
from desktop.domain import card_sellers as store
from desktop.reports import registry
from desktop.reports.cards import (
    CONFIRMATION,
    LEGAL_WARNING,
    PLEDGE_COPIES,
    PLEDGE_LINES,
    QUESTIONS,
    REGISTER_TITLE,
)
from desktop.reports.documents import (
    DocumentError,
    print_card_register,
    print_interview_record,
    print_pledge,
)
from desktop.reports.styles import FOOTER_RULE_Y, LANDSCAPE, SIZE_SMALL_4

CST = timezone(timedelta(hours=8))
TODAY = date(2026, 11, 25)
STATION = "河池市公安局金城江分局城东派出所"
ADDRESS = "凤城镇坡心村3组12号"


def id_number(serial: int) -> str:
    first17 = f"45122319900101{serial:03d}"
    return first17 + id_number_check_digit(first17)


ID_NUMBER = id_number(7)


@pytest.fixture
def database(tmp_path):
    database = open_database(tmp_path / "cards.sqlite3")
    database.set_meta(META_STATION_NAME, STATION)
    database.set_meta(META_STATION_PHONE, "0778-2281110")
    yield database
    database.close()


@pytest.fixture
def areas(database):
    county = area_store.add_area(database, name="金城江区", level="county")
    town = area_store.add_area(database, name="东江镇", level="township", parent_id=county)
    east = area_store.add_area(database, name="坡心村", level="community", parent_id=town)
    other = area_store.add_area(database, name="城西街道", level="township", parent_id=county)
    west = area_store.add_area(database, name="城西社区", level="community", parent_id=other)
    return {"county": county, "town": town, "east": east, "west": west}


def _listed(database, area_id=None, **changes) -> str:
    values = {"name": "罗小明", "mobile": "13812345678", "id_number": ID_NUMBER,
              "address": ADDRESS, "area_id": area_id, "card_kind": "bank_card",
              "card_count": 3, "issuer": "中国农业银行", "outlet": "农行东江支行",
              "manner": "rented", "source": "upper_level", "listed_on": "2026-11-02"}  # fmt: skip
    values.update(changes)
    # The same person listed again (another kind of card) is linked, never written twice.
    resident_id = values.pop("resident_id", None) or database.scalar(
        "SELECT id FROM residents WHERE id_number = ?", (values["id_number"],)
    )
    return store.add_card_seller(
        database, values, resident_id=resident_id, new_person=resident_id is None, today=TODAY
    )


def _interview(database, card_seller_id: str, notes: str = "承认把银行卡租给网友，每张得200元。"):
    return store.record_interview(
        database, card_seller_id, method="summoned", result="warned", notes=notes,
        at=datetime(2026, 11, 20, 9, 30, tzinfo=CST), now=datetime(2026, 11, 25, 9, 0, tzinfo=CST),
    )  # fmt: skip


def _flat(pages: list[str]) -> list[str]:
    return ["".join(page.split()) for page in pages]


def test_the_interview_record_names_the_resident_and_masks_the_rest(database, tmp_path, page_texts):
    card_seller_id = _listed(database)
    interview_id = _interview(database, card_seller_id)
    print_interview_record(database, interview_id, tmp_path / "r.pdf")
    pages = _flat(page_texts(tmp_path / "r.pdf"))
    whole = "".join(pages)
    assert whole.startswith(STATION + "约谈训诫笔录")
    assert "被约谈人罗小明" in whole  # their own record: in full
    assert ID_NUMBER not in whole and mask_id_number(ID_NUMBER) in whole  # the tail to confirm
    assert "13812345678" not in whole and "138****5678" in whole
    assert ADDRESS not in whole and mask_address(ADDRESS) in whole
    # the time, the unit as the place of a summons, the officers, the cards
    assert "2026年11月20日09:30" in whole and f"约谈地点{STATION}" in whole
    assert "银行卡3张中国农业银行农行东江支行" in whole and "出租" in whole
    # the questions with room for the answers, the notes, the law, the confirmation
    for number, question in zip("一二三四五六", QUESTIONS, strict=True):
        assert f"{number}、问：{''.join(question.split())[:12]}" in whole
    assert "承认把银行卡租给网友，每张得200元。" in whole
    assert all("".join(point.split())[:20] in whole for point in LEGAL_WARNING)
    assert CONFIRMATION in whole
    # the resident signs every page, and the last one with the day
    assert all("被约谈人签名（捺印）：" in page for page in pages)
    printed, reveal = audit.recent(database, 2)
    assert (reveal["action"], reveal["table_name"], reveal["row_id"]) == (
        "reveal", "card_sellers", card_seller_id,
    )  # fmt: skip
    assert SIGNER_REASON in reveal["summary"]
    assert (printed["action"], printed["row_id"]) == ("print", interview_id)
    assert "罗" not in printed["summary"]


def test_the_interview_record_lists_every_card_of_the_resident(database, tmp_path, page_texts):
    first = _listed(database)
    resident_id = database.scalar("SELECT resident_id FROM card_sellers WHERE id = ?", (first,))
    _listed(database, resident_id=resident_id, card_kind="phone_card", card_count=2,
            issuer="中国移动", outlet="移动东江营业厅", manner="sold")  # fmt: skip
    print_interview_record(database, _interview(database, first), tmp_path / "r.pdf")
    whole = "".join(_flat(page_texts(tmp_path / "r.pdf")))
    assert whole.index("银行卡3张") < whole.index("电话卡2张中国移动移动东江营业厅")


def test_the_legal_warning_keeps_to_what_is_general():
    """No article numbers to go out of date, and the five years of restriction said."""
    text = "".join(LEGAL_WARNING)
    assert "第" not in text and "条" not in text
    assert "五年" in text and "惩戒" in text and "可能" in text


@pytest.mark.parametrize("notes", ["", "谈话情况。\n" * 120])
def test_the_signatures_stay_with_the_confirmation_on_one_page(
    database, tmp_path, page_texts, notes
):
    interview_id = _interview(database, _listed(database), notes=notes)
    print_interview_record(database, interview_id, tmp_path / "r.pdf")
    pages = _flat(page_texts(tmp_path / "r.pdf"))
    [signed] = [page for page in pages if CONFIRMATION in page]
    assert signed is pages[-1]
    for line in ("约谈民警签名：", "记录民警签名：", "约谈单位（盖章）"):
        assert line in signed and all(line not in page for page in pages[:-1])
    # the cards' table is whole on the first page, its header with it
    assert "卡类型数量开户行或运营商开户网点本地开户涉卡方式银行卡3张" in pages[0]


def test_what_the_resident_reads_is_at_least_small_four(database, tmp_path, drawn_lines):
    interview_id = _interview(database, _listed(database))
    print_interview_record(database, interview_id, tmp_path / "r.pdf")
    print_pledge(database, _listed(database, card_kind="phone_card"), tmp_path / "p.pdf")
    for path in ("r.pdf", "p.pdf"):
        for page in drawn_lines(tmp_path / path):
            body = [line for line in page if line[1] > FOOTER_RULE_Y]
            assert min(size for _x, _y, size, _text in body) >= SIZE_SMALL_4, path


def test_the_pledge_is_two_copies_a_page_each(database, tmp_path, page_texts):
    card_seller_id = _listed(database)
    assert print_pledge(database, card_seller_id, tmp_path / "p.pdf") == 2
    stub, handed = _flat(page_texts(tmp_path / "p.pdf"))
    assert "".join(PLEDGE_COPIES[0].split()) in stub and "交承诺人" not in stub
    assert "".join(PLEDGE_COPIES[1].split()) in handed and "存根" not in handed
    for page in (stub, handed):
        assert f"{STATION}承诺书" in page
        assert "承诺人罗小明" in page and ID_NUMBER not in page
        assert mask_id_number(ID_NUMBER) in page and "13812345678" not in page
        assert all("".join(line.split())[:16] in page for line in PLEDGE_LINES)
        for line in ("承诺人签名（捺印）：", "见证民警签名：", "见证单位（盖章）"):
            assert line in page
    printed, reveal = audit.recent(database, 2)
    assert (reveal["action"], reveal["row_id"]) == ("reveal", card_seller_id)
    assert SIGNER_REASON in reveal["summary"]
    assert (printed["action"], printed["row_id"]) == ("print", card_seller_id)


def test_a_long_unit_and_many_cards_still_keep_each_pledge_to_its_page(
    database, tmp_path, page_texts
):
    database.set_meta(META_STATION_NAME, "广西壮族自治区河池市公安局金城江分局" * 3 + "城东派出所")
    first = _listed(database)
    resident_id = database.scalar("SELECT resident_id FROM card_sellers WHERE id = ?", (first,))
    for kind in ("phone_card", "payment_account", "corporate_account"):
        _listed(database, resident_id=resident_id, card_kind=kind)
    assert print_pledge(database, first, tmp_path / "p.pdf") == 2
    for page in _flat(page_texts(tmp_path / "p.pdf")):
        kinds = page[page.index("涉及的卡") : page.index("我已经")]
        assert all(kind in kinds for kind in ("银行卡", "电话卡", "支付账户", "对公账户"))
        assert "见证单位（盖章）" in page


def test_papers_of_a_record_not_on_file_are_refused(database, tmp_path):
    with pytest.raises(DocumentError):
        print_pledge(database, "nobody", tmp_path / "p.pdf")
    with pytest.raises(DocumentError):
        print_interview_record(database, "nothing", tmp_path / "r.pdf")
    assert not (tmp_path / "p.pdf").exists() and not (tmp_path / "r.pdf").exists()
    assert not [entry for entry in audit.recent(database) if entry["action"] == "reveal"]


def _many(database, areas, count: int) -> list[str]:
    """``count`` card sellers, one person each, in the county's two communities."""
    ids = []
    for serial in range(count):
        area = areas["east"] if serial % 2 else areas["west"]
        ids.append(
            _listed(
                database,
                area,
                name=f"韦{'一二三四五六七八九十'[serial % 10]}明",
                mobile=f"139{serial:08d}",
                id_number=id_number(100 + serial),
                listed_on=(date(2026, 1, 1) + timedelta(days=serial)).isoformat(),
            )  # fmt: skip
        )
    return ids


def test_the_register_masks_every_name_and_repeats_its_header(
    database, areas, tmp_path, page_texts
):
    _many(database, areas, 60)
    pages_count = print_card_register(database, tmp_path / "g.pdf")
    reader = PdfReader(tmp_path / "g.pdf")
    assert pages_count == len(reader.pages) > 1
    width, height = (float(side) for side in reader.pages[0].mediabox.upper_right)
    assert (width, height) == pytest.approx(LANDSCAPE.size)
    pages = _flat(page_texts(tmp_path / "g.pdf"))
    for number, page in enumerate(pages, start=1):
        assert page.startswith("".join(REGISTER_TITLE.split()) + f"填报单位：{STATION}")
        assert "辖区：全辖区" in page and "共60条，涉及60人、180张卡（账户）" in page
        assert "序号姓名身份证号辖区" in page  # the table's head row on every page
        assert f"第{number}页/共{len(pages)}页" in page
    whole = "".join(pages)
    assert "韦某" in whole and "明" not in whole.replace("说明", "")  # no given name
    assert id_number(100) not in whole and mask_id_number(id_number(100)) in whole
    # oldest listing first, numbered; every row once: no row split over two pages
    assert whole.index("1韦某") < whole.index("2026-01-01") < whole.index("2026-03-01")
    assert sum(page.count("2026-0") for page in pages) >= 60
    assert "姓名、身份证号已脱敏" in pages[-1]
    assert audit.recent(database, 1)[0]["action"] == "print"


def test_a_short_register_is_one_page(database, areas, tmp_path):
    _many(database, areas, 3)
    assert print_card_register(database, tmp_path / "g.pdf") == 1


def test_the_register_in_full_names_people_and_logs_the_reason(
    database, areas, tmp_path, page_texts
):
    _many(database, areas, 2)
    before = len(audit.recent(database, 10_000))
    with pytest.raises(ValidationError) as refused:
        print_card_register(database, tmp_path / "g.pdf", full=True)
    assert refused.value.field == "--reason"
    assert not (tmp_path / "g.pdf").exists() and len(audit.recent(database, 10_000)) == before
    print_card_register(database, tmp_path / "g.pdf", full=True, reason="移交检察院")
    whole = "".join(_flat(page_texts(tmp_path / "g.pdf")))
    assert "韦一明" in whole and "韦二明" in whole
    assert id_number(100) not in whole  # the ID number stays masked even then
    printed, reveal = audit.recent(database, 2)
    assert (reveal["action"], printed["action"]) == ("reveal", "print")
    assert "移交检察院" in reveal["summary"] and "韦" not in reveal["summary"]


def test_the_register_keeps_to_its_area_status_and_listing_days(
    database, areas, tmp_path, page_texts
):
    ids = _many(database, areas, 6)  # west: 0, 2, 4; east: 1, 3, 5
    _interview(database, ids[1])
    store.record_step(database, ids[3], "interviewed", on="2026-11-01", today=TODAY)
    print_card_register(database, tmp_path / "g.pdf", area_id=areas["town"])
    whole = "".join(_flat(page_texts(tmp_path / "g.pdf")))
    assert "辖区：东江镇" in whole and "共3条" in whole and "城西社区" not in whole
    assert "已约谈（训诫）2026-11-20" in whole.replace(" ", "")  # the step and its day
    print_card_register(database, tmp_path / "g.pdf", area_id=areas["county"], status="interviewed")
    whole = "".join(_flat(page_texts(tmp_path / "g.pdf")))
    assert "共2条" in whole and "状态：已约谈（训诫）" in whole
    print_card_register(database, tmp_path / "g.pdf", first=date(2026, 1, 2), last=date(2026, 1, 4))
    whole = "".join(_flat(page_texts(tmp_path / "g.pdf")))
    assert "列管日期：2026年1月2日至2026年1月4日" in whole and "共3条" in whole
    assert "2026-01-01" not in whole and "2026-01-05" not in whole
    with pytest.raises(DocumentError):
        print_card_register(database, tmp_path / "g.pdf", status="lost")
    with pytest.raises(DocumentError):
        print_card_register(
            database, tmp_path / "g.pdf", first=date(2026, 2, 1), last=date(2026, 1, 1)
        )


def test_the_register_counts_interviews(database, areas, tmp_path, page_texts):
    [card_seller_id] = _many(database, areas, 1)
    for _ in range(2):
        _interview(database, card_seller_id)
    print_card_register(database, tmp_path / "g.pdf")
    whole = "".join(_flat(page_texts(tmp_path / "g.pdf")))
    assert whole.endswith("2", 0, whole.index("本台账"))  # 约谈次数, the row's last cell


def test_the_registry_declares_them_masked_and_who_is_named():
    printouts = registry.PRINTOUTS
    for name in ("card-interview", "card-pledge"):
        assert printouts[name].masked and not printouts[name].reveal
        assert printouts[name].addressee_reason == SIGNER_REASON
    register = printouts["card-register"]
    assert register.masked and register.reveal and not register.addressee_reason
    [status] = [argument for argument in register.arguments if argument.keyword == "status"]
    assert status.kind == registry.CHOICE and {"pledged", "open", "all"} <= set(status.choices)
