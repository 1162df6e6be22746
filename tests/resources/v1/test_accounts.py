"""``client.v1.accounts``: each endpoint's request and decoded result, against the v1 docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, DecodeError, NotFoundError, V1Account
from tests._support.docs import docs
from tests._support.wire import body


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """list() is GET /v1/accounts/ (the docs' trailing slash)."""
    route = router.get("/v1/accounts/").respond(200, json=docs("v1/accounts/list"))
    accounts = await client.v1.accounts.list()
    assert route.calls.last.request.url.path == "/v1/accounts/"
    assert accounts == [
        V1Account(
            id="55083c567aea6f030000001a",
            name="My Component account",
            keys={"oauth": {"key": "some key"}},
        )
    ]


async def test_get_puts_the_id_in_the_path(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.get("/v1/accounts/a%20b/").respond(200, json=docs("v1/accounts/get"))
    account = await client.v1.accounts.get("a b")
    assert route.called
    assert account.type == "55ffca6ecc04c20600000001"


async def test_create_sends_type_name_and_keys(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.post("/v1/accounts/").respond(200, json=docs("v1/accounts/create"))
    account = await client.v1.accounts.create(
        "55ffca6ecc04c20600000001",
        name="My Component account",
        keys={"oauth": {"key": "some key"}},
    )
    assert body(route.calls.last.request) == {
        "name": "My Component account",
        "type": "55ffca6ecc04c20600000001",
        "keys": {"oauth": {"key": "some key"}},
    }
    assert account.id == "54982ee6bdf2a2030000000f"


async def test_update_sends_only_what_is_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(id, name=) PUTs {"name": ...} alone, as the docs' example does."""
    route = router.put("/v1/accounts/55083c567aea6f030000001a/").respond(
        200, json=docs("v1/accounts/update")
    )
    account = await client.v1.accounts.update("55083c567aea6f030000001a", name="New account name")
    assert route.calls.last.request.method == "PUT"
    assert body(route.calls.last.request) == {"name": "New account name"}
    assert account.name == "New account name"


async def test_keys_stay_out_of_the_repr(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get("/v1/accounts/a1/").respond(
        200, json={**docs("v1/accounts/get"), "password": "hunter2"}
    )
    account = await client.v1.accounts.get("a1")
    assert "some key" not in repr(account)
    assert "hunter2" not in repr(account)
    assert account.extra == {"password": "hunter2"}


async def test_keys_that_are_no_object_are_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get("/v1/accounts/").respond(200, json=[{"id": "a", "keys": "k"}])
    with pytest.raises(DecodeError) as caught:
        await client.v1.accounts.list()
    assert caught.value.pointer == "/0/keys"


async def test_a_v1_error_keeps_its_message(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get("/v1/accounts/a1/").respond(404, json={"message": "Account not found"})
    with pytest.raises(NotFoundError, match="Account not found"):
        await client.v1.accounts.get("a1")
