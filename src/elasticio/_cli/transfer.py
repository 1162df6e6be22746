"""``flows export`` and ``flows import``: flows as JSON files, and the changes that
bring a workspace in line with them.

An export file is one flow's ``Flow.to_dict()``: its id, name, graph, cron and the rest.
An import matches each file to a flow of the target workspace, by id first (the same
workspace, exported earlier) and then by name, each flow matched once; a file that
matches none creates a flow. A matched flow is updated in the fields that differ, or
left alone. Status is not imported: a new flow is inactive.

Examples:
    >>> plan_import([{"name": "Nightly", "graph": {"nodes": [], "edges": []}}], [])
    [Change(action='create', name='Nightly', flow_id=None, fields={...})]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

__all__ = ["IMPORTED", "Change", "export_path", "plan_import", "read_exports"]

IMPORTED = (
    "name",
    "description",
    "type",
    "cron",
    "default_mapper_type",
    "graph",
    "nodes_config",
    "stats_enabled",
)
"""The members of an export file that an import writes."""

# Members the platform refuses as null: left out when the file holds null.
_NOT_NULL = frozenset(("name", "type", "default_mapper_type", "graph", "nodes_config"))


@attrs.frozen
class Change:
    """What an import does for one file: ``create``, ``update`` (``fields`` differ) or
    nothing (``unchanged``)."""

    action: Literal["create", "update", "unchanged"]
    name: str
    flow_id: str | None
    fields: dict[str, Any]

    def describe(self) -> str:
        """One line: the action, the flow and, for an update, the fields it changes."""
        where = f" ({self.flow_id})" if self.flow_id else ""
        changed = f": {', '.join(sorted(self.fields))}" if self.action == "update" else ""
        return f"{self.action} {self.name}{where}{changed}"


def export_path(directory: Path, flow: Mapping[str, Any]) -> Path:
    """Where a flow is exported: ``<directory>/<flow id>.json`` (ids are unique, names not)."""
    return directory / f"{flow['id']}.json"


def read_exports(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """The flows of export files, and of the ``*.json`` files of directories, by path.

    Raises:
        ValueError: a file is not JSON, or not a flow (an object with a name and a graph).
    """
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("*.json")) if path.is_dir() else [path]
    flows = []
    for file in files:
        try:
            flow = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{file}: {exc}") from exc
        if not isinstance(flow, dict) or not isinstance(flow.get("name"), str):
            raise ValueError(f"{file}: not an exported flow (an object with a name)")
        if not isinstance(flow.get("graph"), dict):
            raise ValueError(f"{file}: not an exported flow (it has no graph)")
        flows.append(flow)
    return flows


def _wanted(flow: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: flow[key]
        for key in IMPORTED
        if key in flow and not (flow[key] is None and key in _NOT_NULL)
    }


def _match(
    flows: Sequence[Mapping[str, Any]], existing: Sequence[Mapping[str, Any]]
) -> list[Mapping[str, Any] | None]:
    """The existing flow each exported flow matches: by id, then by name; each once."""
    by_id = {flow["id"]: flow for flow in existing}
    taken: set[str] = set()
    matches: list[Mapping[str, Any] | None] = []
    for flow in flows:
        found = by_id.get(flow.get("id"))
        if found is not None:
            taken.add(found["id"])
        matches.append(found)
    for position, flow in enumerate(flows):
        if matches[position] is None:
            found = next(
                (f for f in existing if f["id"] not in taken and f.get("name") == flow["name"]),
                None,
            )
            if found is not None:
                taken.add(found["id"])
                matches[position] = found
    return matches


def plan_import(
    flows: Sequence[Mapping[str, Any]], existing: Sequence[Mapping[str, Any]]
) -> list[Change]:
    """The change for each exported flow, in order, against the ``existing`` flows of the
    target workspace (both as ``to_dict()`` gives them)."""
    changes = []
    for flow, found in zip(flows, _match(flows, existing), strict=True):
        wanted = _wanted(flow)
        if found is None:
            changes.append(Change("create", flow["name"], None, wanted))
            continue
        differ = {
            key: value
            for key, value in wanted.items()
            if found.get(key) != value and not (key == "nodes_config" and not value)
        }
        action: Literal["update", "unchanged"] = "update" if differ else "unchanged"
        changes.append(Change(action, flow["name"], found["id"], differ))
    return changes
