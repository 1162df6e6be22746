"""Teams: the caller's teams of a contract, and one team."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of


async def test_list_needs_contract_id(api: httpx.AsyncClient) -> None:
    """``contract_id`` is required."""
    error = error_of(await api.get("/v2/teams"), 400)
    assert error["source"] == {"parameter": "contract_id"}


async def test_list_shows_team_with_users_and_components(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A team links its contract, its users and its components."""
    seed = emulator.seed
    (team,) = data_of(await api.get("/v2/teams", params={"contract_id": seed.contract_id}))
    assert team["id"] == seed.team_id
    assert team["type"] == "team"
    assert team["attributes"] == {"name": "acme-dev"}
    relationships = team["relationships"]
    assert relationships["contract"]["data"] == {"id": seed.contract_id, "type": "contract"}
    assert relationships["users"]["data"] == [{"id": seed.owner.id, "type": "user"}]
    assert relationships["components"]["data"] == [
        {"id": seed.component_ids["petstore"], "type": "component"}
    ]


async def test_list_holds_only_teams_you_are_in(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract member outside every team sees an empty list."""
    params = {"contract_id": emulator.seed.contract_id}
    assert data_of(await guest_api.get("/v2/teams", params=params)) == []


async def test_list_of_foreign_contract_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Teams of a contract the caller is not in are 403."""
    other = emulator.platform.contracts.create(name="Other")
    error_of(await guest_api.get("/v2/teams", params={"contract_id": other.id}), 403)


async def test_get_team(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A team by id, with a top-level self link."""
    url = f"/v2/teams/{emulator.seed.team_id}"
    body = (await api.get(url)).json()
    assert body["data"]["attributes"]["name"] == "acme-dev"
    assert body["links"] == {"self": url}


async def test_get_team_you_are_not_in_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A team the caller does not belong to is 403."""
    error_of(await guest_api.get(f"/v2/teams/{emulator.seed.team_id}"), 403)


async def test_platform_team_is_not_visible(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The platform's own team (owner of global components) is not served: 404."""
    error_of(await api.get(f"/v2/teams/{emulator.seed.platform_team_id}"), 404)
