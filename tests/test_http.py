"""The pure protocol core: building requests, deciphering responses, resolving links."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from elasticio import (
    APIProtocolError,
    DecodeError,
    ForeignOriginError,
    NotFoundError,
    RateLimitError,
    ServerError,
    UnexpectedStatusError,
    UsageError,
)
from elasticio._http import (
    RequestSpec,
    build_request,
    decipher,
    decipher_plain,
    error_from_response,
    request_id_of,
    same_origin_url,
    user_agent,
)
from elasticio._version import version
from elasticio.jsonapi import Document

BASE = httpx.URL("https://api.elastic.io")
NOW = datetime(2025, 6, 1, 12, 0, 0, tzinfo=UTC)


def build(spec: RequestSpec, base: httpx.URL = BASE, **headers: str) -> httpx.Request:
    """build_request with the given extra headers."""
    return build_request(base, spec, headers=headers)


def run_decipher(status_code: int, content: bytes = b"", **headers: str) -> Document:
    """decipher a GET of /v2/x with a fixed clock."""
    return decipher(
        method="GET",
        url="https://api.elastic.io/v2/x",
        status_code=status_code,
        headers=httpx.Headers(headers),
        content=content,
        retries_taken=0,
        now=NOW,
    )


# --- build_request ------------------------------------------------------------------------


def test_build_joins_base_and_path() -> None:
    """The path goes under the base URL unchanged."""
    request = build(RequestSpec(method="GET", path="/v2/users/me"))
    assert request.method == "GET"
    assert str(request.url) == "https://api.elastic.io/v2/users/me"


def test_build_keeps_a_base_path_prefix() -> None:
    """A base URL with a path keeps it in front of the request path."""
    request = build(RequestSpec(method="GET", path="/v2/x"), httpx.URL("https://h.example/api"))
    assert request.url.raw_path == b"/api/v2/x"


def test_build_keeps_encoded_segments_encoded() -> None:
    """A percent-encoded slash is sent as is, never decoded into a path separator."""
    request = build(RequestSpec(method="GET", path="/v2/components/..%2Fusers%2Fme"))
    assert request.url.raw_path == b"/v2/components/..%2Fusers%2Fme"


def test_build_refuses_a_non_ascii_path() -> None:
    """A path that was not percent-encoded is refused as a usage error."""
    with pytest.raises(UsageError, match="segment"):
        build(RequestSpec(method="GET", path="/v2/components/ü"))


def test_build_encodes_query_parameters() -> None:
    """Booleans become true/false, sequences repeat, None is left out, brackets survive."""
    params: dict[str, Any] = {
        "contract_id": "C1",
        "filter[access]": "all",
        "page[size]": 50,
        "flag": True,
        "off": False,
        "ids": ["a", "b"],
        "skip": None,
    }
    request = build(RequestSpec(method="GET", path="/v2/x", params=params))
    query = request.url.params
    assert query["contract_id"] == "C1"
    assert query["filter[access]"] == "all"
    assert query["page[size]"] == "50"
    assert (query["flag"], query["off"]) == ("true", "false")
    assert query.get_list("ids") == ["a", "b"]
    assert "skip" not in query


def test_build_serialises_json_body() -> None:
    """A json body is compact JSON with Content-Type application/json."""
    request = build(RequestSpec(method="POST", path="/v2/x", json={"data": {"type": "t"}}))
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == {"data": {"type": "t"}}
    assert b" " not in request.content


def test_build_writes_files_as_a_multipart_form() -> None:
    """``files`` make a multipart/form-data body with its boundary; the file's bytes are
    in it, and the spec's repr leaves them out."""
    spec = RequestSpec(method="POST", path="/v2/x", files={"cert": ("c.pem", b"PEM", "text/plain")})
    request = build(spec)
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="cert"; filename="c.pem"' in request.content
    assert b"\r\n\r\nPEM\r\n" in request.content
    assert "PEM" not in repr(spec)


def test_build_without_body_has_no_content_type() -> None:
    """A request without a body does not claim a content type."""
    request = build(RequestSpec(method="GET", path="/v2/x"))
    assert "content-type" not in request.headers
    assert request.content == b""


def test_build_asks_for_json() -> None:
    """Every request sends Accept: application/json."""
    assert build(RequestSpec(method="GET", path="/v2/x")).headers["accept"] == "application/json"


def test_build_adds_no_credentials() -> None:
    """The pure builder never adds an Authorization header; the client's auth does."""
    assert "authorization" not in build(RequestSpec(method="GET", path="/v2/x")).headers


def test_build_header_override_is_case_insensitive() -> None:
    """A caller's header replaces the default of the same name, whatever its case."""
    request = build(RequestSpec(method="GET", path="/v2/x"), accept="text/plain")
    assert request.headers.get_list("accept") == ["text/plain"]


def test_build_with_an_absolute_url_ignores_the_base() -> None:
    """spec.url (a followed link) replaces base + path and merges extra params."""
    link = httpx.URL("https://api.elastic.io/v2/flows?page[number]=2")
    spec = RequestSpec(method="GET", url=link, params={"page[size]": 10})
    request = build(spec, httpx.URL("https://api.elastic.io/ignored"))
    assert request.url.path == "/v2/flows"
    assert request.url.params["page[number]"] == "2"
    assert request.url.params["page[size]"] == "10"


def test_user_agent_names_the_sdk_and_version() -> None:
    """The User-Agent starts with elasticio-python/<version>."""
    assert user_agent().startswith(f"elasticio-python/{version()} ")
    assert f"httpx/{httpx.__version__}" in user_agent()


# --- decipher -----------------------------------------------------------------------------


def test_decipher_success_gives_a_document() -> None:
    """A JSON:API 200 decodes to its Document."""
    document = run_decipher(200, b'{"data": {"type": "user", "id": "1"}}')
    assert document.get("user", "1") is not None


@pytest.mark.parametrize(("code", "content"), [(204, b""), (200, b""), (200, b" \r\n")])
def test_decipher_empty_success_is_an_empty_document(code: int, content: bytes) -> None:
    """An empty or blank success body gives an empty Document."""
    assert run_decipher(code, content) == Document()


def test_decipher_error_raises_the_typed_error() -> None:
    """A 404 raises NotFoundError carrying the request, the errors and the request id."""
    body = b'{"errors": [{"status": 404, "title": "Resource not found"}]}'
    with pytest.raises(NotFoundError) as caught:
        run_decipher(404, body, **{"x-request-id": "rid"})
    error = caught.value
    assert (error.method, error.url) == ("GET", "https://api.elastic.io/v2/x")
    assert error.request_id == "rid"
    assert error.errors[0].title == "Resource not found"


def test_decipher_undecodable_success_names_the_response() -> None:
    """A 200 with invalid JSON raises DecodeError naming status, method, URL and type."""
    with pytest.raises(DecodeError) as caught:
        run_decipher(200, b"<html/>", **{"content-type": "text/html"})
    text = str(caught.value)
    assert "200 response to GET https://api.elastic.io/v2/x" in text
    assert "text/html" in text
    assert isinstance(caught.value.__cause__, DecodeError)


def test_decipher_redirect_is_an_error() -> None:
    """A 3xx is not a success: it raises rather than decoding nothing."""
    with pytest.raises(UnexpectedStatusError) as caught:
        run_decipher(302, b"", location="/v2/elsewhere")
    assert caught.value.status_code == 302


def run_plain(status_code: int, content: bytes = b"", accept: frozenset[int] = frozenset()) -> Any:
    return decipher_plain(
        method="GET",
        url="https://api.elastic.io/v1/users",
        status_code=status_code,
        headers=httpx.Headers({}),
        content=content,
        retries_taken=0,
        now=NOW,
        accept=accept,
    )


@pytest.mark.parametrize(
    ("content", "value"),
    [(b'{"id": "1"}', {"id": "1"}), (b"[1, 2]", [1, 2]), (b'"ok"', "ok"), (b"", None)],
)
def test_decipher_plain_gives_the_json_value(content: bytes, value: Any) -> None:
    """A plain-JSON success is the decoded value as it is, not a JSON:API document."""
    assert run_plain(200, content) == value


def test_decipher_plain_reads_a_v1_error_message() -> None:
    """A v1 error body ``{"message": ...}`` becomes the typed error with the message."""
    with pytest.raises(NotFoundError) as caught:
        run_plain(404, b'{"message": "Result does not exist."}')
    assert caught.value.errors[0].title == "Result does not exist."


def test_decipher_plain_refuses_invalid_json() -> None:
    """Invalid JSON in a plain success is a DecodeError naming the response."""
    with pytest.raises(DecodeError, match="200 response to GET"):
        run_plain(200, b"{nope")


def test_decipher_plain_accepted_status_gives_none() -> None:
    """An accepted non-2xx status is an outcome whose body is not decoded."""
    assert run_plain(303, b"<html>", accept=frozenset({303})) is None


def test_decipher_rate_limit_reads_an_http_date() -> None:
    """RateLimitError.retry_after converts an HTTP-date relative to ``now``."""
    when = format_datetime(NOW + timedelta(seconds=90), usegmt=True)
    with pytest.raises(RateLimitError) as caught:
        run_decipher(429, b"", **{"retry-after": when})
    assert caught.value.retry_after == 90.0


def test_error_from_response_returns_rather_than_raises() -> None:
    """error_from_response builds the exception for the caller to raise."""
    error = error_from_response(
        method="PUT",
        url="https://api.elastic.io/v2/x",
        status_code=500,
        headers={},
        content=b"",
        retries_taken=2,
        now=NOW,
    )
    assert type(error) is ServerError
    assert error.retries_taken == 2


def test_error_body_is_cut_short() -> None:
    """A huge error body is kept only in part."""
    error = error_from_response(
        method="GET",
        url="u",
        status_code=500,
        headers={},
        content=b"x" * 100_000,
        retries_taken=0,
        now=NOW,
    )
    assert 0 < len(error.body) < 100_000


@pytest.mark.parametrize("name", ["x-request-id", "request-id", "x-correlation-id"])
def test_request_id_headers(name: str) -> None:
    """The request id is read from any of the usual headers, case-insensitively."""
    assert request_id_of(httpx.Headers({name.upper(): "id-1"})) == "id-1"


def test_request_id_absent() -> None:
    """No such header gives None."""
    assert request_id_of(httpx.Headers({"x-other": "1"})) is None


# --- same_origin_url ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("/v2/exec/result/1", "https://api.elastic.io/v2/exec/result/1"),
        ("https://api.elastic.io/v2/flows?page=2", "https://api.elastic.io/v2/flows?page=2"),
        ("https://api.elastic.io:443/v2/x", "https://api.elastic.io/v2/x"),
        ('"/v2/quoted"', "https://api.elastic.io/v2/quoted"),
        ("  /v2/padded ", "https://api.elastic.io/v2/padded"),
    ],
)
def test_same_origin_urls_resolve(reference: str, expected: str) -> None:
    """Relative and same-origin absolute references resolve against the base URL."""
    assert str(same_origin_url(BASE, reference)) == expected


@pytest.mark.parametrize(
    "reference",
    [
        "https://evil.example/v2/x",
        "//evil.example/v2/x",
        "http://api.elastic.io/v2/x",
        "https://api.elastic.io:8443/v2/x",
        "https://api.elastic.io.evil.example/v2/x",
    ],
)
def test_foreign_origins_are_refused(reference: str) -> None:
    """Another host, scheme or port raises ForeignOriginError: credentials stay home."""
    with pytest.raises(ForeignOriginError):
        same_origin_url(BASE, reference)


@pytest.mark.parametrize(
    "reference", ["https://api.elastic.io:notaport/x", "http://[::1/x", "/v2/x\x00"]
)
def test_an_invalid_reference_is_a_protocol_error(reference: str) -> None:
    """A URL httpx cannot parse is the server's mistake: APIProtocolError, nothing followed."""
    with pytest.raises(APIProtocolError, match="invalid URL"):
        same_origin_url(BASE, reference)


def test_same_origin_url_with_credentials_of_its_own_is_refused() -> None:
    """A same-origin link carrying user:pass@ is refused rather than followed."""
    with pytest.raises(ForeignOriginError):
        same_origin_url(httpx.URL("https://api.elastic.io"), "https://eve:pw@api.elastic.io/v2/x")
