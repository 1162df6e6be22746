"""Data samples: example output of a component's action or trigger."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.jsonapi import Document, Resource
from elasticio.models._structure import linked_id, sdk_field, structure_resource

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
    component_id: str | None = sdk_field(default=None)
    component_version_id: str | None = sdk_field(default=None)
    workspace_id: str | None = sdk_field(default=None)
    user_id: str | None = sdk_field(default=None)


def data_sample_from(document: Document, resource: Resource) -> DataSample:
    """Structure a ``data-sample`` resource."""
    del document
    return structure_resource(
        DataSample,
        resource,
        component_id=linked_id(resource, "component"),
        component_version_id=linked_id(resource, "component_version"),
        workspace_id=linked_id(resource, "workspace"),
        user_id=linked_id(resource, "user"),
    )
