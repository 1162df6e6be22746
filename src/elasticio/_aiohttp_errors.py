"""aiohttp's exceptions told in httpx's terms, as httpcore would have reported the same failure.

What matters most is the line between "certainly not sent" (`httpx.ConnectError`,
`httpx.ConnectTimeout`, `httpx.PoolTimeout`: any request may be retried) and "may have
been processed" (everything else: only idempotent ones): only a failure to open the
connection is reported on the first side of it.
"""

from __future__ import annotations

import aiohttp
import httpx

__all__ = ["as_httpx_error"]

# The first entry that matches wins, so subclasses come before their bases.
_MAPPING: tuple[tuple[type[BaseException], type[httpx.TransportError]], ...] = (
    (aiohttp.ClientHttpProxyError, httpx.ProxyError),  # the proxy refused the tunnel
    (aiohttp.ClientConnectorError, httpx.ConnectError),  # DNS, TCP, TLS, proxy: nothing sent
    (aiohttp.ConnectionTimeoutError, httpx.ConnectTimeout),
    (aiohttp.ServerTimeoutError, httpx.ReadTimeout),
    (aiohttp.ServerDisconnectedError, httpx.RemoteProtocolError),
    (aiohttp.ClientPayloadError, httpx.RemoteProtocolError),  # a body cut short or malformed
    (aiohttp.ClientResponseError, httpx.RemoteProtocolError),  # a malformed status or header
    (aiohttp.NonHttpUrlClientError, httpx.UnsupportedProtocol),
    (aiohttp.InvalidURL, httpx.UnsupportedProtocol),
    (aiohttp.ClientConnectionError, httpx.ReadError),  # reset, closed, or any other OS error
    (TimeoutError, httpx.ReadTimeout),
)


def as_httpx_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """The httpx exception to raise, ``from exc``, for ``exc`` raised by aiohttp while it
    sent ``request`` or read its answer.

    Anything not known here becomes a plain `httpx.TransportError`, which the SDK reports
    as a connection error and never retries.

    Examples:
        >>> request = httpx.Request("POST", "http://127.0.0.1:9/")
        >>> type(as_httpx_error(aiohttp.ServerDisconnectedError(), request)).__name__
        'RemoteProtocolError'
    """
    for source, target in _MAPPING:
        if isinstance(exc, source):
            return target(str(exc) or type(exc).__name__, request=request)
    return httpx.TransportError(str(exc) or type(exc).__name__, request=request)
