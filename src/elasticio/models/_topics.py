"""Pub/Sub topics: named JSON Schemas that publishers and subscribers of a workspace share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.models._declare import Model, model, to_one

__all__ = ["Topic"]


@model("topic")
class Topic(Model):
    """A topic of a workspace: its ``name`` and the JSON Schema its messages follow.

    ``schema`` is read-only, as every mapping a model holds; the ids come from the
    relationships (``user_id`` is the topic's author).

    Examples:
        >>> topic = Topic(id="t1", name="Person", schema={"type": "object"})
        >>> topic.schema["type"], topic.workspace_id
        ('object', None)
    """

    id: str
    name: str | None = None
    schema: Mapping[str, Any] = attrs.field(factory=dict)
    workspace_id: str | None = to_one("workspace")
    user_id: str | None = to_one("user")
