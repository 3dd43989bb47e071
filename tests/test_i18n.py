"""The command line reads the Chinese catalogue without Qt, and finds what Qt finds."""

import subprocess
import sys

import pytest

from desktop.i18n import QmCatalogue, catalogue_path, translator_for


@pytest.fixture(scope="module")
def qt_translator():
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(catalogue_path("zh_CN")))
    return translator


def _messages():
    import xml.etree.ElementTree as ET

    ts = catalogue_path("zh_CN").with_suffix(".ts")
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            comment = message.find("comment")
            yield name, message.find("source").text, comment.text if comment is not None else ""


def test_the_catalogue_read_without_qt_agrees_with_qt_on_every_message(qt_translator):
    catalogue = QmCatalogue(catalogue_path("zh_CN").read_bytes())
    messages = list(_messages())
    assert len(messages) > 1000
    differ = [
        (context, source)
        for context, source, comment in messages
        if (catalogue.translate(context, source, comment) or "")
        != qt_translator.translate(context, source, comment or None)
    ]
    assert differ == []


def test_unknown_text_and_wrong_context_fall_back_to_the_source():
    tr = translator_for("zh_CN")
    assert tr("Cli", "commands") != "commands"  # translated
    assert tr("NoSuchContext", "commands") == "commands"
    assert tr("Cli", "no such text anywhere") == "no such text anywhere"
    assert translator_for("en")("Cli", "commands") == "commands"


def test_a_damaged_catalogue_is_refused():
    with pytest.raises(ValueError):
        QmCatalogue(b"not a catalogue at all")


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["print", "--help"]])
def test_the_command_line_starts_without_qt(argv, tmp_path):
    code = (
        "import sys\n"
        "from desktop.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [name for name in sys.modules if name.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "print('QT', loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"OUTREACH_DESK_DATA": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert "QT []" in done.stdout


def test_the_language_chosen_in_settings_is_read_without_qt(data_dir):
    from desktop.settings import LANGUAGE, Settings, stored_language

    assert stored_language() == "zh_CN"  # nothing chosen yet: the default
    Settings().set(LANGUAGE, "en")
    assert stored_language() == "en"
    Settings().set(LANGUAGE, "zh_CN")
    assert stored_language() == "zh_CN"
