"""A client-wide pause after the platform says "slow down" (429 with ``Retry-After``).

Without it, only the request that got the 429 waits; every other request keeps going, and
fresh requests take the capacity the server frees up before the waiting ones wake. Under a
sustained rate limit an unlucky request can then lose the race several times in a row and
run out of retries. With the pause, every new attempt on the client waits until the
server's ``Retry-After`` has passed, so the waiting and the fresh requests start together.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import attrs

__all__ = ["Throttle"]


@attrs.define
class Throttle:
    """Holds new attempts back until a moment on the client's monotonic clock."""

    clock: Callable[[], float]
    sleep: Callable[[float], Awaitable[None]]
    until: float = 0.0

    def hold(self, seconds: float) -> None:
        """Make attempts that start within ``seconds`` from now wait until then."""
        self.until = max(self.until, self.clock() + seconds)

    async def wait(self) -> float:
        """Wait out the current hold, if any; return how long that was."""
        remaining = self.until - self.clock()
        if remaining <= 0:
            return 0.0
        await self.sleep(remaining)
        return remaining
