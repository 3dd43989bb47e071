"""The printouts as the program makes them from its records: one call per document.

The window (on its worker) and the command line both come here, so a printout looks the same
whichever way it was made, carries the station's name and phone from the database, and is
written to the audit log ("print") in the same way.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from desktop.core import catalogue, clock
from desktop.core.catalogue import FRAUD_TYPES
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.core.formats import (
    format_date,
    format_datetime,
    format_money_form,
    format_month,
    format_month_day,
    format_stamp,
)
from desktop.core.privacy import (
    ADDRESSEE_REASON,
    FAMILY_NOTICE_REASON,
    REASON_OPTION,
    SIGNER_REASON,
    reveal_reason,
)
from desktop.db import audit
from desktop.db.database import META_STATION_NAME, META_STATION_PHONE, Database
from desktop.domain import talks as talk_store

if TYPE_CHECKING:
    from desktop.core.entities import CardSeller, Resident, WarningCase
    from desktop.reports.briefing_issue import BriefingIssue
    from desktop.reports.cards import Person


class DocumentError(OutreachError):
    context = "Documents"


def _station(database: Database) -> dict[str, str]:
    """The station as printouts show it: its name (or that it is not set yet) and phone."""
    from desktop.reports.styles import printed_unit

    return {
        "station_name": printed_unit(database.get_meta(META_STATION_NAME)),
        "station_phone": database.get_meta(META_STATION_PHONE) or "",
    }


def _issuing_unit(database: Database) -> str:
    """The unit a station's sheets and boards are issued by, as printed (``issuing``)."""
    from desktop.reports.briefing_store import issuing
    from desktop.reports.styles import printed_unit

    return printed_unit(issuing(database)[1])


def _talk(database: Database, talk_id: str):
    talk = talk_store.load_talk(database, talk_id)
    if talk is None:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Documents", "There is no talk with the id {value}."), value=talk_id
        )
    return talk


def _log(database: Database, table: str, row_id: str, summary: str) -> None:
    with database.atomic():
        audit.record(database, "print", table, row_id, summary)


def print_signin_sheet(
    database: Database, talk_id: str, out: Path | BinaryIO, *, rows: int | None = None
) -> int:
    """The sign-in sheet (签到表) of a talk, with ``rows`` blank rows (None: enough for the
    talk's expected attendance, in whole pages); returns the page count."""
    from desktop.reports.signin import build_signin_sheet, rows_for

    talk = _talk(database, talk_id)
    if rows is None:
        rows = rows_for(talk)
    pages = build_signin_sheet(talk, out, rows=rows, **_station(database))
    _log(database, "talks", talk_id, f"sign-in sheet, {rows} rows: {talk.title}")
    return pages


def print_handout(
    database: Database,
    out: Path | BinaryIO,
    *,
    talk_id: str | None = None,
    topics: list[str] | None = None,
) -> list[str]:
    """The handout (宣传单) for a talk's topics and audience, or for the topics given."""
    from desktop.reports.handout import build_handout

    unknown = [topic for topic in topics or [] if topic not in FRAUD_TYPES]
    if unknown:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Documents", "Unknown fraud types: {value}. Known: {known}."),
            value=", ".join(unknown),
            known=", ".join(FRAUD_TYPES),
        )
    talk = _talk(database, talk_id) if talk_id else None
    printed = build_handout(
        out,
        topics=topics if topics else (talk.topics if talk else []),
        audience=talk.audience if talk else [],
        **_station(database),
    )
    title = f": {talk.title}" if talk else ""
    _log(database, "talks" if talk else "", talk_id or "", f"handout {','.join(printed)}{title}")
    return printed


def print_schedule(database: Database, first: date, last: date, out: Path | BinaryIO) -> int:
    """The talks from ``first`` to ``last`` (both included) as a table for the notice board."""
    from desktop.reports.schedule import build_schedule

    if last < first:
        raise DocumentError(QT_TRANSLATE_NOOP("Documents", "The period ends before it starts."))
    talks = talk_store.list_talks(
        database,
        talk_store.TalkFilter(
            starts_from=clock.at(first),
            starts_before=clock.at(last + timedelta(days=1)),
        ),
    )
    if first.day == 1 and (last + timedelta(days=1)).day == 1 and first.month == last.month:
        period = format_month(first, chinese=True)
    else:
        period = f"{format_date(first, chinese=True)}至{format_month_day(last, chinese=True)}"
    pages = build_schedule(
        talks,
        out,
        title=f"反诈宣传活动安排表（{period}）",
        period_from=first,
        period_to=last,
        **_station(database),
    )
    _log(database, "talks", "", f"schedule {first}..{last}, {len(talks)} talks")
    return pages


def _warning_and_resident(database: Database, warning_id: str) -> tuple[WarningCase, Resident]:
    from desktop.domain import residents as resident_store
    from desktop.domain import warnings as warning_store

    warning = warning_store.get_warning(database, warning_id)
    if warning is None:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Documents", "There is no warning with the id {value}."),
            value=warning_id,
        )
    return warning, resident_store.get_resident(database, warning.resident_id)


def print_notice(database: Database, warning_id: str, out: Path | BinaryIO) -> int:
    """The dissuasion notice (劝阻告知书) of a warning: two copies (存根, 交当事人) under its
    document number, kept from the first print. It is addressed to the resident by full name,
    which is logged as a reveal with ``ADDRESSEE_REASON``; phone, ID number and address stay
    masked."""
    from desktop.core.privacy import mask_address, mask_id_number, mask_mobile
    from desktop.domain import officers as officer_store
    from desktop.reports.notice import build_notice
    from desktop.reports.notice_numbers import notice_number
    from desktop.reports.styles import printed_unit

    warning, resident = _warning_and_resident(database, warning_id)
    officer = (
        officer_store.get_officer(database, warning.officer_id) if warning.officer_id else None
    )
    station = _station(database)
    # One unit of work: a notice that fails to build takes no number and logs nothing.
    with database.atomic():
        # Numbered in the series of the unit as stored (none yet: the unnamed unit's own).
        unit = database.get_meta(META_STATION_NAME) or ""
        number = notice_number(database, warning_id, unit, clock.today())
        pages = build_notice(
            out,
            resident_name=resident.name,
            mobile=mask_mobile(resident.mobile or ""),
            id_number=mask_id_number(resident.id_number or ""),
            address=mask_address(resident.address or ""),
            received_at=warning.received_at,
            fraud_type=warning.fraud_type,
            officer_name=officer.name if officer else "",
            unit=printed_unit(number.unit),
            number=number.text,
            issued_on=number.issued_on,
            station_phone=station["station_phone"],
        )
        audit.record(
            database, "reveal", "warnings", warning_id,
            f"notice names the resident in full: {ADDRESSEE_REASON}",
        )  # fmt: skip
        audit.record(database, "print", "warnings", warning_id, f"dissuasion notice {number.text}")
    return pages


def _yuan(fen: int | None) -> str:
    return "—" if fen is None else format_money_form(fen)


def _partner_name(database: Database, partner_id: str | None) -> str:
    if not partner_id:
        return "—"
    row = database.execute("SELECT name FROM partners WHERE id = ?", (partner_id,)).fetchone()
    return row["name"] if row else "—"


def print_case_record(
    database: Database,
    warning_id: str,
    out: Path | BinaryIO,
    *,
    full: bool = False,
    reason: str = "",
) -> int:
    """The case record with its contact timeline; personal data masked unless ``full``."""
    from desktop.domain import warnings as warning_store

    if full:
        reason = reveal_reason(reason, field=REASON_OPTION)  # before anything is built or written
    from desktop.core.catalogue import zh_name
    from desktop.core.privacy import mask_address, mask_id_number, mask_mobile, mask_name
    from desktop.reports.casefile import build_case_record

    warning, resident = _warning_and_resident(database, warning_id)

    def shown(mask, value):
        return (value or "—") if full else (mask(value or "") or "—")

    facts = [
        ("下发时间", format_datetime(warning.received_at, chinese=True)),
        ("预警来源", zh_name(catalogue.WARNING_SOURCES, warning.source)),
        ("当事人", shown(mask_name, resident.name)),
        ("联系电话", shown(mask_mobile, resident.mobile)),
        ("身份证号", shown(mask_id_number, resident.id_number)),
        ("住址", shown(mask_address, resident.address)),
        ("疑似诈骗类型", zh_name(FRAUD_TYPES, warning.fraud_type) or "—"),
        ("处置结果", zh_name(catalogue.OUTCOMES, warning.outcome) or "处置中"),
        ("保护资金", _yuan(warning.amount_protected)),
        ("被骗金额", _yuan(warning.amount_lost)),
        ("止付", ("已申请，" if warning.stop_payment_requested else "未申请，")
         + _yuan(warning.stop_payment_amount)),
        ("协助银行网点", _partner_name(database, warning.bank_partner_id)),
    ]  # fmt: skip
    if warning.station:
        facts.append(("现由", warning.station))
    if warning.closed_despite:
        # The questions closing raised, which the officer closed the case despite.
        facts.append((
            "结案提示",
            "；".join(zh_name(catalogue.CLOSING_CONCERNS, code) for code in warning.closed_despite)
            + "（民警确认后结案）",
        ))  # fmt: skip
    # Each step with its moment, in order of time, then written as every paper writes a time
    # (2026年2月16日 11:49).
    steps = [
        (
            contact.at,
            zh_name(catalogue.CONTACT_METHODS, contact.method),
            zh_name(catalogue.CONTACT_RESULTS, contact.result) + (
                f"（{contact.notes}）" if contact.notes else ""),
            contact.officer_name or "—",
        )
        for contact in warning_store.contact_timeline(database, warning_id)
    ]  # fmt: skip
    steps += [
        (
            transfer.at,
            "移交",
            "移交给" + ("、".join(part for part in (transfer.to_station, transfer.to_officer)
                                if part) or "本所") + f"（{transfer.reason}）",
            transfer.by_officer or "—",
        )
        for transfer in warning_store.transfer_history(database, warning_id)
    ]  # fmt: skip
    steps.sort(key=lambda step: format_stamp(step[0]))
    timeline = [(format_datetime(at, chinese=True), *rest) for at, *rest in steps]
    pages = build_case_record(
        out, reference=warning.reference_number or "—", printed_on=clock.today(), facts=facts,
        timeline=timeline, **_station(database),
    )  # fmt: skip
    with database.atomic():
        if full:
            audit.record(
                database, "reveal", "warnings", warning_id,
                f"case record printed in full: {reason}",
            )  # fmt: skip
        audit.record(database, "print", "warnings", warning_id, "case record")
    return pages


def print_visit_form(database: Database, out: Path | BinaryIO) -> int:
    """A blank visit-record form for paper-first work at the door."""
    from desktop.reports.casefile import build_visit_form

    pages = build_visit_form(out, **_station(database))
    _log(database, "", "", "blank visit-record form")
    return pages


def briefing_data(
    database: Database,
    period,
    area_id: str | None = None,
    *,
    laptops: tuple[str, str] | None = None,
    ranking_figure: str = "dissuaded",
    progress=None,
):
    """Everything a briefing shows, read from the records (figures only: no personal data);
    of the records entered on ``laptops`` (("station", NAME) or ("device", ID); None: on
    any)."""
    from desktop.core.figures import FIGURES
    from desktop.db.parallel import read_both
    from desktop.domain import statistics
    from desktop.reports.briefing import BriefingData
    from desktop.reports.briefing_text import (
        fraud_free_standing,
        return_standing,
        returns_ranked_under,
    )

    def step(done: int) -> None:
        if progress:
            progress(done, 7)

    area_name = "全辖区"
    if area_id is not None:
        area_name = database.scalar("SELECT name FROM areas WHERE id = ?", (area_id,)) or area_id
    devices = statistics.chosen_devices(database, laptops)

    def warnings_and_talks(reading: Database) -> tuple:
        figures = statistics.compute_figures(reading, period, area_id, devices=devices)
        step(1)
        trend = statistics.monthly_trend(reading, period, area_id, devices)
        step(2)
        ranked = statistics.ranking(
            reading, period, ranking_figure, parent_id=area_id, devices=devices
        )
        step(3)
        # A whole city's board goes by township; an area's by community.
        board = statistics.coverage_board(
            reading, period, area_id, by_township=area_id is None, devices=devices
        )
        step(4)
        return figures, trend, ranked, board

    def ledgers_and_breakdown(reading: Database) -> tuple:
        returns = return_standing(reading, period, area_id, devices)
        card_keys = [figure.key for figure in FIGURES if figure.group == "card_sellers"]
        cards_rows = [
            (name, figures) for _area, name, figures in statistics.figures_by_area(
                reading, period, card_keys, parent_id=area_id, devices=devices
            )
        ]  # fmt: skip
        outlets = statistics.outlets_by_cards(reading, period, area_id, devices=devices)
        fraud_free = fraud_free_standing(reading, period, area_id, devices)
        breakdown = statistics.warning_breakdown(reading, period, area_id, devices=devices)
        return returns, cards_rows, outlets, fraud_free, breakdown

    # The two halves read at once, each on its own connection (parallel.read_both).
    (figures, trend, ranked, board), ledgers = read_both(
        database, warnings_and_talks, ledgers_and_breakdown
    )
    (returns_ranked, returns_by_area), cards_rows, outlets, fraud_free, breakdown = ledgers
    fraud_free_ranked, fraud_free_by_area = fraud_free
    step(7)
    station = _station(database)
    return BriefingData(
        area_name=area_name,
        start=period.start,
        end=period.end,
        generated_at=clock.now(),
        figures=figures,
        trend=trend,
        ranking=[(item.rank, item.name, item.value) for item in ranked],
        ranking_figure=ranking_figure,
        board_months=board.months,
        board_rows=[(name, counts) for _id, name, counts in board.rows],
        board_unit=catalogue.AREA_LEVELS["township" if area_id is None else "community"].zh,
        returns_ranked=returns_ranked,
        returns_by_area=returns_by_area,
        returns_unit=_below_unit(database, returns_ranked_under(database, area_id)),
        cards_rows=cards_rows,
        cards_unit=_below_unit(database, area_id),
        outlets=outlets,
        fraud_free_ranked=fraud_free_ranked,
        fraud_free_by_area=fraud_free_by_area,
        breakdown=breakdown,
        **station,
    )


def _below_unit(database: Database, area_id: str | None) -> str:
    """The Chinese name of the level just below ``area_id`` (县（区） below the city)."""
    level = None
    if area_id is not None:
        level = database.scalar("SELECT level FROM areas WHERE id = ?", (area_id,))
    below = {None: "county", "county": "township"}.get(level, "community")
    return catalogue.AREA_LEVELS[below].zh


def annex_titles(data) -> tuple[str, ...]:
    """The annexes (附件) after the briefing's body, as listed and numbered: the figures with
    their definitions, the ranking, the coverage board, 两卡, 劝返 and 无诈社区 (an annex with nothing to
    show says so in a sentence: its number stays)."""
    from desktop.core.figures import BY_KEY

    return (
        "主要指标及口径",
        f"各地排名（按{BY_KEY[data.ranking_figure].name_zh}）",
        "宣传覆盖挂图",
        "涉“两卡”人员情况",
        "劝返工作情况（按劝返率排名）",
        "无诈社区创建情况（按创建率排名）",
    )


def compose_briefing(
    database: Database,
    period,
    area_id: str | None,
    data,
    *,
    keep: BriefingIssue | None = None,
    laptops: tuple[str, str] | None = None,
) -> BriefingIssue:
    """The briefing's text composed afresh from the figures of ``data`` (``briefing_data`` of
    the same ``laptops``). ``keep``: an issue whose header block (number, unit, date) the new
    text keeps ("重新生成"); else the header block of the unit's next issue, not yet saved.
    The text is the fullest whose body fits BODY_PAGES, leaving out what ``CUTS`` names."""
    from desktop.reports.briefing_store import briefing_settings, issuing, next_number
    from desktop.reports.briefing_text import CUTS, compose_issue, read_facts

    name, unit = issuing(database)
    facts = read_facts(
        database, period, area_id, ranking_figure=data.ranking_figure, figures=data.figures,
        ranking=data.ranking, today=data.generated_at.date(), laptops=laptops,
        returns_ranked=data.returns_ranked, outlets=data.outlets,
        fraud_free_ranked=data.fraud_free_ranked, breakdown=data.breakdown,
    )  # fmt: skip
    if keep is not None:
        name, unit, year, number, issued_on = (
            keep.name, keep.unit, keep.year, keep.number, keep.issued_on
        )  # fmt: skip
    else:
        issued_on = data.generated_at.date()
        year, number = issued_on.year, next_number(database, unit, issued_on.year)
    from desktop.reports.briefing import BODY_PAGES, body_pages

    distribution = briefing_settings(database).distribution

    def composed(shorter: int) -> BriefingIssue:
        return compose_issue(
            facts, name=name, unit=unit, year=year, number=number, issued_on=issued_on,
            distribution=distribution, annex_titles=annex_titles(data), shorter=shorter,
        )  # fmt: skip

    # The fullest text whose body fits BODY_PAGES, else the shortest: the full text first
    # (it mostly fits), then halving the cuts between one that does not fit and all of them.
    issue = composed(0)
    if body_pages(issue, data) <= BODY_PAGES:
        return issue
    too_long, shortest = 0, len(CUTS)
    issue = composed(shortest)
    while shortest - too_long > 1:
        middle = (too_long + shortest) // 2
        candidate = composed(middle)
        if body_pages(candidate, data) <= BODY_PAGES:
            shortest, issue = middle, candidate
        else:
            too_long = middle
    return issue


def briefing_issue(
    database: Database,
    period,
    area_id: str | None,
    data,
    *,
    laptops: tuple[str, str] | None = None,
) -> tuple[BriefingIssue, bool]:
    """(the issue, saved): the issuing unit's saved issue of the period, area and laptops as
    it was saved, else one composed from the figures with the next number (not saved yet)."""
    from desktop.reports.briefing_store import issuing, saved_issue

    _name, unit = issuing(database)
    kept = saved_issue(database, unit, period, area_id, laptops)
    if kept is not None:
        return replace(kept, annex_titles=annex_titles(data)), True
    return compose_briefing(database, period, area_id, data, laptops=laptops), False


def print_briefing_issue(
    database: Database,
    period,
    out: Path | BinaryIO,
    issue: BriefingIssue,
    *,
    area_id: str | None,
    data,
    laptops: tuple[str, str] | None = None,
) -> int:
    """The briefing with the text of ``issue`` and the annexes of ``data``; returns its page
    count. Saving the issue is the caller's (a preview prints text not yet saved)."""
    from desktop.reports.briefing import build_briefing

    pages = build_briefing(out, issue, data)
    _log_briefing(database, period, area_id, issue, laptops=laptops)
    return pages


def _log_briefing(
    database: Database,
    period,
    area_id: str | None,
    issue: BriefingIssue,
    form: str = "",
    *,
    laptops: tuple[str, str] | None = None,
) -> None:
    from desktop.reports.briefing_store import laptops_key

    of = f" of {laptops_key(laptops)}" if laptops else ""
    _log(
        database, "areas", area_id or "",
        f"briefing{form} {period.start.isoformat()}..{period.end.isoformat()}{of}"
        f" ({issue.year} No. {issue.number})",
    )  # fmt: skip


def print_briefing(
    database: Database,
    period,
    out: Path | BinaryIO,
    *,
    area_id: str | None = None,
    laptops: tuple[str, str] | None = None,
    ranking_figure: str = "dissuaded",
    progress=None,
) -> int:
    """The work briefing (工作简报) for a period and area, of the records entered on
    ``laptops`` (("station", NAME) or ("device", ID); None: on any laptop); returns its page
    count. The issue saved for them prints as saved; else the text is composed from the figures
    and saved with the next number, as every printed issue is (not on a database that cannot
    be written)."""
    issue, data = _issue_and_data(database, period, area_id, laptops, ranking_figure, progress)
    return print_briefing_issue(
        database, period, out, issue, area_id=area_id, data=data, laptops=laptops
    )


def _issue_and_data(database: Database, period, area_id, laptops, ranking_figure, progress):
    """The issue to print for the period, area and laptops (saved, or composed and saved now)
    and the annexes' data."""
    from desktop.reports.briefing_store import save_issue

    data = briefing_data(
        database, period, area_id, laptops=laptops, ranking_figure=ranking_figure,
        progress=progress,
    )  # fmt: skip
    issue, saved = briefing_issue(database, period, area_id, data, laptops=laptops)
    if not saved and not database.read_only:
        issue = save_issue(database, period, area_id, issue, today=issue.issued_on, laptops=laptops)
    return issue, data


def print_briefing_docx(
    database: Database,
    period,
    out: Path | BinaryIO,
    *,
    area_id: str | None = None,
    laptops: tuple[str, str] | None = None,
    ranking_figure: str = "dissuaded",
    progress=None,
) -> None:
    """The work briefing as a Word document (.docx) the officer can edit: the same issue the
    PDF prints."""
    issue, data = _issue_and_data(database, period, area_id, laptops, ranking_figure, progress)
    print_briefing_issue_docx(
        database, period, out, issue, area_id=area_id, data=data, laptops=laptops
    )


def print_briefing_issue_docx(
    database: Database,
    period,
    out: Path | BinaryIO,
    issue: BriefingIssue,
    *,
    area_id: str | None,
    data,
    laptops: tuple[str, str] | None = None,
) -> None:
    """The Word document of ``issue`` with the annexes of ``data`` (the PDF's twin)."""
    from desktop.reports.briefing_docx import build_briefing_docx

    build_briefing_docx(out, issue, data)
    _log_briefing(database, period, area_id, issue, " (.docx)", laptops=laptops)


def _person(resident: Resident) -> Person:
    """A card seller as their own paper names them: in full, the rest masked."""
    from desktop.core.privacy import mask_address, mask_id_number, mask_mobile
    from desktop.reports.cards import Person

    return Person(
        name=resident.name,
        id_number=mask_id_number(resident.id_number or ""),
        mobile=mask_mobile(resident.mobile or ""),
        address=mask_address(resident.address or ""),
    )


def _card_seller(database: Database, card_seller_id: str) -> CardSeller:
    from desktop.domain import card_sellers as card_seller_store

    record = card_seller_store.get_card_seller(database, card_seller_id)
    if record is None:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Documents", "There is no card seller with the id {value}."),
            value=card_seller_id,
        )
    return record


def _their_cards(database: Database, record: CardSeller) -> list[CardSeller]:
    """The cards a resident's paper is about: ``record`` first, then their other listings."""
    from desktop.domain import card_sellers as card_seller_store

    others = card_seller_store.listings_of(database, record.resident_id)
    return [record, *(other for other in others if other.id != record.id)]


def print_interview_record(database: Database, interview_id: str, out: Path | BinaryIO) -> int:
    """The record of a card seller's interview (约谈训诫笔录) the resident reads and signs: it
    names them in full — a reveal logged with ``SIGNER_REASON`` — with the ID number,
    mobile and address masked. Returns the page count."""
    from desktop.domain import card_sellers as card_seller_store
    from desktop.reports.cards import build_interview_record

    interview = card_seller_store.get_interview(database, interview_id)
    if interview is None:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Documents", "There is no interview with the id {value}."),
            value=interview_id,
        )
    record = _card_seller(database, interview.card_seller_id)
    resident = card_seller_store.reveal_card_seller(database, record.id, SIGNER_REASON)
    station = _station(database)
    pages = build_interview_record(
        out, interview=interview, person=_person(resident), cards=_their_cards(database, record),
        reference=record.reference_number, unit=station["station_name"],
        station_phone=station["station_phone"],
    )  # fmt: skip
    _log(database, "card_interviews", interview_id, "interview record")
    return pages


def print_pledge(database: Database, card_seller_id: str, out: Path | BinaryIO) -> int:
    """The pledge (承诺书) a card seller signs, in two copies: it names them in full — a
    reveal logged with ``SIGNER_REASON`` — with the ID number and mobile masked."""
    from desktop.domain import card_sellers as card_seller_store
    from desktop.reports.cards import build_pledge

    record = _card_seller(database, card_seller_id)
    resident = card_seller_store.reveal_card_seller(database, record.id, SIGNER_REASON)
    station = _station(database)
    pages = build_pledge(
        out, person=_person(resident), cards=_their_cards(database, record),
        unit=station["station_name"], station_phone=station["station_phone"],
    )  # fmt: skip
    _log(database, "card_sellers", card_seller_id, "pledge")
    return pages


# Which card sellers the register prints besides one status: those on the path, those whose
# path has ended, or all (the default).
REGISTER_VIEWS = ("open", "ended", "all")


def print_card_register(
    database: Database,
    out: Path | BinaryIO,
    *,
    area_id: str | None = None,
    first: date | None = None,
    last: date | None = None,
    status: str | None = None,
    full: bool = False,
    reason: str = "",
) -> int:
    """The register of card sellers (涉“两卡”人员登记台账) of an area and everything below it
    (None: every area), listed from ``first`` to ``last`` (either may be open), of one status
    or view (``REGISTER_VIEWS``; None: all); names masked unless ``full``, which the audit
    log keeps with its reason. Returns the page count."""
    from desktop.domain import card_sellers as card_seller_store

    if full:
        reason = reveal_reason(reason, field=REASON_OPTION)  # before anything is built or written
    from desktop.core.catalogue import CARD_SELLER_STATUSES, zh_name
    from desktop.domain.areas import subtree_ids
    from desktop.reports.cards import build_register

    status = status or "all"
    if status not in CARD_SELLER_STATUSES and status not in REGISTER_VIEWS:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Documents", "Unknown status {value}. Known: {known}."),
            value=status,
            known=", ".join([*CARD_SELLER_STATUSES, *REGISTER_VIEWS]),
        )
    if first and last and last < first:
        raise DocumentError(QT_TRANSLATE_NOOP("Documents", "The period ends before it starts."))
    which = card_seller_store.RegisterFilter(
        view=status if status in REGISTER_VIEWS else "all",
        status=status if status in CARD_SELLER_STATUSES else None,
        area_ids=tuple(subtree_ids(database, area_id)) if area_id else None,
        listed_from=first,
        listed_to=last,
    )
    rows = card_seller_store.ledger_rows(database, which, reason=reason if full else None)
    today = clock.today()
    if first or last:
        since = format_date(first, chinese=True) if first else "建档"
        scope = [f"列管日期：{since}至{format_date(last or today, chinese=True)}"]
    else:
        scope = [f"截至{format_date(today, chinese=True)}"]
    views = {"open": "在管（未移交、未销账）", "ended": "已移交或销账"}
    if status in CARD_SELLER_STATUSES:
        scope.append(f"状态：{zh_name(CARD_SELLER_STATUSES, status)}")
    elif status in views:
        scope.append(f"状态：{views[status]}")
    area = "全辖区"
    if area_id is not None:
        area = database.scalar("SELECT name FROM areas WHERE id = ?", (area_id,)) or area_id
    station = _station(database)
    pages = build_register(
        out, rows, unit=station["station_name"], area=area, scope=scope, masked=not full,
        station_phone=station["station_phone"],
    )  # fmt: skip
    _log(
        database, "areas", area_id or "",
        f"card seller register {status} {first or ''}..{last or ''}: {len(rows)} rows",
    )  # fmt: skip
    return pages


# -- persons abroad (劝返) -------------------------------------------------------------------------


def _area_name(database: Database, area_id: str | None) -> str:
    if area_id is None:
        return "全辖区"
    return database.scalar("SELECT name FROM areas WHERE id = ?", (area_id,)) or area_id


def print_return_ledger(
    database: Database,
    out: Path | BinaryIO,
    *,
    area_id: str | None = None,
    paper: str = "a4",
    full: bool = False,
    reason: str = "",
) -> int:
    """The ledger (劝返工作台账) of the persons abroad of an area (by either place; None: all)
    as it stands today, on ``paper`` (a4 or a3, landscape); returns the page count. Names
    masked unless ``full``, which is logged as a reveal with the ``reason``."""
    from desktop.domain import return_cases as return_store

    if full:
        reason = reveal_reason(reason, field=REASON_OPTION)  # before anything is built or written
    from desktop.reports.return_ledger import build_return_ledger
    from desktop.reports.styles import LANDSCAPES

    unit = _issuing_unit(database)
    # One unit of work: a ledger that fails to build logs neither its reveal nor its print.
    with database.atomic():
        lines = return_store.ledger_sheet(database, area_id, reason=reason if full else None)
        pages = build_return_ledger(
            lines, out, unit=unit, area_name=_area_name(database, area_id), as_of=clock.today(),
            places=return_store.locations(database), masked=not full,
            geometry=LANDSCAPES[paper], station_phone=_station(database)["station_phone"],
        )  # fmt: skip
        audit.record(
            database, "print", "areas", area_id or "",
            f"ledger of persons abroad, {len(lines)} entries ({paper})",
        )  # fmt: skip
    return pages


def print_return_notice(database: Database, case_id: str, out: Path | BinaryIO) -> int:
    """The family notice (劝返告知书, a letter to the family) of a person abroad, under its
    document number, kept from the first print. It names the person in full — a letter to
    their family — which is logged as a reveal with ``FAMILY_NOTICE_REASON``; the ID number
    stays masked."""
    from desktop.core.privacy import mask_id_number
    from desktop.domain import officers as officer_store
    from desktop.domain import return_cases as return_store
    from desktop.reports.briefing_store import issuing
    from desktop.reports.notice_numbers import return_notice_number
    from desktop.reports.return_notice import build_return_notice
    from desktop.reports.styles import printed_unit

    if return_store.get_case(database, case_id) is None:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Documents", "There is no person abroad with the id {value}."),
            value=case_id,
        )
    _name, unit = issuing(database)
    station = _station(database)
    # One unit of work: a notice that fails to build takes no number and logs nothing.
    with database.atomic():
        case, resident = return_store.reveal_case(database, case_id, FAMILY_NOTICE_REASON)
        officer = officer_store.get_officer(database, case.officer_id) if case.officer_id else None
        number = return_notice_number(database, case_id, unit, clock.today())
        pages = build_return_notice(
            out, case=case, person_name=resident.name,
            id_number=mask_id_number(resident.id_number or ""),
            place=return_store.locations(database).get(case.location, case.location),
            officer_name=officer.name if officer else "",
            officer_phone=(officer.phone if officer else "") or station["station_phone"],
            unit=printed_unit(unit), number=number.text, issued_on=number.issued_on,
            station_phone=station["station_phone"],
        )  # fmt: skip
        audit.record(database, "print", "return_cases", case_id, f"family notice {number.text}")
    return pages


def print_return_board(
    database: Database, out: Path | BinaryIO, *, area_id: str | None = None, paper: str = "a4"
) -> int:
    """The board (劝返挂图) of the areas one level below ``area_id`` (the counties when None):
    entries per status, "销账 n / 在册 N" a row and in all, on ``paper`` (a4 or a3,
    landscape); counts only, no names. Returns the page count."""
    from desktop.domain import return_cases as return_store
    from desktop.reports.return_board import build_return_board
    from desktop.reports.styles import LANDSCAPES

    unit = _issuing_unit(database)
    rows = return_store.board(database, area_id)
    level = database.scalar("SELECT level FROM areas WHERE id = ?", (area_id,)) if area_id else ""
    below = {"": "county", "county": "township"}.get(level or "", "community")
    pages = build_return_board(
        rows, return_store.tally(database, area_id), out, unit=unit, area_name=_area_name(database, area_id), as_of=clock.today(),
        row_label=catalogue.AREA_LEVELS[below].zh, geometry=LANDSCAPES[paper],
        station_phone=_station(database)["station_phone"],
    )  # fmt: skip
    _log(database, "areas", area_id or "", f"board of persons abroad ({paper})")
    return pages


# -- fraud-free communities (无诈社区) ----------------------------------------------------------


def _community(database: Database, area_id: str):
    row = database.query(
        "SELECT a.id, a.name, coalesce(t.name, '') AS township FROM areas a"
        " LEFT JOIN areas t ON t.id = a.parent_id"
        " WHERE a.id = ? AND a.level = 'community' AND a.deleted_at IS NULL",
        (area_id,),
    )
    if not row:
        raise DocumentError(
            QT_TRANSLATE_NOOP("Documents", "There is no community or village with the id {value}."),
            value=area_id,
        )
    return row[0]


def print_visit_tally(
    database: Database, out: Path | BinaryIO, *, area_id: str | None = None
) -> int:
    """The blank tally sheet of a door-to-door round (入户走访登记表), for the community
    ``area_id`` (its name filled in) or any (a line to write it on). Returns the page count."""
    from desktop.reports.fraud_free_paper import build_visit_tally

    unit = _issuing_unit(database)
    place = _community(database, area_id) if area_id else None
    pages = build_visit_tally(
        out, unit=unit, community=place["name"] if place else "",
        township=place["township"] if place else "",
        station_phone=_station(database)["station_phone"],
    )  # fmt: skip
    _log(database, "areas", area_id or "", "blank door-to-door tally sheet")
    return pages


def print_creation_board(
    database: Database, out: Path | BinaryIO, *, area_id: str | None = None, paper: str = "a4"
) -> int:
    """The creation board (无诈社区创建挂图) of the communities of ``area_id`` (None: all) as it
    stands today, on ``paper`` (a4 or a3, landscape); counts and measures, no names of
    people. Returns the page count."""
    from desktop.domain import fraud_free as fraud_free_store
    from desktop.reports.fraud_free_paper import build_creation_board
    from desktop.reports.styles import LANDSCAPES

    unit = _issuing_unit(database)
    board = fraud_free_store.board(database, area_id, as_of=clock.today())
    pages = build_creation_board(
        board, out, unit=unit, area_name=_area_name(database, area_id),
        geometry=LANDSCAPES[paper], station_phone=_station(database)["station_phone"],
    )  # fmt: skip
    _log(
        database, "areas", area_id or "",
        f"fraud-free creation board, {len(board.rows)} communities ({paper})",
    )  # fmt: skip
    return pages


def print_fraud_free_trend(
    database: Database,
    out: Path | BinaryIO,
    *,
    area_id: str | None = None,
    last: date | None = None,
) -> int:
    """The fraud-free trend (无诈社区创建趋势) of the communities of ``area_id`` (None: all):
    the figures month by month over the twelve months to the month of ``last`` (default, and
    at the latest, today), the chart above them. Returns the page count."""
    from desktop.domain import fraud_free as fraud_free_store
    from desktop.domain.areas import subtree_ids
    from desktop.reports.fraud_free_paper import build_trend

    unit = _issuing_unit(database)
    end = min(last or clock.today(), clock.today())
    scope = None if area_id is None else list(subtree_ids(database, area_id))
    trend = fraud_free_store.monthly_trend(database, end, scope)
    pages = build_trend(
        trend, out, unit=unit, area_name=_area_name(database, area_id), as_of=end,
        station_phone=_station(database)["station_phone"],
    )  # fmt: skip
    _log(database, "areas", area_id or "", f"fraud-free trend to {end.isoformat()}")
    return pages


def print_assessment_sheet(
    database: Database, out: Path | BinaryIO, *, area_id: str | None = None
) -> int:
    """The assessment sheet (创建验收表) of a community as it stands today — or of each
    community of the area ``area_id`` (None: all), a page each: every criterion, its value,
    its evidence and its result, with the assessors' signature lines. Returns the page
    count."""
    from desktop.domain import fraud_free as fraud_free_store
    from desktop.reports.fraud_free_paper import build_assessment_sheets

    unit = _issuing_unit(database)
    today = clock.today()
    board = fraud_free_store.board(database, area_id, as_of=today)
    evidence = fraud_free_store.evidence_on(database, [row.area_id for row in board.rows], today)
    pages = build_assessment_sheets(
        board, evidence, out, unit=unit, station_phone=_station(database)["station_phone"]
    )
    _log(
        database, "areas", area_id or "",
        f"fraud-free assessment sheets, {len(board.rows)} communities",
    )  # fmt: skip
    return pages
