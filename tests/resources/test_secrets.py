"""``client.secrets``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, AuthSecret, DecodeError, NotFoundError, UsageError
from tests._support.docs import examples_of
from tests._support.wire import body, query

WORKSPACE_ID = "5bbf1f5337f655001383e921"
SECRET_ID = "5f3a1c2b9d8e7f6a5b4c3d01"
AUTH_CLIENT_ID = "5f3a1c2b9d8e7f6a5b4c3d2e"
USER_ID = "5bbf202b37f655001383e923"
SECRETS_PATH = f"/v2/workspaces/{WORKSPACE_ID}/secrets"
SECRET_PATH = f"{SECRETS_PATH}/{SECRET_ID}"

docs = examples_of(
    "secrets",
    {
        "{WORKSPACE_ID}": WORKSPACE_ID,
        "{AUTH-SECRET_ID}": SECRET_ID,
        "{AUTH-CLIENT_ID}": AUTH_CLIENT_ID,
        "{USER_ID}": USER_ID,
    },
)


async def test_list_sends_the_filters(client: AsyncClient, router: respx.MockRouter) -> None:
    """list(ws, user_id=, auth_client_id=) sends filter[user] and filter[auth_client]."""
    route = router.get(SECRETS_PATH).respond(200, json=docs("list"))
    await client.secrets.list(
        WORKSPACE_ID, user_id=USER_ID, auth_client_id=AUTH_CLIENT_ID
    ).collect()
    assert sorted(query(route.calls.last.request)) == [
        ("filter[auth_client]", AUTH_CLIENT_ID),
        ("filter[user]", USER_ID),
    ]


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' list gives a ready secret; its client comes from the "auth-client" link."""
    router.get(SECRETS_PATH).respond(200, json=docs("list"))
    (secret,) = await client.secrets.list(WORKSPACE_ID).collect()
    assert (secret.id, secret.name, secret.state, secret.error) == (
        SECRET_ID,
        "Auth secret",
        "ready",
        None,
    )
    assert (secret.workspace_id, secret.user_id, secret.auth_client_id) == (
        WORKSPACE_ID,
        USER_ID,
        AUTH_CLIENT_ID,
    )
    assert secret.credentials["access_token"] == "{ACCESS_TOKEN}"


async def test_the_auth_client_link_is_read_as_the_platform_spells_it(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A secret linking its client as ``auth_client`` (as the component library reads it)
    decodes the same."""
    payload = docs("get")
    relationships = payload["data"]["relationships"]
    relationships["auth_client"] = relationships.pop("auth-client")
    router.get(SECRET_PATH).respond(200, json=payload)
    assert (await client.secrets.get(WORKSPACE_ID, SECRET_ID)).auth_client_id == AUTH_CLIENT_ID


async def test_get_decodes_the_error_state(client: AsyncClient, router: respx.MockRouter) -> None:
    """get() is GET .../secrets/{id}; the docs' example is in the error state."""
    route = router.get(SECRET_PATH).respond(200, json=docs("get"))
    secret = await client.secrets.get(WORKSPACE_ID, SECRET_ID)
    assert route.calls.last.request.method == "GET"
    assert (secret.state, secret.error) == ("error", "Something went technical wrong")


async def test_repr_hides_the_tokens(client: AsyncClient, router: respx.MockRouter) -> None:
    """No token shows in the repr."""
    payload = docs("get")
    payload["data"]["attributes"]["credentials"]["refresh_token"] = "r3fresh"
    router.get(SECRET_PATH).respond(200, json=payload)
    secret = await client.secrets.get(WORKSPACE_ID, SECRET_ID)
    assert "r3fresh" not in repr(secret)
    assert "{ACCESS_TOKEN}" not in repr(secret)


async def test_create_sends_the_docs_request(client: AsyncClient, router: respx.MockRouter) -> None:
    """create() sends the docs' request example (its JSON fixed) and decodes the 201."""
    example = docs("create_request")
    route = router.post(SECRETS_PATH).respond(201, json=docs("create"))
    created = await client.secrets.create(
        WORKSPACE_ID,
        name="Auth secret",
        auth_client_id=AUTH_CLIENT_ID,
        credentials=example["data"]["attributes"]["credentials"],
    )
    assert body(route.calls.last.request) == example
    assert isinstance(created, AuthSecret)


async def test_refresh_accepts_the_docs_list(client: AsyncClient, router: respx.MockRouter) -> None:
    """refresh() POSTs .../refresh with no body and takes the list of one the docs show."""
    route = router.post(f"{SECRET_PATH}/refresh").respond(200, json=docs("refresh"))
    secret = await client.secrets.refresh(WORKSPACE_ID, SECRET_ID)
    request = route.calls.last.request
    assert (request.method, request.content) == ("POST", b"")
    assert secret.id == SECRET_ID


async def test_refresh_accepts_one_secret(client: AsyncClient, router: respx.MockRouter) -> None:
    """An answer with ``data`` as one secret is accepted too."""
    router.post(f"{SECRET_PATH}/refresh").respond(200, json=docs("get"))
    assert (await client.secrets.refresh(WORKSPACE_ID, SECRET_ID)).id == SECRET_ID


async def test_refresh_refuses_an_empty_answer(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """An answer without a secret raises DecodeError."""
    router.post(f"{SECRET_PATH}/refresh").respond(200, json={"data": []})
    with pytest.raises(DecodeError):
        await client.secrets.refresh(WORKSPACE_ID, SECRET_ID)


async def test_update_sends_the_docs_request(client: AsyncClient, router: respx.MockRouter) -> None:
    """update() sends the docs' request example."""
    example = docs("update_request")
    route = router.patch(SECRET_PATH).respond(200, json=docs("update"))
    await client.secrets.update(
        WORKSPACE_ID,
        SECRET_ID,
        name="Auth secret",
        state="error",
        error="Something went technical wrong",
        credentials=example["data"]["attributes"]["credentials"],
    )
    assert body(route.calls.last.request) == example


async def test_update_needs_a_change(client: AsyncClient) -> None:
    """update() with nothing to change raises UsageError before sending."""
    with pytest.raises(UsageError):
        await client.secrets.update(WORKSPACE_ID, SECRET_ID)


async def test_delete_of_an_unknown_secret_raises_not_found(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 404 to DELETE raises NotFoundError."""
    router.delete(SECRET_PATH).respond(404, json={"errors": [{"status": 404, "detail": "no"}]})
    with pytest.raises(NotFoundError):
        await client.secrets.delete(WORKSPACE_ID, SECRET_ID)
