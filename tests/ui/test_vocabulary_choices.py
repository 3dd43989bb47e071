"""The screens offer and name the catalogue's codes: the same roles, levels and kinds the schema
allows and the import reads (tests/test_vocabularies.py)."""

from __future__ import annotations

from desktop.core.catalogue import AREA_LEVELS, OFFICER_ROLES, PARTNER_KINDS
from desktop.domain import officers as officer_store
from desktop.ui.areas.dialogs import OfficerDialog, PartnerDialog


def _choices(combo) -> list[tuple[str, str]]:
    return [(combo.itemData(index), combo.itemText(index)) for index in range(combo.count())]


def test_the_officer_and_partner_forms_offer_the_catalogues_codes(window, qtbot):
    officer = OfficerDialog(window.database, window.areas_page.officers_tab)
    partner = PartnerDialog(window.database, window.areas_page.partners_tab)
    qtbot.addWidget(officer)
    qtbot.addWidget(partner)
    assert _choices(officer.fields["role"]) == [(c, e.en) for c, e in OFFICER_ROLES.items()]
    assert _choices(partner.fields["kind"]) == [(c, e.en) for c, e in PARTNER_KINDS.items()]


def test_the_officer_list_and_the_area_tree_name_roles_and_levels_from_the_catalogue(window):
    officer_store.add_officer(window.database, {"name": "韦明", "role": "grid_worker"})
    window.show_page("areas")
    tab = window.areas_page.officers_tab
    window.areas_page.tabs.setCurrentWidget(tab)
    row = [tab.view.item(0, column).text() for column in range(tab.view.columnCount())]
    assert OFFICER_ROLES["grid_worker"].en in row
    county = window.areas_page.tree_tab.tree.topLevelItem(0)
    shown = [county.text(1), county.child(0).text(1), county.child(0).child(0).text(1)]
    assert shown == [entry.en for entry in AREA_LEVELS.values()]
