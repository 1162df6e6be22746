"""The emulated platform's records: users, contracts, workspaces, teams, components, flows,
credentials, data samples, SSH keys and scheduled executions.

They are plain mutable attrs classes holding what the platform stores; how each one is
shown in a response lives in ``_views``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import attrs

__all__ = [
    "Execution",
    "ExecutionKind",
    "Flow",
    "FlowDraft",
    "FlowVersion",
]

Roles = list[str]
FlowStatus = Literal["active", "inactive"]
ExecutionKind = Literal["verify-credential", "dynamic-metadata", "select-model"]


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
class FlowDraft:
    """The unpublished edit of a flow; a flow has at most one, replaced as a whole by PUT.

    ``snapshot`` is whatever JSON the client stored with the draft (None when none).
    """

    id: str
    user_id: str
    name: str
    description: str | None
    cron: str | None
    graph: dict[str, Any]
    stats_enabled: bool | None = None
    snapshot: Any = None
    created_at: datetime
    updated_at: datetime


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
    draft: FlowDraft | None = None
    # Step id -> the step's persistent runtime state (any JSON value, null included).
    snapshots: dict[str, Any] = attrs.Factory(dict)

    def current_status(self, now: float) -> FlowStatus:
        """The running state at monotonic time ``now``."""
        return self.status if now >= self.settles_at else self.status_before

    def running(self, now: float) -> bool:
        """Asked to run, or still running while a stop settles."""
        return "active" in (self.status, self.current_status(now))

    @property
    def step_ids(self) -> list[str]:
        return [
            node["id"]
            for node in self.graph.get("nodes", [])
            if isinstance(node, dict) and isinstance(node.get("id"), str)
        ]

    @property
    def component_ids(self) -> set[str]:
        return {
            node["component_id"]
            for node in self.graph.get("nodes", [])
            if isinstance(node, dict) and isinstance(node.get("component_id"), str)
        }


@attrs.define(kw_only=True)
class Execution:
    """A scheduled component execution; its outcome is fixed when scheduled and shown from
    the monotonic instant ``ready_at`` on.

    ``error`` is None for an execution that ran, else what the component failed with.
    """

    id: str
    kind: ExecutionKind
    workspace_id: str
    user_id: str
    ready_at: float
    result: Any = attrs.Factory(dict)
    error: dict[str, Any] | None = None

    def ready(self, now: float) -> bool:
        return now >= self.ready_at
