"""The demo's workflow: what :func:`run_demo` does with the SDK, and what it reports.

The runs are against an emulator in process, on a fake clock, so nothing waits; one
uses a real loopback socket, its waits still on the fake clock.
"""

from __future__ import annotations

import asyncio

import pytest

from elasticio import AsyncClient
from elasticio._cli.demo.workflow import PHASES, Phase, describe_error, run_demo
from elasticio.testing import Emulator, EmulatorSettings, serve_emulator
from tests._support.autojump import AutojumpClock
from tests._support.clock import FakeClock
from tests._support.demo import RETRY, START_ROUTE, WAIT, RecordingReporter, demo, inactive_ids

# -- the run ---------------------------------------------------------------------------


async def test_every_inactive_flow_is_started_and_active(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """Across both workspaces, every inactive flow is found, started and active after."""
    seed = emulator.seed
    before = inactive_ids(emulator, seed.workspace_id) | inactive_ids(
        emulator, seed.private_workspace_id
    )
    summary = await demo(demo_client, emulator, clock, everywhere=True)
    assert (summary.flows_seen, summary.flows_found) == (300, len(before)) == (300, 225)
    assert summary.flows_started == summary.flows_found
    assert summary.failures == ()
    assert all(emulator.platform.flows[flow_id].status == "active" for flow_id in before)
    assert (summary.ok, summary.exit_status) == (True, 0)


async def test_components_versions_and_descriptors_are_walked(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """Five components (four global, one private) with eleven builds; one descriptor each."""
    summary = await demo(demo_client, emulator, clock)
    assert (summary.components, summary.versions, summary.descriptors) == (5, 11, 5)


async def test_the_credential_is_verified_through_the_execution_poll(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """The petstore credential is checked by a scheduled execution that gets polled."""
    summary = await demo(demo_client, emulator, clock)
    assert summary.credential_verified
    assert summary.credential_detail == "Petstore demo key: verified"
    polls = [r for r in emulator.requests if r.route == "GET /v2/exec/poll/{execution_id}"]
    assert polls


async def test_requests_are_counted_as_the_emulator_saw_them(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """``requests`` is every attempt the server received; elapsed is on the given clock."""
    began = clock()
    summary = await demo(demo_client, emulator, clock)
    assert summary.requests == len(emulator.requests)
    assert summary.elapsed == clock() - began > 0


async def test_a_tight_rate_limit_is_absorbed(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """Under 2 requests a second the 429s are retried away and every flow still starts."""
    emulator.settings.rate_limit = 2
    summary = await demo(demo_client, emulator, clock)
    limited = sum(1 for r in emulator.requests if r.status == 429)
    assert summary.rate_limited == summary.rate_limited_absorbed == limited > 0
    assert summary.retries >= limited
    assert summary.flows_started == summary.flows_found == 75
    assert summary.exit_status == 0


# -- failures ----------------------------------------------------------------------------


async def test_starts_that_always_fail_make_the_exit_status_1(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """A 500 on every start (not retried for a POST) fails every flow, reported one by one."""
    emulator.faults.fail(500, route=START_ROUTE)
    reporter = RecordingReporter()
    summary = await demo(demo_client, emulator, clock, reporter)
    assert summary.flows_found == summary.flows_failed == 75
    assert summary.flows_started == 0
    assert all(f.reason.startswith("ServerError: ") for f in summary.failures)
    assert len(reporter.of("problem", "start")) == 75
    assert (summary.ok, summary.exit_status) == (False, 1)


async def test_some_failed_starts_are_listed_in_input_order(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """Three failures among 75: the others start, and the failures keep the list's order."""
    emulator.faults.fail(503, times=3, route=START_ROUTE, retry_after=120)
    summary = await demo(demo_client, emulator, clock)
    assert (summary.flows_started, summary.flows_failed) == (72, 3)
    listed = list(emulator.platform.flows)
    positions = [listed.index(f.flow_id) for f in summary.failures]
    assert positions == sorted(positions)
    assert summary.exit_status == 1


async def test_a_flow_inactive_at_the_final_check_counts_as_failed(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """A started flow stopped behind the demo's back is found by listing the flows again."""
    stopped: list[str] = []
    # Only a flow the demo started counts: stop one of the Sandbox's formerly inactive ones.
    sandbox = inactive_ids(emulator, emulator.seed.private_workspace_id)

    def stop_a_started_one(phase: Phase) -> None:
        if phase == "start":
            flow_id = min(sandbox)
            emulator.platform.set_flow_status(flow_id, "inactive", delay=0)
            stopped.append(flow_id)

    summary = await demo(demo_client, emulator, clock, RecordingReporter(stop_a_started_one))
    assert [f.flow_id for f in summary.failures] == stopped
    assert summary.failures[0].reason == "not active when listed again"
    assert (summary.flows_started, summary.flows_failed) == (74, 1)
    assert summary.exit_status == 1


async def test_a_credential_that_is_not_verified_fails_the_run(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """A credential missing its required key is refused, and the run is not ok."""
    emulator.platform.credentials[emulator.seed.credential_ids["petstore"]].keys = {}
    reporter = RecordingReporter()
    summary = await demo(demo_client, emulator, clock, reporter)
    assert not summary.credential_verified
    assert "not verified" in summary.credential_detail
    assert reporter.of("problem", "credential")
    assert summary.exit_status == 1


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (ValueError("two\n  lines"), "ValueError: two lines"),
        (ValueError("x" * 200), "ValueError: " + "x" * 147 + "…"),
    ],
)
def test_a_failure_reason_is_one_short_line(error: Exception, reason: str) -> None:
    """Reasons name the error's type, on one line, cut to 160 characters."""
    assert describe_error(error) == reason
    assert len(describe_error(error)) <= 160


# -- reporting ---------------------------------------------------------------------------


async def test_the_reporter_sees_each_phase_begin_and_end_in_order(
    demo_client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """Phases run in order; the start bar is advanced once per flow, to its total."""
    reporter = RecordingReporter()
    summary = await demo(demo_client, emulator, clock, reporter)
    assert [e[1] for e in reporter.of("begin")] == list(PHASES)
    assert [e[1] for e in reporter.of("end")] == list(PHASES)
    assert reporter.of("begin", "start") == [("begin", "start", summary.flows_found)]
    assert sum(e[2] for e in reporter.of("advance", "start")) == summary.flows_found
    assert sum(e[2] for e in reporter.of("advance", "flows")) == summary.flows_seen
    assert sum(e[2] for e in reporter.of("advance", "check")) == summary.flows_started


# -- on a real socket ----------------------------------------------------------------------


async def test_over_a_socket_under_a_rate_limit() -> None:
    """Served on loopback at 5 requests a second: 429s absorbed, every flow started.

    The emulator and the client share a virtual clock, so the waits for Retry-After and
    for the flows to settle cost no real time: only the socket is real. Its sleepers wake
    in order, only when nothing else can run, so the pacing of the requests reaches the
    emulator as it would in real time (a clock that adds up concurrent sleeps would let
    every paced request go at once).
    """
    clock = AutojumpClock()
    settings = EmulatorSettings(rate_limit=5, transition_delay=0.5, execution_time=0.3)
    emulator = Emulator(settings=settings, clock=clock, sleep=clock.sleep)
    seed = emulator.seed
    async with (
        asyncio.timeout(WAIT),
        serve_emulator(emulator) as served,
        served.client(retry=RETRY, sleep=clock.sleep, clock=clock) as client,
    ):
        summary = await run_demo(
            client,
            contract_id=seed.contract_id,
            workspace_ids=[seed.private_workspace_id],
            credential_id=seed.private_credential_id,
            concurrency=32,
            clock=clock,
        )
    assert summary.flows_started == summary.flows_found == 75
    assert summary.rate_limited_absorbed > 0
    # The client learns the limit from the first 429s and paces itself: few are refused.
    assert summary.rate_limited * 10 < summary.requests
    assert summary.requests == len(emulator.requests)
    assert summary.exit_status == 0
