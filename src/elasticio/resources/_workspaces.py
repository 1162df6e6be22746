"""``client.workspaces``: the caller's workspaces, one workspace, its members (API v2)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable

from elasticio._pagination import Paginator
from elasticio._paths import Endpoint
from elasticio.jsonapi import Document, Resource
from elasticio.models._workspaces import (
    Workspace,
    WorkspaceMember,
    workspace_from,
    workspace_member_from,
)
from elasticio.resources._components import _one, _typed
from elasticio.resources._contracts import Include, include_param
from elasticio.resources._sender import Sender

__all__ = ["Workspaces"]

LIST = Endpoint("GET", "/v2/workspaces")
GET = Endpoint("GET", "/v2/workspaces/{workspace_id}")
MEMBERS = Endpoint("GET", "/v2/workspaces/{workspace_id}/members")


class Workspaces:
    """Workspaces the caller belongs to, and their members.

    Example:
        >>> async for workspace in client.workspaces.list(contract_id="..."):  # doctest: +SKIP
        ...     print(workspace.name, workspace.type)
    """

    def __init__(self, client: Sender) -> None:
        self._client = client

    def _workspace(self, document: Document, resource: Resource) -> Workspace:
        return workspace_from(document, _typed(resource, "workspace"))

    def list(
        self, *, contract_id: str | None = None, page_size: int | None = None
    ) -> Paginator[Workspace]:
        """The workspaces the caller is a member of, of one contract when ``contract_id``
        is given; the API pages by 20 unless ``page_size`` says otherwise."""
        return Paginator(
            fetch=self._client.fetch,
            first=LIST.request(params={"contract_id": contract_id}),
            item=self._workspace,
            base_url=self._client.base_url,
            page_size=page_size,
        )

    async def get(
        self, workspace_id: str, *, include: Iterable[Include] | Include = ()
    ) -> Workspace:
        """One workspace. ``include`` (``"members"`` and/or ``"invites"``) has the
        response carry those too, as ``Workspace.members`` and ``Workspace.invites``."""
        spec = GET.request(params={"include": include_param(include)}, workspace_id=workspace_id)
        document = await self._client.fetch(spec)
        return self._workspace(document, _one(document, "workspace"))

    async def members(self, workspace_id: str) -> builtins.list[WorkspaceMember]:
        """The members of a workspace, with their workspace roles."""
        document = await self._client.fetch(MEMBERS.request(workspace_id=workspace_id))
        return [workspace_member_from(document, _typed(r, "member")) for r in document.primary]
