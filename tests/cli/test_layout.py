"""The applications' place: public API only, and no extra loaded to parse a command line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import elasticio
import elasticio.jsonapi
import elasticio.testing
from tests._support.processes import python, stop

CLI = Path(elasticio.__file__).parent / "_cli"
PUBLIC = {
    "elasticio": set(elasticio.__all__),
    "elasticio.jsonapi": set(elasticio.jsonapi.__all__),
    "elasticio.testing": set(elasticio.testing.__all__),
}


def imports_of_elasticio(path: Path) -> list[tuple[str, str]]:
    """``(module, name)`` for every name a file imports from elasticio, outside ``_cli``."""
    found: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(a.name, "") for a in node.names if a.name.startswith("elasticio")]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("elasticio"):
            found += [(node.module or "", alias.name) for alias in node.names]
    return [(module, name) for module, name in found if not module.startswith("elasticio._cli")]


@pytest.mark.parametrize("path", sorted(CLI.rglob("*.py")), ids=lambda p: str(p.relative_to(CLI)))
def test_the_applications_use_only_public_names(path: Path) -> None:
    """No ``elasticio._x`` or ``elasticio.testing._x``: only names in the packages' ``__all__``."""
    for module, name in imports_of_elasticio(path):
        assert module in PUBLIC, f"{path.name} imports from {module}"
        assert not name or name in PUBLIC[module], f"{path.name} imports {module}.{name}"


def test_the_imports_are_found() -> None:
    """The check above sees the imports it is meant to judge."""
    assert ("elasticio.testing", "serve_emulator") in imports_of_elasticio(
        CLI / "demo" / "wiring.py"
    )


async def test_parsing_a_command_line_loads_no_extra() -> None:
    """Parsing a command line loads neither the emulator nor the demo's display.

    (rich itself cannot be checked: httpx imports it for its own command when present.)
    """
    heavy = [
        "starlette",
        "uvicorn",
        "elasticio.testing",
        "elasticio._cli.demo.display",
    ]
    code = (
        "import contextlib, io, sys; from elasticio._cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['flows', 'start', '--help']) == 0\n"
        f"print(sorted(set(sys.modules) & {set(heavy)!r}))"
    )
    async with python("-c", code) as process:
        out, _ = await stop(process)
    assert (process.returncode, out) == (0, b"[]\n")
