"""The response size limit: a body is read up to ``max_response_size`` decoded bytes, no further."""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from elasticio import (
    AiohttpTransport,
    APIProtocolError,
    AsyncClient,
    ConfigurationError,
    DecodeError,
    ResponseTooLargeError,
)
from elasticio._pool import pool_limits
from tests._support.clock import FakeClock
from tests._support.offline import BASE_URL, MakeClient

MiB = 1024 * 1024
CHUNK = 64 * 1024  # what one network read brings, at most, in httpcore


class Body(httpx.AsyncByteStream):
    """A response body made on demand, ``pulls`` at most (a bound: a broken limit ends the
    test instead of filling memory); counts what was pulled and whether it was closed."""

    def __init__(self, chunk: Callable[[], bytes], *, pulls: int) -> None:
        self.chunk = chunk
        self.most = pulls
        self.pulls = 0
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.pulls < self.most:
            self.pulls += 1
            yield self.chunk()

    async def aclose(self) -> None:
        self.closed = True


def endless(pulls: int) -> Body:
    """Plain bytes, CHUNK at a time."""
    return Body(lambda: b"x" * CHUNK, pulls=pulls)


def gzip_bomb(pulls: int) -> Body:
    """A gzip stream of zeros: each pull is about 1 KiB on the wire and 1 MiB decoded."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)

    def chunk() -> bytes:
        return compressor.compress(b"\0" * MiB) + compressor.flush(zlib.Z_SYNC_FLUSH)

    return Body(chunk, pulls=pulls)


def serving(
    body: Body, status_code: int = 200, calls: list[httpx.Request] | None = None, **headers: str
) -> Callable[[httpx.Request], httpx.Response]:
    """A handler answering every request with ``body``; the requests land in ``calls``."""

    def handler(request: httpx.Request) -> httpx.Response:
        if calls is not None:
            calls.append(request)
        return httpx.Response(status_code, headers=headers, stream=body)

    return handler


async def test_an_endless_body_stops_at_the_limit(make_client: MakeClient) -> None:
    """ResponseTooLargeError once the body passes the limit; nothing read past it; closed."""
    body = endless(pulls=200)
    client = make_client(serving(body), max_response_size=MiB)
    with pytest.raises(ResponseTooLargeError) as caught:
        await client.request("GET", "/v2/x")
    assert body.pulls == MiB // CHUNK + 1
    assert body.closed
    error = caught.value
    assert isinstance(error, APIProtocolError)
    assert (error.limit, error.status_code) == (MiB, 200)
    assert (error.method, error.url) == ("GET", f"{BASE_URL}/v2/x")
    assert "max_response_size" in str(error)


async def test_a_gzip_bomb_stops_at_the_limit_of_decoded_bytes(make_client: MakeClient) -> None:
    """The limit counts bytes once inflated: a bomb is abandoned after the read that passes it."""
    body = gzip_bomb(pulls=64)
    client = make_client(serving(body, **{"Content-Encoding": "gzip"}), max_response_size=2 * MiB)
    with pytest.raises(ResponseTooLargeError):
        await client.request("GET", "/v2/x")
    assert body.pulls <= 3
    assert body.closed


async def test_the_default_limit_is_64_mib(make_client: MakeClient) -> None:
    """Without max_response_size a body stops at 64 MiB."""
    body = endless(pulls=64 * MiB // CHUNK + 16)
    client = make_client(serving(body))
    with pytest.raises(ResponseTooLargeError) as caught:
        await client.request("GET", "/v2/x")
    assert caught.value.limit == 64 * MiB
    assert body.pulls == 64 * MiB // CHUNK + 1


async def test_a_body_at_the_limit_is_read(make_client: MakeClient) -> None:
    """Exactly max_response_size bytes is still a body, decoded as usual."""
    padding = "x" * (MiB - len(b'{"meta": {"p": ""}}'))
    content = b'{"meta": {"p": "' + padding.encode() + b'"}}'
    assert len(content) == MiB
    client = make_client(
        lambda request: httpx.Response(200, content=content), max_response_size=MiB
    )
    document = await client.request("GET", "/v2/x")
    assert document.meta == {"p": padding}


async def test_no_limit_reads_a_large_body(make_client: MakeClient) -> None:
    """max_response_size=None reads whatever comes."""
    body = endless(pulls=40)
    client = make_client(serving(body), max_response_size=None)
    with pytest.raises(DecodeError):  # read whole: 2.5 MiB of "x" is no JSON
        await client.request("GET", "/v2/x")
    assert body.pulls == 40


async def test_an_oversized_error_body_is_refused_too_and_not_retried(
    make_client: MakeClient, clock: FakeClock
) -> None:
    """A 503 with an endless body: one attempt, ResponseTooLargeError, no retry wait."""
    calls: list[httpx.Request] = []
    client = make_client(serving(endless(pulls=200), 503, calls), max_response_size=MiB)
    with pytest.raises(ResponseTooLargeError) as caught:
        await client.request("GET", "/v2/x")
    assert caught.value.status_code == 503
    assert len(calls) == 1
    assert clock.sleeps == []


async def test_the_slot_is_free_after_an_oversized_body(make_client: MakeClient) -> None:
    """With one slot, a request after a refused body still goes through."""
    bodies = [endless(pulls=200)]

    def handler(request: httpx.Request) -> httpx.Response:
        if bodies:
            return httpx.Response(200, stream=bodies.pop())
        return httpx.Response(200, json={"meta": {"ok": True}})

    client = make_client(handler, max_response_size=MiB, max_concurrency=1)
    with pytest.raises(ResponseTooLargeError):
        await client.request("GET", "/v2/x")
    assert (await client.request("GET", "/v2/x")).meta == {"ok": True}


@pytest.mark.parametrize("value", [0, -1, 1.5, "64MiB", True])
def test_max_response_size_must_be_a_positive_whole_number(value: object) -> None:
    """A bad max_response_size is a ConfigurationError naming it."""
    with pytest.raises(ConfigurationError, match="max_response_size"):
        AsyncClient("a@example.com", "key", max_response_size=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("transport_kind", ["direct", "httpcore", "aiohttp"])
async def test_the_pooled_connection_is_released_after_an_oversized_body(
    make_client: MakeClient, transport_kind: str
) -> None:
    """Over real loopback sockets, with a pool of one connection (the default DirectTransport,
    httpx's own transport or AiohttpTransport): after a refused body the next request gets
    a connection (a leaked one would end in a pool timeout)."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                big = head.startswith(b"GET /v2/big ")
                body = b"x" * 8 * MiB if big else b'{"meta": {"ok": true}}'
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body))
                writer.write(body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        client = make_client(
            None,
            base_url=f"http://127.0.0.1:{port}",
            transport={
                "direct": None,
                "httpcore": httpx.AsyncHTTPTransport(limits=pool_limits(1)),
                "aiohttp": AiohttpTransport(max_connections=1),
            }[transport_kind],
            timeout=httpx.Timeout(5.0, pool=0.5),
            max_concurrency=1,
            max_response_size=MiB,
        )
        with pytest.raises(ResponseTooLargeError):
            await client.request("GET", "/v2/big")
        for _ in range(3):
            assert (await client.request("GET", "/v2/small")).meta == {"ok": True}
