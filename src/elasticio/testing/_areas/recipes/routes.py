"""Recipes (API v2): create (201), export a flow, get, list (paged; ``search``,
``include=recipe-deployments``), update, visibility, activate (201), delete (204).

Reach: a recipe is seen by the members of its workspace (``workspace``), of any workspace
of its contract (``contract``), or by anyone (``tenant``, ``global``; the emulator has one
tenant); a tenant admin sees all of them. Anything else is a 404. Writing needs
``workspaces.recipe.edit`` in the recipe's workspace; sharing with the tenant needs
``tenant.recipe.edit_visibility_tenant`` and with everyone
``global.recipe.edit_visibility_global`` (held by tenant admins only in the emulator).
Only a recipe visible in its workspace alone may be deleted (409 otherwise).
"""

from __future__ import annotations

from typing import Any

from elasticio._catalog.v2 import (
    RECIPES_ACTIVATE,
    RECIPES_CREATE,
    RECIPES_DELETE,
    RECIPES_EXPORT,
    RECIPES_EXPORT_FLOW,
    RECIPES_GET,
    RECIPES_LIST,
    RECIPES_SET_VISIBILITY,
    RECIPES_UPDATE,
)
from elasticio.testing._areas.flows.routes import flow_for
from elasticio.testing._areas.flows.store import FlowRecord
from elasticio.testing._areas.recipes.activation import activate
from elasticio.testing._areas.recipes.checks import RECIPE_ATTRIBUTES, recipe_changes
from elasticio.testing._areas.recipes.store import VISIBILITIES, RecipeRecord
from elasticio.testing._areas.recipes.views import deployment_resource, recipe_resource
from elasticio.testing._areas.workspaces.routes import workspace_for
from elasticio.testing._errors import NoSuchRecordError, conflict, invalid
from elasticio.testing._jsonapi import document
from elasticio.testing._permissions import require
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body, PlainBody, Rel

__all__ = ["recipe_for", "routes", "sees"]

routes = RouteTable()

_IN_WORKSPACE = (Rel("workspace", "workspace", required=True),)
NEW_RECIPE = Body("recipe", attributes=RECIPE_ATTRIBUTES, relationships=_IN_WORKSPACE).requiring(
    ("info", "flow_templates")
)
RECIPE_CHANGES = Body(
    "recipe", id="url", attributes=RECIPE_ATTRIBUTES, relationships=(Rel("workspace", "workspace"),)
)
EXPORT = Body(
    "flow-export-to-recipe-config",
    relationships=(
        Rel("workspace", "workspace"),
        Rel("dest_workspace", "workspace"),
        Rel("flow", "flow"),
    ),
)
ACTIVATION = Body(
    "recipe-activation-config",
    attributes=(
        Attr("credentials", "object", required=True),
        Attr("variables", "object", required=True),
    ),
    relationships=_IN_WORKSPACE,
)
ACTIVATION_BODY = PlainBody("recipe-activation-config")
_VISIBILITY_PERMISSIONS = {
    "workspace": "workspaces.recipe.edit",
    "contract": "workspaces.recipe.edit",
    "tenant": "tenant.recipe.edit_visibility_tenant",
    "global": "global.recipe.edit_visibility_global",
}


def sees(call: Call, recipe: RecipeRecord) -> bool:
    """Whether the caller may see the recipe (see the module)."""
    user = call.user
    if user.tenant_admin or recipe.visibility in ("tenant", "global"):
        return True
    if recipe.visibility == "contract":
        return user.id in call.platform.contracts[recipe.contract_id].members
    return user.id in call.platform.workspaces[recipe.workspace_id].members


def recipe_for(call: Call, recipe_id: str) -> RecipeRecord:
    """A recipe the caller sees: 404 for any other."""
    recipe = call.platform.recipes[recipe_id]
    if not sees(call, recipe):
        raise NoSuchRecordError("recipe", recipe_id)
    return recipe


def _editable(
    call: Call, recipe_id: str, permission: str = "workspaces.recipe.edit"
) -> RecipeRecord:
    recipe = recipe_for(call, recipe_id)
    require(call, permission, workspace=call.platform.workspaces[recipe.workspace_id])
    return recipe


def shown(recipe: RecipeRecord, status: int = 200) -> Reply:
    return Reply(status=status, body=document(recipe_resource(recipe)))


@routes.handle(RECIPES_CREATE, body=NEW_RECIPE)
def create_recipe(call: Call) -> Reply:
    """201; the recipe is visible in its workspace alone until shared."""
    payload = call.payload()
    workspace = workspace_for(call, payload.link("workspace"))
    require(call, "workspaces.recipe.edit", workspace=workspace)
    changes = recipe_changes(payload.attributes)
    recipe = call.platform.recipes.create(
        workspace_id=workspace.id, user_id=call.user.id, **changes
    )
    return shown(recipe, 201)


def _exported(call: Call, flow: FlowRecord, workspace_id: str | None) -> Reply:
    """A recipe of the flow's graph in the destination workspace (the flow's by default),
    its info taken from the flow's name and description."""
    workspace = workspace_for(call, workspace_id or flow.workspace_id)
    for target in (call.platform.workspaces[flow.workspace_id], workspace):
        require(call, "workspaces.flow.exportToRecipe", workspace=target)
    require(call, "workspaces.recipe.edit", workspace=workspace)
    description = flow.description or flow.name
    nodes = [
        {k: v for k, v in node.items() if k not in ("component_id", "credentials_id")}
        for node in flow.nodes
    ]
    template: dict[str, Any] = {
        "title": flow.name,
        "cron": flow.cron,
        "graph": {"nodes": nodes, "edges": flow.graph.get("edges", [])},
    }
    recipe = call.platform.recipes.create(
        workspace_id=workspace.id,
        user_id=call.user.id,
        info={"title": flow.name, "description": description, "short_description": description},
        declarations={"variables": [], "credentials": []},
        flow_templates=[template],
    )
    return shown(recipe, 201)


def _destination(call: Call) -> str | None:
    links = call.payload().links
    return links.get("dest_workspace") or links.get("workspace")


@routes.handle(RECIPES_EXPORT_FLOW, body=EXPORT)
def export_flow(call: Call, flow_id: str) -> Reply:
    """201; the destination is ``dest_workspace`` (the docs' example) or ``workspace``
    (their table), else the flow's own workspace."""
    destination = _destination(call)
    return _exported(call, flow_for(call, flow_id), destination)


@routes.handle(RECIPES_EXPORT, body=EXPORT)
def export_flow_by_body(call: Call) -> Reply:
    """Like `export_flow`, the flow named by the ``flow`` relationship (required)."""
    flow_id = call.payload().links.get("flow")
    if flow_id is None:
        raise invalid("/data/relationships/flow", "is required")
    return _exported(call, flow_for(call, flow_id), _destination(call))


@routes.handle(RECIPES_GET)
def get_recipe(call: Call, recipe_id: str) -> Reply:
    return shown(recipe_for(call, recipe_id))


@routes.handle(RECIPES_LIST)
def list_recipes(call: Call) -> Reply:
    """The recipes a workspace may use, 50 a page; ``search`` keeps those whose title or
    short description contains it (any case); ``include=recipe-deployments`` adds the
    workspace's deployments of each."""
    workspace = workspace_for(call, require_query(call.query, "workspace_id"))
    search = call.query.get("search", "").strip().casefold()
    includes = {name for name in call.query.get("include", "").split(",") if name}
    if includes - {"recipe-deployments"}:
        raise invalid("/include", "may only be recipe-deployments")
    found = [
        r
        for r in call.platform.recipes.available_in(workspace.id)
        if search in r.title.casefold()
        or search in str(r.info.get("short_description", "")).casefold()
    ]
    items, meta = call.page(found)
    if not includes:
        data = [recipe_resource(r) for r in items]
        return Reply(body=document(data, meta=meta, self_link=call.path))
    deployments = call.platform.recipe_deployments.where(lambda d: d.workspace_id == workspace.id)
    data = [recipe_resource(r, [d.id for d in deployments if d.recipe_id == r.id]) for r in items]
    listed = {r.id for r in items}
    included = [deployment_resource(d) for d in deployments if d.recipe_id in listed]
    return Reply(body=document(data, meta=meta, self_link=call.path, included=included))


@routes.handle(RECIPES_UPDATE, body=RECIPE_CHANGES)
def update_recipe(call: Call, recipe_id: str) -> Reply:
    """Change what is given; ``info`` is merged into the stored info, the rest replaced."""
    recipe = _editable(call, recipe_id)
    changes = recipe_changes(call.payload(url_id=recipe.id).attributes, info=recipe.info)
    for name, value in changes.items():
        setattr(recipe, name, value)
    return shown(recipe)


@routes.handle(RECIPES_SET_VISIBILITY)
def set_visibility(call: Call, recipe_id: str) -> Reply:
    """The body is ``{"data": {"visibility": ...}}``; each level needs its permission."""
    body = call.body
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise invalid("/data", "must be an object")
    visibility = data.get("visibility")
    if visibility not in VISIBILITIES:
        raise invalid("/data/visibility", f"must be one of {', '.join(VISIBILITIES)}")
    recipe = _editable(call, recipe_id, _VISIBILITY_PERMISSIONS[visibility])
    recipe.visibility = visibility
    return shown(recipe)


@routes.handle(RECIPES_ACTIVATE, body=ACTIVATION_BODY)
def activate_recipe(call: Call, recipe_id: str) -> Reply:
    """201 with the new flows' identifiers under ``data.relationships.flows``, as the
    docs show, and the deployment under ``data.relationships.recipe_deployment``."""
    payload = ACTIVATION.read(call.members())
    workspace = workspace_for(call, payload.link("workspace"))
    require(call, "workspaces.flow.edit", workspace=workspace)
    recipe = recipe_for(call, recipe_id)
    if recipe not in call.platform.recipes.available_in(workspace.id):
        raise NoSuchRecordError("recipe", recipe_id)
    deployment = activate(
        call.platform,
        recipe,
        workspace_id=workspace.id,
        user_id=call.user.id,
        credentials=payload.attributes["credentials"],
        variables=payload.attributes["variables"],
    )
    flows = [{"data": {"type": "flow", "id": flow_id}} for flow_id in deployment.flow_ids]
    relationships = {
        "flows": flows,
        "recipe_deployment": {"data": {"type": "recipe-deployment", "id": deployment.id}},
    }
    return Reply(status=201, body={"data": {"relationships": relationships}})


@routes.handle(RECIPES_DELETE)
def delete_recipe(call: Call, recipe_id: str) -> Reply:
    """204; 409 for a shared recipe. Its deployments go too (their flows stay)."""
    recipe = _editable(call, recipe_id)
    if recipe.visibility != "workspace":
        raise conflict(f"A recipe with {recipe.visibility} visibility cannot be deleted.")
    deployments = call.platform.recipe_deployments
    for deployment in deployments.where(lambda d: d.recipe_id == recipe.id):
        deployments.delete(deployment.id)
    call.platform.recipes.delete(recipe.id)
    return Reply(status=204)
