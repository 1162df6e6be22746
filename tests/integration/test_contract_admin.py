"""Contracts administration through the SDK: create, update, delete, members, invites,
roles, suspension; the SDK's answers match the emulator's records."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, ConflictError, PermissionDeniedError
from elasticio.testing import Emulator


async def test_create_and_update(client: AsyncClient, emulator: Emulator) -> None:
    """contracts.create() stores an active contract; update() renames it."""
    created = await client.contracts.create("Partners", custom_data={"plan": "trial"})
    stored = emulator.platform.contracts[created.id]
    assert (created.name, created.status, created.custom_data) == (
        "Partners",
        "active",
        {"plan": "trial"},
    )
    # The answer's timestamps carry milliseconds, the record's microseconds.
    assert created.created_at is not None
    assert abs((created.created_at - stored.created_at).total_seconds()) < 0.001
    updated = await client.contracts.update(
        created.id, name="Partners Ltd", available_roles=[{"scope": "workspaces", "role": "guest"}]
    )
    assert updated.name == stored.name == "Partners Ltd"
    assert [dict(r) for r in updated.available_roles] == stored.available_roles


async def test_guest_may_not_create(guest: AsyncClient, emulator: Emulator) -> None:
    """A contract admin who is no tenant admin gets PermissionDeniedError."""
    count = len(emulator.platform.contracts)
    with pytest.raises(PermissionDeniedError):
        await guest.contracts.create("Mine")
    assert len(emulator.platform.contracts) == count


async def test_members_round_trip(client: AsyncClient, emulator: Emulator) -> None:
    """add_member, update_member and remove_member change the stored membership."""
    contract_id = emulator.seed.contract_id
    user = emulator.platform.users.create(email="ann@example.com")
    added = await client.contracts.add_member(contract_id, user.id, roles="admin")
    assert (added.user_id, added.roles) == (user.id, ("admin",))
    changed = await client.contracts.update_member(contract_id, user.id, roles=["member"])
    assert changed.roles == ("member",)
    assert emulator.platform.contracts[contract_id].members[user.id] == ["member"]
    await client.contracts.remove_member(contract_id, user.id)
    assert user.id not in emulator.platform.contracts[contract_id].members


async def test_the_last_owner_stays(client: AsyncClient, emulator: Emulator) -> None:
    """Removing the only owner raises ConflictError."""
    seed = emulator.seed
    emulator.platform.contracts[seed.contract_id].members[seed.contract_owner.id] = ["admin"]
    with pytest.raises(ConflictError):
        await client.contracts.remove_member(seed.contract_id, seed.owner.id)


async def test_invites_round_trip(guest: AsyncClient, emulator: Emulator) -> None:
    """A contract admin invites, edits and revokes; invites() and include show them."""
    contract_id = emulator.seed.contract_id
    invite = await guest.contracts.invite(contract_id, "ann@example.com", roles=["admin"])
    changed = await guest.contracts.update_invite(contract_id, invite.id, roles="member")
    assert changed.roles == ("member",)
    assert [i.id for i in await guest.contracts.invites(contract_id)] == [invite.id]
    contract = await guest.contracts.get(contract_id, include="invites")
    assert contract.invite_ids == (invite.id,)
    assert contract.invites is not None
    assert [i.email for i in contract.invites] == ["ann@example.com"]
    await guest.contracts.revoke_invite(contract_id, invite.id)
    assert emulator.platform.contracts[contract_id].invites == {}


async def test_roles(guest: AsyncClient, emulator: Emulator) -> None:
    """roles() lists every available role of the contract with its permissions."""
    stored = emulator.platform.contracts[emulator.seed.contract_id]
    policy = await guest.contracts.roles(stored.id)
    assert {(r.scope, r.role) for r in policy.roles} == {
        (r["scope"], r["role"]) for r in stored.available_roles
    }
    assert "contracts.membership.edit" in policy.permissions("contracts", "admin")


async def test_suspension(client: AsyncClient, emulator: Emulator) -> None:
    """suspend() stops the flows and refuses flow starts; unsuspend() lifts it."""
    seed = emulator.seed
    await client.contracts.suspend(seed.contract_id)
    assert (await client.contracts.get(seed.contract_id)).status == "suspended"
    with pytest.raises(ConflictError):
        await client.flows.start(seed.flow_id)
    await client.contracts.unsuspend(seed.contract_id)
    assert (await client.contracts.get(seed.contract_id)).status == "active"
    await client.flows.start(seed.flow_id)


async def test_delete(client: AsyncClient, emulator: Emulator) -> None:
    """delete() removes a contract with its workspaces."""
    contract = await client.contracts.create("Scratch")
    workspace = emulator.platform.workspaces.create(contract_id=contract.id, name="W")
    await client.contracts.delete(contract.id, clear_empty_workspaces=True)
    assert contract.id not in emulator.platform.contracts
    assert workspace.id not in emulator.platform.workspaces
