"""Flows, with their history of versions, their draft and their steps' snapshots.

Starting and stopping change ``status`` at once; the running state (``current_status``)
follows ``delay`` seconds later on the emulator's clock, computed when asked, never by a
background task.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Literal

import attrs

from elasticio.testing._areas.components.store import Components, parse_command
from elasticio.testing._areas.contracts.store import Contracts
from elasticio.testing._areas.users.store import Users
from elasticio.testing._areas.workspaces.store import Workspaces
from elasticio.testing._ids import IdFactory, revision
from elasticio.testing._json import clone
from elasticio.testing._table import Table
from elasticio.testing._tenant import TenantRecord
from elasticio.testing._time import EmulatorClock

__all__ = [
    "DRAFTED",
    "EDITS",
    "DeletedFlow",
    "FlowDraftRecord",
    "FlowRecord",
    "FlowStatus",
    "FlowType",
    "FlowVersionRecord",
    "Flows",
    "SubscriptionRecord",
]

FlowStatus = Literal["active", "inactive", "suspended"]
FlowType = Literal["ordinary", "long_running"]

DRAFTED = ("name", "description", "cron", "graph", "stats_enabled", "snapshot")
"""What a draft holds of a flow (and ``snapshot``, whatever JSON the client stores)."""


@attrs.define(kw_only=True)
class FlowVersionRecord:
    """A saved state of a flow; every create and update adds one."""

    id: str
    user_id: str
    created_at: datetime
    name: str
    description: str | None
    graph: dict[str, Any]


@attrs.define(kw_only=True)
class FlowDraftRecord:
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
class SubscriptionRecord:
    """A subscription of ``email`` to a flow's error notifications."""

    id: str
    user_id: str
    email: str
    created_at: datetime


class FlowEdits:
    """Counts the changes made to any flow record (a field assigned, a version saved, a
    flow deleted), so that an answer kept for a page of flows knows when it may be out
    of date. One count for every emulator of the process: an edit anywhere only makes
    the kept pages of the others be written again."""

    def __init__(self) -> None:
        self.count = 0


EDITS = FlowEdits()


def _touched(flow: FlowRecord, attribute: attrs.Attribute[Any], value: Any) -> Any:
    flow.revision += 1
    EDITS.count += 1
    return value


_UNCOUNTED = attrs.setters.NO_OP


@attrs.define(kw_only=True, on_setattr=_touched)
class FlowRecord:
    """An integration flow.

    ``status`` is what was asked for; the running state (``current_status``) catches up at
    the monotonic instant ``settles_at`` and is ``status_before`` until then. Every field
    assigned counts one ``revision``, so that a kept answer knows when it is out of date.
    """

    id: str = attrs.field(init=False, default="")
    workspace_id: str
    user_id: str
    name: str
    description: str | None = None
    type: FlowType = "ordinary"
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
    versions: list[FlowVersionRecord] = attrs.Factory(list)
    draft: FlowDraftRecord | None = None
    # Step id -> the step's persistent runtime state (any JSON value, null included).
    snapshots: dict[str, Any] = attrs.Factory(dict)
    # Hook name ("startup") -> the JSON value the component runtime stored for it.
    hook_data: dict[str, Any] = attrs.Factory(dict)
    subscriptions: dict[str, SubscriptionRecord] = attrs.Factory(dict)
    subscribed: int = 0  # subscriptions ever made: numbers their ids
    # When the flow was run on demand (run-now), in wall time.
    runs: list[datetime] = attrs.Factory(list)
    # The last answer rendered of it and what that answer was drawn from (flows/views.py).
    view: tuple[tuple[Any, ...], dict[str, Any]] | None = attrs.field(
        default=None, init=False, eq=False, repr=False, on_setattr=_UNCOUNTED
    )
    # That answer as JSON text, and the answer it was written from (flows/views.py).
    rendered: tuple[dict[str, Any], Any] | None = attrs.field(
        default=None, init=False, eq=False, repr=False, on_setattr=_UNCOUNTED
    )
    revision: int = attrs.field(default=0, init=False, eq=False, repr=False, on_setattr=_UNCOUNTED)

    def current_status(self, now: float) -> FlowStatus:
        """The running state at monotonic time ``now``."""
        return self.status if now >= self.settles_at else self.status_before

    def running(self, now: float) -> bool:
        """Asked to run, or still running while a stop settles."""
        return "active" in (self.status, self.current_status(now))

    @property
    def nodes(self) -> list[dict[str, Any]]:
        return [node for node in self.graph.get("nodes", []) if isinstance(node, dict)]

    @property
    def step_ids(self) -> list[str]:
        return [node["id"] for node in self.nodes if isinstance(node.get("id"), str)]

    @property
    def component_ids(self) -> set[str]:
        return {
            node["component_id"] for node in self.nodes if isinstance(node.get("component_id"), str)
        }


def _id_of(flow: FlowRecord) -> str:
    return flow.id


@attrs.frozen
class DeletedFlow:
    """A deleted flow, kept for a while so that a tenant admin may restore it."""

    flow: FlowRecord
    deleted_at: datetime


class Flows(Table[FlowRecord]):
    """The flows of every workspace, and the recently deleted ones (`deleted`)."""

    def __init__(
        self,
        ids: IdFactory,
        clock: EmulatorClock,
        *,
        tenant: TenantRecord,
        users: Users,
        contracts: Contracts,
        workspaces: Workspaces,
        components: Components,
    ) -> None:
        super().__init__("flow", ids, refs={"workspace_id": workspaces, "user_id": users})
        self._clock = clock
        self._tenant = tenant
        self._users = users
        self._contracts = contracts
        self._workspaces = workspaces
        self._components = components
        self.deleted: dict[str, DeletedFlow] = {}
        # Each workspace's flows in id order, kept as flows come and go, so that a list
        # request reads a page without scanning and sorting every flow of the platform.
        self._by_workspace: dict[str, list[FlowRecord]] = {}
        # Answers of list requests, kept by the flows' routes while no flow changes.
        self.pages: dict[tuple[Any, ...], tuple[int, float, float, Any]] = {}

    def add(self, record: FlowRecord) -> FlowRecord:
        flow = super().add(record)
        self._index(flow)
        return flow

    def delete(self, id: str) -> None:
        flow = self[id]
        super().delete(id)
        EDITS.count += 1
        indexed = self._by_workspace[flow.workspace_id]
        del indexed[bisect.bisect_left(indexed, id, key=_id_of)]

    def in_workspace(self, workspace_id: str) -> Sequence[FlowRecord]:
        """The workspace's flows in id order (the order the API lists them in); read
        only, and current until a flow is added, deleted or restored.

        Examples:
            >>> from elasticio.testing import Emulator
            >>> emulator = Emulator()
            >>> flows = emulator.platform.flows.in_workspace(emulator.seed.workspace_id)
            >>> len(flows), flows[0].id < flows[1].id
            (200, True)
        """
        return self._by_workspace.get(workspace_id, [])

    def _index(self, flow: FlowRecord) -> None:
        bisect.insort(self._by_workspace.setdefault(flow.workspace_id, []), flow, key=_id_of)

    def create(
        self,
        *,
        workspace_id: str,
        user_id: str,
        name: str,
        type: FlowType = "ordinary",
        graph: Mapping[str, Any] | None = None,
        description: str | None = None,
        default_mapper_type: str = "jsonata",
        cron: str | None = None,
        nodes_config: Mapping[str, Any] | None = None,
        stats_enabled: bool | None = None,
        status: FlowStatus = "inactive",
        draft: Mapping[str, Any] | None = None,
        created_at: datetime | None = None,
        updated_at: datetime | None = None,
    ) -> FlowRecord:
        """A new flow with a first version; ``status`` is reached at once (no lag).

        ``stats_enabled`` defaults to what the workspace, its contract and the tenant allow;
        ``draft`` gives a draft's attributes over the flow's own.
        """
        created = created_at or self._clock.wall()
        flow = self.add(
            FlowRecord(
                workspace_id=workspace_id,
                user_id=user_id,
                name=name,
                description=description,
                type=type,
                default_mapper_type=default_mapper_type,
                cron=cron,
                graph=clone(dict(graph or {"nodes": [], "edges": []})),
                nodes_config=clone(dict(nodes_config or {})),
                stats_enabled=self._stats_default(workspace_id)
                if stats_enabled is None
                else stats_enabled,
                status=status,
                status_before=status,
                created_at=created,
                updated_at=updated_at or created,
            )
        )
        self._save_version(flow, user_id, created)
        if draft is not None:
            flow.draft = self._draft(flow, draft, user_id=user_id, when=updated_at or created)
        return flow

    def update(self, flow_id: str, changes: Mapping[str, Any], *, user_id: str) -> FlowRecord:
        """Apply attribute ``changes`` (already checked) and save a new version."""
        flow = self[flow_id]
        for name, value in changes.items():
            setattr(flow, name, clone(value))
        flow.updated_at = self._clock.wall()
        self._save_version(flow, user_id, flow.updated_at)
        return flow

    def set_status(self, flow_id: str, status: FlowStatus, *, delay: float) -> FlowRecord:
        """Ask for ``status``; the running state follows ``delay`` seconds later."""
        flow = self[flow_id]
        now = self._clock.now()
        flow.status_before = flow.current_status(now)
        flow.status = status
        flow.settles_at = now + delay
        flow.updated_at = self._clock.wall()
        if status == "active":
            flow.last_start_time = flow.updated_at
        return flow

    def discard(self, flow_id: str) -> None:
        """Delete a flow so that `restore` can bring it back (a plain `delete` cannot)."""
        flow = self[flow_id]
        self.delete(flow_id)
        self.deleted[flow_id] = DeletedFlow(flow, self._clock.wall())

    def restore(self, flow_id: str) -> FlowRecord:
        """Bring a deleted flow back, inactive, under its old id."""
        self._workspaces.require(self.deleted[flow_id].flow.workspace_id)
        flow = self.deleted.pop(flow_id).flow
        flow.status = flow.status_before = "inactive"
        flow.settles_at = float("-inf")
        flow.updated_at = self._clock.wall()
        self._rows[flow.id] = flow
        self._index(flow)
        return flow

    def subscribe(self, flow_id: str, *, user_id: str, email: str) -> SubscriptionRecord:
        """Subscribe ``email`` to the flow's error notifications."""
        flow = self[flow_id]
        flow.subscribed += 1
        subscription = SubscriptionRecord(
            # Derived from the flow, so subscriptions take nothing from the id sequence.
            id=revision(f"{flow.id}/subscription/{flow.subscribed}")[:24],
            user_id=user_id,
            email=email,
            created_at=self._clock.wall(),
        )
        flow.subscriptions[subscription.id] = subscription
        return subscription

    def put_draft(
        self, flow_id: str, attributes: Mapping[str, Any], *, user_id: str
    ) -> FlowDraftRecord:
        """Create or replace a flow's draft: ``attributes`` (already checked) over the flow's
        own name, description, cron, graph and stats setting."""
        flow = self[flow_id]
        self._users.require(user_id)
        draft = self._draft(flow, attributes, user_id=user_id, when=self._clock.wall())
        if flow.draft is not None:
            draft.created_at = flow.draft.created_at
        flow.draft = draft
        return draft

    def delete_draft(self, flow_id: str) -> None:
        self[flow_id].draft = None

    def set_snapshot(self, flow_id: str, step_id: str, snapshot: Any) -> None:
        """Store a step's snapshot (any JSON value), replacing an earlier one."""
        self[flow_id].snapshots[step_id] = clone(snapshot)

    def delete_snapshot(self, flow_id: str, step_id: str) -> None:
        del self[flow_id].snapshots[step_id]

    def using(self, component_id: str, revision: str | None = None) -> list[FlowRecord]:
        """Flows whose graph uses the component (only ``revision`` of it, when given).

        A node without a pinned version, or pinned to ``latest``, uses the latest build.
        """
        component = self._components[component_id]
        latest = component.latest.revision if component.latest else None

        def uses(node: dict[str, Any]) -> bool:
            parts = parse_command(str(node.get("command", "")))
            pinned = parts[3] if parts else "latest"
            used = latest if pinned == "latest" else pinned
            return node.get("component_id") == component_id and revision in (None, used)

        return [flow for flow in self.values() if any(uses(node) for node in flow.nodes)]

    def _stats_default(self, workspace_id: str) -> bool:
        workspace = self._workspaces[workspace_id]
        levels = (
            workspace.flow_stats_enabled_default,
            self._contracts[workspace.contract_id].flow_stats_enabled_default,
            self._tenant.flow_stats_enabled_default,
        )
        return all(level is not False for level in levels)

    @staticmethod
    def _draft(
        flow: FlowRecord, attributes: Mapping[str, Any], *, user_id: str, when: datetime
    ) -> FlowDraftRecord:
        fields: dict[str, Any] = {name: getattr(flow, name, None) for name in DRAFTED}
        fields.update({k: v for k, v in attributes.items() if k in DRAFTED})
        return FlowDraftRecord(
            # Derived from the flow, so drafts take nothing from the id sequence.
            id=revision(f"{flow.id}/draft")[:24],
            user_id=user_id,
            created_at=when,
            updated_at=when,
            **clone(fields),
        )

    @staticmethod
    def _save_version(flow: FlowRecord, user_id: str, when: datetime) -> None:
        EDITS.count += 1
        flow.versions.append(
            FlowVersionRecord(
                id=revision(f"{flow.id}/v{len(flow.versions) + 1}"),
                user_id=user_id,
                created_at=when,
                name=flow.name,
                description=flow.description,
                graph=clone(flow.graph),
            )
        )
