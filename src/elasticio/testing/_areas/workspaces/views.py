"""How workspaces and their members look in answers."""

from __future__ import annotations

from elasticio.testing._areas._membership import Roles, member_attributes
from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._areas.workspaces.store import WorkspaceRecord
from elasticio.testing._jsonapi import Json, link, resource, to_many

__all__ = ["member_resource", "workspace_resource"]


def workspace_resource(workspace: WorkspaceRecord, *, with_invites: bool) -> Json:
    base = f"/v2/workspaces/{workspace.id}"
    relationships = {
        "contract": link("contract", workspace.contract_id),
        "members": to_many("member", workspace.members, self_link=f"{base}/members/"),
    }
    if with_invites:
        relationships["invites"] = to_many("workspace-invite", [], self_link=f"{base}/invites/")
    return resource(
        "workspace",
        workspace.id,
        self_link=base,
        attributes={"name": workspace.name, "type": workspace.type},
        relationships=relationships,
    )


def member_resource(user: UserRecord, roles: Roles) -> Json:
    return resource(
        "member",
        user.id,
        self_link=f"/v2/members/{user.id}",
        attributes=member_attributes(user, roles),
    )
