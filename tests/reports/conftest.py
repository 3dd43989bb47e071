"""A sample talk for the printed forms: Chinese text, aware times in China Standard Time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desktop.core.entities import Talk

CST = timezone(timedelta(hours=8))


@pytest.fixture
def talk() -> Talk:
    return Talk(
        title="守护老人“钱袋子”——防范养老诈骗专题宣讲",
        starts_at=datetime(2026, 11, 25, 14, 30, tzinfo=CST),
        ends_at=datetime(2026, 11, 25, 16, 0, tzinfo=CST),
        venue="幸福里社区党群服务中心二楼多功能厅",
        venue_kind="community",
        area_name="幸福里社区",
        audience=["elderly", "residents"],
        topics=["investment", "impersonating_police"],
        organiser_name="王建国",
        co_organisers="幸福里社区居委会、工商银行幸福里支行",
        expected_headcount=80,
        status="confirmed",
        id="talk-1",
    )


def pdf_page_texts(path) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


def pdf_fonts(path) -> list[dict]:
    """Every font the pages refer to: its BaseFont and whether a TrueType program is embedded."""
    from pypdf import PdfReader

    fonts = []
    for page in PdfReader(path).pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).get_object().values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            program = descendants.get_object()[0].get_object() if descendants else font
            descriptor = program.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts.append({"base": str(font["/BaseFont"]), "embedded": "/FontFile2" in descriptor})
    return fonts


def pdf_drawn_lines(path) -> list[list[tuple[float, float, float, str]]]:
    """Each page's lines as drawn: (x where it starts, y, its smallest type in points, text),
    x and y on the page (pieces of text at one height are one line)."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(path).pages:
        lines: dict[float, tuple[float, float, float, str]] = {}

        def visit(text, cm, tm, _font, size, lines=lines):
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = round(cm[1] * tm[4] + cm[3] * tm[5] + cm[5], 1)
                size = size * tm[0] * cm[0]
                x0, _, size0, text0 = lines.get(y, (x, y, size, ""))
                lines[y] = (min(x, x0), y, min(size, size0), text0 + text.strip())

        page.extract_text(visitor_text=visit)
        pages.append(sorted(lines.values(), key=lambda line: -line[1]))
    return pages


@pytest.fixture
def drawn_lines():
    return pdf_drawn_lines


@pytest.fixture
def page_texts():
    return pdf_page_texts


@pytest.fixture
def fonts_of():
    return pdf_fonts
