"""Contracts: create, update, list, get (with ``include``), delete; members (list, add,
change roles, remove), invites (list, create, edit, revoke), roles; suspend, unsuspend.

A contract is open to its members and to tenant admins (403 for anyone else); its
``custom_data`` only to those with ``contracts.contract.get_custom_data`` (owners, tenant
admins). Who may change what follows the docs' permission names
(`elasticio.testing._areas.contracts.permissions`). Every contract keeps an owner: the
first member, added or invited, must be one (409), and the last owner can neither be
removed nor lose the role (409, the docs' code for a contract without an owner).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import orjson

from elasticio._catalog.v2 import (
    CONTRACTS_ADD_MEMBER,
    CONTRACTS_CREATE,
    CONTRACTS_DELETE,
    CONTRACTS_GET,
    CONTRACTS_INVITE,
    CONTRACTS_INVITES,
    CONTRACTS_LIST,
    CONTRACTS_MEMBERS,
    CONTRACTS_REMOVE_MEMBER,
    CONTRACTS_REVOKE_INVITE,
    CONTRACTS_ROLES,
    CONTRACTS_SUSPEND,
    CONTRACTS_UNSUSPEND,
    CONTRACTS_UPDATE,
    CONTRACTS_UPDATE_INVITE,
    CONTRACTS_UPDATE_MEMBER,
)
from elasticio.testing._areas._membership import members_document
from elasticio.testing._areas.contracts import cascade, suspension
from elasticio.testing._areas.contracts.permissions import holds, require, require_tenant_admin
from elasticio.testing._areas.contracts.policy import permissions_of
from elasticio.testing._areas.contracts.store import ContractRecord, InviteRecord
from elasticio.testing._areas.contracts.views import (
    contract_invite_resource,
    contract_member_resource,
    contract_policy_resource,
    contract_resource,
)
from elasticio.testing._errors import NoSuchRecordError, ReplyError, conflict, forbidden, invalid
from elasticio.testing._json import clone
from elasticio.testing._jsonapi import Json, document
from elasticio.testing._query import flag, includes
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body

__all__ = ["contract_for", "routes"]

routes = RouteTable()

_CONTRACT_ATTRIBUTES = (
    Attr("name", "string", filled=True),
    Attr("available_roles", "array", items="object"),
    Attr("support_user_id", "string", nullable=True),
    Attr("custom_data", "object"),
    Attr("flow_stats_enabled_default", "boolean"),
)
NEW_CONTRACT = Body("contract", attributes=_CONTRACT_ATTRIBUTES).requiring({"name"})
CONTRACT_CHANGES = Body("contract", id="url", attributes=_CONTRACT_ATTRIBUTES)
_ROLES = Attr("roles", "array", required=True, items="string")
_WORKSPACE = (
    Attr("workspace_id", "string", nullable=True),
    Attr("workspace_roles", "array", items="string"),
)
NEW_INVITE = Body(
    "contract-invite",
    attributes=(Attr("email", "string", required=True, filled=True), _ROLES, *_WORKSPACE),
)
INVITE_CHANGES = Body(
    "contract-invite", id="url", attributes=(Attr("roles", "array", items="string"), *_WORKSPACE)
)
NEW_MEMBER = Body("contract-member", id="given", attributes=(_ROLES,))
MEMBER_CHANGES = Body("contract-member", id="url", attributes=(_ROLES,))

_CUSTOM_DATA_LIMIT = 1024 * 1024
# Which permission each attribute of an update needs (docs, "Update a Contract").
_EDITED_WITH = {
    "available_roles": "contracts.contract.edit_available_roles",
    "custom_data": "contracts.contract.edit_custom_data",
}
_EDIT = "contracts.contract.edit"
_MEMBERSHIP = "contracts.membership.edit"


def contract_for(call: Call, contract_id: str) -> ContractRecord:
    """A contract the caller is a member of (or any, for a tenant admin)."""
    contract = call.platform.contracts[contract_id]
    if call.user.id not in contract.members and not call.user.tenant_admin:
        raise forbidden()
    return contract


def _shown(call: Call, contract: ContractRecord, *, with_invites: bool = True) -> Json:
    return contract_resource(
        contract,
        status=contract.status_at(call.platform.clock.now()),
        with_invites=with_invites,
        custom_data=holds(call.user, contract, "contracts.contract.get_custom_data"),
    )


def _available_roles(value: Sequence[Any]) -> list[dict[str, str]]:
    """The contract's roles as given, with the owner roles every contract has, sorted."""
    pointer = "/data/attributes/available_roles"
    roles = {("contracts", "owner"), ("workspaces", "owner")}
    for index, role in enumerate(value):
        scope, name = role.get("scope"), role.get("role")
        if scope not in ("contracts", "workspaces"):
            raise invalid(f"{pointer}/{index}/scope", "must be 'contracts' or 'workspaces'")
        if not isinstance(name, str) or not name:
            raise invalid(f"{pointer}/{index}/role", "must be a non-empty string")
        roles.add((scope, name))
    return [{"role": name, "scope": scope} for scope, name in sorted(roles)]


def _checked(call: Call, attributes: Mapping[str, Any]) -> dict[str, Any]:
    """The contract attributes of a create or update, checked and normalised."""
    changes = dict(attributes)
    if "available_roles" in changes:
        changes["available_roles"] = _available_roles(changes["available_roles"])
    if "custom_data" in changes:
        if len(orjson.dumps(changes["custom_data"])) > _CUSTOM_DATA_LIMIT:
            raise ReplyError(413, "custom_data is larger than 1 MB", pointer="/data/attributes")
        changes["custom_data"] = clone(changes["custom_data"])
    support = changes.get("support_user_id")
    if support is not None and support not in call.platform.users:
        raise invalid("/data/attributes/support_user_id", "is not a user")
    return changes


@routes.handle(CONTRACTS_CREATE, body=NEW_CONTRACT)
def create_contract(call: Call) -> Reply:
    """A new active contract without members (tenant admins only); 201."""
    require_tenant_admin(call.user)
    changes = _checked(call, call.payload().attributes)
    contract = call.platform.contracts.create(name=changes.pop("name"))
    for name, value in changes.items():
        setattr(contract, name, value)
    return Reply(status=201, body=document(_shown(call, contract)))


@routes.handle(CONTRACTS_UPDATE, body=CONTRACT_CHANGES)
def update_contract(call: Call, contract_id: str) -> Reply:
    """Change what the body gives, each attribute with its own permission."""
    contract = contract_for(call, contract_id)
    payload = call.payload(url_id=contract.id)
    for name in payload.attributes:
        require(call.user, contract, _EDITED_WITH.get(name, _EDIT))
    for name, value in _checked(call, payload.attributes).items():
        setattr(contract, name, value)
    call.platform.contracts.touch(contract)
    return Reply(body=document(_shown(call, contract)))


@routes.handle(CONTRACTS_LIST)
def list_contracts(call: Call) -> Reply:
    """The contracts the caller is a member of, 20 a page by default."""
    items, meta = call.page(call.platform.contracts.with_member(call.user.id))
    data = [_shown(call, c, with_invites=False) for c in items]
    return Reply(body=document(data, meta=meta, self_link=call.path))


@routes.handle(CONTRACTS_GET)
def get_contract(call: Call, contract_id: str) -> Reply:
    """One contract; ``include=members,invites`` adds those to ``included``."""
    contract = contract_for(call, contract_id)
    wanted = includes(call.query, ("members", "invites"))
    included: list[Json] | None = None
    if wanted:
        included = []
        if "members" in wanted:
            users = call.platform.users
            included += [contract_member_resource(users[u], r) for u, r in contract.members.items()]
        if "invites" in wanted:
            included += [contract_invite_resource(i) for i in contract.invites.values()]
    return Reply(body=document(_shown(call, contract), included=included, self_link=call.path))


@routes.handle(CONTRACTS_DELETE)
def delete_contract(call: Call, contract_id: str) -> Reply:
    """Delete the contract and what it holds (tenant admins); ``is_clear_empty_workspaces``
    is read as ``true`` or ``false`` (default), and changes nothing here: every workspace
    of the contract goes with it."""
    require_tenant_admin(call.user)
    contract = call.platform.contracts[contract_id]
    flag(call.query, "is_clear_empty_workspaces")
    cascade.delete_contract(call.platform, contract)
    return Reply(status=204)


# -- members -----------------------------------------------------------------------------


@routes.handle(CONTRACTS_MEMBERS)
def list_contract_members(call: Call, contract_id: str) -> Reply:
    contract = contract_for(call, contract_id)
    return Reply(body=members_document(call, contract, contract_member_resource))


def _contract_roles(contract: ContractRecord, roles: Sequence[str], pointer: str) -> list[str]:
    """``roles``, once each is checked to be a contract role of ``contract`` (400)."""
    available = contract.roles_of("contracts")
    for role in roles:
        if role not in available:
            raise invalid(pointer, f"holds {role!r}, which is not a role of the contract")
    return list(roles)


def _first_needs_owner(contract: ContractRecord, roles: Sequence[str]) -> None:
    if not contract.members and "owner" not in roles:
        raise conflict("The first member of a contract must have the owner role.")


def _member_shown(call: Call, contract: ContractRecord, user_id: str) -> Reply:
    user = call.platform.users[user_id]
    return Reply(body=document(contract_member_resource(user, contract.members[user.id])))


@routes.handle(CONTRACTS_ADD_MEMBER, body=NEW_MEMBER)
def add_contract_member(call: Call, contract_id: str) -> Reply:
    """Make a registered user a member at once (tenant admins); 200 with the member,
    409 when they are one already."""
    require_tenant_admin(call.user)
    contract = call.platform.contracts[contract_id]
    payload = call.payload()
    roles = _contract_roles(contract, payload.attributes["roles"], "/data/attributes/roles")
    user = call.platform.users[str(payload.id)]
    if user.id in contract.members:
        raise conflict("The user is already a member of the contract.")
    _first_needs_owner(contract, roles)
    call.platform.contracts.add_member(contract.id, user.id, roles)
    return _member_shown(call, contract, user.id)


def _member_of(contract: ContractRecord, user_id: str) -> str:
    if user_id not in contract.members:
        raise NoSuchRecordError("contract member", user_id)
    return user_id


def _keeps_an_owner(contract: ContractRecord, user_id: str, roles: Sequence[str]) -> None:
    if contract.owners() == [user_id] and "owner" not in roles:
        raise conflict("You can not remove the last owner in the contract.")


@routes.handle(CONTRACTS_UPDATE_MEMBER, body=MEMBER_CHANGES)
def update_contract_member(call: Call, contract_id: str, user_id: str) -> Reply:
    """Replace a member's roles (``contracts.membership.edit``)."""
    contract = contract_for(call, contract_id)
    require(call.user, contract, _MEMBERSHIP)
    member = _member_of(contract, user_id)
    payload = call.payload(url_id=user_id)
    roles = _contract_roles(contract, payload.attributes["roles"], "/data/attributes/roles")
    _keeps_an_owner(contract, member, roles)
    contract.members[member] = roles
    return _member_shown(call, contract, member)


@routes.handle(CONTRACTS_REMOVE_MEMBER)
def remove_contract_member(call: Call, contract_id: str, user_id: str) -> Reply:
    """Remove a member from the contract, its workspaces and its teams (204); never the
    last owner (409)."""
    contract = contract_for(call, contract_id)
    require(call.user, contract, _MEMBERSHIP)
    member = _member_of(contract, user_id)
    _keeps_an_owner(contract, member, ())
    del contract.members[member]
    platform = call.platform
    for workspace in platform.workspaces.where(lambda w: w.contract_id == contract.id):
        workspace.members.pop(member, None)
    for team in platform.teams.where(lambda t: t.contract_id == contract.id):
        if member in team.user_ids:
            team.user_ids.remove(member)
    return Reply(status=204)


# -- invites and roles ---------------------------------------------------------------------


@routes.handle(CONTRACTS_INVITES)
def list_contract_invites(call: Call, contract_id: str) -> Reply:
    contract = contract_for(call, contract_id)
    data = [contract_invite_resource(i) for i in contract.invites.values()]
    return Reply(body=document(data, self_link=call.path))


@routes.handle(CONTRACTS_ROLES)
def get_contract_roles(call: Call, contract_id: str) -> Reply:
    contract = contract_for(call, contract_id)
    return Reply(body=document(contract_policy_resource(contract), self_link=call.path))


def _invite_workspace(
    call: Call, contract: ContractRecord, found: Mapping[str, Any], default: InviteRecord | None
) -> tuple[str | None, list[str]]:
    """The workspace an invite names and its roles there, checked: a workspace of the
    contract (400) where the caller holds ``workspaces.workspace.edit`` (403)."""
    workspace_id = found.get("workspace_id", default.workspace_id if default is not None else None)
    roles = list(
        found.get("workspace_roles", default.workspace_roles if default is not None else [])
    )
    if workspace_id is None:
        return None, []
    workspace = call.platform.workspaces.get(workspace_id)
    pointer = "/data/attributes"
    if workspace is None or workspace.contract_id != contract.id:
        raise invalid(f"{pointer}/workspace_id", "is not a workspace of the contract")
    granted = permissions_of("workspaces", workspace.members.get(call.user.id, ()))
    if "workspaces.workspace.edit" not in granted:
        raise forbidden()
    available = contract.roles_of("workspaces")
    for role in roles:
        if role not in available:
            raise invalid(f"{pointer}/workspace_roles", f"holds {role!r}, not a workspace role")
    return workspace.id, roles


@routes.handle(CONTRACTS_INVITE, body=NEW_INVITE)
def invite_to_contract(call: Call, contract_id: str) -> Reply:
    """A pending invite by email (``contracts.membership.edit``); 200 with the invite."""
    contract = contract_for(call, contract_id)
    require(call.user, contract, _MEMBERSHIP)
    found = call.payload().attributes
    roles = _contract_roles(contract, found["roles"], "/data/attributes/roles")
    workspace_id, workspace_roles = _invite_workspace(call, contract, found, None)
    _first_needs_owner(contract, roles)
    invite = call.platform.contracts.invite(
        contract.id,
        email=found["email"],
        roles=roles,
        workspace_id=workspace_id,
        workspace_roles=workspace_roles,
    )
    return Reply(body=document(contract_invite_resource(invite)))


def _invite_of(contract: ContractRecord, invite_id: str) -> InviteRecord:
    invite = contract.invites.get(invite_id)
    if invite is None:
        raise NoSuchRecordError("contract invite", invite_id)
    return invite


@routes.handle(CONTRACTS_UPDATE_INVITE, body=INVITE_CHANGES)
def update_contract_invite(call: Call, contract_id: str, invite_id: str) -> Reply:
    """Change an invite's roles or workspace (``contracts.membership.edit``)."""
    contract = contract_for(call, contract_id)
    require(call.user, contract, _MEMBERSHIP)
    invite = _invite_of(contract, invite_id)
    found = call.payload(url_id=invite.id).attributes
    roles = invite.roles
    if "roles" in found:
        roles = _contract_roles(contract, found["roles"], "/data/attributes/roles")
        _first_needs_owner(contract, roles)
    if "workspace_id" in found or "workspace_roles" in found:
        workspace = _invite_workspace(call, contract, found, invite)
        invite.workspace_id, invite.workspace_roles = workspace
    invite.roles = list(roles)
    return Reply(body=document(contract_invite_resource(invite)))


@routes.handle(CONTRACTS_REVOKE_INVITE)
def revoke_contract_invite(call: Call, contract_id: str, invite_id: str) -> Reply:
    contract = contract_for(call, contract_id)
    require(call.user, contract, _MEMBERSHIP)
    del contract.invites[_invite_of(contract, invite_id).id]
    return Reply(status=204)


# -- suspension ------------------------------------------------------------------------------


@routes.handle(CONTRACTS_SUSPEND)
def suspend_contract(call: Call, contract_id: str) -> Reply:
    """Stop the contract's flows and refuse writes into it (tenant admins); 202, the
    suspension settling as the flows stop (``transition_delay``)."""
    require_tenant_admin(call.user)
    contract = call.platform.contracts[contract_id]
    suspension.suspend(call.platform, contract, delay=call.settings.transition_delay)
    return Reply(status=202)


@routes.handle(CONTRACTS_UNSUSPEND)
def unsuspend_contract(call: Call, contract_id: str) -> Reply:
    require_tenant_admin(call.user)
    suspension.unsuspend(call.platform, call.platform.contracts[contract_id])
    return Reply(status=204)
