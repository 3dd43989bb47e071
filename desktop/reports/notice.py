"""劝阻告知书: the dissuasion notice a resident reads and signs after a visit.

Two copies, one A4 page each: 第一联 (存根) stays in the station's files, 第二联 goes to the
resident. Each carries the issuing unit, the document number, the resident's full name (it is
their own notice), the facts of the warning with the phone, ID number and address masked as
the caller passes them, the warning signs of the fraud in plain words, and the lines for the
resident's signature or thumbprint, two officers' signatures and the unit's seal.

Everything a resident reads is set at 四号 (14 pt), the facts at 小四 (12 pt): many readers
are elderly. The signatures sit at the foot of the page, so a copy never looks half empty.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from desktop.core.catalogue import FRAUD_TYPES, zh_name
from desktop.reports.styles import (
    GRID_LINE,
    OFFICIAL,
    OUTER_LINE,
    build_pdf,
    document_head,
    get_paper_styles,
    para,
    signature_rows,
    signed_page,
    zh_date,
    zh_datetime,
)

TITLE = "劝阻告知书"
COPIES = ("第一联　存根", "第二联　交当事人")

# What the officer has told the resident, in words an elderly reader follows.
WARNING_SIGNS = (
    "公安局、检察院、法院不会打电话或在网上办案，更不会叫您把钱转到什么安全账户。",
    "凡是叫您转账汇款、说出验证码、下载不认识的软件、打开屏幕共享的，都是骗子。",
    "刷单返利、投资稳赚、低息贷款、退款理赔，这些都是骗子常说的话，一句也不要信。",
    "自己的银行卡、手机卡、微信号，不出借，不出卖。",
    "接到96110打来的电话请一定接听，那是反诈中心在提醒您；拿不准的事，先挂断电话，"
    "再拨打110或96110问一问。",
)
NUMERALS = "一二三四五六七八九十"


def _facts(rows: list[tuple[str, str, str, str]]) -> Table:
    """The warning's facts: two label–value pairs a row; a row with one pair spans the line."""
    st = get_paper_styles()
    cells, spans = [], []
    for index, (label, value, label2, value2) in enumerate(rows):
        cells.append([para(label, st.label), para(value, st.cell),
                      para(label2, st.label), para(value2, st.cell)])  # fmt: skip
        if not label2:
            spans.append(("SPAN", (1, index), (3, index)))
    table = Table(cells, colWidths=[22 * mm, 50 * mm, 22 * mm, None])
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName),  # no stray Helvetica
            ("GRID", (0, 0), (-1, -1), GRID_LINE, "#000000"),
            ("BOX", (0, 0), (-1, -1), OUTER_LINE, "#000000"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            *spans,
        ]
    )
    return table


def _signatures() -> Table:
    """被告知人签名（捺印） with its date, and two officers' signatures, each on a line."""
    return signature_rows([("被告知人签名（捺印）：", 1, True), ("告知民警签名：", 2, False)])


def _copy(
    copy: str,
    *,
    unit: str,
    number: str,
    issued_on: date,
    facts: list[tuple[str, str, str, str]],
    resident_name: str,
    received_at: datetime,
    fraud: str,
) -> list[Flowable]:
    """One copy (``copy`` names it: 第一联　存根), made to fill its page and no more."""
    st = get_paper_styles()
    top: list[Flowable] = [
        *document_head(unit, TITLE, right=number, copy=copy),
        Spacer(1, 3 * mm),
        _facts(facts),
        Spacer(1, 5 * mm),
        para(f"{resident_name}：", st.plain),
        para(
            f"{zh_date(received_at)}，我们接到预警：您可能正在遭遇{fraud}。"
            "民警已经向您当面说明了下面几点，请您仔细看一看，记在心上。",
            st.body,
        ),
    ]
    top += [para(f"{NUMERALS[index]}、{line}", st.body) for index, line in enumerate(WARNING_SIGNS)]
    top += [
        Spacer(1, 3 * mm),
        para("以上内容民警已经向我说明，我已知晓，不再向对方转账汇款。", st.body),
    ]
    bottom: list[Flowable] = [
        _signatures(),
        Spacer(1, 8 * mm),
        Paragraph("告知单位（盖章）", st.seal),
        para(zh_date(issued_on), st.seal),
    ]
    return signed_page(top, bottom, OFFICIAL)


def build_notice(
    out: Path | BinaryIO,
    *,
    resident_name: str,
    mobile: str,
    id_number: str,
    address: str,
    received_at: datetime,
    fraud_type: str,
    officer_name: str,
    unit: str,
    number: str,
    issued_on: date,
    station_phone: str = "",
) -> int:
    """Both copies, a page each; the caller passes the name in full and the rest masked.
    ``number`` is the document number as printed (〔2026〕第 3 号), ``issued_on`` the day it
    was first printed (under the seal)."""
    known = bool(fraud_type) and fraud_type != "other"  # "其他" would read badly
    fraud = zh_name(FRAUD_TYPES, fraud_type) if known else "电信网络诈骗"
    facts = [
        ("被告知人", resident_name, "联系电话", mobile or "—"),
        ("身份证号", id_number or "—", "预警时间", zh_datetime(received_at)),
        ("住址", address or "—", "", ""),
        ("诈骗类型", fraud, "责任民警", officer_name or "—"),
    ]
    story: list[Flowable] = []
    for index, copy in enumerate(COPIES):
        if index:
            story.append(PageBreak())
        story += _copy(
            copy, unit=unit, number=number, issued_on=issued_on, facts=facts,
            resident_name=resident_name, received_at=received_at,
            fraud=f"{fraud}类诈骗" if known else fraud,
        )  # fmt: skip
    return build_pdf(
        out,
        story,
        geometry=OFFICIAL,
        title=TITLE,
        station_name=unit,
        station_phone=station_phone,
        numbered=False,
    )
