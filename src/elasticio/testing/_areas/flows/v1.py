"""Tasks in API v1: create, start, stop, suspend, delete, and one step's configuration
as the component runtime reads it.

A v1 task is a v2 flow, and every v2 flow is a task to these routes. A task's ``nodes``
(``{function: "team/repo:action@revision", config, account}``) become the flow's graph:
steps ``step_1``, ``step_2``, ... linked in order, ``function`` the step's ``command``
(without ``@revision`` the latest build), ``config`` its ``fields``, ``account`` its
``credentials_id``; ``cron`` is the flow's. v1 names no workspace: a new task goes into
the caller's first workspace (in id order), and a caller in none gets 403.

Start, stop and suspend change the flow's ``status`` as v2's start, stop and suspend do
(``current_status`` follows ``settings.transition_delay`` later) and answer 200
``{id, status}``. Starting an active task is a 409, as in v2; so is suspending a task
that is not active. Stopping an inactive task changes nothing (a 409 with
``settings.stop_inactive_conflict``, as in v2); stopping a suspended one makes it
inactive, starting it resumes it. Delete answers ``{id, status: "deleted"}``; the flow
can be restored through v2 within ``settings.restore_window``, like one v2 deleted.

The step answer carries what the runtime (``elasticio-sailor-nodejs`` ``lib/sailor.js``)
reads: ``config`` (the credential's keys, then the step's fields over them),
``snapshot`` (the step's stored snapshot, ``{}`` when none), ``variables`` and
``is_passthrough`` (false only when the flow's ``nodes_config`` disables it).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from elasticio._catalog.v1 import (
    V1_TASKS_CREATE,
    V1_TASKS_DELETE,
    V1_TASKS_START,
    V1_TASKS_STEP,
    V1_TASKS_STOP,
    V1_TASKS_SUSPEND,
)
from elasticio.testing._areas.components.store import parse_command
from elasticio.testing._areas.credentials.routes import credential_for
from elasticio.testing._areas.flows.graph import flow_changes
from elasticio.testing._areas.flows.routes import flow_for
from elasticio.testing._areas.flows.store import FlowRecord, FlowStatus
from elasticio.testing._areas.workspaces.store import WorkspaceRecord
from elasticio.testing._errors import ReplyError, conflict, forbidden, invalid
from elasticio.testing._jsonapi import Json
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, PlainBody

__all__ = ["routes"]

routes = RouteTable()

NEW_TASK = PlainBody(
    "v1-task",
    members=(
        Attr("name", "string", required=True, filled=True),
        Attr("nodes", "array", required=True, filled=True, items="object"),
        Attr("cron", "string", nullable=True),
    ),
)
_NODE = PlainBody(
    "v1-task-node",
    members=(
        Attr("function", "string", required=True, filled=True),
        Attr("config", "object", nullable=True),
        Attr("account", "string", nullable=True),
    ),
)


def _workspace(call: Call) -> WorkspaceRecord:
    mine = call.platform.workspaces.with_member(call.user.id)
    if not mine:
        raise forbidden("You are a member of no workspace to create the task in.")
    return mine[0]


def _node(call: Call, index: int, node: Mapping[str, Any], contract_id: str) -> Json:
    """The graph node of the task's ``index``-th node (counted from 0)."""
    try:
        found = _NODE.read(node)
    except ReplyError as exc:
        raise invalid(f"/nodes/{index}{exc.pointer or ''}", exc.detail.split(" ", 1)[1]) from None
    function = found["function"]
    parts = parse_command(function)
    component = None if parts is None else call.platform.components.named(parts[0], parts[1])
    if parts is None or component is None or not component.available_to(contract_id):
        raise invalid(f"/nodes/{index}/function", f"names no known component: {function!r}")
    if component.version(parts[3]) is None:
        raise invalid(f"/nodes/{index}/function", f"names no build of the component: {function!r}")
    step: Json = {
        "id": f"step_{index + 1}",
        "command": function,
        "name": "",
        "description": "",
        "fields": dict(found.get("config") or {}),
    }
    account = found.get("account")
    if account is not None:
        if credential_for(call, account).component_id != component.id:
            raise invalid(f"/nodes/{index}/account", "is an account of another component")
        step["credentials_id"] = account
    return step


@routes.handle(V1_TASKS_CREATE, body=NEW_TASK)
def create_task(call: Call) -> Reply:
    """A new inactive flow in the caller's first workspace; 200 with its id."""
    found = call.members()
    workspace = _workspace(call)
    nodes = [_node(call, n, node, workspace.contract_id) for n, node in enumerate(found["nodes"])]
    edges = [{"source": a["id"], "target": b["id"]} for a, b in pairwise(nodes)]
    changes = flow_changes(
        call.platform.components,
        {"graph": {"nodes": nodes, "edges": edges}},
        contract_id=workspace.contract_id,
    )
    flow = call.platform.flows.create(
        workspace_id=workspace.id,
        user_id=call.user.id,
        name=found["name"],
        cron=found.get("cron"),
        **changes,
    )
    return Reply(body={"id": flow.id})


def _set(call: Call, flow: FlowRecord, status: FlowStatus) -> FlowRecord:
    return call.platform.flows.set_status(flow.id, status, delay=call.settings.transition_delay)


@routes.handle(V1_TASKS_START)
def start_task(call: Call, task_id: str) -> Reply:
    flow = flow_for(call, task_id)
    if flow.status == "active":
        raise conflict("Flow is already active")
    return Reply(body={"id": flow.id, "status": _set(call, flow, "active").status})


@routes.handle(V1_TASKS_STOP)
def stop_task(call: Call, task_id: str) -> Reply:
    """Stop an active or suspended task; an inactive one stays as it is."""
    flow = flow_for(call, task_id)
    if flow.status != "inactive":
        _set(call, flow, "inactive")
    elif call.settings.stop_inactive_conflict:
        raise conflict("Flow is already inactive")
    return Reply(body={"id": flow.id, "status": flow.status})


@routes.handle(V1_TASKS_SUSPEND)
def suspend_task(call: Call, task_id: str) -> Reply:
    flow = flow_for(call, task_id)
    if flow.status != "active":
        raise conflict("Only an active flow can be suspended")
    return Reply(body={"id": flow.id, "status": _set(call, flow, "suspended").status})


@routes.handle(V1_TASKS_DELETE)
def delete_task(call: Call, task_id: str) -> Reply:
    flow = flow_for(call, task_id)
    call.platform.flows.discard(flow.id)
    return Reply(body={"id": flow.id, "status": "deleted"})


@routes.handle(V1_TASKS_STEP)
def get_step(call: Call, task_id: str, step_id: str) -> Reply:
    flow = flow_for(call, task_id)
    node = next((n for n in flow.nodes if n.get("id") == step_id), None)
    if node is None:
        raise ReplyError(404, f"no such step: {step_id!r}")
    config: dict[str, Any] = {}
    credential_id = node.get("credentials_id")
    credential = None if credential_id is None else call.platform.credentials.get(credential_id)
    if credential is not None:
        config.update(credential.keys)
    fields = node.get("fields")
    config.update(fields if isinstance(fields, Mapping) else {})
    options = flow.nodes_config.get(step_id)
    passthrough = options.get("passthrough") if isinstance(options, Mapping) else None
    disabled = isinstance(passthrough, Mapping) and passthrough.get("disabled") is True
    parts = parse_command(str(node.get("command", "")))
    return Reply(
        body={
            "id": step_id,
            "comp_id": node.get("component_id"),
            "function": None if parts is None else parts[2],
            "config": config,
            "snapshot": flow.snapshots.get(step_id, {}),
            "variables": {},
            "is_passthrough": not disabled,
        }
    )
