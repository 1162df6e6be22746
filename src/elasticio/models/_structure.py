"""How a JSON:API resource becomes a model: its values, its links, the SDK's own fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from elasticio._errors import DecodeError
from elasticio.jsonapi import Document, Identifier, Resource
from elasticio.models._converter import NOT_AN_ATTRIBUTE, structure_attributes

__all__ = [
    "linked_id",
    "linked_identifiers",
    "linked_ids",
    "resolve_all",
    "resource_values",
    "sdk_field",
    "structure_resource",
]

T = TypeVar("T")


def sdk_field(**kwargs: Any) -> Any:
    """A model field the SDK fills (ids from relationships, included models, the binding),
    never one of the resource's attributes; ``kwargs`` go to ``attrs.field``."""
    return attrs.field(metadata={NOT_AN_ATTRIBUTE: True}, **kwargs)


def resource_values(resource: Resource) -> dict[str, Any]:
    """The resource's attributes and its id, as the converter takes them."""
    # The resource's own id wins: an attribute named "id" (which JSON:API forbids) must
    # not silently turn the model into another resource.
    return {**resource.attributes, "id": resource.id}


def structure_resource(cls: type[T], resource: Resource, **sdk_values: Any) -> T:
    """Structure ``resource`` into the model ``cls``; ``sdk_values`` fill its SDK fields."""
    return structure_attributes(
        cls, resource_values(resource), pointer=resource.pointer, **sdk_values
    )


def linked_id(resource: Resource, name: str) -> str | None:
    """The id a to-one relationship links to; None when it is absent, null or to-many."""
    linkage = resource.linkage(name)
    return linkage.id if linkage is not None and not isinstance(linkage, tuple) else None


def linked_identifiers(resource: Resource, name: str) -> tuple[Identifier, ...] | None:
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
    return tuple(target.id for target in linked_identifiers(resource, name) or ())


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
    targets = linked_identifiers(resource, name)
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
