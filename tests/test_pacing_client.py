"""Pacing through the client: a set rate, what a server's headers say, the emulator's limit."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import respx

from elasticio import APIConnectionError, AsyncClient, Client, RatePolicy, RetryPolicy
from elasticio.testing import Emulator, EmulatorSettings, VirtualClock
from tests._support.clock import FakeClock
from tests._support.offline import offline_client
from tests._support.timeline import Timeline

OK = {"meta": {"ok": True}}


async def test_a_client_without_slow_start_sends_freely(router: respx.MockRouter) -> None:
    """Without a limit seen or set, and no slow start, requests take no sleep and no rate
    is shown."""
    clock = FakeClock()
    router.get("/v2/things").mock(return_value=httpx.Response(200, json=OK))
    async with offline_client(
        router.async_handler, clock, pacing=RatePolicy(slow_start=False)
    ) as client:
        for _ in range(5):
            await client.request("GET", "/v2/things")
    assert clock.sleeps == []
    assert client.rate_limit is None
    assert client.stats.throttled == 0


async def test_a_client_alone_is_not_slowed_by_the_slow_start(
    router: respx.MockRouter,
) -> None:
    """As shipped, one request after another takes no sleep, even on a clock that stands
    still (as the emulator's virtual clock does): the ramp spaces concurrent requests."""
    clock = FakeClock()
    router.get("/v2/things").mock(return_value=httpx.Response(200, json=OK))
    async with offline_client(router.async_handler, clock) as client:
        for _ in range(5):
            await client.request("GET", "/v2/things")
    assert clock.sleeps == []
    assert client.rate_limit is None


async def test_a_request_that_failed_is_no_longer_in_flight(router: respx.MockRouter) -> None:
    """A request that got no answer (a dropped connection) leaves the client alone again:
    the next one, one at a time, still takes no sleep."""
    clock = FakeClock()
    router.get("/v2/things").mock(
        side_effect=[httpx.ConnectError("dropped"), httpx.Response(200, json=OK)]
    )
    async with offline_client(router.async_handler, clock) as client:
        with pytest.raises(APIConnectionError):
            await client.with_options(max_retries=0).request("GET", "/v2/things")
        await client.request("GET", "/v2/things")
    assert clock.sleeps == []


async def test_a_client_ramps_up_concurrent_requests(router: respx.MockRouter) -> None:
    """As shipped, requests sent together are spaced by the slow start, at 100/s at
    first; no limit is shown, as none is known."""
    clock = FakeClock()
    router.get("/v2/things").mock(return_value=httpx.Response(200, json=OK))
    async with offline_client(router.async_handler, clock) as client:
        await asyncio.gather(*(client.request("GET", "/v2/things") for _ in range(5)))
    assert client.stats.throttled >= 3
    assert clock.sleeps[0] == pytest.approx(0.01)
    assert client.rate_limit is None


async def test_the_client_times_round_trips_for_the_ramps_window() -> None:
    """The client tells the pacer how long each round trip took. After one of 0.1 s and
    one of 0.5 s (a queue), the ramp (110/s) lets 2 x 110 x 0.1 = 22 requests be in
    flight; the others wait for answers."""
    timeline = Timeline()
    trips = [0.1, 0.5]
    answers = asyncio.Event()
    inside = 0

    async def answer(request: httpx.Request) -> httpx.Response:
        nonlocal inside
        inside += 1
        if trips:
            timeline.now += trips.pop(0)
        await answers.wait()
        inside -= 1
        return httpx.Response(200, json=OK)

    answers.set()
    async with offline_client(answer, clock=timeline, sleep=timeline.sleep) as client:
        for _ in range(2):
            await client.request("GET", "/v2/things")
        answers.clear()
        requests = asyncio.gather(*(client.request("GET", "/v2/things") for _ in range(30)))
        await timeline.run(until=timeline.now + 0.3)  # 22 paced at 110/s take 0.2 s
        assert inside == 22
        answers.set()
        await timeline.run()
        await requests


async def test_a_set_rate_spaces_the_clients_requests(router: respx.MockRouter) -> None:
    """``RatePolicy(rate=4)``: after the first request, each waits a quarter second."""
    clock = FakeClock()
    router.get("/v2/things").mock(return_value=httpx.Response(200, json=OK))
    async with offline_client(router.async_handler, clock, pacing=RatePolicy(rate=4.0)) as client:
        for _ in range(3):
            await client.request("GET", "/v2/things")
    assert clock.sleeps == [0.25, 0.25]
    assert client.rate_limit == 4.0
    assert client.stats.throttled == 2


async def test_clients_from_with_options_share_the_pacing(router: respx.MockRouter) -> None:
    """A derived client keeps the same schedule: its request waits for the parent's slot."""
    clock = FakeClock()
    router.get("/v2/things").mock(return_value=httpx.Response(200, json=OK))
    async with offline_client(router.async_handler, clock, pacing=RatePolicy(rate=2.0)) as client:
        await client.request("GET", "/v2/things")
        other = client.with_options(max_retries=0)
        await other.request("GET", "/v2/things")
    assert clock.sleeps == [0.5]
    assert other.rate_limit == 2.0


async def test_a_quota_used_up_holds_the_next_request_until_its_reset(
    router: respx.MockRouter,
) -> None:
    """``RateLimit-Remaining: 0`` with ``RateLimit-Reset: 7``: the next request waits 7 s
    instead of being turned away."""
    clock = FakeClock()
    route = router.get("/v2/things").mock(
        return_value=httpx.Response(
            200, json=OK, headers={"RateLimit-Remaining": "0", "RateLimit-Reset": "7"}
        )
    )
    async with offline_client(router.async_handler, clock) as client:
        await client.request("GET", "/v2/things")
        await client.request("GET", "/v2/things")
    assert clock.sleeps == [7.0]
    assert route.call_count == 2


async def test_a_stated_quota_sets_the_rate(router: respx.MockRouter) -> None:
    """``RateLimit-Policy: 60;w=60`` tells the client the rate: a little under 1/s."""
    router.get("/v2/things").mock(
        return_value=httpx.Response(
            200,
            json=OK,
            headers={
                "RateLimit-Limit": "60",
                "RateLimit-Remaining": "59",
                "RateLimit-Policy": "60;w=60",
            },
        )
    )
    async with offline_client(router.async_handler, FakeClock()) as client:
        await client.request("GET", "/v2/things")
    assert client.rate_limit == pytest.approx(0.98)


def emulator_with_limit(clock: VirtualClock, rate: float) -> Emulator:
    return Emulator(settings=EmulatorSettings(rate_limit=rate), clock=clock, sleep=clock.sleep)


async def rate_limited_run(policy: RatePolicy, requests: int) -> tuple[int, float | None]:
    """``requests`` calls one after another through a 5/s emulator: its 429s and the rate."""
    clock = VirtualClock()
    emulator = emulator_with_limit(clock, 5.0)
    retry = RetryPolicy(max_rate_limit_retries=50)
    async with emulator.client(
        clock=clock, sleep=clock.sleep, pacing=policy, retry=retry
    ) as client:
        for _ in range(requests):
            await client.users.me()
        rate = client.rate_limit
    return emulator.requests.statuses[429], rate


async def test_the_client_learns_the_emulators_rate_limit() -> None:
    """Against a 5/s limit the client paces at about 5/s (probing a little above it now
    and then) and is turned away a few times only; with pacing off, at every fifth
    request or so."""
    learned, rate = await rate_limited_run(RatePolicy(), 120)
    unpaced, _ = await rate_limited_run(RatePolicy.off(), 120)
    assert rate is not None
    assert 4.5 <= rate <= 6.0
    assert learned <= 6
    assert unpaced >= 4 * learned


def test_the_sync_client_takes_a_rate_policy() -> None:
    """``Client(pacing=...)`` paces as the async client does, and shows its rate."""
    with Client(
        email="me@example.com",
        api_key="key",
        transport=httpx.MockTransport(lambda request: httpx.Response(200, json=OK)),
        pacing=RatePolicy(rate=50.0),
    ) as client:
        assert client.rate_limit == 50.0


def test_a_client_shows_no_rate_until_it_has_one() -> None:
    """``rate_limit`` is None for a client that has neither set nor learned a rate."""
    assert AsyncClient(email="me@example.com", api_key="key").rate_limit is None
