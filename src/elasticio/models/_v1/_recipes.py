"""Recipes as API v1 shows them, and what activating one there made."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.models._plain import PlainModel, plain_model

__all__ = ["V1Recipe", "V1RecipeActivation"]


@plain_model()
class V1Recipe(PlainModel):
    """A recipe in v1: the same recipe as v2's `elasticio.Recipe`, as plain JSON.

    The v1 shape is not documented (recipes left the v1 docs in 2015); these are the
    emulator's members, and anything else the platform sends is in ``extra``.

    Examples:
        >>> V1Recipe(id="r1", info={"title": "Pets by email"}).title
        'Pets by email'
    """

    id: str
    visibility: str | None = None
    workspace_id: str | None = None
    contract_id: str | None = None
    user_id: str | None = None
    info: Mapping[str, Any] = attrs.field(factory=dict)
    declarations: Mapping[str, Any] = attrs.field(factory=dict)
    flow_templates: tuple[Mapping[str, Any], ...] = ()

    @property
    def title(self) -> str | None:
        """``info["title"]``, when it is a string."""
        title = self.info.get("title")
        return title if isinstance(title, str) else None


@plain_model()
class V1RecipeActivation(PlainModel):
    """What a v1 activation made: the first new task's ``id`` and all of them
    (``task_ids``), and the recipe deployment holding them.

    Examples:
        >>> V1RecipeActivation(id="f1", task_ids=("f1",)).task_ids
        ('f1',)
    """

    id: str | None = None
    task_ids: tuple[str, ...] = ()
    recipe_deployment_id: str | None = None
