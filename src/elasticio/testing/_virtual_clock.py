"""``VirtualClock``: monotonic time that moves only when someone sleeps or a test says so."""

from __future__ import annotations

import asyncio
import threading

__all__ = ["VirtualClock"]


class VirtualClock:
    """A monotonic clock and its ``sleep``, for tests: waiting costs no real time.

    Give ``clock`` and ``clock.sleep`` to an [`Emulator`][elasticio.testing.Emulator] and
    to the [`AsyncClient`][elasticio.AsyncClient] that talks to it, and every wait of
    either (a retry's backoff, a ``Retry-After``, a poll's interval, a flow's start lag, a
    rate limit's refill) moves the shared clock on at once instead of waiting. The pytest
    plugin's ``elasticio_clock`` fixture is one, shared by ``elasticio_emulator`` and
    ``elasticio_client``.

    A sleep moves the clock by its whole length and then lets other tasks run once, as
    `asyncio.sleep` does. Concurrent sleeps add up, so virtual time can run ahead of the
    time a real run would take: count waits through ``sleeps``, not through elapsed time.

    Examples:
        >>> clock = VirtualClock()
        >>> clock.advance(2.5)
        >>> clock()
        2.5
        >>> import asyncio
        >>> asyncio.run(clock.sleep(30))
        >>> clock(), clock.sleeps
        (32.5, [30])

    Attributes:
        sleeps: the length of every sleep so far, in order (not the `advance` calls).
    """

    def __init__(self, start: float = 0.0) -> None:
        self._now = start
        # A served emulator sleeps on its own thread's loop while the test runs on another.
        self._lock = threading.Lock()
        self.sleeps: list[float] = []

    def __repr__(self) -> str:
        # Safe on a half-built clock too (a traceback formatted with its locals).
        try:
            return f"<VirtualClock now={self._now!r} sleeps={len(self.sleeps)}>"
        except AttributeError:
            return "<VirtualClock (not set up)>"

    def __call__(self) -> float:
        """The current virtual time, in seconds."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move the clock on by ``seconds`` without a sleep (time passing elsewhere).

        Raises:
            ValueError: ``seconds`` is negative (a monotonic clock never goes back).
        """
        if seconds < 0:
            raise ValueError(f"a clock cannot go back; got {seconds!r} seconds")
        with self._lock:
            self._now += seconds

    async def sleep(self, seconds: float) -> None:
        """Record the wait, move the clock by it (a negative wait counts as 0), then let
        other tasks run once."""
        with self._lock:
            self.sleeps.append(seconds)
            self._now += max(seconds, 0.0)
        await asyncio.sleep(0)
