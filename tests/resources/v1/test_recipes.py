"""``client.v1.recipes``: each endpoint's request and decoded result. v1's recipe
endpoints have no docs examples (they left the docs in 2015): the answers here are the
emulator's shape."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, DecodeError, NotFoundError, V1Recipe, V1RecipeActivation
from tests._support.wire import body

RECIPE = {
    "id": "r1",
    "visibility": "workspace",
    "workspace_id": "w1",
    "info": {"title": "Pets by email"},
    "flow_templates": [{"title": "Pets", "graph": {"nodes": []}}],
    "rating": 5,
}


async def test_list_decodes_plain_recipes(client: AsyncClient, router: respx.MockRouter) -> None:
    """list() is GET /v1/recipes/ (the Node client's trailing slash); unknown members go
    to extra."""
    route = router.get("/v1/recipes/").respond(200, json=[RECIPE])
    (recipe,) = await client.v1.recipes.list()
    assert route.calls.last.request.url.path == "/v1/recipes/"
    assert isinstance(recipe, V1Recipe)
    assert (recipe.id, recipe.title, recipe.workspace_id) == ("r1", "Pets by email", "w1")
    assert recipe.extra == {"rating": 5}


async def test_get(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get("/v1/recipes/r1").respond(200, json=RECIPE)
    assert (await client.v1.recipes.get("r1")).visibility == "workspace"


async def test_a_template_list_of_the_wrong_type_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get("/v1/recipes/r1").respond(200, json={**RECIPE, "flow_templates": "x"})
    with pytest.raises(DecodeError) as caught:
        await client.v1.recipes.get("r1")
    assert caught.value.pointer == "/flow_templates"


async def test_activate_sends_only_what_is_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    answer = {"id": "f1", "task_ids": ["f1"], "recipe_deployment_id": "d1"}
    route = router.post("/v1/recipes/r1").respond(200, json=answer)
    activation = await client.v1.recipes.activate("r1", credentials={"step_1": "c1"})
    assert body(route.calls.last.request) == {"credentials": {"step_1": "c1"}}
    assert activation == V1RecipeActivation(id="f1", task_ids=("f1",), recipe_deployment_id="d1")
    await client.v1.recipes.activate("r1", workspace_id="w1", variables={"a": 1})
    assert body(route.calls.last.request) == {"workspace_id": "w1", "variables": {"a": 1}}


async def test_a_v1_error_keeps_its_message(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get("/v1/recipes/nope").respond(404, json={"message": "no such recipe"})
    with pytest.raises(NotFoundError, match="no such recipe"):
        await client.v1.recipes.get("nope")
