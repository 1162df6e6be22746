"""The roles a tenant offers until it replaces them, and the permissions roles can grant.

A tenant's default roles are those the emulator's contracts know (`contracts.policy`).
Roles a tenant sets are stored and answered as given; the emulator's permission model
(`elasticio.testing._permissions`) does not follow them.
"""

from __future__ import annotations

from typing import Any

from elasticio.testing._areas.contracts.policy import PERMISSIONS, label

__all__ = ["AVAILABLE_PERMISSIONS", "SERVICE_PERMISSIONS", "default_roles"]

SERVICE_PERMISSIONS = frozenset(
    {
        "global.flow.get_limited_to_stop",
        "global.quota_limits.edit",
        "global.contract.contract.list_all",
        "global.workspace.get_all",
        "tenants.user.create",
        "tenants.user.delete",
        "tenants.user.list_all",
        "tenants.user.get",
        "tenants.tenant.edit",
        "tenants.tenant.edit_roles",
        "tenants.tenant.list_roles",
        "tenants.tenant.create",
        "tenants.tenant.delete",
        "tenants.tenant.get",
        "tenants.contract.create",
        "tenants.membership.edit",
        "tenants.certificate.get_encrypted",
        "tenants.certificate.get_info",
        "tenants.certificate.create",
        "tenants.certificate.edit",
        "tenants.certificate.delete",
        "tenants.oauth_clients.get",
        "tenants.oauth_clients.edit",
        "tenants.oauth_clients.create",
        "tenants.oauth_clients.delete",
        "contracts.contract.get",
        "contracts.contract.edit_available_roles",
        "contracts.membership.edit_directly",
        "contracts.contract.delete",
        "contracts.contract.finish_delete",
        "contracts.contract.finish_suspend",
        "contracts.contract.suspend",
        "contracts.contract.unsuspend",
        "contracts.contract.listAll",
        "contracts.contract.list_blocking_tasks",
        "contracts.devTeam.edit_access",
        "workspaces.workspace.edit_type",
        "workspaces.workspace.finish_delete",
    }
)
"""The docs' service permissions: only service accounts hold them, and the permissions
list leaves them out."""

_ROLE_PERMISSIONS = frozenset(
    {
        "global.stats.workspaces",
        "contracts.contract.edit",
        "contracts.devTeam.edit",
        "contracts.membership.edit",
        "contracts.repository.edit",
        "contracts.workspace.create",
        "contracts.workspace.delete",
        "contracts.workspace.listAll",
        "contracts.workspace_limits.edit",
        "global.auth_clients.create",
        "global.auth_clients.delete",
        "global.auth_clients.edit",
        "global.auth_clients.get",
        "workspaces.auth_secret.create",
        "workspaces.auth_secret.delete",
        "workspaces.auth_secret.edit",
        "workspaces.auth_secret.get",
        "workspaces.auth_secret.get_credentials",
        "workspaces.auth_secret.refresh",
        "workspaces.credential.edit",
        "workspaces.flow.edit",
        "workspaces.flow.exportToRecipe",
        "workspaces.flow.toggleRealtime",
        "workspaces.flow.toggleStatus",
        "workspaces.logs.read_all",
        "workspaces.recipe.edit",
        "workspaces.topic.create",
        "workspaces.topic.delete",
        "workspaces.topic.edit",
        "workspaces.topic.get",
        "workspaces.vpn_agent.create",
        "workspaces.vpn_agent.delete",
        "workspaces.vpn_agent.edit",
        "workspaces.vpn_agent.get",
        "workspaces.vpn_agent.get_config",
        "workspaces.workspace.edit",
    }
)

AVAILABLE_PERMISSIONS: tuple[str, ...] = tuple(
    sorted(
        (_ROLE_PERMISSIONS | {p for granted in PERMISSIONS.values() for p in granted})
        - SERVICE_PERMISSIONS
    )
)
"""What ``GET /v2/permissions`` lists: the permissions of the docs' example and those
the emulator's roles grant, without the service permissions."""


def default_roles() -> list[dict[str, Any]]:
    """The roles of a tenant that set none, in the order of the contracts' table."""
    return [
        {
            "i18n": {"en": label(role)},
            "role": role,
            "permissions": list(granted),
            "scope": scope,
        }
        for (scope, role), granted in PERMISSIONS.items()
    ]
