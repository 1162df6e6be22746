"""``client.v1.repos``: each endpoint's request and decoded result, against the v1 docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, ConflictError, DecodeError, V1Repo
from tests._support.docs import docs
from tests._support.wire import body


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.get("/v1/repos/").respond(200, json=docs("v1/repos/list"))
    repos = await client.v1.repos.list()
    assert route.calls.last.request.url.path == "/v1/repos/"
    assert repos == [
        V1Repo(id="555c5ade13c2298a9d32fe67", name="testrepo", team_id="5538bc1c9c0f0522391900d4")
    ]


async def test_get_puts_the_id_in_the_path(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.get("/v1/repos/555c5ade13c2298a9d32fe67").respond(200, json=docs("v1/repos/get"))
    repo = await client.v1.repos.get("555c5ade13c2298a9d32fe67")
    assert route.called
    assert (repo.name, repo.is_public) == ("testrepo", False)


async def test_create_sends_name_and_team(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.post("/v1/repos/").respond(201, json=docs("v1/repos/create"))
    repo = await client.v1.repos.create("repository name", team_id="team_id")
    assert body(route.calls.last.request) == {"name": "repository name", "team_id": "team_id"}
    assert repo == V1Repo(id="repo_id", name="repository name", team_id="team_id")


async def test_create_without_a_team_sends_the_name_alone(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.post("/v1/repos/").respond(201, json=docs("v1/repos/create"))
    await client.v1.repos.create("My Repo")
    assert body(route.calls.last.request) == {"name": "My Repo"}


async def test_delete_answers_none(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.delete("/v1/repos/r1").respond(200, json={})
    assert await client.v1.repos.delete("r1") is None
    assert route.called


async def test_env_reads_the_variables(client: AsyncClient, router: respx.MockRouter) -> None:
    """env() is GET /v1/repos/{id}/env/ and gives the variables as a dict."""
    route = router.get("/v1/repos/r1/env/").respond(200, json=docs("v1/repos/env"))
    assert await client.v1.repos.env("r1") == {"API_KEY": "key", "API_SECRET": "secret"}
    assert route.called


async def test_set_env_sends_null_for_a_removal(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """set_env() PUTs the variables, None as null (which removes one)."""
    route = router.put("/v1/repos/r1/env/").respond(200, json=docs("v1/repos/set_env"))
    answer = await client.v1.repos.set_env("r1", {"API_KEY": "new_key", "API_SECRET": None})
    assert body(route.calls.last.request) == {"API_KEY": "new_key", "API_SECRET": None}
    assert answer == {"API_KEY": "new_key"}


async def test_env_that_is_no_object_of_strings_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get("/v1/repos/r1/env/").respond(200, json={"N": 1})
    with pytest.raises(DecodeError, match="object of strings"):
        await client.v1.repos.env("r1")


async def test_a_v1_error_keeps_its_message(client: AsyncClient, router: respx.MockRouter) -> None:
    router.delete("/v1/repos/r1").respond(409, json={"message": "Used by 2 flows"})
    with pytest.raises(ConflictError, match="Used by 2 flows"):
        await client.v1.repos.delete("r1")
