"""``client.v1.teams``: each endpoint's request and decoded result, against the v1 docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, BadRequestError, DecodeError, V1Team
from tests._support.docs import docs
from tests._support.wire import body, query


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """list() is GET /v1/teams/ (the docs' trailing slash) and gives plain models."""
    route = router.get("/v1/teams/").respond(200, json=docs("v1/teams/list"))
    teams = await client.v1.teams.list()
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request), request.content) == (
        "GET",
        "/v1/teams/",
        [],
        b"",
    )
    assert teams == [
        V1Team(
            id="55083c567aea6f030000001a",
            name="My team",
            members=("5508411b34e5ac0300000019", "510fc14d173cff0200000003"),
        )
    ]


async def test_create_sends_the_name(client: AsyncClient, router: respx.MockRouter) -> None:
    """create(name) POSTs {"name": ...} as plain JSON and decodes the 201."""
    route = router.post("/v1/teams/").respond(
        201, json=docs("v1/teams/create"), headers={"x-request-id": "r-1"}
    )
    team = await client.v1.teams.create("My team")
    assert body(route.calls.last.request) == {"name": "My team"}
    assert route.calls.last.request.headers["content-type"] == "application/json"
    assert (team.name, team.members, team.request_id) == (
        "My team",
        ("5508411b34e5ac0300000019",),
        "r-1",
    )


async def test_a_member_of_the_wrong_type_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A team whose members are not a list is refused, naming where."""
    router.get("/v1/teams/").respond(200, json=[{"id": "t", "members": "u1"}])
    with pytest.raises(DecodeError) as caught:
        await client.v1.teams.list()
    assert caught.value.pointer == "/0/members"


async def test_an_answer_that_is_no_array_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get("/v1/teams/").respond(200, json={"id": "t"})
    with pytest.raises(DecodeError, match="expected an array"):
        await client.v1.teams.list()


async def test_a_v1_error_keeps_its_message(client: AsyncClient, router: respx.MockRouter) -> None:
    """{"message": ...} maps onto the error tree with the message kept."""
    router.post("/v1/teams/").respond(400, json={"message": "Team name is taken"})
    with pytest.raises(BadRequestError, match="Team name is taken"):
        await client.v1.teams.create("My team")
