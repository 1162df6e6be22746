"""The in-memory platform: the tables of every area, side by side.

Each area's records and the operations on them live with the area
(``_areas/<area>/store.py``); the platform builds the tables in the order they refer to
each other. A test that wants more data than the seed has goes through them::

    user = emulator.platform.users.create(email="ann@example.com")
    emulator.platform.workspaces.add_member(workspace_id, user.id, ["guest"])

The platform's methods from before the areas (``add_user``, ``add_workspace_member``,
``add_flow``, ...) stay, as aliases of the tables' operations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from elasticio.testing._areas.auth_clients.store import AuthClients
from elasticio.testing._areas.components.store import Components
from elasticio.testing._areas.contracts.store import Contracts
from elasticio.testing._areas.credentials.store import Credentials
from elasticio.testing._areas.data_samples.store import DataSampleRecord, DataSamples
from elasticio.testing._areas.executions.store import Executions
from elasticio.testing._areas.flows.store import Flows
from elasticio.testing._areas.logs.store import Logs
from elasticio.testing._areas.quota_usages.limits import QuotaLimits
from elasticio.testing._areas.recipes.store import RecipeDeployments, Recipes
from elasticio.testing._areas.resources.store import ObjectStore
from elasticio.testing._areas.secrets.store import AuthSecrets
from elasticio.testing._areas.ssh_keys.store import SshKeys
from elasticio.testing._areas.stats.store import Queues
from elasticio.testing._areas.teams.store import TeamRecord, Teams
from elasticio.testing._areas.tenants.store import (
    Certificates,
    OpenIdProviderRecord,
    Providers,
    SamlProviderRecord,
    TenantOAuthClients,
    Tenants,
)
from elasticio.testing._areas.topics.store import Topics
from elasticio.testing._areas.users.store import Users
from elasticio.testing._areas.workspaces.store import Workspaces
from elasticio.testing._ids import IdFactory
from elasticio.testing._table import Table
from elasticio.testing._tenant import TenantRecord
from elasticio.testing._time import EmulatorClock

__all__ = ["Platform"]

T = TypeVar("T")
S = TypeVar("S")
P = ParamSpec("P")
R = TypeVar("R")


class _Alias(Generic[S, P, R]):
    """A platform method that calls ``method`` on the platform's table ``table``."""

    def __init__(self, table: str, method: Callable[Concatenate[S, P], R]) -> None:
        self._table = table
        self._method = method

    @overload
    def __get__(self, platform: None, owner: object = None) -> _Alias[S, P, R]: ...

    @overload
    def __get__(self, platform: Platform, owner: object = None) -> Callable[P, R]: ...

    def __get__(
        self, platform: Platform | None, owner: object = None
    ) -> _Alias[S, P, R] | Callable[P, R]:
        if platform is None:
            return self
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


class Platform:
    """All the state of one emulated platform: a table per kind of record, by id.

    The tables read as mappings (``platform.flows[flow_id]``, ``len(platform.users)``,
    ``platform.components.values()``) and carry their area's operations
    (``platform.flows.create(...)``, ``platform.contracts.add_member(...)``). Ids come from
    one factory, so a new platform repeats the same ids.

    Examples:
        >>> from elasticio.testing._time import EmulatorClock
        >>> platform = Platform(EmulatorClock(lambda: 0.0))
        >>> user = platform.users.create(email="ann@example.com")
        >>> platform.users[user.id].email
        'ann@example.com'
    """

    def __init__(self, clock: EmulatorClock) -> None:
        self.clock = clock
        self.ids = IdFactory()
        self.tenant = TenantRecord(id=self.ids.next("tenant"), name="Emulated tenant")
        self.users = Users(self.ids, clock)
        self.contracts = Contracts(self.ids, clock, self.users)
        self.workspaces = Workspaces(self.ids, self.users, self.contracts)
        self.teams = Teams(self.ids, self.users, self.contracts)
        self.components = Components(self.ids, clock, self.teams)
        self.flows = Flows(
            self.ids,
            clock,
            tenant=self.tenant,
            users=self.users,
            contracts=self.contracts,
            workspaces=self.workspaces,
            components=self.components,
        )
        self.credentials = Credentials(self.ids, self.users, self.workspaces, self.components)
        self.data_samples = DataSamples(self.ids, self.users, self.workspaces, self.components)
        self.ssh_keys = SshKeys(self.ids, self.users)
        self.topics = Topics(self.ids, self.users, self.workspaces)
        self.executions = Executions(self.ids, clock, self.users, self.workspaces)
        self.auth_clients = AuthClients(self.ids, self.components, self.contracts, self.workspaces)
        self.auth_secrets = AuthSecrets(self.ids, self.users, self.workspaces, self.auth_clients)
        self.tenants = Tenants(self.ids, self.tenant)
        self.tenant_certificates = Certificates(self.ids, self.tenants, self.users)
        self.oauth_clients = TenantOAuthClients(self.ids, self.tenants, self.components)
        self.openid_providers = Providers[OpenIdProviderRecord](
            "openid-provider", "openid provider", self.ids, self.tenants
        )
        self.saml_providers = Providers[SamlProviderRecord](
            "saml-provider", "saml provider", self.ids, self.tenants
        )
        self.recipes = Recipes(self.ids, self.users, self.workspaces)
        self.recipe_deployments = RecipeDeployments(
            self.ids, clock, self.users, self.workspaces, self.recipes, self.flows
        )
        self.objects = ObjectStore(clock.now)
        self.logs = Logs(clock, self.workspaces, self.flows, self.components)
        self.queues = Queues(clock, self.flows)
        self.quota_limits = QuotaLimits(self.contracts)

    def __repr__(self) -> str:
        # Safe on a half-built platform too (a traceback formatted with its locals).
        if not hasattr(self, "flows"):
            return "<Platform (not set up)>"
        return f"<Platform users={len(self.users)} flows={len(self.flows)}>"

    # The methods before the areas, kept for the tests and scripts that call them.
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
    schedule_execution = _Alias("executions", Executions.schedule)
