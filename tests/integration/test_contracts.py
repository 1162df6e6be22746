"""Contracts: the list, one contract with or without its members and invites, the members;
the SDK's answers match the emulator's records."""

from __future__ import annotations

from elasticio import AsyncClient
from elasticio.testing import Emulator


async def test_list(client: AsyncClient, emulator: Emulator) -> None:
    """contracts.list() yields the owner's one contract as stored, its members unresolved."""
    contracts = await client.contracts.list().collect()
    stored = emulator.platform.contracts[emulator.seed.contract_id]
    assert [(c.id, c.name, c.status) for c in contracts] == [
        (stored.id, stored.name, stored.status)
    ]
    assert contracts[0].custom_data == stored.custom_data
    assert contracts[0].member_ids == tuple(stored.members)
    assert contracts[0].members is None
    assert (contracts[0].created_at, contracts[0].updated_at) == (
        stored.created_at,
        stored.updated_at,
    )


async def test_get_without_include(client: AsyncClient, emulator: Emulator) -> None:
    """contracts.get() names the members by id but does not carry them."""
    contract = await client.contracts.get(emulator.seed.contract_id)
    stored = emulator.platform.contracts[emulator.seed.contract_id]
    assert (contract.name, contract.status) == (stored.name, stored.status)
    assert contract.members is None
    assert contract.member_ids == tuple(stored.members)
    assert len(contract.member_ids) == 4


async def test_get_with_members(client: AsyncClient, emulator: Emulator) -> None:
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


async def test_get_with_members_and_invites(client: AsyncClient, emulator: Emulator) -> None:
    """include=("members", "invites") carries both, members with roles; the seed has no invites."""
    stored = emulator.platform.contracts[emulator.seed.contract_id]
    contract = await client.contracts.get(stored.id, include=("members", "invites"))
    assert contract.members is not None
    assert len(contract.members) == 4
    assert {m.user_id: list(m.roles) for m in contract.members} == stored.members
    assert contract.invites == ()
    assert contract.custom_data == stored.custom_data
    assert [dict(r) for r in contract.available_roles] == stored.available_roles


async def test_members(client: AsyncClient, emulator: Emulator) -> None:
    """contracts.members() lists each member's user id, email and contract roles."""
    members = await client.contracts.members(emulator.seed.contract_id)
    stored = emulator.platform.contracts[emulator.seed.contract_id].members
    assert {m.user_id: m.roles for m in members} == {k: tuple(v) for k, v in stored.items()}
    assert {m.email for m in members} == {
        emulator.seed.owner.email,
        emulator.seed.guest.email,
        emulator.seed.contract_owner.email,
        emulator.seed.member.email,
    }


async def test_hide_custom_data_from_a_non_owner(guest: AsyncClient, emulator: Emulator) -> None:
    """The guest, an admin but not an owner of the contract, does not see its custom data."""
    contract = await guest.contracts.get(emulator.seed.contract_id)
    assert contract.name == "Acme Integrations"
    assert contract.custom_data == {}
