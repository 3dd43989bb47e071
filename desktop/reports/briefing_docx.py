"""工作简报 as a Word document (.docx) the officer can edit in Word or WPS: the same text, tables
and header block as the PDF (``briefing``), on the same page.

Styles are named for what they set and use the faces an office computer has: 方正小标宋简体 for
the name and titles, 仿宋_GB2312 for the body, 黑体 for 一、 headings, 楷体_GB2312 for （一）
leads — as East Asian fonts (``w:eastAsia``; python-docx's ``font.name`` sets only the Latin
one, which Word never uses for Chinese). A4 with GB/T 9704's margins, 22 lines of 28
characters (the body's characters narrowed by a quarter point); page numbers "— n —" in the footer, odd pages right, even pages left.
The charts are the PDF's only: an officer edits words and tables, not drawings.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from desktop.reports.briefing import (
    ANNEX_LIST,
    BODY_SIZE,
    CHARS_PER_LINE,
    FOLIO_DROP,
    FOLIO_SIZE,
    HEADING,
    HEAVY_RULE,
    LINE,
    NAME_SIZE,
    OFFICIAL,
    RED,
    RED_RULE,
    TABLE_LEADING,
    TABLE_SIZE,
    THIN_RULE,
    TITLE,
    TITLE_SIZE,
    Annex,
    AnnexTable,
    BriefingData,
    annexes,
    body_paragraphs,
    distribution_lines,
    issue_label,
)
from desktop.reports.briefing_issue import BriefingIssue
from desktop.reports.styles import printed_unit, zh_date
from desktop.reports.typeset import CENTER, LEFT, RIGHT

TITLE_FACE = "方正小标宋简体"
BODY_FACE = "仿宋_GB2312"
HEADING_FACE = "黑体"
LEAD_FACE = "楷体_GB2312"
FOLIO_FACE = "宋体"  # GB/T 9704: page numbers in size 4 半角宋体
LATIN_FACE = "Times New Roman"

# The styles this document defines, by name.
NAME_STYLE = "简报名称"
ISSUE_STYLE = "简报期号"
ISSUER_STYLE = "编印单位"
TITLE_STYLE = "简报标题"
BODY_STYLE = "简报正文"
HEADING_STYLE = "一级标题"
LEAD_STYLE = "二级标题"  # a character style: the lead of a paragraph
ANNEX_LIST_STYLE = "附件说明"
ANNEX_MARK_STYLE = "附件标识"
TABLE_STYLE = "表格文字"
TABLE_HEAD_STYLE = "表头"
NOTE_STYLE = "表注"
DISTRIBUTION_STYLE = "版记"
FOLIO_STYLE = "页码"

_ALIGN = {LEFT: WD_ALIGN_PARAGRAPH.LEFT, CENTER: WD_ALIGN_PARAGRAPH.CENTER,
          RIGHT: WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}  # fmt: skip
_RED = RGBColor(*(round(255 * part) for part in (RED.red, RED.green, RED.blue)))
_TWIPS_PER_POINT = 20
# Body type narrowed by a quarter point (紧缩 0.25 磅), as office templates do: 28 characters of
# size 3 then fit the 156 mm line (28 × 15.75 pt = 441 pt of 442). The PDF narrows it by the
# exact amount, which Word's whole twentieths of a point cannot say.
BODY_TRACKING = -0.25
# What follows w:spacing in a run's properties, in the schema's order.
_AFTER_RUN_SPACING = (
    "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
    "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip
# A paragraph's properties in the order the schema wants them (Word refuses a file with them
# out of order); python-docx places only those it knows of.
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _property(paragraph: Paragraph, tag: str):
    """The paragraph's property ``tag`` (w:pBdr, w:framePr), added in its place if missing."""
    properties = paragraph._p.get_or_add_pPr()
    found = properties.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        properties.insert_element_before(found, *_PPR_ORDER[_PPR_ORDER.index(tag) + 1 :])
    return found


def _pt(points: float) -> Emu:
    return Emu(round(points * 12700))


def _hex(color: RGBColor) -> str:
    return str(color)


# --- styles ------------------------------------------------------------------------------------


def _set_faces(style: BaseStyle, east_asian: str, latin: str = LATIN_FACE) -> None:
    """The style's face for Chinese (``w:eastAsia``) and for Latin letters and digits."""
    style.font.name = latin
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)


def _indent_chars(paragraph_format_element, first: float = 0, hang: float = 0) -> None:
    """Indents in characters (Word's 首行缩进 2 字符), which follow the grid's character pitch;
    the point values are what readers without the grid use."""
    ind = paragraph_format_element.get_or_add_pPr().get_or_add_ind()
    pitch = OFFICIAL.text_width / CHARS_PER_LINE
    if hang:
        ind.set(qn("w:leftChars"), str(round(hang * 100)))
        ind.set(qn("w:left"), str(round(hang * pitch * _TWIPS_PER_POINT)))
        ind.set(qn("w:hangingChars"), str(round((hang - first) * 100)))
        ind.set(qn("w:hanging"), str(round((hang - first) * pitch * _TWIPS_PER_POINT)))
    elif first:
        ind.set(qn("w:firstLineChars"), str(round(first * 100)))
        ind.set(qn("w:firstLine"), str(round(first * pitch * _TWIPS_PER_POINT)))


def _paragraph_style(
    document,
    name: str,
    face: str,
    size: float,
    *,
    leading: float = LINE,
    align: str = "justify",
    first: float = 0,
    hang: float = 0,
    color: RGBColor | None = None,
    latin: str = LATIN_FACE,
):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    _set_faces(style, face, latin)
    style.font.size = Pt(size)
    if color is not None:
        style.font.color.rgb = color
    if size == BODY_SIZE:
        _track(style)
    paragraph = style.paragraph_format
    paragraph.alignment = _ALIGN[align]
    paragraph.line_spacing = _pt(leading)  # exact: the grid's line, whatever the face
    paragraph.space_before = paragraph.space_after = Pt(0)
    paragraph.widow_control = False  # 22 lines a page, as the PDF
    _indent_chars(style.element, first, hang)
    return style


def _track(style: BaseStyle) -> None:
    """Narrow the style's characters by ``BODY_TRACKING`` (w:spacing of its run properties)."""
    properties = style.element.get_or_add_rPr()
    tracking = properties.find(qn("w:spacing"))
    if tracking is None:
        tracking = OxmlElement("w:spacing")
        properties.insert_element_before(tracking, *_AFTER_RUN_SPACING)
    tracking.set(qn("w:val"), str(round(BODY_TRACKING * _TWIPS_PER_POINT)))


def _set_defaults(document) -> None:
    """The document's defaults: Chinese body type in size 3, no space between paragraphs.
    Word takes the document grid's character pitch from this size, and the template's theme
    faces (which would stand for any face a style names for Chinese) are dropped."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = run.find(qn("w:rFonts"))
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for key, face in (("ascii", LATIN_FACE), ("hAnsi", LATIN_FACE), ("eastAsia", BODY_FACE)):
        fonts.set(qn(f"w:{key}"), face)
    for tag in ("w:sz", "w:szCs"):
        run.find(qn(tag)).set(qn("w:val"), str(BODY_SIZE * 2))  # half-points
    run.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    for key in list(spacing.attrib):
        del spacing.attrib[key]
    spacing.set(qn("w:after"), "0")


def _define_styles(document) -> None:
    _set_defaults(document)
    normal = document.styles["Normal"]
    _set_faces(normal, BODY_FACE)
    normal.font.size = Pt(BODY_SIZE)
    normal.paragraph_format.line_spacing = _pt(LINE)
    normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
    _track(normal)
    _paragraph_style(document, NAME_STYLE, TITLE_FACE, NAME_SIZE, leading=2 * LINE,
                     align=CENTER, color=_RED)  # fmt: skip
    _paragraph_style(document, ISSUE_STYLE, BODY_FACE, BODY_SIZE, align=CENTER)
    _paragraph_style(document, ISSUER_STYLE, BODY_FACE, BODY_SIZE, align=LEFT)
    _paragraph_style(document, TITLE_STYLE, TITLE_FACE, TITLE_SIZE, align=CENTER)
    _paragraph_style(document, BODY_STYLE, BODY_FACE, BODY_SIZE, first=2)
    _paragraph_style(document, HEADING_STYLE, HEADING_FACE, BODY_SIZE, first=2)
    _paragraph_style(document, ANNEX_LIST_STYLE, BODY_FACE, BODY_SIZE)
    _paragraph_style(document, ANNEX_MARK_STYLE, HEADING_FACE, BODY_SIZE, align=LEFT)
    _paragraph_style(document, TABLE_STYLE, BODY_FACE, TABLE_SIZE, leading=TABLE_LEADING,
                     align=LEFT)  # fmt: skip
    _paragraph_style(document, TABLE_HEAD_STYLE, HEADING_FACE, TABLE_SIZE,
                     leading=TABLE_LEADING, align=CENTER)  # fmt: skip
    _paragraph_style(document, NOTE_STYLE, BODY_FACE, TABLE_SIZE, leading=1.5 * TABLE_LEADING,
                     align=LEFT)  # fmt: skip
    _paragraph_style(document, DISTRIBUTION_STYLE, BODY_FACE, FOLIO_SIZE,
                     leading=1.8 * FOLIO_SIZE, align=LEFT)  # fmt: skip
    _paragraph_style(document, FOLIO_STYLE, FOLIO_FACE, FOLIO_SIZE, leading=1.2 * FOLIO_SIZE,
                     latin=FOLIO_FACE)  # fmt: skip
    lead = document.styles.add_style(LEAD_STYLE, WD_STYLE_TYPE.CHARACTER)
    lead.quick_style = True
    _set_faces(lead, LEAD_FACE)


def _style(paragraph: Paragraph, style: str) -> None:
    """Set the paragraph's style by its id, which is its name (ours have no spaces).
    python-docx's lookup by name reads every style of its template each time: it took
    nine-tenths of the build."""
    paragraph._p.get_or_add_pPr().style = style


def _add(document, text: str, style: str) -> Paragraph:
    paragraph = document.add_paragraph(text)
    _style(paragraph, style)
    return paragraph


# --- page ----------------------------------------------------------------------------------------


def _set_page(document) -> None:
    """A4, GB/T 9704's margins, page numbers under the type area (the footer's top 7 mm under
    it), odd and even pages' footers apart. No document grid: every style says its line's
    height (WPS and LibreOffice would set a table's lines on the body's grid)."""
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = _pt(OFFICIAL.width), _pt(OFFICIAL.height)
    section.top_margin, section.bottom_margin = _pt(OFFICIAL.top), _pt(OFFICIAL.bottom)
    section.left_margin, section.right_margin = _pt(OFFICIAL.left), _pt(OFFICIAL.right)
    section.header_distance = _pt(OFFICIAL.top / 2)
    section.footer_distance = _pt(OFFICIAL.bottom - FOLIO_DROP - 1.2 * FOLIO_SIZE)
    document.settings.odd_and_even_pages_header_footer = True
    _folio(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _folio(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _folio(paragraph: Paragraph, alignment) -> None:
    """— n — (the PAGE field), one character in from the type area's outer edge."""
    _style(paragraph, FOLIO_STYLE)
    paragraph.alignment = alignment
    inset = _pt(FOLIO_SIZE)
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = inset
    else:
        paragraph.paragraph_format.left_indent = inset
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):  # fmt: skip
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text.strip() == "PAGE":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            shown = OxmlElement("w:t")
            shown.text = text
            run._r.append(shown)
    paragraph.add_run(" —")


def _border(paragraph: Paragraph, side: str, width: float, color: str = "000000",
            space: float = 1) -> None:  # fmt: skip
    """A rule on one side (top, then bottom) of a paragraph, ``width`` in points."""
    rule = OxmlElement(f"w:{side}")
    rule.set(qn("w:val"), "single")
    rule.set(qn("w:sz"), str(round(width * 8)))  # eighths of a point
    rule.set(qn("w:space"), str(round(space)))
    rule.set(qn("w:color"), color)
    _property(paragraph, "w:pBdr").append(rule)


# --- content ----------------------------------------------------------------------------------


def _header_block(document, issue: BriefingIssue) -> None:
    _add(document, issue.name, NAME_STYLE)
    _add(document, f"第{issue.number}期", ISSUE_STYLE)
    # The unit one character in on the left, the date one character in on the right, the red
    # rule 4 mm under them; then a blank line above the title.
    issuer = _add(document, f"{printed_unit(issue.unit)}\t{zh_date(issue.issued_on)}", ISSUER_STYLE)
    issuer.paragraph_format.left_indent = issuer.paragraph_format.right_indent = Pt(BODY_SIZE)
    issuer.paragraph_format.tab_stops.add_tab_stop(
        _pt(OFFICIAL.text_width - 2 * BODY_SIZE), WD_TAB_ALIGNMENT.RIGHT
    )
    _border(issuer, "bottom", RED_RULE, _hex(_RED), space=4 * 72 / 25.4)
    _add(document, "", BODY_STYLE)


def _body(document, issue: BriefingIssue, titles: list[str]) -> None:
    for paragraph in body_paragraphs(issue, titles):
        if paragraph.kind == TITLE:
            _add(document, paragraph.text, TITLE_STYLE)
            _add(document, "", BODY_STYLE)
        elif paragraph.kind == HEADING:
            _add(document, paragraph.text, HEADING_STYLE)
        elif paragraph.kind == ANNEX_LIST:
            if paragraph.text.startswith("附件"):
                _add(document, "", BODY_STYLE)
            line = _add(document, paragraph.text, ANNEX_LIST_STYLE)
            _indent_chars(line._p, paragraph.indent, paragraph.hang)
        else:
            line = _add(document, "", BODY_STYLE)
            if paragraph.lead:
                line.add_run(paragraph.lead)._r.style = LEAD_STYLE
            if paragraph.text:
                line.add_run(paragraph.text)


def _table(document, table: AnnexTable) -> Table:
    """A ruled table; its first row repeats on every page it runs to, no row splits."""
    grid = document.add_table(rows=len(table.rows), cols=len(table.widths))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "bottom"):  # as the PDF's cells: 2 pt over and under the text
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(2 * _TWIPS_PER_POINT))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    grid._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption",
                                          "w:tblDescription", "w:tblPrChange")  # fmt: skip
    for column, width in zip(grid.columns, table.widths, strict=True):
        column.width = _pt(width)
    for row_index, (row, values) in enumerate(zip(grid.rows, table.rows, strict=True)):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if row_index == 0:
            properties.append(OxmlElement("w:tblHeader"))
        for cell, value, width, align in zip(row.cells, values, table.widths, table.aligns,
                                             strict=True):  # fmt: skip
            cell.width = _pt(width)
            paragraph = cell.paragraphs[0]
            _style(paragraph, TABLE_HEAD_STYLE if row_index == 0 else TABLE_STYLE)
            if row_index:
                paragraph.alignment = _ALIGN[align]
            paragraph.add_run(value)
    return grid


def _annex(document, annex: Annex) -> None:
    mark = _add(document, f"附件{annex.number}", ANNEX_MARK_STYLE)
    mark.paragraph_format.page_break_before = True
    mark.paragraph_format.keep_with_next = True
    title = _add(document, annex.title, TITLE_STYLE)
    title.paragraph_format.keep_with_next = True
    title.paragraph_format.space_after = _pt(LINE / 2)
    if annex.empty:
        _add(document, annex.empty, BODY_STYLE)
    for table in annex.tables:
        if table.label:
            label = _add(document, table.label, TABLE_HEAD_STYLE)
            label.alignment = WD_ALIGN_PARAGRAPH.LEFT
            label.paragraph_format.keep_with_next = True
        _table(document, table)
    if annex.note:
        _add(document, annex.note, NOTE_STYLE)


def _distribution(document, issue: BriefingIssue) -> None:
    """版记 under the last annex: its lines in a table ruled across (heavy first and last rule,
    thin between, none at the sides), one character in from both edges, kept on one page.
    (Word can set a block at the foot of whatever page it falls on only by floating it, over
    whatever text is there: it follows the annex instead, and the officer may move it down.)"""
    lines = distribution_lines(issue)
    if not lines:
        return
    table = document.add_table(rows=len(lines), cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    table.columns[0].width = _pt(OFFICIAL.text_width)
    borders = OxmlElement("w:tblBorders")
    for side, width in (("top", HEAVY_RULE), ("left", 0), ("bottom", HEAVY_RULE),
                        ("right", 0), ("insideH", THIN_RULE), ("insideV", 0)):  # fmt: skip
        rule = OxmlElement(f"w:{side}")
        rule.set(qn("w:val"), "single" if width else "nil")
        if width:
            rule.set(qn("w:sz"), str(round(width * 8)))  # eighths of a point
            rule.set(qn("w:color"), "000000")
        borders.append(rule)
    table._tbl.tblPr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
        "w:tblDescription", "w:tblPrChange",
    )  # fmt: skip
    for index, (row, text) in enumerate(zip(table.rows, lines, strict=True)):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cell = row.cells[0]
        cell.width = _pt(OFFICIAL.text_width)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        line = cell.paragraphs[0]
        _style(line, DISTRIBUTION_STYLE)
        line.add_run(text)
        line.paragraph_format.keep_with_next = index < len(lines) - 1
        if text.startswith("共印"):
            line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            line.paragraph_format.right_indent = Pt(FOLIO_SIZE)
        else:
            _indent_chars(line._p, 1, 3)


def build_briefing_docx(
    out: Path | str | BinaryIO, issue: BriefingIssue, data: BriefingData
) -> None:
    """Write the briefing as .docx (how many pages it takes is Word's to say)."""
    document = Document()
    _define_styles(document)
    _set_page(document)
    # The template's empty first paragraph would push the header block down a line.
    for paragraph in list(document.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    document.core_properties.title = issue_label(issue)
    document.core_properties.author = issue.unit or data.station_name
    parts = annexes(issue, data)
    _header_block(document, issue)
    _body(document, issue, [annex.title for annex in parts])
    for annex in parts:
        _annex(document, annex)
    _distribution(document, issue)
    document.save(str(out) if isinstance(out, (str, Path)) else out)
