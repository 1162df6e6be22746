"""The SDK's requests handed straight to its own transport (`receive_direct`): the same
request on the wire as through `httpx.AsyncClient.send`, the same answer and errors."""

from __future__ import annotations

import gzip

import httpx
import pytest

from elasticio import APIProtocolError, AsyncClient
from elasticio._receive import basic_authorization
from tests._support.clock import FakeClock
from tests._support.recorder import OK, Serve, answer


def client_of(base_url: str, clock: FakeClock, **options: object) -> AsyncClient:
    return AsyncClient(
        email="mé@example.com",
        api_key="kéy",
        base_url=base_url,
        clock=clock,
        sleep=clock.sleep,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(("email", "key"), [("me@example.com", "k"), ("mé@例え.jp", "ключ:1")])
def test_the_credentials_are_written_as_httpx_writes_them(email: str, key: str) -> None:
    request = httpx.Request("GET", "https://a.test/")
    flow = httpx.BasicAuth(email, key).auth_flow(request)
    assert basic_authorization(email, key) == next(flow).headers["Authorization"]


async def test_the_request_on_the_wire_is_the_one_httpx_would_send(
    serve_recording: Serve, clock: FakeClock
) -> None:
    """Through DirectTransport directly and through httpx's client over httpx's own
    transport: the same request line, headers (credentials included) and body."""
    recorder, base_url = await serve_recording(lambda head: answer())
    for transport in (None, httpx.AsyncHTTPTransport()):
        async with client_of(base_url, clock, transport=transport) as client:
            assert client._core.direct is (None if transport else client._core.http._transport)
            await client.request("POST", "/v2/flows/a%2Fb/start", json={"n": "é"}, params={"q": 1})
    (direct_head, direct_body), (httpx_head, httpx_body) = recorder.seen
    assert direct_head.split(b"\r\n")[0] == httpx_head.split(b"\r\n")[0]
    assert recorder.headers(0) == recorder.headers(1)
    assert ("authorization", basic_authorization("mé@example.com", "kéy")) in recorder.headers(0)
    assert direct_body == httpx_body


async def test_a_compressed_body_is_decoded(serve_recording: Serve, clock: FakeClock) -> None:
    _, base_url = await serve_recording(
        lambda head: answer(gzip.compress(OK), headers=b"Content-Encoding: gzip\r\n")
    )
    async with client_of(base_url, clock) as client:
        assert (await client.request("GET", "/v2/users/me")).meta == {"ok": True}


async def test_a_redirect_to_a_location_that_is_no_url_is_a_protocol_error(
    serve_recording: Serve, clock: FakeClock
) -> None:
    """As httpx's client reports it (and the SDK then), never as a failed connection."""
    _, base_url = await serve_recording(
        lambda head: answer(b"", status=b"302 Found", headers=b"Location: http://[::1\r\n")
    )
    async with client_of(base_url, clock, max_retries=0) as client:
        with pytest.raises(APIProtocolError, match="no valid URL"):
            await client.request("GET", "/v2/users/me")
