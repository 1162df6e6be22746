"""Pub/Sub topics: the SDK against the emulator, the answers matching its records; a
caller outside the workspace refused, an unknown topic not found."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, BadRequestError, NotFoundError, PermissionDeniedError
from elasticio.testing import Emulator

SCHEMA = {"type": "object", "properties": {"total": {"type": "number"}}}


async def test_list_and_get(client: AsyncClient, emulator: Emulator) -> None:
    """topics.list() and get() show the seeded topic as the emulator stores it."""
    seed = emulator.seed
    stored = emulator.platform.topics[seed.topic_id]
    (listed,) = await client.topics.list(seed.workspace_id).collect()
    got = await client.topics.get(seed.workspace_id, seed.topic_id)
    assert listed == got
    assert (got.id, got.name, dict(got.schema), got.workspace_id, got.user_id) == (
        stored.id,
        stored.name,
        stored.schema,
        seed.workspace_id,
        seed.owner.id,
    )


async def test_list_searches(client: AsyncClient, emulator: Emulator) -> None:
    """topics.list(search=...) keeps the names that contain the text."""
    workspace_id = emulator.seed.workspace_id
    assert [t.name async for t in client.topics.list(workspace_id, search="erso")] == ["Person"]
    assert await client.topics.list(workspace_id, search="order").collect() == []


async def test_create_update_delete(client: AsyncClient, emulator: Emulator) -> None:
    """A topic created, renamed, given a new schema and deleted, the records following."""
    workspace_id = emulator.seed.private_workspace_id
    created = await client.topics.create(workspace_id, name="Order", schema=SCHEMA)
    stored = emulator.platform.topics[created.id]
    assert (stored.name, stored.schema, stored.workspace_id) == ("Order", SCHEMA, workspace_id)
    assert created.schema == SCHEMA
    renamed = await client.topics.update(workspace_id, created.id, name="Purchase")
    assert (renamed.name, renamed.schema) == ("Purchase", SCHEMA)
    replaced = await client.topics.update(workspace_id, created.id, schema={"type": "array"})
    assert (replaced.name, dict(replaced.schema)) == ("Purchase", {"type": "array"})
    await client.topics.delete(workspace_id, created.id)
    assert created.id not in emulator.platform.topics
    with pytest.raises(NotFoundError):
        await client.topics.get(workspace_id, created.id)


async def test_create_refuses_an_empty_name(client: AsyncClient, emulator: Emulator) -> None:
    """A blank name is a 400, and nothing is stored."""
    with pytest.raises(BadRequestError):
        await client.topics.create(emulator.seed.workspace_id, name=" ", schema=SCHEMA)
    assert list(emulator.platform.topics) == [emulator.seed.topic_id]


async def test_outsider_is_refused(guest: AsyncClient, emulator: Emulator) -> None:
    """The guest may neither list nor create topics of the private workspace."""
    workspace_id = emulator.seed.private_workspace_id
    with pytest.raises(PermissionDeniedError):
        await guest.topics.list(workspace_id).collect()
    with pytest.raises(PermissionDeniedError):
        await guest.topics.create(workspace_id, name="Order", schema=SCHEMA)
    assert list(emulator.platform.topics) == [emulator.seed.topic_id]


async def test_member_reads_but_unknown_is_not_found(
    guest: AsyncClient, emulator: Emulator
) -> None:
    """The guest reads the shared workspace's topic; an unknown id is NotFoundError."""
    seed = emulator.seed
    assert (await guest.topics.get(seed.workspace_id, seed.topic_id)).name == "Person"
    with pytest.raises(NotFoundError):
        await guest.topics.get(seed.workspace_id, "000000000000000000000000")
