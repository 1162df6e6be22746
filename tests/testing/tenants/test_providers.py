"""OpenID Connect and SAML 2.0 providers over plain httpx: the docs' examples, the
defaults, the SAML key rule, and who may do it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from elasticio.testing._tenant import TenantRecord
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of

KEYS = {"{PRIVATE_KEY}": "sp-key", "{CERTIFICATE}": "sp-cert"}


def openid(tenant_id: str) -> str:
    return f"/v2/tenants/{tenant_id}/openid/providers"


def saml(tenant_id: str) -> str:
    return f"/v2/tenants/{tenant_id}/saml/providers"


def openid_request(name: str = "create") -> Any:
    return docs(
        f"tenants/openid_{name}_request",
        {"{ISSUER}": "https://issuer.com", "{CLIENT_ID}": "elastic", "{CLIENT_SECRET}": "s3"},
    )


async def test_openid_create_answers_the_docs_example(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The docs' request, placeholders filled, gives the docs' answer but the ids."""
    tenant_id = emulator.seed.tenant_id
    created = data_of(await api.post(openid(tenant_id), json=openid_request()), 201)
    expected = docs("tenants/openid_create")["data"]
    assert created["type"] == "openid-provider"
    assert created["attributes"] == {
        **expected["attributes"],
        "client_id": "elastic",
        "client_secret": "s3",
    }
    assert created["relationships"]["tenant"] == {
        "data": {"id": tenant_id, "type": "tenant"},
        "links": {"self": f"/v2/tenants/{tenant_id}"},
    }


async def test_openid_list_get_update_delete(api: httpx.AsyncClient, emulator: Emulator) -> None:
    path = openid(emulator.seed.tenant_id)
    created = data_of(await api.post(path, json=openid_request()), 201)
    assert data_of(await api.get(path)) == [created]
    one = f"{path}/{created['id']}"
    assert data_of(await api.get(one)) == created
    body = openid_request("update")
    body["data"]["attributes"]["config"] = {"auto_create_users": False}
    updated = data_of(await api.patch(one, json=body))
    assert updated["attributes"]["config"] == {"auto_create_users": False}
    assert updated["attributes"]["response_type"] == "code"
    assert (await api.delete(one)).status_code == 204
    assert data_of(await api.get(path)) == []


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        ({"issuer": None}, "/data/attributes/issuer"),
        ({"response_type": "token"}, "/data/attributes/response_type"),
        ({"config": {"auto_create_users": "yes"}}, "/data/attributes/config/auto_create_users"),
    ],
)
async def test_openid_create_is_checked(
    api: httpx.AsyncClient, emulator: Emulator, change: dict[str, Any], pointer: str
) -> None:
    body = openid_request()
    body["data"]["attributes"].update(change)
    if change.get("issuer", "") is None:
        del body["data"]["attributes"]["issuer"]
    error = error_of(await api.post(openid(emulator.seed.tenant_id), json=body), 400)
    assert error["source"] == {"pointer": pointer}


async def test_saml_create_answers_the_docs_example(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    created = data_of(
        await api.post(
            saml(emulator.seed.tenant_id), json=docs("tenants/saml_create_request", KEYS)
        ),
        201,
    )
    expected = docs("tenants/saml_create", KEYS)["data"]
    assert created["type"] == "saml-provider"
    assert created["attributes"] == expected["attributes"]


async def test_saml_defaults(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """force_auth false, allow_unencrypted_assertion and auto_create_users true."""
    body = {
        "data": {
            "type": "saml-provider",
            "attributes": {
                "entity_id": "urn:example:idp",
                "login_endpoint": "https://idp.example.com/login",
                "idp_certificates": ["MIIC"],
            },
        }
    }
    created = data_of(await api.post(saml(emulator.seed.tenant_id), json=body), 201)
    attributes = created["attributes"]
    assert attributes["force_auth"] is False
    assert attributes["allow_unencrypted_assertion"] is True
    assert attributes["config"] == {"auto_create_users": True}


async def test_saml_keys_required_for_encrypted_assertions(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """With allow_unencrypted_assertion false, the private key and certificate are
    required, on create and as an update leaves the provider."""
    path = saml(emulator.seed.tenant_id)
    body = docs("tenants/saml_create_request", KEYS)
    body["data"]["attributes"]["allow_unencrypted_assertion"] = False
    del body["data"]["attributes"]["private_key"]
    error = error_of(await api.post(path, json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/private_key"}
    created = data_of(await api.post(path, json=docs("tenants/saml_create_request", KEYS)), 201)
    one = f"{path}/{created['id']}"
    drop_key = {"data": {"type": "saml-provider", "attributes": {"private_key": None}}}
    data_of(await api.patch(one, json=drop_key))
    strict = {
        "data": {"type": "saml-provider", "attributes": {"allow_unencrypted_assertion": False}}
    }
    error_of(await api.patch(one, json=strict), 400)
    assert data_of(await api.get(one))["attributes"]["allow_unencrypted_assertion"] is True


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        ({"entity_id": "no uri"}, "/data/attributes/entity_id"),
        ({"idp_certificates": []}, "/data/attributes/idp_certificates"),
        ({"name_id_format": "email"}, "/data/attributes/name_id_format"),
        ({"force_auth": "no"}, "/data/attributes/force_auth"),
    ],
)
async def test_saml_create_is_checked(
    api: httpx.AsyncClient, emulator: Emulator, change: dict[str, Any], pointer: str
) -> None:
    body = docs("tenants/saml_create_request", KEYS)
    body["data"]["attributes"].update(change)
    error = error_of(await api.post(saml(emulator.seed.tenant_id), json=body), 400)
    assert error["source"] == {"pointer": pointer}


async def test_saml_list_get_update_delete(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' update keeps the provider as the docs' answer shows it; config merges."""
    path = saml(emulator.seed.tenant_id)
    created = data_of(await api.post(path, json=docs("tenants/saml_create_request", KEYS)), 201)
    assert data_of(await api.get(path)) == [created]
    one = f"{path}/{created['id']}"
    updated = data_of(await api.patch(one, json=docs("tenants/saml_update_request", KEYS)))
    assert updated["attributes"] == docs("tenants/saml_update", KEYS)["data"]["attributes"]
    email = {"data": {"type": "saml-provider", "attributes": {"config": {"email_attribute": "m"}}}}
    merged = data_of(await api.patch(one, json=email))
    assert merged["attributes"]["config"] == {"email_attribute": "m", "auto_create_users": True}
    assert (await api.delete(one)).status_code == 204
    error_of(await api.get(one), 404)


async def test_providers_live_in_their_tenant(
    api: httpx.AsyncClient, emulator: Emulator, spare_tenant: TenantRecord
) -> None:
    created = data_of(await api.post(openid(emulator.seed.tenant_id), json=openid_request()), 201)
    error_of(await api.get(f"{openid(spare_tenant.id)}/{created['id']}"), 404)
    assert data_of(await api.get(openid(spare_tenant.id))) == []


async def test_secrets_stay_out_of_reprs(api: httpx.AsyncClient, emulator: Emulator) -> None:
    await api.post(openid(emulator.seed.tenant_id), json=openid_request())
    await api.post(saml(emulator.seed.tenant_id), json=docs("tenants/saml_create_request", KEYS))
    (provider,) = emulator.platform.openid_providers.values()
    (idp,) = emulator.platform.saml_providers.values()
    assert "s3" not in repr(provider)
    assert "sp-key" not in repr(idp)


async def test_others_are_refused(
    api: httpx.AsyncClient, contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    tenant_id = emulator.seed.tenant_id
    error_of(await contract_owner_api.post(openid(tenant_id), json=openid_request()), 403)
    error_of(await contract_owner_api.get(openid(tenant_id)), 403)
    body = docs("tenants/saml_create_request", KEYS)
    error_of(await contract_owner_api.post(saml(tenant_id), json=body), 403)
    created = data_of(await api.post(saml(tenant_id), json=body), 201)
    error_of(await contract_owner_api.delete(f"{saml(tenant_id)}/{created['id']}"), 403)
    assert len(emulator.platform.saml_providers) == 1
    assert len(emulator.platform.openid_providers) == 0
