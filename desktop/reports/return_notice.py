"""劝返告知书（致家属的一封信）: the letter a family receives about a relative stranded abroad.

One A4 page on the margins of official paper: the issuing unit, the title, the document number;
the letter to the family member on record, naming the person in full (it is the family's own
letter) with the ID number masked; where the person is, the deadline to come back, the policy
for those who return and surrender, what follows for those who do not, what the family can do,
and whom to call; the unit's seal and date. Under a cut line, the receipt (回执) the family
signs and hands back to the station.

The letter is set at 四号 (14 pt), the receipt at 小四 (12 pt): families of these people are
often elderly. The spare height goes above the seal, so the receipt sits at the foot of the page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table

from desktop.core.entities import ReturnCase
from desktop.reports.fonts import FANGSONG, HEI
from desktop.reports.styles import (
    BLANK,
    GRID_LINE,
    OFFICIAL,
    SIZE_4,
    SIZE_SMALL_4,
    build_pdf,
    document_head,
    get_paper_styles,
    para,
    zh_date,
)
from desktop.reports.typeset import TextBlock

TITLE = "劝返告知书"
SUBTITLE = "（致家属的一封信）"
RECEIPT = "回\u3000执"
CUT = "（请沿此线剪下，回执交回告知单位）"
# Room to write in: reportlab folds runs of spaces, U+3000 among them, but keeps no-break ones.
SIGNATURE_ROW = 11 * mm
# A little closer than the dissuasion notice's lines: the letter and its receipt share a page.
LEADING = SIZE_4 * 1.6

# What the category of the entry lets the letter say of the person, plainly.
WHY = {
    "high_risk": "有参与电信网络诈骗违法犯罪活动的嫌疑",
    "suspected_victim": "可能是被人以高薪招工为名骗到境外的",
}
# What follows for those who stay away: the measures the ledger records, in general words.
CONSEQUENCES = (
    "逾期拒不回国的，公安机关将依法对其列管列控，暂停办理其户籍相关业务，暂停其名下银行卡、"
    "电话卡的新开户和部分功能，并依法追究其法律责任。"
)
POLICY = (
    "主动回国投案、如实说明情况的，可以依法从宽处理；在境外被骗、被控制的，回国后如实说明"
    "情况，公安机关将依法处理并提供帮助。越早回来，越主动。"
)
FAMILY = (
    "请您多与{name}联系，讲清利害，劝其尽早回国。请不要给其汇款转账，不要替其办理或者出借"
    "银行卡、电话卡。知道其下落、回国行程，或者需要帮助的，请及时与我们联系。"
)


def _small(name: str, **kw) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=FANGSONG, fontSize=SIZE_SMALL_4, leading=SIZE_SMALL_4 * 1.6,
        textColor=colors.black, wordWrap="CJK", **kw,
    )  # fmt: skip


def _paragraph(value: str) -> TextBlock:
    """A paragraph of the letter: indented two characters, both edges straight, no line
    starting with a closing mark (typeset.TextBlock)."""
    st = get_paper_styles().body
    return TextBlock(value, font=st.fontName, size=SIZE_4, leading=LEADING, indent=2)


class _CutLine(Flowable):
    """A dashed line across the page, the instruction in a gap in its middle."""

    def __init__(self) -> None:
        super().__init__()
        self.height = SIZE_SMALL_4 * 1.6

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        words = stringWidth(CUT, FANGSONG, SIZE_SMALL_4)
        middle = self.height / 2
        gap = (self.width - words) / 2 - 2 * mm
        canvas.saveState()
        canvas.setLineWidth(GRID_LINE)
        canvas.setDash(3, 3)
        canvas.line(0, middle, gap, middle)
        canvas.line(self.width - gap, middle, self.width, middle)
        canvas.setFont(FANGSONG, SIZE_SMALL_4)
        canvas.drawCentredString(self.width / 2, middle - SIZE_SMALL_4 * 0.35, CUT)
        canvas.restoreState()


def _receipt(unit: str, number: str, person_name: str, deadline: str) -> list[Flowable]:
    """The receipt the family signs: what they received and that they will persuade."""
    body = _small("return-receipt", firstLineIndent=2 * SIZE_SMALL_4)
    plain = _small("return-receipt-plain")
    right = _small("return-receipt-right", alignment=TA_RIGHT)
    title = ParagraphStyle(
        "return-receipt-title", fontName=HEI, fontSize=SIZE_4, leading=SIZE_4 * 1.5,
        alignment=TA_CENTER, textColor=colors.black,
    )  # fmt: skip
    rows = [
        [para("家属签名（捺印）：", plain), "", para("与其关系：", plain), ""],
        [para("联系电话：", plain), "", para(f"年{BLANK}月{BLANK}日", right), ""],
    ]
    signatures = Table(rows, colWidths=[42 * mm, 46 * mm, 24 * mm, None], rowHeights=SIGNATURE_ROW)
    signatures.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FANGSONG),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("LINEBELOW", (1, 0), (1, 1), GRID_LINE, colors.black),
            ("LINEBELOW", (3, 0), (3, 0), GRID_LINE, colors.black),
            ("SPAN", (2, 1), (3, 1)),
        ]
    )
    return [
        para(RECEIPT, title),
        para(f"{' '.join(unit.split())}：" if unit.strip() else "告知单位：", plain),
        para(
            f"你单位《劝返告知书》（{number}）已收到，内容我已知晓。我将积极配合，劝说"
            f"{person_name}{deadline}回国，到公安机关投案或者报到。",
            body,
        ),
        signatures,
    ]


def build_return_notice(
    out: Path | BinaryIO,
    *,
    case: ReturnCase,
    person_name: str,
    id_number: str,
    place: str,
    officer_name: str,
    officer_phone: str,
    unit: str,
    number: str,
    issued_on: date,
    station_phone: str = "",
) -> int:
    """The letter and its receipt on one page; the caller passes the person's name in full,
    the ID number masked and the place abroad by its Chinese name. ``number``: the document
    number as printed (劝返〔2026〕第 3 号), ``issued_on`` the day it was first printed."""
    st = get_paper_styles()
    width, height = OFFICIAL.text_width, OFFICIAL.text_height
    # The relation on record is the family member's to the person (父亲: the father writes
    # back), so the letter calls the person their family member, never by that word.
    addressee = case.family_name.strip() or f"{person_name}的家属"
    identity = f"（身份证号码：{id_number}）" if id_number else ""
    left = f"于{zh_date(case.left_on)}出境，" if case.left_on else "已出境，"
    abroad = "境外" if case.location == "other" else place
    why = f"经核查，其{WHY[case.category]}。" if case.category in WHY else ""
    if case.deadline_on and case.deadline_on >= issued_on:
        deadline = f"于{zh_date(case.deadline_on)}前"
        ask = f"请您转告{person_name}，务必{deadline}回国，"
    elif case.deadline_on:
        deadline = "尽快"
        ask = (f"公安机关通告的回国期限（{zh_date(case.deadline_on)}）已过，{person_name}"
               "仍未回国。请您转告其务必立即回国，")  # fmt: skip
    else:
        deadline = "尽早"
        ask = f"请您转告{person_name}，务必尽早回国，"
    ask += "主动到公安机关投案或者报到，说明情况。"
    contact = "、".join(
        part for part in (f"责任民警{officer_name}" if officer_name else "", officer_phone) if part
    )
    subtitle = ParagraphStyle(
        "return-subtitle", parent=st.reference_left, alignment=TA_CENTER, fontName=FANGSONG
    )
    head = document_head(unit, TITLE)
    top: list[Flowable] = [
        *head,
        para(SUBTITLE, subtitle),
        para(number, st.reference),
        Spacer(1, 2 * mm),
        para(f"{addressee}：", st.plain),
        _paragraph(
            f"您的家人{person_name}{identity}{left}目前滞留在{abroad}。在境外从事或者协助从事"
            f"电信网络诈骗活动，是违法犯罪行为。{why}"
        ),
        _paragraph(ask + POLICY),
        _paragraph(CONSEQUENCES),
        _paragraph(FAMILY.format(name=person_name)),
    ]
    if contact:
        top.append(_paragraph(f"联系方式：{contact}。"))
    seal: list[Flowable] = [
        Paragraph("告知单位（盖章）", st.seal),
        para(zh_date(issued_on), st.seal),
    ]
    receipt = [Spacer(1, 4 * mm), _CutLine(), Spacer(1, 2 * mm),
               *_receipt(unit, number, person_name, deadline)]  # fmt: skip
    used = sum(f.wrap(width, height)[1] + f.getSpaceAfter() for f in (*top, *seal, *receipt))
    spare = max(height - used - 1, 4 * mm)  # a point to spare: rounding never shrinks the page
    story = [*top, Spacer(1, spare * 0.5), *seal, Spacer(1, spare * 0.5), *receipt]
    # A very long unit or name still keeps the letter and its receipt to the page.
    return build_pdf(
        out,
        [KeepInFrame(width, height, story, mode="shrink")],
        geometry=OFFICIAL,
        title=TITLE,
        station_name=unit,
        station_phone=station_phone,
        numbered=False,
    )
