"""The text of a work briefing (工作简报), composed from the figures.

An opening sentence (现将…通报如下), then 一、工作开展情况 二、主要成效 三、存在问题 四、下步工作
as Chinese offices write them, tight enough that a county's month fits three pages (and when it
would not, ``CUTS`` leaves out, in order, what the annexes or other sentences say). Every
sentence is made from the records: the figures a section needs are in it with their 同比
(against the same days a year before) and 环比 (against the period just before: the previous
month, quarter or year, else as many days before); rankings and shares are said in words; a
figure is said once, where it belongs, not again in the opening or in 下步工作. 存在问题 comes
from what the figures show went wrong (communities no talk reached, first contacts later than
the station's limits, follow-ups not done and warnings still open — one paragraph on how
warnings were handled —, losses after a warning, a lower dissuasion rate), 下步工作 from those
problems and what is planned next; when nothing went wrong the text says so. A comparison with
nothing to compare with says that plainly (去年同期无数据, 上月为0), never a division by zero.

``read_facts`` reads what the text needs (on the worker); ``compose_issue`` writes it and
reads nothing, so the same facts always give the same words. No Qt, no reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from desktop.core import clock
from desktop.core.catalogue import (
    AREA_LEVELS,
    CAMPAIGN_KINDS,
    FRAUD_TYPES,
    WARNING_SOURCES,
    zh_name,
)
from desktop.core.figures import BY_KEY, FRAUD_FREE_FIGURES, RETURN_FIGURES, format_value
from desktop.core.formats import format_date, format_month
from desktop.db.database import Database
from desktop.domain import statistics
from desktop.domain.statistics import OutletCount, Period, RankedArea, WarningBreakdown
from desktop.reports.briefing_issue import (
    SECTIONS,
    BriefingIssue,
    Distribution,
    Paragraph,
    Section,
)

# The figures said with their 同比 and 环比 (read for the periods compared, and only those).
COMPARED = ("talks_held", "attendance", "coverage_rate", "warnings_received", "dissuaded",
            "dissuasion_rate", "money_protected", "card_sellers_new")  # fmt: skip
ALL_AREAS = "全辖区"
LEADS = "一二三四五六七八九十"
NAMES_LISTED = 3  # uncovered communities named in a sentence; more are "等N个"
OUTLETS_NAMED = 3  # outlets where most cards were opened, named as targets for talks
ONE_DECIMAL = Decimal("0.1")

# How a kind of period is named in a sentence: this one, the one before, the one after.
PERIOD_WORDS = {
    "month": ("本月", "上月", "下月"),
    "quarter": ("本季度", "上季度", "下季度"),
    "year": ("本年度", "上年", "下一年度"),
    "days": ("本期", "上期", "下一阶段"),
}
LONGEST_YEAR = 366  # a longer period has no 同比: a year back it would overlap itself

# What a shorter text leaves out, the most dispensable first, so that a body that would run
# over BODY_PAGES loses these before the officer has to cut: each but the source is said again
# elsewhere (附件1 has every figure with its definition, 附件2 the areas' ranking; the lower
# rate stands in 主要成效 with its 环比; the limits are the station's own rules).
# ``compose_issue(…, shorter=n)`` leaves out the first n.
CUTS = (
    "channels",  # 发送预警短信…、张贴宣传海报… in 反诈宣传
    "limits",  # （高、中、低等级分别为…分钟） in 下步工作
    "rate_fell",  # 存在问题's paragraph on a lower rate, unless it is the only problem
    "sources",  # 其中反诈中心平台…条 in 预警处置
    "planned",  # 另有尚未开展的计划宣传活动… in 反诈宣传
    "lost_before",  # （含预警前已转出的）: the definition of 被骗金额, in 附件1
    "leaders",  # 下辖…中，…居首 in 排名情况
    "median",  # 首次联系用时中位数 in 预警处置
    "face",  # 其中见面劝阻 in 劝阻成效
    "handouts",  # 发放宣传资料…份 in 反诈宣传
    "fraud_free_rank",  # 创建率在…中居第n名 (…居首) in 无诈社区创建: 附件6 is the ranking
    "outlets",  # 开卡较多的网点为… in 打击治理“两卡”: 附件4 lists the outlets
    "return_states",  # 其中超期未归…、失联… in 劝返工作: in 附件5's table
    "return_rank",  # 在…中居第n名 (…居首) in 劝返工作: 附件5 is the ranking
)


@dataclass(frozen=True)
class PeerRank:
    """Where the area stands among the areas beside it (全辖区11个县（区）中居第2名)."""

    rank: int
    of: int  # areas ranked
    among: str  # the area above (or 全辖区)
    level: str  # the level's Chinese name, 县（区）
    tied: bool


@dataclass(frozen=True)
class Base:
    """The figures of a period compared with, when it was recorded whole."""

    figures: dict[str, Any] | None  # None: not compared (``gap`` says why)
    gap: str = ""  # 无数据 (nothing recorded then), 数据不完整 (recording began inside it)


@dataclass(frozen=True)
class BriefingFacts:
    """What the text is made of, read from the records."""

    area_name: str  # what the briefing is of: the area, or a station's or laptop's records
    period: Period
    figures: dict[str, Any]
    previous: Base | None  # the period before (环比); None for a year (its 同比 says it)
    year_before: Base | None  # the same days a year before (同比); None past a year's length
    ranking_figure: str
    # None for everything on record, alone at its level, or of some laptops' records (a
    # station's place among the stations is not read from an area's records)
    peer: PeerRank | None
    leaders: tuple[str, ...]  # the areas below ranked first by ``ranking_figure``
    leaders_value: Any
    below_level: str  # the Chinese name of the level below (乡镇（街道）)
    uncovered: tuple[tuple[str, str], ...]  # (township, community) without a held talk
    breakdown: WarningBreakdown
    first_contact_limits: dict[str, int]  # minutes, by level (Settings)
    planned_next: int | None  # talks planned for the following period (None: it is over)
    as_of: date  # the day the zero-loss streak is counted to
    # 劝返: the county's place in the counties' ranking by 劝返率 (a county's briefing), or the
    # counties ranked first (the city's); neither for other areas or some laptops' records.
    return_peer: PeerRank | None = None
    return_leaders: tuple[str, ...] = ()
    return_leaders_value: Any = None
    # 两卡: the outlets where the period's card sellers opened most cards (警银联动's targets).
    outlets: tuple[OutletCount, ...] = ()
    # 无诈社区: the county's place by 无诈社区创建率, or the counties ranked first, as for 劝返.
    fraud_free_peer: PeerRank | None = None
    fraud_free_leaders: tuple[str, ...] = ()
    fraud_free_leaders_value: Any = None


def period_name(period: Period) -> str:
    """2026年11月, 2026年第四季度, 2026年, 2017年至2026年 (whole years), 2026年10月1日至
    2026年11月30日."""
    kind, start, end = period.kind, period.start, period.end
    if kind == "month":
        return format_month(start, chinese=True)
    if kind == "quarter":
        return f"{start.year}年第{LEADS[start.month // 3]}季度"
    if kind == "year":
        return f"{start.year}年"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}年至{end.year}年"
    first, last = (format_date(day, chinese=True) for day in (start, period.end))
    return first if period.start == period.end else f"{first}至{last}"


def _area(database: Database, area_id: str | None) -> tuple[str, Any]:
    if area_id is None:
        return ALL_AREAS, None
    row = database.execute(
        "SELECT name, level, parent_id FROM areas WHERE id = ?", (area_id,)
    ).fetchone()
    return (row["name"], row) if row else (area_id, None)


def subject_name(database: Database, area_id: str | None, laptops: tuple[str, str] | None) -> str:
    """What a briefing is of, as its title and opening name it: the area (全辖区, 凤城镇); a
    station's records by its name as stored (凤城派出所); a laptop's by its station and the
    start of its id, as the reports screen shows it (凤城派出所笔记本（8f1cb97b）); those within
    an area with the area after them (凤城派出所（凤城镇）, 凤城派出所笔记本（8f1cb97b，凤城镇）)."""
    area_name, _row = _area(database, area_id)
    if laptops is None:
        return area_name
    within = [] if area_id is None else [area_name]
    kind, value = laptops
    if kind == "station":
        return value + "".join(f"（{name}）" for name in within)
    station = dict(statistics.laptops(database)).get(value, "")
    return f"{station}笔记本（{'，'.join([value[:8], *within])}）"


def _peer_rank(
    database: Database, period: Period, area_id: str, area, figure: str
) -> PeerRank | None:
    peers = statistics.ranking(
        database, period, figure, parent_id=area["parent_id"], level=area["level"]
    )
    return _place(database, peers, area_id, area)


def returns_ranked_under(database: Database, area_id: str | None) -> str | None:
    """The area whose areas a briefing of ``area_id`` ranks by 劝返率: none (the counties) for
    the city or a county — a county stands among the others —, else ``area_id`` itself."""
    if area_id is None:
        return None
    level = database.scalar("SELECT level FROM areas WHERE id = ?", (area_id,))
    return None if level == "county" else area_id


def return_standing(
    database: Database, period: Period, area_id: str | None, devices: list[str] | None = None
) -> tuple[list[RankedArea], dict[str, dict[str, Any]]]:
    """The ranking by 劝返率 a briefing shows and each ranked area's return figures (by id):
    the counties' for the city or a county (for a month, the county ranking of
    ``statistics.monthly_return_ranking``), else the areas below ``area_id``."""
    return statistics.ranking_with_figures(
        database, period, "return_rate", [figure.key for figure in RETURN_FIGURES],
        parent_id=returns_ranked_under(database, area_id), devices=devices,
    )  # fmt: skip


def fraud_free_standing(
    database: Database, period: Period, area_id: str | None, devices: list[str] | None = None
) -> tuple[list[RankedArea], dict[str, dict[str, Any]]]:
    """The ranking by 无诈社区创建率 a briefing shows and each ranked area's fraud-free
    figures (by id): the same areas as the 劝返 ranking (``returns_ranked_under``)."""
    return statistics.ranking_with_figures(
        database, period, "fraud_free_share", [figure.key for figure in FRAUD_FREE_FIGURES],
        parent_id=returns_ranked_under(database, area_id), devices=devices,
    )  # fmt: skip


def _standing(
    database: Database, ranked: list[RankedArea], area_id: str | None, area: Any
) -> tuple[PeerRank | None, tuple[str, ...], Any]:
    """(the area's place among the counties, None for the city; the counties ranked first
    with their value, for the city only) in a county ranking."""
    if area is not None:
        return _place(database, ranked, area_id, area), (), None
    first = [item for item in ranked if item.rank == 1 and item.value]
    if len(ranked) > 1 and first:
        return None, tuple(item.name for item in first), first[0].value
    return None, (), None


def _place(
    database: Database, ranked: list[RankedArea], area_id: str, area: Any
) -> PeerRank | None:
    """Where ``area_id`` stands among the ranked areas (None: unranked, or alone)."""
    ranked = [item for item in ranked if item.rank]
    mine = next((item for item in ranked if item.area_id == area_id), None)
    if mine is None or len(ranked) < 2:
        return None
    parent_id = area["parent_id"]
    among = ALL_AREAS
    if parent_id is not None:
        among = database.scalar("SELECT name FROM areas WHERE id = ?", (parent_id,)) or among
    tied = sum(item.rank == mine.rank for item in ranked) > 1
    return PeerRank(mine.rank, len(ranked), among, AREA_LEVELS[area["level"]].zh, tied)


def read_facts(
    database: Database,
    period: Period,
    area_id: str | None = None,
    *,
    ranking_figure: str = "dissuaded",
    figures: dict[str, Any] | None = None,
    ranking: list[tuple[int, str, Any]] | None = None,
    today: date | None = None,
    laptops: tuple[str, str] | None = None,
    returns_ranked: list[RankedArea] | None = None,
    outlets: list[OutletCount] | None = None,
    fraud_free_ranked: list[RankedArea] | None = None,
    breakdown: WarningBreakdown | None = None,
) -> BriefingFacts:
    """Everything the text says, for the period and area (None: everything on record), of the
    records entered on ``laptops`` (("station", NAME) or ("device", ID); None: on any laptop).
    ``figures`` and ``ranking`` (of the areas below by ``ranking_figure``: rank, name, value)
    are read again unless the caller has them already (the briefing's annexes), as are
    ``returns_ranked`` (``return_standing``), ``outlets`` (``statistics.outlets_by_cards``)
    ``fraud_free_ranked`` (``fraud_free_standing``) and ``breakdown``
    (``statistics.warning_breakdown``: the text names the limits it was counted with)."""
    today = today or clock.today()
    _area_name, area = _area(database, area_id)
    devices = statistics.chosen_devices(database, laptops)
    if figures is None:
        figures = statistics.compute_figures(
            database, period, area_id, today=today, devices=devices
        )
    if ranking is None:
        ranking = [
            (item.rank, item.name, item.value)
            for item in statistics.ranking(
                database, period, ranking_figure, parent_id=area_id, devices=devices
            )
        ]
    # The laptops' own first record: a station that began later has nothing to compare before.
    begin = statistics.records_begin(database, devices)

    def compared(base: Period) -> Base:
        # A period partly before the first record would compare a few days with a whole
        # period (上升8600%): it is not compared, and the text says why.
        if begin is None or base.end < begin:
            return Base(None, "无数据")
        if base.start < begin:
            return Base(None, "数据不完整")
        figures = statistics.compute_figures(
            database, base, area_id, only=COMPARED, today=today, devices=devices
        )
        return Base(figures)

    year_before = compared(period.year_before()) if period.days <= LONGEST_YEAR else None
    # A year's period before is the year before: its 同比 says it.
    previous = None if period.kind == "year" else compared(period.previous())
    firsts = [(name, value) for rank, name, value in ranking if rank == 1]
    leaders = tuple(name for name, _value in firsts) if len(ranking) > 1 else ()
    below = "county" if area is None else {"county": "township"}.get(area["level"], "community")
    following = period.following()
    planned_next = None
    if following.end >= today:
        planned_next = statistics.compute_figures(
            database, following, area_id, only=["talks_planned"], today=today, devices=devices
        )["talks_planned"]
    if breakdown is None:
        breakdown = statistics.warning_breakdown(database, period, area_id, devices=devices)
    peer = None
    return_standings: tuple[PeerRank | None, tuple[str, ...], Any] = (None, (), None)
    fraud_free_standings = return_standings
    if area is not None and laptops is None:
        peer = _peer_rank(database, period, area_id, area, ranking_figure)
    # A place among the counties by 劝返率 and by 无诈社区创建率: the county's own, or the
    # leaders for the city.
    if laptops is None and (area is None or area["level"] == "county"):
        if returns_ranked is None:
            returns_ranked, _figures = return_standing(database, period, area_id)
        return_standings = _standing(database, returns_ranked, area_id, area)
        if fraud_free_ranked is None:
            fraud_free_ranked, _figures = fraud_free_standing(database, period, area_id)
        fraud_free_standings = _standing(database, fraud_free_ranked, area_id, area)
    if outlets is None:
        outlets = statistics.outlets_by_cards(database, period, area_id, devices=devices)
    return BriefingFacts(
        area_name=subject_name(database, area_id, laptops),
        period=period,
        figures=figures,
        previous=previous,
        year_before=year_before,
        ranking_figure=ranking_figure,
        peer=peer,
        leaders=leaders,
        leaders_value=firsts[0][1] if firsts else None,
        below_level=AREA_LEVELS[below].zh,
        uncovered=tuple(statistics.uncovered_communities(database, period, area_id, devices)),
        breakdown=breakdown,
        first_contact_limits=breakdown.first_contact_limits,
        planned_next=planned_next,
        as_of=min(period.end, today),
        return_peer=return_standings[0],
        return_leaders=return_standings[1],
        return_leaders_value=return_standings[2],
        outlets=tuple(outlets[:OUTLETS_NAMED]),
        fraud_free_peer=fraud_free_standings[0],
        fraud_free_leaders=fraud_free_standings[1],
        fraud_free_leaders_value=fraud_free_standings[2],
    )


# -- words -------------------------------------------------------------------------------------


def _decimal(value: float | int) -> Decimal:
    return Decimal(str(value))


def percent_change(now: float | int, base: float | int) -> Decimal:
    """(now − base) ÷ base in per cent, one decimal rounded half up; ``base`` is not 0."""
    change = (_decimal(now) - _decimal(base)) * 100 / _decimal(base)
    return change.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def share(part: float | int, whole: float | int) -> str:
    """占 35.2%: ``part`` of ``whole`` (not 0) in per cent, one decimal."""
    value = (_decimal(part) * 100 / _decimal(whole)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
    return f"{value}%"


def change_words(
    label: str, now: float | int, base: float | int | None, base_name: str, *, points: bool
) -> str:
    """同比上升12.5%, 环比下降3.0%, 环比持平; for a rate 同比提高2.3个百分点; a base of 0 or
    none is said as it is (去年同期为0, 上月无可比数据)."""
    if base is None:
        return f"{base_name}无可比数据"
    if points:
        difference = _decimal(now) - _decimal(base)
        if difference == 0:
            return f"{label}持平"
        return f"{label}{'提高' if difference > 0 else '降低'}{abs(difference):.1f}个百分点"
    if base == 0:
        return f"{label}持平" if now == 0 else f"{base_name}为0"
    change = percent_change(now, base)
    if change == 0:
        return f"{label}持平"
    return f"{label}{'上升' if change > 0 else '下降'}{abs(change)}%"


class _Writer:
    """The sentences of one issue, from its facts."""

    def __init__(self, facts: BriefingFacts, shorter: int = 0) -> None:
        self.facts = facts
        self.cut = frozenset(CUTS[:shorter])
        self.f = facts.figures
        self.this, self.before, self.next = PERIOD_WORDS[facts.period.kind]
        # (label, the period compared with, how that period is named)
        self.bases: list[tuple[str, Base, str]] = []
        if facts.year_before is not None:
            self.bases.append(("同比", facts.year_before, "去年同期"))
        if facts.previous is not None:
            self.bases.append(("环比", facts.previous, self.before))

    def value(self, key: str) -> str:
        return format_value(BY_KEY[key], self.f[key])

    def compared(self, key: str) -> str:
        """The figure's 同比 and 环比, joined (empty when the figure has no value)."""
        now = self.f.get(key)
        if now is None:
            return ""
        points = BY_KEY[key].unit == "percent"
        return "，".join(
            change_words(label, now, base.figures.get(key), base_name, points=points)
            for label, base, base_name in self.bases
            if base.figures is not None  # the opening says why it is not compared
        )

    def with_change(self, words: str, key: str) -> str:
        """``words`` (naming the figure's value) followed by its comparisons."""
        changes = self.compared(key)
        return f"{words}，{changes}" if changes else words

    @property
    def empty(self) -> bool:
        f = self.f
        return not any(
            f.get(key)
            for key in ("talks_held", "talks_planned", "talks_cancelled", "warnings_received",
                        "follow_ups_due", *(f"campaign_{kind}" for kind in CAMPAIGN_KINDS))
        )  # fmt: skip

    # -- the opening ---------------------------------------------------------------------------
    def opening(self) -> list[Paragraph]:
        facts = self.facts
        period = period_name(facts.period)
        if self.empty:
            return [
                Paragraph(
                    f"{period}，{facts.area_name}未登记反诈宣传活动、宣传投放、预警处置和回访记录。"
                )
            ]
        # One sentence: the sections give the figures. A period compared with had nothing
        # recorded (the program came later): said once here, rather than after every figure.
        missing = "；".join(
            f"{base_name}{base.gap}，不作{label}"
            for label, base, base_name in self.bases
            if base.figures is None
        )
        notice = f"（{missing}）" if missing else ""
        return [Paragraph(f"现将{period}{facts.area_name}反诈工作情况通报如下{notice}。")]

    # -- 一、工作开展情况 ------------------------------------------------------------------------
    def work(self) -> list[tuple[str, str]]:
        f = self.f
        found: list[tuple[str, str]] = []
        if f["talks_held"]:
            talk = self.with_change(f"{self.this}共开展反诈宣传活动{self.value('talks_held')}",
                                    "talks_held")  # fmt: skip
            if f["large_talks"]:
                talk += f"，其中千人以上宣传活动{self.value('large_talks')}"
            if f["attendance"]:
                talk += "；" + self.with_change(
                    f"受教育群众{self.value('attendance')}", "attendance"
                )
            if f["handouts_given"] and "handouts" not in self.cut:
                talk += f"，发放宣传资料{self.value('handouts_given')}"
            talk += "。"
        else:
            talk = f"{self.this}未登记已开展的反诈宣传活动。"
        if (f["talks_planned"] or f["talks_cancelled"]) and "planned" not in self.cut:
            other = []
            if f["talks_planned"]:
                other.append(f"尚未开展的计划宣传活动{self.value('talks_planned')}")
            if f["talks_cancelled"]:
                other.append(f"取消{self.value('talks_cancelled')}")
            talk += "另有" + "，".join(other) + "。"
        if f["communities_covered"]:
            # The communities' total is said in 存在问题 when some were not reached.
            talk += self.with_change(
                f"宣传覆盖{f['communities_covered']:,}个村（社区），"
                f"覆盖率{self.value('coverage_rate')}",
                "coverage_rate",
            )
            talk += "。"
        sent = [
            f"{BY_KEY[key].name_zh}{self.value(key)}"
            for key in (f"campaign_{kind}" for kind in CAMPAIGN_KINDS)
            if f[key]
        ]
        if sent and "channels" not in self.cut:
            talk += "、".join(sent) + "。"
        found.append(("反诈宣传", talk))
        if f["warnings_received"]:
            warn = self.with_change(
                f"{self.this}接收预警{self.value('warnings_received')}", "warnings_received"
            )
            if "sources" not in self.cut:
                source, count = max(f["warnings_by_source"].items(), key=lambda item: item[1])
                warn += (
                    f"，其中{WARNING_SOURCES[source].zh}{count:,}条，"
                    f"占{share(count, f['warnings_received'])}"
                )
            warn += f"；开展联系处置{self.value('contact_attempts')}"
            if f["first_contact_median"] is not None and "median" not in self.cut:
                warn += f"，首次联系用时中位数{self.value('first_contact_median')}"
            warn += "。"
        else:
            warn = f"{self.this}未接收预警。"
        due, done = f["follow_ups_due"], f["follow_ups_done"]
        if due and done == due:
            warn += f"到期回访{self.value('follow_ups_due')}，已全部完成。"
        elif due:
            warn += (
                f"到期回访{self.value('follow_ups_due')}，完成{done:,}条，"
                f"完成率{self.value('follow_up_completion')}。"
            )
        found.append(("预警处置", warn))
        # In the order of their annexes (附件4 两卡, 附件5 劝返, 附件6 无诈社区).
        found.append(("打击治理“两卡”", self.cards()))
        found.append(("劝返工作", self.returns()))
        found.append(("无诈社区创建", self.fraud_free()))
        return found

    def fraud_free(self) -> str:
        """已授牌无诈社区 and their share of the communities (with the county's place among
        the counties, or the city's leaders); the households visited door to door, the
        visits' coverage and the app's installation rate."""
        facts, f = self.facts, self.f
        if not (f.get("fraud_free_communities") or f.get("households_visited")):
            return f"{self.this}辖区无已授牌的无诈社区，无入户走访记录。"
        text = f"已授牌无诈社区{self.value('fraud_free_communities')}"
        if f["fraud_free_share"] is not None:
            text += f"，占村（社区）总数的{self.value('fraud_free_share')}"
            if facts.fraud_free_peer is not None and "fraud_free_rank" not in self.cut:
                peer = facts.fraud_free_peer
                text += (
                    f"，创建率在{peer.among}{peer.of:,}个{peer.level}中"
                    f"{'并列' if peer.tied else '居'}第{peer.rank}名"
                )
        text += f"；{self.this}入户走访{self.value('households_visited')}"
        if f["visit_coverage"] is not None:
            text += f"，走访覆盖率{self.value('visit_coverage')}"
        if f["app_installation_rate"] is not None:
            text += f"，反诈App安装率{self.value('app_installation_rate')}"
        text += "。"
        if facts.fraud_free_leaders and "fraud_free_rank" not in self.cut:
            share = BY_KEY["fraud_free_share"]
            text += (
                f"各{AREA_LEVELS['county'].zh}中，{'、'.join(facts.fraud_free_leaders)}"
                f"无诈社区创建率居首（{format_value(share, facts.fraud_free_leaders_value)}）。"
            )
        return text

    def returns(self) -> str:
        """在册 (with those past the deadline and out of touch), 新增, 已回国, 销账, 劝返率 and
        its definition; the county's place among the counties (the city's leaders)."""
        facts, f = self.facts, self.f
        if not any(f.get(key) for key in ("returns_on_ledger", "returns_added",
                                          "returns_returned", "returns_closed")):  # fmt: skip
            return f"{self.this}辖区无在册劝返对象，无新增、回国和销账。"
        text = f"在册滞留境外涉诈人员（按户籍地）{self.value('returns_on_ledger')}"
        if f["returns_on_ledger"] and "return_states" not in self.cut:
            text += (
                f"，其中超期未归{self.value('returns_overdue')}、"
                f"失联{self.value('returns_out_of_touch')}"
            )
        text += (
            f"；{self.this}新增{self.value('returns_added')}，"
            f"已回国{self.value('returns_returned')}，销账{self.value('returns_closed')}"
        )
        if f["return_rate"] is not None:
            # 劝返率 is reckoned differently from place to place: its basis goes with it.
            basis = BY_KEY["return_rate"].definition_zh.rstrip("。").replace(" ", "")
            text += f"，劝返率{self.value('return_rate')}（{basis}）"
            if facts.return_peer is not None and "return_rank" not in self.cut:
                peer = facts.return_peer
                text += (
                    f"，在{peer.among}{peer.of:,}个{peer.level}中"
                    f"{'并列' if peer.tied else '居'}第{peer.rank}名"
                )
        text += "。"
        if facts.return_leaders and "return_rank" not in self.cut:
            rate = BY_KEY["return_rate"]
            text += (
                f"各{AREA_LEVELS['county'].zh}中，{'、'.join(facts.return_leaders)}劝返率居首"
                f"（{format_value(rate, facts.return_leaders_value)}）。"
            )
        return text

    def cards(self) -> str:
        """新增涉“两卡”人员 with its 同比 and 环比 (a figure that should fall), opened locally,
        约谈率, 惩戒 and 移交; the outlets where most cards were opened, as targets for talks."""
        f = self.f
        key = "card_sellers_new"
        before = any(base.figures and base.figures.get(key) for _l, base, _n in self.bases)
        if not (f[key] or f["card_sellers_restricted"] or f["card_sellers_handed_over"]
                or before):  # fmt: skip
            return f"{self.this}无新增涉“两卡”人员，无惩戒和移交打击记录。"
        text = self.with_change(f"{self.this}新增涉“两卡”人员{self.value(key)}", key)
        if f[key]:
            text += f"，其中本地开户{self.value('card_sellers_local')}"
        if f["card_interview_rate"] is not None:
            text += f"，约谈率{self.value('card_interview_rate')}"
        text += (
            f"；惩戒{self.value('card_sellers_restricted')}，"
            f"移交打击{self.value('card_sellers_handed_over')}。"
        )
        if self.facts.outlets and "outlets" not in self.cut:
            named = "、".join(f"{outlet.outlet}（{outlet.cards:,}张）"
                             for outlet in self.facts.outlets)  # fmt: skip
            most = "开卡较多的网点" if any(o.cards > 1 for o in self.facts.outlets) else "开卡网点"
            text += f"{most}为{named}，列为警银联动约谈重点。"
        return text

    # -- 二、主要成效 ----------------------------------------------------------------------------
    def results(self) -> list[tuple[str, str]]:
        facts, f = self.facts, self.f
        found: list[tuple[str, str]] = []
        if not f["warnings_received"]:
            found.append(("", f"{self.this}未接收预警，无劝阻和资金保护成效可统计。"))
        else:
            text = self.with_change(f"成功劝阻{self.value('dissuaded')}", "dissuaded")
            if f["face_to_face_dissuasions"] and "face" not in self.cut:
                text += f"，其中见面劝阻{self.value('face_to_face_dissuasions')}"
            if f["dissuasion_rate"] is not None:
                text += "；" + self.with_change(
                    f"劝阻成功率{self.value('dissuasion_rate')}", "dissuasion_rate"
                )
            found.append(("劝阻成效", text + "。"))
        if f["money_protected"] or f["money_stopped"] or f["bank_intercepts"]:
            text = self.with_change(
                f"避免群众损失{self.value('money_protected')}", "money_protected"
            )
            if f["money_stopped"]:
                text += f"；紧急止付{self.value('money_stopped')}"
            if f["bank_intercepts"]:
                text += (
                    f"；警银联动拦截{self.value('bank_intercepts')}，挽回资金"
                    f"{self.value('bank_saved')}"
                )
                if f["money_protected"]:
                    text += f"，占{share(f['bank_saved'], f['money_protected'])}"
            found.append(("资金保护", text + "。"))
        if not f["defrauded_after_warning"] and f.get("zero_loss_streak"):
            streak = (
                f"截至{format_date(facts.as_of, chinese=True)}，已连续"
                f"{self.value('zero_loss_streak')}实现预警后零被骗。"
            )
            if found and found[-1][0] == "资金保护":
                found[-1] = ("资金保护", found[-1][1] + streak)
            else:
                found.append(("预警后零被骗", streak))
        ranks = []
        figure = BY_KEY[facts.ranking_figure]
        if facts.peer is not None and f.get(facts.ranking_figure) is not None:
            peer = facts.peer
            ranks.append(
                f"{figure.name_zh}{self.value(facts.ranking_figure)}，"
                f"在{peer.among}{peer.of:,}个{peer.level}中{'并列' if peer.tied else '居'}"
                f"第{peer.rank}名"
            )
        if facts.leaders and facts.leaders_value and ("leaders" not in self.cut or not ranks):
            named = "" if ranks else figure.name_zh  # else the clause before names it
            ranks.append(
                f"下辖{facts.below_level}中，{'、'.join(facts.leaders)}{named}"
                f"居首（{format_value(figure, facts.leaders_value)}）"
            )
        if ranks:
            found.append(("排名情况", "；".join(ranks) + "。"))
        return found

    # -- 三、存在问题 and 四、下步工作 ------------------------------------------------------------
    def _names(self) -> str:
        """凤城镇金牙社区; 甲、乙、丙等29个 when more than NAMES_LISTED; a township named once
        for the communities after it (凤城镇金牙社区、坡心村)."""
        names = self.facts.uncovered
        said, before = [], None
        for township, community in names[:NAMES_LISTED]:
            said.append(community if township == before else township + community)
            before = township
        listed = "、".join(said)
        return listed + (f"等{len(names):,}个" if len(names) > NAMES_LISTED else "")

    def problems_and_steps(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        facts, f = self.facts, self.f
        problems: list[tuple[str, str]] = []
        steps: list[tuple[str, str]] = []
        uncovered = len(facts.uncovered)
        if uncovered:
            total = f["communities_total"]
            if uncovered == total:
                text = f"辖区{total:,}个村（社区）{self.this}均未开展宣传活动。"
            else:
                text = f"辖区{total:,}个村（社区）中，{self._names()}{self.this}未开展宣传活动。"
            problems.append(("宣传覆盖仍有空白", text))
            # Which ones and how many is said in 存在问题 just above.
            steps.append(("补齐宣传空白", f"{self.next}优先覆盖上述村（社区）。"))
        elif not f["communities_total"]:
            steps.append(
                (
                    "完善辖区信息",
                    "辖区尚未登记村（社区），应先在“辖区”中补录，以便统计宣传覆盖情况。",
                )
            )
        # How warnings were handled: one paragraph of what fell short, one of what to do.
        handling: list[tuple[str, str]] = []
        remedies: list[tuple[str, str]] = []
        late = facts.breakdown.late_first_contacts
        if late:
            handling.append(
                (
                    "预警响应不够及时",
                    f"{late:,}条预警首次联系超过规定时限，占有联系记录预警的"
                    f"{share(late, facts.breakdown.contacted)}",
                )
            )
            limits = facts.first_contact_limits
            said = "" if "limits" in self.cut else (
                f"（高、中、低等级分别为{limits['high']:,}、"
                f"{limits['medium']:,}、{limits['low']:,}分钟）"
            )  # fmt: skip
            remedies.append(("提高预警响应速度", f"严格执行首次联系时限{said}，对超时预警逐条复盘"))
        undone = f["follow_ups_due"] - f["follow_ups_done"] if f["follow_ups_due"] else 0
        if undone:
            handling.append(("回访落实不到位", f"到期回访中尚有{undone:,}条未完成"))
            remedies.append(("抓好回访落实", "对未完成的回访尽快补访"))
        if f["warnings_open"]:
            handling.append(
                ("部分预警尚未办结", f"接收的预警中尚有{self.value('warnings_open')}未结案")
            )
            remedies.append(("加快预警办结", "对尚未结案的预警跟踪处置"))
        if handling:
            problems.append(_merged(handling, "预警处置仍有短板", "；"))
            steps.append(_merged(remedies, "提高预警处置质效", "；"))
        # What the dissuasions came to: a loss after a warning, a lower rate.
        shortfalls: list[str] = []
        if f["defrauded_after_warning"]:
            problems.append(
                (
                    "预警后被骗仍有发生",
                    f"{self.this}发生预警后被骗{self.value('defrauded_after_warning')}；"
                    f"接收预警登记的群众被骗金额共{self.value('money_lost')}"
                    f"{'' if 'lost_before' in self.cut else '（含预警前已转出的）'}。",
                )
            )
            shortfalls.append("对预警后被骗案件逐案倒查劝阻过程")
        label, base, base_name = self.bases[-1]  # 环比, or a year's 同比
        now = f["dissuasion_rate"]
        then = None if base.figures is None else base.figures.get("dissuasion_rate")
        if now is not None and then is not None and now < then:
            # The rate itself is in 主要成效.
            if "rate_fell" not in self.cut or not problems:  # never "no problem found"
                fell = change_words(label, now, then, base_name, points=True)
                problems.append(("劝阻成功率有所下降", f"{fell}。"))
            shortfalls.append("逐条研判劝阻未成功的预警")
        if shortfalls:
            steps.append(("提升劝阻成效", "，".join(shortfalls) + "。"))
        if not problems:
            checked = "宣传覆盖、预警响应时限、预警后被骗、回访和预警办结情况"
            problems.append(("", f"对照{checked}，{self.this}未发现突出问题。"))
        typed = {code: n for code, n in facts.breakdown.by_fraud_type.items() if code}
        planned = f"已安排宣传活动{facts.planned_next:,}场" if facts.planned_next else ""
        if typed:
            code, count = max(typed.items(), key=lambda item: item[1])
            steps.append(
                (
                    "开展精准宣传",
                    f"{self.next}{planned + '，' if planned else ''}重点宣传防范预警最多的"
                    f"“{zh_name(FRAUD_TYPES, code)}”类诈骗"
                    f"（{count:,}条，占{share(count, f['warnings_received'])}）。",
                )
            )
        elif planned:
            steps.append(("按计划推进宣传", f"{self.next}{planned}，按计划组织实施并及时登记。"))
        if not steps:
            steps.append(
                (
                    "保持工作力度",
                    f"巩固{self.this}宣传覆盖率{self.value('coverage_rate')}的成果，"
                    f"{self.next}继续按计划开展宣传和预警劝阻。",
                )
            )
        return problems, steps


def _merged(found: list[tuple[str, str]], lead: str, joiner: str) -> tuple[str, str]:
    """One paragraph of ``found`` (leads, clauses): its own lead when it is one clause, else
    ``lead`` over the clauses joined."""
    if len(found) == 1:
        [(lead, text)] = found
        return lead, text + "。"
    return lead, joiner.join(text for _lead, text in found) + "。"


def _paragraphs(found: list[tuple[str, str]]) -> tuple[Paragraph, ...]:
    """Numbered leads （一）（二）… for the paragraphs that have one."""
    paragraphs, numbered = [], 0
    for lead, text in found:
        if lead:
            paragraphs.append(Paragraph(text, lead=f"（{LEADS[numbered]}）{lead}。"))
            numbered += 1
        else:
            paragraphs.append(Paragraph(text))
    return tuple(paragraphs)


def compose_title(facts: BriefingFacts) -> str:
    return f"{facts.area_name}{period_name(facts.period)}反诈工作情况"


def compose_sections(facts: BriefingFacts, shorter: int = 0) -> tuple[Section, ...]:
    """The opening, then SECTIONS in order, from the facts, without the first ``shorter`` of
    CUTS."""
    writer = _Writer(facts, shorter)
    problems, steps = writer.problems_and_steps()
    found = {"work": writer.work(), "results": writer.results(), "problems": problems,
             "next": steps}  # fmt: skip
    return (Section("opening", "", tuple(writer.opening())),) + tuple(
        Section(key, heading, _paragraphs(found[key])) for key, heading in SECTIONS
    )


def compose_issue(
    facts: BriefingFacts,
    *,
    name: str,
    unit: str,
    year: int,
    number: int,
    issued_on: date,
    distribution: Distribution | None = None,
    annex_titles: tuple[str, ...] = (),
    shorter: int = 0,
) -> BriefingIssue:
    """The issue's text from the facts, with its header block and distribution as given;
    ``shorter``: how many of CUTS it leaves out."""
    return BriefingIssue(
        name=name,
        year=year,
        number=number,
        unit=unit,
        issued_on=issued_on,
        title=compose_title(facts),
        sections=compose_sections(facts, shorter),
        annex_titles=annex_titles,
        distribution=distribution or Distribution(),
    )
