"""Recipes in API v1: the recipes in the caller's reach, one of them, and activation.

The v1 recipes are the v2 recipes, as plain JSON (`v1_recipe`). v1 names no workspace
to activate in unless the body gives ``workspace_id``: the recipe's own workspace when the
caller may edit its flows, else the first workspace (in id order) where the recipe is
available and the caller may. ``credentials`` and ``variables`` are optional objects. The
answer names the first new task (``id``) and all of them (``task_ids``).
"""

from __future__ import annotations

from elasticio._catalog.v1 import V1_RECIPES_ACTIVATE, V1_RECIPES_GET, V1_RECIPES_LIST
from elasticio.testing._areas.recipes.activation import activate
from elasticio.testing._areas.recipes.routes import recipe_for, sees
from elasticio.testing._areas.recipes.store import RecipeRecord
from elasticio.testing._areas.recipes.views import v1_recipe
from elasticio.testing._areas.workspaces.routes import workspace_for
from elasticio.testing._areas.workspaces.store import WorkspaceRecord
from elasticio.testing._errors import NoSuchRecordError, forbidden
from elasticio.testing._permissions import holds, require
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, PlainBody

__all__ = ["routes"]

routes = RouteTable()

ACTIVATION = PlainBody(
    "v1-recipe-activation",
    members=(
        Attr("workspace_id", "string", filled=True),
        Attr("credentials", "object"),
        Attr("variables", "object"),
    ),
)


@routes.handle(V1_RECIPES_LIST)
def list_recipes(call: Call) -> Reply:
    return Reply(body=[v1_recipe(r) for r in call.platform.recipes.where(lambda r: sees(call, r))])


@routes.handle(V1_RECIPES_GET)
def get_recipe(call: Call, recipe_id: str) -> Reply:
    return Reply(body=v1_recipe(recipe_for(call, recipe_id)))


def _workspace(call: Call, recipe: RecipeRecord, workspace_id: str | None) -> WorkspaceRecord:
    platform = call.platform
    if workspace_id is not None:
        workspace = workspace_for(call, workspace_id)
        require(call, "workspaces.flow.edit", workspace=workspace)
        if recipe not in platform.recipes.available_in(workspace.id):
            raise NoSuchRecordError("recipe", recipe.id)
        return workspace
    candidates = [platform.workspaces[recipe.workspace_id]] + [
        w
        for w in platform.workspaces.with_member(call.user.id)
        if recipe in platform.recipes.available_in(w.id)
    ]
    for workspace in candidates:
        if call.user.id in workspace.members and holds(
            platform, call.user, "workspaces.flow.edit", workspace=workspace
        ):
            return workspace
    raise forbidden("You may not create flows in a workspace where this recipe is available.")


@routes.handle(V1_RECIPES_ACTIVATE, body=ACTIVATION)
def activate_recipe(call: Call, recipe_id: str) -> Reply:
    """200 with the new tasks' ids; no body at all is an empty one (every member is
    optional)."""
    members = {} if call.body is None else call.members()
    recipe = recipe_for(call, recipe_id)
    workspace = _workspace(call, recipe, members.get("workspace_id"))
    deployment = activate(
        call.platform,
        recipe,
        workspace_id=workspace.id,
        user_id=call.user.id,
        credentials=members.get("credentials") or {},
        variables=members.get("variables") or {},
    )
    ids = deployment.flow_ids
    return Reply(
        body={"id": ids[0] if ids else None, "task_ids": ids, "recipe_deployment_id": deployment.id}
    )
