"""``client.workspaces``: the caller's workspaces, one workspace, its members (API v2)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable

from elasticio._catalog.v2 import WORKSPACES_GET, WORKSPACES_LIST, WORKSPACES_MEMBERS
from elasticio._pagination import Paginator
from elasticio.jsonapi import Document, Resource
from elasticio.models._workspaces import (
    Workspace,
    WorkspaceMember,
    workspace_from,
    workspace_member_from,
)
from elasticio.resources._base import Namespace, of_type, one_resource, request
from elasticio.resources._contracts import Include, include_param

__all__ = ["Workspaces"]


class Workspaces(Namespace):
    """Workspaces the caller belongs to, and their members.

    Example:
        >>> async for workspace in client.workspaces.list(contract_id="..."):  # doctest: +SKIP
        ...     print(workspace.name, workspace.type)
    """

    def _workspace(self, document: Document, resource: Resource) -> Workspace:
        return workspace_from(document, of_type(resource, "workspace"))

    def list(
        self, *, contract_id: str | None = None, page_size: int | None = None
    ) -> Paginator[Workspace]:
        """The workspaces the caller is a member of, of one contract when ``contract_id``
        is given; the API pages by 20 unless ``page_size`` says otherwise."""
        return self._paginate(
            request(WORKSPACES_LIST, params={"contract_id": contract_id}),
            self._workspace,
            page_size,
        )

    async def get(
        self, workspace_id: str, *, include: Iterable[Include] | Include = ()
    ) -> Workspace:
        """One workspace. ``include`` (``"members"`` and/or ``"invites"``) has the
        response carry those too, as ``Workspace.members`` and ``Workspace.invites``."""
        spec = request(
            WORKSPACES_GET, params={"include": include_param(include)}, workspace_id=workspace_id
        )
        document = await self._client.fetch(spec)
        return self._workspace(document, one_resource(document, "workspace"))

    async def members(self, workspace_id: str) -> builtins.list[WorkspaceMember]:
        """The members of a workspace, with their workspace roles."""
        document = await self._client.fetch(request(WORKSPACES_MEMBERS, workspace_id=workspace_id))
        return [workspace_member_from(document, of_type(r, "member")) for r in document.primary]
