import pytest

from desktop.core.errors import ValidationError
from desktop.db.records import retire_record
from desktop.domain import officers as officer_store


def test_officer_phone_normalised_and_badge_unique(db):
    first = officer_store.add_officer(
        db, {"name": " 韦明 ", "badge_number": "451001", "phone": "+86 138-1234-5678"}
    )
    officer = officer_store.list_officers(db)[0]
    assert (officer.name, officer.phone, officer.role) == (
        "韦明",
        "13812345678",
        "officer",
    )
    with pytest.raises(ValidationError) as info:
        officer_store.add_officer(db, {"name": "覃丽", "badge_number": "451001"})
    assert info.value.field == "badge_number"
    # Editing the same officer keeps their own badge number.
    officer_store.edit_officer(db, first, {"name": "韦明", "badge_number": "451001", "unit": "所"})


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "韦明", "role": "chief"}, "role"),
        ({"name": "韦明", "badge_number": "45-1001"}, "badge_number"),
        ({"name": "韦明", "phone": "96110"}, "phone"),
    ],
)
def test_officer_validation_names_the_field(values, field):
    with pytest.raises(ValidationError) as info:
        officer_store.clean_officer(values)
    assert info.value.field == field


def test_restoring_an_officer_keeps_badges_unique(db):
    first = officer_store.add_officer(db, {"name": "韦明", "badge_number": "451001"})
    retire_record(db, "officers", first)
    officer_store.add_officer(db, {"name": "韦新", "badge_number": "451001"})
    with pytest.raises(ValidationError) as info:
        officer_store.restore_officer(db, first)
    assert info.value.field == "badge_number"
    assert officer_store.get_officer(db, first).retired  # still retired after the refusal
    everyone = officer_store.list_officers(db, include_retired=True)
    assert {o.name: o.retired for o in everyone} == {"韦明": True, "韦新": False}
