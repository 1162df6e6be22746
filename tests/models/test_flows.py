"""Flow models: graphs with typed nodes, tolerance to new members, timestamps, traversal,
their JSON-safe form, and the attributes request bodies are built from."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

import attrs
import pytest
import respx

from elasticio import UNSET, AsyncClient, DecodeError, UsageError
from elasticio.jsonapi import Document, Resource
from elasticio.models._converter import attributes_of
from elasticio.models._declare import Binding, structure
from elasticio.models._flows import (
    Flow,
    FlowAttributes,
    FlowEdge,
    FlowGraph,
    FlowNode,
    FlowVersion,
)
from tests._support.flows import DRAFT_ID, FLOW_ID, VERSION_HASH, docs
from tests._support.wire import query


def decoded_flow(payload: dict[str, Any]) -> Flow:
    """A flow structured from a document, with an API that must not be asked anything."""
    document = Document.parse(json.dumps(payload).encode())
    assert isinstance(document.data, Resource)
    return structure(Flow, document, document.data, api=NoRequests())


class NoRequests:
    """A flows namespace that fails the test if a model asks it for anything."""

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


def test_timestamps_are_aware_datetimes() -> None:
    """Every timestamp attribute is an aware UTC datetime; one the flow lacks is None."""
    flow = decoded_flow(docs("start"))
    assert flow.last_start_time == datetime(2018, 3, 27, 15, 50, 0, 123000, tzinfo=UTC)
    assert flow.due_execution == datetime(2018, 3, 27, 15, 53, 0, 123000, tzinfo=UTC)
    assert flow.created_at == datetime(2018, 3, 27, 15, 39, 2, 825000, tzinfo=UTC)
    assert flow.updated_at == datetime(2018, 3, 27, 15, 50, 0, 123000, tzinfo=UTC)
    assert flow.last_modified is None


def test_a_null_timestamp_is_none() -> None:
    """A timestamp sent as null is None, not an error."""
    payload = docs("start")
    payload["data"]["attributes"]["due_execution"] = None
    assert decoded_flow(payload).due_execution is None


def test_a_timestamp_without_an_offset_is_taken_as_utc() -> None:
    """A zone-less timestamp is read as UTC, the zone the API writes in."""
    payload = docs("start")
    payload["data"]["attributes"]["last_start_time"] = "2018-03-27T15:50:00"
    assert decoded_flow(payload).last_start_time == datetime(2018, 3, 27, 15, 50, tzinfo=UTC)


@pytest.mark.parametrize("value", ["", "yesterday", True, {"at": 1}])
def test_a_bad_timestamp_is_a_decode_error(value: object) -> None:
    """A timestamp that is not one raises DecodeError at the resource, naming the attribute."""
    payload = docs("start")
    payload["data"]["attributes"]["last_start_time"] = value
    with pytest.raises(DecodeError, match="last_start_time") as caught:
        decoded_flow(payload)
    assert caught.value.pointer == "/data"


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
    assert draft.created_at == datetime(2018, 3, 30, 10, 8, 43, 582000, tzinfo=UTC)


async def test_an_included_version_without_a_flow_relationship_is_of_this_flow() -> None:
    """An included version that names no flow belongs to the flow that includes it."""
    payload = included_document()
    del payload["included"][0]["relationships"]["flow"]
    version = await decoded_flow(payload).latest_version()
    assert version.flow_id == FLOW_ID


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


# -- JSON-safe forms -----------------------------------------------------------------------


def test_to_dict_is_json_safe() -> None:
    """to_dict(): ISO datetimes, the graph in the API's JSON form, dicts, no binding."""
    payload = docs("start")
    payload["data"]["attributes"]["nodes_config"] = {"step_1": {"prefetch": 3}}
    result = decoded_flow(payload).to_dict()
    attributes = payload["data"]["attributes"]
    assert result["graph"] == attributes["graph"]
    assert result["created_at"] == "2018-03-27T15:39:02.825000+00:00"
    assert result["last_start_time"] == "2018-03-27T15:50:00.123000+00:00"
    assert (result["last_modified"], result["draft_id"]) == (None, None)
    assert result["nodes_config"] == {"step_1": {"prefetch": 3}}
    assert (result["id"], result["workspace_id"], result["extra"]) == (
        FLOW_ID,
        "573dd76962436c349f000003",
        {},
    )
    assert not any("binding" in key for key in result)


def test_to_json_is_the_json_text_of_to_dict() -> None:
    """to_json() is a JSON text that reads back as to_dict()."""
    flow = decoded_flow(docs("get"))
    assert json.loads(flow.to_json()) == flow.to_dict()


def test_asdict_does_not_walk_into_the_document() -> None:
    """attrs.asdict stops at the binding: the answer's document is not copied into it."""
    flow = decoded_flow(docs("get"))
    walked = attrs.asdict(flow)
    assert isinstance(walked["_binding"], Binding)
    assert walked["graph"]["nodes"][0]["id"] == "step_1"


# -- request attributes --------------------------------------------------------------------


def test_attributes_leave_out_unset_and_keep_none() -> None:
    """Only the attributes given are sent; None is sent as null."""
    assert attributes_of(FlowAttributes()) == {}
    assert attributes_of(FlowAttributes(name="x", cron=None, stats_enabled=UNSET)) == {
        "name": "x",
        "cron": None,
    }


def test_attributes_are_plain_json() -> None:
    """A graph goes in its JSON form, read-only mappings as dicts, tuples as lists."""
    graph = FlowGraph(nodes=(FlowNode(id="step_1", selected_data_samples=("S1",)),))
    attributes = FlowAttributes(
        graph=graph,
        nodes_config=MappingProxyType({"step_1": MappingProxyType({"replicas": 2})}),
        snapshot={"seen": ("a", "b")},
    )
    assert attributes_of(attributes) == {
        "graph": {"nodes": [{"id": "step_1", "selected_data_samples": ["S1"]}], "edges": []},
        "nodes_config": {"step_1": {"replicas": 2}},
        "snapshot": {"seen": ["a", "b"]},
    }
