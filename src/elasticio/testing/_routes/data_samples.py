"""Data samples: one, several by ``filter[id]``, create, update (no delete is documented).

``filter[id]`` is required on the list; ids that do not exist are left out, while a
sample of a workspace the caller is not in is a 403, as it is when fetched alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticio._catalog.v2 import (
    DATA_SAMPLES_CREATE,
    DATA_SAMPLES_GET,
    DATA_SAMPLES_LIST,
    DATA_SAMPLES_UPDATE,
)
from elasticio.testing._access import (
    component_for,
    data_sample_for,
    workspace_for,
)
from elasticio.testing._errors import bad_request, conflict, forbidden, not_found
from elasticio.testing._jsonapi import document
from elasticio.testing._payload import attributes, primary, relationship_id
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import data_sample_resource

__all__ = ["routes"]

routes = RouteTable()


def _method(found: Mapping[str, Any]) -> str | None:
    method = found.get("method")
    if method is not None and (not isinstance(method, str) or not method.strip()):
        raise bad_request("data.attributes.method must be a trigger or action name")
    return method


@routes.handle(DATA_SAMPLES_LIST)
def list_data_samples(call: Call) -> Reply:
    """The samples named in ``filter[id]`` (comma-separated), in the order asked."""
    wanted = [i.strip() for i in require_query(call, "filter[id]").split(",") if i.strip()]
    samples = [
        data_sample_for(call, sample_id)
        for sample_id in dict.fromkeys(wanted)
        if sample_id in call.platform.data_samples
    ]
    data = [data_sample_resource(s) for s in samples]
    return Reply(body=document(data, self_link=call.path))


@routes.handle(DATA_SAMPLES_GET)
def get_data_sample(call: Call, data_sample_id: str) -> Reply:
    sample = data_sample_for(call, data_sample_id)
    return Reply(body=document(data_sample_resource(sample)))


@routes.handle(DATA_SAMPLES_CREATE)
def create_data_sample(call: Call) -> Reply:
    """201; method, result, component, component_version and workspace are required."""
    data = primary(call.body, "data-sample")
    found = attributes(data)
    method = _method(found)
    if method is None:
        raise bad_request("data.attributes.method is required")
    if found.get("result") is None:
        raise bad_request("data.attributes.result is required")
    component_id = relationship_id(data, "component", "component")
    if component_id is None:
        raise bad_request("data.relationships.component is required")
    revision = relationship_id(data, "component_version", "version")
    if revision is None:
        raise bad_request("data.relationships.component_version is required")
    workspace_id = relationship_id(data, "workspace", "workspace")
    if workspace_id is None:
        raise bad_request("data.relationships.workspace is required")
    workspace = workspace_for(call, workspace_id)
    component = component_for(call, component_id)
    if not component.available_to(workspace.contract_id):
        raise forbidden("The component cannot be used in this workspace.")
    if component.version(revision) is None:
        raise not_found("Version", revision)
    sample = call.platform.add_data_sample(
        workspace_id=workspace.id,
        component_id=component.id,
        component_version=revision,
        user_id=call.user.id,
        method=method,
        result=found["result"],
    )
    return Reply(status=201, body=document(data_sample_resource(sample)))


@routes.handle(DATA_SAMPLES_UPDATE)
def update_data_sample(call: Call, data_sample_id: str) -> Reply:
    """Replace ``result`` (and ``method``, when given); ``data.id`` may be omitted."""
    sample = data_sample_for(call, data_sample_id)
    data = primary(call.body, "data-sample")
    if data.get("id") not in (None, sample.id):
        raise conflict(f"data.id {data['id']!r} does not match the URL's id {sample.id!r}")
    found = attributes(data)
    method = _method(found)
    if method is not None:
        sample.method = method
    if "result" in found:
        if found["result"] is None:
            raise bad_request("data.attributes.result cannot be null")
        sample.result = found["result"]
    return Reply(body=document(data_sample_resource(sample)))
