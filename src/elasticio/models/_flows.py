"""Flows, their graphs, versions, drafts and per-step snapshots."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs

from elasticio._errors import DecodeError
from elasticio.jsonapi import Document, Resource
from elasticio.models._binding import Binding, binding_field, require_binding
from elasticio.models._converter import structure_attributes
from elasticio.models._structure import linked_id, resource_values, sdk_field, structure_resource

if TYPE_CHECKING:
    from elasticio._pagination import Paginator

__all__ = [
    "Flow",
    "FlowDraft",
    "FlowEdge",
    "FlowGraph",
    "FlowNode",
    "FlowVersion",
    "FlowsAPI",
    "Snapshot",
    "draft_from",
    "flow_from",
    "graph_from",
    "parse_timestamp",
    "plain",
    "snapshot_from",
    "version_from",
]

T = TypeVar("T")


class FlowsAPI(Protocol):
    """The requests a flow model may need to traverse its relationships."""

    def versions(self, flow_id: str, *, page_size: int | None = None) -> Paginator[FlowVersion]: ...

    async def version(self, flow_id: str, version_hash: str) -> FlowVersion: ...

    async def get_draft(self, flow_id: str) -> FlowDraft: ...


def parse_timestamp(value: str | None) -> datetime | None:
    """An ISO 8601 timestamp as the API gives it (``2018-03-27T15:39:02.825Z``) as an
    aware datetime; None when the value is absent or not such a timestamp.

    Example:
        >>> parse_timestamp("2018-03-27T15:39:02.825Z").isoformat()
        '2018-03-27T15:39:02.825000+00:00'
    """
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    # A timestamp without an offset is not one the API sends; refuse to guess its zone.
    return parsed if parsed.tzinfo is not None else None


def plain(value: Any) -> Any:
    """``value`` with every mapping turned into a dict and every tuple into a list.

    Models hold read-only mappings; the JSON encoder wants plain containers, so a value
    read from a model (``flow.nodes_config``, say) can be sent back as it is.
    """
    if isinstance(value, FlowGraph):
        return value.to_json()
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def _members(shape: Any) -> dict[str, Any]:
    """A graph shape's JSON members: its fields that are not None, then its extra."""
    members = {
        field.name: plain(getattr(shape, field.name))
        for field in attrs.fields(type(shape))
        if field.name != "extra" and getattr(shape, field.name) is not None
    }
    return {**members, **plain(shape.extra)}


@attrs.frozen(kw_only=True)
class FlowNode:
    """One step of a flow graph.

    ``command`` names the component function, ``team/repo:function@version``. Members
    the SDK has no field for are kept in ``extra`` and sent back by :meth:`to_json`.

    Example:
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

    Example:
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
        graph = graph_from(value, "")
        if graph is None:
            raise DecodeError("a flow graph must be an object, not null")
        return graph

    def node(self, step_id: str) -> FlowNode | None:
        """The node with id ``step_id``, or None."""
        return next((node for node in self.nodes if node.id == step_id), None)

    def to_json(self) -> dict[str, Any]:
        """The graph as the API takes it."""
        return {
            "nodes": [node.to_json() for node in self.nodes],
            "edges": [edge.to_json() for edge in self.edges],
            **plain(self.extra),
        }


def _shapes(value: Any, cls: type[Any], pointer: str) -> tuple[Any, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise DecodeError(f"expected an array, got {type(value).__name__}", pointer=pointer)
    shapes = []
    for position, item in enumerate(value):
        where = f"{pointer}/{position}"
        if not isinstance(item, Mapping):
            raise DecodeError(f"expected an object, got {type(item).__name__}", pointer=where)
        shapes.append(structure_attributes(cls, item, pointer=where))
    return tuple(shapes)


def graph_from(value: Any, pointer: str) -> FlowGraph | None:
    """Structure a ``graph`` attribute found at ``pointer``; None stays None."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise DecodeError(
            f"a flow graph must be an object, got {type(value).__name__}", pointer=pointer
        )
    return FlowGraph(
        nodes=_shapes(value.get("nodes"), FlowNode, f"{pointer}/nodes"),
        edges=_shapes(value.get("edges"), FlowEdge, f"{pointer}/edges"),
        extra=MappingProxyType(
            {key: item for key, item in value.items() if key not in ("nodes", "edges")}
        ),
    )


@attrs.frozen(kw_only=True)
class FlowVersion:
    """A saved state of a flow; every create and update makes one. ``id`` is its hash."""

    id: str
    name: str | None = None
    description: str | None = None
    created_at: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    graph: FlowGraph | None = sdk_field(default=None)
    flow_id: str | None = sdk_field(default=None)
    user_id: str | None = sdk_field(default=None)

    @property
    def created_datetime(self) -> datetime | None:
        """``created_at`` parsed (see :func:`parse_timestamp`)."""
        return parse_timestamp(self.created_at)


@attrs.frozen(kw_only=True)
class FlowDraft:
    """A flow's unpublished changes; at most one per flow."""

    id: str
    name: str | None = None
    description: str | None = None
    cron: str | None = None
    stats_enabled: bool | None = None
    snapshot: Any = None
    created_at: str | None = None
    updated_at: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    graph: FlowGraph | None = sdk_field(default=None)
    flow_id: str | None = sdk_field(default=None)
    user_id: str | None = sdk_field(default=None)

    @property
    def created_datetime(self) -> datetime | None:
        """``created_at`` parsed (see :func:`parse_timestamp`)."""
        return parse_timestamp(self.created_at)

    @property
    def updated_datetime(self) -> datetime | None:
        """``updated_at`` parsed (see :func:`parse_timestamp`)."""
        return parse_timestamp(self.updated_at)


@attrs.frozen(kw_only=True)
class Snapshot:
    """The persistent state of one step of a flow; ``id`` is the step's id.

    ``snapshot`` is any JSON value, as the step stored it.
    """

    id: str
    snapshot: Any = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    flow_id: str | None = sdk_field(default=None)

    @property
    def step_id(self) -> str:
        """The step this snapshot belongs to (its ``id``)."""
        return self.id


@attrs.frozen(kw_only=True)
class Flow:
    """An integration flow.

    ``status`` is the state asked for (``active`` or ``inactive``); ``current_status``
    the state the flow is in, which follows a start or stop after a while. Timestamps
    are kept as the API sends them; the ``*_datetime`` properties parse them. The ids
    of related records come from the relationships.
    """

    id: str
    name: str | None = None
    description: str | None = None
    type: str | None = None
    status: str | None = None
    current_status: str | None = None
    default_mapper_type: str | None = None
    cron: str | None = None
    nodes_config: Mapping[str, Any] = attrs.field(factory=dict)
    stats_enabled: bool | None = None
    api_version: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    last_modified: str | None = None
    last_start_time: str | None = None
    due_execution: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    graph: FlowGraph | None = sdk_field(default=None)
    user_id: str | None = sdk_field(default=None)
    workspace_id: str | None = sdk_field(default=None)
    latest_version_id: str | None = sdk_field(default=None)
    draft_id: str | None = sdk_field(default=None)
    _binding: Binding[FlowsAPI] | None = binding_field()

    @property
    def is_settled(self) -> bool:
        """True when the flow is in the state asked for (``current_status == status``);
        false while a start or stop is under way, or when the statuses are unknown."""
        return self.current_status is not None and self.current_status == self.status

    @property
    def created_datetime(self) -> datetime | None:
        """``created_at`` parsed (see :func:`parse_timestamp`)."""
        return parse_timestamp(self.created_at)

    @property
    def updated_datetime(self) -> datetime | None:
        """``updated_at`` parsed."""
        return parse_timestamp(self.updated_at)

    @property
    def last_modified_datetime(self) -> datetime | None:
        """``last_modified`` parsed."""
        return parse_timestamp(self.last_modified)

    @property
    def last_start_datetime(self) -> datetime | None:
        """``last_start_time`` parsed."""
        return parse_timestamp(self.last_start_time)

    @property
    def due_execution_datetime(self) -> datetime | None:
        """``due_execution`` parsed."""
        return parse_timestamp(self.due_execution)

    async def versions(self) -> list[FlowVersion]:
        """Every version of this flow, oldest first (as many requests as pages)."""
        binding = require_binding(self._binding, "Flow.versions()")
        return await binding.api.versions(self.id).collect()

    async def latest_version(self) -> FlowVersion:
        """The latest version: from the document when included, else one request."""
        binding = require_binding(self._binding, "Flow.latest_version()")
        target = binding.related("latest_version")
        if isinstance(target, Resource):
            return version_from(binding.document, target, self.id)
        if self.latest_version_id is None:
            raise DecodeError(
                f"flow {self.id} does not name its latest version",
                pointer=f"{binding.resource.pointer}/relationships/latest_version",
            )
        return await binding.api.version(self.id, self.latest_version_id)

    async def draft(self) -> FlowDraft:
        """This flow's draft: from the document when included, else one request.

        Raises:
            NotFoundError: the flow has no draft.
        """
        binding = require_binding(self._binding, "Flow.draft()")
        target = binding.related("draft")
        if isinstance(target, Resource):
            return draft_from(binding.document, target, self.id)
        return await binding.api.get_draft(self.id)


def _structure_with_graph(cls: type[T], resource: Resource, **sdk_values: Any) -> T:
    """Structure a resource whose ``graph`` attribute becomes a :class:`FlowGraph`."""
    values = resource_values(resource)
    # The graph is an SDK field, so the converter would otherwise keep it in ``extra``.
    graph = values.pop("graph", None)
    return structure_attributes(
        cls,
        values,
        pointer=resource.pointer,
        graph=graph_from(graph, f"{resource.pointer}/attributes/graph"),
        **sdk_values,
    )


def flow_from(api: FlowsAPI, document: Document, resource: Resource) -> Flow:
    """Structure a ``flow`` resource, bound for traversal."""
    return _structure_with_graph(
        Flow,
        resource,
        user_id=linked_id(resource, "user"),
        workspace_id=linked_id(resource, "workspace"),
        latest_version_id=linked_id(resource, "latest_version"),
        draft_id=linked_id(resource, "draft"),
        binding=Binding(api, document, resource),
    )


def version_from(document: Document, resource: Resource, flow_id: str | None = None) -> FlowVersion:
    """Structure a ``flow-version`` resource; ``flow_id`` fills in a missing relationship."""
    del document  # versions have nothing to traverse
    return _structure_with_graph(
        FlowVersion,
        resource,
        flow_id=linked_id(resource, "flow") or flow_id,
        user_id=linked_id(resource, "user"),
    )


def draft_from(document: Document, resource: Resource, flow_id: str | None = None) -> FlowDraft:
    """Structure a ``flow-draft`` resource; ``flow_id`` fills in a missing relationship."""
    del document
    return _structure_with_graph(
        FlowDraft,
        resource,
        flow_id=linked_id(resource, "flow") or flow_id,
        user_id=linked_id(resource, "user"),
    )


def snapshot_from(document: Document, resource: Resource, flow_id: str) -> Snapshot:
    """Structure a ``snapshot`` resource of flow ``flow_id``."""
    del document
    return structure_resource(Snapshot, resource, flow_id=flow_id)
