"""Users, and the relationship helpers the account-side models share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from elasticio._converter import structure_attributes
from elasticio._errors import DecodeError
from elasticio.jsonapi import Document, Identifier, Resource
from elasticio.models._components import _values

__all__ = ["User", "linked_ids", "resolve_all", "user_from"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class User:
    """A platform user.

    ``registered`` and ``last_login`` are the ISO 8601 timestamps the API sends.
    """

    id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    company: str | None = None
    registered: str | None = None
    last_login: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)


def user_from(document: Document, resource: Resource) -> User:
    """Structure a ``user`` resource."""
    del document  # a user has nothing to traverse
    return structure_attributes(User, _values(resource), pointer=resource.pointer)


def _identifiers(resource: Resource, name: str) -> tuple[Identifier, ...] | None:
    """The linkage of relationship ``name`` as a tuple, or None when it has no ``data``."""
    relationship = resource.relationships.get(name)
    if relationship is None or not relationship.has_data:
        return None
    data = relationship.data
    if isinstance(data, tuple):
        return data
    return () if data is None else (data,)


def linked_ids(resource: Resource, name: str) -> tuple[str, ...]:
    """The ids a relationship links to, in linkage order (empty when it has no ``data``)."""
    return tuple(target.id for target in _identifiers(resource, name) or ())


def resolve_all(
    document: Document,
    resource: Resource,
    name: str,
    expected_type: str,
    build: Callable[[Document, Resource], T],
) -> tuple[T, ...] | None:
    """The targets of a to-many relationship, built from the document's ``included``.

    None when the relationship has no linkage or the document lacks any target (that is,
    the request did not ask to include them); otherwise every target, in linkage order.

    Raises:
        DecodeError: the linkage names a type other than ``expected_type``.
    """
    targets = _identifiers(resource, name)
    if targets is None:
        return None
    base = f"{resource.pointer}/relationships/{name}/data"
    found: list[Resource] = []
    for position, target in enumerate(targets):
        if target.type != expected_type:
            raise DecodeError(
                f"expected {expected_type!r} in relationship {name!r}, got {target.type!r}",
                pointer=f"{base}/{position}/type",
            )
        included = document.resolve(target)
        if included is None:
            return None
        found.append(included)
    return tuple(build(document, target) for target in found)
