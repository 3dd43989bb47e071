"""The printouts of card sellers (涉"两卡"人员): the interview record (约谈训诫笔录) and the pledge
(承诺书) the resident signs, and the register (登记台账) of an area.

The record and the pledge are the resident's own papers: they name them in full (the caller
logs it as a reveal) and show the ID number and mobile masked as the caller passes them — the
last four characters are what the resident confirms. Everything the resident reads is set at
小四 (12 pt) or larger. The register is the officers' list: A4 landscape, one row a card
seller, names masked unless the officer gave a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.catalogue import (
    CARD_KINDS,
    CARD_MANNERS,
    CARD_SELLER_STATUSES,
    CARD_SOURCES,
    INTERVIEW_METHODS,
    INTERVIEW_RESULTS,
    zh_name,
)
from desktop.core.entities import CardInterview, CardSeller
from desktop.domain.card_sellers import LedgerRow
from desktop.reports.fonts import FANGSONG
from desktop.reports.styles import (
    BLANK,
    GRID_LINE,
    LANDSCAPE,
    OFFICIAL,
    OUTER_LINE,
    PageGeometry,
    build_pdf,
    document_head,
    footer_drawer,
    get_paper_styles,
    get_styles,
    para,
    signature_rows,
    signed_page,
    text,
    zh_datetime,
)

RECORD_TITLE = "约谈训诫笔录"
PLEDGE_TITLE = "承诺书"
REGISTER_TITLE = "涉“两卡”人员登记台账"
PLEDGE_COPIES = ("第一联　存根", "第二联　交承诺人")
NUMERALS = "一二三四五六七八九十"

# What the officers ask, in order; the resident's answers are written by hand under each.
QUESTIONS = (
    "我们是公安机关的民警（出示证件），今天依法对你进行约谈。你要如实回答，"
    "听清楚了吗？请核对你的身份证号和手机号后四位。",
    "下面这些卡（账户）是不是你本人办的？在哪里、什么时候办的？",
    "这些卡（账户）是怎么到别人手里的？是谁找的你，怎么联系的？",
    "你拿到了多少好处（钱、物）？是怎么给你的？",
    "这些卡（账户）现在在谁手里？有没有挂失、注销？",
    "你还有没有其他需要说明的情况？",
)
ANSWER_LINES = 2  # ruled lines under each question for the answer

# Read to the resident at the interview and printed in the pledge: what the law says, in plain
# words and kept general (no article numbers to go out of date).
LEGAL_WARNING = (
    "银行卡、电话卡、支付账户（微信、支付宝等）和互联网账号只能本人使用。出租、出借、出售，"
    "或者替别人开卡、收卡、转账，都是违法行为。",
    "明知别人用于电信网络诈骗等犯罪，还提供卡、账户或者帮忙转账取现的，可能构成犯罪，"
    "要被依法追究刑事责任；不构成犯罪的，也可能受到行政处罚。",
    "按照《中华人民共和国反电信网络诈骗法》和国家有关规定，出租、出借、出售银行卡、电话卡的人员，"
    "可能被记入信用记录，并在五年内受到惩戒：不能新开银行账户、支付账户和电话卡，"
    "已有的卡和账户停止非柜面业务、暂停部分功能。",
)
CONFIRMATION = "以上记录我已看过，与我说的相符。"

PLEDGE_LINES = (
    "不出售、不出租、不出借我的银行卡、电话卡、支付账户（微信、支付宝等）和互联网账号，"
    "不替别人开卡、收卡，不帮别人转账、取现。",
    "已经交给别人、不在我手里的卡和账户，立即到银行、运营商挂失或者注销，并告诉民警。",
    "有人找我收购、租借卡和账户，或者叫我帮忙转账的，我马上向派出所报告，或者拨打110、96110。",
    "我已经知道：违反上述承诺，要依法承担法律责任，五年内可能不能新开银行卡、电话卡和支付账户，"
    "已有的卡和账户可能被暂停部分功能。",
    "我会提醒家人和朋友，不出租、出借、出售自己的卡和账户。",
)

WRITE_LINE = 9 * mm  # a ruled line to write an answer on


@dataclass(frozen=True)
class Person:
    """The resident as their own paper names them: the name in full, the rest masked."""

    name: str
    id_number: str
    mobile: str
    address: str = ""


def _form_table(cells: list[list], widths: list, *, spans: Sequence[tuple] = ()) -> Table:
    """A grid of the facts a resident reads: labels in Hei, values in FangSong, 12 pt."""
    st = get_paper_styles()
    table = Table(cells, colWidths=widths)
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName),  # no stray Helvetica
            ("GRID", (0, 0), (-1, -1), GRID_LINE, colors.black),
            ("BOX", (0, 0), (-1, -1), OUTER_LINE, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            *spans,
        ]
    )
    return table


def _pairs(rows: list[tuple[str, str, str, str]]) -> Table:
    """Two label–value pairs a row; a row with one pair spans the line. A value left empty
    is a blank to write in (a missing one is passed as —)."""
    st = get_paper_styles()
    cells, spans = [], []
    for index, (label, value, label2, value2) in enumerate(rows):
        cells.append([para(label, st.label), para(value, st.cell),
                      para(label2, st.label), para(value2, st.cell)])  # fmt: skip
        if not label2:
            spans.append(("SPAN", (1, index), (3, index)))
    return _form_table(cells, [22 * mm, 52 * mm, 22 * mm, None], spans=spans)


def _opened_locally(value: bool | None) -> str:
    return "不详" if value is None else ("是" if value else "否")


def _cards(cards: Sequence[CardSeller]) -> Table:
    """The cards an interview or a pledge is about, one row a listing."""
    st = get_paper_styles()
    head = ["卡类型", "数量", "开户行或运营商", "开户网点", "本地开户", "涉卡方式"]
    cells = [[para(name, st.label) for name in head]]
    for card in cards:
        cells.append(
            [
                para(zh_name(CARD_KINDS, card.card_kind), st.cell),
                para(f"{card.card_count}张", st.cell),
                para(card.issuer or "—", st.cell),
                para(card.outlet or "—", st.cell),
                para(_opened_locally(card.opened_locally), st.cell),
                para(zh_name(CARD_MANNERS, card.manner), st.cell),
            ]
        )
    table = _form_table(cells, [20 * mm, 14 * mm, 30 * mm, None, 17 * mm, 19 * mm])
    table.repeatRows = 1
    return table


def _seal(unit: str) -> list[Flowable]:
    """The seal of the unit (``unit`` names its part: 约谈单位) and a blank day under it: the
    day it is signed, written by hand."""
    st = get_paper_styles()
    return [Paragraph(f"{unit}（盖章）", st.seal), para(f"年{BLANK}月{BLANK}日", st.seal)]


def _numbered(lines: Sequence[str]) -> list[Flowable]:
    st = get_paper_styles()
    return [para(f"{NUMERALS[index]}、{line}", st.body) for index, line in enumerate(lines)]


def _ruled(lines: int) -> Table:
    """Blank ruled lines to write on by hand."""
    table = Table([[""]] * lines, colWidths=[OFFICIAL.text_width], rowHeights=WRITE_LINE)
    table.setStyle([("LINEBELOW", (0, 0), (-1, -1), GRID_LINE, colors.black)])
    return table


def _place(interview: CardInterview, unit: str) -> str:
    """Where an interview was held, as far as the record says: a summons is at the unit."""
    if interview.method == "summoned":
        return unit or "派出所"
    if interview.method == "visit":
        return "被约谈人住处"
    return "电话约谈"


def _record_footer(station_name: str, station_phone: str):
    """The usual footer, and on every page a line for the resident's signature: each page of a
    record is signed, so no page can be swapped afterwards."""
    usual = footer_drawer(station_name, station_phone)

    def draw(canvas: Canvas, geometry: PageGeometry, number: int, total: int) -> None:
        usual(canvas, geometry, number, total)
        canvas.saveState()
        canvas.setFont(FANGSONG, 12)
        x = geometry.width - geometry.right
        canvas.drawRightString(x - 40 * mm, 14 * mm, "被约谈人签名（捺印）：")
        canvas.setLineWidth(GRID_LINE)
        canvas.line(x - 40 * mm, 13.5 * mm, x, 13.5 * mm)
        canvas.restoreState()

    return draw


def build_interview_record(
    out: Path | BinaryIO,
    *,
    interview: CardInterview,
    person: Person,
    cards: Sequence[CardSeller],
    reference: str,
    unit: str,
    station_phone: str = "",
) -> int:
    """The record of one interview; ``cards``: the resident's listings (the interview's
    first). Returns the page count."""
    st = get_paper_styles()
    facts = [
        ("约谈时间", f"{zh_datetime(interview.at)} 至{BLANK}时{BLANK}分", "", ""),
        ("约谈地点", _place(interview, unit), "约谈方式", zh_name(INTERVIEW_METHODS, interview.method)),
        ("约谈民警", interview.officer_name or "—", "记录民警", ""),
        ("被约谈人", person.name, "联系电话", person.mobile or "—"),
        ("身份证号", person.id_number or "—", "约谈结果",
         zh_name(INTERVIEW_RESULTS, interview.result)),
        ("住址", person.address or "—", "", ""),
    ]  # fmt: skip
    story: list[Flowable] = [
        *document_head(unit, RECORD_TITLE, left=f"编号：{reference}" if reference else ""),
        Spacer(1, 3 * mm),
        _pairs(facts),
        Spacer(1, 4 * mm),
        para("涉及的卡（账户）", st.label),
        Spacer(1, 2 * mm),
        _cards(cards),
        Spacer(1, 4 * mm),
        para("约谈内容", st.label),
    ]
    for index, question in enumerate(QUESTIONS):
        # a question stays with the lines of its answer
        story.append(
            KeepTogether(
                [
                    para(f"{NUMERALS[index]}、问：{question}", st.plain),
                    para("答：", st.plain),
                    _ruled(ANSWER_LINES),
                ]  # fmt: skip
            )
        )
    lines = [line.strip() for line in interview.notes.splitlines() if line.strip()]
    story.append(
        KeepTogether(
            [
                Spacer(1, 3 * mm),
                para("民警记录的谈话要点：", st.plain),
                *([para(line, st.body) for line in lines] or [_ruled(3)]),
            ]  # fmt: skip
        )
    )
    # the heading stays with the first point; the points may go on over a page
    warning = _numbered(LEGAL_WARNING)
    story.append(
        KeepTogether(
            [Spacer(1, 3 * mm), para("民警已向被约谈人告知以下法律规定：", st.plain), warning[0]]
        )  # fmt: skip
    )
    story += warning[1:]
    # The confirmation and every signature on one page, never parted from each other.
    story.append(CondPageBreak(80 * mm))
    story.append(
        KeepTogether(
            [
                Spacer(1, 4 * mm),
                para(CONFIRMATION, st.body),
                signature_rows(
                    [
                        ("被约谈人签名（捺印）：", 1, True),
                        ("约谈民警签名：", 2, False),
                        ("记录民警签名：", 1, False),
                    ]
                ),  # fmt: skip
                Spacer(1, 6 * mm),
                *_seal("约谈单位"),
            ]
        )
    )
    return build_pdf(
        out, story, geometry=OFFICIAL, title=RECORD_TITLE, station_name=unit,
        station_phone=station_phone, footer=_record_footer(unit, station_phone),
    )  # fmt: skip


def _pledge_copy(copy: str, person: Person, cards: Sequence[CardSeller], unit: str) -> list:
    st = get_paper_styles()
    kinds = "、".join(dict.fromkeys(zh_name(CARD_KINDS, card.card_kind) for card in cards))
    top: list[Flowable] = [
        *document_head(unit, PLEDGE_TITLE, copy=copy),
        Spacer(1, 3 * mm),
        _pairs(
            [
                ("承诺人", person.name, "联系电话", person.mobile or "—"),
                ("身份证号", person.id_number or "—", "涉及的卡", kinds),
            ]
        ),  # fmt: skip
        Spacer(1, 4 * mm),
        para(
            "我已经听民警讲清楚了出租、出借、出售银行卡、电话卡的危害和法律后果。我郑重承诺：",
            st.body,
        ),
        *_numbered(PLEDGE_LINES),
    ]
    bottom: list[Flowable] = [
        signature_rows([("承诺人签名（捺印）：", 1, True), ("见证民警签名：", 2, False)]),
        Spacer(1, 6 * mm),
        *_seal("见证单位"),
    ]
    return signed_page(top, bottom, OFFICIAL)


def build_pledge(
    out: Path | BinaryIO,
    *,
    person: Person,
    cards: Sequence[CardSeller],
    unit: str,
    station_phone: str = "",
) -> int:
    """The pledge in two copies (存根, 交承诺人), a page each; returns the page count."""
    story: list[Flowable] = []
    for index, copy in enumerate(PLEDGE_COPIES):
        if index:
            story.append(PageBreak())
        story += _pledge_copy(copy, person, cards, unit)
    return build_pdf(
        out, story, geometry=OFFICIAL, title=PLEDGE_TITLE, station_name=unit,
        station_phone=station_phone, numbered=False,
    )  # fmt: skip


# The register's columns (label, width in mm): 267 mm, the landscape text width.
REGISTER_COLUMNS = (
    ("序号", 9), ("姓名", 16), ("身份证号", 36), ("辖区", 23), ("卡类型/数量", 20),
    ("开户行或运营商/网点", 46), ("本地开户", 11), ("涉卡方式", 14), ("线索来源", 18),
    ("列管日期", 20), ("当前状态", 24), ("状态日期", 20), ("约谈次数", 10),
)  # fmt: skip
REGISTER_SIZE = 9  # the cells' type: an officers' list, many rows a page
GAP = "\xa0" * 4  # between the header line's items (reportlab folds other spaces)


def _register_table(rows: Sequence[LedgerRow]) -> Table:
    st = get_styles()
    cell = ParagraphStyle("register-cell", parent=st.cell, fontSize=REGISTER_SIZE, leading=11)
    cells: list[list] = [[Paragraph(text(name), st.head) for name, _width in REGISTER_COLUMNS]]
    for number, row in enumerate(rows, start=1):
        card = row.record
        outlet = "/".join(part for part in (card.issuer, card.outlet) if part) or "—"
        values = (
            str(number), row.resident_name, row.id_number or "—", row.area_name or "—",
            f"{zh_name(CARD_KINDS, card.card_kind)}/{card.card_count}",
            outlet, _opened_locally(card.opened_locally), zh_name(CARD_MANNERS, card.manner),
            zh_name(CARD_SOURCES, card.source), f"{card.listed_on:%Y-%m-%d}",
            zh_name(CARD_SELLER_STATUSES, card.status),
            f"{row.status_on:%Y-%m-%d}" if row.status_on else "—", str(row.interviews),
        )  # fmt: skip
        cells.append([Paragraph(text(value), cell) for value in values])
    if not rows:
        cells.append(
            [Paragraph(text("（无）"), st.cell_center)] + [""] * (len(REGISTER_COLUMNS) - 1)
        )
    table = Table(cells, colWidths=[width * mm for _name, width in REGISTER_COLUMNS], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.font),
                ("INNERGRID", (0, 0), (-1, -1), GRID_LINE, colors.black),
                ("BOX", (0, 0), (-1, -1), OUTER_LINE, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), OUTER_LINE, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *([("SPAN", (0, 1), (-1, 1))] if not rows else []),
            ]
        )
    )
    return table


def build_register(
    out: Path | BinaryIO,
    rows: Sequence[LedgerRow],
    *,
    unit: str,
    area: str,
    scope: Sequence[str],
    masked: bool,
    station_phone: str = "",
) -> int:
    """The register of ``rows``; ``scope`` says which (the period or the day it stands at, and
    the status chosen, an item each). The header block, the same on every page, gives the unit, the area,
    the scope and the counts. Returns the page count."""
    st = get_styles()
    people = len({row.record.resident_id for row in rows})
    cards = sum(row.record.card_count for row in rows)
    meta = GAP.join(
        (f"填报单位：{unit or '—'}", f"辖区：{area}", *scope,
         f"共 {len(rows)} 条，涉及 {people} 人、{cards} 张卡（账户）")
    )  # fmt: skip
    header = [Paragraph(text(REGISTER_TITLE), st.title), Paragraph(text(meta), st.meta)]
    note = "本台账含个人信息，仅供工作使用，不得外传。" + (
        "姓名、身份证号已脱敏。" if masked else "身份证号已脱敏；姓名完整显示已记入审计日志。"
    )
    body = [_register_table(rows), Spacer(1, 2 * mm), Paragraph(text(note), st.note)]
    return build_pdf(
        out, body, geometry=LANDSCAPE, header=header, title=REGISTER_TITLE,
        station_name=unit, station_phone=station_phone,
    )  # fmt: skip
