"""Help › About: version, data folder, and every component with its licence."""

from desktop import __version__
from desktop.licences import COMPONENTS, licence_texts


def test_about_names_the_version_the_data_folder_and_the_licences(window, data_dir):
    dialog = window.show_about()
    assert __version__ in dialog.title.text()
    assert dialog.data_path.text() == str(data_dir)
    assert dialog.db_text.text() == str(window.database.path)
    names = [dialog.components.item(row, 0).text() for row in range(dialog.components.rowCount())]
    assert names == [component.name for component in COMPONENTS]
    assert "WenQuanYi" in names[0]
    # The font's licence is shown first: it travels inside every PDF the program prints.
    assert "Apache License" in dialog.licence_text.toPlainText()
    dialog.components.selectRow(1)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()


def test_every_component_has_a_version_or_a_licence_text(window):
    dialog = window.show_about()
    for row, component in enumerate(COMPONENTS):
        version = dialog.components.item(row, 1).text()
        if component.distribution is None and component.name not in ("Python", "SQLite"):
            assert licence_texts(component), component  # the font: its text ships with us
        else:
            assert version, component


def test_licence_texts_of_installed_distributions_are_found():
    by_name = {component.name: component for component in COMPONENTS}
    texts = dict(licence_texts(by_name["ReportLab"]))
    assert any("BSD" in text or "Redistribution" in text for text in texts.values())
    font = dict(licence_texts(by_name[COMPONENTS[0].name]))
    # The font's copyright file is Latin-1, not UTF-8: it is read, not refused.
    assert "WenQuanYi" in font["LICENSE-wqy-microhei.txt"]
    assert "Apache License" in font["LICENSE-Apache-2.0.txt"]


def test_about_speaks_chinese(window):
    window.translations.install("zh_CN")
    dialog = window.show_about()
    assert dialog.windowTitle() == "关于反诈工作台"
    assert dialog.components.horizontalHeaderItem(2).text() == "许可证"
