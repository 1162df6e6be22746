"""The emulated endpoints, one module per area of the API."""

from __future__ import annotations

from elasticio.testing._areas.components import routes as components
from elasticio.testing._areas.contracts import routes as contracts
from elasticio.testing._areas.teams import routes as teams
from elasticio.testing._areas.users import routes as users
from elasticio.testing._areas.workspaces import routes as workspaces
from elasticio.testing._router import RouteTable
from elasticio.testing._routes import (
    credentials,
    data_samples,
    executions,
    flow_drafts,
    flow_versions,
    flows,
    snapshots,
    sshkeys,
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
