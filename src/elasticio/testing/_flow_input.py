"""Checking the attributes of a flow sent to create or update it.

The result is a dict of changes ready for :meth:`Platform.add_flow` or
:meth:`Platform.update_flow`. Graph nodes get their ``component_id`` from the component
their ``command`` names (``team/repo:function@version``), and edges an ``id``
(``mapper:step_1:step_2`` when they carry a mapper, else ``step_1:step_2``), as the
platform's answers show.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticio.testing._errors import ReplyError, bad_request
from elasticio.testing._json import clone
from elasticio.testing._platform import Platform

__all__ = ["REQUIRED_ON_CREATE", "flow_changes"]

# The docs' "required" column for creating a flow.
REQUIRED_ON_CREATE = ("name", "type", "graph", "default_mapper_type")
_LOG_LEVELS = ("trace", "debug", "info", "warn", "error", "fatal")
_BOOLEAN_NODE_OPTIONS = ("disable_dynamic_flow_control", "persistent_messages")


def _fail(attribute: str, problem: str) -> ReplyError:
    return bad_request(f"data.attributes.{attribute} {problem}")


def flow_changes(platform: Platform, found: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    """Validated flow attributes; a 400 names the first attribute that is wrong."""
    if creating:
        for name in REQUIRED_ON_CREATE:
            if found.get(name) is None:
                raise _fail(name, "is required")
    changes: dict[str, Any] = {}
    if "name" in found:
        if not isinstance(found["name"], str) or not found["name"].strip():
            raise _fail("name", "must be a non-empty string")
        changes["name"] = found["name"]
    if "type" in found:
        if found["type"] not in ("ordinary", "long_running"):
            raise _fail("type", "must be ordinary or long_running")
        changes["type"] = found["type"]
    if "default_mapper_type" in found:
        if found["default_mapper_type"] != "jsonata":
            raise _fail("default_mapper_type", "must be jsonata")
        changes["default_mapper_type"] = "jsonata"
    for name in ("description", "cron"):
        if name in found:
            if found[name] is not None and not isinstance(found[name], str):
                raise _fail(name, "must be a string or null")
            changes[name] = found[name]
    if "stats_enabled" in found:
        if not isinstance(found["stats_enabled"], bool):
            raise _fail("stats_enabled", "must be true or false")
        changes["stats_enabled"] = found["stats_enabled"]
    if "graph" in found:
        changes["graph"] = _graph(platform, found["graph"])
    if "nodes_config" in found:
        changes["nodes_config"] = _nodes_config(found["nodes_config"])
    return changes


def _graph(platform: Platform, graph: Any) -> dict[str, Any]:
    if not isinstance(graph, Mapping):
        raise _fail("graph", "must be an object with nodes and edges")
    nodes, edges = graph.get("nodes"), graph.get("edges", [])
    if not isinstance(nodes, list) or not isinstance(edges, list):
        raise _fail("graph", "must have a list of nodes and a list of edges")
    step_ids: list[str] = []
    out_nodes = []
    for index, node in enumerate(nodes):
        where = f"graph.nodes[{index}]"
        if not isinstance(node, Mapping) or not isinstance(node.get("id"), str):
            raise _fail(where, "must be an object with an id")
        if not isinstance(node.get("command"), str):
            raise _fail(f"{where}.command", "is required")
        component = platform.components.resolve(node["command"]) or platform.components.get(
            str(node.get("component_id"))
        )
        if component is None:
            raise _fail(f"{where}.command", f"names no known component: {node['command']!r}")
        step_ids.append(node["id"])
        out_nodes.append({**clone(dict(node)), "component_id": component.id})
    if len(set(step_ids)) != len(step_ids):
        raise _fail("graph.nodes", "must have unique ids")
    out_edges = []
    for index, edge in enumerate(edges):
        where = f"graph.edges[{index}]"
        if not isinstance(edge, Mapping):
            raise _fail(where, "must be an object")
        source, target = edge.get("source"), edge.get("target")
        if source not in step_ids or target not in step_ids:
            raise _fail(where, "must connect two steps of the graph")
        config = edge.get("config")
        mapped = isinstance(config, Mapping) and bool(config.get("mapper"))
        default_id = f"mapper:{source}:{target}" if mapped else f"{source}:{target}"
        out_edges.append({"id": default_id, **clone(dict(edge))})
    return {"nodes": out_nodes, "edges": out_edges}


def _nodes_config(config: Any) -> dict[str, Any]:
    if not isinstance(config, Mapping):
        raise _fail("nodes_config", "must be an object keyed by step id")
    for step, options in config.items():
        where = f"nodes_config.{step}"
        if not isinstance(options, Mapping):
            raise _fail(where, "must be an object")
        for name in ("prefetch", "replicas"):
            value = options.get(name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise _fail(f"{where}.{name}", "must be an integer")
        replicas = options.get("replicas")
        if isinstance(replicas, int) and not 1 <= replicas <= 5:
            raise _fail(f"{where}.replicas", "must be between 1 and 5")
        if options.get("log_level") not in (None, *_LOG_LEVELS):
            raise _fail(f"{where}.log_level", f"must be one of {', '.join(_LOG_LEVELS)}")
        for name in _BOOLEAN_NODE_OPTIONS:
            if name in options and not isinstance(options[name], bool):
                raise _fail(f"{where}.{name}", "must be true or false")
    return clone(dict(config))
