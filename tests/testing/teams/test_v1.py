"""Teams in API v1: the caller's teams, a new team in the caller's contract, the same
teams as v2 shows."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, json_of, v1_error_of


async def test_list_shows_the_callers_teams(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The owner's contract team, as v1 writes it; the platform's own team is left out."""
    team = emulator.platform.teams[emulator.seed.team_id]
    assert json_of(await api.get("/v1/teams/")) == [
        {"id": team.id, "name": team.name, "members": team.user_ids}
    ]


async def test_create_answers_201_and_v2_sees_the_team(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A v1 team is a v2 team of the caller's contract, with the caller as member."""
    created = json_of(await api.post("/v1/teams/", json={"name": "My team"}), 201)
    assert created == {"id": created["id"], "name": "My team", "members": [emulator.seed.owner.id]}
    shown = data_of(await api.get(f"/v2/teams/{created['id']}"))
    assert shown["attributes"]["name"] == "My team"
    assert shown["relationships"]["contract"]["data"]["id"] == emulator.seed.contract_id


async def test_a_v2_team_shows_in_v1(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A team created through v2 is listed by v1."""
    body = {
        "data": {
            "type": "team",
            "attributes": {"name": "v2team"},
            "relationships": {
                "contract": {"data": {"type": "contract", "id": emulator.seed.contract_id}}
            },
        }
    }
    created = data_of(await api.post("/v2/teams", json=body), 201)
    listed = json_of(await api.get("/v1/teams"))
    assert [t["name"] for t in listed if t["id"] == created["id"]] == ["v2team"]


async def test_create_checks_the_name(api: httpx.AsyncClient) -> None:
    """A name that is not a string is a 400 in v1's error form."""
    message = v1_error_of(await api.post("/v1/teams/", json={"name": 7}), 400)
    assert "name" in message


async def test_create_needs_a_contract_to_create_in(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A user who may change the teams of no contract gets 403, and no team is made."""
    outsider = emulator.platform.users.create(email="solo@example.com")
    before = len(emulator.platform.teams)
    response = await api.post(
        "/v1/teams/", json={"name": "x"}, auth=(outsider.email, outsider.api_key)
    )
    v1_error_of(response, 403)
    assert len(emulator.platform.teams) == before


async def test_a_wrong_key_is_a_v1_401(anonymous_api: httpx.AsyncClient) -> None:
    """Without credentials a v1 path answers 401 as {"message": ...}."""
    v1_error_of(await anonymous_api.get("/v1/teams/"), 401)


async def test_an_unknown_v1_path_is_a_v1_404(api: httpx.AsyncClient) -> None:
    """A path no v1 endpoint serves answers 404 in v1's error form."""
    v1_error_of(await api.get("/v1/nowhere"), 404)
