"""The pacer: a rate set, learned from 429s or read from headers, kept on a fake clock."""

from __future__ import annotations

import asyncio
import math

import pytest

from elasticio import ConfigurationError, RatePolicy
from elasticio._pacing import Pacer
from tests._support.pacing import drive, full_bucket, learn_ten_per_second, start_times
from tests._support.timeline import Timeline

# A bound on real waiting: a regression must fail, not hang.
GUARD = 5.0
# Learning without the slow start: what the client did before it, and some tests' subject.
FREE = RatePolicy(slow_start=False)


def pacer(timeline: Timeline, policy: RatePolicy | None = None, wall: float = 0.0) -> Pacer:
    return Pacer(
        policy or RatePolicy(), clock=timeline, sleep=timeline.sleep, wall_clock=lambda: wall
    )


# --- nothing known --------------------------------------------------------------------------


async def test_without_a_limit_or_slow_start_attempts_go_at_once() -> None:
    """No rate set, none seen, no slow start: no attempt waits, no sleep is taken."""
    timeline = Timeline()
    subject = pacer(timeline, FREE)
    assert subject.idle
    assert subject.rate is None
    assert await start_times(timeline, subject, 5) == [0.0] * 5
    assert timeline.sleeps == []


async def test_answers_without_a_limit_leave_it_idle() -> None:
    """Successes and other errors, without rate-limit headers, change nothing."""
    subject = pacer(Timeline(), FREE)
    for status in (200, 202, 404, 503):
        subject.observe(status, {"content-type": "application/json"})
    assert subject.idle
    assert subject.rate is None


# --- a rate set by the user -----------------------------------------------------------------


async def test_a_set_rate_spaces_attempts() -> None:
    """``rate=4`` lets one attempt through every quarter of a second, from the first."""
    timeline = Timeline()
    subject = pacer(timeline, RatePolicy(rate=4.0))
    assert await start_times(timeline, subject, 4) == [0.0, 0.25, 0.5, 0.75]


async def test_a_burst_goes_at_once_then_the_rate_holds() -> None:
    """``burst=3`` lets three through at once; the fourth waits one interval."""
    timeline = Timeline()
    subject = pacer(timeline, RatePolicy(rate=2.0, burst=3))
    assert await start_times(timeline, subject, 5) == [0.0, 0.0, 0.0, 0.5, 1.0]


async def test_an_idle_schedule_refills_its_burst() -> None:
    """After a quiet spell the burst is whole again, as a token bucket's would be."""
    timeline = Timeline()
    subject = pacer(timeline, RatePolicy(rate=2.0, burst=2))
    await start_times(timeline, subject, 2)
    timeline.now += 10.0
    assert await start_times(timeline, subject, 2) == [10.0, 10.0]


@pytest.mark.parametrize(
    "arguments",
    [{"rate": 0}, {"rate": -1.0}, {"burst": 0}, {"burst": 1.5}, {"forget_after": 0}],
)
def test_nonsense_settings_are_refused(arguments: dict[str, float]) -> None:
    """A rate or forget time of zero or less, or a burst below one, is a configuration error."""
    with pytest.raises(ConfigurationError):
        RatePolicy(**arguments)  # type: ignore[arg-type]


# --- cancellation ---------------------------------------------------------------------------


async def test_a_cancelled_waiter_takes_no_slot() -> None:
    """A waiter cancelled before its moment hands that moment to the next attempt."""
    timeline = Timeline()
    subject = pacer(timeline, RatePolicy(rate=1.0))
    await subject.wait()  # takes the moment 0.0; the next is 1.0
    waiter = asyncio.create_task(subject.wait())
    await timeline.settle()
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    assert await start_times(timeline, subject, 2) == [1.0, 2.0]


async def test_a_cancelled_waiter_in_the_middle_leaves_its_moment_to_a_later_one() -> None:
    """Of three waiters, cancelling the second gives its moment to the next newcomer."""
    timeline = Timeline()
    subject = pacer(timeline, RatePolicy(rate=1.0))
    waiters = [asyncio.create_task(subject.wait()) for _ in range(3)]  # 0.0, 1.0, 2.0
    await timeline.settle()
    waiters[1].cancel()
    await timeline.settle()
    assert await start_times(timeline, subject, 1) == [1.0]
    waiters[1].cancel()
    await asyncio.gather(waiters[0], waiters[2], return_exceptions=True)
    assert waiters[2].done()
    assert timeline.now == 2.0


async def test_a_cancelled_waiter_during_a_hold_never_hangs() -> None:
    """Cancelling an attempt held back by a 429 ends it at once and costs nobody a slot."""
    timeline = Timeline()
    subject = pacer(timeline, FREE)
    subject.observe(429, {"retry-after": "5"})
    subject.after_429(5.0)
    waiter = asyncio.create_task(subject.wait())
    await timeline.settle()
    waiter.cancel()
    async with asyncio.timeout(GUARD):
        with pytest.raises(asyncio.CancelledError):
            await waiter
    assert await start_times(timeline, subject, 2) == [5.0, 5.0]


# --- learning from 429s ---------------------------------------------------------------------


async def test_a_late_429_of_the_wave_that_began_a_hold_holds_nothing_more() -> None:
    """A 429 that comes back after the hold is over, for an attempt sent before the hold
    began (a slow round trip), belongs to the wave that began it: no new hold. One for an
    attempt sent later holds attempts again."""
    timeline = Timeline()
    subject = pacer(timeline, FREE)
    subject.observe(429, {}, sent_at=0.0)
    subject.after_429(1.0, sent_at=0.0)  # held from 0.0 to 1.0
    timeline.now = 1.5
    subject.observe(429, {}, sent_at=-0.1)
    subject.after_429(1.0, sent_at=-0.1)
    assert await start_times(timeline, subject, 1) == [1.5]
    subject.observe(429, {}, sent_at=1.2)
    subject.after_429(1.0, sent_at=1.2)
    assert await start_times(timeline, subject, 1) == [2.5]


async def test_the_first_429_holds_new_attempts_for_its_retry_after() -> None:
    """Until a rate is known, a 429 to be retried after 2 s holds every new attempt 2 s."""
    timeline = Timeline()
    subject = pacer(timeline, FREE)
    subject.observe(429, {"retry-after": "2"})
    subject.after_429(2.0)
    assert not subject.idle
    assert await start_times(timeline, subject, 3) == [2.0, 2.0, 2.0]
    assert subject.idle  # the hold is over and no rate was measured: free again


async def test_the_rate_is_learned_from_a_token_bucket() -> None:
    """Against a 10/s bucket the pacer settles just under 10/s, and after the first
    burst of refusals few requests are turned away."""
    timeline = Timeline()
    subject = pacer(timeline)
    run = await drive(timeline, subject, full_bucket(10.0), items=300, workers=20)
    refused, accepted = len(run.refused), run.accepted
    assert subject.rate is not None
    assert 9.0 <= subject.rate <= 11.0
    assert len(accepted) == 300
    late = [t for t in accepted if t > 2.0]
    # The span of the accepted requests after the start: close to the bucket's rate.
    assert len(late) / (late[-1] - late[0]) == pytest.approx(10.0, rel=0.06)
    assert refused <= 30


async def test_without_learning_the_refusals_keep_coming() -> None:
    """The same run with pacing off: many more 429s (what learning saves)."""
    timeline = Timeline()
    run = await drive(
        timeline, pacer(timeline, RatePolicy.off()), full_bucket(10.0), items=300, workers=20
    )
    assert len(run.accepted) == 300
    assert len(run.refused) > 100


async def test_learning_off_never_holds() -> None:
    """``learn=False``: a 429 holds nothing back and teaches nothing."""
    subject = pacer(Timeline(), RatePolicy(learn=False))
    for _ in range(3):
        subject.observe(429, {"retry-after": "1"})
        subject.after_429(1.0)
    assert subject.idle
    assert subject.rate is None


async def test_a_learned_rate_never_exceeds_the_set_one() -> None:
    """With ``rate=5`` set, a server that allows 10/s still gets 5/s."""
    timeline = Timeline()
    subject = pacer(timeline, RatePolicy(rate=5.0))
    await drive(timeline, subject, full_bucket(10.0), items=60, workers=4)
    assert subject.rate == 5.0


async def test_a_slower_rate_redoes_the_moments_reserved_at_the_old_one() -> None:
    """Waiters that reserved moments at a fast pace wait again when it slows down."""
    timeline = Timeline()
    subject = pacer(timeline, RatePolicy(rate=10.0))
    await subject.wait()
    tasks = [asyncio.create_task(subject.wait()) for _ in range(3)]  # at 0.1, 0.2, 0.3
    await timeline.settle()
    subject._learned, subject._last_limited = 1.0, 0.0  # as a 429's measurement would set
    subject._set_interval()
    async with asyncio.timeout(GUARD):
        await timeline.run()
        await asyncio.gather(*tasks)
    assert timeline.now >= 2.0  # three attempts at 1/s after the change, not by 0.3 s


async def test_nothing_getting_through_holds_for_the_retry_after() -> None:
    """When no request got through between two 429s, the next ones wait as told."""
    timeline = Timeline()
    subject = pacer(timeline)
    subject.observe(429, {})
    subject.after_429(1.0)
    timeline.now += 1.0
    subject.observe(202, {})
    subject.observe(429, {})
    subject.after_429(1.0)  # rate measured: 1 accepted over 1 s (no hold needed)
    assert subject.rate is not None
    timeline.now += 2.0
    subject.observe(429, {})  # nothing accepted over 2 s
    subject.after_429(3.0)
    assert await start_times(timeline, subject, 1) == [6.0]


async def test_a_learned_rate_creeps_up_while_no_429_comes() -> None:
    """A second without a 429 raises a learned rate a little (the limit may have risen)."""
    timeline = Timeline()
    subject = pacer(timeline)
    learned = learn_ten_per_second(timeline, subject)
    timeline.now += 1.5
    await subject.wait()
    assert subject.rate is not None
    assert subject.rate > learned


async def test_a_learned_rate_is_forgotten_after_a_quiet_spell() -> None:
    """``forget_after`` seconds without a 429 and the client sends freely again."""
    timeline = Timeline()
    subject = pacer(timeline, RatePolicy(forget_after=30.0, slow_start=False))
    learn_ten_per_second(timeline, subject)
    timeline.now += 31.0
    await subject.wait()
    assert subject.rate is None
    assert subject.idle


# --- rate-limit headers ---------------------------------------------------------------------


async def test_ratelimit_headers_with_a_window_set_the_rate_and_burst() -> None:
    """``RateLimit-Policy: 10;w=1`` with 4 remaining: 4 attempts now, then 10/s."""
    timeline = Timeline()
    subject = pacer(timeline)
    subject.observe(
        200,
        {
            "ratelimit-limit": "10",
            "ratelimit-remaining": "4",
            "ratelimit-reset": "1",
            "ratelimit-policy": "10;w=1",
        },
    )
    assert subject.rate == pytest.approx(9.8)  # a little under the stated 10/s
    started = await start_times(timeline, subject, 6)
    assert started[:4] == [0.0] * 4
    assert started[4:] == pytest.approx([1 / 9.8, 2 / 9.8])


async def test_x_ratelimit_remaining_zero_holds_until_the_reset() -> None:
    """``X-RateLimit-Remaining: 0`` with a Unix-time reset 30 s ahead holds attempts 30 s."""
    timeline = Timeline()
    subject = pacer(timeline, FREE, wall=1_700_000_000.0)
    subject.observe(
        200,
        {
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": "1700000030",
        },
    )
    assert await start_times(timeline, subject, 2) == [30.0, 30.0]


async def test_remaining_quota_without_a_window_changes_nothing() -> None:
    """A quota with requests left and no window says nothing about pace: send freely."""
    subject = pacer(Timeline(), FREE)
    subject.observe(200, {"x-ratelimit-limit": "60", "x-ratelimit-remaining": "59"})
    assert subject.idle
    assert subject.rate is None


async def test_headers_are_ignored_when_learning_is_off() -> None:
    """``learn=False`` reads no headers either."""
    subject = pacer(Timeline(), RatePolicy(learn=False))
    subject.observe(200, {"ratelimit-remaining": "0", "ratelimit-reset": "9"})
    assert subject.idle


async def test_a_header_paced_client_never_hits_a_bucket_that_states_its_quota() -> None:
    """Told the quota by headers on every answer, the pacer keeps inside it: no 429."""
    timeline = Timeline()
    subject = pacer(timeline)
    bucket = full_bucket(10.0)
    refused = 0

    async def worker(count: int) -> None:
        nonlocal refused
        for _ in range(count):
            await subject.wait()
            status = 202 if bucket.take(timeline()) is None else 429
            refused += status == 429
            remaining = math.floor(bucket.tokens)
            subject.observe(
                status,
                {
                    "ratelimit-limit": "10",
                    "ratelimit-remaining": str(remaining),
                    "ratelimit-reset": str(math.ceil((10 - bucket.tokens) / 10)),
                    "ratelimit-policy": "10;w=1",
                },
            )

    subject.observe(
        202, {"ratelimit-limit": "10", "ratelimit-remaining": "10", "ratelimit-policy": "10;w=1"}
    )
    tasks = [asyncio.create_task(worker(25)) for _ in range(4)]
    async with asyncio.timeout(GUARD):
        await timeline.run()
        await asyncio.gather(*tasks)
    assert refused == 0
    # 100 requests: 10 at once, then 90 at a little under 10/s.
    assert timeline.now == pytest.approx(90 / 9.8, abs=0.2)


async def test_a_429_after_an_idle_spell_lowers_the_rate_a_little_only() -> None:
    """Few requests over a long quiet spell say nothing of the server's rate: a 429 after
    one slows the pace by a few percent instead of down to that count."""
    timeline = Timeline()
    subject = pacer(timeline)
    learned = learn_ten_per_second(timeline, subject)
    timeline.now += 20.0
    subject.observe(202, {})
    subject.observe(429, {})  # 1 accepted over 20 s, but only 2 requests were sent
    assert subject.rate == pytest.approx(learned * 0.95)
