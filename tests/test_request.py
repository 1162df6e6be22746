"""A request put together by `assemble` is the request ``httpx.Request`` builds."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from elasticio._http import RequestSpec, build_request, default_headers
from elasticio._request import assemble

URLS = [
    "https://api.elastic.io/v2/flows",
    "http://127.0.0.1:8080/v1/exec/schedule",
    "https://EXAMPLE.com:443/prefix/v2/flows?page%5Bsize%5D=5",
    "https://[::1]:9/api/x",
    "http://example.com:8080/",
]
METHODS = ["GET", "get", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
NAMES = ["Accept", "User-Agent", "X-Extra", "Host", "content-length", "Transfer-Encoding"]
VALUES = ["a", "application/json", "12", "chunked", "héllo", "x y"]

headers_lists = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(VALUES)), max_size=5)
contents = st.none() | st.binary(max_size=20)


def httpx_way(
    method: str, url: httpx.URL, headers: httpx.Headers, content: bytes | None
) -> httpx.Request:
    return httpx.Request(method, url, headers=headers, content=content)


def same(fast: httpx.Request, slow: httpx.Request) -> None:
    assert fast.method == slow.method
    assert fast.url == slow.url
    assert fast.headers.raw == slow.headers.raw
    assert fast.headers.encoding == slow.headers.encoding
    assert fast.content == slow.content
    assert list(fast.stream) == list(slow.stream)  # type: ignore[call-overload]
    assert fast.extensions == slow.extensions


@given(
    method=st.sampled_from(METHODS),
    url=st.sampled_from(URLS),
    pairs=headers_lists,
    content=contents,
)
def test_the_same_request_as_httpx_builds(
    method: str, url: str, pairs: list[tuple[str, str]], content: bytes | None
) -> None:
    """Host first, Content-Length where httpx puts it (or not at all), the body read."""
    headers = httpx.Headers([(name.encode(), value.encode()) for name, value in pairs])
    same(
        assemble(method, httpx.URL(url), headers, content),
        httpx_way(method, httpx.URL(url), headers, content),
    )


def test_the_caller_headers_are_left_as_they_were() -> None:
    headers = httpx.Headers({"Accept": "application/json"})
    assemble("POST", httpx.URL("https://api.elastic.io/v2/flows"), headers, b"{}")
    assert headers.raw == [(b"Accept", b"application/json")]


def test_a_request_is_sent_again_with_the_same_body() -> None:
    """A retry sends the request once more: its stream gives the body every time."""
    request = assemble("PUT", httpx.URL("https://api.elastic.io/v2/flows/1"), httpx.Headers(), b"x")
    assert list(request.stream) == [b"x"]  # type: ignore[call-overload]
    assert list(request.stream) == [b"x"]  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "spec",
    [
        RequestSpec(method="GET", path="/v2/flows/1"),
        RequestSpec(method="POST", path="/v2/flows", json={"data": {"type": "flow"}}),
        RequestSpec(method="POST", path="/v2/flows/1/start"),
        RequestSpec(method="PATCH", path="/v2/flows/1", json={}, headers={"X-A": "b"}),
        RequestSpec(method="DELETE", path="/v2/flows/1", params={"a": "1"}),
        RequestSpec(method="GET", url=httpx.URL("https://api.elastic.io/v2/flows?page[number]=2")),
    ],
)
def test_build_request_gives_what_httpx_would(spec: RequestSpec) -> None:
    base = httpx.URL("https://api.elastic.io")
    client_headers = default_headers({"User-Agent": "test"})
    built = build_request(base, spec, headers=client_headers)
    expected_headers = client_headers.copy()
    expected_headers.update(spec.headers)
    if spec.json is not None:
        expected_headers["Content-Type"] = "application/json"
    content = None if spec.json is None else built.content
    same(built, httpx_way(spec.method, built.url, expected_headers, content))
