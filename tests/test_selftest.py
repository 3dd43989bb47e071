"""`outreach-desk check --self-test`: what an officer (and CI on the built folder) runs to know
the installation works."""

import pytest

from desktop import selftest
from desktop.cli import main


@pytest.fixture
def app(qapp):
    from desktop.ui.app import create_application

    application, translations = create_application("en")
    yield application
    translations.install("en")


def test_every_step_passes_on_a_sound_installation(app, data_dir, capsys):
    assert main(["--lang", "en", "check", "--self-test"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith(("OK", "FAIL"))]
    assert len(lines) == len(selftest.STEPS) and all(line.startswith("OK ") for line in lines)
    assert "characters read back" in out and "Self-test passed: 4 checks" in out


def test_it_leaves_the_data_folder_alone(app, data_dir):
    before = sorted(data_dir.rglob("*"))
    steps = selftest.run_self_test("zh_CN")
    assert all(step.ok for step in steps), steps
    assert sorted(data_dir.rglob("*")) == before


def test_a_missing_font_fails_with_its_path(app, data_dir, monkeypatch, capsys, tmp_path):
    missing = tmp_path / "gone.ttc"
    monkeypatch.setattr("desktop.paths.font_path", lambda: missing)
    assert main(["--lang", "en", "check", "--self-test"]) == 1
    captured = capsys.readouterr()
    assert "FAIL Bundled resources (font, translations, icons, handouts)" in captured.out
    assert str(missing) in captured.out
    assert "Self-test failed" in captured.err


def test_a_pdf_without_its_text_fails(app, data_dir, monkeypatch):
    monkeypatch.setattr(selftest, "HANDOUT_PROBE", "这段文字不在宣传单上")
    steps = {step.name: step for step in selftest.run_self_test("en")}
    pdf = steps["PDF with the embedded Chinese font, read back"]
    assert not pdf.ok and "did not read back" in pdf.detail
    assert steps["Main window, offscreen"].ok  # the other steps still ran


def test_the_steps_speak_chinese(app, data_dir, capsys):
    assert main(["--lang", "zh_CN", "check", "--self-test"]) == 0
    out = capsys.readouterr().out
    assert "嵌入中文字体的 PDF" in out and "自检通过" in out
