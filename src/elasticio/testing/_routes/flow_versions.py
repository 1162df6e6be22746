"""Flow versions: a flow's history, oldest first (50 a page), and one version by hash.

Creating a flow saves its first version and every update another; versions are read-only.
"""

from __future__ import annotations

from elasticio._catalog.v2 import FLOWS_VERSION, FLOWS_VERSIONS
from elasticio.testing._access import flow_for
from elasticio.testing._errors import not_found
from elasticio.testing._jsonapi import document, page_request, paginate
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import flow_version_resource

__all__ = ["routes"]

routes = RouteTable()


@routes.handle(FLOWS_VERSIONS)
def list_flow_versions(call: Call, flow_id: str) -> Reply:
    flow = flow_for(call, flow_id)
    history = sorted(flow.versions, key=lambda v: v.created_at)
    items, meta = paginate(history, page_request(call.query, default_size=50))
    return Reply(body=document([flow_version_resource(flow, v) for v in items], meta=meta))


@routes.handle(FLOWS_VERSION)
def get_flow_version(call: Call, flow_id: str, version_hash: str) -> Reply:
    flow = flow_for(call, flow_id)
    wanted = version_hash
    version = next((v for v in flow.versions if v.id == wanted), None)
    if version is None:
        raise not_found("Flow version", wanted)
    return Reply(body=document(flow_version_resource(flow, version)))
