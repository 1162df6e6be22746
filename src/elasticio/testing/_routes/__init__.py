"""The emulated endpoints, one module per area of the API."""

from __future__ import annotations

from elasticio.testing._router import RouteTable
from elasticio.testing._routes import components, contracts, flows, teams, users, workspaces

__all__ = ["ROUTE_TABLES"]

ROUTE_TABLES: tuple[RouteTable, ...] = (
    users.routes,
    contracts.routes,
    workspaces.routes,
    teams.routes,
    components.routes,
    flows.routes,
)
