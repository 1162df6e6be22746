"""The one converter: strict JSON types for known attributes, readable failures, ``extra``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import respx

from elasticio import AsyncClient, Component, ComponentDescriptor, ComponentVersion, DecodeError
from elasticio.jsonapi import Document
from elasticio.models._converter import converter, make_converter
from elasticio.models._declare import structure


def resource_document(type_: str, attributes: dict[str, Any]) -> Document:
    return Document.parse({"data": {"type": type_, "id": "X1", "attributes": attributes}})


def decode_component(attributes: dict[str, Any]) -> Component:
    document = resource_document("component", attributes)
    return structure(Component, document, document.primary[0])


def decode_version(attributes: dict[str, Any]) -> ComponentVersion:
    document = resource_document("version", attributes)
    return structure(ComponentVersion, document, document.primary[0])


def decode_descriptor(attributes: dict[str, Any]) -> ComponentDescriptor:
    document = resource_document("descriptor", attributes)
    return structure(ComponentDescriptor, document, document.primary[0])


@pytest.mark.parametrize("name", [42, {"first": "x"}, ["x"], True])
def test_name_of_the_wrong_type_is_refused(name: Any) -> None:
    """``name`` that is not a string raises DecodeError naming the resource and attribute."""
    with pytest.raises(DecodeError) as caught:
        decode_component({"name": name})
    assert caught.value.pointer == "/data"
    assert "name" in caught.value.reason


def test_version_number_as_a_string_is_refused() -> None:
    """``version_number: "69"`` raises DecodeError; numbers are not parsed from text."""
    with pytest.raises(DecodeError) as caught:
        decode_version({"version_number": "69"})
    assert caught.value.pointer == "/data"
    assert "version_number" in caught.value.reason


def test_whitelist_as_a_string_is_not_split_into_characters() -> None:
    """``whitelisted_contract_ids: "abc"`` raises DecodeError, never ("a", "b", "c")."""
    with pytest.raises(DecodeError) as caught:
        decode_component({"whitelisted_contract_ids": "abc"})
    assert "whitelisted_contract_ids" in caught.value.reason


def test_whitelist_items_must_be_strings() -> None:
    """A whitelist holding a number raises DecodeError naming the attribute."""
    with pytest.raises(DecodeError) as caught:
        decode_component({"whitelisted_contract_ids": ["C1", 2]})
    assert "whitelisted_contract_ids" in caught.value.reason


def test_is_latest_as_a_string_is_refused() -> None:
    """``is_latest: "yes"`` raises DecodeError rather than counting as true."""
    with pytest.raises(DecodeError) as caught:
        decode_descriptor({"is_latest": "yes"})
    assert caught.value.pointer == "/data"
    assert "is_latest" in caught.value.reason


@pytest.mark.parametrize("attribute", ["version_number", "date"])
@pytest.mark.parametrize("value", [True, False])
def test_bools_are_not_accepted_as_ints(attribute: str, value: bool) -> None:
    """A JSON boolean for an integer attribute raises DecodeError (bool is not an int)."""
    with pytest.raises(DecodeError) as caught:
        decode_version({attribute: value})
    assert attribute in caught.value.reason


def test_a_mapping_attribute_of_the_wrong_type_is_refused() -> None:
    """Descriptor ``actions`` as an array raises DecodeError naming ``actions``."""
    with pytest.raises(DecodeError) as caught:
        decode_descriptor({"actions": ["map"]})
    assert "actions" in caught.value.reason


def test_the_pointer_names_an_included_resource() -> None:
    """A bad attribute in an included version is reported at that version's pointer."""
    document = Document.parse(
        {
            "data": {
                "type": "component",
                "id": "C1",
                "relationships": {"latest_version": {"data": {"type": "version", "id": "V1"}}},
            },
            "included": [
                {"type": "descriptor", "id": "D1"},
                {"type": "version", "id": "V1", "attributes": {"version_number": "7"}},
            ],
        }
    )
    with pytest.raises(DecodeError) as caught:
        structure(Component, document, document.primary[0])
    assert caught.value.pointer == "/included/1"
    assert "version_number" in caught.value.reason


async def test_a_bad_attribute_in_a_list_fails_the_list(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Through the client, a list item with a bad attribute raises DecodeError at its pointer."""
    payload = {
        "data": [
            {"type": "component", "id": "C1", "attributes": {"name": "ok"}},
            {"type": "component", "id": "C2", "attributes": {"name": 7}},
        ]
    }
    router.get("/v2/components").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.components.list(contract_id="K1").collect()
    assert caught.value.pointer == "/data/1"


def test_the_decode_error_is_raised_from_the_cattrs_error() -> None:
    """The DecodeError keeps the converter's own error as its cause."""
    with pytest.raises(DecodeError) as caught:
        decode_version({"version_number": "1"})
    assert caught.value.__cause__ is not None


def test_an_attribute_named_extra_lands_in_extra() -> None:
    """An attribute called ``extra`` is kept inside ``.extra``, not mistaken for the field."""
    component = decode_component({"name": "n", "extra": {"k": "v"}})
    assert component.extra == {"extra": {"k": "v"}}


def test_sdk_filled_fields_are_not_read_from_attributes() -> None:
    """Attributes named like SDK-filled fields (latest_version, binding) go to ``extra``."""
    component = decode_component({"latest_version": "x", "binding": 1, "component_id": "y"})
    assert component.latest_version is None
    assert component.extra == {"latest_version": "x", "binding": 1, "component_id": "y"}


def test_valid_values_pass_through_unchanged() -> None:
    """Valid JSON values are structured as they are: ints stay ints, arrays become tuples."""
    built = decode_version({"version_number": 69})
    assert built.version_number == 69
    component = decode_component({"whitelisted_contract_ids": ["C1", "C2"]})
    assert component.whitelisted_contract_ids == ("C1", "C2")


def test_a_millisecond_timestamp_goes_through_the_timestamp_hook() -> None:
    """A datetime field takes epoch milliseconds and gives an aware UTC datetime."""
    built = decode_version({"date": 1517392057184})
    assert built.date == datetime(2018, 1, 31, 9, 47, 37, 184000, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "cls"),
    [(1, str), ("1", int), (True, int), (1, bool), ("1.5", float), (False, float)],
)
def test_the_converter_refuses_coercion(value: Any, cls: type) -> None:
    """The shared converter never coerces a scalar of the wrong JSON type."""
    with pytest.raises(TypeError):
        converter.structure(value, cls)


def test_the_converter_accepts_an_int_as_a_float() -> None:
    """A JSON integer is a valid number for a float field."""
    assert converter.structure(3, float) == 3.0


def test_make_converter_builds_an_independent_converter() -> None:
    """make_converter() gives a new converter with the same strict rules."""
    fresh = make_converter()
    assert fresh is not converter
    with pytest.raises(TypeError):
        fresh.structure(1, str)


def test_null_object_attribute_decodes_as_empty_mapping() -> None:
    """An object-valued attribute sent as null (`"triggers": null`) gives an empty mapping."""
    document = Document.parse(
        {"data": {"type": "descriptor", "id": "d1", "attributes": {"triggers": None}}}
    )
    descriptor = structure(ComponentDescriptor, document, document.primary[0])
    assert dict(descriptor.triggers) == {}
