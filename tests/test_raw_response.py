"""``client.with_raw_response``: the HTTP answer of a typed call, beside its value."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import respx

from elasticio import AsyncClient, NotFoundError, RawResponse, UsageError, User
from tests._support.docs import load_fixture


async def test_a_typed_call_gives_its_status_headers_and_request_id(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The raw response of users.me() shows the answer and parses to the same User."""
    router.get("/v2/users/me").respond(
        200, json=load_fixture("users/me.json"), headers={"X-Request-ID": "req-42"}
    )
    raw = await client.with_raw_response(client.users.me)
    assert isinstance(raw, RawResponse)
    assert (raw.status_code, raw.request_id, raw.headers["x-request-id"]) == (
        200,
        "req-42",
        "req-42",
    )
    assert raw.url.endswith("/v2/users/me")
    assert raw.parse() == await client.users.me()
    assert isinstance(raw.parse(), User)


async def test_arguments_are_passed_through(client: AsyncClient, router: respx.MockRouter) -> None:
    """Positional and keyword arguments reach the typed method unchanged."""
    route = router.get("/v2/users/u%2F1").respond(200, json=load_fixture("users/get.json"))
    raw = await client.with_raw_response(client.users.get, "u/1")
    assert route.called
    assert raw.status_code == 200


async def test_client_request_has_a_raw_response_too(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The raw route works for client.request as for any typed method."""
    router.get("/v2/anything").respond(204)
    raw = await client.with_raw_response(client.request, "GET", "/v2/anything")
    assert raw.status_code == 204
    assert not raw.parse().has_data


async def test_every_response_of_a_call_is_kept_in_order(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A call that sends several requests keeps them all; the first is the call's own."""
    router.get("/v2/users/me").respond(200, json=load_fixture("users/me.json"))
    router.get("/v2/anything").respond(204)

    async def two_calls() -> str:
        await client.users.me()
        await client.request("GET", "/v2/anything")
        return "done"

    raw = await client.with_raw_response(two_calls)
    assert [r.status_code for r in raw.responses] == [200, 204]
    assert raw.status_code == 200
    assert raw.parse() == "done"


async def test_an_error_is_raised_as_usual(client: AsyncClient, router: respx.MockRouter) -> None:
    """A failing call raises its typed error; there is no raw response to return."""
    router.get("/v2/users/me").respond(404, json={"errors": [{"title": "Not found"}]})
    with pytest.raises(NotFoundError):
        await client.with_raw_response(client.users.me)


async def test_a_call_that_sends_nothing_is_refused(client: AsyncClient) -> None:
    """A callable that never reaches the client is a UsageError, not an empty response."""

    async def nothing() -> None:
        await asyncio.sleep(0)

    with pytest.raises(UsageError, match="no request"):
        await client.with_raw_response(nothing)


async def test_concurrent_raw_calls_do_not_mix(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Each task captures only its own responses."""
    router.get("/v2/users/a").respond(
        200, json=load_fixture("users/get.json"), headers={"X-Request-ID": "a"}
    )
    router.get("/v2/users/b").respond(
        200, json=load_fixture("users/get.json"), headers={"X-Request-ID": "b"}
    )
    first, second = await asyncio.gather(
        client.with_raw_response(client.users.get, "a"),
        client.with_raw_response(client.users.get, "b"),
    )
    assert (first.request_id, second.request_id) == ("a", "b")
    assert (len(first.responses), len(second.responses)) == (1, 1)


# -- the request id a model came from ---------------------------------------------------


async def test_a_model_knows_the_request_id_that_produced_it(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A typed method's model carries the platform's request id of its response."""
    router.get("/v2/users/me").respond(
        200, json=load_fixture("users/me.json"), headers={"X-Request-ID": "req-7"}
    )
    assert (await client.users.me()).request_id == "req-7"


async def test_each_listed_model_carries_its_pages_request_id(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Items of a paged list carry the request id of the page they came on."""

    def page(user_id: str, number: int) -> httpx.Response:
        body = {
            "data": [{"type": "user", "id": user_id}],
            "meta": {"page": number, "total_pages": 2},
        }
        return httpx.Response(200, json=body, headers={"X-Request-ID": f"page-{number}"})

    router.get("/v2/users").mock(side_effect=[page("u1", 1), page("u2", 2)])
    users = await client.users.list().collect()
    assert [(u.id, u.request_id) for u in users] == [("u1", "page-1"), ("u2", "page-2")]


async def test_included_models_share_the_request_id(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Models built from a document's included resources came from the same response."""
    router.get("/v2/components/C1").respond(
        200, json=load_fixture("components/get.json"), headers={"X-Request-ID": "req-c"}
    )
    component = await client.components.get("C1")
    assert component.latest_version is not None
    assert (component.request_id, component.latest_version.request_id) == ("req-c", "req-c")


def test_a_hand_built_model_has_no_request_id() -> None:
    """A model the client did not return has no request id."""
    assert User(id="u1").request_id is None
