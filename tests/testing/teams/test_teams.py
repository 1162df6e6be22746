"""Teams: the caller's teams of a contract, one team; creating, changing and deleting
teams and their members."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of, http_client, ref


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


# Changing teams: contracts.devTeam.edit, held by the contract's owners and admins.

MEMBERS = "/v2/teams/{}/relationships/members"


def _user(type: str, id: str) -> dict[str, Any]:
    return {"data": {"type": type, "id": id}}


def _new_team(contract_id: str, **attributes: Any) -> dict[str, Any]:
    return {
        "data": {
            "type": "team",
            "attributes": attributes,
            "relationships": {"contract": ref("contract", contract_id)},
        }
    }


@pytest.fixture
async def developer_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """A contract member with no contract role: in the team acme-dev, not an editor."""
    platform = emulator.platform
    user = platform.users.create(email="dev@example.com", api_key="emu-dev-api-key")
    platform.contracts.add_member(emulator.seed.contract_id, user.id, [])
    platform.teams[emulator.seed.team_id].user_ids.append(user.id)
    async with http_client(emulator, (user.email, user.api_key)) as client:
        yield client


def _developer_id(emulator: Emulator) -> str:
    return emulator.platform.users.where(lambda u: u.email == "dev@example.com")[0].id


async def test_create_answers_201_with_the_caller_as_member(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The docs' create body makes a team of the contract whose one user is the caller."""
    seed = emulator.seed
    request = docs("teams/create_request")
    request["data"]["relationships"]["contract"]["data"]["id"] = seed.contract_id
    created = data_of(await api.post("/v2/teams", json=request), 201)
    assert created["type"] == "team"
    assert created["attributes"] == {"name": "309myteam"}
    assert created["links"] == {"self": f"/v2/teams/{created['id']}"}
    relationships = created["relationships"]
    assert relationships["contract"]["data"] == {"id": seed.contract_id, "type": "contract"}
    assert relationships["users"]["data"] == [{"id": seed.owner.id, "type": "user"}]
    assert relationships["components"]["data"] == []
    stored = emulator.platform.teams[created["id"]]
    assert stored.docker_registry == {"uri": "docker_registry_uri", "credentials": {}}


async def test_create_by_a_contract_admin_outside_every_team(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract admin holds the permission and becomes the new team's member."""
    created = data_of(
        await guest_api.post("/v2/teams", json=_new_team(emulator.seed.contract_id, name="g")), 201
    )
    assert created["relationships"]["users"]["data"] == [
        {"id": emulator.seed.guest.id, "type": "user"}
    ]


async def test_create_by_a_member_without_a_contract_role_is_403(
    developer_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract member who is neither owner nor admin may not create teams."""
    before = len(emulator.platform.teams)
    body = _new_team(emulator.seed.contract_id, name="x")
    error_of(await developer_api.post("/v2/teams", json=body), 403)
    assert len(emulator.platform.teams) == before


async def test_create_in_a_foreign_contract_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract the caller is not in is 403."""
    other = emulator.platform.contracts.create(name="Other")
    error_of(await guest_api.post("/v2/teams", json=_new_team(other.id, name="x")), 403)


async def test_create_needs_the_contract(api: httpx.AsyncClient) -> None:
    """The contract relationship is required: 400 pointing at it."""
    body = {"data": {"type": "team", "attributes": {"name": "x"}}}
    error = error_of(await api.post("/v2/teams", json=body), 400)
    assert error["source"] == {"pointer": "/data/relationships/contract"}


async def test_create_of_an_unknown_contract_is_404(api: httpx.AsyncClient) -> None:
    """A contract id that names nothing is 404."""
    error_of(await api.post("/v2/teams", json=_new_team("no-such-contract", name="x")), 404)


async def test_create_checks_the_registry(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A docker registry uri that is not a string is a 400 pointing at it."""
    body = _new_team(emulator.seed.contract_id, name="x", docker_registry={"uri": 1})
    error = error_of(await api.post("/v2/teams", json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/docker_registry/uri"}


async def test_create_without_a_name_names_the_team_after_its_id(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The name is optional: an unnamed team is called by its id."""
    created = data_of(await api.post("/v2/teams", json=_new_team(emulator.seed.contract_id)), 201)
    assert created["attributes"] == {"name": created["id"]}


async def test_update_sets_the_registry_and_hides_it(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The docs' PATCH stores the registry; the answer is the team, without it."""
    team_id = emulator.seed.team_id
    request = docs("teams/update_request", {"{TEAM_ID}": team_id})
    request["data"]["attributes"]["docker_registry"]["credentials"] = {"password": "hunter2"}
    response = await api.patch(f"/v2/teams/{team_id}", json=request)
    team = data_of(response)
    assert team["attributes"] == {"name": "acme-dev"}
    assert "hunter2" not in response.text
    assert emulator.platform.teams[team_id].docker_registry == {
        "uri": "docker_registry_uri",
        "credentials": {"password": "hunter2"},
    }


async def test_update_with_another_id_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """data.id must be the URL's team id."""
    body = {"data": {"type": "team", "id": "other", "attributes": {"docker_registry": {}}}}
    error_of(await api.patch(f"/v2/teams/{emulator.seed.team_id}", json=body), 409)


async def test_update_by_a_team_member_without_a_contract_role_is_403(
    developer_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Being in the team is not enough to change it."""
    team_id = emulator.seed.team_id
    body = {"data": {"type": "team", "id": team_id, "attributes": {"docker_registry": {}}}}
    error_of(await developer_api.patch(f"/v2/teams/{team_id}", json=body), 403)
    assert emulator.platform.teams[team_id].docker_registry is None


async def test_update_of_the_platform_team_is_404(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The platform's own team is not there to change."""
    team_id = emulator.seed.platform_team_id
    body = {"data": {"type": "team", "id": team_id, "attributes": {"docker_registry": {}}}}
    error_of(await api.patch(f"/v2/teams/{team_id}", json=body), 404)


async def test_add_member_answers_the_team(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Adding a contract member answers 200 with the team listing them."""
    seed = emulator.seed
    url = MEMBERS.format(seed.team_id)
    request = docs("teams/add_member_request", {"{USER_ID}": seed.guest.id})
    team = data_of(await api.post(url, json=request))
    assert team["id"] == seed.team_id
    assert team["relationships"]["users"]["data"] == [
        {"id": seed.owner.id, "type": "user"},
        {"id": seed.guest.id, "type": "user"},
    ]


async def test_add_member_twice_keeps_one_entry(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Adding a member again changes nothing."""
    seed = emulator.seed
    data_of(await api.post(MEMBERS.format(seed.team_id), json=_user("user", seed.owner.id)))
    assert emulator.platform.teams[seed.team_id].user_ids == [seed.owner.id]


async def test_add_member_outside_the_contract_is_400(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A user who is not a member of the team's contract cannot join: 400."""
    outsider = emulator.platform.users.create(email="outsider@example.com")
    url = MEMBERS.format(emulator.seed.team_id)
    error_of(await api.post(url, json=_user("user", outsider.id)), 400)
    assert outsider.id not in emulator.platform.teams[emulator.seed.team_id].user_ids


async def test_add_an_unknown_user_is_404(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A user id that names nobody is 404."""
    url = MEMBERS.format(emulator.seed.team_id)
    error_of(await api.post(url, json=_user("user", "no-such-user")), 404)


async def test_add_member_body_of_another_type_is_409(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The body's data must be a user identifier."""
    url = MEMBERS.format(emulator.seed.team_id)
    error_of(await api.post(url, json=_user("member", emulator.seed.guest.id)), 409)


async def test_add_member_by_a_member_without_a_contract_role_is_403(
    developer_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A team member without the permission cannot add others."""
    seed = emulator.seed
    url = MEMBERS.format(seed.team_id)
    error_of(await developer_api.post(url, json=_user("user", seed.guest.id)), 403)
    assert seed.guest.id not in emulator.platform.teams[seed.team_id].user_ids


async def test_remove_member_reads_the_body_and_answers_204(
    guest_api: httpx.AsyncClient, developer_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A DELETE with the docs' body removes the user: 204 with no content."""
    seed = emulator.seed
    developer = _developer_id(emulator)
    request = docs("teams/remove_member_request", {"{user_id}": developer})
    response = await guest_api.request("DELETE", MEMBERS.format(seed.team_id), json=request)
    assert (response.status_code, response.content) == (204, b"")
    assert emulator.platform.teams[seed.team_id].user_ids == [seed.owner.id]


async def test_remove_member_needs_a_body(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Without the user identifier the DELETE is a 400."""
    error_of(await api.delete(MEMBERS.format(emulator.seed.team_id)), 400)


async def test_remove_member_by_a_member_without_a_contract_role_is_403(
    developer_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A team member without the permission cannot remove others."""
    seed = emulator.seed
    url = MEMBERS.format(seed.team_id)
    body = _user("user", seed.owner.id)
    error_of(await developer_api.request("DELETE", url, json=body), 403)
    assert seed.owner.id in emulator.platform.teams[seed.team_id].user_ids


async def test_delete_an_empty_team_answers_204(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A team without repositories is deleted: 204, then 404."""
    team_id = data_of(
        await api.post("/v2/teams", json=_new_team(emulator.seed.contract_id, name="t")), 201
    )["id"]
    response = await api.delete(f"/v2/teams/{team_id}")
    assert (response.status_code, response.content) == (204, b"")
    error_of(await api.get(f"/v2/teams/{team_id}"), 404)


async def test_delete_a_team_with_repositories_is_409(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """acme-dev owns petstore: the team stays, 409."""
    team_id = emulator.seed.team_id
    error_of(await api.delete(f"/v2/teams/{team_id}"), 409)
    assert team_id in emulator.platform.teams


async def test_delete_by_a_member_without_a_contract_role_is_403(
    api: httpx.AsyncClient, developer_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Only holders of the permission delete teams."""
    team_id = data_of(
        await api.post("/v2/teams", json=_new_team(emulator.seed.contract_id, name="t")), 201
    )["id"]
    error_of(await developer_api.delete(f"/v2/teams/{team_id}"), 403)
    assert team_id in emulator.platform.teams
