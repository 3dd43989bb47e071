"""The work briefing as a Word document: the faces an office computer has (as East Asian
fonts), GB/T 9704's page, the same text and tables as the PDF, page numbers the only field."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from pypdf import PdfReader

from desktop.demo import generate_demo
from desktop.domain.statistics import Period
from desktop.reports import briefing_docx as word
from desktop.reports.briefing import build_briefing
from desktop.reports.briefing_docx import build_briefing_docx
from desktop.reports.briefing_issue import Distribution
from desktop.reports.documents import briefing_data, compose_briefing

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The same issue of a county's month as .docx and as PDF."""
    from desktop.db.opening import open_database

    folder = tmp_path_factory.mktemp("briefing-docx")
    database = open_database(folder / "demo.sqlite3")
    generate_demo(database, seed=2, today=TODAY)
    county = database.scalar("SELECT id FROM areas WHERE level = 'county' ORDER BY code LIMIT 1")
    data = briefing_data(database, Period.month(2026, 10), county)
    composed = compose_briefing(database, Period.month(2026, 10), county, data)
    database.close()
    issue = replace(
        composed, number=3, unit="金城江区公安分局反诈中心",
        issued_on=date(2026, 11, 5),
        distribution=Distribution(report_to="市公安局反诈中心", send_to="各派出所", copies=30),
    )  # fmt: skip
    build_briefing_docx(folder / "briefing.docx", issue, data)
    pdf = io.BytesIO()
    build_briefing(pdf, issue, data)
    return folder / "briefing.docx", pdf.getvalue()


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _east_asian(style) -> str:
    return style.element.rPr.rFonts.get(qn("w:eastAsia"))


def test_styles_name_the_office_faces_as_east_asian_fonts(built):
    styles = docx.Document(built[0]).styles
    faces = {
        word.NAME_STYLE: "方正小标宋简体",
        word.TITLE_STYLE: "方正小标宋简体",
        word.BODY_STYLE: "仿宋_GB2312",
        word.HEADING_STYLE: "黑体",
        word.LEAD_STYLE: "楷体_GB2312",
        word.ANNEX_MARK_STYLE: "黑体",
        word.TABLE_STYLE: "仿宋_GB2312",
        "Normal": "仿宋_GB2312",
    }
    assert {name: _east_asian(styles[name]) for name in faces} == faces
    assert styles[word.NAME_STYLE].font.color.rgb == docx.shared.RGBColor(0xBF, 0, 0)
    assert (
        styles[word.BODY_STYLE].font.size.pt == 16 and styles[word.TITLE_STYLE].font.size.pt == 22
    )


def test_the_page_is_gbt_9704s(built):
    document = docx.Document(built[0])
    (section,) = document.sections
    for value, millimetres in ((section.page_width, 210), (section.page_height, 297),
                               (section.top_margin, 37), (section.bottom_margin, 35),
                               (section.left_margin, 28), (section.right_margin, 26)):  # fmt: skip
        assert abs(value - Mm(millimetres)) < Mm(0.1), millimetres
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.text.startswith("— ") and odd.text.endswith(" —") and "PAGE" in odd._p.xml
    assert (odd.alignment, even.alignment) == (2, 0)  # right on odd pages, left on even ones


def test_the_text_is_the_pdfs(built):
    path, pdf = built
    document = docx.Document(path)
    paragraphs = [_flat(paragraph.text) for paragraph in document.paragraphs]
    body = paragraphs[: paragraphs.index("附件1")]
    pages = [_flat(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]
    first_annex = next(index for index, text in enumerate(pages) if text.startswith("附件1"))
    pdf_body = re.sub(r"—\d+—", "", "".join(pages[:first_annex]))
    assert "".join(body) == pdf_body
    assert body[:3] == ["反诈工作简报", "第3期", "金城江区公安分局反诈中心2026年11月5日"]
    # Every row of every table reads as in the PDF's annexes; the column heads repeat.
    annex_text = "".join(pages[first_annex:])
    *annex_tables, last = document.tables
    for table in annex_tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows:
            assert _flat("".join(cell.text for cell in row.cells)) in annex_text
    # The distribution block closes the document, as it closes the PDF.
    assert [cell.text for row in last.rows for cell in row.cells] == [
        "报：市公安局反诈中心", "发：各派出所", "共印30份",
    ]  # fmt: skip


def test_page_numbers_are_the_only_field(built):
    with zipfile.ZipFile(built[0]) as archive:
        parts = {name: archive.read(name).decode() for name in archive.namelist()
                 if name.startswith("word/") and name.endswith(".xml")}  # fmt: skip
    instructions = [text.strip() for xml in parts.values()
                    for text in re.findall(r"<w:instrText[^>]*>([^<]*)<", xml)]  # fmt: skip
    assert instructions == ["PAGE", "PAGE"]
    assert not any("fldSimple" in xml for xml in parts.values())
