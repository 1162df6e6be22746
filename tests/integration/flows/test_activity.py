"""Run now, suspend, deleted flows and restore, error subscriptions and thread stats:
the SDK against the emulator (API digest §4.4, §4.5; shapes are the emulator's)."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, ConflictError, NotFoundError, PermissionDeniedError
from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.rig import Rig

DAY = 86_400.0


@pytest.fixture
def rig(clocked_rig: Rig) -> Rig:
    """The restore window and the stats follow the clock: a fake one in both modes."""
    return clocked_rig


async def test_run_now_and_suspend_an_active_flow(client: AsyncClient, emulator: Emulator) -> None:
    """A started flow runs now once, then is suspended; both refuse an inactive flow."""
    flow_id = emulator.seed.flow_id
    with pytest.raises(ConflictError):
        await client.flows.run_now(flow_id)
    await client.flows.start(flow_id, wait=True)
    assert await client.flows.run_now(flow_id) is None
    assert len(emulator.platform.flows[flow_id].runs) == 1
    assert await client.flows.suspend(flow_id) is None
    flow = await client.flows.get(flow_id)
    assert (flow.status, flow.current_status) == ("suspended", "suspended")
    with pytest.raises(ConflictError):
        await client.flows.suspend(flow_id)
    assert [f.id async for f in client.flows.list(emulator.seed.workspace_id, status="suspended")]


async def test_delete_list_deleted_and_restore(client: AsyncClient, emulator: Emulator) -> None:
    """A deleted flow is listed as deleted, restored inactive, and then listed no more."""
    flow_id, workspace_id = emulator.seed.flow_id, emulator.seed.workspace_id
    await client.flows.delete(flow_id)
    deleted = [f async for f in client.flows.list_deleted(workspace_id)]
    assert [f.id for f in deleted] == [flow_id]
    assert deleted[0].extra["deleted_at"].startswith("2025-01-01T")
    restored = await client.flows.restore(flow_id)
    assert (restored.id, restored.status) == (flow_id, "inactive")
    assert (await client.flows.get(flow_id)).name == restored.name
    assert [f async for f in client.flows.list_deleted(workspace_id)] == []


async def test_restore_too_late(client: AsyncClient, emulator: Emulator, clock: FakeClock) -> None:
    """After the restore window the flow is gone for good: NotFoundError."""
    await client.flows.delete(emulator.seed.flow_id)
    clock.advance(DAY + 1)
    with pytest.raises(NotFoundError):
        await client.flows.restore(emulator.seed.flow_id)


async def test_the_guest_may_not_see_or_restore_deleted_flows(
    client: AsyncClient, guest: AsyncClient, emulator: Emulator
) -> None:
    """Deleted flows are for tenant admins: the guest gets PermissionDeniedError."""
    await client.flows.delete(emulator.seed.flow_id)
    with pytest.raises(PermissionDeniedError):
        [f async for f in guest.flows.list_deleted(emulator.seed.workspace_id)]
    with pytest.raises(PermissionDeniedError):
        await guest.flows.restore(emulator.seed.flow_id)


async def test_subscribe_list_unsubscribe(client: AsyncClient, emulator: Emulator) -> None:
    """A subscription made is listed, a second for the address conflicts, and it ends."""
    flow_id = emulator.seed.flow_id
    mine = await client.flows.subscribe(flow_id)
    ops = await client.flows.subscribe(flow_id, email="ops@example.com")
    assert mine.email == emulator.seed.owner.email
    assert (ops.user_id, ops.flow_id) == (emulator.seed.owner.id, flow_id)
    listed = await client.flows.subscriptions(flow_id)
    assert [s.id for s in listed] == [mine.id, ops.id]
    with pytest.raises(ConflictError):
        await client.flows.subscribe(flow_id, email="ops@example.com")
    await client.flows.unsubscribe(flow_id, ops.id)
    assert [s.email for s in await client.flows.subscriptions(flow_id)] == [mine.email]


async def test_thread_stats_count_the_running_flows(
    client: AsyncClient, emulator: Emulator, clock: FakeClock
) -> None:
    """A flow started an hour ago adds 60 messages to today, and a run now one more."""
    workspace_id = emulator.seed.workspace_id
    before = await client.flows.thread_stats(workspace_id)
    await client.flows.start(emulator.seed.flow_id, wait=True)
    await client.flows.run_now(emulator.seed.flow_id)
    clock.advance(3600)
    after = await client.flows.thread_stats(workspace_id)
    assert after.workspace_id == workspace_id
    assert len(after.days) == 7
    assert after.days[-1].date == before.days[-1].date
    active = [
        f
        for f in emulator.platform.flows.values()
        if f.workspace_id == workspace_id and f.status == "active"
    ]
    assert after.days[-1].messages - before.days[-1].messages == 60 * len(active) + 1
    assert after.to_dict()["days"][-1]["date"] == after.days[-1].date
