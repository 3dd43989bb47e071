"""The catalogues shared by talks, warnings, handouts and reports: one list of each.

Printed documents are Chinese, so every entry carries its official Chinese name (``zh``). The
English name is the source string of the UI's translation (marked for lupdate); a test checks
that the Chinese catalogue of the UI says the same as ``zh``.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.errors import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Entry:
    code: str
    zh: str
    en: str


def _entries(*rows: tuple[str, str, str]) -> dict[str, Entry]:
    return {code: Entry(code, zh, en) for code, zh, en in rows}


# Fraud types (诈骗类型): the topics of talks and handouts, the suspected type of a warning.
FRAUD_TYPES = _entries(
    (
        "customer_service",
        "冒充电商物流客服",
        QT_TRANSLATE_NOOP("Catalogue", "Fake customer-service refund"),
    ),
    (
        "investment",
        "虚假投资理财",
        QT_TRANSLATE_NOOP("Catalogue", "Fake investment and wealth management"),
    ),
    ("brushing", "刷单返利", QT_TRANSLATE_NOOP("Catalogue", "Brushing / order rebates")),
    (
        "impersonating_police",
        "冒充公检法",
        QT_TRANSLATE_NOOP("Catalogue", "Posing as police or prosecutors"),
    ),
    ("loan", "虚假网络贷款", QT_TRANSLATE_NOOP("Catalogue", "Fake online loans")),
    ("romance", "网络交友诱导投资", QT_TRANSLATE_NOOP("Catalogue", "Online dating and investment")),
    ("game_trading", "网络游戏虚假交易", QT_TRANSLATE_NOOP("Catalogue", "Game-account trading")),
    ("fake_shopping", "虚假购物服务", QT_TRANSLATE_NOOP("Catalogue", "Fake shopping")),
    (
        "card_renting",
        "出租出借银行卡、电话卡",
        QT_TRANSLATE_NOOP("Catalogue", "Renting out bank or phone cards"),
    ),
    (
        "impersonating_leader",
        "冒充领导熟人",
        QT_TRANSLATE_NOOP("Catalogue", "Posing as a boss or acquaintance"),
    ),
    ("other", "其他", QT_TRANSLATE_NOOP("Catalogue", "Other")),
)

# Audiences of a talk.
AUDIENCES = _entries(
    ("elderly", "老年人", QT_TRANSLATE_NOOP("Catalogue", "Elderly")),
    ("students", "学生", QT_TRANSLATE_NOOP("Catalogue", "Students")),
    ("parents", "家长", QT_TRANSLATE_NOOP("Catalogue", "Parents")),
    ("enterprise_staff", "企业职工", QT_TRANSLATE_NOOP("Catalogue", "Enterprise staff")),
    ("bank_customers", "银行客户", QT_TRANSLATE_NOOP("Catalogue", "Bank customers")),
    ("villagers", "村民", QT_TRANSLATE_NOOP("Catalogue", "Villagers")),
    ("residents", "社区居民", QT_TRANSLATE_NOOP("Catalogue", "Community residents")),
    ("other", "其他", QT_TRANSLATE_NOOP("Catalogue", "Other audience")),
)

# Where a talk happens (进社区、进校园、进企业、进农村、进家庭、进网点).
VENUE_KINDS = _entries(
    ("community", "社区", QT_TRANSLATE_NOOP("Catalogue", "Community")),
    ("school", "学校", QT_TRANSLATE_NOOP("Catalogue", "School")),
    ("enterprise", "企业", QT_TRANSLATE_NOOP("Catalogue", "Enterprise")),
    ("village", "农村", QT_TRANSLATE_NOOP("Catalogue", "Village")),
    ("household", "家庭", QT_TRANSLATE_NOOP("Catalogue", "Household")),
    ("bank_outlet", "银行网点", QT_TRANSLATE_NOOP("Catalogue", "Bank outlet")),
    ("market", "集市", QT_TRANSLATE_NOOP("Catalogue", "Market")),
    ("other", "其他场所", QT_TRANSLATE_NOOP("Catalogue", "Other venue")),
)

TALK_STATUSES = _entries(
    ("planned", "计划", QT_TRANSLATE_NOOP("Catalogue", "Planned")),
    ("confirmed", "已确认", QT_TRANSLATE_NOOP("Catalogue", "Confirmed")),
    ("done", "已完成", QT_TRANSLATE_NOOP("Catalogue", "Done")),
    ("postponed", "已延期", QT_TRANSLATE_NOOP("Catalogue", "Postponed")),
    ("cancelled", "已取消", QT_TRANSLATE_NOOP("Catalogue", "Cancelled")),
)

# Warnings (预警): where they come from, how urgent, how they end, how residents are reached.
WARNING_SOURCES = _entries(
    ("platform", "反诈中心平台", QT_TRANSLATE_NOOP("Catalogue", "Anti-fraud centre")),
    ("hotline_96110", "96110", QT_TRANSLATE_NOOP("Catalogue", "96110 hotline")),
    ("bank", "银行网点", QT_TRANSLATE_NOOP("Catalogue", "Bank outlet")),
    ("telecom", "电信运营商", QT_TRANSLATE_NOOP("Catalogue", "Telecom operator")),
    ("public_report", "群众举报", QT_TRANSLATE_NOOP("Catalogue", "Public report")),
    ("other", "其他", QT_TRANSLATE_NOOP("Catalogue", "Other")),
)

WARNING_STATUSES = _entries(
    ("new", "待处置", QT_TRANSLATE_NOOP("Catalogue", "New")),
    ("in_progress", "处置中", QT_TRANSLATE_NOOP("Catalogue", "In progress")),
    ("closed", "已结案", QT_TRANSLATE_NOOP("Catalogue", "Closed")),
)

WARNING_LEVELS = _entries(
    ("high", "高", QT_TRANSLATE_NOOP("Catalogue", "High")),
    ("medium", "中", QT_TRANSLATE_NOOP("Catalogue", "Medium")),
    ("low", "低", QT_TRANSLATE_NOOP("Catalogue", "Low")),
)

OUTCOMES = _entries(
    ("dissuaded", "劝阻成功", QT_TRANSLATE_NOOP("Catalogue", "Dissuaded")),
    ("defrauded", "已被骗", QT_TRANSLATE_NOOP("Catalogue", "Defrauded")),
    ("unreachable", "无法联系", QT_TRANSLATE_NOOP("Catalogue", "Unreachable")),
    ("false_alarm", "非诈骗/误报", QT_TRANSLATE_NOOP("Catalogue", "False alarm")),
    ("refused", "拒不配合", QT_TRANSLATE_NOOP("Catalogue", "Refused to cooperate")),
    (
        "denied_recheck",
        "否认被骗，需复核",
        QT_TRANSLATE_NOOP("Catalogue", "Denies it – needs recheck"),
    ),
)

# What a supervisor asks before a case is closed (core.rules ``closing_concerns``): the
# officer may close anyway, and the case then carries the concerns it was closed despite.
CLOSING_CONCERNS = _entries(
    (
        "no_contact",
        "劝阻成功，但没有任何联系记录",
        QT_TRANSLATE_NOOP("Catalogue", "Dissuaded, but no contact with the resident is on record"),
    ),
    (
        "not_reached",
        "劝阻成功，但记录的联系均未联系上当事人或家属",
        QT_TRANSLATE_NOOP(
            "Catalogue", "Dissuaded, but no attempt on record reached the resident or family"
        ),
    ),
    (
        "protected_over_risk",
        "保护资金超过涉案金额",
        QT_TRANSLATE_NOOP("Catalogue", "More money protected than was at risk"),
    ),
    (
        "defrauded_no_loss",
        "已被骗，但未填写被骗金额",
        QT_TRANSLATE_NOOP("Catalogue", "Defrauded, but no amount lost is entered"),
    ),
    (
        "closed_at_once",
        "高级别预警接报后数分钟内即结案",
        QT_TRANSLATE_NOOP("Catalogue", "A high-level warning closed minutes after it arrived"),
    ),
)

CONTACT_METHODS = _entries(
    ("phone", "电话", QT_TRANSLATE_NOOP("Catalogue", "Phone")),
    ("visit", "上门", QT_TRANSLATE_NOOP("Catalogue", "Visit")),
    ("sms", "短信", QT_TRANSLATE_NOOP("Catalogue", "SMS")),
    ("family", "家属", QT_TRANSLATE_NOOP("Catalogue", "Family")),
    ("village_cadre", "村干部", QT_TRANSLATE_NOOP("Catalogue", "Village cadre")),
    ("bank", "银行", QT_TRANSLATE_NOOP("Catalogue", "Bank")),
)

CONTACT_RESULTS = _entries(
    ("busy", "占线", QT_TRANSLATE_NOOP("Catalogue", "Busy")),
    ("no_answer", "无人接听", QT_TRANSLATE_NOOP("Catalogue", "No answer")),
    ("reached", "已接通", QT_TRANSLATE_NOOP("Catalogue", "Reached")),
    ("refused", "拒绝", QT_TRANSLATE_NOOP("Catalogue", "Refused")),
    ("met", "已见面", QT_TRANSLATE_NOOP("Catalogue", "Met")),
    ("not_home", "不在家", QT_TRANSLATE_NOOP("Catalogue", "Not at home")),
    ("sent", "已发送", QT_TRANSLATE_NOOP("Catalogue", "Sent")),
    ("contacted", "已联系", QT_TRANSLATE_NOOP("Catalogue", "Contacted")),
)

# The levels of the jurisdiction tree, from the top down (县区 > 乡镇街道 > 村社区).
AREA_LEVELS = _entries(
    ("county", "县（区）", QT_TRANSLATE_NOOP("Catalogue", "County / district")),
    ("township", "乡镇（街道）", QT_TRANSLATE_NOOP("Catalogue", "Township / subdistrict")),
    ("community", "村（社区）", QT_TRANSLATE_NOOP("Catalogue", "Community / village")),
)
# The level each level's parent is at (a county has none).
PARENT_LEVEL = dict(zip(AREA_LEVELS, (None, *AREA_LEVELS), strict=False))

# Who an officer record is: 民警, 辅警 or 网格员. The schema's CHECK of ``officers.role``
# (migrations, version 1) is the database's copy of this list as it was then.
OFFICER_ROLES = _entries(
    ("officer", "民警", QT_TRANSLATE_NOOP("Catalogue", "Officer")),
    ("auxiliary", "辅警", QT_TRANSLATE_NOOP("Catalogue", "Auxiliary officer")),
    ("grid_worker", "网格员", QT_TRANSLATE_NOOP("Catalogue", "Grid worker")),
)

# What a campaign entry counts (批量宣传: warning texts and calls sent, posters put up, posts).
CAMPAIGN_KINDS = _entries(
    ("sms", "预警短信", QT_TRANSLATE_NOOP("Catalogue", "Warning text messages")),
    ("calls", "预警电话", QT_TRANSLATE_NOOP("Catalogue", "Warning calls")),
    ("posters", "宣传海报", QT_TRANSLATE_NOOP("Catalogue", "Posters")),
    ("wechat", "微信推送", QT_TRANSLATE_NOOP("Catalogue", "WeChat posts")),
)

# Partner organisations (合作单位) by kind.
PARTNER_KINDS = _entries(
    ("school", "学校", QT_TRANSLATE_NOOP("Catalogue", "School")),
    ("enterprise", "企业", QT_TRANSLATE_NOOP("Catalogue", "Enterprise")),
    ("bank_outlet", "银行网点", QT_TRANSLATE_NOOP("Catalogue", "Bank outlet")),
    ("other", "其他", QT_TRANSLATE_NOOP("Catalogue", "Other")),
)


# Residents stranded abroad in fraud areas (劝返, ``ReturnCase``): where they are — a list the
# station can extend (its own names are kept in ``domain.returns``, stored as the name itself) —,
# how they left, where the lead came from, what kind of case it is.
ABROAD_LOCATIONS = _entries(
    ("myanmar_north", "缅北", QT_TRANSLATE_NOOP("Catalogue", "Northern Myanmar")),
    ("cambodia", "柬埔寨", QT_TRANSLATE_NOOP("Catalogue", "Cambodia")),
    ("laos", "老挝", QT_TRANSLATE_NOOP("Catalogue", "Laos")),
    ("philippines", "菲律宾", QT_TRANSLATE_NOOP("Catalogue", "Philippines")),
    ("uae", "阿联酋", QT_TRANSLATE_NOOP("Catalogue", "United Arab Emirates")),
    ("other", "其他", QT_TRANSLATE_NOOP("Catalogue", "Other")),
)
DEPARTURES = _entries(
    ("with_documents", "持证出境", QT_TRANSLATE_NOOP("Catalogue", "Left with documents")),
    ("smuggled", "偷渡", QT_TRANSLATE_NOOP("Catalogue", "Crossed illegally")),
    ("unknown", "不详", QT_TRANSLATE_NOOP("Catalogue", "Not known")),
)
RETURN_LEAD_SOURCES = _entries(
    ("upper_level", "上级下发", QT_TRANSLATE_NOOP("Catalogue", "Sent down from above")),
    ("local_screening", "本地排查", QT_TRANSLATE_NOOP("Catalogue", "Local screening")),
    ("family_report", "家属反映", QT_TRANSLATE_NOOP("Catalogue", "Reported by family")),
    ("other", "其他", QT_TRANSLATE_NOOP("Catalogue", "Other")),
)
RETURN_CATEGORIES = _entries(
    ("high_risk", "涉诈高危", QT_TRANSLATE_NOOP("Catalogue", "High fraud risk")),
    ("suspected_victim", "疑似被骗务工", QT_TRANSLATE_NOOP("Catalogue", "Possibly lured to work")),
    ("other", "其他", QT_TRANSLATE_NOOP("Catalogue", "Other")),
)
# The path of a person abroad, in its order (a step forward may skip steps; a step back needs
# a correction reason).
RETURN_STATUSES = _entries(
    ("to_verify", "待核查", QT_TRANSLATE_NOOP("Catalogue", "To verify")),
    ("contacted", "已联系", QT_TRANSLATE_NOOP("Catalogue", "Contacted")),
    ("promised", "承诺回国", QT_TRANSLATE_NOOP("Catalogue", "Promised to return")),
    ("returned", "已回国", QT_TRANSLATE_NOOP("Catalogue", "Returned")),
    ("reported", "已报备审查", QT_TRANSLATE_NOOP("Catalogue", "Reported in for review")),
    ("under_control", "管控中", QT_TRANSLATE_NOOP("Catalogue", "Under supervision")),
    ("closed", "销账", QT_TRANSLATE_NOOP("Catalogue", "Closed off")),
)
# Whom 已联系 reached first: the person or the family.
RETURN_PARTIES = _entries(
    ("self", "本人", QT_TRANSLATE_NOOP("Catalogue", "The person")),
    ("family", "家属", QT_TRANSLATE_NOOP("Catalogue", "Family")),
)
# What supervision after return is (管控中).
CONTROL_KINDS = _entries(
    ("home_study", "居家学习", QT_TRANSLATE_NOOP("Catalogue", "Home study")),
    ("report_before_leaving", "离开报备", QT_TRANSLATE_NOOP("Catalogue", "Report before leaving")),
)
CLOSE_REASONS = _entries(
    ("surrendered", "回国投案", QT_TRANSLATE_NOOP("Catalogue", "Returned and surrendered")),
    ("review_done", "回国审查完毕", QT_TRANSLATE_NOOP("Catalogue", "Returned, review finished")),
    ("never_left", "核实未出境", QT_TRANSLATE_NOOP("Catalogue", "Found never to have left")),
    ("deceased", "已死亡", QT_TRANSLATE_NOOP("Catalogue", "Deceased")),
    ("other", "其他", QT_TRANSLATE_NOOP("Catalogue", "Other")),
)
RETURN_CONTACT_METHODS = _entries(
    ("phone", "电话", QT_TRANSLATE_NOOP("Catalogue", "Phone")),
    ("wechat_call", "微信通话", QT_TRANSLATE_NOOP("Catalogue", "WeChat call")),
    ("family_visit", "走访家属", QT_TRANSLATE_NOOP("Catalogue", "Visit to the family")),
)
RETURN_CONTACT_RESULTS = _entries(
    ("reached", "已接通", QT_TRANSLATE_NOOP("Catalogue", "Reached")),
    ("met", "已见面", QT_TRANSLATE_NOOP("Catalogue", "Met")),
    ("promised", "答应回国", QT_TRANSLATE_NOOP("Catalogue", "Agreed to return")),
    ("no_answer", "无人接听", QT_TRANSLATE_NOOP("Catalogue", "No answer")),
    ("refused", "拒绝", QT_TRANSLATE_NOOP("Catalogue", "Refused")),
)
# What applies to those who do not return by the notice deadline, each a dated tick with who.
RETURN_MEASURES = _entries(
    ("listed", "列管列控", QT_TRANSLATE_NOOP("Catalogue", "Listed for control")),
    ("household", "户籍业务暂停", QT_TRANSLATE_NOOP("Catalogue", "Household services suspended")),
    ("cards", "两卡功能暂停", QT_TRANSLATE_NOOP("Catalogue", "Bank and phone cards suspended")),
)

# Card sellers (涉"两卡"人员): residents whose bank or phone cards served fraud.
CARD_KINDS = _entries(
    ("bank_card", "银行卡", QT_TRANSLATE_NOOP("Catalogue", "Bank card")),
    ("phone_card", "电话卡", QT_TRANSLATE_NOOP("Catalogue", "Phone card")),
    ("corporate_account", "对公账户", QT_TRANSLATE_NOOP("Catalogue", "Corporate account")),
    ("payment_account", "支付账户", QT_TRANSLATE_NOOP("Catalogue", "Payment account")),
)

# How the card came to serve fraud.
CARD_MANNERS = _entries(
    ("sold", "出售", QT_TRANSLATE_NOOP("Catalogue", "Sold")),
    ("rented", "出租", QT_TRANSLATE_NOOP("Catalogue", "Rented out")),
    ("lent", "出借", QT_TRANSLATE_NOOP("Catalogue", "Lent")),
    ("tricked", "被骗开卡", QT_TRANSLATE_NOOP("Catalogue", "Tricked into opening it")),
    ("unknown", "不详", QT_TRANSLATE_NOOP("Catalogue", "Not known")),
)

# Where the lead on a card seller came from.
CARD_SOURCES = _entries(
    ("upper_level", "上级通报", QT_TRANSLATE_NOOP("Catalogue", "Upper-level notice")),
    ("local_check", "本地排查", QT_TRANSLATE_NOOP("Catalogue", "Local check")),
    ("bank", "银行反馈", QT_TRANSLATE_NOOP("Catalogue", "Bank report")),
    ("operator", "运营商反馈", QT_TRANSLATE_NOOP("Catalogue", "Operator report")),
)

# The card seller's path, in order: the last two both end it (移交打击 or 销账).
CARD_SELLER_STATUSES = _entries(
    ("to_verify", "待核查", QT_TRANSLATE_NOOP("Catalogue", "To verify")),
    ("interviewed", "已约谈（训诫）", QT_TRANSLATE_NOOP("Catalogue", "Interviewed (warned)")),
    ("pledged", "已签承诺书", QT_TRANSLATE_NOOP("Catalogue", "Pledge signed")),
    ("restricted", "已惩戒", QT_TRANSLATE_NOOP("Catalogue", "Restricted")),
    ("handed_over", "移交打击", QT_TRANSLATE_NOOP("Catalogue", "Handed over for prosecution")),
    ("closed", "销账", QT_TRANSLATE_NOOP("Catalogue", "Closed off")),
)

# An interview (约谈) of a card seller: how, and what came of it.
INTERVIEW_METHODS = _entries(
    ("summoned", "到所约谈", QT_TRANSLATE_NOOP("Catalogue", "Interview at the station")),
    ("visit", "上门约谈", QT_TRANSLATE_NOOP("Catalogue", "Interview at home")),
    ("phone", "电话约谈", QT_TRANSLATE_NOOP("Catalogue", "Interview by phone")),
)
INTERVIEW_RESULTS = _entries(
    ("warned", "已训诫", QT_TRANSLATE_NOOP("Catalogue", "Warned")),
    ("absent", "未到场", QT_TRANSLATE_NOOP("Catalogue", "Did not come")),
    ("unreachable", "无法联系", QT_TRANSLATE_NOOP("Catalogue", "Unreachable")),
    ("refused", "拒不配合", QT_TRANSLATE_NOOP("Catalogue", "Refused to cooperate")),
)


# Fraud-free communities (无诈社区): a community's creation status, the path it takes.
FRAUD_FREE_STATUSES = _entries(
    ("not_taking_part", "未参与", QT_TRANSLATE_NOOP("Catalogue", "Not taking part")),
    ("creating", "创建中", QT_TRANSLATE_NOOP("Catalogue", "Creating")),
    ("qualified", "达标", QT_TRANSLATE_NOOP("Catalogue", "Criteria met")),
    ("awarded", "已授牌", QT_TRANSLATE_NOOP("Catalogue", "Plaque awarded")),
    ("withdrawn", "摘牌", QT_TRANSLATE_NOOP("Catalogue", "Plaque withdrawn")),
)
# How a criterion is judged: computed from the records, or entered by an officer with evidence.
CRITERION_KINDS = _entries(
    ("computed", "系统计算", QT_TRANSLATE_NOOP("Catalogue", "Computed from records")),
    ("evidence", "佐证材料", QT_TRANSLATE_NOOP("Catalogue", "Entered with evidence")),
)
# What a computed criterion measures (its definition is the criterion's own text).
CRITERION_MEASURES = _entries(
    ("no_defrauded_after_warning", "无预警后被骗",
     QT_TRANSLATE_NOOP("Catalogue", "No resident defrauded after a warning")),
    ("no_open_card_sellers", "无在册涉“两卡”人员",
     QT_TRANSLATE_NOOP("Catalogue", "No open card-seller record")),
    ("no_open_return_cases", "无在册滞留境外人员",
     QT_TRANSLATE_NOOP("Catalogue", "No open record of a person abroad")),
    ("talk_held", "开展宣传活动", QT_TRANSLATE_NOOP("Catalogue", "A talk held there")),
    ("visit_coverage", "入户走访率", QT_TRANSLATE_NOOP("Catalogue", "Households visited")),
    ("app_installation", "反诈App安装率", QT_TRANSLATE_NOOP("Catalogue", "App installation")),
    ("warnings_in_limit", "预警按时处置率",
     QT_TRANSLATE_NOOP("Catalogue", "Warnings handled within their limits")),
    ("follow_ups_done", "回访完成率", QT_TRANSLATE_NOOP("Catalogue", "Follow-ups done")),
)  # fmt: skip
# The window a criterion is judged over, ending on the day the board is made for.
CRITERION_PERIODS = _entries(
    ("year", "本年度", QT_TRANSLATE_NOOP("Catalogue", "This year")),
    ("twelve_months", "近12个月", QT_TRANSLATE_NOOP("Catalogue", "The last twelve months")),
    ("quarter", "本季度", QT_TRANSLATE_NOOP("Catalogue", "This quarter")),
    ("month", "本月", QT_TRANSLATE_NOOP("Catalogue", "This month")),
)


def zh_name(catalogue: dict[str, Entry], code: str | None) -> str:
    """The Chinese name for documents; unknown codes print as themselves."""
    if not code:
        return ""
    entry = catalogue.get(code)
    return entry.zh if entry else code


# Where exchange packages go unless named otherwise (``packages_sent.destination``).
DEFAULT_DESTINATION = "county"

# The kinds of record (tables whose rows carry the common columns and travel between laptops in
# exchange packages), as a merge's preview names them. In merge order: parents before the
# records that point at them, so a merge (and the demo) writes every reference after its target
# and deletes children first by going backwards.
RECORD_KINDS = _entries(
    ("areas", "辖区", QT_TRANSLATE_NOOP("Catalogue", "Areas")),
    ("officers", "民警辅警", QT_TRANSLATE_NOOP("Catalogue", "Officers")),
    ("partners", "合作单位", QT_TRANSLATE_NOOP("Catalogue", "Partners")),
    ("residents", "群众", QT_TRANSLATE_NOOP("Catalogue", "Residents")),
    ("talks", "宣传活动", QT_TRANSLATE_NOOP("Catalogue", "Talks")),
    ("talk_officers", "活动参与民警", QT_TRANSLATE_NOOP("Catalogue", "Officers at talks")),
    ("attachments", "照片", QT_TRANSLATE_NOOP("Catalogue", "Photos")),
    ("warnings", "预警", QT_TRANSLATE_NOOP("Catalogue", "Warnings")),
    ("contacts", "劝阻记录", QT_TRANSLATE_NOOP("Catalogue", "Contact attempts")),
    ("follow_ups", "回访", QT_TRANSLATE_NOOP("Catalogue", "Follow-ups")),
    ("transfers", "移交", QT_TRANSLATE_NOOP("Catalogue", "Hand-overs")),
    ("campaigns", "批量宣传", QT_TRANSLATE_NOOP("Catalogue", "Campaign counts")),
    ("return_cases", "劝返人员", QT_TRANSLATE_NOOP("Catalogue", "Persons abroad")),
    ("return_contacts", "劝返联系记录", QT_TRANSLATE_NOOP("Catalogue", "Return contacts")),
    ("card_sellers", "涉“两卡”人员", QT_TRANSLATE_NOOP("Catalogue", "Card sellers")),
    ("card_interviews", "约谈记录", QT_TRANSLATE_NOOP("Catalogue", "Interviews")),
    ("community_visits", "入户走访", QT_TRANSLATE_NOOP("Catalogue", "Door-to-door visits")),
    ("fraud_free_evidence", "无诈社区佐证", QT_TRANSLATE_NOOP("Catalogue", "Fraud-free evidence")),
    ("fraud_free_steps", "无诈社区创建状态", QT_TRANSLATE_NOOP("Catalogue", "Fraud-free status")),
)
RECORD_TABLES = tuple(RECORD_KINDS)


# -- the columns of imported lists ---------------------------------------------------------------
# What each field of an imported list may be called in the header row (compared without spaces,
# brackets made half-width). The first name is the usual one, used in messages. Whatever the
# program writes into its own workbooks it reads back, so their headers are here too.
AREA_NAMES = ["辖区", "所属辖区", "村(社区)", "所属社区", "社区", "村", "乡镇", "乡镇(街道)",
              "责任区", "area", "community"]  # fmt: skip
FRAUD_TYPE_NAMES = ["诈骗类型", "疑似诈骗类型", "案件类型", "涉诈类型", "fraud type"]

AREA_COLUMNS = {
    "county": ["县(区)", "县区", "区县", "县(市、区)", "县(市区)", "县", "区", "county"],
    "township": ["乡镇(街道)", "乡镇", "街道", "乡镇街道", "镇", "乡", "township"],
    "community": ["村(社区)", "社区", "村", "村社区", "村居", "社区(村)", "村(居)", "community"],
    "code": ["区划代码", "代码", "行政区划代码", "编码", "code"],
}

OFFICER_COLUMNS = {
    "name": ["姓名", "民警姓名", "人员姓名", "name"],
    "badge_number": ["警号", "警员编号", "工号", "编号", "badge number", "badge"],
    "unit": ["单位", "所属单位", "工作单位", "派出所", "所属派出所", "unit", "station"],
    "role": ["身份", "角色", "人员类别", "类别", "人员类型", "role"],
    "phone": ["联系电话", "电话", "手机", "手机号", "手机号码", "phone", "mobile"],
    "area": AREA_NAMES,
}

TALK_COLUMNS = {
    "title": ["活动名称", "名称", "活动主题", "主题", "标题", "title"],
    "date": ["日期", "活动日期", "date"],
    "start": ["开始时间", "起始时间", "开始", "start"],
    "end": ["结束时间", "结束", "end"],
    "time": ["时间", "时段", "活动时间", "time"],
    "venue": ["地点", "活动地点", "场地", "venue"],
    "venue_kind": ["场所类型", "宣传类型", "类型", "venue kind"],
    "area": ["村(社区)", *(name for name in AREA_NAMES if name != "村(社区)")],
    "audience": ["面向人群", "受众", "对象", "audience"],
    "topics": ["宣传内容", "宣传主题", *FRAUD_TYPE_NAMES, "topics"],
    "organiser": ["负责民警", "负责人", "主讲人", "组织民警", "organiser"],
    "expected_headcount": ["预计人数", "计划人数", "人数", "expected"],
    "status": ["状态", "status"],
    "notes": ["备注", "notes"],
}

# What the values of some columns may be written as. A role or a venue kind is also read from
# its code and its Chinese name; a source or a level is found as a word inside the cell ("红色预警"
# is high), trying the codes in this order.
OFFICER_ROLE_WORDS = {
    **{code: code for code in OFFICER_ROLES},
    **{entry.zh: code for code, entry in OFFICER_ROLES.items()},
    "警察": "officer",
    "正式民警": "officer",
    "社区民警": "officer",
    "grid worker": "grid_worker",
    "": "officer",  # a list without roles is a list of 民警
}
VENUE_KIND_WORDS = {"进社区": "community", "进校园": "school", "进企业": "enterprise",
                    "进农村": "village", "进家庭": "household", "进网点": "bank_outlet",
                    "网点": "bank_outlet", "集市": "market", "赶圩": "market"}  # fmt: skip
# The short words upper levels' lists and officers use for a fraud type instead of its name
# (冒充客服 for 冒充电商物流客服): a text containing one of them has that type. Looked at in
# this order, the more telling first: 网络交友诱导投资 contains 投资, and 注销校园贷 is a
# fake customer service's story, not a loan.
FRAUD_TYPE_WORDS = {
    "romance": ("杀猪盘", "交友", "婚恋", "网恋"),
    "impersonating_police": ("公检法", "冒充公安", "冒充警察", "冒充检察", "冒充法院", "冒充法官"),
    "impersonating_leader": ("冒充领导", "冒充熟人", "冒充老板", "冒充亲友", "冒充亲属"),
    "customer_service": ("客服", "退款", "理赔", "注销", "征信"),
    "brushing": ("刷单", "返利", "兼职", "点赞"),
    "loan": ("贷款", "网贷", "借贷"),
    "game_trading": ("游戏",),
    "investment": ("投资", "理财", "炒股", "荐股", "虚拟币", "数字货币", "期货"),
    "fake_shopping": ("购物",),
    "card_renting": ("两卡", "出租出借"),
}
WARNING_SOURCE_WORDS = {
    "platform": ("反诈中心", "预警平台", "平台", "国家反诈中心", "反诈平台", "platform"),
    "hotline_96110": ("96110",),
    "bank": ("银行", "网点", "bank"),
    "telecom": ("运营商", "电信", "移动", "联通", "telecom"),
    "public_report": ("群众举报", "举报", "public"),
    "other": ("其他", "other"),
}
WARNING_LEVEL_WORDS = {
    "high": ("高", "高风险", "红色", "一级", "high"),
    "medium": ("中", "中风险", "橙色", "黄色", "二级", "medium"),
    "low": ("低", "低风险", "蓝色", "三级", "low"),
}

WARNING_COLUMNS = {
    "reference_number": ["指令编号", "预警编号", "编号", "reference"],
    "received_at": ["下发时间", "预警时间", "接收时间", "推送时间", "received"],
    "source": ["预警来源", "来源", "source"],
    "level": ["预警等级", "风险等级", "等级", "level"],
    "name": ["姓名", "受害人姓名", "当事人", "name"],
    "mobile": ["手机号", "手机号码", "联系电话", "电话", "mobile"],
    "id_number": ["身份证号", "证件号码", "身份证号码", "id number"],
    "address": ["住址", "地址", "现住址", "address"],
    "area": AREA_NAMES,
    "fraud_type": FRAUD_TYPE_NAMES,
    "amount_at_risk": ["涉案金额", "金额", "amount"],
}

# The upper level's list of persons abroad (涉诈滞留境外人员名单). ``area`` is the community of
# household registration, ``residence`` the one lived in before leaving.
RETURN_COLUMNS = {
    "name": ["姓名", "人员姓名", "name"],
    "id_number": ["身份证号", "公民身份号码", "身份证号码", "证件号码", "id number"],
    "mobile": ["手机号", "手机号码", "本人电话", "联系电话", "mobile"],
    "address": ["户籍地址", "住址", "地址", "address"],
    "area": ["户籍地", "户籍所在地", "户籍村(社区)", "户籍地村(社区)", *AREA_NAMES],
    "residence": ["居住地", "现居住地", "流入地", "出境前居住地", "居住村(社区)", "residence"],
    "location": ["滞留地", "滞留国家(地区)", "所在国家(地区)", "所在国家", "境外滞留地",
                 "所在地", "location"],
    "left_on": ["出境时间", "出境日期", "left on"],
    "departure": ["出境方式", "departure"],
    "lead_source": ["线索来源", "来源", "lead source"],
    "category": ["人员类别", "类别", "category"],
    "list_name": ["名单批次", "批次", "名单", "list"],
    "listed_on": ["列管日期", "列管时间", "下发日期", "listed on"],
    "deadline_on": ["通告期限", "劝返期限", "回国期限", "期限", "deadline"],
    "family_name": ["家属姓名", "联系家属", "family name"],
    "family_relation": ["与本人关系", "家属关系", "关系", "relation"],
    "family_phone": ["家属电话", "家属联系电话", "family phone"],
    "county_leader": ["县级责任领导", "县级领导", "county leader"],
    "county_leader_phone": ["县级领导电话", "县级责任领导电话", "county leader phone"],
    "township_leader": ["乡镇责任领导", "乡镇领导", "township leader"],
    "township_leader_phone": ["乡镇领导电话", "乡镇责任领导电话", "township leader phone"],
    "officer": ["责任民警", "派出所民警", "民警", "officer"],
    "village_secretary": ["村(社区)党支部书记", "村支书", "党支部书记", "village secretary"],
    "village_secretary_phone": ["书记电话", "村支书电话", "village secretary phone"],
    "notes": ["备注", "notes"],
}  # fmt: skip
# What the words of such a list mean, found as a word inside the cell and tried in this order; a
# place no word fits is 其他, its words kept in the entry's notes.
ABROAD_LOCATION_WORDS = {
    "myanmar_north": ("缅北", "缅甸", "妙瓦底", "果敢", "佤邦", "掸邦", "myanmar"),
    "cambodia": ("柬埔寨", "西港", "西哈努克", "金边", "cambodia"),
    "laos": ("老挝", "金三角", "laos"),
    "philippines": ("菲律宾", "马尼拉", "philippines"),
    "uae": ("阿联酋", "迪拜", "uae"),
    "other": ("其他", "other"),
}
DEPARTURE_WORDS = {
    "with_documents": ("持证", "护照", "合法", "正常出境"),
    "smuggled": ("偷渡", "非法", "偷越"),
    "unknown": ("不详", "未知", "不清楚"),
}
RETURN_LEAD_WORDS = {
    "upper_level": ("上级", "下发", "通报", "公安部", "公安厅"),
    "local_screening": ("排查", "本地"),
    "family_report": ("家属", "亲属"),
    "other": ("其他",),
}
RETURN_CATEGORY_WORDS = {
    "suspected_victim": ("被骗", "务工", "被困"),
    "high_risk": ("高危", "涉诈"),
    "other": ("其他",),
}
# The upper level's list of card sellers (涉"两卡"人员名单).
CARD_SELLER_COLUMNS = {
    "reference_number": ["编号", "通报编号", "线索编号", "序号编号", "reference"],
    "listed_on": ["通报日期", "下发日期", "登记日期", "列管日期", "日期", "listed"],
    "name": ["姓名", "涉卡人员", "人员姓名", "开户人", "持卡人", "name"],
    "mobile": ["手机号", "手机号码", "联系电话", "电话", "mobile"],
    "id_number": ["身份证号", "证件号码", "身份证号码", "公民身份号码", "id number"],
    "address": ["住址", "地址", "现住址", "户籍地址", "address"],
    "area": AREA_NAMES,
    "card_kind": ["卡类型", "涉案卡类型", "涉卡类型", "两卡类型", "账户类型", "card kind"],
    "card_count": ["数量", "卡数", "张数", "涉案卡数", "卡数量", "count"],
    "issuer": ["开户行", "发卡行", "开户银行", "运营商", "发卡机构", "issuer"],
    "outlet": ["开户网点", "办卡网点", "开卡网点", "营业厅", "网点", "outlet"],
    "opened_locally": ["本地开户", "是否本地开户", "本地办卡", "opened locally"],
    "manner": ["涉卡方式", "涉案情形", "情形", "方式", "manner"],
    "source": ["线索来源", "来源", "source"],
    "notes": ["备注", "notes"],
}
# What the values of those columns may be written as: the codes, the Chinese names, and the
# words lists use (a word found inside the cell, trying the codes in this order).
CARD_KIND_WORDS = {
    "corporate_account": ("对公", "公户", "企业账户", "corporate"),
    "payment_account": ("支付", "微信", "支付宝", "第三方", "payment"),
    "phone_card": ("电话卡", "手机卡", "电话", "手机", "物联网卡", "phone"),
    "bank_card": ("银行卡", "银行", "借记卡", "信用卡", "bank"),
}
CARD_MANNER_WORDS = {
    "sold": ("出售", "出卖", "贩卖", "卖卡", "sold"),
    "rented": ("出租", "租", "rented"),
    "lent": ("出借", "借", "lent"),
    "tricked": ("被骗", "骗", "tricked"),
    "unknown": ("不详", "不清楚", "未知", "unknown"),
}
# How a list or a caller answers "opened locally" (本地开户): yes, no, or not known. The no
# words are tried first (非本地 holds 本地).
OPENED_LOCALLY_WORDS = {
    False: ("否", "外地", "异地", "非本地", "n", "no", "0", "×", "false"),
    True: ("是", "本地", "y", "yes", "1", "√", "true"),
    None: ("不详", "未知", ""),
}
CARD_SOURCE_WORDS = {
    "upper_level": ("上级", "通报", "下发", "upper"),
    "local_check": ("本地", "排查", "local"),
    "bank": ("银行", "bank"),
    "operator": ("运营商", "电信", "移动", "联通", "operator"),
}
# A grid worker's door-to-door tally sheet (入户走访登记表), one row a building or group.
VISIT_COLUMNS = {
    "visited_on": ["走访日期", "日期", "入户日期", "date"],
    "area": AREA_NAMES,
    "building": ["楼栋", "村民小组", "楼栋/村民小组", "小组", "组", "楼号", "building"],
    "households_visited": ["走访户数", "入户户数", "走访", "户数", "households visited"],
    "households_at_home": ["在家户数", "在家", "见面户数", "at home"],
    "people_reached": ["宣传人数", "覆盖人数", "人数", "people reached"],
    "app_installed_new": ["新安装App", "新装App", "新安装", "新装", "app installed"],
    "app_already": ["已安装App", "已装App", "已安装", "原已安装", "app already"],
    "call_warnings": ["开启来电预警", "来电预警", "开启预警", "call warning"],
    "leaflets_left": ["发放资料", "宣传资料", "发放宣传单", "资料", "leaflets"],
    "grid_worker": ["网格员", "走访人", "登记人", "grid worker"],
    "notes": ["备注", "notes"],
}
# A township's list of its communities' households (村（社区）户数统计表).
HOUSEHOLD_COLUMNS = {
    "area": AREA_NAMES,
    "households": ["户数", "总户数", "住户数", "常住户数", "households"],
}
