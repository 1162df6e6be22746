"""What a flow's attributes must be, when created, updated or drafted.

The schema checks each attribute's JSON shape; `flow_changes` then checks the graph
and the node options in depth and returns the changes ready for the store. Graph nodes
get their ``component_id`` from the component their ``command`` names
(``team/repo:function@version``), and edges an ``id`` (``mapper:step_1:step_2`` when they
carry a mapper, else ``step_1:step_2``), as the platform's answers show.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from elasticio.testing._areas.components.store import (
    ComponentRecord,
    Components,
    parse_command,
)
from elasticio.testing._errors import ReplyError
from elasticio.testing._json import clone
from elasticio.testing._schema import Attr

__all__ = ["FLOW_ATTRIBUTES", "REQUIRED_ON_CREATE", "flow_changes"]

FLOW_ATTRIBUTES = (
    Attr("name", "string", filled=True),
    Attr("type", choices=("ordinary", "long_running")),
    Attr("default_mapper_type", choices=("jsonata",)),
    Attr("description", "string", nullable=True),
    Attr("cron", "string", nullable=True),
    Attr("stats_enabled", "boolean"),
    Attr("graph", "object"),
    Attr("nodes_config", "object"),
)
"""A flow's attributes as a client may set them."""

REQUIRED_ON_CREATE = ("name", "type", "graph", "default_mapper_type")
"""The docs' "required" column for creating a flow."""

_LOG_LEVELS = ("trace", "debug", "info", "warn", "error", "fatal")
_BOOLEAN_NODE_OPTIONS = ("disable_dynamic_flow_control", "persistent_messages")


def _fail(member: str, problem: str) -> ReplyError:
    """A 400 about ``member`` (``graph.nodes[1].command``), pointed at as JSON Pointer."""
    pointer = "/data/attributes/" + re.sub(r"\[(\d+)\]", r"/\1", member).replace(".", "/")
    return ReplyError(400, f"data.attributes.{member} {problem}", pointer=pointer)


def flow_changes(
    components: Components, attributes: Mapping[str, Any], *, contract_id: str
) -> dict[str, Any]:
    """The attributes, read by a schema of `FLOW_ATTRIBUTES`, with the graph and the
    node options checked in depth; a 400 names the first member that is wrong.

    A step may use only a component the flow's contract (``contract_id``) may use; any
    other is unknown to it, as if it did not exist.
    """
    changes = dict(attributes)
    if "graph" in changes:
        changes["graph"] = _graph(components, changes["graph"], contract_id)
    if "nodes_config" in changes:
        changes["nodes_config"] = _nodes_config(changes["nodes_config"])
    return changes


def _graph(components: Components, graph: Mapping[str, Any], contract_id: str) -> dict[str, Any]:
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
        component = components.resolve(node["command"]) or components.get(
            str(node.get("component_id"))
        )
        if component is None or not component.available_to(contract_id):
            raise _fail(f"{where}.command", f"names no known component: {node['command']!r}")
        problem = _command_problem(component, node["command"])
        if problem is not None:
            raise _fail(f"{where}.command", f"{problem}: {node['command']!r}")
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


def _command_problem(component: ComponentRecord, command: str) -> str | None:
    """What is wrong with the function or version a resolved ``command`` names, if any.

    A pinned version must be a build of the component; the function must be a trigger or
    an action of that build, when its descriptor lists any (a bare descriptor lists none,
    and then any function passes).
    """
    parts = parse_command(command)
    if parts is None:  # resolved by component_id: nothing more to check
        return None
    _, _, function, revision = parts
    build = component.version(revision)
    if build is None:
        return "names no build of the component" if revision != "latest" else None
    functions = {
        name
        for kind in ("triggers", "actions")
        if isinstance(build.descriptor.get(kind), Mapping)
        for name in build.descriptor[kind]
    }
    if functions and function not in functions:
        return "names no trigger or action of the component"
    return None


def _nodes_config(config: Mapping[str, Any]) -> dict[str, Any]:
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
