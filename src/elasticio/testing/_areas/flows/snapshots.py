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
from elasticio.testing._areas.flows.routes import flow_for
from elasticio.testing._areas.flows.store import FlowRecord
from elasticio.testing._areas.flows.views import snapshot_resource
from elasticio.testing._errors import NoSuchRecordError, conflict, invalid
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body

__all__ = ["routes"]

routes = RouteTable()

_SNAPSHOT = (Attr("snapshot", required=True, nullable=True),)
NEW_SNAPSHOT = Body("snapshot", id="given", attributes=_SNAPSHOT)
SNAPSHOT_CHANGES = Body("snapshot", id="url", attributes=_SNAPSHOT)


def _editable(call: Call, flow_id: str) -> FlowRecord:
    flow = flow_for(call, flow_id)
    if flow.running(call.platform.clock.now()):
        raise conflict("Snapshots cannot be changed while the flow is running; stop it first.")
    return flow


def _existing(flow: FlowRecord, step_id: str) -> str:
    if step_id not in flow.snapshots:
        raise NoSuchRecordError("snapshot of step", step_id)
    return step_id


@routes.handle(FLOWS_SNAPSHOTS)
def list_snapshots(call: Call, flow_id: str) -> Reply:
    flow = flow_for(call, flow_id)
    return Reply(body=document([snapshot_resource(flow, step) for step in flow.snapshots]))


@routes.handle(FLOWS_GET_SNAPSHOT)
def get_snapshot(call: Call, flow_id: str, step_id: str) -> Reply:
    flow = flow_for(call, flow_id)
    return Reply(body=document(snapshot_resource(flow, _existing(flow, step_id))))


@routes.handle(FLOWS_CREATE_SNAPSHOT, body=NEW_SNAPSHOT)
def create_snapshot(call: Call, flow_id: str) -> Reply:
    """201; ``data.id`` names the step, ``data.attributes.snapshot`` may be any JSON."""
    flow = _editable(call, flow_id)
    payload = call.payload()
    step_id = str(payload.id)
    if step_id not in flow.step_ids:
        raise invalid("/data/id", f"names no step of the flow: {step_id!r}")
    if step_id in flow.snapshots:
        raise conflict(f"The step {step_id!r} has a snapshot already.")
    call.platform.flows.set_snapshot(flow.id, step_id, payload.attributes["snapshot"])
    return Reply(status=201, body=document(snapshot_resource(flow, step_id)))


@routes.handle(FLOWS_UPDATE_SNAPSHOT, body=SNAPSHOT_CHANGES)
def update_snapshot(call: Call, flow_id: str, step_id: str) -> Reply:
    flow = _editable(call, flow_id)
    step_id = _existing(flow, step_id)
    snapshot = call.payload(url_id=step_id).attributes["snapshot"]
    call.platform.flows.set_snapshot(flow.id, step_id, snapshot)
    return Reply(body=document(snapshot_resource(flow, step_id)))


@routes.handle(FLOWS_DELETE_SNAPSHOT)
def delete_snapshot(call: Call, flow_id: str, step_id: str) -> Reply:
    flow = _editable(call, flow_id)
    call.platform.flows.delete_snapshot(flow.id, _existing(flow, step_id))
    return Reply(status=204)
