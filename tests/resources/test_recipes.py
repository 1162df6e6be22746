"""``client.recipes``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

from typing import Any

import pytest
import respx

from elasticio import (
    AsyncClient,
    ConflictError,
    DecodeError,
    Recipe,
    RecipeActivation,
    UsageError,
)
from tests._support.docs import examples_of
from tests._support.wire import body, query

RECIPE_ID = "5c0f8b1e2a3b4c5d6e7f80a1"
WORKSPACE_ID = "573dd76962436c349f000003"
USER_ID = "560e5a27734d480a00000002"
CONTRACT_ID = "5c0f8b1e2a3b4c5d6e7f80a2"
FLOW_ID = "585918da586224001b96de89"
CREDENTIAL_ID = "5c0f8b1e2a3b4c5d6e7f80c1"
DEPLOYMENT_ID = "5c0f8b1e2a3b4c5d6e7f80b1"
RECIPE_PATH = f"/v2/recipes/{RECIPE_ID}"

docs = examples_of(
    "recipes",
    {
        "{RECIPE_ID}": RECIPE_ID,
        "{WORKSPACE_ID}": WORKSPACE_ID,
        "{USER_ID}": USER_ID,
        "{CONTRACT_ID}": CONTRACT_ID,
        "{FLOW_ID}": FLOW_ID,
        "{CREDENTIAL_ID}": CREDENTIAL_ID,
    },
)

INFO = {"title": "T", "description": "D", "short_description": "S"}
TEMPLATE = {"title": "T", "graph": {"nodes": []}}


def one_page() -> Any:
    """The docs' list example as the only page (the example's meta says 16 pages)."""
    page = docs("list")
    page["meta"] = {"page": 1, "per_page": 50, "total": 1, "total_pages": 1}
    return page


def deployment() -> dict[str, Any]:
    return {
        "id": DEPLOYMENT_ID,
        "type": "recipe-deployment",
        "attributes": {
            "credentials": {"step_1": CREDENTIAL_ID},
            "variables": {"email": "a@b.c"},
            "created_at": "2024-01-01T00:00:00.000Z",
        },
        "relationships": {
            "recipe": {"data": {"type": "recipe", "id": RECIPE_ID}},
            "flows": {"data": [{"type": "flow", "id": FLOW_ID}]},
        },
    }


async def test_list_sends_the_workspace_and_decodes_the_docs(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list() is GET /v2/recipes?workspace_id=...; the docs' page gives one recipe with
    its top-level visibility and related ids."""
    route = router.get("/v2/recipes").respond(200, json=one_page())
    (recipe,) = await client.recipes.list(WORKSPACE_ID).collect()
    assert query(route.calls.last.request) == [("workspace_id", WORKSPACE_ID)]
    assert (recipe.id, recipe.visibility, recipe.title) == (RECIPE_ID, "workspace", "My Recipe")
    assert (recipe.workspace_id, recipe.contract_id, recipe.user_id) == (
        WORKSPACE_ID,
        CONTRACT_ID,
        USER_ID,
    )
    assert recipe.declarations["credentials"][0]["id"] == "petstore"
    assert recipe.deployments is None


async def test_list_sends_search_include_and_page_size(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """search, include_deployments and page_size become their query parameters, and the
    included deployments are built."""
    page = one_page()
    page["data"][0]["relationships"]["recipe-deployments"] = {
        "data": [{"type": "recipe-deployment", "id": DEPLOYMENT_ID}]
    }
    page["included"] = [deployment()]
    route = router.get("/v2/recipes").respond(200, json=page)
    (recipe,) = await client.recipes.list(
        WORKSPACE_ID, search="pets", include_deployments=True, page_size=5
    ).collect()
    assert sorted(query(route.calls.last.request)) == [
        ("include", "recipe-deployments"),
        ("page[size]", "5"),
        ("search", "pets"),
        ("workspace_id", WORKSPACE_ID),
    ]
    assert recipe.deployments is not None
    (found,) = recipe.deployments
    assert (found.id, found.flow_ids, found.recipe_id) == (DEPLOYMENT_ID, (FLOW_ID,), RECIPE_ID)
    assert found.credentials == {"step_1": CREDENTIAL_ID}


async def test_get_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get(RECIPE_PATH).respond(200, json=docs("get"))
    recipe = await client.recipes.get(RECIPE_ID)
    assert isinstance(recipe, Recipe)
    assert recipe.flow_templates[0]["title"] == "My first flow template"


async def test_visibility_in_the_attributes_is_read_too(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A platform that moved visibility into the attributes is read the same."""
    example = docs("get")
    example["data"]["attributes"]["visibility"] = example["data"].pop("visibility")
    router.get(RECIPE_PATH).respond(200, json=example)
    recipe = await client.recipes.get(RECIPE_ID)
    assert (recipe.visibility, dict(recipe.extra)) == ("workspace", {})


async def test_a_visibility_that_is_no_string_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    example = docs("get")
    example["data"]["visibility"] = 3
    router.get(RECIPE_PATH).respond(200, json=example)
    with pytest.raises(DecodeError):
        await client.recipes.get(RECIPE_ID)


async def test_create_sends_the_docs_request(client: AsyncClient, router: respx.MockRouter) -> None:
    """create() sends the docs' request document, member for member."""
    request = docs("create_request")
    attributes = request["data"]["attributes"]
    route = router.post("/v2/recipes").respond(201, json=docs("create"))
    recipe = await client.recipes.create(
        WORKSPACE_ID,
        info=attributes["info"],
        flow_templates=attributes["flow_templates"],
        declarations=attributes["declarations"],
    )
    assert body(route.calls.last.request) == {
        "data": {
            "type": "recipe",
            "attributes": {
                "info": attributes["info"],
                "declarations": attributes["declarations"],
                "flow_templates": attributes["flow_templates"],
            },
            "relationships": request["data"]["relationships"],
        }
    }
    assert recipe.id == RECIPE_ID


async def test_create_leaves_out_unset_declarations(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.post("/v2/recipes").respond(201, json=docs("create"))
    await client.recipes.create(WORKSPACE_ID, info=INFO, flow_templates=[TEMPLATE])
    assert "declarations" not in body(route.calls.last.request)["data"]["attributes"]


async def test_export_flow_sends_the_destination_both_ways(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """export_flow() names the destination as the docs' example (dest_workspace) and
    table (workspace) do."""
    path = f"/v2/flows/{FLOW_ID}/export-to-recipe"
    route = router.post(path).respond(201, json=docs("export"))
    await client.recipes.export_flow(FLOW_ID, workspace_id=WORKSPACE_ID)
    sent = body(route.calls.last.request)
    expected = docs("export_request")["data"]
    assert sent["data"]["type"] == expected["type"]
    assert sent["data"]["relationships"] == {
        "workspace": expected["relationships"]["dest_workspace"],
        "dest_workspace": expected["relationships"]["dest_workspace"],
    }


async def test_export_names_the_flow_in_the_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.post("/v2/flows/export-to-recipe").respond(201, json=docs("export"))
    recipe = await client.recipes.export(FLOW_ID)
    assert body(route.calls.last.request) == {
        "data": {
            "type": "flow-export-to-recipe-config",
            "relationships": {"flow": {"data": {"type": "flow", "id": FLOW_ID}}},
        }
    }
    assert recipe.visibility == "workspace"


async def test_update_sends_what_is_given(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.patch(RECIPE_PATH).respond(200, json=docs("update"))
    await client.recipes.update(RECIPE_ID, info={"title": "New"}, flow_templates=[TEMPLATE])
    assert body(route.calls.last.request) == {
        "data": {
            "type": "recipe",
            "id": RECIPE_ID,
            "attributes": {"info": {"title": "New"}, "flow_templates": [TEMPLATE]},
        }
    }


async def test_update_needs_a_change(client: AsyncClient) -> None:
    with pytest.raises(UsageError):
        await client.recipes.update(RECIPE_ID)


async def test_set_visibility_sends_the_docs_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The body is the docs' non-JSON:API {"data": {"visibility": ...}}."""
    route = router.patch(f"{RECIPE_PATH}/visibility").respond(200, json=docs("visibility"))
    recipe = await client.recipes.set_visibility(RECIPE_ID, "contract")
    assert body(route.calls.last.request) == docs("visibility_request")
    assert recipe.visibility == "contract"


async def test_activate_sends_the_docs_request_and_reads_the_flows(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.post(f"{RECIPE_PATH}/activate").respond(
        201, json=docs("activate"), headers={"x-request-id": "r-9"}
    )
    request = docs("activate_request")["data"]
    activation = await client.recipes.activate(
        RECIPE_ID,
        WORKSPACE_ID,
        credentials=request["attributes"]["credentials"],
        variables=request["attributes"]["variables"],
    )
    assert body(route.calls.last.request) == docs("activate_request")
    assert activation == RecipeActivation(flow_ids=(FLOW_ID,))
    assert (activation.deployment_id, activation.request_id) == (None, "r-9")


async def test_activate_reads_the_deployment(client: AsyncClient, router: respx.MockRouter) -> None:
    answer = docs("activate")
    answer["data"]["relationships"]["recipe_deployment"] = {
        "data": {"type": "recipe-deployment", "id": DEPLOYMENT_ID}
    }
    route = router.post(f"{RECIPE_PATH}/activate").respond(201, json=answer)
    activation = await client.recipes.activate(RECIPE_ID, WORKSPACE_ID)
    assert body(route.calls.last.request)["data"]["attributes"] == {
        "credentials": {},
        "variables": {},
    }
    assert activation.deployment_id == DEPLOYMENT_ID


async def test_activate_refuses_another_shape(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.post(f"{RECIPE_PATH}/activate").respond(201, json={"data": {"id": FLOW_ID}})
    with pytest.raises(DecodeError) as caught:
        await client.recipes.activate(RECIPE_ID, WORKSPACE_ID)
    assert caught.value.pointer == "/data/relationships/flows"


async def test_activate_errors_are_typed(client: AsyncClient, router: respx.MockRouter) -> None:
    """A JSON:API error of the activation maps onto the error tree."""
    error = {"errors": [{"status": 409, "title": "Conflict", "detail": "busy"}]}
    router.post(f"{RECIPE_PATH}/activate").respond(409, json=error)
    with pytest.raises(ConflictError, match="busy"):
        await client.recipes.activate(RECIPE_ID, WORKSPACE_ID)


async def test_delete_is_a_delete(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.delete(RECIPE_PATH).respond(204)
    assert await client.recipes.delete(RECIPE_ID) is None
    assert route.called


async def test_deployments(client: AsyncClient, router: respx.MockRouter) -> None:
    """sync_deployment() POSTs .../sync and decodes the deployment; delete_deployment()
    DELETEs it."""
    path = f"/v2/recipe-deployments/{DEPLOYMENT_ID}"
    sync = router.post(f"{path}/sync").respond(200, json={"data": deployment()})
    gone = router.delete(path).respond(204)
    synced = await client.recipes.sync_deployment(DEPLOYMENT_ID)
    assert (synced.id, synced.flow_ids) == (DEPLOYMENT_ID, (FLOW_ID,))
    assert sync.calls.last.request.content == b""
    await client.recipes.delete_deployment(DEPLOYMENT_ID)
    assert gone.called
