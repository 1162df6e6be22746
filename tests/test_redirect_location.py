"""A redirect whose Location is no valid URL: the server's protocol error, typed, never retried."""

from __future__ import annotations

import httpx
import pytest
import respx

from elasticio import APIConnectionError, APIProtocolError, AsyncClient
from tests._support.clock import FakeClock
from tests._support.offline import API_KEY, BASE_URL

INVALID_LOCATIONS = ["http://api.elastic.io:notaport/x", "http://[::1/x", "https://h:99:1/x"]


@pytest.mark.parametrize("location", INVALID_LOCATIONS)
@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_an_invalid_redirect_location_is_a_protocol_error(
    client: AsyncClient,
    router: respx.MockRouter,
    clock: FakeClock,
    location: str,
    code: int,
    method: str,
) -> None:
    """APIProtocolError after one request, not an APIConnectionError after four."""
    router.route(path="/v2/x").respond(code, headers={"Location": location})
    with pytest.raises(APIProtocolError, match="Location") as caught:
        await client.request(method, "/v2/x")
    assert not isinstance(caught.value, APIConnectionError)
    assert (caught.value.method, caught.value.url) == (method, f"{BASE_URL}/v2/x")
    assert API_KEY not in str(caught.value)
    assert len(router.calls) == 1
    assert clock.sleeps == []


async def test_a_dropped_connection_is_still_a_connection_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Only httpx's invalid-Location error is recognised: a server hang-up is still retried."""
    router.get("/v2/x").mock(side_effect=httpx.RemoteProtocolError("Server disconnected"))
    with pytest.raises(APIConnectionError):
        await client.request("GET", "/v2/x")
    assert len(router.calls) == 4
