"""How a merge conflict's values are shown: personal data masked, as in every list."""

import pytest

from desktop.domain.sync import shown_value


@pytest.mark.parametrize(
    ("table", "field", "value", "shown"),
    [
        ("residents", "name", "罗明华", "罗某"),
        ("residents", "mobile", "13812345678", "138****5678"),
        ("officers", "phone", "13907781234", "139****1234"),
        ("partners", "phone", "0778-2281234", "0778-***1234"),
        ("partners", "contact_name", "韦丽", "韦某"),
        ("officers", "name", "黄锦", "黄锦"),  # an officer's name is no secret on a station list
        ("talks", "title", "反诈进校园", "反诈进校园"),
        ("residents", "address", None, "—"),
        ("return_cases", "family_phone", "13933334444", "139****4444"),
        ("return_cases", "county_leader_phone", "13700001111", "137****1111"),
        ("return_cases", "township_leader_phone", "0778-2281234", "0778-***1234"),
        ("return_cases", "village_secretary_phone", "13600002222", "136****2222"),
    ],
)
def test_conflicting_values_are_masked_where_they_are_personal(table, field, value, shown):
    assert shown_value(table, field, value) == shown


def test_every_phone_column_of_a_record_kind_is_masked():
    from desktop.core.limits import FIELD_LIMITS

    phones = [
        (table, column)
        for table, columns in FIELD_LIMITS.items()
        for column in columns
        if "phone" in column or column == "mobile"
    ]
    assert ("return_cases", "county_leader_phone") in phones
    for table, column in phones:
        assert shown_value(table, column, "13812345678") == "138****5678", (table, column)
