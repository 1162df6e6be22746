"""Reading rate-limit headers: both spellings, windows, resets, and values that say nothing."""

from __future__ import annotations

import httpx
import pytest

from elasticio._rate_headers import RateHeaders, read_rate_headers


def read(now: float = 0.0, **headers: str) -> RateHeaders | None:
    """The quota in ``headers`` (underscores become dashes), read as the client reads it."""
    return read_rate_headers(
        httpx.Headers({k.replace("_", "-"): v for k, v in headers.items()}), now=now
    )


def test_the_ietf_headers_with_a_policy() -> None:
    """``RateLimit-*`` with ``RateLimit-Policy: 100;w=60``: a quota of 100 a minute."""
    quota = read(
        RateLimit_Limit="100",
        RateLimit_Remaining="42",
        RateLimit_Reset="17",
        RateLimit_Policy="100;w=60",
    )
    assert quota == RateHeaders(remaining=42, reset=17.0, limit=100, window=60.0)
    assert quota.rate == pytest.approx(100 / 60)


def test_the_window_inside_the_limit_header() -> None:
    """The older draft's ``RateLimit-Limit: 10, 10;w=1`` gives the limit and its window."""
    quota = read(RateLimit_Limit="10, 10;w=1", RateLimit_Remaining="3")
    assert quota == RateHeaders(remaining=3, limit=10, window=1.0)


def test_x_ratelimit_reset_in_seconds_from_now() -> None:
    """A small ``X-RateLimit-Reset`` is a delay in seconds."""
    quota = read(now=1_700_000_000.0, X_RateLimit_Remaining="0", X_RateLimit_Reset="12")
    assert quota is not None
    assert quota.reset == 12.0


def test_x_ratelimit_reset_as_a_unix_time_already_past() -> None:
    """A Unix-time reset in the past means the quota is whole again: no wait."""
    quota = read(now=1_700_000_000.0, X_RateLimit_Remaining="0", X_RateLimit_Reset="1600000000")
    assert quota is not None
    assert quota.reset == 0.0


def test_the_ietf_spelling_wins_when_both_are_sent() -> None:
    """With both spellings present, ``RateLimit-*`` is read."""
    quota = read(RateLimit_Remaining="5", X_RateLimit_Remaining="9")
    assert quota is not None
    assert quota.remaining == 5


@pytest.mark.parametrize("value", ["", "many", "-3", "nan", "inf"])
def test_an_unreadable_remaining_is_no_quota(value: str) -> None:
    """A remaining count that is not a finite number of zero or more states nothing."""
    assert read(RateLimit_Remaining=value) is None


def test_unreadable_companions_are_left_out() -> None:
    """A readable remaining with a nonsense limit, reset or window keeps only what reads."""
    quota = read(
        RateLimit_Remaining="1",
        RateLimit_Limit="lots",
        RateLimit_Reset="soon",
        RateLimit_Policy="10;w=0",
    )
    assert quota == RateHeaders(remaining=1)
    assert quota.rate is None
