"""``client.teams``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, ConflictError, DecodeError, PermissionDeniedError
from elasticio.models._teams import Team
from tests._support.docs import docs
from tests._support.wire import body, query

CONTRACT_ID = "59d341e9037f7200184a408b"
TEAM_ID = "5a660b0309949a000716d4db"
USER_ID = "59f747c33f1d3c001901a44e"
MEMBERS = f"/v2/teams/{TEAM_ID}/relationships/members"


async def test_list_sends_the_contract_id(client: AsyncClient, router: respx.MockRouter) -> None:
    """list(contract_id=...) is GET /v2/teams?contract_id=... without a body."""
    route = router.get("/v2/teams").respond(200, json=docs("teams/list"))
    await client.teams.list(contract_id=CONTRACT_ID).collect()
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request), request.content) == (
        "GET",
        "/v2/teams",
        [("contract_id", CONTRACT_ID)],
        b"",
    )


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' list gives one team with its contract, user and component ids."""
    router.get("/v2/teams").respond(200, json=docs("teams/list"))
    teams = await client.teams.list(contract_id=CONTRACT_ID).collect()
    assert teams == [
        Team(
            id="5aa7de77a0c086000785c53e",
            name="Team_name",
            contract_id=CONTRACT_ID,
            user_ids=("5a816bebcad2b40007adcaf2",),
            component_ids=("5a96906605f3f60007a76324",),
        )
    ]


async def test_list_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A list item that is not a team raises DecodeError at its type."""
    router.get("/v2/teams").respond(200, json={"data": [{"type": "contract", "id": "C"}]})
    with pytest.raises(DecodeError) as caught:
        await client.teams.list(contract_id=CONTRACT_ID).collect()
    assert caught.value.pointer == "/data/0/type"


async def test_get_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """get(id) is GET /v2/teams/{id} and returns the team with its relationships' ids."""
    path = f"/v2/teams/{TEAM_ID}"
    route = router.get(path).respond(200, json=docs("teams/get"))
    team = await client.teams.get(TEAM_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("GET", path, [])
    assert (team.id, team.name, team.contract_id) == (
        TEAM_ID,
        "2201team",
        "5b5ed1cf272cf80011ae7b43",
    )
    assert team.user_ids == (
        "59d22e7eeb865b0018adc248",
        "560e5a27734d480a00000002",
        "59d3562c68ed850019bde27f",
    )
    assert team.component_ids == ("5a81a065fcc9380007322e86", "5a6713361231e7000772a9f2")


async def test_docker_registry_stays_out_of_the_repr(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A team's docker registry credentials are decoded but never shown in its repr."""
    registry = {"uri": "registry.example.com", "credentials": {"password": "hunter2-registry"}}
    payload = {
        "data": {
            "type": "team",
            "id": TEAM_ID,
            "attributes": {"name": "t", "docker_registry": registry},
        }
    }
    router.get(f"/v2/teams/{TEAM_ID}").respond(200, json=payload)
    team = await client.teams.get(TEAM_ID)
    assert team.docker_registry == registry
    assert team.docker_registry_uri == "registry.example.com"
    assert "hunter2-registry" not in repr(team)
    assert "docker_registry" not in repr(team)


async def test_get_reports_a_wrongly_typed_attribute(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A docker_registry that is not an object raises DecodeError naming it."""
    payload = {"data": {"type": "team", "id": TEAM_ID, "attributes": {"docker_registry": "x"}}}
    router.get(f"/v2/teams/{TEAM_ID}").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.teams.get(TEAM_ID)
    assert caught.value.pointer == "/data"
    assert "docker_registry" in str(caught.value)


async def test_create_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create(name, contract_id=..., docker_registry_...=...) POSTs the docs' example."""
    route = router.post("/v2/teams").respond(201, json=docs("teams/create"))
    await client.teams.create(
        "309myteam",
        contract_id="5b87c916bfeeb2441025c8bb",
        docker_registry_uri="docker_registry_uri",
        docker_registry_credentials={},
    )
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("POST", "/v2/teams", [])
    assert body(request) == docs("teams/create_request")


async def test_create_without_registry_sends_name_and_contract(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create(name, contract_id=...) leaves the docker registry out."""
    route = router.post("/v2/teams").respond(201, json=docs("teams/create"))
    await client.teams.create("ops", contract_id=CONTRACT_ID)
    assert body(route.calls.last.request) == {
        "data": {
            "type": "team",
            "attributes": {"name": "ops"},
            "relationships": {"contract": {"data": {"type": "contract", "id": CONTRACT_ID}}},
        }
    }


async def test_create_decodes_the_created_team(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() returns the 201's team with its contract and creator."""
    router.post("/v2/teams").respond(201, json=docs("teams/create"))
    team = await client.teams.create("309myteam", contract_id=CONTRACT_ID)
    assert team == Team(
        id="5aabe01bbd6d6400079b45c4",
        name="309myteam",
        contract_id="59d341e9037f72001833408b",
        user_ids=("59d22e7eeb86533018adc248",),
    )


async def test_create_keeps_registry_credentials_out_of_the_repr(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Registry credentials sent on create are in the body, and the answer's repr hides
    a registry the platform echoes."""
    registry = {"uri": "r.example.com", "credentials": {"password": "hunter2-registry"}}
    answer = docs("teams/create")
    answer["data"]["attributes"]["docker_registry"] = registry
    route = router.post("/v2/teams").respond(201, json=answer)
    team = await client.teams.create(
        "t",
        contract_id=CONTRACT_ID,
        docker_registry_uri="r.example.com",
        docker_registry_credentials={"password": "hunter2-registry"},
    )
    assert body(route.calls.last.request)["data"]["attributes"]["docker_registry"] == registry
    assert team.docker_registry_uri == "r.example.com"
    assert "hunter2-registry" not in repr(team)


async def test_update_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(id, docker_registry_...=...) PATCHes the docs' example, id and type included."""
    path = f"/v2/teams/{TEAM_ID}"
    route = router.patch(path).respond(200, json=docs("teams/update"))
    team = await client.teams.update(
        TEAM_ID, docker_registry_uri="docker_registry_uri", docker_registry_credentials={}
    )
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("PATCH", path)
    assert body(request) == docs("teams/update_request", {"{TEAM_ID}": TEAM_ID})
    assert team.name == "309myteam"


async def test_update_with_only_the_uri(client: AsyncClient, router: respx.MockRouter) -> None:
    """update(id, docker_registry_uri=...) sends the uri alone."""
    route = router.patch(f"/v2/teams/{TEAM_ID}").respond(200, json=docs("teams/update"))
    await client.teams.update(TEAM_ID, docker_registry_uri="r.example.com")
    sent = body(route.calls.last.request)["data"]
    assert sent["attributes"] == {"docker_registry": {"uri": "r.example.com"}}


async def test_add_member_sends_the_user_identifier(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """add_member(team, user) POSTs {data: {type: user, id}} and returns the team."""
    route = router.post(MEMBERS).respond(200, json=docs("teams/add_member"))
    team = await client.teams.add_member(TEAM_ID, USER_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("POST", MEMBERS)
    assert body(request) == docs("teams/add_member_request", {"{USER_ID}": USER_ID})
    assert (team.id, team.name) == ("59d3ace74a819c0018e9bb92", "Test_Team")
    assert USER_ID in team.user_ids


async def test_add_member_maps_403(client: AsyncClient, router: respx.MockRouter) -> None:
    """A caller without contracts.devTeam.edit gets PermissionDeniedError."""
    router.post(MEMBERS).respond(403, json={"errors": [{"status": 403, "title": "Forbidden"}]})
    with pytest.raises(PermissionDeniedError):
        await client.teams.add_member(TEAM_ID, USER_ID)


async def test_remove_member_sends_a_body_with_delete(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """remove_member(team, user) is a DELETE carrying {data: {type: user, id}}; 204."""
    route = router.delete(MEMBERS).respond(204)
    assert await client.teams.remove_member(TEAM_ID, USER_ID) is None
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("DELETE", MEMBERS)
    assert request.headers["Content-Type"] == "application/json"
    assert body(request) == docs("teams/remove_member_request", {"{user_id}": USER_ID})


async def test_delete_sends_delete_and_accepts_204(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """delete(id) is DELETE /v2/teams/{id} without a body; a 204 is success."""
    route = router.delete(f"/v2/teams/{TEAM_ID}").respond(204)
    await client.teams.delete(TEAM_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == (
        "DELETE",
        f"/v2/teams/{TEAM_ID}",
        b"",
    )


async def test_delete_of_a_team_with_repositories_is_a_conflict(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 409 (the team still has repositories) raises ConflictError."""
    router.delete(f"/v2/teams/{TEAM_ID}").respond(
        409, json={"errors": [{"status": 409, "title": "Conflict"}]}
    )
    with pytest.raises(ConflictError):
        await client.teams.delete(TEAM_ID)
