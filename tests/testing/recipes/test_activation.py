"""Recipe activation over plain HTTP (the docs' answer), the flows it makes, and the
deployments: sync, delete, and the 409 on their flows."""

from __future__ import annotations

from typing import Any

import httpx

from elasticio.testing import Emulator
from tests._support.docs import examples_of
from tests._support.emulator_http import data_of, error_of, http_client, ref


def activation(workspace_id: str, credentials: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "data": {
            "type": "recipe-activation-config",
            "attributes": {"credentials": credentials or {}, "variables": {"email": "a@b.c"}},
            "relationships": {"workspace": ref("workspace", workspace_id)},
        }
    }


async def activate(api: httpx.AsyncClient, emulator: Emulator, **kw: Any) -> dict[str, Any]:
    seed = emulator.seed
    response = await api.post(
        f"/v2/recipes/{seed.recipe_id}/activate", json=activation(seed.workspace_id, **kw)
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_activation_answers_as_the_docs(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """201 with the flows under data.relationships.flows, as the docs' example; the flow
    is in the flows list, inactive, named after the template, with the credential."""
    seed = emulator.seed
    credential_id = seed.credential_ids["petstore"]
    body = await activate(api, emulator, credentials={"step_1": credential_id})
    (flow_ref,) = body["data"]["relationships"]["flows"]
    example = examples_of("recipes", {})("activate")["data"]["relationships"]["flows"][0]
    assert sorted(flow_ref) == sorted(example)
    assert sorted(flow_ref["data"]) == ["id", "type"]
    flow_id = flow_ref["data"]["id"]
    params = {"workspace_id": seed.workspace_id, "search": "pets by email"}
    listed = data_of(await api.get("/v2/flows", params=params))
    assert [f["id"] for f in listed] == [flow_id]
    flow = listed[0]["attributes"]
    assert (flow["status"], flow["cron"]) == ("inactive", "0 * * * *")
    assert flow["graph"]["nodes"][0]["credentials_id"] == credential_id
    assert flow["graph"]["nodes"][0]["component_id"] == seed.component_ids["petstore"]


async def test_the_docs_request_is_read(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' activation request, with its step's credential, activates the seed."""
    seed = emulator.seed
    request = examples_of(
        "recipes",
        {"{WORKSPACE_ID}": seed.workspace_id, "{CREDENTIAL_ID}": seed.credential_ids["petstore"]},
    )("activate_request")
    response = await api.post(f"/v2/recipes/{seed.recipe_id}/activate", json=request)
    assert response.status_code == 201, response.text


async def test_activation_checks_the_body(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Missing variables, a foreign credential, an unknown step, a wrong type: 400s in
    JSON:API form, and no flow is made."""
    seed = emulator.seed
    path = f"/v2/recipes/{seed.recipe_id}/activate"
    before = len(emulator.platform.flows)
    body = activation(seed.workspace_id)
    del body["data"]["attributes"]["variables"]
    error = error_of(await api.post(path, json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/variables"}
    body = activation(seed.workspace_id, {"step_1": seed.private_credential_id})
    error = error_of(await api.post(path, json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/credentials/step_1"}
    body = activation(seed.workspace_id, {"step_9": seed.credential_ids["petstore"]})
    error_of(await api.post(path, json=body), 400)
    error_of(await api.post(path, json=[]), 400)
    body = activation(seed.workspace_id)
    body["data"]["type"] = "recipe"
    error_of(await api.post(path, json=body), 409)
    assert len(emulator.platform.flows) == before


async def test_unknown_components_are_a_400(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' recipe names components the emulator lacks: activating it is a 400
    naming the template, and makes nothing."""
    seed = emulator.seed
    docs = examples_of("recipes", {"{WORKSPACE_ID}": seed.workspace_id})
    created = data_of(await api.post("/v2/recipes", json=docs("create_request")), 201)
    body = activation(seed.workspace_id, {"step_1": seed.credential_ids["petstore"]})
    error = error_of(await api.post(f"/v2/recipes/{created['id']}/activate", json=body), 400)
    assert "flow_templates[0]" in error["detail"]
    assert len(emulator.platform.recipe_deployments) == 0


async def test_activation_elsewhere(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Not shared, the recipe cannot be activated in another workspace (404); shared with
    the contract, it can; the guest may not create flows in Sandbox (403)."""
    seed = emulator.seed
    path = f"/v2/recipes/{seed.recipe_id}/activate"
    error_of(await api.post(path, json=activation(seed.private_workspace_id)), 404)
    emulator.platform.recipes[seed.recipe_id].visibility = "contract"
    assert (await api.post(path, json=activation(seed.private_workspace_id))).status_code == 201
    guest = seed.guest
    async with http_client(emulator, (guest.email, guest.api_key)) as gary:
        error_of(await gary.post(path, json=activation(seed.private_workspace_id)), 403)


async def test_deployed_flows_refuse_changes(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A flow of a deployment is a 409 to patch or delete; once the deployment is
    deleted (204), the flow stays and may change."""
    body = await activate(api, emulator)
    flow_id = body["data"]["relationships"]["flows"][0]["data"]["id"]
    deployment_id = body["data"]["relationships"]["recipe_deployment"]["data"]["id"]
    patch = {"data": {"type": "flow", "id": flow_id, "attributes": {"name": "Mine"}}}
    error_of(await api.patch(f"/v2/flows/{flow_id}", json=patch), 409)
    error_of(await api.delete(f"/v2/flows/{flow_id}"), 409)
    assert (await api.delete(f"/v2/recipe-deployments/{deployment_id}")).status_code == 204
    assert data_of(await api.patch(f"/v2/flows/{flow_id}", json=patch))["attributes"]["name"] == (
        "Mine"
    )
    error_of(await api.delete(f"/v2/recipe-deployments/{deployment_id}"), 404)


async def test_sync_applies_the_recipe(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """After the recipe's template changes, a sync gives the flow a new version with it;
    with no templates left, the flow goes."""
    seed = emulator.seed
    body = await activate(api, emulator)
    flow_id = body["data"]["relationships"]["flows"][0]["data"]["id"]
    deployment_id = body["data"]["relationships"]["recipe_deployment"]["data"]["id"]
    recipe = emulator.platform.recipes[seed.recipe_id]
    recipe.flow_templates[0]["title"] = "Renamed"
    synced = data_of(await api.post(f"/v2/recipe-deployments/{deployment_id}/sync"))
    assert synced["type"] == "recipe-deployment"
    assert synced["relationships"]["flows"]["data"] == [{"id": flow_id, "type": "flow"}]
    flow = emulator.platform.flows[flow_id]
    assert (flow.name, len(flow.versions)) == ("Renamed", 2)
    recipe.flow_templates = []
    synced = data_of(await api.post(f"/v2/recipe-deployments/{deployment_id}/sync"))
    assert synced["relationships"]["flows"]["data"] == []
    assert flow_id not in emulator.platform.flows


async def test_deployments_need_the_workspace(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The workspace's guest may not sync or delete its deployments (403)."""
    body = await activate(api, emulator)
    deployment_id = body["data"]["relationships"]["recipe_deployment"]["data"]["id"]
    member = emulator.seed.member
    async with http_client(emulator, (member.email, member.api_key)) as mia:
        error_of(await mia.post(f"/v2/recipe-deployments/{deployment_id}/sync"), 403)
        error_of(await mia.delete(f"/v2/recipe-deployments/{deployment_id}"), 403)
    assert deployment_id in emulator.platform.recipe_deployments


async def test_deleting_a_recipe_unlinks_its_deployments(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    body = await activate(api, emulator)
    flow_id = body["data"]["relationships"]["flows"][0]["data"]["id"]
    assert (await api.delete(f"/v2/recipes/{emulator.seed.recipe_id}")).status_code == 204
    assert len(emulator.platform.recipe_deployments) == 0
    assert (await api.delete(f"/v2/flows/{flow_id}")).status_code == 204


async def test_a_fault_on_activation_is_a_jsonapi_error(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The activation answers plain JSON, but its errors, injected ones too, are JSON:API
    errors like every v2 error."""
    emulator.faults.fail(503, route="recipes.activate", times=1)
    seed = emulator.seed
    path = f"/v2/recipes/{seed.recipe_id}/activate"
    error_of(await api.post(path, json=activation(seed.workspace_id)), 503)
    assert (await api.post(path, json=activation(seed.workspace_id))).status_code == 201
