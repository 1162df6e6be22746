"""Driving a `Pacer` against a token bucket on a `Timeline`, with a round trip.

Example:
    >>> import asyncio
    >>> from elasticio import RatePolicy
    >>> async def demo() -> int:
    ...     timeline = Timeline()
    ...     subject = Pacer(RatePolicy(rate=10.0), clock=timeline, sleep=timeline.sleep)
    ...     run = await drive(timeline, subject, full_bucket(10.0), items=30, workers=4)
    ...     return len(run.accepted)
    >>> asyncio.run(demo())
    30
"""

from __future__ import annotations

import asyncio
import math
from typing import NamedTuple

from elasticio._pacing import Pacer
from elasticio.testing._faults import TokenBucket
from tests._support.timeline import Timeline

__all__ = ["GUARD", "Drive", "drive", "full_bucket", "learn_ten_per_second", "start_times"]

# A bound on real waiting: a regression must fail, not hang.
GUARD = 10.0


class Drive(NamedTuple):
    """What a drive saw: when each 429 and each accepted request came back, and the most
    requests in flight at once (let through, not yet answered)."""

    refused: list[float]
    accepted: list[float]
    most_in_flight: int

    @property
    def share_refused(self) -> float:
        """429s over all requests sent."""
        return len(self.refused) / (len(self.refused) + len(self.accepted))


def full_bucket(rate: float) -> TokenBucket:
    """A full token bucket like the emulator's: ``rate`` a second, a burst of ``rate``."""
    burst = float(max(1, math.ceil(rate)))
    return TokenBucket(rate=rate, capacity=burst, tokens=burst, updated=0.0)


async def drive(
    timeline: Timeline,
    subject: Pacer,
    bucket: TokenBucket,
    *,
    items: int,
    workers: int,
    round_trip: float = 0.0,
    service: float = 0.0,
) -> Drive:
    """``workers`` tasks send ``items`` requests through ``subject`` to ``bucket``, each
    taking ``round_trip`` seconds (half there, half back) and retried on a 429 after the
    bucket's ``Retry-After`` (whole seconds, at least 1, as the emulator's). A ``service``
    time makes the server a queue that handles one request at a time, taking that long
    for each: sent faster, requests wait in line and their round trips grow."""
    queue = list(range(items))
    refused: list[float] = []
    accepted: list[float] = []
    in_flight = most_in_flight = 0
    server_free = 0.0  # when the server's one worker is next free

    async def worker() -> None:
        nonlocal in_flight, most_in_flight, server_free
        while queue:
            queue.pop()
            while True:
                await subject.wait()
                sent_at = timeline()
                in_flight += 1
                most_in_flight = max(most_in_flight, in_flight)
                if round_trip:
                    await timeline.sleep(round_trip / 2)
                if service:
                    server_free = max(timeline(), server_free) + service
                    await timeline.sleep(server_free - timeline())
                wait = bucket.take(timeline())
                if round_trip:
                    await timeline.sleep(round_trip / 2)
                in_flight -= 1
                if wait is None:
                    subject.observe(202, {}, sent_at=sent_at)
                    accepted.append(timeline())
                    break
                refused.append(timeline())
                retry_after = max(1, math.ceil(wait))
                subject.observe(429, {"retry-after": str(retry_after)}, sent_at=sent_at)
                subject.after_429(float(retry_after))
                await timeline.sleep(retry_after)

    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    async with asyncio.timeout(GUARD):
        await timeline.run()
        await asyncio.gather(*tasks)
    return Drive(refused, accepted, most_in_flight)


async def start_times(timeline: Timeline, subject: Pacer, count: int) -> list[float]:
    """When each of ``count`` concurrent attempts was let through, in order."""
    started: list[float] = []

    async def attempt() -> None:
        await subject.wait()
        started.append(timeline())

    tasks = [asyncio.create_task(attempt()) for _ in range(count)]
    async with asyncio.timeout(GUARD):
        await timeline.run()
        await asyncio.gather(*tasks)
    return started


def learn_ten_per_second(timeline: Timeline, subject: Pacer) -> float:
    """Teach ``subject`` a rate: two 429s one second apart with ten answers between."""
    subject.observe(429, {})
    timeline.now += 1.0
    for _ in range(10):
        subject.observe(202, {})
    subject.observe(429, {})
    learned = subject.rate
    assert learned is not None
    return learned
