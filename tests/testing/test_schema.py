"""Request bodies read against declared schemas."""

from __future__ import annotations

from typing import Any

import pytest

from elasticio.testing._errors import ReplyError
from elasticio.testing._schema import Attr, Body, Rel

THING = Body(
    "thing",
    attributes=(
        Attr("name", "string", required=True, filled=True),
        Attr("kind", choices=("big", "small")),
        Attr("note", "string", nullable=True),
        Attr("tags", "array", items="string"),
        Attr("state", required=True, nullable=True),
        Attr("count", "integer"),
    ),
    relationships=(Rel("box", "box", required=True), Rel("lid", "lid", nullable=True)),
)


def body(
    attributes: dict[str, Any] | None = None,
    relationships: dict[str, Any] | None = None,
    **data: Any,
) -> dict[str, Any]:
    attributes = {"name": "n", "state": None, **(attributes or {})}
    relationships = {"box": {"data": {"type": "box", "id": "b1"}}, **(relationships or {})}
    return {
        "data": {
            "type": "thing",
            "attributes": attributes,
            "relationships": relationships,
            **data,
        }
    }


def problem(schema: Body, document: Any, **kw: Any) -> ReplyError:
    with pytest.raises(ReplyError) as caught:
        schema.read(document, **kw)
    return caught.value


def test_a_fitting_body_gives_the_declared_members() -> None:
    """What is declared and given comes back (null included); the rest is ignored."""
    payload = THING.read(
        body({"note": None, "extra": 1}, {"lid": {"data": None}, "other": {"data": None}})
    )
    assert payload.attributes == {"name": "n", "note": None, "state": None}
    assert payload.links == {"box": "b1", "lid": None}
    assert payload.id is None


@pytest.mark.parametrize(
    ("attributes", "detail"),
    [
        ({"name": None}, "data.attributes.name is required"),
        ({"name": "  "}, "data.attributes.name must be a non-empty string"),
        ({"kind": "huge"}, "data.attributes.kind must be one of 'big', 'small'"),
        ({"note": 3}, "data.attributes.note must be a string"),
        ({"tags": ["a", 1]}, "data.attributes.tags must be a list of strings"),
        ({"count": True}, "data.attributes.count must be an integer"),
        ({"kind": None}, "data.attributes.kind cannot be null"),
    ],
)
def test_a_bad_attribute_is_a_400_naming_it(attributes: dict[str, Any], detail: str) -> None:
    """An attribute that does not fit is a 400 naming it in the detail and the pointer."""
    error = problem(THING, body(attributes))
    assert (error.status, error.detail) == (400, detail)
    name = next(iter(attributes))
    assert error.body()["errors"][0]["source"] == {"pointer": f"/data/attributes/{name}"}


def test_a_required_nullable_attribute_must_be_present() -> None:
    """``required`` with ``nullable``: null is fine, absence is not."""
    document = body()
    del document["data"]["attributes"]["state"]
    assert problem(THING, document).detail == "data.attributes.state is required"


@pytest.mark.parametrize(
    ("relationships", "detail"),
    [
        ({"box": None}, "data.relationships.box is required"),
        ({"box": {"data": None}}, "data.relationships.box.data must have an id"),
        ({"box": {"data": {"type": "lid", "id": "x"}}}, "data.relationships.box.data.type"),
        ({"lid": {"data": {"id": "x"}}}, "data.relationships.lid.data.type must be 'lid'"),
    ],
)
def test_a_bad_relationship_is_a_400_naming_it(relationships: dict[str, Any], detail: str) -> None:
    """A missing or malformed relationship is a 400 naming it."""
    document = body(relationships=relationships)
    if relationships.get("box", 0) is None:
        del document["data"]["relationships"]["box"]
    error = problem(THING, document)
    assert error.status == 400
    assert error.detail.startswith(detail)


@pytest.mark.parametrize(
    ("document", "status"),
    [
        (None, 400),
        ({"data": []}, 400),
        ({"data": {"attributes": {}}}, 400),
        ({"data": {"type": "other"}}, 409),
        ({"data": {"type": "thing", "attributes": []}}, 400),
    ],
)
def test_the_document_and_its_type_are_checked(document: Any, status: int) -> None:
    """Not a document, or no type, is a 400; another resource type is a 409."""
    assert problem(THING, document).status == status


def test_ids_are_checked_by_the_rule() -> None:
    """``url`` needs the URL's id, ``url-optional`` allows none, ``given`` needs one."""
    by_url = Body("thing", id="url")
    assert problem(by_url, {"data": {"type": "thing"}}, url_id="a").status == 400
    assert problem(by_url, {"data": {"type": "thing", "id": "b"}}, url_id="a").status == 409
    assert by_url.read({"data": {"type": "thing", "id": "a"}}, url_id="a").id == "a"
    optional = Body("thing", id="url-optional")
    assert optional.read({"data": {"type": "thing"}}, url_id="a").id == "a"
    given = Body("thing", id="given")
    assert problem(given, {"data": {"type": "thing", "id": ""}}).status == 400
    assert given.read({"data": {"type": "thing", "id": "u1"}}).id == "u1"


def test_requiring_makes_attributes_required() -> None:
    """``requiring`` returns the schema with the named attributes required."""
    optional = Body("thing", attributes=(Attr("name", "string"), Attr("note")))
    required = optional.requiring({"name"})
    assert [a.required for a in required.attributes] == [True, False]
    assert problem(required, {"data": {"type": "thing"}}).detail == (
        "data.attributes.name is required"
    )
