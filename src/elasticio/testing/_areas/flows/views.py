"""How flows, their versions, drafts and snapshots look in answers."""

from __future__ import annotations

from typing import Any

import orjson

from elasticio.testing._areas.flows.store import (
    FlowDraftRecord,
    FlowRecord,
    FlowVersionRecord,
    SubscriptionRecord,
)
from elasticio.testing._jsonapi import Json, identifier, link, resource, to_one
from elasticio.testing._time import iso

__all__ = [
    "flow_draft_resource",
    "flow_json",
    "flow_resource",
    "flow_version_resource",
    "snapshot_resource",
    "subscription_resource",
]


def flow_resource(flow: FlowRecord, now: float, *, current_status: str | None = None) -> Json:
    """A flow as seen at monotonic time ``now`` (which decides ``current_status``, unless
    given).

    The answer is kept on the flow and given again while everything it shows is the
    same, so a list page of unchanged flows costs a comparison per flow: it is shared,
    and a caller that adds to it changes a copy.
    """
    shown = current_status or flow.current_status(now)
    # Every field assigned counts a revision; the versions and the draft are also
    # changed in place, so their ids count too. The graph and the nodes' configuration
    # are held by identity: the emulator replaces them, never changes them in place.
    draft = flow.draft
    drawn_from = (
        shown,
        flow.revision,
        flow.versions[-1].id,
        None if draft is None else draft.id,
    )
    if flow.view is not None and flow.view[0] == drawn_from:
        return flow.view[1]
    view = _flow_view(flow, shown)
    flow.view = (drawn_from, view)
    return view


def flow_json(
    flow: FlowRecord, now: float, *, current_status: str | None = None
) -> orjson.Fragment:
    """`flow_resource` as JSON text, to put in an answer: written once per view, so a
    page of unchanged flows is joined rather than serialized again.

    A graph changed in place on the record (the emulator never does) shows once the
    graph is assigned again, as any other field that changed.

    Examples:
        >>> orjson.dumps({"data": flow_json(flow, now)})  # doctest: +SKIP
        b'{"data":{"id":"65a1...","type":"flow",...}}'
    """
    view = flow_resource(flow, now, current_status=current_status)
    rendered = flow.rendered
    if rendered is None or rendered[0] is not view:
        rendered = flow.rendered = (view, orjson.Fragment(orjson.dumps(view)))
    return rendered[1]


def _flow_view(flow: FlowRecord, current_status: str) -> Json:
    attributes: dict[str, Any] = {
        "name": flow.name,
        "description": flow.description,
        "type": flow.type,
        "status": flow.status,
        "current_status": current_status,
        "default_mapper_type": flow.default_mapper_type,
        "cron": flow.cron,
        "graph": flow.graph,
        "nodes_config": flow.nodes_config,
        "stats_enabled": flow.stats_enabled,
        "api_version": "2.0",
        "created_at": iso(flow.created_at),
        "updated_at": iso(flow.updated_at),
        "last_modified": iso(flow.updated_at),
    }
    if flow.last_start_time is not None:
        attributes["last_start_time"] = iso(flow.last_start_time)
    base = f"/v2/flows/{flow.id}"
    latest = flow.versions[-1].id
    relationships: dict[str, Any] = {
        "user": link("user", flow.user_id),
        "workspace": link("workspace", flow.workspace_id),
        "versions": {"links": {"related": f"{base}/versions"}},
        "latest_version": to_one(
            "flow-version",
            latest,
            self_link=f"{base}/versions/{latest}",
            related=f"{base}/versions/{latest}",
        ),
    }
    if flow.draft is not None:
        relationships["draft"] = {
            "data": identifier("flow-draft", flow.draft.id),
            "links": {"self": f"{base}/draft", "related": f"{base}/draft"},
        }
    return resource(
        "flow", flow.id, self_link=base, attributes=attributes, relationships=relationships
    )


def flow_version_resource(flow: FlowRecord, version: FlowVersionRecord) -> Json:
    return resource(
        "flow-version",
        version.id,
        self_link=f"/v2/flows/{flow.id}/versions/{version.id}",
        attributes={
            "name": version.name,
            "description": version.description,
            "graph": version.graph,
            "created_at": iso(version.created_at),
        },
        relationships={"user": link("user", version.user_id), "flow": link("flow", flow.id)},
    )


def flow_draft_resource(flow: FlowRecord, draft: FlowDraftRecord) -> Json:
    attributes: dict[str, Any] = {
        "name": draft.name,
        "description": draft.description,
        "cron": draft.cron,
        "graph": draft.graph,
        "snapshot": draft.snapshot,
    }
    if draft.stats_enabled is not None:
        attributes["stats_enabled"] = draft.stats_enabled
    attributes["created_at"] = iso(draft.created_at)
    attributes["updated_at"] = iso(draft.updated_at)
    return resource(
        "flow-draft",
        draft.id,
        self_link=f"/v2/flows/{flow.id}/draft",
        attributes=attributes,
        relationships={"user": link("user", draft.user_id), "flow": link("flow", flow.id)},
    )


def snapshot_resource(flow: FlowRecord, step_id: str) -> Json:
    """A step's snapshot; its id is the step's id."""
    return resource(
        "snapshot",
        step_id,
        self_link=f"/v2/flows/{flow.id}/snapshots/{step_id}",
        attributes={"snapshot": flow.snapshots[step_id]},
    )


def subscription_resource(flow: FlowRecord, subscription: SubscriptionRecord) -> Json:
    """An error subscription; its shape is the emulator's guess (nothing documents it)."""
    return resource(
        "flow-subscription",
        subscription.id,
        self_link=f"/v2/flows/{flow.id}/subscriptions/{subscription.id}",
        attributes={"email": subscription.email, "created_at": iso(subscription.created_at)},
        relationships={"user": link("user", subscription.user_id), "flow": link("flow", flow.id)},
    )
