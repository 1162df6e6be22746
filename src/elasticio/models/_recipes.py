"""Recipes: flow templates a workspace shares, and what activating one made."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal, TypeAlias

import attrs

from elasticio.models._declare import Model, included, member, model, to_many, to_one
from elasticio.models._plain import PlainModel, plain_model

__all__ = ["Recipe", "RecipeActivation", "RecipeDeployment", "RecipeVisibility"]

RecipeVisibility: TypeAlias = Literal["workspace", "contract", "tenant", "global"]
"""Who may use a recipe: its workspace's members, its contract's, the tenant, everyone."""


@model("recipe-deployment")
class RecipeDeployment(Model):
    """The flows one activation of a recipe made, with the credentials (step id to
    credential id) and variables it was given. The shape is not documented (release
    notes 22/48 only); this is the emulator's.

    Examples:
        >>> RecipeDeployment(id="d1", flow_ids=("f1",)).flow_ids
        ('f1',)
    """

    id: str
    credentials: Mapping[str, str] = attrs.field(factory=dict)
    variables: Mapping[str, Any] = attrs.field(factory=dict)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    recipe_id: str | None = to_one("recipe")
    workspace_id: str | None = to_one("workspace")
    user_id: str | None = to_one("user")
    flow_ids: tuple[str, ...] = to_many("flows")


@model("recipe")
class Recipe(Model):
    """A recipe: ``info`` (``title``, ``description``, ``short_description``,
    ``author``), ``declarations`` (the ``variables`` and ``credentials`` its templates
    use) and ``flow_templates`` (each a ``title``, a ``cron`` and a ``graph``).

    ``visibility`` says who may use it. ``deployments`` holds the workspace's
    deployments of it when the list asked for them (``include_deployments=True``), else
    None.

    Examples:
        >>> recipe = Recipe(id="r1", info={"title": "Pets by email"}, visibility="workspace")
        >>> recipe.title, recipe.visibility
        ('Pets by email', 'workspace')
    """

    id: str
    visibility: str | None = member("visibility")
    info: Mapping[str, Any] = attrs.field(factory=dict)
    declarations: Mapping[str, Any] = attrs.field(factory=dict)
    flow_templates: tuple[Mapping[str, Any], ...] = ()
    workspace_id: str | None = to_one("workspace")
    contract_id: str | None = to_one("contract")
    user_id: str | None = to_one("user")
    deployments: tuple[RecipeDeployment, ...] | None = included("recipe-deployments")

    @property
    def title(self) -> str | None:
        """``info["title"]``, when it is a string."""
        title = self.info.get("title")
        return title if isinstance(title, str) else None


@plain_model()
class RecipeActivation(PlainModel):
    """What activating a recipe made: the new flows' ids, in template order, and the
    deployment that holds them (None when the platform does not say).

    Examples:
        >>> RecipeActivation(flow_ids=("f1",)).flow_ids
        ('f1',)
    """

    flow_ids: tuple[str, ...] = ()
    deployment_id: str | None = None
