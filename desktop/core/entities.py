"""Plain records as the rest of the program sees them (no database, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.core.figures import LARGE_TALK_ATTENDANCE


@dataclass
class Talk:
    """An outreach talk (反诈宣传活动). Times are aware datetimes; headcounts may be unknown."""

    title: str
    starts_at: datetime
    ends_at: datetime
    venue: str = ""
    venue_kind: str = "community"
    area_id: str | None = None
    area_name: str = ""  # the community (or township) as people call it, for documents
    audience: list[str] = field(default_factory=list)  # codes from catalogue.AUDIENCES
    topics: list[str] = field(default_factory=list)  # codes from catalogue.FRAUD_TYPES
    organiser_id: str | None = None
    organiser_name: str = ""
    officer_ids: list[str] = field(default_factory=list)  # co-organising officers
    co_organisers: str = ""  # other bodies, free text
    partner_id: str | None = None
    partner_name: str = ""
    expected_headcount: int | None = None
    actual_headcount: int | None = None
    handouts_given: dict[str, int] = field(default_factory=dict)  # handout kind -> copies
    status: str = "planned"
    notes: str = ""
    id: str | None = None

    @property
    def is_large(self) -> bool:
        """千人以上宣讲: 1,000 or more people actually attended."""
        return (self.actual_headcount or 0) >= LARGE_TALK_ATTENDANCE

    @property
    def handouts_total(self) -> int:
        return sum(self.handouts_given.values())


@dataclass(frozen=True)
class FollowUp:
    """A follow-up visit (回访) after a case was closed; the resident's name and mobile are
    filled in by the lists that show them (personal data in full: mask when shown)."""

    id: str
    warning_id: str
    due_on: date
    done_at: datetime | None
    result: str
    officer_id: str | None
    resident_name: str = ""
    mobile: str = ""


@dataclass(frozen=True)
class Resident:
    """A resident named in warnings (personal data in full: mask when shown)."""

    id: str
    name: str
    mobile: str
    id_number: str
    address: str
    area_id: str | None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class WarningCase:
    """A warning (预警) as the case screen and the printouts read it. Amounts are in fen;
    ``station`` names another station the case was handed to ("" while it is this one's)."""

    id: str
    reference_number: str
    source: str
    level: str
    received_at: datetime
    resident_id: str
    fraud_type: str
    officer_id: str | None
    status: str
    outcome: str
    amount_at_risk: int | None
    amount_protected: int | None
    amount_lost: int | None
    stop_payment_amount: int | None
    stop_payment_requested: bool
    lost_before_warning: bool
    bank_partner_id: str | None
    closed_at: datetime | None
    station: str
    area_id: str | None
    notes: str = ""
    # The closing concerns (catalogue.CLOSING_CONCERNS) the officer closed the case despite.
    closed_despite: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contact:
    """One attempt to reach the resident of a warning (电话, 上门, 短信 …)."""

    id: str
    warning_id: str
    at: datetime
    method: str
    result: str
    officer_id: str | None
    officer_name: str
    notes: str


@dataclass(frozen=True)
class Transfer:
    """A hand-over of a case to another officer and/or station, with the officers' names
    ("" for nobody); an empty station is this laptop's own."""

    id: str
    warning_id: str
    at: datetime
    from_officer: str
    to_officer: str
    by_officer: str
    from_station: str
    to_station: str
    reason: str


@dataclass(frozen=True)
class Officer:
    """An officer (民警, 辅警 or 网格员) with the name of the area they look after ("" for
    none); the phone number is in full: mask when shown."""

    id: str
    name: str
    badge_number: str
    unit: str
    role: str  # a code from catalogue.OFFICER_ROLES
    phone: str
    area_id: str | None
    area_name: str = ""
    retired: bool = False


@dataclass(frozen=True)
class Partner:
    """A partner organisation (school, enterprise, bank outlet) with its area's name ("" for
    none); the contact person, phone and address are in full: mask when shown."""

    id: str
    name: str
    kind: str  # a code from catalogue.PARTNER_KINDS
    area_id: str | None
    contact_name: str
    phone: str
    address: str
    area_name: str = ""
    retired: bool = False


@dataclass(frozen=True)
class Campaign:
    """One day's campaign count (宣传投放) of one kind in one area ("" for no area)."""

    id: str
    on_date: date
    kind: str  # a code from catalogue.CAMPAIGN_KINDS
    count: int
    area_id: str | None
    notes: str
    area_name: str = ""


@dataclass(frozen=True)
class ReturnCase:
    """A resident stranded abroad in a fraud area (劝返) as the ledger reads it: the path's
    days (None for a step not reached), the four responsible people and the measures with the
    day and officer of each. ``area_id`` is the area of household registration, the one the
    figures count by; ``residence_area_id`` the area lived in before leaving. The family's
    name and phone are in full: mask when shown."""

    id: str
    resident_id: str
    area_id: str | None
    residence_area_id: str | None
    location: str  # a code of catalogue.ABROAD_LOCATIONS or a place the station added
    left_on: date | None
    departure: str
    lead_source: str
    category: str
    list_name: str
    listed_on: date
    deadline_on: date | None
    status: str
    contacted_on: date | None
    contacted_party: str
    promised_on: date | None
    returned_on: date | None
    port_of_entry: str
    reported_on: date | None
    control_on: date | None
    control_kind: str
    control_ends_on: date | None
    closed_on: date | None
    close_reason: str
    family_name: str
    family_relation: str
    family_phone: str
    county_leader: str
    county_leader_phone: str
    township_leader: str
    township_leader_phone: str
    officer_id: str | None
    village_secretary: str
    village_secretary_phone: str
    measures: dict[str, tuple[date, str | None]]  # measure code -> (day, officer id)
    notes: str = ""


@dataclass(frozen=True)
class CardSeller:
    """A card seller (涉"两卡"人员) as the register reads it: the record without its resident's
    personal data (``reveal`` gives that, logged). Steps not reached have no date; an outlet on
    record as a partner is named by ``outlet_partner_id`` and ``outlet`` holds its name."""

    id: str
    reference_number: str
    listed_on: date
    resident_id: str
    area_id: str | None
    card_kind: str  # a code from catalogue.CARD_KINDS
    card_count: int
    issuer: str
    outlet_partner_id: str | None
    outlet: str
    opened_locally: bool | None  # None: nobody said
    manner: str  # a code from catalogue.CARD_MANNERS
    source: str  # a code from catalogue.CARD_SOURCES
    status: str  # a code from catalogue.CARD_SELLER_STATUSES
    interviewed_on: date | None
    pledged_on: date | None
    restricted_on: date | None
    restricted_to: str
    handed_over_on: date | None
    handed_over_to: str
    closed_on: date | None
    close_reason: str
    officer_id: str | None
    notes: str = ""


@dataclass(frozen=True)
class ReturnContact:
    """One contact made to bring a person abroad back (the person or the family)."""

    id: str
    case_id: str
    at: datetime
    party: str  # a code of catalogue.RETURN_PARTIES
    method: str  # a code of catalogue.RETURN_CONTACT_METHODS
    result: str  # a code of catalogue.RETURN_CONTACT_RESULTS
    officer_id: str | None
    officer_name: str
    notes: str


@dataclass(frozen=True)
class CardInterview:
    """One interview (约谈) of a card seller, or an attempt at one."""

    id: str
    card_seller_id: str
    at: datetime
    method: str  # a code from catalogue.INTERVIEW_METHODS
    result: str  # a code from catalogue.INTERVIEW_RESULTS
    officer_id: str | None
    officer_name: str
    notes: str
