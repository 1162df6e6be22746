"""``client.flows`` driven against the in-process emulator, on a fake clock."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from typing import Any

import pytest
from tests._support.clock import FakeClock

from elasticio import AsyncClient, ConflictError, NotFoundError, PollPolicy, PollTimeoutError
from elasticio.models._flows import FlowEdge, FlowGraph, FlowNode
from elasticio.testing import Emulator, EmulatorSettings

TRANSITION_DELAY = 3.0


@pytest.fixture
def emulator(clock: FakeClock) -> Emulator:
    return Emulator(settings=EmulatorSettings(transition_delay=TRANSITION_DELAY), clock=clock)


@pytest.fixture
async def sdk(emulator: Emulator, clock: FakeClock) -> AsyncIterator[AsyncClient]:
    """The SDK signed in as the seeded owner; its sleeps advance the emulator's clock."""
    async with emulator.client(sleep=clock.sleep, clock=clock) as client:
        yield client


@pytest.fixture
async def idle_flow_id(emulator: Emulator) -> str:
    return emulator.platform.add_flow(
        workspace_id=emulator.seed.workspace_id, user_id=emulator.seed.owner.id, name="Idle"
    ).id


def timer_to_email() -> FlowGraph:
    return FlowGraph(
        nodes=(
            FlowNode(id="step_1", command="elasticio/timer:timer", fields={"interval": "hour"}),
            FlowNode(id="step_2", command="elasticio/email:send"),
        ),
        edges=(FlowEdge(source="step_1", target="step_2", config={"mapper": {"to": '"a@b.c"'}}),),
    )


# -- list ----------------------------------------------------------------------------------


async def test_list_pages_through_a_whole_workspace(emulator: Emulator, sdk: AsyncClient) -> None:
    """With page_size 30 every flow of the workspace comes back, once, in as many pages."""
    expected = {
        f.id
        for f in emulator.platform.flows.values()
        if f.workspace_id == emulator.seed.workspace_id
    }
    flows = await sdk.flows.list(emulator.seed.workspace_id, page_size=30).collect()
    assert len(flows) == len(expected)
    assert {f.id for f in flows} == expected
    assert len(emulator.requests) == math.ceil(len(expected) / 30)


async def test_list_filters_by_status_type_user_and_draft(
    emulator: Emulator, sdk: AsyncClient
) -> None:
    """Each filter gives exactly the workspace's flows the platform holds with that property."""
    workspace_id = emulator.seed.workspace_id
    guest_id = emulator.seed.guest.id
    held = [f for f in emulator.platform.flows.values() if f.workspace_id == workspace_id]

    async def ids(**filters: Any) -> set[str]:
        return {f.id async for f in sdk.flows.list(workspace_id, **filters)}

    active = {f.id for f in held if f.status == "active"}
    long_running = {f.id for f in held if f.type == "long_running"}
    by_guest = {f.id for f in held if f.user_id == guest_id}
    drafted = {f.id for f in held if f.draft is not None}
    assert all((active, long_running, by_guest, drafted))
    assert await ids(status="active") == active
    assert await ids(type="long_running") == long_running
    assert await ids(user_id=guest_id) == by_guest
    assert await ids(has_draft=True) == drafted
    assert await ids(has_draft=False) == {f.id for f in held} - drafted


async def test_list_searches_and_sorts(emulator: Emulator, sdk: AsyncClient) -> None:
    """search matches names and descriptions; sort=-name gives names in reverse order."""
    found = await sdk.flows.list(
        emulator.seed.workspace_id, search="SHOPIFY", sort="-name"
    ).collect()
    assert found
    assert all(
        "shopify" in (f.name or "").lower() or "shopify" in (f.description or "").lower()
        for f in found
    )
    names = [f.name or "" for f in found]
    assert names == sorted(names, reverse=True)


# -- get, create, update, delete -----------------------------------------------------------


async def test_create_get_update_delete(emulator: Emulator, sdk: AsyncClient) -> None:
    """A flow made with a typed graph can be read, changed (a new version) and deleted."""
    created = await sdk.flows.create(
        emulator.seed.workspace_id,
        "Hourly report",
        graph=timer_to_email(),
        description="Sends the report",
        nodes_config={"step_2": {"prefetch": 2, "log_level": "debug"}},
    )
    assert (created.status, created.current_status, created.type) == (
        "inactive",
        "inactive",
        "ordinary",
    )
    assert created.workspace_id == emulator.seed.workspace_id
    assert created.user_id == emulator.seed.owner.id
    assert created.graph is not None
    email = created.graph.node("step_2")
    assert email is not None
    assert email.component_id == emulator.seed.component_ids["email"]
    assert created.graph.edges[0].id == "mapper:step_1:step_2"

    fetched = await sdk.flows.get(created.id)
    assert fetched == created

    updated = await sdk.flows.update(created.id, name="Daily report", cron="0 6 * * *")
    assert (updated.name, updated.cron, updated.description) == (
        "Daily report",
        "0 6 * * *",
        "Sends the report",
    )
    assert updated.latest_version_id != created.latest_version_id

    await sdk.flows.delete(created.id)
    with pytest.raises(NotFoundError):
        await sdk.flows.get(created.id)


async def test_a_flow_read_can_be_sent_back(emulator: Emulator, sdk: AsyncClient) -> None:
    """The graph and nodes_config of a read flow go back unchanged through update()."""
    flow = await sdk.flows.create(
        emulator.seed.workspace_id,
        "Round trip",
        graph=timer_to_email(),
        nodes_config={"step_1": {"passthrough": {"disabled": True}}},
    )
    assert flow.graph is not None
    again = await sdk.flows.update(flow.id, graph=flow.graph, nodes_config=flow.nodes_config)
    assert (again.graph, again.nodes_config) == (flow.graph, flow.nodes_config)


# -- start and stop ------------------------------------------------------------------------


async def test_start_and_wait_on_the_fake_clock(
    sdk: AsyncClient, clock: FakeClock, idle_flow_id: str
) -> None:
    """start(wait=True) polls until the emulator's lag has passed, without real waiting."""
    flow = await sdk.flows.start(idle_flow_id, wait=True)
    assert (flow.status, flow.current_status) == ("active", "active")
    assert flow.last_start_time is not None
    assert clock.sleeps == [1.0, 1.5, 2.25]
    assert sum(clock.sleeps) >= TRANSITION_DELAY


async def test_start_without_wait_shows_the_old_state(
    sdk: AsyncClient, clock: FakeClock, idle_flow_id: str
) -> None:
    """start() alone returns at once: status active, current_status still inactive."""
    flow = await sdk.flows.start(idle_flow_id)
    assert (flow.status, flow.current_status, flow.is_settled) == ("active", "inactive", False)
    assert clock.sleeps == []


async def test_stop_and_wait_after_a_start(
    emulator: Emulator, sdk: AsyncClient, clock: FakeClock, idle_flow_id: str
) -> None:
    """stop(wait=True) handles the emulator's empty 202 and returns the stopped flow."""
    await sdk.flows.start(idle_flow_id, wait=True)
    clock.sleeps.clear()
    flow = await sdk.flows.stop(idle_flow_id, wait=True)
    assert (flow.status, flow.current_status) == ("inactive", "inactive")
    assert clock.sleeps == [1.0, 1.5, 2.25]


async def test_stop_without_wait_returns_none(
    sdk: AsyncClient, clock: FakeClock, idle_flow_id: str
) -> None:
    """The emulator answers a stop with {"data": {}}, as documented: stop() gives None."""
    await sdk.flows.start(idle_flow_id, wait=True)
    assert await sdk.flows.stop(idle_flow_id) is None
    flow = await sdk.flows.get(idle_flow_id)
    assert (flow.status, flow.current_status) == ("inactive", "active")


async def test_start_of_an_active_flow_is_a_conflict(sdk: AsyncClient, idle_flow_id: str) -> None:
    """Starting a flow already asked to run raises ConflictError."""
    await sdk.flows.start(idle_flow_id)
    with pytest.raises(ConflictError):
        await sdk.flows.start(idle_flow_id, wait=True)


async def test_waiting_less_than_the_lag_times_out(
    sdk: AsyncClient, clock: FakeClock, idle_flow_id: str
) -> None:
    """A poll timeout shorter than the platform's lag raises PollTimeoutError."""
    policy = PollPolicy(interval=0.5, backoff=1.0, timeout=2.0)
    with pytest.raises(PollTimeoutError) as caught:
        await sdk.flows.start(idle_flow_id, wait=True, poll=policy)
    assert caught.value.last is not None
    assert sum(clock.sleeps) == pytest.approx(2.0)
