"""Starting and stopping flows: the 202 answers, waiting on current_status, 409, timeouts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import respx

from elasticio import (
    AsyncClient,
    ConflictError,
    DecodeError,
    NotFoundError,
    PollPolicy,
    PollTimeoutError,
)
from elasticio.models._flows import Flow
from tests._support.clock import FakeClock
from tests._support.flows import FLOW_ID, docs, flow_document

START = f"/v2/flows/{FLOW_ID}/start"
STOP = f"/v2/flows/{FLOW_ID}/stop"
GET = f"/v2/flows/{FLOW_ID}"


def reads(*current_statuses: str, status: str) -> list[respx.MockResponse]:
    """GET answers showing ``current_status`` catching up with ``status``."""
    return [
        respx.MockResponse(200, json=flow_document(current, status)) for current in current_statuses
    ]


# -- start ---------------------------------------------------------------------------------


async def test_start_posts_without_a_body_and_returns_the_flow(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """start() POSTs to /start with no body and returns the 202's flow as it is."""
    route = router.post(START).respond(202, json=docs("start"))
    reads_route = router.get(GET)
    flow = await client.flows.start(FLOW_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == ("POST", START, b"")
    assert (flow.id, flow.status, flow.current_status) == (FLOW_ID, "active", "inactive")
    assert flow.last_start_time == datetime(2018, 3, 27, 15, 50, 0, 123000, tzinfo=UTC)
    assert flow.due_execution == datetime(2018, 3, 27, 15, 53, 0, 123000, tzinfo=UTC)
    assert reads_route.call_count == 0


async def test_start_and_wait_polls_until_active(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """start(wait=True) reads the flow until current_status is active, waiting between reads."""
    router.post(START).respond(202, json=docs("start"))
    route = router.get(GET)
    route.side_effect = reads("inactive", "inactive", "active", status="active")
    flow = await client.flows.start(FLOW_ID, wait=True)
    assert (flow.status, flow.current_status) == ("active", "active")
    assert route.call_count == 3
    assert clock.sleeps == [1.0, 1.5]


async def test_start_and_wait_follows_the_given_policy(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """poll= sets the pauses between reads."""
    router.post(START).respond(202, json=docs("start"))
    route = router.get(GET)
    route.side_effect = reads("inactive", "inactive", "inactive", "active", status="active")
    await client.flows.start(FLOW_ID, wait=True, poll=PollPolicy(interval=0.5, backoff=2.0))
    assert route.call_count == 4
    assert clock.sleeps == [0.5, 1.0, 2.0]


async def test_start_and_wait_reads_nothing_when_already_running(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A 202 whose flow is already running ends the wait without a read."""
    router.post(START).respond(202, json=flow_document("active", "active"))
    route = router.get(GET)
    flow = await client.flows.start(FLOW_ID, wait=True)
    assert flow.current_status == "active"
    assert (route.call_count, clock.sleeps) == (0, [])


async def test_start_and_wait_gives_up_with_the_last_flow(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """Past the policy's timeout PollTimeoutError carries the last Flow read."""
    router.post(START).respond(202, json=docs("start"))
    route = router.get(GET).respond(200, json=flow_document("inactive", "active"))
    policy = PollPolicy(interval=2.0, backoff=1.0, timeout=5.0)
    with pytest.raises(PollTimeoutError) as caught:
        await client.flows.start(FLOW_ID, wait=True, poll=policy)
    assert route.call_count == 4
    assert clock.sleeps == [2.0, 2.0, 1.0]
    assert caught.value.waited == pytest.approx(5.0)
    last = caught.value.last
    assert isinstance(last, Flow)
    assert (last.id, last.status, last.current_status) == (FLOW_ID, "active", "inactive")
    assert f"flow {FLOW_ID} to become active" in str(caught.value)


async def test_start_and_wait_gives_up_after_90_seconds_by_default(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """The default policy waits 90 s in all, as the platform's own helpers do."""
    router.post(START).respond(202, json=docs("start"))
    router.get(GET).respond(200, json=flow_document("inactive", "active"))
    with pytest.raises(PollTimeoutError):
        await client.flows.start(FLOW_ID, wait=True)
    assert sum(clock.sleeps) == pytest.approx(90.0)


async def test_start_of_an_active_flow_raises_conflict(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A 409 "Flow is already active" raises ConflictError; nothing is polled or retried."""
    error = {"errors": [{"status": 409, "title": "Conflict", "detail": "Flow is already active"}]}
    route = router.post(START).respond(409, json=error)
    reads_route = router.get(GET)
    with pytest.raises(ConflictError) as caught:
        await client.flows.start(FLOW_ID, wait=True)
    assert caught.value.status_code == 409
    assert caught.value.errors[0].detail == "Flow is already active"
    assert (route.call_count, reads_route.call_count, clock.sleeps) == (1, 0, [])


async def test_start_refuses_an_answer_without_the_flow(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """start() is documented to answer with the flow; an empty document is a DecodeError."""
    router.post(START).respond(202, json={"data": None, "meta": {}})
    with pytest.raises(DecodeError):
        await client.flows.start(FLOW_ID)


# -- stop ----------------------------------------------------------------------------------


async def test_stop_accepts_the_docs_empty_answer(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """stop() POSTs to /stop with no body; the docs' {"data": {}} answer gives None."""
    route = router.post(STOP).respond(202, json=docs("stop"))
    assert await client.flows.stop(FLOW_ID) is None
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == ("POST", STOP, b"")


@pytest.mark.parametrize("answer", [b"", b'{"data": null}', b'{"meta": {}}'])
async def test_stop_accepts_other_empty_answers(
    client: AsyncClient, router: respx.MockRouter, answer: bytes
) -> None:
    """No body, null data or no data at all also give None."""
    router.post(STOP).respond(202, content=answer, headers={"Content-Type": "application/json"})
    assert await client.flows.stop(FLOW_ID) is None


async def test_stop_returns_the_flow_when_the_answer_has_one(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Should the 202 carry the flow, stop() returns it."""
    router.post(STOP).respond(202, json=flow_document("active", "inactive"))
    flow = await client.flows.stop(FLOW_ID)
    assert flow is not None
    assert (flow.status, flow.current_status) == ("inactive", "active")


async def test_stop_still_refuses_a_malformed_flow(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Only type-less data is read as "no resource"; other bad members still raise."""
    payload = {"data": {"type": "flow", "id": FLOW_ID, "attributes": []}}
    router.post(STOP).respond(202, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.flows.stop(FLOW_ID)
    assert caught.value.pointer == "/data/attributes"


async def test_stop_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 202 carrying something other than a flow raises DecodeError."""
    router.post(STOP).respond(202, json={"data": {"type": "flow-draft", "id": "x"}})
    with pytest.raises(DecodeError) as caught:
        await client.flows.stop(FLOW_ID)
    assert caught.value.pointer == "/data/type"


async def test_stop_refuses_a_list_of_flows(client: AsyncClient, router: respx.MockRouter) -> None:
    """A 202 carrying several resources is not taken as "the first one": it is refused."""
    router.post(STOP).respond(202, json={"data": [flow_document("active", "inactive")["data"]]})
    with pytest.raises(DecodeError, match="at most one") as caught:
        await client.flows.stop(FLOW_ID)
    assert caught.value.pointer == "/data"


async def test_stop_and_wait_polls_until_inactive(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """stop(wait=True) reads the flow until current_status is inactive and returns it."""
    router.post(STOP).respond(202, json=docs("stop"))
    route = router.get(GET)
    route.side_effect = reads("active", "active", "active", "inactive", status="inactive")
    flow = await client.flows.stop(FLOW_ID, wait=True)
    assert (flow.status, flow.current_status) == ("inactive", "inactive")
    assert route.call_count == 4
    assert clock.sleeps == [1.0, 1.5, 2.25]


async def test_stop_and_wait_gives_up_with_the_last_flow(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A flow that stays active raises PollTimeoutError with that Flow as ``last``."""
    router.post(STOP).respond(202, json=docs("stop"))
    route = router.get(GET).respond(200, json=flow_document("active", "inactive"))
    with pytest.raises(PollTimeoutError) as caught:
        await client.flows.stop(FLOW_ID, wait=True, poll=PollPolicy(interval=3.0, timeout=3.0))
    assert route.call_count == 2
    assert clock.sleeps == [3.0]
    assert isinstance(caught.value.last, Flow)
    assert caught.value.last.current_status == "active"


async def test_errors_while_waiting_propagate(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """A flow deleted during the wait ends it with the read's own error."""
    router.post(STOP).respond(202, json=docs("stop"))
    route = router.get(GET)
    route.side_effect = [
        respx.MockResponse(200, json=flow_document("active", "inactive")),
        respx.MockResponse(404, json={"errors": [{"status": 404, "title": "Not found"}]}),
    ]
    with pytest.raises(NotFoundError):
        await client.flows.stop(FLOW_ID, wait=True)
    assert clock.sleeps == [1.0]
