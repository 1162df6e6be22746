"""Auth clients over plain httpx: scopes, credentials visibility, permissions, the docs'
examples, and the 409 on deleting a client secrets use."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of, http_client, ref

CLIENTS = "/v2/auth-clients"


def client_path(auth_client_id: str) -> str:
    return f"{CLIENTS}/{auth_client_id}"


def new_client(emulator: Emulator, **scope: str) -> dict[str, Any]:
    """The docs' create request for a petstore client, in ``scope`` (kind=id)."""
    body = docs(
        "auth_clients/create_request", {"{COMPONENT_ID}": emulator.seed.component_ids["petstore"]}
    )
    relationships = {"components": body["data"]["relationships"]["components"]}
    relationships.update({kind: ref(kind, scope_id) for kind, scope_id in scope.items()})
    body["data"]["relationships"] = relationships
    return body


def add_client(emulator: Emulator, scope: str, scope_id: str | None, name: str = "Extra") -> str:
    return emulator.platform.auth_clients.create(
        name=name,
        type="noauth",
        credentials={"token": name},
        component_ids=[emulator.seed.component_ids["petstore"]],
        scope=scope,  # type: ignore[arg-type]
        scope_id=scope_id,
    ).id


@pytest.fixture
async def outsider_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """A user of the tenant in no contract and no workspace."""
    user = emulator.platform.users.create(email="outsider@example.com")
    async with http_client(emulator, (user.email, user.api_key)) as client:
        yield client


async def test_list_from_the_contract_shows_the_seeded_client(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The seeded oauth2 client, listed from its contract, has the documented shape."""
    seed = emulator.seed
    response = await api.get(CLIENTS, params={"contract_id": seed.contract_id})
    (found,) = data_of(response)
    assert response.json()["meta"] == {}
    assert found["type"] == "auth-client"
    assert found["id"] == seed.auth_client_id
    assert found["links"] == {"self": f"/v2/auth-clients/{seed.auth_client_id}"}
    assert found["attributes"]["type"] == "oauth2"
    assert set(found["attributes"]["credentials"]) == set(
        docs("auth_clients/list")["data"][0]["attributes"]["credentials"]
    )
    assert found["relationships"]["components"]["data"] == [
        {"id": seed.component_ids["petstore"], "type": "component"}
    ]
    assert found["relationships"]["contract"]["data"] == {
        "id": seed.contract_id,
        "type": "contract",
    }


async def test_list_without_scope_is_global_only(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """No scope parameter: only global clients."""
    global_id = add_client(emulator, "global", None, "Global")
    assert [c["id"] for c in data_of(await api.get(CLIENTS))] == [global_id]


async def test_workspace_sees_the_scopes_above_it(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A workspace sees global, tenant, its contract's and its own clients, not another
    workspace's."""
    seed = emulator.seed
    global_id = add_client(emulator, "global", None)
    tenant_id = add_client(emulator, "tenant", seed.tenant_id)
    own = add_client(emulator, "workspace", seed.workspace_id)
    add_client(emulator, "workspace", seed.private_workspace_id)
    listed = data_of(await api.get(CLIENTS, params={"workspace_id": seed.workspace_id}))
    assert {c["id"] for c in listed} == {global_id, tenant_id, seed.auth_client_id, own}


async def test_list_filters_by_component(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``filter[component]`` keeps the clients of that component."""
    seed = emulator.seed
    params = {"contract_id": seed.contract_id}
    petstore = {**params, "filter[component]": seed.component_ids["petstore"]}
    timer = {**params, "filter[component]": seed.component_ids["timer"]}
    assert [c["id"] for c in data_of(await api.get(CLIENTS, params=petstore))] == [
        seed.auth_client_id
    ]
    assert data_of(await api.get(CLIENTS, params=timer)) == []


async def test_two_scopes_are_400(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Only one of workspace_id, contract_id and tenant_id may be given."""
    seed = emulator.seed
    params = {"workspace_id": seed.workspace_id, "contract_id": seed.contract_id}
    error_of(await api.get(CLIENTS, params=params), 400)


async def test_credentials_only_where_the_scopes_match(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The guest (no tenant permission) sees a tenant client from the workspace without
    its credentials, and the contract's client with them (a contract admin)."""
    seed = emulator.seed
    tenant_id = add_client(emulator, "tenant", seed.tenant_id)
    listed = data_of(await guest_api.get(CLIENTS, params={"workspace_id": seed.workspace_id}))
    by_id = {c["id"]: c for c in listed}
    assert "credentials" not in by_id[tenant_id]["attributes"]
    assert "credentials" in by_id[seed.auth_client_id]["attributes"]


async def test_listing_a_foreign_scope_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The guest is in neither the private workspace nor a tenant admin."""
    seed = emulator.seed
    error_of(await guest_api.get(CLIENTS, params={"workspace_id": seed.private_workspace_id}), 403)
    error_of(await guest_api.get(CLIENTS, params={"tenant_id": seed.tenant_id}), 403)


async def test_unknown_scope_is_404(api: httpx.AsyncClient) -> None:
    """A scope that does not exist is a 404."""
    error_of(await api.get(CLIENTS, params={"tenant_id": "000000000000000000000000"}), 404)


async def test_get_the_docs_example_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """get with workspace_id, as in the docs' example request."""
    seed = emulator.seed
    found = data_of(
        await api.get(client_path(seed.auth_client_id), params={"workspace_id": seed.workspace_id})
    )
    example = docs("auth_clients/get")["data"]
    assert set(found) == set(example)
    assert set(found["attributes"]) == set(example["attributes"])


async def test_get_of_a_client_the_scope_does_not_see_is_404(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A workspace client looked at from another workspace is not found."""
    seed = emulator.seed
    private = add_client(emulator, "workspace", seed.private_workspace_id)
    params = {"workspace_id": seed.workspace_id}
    error_of(await api.get(client_path(private), params=params), 404)


async def test_get_without_scope_answers_a_reachable_client(
    guest_api: httpx.AsyncClient, outsider_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Without a scope a contract client is answered to a workspace member of the contract
    (as the component library asks) and not found for a user outside it."""
    path = client_path(emulator.seed.auth_client_id)
    assert data_of(await guest_api.get(path))["id"] == emulator.seed.auth_client_id
    error_of(await outsider_api.get(path), 404)


async def test_get_without_scope_refused_when_strict(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """settings.auth_client_scope_required makes it a 403, as the docs say; global clients
    stay readable."""
    emulator.settings.auth_client_scope_required = True
    error_of(await api.get(client_path(emulator.seed.auth_client_id)), 403)
    global_id = add_client(emulator, "global", None)
    assert data_of(await api.get(client_path(global_id)))["id"] == global_id


async def test_create_in_a_workspace_answers_as_the_docs(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The docs' create request, in the shared workspace: 201, the docs' shape, stored."""
    seed = emulator.seed
    created = data_of(
        await api.post(CLIENTS, json=new_client(emulator, workspace=seed.workspace_id)), 201
    )
    example = docs("auth_clients/create")["data"]
    assert set(created) == set(example)
    assert created["attributes"]["credentials"] == example["attributes"]["credentials"]
    assert created["relationships"]["workspace"]["data"] == {
        "id": seed.workspace_id,
        "type": "workspace",
    }
    stored = emulator.platform.auth_clients[created["id"]]
    assert (stored.scope, stored.scope_id, stored.type) == (
        "workspace",
        seed.workspace_id,
        "oauth2",
    )


async def test_create_defaults_token_expires_in(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """An oauth2 client without token_expires_in gets 3600."""
    body = new_client(emulator, workspace=emulator.seed.workspace_id)
    del body["data"]["attributes"]["credentials"]["token_expires_in"]
    created = data_of(await api.post(CLIENTS, json=body), 201)
    assert created["attributes"]["credentials"]["token_expires_in"] == 3600


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        (
            lambda b: b["data"]["attributes"]["credentials"].pop("token_uri"),
            "credentials/token_uri",
        ),
        (lambda b: b["data"]["attributes"].update(type="saml"), "type"),
        (lambda b: b["data"]["relationships"].pop("components"), "relationships/components"),
    ],
)
async def test_create_checks_the_body(
    api: httpx.AsyncClient, emulator: Emulator, change: Any, pointer: str
) -> None:
    """A missing oauth2 URI, an unknown type or missing components are 400s."""
    body = new_client(emulator, workspace=emulator.seed.workspace_id)
    change(body)
    error = error_of(await api.post(CLIENTS, json=body), 400)
    assert error["source"]["pointer"].endswith(pointer)


async def test_create_in_two_scopes_is_400(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A client lives in one scope."""
    seed = emulator.seed
    body = new_client(emulator, workspace=seed.workspace_id, contract=seed.contract_id)
    error_of(await api.post(CLIENTS, json=body), 400)


async def test_create_permissions(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The guest (contract admin) may create in the contract, not globally nor in the
    tenant; the owner (tenant admin) may create globally."""
    seed = emulator.seed
    data_of(
        await guest_api.post(CLIENTS, json=new_client(emulator, contract=seed.contract_id)), 201
    )
    error_of(await guest_api.post(CLIENTS, json=new_client(emulator)), 403)
    error_of(await guest_api.post(CLIENTS, json=new_client(emulator, tenant=seed.tenant_id)), 403)
    created = data_of(await api.post(CLIENTS, json=new_client(emulator)), 201)
    assert "workspace" not in created["relationships"]


async def test_update_as_the_docs(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' update request changes the secret and expiry; the rest stays."""
    seed = emulator.seed
    body = docs(
        "auth_clients/update_request",
        {"{AUTH-CLIENT_ID}": seed.auth_client_id, "{COMPONENT_ID}": seed.component_ids["petstore"]},
    )
    body["data"]["attributes"]["credentials"]["token_expires_in"] = 900
    updated = data_of(await api.patch(client_path(seed.auth_client_id), json=body))
    credentials = updated["attributes"]["credentials"]
    assert (credentials["client_secret"], credentials["token_expires_in"]) == (
        "{CLIENT_SECRET}",
        900,
    )
    assert credentials["client_id"] == "acme-petstore"


async def test_update_refuses_other_oauth2_credentials(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An oauth2 client's client_id cannot change."""
    seed = emulator.seed
    body = {"data": {"type": "auth-client", "attributes": {"credentials": {"client_id": "x"}}}}
    error_of(await api.patch(client_path(seed.auth_client_id), json=body), 400)


async def test_update_replaces_components_and_other_credentials(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A noauth client's credentials are replaced; components replaces the list."""
    seed = emulator.seed
    extra = add_client(emulator, "contract", seed.contract_id)
    body = {
        "data": {
            "type": "auth-client",
            "id": extra,
            "attributes": {"credentials": {"header": "X-Key"}},
            "relationships": {
                "components": {"data": [{"type": "component", "id": seed.component_ids["timer"]}]}
            },
        }
    }
    data_of(await api.patch(client_path(extra), json=body))
    stored = emulator.platform.auth_clients[extra]
    assert (stored.credentials, stored.component_ids) == (
        {"header": "X-Key"},
        [seed.component_ids["timer"]],
    )


async def test_update_and_delete_permissions(
    guest_api: httpx.AsyncClient, outsider_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The guest sees a tenant client but may not change it (403); the outsider does not
    see a workspace client (404)."""
    seed = emulator.seed
    tenant_client = add_client(emulator, "tenant", seed.tenant_id)
    workspace_client = add_client(emulator, "workspace", seed.workspace_id)
    rename = {"data": {"type": "auth-client", "attributes": {"name": "New"}}}
    error_of(await guest_api.patch(client_path(tenant_client), json=rename), 403)
    error_of(await guest_api.delete(client_path(tenant_client)), 403)
    error_of(await outsider_api.delete(client_path(workspace_client)), 404)
    assert tenant_client in emulator.platform.auth_clients


async def test_delete_refused_while_secrets_use_it(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """409 while the seeded secret uses the client; 204 once it is gone."""
    seed = emulator.seed
    error_of(await api.delete(client_path(seed.auth_client_id)), 409)
    emulator.platform.auth_secrets.delete(seed.secret_id)
    response = await api.delete(client_path(seed.auth_client_id))
    assert response.status_code == 204
    assert seed.auth_client_id not in emulator.platform.auth_clients
