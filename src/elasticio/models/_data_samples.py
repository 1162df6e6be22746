"""Data samples: example output of a component's action or trigger."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio._converter import structure_attributes
from elasticio.jsonapi import Document, Resource
from elasticio.models._components import _linked_id, _object, _values

__all__ = ["DataSample", "data_sample_from"]


@attrs.frozen(kw_only=True)
class DataSample:
    """A sample ``result`` of the action or trigger named by ``method``.

    ``component_version_id`` is a build's revision or ``latest``; the ids come from the
    relationships.
    """

    id: str
    method: str | None = None
    result: Mapping[str, Any] = attrs.field(factory=dict)
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    component_id: str | None = _object(default=None)
    component_version_id: str | None = _object(default=None)
    workspace_id: str | None = _object(default=None)
    user_id: str | None = _object(default=None)


def data_sample_from(document: Document, resource: Resource) -> DataSample:
    """Structure a ``data-sample`` resource."""
    del document
    return structure_attributes(
        DataSample,
        _values(resource),
        pointer=resource.pointer,
        component_id=_linked_id(resource, "component"),
        component_version_id=_linked_id(resource, "component_version"),
        workspace_id=_linked_id(resource, "workspace"),
        user_id=_linked_id(resource, "user"),
    )
