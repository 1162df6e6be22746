"""The three transports (the SDK's own `DirectTransport`, the default; httpx's own; and
`AiohttpTransport`) over a real loopback socket: a connection dropped after the request was
sent is reported as such, so the retry rules see it for what it is."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import httpx
import pytest

from elasticio import AiohttpTransport, APIConnectionError, AsyncClient
from elasticio._direct.transport import DirectTransport
from tests._support.clock import FakeClock
from tests._support.loopback import listening


class DroppingServer:
    """Reads each request whole, then closes the connection without answering."""

    def __init__(self) -> None:
        self.requests: list[bytes] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await reader.readexactly(length)
        self.requests.append(head.split(b" ", 1)[0])
        writer.close()
        await writer.wait_closed()


@pytest.fixture(params=["direct", "httpcore", "aiohttp"])
def transport(request: pytest.FixtureRequest) -> httpx.AsyncBaseTransport | None:
    """The transport under test: None for the SDK's default (DirectTransport)."""
    if request.param == "httpcore":
        return httpx.AsyncHTTPTransport()
    return AiohttpTransport() if request.param == "aiohttp" else None


@pytest.fixture
async def dropping() -> AsyncIterator[tuple[DroppingServer, str]]:
    server = DroppingServer()
    async with listening(server.handle) as base_url:
        yield server, base_url


def client_for(
    base_url: str,
    clock: FakeClock,
    transport: httpx.AsyncBaseTransport | None,
    max_retries: int | None = None,
) -> AsyncClient:
    """A client of ``base_url`` over ``transport`` (None: the default) on ``clock``."""
    return AsyncClient(
        email="me@example.com",
        api_key="key",
        base_url=base_url,
        sleep=clock.sleep,
        clock=clock,
        max_retries=max_retries,
        transport=transport,
    )


async def test_a_post_whose_connection_drops_is_sent_once(
    dropping: tuple[DroppingServer, str],
    clock: FakeClock,
    transport: httpx.AsyncBaseTransport | None,
) -> None:
    """The server may have processed it: it is not sent again."""
    server, base_url = dropping
    async with client_for(base_url, clock, transport) as client:
        with pytest.raises(APIConnectionError) as raised:
            await client.request("POST", "/v2/flows/1/start", json={"a": 1})
    assert raised.value.retries_taken == 0
    assert server.requests == [b"POST"]


async def test_a_get_whose_connection_drops_is_retried(
    dropping: tuple[DroppingServer, str],
    clock: FakeClock,
    transport: httpx.AsyncBaseTransport | None,
) -> None:
    """An idempotent request is tried again, up to the policy's retries."""
    server, base_url = dropping
    async with client_for(base_url, clock, transport, max_retries=2) as client:
        with pytest.raises(APIConnectionError) as raised:
            await client.request("GET", "/v2/flows/1")
    assert raised.value.retries_taken == 2
    assert server.requests == [b"GET"] * 3


async def test_a_connection_never_accepted_is_a_connect_timeout(
    transport: httpx.AsyncBaseTransport | None,
) -> None:
    """A listener whose queue is full leaves a new connection unanswered: ConnectTimeout,
    the error after which even a POST may be sent again (nothing went out)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    queued = [socket.socket() for _ in range(3)]
    for waiting in queued:
        waiting.setblocking(False)
        waiting.connect_ex(("127.0.0.1", port))
    chosen = transport or DirectTransport()
    timeouts = {"connect": 0.2, "read": 5.0, "write": 5.0, "pool": 5.0}
    request = httpx.Request(
        "POST", f"http://127.0.0.1:{port}/", content=b"x", extensions={"timeout": timeouts}
    )
    try:
        with pytest.raises(httpx.ConnectTimeout):
            async with asyncio.timeout(10.0):
                await chosen.handle_async_request(request)
    finally:
        await chosen.aclose()
        for waiting in queued:
            waiting.close()
        listener.close()
