"""Workspaces: the caller's workspaces (paged, by contract), one workspace, its members,
adding a member."""

from __future__ import annotations

from elasticio._catalog.v2 import (
    WORKSPACES_ADD_MEMBER,
    WORKSPACES_GET,
    WORKSPACES_LIST,
    WORKSPACES_MEMBERS,
)
from elasticio.testing._access import contract_for, require_workspace_admin, workspace_for
from elasticio.testing._errors import bad_request, conflict, not_found
from elasticio.testing._jsonapi import document, page_request, paginate
from elasticio.testing._payload import attributes, primary
from elasticio.testing._query import includes
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import member_resource, workspace_resource

__all__ = ["routes"]

routes = RouteTable()


@routes.handle(WORKSPACES_LIST)
def list_workspaces(call: Call) -> Reply:
    """Workspaces the caller is a member of, optionally of one contract; 20 a page."""
    contract_id = call.query.get("contract_id")
    if contract_id is not None:
        contract_for(call, contract_id)
    mine = sorted(
        (
            w
            for w in call.platform.workspaces.values()
            if call.user.id in w.members and contract_id in (None, w.contract_id)
        ),
        key=lambda w: w.id,
    )
    items, meta = paginate(mine, page_request(call.query, default_size=20))
    data = [workspace_resource(w, with_invites=False) for w in items]
    return Reply(body=document(data, meta=meta, self_link=call.path))


@routes.handle(WORKSPACES_GET)
def get_workspace(call: Call, workspace_id: str) -> Reply:
    """One workspace; ``include=members,invites`` adds those to ``included``."""
    workspace = workspace_for(call, workspace_id)
    wanted = includes(call, ("members", "invites"))
    included = None
    if wanted:
        included = (
            [
                member_resource(call.platform.users[user_id], roles)
                for user_id, roles in workspace.members.items()
            ]
            if "members" in wanted
            else []
        )
    data = workspace_resource(workspace, with_invites=True)
    return Reply(body=document(data, included=included, self_link=call.path))


@routes.handle(WORKSPACES_MEMBERS)
def list_workspace_members(call: Call, workspace_id: str) -> Reply:
    workspace = workspace_for(call, workspace_id)
    data = [
        member_resource(call.platform.users[user_id], roles)
        for user_id, roles in workspace.members.items()
    ]
    return Reply(body=document(data, self_link=call.path))


@routes.handle(WORKSPACES_ADD_MEMBER)
def add_workspace_member(call: Call, workspace_id: str) -> Reply:
    """Add a user of the workspace's contract with workspace roles; 409 if already in."""
    workspace = workspace_for(call, workspace_id)
    require_workspace_admin(call, workspace)
    data = primary(call.body, "member")
    user_id = data.get("id")
    if not isinstance(user_id, str) or not user_id:
        raise bad_request("data.id (the user's id) is required")
    roles = attributes(data).get("roles")
    if not isinstance(roles, list) or not roles or not all(isinstance(r, str) for r in roles):
        raise bad_request("data.attributes.roles must be a non-empty list of role names")
    contract = call.platform.contracts[workspace.contract_id]
    known = {r["role"] for r in contract.available_roles if r.get("scope") == "workspaces"}
    unknown = sorted(set(roles) - known)
    if unknown:
        raise bad_request(f"unknown workspace roles: {', '.join(unknown)}")
    user = call.platform.users.get(user_id)
    if user is None:
        raise not_found("User", user_id)
    if user.id not in contract.members:
        raise bad_request("only members of the workspace's contract can be added")
    if user.id in workspace.members:
        raise conflict("The user is already a member of the workspace.")
    call.platform.add_workspace_member(workspace.id, user.id, roles)
    return Reply(body=document(member_resource(user, roles)))
