"""Install instructions are true: the package is not on PyPI, so nothing says it is."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# `pip install elasticio`, `pip install 'elasticio[cli]'`, `uv add elasticio`...; a wheel's
# file name (`elasticio-0.1.0-py3-none-any.whl`) is a true instruction and does not match.
FROM_AN_INDEX = re.compile(
    r"""(?:pip3?\s+install(?:\s+-U)?|uv\s+(?:add|pip\s+install)|poetry\s+add|pipx\s+install)"""
    r"""\s+["']?elasticio(?![\w.-])""",
    re.IGNORECASE,
)
TOLD_TO_USERS = sorted(
    [
        ROOT / "README.md",
        *(ROOT / "docs").glob("*.md"),
        *(ROOT / "src").rglob("*.py"),
    ]
)


def test_the_pattern_catches_an_index_install_and_spares_a_wheel() -> None:
    """The check itself: what it refuses and what it lets through."""
    assert FROM_AN_INDEX.search("run `pip install 'elasticio[emulator]'` first")
    assert FROM_AN_INDEX.search("uv add elasticio")
    assert not FROM_AN_INDEX.search("pip install 'dist/elasticio-0.1.0-py3-none-any.whl[cli]'")
    assert not FROM_AN_INDEX.search("pip install 'elasticio-….whl[cli]'")
    assert not FROM_AN_INDEX.search("pip install '.[emulator]'")


def test_nothing_installs_elasticio_from_an_index() -> None:
    """README, docs, docstrings, CLI hints and error messages install from a checkout or a
    wheel, unless the line says that installing from PyPI does not work yet."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in TOLD_TO_USERS
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if FROM_AN_INDEX.search(line) and "does not work" not in line
    ]
    assert len(TOLD_TO_USERS) > 100
    assert offenders == []
