"""``client.users``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import respx

from elasticio import AsyncClient, DecodeError
from elasticio.models._users import User
from tests._support.docs import docs
from tests._support.wire import body, paged, query

USER_ID = "59d3562c68ed850019bde27f"


def user(user_id: str, email: str) -> dict[str, object]:
    return {"type": "user", "id": user_id, "attributes": {"email": email}}


async def test_me_gets_users_me(client: AsyncClient, router: respx.MockRouter) -> None:
    """me() is GET /v2/users/me without query or body."""
    route = router.get("/v2/users/me").respond(200, json=docs("users/me"))
    await client.users.me()
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request), body(request)) == (
        "GET",
        "/v2/users/me",
        [],
        None,
    )


async def test_me_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """me() returns the docs' user with every documented attribute."""
    router.get("/v2/users/me").respond(200, json=docs("users/me"))
    assert await client.users.me() == User(
        id="59d22e7eeb865b0018adc248",
        first_name="John",
        last_name="Doe",
        email="test@example.com",
        registered=datetime(2017, 10, 2, 12, 18, 6, 274000, tzinfo=UTC),
        last_login=datetime(2018, 3, 15, 16, 53, 57, 696000, tzinfo=UTC),
    )


async def test_me_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """me() answered with a team raises DecodeError at /data/type."""
    router.get("/v2/users/me").respond(200, json={"data": {"type": "team", "id": USER_ID}})
    with pytest.raises(DecodeError) as caught:
        await client.users.me()
    assert caught.value.pointer == "/data/type"


async def test_get_decodes_the_user(client: AsyncClient, router: respx.MockRouter) -> None:
    """get(id) is GET /v2/users/{id} and returns that user."""
    route = router.get(f"/v2/users/{USER_ID}").respond(200, json=docs("users/get"))
    found = await client.users.get(USER_ID)
    request = route.calls.last.request
    assert (request.method, query(request), request.content) == ("GET", [], b"")
    assert (found.id, found.email, found.registered) == (
        USER_ID,
        "test@example.com",
        datetime(2017, 10, 3, 9, 19, 40, 598000, tzinfo=UTC),
    )


async def test_get_encodes_the_id_as_one_segment(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get() percent-encodes the id, so ``../me`` cannot reach /v2/users/me."""
    route = router.get(url__regex=r".*").respond(200, json=docs("users/get"))
    await client.users.get("../me")
    assert route.calls.last.request.url.raw_path == b"/v2/users/..%2Fme"


async def test_get_reports_a_wrongly_typed_attribute(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """An email that is not a string raises DecodeError naming the attribute."""
    payload = {"data": {"type": "user", "id": USER_ID, "attributes": {"email": 42}}}
    router.get(f"/v2/users/{USER_ID}").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.users.get(USER_ID)
    assert caught.value.pointer == "/data"
    assert "email" in str(caught.value)


async def test_get_keeps_undocumented_attributes_in_extra(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Attributes the model does not know end up in ``extra``, untouched."""
    payload = {"data": {"type": "user", "id": USER_ID, "attributes": {"locale": {"lang": "de"}}}}
    router.get(f"/v2/users/{USER_ID}").respond(200, json=payload)
    assert (await client.users.get(USER_ID)).extra == {"locale": {"lang": "de"}}


async def test_list_sends_no_query_by_default(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list() is GET /v2/users without filters or paging parameters."""
    route = router.get("/v2/users").respond(200, json=docs("users/list"))
    await client.users.list().collect()
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("GET", "/v2/users", [])


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' default page gives its six users in order."""
    router.get("/v2/users").respond(200, json=docs("users/list"))
    users = await client.users.list().collect()
    assert [u.email for u in users] == [
        "client@my.org",
        "user-2@my.org",
        "user-1@aliens.org",
        "client@outcast.org",
        "another@outcast.org",
        "tenant-admin@example.com",
    ]
    assert users[0] == User(
        id="588f8b04b84a6a7f3e47668d",
        first_name="Joannie",
        last_name="Smitham",
        email="client@my.org",
    )


async def test_list_filters_by_email(client: AsyncClient, router: respx.MockRouter) -> None:
    """list(email=...) sends the email as a query parameter."""
    route = router.get("/v2/users").respond(200, json=docs("users/list"))
    await client.users.list(email="test@example.com").collect()
    assert query(route.calls.last.request) == [("email", "test@example.com")]


async def test_list_sends_the_page_size(client: AsyncClient, router: respx.MockRouter) -> None:
    """list(page_size=1) sends page[size]=1 on the first request."""
    example = docs("users/list_paged")
    example["meta"]["total_pages"] = 1
    route = router.get("/v2/users").respond(200, json=example)
    await client.users.list(page_size=1).collect()
    assert query(route.calls.last.request) == [("page[size]", "1")]


async def test_list_pages_through_total_pages(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list() follows meta.total_pages with page[number], keeping page[size]."""
    pages = [[user("U1", "a@x.io")], [user("U2", "b@x.io")], [user("U3", "c@x.io")]]
    route = router.get("/v2/users").mock(side_effect=paged(pages))
    users = await client.users.list(page_size=1).collect()
    assert [u.id for u in users] == ["U1", "U2", "U3"]
    assert [query(call.request) for call in route.calls] == [
        [("page[size]", "1")],
        [("page[number]", "2"), ("page[size]", "1")],
        [("page[number]", "3"), ("page[size]", "1")],
    ]


async def test_list_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A list item that is not a user raises DecodeError at its type."""
    router.get("/v2/users").respond(200, json={"data": [{"type": "member", "id": USER_ID}]})
    with pytest.raises(DecodeError) as caught:
        await client.users.list().collect()
    assert caught.value.pointer == "/data/0/type"
