"""Flows, their graphs, versions, drafts and per-step snapshots."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
import cattrs

from elasticio._errors import DecodeError
from elasticio.jsonapi import UNSET, Resource, Unset
from elasticio.models._builders import lazy, shape_builder, shape_plain
from elasticio.models._converter import converter, describe_error, to_plain
from elasticio.models._declare import Binding, Model, model, to_one

__all__ = [
    "Flow",
    "FlowAttributes",
    "FlowDraft",
    "FlowEdge",
    "FlowGraph",
    "FlowNode",
    "FlowVersion",
    "Snapshot",
]

M = TypeVar("M", bound=Model)
T = TypeVar("T")


def _members(shape: Any) -> dict[str, Any]:
    """A graph shape's JSON members: its fields that are not None, then its extra."""
    members = {
        field.name: to_plain(getattr(shape, field.name))
        for field in attrs.fields(type(shape))
        if field.name != "extra" and getattr(shape, field.name) is not None
    }
    return {**members, **to_plain(shape.extra)}


@attrs.frozen(kw_only=True)
class FlowNode:
    """One step of a flow graph.

    ``command`` names the component function, ``team/repo:function@version``. Members
    the SDK has no field for are kept in ``extra`` and sent back by
    [`to_json`][elasticio.FlowNode.to_json].

    Examples:
        >>> FlowNode(id="step_1", command="elasticio/timer:timer").to_json()
        {'id': 'step_1', 'command': 'elasticio/timer:timer'}
    """

    id: str
    command: str | None = None
    component_id: str | None = None
    name: str | None = None
    description: str | None = None
    fields: Mapping[str, Any] | None = None
    credentials_id: str | None = None
    secret_id: str | None = None
    vpn_agent_id: str | None = None
    selected_data_samples: tuple[str, ...] | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The node as the API takes it; members that are None are left out."""
        return _members(self)


@attrs.frozen(kw_only=True)
class FlowEdge:
    """A connection from step ``source`` to step ``target``.

    ``config`` holds ``mapper_type``, ``mapper`` (the JSONata expressions by field) and
    ``condition``, as sent. The platform assigns ``id`` when it is left out.
    """

    source: str
    target: str
    id: str | None = None
    config: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The edge as the API takes it; members that are None are left out."""
        return _members(self)


@attrs.frozen(kw_only=True)
class FlowGraph:
    """A flow's steps (``nodes``) and their connections (``edges``).

    Examples:
        >>> graph = FlowGraph(
        ...     nodes=(FlowNode(id="step_1", command="elasticio/timer:timer"),
        ...            FlowNode(id="step_2", command="elasticio/email:send")),
        ...     edges=(FlowEdge(source="step_1", target="step_2"),),
        ... )
        >>> graph.node("step_2").command
        'elasticio/email:send'
    """

    nodes: tuple[FlowNode, ...] = ()
    edges: tuple[FlowEdge, ...] = ()
    extra: Mapping[str, Any] = attrs.field(factory=dict)

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> FlowGraph:
        """A graph from its JSON form, as the API shows it.

        Raises:
            DecodeError: the value is not a graph; ``pointer`` names the bad member.
        """
        if value is None:
            raise DecodeError("a flow graph must be an object, not null")
        return _structure_graph(value)

    def node(self, step_id: str) -> FlowNode | None:
        """The node with id ``step_id``, or None."""
        return next((node for node in self.nodes if node.id == step_id), None)

    def to_json(self) -> dict[str, Any]:
        """The graph as the API takes it."""
        return {
            "nodes": [node.to_json() for node in self.nodes],
            "edges": [edge.to_json() for edge in self.edges],
            **to_plain(self.extra),
        }


def _shapes(value: Any, cls: type[Any], pointer: str) -> tuple[Any, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise DecodeError(f"expected an array, got {type(value).__name__}", pointer=pointer)
    shapes = []
    for position, item in enumerate(value):
        where = f"{pointer}/{position}"
        if type(item) is not dict and not isinstance(item, Mapping):
            raise DecodeError(f"expected an object, got {type(item).__name__}", pointer=where)
        shapes.append(_shape(cls, item, where))
    return tuple(shapes)


def _shape(cls: type[T], item: Mapping[str, Any], pointer: str) -> T:
    """A node or edge; members it has no field for are kept in its ``extra``."""
    try:
        built: T = shape_builder(cls)(item)
        return built
    except Exception:  # noqa: S110 (anything but the plain case is the converter's to judge)
        pass
    known = _MEMBERS[cls]
    payload = {key: value for key, value in item.items() if key in known}
    payload["extra"] = {key: value for key, value in item.items() if key not in known}
    try:
        return converter.structure(payload, cls)
    except cattrs.BaseValidationError as exc:
        raise DecodeError(describe_error(exc), pointer=pointer) from exc


def _structure_graph(value: Any, _: Any = None) -> FlowGraph:
    """The converter's hook for a ``graph`` attribute; a DecodeError's pointer is
    relative to the graph (``/nodes/1``)."""
    if type(value) is not dict and not isinstance(value, Mapping):
        raise DecodeError(f"a flow graph must be an object, got {type(value).__name__}")
    return FlowGraph(
        nodes=_shapes(value.get("nodes"), FlowNode, "/nodes"),
        edges=_shapes(value.get("edges"), FlowEdge, "/edges"),
        extra=MappingProxyType(
            {key: item for key, item in value.items() if key not in ("nodes", "edges")}
        ),
    )


_MEMBERS: dict[type[Any], frozenset[str]] = {
    cls: frozenset(field.name for field in attrs.fields(cls) if field.name != "extra")
    for cls in (FlowNode, FlowEdge)
}


def _plain_graph(value: Any) -> bool:
    """True when `_structure_graph` builds ``value`` without asking the converter."""
    if type(value) is not dict:
        return False
    for key, cls in (("nodes", FlowNode), ("edges", FlowEdge)):
        items = value.get(key)
        if items is not None:
            if type(items) is not list:
                return False
            plain = shape_plain(cls)
            for item in items:
                if not plain(item):
                    return False
    return True


converter.register_structure_hook(FlowGraph, _structure_graph)
# A model's graph is checked when the model is built and built when first read.
lazy(FlowGraph, _plain_graph, _structure_graph)
# to_dict() and request bodies show a graph in the API's own form, not field by field.
to_plain.register(FlowGraph, FlowGraph.to_json)
to_plain.register(FlowNode, FlowNode.to_json)
to_plain.register(FlowEdge, FlowEdge.to_json)


@attrs.frozen(kw_only=True)
class FlowAttributes:
    """The attributes a request sends to create or change a flow or its draft; those
    left ``UNSET`` are not sent, None is sent as null (``snapshot`` is a draft's only).

    Examples:
        >>> from elasticio.models._converter import attributes_of
        >>> attributes_of(FlowAttributes(name="Nightly", cron=None))
        {'name': 'Nightly', 'cron': None}
    """

    name: str | Unset = UNSET
    type: str | Unset = UNSET
    graph: FlowGraph | Mapping[str, Any] | Unset = UNSET
    default_mapper_type: str | Unset = UNSET
    cron: str | Unset | None = UNSET
    description: str | Unset | None = UNSET
    nodes_config: Mapping[str, Any] | Unset = UNSET
    stats_enabled: bool | Unset = UNSET
    snapshot: Any = UNSET


@model("flow-version")
class FlowVersion(Model):
    """A saved state of a flow; every create and update makes one. ``id`` is its hash;
    ``flow_id`` comes from the relationship, else from the request's path."""

    id: str
    name: str | None = None
    description: str | None = None
    graph: FlowGraph | None = None
    created_at: datetime | None = None
    flow_id: str | None = to_one("flow")
    user_id: str | None = to_one("user")


@model("flow-draft")
class FlowDraft(Model):
    """A flow's unpublished changes; at most one per flow. ``snapshot`` is any JSON
    value, as stored."""

    id: str
    name: str | None = None
    description: str | None = None
    cron: str | None = None
    stats_enabled: bool | None = None
    graph: FlowGraph | None = None
    snapshot: Any = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    flow_id: str | None = to_one("flow")
    user_id: str | None = to_one("user")


@model("snapshot")
class Snapshot(Model):
    """The persistent state of one step of a flow; ``id`` is the step's id.

    ``snapshot`` is any JSON value, as the step stored it; ``flow_id`` is the flow of
    the request's path.
    """

    id: str
    snapshot: Any = None
    flow_id: str | None = to_one("flow")

    @property
    def step_id(self) -> str:
        """The step this snapshot belongs to (its ``id``)."""
        return self.id


@model("flow")
class Flow(Model):
    """An integration flow.

    ``status`` is the state asked for (``active``, ``inactive`` or ``suspended``);
    ``current_status`` the state the flow is in, which follows a start, stop or suspend
    after a while. Timestamps
    are aware datetimes; the ids of related records come from the relationships.

    Examples:
        >>> flow = await client.flows.get("FLOW_ID")  # doctest: +SKIP
        >>> flow.created_at.year, flow.graph.nodes[0].command  # doctest: +SKIP
        (2018, 'elasticio/timer:timer')
    """

    id: str
    name: str | None = None
    description: str | None = None
    type: str | None = None
    status: str | None = None
    current_status: str | None = None
    default_mapper_type: str | None = None
    cron: str | None = None
    graph: FlowGraph | None = None
    nodes_config: Mapping[str, Any] = attrs.field(factory=dict)
    stats_enabled: bool | None = None
    api_version: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    last_modified: datetime | None = None
    last_start_time: datetime | None = None
    due_execution: datetime | None = None
    user_id: str | None = to_one("user")
    workspace_id: str | None = to_one("workspace")
    latest_version_id: str | None = to_one("latest_version")
    draft_id: str | None = to_one("draft")

    @property
    def is_settled(self) -> bool:
        """True when the flow is in the state asked for (``current_status == status``);
        false while a start or stop is under way, or when the statuses are unknown."""
        return self.current_status is not None and self.current_status == self.status

    async def versions(self) -> list[FlowVersion]:
        """Every version of this flow, oldest first (as many requests as pages)."""
        binding = self._bound("Flow.versions()")
        versions: list[FlowVersion] = await binding.api.versions(self.id).collect()
        return versions

    async def latest_version(self) -> FlowVersion:
        """The latest version: from the document when included, else one request.

        Raises:
            DecodeError: the flow names no latest version.
        """
        binding = self._bound("Flow.latest_version()")
        target = binding.related("latest_version")
        if isinstance(target, Resource):
            return _included(FlowVersion, binding, target, self.id)
        if self.latest_version_id is None:
            raise DecodeError(
                f"flow {self.id} does not name its latest version",
                pointer=f"{binding.resource.pointer}/relationships/latest_version",
            )
        version: FlowVersion = await binding.api.version(self.id, self.latest_version_id)
        return version

    async def draft(self) -> FlowDraft:
        """This flow's draft: from the document when included, else one request.

        Raises:
            NotFoundError: the flow has no draft.
        """
        binding = self._bound("Flow.draft()")
        target = binding.related("draft")
        if isinstance(target, Resource):
            return _included(FlowDraft, binding, target, self.id)
        draft: FlowDraft = await binding.api.get_draft(self.id)
        return draft


def _included(cls: type[M], binding: Binding, resource: Resource, flow_id: str) -> M:
    """``resource``, included in a flow's document, as a ``cls`` of flow ``flow_id``."""
    return binding.build(cls, resource, context={"flow_id": flow_id})
