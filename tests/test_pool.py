"""The httpx client an AsyncClient builds: no cookies kept, none sent."""

from __future__ import annotations

import httpx
import respx

from elasticio import AsyncClient
from tests._support.offline import MakeClient

PATH = "/v2/things"


async def test_a_cookie_the_server_sets_is_never_sent_back(
    make_client: MakeClient, router: respx.MockRouter
) -> None:
    """A ``Set-Cookie`` answer leaves the next request without a ``Cookie`` header."""
    route = router.get(PATH).respond(
        200, json={"meta": {}}, headers={"Set-Cookie": "session=abc; Path=/"}
    )
    client: AsyncClient = make_client()
    await client.request("GET", PATH)
    await client.request("GET", PATH)
    assert [call.request.headers.get("cookie") for call in route.calls] == [None, None]


async def test_the_built_pool_keeps_no_cookies(
    make_client: MakeClient, router: respx.MockRouter
) -> None:
    """Nothing a response sets is stored, so nothing is paid for storing it."""
    router.get(PATH).respond(200, json={"meta": {}}, headers={"Set-Cookie": "a=1; Path=/"})
    client: AsyncClient = make_client()
    await client.request("GET", PATH)
    assert list(client._core.http.cookies.jar) == []


async def test_a_users_http_client_keeps_its_own_cookies(router: respx.MockRouter) -> None:
    """An ``http_client`` passed in is used as it is, its cookie store included."""
    router.get(PATH).respond(200, json={"meta": {}}, headers={"Set-Cookie": "a=1; Path=/"})
    async with httpx.AsyncClient(transport=httpx.MockTransport(router.handler)) as http:
        client = AsyncClient(
            email="me@example.com",
            api_key="key",
            base_url="https://api.elastic.io",
            http_client=http,
        )
        await client.request("GET", PATH)
        assert http.cookies.get("a") == "1"
