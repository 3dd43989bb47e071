"""Every user-visible string has a finished Chinese translation; English is the source text.

lupdate is run over the package into a copy of the committed catalogue: a string added to the
code without a translation shows up as unfinished, a string removed from the code as obsolete,
and a catalogue edited without recompiling as a stale .qm.
"""

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import i18n as i18n_tool  # noqa: E402

# A placeholder's name; a translation may format it differently ({month:02d} → {month}).
PLACEHOLDER = re.compile(r"\{(\w*)(?:[:!][^{}]*)?\}")


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory):
    committed = i18n_tool.ts_path("zh_CN")
    copy = tmp_path_factory.mktemp("i18n") / committed.name
    shutil.copy(committed, copy)
    i18n_tool.update([copy])
    return copy


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            yield name, message


def test_every_string_in_the_code_is_translated(fresh_catalogue):
    unfinished = [
        f"{context}: {message.find('source').text}"
        for context, message in _messages(fresh_catalogue)
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not "".join(message.find("translation").itertext()).strip()
    ]
    assert unfinished == [], "run `python tools/i18n.py update` and translate these"


def test_committed_catalogue_is_current(fresh_catalogue):
    committed = i18n_tool.ts_path("zh_CN")
    current = {(c, m.find("source").text) for c, m in _messages(fresh_catalogue)}
    stored = {(c, m.find("source").text) for c, m in _messages(committed)}
    assert current == stored, "run `python tools/i18n.py update` and commit the catalogue"


def test_translations_keep_their_placeholders(fresh_catalogue):
    wrong = []
    for context, message in _messages(fresh_catalogue):
        source = message.find("source").text
        translation = "".join(message.find("translation").itertext())
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            wrong.append(f"{context}: {source!r} -> {translation!r}")
        if source.count("%n") != translation.count("%n"):
            wrong.append(f"{context}: %n in {source!r}")
    assert wrong == []


def test_compiled_catalogue_matches_the_source(tmp_path):
    ts = i18n_tool.ts_path("zh_CN")
    rebuilt = tmp_path / "rebuilt.qm"
    i18n_tool.compile_catalogue(ts, rebuilt)
    assert rebuilt.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        "run `python tools/i18n.py compile` and commit the .qm"
    )


def test_chinese_is_what_the_command_line_speaks(tmp_path, capsys):
    from desktop.cli import main

    assert main(["--db", str(tmp_path / "missing.sqlite3"), "--lang", "zh_CN", "check"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"[\u4e00-\u9fff]", err), err


def test_catalogue_translations_match_the_printed_names(fresh_catalogue):
    """The UI's Chinese for a fraud type, audience or status is the name printed on documents."""
    from desktop.core import catalogue

    translations = {
        message.find("source").text: "".join(message.find("translation").itertext())
        for context, message in _messages(fresh_catalogue)
        if context == "Catalogue"
    }
    for entries in (
        catalogue.FRAUD_TYPES,
        catalogue.AUDIENCES,
        catalogue.VENUE_KINDS,
        catalogue.TALK_STATUSES,
        catalogue.WARNING_SOURCES,
        catalogue.WARNING_LEVELS,
        catalogue.OUTCOMES,
        catalogue.CONTACT_METHODS,
        catalogue.CONTACT_RESULTS,
        catalogue.AREA_LEVELS,
        catalogue.OFFICER_ROLES,
        catalogue.PARTNER_KINDS,
        catalogue.CAMPAIGN_KINDS,
    ):
        for entry in entries.values():
            assert translations[entry.en] == entry.zh, entry


def test_english_plural_forms_are_complete_and_compiled(tmp_path):
    """English is the source text; its small catalogue gives "1 day" and "2 days"."""
    committed = i18n_tool.ts_path("en")
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    i18n_tool.update([copy])
    messages = list(_messages(copy))
    assert messages and all(m.get("numerus") == "yes" for _c, m in messages)
    assert {(c, m.find("source").text) for c, m in messages} == {
        (c, m.find("source").text) for c, m in _messages(committed)
    }, "run `python tools/i18n.py update`"
    for context, message in messages:
        forms = [form.text or "" for form in message.find("translation")]
        assert len(forms) == 2 and all("%n" in form for form in forms), context
    rebuilt = tmp_path / "en.qm"
    i18n_tool.compile_catalogue(committed, rebuilt)
    assert rebuilt.read_bytes() == committed.with_suffix(".qm").read_bytes()


def test_english_counts_read_naturally(qapp):
    from PySide6.QtCore import QCoreApplication

    from desktop.ui.app import create_application

    _app, translations = create_application("en")
    translate = QCoreApplication.translate
    assert translate("WarningsPage", "%n day(s) overdue", "", 1) == "1 day overdue"
    assert translate("WarningsPage", "%n day(s) overdue", "", 3) == "3 days overdue"
    # Where the count is often one: the streak after a loss, a resident's first warning.
    assert translate("WarningsPage", "Zero-loss streak: %n day(s)", "", 1).endswith(": 1 day")
    today = "%n day(s) in a row with no warned resident defrauded"
    assert translate("TodayPage", today, "", 1).startswith("1 day in a row")
    assert translate("TodayPage", today, "", 6).startswith("6 days in a row")
    match = translate("IntakeDialog", "{name} · {mobile} · %n warning(s) · {reason}", "", 1)
    assert " · 1 warning · " in match
    cleared = translate("SettingsDialog", "Personal data of %n resident(s) cleared.", "", 1)
    assert cleared == "Personal data of 1 resident cleared."
    translations.install("zh_CN")
    try:
        assert translate("TodayPage", today, "", 1) == "已连续 1 天预警后零被骗"
    finally:
        translations.install("en")


CHINESE = re.compile(r"[\u4e00-\u9fff]")


def test_english_figure_definitions_and_messages_carry_no_chinese():
    """An English reader meets the figures and the messages in English only: the Chinese words
    of a figure are its Chinese text, never a parenthesis inside the English one. (Examples of
    what to type, such as 5.2万, and the Chinese names of printed forms stay.)"""
    from desktop.core.figures import BY_KEY

    for key, figure in BY_KEY.items():
        assert not CHINESE.search(figure.name), key
        assert not CHINESE.search(figure.definition), key
    for context, message in _messages(i18n_tool.ts_path("zh_CN")):
        source = message.find("source").text
        if context in ("Figures", "Validation") and "such as" not in source:
            assert not CHINESE.search(source.replace("民警, 辅警 or 网格员", "")), source
