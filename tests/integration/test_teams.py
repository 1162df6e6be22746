"""Teams: the contract's teams and one team; creating a team, setting its docker
registry, adding and removing members, deleting it (refused while it owns repositories);
the SDK's answers match the emulator's records."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, BadRequestError, ConflictError, PermissionDeniedError
from elasticio.testing import Emulator
from tests._support.rig import Rig


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


async def test_create(client: AsyncClient, emulator: Emulator) -> None:
    """teams.create() stores a team of the contract, the caller its member, registry kept."""
    seed = emulator.seed
    team = await client.teams.create(
        "acme-ops",
        contract_id=seed.contract_id,
        docker_registry_uri="registry.example.com",
        docker_registry_credentials={"password": "hunter2-registry"},
    )
    stored = emulator.platform.teams[team.id]
    assert (team.name, team.contract_id, team.user_ids) == (
        stored.name,
        seed.contract_id,
        (seed.owner.id,),
    )
    assert stored.docker_registry == {
        "uri": "registry.example.com",
        "credentials": {"password": "hunter2-registry"},
    }
    assert "hunter2-registry" not in repr(team)
    listed = await client.teams.list(contract_id=seed.contract_id).collect()
    assert [t.id for t in listed] == [seed.team_id, team.id]


async def test_create_by_a_contract_admin(guest: AsyncClient, emulator: Emulator) -> None:
    """The guest, a contract admin in no team, may create one."""
    team = await guest.teams.create("guests", contract_id=emulator.seed.contract_id)
    assert team.user_ids == (emulator.seed.guest.id,)


async def test_update_sets_the_registry(client: AsyncClient, emulator: Emulator) -> None:
    """teams.update() stores the docker registry; the answer is the team."""
    seed = emulator.seed
    team = await client.teams.update(
        seed.team_id, docker_registry_uri="registry.example.com", docker_registry_credentials={}
    )
    assert (team.id, team.name) == (seed.team_id, "acme-dev")
    assert emulator.platform.teams[seed.team_id].docker_registry == {
        "uri": "registry.example.com",
        "credentials": {},
    }


async def test_add_and_remove_member(guest: AsyncClient, emulator: Emulator) -> None:
    """A contract admin adds themselves and removes the owner; the team follows."""
    seed = emulator.seed
    team = await guest.teams.add_member(seed.team_id, seed.guest.id)
    assert team.user_ids == (seed.owner.id, seed.guest.id)
    await guest.teams.remove_member(seed.team_id, seed.owner.id)
    assert emulator.platform.teams[seed.team_id].user_ids == [seed.guest.id]
    assert (await guest.teams.get(seed.team_id)).user_ids == (seed.guest.id,)


async def test_add_member_outside_the_contract(client: AsyncClient, emulator: Emulator) -> None:
    """A user who is not a contract member cannot join: BadRequestError."""
    outsider = emulator.platform.users.create(email="outsider@example.com")
    with pytest.raises(BadRequestError):
        await client.teams.add_member(emulator.seed.team_id, outsider.id)


async def test_writes_need_a_contract_role(rig: Rig, emulator: Emulator) -> None:
    """A contract member without the owner or admin role gets PermissionDeniedError."""
    seed, platform = emulator.seed, emulator.platform
    user = platform.users.create(email="dev@example.com", api_key="emu-dev-api-key")
    platform.contracts.add_member(seed.contract_id, user.id, [])
    async with rig.client(email=user.email, api_key=user.api_key) as developer:
        with pytest.raises(PermissionDeniedError):
            await developer.teams.create("dev", contract_id=seed.contract_id)
        with pytest.raises(PermissionDeniedError):
            await developer.teams.add_member(seed.team_id, user.id)
    assert user.id not in platform.teams[seed.team_id].user_ids


async def test_delete(client: AsyncClient, emulator: Emulator) -> None:
    """teams.delete() removes a team without repositories."""
    team = await client.teams.create("scratch", contract_id=emulator.seed.contract_id)
    await client.teams.delete(team.id)
    assert team.id not in emulator.platform.teams


async def test_delete_with_repositories_is_a_conflict(
    client: AsyncClient, emulator: Emulator
) -> None:
    """acme-dev owns petstore: ConflictError, and the team stays."""
    with pytest.raises(ConflictError):
        await client.teams.delete(emulator.seed.team_id)
    assert emulator.seed.team_id in emulator.platform.teams
