"""The figures officers are judged by, each with one written definition.

The screen, the briefing PDF, the Excel export and ``stats --json`` all read their names,
units and definitions from here, so a figure means the same thing wherever it appears. The
keys are the stable JSON keys of ``stats --json``.

Which records count: talks by the day they start; warnings by the day they were received (and
what became of them, as recorded when the report is made); campaigns by their date;
follow-ups by the day they fall due; persons abroad by the days of their path (listed,
returned, closed off); card sellers by the day they were listed (restrictions and
hand-overs by the day of that step). An area counts what belongs to it and everything
below it (a talk's area, a warning's resident's community, a person abroad's place of
household registration).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.formats import FEN_PER_WAN, format_minutes_said, format_money_fen

LARGE_TALK_ATTENDANCE = 1000  # 千人以上宣讲: a "large talk" as briefings count them apart


@dataclass(frozen=True)
class Figure:
    key: str
    # talks | campaigns | warnings | money | follow_up | returns | card_sellers | fraud_free
    group: str
    unit: str  # count | people (人次) | persons (人) | percent | minutes | wan_yuan | days
    name: str  # English, translated on screen
    name_zh: str  # printed
    definition: str  # English, translated on screen
    definition_zh: str  # printed
    # Rankings put the smallest value first (a figure that should fall, as 新增涉两卡人员).
    fewer_is_better: bool = False


def _figure(
    key, group, unit, name, name_zh, definition, definition_zh, *, fewer_is_better=False
) -> Figure:
    return Figure(key, group, unit, name, name_zh, definition, definition_zh, fewer_is_better)


FIGURES: tuple[Figure, ...] = (
    _figure("talks_held", "talks", "count",
            QT_TRANSLATE_NOOP("Figures", "Talks held"), "开展宣传活动",
            QT_TRANSLATE_NOOP("Figures", "Talks starting in the period and recorded as done."),
            "期内开始且已登记为“已完成”的宣传活动场次。"),
    _figure("talks_planned", "talks", "count",
            QT_TRANSLATE_NOOP("Figures", "Talks planned"), "计划宣传活动",
            QT_TRANSLATE_NOOP("Figures", "Talks starting in the period that are planned, "
                              "confirmed or postponed (not yet held)."),
            "期内开始、状态为计划、已确认或已延期（尚未开展）的场次。"),
    _figure("talks_cancelled", "talks", "count",
            QT_TRANSLATE_NOOP("Figures", "Talks cancelled"), "取消宣传活动",
            QT_TRANSLATE_NOOP("Figures", "Talks starting in the period that were cancelled; "
                              "they are not held talks."),
            "期内开始、已取消的场次，不计入已开展场次。"),
    _figure("large_talks", "talks", "count",
            QT_TRANSLATE_NOOP("Figures", "Large talks (1,000+)"), "千人以上宣传活动",
            QT_TRANSLATE_NOOP("Figures", "Held talks with 1,000 or more people recorded."),
            "已开展且登记参加人数在1000人及以上的场次。"),
    _figure("attendance", "talks", "people",
            QT_TRANSLATE_NOOP("Figures", "Attendance"), "受教育群众",
            QT_TRANSLATE_NOOP("Figures", "People recorded at held talks, added up (a resident at two talks counts "
                              "twice)."),
            "已开展活动登记的参加人数之和（人次）。"),
    _figure("handouts_given", "talks", "count",
            QT_TRANSLATE_NOOP("Figures", "Handouts given"), "发放宣传资料",
            QT_TRANSLATE_NOOP("Figures", "Handouts recorded as given at held talks."),
            "已开展活动登记的宣传资料发放份数之和。"),
    _figure("coverage_rate", "talks", "percent",
            QT_TRANSLATE_NOOP("Figures", "Coverage of communities"), "村（社区）覆盖率",
            QT_TRANSLATE_NOOP("Figures", "Communities and villages with at least one held talk "
                              "in the period, divided by all communities and villages of the "
                              "area."),
            "期内至少开展过一场宣传活动的村（社区）数 ÷ 辖区村（社区）总数。"),
    _figure("campaign_sms", "campaigns", "count",
            QT_TRANSLATE_NOOP("Figures", "Warning text messages sent"), "发送预警短信",
            QT_TRANSLATE_NOOP("Figures", "Text messages entered on the Campaigns screen for "
                              "days in the period."),
            "“宣传投放”中登记的期内短信条数之和。"),
    _figure("campaign_calls", "campaigns", "count",
            QT_TRANSLATE_NOOP("Figures", "Warning calls made"), "拨打预警电话",
            QT_TRANSLATE_NOOP("Figures", "Warning calls entered on the Campaigns screen for days "
                              "in the period."),
            "“宣传投放”中登记的期内预警电话次数之和。"),
    _figure("campaign_posters", "campaigns", "count",
            QT_TRANSLATE_NOOP("Figures", "Posters put up"), "张贴宣传海报",
            QT_TRANSLATE_NOOP("Figures", "Posters entered on the Campaigns screen for days in the "
                              "period."),
            "“宣传投放”中登记的期内张贴海报数之和。"),
    _figure("campaign_wechat", "campaigns", "count",
            QT_TRANSLATE_NOOP("Figures", "WeChat posts"), "微信推送",
            QT_TRANSLATE_NOOP("Figures", "WeChat posts entered on the Campaigns screen for days "
                              "in the period."),
            "“宣传投放”中登记的期内微信推送条数之和。"),
    _figure("warnings_received", "warnings", "count",
            QT_TRANSLATE_NOOP("Figures", "Warnings received"), "接收预警",
            QT_TRANSLATE_NOOP("Figures", "Warnings received in the period, from every source "
                              "and of every level."),
            "期内接收的全部预警（各来源、各等级）。"),
    _figure("warnings_open", "warnings", "count",
            QT_TRANSLATE_NOOP("Figures", "Still open"), "尚未办结",
            QT_TRANSLATE_NOOP("Figures", "Of the warnings received in the period, those not "
                              "closed yet."),
            "期内接收的预警中尚未结案的条数。"),
    _figure("contact_attempts", "warnings", "count",
            QT_TRANSLATE_NOOP("Figures", "Contact attempts"), "联系处置次数",
            QT_TRANSLATE_NOOP("Figures", "Calls, visits, texts and contacts with family or bank "
                              "recorded for the warnings received in the period."),
            "期内接收预警所登记的电话、上门、短信、联系家属和银行次数之和。"),
    _figure("dissuaded", "warnings", "people",
            QT_TRANSLATE_NOOP("Figures", "Dissuaded"), "成功劝阻",
            QT_TRANSLATE_NOOP("Figures", "Warnings received in the period and closed as "
                              "dissuaded, one per warning (a resident warned twice counts twice)."),
            "期内接收且以“劝阻成功”结案的预警（人次）。"),
    _figure("face_to_face_dissuasions", "warnings", "people",
            QT_TRANSLATE_NOOP("Figures", "Dissuaded face to face"), "见面劝阻",
            QT_TRANSLATE_NOOP("Figures", "Dissuaded warnings in which an officer met the "
                              "resident in person, one per warning."),
            "“劝阻成功”的预警中，民警与当事人当面见到的（人次）。"),
    _figure("dissuasion_rate", "warnings", "percent",
            QT_TRANSLATE_NOOP("Figures", "Dissuasion success rate"), "劝阻成功率",
            QT_TRANSLATE_NOOP("Figures", "Dissuaded, divided by the warnings received in the "
                              "period and closed with any outcome other than false alarm."),
            "成功劝阻数 ÷ 期内接收且已结案（不含误报）的预警数。"),
    _figure("first_contact_median", "warnings", "minutes",
            QT_TRANSLATE_NOOP("Figures", "Time to first contact (median)"), "首次联系用时（中位数）",
            QT_TRANSLATE_NOOP("Figures", "Minutes from receipt to the first attempt, median over "
                              "the warnings received in the period that had one."),
            "从接收预警到第一次联系的分钟数，取期内有联系记录的预警的中位数。"),
    _figure("first_contact_p90", "warnings", "minutes",
            QT_TRANSLATE_NOOP("Figures", "Time to first contact (90%)"), "首次联系用时（90%）",
            QT_TRANSLATE_NOOP("Figures", "Minutes within which nine in ten of those warnings "
                              "had their first attempt."),
            "九成预警在此分钟数之内完成第一次联系。"),
    _figure("first_visit_median", "warnings", "minutes",
            QT_TRANSLATE_NOOP("Figures", "Time to meeting in person (median)"), "见面用时（中位数）",
            QT_TRANSLATE_NOOP("Figures", "Minutes from receipt to the first meeting in person, "
                              "median over the warnings received in the period that had one."),
            "从接收预警到民警与当事人当面见到的分钟数，取中位数。"),
    _figure("first_visit_p90", "warnings", "minutes",
            QT_TRANSLATE_NOOP("Figures", "Time to meeting in person (90%)"), "见面用时（90%）",
            QT_TRANSLATE_NOOP("Figures", "Minutes within which nine in ten of those warnings "
                              "had their first meeting in person."),
            "九成见面劝阻在此分钟数之内完成。"),
    _figure("money_protected", "money", "wan_yuan",
            QT_TRANSLATE_NOOP("Figures", "Money protected"), "避免群众损失",
            QT_TRANSLATE_NOOP("Figures", "Amounts protected recorded on the warnings received in "
                              "the period."),
            "期内接收预警登记的保护资金之和（万元）。"),
    _figure("money_lost", "money", "wan_yuan",
            QT_TRANSLATE_NOOP("Figures", "Money lost"), "群众被骗金额",
            QT_TRANSLATE_NOOP("Figures", "Amounts lost recorded on the warnings received in the "
                              "period, including losses before the warning."),
            "期内接收预警登记的被骗金额之和，含预警前已转出的（万元）。"),
    _figure("money_stopped", "money", "wan_yuan",
            QT_TRANSLATE_NOOP("Figures", "Money stopped"), "紧急止付金额",
            QT_TRANSLATE_NOOP("Figures", "Stop-payment amounts recorded on the warnings received "
                              "in the period."),
            "期内接收预警登记的止付金额之和（万元）。"),
    _figure("bank_intercepts", "money", "count",
            QT_TRANSLATE_NOOP("Figures", "Bank outlet interceptions"), "银行网点拦截",
            QT_TRANSLATE_NOOP("Figures", "Warnings from bank outlets received in the period and "
                              "closed as dissuaded (police and bank working together)."),
            "来源为银行网点、期内接收且劝阻成功的预警（警银联动）。"),
    _figure("bank_saved", "money", "wan_yuan",
            QT_TRANSLATE_NOOP("Figures", "Saved through banks"), "银行网点挽回资金",
            QT_TRANSLATE_NOOP("Figures", "Money protected on those bank interceptions."),
            "上述银行网点拦截案件登记的保护资金之和（万元）。"),
    _figure("defrauded_after_warning", "warnings", "count",
            QT_TRANSLATE_NOOP("Figures", "Defrauded after warning"), "预警后被骗",
            QT_TRANSLATE_NOOP("Figures", "Warnings received in the period closed as defrauded "
                              "whose money left after the warning arrived."),
            "期内接收、以“已被骗”结案且资金在收到预警之后转出的预警。"),
    _figure("zero_loss_streak", "warnings", "days",
            QT_TRANSLATE_NOOP("Figures", "Zero-loss streak"), "连续预警后零被骗",
            QT_TRANSLATE_NOOP("Figures", "Whole days from the last loss by a warned resident "
                              "(after the warning arrived) to the last day of the period; "
                              "without such a loss, from the first warning on record."),
            "从最近一次“预警后被骗”（资金在预警之后转出）之日到统计期末的整天数；"
            "从未发生的，自第一条预警之日起算。"),
    _figure("high_risk_residents", "warnings", "persons",
            QT_TRANSLATE_NOOP("Figures", "High-risk residents"), "高危人员",
            QT_TRANSLATE_NOOP("Figures", "Residents of the area tagged high-risk (warned twice "
                              "or more within twelve months), as recorded today."),
            "辖区内标记为高危（十二个月内被预警两次及以上）的群众人数（以当前记录为准）。"),
    _figure("follow_ups_due", "follow_up", "count",
            QT_TRANSLATE_NOOP("Figures", "Follow-ups due"), "应回访",
            QT_TRANSLATE_NOOP("Figures", "Follow-ups falling due in the period."),
            "期内到期的回访数。"),
    _figure("follow_up_completion", "follow_up", "percent",
            QT_TRANSLATE_NOOP("Figures", "Follow-ups done"), "回访完成率",
            QT_TRANSLATE_NOOP("Figures", "Follow-ups due in the period and recorded as done, "
                              "divided by those due."),
            "期内到期且已登记完成的回访数 ÷ 期内到期回访数。"),
    _figure("card_sellers_new", "card_sellers", "persons",
            QT_TRANSLATE_NOOP("Figures", "New card sellers"), "新增涉“两卡”人员",
            QT_TRANSLATE_NOOP("Figures", "Residents listed in the period as card sellers (their "
                              "bank or phone cards served fraud), each counted once however "
                              "many records; the figure that should fall."),
            "期内列入涉“两卡”人员名单的群众人数（同一人多条记录只计一人），应逐步下降。",
            fewer_is_better=True),
    _figure("card_sellers_local", "card_sellers", "persons",
            QT_TRANSLATE_NOOP("Figures", "Of them opened locally"), "其中本地开户",
            QT_TRANSLATE_NOOP("Figures", "Of the new card sellers, those with a card listed in the "
                              "period that was opened locally: at an outlet on record as a "
                              "partner with an area of the jurisdiction, or recorded as opened "
                              "locally."),
            "新增涉“两卡”人员中，期内所列卡在本地开立的人数：开户网点为登记有辖区的合作单位，"
            "或登记为本地开户。"),
    _figure("card_interview_rate", "card_sellers", "percent",
            QT_TRANSLATE_NOOP("Figures", "Interview rate"), "约谈率",
            QT_TRANSLATE_NOOP("Figures", "New card sellers with the interview (summons and warning) step "
                              "recorded on a record listed in the period, divided by the new "
                              "card sellers."),
            "新增涉“两卡”人员中已登记约谈（训诫）的人数 ÷ 新增涉“两卡”人员数。"),
    _figure("card_sellers_restricted", "card_sellers", "persons",
            QT_TRANSLATE_NOOP("Figures", "Restricted"), "惩戒数",
            QT_TRANSLATE_NOOP("Figures", "Card sellers reported for the five-year restriction on "
                              "new cards on a day in the period, whenever they were listed."),
            "期内报送惩戒（五年内限制办理新卡）的涉“两卡”人员人数，不论何时列入名单。"),
    _figure("card_sellers_handed_over", "card_sellers", "persons",
            QT_TRANSLATE_NOOP("Figures", "Handed over for prosecution"), "移交数",
            QT_TRANSLATE_NOOP("Figures", "Card sellers handed over for prosecution on a "
                              "day in the period, whenever they were listed."),
            "期内移交打击的涉“两卡”人员人数，不论何时列入名单。"),
)  # fmt: skip

# Return persuasion (劝返): the persons abroad of the ledger. Each counts for the area of its
# household registration only (户籍地), as county rankings count them, never also for the area
# it lived in: the ledgers of both areas list the person, the figures count them once. Dates are
# those of the path as recorded (a step recorded late counts on its real date); "the period's
# end" is its last day, or today for a period still running.
RETURN_FIGURES: tuple[Figure, ...] = (
    _figure("returns_on_ledger", "returns", "persons",
            QT_TRANSLATE_NOOP("Figures", "Persons abroad on the ledger"), "在册人数",
            QT_TRANSLATE_NOOP("Figures", "Persons listed by the period's end and not closed off "
                              "by then, counted by household registration."),
            "截至期末已列管且尚未销账的人数，按户籍地统计。"),
    _figure("returns_added", "returns", "persons",
            QT_TRANSLATE_NOOP("Figures", "Persons abroad added"), "新增",
            QT_TRANSLATE_NOOP("Figures", "Persons listed in the period."),
            "期内列管（列入台账）的人数。"),
    _figure("returns_returned", "returns", "persons",
            QT_TRANSLATE_NOOP("Figures", "Persons returned"), "已回国",
            QT_TRANSLATE_NOOP("Figures", "Persons whose return falls in the period (by the date "
                              "they entered the country)."),
            "回国（入境）日期在期内的人数。"),
    _figure("return_rate", "returns", "percent",
            QT_TRANSLATE_NOOP("Figures", "Return rate"), "劝返率",
            QT_TRANSLATE_NOOP("Figures", "Persons returned in the period, divided by those on the "
                              "ledger at its start plus those added in it."),
            "期内已回国人数 ÷（期初在册人数 + 期内新增人数）。"),
    _figure("returns_closed", "returns", "persons",
            QT_TRANSLATE_NOOP("Figures", "Closed off"), "销账数",
            QT_TRANSLATE_NOOP("Figures", "Persons closed off in the period, for any "
                              "reason."),
            "期内销账的人数（各种销账原因）。"),
    _figure("returns_overdue", "returns", "persons",
            QT_TRANSLATE_NOOP("Figures", "Past the deadline, not returned"), "超期未归",
            QT_TRANSLATE_NOOP("Figures", "Persons on the ledger at the period's end whose notice "
                              "deadline had passed by then and who had not returned."),
            "期末在册、通告期限已过且尚未回国的人数。"),
    _figure("returns_out_of_touch", "returns", "persons",
            QT_TRANSLATE_NOOP("Figures", "Out of touch"), "失联",
            QT_TRANSLATE_NOOP("Figures", "Persons on the ledger at the period's end, listed at "
                              "least 30 days before it and not returned, with neither the "
                              "person nor the family reached (reached, met or agreed to return) "
                              "in those last 30 days."),
            "期末在册、列管已满30天且尚未回国，期末前30天内本人和家属均未联系上（已接通、"
            "已见面或答应回国）的人数。"),
    _figure("return_days_median", "returns", "days",
            QT_TRANSLATE_NOOP("Figures", "Days from listing to return (median)"),
            "列管至回国天数（中位数）",
            QT_TRANSLATE_NOOP("Figures", "Days from listing to return, median over the persons "
                              "who returned in the period."),
            "从列管到回国的天数，取期内回国人员的中位数。"),
)  # fmt: skip
# Contact that counts against 失联 (returns_out_of_touch): its results and its window.
OUT_OF_TOUCH_DAYS = 30
IN_TOUCH_RESULTS = ("reached", "met", "promised")

# Fraud-free communities (无诈社区): a community counts as created while its plaque stands
# (已授牌) on the period's last day; visits count by their day, in the communities of the area.
FRAUD_FREE_FIGURES: tuple[Figure, ...] = (
    _figure("fraud_free_communities", "fraud_free", "count",
            QT_TRANSLATE_NOOP("Figures", "Fraud-free communities"), "无诈社区",
            QT_TRANSLATE_NOOP("Figures", "Communities and villages whose fraud-free plaque "
                              "stands on the period's last day."),
            "期末已授牌（未摘牌）的无诈村（社区）数。"),
    _figure("fraud_free_share", "fraud_free", "percent",
            QT_TRANSLATE_NOOP("Figures", "Share of communities fraud-free"), "无诈社区创建率",
            QT_TRANSLATE_NOOP("Figures", "Fraud-free communities divided by all communities and "
                              "villages of the area."),
            "期末已授牌的无诈村（社区）数 ÷ 辖区村（社区）总数。"),
    _figure("app_installation_rate", "fraud_free", "percent",
            QT_TRANSLATE_NOOP("Figures", "Anti-fraud app installation"), "反诈App安装率",
            QT_TRANSLATE_NOOP("Figures", "Households with the national anti-fraud app (installed "
                              "at the visit or already), divided by the households at home, over "
                              "the door-to-door visits of the period."),
            "期内入户走访中已安装国家反诈中心App（新安装 + 原已安装）的户数 ÷ 在家户数。"),
    _figure("visit_coverage", "fraud_free", "percent",
            QT_TRANSLATE_NOOP("Figures", "Household visit coverage"), "入户走访覆盖率",
            QT_TRANSLATE_NOOP("Figures", "Households visited in the period (each community's "
                              "count at most its households) divided by the households of the "
                              "communities whose number of households is recorded."),
            "期内走访户数（每个村、社区不超过其总户数）÷ 已登记总户数的村（社区）的总户数。"),
    _figure("households_visited", "fraud_free", "count",
            QT_TRANSLATE_NOOP("Figures", "Households visited"), "入户走访户数",
            QT_TRANSLATE_NOOP("Figures", "Households visited door to door in the period, as the "
                              "visit records add them up (a household visited twice counts "
                              "twice)."),
            "期内入户走访登记的户数之和（同一户走访两次计两次）。"),
)  # fmt: skip

# The fraud-free trend (无诈社区趋势): the fraud-free figures month by month over the twelve
# months to the one chosen, each month's value the figure above with that month as its period
# (communities and share on the month's last day, rates and households over the month's
# visits; the month still running ends today). One definition each, read with the month.
TREND_MONTHS = 12
FRAUD_FREE_TREND: tuple[Figure, ...] = FRAUD_FREE_FIGURES
TREND_DEFINITION = QT_TRANSLATE_NOOP(
    "Figures", "Twelve months, month by month, to the last month of the period (on the "
    "fraud-free communities screen, to this month): each month's value is the figure with that "
    "month as its period (the communities on the month's last day, the rates over that month's "
    "visits; the month still running ends today)."
)  # fmt: skip
TREND_DEFINITION_ZH = (
    "逐月统计十二个月，截至统计期末所在月（“无诈社区”界面截至本月）：每月数值为以该月为统计期的"
    "同名指标（村、社区数按月末计，比率按当月走访计；当月尚未结束的，截至当日）。"
)

# Every figure, in the order lists of all of them show them (the Excel export, stats).
EVERY_FIGURE: tuple[Figure, ...] = (*FIGURES, *RETURN_FIGURES, *FRAUD_FREE_FIGURES)
BY_KEY = {figure.key: figure for figure in EVERY_FIGURE}


def format_value(figure: Figure, value: float | int | None, *, chinese: bool = True) -> str:
    """A figure as briefings write it: 万元 with two decimals, rates with one, counts with
    thousands separators; "—" when there is nothing to compute it from (never a made-up 0).
    English readers do not count in 万: money is shown to them in yuan (5.20万元 is ¥52,000)."""
    if value is None:
        return "—"
    unit = unit_zh(figure) if chinese else ""
    if figure.unit == "wan_yuan":
        if chinese:
            return f"{value:,.2f}{unit}"
        return format_money_fen(round(Decimal(str(value)) * FEN_PER_WAN), chinese=False)
    if figure.unit == "percent":
        return f"{value:.1f}%"
    if figure.unit == "minutes":
        return format_minutes_said(value, chinese=chinese)
    if figure.unit == "days":
        return f"{value:,}" + (unit or (" day" if value == 1 else " days"))
    return f"{value:,}{unit}"


def unit_zh(figure: Figure) -> str:
    """What a figure is counted in, as Chinese writes it after the number (万元, %, 场, 人次);
    "" for a count of nothing in particular."""
    return UNITS_ZH.get(figure.unit) or COUNT_WORDS_ZH.get(figure.key, "")


UNITS_ZH = {"wan_yuan": "万元", "percent": "%", "minutes": "分钟", "days": "天",
            "people": "人次", "persons": "人"}  # fmt: skip
# What a count counts, as Chinese writes it after the number (3场, 120份, 5条).
COUNT_WORDS_ZH = {
    "talks_held": "场", "talks_planned": "场", "talks_cancelled": "场", "large_talks": "场",
    "handouts_given": "份", "campaign_sms": "条", "campaign_calls": "次", "campaign_posters": "张",
    "campaign_wechat": "条", "warnings_received": "条", "warnings_open": "条",
    "contact_attempts": "次", "bank_intercepts": "起", "follow_ups_due": "条",
    "defrauded_after_warning": "起", "fraud_free_communities": "个", "households_visited": "户",
}  # fmt: skip


def ranks_descending(key: str) -> bool:
    """Whether a ranking by the figure ``key`` puts the largest value first (most figures)
    or the smallest (those where fewer is better)."""
    figure = BY_KEY.get(key)
    return not (figure and figure.fewer_is_better)
