"""The in-memory platform: every record, the ways to add them, and the state changes.

The HTTP layer reads and changes the platform only through this class, and so can a test
that wants more data than the seed has::

    user = emulator.platform.add_user(email="ann@example.com")
    emulator.platform.add_workspace_member(workspace_id, user.id, ["guest"])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Literal, TypeVar

import attrs

from elasticio.testing._executions import Outcome
from elasticio.testing._ids import IdFactory, revision
from elasticio.testing._json import clone
from elasticio.testing._model import (
    Component,
    ComponentVersion,
    Contract,
    Credential,
    DataSample,
    Execution,
    ExecutionKind,
    Flow,
    FlowDraft,
    FlowStatus,
    FlowVersion,
    SshKey,
    Team,
    Tenant,
    User,
    Workspace,
)
from elasticio.testing._sshkeys import parse_public_key
from elasticio.testing._time import EmulatorClock

__all__ = ["Platform", "parse_command"]

T = TypeVar("T")

OWNER: tuple[str, ...] = ("owner",)
DEFAULT_ROLES = [
    {"scope": "contracts", "role": "owner"},
    {"scope": "contracts", "role": "admin"},
    {"scope": "workspaces", "role": "owner"},
    {"scope": "workspaces", "role": "admin"},
    {"scope": "workspaces", "role": "integrator"},
    {"scope": "workspaces", "role": "guest"},
]


def parse_command(command: str) -> tuple[str, str, str, str] | None:
    """Split ``team/repo:function@version`` (the version part is optional, ``latest``).

    Example:
        >>> parse_command("elasticio/timer:timer@latest")
        ('elasticio', 'timer', 'timer', 'latest')
    """
    repo, sep, rest = command.partition(":")
    team, slash, name = repo.partition("/")
    function, _, version = rest.partition("@")
    if not (sep and slash and team and name and function):
        return None
    return team, name, function, version or "latest"


@attrs.define
class Platform:
    """All the state of one emulated platform. Lookups return None for unknown ids."""

    clock: EmulatorClock
    ids: IdFactory = attrs.Factory(IdFactory)
    tenant: Tenant = attrs.field(init=False)
    users: dict[str, User] = attrs.Factory(dict)
    contracts: dict[str, Contract] = attrs.Factory(dict)
    workspaces: dict[str, Workspace] = attrs.Factory(dict)
    teams: dict[str, Team] = attrs.Factory(dict)
    components: dict[str, Component] = attrs.Factory(dict)
    flows: dict[str, Flow] = attrs.Factory(dict)
    credentials: dict[str, Credential] = attrs.Factory(dict)
    data_samples: dict[str, DataSample] = attrs.Factory(dict)
    ssh_keys: dict[str, SshKey] = attrs.Factory(dict)
    executions: dict[str, Execution] = attrs.Factory(dict)

    def __attrs_post_init__(self) -> None:
        self.tenant = Tenant(id=self.ids.next("tenant"), name="Emulated tenant")

    # -- users -----------------------------------------------------------------------

    def add_user(
        self,
        *,
        email: str,
        api_key: str | None = None,
        first_name: str = "Test",
        last_name: str = "User",
        tenant_admin: bool = False,
        registered: datetime | None = None,
    ) -> User:
        """A new user; the API key is derived from the id when not given."""
        if self.user_by_email(email) is not None:
            raise ValueError(f"a user with the email {email!r} exists already")
        user_id = self.ids.next("user")
        when = registered or self.clock.wall()
        user = User(
            id=user_id,
            email=email,
            api_key=api_key or "emu-" + revision(f"api-key:{user_id}")[:32],
            first_name=first_name,
            last_name=last_name,
            registered=when,
            last_login=when,
            tenant_admin=tenant_admin,
        )
        self.users[user.id] = user
        return user

    def user_by_email(self, email: str) -> User | None:
        wanted = email.casefold()
        return next((u for u in self.users.values() if u.email.casefold() == wanted), None)

    # -- contracts and workspaces ----------------------------------------------------

    def add_contract(
        self,
        *,
        name: str,
        owner_ids: Iterable[str] = (),
        custom_data: Mapping[str, Any] | None = None,
        created_at: datetime | None = None,
    ) -> Contract:
        """A new active contract whose ``owner_ids`` hold the ``owner`` role."""
        when = created_at or self.clock.wall()
        contract = Contract(
            id=self.ids.next("contract"),
            name=name,
            available_roles=[dict(role) for role in DEFAULT_ROLES],
            custom_data=dict(custom_data or {}),
            created_at=when,
            updated_at=when,
        )
        self.contracts[contract.id] = contract
        for user_id in owner_ids:
            self.add_contract_member(contract.id, user_id, OWNER)
        return contract

    def add_contract_member(self, contract_id: str, user_id: str, roles: Sequence[str]) -> None:
        """Make a user a member of a contract with ``roles`` (replacing earlier roles)."""
        self._user(user_id)
        self._get(self.contracts, contract_id, "contract").members[user_id] = list(roles)

    def add_workspace(
        self,
        *,
        contract_id: str,
        name: str,
        type: Literal["full", "limited"] = "full",
        owner_ids: Iterable[str] = (),
    ) -> Workspace:
        """A new workspace in a contract; ``owner_ids`` join it as owners."""
        self._get(self.contracts, contract_id, "contract")
        workspace = Workspace(
            id=self.ids.next("workspace"), contract_id=contract_id, name=name, type=type
        )
        self.workspaces[workspace.id] = workspace
        for user_id in owner_ids:
            self.add_workspace_member(workspace.id, user_id, OWNER)
        return workspace

    def add_workspace_member(self, workspace_id: str, user_id: str, roles: Sequence[str]) -> None:
        """Make a user a member of a workspace with ``roles`` (replacing earlier roles)."""
        self._user(user_id)
        self._get(self.workspaces, workspace_id, "workspace").members[user_id] = list(roles)

    # -- teams and components --------------------------------------------------------

    def add_team(self, *, name: str, contract_id: str | None, user_ids: Iterable[str] = ()) -> Team:
        """A developer team; ``contract_id=None`` makes a platform team (global components)."""
        if contract_id is not None:
            self._get(self.contracts, contract_id, "contract")
        members = [self._user(user_id).id for user_id in user_ids]
        team = Team(id=self.ids.next("team"), contract_id=contract_id, name=name, user_ids=members)
        self.teams[team.id] = team
        return team

    def add_component(
        self,
        *,
        team_id: str,
        name: str,
        access: Literal["team", "tenant", "global"] = "team",
        env: Mapping[str, Any] | None = None,
        icon: str | None = None,
        docker_repo_name: str | None = None,
        docker_target_tag: str | None = None,
    ) -> Component:
        """A component repository owned by a team, with no builds yet."""
        team = self._get(self.teams, team_id, "team")
        if self.component_named(team.name, name) is not None:
            raise ValueError(f"the team {team.name!r} has a repository {name!r} already")
        component = Component(
            id=self.ids.next("component"),
            team_id=team.id,
            contract_id=team.contract_id,
            name=name,
            access=access,
            env=dict(env or {}),
            icon=icon,
            docker_repo_name=docker_repo_name,
            docker_target_tag=docker_target_tag,
        )
        self.components[component.id] = component
        return component

    def add_component_version(
        self,
        component_id: str,
        *,
        descriptor: Mapping[str, Any] | None = None,
        date: datetime | None = None,
    ) -> ComponentVersion:
        """A new build, which becomes the latest; its revision derives from the repo."""
        component = self._get(self.components, component_id, "component")
        number = max((v.number for v in component.versions), default=0) + 1
        version = ComponentVersion(
            revision=revision(f"{component.id}@{number}"),
            number=number,
            date=date or self.clock.wall(),
            descriptor=dict(descriptor or _minimal_descriptor(component.name)),
        )
        component.versions.append(version)
        return version

    def component_named(self, team_name: str, name: str) -> Component | None:
        for component in self.components.values():
            team = self.teams[component.team_id]
            if team.name == team_name and component.name == name:
                return component
        return None

    def resolve_command(self, command: str) -> Component | None:
        """The component a graph node's ``command`` names, if it exists."""
        parts = parse_command(command)
        return None if parts is None else self.component_named(parts[0], parts[1])

    def delete_component(self, component_id: str) -> None:
        del self.components[component_id]

    def delete_component_version(self, component_id: str, revision: str) -> None:
        component = self._get(self.components, component_id, "component")
        component.versions = [v for v in component.versions if v.revision != revision]

    def flows_using(self, component_id: str, revision: str | None = None) -> list[Flow]:
        """Flows whose graph uses the component (only ``revision`` of it, when given).

        A node without a pinned version, or pinned to ``latest``, uses the latest build.
        """
        component = self._get(self.components, component_id, "component")
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
        workspace = self._get(self.workspaces, workspace_id, "workspace")
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

    # -- credentials, data samples, SSH keys -----------------------------------------

    def add_credential(
        self,
        *,
        workspace_id: str,
        component_id: str,
        user_id: str,
        name: str | None = None,
        keys: Mapping[str, Any] | None = None,
        vpn_agent_id: str | None = None,
    ) -> Credential:
        """New credentials; without a name they are called "<component title> #<n>"."""
        self._get(self.workspaces, workspace_id, "workspace")
        component = self._get(self.components, component_id, "component")
        self._user(user_id)
        if name is None:
            title = component.latest.descriptor.get("title") if component.latest else None
            siblings = [
                c
                for c in self.credentials.values()
                if c.workspace_id == workspace_id and c.component_id == component_id
            ]
            name = f"{title or component.name} #{len(siblings) + 1}"
        credential = Credential(
            id=self.ids.next("credential"),
            workspace_id=workspace_id,
            component_id=component_id,
            user_id=user_id,
            name=name,
            keys=clone(dict(keys or {})),
            vpn_agent_id=vpn_agent_id,
        )
        self.credentials[credential.id] = credential
        return credential

    def delete_credential(self, credential_id: str) -> None:
        del self.credentials[credential_id]

    def add_data_sample(
        self,
        *,
        workspace_id: str,
        component_id: str,
        user_id: str,
        method: str,
        result: Any,
        component_version: str = "latest",
    ) -> DataSample:
        """A data sample of a component's ``method`` (a trigger or action name)."""
        self._get(self.workspaces, workspace_id, "workspace")
        self._get(self.components, component_id, "component")
        self._user(user_id)
        sample = DataSample(
            id=self.ids.next("data-sample"),
            workspace_id=workspace_id,
            component_id=component_id,
            component_version=component_version,
            user_id=user_id,
            method=method,
            result=clone(result),
        )
        self.data_samples[sample.id] = sample
        return sample

    def add_ssh_key(self, *, user_id: str, key: str, title: str | None = None) -> SshKey:
        """A user's public key; ValueError if ``key`` is not an SSH public key."""
        self._user(user_id)
        parsed = parse_public_key(key)
        ssh_key = SshKey(
            id=self.ids.next("sshkey"),
            user_id=user_id,
            key=parsed.text,
            title=title,
            fingerprint=parsed.fingerprint,
        )
        self.ssh_keys[ssh_key.id] = ssh_key
        return ssh_key

    def delete_ssh_key(self, key_id: str) -> None:
        del self.ssh_keys[key_id]

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
        self._get(self.workspaces, workspace_id, "workspace")
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

    def _stats_default(self, workspace: Workspace) -> bool:
        contract = self.contracts[workspace.contract_id]
        levels = (
            workspace.flow_stats_enabled_default,
            contract.flow_stats_enabled_default,
            self.tenant.flow_stats_enabled_default,
        )
        return all(level is not False for level in levels)

    def _user(self, user_id: str) -> User:
        return self._get(self.users, user_id, "user")

    @staticmethod
    def _get(table: dict[str, T], key: str, kind: str) -> T:
        try:
            return table[key]
        except KeyError:
            raise KeyError(f"no {kind} with the id {key!r}") from None


def _minimal_descriptor(name: str) -> dict[str, Any]:
    return {
        "title": name,
        "description": "",
        "language": "nodejs",
        "sailor_version": "2.7.1",
        "actions": {},
        "triggers": {},
    }
