"""``client.v1.exec``: schedule, poll and the once-only result, with the same handle and
safety rules as v2's executions."""

from __future__ import annotations

import httpx
import pytest
import respx

from elasticio import (
    AsyncClient,
    DecodeError,
    Execution,
    ExecutionFailedError,
    ExecutionResult,
    ForeignOriginError,
    NotFoundError,
    PollPolicy,
)
from tests._support.clock import FakeClock
from tests._support.docs import docs
from tests._support.offline import BASE_URL
from tests._support.wire import body

EXECUTION_ID = "540492e623773659c5000002"
POLL_PATH = f"/v1/exec/poll/{EXECUTION_ID}"
RESULT_PATH = f"/v1/exec/result/{EXECUTION_ID}"
POLICY = PollPolicy(interval=1.0, backoff=2.0, max_interval=5.0, timeout=30.0)


def scheduled(location: str = f"'{BASE_URL}{POLL_PATH}'") -> httpx.Response:
    """The docs' 202, with their quoted absolute Location."""
    return httpx.Response(202, json=docs("v1/exec/schedule"), headers={"Location": location})


def pending() -> httpx.Response:
    return httpx.Response(200, json=docs("v1/exec/poll-pending"))


def ready(location: str = f"'{BASE_URL}{RESULT_PATH}'") -> httpx.Response:
    return httpx.Response(303, json=docs("v1/exec/poll-ready"), headers={"Location": location})


async def test_schedule_sends_the_docs_body(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' get_meta_model request; the handle is v2's Execution type, on the
    poll URL the Location names."""
    route = router.post("/v1/exec/schedule").mock(return_value=scheduled())
    request = docs("v1/exec/schedule-request")
    execution = await client.v1.exec.schedule(
        "get_meta_model",
        request["component"],
        action_or_trigger=request["action_or_trigger"],
        account_id=request["account_id"],
    )
    assert body(route.calls.last.request) == request
    assert isinstance(execution, Execution)
    assert (execution.id, str(execution.poll_url), execution.kind) == (
        EXECUTION_ID,
        f"{BASE_URL}{POLL_PATH}",
        "dynamic-metadata",
    )


async def test_schedule_sends_only_what_is_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.post("/v1/exec/schedule").mock(return_value=scheduled())
    execution = await client.v1.exec.schedule(
        "select_model", "c1", account_id="a1", action_or_trigger="m", model_method="list", cfg={}
    )
    assert body(route.calls.last.request) == {
        "execution_type": "select_model",
        "component": "c1",
        "account_id": "a1",
        "action_or_trigger": "m",
        "model_method": "list",
        "cfg": {},
    }
    assert execution.kind == "select-model"


async def test_the_documented_flow_end_to_end(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """202, poll 200, 200, 303, result 200 {data}: two policy waits, the data as result."""
    router.post("/v1/exec/schedule").mock(return_value=scheduled())
    poll = router.get(POLL_PATH).mock(side_effect=[pending(), pending(), ready()])
    result = router.get(RESULT_PATH).respond(200, json=docs("v1/exec/result"))
    execution = await client.v1.exec.schedule(
        "verify_credentials", "c1", account_data={"apiKey": "k"}
    )
    outcome = await execution.result(poll=POLICY)
    assert isinstance(outcome, ExecutionResult)
    assert (outcome.id, outcome.result) == (EXECUTION_ID, {"some": "value"})
    assert clock.sleeps == [1.0, 2.0]
    assert (poll.call_count, result.call_count) == (3, 1)
    # The result is kept: asking again sends nothing.
    assert await execution.result() is outcome
    assert result.call_count == 1


async def test_get_makes_a_handle_on_the_poll_path(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get(POLL_PATH).mock(side_effect=[ready(RESULT_PATH)])
    router.get(RESULT_PATH).respond(200, json={"data": {"verified": True}})
    execution = client.v1.exec.get(EXECUTION_ID)
    assert str(execution.poll_url) == f"{BASE_URL}{POLL_PATH}"
    assert (await client.v1.exec.wait(execution, poll=POLICY)).result == {"verified": True}


@pytest.mark.parametrize("location", ["https://evil.example/v1/exec/poll/1", "//evil.example/x"])
async def test_a_foreign_schedule_location_is_refused(
    client: AsyncClient, router: respx.MockRouter, location: str
) -> None:
    router.post("/v1/exec/schedule").mock(return_value=scheduled(location))
    with pytest.raises(ForeignOriginError):
        await client.v1.exec.schedule("verify_credentials", "c1", account_data={})


async def test_a_foreign_result_location_is_never_requested(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get(POLL_PATH).mock(side_effect=[ready("https://evil.example/v1/exec/result/1")])
    with pytest.raises(ForeignOriginError):
        await client.v1.exec.get(EXECUTION_ID).result(poll=POLICY)
    assert [str(c.request.url) for c in router.calls] == [f"{BASE_URL}{POLL_PATH}"]


async def test_a_schedule_without_location_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.post("/v1/exec/schedule").respond(202, json={"message": "ok"})
    with pytest.raises(DecodeError, match="Location"):
        await client.v1.exec.schedule("verify_credentials", "c1", account_data={})


async def test_a_rejected_result_is_an_execution_failure(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """400 {"message": "Rejected.", "reason": {...}}: ExecutionFailedError with the reason."""
    router.get(POLL_PATH).mock(side_effect=[ready()])
    reason = {"name": "Error", "message": "Wrong API key"}
    router.get(RESULT_PATH).respond(400, json={"message": "Rejected.", "reason": reason})
    with pytest.raises(ExecutionFailedError, match="Wrong API key") as caught:
        await client.v1.exec.get(EXECUTION_ID).result(poll=POLICY)
    assert caught.value.reason == reason


@pytest.mark.parametrize("message", ["Result does not exist.", "Expired."])
async def test_a_result_fetched_or_expired_is_not_found(
    client: AsyncClient, router: respx.MockRouter, message: str
) -> None:
    """The poll's 404 is a NotFoundError that keeps the platform's message."""
    router.get(POLL_PATH).respond(404, json={"message": message})
    with pytest.raises(NotFoundError, match=message):
        await client.v1.exec.get(EXECUTION_ID).result(poll=POLICY)


async def test_a_result_without_data_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get(POLL_PATH).mock(side_effect=[ready()])
    router.get(RESULT_PATH).respond(200, json={"result": {}})
    with pytest.raises(DecodeError, match="object"):
        await client.v1.exec.get(EXECUTION_ID).result(poll=POLICY)
