"""``client.oauth_clients``, ``client.openid_providers`` and ``client.saml_providers``:
each endpoint's request and decoded result, against the docs' examples."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, ConflictError, OAuthClient, SAMLProvider, UsageError
from tests._support.docs import examples_of
from tests._support.wire import body, query

TENANT_ID = "5c80e6b9bb0d200011333d93"
COMPONENT_ID = "5a0c4f03718f9700132d88ef"
CLIENT_ID = "5c80e6b9bb0d200011993332"
PROVIDER_ID = "5c80e6b9bb0d200011333d92"
CLIENTS = f"/v2/tenants/{TENANT_ID}/oauth-clients"
OPENID = f"/v2/tenants/{TENANT_ID}/openid/providers"
SAML = f"/v2/tenants/{TENANT_ID}/saml/providers"

docs = examples_of(
    "tenants",
    {
        "{TENANT_ID}": TENANT_ID,
        "{COMPONENT_ID}": COMPONENT_ID,
        "{CLIENT_ID}": "app",
        "{CLIENT_SECRET}": "s3cret",
        "{ISSUER}": "https://issuer.com",
        "{PRIVATE_KEY}": "sp-key",
        "{CERTIFICATE}": "sp-cert",
        "{IDENTITY_PROVIDER_CERTIFICATE}": "idp-cert",
    },
)


async def test_oauth_client_create_sends_the_docs_request(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.post(CLIENTS).respond(201, json=docs("oauth_client_create"))
    created = await client.oauth_clients.create(
        TENANT_ID, client_id="app", client_secret="s3cret", component_id=COMPONENT_ID
    )
    assert body(route.calls.last.request) == docs("oauth_client_create_request")
    assert isinstance(created, OAuthClient)
    assert (created.id, created.component_id) == (CLIENT_ID, COMPONENT_ID)
    assert created.client_secret == "c7e56633-5e88-4c97-8da9-3243423412"
    assert "c7e56633" not in repr(created)


async def test_oauth_client_second_of_a_component_is_a_conflict(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.post(CLIENTS).respond(409, json={"errors": [{"status": "409"}]})
    with pytest.raises(ConflictError):
        await client.oauth_clients.create(
            TENANT_ID, client_id="app", client_secret="s", component_id=COMPONENT_ID
        )


async def test_oauth_client_list_filters_by_component(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The docs' list: one client with a component, one without."""
    route = router.get(CLIENTS).respond(200, json=docs("oauth_client_list"))
    first, second = await client.oauth_clients.list(TENANT_ID, component_id=COMPONENT_ID).collect()
    assert query(route.calls.last.request) == [("filter[component]", COMPONENT_ID)]
    assert (first.component_id, second.component_id) == ("5a0c4f03718f9700197328ef", None)
    await client.oauth_clients.list(TENANT_ID).collect()
    assert query(route.calls.last.request) == []


async def test_oauth_client_get_update_delete(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    one = f"{CLIENTS}/{CLIENT_ID}"
    router.get(one).respond(200, json=docs("oauth_client_get"))
    assert (await client.oauth_clients.get(TENANT_ID, CLIENT_ID)).client_id == (
        "560e5a27734d480a23424302"
    )
    route = router.patch(one).respond(200, json=docs("oauth_client_update"))
    await client.oauth_clients.update(
        TENANT_ID, CLIENT_ID, client_id="app", client_secret="s3cret", component_id=COMPONENT_ID
    )
    expected = docs("oauth_client_update_request")
    expected["data"]["id"] = CLIENT_ID
    assert body(route.calls.last.request) == expected
    await client.oauth_clients.update(TENANT_ID, CLIENT_ID, client_secret="n3w")
    assert body(route.calls.last.request) == {
        "data": {"type": "oauth-client", "id": CLIENT_ID, "attributes": {"client_secret": "n3w"}}
    }
    with pytest.raises(UsageError):
        await client.oauth_clients.update(TENANT_ID, CLIENT_ID)
    deleted = router.delete(one).respond(204)
    await client.oauth_clients.delete(TENANT_ID, CLIENT_ID)
    assert deleted.called


async def test_openid_create_sends_the_docs_request(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    answer = docs("openid_create")
    answer["data"]["attributes"]["client_secret"] = "top-s3cret"
    route = router.post(OPENID).respond(201, json=answer)
    created = await client.openid_providers.create(
        TENANT_ID,
        issuer="https://issuer.com",
        client_id="app",
        client_secret="s3cret",
        response_type="code",
    )
    assert body(route.calls.last.request) == docs("openid_create_request")
    assert (created.issuer, created.response_type, created.tenant_id) == (
        "https://issuer.com",
        "code",
        TENANT_ID,
    )
    assert created.config["auto_create_users"] is True
    assert created.client_secret == "top-s3cret"
    assert "top-s3cret" not in repr(created)


async def test_openid_list_get_update_delete(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get(OPENID).respond(200, json=docs("openid_list"))
    (listed,) = await client.openid_providers.list(TENANT_ID).collect()
    one = f"{OPENID}/{PROVIDER_ID}"
    router.get(one).respond(200, json=docs("openid_get"))
    assert await client.openid_providers.get(TENANT_ID, PROVIDER_ID) == listed
    route = router.patch(one).respond(200, json=docs("openid_update"))
    await client.openid_providers.update(
        TENANT_ID,
        PROVIDER_ID,
        issuer="https://issuer.com",
        client_id="app",
        client_secret="s3cret",
        auto_create_users=True,
    )
    expected = docs("openid_update_request")
    expected["data"]["id"] = PROVIDER_ID
    assert body(route.calls.last.request) == expected
    with pytest.raises(UsageError):
        await client.openid_providers.update(TENANT_ID, PROVIDER_ID)
    deleted = router.delete(one).respond(204)
    await client.openid_providers.delete(TENANT_ID, PROVIDER_ID)
    assert deleted.called


async def test_saml_create_sends_the_docs_request(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    example = docs("saml_create_request")["data"]["attributes"]
    route = router.post(SAML).respond(201, json=docs("saml_create"))
    created = await client.saml_providers.create(
        TENANT_ID,
        entity_id=example["entity_id"],
        login_endpoint=example["login_endpoint"],
        logout_endpoint=example["logout_endpoint"],
        assert_endpoint=example["assert_endpoint"],
        idp_certificates=example["idp_certificates"],
        name_id_format=example["name_id_format"],
        private_key="sp-key",
        certificate="sp-cert",
        force_auth=False,
        allow_unencrypted_assertion=True,
        email_attribute="name_id",
        auto_create_users=True,
    )
    assert body(route.calls.last.request) == docs("saml_create_request")
    assert isinstance(created, SAMLProvider)
    assert (created.idp_certificates, created.private_key) == (("idp-cert",), "sp-key")
    assert "sp-key" not in repr(created)


async def test_saml_list_get_update_delete(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get(SAML).respond(200, json=docs("saml_list"))
    (listed,) = await client.saml_providers.list(TENANT_ID).collect()
    one = f"{SAML}/{PROVIDER_ID}"
    router.get(one).respond(200, json=docs("saml_get"))
    assert await client.saml_providers.get(TENANT_ID, PROVIDER_ID) == listed
    route = router.patch(one).respond(200, json=docs("saml_update"))
    updated = await client.saml_providers.update(TENANT_ID, PROVIDER_ID, idp_certificates="one")
    assert body(route.calls.last.request) == {
        "data": {
            "type": "saml-provider",
            "id": PROVIDER_ID,
            "attributes": {"idp_certificates": ["one"]},
        }
    }
    assert updated.config["email_attribute"] == "name_id"
    with pytest.raises(UsageError):
        await client.saml_providers.update(TENANT_ID, PROVIDER_ID)
    deleted = router.delete(one).respond(204)
    await client.saml_providers.delete(TENANT_ID, PROVIDER_ID)
    assert deleted.called
