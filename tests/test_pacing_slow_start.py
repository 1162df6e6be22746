"""The slow start: while no limit is known, attempts ramp up instead of going all at once."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from elasticio import RatePolicy
from elasticio._pacing import Pacer
from tests._support.pacing import drive, full_bucket, learn_ten_per_second, start_times
from tests._support.timeline import Timeline

NO_LIMIT = 1e9  # a bucket that never runs dry


def pacer(timeline: Timeline, policy: RatePolicy | None = None) -> Pacer:
    return Pacer(policy or RatePolicy(), clock=timeline, sleep=timeline.sleep)


async def test_an_attempt_alone_goes_at_once() -> None:
    """One attempt at a time, nothing else in flight, is never held back by the ramp: a
    clock that stands still between requests (a test's) sees no waits."""
    timeline = Timeline()
    subject = pacer(timeline)
    for _ in range(5):
        assert await subject.wait() == 0.0
        subject.observe(200, {})
    subject.abandon()  # an attempt that got no answer is no longer in flight either
    assert await subject.wait() == 0.0
    assert timeline.sleeps == []


async def test_the_first_attempts_go_at_100_a_second_until_answers_come() -> None:
    """Attempts queued at once go at 100/s while no answer has come back."""
    timeline = Timeline()
    subject = pacer(timeline)
    assert not subject.idle
    assert await start_times(timeline, subject, 4) == pytest.approx([0.0, 0.01, 0.02, 0.03])
    assert subject.rate is None  # a ramp is no known limit


async def test_each_accepted_answer_speeds_the_ramp_up() -> None:
    """Each answer that is not a 429 adds 5/s to the pace."""
    timeline = Timeline()
    subject = pacer(timeline)
    await subject.wait()
    for _ in range(20):
        subject.observe(200, {})
    subject.observe(404, {})
    started = await start_times(timeline, subject, 2)
    assert started[1] - started[0] == pytest.approx(1 / (100 + 21 * 5))


async def test_the_ramp_doubles_in_a_fraction_of_a_second() -> None:
    """While attempts queue and answers come almost at once, the pace doubles about every
    0.14 s (ln 2 / 5)."""
    timeline = Timeline()
    bucket = full_bucket(NO_LIMIT)
    run = await drive(timeline, pacer(timeline), bucket, items=400, workers=256, round_trip=1e-3)
    first = sum(1 for moment in run.accepted if moment < 0.14)
    second = sum(1 for moment in run.accepted if 0.14 <= moment < 0.28)
    assert second == pytest.approx(2 * first, rel=0.15)


async def test_a_server_without_a_limit_costs_under_a_second_once() -> None:
    """1,000 requests, 64 at a time with 20 ms round trips, to a server with no limit:
    the ramp adds less than a second, then the client sends freely for good."""
    ramped, free = Timeline(), Timeline()
    ramped_pacer = pacer(ramped)
    unpaced = pacer(free, RatePolicy(slow_start=False))
    for timeline, subject in ((ramped, ramped_pacer), (free, unpaced)):
        bucket = full_bucket(NO_LIMIT)
        await drive(timeline, subject, bucket, items=1000, workers=64, round_trip=0.02)
    assert free.now == pytest.approx(1000 / 64 * 0.02, abs=0.03)
    assert ramped.now - free.now < 1.0
    assert ramped_pacer.idle
    assert await start_times(ramped, ramped_pacer, 100) == [ramped.now] * 100


async def test_the_ramp_ends_at_once_whatever_the_count() -> None:
    """The ramp's cost is one-off: past 4,000/s (under a second) attempts go freely, so
    3,000 requests queued at once finish when 1,000 do."""
    few, many = Timeline(), Timeline()
    for timeline, items in ((few, 1000), (many, 3000)):
        bucket = full_bucket(NO_LIMIT)
        await drive(timeline, pacer(timeline), bucket, items=items, workers=items, round_trip=1e-3)
    assert many.now == pytest.approx(few.now, abs=0.01)
    assert 0.5 < many.now < 1.0


@pytest.mark.parametrize("workers", [64, 256])
async def test_a_limited_server_refuses_few_even_with_many_in_flight(workers: int) -> None:
    """400 requests through a 40/s bucket (burst 40) with 20 ms round trips: at most 3 %
    answered 429 and no slower than 1.05 x the ideal, at 64 and at 256 in flight."""
    timeline = Timeline()
    run = await drive(
        timeline, pacer(timeline), full_bucket(40.0), items=400, workers=workers, round_trip=0.02
    )
    assert len(run.accepted) == 400
    assert run.share_refused <= 0.03
    assert timeline.now <= 1.05 * 400 / 40


async def test_without_the_slow_start_the_first_wave_is_refused() -> None:
    """The same run with ``slow_start=False``: everything in flight goes at once, and most
    of it is refused (what the ramp saves)."""
    timeline = Timeline()
    run = await drive(
        timeline,
        pacer(timeline, RatePolicy(slow_start=False)),
        full_bucket(40.0),
        items=400,
        workers=256,
        round_trip=0.02,
    )
    assert len(run.refused) > 200


async def test_the_first_429_holds_then_ramps_again_from_a_quarter() -> None:
    """A 429 in the ramp holds attempts for its ``Retry-After``; then they ramp again from
    a quarter of the rate that was refused, growing four times slower."""
    timeline = Timeline()
    subject = pacer(timeline)
    for _ in range(100):  # one after another: the ramp reaches 100 + 5 x 100 = 600/s
        await subject.wait()
        subject.observe(202, {})
        timeline.now += 0.01
    subject.observe(429, {"retry-after": "1"})
    subject.after_429(1.0)
    held = timeline.now
    started = await start_times(timeline, subject, 3)
    assert started[0] == pytest.approx(held + 1.0)
    assert 1 / (started[1] - started[0]) == pytest.approx(600 / 4)
    assert 1 / (started[2] - started[1]) == pytest.approx(600 / 4)
    subject.observe(202, {})  # an answer now adds 5/4 a second, not 5
    later = await start_times(timeline, subject, 2)
    assert later[1] - later[0] == pytest.approx(1 / 151.25)
    assert subject.rate is None


async def test_429s_during_the_hold_teach_nothing() -> None:
    """429s that come back while attempts are held answer attempts sent before: they cut
    the ramp no further and measure no rate."""
    timeline = Timeline()
    subject = pacer(timeline)
    subject.observe(429, {"retry-after": "1"})
    subject.after_429(1.0)
    for _ in range(5):
        timeline.now += 0.1
        subject.observe(202, {})
        subject.observe(429, {"retry-after": "1"})
    assert subject.rate is None
    timeline.now = 2.0  # the hold is over
    started = await start_times(timeline, subject, 2)
    # Cut once, to 100/s growing 5/4 a second per answer: 5 answers later, 106.25/s.
    assert 1 / (started[1] - started[0]) == pytest.approx(100 + 5 * 5 / 4)


async def test_a_set_rate_or_learning_off_has_no_slow_start() -> None:
    """A rate of the user's own applies from the first attempt; ``learn=False`` without
    a rate sends freely."""
    timeline = Timeline()
    assert await start_times(timeline, pacer(timeline, RatePolicy(rate=1000.0)), 3) == (
        pytest.approx([0.0, 0.001, 0.002])
    )
    assert pacer(timeline, RatePolicy(learn=False)).idle


async def test_a_forgotten_rate_starts_the_slow_start_again() -> None:
    """``forget_after`` seconds without a 429: the learned rate goes, and the ramp comes
    back rather than every attempt at once."""
    timeline = Timeline()
    subject = pacer(timeline, RatePolicy(forget_after=30.0))
    learn_ten_per_second(timeline, subject)
    timeline.now += 31.0
    started = await start_times(timeline, subject, 2)
    assert subject.rate is None
    assert started[1] - started[0] == pytest.approx(1 / 100)


async def test_the_steady_state_probes_with_single_429s() -> None:
    """Once the rate is learned, the upward creep finds the limit again with a lone 429
    now and then, never a burst: over 60 s at 20/s, a few 429s, none within 0.5 s of
    another."""
    timeline = Timeline()
    run = await drive(
        timeline, pacer(timeline), full_bucket(20.0), items=1200, workers=64, round_trip=0.02
    )
    late = [moment for moment in run.refused if moment > 5.0]
    assert len(late) <= 12
    assert all(b - a > 0.5 for a, b in itertools.pairwise(late))


@pytest.mark.parametrize("workers", [64, 256])
async def test_a_limited_server_that_falls_behind_refuses_few(workers: int) -> None:
    """1,000 requests through a 100/s bucket (burst 100) on a server that handles one
    request at a time in 2.5 ms (400/s at most), with 2 ms round trips: the ramp outgrows
    the server before the bucket runs dry, so requests would queue there, all to be
    refused together. The ramp keeps about two round trips' worth in flight instead: at
    most 3 % refused, no slower than 1.05 x the ideal."""
    timeline = Timeline()
    run = await drive(
        timeline,
        pacer(timeline),
        full_bucket(100.0),
        items=1000,
        workers=workers,
        round_trip=0.002,
        service=0.0025,
    )
    assert len(run.accepted) == 1000
    assert run.share_refused <= 0.03
    assert timeline.now <= 1.05 * 1000 / 100


async def slowed(timeline: Timeline, subject: Pacer, quickest: float, latest: float) -> None:
    """Two answers through ``subject``: round trips of ``quickest``, then of ``latest``
    seconds (the ramp is then at 110/s)."""
    for trip in (quickest, latest):
        await subject.wait()
        sent_at = timeline.now
        timeline.now += trip
        subject.observe(200, {}, sent_at=sent_at)


async def waiting(timeline: Timeline, subject: Pacer) -> asyncio.Task[float]:
    """An attempt that waits for room: the window is full and no answer comes."""
    task = asyncio.create_task(subject.wait())
    await timeline.settle()
    return task


async def test_behind_the_ramp_it_keeps_two_round_trips_worth_in_flight() -> None:
    """The latest round trip (0.3 s) is over twice the quickest (0.1 s): a queue. With
    the ramp at 110/s, 2 x 110 x 0.1 = 22 attempts may be in flight; the 23rd waits for an
    answer, which lets it through."""
    timeline = Timeline()
    subject = pacer(timeline)
    await slowed(timeline, subject, 0.1, 0.3)
    started = await start_times(timeline, subject, 22)
    late = await waiting(timeline, subject)
    await timeline.run(until=timeline.now + 0.2)
    assert not late.done()
    subject.observe(200, {}, sent_at=started[0])
    await timeline.run()
    assert late.done()


async def test_with_answers_as_quick_as_ever_the_window_does_not_apply() -> None:
    """Round trips that stay near the quickest show no queue: 40 attempts go, paced by the
    ramp alone, with none answered. Before any round trip is timed, the same."""
    for trips in ((0.1, 0.15), ()):
        timeline = Timeline()
        subject = pacer(timeline)
        if trips:
            await slowed(timeline, subject, *trips)
        assert len(await start_times(timeline, subject, 40)) == 40


async def test_an_attempt_waits_for_room_only_a_little() -> None:
    """No answer comes (every request in flight is slow, not queued): the attempt goes
    after 0.01 s plus four quickest round trips, at the ramp's next moment."""
    timeline = Timeline()
    subject = pacer(timeline)
    await slowed(timeline, subject, 0.01, 0.5)
    await start_times(timeline, subject, 8)
    full = timeline.now
    late = await waiting(timeline, subject)
    await timeline.run(until=full + 0.049)
    assert not late.done()
    await timeline.run()
    assert late.done()
    assert timeline.now == pytest.approx(full + 0.05 + 1 / 110)


async def test_an_attempt_waiting_for_room_keeps_to_a_hold_begun_meanwhile() -> None:
    """The answer that makes room is a 429: the attempt waiting for that room waits out
    the hold it started, rather than go at once."""
    timeline = Timeline()
    subject = pacer(timeline)
    await slowed(timeline, subject, 0.1, 0.5)
    await start_times(timeline, subject, 22)
    late = await waiting(timeline, subject)
    subject.observe(429, {"retry-after": "1"})
    subject.after_429(1.0)
    held_until = timeline.now + 1.0
    await timeline.run()
    assert late.done()
    assert timeline.now >= held_until


async def test_a_cancelled_attempt_waiting_for_room_leaves_the_count_alone() -> None:
    """Cancelled while it waits for room, an attempt was never in flight: one attempt
    ending then lets exactly one more through, and the other waits on."""
    timeline = Timeline()
    subject = pacer(timeline)
    await slowed(timeline, subject, 0.1, 0.5)
    await start_times(timeline, subject, 22)
    cancelled = await waiting(timeline, subject)
    cancelled.cancel()
    await timeline.settle()
    assert cancelled.cancelled()
    after = [await waiting(timeline, subject) for _ in range(2)]
    subject.abandon()
    await timeline.run(until=timeline.now + 0.1)
    assert [task.done() for task in after] == [True, False]
    after[1].cancel()
    await asyncio.gather(after[1], return_exceptions=True)
