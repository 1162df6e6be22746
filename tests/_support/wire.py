"""What a respx test reads from the request the SDK sent, and pages it serves back.

Example:
    >>> request = httpx.Request("GET", "https://x/v2/users?b=2&a=1")
    >>> query(request)
    [('a', '1'), ('b', '2')]
    >>> body(request) is None
    True
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

__all__ = ["body", "paged", "query"]


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
