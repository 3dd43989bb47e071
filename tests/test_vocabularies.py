"""Each vocabulary is one list: what the schema allows, the import reads, the demo writes and the
screens and documents name are the catalogue's codes, no more and no fewer."""

from __future__ import annotations

import re

import pytest

from desktop import demo
from desktop.core import catalogue
from desktop.core.catalogue import AREA_LEVELS, OFFICER_ROLES, PARTNER_KINDS, RECORD_TABLES
from desktop.core.figures import BY_KEY


def _allowed_by_schema(database, table: str, column: str) -> set[str]:
    """The values the CHECK constraint of ``table.column`` lets in, read from the schema."""
    sql = database.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    found = re.search(rf"\b{column}\b[^,]*?CHECK \({column} IN\s*\(([^)]*)\)\)", sql)
    assert found, f"no CHECK list for {table}.{column}"
    return set(re.findall(r"'([^']*)'", found.group(1)))


@pytest.mark.parametrize(
    ("table", "column", "entries"),
    [
        ("officers", "role", OFFICER_ROLES),
        ("areas", "level", AREA_LEVELS),
        ("partners", "kind", PARTNER_KINDS),
        ("talks", "venue_kind", catalogue.VENUE_KINDS),
        ("talks", "status", catalogue.TALK_STATUSES),
        ("warnings", "source", catalogue.WARNING_SOURCES),
        ("warnings", "level", catalogue.WARNING_LEVELS),
        ("warnings", "status", catalogue.WARNING_STATUSES),
        ("warnings", "outcome", catalogue.OUTCOMES),
        ("campaigns", "kind", catalogue.CAMPAIGN_KINDS),
        ("card_sellers", "card_kind", catalogue.CARD_KINDS),
        ("card_sellers", "manner", catalogue.CARD_MANNERS),
        ("card_sellers", "source", catalogue.CARD_SOURCES),
        ("card_sellers", "status", catalogue.CARD_SELLER_STATUSES),
        ("card_interviews", "method", catalogue.INTERVIEW_METHODS),
        ("card_interviews", "result", catalogue.INTERVIEW_RESULTS),
    ],
)
def test_the_schema_allows_exactly_the_catalogues_codes(db, table, column, entries):
    assert _allowed_by_schema(db, table, column) == set(entries)


def test_the_roles_the_import_reads_are_the_catalogues(db):
    assert set(catalogue.OFFICER_ROLE_WORDS.values()) == set(OFFICER_ROLES)
    for code, entry in OFFICER_ROLES.items():  # each role by its code and its Chinese name
        assert catalogue.OFFICER_ROLE_WORDS[code] == code
        assert catalogue.OFFICER_ROLE_WORDS[entry.zh] == code
    assert _allowed_by_schema(db, "officers", "role") == set(OFFICER_ROLES)


def test_the_import_words_name_only_catalogue_codes():
    assert set(catalogue.VENUE_KIND_WORDS.values()) <= set(catalogue.VENUE_KINDS)
    assert list(catalogue.WARNING_SOURCE_WORDS) == list(catalogue.WARNING_SOURCES)
    assert list(catalogue.WARNING_LEVEL_WORDS) == list(catalogue.WARNING_LEVELS)
    assert set(catalogue.FRAUD_TYPE_WORDS) <= set(catalogue.FRAUD_TYPES) - {"other"}


def test_each_fraud_type_word_alone_reads_as_its_own_type_and_each_name_as_its_type():
    """No word is caught by a type looked at before its own (the order of the words)."""
    from desktop.exchange.importing import fraud_type_of

    for code, words in catalogue.FRAUD_TYPE_WORDS.items():
        for word in words:
            assert fraud_type_of(word) == code, word
    for code, entry in catalogue.FRAUD_TYPES.items():
        assert fraud_type_of(entry.zh) == code
        assert fraud_type_of(entry.zh + "类") == code


@pytest.mark.parametrize(
    ("words", "entries"),
    [
        (catalogue.CARD_KIND_WORDS, catalogue.CARD_KINDS),
        (catalogue.CARD_MANNER_WORDS, catalogue.CARD_MANNERS),
        (catalogue.CARD_SOURCE_WORDS, catalogue.CARD_SOURCES),
    ],
)
def test_a_card_sellers_list_is_read_in_the_catalogues_words(words, entries):
    """Every code of the card sellers' vocabularies is read back from its Chinese name and
    its code (the import tries the codes in the order of ``words``)."""
    from desktop.exchange.importing import _word_code

    assert set(words) == set(entries)
    for code, entry in entries.items():
        assert _word_code(words, entry.zh, "field") == code
        assert _word_code(words, code, "field") == code


def test_the_demo_writes_the_catalogues_roles_and_record_tables():
    assert {role for role, _share in demo._ROLES} == set(OFFICER_ROLES)
    assert set(demo._WRITERS) <= set(RECORD_TABLES)
    assert set(demo._CAMPAIGNS) == set(catalogue.CAMPAIGN_KINDS)


def test_every_campaign_kind_has_its_figure():
    assert {f"campaign_{kind}" for kind in catalogue.CAMPAIGN_KINDS} <= set(BY_KEY)


def test_every_record_kind_is_a_table_with_the_common_columns_and_no_other_is(db):
    common = {"id", "created_at", "updated_at", "deleted_at", "device_id"}
    tables = [row[0] for row in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    with_common = {
        table
        for table in tables
        if common <= {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    }
    assert with_common == set(RECORD_TABLES)


def test_record_kinds_come_after_every_kind_they_point_at(db):
    """The registry's order is the merge order: a record's references are merged before it."""
    for position, table in enumerate(RECORD_TABLES):
        for reference in db.execute(f"PRAGMA foreign_key_list({table})"):
            target = reference[2]
            assert target == table or RECORD_TABLES.index(target) < position, (table, target)


def test_parent_levels_follow_the_tree_from_the_top():
    assert catalogue.PARENT_LEVEL == {
        "county": None,
        "township": "county",
        "community": "township",
    }


def test_each_count_limit_names_a_whole_number_column_of_a_record_kind(db):
    from desktop.core.limits import COUNT_LIMITS

    for table, columns in COUNT_LIMITS.items():
        assert table in catalogue.RECORD_TABLES, table
        kinds = {c.name: c.type.upper() for c in db.db.table(table).columns}
        for column in columns:
            assert kinds.get(column) == "INTEGER", (table, column)
