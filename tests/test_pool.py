"""The httpx client an AsyncClient builds: no cookies kept, none sent; the environment's
proxies honoured."""

from __future__ import annotations

import httpx
import pytest
import respx

from elasticio import AsyncClient
from tests._support.clock import FakeClock
from tests._support.offline import MakeClient
from tests._support.recorder import Serve, answer

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


async def test_a_proxy_the_environment_names_carries_the_requests(
    serve_recording: Serve, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    """With HTTP_PROXY set, the client built without a transport sends through the proxy
    (httpx's transport, mounted for the pattern): the proxy sees the absolute URL."""
    recorder, proxy_url = await serve_recording(lambda head: answer())
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    async with AsyncClient(
        email="me@example.com",
        api_key="key",
        base_url="http://api.example.test",
        allow_insecure_http=True,
        clock=clock,
        sleep=clock.sleep,
    ) as client:
        assert client._core.direct is None  # not every request goes through DirectTransport
        await client.request("GET", "/v2/users/me")
    request_line = recorder.seen[0][0].split(b"\r\n")[0]
    assert request_line == b"GET http://api.example.test/v2/users/me HTTP/1.1"


async def test_a_host_the_environment_exempts_from_its_proxy_is_reached_directly(
    serve_recording: Serve, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    """NO_PROXY names the API's host: its requests go through DirectTransport, not the
    proxy."""
    proxy, proxy_url = await serve_recording(lambda head: answer())
    api, api_url = await serve_recording(lambda head: answer())
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    async with AsyncClient(
        email="me@example.com", api_key="key", base_url=api_url, clock=clock, sleep=clock.sleep
    ) as client:
        await client.request("GET", "/v2/users/me")
    assert proxy.seen == []
    assert api.seen[0][0].split(b"\r\n")[0] == b"GET /v2/users/me HTTP/1.1"
