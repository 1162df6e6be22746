"""Raw paths given to ``client.request``: a malformed one is a UsageError naming it, sent never."""

from __future__ import annotations

import httpx
import pytest
import respx

from elasticio import AsyncClient, UsageError
from elasticio._http import RequestSpec, build_request

BASE = httpx.URL("https://api.elastic.io")

MALFORMED = [
    ("/v2/x#frag", "fragment"),
    ("/v2/x?y=1#z", "fragment"),
    ("/v2/x#", "fragment"),
    ("/v2/x y", "' '"),
    ("/v2/x?q=a b", "' '"),
    ("/v2/x\x00", "'\\\\x00'"),
    ("/v2/x\n", "'\\\\n'"),
    ("/v2/x\t", "'\\\\t'"),
    ("/v2/x\x7f", "'\\\\x7f'"),
    ("/v2/x?q=\r", "'\\\\r'"),
    ("/v2/ü", "percent-encoded"),
    ("/v2/x?q=ü", "percent-encoded"),
    ("//evil.example/x", "empty segment"),
    ("/v2//x", "empty segment"),
    ("/v2/%zz", "'%'"),
    ("/v2/x%2", "'%'"),
    ("/v2/x?q=100%", "'%'"),
    ("/v2/<x>", "'<'"),
    ("/v2/x\\y", "'\\\\\\\\'"),
]


@pytest.mark.parametrize(("path", "what"), MALFORMED)
def test_a_malformed_raw_path_is_refused_by_name(path: str, what: str) -> None:
    """build_request raises UsageError naming the path and what is wrong with it."""
    with pytest.raises(UsageError, match=what) as caught:
        build_request(BASE, RequestSpec(method="GET", path=path), headers={})
    assert repr(path) in str(caught.value)


@pytest.mark.parametrize(
    "path",
    [
        "/v2/flows",
        "/v2/flows/",
        "/v2/components/..%2Fusers%2Fme",
        "/v2/flows?page[size]=10&page[number]=2",
        "/v2/x?next=/v2/y?z",
        "/v2/a-b_c.d~e!$&'()*+,;=:@",
        "/",
    ],
)
def test_a_well_formed_raw_path_is_sent_as_given(path: str) -> None:
    """Encoded escapes, sub-delimiters, a trailing slash and a query pass untouched."""
    request = build_request(BASE, RequestSpec(method="GET", path=path), headers={})
    assert request.url.raw_path == path.encode("ascii")


@pytest.mark.parametrize(("path", "what"), MALFORMED)
async def test_request_refuses_a_malformed_raw_path_and_sends_nothing(
    client: AsyncClient, router: respx.MockRouter, path: str, what: str
) -> None:
    """client.request() raises UsageError, never httpx.InvalidURL, and sends nothing."""
    route = router.route().respond(200, json={})
    with pytest.raises(UsageError, match=what):
        await client.request("GET", path)
    assert route.call_count == 0
