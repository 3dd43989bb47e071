"""The schema, as a list of numbered steps.

Each step runs inside one transaction together with the ``PRAGMA user_version`` update that
records it, so a database is always exactly at one version: a failure (or a killed process)
inside a step leaves the previous version intact. Steps are never edited once released; a change
to the schema is a new step.

Steps 1 to 12 are SQL written by hand, and stay so: they are history, and a database made
through them must keep exactly its schema. Every later step changes the schema through
sqlite-utils over the step's connection (``tables(conn)``): ``create``, ``add_column`` and
``create_index`` on its tables, and ``transform(conn, table, ...)`` below for what SQLite cannot
alter in place — it builds the new table, copies the rows and keeps the foreign keys and
indexes, which hand-written rebuilds get wrong. All of it runs inside the step's transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.db import sqlite as sqlite3
from desktop.db.chain import chain_hash

if TYPE_CHECKING:
    import sqlite_utils

# Columns every synchronised table carries: a UUID made where the record is born (so laptops
# can merge), timestamps with their UTC offset, a tombstone instead of hard deletes, and the
# device that last wrote the record.
_COMMON = """
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    device_id TEXT NOT NULL"""

# The CHECK lists of the steps (officers' roles, levels, statuses …) are the schema's copies of
# the catalogue's vocabularies as they were when the step was released; the program reads the
# vocabularies from desktop/core/catalogue.py, never from here.
_V1 = f"""
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT
);

CREATE TABLE areas ({_COMMON},
    parent_id TEXT REFERENCES areas(id),
    level TEXT NOT NULL CHECK (level IN ('county', 'township', 'community')),
    name TEXT NOT NULL,
    code TEXT
);
CREATE INDEX areas_parent ON areas(parent_id);

CREATE TABLE officers ({_COMMON},
    name TEXT NOT NULL,
    badge_number TEXT,
    unit TEXT,
    role TEXT NOT NULL DEFAULT 'officer'
        CHECK (role IN ('officer', 'auxiliary', 'grid_worker')),
    phone TEXT
);

CREATE TABLE talks ({_COMMON},
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    venue_kind TEXT NOT NULL DEFAULT 'community' CHECK (venue_kind IN
        ('community', 'school', 'enterprise', 'village', 'household', 'bank_outlet',
         'market', 'other')),
    area_id TEXT REFERENCES areas(id),
    audience TEXT NOT NULL DEFAULT '',
    topics TEXT NOT NULL DEFAULT '[]',
    organiser_id TEXT REFERENCES officers(id),
    co_organisers TEXT NOT NULL DEFAULT '',
    partner TEXT NOT NULL DEFAULT '',
    expected_headcount INTEGER CHECK (expected_headcount >= 0),
    actual_headcount INTEGER CHECK (actual_headcount >= 0),
    handouts_given INTEGER CHECK (handouts_given >= 0),
    status TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'confirmed', 'done', 'postponed', 'cancelled')),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX talks_starts ON talks(starts_at);
CREATE INDEX talks_area ON talks(area_id, starts_at);

CREATE TABLE talk_officers ({_COMMON},
    talk_id TEXT NOT NULL REFERENCES talks(id),
    officer_id TEXT NOT NULL REFERENCES officers(id)
);
CREATE INDEX talk_officers_talk ON talk_officers(talk_id);
CREATE INDEX talk_officers_officer ON talk_officers(officer_id);

CREATE TABLE attachments ({_COMMON},
    owner_table TEXT NOT NULL CHECK (owner_table IN ('talks', 'warnings')),
    owner_id TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'photo',
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    caption TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attachments_owner ON attachments(owner_table, owner_id);

CREATE TABLE residents ({_COMMON},
    name TEXT NOT NULL,
    mobile TEXT,
    id_number TEXT,
    address TEXT NOT NULL DEFAULT '',
    area_id TEXT REFERENCES areas(id),
    tags TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX residents_mobile ON residents(mobile);
CREATE INDEX residents_id_number ON residents(id_number);

CREATE TABLE warnings ({_COMMON},
    reference_number TEXT,
    source TEXT NOT NULL CHECK (source IN
        ('platform', 'hotline_96110', 'bank', 'telecom', 'public_report', 'other')),
    level TEXT NOT NULL CHECK (level IN ('high', 'medium', 'low')),
    received_at TEXT NOT NULL,
    signed_at TEXT,
    resident_id TEXT NOT NULL REFERENCES residents(id),
    fraud_type TEXT NOT NULL DEFAULT '',
    officer_id TEXT REFERENCES officers(id),
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'closed')),
    outcome TEXT CHECK (outcome IN
        ('dissuaded', 'defrauded', 'unreachable', 'false_alarm', 'refused', 'denied_recheck')),
    amount_at_risk INTEGER CHECK (amount_at_risk >= 0),
    amount_protected INTEGER CHECK (amount_protected >= 0),
    amount_lost INTEGER CHECK (amount_lost >= 0),
    stop_payment_amount INTEGER CHECK (stop_payment_amount >= 0),
    closed_at TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX warnings_received ON warnings(received_at);
CREATE INDEX warnings_open ON warnings(status, level, received_at);
CREATE INDEX warnings_resident ON warnings(resident_id);

CREATE TABLE contacts ({_COMMON},
    warning_id TEXT NOT NULL REFERENCES warnings(id),
    at TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN
        ('phone', 'visit', 'sms', 'family', 'village_cadre', 'bank')),
    result TEXT NOT NULL CHECK (result IN ('busy', 'no_answer', 'reached', 'refused', 'met')),
    officer_id TEXT REFERENCES officers(id),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_warning ON contacts(warning_id, at);

CREATE TABLE follow_ups ({_COMMON},
    warning_id TEXT NOT NULL REFERENCES warnings(id),
    due_on TEXT NOT NULL,
    done_at TEXT,
    result TEXT NOT NULL DEFAULT '',
    officer_id TEXT REFERENCES officers(id)
);
CREATE INDEX follow_ups_due ON follow_ups(due_on) WHERE done_at IS NULL;
CREATE INDEX follow_ups_warning ON follow_ups(warning_id);

CREATE TABLE campaigns ({_COMMON},
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sms', 'calls', 'posters', 'wechat')),
    area_id TEXT REFERENCES areas(id),
    count INTEGER NOT NULL CHECK (count >= 0),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX campaigns_date ON campaigns(on_date);

-- Append-only: who did what, when. Local to this laptop, so a plain sequence is its key.
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN
        ('create', 'update', 'delete', 'restore', 'print', 'export', 'reveal', 'merge',
         'import', 'settings')),
    table_name TEXT NOT NULL DEFAULT '',
    row_id TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    device_id TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

# Version 2: partner organisations (schools, enterprises, bank outlets) get their own table,
# so talks and warnings can point at one record instead of retyping names; officers may belong
# to an area of the jurisdiction; residents and officers are indexed by area.
_V2 = f"""
CREATE TABLE partners ({_COMMON},
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'other'
        CHECK (kind IN ('school', 'enterprise', 'bank_outlet', 'other')),
    area_id TEXT REFERENCES areas(id),
    contact_name TEXT NOT NULL DEFAULT '',
    phone TEXT,
    address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX partners_area ON partners(area_id);
ALTER TABLE officers ADD COLUMN area_id TEXT REFERENCES areas(id);
ALTER TABLE talks ADD COLUMN partner_id TEXT REFERENCES partners(id);
CREATE INDEX officers_area ON officers(area_id);
-- The area screen counts live residents per area: a covering index answers it without
-- reading a single resident row.
CREATE INDEX residents_area ON residents(area_id, deleted_at);
"""


# Version 3: handouts given after a talk are counted per handout kind (a JSON object of
# fraud-type code -> copies); ``handouts_given`` stays as their total for quick sums.
_V3 = """
ALTER TABLE talks ADD COLUMN handouts_by_kind TEXT NOT NULL DEFAULT '{}';
CREATE INDEX talks_organiser ON talks(organiser_id, starts_at);
"""


# Version 4: contact attempts as the warning workflow logs them — a visit may find nobody home,
# an SMS is sent, family or the bank are contacted. SQLite cannot widen a CHECK in place, so the
# table is rebuilt (nothing references contacts, so foreign keys stay on).
_V4 = f"""
CREATE TABLE contacts_v4 ({_COMMON},
    warning_id TEXT NOT NULL REFERENCES warnings(id),
    at TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN
        ('phone', 'visit', 'sms', 'family', 'village_cadre', 'bank')),
    result TEXT NOT NULL CHECK (result IN
        ('busy', 'no_answer', 'reached', 'refused', 'met', 'not_home', 'sent', 'contacted')),
    officer_id TEXT REFERENCES officers(id),
    notes TEXT NOT NULL DEFAULT ''
);
INSERT INTO contacts_v4 SELECT id, created_at, updated_at, deleted_at, device_id, warning_id, at,
    method, result, officer_id, notes FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_v4 RENAME TO contacts;
CREATE INDEX contacts_warning ON contacts(warning_id, at);
"""


# Version 5: the zero-loss streak asks for the last loss after a warning; a partial index
# answers it without reading a million warnings.
_V5 = """
CREATE INDEX warnings_losses ON warnings(closed_at)
    WHERE outcome = 'defrauded' AND status = 'closed';
"""


# Version 6: a case can be handed to another station (``station`` names the one responsible;
# empty means this laptop's own), and every hand-over is kept as a record both sides see; the
# close of a case notes whether a stop-payment (止付) was asked for and which bank outlet helped.
_V6 = f"""
ALTER TABLE warnings ADD COLUMN station TEXT NOT NULL DEFAULT '';
ALTER TABLE warnings ADD COLUMN stop_payment_requested INTEGER NOT NULL DEFAULT 0
    CHECK (stop_payment_requested IN (0, 1));
ALTER TABLE warnings ADD COLUMN bank_partner_id TEXT REFERENCES partners(id);
-- A stop-payment amount on record means one was asked for.
UPDATE warnings SET stop_payment_requested = 1 WHERE stop_payment_amount IS NOT NULL;
CREATE TABLE transfers ({_COMMON},
    warning_id TEXT NOT NULL REFERENCES warnings(id),
    at TEXT NOT NULL,
    from_officer_id TEXT REFERENCES officers(id),
    to_officer_id TEXT REFERENCES officers(id),
    from_station TEXT NOT NULL DEFAULT '',
    to_station TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    by_officer_id TEXT REFERENCES officers(id)
);
CREATE INDEX transfers_warning ON transfers(warning_id, at);
-- A warning list imported again is recognised by its reference numbers.
CREATE INDEX warnings_reference ON warnings(reference_number) WHERE reference_number IS NOT NULL;
-- The warnings list pages through closed cases newest first, 200 at a time.
CREATE INDEX warnings_status_received ON warnings(status, received_at);
"""


# Version 7: the figures officers are judged by. Each warning carries a summary of its contact
# attempts (kept by the code that writes contacts), so a year's response times over a million
# warnings are read from one table in one pass; a loss that happened before the warning arrived
# is marked, because it does not break the zero-loss streak.
_V7 = """
ALTER TABLE warnings ADD COLUMN contact_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE warnings ADD COLUMN first_contact_minutes INTEGER;
ALTER TABLE warnings ADD COLUMN first_visit_minutes INTEGER;
ALTER TABLE warnings ADD COLUMN lost_before_warning INTEGER NOT NULL DEFAULT 0
    CHECK (lost_before_warning IN (0, 1));
UPDATE warnings SET
    contact_count = (SELECT count(*) FROM contacts c
                     WHERE c.warning_id = warnings.id AND c.deleted_at IS NULL),
    first_contact_minutes = (SELECT CAST(round((julianday(min(c.at)) - julianday(warnings.received_at))
                             * 1440) AS INTEGER) FROM contacts c
                             WHERE c.warning_id = warnings.id AND c.deleted_at IS NULL),
    first_visit_minutes = (SELECT CAST(round((julianday(min(c.at)) - julianday(warnings.received_at))
                           * 1440) AS INTEGER) FROM contacts c
                           WHERE c.warning_id = warnings.id AND c.deleted_at IS NULL
                           AND c.method = 'visit' AND c.result = 'met')
WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.warning_id = warnings.id);
-- A warning counts for the community its resident lives in; kept on the warning (and moved
-- with the resident) so an area's figures read one table.
ALTER TABLE warnings ADD COLUMN area_id TEXT REFERENCES areas(id);
UPDATE warnings SET area_id = (SELECT r.area_id FROM residents r WHERE r.id = warnings.resident_id);
-- Figures group warnings by these columns in index order (no sort), reading nothing else.
CREATE INDEX warnings_groups ON warnings(source, level, status, outcome, lost_before_warning,
    received_at, area_id, deleted_at, contact_count, amount_protected, amount_lost,
    stop_payment_amount, first_visit_minutes);
-- Response-time distributions, read in minute order.
CREATE INDEX warnings_minutes ON warnings(first_contact_minutes, first_visit_minutes,
    received_at, area_id, deleted_at);
CREATE INDEX warnings_area ON warnings(area_id, received_at);
CREATE INDEX residents_high_risk ON residents(area_id)
    WHERE tags LIKE '%"high_risk"%' AND deleted_at IS NULL;
ALTER TABLE follow_ups ADD COLUMN area_id TEXT REFERENCES areas(id);
UPDATE follow_ups SET area_id = (SELECT w.area_id FROM warnings w WHERE w.id = follow_ups.warning_id);
CREATE INDEX follow_ups_due_on ON follow_ups(due_on, area_id, done_at, deleted_at);
"""


def _v8_audit_chain(conn: sqlite3.Connection) -> None:
    """Version 8: the audit log becomes a hash chain — each row carries a hash of its own
    content and of the row before, so an edit or deletion made outside the program (the
    triggers stop the program itself) shows as a broken link. Existing rows are chained in
    their order."""
    conn.execute("ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT ''")
    conn.execute("DROP TRIGGER audit_no_update")
    previous = ""
    rows = conn.execute(
        "SELECT seq, at, actor, action, table_name, row_id, summary, device_id FROM audit"
        " ORDER BY seq"
    ).fetchall()
    for row in rows:
        previous = chain_hash(previous, row[1:])
        conn.execute("UPDATE audit SET hash = ? WHERE seq = ?", (previous, row[0]))
    conn.execute(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
        " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )


def _v9_exchange(conn: sqlite3.Connection) -> None:
    """Version 9: laptops exchange packages. Every record carries its versions (which edits
    it has seen, see ``versions.py``) and the number of the local transaction that last wrote
    it (a package holds what changed since the last one sent to the same place). Tables of
    the exchange itself: the laptops packages came from, the residents each of them held,
    conflicts left for a person to decide, and what was sent and merged."""
    for table in _V9_RECORD_TABLES:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN versions TEXT")
        conn.execute(f"ALTER TABLE {table} ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0")
    # The laptop that entered a record, for a county's figures per station and laptop (until
    # now every record was entered on this one).
    for table in _V9_ORIGIN_TABLES:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN origin_device TEXT")
        conn.execute(f"UPDATE {table} SET origin_device = device_id")
    for statement in _split_statements(_V9):
        conn.execute(statement)


_V9 = """
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY NOT NULL,
    station TEXT NOT NULL DEFAULT '',
    officer TEXT NOT NULL DEFAULT '',
    first_package_at TEXT,
    last_package_at TEXT,
    last_merged_at TEXT,
    packages INTEGER NOT NULL DEFAULT 0,
    last_change_seq INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE device_residents (
    device_id TEXT NOT NULL,
    resident_id TEXT NOT NULL,
    PRIMARY KEY (device_id, resident_id)
) WITHOUT ROWID;
CREATE TABLE merge_conflicts (
    seq INTEGER PRIMARY KEY,
    found_at TEXT NOT NULL,
    package_hash TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    kept_value TEXT,
    kept_device TEXT NOT NULL,
    kept_stamp INTEGER NOT NULL,
    other_value TEXT,
    other_device TEXT NOT NULL,
    other_stamp INTEGER NOT NULL,
    resolved_at TEXT,
    resolution TEXT CHECK (resolution IN ('kept', 'took_other'))
);
CREATE INDEX merge_conflicts_open ON merge_conflicts(resolved_at, table_name, row_id);
CREATE TABLE packages_sent (
    destination TEXT PRIMARY KEY NOT NULL,
    change_seq INTEGER NOT NULL,
    sent_at TEXT NOT NULL,
    content_hash TEXT NOT NULL
);
CREATE TABLE residents_not_same (
    first_id TEXT NOT NULL,
    second_id TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (first_id, second_id)
) WITHOUT ROWID;
CREATE TABLE packages_merged (
    content_hash TEXT PRIMARY KEY NOT NULL,
    device_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    merged_at TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT ''
);
"""


# Version 10: one search box. FTS5 trigram indexes (one per kind) over the text people search
# residents, warnings and talks by; ``search_rows`` ties an index row to its record. Filled
# from the records' change_seq by ``search.refresh``, never by triggers (imports stay fast).
_V10 = """
CREATE TABLE search_rows (
    rowid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE search_residents USING fts5(text, tokenize = 'trigram', detail = 'none');
CREATE VIRTUAL TABLE search_warnings USING fts5(text, tokenize = 'trigram', detail = 'none');
CREATE VIRTUAL TABLE search_talks USING fts5(text, tokenize = 'trigram', detail = 'none');
"""


# Version 11: the end of each laptop's audit chain as its newest package showed it, and what a
# later package contradicted (the county's check names the laptop); and the end each package
# sent carried, so the next one can say what is there now.
_V11 = """
ALTER TABLE devices ADD COLUMN audit_seq INTEGER;
ALTER TABLE devices ADD COLUMN audit_hash TEXT;
ALTER TABLE devices ADD COLUMN audit_count INTEGER;
ALTER TABLE devices ADD COLUMN audit_findings TEXT;
ALTER TABLE packages_sent ADD COLUMN audit_seq INTEGER;
ALTER TABLE packages_sent ADD COLUMN audit_hash TEXT;
"""


# Version 12: search stops matching parts of mobile and ID numbers (masked results turned every
# fragment into a way to read the hidden digits). Residents are indexed by name and address
# only, so the indexes are emptied to be built again by the next refresh; numbers are found
# whole through the existing indexes on mobile and id_number, or by their last four
# characters through two expression indexes. A search holding digits is logged: the audit
# log's list of actions gains 'search' (SQLite cannot widen a CHECK in place, so the table is
# copied row for row — the hash chain covers the same fields and stays whole).
_V12 = """
CREATE INDEX residents_mobile_tail ON residents(substr(mobile, -4));
CREATE INDEX residents_id_number_tail ON residents(substr(id_number, -4));
DELETE FROM meta WHERE key = 'search_seq';
DELETE FROM search_rows;
DROP TABLE search_residents;
DROP TABLE search_warnings;
DROP TABLE search_talks;
CREATE VIRTUAL TABLE search_residents USING fts5(text, tokenize = 'trigram', detail = 'none');
CREATE VIRTUAL TABLE search_warnings USING fts5(text, tokenize = 'trigram', detail = 'none');
CREATE VIRTUAL TABLE search_talks USING fts5(text, tokenize = 'trigram', detail = 'none');
CREATE TABLE audit_widened (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN
        ('create', 'update', 'delete', 'restore', 'print', 'export', 'reveal', 'merge',
         'import', 'settings', 'search')),
    table_name TEXT NOT NULL DEFAULT '',
    row_id TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    device_id TEXT NOT NULL,
    hash TEXT NOT NULL DEFAULT ''
);
INSERT INTO audit_widened (seq, at, actor, action, table_name, row_id, summary, device_id, hash)
    SELECT seq, at, actor, action, table_name, row_id, summary, device_id, hash FROM audit
    ORDER BY seq;
DROP TRIGGER audit_no_update;
DROP TRIGGER audit_no_delete;
DROP TABLE audit;
ALTER TABLE audit_widened RENAME TO audit;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


def _v13_notice_numbers(conn: sqlite3.Connection) -> None:
    """Version 13: the document numbers of the dissuasion notices (劝阻告知书) printed here,
    〔2026〕第 N 号, counted per year and issuing unit. A warning's notice keeps the number and
    the day it was first printed, so a reprint is the same document. The numbers are the
    issuing unit's own: not a record kind, never in a package (no common columns)."""
    numbers = tables(conn)["notice_numbers"]
    numbers.create(
        {
            "warning_id": str,
            "unit": str,  # the issuing unit as printed; its notices are numbered apart
            "year": int,
            "number": int,
            "issued_on": str,  # ISO day printed under 告知单位（盖章）
        },
        pk="warning_id",
        not_null={"unit", "year", "number", "issued_on"},
        foreign_keys=[("warning_id", "warnings", "id")],
    )
    numbers.create_index(
        ["unit", "year", "number"], index_name="notice_numbers_number", unique=True
    )


def _v14_briefing_issues(conn: sqlite3.Connection) -> None:
    """Version 14: the issues of the work briefing (工作简报) printed here. Each has its number
    (第 N 期), counted per year and issuing unit, and keeps its period, area and the officer's
    text as JSON, so it prints again word for word. The numbers are the issuing unit's own: not
    a record kind, never in a package (no common columns)."""
    issues = tables(conn)["briefing_issues"]
    issues.create(
        {
            "unit": str,  # the issuing unit as printed; its issues are numbered apart
            "year": int,
            "number": int,
            "period_start": str,  # the period's first and last day, ISO
            "period_end": str,
            "area_id": str,  # "" for everything on record
            "issued_on": str,  # ISO day printed in the header block
            "content": str,  # JSON: name, title, sections, distribution
            "saved_at": str,
        },
        pk=("unit", "year", "number"),
        not_null={"unit", "year", "number", "period_start", "period_end", "area_id",
                  "issued_on", "content", "saved_at"},
        defaults={"area_id": ""},
    )  # fmt: skip
    # One issue a period, area and unit: printing it again finds it.
    issues.create_index(
        ["unit", "period_start", "period_end", "area_id"],
        index_name="briefing_issues_period",
        unique=True,
    )


def _v15_briefing_laptops(conn: sqlite3.Connection) -> None:
    """Version 15: a briefing may be of one station's or one laptop's records (a county's
    merged data), and its issue is not the whole area's issue of the same period: each issue
    names the laptops it is of ("station:NAME", "device:ID"; "" for every laptop), and there is
    one issue a period, area, laptops and unit."""
    issues = tables(conn)["briefing_issues"]
    issues.add_column("laptops", str, not_null_default="")
    issues.drop_index("briefing_issues_period")
    issues.create_index(
        ["unit", "period_start", "period_end", "area_id", "laptops"],
        index_name="briefing_issues_period",
        unique=True,
    )


def _v16_return_cases(conn: sqlite3.Connection) -> None:
    """Version 16: residents stranded abroad in fraud areas (劝返) and the contacts made to
    bring them back, two record kinds. A person counts for the area of household registration
    (``area_id``) and is managed by the area they lived in before leaving as well
    (``residence_area_id``); each step of the path keeps its real date, each measure its day
    and officer. The CHECK lists are the catalogue's vocabularies as they are now; ``location``
    has none (the station adds its own places). The tables are plain SQL because sqlite-utils
    cannot write CHECK constraints; their indexes go through it."""
    conn.execute(f"""
CREATE TABLE return_cases ({_COMMON},
    versions TEXT,
    change_seq INTEGER NOT NULL DEFAULT 0,
    origin_device TEXT,
    resident_id TEXT NOT NULL REFERENCES residents(id),
    area_id TEXT REFERENCES areas(id),
    residence_area_id TEXT REFERENCES areas(id),
    location TEXT NOT NULL,
    left_on TEXT,
    departure TEXT NOT NULL DEFAULT 'unknown'
        CHECK (departure IN ('with_documents', 'smuggled', 'unknown')),
    lead_source TEXT NOT NULL
        CHECK (lead_source IN ('upper_level', 'local_screening', 'family_report', 'other')),
    category TEXT NOT NULL CHECK (category IN ('high_risk', 'suspected_victim', 'other')),
    list_name TEXT NOT NULL DEFAULT '',
    listed_on TEXT NOT NULL,
    deadline_on TEXT,
    status TEXT NOT NULL DEFAULT 'to_verify' CHECK (status IN
        ('to_verify', 'contacted', 'promised', 'returned', 'reported', 'under_control',
         'closed')),
    contacted_on TEXT,
    contacted_party TEXT CHECK (contacted_party IN ('self', 'family')),
    promised_on TEXT,
    returned_on TEXT,
    port_of_entry TEXT NOT NULL DEFAULT '',
    reported_on TEXT,
    control_on TEXT,
    control_kind TEXT CHECK (control_kind IN ('home_study', 'report_before_leaving')),
    control_ends_on TEXT,
    closed_on TEXT,
    close_reason TEXT CHECK (close_reason IN
        ('surrendered', 'review_done', 'never_left', 'deceased', 'other')),
    family_name TEXT NOT NULL DEFAULT '',
    family_relation TEXT NOT NULL DEFAULT '',
    family_phone TEXT NOT NULL DEFAULT '',
    county_leader TEXT NOT NULL DEFAULT '',
    county_leader_phone TEXT NOT NULL DEFAULT '',
    township_leader TEXT NOT NULL DEFAULT '',
    township_leader_phone TEXT NOT NULL DEFAULT '',
    officer_id TEXT REFERENCES officers(id),
    village_secretary TEXT NOT NULL DEFAULT '',
    village_secretary_phone TEXT NOT NULL DEFAULT '',
    measure_listed_on TEXT,
    measure_listed_by TEXT REFERENCES officers(id),
    measure_household_on TEXT,
    measure_household_by TEXT REFERENCES officers(id),
    measure_cards_on TEXT,
    measure_cards_by TEXT REFERENCES officers(id),
    notes TEXT NOT NULL DEFAULT ''
)""")
    conn.execute(f"""
CREATE TABLE return_contacts ({_COMMON},
    versions TEXT,
    change_seq INTEGER NOT NULL DEFAULT 0,
    case_id TEXT NOT NULL REFERENCES return_cases(id),
    at TEXT NOT NULL,
    party TEXT NOT NULL CHECK (party IN ('self', 'family')),
    method TEXT NOT NULL CHECK (method IN ('phone', 'wechat_call', 'family_visit')),
    result TEXT NOT NULL CHECK (result IN ('reached', 'met', 'promised', 'no_answer', 'refused')),
    officer_id TEXT REFERENCES officers(id),
    notes TEXT NOT NULL DEFAULT ''
)""")
    cases = tables(conn)["return_cases"]
    # The ledger of an area (by either place) and the board, by status; the figures read the
    # dates of the path by registration area in one pass over this covering index.
    cases.create_index(["area_id", "status"], index_name="return_cases_area")
    cases.create_index(["residence_area_id", "status"], index_name="return_cases_residence")
    cases.create_index(["resident_id"], index_name="return_cases_resident")
    cases.create_index(["status", "listed_on"], index_name="return_cases_status")
    cases.create_index(
        ["listed_on", "area_id", "deleted_at", "returned_on", "closed_on", "deadline_on",
         "origin_device"],
        index_name="return_cases_listed",
    )  # fmt: skip
    tables(conn)["return_contacts"].create_index(
        ["case_id", "at"], index_name="return_contacts_case"
    )


def _v17_card_sellers(conn: sqlite3.Connection) -> None:
    """Version 17: card sellers (涉"两卡"人员), residents whose bank or phone cards served fraud,
    and the interviews (约谈) logged for them — two kinds of record that travel in packages.
    A card seller points at a resident as a warning does, and counts for the community it was
    listed under; each step of its path keeps its real date. The CHECK lists are this step's
    copies of the catalogue's vocabularies (sqlite-utils cannot write CHECK constraints, so
    the tables are plain SQL; the indexes are sqlite-utils')."""
    conn.execute(f"""CREATE TABLE card_sellers ({_COMMON},
    versions TEXT,
    change_seq INTEGER NOT NULL DEFAULT 0,
    origin_device TEXT,
    reference_number TEXT,
    listed_on TEXT NOT NULL,
    resident_id TEXT NOT NULL REFERENCES residents(id),
    area_id TEXT REFERENCES areas(id),
    card_kind TEXT NOT NULL CHECK (card_kind IN
        ('bank_card', 'phone_card', 'corporate_account', 'payment_account')),
    card_count INTEGER NOT NULL DEFAULT 1 CHECK (card_count >= 1),
    issuer TEXT NOT NULL DEFAULT '',
    outlet_partner_id TEXT REFERENCES partners(id),
    outlet TEXT NOT NULL DEFAULT '',
    opened_locally INTEGER CHECK (opened_locally IN (0, 1)),
    manner TEXT NOT NULL DEFAULT 'unknown' CHECK (manner IN
        ('sold', 'rented', 'lent', 'tricked', 'unknown')),
    source TEXT NOT NULL CHECK (source IN ('upper_level', 'local_check', 'bank', 'operator')),
    status TEXT NOT NULL DEFAULT 'to_verify' CHECK (status IN
        ('to_verify', 'interviewed', 'pledged', 'restricted', 'handed_over', 'closed')),
    interviewed_on TEXT,
    pledged_on TEXT,
    restricted_on TEXT,
    restricted_to TEXT NOT NULL DEFAULT '',
    handed_over_on TEXT,
    handed_over_to TEXT NOT NULL DEFAULT '',
    closed_on TEXT,
    close_reason TEXT NOT NULL DEFAULT '',
    officer_id TEXT REFERENCES officers(id),
    notes TEXT NOT NULL DEFAULT ''
)""")
    conn.execute(f"""CREATE TABLE card_interviews ({_COMMON},
    versions TEXT,
    change_seq INTEGER NOT NULL DEFAULT 0,
    card_seller_id TEXT NOT NULL REFERENCES card_sellers(id),
    at TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('summoned', 'visit', 'phone')),
    result TEXT NOT NULL CHECK (result IN ('warned', 'absent', 'unreachable', 'refused')),
    officer_id TEXT REFERENCES officers(id),
    notes TEXT NOT NULL DEFAULT ''
)""")
    sellers = tables(conn)["card_sellers"]
    # The register pages newest first walking this index, whose other columns decide each
    # filter (status, kind, area) without reading a row; the figures count by the day of
    # listing and of the steps that are counted.
    sellers.create_index(
        ["listed_on", "id", "status", "card_kind", "area_id", "deleted_at", "resident_id",
         "opened_locally", "interviewed_on", "origin_device"],
        index_name="card_sellers_listed",
    )  # fmt: skip
    sellers.create_index(["area_id", "listed_on"], index_name="card_sellers_area")
    sellers.create_index(["resident_id"], index_name="card_sellers_resident")
    sellers.create_index(["outlet_partner_id", "outlet"], index_name="card_sellers_outlet")
    for step in ("restricted", "handed_over"):
        conn.execute(
            f"CREATE INDEX card_sellers_{step} ON card_sellers({step}_on, resident_id, area_id,"
            f" origin_device, deleted_at) WHERE {step}_on IS NOT NULL"
        )  # partial: sqlite-utils cannot write the WHERE
    # A list imported again is recognised by its reference numbers.
    sellers.create_index(["reference_number"], index_name="card_sellers_reference")
    tables(conn)["card_interviews"].create_index(
        ["card_seller_id", "at"], index_name="card_interviews_card_seller"
    )


def _v18_return_notice_numbers(conn: sqlite3.Connection) -> None:
    """Version 18: the document numbers of the family notices of return persuasion (劝返告知书),
    劝返〔2026〕第 N 号, counted per year and issuing unit apart from the dissuasion notices'
    (version 13, keyed by the warning). An entry's notice keeps the number and the day it was
    first printed. The issuing unit's own: not a record kind, never in a package."""
    numbers = tables(conn)["return_notice_numbers"]
    numbers.create(
        {"case_id": str, "unit": str, "year": int, "number": int, "issued_on": str},
        pk="case_id",
        not_null={"unit", "year", "number", "issued_on"},
        foreign_keys=[("case_id", "return_cases", "id")],
    )
    numbers.create_index(
        ["unit", "year", "number"], index_name="return_notice_numbers_number", unique=True
    )


def _v19_fraud_free(conn: sqlite3.Connection) -> None:
    """Version 19: fraud-free communities (无诈社区). Three kinds of record that travel in
    packages — the door-to-door visits (入户走访) grid workers hand in per community, the
    evidence entered for criteria the program cannot compute, and the steps of each community's
    creation status (its history; the status is the latest step) — and one table that stays
    on this laptop: the station's own list of criteria. A community's number of households is
    a column of ``areas`` (an area's fact, set or imported, merged field by field with it).
    Evidence photos are attachments owned by the evidence entry, so the attachments' owners
    widen. The CHECKs are this step's copies of the catalogue's vocabularies and of the
    visit's own arithmetic (no more at home than visited, no more installed than visited)."""
    conn.execute(
        "ALTER TABLE areas ADD COLUMN households INTEGER"
        " CHECK (households IS NULL OR households >= 0)"
    )
    conn.execute(f"""CREATE TABLE community_visits ({_COMMON},
    versions TEXT,
    change_seq INTEGER NOT NULL DEFAULT 0,
    origin_device TEXT,
    area_id TEXT NOT NULL REFERENCES areas(id),
    visited_on TEXT NOT NULL,
    building TEXT NOT NULL DEFAULT '',
    households_visited INTEGER NOT NULL CHECK (households_visited >= 0),
    households_at_home INTEGER NOT NULL DEFAULT 0
        CHECK (households_at_home BETWEEN 0 AND households_visited),
    people_reached INTEGER NOT NULL DEFAULT 0 CHECK (people_reached >= 0),
    app_installed_new INTEGER NOT NULL DEFAULT 0 CHECK (app_installed_new >= 0),
    app_already INTEGER NOT NULL DEFAULT 0 CHECK (app_already >= 0),
    call_warnings INTEGER NOT NULL DEFAULT 0 CHECK (call_warnings >= 0),
    leaflets_left INTEGER NOT NULL DEFAULT 0 CHECK (leaflets_left >= 0),
    officer_id TEXT REFERENCES officers(id),
    grid_worker TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    CHECK (app_installed_new + app_already <= households_visited),
    CHECK (call_warnings <= app_installed_new + app_already)
)""")
    conn.execute(f"""CREATE TABLE fraud_free_evidence ({_COMMON},
    versions TEXT,
    change_seq INTEGER NOT NULL DEFAULT 0,
    area_id TEXT NOT NULL REFERENCES areas(id),
    criterion TEXT NOT NULL,
    met INTEGER NOT NULL CHECK (met IN (0, 1)),
    noted_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    officer_id TEXT REFERENCES officers(id)
)""")
    conn.execute(f"""CREATE TABLE fraud_free_steps ({_COMMON},
    versions TEXT,
    change_seq INTEGER NOT NULL DEFAULT 0,
    area_id TEXT NOT NULL REFERENCES areas(id),
    status TEXT NOT NULL CHECK (status IN
        ('not_taking_part', 'creating', 'qualified', 'awarded', 'withdrawn')),
    step_on TEXT NOT NULL,
    awarded_by TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    correction INTEGER NOT NULL DEFAULT 0 CHECK (correction IN (0, 1)),
    officer_id TEXT REFERENCES officers(id),
    CHECK (status != 'awarded' OR awarded_by != ''),
    CHECK (status != 'withdrawn' OR reason != ''),
    CHECK (correction = 0 OR reason != '')
)""")
    # The station's own list (never in a package: each station sets its thresholds); empty
    # means the shipped example set is in use.
    conn.execute("""CREATE TABLE fraud_free_criteria (
    key TEXT PRIMARY KEY NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('computed', 'evidence')),
    measure TEXT CHECK (measure IN ('no_defrauded_after_warning', 'no_open_card_sellers',
        'no_open_return_cases', 'talk_held', 'visit_coverage', 'app_installation',
        'warnings_in_limit', 'follow_ups_done')),
    threshold REAL CHECK (threshold IS NULL OR threshold BETWEEN 0 AND 100),
    period TEXT NOT NULL DEFAULT 'year' CHECK (period IN ('year', 'twelve_months', 'quarter',
        'month')),
    definition TEXT NOT NULL DEFAULT '',
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0,
    CHECK ((kind = 'computed') = (measure IS NOT NULL))
)""")
    # The board and the figures add a period's visits up by community from this covering
    # index, in its order (no sort); a community's own list walks it too.
    tables(conn)["community_visits"].create_index(
        ["area_id", "visited_on", "deleted_at", "households_visited", "households_at_home",
         "app_installed_new", "app_already", "call_warnings", "origin_device"],
        index_name="community_visits_area",
    )  # fmt: skip
    tables(conn)["fraud_free_evidence"].create_index(
        ["area_id", "criterion", "noted_on"], index_name="fraud_free_evidence_area"
    )
    tables(conn)["fraud_free_steps"].create_index(
        ["area_id", "step_on", "created_at"], index_name="fraud_free_steps_area"
    )
    # The criterion 预警后被骗 and the flags read a community's losses by day.
    conn.execute(
        "CREATE INDEX warnings_area_losses ON warnings(area_id, closed_at, lost_before_warning,"
        " deleted_at) WHERE outcome = 'defrauded' AND status = 'closed'"
    )
    # The board groups a window's warnings (by level and minutes to first contact) and its
    # follow-ups by community: these indexes hold them in community order, so nothing is
    # sorted (an index by day would sort a year's million warnings).
    conn.execute(
        "CREATE INDEX warnings_board ON warnings(area_id, received_at, level,"
        " first_contact_minutes, deleted_at)"
    )
    conn.execute(
        "CREATE INDEX follow_ups_board ON follow_ups(area_id, due_on, done_at, deleted_at)"
    )
    _widen_attachment_owners(conn)


# Version 21: a warning closed although closing asked questions (core.rules
# ``closing_concerns``) keeps the concerns the officer closed it despite, as catalogue codes
# separated by commas; empty for every case closed without a question.
_V21 = """
ALTER TABLE warnings ADD COLUMN closed_despite TEXT NOT NULL DEFAULT '';
"""


def _widen_attachment_owners(conn: sqlite3.Connection) -> None:
    """The attachments' owners as of version 19 (an evidence entry's photo): SQLite cannot
    change a CHECK in place, so the table is made again with its rows, index and triggers."""
    sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'attachments'"
    ).fetchone()[0]
    widened = sql.replace(
        "owner_table IN ('talks', 'warnings')",
        "owner_table IN ('talks', 'warnings', 'fraud_free_evidence')",
    )
    others = [
        row[0]
        for row in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'attachments'"
            " AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        )
    ]
    # Made beside the old one and renamed after, as step 4 did: a rename of the old table
    # would rewrite whatever else names it.
    conn.execute(widened.replace("CREATE TABLE attachments", "CREATE TABLE attachments_v19", 1))
    conn.execute("INSERT INTO attachments_v19 SELECT * FROM attachments")
    conn.execute("DROP TABLE attachments")
    conn.execute("ALTER TABLE attachments_v19 RENAME TO attachments")
    for statement in others:
        conn.execute(statement)


def tables(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils over a step's connection: what it writes belongs to the step's transaction
    and goes back with it when the step fails."""
    return sqlite3.utils(conn)


def transform(conn: sqlite3.Connection, table: str, **changes) -> None:
    """sqlite-utils' ``Table.transform(**changes)`` of ``table`` (types, renames, drops, NOT
    NULL, defaults, foreign keys), with the table's triggers made again: sqlite-utils rebuilds
    the table and keeps its foreign keys and indexes, but drops its triggers without a word —
    the audit log's append-only ones among them. They come back as written: SQLite does not
    check a trigger's columns until it fires, so a step that renames or drops a column a
    trigger uses writes that trigger again itself."""
    triggers = [
        sql
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
        )
    ]
    tables(conn).table(table).transform(**changes)
    for sql in triggers:
        conn.execute(sql)


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def step(conn: sqlite3.Connection) -> None:
        # executescript() would COMMIT the open transaction; run statement by statement instead.
        for statement in _split_statements(sql):
            conn.execute(statement)

    return step


def _v20_return_case_places(conn: sqlite3.Connection) -> None:
    """Version 20: the two indexes by place of persons abroad hold what an area's ledger page
    and the board read (the place, the other place, the status, the day of listing and the id),
    so a county's page reads index entries, not every entry of the county with its resident,
    and the board counts without reading a row."""
    conn.execute("DROP INDEX IF EXISTS return_cases_area")
    conn.execute("DROP INDEX IF EXISTS return_cases_residence")
    conn.execute(
        "CREATE INDEX return_cases_area ON return_cases(area_id, residence_area_id, status,"
        " deleted_at, listed_on, id, deadline_on)"
    )
    conn.execute(
        "CREATE INDEX return_cases_residence ON return_cases(residence_area_id, status,"
        " deleted_at, listed_on, id, deadline_on, area_id)"
    )


# The columns every warning figure reads: a covering index holding them all answers a period's
# figures from the index alone.
_V22_FIGURE_COLUMNS = (
    "received_at, deleted_at, area_id, origin_device, contact_count, amount_protected,"
    " amount_lost, stop_payment_amount"
)
_V22_GROUPS = "source, level, status, outcome, lost_before_warning"
_V22_MINUTES = "first_contact_minutes, first_visit_minutes"


def _v22_warning_figures_by_month(conn: sqlite3.Connection) -> None:
    """Version 22: a period's warning figures cost what its months hold. The groups index takes
    the response times into its key (one pass in its order gives the groups and the minutes
    together, for a period as long as the records); two indexes that lead with the month of
    receipt hold each month's warnings together, in the groups' order and in the minutes'
    order, so a month reads its own entries only and sorts nothing."""
    conn.execute("DROP INDEX IF EXISTS warnings_groups")
    conn.execute("DROP INDEX IF EXISTS warnings_minutes")
    conn.execute(
        f"CREATE INDEX warnings_groups ON warnings({_V22_GROUPS}, {_V22_MINUTES}, {_V22_FIGURE_COLUMNS})"
    )
    conn.execute(
        "CREATE INDEX warnings_months ON warnings(substr(received_at, 1, 7),"
        f" {_V22_GROUPS}, {_V22_MINUTES}, {_V22_FIGURE_COLUMNS})"
    )
    conn.execute(
        f"CREATE INDEX warnings_minutes ON warnings(substr(received_at, 1, 7), {_V22_MINUTES},"
        " received_at, deleted_at, area_id, origin_device)"
    )


def _v23_search_by_character(conn: sqlite3.Connection) -> None:
    """Version 23: one or two characters are looked up in an index too. Two FTS5 indexes hold
    the residents' names and the talks' titles and venues as single characters (each followed
    by a space, so every character is a word): a surname is a one-word query, 秀英 the phrase
    of two. Their rows are the trigram indexes' (``search_rows``), filled here from what those
    hold, so no index is built again at the next search."""
    for kind in ("residents", "talks"):
        conn.execute(f"CREATE VIRTUAL TABLE search_short_{kind} USING fts5(text)")
    sources = {
        "residents": "SELECT s.rowid, coalesce(r.name, '') FROM search_rows s"
        " JOIN residents r ON r.id = s.record_id WHERE s.kind = 'residents'",
        "talks": "SELECT s.rowid, t.title || ' ' || t.venue FROM search_rows s"
        " JOIN talks t ON t.id = s.record_id WHERE s.kind = 'talks'",
    }
    for kind, sql in sources.items():
        rows = conn.execute(sql)
        while batch := rows.fetchmany(20_000):
            conn.executemany(
                f"INSERT INTO search_short_{kind} (rowid, text) VALUES (?, ?)",
                [(rowid, " ".join(text)) for rowid, text in batch],
            )


def _v24_search_ledgers(conn: sqlite3.Connection) -> None:
    """Version 24: the records of persons abroad and card sellers are found by their person's
    name in an index of their own (a character to a word, as version 23's), not among the
    residents' matches. Where the search indexes are built, it is filled here, each record
    under a new row of ``search_rows``; where they are not, the next search builds it with
    them."""
    conn.execute("CREATE VIRTUAL TABLE search_ledgers USING fts5(text)")
    if conn.execute("SELECT 1 FROM meta WHERE key = 'search_seq'").fetchone() is None:
        return
    after = conn.execute("SELECT coalesce(max(rowid), 0) FROM search_rows").fetchone()[0]
    for kind, table in (("returns", "return_cases"), ("cards", "card_sellers")):
        rows = conn.execute(
            f"SELECT k.id, coalesce(p.name, '') FROM {table} k"
            " JOIN residents p ON p.id = k.resident_id"
            " WHERE k.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY k.rowid"
        ).fetchall()
        numbered = [(after + 1 + n, record_id, name) for n, (record_id, name) in enumerate(rows)]
        after += len(numbered)
        conn.executemany(
            "INSERT INTO search_rows (rowid, kind, record_id) VALUES (?, ?, ?)",
            [(rowid, kind, record_id) for rowid, record_id, _name in numbered],
        )
        conn.executemany(
            "INSERT INTO search_ledgers (rowid, text) VALUES (?, ?)",
            [(rowid, " ".join(name)) for rowid, _record_id, name in numbered],
        )


def _split_statements(sql: str) -> list[str]:
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement: {buffer[:60]!r}")
    return statements


# Search of a ledger reads its character index newest first and stops at the rows of its
# own kind: where a kind's rows begin and end is read from this index at once.
_V25 = """
CREATE INDEX search_rows_kind ON search_rows(kind);
"""


# The persons abroad not yet back whose notice deadline has passed or whose family is overdue a
# contact (Today's count, the ledger's overdue list) are found from the indexes alone: the open
# entries' days from the status index, each one's last contact with the family from the
# contacts' index. Before, every open entry and every contact was read from its table (a city's
# count: 30–55 ms of Today's first reading; now about 10 ms). Both indexes keep their leading
# columns, so what read them in that order still does; a ledger page of one step, newest
# first, now reads the status index in its own order (listing day, then id) and sorts nothing.
_V26 = """
DROP INDEX return_cases_status;
CREATE INDEX return_cases_status ON return_cases(status, listed_on, id, deleted_at, deadline_on);
DROP INDEX return_contacts_case;
CREATE INDEX return_contacts_case ON return_contacts(case_id, at, party, deleted_at);
"""


# Today's first reading, where the window waits for it, reads the open warnings and the open
# follow-ups from indexes of those alone, each holding every column the reading asks of them:
# the open warnings' urgency order (a city's 5,600 of 1,000,000) and the late count no longer
# visit the table for each one (the urgent dozen 23 → 6 ms, the two counts 12 → 1.5 ms); the
# follow-ups due, today's and the overdue, come in their list order and are counted from the
# index (four statements 27 → 2.5 ms). The warnings' index of every status stays: the closed
# warnings of one level are counted from it.
_V27 = """
CREATE INDEX warnings_queue ON warnings(status, level, received_at, first_contact_minutes,
    first_visit_minutes, station, source, deleted_at, id) WHERE status IN ('new', 'in_progress');
DROP INDEX follow_ups_due;
CREATE INDEX follow_ups_due ON follow_ups(due_on, id) WHERE done_at IS NULL AND deleted_at IS NULL;
"""


# (version, step): applying step k takes a database from version k-1 to k.
MIGRATIONS: list[tuple[int, Callable[[sqlite3.Connection], None]]] = [
    (1, _script(_V1)),
    (2, _script(_V2)),
    (3, _script(_V3)),
    (4, _script(_V4)),
    (5, _script(_V5)),
    (6, _script(_V6)),
    (7, _script(_V7)),
    (8, _v8_audit_chain),
    (9, _v9_exchange),
    (10, _script(_V10)),
    (11, _script(_V11)),
    (12, _script(_V12)),
    (13, _v13_notice_numbers),
    (14, _v14_briefing_issues),
    (15, _v15_briefing_laptops),
    (16, _v16_return_cases),
    (17, _v17_card_sellers),
    (18, _v18_return_notice_numbers),
    (19, _v19_fraud_free),
    (20, _v20_return_case_places),
    (21, _script(_V21)),
    (22, _v22_warning_figures_by_month),
    (23, _v23_search_by_character),
    (24, _v24_search_ledgers),
    (25, _script(_V25)),
    (26, _script(_V26)),
    (27, _script(_V27)),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]

# Steps that change only what this laptop keeps for itself — indexes, the search tables — and
# nothing a package carries: the record tables' columns and the values their CHECKs allow are
# the same after them. A laptop that has not taken such a step reads every package of a laptop
# that has. A step not named here is taken to change the records (the safe side).
LOCAL_STEPS = frozenset({20, 22, 23, 24, 25, 26, 27})


def data_version(version: int = SCHEMA_VERSION) -> int:
    """The version of the records a database at schema ``version`` puts in a package: its
    latest step that changed them. Packages name it, and a laptop refuses only those whose
    records it does not know, not those of a laptop that merely has newer indexes."""
    steps = (step for step, _ in MIGRATIONS if step <= version and step not in LOCAL_STEPS)
    return max(steps, default=0)


# The record tables at version 9 (catalogue.RECORD_TABLES as it was then): a released step
# keeps working on the tables of its time, whatever kinds of record come later.
_V9_RECORD_TABLES = (
    "areas",
    "officers",
    "partners",
    "talks",
    "talk_officers",
    "attachments",
    "residents",
    "warnings",
    "contacts",
    "follow_ups",
    "transfers",
    "campaigns",
)

# Tables whose figures a county reads per laptop: each record names the laptop that entered it
# (those of version 9 got the column there, later kinds in their own step).
_V9_ORIGIN_TABLES = ("residents", "talks", "warnings", "follow_ups", "campaigns")
ORIGIN_TABLES = (*_V9_ORIGIN_TABLES, "return_cases", "card_sellers", "community_visits")


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(
    conn: sqlite3.Connection,
    target: int = SCHEMA_VERSION,
    steps: list[tuple[int, Callable[[sqlite3.Connection], None]]] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Bring the database up to ``target``, one transaction per step; returns versions applied.
    ``progress(done, total)`` hears of each step done, of the steps this database needs.

    The connection must not be inside a transaction. ``steps`` exists for tests that inject a
    failing step.
    """
    steps = MIGRATIONS if steps is None else steps
    applied: list[int] = []
    current = schema_version(conn)
    todo = [version for version, _step in steps if current < version <= target]
    if progress and todo:
        progress(0, len(todo))
    for version, step in steps:
        if version <= current or version > target:
            continue
        if conn.in_transaction:
            raise RuntimeError("migrate() needs a connection outside a transaction")
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA user_version = {int(version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
        current = version
        if progress:
            progress(len(applied), len(todo))
    return applied
