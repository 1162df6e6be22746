"""The in-memory platform: every record, the ways to add them, and the state changes.

The HTTP layer reads and changes the platform only through this class, and so can a test
that wants more data than the seed has::

    user = emulator.platform.add_user(email="ann@example.com")
    emulator.platform.add_workspace_member(workspace_id, user.id, ["guest"])
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Concatenate, Generic, Literal, ParamSpec, TypeVar

import attrs

from elasticio.testing._areas.components.store import Components, parse_command
from elasticio.testing._areas.contracts.store import Contracts
from elasticio.testing._areas.credentials.store import Credentials
from elasticio.testing._areas.data_samples.store import DataSampleRecord, DataSamples
from elasticio.testing._areas.ssh_keys.store import SshKeys
from elasticio.testing._areas.teams.store import TeamRecord, Teams
from elasticio.testing._areas.users.store import UserRecord, Users
from elasticio.testing._areas.workspaces.store import WorkspaceRecord, Workspaces
from elasticio.testing._executions import Outcome
from elasticio.testing._ids import IdFactory, revision
from elasticio.testing._json import clone
from elasticio.testing._model import (
    Execution,
    ExecutionKind,
    Flow,
    FlowDraft,
    FlowStatus,
    FlowVersion,
)
from elasticio.testing._table import Table
from elasticio.testing._tenant import TenantRecord
from elasticio.testing._time import EmulatorClock

__all__ = ["Platform"]

T = TypeVar("T")
S = TypeVar("S")
P = ParamSpec("P")
R = TypeVar("R")


class _Alias(Generic[S, P, R]):
    """A method of the platform from before the area split, calling ``method`` on one of
    its tables: ``add_user = _Alias("users", Users.create)``."""

    def __init__(self, table: str, method: Callable[Concatenate[S, P], R]) -> None:
        self._table = table
        self._method = method

    def __get__(self, platform: Any, owner: object = None) -> Callable[P, R]:
        table: S = getattr(platform, self._table)
        method = self._method

        def aliased(*args: P.args, **kwargs: P.kwargs) -> R:
            return method(table, *args, **kwargs)

        return aliased


def _adding(record: Callable[P, T]) -> Callable[Concatenate[Table[Any], P], T]:
    """``table.add(record(...))`` as one call, for the aliases of plain additions."""

    def add(table: Table[Any], /, *args: P.args, **kwargs: P.kwargs) -> T:
        added: T = table.add(record(*args, **kwargs))
        return added

    return add


@attrs.define
class Platform:
    """All the state of one emulated platform. Lookups return None for unknown ids."""

    clock: EmulatorClock
    ids: IdFactory = attrs.Factory(IdFactory)
    tenant: TenantRecord = attrs.field(init=False)
    users: Users = attrs.field(init=False)
    contracts: Contracts = attrs.field(init=False)
    workspaces: Workspaces = attrs.field(init=False)
    teams: Teams = attrs.field(init=False)
    components: Components = attrs.field(init=False)
    flows: dict[str, Flow] = attrs.Factory(dict)
    credentials: Credentials = attrs.field(init=False)
    data_samples: DataSamples = attrs.field(init=False)
    ssh_keys: SshKeys = attrs.field(init=False)
    executions: dict[str, Execution] = attrs.Factory(dict)

    def __attrs_post_init__(self) -> None:
        self.tenant = TenantRecord(id=self.ids.next("tenant"), name="Emulated tenant")
        self.users = Users(self.ids, self.clock)
        self.contracts = Contracts(self.ids, self.clock, self.users)
        self.workspaces = Workspaces(self.ids, self.users, self.contracts)
        self.teams = Teams(self.ids, self.users, self.contracts)
        self.components = Components(self.ids, self.clock, self.teams)
        self.credentials = Credentials(self.ids, self.users, self.workspaces, self.components)
        self.data_samples = DataSamples(self.ids, self.users, self.workspaces, self.components)
        self.ssh_keys = SshKeys(self.ids, self.users)

    add_user = _Alias("users", Users.create)
    user_by_email = _Alias("users", Users.by_email)
    add_contract = _Alias("contracts", Contracts.create)
    add_contract_member = _Alias("contracts", Contracts.add_member)
    add_workspace = _Alias("workspaces", Workspaces.create)
    add_workspace_member = _Alias("workspaces", Workspaces.add_member)
    add_team = _Alias("teams", _adding(TeamRecord))
    add_component = _Alias("components", Components.create)
    add_component_version = _Alias("components", Components.add_version)
    component_named = _Alias("components", Components.named)
    resolve_command = _Alias("components", Components.resolve)
    delete_component = _Alias("components", Components.delete)
    delete_component_version = _Alias("components", Components.delete_version)
    add_credential = _Alias("credentials", Credentials.create)
    delete_credential = _Alias("credentials", Credentials.delete)
    add_data_sample = _Alias("data_samples", _adding(DataSampleRecord))
    add_ssh_key = _Alias("ssh_keys", SshKeys.create)
    delete_ssh_key = _Alias("ssh_keys", SshKeys.delete)

    def flows_using(self, component_id: str, revision: str | None = None) -> list[Flow]:
        """Flows whose graph uses the component (only ``revision`` of it, when given).

        A node without a pinned version, or pinned to ``latest``, uses the latest build.
        """
        component = self.components[component_id]
        latest = component.latest.revision if component.latest else None
        found = []
        for flow in self.flows.values():
            for node in flow.graph.get("nodes", []):
                if not isinstance(node, dict) or node.get("component_id") != component_id:
                    continue
                parts = parse_command(str(node.get("command", "")))
                pinned = parts[3] if parts else "latest"
                used = latest if pinned == "latest" else pinned
                if revision is None or used == revision:
                    found.append(flow)
                    break
        return found

    # -- flows -----------------------------------------------------------------------

    def add_flow(
        self,
        *,
        workspace_id: str,
        user_id: str,
        name: str,
        type: Literal["ordinary", "long_running"] = "ordinary",
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
    ) -> Flow:
        """A new flow with a first version; ``status`` is reached at once (no lag)."""
        workspace = self.workspaces[workspace_id]
        self._user(user_id)
        created = created_at or self.clock.wall()
        flow = Flow(
            id=self.ids.next("flow"),
            workspace_id=workspace.id,
            user_id=user_id,
            name=name,
            description=description,
            type=type,
            default_mapper_type=default_mapper_type,
            cron=cron,
            graph=clone(dict(graph or {"nodes": [], "edges": []})),
            nodes_config=clone(dict(nodes_config or {})),
            stats_enabled=self._stats_default(workspace)
            if stats_enabled is None
            else stats_enabled,
            status=status,
            status_before=status,
            created_at=created,
            updated_at=updated_at or created,
        )
        self._add_flow_version(flow, user_id, created)
        if draft is not None:
            flow.draft = self._draft(flow, draft, user_id=user_id, when=updated_at or created)
        self.flows[flow.id] = flow
        return flow

    def update_flow(self, flow_id: str, changes: Mapping[str, Any], *, user_id: str) -> Flow:
        """Apply attribute ``changes`` (already validated) and save a new version."""
        flow = self._get(self.flows, flow_id, "flow")
        for name, value in changes.items():
            setattr(flow, name, clone(value))
        flow.updated_at = self.clock.wall()
        self._add_flow_version(flow, user_id, flow.updated_at)
        return flow

    def set_flow_status(self, flow_id: str, status: FlowStatus, *, delay: float) -> Flow:
        """Ask for ``status``; the running state follows ``delay`` seconds later."""
        flow = self._get(self.flows, flow_id, "flow")
        now = self.clock.now()
        flow.status_before = flow.current_status(now)
        flow.status = status
        flow.settles_at = now + delay
        flow.updated_at = self.clock.wall()
        if status == "active":
            flow.last_start_time = flow.updated_at
        return flow

    def delete_flow(self, flow_id: str) -> None:
        del self.flows[flow_id]

    def put_flow_draft(
        self, flow_id: str, attributes: Mapping[str, Any], *, user_id: str
    ) -> FlowDraft:
        """Create or replace a flow's draft: ``attributes`` (already validated) over the
        flow's own name, description, cron, graph and stats setting."""
        flow = self._get(self.flows, flow_id, "flow")
        self._user(user_id)
        when = self.clock.wall()
        draft = self._draft(flow, attributes, user_id=user_id, when=when)
        if flow.draft is not None:
            draft.created_at = flow.draft.created_at
        flow.draft = draft
        return draft

    def delete_flow_draft(self, flow_id: str) -> None:
        self._get(self.flows, flow_id, "flow").draft = None

    def set_snapshot(self, flow_id: str, step_id: str, snapshot: Any) -> None:
        """Store a step's snapshot (any JSON value), replacing an earlier one."""
        self._get(self.flows, flow_id, "flow").snapshots[step_id] = clone(snapshot)

    def delete_snapshot(self, flow_id: str, step_id: str) -> None:
        del self._get(self.flows, flow_id, "flow").snapshots[step_id]

    # -- scheduled executions --------------------------------------------------------

    def schedule_execution(
        self,
        *,
        kind: ExecutionKind,
        workspace_id: str,
        user_id: str,
        outcome: Outcome,
        delay: float,
    ) -> Execution:
        """An execution whose ``outcome`` shows ``delay`` seconds from now."""
        self.workspaces[workspace_id]
        self._user(user_id)
        execution = Execution(
            id=self.ids.next("execution"),
            kind=kind,
            workspace_id=workspace_id,
            user_id=user_id,
            ready_at=self.clock.now() + delay,
            result=clone(outcome.result),
            error=clone(outcome.error),
        )
        self.executions[execution.id] = execution
        return execution

    # -- helpers ---------------------------------------------------------------------

    @staticmethod
    def _draft(
        flow: Flow, attributes: Mapping[str, Any], *, user_id: str, when: datetime
    ) -> FlowDraft:
        fields: dict[str, Any] = {
            "name": flow.name,
            "description": flow.description,
            "cron": flow.cron,
            "graph": flow.graph,
            "stats_enabled": flow.stats_enabled,
            "snapshot": None,
        }
        fields.update({k: v for k, v in attributes.items() if k in fields})
        return FlowDraft(
            # Derived from the flow, so drafts take nothing from the id sequence.
            id=revision(f"{flow.id}/draft")[:24],
            user_id=user_id,
            created_at=when,
            updated_at=when,
            **clone(fields),
        )

    def _add_flow_version(self, flow: Flow, user_id: str, when: datetime) -> None:
        flow.versions.append(
            FlowVersion(
                id=revision(f"{flow.id}/v{len(flow.versions) + 1}"),
                user_id=user_id,
                created_at=when,
                name=flow.name,
                description=flow.description,
                graph=clone(flow.graph),
            )
        )

    def _stats_default(self, workspace: WorkspaceRecord) -> bool:
        contract = self.contracts[workspace.contract_id]
        levels = (
            workspace.flow_stats_enabled_default,
            contract.flow_stats_enabled_default,
            self.tenant.flow_stats_enabled_default,
        )
        return all(level is not False for level in levels)

    def _user(self, user_id: str) -> UserRecord:
        return self.users[user_id]

    @staticmethod
    def _get(table: dict[str, T], key: str, kind: str) -> T:
        try:
            return table[key]
        except KeyError:
            raise KeyError(f"no {kind} with the id {key!r}") from None
