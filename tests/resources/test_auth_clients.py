"""``client.auth_clients``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, AuthClient, ConflictError, UsageError
from tests._support.docs import examples_of
from tests._support.wire import body, query

AUTH_CLIENT_ID = "5f3a1c2b9d8e7f6a5b4c3d2e"
COMPONENT_ID = "5bbf202b37f655001383e924"
WORKSPACE_ID = "5bbf1f5337f655001383e921"
TENANT_ID = "5bbf1f5337f655001383e999"
CLIENTS_PATH = "/v2/auth-clients"
CLIENT_PATH = f"{CLIENTS_PATH}/{AUTH_CLIENT_ID}"

docs = examples_of(
    "auth_clients",
    {
        "{AUTH-CLIENT_ID}": AUTH_CLIENT_ID,
        "{COMPONENT_ID}": COMPONENT_ID,
        "{WORKSPACE_ID}": WORKSPACE_ID,
        "{TENANT_ID}": TENANT_ID,
    },
)


async def test_list_without_scope_sends_no_query(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list() is GET /v2/auth-clients with no query: the global clients."""
    route = router.get(CLIENTS_PATH).respond(200, json=docs("list"))
    await client.auth_clients.list().collect()
    request = route.calls.last.request
    assert (request.method, query(request), request.content) == ("GET", [], b"")


async def test_list_sends_scope_and_component(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list(workspace_id=, component_id=) sends workspace_id and filter[component]."""
    route = router.get(CLIENTS_PATH).respond(200, json=docs("list"))
    await client.auth_clients.list(workspace_id=WORKSPACE_ID, component_id=COMPONENT_ID).collect()
    assert sorted(query(route.calls.last.request)) == [
        ("filter[component]", COMPONENT_ID),
        ("workspace_id", WORKSPACE_ID),
    ]


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' list gives one workspace oauth2 client with its components."""
    router.get(CLIENTS_PATH).respond(200, json=docs("list"))
    (found,) = await client.auth_clients.list().collect()
    assert (found.id, found.name, found.type, found.scope) == (
        AUTH_CLIENT_ID,
        "Auth client",
        "oauth2",
        "workspace",
    )
    assert (found.component_ids, found.workspace_id) == ((COMPONENT_ID,), WORKSPACE_ID)
    assert found.credentials is not None
    assert found.credentials["token_expires_in"] == 18000


async def test_two_scopes_are_a_usage_error(client: AsyncClient) -> None:
    """A read or a create names at most one scope."""
    with pytest.raises(UsageError):
        client.auth_clients.list(workspace_id=WORKSPACE_ID, tenant_id=TENANT_ID)
    with pytest.raises(UsageError):
        await client.auth_clients.get(AUTH_CLIENT_ID, contract_id="c", tenant_id=TENANT_ID)


async def test_get_sends_the_scope(client: AsyncClient, router: respx.MockRouter) -> None:
    """get(id, workspace_id=) is GET /v2/auth-clients/{id}?workspace_id=..., as in the docs."""
    route = router.get(CLIENT_PATH).respond(200, json=docs("get"))
    found = await client.auth_clients.get(AUTH_CLIENT_ID, workspace_id=WORKSPACE_ID)
    assert query(route.calls.last.request) == [("workspace_id", WORKSPACE_ID)]
    assert found.id == AUTH_CLIENT_ID


async def test_hidden_credentials_are_none(client: AsyncClient, router: respx.MockRouter) -> None:
    """A client shown without credentials (another scope's) has credentials None."""
    payload = docs("get")
    del payload["data"]["attributes"]["credentials"]
    router.get(CLIENT_PATH).respond(200, json=payload)
    assert (await client.auth_clients.get(AUTH_CLIENT_ID)).credentials is None


async def test_repr_hides_the_credentials(client: AsyncClient, router: respx.MockRouter) -> None:
    """Neither the client secret nor an extra attribute shows in the repr."""
    payload = docs("get")
    payload["data"]["attributes"]["credentials"]["client_secret"] = "top-s3cret"
    payload["data"]["attributes"]["private_key"] = "k3y-material"
    router.get(CLIENT_PATH).respond(200, json=payload)
    found = await client.auth_clients.get(AUTH_CLIENT_ID)
    assert "top-s3cret" not in repr(found)
    assert "k3y-material" not in repr(found)
    assert found.credentials is not None
    assert found.credentials["client_secret"] == "top-s3cret"


async def test_create_sends_the_docs_request(client: AsyncClient, router: respx.MockRouter) -> None:
    """create() sends exactly the docs' request example and decodes the 201."""
    example = docs("create_request")
    route = router.post(CLIENTS_PATH).respond(201, json=docs("create"))
    created = await client.auth_clients.create(
        name="Auth client",
        type="oauth2",
        credentials=example["data"]["attributes"]["credentials"],
        component_ids=[COMPONENT_ID],
        workspace_id=WORKSPACE_ID,
    )
    assert body(route.calls.last.request) == example
    assert isinstance(created, AuthClient)
    assert created.workspace_id == WORKSPACE_ID


async def test_create_globally_sends_no_scope(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Without a scope the body has only the components relationship."""
    route = router.post(CLIENTS_PATH).respond(201, json=docs("create"))
    await client.auth_clients.create(
        name="N", type="noauth", credentials={}, component_ids=[COMPONENT_ID]
    )
    assert list(body(route.calls.last.request)["data"]["relationships"]) == ["components"]


async def test_create_refuses_one_string_as_component_ids(client: AsyncClient) -> None:
    """component_ids is a list: a bare string would be split into letters."""
    with pytest.raises(UsageError):
        await client.auth_clients.create(
            name="N", type="noauth", credentials={}, component_ids=COMPONENT_ID
        )


async def test_update_sends_the_docs_request(client: AsyncClient, router: respx.MockRouter) -> None:
    """update() sends the docs' request example and decodes the tenant client answered."""
    example = docs("update_request")
    route = router.patch(CLIENT_PATH).respond(200, json=docs("update"))
    updated = await client.auth_clients.update(
        AUTH_CLIENT_ID,
        name="Auth client",
        credentials=example["data"]["attributes"]["credentials"],
        component_ids=[COMPONENT_ID],
    )
    assert body(route.calls.last.request) == example
    assert (updated.scope, updated.tenant_id) == ("tenant", TENANT_ID)


async def test_update_needs_a_change(client: AsyncClient) -> None:
    """update() with nothing to change raises UsageError before sending."""
    with pytest.raises(UsageError):
        await client.auth_clients.update(AUTH_CLIENT_ID)


async def test_delete_in_use_raises_conflict(client: AsyncClient, router: respx.MockRouter) -> None:
    """DELETE answered 409 (secrets use the client) raises ConflictError."""
    error = {"errors": [{"status": 409, "detail": "in use"}]}
    route = router.delete(CLIENT_PATH).respond(409, json=error)
    with pytest.raises(ConflictError):
        await client.auth_clients.delete(AUTH_CLIENT_ID)
    assert route.calls.last.request.method == "DELETE"


async def test_delete_sends_a_bare_delete(client: AsyncClient, router: respx.MockRouter) -> None:
    """delete() is DELETE /v2/auth-clients/{id}, no body; the 204 returns None."""
    route = router.delete(CLIENT_PATH).respond(204)
    assert await client.auth_clients.delete(AUTH_CLIENT_ID) is None
    assert route.calls.last.request.content == b""
