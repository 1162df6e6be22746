"""``client.workspaces``: the caller's workspaces, one workspace, its members (API v2)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import Unpack

from elasticio._catalog.v2 import (
    WORKSPACES_ADD_MEMBER,
    WORKSPACES_GET,
    WORKSPACES_LIST,
    WORKSPACES_MEMBERS,
)
from elasticio._checks import strings
from elasticio._literals import Include
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.models._workspaces import Workspace, WorkspaceMember
from elasticio.resources._base import Namespace
from elasticio.resources._contracts import include_param

__all__ = ["Workspaces"]


class Workspaces(Namespace):
    """Workspaces the caller belongs to, and their members.

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
