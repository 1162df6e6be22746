"""Teams: the contract's teams and one team; the SDK's answers match the emulator's records."""

from __future__ import annotations

from elasticio import AsyncClient
from elasticio.testing import Emulator


async def test_list(client: AsyncClient, emulator: Emulator) -> None:
    """teams.list() yields the contract's developer team with its users and components."""
    teams = await client.teams.list(contract_id=emulator.seed.contract_id).collect()
    stored = emulator.platform.teams[emulator.seed.team_id]
    assert [(t.id, t.name, t.contract_id) for t in teams] == [
        (stored.id, stored.name, emulator.seed.contract_id)
    ]
    assert teams[0].user_ids == tuple(stored.user_ids)
    assert teams[0].component_ids == (emulator.seed.component_ids["petstore"],)


async def test_get(client: AsyncClient, emulator: Emulator) -> None:
    """teams.get() returns the team with its contract."""
    team = await client.teams.get(emulator.seed.team_id)
    assert (team.id, team.name, team.contract_id) == (
        emulator.seed.team_id,
        "acme-dev",
        emulator.seed.contract_id,
    )


async def test_get_matches_the_list(client: AsyncClient, emulator: Emulator) -> None:
    """teams.get() returns the same team as the list."""
    seed = emulator.seed
    (listed,) = await client.teams.list(contract_id=seed.contract_id).collect()
    found = await client.teams.get(seed.team_id)
    assert found == listed
