"""The SDK's connection pool (`QuickPool`) over a real loopback socket: the connections it
keeps, reuses, opens and closes are the ones httpcore's own pool would."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import httpcore
import httpx
import pytest

from elasticio import AsyncClient
from elasticio._pool import new_http_client
from elasticio._quick_pool import SWEEP, QuickPool, fits, quicken
from tests._support.clock import FakeClock
from tests._support.loopback import listening

BODY = b'{"meta": {}}'
GUARD = 5.0  # a bound on real waiting: a regression must fail, not hang


class KeepAliveServer:
    """Answers every request with 200 on a kept-alive connection; counts connections,
    can hold answers until released, and can close the connections it is not answering on."""

    def __init__(self) -> None:
        self.connections = 0
        self.idle: set[asyncio.StreamWriter] = set()
        self.open = 0
        self.release = asyncio.Event()
        self.release.set()
        self.waiting = 0
        self.changed = asyncio.Event()  # set when ``waiting`` or ``open`` changes

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.open += 1
        try:
            while True:
                self.idle.add(writer)
                try:
                    await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                self.idle.discard(writer)
                self.waiting += 1
                self.changed.set()
                await self.release.wait()
                self.waiting -= 1
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(BODY), BODY)
                )
                await writer.drain()
        finally:
            self.idle.discard(writer)
            self.open -= 1
            self.changed.set()
            writer.close()

    async def close_idle(self) -> None:
        """Close every connection waiting for its next request, as a server's keep-alive
        timeout does."""
        closing = list(self.idle)
        for writer in closing:
            writer.close()
        for writer in closing:
            await writer.wait_closed()

    async def until(self, ready: Callable[[], bool]) -> None:
        """Wait until ``ready()`` holds, checked whenever a count changes."""
        async with asyncio.timeout(GUARD):
            while not ready():
                self.changed.clear()
                await self.changed.wait()


@pytest.fixture
async def server() -> AsyncIterator[tuple[KeepAliveServer, str]]:
    served = KeepAliveServer()
    async with listening(served.handle) as base_url:
        yield served, f"{base_url}/"


def quick_client(limits: httpx.Limits, clock: FakeClock | None = None) -> httpx.AsyncClient:
    """An httpx client with ``limits`` whose pool is a `QuickPool` on ``clock``."""
    http = httpx.AsyncClient(limits=limits)
    assert quicken(http)
    if clock is not None:
        pool_of(http).clock = clock
    return http


def pool_of(http: httpx.AsyncClient) -> QuickPool:
    pool = http._transport._pool  # type: ignore[attr-defined]
    assert isinstance(pool, QuickPool)
    return pool


async def test_the_sdks_own_pool_is_the_quick_one() -> None:
    """A client the SDK builds gets it; an http_client or a transport of the user's is
    used as given."""
    async with AsyncClient(email="me@example.com", api_key="key") as client:
        assert type(client._core.http._transport._pool) is QuickPool  # type: ignore[attr-defined]
    given = httpx.AsyncHTTPTransport()
    async with AsyncClient(email="me@example.com", api_key="key", transport=given) as client:
        assert type(given._pool) is httpcore.AsyncConnectionPool
    async with (
        httpx.AsyncClient() as http,
        AsyncClient(email="me@example.com", api_key="key", http_client=http),
    ):
        assert type(http._transport._pool) is httpcore.AsyncConnectionPool  # type: ignore[attr-defined]


async def test_a_proxys_pool_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a proxy from the environment, requests through it go by httpcore's proxy
    pool, untouched; the direct pool is still the quick one."""
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    http = new_http_client(transport=None, timeout=httpx.Timeout(5), max_concurrency=4)
    async with http:
        proxies = [mount._pool for mount in http._mounts.values() if mount is not None]  # type: ignore[union-attr, attr-defined]
        assert proxies
        assert all(type(pool) is httpcore.AsyncHTTPProxy for pool in proxies)
        assert type(pool_of(http)) is QuickPool


async def test_requests_one_after_another_share_one_connection(
    server: tuple[KeepAliveServer, str],
) -> None:
    served, url = server
    async with quick_client(httpx.Limits(max_connections=4)) as http:
        for _ in range(5):
            assert (await http.get(url)).content == BODY
    assert served.connections == 1


async def test_never_more_connections_than_the_limit(
    server: tuple[KeepAliveServer, str],
) -> None:
    """Ten requests at once through a pool of three: three connections, the other
    requests wait for one, and all are answered."""
    served, url = server
    served.release.clear()
    async with quick_client(httpx.Limits(max_connections=3)) as http:
        requests = asyncio.gather(*(http.get(url) for _ in range(10)))
        await served.until(lambda: served.waiting == 3)
        for _ in range(20):
            await asyncio.sleep(0)
        assert served.connections == 3
        served.release.set()
        async with asyncio.timeout(GUARD):
            answers = await requests
    assert [answer.status_code for answer in answers] == [200] * 10
    assert served.connections == 3


async def test_a_connection_the_server_closed_is_not_reused(
    server: tuple[KeepAliveServer, str],
) -> None:
    """The server closes the kept-alive connection; the next request opens another and
    is answered, not failed."""
    served, url = server
    async with quick_client(httpx.Limits(max_connections=4)) as http:
        await http.get(url)
        await served.close_idle()
        assert (await http.get(url)).status_code == 200
        assert served.connections == 2
        assert len(pool_of(http).connections) == 1


async def test_idle_connections_past_the_keepalive_limit_close_at_the_sweep(
    server: tuple[KeepAliveServer, str],
) -> None:
    """Four connections opened at once, one kept alive: within a sweep interval the idle
    ones stay; at the next sweep all but the oldest close."""
    served, url = server
    clock = FakeClock()
    served.release.clear()
    limits = httpx.Limits(max_connections=4, max_keepalive_connections=1)
    async with quick_client(limits, clock) as http:
        requests = asyncio.gather(*(http.get(url) for _ in range(4)))
        await served.until(lambda: served.waiting == 4)
        served.release.set()
        await requests
        pool = pool_of(http)
        assert len(pool.connections) == 4
        clock.advance(SWEEP)
        await http.get(url)
        assert len(pool.connections) == 1
        await served.until(lambda: served.open == 1)
    assert served.connections == 4


async def test_two_requests_at_once_get_two_idle_connections(
    server: tuple[KeepAliveServer, str],
) -> None:
    """Two idle connections, two requests entering the pool before either starts: each
    gets one of them, so each request costs the pool two steps (in and out). httpcore's
    pool gives both the first, and the request that finds it busy goes round again."""
    served, url = server
    steps = 0

    class Counting(QuickPool):
        def _assign_requests_to_connections(self) -> list[httpcore.AsyncConnectionInterface]:
            nonlocal steps
            steps += 1
            return super()._assign_requests_to_connections()

    served.release.clear()
    async with quick_client(httpx.Limits(max_connections=4)) as http:
        opening = asyncio.gather(http.get(url), http.get(url))
        await served.until(lambda: served.waiting == 2)
        served.release.set()
        await opening
        pool_of(http).__class__ = Counting
        answers = await asyncio.gather(http.get(url), http.get(url))
    assert [answer.status_code for answer in answers] == [200, 200]
    assert steps == 4
    assert served.connections == 2


def test_without_the_step_it_replaces_the_stock_pool_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An httpcore whose pool lacks the state QuickPool reads keeps its own pool."""
    http = httpx.AsyncClient()
    pool = http._transport._pool  # type: ignore[attr-defined]
    assert fits(pool)
    monkeypatch.delattr(httpcore.AsyncConnectionPool, "_assign_requests_to_connections")
    assert not fits(pool)
    assert not quicken(http)
    assert type(http._transport._pool) is httpcore.AsyncConnectionPool  # type: ignore[attr-defined]
