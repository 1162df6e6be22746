"""Error documents: `errors` as ErrorObjects, lenient per member, strict about the shape."""

from __future__ import annotations

from typing import Any

import pytest

from elasticio.jsonapi import DecodeError, Document, ErrorObject
from elasticio.jsonapi._errors import parse_error_object, parse_v1_error


def only_error(error: dict[str, Any]) -> ErrorObject:
    """The single ErrorObject of a document holding ``error``."""
    (parsed,) = Document.parse({"errors": [error]}).errors
    return parsed


def test_errors_are_parsed_as_error_objects() -> None:
    """Every member of `errors` becomes an ErrorObject, in order, and there is no data."""
    doc = Document.parse(
        {"errors": [{"status": "404", "title": "Not Found"}, {"status": "409", "code": "dup"}]}
    )
    assert doc.errors == (
        ErrorObject(status=404, title="Not Found"),
        ErrorObject(status=409, code="dup"),
    )
    assert (doc.data, doc.has_data) == (None, False)


def test_all_error_members_are_kept() -> None:
    """id, status, code, title, detail, source and meta all reach the ErrorObject."""
    error = only_error(
        {
            "id": "e1",
            "status": 422,
            "code": "invalid",
            "title": "Invalid attribute",
            "detail": "name must not be empty",
            "source": {"pointer": "/data/attributes/name"},
            "meta": {"request_id": "r-1"},
        }
    )
    assert (error.id, error.status, error.code) == ("e1", 422, "invalid")
    assert (error.title, error.detail) == ("Invalid attribute", "name must not be empty")
    assert error.source == {"pointer": "/data/attributes/name"}
    assert error.meta == {"request_id": "r-1"}


def test_empty_errors_array_is_no_errors() -> None:
    """`"errors": []` decodes to an empty tuple."""
    assert Document.parse({"errors": []}).errors == ()


def test_errors_sit_beside_meta_and_links() -> None:
    """An error document's meta and links are kept too."""
    doc = Document.parse({"errors": [{"title": "x"}], "meta": {"a": 1}, "links": {"about": "/x"}})
    assert (doc.meta["a"], doc.links["about"]) == (1, "/x")


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (404, 404),
        ("404", 404),
        (" 503 ", 503),
        ("4o4", None),
        ("", None),
        ("-1", None),
        ("²", None),
        ("٤٠٤", None),
        (True, None),
        (404.0, None),
        (None, None),
        ([404], None),
    ],
    ids=[
        "int",
        "digit-string",
        "padded",
        "letters",
        "empty",
        "negative",
        "superscript",
        "arabic-indic",
        "bool",
        "float",
        "null",
        "list",
    ],
)
def test_status_is_an_int_or_none(status: Any, expected: int | None) -> None:
    """status is kept as an int, or coerced from ASCII digits; anything else is None."""
    assert only_error({"status": status}).status == expected


@pytest.mark.parametrize("member", ["code", "title", "detail", "id"])
def test_text_members_that_are_not_strings_are_coerced(member: str) -> None:
    """A number where text is expected becomes its string form, never an exception."""
    assert getattr(only_error({member: 1001}), member) == "1001"


@pytest.mark.parametrize("member", ["source", "meta"])
def test_object_members_that_are_not_objects_are_empty(member: str) -> None:
    """A source or meta that is not an object reads as empty, never an exception."""
    assert dict(getattr(only_error({member: "oops"}), member)) == {}


def test_unknown_error_members_do_not_fail() -> None:
    """Members outside the spec are ignored without error."""
    assert only_error({"title": "x", "links": {"about": "/x"}, "trace": [1]}).title == "x"


def test_error_parsing_never_raises_for_odd_members() -> None:
    """An error object with every member of the wrong kind still parses."""
    error = parse_error_object(
        {"status": {}, "code": [], "title": 1.5, "detail": False, "source": [], "meta": 1}
    )
    assert error == ErrorObject(code="[]", title="1.5", detail="False")


@pytest.mark.parametrize(
    ("errors", "pointer"),
    [
        ({"title": "x"}, "/errors"),
        ("boom", "/errors"),
        ([{"title": "x"}, "boom"], "/errors/1"),
        ([None], "/errors/0"),
    ],
)
def test_errors_of_the_wrong_shape_raise_decode_error(errors: Any, pointer: str) -> None:
    """`errors` must be an array of objects; otherwise DecodeError names the member."""
    with pytest.raises(DecodeError) as caught:
        Document.parse({"errors": errors})
    assert caught.value.pointer == pointer


def test_errors_beside_data_raise_decode_error() -> None:
    """A document must not hold both data and errors."""
    with pytest.raises(DecodeError) as caught:
        Document.parse(b'{"data": [], "errors": [{"status": "500"}]}')
    assert caught.value.pointer == "/errors"


def test_v1_error_message_becomes_the_title() -> None:
    """The v1 `{"message": ...}` body becomes one ErrorObject; other members go to meta."""
    error = parse_v1_error({"message": "Flow not found", "reason": "gone"})
    assert error.title == "Flow not found"
    assert error.meta == {"reason": "gone"}
    assert error.status is None
