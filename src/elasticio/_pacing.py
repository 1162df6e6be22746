"""Pacing: new attempts spaced out so that a rate limit is rarely hit, not hit and waited out.

A `Pacer` spaces new attempts (first attempts and retries alike) at a rate, with a token
bucket in the form of a schedule: each attempt reserves the next free moment and sleeps
until then. While no limit is known it ramps up (a slow start, as TCP's): the rate starts
modest and grows with every accepted answer, so it doubles every fraction of a second
while the client is busy, and the client sends freely once it is high. A server with no limit costs
a client a fraction of a second once; a limited one is hit by about the ramp's rate times
a round trip before its first 429 is seen, not by everything in flight. When the server
(or the client itself) falls behind the ramp, answers take longer, and more requests in
flight would only wait in a queue there, all to be refused together once the limit is
reached: so while the latest round trip is over twice the quickest, the ramp keeps about
two quickest round trips' worth in flight, and further attempts wait a little for an
answer (never long: requests that are merely slow must not hold the others back). The
rate comes from, in order of trust:

* the user: ``RatePolicy(rate=...)``, a ceiling that is always applied;
* the server's rate-limit headers, when it sends them (see `elasticio._rate_headers`): a
  quota with a window gives the rate, ``remaining: 0`` holds attempts until the reset;
* the 429s themselves. A token bucket that answers 429 is empty, so the requests it
  accepted between two of its 429s are what it refilled in between: that count over that
  time is its rate. Until the first such measurement, a 429 holds every new attempt back
  for its ``Retry-After`` and the ramp starts again, slower, from a quarter of the rate
  that was refused; afterwards the schedule replaces the hold. 429s that come back during
  a hold answer attempts sent before it and teach nothing new. A learned rate creeps up
  while no 429 comes (a limit may have been raised) and is forgotten after
  ``forget_after`` seconds without one (the slow start then begins again).
"""

from __future__ import annotations

import asyncio
import heapq
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import NamedTuple

import attrs

from elasticio._checks import bounded
from elasticio._rate_headers import read_rate_headers

__all__ = ["Pacer", "RatePolicy"]

# Two 429s closer than this belong to one burst of refusals: too little time to measure.
_MIN_SPAN = 0.05
# A measurement starts afresh after this long, so that the rate follows a limit that
# changes; a 429 longer than _STALE after the last one starts a new measurement.
_REMARK = 10.0
_STALE = 30.0
# Pacing a little below the measured rate leaves room for the jitter of arrival times.
_MARGIN = 0.02
# No request accepted between two 429s this far apart: the server takes none for now.
_STALL = 0.5
# Answers to attempts sent before pacing began stop coming in about this long after.
_SETTLE = 1.0
# Without a 429 for a second, a learned rate grows by this share each second.
_PROBE = 0.02
# A client that sent under half of what its pace allowed was idle for a while: the server
# may have had capacity to spare that the count of accepted requests misses.
_BUSY = 0.5
# It then slows down by this share on a 429 instead of trusting the count.
_BACK_OFF = 0.05
# The slow start: its first rate, what each accepted answer adds to it (so it doubles
# every ln 2 / 5, about 0.14 s, while attempts queue and answers come back at once), the
# rate beyond which the client sends freely, by how much a 429 cuts the rate and the
# growth (the second ramp, which measures the limit, then overshoots it less), and how
# far ahead a moment is reserved on the ramp.
_START = 100.0
_GROWTH = 5.0
_FREE = 4000.0
_CUT = 4.0
_HORIZON = 0.02
# In the slow start, a round trip over _QUEUE times the quickest shows a queue: requests in
# flight are then kept to _QUEUE quickest round trips' worth at the ramp's pace (at least
# _WINDOW), and an attempt waits for an answer at most _PATIENCE plus four quickest ones.
_QUEUE = 2.0
_WINDOW = 8
_PATIENCE = 0.01


class _Mark(NamedTuple):
    """Where a measurement starts: a 429's time, the answers counted by then, and whether
    attempts had been paced for a while (before that, answers to requests sent unpaced
    are still coming in and inflate the count)."""

    time: float
    answered: int
    refused: int
    clean: bool


@attrs.frozen(kw_only=True)
class RatePolicy:
    """How a client paces its attempts under a rate limit.

    By default the client ramps its attempts up until the server shows a limit (a 429, or
    rate-limit headers), then spaces its new attempts at the rate it learns, so that few
    more requests are turned away. ``rate`` sets a rate of your own, in requests per
    second, applied from the first request (the learned one can only be lower); ``burst``
    attempts may go at once within it. ``learn=False`` keeps to ``rate`` alone (or to
    nothing): 429s are then only retried, as the retry policy says. While the client
    learns and knows no rate, ``slow_start`` ramps its attempts up from 100 a second, 5 a
    second faster with each accepted answer (doubling about every 0.14 s while they
    queue), keeping about two round trips' worth in flight when answers slow down (a
    queue), and lets them go freely past 4,000 a second: a server with no limit costs
    under a second once; a limited one refuses few. ``slow_start=False`` sends freely
    until the first 429 instead.

    Examples:
        >>> RatePolicy(rate=100.0).rate
        100.0
        >>> RatePolicy.off().learn
        False
        >>> RatePolicy().slow_start
        True
    """

    rate: float | None = attrs.field(
        default=None, validator=attrs.validators.optional(bounded(low=0, above=True))
    )
    burst: int = attrs.field(default=1, validator=bounded(low=1, whole=True))
    learn: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    forget_after: float = attrs.field(default=60.0, validator=bounded(low=0, above=True))
    slow_start: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))

    @classmethod
    def off(cls) -> RatePolicy:
        """No pacing at all: every attempt goes at once; 429s are only retried."""
        return cls(learn=False)


class Pacer:
    """The schedule new attempts of one client (and its ``with_options`` clients) keep.

    ``wait`` before each attempt, ``observe`` each answer, and ``after_429`` when a 429 is
    to be retried. While nothing is known of a limit, the client checks ``idle`` alone.

    Examples:
        >>> import asyncio
        >>> pacer = Pacer(RatePolicy(rate=10.0), clock=time.monotonic, sleep=asyncio.sleep)
        >>> pacer.rate
        10.0
    """

    def __init__(
        self,
        policy: RatePolicy,
        *,
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]],
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.policy = policy
        self._clock = clock
        self._sleep = sleep
        self._wall_clock = wall_clock
        self._hold_until = -math.inf
        self._held_at = -math.inf  # when the latest hold began
        self._learned: float | None = None  # requests/s measured or read from headers
        # The slow start's rate (of the last moment reserved); None outside it.
        self._ramp, self._growth = self._first_ramp(), _GROWTH
        self._tat = -math.inf  # when the schedule is next free (the bucket's clock)
        self._gate = asyncio.Lock()  # in the slow start: the waiter looking ahead
        self._busy = 0  # attempts waiting here or let through and not yet answered
        self._in_flight = 0  # attempts let through and not yet answered
        self._round_trip = math.inf  # the quickest round trip timed in this slow start
        self._latest_trip = 0.0  # the round trip of the latest answer timed
        self._room = asyncio.Event()  # set when an attempt in flight is answered
        self._door = asyncio.Lock()  # in the slow start: the waiter waiting for room
        self._epoch = 0  # moved on when the schedule slows down: reservations are redone
        self._freed: list[float] = []  # moments reserved by waiters that were cancelled
        self._interval = 0.0
        self._set_interval()  # from the rate set or the slow start's: interval, burst, idle
        self._answered = 0  # answers that were not 429
        self._refused = 0  # 429 answers
        self._mark: _Mark | None = None
        self._paced_since: float | None = None
        self._last_limited = -math.inf
        self._last_probe = -math.inf
        self._stalled = False
        self._answered_at_limit = 0

    @property
    def rate(self) -> float | None:
        """The limit, in requests per second, attempts are spaced at now: set or learned;
        None while none is known (they go freely, or ramp up in the slow start)."""
        if self._interval <= 0 or self._ramp is not None:
            return None
        return 1.0 / self._interval

    async def wait(self) -> float:
        """Wait for this attempt's moment; return how long that was (0.0 at once)."""
        if self.idle:
            return 0.0
        return await self._wait()

    def observe(
        self, status_code: int, headers: Mapping[str, str], *, sent_at: float | None = None
    ) -> None:
        """Learn from one answer: a 429, any rate-limit headers, and (given the clock's
        time when the attempt was let through) how long the round trip took."""
        self._answer()
        if sent_at is not None:
            self._latest_trip = self._clock() - sent_at
            self._round_trip = min(self._round_trip, self._latest_trip)
        if status_code == 429:
            self._limited(sent_at)
        else:
            self._answered += 1
            if self._ramp is not None:
                self._grow(self._ramp)
        if self.policy.learn and (
            "ratelimit-remaining" in headers or "x-ratelimit-remaining" in headers
        ):
            self._from_headers(headers)

    def abandon(self) -> None:
        """An attempt let through got no answer (an error, a cancellation)."""
        self._answer()

    def hold(self, seconds: float) -> None:
        """Let no attempt start within ``seconds`` from now."""
        now = self._clock()
        if now >= self._hold_until:
            self._held_at = now
        self._hold_until = max(self._hold_until, now + seconds)
        self.idle = False

    def after_429(self, retry_after: float, *, sent_at: float | None = None) -> None:
        """A 429 is to be retried after ``retry_after`` seconds: until a rate is known (or
        while nothing gets through), every new attempt waits as long. A 429 of the wave
        that started a hold does not make it longer: the server refilled meanwhile. Given
        when the refused attempt was let through (``sent_at``), one sent before the latest
        hold began belongs to that wave too, even if its answer comes after the hold."""
        if not self.policy.learn or self._of_held_wave(sent_at):
            return
        if self._learned is None or self._stalled:
            self.hold(retry_after)

    def _of_held_wave(self, sent_at: float | None) -> bool:
        """Whether a 429 now answers an attempt of the wave the latest hold answered:
        it comes during the hold, or the attempt went before the hold began."""
        if self._clock() < self._hold_until:
            return True
        return sent_at is not None and sent_at < self._held_at

    # -- waiting ---------------------------------------------------------------------------

    async def _wait(self) -> float:
        self._busy += 1
        try:
            waited = await self._wait_busy()
            if self._crowded():
                waited += await self._wait_for_room()
                # The moment reserved has passed meanwhile, and a hold or a slower pace
                # may have begun: the attempt waits its turn again.
                waited += await self._wait_busy()
        except BaseException:
            self._busy -= 1
            raise
        self._in_flight += 1
        return waited

    def _answer(self) -> None:
        """One attempt fewer in flight."""
        self._busy = max(0, self._busy - 1)
        self._in_flight = max(0, self._in_flight - 1)
        self._room.set()

    def _crowded(self) -> bool:
        """In the slow start, with answers slowed by a queue: is the window full?"""
        ramp, quickest = self._ramp, self._round_trip
        if ramp is None or self._latest_trip <= _QUEUE * quickest:
            return False
        return self._in_flight >= max(_WINDOW, round(ramp * quickest * _QUEUE))

    async def _wait_for_room(self) -> float:
        """Wait, in order, for an answer to make room in the window; give up after the
        patience, as requests that are slow rather than queued may be all in flight."""
        started = self._clock()
        async with self._door:
            patience = _PATIENCE + 4 * self._round_trip
            while self._crowded() and (left := started + patience - self._clock()) > 0:
                self._room.clear()
                answer = asyncio.ensure_future(self._room.wait())
                timer = asyncio.ensure_future(self._sleep(left))
                try:
                    await asyncio.wait((answer, timer), return_when=asyncio.FIRST_COMPLETED)
                finally:
                    answer.cancel()
                    timer.cancel()
        return self._clock() - started

    async def _wait_busy(self) -> float:
        waited = 0.0
        near = False
        while True:
            now = self._clock()
            self._refresh(now)
            if now < self._hold_until:
                pause = self._hold_until - now
                await self._sleep(pause)
                waited += pause
                continue  # the rate may be known by now: reserve a moment then
            if self._interval <= 0:
                self.idle = True  # the hold is over and no rate is known: send freely
                return waited
            if self._ramp is not None and self._busy == 1:
                # Alone, nothing in flight: one request at a time floods no server, and a
                # clock that stands still between requests (a test's) must not pace them.
                self._tat = now + self._interval
                return waited
            if self._ramp is not None and not near and self._tat - now > _HORIZON:
                # The ramp speeds up with every answer: a moment reserved far ahead would
                # be at a stale pace (and would bunch up with others after a stall). So
                # one waiter at a time waits for the schedule to come near; the rest
                # queue behind it in order, without waking.
                async with self._gate:
                    ahead = self._tat - self._clock() - _HORIZON
                    if ahead > 0:
                        await self._sleep(ahead)
                        waited += ahead
                near = True  # reserve next, even if others took the moments meanwhile
                continue
            epoch, moment = self._epoch, self._reserve(now)
            if moment <= now:
                return waited
            try:
                await self._sleep(moment - now)
            except BaseException:
                self._give_back(epoch, moment)
                raise
            waited += moment - now
            if epoch == self._epoch:
                return waited
            near = False
            # The schedule slowed down meanwhile: a moment reserved at the old pace is void.

    def _reserve(self, now: float) -> float:
        """The moment of the next attempt, taken from the schedule (or a freed one)."""
        moment = max(now, self._tat - (self._burst - 1) * self._interval)
        freed = self._freed
        while freed and freed[0] < now - self._interval:  # passed unused: no credit
            heapq.heappop(freed)
        if freed and freed[0] <= moment:
            return max(heapq.heappop(freed), now)
        self._tat = max(self._tat, moment) + self._interval
        return moment

    def _grow(self, ramp: float) -> None:
        """One more answer in the slow start: a little faster, or free past `_FREE`."""
        ramp += self._growth
        if ramp >= _FREE:
            self._ramp = None
            self._interval = 0.0  # the next wait finds no rate and lets attempts go
        else:
            self._ramp, self._interval = ramp, 1.0 / ramp

    def _first_ramp(self) -> float | None:
        """The slow start's first rate, if the policy has one and no rate is set."""
        policy = self.policy
        return _START if policy.slow_start and policy.learn and policy.rate is None else None

    def _give_back(self, epoch: int, moment: float) -> None:
        """A cancelled waiter's moment, for the next attempt: it took no slot."""
        if epoch != self._epoch:
            return  # the schedule was redone since; that moment is no longer in it
        if math.isclose(self._tat, moment + self._interval):
            self._tat = moment  # it was the last one reserved
        else:
            heapq.heappush(self._freed, moment)

    def _refresh(self, now: float) -> None:
        """Forget a learned rate that went unused long enough; probe a little higher."""
        if self._learned is None:
            return
        quiet = now - self._last_limited
        if quiet >= self.policy.forget_after:
            self._learned, self._mark, self._paced_since = None, None, None
            self._ramp, self._growth = self._first_ramp(), _GROWTH
            self._round_trip, self._latest_trip = math.inf, 0.0  # the path may have changed
            self._set_interval()
        elif quiet >= 1.0 and now - self._last_probe >= 1.0:
            self._learned *= 1.0 + _PROBE
            self._last_probe = now
            self._set_interval()

    def _set_interval(self) -> None:
        rates = [r for r in (self.policy.rate, self._learned) if r is not None]
        if rates:
            self._ramp = None  # a limit is known: the slow start is over
        elif self._ramp is not None:
            rates = [self._ramp]
        interval = 1.0 / min(rates) if rates else 0.0
        now = self._clock()
        if interval > self._interval > 0:
            # Slower now: the moments reserved at the old pace are redone at the new one.
            self._epoch += 1
            self._freed.clear()
            self._tat = min(self._tat, now + interval)
        self._interval = interval
        self._burst = self.policy.burst if self._learned is None else 1
        self.idle = not rates and self._hold_until <= now

    # -- learning --------------------------------------------------------------------------

    def _limited(self, sent_at: float | None) -> None:
        if not self.policy.learn:
            return
        now = self._clock()
        self._refused += 1
        if self._of_held_wave(sent_at):
            return  # it teaches nothing the 429 that began the hold did not
        self._measure(now)
        if self._learned is None:
            self._cut_ramp()

    def _cut_ramp(self) -> None:
        """A 429 with no rate known: ramp up again from a quarter of the refused rate, four
        times slower, so that the next 429 (which measures the limit) costs few."""
        if not (self.policy.slow_start and self.policy.rate is None):
            return
        refused = _FREE if self._ramp is None else self._ramp
        self._ramp = max(_START, refused / _CUT)
        self._growth = _GROWTH / _CUT
        self._set_interval()

    def _measure(self, now: float) -> None:
        """A 429 outside a hold: a measurement of the rate, if one has begun."""
        # Nothing got through since the last 429, a while ago: the server wants a pause.
        self._stalled = (
            self._answered == self._answered_at_limit and now - self._last_limited >= _STALL
        )
        self._last_limited, self._answered_at_limit = now, self._answered
        self._last_probe = now
        paced = self._paced_since is not None and now - self._paced_since >= _SETTLE
        mark = self._mark
        if mark is None or now - mark.time > _STALE:
            self._mark = _Mark(now, self._answered, self._refused, paced)
            return
        span = now - mark.time
        accepted = self._answered - mark.answered
        if span < _MIN_SPAN or accepted == 0:
            return
        estimate = accepted / span * (1.0 - _MARGIN)
        current = self._learned
        sent = accepted + self._refused - mark.refused
        if current is not None and estimate < current and sent < _BUSY * current * span:
            # The client sent less than its pace allowed, so the server had capacity to
            # spare that this count misses: slow down a little and measure afresh.
            self._learned = current * (1.0 - _BACK_OFF)
            self._mark = _Mark(now, self._answered, self._refused, paced)
        else:
            self._learned = estimate
            if self._paced_since is None:
                self._paced_since = now
            if span > _REMARK or (paced and not mark.clean):
                self._mark = _Mark(now, self._answered, self._refused, paced)
        self._set_interval()

    def _from_headers(self, headers: Mapping[str, str]) -> None:
        quota = read_rate_headers(headers, now=self._wall_clock())
        if quota is None:
            return
        now = self._clock()
        rate = quota.rate
        if rate is not None and quota.limit:
            self._learned = rate * (1.0 - _MARGIN)
            self._last_limited = now  # a stated quota counts as fresh news of the limit
            self._set_interval()
            self._burst = max(1, quota.limit)
            # The schedule as full as the server says the quota is, never fuller.
            self._tat = max(self._tat, now + (quota.limit - quota.remaining) * self._interval)
        elif quota.remaining <= 0 and quota.reset:
            self.hold(quota.reset)
