"""``@model`` and ``structure()``: how a declared model is built from a JSON:API resource."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import attrs
import pytest

from elasticio import DecodeError, UsageError
from elasticio.jsonapi import Document, Resource
from elasticio.models._declare import Model, included, model, structure, to_many, to_one


@model("pet")
class Pet(Model):
    id: str
    name: str | None = None


@model("house", "home")
class House(Model):
    id: str
    name: str | None = None
    rooms: int | None = None
    built: datetime | None = None
    owner_id: str | None = to_one("owner")
    pet_ids: tuple[str, ...] = to_many("pets")
    pets: tuple[Pet, ...] | None = included("pets")
    favourite: Pet | None = included("favourite")


def house_document(
    *,
    attributes: Mapping[str, Any] | None = None,
    relationships: Mapping[str, Any] | None = None,
    included: list[dict[str, Any]] | None = None,
    type_: str = "house",
) -> Document:
    raw: dict[str, Any] = {
        "data": {
            "type": type_,
            "id": "h1",
            "attributes": dict(attributes or {}),
            "relationships": dict(relationships or {}),
        }
    }
    if included is not None:
        raw["included"] = included
    return Document.parse(raw)


def build(document: Document, **kwargs: Any) -> House:
    assert isinstance(document.data, Resource)
    return structure(House, document, document.data, **kwargs)


PETS = {"data": [{"type": "pet", "id": "p1"}, {"type": "pet", "id": "p2"}]}
INCLUDED_PETS = [
    {"type": "pet", "id": "p1", "attributes": {"name": "Rex"}},
    {"type": "pet", "id": "p2", "attributes": {"name": "Tom"}},
]


def test_attributes_become_fields_and_the_rest_goes_to_extra() -> None:
    """Declared attributes fill their fields; unknown ones are kept, read-only, in extra."""
    house = build(house_document(attributes={"name": "Villa", "rooms": 4, "pool": True}))
    assert (house.id, house.name, house.rooms) == ("h1", "Villa", 4)
    assert house.extra == {"pool": True}
    with pytest.raises(TypeError):
        house.extra["pool"] = False  # type: ignore[index]


def test_an_id_attribute_never_replaces_the_resource_id() -> None:
    """An attribute named id (which JSON:API forbids) does not turn the model into another."""
    assert build(house_document(attributes={"id": "other"})).id == "h1"


def test_an_attribute_named_extra_is_kept_in_extra() -> None:
    """``extra`` is the SDK's own field; an attribute of that name lands inside it."""
    assert build(house_document(attributes={"extra": 1})).extra == {"extra": 1}


def test_every_declared_resource_type_is_accepted() -> None:
    """A model may be built from any of the types it declares."""
    assert build(house_document(type_="home")).id == "h1"


def test_another_resource_type_is_a_decode_error_at_its_pointer() -> None:
    """A resource of an undeclared type is refused, naming the type's pointer."""
    with pytest.raises(DecodeError, match="'home' or 'house'") as caught:
        build(house_document(type_="flat"))
    assert caught.value.pointer == "/data/type"


def test_an_attribute_of_the_wrong_type_is_a_decode_error() -> None:
    """Strict types: a string where an integer is declared is refused, with the pointer."""
    with pytest.raises(DecodeError, match="rooms") as caught:
        build(house_document(attributes={"rooms": "4"}))
    assert caught.value.pointer == "/data"


def test_to_one_takes_the_linked_id() -> None:
    """A to_one field holds the id of the relationship's target."""
    document = house_document(relationships={"owner": {"data": {"type": "user", "id": "u1"}}})
    assert build(document).owner_id == "u1"


@pytest.mark.parametrize("relationship", [{"data": None}, {"links": {"related": "/x"}}])
def test_to_one_is_none_without_a_target(relationship: dict[str, Any]) -> None:
    """A null or links-only relationship leaves the id None."""
    assert build(house_document(relationships={"owner": relationship})).owner_id is None


def test_the_context_fills_a_to_one_the_answer_left_out() -> None:
    """A value the request knew (a path placeholder) fills a missing relationship."""
    assert build(house_document(), context={"owner_id": "u9"}).owner_id == "u9"


def test_the_answer_wins_over_the_context() -> None:
    """The context is only a fallback: a linked id is never overwritten."""
    document = house_document(relationships={"owner": {"data": {"type": "user", "id": "u1"}}})
    assert build(document, context={"owner_id": "u9"}).owner_id == "u1"


def test_to_many_takes_the_linked_ids_in_order() -> None:
    """A to_many field holds every linked id, in linkage order."""
    assert build(house_document(relationships={"pets": PETS})).pet_ids == ("p1", "p2")


def test_to_many_is_empty_without_linkage() -> None:
    """No relationship gives an empty tuple, not None."""
    assert build(house_document()).pet_ids == ()


def test_included_builds_every_target_from_the_document() -> None:
    """An included field holds the related models when the document includes them all."""
    house = build(house_document(relationships={"pets": PETS}, included=INCLUDED_PETS))
    assert house.pets == (Pet(id="p1", name="Rex"), Pet(id="p2", name="Tom"))


def test_included_is_none_when_a_target_is_missing() -> None:
    """A document that lacks any target gives None: the request did not ask for them."""
    house = build(house_document(relationships={"pets": PETS}, included=INCLUDED_PETS[:1]))
    assert house.pets is None


def test_included_to_one_gives_one_model() -> None:
    """A to-one included field holds a single model."""
    document = house_document(
        relationships={"favourite": {"data": {"type": "pet", "id": "p2"}}}, included=INCLUDED_PETS
    )
    assert build(document).favourite == Pet(id="p2", name="Tom")


def test_an_included_target_of_another_type_is_a_decode_error() -> None:
    """The included resource must be of the related model's type."""
    document = house_document(
        relationships={"favourite": {"data": {"type": "cat", "id": "c1"}}},
        included=[{"type": "cat", "id": "c1"}],
    )
    with pytest.raises(DecodeError, match="'pet'"):
        build(document)


def test_related_models_are_bound_too() -> None:
    """A model built from included can traverse as well: it shares the binding's api."""
    api = object()
    house = structure(
        House,
        (document := house_document(relationships={"pets": PETS}, included=INCLUDED_PETS)),
        document.primary[0],
        api=api,
    )
    assert house.pets is not None
    assert house.pets[0]._bound("Pet").api is api


def test_timestamps_become_aware_datetimes() -> None:
    """ISO 8601 strings and epoch milliseconds both give aware UTC datetimes."""
    stamp = datetime(2018, 3, 27, 15, 39, 2, 825000, tzinfo=UTC)
    assert build(house_document(attributes={"built": "2018-03-27T15:39:02.825Z"})).built == stamp
    assert build(house_document(attributes={"built": 1522165142825})).built == stamp


def test_a_timestamp_without_offset_is_taken_as_utc() -> None:
    """The platform writes UTC; a timestamp without an offset is not given a local zone."""
    house = build(house_document(attributes={"built": "2018-03-27T15:39:02"}))
    assert house.built == datetime(2018, 3, 27, 15, 39, 2, tzinfo=UTC)


@pytest.mark.parametrize("value", ["yesterday", True, 10**30, -(10**30), {"at": 1}])
def test_a_bad_timestamp_is_a_decode_error(value: Any) -> None:
    """Unparsable, boolean or out-of-range timestamps raise DecodeError, nothing foreign."""
    with pytest.raises(DecodeError, match="built"):
        build(house_document(attributes={"built": value}))


def test_the_binding_is_neither_compared_nor_shown() -> None:
    """Two models of the same data are equal whatever documents they came from."""
    first = build(house_document(attributes={"name": "A"}))
    second = build(house_document(attributes={"name": "A"}))
    assert first == second == House(id="h1", name="A")
    assert "binding" not in repr(first).lower()


def test_a_hand_built_model_cannot_traverse() -> None:
    """Traversal needs a model the client returned; a hand-built one says so."""
    with pytest.raises(UsageError, match="built by hand"):
        House(id="h1")._bound("House.pets()")


def test_to_dict_is_json_safe_and_leaves_the_binding_out() -> None:
    """to_dict gives plain JSON values: ISO datetimes, lists, dicts, nested models as dicts."""
    document = house_document(
        attributes={"name": "Villa", "built": "2018-03-27T15:39:02.825Z", "tags": {"a": 1}},
        relationships={"pets": PETS},
        included=INCLUDED_PETS,
    )
    result = build(document).to_dict()
    assert result == {
        "id": "h1",
        "name": "Villa",
        "rooms": None,
        "built": "2018-03-27T15:39:02.825000+00:00",
        "owner_id": None,
        "pet_ids": ["p1", "p2"],
        "pets": [
            {"id": "p1", "name": "Rex", "extra": {}},
            {"id": "p2", "name": "Tom", "extra": {}},
        ],
        "favourite": None,
        "extra": {"tags": {"a": 1}},
    }
    assert json.loads(build(document).to_json()) == result


def test_asdict_does_not_walk_into_the_document() -> None:
    """attrs.asdict stops at the binding: the response document is not copied into it."""
    house = build(house_document(relationships={"pets": PETS}, included=INCLUDED_PETS))
    walked = attrs.asdict(house)
    assert not isinstance(walked["_binding"], dict)


def test_an_undeclared_class_cannot_be_structured() -> None:
    """structure() needs a class declared with @model."""

    @attrs.frozen
    class Loose:
        id: str

    with pytest.raises(TypeError, match="@model"):
        structure(Loose, house_document(), house_document().primary[0])  # type: ignore[type-var]
