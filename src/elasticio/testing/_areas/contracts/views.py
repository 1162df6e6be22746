"""How contracts, their members, invites and roles look in answers."""

from __future__ import annotations

from typing import Any

from elasticio.testing._areas._membership import Roles, member_attributes
from elasticio.testing._areas.contracts.policy import PERMISSIONS, label
from elasticio.testing._areas.contracts.store import ContractRecord, InviteRecord
from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._ids import revision
from elasticio.testing._jsonapi import Json, link, resource, to_many
from elasticio.testing._time import iso

__all__ = [
    "contract_invite_resource",
    "contract_member_resource",
    "contract_policy_resource",
    "contract_resource",
]


def contract_resource(
    contract: ContractRecord, *, status: str, with_invites: bool, custom_data: bool
) -> Json:
    """The contract as it reads with ``status`` (see `ContractRecord.status_at`)."""
    attributes: dict[str, Any] = {
        "name": contract.name,
        "available_roles": contract.available_roles,
        "status": status,
        "created_at": iso(contract.created_at),
        "updated_at": iso(contract.updated_at),
    }
    if contract.support_user_id is not None:
        attributes["support_user_id"] = contract.support_user_id
    if contract.flow_stats_enabled_default is not None:
        attributes["flow_stats_enabled_default"] = contract.flow_stats_enabled_default
    if custom_data:
        attributes["custom_data"] = contract.custom_data
    base = f"/v2/contracts/{contract.id}"
    relationships = {
        "members": to_many("contract-member", contract.members, self_link=f"{base}/members/")
    }
    if with_invites:
        relationships["invites"] = to_many(
            "contract-invite", contract.invites, self_link=f"{base}/invites/"
        )
    return resource(
        "contract", contract.id, self_link=base, attributes=attributes, relationships=relationships
    )


def contract_member_resource(user: UserRecord, roles: Roles) -> Json:
    return resource(
        "contract-member",
        user.id,
        attributes=member_attributes(user, roles),
        relationships={"user": link("user", user.id)},
    )


def contract_invite_resource(invite: InviteRecord) -> Json:
    """An invite; ``workspace_id`` and ``workspace_roles`` only when it names a workspace."""
    attributes: dict[str, Any] = {"email": invite.email, "roles": list(invite.roles)}
    if invite.workspace_id is not None:
        attributes["workspace_id"] = invite.workspace_id
        attributes["workspace_roles"] = list(invite.workspace_roles)
    return resource("contract-invite", invite.id, attributes=attributes)


def contract_policy_resource(contract: ContractRecord) -> Json:
    """The contract's available roles with the permissions each grants."""
    roles = [
        {
            "i18n": {"en": label(role["role"])},
            "role": role["role"],
            "permissions": list(PERMISSIONS.get((role["scope"], role["role"]), ())),
            "scope": role["scope"],
        }
        for role in contract.available_roles
    ]
    return resource(
        "contract-policy",
        # Derived from the contract, so a policy takes nothing from the id sequence.
        revision(f"{contract.id}/policy")[:24],
        attributes={"roles": roles},
        relationships={"contract": link("contract", contract.id)},
    )
