"""Flow versions: a flow's history, oldest first (50 a page), and one version by hash.

Creating a flow saves its first version and every update another; versions are read-only.
"""

from __future__ import annotations

from elasticio._catalog.v2 import FLOWS_VERSION, FLOWS_VERSIONS
from elasticio.testing._areas.flows.routes import flow_for
from elasticio.testing._areas.flows.views import flow_version_resource
from elasticio.testing._errors import NoSuchRecordError
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable

__all__ = ["routes"]

routes = RouteTable()


@routes.handle(FLOWS_VERSIONS)
def list_flow_versions(call: Call, flow_id: str) -> Reply:
    flow = flow_for(call, flow_id)
    items, meta = call.page(sorted(flow.versions, key=lambda v: v.created_at))
    return Reply(body=document([flow_version_resource(flow, v) for v in items], meta=meta))


@routes.handle(FLOWS_VERSION)
def get_flow_version(call: Call, flow_id: str, version_hash: str) -> Reply:
    flow = flow_for(call, flow_id)
    version = next((v for v in flow.versions if v.id == version_hash), None)
    if version is None:
        raise NoSuchRecordError("flow version", version_hash)
    return Reply(body=document(flow_version_resource(flow, version)))
