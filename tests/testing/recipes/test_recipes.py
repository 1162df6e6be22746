"""Recipes over plain HTTP: create (the docs' example), get, list (paging, search,
include), update, visibility, delete; reach and permissions."""

from __future__ import annotations

from typing import Any

import httpx

from elasticio.testing import Emulator
from tests._support.docs import examples_of
from tests._support.emulator_http import data_of, error_of, http_client, ref

INFO = {"title": "Tick", "description": "Ticks.", "short_description": "Ticks"}
TICK = {
    "title": "Tick",
    "graph": {"nodes": [{"id": "step_1", "command": "elasticio/timer:timer"}], "edges": []},
}


def docs_of(emulator: Emulator, recipe_id: str = "{RECIPE_ID}") -> Any:
    seed = emulator.seed
    return examples_of(
        "recipes",
        {
            "{WORKSPACE_ID}": seed.workspace_id,
            "{RECIPE_ID}": recipe_id,
            "{USER_ID}": seed.owner.id,
            "{CONTRACT_ID}": seed.contract_id,
        },
    )


def new_recipe(workspace_id: str, **attributes: Any) -> dict[str, Any]:
    return {
        "data": {
            "type": "recipe",
            "attributes": {"info": INFO, "flow_templates": [TICK], **attributes},
            "relationships": {"workspace": ref("workspace", workspace_id)},
        }
    }


def member_api(emulator: Emulator) -> httpx.AsyncClient:
    member = emulator.seed.member
    return http_client(emulator, (member.email, member.api_key))


async def test_create_answers_the_docs_example(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' create request is answered 201 with the docs' response, with our id."""
    docs = docs_of(emulator)
    response = await api.post("/v2/recipes", json=docs("create_request"))
    created = data_of(response, 201)
    expected = docs_of(emulator, created["id"])("create")["data"]
    assert created == expected
    assert list(created)[:3] == ["id", "type", "visibility"]
    stored = emulator.platform.recipes[created["id"]]
    assert (stored.visibility, stored.info["author"]) == ("workspace", "John Doe")


async def test_get_and_list_match_the_docs_shape(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """get and list show the same resource, with the docs' members; list pages by 50."""
    seed = emulator.seed
    got = data_of(await api.get(f"/v2/recipes/{seed.recipe_id}"))
    example = docs_of(emulator, seed.recipe_id)("get")["data"]
    assert sorted(got) == sorted(example)
    assert got["links"] == example["links"]
    assert got["relationships"] == example["relationships"]
    response = await api.get("/v2/recipes", params={"workspace_id": seed.workspace_id})
    assert data_of(response) == [got]
    assert response.json()["meta"] == {"page": 1, "per_page": 50, "total": 1, "total_pages": 1}


async def test_list_pages_and_searches(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """page[size] and page[number] page; search matches the title in any case."""
    workspace_id = emulator.seed.workspace_id
    for title in ("Alpha", "Beta"):
        data_of(
            await api.post(
                "/v2/recipes", json=new_recipe(workspace_id, info={**INFO, "title": title})
            ),
            201,
        )
    params = {"workspace_id": workspace_id, "page[size]": "2", "page[number]": "2"}
    response = await api.get("/v2/recipes", params=params)
    assert [r["attributes"]["info"]["title"] for r in data_of(response)] == ["Beta"]
    assert response.json()["meta"]["total_pages"] == 2
    found = data_of(
        await api.get("/v2/recipes", params={"workspace_id": workspace_id, "search": "ALP"})
    )
    assert [r["attributes"]["info"]["title"] for r in found] == ["Alpha"]


async def test_list_needs_a_workspace(api: httpx.AsyncClient) -> None:
    error_of(await api.get("/v2/recipes"), 400)


async def test_list_shows_recipes_shared_with_the_contract(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A recipe of Production shared with the contract is listed in Sandbox too."""
    seed = emulator.seed
    sandbox = {"workspace_id": seed.private_workspace_id}
    assert data_of(await api.get("/v2/recipes", params=sandbox)) == []
    body = {"data": {"visibility": "contract"}}
    shared = data_of(await api.patch(f"/v2/recipes/{seed.recipe_id}/visibility", json=body))
    assert shared["visibility"] == "contract"
    assert [r["id"] for r in data_of(await api.get("/v2/recipes", params=sandbox))] == [
        seed.recipe_id
    ]


async def test_include_deployments(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """include=recipe-deployments links each recipe to its deployments, in included."""
    seed = emulator.seed
    activation = {
        "data": {
            "type": "recipe-activation-config",
            "attributes": {"credentials": {}, "variables": {}},
            "relationships": {"workspace": ref("workspace", seed.workspace_id)},
        }
    }
    answer = await api.post(f"/v2/recipes/{seed.recipe_id}/activate", json=activation)
    deployment_id = answer.json()["data"]["relationships"]["recipe_deployment"]["data"]["id"]
    params = {"workspace_id": seed.workspace_id, "include": "recipe-deployments"}
    response = await api.get("/v2/recipes", params=params)
    (recipe,) = data_of(response)
    assert recipe["relationships"]["recipe-deployments"]["data"] == [
        {"id": deployment_id, "type": "recipe-deployment"}
    ]
    (included,) = response.json()["included"]
    assert (included["type"], included["id"]) == ("recipe-deployment", deployment_id)
    error_of(await api.get("/v2/recipes", params={**params, "include": "flows"}), 400)


async def test_update_answers_the_docs_example(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' update request (commands of components the seed lacks are fine: they are
    checked on activation) replaces the templates and merges the info."""
    seed = emulator.seed
    request = docs_of(emulator, seed.recipe_id)("update_request")
    updated = data_of(await api.patch(f"/v2/recipes/{seed.recipe_id}", json=request))
    attributes = request["data"]["attributes"]
    assert updated["attributes"]["flow_templates"] == attributes["flow_templates"]
    assert updated["attributes"]["info"] == attributes["info"]
    assert emulator.platform.recipes[seed.recipe_id].info["title"] == "My simple recipe"


async def test_update_checks_the_templates(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A template without a graph is a 400 pointing at it; another id is a 409."""
    recipe_id = emulator.seed.recipe_id
    body = {
        "data": {
            "type": "recipe",
            "id": recipe_id,
            "attributes": {"flow_templates": [{"title": "x"}]},
        }
    }
    error = error_of(await api.patch(f"/v2/recipes/{recipe_id}", json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/flow_templates/0/graph"}
    body["data"]["id"] = "other"
    error_of(await api.patch(f"/v2/recipes/{recipe_id}", json=body), 409)


async def test_create_checks_the_info(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """info needs a short description; a blank author is refused."""
    workspace_id = emulator.seed.workspace_id
    body = new_recipe(workspace_id, info={"title": "t", "description": "d"})
    error = error_of(await api.post("/v2/recipes", json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/info/short_description"}
    body = new_recipe(workspace_id, info={**INFO, "author": " "})
    error_of(await api.post("/v2/recipes", json=body), 400)
    body = new_recipe(workspace_id, declarations={"variables": [{"title": "no id"}]})
    error_of(await api.post("/v2/recipes", json=body), 400)


async def test_visibility_answers_the_docs_example(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The docs' visibility request shares the recipe with the contract."""
    seed = emulator.seed
    request = docs_of(emulator)("visibility_request")
    shared = data_of(await api.patch(f"/v2/recipes/{seed.recipe_id}/visibility", json=request))
    assert shared["visibility"] == "contract"
    bad = {"data": {"visibility": "private"}}
    error = error_of(await api.patch(f"/v2/recipes/{seed.recipe_id}/visibility", json=bad), 400)
    assert error["source"] == {"pointer": "/data/visibility"}
    error_of(await api.patch(f"/v2/recipes/{seed.recipe_id}/visibility", json=[]), 400)


async def test_tenant_visibility_needs_its_permission(emulator: Emulator) -> None:
    """The contract owner (no tenant admin) may share with the contract, not the tenant;
    shared with the tenant, the outsider sees it."""
    seed = emulator.seed
    platform = emulator.platform
    platform.workspaces.add_member(seed.workspace_id, seed.contract_owner.id, ["owner"])
    owner = seed.contract_owner
    path = f"/v2/recipes/{seed.recipe_id}/visibility"
    async with http_client(emulator, (owner.email, owner.api_key)) as carla:
        data_of(await carla.patch(path, json={"data": {"visibility": "contract"}}))
        error_of(await carla.patch(path, json={"data": {"visibility": "tenant"}}), 403)
        error_of(await carla.patch(path, json={"data": {"visibility": "global"}}), 403)
    outsider = seed.outsider
    async with http_client(emulator, (outsider.email, outsider.api_key)) as oscar:
        error_of(await oscar.get(f"/v2/recipes/{seed.recipe_id}"), 404)
        platform.recipes[seed.recipe_id].visibility = "tenant"
        assert data_of(await oscar.get(f"/v2/recipes/{seed.recipe_id}"))["id"] == seed.recipe_id


async def test_member_reads_but_may_not_write(emulator: Emulator) -> None:
    """A guest of the workspace reads its recipe; changing or deleting it is a 403."""
    recipe_id = emulator.seed.recipe_id
    async with member_api(emulator) as mia:
        assert data_of(await mia.get(f"/v2/recipes/{recipe_id}"))["id"] == recipe_id
        body = {"data": {"type": "recipe", "id": recipe_id, "attributes": {"info": {"title": "x"}}}}
        error_of(await mia.patch(f"/v2/recipes/{recipe_id}", json=body), 403)
        error_of(await mia.delete(f"/v2/recipes/{recipe_id}"), 403)
    assert recipe_id in emulator.platform.recipes


async def test_delete_only_unshared(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A shared recipe is a 409 to delete; unshared, 204 and gone."""
    recipe_id = emulator.seed.recipe_id
    emulator.platform.recipes[recipe_id].visibility = "global"
    error = error_of(await api.delete(f"/v2/recipes/{recipe_id}"), 409)
    assert "global" in error["detail"]
    emulator.platform.recipes[recipe_id].visibility = "workspace"
    response = await api.delete(f"/v2/recipes/{recipe_id}")
    assert response.status_code == 204
    error_of(await api.get(f"/v2/recipes/{recipe_id}"), 404)


async def test_deleting_the_workspace_deletes_its_recipes(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A workspace's recipes go with it."""
    seed = emulator.seed
    created = data_of(
        await api.post("/v2/recipes", json=new_recipe(seed.private_workspace_id)), 201
    )
    assert (await api.delete(f"/v2/workspaces/{seed.private_workspace_id}")).status_code == 204
    assert created["id"] not in emulator.platform.recipes


async def test_export_answers_like_the_docs(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' export request (dest_workspace) makes a recipe of the flow there."""
    seed = emulator.seed
    request = docs_of(emulator)("export_request")
    request["data"]["relationships"]["dest_workspace"]["data"]["id"] = seed.private_workspace_id
    created = data_of(
        await api.post(f"/v2/flows/{seed.flow_id}/export-to-recipe", json=request), 201
    )
    flow = emulator.platform.flows[seed.flow_id]
    example = docs_of(emulator, created["id"])("export")["data"]
    assert sorted(created) == sorted(example)
    assert created["relationships"]["workspace"]["data"]["id"] == seed.private_workspace_id
    (template,) = created["attributes"]["flow_templates"]
    assert template["title"] == flow.name
    assert [node["id"] for node in template["graph"]["nodes"]] == flow.step_ids


async def test_export_by_body_needs_the_flow(api: httpx.AsyncClient) -> None:
    body = {"data": {"type": "flow-export-to-recipe-config"}}
    error = error_of(await api.post("/v2/flows/export-to-recipe", json=body), 400)
    assert error["source"] == {"pointer": "/data/relationships/flow"}


async def test_export_needs_the_permission(emulator: Emulator) -> None:
    """The workspace's guest may not export its flows."""
    async with member_api(emulator) as mia:
        body = {"data": {"type": "flow-export-to-recipe-config"}}
        path = f"/v2/flows/{emulator.seed.flow_id}/export-to-recipe"
        error_of(await mia.post(path, json=body), 403)


async def test_a_suspended_contract_refuses_recipe_writes(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """While the contract is suspended, creating, changing and activating its recipes are
    409s; reading them is not."""
    seed = emulator.seed
    assert (await api.post(f"/v2/contracts/{seed.contract_id}/suspend")).status_code == 202
    error_of(await api.post("/v2/recipes", json=new_recipe(seed.workspace_id)), 409)
    body = {"data": {"visibility": "contract"}}
    error_of(await api.patch(f"/v2/recipes/{seed.recipe_id}/visibility", json=body), 409)
    error_of(await api.delete(f"/v2/recipes/{seed.recipe_id}"), 409)
    assert data_of(await api.get(f"/v2/recipes/{seed.recipe_id}"))["visibility"] == "workspace"
