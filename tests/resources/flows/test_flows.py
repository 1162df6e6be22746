"""``client.flows``: list, get, create, update, delete and copy, against the docs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import respx

from elasticio import AsyncClient, DecodeError, NotFoundError, UsageError
from elasticio.models._flows import FlowEdge, FlowGraph, FlowNode
from tests._support.flows import (
    DEST_FLOW_ID,
    DEST_WORKSPACE_ID,
    DRAFT_ID,
    FLOW_ID,
    TOPIC_ID,
    USER_ID,
    VERSION_HASH,
    WORKSPACE_ID,
    docs,
)
from tests._support.wire import body, query

# -- list ----------------------------------------------------------------------------------


async def test_list_sends_the_workspace_only(client: AsyncClient, router: respx.MockRouter) -> None:
    """list(workspace_id) is GET /v2/flows?workspace_id=... with no filter, sort or paging."""
    route = router.get("/v2/flows").respond(200, json=docs("list"))
    await client.flows.list(WORKSPACE_ID).collect()
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == ("GET", "/v2/flows", b"")
    assert query(request) == [("workspace_id", WORKSPACE_ID)]


async def test_list_sends_every_filter_sort_search_and_page_size(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Each keyword becomes its documented parameter; has_draft=False is sent as false."""
    route = router.get("/v2/flows").respond(200, json=docs("list"))
    await client.flows.list(
        WORKSPACE_ID,
        status="active",
        type="long_running",
        user_id=USER_ID,
        has_draft=False,
        component_id="55ba18e35d04040500000004",
        search="webhook",
        sort="-created_at",
        page_size=20,
    ).collect()
    assert query(route.calls.last.request) == [
        ("filter[component_id]", "55ba18e35d04040500000004"),
        ("filter[has_draft]", "false"),
        ("filter[status]", "active"),
        ("filter[type]", "long_running"),
        ("filter[user]", USER_ID),
        ("page[size]", "20"),
        ("search", "webhook"),
        ("sort", "-created_at"),
        ("workspace_id", WORKSPACE_ID),
    ]


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' list example gives one Flow with its graph and related ids."""
    router.get("/v2/flows").respond(200, json=docs("list"))
    flows = await client.flows.list(WORKSPACE_ID).collect()
    assert len(flows) == 1
    flow = flows[0]
    assert (flow.id, flow.name, flow.type, flow.status, flow.current_status) == (
        FLOW_ID,
        "Timer to E-Mail Test",
        "ordinary",
        "inactive",
        "inactive",
    )
    assert (flow.user_id, flow.workspace_id, flow.latest_version_id, flow.draft_id) == (
        USER_ID,
        WORKSPACE_ID,
        VERSION_HASH,
        None,
    )
    assert flow.graph is not None
    assert [node.id for node in flow.graph.nodes] == ["step_1", "step_2"]
    assert flow.graph.edges[0].config == {
        "mapper_type": "jsonata",
        "condition": None,
        "mapper": {
            "to": '"test@example.com"',
            "subject": '"StrongMapper"',
            "textBody": "Address.Street",
        },
    }


async def test_list_follows_total_pages_keeping_the_filters(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """With meta.total_pages 2, a second request asks page[number]=2 with the same filters."""
    first = docs("list")
    first["meta"] = {"page": 1, "per_page": 1, "total": 2, "total_pages": 2}
    second = docs("list")
    second["data"][0]["id"] = "585918da586224001b96de90"
    second["meta"] = {"page": 2, "per_page": 1, "total": 2, "total_pages": 2}
    route = router.get("/v2/flows")
    route.side_effect = [respx.MockResponse(200, json=first), respx.MockResponse(200, json=second)]
    flows = await client.flows.list(WORKSPACE_ID, status="inactive", page_size=1).collect()
    assert [f.id for f in flows] == [FLOW_ID, "585918da586224001b96de90"]
    assert route.call_count == 2
    assert query(route.calls[1].request) == [
        ("filter[status]", "inactive"),
        ("page[number]", "2"),
        ("page[size]", "1"),
        ("workspace_id", WORKSPACE_ID),
    ]


async def test_list_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A list whose items are not flows raises DecodeError at the item's type."""
    router.get("/v2/flows").respond(200, json={"data": [{"type": "flow-version", "id": "x"}]})
    with pytest.raises(DecodeError) as caught:
        await client.flows.list(WORKSPACE_ID).collect()
    assert caught.value.pointer == "/data/0/type"


# -- get -----------------------------------------------------------------------------------


async def test_get_decodes_the_flow(client: AsyncClient, router: respx.MockRouter) -> None:
    """get() is GET /v2/flows/{id} and returns the flow with typed graph nodes."""
    route = router.get(f"/v2/flows/{FLOW_ID}").respond(200, json=docs("get"))
    flow = await client.flows.get(FLOW_ID)
    request = route.calls.last.request
    assert (request.method, query(request), request.content) == ("GET", [], b"")
    assert flow.id == FLOW_ID
    assert flow.description == ""
    assert flow.default_mapper_type == "jsonata"
    assert flow.created_at == datetime(2018, 3, 27, 15, 39, 2, 825000, tzinfo=UTC)
    assert flow.graph is not None
    timer = flow.graph.node("step_1")
    assert timer is not None
    assert (timer.command, timer.component_id, timer.fields) == (
        "{{ repo_name }}/timer:timer",
        "55ba18e35d04040500000004",
        {"interval": "minute"},
    )


async def test_get_puts_the_id_in_one_path_segment(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """An id with a slash or a question mark stays inside its segment, percent-encoded."""
    route = router.get(url__regex=r".*").respond(200, json=docs("get"))
    await client.flows.get("../a/b?c")
    assert route.calls.last.request.url.raw_path == b"/v2/flows/..%2Fa%2Fb%3Fc"


async def test_get_raises_not_found(client: AsyncClient, router: respx.MockRouter) -> None:
    """A 404 becomes NotFoundError."""
    router.get(f"/v2/flows/{FLOW_ID}").respond(
        404, json={"errors": [{"status": 404, "title": "Resource not found"}]}
    )
    with pytest.raises(NotFoundError):
        await client.flows.get(FLOW_ID)


async def test_get_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get() answered with a draft raises DecodeError at /data/type."""
    router.get(f"/v2/flows/{FLOW_ID}").respond(200, json=docs("draft"))
    with pytest.raises(DecodeError) as caught:
        await client.flows.get(FLOW_ID)
    assert caught.value.pointer == "/data/type"


# -- create --------------------------------------------------------------------------------


async def test_create_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() with every documented member sends exactly the docs' request example."""
    expected = docs("create_request")
    attributes = expected["data"]["attributes"]
    route = router.post("/v2/flows").respond(201, json=docs("create"))
    await client.flows.create(
        WORKSPACE_ID,
        "My flow",
        graph=attributes["graph"],
        description=attributes["description"],
        cron=None,
        nodes_config=attributes["nodes_config"],
    )
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("POST", "/v2/flows", [])
    assert request.headers["Content-Type"] == "application/json"
    assert body(request) == expected


async def test_create_omits_arguments_left_unset(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() sends the required members and defaults, nothing for unset arguments."""
    route = router.post("/v2/flows").respond(201, json=docs("create"))
    graph = {"nodes": [{"id": "step_1", "command": "elasticio/timer:timer"}], "edges": []}
    await client.flows.create(WORKSPACE_ID, "Minimal", graph=graph)
    assert body(route.calls.last.request) == {
        "data": {
            "type": "flow",
            "attributes": {
                "name": "Minimal",
                "type": "ordinary",
                "graph": graph,
                "default_mapper_type": "jsonata",
            },
            "relationships": {"workspace": {"data": {"type": "workspace", "id": WORKSPACE_ID}}},
        }
    }


async def test_create_sends_a_flow_graph_as_json(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A FlowGraph built by hand is sent in its JSON form, None members left out."""
    route = router.post("/v2/flows").respond(201, json=docs("create"))
    graph = FlowGraph(
        nodes=(
            FlowNode(id="step_1", command="elasticio/timer:timer", fields={"interval": "hour"}),
            FlowNode(id="step_2", command="elasticio/email:send", credentials_id="C1"),
        ),
        edges=(FlowEdge(source="step_1", target="step_2", config={"mapper": {"to": '"x"'}}),),
    )
    await client.flows.create(
        WORKSPACE_ID, "Typed", graph=graph, type="long_running", stats_enabled=False
    )
    attributes = body(route.calls.last.request)["data"]["attributes"]
    assert attributes["graph"] == {
        "nodes": [
            {"id": "step_1", "command": "elasticio/timer:timer", "fields": {"interval": "hour"}},
            {"id": "step_2", "command": "elasticio/email:send", "credentials_id": "C1"},
        ],
        "edges": [{"source": "step_1", "target": "step_2", "config": {"mapper": {"to": '"x"'}}}],
    }
    assert (attributes["type"], attributes["stats_enabled"]) == ("long_running", False)


async def test_create_decodes_the_created_flow(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() returns the 201's flow with its new attributes and nodes_config."""
    router.post("/v2/flows").respond(201, json=docs("create"))
    flow = await client.flows.create(WORKSPACE_ID, "My flow", graph={"nodes": [], "edges": []})
    assert (flow.id, flow.name, flow.api_version) == (FLOW_ID, "My flow", "2.0")
    assert flow.last_modified == datetime(2019, 6, 27, 14, 28, 17, 940000, tzinfo=UTC)
    assert flow.nodes_config["step_2"]["prefetch"] == 3
    assert flow.graph is not None
    assert flow.graph.nodes[1].vpn_agent_id == "5c0f8b1e2a3b4c5d6e7f80e1"
    assert flow.graph.edges[0].config is None


# -- update --------------------------------------------------------------------------------


async def test_update_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update() is a PATCH whose body is exactly the docs' request example, id included."""
    expected = docs("update_request")
    route = router.patch(f"/v2/flows/{FLOW_ID}").respond(200, json=docs("update"))
    await client.flows.update(
        FLOW_ID,
        name="this is a test task",
        nodes_config=expected["data"]["attributes"]["nodes_config"],
    )
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("PATCH", f"/v2/flows/{FLOW_ID}")
    assert body(request) == expected


async def test_update_sends_null_for_none(client: AsyncClient, router: respx.MockRouter) -> None:
    """description=None and cron=None send null; other attributes stay out."""
    route = router.patch(f"/v2/flows/{FLOW_ID}").respond(200, json=docs("update"))
    await client.flows.update(FLOW_ID, description=None, cron=None)
    assert body(route.calls.last.request)["data"] == {
        "type": "flow",
        "id": FLOW_ID,
        "attributes": {"description": None, "cron": None},
    }


async def test_update_sends_back_what_a_flow_holds(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A flow's own read-only graph and nodes_config can be sent back as they are."""
    router.get(f"/v2/flows/{FLOW_ID}").respond(200, json=docs("update"))
    route = router.patch(f"/v2/flows/{FLOW_ID}").respond(200, json=docs("update"))
    flow = await client.flows.get(FLOW_ID)
    assert flow.graph is not None
    await client.flows.update(FLOW_ID, graph=flow.graph, nodes_config=flow.nodes_config)
    sent = body(route.calls.last.request)["data"]["attributes"]
    original = docs("update")["data"]["attributes"]
    assert sent == {"graph": original["graph"], "nodes_config": original["nodes_config"]}


async def test_update_decodes_the_new_state(client: AsyncClient, router: respx.MockRouter) -> None:
    """update() returns the flow as the platform answered."""
    router.patch(f"/v2/flows/{FLOW_ID}").respond(200, json=docs("update"))
    flow = await client.flows.update(FLOW_ID, name="this is a test task")
    assert (flow.name, flow.description, flow.latest_version_id) == (
        "this is a test task",
        None,
        VERSION_HASH,
    )
    assert flow.nodes_config["step_1"] == {"passthrough": {"disabled": True}}


async def test_update_without_attributes_is_refused(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(id) alone raises UsageError and sends nothing (it would only add a version)."""
    route = router.patch(f"/v2/flows/{FLOW_ID}").respond(200, json=docs("update"))
    with pytest.raises(UsageError):
        await client.flows.update(FLOW_ID)
    assert route.call_count == 0


# -- delete --------------------------------------------------------------------------------


async def test_delete_sends_delete_and_accepts_204(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """delete() is DELETE /v2/flows/{id} without a body; a 204 is success."""
    route = router.delete(f"/v2/flows/{FLOW_ID}").respond(204)
    assert await client.flows.delete(FLOW_ID) is None
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == (
        "DELETE",
        f"/v2/flows/{FLOW_ID}",
        b"",
    )


# -- copy ----------------------------------------------------------------------------------


async def test_copy_into_a_flow_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """copy(dest_flow_id=...) sends the docs' "into existing flow" example."""
    route = router.post(f"/v2/flows/{FLOW_ID}/copy").respond(201, json=docs("copy"))
    await client.flows.copy(
        FLOW_ID, dest_flow_id=DEST_FLOW_ID, name="Copied flow", topic_id=TOPIC_ID
    )
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("POST", f"/v2/flows/{FLOW_ID}/copy")
    assert body(request) == docs("copy_into_flow_request")


async def test_copy_into_a_workspace_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """copy(dest_workspace_id=...) sends the docs' "into new flow" example."""
    route = router.post(f"/v2/flows/{FLOW_ID}/copy").respond(201, json=docs("copy"))
    await client.flows.copy(
        FLOW_ID, dest_workspace_id=DEST_WORKSPACE_ID, name="Copied flow", topic_id=TOPIC_ID
    )
    assert body(route.calls.last.request) == docs("copy_into_workspace_request")


async def test_copy_decodes_the_destination_flow(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """copy() returns the destination flow, whose draft holds the copy."""
    router.post(f"/v2/flows/{FLOW_ID}/copy").respond(201, json=docs("copy"))
    flow = await client.flows.copy(FLOW_ID, dest_workspace_id=DEST_WORKSPACE_ID)
    assert (flow.id, flow.draft_id, flow.latest_version_id) == (FLOW_ID, DRAFT_ID, None)
    assert flow.graph is not None
    assert flow.graph.nodes == ()


@pytest.mark.parametrize(
    "destination",
    [{}, {"dest_flow_id": DEST_FLOW_ID, "dest_workspace_id": DEST_WORKSPACE_ID}],
    ids=["neither", "both"],
)
async def test_copy_needs_exactly_one_destination(
    client: AsyncClient, router: respx.MockRouter, destination: dict[str, str]
) -> None:
    """copy() with no destination or with both raises UsageError and sends nothing."""
    route = router.post(f"/v2/flows/{FLOW_ID}/copy").respond(201, json=docs("copy"))
    with pytest.raises(UsageError, match="exactly one"):
        await client.flows.copy(FLOW_ID, **destination)
    assert route.call_count == 0
