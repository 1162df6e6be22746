"""The builders written per class, and the graph built on first read: the same models as
the converter builds, and no malformed value let through, now or later."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elasticio import DecodeError
from elasticio.jsonapi import Document
from elasticio.models import Flow, FlowDraft, FlowEdge, FlowGraph, FlowNode, FlowVersion
from elasticio.models._builders import LazySlot, Pending, shape_builder, shape_plain
from elasticio.models._declare import Model, _plan, _structure_checked, model, structure
from elasticio.models._fast import Slow
from elasticio.models._flows import _plain_graph, _structure_graph
from tests.models.test_fuzz import JSON_VALUES, PROFILE, TEXT

FIXTURES = Path(__file__).parent.parent / "fixtures"


def example_flow() -> tuple[Document, Any]:
    document = Document.parse(json.loads((FIXTURES / "flows" / "get.json").read_text()))
    return document, document.primary[0]


def slot_value(flow: Flow) -> Any:
    """What the graph's slot holds, read past the descriptor."""
    descriptor = type(flow).__dict__["graph"]
    assert isinstance(descriptor, LazySlot)
    return descriptor.slot.__get__(flow, type(flow))


def test_a_graph_is_built_on_first_read_and_kept() -> None:
    document, resource = example_flow()
    flow = structure(Flow, document, resource)
    assert type(slot_value(flow)) is Pending
    graph = flow.graph
    assert isinstance(graph, FlowGraph)
    assert slot_value(flow) is graph
    assert flow.graph is graph


def test_a_lazy_graph_is_the_graph_the_converter_builds() -> None:
    document, resource = example_flow()
    lazy = structure(Flow, document, resource)
    eager = _structure_checked(_plan(Flow), Flow, document, resource, None, {}, None)
    assert type(slot_value(eager)) is FlowGraph
    assert lazy == eager
    assert repr(lazy) == repr(eager)
    assert lazy.to_dict() == eager.to_dict()


@pytest.mark.parametrize("cls", [Flow, FlowVersion, FlowDraft])
def test_every_model_with_a_graph_builds_it_lazily(cls: type[Any]) -> None:
    raw = {"type": resource_type(cls), "id": "x1", "attributes": {"graph": {"nodes": []}}}
    document = Document.parse({"data": raw})
    built = structure(cls, document, document.primary[0])
    assert type(slot_value(built)) is Pending
    assert built.graph == FlowGraph()


def resource_type(cls: type[Any]) -> str:
    return next(iter(_plan(cls).types))


def test_a_lazy_graph_reads_through_evolve_and_stays_frozen() -> None:
    document, resource = example_flow()
    flow = structure(Flow, document, resource)
    renamed = attrs.evolve(flow, name="Renamed")
    assert renamed.graph == flow.graph
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        flow.graph = None  # type: ignore[misc]


def test_a_model_built_by_hand_keeps_its_graph() -> None:
    structure(Flow, *example_flow())  # the descriptor is in place
    graph = FlowGraph(nodes=(FlowNode(id="s1"),))
    assert Flow(id="f1", graph=graph).graph is graph
    assert Flow(id="f1").graph is None


@pytest.mark.parametrize(
    ("graph", "pointer"),
    [
        ([], "/data/attributes/graph"),
        ({"nodes": {}}, "/data/attributes/graph/nodes"),
        ({"nodes": [5]}, "/data/attributes/graph/nodes/0"),
        ({"nodes": [{"command": "a/b:c"}]}, "/data/attributes/graph/nodes/0"),
        ({"edges": [{"source": "s1"}]}, "/data/attributes/graph/edges/0"),
        ({"edges": [{"source": "s1", "target": 2}]}, "/data/attributes/graph/edges/0"),
        (
            {"nodes": [{"id": "s1", "selected_data_samples": ["a", 1]}]},
            "/data/attributes/graph/nodes/0",
        ),
    ],
)
def test_a_malformed_graph_is_refused_when_the_model_is_built(graph: Any, pointer: str) -> None:
    document = Document.parse(
        {"data": {"type": "flow", "id": "f1", "attributes": {"graph": graph}}}
    )
    with pytest.raises(DecodeError) as caught:
        structure(Flow, document, document.primary[0])
    assert caught.value.pointer == pointer


def test_a_graph_spoiled_after_the_build_is_refused_when_read() -> None:
    """The lazy build is as strict as the eager one: the document changed under the model
    gives an error, never a wrong graph."""
    document, resource = example_flow()
    flow = structure(Flow, document, resource)
    resource._raw["attributes"]["graph"]["nodes"][0]["id"] = 7
    with pytest.raises(DecodeError) as caught:
        _ = flow.graph
    assert caught.value.pointer == "/nodes/0"


NODE_MEMBERS = st.fixed_dictionaries(
    {},
    optional={
        "id": TEXT | JSON_VALUES,
        "command": TEXT | st.none() | JSON_VALUES,
        "name": TEXT | st.none(),
        "fields": st.dictionaries(TEXT, JSON_VALUES, max_size=2) | st.none() | JSON_VALUES,
        "selected_data_samples": st.lists(TEXT, max_size=2) | st.none() | JSON_VALUES,
        "source": TEXT | JSON_VALUES,
        "target": TEXT | st.none(),
        "config": st.dictionaries(TEXT, JSON_VALUES, max_size=2) | st.none(),
        "other": JSON_VALUES,
    },
)
SHAPES = NODE_MEMBERS | JSON_VALUES


@pytest.mark.parametrize("cls", [FlowNode, FlowEdge])
def test_a_plain_shape_is_one_its_builder_builds_as_the_converter_does(cls: type[Any]) -> None:
    @settings(PROFILE)
    @given(item=SHAPES)
    def check(item: Any) -> None:
        try:
            built = shape_builder(cls)(item)
        except Slow:
            assert not shape_plain(cls)(item)
            return
        assert shape_plain(cls)(item)
        graph = {"nodes" if cls is FlowNode else "edges": [item]}
        converted = _structure_graph(json.loads(json.dumps(graph)))
        assert (converted.nodes or converted.edges) == (built,)

    check()


@settings(PROFILE)
@given(
    graph=st.fixed_dictionaries(
        {},
        optional={
            "nodes": st.lists(SHAPES, max_size=2) | JSON_VALUES,
            "edges": st.lists(SHAPES, max_size=2) | JSON_VALUES,
            "x": JSON_VALUES,
        },
    )
    | JSON_VALUES
)
def test_a_plain_graph_always_builds(graph: Any) -> None:
    if _plain_graph(graph):
        assert isinstance(_structure_graph(graph), FlowGraph)


def test_a_model_with_a_validator_is_built_through_its_init() -> None:
    @model("kennel")
    class Kennel(Model):
        id: str
        size: int | None = attrs.field(
            default=None, validator=attrs.validators.optional(attrs.validators.ge(0))
        )

    def kennel(size: int) -> Document:
        raw = {"type": "kennel", "id": "k1", "attributes": {"size": size}}
        return Document.parse({"data": raw})

    good = kennel(3)
    assert structure(Kennel, good, good.primary[0]).size == 3
    bad = kennel(-1)
    with pytest.raises(DecodeError):
        structure(Kennel, bad, bad.primary[0])
