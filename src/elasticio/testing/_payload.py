"""Reading JSON:API request bodies: the primary resource, its attributes, relationships.

Missing or malformed parts are a 400 naming the part; a resource of the wrong ``type``
(or an ``id`` other than the URL's) is a 409, as JSON:API prescribes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticio.testing._errors import bad_request, conflict

__all__ = ["attributes", "primary", "relationship_id"]


def primary(body: Any, type: str, *, id: str | None = None) -> Mapping[str, Any]:
    """``body["data"]``, checked to be a ``type`` resource (with this ``id``, if given)."""
    if not isinstance(body, Mapping) or not isinstance(body.get("data"), Mapping):
        raise bad_request("the body must be a JSON:API document with a 'data' object")
    data: Mapping[str, Any] = body["data"]
    given = data.get("type")
    if given is None:
        raise bad_request("data.type is required")
    if given != type:
        raise conflict(f"data.type must be {type!r}, not {given!r}")
    if id is not None:
        if data.get("id") is None:
            raise bad_request("data.id is required")
        if data["id"] != id:
            raise conflict(f"data.id {data['id']!r} does not match the URL's id {id!r}")
    return data


def attributes(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """``data.attributes`` (empty when absent)."""
    found = data.get("attributes", {})
    if not isinstance(found, Mapping):
        raise bad_request("data.attributes must be an object")
    return found


def is_unlinked(data: Mapping[str, Any], name: str) -> bool:
    """True when ``data.relationships.<name>`` is given as ``{"data": null}`` (unlink it)."""
    relationships = data.get("relationships", {})
    relationship = relationships.get(name) if isinstance(relationships, Mapping) else None
    return (
        isinstance(relationship, Mapping)
        and "data" in relationship
        and relationship["data"] is None
    )


def relationship_id(data: Mapping[str, Any], name: str, type: str) -> str | None:
    """The id in ``data.relationships.<name>.data`` (None when the relationship is absent)."""
    relationships = data.get("relationships", {})
    if not isinstance(relationships, Mapping):
        raise bad_request("data.relationships must be an object")
    relationship = relationships.get(name)
    if relationship is None:
        return None
    target = relationship.get("data") if isinstance(relationship, Mapping) else None
    if not isinstance(target, Mapping) or not isinstance(target.get("id"), str):
        raise bad_request(f"data.relationships.{name}.data must have an id")
    if target.get("type") != type:
        raise bad_request(f"data.relationships.{name}.data.type must be {type!r}")
    return str(target["id"])
