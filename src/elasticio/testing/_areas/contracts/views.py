"""How contracts and their members look in answers."""

from __future__ import annotations

from typing import Any

from elasticio.testing._areas._membership import Roles, member_attributes
from elasticio.testing._areas.contracts.store import ContractRecord
from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._jsonapi import Json, link, resource, to_many
from elasticio.testing._time import iso

__all__ = ["contract_member_resource", "contract_resource"]


def contract_resource(contract: ContractRecord, *, with_invites: bool, custom_data: bool) -> Json:
    attributes: dict[str, Any] = {
        "name": contract.name,
        "available_roles": contract.available_roles,
        "status": contract.status,
        "created_at": iso(contract.created_at),
        "updated_at": iso(contract.updated_at),
    }
    if custom_data:
        attributes["custom_data"] = contract.custom_data
    base = f"/v2/contracts/{contract.id}"
    relationships = {
        "members": to_many("contract-member", contract.members, self_link=f"{base}/members/")
    }
    if with_invites:
        relationships["invites"] = to_many("contract-invite", [], self_link=f"{base}/invites/")
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
