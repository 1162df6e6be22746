"""A fake clock whose sleepers wake in order, when the test moves time on.

`FakeClock` moves time by each sleep at once, so concurrent sleeps add up; code that
spaces concurrent tasks out in time (pacing) needs sleeps that end at their moment
instead. Here a sleep waits until the test calls `Timeline.run`, which moves the clock
from one wake-up to the next and lets the woken tasks run.

Example:
    >>> import asyncio
    >>> async def demo() -> list[float]:
    ...     timeline = Timeline()
    ...     woke: list[float] = []
    ...     async def nap(seconds: float) -> None:
    ...         await timeline.sleep(seconds)
    ...         woke.append(timeline())
    ...     tasks = [asyncio.create_task(nap(s)) for s in (2.0, 1.0)]
    ...     await timeline.run()
    ...     await asyncio.gather(*tasks)
    ...     return woke
    >>> asyncio.run(demo())
    [1.0, 2.0]
"""

from __future__ import annotations

import asyncio
import heapq
import itertools

__all__ = ["Timeline"]

# Enough passes of the event loop for woken tasks to reach their next sleep or their end.
_SETTLE_PASSES = 20


class Timeline:
    """A monotonic clock and a sleep whose wake-ups `run` (or `step`) carries out in order."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start
        self.sleeps: list[float] = []
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        """Wait until the clock reaches now + ``seconds`` (moved on by `run` or `step`)."""
        self.sleeps.append(seconds)
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(seconds, 0.0), next(self._order), future))
        await future

    async def settle(self) -> None:
        """Let every runnable task run until it sleeps again or ends."""
        for _ in range(_SETTLE_PASSES):
            await asyncio.sleep(0)

    async def step(self) -> bool:
        """Move the clock to the next wake-up and wake every sleeper due then; False if none."""
        await self.settle()
        while self._sleepers and self._sleepers[0][2].done():  # cancelled sleepers
            heapq.heappop(self._sleepers)
        if not self._sleepers:
            return False
        self.now = max(self.now, self._sleepers[0][0])
        while self._sleepers and self._sleepers[0][0] <= self.now:
            _, _, future = heapq.heappop(self._sleepers)
            if not future.done():
                future.set_result(None)
        await self.settle()
        return True

    async def run(self, until: float | None = None) -> None:
        """Wake sleepers in order until none is left (or the next is after ``until``)."""
        while True:
            await self.settle()
            pending = [s for s in self._sleepers if not s[2].done()]
            if not pending or (until is not None and min(pending)[0] > until):
                if until is not None:
                    self.now = max(self.now, until)
                return
            await self.step()
