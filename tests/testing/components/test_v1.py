"""Repos and components in API v1: a repo is a v2 component, a v1 component its latest
descriptor, a repo's environment the component's; each change made through one API is
seen through the other."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, json_of, ref, v1_error_of


async def test_repos_are_the_callers_teams_components(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    seed = emulator.seed
    assert json_of(await api.get("/v1/repos/")) == [
        {
            "id": seed.component_ids["petstore"],
            "name": "petstore",
            "team_id": seed.team_id,
            "is_public": False,
        }
    ]
    assert json_of(await guest_api.get("/v1/repos/")) == []


async def test_get_reads_a_repo_the_caller_may_see(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    timer = json_of(await api.get(f"/v1/repos/{emulator.seed.component_ids['timer']}"))
    assert (timer["name"], timer["is_public"]) == ("timer", True)
    v1_error_of(await api.get("/v1/repos/nope"), 404)


async def test_create_answers_201_and_v2_sees_the_component(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    team_id = emulator.seed.team_id
    created = json_of(await api.post("/v1/repos/", json={"name": "shop", "team_id": team_id}), 201)
    assert created == {"id": created["id"], "name": "shop", "team_id": team_id, "is_public": False}
    shown = data_of(await api.get(f"/v2/components/{created['id']}"))
    assert (shown["attributes"]["name"], shown["attributes"]["team_name"]) == ("shop", "acme-dev")


async def test_create_without_a_team_uses_the_callers_first(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """No team_id: the caller's first team; a caller in no team gets a 400."""
    created = json_of(await api.post("/v1/repos/", json={"name": "solo"}), 201)
    assert created["team_id"] == emulator.seed.team_id
    assert "team_id" in v1_error_of(await guest_api.post("/v1/repos/", json={"name": "x"}), 400)


async def test_create_refuses_a_taken_name_and_a_foreign_team(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    team_id = emulator.seed.team_id
    v1_error_of(await api.post("/v1/repos/", json={"name": "petstore", "team_id": team_id}), 409)
    v1_error_of(await guest_api.post("/v1/repos/", json={"name": "g", "team_id": team_id}), 403)
    assert "name" in v1_error_of(await api.post("/v1/repos/", json={"team_id": team_id}), 400)


async def test_a_v2_component_is_a_repo(api: httpx.AsyncClient, emulator: Emulator) -> None:
    body = {
        "data": {
            "type": "component",
            "attributes": {"name": "from-v2"},
            "relationships": {"team": ref("team", emulator.seed.team_id)},
        }
    }
    created = data_of(await api.post("/v2/components", json=body), 201)
    assert created["id"] in [r["id"] for r in json_of(await api.get("/v1/repos/"))]


async def test_delete_answers_an_empty_object_and_v2_loses_it(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    created = json_of(await api.post("/v1/repos/", json={"name": "tmp"}), 201)
    assert json_of(await api.delete(f"/v1/repos/{created['id']}")) == {}
    assert created["id"] not in emulator.platform.components
    assert (await api.get(f"/v2/components/{created['id']}")).status_code == 404


async def test_delete_refuses_a_repo_in_use_or_of_another_team(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """petstore is used by seeded flows (409); the timer is not the owner's team's (403)."""
    seed = emulator.seed
    v1_error_of(await api.delete(f"/v1/repos/{seed.component_ids['petstore']}"), 409)
    v1_error_of(await api.delete(f"/v1/repos/{seed.component_ids['timer']}"), 403)
    v1_error_of(await guest_api.delete(f"/v1/repos/{seed.component_ids['petstore']}"), 403)


async def test_env_is_the_components_env(api: httpx.AsyncClient, emulator: Emulator) -> None:
    petstore = emulator.seed.component_ids["petstore"]
    env = {"PETSTORE_URL": "https://petstore.example.com/v2"}
    assert json_of(await api.get(f"/v1/repos/{petstore}/env/")) == env
    assert json_of(await api.get(f"/v1/repos/{petstore}/env")) == env


async def test_set_env_merges_and_null_removes_and_v2_sees_it(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    petstore = emulator.seed.component_ids["petstore"]
    changes = {"PETSTORE_URL": None, "MODE": "demo"}
    assert json_of(await api.put(f"/v1/repos/{petstore}/env/", json=changes)) == {"MODE": "demo"}
    kept = json_of(await api.put(f"/v1/repos/{petstore}/env/", json={"LEVEL": "1"}))
    assert kept == {"MODE": "demo", "LEVEL": "1"}
    shown = data_of(await api.get(f"/v2/components/{petstore}/env"))
    assert shown["attributes"]["vars"] == {"MODE": "demo", "LEVEL": "1"}


async def test_a_v2_env_shows_in_v1(api: httpx.AsyncClient, emulator: Emulator) -> None:
    petstore = emulator.seed.component_ids["petstore"]
    body = {"data": {"type": "component-env", "attributes": {"vars": {"ONLY": "this"}}}}
    data_of(await api.put(f"/v2/components/{petstore}/env", json=body))
    assert json_of(await api.get(f"/v1/repos/{petstore}/env/")) == {"ONLY": "this"}


async def test_env_is_for_the_team_only_and_values_are_strings(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    petstore = emulator.seed.component_ids["petstore"]
    v1_error_of(await guest_api.get(f"/v1/repos/{petstore}/env/"), 403)
    assert "N" in v1_error_of(await api.put(f"/v1/repos/{petstore}/env/", json={"N": 1}), 400)
    v1_error_of(await api.put(f"/v1/repos/{petstore}/env/", json=["x"]), 400)


async def test_mine_lists_the_teams_latest_descriptors(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    petstore = emulator.platform.components[emulator.seed.component_ids["petstore"]]
    assert petstore.latest is not None
    assert json_of(await api.get("/v1/components/mine")) == {
        "components": [{"data": petstore.latest.descriptor, "repo_id": petstore.id}]
    }


async def test_public_lists_the_shared_components(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    listed = json_of(await api.get("/v1/components/public"))["components"]
    ids = emulator.seed.component_ids
    assert [c["repo_id"] for c in listed] == [ids[n] for n in ("timer", "webhook", "code", "email")]
    assert listed[0]["data"]["sailor_version"] == "2.6.3"


async def test_a_new_v2_build_shows_as_the_v1_descriptor(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A repo made through v1 has no build (left out of mine, 404 alone) until one lands."""
    created = json_of(await api.post("/v1/repos/", json={"name": "built"}), 201)
    assert created["id"] not in [
        c["repo_id"] for c in json_of(await api.get("/v1/components/mine"))["components"]
    ]
    v1_error_of(await api.get(f"/v1/components/{created['id']}"), 404)
    emulator.platform.components.add_version(created["id"], descriptor={"title": "Built"})
    one = json_of(await api.get(f"/v1/components/{created['id']}"))
    assert one == {
        "repo_id": created["id"],
        "data": {"title": "Built"},
        "name": "built",
        "team": "acme-dev",
    }


async def test_get_refuses_a_component_of_another_contract(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    other = emulator.platform.contracts.create(name="Other")
    team = emulator.platform.add_team(name="others", contract_id=other.id)
    foreign = emulator.platform.components.create(team_id=team.id, name="foreign")
    emulator.platform.components.add_version(foreign.id)
    v1_error_of(await api.get(f"/v1/components/{foreign.id}"), 403)


async def test_a_fault_rule_naming_the_entry_applies(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    emulator.faults.fail(500, route="v1.repos.env", times=1)
    emulator.faults.fail(500, route="v1.components.mine", times=1)
    petstore = emulator.seed.component_ids["petstore"]
    v1_error_of(await api.get(f"/v1/repos/{petstore}/env/"), 500)
    v1_error_of(await api.get("/v1/components/mine"), 500)
    assert json_of(await api.get(f"/v1/repos/{petstore}/env/"))
