"""``client.v1.users``: each endpoint's request and decoded result, against the v1 docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, NotFoundError, PermissionDeniedError, V1Accepted, V1User
from tests._support.docs import docs
from tests._support.wire import body


async def test_me_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """me() is GET /v1/users and gives the caller."""
    route = router.get("/v1/users").respond(200, json=docs("v1/users/me"))
    me = await client.v1.users.me()
    assert (route.calls.last.request.method, route.calls.last.request.content) == ("GET", b"")
    assert me == V1User(
        id="54f4be3fe7d5224f91000001", first_name="John", last_name="Doe", email="test@example.com"
    )


async def test_create_sends_the_documented_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() POSTs the user with organizations as [{"id": ...}] and decodes the 201."""
    route = router.post("/v1/users").respond(201, json=docs("v1/users/create"))
    user = await client.v1.users.create(
        first_name="John",
        last_name="Doe",
        email="test@example.com",
        password="secret",
        organizations=["54f4be3fe7d5224f91000001"],
        company="Doe & Partners",
    )
    assert body(route.calls.last.request) == {
        "first_name": "John",
        "last_name": "Doe",
        "email": "test@example.com",
        "password": "secret",
        "organizations": [{"id": "54f4be3fe7d5224f91000001"}],
        "company": "Doe & Partners",
    }
    assert isinstance(user, V1User)
    assert (user.company, user.api_secret) == (
        "Doe & Partners",
        "7a00b1ec-a0a8-4cea-84d2-d26052c8b788",
    )


async def test_the_api_secret_and_unknown_members_stay_out_of_the_repr(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.post("/v1/users").respond(201, json={**docs("v1/users/create"), "token": "t0ps3cret"})
    user = await client.v1.users.create(
        first_name="J", last_name="D", email="j@example.com", password="pw", organizations=[]
    )
    shown = repr(user)
    assert "7a00b1ec" not in shown
    assert "t0ps3cret" not in shown
    assert "test@example.com" in shown


async def test_create_with_a_callback_gives_the_accepted_answer(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """With a callback the 202 {"message": "accepted"} is a V1Accepted."""
    route = router.post("/v1/users").respond(202, json={"message": "accepted"})
    answer = await client.v1.users.create(
        first_name="J",
        last_name="D",
        email="j@example.com",
        password="pw",
        organizations=["c1"],
        callback="http://127.0.0.1:9000/done",
    )
    assert body(route.calls.last.request)["callback"] == "http://127.0.0.1:9000/done"
    assert answer == V1Accepted(message="accepted")


async def test_delete_sends_the_id(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.delete("/v1/users/u%2F1").respond(200, json=docs("v1/users/delete"))
    assert await client.v1.users.delete("u/1") is None
    assert route.called


async def test_errors_keep_their_message(client: AsyncClient, router: respx.MockRouter) -> None:
    router.delete("/v1/users/u1").respond(403, json={"message": "Not your user"})
    router.get("/v1/users").respond(404, json={"message": "Gone"})
    with pytest.raises(PermissionDeniedError, match="Not your user"):
        await client.v1.users.delete("u1")
    with pytest.raises(NotFoundError, match="Gone"):
        await client.v1.users.me()
