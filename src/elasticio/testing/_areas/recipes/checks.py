"""What a recipe's attributes must be: the docs' tables, checked in depth.

The schema checks each attribute's JSON type; `recipe_changes` then checks inside them and
returns the changes ready for the store. ``info`` needs ``title``, ``description`` and
``short_description`` on create; a template needs a ``title`` and a ``graph`` with a list of
nodes (its commands are checked when the recipe is activated, against the workspace's
components, as the flow they become).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticio.testing._errors import invalid
from elasticio.testing._json import clone
from elasticio.testing._schema import Attr

__all__ = ["INFO_REQUIRED", "RECIPE_ATTRIBUTES", "recipe_changes"]

RECIPE_ATTRIBUTES = (
    Attr("info", "object"),
    Attr("declarations", "object"),
    Attr("flow_templates", "array", filled=True),
)
INFO_REQUIRED = ("title", "description", "short_description")
_INFO_TEXTS = (*INFO_REQUIRED, "author")
_BASE = "/data/attributes"


def recipe_changes(
    attributes: Mapping[str, Any], *, info: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The attributes checked in depth; ``info`` is the stored info a PATCH merges into
    (None: a new recipe, whose info needs every required text)."""
    changes = clone(dict(attributes))
    if "info" in changes:
        merged = {**(info or {}), **changes["info"]}
        for name in _INFO_TEXTS:
            value = merged.get(name)
            if value is None and name in INFO_REQUIRED and info is None:
                raise invalid(f"{_BASE}/info/{name}", "is required")
            if value is not None and not (isinstance(value, str) and value.strip()):
                raise invalid(f"{_BASE}/info/{name}", "must be a non-empty string")
        changes["info"] = merged
    if "declarations" in changes:
        for name in ("variables", "credentials"):
            _declared(changes["declarations"].get(name, []), name)
    if "flow_templates" in changes:
        for index, template in enumerate(changes["flow_templates"]):
            _template(template, f"{_BASE}/flow_templates/{index}")
    return changes


def _declared(items: Any, name: str) -> None:
    pointer = f"{_BASE}/declarations/{name}"
    if not isinstance(items, list):
        raise invalid(pointer, "must be a list")
    for index, item in enumerate(items):
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            raise invalid(f"{pointer}/{index}", "must be an object with an id")


def _template(template: Any, pointer: str) -> None:
    if not isinstance(template, Mapping):
        raise invalid(pointer, "must be an object")
    title = template.get("title")
    if not isinstance(title, str) or not title.strip():
        raise invalid(f"{pointer}/title", "must be a non-empty string")
    if template.get("cron") is not None and not isinstance(template["cron"], str):
        raise invalid(f"{pointer}/cron", "must be a string")
    graph = template.get("graph")
    if not isinstance(graph, Mapping) or not isinstance(graph.get("nodes"), list):
        raise invalid(f"{pointer}/graph", "must be an object with a list of nodes")
    for index, node in enumerate(graph["nodes"]):
        if not isinstance(node, Mapping) or not isinstance(node.get("id"), str):
            raise invalid(f"{pointer}/graph/nodes/{index}", "must be an object with an id")
