"""Help › About: version, data folder, and every component with its licence."""

from desktop import __version__
from desktop.licences import COMPONENTS, licence_texts, shown_components


def test_about_names_the_version_the_data_folder_and_the_licences(window, data_dir):
    dialog = window.show_about()
    assert __version__ in dialog.title.text()
    assert dialog.data_path.text() == str(data_dir)
    assert dialog.db_text.text() == str(window.database.path)
    names = [dialog.components.item(row, 0).text() for row in range(dialog.components.rowCount())]
    assert [name.split(": ")[0] for name in names] == [c.name for c in shown_components()]
    assert "WenQuanYi" in names[0]
    # The font's licence is shown first: it travels inside every PDF the program prints.
    assert "Apache License" in dialog.licence_text.toPlainText()
    dialog.components.selectRow(names.index("Qt 6 / PySide6"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()


def test_every_font_the_printouts_embed_is_listed_with_its_use_version_and_licence(window):
    dialog = window.show_about()
    rows = {component.name: row for row, component in enumerate(dialog.shown)}
    expected = {
        "WenQuanYi Micro Hei": ("0.2.0-beta", "Apache-2.0", "Apache License", "the screens"),
        "AR PL SungtiL GB": ("2.11", "Arphic", "ARPHIC PUBLIC LICENSE", "body text (Song"),
        "AR PL KaitiM GB": ("2.11", "Arphic", "ARPHIC PUBLIC LICENSE", "subheadings (Kai)"),
        "WenKai Supplement": ("1.250", "OFL-1.1", "SIL OPEN FONT LICENSE", "rare characters"),
    }
    for font, (version, licence, text, use) in expected.items():
        row = next(row for name, row in rows.items() if name.startswith(font))
        name = dialog.components.item(row, 0).text()
        assert "font" in name and use in name, name
        assert dialog.components.item(row, 1).text() == version
        assert licence in dialog.components.item(row, 2).text()
        dialog.components.selectRow(row)
        assert text in dialog.licence_text.toPlainText(), font
    # The supplement's file and licence say what it was cut from, as the OFL asks.
    dialog.components.selectRow(rows[next(n for n in rows if n.startswith("WenKai"))])
    assert "Copyright 2021-2023 LXGW" in dialog.licence_text.toPlainText()


def test_every_distribution_shows_its_version_and_its_licence_text(window):
    dialog = window.show_about()
    for row, component in enumerate(dialog.shown):
        version = dialog.components.item(row, 1).text()
        if component.distribution is not None:
            assert version, component
            assert licence_texts(component), component
    shown = {component.name for component in dialog.shown}
    assert "Python" in shown and licence_texts(next(c for c in COMPONENTS if c.name == "Python"))


def test_licence_texts_of_installed_distributions_are_found():
    by_name = {component.name: component for component in COMPONENTS}
    texts = dict(licence_texts(by_name["ReportLab"]))
    assert any("BSD" in text or "Redistribution" in text for text in texts.values())
    font = dict(licence_texts(by_name[COMPONENTS[0].name]))
    # The font's copyright file mixes UTF-8 (its Chinese name) and Latin-1 (a ©): both read.
    assert "文泉驿微米黑" in font["LICENSE-wqy-microhei.txt"]
    assert "©" in font["LICENSE-wqy-microhei.txt"]
    assert "Apache License" in font["LICENSE-Apache-2.0.txt"]


def test_about_speaks_chinese(window):
    window.translations.install("zh_CN")
    dialog = window.show_about()
    assert dialog.windowTitle() == "关于反诈工作台"
    assert dialog.components.horizontalHeaderItem(2).text() == "许可证"


def test_a_database_in_a_folder_named_like_markup_is_named_as_written(window, tmp_path, qtbot):
    """A folder (a USB stick's) may be called ``<b>X</b>``: the status bar and About name it."""
    from PySide6.QtCore import Qt

    from desktop.ui.about import AboutDialog

    path = tmp_path / "<b>X</b>" / "station.sqlite3"
    dialog = AboutDialog(path, window)
    qtbot.addWidget(dialog)
    assert dialog.db_text.text() == str(path)
    assert dialog.db_text.textFormat() == Qt.TextFormat.PlainText
    assert window.status_path.textFormat() == Qt.TextFormat.PlainText
