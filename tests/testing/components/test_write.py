"""Components, write side: create, update, delete, versions, env, docker pull."""

from __future__ import annotations

from typing import Any

import httpx

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of


def create_body(team_id: str, **attributes: Any) -> dict[str, Any]:
    return {
        "data": {
            "type": "component",
            "attributes": {"name": "mycomponent", **attributes},
            "relationships": {"team": {"data": {"type": "team", "id": team_id}}},
        }
    }


async def test_create_answers_201(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Creating a repository answers 201 with a team-access component and no builds."""
    body = create_body(emulator.seed.team_id, docker_repo_name="dockername")
    created = data_of(await api.post("/v2/components", json=body), 201)
    assert created["attributes"] == {
        "name": "mycomponent",
        "team_name": "acme-dev",
        "access": "team",
        "docker_repo_name": "dockername",
    }
    assert list(created["relationships"]) == ["versions"]
    assert data_of(await api.get(f"/v2/components/{created['id']}"))["id"] == created["id"]


async def test_create_needs_a_name(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A missing name is 400."""
    body = create_body(emulator.seed.team_id)
    del body["data"]["attributes"]["name"]
    assert "name" in error_of(await api.post("/v2/components", json=body), 400)["detail"]


async def test_create_needs_a_team(api: httpx.AsyncClient) -> None:
    """A missing team relationship is 400."""
    body = {"data": {"type": "component", "attributes": {"name": "x"}}}
    assert "team" in error_of(await api.post("/v2/components", json=body), 400)["detail"]


async def test_create_with_wrong_type_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A resource of another type is 409, as JSON:API prescribes."""
    body = create_body(emulator.seed.team_id)
    body["data"]["type"] = "flow"
    error_of(await api.post("/v2/components", json=body), 409)


async def test_create_taken_name_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A name the team already uses is 409."""
    body = create_body(emulator.seed.team_id, name="petstore")
    error_of(await api.post("/v2/components", json=body), 409)


async def test_create_in_a_team_you_are_not_in_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Only team members create repositories in it."""
    error_of(await guest_api.post("/v2/components", json=create_body(emulator.seed.team_id)), 403)


async def test_create_in_unknown_team_is_404(api: httpx.AsyncClient) -> None:
    """An unknown team is 404."""
    error_of(await api.post("/v2/components", json=create_body("0" * 24)), 404)


async def test_update_raises_access_and_sets_whitelist(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A tenant admin raises access to tenant and sets the whitelist; 200."""
    seed = emulator.seed
    component_id = seed.component_ids["petstore"]
    body = {
        "data": {
            "type": "component",
            "attributes": {"access": "tenant", "whitelisted_contract_ids": [seed.contract_id]},
        }
    }
    updated = data_of(await api.patch(f"/v2/components/{component_id}", json=body))
    assert updated["attributes"]["access"] == "tenant"
    assert updated["attributes"]["whitelisted_contract_ids"] == [seed.contract_id]


async def test_update_cannot_lower_access(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Access goes only from team to tenant; anything else is 400."""
    component_id = emulator.seed.component_ids["timer"]
    body = {"data": {"type": "component", "attributes": {"access": "team"}}}
    error_of(await api.patch(f"/v2/components/{component_id}", json=body), 400)


async def test_update_is_for_tenant_admins(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A user without the tenant-admin role gets 403."""
    component_id = emulator.seed.component_ids["petstore"]
    body = {"data": {"type": "component", "attributes": {"access": "tenant"}}}
    error_of(await guest_api.patch(f"/v2/components/{component_id}", json=body), 403)


async def test_delete_component_in_use_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A component some flow's graph uses cannot be deleted."""
    component_id = emulator.seed.component_ids["petstore"]
    error_of(await api.delete(f"/v2/components/{component_id}"), 409)


async def test_delete_unused_component(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """An unused component is deleted: 204 with no body, then 404."""
    component = emulator.platform.components.create(team_id=emulator.seed.team_id, name="unused")
    response = await api.delete(f"/v2/components/{component.id}")
    assert response.status_code == 204
    assert response.content == b""
    error_of(await api.get(f"/v2/components/{component.id}"), 404)


async def test_delete_needs_team_membership(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Deleting someone else's component is 403."""
    component_id = emulator.seed.component_ids["timer"]
    error_of(await guest_api.delete(f"/v2/components/{component_id}"), 403)


async def test_delete_version_in_use_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The latest build, used by flows that pin no version, cannot be deleted."""
    component_id = emulator.seed.component_ids["petstore"]
    error_of(await api.delete(f"/v2/components/{component_id}/versions/latest"), 409)


async def test_delete_unused_version(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """An older build no flow pins is deleted: 204, and the list shrinks."""
    component_id = emulator.seed.component_ids["petstore"]
    versions = data_of(await api.get(f"/v2/components/{component_id}/versions"))
    oldest = versions[0]["id"]
    response = await api.delete(f"/v2/components/{component_id}/versions/{oldest}")
    assert response.status_code == 204
    remaining = data_of(await api.get(f"/v2/components/{component_id}/versions"))
    assert [v["id"] for v in remaining] == [versions[1]["id"]]


async def test_delete_unknown_version_is_404(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """An unknown revision is 404."""
    component_id = emulator.seed.component_ids["petstore"]
    error_of(await api.delete(f"/v2/components/{component_id}/versions/{'1' * 40}"), 404)


async def test_get_env(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The env is a ``component-env`` resource with ``vars``."""
    component_id = emulator.seed.component_ids["petstore"]
    env = data_of(await api.get(f"/v2/components/{component_id}/env"))
    assert env == {
        "id": component_id,
        "type": "component-env",
        "links": {"self": f"/v2/component-envs/{component_id}"},
        "attributes": {"vars": {"PETSTORE_URL": "https://petstore.example.com/v2"}},
    }


async def test_put_env_replaces_all_vars(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """PUT replaces the variables; a later GET shows the new set."""
    url = f"/v2/components/{emulator.seed.component_ids['petstore']}/env"
    body = {"data": {"type": "component-env", "attributes": {"vars": {"MY_ENV_VAR": "v"}}}}
    assert data_of(await api.put(url, json=body))["attributes"] == {"vars": {"MY_ENV_VAR": "v"}}
    assert data_of(await api.get(url))["attributes"] == {"vars": {"MY_ENV_VAR": "v"}}


async def test_put_env_needs_vars(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``attributes.vars`` is required."""
    url = f"/v2/components/{emulator.seed.component_ids['petstore']}/env"
    body = {"data": {"type": "component-env", "attributes": {}}}
    error_of(await api.put(url, json=body), 400)


async def test_docker_pull_answers_200_with_empty_body(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A docker pull answers 200, ``application/json`` and no body, as documented."""
    url = f"/v2/components/{emulator.seed.component_ids['petstore']}/docker-pull/latest"
    response = await api.post(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == b""


async def test_docker_pull_without_version_means_latest(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The version segment may be left out."""
    url = f"/v2/components/{emulator.seed.component_ids['petstore']}/docker-pull"
    assert (await api.post(url)).status_code == 200


async def test_docker_pull_unknown_version_is_404(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An unknown revision is 404."""
    url = f"/v2/components/{emulator.seed.component_ids['petstore']}/docker-pull/{'2' * 40}"
    error_of(await api.post(url), 404)
