"""Printing from the preview: the pages chosen in the print dialog, at a resolution a laptop's
memory can hold."""

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.ui.print_preview import PRINT_DPI, print_pages


@pytest.fixture
def three_pages(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "three.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in (1, 2, 3):
        pdf.drawString(72, 720, f"page {number}")
        pdf.showPage()
    pdf.save()
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    yield document
    document.close()


def _printer(tmp_path, name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / name))
    return printer


def _pages_in(path) -> int:
    document = QPdfDocument()
    document.load(str(path))
    try:
        return document.pageCount()
    finally:
        document.close()


def test_every_page_by_default(qapp, three_pages, tmp_path):
    printer = _printer(tmp_path, "all.pdf")
    assert print_pages(three_pages, printer) == 3
    assert _pages_in(tmp_path / "all.pdf") == 3


def test_only_the_pages_chosen_in_the_dialog(qapp, three_pages, tmp_path):
    printer = _printer(tmp_path, "two.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_pages(three_pages, printer) == 2
    assert _pages_in(tmp_path / "two.pdf") == 2


def test_pages_are_drawn_at_a_bounded_resolution(qapp, three_pages, tmp_path, monkeypatch):
    asked = []
    render = three_pages.render
    monkeypatch.setattr(
        three_pages, "render", lambda page, size: asked.append(size) or render(page, size)
    )
    printer = _printer(tmp_path, "dpi.pdf")
    printer.setResolution(1200)
    print_pages(three_pages, printer)
    width = three_pages.pagePointSize(0).width()
    assert asked and all(size.width() == round(width * PRINT_DPI / 72) for size in asked)
