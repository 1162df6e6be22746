"""Encoding request bodies: ``{"data": {"type", "id"?, "attributes", "relationships"}}``."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, TypeAlias

from elasticio._errors import UsageError
from elasticio.jsonapi._document import Identifier

__all__ = ["UNSET", "RelationshipValue", "Unset", "encode_document", "encode_resource"]


class Unset(enum.Enum):
    """The type of [`UNSET`][elasticio.jsonapi.UNSET]."""

    UNSET = enum.auto()

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> Literal[False]:
        return False


UNSET: Final = Unset.UNSET
"""An argument left out: the member is omitted from the body (``None`` sends ``null``)."""

RelationshipValue: TypeAlias = Identifier | Sequence[Identifier] | Unset | None


def _linkage(name: str, value: object) -> Any:
    # `object`, not the annotation: callers pass anything at run time, and are checked here.
    if value is None:
        return None
    if isinstance(value, Identifier):
        return {"type": value.type, "id": value.id}
    # Any sequence the annotation promises, but not text: "" would pass as an empty list.
    if isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray):
        linkage = []
        for item in value:
            if not isinstance(item, Identifier):
                raise UsageError(f"relationship {name!r}: every item must be an Identifier")
            linkage.append({"type": item.type, "id": item.id})
        return linkage
    raise UsageError(f"relationship {name!r} must be an Identifier, a sequence of them or None")


def encode_resource(
    type: str,
    *,
    id: str | None = None,
    attributes: Mapping[str, Any] | None = None,
    relationships: Mapping[str, RelationshipValue] | None = None,
    meta: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Build one resource object for a request body.

    Attributes and relationships whose value is [`UNSET`][elasticio.jsonapi.UNSET] are
    left out; an explicit ``None`` is sent as ``null``. Empty
    ``attributes``/``relationships`` are omitted.

    Examples:
        >>> encode_resource("component", attributes={"name": "x", "icon": UNSET})
        {'type': 'component', 'attributes': {'name': 'x'}}
    """
    if not type:
        raise UsageError("a resource needs a type")
    body: dict[str, Any] = {"type": type}
    if id is not None:
        body["id"] = id
    if attributes:
        kept = {k: v for k, v in attributes.items() if v is not UNSET}
        if kept:
            body["attributes"] = kept
    if relationships:
        linked = {
            name: {"data": _linkage(name, value)}
            for name, value in relationships.items()
            if value is not UNSET
        }
        if linked:
            body["relationships"] = linked
    if meta:
        body["meta"] = dict(meta)
    return body


def encode_document(
    type: str,
    *,
    id: str | None = None,
    attributes: Mapping[str, Any] | None = None,
    relationships: Mapping[str, RelationshipValue] | None = None,
    meta: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A whole request body, ``{"data": <resource object>}``; see
    [`encode_resource`][elasticio.jsonapi.encode_resource]."""
    return {
        "data": encode_resource(
            type, id=id, attributes=attributes, relationships=relationships, meta=meta
        )
    }
