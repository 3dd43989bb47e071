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


def test_every_step_passes_on_a_sound_installation(app, data_dir, capsys, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert main(["--lang", "en", "check", "--self-test"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith(("OK", "FAIL", "SKIP"))]
    assert len(lines) == len(selftest.STEPS)
    assert [line.split()[0] for line in lines] == ["OK"] * 5 + ["SKIP"]  # no screen here
    assert "characters read back" in out and "Self-test passed: 5 checks" in out
    if "SQLCipher" in out:  # where the installation can encrypt, encryption was tried
        assert "encrypted file written, read back, closed to others" in out


def _screen_step(language="en"):
    steps = {step.name: step for step in selftest.run_self_test(language)}
    return steps["The screen's own platform (the window as it opens)"]


def test_the_screen_check_starts_the_real_platform_in_a_child(app, data_dir, monkeypatch):
    """With a screen, the platform is started as the window would start it; what Qt says
    when it cannot (a missing xcb library) becomes the step's message."""
    import sys

    monkeypatch.setenv("DISPLAY", ":97")
    said = "qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed"
    monkeypatch.setattr(selftest, "platform_command", lambda: [
        sys.executable, "-c", f"import sys; sys.stderr.write({said!r}); sys.exit(134)"
    ])  # fmt: skip
    step = _screen_step()
    assert not step.ok and not step.skipped and "xcb-cursor0" in step.detail
    monkeypatch.setattr(selftest, "platform_command", lambda: [
        sys.executable, "-c", "import os; print(os.environ.get('QT_QPA_PLATFORM', 'native'))"
    ])  # fmt: skip
    step = _screen_step()
    assert step.ok and step.detail == "native"  # the child is not sent offscreen


def test_the_probe_names_its_platform(app, capsys):
    assert main(["check", "--probe-screen"]) == 0
    assert capsys.readouterr().out.startswith("offscreen")  # the tests' platform


def test_it_leaves_the_data_folder_alone(app, data_dir):
    before = sorted(data_dir.rglob("*"))
    steps = selftest.run_self_test("zh_CN")
    assert all(step.ok for step in steps), steps
    assert sorted(data_dir.rglob("*")) == before


def test_a_missing_font_fails_with_its_path(app, data_dir, monkeypatch, capsys, tmp_path):
    missing = tmp_path / "gone.ttc"
    monkeypatch.setattr("desktop.paths.font_path", lambda file="wqy-microhei.ttc": missing)
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
