"""Data samples: one, several by ``filter[id]``, create, update.

``filter[id]`` is required on the list; ids that do not exist are left out, while a
sample of a workspace the caller is not in is a 403, as it is when fetched alone. A
PATCH replaces ``result`` (and ``method``, when given); its ``data.id`` may be omitted.
"""

from __future__ import annotations

from elasticio._catalog.v2 import (
    DATA_SAMPLES_CREATE,
    DATA_SAMPLES_GET,
    DATA_SAMPLES_LIST,
    DATA_SAMPLES_UPDATE,
)
from elasticio.testing._areas.components.routes import usable_in, version_of
from elasticio.testing._areas.data_samples.store import DataSampleRecord
from elasticio.testing._areas.data_samples.views import data_sample_resource
from elasticio.testing._areas.workspaces.routes import in_workspace
from elasticio.testing._jsonapi import document
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body, Rel

__all__ = ["routes"]

routes = RouteTable()

NEW_SAMPLE = Body(
    "data-sample",
    attributes=(
        Attr("method", "string", required=True, filled=True),
        Attr("result", required=True),
    ),
    relationships=(
        Rel("component", "component", required=True),
        Rel("component_version", "version", required=True),
        Rel("workspace", "workspace", required=True),
    ),
)
SAMPLE_CHANGES = Body(
    "data-sample",
    id="url-optional",
    attributes=(Attr("method", "string", filled=True, nullable=True), Attr("result")),
)


def _sample_for(call: Call, data_sample_id: str) -> DataSampleRecord:
    return in_workspace(call, call.platform.data_samples, data_sample_id)


@routes.handle(DATA_SAMPLES_LIST)
def list_data_samples(call: Call) -> Reply:
    """The samples named in ``filter[id]`` (comma-separated), in the order asked."""
    wanted = [i.strip() for i in require_query(call.query, "filter[id]").split(",") if i.strip()]
    samples = [
        _sample_for(call, sample_id)
        for sample_id in dict.fromkeys(wanted)
        if sample_id in call.platform.data_samples
    ]
    data = [data_sample_resource(s) for s in samples]
    return Reply(body=document(data, self_link=call.path))


@routes.handle(DATA_SAMPLES_GET)
def get_data_sample(call: Call, data_sample_id: str) -> Reply:
    return Reply(body=document(data_sample_resource(_sample_for(call, data_sample_id))))


@routes.handle(DATA_SAMPLES_CREATE, body=NEW_SAMPLE)
def create_data_sample(call: Call) -> Reply:
    """201; method, result, component, component_version and workspace are required."""
    payload = call.payload()
    workspace, component = usable_in(call, payload.link("workspace"), payload.link("component"))
    revision = payload.link("component_version")
    version_of(component, revision)
    sample = call.platform.data_samples.add(
        DataSampleRecord(
            workspace_id=workspace.id,
            component_id=component.id,
            component_version=revision,
            user_id=call.user.id,
            method=payload.attributes["method"],
            result=payload.attributes["result"],
        )
    )
    return Reply(status=201, body=document(data_sample_resource(sample)))


@routes.handle(DATA_SAMPLES_UPDATE, body=SAMPLE_CHANGES)
def update_data_sample(call: Call, data_sample_id: str) -> Reply:
    sample = _sample_for(call, data_sample_id)
    found = call.payload(url_id=sample.id).attributes
    if found.get("method") is not None:
        sample.method = found["method"]
    if "result" in found:
        sample.result = found["result"]
    return Reply(body=document(data_sample_resource(sample)))
