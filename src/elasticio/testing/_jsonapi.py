"""JSON:API building blocks for responses: resources, relationships, documents, pages."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs
import orjson

from elasticio.testing._errors import bad_request

__all__ = [
    "PageRequest",
    "document",
    "identifier",
    "link",
    "page_request",
    "paginate",
    "resource",
    "to_many",
    "to_one",
]

T = TypeVar("T")
Json = dict[str, Any]
Data = Json | orjson.Fragment
"""A resource, as a dict or as JSON text written before (a cached view)."""


def identifier(type: str, id: str) -> Json:
    return {"id": id, "type": type}


def to_one(type: str, id: str, *, self_link: str | None = None, related: str | None = None) -> Json:
    """A to-one relationship: its identifier and, when given, its links."""
    relationship: Json = {"data": {"id": id, "type": type}}
    if self_link is not None or related is not None:
        links = relationship["links"] = {}
        if self_link is not None:
            links["self"] = self_link
        if related is not None:
            links["related"] = related
    return relationship


# Where a resource of each type lives, for the self links of relationships to it.
_HOMES = {
    "component": "/v2/components",
    "contract": "/v2/contracts",
    "flow": "/v2/flows",
    "user": "/v2/users",
    "vpn-agent": "/v2/agents/vpn",
    "workspace": "/v2/workspaces",
}


def link(type: str, id: str) -> Json:
    """A to-one relationship to a resource at its home URL.

    Examples:
        >>> link("user", "u1")
        {'data': {'id': 'u1', 'type': 'user'}, 'links': {'self': '/v2/users/u1'}}
    """
    return {"data": {"id": id, "type": type}, "links": {"self": f"{_HOMES[type]}/{id}"}}


def to_many(type: str, ids: Iterable[str], *, self_link: str | None = None) -> Json:
    """A to-many relationship: identifiers of one type and, when given, a self link."""
    relationship: Json = {"data": [identifier(type, id) for id in ids]}
    if self_link is not None:
        relationship["links"] = {"self": self_link}
    return relationship


def resource(
    type: str,
    id: str,
    *,
    attributes: Mapping[str, Any],
    self_link: str | None = None,
    relationships: Mapping[str, Any] | None = None,
) -> Json:
    """One resource object; relationships are left out when there are none."""
    built: Json = {"id": id, "type": type}
    if self_link is not None:
        built["links"] = {"self": self_link}
    built["attributes"] = dict(attributes)
    if relationships:
        built["relationships"] = dict(relationships)
    return built


def document(
    data: Data | list[Json] | list[orjson.Fragment],
    *,
    meta: Mapping[str, Any] | None = None,
    self_link: str | None = None,
    included: Sequence[Json] | None = None,
) -> Json:
    """A top-level document: ``data`` and ``meta``, then ``included`` and ``links`` if any."""
    built: Json = {"data": data, "meta": dict(meta or {})}
    if included is not None:
        built["included"] = list(included)
    if self_link is not None:
        built["links"] = {"self": self_link}
    return built


@attrs.frozen
class PageRequest:
    """Which page a list request asked for (1-based) and how long pages are."""

    number: int
    size: int


PAGE_LIMIT = 2**31 - 1
"""The largest ``page[number]`` or ``page[size]`` accepted (a 32-bit integer)."""


def _positive(query: Mapping[str, str], name: str, default: int) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    text = raw.strip()
    # Digits only, and few enough of them: int() would take "+1", "1_0" or other scripts' digits,
    # and any number of them, which the answer's meta could not then carry.
    value = int(text) if text.isascii() and text.isdigit() and len(text) <= 10 else 0
    if not 1 <= value <= PAGE_LIMIT:
        raise bad_request(
            f"{name} must be an integer from 1 to {PAGE_LIMIT}, got {raw!r}", parameter=name
        )
    return value


def page_request(query: Mapping[str, str], *, default_size: int) -> PageRequest:
    """Read ``page[number]`` (default 1) and ``page[size]``; anything but an integer
    from 1 to `PAGE_LIMIT` is a 400 naming the parameter."""
    return PageRequest(
        number=_positive(query, "page[number]", 1),
        size=_positive(query, "page[size]", default_size),
    )


def paginate(items: Sequence[T], page: PageRequest) -> tuple[list[T], Json]:
    """The items on ``page`` and the ``meta`` block describing the whole list."""
    start = (page.number - 1) * page.size
    meta = {
        "page": page.number,
        "per_page": page.size,
        "total": len(items),
        "total_pages": math.ceil(len(items) / page.size),
    }
    return list(items[start : start + page.size]), meta
