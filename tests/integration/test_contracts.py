"""Users, contracts, workspaces and teams: the SDK's answers match the emulator's records."""

from __future__ import annotations

from elasticio import AsyncClient
from elasticio.testing import Emulator

# -- users ---------------------------------------------------------------------------------


async def test_users_me_is_the_signed_in_owner(client: AsyncClient, emulator: Emulator) -> None:
    """users.me() returns the seeded owner's record."""
    me = await client.users.me()
    owner = emulator.platform.users[emulator.seed.owner.id]
    assert (me.id, me.email, me.first_name, me.last_name) == (
        owner.id,
        owner.email,
        owner.first_name,
        owner.last_name,
    )


async def test_users_me_as_the_guest(guest: AsyncClient, emulator: Emulator) -> None:
    """A client signed in with the guest's key is the guest."""
    assert (await guest.users.me()).id == emulator.seed.guest.id


async def test_users_get_one_by_id(client: AsyncClient, emulator: Emulator) -> None:
    """users.get() returns the user with that id."""
    user = await client.users.get(emulator.seed.guest.id)
    assert (user.id, user.email) == (emulator.seed.guest.id, emulator.seed.guest.email)
    assert user.registered is not None


async def test_users_list_pages_through_every_user(client: AsyncClient, emulator: Emulator) -> None:
    """users.list(page_size=1) yields every user of the tenant, one request a page."""
    users = await client.users.list(page_size=1).collect()
    assert [u.id for u in users] == sorted(emulator.platform.users)
    assert client.stats.requests == len(emulator.platform.users)


async def test_users_list_by_email(client: AsyncClient, emulator: Emulator) -> None:
    """users.list(email=...) yields only that user, whatever the case of the address."""
    found = await client.users.list(email=emulator.seed.guest.email.upper()).collect()
    assert [u.id for u in found] == [emulator.seed.guest.id]


# -- contracts -----------------------------------------------------------------------------


async def test_contracts_list(client: AsyncClient, emulator: Emulator) -> None:
    """contracts.list() yields the owner's one contract, custom data included."""
    contracts = await client.contracts.list().collect()
    stored = emulator.platform.contracts[emulator.seed.contract_id]
    assert [c.id for c in contracts] == [stored.id]
    assert contracts[0].name == stored.name
    assert contracts[0].custom_data == stored.custom_data
    assert contracts[0].member_ids == tuple(stored.members)


async def test_contracts_get_without_include(client: AsyncClient, emulator: Emulator) -> None:
    """contracts.get() names the members by id but does not carry them."""
    contract = await client.contracts.get(emulator.seed.contract_id)
    stored = emulator.platform.contracts[emulator.seed.contract_id]
    assert (contract.name, contract.status) == (stored.name, stored.status)
    assert contract.members is None
    assert contract.member_ids == tuple(stored.members)


async def test_contracts_get_with_members(client: AsyncClient, emulator: Emulator) -> None:
    """contracts.get(include="members") carries every member with their roles."""
    contract = await client.contracts.get(emulator.seed.contract_id, include="members")
    stored = emulator.platform.contracts[emulator.seed.contract_id]
    assert contract.members is not None
    found = {m.id: (m.email, m.roles) for m in contract.members}
    assert found == {
        user_id: (emulator.platform.users[user_id].email, tuple(roles))
        for user_id, roles in stored.members.items()
    }
    assert client.stats.requests == 1


async def test_contracts_get_with_members_and_invites(
    client: AsyncClient, emulator: Emulator
) -> None:
    """include=("members", "invites") carries both; the seed has no invites."""
    contract = await client.contracts.get(emulator.seed.contract_id, include=("members", "invites"))
    assert contract.members is not None
    assert len(contract.members) == 2
    assert contract.invites == ()


async def test_contracts_members(client: AsyncClient, emulator: Emulator) -> None:
    """contracts.members() lists the members with their contract roles."""
    members = await client.contracts.members(emulator.seed.contract_id)
    stored = emulator.platform.contracts[emulator.seed.contract_id].members
    assert {m.user_id: m.roles for m in members} == {k: tuple(v) for k, v in stored.items()}


async def test_contracts_hide_custom_data_from_a_non_owner(
    guest: AsyncClient, emulator: Emulator
) -> None:
    """The guest, an admin but not an owner of the contract, does not see its custom data."""
    contract = await guest.contracts.get(emulator.seed.contract_id)
    assert contract.name == "Acme Integrations"
    assert contract.custom_data == {}


# -- workspaces ----------------------------------------------------------------------------


async def test_workspaces_list_of_a_contract(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.list(contract_id=...) yields the owner's two workspaces."""
    workspaces = await client.workspaces.list(contract_id=emulator.seed.contract_id).collect()
    assert {w.id: (w.name, w.type, w.contract_id) for w in workspaces} == {
        w.id: (w.name, w.type, w.contract_id) for w in emulator.platform.workspaces.values()
    }


async def test_workspaces_list_pages(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.list(page_size=1) takes one request a workspace."""
    workspaces = await client.workspaces.list(page_size=1).collect()
    assert [w.id for w in workspaces] == sorted(emulator.platform.workspaces)
    assert client.stats.requests == 2


async def test_workspaces_list_as_the_guest(guest: AsyncClient, emulator: Emulator) -> None:
    """The guest sees only the shared workspace."""
    workspaces = await guest.workspaces.list().collect()
    assert [w.id for w in workspaces] == [emulator.seed.workspace_id]


async def test_workspaces_get_with_members(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.get(include="members") carries the members and their workspace roles."""
    workspace = await client.workspaces.get(emulator.seed.workspace_id, include="members")
    stored = emulator.platform.workspaces[emulator.seed.workspace_id]
    assert (workspace.name, workspace.type) == (stored.name, stored.type)
    assert workspace.contract_id == emulator.seed.contract_id
    assert workspace.members is not None
    assert {m.user_id: m.roles for m in workspace.members} == {
        k: tuple(v) for k, v in stored.members.items()
    }


async def test_workspaces_get_without_include(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.get() names the members by id only."""
    workspace = await client.workspaces.get(emulator.seed.private_workspace_id)
    assert (workspace.name, workspace.type) == ("Sandbox", "limited")
    assert workspace.members is None
    assert workspace.member_ids == (emulator.seed.owner.id,)


async def test_workspaces_members(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.members() lists each member with their roles."""
    members = await client.workspaces.members(emulator.seed.workspace_id)
    stored = emulator.platform.workspaces[emulator.seed.workspace_id].members
    assert {m.user_id: (m.email, m.roles) for m in members} == {
        k: (emulator.platform.users[k].email, tuple(v)) for k, v in stored.items()
    }


# -- teams ---------------------------------------------------------------------------------


async def test_teams_list(client: AsyncClient, emulator: Emulator) -> None:
    """teams.list() yields the contract's developer team with its users and components."""
    teams = await client.teams.list(contract_id=emulator.seed.contract_id).collect()
    stored = emulator.platform.teams[emulator.seed.team_id]
    assert [t.id for t in teams] == [stored.id]
    assert teams[0].name == stored.name
    assert teams[0].user_ids == tuple(stored.user_ids)
    assert teams[0].component_ids == (emulator.seed.component_ids["petstore"],)


async def test_teams_get(client: AsyncClient, emulator: Emulator) -> None:
    """teams.get() returns the team with its contract."""
    team = await client.teams.get(emulator.seed.team_id)
    assert (team.id, team.name, team.contract_id) == (
        emulator.seed.team_id,
        "acme-dev",
        emulator.seed.contract_id,
    )
