"""The recovery code on paper: printed once when the password is set, kept apart from the
laptop. It is the only way back when the password is lost."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from desktop.core import clock
from desktop.reports.styles import PORTRAIT, build_pdf, get_styles, text, zh_date


def build_recovery_sheet(
    out: Path | BinaryIO, code: str, *, database_name: str, station_name: str = ""
) -> int:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    st = get_styles()
    big = ParagraphStyle("code", parent=st.title, fontSize=24, leading=34, alignment=TA_CENTER)
    body = [
        Paragraph(text("反诈工作台 恢复码"), st.title),
        Spacer(1, 8 * mm),
        Paragraph(text(code), big),
        Spacer(1, 8 * mm),
        Paragraph(text(f"数据库：{database_name}"), st.info),
        Paragraph(text(f"设置日期：{zh_date(clock.today())}"), st.info),
        Spacer(1, 6 * mm),
        Paragraph(
            text(
                "忘记密码时，在解锁窗口勾选“忘记密码：使用恢复码”，输入上面的恢复码即可打开程序，"
                "然后请立即设置新密码。密码和恢复码都遗失时，任何人都无法恢复数据。"
                "请把这张纸和电脑分开保管，不要拍照、不要放在电脑包里。"
            ),
            ParagraphStyle("explain", parent=st.cell, fontSize=12, leading=20),
        ),
    ]
    return build_pdf(out, body, geometry=PORTRAIT, title="恢复码", station_name=station_name)
