"""Retries through the client: attempts made, sleeps taken, and what comes out at the end."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
import respx

from elasticio import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AsyncClient,
    ConflictError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    UnexpectedStatusError,
)
from elasticio._http import RequestSpec
from tests._support.clock import FakeClock
from tests._support.offline import BASE_URL, MakeClient, offline_client

PATH = "/v2/things"
IDEMPOTENT = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]
NOT_IDEMPOTENT = ["POST", "PATCH"]
OK = {"meta": {"ok": True}}


def ok() -> httpx.Response:
    """A success the client decodes to a document with ``meta.ok``."""
    return httpx.Response(200, json=OK)


def status(code: int, **headers: str) -> httpx.Response:
    """An error response with the given headers (underscores become dashes)."""
    return httpx.Response(code, headers={k.replace("_", "-"): v for k, v in headers.items()})


def backoff_range(retry_number: int, policy: RetryPolicy | None = None) -> tuple[float, float]:
    """The interval a jittered backoff for ``retry_number`` must fall in."""
    policy = policy or RetryPolicy()
    ceiling = min(policy.backoff_max, policy.backoff_initial * 2 ** (retry_number - 1))
    return ceiling * (1 - policy.jitter), ceiling


def in_range(value: float, bounds: tuple[float, float]) -> bool:
    """Whether ``value`` lies within ``bounds``, inclusive."""
    return bounds[0] <= value <= bounds[1]


def route_for(router: respx.MockRouter, method: str, side_effect: list[Any]) -> respx.Route:
    """A route for ``method PATH`` answering with ``side_effect`` in turn."""
    return router.route(method=method, path=PATH).mock(side_effect=side_effect)


async def call(client: AsyncClient, method: str = "GET") -> Any:
    """Send ``method PATH`` (with a body for POST, PUT and PATCH)."""
    body = {"data": {"type": "thing"}} if method in ("POST", "PUT", "PATCH") else None
    return await client.request(method, PATH, json=body)


# --- 429 and 503: Retry-After -------------------------------------------------------------


@pytest.mark.parametrize("code", [429, 503])
async def test_retry_after_seconds_is_honoured(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock, code: int
) -> None:
    """A Retry-After in seconds is waited exactly, then the call succeeds."""
    route = route_for(router, "GET", [status(code, retry_after="7"), ok()])
    document = await call(client)
    assert document.meta == OK["meta"]
    assert route.call_count == 2
    assert clock.sleeps == [7.0]


@pytest.mark.parametrize("code", [429, 503])
async def test_retry_after_http_date_is_honoured(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock, code: int
) -> None:
    """A Retry-After HTTP-date is waited until, measured from the wall clock now."""
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    route = route_for(router, "GET", [status(code, retry_after=when), ok()])
    await call(client)
    assert route.call_count == 2
    assert len(clock.sleeps) == 1
    assert clock.sleeps[0] == pytest.approx(30.0, abs=2.0)


async def test_retry_after_zero_retries_at_once(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """Retry-After: 0 retries without waiting."""
    route_for(router, "GET", [status(429, retry_after="0"), ok()])
    await call(client)
    assert clock.sleeps == [0.0]


async def test_retry_after_at_the_cap_is_honoured(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A Retry-After of exactly 60 s (the default cap) is still waited."""
    route_for(router, "GET", [status(429, retry_after="60"), ok()])
    await call(client)
    assert clock.sleeps == [60.0]


async def test_429_retry_after_above_the_cap_raises_at_once(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A 429 asking for more than the cap raises RateLimitError after one attempt, no sleep."""
    route = route_for(router, "GET", [status(429, retry_after="120"), ok()])
    with pytest.raises(RateLimitError) as caught:
        await call(client)
    assert caught.value.retry_after == 120.0
    assert caught.value.retries_taken == 0
    assert route.call_count == 1
    assert clock.sleeps == []


async def test_503_retry_after_above_the_cap_raises_at_once(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A 503 asking for more than the cap raises ServerError after one attempt, no sleep."""
    route = route_for(router, "GET", [status(503, retry_after="3600"), ok()])
    with pytest.raises(ServerError) as caught:
        await call(client)
    assert caught.value.status_code == 503
    assert caught.value.retry_after == 3600.0
    assert route.call_count == 1
    assert clock.sleeps == []


async def test_retry_after_cap_is_configurable(
    make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """max_retry_after raises the cap for a client."""
    c = make_client(retry=RetryPolicy(max_retry_after=300.0))
    route_for(router, "GET", [status(429, retry_after="120"), ok()])
    await call(c)
    assert clock.sleeps == [120.0]


async def test_rate_limit_error_after_last_retry_carries_retry_after(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """When 429s outlast their own budget (10), the error keeps the last Retry-After."""
    route_for(router, "GET", [status(429, retry_after="2")] * 11)
    with pytest.raises(RateLimitError) as caught:
        await call(client)
    assert caught.value.retry_after == 2.0
    assert caught.value.retries_taken == 10
    assert clock.sleeps == [2.0] * 10


async def test_429s_have_a_larger_budget_than_failures(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """Six 429s in a row (more than max_retries=3) are still waited out: nothing was done."""
    route = route_for(router, "POST", [status(429, retry_after="1")] * 6 + [ok()])
    await call(client, "POST")
    assert route.call_count == 7
    assert clock.sleeps == [1.0] * 6


async def test_max_retries_zero_also_stops_retrying_429s(
    make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """max_retries=0 means one attempt, whatever the status."""
    c = make_client(max_retries=0)
    route = route_for(router, "GET", [status(429, retry_after="1"), ok()])
    with pytest.raises(RateLimitError):
        await call(c)
    assert route.call_count == 1
    assert clock.sleeps == []


# --- backoff without Retry-After ----------------------------------------------------------


@pytest.mark.parametrize("code", [429, 503])
async def test_backoff_without_retry_after_doubles_with_jitter(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock, code: int
) -> None:
    """Without Retry-After the waits are ~0.5 s, ~1 s, ~2 s, each jittered downwards."""
    route_for(router, "GET", [status(code), status(code), status(code), ok()])
    await call(client)
    assert len(clock.sleeps) == 3
    for number, slept in enumerate(clock.sleeps, start=1):
        assert in_range(slept, backoff_range(number)), (number, slept)


async def test_backoff_is_capped_at_eight_seconds(
    make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """With more retries the wait stops growing at 8 s."""
    c = make_client(max_retries=6)
    route_for(router, "GET", [status(503)] * 6 + [ok()])
    await call(c)
    ceilings = [min(8.0, 0.5 * 2**n) for n in range(6)]
    assert ceilings == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert all(in_range(s, (c * 0.5, c)) for s, c in zip(clock.sleeps, ceilings, strict=True))
    assert max(clock.sleeps) <= 8.0


# --- retried for idempotent methods only --------------------------------------------------

MAYBE_PROCESSED_STATUSES = [500, 502, 504, 408]
MAYBE_PROCESSED_ERRORS = [httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ReadError]


@pytest.mark.parametrize("method", IDEMPOTENT)
@pytest.mark.parametrize("code", MAYBE_PROCESSED_STATUSES)
async def test_maybe_processed_status_is_retried_for_idempotent_methods(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock, method: str, code: int
) -> None:
    """500, 502, 504 and 408 are retried for GET, HEAD, PUT, DELETE and OPTIONS."""
    route = route_for(router, method, [status(code), ok()])
    await call(client, method)
    assert route.call_count == 2
    assert len(clock.sleeps) == 1
    assert in_range(clock.sleeps[0], backoff_range(1))


@pytest.mark.parametrize("method", IDEMPOTENT)
@pytest.mark.parametrize("error", MAYBE_PROCESSED_ERRORS)
async def test_maybe_processed_failure_is_retried_for_idempotent_methods(
    client: AsyncClient,
    router: respx.MockRouter,
    clock: FakeClock,
    method: str,
    error: type[Exception],
) -> None:
    """Read timeouts and dropped connections are retried for idempotent methods."""
    route = route_for(router, method, [error, ok()])
    await call(client, method)
    assert route.call_count == 2
    assert len(clock.sleeps) == 1


@pytest.mark.parametrize("method", NOT_IDEMPOTENT)
@pytest.mark.parametrize(
    ("code", "raised"), [(500, ServerError), (502, ServerError), (504, ServerError)]
)
async def test_server_error_is_not_retried_for_post_and_patch(
    client: AsyncClient,
    router: respx.MockRouter,
    clock: FakeClock,
    method: str,
    code: int,
    raised: type[APIError],
) -> None:
    """A 5xx after POST or PATCH may have been processed: raised after one attempt."""
    route = route_for(router, method, [status(code), ok()])
    with pytest.raises(raised) as caught:
        await call(client, method)
    assert caught.value.status_code == code
    assert caught.value.retries_taken == 0
    assert route.call_count == 1
    assert clock.sleeps == []


@pytest.mark.parametrize("method", NOT_IDEMPOTENT)
async def test_request_timeout_status_is_not_retried_for_post_and_patch(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock, method: str
) -> None:
    """A 408 after POST or PATCH is raised after one attempt."""
    route = route_for(router, method, [status(408), ok()])
    with pytest.raises(UnexpectedStatusError) as caught:
        await call(client, method)
    assert caught.value.status_code == 408
    assert route.call_count == 1
    assert clock.sleeps == []


@pytest.mark.parametrize("method", NOT_IDEMPOTENT)
async def test_read_timeout_is_not_retried_for_post_and_patch(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock, method: str
) -> None:
    """A read timeout after POST or PATCH becomes APITimeoutError after one attempt."""
    route = route_for(router, method, [httpx.ReadTimeout, ok()])
    with pytest.raises(APITimeoutError):
        await call(client, method)
    assert route.call_count == 1
    assert clock.sleeps == []


@pytest.mark.parametrize("method", NOT_IDEMPOTENT)
@pytest.mark.parametrize("error", [httpx.RemoteProtocolError, httpx.ReadError])
async def test_dropped_connection_is_not_retried_for_post_and_patch(
    client: AsyncClient,
    router: respx.MockRouter,
    clock: FakeClock,
    method: str,
    error: type[Exception],
) -> None:
    """A connection dropped after POST or PATCH was sent becomes APIConnectionError at once."""
    route = route_for(router, method, [error, ok()])
    with pytest.raises(APIConnectionError) as caught:
        await call(client, method)
    assert not isinstance(caught.value, APITimeoutError)
    assert isinstance(caught.value.__cause__, error)
    assert route.call_count == 1
    assert clock.sleeps == []


# --- POST and PATCH when certainly not processed ------------------------------------------


@pytest.mark.parametrize("method", NOT_IDEMPOTENT)
@pytest.mark.parametrize("error", [httpx.ConnectError, httpx.ConnectTimeout])
async def test_connect_failure_is_retried_for_post_and_patch(
    client: AsyncClient,
    router: respx.MockRouter,
    clock: FakeClock,
    method: str,
    error: type[Exception],
) -> None:
    """A POST or PATCH that never connected is sent again."""
    route = route_for(router, method, [error, ok()])
    await call(client, method)
    assert route.call_count == 2
    assert len(clock.sleeps) == 1


@pytest.mark.parametrize("method", NOT_IDEMPOTENT)
@pytest.mark.parametrize("code", [429, 503])
async def test_rejected_status_is_retried_for_post_and_patch(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock, method: str, code: int
) -> None:
    """429 and 503 mean not processed: POST and PATCH are sent again, with the same body."""
    route = route_for(router, method, [status(code, retry_after="1"), ok()])
    await call(client, method)
    assert route.call_count == 2
    assert clock.sleeps == [1.0]
    first, second = (c.request for c in route.calls)
    assert second.content == first.content != b""


# --- never retried ------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("code", [400, 401, 403, 404, 405, 410, 413, 422])
async def test_client_errors_are_never_retried(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock, method: str, code: int
) -> None:
    """4xx other than 408 and 429 are raised after one attempt."""
    route = route_for(router, method, [status(code), ok()])
    with pytest.raises(APIError) as caught:
        await call(client, method)
    assert caught.value.status_code == code
    assert route.call_count == 1
    assert clock.sleeps == []


async def test_conflict_is_never_retried_even_for_get(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """409 on a GET is raised after one attempt."""
    route = route_for(router, "GET", [status(409), ok()])
    with pytest.raises(ConflictError):
        await call(client)
    assert route.call_count == 1
    assert clock.sleeps == []


async def test_redirect_is_not_retried(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A 3xx is neither followed nor retried."""
    route = route_for(router, "GET", [status(307, location=f"{BASE_URL}/v2/other"), ok()])
    with pytest.raises(UnexpectedStatusError):
        await call(client)
    assert route.call_count == 1
    assert clock.sleeps == []


# --- giving up ----------------------------------------------------------------------------


async def test_max_retries_then_last_error(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """By default 4 attempts are made, then the last error is raised with retries_taken 3."""
    route = route_for(router, "GET", [status(503), status(502), status(500), status(504), ok()])
    with pytest.raises(ServerError) as caught:
        await call(client)
    assert caught.value.status_code == 504
    assert caught.value.retries_taken == 3
    assert route.call_count == 4
    assert len(clock.sleeps) == 3


async def test_read_timeouts_end_in_api_timeout_error(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """Read timeouts on every attempt become APITimeoutError from the last httpx error."""
    route = route_for(router, "GET", [httpx.ReadTimeout("slow")] * 4)
    with pytest.raises(APITimeoutError) as caught:
        await call(client)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert caught.value.retries_taken == 3
    assert (caught.value.method, caught.value.url) == ("GET", f"{BASE_URL}{PATH}")
    assert route.call_count == 4


async def test_connect_errors_end_in_api_connection_error(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """Connection failures on every attempt become APIConnectionError from the httpx error."""
    route_for(router, "POST", [httpx.ConnectError("refused")] * 4)
    with pytest.raises(APIConnectionError) as caught:
        await call(client, "POST")
    assert not isinstance(caught.value, APITimeoutError)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert caught.value.retries_taken == 3
    assert len(clock.sleeps) == 3


async def test_connect_timeout_ends_in_api_timeout_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A connect timeout on every attempt becomes APITimeoutError."""
    route_for(router, "GET", [httpx.ConnectTimeout("slow")] * 4)
    with pytest.raises(APITimeoutError) as caught:
        await call(client)
    assert isinstance(caught.value.__cause__, httpx.ConnectTimeout)


async def test_mixed_failures_raise_the_last_one(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A status after transport errors is what is raised when retries run out."""
    failures = [httpx.ReadError("x"), httpx.ReadTimeout("x"), httpx.ReadError("x"), status(502)]
    route_for(router, "GET", [*failures, ok()])
    with pytest.raises(ServerError) as caught:
        await call(client)
    assert caught.value.status_code == 502
    assert caught.value.retries_taken == 3


async def test_deadline_stops_before_a_sleep_that_would_pass_it(
    make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """With a 2.5 s deadline and Retry-After 1, two sleeps fit and the third does not."""
    c = make_client(retry=RetryPolicy(deadline=2.5))
    route = route_for(router, "GET", [status(503, retry_after="1")] * 4 + [ok()])
    with pytest.raises(ServerError) as caught:
        await call(c)
    assert clock.sleeps == [1.0, 1.0]
    assert route.call_count == 3
    assert caught.value.retries_taken == 2


async def test_deadline_at_the_edge_raises_the_real_error(
    make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A sleep ending exactly at the deadline is not taken; the last 503 is raised."""
    c = make_client(retry=RetryPolicy(deadline=2.0))
    route_for(router, "GET", [status(503, retry_after="1")] * 4)
    with pytest.raises(ServerError) as caught:
        await call(c)
    assert clock.sleeps == [1.0]
    assert caught.value.retries_taken == 1


async def test_deadline_bounds_a_hanging_attempt(
    make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """An attempt that never answers is cut off at the deadline as APITimeoutError."""
    never = asyncio.Event()

    async def hang(request: httpx.Request) -> httpx.Response:
        await never.wait()
        return ok()

    c = make_client(retry=RetryPolicy(deadline=0.01))
    route_for(router, "GET", [hang])
    with pytest.raises(APITimeoutError) as caught:
        await call(c)
    assert "deadline" in str(caught.value.__cause__)
    assert clock.sleeps == []


# --- what is recorded ---------------------------------------------------------------------


async def test_response_records_retries_taken(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """client._send returns a Response whose retries_taken counts the retries made."""
    route_for(router, "GET", [status(503), status(429), ok()])
    response = await client._send(RequestSpec(method="GET", path=PATH))
    assert response.status_code == 200
    assert response.retries_taken == 2
    assert response.document.meta == OK["meta"]


async def test_first_try_success_records_no_retries(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A success at once has retries_taken 0 and no sleep."""
    route_for(router, "GET", [ok()])
    response = await client._send(RequestSpec(method="GET", path=PATH))
    assert response.retries_taken == 0
    assert clock.sleeps == []


async def test_stats_count_requests_retries_and_rate_limits(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """client.stats counts every attempt, every retry and every 429."""
    route_for(router, "GET", [status(429), status(503), status(429), ok(), ok()])
    await call(client)
    await call(client)
    assert (client.stats.requests, client.stats.retries, client.stats.rate_limited) == (5, 3, 2)


# --- where the policy comes from ----------------------------------------------------------


def test_every_client_has_the_default_policy(client: AsyncClient) -> None:
    """Without options a client uses RetryPolicy()."""
    assert client.retry_policy == RetryPolicy()


async def test_client_max_retries_overrides_the_default(
    make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """AsyncClient(max_retries=1) makes two attempts."""
    c = make_client(max_retries=1)
    route = route_for(router, "GET", [status(503)] * 4)
    with pytest.raises(ServerError) as caught:
        await call(c)
    assert route.call_count == 2
    assert caught.value.retries_taken == 1


async def test_client_retry_policy_is_used(
    make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """AsyncClient(retry=...) governs the waits and the count."""
    c = make_client(retry=RetryPolicy(max_retries=2, jitter=0.0, backoff_initial=3.0))
    route = route_for(router, "GET", [status(503)] * 4)
    with pytest.raises(ServerError):
        await call(c)
    assert route.call_count == 3
    assert clock.sleeps == [3.0, 6.0]


def test_client_max_retries_refines_the_retry_policy(make_client: MakeClient) -> None:
    """Given both, max_retries replaces the policy's count and keeps its other fields."""
    c = make_client(retry=RetryPolicy(max_retries=5, jitter=0.0), max_retries=0)
    assert c.retry_policy == RetryPolicy(max_retries=0, max_rate_limit_retries=0, jitter=0.0)


async def test_with_options_overrides_the_policy(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """client.with_options(max_retries=0) makes one attempt; the original keeps retrying."""
    route = route_for(router, "GET", [status(503), status(503), ok()])
    with pytest.raises(ServerError):
        await call(client.with_options(max_retries=0))
    assert route.call_count == 1
    await call(client)
    assert route.call_count == 3


async def test_with_options_retry_policy(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """client.with_options(retry=...) replaces the policy of the derived client."""
    derived = client.with_options(retry=RetryPolicy(jitter=0.0, backoff_initial=2.0))
    route_for(router, "GET", [status(503), ok()])
    await call(derived)
    assert clock.sleeps == [2.0]


async def test_per_call_policy_overrides_the_client(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """client.request(..., retry=RetryPolicy.never()) makes one attempt."""
    route = route_for(router, "GET", [status(503), ok()])
    with pytest.raises(ServerError):
        await client.request("GET", PATH, retry=RetryPolicy.never())
    assert route.call_count == 1
    assert clock.sleeps == []


async def test_per_call_policy_on_send(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """client._send(spec, retry=...) uses that policy for that call only."""
    route_for(router, "GET", [status(503)] * 3 + [ok()])
    with pytest.raises(ServerError) as caught:
        await client._send(RequestSpec(method="GET", path=PATH), retry=RetryPolicy(max_retries=1))
    assert caught.value.retries_taken == 1
    assert client.retry_policy.max_retries == 3


async def test_retries_are_logged_at_info_not_warning(
    client: AsyncClient, router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    """A retry is logged once at INFO: a 429 storm in a bulk run must not flood warnings."""
    route_for(router, "GET", [status(429, retry_after="1"), ok()])
    with caplog.at_level("DEBUG", logger="elasticio"):
        await call(client)
    retries = [r for r in caplog.records if r.name == "elasticio" and "retrying" in r.message]
    assert [r.levelname for r in retries] == ["INFO"]


async def test_a_429_holds_back_the_clients_other_requests(router: respx.MockRouter) -> None:
    """While one request waits out a 429's Retry-After, a fresh one waits too, unsent."""
    sleeps: list[float] = []
    slept = [asyncio.Event(), asyncio.Event()]
    release = asyncio.Event()
    now = [0.0]

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        slept[min(len(sleeps), 2) - 1].set()
        await release.wait()
        now[0] = max(now[0], seconds)  # everyone wakes when the Retry-After has passed

    first = router.get("/v2/first").mock(
        side_effect=[httpx.Response(429, headers={"retry-after": "5"}), ok()]
    )
    second = router.get("/v2/second").mock(return_value=ok())
    async with offline_client(router.async_handler, sleep=sleep, clock=lambda: now[0]) as c:
        one = asyncio.create_task(c.request("GET", "/v2/first"))
        # Bounded waits: a regression must fail, not hang (they return at once when it works).
        await asyncio.wait_for(slept[0].wait(), timeout=5)  # the first got its 429 and waits
        two = asyncio.create_task(c.request("GET", "/v2/second"))
        await asyncio.wait_for(slept[1].wait(), timeout=5)  # the fresh one is held back too
        assert second.call_count == 0
        assert sleeps == [5.0, 5.0]
        release.set()
        await asyncio.gather(one, two)
    assert (first.call_count, second.call_count) == (2, 1)
    assert (c.stats.rate_limited, c.stats.throttled) == (1, 1)
