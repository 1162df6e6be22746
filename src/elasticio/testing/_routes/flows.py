"""Flows: list (filters, search, sort, pages), get, create, update, delete, start, stop.

Starting and stopping answer 202 at once with ``status`` changed; ``current_status``
follows ``settings.transition_delay`` seconds later on the emulator's clock (computed
when a flow is shown, never by a background task).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from elasticio._catalog.v2 import (
    FLOWS_CREATE,
    FLOWS_DELETE,
    FLOWS_GET,
    FLOWS_LIST,
    FLOWS_START,
    FLOWS_STOP,
    FLOWS_UPDATE,
)
from elasticio.testing._access import flow_for, workspace_for
from elasticio.testing._errors import bad_request, conflict
from elasticio.testing._flow_input import flow_changes
from elasticio.testing._jsonapi import document, page_request, paginate
from elasticio.testing._model import Flow
from elasticio.testing._payload import attributes, primary, relationship_id
from elasticio.testing._query import choice, flag, require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import flow_resource

__all__ = ["routes"]

routes = RouteTable()

_SORT_KEYS = ("name", "created_at", "updated_at")


def _shown(call: Call, flow: Flow, status: int = 200) -> Reply:
    return Reply(status=status, body=document(flow_resource(flow, call.platform.clock.now())))


def _sort_key(field: str) -> Callable[[Flow], tuple[Any, str]]:
    def key(flow: Flow) -> tuple[Any, str]:
        return getattr(flow, field), flow.id

    return key


@routes.handle(FLOWS_LIST)
def list_flows(call: Call) -> Reply:
    """A workspace's flows, 50 a page; see the docs for the filters, search and sort."""
    workspace = workspace_for(call, require_query(call, "workspace_id"))
    flows = [f for f in call.platform.flows.values() if f.workspace_id == workspace.id]
    status = choice(call, "filter[status]", ("active", "inactive"))
    kind = choice(call, "filter[type]", ("ordinary", "long_running"))
    user_id = call.query.get("filter[user]")
    has_draft = flag(call, "filter[has_draft]")
    component_id = call.query.get("filter[component_id]")
    search = call.query.get("search", "").strip().casefold()
    flows = [
        f
        for f in flows
        if status in (None, f.status)
        and kind in (None, f.type)
        and user_id in (None, f.user_id)
        and has_draft in (None, f.draft is not None)
        and (component_id is None or component_id in f.component_ids)
        and (search in f.name.casefold() or search in (f.description or "").casefold())
    ]
    sort = call.query.get("sort", "id")
    field = sort.removeprefix("-")
    if field not in (*_SORT_KEYS, "id"):
        raise bad_request(
            f"sort may be {', '.join(_SORT_KEYS)}, with '-' for descending; not {sort!r}",
            parameter="sort",
        )
    flows.sort(key=_sort_key(field), reverse=sort.startswith("-"))
    items, meta = paginate(flows, page_request(call.query, default_size=50))
    now = call.platform.clock.now()
    data = [flow_resource(f, now) for f in items]
    return Reply(body=document(data, meta=meta, self_link=call.path))


@routes.handle(FLOWS_GET)
def get_flow(call: Call, flow_id: str) -> Reply:
    return _shown(call, flow_for(call, flow_id))


@routes.handle(FLOWS_CREATE)
def create_flow(call: Call) -> Reply:
    """A new inactive flow in one of the caller's workspaces; 201."""
    data = primary(call.body, "flow")
    changes = flow_changes(call.platform, attributes(data), creating=True)
    workspace_id = relationship_id(data, "workspace", "workspace")
    if workspace_id is None:
        raise bad_request("data.relationships.workspace is required")
    workspace = workspace_for(call, workspace_id)
    flow = call.platform.add_flow(workspace_id=workspace.id, user_id=call.user.id, **changes)
    return _shown(call, flow, status=201)


@routes.handle(FLOWS_UPDATE)
def update_flow(call: Call, flow_id: str) -> Reply:
    """Change some attributes; a new version becomes ``latest_version``."""
    flow = flow_for(call, flow_id)
    changes = flow_changes(
        call.platform, attributes(primary(call.body, "flow", id=flow.id)), creating=False
    )
    return _shown(call, call.platform.update_flow(flow.id, changes, user_id=call.user.id))


@routes.handle(FLOWS_DELETE)
def delete_flow(call: Call, flow_id: str) -> Reply:
    flow = flow_for(call, flow_id)
    call.platform.delete_flow(flow.id)
    return Reply(status=204)


@routes.handle(FLOWS_START)
def start_flow(call: Call, flow_id: str) -> Reply:
    """202 with the flow: ``status`` is active, ``current_status`` not yet (unless no lag)."""
    flow = flow_for(call, flow_id)
    if flow.status == "active":
        raise conflict("Flow is already active")
    call.platform.set_flow_status(flow.id, "active", delay=call.settings.transition_delay)
    return _shown(call, flow, status=202)


@routes.handle(FLOWS_STOP)
def stop_flow(call: Call, flow_id: str) -> Reply:
    """202 with an empty document, as the docs show."""
    flow = flow_for(call, flow_id)
    if flow.status == "inactive":
        raise conflict("Flow is already inactive")
    call.platform.set_flow_status(flow.id, "inactive", delay=call.settings.transition_delay)
    return Reply(status=202, body={"data": {}, "meta": {}})
