"""The emulator reads requests and writes answers itself, exactly as Starlette would."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.requests import Request
from starlette.responses import Response

from elasticio.testing._app import Answer, _headers, _origin, _path, _query
from elasticio.testing._errors import ReplyError
from elasticio.testing._query import array_values, single_values


def _scope(path: str, headers: list[tuple[bytes, bytes]], **extra: Any) -> dict[str, Any]:
    return {
        "type": "http",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "server": ("127.0.0.1", 8000),
        **extra,
    }


@pytest.mark.parametrize(
    ("status", "body", "headers", "media_type"),
    [
        (200, b'{"data":[]}', {}, "application/json"),
        (201, b"", {"Location": "/v2/flows/1"}, "application/json"),
        (429, b"{}", {"Retry-After": "3"}, "application/json"),
        (204, b"", {"X-Request-Id": "r"}, None),
        (200, b"abc", {"Content-Type": "text/csv", "Content-Length": "3"}, "application/json"),
    ],
)
def test_an_answer_has_the_headers_of_a_starlette_response(
    status: int, body: bytes, headers: dict[str, str], media_type: str | None
) -> None:
    """Status, body and raw headers, in order, are those of the same Starlette Response."""
    answer = Answer(status, body, headers, media_type)
    response = Response(body, status_code=status, headers=headers, media_type=media_type)
    assert (answer.status, answer.body, answer.headers) == (
        response.status_code,
        response.body,
        response.raw_headers,
    )


@pytest.mark.parametrize(
    "path",
    ["/v2/flows", "/v2/flows/", "/v2/flows/a?b", "/v2/flows/a#b", "/v2/a\\b", "//v2/flows", "/ü"],
)
@pytest.mark.parametrize(
    "headers",
    [[(b"host", b"emulator.test:8080")], [], [(b"host", b"[::1")], [(b"host", b"a:b:c")]],
)
def test_path_and_origin_read_as_starlette_reads_them(
    path: str, headers: list[tuple[bytes, bytes]]
) -> None:
    """The path and the base URL are Starlette's ``url.path`` and ``base_url``."""
    scope = _scope(path, headers)
    request = Request(scope)
    assert _path(scope) == request.url.path
    assert _origin(scope, _headers(scope).get(b"host"), {}) == str(request.base_url).rstrip("/")


def test_the_origin_is_remembered_per_host() -> None:
    """Requests to two hosts get each their own origin from one cache."""
    cache: dict[tuple[Any, ...], str] = {}

    def origin(path: str, host: bytes) -> str:
        scope = _scope(path, [(b"host", host)])
        return _origin(scope, _headers(scope).get(b"host"), cache)

    first = origin("/v2/flows", b"one.test")
    second = origin("/v2/flows/2", b"two.test:81")
    again = origin("/v2/users/me", b"one.test")
    assert (first, second, again) == ("http://one.test", "http://two.test:81", first)
    assert len(cache) == 2


@pytest.mark.parametrize(
    "raw",
    [b"", b"a=1&b=", b"page%5Bsize%5D=5&levels[]=30&levels[]=40", b"q=%C3%BC+x&flag", b"x=1&y"],
)
def test_the_query_reads_as_starlettes_query_params(raw: bytes) -> None:
    """Single values and ``name[]`` arrays are those of Starlette's query parameters."""
    pairs = Request(_scope("/v2/flows", [], query_string=raw)).query_params.multi_items()
    cache: dict[bytes, Any] = {}
    query, arrays = _query(raw, cache)
    assert (dict(query), dict(arrays)) == (single_values(pairs), array_values(pairs))
    assert _query(raw, cache) == (query, arrays)
    with pytest.raises(TypeError):
        query["more"] = "no"  # type: ignore[index]


def test_a_name_given_twice_is_refused_each_time() -> None:
    """A query that is a 400 is not remembered: the next request is refused as well."""
    cache: dict[bytes, Any] = {}
    for _ in range(2):
        with pytest.raises(ReplyError) as refused:
            _query(b"sort=name&sort=id", cache)
        assert refused.value.status == 400
    assert cache == {}
