"""The retry rules as pure functions: no client, no network, no sleeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import attrs
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elasticio import RetryPolicy
from elasticio._retry import (
    IDEMPOTENT_METHODS,
    RetryDecision,
    Safety,
    failure_safety,
    parse_retry_after,
    plan_retry,
)

NOW = datetime(2025, 6, 1, 12, 0, 0, tzinfo=UTC)
# Something shaped like an HTTP-date, with numbers of any size where they go.
_HTTP_DATE_ISH = (
    r"(Mon|Tue|Sun), [0-9]{1,20} (Jan|Feb|Dec|Foo) -?[0-9]{1,20} "
    r"[0-9]{1,3}:[0-9]{1,3}:[0-9]{1,3} (GMT|UTC|[+-][0-9]{1,20})?"
)
REQUEST = httpx.Request("GET", "https://api.elastic.io/v2/x")


def low() -> float:
    """An rng at the bottom of its range: no jitter taken away."""
    return 0.0


def high() -> float:
    """An rng at the top of its range: all the jitter taken away."""
    return 0.999999


def plan(
    method: str = "GET",
    *,
    policy: RetryPolicy | None = None,
    retry_number: int = 1,
    elapsed: float = 0.0,
    status_code: int | None = None,
    headers: dict[str, str] | None = None,
    error: BaseException | None = None,
) -> RetryDecision:
    """plan_retry at a fixed wall-clock time, with an rng that draws no jitter."""
    return plan_retry(
        policy or RetryPolicy(),
        method,
        retry_number=retry_number,
        elapsed=elapsed,
        status_code=status_code,
        headers=headers,
        error=error,
        now=NOW,
        rng=low,
    )


# --- RetryPolicy -------------------------------------------------------------------------


def test_default_policy_values() -> None:
    """The default policy: 3 retries, a 60 s Retry-After cap, 0.5 s doubling to 8 s, 60 s
    per attempt and 300 s in all."""
    policy = RetryPolicy()
    assert (policy.max_retries, policy.max_retry_after) == (3, 60.0)
    assert (policy.backoff_initial, policy.backoff_max) == (0.5, 8.0)
    assert (policy.attempt_timeout, policy.deadline) == (60.0, 300.0)
    assert 0.0 < policy.jitter <= 1.0


def test_policy_is_frozen() -> None:
    """A policy cannot be changed in place; attrs.evolve makes a new one."""
    policy = RetryPolicy()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        policy.max_retries = 9  # type: ignore[misc]
    assert attrs.evolve(policy, max_retries=9).max_retries == 9


def test_policy_is_keyword_only() -> None:
    """Positional arguments are refused, so a number cannot land in the wrong field."""
    with pytest.raises(TypeError):
        RetryPolicy(5)  # type: ignore[misc]


@pytest.mark.parametrize(
    "field",
    [
        {"max_retries": -1},
        {"max_retry_after": -1.0},
        {"backoff_initial": -0.1},
        {"backoff_max": -1.0},
        {"jitter": 1.5},
        {"jitter": -0.1},
        {"deadline": 0.0},
    ],
)
def test_policy_rejects_out_of_range_values(field: dict[str, float]) -> None:
    """Negative counts and waits, jitter outside [0, 1] and a zero deadline are refused."""
    with pytest.raises(ValueError):
        RetryPolicy(**field)  # type: ignore[arg-type]


def test_never_makes_one_attempt() -> None:
    """RetryPolicy.never() allows no retry at all."""
    assert RetryPolicy.never().max_retries == 0


@pytest.mark.parametrize(
    ("retry_number", "ceiling"), [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 8.0), (6, 8.0)]
)
def test_backoff_doubles_from_half_a_second_up_to_eight(retry_number: int, ceiling: float) -> None:
    """Without jitter drawn, the wait is 0.5 s doubling per retry, capped at 8 s."""
    assert RetryPolicy().backoff(retry_number, low) == ceiling


@pytest.mark.parametrize("retry_number", [1, 2, 3, 4, 5, 9])
def test_backoff_jitter_stays_within_its_share(retry_number: int) -> None:
    """With the most jitter drawn, the wait is still at least (1 - jitter) of the ceiling."""
    policy = RetryPolicy()
    ceiling = min(8.0, 0.5 * 2 ** (retry_number - 1))
    wait = policy.backoff(retry_number, high)
    assert ceiling * (1 - policy.jitter) <= wait < ceiling


def test_backoff_without_jitter_is_exact() -> None:
    """jitter=0 makes the wait the ceiling whatever the rng says."""
    assert RetryPolicy(jitter=0.0).backoff(3, high) == 2.0


def test_backoff_follows_custom_bounds() -> None:
    """backoff_initial and backoff_max shape the curve."""
    policy = RetryPolicy(backoff_initial=1.0, backoff_max=3.0)
    assert [policy.backoff(n, low) for n in (1, 2, 3, 4)] == [1.0, 2.0, 3.0, 3.0]


# --- failure_safety ----------------------------------------------------------------------


@pytest.mark.parametrize("status_code", [429, 503])
def test_not_processed_statuses_are_safe_for_any_method(status_code: int) -> None:
    """429 and 503 mean the request was not processed."""
    assert failure_safety(status_code=status_code) is Safety.ANY_METHOD


@pytest.mark.parametrize("status_code", [408, 500, 501, 502, 504, 599])
def test_maybe_processed_statuses_are_safe_for_idempotent_methods(status_code: int) -> None:
    """408 and the other 5xx may have been processed."""
    assert failure_safety(status_code=status_code) is Safety.IDEMPOTENT_ONLY


@pytest.mark.parametrize("status_code", [300, 302, 400, 401, 403, 404, 405, 409, 410, 422])
def test_other_statuses_are_never_retried(status_code: int) -> None:
    """Other 4xx (409 included) and 3xx would fail the same way again."""
    assert failure_safety(status_code=status_code) is Safety.NEVER


@pytest.mark.parametrize(
    "error",
    [
        httpx.ConnectError("refused", request=REQUEST),
        httpx.ConnectTimeout("slow", request=REQUEST),
        httpx.PoolTimeout("busy", request=REQUEST),
    ],
)
def test_connection_failures_are_safe_for_any_method(error: Exception) -> None:
    """A request that never left is safe to send again, POST included."""
    assert failure_safety(error=error) is Safety.ANY_METHOD


@pytest.mark.parametrize(
    "error",
    [
        httpx.ReadTimeout("slow", request=REQUEST),
        httpx.WriteTimeout("slow", request=REQUEST),
        httpx.ReadError("reset", request=REQUEST),
        httpx.WriteError("reset", request=REQUEST),
        httpx.RemoteProtocolError("dropped", request=REQUEST),
    ],
)
def test_failures_after_sending_are_safe_for_idempotent_methods(error: Exception) -> None:
    """Once the request may have arrived, only idempotent methods are repeated."""
    assert failure_safety(error=error) is Safety.IDEMPOTENT_ONLY


@pytest.mark.parametrize(
    "error",
    [ValueError("bug"), httpx.LocalProtocolError("bad header"), httpx.UnsupportedProtocol("x")],
)
def test_other_exceptions_are_never_retried(error: Exception) -> None:
    """Bugs and local refusals would fail the same way again."""
    assert failure_safety(error=error) is Safety.NEVER


def test_idempotent_methods_are_the_five_safe_ones() -> None:
    """GET, HEAD, PUT, DELETE and OPTIONS are idempotent; POST and PATCH are not."""
    assert frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}) == IDEMPOTENT_METHODS


# --- parse_retry_after -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "seconds"), [("120", 120.0), (" 5 ", 5.0), ("0", 0.0), ("1.5", 1.5), ('"3"', 3.0)]
)
def test_retry_after_delta_seconds(value: str, seconds: float) -> None:
    """Delta-seconds, padded or quoted, are read as a number of seconds."""
    assert parse_retry_after(value, now=NOW) == seconds


def test_retry_after_http_date_is_relative_to_now() -> None:
    """An HTTP-date gives the seconds from ``now`` until then."""
    value = format_datetime(NOW + timedelta(seconds=42), usegmt=True)
    assert parse_retry_after(value, now=NOW) == 42.0


def test_retry_after_past_date_means_now() -> None:
    """A date already past gives zero, never a negative wait."""
    value = format_datetime(NOW - timedelta(minutes=5), usegmt=True)
    assert parse_retry_after(value, now=NOW) == 0.0


def test_retry_after_negative_delta_means_now() -> None:
    """A negative number never turns into a negative wait."""
    assert parse_retry_after("-5", now=NOW) == 0.0


@pytest.mark.parametrize("value", [None, "", "   ", "soon", "nan", "inf", "Someday, 99 Foo"])
def test_retry_after_unreadable_values_are_ignored(value: str | None) -> None:
    """A missing or unreadable value gives None, so backoff applies instead."""
    assert parse_retry_after(value, now=NOW) is None


@pytest.mark.parametrize(
    "value",
    [
        "Mon, 01 Jan 99999999999999 00:00:00 GMT",
        "Mon, 01 Jan 0000 00:00:00 GMT",
        "Mon, 01 Jan 9999 23:59:59 +2359",
        "Mon, 01 Jan 0001 00:00:00 -2359",
        "Mon, 99 Foo 2025 99:99:99 GMT",
        "1e999",
        "-1e999",
        "Mon, 01 Jan 2025 00:00:00 +99999999999999999999",
    ],
)
def test_retry_after_absurd_values_are_ignored_or_clamped(value: str) -> None:
    """A date out of range or a number beyond a float gives None (backoff) or a finite wait."""
    seconds = parse_retry_after(value, now=NOW)
    assert seconds is None or 0.0 <= seconds < float("inf")


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.from_regex(_HTTP_DATE_ISH, fullmatch=True)))
def test_retry_after_never_raises(value: str) -> None:
    """Any text at all gives None or a finite, non-negative number of seconds."""
    seconds = parse_retry_after(value, now=NOW)
    assert seconds is None or 0.0 <= seconds < float("inf")


def test_an_absurd_retry_after_falls_back_to_the_backoff() -> None:
    """A 503 whose Retry-After cannot be a moment waits the backoff, as with no hint."""
    headers = {"retry-after": "Mon, 01 Jan 99999999999999 00:00:00 GMT"}
    assert plan(status_code=503, retry_number=2, headers=headers).delay == 1.0


# --- plan_retry --------------------------------------------------------------------------


def test_plan_backs_off_without_a_hint() -> None:
    """A 503 without Retry-After waits the backoff for that retry number."""
    expected = RetryDecision(True, 1.0, "status 503", status_code=503)
    assert plan(status_code=503, retry_number=2) == expected


def test_plan_honours_retry_after() -> None:
    """A Retry-After within the cap is the wait."""
    decision = plan(status_code=429, headers={"retry-after": "7"})
    assert (decision.retry, decision.delay) == (True, 7.0)


def test_plan_refuses_retry_after_above_the_cap() -> None:
    """A Retry-After longer than max_retry_after ends the retries, naming both numbers."""
    decision = plan(status_code=429, headers={"retry-after": "61"})
    assert decision.retry is False
    assert "61" in decision.reason
    assert "60" in decision.reason


def test_plan_accepts_retry_after_at_the_cap() -> None:
    """A Retry-After equal to max_retry_after is still honoured."""
    assert plan(status_code=503, headers={"retry-after": "60"}).delay == 60.0


def test_plan_cap_is_configurable() -> None:
    """max_retry_after raises the cap."""
    policy = RetryPolicy(max_retry_after=300.0)
    assert plan(status_code=429, headers={"retry-after": "120"}, policy=policy).retry


def test_plan_stops_after_max_retries() -> None:
    """The retry after the last allowed one is refused."""
    assert plan(status_code=503, retry_number=3).retry
    assert not plan(status_code=503, retry_number=4).retry


@pytest.mark.parametrize("method", ["POST", "PATCH", "post"])
def test_plan_does_not_repeat_non_idempotent_after_maybe_processed(method: str) -> None:
    """POST and PATCH are not retried after a 500."""
    decision = plan(method, status_code=500)
    assert decision.retry is False
    assert "may have been processed" in decision.reason


@pytest.mark.parametrize("method", ["get", "Get", "DELETE"])
def test_plan_method_is_case_insensitive(method: str) -> None:
    """A lowercase idempotent method is still idempotent."""
    assert plan(method, status_code=502).retry


def test_plan_repeats_post_after_connect_error() -> None:
    """A POST that never connected is retried."""
    assert plan("POST", error=httpx.ConnectError("refused", request=REQUEST)).retry


def test_plan_never_retries_conflict() -> None:
    """409 is not retried, not even for GET."""
    assert plan(status_code=409) == RetryDecision(False, 0.0, "status 409 is not retried")


def test_plan_stops_when_the_sleep_would_pass_the_deadline() -> None:
    """A wait that would end past the deadline is not taken."""
    policy = RetryPolicy(deadline=10.0)
    headers = {"retry-after": "3"}
    assert plan(status_code=503, headers=headers, elapsed=6.0, policy=policy).retry
    decision = plan(status_code=503, headers=headers, elapsed=8.0, policy=policy)
    assert decision.retry is False
    assert "deadline" in decision.reason


def test_plan_stops_when_the_sleep_would_end_at_the_deadline() -> None:
    """A wait ending exactly at the deadline leaves no time for the attempt."""
    policy = RetryPolicy(deadline=10.0)
    assert not plan(status_code=503, headers={"retry-after": "4"}, elapsed=6.0, policy=policy).retry


def test_a_429_is_judged_against_its_own_budget() -> None:
    """Retry 4 of a 429 goes ahead (budget 10) where retry 4 of a 503 does not (budget 3)."""
    assert plan(status_code=429, retry_number=4).retry
    assert not plan(status_code=503, retry_number=4).retry
    assert not plan(status_code=429, retry_number=11).retry


def test_never_and_zero_max_retries_switch_off_429_retries_too() -> None:
    """RetryPolicy.never() and with_max_retries(0) leave no retry for any status."""
    assert RetryPolicy.never().max_rate_limit_retries == 0
    assert RetryPolicy().with_max_retries(0).max_rate_limit_retries == 0
    assert RetryPolicy().with_max_retries(5).max_rate_limit_retries == 10
