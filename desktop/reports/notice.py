"""劝阻告知书: the dissuasion notice a resident reads and signs after a visit.

One A4 page: what the officer found, the warning signs of the fraud, what the resident is
asked not to do, and lines for both signatures. Personal data is masked unless the caller
asks for the full values (and logs that request): the notice is often filled in at the door
and a copy stays in the station's files.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop.core.catalogue import FRAUD_TYPES, zh_name
from desktop.reports.styles import (
    GRID_LINE,
    PORTRAIT,
    build_pdf,
    get_styles,
    text,
    zh_date,
    zh_datetime,
)

ADVICE = (
    "公安机关、检察院、法院不会通过电话、网络办案，不存在“安全账户”。",
    "凡是要求您转账、汇款、提供验证码、下载陌生软件或共享屏幕的，都是诈骗。",
    "不要相信“刷单返利”“高额回报”“低息贷款”“退款理赔”等说法。",
    "接到 96110 来电请立即接听；遇到可疑情况请先挂断，再拨打 110 或 96110 核实。",
)


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
    station_name: str = "",
    station_phone: str = "",
) -> int:
    """One page; the caller passes values already masked (or full, on explicit request)."""
    st = get_styles()
    fraud = (
        zh_name(FRAUD_TYPES, fraud_type)
        if fraud_type and fraud_type != "other"
        else "电信网络诈骗"  # "其他" would read badly in the sentence below
    )
    facts = [
        ("当事人", resident_name),
        ("联系电话", mobile or "—"),
        ("身份证号", id_number or "—"),
        ("住址", address or "—"),
        ("预警时间", zh_datetime(received_at)),
        ("疑似诈骗类型", fraud),
    ]
    table = Table(
        [[Paragraph(text(k), st.head), Paragraph(text(v), st.cell)] for k, v in facts],
        colWidths=[32 * mm, None],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.font),
                ("GRID", (0, 0), (-1, -1), GRID_LINE, "#000000"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    body = [
        Paragraph(text("劝阻告知书"), st.title),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 5 * mm),
        Paragraph(
            text(
                f"经公安机关预警，您可能正在遭遇{fraud}。民警已当面向您说明以下情况，"
                "请您认真阅读，确认知晓后签字："
            ),
            st.info,
        ),
        Spacer(1, 2 * mm),
    ]
    for number, line in enumerate(ADVICE, start=1):
        body.append(Paragraph(text(f"{number}. {line}"), st.info))
    body += [
        Spacer(1, 8 * mm),
        Paragraph(text("本人已知晓上述内容，不再向对方转账汇款。"), st.info),
        Spacer(1, 14 * mm),
        Paragraph(text("当事人签字：________________　　　日期：____年____月____日"), st.info),
        Spacer(1, 10 * mm),
        Paragraph(
            text(
                f"劝阻民警：{officer_name or '________________'}　　　日期：{zh_date(received_at.date())}"
            ),
            st.info,
        ),
    ]
    return build_pdf(
        out,
        body,
        geometry=PORTRAIT,
        title="劝阻告知书",
        station_name=station_name,
        station_phone=station_phone,
    )
