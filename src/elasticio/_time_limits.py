"""Time limits for a client's attempts and waits, all on one event-loop timer.

``asyncio.timeout`` arms a timer of its own for every block: a handle pushed onto the
loop's heap on the way in and cancelled on the way out, several per cent of a request's
CPU at 32 in flight, for a limit (a minute per attempt) that almost never passes.
Here every limit of a client shares one timer, armed for the earliest of them: a block
that starts later than the armed time (the usual case: the same limit, started after
the others) only records when it ends. When the timer fires it cuts short the blocks
whose time has come and arms itself for the next. A block cut short sees what
``asyncio.timeout`` would give it: its task is cancelled, and the cancellation that
arrives at the block's end becomes `httpx.TimeoutException`, unless it came from
elsewhere too.
"""

from __future__ import annotations

import asyncio
import math
from types import TracebackType

import httpx

__all__ = ["TimeLimit", "TimeLimits"]


class TimeLimits:
    """The one timer of a client's limits (its event loop's, as the client's)."""

    __slots__ = ("_armed_at", "_ends", "_handle", "_loop")

    def __init__(self) -> None:
        self._ends: dict[TimeLimit, float] = {}  # the running blocks, when each must end
        self._handle: asyncio.TimerHandle | None = None
        self._armed_at = math.inf
        self._loop: asyncio.AbstractEventLoop | None = None

    def limit(self, seconds: float | None, doing: str, *, deadline: float | None) -> TimeLimit:
        """A block that may last ``seconds`` (``None``: no limit); see `TimeLimit`."""
        return TimeLimit(self, seconds, doing, deadline)

    @property
    def running(self) -> int:
        """How many limited blocks are running now."""
        return len(self._ends)

    def _start(self, limit: TimeLimit, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # the first loop (a client refuses any other later)
            self.close()
            self._loop = loop
        ends = loop.time() + seconds
        self._ends[limit] = ends
        if ends < self._armed_at:
            self._disarm()
            self._arm(loop, ends)

    def _stop(self, limit: TimeLimit) -> None:
        self._ends.pop(limit, None)

    def _arm(self, loop: asyncio.AbstractEventLoop, when: float) -> None:
        self._armed_at = when
        self._handle = loop.call_at(when, self._fire)

    def _disarm(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self._handle = None
        self._armed_at = math.inf

    def _fire(self) -> None:
        self._handle = None
        self._armed_at = math.inf
        loop = self._loop
        if loop is None:  # pragma: no cover (armed only with a loop)
            return
        now = loop.time()
        soonest = math.inf
        for limit, ends in list(self._ends.items()):
            if ends <= now:
                del self._ends[limit]
                limit._expire()
            elif ends < soonest:
                soonest = ends
        if soonest < math.inf:
            self._arm(loop, soonest)

    def close(self) -> None:
        """Stop the timer (the running blocks are no longer limited)."""
        self._disarm()
        self._ends.clear()


class TimeLimit:
    """One block, limited to ``seconds``: past them the block's task is cancelled and the
    block raises `httpx.TimeoutException`, saying which limit passed (the retry
    ``deadline``, when it was the nearer, else the time per attempt) while ``doing``
    what. A cancellation from elsewhere passes through as it is."""

    __slots__ = ("_cancelling", "_deadline", "_doing", "_expired", "_owner", "_seconds", "_task")

    def __init__(
        self, owner: TimeLimits, seconds: float | None, doing: str, deadline: float | None
    ) -> None:
        self._owner = owner
        self._seconds = seconds
        self._doing = doing
        self._deadline = deadline
        self._task: asyncio.Task[object] | None = None
        self._cancelling = 0
        self._expired = False

    async def __aenter__(self) -> None:
        if self._seconds is None:
            return
        task = asyncio.current_task()
        if task is None:  # pragma: no cover (a coroutine always runs in a task here)
            raise RuntimeError("a time limit needs to run in a task")
        self._task = task
        self._cancelling = task.cancelling()
        self._owner._start(self, self._seconds)

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._task is None:
            return
        self._owner._stop(self)
        if not self._expired:
            return
        # As asyncio.timeout: the cancellation is the limit's own only if no other one is
        # pending besides it.
        if self._task.uncancel() <= self._cancelling and kind is asyncio.CancelledError:
            raise httpx.TimeoutException(self._message()) from error

    def _expire(self) -> None:
        self._expired = True
        if self._task is not None:
            self._task.cancel()

    def _message(self) -> str:
        if self._deadline is not None:
            return f"the retry deadline of {self._deadline:g}s passed {self._doing}"
        return f"the time limit of {self._seconds:g}s per attempt passed {self._doing}"
