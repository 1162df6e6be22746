"""The httpx client an `AsyncClient` builds for itself: its pool limits, hook and cookies."""

from __future__ import annotations

import httpx

from elasticio._direct.transport import DirectTransport
from elasticio._shielded import shield_close

__all__ = [
    "environment_proxy_map",
    "environment_proxy_mounts",
    "new_http_client",
    "pool_limits",
    "sole_direct_transport",
]


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
    (unless ``transport`` is given) the SDK's own `DirectTransport`, with httpx's transport
    for the proxies the environment names.

    Examples:
        >>> http = new_http_client(transport=None, timeout=httpx.Timeout(5), max_concurrency=4)
        >>> http.follow_redirects, type(http.cookies).__name__
        (False, '_Unkept')
    """
    limits = pool_limits(max_concurrency)
    mounts = None
    if transport is None:
        transport = DirectTransport(
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
        )
        mounts = environment_proxy_mounts(limits)
    http = httpx.AsyncClient(
        transport=transport,
        mounts=mounts,
        timeout=timeout,
        follow_redirects=False,
        limits=limits,
        event_hooks={"response": [shield_close]},
    )
    # httpx's setter would copy the cookies into a store of its own kind.
    http._cookies = _Unkept()
    return http


def sole_direct_transport(http: httpx.AsyncClient) -> DirectTransport | None:
    """The `DirectTransport` every request of ``http`` goes through, if there is one: the
    transport of the client `new_http_client` builds unless the environment names a
    proxy (whose URLs go through httpx's transport).

    Examples:
        >>> direct = DirectTransport()
        >>> sole_direct_transport(httpx.AsyncClient(transport=direct, trust_env=False)) is direct
        True
        >>> sole_direct_transport(httpx.AsyncClient(trust_env=False)) is None
        True
    """
    transport = http._transport
    return transport if isinstance(transport, DirectTransport) and not http._mounts else None


def environment_proxy_mounts(
    limits: httpx.Limits,
) -> dict[str, httpx.AsyncBaseTransport | None]:
    """httpx's transport for each proxy that ``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``
    and ``NO_PROXY`` name, by URL pattern, as httpx mounts them for a client of its own
    (which it does only for a client built without a transport); ``None`` for a pattern
    that goes direct.

    Examples:
        >>> import os
        >>> saved = dict(os.environ)
        >>> os.environ.update(HTTPS_PROXY="http://proxy:3128", NO_PROXY="internal")
        >>> sorted(environment_proxy_mounts(httpx.Limits()))
        ['all://*internal', 'https://']
        >>> os.environ.clear(); os.environ.update(saved)
    """
    return {
        pattern: None if proxy is None else httpx.AsyncHTTPTransport(proxy=proxy, limits=limits)
        for pattern, proxy in environment_proxy_map().items()
    }


def environment_proxy_map() -> dict[str, httpx.Proxy | None]:
    """The proxy for each URL pattern that ``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``
    and ``NO_PROXY`` name, as httpx reads them for a client of its own; ``None`` for a
    pattern that goes direct.

    Examples:
        >>> import os
        >>> saved = dict(os.environ)
        >>> os.environ.update(HTTP_PROXY="http://proxy:3128", NO_PROXY="internal")
        >>> {p: proxy and str(proxy.url) for p, proxy in environment_proxy_map().items()}
        {'http://': 'http://proxy:3128', 'all://*internal': None}
        >>> os.environ.clear(); os.environ.update(saved)
    """
    # httpx keeps this reading private; a test pins it to what an httpx client does.
    return {
        pattern: None if url is None else httpx.Proxy(url)
        for pattern, url in httpx._utils.get_environment_proxies().items()
    }
