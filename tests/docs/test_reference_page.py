"""The API reference page renders the whole public API, from markdown docstrings.

docs/reference.md names each public object with a mkdocstrings ``:::`` line; the
docstrings it renders are markdown for mkdocstrings (cross-references written
``[X][elasticio.X]``), with no reStructuredText roles that would show as literal text, and
their examples under a google-style ``Examples:`` section, which the site renders as code.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import elasticio
from elasticio._catalog._usage import client_namespaces
from tests.docs._pages import ROOT

PAGE = ROOT / "docs" / "reference.md"
SOURCE = ROOT / "src" / "elasticio"
_DIRECTIVE = re.compile(r"^::: (\S+)$", re.MULTILINE)
_RST = re.compile(r":(?:class|meth|func|data|attr|mod|exc|obj|py:\w+):`|\.\. code-block::")
_SINGULAR = re.compile(r"^\s*Example:\s*$", re.MULTILINE)


def rendered() -> set[str]:
    """The objects the page renders, by the path its ``:::`` lines give."""
    return set(_DIRECTIVE.findall(PAGE.read_text("utf-8")))


def test_every_exported_name_is_rendered() -> None:
    """Each name in ``elasticio.__all__`` has its own entry on the page."""
    missing = {f"elasticio.{name}" for name in elasticio.__all__} - rendered()
    assert not missing


def test_every_namespace_of_the_client_is_rendered() -> None:
    """Each namespace the client declares (``client.flows`` ...) has its entry."""
    expected = {f"elasticio.resources.{cls.__name__}" for cls in client_namespaces().values()}
    assert expected <= rendered()


def test_the_public_subpackages_are_rendered() -> None:
    """``elasticio.jsonapi`` and ``elasticio.testing`` are rendered whole."""
    assert {"elasticio.jsonapi", "elasticio.testing"} <= rendered()


def _resolve(path: str) -> object:
    try:
        return importlib.import_module(path)
    except ImportError:
        module, _, name = path.rpartition(".")
        return getattr(importlib.import_module(module), name)


def test_every_entry_names_a_public_object() -> None:
    """No entry points at a private module, or at a name that does not exist."""
    for path in rendered():
        assert not any(part.startswith("_") for part in path.split(".")), path
        assert _resolve(path) is not None


SOURCES = sorted(SOURCE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.relative_to(SOURCE).as_posix())
def test_docstrings_are_markdown(path: Path) -> None:
    """No reStructuredText role or directive, and examples under ``Examples:``."""
    text = path.read_text("utf-8")
    assert not _RST.findall(text)
    assert not _SINGULAR.findall(text)
