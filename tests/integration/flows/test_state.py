"""Starting and stopping flows: the 202 answers, the lag of current_status behind status,
waiting for it under a polling policy, 409s, and many flows started at once."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, ConflictError, PollPolicy, PollTimeoutError, run_bounded
from elasticio.models import Flow
from elasticio.testing import Emulator
from tests._support.rig import TRANSITION_DELAY

# An answer far later than any wait in these tests: the flow stays in transition.
NEVER_SETTLES = 3600.0
# Powers of two, so that a fake clock reaches the deadline exactly (see conftest.POLL).
IMPATIENT = PollPolicy(interval=1 / 128, max_interval=1 / 128, timeout=1 / 16)


def active_flow_id(emulator: Emulator) -> str:
    """An active flow of the shared workspace."""
    return min(
        f.id
        for f in emulator.platform.flows.values()
        if f.workspace_id == emulator.seed.workspace_id and f.status == "active"
    )


async def test_start_answers_at_once_with_the_old_current_status(
    client: AsyncClient, emulator: Emulator
) -> None:
    """start() returns the 202's flow: status active, current_status still inactive."""
    emulator.settings.transition_delay = NEVER_SETTLES
    flow = await client.flows.start(emulator.seed.flow_id)
    assert (flow.status, flow.current_status, flow.is_settled) == ("active", "inactive", False)
    assert flow.last_start_time is not None
    assert emulator.platform.flows[emulator.seed.flow_id].status == "active"
    assert client.stats.requests == 1


async def test_start_without_lag_and_wait_reads_once(
    client: AsyncClient, emulator: Emulator
) -> None:
    """With no transition delay the 202 still shows the old state; one read shows it running."""
    flow = await client.flows.start(emulator.seed.flow_id, wait=True)
    assert (flow.status, flow.current_status) == ("active", "active")
    assert client.stats.requests == 2


async def test_start_and_wait_polls_until_active(client: AsyncClient, emulator: Emulator) -> None:
    """start(wait=True) reads the flow again until current_status catches up."""
    emulator.settings.transition_delay = TRANSITION_DELAY
    flow = await client.flows.start(emulator.seed.flow_id, wait=True)
    assert (flow.status, flow.current_status) == ("active", "active")
    assert client.stats.requests >= 2
    assert (await client.flows.get(flow.id)).current_status == "active"


async def test_stop_answers_with_nothing(client: AsyncClient, emulator: Emulator) -> None:
    """stop() returns None (the 202 carries no flow); the flow is asked to stop."""
    emulator.settings.transition_delay = NEVER_SETTLES
    flow_id = active_flow_id(emulator)
    assert await client.flows.stop(flow_id) is None
    stored = emulator.platform.flows[flow_id]
    assert stored.status == "inactive"
    shown = await client.flows.get(flow_id)
    assert (shown.status, shown.current_status) == ("inactive", "active")


async def test_stop_and_wait_polls_until_inactive(client: AsyncClient, emulator: Emulator) -> None:
    """stop(wait=True) reads the flow until it is inactive and returns that flow."""
    emulator.settings.transition_delay = TRANSITION_DELAY
    flow = await client.flows.stop(active_flow_id(emulator), wait=True)
    assert (flow.status, flow.current_status) == ("inactive", "inactive")


async def test_start_stop_start_round_trip(client: AsyncClient, emulator: Emulator) -> None:
    """A flow started, stopped and started again, each time waited for, ends up active."""
    emulator.settings.transition_delay = TRANSITION_DELAY
    flow_id = emulator.seed.flow_id
    assert (await client.flows.start(flow_id, wait=True)).current_status == "active"
    assert (await client.flows.stop(flow_id, wait=True)).current_status == "inactive"
    assert (await client.flows.start(flow_id, wait=True)).current_status == "active"
    assert len(emulator.platform.flows[flow_id].versions) == 1  # no new version


async def test_start_and_wait_gives_up_in_time(client: AsyncClient, emulator: Emulator) -> None:
    """A flow that never settles ends the wait with PollTimeoutError holding the last read."""
    emulator.settings.transition_delay = NEVER_SETTLES
    with pytest.raises(PollTimeoutError) as caught:
        await client.flows.start(emulator.seed.flow_id, wait=True, poll=IMPATIENT)
    last = caught.value.last
    assert isinstance(last, Flow)
    assert (last.status, last.current_status) == ("active", "inactive")


async def test_a_long_wait_at_a_capped_interval_times_out(
    client: AsyncClient, emulator: Emulator
) -> None:
    """However many looks a wait takes at max_interval, it ends in PollTimeoutError.

    ``interval * backoff ** (looks - 1)`` overflows a float long before the cap applies:
    at look 1752 for the default backoff of 1.5 (a 15-minute wait at 0.5 s), at look 5
    for the backoff of 10**100 used here to keep the test short.
    """
    emulator.settings.transition_delay = NEVER_SETTLES
    capped = PollPolicy(interval=1 / 1024, max_interval=1 / 1024, backoff=1e100, timeout=1 / 4)
    with pytest.raises(PollTimeoutError):
        await client.flows.start(emulator.seed.flow_id, wait=True, poll=capped)


async def test_start_an_active_flow_conflicts(client: AsyncClient, emulator: Emulator) -> None:
    """Starting a flow that is active is a 409 (ConflictError), not retried."""
    flow_id = active_flow_id(emulator)
    with pytest.raises(ConflictError) as caught:
        await client.flows.start(flow_id)
    assert caught.value.status_code == 409
    assert (caught.value.method, caught.value.retries_taken) == ("POST", 0)
    assert client.stats.requests == 1


async def test_start_a_starting_flow_conflicts(client: AsyncClient, emulator: Emulator) -> None:
    """A second start while the first is still settling is a 409 as well."""
    emulator.settings.transition_delay = NEVER_SETTLES
    await client.flows.start(emulator.seed.flow_id)
    with pytest.raises(ConflictError):
        await client.flows.start(emulator.seed.flow_id)


async def test_stop_an_inactive_flow_and_wait(client: AsyncClient, emulator: Emulator) -> None:
    """Stopping a flow that is inactive, as a client does before changing it, just works."""
    flow = await client.flows.stop(emulator.seed.flow_id, wait=True)
    assert (flow.status, flow.current_status) == ("inactive", "inactive")


async def test_stop_an_inactive_flow_conflicts_on_request(
    client: AsyncClient, emulator: Emulator
) -> None:
    """With the emulator's ``stop_inactive_conflict`` the stop is a ConflictError."""
    emulator.settings.stop_inactive_conflict = True
    with pytest.raises(ConflictError):
        await client.flows.stop(emulator.seed.flow_id)


async def test_start_many_flows_at_once(client: AsyncClient, emulator: Emulator) -> None:
    """run_bounded starts twenty flows, each waited for, eight at a time."""
    emulator.settings.transition_delay = TRANSITION_DELAY
    flow_ids = sorted(
        f.id
        for f in emulator.platform.flows.values()
        if f.workspace_id == emulator.seed.private_workspace_id and f.status == "inactive"
    )[:20]

    async def start(flow_id: str) -> Flow:
        return await client.flows.start(flow_id, wait=True)

    result = await run_bounded(start, flow_ids, concurrency=8)
    assert [flow.id for flow in result.values()] == flow_ids
    assert all(flow.current_status == "active" for flow in result.values())
    assert all(emulator.platform.flows[i].status == "active" for i in flow_ids)
