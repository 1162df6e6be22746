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

from collections.abc import Mapping
from typing import Any

from elasticio._catalog.v2 import FLOWS_COPY, FLOWS_DELETE_DRAFT, FLOWS_GET_DRAFT, FLOWS_PUT_DRAFT
from elasticio.testing._access import flow_for, workspace_for
from elasticio.testing._areas.components.store import parse_command
from elasticio.testing._areas.workspaces.store import WorkspaceRecord as Workspace
from elasticio.testing._errors import bad_request, not_found
from elasticio.testing._flow_input import flow_changes
from elasticio.testing._json import clone
from elasticio.testing._jsonapi import document
from elasticio.testing._model import Flow
from elasticio.testing._payload import attributes, primary, relationship_id
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import flow_draft_resource, flow_resource

__all__ = ["routes"]

routes = RouteTable()

_CHECKED = ("name", "description", "cron", "graph", "stats_enabled")


@routes.handle(FLOWS_GET_DRAFT)
def get_draft(call: Call, flow_id: str) -> Reply:
    flow = flow_for(call, flow_id)
    if flow.draft is None:
        raise not_found("Draft of flow", flow.id)
    return Reply(body=document(flow_draft_resource(flow, flow.draft)))


@routes.handle(FLOWS_PUT_DRAFT)
def put_draft(call: Call, flow_id: str) -> Reply:
    """Create or replace the draft; 200 either way, as the docs show."""
    flow = flow_for(call, flow_id)
    found = attributes(primary(call.body, "flow-draft"))
    changes: dict[str, Any] = flow_changes(
        call.platform, {k: v for k, v in found.items() if k in _CHECKED}, creating=False
    )
    if "snapshot" in found:
        changes["snapshot"] = found["snapshot"]
    draft = call.platform.put_flow_draft(flow.id, changes, user_id=call.user.id)
    return Reply(body=document(flow_draft_resource(flow, draft)))


@routes.handle(FLOWS_DELETE_DRAFT)
def delete_draft(call: Call, flow_id: str) -> Reply:
    flow = flow_for(call, flow_id)
    if flow.draft is None:
        raise not_found("Draft of flow", flow.id)
    call.platform.delete_flow_draft(flow.id)
    return Reply(status=204)


def _destination(call: Call, data: Mapping[str, Any]) -> tuple[Workspace, Flow | None]:
    """The workspace copied into, and the flow whose draft takes the copy (if given)."""
    dest_flow_id = attributes(data).get("dest_flow_id")
    dest_workspace_id = relationship_id(data, "dest_workspace", "workspace")
    if (dest_flow_id is None) == (dest_workspace_id is None):
        raise bad_request(
            "give either data.attributes.dest_flow_id or data.relationships.dest_workspace"
        )
    if dest_workspace_id is not None:
        return workspace_for(call, dest_workspace_id), None
    if not isinstance(dest_flow_id, str):
        raise bad_request("data.attributes.dest_flow_id must be a flow id")
    dest = flow_for(call, dest_flow_id)
    return call.platform.workspaces[dest.workspace_id], dest


def _copied_graph(call: Call, source: Flow, workspace: Workspace) -> dict[str, Any]:
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


def _uses_pubsub(flow: Flow) -> bool:
    for node in flow.graph.get("nodes", []):
        parts = parse_command(str(node.get("command", "")))
        if parts is not None and parts[1] == "pubsub":
            return True
    return False


@routes.handle(FLOWS_COPY)
def copy_flow(call: Call, flow_id: str) -> Reply:
    """201 with the destination flow; the copy is in its draft."""
    source = flow_for(call, flow_id)
    data = primary(call.body, "flow-copy")
    found = attributes(data)
    name = found.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise bad_request("data.attributes.name must be a non-empty string")
    topic_id = found.get("topic_id")
    if topic_id is not None and not _uses_pubsub(source):
        raise bad_request("data.attributes.topic_id needs a flow with a Pub/Sub step")
    workspace, dest = _destination(call, data)
    graph = _copied_graph(call, source, workspace)
    platform = call.platform
    if dest is None:
        dest = platform.add_flow(
            workspace_id=workspace.id,
            user_id=call.user.id,
            name=name or source.name,
            type=source.type,
            description=source.description,
        )
    copy = {
        "name": name or source.name,
        "description": source.description,
        "cron": source.cron,
        "graph": graph,
        "stats_enabled": source.stats_enabled,
    }
    platform.put_flow_draft(dest.id, copy, user_id=call.user.id)
    return Reply(status=201, body=document(flow_resource(dest, platform.clock.now())))
