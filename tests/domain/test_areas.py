import pytest

from desktop.core.errors import ValidationError
from desktop.db import audit
from desktop.domain import areas as area_store
from desktop.domain import officers as officer_store
from desktop.domain import partners as partner_store


@pytest.fixture
def tree(db):
    county = area_store.add_area(db, name="凤山县", level="county", code="451223")
    township = area_store.add_area(db, name="金牙瑶族乡", level="township", parent_id=county)
    community = area_store.add_area(db, name="坡心村", level="community", parent_id=township)
    return county, township, community


def test_tree_order_and_path(db, tree):
    county, township, community = tree
    assert [node.level for node in area_store.list_areas(db)] == ["county", "township", "community"]
    assert area_store.area_path(db, community) == ["凤山县", "金牙瑶族乡", "坡心村"]


@pytest.mark.parametrize(
    ("level", "parent_index", "field"),
    [
        ("township", None, "parent"),  # a township needs a county
        ("community", 0, "parent"),  # a community belongs to a township, not a county
        ("county", 0, "parent"),  # a county has no parent
        ("province", None, "level"),
    ],
)
def test_levels_must_nest(db, tree, level, parent_index, field):
    parent = tree[parent_index] if parent_index is not None else None
    with pytest.raises(ValidationError) as info:
        area_store.add_area(db, name="新地方", level=level, parent_id=parent)
    assert info.value.field == field


def test_names_are_required_and_unique_among_siblings(db, tree):
    county, township, _ = tree
    with pytest.raises(ValidationError, match="required"):
        area_store.add_area(db, name="  ", level="county")
    with pytest.raises(ValidationError, match="already exists"):
        area_store.add_area(db, name="坡心村", level="community", parent_id=township)
    # The same name elsewhere in the tree is fine (many townships have a 新建社区).
    other = area_store.add_area(db, name="凤城镇", level="township", parent_id=county)
    area_store.add_area(db, name="坡心村", level="community", parent_id=other)


def test_retire_refused_while_children_live(db, tree):
    county, township, community = tree
    with pytest.raises(ValidationError, match="first"):
        area_store.retire_area(db, county)
    area_store.retire_area(db, community)
    area_store.retire_area(db, township)
    area_store.retire_area(db, county)
    assert area_store.list_areas(db) == []
    assert len(area_store.list_areas(db, include_retired=True)) == 3


def test_restore_needs_a_live_parent(db, tree):
    county, township, community = tree
    area_store.retire_area(db, community)
    area_store.retire_area(db, township)
    with pytest.raises(ValidationError):
        area_store.restore_area(db, community)
    area_store.restore_area(db, township)
    area_store.restore_area(db, community)
    assert len(area_store.list_areas(db)) == 3


def test_edit_area_is_audited(db, tree):
    county, _, _ = tree
    assert area_store.edit_area(db, county, name="凤山县", code="451223") == []
    assert area_store.edit_area(db, county, name="凤山县", code="") == ["code"]
    assert audit.recent(db)[0]["action"] == "update"


def test_area_summary_counts_the_subtree(db, tree):
    county, township, community = tree
    officer_store.add_officer(db, {"name": "韦明", "area_id": township})
    officer_store.add_officer(db, {"name": "覃丽", "area_id": community})
    retired = officer_store.add_officer(db, {"name": "蓝海", "area_id": community})
    from desktop.db.records import retire_record

    retire_record(db, "officers", retired)
    partner_store.add_partner(db, {"name": "坡心村小学", "kind": "school", "area_id": community})
    summary = area_store.area_summary(db, county)
    assert (summary.children, summary.officers, summary.partners) == (1, 2, 1)
    assert area_store.area_summary(db, community).officers == 1
    assert area_store.area_summary(db, community).children == 0


def test_resident_counts_use_a_covering_index(db):
    plan = db.query(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM residents WHERE area_id = 'x' "
        "AND deleted_at IS NULL"
    )
    assert "COVERING INDEX residents_area" in " ".join(row["detail"] for row in plan)


def test_subtree_ids(db, tree):
    county, township, community = tree
    assert set(area_store.subtree_ids(db, county)) == {county, township, community}
    assert area_store.subtree_ids(db, community) == [community]


def test_area_codes_are_digits_in_forms_too(db):
    with pytest.raises(ValidationError) as info:
        area_store.add_area(db, name="金城江区", level="county", code="4512x")
    assert info.value.field == "code"


def test_walks_of_the_tree_end_even_where_it_loops(db):
    """An area under itself, as a file edited outside the program may hold."""
    county = area_store.add_area(db, name="金城江区", level="county")
    township = area_store.add_area(db, name="金城江街道", level="township", parent_id=county)
    db.execute("PRAGMA ignore_check_constraints = ON")
    with db.atomic():
        db.execute("UPDATE areas SET parent_id = id WHERE id = ?", (township,))
    assert area_store.subtree_ids(db, township) == [township]
    assert area_store.area_path(db, township) == ["金城江街道"] * 4
    assert area_store.area_summary(db, township).children == 1
