"""Recipes: the SDK against the emulator, the answers matching its records; activation
makes flows the flows list shows; deployments sync and unlink; permissions refused."""

from __future__ import annotations

from typing import Any

import pytest

from elasticio import (
    AsyncClient,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
)
from elasticio.testing import Emulator

INFO = {"title": "Tick", "description": "Ticks.", "short_description": "Ticks every minute"}


def _template(title: str = "Tick") -> dict[str, Any]:
    graph = {"nodes": [{"id": "step_1", "command": "elasticio/timer:timer"}], "edges": []}
    return {"title": title, "cron": "* * * * *", "graph": graph}


async def test_list_and_get(client: AsyncClient, emulator: Emulator) -> None:
    """recipes.list() and get() show the seeded recipe as the emulator stores it."""
    seed = emulator.seed
    stored = emulator.platform.recipes[seed.recipe_id]
    (listed,) = await client.recipes.list(seed.workspace_id).collect()
    got = await client.recipes.get(seed.recipe_id)
    assert listed == got
    assert (got.id, got.visibility, dict(got.info), got.workspace_id, got.contract_id) == (
        stored.id,
        "workspace",
        stored.info,
        seed.workspace_id,
        seed.contract_id,
    )
    assert got.user_id == seed.owner.id
    assert got.flow_templates[0]["title"] == "Pets by email"
    assert got.deployments is None


async def test_list_searches_and_pages(client: AsyncClient, emulator: Emulator) -> None:
    """search keeps matching titles; page_size pages through every recipe."""
    workspace_id = emulator.seed.workspace_id
    for n in range(3):
        await client.recipes.create(
            workspace_id, info={**INFO, "title": f"Tick {n}"}, flow_templates=[_template()]
        )
    found = [r.title async for r in client.recipes.list(workspace_id, search="TICK")]
    assert found == ["Tick 0", "Tick 1", "Tick 2"]
    every = await client.recipes.list(workspace_id, page_size=2).collect()
    assert len(every) == 4


async def test_create_update_share_delete(client: AsyncClient, emulator: Emulator) -> None:
    """A recipe created, changed, shared (then not deletable), unshared and deleted."""
    workspace_id = emulator.seed.private_workspace_id
    created = await client.recipes.create(workspace_id, info=INFO, flow_templates=[_template()])
    stored = emulator.platform.recipes[created.id]
    assert (stored.workspace_id, stored.visibility, stored.info) == (
        workspace_id,
        "workspace",
        INFO,
    )
    updated = await client.recipes.update(created.id, info={"title": "Tock"})
    assert (updated.title, updated.info["description"]) == ("Tock", "Ticks.")
    shared = await client.recipes.set_visibility(created.id, "contract")
    assert shared.visibility == stored.visibility == "contract"
    with pytest.raises(ConflictError):
        await client.recipes.delete(created.id)
    await client.recipes.set_visibility(created.id, "workspace")
    await client.recipes.delete(created.id)
    assert created.id not in emulator.platform.recipes
    with pytest.raises(NotFoundError):
        await client.recipes.get(created.id)


async def test_create_refuses_a_missing_title(client: AsyncClient, emulator: Emulator) -> None:
    """info without a title is a 400, and nothing is stored."""
    with pytest.raises(BadRequestError, match="title"):
        await client.recipes.create(
            emulator.seed.workspace_id,
            info={"description": "d", "short_description": "s"},
            flow_templates=[_template()],
        )
    assert list(emulator.platform.recipes) == [emulator.seed.recipe_id]


async def test_activation_makes_listed_flows(client: AsyncClient, emulator: Emulator) -> None:
    """Activation creates the template's flow with the credential; the flows list shows it;
    a deployment's flow cannot be changed until the deployment is deleted."""
    seed = emulator.seed
    credential_id = seed.credential_ids["petstore"]
    activation = await client.recipes.activate(
        seed.recipe_id,
        seed.workspace_id,
        credentials={"step_1": credential_id},
        variables={"email": "ops@example.com"},
    )
    (flow_id,) = activation.flow_ids
    flow = await client.flows.get(flow_id)
    assert (flow.name, flow.workspace_id) == ("Pets by email", seed.workspace_id)
    assert flow.graph.nodes[0].credentials_id == credential_id
    assert flow_id in [f.id async for f in client.flows.list(seed.workspace_id, search="pets by")]
    (recipe,) = await client.recipes.list(seed.workspace_id, include_deployments=True).collect()
    assert recipe.deployments is not None
    (deployment,) = recipe.deployments
    assert (deployment.id, deployment.flow_ids) == (activation.deployment_id, (flow_id,))
    assert deployment.variables == {"email": "ops@example.com"}
    with pytest.raises(ConflictError):
        await client.flows.update(flow_id, name="Mine")
    with pytest.raises(ConflictError):
        await client.flows.delete(flow_id)
    await client.recipes.delete_deployment(deployment.id)
    assert (await client.flows.update(flow_id, name="Mine")).name == "Mine"


async def test_activation_needs_the_credential(client: AsyncClient, emulator: Emulator) -> None:
    """A step that names a declared credential needs one: 400, and no flow is made."""
    seed = emulator.seed
    template = _template()
    template["graph"]["nodes"][0]["credentials_id"] = "timer"
    recipe = await client.recipes.create(seed.workspace_id, info=INFO, flow_templates=[template])
    before = len(emulator.platform.flows)
    with pytest.raises(BadRequestError, match="step_1"):
        await client.recipes.activate(recipe.id, seed.workspace_id)
    assert len(emulator.platform.flows) == before


async def test_sync_follows_the_recipe(client: AsyncClient, emulator: Emulator) -> None:
    """After the recipe gains a template, a sync adds its flow and renames the first."""
    workspace_id = emulator.seed.private_workspace_id
    recipe = await client.recipes.create(workspace_id, info=INFO, flow_templates=[_template()])
    activation = await client.recipes.activate(recipe.id, workspace_id)
    assert activation.deployment_id is not None
    await client.recipes.update(recipe.id, flow_templates=[_template("One"), _template("Two")])
    deployment = await client.recipes.sync_deployment(activation.deployment_id)
    assert deployment.flow_ids[0] == activation.flow_ids[0]
    names = [(await client.flows.get(flow_id)).name for flow_id in deployment.flow_ids]
    assert names == ["One", "Two"]


async def test_export_makes_a_recipe_of_a_flow(client: AsyncClient, emulator: Emulator) -> None:
    """Both export endpoints make a recipe of the flow's graph in the named workspace."""
    seed = emulator.seed
    flow = emulator.platform.flows[seed.flow_id]
    recipe = await client.recipes.export(seed.flow_id)
    assert (recipe.title, recipe.workspace_id) == (flow.name, seed.workspace_id)
    assert [n["id"] for n in recipe.flow_templates[0]["graph"]["nodes"]] == flow.step_ids
    other = await client.recipes.export_flow(seed.flow_id, workspace_id=seed.private_workspace_id)
    assert other.workspace_id == seed.private_workspace_id


async def test_guest_is_refused(guest: AsyncClient, emulator: Emulator) -> None:
    """The guest may not list the private workspace's recipes, nor share the seeded one
    with the tenant, and does not see another workspace's recipe."""
    seed = emulator.seed
    with pytest.raises(PermissionDeniedError):
        await guest.recipes.list(seed.private_workspace_id).collect()
    with pytest.raises(PermissionDeniedError):
        await guest.recipes.set_visibility(seed.recipe_id, "tenant")
    private = emulator.platform.recipes.create(
        workspace_id=seed.private_workspace_id,
        user_id=seed.owner.id,
        info=INFO,
        flow_templates=[_template()],
    )
    with pytest.raises(NotFoundError):
        await guest.recipes.get(private.id)
    assert emulator.platform.recipes[seed.recipe_id].visibility == "workspace"
