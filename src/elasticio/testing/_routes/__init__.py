"""The emulated endpoints, one module per area of the API."""

from __future__ import annotations

from elasticio.testing._areas.components import routes as components
from elasticio.testing._areas.contracts import routes as contracts
from elasticio.testing._areas.credentials import routes as credentials
from elasticio.testing._areas.data_samples import routes as data_samples
from elasticio.testing._areas.flows import drafts as flow_drafts
from elasticio.testing._areas.flows import routes as flows
from elasticio.testing._areas.flows import snapshots
from elasticio.testing._areas.flows import versions as flow_versions
from elasticio.testing._areas.ssh_keys import routes as sshkeys
from elasticio.testing._areas.teams import routes as teams
from elasticio.testing._areas.users import routes as users
from elasticio.testing._areas.workspaces import routes as workspaces
from elasticio.testing._router import RouteTable
from elasticio.testing._routes import (
    executions,
)

__all__ = ["ROUTE_TABLES"]

ROUTE_TABLES: tuple[RouteTable, ...] = (
    users.routes,
    contracts.routes,
    workspaces.routes,
    teams.routes,
    components.routes,
    flows.routes,
    flow_versions.routes,
    flow_drafts.routes,
    snapshots.routes,
    credentials.routes,
    data_samples.routes,
    sshkeys.routes,
    executions.routes,
)
