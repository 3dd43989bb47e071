"""Laying documents out on their pages."""

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from desktop.reports.fonts import HEI, register_fonts
from desktop.reports.styles import PORTRAIT, build_pdf, text


def _story() -> list[Paragraph]:
    register_fonts(HEI)
    style = ParagraphStyle("body", fontName=HEI, fontSize=16, leading=28, wordWrap="CJK")
    return [
        Paragraph(text(f"第{number}段：" + "群众反诈意识明显提高，" * (number % 7 + 1), HEI), style)
        for number in range(80)
    ]


def test_counting_the_pages_lays_them_out_as_printing_does_and_writes_nothing(tmp_path, page_texts):
    """A text fitted to its pages is laid out several times: counting gives the pages the
    printed file has, with or without a header block, and draws and writes nothing."""
    out = tmp_path / "printed.pdf"
    printed = build_pdf(out, _story(), geometry=PORTRAIT, title="标题")
    assert printed == len(page_texts(out)) > 3
    assert build_pdf(None, _story(), geometry=PORTRAIT) == printed

    header = [Paragraph(text("河池市公安局反诈中心", HEI), ParagraphStyle("h", fontName=HEI))]
    with_header = tmp_path / "with-header.pdf"
    pages = build_pdf(with_header, _story(), geometry=PORTRAIT, header=header)
    assert build_pdf(None, _story(), geometry=PORTRAIT, header=header) == pages
    assert pages == len(page_texts(with_header)) >= printed
    assert sorted(path.name for path in tmp_path.iterdir()) == ["printed.pdf", "with-header.pdf"]
