"""The emulator is an independent oracle: it shares only the catalog with the SDK."""

from __future__ import annotations

import ast
from pathlib import Path

import elasticio.testing

# The catalog (data), the path encoder, the error tree and the settings names; the public
# ``elasticio`` package too, for the emulator's ``client()`` convenience.
ALLOWED = (
    "elasticio.testing",
    "elasticio._catalog",
    "elasticio._paths",
    "elasticio._errors",
    "elasticio._config",
)
FORBIDDEN_HINTS = ("elasticio.jsonapi", "elasticio.models", "elasticio.resources")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_emulator_imports_no_sdk_codec_model_or_resource() -> None:
    """No emulator module imports the SDK's codec, models or namespaces."""
    root = Path(elasticio.testing.__file__).parent
    files = sorted(root.rglob("*.py"))
    assert len(files) > 10
    offenders = {
        f"{path.relative_to(root)}: {module}"
        for path in files
        for module in imported_modules(path)
        if module.startswith("elasticio")
        and module != "elasticio"
        and not module.startswith(ALLOWED)
    }
    assert offenders == set()


def test_the_check_would_see_a_forbidden_import(tmp_path: Path) -> None:
    """The scan itself finds an import of the SDK's codec."""
    module = tmp_path / "bad.py"
    module.write_text("from elasticio.jsonapi import Document\n", encoding="utf-8")
    assert imported_modules(module) & set(FORBIDDEN_HINTS) == {"elasticio.jsonapi"}
