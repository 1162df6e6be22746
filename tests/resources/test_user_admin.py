"""``client.users`` administration: each write's request and decoded result, against the
docs' examples, and the mapping of refusals to errors."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, ConflictError, NotFoundError, PermissionDeniedError
from elasticio.models._users import OpenIDIdentity
from tests._support.docs import docs
from tests._support.wire import body, query

USER_ID = "5aabc258bd6d6400079b4592"
IDENTITY_ID = "6a1"
IDENTITIES = f"/v2/users/{USER_ID}/openid/identities"


async def test_create_sends_the_docs_body(client: AsyncClient, router: respx.MockRouter) -> None:
    """create() is POST /v2/users with the docs' request body; the user is decoded."""
    route = router.post("/v2/users").respond(201, json=docs("users/create"))
    user = await client.users.create(
        email="test@example.com", password="Secret1%", first_name="John", last_name="Doe"
    )
    assert body(route.calls.last.request) == docs("users/create_request")
    assert (user.id, user.email, user.registered and user.registered.year) == (
        USER_ID,
        "test@example.com",
        2018,
    )


async def test_create_keeps_the_password_out_of_errors(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A refused creation's error does not repeat the password."""
    router.post("/v2/users").respond(409, json={"errors": [{"status": 409, "title": "Conflict"}]})
    with pytest.raises(ConflictError) as caught:
        await client.users.create(
            email="a@example.com", password="Hunter2!x", first_name="A", last_name="B"
        )
    assert "Hunter2!x" not in str(caught.value)
    assert "Hunter2!x" not in repr(caught.value)


async def test_disable_totp_posts_no_body(client: AsyncClient, router: respx.MockRouter) -> None:
    """disable_totp() is POST .../disable-totp without a body, and returns None."""
    route = router.post(f"/v2/users/{USER_ID}/disable-totp").respond(200)
    assert await client.users.disable_totp(USER_ID) is None
    assert route.calls.last.request.content == b""


async def test_delete_answers_none(client: AsyncClient, router: respx.MockRouter) -> None:
    """delete() is DELETE /v2/users/{id}: 204, None."""
    route = router.delete(f"/v2/users/{USER_ID}").respond(204)
    assert await client.users.delete(USER_ID) is None
    assert route.called


async def test_delete_refused_is_permission_denied(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """403 raises PermissionDeniedError."""
    router.delete(f"/v2/users/{USER_ID}").respond(403, json={"errors": [{"status": 403}]})
    with pytest.raises(PermissionDeniedError):
        await client.users.delete(USER_ID)


async def test_add_openid_identity_decodes_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The docs' answer (typed ``user``) decodes as an OpenIDIdentity of the user."""
    answer = docs(
        "users/openid_identity", {"{USER_ID}": USER_ID, "{OPENID_IDENTITY_ID}": IDENTITY_ID}
    )
    route = router.post(IDENTITIES).respond(201, json=answer)
    identity = await client.users.add_openid_identity(
        USER_ID, iss="http://example.com", sub="user-identification"
    )
    assert body(route.calls.last.request) == docs("users/openid_identity_request")
    assert identity == OpenIDIdentity(
        id=IDENTITY_ID, iss="http://example.com", sub="user-identification", user_id=USER_ID
    )


async def test_remove_openid_identity(client: AsyncClient, router: respx.MockRouter) -> None:
    """remove_openid_identity() is DELETE on the identity; 404 raises NotFoundError."""
    route = router.delete(f"{IDENTITIES}/{IDENTITY_ID}").respond(204)
    await client.users.remove_openid_identity(USER_ID, IDENTITY_ID)
    assert route.called
    router.delete(f"{IDENTITIES}/gone").respond(404, json={"errors": [{"status": 404}]})
    with pytest.raises(NotFoundError):
        await client.users.remove_openid_identity(USER_ID, "gone")


async def test_list_sends_the_openid_filters(client: AsyncClient, router: respx.MockRouter) -> None:
    """list(iss=, sub=) sends both filters and no email."""
    route = router.get("/v2/users").respond(200, json={"data": [], "meta": {}})
    await client.users.list(iss="https://idp.example.com", sub="ann").collect()
    assert ("iss", "https://idp.example.com") in query(route.calls.last.request)
    assert ("sub", "ann") in query(route.calls.last.request)
    assert "email" not in dict(query(route.calls.last.request))
