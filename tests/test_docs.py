"""The documentation generated from the code stays in step with it."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_figures_page_lists_every_figure_as_defined():
    spec = importlib.util.spec_from_file_location("figures_doc", ROOT / "tools" / "figures_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = (ROOT / "docs" / "figures.md").read_text(encoding="utf-8")
    assert page == module.render(), "run `python tools/figures_doc.py`"


# -- the user guide ---------------------------------------------------------------------------

GUIDES = {"zh_CN": ROOT / "docs" / "guide.zh_CN.md", "en": ROOT / "docs" / "guide.en.md"}
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pictures(path: Path) -> list[str]:
    return PICTURE.findall(path.read_text(encoding="utf-8"))


def _views(language: str) -> list[str]:
    suffix = f"-{language}.png"
    names = [Path(picture).name for picture in _pictures(GUIDES[language])]
    assert all(name.endswith(suffix) for name in names), f"pictures of another language: {names}"
    return [name[: -len(suffix)] for name in names]


def _headings(language: str, level: str) -> list[str]:
    lines = GUIDES[language].read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.startswith(level + " ")]


def test_every_picture_the_guides_show_is_in_docs_screenshots():
    for path in GUIDES.values():
        pictures = _pictures(path)
        assert pictures, f"{path.name} shows no picture"
        missing = [p for p in pictures if not (path.parent / p).is_file()]
        assert missing == [], f"run `python tools/screenshots.py`: {missing}"


def test_every_picture_of_the_guides_and_the_readme_is_made_by_tools_screenshots():
    tool = _tool("screenshots")
    made = {f"{view}-{language}.png" for view in tool.VIEWS for language in tool.LANGUAGES}
    assert set(GUIDES) <= set(tool.LANGUAGES)
    shown = [Path(p).name for path in GUIDES.values() for p in _pictures(path)]
    shown += [Path(p).name for p in _pictures(ROOT / "README.md")]
    assert [name for name in shown if name not in made] == []


def test_both_guides_have_the_same_sections_and_pictures():
    for level in ("##", "###"):
        assert len(_headings("zh_CN", level)) == len(_headings("en", level)), level
    assert _views("zh_CN") == _views("en")
