"""The hand-written method tables of docs/resources.md agree with the SDK and its catalog.

Each namespace's table lists every public method of the namespace once, with argument
names the method has; each request it names is a catalog entry; every entry the method
sends is named in its row; and the row says "(paged)" exactly when the API pages one of
them (as the generated docs/endpoints.md says).
"""

from __future__ import annotations

import inspect
import re

import pytest

from elasticio._catalog import ENTRIES, Entry, Paged
from elasticio._catalog._usage import client_namespaces, method_entries
from tests.docs._pages import ROOT

PAGE = ROOT / "docs" / "resources.md"
_SECTION = re.compile(r"^### `client\.((?:v1\.)?\w+)`$", re.MULTILINE)
_ROW = re.compile(r"^\| `(?P<name>\w+)\((?P<arguments>[^`]*)\)` +\| (?P<request>.*)\|$")
_REQUEST = re.compile(r"`(GET|POST|PUT|PATCH|DELETE) (/[^`\s]*)`")
_ARGUMENT = re.compile(r"^\*?\*?(\w+)")


def tables() -> dict[str, dict[str, tuple[str, str]]]:
    """Namespace → method → (arguments, request cell), as the page shows them."""
    text = PAGE.read_text("utf-8")
    found: dict[str, dict[str, tuple[str, str]]] = {}
    parts = _SECTION.split(text)
    for namespace, body in zip(parts[1::2], parts[2::2], strict=True):
        rows = [_ROW.match(line) for line in body.splitlines()]
        found[namespace] = {
            row["name"]: (row["arguments"], row["request"]) for row in rows if row is not None
        }
    return found


TABLES = tables()
NAMESPACES = client_namespaces()


def _public_methods(cls: type) -> set[str]:
    return {
        name
        for name, value in vars(cls).items()
        if not name.startswith("_") and inspect.isfunction(value)
    }


def _entry(method: str, template: str) -> Entry:
    matches = [e for e in ENTRIES.values() if (e.method, e.template) == (method, template)]
    assert matches, f"{method} {template} is no catalog entry"
    return matches[0]


def test_every_namespace_has_a_table() -> None:
    """The page has one table per client namespace, and no other."""
    assert set(TABLES) == set(NAMESPACES)


@pytest.mark.parametrize("namespace", sorted(NAMESPACES))
def test_a_table_lists_every_public_method_once(namespace: str) -> None:
    """The rows name exactly the namespace's public methods."""
    assert set(TABLES[namespace]) == _public_methods(NAMESPACES[namespace])


@pytest.mark.parametrize("namespace", sorted(NAMESPACES))
def test_the_arguments_shown_are_the_methods_own(namespace: str) -> None:
    """Every argument a row shows is a parameter of the method (``...`` aside)."""
    for name, (arguments, _) in TABLES[namespace].items():
        parameters = set(inspect.signature(getattr(NAMESPACES[namespace], name)).parameters)
        for argument in re.split(r",\s*|\s+or\s+", arguments):
            match = _ARGUMENT.match(argument.strip())
            if match is not None:
                assert match[1] in parameters, f"client.{namespace}.{name}: {argument}"


@pytest.mark.parametrize("namespace", sorted(NAMESPACES))
def test_requests_are_the_entries_each_method_sends(namespace: str) -> None:
    """Each row names catalog requests, among them every entry the method sends, and
    says "(paged)" exactly when one of those is paged."""
    sends = method_entries(NAMESPACES[namespace])
    for name, (_, cell) in TABLES[namespace].items():
        named = {_entry(method, template).name for method, template in _REQUEST.findall(cell)}
        assert sends.get(name, set()) <= named, f"client.{namespace}.{name}: {cell}"
        paged = any(isinstance(ENTRIES[entry].returns, Paged) for entry in sends.get(name, ()))
        assert ("(paged)" in cell) == paged, f"client.{namespace}.{name}: {cell}"
