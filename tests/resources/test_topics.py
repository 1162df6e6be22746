"""``client.topics``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

from types import MappingProxyType

import pytest
import respx

from elasticio import AsyncClient, DecodeError, NotFoundError, UsageError
from elasticio.models._topics import Topic
from tests._support.docs import docs
from tests._support.wire import body, query

WORKSPACE_ID = "5bbf1f5337f655001383e921"
TOPIC_ID = "5eb15952155c920013046788"
USER_ID = "5bbf202b37f655001383e923"
TOPICS_PATH = f"/v2/workspaces/{WORKSPACE_ID}/topics"
TOPIC_PATH = f"{TOPICS_PATH}/{TOPIC_ID}"


# -- list ----------------------------------------------------------------------------------


async def test_list_is_a_get_of_the_workspace_topics(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list(workspace_id) is GET /v2/workspaces/{id}/topics with no query and no body."""
    route = router.get(TOPICS_PATH).respond(200, json=docs("topics/list"))
    await client.topics.list(WORKSPACE_ID).collect()
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request), request.content) == (
        "GET",
        TOPICS_PATH,
        [],
        b"",
    )


async def test_list_sends_search(client: AsyncClient, router: respx.MockRouter) -> None:
    """list(search=...) adds the ``search`` parameter."""
    route = router.get(TOPICS_PATH).respond(200, json=docs("topics/list"))
    await client.topics.list(WORKSPACE_ID, search="Pers").collect()
    assert query(route.calls.last.request) == [("search", "Pers")]


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' list gives one topic with its schema and related ids."""
    router.get(TOPICS_PATH).respond(200, json=docs("topics/list"))
    (topic,) = await client.topics.list(WORKSPACE_ID).collect()
    assert topic == Topic(
        id=TOPIC_ID,
        name="Person",
        schema=docs("topics/list")["data"][0]["attributes"]["schema"],
        workspace_id=WORKSPACE_ID,
        user_id=USER_ID,
    )


async def test_list_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A list item that is not a topic raises DecodeError at its type."""
    router.get(TOPICS_PATH).respond(200, json={"data": [{"type": "flow", "id": "F"}]})
    with pytest.raises(DecodeError) as caught:
        await client.topics.list(WORKSPACE_ID).collect()
    assert caught.value.pointer == "/data/0/type"


# -- get -----------------------------------------------------------------------------------


async def test_get_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """get(ws, id) is GET /v2/workspaces/{ws}/topics/{id}; the schema is a read-only mapping."""
    route = router.get(TOPIC_PATH).respond(200, json=docs("topics/get"))
    topic = await client.topics.get(WORKSPACE_ID, TOPIC_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("GET", TOPIC_PATH, [])
    assert (topic.id, topic.name, topic.workspace_id, topic.user_id) == (
        TOPIC_ID,
        "Person",
        WORKSPACE_ID,
        USER_ID,
    )
    assert isinstance(topic.schema, MappingProxyType)
    assert topic.schema["properties"]["age"] == {
        "description": "Age in years which must be equal to or greater than zero.",
        "type": "number",
        "minimum": 0,
    }


async def test_get_reports_a_schema_that_is_not_an_object(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A schema sent as a string raises DecodeError naming ``schema``."""
    payload = {"data": {"type": "topic", "id": TOPIC_ID, "attributes": {"schema": "Person"}}}
    router.get(TOPIC_PATH).respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.topics.get(WORKSPACE_ID, TOPIC_ID)
    assert "schema" in str(caught.value)


async def test_get_encodes_the_ids_as_segments(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get() percent-encodes both ids, so a ``/`` cannot lead to another path."""
    route = router.get(url__regex=r".*").respond(200, json=docs("topics/get"))
    await client.topics.get("w/..", "x/../../users/me")
    assert route.calls.last.request.url.raw_path == (
        b"/v2/workspaces/w%2F../topics/x%2F..%2F..%2Fusers%2Fme"
    )


async def test_get_of_an_unknown_topic_raises_not_found(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 404 raises NotFoundError carrying the error's detail."""
    error = {"errors": [{"status": 404, "detail": "Topic not found"}]}
    router.get(TOPIC_PATH).respond(404, json=error)
    with pytest.raises(NotFoundError) as caught:
        await client.topics.get(WORKSPACE_ID, TOPIC_ID)
    assert caught.value.errors[0].detail == "Topic not found"


# -- create --------------------------------------------------------------------------------


async def test_create_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() sends exactly the docs' request example and decodes the 201."""
    example = docs("topics/create_request")
    route = router.post(TOPICS_PATH).respond(201, json=docs("topics/create"))
    topic = await client.topics.create(
        WORKSPACE_ID, name="Person", schema=example["data"]["attributes"]["schema"]
    )
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("POST", TOPICS_PATH, [])
    assert request.headers["Content-Type"] == "application/json"
    assert body(request) == example
    assert (topic.id, topic.name, topic.workspace_id) == (TOPIC_ID, "Person", WORKSPACE_ID)


# -- update and delete ---------------------------------------------------------------------


async def test_update_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(name=..., schema=...) sends the docs' PATCH example, its id the URL's."""
    example = docs("topics/update_request", {"{TOPIC_ID}": TOPIC_ID})
    route = router.patch(TOPIC_PATH).respond(200, json=docs("topics/update"))
    topic = await client.topics.update(
        WORKSPACE_ID, TOPIC_ID, name="Person", schema=example["data"]["attributes"]["schema"]
    )
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("PATCH", TOPIC_PATH, [])
    assert body(request) == example
    assert "middleName" in topic.schema["properties"]


async def test_update_sends_only_the_name_when_only_the_name_is_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(name=...) leaves the schema out, so the platform keeps it."""
    route = router.patch(TOPIC_PATH).respond(200, json=docs("topics/update"))
    await client.topics.update(WORKSPACE_ID, TOPIC_ID, name="Customer")
    assert body(route.calls.last.request) == {
        "data": {"type": "topic", "id": TOPIC_ID, "attributes": {"name": "Customer"}}
    }


async def test_update_with_nothing_to_change_is_refused(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """topics.update() with neither name nor schema raises and sends nothing."""
    with pytest.raises(UsageError):
        await client.topics.update(WORKSPACE_ID, TOPIC_ID)
    assert not router.calls


async def test_delete_sends_delete_and_accepts_204(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """delete(ws, id) is DELETE /v2/workspaces/{ws}/topics/{id} without a body."""
    route = router.delete(TOPIC_PATH).respond(204)
    await client.topics.delete(WORKSPACE_ID, TOPIC_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == ("DELETE", TOPIC_PATH, b"")
