"""Document.parse: the inputs it takes, the members it keeps, the documents it refuses."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

import pytest

from elasticio import ElasticioError
from elasticio.jsonapi import DecodeError, Document, Identifier, Resource
from elasticio.jsonapi import _document as document_module
from elasticio.jsonapi import _json as json_module
from elasticio.jsonapi._json import LARGE_BODY

USER = {"type": "user", "id": "1", "attributes": {"name": "Ada"}}


def body(value: Any) -> bytes:
    return json.dumps(value).encode()


@pytest.fixture
def collector() -> Iterator[None]:
    """Whatever a test does to the cyclic collector, it is enabled again afterwards."""
    was_enabled = gc.isenabled()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        else:
            gc.disable()


# --- inputs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        body({"data": USER}),
        bytearray(body({"data": USER})),
        memoryview(body({"data": USER})),
        json.dumps({"data": USER}),
        {"data": USER},
        MappingProxyType({"data": USER}),
    ],
    ids=["bytes", "bytearray", "memoryview", "str", "dict", "mapping"],
)
def test_parse_accepts_text_bytes_and_mappings(source: Any) -> None:
    """bytes, bytearray, memoryview, str and any Mapping all decode to the same document."""
    doc = Document.parse(source)
    assert isinstance(doc.data, Resource)
    assert (doc.data.type, doc.data.id, doc.data.attributes["name"]) == ("user", "1", "Ada")


# --- primary data ---------------------------------------------------------------------


def test_single_resource_data_is_a_resource() -> None:
    """A data object decodes to one Resource, and `primary` wraps it in a tuple."""
    doc = Document.parse({"data": USER})
    assert isinstance(doc.data, Resource)
    assert doc.primary == (doc.data,)


def test_list_data_is_a_tuple_in_order() -> None:
    """A data array decodes to a tuple of Resources in document order."""
    doc = Document.parse({"data": [USER, {"type": "user", "id": "2"}]})
    assert isinstance(doc.data, tuple)
    assert [r.id for r in doc.data] == ["1", "2"]
    assert doc.primary == doc.data


def test_null_data_is_kept_as_none_with_has_data() -> None:
    """`"data": null` gives data None, an empty `primary`, and has_data true."""
    doc = Document.parse({"data": None})
    assert doc.data is None
    assert doc.primary == ()
    assert doc.has_data is True


def test_absent_data_sets_has_data_false() -> None:
    """A meta-only document has no data, and has_data tells it apart from `null`."""
    doc = Document.parse({"meta": {"total": 0}})
    assert doc.data is None
    assert doc.has_data is False


def test_empty_list_data_is_an_empty_tuple() -> None:
    """`"data": []` decodes to an empty tuple, not None."""
    doc = Document.parse({"data": []})
    assert doc.data == ()
    assert doc.has_data is True


def test_resource_without_id_is_allowed_in_data() -> None:
    """A resource with no id (as in a create request) decodes with id None."""
    doc = Document.parse({"data": {"type": "flow", "attributes": {"name": "x"}}})
    assert isinstance(doc.data, Resource)
    assert doc.data.id is None


# --- members kept ----------------------------------------------------------------------


def test_top_level_meta_and_links_are_kept() -> None:
    """The document's meta and links are available as mappings."""
    doc = Document.parse(
        {"data": [], "meta": {"total_pages": 3}, "links": {"next": "/v2/flows?page=2"}}
    )
    assert doc.meta["total_pages"] == 3
    assert doc.links["next"] == "/v2/flows?page=2"


def test_jsonapi_member_is_kept() -> None:
    """The top-level `jsonapi` object is kept."""
    doc = Document.parse({"data": None, "jsonapi": {"version": "1.0"}})
    assert doc.jsonapi == {"version": "1.0"}


def test_unknown_top_level_members_go_to_extra() -> None:
    """Members JSON:API does not define are kept in Document.extra, not dropped."""
    doc = Document.parse({"data": None, "debug": {"took_ms": 5}, "x": 1})
    assert dict(doc.extra) == {"debug": {"took_ms": 5}, "x": 1}


def test_missing_top_level_members_are_empty() -> None:
    """Absent meta, links, jsonapi, included and errors read as empty."""
    doc = Document.parse({"data": None})
    assert (dict(doc.meta), dict(doc.links), dict(doc.jsonapi)) == ({}, {}, {})
    assert (doc.included, doc.errors, dict(doc.extra)) == ((), (), {})


def test_resource_attributes_links_and_meta_are_kept() -> None:
    """A resource's attributes, links and meta are all readable."""
    doc = Document.parse(
        {
            "data": {
                "type": "flow",
                "id": "f1",
                "attributes": {"name": "sync", "nested": {"a": [1, 2]}},
                "links": {"self": "/v2/flows/f1"},
                "meta": {"rev": 7},
            }
        }
    )
    resource = doc.primary[0]
    assert resource.attributes["nested"] == {"a": [1, 2]}
    assert resource.links["self"] == "/v2/flows/f1"
    assert resource.meta["rev"] == 7


def test_resource_absent_or_null_members_are_empty() -> None:
    """Missing or null attributes, links and meta read as empty mappings."""
    doc = Document.parse({"data": {"type": "a", "id": "1", "attributes": None, "meta": None}})
    resource = doc.primary[0]
    assert (dict(resource.attributes), dict(resource.links), dict(resource.meta)) == ({}, {}, {})


def test_unknown_resource_members_go_to_extra() -> None:
    """Members of a resource object outside the spec are kept in Resource.extra."""
    doc = Document.parse({"data": {"type": "a", "id": "1", "lid": "tmp-1", "_score": 0.5}})
    assert dict(doc.primary[0].extra) == {"lid": "tmp-1", "_score": 0.5}


def test_resource_attributes_are_read_only() -> None:
    """The attributes view refuses writes, so a shared document cannot be altered by accident."""
    resource = Document.parse({"data": USER}).primary[0]
    with pytest.raises(TypeError):
        resource.attributes["name"] = "Bob"  # type: ignore[index]


def test_resource_repr_names_type_and_id_only() -> None:
    """A Resource's repr is short: its type and id, not its members."""
    resource = Document.parse({"data": USER}).primary[0]
    assert repr(resource) == "Resource(type='user', id='1')"


@pytest.mark.parametrize(
    ("document", "pointers"),
    [
        ({"data": USER}, ["/data"]),
        ({"data": [USER, {"type": "user", "id": "2"}]}, ["/data/0", "/data/1"]),
        ({"data": None, "included": [USER]}, ["/included/0"]),
    ],
)
def test_resource_pointer_names_its_place(document: dict[str, Any], pointers: list[str]) -> None:
    """Resource.pointer is the JSON pointer of the resource object in its document."""
    doc = Document.parse(document)
    assert [r.pointer for r in doc.resources] == pointers


# --- identity index --------------------------------------------------------------------


def test_get_finds_a_resource_in_data_or_included() -> None:
    """Document.get looks up (type, id) across data and included."""
    doc = Document.parse({"data": USER, "included": [{"type": "team", "id": "t"}]})
    assert doc.get("user", "1") is doc.data
    assert doc.get("team", "t") is doc.included[0]


def test_get_returns_none_for_an_unknown_pair() -> None:
    """An absent (type, id) gives None; the type is part of the key."""
    doc = Document.parse({"data": USER})
    assert doc.get("user", "2") is None
    assert doc.get("team", "1") is None


def test_resolve_follows_an_identifier() -> None:
    """Document.resolve gives the resource an Identifier names, or None."""
    doc = Document.parse({"data": USER})
    assert doc.resolve(Identifier("user", "1")) is doc.data
    assert doc.resolve(Identifier("user", "9")) is None


def test_resource_in_data_and_included_is_one_object() -> None:
    """A (type, id) present in both data and included resolves to the primary object."""
    doc = Document.parse({"data": [USER], "included": [{"type": "user", "id": "1"}]})
    assert doc.get("user", "1") is doc.primary[0]
    assert doc.included[0] is doc.primary[0]


def test_repeated_included_resource_is_one_object() -> None:
    """The same (type, id) twice in included is the first object both times."""
    doc = Document.parse({"data": None, "included": [USER, {"type": "user", "id": "1"}]})
    assert doc.included[0] is doc.included[1]
    assert doc.get("user", "1") is doc.included[0]


def test_resources_lists_primary_first_each_once() -> None:
    """Document.resources holds every resource once, primary data first."""
    doc = Document.parse(
        {
            "data": [USER, {"type": "flow"}],
            "included": [{"type": "team", "id": "t"}, {"type": "user", "id": "1"}],
        }
    )
    assert [(r.type, r.id) for r in doc.resources] == [
        ("user", "1"),
        ("flow", None),
        ("team", "t"),
    ]


def test_resources_compare_by_identity() -> None:
    """Equal members do not make two Resources equal: they compare by identity."""
    first = Document.parse({"data": USER}).primary[0]
    second = Document.parse({"data": USER}).primary[0]
    assert first != second
    assert len({first, second}) == 2


# --- invalid documents -----------------------------------------------------------------


@pytest.mark.parametrize("value", [[], [{"type": "a", "id": "1"}], 1, 2.5, "text", True, None])
def test_top_level_value_that_is_not_an_object_is_refused_from_text(value: Any) -> None:
    """JSON text whose top-level value is not an object raises DecodeError for the whole body."""
    with pytest.raises(DecodeError) as caught:
        Document.parse(body(value))
    assert caught.value.pointer == ""


@pytest.mark.parametrize("value", [[], [USER], 1, 2.5, True, None])
def test_top_level_value_that_is_not_an_object_is_refused_as_a_value(value: Any) -> None:
    """An already-parsed value that is not a mapping raises DecodeError."""
    with pytest.raises(DecodeError) as caught:
        Document.parse(value)
    assert caught.value.pointer == ""


@pytest.mark.parametrize(
    ("document", "pointer"),
    [
        ({"data": 1}, "/data"),
        ({"data": "user:1"}, "/data"),
        ({"data": True}, "/data"),
        ({"data": [1]}, "/data/0"),
        ({"data": [USER, "user:2"]}, "/data/1"),
        ({"data": {"id": "1"}}, "/data/type"),
        ({"data": {"type": "", "id": "1"}}, "/data/type"),
        ({"data": {"type": 3, "id": "1"}}, "/data/type"),
        ({"data": [{"type": "user", "id": 1}]}, "/data/0/id"),
        ({"data": {"type": "user", "id": ["1"]}}, "/data/id"),
        ({"data": None, "errors": []}, "/errors"),
        ({"data": None, "included": {"type": "user", "id": "1"}}, "/included"),
        ({"data": None, "included": [USER, 7]}, "/included/1"),
        ({"data": None, "included": [USER, {"type": "", "id": "2"}]}, "/included/1/type"),
        ({"data": {"type": "a", "id": "1", "attributes": []}}, "/data/attributes"),
        ({"data": {"type": "a", "id": "1", "links": "/a/1"}}, "/data/links"),
        ({"data": {"type": "a", "id": "1", "meta": 5}}, "/data/meta"),
        ({"data": [{"type": "a", "id": "1", "relationships": []}]}, "/data/0/relationships"),
        ({"data": {"type": "a", "attributes": "x"}}, "/data/attributes"),
        ({"data": None, "meta": []}, "/meta"),
        ({"data": None, "links": "x"}, "/links"),
        ({"data": None, "jsonapi": 1}, "/jsonapi"),
    ],
)
def test_invalid_document_names_the_bad_member(document: dict[str, Any], pointer: str) -> None:
    """A document that is JSON but not JSON:API raises DecodeError with the member's pointer."""
    with pytest.raises(DecodeError) as caught:
        Document.parse(document)
    assert caught.value.pointer == pointer


def test_invalid_document_from_text_names_the_bad_member() -> None:
    """Text input is validated the same way as a mapping, pointer included."""
    with pytest.raises(DecodeError) as caught:
        Document.parse(b'{"data": [{"type": "user", "id": 1}]}')
    assert caught.value.pointer == "/data/0/id"


def test_decode_error_message_includes_the_pointer() -> None:
    """The message says what is wrong and where."""
    with pytest.raises(DecodeError, match=r"'id' must be a string at '/data/id'"):
        Document.parse({"data": {"type": "user", "id": 1}})


def test_decode_error_is_a_value_error_and_an_sdk_error() -> None:
    """DecodeError can be caught as ValueError or as the SDK's base error."""
    with pytest.raises(DecodeError) as caught:
        Document.parse(b"[]")
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, ElasticioError)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (b'{"data": ', "invalid JSON"),
        (b"", "invalid JSON"),
        ('{"data": null,}', "invalid JSON"),
        (b'{"data": "\xff\xfe"}', "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
        (b'{"meta": {"n": NaN}}', "invalid JSON"),
        (b'{"meta": {"n": -Infinity}}', "invalid JSON"),
        (b'{"meta": {"n": ' + b"9" * 5000 + b"}}", "invalid JSON"),
    ],
    ids=[
        "truncated",
        "empty",
        "trailing-comma",
        "not-utf8",
        "deep-array",
        "deep-in-data",
        "nan",
        "infinity",
        "too-many-digits",
    ],
)
def test_text_that_is_not_json_raises_decode_error(source: bytes | str, message: str) -> None:
    """Text that is not JSON raises DecodeError (never JSONDecodeError or RecursionError)."""
    with pytest.raises(DecodeError, match=message) as caught:
        Document.parse(source)
    assert caught.value.pointer == ""


def test_invalid_json_error_is_chained_to_its_cause() -> None:
    """The parser's own exception is kept as __cause__ for debugging."""
    with pytest.raises(DecodeError) as caught:
        Document.parse(b"{")
    assert isinstance(caught.value.__cause__, ValueError)


def test_integer_wider_than_64_bits_is_decoded() -> None:
    """A number orjson refuses is still decoded, by the standard library."""
    doc = Document.parse(b'{"meta": {"n": ' + b"1" * 400 + b"}}")
    assert doc.meta["n"] > 2**64


# --- the cyclic garbage collector on large bodies --------------------------------------


def large_body(document: dict[str, Any]) -> bytes:
    """``document`` padded (in its meta) to at least LARGE_BODY bytes."""
    padded = {**document, "meta": {"padding": "x" * LARGE_BODY}}
    return body(padded)


def record_collector_state(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Make every decode record whether the collector was enabled while it ran."""
    states: list[bool] = []
    original = document_module._decode

    def recording(raw: dict[str, Any]) -> Document:
        states.append(gc.isenabled())
        return original(raw)

    monkeypatch.setattr(document_module, "_decode", recording)
    return states


@pytest.mark.usefixtures("collector")
def test_large_body_is_decoded_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body of LARGE_BODY bytes or more is decoded with gc disabled, and gc is on after."""
    gc.enable()
    states = record_collector_state(monkeypatch)
    doc = Document.parse(large_body({"data": [USER]}))
    assert states == [False]
    assert gc.isenabled()
    assert doc.get("user", "1") is not None


@pytest.mark.usefixtures("collector")
def test_small_body_leaves_the_collector_running(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body under LARGE_BODY bytes is decoded with gc left enabled."""
    gc.enable()
    states = record_collector_state(monkeypatch)
    Document.parse(body({"data": [USER]}))
    assert states == [True]


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize(("extra", "paused"), [(-1, False), (0, True)])
def test_collector_pause_starts_exactly_at_large_body(
    monkeypatch: pytest.MonkeyPatch, extra: int, paused: bool
) -> None:
    """The threshold is inclusive: LARGE_BODY - 1 bytes runs with gc, LARGE_BODY without."""
    gc.enable()
    states = record_collector_state(monkeypatch)
    empty = b'{"meta": {"p": ""}}'
    source = empty[:-3] + b"x" * (LARGE_BODY + extra - len(empty)) + empty[-3:]
    assert len(source) == LARGE_BODY + extra
    Document.parse(source)
    assert states == [not paused]


@pytest.mark.usefixtures("collector")
def test_collector_is_enabled_again_after_a_decode_error() -> None:
    """An invalid large document raises DecodeError and still leaves gc enabled."""
    gc.enable()
    with pytest.raises(DecodeError) as caught:
        Document.parse(large_body({"data": [{"type": "user", "id": 1}]}))
    assert caught.value.pointer == "/data/0/id"
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_collector_is_enabled_again_after_invalid_json() -> None:
    """Large text that is not JSON raises DecodeError and still leaves gc enabled."""
    gc.enable()
    with pytest.raises(DecodeError):
        Document.parse(large_body({"data": None})[:-1])
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_collector_disabled_beforehand_stays_disabled() -> None:
    """If the caller had gc disabled, parsing a large body does not enable it."""
    gc.disable()
    Document.parse(large_body({"data": [USER]}))
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_collector_disabled_beforehand_stays_disabled_after_an_error() -> None:
    """If the caller had gc disabled, a failed large parse does not enable it either."""
    gc.disable()
    with pytest.raises(DecodeError):
        Document.parse(large_body({"data": 1}))
    assert not gc.isenabled()


def many_resources_body() -> bytes:
    """A large body of 3,000 resources, each with a few objects the collector tracks."""
    resources = [
        {"type": "user", "id": str(n), "attributes": {"tags": [n]}, "meta": {"m": {}}}
        for n in range(3000)
    ]
    return large_body({"data": resources})


@pytest.fixture
def promoting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bodies of LARGE_BODY bytes promote what they allocated (8 MiB ones are slow to make)."""
    monkeypatch.setattr(json_module, "PROMOTED_BODY", LARGE_BODY)


@pytest.mark.usefixtures("collector")
def test_a_page_sized_parse_promotes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body over LARGE_BODY but under PROMOTED_BODY is decoded with the collector paused,
    and leaves its objects young: a discarded page's cycles go at the next young pass."""
    gc.enable()
    promoted: list[bool] = []
    monkeypatch.setattr(json_module, "_promote_young", lambda: promoted.append(True))
    source = many_resources_body()
    assert LARGE_BODY <= len(source) < json_module.PROMOTED_BODY
    doc = Document.parse(source)
    assert len(doc.primary) == 3000
    assert promoted == []
    assert gc.isenabled()


@pytest.mark.usefixtures("collector", "promoting")
def test_large_parse_leaves_no_young_objects_to_scan() -> None:
    """What a large parse allocated is in the oldest generation: resuming scans none of it."""
    gc.enable()
    gc.collect()
    doc = Document.parse(many_resources_body())
    young = gc.get_count()[0]
    assert len(doc.primary) == 3000
    assert young < gc.get_threshold()[0]
    assert gc.is_tracked(doc.primary[-1].attributes["tags"])


class Node:
    """An object that can be made part of a reference cycle."""

    cycle: Node


@pytest.mark.usefixtures("collector", "promoting")
def test_large_parse_leaves_frozen_objects_frozen() -> None:
    """Objects the program froze stay frozen through a large parse: never collected."""
    gc.enable()
    node = Node()
    node.cycle = node
    alive = weakref.ref(node)
    gc.freeze()
    try:
        del node
        Document.parse(many_resources_body())
        gc.collect()
        assert alive() is not None
    finally:
        gc.unfreeze()
    gc.collect()
    assert alive() is None


@pytest.mark.usefixtures("collector", "promoting")
def test_large_parse_frees_young_garbage_cycles_first() -> None:
    """A garbage cycle made just before a large parse is freed, not promoted with it."""
    gc.enable()
    source = many_resources_body()
    gc.collect()
    node = Node()
    node.cycle = node
    alive = weakref.ref(node)
    del node
    Document.parse(source)
    assert alive() is None


@pytest.mark.usefixtures("collector", "promoting")
def test_failed_large_parse_leaves_young_objects_young(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large parse that fails moves nothing to the oldest generation."""
    gc.enable()
    gc.collect()
    promoted: list[bool] = []
    monkeypatch.setattr(json_module, "_promote_young", lambda: promoted.append(True))
    with pytest.raises(DecodeError):
        Document.parse(large_body({"data": 1}))
    Document.parse(many_resources_body())
    assert promoted == [True]


def test_an_empty_data_object_means_no_primary_data() -> None:
    """`"data": {}` (the platform's answer to a flow stop) decodes as no primary data."""
    document = Document.parse(b'{"data": {}, "meta": {}}')
    assert document.data is None
    assert document.has_data
    assert document.primary == ()
