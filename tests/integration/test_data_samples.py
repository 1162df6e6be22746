"""Data samples: one sample, several by id, create (for a revision too), update; the SDK's
answers match the emulator's records."""

from __future__ import annotations

from elasticio import AsyncClient
from elasticio.testing import Emulator


async def test_get(client: AsyncClient, emulator: Emulator) -> None:
    """data_samples.get() returns the sample with its method, result and relationships."""
    sample_id = emulator.seed.data_sample_ids["webhook"]
    sample = await client.data_samples.get(sample_id)
    stored = emulator.platform.data_samples[sample_id]
    assert (sample.method, dict(sample.result)) == (stored.method, stored.result)
    assert (
        sample.component_id,
        sample.component_version_id,
        sample.workspace_id,
        sample.user_id,
    ) == (stored.component_id, stored.component_version, stored.workspace_id, stored.user_id)


async def test_list_in_the_order_asked(client: AsyncClient, emulator: Emulator) -> None:
    """data_samples.list(ids) yields those samples in one request, in the order given."""
    ids = [emulator.seed.data_sample_ids["webhook"], emulator.seed.data_sample_ids["petstore"]]
    samples = await client.data_samples.list(ids).collect()
    assert [s.id for s in samples] == ids
    assert [s.method for s in samples] == ["receive", "getPetsByStatus"]
    assert client.stats.requests == 1


async def test_list_leaves_out_unknown_ids(client: AsyncClient, emulator: Emulator) -> None:
    """An id that does not exist is left out of the list."""
    samples = client.data_samples.list(["0" * 24, emulator.seed.data_sample_ids["petstore"]])
    assert [s.id async for s in samples] == [emulator.seed.data_sample_ids["petstore"]]


async def test_create(client: AsyncClient, emulator: Emulator) -> None:
    """data_samples.create() stores the sample of the latest build by default."""
    created = await client.data_samples.create(
        method="createPetWithPromise",
        result={"id": 7, "name": "Tom"},
        component_id=emulator.seed.component_ids["petstore"],
        workspace_id=emulator.seed.workspace_id,
    )
    stored = emulator.platform.data_samples[created.id]
    assert (stored.method, stored.result, stored.component_version, stored.user_id) == (
        "createPetWithPromise",
        {"id": 7, "name": "Tom"},
        "latest",
        emulator.seed.owner.id,
    )
    assert dict(created.result) == {"id": 7, "name": "Tom"}


async def test_create_for_a_revision(client: AsyncClient, emulator: Emulator) -> None:
    """version= pins the sample to one build."""
    revision = emulator.platform.components[emulator.seed.component_ids["petstore"]].versions[0]
    created = await client.data_samples.create(
        method="getPetsByStatus",
        result={"id": 1},
        component_id=emulator.seed.component_ids["petstore"],
        workspace_id=emulator.seed.workspace_id,
        version=revision.revision,
    )
    assert created.component_version_id == revision.revision
    assert emulator.platform.data_samples[created.id].component_version == revision.revision


async def test_update(client: AsyncClient, emulator: Emulator) -> None:
    """data_samples.update() replaces the result."""
    sample_id = emulator.seed.data_sample_ids["petstore"]
    updated = await client.data_samples.update(sample_id, result={"id": 2, "name": "Bo"})
    assert dict(updated.result) == {"id": 2, "name": "Bo"}
    assert emulator.platform.data_samples[sample_id].result == {"id": 2, "name": "Bo"}
