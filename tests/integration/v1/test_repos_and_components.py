"""API v1 repos and components through the SDK against the emulator, and the same
components through v2."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, ConflictError, PermissionDeniedError
from elasticio.testing import Emulator


async def test_repo_round_trip_and_v2_sees_it(client: AsyncClient, emulator: Emulator) -> None:
    repo = await client.v1.repos.create("v1-repo", team_id=emulator.seed.team_id)
    assert repo.id in [r.id for r in await client.v1.repos.list()]
    assert (await client.v1.repos.get(repo.id)).name == "v1-repo"
    assert (await client.components.get(repo.id)).name == "v1-repo"
    await client.v1.repos.delete(repo.id)
    assert repo.id not in emulator.platform.components


async def test_env_both_ways(client: AsyncClient, emulator: Emulator) -> None:
    """set_env merges (None removes); v2 reads the result, and v1 reads v2's PUT."""
    petstore = emulator.seed.component_ids["petstore"]
    assert await client.v1.repos.set_env(petstore, {"PETSTORE_URL": None, "A": "1"}) == {"A": "1"}
    assert (await client.components.get_env(petstore)).vars == {"A": "1"}
    await client.components.set_env(petstore, {"B": "2"})
    assert await client.v1.repos.env(petstore) == {"B": "2"}


async def test_components_are_latest_descriptors(client: AsyncClient, emulator: Emulator) -> None:
    ids = emulator.seed.component_ids
    mine = await client.v1.components.mine()
    assert [(c.repo_id, c.data["title"]) for c in mine] == [(ids["petstore"], "Petstore API")]
    public = {c.repo_id for c in await client.v1.components.public()}
    assert public == {ids[name] for name in ("timer", "webhook", "code", "email")}
    one = await client.v1.components.get(ids["petstore"])
    latest = await client.components.descriptor(ids["petstore"], "latest")
    assert (one.name, one.team, one.data["sailor_version"]) == (
        "petstore",
        "acme-dev",
        latest.sailor_version,
    )


async def test_errors_map_onto_the_tree(
    client: AsyncClient, guest: AsyncClient, emulator: Emulator
) -> None:
    petstore = emulator.seed.component_ids["petstore"]
    with pytest.raises(ConflictError, match="used in"):
        await client.v1.repos.delete(petstore)
    with pytest.raises(PermissionDeniedError):
        await guest.v1.repos.env(petstore)
