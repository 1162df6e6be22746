"""Pub/Sub topics: a name and a JSON Schema, in one workspace."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.testing._areas.users.store import Users
from elasticio.testing._areas.workspaces.store import Workspaces
from elasticio.testing._ids import IdFactory
from elasticio.testing._json import clone
from elasticio.testing._table import Table

__all__ = ["TopicRecord", "Topics"]


@attrs.define(kw_only=True)
class TopicRecord:
    """A topic; ``user_id`` is its author."""

    id: str = attrs.field(init=False, default="")
    workspace_id: str
    user_id: str
    name: str
    schema: dict[str, Any] = attrs.field(factory=dict)


class Topics(Table[TopicRecord]):
    def __init__(self, ids: IdFactory, users: Users, workspaces: Workspaces) -> None:
        super().__init__("topic", ids, refs={"workspace_id": workspaces, "user_id": users})

    def create(
        self, *, workspace_id: str, user_id: str, name: str, schema: Mapping[str, Any]
    ) -> TopicRecord:
        """A new topic, holding a copy of ``schema``."""
        return self.add(
            TopicRecord(
                workspace_id=workspace_id, user_id=user_id, name=name, schema=clone(dict(schema))
            )
        )
