"""Any JSON:API document decodes into a model or raises an ElasticioError: on structuring,
attribute access, repr, to_dict, to_json and every traversal (generated with hypothesis)."""

from __future__ import annotations

import inspect
import json
import os
from collections.abc import Callable, Coroutine, Generator
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from elasticio import ElasticioError, NotFoundError, segment
from elasticio.jsonapi import Document
from elasticio.jsonapi._json import loads
from elasticio.models._declare import _TYPES, Model, structure

# tests/models/conftest.py registers both; ``nox -s fuzz`` sets ELASTICIO_FUZZ=long.
PROFILE = settings.get_profile(
    "fuzz-long" if os.environ.get("ELASTICIO_FUZZ") == "long" else "fuzz-short"
)

MODELS = sorted((cls for cls in _TYPES if cls is not Model), key=lambda cls: cls.__name__)
RESOURCE_TYPES = sorted({t for types in _TYPES.values() for t in types})

# --- strategies ----------------------------------------------------------------------------

# Text with lone surrogates: a JSON escape such as "\ud800" decodes to one (the stdlib
# reader accepts it), though it has no UTF-8 form.
ANY_CHARACTER = st.characters(codec=None, categories=None)
TEXT = st.text(ANY_CHARACTER, max_size=6) | st.sampled_from(
    ["", ".", "..", "\ud800", "a\udfffb", "a/b?x#y", "%2F", "latest", "\x00"]
)
HUGE = st.sampled_from([2**63, -(2**63) - 1, 2**64, 10**30, -(10**300)]) | st.integers()
NUMBERS = HUGE | st.floats(allow_nan=False, allow_infinity=False)
TIMESTAMPS = (
    NUMBERS
    | st.sampled_from(
        [
            "2018-03-27T15:39:02.825Z",
            "0001-01-01T00:00:00-14:00",
            "9999-12-31T23:59:59+14:00",
            "9999-12-31T23:59:59.999999",
            "2020-02-30T00:00:00Z",
            "1e999",
        ]
    )
    | st.datetimes().map(lambda d: d.isoformat())
)
SCALARS = st.none() | st.booleans() | NUMBERS | TEXT
JSON_VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(TEXT, children, max_size=3),
    max_leaves=8,
)


def mostly(usual: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``usual`` nine times in ten, else ``odd``: one malformed member rejects a whole
    document, so malformed members must be rare for the models to be reached at all."""
    return st.integers(0, 9).flatmap(lambda n: odd if n == 0 else usual)


TYPES = mostly(st.sampled_from(RESOURCE_TYPES), TEXT)
# Few ids, so that linkage often finds an included resource (or the primary one).
GOOD_IDS = st.sampled_from(["1", "2", "\ud800", "a\udfffb", ".."]) | TEXT
IDS = mostly(GOOD_IDS, HUGE | JSON_VALUES)


def identifiers() -> st.SearchStrategy[Any]:
    plain = st.fixed_dictionaries({"type": TYPES, "id": IDS})
    odd = st.fixed_dictionaries(
        {}, optional={"type": TYPES, "id": IDS, "meta": JSON_VALUES, "lid": TEXT}
    )
    return mostly(plain, odd)


LINKAGE = mostly(st.none() | identifiers() | st.lists(identifiers(), max_size=3), JSON_VALUES)
RELATIONSHIP = mostly(
    st.fixed_dictionaries({"data": LINKAGE}),
    st.fixed_dictionaries({}, optional={"data": LINKAGE, "links": JSON_VALUES, "meta": JSON_VALUES})
    | JSON_VALUES,
)


def relationship_names(cls: type[Any]) -> list[str]:
    """The relationships ``cls`` declares, and those its traversals follow."""
    declared = [
        f.metadata["elasticio.source"]
        for f in attrs.fields(cls)
        if "elasticio.source" in f.metadata
    ]
    return sorted({*declared, "versions", "descriptor", "latest_version", "draft", "component"})


def attribute_names(cls: type[Any]) -> list[str]:
    return [f.name for f in attrs.fields(cls) if "elasticio.kind" not in f.metadata]


def attribute_value(cls: type[Any], name: str) -> st.SearchStrategy[Any]:
    field = attrs.fields_dict(cls)[name]
    return (TIMESTAMPS | JSON_VALUES) if "datetime" in str(field.type) else JSON_VALUES


@st.composite
def resources(draw: st.DrawFn, cls: type[Any], types: st.SearchStrategy[Any]) -> Any:
    """A resource object: mostly well formed, of ``types``, with any members."""
    known = attribute_names(cls)
    keys = draw(st.lists(mostly(st.sampled_from(known), TEXT), max_size=6, unique=True))
    attributes = draw(
        mostly(
            st.fixed_dictionaries(
                {key: attribute_value(cls, key) if key in known else JSON_VALUES for key in keys}
            ),
            JSON_VALUES,
        )
    )
    names = mostly(st.sampled_from(relationship_names(cls)), TEXT)
    relationships = draw(mostly(st.dictionaries(names, RELATIONSHIP, max_size=4), JSON_VALUES))
    resource = draw(
        st.fixed_dictionaries(
            {"type": types, "id": IDS}, optional={"links": JSON_VALUES, "meta": JSON_VALUES}
        )
    )
    if draw(st.integers(0, 9)) == 0:
        del resource["id"]
    if draw(st.booleans()):
        resource["attributes"] = attributes
    if draw(st.booleans()):
        resource["relationships"] = relationships
    return resource


@st.composite
def documents(draw: st.DrawFn, cls: type[Any]) -> Any:
    """A JSON:API document whose primary data is meant to be a ``cls``, with included
    resources of any model type."""
    primary = resources(cls, mostly(st.sampled_from(sorted(_TYPES[cls])), TYPES))
    data = draw(mostly(primary | st.lists(primary, max_size=3), st.none()))
    any_model = st.sampled_from(MODELS).flatmap(
        lambda other: resources(other, st.sampled_from(sorted(_TYPES[other])))
    )
    included = draw(mostly(st.lists(any_model, max_size=3), JSON_VALUES))
    document = draw(st.fixed_dictionaries({}, optional={"meta": JSON_VALUES, "links": JSON_VALUES}))
    document["data"] = data
    if draw(st.booleans()):
        document["included"] = included
    return document


CONTEXTS = st.dictionaries(
    st.sampled_from(["id", "flow_id", "component_id", "workspace_id"]), TEXT, max_size=2
)

# --- the model surface ---------------------------------------------------------------------


class _Refused:
    """What the fake namespace returns: awaiting it, or collecting it as a list, fails
    the way a request would."""

    def __await__(self) -> Generator[Any, None, Any]:
        return self.collect().__await__()

    async def collect(self) -> Any:
        raise NotFoundError(status_code=404)


class FakeAPI:
    """A namespace that builds its request path as the real ones do (every string
    argument through `segment`), then fails like a 404."""

    def __getattr__(self, name: str) -> Callable[..., _Refused]:
        def call(*args: Any, **kwargs: Any) -> _Refused:
            for value in (*args, *kwargs.values()):
                if isinstance(value, str):
                    segment(value)
            return _Refused()

        return call


def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run a traversal that never waits (the fake namespace answers at once)."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    coroutine.close()
    raise AssertionError("a traversal waited on something the fake namespace never gives")


def traversals(cls: type[Any]) -> tuple[list[str], list[str]]:
    """The public properties and coroutine methods a model class adds, its bases' too."""
    properties: list[str] = []
    methods: list[str] = []
    for klass in cls.__mro__:
        if klass is object:
            continue
        for name, member in vars(klass).items():
            if name.startswith("_"):
                continue
            if isinstance(member, property):
                properties.append(name)
            elif inspect.iscoroutinefunction(member):
                methods.append(name)
    return sorted(set(properties)), sorted(set(methods))


def guarded(action: Callable[[], Any]) -> Any:
    """``action()``, with the SDK's own errors allowed; any other escapes the test."""
    try:
        return action()
    except ElasticioError:
        return None


def touch(value: Any, depth: int = 0) -> None:
    """Read every field and property, repr, to_dict, to_json, and run every traversal
    of ``value`` and of the models it holds."""
    if not isinstance(value, Model) or depth > 3:
        return
    for field in attrs.fields(type(value)):
        held = getattr(value, field.name)
        for item in held if isinstance(held, tuple) else (held,):
            touch(item, depth + 1)
    properties, methods = traversals(type(value))
    for name in properties:
        guarded(lambda name=name: getattr(value, name))
    repr(value)
    guarded(value.to_dict)
    guarded(value.to_json)
    for name in methods:
        touch(guarded(lambda name=name: run(getattr(value, name)())), depth + 1)


def exercise(cls: type[Any], raw: Any, context: dict[str, str]) -> None:
    """Decode ``raw`` as a server answer would be, structure each primary resource as
    ``cls``, and touch what comes out."""
    # Through JSON text, as on the wire: lone surrogates travel as \\u escapes.
    text = json.dumps(raw)
    document = guarded(lambda: Document.parse(loads(text)))
    if document is None:
        return
    for resource in document.resources:
        built = guarded(
            lambda resource=resource: structure(
                cls, document, resource, api=FakeAPI(), context=context, request_id="req"
            )
        )
        touch(built)


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_any_document_is_a_model_or_an_elasticio_error(cls: type[Any]) -> None:
    """Fuzzed documents: every model decodes, shows and traverses, or raises ElasticioError."""

    own = sorted(_TYPES[cls])[0]

    @settings(PROFILE)
    @given(raw=documents(cls), context=CONTEXTS)
    # What fuzzing once found, tried first on every run.
    @example(raw={"data": {"type": own, "id": "\ud800"}}, context={})
    @example(raw={"data": {"type": own, "id": "1", "attributes": {"date": 10**20}}}, context={})
    @example(raw={"data": {"type": own, "id": 10**30}}, context={})
    def check(raw: Any, context: dict[str, str]) -> None:
        exercise(cls, raw, context)

    check()


def test_the_fuzz_reaches_every_model_and_traversal() -> None:
    """Every @model class is fuzzed, and its traversals take no required argument."""
    assert len(MODELS) >= 20
    for cls in MODELS:
        _, methods = traversals(cls)
        for name in methods:
            parameters = list(inspect.signature(getattr(cls, name)).parameters.values())[1:]
            assert all(p.default is not p.empty for p in parameters), (cls, name)
