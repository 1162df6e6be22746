"""Recipes (info, declarations, flow templates; shared at a visibility level) and recipe
deployments (the flows one activation made, the credentials and variables it was given)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

import attrs

from elasticio.testing._areas.flows.store import Flows
from elasticio.testing._areas.users.store import Users
from elasticio.testing._areas.workspaces.store import Workspaces
from elasticio.testing._ids import IdFactory
from elasticio.testing._json import clone
from elasticio.testing._table import Table
from elasticio.testing._time import EmulatorClock

__all__ = [
    "VISIBILITIES",
    "RecipeDeploymentRecord",
    "RecipeDeployments",
    "RecipeRecord",
    "Recipes",
    "Visibility",
]

Visibility = Literal["workspace", "contract", "tenant", "global"]
VISIBILITIES: tuple[Visibility, ...] = ("workspace", "contract", "tenant", "global")


@attrs.define(kw_only=True)
class RecipeRecord:
    """A recipe of a workspace (and so of its contract); ``user_id`` is its author."""

    id: str = attrs.field(init=False, default="")
    workspace_id: str
    contract_id: str
    user_id: str
    visibility: Visibility = "workspace"
    info: dict[str, Any] = attrs.Factory(dict)
    declarations: dict[str, Any] = attrs.Factory(dict)
    flow_templates: list[dict[str, Any]] = attrs.Factory(list)

    @property
    def title(self) -> str:
        return str(self.info.get("title", ""))


@attrs.define(kw_only=True)
class RecipeDeploymentRecord:
    """What one activation made: its flows, one per flow template, in template order."""

    id: str = attrs.field(init=False, default="")
    recipe_id: str
    workspace_id: str
    user_id: str
    flow_ids: list[str] = attrs.Factory(list)
    credentials: dict[str, str] = attrs.Factory(dict)
    variables: dict[str, Any] = attrs.Factory(dict)
    created_at: datetime
    updated_at: datetime


class Recipes(Table[RecipeRecord]):
    def __init__(self, ids: IdFactory, users: Users, workspaces: Workspaces) -> None:
        super().__init__("recipe", ids, refs={"workspace_id": workspaces, "user_id": users})
        self._workspaces = workspaces

    def create(
        self,
        *,
        workspace_id: str,
        user_id: str,
        info: Mapping[str, Any],
        flow_templates: list[Any],
        declarations: Mapping[str, Any] | None = None,
        visibility: Visibility = "workspace",
    ) -> RecipeRecord:
        """A new recipe of the workspace (and its contract), holding copies of the JSON."""
        workspace = self._workspaces[workspace_id]
        return self.add(
            RecipeRecord(
                workspace_id=workspace_id,
                contract_id=workspace.contract_id,
                user_id=user_id,
                visibility=visibility,
                info=clone(dict(info)),
                declarations=clone(dict(declarations or {})),
                flow_templates=clone(list(flow_templates)),
            )
        )

    def available_in(self, workspace_id: str) -> list[RecipeRecord]:
        """The recipes a workspace may use: its own, its contract's shared ones, and those
        shared with the tenant or everyone."""
        contract_id = self._workspaces[workspace_id].contract_id
        return self.where(
            lambda r: (
                r.workspace_id == workspace_id
                or (r.visibility == "contract" and r.contract_id == contract_id)
                or r.visibility in ("tenant", "global")
            )
        )


class RecipeDeployments(Table[RecipeDeploymentRecord]):
    def __init__(
        self,
        ids: IdFactory,
        clock: EmulatorClock,
        users: Users,
        workspaces: Workspaces,
        recipes: Recipes,
        flows: Flows,
    ) -> None:
        super().__init__(
            "recipe-deployment",
            ids,
            label="recipe deployment",
            refs={"workspace_id": workspaces, "user_id": users, "recipe_id": recipes},
        )
        self._clock = clock
        self._flows = flows

    def create(
        self,
        *,
        recipe_id: str,
        workspace_id: str,
        user_id: str,
        credentials: Mapping[str, str],
        variables: Mapping[str, Any],
    ) -> RecipeDeploymentRecord:
        now = self._clock.wall()
        return self.add(
            RecipeDeploymentRecord(
                recipe_id=recipe_id,
                workspace_id=workspace_id,
                user_id=user_id,
                credentials=dict(credentials),
                variables=clone(dict(variables)),
                created_at=now,
                updated_at=now,
            )
        )

    def holding(self, flow_id: str) -> RecipeDeploymentRecord | None:
        """The deployment a flow belongs to, if any."""
        return next((d for d in self.values() if flow_id in d.flow_ids), None)

    def touch(self, deployment_id: str) -> None:
        self[deployment_id].updated_at = self._clock.wall()
