import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import limits
from desktop.core.catalogue import RECORD_TABLES
from desktop.core.errors import ValidationError


def test_every_record_table_has_its_limits():
    assert set(limits.FIELD_LIMITS) == set(RECORD_TABLES)


@pytest.mark.parametrize(
    "text", ["罗\x07某", "\x1b[2J", "a\x00b", "名\x85字", "\ud800", "\u202eabc"]
)
def test_control_characters_are_refused_in_every_kind(text):
    for limit in (limits.NAME, limits.NOTE):
        with pytest.raises(ValidationError) as info:
            limits.check_text(text, limit, field="name")
        assert info.value.field == "name"


def test_line_breaks_only_where_the_text_has_lines():
    with pytest.raises(ValidationError) as info:
        limits.check_text("罗某\n某", limits.NAME, field="name")
    assert "line break" in info.value.english() and "position 3" in info.value.english()
    assert (
        limits.check_text("第一行\r\n第二行\r第三行\t完", limits.NOTE)
        == "第一行\n第二行\n第三行\t完"
    )


def test_the_limit_is_counted_in_characters():
    assert limits.check_text("罗" * 50, limits.NAME) == "罗" * 50
    with pytest.raises(ValidationError) as info:
        limits.check_text("罗" * 51, limits.NAME, field="name")
    assert info.value.params["limit"] == 50 and info.value.params["length"] == "51"


def test_ordinary_text_passes_unchanged():
    text = "金城江区\u3000新建社区（二楼）·张三 No.5 ¥52,000 👍"
    assert limits.check_text(text, limits.PLACE) == text
    assert limits.check_values("talks", {"title": text, "expected_headcount": 5}) == {
        "title": text,
        "expected_headcount": 5,
    }


@given(st.text(max_size=60))
def test_what_passes_holds_no_control_character(text):
    try:
        kept = limits.check_text(text, limits.NAME)
    except ValidationError:
        return
    assert kept == text and len(text) <= 50
    assert not any(unicodedata.category(c) in ("Cc", "Cs") or c in "\u202a\u202e" for c in text)


def test_a_value_that_is_not_text_is_named_briefly():
    with pytest.raises(ValidationError) as info:
        limits.check_text(b"\x00" * 10_000_000, limits.NOTE, field="notes")
    assert len(info.value.english()) < 120 and info.value.field == "notes"
    with pytest.raises(ValidationError):
        limits.check_text(12, limits.NAME)


@given(st.one_of(st.text(max_size=70), st.none(), st.integers()))
def test_the_quick_checker_says_what_check_text_says(value):
    quick = limits.checker(limits.NAME)
    try:
        expected = limits.check_text(value, limits.NAME, field="name")
    except ValidationError as exc:
        with pytest.raises(ValidationError) as info:
            quick(value, "name")
        assert (info.value.template, info.value.field) == (exc.template, exc.field)
    else:
        assert quick(value, "name") == expected
