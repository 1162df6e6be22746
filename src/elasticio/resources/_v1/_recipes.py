"""``client.v1.recipes``: recipes (API v1)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from elasticio._catalog.v1 import V1_RECIPES_ACTIVATE, V1_RECIPES_GET, V1_RECIPES_LIST
from elasticio._options import CallOptions
from elasticio.models._v1 import V1Recipe, V1RecipeActivation
from elasticio.resources._base import Namespace

__all__ = ["V1Recipes"]


class V1Recipes(Namespace):
    """Recipes in API v1, as the official Node client calls them: list, get (its
    ``retrieve``), activate. API v2's ``client.recipes`` does more; v1's recipe
    endpoints are not documented (they left the docs in 2015)."""

    async def list(self, **options: Unpack[CallOptions]) -> list[V1Recipe]:
        """Every recipe the caller may see (one request; v1 does not page).

        Examples:
            >>> recipes = await client.v1.recipes.list()
            >>> [recipe.title for recipe in recipes]
            ['Pets by email']
        """
        return await self._objects(V1_RECIPES_LIST, V1Recipe, options=options)

    async def get(self, recipe_id: str, **options: Unpack[CallOptions]) -> V1Recipe:
        """One recipe.

        Examples:
            >>> recipe = await client.v1.recipes.get("RECIPE_ID")
            >>> recipe.visibility
            'workspace'
        """
        return await self._object(V1_RECIPES_GET, V1Recipe, recipe_id=recipe_id, options=options)

    async def activate(
        self,
        recipe_id: str,
        *,
        workspace_id: str | None = None,
        credentials: Mapping[str, str] | None = None,
        variables: Mapping[str, Any] | None = None,
        **options: Unpack[CallOptions],
    ) -> V1RecipeActivation:
        """Create tasks (flows) from a recipe's templates. Without ``workspace_id`` the
        platform picks a workspace where the caller may create flows; ``credentials`` maps
        a step's id to a credential id, ``variables`` gives the declared variables.

        Examples:
            >>> activation = await client.v1.recipes.activate(
            ...     "RECIPE_ID", credentials={"step_1": "CREDENTIAL_ID"}
            ... )
            >>> len(activation.task_ids)
            1
        """
        given = {"workspace_id": workspace_id, "credentials": credentials, "variables": variables}
        body = {name: value for name, value in given.items() if value is not None}
        return await self._object(
            V1_RECIPES_ACTIVATE, V1RecipeActivation, body=body, recipe_id=recipe_id, options=options
        )
