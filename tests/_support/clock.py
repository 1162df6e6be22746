"""A fake monotonic clock and its sleep: time moves only when a test or a sleep moves it.

Example:
    >>> clock = FakeClock()
    >>> clock.advance(2.5)
    >>> clock()
    1002.5
"""

from __future__ import annotations

import asyncio

__all__ = ["FakeClock"]


class FakeClock:
    """A monotonic clock that moves only when told to, or when its sleep is awaited.

    The sleep records each wait in ``sleeps`` and moves the clock by it at once, so code
    that waits (retries, polling, a rate limit) runs without real waiting.
    """

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock on by ``seconds`` without recording a sleep."""
        self.now += seconds

    async def sleep(self, seconds: float) -> None:
        """Record the wait and move the clock by it, at once, then let other tasks run (as
        `asyncio.sleep` always does, even for 0 s)."""
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)
