"""A virtual clock whose sleepers wake one at a time, in the order of their deadlines, and
only once the event loop has nothing else to do: concurrent waits overlap as in real time.

`FakeClock` moves the clock by each sleep at once, so 30 tasks each waiting 1 s move it
by 30 s and then all run together; against a rate limit on the same clock, that turns
paced requests into one burst. Here time jumps to the earliest deadline only when every
task is waiting (on a sleep of this clock, or on a socket with nothing to read), so the
order in which requests reach a served emulator is the order a real run would give.

Example:
    >>> import asyncio
    >>> async def demo() -> tuple[float, list[str]]:
    ...     clock, woke = AutojumpClock(), []
    ...     async def nap(name: str, seconds: float) -> None:
    ...         await clock.sleep(seconds)
    ...         woke.append(name)
    ...     await asyncio.gather(nap("late", 2.0), nap("early", 1.0), nap("late too", 2.0))
    ...     return clock() - 1000.0, woke
    >>> asyncio.run(demo())
    (2.0, ['early', 'late', 'late too'])
"""

from __future__ import annotations

import asyncio
import heapq
import itertools

__all__ = ["AutojumpClock"]

# Turns of the loop with nothing ready before time jumps: a write to a loopback socket is
# seen by the reader's select one turn later, and its handler runs the turn after.
_QUIET_TURNS = 3


class AutojumpClock:
    """A monotonic clock (``clock()``) and its ``sleep``, for one event loop."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._driver: asyncio.Task[None] | None = None

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        """Wait until the clock reaches now + ``seconds`` (at least one turn of the loop)."""
        self.sleeps.append(seconds)
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        waker = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._order), waker))
        if self._driver is None or self._driver.done():
            self._driver = asyncio.create_task(self._drive())
        await waker

    async def _drive(self) -> None:
        loop = asyncio.get_running_loop()
        quiet = 0
        while self._sleepers:
            await asyncio.sleep(0)
            # Only this task's own wake-up is ready: nothing else is running.
            quiet = quiet + 1 if len(loop._ready) == 0 else 0  # type: ignore[attr-defined]
            if quiet < _QUIET_TURNS:
                continue
            quiet = 0
            deadline, _, waker = heapq.heappop(self._sleepers)
            if not waker.done():  # a cancelled sleeper is skipped
                self.now = max(self.now, deadline)
                waker.set_result(None)
