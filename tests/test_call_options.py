"""Per-call options: ``timeout``, ``extra_headers`` and ``extra_query`` on a typed call."""

from __future__ import annotations

from typing import Any

import httpx
import respx

from elasticio import AsyncClient
from tests.conftest import load_fixture


def user(user_id: str) -> dict[str, Any]:
    return {"type": "user", "id": user_id, "attributes": {"email": f"{user_id}@example.com"}}


async def test_timeout_applies_to_this_call_only(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """timeout=2 reaches the transport for that call; the next call has the client's."""
    route = router.get("/v2/users/me").respond(200, json=load_fixture("users/me.json"))
    await client.users.me(timeout=2.0)
    assert route.calls.last.request.extensions["timeout"]["read"] == 2.0
    await client.users.me()
    assert route.calls.last.request.extensions["timeout"]["read"] != 2.0


async def test_a_timeout_object_is_taken_as_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """An httpx.Timeout keeps its separate phases."""
    route = router.get("/v2/users/me").respond(200, json=load_fixture("users/me.json"))
    await client.users.me(timeout=httpx.Timeout(5.0, connect=1.0))
    sent = route.calls.last.request.extensions["timeout"]
    assert (sent["connect"], sent["read"]) == (1.0, 5.0)


async def test_extra_headers_are_sent_and_win_over_the_clients(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Extra headers travel with the call and replace a client header of the same name."""
    route = router.get("/v2/users/u1").respond(200, json=load_fixture("users/get.json"))
    await client.users.get("u1", extra_headers={"X-Trace": "t-1", "User-Agent": "mine/1"})
    sent = route.calls.last.request.headers
    assert (sent["x-trace"], sent["user-agent"]) == ("t-1", "mine/1")
    assert sent.get_list("user-agent") == ["mine/1"]


async def test_extra_headers_cannot_replace_the_credentials(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Basic auth is applied last: an Authorization header of the call does not win."""
    route = router.get("/v2/users/me").respond(200, json=load_fixture("users/me.json"))
    await client.users.me(extra_headers={"Authorization": "Bearer stolen"})
    assert route.calls.last.request.headers["authorization"].startswith("Basic ")


async def test_extra_query_is_added(client: AsyncClient, router: respx.MockRouter) -> None:
    """Extra query parameters are sent beside the method's own."""
    route = router.get("/v2/users").respond(200, json={"data": [user("u1")]})
    await client.users.list(email="a@example.com", extra_query={"x": "1"}).collect()
    assert sorted(route.calls.last.request.url.params.multi_items()) == [
        ("email", "a@example.com"),
        ("x", "1"),
    ]


async def test_every_page_carries_the_options(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A list's options go with every page, the ones a links.next names included."""
    route = router.get("/v2/users").mock(
        side_effect=[
            httpx.Response(
                200, json={"data": [user("u1")], "links": {"next": "/v2/users?cursor=2"}}
            ),
            httpx.Response(200, json={"data": [user("u2")]}),
        ]
    )
    found = await client.users.list(extra_headers={"X-Trace": "t"}, timeout=3.0).collect()
    assert [u.id for u in found] == ["u1", "u2"]
    for call in route.calls:
        assert call.request.headers["x-trace"] == "t"
        assert call.request.extensions["timeout"]["read"] == 3.0
    assert route.calls.last.request.url.params["cursor"] == "2"


async def test_client_request_takes_the_same_options(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """client.request accepts the per-call options too."""
    route = router.get("/v2/anything").respond(204)
    await client.request("GET", "/v2/anything", timeout=4.0, extra_headers={"X-A": "1"})
    request = route.calls.last.request
    assert (request.headers["x-a"], request.extensions["timeout"]["read"]) == ("1", 4.0)
