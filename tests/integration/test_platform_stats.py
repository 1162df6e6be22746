"""Stats through the SDK against the emulator."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, PermissionDeniedError
from elasticio.testing import Emulator


async def test_queues_show_the_figures_a_test_set(client: AsyncClient, emulator: Emulator) -> None:
    flow_id = emulator.seed.flow_id
    emulator.platform.queues.set(flow_id, "step_1", ready=3, unacked=1, rebounds=2)
    stats = await client.platform_stats.queues(flow_id)
    queue = stats.step("step_1")
    assert (queue.total, queue.ready, queue.unacked, queue.rebounds) == (4, 3, 1, 2)
    assert stats.step("step_2").total == 0


async def test_the_inventory_follows_the_flows(client: AsyncClient, emulator: Emulator) -> None:
    """A flow deleted through the API leaves its workspace's inventory."""
    shared = emulator.seed.workspace_id
    before = {w.id: [f.id for f in w.flows] for w in await client.platform_stats.workspaces()}
    assert emulator.seed.flow_id in before[shared]
    await client.flows.delete(emulator.seed.flow_id)
    after = {w.id: [f.id for f in w.flows] for w in await client.platform_stats.workspaces()}
    assert after[shared] == [f for f in before[shared] if f != emulator.seed.flow_id]


async def test_a_contract_admin_may_not_read_the_inventory(
    guest: AsyncClient, emulator: Emulator
) -> None:
    with pytest.raises(PermissionDeniedError):
        await guest.platform_stats.workspaces(contract_id=emulator.seed.contract_id)
