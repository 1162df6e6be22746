"""Snapshots: the persistent runtime state of a flow's steps, one per step id.

Reading is open to the flow's workspace. Creating (POST, 409 when the step has one),
editing (PATCH, 404 when it has none) and removing are refused with 409 while the flow
runs, that is while its ``status`` or ``current_status`` is active. A step the flow's
graph does not have is a 400 on POST and a 404 in a URL.
"""

from __future__ import annotations

from elasticio._catalog.v2 import (
    FLOWS_CREATE_SNAPSHOT,
    FLOWS_DELETE_SNAPSHOT,
    FLOWS_GET_SNAPSHOT,
    FLOWS_SNAPSHOTS,
    FLOWS_UPDATE_SNAPSHOT,
)
from elasticio.testing._access import flow_for
from elasticio.testing._errors import bad_request, conflict, not_found
from elasticio.testing._jsonapi import document
from elasticio.testing._model import Flow
from elasticio.testing._payload import attributes, primary
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import snapshot_resource

__all__ = ["routes"]

routes = RouteTable()


def _editable(call: Call, flow_id: str) -> Flow:
    flow = flow_for(call, flow_id)
    if flow.running(call.platform.clock.now()):
        raise conflict("Snapshots cannot be changed while the flow is running; stop it first.")
    return flow


def _existing(flow: Flow, step_id: str) -> str:
    if step_id not in flow.snapshots:
        raise not_found("Snapshot of step", step_id)
    return step_id


@routes.handle(FLOWS_SNAPSHOTS)
def list_snapshots(call: Call, flow_id: str) -> Reply:
    flow = flow_for(call, flow_id)
    return Reply(body=document([snapshot_resource(flow, step) for step in flow.snapshots]))


@routes.handle(FLOWS_GET_SNAPSHOT)
def get_snapshot(call: Call, flow_id: str, step_id: str) -> Reply:
    flow = flow_for(call, flow_id)
    step_id = _existing(flow, step_id)
    return Reply(body=document(snapshot_resource(flow, step_id)))


@routes.handle(FLOWS_CREATE_SNAPSHOT)
def create_snapshot(call: Call, flow_id: str) -> Reply:
    """201; ``data.id`` names the step, ``data.attributes.snapshot`` may be any JSON."""
    flow = _editable(call, flow_id)
    data = primary(call.body, "snapshot")
    step_id = data.get("id")
    if not isinstance(step_id, str) or not step_id:
        raise bad_request("data.id (the step's id) is required")
    found = attributes(data)
    if "snapshot" not in found:
        raise bad_request("data.attributes.snapshot is required")
    if step_id not in flow.step_ids:
        raise bad_request(f"the flow has no step {step_id!r}")
    if step_id in flow.snapshots:
        raise conflict(f"The step {step_id!r} has a snapshot already.")
    call.platform.set_snapshot(flow.id, step_id, found["snapshot"])
    return Reply(status=201, body=document(snapshot_resource(flow, step_id)))


@routes.handle(FLOWS_UPDATE_SNAPSHOT)
def update_snapshot(call: Call, flow_id: str, step_id: str) -> Reply:
    flow = _editable(call, flow_id)
    step_id = _existing(flow, step_id)
    found = attributes(primary(call.body, "snapshot", id=step_id))
    if "snapshot" not in found:
        raise bad_request("data.attributes.snapshot is required")
    call.platform.set_snapshot(flow.id, step_id, found["snapshot"])
    return Reply(body=document(snapshot_resource(flow, step_id)))


@routes.handle(FLOWS_DELETE_SNAPSHOT)
def delete_snapshot(call: Call, flow_id: str, step_id: str) -> Reply:
    flow = _editable(call, flow_id)
    call.platform.delete_snapshot(flow.id, _existing(flow, step_id))
    return Reply(status=204)
