"""Time limits on one shared timer behave as ``asyncio.timeout`` does, block by block.

A limit of 0 seconds is due at once: the timer fires at the loop's next turn, so these
tests never wait for real time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from elasticio._time_limits import TimeLimits

HOUR = 3600.0


def count_timers(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every time the running loop's ``call_at`` is asked for, until the test ends."""
    loop = asyncio.get_running_loop()
    asked: list[float] = []
    real: Callable[..., Any] = loop.call_at

    def call_at(when: float, callback: Callable[..., Any], *args: Any) -> asyncio.TimerHandle:
        asked.append(when)
        handle: asyncio.TimerHandle = real(when, callback, *args)
        return handle

    monkeypatch.setattr(loop, "call_at", call_at)
    return asked


async def test_blocks_with_the_same_limit_share_one_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    limits = TimeLimits()
    asked = count_timers(monkeypatch)
    release = asyncio.Event()

    async def block() -> None:
        async with limits.limit(HOUR, "on the wire", deadline=None):
            await release.wait()

    tasks = [asyncio.create_task(block()) for _ in range(32)]
    await asyncio.sleep(0)
    assert limits.running == 32
    assert len(asked) == 1  # one timer for all 32: the later ones end after it
    release.set()
    await asyncio.gather(*tasks)
    assert limits.running == 0


async def test_a_block_past_its_limit_raises_a_timeout_and_the_others_go_on() -> None:
    limits = TimeLimits()
    release = asyncio.Event()

    async def block(seconds: float) -> str:
        async with limits.limit(seconds, "on the wire", deadline=None):
            await release.wait()
        return "done"

    long = asyncio.create_task(block(HOUR))
    await asyncio.sleep(0)
    with pytest.raises(httpx.TimeoutException, match="time limit of 0s per attempt passed on"):
        await block(0)
    assert not long.done()
    release.set()
    assert await long == "done"


async def test_an_earlier_limit_arms_the_timer_sooner_and_it_rearms_for_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    limits = TimeLimits()
    asked = count_timers(monkeypatch)
    release = asyncio.Event()

    async def block(seconds: float) -> None:
        async with limits.limit(seconds, "on the wire", deadline=None):
            await release.wait()

    long = asyncio.create_task(block(HOUR))
    await asyncio.sleep(0)
    with pytest.raises(httpx.TimeoutException):
        await block(0)
    assert len(asked) == 3  # the hour, then the 0 s one sooner, then the hour again
    assert asked[0] == asked[2]
    release.set()
    await long


async def test_a_cancellation_from_outside_passes_as_it_is() -> None:
    limits = TimeLimits()

    async def block() -> None:
        async with limits.limit(HOUR, "on the wire", deadline=None):
            await asyncio.Event().wait()

    task = asyncio.create_task(block())
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert limits.running == 0


async def test_a_limit_and_an_outside_cancellation_together_cancel() -> None:
    """Both arrive before the block ends: the outside one wins, as with asyncio.timeout."""
    limits = TimeLimits()
    entered = asyncio.Event()

    async def block() -> None:
        async with limits.limit(0, "on the wire", deadline=None):
            entered.set()
            await asyncio.Event().wait()

    task = asyncio.create_task(block())
    await entered.wait()
    task.cancel()  # before the timer's turn: the task is cancelled twice
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_a_block_ended_in_time_is_never_cut_short() -> None:
    limits = TimeLimits()
    async with limits.limit(0, "on the wire", deadline=None):
        pass  # ends before the timer's turn
    await asyncio.sleep(0)
    await asyncio.sleep(0)  # the timer has fired: nothing is cancelled
    assert limits.running == 0


async def test_no_limit_arms_no_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    limits = TimeLimits()
    asked = count_timers(monkeypatch)
    async with limits.limit(None, "on the wire", deadline=None):
        await asyncio.sleep(0)
    assert asked == []
    assert limits.running == 0


async def test_the_retry_deadline_is_named_when_it_is_the_limit() -> None:
    limits = TimeLimits()
    with pytest.raises(httpx.TimeoutException, match="retry deadline of 30s passed waiting"):
        async with limits.limit(0, "waiting for a free slot", deadline=30.0):
            await asyncio.Event().wait()


def test_a_new_event_loop_starts_afresh() -> None:
    """Blocks left behind by a loop that ended are forgotten by the next one."""
    limits = TimeLimits()

    async def abandon() -> None:
        block = limits.limit(HOUR, "on the wire", deadline=None)
        await block.__aenter__()  # never left: its loop ends first

    asyncio.run(abandon())
    assert limits.running == 1

    async def again() -> None:
        with pytest.raises(httpx.TimeoutException):
            async with limits.limit(0, "on the wire", deadline=None):
                await asyncio.Event().wait()
        assert limits.running == 0

    asyncio.run(again())
