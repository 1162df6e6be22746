"""Encoding request bodies: encode_resource, encode_document, UNSET, and the JSON serialiser."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any, overload

import pytest

from elasticio import UsageError
from elasticio.jsonapi import UNSET, Identifier, Unset, encode_document, encode_resource
from elasticio.jsonapi._json import dumps

USER = Identifier("user", "u1")


class IdentifierSequence(Sequence[Identifier]):
    """A Sequence that is neither a list nor a tuple."""

    def __init__(self, *items: Identifier) -> None:
        self._items = items

    @overload
    def __getitem__(self, index: int) -> Identifier: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Identifier]: ...
    def __getitem__(self, index: int | slice) -> Identifier | Sequence[Identifier]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Identifier]:
        return iter(self._items)


# --- UNSET -----------------------------------------------------------------------------


def test_unset_is_falsy() -> None:
    """bool(UNSET) is False, so `if value:` treats it as nothing."""
    assert bool(UNSET) is False


def test_unset_repr() -> None:
    """UNSET shows as `UNSET` in reprs and signatures."""
    assert repr(UNSET) == "UNSET"


def test_unset_is_the_one_member_of_its_type() -> None:
    """UNSET is a singleton: Unset has no other member, so `is UNSET` is reliable."""
    assert list(Unset) == [UNSET]
    assert isinstance(UNSET, Unset)


# --- encode_resource -------------------------------------------------------------------


def test_minimal_resource_is_only_its_type() -> None:
    """With nothing but a type, the resource object is `{"type": ...}`."""
    assert encode_resource("flow") == {"type": "flow"}


def test_id_is_sent_when_given() -> None:
    """An id is included when given."""
    assert encode_resource("flow", id="f1") == {"type": "flow", "id": "f1"}


def test_id_is_optional() -> None:
    """Without an id (a create request) the member is left out, not sent as null."""
    assert "id" not in encode_resource("flow", attributes={"name": "x"})


def test_unset_attribute_is_omitted() -> None:
    """An attribute whose value is UNSET is left out of the body."""
    body = encode_resource("flow", attributes={"name": "x", "cron": UNSET})
    assert body["attributes"] == {"name": "x"}


def test_none_attribute_is_sent_as_null() -> None:
    """An explicit None is kept, to be sent as JSON null."""
    body = encode_resource("flow", attributes={"cron": None})
    assert body["attributes"] == {"cron": None}
    assert dumps(body) == b'{"type":"flow","attributes":{"cron":null}}'


def test_falsy_attribute_values_are_kept() -> None:
    """False, 0, "" and empty containers are values, not UNSET."""
    values = {"a": False, "b": 0, "c": "", "d": [], "e": {}}
    assert encode_resource("flow", attributes=values)["attributes"] == values


@pytest.mark.parametrize("attributes", [{}, {"name": UNSET}, None])
def test_attributes_with_nothing_to_send_are_omitted(attributes: dict[str, Any] | None) -> None:
    """No attributes member when there are none, or all are UNSET."""
    assert "attributes" not in encode_resource("flow", attributes=attributes)


def test_attributes_are_copied() -> None:
    """The body does not alias the caller's mapping."""
    attributes = {"name": "x"}
    body = encode_resource("flow", attributes=attributes)
    attributes["name"] = "changed"
    assert body["attributes"] == {"name": "x"}


def test_to_one_relationship_is_an_identifier_object() -> None:
    """An Identifier becomes `{"data": {"type", "id"}}`."""
    body = encode_resource("flow", relationships={"user": USER})
    assert body["relationships"] == {"user": {"data": {"type": "user", "id": "u1"}}}


def test_identifier_meta_is_not_sent() -> None:
    """Only type and id of an Identifier go into the linkage."""
    body = encode_resource("flow", relationships={"user": Identifier("user", "u1", {"x": 1})})
    assert body["relationships"]["user"]["data"] == {"type": "user", "id": "u1"}


@pytest.mark.parametrize(
    "value",
    [
        [USER, Identifier("user", "u2")],
        (USER, Identifier("user", "u2")),
        IdentifierSequence(USER, Identifier("user", "u2")),
    ],
    ids=["list", "tuple", "sequence"],
)
def test_to_many_relationship_is_a_list_of_identifiers(value: Sequence[Identifier]) -> None:
    """Any sequence of Identifiers becomes a list of identifier objects, in order."""
    body = encode_resource("flow", relationships={"users": value})
    assert body["relationships"]["users"] == {
        "data": [{"type": "user", "id": "u1"}, {"type": "user", "id": "u2"}]
    }


def test_empty_to_many_relationship_is_an_empty_list() -> None:
    """An empty sequence clears a to-many relationship: `{"data": []}`."""
    body = encode_resource("flow", relationships={"users": []})
    assert body["relationships"] == {"users": {"data": []}}


def test_none_relationship_is_sent_as_null_data() -> None:
    """None clears a to-one relationship: `{"data": null}`."""
    body = encode_resource("flow", relationships={"user": None})
    assert body["relationships"] == {"user": {"data": None}}


def test_unset_relationship_is_omitted() -> None:
    """A relationship whose value is UNSET is left out; with none left, so is the member."""
    assert encode_resource("flow", relationships={"user": UNSET}) == {"type": "flow"}
    body = encode_resource("flow", relationships={"user": UNSET, "team": None})
    assert body["relationships"] == {"team": {"data": None}}


@pytest.mark.parametrize(
    "value",
    ["u1", "", b"", 5, {"type": "user", "id": "u1"}, [USER, "u2"], [{"type": "user", "id": "u"}]],
    ids=["str", "empty-str", "bytes", "int", "dict", "list-with-str", "list-of-dicts"],
)
def test_invalid_relationship_value_raises_usage_error(value: Any) -> None:
    """Anything but an Identifier, a sequence of them, None or UNSET raises UsageError."""
    with pytest.raises(UsageError, match="relationship 'user'"):
        encode_resource("flow", relationships={"user": value})


def test_empty_type_raises_usage_error() -> None:
    """A resource needs a type: an empty one raises UsageError (also a ValueError)."""
    with pytest.raises(UsageError, match="type") as caught:
        encode_resource("")
    assert isinstance(caught.value, ValueError)


def test_meta_is_copied_into_the_resource() -> None:
    """Resource-level meta is sent when given, as a copy."""
    meta = {"source": "sdk"}
    body = encode_resource("flow", meta=meta)
    assert body["meta"] == {"source": "sdk"}
    assert body["meta"] is not meta


def test_member_order_is_type_id_attributes_relationships_meta() -> None:
    """Members come out in a stable, conventional order."""
    body = encode_resource(
        "flow", id="f1", attributes={"a": 1}, relationships={"user": USER}, meta={"m": 1}
    )
    assert list(body) == ["type", "id", "attributes", "relationships", "meta"]


# --- encode_document -------------------------------------------------------------------


def test_encode_document_wraps_the_resource_in_data() -> None:
    """encode_document is `{"data": encode_resource(...)}` with the same arguments."""
    arguments: dict[str, Any] = {
        "id": "f1",
        "attributes": {"name": "x", "cron": UNSET},
        "relationships": {"user": USER, "team": UNSET},
        "meta": {"m": 1},
    }
    assert encode_document("flow", **arguments) == {"data": encode_resource("flow", **arguments)}


def test_encode_document_checks_the_type() -> None:
    """encode_document refuses an empty type like encode_resource does."""
    with pytest.raises(UsageError):
        encode_document("", attributes={"name": "x"})


# --- serialising the body --------------------------------------------------------------


def test_dumps_is_compact_utf8_json() -> None:
    """The body is compact JSON in UTF-8, non-ASCII text unescaped."""
    assert dumps(encode_document("flow", attributes={"name": "Größe"})) == (
        '{"data":{"type":"flow","attributes":{"name":"Größe"}}}'.encode()
    )


def test_dumps_handles_integers_wider_than_64_bits() -> None:
    """Integers orjson refuses are still serialised, exactly."""
    value = {"n": 2**70}
    assert json.loads(dumps(value)) == value


def test_dumps_refuses_text_that_is_not_unicode() -> None:
    """A lone surrogate cannot be sent as UTF-8: UsageError, not UnicodeEncodeError."""
    with pytest.raises(UsageError, match="not valid Unicode") as caught:
        dumps(encode_document("flow", attributes={"name": "bad \udcff"}))
    assert isinstance(caught.value.__cause__, UnicodeEncodeError)
