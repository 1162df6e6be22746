"""A tenant's roles, Tenant Admin granted and revoked, and the permissions list, over
plain httpx with the docs' examples."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of


def roles_path(tenant_id: str) -> str:
    return f"/v2/tenants/{tenant_id}/roles"


def member_path(tenant_id: str, user_id: str) -> str:
    return f"/v2/tenants/{tenant_id}/members/{user_id}"


async def test_roles_have_the_docs_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Until changed, the roles are the emulator's contract and workspace roles."""
    tenant_id = emulator.seed.tenant_id
    response = await api.get(roles_path(tenant_id))
    policy = data_of(response)
    example = docs("tenants/roles", {"{TENANT_ID}": tenant_id})
    assert policy["type"] == "tenant-policy"
    assert policy["relationships"] == example["data"]["relationships"]
    assert response.json()["links"] == {"self": roles_path(tenant_id)}
    found = {(r["scope"], r["role"]): r for r in policy["attributes"]["roles"]}
    assert set(found[("workspaces", "owner")]) == set(example["data"]["attributes"]["roles"][0])
    assert "contracts.workspace.create" in found[("contracts", "owner")]["permissions"]
    assert found[("workspaces", "guest")]["permissions"] == []


async def test_replace_roles_with_the_docs_request(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The docs' roles replace the tenant's, as later reads show."""
    path = roles_path(emulator.seed.tenant_id)
    body = docs("tenants/update_roles_request")
    replaced = data_of(await api.patch(path, json=body))
    assert replaced["attributes"]["roles"] == body["data"]["attributes"]["roles"]
    assert data_of(await api.get(path))["attributes"] == replaced["attributes"]


async def test_replaced_roles_are_checked(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Each role needs a list of permissions and a known scope."""
    path = roles_path(emulator.seed.tenant_id)
    no_permissions = {"data": {"type": "tenant-policy", "attributes": {"roles": [{"role": "x"}]}}}
    error = error_of(await api.patch(path, json=no_permissions), 400)
    assert error["source"] == {"pointer": "/data/attributes/roles/0/permissions"}
    bad_scope = {"role": "x", "scope": "teams", "permissions": []}
    body = {"data": {"type": "tenant-policy", "attributes": {"roles": [bad_scope]}}}
    error_of(await api.patch(path, json=body), 400)
    error_of(await api.patch(path, json={"data": {"type": "tenant-policy"}}), 400)


async def test_roles_need_tenant_permissions(
    contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    path = roles_path(emulator.seed.tenant_id)
    error_of(await contract_owner_api.get(path), 403)
    error_of(await contract_owner_api.patch(path, json=docs("tenants/update_roles_request")), 403)


async def test_grant_and_revoke_tenant_admin(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' grant makes the user a Tenant Admin, the docs' revoke undoes it."""
    seed = emulator.seed
    path = member_path(seed.tenant_id, seed.contract_owner.id)
    granted = data_of(await api.patch(path, json=docs("tenants/member_grant_request")))
    example = docs("tenants/member_grant")["data"]
    assert granted["type"] == "tenant-member"
    assert granted["id"] == seed.contract_owner.id
    assert granted["attributes"] == example["attributes"]
    assert granted["relationships"]["tenant"]["data"] == {"id": seed.tenant_id, "type": "tenant"}
    assert granted["relationships"]["user"]["data"] == {
        "id": seed.contract_owner.id,
        "type": "user",
    }
    assert emulator.platform.users[seed.contract_owner.id].tenant_admin
    revoked = data_of(await api.patch(path, json=docs("tenants/member_revoke_request")))
    assert revoked["attributes"] == {"roles": []}
    assert not emulator.platform.users[seed.contract_owner.id].tenant_admin


async def test_a_new_admin_may_administer(
    api: httpx.AsyncClient, contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Once granted, the user holds the tenants.* permissions."""
    seed = emulator.seed
    error_of(await contract_owner_api.get("/v2/tenants"), 403)
    path = member_path(seed.tenant_id, seed.contract_owner.id)
    await api.patch(path, json=docs("tenants/member_grant_request"))
    assert len(data_of(await contract_owner_api.get("/v2/tenants"))) == 1


async def test_only_the_tenant_admin_role_exists(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    seed = emulator.seed
    body = {"data": {"type": "tenant-member", "attributes": {"roles": ["owner"]}}}
    error = error_of(await api.patch(member_path(seed.tenant_id, seed.member.id), json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/roles/0"}


async def test_unknown_users_and_other_tenants(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """An unknown user is a 404; so is any user in a tenant that holds none."""
    seed = emulator.seed
    body = docs("tenants/member_grant_request")
    error_of(await api.patch(member_path(seed.tenant_id, "nobody"), json=body), 404)
    other = data_of(await api.post("/v2/tenants", json=docs("tenants/create_request")), 201)
    error_of(await api.patch(member_path(other["id"], seed.member.id), json=body), 404)
    assert not emulator.platform.users[seed.member.id].tenant_admin


async def test_granting_needs_the_membership_permission(
    contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    seed = emulator.seed
    path = member_path(seed.tenant_id, seed.contract_owner.id)
    error_of(await contract_owner_api.patch(path, json=docs("tenants/member_grant_request")), 403)
    assert not emulator.platform.users[seed.contract_owner.id].tenant_admin


async def test_any_user_lists_the_permissions(outsider_api: httpx.AsyncClient) -> None:
    """The docs' permissions are listed, without the service permissions, without an id."""
    data = data_of(await outsider_api.get("/v2/permissions"))
    assert data["id"] is None
    assert data["type"] == "permissions"
    listed = data["attributes"]["permissions"]
    assert set(docs("tenants/permissions")["data"]["attributes"]["permissions"]) <= set(listed)
    assert "tenants.tenant.create" not in listed
    assert "contracts.contract.suspend" not in listed
    assert listed == sorted(listed)
