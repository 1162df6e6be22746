"""A request URL built without parsing again is the URL httpx's own parsing gives."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from elasticio._http import (
    _VALID_PATH,
    RequestSpec,
    UsageError,
    _check_path,
    build_request,
    path_problem,
)
from elasticio._url import with_raw_path

BASES = [
    "https://api.elastic.io",
    "https://api.elastic.io/",
    "http://127.0.0.1:8080",
    "https://EXAMPLE.com:443/prefix",
    "https://[::1]:9/api/",
]

# What a checked path may hold, with the characters most likely to be treated specially.
CHARS = "aZ09-._~!$&'()*+,;=:@%2F%2f%41"
segment = st.lists(st.sampled_from([*CHARS, "%20", ".", ".."]), max_size=6).map("".join)
query = st.lists(st.sampled_from([*CHARS, "/", "?", "[", "]", "=", "&"]), max_size=8).map("".join)


@st.composite
def raw_paths(draw: st.DrawFn) -> str:
    path = "/" + "/".join(draw(st.lists(segment, min_size=1, max_size=4)))
    if draw(st.booleans()):
        path += "?" + draw(query)
    return path


def httpx_way(base: httpx.URL, raw_path: str) -> httpx.URL:
    return base.copy_with(raw_path=raw_path.encode("ascii"))


@given(base=st.sampled_from(BASES), path=raw_paths())
def test_same_url_as_httpx_parsing(base: str, path: str) -> None:
    """For every path the SDK accepts, the URL equals httpx's, part by part."""
    try:
        _check_path(path)
    except UsageError:
        return
    base_url = httpx.URL(base)
    raw_path = base_url.raw_path.decode("ascii").rstrip("/") + path
    fast, slow = with_raw_path(base_url, raw_path), httpx_way(base_url, raw_path)
    assert str(fast) == str(slow)
    assert fast == slow
    assert (fast.raw_path, fast.host, fast.port, fast.query, fast.path) == (
        slow.raw_path,
        slow.host,
        slow.port,
        slow.query,
        slow.path,
    )


@given(st.text(alphabet="/?#%aZ09-._~[] é\x00:@&=+2Ff", max_size=16))
def test_the_one_match_accepts_only_what_every_check_accepts(path: str) -> None:
    """The single match that lets the usual path through never lets through a path the
    checks one by one refuse."""
    if _VALID_PATH.fullmatch(path) is not None:
        assert path_problem(path) is None


@pytest.mark.parametrize(
    "path", ["", "/", "/v2/flows/", "/v2/flows/a%2Fb?page[size]=5&x=/?", "/v2?", "?q=1"]
)
def test_the_usual_paths_take_the_one_match(path: str) -> None:
    assert _VALID_PATH.fullmatch(path) is not None
    assert path_problem(path) is None


@pytest.mark.parametrize("path", ["/v2/flows/./1", "/v2/flows/../users", "/v2/flows/..", "/v2?"])
def test_dot_segments_and_an_empty_query_as_httpx_has_them(path: str) -> None:
    """Dot segments are resolved and an empty query kept, as httpx does."""
    base = httpx.URL("https://api.elastic.io")
    url = with_raw_path(base, path)
    assert str(url) == str(httpx_way(base, path))
    assert "/." not in url.path


def test_a_base_url_with_a_query_takes_httpxs_way() -> None:
    """A base URL with a query of its own is handed to httpx, whatever it makes of it."""
    base = httpx.URL("https://api.elastic.io/?tenant=1")
    raw_path = base.raw_path.decode("ascii").rstrip("/") + "/v2/flows"
    assert with_raw_path(base, raw_path) == httpx_way(base, raw_path)


def test_a_request_for_a_path_goes_to_that_url() -> None:
    """build_request puts the path after the base URL's own path."""
    spec = RequestSpec(method="GET", path="/v2/flows/f%2F1", params={"page[size]": 5})
    request = build_request(httpx.URL("https://api.elastic.io/base/"), spec, headers={})
    assert str(request.url) == "https://api.elastic.io/base/v2/flows/f%2F1?page%5Bsize%5D=5"
