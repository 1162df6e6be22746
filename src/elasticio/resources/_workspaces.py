"""``client.workspaces``: the caller's workspaces, one workspace, its members; creating,
changing and deleting workspaces and memberships (API v2)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import Any, Literal, Unpack

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
from elasticio._checks import strings
from elasticio._literals import Include
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Identifier, Unset
from elasticio.models._workspaces import Workspace, WorkspaceMember
from elasticio.resources._base import Namespace
from elasticio.resources._contracts import include_param

__all__ = ["Workspaces"]


class Workspaces(Namespace):
    """Workspaces the caller belongs to, and their members: list, get, create, update,
    delete, and add, change or remove members.

    Examples:
        >>> workspaces = client.workspaces.list(contract_id="CONTRACT_ID")
        >>> async for workspace in workspaces:  # doctest: +SKIP
        ...     print(workspace.name, workspace.type)
    """

    def list(
        self,
        *,
        contract_id: str | None = None,
        page_size: int | None = None,
        **options: Unpack[ListOptions],
    ) -> Paginator[Workspace]:
        """The workspaces the caller is a member of, of one contract when ``contract_id``
        is given; the API pages by 20 unless ``page_size`` says otherwise.

        Examples:
            >>> async for workspace in client.workspaces.list(contract_id="CONTRACT_ID"):
            ...     print(workspace.name, workspace.type)
            Production full
        """
        params = {"contract_id": contract_id}
        return self._list(
            WORKSPACES_LIST, Workspace, params=params, page_size=page_size, options=options
        )

    async def get(
        self,
        workspace_id: str,
        *,
        include: Iterable[Include] | Include = (),
        **options: Unpack[CallOptions],
    ) -> Workspace:
        """One workspace. ``include`` (``"members"`` and/or ``"invites"``) has the
        response carry those too, as ``Workspace.members`` and ``Workspace.invites``.

        Examples:
            >>> workspace = await client.workspaces.get("WORKSPACE_ID", include="members")
            >>> [member.email for member in workspace.members or ()]
            ['owner@example.com', 'guest@example.com']
        """
        params = {"include": include_param(include)}
        return await self._one(
            WORKSPACES_GET, Workspace, params=params, workspace_id=workspace_id, options=options
        )

    async def members(
        self, workspace_id: str, **options: Unpack[CallOptions]
    ) -> builtins.list[WorkspaceMember]:
        """The members of a workspace, with their workspace roles.

        Examples:
            >>> for member in await client.workspaces.members("WORKSPACE_ID"):
            ...     print(member.user_id, member.roles)
        """
        return await self._many(
            WORKSPACES_MEMBERS, WorkspaceMember, workspace_id=workspace_id, options=options
        )

    async def add_member(
        self,
        workspace_id: str,
        user_id: str,
        *,
        roles: Iterable[str] | str,
        **options: Unpack[CallOptions],
    ) -> WorkspaceMember:
        """Add a member of the workspace's contract to the workspace with ``roles`` (one
        role name, or several); the answer is the new member.

        Raises:
            ConflictError: the user is a member of the workspace already.

        Examples:
            >>> member = await client.workspaces.add_member(  # doctest: +SKIP
            ...     "WORKSPACE_ID", "USER_ID", roles=["integrator"]
            ... )
        """
        names = list(strings("roles", roles))
        body = self._body(WORKSPACES_ADD_MEMBER, id=user_id, attributes={"roles": names})
        return await self._one(
            WORKSPACES_ADD_MEMBER,
            WorkspaceMember,
            body=body,
            workspace_id=workspace_id,
            options=options,
        )

    async def create(
        self,
        name: str,
        *,
        contract_id: str,
        flow_stats_enabled_default: bool | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Workspace:
        """A new workspace of a contract, with the caller as its owner (needs
        ``contracts.workspace.create``). The API answers 200, as its docs show.

        Examples:
            >>> workspace = await client.workspaces.create("Staging", contract_id="CONTRACT_ID")
            >>> workspace.name, workspace.type
            ('Staging', 'full')
        """
        attributes: dict[str, Any] = {"name": name}
        if not isinstance(flow_stats_enabled_default, Unset):
            attributes["flow_stats_enabled_default"] = flow_stats_enabled_default
        body = self._body(
            WORKSPACES_CREATE,
            attributes=attributes,
            relationships={"contract": Identifier("contract", contract_id)},
        )
        return await self._one(WORKSPACES_CREATE, Workspace, body=body, options=options)

    async def update(
        self,
        workspace_id: str,
        *,
        name: str | Unset = UNSET,
        type: Literal["full", "limited"] | Unset = UNSET,
        flow_stats_enabled_default: bool | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Workspace:
        """Rename a workspace or change its settings (needs ``workspaces.workspace.edit``);
        changing its ``type`` needs ``workspaces.workspace.edit_type`` too. Only the
        arguments given are sent.

        Examples:
            >>> workspace = await client.workspaces.update("WORKSPACE_ID", name="Live")
            >>> workspace.name
            'Live'
        """
        given = {
            "name": name,
            "type": type,
            "flow_stats_enabled_default": flow_stats_enabled_default,
        }
        attributes = {key: value for key, value in given.items() if not isinstance(value, Unset)}
        body = self._body(WORKSPACES_UPDATE, id=workspace_id, attributes=attributes)
        return await self._one(
            WORKSPACES_UPDATE, Workspace, body=body, options=options, workspace_id=workspace_id
        )

    async def delete(self, workspace_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete a workspace with its flows, credentials, data samples and topics
        (needs ``contracts.workspace.delete``, or ``workspaces.workspace.edit``).

        Examples:
            >>> workspace = await client.workspaces.create("Scratch", contract_id="CONTRACT_ID")
            >>> await client.workspaces.delete(workspace.id)
        """
        await self._nothing(WORKSPACES_DELETE, options=options, workspace_id=workspace_id)

    async def update_member(
        self,
        workspace_id: str,
        user_id: str,
        *,
        roles: Iterable[str] | str,
        **options: Unpack[CallOptions],
    ) -> WorkspaceMember:
        """Replace a member's workspace roles; the answer is the member.

        Examples:
            >>> await client.workspaces.add_member("WORKSPACE_ID", "USER_ID", roles="guest")
            >>> member = await client.workspaces.update_member(
            ...     "WORKSPACE_ID", "USER_ID", roles="admin"
            ... )
            >>> member.roles
            ('admin',)
        """
        names = list(strings("roles", roles))
        body = self._body(WORKSPACES_UPDATE_MEMBER, id=user_id, attributes={"roles": names})
        return await self._one(
            WORKSPACES_UPDATE_MEMBER,
            WorkspaceMember,
            body=body,
            workspace_id=workspace_id,
            user_id=user_id,
            options=options,
        )

    async def remove_member(
        self, workspace_id: str, user_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Remove a member from a workspace; their flows, credentials and data samples
        there pass to the caller.

        Examples:
            >>> await client.workspaces.add_member("WORKSPACE_ID", "USER_ID", roles="guest")
            >>> await client.workspaces.remove_member("WORKSPACE_ID", "USER_ID")
        """
        await self._nothing(
            WORKSPACES_REMOVE_MEMBER, options=options, workspace_id=workspace_id, user_id=user_id
        )

    async def add_support(
        self, workspace_id: str, **options: Unpack[CallOptions]
    ) -> WorkspaceMember:
        """Make the support user of the contract (or of the tenant) an owner of the
        workspace, and of its contract if need be (needs
        ``workspace.workspace.edit_membership_support``); the answer is that member.

        Examples:
            >>> support = await client.workspaces.add_support("WORKSPACE_ID")  # doctest: +SKIP
            >>> support.roles  # doctest: +SKIP
            ('owner',)
        """
        return await self._one(
            WORKSPACES_ADD_SUPPORT, WorkspaceMember, workspace_id=workspace_id, options=options
        )

    async def remove_support(self, workspace_id: str, **options: Unpack[CallOptions]) -> None:
        """Take the support user out of the workspace, and out of its contract when they
        are in no other workspace of it.

        Examples:
            >>> await client.workspaces.remove_support("WORKSPACE_ID")
        """
        await self._nothing(WORKSPACES_REMOVE_SUPPORT, options=options, workspace_id=workspace_id)
