"""Who holds which permission: the docs' permission names, granted by roles.

The docs authorize each endpoint by a permission name (``tenants.user.create``,
``workspaces.workspace.edit``, ...) without saying which roles carry it. The emulator
grants them as this module declares, once:

* a tenant admin holds every permission in the tenant;
* a contract role grants its permissions in the contract and in each of its workspaces;
* a workspace role grants its permissions in that workspace only.

A route first finds the record the caller may reach (a record outside their reach is a
404, as if it did not exist), then calls `require` for the permission the docs name: a
caller without it gets 403.

Examples:
    >>> "workspaces.workspace.edit_type" in CONTRACT_ROLES["owner"]
    True
    >>> "workspaces.workspace.edit_type" in WORKSPACE_ROLES["owner"]
    False
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from elasticio.testing._areas.contracts.store import ContractRecord
from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._areas.workspaces.store import WorkspaceRecord
from elasticio.testing._errors import forbidden
from elasticio.testing._platform import Platform

__all__ = ["CONTRACT_ROLES", "TENANT_ONLY", "WORKSPACE_ROLES", "holds", "require"]

TENANT_ONLY = frozenset(
    {
        "tenants.user.create",
        "tenants.user.delete",
        "tenants.user.disable_totp",
        "tenants.user.list_all",
        "tenants.oidc.create",
        "tenants.oidc.delete",
        "tenant.workspace.edit_membership",
        "workspaces.workspace.listAll",
        "tenants.flow.view_deleted",
        "tenants.flow.restore",
        "tenant.recipe.edit_visibility_tenant",
        "global.recipe.edit_visibility_global",
    }
)
"""Permissions no contract or workspace role grants: tenant admins hold them."""

_WORKSPACE_EDITOR = frozenset(
    {
        "workspaces.workspace.edit",
        "workspaces.flow.edit",
        "workspaces.credential.edit",
        "workspaces.topic.create",
        "workspaces.topic.get",
        "workspaces.topic.edit",
        "workspaces.topic.delete",
        "workspaces.recipe.edit",
        "workspaces.flow.exportToRecipe",
        "workspaces.logs.read_all",
    }
)

CONTRACT_ROLES: Mapping[str, frozenset[str]] = {
    "owner": frozenset(
        {
            "contracts.contract.edit",
            "contracts.contract.get_custom_data",
            "contracts.membership.edit",
            "contracts.devTeam.edit",
            "contracts.workspace.create",
            "contracts.workspace.delete",
            "workspaces.workspace.edit_type",
            "workspace.workspace.edit_membership_support",
            "global.stats.workspaces",
        }
        | _WORKSPACE_EDITOR
    ),
    "admin": frozenset(
        {
            "contracts.membership.edit",
            "contracts.devTeam.edit",
            "contracts.workspace.create",
            "contracts.workspace.delete",
        }
    ),
}
"""What each contract role grants, in the contract and every workspace of it."""

WORKSPACE_ROLES: Mapping[str, frozenset[str]] = {
    "owner": _WORKSPACE_EDITOR | {"workspace.workspace.edit_membership_support"},
    "admin": _WORKSPACE_EDITOR,
    "integrator": _WORKSPACE_EDITOR - {"workspaces.workspace.edit"},
    "guest": frozenset({"workspaces.topic.get"}),
}
"""What each workspace role grants, in that workspace."""


class _Caller(Protocol):
    """What `require` reads of a call (a ``Call`` fits)."""

    @property
    def platform(self) -> Platform: ...

    @property
    def user(self) -> UserRecord: ...


def _granted(roles: Mapping[str, frozenset[str]], held: list[str] | None) -> frozenset[str]:
    return frozenset().union(*(roles.get(role, frozenset()) for role in held or ()))


def holds(
    platform: Platform,
    user: UserRecord,
    permission: str,
    *,
    contract: ContractRecord | None = None,
    workspace: WorkspaceRecord | None = None,
) -> bool:
    """Whether ``user`` holds ``permission`` in ``workspace`` (and so in its contract) or
    in ``contract``; with neither, only tenant-wide grants count."""
    if user.tenant_admin:
        return True
    if workspace is not None:
        if permission in _granted(WORKSPACE_ROLES, workspace.members.get(user.id)):
            return True
        contract = platform.contracts[workspace.contract_id]
    if contract is None:
        return False
    return permission in _granted(CONTRACT_ROLES, contract.members.get(user.id))


def require(
    call: _Caller,
    permission: str,
    *,
    contract: ContractRecord | None = None,
    workspace: WorkspaceRecord | None = None,
) -> None:
    """Refuse the call (403) unless its user holds ``permission`` where it acts.

    Raises:
        ReplyError: 403, naming the missing permission.
    """
    if not holds(call.platform, call.user, permission, contract=contract, workspace=workspace):
        raise forbidden(f"This requires the {permission} permission.")
