"""Flow models: graphs with typed nodes, tolerance to new members, timestamps, traversal."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import respx

from elasticio import AsyncClient, DecodeError, UsageError
from elasticio.jsonapi import Document, Resource
from elasticio.models._flows import (
    Flow,
    FlowEdge,
    FlowGraph,
    FlowNode,
    FlowVersion,
    flow_from,
    parse_timestamp,
)
from tests.flows.helpers import DRAFT_ID, FLOW_ID, VERSION_HASH, docs, query


def decoded_flow(payload: dict[str, Any]) -> Flow:
    """A flow structured from a document, with an API that must not be asked anything."""
    document = Document.parse(payload)
    assert isinstance(document.data, Resource)
    return flow_from(NoRequests(), document, document.data)


class NoRequests:
    """A FlowsAPI that fails the test if a model asks it for anything."""

    def versions(self, flow_id: str, *, page_size: int | None = None) -> Any:
        raise AssertionError(f"unexpected versions({flow_id!r}) request")

    async def version(self, flow_id: str, version_hash: str) -> Any:
        raise AssertionError(f"unexpected version({flow_id!r}, {version_hash!r}) request")

    async def get_draft(self, flow_id: str) -> Any:
        raise AssertionError(f"unexpected get_draft({flow_id!r}) request")


# -- graphs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "example", ["list", "get", "create", "update", "start", "copy", "versions", "draft"]
)
def test_graphs_of_the_docs_examples_round_trip(example: str) -> None:
    """Every graph in the docs' examples comes back unchanged from FlowGraph.to_json()."""
    data = docs(example)["data"]
    for resource in data if isinstance(data, list) else [data]:
        graph = resource["attributes"]["graph"]
        assert FlowGraph.from_json(graph).to_json() == graph


def test_unknown_node_and_edge_members_are_kept() -> None:
    """Members the SDK has no field for land in ``extra`` and are sent back."""
    raw = {
        "nodes": [{"id": "step_1", "command": "a/b:c", "retry_policy": {"max": 3}}],
        "edges": [{"source": "step_1", "target": "step_1", "priority": 2}],
        "layout": {"zoom": 1.5},
    }
    graph = FlowGraph.from_json(raw)
    assert graph.nodes[0].extra == {"retry_policy": {"max": 3}}
    assert graph.edges[0].extra == {"priority": 2}
    assert graph.extra == {"layout": {"zoom": 1.5}}
    assert graph.to_json() == raw


def test_a_graph_built_by_hand_leaves_out_none() -> None:
    """A hand-built graph sends only the members that were set."""
    graph = FlowGraph(
        nodes=(FlowNode(id="step_1", command="a/b:c", selected_data_samples=("S1",)),),
        edges=(FlowEdge(source="step_1", target="step_2", id="step_1:step_2"),),
    )
    assert graph.to_json() == {
        "nodes": [{"id": "step_1", "command": "a/b:c", "selected_data_samples": ["S1"]}],
        "edges": [{"source": "step_1", "target": "step_2", "id": "step_1:step_2"}],
    }
    assert graph.node("step_1") is graph.nodes[0]
    assert graph.node("step_9") is None


@pytest.mark.parametrize(
    ("graph", "pointer"),
    [
        ({"nodes": {}, "edges": []}, "/nodes"),
        ({"nodes": ["step_1"]}, "/nodes/0"),
        ({"nodes": [{"command": "a/b:c"}]}, "/nodes/0"),
        ({"nodes": [], "edges": [{"source": "step_1", "target": 2}]}, "/edges/0"),
    ],
)
def test_malformed_graphs_name_the_bad_member(graph: dict[str, Any], pointer: str) -> None:
    """A graph that is not one raises DecodeError pointing into it."""
    with pytest.raises(DecodeError) as caught:
        FlowGraph.from_json(graph)
    assert caught.value.pointer == pointer


def test_a_bad_graph_in_a_flow_points_into_the_document() -> None:
    """Within a flow, the pointer starts at the resource's graph attribute."""
    payload = docs("get")
    payload["data"]["attributes"]["graph"]["nodes"][1]["selected_data_samples"] = "S1"
    with pytest.raises(DecodeError) as caught:
        decoded_flow(payload)
    assert caught.value.pointer == "/data/attributes/graph/nodes/1"


def test_a_flow_without_a_graph_has_none() -> None:
    """A missing or null graph is None, never an empty graph that could be sent back."""
    payload = docs("get")
    del payload["data"]["attributes"]["graph"]
    assert decoded_flow(payload).graph is None
    payload["data"]["attributes"]["graph"] = None
    assert decoded_flow(payload).graph is None


# -- attributes ----------------------------------------------------------------------------


def test_unknown_attributes_go_to_extra() -> None:
    """A new attribute is kept in ``extra``; the graph is never duplicated there."""
    payload = docs("get")
    payload["data"]["attributes"]["suspended_reason"] = "quota"
    flow = decoded_flow(payload)
    assert flow.extra == {"suspended_reason": "quota"}


def test_a_wrongly_typed_attribute_names_its_pointer() -> None:
    """A known attribute of the wrong JSON type raises DecodeError at the resource."""
    payload = docs("get")
    payload["data"]["attributes"]["stats_enabled"] = "yes"
    with pytest.raises(DecodeError, match="stats_enabled") as caught:
        decoded_flow(payload)
    assert caught.value.pointer == "/data"


def test_timestamps_are_kept_and_parsed() -> None:
    """Timestamps stay strings; the *_datetime properties give aware datetimes."""
    flow = decoded_flow(docs("start"))
    assert flow.last_start_time == "2018-03-27T15:50:00.123Z"
    assert flow.last_start_datetime == datetime(2018, 3, 27, 15, 50, 0, 123000, tzinfo=UTC)
    assert flow.due_execution_datetime == datetime(2018, 3, 27, 15, 53, 0, 123000, tzinfo=UTC)
    assert flow.created_datetime == datetime(2018, 3, 27, 15, 39, 2, 825000, tzinfo=UTC)
    assert flow.last_modified_datetime is None


@pytest.mark.parametrize("value", [None, "", "yesterday", "2018-03-27T15:50:00"])
def test_unparseable_timestamps_give_none(value: str | None) -> None:
    """Absent, garbled or zone-less timestamps parse to None rather than a guess."""
    assert parse_timestamp(value) is None


def test_is_settled_compares_the_two_statuses() -> None:
    """is_settled is true once current_status has caught up with status."""
    assert decoded_flow(docs("get")).is_settled is True
    assert decoded_flow(docs("start")).is_settled is False


# -- traversal -----------------------------------------------------------------------------


async def test_versions_are_requested(client: AsyncClient, router: respx.MockRouter) -> None:
    """flow.versions() asks for the flow's versions, every page."""
    router.get(f"/v2/flows/{FLOW_ID}").respond(200, json=docs("get"))
    route = router.get(f"/v2/flows/{FLOW_ID}/versions").respond(200, json=docs("versions"))
    flow = await client.flows.get(FLOW_ID)
    versions = await flow.versions()
    assert [type(v) for v in versions] == [FlowVersion]
    assert (route.call_count, query(route.calls.last.request)) == (1, [])


async def test_latest_version_is_requested_by_its_id(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """flow.latest_version() asks for the version its relationship names."""
    router.get(f"/v2/flows/{FLOW_ID}").respond(200, json=docs("get"))
    route = router.get(f"/v2/flows/{FLOW_ID}/versions/{VERSION_HASH}").respond(
        200, json=docs("version")
    )
    flow = await client.flows.get(FLOW_ID)
    version = await flow.latest_version()
    assert route.call_count == 1
    assert version.name == "Node.js Code to Node.js Code draft 2"


def included_document() -> dict[str, Any]:
    payload = docs("copy")
    payload["data"]["relationships"]["latest_version"] = {
        "data": {"type": "flow-version", "id": VERSION_HASH}
    }
    version = docs("version")["data"]
    version["id"] = VERSION_HASH
    draft = docs("draft")["data"]
    payload["included"] = [version, draft]
    return payload


async def test_included_version_and_draft_need_no_request() -> None:
    """When the document includes them, latest_version() and draft() read it instead."""
    flow = decoded_flow(included_document())
    version = await flow.latest_version()
    draft = await flow.draft()
    assert (version.id, version.flow_id) == (VERSION_HASH, "5ab0eeabbd6d6400079b4628")
    assert (draft.id, draft.name) == (DRAFT_ID, "2803ANode.js Code to E-Mail")


async def test_draft_is_requested_when_not_included(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """flow.draft() asks GET /v2/flows/{id}/draft when the document lacks it."""
    router.post(f"/v2/flows/{FLOW_ID}/copy").respond(201, json=docs("copy"))
    route = router.get(f"/v2/flows/{FLOW_ID}/draft").respond(200, json=docs("draft"))
    flow = await client.flows.copy(FLOW_ID, dest_flow_id="x")
    draft = await flow.draft()
    assert route.call_count == 1
    assert draft.id == DRAFT_ID


async def test_latest_version_without_a_relationship_is_a_decode_error() -> None:
    """A flow that names no latest version cannot follow it."""
    flow = decoded_flow(docs("copy"))
    with pytest.raises(DecodeError) as caught:
        await flow.latest_version()
    assert caught.value.pointer == "/data/relationships/latest_version"


async def test_a_flow_built_by_hand_cannot_traverse() -> None:
    """Traversal needs a flow returned by the client; one built by hand says so."""
    flow = Flow(id=FLOW_ID)
    with pytest.raises(UsageError, match="built by hand"):
        await flow.versions()
    with pytest.raises(UsageError):
        await flow.draft()
    with pytest.raises(UsageError):
        await flow.latest_version()


def test_flows_compare_by_value_not_by_binding() -> None:
    """Two decodings of the same flow are equal; the binding stays out of repr."""
    assert decoded_flow(docs("get")) == decoded_flow(docs("get"))
    assert "binding" not in repr(decoded_flow(docs("get")))
