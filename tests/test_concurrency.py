"""The client-wide concurrency limit: attempts in flight, not requests waiting to retry."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import respx

from elasticio import AsyncClient, ConfigurationError
from elasticio._client import DEFAULT_MAX_CONCURRENCY, pool_limits
from tests._support.clock import FakeClock
from tests._support.offline import API_KEY, EMAIL, MakeClient, offline_client

PATH = "/v2/things"
GUARD = 5.0  # a safety net against a hanging test, never reached when the code is right


class Gate:
    """A transport that holds each request until the test lets it through, counting how
    many are inside at once."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.most = 0
        self.held: list[asyncio.Future[None]] = []
        self.changed = asyncio.Condition()

    async def handler(self, request: httpx.Request) -> httpx.Response:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        entry: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.held.append(entry)
        async with self.changed:
            self.changed.notify_all()
        try:
            await entry
        finally:
            self.in_flight -= 1
        return httpx.Response(200, json={"meta": {"path": request.url.path}})

    async def until_held(self, count: int) -> None:
        """Wait until ``count`` requests are held (the loop runs meanwhile, no sleeping)."""
        async with asyncio.timeout(GUARD), self.changed:
            await self.changed.wait_for(lambda: len(self.held) >= count)

    def release(self) -> None:
        """Let the longest-held request answer."""
        self.held.pop(0).set_result(None)


async def test_never_more_than_the_limit_in_flight(make_client: MakeClient) -> None:
    """With max_concurrency=3, 20 concurrent requests: at most 3 inside, all 20 complete."""
    gate = Gate()
    c = make_client(gate.handler, max_concurrency=3)
    tasks = [asyncio.create_task(c.request("GET", f"{PATH}/{n}")) for n in range(20)]
    for released in range(20):
        await gate.until_held(min(3, 20 - released))
        assert gate.in_flight <= 3
        gate.release()
    documents = await asyncio.gather(*tasks)
    assert gate.most == 3
    assert sorted(d.meta["path"] for d in documents) == sorted(f"{PATH}/{n}" for n in range(20))
    assert c.stats.requests == 20


async def test_a_request_waiting_to_retry_holds_no_slot(
    router: respx.MockRouter, clock: FakeClock
) -> None:
    """With one slot, a request sleeping before its retry lets another one through."""
    sleeping, wake = asyncio.Event(), asyncio.Event()

    async def sleep(seconds: float) -> None:
        sleeping.set()
        await wake.wait()

    router.get(f"{PATH}/a").mock(
        side_effect=[httpx.Response(503, headers={"Retry-After": "1"}), httpx.Response(200)]
    )
    router.get(f"{PATH}/b").respond(200, json={"meta": {"b": True}})
    async with offline_client(
        router.async_handler, sleep=sleep, clock=clock, max_concurrency=1
    ) as c:
        first = asyncio.create_task(c.request("GET", f"{PATH}/a"))
        async with asyncio.timeout(GUARD):
            await sleeping.wait()
            second = await c.request("GET", f"{PATH}/b")
        assert second.meta == {"b": True}
        assert not first.done()
        wake.set()
        await first
    assert c.stats.retries == 1


async def test_clients_from_with_options_share_the_limit(make_client: MakeClient) -> None:
    """A derived client's requests wait for the same slots as the original's."""
    gate = Gate()
    c = make_client(gate.handler, max_concurrency=1)
    derived = c.with_options(max_retries=0)
    first = asyncio.create_task(c.request("GET", f"{PATH}/1"))
    second = asyncio.create_task(derived.request("GET", f"{PATH}/2"))
    await gate.until_held(1)
    for _ in range(10):  # give the derived request every chance to get in
        await asyncio.sleep(0)
    assert len(gate.held) == 1
    gate.release()
    await gate.until_held(1)
    gate.release()
    await asyncio.gather(first, second)
    assert gate.most == 1
    assert derived.max_concurrency == 1


async def test_a_cancelled_request_gives_its_slot_back(make_client: MakeClient) -> None:
    """Cancelling a request in flight frees its slot for the next one."""
    gate = Gate()
    c = make_client(gate.handler, max_concurrency=1)
    first = asyncio.create_task(c.request("GET", f"{PATH}/1"))
    await gate.until_held(1)
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    gate.held.clear()
    second = asyncio.create_task(c.request("GET", f"{PATH}/2"))
    await gate.until_held(1)
    gate.release()
    assert (await second).meta == {"path": f"{PATH}/2"}


async def test_none_means_no_limit(make_client: MakeClient) -> None:
    """max_concurrency=None lets all 20 requests in at once."""
    gate = Gate()
    c = make_client(gate.handler, max_concurrency=None)
    tasks = [asyncio.create_task(c.request("GET", PATH)) for _ in range(20)]
    await gate.until_held(20)
    assert gate.in_flight == 20
    for _ in range(20):
        gate.release()
    await asyncio.gather(*tasks)
    assert c.max_concurrency is None


def test_the_default_limit(make_client: MakeClient) -> None:
    """A client allows 64 requests in flight unless told otherwise."""
    assert DEFAULT_MAX_CONCURRENCY == 64
    assert make_client(Gate().handler).max_concurrency == 64


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "8"])
def test_nonsense_limits_are_refused(bad: Any) -> None:
    """Zero, negative, boolean and non-integer limits raise ConfigurationError."""
    with pytest.raises(ConfigurationError, match="max_concurrency"):
        AsyncClient(email=EMAIL, api_key=API_KEY, max_concurrency=bad)


@pytest.mark.parametrize("limit", [1, 3, 64, 500])
def test_pool_limits_hold_a_connection_per_slot(limit: int) -> None:
    """The pool has as many connections (and keep-alive ones) as the client has slots."""
    limits = pool_limits(limit)
    assert limits.max_connections == limit
    assert limits.max_keepalive_connections == limit


def test_pool_limits_without_a_limit_are_httpx_defaults() -> None:
    """With no limit of the SDK's own, httpx's defaults stand."""
    assert pool_limits(None) == httpx.Limits()


async def test_the_client_builds_its_pool_with_those_limits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The httpx client the SDK makes gets pool_limits(max_concurrency)."""
    seen: list[Any] = []

    class Recording(httpx.AsyncClient):
        def __init__(self, **kwargs: Any) -> None:
            seen.append(kwargs.get("limits"))
            super().__init__(**kwargs)

    monkeypatch.setattr(httpx, "AsyncClient", Recording)
    async with AsyncClient(email=EMAIL, api_key=API_KEY, max_concurrency=7):
        pass
    assert seen == [pool_limits(7)]
