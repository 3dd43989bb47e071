"""The documentation generated from the code stays in step with it."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_figures_page_lists_every_figure_as_defined():
    spec = importlib.util.spec_from_file_location("figures_doc", ROOT / "tools" / "figures_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = (ROOT / "docs" / "figures.md").read_text(encoding="utf-8")
    assert page == module.render(), "run `python tools/figures_doc.py`"
