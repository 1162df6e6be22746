"""Flows: list (filters, search, sort, pages), get, create, update, delete, start, stop.

Starting and stopping answer 202 at once with ``status`` changed; ``current_status``
follows ``settings.transition_delay`` seconds later on the emulator's clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import orjson

from elasticio._catalog.v2 import (
    FLOWS_CREATE,
    FLOWS_DELETE,
    FLOWS_GET,
    FLOWS_LIST,
    FLOWS_START,
    FLOWS_STOP,
    FLOWS_UPDATE,
)
from elasticio.testing._areas.flows.graph import FLOW_ATTRIBUTES, REQUIRED_ON_CREATE, flow_changes
from elasticio.testing._areas.flows.store import EDITS, FlowRecord, FlowStatus
from elasticio.testing._areas.flows.views import flow_json
from elasticio.testing._areas.workspaces.routes import in_workspace, workspace_for
from elasticio.testing._errors import bad_request, conflict
from elasticio.testing._jsonapi import Json, document
from elasticio.testing._query import choice, flag, require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Body, Rel

__all__ = ["flow_for", "routes", "shown"]

routes = RouteTable()

NEW_FLOW = Body(
    "flow",
    attributes=FLOW_ATTRIBUTES,
    relationships=(Rel("workspace", "workspace", required=True),),
).requiring(REQUIRED_ON_CREATE)
FLOW_CHANGES = Body("flow", id="url", attributes=FLOW_ATTRIBUTES)

_SORT_KEYS = ("name", "created_at", "updated_at")
_KEPT_PAGES = 256  # list answers kept at most; all are dropped when that many are kept


def flow_for(call: Call, flow_id: str) -> FlowRecord:
    return in_workspace(call, call.platform.flows, flow_id)


def shown(
    call: Call, flow: FlowRecord, status: int = 200, *, current_status: str | None = None
) -> Reply:
    """The flow as it is now (``current_status`` included, unless given)."""
    now = call.platform.clock.now()
    return Reply(
        status=status,
        body=document(flow_json(flow, now, current_status=current_status)),
    )


def _sort_key(field: str) -> Callable[[FlowRecord], tuple[Any, str]]:
    def key(flow: FlowRecord) -> tuple[Any, str]:
        return getattr(flow, field), flow.id

    return key


@routes.handle(FLOWS_LIST)
def list_flows(call: Call) -> Reply:
    """A workspace's flows, 50 a page; see the docs for the filters, search and sort.

    The answer is kept as JSON text and given again to the same request while no flow
    has changed (`EDITS`) and the clock has not reached the end of a start or stop on
    the page (which changes its ``current_status``).
    """
    workspace = workspace_for(call, require_query(call.query, "workspace_id"))
    now = call.platform.clock.now()
    pages = call.platform.flows.pages
    key = (workspace.id, call.path, tuple(call.query.items()))
    kept = pages.get(key)
    if kept is not None and kept[0] == EDITS.count and kept[1] <= now < kept[2]:
        return Reply(body=kept[3])
    items, meta = _page(call, workspace.id)
    body = orjson.Fragment(
        orjson.dumps(document([flow_json(f, now) for f in items], meta=meta, self_link=call.path))
    )
    # current_status reads the clock: the page holds between the last settled change
    # and the next one still to settle.
    since = max((f.settles_at for f in items if f.settles_at <= now), default=-math.inf)
    until = min((f.settles_at for f in items if f.settles_at > now), default=math.inf)
    if len(pages) >= _KEPT_PAGES:
        pages.clear()
    pages[key] = (EDITS.count, since, until, body)
    return Reply(body=body)


def _page(call: Call, workspace_id: str) -> tuple[list[FlowRecord], Json]:
    """The flows on the page the query asks for, and the ``meta`` of the whole list."""
    status = choice(call.query, "filter[status]", ("active", "inactive", "suspended"))
    kind = choice(call.query, "filter[type]", ("ordinary", "long_running"))
    user_id = call.query.get("filter[user]")
    has_draft = flag(call.query, "filter[has_draft]")
    component_id = call.query.get("filter[component_id]")
    search = call.query.get("search", "").strip().casefold()
    sort = call.query.get("sort", "id")
    field = sort.removeprefix("-")
    if field not in (*_SORT_KEYS, "id"):
        raise bad_request(
            f"sort may be {', '.join(_SORT_KEYS)}, with '-' for descending; not {sort!r}",
            parameter="sort",
        )
    flows = call.platform.flows.in_workspace(workspace_id)  # in id order
    if (status, kind, user_id, has_draft, component_id, search) != (None,) * 5 + ("",):
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
    if field != "id":
        flows = sorted(flows, key=_sort_key(field), reverse=sort.startswith("-"))
    elif sort.startswith("-"):
        flows = flows[::-1]
    return call.page(flows)


@routes.handle(FLOWS_GET)
def get_flow(call: Call, flow_id: str) -> Reply:
    return shown(call, flow_for(call, flow_id))


@routes.handle(FLOWS_CREATE, body=NEW_FLOW)
def create_flow(call: Call) -> Reply:
    """A new inactive flow in one of the caller's workspaces; 201."""
    payload = call.payload()
    workspace = workspace_for(call, payload.link("workspace"))
    changes = flow_changes(
        call.platform.components, payload.attributes, contract_id=workspace.contract_id
    )
    flow = call.platform.flows.create(workspace_id=workspace.id, user_id=call.user.id, **changes)
    return shown(call, flow, status=201)


def _not_deployed(call: Call, flow: FlowRecord) -> FlowRecord:
    """409 for a flow of a recipe deployment: the deployment's sync changes it."""
    if call.platform.recipe_deployments.holding(flow.id) is not None:
        raise conflict("The flow is part of a recipe deployment and cannot be changed.")
    return flow


@routes.handle(FLOWS_UPDATE, body=FLOW_CHANGES)
def update_flow(call: Call, flow_id: str) -> Reply:
    """Change some attributes; a new version becomes ``latest_version``. 409 for a flow
    of a recipe deployment."""
    flow = _not_deployed(call, flow_for(call, flow_id))
    changes = flow_changes(
        call.platform.components,
        call.payload(url_id=flow.id).attributes,
        contract_id=call.platform.workspaces[flow.workspace_id].contract_id,
    )
    if flow.status == "suspended" and "graph" in changes:
        raise conflict("The graph of a suspended flow cannot be changed")
    return shown(call, call.platform.flows.update(flow.id, changes, user_id=call.user.id))


@routes.handle(FLOWS_DELETE)
def delete_flow(call: Call, flow_id: str) -> Reply:
    """204; 409 for a flow of a recipe deployment; a tenant admin may restore the flow for a
    while (``settings.restore_window``)."""
    call.platform.flows.discard(_not_deployed(call, flow_for(call, flow_id)).id)
    return Reply(status=204)


def _switch(call: Call, flow: FlowRecord, status: FlowStatus) -> FlowRecord:
    return call.platform.flows.set_status(flow.id, status, delay=call.settings.transition_delay)


@routes.handle(FLOWS_START)
def start_flow(call: Call, flow_id: str) -> Reply:
    """202 with the flow: ``status`` is active, ``current_status`` still the one before, as
    the docs show (it follows on the emulator's clock); 409 when the flow is active."""
    flow = flow_for(call, flow_id)
    if flow.status == "active":
        raise conflict("Flow is already active")
    before = flow.current_status(call.platform.clock.now())
    return shown(call, _switch(call, flow, "active"), status=202, current_status=before)


@routes.handle(FLOWS_STOP)
def stop_flow(call: Call, flow_id: str) -> Reply:
    """202 with an empty document, as the docs show; stopping an inactive flow changes
    nothing (a 409 with ``settings.stop_inactive_conflict``)."""
    flow = flow_for(call, flow_id)
    if flow.status != "inactive":
        _switch(call, flow, "inactive")
    elif call.settings.stop_inactive_conflict:
        raise conflict("Flow is already inactive")
    return Reply(status=202, body={"data": {}, "meta": {}})
