"""What the resource tests share: docs examples as fixtures, and reading a sent request."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from tests.conftest import load_fixture


def docs(name: str, placeholders: Mapping[str, str] | None = None) -> Any:
    """A docs example from ``tests/fixtures``, e.g. ``users/me``, placeholders filled in."""
    text = json.dumps(load_fixture(f"{name}.json"))
    for placeholder, value in (placeholders or {}).items():
        text = text.replace(placeholder, value)
    return json.loads(text)


def query(request: httpx.Request) -> list[tuple[str, str]]:
    """The request's query parameters, in a stable order."""
    return sorted(request.url.params.multi_items())


def body(request: httpx.Request) -> Any:
    """The request's JSON body, or None when it sent none."""
    return json.loads(request.content) if request.content else None


def paged(pages: list[list[dict[str, Any]]]) -> Callable[[httpx.Request], httpx.Response]:
    """A respx side effect serving ``pages`` by ``page[number]``, with ``meta.total_pages``."""

    def respond(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params.get("page[number]", "1"))
        meta = {"page": number, "per_page": len(pages[0]), "total_pages": len(pages)}
        return httpx.Response(200, json={"data": pages[number - 1], "meta": meta})

    return respond
