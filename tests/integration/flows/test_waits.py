"""Waiting for a start or a stop to take effect, timed on a fake clock the SDK and the
emulator share (over the socket too): the default polling policy's exact waits, and a
timeout shorter than the platform's lag."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from elasticio import AsyncClient, ConflictError, PollPolicy, PollTimeoutError
from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.rig import Rig

TRANSITION_DELAY = 3.0


@pytest.fixture
def rig(clocked_rig: Rig) -> Rig:
    """Every test here runs on the fake clock, with a lag of TRANSITION_DELAY seconds."""
    clocked_rig.emulator.settings.transition_delay = TRANSITION_DELAY
    return clocked_rig


@pytest.fixture
async def client(rig: Rig) -> AsyncIterator[AsyncClient]:
    """The SDK signed in as the seeded owner, with the default polling policy."""
    async with rig.client(poll=PollPolicy()) as sdk:
        yield sdk


@pytest.fixture
def idle_flow_id(emulator: Emulator) -> str:
    return emulator.platform.add_flow(
        workspace_id=emulator.seed.workspace_id, user_id=emulator.seed.owner.id, name="Idle"
    ).id


async def test_start_and_wait_on_the_fake_clock(
    client: AsyncClient, clock: FakeClock, idle_flow_id: str
) -> None:
    """start(wait=True) polls until the emulator's lag has passed, without real waiting."""
    flow = await client.flows.start(idle_flow_id, wait=True)
    assert (flow.status, flow.current_status) == ("active", "active")
    assert flow.last_start_time is not None
    assert clock.sleeps == [1.0, 1.5, 2.25]
    assert sum(clock.sleeps) >= TRANSITION_DELAY


async def test_start_without_wait_shows_the_old_state(
    client: AsyncClient, clock: FakeClock, idle_flow_id: str
) -> None:
    """start() alone returns at once: status active, current_status still inactive."""
    flow = await client.flows.start(idle_flow_id)
    assert (flow.status, flow.current_status, flow.is_settled) == ("active", "inactive", False)
    assert clock.sleeps == []


async def test_stop_and_wait_after_a_start(
    client: AsyncClient, clock: FakeClock, idle_flow_id: str
) -> None:
    """stop(wait=True) handles the emulator's empty 202 and returns the stopped flow."""
    await client.flows.start(idle_flow_id, wait=True)
    clock.sleeps.clear()
    flow = await client.flows.stop(idle_flow_id, wait=True)
    assert (flow.status, flow.current_status) == ("inactive", "inactive")
    assert clock.sleeps == [1.0, 1.5, 2.25]


async def test_stop_without_wait_returns_none(client: AsyncClient, idle_flow_id: str) -> None:
    """The emulator answers a stop with {"data": {}}, as documented: stop() gives None."""
    await client.flows.start(idle_flow_id, wait=True)
    assert await client.flows.stop(idle_flow_id) is None
    flow = await client.flows.get(idle_flow_id)
    assert (flow.status, flow.current_status) == ("inactive", "active")


async def test_start_of_an_active_flow_is_a_conflict(
    client: AsyncClient, idle_flow_id: str
) -> None:
    """Starting a flow already asked to run raises ConflictError."""
    await client.flows.start(idle_flow_id)
    with pytest.raises(ConflictError):
        await client.flows.start(idle_flow_id, wait=True)


async def test_waiting_less_than_the_lag_times_out(
    client: AsyncClient, clock: FakeClock, idle_flow_id: str
) -> None:
    """A poll timeout shorter than the platform's lag raises PollTimeoutError."""
    policy = PollPolicy(interval=0.5, backoff=1.0, timeout=2.0)
    with pytest.raises(PollTimeoutError) as caught:
        await client.flows.start(idle_flow_id, wait=True, poll=policy)
    assert caught.value.last is not None
    assert sum(clock.sleeps) == pytest.approx(2.0)
