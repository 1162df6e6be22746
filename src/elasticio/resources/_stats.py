"""``client.platform_stats``: queue depths of flow steps, the workspaces' inventory (API v2)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v2 import PLATFORM_STATS_QUEUES, PLATFORM_STATS_WORKSPACES
from elasticio._options import CallOptions
from elasticio.models._stats import FlowQueueStats, WorkspaceStats
from elasticio.resources._base import Namespace

__all__ = ["PlatformStats"]


class PlatformStats(Namespace):
    """The platform's figures about flows (API ``/v2/stats``): what waits in their
    queues, and which workspaces hold which flows and components. (``client.stats`` is
    the client's own request counts.)"""

    async def queues(self, flow_id: str, **options: Unpack[CallOptions]) -> FlowQueueStats:
        """The messages in the input queue of each step of a flow.

        Examples:
            >>> stats = await client.platform_stats.queues("FLOW_ID")
            >>> [queue.step_id for queue in stats.stats]
            ['step_1', 'step_2']
        """
        return await self._one(
            PLATFORM_STATS_QUEUES, FlowQueueStats, flow_id=flow_id, options=options
        )

    async def workspaces(
        self, *, contract_id: str | None = None, **options: Unpack[CallOptions]
    ) -> list[WorkspaceStats]:
        """Workspaces with their flows and the components those use (one request). A
        contract owner names the contract; a tenant admin names none and sees the tenant.

        Examples:
            >>> workspaces = await client.platform_stats.workspaces()
            >>> sorted(workspace.name for workspace in workspaces)
            ['Production', 'Sandbox']
        """
        params = {"contract_id": contract_id}
        return await self._many(
            PLATFORM_STATS_WORKSPACES, WorkspaceStats, params=params, options=options
        )
