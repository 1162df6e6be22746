"""The slow start against the emulator's rate limit, many in flight, on a shared fake clock."""

from __future__ import annotations

import asyncio

from elasticio import AsyncClient, RatePolicy, RetryPolicy, run_bounded
from elasticio.testing import Emulator, EmulatorSettings
from tests._support.pacing import GUARD
from tests._support.timeline import Timeline

REQUESTS = 400
RATE = 40.0


async def limited_run(policy: RatePolicy, in_flight: int) -> tuple[int, float, int]:
    """``REQUESTS`` calls, ``in_flight`` at a time, through a 40/s emulator whose bucket
    starts full: its 429s, the time taken and the calls that succeeded.

    A `Timeline` is the clock of both, so that concurrent waits end at their own moments
    (a `VirtualClock` adds them up, which would refill the bucket for free).
    """
    timeline = Timeline()
    emulator = Emulator(
        settings=EmulatorSettings(rate_limit=RATE), clock=timeline, sleep=timeline.sleep
    )
    client: AsyncClient = emulator.client(
        clock=timeline,
        sleep=timeline.sleep,
        pacing=policy,
        retry=RetryPolicy(max_rate_limit_retries=20),
        max_concurrency=in_flight,
    )
    async with client:
        work = asyncio.create_task(
            run_bounded(lambda _: client.users.me(), range(REQUESTS), concurrency=in_flight)
        )
        async with asyncio.timeout(GUARD * 3):
            while not work.done():
                if not await timeline.step():
                    await asyncio.sleep(0)
        result = work.result()
    return emulator.requests.statuses[429], timeline.now, len(result.succeeded)


async def test_few_429s_at_256_in_flight() -> None:
    """At 256 in flight the client as shipped has at most 3 % of its requests refused and
    takes no more than 1.05 x the ideal; without the slow start, the first wave alone is
    refused by the hundred."""
    refused, elapsed, succeeded = await limited_run(RatePolicy(), 256)
    assert succeeded == REQUESTS
    assert refused <= 0.03 * (REQUESTS + refused)
    assert elapsed <= 1.05 * REQUESTS / RATE
    unpaced, _, _ = await limited_run(RatePolicy(slow_start=False), 256)
    assert unpaced > 100
