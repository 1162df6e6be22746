"""``client.logs``: a workspace's log lines (API v2, plain JSON)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Unpack

from elasticio._catalog.v2 import LOGS_LIST
from elasticio._options import CallOptions
from elasticio.models._logs import LogPage, structure_log_page
from elasticio.resources._base import Namespace
from elasticio.resources._dates import moment_value

__all__ = ["Logs"]


class Logs(Namespace):
    """The log lines of a workspace's flows, filtered and paged by ``offset``."""

    async def list(
        self,
        workspace_id: str,
        *,
        flow_ids: Iterable[str] | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        search: str | None = None,
        levels: Iterable[int] | None = None,
        offset: int | None = None,
        limit: int | None = None,
        **options: Unpack[CallOptions],
    ) -> LogPage:
        """One page of a workspace's log lines, newest first, and how many matched.

        ``flow_ids`` keeps the lines of those flows, ``since`` and ``until`` (the API's
        ``from`` and ``to``, both inclusive) a period, ``search`` the lines whose message
        holds the text, ``levels`` those of any of the levels (10 trace ... 60 fatal);
        ``offset`` (0) and ``limit`` (100) pick the page.

        Examples:
            >>> page = await client.logs.list("WORKSPACE_ID", levels=[50], limit=5)
            >>> page.total > len(page.hits), {line.level for line in page.hits}
            (True, {50})
        """
        params = {
            "workspace_id": workspace_id,
            "flow_ids[]": None if flow_ids is None else list(flow_ids),
            "from": moment_value(since),
            "to": moment_value(until),
            "search": search,
            "levels[]": None if levels is None else list(levels),
            "offset": offset,
            "limit": limit,
        }
        response = await self._plain(LOGS_LIST, params=params, options=options)
        return structure_log_page(response.json, request_id=response.request_id)
