"""Every area's routes, as the emulator's router joins them."""

from __future__ import annotations

from elasticio.testing._areas.auth_clients import routes as auth_clients
from elasticio.testing._areas.components import routes as components
from elasticio.testing._areas.components import v1 as components_v1
from elasticio.testing._areas.contracts import routes as contracts
from elasticio.testing._areas.credentials import routes as credentials
from elasticio.testing._areas.credentials import v1 as credentials_v1
from elasticio.testing._areas.data_samples import routes as data_samples
from elasticio.testing._areas.executions import routes as executions
from elasticio.testing._areas.executions import v1 as executions_v1
from elasticio.testing._areas.flows import (
    drafts,
    lifecycle,
    snapshots,
    subscriptions,
    threads,
    versions,
)
from elasticio.testing._areas.flows import hooks as flows_hooks
from elasticio.testing._areas.flows import routes as flows
from elasticio.testing._areas.flows import v1 as flows_v1
from elasticio.testing._areas.logs import routes as logs
from elasticio.testing._areas.quota_usages import routes as quota_usages
from elasticio.testing._areas.recipes import deployments as recipe_deployments
from elasticio.testing._areas.recipes import routes as recipes
from elasticio.testing._areas.recipes import v1 as recipes_v1
from elasticio.testing._areas.resources import routes as resources
from elasticio.testing._areas.resources import v1 as resources_v1
from elasticio.testing._areas.secrets import routes as secrets
from elasticio.testing._areas.ssh_keys import routes as ssh_keys
from elasticio.testing._areas.ssh_keys import v1 as ssh_keys_v1
from elasticio.testing._areas.stats import routes as stats
from elasticio.testing._areas.teams import routes as teams
from elasticio.testing._areas.teams import v1 as teams_v1
from elasticio.testing._areas.tenants import certificates as tenant_certificates
from elasticio.testing._areas.tenants import oauth_clients as tenant_oauth_clients
from elasticio.testing._areas.tenants import providers as tenant_providers
from elasticio.testing._areas.tenants import routes as tenants
from elasticio.testing._areas.topics import routes as topics
from elasticio.testing._areas.users import routes as users
from elasticio.testing._areas.users import v1 as users_v1
from elasticio.testing._areas.workspaces import routes as workspaces
from elasticio.testing._router import RouteTable

__all__ = ["ROUTE_TABLES"]

ROUTE_TABLES: tuple[RouteTable, ...] = (
    users.routes,
    contracts.routes,
    workspaces.routes,
    teams.routes,
    components.routes,
    credentials.routes,
    auth_clients.routes,
    secrets.routes,
    flows.routes,
    versions.routes,
    drafts.routes,
    snapshots.routes,
    lifecycle.routes,
    subscriptions.routes,
    threads.routes,
    executions.routes,
    data_samples.routes,
    topics.routes,
    logs.routes,
    stats.routes,
    quota_usages.routes,
    resources.routes,
    ssh_keys.routes,
    tenants.routes,
    tenant_certificates.routes,
    tenant_oauth_clients.routes,
    tenant_providers.routes,
    recipes.routes,
    recipe_deployments.routes,
    # API v1, on the same state
    users_v1.routes,
    credentials_v1.routes,
    components_v1.routes,
    ssh_keys_v1.routes,
    teams_v1.routes,
    executions_v1.routes,
    flows_v1.routes,
    flows_hooks.routes,
    recipes_v1.routes,
    resources_v1.routes,
)
"""The route tables of every area of the API."""
