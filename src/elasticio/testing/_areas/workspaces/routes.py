"""Workspaces: the caller's workspaces (paged, by contract), one workspace, its members;
creating, changing and deleting workspaces and memberships.

A workspace, and everything in it, is open to its members only. The writes follow the
permission model of ``elasticio.testing._permissions``: a workspace outside the caller's
reach (neither in it nor in its contract, nor a tenant admin) is a 404, and a caller
without the permission the docs name gets 403. Elsewhere roles are stored and shown but
do not narrow permissions further.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from elasticio._catalog.v2 import (
    WORKSPACES_ADD_MEMBER,
    WORKSPACES_ADD_SUPPORT,
    WORKSPACES_CREATE,
    WORKSPACES_DELETE,
    WORKSPACES_GET,
    WORKSPACES_LIST,
    WORKSPACES_MEMBERS,
    WORKSPACES_REMOVE_MEMBER,
    WORKSPACES_REMOVE_SUPPORT,
    WORKSPACES_UPDATE,
    WORKSPACES_UPDATE_MEMBER,
)
from elasticio.testing._areas._membership import members_document, scope_document
from elasticio.testing._areas.contracts.routes import contract_for
from elasticio.testing._areas.contracts.store import ContractRecord
from elasticio.testing._areas.workspaces.cascade import delete_workspace, hand_over
from elasticio.testing._areas.workspaces.store import WorkspaceRecord
from elasticio.testing._areas.workspaces.views import member_resource, workspace_resource
from elasticio.testing._errors import (
    NoSuchRecordError,
    bad_request,
    conflict,
    forbidden,
    invalid,
)
from elasticio.testing._jsonapi import document
from elasticio.testing._permissions import holds, require
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body, Rel
from elasticio.testing._table import Table

__all__ = ["in_workspace", "reachable_workspace", "routes", "workspace_for"]

routes = RouteTable()

NEW_MEMBER = Body(
    "member",
    id="given",
    attributes=(Attr("roles", "array", required=True, filled=True, items="string"),),
)
MEMBER_ROLES = Body("member", id="url", attributes=NEW_MEMBER.attributes)
_SETTINGS = (
    Attr("name", "string", filled=True),
    Attr("flow_stats_enabled_default", "boolean"),
)
NEW_WORKSPACE = Body(
    "workspace",
    attributes=_SETTINGS,
    relationships=(Rel("contract", "contract", required=True),),
).requiring({"name"})
WORKSPACE_CHANGES = Body(
    "workspace",
    id="url-optional",
    attributes=(*_SETTINGS, Attr("type", "string", choices=("full", "limited"))),
)


def workspace_for(call: Call, workspace_id: str) -> WorkspaceRecord:
    """A workspace the caller is a member of."""
    workspace = call.platform.workspaces[workspace_id]
    if call.user.id not in workspace.members:
        raise forbidden()
    return workspace


def reachable_workspace(call: Call, workspace_id: str) -> WorkspaceRecord:
    """A workspace the caller is in, or whose contract they are in (any, for a tenant
    admin); 404 for any other, as if it did not exist."""
    workspace = call.platform.workspaces[workspace_id]
    contract = call.platform.contracts[workspace.contract_id]
    if not (
        call.user.tenant_admin
        or call.user.id in workspace.members
        or call.user.id in contract.members
    ):
        raise NoSuchRecordError("workspace", workspace_id)
    return workspace


def _editing_members(call: Call, workspace_id: str) -> WorkspaceRecord:
    """A workspace whose members the caller may change (``workspaces.workspace.edit``
    or ``tenant.workspace.edit_membership``)."""
    workspace = reachable_workspace(call, workspace_id)
    if not holds(call.platform, call.user, "tenant.workspace.edit_membership"):
        require(call, "workspaces.workspace.edit", workspace=workspace)
    return workspace


def _checked_roles(contract: ContractRecord, roles: list[str]) -> list[str]:
    unknown = sorted(set(roles) - contract.roles_of("workspaces"))
    if unknown:
        raise invalid(
            "/data/attributes/roles", f"has unknown workspace roles: {', '.join(unknown)}"
        )
    return roles


def _support_user_id(call: Call, contract: ContractRecord) -> str | None:
    return contract.support_user_id or call.platform.tenant.support_user_id


class _InWorkspace(Protocol):
    id: str

    @property
    def workspace_id(self) -> str: ...


R = TypeVar("R", bound=_InWorkspace)


def in_workspace(call: Call, table: Table[R], record_id: str) -> R:
    """A record that lives in a workspace: 404 when unknown, 403 outside the caller's."""
    record = table[record_id]
    workspace_for(call, record.workspace_id)
    return record


@routes.handle(WORKSPACES_LIST)
def list_workspaces(call: Call) -> Reply:
    """Workspaces the caller is a member of, optionally of one contract; 20 a page."""
    contract_id = call.query.get("contract_id")
    if contract_id is not None:
        contract_for(call, contract_id)
    mine = [
        w
        for w in call.platform.workspaces.with_member(call.user.id)
        if contract_id in (None, w.contract_id)
    ]
    items, meta = call.page(mine)
    data = [workspace_resource(w, with_invites=False) for w in items]
    return Reply(body=document(data, meta=meta, self_link=call.path))


@routes.handle(WORKSPACES_GET)
def get_workspace(call: Call, workspace_id: str) -> Reply:
    """One workspace; ``include=members,invites`` adds those to ``included``."""
    workspace = workspace_for(call, workspace_id)
    data = workspace_resource(workspace, with_invites=True)
    return Reply(body=scope_document(call, workspace, member_resource, data))


@routes.handle(WORKSPACES_MEMBERS)
def list_workspace_members(call: Call, workspace_id: str) -> Reply:
    workspace = workspace_for(call, workspace_id)
    return Reply(body=members_document(call, workspace, member_resource))


@routes.handle(WORKSPACES_ADD_MEMBER, body=NEW_MEMBER)
def add_workspace_member(call: Call, workspace_id: str) -> Reply:
    """Add a user of the workspace's contract with workspace roles; 409 if already in."""
    workspace = _editing_members(call, workspace_id)
    payload = call.payload()
    contract = call.platform.contracts[workspace.contract_id]
    roles = _checked_roles(contract, payload.attributes["roles"])
    user = call.platform.users[str(payload.id)]
    if user.id not in contract.members:
        raise bad_request("only members of the workspace's contract can be added")
    if user.id in workspace.members:
        raise conflict("The user is already a member of the workspace.")
    call.platform.workspaces.add_member(workspace.id, user.id, roles)
    return Reply(body=document(member_resource(user, roles)))


@routes.handle(WORKSPACES_CREATE, body=NEW_WORKSPACE)
def create_workspace(call: Call) -> Reply:
    """A new ``full`` workspace of the contract, with the caller as its owner. The docs'
    example answers 200, not 201, and so does the emulator."""
    payload = call.payload()
    contract = call.platform.contracts[payload.link("contract")]
    if not (call.user.tenant_admin or call.user.id in contract.members):
        raise NoSuchRecordError("contract", contract.id)
    require(call, "contracts.workspace.create", contract=contract)
    workspace = call.platform.workspaces.create(
        contract_id=contract.id, name=payload.attributes["name"], owner_ids=[call.user.id]
    )
    workspace.flow_stats_enabled_default = payload.attributes.get("flow_stats_enabled_default")
    return Reply(body=document(workspace_resource(workspace, with_invites=False)))


@routes.handle(WORKSPACES_UPDATE, body=WORKSPACE_CHANGES)
def update_workspace(call: Call, workspace_id: str) -> Reply:
    """Rename the workspace or change its settings (``workspaces.workspace.edit``); a
    new ``type`` needs ``workspaces.workspace.edit_type`` as well."""
    workspace = reachable_workspace(call, workspace_id)
    require(call, "workspaces.workspace.edit", workspace=workspace)
    changes = call.payload(url_id=workspace.id).attributes
    if changes.get("type", workspace.type) != workspace.type:
        require(call, "workspaces.workspace.edit_type", workspace=workspace)
        workspace.type = changes["type"]
    if "name" in changes:
        workspace.name = changes["name"]
    if "flow_stats_enabled_default" in changes:
        workspace.flow_stats_enabled_default = changes["flow_stats_enabled_default"]
    return Reply(body=document(workspace_resource(workspace, with_invites=False)))


@routes.handle(WORKSPACES_UPDATE_MEMBER, body=MEMBER_ROLES)
def update_workspace_member(call: Call, workspace_id: str, user_id: str) -> Reply:
    """Replace a member's workspace roles (404 for a user who is not a member)."""
    workspace = _editing_members(call, workspace_id)
    if user_id not in workspace.members:
        raise NoSuchRecordError("member", user_id)
    payload = call.payload(url_id=user_id)
    contract = call.platform.contracts[workspace.contract_id]
    roles = _checked_roles(contract, payload.attributes["roles"])
    call.platform.workspaces.add_member(workspace.id, user_id, roles)
    return Reply(body=document(member_resource(call.platform.users[user_id], roles)))


@routes.handle(WORKSPACES_REMOVE_MEMBER)
def remove_workspace_member(call: Call, workspace_id: str, user_id: str) -> Reply:
    """Remove a member; their flows, credentials and data samples pass to the caller."""
    workspace = _editing_members(call, workspace_id)
    if user_id not in workspace.members:
        raise NoSuchRecordError("member", user_id)
    del workspace.members[user_id]
    hand_over(call.platform, workspace.id, user_id, call.user.id)
    return Reply(status=204)


@routes.handle(WORKSPACES_ADD_SUPPORT)
def add_support_member(call: Call, workspace_id: str) -> Reply:
    """Make the contract's (else the tenant's) support user an owner of the workspace,
    and of the contract when they are not in it yet; 409 when neither names one."""
    workspace = reachable_workspace(call, workspace_id)
    require(call, "workspace.workspace.edit_membership_support", workspace=workspace)
    contract = call.platform.contracts[workspace.contract_id]
    support_id = _support_user_id(call, contract)
    if support_id is None:
        raise conflict("Neither the contract nor the tenant has a support user.")
    if support_id not in contract.members:
        call.platform.contracts.add_member(contract.id, support_id, ["owner"])
    call.platform.workspaces.add_member(workspace.id, support_id, ["owner"])
    return Reply(body=document(member_resource(call.platform.users[support_id], ["owner"])))


@routes.handle(WORKSPACES_REMOVE_SUPPORT)
def remove_support_member(call: Call, workspace_id: str) -> Reply:
    """Take the support user out of the workspace, and out of the contract when they are
    in no other workspace of it; 204 also when they were not in it."""
    workspace = reachable_workspace(call, workspace_id)
    require(call, "workspace.workspace.edit_membership_support", workspace=workspace)
    contract = call.platform.contracts[workspace.contract_id]
    support_id = _support_user_id(call, contract)
    if support_id is not None and workspace.members.pop(support_id, None) is not None:
        elsewhere = call.platform.workspaces.where(
            lambda w: w.contract_id == contract.id and support_id in w.members
        )
        if not elsewhere:
            contract.members.pop(support_id, None)
    return Reply(status=204)


@routes.handle(WORKSPACES_DELETE)
def delete_workspace_route(call: Call, workspace_id: str) -> Reply:
    """Delete the workspace with its flows, credentials, data samples and topics; the
    contract's ``contracts.workspace.delete`` or the workspace's
    ``workspaces.workspace.edit`` allows it."""
    workspace = reachable_workspace(call, workspace_id)
    contract = call.platform.contracts[workspace.contract_id]
    if not holds(call.platform, call.user, "contracts.workspace.delete", contract=contract):
        require(call, "workspaces.workspace.edit", workspace=workspace)
    delete_workspace(call.platform, workspace.id)
    return Reply(status=204)
