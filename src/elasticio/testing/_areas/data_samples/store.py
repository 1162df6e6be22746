"""Sample messages of components' triggers and actions, kept for mapping in flows."""

from __future__ import annotations

from typing import Any

import attrs

from elasticio.testing._areas.components.store import Components
from elasticio.testing._areas.users.store import Users
from elasticio.testing._areas.workspaces.store import Workspaces
from elasticio.testing._ids import IdFactory
from elasticio.testing._json import copied
from elasticio.testing._table import Table

__all__ = ["DataSampleRecord", "DataSamples"]


@attrs.define(kw_only=True)
class DataSampleRecord:
    """A sample of a component's ``method`` (a trigger or action name); ``result`` is any
    JSON (copied in); ``component_version`` is a revision or ``latest``, as given."""

    id: str = attrs.field(init=False, default="")
    workspace_id: str
    component_id: str
    component_version: str = "latest"
    user_id: str
    method: str
    result: Any = attrs.field(converter=copied)


class DataSamples(Table[DataSampleRecord]):
    """Data samples; adding one checks its workspace, component and user exist."""

    def __init__(
        self, ids: IdFactory, users: Users, workspaces: Workspaces, components: Components
    ) -> None:
        super().__init__(
            "data-sample",
            ids,
            label="data sample",
            refs={"workspace_id": workspaces, "component_id": components, "user_id": users},
        )
