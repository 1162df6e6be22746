"""PollPolicy and poll_until: looks until done, waits between looks, gives up on time."""

from __future__ import annotations

import pytest

from elasticio import PollPolicy, PollTimeoutError
from elasticio._polling import poll_until
from tests._support.clock import FakeClock


def test_waits_grow_by_the_backoff_up_to_the_maximum() -> None:
    """The pause starts at interval, grows by backoff, and stops at max_interval."""
    policy = PollPolicy(interval=1.0, backoff=2.0, max_interval=5.0)
    assert [policy.wait_before(n) for n in (1, 2, 3, 4, 5)] == [1.0, 2.0, 4.0, 5.0, 5.0]


@pytest.mark.parametrize(
    "kwargs", [{"interval": 0}, {"max_interval": -1}, {"backoff": 0.5}, {"timeout": 0}]
)
def test_nonsense_settings_are_refused(kwargs: dict[str, float]) -> None:
    """Zero or negative intervals, a shrinking backoff and a zero timeout are refused."""
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        PollPolicy(**kwargs)


async def test_returns_the_first_result_that_is_done(clock: FakeClock) -> None:
    """poll_until looks again until done() holds, and returns that result."""
    answers = iter(["pending", "pending", "ready"])

    async def look() -> str:
        return next(answers)

    result = await poll_until(
        PollPolicy(interval=1.0, backoff=1.0),
        look,
        lambda r: r == "ready",
        what="the answer",
        sleep=clock.sleep,
        clock=clock,
    )
    assert result == "ready"
    assert clock.sleeps == [1.0, 1.0]


async def test_a_done_first_look_does_not_sleep(clock: FakeClock) -> None:
    """When the first look is already done, nothing waits."""

    async def look() -> int:
        return 1

    assert await poll_until(PollPolicy(), look, bool, what="x", sleep=clock.sleep, clock=clock) == 1
    assert clock.sleeps == []


async def test_gives_up_with_the_last_observation(clock: FakeClock) -> None:
    """Past the timeout PollTimeoutError says how long it waited and what it last saw."""

    async def look() -> str:
        return "inactive"

    policy = PollPolicy(interval=2.0, backoff=1.0, timeout=7.0)
    with pytest.raises(PollTimeoutError) as caught:
        await poll_until(
            policy, look, lambda r: r == "active", what="the flow", sleep=clock.sleep, clock=clock
        )
    assert caught.value.last == "inactive"
    assert caught.value.waited == pytest.approx(7.0)
    assert sum(clock.sleeps) == pytest.approx(7.0)
    assert "the flow" in str(caught.value)
    assert isinstance(caught.value, TimeoutError)


async def test_errors_from_a_look_propagate_at_once(clock: FakeClock) -> None:
    """An exception raised by look is not swallowed or retried by the poller."""

    async def look() -> str:
        raise KeyError("boom")

    with pytest.raises(KeyError):
        await poll_until(PollPolicy(), look, bool, what="x", sleep=clock.sleep, clock=clock)
    assert clock.sleeps == []


async def test_a_lambda_returning_a_coroutine_is_awaited(clock: FakeClock) -> None:
    """look may be a plain lambda that returns a coroutine, not only an async def."""

    async def fetch() -> str:
        return "ready"

    result = await poll_until(
        PollPolicy(),
        lambda: fetch(),
        lambda r: r == "ready",
        what="x",
        sleep=clock.sleep,
        clock=clock,
    )
    assert result == "ready"


def test_a_huge_look_number_is_capped_without_overflow() -> None:
    """wait_before stays at max_interval for any look number; backoff**n never overflows."""
    policy = PollPolicy(interval=0.5, max_interval=0.5, timeout=900.0)
    assert policy.wait_before(1752) == 0.5
    assert PollPolicy(interval=1.0, backoff=1e100, max_interval=3.0).wait_before(5) == 3.0


async def test_a_deadline_a_rounding_error_away_still_ends_the_wait(clock: FakeClock) -> None:
    """A remainder below the clock's resolution counts as none, so polling stops."""

    async def look() -> str:
        return "pending"

    policy = PollPolicy(interval=0.01, max_interval=0.01, timeout=0.05)
    with pytest.raises(PollTimeoutError):
        await poll_until(
            policy, look, lambda r: r == "done", what="x", sleep=clock.sleep, clock=clock
        )
    assert len(clock.sleeps) <= 6
