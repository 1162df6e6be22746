"""``client.recipes``: recipes, their activation and their deployments (API v2)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Unpack

from elasticio._catalog import Entry
from elasticio._catalog.v2 import (
    RECIPES_ACTIVATE,
    RECIPES_CREATE,
    RECIPES_DELETE,
    RECIPES_DELETE_DEPLOYMENT,
    RECIPES_EXPORT,
    RECIPES_EXPORT_FLOW,
    RECIPES_GET,
    RECIPES_LIST,
    RECIPES_SET_VISIBILITY,
    RECIPES_SYNC_DEPLOYMENT,
    RECIPES_UPDATE,
)
from elasticio._errors import DecodeError, UsageError
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Identifier, Unset
from elasticio.models._plain import structure_plain
from elasticio.models._recipes import Recipe, RecipeActivation, RecipeDeployment, RecipeVisibility
from elasticio.resources._base import Namespace

__all__ = ["Recipes"]


def _flow_ids(answer: Any) -> dict[str, Any]:
    """The activation answer's flow ids and deployment id, as `RecipeActivation` members.

    Raises:
        DecodeError: the answer does not have the documented shape.
    """
    try:
        relationships = answer["data"]["relationships"]
        flows = [item["data"]["id"] for item in relationships["flows"]]
    except (KeyError, TypeError) as exc:
        raise DecodeError(
            f"expected data.relationships.flows in the answer to {RECIPES_ACTIVATE.route}",
            pointer="/data/relationships/flows",
        ) from exc
    deployment = relationships.get("recipe_deployment")
    deployment_id = deployment.get("data", {}).get("id") if isinstance(deployment, dict) else None
    return {"flow_ids": flows, "deployment_id": deployment_id}


class Recipes(Namespace):
    """Recipes: reusable flow templates a workspace shares, that any workspace they are
    visible in activates into flows. The platform calls the API experimental.

    Examples:
        >>> recipe = await client.recipes.get("RECIPE_ID")  # doctest: +SKIP
    """

    def list(
        self,
        workspace_id: str,
        *,
        search: str | None = None,
        include_deployments: bool = False,
        page_size: int | None = None,
        **options: Unpack[ListOptions],
    ) -> Paginator[Recipe]:
        """The recipes a workspace may use: its own, and those shared with its contract,
        the tenant or everyone. Iterate with ``async for``.

        ``search`` keeps the recipes whose title (or short description) contains it;
        ``include_deployments`` fills each recipe's ``deployments`` with the workspace's
        deployments of it.

        Examples:
            >>> async for recipe in client.recipes.list("WORKSPACE_ID", search="pets"):
            ...     print(recipe.title, recipe.visibility)
            Pets by email workspace
        """
        params = {
            "workspace_id": workspace_id,
            "search": search,
            "include": "recipe-deployments" if include_deployments else None,
        }
        return self._list(RECIPES_LIST, Recipe, params=params, page_size=page_size, options=options)

    async def get(self, recipe_id: str, **options: Unpack[CallOptions]) -> Recipe:
        """One recipe.

        Examples:
            >>> recipe = await client.recipes.get("RECIPE_ID")
            >>> recipe.title, len(recipe.flow_templates)
            ('Pets by email', 1)
        """
        return await self._one(RECIPES_GET, Recipe, recipe_id=recipe_id, options=options)

    async def create(
        self,
        workspace_id: str,
        *,
        info: Mapping[str, Any],
        flow_templates: Sequence[Mapping[str, Any]],
        declarations: Mapping[str, Any] | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Recipe:
        """Create a recipe in a workspace, visible there only until shared.

        ``info`` needs ``title``, ``description`` and ``short_description`` (``author``
        is optional); each flow template a ``title`` and a ``graph`` (``cron`` optional);
        ``declarations`` lists the ``variables`` and ``credentials`` the templates use.

        Examples:
            >>> graph = {"nodes": [{"id": "step_1", "command": "elasticio/timer:timer"}]}
            >>> recipe = await client.recipes.create(
            ...     "WORKSPACE_ID",
            ...     info={"title": "Tick", "description": "Ticks.", "short_description": "Ticks"},
            ...     flow_templates=[{"title": "Tick", "graph": graph}],
            ... )
            >>> recipe.visibility
            'workspace'
        """
        attributes = {
            "info": dict(info),
            "declarations": declarations if isinstance(declarations, Unset) else dict(declarations),
            "flow_templates": [dict(template) for template in flow_templates],
        }
        body = self._body(
            RECIPES_CREATE,
            attributes=attributes,
            relationships={"workspace": Identifier("workspace", workspace_id)},
        )
        return await self._one(RECIPES_CREATE, Recipe, body=body, options=options)

    def _export_body(self, entry: Entry, workspace_id: str | None, **more: Identifier) -> Any:
        # The docs' table names the destination "workspace", their example "dest_workspace".
        relationships: dict[str, Identifier] = dict(more)
        if workspace_id is not None:
            destination = Identifier("workspace", workspace_id)
            relationships.update(workspace=destination, dest_workspace=destination)
        return self._body(entry, relationships=relationships)

    async def export(
        self, flow_id: str, *, workspace_id: str | None = None, **options: Unpack[CallOptions]
    ) -> Recipe:
        """Make a recipe of a flow, in ``workspace_id`` (the flow's own workspace when
        None), through the endpoint the platform has had since 2023
        (``POST /v2/flows/export-to-recipe``, the flow named in the body; its shape is
        modelled on `export_flow`'s).

        Examples:
            >>> recipe = await client.recipes.export("FLOW_ID")
            >>> recipe.visibility
            'workspace'
        """
        body = self._export_body(RECIPES_EXPORT, workspace_id, flow=Identifier("flow", flow_id))
        return await self._one(RECIPES_EXPORT, Recipe, body=body, options=options)

    async def export_flow(
        self, flow_id: str, *, workspace_id: str | None = None, **options: Unpack[CallOptions]
    ) -> Recipe:
        """Make a recipe of a flow through the documented
        ``POST /v2/flows/{flow_id}/export-to-recipe``, which the platform replaced by
        `export` in 2023.

        Examples:
            >>> recipe = await client.recipes.export_flow("FLOW_ID", workspace_id="WORKSPACE_ID")
        """
        body = self._export_body(RECIPES_EXPORT_FLOW, workspace_id)
        return await self._one(
            RECIPES_EXPORT_FLOW, Recipe, body=body, flow_id=flow_id, options=options
        )

    async def update(
        self,
        recipe_id: str,
        *,
        info: Mapping[str, Any] | Unset = UNSET,
        declarations: Mapping[str, Any] | Unset = UNSET,
        flow_templates: Sequence[Mapping[str, Any]] | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Recipe:
        """Change a recipe; what is left out stays. ``info`` is merged into the stored
        info; ``declarations`` and ``flow_templates`` replace theirs.

        Raises:
            UsageError: nothing to change was given.

        Examples:
            >>> recipe = await client.recipes.update("RECIPE_ID", info={"title": "Pets"})
            >>> recipe.title
            'Pets'
        """
        attributes: dict[str, Any] = {
            "info": info if isinstance(info, Unset) else dict(info),
            "declarations": declarations if isinstance(declarations, Unset) else dict(declarations),
            "flow_templates": flow_templates
            if isinstance(flow_templates, Unset)
            else [dict(template) for template in flow_templates],
        }
        if all(isinstance(value, Unset) for value in attributes.values()):
            raise UsageError("recipes.update() needs info, declarations or flow_templates")
        body = self._body(RECIPES_UPDATE, id=recipe_id, attributes=attributes)
        return await self._one(
            RECIPES_UPDATE, Recipe, body=body, recipe_id=recipe_id, options=options
        )

    async def set_visibility(
        self, recipe_id: str, visibility: RecipeVisibility, **options: Unpack[CallOptions]
    ) -> Recipe:
        """Share a recipe with its contract (``"contract"``), the tenant (``"tenant"``) or
        everyone (``"global"``), or keep it to its workspace (``"workspace"``). Sharing
        with the tenant or everyone needs a permission of its own.

        Examples:
            >>> recipe = await client.recipes.set_visibility("RECIPE_ID", "contract")
            >>> recipe.visibility
            'contract'
        """
        # Not a JSON:API resource: the platform reads data.visibility alone.
        body = {"data": {"visibility": visibility}}
        return await self._one(
            RECIPES_SET_VISIBILITY, Recipe, body=body, recipe_id=recipe_id, options=options
        )

    async def activate(
        self,
        recipe_id: str,
        workspace_id: str,
        *,
        credentials: Mapping[str, str] | None = None,
        variables: Mapping[str, Any] | None = None,
        **options: Unpack[CallOptions],
    ) -> RecipeActivation:
        """Create a workspace's flows from a recipe's templates (inactive, one per
        template). ``credentials`` maps a step's id to a credential of the workspace: a
        step that names a declared credential needs one. ``variables`` gives the values of
        the declared variables.

        Examples:
            >>> activation = await client.recipes.activate(
            ...     "RECIPE_ID",
            ...     "WORKSPACE_ID",
            ...     credentials={"step_1": "CREDENTIAL_ID"},
            ...     variables={"email": "ops@example.com"},
            ... )
            >>> len(activation.flow_ids)
            1
        """
        body = self._body(
            RECIPES_ACTIVATE,
            attributes={"credentials": dict(credentials or {}), "variables": dict(variables or {})},
            relationships={"workspace": Identifier("workspace", workspace_id)},
        )
        response = await self._plain(
            RECIPES_ACTIVATE, body=body, recipe_id=recipe_id, options=options
        )
        return structure_plain(
            RecipeActivation, _flow_ids(response.json), request_id=response.request_id
        )

    async def delete(self, recipe_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete a recipe; only one visible in its workspace alone may be deleted
        (`elasticio.ConflictError` otherwise). Its flows stay.

        Examples:
            >>> await client.recipes.delete("RECIPE_ID")
        """
        await self._nothing(RECIPES_DELETE, recipe_id=recipe_id, options=options)

    async def sync_deployment(
        self, deployment_id: str, **options: Unpack[CallOptions]
    ) -> RecipeDeployment:
        """Bring a deployment's flows up to its recipe's templates as they are now (release
        notes 22/48; the answer's shape is not documented: here, the deployment).

        Examples:
            >>> deployment = await client.recipes.sync_deployment("DEPLOYMENT_ID")
            >>> len(deployment.flow_ids)
            1
        """
        return await self._one(
            RECIPES_SYNC_DEPLOYMENT, RecipeDeployment, deployment_id=deployment_id, options=options
        )

    async def delete_deployment(self, deployment_id: str, **options: Unpack[CallOptions]) -> None:
        """Unlink a deployment from its flows: they stay, and may be changed again.

        Examples:
            >>> await client.recipes.delete_deployment("DEPLOYMENT_ID")
        """
        await self._nothing(RECIPES_DELETE_DEPLOYMENT, deployment_id=deployment_id, options=options)
