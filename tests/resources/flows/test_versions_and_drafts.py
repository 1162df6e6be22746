"""A flow's versions (read-only history) and its draft (get, put, delete)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import respx

from elasticio import AsyncClient, DecodeError, NotFoundError
from elasticio.models._flows import FlowGraph
from tests._support.flows import DRAFT_ID, docs
from tests._support.wire import body, query

VERSIONS_FLOW_ID = "5ab0eeabbd6d6400079b4628"
VERSION_ID = "af65130306caf1c421708a1cfe7edcb56900a6af"
VERSIONS_USER_ID = "59d22e7eeb865b0018adc248"
DRAFT_FLOW_ID = "5abbb9d4bc984b000739761a"
DRAFT_USER_ID = "59d3562c68ed850019bde27f"

# -- versions ------------------------------------------------------------------------------


async def test_versions_sends_no_query_by_default(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """versions(id) is GET /v2/flows/{id}/versions with no paging parameters."""
    route = router.get(f"/v2/flows/{VERSIONS_FLOW_ID}/versions").respond(200, json=docs("versions"))
    await client.flows.versions(VERSIONS_FLOW_ID).collect()
    request = route.calls.last.request
    assert (request.method, query(request), request.content) == ("GET", [], b"")


async def test_versions_decodes_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The docs' example gives one FlowVersion with its graph and related ids."""
    router.get(f"/v2/flows/{VERSIONS_FLOW_ID}/versions").respond(200, json=docs("versions"))
    versions = await client.flows.versions(VERSIONS_FLOW_ID).collect()
    assert len(versions) == 1
    version = versions[0]
    assert (version.id, version.name, version.description, version.created_at) == (
        VERSION_ID,
        "Node.js Code to Node.js Code draft 2",
        None,
        datetime(2018, 3, 20, 14, 12, 54, 361000, tzinfo=UTC),
    )
    assert (version.flow_id, version.user_id) == (VERSIONS_FLOW_ID, VERSIONS_USER_ID)
    assert version.graph is not None
    assert [(e.source, e.target) for e in version.graph.edges] == [
        ("step_1", "step_2"),
        ("step_1", "step_3"),
    ]


async def test_versions_pages_with_page_size(client: AsyncClient, router: respx.MockRouter) -> None:
    """page_size sends page[size]; meta.total_pages leads to page[number]=2."""
    first = docs("versions")
    first["meta"] = {"page": 1, "per_page": 1, "total": 2, "total_pages": 2}
    second = docs("versions")
    second["data"][0]["id"] = "b" * 40
    second["meta"] = {"page": 2, "per_page": 1, "total": 2, "total_pages": 2}
    route = router.get(f"/v2/flows/{VERSIONS_FLOW_ID}/versions")
    route.side_effect = [respx.MockResponse(200, json=first), respx.MockResponse(200, json=second)]
    versions = await client.flows.versions(VERSIONS_FLOW_ID, page_size=1).collect()
    assert [v.id for v in versions] == [VERSION_ID, "b" * 40]
    assert [query(call.request) for call in route.calls] == [
        [("page[size]", "1")],
        [("page[number]", "2"), ("page[size]", "1")],
    ]


async def test_versions_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A versions list holding flows raises DecodeError at the item's type."""
    router.get(f"/v2/flows/{VERSIONS_FLOW_ID}/versions").respond(200, json=docs("list"))
    with pytest.raises(DecodeError) as caught:
        await client.flows.versions(VERSIONS_FLOW_ID).collect()
    assert caught.value.pointer == "/data/0/type"


async def test_version_by_hash(client: AsyncClient, router: respx.MockRouter) -> None:
    """version(id, hash) is GET /v2/flows/{id}/versions/{hash}."""
    path = f"/v2/flows/{VERSIONS_FLOW_ID}/versions/{VERSION_ID}"
    route = router.get(path).respond(200, json=docs("version"))
    version = await client.flows.version(VERSIONS_FLOW_ID, VERSION_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("GET", path, [])
    assert (version.id, version.flow_id) == (VERSION_ID, VERSIONS_FLOW_ID)
    assert version.graph is not None
    assert len(version.graph.nodes) == 3


async def test_version_fills_in_the_flow_id_when_unrelated(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A version without a flow relationship still says which flow it was asked of."""
    path = f"/v2/flows/{VERSIONS_FLOW_ID}/versions/{VERSION_ID}"
    router.get(path).respond(200, json={"data": {"type": "flow-version", "id": VERSION_ID}})
    version = await client.flows.version(VERSIONS_FLOW_ID, VERSION_ID)
    assert (version.flow_id, version.user_id, version.graph) == (VERSIONS_FLOW_ID, None, None)


async def test_listed_versions_take_the_flow_id_from_the_path(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Versions listed without a flow relationship belong to the flow of the request."""
    page = docs("versions")
    del page["data"][0]["relationships"]["flow"]
    router.get(f"/v2/flows/{DRAFT_FLOW_ID}/versions").respond(200, json=page)
    versions = await client.flows.versions(DRAFT_FLOW_ID).collect()
    assert [(v.id, v.flow_id, v.user_id) for v in versions] == [
        (VERSION_ID, DRAFT_FLOW_ID, VERSIONS_USER_ID)
    ]


# -- draft ---------------------------------------------------------------------------------


async def test_get_draft_decodes_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get_draft() is GET /v2/flows/{id}/draft and returns the FlowDraft."""
    route = router.get(f"/v2/flows/{DRAFT_FLOW_ID}/draft").respond(200, json=docs("draft"))
    draft = await client.flows.get_draft(DRAFT_FLOW_ID)
    request = route.calls.last.request
    assert (request.method, query(request), request.content) == ("GET", [], b"")
    assert (draft.id, draft.name, draft.description, draft.cron) == (
        DRAFT_ID,
        "2803ANode.js Code to E-Mail",
        None,
        None,
    )
    assert draft.snapshot == "{BODY OF SNAPSHOT}"
    assert (draft.flow_id, draft.user_id) == (DRAFT_FLOW_ID, DRAFT_USER_ID)
    created = datetime(2018, 3, 30, 10, 8, 43, 582000, tzinfo=UTC)
    assert (draft.created_at, draft.updated_at) == (created, created)
    assert draft.graph is not None
    assert draft.graph.nodes[0].vpn_agent_id == "5a09deda2d5f49665afb739a"


async def test_a_draft_without_a_flow_relationship_takes_the_path_flow_id(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A draft that names no flow belongs to the flow of the request."""
    router.put(f"/v2/flows/{DRAFT_FLOW_ID}/draft").respond(
        200, json={"data": {"type": "flow-draft", "id": DRAFT_ID, "attributes": {"name": "D"}}}
    )
    draft = await client.flows.put_draft(DRAFT_FLOW_ID, name="D", graph={"nodes": []})
    assert (draft.flow_id, draft.user_id, draft.graph) == (DRAFT_FLOW_ID, None, None)


async def test_get_draft_of_a_flow_without_one(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A flow without a draft answers 404: NotFoundError."""
    router.get(f"/v2/flows/{DRAFT_FLOW_ID}/draft").respond(
        404, json={"errors": [{"status": 404, "title": "Resource not found"}]}
    )
    with pytest.raises(NotFoundError):
        await client.flows.get_draft(DRAFT_FLOW_ID)


async def test_put_draft_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """put_draft() is a PUT whose body is exactly the docs' request example."""
    expected = docs("draft_put_request")
    attributes = expected["data"]["attributes"]
    route = router.put(f"/v2/flows/{DRAFT_FLOW_ID}/draft").respond(200, json=docs("draft_put"))
    draft = await client.flows.put_draft(
        DRAFT_FLOW_ID,
        name=attributes["name"],
        description=attributes["description"],
        graph=FlowGraph.from_json(attributes["graph"]),
        snapshot=attributes["snapshot"],
    )
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("PUT", f"/v2/flows/{DRAFT_FLOW_ID}/draft")
    assert body(request) == expected
    assert draft.id == DRAFT_ID


async def test_put_draft_omits_arguments_left_unset(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """put_draft() sends name and graph only, unless more is given; None sends null."""
    route = router.put(f"/v2/flows/{DRAFT_FLOW_ID}/draft").respond(200, json=docs("draft_put"))
    graph = {"nodes": [], "edges": []}
    await client.flows.put_draft(DRAFT_FLOW_ID, name="Draft", graph=graph)
    await client.flows.put_draft(
        DRAFT_FLOW_ID, name="Draft", graph=graph, cron="*/5 * * * *", stats_enabled=True
    )
    await client.flows.put_draft(DRAFT_FLOW_ID, name="Draft", graph=graph, snapshot=None)
    assert [body(call.request)["data"] for call in route.calls] == [
        {"type": "flow-draft", "attributes": {"name": "Draft", "graph": graph}},
        {
            "type": "flow-draft",
            "attributes": {
                "name": "Draft",
                "graph": graph,
                "cron": "*/5 * * * *",
                "stats_enabled": True,
            },
        },
        {"type": "flow-draft", "attributes": {"name": "Draft", "graph": graph, "snapshot": None}},
    ]


async def test_delete_draft_sends_delete_and_accepts_204(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """delete_draft() is DELETE /v2/flows/{id}/draft without a body."""
    path = f"/v2/flows/{DRAFT_FLOW_ID}/draft"
    route = router.delete(path).respond(204)
    assert await client.flows.delete_draft(DRAFT_FLOW_ID) is None
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == ("DELETE", path, b"")


async def test_get_draft_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get_draft() answered with a flow raises DecodeError at /data/type."""
    router.get(f"/v2/flows/{DRAFT_FLOW_ID}/draft").respond(200, json=docs("get"))
    with pytest.raises(DecodeError) as caught:
        await client.flows.get_draft(DRAFT_FLOW_ID)
    assert caught.value.pointer == "/data/type"
