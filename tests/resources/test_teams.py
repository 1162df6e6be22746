"""``client.teams``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, DecodeError
from elasticio.models._teams import Team
from tests._support.docs import docs
from tests._support.wire import query

CONTRACT_ID = "59d341e9037f7200184a408b"
TEAM_ID = "5a660b0309949a000716d4db"


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
