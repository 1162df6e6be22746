"""API v1 recipes through the SDK against the emulator, and what v2 sees of them."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, BadRequestError, NotFoundError
from elasticio.testing import Emulator


async def test_list_and_retrieve(client: AsyncClient, emulator: Emulator) -> None:
    """v1 shows the v2 recipe: same id, info and visibility."""
    seed = emulator.seed
    (listed,) = await client.v1.recipes.list()
    got = await client.v1.recipes.get(seed.recipe_id)
    assert listed == got
    v2 = await client.recipes.get(seed.recipe_id)
    assert (got.id, dict(got.info), got.visibility, got.workspace_id) == (
        v2.id,
        dict(v2.info),
        v2.visibility,
        seed.workspace_id,
    )


async def test_v2_change_is_seen_by_v1(client: AsyncClient, emulator: Emulator) -> None:
    """A recipe renamed and shared in v2 reads so in v1."""
    recipe_id = emulator.seed.recipe_id
    await client.recipes.update(recipe_id, info={"title": "Pets"})
    await client.recipes.set_visibility(recipe_id, "contract")
    got = await client.v1.recipes.get(recipe_id)
    assert (got.title, got.visibility) == ("Pets", "contract")


async def test_activate_makes_a_task_v2_sees(client: AsyncClient, emulator: Emulator) -> None:
    """A v1 activation makes a task that v2 lists as a flow of a deployment."""
    seed = emulator.seed
    activation = await client.v1.recipes.activate(
        seed.recipe_id, credentials={"step_1": seed.credential_ids["petstore"]}
    )
    assert activation.id is not None
    assert activation.task_ids == (activation.id,)
    flow = await client.flows.get(activation.id)
    assert flow.workspace_id == seed.workspace_id
    (recipe,) = await client.recipes.list(seed.workspace_id, include_deployments=True).collect()
    assert recipe.deployments is not None
    assert [d.id for d in recipe.deployments] == [activation.recipe_deployment_id]


async def test_errors(client: AsyncClient, guest: AsyncClient, emulator: Emulator) -> None:
    """An unknown recipe is NotFoundError; a credential of another workspace a
    BadRequestError; the guest sees no private recipe."""
    seed = emulator.seed
    with pytest.raises(NotFoundError):
        await client.v1.recipes.get("000000000000000000000000")
    with pytest.raises(BadRequestError, match="step_1"):
        await client.v1.recipes.activate(
            seed.recipe_id, credentials={"step_1": seed.private_credential_id}
        )
    assert len(await guest.v1.recipes.list()) == 1


async def test_activate_with_nothing(client: AsyncClient, emulator: Emulator) -> None:
    """An empty body (as the official client sends it) activates in the recipe's own
    workspace."""
    activation = await client.v1.recipes.activate(emulator.seed.recipe_id)
    assert activation.id in emulator.platform.flows
