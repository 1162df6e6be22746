"""Data samples: example output of a component's action or trigger."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.models._declare import Model, model, to_one

__all__ = ["DataSample"]


@model("data-sample")
class DataSample(Model):
    """A sample ``result`` of the action or trigger named by ``method``.

    ``component_version_id`` is a build's revision or ``latest``; the ids come from the
    relationships.
    """

    id: str
    method: str | None = None
    result: Mapping[str, Any] = attrs.field(factory=dict)
    component_id: str | None = to_one("component")
    component_version_id: str | None = to_one("component_version")
    workspace_id: str | None = to_one("workspace")
    user_id: str | None = to_one("user")
