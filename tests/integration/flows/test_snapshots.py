"""Step snapshots of a flow: list, get, create, update, delete, and read-only while the
flow runs; the SDK's answers match the emulator's records."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, BadRequestError, ConflictError, NotFoundError
from elasticio.testing import Emulator

SNAPSHOT = {"lastPoll": "2024-01-01T18:00:00.000Z"}


async def test_snapshots(client: AsyncClient, emulator: Emulator) -> None:
    """flows.snapshots() lists the seeded snapshot of step_1."""
    snapshots = await client.flows.snapshots(emulator.seed.flow_id)
    assert [(s.step_id, s.snapshot, s.flow_id) for s in snapshots] == [
        ("step_1", SNAPSHOT, emulator.seed.flow_id)
    ]


async def test_get_snapshot(client: AsyncClient, emulator: Emulator) -> None:
    """flows.get_snapshot() returns one step's snapshot."""
    snapshot = await client.flows.get_snapshot(emulator.seed.flow_id, "step_1")
    assert (snapshot.id, snapshot.snapshot) == ("step_1", SNAPSHOT)


async def test_get_snapshot_of_a_step_without_one(client: AsyncClient, emulator: Emulator) -> None:
    """A step with no snapshot is a 404."""
    with pytest.raises(NotFoundError):
        await client.flows.get_snapshot(emulator.seed.flow_id, "step_2")


async def test_create_snapshot(client: AsyncClient, emulator: Emulator) -> None:
    """flows.create_snapshot() stores any JSON value for a step."""
    snapshot = await client.flows.create_snapshot(emulator.seed.flow_id, "step_2", [1, "two"])
    assert (snapshot.step_id, snapshot.snapshot) == ("step_2", [1, "two"])
    assert emulator.platform.flows[emulator.seed.flow_id].snapshots["step_2"] == [1, "two"]


async def test_create_snapshot_of_null(client: AsyncClient, emulator: Emulator) -> None:
    """None sends null, which is a snapshot too."""
    snapshot = await client.flows.create_snapshot(emulator.seed.flow_id, "step_2", None)
    assert snapshot.snapshot is None
    assert emulator.platform.flows[emulator.seed.flow_id].snapshots == {
        "step_1": SNAPSHOT,
        "step_2": None,
    }


async def test_create_snapshot_twice_conflicts(client: AsyncClient, emulator: Emulator) -> None:
    """A step that has a snapshot cannot get another by POST: 409."""
    with pytest.raises(ConflictError):
        await client.flows.create_snapshot(emulator.seed.flow_id, "step_1", {"x": 1})
    assert emulator.platform.flows[emulator.seed.flow_id].snapshots["step_1"] == SNAPSHOT


async def test_create_snapshot_for_an_unknown_step(client: AsyncClient, emulator: Emulator) -> None:
    """A step the graph does not have is a 400."""
    with pytest.raises(BadRequestError):
        await client.flows.create_snapshot(emulator.seed.flow_id, "step_9", {})


async def test_update_snapshot(client: AsyncClient, emulator: Emulator) -> None:
    """flows.update_snapshot() replaces the step's snapshot."""
    snapshot = await client.flows.update_snapshot(emulator.seed.flow_id, "step_1", {"n": 2})
    assert snapshot.snapshot == {"n": 2}
    assert emulator.platform.flows[emulator.seed.flow_id].snapshots["step_1"] == {"n": 2}


async def test_delete_snapshot(client: AsyncClient, emulator: Emulator) -> None:
    """flows.delete_snapshot() removes the step's snapshot."""
    await client.flows.delete_snapshot(emulator.seed.flow_id, "step_1")
    assert emulator.platform.flows[emulator.seed.flow_id].snapshots == {}
    assert await client.flows.snapshots(emulator.seed.flow_id) == []


async def test_snapshots_are_read_only_while_the_flow_runs(
    client: AsyncClient, emulator: Emulator
) -> None:
    """Once the flow is started, changing a snapshot is a 409; reading it still works."""
    flow_id = emulator.seed.flow_id
    await client.flows.start(flow_id, wait=True)
    with pytest.raises(ConflictError):
        await client.flows.update_snapshot(flow_id, "step_1", {"n": 2})
    with pytest.raises(ConflictError):
        await client.flows.delete_snapshot(flow_id, "step_1")
    assert (await client.flows.get_snapshot(flow_id, "step_1")).snapshot == SNAPSHOT
