"""Table-driven tests for desktop.core.privacy."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.privacy import (
    COMPOUND_SURNAMES,
    NO_REASON,
    mask_address,
    mask_id_number,
    mask_mobile,
    mask_name,
    reveal_reason,
    sex_from_id_number,
)


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("罗某某", "罗某"),
        ("罗明", "罗某"),
        ("罗", "罗某"),
        ("欧阳娜娜", "欧阳某"),
        ("欧阳明", "欧阳某"),
        ("司马相如", "司马某"),
        ("诸葛亮", "诸葛某"),
        ("上官婉儿", "上官某"),
        ("慕容复", "慕容某"),
        ("欧阳", "欧某"),  # two characters: surname 欧, given name 阳
        ("东方", "东某"),
        ("韦小宝", "韦某"),
        (" 罗 明 ", "罗某"),
        ("罗\u3000明", "罗某"),
        ("买买提·艾力", "买某"),
        ("Li Wei", "L***"),
        ("li wei", "L***"),
        ("John", "J***"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_mask_name_none_is_empty():
    assert mask_name(None) == ""  # type: ignore[arg-type]


def test_compound_surnames_are_two_characters():
    assert all(len(surname) == 2 for surname in COMPOUND_SURNAMES)
    assert {"欧阳", "司马", "诸葛", "上官", "令狐", "呼延"} <= COMPOUND_SURNAMES


@given(st.text(alphabet="张王李赵刘陈杨黄周吴罗明华丽娜伟芳敏静强磊洋", min_size=1, max_size=4))
def test_property_mask_name_reveals_only_the_surname(name):
    masked = mask_name(name)
    assert masked == name[0] + "某"


@pytest.mark.parametrize(
    ("mobile", "masked"),
    [
        ("13812345678", "138****5678"),
        ("19987654321", "199****4321"),
        ("+86 138-1234-5678", "138****5678"),  # normalised first, so the layout is fixed
        ("0778-2281234", "0778-***1234"),
        ("(0778)2281234", "0778-***1234"),
        ("010-62345678", "010-****5678"),
        ("0771-52345678", "0771-****5678"),
        ("2281234", "****234"),
        ("62345678", "****5678"),
        ("96110", "***10"),
        ("110", "**0"),
        ("12", "*2"),
        ("1", "*"),
        ("not a phone", "*******hone"),
        ("", ""),
        ("  ", ""),
    ],
)
def test_mask_mobile(mobile, masked):
    assert mask_mobile(mobile) == masked


@given(st.from_regex(r"\A1[3-9][0-9]{9}\Z"))
def test_property_mask_mobile_hides_middle_digits(mobile):
    masked = mask_mobile(mobile)
    assert masked == mobile[:3] + "****" + mobile[7:]


@given(st.from_regex(r"\A1[3-9][0-9]{9}\Z"), st.sampled_from(["+86 {}", "{}.0", "0086{}"]))
def test_property_mask_mobile_any_written_form(mobile, form):
    assert mask_mobile(form.format(mobile)) == mobile[:3] + "****" + mobile[7:]


@pytest.mark.parametrize(
    ("id_number", "masked"),
    [
        ("45010219900101123X", "4501**********123X"),
        ("45010219900101123x", "4501**********123X"),
        ("11010519491231002X", "1101**********002X"),
        (" 450102199001011231 ", "4501**********1231"),
        ("110105491231002", "11***********02"),  # old 15-digit number
        ("4501021990", "45******90"),
        ("12345678", "12****78"),
        ("1234", "1**4"),
        ("123", "***"),
        ("1", "*"),
        ("", ""),
    ],
)
def test_mask_id_number(id_number, masked):
    assert mask_id_number(id_number) == masked


@given(st.text(alphabet="0123456789X", min_size=18, max_size=18))
def test_property_mask_id_number_hides_birth_date(id_number):
    masked = mask_id_number(id_number)
    assert len(masked) == 18
    assert masked[4:14] == "*" * 10
    assert masked[:4] + masked[14:] == id_number[:4] + id_number[14:]


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        (
            "广西河池市金城江区金城江街道新建社区中山路12号3栋",
            "广西河池市金城江区金城江街道新建社区***",
        ),
        ("凤山县金牙瑶族乡坡心村弄甲屯5号", "凤山县金牙瑶族乡坡心村***"),
        ("金城江区新建社区居委会旁", "金城江区新建社区***"),
        ("金城江区新建居委会2栋", "金城江区新建居委会***"),
        ("凤山县坡心村委会后面", "凤山县坡心村委会***"),
        ("凤山县坡心村民委员会", "凤山县坡心村民委员会"),
        ("南宁市青秀区阳光小区3栋2单元", "南宁市青秀区阳光小区***"),
        ("河池市城西街道新建社区", "河池市城西街道新建社区"),  # nothing after it: no stars
        ("凤山县凤城镇中山路1号", "凤山县凤城镇***"),
        ("凤山县金牙瑶族乡政府对面", "凤山县金牙瑶族乡***"),  # the last of 街道/镇/乡 wins
        ("金城江区城西街道中山路12号", "金城江区城西街道***"),
        ("南宁市青秀区民族大道100号", "南宁市青秀区***"),
        ("河池市金城江区新村路5号", "河池市金城江***"),  # 新村路 is a road, not a village
        ("南宁市", "南宁市"),
        ("南宁市青秀区", "南宁市青秀区"),
        ("  凤山县坡心村弄甲屯5号 ", "凤山县坡心村***"),
        ("", ""),
    ],
)
def test_mask_address(address, masked):
    assert mask_address(address) == masked


def test_mask_address_known_imperfection():
    # 村 inside a name that is not a village still cuts there; this hides more, never less.
    assert mask_address("金城江区农家村饭店旁") == "金城江区农家村***"


@given(st.text(min_size=1, max_size=40))
def test_property_mask_address_is_a_prefix(address):
    masked = mask_address(address)
    text = address.strip()
    if masked.endswith("***") and masked != text:
        assert text.startswith(masked[:-3])
        assert len(masked) - 3 < len(text)
    else:
        assert masked == text


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_showing_in_full_needs_a_reason(reason):
    with pytest.raises(ValidationError) as caught:
        reveal_reason(reason, field="--reason")
    assert caught.value.template == NO_REASON and caught.value.field == "--reason"


def test_a_reveal_reason_is_kept_trimmed_and_within_the_text_limit():
    assert reveal_reason("  上门复核需要  ") == "上门复核需要"
    with pytest.raises(ValidationError):
        reveal_reason("长" * 10_000)


def test_the_sex_is_read_from_the_17th_character_of_an_id_number():
    assert sex_from_id_number("45120219900101123X") == "male"  # 3: odd
    assert sex_from_id_number("451202199001011242") == "female"  # 4: even
    assert sex_from_id_number("") is sex_from_id_number(None) is None
    assert sex_from_id_number("4512021990") is None  # not a whole number
