"""AsyncClient: the connection pool, transports, timeouts, headers, raw requests, redirects."""

from __future__ import annotations

import traceback

import httpx
import pytest
import respx

import elasticio
from elasticio import (
    AsyncClient,
    ClientStats,
    ConfigurationError,
    NotFoundError,
    PollPolicy,
    Response,
    RetryPolicy,
    UnexpectedStatusError,
    UsageError,
)
from elasticio._http import RequestSpec
from elasticio.jsonapi import Document
from tests._support.clock import FakeClock
from tests._support.docs import load_fixture
from tests._support.offline import API_KEY, BASE_URL, EMAIL, offline_client


class ClosingTransport(httpx.MockTransport):
    """A mock transport that remembers being closed (httpx closes it with its client)."""

    def __init__(self, router: respx.MockRouter) -> None:
        super().__init__(router.async_handler)
        self.closed = False

    async def aclose(self) -> None:
        self.closed = True


# --- lifecycle ----------------------------------------------------------------------------


async def test_aclose_closes_the_pool(router: respx.MockRouter, clock: FakeClock) -> None:
    """aclose() closes the httpx client the SDK created, and with it the transport."""
    transport = ClosingTransport(router)
    client = offline_client(router.async_handler, clock, transport=transport)
    await client.aclose()
    assert transport.closed


async def test_async_with_closes_the_pool(router: respx.MockRouter, clock: FakeClock) -> None:
    """Leaving ``async with`` closes the pool."""
    transport = ClosingTransport(router)
    async with offline_client(router.async_handler, clock, transport=transport) as client:
        assert isinstance(client, AsyncClient)
        assert not transport.closed
    assert transport.closed


async def test_one_pool_serves_every_request(router: respx.MockRouter, clock: FakeClock) -> None:
    """Requests go through the one transport given, however many are made."""
    route = router.get("/v2/users/me").respond(200, json={})
    calls: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return await router.async_handler(request)

    async with offline_client(
        router.async_handler, clock, transport=httpx.MockTransport(handler)
    ) as client:
        for _ in range(3):
            await client.request("GET", "/v2/users/me")
    assert len(calls) == 3
    assert route.call_count == 3


async def test_injected_http_client_is_used_and_left_open(
    router: respx.MockRouter, clock: FakeClock
) -> None:
    """An http_client passed in carries the requests and is not closed by aclose()."""
    route = router.get("/v2/users/me").respond(200, json={})
    http_client = httpx.AsyncClient(transport=httpx.MockTransport(router.async_handler))
    async with offline_client(
        router.async_handler, clock, transport=None, http_client=http_client
    ) as client:
        await client.request("GET", "/v2/users/me")
    assert route.call_count == 1
    assert not http_client.is_closed
    await http_client.aclose()


async def test_http_client_and_transport_together_are_refused() -> None:
    """Passing both http_client and transport is a ConfigurationError, not a bare TypeError."""
    async with httpx.AsyncClient() as http_client:
        with pytest.raises(ConfigurationError, match="http_client"):
            AsyncClient(
                EMAIL,
                API_KEY,
                http_client=http_client,
                transport=httpx.MockTransport(lambda r: httpx.Response(200)),
            )


# --- timeouts -----------------------------------------------------------------------------


async def sent_timeout(client: AsyncClient, router: respx.MockRouter) -> dict[str, float | None]:
    """The timeout extension on the request the transport received."""
    route = router.get("/v2/users/me").respond(200, json={})
    await client.request("GET", "/v2/users/me")
    timeout: dict[str, float | None] = route.calls.last.request.extensions["timeout"]
    return timeout


async def test_default_timeout_is_finite(client: AsyncClient, router: respx.MockRouter) -> None:
    """By default every phase has a timeout in the tens of seconds, never None."""
    timeout = await sent_timeout(client, router)
    assert set(timeout) == {"connect", "read", "write", "pool"}
    for value in timeout.values():
        assert value is not None
        assert 5 <= value <= 120
    assert timeout["read"] >= 10  # type: ignore[operator]


async def test_timeout_argument_is_sent(router: respx.MockRouter, clock: FakeClock) -> None:
    """AsyncClient(timeout=5) gives each attempt 5 s."""
    async with offline_client(router.async_handler, clock, timeout=5.0) as client:
        timeout = await sent_timeout(client, router)
    assert timeout == httpx.Timeout(5.0).as_dict()


async def test_with_options_timeout_is_sent(client: AsyncClient, router: respx.MockRouter) -> None:
    """with_options(timeout=2) changes the timeout of the derived client only."""
    assert (await sent_timeout(client.with_options(timeout=2.0), router))["read"] == 2.0
    assert (await sent_timeout(client, router))["read"] != 2.0


async def test_injected_http_client_keeps_its_timeout(
    router: respx.MockRouter, clock: FakeClock
) -> None:
    """Without a timeout argument, an injected http_client's own timeout applies."""
    http_client = httpx.AsyncClient(
        transport=httpx.MockTransport(router.async_handler), timeout=42.0
    )
    async with offline_client(
        router.async_handler, clock, transport=None, http_client=http_client
    ) as client:
        timeout = await sent_timeout(client, router)
    await http_client.aclose()
    assert timeout["read"] == 42.0


# --- headers ------------------------------------------------------------------------------


async def test_user_agent_names_the_sdk(client: AsyncClient, router: respx.MockRouter) -> None:
    """Requests carry User-Agent elasticio-python/<version>."""
    route = router.get("/v2/users/me").respond(200, json={})
    await client.request("GET", "/v2/users/me")
    user_agent = route.calls.last.request.headers["user-agent"]
    assert user_agent.startswith(f"elasticio-python/{elasticio.__version__}")


async def test_extra_headers_are_sent(router: respx.MockRouter, clock: FakeClock) -> None:
    """headers= adds headers to every request."""
    route = router.get("/v2/users/me").respond(200, json={})
    async with offline_client(router.async_handler, clock, headers={"X-Tenant": "t1"}) as client:
        await client.request("GET", "/v2/users/me")
    assert route.calls.last.request.headers["x-tenant"] == "t1"


async def test_user_agent_override_replaces_the_default(
    router: respx.MockRouter, clock: FakeClock
) -> None:
    """A user-agent in headers= (any case) replaces the SDK's: one header, not two."""
    route = router.get("/v2/users/me").respond(200, json={})
    async with offline_client(
        router.async_handler, clock, headers={"user-agent": "my-app/1.0"}
    ) as client:
        await client.request("GET", "/v2/users/me")
    assert route.calls.last.request.headers.get_list("user-agent") == ["my-app/1.0"]


# --- with_options -------------------------------------------------------------------------


async def test_with_options_shares_pool_and_stats(
    router: respx.MockRouter, clock: FakeClock
) -> None:
    """A derived client sends through the same pool and counts into the same stats."""
    transport = ClosingTransport(router)
    route = router.get("/v2/users/me").respond(200, json={})
    async with offline_client(router.async_handler, clock, transport=transport) as client:
        derived = client.with_options(max_retries=0)
        await derived.request("GET", "/v2/users/me")
        await client.request("GET", "/v2/users/me")
        assert derived.stats is client.stats
        assert client.stats == ClientStats(requests=2, retries=0, rate_limited=0)
    assert route.call_count == 2


def test_with_options_has_its_own_policy(client: AsyncClient) -> None:
    """The derived client's policy changes; the original's does not."""
    derived = client.with_options(retry=RetryPolicy(max_retries=7))
    assert derived.retry_policy.max_retries == 7
    assert client.retry_policy == RetryPolicy()


def test_with_options_keeps_base_url(client: AsyncClient) -> None:
    """The derived client talks to the same API."""
    assert client.with_options(max_retries=1).base_url == client.base_url


async def test_closing_a_derived_client_keeps_the_pool(
    router: respx.MockRouter, clock: FakeClock
) -> None:
    """aclose() on a with_options client leaves the shared pool open."""
    transport = ClosingTransport(router)
    route = router.get("/v2/users/me").respond(200, json={})
    async with offline_client(router.async_handler, clock, transport=transport) as client:
        async with client.with_options(max_retries=0) as derived:
            await derived.request("GET", "/v2/users/me")
        assert not transport.closed
        await client.request("GET", "/v2/users/me")
    assert transport.closed
    assert route.call_count == 2


async def test_derived_client_resources_use_its_policy(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """client.with_options(...).components uses the derived policy."""
    route = router.get("/v2/components/C1").mock(side_effect=[httpx.Response(503)] * 4)
    with pytest.raises(elasticio.ServerError):
        await client.with_options(max_retries=0).components.get("C1")
    assert route.call_count == 1


# --- raw requests -------------------------------------------------------------------------


async def test_request_returns_a_document(client: AsyncClient, router: respx.MockRouter) -> None:
    """client.request(method, path, params=...) sends the query and decodes the answer."""
    route = router.get("/v2/components").respond(200, json=load_fixture("components/list.json"))
    document = await client.request("GET", "/v2/components", params={"contract_id": "C1"})
    assert isinstance(document, Document)
    assert document.primary
    assert all(r.type == "component" for r in document.primary)
    assert route.calls.last.request.url.params["contract_id"] == "C1"


async def test_request_method_is_upper_cased(client: AsyncClient, router: respx.MockRouter) -> None:
    """A lowercase method is sent upper-cased."""
    route = router.get("/v2/users/me").respond(200, json={})
    await client.request("get", "/v2/users/me")
    assert route.calls.last.request.method == "GET"


async def test_request_sends_a_json_body(client: AsyncClient, router: respx.MockRouter) -> None:
    """json= is sent as an application/json body."""
    route = router.post("/v2/flows").respond(201, json={"data": {"type": "flow", "id": "F1"}})
    document = await client.request("POST", "/v2/flows", json={"data": {"type": "flow"}})
    request = route.calls.last.request
    assert request.headers["content-type"] == "application/json"
    assert request.content == b'{"data":{"type":"flow"}}'
    assert document.get("flow", "F1") is not None


@pytest.mark.parametrize("path", ["v2/users/me", "", "https://evil.example/v2/x"])
async def test_request_path_must_start_with_a_slash(
    client: AsyncClient, router: respx.MockRouter, path: str
) -> None:
    """A path not starting with '/' is a UsageError (also a ValueError); nothing is sent."""
    route = router.route().respond(200, json={})
    with pytest.raises(UsageError, match="'/'"):
        await client.request("GET", path)
    assert route.call_count == 0


async def test_send_returns_the_response(client: AsyncClient, router: respx.MockRouter) -> None:
    """client._send(spec) gives status, headers, method, URL and document."""
    router.get("/v2/users/me").respond(
        200, json={"data": {"type": "user", "id": "U1"}}, headers={"x-request-id": "r1"}
    )
    response = await client._send(RequestSpec(method="GET", path="/v2/users/me"))
    assert isinstance(response, Response)
    assert (response.status_code, response.method) == (200, "GET")
    assert response.url == f"{BASE_URL}/v2/users/me"
    assert response.headers["x-request-id"] == "r1"
    assert response.document.get("user", "U1") is not None


async def test_fetch_returns_the_document(client: AsyncClient, router: respx.MockRouter) -> None:
    """client._fetch(spec) is send(spec).document."""
    router.get("/v2/users/me").respond(200, json={"data": {"type": "user", "id": "U1"}})
    document = await client._fetch(RequestSpec(method="GET", path="/v2/users/me"))
    assert document.get("user", "U1") is not None


# --- redirects ----------------------------------------------------------------------------


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
async def test_redirects_are_not_followed(
    client: AsyncClient, router: respx.MockRouter, code: int
) -> None:
    """A 3xx raises UnexpectedStatusError; its Location is never requested."""
    router.get("/v2/exec/poll/1").respond(code, headers={"location": "/v2/exec/result/1"})
    target = router.get("/v2/exec/result/1").respond(200, json={})
    with pytest.raises(UnexpectedStatusError) as caught:
        await client.request("GET", "/v2/exec/poll/1")
    assert caught.value.status_code == code
    assert caught.value.headers["location"] == "/v2/exec/result/1"
    assert target.call_count == 0


async def test_redirect_to_another_host_is_not_followed(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A redirect off the API's origin is not followed, so the credentials stay home."""
    router.get("/v2/users/me").respond(302, headers={"location": "https://evil.example/steal"})
    with pytest.raises(UnexpectedStatusError):
        await client.request("GET", "/v2/users/me")
    assert len(router.calls) == 1


def test_repr_works_on_a_client_whose_constructor_never_ran() -> None:
    """repr never raises, even on a half-built client (tracebacks that show locals)."""
    assert repr(object.__new__(AsyncClient)) == "<AsyncClient (not configured)>"


def test_a_failed_constructor_can_be_formatted_with_its_locals(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Formatting the traceback of a failed AsyncClient() with locals (as error trackers
    do) does not fail: the half-built ``self`` has a repr."""
    for name in ("ELASTICIO_API_USERNAME", "ELASTICIO_API_KEY", "ELASTICIO_API_URI"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ConfigurationError) as caught:
        AsyncClient(email=EMAIL, api_key=API_KEY, base_url="http://example.com")
    formatted = "".join(
        traceback.TracebackException.from_exception(caught.value, capture_locals=True).format()
    )
    assert "self = <AsyncClient (not configured)>" in formatted


def test_with_options_can_change_the_poll_policy(client: AsyncClient) -> None:
    """with_options(poll=...) gives the derived client its own polling policy."""
    policy = PollPolicy(timeout=5.0)
    assert client.with_options(poll=policy).poll_policy == policy
    assert client.poll_policy == PollPolicy()


async def test_a_plain_json_request_gives_its_value_not_a_document(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A request whose codec is plain JSON (v1, logs) is decoded as plain JSON."""
    router.get("/v1/users").respond(200, json={"id": "u1", "email": "a@example.com"})
    response = await client._send(RequestSpec(method="GET", path="/v1/users", codec="plain"))
    assert response.json == {"id": "u1", "email": "a@example.com"}
    assert not response.document.has_data


async def test_a_json_api_request_leaves_json_empty(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The default codec decodes a JSON:API document and leaves ``json`` None."""
    router.get("/v2/users/me").respond(200, json=load_fixture("users/me.json"))
    response = await client._send(RequestSpec(method="GET", path="/v2/users/me"))
    assert response.json is None
    assert response.document.has_data


async def test_request_json_returns_the_plain_value(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """request_json() sends the request as given and returns the JSON value undecoded."""
    route = router.get("/v1/teams/").respond(200, json=[{"id": "t1", "name": "My team"}])
    assert await client.request_json("GET", "/v1/teams/", params={"a": "1"}) == [
        {"id": "t1", "name": "My team"}
    ]
    assert route.calls.last.request.url.params["a"] == "1"


async def test_request_json_maps_a_v1_error(client: AsyncClient, router: respx.MockRouter) -> None:
    """A v1 error answer raises the typed error with the platform's message."""
    router.delete("/v1/sshkey/k").respond(404, json={"message": "Key not found"})
    with pytest.raises(NotFoundError, match="Key not found"):
        await client.request_json("DELETE", "/v1/sshkey/k")


async def test_request_json_needs_an_absolute_path(client: AsyncClient) -> None:
    with pytest.raises(UsageError, match="must start with '/'"):
        await client.request_json("GET", "v1/users")
