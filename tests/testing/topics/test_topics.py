"""Pub/Sub topics: list (search), get, create, update, delete; members only."""

from __future__ import annotations

from typing import Any

import httpx

from elasticio.testing import Emulator
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of


def topics_path(workspace_id: str) -> str:
    return f"/v2/workspaces/{workspace_id}/topics"


def topic_path(emulator: Emulator, topic_id: str | None = None) -> str:
    return f"{topics_path(emulator.seed.workspace_id)}/{topic_id or emulator.seed.topic_id}"


def changes(topic_id: str, **attributes: Any) -> dict[str, Any]:
    return {"data": {"type": "topic", "id": topic_id, "attributes": attributes}}


async def test_list_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The shared workspace lists its seeded topic in the documented shape."""
    seed = emulator.seed
    response = await api.get(topics_path(seed.workspace_id))
    (topic,) = data_of(response)
    assert response.json()["meta"] == {}
    assert topic["type"] == "topic"
    assert topic["id"] == seed.topic_id
    assert topic["links"] == {"self": f"/v2/topics/{seed.topic_id}"}
    assert topic["attributes"]["name"] == "Person"
    assert topic["attributes"]["schema"]["type"] == "object"
    assert topic["relationships"]["workspace"] == {
        "data": {"id": seed.workspace_id, "type": "workspace"},
        "links": {"self": f"/v2/workspaces/{seed.workspace_id}"},
    }
    assert topic["relationships"]["user"]["data"] == {"id": seed.owner.id, "type": "user"}


async def test_list_searches_names(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``search`` keeps topics whose name contains it, in any case."""
    path = topics_path(emulator.seed.workspace_id)
    assert [t["id"] for t in data_of(await api.get(path, params={"search": "PERS"}))] == [
        emulator.seed.topic_id
    ]
    assert data_of(await api.get(path, params={"search": "order"})) == []


async def test_list_is_per_workspace(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The private workspace has no topics of its own."""
    assert data_of(await api.get(topics_path(emulator.seed.private_workspace_id))) == []


async def test_list_of_a_foreign_workspace_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A caller outside the workspace gets 403 for its topics."""
    error_of(await guest_api.get(topics_path(emulator.seed.private_workspace_id)), 403)


async def test_list_of_an_unknown_workspace_is_404(api: httpx.AsyncClient) -> None:
    """An unknown workspace is a 404."""
    error_of(await api.get(topics_path("000000000000000000000000")), 404)


async def test_get_by_a_member(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A member of the workspace (the guest, an integrator) reads a topic."""
    data = data_of(await guest_api.get(topic_path(emulator)))
    assert (data["id"], data["attributes"]["name"]) == (emulator.seed.topic_id, "Person")


async def test_get_unknown_topic_is_404(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """An unknown topic id is a 404."""
    error = error_of(await api.get(topic_path(emulator, "000000000000000000000000")), 404)
    assert "topic" in error["detail"]


async def test_get_through_another_workspace_is_404(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A topic asked for under a workspace it is not in is a 404."""
    seed = emulator.seed
    error_of(await api.get(f"{topics_path(seed.private_workspace_id)}/{seed.topic_id}"), 404)


async def test_create_the_docs_example(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' request creates a topic: 201, the schema kept as sent, the caller its user."""
    example = docs("topics/create_request")
    path = topics_path(emulator.seed.private_workspace_id)
    data = data_of(await api.post(path, json=example), 201)
    assert data["attributes"] == example["data"]["attributes"]
    assert data["links"] == {"self": f"/v2/topics/{data['id']}"}
    stored = emulator.platform.topics[data["id"]]
    assert (stored.workspace_id, stored.user_id) == (
        emulator.seed.private_workspace_id,
        emulator.seed.owner.id,
    )
    assert [t["id"] for t in data_of(await api.get(path))] == [data["id"]]


async def test_create_needs_a_name(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A create without ``name`` is a 400 pointing at it, and nothing is stored."""
    body = {"data": {"type": "topic", "attributes": {"schema": {"type": "object"}}}}
    error = error_of(await api.post(topics_path(emulator.seed.workspace_id), json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/name"}
    assert len(emulator.platform.topics) == 1


async def test_create_needs_a_schema_object(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A schema that is not a JSON object is a 400 pointing at it."""
    body = {"data": {"type": "topic", "attributes": {"name": "Order", "schema": "object"}}}
    error = error_of(await api.post(topics_path(emulator.seed.workspace_id), json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/schema"}


async def test_create_of_another_type_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A resource of another type than ``topic`` is a 409."""
    body = {"data": {"type": "flow", "attributes": {"name": "Order", "schema": {}}}}
    error_of(await api.post(topics_path(emulator.seed.workspace_id), json=body), 409)


async def test_update_renames_and_keeps_the_schema(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A PATCH with only ``name`` renames the topic; the schema stays."""
    topic_id = emulator.seed.topic_id
    before = dict(emulator.platform.topics[topic_id].schema)
    data = data_of(await api.patch(topic_path(emulator), json=changes(topic_id, name="Human")))
    assert data["attributes"] == {"name": "Human", "schema": before}


async def test_update_replaces_the_schema(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' PATCH replaces the schema as a whole."""
    topic_id = emulator.seed.topic_id
    example = docs("topics/update_request", {"{TOPIC_ID}": topic_id})
    data = data_of(await api.patch(topic_path(emulator), json=example))
    assert data["attributes"]["schema"] == example["data"]["attributes"]["schema"]
    assert emulator.platform.topics[topic_id].schema == example["data"]["attributes"]["schema"]


async def test_update_needs_the_urls_id(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A PATCH without ``data.id``, or with another id, is refused and changes nothing."""
    no_id = {"data": {"type": "topic", "attributes": {"name": "Human"}}}
    error_of(await api.patch(topic_path(emulator), json=no_id), 400)
    other = changes("000000000000000000000000", name="Human")
    error_of(await api.patch(topic_path(emulator), json=other), 409)
    assert emulator.platform.topics[emulator.seed.topic_id].name == "Person"


async def test_update_unknown_topic_is_404(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A PATCH of an unknown topic is a 404."""
    unknown = "000000000000000000000000"
    error_of(await api.patch(topic_path(emulator, unknown), json=changes(unknown, name="X")), 404)


async def test_delete(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """DELETE answers 204 with no body, and the topic is gone (then 404)."""
    response = await api.delete(topic_path(emulator))
    assert (response.status_code, response.content) == (204, b"")
    assert emulator.seed.topic_id not in emulator.platform.topics
    error_of(await api.delete(topic_path(emulator)), 404)


async def test_writes_of_an_outsider_are_403(
    guest_api: httpx.AsyncClient, api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The guest may not create in, change or delete from a workspace they are not in."""
    private = emulator.seed.private_workspace_id
    created = data_of(await api.post(topics_path(private), json=docs("topics/create_request")), 201)
    path = f"{topics_path(private)}/{created['id']}"
    error_of(await guest_api.post(topics_path(private), json=docs("topics/create_request")), 403)
    error_of(await guest_api.patch(path, json=changes(created["id"], name="X")), 403)
    error_of(await guest_api.delete(path), 403)
    assert emulator.platform.topics[created["id"]].name == "Person"
