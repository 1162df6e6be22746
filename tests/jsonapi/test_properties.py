"""Properties of the codec, checked on generated input with hypothesis."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from elasticio.jsonapi import (
    UNSET,
    DecodeError,
    Document,
    Identifier,
    RelationshipValue,
    Resource,
    encode_document,
)
from elasticio.jsonapi._json import dumps

PROPERTY = settings(max_examples=200, deadline=None)

# --- strategies ------------------------------------------------------------------------

# Text without lone surrogates: they have no UTF-8 form, so no server could send them.
UNICODE = st.characters(blacklist_categories=("Cs",))
TEXT = st.text(UNICODE, max_size=8)

# Any JSON value. Floats may be infinite: json.dumps writes `Infinity`, which is not JSON.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)

# JSON values that survive a trip through the wire format unchanged: finite floats, integers
# within orjson's 64 bits (it reads wider ones as floats), text that is valid Unicode.
WIRE_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=12,
)

# A few types and ids, so that generated links often point at generated resources.
TYPES = st.sampled_from(["a", "b"]) | st.text(UNICODE, min_size=1, max_size=2)
IDS = st.sampled_from(["1", "2"]) | st.text(UNICODE, max_size=2)


def optional(**members: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=members)


def drift(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``strategy`` most of the time; now and then any JSON value in its place."""
    return st.integers(min_value=0, max_value=15).flatmap(
        lambda roll: JSON_VALUES if roll == 0 else strategy
    )


OBJECTS = drift(st.dictionaries(TEXT, JSON_VALUES, max_size=3))

# JSON:API-shaped documents in which any member may be replaced by any JSON value: schema
# drift and plain garbage, close enough to the real shape to reach deep into the decoder.
DRIFT_IDENTIFIERS = drift(optional(type=drift(TYPES), id=drift(IDS), meta=OBJECTS))
DRIFT_RELATIONSHIPS = drift(
    optional(
        data=drift(st.none() | DRIFT_IDENTIFIERS | st.lists(DRIFT_IDENTIFIERS, max_size=3)),
        links=OBJECTS,
        meta=OBJECTS,
        other=JSON_VALUES,
    )
)
DRIFT_RESOURCES = drift(
    st.fixed_dictionaries(
        {"type": drift(TYPES)},
        optional={
            "id": drift(IDS),
            "attributes": OBJECTS,
            "relationships": drift(
                st.dictionaries(
                    st.sampled_from(["r", "s", "a/b~"]) | TEXT, DRIFT_RELATIONSHIPS, max_size=3
                )
            ),
            "links": OBJECTS,
            "meta": OBJECTS,
            "other": JSON_VALUES,
        },
    )
)
DRIFT_ERRORS = drift(
    st.lists(
        drift(optional(status=drift(st.integers() | TEXT), title=JSON_VALUES, meta=OBJECTS)),
        max_size=3,
    )
)
DRIFT_DOCUMENTS = drift(
    st.fixed_dictionaries(
        {"data": drift(DRIFT_RESOURCES | st.lists(DRIFT_RESOURCES, min_size=1, max_size=3))},
        optional={
            "included": drift(st.lists(DRIFT_RESOURCES, min_size=1, max_size=4)),
            "meta": OBJECTS,
            "links": OBJECTS,
            "jsonapi": OBJECTS,
            "other": JSON_VALUES,
        },
    )
    | st.fixed_dictionaries({"errors": DRIFT_ERRORS}, optional={"meta": OBJECTS})
)

IDENTIFIERS = st.builds(Identifier, TYPES, IDS)


@st.composite
def valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid JSON:API document whose links point at its own resources (and a few beyond)."""
    keys = draw(st.lists(st.tuples(TYPES, IDS), min_size=1, max_size=8, unique=True))
    targets = st.sampled_from(keys) | st.tuples(TYPES, IDS)
    linkage = (
        st.none()
        | targets.map(lambda key: {"type": key[0], "id": key[1]})
        | st.lists(targets.map(lambda key: {"type": key[0], "id": key[1]}), max_size=4)
    )
    resources = [
        {
            "type": type_,
            "id": id_,
            "attributes": draw(st.dictionaries(TEXT, WIRE_VALUES, max_size=3)),
            "relationships": {
                name: {"data": data}
                for name, data in draw(st.dictionaries(TEXT, linkage, max_size=3)).items()
            },
        }
        for type_, id_ in keys
    ]
    primary_count = draw(st.integers(min_value=0, max_value=len(resources)))
    primary, included = resources[:primary_count], resources[primary_count:]
    # Some primary resources are repeated in included, as servers sometimes do.
    included += draw(st.lists(st.sampled_from(primary), max_size=2)) if primary else []
    if primary_count == 1 and draw(st.booleans()):
        return {"data": primary[0], "included": included}
    return {"data": primary, "included": included}


RELATIONSHIP_VALUES: st.SearchStrategy[RelationshipValue] = (
    st.just(UNSET) | st.none() | IDENTIFIERS | st.lists(IDENTIFIERS, max_size=3)
)


# --- helpers ---------------------------------------------------------------------------


def as_source(value: Any, as_bytes: bool) -> Any:
    """The value itself, or its JSON text as bytes."""
    return json.dumps(value).encode() if as_bytes else value


def relationships_member(value: Any, resource: Resource) -> Any:
    """The raw `relationships` member of ``resource``, found through its pointer."""
    node = value
    for token in resource.pointer.split("/")[1:]:
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node.get("relationships")


def walk(doc: Document, value: Any) -> None:
    """Read everything a document offers; only DecodeError may come out, and only lazily."""
    repr(doc)
    for resource in doc.resources:
        repr(resource)
        # Checked while decoding: reading them never fails.
        dict(resource.attributes)
        dict(resource.links)
        dict(resource.meta)
        dict(resource.extra)
        raw_relationships = relationships_member(value, resource) or {}
        try:
            relationships = resource.relationships
        except DecodeError:
            relationships = None
        for name in raw_relationships:
            try:
                related = doc.related(resource, name)
            except DecodeError:
                # Resource.relationships checks at least as much as related() does.
                assert relationships is None
                continue
            if relationships is not None:
                assert related == resolved(doc, relationships[name].data)


def resolved(doc: Document, linkage: Any) -> Resource | list[Resource] | None:
    """What Document.related should give for ``linkage``, through Document.resolve."""
    if isinstance(linkage, tuple):
        return [r for r in (doc.resolve(i) for i in linkage) if r is not None]
    return None if linkage is None else doc.resolve(linkage)


def decode_and_walk(value: Any, as_bytes: bool) -> None:
    try:
        doc = Document.parse(as_source(value, as_bytes))
    except DecodeError:
        return
    walk(doc, value)


# --- properties ------------------------------------------------------------------------


@PROPERTY
@given(value=JSON_VALUES, as_bytes=st.booleans())
def test_any_json_value_decodes_or_raises_decode_error(value: Any, as_bytes: bool) -> None:
    """Any JSON value, as a value or as bytes, decodes or raises DecodeError, nothing else."""
    decode_and_walk(value, as_bytes)


@PROPERTY
@given(value=DRIFT_DOCUMENTS, as_bytes=st.booleans())
def test_drifted_document_decodes_or_raises_decode_error(value: Any, as_bytes: bool) -> None:
    """A JSON:API-shaped document with any member gone wrong only ever raises DecodeError."""
    decode_and_walk(value, as_bytes)


@PROPERTY
@given(value=valid_documents(), as_bytes=st.booleans())
def test_valid_document_always_decodes(value: dict[str, Any], as_bytes: bool) -> None:
    """A valid document decodes, with every resource reachable by its (type, id)."""
    doc = Document.parse(as_source(value, as_bytes))
    for raw in [*doc.primary, *doc.included]:
        found = doc.get(raw.type, raw.id or "")
        assert found is raw
    assert len(doc.resources) == len({(r.type, r.id) for r in doc.resources})


@PROPERTY
@given(value=valid_documents(), as_bytes=st.booleans())
def test_related_returns_the_resource_with_the_linked_key(
    value: dict[str, Any], as_bytes: bool
) -> None:
    """Every related() lookup gives the document's resource with that (type, id), or skips it."""
    doc = Document.parse(as_source(value, as_bytes))
    keys = {(r.type, r.id) for r in doc.resources}
    for resource in doc.resources:
        for name, relationship in resource.relationships.items():
            related = doc.related(resource, name)
            linked = relationship.data
            if linked is None:
                assert related is None
            elif isinstance(linked, Identifier):
                expected = doc.get(linked.type, linked.id)
                assert related is expected
                assert expected is None or (expected.type, expected.id) == (linked.type, linked.id)
            else:
                assert isinstance(related, list)
                present = [i for i in linked if (i.type, i.id) in keys]
                assert [(r.type, r.id) for r in related] == [(i.type, i.id) for i in present]
                assert all(r is doc.get(r.type, r.id or "") for r in related)


@PROPERTY
@given(
    type_=TYPES,
    id_=st.none() | IDS,
    attributes=st.dictionaries(TEXT, WIRE_VALUES | st.just(UNSET), max_size=4),
    relationships=st.dictionaries(TEXT, RELATIONSHIP_VALUES, max_size=4),
)
def test_encoded_document_decodes_to_the_same_resource(
    type_: str,
    id_: str | None,
    attributes: dict[str, Any],
    relationships: dict[str, RelationshipValue],
) -> None:
    """encode_document → JSON bytes → Document.parse gives back type, id, attributes, linkage."""
    doc = Document.parse(
        dumps(encode_document(type_, id=id_, attributes=attributes, relationships=relationships))
    )
    resource = doc.data
    assert isinstance(resource, Resource)
    assert (resource.type, resource.id) == (type_, id_)
    assert dict(resource.attributes) == {k: v for k, v in attributes.items() if v is not UNSET}
    sent = {k: v for k, v in relationships.items() if v is not UNSET}
    assert set(resource.relationships) == set(sent)
    for name, value in sent.items():
        expected = tuple(value) if isinstance(value, list) else value
        assert resource.linkage(name) == expected
        assert resource.relationships[name].has_data is True
