"""AiohttpTransport over loopback sockets: it sends what httpx built and nothing more, reports
every failure as httpx would, and keeps no state the SDK did not ask for.

The behaviours shared with httpx's own transport (dropped connections, cancellation, time
limits, size caps) are tested over both in test_transport.py, test_cancellation.py and
test_response_size.py.
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import importlib
import sys
import threading
from collections.abc import AsyncIterator

import aiohttp
import httpx
import pytest

from elasticio import AiohttpTransport, AsyncClient, ConfigurationError
from elasticio._aiohttp_errors import as_httpx_error
from tests._support.clock import FakeClock
from tests._support.offline import API_KEY, EMAIL
from tests._support.recorder import OK, Serve, answer, exchange
from tests.test_startup import _modules_after

GUARD = 10.0  # a safety net against a hanging test, never reached when the code is right


@pytest.fixture
async def transport() -> AsyncIterator[AiohttpTransport]:
    """A transport that ignores the environment's proxies, closed at the end."""
    made = AiohttpTransport(trust_env=False)
    yield made
    await made.aclose()


# --- what is sent ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
async def test_the_sdk_sends_the_same_request_over_both_transports(
    serve_recording: Serve, clock: FakeClock, method: str
) -> None:
    """Same request line, header lines and body as with httpx's own transport: aiohttp adds
    no header of its own (User-Agent, Accept, Content-Type...), but for ``Content-Length: 0``
    on a bodiless request whose method may carry one (which no server refuses)."""
    recorder, base_url = await serve_recording(lambda head: answer())
    for transport in (None, AiohttpTransport(trust_env=False)):
        async with AsyncClient(
            email=EMAIL, api_key=API_KEY, base_url=base_url, transport=transport, clock=clock
        ) as client:
            body = {"name": "é ü"} if method == "POST" else None
            await client.request(method, "/v2/flows/a%2Fb", json=body, params={"q": "x y"})
    (default_head, default_body), (ours_head, ours_body) = recorder.seen
    assert ours_head.split(b"\r\n")[0] == default_head.split(b"\r\n")[0]
    added = [("content-length", "0")] if method == "DELETE" else []
    assert recorder.headers(1) == sorted(recorder.headers(0) + added)
    assert ours_body == default_body


async def test_a_streamed_request_body_is_sent_whole(
    serve_recording: Serve, transport: AiohttpTransport
) -> None:
    """A body given as an async stream arrives byte for byte."""
    recorder, base_url = await serve_recording(lambda head: answer())

    async def parts() -> AsyncIterator[bytes]:
        for part in (b"first,", b"second,", b"third"):
            yield part

    async with httpx.AsyncClient(transport=transport) as client:
        response = await client.post(f"{base_url}/upload", content=parts())
    assert response.status_code == 200
    assert recorder.seen[0][1] == b"first,second,third"


async def test_a_redirect_is_handed_back_not_followed(
    serve_recording: Serve, transport: AiohttpTransport
) -> None:
    """A 302 is the answer; its Location is not requested."""
    recorder, base_url = await serve_recording(
        lambda head: answer(b"", status=b"302 Found", headers=b"Location: /elsewhere\r\n")
    )
    response = await exchange(transport, httpx.Request("GET", f"{base_url}/here"))
    assert response.status_code == 302
    assert len(recorder.seen) == 1


async def test_no_cookie_is_kept(serve_recording: Serve, transport: AiohttpTransport) -> None:
    """A cookie the server sets is never sent back."""
    recorder, base_url = await serve_recording(
        lambda head: answer(headers=b"Set-Cookie: session=secret; Path=/\r\n")
    )
    for _ in range(2):
        await exchange(transport, httpx.Request("GET", f"{base_url}/v2/users/me"))
    assert "cookie" not in dict(recorder.headers(1))


async def test_a_compressed_body_is_decoded_by_httpx_as_before(
    serve_recording: Serve, transport: AiohttpTransport
) -> None:
    """aiohttp hands the bytes over as they came; httpx decodes them, counting both sizes."""
    packed = gzip.compress(OK * 100)
    await_reply = answer(packed, headers=b"Content-Encoding: gzip\r\n")
    _, base_url = await serve_recording(lambda head: await_reply)
    async with httpx.AsyncClient(transport=transport) as client:
        response = await client.get(f"{base_url}/v2/flows")
    assert response.content == OK * 100
    assert response.num_bytes_downloaded == len(packed)


# --- failures, as httpx's exceptions ------------------------------------------------------------


async def test_a_refused_connection_is_a_connect_error(transport: AiohttpTransport) -> None:
    """Nothing was sent: ConnectError, chained to aiohttp's error."""
    listening = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = listening.sockets[0].getsockname()[1]
    listening.close()
    await listening.wait_closed()
    with pytest.raises(httpx.ConnectError) as raised:
        await exchange(transport, httpx.Request("POST", f"http://127.0.0.1:{port}/", content=b"x"))
    assert isinstance(raised.value.__cause__, aiohttp.ClientConnectorError)


async def test_a_silent_server_is_a_read_timeout(
    serve_recording: Serve, transport: AiohttpTransport
) -> None:
    """A request sent and never answered within the read timeout: ReadTimeout."""
    _, base_url = await serve_recording(lambda head: None)
    request = httpx.Request("GET", f"{base_url}/", extensions={"timeout": {"read": 0.05}})
    with pytest.raises(httpx.ReadTimeout):
        async with asyncio.timeout(GUARD):
            await exchange(transport, request)


async def test_a_body_cut_short_is_a_remote_protocol_error(
    serve_recording: Serve, transport: AiohttpTransport
) -> None:
    """Fewer bytes than Content-Length, then a hang-up: RemoteProtocolError while reading."""
    _, base_url = await serve_recording(
        lambda head: b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort", hang_up=True
    )
    with pytest.raises(httpx.RemoteProtocolError):
        async with asyncio.timeout(GUARD):
            await exchange(transport, httpx.Request("GET", f"{base_url}/"))


async def test_no_free_connection_is_a_pool_timeout(serve_recording: Serve) -> None:
    """With its one connection held, a second request waits the pool timeout, then fails;
    once the first is closed, the next gets the connection."""
    _, base_url = await serve_recording(lambda head: answer())
    transport = AiohttpTransport(max_connections=1, trust_env=False)
    try:
        held = await transport.handle_async_request(httpx.Request("GET", f"{base_url}/1"))
        waiting = httpx.Request("GET", f"{base_url}/2", extensions={"timeout": {"pool": 0.01}})
        with pytest.raises(httpx.PoolTimeout):
            await transport.handle_async_request(waiting)
        await held.aclose()
        assert (await exchange(transport, waiting)).status_code == 200
    finally:
        await transport.aclose()


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (aiohttp.ConnectionTimeoutError(), httpx.ConnectTimeout),
        (aiohttp.SocketTimeoutError(), httpx.ReadTimeout),
        (aiohttp.ServerDisconnectedError(), httpx.RemoteProtocolError),
        (aiohttp.ClientOSError(104, "reset"), httpx.ReadError),
        (aiohttp.ClientConnectionResetError("reset"), httpx.ReadError),
        (aiohttp.NonHttpUrlClientError("ftp://x"), httpx.UnsupportedProtocol),
        (TimeoutError(), httpx.ReadTimeout),
        (aiohttp.ClientError("something new"), httpx.TransportError),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, BaseException) else "",
)
def test_each_aiohttp_error_has_its_httpx_counterpart(
    error: BaseException, expected: type[httpx.TransportError]
) -> None:
    """Only a failure to connect says "not sent"; the rest may have been processed."""
    mapped = as_httpx_error(error, httpx.Request("POST", "http://127.0.0.1:9/"))
    assert type(mapped) is expected


# --- proxies from the environment -------------------------------------------------------------

ENVIRONMENTS = [
    {"HTTP_PROXY": "http://proxy:3128"},
    {"HTTPS_PROXY": "proxy.corp:8080", "NO_PROXY": "api.elastic.io"},
    {"ALL_PROXY": "http://all:1", "HTTP_PROXY": "http://plain:2", "NO_PROXY": ".elastic.io"},
    {"ALL_PROXY": "http://all:1", "NO_PROXY": "*"},
    {"HTTP_PROXY": "http://proxy:3128", "NO_PROXY": "127.0.0.1,localhost"},
]
URLS = [
    "http://api.elastic.io/v2/flows",
    "https://api.elastic.io/v2/flows",
    "https://eu.elastic.io/v2/flows",
    "http://127.0.0.1:8000/v2/flows",
    "http://localhost/v2",
]


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_proxies_are_read_from_the_environment_as_httpx_reads_them(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]
) -> None:
    """For each URL, the proxy (or none) that an httpx client of its own would use."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        for spelling in (name, name.lower()):
            monkeypatch.delenv(spelling, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    ours = AiohttpTransport()
    theirs = httpx.AsyncClient()
    for url in map(httpx.URL, URLS):
        chosen = theirs._transport_for_url(url)
        proxy = ours.proxy_for(url)
        if chosen is theirs._transport:
            assert proxy is None, url
        else:
            assert proxy is not None, url
            expected = chosen._pool._proxy_url  # type: ignore[attr-defined]
            assert (proxy.url.raw_scheme, proxy.url.raw_host, proxy.url.port) == (
                expected.scheme,
                expected.host,
                expected.port,
            )


def test_the_environment_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy set after the transport was made is not used by it."""
    monkeypatch.delenv("HTTP_PROXY", raising=False)
    monkeypatch.delenv("http_proxy", raising=False)
    transport = AiohttpTransport()
    monkeypatch.setenv("HTTP_PROXY", "http://late:1")
    assert transport.proxy_for(httpx.URL("http://api.elastic.io/")) is None


def test_a_socks_proxy_is_refused_when_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """aiohttp speaks to http and https proxies only: said at once, not at the first request."""
    monkeypatch.setenv("ALL_PROXY", "socks5://proxy:1080")
    with pytest.raises(ConfigurationError, match="socks5"):
        AiohttpTransport()


async def test_a_proxy_from_the_environment_carries_the_request(
    serve_recording: Serve, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    """HTTP_PROXY with credentials: the request goes to the proxy, in absolute form, with
    the proxy's credentials in Proxy-Authorization and not in the URL."""
    recorder, proxy_url = await serve_recording(lambda head: answer())
    monkeypatch.setenv("HTTP_PROXY", proxy_url.replace("http://", "http://user:pass@"))
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    async with AsyncClient(
        email=EMAIL,
        api_key=API_KEY,
        base_url="http://platform.invalid",
        allow_insecure_http=True,
        transport=AiohttpTransport(),
        clock=clock,
    ) as client:
        await client.request("GET", "/v2/users/me")
    head = recorder.seen[0][0]
    assert head.startswith(b"GET http://platform.invalid/v2/users/me HTTP/1.1\r\n")
    assert ("proxy-authorization", "Basic " + base64.b64encode(b"user:pass").decode()) in (
        recorder.headers()
    )
    assert b"pass@" not in head


async def test_no_proxy_is_honoured(
    serve_recording: Serve, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    """A host in NO_PROXY is reached directly."""
    recorder, base_url = await serve_recording(lambda head: answer())
    proxy_recorder, proxy_url = await serve_recording(lambda head: answer())
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    async with AsyncClient(
        email=EMAIL, api_key=API_KEY, base_url=base_url, transport=AiohttpTransport(), clock=clock
    ) as client:
        await client.request("GET", "/v2/users/me")
    assert len(recorder.seen) == 1
    assert proxy_recorder.seen == []


# --- lifecycle ---------------------------------------------------------------------------------


async def test_aclose_closes_the_session_and_refuses_more(serve_recording: Serve) -> None:
    """After aclose, aiohttp's session is closed and a request is refused plainly."""
    _, base_url = await serve_recording(lambda head: answer())
    transport = AiohttpTransport(trust_env=False)
    await exchange(transport, httpx.Request("GET", f"{base_url}/"))
    session = transport._session
    await transport.aclose()
    assert session is not None
    assert session.closed
    with pytest.raises(RuntimeError, match="closed"):
        await transport.handle_async_request(httpx.Request("GET", f"{base_url}/"))


async def test_the_clients_aclose_closes_the_transport(
    serve_recording: Serve, clock: FakeClock
) -> None:
    """An AsyncClient closing closes the transport it was given, aiohttp's session with it."""
    _, base_url = await serve_recording(lambda head: answer())
    transport = AiohttpTransport(trust_env=False)
    async with AsyncClient(
        email=EMAIL, api_key=API_KEY, base_url=base_url, transport=transport, clock=clock
    ) as client:
        await client.request("GET", "/v2/users/me")
    assert transport._session is not None
    assert transport._session.closed


async def test_another_event_loop_is_refused(
    serve_recording: Serve, transport: AiohttpTransport
) -> None:
    """The transport belongs to the loop of its first request; another loop is told so."""
    _, base_url = await serve_recording(lambda head: answer())
    await exchange(transport, httpx.Request("GET", f"{base_url}/"))
    failures: list[BaseException] = []

    def elsewhere() -> None:
        try:
            asyncio.run(transport.handle_async_request(httpx.Request("GET", f"{base_url}/")))
        except BaseException as exc:  # handed to the test's thread
            failures.append(exc)

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join(GUARD)
    assert len(failures) == 1
    assert isinstance(failures[0], RuntimeError)
    assert "another event loop" in str(failures[0])


def test_importing_elasticio_does_not_import_aiohttp() -> None:
    """aiohttp loads when AiohttpTransport is first read, not before."""
    assert "aiohttp" not in _modules_after("import elasticio")
    assert "aiohttp" in _modules_after("from elasticio import AiohttpTransport")


def test_without_aiohttp_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """With aiohttp missing, the import error says which extra to install."""
    monkeypatch.setitem(sys.modules, "aiohttp", None)
    monkeypatch.delitem(sys.modules, "elasticio._aiohttp")
    with pytest.raises(ImportError, match=r"the 'aiohttp' extra: pip install '\.\[aiohttp\]'"):
        importlib.import_module("elasticio._aiohttp")
