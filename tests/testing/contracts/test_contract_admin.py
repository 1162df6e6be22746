"""Contracts: creating (tenant admins), updating (a permission per attribute), deleting."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of, http_client


async def test_create_from_the_docs_example(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' create request gives 201 and an active contract with the owner roles added."""
    body = docs("contracts/create_request", {"{{user_id}}": emulator.seed.guest.id})
    created = data_of(await api.post("/v2/contracts", json=body), 201)
    expected = docs("contracts/create", {"{{user_id}}": emulator.seed.guest.id})["data"]
    assert created["type"] == "contract"
    for name in ("name", "support_user_id", "custom_data", "available_roles", "status"):
        assert created["attributes"][name] == expected["attributes"][name], name
    assert created["attributes"]["created_at"] == created["attributes"]["updated_at"]
    assert created["relationships"]["members"]["data"] == []
    assert emulator.platform.contracts[created["id"]].name == "My Contract"


async def test_create_needs_a_name(api: httpx.AsyncClient) -> None:
    """A contract without a name is 400 naming the attribute."""
    body = {"data": {"type": "contract", "attributes": {}}}
    error = error_of(await api.post("/v2/contracts", json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/name"}


async def test_create_refuses_an_unknown_role_scope(api: httpx.AsyncClient) -> None:
    """An available role outside ``contracts`` and ``workspaces`` is 400."""
    roles = [{"scope": "tenants", "role": "admin"}]
    body = {"data": {"type": "contract", "attributes": {"name": "X", "available_roles": roles}}}
    error = error_of(await api.post("/v2/contracts", json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/available_roles/0/scope"}


async def test_create_refuses_custom_data_over_1_mb(api: httpx.AsyncClient) -> None:
    """Custom data larger than 1 MB is 413."""
    attributes = {"name": "X", "custom_data": {"blob": "x" * (1024 * 1024)}}
    body = {"data": {"type": "contract", "attributes": attributes}}
    error_of(await api.post("/v2/contracts", json=body), 413)


async def test_update_from_the_docs_example(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """The docs' update request renames, sets roles and custom data; updated_at moves on."""
    contract_id = emulator.seed.contract_id
    placeholders = {"{CONTRACT_ID}": contract_id, "{{user_id}}": emulator.seed.guest.id}
    before = data_of(await api.get(f"/v2/contracts/{contract_id}"))["attributes"]
    fake_clock.advance(60)
    body = docs("contracts/update_request", placeholders)
    updated = data_of(await api.patch(f"/v2/contracts/{contract_id}", json=body))["attributes"]
    expected = docs("contracts/update", placeholders)["data"]["attributes"]
    for name in ("name", "support_user_id", "custom_data", "available_roles"):
        assert updated[name] == expected[name], name
    assert updated["updated_at"] > before["updated_at"]
    assert updated["created_at"] == before["created_at"]


async def test_update_with_another_id_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A body whose id is not the URL's is 409."""
    body = {"data": {"type": "contract", "id": "other", "attributes": {"name": "X"}}}
    error_of(await api.patch(f"/v2/contracts/{emulator.seed.contract_id}", json=body), 409)


async def test_a_contract_owner_may_rename_but_not_set_roles(emulator: Emulator) -> None:
    """An owner (not a tenant admin) holds contracts.contract.edit, not edit_available_roles."""
    platform, contract_id = emulator.platform, emulator.seed.contract_id
    owner = platform.users.create(email="co-owner@example.com", api_key="co-owner-key")
    platform.contracts.add_member(contract_id, owner.id, ["owner"])
    url = f"/v2/contracts/{contract_id}"
    async with http_client(emulator, (owner.email, "co-owner-key")) as client:
        rename = {"data": {"type": "contract", "id": contract_id, "attributes": {"name": "N"}}}
        assert data_of(await client.patch(url, json=rename))["attributes"]["name"] == "N"
        roles = {"available_roles": [{"scope": "workspaces", "role": "guest"}]}
        body = {"data": {"type": "contract", "id": contract_id, "attributes": roles}}
        error_of(await client.patch(url, json=body), 403)


async def test_delete_removes_the_contract_and_what_it_holds(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Deleting a contract removes its workspaces, flows, credentials, teams and components."""
    platform, seed = emulator.platform, emulator.seed
    url = f"/v2/contracts/{seed.contract_id}"
    response = await api.delete(url, params={"is_clear_empty_workspaces": "false"})
    assert response.status_code == 204
    assert seed.contract_id not in platform.contracts
    assert seed.workspace_id not in platform.workspaces
    assert seed.team_id not in platform.teams
    assert seed.component_ids["petstore"] not in platform.components
    assert seed.credential_ids["petstore"] not in platform.credentials
    assert not platform.flows.where(lambda f: f.workspace_id == seed.workspace_id)
    assert seed.component_ids["timer"] in platform.components
    error_of(await api.get(url), 404)


async def test_delete_is_409_while_another_contract_uses_its_components(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract whose component a flow of another contract uses cannot be deleted."""
    platform, seed = emulator.platform, emulator.seed
    other = platform.contracts.create(name="Other", owner_ids=[seed.owner.id])
    workspace = platform.workspaces.create(contract_id=other.id, name="W")
    node = {"id": "step_1", "component_id": seed.component_ids["petstore"], "command": "x"}
    platform.flows.create(
        workspace_id=workspace.id,
        user_id=seed.owner.id,
        name="Borrower",
        graph={"nodes": [node], "edges": []},
    )
    error_of(await api.delete(f"/v2/contracts/{seed.contract_id}"), 409)
    assert seed.contract_id in platform.contracts


async def test_delete_refuses_a_bad_is_clear_empty_workspaces(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``is_clear_empty_workspaces`` must be true or false."""
    url = f"/v2/contracts/{emulator.seed.contract_id}"
    error = error_of(await api.delete(url, params={"is_clear_empty_workspaces": "yes"}), 400)
    assert error["source"] == {"parameter": "is_clear_empty_workspaces"}


async def test_a_new_contract_takes_workspaces(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A created contract is one the tenant admin can add members to and list."""
    body = {"data": {"type": "contract", "attributes": {"name": "Fresh"}}}
    contract_id = data_of(await api.post("/v2/contracts", json=body), 201)["id"]
    member = {"data": {"type": "contract-member", "id": emulator.seed.owner.id}}
    member["data"]["attributes"] = {"roles": ["owner"]}
    data_of(await api.post(f"/v2/contracts/{contract_id}/members", json=member))
    listed = [c["id"] for c in data_of(await api.get("/v2/contracts"))]
    assert contract_id in listed


async def test_delete_removes_the_contracts_secrets_and_auth_clients(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A deleted contract's auth clients and its workspaces' secrets go with it."""
    platform, seed = emulator.platform, emulator.seed
    assert (await api.delete(f"/v2/contracts/{seed.contract_id}")).status_code == 204
    assert seed.secret_id not in platform.auth_secrets
    assert seed.auth_client_id not in platform.auth_clients
