"""The httpx client an `AsyncClient` builds for itself: its pool limits, hook and cookies."""

from __future__ import annotations

import httpx

from elasticio._quick_pool import quicken
from elasticio._shielded import shield_close

__all__ = ["new_http_client", "pool_limits"]


def pool_limits(max_concurrency: int | None) -> httpx.Limits:
    """The connection pool limits for a client that allows ``max_concurrency`` attempts.

    The pool holds a connection for every attempt the client lets through, so no attempt
    ever waits for a connection (and no ``PoolTimeout`` comes from the SDK's own
    limit); with no limit, httpx's own defaults apply.

    Examples:
        >>> pool_limits(8).max_connections
        8
    """
    if max_concurrency is None:
        return httpx.Limits()
    return httpx.Limits(max_connections=max_concurrency, max_keepalive_connections=max_concurrency)


class _Unkept(httpx.Cookies):
    """A cookie store that keeps nothing.

    httpx stores the cookies of every response in its client's jar (through the standard
    library's cookie machinery: a tenth of the SDK's CPU per request), but sends them
    only with requests it builds itself (``client.build_request``, redirects). The SDK
    builds its requests and never follows a redirect, so they were never sent: keeping
    none changes no request.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


def new_http_client(
    *,
    transport: httpx.AsyncBaseTransport | None,
    timeout: httpx.Timeout,
    max_concurrency: int | None,
) -> httpx.AsyncClient:
    """The `httpx.AsyncClient` of an `AsyncClient` given no ``http_client``: never following
    a redirect, a connection per concurrency slot, every response's close shielded, and
    (with httpx's own transport) the cheaper pool of `elasticio._quick_pool`.

    Examples:
        >>> http = new_http_client(transport=None, timeout=httpx.Timeout(5), max_concurrency=4)
        >>> http.follow_redirects, type(http.cookies).__name__
        (False, '_Unkept')
    """
    http = httpx.AsyncClient(
        transport=transport,
        timeout=timeout,
        follow_redirects=False,
        limits=pool_limits(max_concurrency),
        event_hooks={"response": [shield_close]},
    )
    # httpx's setter would copy the cookies into a store of its own kind.
    http._cookies = _Unkept()
    if transport is None:  # a transport of the user's is used as given
        quicken(http)
    return http
