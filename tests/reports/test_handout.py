"""The handout: texts as data, one A4 page, large embedded CJK type, never a second page."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.core.catalogue import AUDIENCES, FRAUD_TYPES
from desktop.paths import resource_dir
from desktop.reports.handout import (
    DEFAULT_TOPICS,
    build_handout,
    load_common,
    load_handouts,
)

HANDOUTS = resource_dir() / "handouts"


def _pdf(source) -> PdfReader:
    return PdfReader(source if isinstance(source, Path) else io.BytesIO(source))


def _text(reader: PdfReader) -> str:
    """All text of the document without whitespace (line breaks fall anywhere in Chinese)."""
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


SHRUNK = re.compile(rb"(?<![\d.])0?\.\d+ 0 0 0?\.\d+ [\d.-]+ [\d.-]+ cm")  # scaled to fit


def _content(reader: PdfReader) -> bytes:
    return reader.pages[0].get_contents().get_data()


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def folder(tmp_path) -> Path:
    """A private copy of the shipped handout texts, for tests that spoil one."""
    copy = tmp_path / "handouts"
    shutil.copytree(HANDOUTS, copy)
    return copy


# --- the texts ---------------------------------------------------------------------------------


def test_every_fraud_type_has_a_valid_handout_file():
    texts = load_handouts()
    assert set(texts) == set(FRAUD_TYPES)
    for code, text in texts.items():
        assert text.code == code
        assert text.title
        assert 2 <= len(text.how_it_goes) <= 4, code
        assert 2 <= len(text.what_to_do) <= 4, code
        assert set(text.for_audience) <= set(AUDIENCES), code
        for sentence in (text.title, *text.how_it_goes, *text.what_to_do):
            assert not re.search(r"[A-Za-z]{4,}", sentence), f"{code}: no English: {sentence}"


def test_handout_files_sit_directly_in_the_packaged_folder():
    entries = list(HANDOUTS.iterdir())
    assert all(entry.is_file() and entry.suffix == ".toml" for entry in entries)
    assert {entry.stem for entry in entries} == set(FRAUD_TYPES) | {"common"}


def test_common_text():
    common = load_common()
    assert len(common.rules) == 3
    assert common.hotline_number == "96110"
    assert "96110" in common.hotline_text
    assert "国家反诈中心" in common.app_text
    assert "{station_name}" in common.footer_template
    assert "{station_phone}" in common.footer_template


def test_footer_leaves_out_empty_station_details():
    common = load_common()
    both = common.footer("东江派出所", "0778-1234567")
    assert "东江派出所" in both and "0778-1234567" in both
    assert common.footer("", "") == ""
    name_only = common.footer("东江派出所", "  ")
    assert "东江派出所" in name_only and "{" not in name_only and "：" not in name_only
    phone_only = common.footer("", "0778-1234567")
    assert "0778-1234567" in phone_only and "{" not in phone_only


def test_audience_line_takes_the_first_audience_that_has_one():
    loan = load_handouts()["loan"]
    assert (
        loan.audience_line(["elderly", "villagers", "students"]) == loan.for_audience["villagers"]
    )
    assert loan.audience_line(["nobody"]) == ""


# --- malformed files ---------------------------------------------------------------------------


def test_missing_key_names_the_file_and_the_key(folder):
    path = folder / "loan.toml"
    path.write_text(
        re.sub(r"what_to_do = \[.*?\]", "", path.read_text("utf-8"), flags=re.S), "utf-8"
    )
    with pytest.raises(ValueError, match=r"loan\.toml.*what_to_do"):
        load_handouts(folder)


def test_broken_toml_names_the_file(folder):
    (folder / "romance.toml").write_text('title = "没有结尾的引号\n', "utf-8")
    with pytest.raises(ValueError, match=r"romance\.toml"):
        load_handouts(folder)
    with pytest.raises(ValueError, match=r"romance\.toml"):
        build_handout(io.BytesIO(), topics=["loan"], folder=folder)


def test_unknown_audience_key_is_refused(folder):
    path = folder / "brushing.toml"
    path.write_text(path.read_text("utf-8") + 'teachers = "老师们也要当心。"\n', "utf-8")
    with pytest.raises(ValueError, match=r"brushing\.toml.*for_audience\.teachers"):
        load_handouts(folder)


def test_too_many_sentences_are_refused(folder):
    path = folder / "loan.toml"
    lines = ", ".join(f'"第{i}句。"' for i in range(5))
    path.write_text(
        re.sub(r"how_it_goes = \[.*?\]", f"how_it_goes = [{lines}]", path.read_text("utf-8"),
               flags=re.S),
        "utf-8",
    )  # fmt: skip
    with pytest.raises(ValueError, match=r"loan\.toml.*how_it_goes"):
        load_handouts(folder)


def test_common_file_errors_name_the_file(folder):
    path = folder / "common.toml"
    path.write_text(path.read_text("utf-8").replace('headline = "', 'head_line = "'), "utf-8")
    with pytest.raises(ValueError, match=r"common\.toml.*headline"):
        load_common(folder)


# --- the page ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("topics", "audience", "station_name", "station_phone", "expected"),
    [
        ([], ["elderly"], "金城江区东江派出所", "0778-1234567", list(DEFAULT_TOPICS)),
        (["brushing", "card_renting", "game_trading"], ["students", "parents"], "", "", None),
        # Fewer than three topics are topped up with the most common frauds, in order.
        (
            ["impersonating_leader", "other"],
            ["enterprise_staff"],
            "",
            "0778-7654321",
            ["impersonating_leader", "other", "customer_service"],
        ),
        (["loan"], ["villagers"], "六圩派出所", "", ["loan", "customer_service", "investment"]),
        (
            ["nope", "loan", "loan", "fake_shopping"],
            [],
            "",
            "",
            ["loan", "fake_shopping", "customer_service"],
        ),
    ],
)
def test_build_one_page(tmp_path, topics, audience, station_name, station_phone, expected):
    out = tmp_path / "handout.pdf"
    printed = build_handout(
        out,
        topics=topics,
        audience=audience,
        station_name=station_name,
        station_phone=station_phone,
    )
    assert printed == (expected if expected is not None else topics)
    reader = _pdf(out)
    assert len(reader.pages) == 1
    text = _text(reader)
    assert "96110" in text
    assert "国家反诈中心" in text
    texts = load_handouts()
    for code in printed:
        assert _plain(texts[code].title) in text
        line = texts[code].audience_line(audience)
        if line:
            assert _plain(line) in text
    if station_phone:
        assert station_phone in text
    if station_name:
        assert station_name in text
    if not (station_name or station_phone):
        assert "有事请打" not in text


def test_four_topics_drop_the_last_rather_than_shrink():
    wanted = ["customer_service", "investment", "impersonating_police", "loan"]
    buffer = io.BytesIO()
    printed = build_handout(buffer, topics=wanted, audience=["elderly"])
    assert printed == wanted[: len(printed)]
    assert len(printed) >= 3
    reader = _pdf(buffer.getvalue())
    assert len(reader.pages) == 1
    assert not SHRUNK.search(_content(reader))
    text = _text(reader)
    for code in set(wanted) - set(printed):
        assert _plain(load_handouts()[code].title) not in text


@pytest.mark.parametrize("audience", [[], ["elderly", "students", "enterprise_staff"]])
def test_every_topic_fits_three_to_a_page(audience):
    """The shipped texts are short enough that any three topics share a page at 14 pt."""
    codes = list(FRAUD_TYPES)
    for start in range(len(codes)):
        trio = [codes[(start + i) % len(codes)] for i in range(3)]
        assert build_handout(io.BytesIO(), topics=trio, audience=audience) == trio


def test_unknown_topics_only_fall_back_to_the_default_trio():
    assert build_handout(io.BytesIO(), topics=["no_such_scam"]) == list(DEFAULT_TOPICS)


def test_body_type_is_large_and_the_font_embedded(tmp_path):
    out = tmp_path / "handout.pdf"
    build_handout(out, topics=["customer_service", "investment", "loan"])
    reader = _pdf(out)
    page = reader.pages[0]
    content = page.get_contents().get_data()
    sizes = [float(size) for size in re.findall(rb"/F[\w+]+\s+([\d.]+)\s+Tf", content)]
    assert sizes and min(sizes) >= 14
    assert not SHRUNK.search(content)  # dropping topics, not scaling, keeps it on one page
    assert max(sizes) >= 26  # the headline

    fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        assert "WenQuanYiMicroHei" in font["/BaseFont"]  # the bundled WQYMicroHei
        assert "/FontFile2" in font["/FontDescriptor"]
    assert b"Helvetica" not in out.read_bytes()


def test_writes_to_a_binary_stream():
    buffer = io.BytesIO()
    build_handout(buffer, topics=["romance"], station_phone="110")
    assert buffer.getvalue().startswith(b"%PDF")
    assert len(_pdf(buffer.getvalue()).pages) == 1


def test_overlong_texts_still_print_on_one_page(folder):
    path = folder / "investment.toml"
    long = "这是一句故意写得很长很长的话，用来检查宣传单在文字太多的时候也只印一页纸。" * 6
    path.write_text(
        f'title = "很长的标题"\nhow_it_goes = ["{long}", "{long}", "{long}", "{long}"]\n'
        f'what_to_do = ["{long}", "{long}", "{long}"]\n',
        "utf-8",
    )
    buffer = io.BytesIO()
    printed = build_handout(buffer, topics=["investment", "loan"], folder=folder)
    assert printed == ["investment"]
    reader = _pdf(buffer.getvalue())
    assert len(reader.pages) == 1
    assert SHRUNK.search(_content(reader))  # the last resort: scaled down, never a 2nd page
