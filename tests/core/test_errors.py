"""Every error message is marked in the translation context its class renders it with."""

import ast
from pathlib import Path

from desktop.core import errors
from desktop.core.errors import OutreachError, ValidationError

PACKAGE = Path(__file__).resolve().parents[2] / "desktop"


def _error_classes() -> dict[str, str]:
    """Class name -> translation context, for every OutreachError subclass in the package."""
    import importlib
    import pkgutil

    import desktop

    found = {}
    for module_info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        if module_info.name.startswith("desktop.ui") or module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, OutreachError):
                found[value.__name__] = value.context
    return found


def test_raise_sites_use_their_class_context():
    contexts = _error_classes()
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in contexts or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Call) and getattr(first.func, "id", "") == "QT_TRANSLATE_NOOP":
                marked = first.args[0].value
                if marked != contexts[node.func.id]:
                    wrong.append(f"{path.name}:{node.lineno} {node.func.id} marked {marked!r}")
    assert wrong == []


def test_render_translates_template_then_formats():
    error = ValidationError("Bad {value}", field="mobile", value="123")
    assert error.render() == "Bad 123"
    assert error.render(lambda context, text: f"[{context}] {text}") == "[Validation] Bad 123"
    assert error.field == "mobile"
    assert str(error) == "Bad 123"


def test_noop_marker_returns_the_text():
    assert errors.QT_TRANSLATE_NOOP("Any", "text") == "text"
