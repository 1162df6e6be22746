"""Workspaces administration: creating, changing and deleting workspaces, members' roles,
removing members, the support user; each with a caller who may and one who may not."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of, http_client, ref


async def _as(emulator: Emulator, who: str) -> AsyncIterator[httpx.AsyncClient]:
    user = getattr(emulator.seed, who)
    async with http_client(emulator, (user.email, user.api_key)) as client:
        yield client


@pytest.fixture
async def contract_owner_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """The contract owner: no tenant admin, in no workspace."""
    async for client in _as(emulator, "contract_owner"):
        yield client


@pytest.fixture
async def member_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """A guest of the shared workspace with no contract role."""
    async for client in _as(emulator, "member"):
        yield client


@pytest.fixture
async def outsider_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """A user in no contract."""
    async for client in _as(emulator, "outsider"):
        yield client


def _changes(**attributes: Any) -> dict[str, Any]:
    return {"data": {"type": "workspace", "attributes": attributes}}


async def test_create_answers_200_with_the_caller_as_owner(
    contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The docs' request makes a full workspace; the answer is 200, as in the docs."""
    seed = emulator.seed
    request = docs("workspaces/create_request", {"{CONTRACT_ID}": seed.contract_id})
    created = data_of(await contract_owner_api.post("/v2/workspaces", json=request))
    expected = docs("workspaces/create")["data"]
    assert created["type"] == expected["type"]
    assert created["attributes"] == {"name": "My test Workspace from API", "type": "full"}
    assert created["relationships"].keys() == expected["relationships"].keys()
    assert created["relationships"]["members"]["data"] == [
        {"id": seed.contract_owner.id, "type": "member"}
    ]
    assert emulator.platform.workspaces[created["id"]].members == {
        seed.contract_owner.id: ["owner"]
    }


async def test_create_by_a_member_without_a_contract_role_is_403(
    member_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """contracts.workspace.create comes with the contract's owner and admin roles."""
    before = len(emulator.platform.workspaces)
    request = docs("workspaces/create_request", {"{CONTRACT_ID}": emulator.seed.contract_id})
    error_of(await member_api.post("/v2/workspaces", json=request), 403)
    assert len(emulator.platform.workspaces) == before


async def test_create_in_a_contract_out_of_reach_is_404(
    outsider_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """To someone outside it, the contract does not exist."""
    request = docs("workspaces/create_request", {"{CONTRACT_ID}": emulator.seed.contract_id})
    error_of(await outsider_api.post("/v2/workspaces", json=request), 404)


async def test_create_needs_a_name(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The name is required: 400 pointing at it."""
    body = {
        "data": {
            "type": "workspace",
            "relationships": {"contract": ref("contract", emulator.seed.contract_id)},
        }
    }
    error = error_of(await api.post("/v2/workspaces", json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/name"}


async def test_update_renames_and_changes_the_type(
    contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The docs' request, by a contract owner (edit and edit_type), changes both."""
    workspace_id = emulator.seed.workspace_id
    url = f"/v2/workspaces/{workspace_id}"
    changed = data_of(await contract_owner_api.patch(url, json=docs("workspaces/update_request")))
    assert changed["attributes"] == {"name": "New Workspace Name", "type": "limited"}
    assert emulator.platform.workspaces[workspace_id].type == "limited"


async def test_update_type_needs_its_own_permission(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A workspace owner who owns nothing in the contract may rename, not change type."""
    platform, seed = emulator.platform, emulator.seed
    admin = platform.users.create(email="wsadmin@example.com", api_key="emu-wsadmin-key")
    platform.contracts.add_member(seed.contract_id, admin.id, [])
    platform.workspaces.add_member(seed.workspace_id, admin.id, ["owner"])
    url = f"/v2/workspaces/{seed.workspace_id}"
    async with http_client(emulator, (admin.email, admin.api_key)) as client:
        error_of(await client.patch(url, json=_changes(name="X", type="limited")), 403)
        assert platform.workspaces[seed.workspace_id].name == "Production"
        renamed = data_of(await client.patch(url, json=_changes(name="X", type="full")))
    assert renamed["attributes"] == {"name": "X", "type": "full"}


async def test_update_by_a_guest_is_403(member_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A workspace guest does not hold workspaces.workspace.edit."""
    url = f"/v2/workspaces/{emulator.seed.workspace_id}"
    error_of(await member_api.patch(url, json=_changes(name="X")), 403)


async def test_update_of_a_workspace_out_of_reach_is_404(
    outsider_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """To someone outside its contract, a workspace does not exist."""
    url = f"/v2/workspaces/{emulator.seed.workspace_id}"
    error_of(await outsider_api.patch(url, json=_changes(name="X")), 404)


async def test_update_with_an_unknown_type_is_400(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``type`` is ``full`` or ``limited``."""
    url = f"/v2/workspaces/{emulator.seed.workspace_id}"
    error = error_of(await api.patch(url, json=_changes(type="huge")), 400)
    assert error["source"] == {"pointer": "/data/attributes/type"}


async def test_update_member_changes_roles(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' request replaces the member's roles; the answer is the member."""
    seed = emulator.seed
    url = f"/v2/workspaces/{seed.workspace_id}/members/{seed.member.id}"
    request = docs(
        "workspaces/update_member_request", {"{USER_ID}": seed.member.id, "{NEW_ROLE}": "admin"}
    )
    member = data_of(await api.patch(url, json=request))
    assert (member["id"], member["type"]) == (seed.member.id, "member")
    assert member["attributes"]["roles"] == ["admin"]
    assert emulator.platform.workspaces[seed.workspace_id].members[seed.member.id] == ["admin"]


async def test_update_member_by_an_integrator_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An integrator does not hold workspaces.workspace.edit."""
    seed = emulator.seed
    url = f"/v2/workspaces/{seed.workspace_id}/members/{seed.member.id}"
    body = {"data": {"type": "member", "id": seed.member.id, "attributes": {"roles": ["admin"]}}}
    error_of(await guest_api.patch(url, json=body), 403)


async def test_update_a_non_member_is_404(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Only members have roles to change."""
    seed = emulator.seed
    url = f"/v2/workspaces/{seed.private_workspace_id}/members/{seed.member.id}"
    body = {"data": {"type": "member", "id": seed.member.id, "attributes": {"roles": ["admin"]}}}
    error_of(await api.patch(url, json=body), 404)


async def test_remove_member_hands_records_to_the_caller(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The guest's flows, credentials and samples in the workspace pass to the caller."""
    platform, seed = emulator.platform, emulator.seed
    mine = [
        record
        for table in (platform.flows, platform.credentials, platform.data_samples)
        for record in table.where(
            lambda r: r.workspace_id == seed.workspace_id and r.user_id == seed.guest.id
        )
    ]
    assert mine
    response = await api.delete(f"/v2/workspaces/{seed.workspace_id}/members/{seed.guest.id}")
    assert (response.status_code, response.content) == (204, b"")
    assert seed.guest.id not in platform.workspaces[seed.workspace_id].members
    assert {r.user_id for r in mine} == {seed.owner.id}


async def test_remove_member_by_a_guest_is_403(
    member_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A guest cannot remove others."""
    seed = emulator.seed
    error_of(
        await member_api.delete(f"/v2/workspaces/{seed.workspace_id}/members/{seed.guest.id}"), 403
    )
    assert seed.guest.id in emulator.platform.workspaces[seed.workspace_id].members


async def test_support_is_a_literal_segment(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """PATCH .../members/support adds the tenant's support user as owner, to the
    workspace and the contract, without a body; DELETE takes them out of both."""
    platform, seed = emulator.platform, emulator.seed
    url = f"/v2/workspaces/{seed.workspace_id}/members/support"
    member = data_of(await api.patch(url))
    assert (member["id"], member["attributes"]["roles"]) == (seed.support.id, ["owner"])
    assert member["type"] == docs("workspaces/add_support")["data"]["type"]
    assert platform.workspaces[seed.workspace_id].members[seed.support.id] == ["owner"]
    assert platform.contracts[seed.contract_id].members[seed.support.id] == ["owner"]
    response = await api.delete(url)
    assert (response.status_code, response.content) == (204, b"")
    assert seed.support.id not in platform.workspaces[seed.workspace_id].members
    assert seed.support.id not in platform.contracts[seed.contract_id].members


async def test_support_without_a_support_user_is_409(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Neither the contract nor the tenant names a support user: 409."""
    emulator.platform.tenant.support_user_id = None
    error_of(await api.patch(f"/v2/workspaces/{emulator.seed.workspace_id}/members/support"), 409)


async def test_support_by_an_integrator_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An integrator does not hold workspace.workspace.edit_membership_support."""
    seed = emulator.seed
    error_of(await guest_api.patch(f"/v2/workspaces/{seed.workspace_id}/members/support"), 403)
    error_of(await guest_api.delete(f"/v2/workspaces/{seed.workspace_id}/members/support"), 403)
    assert seed.support.id not in emulator.platform.workspaces[seed.workspace_id].members


async def test_delete_removes_the_workspace_and_its_records(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract admin (contracts.workspace.delete) deletes a workspace they are not in,
    with its flows, credentials and topics."""
    platform, seed = emulator.platform, emulator.seed
    workspace_id = seed.private_workspace_id
    response = await guest_api.delete(f"/v2/workspaces/{workspace_id}")
    assert (response.status_code, response.content) == (204, b"")
    assert workspace_id not in platform.workspaces
    assert not platform.flows.where(lambda f: f.workspace_id == workspace_id)
    assert seed.private_credential_id not in platform.credentials


async def test_delete_by_a_guest_is_403(member_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A workspace guest without a contract role cannot delete it."""
    workspace_id = emulator.seed.workspace_id
    error_of(await member_api.delete(f"/v2/workspaces/{workspace_id}"), 403)
    assert emulator.seed.topic_id in emulator.platform.topics


async def test_delete_out_of_reach_is_404(
    outsider_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """To someone outside its contract, a workspace does not exist."""
    error_of(await outsider_api.delete(f"/v2/workspaces/{emulator.seed.workspace_id}"), 404)


async def test_delete_removes_the_workspaces_secrets_and_auth_clients(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Deleting the shared workspace takes its auth secrets with it, and the auth clients
    of its scope; the contract's auth client stays."""
    platform, seed = emulator.platform, emulator.seed
    workspace_id = seed.workspace_id
    own_client = platform.auth_clients.create(
        name="Workspace app",
        type="noauth",
        credentials={},
        component_ids=[seed.component_ids["petstore"]],
        scope="workspace",
        scope_id=workspace_id,
    )
    assert (await api.delete(f"/v2/workspaces/{workspace_id}")).status_code == 204
    assert seed.secret_id not in platform.auth_secrets
    assert own_client.id not in platform.auth_clients
    assert seed.auth_client_id in platform.auth_clients
