"""Flow drafts: get, put (create or replace), delete; the SDK's answers match the emulator's
records."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, NotFoundError
from elasticio.testing import Emulator


def flow_without_draft(emulator: Emulator) -> str:
    """An inactive flow of the shared workspace that has no draft."""
    return min(
        f.id
        for f in emulator.platform.flows.values()
        if f.workspace_id == emulator.seed.workspace_id
        and f.draft is None
        and f.status == "inactive"
    )


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
