"""The account-side resources driven against the in-process emulator, checked against its
state."""

from __future__ import annotations

import pytest

from elasticio import ConflictError, NotFoundError, PermissionDeniedError, RetryPolicy
from elasticio.testing import Emulator


@pytest.fixture
def emulator() -> Emulator:
    return Emulator()


# -- users ---------------------------------------------------------------------------------


async def test_me_is_the_signed_in_owner(emulator: Emulator) -> None:
    """users.me() returns the seeded owner as the platform stores them."""
    stored = emulator.platform.users[emulator.seed.owner.id]
    async with emulator.client() as client:
        me = await client.users.me()
    assert (me.id, me.email, me.first_name, me.last_name) == (
        stored.id,
        stored.email,
        stored.first_name,
        stored.last_name,
    )
    assert (me.registered, me.last_login) == (stored.registered, stored.last_login)


async def test_get_returns_another_user(emulator: Emulator) -> None:
    """users.get() finds the guest, who shares the owner's contract."""
    async with emulator.client() as client:
        guest = await client.users.get(emulator.seed.guest.id)
    assert (guest.id, guest.email) == (emulator.seed.guest.id, emulator.seed.guest.email)


async def test_get_of_an_unknown_user_is_not_found(emulator: Emulator) -> None:
    """users.get() of an id the platform lacks raises NotFoundError."""
    async with emulator.client(retry=RetryPolicy.never()) as client:
        with pytest.raises(NotFoundError):
            await client.users.get("0" * 24)


async def test_list_pages_through_every_user(emulator: Emulator) -> None:
    """users.list(page_size=1) fetches one page per user and returns all of them."""
    async with emulator.client() as client:
        users = await client.users.list(page_size=1).collect()
    assert [u.id for u in users] == sorted(emulator.platform.users)
    pages = [r for r in emulator.requests if r.path == "/v2/users"]
    assert len(pages) == len(emulator.platform.users)


async def test_list_filters_by_email(emulator: Emulator) -> None:
    """users.list(email=...) returns only that user."""
    async with emulator.client() as client:
        users = await client.users.list(email=emulator.seed.guest.email).collect()
    assert [u.id for u in users] == [emulator.seed.guest.id]


async def test_list_needs_a_tenant_admin(emulator: Emulator) -> None:
    """users.list() as the guest, who is no tenant admin, raises PermissionDeniedError."""
    guest = emulator.seed.guest
    async with emulator.client(email=guest.email, api_key=guest.api_key) as client:
        with pytest.raises(PermissionDeniedError):
            await client.users.list().collect()


# -- contracts -----------------------------------------------------------------------------


async def test_contracts_list_holds_the_seeded_contract(emulator: Emulator) -> None:
    """contracts.list() returns the owner's one contract with its member ids."""
    stored = emulator.platform.contracts[emulator.seed.contract_id]
    async with emulator.client() as client:
        contracts = await client.contracts.list().collect()
    assert [(c.id, c.name, c.status) for c in contracts] == [
        (stored.id, stored.name, stored.status)
    ]
    assert contracts[0].member_ids == tuple(stored.members)
    assert contracts[0].members is None
    assert (contracts[0].created_at, contracts[0].updated_at) == (
        stored.created_at,
        stored.updated_at,
    )


async def test_contracts_get_includes_members(emulator: Emulator) -> None:
    """contracts.get(include="members") resolves every member, with their roles."""
    stored = emulator.platform.contracts[emulator.seed.contract_id]
    async with emulator.client() as client:
        contract = await client.contracts.get(stored.id, include=("members", "invites"))
    assert contract.members is not None
    assert {m.user_id: list(m.roles) for m in contract.members} == stored.members
    assert contract.invites == ()
    assert contract.custom_data == stored.custom_data
    assert [dict(r) for r in contract.available_roles] == stored.available_roles


async def test_contracts_get_without_include_leaves_members_unresolved(
    emulator: Emulator,
) -> None:
    """contracts.get() without include sends no include and resolves no members."""
    async with emulator.client() as client:
        contract = await client.contracts.get(emulator.seed.contract_id)
    assert contract.members is None
    assert len(contract.member_ids) == 2


async def test_contracts_members_match_the_platform(emulator: Emulator) -> None:
    """contracts.members() gives each member's user id, email and roles."""
    stored = emulator.platform.contracts[emulator.seed.contract_id]
    async with emulator.client() as client:
        members = await client.contracts.members(stored.id)
    assert {m.user_id: list(m.roles) for m in members} == stored.members
    assert {m.email for m in members} == {
        emulator.seed.owner.email,
        emulator.seed.guest.email,
    }


# -- workspaces ----------------------------------------------------------------------------


async def test_workspaces_list_pages_by_contract(emulator: Emulator) -> None:
    """workspaces.list(contract_id=..., page_size=1) returns both seeded workspaces."""
    seed = emulator.seed
    async with emulator.client() as client:
        workspaces = await client.workspaces.list(
            contract_id=seed.contract_id, page_size=1
        ).collect()
    assert sorted(w.id for w in workspaces) == sorted(
        [seed.workspace_id, seed.private_workspace_id]
    )
    assert {w.contract_id for w in workspaces} == {seed.contract_id}
    assert {w.name: w.type for w in workspaces} == {"Production": "full", "Sandbox": "limited"}


async def test_workspaces_get_includes_members(emulator: Emulator) -> None:
    """workspaces.get(include="members") resolves the shared workspace's two members."""
    stored = emulator.platform.workspaces[emulator.seed.workspace_id]
    async with emulator.client() as client:
        workspace = await client.workspaces.get(stored.id, include="members")
    assert (workspace.name, workspace.contract_id) == (stored.name, stored.contract_id)
    assert workspace.members is not None
    assert {m.user_id: list(m.roles) for m in workspace.members} == stored.members
    assert workspace.invites == ()  # an empty linkage: nothing to include


async def test_workspaces_members_match_the_platform(emulator: Emulator) -> None:
    """workspaces.members() gives each member's roles in that workspace."""
    stored = emulator.platform.workspaces[emulator.seed.workspace_id]
    async with emulator.client() as client:
        members = await client.workspaces.members(stored.id)
    assert {m.id: list(m.roles) for m in members} == stored.members


async def test_workspaces_add_member_adds_a_contract_member(emulator: Emulator) -> None:
    """workspaces.add_member() puts the guest into the private workspace with its roles;
    the emulator stores them and lists the new member."""
    seed = emulator.seed
    async with emulator.client() as client:
        member = await client.workspaces.add_member(
            seed.private_workspace_id, seed.guest.id, roles=["integrator"]
        )
        members = await client.workspaces.members(seed.private_workspace_id)
    assert (member.user_id, member.email, member.roles) == (
        seed.guest.id,
        seed.guest.email,
        ("integrator",),
    )
    stored = emulator.platform.workspaces[seed.private_workspace_id].members
    assert stored[seed.guest.id] == ["integrator"]
    assert member in members


async def test_workspaces_add_member_of_a_member_is_a_conflict(emulator: Emulator) -> None:
    """Adding the guest to the shared workspace, where they are already, raises
    ConflictError and leaves their roles as they were."""
    seed = emulator.seed
    before = dict(emulator.platform.workspaces[seed.workspace_id].members)
    async with emulator.client() as client:
        with pytest.raises(ConflictError):
            await client.workspaces.add_member(seed.workspace_id, seed.guest.id, roles="admin")
    assert emulator.platform.workspaces[seed.workspace_id].members == before


async def test_workspaces_get_of_a_foreign_workspace_is_forbidden(emulator: Emulator) -> None:
    """The guest asking for the owner's private workspace gets PermissionDeniedError."""
    guest = emulator.seed.guest
    async with emulator.client(email=guest.email, api_key=guest.api_key) as client:
        with pytest.raises(PermissionDeniedError):
            await client.workspaces.get(emulator.seed.private_workspace_id)


# -- teams ---------------------------------------------------------------------------------


async def test_teams_list_holds_the_contract_team(emulator: Emulator) -> None:
    """teams.list(contract_id=...) returns acme-dev with its users and component."""
    seed = emulator.seed
    stored = emulator.platform.teams[seed.team_id]
    async with emulator.client() as client:
        teams = await client.teams.list(contract_id=seed.contract_id).collect()
    assert [(t.id, t.name, t.contract_id) for t in teams] == [
        (stored.id, stored.name, seed.contract_id)
    ]
    assert teams[0].user_ids == tuple(stored.user_ids)
    assert teams[0].component_ids == (seed.component_ids["petstore"],)


async def test_teams_get_matches_the_list(emulator: Emulator) -> None:
    """teams.get() returns the same team as the list."""
    seed = emulator.seed
    async with emulator.client() as client:
        (listed,) = await client.teams.list(contract_id=seed.contract_id).collect()
        found = await client.teams.get(seed.team_id)
    assert found == listed
