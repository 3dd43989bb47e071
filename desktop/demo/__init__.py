"""Demonstration data: a synthetic city modelled on 河池市 (Guangxi), made from a seed.

``generate_demo`` fills an empty database with twelve months of invented work — the jurisdiction
tree, officers, partner organisations, residents, warnings with their contact attempts and
follow-up visits, outreach talks, campaign counts, and card sellers (涉"两卡"人员) with their
interviews — so the program can be shown and tried
without real personal data. The same seed, size and ``today`` always give the same rows (ids and
timestamps included): everything is drawn from ``random.Random(seed)`` (ids from a second
generator seeded by it) and every timestamp comes from the record's own invented date, never from
the clock. The invented "now" is 09:30 on a ``today`` that is given (tests, the benchmarks); a demo
made without one (the window's, the command line's) is as of the moment it is made, so what is
open and due is what a station would have on its desk then.

Scale: "small" is about 2,200 warnings, 480 talks, 400 card sellers and 350 persons abroad
(well under a second); "large" is a million warnings, about 3.7 million contact attempts, a
million residents, 52,000 talks, 200,000 card sellers and about 50,000 persons abroad (about
three minutes and 3 GB).

Speed matters for the large size (a million warnings), so rows are built as plain tuples and
written with ``executemany`` in chunks inside one transaction; times are seconds counted from a
base day and turned into text through precomputed tables; the secondary indexes are dropped and
rebuilt once at the end, inside the same transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from desktop.core import clock
from desktop.core.catalogue import RECORD_TABLES
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.core.rules import EXAMPLE_TIME_LIMITS, response_minutes
from desktop.core.validate import id_number_check_digit
from desktop.db import audit
from desktop.db.database import (
    META_CURRENT_OFFICER,
    META_STATION_NAME,
    META_STATION_PHONE,
    Database,
)
from desktop.demo.fraud_free import FraudFreeDemo, households
from desktop.domain import areas as area_store
from desktop.domain import campaigns as campaign_store
from desktop.domain import card_sellers as card_seller_store
from desktop.domain import community_visits as visit_store
from desktop.domain import follow_ups as follow_up_store
from desktop.domain import fraud_free as fraud_free_store
from desktop.domain import officers as officer_store
from desktop.domain import partners as partner_store
from desktop.domain import residents as resident_store
from desktop.domain import return_cases as return_store
from desktop.domain import talks as talk_store
from desktop.domain import warnings as warning_store
from desktop.paths import resource_dir
from desktop.reports.briefing_issue import Distribution
from desktop.reports.briefing_store import BriefingSettings, set_briefing_settings

Progress = Callable[[int, int], None]
# (table, its gateway's COLUMNS, rows): the demo's own sink hands the rows to the gateway; the
# benchmark's baseline writes them with bare SQL, and so needs the columns.
Sink = Callable[[str, Sequence[str], list[tuple]], None]

CHUNK = 50_000
# Page cache while generating (KiB): big random-UUID indexes stay in memory instead of thrashing.
_CACHE_KIB = 512 * 1024
_DAY = 86_400
_OFFSET = "+08:00"  # China Standard Time, no daylight saving
_NOW_SECONDS = 9 * 3600 + 30 * 60  # the invented "now": 09:30 on a ``today`` given
_HISTORY_DAYS = 365
_FUTURE_DAYS = 28
_BASE_BEFORE_TODAY = 400  # day 0 of the time axis; setup records are dated near it
_LATE_CASES = 2  # open cases left past their time limit at now (the rest are within theirs)


@dataclass(frozen=True)
class _Size:
    warnings: int
    talks: int
    card_sellers: int
    abroad_scale: int = 1  # persons abroad: tens a county times this (the scale database's 50,000)
    visit_rows: int = 12  # door-to-door visit rows a community hands in over the year, about


SIZES = {
    "small": _Size(warnings=2_200, talks=480, card_sellers=400),
    # 274 communities × about 1,800 rows: the half million visits of the scale database.
    "large": _Size(
        warnings=1_000_000, talks=52_000, card_sellers=200_000, abroad_scale=140, visit_rows=1_800
    ),
}


class DemoRefused(OutreachError):
    """The database already holds records and ``force`` was not given."""

    context = "Demo"  # the lupdate context of the message, so render() finds its translation


@dataclass
class DemoSummary:
    """How many rows of each kind were written, and how long it took."""

    areas: int = 0
    officers: int = 0
    partners: int = 0
    residents: int = 0
    talks: int = 0
    talk_officers: int = 0
    warnings: int = 0
    contacts: int = 0
    follow_ups: int = 0
    campaigns: int = 0
    return_cases: int = 0
    return_contacts: int = 0
    card_sellers: int = 0
    card_interviews: int = 0
    community_visits: int = 0
    fraud_free_steps: int = 0
    fraud_free_evidence: int = 0
    elapsed_seconds: float = 0.0


# Invented shares, chosen to look like a county's year: sources, outcome classes, hours.
_SOURCES = (("platform", 45), ("bank", 20), ("hotline_96110", 14), ("telecom", 11),
            ("public_report", 7), ("other", 3))  # fmt: skip
# Outcome classes: dissuaded by phone, dissuaded at a visit, then the others.
_OUTCOMES = (("phone", 61.0), ("visit", 15.5), ("false_alarm", 8.0), ("unreachable", 4.5),
             ("refused", 3.0), ("denied_recheck", 5.5), ("defrauded", 2.5))  # fmt: skip
_HOUR_WEIGHTS = (0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.3, 1.4, 1.3,
                 1.1, 1.1, 1.3, 1.4, 1.4, 1.3, 1.1, 1.2, 1.3, 1.2, 0.9, 0.6)  # fmt: skip
_MULTIPLICITY = ((1, 0.84), (2, 0.11), (3, 0.035), (4, 0.015))  # warnings per resident
_ROLES = (("officer", 45), ("auxiliary", 35), ("grid_worker", 20))
_CAMPAIGNS = {"sms": 3000, "calls": 150, "posters": 40, "wechat": 1500}  # per weight unit


def _short_town(name: str) -> str:
    for suffix in ("瑶族乡", "苗族乡", "街道", "镇", "乡"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


@cache
def _time_of_day() -> tuple[str, ...]:
    """'HH:MM:SS+08:00' for every second of a day."""
    return tuple(
        f"{h:02d}:{m:02d}:{s:02d}{_OFFSET}" for h in range(24) for m in range(60) for s in range(60)
    )


def load_geography(path: Path | None = None) -> dict[str, Any]:
    """The bundled description of the demo city (counties, townships, name lists, wording)."""
    path = path or resource_dir() / "demo" / "hechi.json"
    return json.loads(path.read_text(encoding="utf-8"))


def generate_demo(
    database: Database,
    *,
    seed: int = 1,
    size: str = "small",
    force: bool = False,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> DemoSummary:
    """Fill ``database`` with a synthetic city; all or nothing, in one transaction.

    Refuses a database that already holds records unless ``force``, which deletes every record
    (the audit log stays) in the same transaction. ``progress(done, total)`` is called between
    chunks; an exception raised from it (how the GUI cancels) rolls everything back.
    """
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}; use one of {sorted(SIZES)}")
    started = time.perf_counter()
    if not force and not database.is_empty():
        raise DemoRefused(
            QT_TRANSLATE_NOOP(
                "Demo",
                "The database already holds records; demo data goes only into an empty database "
                "(use --force to replace them).",
            )
        )
    now_seconds = _NOW_SECONDS
    if today is None:
        moment = clock.now()
        today, now_seconds = moment.date(), moment.hour * 3600 + moment.minute * 60
    generator = _Generator(
        load_geography(),
        seed=seed,
        size=SIZES[size],
        today=today,
        device_id=database.device_id,
        now_seconds=now_seconds,
    )
    conn = database.conn
    old_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-_CACHE_KIB}")
    try:
        with database.atomic():
            if force:
                # The notices' numbers point at the warnings and persons abroad deleted here.
                database.execute("DELETE FROM notice_numbers")
                database.execute("DELETE FROM return_notice_numbers")
                _delete_records(database)
                # The officer chosen in Settings is gone with the old records, and so are the
                # briefing's issues written from them.
                database.execute("DELETE FROM meta WHERE key = ?", (META_CURRENT_OFFICER,))
                database.execute("DELETE FROM briefing_issues")
            # Filling tables without their secondary indexes and building each index once at
            # the end is much faster than growing them row by row; the DDL is part of the same
            # transaction, so a rollback brings the indexes back unchanged.
            indexes = _drop_indexes(database)
            summary = generator.run(
                _executemany_sink(database), progress, finish=lambda: _create(database, indexes)
            )
            _paper_settings(database, generator.geo["city"])
            if not database.get_meta(META_CURRENT_OFFICER):
                # The laptop's user: the first township's police officer, so what is entered on
                # the demo is entered by someone, as on a station's laptop.
                database.set_meta(META_CURRENT_OFFICER, generator.officer_rows[0][0])
            audit.record(database, "import", "", "", f"demo data seed={seed} size={size}")
    finally:
        conn.execute(f"PRAGMA cache_size = {int(old_cache)}")
    summary.elapsed_seconds = time.perf_counter() - started
    return summary


def _paper_settings(database: Database, city: dict[str, str]) -> None:
    """The unit the demo's paper is issued by, its phone and the briefing's distribution, as a
    city's anti-fraud centre would set them — unless Settings already hold a station name. (So
    the demo never asks the first start's questions.)"""
    if database.get_meta(META_STATION_NAME):
        return
    name = city["name"]
    database.set_meta(META_STATION_NAME, f"{name}公安局反诈中心")
    database.set_meta(META_STATION_PHONE, f"{city['phone_area_code']}-2283960")  # invented
    set_briefing_settings(database, BriefingSettings(distribution=Distribution(
        report_to=f"{name}委政法委、自治区公安厅反诈中心",
        copy_to=f"{name}打击治理电信网络新型违法犯罪工作联席会议各成员单位",
        send_to="各县（区）公安局、各派出所", copies=40,
    )))  # fmt: skip


def _split_handouts(total: int | None, topics: list[str]) -> str:
    """Handouts given, shared out over the talk's topics (one handout kind per topic)."""
    if not total or not topics:
        return "{}"
    share, rest = divmod(total, len(topics))
    counts = {topic: share + (1 if index < rest else 0) for index, topic in enumerate(topics)}
    return json.dumps(counts, sort_keys=True)


def _drop_indexes(database: Database) -> list[str]:
    """Drop the explicit indexes of the record tables; returns the SQL that recreates them."""
    marks = ", ".join("?" * len(RECORD_TABLES))
    rows = database.query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        RECORD_TABLES,
    )
    for row in rows:
        database.execute(f'DROP INDEX "{row["name"]}"')
    return [row["sql"] for row in rows]


def _create(database: Database, statements: list[str]) -> None:
    for sql in statements:
        database.execute(sql)


def _delete_records(database: Database) -> None:
    """Delete every record (not the audit log, not meta); children go before their parents."""
    # RECORD_TABLES lists parents before the tables that point at them.
    for table in reversed(RECORD_TABLES):
        database.execute(f"DELETE FROM {table}")


# Every table the demo fills and the gateway that writes it; the generator builds each table's
# rows as tuples in the order of that gateway's COLUMNS.
_WRITERS: dict[str, Callable[[Database, Sequence[tuple]], None]] = {
    "areas": area_store.write_rows,
    "officers": officer_store.write_rows,
    "partners": partner_store.write_rows,
    "residents": resident_store.write_rows,
    "talks": talk_store.write_rows,
    "talk_officers": talk_store.write_officer_rows,
    "warnings": warning_store.write_rows,
    "contacts": warning_store.write_contact_rows,
    "follow_ups": follow_up_store.write_rows,
    "campaigns": campaign_store.write_rows,
    "return_cases": return_store.write_rows,
    "return_contacts": return_store.write_contact_rows,
    "card_sellers": card_seller_store.write_rows,
    "card_interviews": card_seller_store.write_interview_rows,
    "community_visits": visit_store.write_rows,
    "fraud_free_steps": fraud_free_store.write_step_rows,
    "fraud_free_evidence": fraud_free_store.write_evidence_rows,
}


def _executemany_sink(database: Database) -> Sink:
    def write(table: str, _columns: Sequence[str], rows: list[tuple]) -> None:
        _WRITERS[table](database, rows)

    return write


def _uuid_stream(rng: random.Random, block: int = 4096) -> Iterator[str]:
    """Random version-4 UUID strings, drawn from ``rng`` in blocks (same as uuid.UUID(...))."""
    variant = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}
    while True:
        h = rng.randbytes(16 * block).hex()
        yield from [
            f"{h[j : j + 8]}-{h[j + 8 : j + 12]}-4{h[j + 13 : j + 16]}-"
            f"{variant[h[j + 16]]}{h[j + 17 : j + 20]}-{h[j + 20 : j + 32]}"
            for j in range(0, 32 * block, 32)
        ]


def _chunks(total: int) -> int:
    return max(1, math.ceil(total / CHUNK))


class _Generator:
    """Builds the rows; ``run`` hands them to a sink table by table, chunk by chunk."""

    def __init__(
        self,
        geo: dict[str, Any],
        *,
        seed: int,
        size: _Size,
        today: dt.date,
        device_id: str,
        now_seconds: int = _NOW_SECONDS,
    ) -> None:
        self.geo = geo
        self.rng = random.Random(seed)
        # Fraud-free communities draw from a stream of their own: the rest stays as it was.
        self.fraud_free_rng = random.Random(f"fraud-free:{seed}")
        # What was done on the warnings open at now, likewise.
        self.desk_rng = random.Random(f"desk:{seed}")
        self.losses: list[tuple[str, int]] = []  # (community, day) defrauded after a warning
        # (community, day, kind) of each card seller and person abroad listed: the records a
        # fraud-free plaque is reviewed for.
        self.listings: list[tuple[str, int, str]] = []
        self.next_id = _uuid_stream(random.Random(self.rng.getrandbits(64))).__next__
        self.size = size
        self.today = today
        self.device = device_id
        self.base = today - dt.timedelta(days=_BASE_BEFORE_TODAY)
        span = _BASE_BEFORE_TODAY + _FUTURE_DAYS + 40
        days = [self.base + dt.timedelta(days=d) for d in range(span)]
        self.dates = [d.isoformat() for d in days]
        self.day_prefix = [d + "T" for d in self.dates]
        self.weekdays = [d.weekday() for d in days]
        self.tod = _time_of_day()
        self.today_index = _BASE_BEFORE_TODAY
        self.now = self.today_index * _DAY + now_seconds
        self.summary = DemoSummary()
        self.late_left = _LATE_CASES
        self.used_phones: set[str] = set()
        self.serials: dict[str, int] = {}
        people = geo["people"]
        self._surnames = [s for s, _ in people["surnames"]]
        self._surname_cum = list(accumulate(w for _, w in people["surnames"]))
        # Birth dates from 85 years and 364 days ago up to exactly 18 years ago, as YYYYMMDD.
        self.birth_first = (_years_before(today, 86) + dt.timedelta(days=1)).toordinal()
        self.birth_text = [
            dt.date.fromordinal(o).strftime("%Y%m%d")
            for o in range(self.birth_first, _years_before(today, 18).toordinal() + 1)
        ]
        self.id_numbers: set[str] = set()

    # -- small helpers ------------------------------------------------------------------------
    def ts(self, seconds: int) -> str:
        return self.day_prefix[seconds // _DAY] + self.tod[seconds % _DAY]

    def mobile(self) -> str:
        rng = self.rng
        prefixes = self.geo["people"]["mobile_prefixes"]
        while True:
            number = f"{prefixes[int(rng.random() * len(prefixes))]}{int(rng.random() * 1e8):08d}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def person_name(self, male: bool, younger: bool) -> str:
        rng = self.rng
        people = self.geo["people"]
        surname = rng.choices(self._surnames, cum_weights=self._surname_cum)[0]
        pool = people[f"given_{'male' if male else 'female'}_{'younger' if younger else 'older'}"]
        if rng.random() < 0.3:
            return surname + pool[int(rng.random() * len(pool))]
        return surname + pool[int(rng.random() * len(pool))] + pool[int(rng.random() * len(pool))]

    # -- the whole run --------------------------------------------------------------------------
    def run(
        self, sink: Sink, progress: Progress | None, finish: Callable[[], None] | None = None
    ) -> DemoSummary:
        """Write everything through ``sink``; ``finish`` runs before the last progress step."""
        self.build_geography()
        self.plan_warnings()
        n_res, n_warn, n_talk = len(self.res_count), self.size.warnings, self.size.talks
        total = 1 + _chunks(n_res) + _chunks(n_warn) + _chunks(n_talk) + 1
        done = 0

        def step() -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, total)

        if progress is not None:
            progress(0, total)
        self.write_setup(sink)
        step()
        for start in range(0, n_res, CHUNK):
            self.write_residents(sink, start, min(n_res, start + CHUNK))
            step()
        for start in range(0, n_warn, CHUNK):
            self.write_warnings(sink, start, min(n_warn, start + CHUNK))
            step()
        self.plan_talks()
        for start in range(0, n_talk, CHUNK):
            self.write_talks(sink, start, min(n_talk, start + CHUNK))
            step()
        self.write_campaigns(sink)
        self.write_returns(sink)
        for start in range(0, self.size.card_sellers, CHUNK):
            self.write_card_sellers(sink, start, min(self.size.card_sellers, start + CHUNK))
        self.write_fraud_free(sink)
        if finish is not None:
            finish()
        step()
        return self.summary

    # -- areas, officers, partners ------------------------------------------------------------
    def build_geography(self) -> None:
        """Area ids and the lookup lists the later steps draw from (no rows written yet)."""
        rng = self.rng
        self.area_rows: list[tuple] = []
        self.counties: list[dict[str, Any]] = []
        self.townships: list[dict[str, Any]] = []
        self.communities: list[dict[str, Any]] = []
        stamp = self.ts((self.today_index - _HISTORY_DAYS - 30) * _DAY + 9 * 3600)
        for county in self.geo["counties"]:
            cid = self.next_id()
            c = {"id": cid, "name": county["name"], "short": county["short"],
                 "code": county["code"], "kind": county["kind"], "weight": county["weight"],
                 "townships": [], "json": county}  # fmt: skip
            self.counties.append(c)
            self.area_rows.append((cid, stamp, stamp, self.device, None, "county",
                                   county["name"], county["code"], None))  # fmt: skip
            for town in county["townships"]:
                tid = self.next_id()
                t = {"id": tid, "name": town["name"], "county": c, "communities": [],
                     "officers": [], "index": len(self.townships)}  # fmt: skip
                self.townships.append(t)
                c["townships"].append(t)
                self.area_rows.append(
                    (
                        tid,
                        stamp,
                        stamp,
                        self.device,
                        cid,
                        "township",
                        town["name"],
                        town["code"],
                        None,
                    )
                )
                for name, code in town["communities"]:
                    mid = self.next_id()
                    m = {"id": mid, "name": name, "township": t, "county": c,
                         "urban": name.endswith("社区"), "index": len(self.communities),
                         "path": f"河池市{county['name']}{town['name']}{name}"}  # fmt: skip
                    m["households"] = households(self.fraud_free_rng, m["urban"])
                    self.communities.append(m)
                    t["communities"].append(m)
                    self.area_rows.append(
                        (mid, stamp, stamp, self.device, tid, "community", name, code,
                         m["households"])
                    )  # fmt: skip
        # Where residents live: county weight shared over its communities, towns count more.
        weights = []
        for m in self.communities:
            county = m["county"]
            n = sum(len(t["communities"]) for t in county["townships"])
            weights.append(county["weight"] / n * (1.6 if m["urban"] else 1.0))
        self.community_cum = list(accumulate(weights))
        self.county_cum = list(accumulate(c["weight"] for c in self.counties))

        # Officers: two to four per township, the first always a police officer.
        self.officer_rows: list[tuple] = []
        badges: set[str] = set()
        role_names = [r for r, _ in _ROLES]
        role_cum = list(accumulate(w for _, w in _ROLES))
        for t in self.townships:
            county = t["county"]
            police = county["name"] + ("公安分局" if county["kind"] == "district" else "公安局")
            station = f"{police}{_short_town(t['name'])}派出所"
            for k in range(2 + int(rng.random() * 3)):
                role = "officer" if k == 0 else rng.choices(role_names, cum_weights=role_cum)[0]
                while True:
                    if role == "officer":
                        badge = f"{int(rng.random() * 1e6):06d}"
                    elif role == "auxiliary":
                        badge = f"FJ{int(rng.random() * 1e5):05d}"
                    else:
                        badge = None
                    if badge is None or badge not in badges:
                        break
                if badge:
                    badges.add(badge)
                unit = station if role != "grid_worker" else f"{county['name']}{t['name']}综治中心"
                oid = self.next_id()
                male = rng.random() < (0.8 if role == "officer" else 0.5)
                name = self.person_name(male, younger=rng.random() < 0.7)
                t["officers"].append((oid, role))
                self.officer_rows.append((oid, stamp, stamp, self.device, name, badge, unit, role,
                                          self.mobile(), t["id"]))  # fmt: skip
        # Warnings go to police officers and auxiliaries twice as often as to grid workers.
        for t in self.townships:
            t["case_officers"] = [o for o, r in t["officers"] if r != "grid_worker"] * 2 + [
                o for o, r in t["officers"] if r == "grid_worker"
            ]
            t["officer_ids"] = [o for o, _ in t["officers"]]

        # Partners: schools, enterprises and bank outlets of every county.
        self.partner_rows: list[tuple] = []
        for c in self.counties:
            seat = c["townships"][0]
            c["partners"] = {"school": [], "enterprise": [], "bank_outlet": []}
            names = [("school", n, seat) for n in c["json"]["schools"]]
            names += [("enterprise", n, seat) for n in c["json"]["enterprises"]]
            banks = rng.sample(self.geo["bank_outlets"], 3)
            names += [("bank_outlet", b.format(short=c["short"]), seat) for b in banks]
            rural = c["townships"][1 + int(rng.random() * (len(c["townships"]) - 1))]
            names.append(
                (
                    "bank_outlet",
                    self.geo["township_bank"].format(
                        short=c["short"], town=_short_town(rural["name"])
                    ),
                    rural,
                )
            )
            for kind, name, town in names:
                streets = [m for m in town["communities"] if m["urban"]] or town["communities"]
                community = streets[int(rng.random() * len(streets))]
                pid = self.next_id()
                contact = self.person_name(rng.random() < 0.5, younger=True)
                address = f"{community['path']}{self.street()}"
                phone = (
                    self.mobile()
                    if rng.random() < 0.6
                    else f"{self.geo['city']['phone_area_code']}-{2000000 + int(rng.random() * 8e6)}"
                )
                c["partners"][kind].append((pid, name, community))
                self.partner_rows.append((pid, stamp, stamp, self.device, name, kind,
                                          community["id"], contact, phone, address))  # fmt: skip

    def street(self) -> str:
        streets = self.geo["people"]["streets"]
        rng = self.rng
        return f"{streets[int(rng.random() * len(streets))]}{1 + int(rng.random() * 220)}号"

    def write_setup(self, sink: Sink) -> None:
        sink("areas", area_store.COLUMNS, self.area_rows)
        sink("officers", officer_store.COLUMNS, self.officer_rows)
        sink("partners", partner_store.COLUMNS, self.partner_rows)
        self.summary.areas = len(self.area_rows)
        self.summary.officers = len(self.officer_rows)
        self.summary.partners = len(self.partner_rows)

    # -- who is warned, and when -----------------------------------------------------------------
    def plan_warnings(self) -> None:
        """Times of all warnings (sorted), the resident each concerns, residents' home and type."""
        rng = self.rng
        n = self.size.warnings
        counts: list[int] = []
        total = 0
        thresholds = list(accumulate(p for _, p in _MULTIPLICITY))
        while total < n:
            x = rng.random()
            k = (
                1
                if x < thresholds[0]
                else 2
                if x < thresholds[1]
                else 3
                if x < thresholds[2]
                else 4
            )
            k = min(k, n - total)
            counts.append(k)
            total += k
        self.res_count = counts
        owners = [r for r, k in enumerate(counts) for _ in range(k)]
        rng.shuffle(owners)

        # Days weighted with a winter peak (the Spring Festival season) and day-to-day noise.
        first_day = self.today_index - _HISTORY_DAYS + 1
        day_weights = []
        for d in range(first_day, self.today_index + 1):
            doy = (self.base + dt.timedelta(days=d)).timetuple().tm_yday
            day_weights.append(
                (1 + 0.25 * math.cos(2 * math.pi * (doy - 30) / 365)) * (0.85 + 0.3 * rng.random())
            )
        days = rng.choices(
            range(first_day, self.today_index + 1), list(accumulate(day_weights)), k=n
        )
        hours = rng.choices(range(24), cum_weights=list(accumulate(_HOUR_WEIGHTS)), k=n)
        now = self.now
        times = []
        random_ = rng.random
        for d, h in zip(days, hours, strict=True):
            s = d * _DAY + h * 3600 + int(random_() * 3600)
            times.append(s if s <= now else s - _DAY)
        times.sort()
        self.warning_times = times
        # The latest has just come in: the desk has one nobody has called yet. It is moved to
        # then only once its draws are made (write_warnings), so the stream stays as it was.
        self.latest_received = max(times[-1], now - 180)
        self.warning_owner = owners
        first = [0] * len(counts)
        last = [0] * len(counts)
        seen = [False] * len(counts)
        for s, r in zip(times, owners, strict=True):
            if not seen[r]:
                seen[r] = True
                first[r] = s
            last[r] = s
        last[owners[-1]] = max(last[owners[-1]], self.latest_received)
        self.res_first, self.res_last = first, last
        self.res_community = rng.choices(
            range(len(self.communities)), cum_weights=self.community_cum, k=len(counts)
        )
        types = self.geo["fraud_types"]
        self.type_codes = [t["code"] for t in types]
        self.type_cum = list(accumulate(t["weight"] for t in types))
        self.res_type = rng.choices(range(len(types)), cum_weights=self.type_cum, k=len(counts))
        self.res_ids: list[str] = [""] * len(counts)
        self.res_elderly = [False] * len(counts)

    # -- residents -------------------------------------------------------------------------------
    def write_residents(self, sink: Sink, start: int, stop: int) -> None:
        rng = self.rng
        random_ = rng.random
        triangular = rng.triangular
        people = self.geo["people"]
        types = self.geo["fraud_types"]
        today = self.today
        birth_first, birth_text = self.birth_first, self.birth_text
        n_birth = len(birth_text)
        today_ord = today.toordinal()
        sixty = _years_before(today, 60).strftime("%Y%m%d")
        younger_from = str(people["younger_from_year"])
        pools = {
            (male, younger): people[
                f"given_{'male' if male else 'female'}_{'younger' if younger else 'older'}"
            ]
            for male in (True, False)
            for younger in (True, False)
        }
        surnames = rng.choices(self._surnames, cum_weights=self._surname_cum, k=stop - start)
        streets = people["streets"]
        heads, tails = people["hamlet_heads"], people["hamlet_tails"]
        ids = self.id_numbers
        mobile = self.mobile
        next_id = self.next_id
        ts = self.ts
        communities = self.communities
        device = self.device
        rows = []
        for r in range(start, stop):
            m = communities[self.res_community[r]]
            low, mode, high = types[self.res_type[r]]["age"]
            age_days = int(triangular(low, high + 1, mode) * 365.2425)
            index = today_ord - age_days - birth_first
            index = 0 if index < 0 else n_birth - 1 if index >= n_birth else index
            birth = birth_text[index]
            male = random_() < 0.47
            pool = pools[(male, birth[:4] >= younger_from)]
            given = pool[int(random_() * len(pool))]
            if random_() >= 0.3:
                given += pool[int(random_() * len(pool))]
            prefix = m["county"]["code"] + birth
            while True:
                first17 = f"{prefix}{int(random_() * 500) * 2 + male:03d}"
                number = first17 + id_number_check_digit(first17)
                if number not in ids:
                    ids.add(number)
                    break
            if m["urban"]:
                address = (
                    f"{m['path']}{streets[int(random_() * len(streets))]}"
                    f"{1 + int(random_() * 260)}号"
                )
            else:
                address = (
                    f"{m['path']}{heads[int(random_() * len(heads))]}"
                    f"{tails[int(random_() * len(tails))]}屯{1 + int(random_() * 80)}号"
                )
            elderly = birth <= sixty
            repeat = self.res_count[r] >= 2
            tags = (
                ('["elderly", "high_risk"]' if repeat else '["elderly"]')
                if elderly
                else ('["high_risk"]' if repeat else "[]")
            )
            rid = next_id()
            self.res_ids[r] = rid
            self.res_elderly[r] = elderly
            rows.append((rid, ts(self.res_first[r]), ts(self.res_last[r]), device,
                         surnames[r - start] + given, mobile(), number, address, m["id"], tags))  # fmt: skip
        sink("residents", resident_store.COLUMNS, rows)
        self.summary.residents += len(rows)

    # -- warnings, contacts, follow-ups ------------------------------------------------------------
    def write_warnings(self, sink: Sink, start: int, stop: int) -> None:
        rng = self.rng
        random_ = rng.random
        lognorm = rng.lognormvariate
        geo = self.geo
        n = stop - start
        types = geo["fraud_types"]
        type_codes = self.type_codes
        medians = [math.log(t["median_yuan"]) for t in types]
        stories = [t["stories"] for t in types]
        outcome_notes = geo["notes"]["outcome"]
        contact_notes = geo["notes"]["contact"]
        follow_notes = geo["notes"]["follow_up"]
        sources = rng.choices(
            [s for s, _ in _SOURCES], cum_weights=list(accumulate(w for _, w in _SOURCES)), k=n
        )
        classes = rng.choices(
            [c for c, _ in _OUTCOMES], cum_weights=list(accumulate(w for _, w in _OUTCOMES)), k=n
        )
        other_types = rng.choices(range(len(types)), cum_weights=self.type_cum, k=n)
        ts = self.ts
        dates = self.dates
        now = self.now
        today_index = self.today_index
        device = self.device
        next_id = self.next_id
        communities = self.communities
        warnings: list[tuple] = []
        contacts: list[tuple] = []
        follow_ups: list[tuple] = []
        add_contact = contacts.append
        year_of = {}
        for i in range(start, stop):
            received = self.warning_times[i]
            r = self.warning_owner[i]
            town = communities[self.res_community[r]]["township"]
            case_officers = town["case_officers"]
            officer = case_officers[int(random_() * len(case_officers))]
            ftype = self.res_type[r] if random_() < 0.75 else other_types[i - start]
            source = sources[i - start]
            kind = classes[i - start]
            wid = next_id()
            # Money at risk: log-normal around the type's median, 2,000 to 500,000 yuan.
            if random_() < 0.08 and kind != "defrauded":
                at_risk = None
                level = "medium" if random_() < 0.6 else "low"
            else:
                yuan = lognorm(medians[ftype], 0.9)
                while yuan < 2000 or yuan > 500000:
                    yuan = lognorm(medians[ftype], 0.9)
                yuan = int(yuan / 100) * 100 if yuan >= 10000 else int(yuan / 10) * 10
                at_risk = yuan * 100
                score = yuan * (2 if ftype == 0 else 1) * (0.5 + random_())
                level = "high" if score >= 50000 else "medium" if score >= 8000 else "low"

            # Contact attempts: (seconds after received, method, result, notes, officer).
            elderly = self.res_elderly[r]
            t = received + int(min(6 * 3600, max(60, lognorm(6.17, 0.75))))  # median ~8 min
            seq: list[tuple[int, str, str, str, str]] = []
            if source == "bank" and random_() < 0.3:
                seq.append((t, "bank", "contacted", contact_notes["bank"][0], officer))
                t += 120 + int(random_() * 600)
            if kind == "phone" or kind == "visit":
                fails = _FAILS[int(random_() * len(_FAILS))] + (kind == "visit")
                for _ in range(fails):
                    seq.append(
                        (t, "phone", "busy" if random_() < 0.55 else "no_answer", "", officer)
                    )
                    t += 60 + int(random_() * 360)
                if random_() < (0.35 if elderly else 0.12):
                    notes = contact_notes["family"]
                    seq.append(
                        (t, "family", "contacted", notes[int(random_() * len(notes))], officer)
                    )
                    t += 120 + int(random_() * 600)
                if kind == "phone":
                    seq.append((t, "phone", "reached", "", officer))
                    t += 300 + int(random_() * 900)
                else:
                    if random_() < 0.3:  # reached, but the resident would not believe a phone call
                        seq.append((t, "phone", "reached", "", officer))
                        t += 120 + int(random_() * 300)
                    elif random_() < 0.3:
                        notes = contact_notes["village_cadre"]
                        seq.append(
                            (t, "village_cadre", "contacted", notes[int(random_() * 2)], officer)
                        )
                        t += 120 + int(random_() * 600)
                    t += 900 + int(random_() * 3600)
                    visitor = town["officer_ids"][int(random_() * len(town["officer_ids"]))]
                    notes = contact_notes["visit_met"]
                    seq.append((t, "visit", "met", notes[int(random_() * len(notes))], visitor))
                    t += 900 + int(random_() * 2700)
                if random_() < (0.7 if kind == "phone" else 0.3):
                    seq.append((t, "sms", "sent", contact_notes["sms"][0], officer))
                    t += 60 + int(random_() * 300)
                outcome = "dissuaded"
            elif kind == "false_alarm":
                for _ in range(int(random_() * 2)):
                    seq.append((t, "phone", "no_answer", "", officer))
                    t += 60 + int(random_() * 300)
                seq.append((t, "phone", "reached", "", officer))
                t += 300 + int(random_() * 900)
                outcome = kind
            elif kind == "unreachable":
                for _ in range(3 + int(random_() * 4)):
                    seq.append(
                        (t, "phone", "busy" if random_() < 0.3 else "no_answer", "", officer)
                    )
                    t += 120 + int(random_() * 900)
                if random_() < 0.5:
                    notes = contact_notes["village_cadre"]
                    seq.append(
                        (t, "village_cadre", "no_answer", notes[int(random_() * 2)], officer)
                    )
                    t += 600 + int(random_() * 1800)
                if random_() < 0.6:
                    t += 1200 + int(random_() * 3600)
                    seq.append((t, "visit", "not_home", "", officer))
                    t += 600
                seq.append((t, "sms", "sent", contact_notes["sms"][0], officer))
                t += 600 + int(random_() * 3600)
                outcome = kind
            elif kind == "refused":
                for _ in range(int(random_() * 3)):
                    seq.append((t, "phone", "busy", "", officer))
                    t += 60 + int(random_() * 300)
                seq.append((t, "phone", "refused", "", officer))
                t += 300 + int(random_() * 900)
                if random_() < 0.4:
                    seq.append((t, "phone", "refused", "", officer))
                    t += 600 + int(random_() * 1200)
                if random_() < 0.5:
                    t += 1200 + int(random_() * 2400)
                    seq.append((t, "visit", "refused", "", officer))
                    t += 900
                seq.append((t, "sms", "sent", contact_notes["sms"][0], officer))
                t += 300
                outcome = kind
            elif kind == "denied_recheck":
                for _ in range(int(random_() * 3)):
                    seq.append((t, "phone", "no_answer", "", officer))
                    t += 60 + int(random_() * 300)
                seq.append((t, "phone", "reached", "", officer))
                t += 300 + int(random_() * 900)
                if random_() < 0.4:
                    seq.append((t, "family", "contacted", contact_notes["family"][0], officer))
                    t += 300 + int(random_() * 900)
                seq.append((t, "sms", "sent", contact_notes["sms"][0], officer))
                t += 300
                outcome = kind
            else:  # defrauded: reached too late
                for _ in range(1 + int(random_() * 3)):
                    seq.append((t, "phone", "busy", "", officer))
                    t += 60 + int(random_() * 600)
                if random_() < 0.5:
                    seq.append((t, "phone", "reached", contact_notes["too_late"][0], officer))
                    t += 900 + int(random_() * 1800)
                else:
                    t += 1200 + int(random_() * 3600)
                    seq.append((t, "visit", "met", contact_notes["too_late"][1], officer))
                    t += 1800
                seq.append((t, "bank", "contacted", contact_notes["stop_payment"][0], officer))
                t += 1800 + int(random_() * 3600)
                outcome = kind
            closed = t

            # Which warnings are open comes from the main stream as it always has (every row
            # drawn after the warnings stays as it was); what was done on them by now comes
            # from the desk's own stream. A warning whose story runs past now holds what was
            # done by then. The others the last day and a half left open were handled and wait
            # on the bank or the family: an officer has been to the door, as the time limits
            # ask of a case left open, so only the two oldest of them are late.
            status = "closed"
            signed = received + int(min(3600, max(20, lognorm(4.8, 0.8))))  # median ~2 min
            latest = i == self.size.warnings - 1
            opened = closed > now or (now - received < 36 * 3600 and random_() < 0.45)
            if opened and random_() >= (0.6 if now - received < 10 * 3600 else 0.15):
                random_()  # the main stream's draw for what was done (the desk's, now)
            if opened or latest:
                seq = self._desk_state(seq, received, closed, level, town, contact_notes,
                                       latest=latest)  # fmt: skip
                status = "in_progress" if seq else "new"
            if latest:
                received = self.latest_received
            if status == "new":
                signed_at = None
            else:
                signed = min(signed, seq[0][0]) if seq else signed
                signed_at = ts(signed)
            last = received
            for at, method, result, note, who in seq:
                stamp = ts(at)
                add_contact(
                    (next_id(), stamp, stamp, device, wid, stamp, method, result, who, note)
                )
                last = at
            protected = lost = stop_payment = None
            community = self.communities[self.res_community[r]]
            area = community["id"]
            outlets = community["county"]["partners"]["bank_outlet"]
            story = stories[ftype][int(random_() * len(stories[ftype]))]
            if status == "closed":
                closed_at = ts(closed)
                updated = closed_at
                if outcome == "dissuaded":
                    protected = at_risk
                elif outcome == "defrauded":
                    lost = max(10000, int(at_risk * (0.2 + 0.8 * random_()) / 10000) * 10000)
                    if lost // 10000 % 3:  # the money went after the warning (as stored below)
                        self.losses.append((area, closed // _DAY))
                    if random_() < 0.55:
                        stop_payment = int(lost * (0.1 + 0.7 * random_()) / 10000) * 10000
                pool = outcome_notes[outcome]
                notes = f"{story}。{pool[int(random_() * len(pool))]}"
                # 回访 three to seven days after a dissuasion or a loss.
                if outcome == "dissuaded" or outcome == "defrauded":
                    due_day = closed // _DAY + 3 + int(random_() * 5)
                    fid = next_id()
                    created = closed_at
                    # Follow-ups are done in the days they fall due: those of the last three
                    # days may still wait, none for weeks; those due from today on are ahead.
                    # (The main stream draws as it always has; the desk's stream decides.)
                    drawn = due_day < today_index and random_() < 0.97
                    draw = random_ if drawn else self.desk_rng.random
                    done = due_day < today_index and (
                        due_day < today_index - 3 or self.desk_rng.random() < 0.6
                    )
                    if done or drawn:
                        done_s = (due_day + (int(draw() * 3) - 1)) * _DAY
                        done_s = max(done_s + 9 * 3600 + int(draw() * 8 * 3600), closed + 3600)
                        done_at = ts(min(done_s, now))
                        results = follow_notes[outcome]
                        result = results[int(draw() * len(results))]
                    if done:
                        follow_ups.append((fid, created, done_at, device, wid, dates[due_day],
                                           done_at, result, officer, area))  # fmt: skip
                    else:
                        follow_ups.append((fid, created, created, device, wid, dates[due_day],
                                           None, "", officer, area))  # fmt: skip
            else:
                outcome = closed_at = None
                notes = story
                updated = ts(last)
            # A closed warning from a bank outlet names one of the county's outlets, and so does
            # a stop-payment: the outlet that froze the money (警银联动).
            bank = (
                outlets[i % len(outlets)][0]
                if outlets and ((source == "bank" and status == "closed") or stop_payment)
                else None
            )
            day = received // _DAY
            year = year_of.get(day)
            if year is None:
                year = year_of[day] = dates[day][:4]
            number = self._reference(year)
            warnings.append((wid, ts(received), updated, device, number, source, level,
                             ts(received), signed_at, self.res_ids[r], type_codes[ftype], officer,
                             status, outcome, at_risk, protected, lost, stop_payment,
                             int(stop_payment is not None), closed_at, notes, len(seq),
                             response_minutes(seq[0][0] - received) if seq else None,
                             next((response_minutes(c[0] - received) for c in seq
                                   if c[1] == "visit" and c[2] == "met"), None),
                             # about a third of losses had left before the warning arrived
                             int(lost is not None and lost // 10000 % 3 == 0),
                             area, bank))  # fmt: skip
        sink("warnings", warning_store.COLUMNS, warnings)
        sink("contacts", warning_store.CONTACT_COLUMNS, contacts)
        sink("follow_ups", follow_up_store.COLUMNS, follow_ups)
        self.summary.warnings += len(warnings)
        self.summary.contacts += len(contacts)
        self.summary.follow_ups += len(follow_ups)

    def _desk_state(
        self,
        seq: list[tuple[int, str, str, str, str]],
        received: int,
        closed: int,
        level: str,
        town: dict[str, Any],
        contact_notes: dict[str, list[str]],
        *,
        latest: bool,
    ) -> list[tuple[int, str, str, str, str]]:
        """The attempts an open warning has had by now (none: it is new)."""
        now, desk = self.now, self.desk_rng.random
        if latest:  # it has just come in: nobody has called yet
            return []
        if closed > now:
            return [c for c in seq if c[0] <= now]
        if self.late_left and now - received > EXAMPLE_TIME_LIMITS[level].visit * 60:
            self.late_left -= 1  # called, but nobody has been out: late
            return seq[: 1 + int(desk() * 2)]
        met = next((k for k, c in enumerate(seq) if c[1] == "visit" and c[2] == "met"), None)
        if met is not None:
            return seq[: met + 1]
        # Reached by phone, then seen at home within the hour to make sure.
        first = seq[0][0]
        kept = [c for c in seq if c[0] - first < 1800]
        at = min(kept[-1][0] + 600 + int(desk() * 1200), now)
        if at > kept[-1][0]:
            visitors = town["officer_ids"]
            notes = contact_notes["visit_met"]
            visitor = visitors[int(desk() * len(visitors))]
            kept.append((at, "visit", "met", notes[int(desk() * len(notes))], visitor))
        return kept

    def _reference(self, year: str) -> str:
        """YJ + year + a six-digit serial that restarts every year (warnings come in time order)."""
        serial = self.serials[year] = self.serials.get(year, 0) + 1
        return f"YJ{year}{serial:06d}"

    # -- talks --------------------------------------------------------------------------------
    def plan_talks(self) -> None:
        rng = self.rng
        n = self.size.talks
        kinds = self.geo["venue_kinds"]
        self.kind_names = list(kinds)
        self.talk_kinds = rng.choices(
            self.kind_names, cum_weights=list(accumulate(k["weight"] for k in kinds.values())), k=n
        )
        # Past year at full pace; the next four weeks only partly planned yet.
        first_day = self.today_index - _HISTORY_DAYS + 1
        weights = [1.0] * _HISTORY_DAYS + [0.6] * _FUTURE_DAYS
        self.talk_days = rng.choices(
            range(first_day, self.today_index + _FUTURE_DAYS + 1),
            cum_weights=list(accumulate(weights)),
            k=n,
        )
        self.talk_days.sort()
        self.talk_counties = rng.choices(
            range(len(self.counties)), cum_weights=self.county_cum, k=n
        )

    def write_talks(self, sink: Sink, start: int, stop: int) -> None:
        rng = self.rng
        random_ = rng.random
        kinds = self.geo["venue_kinds"]
        co_pool = self.geo["co_organisers"]
        talk_notes = self.geo["notes"]["talk"]
        ts = self.ts
        now = self.now
        device = self.device
        next_id = self.next_id
        talks: list[tuple] = []
        links: list[tuple] = []
        for i in range(start, stop):
            kind = self.talk_kinds[i]
            spec = kinds[kind]
            county = self.counties[self.talk_counties[i]]
            day = self.talk_days[i]
            if kind in ("school", "enterprise", "bank_outlet") and self.weekdays[day] >= 5:
                day -= self.weekdays[day] - 4  # moved to the Friday before
            partner_id = None
            partner_name = ""
            if kind in ("school", "enterprise", "bank_outlet"):
                choices = county["partners"][kind]
                partner_id, partner_name, community = choices[int(random_() * len(choices))]
                town = community["township"]
            else:
                town = county["townships"][int(random_() * len(county["townships"]))]
                if kind == "other":
                    town = county["townships"][0]
                comms = town["communities"]
                if kind in ("market", "other"):
                    community = comms[0]
                else:
                    wanted = [m for m in comms if m["urban"] == (kind != "village")] or comms
                    community = wanted[int(random_() * len(wanted))]
            low, high = spec["headcount"]
            large_chance = {"other": 0.35, "school": 0.05, "market": 0.04}.get(kind, 0.0)
            large = random_() < large_chance
            if large:
                expected = 1000 + int(random_() * 25) * 100
                title_template = spec["large_title"]
            else:
                expected = low + int(random_() * (high - low + 1))
                if expected >= 100:
                    expected = round(expected, -1)
                title_template = spec["titles"][int(random_() * len(spec["titles"]))]
            names = {"community": community["name"], "township": town["name"],
                     "county": county["name"], "partner": partner_name}  # fmt: skip
            title = title_template.format(**names)
            venue = spec["venues"][int(random_() * len(spec["venues"]))].format(**names)
            audience = spec["audiences"][int(random_() * len(spec["audiences"]))]
            topics = rng.sample(spec["topics"], 1 + int(random_() * min(3, len(spec["topics"]))))
            slot = spec["slots"][int(random_() * len(spec["slots"]))]
            starts = day * _DAY + int(slot[:2]) * 3600 + int(slot[3:]) * 60
            ends = starts + (45 + int(random_() * 6) * 15) * 60
            officers = town["officer_ids"]
            organiser = officers[0] if random_() < 0.6 else officers[int(random_() * len(officers))]
            crew = [organiser] + [o for o in officers if o != organiser and random_() < 0.35][:2]
            co = co_pool[int(random_() * len(co_pool))].format(**names) if random_() < 0.5 else ""
            if starts > now:
                x = random_()
                status = "planned" if x < 0.55 else "confirmed" if x < 0.95 else "postponed"
                created = max(now - (1 + int(random_() * 10)) * _DAY, starts - 40 * _DAY)
            else:
                x = random_()
                status = "done" if x < 0.91 else "postponed" if x < 0.96 else "cancelled"
                created = starts - (7 + int(random_() * 24)) * _DAY - int(random_() * 4 * 3600)
            actual = handouts = None
            if status == "done":
                actual = max(1, round(expected * (0.75 + 0.4 * random_())))
                handouts = round(actual * (0.5 + 0.6 * random_()))
                notes = talk_notes["done"][int(random_() * len(talk_notes["done"]))]
                updated = ts(ends + 1800 + int(random_() * 20 * 3600))
            elif status in ("postponed", "cancelled"):
                notes = talk_notes[status][int(random_() * len(talk_notes[status]))]
                updated = ts(min(now, starts - 3600 - int(random_() * 3 * _DAY)))
            else:
                notes = ""
                updated = ts(created)
            if updated > ts(now):
                updated = ts(now)
            tid = next_id()
            created_at = ts(created)
            talks.append((tid, created_at, max(updated, created_at), device, title, ts(starts),
                          ts(ends), venue, kind, community["id"], json.dumps(audience), json.dumps(topics),
                          organiser, co, partner_name, partner_id, expected, actual, handouts,
                          _split_handouts(handouts, topics),
                          status, notes))  # fmt: skip
            for officer in crew:
                links.append((next_id(), created_at, created_at, device, tid, officer))
        sink("talks", talk_store.COLUMNS, talks)
        sink("talk_officers", talk_store.OFFICER_COLUMNS, links)
        self.summary.talks += len(talks)
        self.summary.talk_officers += len(links)

    # -- campaigns -------------------------------------------------------------------------------
    def write_campaigns(self, sink: Sink) -> None:
        """Monthly counts per county, dated the month's last day (today for this month)."""
        rng = self.rng
        notes = self.geo["notes"]["campaign"]
        rows = []
        month = _years_before(self.today, 1).replace(day=1)
        while month <= self.today:
            following = (month + dt.timedelta(days=32)).replace(day=1)
            on = min(following - dt.timedelta(days=1), self.today)
            stamp = f"{on.isoformat()}T18:00:00{_OFFSET}"
            for county in self.counties:
                for kind, per_weight in _CAMPAIGNS.items():
                    count = int(per_weight * county["weight"] * (0.6 + 0.8 * rng.random()))
                    rows.append((self.next_id(), stamp, stamp, self.device, on.isoformat(), kind,
                                 county["id"], count, notes[kind]))  # fmt: skip
            month = following
        sink("campaigns", campaign_store.COLUMNS, rows)
        self.summary.campaigns = len(rows)

    # -- persons abroad (劝返) ---------------------------------------------------------------------
    def write_returns(self, sink: Sink) -> None:
        """Tens of persons abroad per county, listed over the year (most by the lists sent down
        quarterly), most of them back and closed off by now, one county clearly ahead; each
        with a new resident, the four responsible people, the family's contacts, and the
        measures of those past the deadline. Drawn after everything else, so the other rows
        stay as they were."""
        rng = self.rng
        random_ = rng.random
        today = self.today
        people: list[tuple] = []
        cases: list[tuple] = []
        contacts: list[tuple] = []
        # The lists sent down (上级下发), each with its notice deadline 60 days on.
        batches = [
            (f"第{n}批涉诈滞留境外人员名单", today - dt.timedelta(days=ago))
            for n, ago in enumerate((350, 260, 170, 80), start=1)
        ]
        for county in self.counties:
            ahead = county["name"] == _RETURNS_AHEAD
            towns = county["townships"]
            leader = self.person_name(True, younger=False)
            count = 18 + int(county["weight"] * 0.5 * (0.7 + 0.6 * random_()))
            for _ in range(count * self.size.abroad_scale):
                town = towns[int(random_() * len(towns))]
                home = town["communities"][int(random_() * len(town["communities"]))]
                lived = home
                if random_() < 0.25:  # lived elsewhere before leaving: both places manage
                    lived = self.communities[int(random_() * len(self.communities))]
                people.append(self._person_abroad(home))
                cases.append(
                    self._return_case(people[-1][0], home, lived, town, leader, batches,
                                      ahead, contacts)
                )  # fmt: skip
        sink("residents", resident_store.COLUMNS, people)
        sink("return_cases", return_store.COLUMNS, cases)
        sink("return_contacts", return_store.CONTACT_COLUMNS, contacts)
        self.summary.residents += len(people)
        self.summary.return_cases = len(cases)
        self.summary.return_contacts = len(contacts)

    def _person_abroad(self, community: dict[str, Any]) -> tuple:
        """A new resident aged 18 to 45 of ``community`` (residents' COLUMNS)."""
        random_ = self.rng.random
        male = random_() < 0.7
        birth = self.birth_text[-1 - int(random_() * 27 * 365)]
        prefix = community["county"]["code"] + birth
        while True:
            first17 = f"{prefix}{int(random_() * 500) * 2 + male:03d}"
            number = first17 + id_number_check_digit(first17)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                break
        stamp = f"{(self.today - dt.timedelta(days=366)).isoformat()}T09:00:00{_OFFSET}"
        return (self.next_id(), stamp, stamp, self.device, self.person_name(male, younger=True),
                self.mobile(), number, f"{community['path']}{self.street()}", community["id"],
                "[]")  # fmt: skip

    def _return_case(self, resident_id, home, lived, town, leader, batches, ahead, contacts):
        """One entry's row (return_cases' COLUMNS), its contacts appended to ``contacts``."""
        rng = self.rng
        random_ = rng.random
        today = self.today

        def day(value: dt.date | None) -> str | None:
            return value.isoformat() if value else None

        def pick(table: tuple[tuple[str, int], ...]) -> str:
            return rng.choices([code for code, _ in table], [w for _, w in table])[0]

        lead = pick(_RETURN_LEADS)
        if lead == "upper_level":
            list_name, listed = batches[int(random_() * len(batches))]
            listed += dt.timedelta(days=int(random_() * 4))
            deadline = batches[[b[0] for b in batches].index(list_name)][1] + dt.timedelta(days=60)
        else:
            list_name, listed = "", today - dt.timedelta(days=10 + int(random_() * 350))
            deadline = listed + dt.timedelta(days=60)
        officer = next(o for o, role in town["officers"] if role == "officer")
        status, steps = (
            "to_verify",
            dict.fromkeys(("contacted", "promised", "returned", "reported", "control", "closed")),
        )
        party = kind = reason = None
        port, ends = "", None
        fate = random_()
        if fate < 0.04:  # found never to have left
            steps["closed"] = min(listed + dt.timedelta(days=5 + int(random_() * 25)), today)
            status, reason = "closed", "never_left"
        elif fate < (0.94 if ahead else 0.72):  # persuaded back
            steps["contacted"] = listed + dt.timedelta(days=1 + int(random_() * 10))
            back = steps["contacted"] + dt.timedelta(days=int(rng.lognormvariate(3.4, 0.6)))
            if back <= today:
                party = "family" if random_() < 0.7 else "self"
                steps["promised"] = steps["contacted"] + (back - steps["contacted"]) / 2
                steps["returned"], port = back, rng.choice(_PORTS)
                steps["reported"] = back + dt.timedelta(days=int(random_() * 3))
                steps["control"] = steps["reported"]
                kind = "home_study" if random_() < 0.6 else "report_before_leaving"
                ends = steps["control"] + dt.timedelta(days=rng.choice((30, 60)))
                status = "under_control"
                # The review takes days to weeks before the supervision begins: those back
                # lately still stand at 已回国 or 已报备审查 on the board. (Days drawn from
                # the day of return: the random stream, which later rows follow, is as before.)
                review = 3 + back.toordinal() * 7 % 12
                if steps["reported"] > today:
                    steps["reported"] = steps["control"] = kind = ends = None
                    status = "returned"
                elif steps["reported"] + dt.timedelta(days=review) > today:
                    steps["control"] = kind = ends = None
                    status = "reported"
                elif ends + dt.timedelta(days=3) <= today:
                    steps["closed"] = ends + dt.timedelta(days=int(random_() * 4))
                    status, reason = "closed", rng.choice(("surrendered", "review_done"))
            else:  # on the way: reached, promised, not back yet
                party, status = "family", "promised" if random_() < 0.5 else "contacted"
                if status == "promised":
                    steps["promised"] = min(steps["contacted"] + dt.timedelta(days=20), today)
        elif fate < (0.95 if ahead else 0.735):
            steps["closed"] = min(listed + dt.timedelta(days=40 + int(random_() * 100)), today)
            status, reason = "closed", "deceased"
        elif random_() < 0.6:  # reached now and then, still abroad
            steps["contacted"] = min(listed + dt.timedelta(days=3 + int(random_() * 20)), today)
            party, status = ("family", "contacted")
        if steps["contacted"] is not None and steps["contacted"] > today:  # listed days ago
            steps["contacted"] = steps["promised"] = party = None
            status = "to_verify"
        # Measures for those still away after the deadline, ticked by the station's officer.
        away = steps["returned"] is None and reason is None
        measures: list[Any] = [None] * 6
        if away and deadline < today:
            for index, share in enumerate((1.0, 0.7, 0.8)):
                if random_() < share:
                    ticked = min(deadline + dt.timedelta(days=1 + index * 3), today)
                    measures[2 * index] = day(ticked)
                    measures[2 * index + 1] = officer
        case_id = self.next_id()
        self.listings.append((home["id"], (listed - self.base).days, "person_abroad"))
        self._return_contacts(case_id, listed, steps, party, officer, contacts)
        stamp = f"{listed.isoformat()}T09:00:00{_OFFSET}"
        last = max(d for d in (listed, *steps.values(), *[
            dt.date.fromisoformat(m) for m in measures[::2] if m]) if d)  # fmt: skip
        touched = self.ts(min((last - self.base).days * _DAY + 17 * 3600, self.now))
        notes = _RETURN_NOTES[int(random_() * len(_RETURN_NOTES))]
        return (
            case_id, stamp, touched, self.device, resident_id, home["id"], lived["id"],
            pick(_RETURN_PLACES), day(listed - dt.timedelta(days=30 + int(random_() * 700))),
            pick(_DEPARTURES), lead, pick(_RETURN_CATEGORIES), list_name, day(listed),
            day(deadline), status, day(steps["contacted"]), party, day(steps["promised"]),
            day(steps["returned"]), port, day(steps["reported"]), day(steps["control"]), kind,
            day(ends), day(steps["closed"]), reason, self.person_name(True, younger=False),
            rng.choice(("父亲", "母亲", "配偶", "兄长", "姐姐")), self.mobile(), leader,
            self.mobile(), self.person_name(True, younger=False), self.mobile(), officer,
            self.person_name(random_() < 0.6, younger=False), self.mobile(), *measures, notes,
        )  # fmt: skip

    def _return_contacts(self, case_id, listed, steps, party, officer, contacts) -> None:
        """Family visits and calls about monthly while the person is away; the first that
        reached someone is the day of 已联系."""
        rng = self.rng
        random_ = rng.random
        end = steps["returned"] or steps["closed"] or self.today
        moment = steps["contacted"] or listed + dt.timedelta(days=2 + int(random_() * 10))
        first = steps["contacted"] is not None
        while moment <= end and moment <= self.today:
            if first:
                by_family = party == "family"
                who = party
                method = "family_visit" if by_family else "wechat_call"
                result = "met" if by_family else "reached"
                first = False
            elif random_() < 0.65:
                who, method = "family", rng.choice(("family_visit", "phone"))
                result = rng.choice(("met", "reached", "no_answer", "no_answer"))
            else:
                who, method = "self", "wechat_call"
                result = rng.choice(("reached", "no_answer", "refused", "promised"))
            if steps["contacted"] is None and result in ("met", "reached", "promised"):
                result = "no_answer"  # nobody reached yet: the path says 待核查
            seconds = (10 + int(random_() * 8)) * 3600 + int(random_() * 60) * 60
            # Today's contact was made this morning, before the invented now.
            at = self.ts(min((moment - self.base).days * _DAY + seconds, self.now))
            contacts.append((self.next_id(), at, at, self.device, case_id, at, who, method,
                             result, officer, _RETURN_CONTACT_NOTES[result]))  # fmt: skip
            moment += dt.timedelta(days=20 + int(random_() * 30))

    # -- card sellers (涉"两卡"人员) ---------------------------------------------------------------
    def write_card_sellers(self, sink: Sink, start: int, stop: int) -> None:
        """Card sellers listed over the last year, fewer month by month (the figure that should
        fall), each a young resident of their own (one in twelve with a second kind of card),
        walked along the path as far as their age allows, with their interviews."""
        rng = self.rng
        random_ = rng.random
        device, next_id = self.device, self.next_id
        first_day = self.today_index - _HISTORY_DAYS + 1
        # Listing days: twice as many a year ago as now.
        days = rng.choices(
            range(first_day, self.today_index + 1),
            cum_weights=list(accumulate(2 - (d - first_day) / _HISTORY_DAYS
                                        for d in range(first_day, self.today_index + 1))),
            k=stop - start,
        )  # fmt: skip
        kinds = rng.choices(*zip(*_CARD_KINDS, strict=True), k=stop - start)
        manners = rng.choices(*zip(*_CARD_MANNERS, strict=True), k=stop - start)
        sources = rng.choices(*zip(*_CARD_SOURCES, strict=True), k=stop - start)
        homes = rng.choices(
            range(len(self.communities)), cum_weights=self.community_cum, k=stop - start
        )
        people, sellers, interviews = [], [], []
        resident: tuple = ()
        for n, (day, kind, manner, source, home) in enumerate(
            zip(days, kinds, manners, sources, homes, strict=True), start=start
        ):
            m = self.communities[home]
            county, town = m["county"], m["township"]
            if resident and kind != resident[1] and random_() < 1 / 12:
                m = resident[2]  # the same person again, with another kind of card
                county, town = m["county"], m["township"]
            else:
                resident = (self._card_seller_resident(people, m, day), kind, m)
            listed = self.dates[day]
            self.listings.append((m["id"], day, "card_seller"))
            stamp = self.ts(min(day * _DAY + 9 * 3600 + int(random_() * 8 * 3600), self.now))
            officer = town["officer_ids"][int(random_() * len(town["officer_ids"]))]
            issuer, partner, outlet, local = self._card_outlet(kind, county)
            reference = f"LK{listed[:4]}{n + 1:06d}" if source == "upper_level" else None
            steps, interviewed = self._card_path(day, county)
            seller_id = next_id()
            for at_day, result in interviewed:
                at = self.ts(min(at_day * _DAY + 9 * 3600 + int(random_() * 8 * 3600), self.now))
                method = "summoned" if random_() < 0.7 else "visit" if random_() < 0.85 else "phone"
                interviews.append((next_id(), at, at, device, seller_id, at, method, result,
                                   officer, _INTERVIEW_NOTES[result]))  # fmt: skip
            # Mostly one card; some two or three, a few a handful.
            spread = random_()
            count = (
                1
                if spread < 0.6
                else 2 + int(random_() * 2)
                if spread < 0.9
                else 4 + int(random_() * 7)
            )
            last = max([day, *(d for d in steps.values() if isinstance(d, int))])
            step_days = {key: (self.dates[value] if isinstance(value, int) else value)
                         for key, value in steps.items()}  # fmt: skip
            sellers.append((
                seller_id, stamp, self.ts(min(last * _DAY + 17 * 3600, self.now)), device, reference, listed,
                resident[0], m["id"], kind, count, issuer, partner, outlet, local, manner, source,
                step_days["status"], step_days["interviewed_on"], step_days["pledged_on"],
                step_days["restricted_on"], step_days["restricted_to"],
                step_days["handed_over_on"], step_days["handed_over_to"], step_days["closed_on"],
                step_days["close_reason"], officer,
                _CARD_NOTES[manner] if random_() < 0.3 else "",
            ))  # fmt: skip
        sink("residents", resident_store.COLUMNS, people)
        sink("card_sellers", card_seller_store.COLUMNS, sellers)
        sink("card_interviews", card_seller_store.INTERVIEW_COLUMNS, interviews)
        self.summary.residents += len(people)
        self.summary.card_sellers += len(sellers)
        self.summary.card_interviews += len(interviews)

    def write_fraud_free(self, sink: Sink) -> None:
        """Households, a year of door-to-door visits, evidence and the creation status."""
        demo = FraudFreeDemo(
            self.fraud_free_rng, next_id=self.next_id, device=self.device, dates=self.dates,
            stamp=lambda seconds: self.ts(min(seconds, self.now)), today_index=self.today_index,
            per_community=self.size.visit_rows,
        )  # fmt: skip
        demo.write(sink, self.communities, self.losses, CHUNK, listings=self.listings)
        self.summary.community_visits += demo.visits
        self.summary.fraud_free_steps += demo.steps
        self.summary.fraud_free_evidence += demo.evidence

    def _card_seller_resident(self, people: list[tuple], m: dict[str, Any], day: int) -> str:
        """A new resident aged 18 to 35 living in community ``m``; returns the id."""
        rng = self.rng
        age_days = int((18 + rng.random() * 17) * 365.2425)
        index = self.today.toordinal() - age_days - self.birth_first
        birth = self.birth_text[max(0, min(index, len(self.birth_text) - 1))]
        male = rng.random() < 0.7
        while True:
            first17 = f"{m['county']['code']}{birth}{int(rng.random() * 500) * 2 + male:03d}"
            number = first17 + id_number_check_digit(first17)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                break
        rid = self.next_id()
        stamp = self.ts(day * _DAY + 9 * 3600)
        people.append((rid, stamp, stamp, self.device, self.person_name(male, younger=True),
                       self.mobile(), number, f"{m['path']}{self.street()}", m["id"], "[]"))  # fmt: skip
        return rid

    def _card_outlet(self, kind: str, county: dict[str, Any]) -> tuple:
        """(issuer, outlet partner id, outlet, opened locally) of a card of ``county``'s
        resident: bank cards mostly at the county's partner outlets (local by the rule)."""
        rng = self.rng
        short = county["short"]
        if kind in ("bank_card", "corporate_account"):
            if rng.random() < 0.65:
                pid, name, _community = rng.choice(county["partners"]["bank_outlet"])
                return _BANK.match(name).group(0), pid, "", 1  # type: ignore[union-attr]
            bank = rng.choice(_CARD_BANKS)
            if rng.random() < 0.5:
                return bank, None, f"{bank}{rng.choice(_FAR_CITIES)}支行", 0
            return bank, None, "", None
        if kind == "phone_card":
            operator = rng.choice(_CARD_OPERATORS)
            if rng.random() < 0.7:
                return operator, None, f"{operator}{short}营业厅", 1
            return operator, None, f"{operator}{rng.choice(_FAR_CITIES)}代理点", 0
        return rng.choice(("支付宝", "微信支付")), None, "", None

    def _card_path(self, day: int, county: dict[str, Any]) -> tuple[dict[str, Any], list]:
        """The path's days (time-axis indexes) and details for a card seller listed on ``day``,
        and the interviews that led to it ((day, result), the last one warned)."""
        rng = self.rng
        today = self.today_index
        steps: dict[str, Any] = {
            "status": "to_verify", "interviewed_on": None, "pledged_on": None,
            "restricted_on": None, "restricted_to": "", "handed_over_on": None,
            "handed_over_to": "", "closed_on": None, "close_reason": "",
        }  # fmt: skip
        interviews: list[tuple[int, str]] = []
        at = day + 1 + int(rng.random() * 10)
        if at > today or rng.random() < 0.08:
            return steps, interviews
        if rng.random() < 0.2:  # summoned once in vain first
            interviews.append((at, "absent"))
            at += 2 + int(rng.random() * 5)
            if at > today:
                return steps, interviews
        interviews.append((at, "warned"))
        steps.update(status="interviewed", interviewed_on=at)
        if rng.random() < 0.06:
            handed = at + 3 + int(rng.random() * 20)
            if handed <= today:
                police = county["name"] + ("公安分局" if county["kind"] == "district" else "公安局")
                steps.update(status="handed_over", handed_over_on=handed,
                             handed_over_to=f"{police}刑侦大队")  # fmt: skip
            return steps, interviews
        if rng.random() < 0.9:
            steps.update(status="pledged", pledged_on=at)
        else:
            return steps, interviews
        restricted = at + 7 + int(rng.random() * 30)
        if restricted > today or rng.random() < 0.3:
            return steps, interviews
        steps.update(status="restricted", restricted_on=restricted, restricted_to="河池市反诈中心")
        closed = restricted + 30 + int(rng.random() * 90)
        if closed <= today and rng.random() < 0.6:
            steps.update(status="closed", closed_on=closed, close_reason=rng.choice(_CLOSE_REASONS))
        return steps, interviews


# The persons abroad (劝返) of the demo: where, how they left, whence the lead, what case.
_RETURNS_AHEAD = "东兰县"  # the county clearly first in 劝返率
_RETURN_PLACES = (("myanmar_north", 50), ("cambodia", 25), ("laos", 10), ("philippines", 6),
                  ("uae", 3), ("other", 6))  # fmt: skip
_DEPARTURES = (("smuggled", 55), ("with_documents", 35), ("unknown", 10))
_RETURN_LEADS = (("upper_level", 60), ("local_screening", 25), ("family_report", 12),
                 ("other", 3))  # fmt: skip
_RETURN_CATEGORIES = (("high_risk", 55), ("suspected_victim", 40), ("other", 5))
_RETURN_NOTES = ("家属配合，按月走访", "本人偶有微信联系", "", "已纳入重点关注")
_PORTS = ("东兴口岸", "凭祥友谊关口岸", "磨憨口岸", "瑞丽口岸", "南宁吴圩国际机场")
_RETURN_CONTACT_NOTES = {
    "met": "走访家属，宣讲劝返政策，家属表示积极配合",
    "reached": "通话正常，告知回国投案可从宽处理",
    "promised": "本人表示近期回国",
    "no_answer": "",
    "refused": "本人拒绝沟通",
}


# Invented shares and words of the card sellers.
_BANK = re.compile(r".*?银行")  # the bank of an outlet's name (中国农业银行金城江支行)
_CARD_KINDS = (("bank_card", 55), ("phone_card", 35), ("payment_account", 6),
               ("corporate_account", 4))  # fmt: skip
_CARD_MANNERS = (("sold", 35), ("rented", 30), ("lent", 20), ("tricked", 10), ("unknown", 5))
_CARD_SOURCES = (("upper_level", 60), ("local_check", 20), ("bank", 12), ("operator", 8))
_CARD_BANKS = ("中国农业银行", "中国工商银行", "中国建设银行", "中国邮政储蓄银行", "广西农村信用社")
_CARD_OPERATORS = ("中国移动", "中国联通", "中国电信")
_FAR_CITIES = ("东莞", "深圳", "广州", "南宁", "柳州")
_CLOSE_REASONS = (
    "训诫、承诺、惩戒均已完成",
    "涉案卡已注销，本人已签承诺书",
    "核实系被骗开卡，已教育",
)
_INTERVIEW_NOTES = {"warned": "已宣读法律规定，本人认识到出租出借“两卡”的危害。",
                    "absent": "电话通知到所约谈，本人未到。", "unreachable": "", "refused": ""}  # fmt: skip
_CARD_NOTES = {"sold": "以每张数百元卖给网上收卡人。", "rented": "按月收取租金。",
               "lent": "借给朋友使用。", "tricked": "以兼职为名被骗开卡。", "unknown": ""}  # fmt: skip


# Failed phone attempts before a resident is reached (0 to 4, mostly one or two).
_FAILS = (0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


__all__ = ["SIZES", "DemoRefused", "DemoSummary", "generate_demo", "load_geography"]
