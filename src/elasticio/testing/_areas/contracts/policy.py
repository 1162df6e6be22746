"""Which permissions each contract and workspace role grants (``GET .../roles``).

Taken from the roles the docs' example lists. The docs give an owner's contract
permissions as membership and workspaces; the emulator also lets owners edit the
contract itself, read and edit its custom data, and change its repositories and teams,
as an owner of the contract "with a predefined permission set" is expected to. A role a
contract makes available but the table does not know (a tenant's custom role) grants
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["PERMISSIONS", "label", "permissions_of"]

_WORKSPACE_ADMIN = (
    "workspaces.workspace.edit",
    "workspaces.flow.edit",
    "workspaces.flow.toggleStatus",
    "workspaces.flow.toggleRealtime",
    "workspaces.credential.edit",
)

PERMISSIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("contracts", "owner"): (
        "contracts.contract.edit",
        "contracts.contract.get_custom_data",
        "contracts.contract.edit_custom_data",
        "contracts.membership.edit",
        "contracts.workspace.create",
        "contracts.workspace.listAll",
        "contracts.workspace.delete",
        "contracts.repository.edit",
        "contracts.devTeam.edit",
    ),
    ("contracts", "admin"): (
        "contracts.membership.edit",
        "contracts.workspace.create",
        "contracts.workspace.listAll",
        "contracts.workspace.delete",
        "contracts.repository.edit",
        "contracts.devTeam.edit",
    ),
    ("contracts", "member"): ("contracts.workspace.create",),
    ("workspaces", "owner"): _WORKSPACE_ADMIN,
    ("workspaces", "admin"): _WORKSPACE_ADMIN,
    ("workspaces", "integrator"): _WORKSPACE_ADMIN[1:],
    ("workspaces", "guest"): (),
}
"""(scope, role) -> the permissions the role grants in that scope."""


def permissions_of(scope: str, roles: Iterable[str]) -> set[str]:
    """Every permission ``roles`` grant in ``scope`` (``contracts`` or ``workspaces``).

    Examples:
        >>> sorted(permissions_of("contracts", ["member"]))
        ['contracts.workspace.create']
    """
    return {name for role in roles for name in PERMISSIONS.get((scope, role), ())}


def label(role: str) -> str:
    """The English name of a role, as ``i18n.en`` shows it.

    Examples:
        >>> label("custom_role")
        'Custom_role'
    """
    return role[:1].upper() + role[1:]
