"""Tenants over plain httpx: create, update, list, get, delete, with the docs' examples
and who may do it."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from elasticio.testing._tenant import TenantRecord
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of

TENANTS = "/v2/tenants"


async def test_create_answers_the_docs_shape(api: httpx.AsyncClient) -> None:
    """The docs' create request gives 201 and the attributes of the docs' answer."""
    response = await api.post(TENANTS, json=docs("tenants/create_request"))
    created = data_of(response, 201)
    expected = docs("tenants/create")["data"]
    assert created["type"] == "tenant"
    assert created["links"] == {"self": f"/v2/tenants/{created['id']}"}
    assert set(expected["attributes"]) <= set(created["attributes"])
    for name in ("name", "app_domain", "code", "mandrill_email_from", "custom_nav_menu_items"):
        assert created["attributes"][name] == expected["attributes"][name]
    assert created["attributes"]["ssl_certificates"] == {}
    assert created["attributes"]["feature_flags"] == expected["attributes"]["feature_flags"]


async def test_create_needs_the_four_required_attributes(api: httpx.AsyncClient) -> None:
    """Each of name, app_domain, code and mandrill_email_from is required."""
    for missing in ("name", "app_domain", "code", "mandrill_email_from"):
        body = docs("tenants/create_request")
        del body["data"]["attributes"][missing]
        error = error_of(await api.post(TENANTS, json=body), 400)
        assert error["source"] == {"pointer": f"/data/attributes/{missing}"}


async def test_create_checks_types(api: httpx.AsyncClient) -> None:
    """A workspace type other than full/limited, or a flag that is no boolean, is 400."""
    body = docs("tenants/create_request")
    body["data"]["attributes"]["default_workspace_type"] = "huge"
    error_of(await api.post(TENANTS, json=body), 400)
    body = docs("tenants/create_request")
    body["data"]["attributes"]["feature_flags"] = {"enabled_totp": "yes"}
    error = error_of(await api.post(TENANTS, json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/feature_flags/enabled_totp"}


async def test_create_is_for_tenant_admins(
    contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract owner lacks tenants.tenant.create: 403, nothing created."""
    error_of(await contract_owner_api.post(TENANTS, json=docs("tenants/create_request")), 403)
    assert len(emulator.platform.tenants) == 1


async def test_list_and_get(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The list holds the emulator's tenant and the created ones; get answers one."""
    created = data_of(await api.post(TENANTS, json=docs("tenants/create_request")), 201)
    listed = data_of(await api.get(TENANTS))
    assert [t["id"] for t in listed] == [emulator.seed.tenant_id, created["id"]]
    assert data_of(await api.get(f"{TENANTS}/{created['id']}")) == created
    own = data_of(await api.get(f"{TENANTS}/{emulator.seed.tenant_id}"))
    assert own["attributes"]["name"] == emulator.platform.tenant.name


async def test_reads_are_refused_to_others(
    member_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Without tenants.tenant.get: 403 for the list and a known tenant, 404 for an
    unknown one."""
    error_of(await member_api.get(TENANTS), 403)
    error_of(await member_api.get(f"{TENANTS}/{emulator.seed.tenant_id}"), 403)
    error_of(await member_api.get(f"{TENANTS}/000000000000000000000000"), 404)


async def test_update_with_the_docs_request(
    api: httpx.AsyncClient, emulator: Emulator, spare_tenant: TenantRecord
) -> None:
    """The docs' update (certificates and support user filled in) changes what it names."""
    certificate = data_of(
        await api.post(
            f"{TENANTS}/{spare_tenant.id}/certificates",
            json=docs("tenants/certificate_create_request"),
        ),
        201,
    )
    body = docs(
        "tenants/update_request",
        {"{{cert_id}}": certificate["id"], "{{user_id}}": emulator.seed.support.id},
    )
    updated = data_of(await api.patch(f"{TENANTS}/{spare_tenant.id}", json=body))
    attributes = updated["attributes"]
    assert attributes["name"] == "Spare"
    assert attributes["ssl_certificates"] == {
        "app": certificate["id"],
        "api": certificate["id"],
        "webhooks": certificate["id"],
    }
    assert attributes["support_user_id"] == emulator.seed.support.id
    assert attributes["default_workspace_type"] == "full"
    expected = docs("tenants/update")["data"]["attributes"]
    assert attributes["login_redirect_sso_provider"] == expected["login_redirect_sso_provider"]
    assert spare_tenant.support_user_id == emulator.seed.support.id


async def test_update_refuses_unknown_references(
    api: httpx.AsyncClient, emulator: Emulator, spare_tenant: TenantRecord
) -> None:
    """A certificate of another tenant, or an unknown support user, is a 404."""
    certificate = data_of(
        await api.post(
            f"{TENANTS}/{emulator.seed.tenant_id}/certificates",
            json=docs("tenants/certificate_create_request"),
        ),
        201,
    )
    path = f"{TENANTS}/{spare_tenant.id}"
    ssl = {
        "data": {"type": "tenant", "attributes": {"ssl_certificates": {"app": certificate["id"]}}}
    }
    error_of(await api.patch(path, json=ssl), 404)
    support = {"data": {"type": "tenant", "attributes": {"support_user_id": "nobody"}}}
    error_of(await api.patch(path, json=support), 404)


async def test_one_default_tenant(
    api: httpx.AsyncClient, emulator: Emulator, spare_tenant: TenantRecord
) -> None:
    """Making a tenant the default clears the flag on the one that had it."""
    flag = {"data": {"type": "tenant", "attributes": {"is_default": True}}}
    data_of(await api.patch(f"{TENANTS}/{emulator.seed.tenant_id}", json=flag))
    data_of(await api.patch(f"{TENANTS}/{spare_tenant.id}", json=flag))
    own = data_of(await api.get(f"{TENANTS}/{emulator.seed.tenant_id}"))
    assert own["attributes"]["is_default"] is False


async def test_update_is_refused_without_permission(
    contract_owner_api: httpx.AsyncClient, spare_tenant: TenantRecord
) -> None:
    body = {"data": {"type": "tenant", "attributes": {"name": "Taken"}}}
    error_of(await contract_owner_api.patch(f"{TENANTS}/{spare_tenant.id}", json=body), 403)
    assert spare_tenant.name == "Spare"


async def test_delete_an_empty_tenant_and_what_it_holds(
    api: httpx.AsyncClient, emulator: Emulator, spare_tenant: TenantRecord
) -> None:
    """204; the tenant's certificates go with it."""
    path = f"{TENANTS}/{spare_tenant.id}"
    await api.post(f"{path}/certificates", json=docs("tenants/certificate_create_request"))
    response = await api.delete(path)
    assert response.status_code == 204
    assert response.content == b""
    assert spare_tenant.id not in emulator.platform.tenants
    assert len(emulator.platform.tenant_certificates) == 0
    error_of(await api.get(path), 404)


async def test_a_tenant_with_contracts_is_not_deleted(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The emulator's tenant holds the contracts: 409; without them still 409, for its
    users."""
    path = f"{TENANTS}/{emulator.seed.tenant_id}"
    error = error_of(await api.delete(path), 409)
    assert "contracts" in error["detail"]
    for contract_id in list(emulator.platform.contracts):
        emulator.platform.contracts.delete(contract_id)
    error_of(await api.delete(path), 409)


async def test_delete_is_refused_without_permission(
    contract_owner_api: httpx.AsyncClient, emulator: Emulator, spare_tenant: TenantRecord
) -> None:
    error_of(await contract_owner_api.delete(f"{TENANTS}/{spare_tenant.id}"), 403)
    assert spare_tenant.id in emulator.platform.tenants
