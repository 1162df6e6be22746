"""``client.workspaces``: the caller's workspaces, one workspace, its members (API v2)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable

from elasticio._catalog.v2 import WORKSPACES_GET, WORKSPACES_LIST, WORKSPACES_MEMBERS
from elasticio._pagination import Paginator
from elasticio.models._workspaces import Workspace, WorkspaceMember
from elasticio.resources._base import Namespace
from elasticio.resources._contracts import Include, include_param

__all__ = ["Workspaces"]


class Workspaces(Namespace):
    """Workspaces the caller belongs to, and their members.

    Example:
        >>> async for workspace in client.workspaces.list(contract_id="..."):  # doctest: +SKIP
        ...     print(workspace.name, workspace.type)
    """

    def list(
        self, *, contract_id: str | None = None, page_size: int | None = None
    ) -> Paginator[Workspace]:
        """The workspaces the caller is a member of, of one contract when ``contract_id``
        is given; the API pages by 20 unless ``page_size`` says otherwise."""
        params = {"contract_id": contract_id}
        return self._list(WORKSPACES_LIST, Workspace, params=params, page_size=page_size)

    async def get(
        self, workspace_id: str, *, include: Iterable[Include] | Include = ()
    ) -> Workspace:
        """One workspace. ``include`` (``"members"`` and/or ``"invites"``) has the
        response carry those too, as ``Workspace.members`` and ``Workspace.invites``."""
        params = {"include": include_param(include)}
        return await self._one(WORKSPACES_GET, Workspace, params=params, workspace_id=workspace_id)

    async def members(self, workspace_id: str) -> builtins.list[WorkspaceMember]:
        """The members of a workspace, with their workspace roles."""
        return await self._many(WORKSPACES_MEMBERS, WorkspaceMember, workspace_id=workspace_id)
