"""Workspaces: the list by contract, by page and as the guest, one workspace with or
without its members, the members, adding one; creating, changing and deleting
workspaces, members' roles, the support user; the SDK's answers match the emulator's
records."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, ConflictError, PermissionDeniedError
from elasticio.testing import Emulator
from tests._support.rig import Rig


async def test_list_of_a_contract(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.list(contract_id=...) yields the owner's two workspaces."""
    workspaces = await client.workspaces.list(contract_id=emulator.seed.contract_id).collect()
    assert {w.id: (w.name, w.type, w.contract_id) for w in workspaces} == {
        w.id: (w.name, w.type, w.contract_id) for w in emulator.platform.workspaces.values()
    }


async def test_list_pages(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.list(page_size=1) takes one request a workspace."""
    workspaces = await client.workspaces.list(page_size=1).collect()
    assert [w.id for w in workspaces] == sorted(emulator.platform.workspaces)
    assert client.stats.requests == 2


async def test_list_pages_by_contract(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.list(contract_id=..., page_size=1) returns both seeded workspaces."""
    seed = emulator.seed
    workspaces = await client.workspaces.list(contract_id=seed.contract_id, page_size=1).collect()
    assert sorted(w.id for w in workspaces) == sorted(
        [seed.workspace_id, seed.private_workspace_id]
    )
    assert {w.contract_id for w in workspaces} == {seed.contract_id}
    assert {w.name: w.type for w in workspaces} == {"Production": "full", "Sandbox": "limited"}


async def test_list_as_the_guest(guest: AsyncClient, emulator: Emulator) -> None:
    """The guest sees only the shared workspace."""
    workspaces = await guest.workspaces.list().collect()
    assert [w.id for w in workspaces] == [emulator.seed.workspace_id]


async def test_get_with_members(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.get(include="members") carries the members and their workspace roles."""
    workspace = await client.workspaces.get(emulator.seed.workspace_id, include="members")
    stored = emulator.platform.workspaces[emulator.seed.workspace_id]
    assert (workspace.name, workspace.type) == (stored.name, stored.type)
    assert workspace.contract_id == emulator.seed.contract_id == stored.contract_id
    assert workspace.members is not None
    assert {m.user_id: m.roles for m in workspace.members} == {
        k: tuple(v) for k, v in stored.members.items()
    }
    assert workspace.invites == ()  # an empty linkage: nothing to include


async def test_get_without_include(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.get() names the members by id only."""
    workspace = await client.workspaces.get(emulator.seed.private_workspace_id)
    assert (workspace.name, workspace.type) == ("Sandbox", "limited")
    assert workspace.members is None
    assert workspace.member_ids == (emulator.seed.owner.id,)


async def test_get_of_a_foreign_workspace_is_forbidden(
    guest: AsyncClient, emulator: Emulator
) -> None:
    """The guest asking for the owner's private workspace gets PermissionDeniedError."""
    with pytest.raises(PermissionDeniedError):
        await guest.workspaces.get(emulator.seed.private_workspace_id)


async def test_members(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.members() lists each member with their email and roles in that workspace."""
    members = await client.workspaces.members(emulator.seed.workspace_id)
    stored = emulator.platform.workspaces[emulator.seed.workspace_id].members
    assert {m.user_id: (m.email, m.roles) for m in members} == {
        k: (emulator.platform.users[k].email, tuple(v)) for k, v in stored.items()
    }
    assert {m.id: list(m.roles) for m in members} == stored


async def test_add_member_adds_a_contract_member(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.add_member() puts the guest into the private workspace with its roles;
    the emulator stores them and lists the new member."""
    seed = emulator.seed
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


async def test_add_member_of_a_member_is_a_conflict(
    client: AsyncClient, emulator: Emulator
) -> None:
    """Adding the guest to the shared workspace, where they are already, raises
    ConflictError and leaves their roles as they were."""
    seed = emulator.seed
    before = dict(emulator.platform.workspaces[seed.workspace_id].members)
    with pytest.raises(ConflictError):
        await client.workspaces.add_member(seed.workspace_id, seed.guest.id, roles="admin")
    assert emulator.platform.workspaces[seed.workspace_id].members == before


async def test_create_update_delete(client: AsyncClient, emulator: Emulator) -> None:
    """workspaces.create(), update() and delete() act on the emulator's records."""
    created = await client.workspaces.create("Staging", contract_id=emulator.seed.contract_id)
    assert (created.name, created.type, created.contract_id) == (
        "Staging",
        "full",
        emulator.seed.contract_id,
    )
    updated = await client.workspaces.update(created.id, name="Stage", type="limited")
    stored = emulator.platform.workspaces[created.id]
    assert (updated.name, updated.type) == (stored.name, stored.type) == ("Stage", "limited")
    await client.workspaces.delete(created.id)
    assert created.id not in emulator.platform.workspaces


async def test_member_roles_and_removal(client: AsyncClient, emulator: Emulator) -> None:
    """update_member() replaces roles; remove_member() ends the membership."""
    seed = emulator.seed
    member = await client.workspaces.update_member(seed.workspace_id, seed.member.id, roles="admin")
    assert (member.user_id, member.roles) == (seed.member.id, ("admin",))
    await client.workspaces.remove_member(seed.workspace_id, seed.member.id)
    assert seed.member.id not in emulator.platform.workspaces[seed.workspace_id].members


async def test_support(client: AsyncClient, emulator: Emulator) -> None:
    """add_support() makes the support user an owner; remove_support() takes them out."""
    seed = emulator.seed
    support = await client.workspaces.add_support(seed.workspace_id)
    assert (support.user_id, support.roles) == (seed.support.id, ("owner",))
    await client.workspaces.remove_support(seed.workspace_id)
    assert seed.support.id not in emulator.platform.workspaces[seed.workspace_id].members


async def test_changing_the_type_needs_its_permission(rig: Rig, emulator: Emulator) -> None:
    """A workspace owner without a contract role may rename but not change the type."""
    platform, seed = emulator.platform, emulator.seed
    user = platform.users.create(email="wsowner@example.com", api_key="emu-wsowner-key")
    platform.contracts.add_member(seed.contract_id, user.id, [])
    platform.workspaces.add_member(seed.workspace_id, user.id, ["owner"])
    async with rig.client(email=user.email, api_key=user.api_key) as sdk:
        with pytest.raises(PermissionDeniedError):
            await sdk.workspaces.update(seed.workspace_id, type="limited")
        renamed = await sdk.workspaces.update(seed.workspace_id, name="Prod")
    assert renamed.name == "Prod"
