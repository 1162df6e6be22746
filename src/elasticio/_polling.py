"""Polling policy: waiting for a state (a flow's current_status, an execution's result).

Polling is a policy object on tenacity, with a deadline on the client's injectable clock,
never an open loop.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from typing import TypeVar

import attrs
from tenacity import AsyncRetrying, RetryCallState

from elasticio._checks import bounded
from elasticio._errors import PollTimeoutError

__all__ = ["PollPolicy", "poll_until"]

T = TypeVar("T")

# Remaining time below this counts as none: sleeping a remainder smaller than the clock's
# resolution would not move the clock, and the poller would never reach its deadline.
_CLOCK_RESOLUTION = 1e-6


@attrs.frozen(kw_only=True)
class PollPolicy:
    """How often to look again, and for how long at most.

    The first look happens at once; then the wait starts at ``interval`` and grows by
    ``backoff`` up to ``max_interval``. After ``timeout`` seconds in all,
    [`PollTimeoutError`][elasticio.PollTimeoutError] is raised.

    Examples:
        >>> PollPolicy(interval=0.5, timeout=30.0).timeout
        30.0
    """

    interval: float = attrs.field(default=1.0, validator=bounded(low=0, above=True))
    max_interval: float = attrs.field(default=5.0, validator=bounded(low=0, above=True))
    backoff: float = attrs.field(default=1.5, validator=bounded(low=1))
    timeout: float = attrs.field(default=90.0, validator=bounded(low=0, above=True))

    def wait_before(self, look_number: int) -> float:
        """The pause before look ``look_number`` + 1 (looks count from 1)."""
        growths = look_number - 1
        if self.backoff > 1.0 and growths >= math.log(
            self.max_interval / self.interval, self.backoff
        ):
            return self.max_interval  # capped; also keeps backoff ** growths from overflowing
        return min(self.max_interval, self.interval * self.backoff**growths)


async def poll_until(
    policy: PollPolicy,
    look: Callable[[], Awaitable[T]],
    done: Callable[[T], bool],
    *,
    what: str,
    sleep: Callable[[float], Awaitable[None]],
    clock: Callable[[], float],
) -> T:
    """Call ``look`` until ``done(result)``; raise PollTimeoutError past the timeout.

    Errors raised by ``look`` propagate at once (the client's retry policy already
    handled the transient ones).
    """
    started = clock()
    last: list[T] = []

    def keep_looking(state: RetryCallState) -> bool:
        outcome = state.outcome
        if outcome is None or outcome.failed:
            return False
        result: T = outcome.result()
        last[:] = [result]
        return not done(result)

    def wait(state: RetryCallState) -> float:
        pause = policy.wait_before(state.attempt_number)
        remaining = policy.timeout - (clock() - started)
        return max(0.0, min(pause, remaining))

    def out_of_time(state: RetryCallState) -> bool:
        return policy.timeout - (clock() - started) < _CLOCK_RESOLUTION

    def give_up(state: RetryCallState) -> T:
        raise PollTimeoutError(
            f"gave up waiting for {what} after {clock() - started:.1f}s",
            waited=clock() - started,
            last=last[0] if last else None,
        )

    async def look_once() -> T:
        # tenacity awaits only coroutine functions; a lambda returning a coroutine would
        # be called and its coroutine left unawaited.
        return await look()

    engine = AsyncRetrying(
        retry=keep_looking,
        wait=wait,
        stop=out_of_time,
        sleep=sleep,
        reraise=True,
        retry_error_callback=give_up,
    )
    result: T = await engine(look_once)
    return result
