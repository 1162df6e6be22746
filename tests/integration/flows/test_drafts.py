"""Flow drafts (get, put, delete) and step snapshots (list, get, create, update, delete)."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, BadRequestError, ConflictError, NotFoundError
from elasticio.testing import Emulator

SNAPSHOT = {"lastPoll": "2024-01-01T18:00:00.000Z"}


def flow_without_draft(emulator: Emulator) -> str:
    """An inactive flow of the shared workspace that has no draft."""
    return min(
        f.id
        for f in emulator.platform.flows.values()
        if f.workspace_id == emulator.seed.workspace_id
        and f.draft is None
        and f.status == "inactive"
    )


# -- drafts --------------------------------------------------------------------------------


async def test_get_draft(client: AsyncClient, emulator: Emulator) -> None:
    """flows.get_draft() returns the stored draft with the flow's graph."""
    stored = emulator.platform.flows[emulator.seed.flow_id]
    assert stored.draft is not None
    draft = await client.flows.get_draft(stored.id)
    assert (draft.id, draft.name, draft.flow_id, draft.user_id) == (
        stored.draft.id,
        stored.draft.name,
        stored.id,
        stored.draft.user_id,
    )
    assert draft.graph is not None
    assert draft.graph.to_json() == stored.draft.graph


async def test_draft_from_a_flow(client: AsyncClient, emulator: Emulator) -> None:
    """Flow.draft() reaches the same draft."""
    flow = await client.flows.get(emulator.seed.flow_id)
    draft = await flow.draft()
    assert draft.id == flow.draft_id


async def test_get_draft_of_a_flow_without_one(client: AsyncClient, emulator: Emulator) -> None:
    """A flow without a draft answers 404."""
    with pytest.raises(NotFoundError):
        await client.flows.get_draft(flow_without_draft(emulator))


async def test_put_draft_creates_one(client: AsyncClient, emulator: Emulator) -> None:
    """flows.put_draft() gives a flow a draft; the flow itself stays as it was."""
    flow_id = flow_without_draft(emulator)
    stored = emulator.platform.flows[flow_id]
    graph = stored.graph
    draft = await client.flows.put_draft(
        flow_id, name="Work in progress", graph=graph, cron="0 * * * *", snapshot={"a": 1}
    )
    assert stored.draft is not None
    assert (stored.draft.name, stored.draft.cron, stored.draft.snapshot) == (
        "Work in progress",
        "0 * * * *",
        {"a": 1},
    )
    assert (draft.name, draft.cron, draft.snapshot) == ("Work in progress", "0 * * * *", {"a": 1})
    assert (stored.name, stored.cron) != ("Work in progress", "0 * * * *")
    assert (await client.flows.get(flow_id)).draft_id == draft.id


async def test_put_draft_replaces_the_draft(client: AsyncClient, emulator: Emulator) -> None:
    """A second PUT replaces the draft as a whole; attributes left out fall back to the
    flow's own values."""
    stored = emulator.platform.flows[emulator.seed.flow_id]
    graph = stored.graph
    await client.flows.put_draft(stored.id, name="First", graph=graph, description="one")
    draft = await client.flows.put_draft(stored.id, name="Second", graph=graph)
    assert stored.draft is not None
    assert (stored.draft.name, stored.draft.description) == ("Second", stored.description)
    assert draft.description == stored.description


async def test_delete_draft(client: AsyncClient, emulator: Emulator) -> None:
    """flows.delete_draft() discards the draft."""
    flow_id = emulator.seed.flow_id
    await client.flows.delete_draft(flow_id)
    assert emulator.platform.flows[flow_id].draft is None
    with pytest.raises(NotFoundError):
        await client.flows.get_draft(flow_id)
    assert (await client.flows.get(flow_id)).draft_id is None


# -- snapshots -----------------------------------------------------------------------------


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
