import pytest

from desktop.core.errors import ValidationError
from desktop.domain import areas as area_store
from desktop.domain import partners as partner_store


def test_partner_kinds(db):
    county = area_store.add_area(db, name="凤山县", level="county", code="451223")
    partner_store.add_partner(db, {"name": "凤山县第一中学", "kind": "school", "area_id": county})
    with pytest.raises(ValidationError):
        partner_store.add_partner(db, {"name": "某公司", "kind": "shop"})
    partner = partner_store.list_partners(db)[0]
    assert partner.area_name == "凤山县" and partner.kind == "school"
