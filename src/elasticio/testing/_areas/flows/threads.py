"""Thread statistics of a workspace (API digest §4.5): messages per day, as the
platform's Executions page shows them.

Only the path is known, from the release notes; the answer is shaped after the queue
stats (``/v2/stats/queues``): one ``thread-stats`` resource, here with a ``days`` list
(``{"date": "2025-01-01", "messages": 1440}``) for the last seven days of the emulator's
clock, today last. The figures come from the workspace's flows: an active flow handles
one message a minute since it was started (or created, when it never was), and each
on-demand run adds one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from elasticio._catalog.v2 import FLOWS_THREAD_STATS
from elasticio.testing._areas.flows.store import FlowRecord
from elasticio.testing._areas.workspaces.routes import workspace_for
from elasticio.testing._jsonapi import document, link, resource
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable

__all__ = ["messages_on", "routes"]

routes = RouteTable()

DAYS = 7
_DAY = timedelta(days=1)


def messages_on(flow: FlowRecord, day: datetime, now: datetime) -> int:
    """The messages ``flow`` handled on the day starting at ``day``, up to ``now``."""
    end = min(day + _DAY, now)
    runs = sum(1 for run in flow.runs if day <= run < end)
    if flow.status != "active":
        return runs
    start = max(day, flow.last_start_time or flow.created_at)
    minutes = int((end - start).total_seconds() // 60) if end > start else 0
    return minutes + runs


@routes.handle(FLOWS_THREAD_STATS)
def thread_stats(call: Call) -> Reply:
    """Messages per day of the workspace's flows; any member may read them."""
    workspace = workspace_for(call, require_query(call.query, "workspace_id"))
    now = call.platform.clock.wall()
    today = datetime(now.year, now.month, now.day, tzinfo=UTC)
    flows = call.platform.flows.in_workspace(workspace.id)
    days = []
    for back in range(DAYS - 1, -1, -1):
        day = today - back * _DAY
        total = sum(messages_on(flow, day, now) for flow in flows)
        days.append({"date": day.date().isoformat(), "messages": total})
    data = resource(
        "thread-stats",
        workspace.id,
        self_link=f"/v2/threads/stats?workspace_id={workspace.id}",
        attributes={"days": days},
        relationships={"workspace": link("workspace", workspace.id)},
    )
    return Reply(body=document(data))
