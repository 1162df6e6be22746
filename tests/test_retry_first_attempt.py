"""The first attempt runs without the retry engine; a failure hands it to the engine as is."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any, NoReturn

import httpx
import pytest
import respx

from elasticio import AsyncClient, RetryPolicy
from elasticio import _retry as retry_module
from elasticio._retry import RetryDecision, with_retries
from tests._support.clock import FakeClock


class Attempts:
    """An attempt function that answers from a script, counting its calls."""

    def __init__(self, *outcomes: httpx.Response | Exception, clock: FakeClock) -> None:
        self.outcomes = list(outcomes)
        self.calls = 0
        self.clock = clock
        self.took = 0.0

    async def __call__(self) -> httpx.Response:
        self.calls += 1
        self.clock.advance(self.took)
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


async def run(
    attempts: Attempts, clock: FakeClock, policy: RetryPolicy | None = None, method: str = "GET"
) -> tuple[httpx.Response, list[tuple[int, RetryDecision]]]:
    retried: list[tuple[int, RetryDecision]] = []
    response = await with_retries(
        attempts,
        policy or RetryPolicy(),
        method,
        sleep=clock.sleep,
        clock=clock,
        wall_clock=lambda: datetime(2026, 1, 1, tzinfo=UTC),
        on_retry=lambda number, decision: retried.append((number, decision)),
        rng=lambda: 0.0,
    )
    return response, retried


def no_engine(*args: Any, **kwargs: Any) -> NoReturn:
    raise AssertionError("the retry engine was built for a call that needed no retry")


async def test_a_success_never_builds_the_engine(
    monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    """An answer below 400 on the first attempt returns without the tenacity engine."""
    monkeypatch.setattr(retry_module, "retrying", no_engine)
    attempts = Attempts(httpx.Response(204), clock=clock)
    response, retried = await run(attempts, clock)
    assert (response.status_code, attempts.calls, retried) == (204, 1, [])


async def test_a_client_through_its_first_success_never_builds_the_engine(
    monkeypatch: pytest.MonkeyPatch, client: AsyncClient, router: respx.MockRouter
) -> None:
    """A whole call through the client that succeeds at once does without the engine."""
    monkeypatch.setattr(retry_module, "retrying", no_engine)
    router.get("/v2/things").respond(200, json={"meta": {"ok": True}})
    document = await client.request("GET", "/v2/things")
    assert document.meta == {"ok": True}


async def test_a_failed_first_attempt_is_the_engines_attempt_one(clock: FakeClock) -> None:
    """A 503 first is judged as retry 1 and not sent again in the engine's place."""
    attempts = Attempts(httpx.Response(503), httpx.Response(200), clock=clock)
    response, retried = await run(attempts, clock)
    assert response.status_code == 200
    assert attempts.calls == 2
    assert [(number, decision.status_code) for number, decision in retried] == [(1, 503)]
    assert clock.sleeps == [RetryPolicy().backoff_initial]


async def test_a_first_transport_error_is_retried_like_any_other(clock: FakeClock) -> None:
    """A dropped connection on the first GET is retried; the answer after it comes back."""
    attempts = Attempts(httpx.ReadError("dropped"), httpx.Response(200), clock=clock)
    response, retried = await run(attempts, clock)
    assert (response.status_code, attempts.calls) == (200, 2)
    assert retried[0][1].reason == "ReadError"


async def test_a_first_error_that_is_not_retried_is_raised_as_it_is(clock: FakeClock) -> None:
    """A dropped connection after a POST is raised, the very exception, after one attempt."""
    error = httpx.ReadError("dropped")
    attempts = Attempts(error, clock=clock)
    with pytest.raises(httpx.ReadError) as raised:
        await run(attempts, clock, method="POST")
    assert raised.value is error
    assert attempts.calls == 1


async def test_a_first_status_that_is_not_retried_is_returned(clock: FakeClock) -> None:
    """A 404 on the first attempt goes back to the caller (who raises the typed error)."""
    attempts = Attempts(httpx.Response(404), clock=clock)
    response, retried = await run(attempts, clock)
    assert (response.status_code, attempts.calls, retried) == (404, 1, [])


async def test_the_deadline_counts_the_first_attempt(clock: FakeClock) -> None:
    """A first attempt that used up the deadline leaves no room for a retry."""
    attempts = Attempts(httpx.Response(503), httpx.Response(200), clock=clock)
    attempts.took = 10.0
    response, retried = await run(attempts, clock, RetryPolicy(deadline=10.2))
    assert (response.status_code, attempts.calls, retried) == (503, 1, [])


async def test_a_cancelled_first_attempt_is_never_retried(clock: FakeClock) -> None:
    """A cancellation of the first attempt passes straight through."""
    calls = 0

    async def cancelled() -> httpx.Response:
        nonlocal calls
        calls += 1
        raise asyncio.CancelledError

    with pytest.raises(asyncio.CancelledError):
        await with_retries(
            cancelled,
            RetryPolicy(),
            "GET",
            sleep=clock.sleep,
            clock=clock,
            wall_clock=lambda: datetime(2026, 1, 1, tzinfo=UTC),
            on_retry=lambda number, decision: None,
        )
    assert calls == 1
