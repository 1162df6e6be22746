"""The fast path of structuring builds exactly what the converter builds, and leaves every
malformed value to the converter's errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from elasticio import DecodeError
from elasticio.jsonapi import Document
from elasticio.jsonapi._json import loads
from elasticio.models import Flow, FlowDraft, FlowNode
from elasticio.models._declare import _TYPES, _plan, _structure_checked, structure
from elasticio.models._fast import Slow, field_check
from tests.models.test_fuzz import CONTEXTS, MODELS, PROFILE, documents

FIXTURES = Path(__file__).parent.parent / "fixtures"


def outcome(build: Any) -> tuple[str, Any]:
    """What a structuring gave: the model with its repr (so 1 and 1.0 differ), or the
    error's kind, text and pointer."""
    try:
        built = build()
    except DecodeError as exc:
        return ("error", (type(exc), str(exc), exc.pointer))
    return ("model", (built, repr(built), built.to_dict()))


def both(cls: type[Any], document: Document, context: dict[str, str]) -> None:
    """Each primary resource structured both ways gives the same outcome."""
    for resource in document.primary:
        if resource.type not in _TYPES[cls]:
            continue
        fast = outcome(lambda r=resource: structure(cls, document, r, context=context))
        checked = outcome(
            lambda r=resource: _structure_checked(_plan(cls), cls, document, r, None, context, None)
        )
        assert fast == checked


def fixture_documents() -> list[Any]:
    found = []
    for path in sorted(FIXTURES.rglob("*.json")):
        raw = json.loads(path.read_text())
        data = raw.get("data") if isinstance(raw, dict) else None
        items = data if isinstance(data, list) else [data]
        if any(isinstance(item, dict) and "type" in item for item in items):
            found.append(pytest.param(raw, id=str(path.relative_to(FIXTURES))))
    return found


@pytest.mark.parametrize("raw", fixture_documents())
def test_the_docs_examples_build_the_same_models_both_ways(raw: Any) -> None:
    document = Document.parse(raw)
    for cls in MODELS:
        both(cls, document, {"flow_id": "f1"})


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_fuzzed_documents_give_the_same_outcome_both_ways(cls: type[Any]) -> None:
    @settings(PROFILE)
    @given(raw=documents(cls), context=CONTEXTS)
    def check(raw: Any, context: dict[str, str]) -> None:
        try:
            document = Document.parse(loads(json.dumps(raw)))
        except DecodeError:
            return
        both(cls, document, context)

    check()


FLOW = {
    "type": "flow",
    "id": "f1",
    "attributes": {
        "name": "Nightly",
        "stats_enabled": True,
        "created_at": "2018-03-27T15:39:02.825Z",
        "nodes_config": {"step_1": {}},
        "graph": {"nodes": [{"id": "step_1", "command": "a/b:c", "fields": {"x": 1}}]},
    },
    "relationships": {"user": {"data": {"type": "user", "id": "u1"}}},
}


def flow_with(**changes: Any) -> dict[str, Any]:
    attributes = {**FLOW["attributes"], **changes}  # type: ignore[dict-item]
    return {**FLOW, "attributes": attributes}


@pytest.mark.parametrize(
    ("changes", "pointer", "named"),
    [
        ({"name": 7}, "/data", "name"),
        ({"stats_enabled": 1}, "/data", "stats_enabled"),
        ({"created_at": True}, "/data", "created_at"),
        ({"nodes_config": []}, "/data", "nodes_config"),
        ({"graph": {"nodes": [{"id": 1}]}}, "/data/attributes/graph/nodes/0", "id"),
        (
            {"graph": {"nodes": [{"id": "s", "fields": "x"}]}},
            "/data/attributes/graph/nodes/0",
            "fields",
        ),
    ],
)
def test_a_wrongly_typed_value_is_still_refused(
    changes: dict[str, Any], pointer: str, named: str
) -> None:
    document = Document.parse({"data": flow_with(**changes)})
    with pytest.raises(DecodeError) as caught:
        structure(Flow, document, document.primary[0])
    assert caught.value.pointer == pointer
    assert named in str(caught.value)


def test_a_malformed_relationship_the_model_does_not_read_is_still_refused() -> None:
    raw = {**FLOW, "relationships": {**FLOW["relationships"], "versions": {"links": 5}}}
    document = Document.parse({"data": raw})
    with pytest.raises(DecodeError) as caught:
        structure(Flow, document, document.primary[0])
    assert caught.value.pointer == "/data/relationships/versions/links"


@pytest.mark.parametrize(
    "example", ["flows/get.json", "flows/list.json", "flows/create.json", "flows/draft.json"]
)
def test_the_docs_flows_never_need_the_converter(
    example: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast path is taken: the plain case never reaches the slower one."""

    def refuse(*args: Any) -> Any:
        raise AssertionError("the converter was asked")

    monkeypatch.setattr("elasticio.models._declare._structure_checked", refuse)
    monkeypatch.setattr("elasticio.models._flows.converter", None)
    document = Document.parse(json.loads((FIXTURES / example).read_text()))
    for resource in document.primary:
        cls = Flow if resource.type == "flow" else FlowDraft
        assert structure(cls, document, resource).id == resource.id


def test_the_fast_path_builds_the_plain_case() -> None:
    document = Document.parse({"data": FLOW})
    flow = structure(Flow, document, document.primary[0])
    assert flow.name == "Nightly"
    assert flow.created_at == datetime(2018, 3, 27, 15, 39, 2, 825000, tzinfo=UTC)
    assert flow.user_id == "u1"
    assert flow.graph is not None
    assert flow.graph.nodes == (FlowNode(id="step_1", command="a/b:c", fields={"x": 1}),)


class Name(str):
    """A string of a subclass, which the converter accepts and the fast check leaves to it."""


@pytest.mark.parametrize(
    ("annotation", "value", "expected"),
    [
        (str, "a", "a"),
        (str | None, None, None),
        (int | None, 3, 3),
        (float | None, 3, 3.0),
        (bool | None, False, False),
        (tuple[str, ...], ["a", "b"], ("a", "b")),
        (tuple[str, ...] | None, None, None),
        (Any, [1], [1]),
    ],
)
def test_a_check_passes_the_plain_case(annotation: Any, value: Any, expected: Any) -> None:
    result = field_check(annotation)(value)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("annotation", "value"),
    [
        (str, None),
        (str | None, 7),
        (str, Name("a")),
        (int | None, True),
        (int | None, 1.0),
        (float, True),
        (bool | None, 0),
        (tuple[str, ...], "ab"),
        (tuple[str, ...], ["a", 1]),
    ],
)
def test_a_check_leaves_anything_else_to_the_converter(annotation: Any, value: Any) -> None:
    with pytest.raises(Slow):
        field_check(annotation)(value)


def test_a_mapping_check_gives_a_read_only_view() -> None:
    view = field_check(dict[str, Any])({"a": 1})
    assert dict(view) == {"a": 1}
    with pytest.raises(TypeError):
        view["b"] = 2  # type: ignore[index]
