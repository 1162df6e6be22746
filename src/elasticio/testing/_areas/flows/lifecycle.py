"""Running a flow now, suspending it, and restoring deleted flows (API digest §4.4, §4.5).

Nothing in the rendered docs describes these; their answers follow their nearest
documented siblings: run-now and suspend answer like stop (202, an empty document),
the deleted-flow list like the flow list, and a restore like a get. A deleted flow may be
listed and restored for ``settings.restore_window`` seconds of the emulator's clock.
"""

from __future__ import annotations

from datetime import timedelta

from elasticio._catalog.v2 import FLOWS_LIST_DELETED, FLOWS_RESTORE, FLOWS_RUN_NOW, FLOWS_SUSPEND
from elasticio.testing._areas.flows.routes import flow_for, shown
from elasticio.testing._areas.flows.store import DeletedFlow
from elasticio.testing._areas.flows.views import flow_resource
from elasticio.testing._areas.workspaces.routes import reachable_workspace
from elasticio.testing._errors import NoSuchRecordError, conflict
from elasticio.testing._jsonapi import document
from elasticio.testing._permissions import require
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._time import iso

__all__ = ["routes"]

routes = RouteTable()

_EMPTY: dict[str, dict[str, object]] = {"data": {}, "meta": {}}


@routes.handle(FLOWS_RUN_NOW)
def run_flow_now(call: Call, flow_id: str) -> Reply:
    """202; the run counts in the thread stats. 409 unless the flow is active."""
    flow = flow_for(call, flow_id)
    if flow.status != "active":
        raise conflict("Only an active flow can be run now")
    flow.runs.append(call.platform.clock.wall())
    return Reply(status=202, body=_EMPTY)


@routes.handle(FLOWS_SUSPEND)
def suspend_flow(call: Call, flow_id: str) -> Reply:
    """202; ``current_status`` follows like a stop's. 409 unless the flow is active."""
    flow = flow_for(call, flow_id)
    if flow.status != "active":
        raise conflict("Only an active flow can be suspended")
    call.platform.flows.set_status(flow.id, "suspended", delay=call.settings.transition_delay)
    return Reply(status=202, body=_EMPTY)


def _restorable(call: Call) -> list[DeletedFlow]:
    since = call.platform.clock.wall() - timedelta(seconds=call.settings.restore_window)
    return [d for d in call.platform.flows.deleted.values() if d.deleted_at >= since]


@routes.handle(FLOWS_LIST_DELETED)
def list_deleted_flows(call: Call) -> Reply:
    """A workspace's flows deleted within the restore window, 50 a page, each with its
    ``deleted_at``; ``tenants.flow.view_deleted``."""
    workspace = reachable_workspace(call, require_query(call.query, "workspace_id"))
    require(call, "tenants.flow.view_deleted", workspace=workspace)
    deleted = sorted(
        (d for d in _restorable(call) if d.flow.workspace_id == workspace.id),
        key=lambda d: d.flow.id,
    )
    items, meta = call.page(deleted)
    now = call.platform.clock.now()
    data = []
    for item in items:
        resource = flow_resource(item.flow, now)  # shared: the additions go on copies
        attributes = {**resource["attributes"], "deleted_at": iso(item.deleted_at)}
        data.append({**resource, "attributes": attributes})
    return Reply(body=document(data, meta=meta, self_link=call.path))


@routes.handle(FLOWS_RESTORE)
def restore_flow(call: Call, flow_id: str) -> Reply:
    """The flow back, inactive; 404 once the restore window has passed or when its
    workspace is gone; ``tenants.flow.restore``."""
    require(call, "tenants.flow.restore")
    if all(d.flow.id != flow_id for d in _restorable(call)):
        raise NoSuchRecordError("deleted flow", flow_id)
    return shown(call, call.platform.flows.restore(flow_id))
