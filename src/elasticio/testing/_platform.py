"""The in-memory platform: every record, the ways to add them, and the state changes.

The HTTP layer reads and changes the platform only through this class, and so can a test
that wants more data than the seed has::

    user = emulator.platform.add_user(email="ann@example.com")
    emulator.platform.add_workspace_member(workspace_id, user.id, ["guest"])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar

import attrs

from elasticio.testing._areas.components.store import Components
from elasticio.testing._areas.contracts.store import Contracts
from elasticio.testing._areas.credentials.store import Credentials
from elasticio.testing._areas.data_samples.store import DataSampleRecord, DataSamples
from elasticio.testing._areas.flows.store import Flows
from elasticio.testing._areas.ssh_keys.store import SshKeys
from elasticio.testing._areas.teams.store import TeamRecord, Teams
from elasticio.testing._areas.users.store import UserRecord, Users
from elasticio.testing._areas.workspaces.store import Workspaces
from elasticio.testing._executions import Outcome
from elasticio.testing._ids import IdFactory
from elasticio.testing._json import clone
from elasticio.testing._model import (
    Execution,
    ExecutionKind,
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
    flows: Flows = attrs.field(init=False)
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
        self.flows = Flows(
            self.ids,
            self.clock,
            tenant=self.tenant,
            users=self.users,
            contracts=self.contracts,
            workspaces=self.workspaces,
            components=self.components,
        )
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
    add_flow = _Alias("flows", Flows.create)
    update_flow = _Alias("flows", Flows.update)
    set_flow_status = _Alias("flows", Flows.set_status)
    delete_flow = _Alias("flows", Flows.delete)
    put_flow_draft = _Alias("flows", Flows.put_draft)
    delete_flow_draft = _Alias("flows", Flows.delete_draft)
    set_snapshot = _Alias("flows", Flows.set_snapshot)
    delete_snapshot = _Alias("flows", Flows.delete_snapshot)
    flows_using = _Alias("flows", Flows.using)
    add_credential = _Alias("credentials", Credentials.create)
    delete_credential = _Alias("credentials", Credentials.delete)
    add_data_sample = _Alias("data_samples", _adding(DataSampleRecord))
    add_ssh_key = _Alias("ssh_keys", SshKeys.create)
    delete_ssh_key = _Alias("ssh_keys", SshKeys.delete)

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

    def _user(self, user_id: str) -> UserRecord:
        return self.users[user_id]

    @staticmethod
    def _get(table: dict[str, T], key: str, kind: str) -> T:
        try:
            return table[key]
        except KeyError:
            raise KeyError(f"no {kind} with the id {key!r}") from None
