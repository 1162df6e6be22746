"""How recipes and their deployments look in answers, v2 and v1.

A v2 recipe carries ``visibility`` beside ``attributes``, not inside them, as every example
of the docs shows it.
"""

from __future__ import annotations

from typing import Any

from elasticio.testing._areas.recipes.store import RecipeDeploymentRecord, RecipeRecord
from elasticio.testing._jsonapi import Json, link, resource, to_many, to_one
from elasticio.testing._time import iso

__all__ = ["deployment_resource", "recipe_resource", "v1_recipe"]


def recipe_resource(recipe: RecipeRecord, deployment_ids: list[str] | None = None) -> Json:
    """A recipe; with ``deployment_ids``, its ``recipe-deployments`` relationship too."""
    relationships: dict[str, Any] = {
        "user": link("user", recipe.user_id),
        "workspace": link("workspace", recipe.workspace_id),
        "contract": link("contract", recipe.contract_id),
    }
    if deployment_ids is not None:
        relationships["recipe-deployments"] = to_many("recipe-deployment", deployment_ids)
    built = resource(
        "recipe",
        recipe.id,
        self_link=f"/v2/recipes/{recipe.id}",
        attributes={
            "declarations": recipe.declarations,
            "info": recipe.info,
            "flow_templates": recipe.flow_templates,
        },
        relationships=relationships,
    )
    return {
        "id": built.pop("id"),
        "type": built.pop("type"),
        "visibility": recipe.visibility,
        **built,
    }


def deployment_resource(deployment: RecipeDeploymentRecord) -> Json:
    return resource(
        "recipe-deployment",
        deployment.id,
        self_link=f"/v2/recipe-deployments/{deployment.id}",
        attributes={
            "credentials": deployment.credentials,
            "variables": deployment.variables,
            "created_at": iso(deployment.created_at),
            "updated_at": iso(deployment.updated_at),
        },
        relationships={
            "recipe": to_one(
                "recipe", deployment.recipe_id, self_link=f"/v2/recipes/{deployment.recipe_id}"
            ),
            "workspace": link("workspace", deployment.workspace_id),
            "user": link("user", deployment.user_id),
            "flows": to_many("flow", deployment.flow_ids),
        },
    )


def v1_recipe(recipe: RecipeRecord) -> Json:
    """A recipe as v1 shows it: plain JSON, its attributes as members."""
    return {
        "id": recipe.id,
        "visibility": recipe.visibility,
        "workspace_id": recipe.workspace_id,
        "contract_id": recipe.contract_id,
        "user_id": recipe.user_id,
        "info": recipe.info,
        "declarations": recipe.declarations,
        "flow_templates": recipe.flow_templates,
    }
