"""The emulated platform's records: users, contracts, workspaces, teams, components, flows.

They are plain mutable attrs classes holding what the platform stores; how each one is
shown in a response lives in ``_views``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import attrs

__all__ = [
    "Component",
    "ComponentVersion",
    "Contract",
    "Flow",
    "FlowVersion",
    "Team",
    "Tenant",
    "User",
    "Workspace",
]

Roles = list[str]
FlowStatus = Literal["active", "inactive"]


@attrs.define(kw_only=True)
class Tenant:
    """The white-label tenant every record belongs to; feature flags change behaviour."""

    id: str
    name: str
    feature_flags: dict[str, bool] = attrs.Factory(dict)
    flow_stats_enabled_default: bool | None = None


@attrs.define(kw_only=True)
class User:
    """A platform user; signs in with ``email`` and ``api_key`` (never shown in a repr)."""

    id: str
    email: str
    api_key: str = attrs.field(repr=False)
    first_name: str
    last_name: str
    registered: datetime
    last_login: datetime
    tenant_admin: bool = False
    # OpenID identities as (issuer, subject) pairs, for the ``iss``/``sub`` user filters.
    identities: list[tuple[str, str]] = attrs.Factory(list)


@attrs.define(kw_only=True)
class Contract:
    """A contract: members with contract roles, and the scope of workspaces and teams."""

    id: str
    name: str
    status: str = "active"
    available_roles: list[dict[str, str]] = attrs.Factory(list)
    custom_data: dict[str, Any] = attrs.Factory(dict)
    members: dict[str, Roles] = attrs.Factory(dict)
    flow_stats_enabled_default: bool | None = None
    created_at: datetime
    updated_at: datetime


@attrs.define(kw_only=True)
class Workspace:
    """A workspace of a contract: members with workspace roles, and the home of flows."""

    id: str
    contract_id: str
    name: str
    type: Literal["full", "limited"] = "full"
    members: dict[str, Roles] = attrs.Factory(dict)
    flow_stats_enabled_default: bool | None = None


@attrs.define(kw_only=True)
class Team:
    """A developer team owning component repositories; the platform's own has no contract."""

    id: str
    contract_id: str | None
    name: str
    user_ids: list[str] = attrs.Factory(list)


@attrs.define(kw_only=True)
class ComponentVersion:
    """One build of a component: a git revision and its ``component.json`` descriptor."""

    revision: str
    number: int
    date: datetime
    descriptor: dict[str, Any]


@attrs.define(kw_only=True)
class Component:
    """A component repository; ``versions`` are oldest first, so the last is the latest."""

    id: str
    team_id: str
    contract_id: str | None
    name: str
    access: Literal["team", "tenant", "global"] = "team"
    whitelisted_contract_ids: list[str] = attrs.Factory(list)
    versions: list[ComponentVersion] = attrs.Factory(list)
    env: dict[str, Any] = attrs.Factory(dict)
    icon: str | None = None
    docker_repo_name: str | None = None
    docker_target_tag: str | None = None

    @property
    def latest(self) -> ComponentVersion | None:
        return self.versions[-1] if self.versions else None

    def version(self, revision: str) -> ComponentVersion | None:
        """The build with this revision, or the latest for ``latest``."""
        if revision == "latest":
            return self.latest
        return next((v for v in self.versions if v.revision == revision), None)


@attrs.define(kw_only=True)
class FlowVersion:
    """A saved state of a flow; every create and update adds one."""

    id: str
    user_id: str
    created_at: datetime
    name: str
    description: str | None
    graph: dict[str, Any]


@attrs.define(kw_only=True)
class Flow:
    """An integration flow.

    ``status`` is what was asked for; the running state (``current_status``) catches up at
    the monotonic instant ``settles_at`` and is ``status_before`` until then.
    """

    id: str
    workspace_id: str
    user_id: str
    name: str
    description: str | None = None
    type: Literal["ordinary", "long_running"] = "ordinary"
    default_mapper_type: str = "jsonata"
    cron: str | None = None
    graph: dict[str, Any] = attrs.Factory(lambda: {"nodes": [], "edges": []})
    nodes_config: dict[str, Any] = attrs.Factory(dict)
    stats_enabled: bool = True
    status: FlowStatus = "inactive"
    status_before: FlowStatus = "inactive"
    settles_at: float = float("-inf")
    created_at: datetime
    updated_at: datetime
    last_start_time: datetime | None = None
    versions: list[FlowVersion] = attrs.Factory(list)
    draft: dict[str, Any] | None = None

    def current_status(self, now: float) -> FlowStatus:
        """The running state at monotonic time ``now``."""
        return self.status if now >= self.settles_at else self.status_before

    @property
    def component_ids(self) -> set[str]:
        return {
            node["component_id"]
            for node in self.graph.get("nodes", [])
            if isinstance(node, dict) and isinstance(node.get("component_id"), str)
        }
