"""Workspaces, their members and their pending invites."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.jsonapi import Document, Resource
from elasticio.models._structure import (
    linked_id,
    linked_ids,
    resolve_all,
    sdk_field,
    structure_resource,
)

__all__ = [
    "Workspace",
    "WorkspaceInvite",
    "WorkspaceMember",
    "workspace_from",
    "workspace_invite_from",
    "workspace_member_from",
]


@attrs.frozen(kw_only=True)
class WorkspaceMember:
    """A user's membership of a workspace, with their workspace ``roles``.

    The API identifies a workspace member by the user's id: ``id`` is the user id.
    """

    id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    roles: tuple[str, ...] = ()
    extra: Mapping[str, Any] = attrs.field(factory=dict)

    @property
    def user_id(self) -> str:
        """The member's user id (the same as ``id``)."""
        return self.id


@attrs.frozen(kw_only=True)
class WorkspaceInvite:
    """A pending invitation to a workspace."""

    id: str
    email: str | None = None
    roles: tuple[str, ...] = ()
    extra: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Workspace:
    """A workspace of a contract, where flows and credentials live.

    ``type`` is ``full`` or ``limited``. ``contract_id``, ``member_ids`` and ``invite_ids``
    come from the relationships; ``members`` and ``invites`` are filled when the document
    includes them (``get(..., include=...)``) and are None otherwise.
    """

    id: str
    name: str | None = None
    type: str | None = None
    flow_stats_enabled_default: bool | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    contract_id: str | None = sdk_field(default=None)
    member_ids: tuple[str, ...] = sdk_field(default=())
    invite_ids: tuple[str, ...] = sdk_field(default=())
    members: tuple[WorkspaceMember, ...] | None = sdk_field(default=None)
    invites: tuple[WorkspaceInvite, ...] | None = sdk_field(default=None)


def workspace_member_from(document: Document, resource: Resource) -> WorkspaceMember:
    """Structure a workspace ``member`` resource."""
    del document
    return structure_resource(WorkspaceMember, resource)


def workspace_invite_from(document: Document, resource: Resource) -> WorkspaceInvite:
    """Structure a ``workspace-invite`` resource."""
    del document
    return structure_resource(WorkspaceInvite, resource)


def workspace_from(document: Document, resource: Resource) -> Workspace:
    """Structure a ``workspace`` resource, with members and invites the document includes."""
    return structure_resource(
        Workspace,
        resource,
        contract_id=linked_id(resource, "contract"),
        member_ids=linked_ids(resource, "members"),
        invite_ids=linked_ids(resource, "invites"),
        members=resolve_all(document, resource, "members", "member", workspace_member_from),
        invites=resolve_all(
            document, resource, "invites", "workspace-invite", workspace_invite_from
        ),
    )
