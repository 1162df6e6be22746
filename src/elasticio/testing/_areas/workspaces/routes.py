"""Workspaces: the caller's workspaces (paged, by contract), one workspace, its members,
adding a member.

A workspace, and everything in it, is open to its members only. Adding a member needs the
``owner`` or ``admin`` role in the workspace (or tenant admin); otherwise roles are
stored and shown but do not narrow permissions further.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from elasticio._catalog.v2 import (
    WORKSPACES_ADD_MEMBER,
    WORKSPACES_GET,
    WORKSPACES_LIST,
    WORKSPACES_MEMBERS,
)
from elasticio.testing._areas._membership import members_document, scope_document
from elasticio.testing._areas.contracts.routes import contract_for
from elasticio.testing._areas.workspaces.store import WorkspaceRecord
from elasticio.testing._areas.workspaces.views import member_resource, workspace_resource
from elasticio.testing._errors import bad_request, conflict, forbidden, invalid
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body
from elasticio.testing._table import Table

__all__ = ["in_workspace", "routes", "workspace_for"]

routes = RouteTable()

NEW_MEMBER = Body(
    "member",
    id="given",
    attributes=(Attr("roles", "array", required=True, filled=True, items="string"),),
)


def workspace_for(call: Call, workspace_id: str) -> WorkspaceRecord:
    """A workspace the caller is a member of."""
    workspace = call.platform.workspaces[workspace_id]
    if call.user.id not in workspace.members:
        raise forbidden()
    return workspace


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
    workspace = workspace_for(call, workspace_id)
    if not (call.user.tenant_admin or {"owner", "admin"} & set(workspace.members[call.user.id])):
        raise forbidden()
    payload = call.payload()
    roles: list[str] = payload.attributes["roles"]
    contract = call.platform.contracts[workspace.contract_id]
    unknown = sorted(set(roles) - contract.roles_of("workspaces"))
    if unknown:
        raise invalid(
            "/data/attributes/roles", f"has unknown workspace roles: {', '.join(unknown)}"
        )
    user = call.platform.users[str(payload.id)]
    if user.id not in contract.members:
        raise bad_request("only members of the workspace's contract can be added")
    if user.id in workspace.members:
        raise conflict("The user is already a member of the workspace.")
    call.platform.workspaces.add_member(workspace.id, user.id, roles)
    return Reply(body=document(member_resource(user, roles)))
