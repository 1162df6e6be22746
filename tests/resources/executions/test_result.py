"""Waiting for an execution: poll, follow the 303 only to our own origin, fetch the result."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import respx

from elasticio import (
    APIProtocolError,
    AsyncClient,
    DecodeError,
    ExecutionFailedError,
    ForeignOriginError,
    NotFoundError,
    PollPolicy,
    PollTimeoutError,
    ServerError,
)
from elasticio.jsonapi import Document
from elasticio.models._executions import ExecutionResult
from tests._support.clock import FakeClock
from tests._support.executions import (
    COMPONENT_ID,
    EXECUTION_ID,
    POLL_PATH,
    RESULT_PATH,
    WORKSPACE_ID,
    accepted,
    docs,
    not_ready,
    pending,
    ready,
    result,
)
from tests._support.offline import BASE_URL

POLICY = PollPolicy(interval=1.0, backoff=2.0, max_interval=5.0, timeout=30.0)
DOCS_RESULT = {"data": {"some_field_of_result": "value", "another_field": "another_value"}}
VERIFY_PATH = f"/v2/components/{COMPONENT_ID}/versions/latest/verify-credential"


def answer(
    router: respx.MockRouter, *, poll: list[httpx.Response], results: list[httpx.Response]
) -> tuple[respx.Route, respx.Route]:
    """Routes for the poll and result URLs answering in turn; returns both routes."""
    return (
        router.get(POLL_PATH).mock(side_effect=poll),
        router.get(RESULT_PATH).mock(side_effect=results),
    )


async def test_the_documented_flow_end_to_end(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """202, poll 200, 200, 303, result 200: two policy waits, then the docs' result."""
    router.post(VERIFY_PATH).mock(return_value=accepted())
    poll_route, result_route = answer(
        router, poll=[pending(), pending(), ready()], results=[result()]
    )
    execution = await client.executions.verify_credential(
        COMPONENT_ID, workspace_id=WORKSPACE_ID, fields={"apiKey": "api_secret"}
    )
    outcome = await execution.result(poll=POLICY)
    assert isinstance(outcome, ExecutionResult)
    assert outcome.result == DOCS_RESULT
    assert outcome.id == "5aafcd56d0516d0007758cff"
    assert outcome.status is None
    assert isinstance(outcome.document, Document)
    assert clock.sleeps == [1.0, 2.0]
    assert (poll_route.call_count, result_route.call_count) == (3, 1)
    assert [(c.request.method, c.request.url.path) for c in router.calls] == [
        ("POST", VERIFY_PATH),
        ("GET", POLL_PATH),
        ("GET", POLL_PATH),
        ("GET", POLL_PATH),
        ("GET", RESULT_PATH),
    ]


async def test_pending_answers_are_not_retries(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """200 "still running" answers are looks of the poll, not retries of a request."""
    answer(router, poll=[pending(), pending(), pending(), ready()], results=[result()])
    await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert client.stats.retries == 0
    assert client.stats.requests == 5


async def test_a_server_error_while_polling_is_retried(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A 500 at the poll URL is a failed GET: retried by the retry policy, then polling goes on."""
    answer(
        router,
        poll=[httpx.Response(500, headers={"Retry-After": "0"}), pending(), ready()],
        results=[result()],
    )
    outcome = await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert outcome.result == DOCS_RESULT
    assert client.stats.retries == 1
    assert clock.sleeps == [0.0, 1.0]


async def test_persistent_server_errors_propagate(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """When the retries run out on the poll URL, the ServerError is raised, not a timeout."""
    answer(router, poll=[httpx.Response(500)] * 4, results=[])
    with pytest.raises(ServerError):
        await client.executions.get(EXECUTION_ID).result(poll=POLICY)


async def test_the_client_polling_policy_is_the_default(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """Without poll=, the client's PollPolicy (1 s, growing by 1.5) paces the looks."""
    answer(router, poll=[pending(), pending(), ready()], results=[result()])
    await client.executions.get(EXECUTION_ID).result()
    assert clock.sleeps == [1.0, 1.5]


@pytest.mark.parametrize(
    "location",
    [RESULT_PATH, f"{BASE_URL}{RESULT_PATH}", f"'{BASE_URL}{RESULT_PATH}'", f'"{RESULT_PATH}"'],
    ids=["relative", "absolute", "quoted-absolute", "quoted-relative"],
)
async def test_result_location_forms(
    client: AsyncClient, router: respx.MockRouter, location: str
) -> None:
    """The 303's Location is resolved against the base URL, quoted or not."""
    _, result_route = answer(router, poll=[ready(location)], results=[result()])
    await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert result_route.call_count == 1


@pytest.mark.parametrize(
    "location",
    [
        "https://evil.example/v2/exec/result/1",
        "//evil.example/v2/exec/result/1",
        "'https://evil.example/v2/exec/result/1'",
        "http://api.elastic.io/v2/exec/result/1",
        "https://api.elastic.io:8443/v2/exec/result/1",
        "https://eve:pw@api.elastic.io/v2/exec/result/1",
    ],
    ids=["other-host", "scheme-relative", "quoted", "downgrade", "other-port", "userinfo"],
)
async def test_foreign_result_location_is_refused(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock, location: str
) -> None:
    """A 303 to another origin raises ForeignOriginError; that URL is never requested."""
    answer(router, poll=[ready(location)], results=[result()])
    with pytest.raises(ForeignOriginError):
        await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert [str(c.request.url) for c in router.calls] == [f"{BASE_URL}{POLL_PATH}"]
    assert clock.sleeps == []


@pytest.mark.parametrize(
    "location", ["http://api.elastic.io:notaport/x", "http://[::1/x", "/v2/exec/result/\x00"]
)
async def test_an_invalid_result_location_is_a_protocol_error(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock, location: str
) -> None:
    """A 303 whose Location is no URL: APIProtocolError at once, nothing else requested."""
    answer(router, poll=[ready(location)], results=[result()])
    with pytest.raises(APIProtocolError, match="Location") as caught:
        await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert caught.value.method == "GET"
    assert caught.value.url == f"{BASE_URL}{POLL_PATH}"
    assert [str(c.request.url) for c in router.calls] == [f"{BASE_URL}{POLL_PATH}"]
    assert clock.sleeps == []


async def test_credentials_travel_only_to_the_api(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The poll and result requests carry the credentials, and only to the API's host."""
    answer(router, poll=[ready()], results=[result()])
    await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert {c.request.url.host for c in router.calls} == {"api.elastic.io"}
    assert all(c.request.headers["authorization"].startswith("Basic ") for c in router.calls)


async def test_not_ready_result_is_polled_again(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A 409 at the result URL means not yet: the result URL is asked again after a wait."""
    poll_route, result_route = answer(
        router, poll=[ready()], results=[not_ready(), not_ready(), result()]
    )
    outcome = await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert outcome.result == DOCS_RESULT
    assert (poll_route.call_count, result_route.call_count) == (1, 3)
    assert clock.sleeps == [1.0, 2.0]
    assert client.stats.retries == 0


async def test_unknown_execution_is_not_found(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A 404 at the poll URL raises NotFoundError at once, without waiting."""
    router.get(POLL_PATH).respond(404, json={"errors": [{"status": 404, "title": "Not found"}]})
    with pytest.raises(NotFoundError) as caught:
        await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert caught.value.url == f"{BASE_URL}{POLL_PATH}"
    assert clock.sleeps == []


async def test_ready_without_location_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 303 that names no result cannot be followed: DecodeError."""
    router.get(POLL_PATH).respond(303, json=docs("poll_ready"))
    with pytest.raises(DecodeError, match="no Location"):
        await client.executions.get(EXECUTION_ID).result(poll=POLICY)


# -- failures ------------------------------------------------------------------------------


async def test_v1_rejection_is_an_execution_failure(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """400 {"message": "Rejected.", "reason": ...} at the result URL raises with that reason."""
    answer(router, poll=[ready()], results=[httpx.Response(400, json=docs("v1_rejected"))])
    with pytest.raises(ExecutionFailedError) as caught:
        await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert caught.value.reason == {"message": "Invalid API key"}
    assert caught.value.execution_id == EXECUTION_ID
    assert "Invalid API key" in str(caught.value)
    assert caught.value.__cause__ is not None
    assert getattr(caught.value.__cause__, "status_code", None) == 400


@pytest.mark.parametrize("status", ["failed", "error", "FAILED", " Error "])
async def test_failed_status_is_an_execution_failure(
    client: AsyncClient, router: respx.MockRouter, status: str
) -> None:
    """A result whose status says failure raises ExecutionFailedError with the reason given."""
    attributes = {"result": {}, "status": status, "reason": "Connection refused"}
    answer(router, poll=[ready()], results=[result(attributes)])
    with pytest.raises(ExecutionFailedError) as caught:
        await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert caught.value.reason == "Connection refused"


async def test_error_member_is_an_execution_failure(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A result with an ``error`` member raises, carrying that error as the reason."""
    error = {"name": "Error", "message": "401 Unauthorized"}
    answer(router, poll=[ready()], results=[result({"result": {}, "error": error})])
    with pytest.raises(ExecutionFailedError, match="401 Unauthorized") as caught:
        await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert caught.value.reason == error


async def test_a_failure_is_not_retried_or_polled_again(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A failed execution raises on the first result; nothing more is asked."""
    _, result_route = answer(
        router, poll=[pending(), ready()], results=[httpx.Response(400, json=docs("v1_rejected"))]
    )
    with pytest.raises(ExecutionFailedError):
        await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert result_route.call_count == 1
    assert clock.sleeps == [1.0]


# -- timeouts ------------------------------------------------------------------------------


async def test_timeout_raises_poll_timeout_error(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """Past the timeout PollTimeoutError says what it last saw: the pending status."""
    router.get(POLL_PATH).mock(return_value=pending())
    with pytest.raises(PollTimeoutError) as caught:
        await client.executions.get(EXECUTION_ID).result(timeout=10.0, poll=POLICY)
    assert caught.value.waited == pytest.approx(10.0)
    assert sum(clock.sleeps) == pytest.approx(10.0)
    assert caught.value.last == "Pending request, waiting other process"
    assert EXECUTION_ID in str(caught.value)


async def test_timeout_overrides_the_client_policy(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """result(timeout=3) keeps the client's pacing but stops after 3 s."""
    router.get(POLL_PATH).mock(return_value=pending())
    with pytest.raises(PollTimeoutError):
        await client.executions.get(EXECUTION_ID).result(timeout=3.0)
    assert clock.sleeps == [1.0, 1.5, 0.5]


async def test_timeout_while_the_result_is_not_ready(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """409s at the result URL until the deadline end in PollTimeoutError too."""
    answer(router, poll=[ready()], results=[not_ready()] * 20)
    with pytest.raises(PollTimeoutError) as caught:
        await client.executions.get(EXECUTION_ID).result(timeout=4.0, poll=POLICY)
    assert caught.value.last == "the result is not ready yet"


# -- the result ----------------------------------------------------------------------------


async def test_the_result_is_kept(client: AsyncClient, router: respx.MockRouter) -> None:
    """A second result() returns the same result without asking again (results may be
    handed out only once)."""
    answer(router, poll=[ready()], results=[result()])
    execution = client.executions.get(EXECUTION_ID)
    first = await execution.result(poll=POLICY)
    assert await execution.result(poll=POLICY) is first
    assert len(router.calls) == 2


async def test_concurrent_waiters_share_one_wait(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Two result() calls at once on one handle poll and fetch once, and agree."""
    poll_route, result_route = answer(router, poll=[pending(), ready()], results=[result()])
    execution = client.executions.get(EXECUTION_ID)
    first, second = await asyncio.gather(
        execution.result(poll=POLICY), execution.result(poll=POLICY)
    )
    assert first is second
    assert (poll_route.call_count, result_route.call_count) == (2, 1)


async def test_unknown_result_attributes_are_kept(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Attributes the model does not know land in ``extra``; ``status`` is read when present."""
    attributes = {"result": {"verified": True}, "status": "done", "took_ms": 12}
    answer(router, poll=[ready()], results=[result(attributes)])
    outcome = await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert outcome.result == {"verified": True}
    assert outcome.status == "done"
    assert outcome.extra == {"took_ms": 12}


async def test_a_negative_answer_of_the_component_is_a_result(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A credential check that says "not verified" is the component's answer, not a failure."""
    answer(router, poll=[ready()], results=[result({"result": {"verified": False}})])
    outcome = await client.executions.get(EXECUTION_ID).result(poll=POLICY)
    assert outcome.result == {"verified": False}
