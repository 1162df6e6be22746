"""Retry policy: which failures are retried, how long to wait, and the tenacity engine."""

from __future__ import annotations

import enum
import random
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import attrs
import httpx
from tenacity import AsyncRetrying, RetryCallState

from elasticio._checks import bounded

__all__ = [
    "IDEMPOTENT_METHODS",
    "RetryDecision",
    "RetryPolicy",
    "Safety",
    "failure_safety",
    "parse_retry_after",
    "plan_retry",
    "retrying",
    "with_retries",
]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})

# Typed as optional so that attrs types the fields below as optional too.
_DEFAULT_DEADLINE: float | None = 300.0
_DEFAULT_ATTEMPT_TIMEOUT: float | None = 60.0


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """When and how a request is tried again.

    * 429 and 503 are retried for every method: the request was not processed. A
      ``Retry-After`` (seconds or an HTTP date) is honoured up to ``max_retry_after``;
      a longer one raises at once, with ``retry_after`` on the error.
    * 408, 500, 502, 504, other 5xx, read timeouts and dropped connections are retried
      only for idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS).
    * Connection failures before the request was sent are retried for every method.
    * Other statuses (409 included) are never retried.

    ``max_retries`` counts retries after failures. A 429 has its own, larger count,
    ``max_rate_limit_retries``: the server asked for the request again after a wait and
    processed nothing, and under a sustained rate limit (bulk work) a request may be
    told to wait several times. ``max_retries=0`` switches both off.

    Without ``Retry-After`` the wait doubles from ``backoff_initial`` up to
    ``backoff_max``, with up to ``jitter`` of it randomised away.

    Every call is bounded in time, however slowly the server answers (httpx's own
    timeouts apply to each read, so a server trickling a byte at a time never trips them):
    each attempt, from sending to the last byte of the body, gets at most
    ``attempt_timeout`` seconds (default 60), and the whole call, retries and waits
    included, at most ``deadline`` seconds (default 300). Past either, the call raises
    `APITimeoutError` (a `TimeoutError`); an attempt cut off by ``attempt_timeout`` counts
    as a read timeout, so an idempotent request is retried if the deadline leaves room.
    ``None`` switches a limit off.

    Examples:
        >>> RetryPolicy(max_retries=5, deadline=30.0).max_retries
        5
        >>> RetryPolicy().attempt_timeout, RetryPolicy().deadline
        (60.0, 300.0)
    """

    max_retries: int = attrs.field(default=3, validator=bounded(low=0, whole=True))
    max_rate_limit_retries: int = attrs.field(default=10, validator=bounded(low=0, whole=True))
    max_retry_after: float = attrs.field(default=60.0, validator=bounded(low=0))
    backoff_initial: float = attrs.field(default=0.5, validator=bounded(low=0))
    backoff_max: float = attrs.field(default=8.0, validator=bounded(low=0))
    jitter: float = attrs.field(
        default=0.5,
        validator=bounded(low=0, high=1),
    )
    deadline: float | None = attrs.field(
        default=_DEFAULT_DEADLINE,
        validator=attrs.validators.optional(bounded(low=0, above=True)),
    )
    attempt_timeout: float | None = attrs.field(
        default=_DEFAULT_ATTEMPT_TIMEOUT,
        validator=attrs.validators.optional(bounded(low=0, above=True)),
    )

    @classmethod
    def never(cls) -> RetryPolicy:
        """A policy that makes exactly one attempt."""
        return cls(max_retries=0, max_rate_limit_retries=0)

    def with_max_retries(self, max_retries: int) -> RetryPolicy:
        """This policy with another ``max_retries``; 0 also stops retrying 429s."""
        rate_limited = 0 if max_retries == 0 else self.max_rate_limit_retries
        return attrs.evolve(self, max_retries=max_retries, max_rate_limit_retries=rate_limited)

    def backoff(self, retry_number: int, rng: Callable[[], float] = random.random) -> float:
        """The wait before retry ``retry_number`` (1-based) when the server gave no hint."""
        ceiling = min(self.backoff_max, self.backoff_initial * 2.0 ** (retry_number - 1))
        return ceiling * (1.0 - self.jitter * rng())


class Safety(enum.Enum):
    """Whether a failed attempt may be repeated."""

    ANY_METHOD = "the request was certainly not processed"
    IDEMPOTENT_ONLY = "the request may have been processed"
    NEVER = "retrying would not help"


_CERTAINLY_NOT_SENT: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)
_MAYBE_PROCESSED: tuple[type[Exception], ...] = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
)


def failure_safety(*, status_code: int | None = None, error: BaseException | None = None) -> Safety:
    """Classify one failed attempt: a status code or a transport exception."""
    if error is not None:
        if isinstance(error, _CERTAINLY_NOT_SENT):
            return Safety.ANY_METHOD
        if isinstance(error, _MAYBE_PROCESSED):
            return Safety.IDEMPOTENT_ONLY
        return Safety.NEVER
    if status_code in (429, 503):
        return Safety.ANY_METHOD
    if status_code == 408 or (status_code is not None and 500 <= status_code <= 599):
        return Safety.IDEMPOTENT_ONLY
    return Safety.NEVER


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP-date).

    None for a value that names no wait: missing, unreadable, not a finite number, or a
    date no clock can hold (the retry then backs off as if there were no hint). A wait
    already over is 0.

    Examples:
        >>> now = datetime(2025, 1, 1, tzinfo=UTC)
        >>> parse_retry_after("120", now=now), parse_retry_after("soon", now=now)
        (120.0, None)
        >>> parse_retry_after("Mon, 01 Jan 99999999999999 00:00:00 GMT", now=now) is None
        True
    """
    if value is None:
        return None
    text = value.strip().strip("'\"").strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        # The email parser turns out-of-range years, days and offsets into any of these.
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        seconds = (moment - now).total_seconds()
    if seconds != seconds or seconds in (float("inf"), float("-inf")):
        return None
    return max(0.0, seconds)


@attrs.frozen
class RetryDecision:
    """What to do after one failed attempt."""

    retry: bool
    delay: float = 0.0
    reason: str = ""
    status_code: int | None = None


def plan_retry(
    policy: RetryPolicy,
    method: str,
    *,
    retry_number: int,
    elapsed: float,
    status_code: int | None = None,
    headers: Mapping[str, str] | None = None,
    error: BaseException | None = None,
    now: datetime,
    rng: Callable[[], float] = random.random,
) -> RetryDecision:
    """Decide whether attempt ``retry_number`` (1-based count of retries) should happen."""
    safety = failure_safety(status_code=status_code, error=error)
    what = f"status {status_code}" if error is None else type(error).__name__
    if safety is Safety.NEVER:
        return RetryDecision(False, reason=f"{what} is not retried")
    if safety is Safety.IDEMPOTENT_ONLY and method.upper() not in IDEMPOTENT_METHODS:
        return RetryDecision(False, reason=f"{what} after {method} may have been processed")
    allowed = policy.max_rate_limit_retries if status_code == 429 else policy.max_retries
    if retry_number > allowed:
        return RetryDecision(False, reason=f"gave up after {allowed} retries")
    hinted = parse_retry_after((headers or {}).get("retry-after"), now=now)
    if hinted is not None and hinted > policy.max_retry_after:
        return RetryDecision(
            False, reason=f"Retry-After {hinted:.0f}s exceeds {policy.max_retry_after:.0f}s"
        )
    delay = hinted if hinted is not None else policy.backoff(retry_number, rng)
    # At the deadline itself no time is left for the attempt the sleep is for.
    if policy.deadline is not None and elapsed + delay >= policy.deadline:
        return RetryDecision(False, reason=f"the {policy.deadline:.0f}s deadline would pass")
    return RetryDecision(True, delay=delay, reason=what, status_code=status_code)


def retrying(
    policy: RetryPolicy,
    method: str,
    *,
    sleep: Callable[[float], Awaitable[None]],
    clock: Callable[[], float],
    wall_clock: Callable[[], datetime],
    on_retry: Callable[[int, RetryDecision], None],
    rng: Callable[[], float] = random.random,
    started: float | None = None,
) -> AsyncRetrying:
    """A tenacity engine whose every step is decided by `plan_retry`.

    The attempt returns an `httpx.Response` (any status) or raises a transport
    error; the predicate reads either, and hands its delay to the wait function.
    ``started`` (default: now) is the moment on ``clock`` the call began, for the deadline.
    """
    if started is None:
        started = clock()
    decisions: dict[int, RetryDecision] = {}

    def should_retry(state: RetryCallState) -> bool:
        outcome = state.outcome
        if outcome is None:  # tenacity asks only after an attempt; this keeps mypy honest
            return False
        status_code: int | None = None
        headers: Mapping[str, str] | None = None
        error = outcome.exception()
        if error is None:
            response: httpx.Response = outcome.result()
            if response.status_code < 400:
                return False
            status_code, headers = response.status_code, response.headers
        decision = plan_retry(
            policy,
            method,
            retry_number=state.attempt_number,
            elapsed=clock() - started,
            status_code=status_code,
            headers=headers,
            error=error,
            now=wall_clock(),
            rng=rng,
        )
        decisions[state.attempt_number] = decision
        if decision.retry:
            on_retry(state.attempt_number, decision)
        return decision.retry

    def wait(state: RetryCallState) -> float:
        return decisions[state.attempt_number].delay

    return AsyncRetrying(retry=should_retry, wait=wait, sleep=sleep, reraise=True)


async def with_retries(
    attempt: Callable[[], Awaitable[httpx.Response]],
    policy: RetryPolicy,
    method: str,
    *,
    sleep: Callable[[float], Awaitable[None]],
    clock: Callable[[], float],
    wall_clock: Callable[[], datetime],
    on_retry: Callable[[int, RetryDecision], None],
    rng: Callable[[], float] = random.random,
) -> httpx.Response:
    """Await ``attempt()`` and retry it as the `retrying` engine decides.

    The first attempt runs on its own, and most calls end there: an answer below 400 is
    never retried. Only a failure (a status of 400 or more, or an exception) builds the
    tenacity engine, which is handed that first outcome as its attempt 1 and goes on
    from there, so every decision is the one the engine would have made from the start.

    Examples:
        >>> async def ok() -> httpx.Response:
        ...     return httpx.Response(200)
        >>> response = await with_retries(  # doctest: +SKIP
        ...     ok, RetryPolicy(), "GET", sleep=asyncio.sleep, clock=time.monotonic,
        ...     wall_clock=lambda: datetime.now(UTC), on_retry=lambda n, d: None)
    """
    started = clock()
    first: httpx.Response | Exception
    try:
        first = await attempt()
    except Exception as exc:  # a cancellation is never retried, so it passes as it is
        first = exc
    else:
        if first.status_code < 400:
            return first
    replayed = False

    async def again() -> httpx.Response:
        nonlocal replayed
        if replayed:
            return await attempt()
        replayed = True
        if isinstance(first, Exception):
            raise first
        return first

    engine = retrying(
        policy,
        method,
        sleep=sleep,
        clock=clock,
        wall_clock=wall_clock,
        on_retry=on_retry,
        rng=rng,
        started=started,
    )
    response: httpx.Response = await engine(again)
    return response
