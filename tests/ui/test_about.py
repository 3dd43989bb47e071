"""Help › About: version, data folder, and every component with its licence."""

from desktop import __version__
from desktop.licences import COMPONENTS, licence_texts, shown_components


def test_about_names_the_version_the_data_folder_and_the_licences(window, data_dir):
    dialog = window.show_about()
    assert __version__ in dialog.title.text()
    assert dialog.data_path.text() == str(data_dir)
    assert dialog.db_text.text() == str(window.database.path)
    names = [dialog.components.item(row, 0).text() for row in range(dialog.components.rowCount())]
    assert names == [component.name for component in shown_components()]
    assert "WenQuanYi" in names[0]
    # The font's licence is shown first: it travels inside every PDF the program prints.
    assert "Apache License" in dialog.licence_text.toPlainText()
    dialog.components.selectRow(1)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()


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
