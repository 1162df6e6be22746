"""The platform documentation's examples, kept as JSON under ``tests/fixtures``.

Example:
    >>> docs("users/me")["data"]["type"]
    'user'
    >>> docs("flows/copy", {"{FLOW_ID}": "f1"})["data"]["id"]
    'f1'
    >>> flows = examples_of("flows", {"{FLOW_ID}": "f1"})
    >>> flows("copy")["data"]["id"]
    'f1'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["FIXTURES", "docs", "examples_of", "load_fixture"]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def load_fixture(name: str) -> Any:
    """A JSON fixture by relative path, e.g. ``components/list.json``, as it is stored."""
    return json.loads((FIXTURES / name).read_text())


def docs(name: str, placeholders: Mapping[str, str] | None = None) -> Any:
    """A docs example by name, e.g. ``users/me``, its placeholders (``{FLOW_ID}``...)
    replaced by the values given; any other placeholder is left as written."""
    text = json.dumps(load_fixture(f"{name}.json"))
    for placeholder, value in (placeholders or {}).items():
        text = text.replace(placeholder, value)
    return json.loads(text)


def examples_of(area: str, placeholders: Mapping[str, str]) -> Callable[[str], Any]:
    """``docs`` for one area's examples, with that area's placeholders: the result of
    ``examples_of("flows", ids)("get")`` is ``docs("flows/get", ids)``."""

    def example(name: str) -> Any:
        return docs(f"{area}/{name}", placeholders)

    return example
