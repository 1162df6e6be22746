"""Flow drafts (get, create-or-replace, discard) and copying a flow into a draft.

A PUT replaces the whole draft: the attributes it gives (``name``, ``description``,
``cron``, ``graph``, ``stats_enabled``, ``snapshot``; others are ignored) over the flow's
own values. There is no endpoint to publish a draft, as in the docs.

A copy (``POST /v2/flows/{id}/copy``) goes into a draft, never into the running flow:
either of an existing flow (``attributes.dest_flow_id``, whose draft is overwritten) or
of a new, empty flow in ``relationships.dest_workspace``, named like the copy. Exactly
one of the two must be given. The source's credentials stay on the copy's steps only
when the destination is their workspace. A component the destination's contract cannot
use makes the copy a 400, and so does a ``topic_id`` for a flow without a Pub/Sub step.
"""

from __future__ import annotations

from typing import Any

from elasticio._catalog.v2 import FLOWS_COPY, FLOWS_DELETE_DRAFT, FLOWS_GET_DRAFT, FLOWS_PUT_DRAFT
from elasticio.testing._areas.components.store import parse_command
from elasticio.testing._areas.flows.graph import FLOW_ATTRIBUTES, flow_changes
from elasticio.testing._areas.flows.routes import flow_for, shown
from elasticio.testing._areas.flows.store import DRAFTED, FlowDraftRecord, FlowRecord
from elasticio.testing._areas.flows.views import flow_draft_resource
from elasticio.testing._areas.workspaces.routes import workspace_for
from elasticio.testing._areas.workspaces.store import WorkspaceRecord
from elasticio.testing._errors import NoSuchRecordError, bad_request, invalid
from elasticio.testing._json import clone
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body, Payload, Rel

__all__ = ["routes"]

routes = RouteTable()

DRAFT = Body(
    "flow-draft",
    attributes=(
        *(a for a in FLOW_ATTRIBUTES if a.name in DRAFTED),
        Attr("snapshot", nullable=True),
    ),
)
COPY = Body(
    "flow-copy",
    attributes=(
        Attr("name", "string", filled=True, nullable=True),
        Attr("topic_id", nullable=True),
        Attr("dest_flow_id", "string", nullable=True),
    ),
    relationships=(Rel("dest_workspace", "workspace"),),
)


def _draft_of(call: Call, flow_id: str) -> tuple[FlowRecord, FlowDraftRecord]:
    flow = flow_for(call, flow_id)
    if flow.draft is None:
        raise NoSuchRecordError("draft of flow", flow.id)
    return flow, flow.draft


@routes.handle(FLOWS_GET_DRAFT)
def get_draft(call: Call, flow_id: str) -> Reply:
    return Reply(body=document(flow_draft_resource(*_draft_of(call, flow_id))))


@routes.handle(FLOWS_PUT_DRAFT, body=DRAFT)
def put_draft(call: Call, flow_id: str) -> Reply:
    """Create or replace the draft; 200 either way, as the docs show."""
    flow = flow_for(call, flow_id)
    changes = flow_changes(
        call.platform.components,
        call.payload().attributes,
        contract_id=call.platform.workspaces[flow.workspace_id].contract_id,
    )
    draft = call.platform.flows.put_draft(flow.id, changes, user_id=call.user.id)
    return Reply(body=document(flow_draft_resource(flow, draft)))


@routes.handle(FLOWS_DELETE_DRAFT)
def delete_draft(call: Call, flow_id: str) -> Reply:
    flow, _ = _draft_of(call, flow_id)
    call.platform.flows.delete_draft(flow.id)
    return Reply(status=204)


def _destination(call: Call, payload: Payload) -> tuple[WorkspaceRecord, FlowRecord | None]:
    """The workspace copied into, and the flow whose draft takes the copy (if given)."""
    dest_flow_id = payload.attributes.get("dest_flow_id")
    dest_workspace_id = payload.links.get("dest_workspace")
    if (dest_flow_id is None) == (dest_workspace_id is None):
        raise bad_request(
            "give either data.attributes.dest_flow_id or data.relationships.dest_workspace"
        )
    if dest_workspace_id is not None:
        return workspace_for(call, dest_workspace_id), None
    dest = flow_for(call, str(dest_flow_id))
    return call.platform.workspaces[dest.workspace_id], dest


def _copied_graph(call: Call, source: FlowRecord, workspace: WorkspaceRecord) -> dict[str, Any]:
    """The source graph for the destination: usable components only, foreign
    credentials dropped."""
    for component_id in sorted(source.component_ids):
        component = call.platform.components.get(component_id)
        if component is None or not component.available_to(workspace.contract_id):
            raise bad_request(
                f"the component {component_id} cannot be used in the destination's contract"
            )
    graph = clone(source.graph)
    for node in graph.get("nodes", []):
        credential = call.platform.credentials.get(str(node.get("credentials_id")))
        if "credentials_id" in node and (
            credential is None or credential.workspace_id != workspace.id
        ):
            del node["credentials_id"]
    return graph


def _uses_pubsub(flow: FlowRecord) -> bool:
    commands = (parse_command(str(node.get("command", ""))) for node in flow.nodes)
    return any(parts is not None and parts[1] == "pubsub" for parts in commands)


@routes.handle(FLOWS_COPY, body=COPY)
def copy_flow(call: Call, flow_id: str) -> Reply:
    """201 with the destination flow; the copy is in its draft."""
    source = flow_for(call, flow_id)
    payload = call.payload()
    name = payload.attributes.get("name") or source.name
    if payload.attributes.get("topic_id") is not None and not _uses_pubsub(source):
        raise invalid("/data/attributes/topic_id", "needs a flow with a Pub/Sub step")
    workspace, dest = _destination(call, payload)
    graph = _copied_graph(call, source, workspace)
    flows = call.platform.flows
    if dest is None:
        dest = flows.create(
            workspace_id=workspace.id,
            user_id=call.user.id,
            name=name,
            type=source.type,
            description=source.description,
        )
    copy = {
        "name": name,
        "description": source.description,
        "cron": source.cron,
        "graph": graph,
        "stats_enabled": source.stats_enabled,
    }
    flows.put_draft(dest.id, copy, user_id=call.user.id)
    return shown(call, dest, status=201)
