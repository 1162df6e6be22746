"""Recipes in API v1 over plain HTTP: list, get, activate; v1 errors; v1 and v2 agree."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.emulator_http import http_client, json_of, v1_error_of


async def test_list_and_get(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """v1 shows the seeded recipe as plain JSON, the same in the list and alone."""
    seed = emulator.seed
    (listed,) = json_of(await api.get("/v1/recipes/"))
    assert listed == json_of(await api.get(f"/v1/recipes/{seed.recipe_id}"))
    stored = emulator.platform.recipes[seed.recipe_id]
    assert listed == {
        "id": seed.recipe_id,
        "visibility": "workspace",
        "workspace_id": seed.workspace_id,
        "contract_id": seed.contract_id,
        "user_id": seed.owner.id,
        "info": stored.info,
        "declarations": stored.declarations,
        "flow_templates": stored.flow_templates,
    }


async def test_a_v2_change_shows_in_v1(api: httpx.AsyncClient, emulator: Emulator) -> None:
    seed = emulator.seed
    body = {"data": {"visibility": "contract"}}
    assert (await api.patch(f"/v2/recipes/{seed.recipe_id}/visibility", json=body)).is_success
    assert json_of(await api.get(f"/v1/recipes/{seed.recipe_id}"))["visibility"] == "contract"


async def test_activate_makes_a_v2_flow(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """An empty body activates in the recipe's workspace; v2 shows the task as a flow in
    a deployment (409 to patch)."""
    seed = emulator.seed
    answer = json_of(
        await api.post(
            f"/v1/recipes/{seed.recipe_id}",
            content=b"",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    )
    assert answer["task_ids"] == [answer["id"]]
    flow = emulator.platform.flows[answer["id"]]
    assert flow.workspace_id == seed.workspace_id
    deployment = emulator.platform.recipe_deployments[answer["recipe_deployment_id"]]
    assert deployment.flow_ids == [flow.id]
    assert (await api.delete(f"/v2/flows/{flow.id}")).status_code == 409


async def test_activate_in_a_named_workspace(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """workspace_id names where; the recipe must be available there (404 otherwise)."""
    seed = emulator.seed
    path = f"/v1/recipes/{seed.recipe_id}"
    message = v1_error_of(
        await api.post(path, json={"workspace_id": seed.private_workspace_id}), 404
    )
    assert "recipe" in message
    emulator.platform.recipes[seed.recipe_id].visibility = "contract"
    answer = json_of(await api.post(path, json={"workspace_id": seed.private_workspace_id}))
    assert emulator.platform.flows[answer["id"]].workspace_id == seed.private_workspace_id
    v1_error_of(await api.post(path, json={"workspace_id": 7}), 400)


async def test_activate_needs_a_workspace_to_create_in(emulator: Emulator) -> None:
    """The workspace's guest (who reads the recipe) may create flows nowhere it is: 403."""
    member = emulator.seed.member
    async with http_client(emulator, (member.email, member.api_key)) as mia:
        path = f"/v1/recipes/{emulator.seed.recipe_id}"
        assert json_of(await mia.get(path))["id"] == emulator.seed.recipe_id
        v1_error_of(await mia.post(path, json={}), 403)


async def test_unknown_and_unreachable_are_v1_404s(emulator: Emulator) -> None:
    outsider = emulator.seed.outsider
    async with http_client(emulator, (outsider.email, outsider.api_key)) as oscar:
        assert json_of(await oscar.get("/v1/recipes/")) == []
        v1_error_of(await oscar.get(f"/v1/recipes/{emulator.seed.recipe_id}"), 404)


async def test_a_fault_rule_names_the_v1_entry(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A fault rule for v1.recipes.list answers that route in v1's error form."""
    emulator.faults.fail(503, route="v1.recipes.list", times=1)
    v1_error_of(await api.get("/v1/recipes/"), 503)
    assert json_of(await api.get("/v1/recipes/")) != []
