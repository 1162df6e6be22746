"""Flow drafts: get, create or replace with PUT, discard; the has_draft filter follows."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of

GRAPH = {
    "nodes": [
        {"id": "step_1", "command": "elasticio/timer:timer", "fields": {"interval": "minute"}},
        {"id": "step_2", "command": "elasticio/email:send"},
    ],
    "edges": [
        {
            "source": "step_1",
            "target": "step_2",
            "config": {"mapper": {"to": "info@acme.org", "subject": "Test"}},
        }
    ],
}


def draft_body(**attributes: Any) -> dict[str, Any]:
    return {"data": {"type": "flow-draft", "attributes": attributes}}


@pytest.fixture
def plain_flow(emulator: Emulator) -> str:
    """An inactive flow of the shared workspace without a draft."""
    return emulator.platform.flows.create(
        workspace_id=emulator.seed.workspace_id,
        user_id=emulator.seed.owner.id,
        name="Plain",
        description="No draft yet",
    ).id


async def has_draft(api: httpx.AsyncClient, emulator: Emulator, flow_id: str, value: str) -> bool:
    """Whether the flow list filtered by ``filter[has_draft]=value`` holds the flow."""
    params = {
        "workspace_id": emulator.seed.workspace_id,
        "filter[has_draft]": value,
        "page[size]": 500,
    }
    return flow_id in {f["id"] for f in data_of(await api.get("/v2/flows", params=params))}


async def test_get_seeded_draft(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The seeded flow's draft in the documented shape; its id is the flow's draft id."""
    flow_id = emulator.seed.flow_id
    response = await api.get(f"/v2/flows/{flow_id}/draft")
    draft = data_of(response)
    assert response.json()["meta"] == {}
    flow = data_of(await api.get(f"/v2/flows/{flow_id}"))
    assert draft["type"] == "flow-draft"
    assert draft["id"] == flow["relationships"]["draft"]["data"]["id"]
    assert draft["links"] == {"self": f"/v2/flows/{flow_id}/draft"}
    assert {"name", "description", "cron", "graph", "snapshot", "created_at", "updated_at"} <= set(
        draft["attributes"]
    )
    assert draft["attributes"]["name"].endswith("(draft)")
    assert draft["relationships"]["flow"]["data"] == {"id": flow_id, "type": "flow"}
    assert draft["relationships"]["user"]["data"]["type"] == "user"


async def test_get_without_draft_is_404(api: httpx.AsyncClient, plain_flow: str) -> None:
    """A flow without a draft answers 404."""
    error_of(await api.get(f"/v2/flows/{plain_flow}/draft"), 404)


async def test_put_creates_a_draft(
    api: httpx.AsyncClient, emulator: Emulator, plain_flow: str
) -> None:
    """PUT creates the draft (200), from the given attributes over the flow's own."""
    body = draft_body(name="Timer to E-Mail", graph=GRAPH, snapshot={"cursor": 7})
    draft = data_of(await api.put(f"/v2/flows/{plain_flow}/draft", json=body))
    attributes = draft["attributes"]
    assert attributes["name"] == "Timer to E-Mail"
    assert attributes["description"] == "No draft yet"
    assert attributes["snapshot"] == {"cursor": 7}
    assert attributes["created_at"] == attributes["updated_at"] == "2025-01-01T00:00:00.000Z"
    nodes = attributes["graph"]["nodes"]
    assert [n["component_id"] for n in nodes] == [
        emulator.seed.component_ids["timer"],
        emulator.seed.component_ids["email"],
    ]
    assert attributes["graph"]["edges"][0]["id"] == "mapper:step_1:step_2"
    assert draft["relationships"]["user"]["data"]["id"] == emulator.seed.owner.id
    assert data_of(await api.get(f"/v2/flows/{plain_flow}/draft")) == draft


async def test_put_leaves_the_flow_alone(api: httpx.AsyncClient, plain_flow: str) -> None:
    """A draft changes neither the flow's graph nor its versions."""
    before = data_of(await api.get(f"/v2/flows/{plain_flow}"))
    data_of(await api.put(f"/v2/flows/{plain_flow}/draft", json=draft_body(graph=GRAPH)))
    after = data_of(await api.get(f"/v2/flows/{plain_flow}"))
    assert after["attributes"] == before["attributes"]
    assert after["relationships"]["latest_version"] == before["relationships"]["latest_version"]
    assert after["relationships"]["draft"]["links"] == {
        "self": f"/v2/flows/{plain_flow}/draft",
        "related": f"/v2/flows/{plain_flow}/draft",
    }


async def test_put_replaces_the_whole_draft(
    api: httpx.AsyncClient, plain_flow: str, fake_clock: FakeClock
) -> None:
    """A second PUT replaces the draft: what it omits comes from the flow again."""
    url = f"/v2/flows/{plain_flow}/draft"
    data_of(await api.put(url, json=draft_body(name="First", graph=GRAPH)))
    fake_clock.advance(30)
    second = data_of(await api.put(url, json=draft_body(description="Second")))
    attributes = second["attributes"]
    assert (attributes["name"], attributes["description"]) == ("Plain", "Second")
    assert attributes["graph"] == {"nodes": [], "edges": []}
    assert attributes["created_at"] == "2025-01-01T00:00:00.000Z"
    assert attributes["updated_at"] == "2025-01-01T00:00:30.000Z"


async def test_has_draft_filter_follows_drafts(
    api: httpx.AsyncClient, emulator: Emulator, plain_flow: str
) -> None:
    """``filter[has_draft]`` reflects drafts made and discarded over the API."""
    assert await has_draft(api, emulator, plain_flow, "false")
    data_of(await api.put(f"/v2/flows/{plain_flow}/draft", json=draft_body()))
    assert await has_draft(api, emulator, plain_flow, "true")
    assert not await has_draft(api, emulator, plain_flow, "false")
    await api.delete(f"/v2/flows/{plain_flow}/draft")
    assert await has_draft(api, emulator, plain_flow, "false")


async def test_put_checks_the_graph(api: httpx.AsyncClient, plain_flow: str) -> None:
    """A graph naming no known component is 400, as for flows."""
    graph = {"nodes": [{"id": "step_1", "command": "nobody/nothing:run"}], "edges": []}
    body = draft_body(graph=graph)
    assert (
        "graph.nodes[0]"
        in error_of(await api.put(f"/v2/flows/{plain_flow}/draft", json=body), 400)["detail"]
    )


async def test_put_with_wrong_type_is_409(api: httpx.AsyncClient, plain_flow: str) -> None:
    """A resource of another type is 409."""
    body = {"data": {"type": "flow", "attributes": {}}}
    error_of(await api.put(f"/v2/flows/{plain_flow}/draft", json=body), 409)


async def test_delete_discards_the_draft(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """DELETE answers 204; then the draft is 404 and the flow has no draft relationship."""
    flow_id = emulator.seed.flow_id
    response = await api.delete(f"/v2/flows/{flow_id}/draft")
    assert response.status_code == 204
    assert response.content == b""
    error_of(await api.get(f"/v2/flows/{flow_id}/draft"), 404)
    assert "draft" not in data_of(await api.get(f"/v2/flows/{flow_id}"))["relationships"]


async def test_delete_without_draft_is_404(api: httpx.AsyncClient, plain_flow: str) -> None:
    """Discarding a draft that does not exist is 404."""
    error_of(await api.delete(f"/v2/flows/{plain_flow}/draft"), 404)


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_foreign_flow_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator, method: str
) -> None:
    """Drafts of a flow in a workspace the caller is not in are 403."""
    flow = emulator.platform.flows.create(
        workspace_id=emulator.seed.private_workspace_id,
        user_id=emulator.seed.owner.id,
        name="Private",
        draft={"name": "Private draft"},
    )
    body = draft_body() if method == "PUT" else None
    response = await guest_api.request(method, f"/v2/flows/{flow.id}/draft", json=body)
    error_of(response, 403)
