"""Credentials for one component in one workspace."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.testing._areas.components.store import Components
from elasticio.testing._areas.users.store import Users
from elasticio.testing._areas.workspaces.store import Workspaces
from elasticio.testing._ids import IdFactory
from elasticio.testing._json import clone
from elasticio.testing._table import Table

__all__ = ["CredentialRecord", "Credentials"]


@attrs.define(kw_only=True)
class CredentialRecord:
    """Credentials; ``keys`` follow the component's ``credentials.fields`` and are never
    shown in a repr."""

    id: str = attrs.field(init=False, default="")
    workspace_id: str
    component_id: str
    user_id: str
    name: str
    keys: dict[str, Any] = attrs.field(factory=dict, repr=False)
    vpn_agent_id: str | None = None


class Credentials(Table[CredentialRecord]):
    def __init__(
        self, ids: IdFactory, users: Users, workspaces: Workspaces, components: Components
    ) -> None:
        super().__init__(
            "credential",
            ids,
            refs={"workspace_id": workspaces, "component_id": components, "user_id": users},
        )
        self._components = components

    def create(
        self,
        *,
        workspace_id: str,
        component_id: str,
        user_id: str,
        name: str | None = None,
        keys: Mapping[str, Any] | None = None,
        vpn_agent_id: str | None = None,
    ) -> CredentialRecord:
        """New credentials; without a name they are called "<component title> #<n>"."""
        if name is None:
            component = self._components[component_id]
            title = component.latest.descriptor.get("title") if component.latest else None
            siblings = self.where(
                lambda c: c.workspace_id == workspace_id and c.component_id == component_id
            )
            name = f"{title or component.name} #{len(siblings) + 1}"
        return self.add(
            CredentialRecord(
                workspace_id=workspace_id,
                component_id=component_id,
                user_id=user_id,
                name=name,
                keys=clone(dict(keys or {})),
                vpn_agent_id=vpn_agent_id,
            )
        )
