"""The exception tree, and the typed error every failed response becomes."""

from __future__ import annotations

from typing import Any

import pytest
import respx

from elasticio import (
    APIConnectionError,
    APIError,
    APIProtocolError,
    APITimeoutError,
    AsyncClient,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    DecodeError,
    ElasticioError,
    ErrorObject,
    ForeignOriginError,
    NotFoundError,
    PermissionDeniedError,
    PollTimeoutError,
    RateLimitError,
    ResponseTooLargeError,
    RetryPolicy,
    ServerError,
    UnexpectedStatusError,
    UsageError,
)
from elasticio._errors import STATUS_ERRORS, error_class_for_status
from tests._support.offline import BASE_URL

PATH = "/v2/flows/F1"
URL = f"{BASE_URL}{PATH}"

STATUS_CLASSES: list[tuple[int, type[APIError]]] = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (409, ConflictError),
    (429, RateLimitError),
    (500, ServerError),
    (502, ServerError),
    (503, ServerError),
    (504, ServerError),
    (599, ServerError),
    (303, UnexpectedStatusError),
    (405, UnexpectedStatusError),
    (406, UnexpectedStatusError),
    (410, UnexpectedStatusError),
    (413, UnexpectedStatusError),
    (418, UnexpectedStatusError),
]

JSONAPI_CONFLICT = {
    "errors": [
        {
            "status": 409,
            "title": "Conflict",
            "detail": "Flow is already active",
            "code": 17,
            "source": {"parameter": {"id": "F1"}},
            "meta": {"hint": "stop it first"},
        }
    ]
}


async def fail(client: AsyncClient, router: respx.MockRouter, code: int, **kwargs: Any) -> APIError:
    """GET PATH once against a ``code`` response and return the APIError raised."""
    router.get(PATH).respond(code, **kwargs)
    with pytest.raises(APIError) as caught:
        await client.request("GET", PATH, retry=RetryPolicy.never())
    return caught.value


# --- the tree -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cls",
    [
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        RateLimitError,
        ServerError,
        UnexpectedStatusError,
    ],
)
def test_status_errors_are_api_errors(cls: type[APIError]) -> None:
    """Every status error is an APIError, and every APIError an ElasticioError."""
    assert issubclass(cls, APIError)
    assert issubclass(cls, ElasticioError)


@pytest.mark.parametrize(
    ("cls", "parent"),
    [
        (APITimeoutError, APIConnectionError),
        (APITimeoutError, TimeoutError),
        (PollTimeoutError, TimeoutError),
        (APIConnectionError, ElasticioError),
        (ConfigurationError, UsageError),
        (UsageError, ValueError),
        (DecodeError, ValueError),
        (DecodeError, ElasticioError),
        (ForeignOriginError, ElasticioError),
        (APIProtocolError, ElasticioError),
        (ResponseTooLargeError, APIProtocolError),
    ],
)
def test_the_rest_of_the_tree(cls: type[Exception], parent: type[Exception]) -> None:
    """Timeouts are connection errors and TimeoutErrors; usage and decode errors are also
    ValueErrors."""
    assert issubclass(cls, parent)


def test_connection_errors_are_not_api_errors() -> None:
    """No HTTP answer is not an error status: the two branches stay apart."""
    assert not issubclass(APIConnectionError, APIError)


@pytest.mark.parametrize(("code", "cls"), STATUS_CLASSES)
def test_error_class_for_status(code: int, cls: type[APIError]) -> None:
    """Each status maps to its class in one place."""
    assert error_class_for_status(code) is cls


def test_status_table_holds_only_specific_codes() -> None:
    """The table names the six specific codes; 5xx and the rest fall to ranges."""
    assert set(STATUS_ERRORS) == {400, 401, 403, 404, 409, 429}


# --- through the client: the class and the fields -----------------------------------------


@pytest.mark.parametrize(("code", "cls"), STATUS_CLASSES)
async def test_status_raises_its_class(
    client: AsyncClient, router: respx.MockRouter, code: int, cls: type[APIError]
) -> None:
    """A response with this status raises exactly this class, with the request named."""
    error = await fail(client, router, code, json={"errors": [{"title": "t"}]})
    assert type(error) is cls
    assert error.status_code == code
    assert (error.method, error.url) == ("GET", URL)


async def test_jsonapi_error_body_is_parsed(client: AsyncClient, router: respx.MockRouter) -> None:
    """Every member of a JSON:API error object lands on an ErrorObject."""
    error = await fail(client, router, 409, json=JSONAPI_CONFLICT)
    assert isinstance(error, ConflictError)
    (obj,) = error.errors
    assert obj.status == 409
    assert (obj.title, obj.detail, obj.code) == ("Conflict", "Flow is already active", "17")
    assert obj.source == {"parameter": {"id": "F1"}}
    assert obj.meta == {"hint": "stop it first"}


async def test_jsonapi_error_status_as_string(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A status given as a string (as JSON:API itself says) is read as an int."""
    error = await fail(client, router, 404, json={"errors": [{"status": "404", "title": "NF"}]})
    assert error.errors[0].status == 404


async def test_several_error_objects_are_kept_in_order(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """All error objects are kept, in the order given."""
    body = {"errors": [{"title": "first"}, {"title": "second"}]}
    error = await fail(client, router, 400, json=body)
    assert [e.title for e in error.errors] == ["first", "second"]


async def test_message_names_status_problem_request_and_request_id(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """str(error) holds the status, title, detail, method, URL and request id."""
    error = await fail(
        client, router, 409, json=JSONAPI_CONFLICT, headers={"x-request-id": "req-42"}
    )
    text = str(error)
    for part in ("409", "Conflict", "Flow is already active", "GET", URL, "req-42"):
        assert part in text


async def test_v1_error_body(client: AsyncClient, router: respx.MockRouter) -> None:
    """The v1 form {"message", "reason"} becomes one error object titled by the message."""
    body = {"message": "Rejected.", "reason": {"field": "name", "why": "taken"}}
    error = await fail(client, router, 400, json=body)
    assert isinstance(error, BadRequestError)
    (obj,) = error.errors
    assert obj.title == "Rejected."
    assert obj.meta["reason"] == {"field": "name", "why": "taken"}
    assert "Rejected." in str(error)


@pytest.mark.parametrize(
    ("label", "content", "content_type"),
    [
        ("html", b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
        ("empty", b"", "application/json"),
        ("whitespace", b"  \n", "application/json"),
        ("invalid json", b'{"errors": [', "application/json"),
        ("json list", b'[{"title": "x"}]', "application/json"),
        ("json string", b'"oops"', "application/json"),
        ("errors not a list", b'{"errors": {"title": "x"}}', "application/json"),
        ("error not an object", b'{"errors": ["x", 1]}', "application/json"),
        ("not utf-8", b'{"message": "\xff\xfe"}', "application/json"),
        ("unrelated object", b'{"hello": "world"}', "application/json"),
    ],
)
async def test_odd_error_bodies_still_give_the_typed_error(
    client: AsyncClient, router: respx.MockRouter, label: str, content: bytes, content_type: str
) -> None:
    """Whatever the body, a 502 raises ServerError with no parsed errors, never a KeyError."""
    error = await fail(
        client,
        router,
        502,
        content=content,
        headers={"content-type": content_type, "x-request-id": "r-1"},
    )
    assert type(error) is ServerError
    assert error.status_code == 502
    assert error.errors == ()
    assert error.request_id == "r-1"
    assert error.headers["content-type"] == content_type
    assert (error.method, error.url) == ("GET", URL)


async def test_error_keeps_the_raw_body(client: AsyncClient, router: respx.MockRouter) -> None:
    """The raw body is kept for inspection."""
    error = await fail(client, router, 500, content=b"<h1>down</h1>")
    assert error.body == b"<h1>down</h1>"


async def test_error_headers_and_request_id(client: AsyncClient, router: respx.MockRouter) -> None:
    """The response headers and the x-request-id travel on the error."""
    error = await fail(
        client, router, 404, json={}, headers={"x-request-id": "abc-123", "x-other": "1"}
    )
    assert error.request_id == "abc-123"
    assert error.headers["x-other"] == "1"


async def test_error_without_request_id(client: AsyncClient, router: respx.MockRouter) -> None:
    """Without the header, request_id is None and the message does not mention one."""
    error = await fail(client, router, 404, json={})
    assert error.request_id is None
    assert "request id" not in str(error)


async def test_rate_limit_error_has_retry_after(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 429 raised without retrying carries the server's Retry-After in seconds."""
    error = await fail(client, router, 429, headers={"retry-after": "12"})
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 12.0


async def test_rate_limit_error_without_retry_after(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 429 without Retry-After has retry_after None."""
    error = await fail(client, router, 429)
    assert isinstance(error, RateLimitError)
    assert error.retry_after is None


# --- success responses that do not decode -------------------------------------------------


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"<html>maintenance</html>", "text/html"),
        (b'{"data": ', "application/json"),
        (b'[{"type": "flow", "id": "1"}]', "application/json"),
    ],
)
async def test_undecodable_success_raises_decode_error(
    client: AsyncClient, router: respx.MockRouter, content: bytes, content_type: str
) -> None:
    """A 200 that is not a JSON:API object raises DecodeError naming status, method and URL."""
    router.get(PATH).respond(200, content=content, headers={"content-type": content_type})
    with pytest.raises(DecodeError) as caught:
        await client.request("GET", PATH)
    text = str(caught.value)
    assert "200" in text
    assert "GET" in text
    assert URL in text
    assert content_type in text


@pytest.mark.parametrize("code", [200, 201, 202, 204])
async def test_empty_success_gives_an_empty_document(
    client: AsyncClient, router: respx.MockRouter, code: int
) -> None:
    """An empty success body (204 above all) is an empty Document, not an error."""
    router.delete(PATH).respond(code)
    document = await client.request("DELETE", PATH)
    assert document.data is None
    assert document.primary == ()
    assert document.has_data is False


# --- the error objects --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("obj", "text"),
    [
        (ErrorObject(title="Conflict", detail="already"), "Conflict: already"),
        (ErrorObject(detail="only detail"), "only detail"),
        (ErrorObject(code="E17"), "code E17"),
        (ErrorObject(), ""),
    ],
)
def test_error_object_describe(obj: ErrorObject, text: str) -> None:
    """describe() joins title and detail, or falls back to the code."""
    assert obj.describe() == text


def test_api_error_built_by_hand_has_defaults() -> None:
    """An APIError needs only a status; the rest defaults to empty."""
    error = NotFoundError(status_code=404)
    assert (error.errors, dict(error.headers), error.request_id) == ((), {}, None)
    assert str(error) == "404"
