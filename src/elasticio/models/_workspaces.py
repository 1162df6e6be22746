"""Workspaces, their members and their pending invites."""

from __future__ import annotations

from elasticio.models._declare import Model, included, model, to_many, to_one
from elasticio.models._memberships import Invitation, Membership

__all__ = ["Workspace", "WorkspaceInvite", "WorkspaceMember"]


@model("member")
class WorkspaceMember(Membership):
    """A user's membership of a workspace, with their workspace ``roles``; ``id`` is the
    user's id, and so is ``user_id``."""


@model("workspace-invite")
class WorkspaceInvite(Invitation):
    """A pending invitation to a workspace."""


@model("workspace")
class Workspace(Model):
    """A workspace of a contract, where flows and credentials live.

    ``type`` is ``full`` or ``limited``. ``contract_id``, ``member_ids`` and ``invite_ids``
    come from the relationships; ``members`` and ``invites`` are built when the document
    includes them (``get(..., include=...)``) and are None otherwise.

    Examples:
        >>> workspace = await client.workspaces.get(  # doctest: +SKIP
        ...     "WORKSPACE_ID", include="members"
        ... )
        >>> {m.email: m.roles for m in workspace.members or ()}  # doctest: +SKIP
    """

    id: str
    name: str | None = None
    type: str | None = None
    flow_stats_enabled_default: bool | None = None
    contract_id: str | None = to_one("contract")
    member_ids: tuple[str, ...] = to_many("members")
    invite_ids: tuple[str, ...] = to_many("invites")
    members: tuple[WorkspaceMember, ...] | None = included("members")
    invites: tuple[WorkspaceInvite, ...] | None = included("invites")
