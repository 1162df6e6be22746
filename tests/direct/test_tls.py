"""DirectTransport over TLS on loopback: a certificate from a test authority (trustme), the
name checked, and a failed handshake reported as a connect error (nothing was sent)."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator

import httpx
import pytest
import trustme

from elasticio import APIConnectionError, AsyncClient, DirectTransport
from tests._support.clock import FakeClock
from tests._support.recorder import OK, answer, exchange

GUARD = 10.0  # a safety net against a hanging test, never reached when the code is right


@pytest.fixture(scope="module")
def authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
async def tls_server(authority: trustme.CA) -> AsyncIterator[int]:
    """An HTTPS server on 127.0.0.1 with a certificate for "localhost"; yields its port."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("localhost").configure_cert(context)

    async def reply(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                writer.write(answer())
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(reply, "127.0.0.1", 0, ssl=context)
    async with server:
        yield server.sockets[0].getsockname()[1]


def trusting(authority: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    authority.configure_trust(context)
    return context


async def test_an_https_request_is_answered_over_a_verified_connection(
    tls_server: int, authority: trustme.CA, clock: FakeClock
) -> None:
    transport = DirectTransport(ssl_context=trusting(authority), clock=clock)
    try:
        async with asyncio.timeout(GUARD):
            for _ in range(2):  # the second on the kept connection
                request = httpx.Request("GET", f"https://localhost:{tls_server}/v2/users/me")
                assert (await exchange(transport, request)).content == OK
        assert sum(len(links) for links in transport._idle.values()) == 1
    finally:
        await transport.aclose()


async def test_a_certificate_from_an_unknown_authority_is_a_connect_error(
    tls_server: int, clock: FakeClock
) -> None:
    """The default context trusts certifi's authorities, not the test's: the handshake
    fails, before anything is sent."""
    transport = DirectTransport(clock=clock)
    try:
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            async with asyncio.timeout(GUARD):
                await transport.handle_async_request(
                    httpx.Request("GET", f"https://localhost:{tls_server}/")
                )
        assert transport._slots is not None
        assert transport._slots._value == 100  # the slot is free again
    finally:
        await transport.aclose()


async def test_a_certificate_for_another_name_is_refused_and_a_post_is_retried(
    tls_server: int, authority: trustme.CA, clock: FakeClock
) -> None:
    """127.0.0.1 is not the name on the certificate. A failed handshake is a connect
    error, so even a POST may be tried again; each try fails the same way."""
    async with AsyncClient(
        email="me@example.com",
        api_key="key",
        base_url=f"https://127.0.0.1:{tls_server}",
        transport=DirectTransport(ssl_context=trusting(authority), clock=clock),
        sleep=clock.sleep,
        clock=clock,
        max_retries=2,
    ) as client:
        with pytest.raises(APIConnectionError) as raised:
            async with asyncio.timeout(GUARD):
                await client.request("POST", "/v2/flows/1/start")
    assert raised.value.retries_taken == 2
    assert "mismatch" in str(raised.value)  # the name check, not the authority, refused it
